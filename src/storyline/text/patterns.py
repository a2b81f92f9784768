"""Patterns of news text that more than one stage reads: openers that lean on what came before, datelines.

One home for them, so that the cleaner, the summary and the timeline agree on what they mean:

- ``DATELINE``: a dateline opening a paragraph ("CAIRO (Reuters) - ", "PHNOM PENH — ", "Cairo, Egypt (CNN) --
  ", "LONDON, March 8 (Reuters) - ", "AP VENICE, La. -- "): where the story body starts (``ingest.clean``), what a
  summary sentence leaves out (``summarize.candidates``) and the outlet an article's text names
  (``ingest.outlets``); ``dateline_place``, the place it names ("COCODRIE" of "COCODRIE, La. (AP) --"), where the
  roster reads a place's name (``who.entities``); a heading in capitals before a dash is none ("BP RUNS OUT OF CASH
  - UNLIKELY ...": ``HEADING_WORDS``);
- ``LEAD_DEBRIS``: headline, dateline and byline debris glued into a scraped lead ("TRIPOLI | Tue Mar 1,
  2011 6:36 pm EST TRIPOLI (Reuters) - ...", anywhere in the sentence): a feature of timeline sentences;
- ``LEANING_START``: a sentence that opens on a pronoun, a demonstrative or a connective leans on the
  sentence before it (case-blind; a feature of timeline sentences, ``timeline.build``);
- ``DANGLING_OPENER``: a sentence that opens with a personal pronoun, alone or after a connective ("It
  said ...", "But they ..."): never a summary candidate (``summarize.candidates``);
- ``POINTING_BACK``: what a story-level summary refuses besides (``summarize.story``): a connective opener
  ("And ...", "But ...", "Meanwhile, ...", "At the same time, ..."; ``CONNECTIVES``, but for "Now"), and a
  demonstrative opener, alone or after a preposition ("That was ...", "This report has not been confirmed.",
  "These measures ...", "In that interview, ...", "Since then, ..."), except the demonstratives of time ("This
  week ...", "That night ...") and "Those who ..."; the next of an untold sequence ("Now comes swine flu ...");
  and a time counted from a moment the sentence does not give ("The next day, ...").
- ``CAPTION``: a photo caption or credit ("In this Tuesday, Nov. 10, 2009 file photo ...", "... (AP Photo)",
  "... before the House subcommittee (Associated Press)"), in named parts (``caption_parts``: a line of a page is
  a caption by fewer of them than a sentence is), with ``CAPTION_WORDS``, words every match holds;
  ``CAPTION_SCENE``, a caption that tells its scene ("Tito Jackson arrives at the trial ... in Los Angeles.");
- ``BYLINE`` and ``GLUED_BYLINE``: a byline alone or glued before the story's first words, one reading
  (``byline_pattern``);
- ``NOT_NEWS``: page furniture that reads like a sentence but tells no event: update notices ("Update: Reuters
  has updated their story.", "(Update 12:31 a.m. Tuesday in Cairo ...)"), embedded tweets' signatures ("— Jack
  Lloyd (@RedDeadLloyd) May 21, 2013"), teasers and promos ("Live blog: ...", "Tune in to CNN tonight at 8
  ET", a live Q&A's announcement: "... was online Friday, Oct. 10, at Noon ET to discuss ..."), a reader's letter on
  the paper's own pages ("Regarding the Sept. 17 front-page article on ...", "Your
  article is ..."); neither a summary candidate nor a timeline sentence;
- ``COMMENT_HEADER``: a reader's comment header or stamp ("At 12:46 pm on 10 Jun 2010, TonyP wrote:",
  "February 2, 2011 at 6:31 pm | Reply"): cleaning removes the page's comments from the first on
  (``ingest.clean``, reason ``reader-comment``);
- ``PAGE_STAMP``: a page's time stamp glued before its lead ("7 November 2011 Last updated at 21:40 GMT Help
  Michael Jackson's former personal doctor ...", "Susan Watts | 18:00 UK time, Saturday, 25 April 2009
  Experts are ..."): the timeline cuts it off with whatever headline came before it;
- ``WIRE_STAMP``: a wire page's stamp before its dateline ("BENGHAZI, Libya | Thu Aug 4, 2011 3:51 pm EDT"):
  cut in cleaning (``ingest.clean``, reason ``page-stamp``);
- ``AGENCY_DATELINE``: a wire dateline anywhere in a sentence, a name of ``OUTLET_NAMES`` in its brackets ("...
  By Jessica Donati LONDON, March 8 (Reuters) - ..."): the story summary's candidate and the timeline's entry
  start after it, a speaker's name leaves it out, and an article whose body opens with one credits its agency
  (``compare.claims``). ``DATELINE`` and ``AGENCY_DATELINE`` are one pattern (``dateline_pattern``) built from
  one list of agencies and outlets (``OUTLET_NAMES``), which outlet detection and credits read too;
- ``glue_seams``: where a headline, caption or label is glued before a sentence without a stop ("Eight cases of
  swine flu have emerged in the UK Two more people ...", "BP oil leak plug 'going as planned' The oil company BP
  says ...", "... the White House On Friday, President ..."), and on an article's first line where the lead starts
  again after its headline or caption (``lead_seams``: "Michael Jackson doctor gets four years in prison || Michael
  Jackson's former doctor, Conrad Murray, has been sentenced ..."): cleaning starts a paragraph there, once, so the
  summary, the timeline and who said what all see the seam (``ingest.clean``); ``inside_quote`` keeps it (and the
  corpus templates' glued runs) out of quotations; ``SENTENCE_OPENERS``, the words it is built from, also end a
  pull quote's speaker and title;
- ``OPENING_QUOTES``, ``CLOSING_QUOTES``, ``STRAIGHT_QUOTE`` (``QUOTE_CHARS``: all three): the double quotation
  marks a quotation opens and closes with (`` ` `` and ``''`` of tokenized corpora count as the curly ones):
  what who said what pairs into quotations (``who.attribution``); ``QUOTE_OPENERS`` adds the single marks a
  shown quote may open with, so the report adds none of its own then (``present.html``).

The word lists they are built from are below; each pattern keeps its own reach (the timeline's feature is
broad and case-blind, the summary's refusals are narrow and case-sensitive).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import MONTH_NAME, MONTH_NAMES, MONTH_STEM, WEEKDAY_NAMES
from .words import COMMON_SAYING_VERBS, SAYING_VERBS, TIME_NOUNS

# Personal pronouns and possessives that a sentence cannot open with and stand alone.
PERSONAL_PRONOUNS = ("he", "she", "it", "they", "them", "his", "her", "its", "their", "theirs")
DEMONSTRATIVES = ("this", "that", "these", "those")
# Connectives that join a sentence to the one before ("Meanwhile, ...", "At the same time, ...").
CONNECTIVES = (
    "but",
    "and",
    "so",
    "yet",
    "or",
    "still",
    "also",
    "however",
    "now",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "besides",
    "likewise",
    "similarly",
    "instead",
    "thus",
    "therefore",
    "hence",
    "then",
    "indeed",
    "otherwise",
    "in addition",
    "as a result",
    "even so",
    "in turn",
    "at the same time",
    "on the other hand",
    "in contrast",
    "by contrast",
)
# Nouns of time after a demonstrative, singular or plural: "This week ...", "These days ..." say when, they do
# not point back. (Names of months and days are capitalised: never the lower-case word the pattern looks at.)
TIME_NOUN_FORMS = tuple(sorted(TIME_NOUNS | {noun + "s" for noun in TIME_NOUNS}))


# Double quotation marks: curly and guillemets that open, those that close, and the straight one that does both.
OPENING_QUOTES = "\u201c\u201e\u00ab"
CLOSING_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'
QUOTE_CHARS = OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE
# Marks a shown quotation may open with: the double ones, and the single ones ("\u2018", "'", "`").
QUOTE_OPENERS = frozenset(STRAIGHT_QUOTE + OPENING_QUOTES + "\u2018'`")


def alternatives(words: tuple[str, ...] | list[str], title: bool = False) -> str:
    """The words as a pattern's alternatives (``title``: each opening a sentence, its first letter a capital); a
    phrase's words apart by any white space."""
    return "|".join((w[:1].upper() + w[1:] if title else w).replace(" ", r"\s+") for w in words)


# The irregular present (third person) and past of verbs of saying; the rest inflect as English does ("admit",
# "admitted"; "reply", "replied").
_IRREGULAR_FORMS = {
    "say": "says said",
    "tell": "tells told",
    "write": "writes wrote",
    "swear": "swears swore",
}


def verb_forms(lemmas: frozenset[str], base: bool = True) -> str:
    """A pattern of the verbs' base, third-person and past forms ("say|says|said", "admit(?:s|t?ed)?"), longest
    first; without the base form (``base=False``) a singular subject's ("says|said", "admit(?:s|t?ed)"), where a
    base form would as often be a noun ("the government report", "a company post")."""
    forms = []
    for lemma in sorted(lemmas, key=lambda w: (-len(w), w)):
        if lemma in _IRREGULAR_FORMS:
            forms.append("|".join([lemma, *_IRREGULAR_FORMS[lemma].split()][not base :]))
        elif re.search(r"[^aeiou]y$", lemma):
            forms.append(f"{lemma[:-1]}(?:{'y|' * base}ies|ied)")
        elif lemma.endswith("e"):
            forms.append(f"{lemma}[sd]{'?' * base}")
        else:
            forms.append(rf"{lemma}(?:e?s|{lemma[-1]}?ed){'?' * base}")
    return "|".join(forms)


# The forms of the verbs of saying after a pronoun (``summarize.story``: "..., they say", "..., he affirmed").
SAYING_FORMS = verb_forms(SAYING_VERBS)
# A singular subject's forms of the common verbs of news reports (``words.COMMON_SAYING_VERBS``), as plain text shows
# a saying without a parse: "the agency said", "the paper reports" (``summarize.story``), "Obama said" before a
# past perfect, "Mark in New Jersey writes:" (``timeline.build``). The long list of ``SAYING_VERBS`` is for
# parsed cues: as plain words its verbs tell acts as often ("the company agreed", "the government ordered").
COMMON_SAYING_FORMS = verb_forms(COMMON_SAYING_VERBS, base=False)


# News agencies and outlets as datelines and credits name them: the one list of the wire dateline (below), of
# an article's outlet read from its text (``ingest.outlets``, whose URL hosts name outlets of this list) and of
# the source a sentence or article credits (``compare.claims``). "The " is optional wherever a name is read.
OUTLET_NAMES = (
    # agencies and broadcasters of datelines
    "CNN", "Reuters", "AP", "AFP", "UPI", "BBC", "VOA", "Bloomberg", "Xinhua", "dpa", "ANSA", "EFE", "Kyodo",
    "Interfax", "Itar-Tass", "TASS", "Yonhap", "NPR", "CNBC", "ABC", "NBC", "CBS", "MSNBC", "Fox News",
    "Al Jazeera", "PTI", "IANS", "CP", "Ynet",
    # their names written out, and papers and sites credited in the text
    "Associated Press", "Agence France-Presse", "Agence France Presse", "New York Times", "Wall Street Journal",
    "Washington Post", "Financial Times", "Los Angeles Times", "Free Republic", "Dow Jones", "Guardian",
    # the outlets of well-known hosts (``ingest.outlets.HOSTS``)
    "The New York Times", "The Washington Post", "The Wall Street Journal", "The Guardian", "Washington Free Beacon",
    "The Atlantic", "The Atlantic Wire", "NBC News", "CBS News", "ABC News", "USA Today", "The Economist",
    "The Independent", "The Telegraph", "Daily Mail", "HuffPost", "Politico", "Foreign Policy", "Time", "Newsweek",
    "France 24", "DW", "Haaretz", "The Jerusalem Post", "The Times of Israel", "RT",
)  # fmt: skip


# Other spellings of the outlets of ``OUTLET_NAMES`` (lower case, "the " left out): a credit, a folder or a
# user's field may write them so; ``outlet_key`` gives every spelling of one outlet one key.
OUTLET_SPELLINGS = {
    "associated press": "AP",
    "ap photo": "AP",
    "reuters legal": "Reuters",
    "thomson reuters": "Reuters",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "fox": "Fox News",
    "nyt": "The New York Times",
    "wsj": "The Wall Street Journal",
}


def canonical_outlet(name: str) -> str:
    """The name ``OUTLET_NAMES`` gives an outlet written another way ("Associated Press" -> "AP"), else the
    name as written."""
    return OUTLET_SPELLINGS.get(re.sub(r"^the\s+", "", " ".join(name.split()).lower()), name)


def outlet_key(name: str) -> str:
    """One key per outlet however it is written ("The Washington Post", "washingtonpost", "Fox News", "fox",
    "Associated Press" and "AP", "Reuters Legal" and "Reuters")."""
    key = _compact(name)
    return _SPELLING_KEYS.get(key, key)


def _compact(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", name.strip().lower()))


_SPELLING_KEYS = {_compact(spelling): _compact(name) for spelling, name in OUTLET_SPELLINGS.items()}


def names_pattern(names: tuple[str, ...] | list[str] | set[str] | frozenset[str]) -> str:
    """The names as one alternation, longest first, each with an optional "The " (case-sensitive: "the
    guardian of the children" names nobody)."""
    bare = {n.removeprefix("The ") for n in names}
    return r"(?:[Tt]he )?(?:" + "|".join(re.escape(n) for n in sorted(bare, key=lambda n: (-len(n), n))) + ")"


OUTLETS = names_pattern(OUTLET_NAMES)
# A dateline's parts: the place (a capitalised word and up to four more, with a state, date or day: "Cairo,
# Egypt", "LONDON, March 8", "BENGHAZI, Libya, Aug 16"; the place in capitals when its dash is lost), the
# name in brackets, the dash.
_PLACE = r"[A-Z][\w./'-]*(?:[ ,/]+[A-Z\d][\w./'-]*){0,4}"
_CAPS_PLACE = r"[A-Z][A-Z./'-]+(?:[ ,/]+[A-Z\d][\w./'-]*){0,4}"
_DASH = r"(?:--|[-\u2013\u2014]{1,2})"
# Words in capitals that no place's name has and a heading's words do: pronouns, "to" before a verb, particles
# and negations ("CEO HAYWARD LOSES HIS JOB - ", "BP RUNS OUT OF CASH - UNLIKELY", "BP TO LOSE GOVERNMENT
# CONTRACTS - ", "AT LEAST TEMPORARILY - ", "WAKE UP -- "). (Prepositions and articles are a place's too: "MOUTH
# OF THE MISSISSIPPI RIVER --", "ON BARATARIA BAY, La. --".)
HEADING_WORDS = frozenset(
    "HE SHE IT WE THEY YOU HIS HER ITS OUR THEIR MY YOUR TO UP OUT OFF LEAST NO NOT IS ARE WAS WERE WILL WOULD "
    "CAN COULD SHOULD MAY MUST HAS HAVE HAD DO DOES DID".split()
)
# A place alone before the dash, in capitals, with a state and a date ("PHNOM PENH — ", "MESA, Ariz., Feb. 18
# -- "): words of two letters or more, no digits but the day's, none of a heading's words.
_PLACE_ALONE = (
    rf"(?![A-Z.' ]*\b(?:{alternatives(sorted(HEADING_WORDS))})\b)"
    r"[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,4}(?:,\s*[A-Z][\w.]+)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
)
# Any short name in brackets: at a paragraph's start the dateline's shape says it is one ("WOODLAND HILLS
# (CBSLA.com) —"); inside a sentence only a name of the list does.
_ANY_NAME = r"[\w .&'-]{1,30}"


def dateline_pattern(names: str, start: str) -> str:
    """A wire dateline whose bracketed name is one of ``names``: "CAIRO (Reuters) - ", "Cairo, Egypt (CNN) --
    ", "LONDON, March 8 (Reuters) - ", its dash lost before a capital ("TRIPOLI, Libya (Reuters) Libyan ...",
    a known name and a place in capitals only), or the agency first on its line ("AP VENICE, La. -- "). The
    bracketed or leading name is the first group that is not None (``dateline_name``)."""
    return (
        rf"(?:{start}{_PLACE}[ \t]*\(({names})\)[ \t]*{_DASH}\s+"
        rf"|{start}{_CAPS_PLACE}[ \t]*\(({OUTLETS})\)[ \t]*(?=[A-Z\"\u201c])"
        rf"|(?:^|(?<=\n))\W{{0,3}}({OUTLETS}) {_CAPS_PLACE}\s*{_DASH}\s+)"
    )


# A dateline opening a paragraph: the pattern above with any short name in brackets, or a place in capitals
# and a dash alone ("PHNOM PENH — ").
DATELINE = re.compile(dateline_pattern(_ANY_NAME, "^") + rf"|^{_PLACE_ALONE}\s*{_DASH}\s")
# A wire dateline anywhere in a sentence, a name of the list in its brackets. What comes before it on a scraped
# page is a headline, bullets or a byline glued on.
AGENCY_DATELINE = re.compile(dateline_pattern(OUTLETS, r"\b"))


def dateline_name(match: re.Match[str]) -> str | None:
    """The agency or outlet a dateline match names ("Reuters"), or None for a dateline of a place alone."""
    return next((g.strip() for g in match.groups() if g), None)


# How far a dateline is read from its line's start: "TOKYO/LONDON, Oct 25 (Reuters) - " and more.
DATELINE_REACH = 120
# A dateline's place: the words before its state or day, its bracketed name or its dash.
_PLACE_END = re.compile(r"\s*(?:,|\(|[-\u2013\u2014]{1,2}\s)")


@dataclass(frozen=True)
class DatelinePlace:
    """The place a dateline opening a line names: where in the text (``start``, ``end``), the agency or outlet
    the dateline credits (``name``, None for a place alone before its dash) and whether a state, country or day
    follows the place after a comma (``qualified``: "COCODRIE, La. --", "LONDON, March 8 --")."""

    start: int
    end: int
    name: str | None
    qualified: bool


def dateline_place(text: str, at: int) -> DatelinePlace | None:
    """The place of the dateline (``DATELINE``) that opens the line of ``text`` that position ``at`` lies on,
    when ``at`` is where that place starts: "COCODRIE" of "COCODRIE, La. (AP) --", "Washington" of "Washington
    (CNN) -- ", "VENICE" of "AP VENICE, La. -- " (or the agency before it: a recognizer's name may take both in,
    "AP VENICE"), "PHNOM PENH" of "PHNOM PENH — "; else None. The one reading of a dateline's place
    (``who.entities``: a name there names a place)."""
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start : line_start + DATELINE_REACH]
    opening = len(line) - len(line.lstrip())
    match = DATELINE.match(line[opening:])
    if match is None:
        return None
    # the place opens the dateline, or follows the agency of "AP VENICE, La. --" (where a span may start too)
    start = opening + (match.end(3) + 1 if match.group(3) is not None else 0)
    if at - line_start not in (start, opening + match.start(3) if match.group(3) is not None else start):
        return None
    end = _PLACE_END.search(line, start, opening + match.end())
    if end is None:
        return None
    return DatelinePlace(
        line_start + start, line_start + end.start(), dateline_name(match), end.group().strip() == ","
    )


# The time zones of a page's or live blog's stamps ("16.17 BST", "8:52 pm EDT", "7:33 p.m. ET"): a stamp's word, no
# name's.
TIME_ZONES = ("GMT", "UTC", "BST", "ET", "EST", "EDT", "PST", "PDT")
# A clock's time as stamps write it: "16.17", "8:52 pm", "10.32am", "7:33 p.m." (its zone, when it has one, after it).
CLOCK = r"\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?"
# (the Timeline17 texts are read detokenized; "-LRB- Reuters -RRB-" is kept for text given tokenized)
LEAD_DEBRIS = re.compile(
    r"\||(?:\(|-LRB-)\s*[A-Z][A-Za-z]+\s*(?:\)|-RRB-)\s*[-\u2013\u2014]|\b\d{1,2}:\d\d\s*[ap]\.?m\b"
    rf"|\b(?:{alternatives(TIME_ZONES)})\b"
)
LEANING_START = re.compile(
    r"^[\"'\u201c\u2018`]*(?:"
    + alternatives(
        ["he", "she", "it", "they", *DEMONSTRATIVES, "but", "and", "however", "his", "her", "their", "its"]
    )
    + r"|we|i|you)\b",
    re.IGNORECASE,
)
DANGLING_OPENER = re.compile(
    rf"^(?:(?:{alternatives(CONNECTIVES, title=True)}),?\s+(?:{alternatives(PERSONAL_PRONOUNS)})"
    rf"|(?:{alternatives(PERSONAL_PRONOUNS, title=True)}))\b(?!-)"
)
# Prepositions that open a sentence before what they govern ("In that interview, ...", "Since then, ...").
OPENING_PREPOSITIONS = "In|At|During|After|Before|Since|From|By|Under|With|Until|For|Despite|Following"
POINTING_BACK = re.compile(
    # a connective ("Meanwhile, Coast Guard Commandant Thad Allen retired Tuesday.": meanwhile to what?); not "Now"
    # ("Now that the well has been capped, ..." says when), "Then-President Bush" or "In addition to ..."
    rf"^(?:(?:{alternatives([c for c in CONNECTIVES if c != 'now'], title=True)})\b(?!-|\s+to\b)"
    r"|(?:This|That)['’]s\b"
    # a demonstrative, opening the sentence or after a preposition ("These measures ...", "In that interview, the
    # president compared ...", "During that meeting, ..."), or "then" after one ("Since then, ...", "By then ...")
    rf"|(?:{alternatives(DEMONSTRATIVES, title=True)}|(?:{OPENING_PREPOSITIONS})\s+(?:{alternatives(DEMONSTRATIVES)}))"
    rf"\s+(?!(?:{alternatives(TIME_NOUN_FORMS)}|who)\b)[a-z]"
    rf"|(?:{OPENING_PREPOSITIONS})\s+then\b"
    # the next of a sequence the sentence does not tell ("Now comes swine flu and people fearing for their lives.",
    # after "Next came the recession ..."; "Then came ..." is a connective's)
    r"|(?:Now|Next|Here)\s+(?:comes?|came)\b"
    # a time counted from a moment the sentence does not give ("The next day, ...", "Hours later ...", "Later that
    # day ...", "Five days later, on April 20, the well blew out": later than what, the summary does not say)
    r"|(?:(?:(?:A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|A\s+few|\d+)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)|Minutes|Hours|Days|Weeks|Months|Moments)\s+"
    r"(?:later|earlier|afterwards?)"
    r"|The\s+(?:next|following|previous)\s+(?:day|week|month|morning|afternoon|evening|night)"
    r"|Later\s+that\s+(?:day|week|month|morning|afternoon|evening|night))\b)"
)


# A photo caption or credit, in named parts (``caption_parts``):
#
# - ``opening``: a wire photo's caption opening a line ("FILE - In this Tuesday, Nov. 10, 2009 file photo, ...", "In
#   this photo taken ...", "This undated handout photo provided by ... shows ...");
# - ``label``: a caption's label or a looser opening ("Hide Caption", "Photo ...", "FILE ...", "In this ... photo",
#   "This undated photo ..."), which would also take a paragraph of prose that a scraper glued a credit to
#   ("Photograph: Dave Martin When BP's chief executive ...", "Image has become more and more important ...");
# - ``credit``: the photo's credit that ends it ("... (AP Photo)", "... before the House subcommittee (Associated
#   Press)", "... Rice (L) with Clinton (Photo: MCT)", "... (Jim Watson / AFP)", "... Sergey Lavrov / AP"), or the
#   photo named at its end ("... off Louisiana April 22, 2010, in this handout photograph.", "... in Tripoli in this
#   image from Libya TV.");
# - ``mark``: a credit or a gallery's widget anywhere ("Photo: EPA", "Credit: ...", "AP Photo", "Buy Photo",
#   "Full Screen", "3 of 12 Photos").
#
# A sentence is a caption by any part (``caption_sentence``: the summary's candidates, the timeline's sentences); a
# line of a page by its opening or its credit alone (``ingest.clean``, with ``CAPTION_SCENE``).
CAPTION = re.compile(
    r"""
    (?P<opening>
      ^(?:FILE\s*[-–—]+\s*)?(?:In\ this|This)\b(?:[^.]|\.(?=\s\d)){0,60}?\b(?:file\ |handout\ |pool\ |undated\ )?
      (?:photo|image|picture|frame\ grab)s?\b(?:,|\ (?:provided|released|taken|made|shows?)\b)
    )
    | (?P<label>
      ^(?i:Hide\ Caption|Caption|Photo(?:s|graph)?\b|Image\b|Enlarge|FILE\b|In\ this\ [^.]{0,60}\ (?:file\ )?photo)
    | ^\(?(?i:This|An?)\ (?i:undated\ )?(?i:file\ )?(?i:photo|image|picture)\b
    )
    | (?P<credit>
      (?i:\((?:AP|Reuters|AFP|Getty\ Images|Associated\ Press|[^()]{0,60}/\s*(?:AP|Reuters|AFP|Getty[^()]*|Staff\ Photographer))\)\s*$)
    | (?i:\((?:photo|photograph|image|picture|credit|file\ photo|pool\ photo)s?\s*[:/]?\s*[^()]{0,60}\)$)
    | (?i:\([^()]{2,60}/\s*(?:staff\ )?(?:photographer|getty\ images|afp|ap|reuters|epa|[\w\ ]{1,30}photo)\)$)
    | (?i:\s/\s(?:ap|afp|reuters|epa|getty\ images|ap\ photo|afp/getty\ images|[a-z][\w.]*(?:\ [a-z][\w.]*)?/getty\ images)$)
    | (?i:\bin\ this\ (?:handout\ |file\ |undated\ |aerial\ |pool\ )?(?:photo(?:graph)?|image|picture)
         (?:\ (?:from|taken|released|provided)\b[^.]{0,40})?\s*\.?$)
    )
    | (?P<mark>(?i:
      \b(?:Photo|Image|Picture)\s*(?::|credit|courtesy) | \bCredit:\s | \b(?:AP|AFP|Getty|Reuters)\s+Photo\b
    | \bBuy\ Photo\b | \bFull\ Screen\b | \bAutoplay\b | \bSkip\ Ad\b | \bView\ (?:Photos|Gallery)\b
    | \b\d+\ of\ \d+\ (?:Photos|Images)\b
    ))
    """,
    re.VERBOSE,
)


def caption_parts(text: str) -> set[str]:
    """The parts of ``CAPTION`` that ``text`` shows ("label", "opening", "credit", "mark")."""
    return {match.lastgroup for match in CAPTION.finditer(text) if match.lastgroup is not None}


def caption_sentence(text: str) -> bool:
    """A sentence that is a photo caption or credit (any part of ``CAPTION``; a cheap look for ``CAPTION_WORDS``
    first, the pattern is slow on long sentences), or a wire photo's scene told in the present up to its whole day
    (``WHOLE_DAY_STAMP_END``, ``told_in_the_present``)."""
    lowered = text.lower()
    return (
        any(word in lowered for word in CAPTION_WORDS)
        and CAPTION.search(text) is not None
        or told_in_the_present(text, WHOLE_DAY_STAMP_END)
    )


def told_in_the_present(text: str, stamp: re.Pattern[str]) -> bool:
    """A scene told in the present and stamped with its day at the end (``stamp``): a photo's caption. A news
    sentence that ends on its day tells it in the past or the future (``TOLD_OR_TO_COME``)."""
    return stamp.search(text) is not None and TOLD_OR_TO_COME.search(text) is None


_WEEKDAYS = "|".join(WEEKDAY_NAMES)
# A photo caption's day stamp at its end: any day ("Police officers protest in Cairo, Egypt, on Sunday.", "Oil
# floats around a rig ... May 31."; the story summary's refusal, ``summarize.story.photo_caption``), or the day written
# whole, weekday to year, as wire photos are captioned ("A broker sits in front of the DAX board at the stock exchange
# in Frankfurt, central Germany, on Wednesday, Oct. 15, 2008."; news prose names the weekday or the year, rarely
# both), or set off by a comma, day and year ("An oil sheen is seen on the water ... off the coast of Louisiana, May 27
# 2010.": prose says "on May 27"): every sentence's refusal, ``caption_sentence``).
DAY_STAMP_END = re.compile(
    rf"(?:\b(?:{_WEEKDAYS})|\b{MONTH_STEM}[a-z]*\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
    r"[\"”’)]*\.$"
)
_DAY_AND_YEAR_END = rf"{MONTH_NAME}\.?\s+\d{{1,2}},?\s+\d{{4}}[\"”’)]*\s*\.?$"
# The date that closes a photo caption, set off by a comma: "..., Cambodia, July 12, 2012.", "... off the coast of
# Louisiana, May 27 2010." (the cleaner's caption under a title, the summary's caption standing alone as a paragraph).
CAPTION_DATE_END = re.compile(rf",\s+{_DAY_AND_YEAR_END}")
WHOLE_DAY_STAMP_END = re.compile(rf"\b(?:{_WEEKDAYS}),?\s+{_DAY_AND_YEAR_END}|{CAPTION_DATE_END.pattern}")
# A verb told in the past, the perfect or the future, or a plan ("took to the streets on Friday", "will meet on
# Monday", "plans to", "begins"): what a news sentence that ends on its day has, and a caption has not.
TOLD_OR_TO_COME = re.compile(
    r"\b(?:[a-z]+ed|was|were|had|did|said|told|took|made|came|went|saw|gave|got|left|met|held|began|fell|rose|won|"
    r"lost|sent|spoke|struck|led|fled|ran|brought|became|knew|found|kept|put|set|shot|hit|cut|fought|sought|"
    r"caught|built|broke|bought|sold|paid|spent|stood|will|would|could|should|has|have|might|may|must|due|"
    r"(?:is|are|plans?|aims?|hopes?|intends?|wants?|seeks?|prepares?|vows?|promises?|threatens?|expects?)\s+to|"
    r"begins?|starts?|opens?|resumes?|meets?|votes?)\b"
)
# A photo caption that tells its scene in the present ("Michael Jackson's brother Tito Jackson arrives at the trial of
# Dr Conrad Murray in Los Angeles.", "Iranian President Mahmoud Ahmadinejad gestures during a rally on Tehran's Azadi
# Square on February 11."): a named subject (no pronoun or article: prose's "The president arrives at ..."), a verb
# of a picture's moment and its preposition, and the place or the date the picture ends with; one sentence, no
# quotation (a line of a page: ``ingest.clean``, which bounds its length).
CAPTION_SCENE = re.compile(
    r"^(?!(?:He|She|It|They|We|I|You|This|That|There|The|A|An)\b)[A-Z][^.!?\"“”:;]{2,80}? "
    r"(?:arrives?|leaves?|waves?|gestures?|poses?|(?:is|are) pictured|pictured) "
    r"(?:at|outside|from|for|to|as|with|during|after|in front of)\b[^.!?\"“”:;]{0,160}"
    rf"(?:\bin [A-Z][\w'.-]*(?:,? [A-Z][\w'.-]*){{0,3}}|\b{MONTH_NAME}\.? \d{{1,2}}(?:, \d{{4}})?)\s*\.?$"
)
# A photo's credit run into the sentence after it on a scraped page ("AP It took U.S. and British teams three months to
# cap the well ...", "Reuters BP's embattled boss Tony Hayward is set to be replaced ..."): a picture agency's name alone
# before a capital. Not the agency as the subject ("Reuters reported ..."), nor a body that is no picture agency ("EPA
# Administrator Lisa Jackson ..."), nor a credit whose photographer's name runs on ("AP Photo/Jae C. Hong The Superdome
# ...": where it ends is unknown). Read where the sentence starts: ``summarize.candidates.glued_before``,
# ``timeline.build.glued_start``.
PHOTO_CREDIT = re.compile(r"(?:AP|AFP(?:/Getty\s+Images)?|Getty\s+Images|Reuters)\s+(?!Photo\b)(?=[A-Z])")


# Every match of CAPTION contains one of these (lower-cased) words: a cheap look before the pattern.
CAPTION_WORDS = (
    "caption",
    "photo",
    "image",
    "picture",
    "frame grab",
    "enlarge",
    "file",
    "(ap",
    "/ap",
    "ap)",
    "/ ap",
    "ap photo",
    "reuters",
    "afp",
    "epa",
    "getty",
    "associated press",
    "full screen",
    "autoplay",
    "skip ad",
    "credit",
)
_CLOCK = rf"{CLOCK}\s*(?:{alternatives(TIME_ZONES)})?"
NOT_NEWS = re.compile(
    r"""
    ^\W{0,2}(?:UPDATE|Update|UPDATED|Updated)\b\s*(?:[:\-\u2013\u2014]|\d|at\b)
    | \b(?:has|have)\ updated\ (?:this|the|its|their|his|her|our)\ (?:story|article|report|post)\b
    | \bthis\ (?:story|article|post)\ (?:has\ been|was)\ updated\b
    | \b(?:wrote|writes|said):\s*$
    | ^\W{0,2}(?:Live\ blog|LIVE\ BLOG|Video|VIDEO|Audio|Gallery|Podcast|Watch|WATCH)\s*:
    | \b(?:Tune\ in|Watch)\b[^.]{0,80}\b(?:tonight|at\ \d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?\ )?ET)\b
    | \(@\w{1,30}\)\ (?:[A-Z][a-z]+\.?\ \d{1,2},\ \d{4}|\d{1,2}\ [A-Z][a-z]+\ \d{4})\s*$
    | ^\W{0,2}(?:Regarding|Re:?|In\ response\ to)\s+(?:your\b|the\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|[\w-]+-page\b|op-ed\b))
      [^!?]{0,60}?\b(?:article|column|editorial|op-ed|story|piece|commentary|report|letter)s?\b
    | \b(?:is|are|was|were|will\ be)\ online\ .{0,60}?\bET\b,?\ to\ (?:discuss|take|offer|answer|chat|talk)\b
    | ^\W{0,2}Your\s+(?:[\w-]+\s+){0,3}?(?:article|column|editorial|op-ed|story|piece|commentary|coverage)\s+(?:is|was)\b
    """,
    re.VERBOSE,
)
# Capitalized words that open a sentence and are no part of a name. ``GLUE_OPENERS`` may open a sentence glued after
# a word in lower case ("... beaches and marshes In a speech in Pennsylvania ..."); ``STRONG_OPENERS``, never
# capitalized inside a sentence, after any word ("BP oil leak plug 'going as planned' The oil company ...", "...
# emerged in the UK Two more people ...", "... from BP Thousands of barrels ..."; not "Police", a name's part after
# a capitalized word: "Tayside Police reveals"); ``SENTENCE_OPENERS`` adds the
# words a sentence opens with after a speaker's name and title (``ingest.clean``'s pull quotes).
STRONG_OPENERS = (
    "The",
    "A",
    "An",
    "He",
    "She",
    "They",
    "We",
    "There",
    "This",
    "More",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
)
# Numbers open a sentence after a word in lower case or in capitals ("... emerged in the UK Two more people ...",
# "... from BP Thousands of barrels ..."), not after a capitalized word, whose name they end ("the Big Three
# automakers", "Year Seven").
NUMBER_OPENERS = (
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Thousands", "Hundreds", "Millions",
    "Dozens",
)  # fmt: skip
GLUE_OPENERS = (
    *STRONG_OPENERS, *NUMBER_OPENERS, "Police", "Officials", "It", "In", "On", "At", "But", "If", "Since", "Meanwhile", "Its", "His", "Her", "Their",
    "After", "When", "While", "Speaking", "Earlier", "Some", "Many",
)  # fmt: skip
SENTENCE_OPENERS = frozenset(
    (*GLUE_OPENERS, *"That These Those As Before And So Prof Professor Sir Later".split())
)
# Words after which a capital is a name's part, not a sentence's start ("BBC Two", "Channel Four", "This Is It",
# "type A influenza", "Plan A", "vitamin A"): lower-cased.
_NAMING_WORDS = frozenset(
    "bbc itv is channel radio type plan part vitamin hepatitis grade class category group section level division "
    "phase stage series model option route terminal gate block ward wing room floor team box size league "
    "influenza flu".split()
)
# Words a phrase does not end with, so no headline or caption either ("... dispersed yearly to the Thousands of
# Saudi princes").
_FUNCTION_WORDS = frozenset(
    "the a an of to and or but for with by from at in on as than that this these those its their his her our your "
    "my whose which who".split()
)
_MONTHS = "|".join(MONTH_NAMES)
# Where a glue may be: the space before an opener and a word in lower case, or before "On" or "In" and a day, a
# month or a figure. ``glue_seams`` judges the word on the left.
_SEAM = re.compile(
    rf"(?<=\S)[ \t]+(?=(?:{'|'.join(GLUE_OPENERS)}) [a-z]|(?:On|In) (?:{_WEEKDAYS}|{_MONTHS}|\d{{1,4}}\b))"
)
_LOWER_WORD = re.compile(r"[a-z][\w'’%-]*[a-z%]")
_CLOSING = "'’\"”"
# A calendar date ending what is glued before a sentence: a chronology's line ("Dr Murray appears in court 25
# January 2011 The doctor officially enters a plea ..."), whose date heads the sentence after it.
_HEADING_DATE = re.compile(
    rf"(?:\b\d{{1,2}} (?:{_MONTHS})|\b(?:{_MONTHS})(?: \d{{1,2}},?)?)\s+\d{{4}}\s*$|\b(?:{_MONTHS}) \d{{1,2}}\s*$"
)


def glue_seams(text: str, lead: bool = False) -> list[int]:
    """Where, in ``text``, a sentence starts after a headline, caption or label glued before it without a stop
    (the offsets of the sentences' first words); cleaning starts a paragraph at each (``ingest.clean``), so every
    stage sees the seam. One rule, three shapes:

    - a word in lower case (or a closing quote after one), then an opener of ``GLUE_OPENERS`` and a word in lower
      case ("... beaches and marshes In a speech in Pennsylvania ...");
    - any word or figure, then an opener of ``STRONG_OPENERS`` and a word in lower case ("BP oil leak plug 'going
      as planned' The oil company BP says ..."), or a word in capitals and one of ``NUMBER_OPENERS`` ("...
      emerged in the UK Two more people ...", "... from BP Thousands of barrels ...");
    - any word, then "On" or "In" and a day, a month or a figure ("... the White House On Friday, President Barack
      Obama suggested", "Case study: Gulf of Mexico oil spill and BP On 20 April 2010 ...").

    A calendar date before the seam heads the sentence (a chronology's line: "... in Los Angeles || 25 January
    2011 The doctor officially enters a plea ..."). Never inside a quotation, after a word that names what follows ("BBC Two", "This Is It", "type A influenza",
    "Class A drugs": ``named_letter``), a pronoun after a capitalized word ("Verily We chose him": a verse's), after
    a word no phrase ends with ("to the Thousands of ..."), or after a
    sentence's stop (the sentence splitter's).

    With ``lead`` (``text`` opens with an article's first line, where a page's headline and deck are glued to its
    lead), a fourth shape: the lead starting again after its headline or caption (``lead_seams``: "BP faces US
    criticism over Gulf of Mexico oil spill || BP is facing growing American criticism ...", "... must not
    administer anesthetic || Michael Jackson's former doctor has denied ...")."""
    seams: list[int] = []
    for match in _SEAM.finditer(text):
        left = text[: match.start()].rsplit(None, 1)[-1]
        opener, after = text[match.end() :].split(" ", 2)[:2]
        word = left.rstrip(_CLOSING).lstrip("(\"“‘'")
        if not word or word.lower() in _NAMING_WORDS or not (word[-1].isalnum() or word[-1] in "%)"):
            continue
        if word != left.lstrip("(\"“‘'") and not word[-1].isalpha():
            continue  # a closing quote after a figure or a bracket
        if word.lower() in _FUNCTION_WORDS:
            continue
        timed = opener in ("On", "In") and not after[:1].islower()
        # a pronoun after a capitalized word is a verse's ("Verily We chose him", "Then We strengthened")
        pronoun_after_title = (
            opener in ("He", "She", "We", "They") and word[:1].isupper() and not word.isupper()
        )
        strong = (
            opener in STRONG_OPENERS and not (opener == "This" and after == "Is") and not pronoun_after_title
        ) or (opener in NUMBER_OPENERS and len(word) > 1 and word.isupper())
        if not (timed or strong or _LOWER_WORD.fullmatch(word)):
            continue
        if opener == "A" and named_letter(text, match.start(), match.end()):
            continue
        if inside_quote(text, match.end()):
            continue
        date = None if timed else _HEADING_DATE.search(text, 0, match.start())
        if date is None:
            seams.append(match.end())
        elif re.search(rf"(?:,|{_WEEKDAYS})\s*$", text[: date.start()]):
            seams.append(match.end())  # the date ends a page's stamp ("16:45 UK time, Monday, 22 June 2009")
        elif text[: date.start()].strip():
            seams.append(date.start())  # the date heads the sentence
    if lead:
        seams = sorted(set(seams) | set(lead_seams(text, seams)))
    return seams


# The lead's seam: the first line of a page holds its headline, deck or photo caption glued to the lead, which starts
# again as a sentence ("BP faces US criticism over Gulf of Mexico oil spill || BP is facing growing American
# criticism over the giant oil spill ..."). The headline before it has this many words.
LEAD_HEADLINE_WORDS = (4, 40)
# Words of the lead read for the headline's words.
LEAD_REACH = 20
# What a subject opening the lead is followed by: a verb of these, or one in the past ("... BP pumped mud").
_SUBJECT_VERBS = frozenset(
    "is are was were has have had will would can could may might must should says said".split()
)
# Verbs of saying: the clause they report goes on after them, or after their object ("told investors || BP shares
# have fallen").
_SAYING = frozenset(
    """say says said tell tells told warn warns warned claim claims claimed insist insists insisted add adds added
    report reports reported announce announces announced deny denies denied assure assures assured
    inform informs informed indicate indicates indicated confirm confirms confirmed find finds found note notes noted
    reveal reveals revealed admit admits admitted agree agrees agreed estimate estimates estimated predict predicts
    predicted fear fears feared expect expects expected learn learns learned""".split()
)
# Words that end no headline before a name: they belong to the name's phrase ("energy giant || BP", "Libyan leader
# || Moammar Gadhafi", "pop legend || Michael Jackson", "al || Abidi"), to a clause that goes on ("a spokesman says
# || Gadhafi is alive", "sold 31 million || Jackson albums"), or to a time ("Last night || Piers Morgan hosted").
# Prepositions (those not among ``_FUNCTION_WORDS``): a phrase goes on after one, and a lead's subject ends before
# one ("who helped defend || Benghazi against Muammar Gaddafi's forces has called": no subject).
_PREPOSITIONS = frozenset(
    """against into after before about over under between among across through toward towards without within
    despite including via per than upon onto throughout along beyond behind beside near inside outside around amid
    during since until like unlike""".split()
)
_PHRASE_GOES_ON = (
    _SAYING
    | _PREPOSITIONS
    | frozenset(
        """leader leaders chief executive executives boss star legend veteran champion nominee spokesman spokeswoman
    spokesperson minister president secretary director officer official officials chairman chairwoman head staff
    correspondent reporter editor analyst lawyer attorney judge senator governor commander general envoy ambassador
    prosecutor doctor singer brother sister son daughter father mother wife husband colleague rival member members
    founder host presenter anchor actor actress giant firm company group school state agency network channel
    newspaper daily carrier operator maker producer club side major strongman dictator ruler king queen prince
    princess pope tycoon activist blogger researcher scientist expert student
    according believe believes think
    thinks know knows prove proves hope hopes show shows suggest suggests mean means meant indication evidence sign
    word
    whether if because while although though unless when where why how what whom
    now then also even only just
    million millions billion billions thousand thousands hundred hundreds dozen dozens
    night morning afternoon evening week weekend month year today yesterday tonight
    new former late outgoing eastern western northern southern central
    al el bin ibn abu de del della di da du la le van von der den""".split()
    )
)
# An adjective's ending, and what opens a noun phrase before it (a determiner, a possessive): a phrase that goes on
# past a seam's word ("BP's broken || Macondo well", "Mexico's usual || May Day celebrations").
_ADJECTIVE = re.compile(r"(?:al|ic|ous|ive|ful|less|en|ed|able|ible|ant|ent|ary)$")
_PHRASE_START = re.compile(r"^(?:the|a|an|his|her|its|their|our|your|my|this|that|these|those)$|['’]s$")
# Words the lead's echo of its headline does not count: what any sentence has.
_ECHO_IGNORED = frozenset(
    """is are was were has have had will would can could may might must should says said been be being the a an
    of to in on for and with by from at as that this it its his her their he she they we not""".split()
)
_TITLES = frozenset({"mr", "mrs", "ms", "dr"})
# A possessive before a noun: "his predecessor", "her husband", "their leader" go on into the name after them.
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your", "whose"})
# Words that open a relative clause: a seam one or two words after one is inside that clause.
_RELATIVE_WORDS = frozenset({"who", "whom", "which", "that"})


def _echo_key(word: str) -> str:
    """A word as the echo compares it: lower case, without punctuation or a possessive, without a plain inflection
    ("faces", "facing" and "faced" are one)."""
    word = word.lower().strip(".,;:!?()[]'\"‘’“”")
    word = re.sub(r"['’]s$", "", word)
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


_ECHO_IGNORED_KEYS = frozenset(_echo_key(w) for w in _ECHO_IGNORED)


# A lead's subject: a capitalized word and up to this many more, its name, possessives, nouns and adjectives
# ("Michael Jackson's former doctor", "Michael Jackson's physician, Doctor Conrad Murray,").
LEAD_SUBJECT_WORDS = 8
# Lower-case words inside a lead's subject: at most this many ("former personal doctor").
LEAD_SUBJECT_LOWER = 3
# The verbs after a lead's subject that open a news lead by themselves, whatever the headline said: the perfect
# ("... has been found guilty", "... has denied a charge", "... have announced") and the future ("Los Angeles
# prosecutors will file a criminal case ...").
_LEAD_VERBS = frozenset({"has", "have", "will"})


def _lead_subject(words: Sequence[str]) -> int:
    """How many of ``words`` are a lead's subject (0 when they do not open with one): a capitalized word (not "I"),
    then capitalized words and possessives, then up to ``LEAD_SUBJECT_LOWER`` nouns or adjectives in lower case
    (no name after them, "Sony music deal Sony has ..." is two phrases, but after a noun of a name's phrase: "Pop
    star Michael Jackson's father"), and a name in commas ("Michael Jackson's physician, Doctor Conrad Murray,").
    A sentence's opener inside it ("Europe The UN has warned"), a title's words ("Two Fat Ladies", "Photo Of All
    Time") or a lone comma before the verb ("Fixer Upper team, have agreed") mean no subject."""
    if not words or not words[0][:1].isupper() or words[0] == "I" or not words[0][-1].isalpha():
        return 0
    if words[0] in NUMBER_OPENERS:
        return 0  # before a capital a number starts a title ("Two Fat Ladies has died"); the other shapes judge it
    lower = 0
    count = 1
    apposition = False
    while count < min(len(words), LEAD_SUBJECT_WORDS):
        word = words[count - 1]
        if word.endswith(","):  # a name in commas: it goes on to its closing comma
            if apposition:
                return count
            apposition = True
        following = words[count].rstrip(",")
        opener = following in STRONG_OPENERS and following.lower() not in _TITLES
        if opener or following.lower() in _FUNCTION_WORDS and following[:1].isupper():
            return 0  # a sentence's opener, or a title's capitalized function word ("Photo Of All Time")
        if apposition and word.endswith(",") and not following[:1].isupper():
            return 0  # a comma that closes a phrase begun before the seam ("husband-wife || Fixer Upper team, have")
        # a name goes on a name, or follows a noun of its phrase ("Pop star Michael")
        named = apposition or lower == 0 or word in _PHRASE_GOES_ON or word[:1].isupper()
        if following[:1].isupper() and following[-1:].isalpha() and named:
            count += 1
        elif (
            apposition
            or not _LOWER_WORD.fullmatch(following)
            or following in _FUNCTION_WORDS
            or following in _PREPOSITIONS
            or following in _SUBJECT_VERBS
            or following.endswith(("ed", "ing"))  # a verb
            or lower == LEAD_SUBJECT_LOWER
        ):
            return count
        else:
            lower += 1
            count += 1
    return count


def lead_seams(text: str, found: Sequence[int] = ()) -> list[int]:
    """Where, on ``text``'s first line, the lead starts again after the headline or caption glued before it
    (precision first; ``found``, the seams other shapes found, are left out):

    - the line does not open with a wire's dateline (the story's body: "NEW YORK (Reuters) - ... on prospects ||
      Libya's civil war will soon end");
    - the word before the seam ends a headline plausibly: a word in lower case (so no first half of a name, "Wall ||
      Street", "Donny || Deutsch"), no function word, no participle in "-ing" and none of ``_PHRASE_GOES_ON``,
      after 4 to 40 words;
    - the lead opens as a sentence: a capitalized subject (``_lead_subject``: "Michael Jackson's former doctor")
      and a verb (``_SUBJECT_VERBS`` or one in the past);
    - and either it repeats the headline (its subject is named in the headline, and a word of its own in lower
      case too: "BP faces US criticism ... || BP is facing growing American criticism", "Michael Jackson doctor
      gets four years in prison || Michael Jackson's former doctor, Conrad Murray, has been sentenced to four
      years in prison"), or its verb is the perfect or the future that opens a news lead ("The judge told Dr Murray he must
      not administer anesthetic || Michael Jackson's former doctor has denied a charge ..."), not after a verb of
      saying and its object ("told investors || BP shares have fallen": the clause it reports)."""
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    seams: list[int] = []
    dateline = DATELINE.match(line)
    if dateline is not None and dateline_name(dateline) is not None:
        return seams  # a wire's dateline: the story's body opens the line, no headline before it
    for match in re.finditer(r"(?<=\S) (?=[A-Z])", line):
        at = match.end()
        before = line[: match.start()].split()
        if at in found or not LEAD_HEADLINE_WORDS[0] <= len(before) <= LEAD_HEADLINE_WORDS[1]:
            continue
        word = before[-1].rstrip(_CLOSING).lstrip("(\"“‘'")
        if not _LOWER_WORD.fullmatch(word) or word in _FUNCTION_WORDS or word in _PHRASE_GOES_ON:
            continue
        if word.endswith("ing"):
            continue  # a participle before its object ("Foreign powers attacking || Libya may hope ...")
        if any(w.lower() in _RELATIVE_WORDS for w in before[-3:-1]):
            continue  # inside a relative clause its verb's object goes on ("a commander who helped defend || Benghazi")
        if word != before[-1] and before[-1][-1] not in _CLOSING:
            continue  # a bracket or stop after the word
        if len(before) > 1 and _ADJECTIVE.search(word) and _PHRASE_START.search(before[-2].lower()):
            continue  # an adjective after a determiner or possessive: its phrase goes on ("BP's broken || Macondo well")
        if len(before) > 1 and before[-2].lower() in _POSSESSIVES:
            continue  # a noun after a possessive names the one after it ("Geithner and his predecessor || Henry Paulson")
        right = line[at:].split()
        run = _lead_subject(right)
        if run == 0 or run >= len(right):
            continue
        verb = right[run].rstrip(",;:")
        if verb not in _SUBJECT_VERBS and not (len(verb) > 4 and verb.endswith("ed")):
            continue
        if inside_quote(text, at):
            continue
        headline = {_echo_key(w) for w in before}
        named = ({_echo_key(w) for w in right[:run] if w[:1].isupper()} - _TITLES) & headline
        echoed = {_echo_key(w) for w in right[run:LEAD_REACH] if w[:1].islower()} - _ECHO_IGNORED_KEYS
        opens_lead = (
            verb in _LEAD_VERBS
            and run + 1 < len(right)
            and _LOWER_WORD.fullmatch(right[run + 1]) is not None
            # not the clause a verb of saying reports after its object ("told investors || BP shares have fallen")
            and (len(before) < 2 or before[-2].lower() not in _SAYING)
        )
        if (named and echoed & headline) or opens_lead:
            seams.append(at)
    return seams


def inside_quote(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` lies inside an opened quotation (an odd number of straight double
    quotes before it, or a curly opening one after the last curly closing one)."""
    head = text[:at]
    return head.count('"') % 2 == 1 or head.rfind("\u201c") > head.rfind("\u201d")


def named_letter(text: str, start: int, end: int) -> bool:
    """ "Class A drugs", "Hepatitis A virus", "Plan A is": a capitalised word before a lone "A" names it."""
    if not text.startswith("A ", end):
        return False
    previous = text[:start].rsplit(None, 1)[-1] if text[:start].strip() else ""
    return previous[:1].isupper() and not previous.isupper()


# A wire page's stamp before its dateline, as Reuters' pages were scraped ("BENGHAZI, Libya | Thu Aug 4, 2011
# 3:51 pm EDT BENGHAZI, Libya (Reuters) - The rebels ..."): the place, a bar, the weekday, date, clock and zone.
WIRE_STAMP = re.compile(
    r"(?:(?:^|(?<=\s))[A-Z][A-Z.'/-]*(?: [A-Z][A-Z.'/-]*){0,3}(?:,?\s+[A-Z\d][\w.]*(?: [A-Z\d][\w.]*)?){0,2}\s+\|\s+"
    r"|^[A-Z][a-z]{2,4}\.? \d{1,2}\s+\|\s+)"
    rf"(?:{'|'.join(name[:3] for name in WEEKDAY_NAMES)})\s+[A-Z][a-z]{{2}}\s+\d{{1,2}}\s*,\s*\d{{4}}\s+\d{{1,2}}:\d\d\s*[ap]m"
    r"\s+[A-Z]{2,4}\s+(?=[A-Z])"
)

_DAY_DATE = r"[A-Z][a-z]+day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
PAGE_STAMP = re.compile(
    rf"(?:\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\s+)?(?:Page\s+)?[Ll]ast\s+updated\s+at\s+\d{{1,2}}:\d\d\s*GMT"
    rf"(?:,\s+{_DAY_DATE})?(?:\s+\d{{1,2}}:\d\d\s+UK)?(?:\s+\(an error occurred while processing this directive\))?"
    rf"(?:\s+Help)?\s+"
    rf"|\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\s+[Ll]ast\s+updated\s+at\s+\d{{1,2}}:\d\d\s+"  # a day's stamp, no zone
    rf"|^[^|]{{1,60}}\|\s*\d{{1,2}}:\d\d\s*(?:UK\s+time|GMT|BST)?,?(?:\s+{_DAY_DATE})?\s+"
)

# A reader's comment under the article, by its header or stamp: the BBC's "At 12:46 pm on 10 Jun 2010, TonyP wrote:",
# CNN's "February 2, 2011 at 6:31 pm | Reply ..." (after the comment it stamps, before the next one), a blog's
# "Posted by: kirk | September 19, 2008 11:00 AM | Report abuse". A page's
# comments follow its story: from the first one on, cleaning removes them (``ingest.clean``, reason
# ``reader-comment``).
COMMENT_HEADER = re.compile(
    rf"^[\ \t]*At\ {_CLOCK}\ on\ [^,\n]{{4,30}},\ \S[^\n]{{0,40}}?\ wrote\b"
    rf"|\b[A-Z][a-z]+\.?\ \d{{1,2}},\ \d{{4}},?\ at\ {_CLOCK}[\ \t]*(?:\||$)"
    rf"|\bPosted\ by:\ [^|\n]{{1,40}}\|\ [A-Z][a-z]+\.?\ \d{{1,2}},\ \d{{4}}\ {_CLOCK}",
    re.VERBOSE | re.MULTILINE,
)


# A byline: "By", the writers' names ("By John D. Sutter", "By Ivan Watson, Raja Razek and Jomana Karadsheh"; never a
# day's or a month's name: "By Monday, ..." is a sentence) and, maybe, the outlet's credit with the writer's title
# and place: CNN's ("..., Special to CNN", "..., CNN National Security Producer", "... for CNN") or the BBC's ("BBC
# News, Los Angeles", "Science correspondent, BBC News"). One reading, two anchors (``byline_pattern``):
#
# - ``BYLINE``: a byline alone on its line, or ending where a date, a bar or a comma follows ("By Dan Primack February
#   2, 2011: 2:24 PM ET"): cleaning marks the line ``byline`` (``ingest.clean``), describing takes its names
#   (``ingest.describe``), and the summary refuses it as a sentence (``summarize.candidates``);
# - ``GLUED_BYLINE``: a byline a scraper glued before the story's first words ("By the CNN Wire Staff NEW: ...", "By
#   Pam Benson, CNN National Security Producer Khamis Gadhafi ...", "By Peter Bowes BBC News, Los Angeles The high
#   profile trial ..."): it needs the outlet's credit to know where the byline ends (group ``byline``). Cleaning cuts
#   it as the byline (``ingest.clean``); the timeline's reading of raw text starts a sentence after it
#   (``timeline.build.glued_start``).
_BYLINE_WORD = rf"(?!(?:{_WEEKDAYS}|{MONTH_NAME}|BBC|CNN)\b)[A-Z][\w.'\u2019-]*"
_BYLINE_NAME = rf"{_BYLINE_WORD}(?:\s+(?:{_BYLINE_WORD}|de|van|von|al|bin|el)){{1,3}}"
_BYLINE_NAMES = rf"{_BYLINE_NAME}(?:\s*,\s*{_BYLINE_NAME})*(?:\s*,?\s+and\s+{_BYLINE_NAME})?"
# A writer's title after CNN's credit ("CNN Senior International Correspondent").
_CNN_TITLE = (
    r"(?:\s+(?:[Ss]enior|[Cc]hief|[Nn]ational|[Ii]nternational|[Ss]ecurity|[Pp]olitical|[Tt]errorism|[Ff]oreign"
    r"|[Mm]ilitary|[Ll]egal|[Ww]ire|[Ss]pecial))*"
    r"(?:\s+(?:[Cc]orrespondent|[Pp]roducer|[Aa]nalyst|[Ww]riter|[Ee]ditor|[Rr]eporter|[Cc]ontributor|[Ss]taff))?"
)
# The first words of places named in more than one word ("Los Angeles", "New Orleans", "Lake Baikal").
_PLACE_HEADS = (
    "Los|Las|San|Santa|Sao|New|Lake|Hong|Sri|Abu|Buenos|Rio|Saint|St|Tel|Cape|Port|Mount|Kuala|Costa|Puerto"
)
_PLACE_WORD = r"[A-Z][\w.'\u2019-]*"
# The BBC's writer's place after its credit: the capitalized words before a sentence's opener ("Lake Baikal || The
# subs ..."), else a place's two words when the first opens a place's name ("Los Angeles || Michael Jackson ..."),
# else one word ("Washington || Everything so far ..."); and a country after a comma ("Campeche, Mexico").
_BBC_PLACE = (
    rf"(?:{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}(?=\s+(?:{'|'.join(STRONG_OPENERS)})\s+[a-z])"
    rf"|(?:{_PLACE_HEADS})\s+{_PLACE_WORD}|{_PLACE_WORD})(?:\s*,\s*{_PLACE_WORD})?"
)
# A writer's role in the BBC's credit ("Science correspondent, BBC News", "BBC NI business reporter").
_BYLINE_ROLE = "[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Pp]resenter|[Pp]roducer"
_WIRE_STAFF = r"the\s+CNN\s+Wires?\s+[Ss]taff"
_BYLINE_CREDIT = (
    rf"(?:\s*(?:,|-{{1,2}})\s*(?:Special\s+to\s+|For\s+)?CNN|\s+for\s+CNN){_CNN_TITLE}"
    rf"|(?:\s+(?:[A-Z][a-z]+\s+)?(?:{_BYLINE_ROLE})\s*,)?"
    rf"\s+BBC(?:\s+(?:World\s+)?News|\s+[A-Z][a-z]+(?=\s*,)|\s+[A-Z]{{2,5}}(?:\s+[a-z]+)?\s+(?:{_BYLINE_ROLE}))"
    rf"(?:\s*,\s*{_BBC_PLACE})?"
)


def byline_pattern(glued: bool) -> str:
    """The byline reading (see above): names with an optional credit and the end of a byline alone (``glued``
    False: the line's end, a comma, a bar, a semicolon, "and", "for" or a dash, a date), or a credit-ended byline
    and the capital the story starts with (``glued``). The names are group ``names`` (None for "By the CNN Wire
    Staff"), the byline ``byline``."""
    if glued:
        return (
            rf"(?P<byline>By\s+(?:{_WIRE_STAFF}|(?P<names>{_BYLINE_NAMES})(?:{_BYLINE_CREDIT})))"
            r"\s+(?=[A-Z\"\u201c'`])"
        )
    return (
        rf"(?P<byline>[Bb][Yy]:?\s+(?:{_WIRE_STAFF}|(?P<names>{_BYLINE_NAMES})(?:{_BYLINE_CREDIT})?))"
        rf"(?=\s*(?:$|[,;|])|\s+(?:and|for|-{{1,2}})\s|\s+{MONTH_NAME}\.?\s+\d)"
    )


BYLINE = re.compile(byline_pattern(glued=False))
GLUED_BYLINE = re.compile(byline_pattern(glued=True))

# A blog page's stamp with its writer, glued before the story's first words as Fox News' blog pages were scraped
# ("July 15, 2010 - 7:48 AM | by: Jonathan Serrie Pressure testing on the damaged oil well ..."): the stamp
# (group ``stamp``), a bar, the byline (group ``byline``: the fewest capitalised words, as the story may start with
# capitals too: "by: Jonathan Serrie The Coast Guard is responding ..."), then the capital the story starts with.
STAMPED_BYLINE = re.compile(
    rf"^(?P<stamp>{MONTH_NAME}\.?\s+\d{{1,2}},\s+\d{{4}}\s*{_DASH}\s*(?i:{CLOCK}))\s*\|\s*"
    rf"(?P<byline>[Bb]y:?\s+{_BYLINE_WORD}(?:\s+{_BYLINE_WORD}){{1,3}}?)\s+(?=[A-Z\"\u201c'`])"
)


# A dateline of a place alone with its day, inside a line: a scraped page glues the headline or a photo's credit
# before it ("... Systemic Change After Crisis TOULON, France, Sept. 25 -- French ...", "(By Misha Japaridze --
# Associated Press) MOSCOW, Sept. 20 -- For ..."); ``DATELINE`` reads it only at a paragraph's start.
PLACE_DAY_DATELINE = re.compile(
    rf"(?<!\S)[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){{0,4}}(?:,\s*[A-Z][\w.]+)?,?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}"
    rf"\s*{_DASH}\s"
)
