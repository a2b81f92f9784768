"""Who is who: one entry per real person, organisation and place, however each article names it.

Mentions come from spaCy's named entities plus *descriptions* ("the Syrian president", "Syria's
president", "the king") and are linked by rules that hold for news in general:

- **People** by their name parts: "Hillary Rodham Clinton" and "Hillary Clinton" share first and
  last name; a lone "Clinton" or "al-Assad" goes to the full name with that surname that its own
  article mentions most (else the one the collection mentions most). Titles ("President",
  "Secretary") and the Arabic article ("al-") do not count as name parts.
- **Countries** through a gazetteer (``countryinfo``): "U.S.", "US", "United States", "America"
  are one; a capital used as an actor ("Washington and Paris endorse", "Moscow's envoy") stands
  for its government, while a dateline or a place ("traveled to Damascus") stays the city.
- **Organisations** by their normalized name, and an acronym to the name it abbreviates
  ("NSC" / "National Security Council", "U.N." / "United Nations").
- **Descriptions** to the person whose title they repeat: the titles an article gives a person
  ("Syrian President Bashar al-Assad", "Tommy Vietor, a spokesman for the National Security
  Council") are recorded as roles (with the article's date), and a later "the Syrian president"
  links to the one person with that title. Plural and indefinite descriptions ("senior U.S.
  officials", "a diplomat") never link: anonymous sources stay anonymous.

The same linking runs on ECB+'s gold mentions (``storyline evaluate ecbplus``).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, Attribution, Entity
from ..pieces import NO_PIECES, Pieces
from ..text.dates import MONTH_ABBREVIATIONS
from ..text.patterns import CLOCK, TIME_ZONES, dateline_place
from ..text.words import BODY_NOUNS, TIME_NOUNS
from .genders import FEMININE, MASCULINE
from .names import (
    ANONYMOUS_HEADS,
    CONJUNCTIONS,
    KIN_NOUNS,
    PLACE_NOUNS,
    PLAIN_PERSON_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_NOUNS,
    formal_first_names,
    headline_verb,
    name_problem,
    tidy_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TYPE_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "other",
    "LAW": "other",
    "WORK_OF_ART": "other",
}
# Words before a name that are titles or honorifics, not name parts.
TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "adm",
    "sgt",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "pope",
    "rev",
    "judge",
    "justice",
    "chancellor",
    "ambassador",
    "chairman",
    "chief",
    "commissioner",
    "envoy",
    "spokesman",
    "spokeswoman",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "former",
    "late",
    "the",
}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# A person titled otherwise at least this many times is not the one a title they never bear means
# ("President Clinton" where Hillary Clinton is named as Secretary of State and Bill Clinton not in full).
TITLED_OTHERWISE = 3
# A title given once is the person's when it comes with at least one in this many of their full namings.
TITLE_SHARE = 10
NAME_PARTICLES = {"al", "el", "ibn", "bin", "van", "von", "de", "da", "di", "le", "la", "du", "der"}
FUNCTION_WORDS = {"of", "to", "for", "the", "and", "on", "at", "in", "a", "an", "'s", "’s"}
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "i", "we", "you"}


# ---------------------------------------------------------------------------------------------
# The gazetteer of countries (countryinfo's data, shipped in its package)


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str
    population: int = 0


@functools.cache
def gazetteer() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    """Lookups by normalized name or alias, by demonym, and by capital city."""
    from countryinfo import all_countries

    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    # Larger countries first, so a shared demonym or capital name ("American") means the larger one.
    infos: list[dict[str, Any]] = [dict(info.info()) for info in all_countries()]
    infos.sort(key=lambda d: -(d.get("population") or 0) if isinstance(d.get("population"), int) else 0)
    for data in infos:
        name = data.get("name")
        if not name:
            continue
        capital = str(data.get("capital") or "")
        population = data.get("population")
        country = Country(
            name=name,
            demonym=str(data.get("demonym") or ""),
            capital=capital,
            population=population if isinstance(population, int) else 0,
        )
        keys = [name, *(data.get("altSpellings") or [])]
        native = data.get("nativeName")
        if isinstance(native, str):
            keys.append(native)
        for key in keys:
            normalized = key_of(str(key))
            # Two-letter codes only as written in capitals with dots or not ("US", "U.K."): see country_of.
            if normalized and (len(normalized) > 2 or str(key).isupper()):
                by_name.setdefault(normalized, country)
        if country.demonym:
            by_demonym.setdefault(key_of(country.demonym), country)
        if capital:
            by_capital.setdefault(key_of(capital), country)
            first_word = key_of(capital.split()[0])
            if len(first_word) > 3:
                by_capital.setdefault(first_word, country)
    # Common English short forms the gazetteer spells differently.
    for alias, official in (
        ("america", "united states"),
        ("usa", "united states"),
        ("britain", "united kingdom"),
        ("great britain", "united kingdom"),
        ("south korea", "south korea"),
        ("north korea", "north korea"),
    ):
        if key_of(official) in by_name:
            by_name.setdefault(alias, by_name[key_of(official)])
    return by_name, by_demonym, by_capital


# The name questions below are pure functions of a mention's text, asked of the same few thousand texts again
# and again (``link`` alone asks ``key_of`` some 60,000 times of a 266-article story): the answers are remembered.
NAME_MEMORY = 200_000


# British spellings and their American twins, which write one name two ways ("World Health Organisation", "Ministry
# of Defence"): a key is written the American way. Only endings of common words, so no person's name changes
# ("Seymour", "Balfour" keep their "-our").
BRITISH_SPELLINGS = (
    (re.compile(r"(?<=\w)isation(s?)\b"), r"ization\1"),  # organisation, civilisation
    (re.compile(r"\b(def|off|lic|pret)ence\b"), r"\1ense"),  # defence, offence
    (
        re.compile(r"\b(lab|hon|harb|neighb|behavi|fav|col|hum|vig|arm|rum|endeav)our(s?)\b"),
        r"\1or\2",
    ),  # labour
    (re.compile(r"\b(cen|thea|me|li)tre(s?)\b"), r"\1ter\2"),  # centre, theatre
)


@functools.lru_cache(maxsize=NAME_MEMORY)
def key_of(text: str) -> str:
    """Lower case, no dots, possessive or leading "the", single spaces, American spelling: "the U.S.'s" -> "us",
    "World Health Organisation" -> "world health organization"."""
    text = re.sub(r"['\u2019]s\b", "", text.strip())
    text = text.replace(".", "").lower()
    text = re.sub(r"^the\s+", "", text)
    for british, american in BRITISH_SPELLINGS:
        text = british.sub(american, text)
    return " ".join(re.findall(r"[\w\-]+", text))


CODES_IN_PROSE = frozenset({"us", "uk"})
CODES3_IN_PROSE = frozenset({"usa", "uae", "drc", "prc", "rok"})


@functools.lru_cache(maxsize=NAME_MEMORY)
def country_of(text: str) -> Country | None:
    by_name, _by_demonym, _by_capital = gazetteer()
    key = key_of(text)
    if len(key.replace(" ", "")) <= 2 and (
        not text.replace(".", "").isupper() or key.replace(" ", "") not in CODES_IN_PROSE
    ):
        # "al", "in": a two-letter code counts only in capitals, and only the codes news prose uses for a
        # country ("US", "U.K."): "BS" in readers' comments is no Bahamas, "IN" no India
        return None
    if len(key) == 3 and key not in CODES3_IN_PROSE:
        return None  # a three-letter code as a country only where prose uses it so: "MAR" is a reader's name
    return by_name.get(key)


def country_of_word(word: str) -> Country | None:
    """A country named or meant by an adjective ("Syrian", "U.S.", "Russia")."""
    _by_name, by_demonym, _ = gazetteer()
    return country_of(word) or by_demonym.get(key_of(word))


# ---------------------------------------------------------------------------------------------
# Mentions


@dataclass
class Mention:
    """One mention of something: a name, a description or a pronoun, in one article."""

    article: str
    text: str
    start: int  # negative for a title, caption or highlight (outside the cleaned text)
    end: int
    label: str
    kind: str = "name"  # name | description | pronoun
    sentence: int = 0
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    government: bool = False
    titled: str = ""  # the name with the one-word title the article puts before it ("President Assad")
    # a description's person, by apposition or copula ("the panel's chairman, Jeff Bingaman"): the start
    # of that person's name in the article
    describes: int | None = None
    relational: bool = False  # a description owned by a common noun ("the panel's chairman")
    # what the words around the name say it is, whatever the recognizer said (``evidence_of_kind``):
    # place, thing, drug or body; it holds for the same word alone elsewhere in the article
    evidence: str = ""
    # a one-word name given as a relative of someone named just before ("her husband, Aaron"): that person's
    # relative, who may share their surname
    kin: bool = False
    # a description's named owner, the body or country whose title it is ("norco usa" of "Norco USA's
    # chairman", "syria" of "the Syrian president"); empty when it names none (``title_owner``)
    owner: str = ""
    # a description cut from its complement that the parse gave no clean end ("the head" of "the head of the
    # company that ..."): it may still stand for its holder in its article, but is no name for them
    cut: bool = False
    # a description that says no more of a person than their sex or age ("the Libyan woman", "the old man"): true of
    # many people, no title ("the point man", "the company man" are titles)
    plain: bool = False
    # a name of several words used as the modifier of a common noun after an article ("the Michael Forever
    # concert"): the noun's thing is named after it (``attributive``)
    attributive: bool = False


@dataclass
class Role:
    """A title an article gives a named person ("Syrian President", "a spokesman for the NSC")."""

    text: str
    head: str
    modifiers: frozenset[str]
    article: str
    start: int
    owner: str = ""  # the body or country whose title it is (``title_owner``)
    # an apposition after the name ("Conrad Murray, Michael Jackson's doctor,"), not a title before it: the name
    # it belongs to stands right before it, never after it
    apposition: bool = False
    # characters between a title and its name that are no part of the title: "Sir " of "Chief Medical Officer Sir
    # Liam Donaldson"
    gap: int = 0


def person_name_parts(text: str) -> list[str]:
    """The name words of a person mention, lower case, without titles and particles."""
    return list(name_parts(text))


@functools.lru_cache(maxsize=NAME_MEMORY)
def name_parts(text: str) -> tuple[str, ...]:
    words = re.findall(r"[\w\-']+", re.sub(r"['\u2019]s$", "", text.strip()))
    # "al-Assad" is written in capitals too ("abandon al-Assad" is Assad)
    capitalized = any(w[:1].isupper() or w.split("-", 1)[-1][:1].isupper() for w in words)
    # the words before a suffix ("Henry M. Paulson Jr"): an initial before the surname is a middle initial
    core = len(words)
    while core > 2 and words[core - 1].lower().rstrip(".") in NAME_SUFFIXES:
        core -= 1
    parts: list[str] = []
    for index, word in enumerate(words):
        lowered = word.lower().strip("'")
        if not parts and lowered.rstrip(".") in TITLE_WORDS:
            continue
        if not parts and index < len(words) - 1 and is_demonym(word):
            continue  # "Qatari NATO", "Iraqi Foreign Minister Hoshiyar Zebari": a nationality is no first name
        if capitalized and word[:1].islower() and not any(lowered.startswith(p) for p in NAME_PARTICLES):
            continue  # "stepmom Esther Williams": a description before the name
        if len(lowered) == 1 and any(len(w) > 1 for w in words[index + 1 : core - 1]) and core > 2:
            continue  # an initial before the given name: "W. Mark Felt" is Mark Felt ("T. J. Davies" keeps his)
        for particle in NAME_PARTICLES:
            if lowered.startswith(particle + "-") and len(lowered) > len(particle) + 2:
                lowered = lowered[len(particle) + 1 :]
        if (
            lowered in NAME_PARTICLES
            and (word[:1].islower() or parts)
            or lowered.rstrip(".") in NAME_SUFFIXES
            and parts
        ):
            continue  # "al-Assad", "bin Laden"; a capital first word is a first name ("Al Green", "Van Morrison")
        parts.append(lowered)
    return tuple(parts)


def is_demonym(word: str) -> bool:
    """A nationality's adjective in -an, -ese or -i ("Syrian", "Chinese", "Qatari"; not "French" or "English",
    which are surnames too)."""
    return re.search(r"(?:an|ese|i)$", word) is not None and key_of(word) in gazetteer()[1]


def display_name(text: str) -> str:
    """A mention as a name: without possessive, leading "the" kept only for organisations."""
    text = re.sub(r"(?<!\S)-[LR][RCS]B-(?!\S)", " ", text)  # Penn Treebank brackets ("-LRB- CNN")
    text = re.sub(r"['\u2019]s$", "", " ".join(text.split())).strip(" ,;:-&")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    if text.endswith(".") and not re.search(r"\b\w\.\w\.$", text):
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.")
    return without_unpaired_marks(text)


# Brackets and quotation marks, opening and closing; the straight marks are both.
BRACKET_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
QUOTE_PAIRS = (('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("\u2018", "\u2019"))
PAIRED_MARKS = "".join(mark for pair in BRACKET_PAIRS + QUOTE_PAIRS for mark in pair)


def without_unpaired_marks(text: str) -> str:
    """A name without the bracket or quotation mark the recognizer took in with no partner: "Idaho (" of
    "BOISE, Idaho (Reuters)", "World Health Organization (WHO" of "... (WHO)" (the acronym in brackets is
    found alone too, and is an alias), '"Hong Kong' of 'the "Hong Kong" flu', "New York'" of "' ... to New
    York'", 'Hayward a "'. Marks inside a name that have their partner stay ("Bell (Canada)", "O'Brien")."""
    while True:
        before = text
        for opening, closing in BRACKET_PAIRS:
            if text.count(opening) > text.count(closing):
                cut = text.rfind(opening)
                text = text[:cut] if cut > 0 else text[1:]  # what an unclosed bracket opens is another name
            elif text.count(closing) > text.count(opening) and (
                text.endswith(closing) or text.startswith(closing)
            ):
                text = text[:-1] if text.endswith(closing) else text[1:]
        for opening, closing in QUOTE_PAIRS:
            unpaired = (
                text.count(opening) % 2 == 1
                if opening == closing
                else text.count(opening) != text.count(closing)
            )
            if opening == closing and len(text) > 1 and text.startswith(opening) and text.endswith(closing):
                text = text[1:-1]  # "'The O'Reilly Factor'": a name in quotation marks, one inside
            elif unpaired and text.startswith(opening) and (opening != closing or not text.endswith(closing)):
                text = text[1:]
            elif unpaired and text.endswith(closing):
                text = text[:-1]  # "Reynolds'": a plural's possessive mark too
        text = text.strip(" ,;:-&")
        if text == before:
            return text


def without_glued_words(name: str) -> str:
    """A person's name without the words the recognizer glued after it: a country, a nationality or an
    acronym ("Valerie Amos UN" -> "Valerie Amos", "Ahmad Syrian" -> "Ahmad")."""
    words = name.split()
    if name.isupper():
        return name  # a name in capitals ("DAVID CAMERON" of a transcript's label) has no acronym glued on
    if len(words) > 2 and key_of(words[0]) in gazetteer()[1]:
        words = words[1:]  # "Professor of Russian Donald Rayfield": the subject glued before the name
    while len(words) > 1:
        last = words[-1]
        bare = last.replace(".", "")
        acronym = bare.isupper() and len(bare) >= 2 and bare.lower() not in NAME_SUFFIXES
        # nationalities in -an, -ese, -i, or plural ("Syrian", "Chinese", "Iraqi", "Libyans"); not
        # "French" or "English", which are surnames too
        demonyms = gazetteer()[1]
        nationality = re.search(r"(?:ans?|ese|is?)$", last) is not None and (
            key_of(last) in demonyms or key_of(last[:-1]) in demonyms
        )
        if acronym or nationality:
            words.pop()
            continue
        break
    return " ".join(words)


def acronym_expansions(names: Sequence[Mention]) -> dict[str, str]:
    """Acronym -> the organisation name it abbreviates, only on evidence in the articles: written beside
    it ("National Security Council (NSC)", "NSC (National Security Council)"), or the name written
    before the acronym in its own article in at least a third of the articles that use the acronym, or
    the only name of the collection with those initials, in an article with the acronym, and not named
    after a place ("University of Nottingham" is no "UN": such names are not shortened to the initials
    of their words). "UN" is not the University of Nottingham because both are initials of it."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    expansions: dict[str, set[str]] = defaultdict(set)
    for mention in names:
        if mention.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            by_article[mention.article].append(mention)
            key = key_of(mention.text)
            short = acronym_of(mention.text)
            if mention.label == "ORG" and short and short != key.replace(" ", ""):
                expansions[short].add(key)
    if not expansions:
        return {}
    beside: Counter[tuple[str, str]] = Counter()
    before: dict[tuple[str, str], set[str]] = defaultdict(set)
    using: dict[str, set[str]] = defaultdict(set)
    together: Counter[tuple[str, str]] = Counter()
    places = {key_of(m.text) for m in names if coarse_label(m.label) == "place"}
    for article, found in by_article.items():
        keys_here = {key_of(m.text) for m in found}
        single_words = {k for k in keys_here if " " not in k}  # the article's one-word names: acronyms used
        for short, candidates in expansions.items():
            if short in single_words:
                for expansion in candidates & keys_here:
                    together[(short, expansion)] += 1
        found.sort(key=lambda m: m.start)
        first_seen: dict[str, int] = {}
        for i, mention in enumerate(found):
            key = key_of(mention.text)
            first_seen.setdefault(key, mention.start)
            compact = key.replace(" ", "")
            if compact not in expansions or " " in key:
                continue
            using[compact].add(article)
            for other in (found[i - 1] if i else None, found[i + 1] if i + 1 < len(found) else None):
                if other is not None and key_of(other.text) in expansions[compact]:
                    gap = (
                        mention.start - other.end
                        if other.start < mention.start
                        else other.start - mention.end
                    )
                    if 0 <= gap <= 3:
                        beside[(compact, key_of(other.text))] += 1
            for expansion in expansions[compact]:
                if first_seen.get(expansion, mention.start + 1) < mention.start:
                    before[(compact, expansion)].add(article)
    chosen: dict[str, str] = {}
    for short, candidates in expansions.items():
        scored = []
        for expansion in candidates:
            shown = beside[(short, expansion)] > 0
            introduced = len(before[(short, expansion)]) * 3 >= max(len(using[short]), 1) > 0
            alone = (
                len(candidates) == 1
                and together[(short, expansion)] > 0
                and not re.search(r"\bof (.+)$", expansion)
                or len(candidates) == 1
                and together[(short, expansion)] > 0
                and (m := re.search(r"\bof (?:the )?(.+)$", expansion)) is not None
                and m.group(1) not in places
                and country_of(m.group(1)) is None
            )
            # the one name with those initials is the acronym's only where the acronym is not far more
            # used than that name is used beside it: "CNN" of 216 articles is no "Christian News Network" of one
            alone = alone and len(using[short]) <= 3 * together[(short, expansion)]
            if shown or introduced or alone:
                scored.append((beside[(short, expansion)], len(before[(short, expansion)]), expansion))
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][:2] != scored[1][:2]):
            chosen[short] = scored[0][2]
    return chosen


@functools.lru_cache(maxsize=NAME_MEMORY)
def acronym_of(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w\-]*", name) if w.lower() not in FUNCTION_WORDS]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


# What a government does and has, so that a capital doing or having it stands for the government.
GOVERNMENT_VERBS = frozenset(
    """say tell announce warn urge call demand insist deny reject accept endorse support back oppose condemn
    criticize criticise accuse blame threaten agree refuse veto sign vote recognize recognise want seek ask
    propose offer pledge promise vow respond react protest welcome expel summon impose sanction send
    deploy order decide push press block approve claim argue signal suggest hope fear believe acknowledge
    admit confirm declare state express voice contend maintain dismiss retaliate negotiate mediate
    resist withdraw recall freeze suspend halt ban arm fund pressure prepare prepared move try plan intend
    ready willing determined""".split()
)
GOVERNMENT_NOUNS = frozenset(
    """envoy ambassador government regime position stance policy decision support opposition response
    relations ally allies diplomat diplomats official officials leader leaders demand demands proposal
    plan offer veto ministry minister military forces army troops backing objection objections
    refusal reluctance approach strategy sanctions intervention involvement role""".split()
)


def is_dateline(span: Span, text: str) -> bool:
    """A name that is the place of a dateline opening its line (``text.patterns.dateline_place``, the one reading
    of a dateline): "COCODRIE, La. (AP) --", "RAS JDIR, Tunisia (Reuters) -", "Washington (CNN) --". A name the
    recognizer typed otherwise is a place by it only when it is written in capitals, as a wire writes a dateline's
    place ("RAND Corp. (CNN) -- " is a credit's company run into the story's dateline), and a name alone before a
    dash only when a state or day follows ("GRAND ISLE, La. --"): a heading or a name in capitals looks the same
    ("NATO -- the North Atlantic Treaty Organization ...", "BP - which is battling ...", "EDGAR HERNANDEZ - ")."""
    place = dateline_place(text, span.start_char)
    if place is None or place.end != span.end_char:
        return False
    if span.label_ in ("GPE", "LOC"):
        return True
    capitals = all(word.isupper() for word in span.text.replace(".", "").split())
    return capitals and (place.name is not None or place.qualified)


# A transcript's speaker label: a name in capitals opening its line, maybe the speaker's outlet or body after a
# comma and an aside in brackets, and a colon ("LIU (TRANSLATED): ...", "MARTIN GEISSLER, ITV NEWS -LRB- voice-over
# -RRB- : ...", "GEISSLER : ..."); the name is group ``name``, the aside ``aside``.
TRANSCRIPT_LABEL = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+){0,3})[ \t]*(?:,[^:()\n]{1,60}?)?"
    r"(?P<aside>(?:\(|-LRB-)[^()\n]{0,40}?(?:\)|-RRB-))?[ \t]*:",
    re.MULTILINE,
)


def transcript_speakers(text: str) -> frozenset[str]:
    """The words of the names a transcript's labels give a speaker with an aside ("SNOW (voice-over):", "MARTIN
    GEISSLER, ITV NEWS (voice-over):"): a person speaking, whom the text's other labels ("GEISSLER :") name too. A
    label without an aside may head a list of places ("EGYPT: Protesters ...") and names no one by itself."""
    return frozenset(
        word for match in TRANSCRIPT_LABEL.finditer(text) if match["aside"] for word in match["name"].split()
    )


def transcript_speaker(span: Span, text: str, speakers: Container[str]) -> bool:
    """A name in capitals that is a transcript's label of a speaker (``transcript_speakers``): a person, however
    the recognizer typed it ("GEISSLER -LRB- voice-over -RRB- :" tagged a body)."""
    label = TRANSCRIPT_LABEL.match(text, text.rfind("\n", 0, span.start_char) + 1)
    return (
        label is not None
        and label.start("name") == span.start_char
        and label.end("name") == span.end_char
        and all(word in speakers for word in span.text.split())
    )


def is_government_use(span: Span, text: str) -> bool:
    """A capital acting as a government ("Washington and Paris endorse", "Moscow's envoy")."""
    if is_dateline(span, text):
        return False  # "WASHINGTON –", "Washington (CNN) --": a dateline names the city
    root = span.root
    dep = root.dep_
    while dep == "conj" and root.head is not root:
        root = root.head
        dep = root.dep_
    if dep == "nsubj":
        # "Paris endorses", "Washington and Moscow seem prepared to move"; not "Nairobi suffered"
        verbs = [root.head]
        for _ in range(2):
            verbs += [
                c
                for v in verbs
                for c in v.children
                if c.dep_ in ("xcomp", "acomp", "oprd") and c not in verbs
            ]
        return any(v.lemma_.lower() in GOVERNMENT_VERBS for v in verbs)
    if dep == "poss":
        return root.head.lemma_.lower() in GOVERNMENT_NOUNS  # "Moscow's envoy", not "Nairobi's slums"
    return dep == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_.lower() in GOVERNMENT_VERBS


def headline_verb_in(ent: Span) -> int | None:
    """Where a headline's verb (``who.names.headline_verb``) that the tagger reads as a verb or a common noun ends a
    body's name run into it: "OTS Faces Questions Over IndyMac", "... off Shetland Calls to halt BP's plans"; a
    proper noun's word of the list stays ("United Health Plans")."""
    return next(
        (t.i for t in ent[1:] if headline_verb(t) and t.pos_ in ("VERB", "NOUN")),
        None,
    )


# Parts of speech no word of a person's name has: a sentence's first word the recognizer took in.
NOT_NAME_POS = {"ADV", "VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "INTJ", "PART", "NUM"}
OPEN_CLASS_POS = {"ADV", "VERB"}


def not_a_name_word(token: Token) -> bool:
    """A word at a name's edge that no name has: an adverb or verb ("Thankfully Obama", "Kerry Withdraws"), or a
    function word only when it is one (a stop word): the tagger calls an unknown first name such as "Barack" a
    preposition now and then."""
    if token.pos_ not in NOT_NAME_POS:
        return False
    return token.pos_ in OPEN_CLASS_POS or token.is_stop


CLOCK_WORD = re.compile(CLOCK, re.IGNORECASE)


def stamp_or_capitals_before_name(
    token: Token, rest: Span, persons: Mapping[str, set[int]], bodies: Container[str], own: int
) -> bool:
    """A word glued before a person's name that is no part of it: a live blog's clock or time zone ("10.32am BST
    Nicola Sturgeon"), or a body's name in capitals that the article names as a body elsewhere (``bodies``: "told
    CNN Gadhafi is losing power" in an article with "(CNN) --", "NATO Al-Obeidy") before a name in mixed case that
    the article gives a person elsewhere (``persons``: the recognizer's persons' names and surnames, each with where
    its name starts; ``own``: where this name starts). Initials ("AJP Taylor", "ASJ Tessimond") name no body; "RAF
    Lakenheath" and "CNN Turk", never named alone, keep theirs."""
    if CLOCK_WORD.fullmatch(token.text) or token.text in TIME_ZONES:
        return True
    return (
        token.text.isupper()
        and token.text in bodies
        and not rest.text.isupper()
        and any(persons.get(name, set()) - {own} for name in (rest.text, rest[-1].text))
    )


FAMILY_WORDS = {
    "family",
    "families",
    "ancestor",
    "ancestors",
    "clan",
    "surname",
    "side",
    "household",
    "line",
    "name",  # "the Powell name"
}


# Words of a military or police rank besides ``TITLE_WORDS`` and ``TITLE_NOUNS``: "Wing Cmdr", "Rear Admiral".
MILITARY_RANKS = frozenset(
    """wing flight squadron group rear lance staff petty warrant master brigadier major lieutenant commander
    colonel captain admiral sergeant corporal marshal""".split()
)

# The titles written short, which a name never is alone ("Cmdr", "Capt", "Sen"; not "Prince", "Major").
ABBREVIATED_TITLES = frozenset(TITLE_ABBREVIATIONS) | frozenset(
    "mr mrs ms dr capt cmdr maj det cpl prof rev fr".split()
)


def title_word(word: str) -> bool:
    word = word.lower().rstrip(".")
    return (
        word in TITLE_WORDS
        or word in TITLE_NOUNS
        or word in MILITARY_RANKS
        or word in TITLE_ABBREVIATIONS
        or word in TITLE_ABBREVIATIONS.values()
    )


def is_a_title_alone(ent: Span) -> bool:
    """A "person" that is only a title: words of titles and ranks alone ("Wing Cmdr" of "Wing Cmdr. Andy Green"
    where the sentence was split after the abbreviation, "Prime Minister"; one word only when abbreviated: "Prince"
    is a name), or a one-word noun for a person's office after a title ("Deputy Clerk", "Acting Principal Clerk",
    "Deputy Superintendent"): the office, not someone's name."""
    words = ent.text.split()
    if all(title_word(w) for w in words) and (
        len(words) > 1 or words[0].rstrip(".").lower() in ABBREVIATED_TITLES
    ):
        return True
    if len(ent) != 1 or ent.start == 0:
        return False
    word = ent[0].lower_
    before = ent.doc[ent.start - 1]
    title_before = before.lower_.rstrip(".") in TITLE_WORDS or before.lower_ in (
        "acting",
        "principal",
        "assistant",
    )
    return title_before and word in OFFICE_NOUNS


# The words that end a company's name ("Halliburton Co", "Transocean Ltd", "BP Plc"): no person's surname.
CORPORATE_SUFFIXES = frozenset("co corp inc ltd plc llc llp lp gmbh ag nv bv spa".split())

# Nouns for an office that a title's capitals make look like a name.
OFFICE_NOUNS = frozenset(
    """clerk superintendent superintentant registrar secretary treasurer commissioner inspector director
    constable chaplain coroner warden steward bursar principal headmaster headmistress editor""".split()
)


# A prefix that makes an adjective of a stance out of a name: "anti-Gaddafi", "pro-Mubarak", "Pro-Western".
STANCE_PREFIX = re.compile(r"^(?:anti|pro|non|post|pre|neo)[-\u2010\u2011]\S", re.IGNORECASE)


# A slash between two words in letters: names run together, as an agency and its photographer in a photo credit
# ("REUTERS/Sean Gardner", "Gerald Herbert/AP"), a ticket ("McCain/Palin") or a dateline's two cities.
NAMES_RUN_TOGETHER = re.compile(r"[A-Za-z]\\?/[A-Za-z]")


# Degrees and honours written after a person's name ("John Smith, MD", "Ann Lee, PhD").
POST_NOMINALS = frozenset("md phd dds dmd rn np esq mba jd dvm obe mbe cbe kbe qc kc frs facs".split())


def is_post_nominal(ent: Span) -> bool:
    """Whether the entity starts with a degree or honour written after a person's name and a comma ("Theodore
    M. Cole, MD Posted by ..."): the person's credential, no place or body of that spelling."""
    first = ent.doc[ent.start]
    if first.text.replace(".", "").lower() not in POST_NOMINALS or not first.text[:2].isupper():
        return False
    before = ent.start - 1
    return before >= 1 and ent.doc[before].text == "," and ent.doc[before - 1].ent_type_ == "PERSON"


def is_month_abbreviation(ent: Span) -> bool:
    """A month's short name beside a day or a year is a date, not a country's code: "3 MAR 2011" is no Morocco."""
    doc = ent.doc
    if len(ent) != 1 or ent[0].lower_.rstrip(".") not in MONTH_ABBREVIATIONS:
        return False
    return any(0 <= i < len(doc) and doc[i].like_num for i in (ent.start - 1, ent.end))


def names_a_family(ent: Span) -> bool:
    """A lone surname standing for a family: "the Bebb family", "Nichols families", "nee Powell"."""
    doc = ent.doc
    if len(ent) == 2 and ent[0].lower_ in ("nee", "née"):
        return True  # the recognizer took "nee" in: "Martha, nee Powell"
    if len(ent) != 1:
        return False
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if after in ("'", "’") and ent.end + 1 < len(doc):
        after = doc[ent.end + 1].lower_
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return after in FAMILY_WORDS or before in ("nee", "née")


def named_as_kin(ent: Span) -> bool:
    """A one-word name in apposition to, or right after, a noun for a relative: "her husband, Aaron"."""
    if len(ent) != 1:
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in KIN_NOUNS and root.head.i < root.i:
        return True
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].lower_ in KIN_NOUNS


# Words naming a part of a place: "Northern Mali" is a region of the country, no person.
REGION_WORDS = frozenset(
    """northern southern eastern western central northeastern northwestern southeastern southwestern north south
    east west""".split()
)


def names_a_country_or_region(text: str) -> bool:
    """A country's name ("Mali") or a region of one ("Northern Mali"), by the gazetteer."""
    if country_of(text) is not None:
        return True
    words = text.split()
    return (
        len(words) >= 2 and words[0].lower() in REGION_WORDS and country_of(" ".join(words[1:])) is not None
    )


def runs_into_headline(word: Token, after: Token, text: str) -> bool:
    """A name's last capitalized word that begins the next headline of highlights run together without stops
    ("... Moammar Gadhafi Fighting started with ..."): a word in "-ing" the article also writes in lower case,
    followed by a verb in lower case. A surname in "-ing" ("Bradley Manning said") is never written so."""
    return (
        word.is_alpha
        and len(word.text) > 5
        and word.text[:1].isupper()
        and word.text[1:].islower()
        and word.lower_.endswith("ing")
        and after.is_alpha
        and after.text.islower()
        and after.pos_ in ("VERB", "AUX")
        and re.search(rf"\b{word.lower_}\b", text) is not None
    )


STORM_WORDS = {"storm", "hurricane", "typhoon", "cyclone", "depression"}


def storm_key(text: str) -> str:
    """A storm's own name, without "Tropical Storm" or "Hurricane" ("alex"); "" for other names."""
    words = key_of(text).split()
    while words and words[0] in STORM_WORDS | {"tropical"}:
        words = words[1:]
    return " ".join(words) if len(words) == 1 else ""


def storm_named(ent: Span) -> bool:
    """A storm's name: "Tropical Storm Alex", "Hurricane Katrina", "storm Alex" (the word in the name or
    right before it)."""
    doc = ent.doc
    words = [t.lower_ for t in ent]
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return any(w in STORM_WORDS for w in words[:-1]) or before in STORM_WORDS


# The capital words that end a place's or a body's name made from a possessive ("Bishop's Castle", "St John's
# College", "Lord's Cricket Ground"): the name before the "'s" is no person mentioned.
PLACE_NAME_HEADS = frozenset(
    """castle street road lane hill park bridge island isle bay cross church well wood green square inn college
    hospital school court gate end point head harbour harbor yard field fields place market chapel abbey cathedral
    hall house mount cove creek falls lake river valley wharf dock common heath moor farm mill cricket ground
    landing reef pass passage sound quay row walk way avenue close crescent terrace""".split()
)
# The first words of places' names that open no person's name: a headland ("Ras Lanuf", "Ras Jdir"), a valley, a
# mountain or a well in Arabic names, a fort, port, mount or cape ("Port Fourchon").
PLACE_OPENINGS = frozenset("ras wadi jebel jabal bir fort port mount cape".split())
# The last words of names of buildings and businesses ("Bourbon House", "Rixos Hotel", "Millennium Stadium"), never
# of a person's name in news ("Hall", "Wood", "Green", "Hill" are surnames too: not here).
BUILDING_HEADS = frozenset(
    """house hotel restaurant cafe café grill bar bistro pub tavern inn club center centre stadium arena theatre
    theater museum hospital airport street avenue boulevard square plaza mall""".split()
)
# The nouns that end an institution's name ("London Embassy", "Foreign Office", "Transitional National Council",
# "Queen Mary College"): no person's surname in news, whatever the recognizer's tag (a headline's capitals make it
# a person's: "NEW: Council reopens London Embassy"). Not "Fund" nor "Bank": John Fund, Danny Bank.
INSTITUTION_HEADS = frozenset(
    """embassy consulate ministry council agency office department commission committee court tribunal university
    college academy institute school bureau authority parliament senate assembly congress cabinet government
    administration foundation association federation organisation organization corporation secretariat
    directorate""".split()
)
# Websites and online services a page's template names ("Follow us on Twitter"): no person, whatever the tagger said.
WEB_SERVICES = frozenset(
    """twitter facebook youtube instagram myspace flickr linkedin tumblr pinterest whatsapp snapchat tiktok reddit
    wikipedia itunes""".split()
)


def web_service(name: str) -> str:
    """The word of a website or online service in a name ("Twitter" of "Twitter Follow"), else ""."""
    return next((word for word in name.split() if word.lower() in WEB_SERVICES), "")


# Programs a page's template asks the reader for ("you need to have both Javascript enabled and Flash installed",
# "you may need Adobe Reader"): a product, no person nor body, whatever the tagger said.
SOFTWARE = re.compile(
    r"(?:adobe (?:reader|acrobat|flash(?: player)?)|acrobat reader|flash player|javascript|flash|silverlight"
    r"|quicktime|realplayer|shockwave)\b",
    re.IGNORECASE,
)


def software(name: str) -> str:
    """The program a name is ("Flash", "JavaScript") or opens, run into the next sentence ("Adobe Reader" of "Adobe
    Reader Meanwhile"), else "": a one-word program must be the whole name ("Flash Gordon" is a person)."""
    found = SOFTWARE.match(name)
    if found is None or found.end() < len(name) and " " not in found.group():
        return ""
    return found.group()


# Verbs whose "in" or "near" names where someone lives or was born: "born in Llanfair, Welshpool".
DWELLING_VERBS = frozenset("bear live die grow raise settle reside".split())
# Words that introduce what something is called: "the computer known as Watson", "a horse called Frankel".
NAMING_WORDS = frozenset({"called", "named", "dubbed", "nicknamed", "christened"})
# Things whose nouns end like nouns for people (``PERSON_NOUN_ENDING``): "the computer known as Watson".
THING_NOUNS = frozenset(
    """computer supercomputer server router tanker container trailer helicopter carrier river tower center
    centre theater theatre register shelter poster sticker""".split()
)


def in_capitals_run(ent: Span) -> bool:
    """A name in capitals inside a longer run of words in capitals: a transcript's speaker label or a
    shouted line ("DAVID UPTON:", "NEWT GINGRICH, FORMER SPEAKER OF THE HOUSE:"), where the recognizer's cut
    ("DAVID", "HOUSE") is no name. A label that is the name itself and nothing more ("NEWT GINGRICH") is
    kept: it is that person's name in capitals."""
    if any(ch.islower() for ch in ent.text) or not any(ch.isalpha() for ch in ent.text):
        return False
    doc = ent.doc

    def capital_word(token: Token) -> bool:
        letters = re.sub(r"[^A-Za-z]", "", token.text)
        return len(letters) >= 2 and letters.isupper() and "." not in token.text

    def next_word(i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < len(doc) and doc[j].text in ("'", "'s", "’s", "-"):
            j += step  # "GINGRICH'S"
        return 0 <= j < len(doc) and "\n" not in doc[j].text and capital_word(doc[j])

    return next_word(ent.start, -1) or next_word(ent.end - 1, 1)


def capitals_headline(ent: Span) -> bool:
    """A headline in capitals run into the text that the recognizer took for a name: "QATARI PLANE JOINS AIR
    PATROLS NATO said on Thursday ..." (four words or more in capitals, or three with a verb among them)."""
    words = [t for t in ent if any(ch.isalpha() for ch in t.text)]
    if len(words) < 3 or any(ch.islower() for ch in ent.text):
        return False
    return len(words) >= 4 or any(t.pos_ in ("VERB", "AUX") for t in words)


def in_longer_name(ent: Span) -> bool:
    """A name that is the possessive start of a place's or body's name: "Bishop" of "born in Bishop's Castle",
    "John" of "St John's College"."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("'s", "’s", "'", "’"):
        return False
    after = doc[ent.end + 1]
    return after.text[:1].isupper() and after.lower_ in PLACE_NAME_HEADS


def inside_proper_noun_run(doc: Doc, first: int, last: int) -> bool:
    """One capitalised word that the recognizer cut from a longer run of proper nouns naming one thing ("Martin"
    of "his Aston Martin DB9 car", "Martin" of "Martin Marietta Materials"): the word beside it in the run
    (a capitalised proper noun or a model's code, not a title such as "President") modifies the same noun,
    so the word is a piece of that name and no surname mention of a person: only a mention whose whole span
    is the name links to the person."""
    words = [t for t in doc[first:last] if t.is_alpha]
    if len(words) != 1:
        return False
    word = words[0]

    def in_run(other: Token) -> bool:
        return (
            other.pos_ == "PROPN"
            and other.dep_ == "compound"
            and (other.text[:1].isupper() or any(ch.isdigit() for ch in other.text))
            and other.lower_.rstrip(".") not in TITLE_WORDS
            and other.lower_ not in NAME_SUFFIXES
            and other.ent_type_ not in ("GPE", "NORP")
            and "\n" not in doc[min(other.i, word.i) : max(other.i, word.i) + 1].text
        )

    if word.i > 0 and not word.is_sent_start:
        left = doc[word.i - 1]
        if in_run(left) and left.head.i in (word.i, word.head.i) and word.dep_ == "compound":
            return True
    if word.i + 1 < len(doc) and word.dep_ == "compound":
        right = doc[word.i + 1]
        if right.pos_ == "PROPN" and word.head.i == right.head.i and in_run(right):
            return True  # "Aston Martin DB9 car": siblings before one noun
    return False


def evidence_of_kind(ent: Span) -> str:
    """What the words around a name say it is, whatever the recognizer's label: ``place`` ("the towns of
    Jawsh, Ghezaya and Takut", "the border at Ras Jdir", "born in Llanfair"), ``thing`` ("the computer known as
    Watson", "a horse called Frankel"), ``drug`` ("the antiviral drug Tamiflu", "antivirals such as Tamiflu"),
    ``body`` ("the House": a person's name takes no article), else ""."""
    doc = ent.doc
    root = ent.root
    if vessel_named(ent):
        return "vessel"
    if len(ent) == 1 and DRUG_NAME.fullmatch(ent.text):
        return "drug"  # "Oseltamivir (currently best known as the brand name Tamiflu)": a drug's name by its ending
    if (
        ent.label_ == "PERSON"
        and len(ent) >= 2
        and ent[0].text[:1].isupper()
        and ent[0].lower_ in PLACE_OPENINGS
    ):
        return "place"  # "Ras Lanuf", "Wadi Zamzam", "Fort Hood" tagged a person: a headland, valley or fort
    token = root
    while (
        token.dep_ == "conj"
        and len(ent)
        == 1  # "..., Ghezaya and Takut, Abdel-Salam Othman said": a full name is no town of a list
        and token.head.i != token.i
        and not (ent.start <= token.head.i < ent.end)
    ):
        token = token.head  # "Jawsh, Ghezaya and Takut": the first of the list says where they stand
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return "place"
    if token.dep_ == "pobj" and head.lower_ == "at" and head.i > 0 and at_a_place_noun(head):
        # "the border at Ras Jdir", "the refinery at Ras Lanuf": a noun of places says it (not "at" alone, which
        # takes people too: "fired at", "a jab at Obama")
        return "place"
    if token.dep_ == "pobj" and head.lower_ in ("in", "near") and head.head.lemma_.lower() in DWELLING_VERBS:
        return "place"
    if (
        len(ent) == 1
        and root.dep_ == "pobj"
        and root.head.lower_ == "in"
        and ends_an_institutions_name(root.head.head)
    ):
        return "place"  # "Paignton Community and Sports College in Devon", "the Libyan Embassy in London"
    if len(ent) == 1 and listed_with_places(root, token):
        return "place"  # "Cases have been confirmed in Newcastle, Oxfordshire, Devon, Merseyside, ..."
    if (
        root.dep_ in ("appos", "compound", "det", "nmod")
        and not (ent.start <= root.head.i < ent.end)
        and root.head.tag_ == "NN"  # "the Brega area", not "Nato capitals"
        and names_a_place(root.head, root)
    ):
        return "place"  # "the town Jawsh", "the Llanfair/Welshpool area", "the Ras Jdir border post"
    before = [t for t in doc[max(ent.sent.start, ent.start - 3) : ent.start]]
    if (
        before
        and before[-1].pos_ == "NOUN"
        and before[-1].text.islower()
        and before[-1].lemma_.lower() in BODY_NOUNS
        # one phrase, not "told the agency Libya would ..." (or siblings in one role where the parse splits it)
        and (
            root.head.i == before[-1].i
            or before[-1].head.i == root.i
            or before[-1].head.i == root.head.i
            and before[-1].dep_ == root.dep_
        )
    ):
        return "organisation"  # "the official news agency Jana", "the rebel group Hamas": the noun says what it is
    kind = [t for t in before if not t.is_punct]
    if (
        kind
        and kind[-1].text.islower()
        and written_word(kind[-1]).replace("-", "") in SUBSTANCE_NOUNS
        and (root.head.i == kind[-1].i or kind[-1].head.i == root.i)
        or any(c.dep_ == "appos" and c.i > root.i and c.lower_ in SUBSTANCE_NOUNS for c in root.children)
        or len(ent) == 1
        and listed_among(token, SUBSTANCE_NOUNS)
        # "... cleaned up drugs Dr Murray, shown here ...": a headline run into a caption, a titled man
        and not (before and before[-1].lower_.rstrip(".") in TITLE_WORDS)
    ):
        # "the powerful anesthetic Propofol", "the anti-viral Tamiflu", "Propofol, a sedative", "antivirals such
        # as Tamiflu": a drug, no person nor body
        return "drug"
    if len(ent) <= 3 and listed_among(token, BODY_NOUNS):
        return "organisation"  # "US companies Chevron, ExxonMobil and Hess", "Hess, an oil company"
    if root.dep_ != "pobj" and any(
        c.dep_ == "appos" and c.i >= ent.end and person_apposition(c) for c in root.children
    ):
        # "Cliff Stearns, a Republican from Florida, says ...", "Stearns, a congressman"; not after a preposition,
        # where the apposition is often the phrase's ("The head of Orascom, the executive chairman, ...")
        return "person"
    words = [t.lower_ for t in before]
    noun = None
    if len(words) >= 2 and words[-2:] == ["known", "as"] and len(before) >= 3:
        noun = before[-3]
    elif words and words[-1] in NAMING_WORDS and len(before) >= 2:
        noun = before[-2]
    if noun is not None and noun.pos_ == "NOUN" and noun.text.islower():
        if noun.lemma_.lower() in PLACE_NOUNS:
            return "place"
        lemma = noun.lemma_.lower()
        if lemma in THING_NOUNS or not names_a_person(noun.lower_) and not names_a_person(lemma):
            return "thing"
    if (
        ent.start > 0
        and doc[ent.start - 1].lower_ == "the"
        and doc[ent.start - 1].head.i in range(ent.start, ent.end)
        and root.dep_ not in ("compound", "amod", "poss", "nmod")
        and root.tag_ != "NNPS"
    ):
        return "body"  # "the speaker of the House": no person's name takes "the"
    return ""


# Nouns an apposition gives a person and no body ("BP, an oil giant", "Hess, a partner" are bodies: no such word
# here): offices, kin, callings; a noun ending in "-man"/"-woman" too ("a congressman", "a spokeswoman").
PERSON_APPOSITION_NOUNS = frozenset(
    """senator lawmaker legislator governor mayor minister ambassador diplomat envoy aide adviser advisor
    lawyer attorney judge professor scientist doctor surgeon nurse economist engineer pilot officer
    wife husband son daughter mother father brother sister widow widower cousin uncle aunt
    actor actress singer poet author writer novelist journalist reporter columnist""".split()
)


def person_apposition(noun: Token) -> bool:
    """An apposition that says its name is a person's: "a Republican from Florida" (one member of a party or
    people), "a congressman", "the former senator"."""
    if noun.ent_type_ == "NORP":
        # "a Republican", "a Libyan": one of a group, a person ("the Republicans" are the group)
        return not noun.text.endswith("s") and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children
        )
    word = noun.lower_
    return (
        noun.pos_ == "NOUN"
        and noun.text.islower()
        and (
            word in PERSON_APPOSITION_NOUNS
            or word.endswith(("man", "woman"))
            and word not in NOT_PERSON_NOUNS
        )
    )


def at_a_place_noun(at: Token) -> bool:
    """ "at" after a noun of places, or governed by one: "the border at Ras Jdir" (the parse often hangs "at ..." on
    the verb: "waited at the border at Ras Jdir")."""
    before = at.doc[at.i - 1]
    return any(
        noun.pos_ == "NOUN" and noun.lemma_.lower() in PLACE_NOUNS
        for noun in {before, at.head}
        if noun is not at
    )


def ends_an_institutions_name(token: Token) -> bool:
    """The last word of an institution's or building's name ("College" of "Paignton Community and Sports College",
    "Embassy" of "the Libyan Embassy"): what is "in" it is a place."""
    return token.text[:1].isupper() and token.lower_ in INSTITUTION_HEADS | BUILDING_HEADS


def listed_with_places(name: Token, first: Token) -> bool:
    """A name inside a list of places after a preposition, after one place and before another, none of the list a
    person ("confirmed in Newcastle, Oxfordshire, Devon, Merseyside"; not "Andrew, Norwich, UK" of a reader's
    signature, nor "Wertheim and Moskowitz" after "From Arlington, Texas,", the list's end, nor "Vitol, BP, Gunvor and
    Trafigura all sold", companies the recognizer tags places): a place too (``first`` the list's first word)."""
    members = [first]
    frontier = [first]
    while frontier:
        member = frontier.pop()
        conjuncts = [c for c in member.children if c.dep_ == "conj"]
        members.extend(conjuncts)
        frontier.extend(conjuncts)
    members.sort(key=lambda t: t.i)
    at = next((k for k, member in enumerate(members) if member.i == name.i), 0)
    others = [member.ent_type_ for member in members if member.i != name.i]

    def place(member: Token) -> bool:
        return member.ent_type_ in ("GPE", "LOC")

    return (
        first.dep_ == "pobj"
        and at > 0
        and place(members[at - 1])
        and at + 1 < len(members)
        and place(members[at + 1])
        and "PERSON" not in others
    )


LIST_PREPOSITIONS = frozenset({"as", "including", "like"})
# Nouns of a place's point or post that a noun of places before them makes a place ("border post", "border
# checkpoint"); alone they are not ("a Facebook post", "a talking point").
PLACE_POINT_NOUNS = frozenset("post point checkpoint gate station".split())


def names_a_place(noun: Token, name: Token) -> bool:
    """The noun a name modifies says it is a place: a noun of places ("the Brega area"), or a noun of a place's
    point or post after one ("the Ras Jdir border post", "the Wazen border checkpoint")."""
    lemma = noun.lemma_.lower()
    return lemma in PLACE_NOUNS or (
        lemma in PLACE_POINT_NOUNS
        and any(
            c.dep_ == "compound" and c.i > name.i and c.lemma_.lower() in PLACE_NOUNS for c in noun.children
        )
    )


# The prefixes of a ship's or boat's name ("USS Kearsarge", "HMS Cumberland", "MV Blue Marlin"), and the nouns
# for vessels and aircraft that, right before a name or in apposition to it, say the name is a craft's ("the
# amphibious assault ship USS Kearsarge", "the destroyer Barry", "Kearsarge, an assault ship"): no person.
VESSEL_PREFIXES = frozenset("uss hms hmas hmcs hmnzs rfa usns usnsc usc uscgc ins mv ms mt rv".split())
VESSEL_NOUNS = frozenset(
    """ship warship flagship destroyer frigate cruiser corvette submarine carrier vessel boat tanker tug tugboat
    trawler freighter liner ferry yacht barge rig dredge skimmer dinghy aircraft airplane plane jet airliner
    helicopter drone spacecraft shuttle""".split()
)


def vessel_prefixed(name: str) -> bool:
    """Whether a name opens with a ship's prefix in capitals: "USS Kearsarge", "HMS Cumberland"."""
    first, _, rest = name.partition(" ")
    # written without dots: "R.V. Arkinstall" is a man's initials
    return bool(rest) and first.isalpha() and first.isupper() and first.lower() in VESSEL_PREFIXES


def vessel_key(key: str) -> str:
    """A vessel's name (as ``key_of`` writes it) without its prefix: "uss kearsarge" -> "kearsarge"."""
    prefix, _, rest = key.partition(" ")
    return rest if rest and prefix in VESSEL_PREFIXES else key


def vessel_named(ent: Span) -> bool:
    """Whether a name is a ship's, a boat's or an aircraft's: it opens with a ship's prefix in capitals ("USS
    Kearsarge"), or a noun for a craft stands right before it in one phrase ("the amphibious assault ship USS
    Kearsarge", "the carrier Enterprise") or in apposition to it ("Kearsarge, an amphibious assault ship")."""
    if vessel_prefixed(ent.text):
        return True
    root = ent.root
    if ent.start > 0:
        before = ent.doc[ent.start - 1]
        if (
            before.text.islower()
            and before.tag_ == "NN"  # one craft: not a headline's "... hit Libyan warships Gadhafi was ..."
            and before.lemma_.lower() in VESSEL_NOUNS
            and (root.head.i == before.i or before.head.i == root.i)
        ):
            return True
    return any(
        child.dep_ == "appos"
        and child.i > root.i
        and child.text.islower()
        and child.tag_ == "NN"
        and child.lemma_.lower() in VESSEL_NOUNS
        for child in root.children
    )


def written_word(token: Token) -> str:
    """The lower-case word a token ends, with the tokens written against it before it: "anti-viral" of "viral"."""
    first = token.i
    while (
        first > 0
        and not token.doc[first - 1].whitespace_
        and (token.doc[first - 1].is_alpha or token.doc[first - 1].text == "-")
    ):
        first -= 1
    return token.doc[first : token.i + 1].text.lower()


def kind_noun(token: Token, nouns: frozenset[str]) -> bool:
    """A common noun of ``nouns`` ("companies", "Firms" opening a sentence), not a word of a name ("Party")."""
    lower = token.text.islower() or bool(token.is_sent_start) and token.text[1:].islower()
    return token.pos_ == "NOUN" and lower and token.lemma_.lower() in nouns


def listed_among(token: Token, nouns: frozenset[str]) -> bool:
    """A name set beside a common noun of ``nouns`` (for bodies, for drugs), which says its kind: in apposition
    to a plural ("US companies Chevron, ExxonMobil and Hess", the first of a list standing for all), after "such
    as", "including" or "like" ("firms including Hess and Chevron", "antivirals such as Tamiflu"), or with an
    indefinite noun in apposition ("Hess, an oil company"). A person's title names no body ("the company's
    chief executive, Tony Hayward": the apposition's head is "executive")."""
    head = token.head
    if token.dep_ == "appos" and kind_noun(head, nouns) and head.tag_ == "NNS" and head.i < token.i:
        return True
    if (
        token.dep_ == "pobj"
        and head.lower_ in LIST_PREPOSITIONS
        and kind_noun(head.head, nouns)
        and head.head.tag_ == "NNS"
        and (head.lower_ != "as" or head.i > 0 and head.doc[head.i - 1].lower_ == "such")
    ):
        return True
    return any(
        child.dep_ == "appos"
        and child.i > token.i
        and kind_noun(child, nouns)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)
        for child in token.children
    )


# Nouns for drugs that, right before a name or in apposition to it, say the name is a drug's.
SUBSTANCE_NOUNS = frozenset(
    """drug anesthetic anaesthetic sedative painkiller medication medicine narcotic opiate opioid tranquilliser
    tranquilizer steroid vaccine antidepressant antiviral antibiotic""".split()
)
# A virus's strain: letters and numbers by turns ("H1N1", "H5N1", "H7N9"), no organisation's name.
STRAIN_CODE = re.compile(r"[A-Z]\d+[A-Z]\d+")
# Determiners a name in capitals does not take, but a common noun written so does ("see a GP", "their GP").
COMMON_NOUN_DETERMINERS = frozenset({"a", "an", "my", "your", "his", "her", "their"})


# Nouns that end a disease's name ("swine flu", "bird flu", "swine fever", "West Nile virus").
DISEASE_NOUNS = frozenset("flu influenza fever virus disease".split())
# Diseases named by one word ("Malaria is a bigger killer"): like a disease noun, no one's name alone or before a
# strain's letter or code ("Influenza A", "Influenza H1N1").
DISEASES = DISEASE_NOUNS | frozenset(
    "malaria cholera measles tuberculosis polio smallpox pneumonia meningitis typhoid dengue diphtheria rabies".split()
)
STRAIN = re.compile(rf"[A-C]|{STRAIN_CODE.pattern}")
# The endings of drugs' international names: antivirals ("Oseltamivir", "Zanamivir", "Ribavirin"), antibodies
# ("-mab"), antibiotics ("-cillin", "-mycin", "-floxacin", "-cycline"), statins, "-prazole", "-vudine".
DRUG_NAME = re.compile(r"[A-Za-z]{4,}(?:vir|virin|mab|cillin|mycin|floxacin|cycline|statin|prazole|vudine)")


def disease_name(ent: Span, text: str) -> bool:
    """Whether a name is a disease's, its capitals those of a sentence's or headline's first words or a reader's
    ("Swine flu is a respiratory disease", "Swine Flu: Your questions answered", "a vaccine for Swine Flu"): it
    ends with a noun of diseases or comes right before one, and the page writes its other words in lower case too
    ("swine flu"). A place's or person's name before the noun is never written so ("Hong Kong flu"). A disease
    named by its own word, alone or before a strain's letter or code ("Influenza A", "Malaria"), is one too."""
    doc = ent.doc
    words = [t.text for t in ent if not t.is_punct]
    if words and words[0].lower() == "the":
        words = words[1:]
    if words and words[0].lower() in DISEASES and all(STRAIN.fullmatch(word) for word in words[1:]):
        return True  # "Influenza A", "Malaria", "the Influenza pandemic": the disease itself
    if words and words[-1].lower() in DISEASE_NOUNS:
        words = words[:-1]
    elif not (ent.end < len(doc) and doc[ent.end].lower_ in DISEASE_NOUNS):
        return False
    return bool(words) and all(
        re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) for word in words
    )


def common_noun_in_capitals(ent: Span, text: str) -> bool:
    """Whether a one-word name is a common word written with capitals. In capitals throughout, it takes an
    indefinite article or a personal possessive of its own ("a GP", "their GP", "my MP"); an acronym that names a
    body does not ("the WHO", "a WHO official" has the article on "official"). With a capital first letter (a
    sentence's or headline's: "Schools across Mexico have closed", "Worldwide, the number of cases has soared",
    "Leaflets giving advice ..."), the tagger reads it as an adverb opening a sentence, or as a plural common noun
    that the page writes in lower case too ("schools", "leaflets") and with a capital only where a sentence or
    line opens. A surname is a proper noun ("Brown said"), or written with its capital inside a sentence by a page
    that also writes it in lower case (a reader's "born martha davies" beside "Davies").
    """
    if len(ent) != 1:
        return False
    root = ent.root
    if root.text.isupper():
        return root.dep_ not in ("compound", "amod", "nmod", "poss") and any(
            c.dep_ in ("det", "poss") and c.lower_ in COMMON_NOUN_DETERMINERS for c in root.children
        )
    if not (root.text[:1].isupper() and root.text[1:].islower()):
        return False
    if root.pos_ == "ADV":
        return opens_a_sentence(root)  # "Worldwide, the number of cases has soared"
    doc = ent.doc
    return (
        root.tag_ == "NNS"
        and re.search(rf"(?<![\w-]){re.escape(root.lower_)}(?![\w-])", text) is not None
        and all(opens_a_sentence(token) for token in doc if token.text == root.text)
    )


def opens_a_sentence(token: Token) -> bool:
    """Whether a token is the first of its sentence or of a line."""
    return bool(token.is_sent_start) or token.i > 0 and "\n" in token.doc[token.i - 1].text_with_ws


LABEL_OF_EVIDENCE = {
    "place": "GPE",
    "thing": "PRODUCT",
    "drug": "PRODUCT",
    "vessel": "PRODUCT",
    "body": "ORG",
    "organisation": "ORG",
    "person": "PERSON",
}


def is_part_of_title(ent: Span) -> bool:
    """A one-word "organisation" that is a piece of a title: "Secretary of State", "Defense Minister"."""
    if len(ent) != 1:
        return False
    doc = ent.doc
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 2 : ent.start] if ent.start >= 2 else None
    if following in TITLE_WORDS and following not in ("the", "former", "late"):
        return True
    return before is not None and before[1].lower_ == "of" and before[0].lower_ in TITLE_WORDS


def mentions_of(
    article: Article, doc: Doc, role_heads: Container[str] | None = None, text: str | None = None
) -> tuple[list[Mention], list[Role]]:
    """Named mentions, titles (roles) and descriptions in one parsed article.

    Descriptions are looked for only among nouns that are the head of some title (``role_heads``,
    by default this article's titles): "the president" can only stand for someone titled so.
    """
    mentions: list[Mention] = []
    roles: list[Role] = []
    # Doc.text joins every token again on each read: the caller passes the text it parsed.
    full_text = text if text is not None else doc.text
    sentence_of = {}
    for number, sentence in enumerate(doc.sents):
        sentence_of[sentence.start] = number
    starts = sorted(sentence_of)
    speakers = transcript_speakers(full_text)
    # the names the recognizer gives persons in the article, and their last words ("Gadhafi" of "Moammar Gadhafi")
    persons: dict[str, set[int]] = defaultdict(set)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            persons[ent.text].add(ent.start)
            persons[ent[-1].text].add(ent.start)
    # and what it calls a body, place or group ("(CNN) --", "NATO's jets")
    bodies = {ent.text for ent in doc.ents if ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC")}

    def sentence_number(token_index: int) -> int:
        import bisect

        i = bisect.bisect_right(starts, token_index) - 1
        return sentence_of[starts[i]] if i >= 0 else 0

    for ent in doc.ents:
        if ent.label_ not in TYPE_OF_LABEL:
            continue
        text = display_name(ent.text)
        start = ent.start_char
        if (shift := ent.text.find(text)) > 0 and not ent.text[:shift].strip(PAIRED_MARKS + " "):
            start += shift  # '"Hong Kong': the name starts after the unpaired mark
        if "\n" in text or not re.search(r"[A-Za-z]", text):
            continue
        if not re.search(r"[A-Z]", text):
            continue  # no capital letter, no name: "don" of "don't", "ann"
        if is_month_abbreviation(ent):
            continue  # "3 MAR 2011"
        if text in TIME_ZONES:
            continue  # "by 1400 GMT": a clock's zone, no body's name
        if key_of(text) in CORPORATE_SUFFIXES:
            continue  # "Co" of "Oppenheimer and Co": a company's suffix, no one's name
        if STANCE_PREFIX.match(ent.text):
            continue  # "anti-Gaddafi rebels", "pro-Mubarak crowds": a stance's adjective, no one's name
        if NAMES_RUN_TOGETHER.search(text):
            continue  # "REUTERS/Sean Gardner" of a photo credit, "McCain/Palin", "HOUSTON/LONDON": two names, no one
        if is_post_nominal(ent):
            continue  # "Theodore M. Cole, MD": a degree after a person's name, not Maryland ("Bethesda, Md.")
        if in_capitals_run(ent) or capitals_headline(ent):
            continue  # "DAVID" of a transcript's "DAVID UPTON:", "HOUSE" of "SPEAKER OF THE HOUSE:"
        if ent.label_ in ("PERSON", "ORG") and in_longer_name(ent):
            continue  # "Bishop" of "born in Bishop's Castle": a place's name, no person
        label = ent.label_
        if label in ("ORG", "NORP", "GPE") and transcript_speaker(ent, full_text, speakers):
            # "GEISSLER -LRB- voice-over -RRB- :": a transcript's label names the one speaking
            label = "PERSON"
        dateline = label in ("ORG", "PERSON", "NORP", "GPE") and is_dateline(ent, full_text)
        if dateline:
            label = "GPE"  # "COCODRIE, La. (AP) --": a dateline names a place
        elif label == "PERSON" and not re.search(r"[a-z]", text) and len(re.sub(r"[^A-Z]", "", text)) <= 4:
            label = "ORG"  # "VX", "J.P.": initials alone are no person's name
        evidence = evidence_of_kind(ent) if label in ("PERSON", "ORG", "GPE", "NORP") else ""
        # "the carrier Delta" tagged a body is the airline; "USS Cole" is a ship however tagged
        if evidence == "vessel" and label != "PERSON" and not vessel_prefixed(ent.text):
            evidence = ""
        if evidence not in ("organisation", "vessel") and label not in ("PERSON", "ORG"):
            evidence = ""  # "the official news agency Jana" tagged a place: the noun before it says a body
        if evidence == "body" and (label != "PERSON" or len(ent) > 1):
            evidence = ""  # "the Michael Jackson I knew" is the man; "the House" is a body
        if evidence == "thing" and label != "PERSON" or evidence == "drug" and label not in ("PERSON", "ORG"):
            # "the antiviral drug Tamiflu" tagged a body is the drug; "a company called Greenlight" tagged one
            # is the company
            evidence = ""
        if dateline:
            evidence = "place"  # and says so as surely as "the town of ...": "RAS JDIR, Tunisia (Reuters) -"
        if evidence:
            label = LABEL_OF_EVIDENCE[evidence]
        if STRAIN_CODE.fullmatch(text):
            label = "PRODUCT"  # "H1N1", "H5N1": a virus's strain, whatever the tagger said
        if common_noun_in_capitals(ent, full_text):
            continue  # "see a GP", "Schools across Mexico have closed": a common word in capitals, no one's name
        if disease_name(ent, full_text):
            continue  # "Swine flu is ...", "Swine Flu: Your questions answered": a disease, no one's name
        if label == "PERSON" and key_of(text.split()[-1]) in CORPORATE_SUFFIXES:
            label = (
                "ORG"  # "Halliburton Co", "Cameron International Corp": a company, whatever the tagger said
            )
        if label == "PERSON" and key_of(text.split()[-1]) in INSTITUTION_HEADS:
            label = "ORG"  # "London Embassy", "all Embassy family members": an institution, whatever the tagger said
        if label == "PERSON" and len(text.split()) > 1 and key_of(text.split()[-1]) in BUILDING_HEADS:
            label = "FAC"  # "Bourbon House", "Rixos Hotel": a building's or business's name, whatever the tagger said
        if label in ("PERSON", "ORG") and (program := software(text)):
            label, text = "PRODUCT", program  # "Javascript enabled and Flash installed": a page's template
        if label == "PERSON" and (service := web_service(text)):
            # "Twitter Follow" of a page's "... analysis on Twitter Follow the latest ...": a website, and the
            # words joined to it the page's template
            label, start, text = "ORG", start + text.index(service), service
        if storm_named(ent):
            label = "EVENT"  # "Tropical Storm Alex", "Hurricane Katrina": a storm, whatever the tagger said
        elif label == "PERSON" and names_a_family(ent):
            continue  # "the Bebb family", "Bebb ancestors", "nee Powell": a family's name, not a person's
        elif label == "PERSON" and is_a_title_alone(ent):
            continue  # "the Assembly's Acting Principal Clerk", "The Deputy Superintendent": an office, no name
        elif label == "PERSON":
            first = ent.start
            while first < ent.end - 1 and (
                not_a_name_word(doc[first])
                and doc[first].lower_ not in TITLE_WORDS
                or stamp_or_capitals_before_name(
                    doc[first], doc[first + 1 : ent.end], persons, bodies, ent.start
                )
            ):  # readers' comments ("... | Reply Qhaddafi"): removed in ingest.clean
                first += 1  # "Thankfully Obama", "Blaming Obama": the word before is no first name
            last = ent.end
            while last - 1 > first and (
                headline_verb(doc[last - 1])
                or not_a_name_word(doc[last - 1])
                and doc[last - 1].lower_ not in NAME_SUFFIXES
                # the tagger reads a label's capitals as a verb ("CAMERON")
                and not doc[last - 1].text.isupper()
            ):
                last -= 1  # "Kerry Withdraws From Call ...", "Obama Outlines His Plans": a headline's verb is no surname
            for i in range(first + 1, last):
                word = doc[i]
                if (
                    word.text[:1].islower()
                    and word.is_alpha
                    and word.lower_ not in NAME_PARTICLES
                    and not hyphenated(word)  # "Ban Ki-moon": the given name's second half
                    and any(t.text[:1].isupper() for t in doc[first:i])
                ):
                    last = i  # "Gaddafi in public", "Gaddafi and some people": no name goes on in lower case
                    break
            if (
                last - 1 > first
                and last < len(doc)
                and runs_into_headline(doc[last - 1], doc[last], full_text)
            ):
                last -= 1  # "Moammar Gadhafi Fighting started ...": the next headline's first word
            if inside_proper_noun_run(doc, first, last):
                continue  # "Martin" of "Aston Martin DB9": a brand's or model's word, no surname of a person
            if first > ent.start or last < ent.end:
                text, start = display_name(doc[first:last].text), doc[first].idx
            text = without_glued_words(text)
        elif label == "ORG" and (verb := headline_verb_in(ent)) is not None:
            # "Shetland Calls to halt ...", "OTS Faces Questions": a headline's verb ends a body's name too
            text = display_name(doc[ent.start : verb].text)
        if ent.label_ == "NORP" and (country_of_word(text) is not None or not text.endswith("s")):
            continue  # "Syrian", "Arab": an adjective, not a mention of a group ("Republicans" is one)
        if ent.label_ in ("ORG", "GPE") and is_part_of_title(ent):
            continue  # "State" of "Secretary of State", "Defense" of "Defense Secretary"
        government = ent.label_ == "GPE" and is_government_use(ent, full_text)
        titled = ""
        if label == "PERSON" and ent.start > 0:
            title = doc[ent.start - 1]
            before = doc[ent.start - 2] if ent.start >= 2 else None
            one_word = before is None or not before.text[:1].isupper() or before.is_sent_start
            if (
                one_word
                and title.text[:1].isupper()
                and title.lower_.rstrip(".") in TITLE_WORDS
                and title.lower_ != "the"
            ):
                titled = f"{title.text} {text}"  # "President Assad": how the article names him
        mentions.append(
            Mention(
                article=article.id,
                text=text,
                start=start,
                end=start + len(text),
                label=label,
                sentence=sentence_number(ent.start),
                head=ent.root.lemma_.lower(),
                government=government,
                titled=titled,
                evidence=evidence,
                kin=label == "PERSON" and named_as_kin(ent),
                attributive=label == "PERSON" and attributive(ent),
            )
        )
        if label == "PERSON":
            roles.extend(roles_of(article, ent))
    heads = role_heads if role_heads is not None else {r.head for r in roles}
    for token in nouns(doc):  # the nouns, found with one array read (every other token was skipped here)
        if token.lemma_.lower() not in heads:
            continue
        left = [c.left_edge.i for c in token.children if c.i < token.i and c.dep_ in DESCRIPTION_DEPS]
        chunk = doc[min(left, default=token.i) : token.i + 1]
        mention = description_of(article, chunk)
        if mention is not None:
            mention.sentence = sentence_number(chunk.start)
            mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    return mentions, roles


def hyphenated(word: Token) -> bool:
    """Whether a word of a name is written against a hyphen that is written against the word before: a proper
    noun, or any word after a syllable of a given name ("moon" of "Ki-moon", tagged a noun); not "winner" of
    "Tony Award-winner"."""
    doc = word.doc
    return (
        word.i >= 2
        and (word.pos_ == "PROPN" or len(doc[word.i - 2].text) <= 3)
        and doc[word.i - 1].text in ("-", "\u2010", "\u2011")
        and not doc[word.i - 1].whitespace_
        and not doc[word.i - 2].whitespace_
    )


def nouns(doc: Doc) -> list[Token]:
    """The document's common nouns (``pos_ == "NOUN"``), read as one array rather than token by token."""
    from spacy.attrs import POS
    from spacy.symbols import NOUN

    if not len(doc):
        return []
    return [doc[int(i)] for i in (doc.to_array([POS]) == NOUN).nonzero()[0]]


def role_modifiers(tokens: Iterable[Token], head: Token) -> frozenset[str]:
    """The words that narrow a title: countries normalized ("Syrian", "Syria's" -> "syria")."""
    modifiers = set()
    for token in tokens:
        if (
            token.i == head.i
            or token.is_punct
            or token.lower_ in FUNCTION_WORDS
            or token.ent_type_ == "PERSON"
        ):
            continue
        country = country_of_word(token.text)
        modifiers.add(key_of(country.name) if country else token.lemma_.lower())
    return frozenset(modifiers)


def roles_of(article: Article, ent: Span) -> list[Role]:
    """Titles before the name ("U.S. Secretary of State Hillary Clinton") and appositions after it."""
    doc = ent.doc
    found = []
    i = ent.start - 1
    first = ent.start
    while i >= 0:
        token = doc[i]
        if token.is_punct or token.is_space or token.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL"):
            break
        if not token.text[:1].isalpha():
            break  # "+270.00 Treasury Secretary Henry Paulson": a figure of a ticker run into the text is no title
        if "\n" in token.whitespace_:
            break
        titled = token.text[:1].isupper() or token.ent_type_ in ("GPE", "NORP", "ORG")
        if i == ent.start - 1 and token.lower_ in FUNCTION_WORDS:
            break  # "the Assad regime", "calls for Assad": no title right before the name
        # A lower-case noun is a title only right before the name ("spokesman Vietor", "host Hugh Jackman").
        common_title = (
            token.pos_ == "NOUN"
            and i == ent.start - 1
            and token.dep_ in ("compound", "nmod")
            and names_a_person(token.lower_)
        )
        if titled or common_title or token.lower_ in ("of", "to", "for", "the") and first < ent.start:
            first = i
            i -= 1
            continue
        break
    # "But Judge Michael Pastor ruled", "Meanwhile U.S. Secretary of State ...", "According to President ...": a
    # conjunction, adverb, preposition or verb that starts the sentence is no part of the title after it
    while first < ent.start and (
        doc[first].lower_ in FUNCTION_WORDS
        or doc[first].lower_ in CONJUNCTIONS
        or doc[first].pos_ in NOT_TITLE_POS
    ):
        first += 1
    # "Chief Medical Officer Sir Liam Donaldson": an honorific is how the name is said, no part of the title
    last = ent.start
    while last > first and doc[last - 1].lower_.rstrip(".") in HONORIFICS:
        last -= 1
    if (
        first < last
        and doc[first].sent == ent.sent
        and doc[first].lower_ not in POSSESSIVE_PRONOUNS
        # "Lawyers for Dr Conrad Murray": the name a preposition takes is someone else's title's
        and doc[last - 1].lower_ not in FUNCTION_WORDS
    ):
        title = doc[first:last]
        nouns = [t for t in title if not t.ent_type_ and t.pos_ in ("NOUN", "PROPN")]
        nouns = [t for t in nouns if t.lower_.rstrip(".") not in HONORIFICS]
        head = None
        if nouns and first > ent.sent.start - 1:
            head = nouns[0] if any(t.lower_ in ("of", "to", "for") for t in title) else nouns[-1]
        if head is not None and title_names_a_person(title, head) and not relation_title(title, head):
            found.append(
                Role(
                    without_unpaired_marks(title.text),
                    head.lemma_.lower(),
                    role_modifiers(title, head),
                    article.id,
                    title.start_char,
                    owner=title_owner([t for t in title if t.i < head.i]),
                    gap=ent.start_char - title.end_char - 1 if last < ent.start else 0,
                )
            )
    for child in ent.root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > ent.root.i:
            if another_name_between(ent.root, child) or runs_into_verb(child):
                continue  # "Frattini of Italy -- formerly Libya's closest ally": whose title is unsure
            if (
                ent.root.head.lemma_ == "be"
                and ent.root.head.i == ent.start - 1
                and not any(t.is_punct for t in doc[ent.end : child.left_edge.i])
            ):
                continue  # "Was Obama the person who picked $20 billion?": a question's predicate, no title
            phrase = doc[child.left_edge.i : child.right_edge.i + 1]
            if phrase[0].lower_ in POSSESSIVE_PRONOUNS:
                continue  # "Kurt Guerra, his 9-year-old daughter Cassie": someone else, his relative
            if not names_a_person(child.lower_):
                continue  # "Richard Cable | 15:13 UK time": no title of a person
            # "acting assistant director general of the World Health Organization (WHO": the bracket the phrase
            # opens and the parse cuts off is no part of the title
            text = without_unpaired_marks(re.sub(r"^(a|an|the)\s+", "", phrase.text, flags=re.IGNORECASE))
            found.append(
                Role(
                    text,
                    child.lemma_.lower(),
                    role_modifiers(phrase, child),
                    article.id,
                    phrase.start_char,
                    owner=title_owner([t for t in phrase if t.i < child.i]),
                    apposition=True,
                )
            )
    return found


def attributive(ent: Span) -> bool:
    """A name of several words between an article and the common noun it modifies ("the Michael Forever concert",
    "this Michael Forever gig"): a name of that thing, or a person's ("the Michael Jackson trial"); ``link`` tells
    which by how the collection uses the name elsewhere."""
    doc = ent.doc
    root = ent.root
    noun = root.head
    return (
        len(ent) > 1
        and ent.start > 0
        and root.dep_ == "compound"
        and noun.i >= ent.end
        and noun.pos_ == "NOUN"
        and noun.text.islower()
        and not names_a_person(noun.lower_)
        and doc[ent.start - 1].lower_ in ("the", "this", "that", "a", "an")
        and doc[ent.start - 1].head.i == noun.i
    )


def relation_title(title: Span, head: Token) -> bool:
    """A title that is a relative's noun in lower case and nothing else of whose ("her pop star brother Michael",
    "Jackson's brother Tito"): whose relative the person is stands outside it, so alone it is no title of theirs
    ("Mother Teresa" has one; "son of David Jones", "the star's daughter Paris" say whose)."""
    return (
        head.i == title.end - 1
        and head.text.islower()
        and head.lemma_.lower() in KIN_NOUNS
        and not any(t.lower_ in ("'s", "\u2019s") or t.dep_ == "poss" for t in title)
    )


# A lower-case noun right before a name is a title only when it names a person ("host Hugh Jackman",
# "spokesman Vietor"), not a thing of a headline run into the text ("... defend tribute concert Michael
# Jackson died"): by the endings of nouns for people, or one of these.
PERSON_NOUN_ENDING = re.compile(
    r"(?:er|or|ist|ian|ant|ent|man|woman|men|ess|eer|ee|ive|ary|crat|ect|ain|ard|ier|ic)s?$"
)
PERSON_NOUNS = frozenset(
    """host star chief head judge envoy aide official leader boss coach chef nurse guard chair mayor king
    queen prince princess pope cardinal bishop sheriff marshal colonel general captain sergeant pilot
    fan friend partner wife husband son daughter mother father brother sister cousin uncle aunt
    widow widower child kid baby girl boy actress diva icon legend veteran rival ally expert analyst
    artist poet dj mp mep ceo cfo coo victim suspect surgeon admiral archbishop rabbi imam cleric priest
    vicar nun monk sultan emir sheikh czar tsar lady lord dame sir person people guy""".split()
)


# Nouns with a person's ending that name no person ("the Egyptian military" is no one's title).
NOT_PERSON_NOUNS = frozenset(
    """military commentary documentary anniversary summary library boundary dictionary salary itinerary
    glossary century majority minority authority community security economy
    center government parliament department statement agreement movement management investment environment
    equipment payment settlement treatment development moment comment document event element
    corner number order water letter paper power border matter quarter chapter sector factor error""".split()
)


def names_a_person(noun: str) -> bool:
    if noun in NOT_PERSON_NOUNS or noun in TIME_NOUNS:  # "winter", "summer": a time, no person
        return False
    return noun in PERSON_NOUNS or PERSON_NOUN_ENDING.search(noun) is not None


# Parts of speech a title never starts with ("Meanwhile", "According to", "Until", "By the ...").
NOT_TITLE_POS = frozenset({"ADV", "ADP", "SCONJ", "CCONJ", "INTJ", "PART", "DET", "PRON", "VERB", "AUX"})


def title_names_a_person(title: Span, head: Token) -> bool:
    """Whether the words before a name are a title of that person: the title's head names a person
    ("Judge", "Deputy District Attorney", "Sen."), not a place, programme or word of a headline run into the
    text before the name ("Final preparations in Cardiff Michael Jackson", "the World Today Michael
    Jackson", "GMT Help Michael Jackson"); a common noun in the plural is no one person's title
    ("anaesthetics Michael Jackson's physician", "confirmed artists Leona Lewis, JLS, ...")."""
    word = head.lower_.rstrip(".")
    word = TITLE_ABBREVIATIONS.get(word, word)
    if head.tag_ in ("NNS", "NNPS") and (head.text.islower() or head.lower_.endswith("s")):
        return False  # "letter from those Senators to President Obama": a plural, the title of none of them
    return word in TITLE_NOUNS or names_a_person(word)


# ("whose" too: "Farisi, whose brother Fathi was killed": Farisi's relative, as "his brother" would be)
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "my", "our", "your", "whose"}

# Dependents that belong to a description's noun phrase ("the", "Syria's", "Syrian", "deputy").
DESCRIPTION_DEPS = {"det", "poss", "amod", "compound", "nmod", "nummod"}


def description_of(article: Article, chunk: Span) -> Mention | None:
    """A definite singular description that may stand for a titled person ("the Syrian president")."""
    root = chunk.root
    if root.pos_ != "NOUN" or root.tag_ in ("NNS", "NNPS") or root.ent_type_:
        return None
    determiners = [t for t in chunk if t.i < root.i and t.dep_ in ("det", "poss")]
    national = [t for t in chunk if t.i < root.i and t.dep_ in ("amod", "compound", "poss")]
    if determiners and determiners[0].lower_ not in ("the", "this", "that") and determiners[0].dep_ == "det":
        return None  # "a senior official": indefinite, it names nobody in particular
    if not determiners and not any(country_of_word(t.text) for t in national):
        return None
    if any(t.ent_type_ == "PERSON" for t in chunk):
        return None
    if chunk[0].lower_ in POSSESSIVE_PRONOUNS:
        return None  # "his daughter", "her father": someone's relative, not the one titled so
    if not names_a_person(root.lower_):
        return None  # "the time", "the concert", "the BP spill": no title of a person
    if two_phrases_run_together(chunk):
        return None  # "Libya's new foreign minister NATO general": two headlines, no one's description
    modifiers = role_modifiers([t for t in chunk if t.i < root.i and t.lower_ != "the"], root)
    # "BP's head of the claims operation": the title is the whole phrase; "BP's head" alone names BP's chief
    end, cut = title_end(root)
    whole = chunk.doc[chunk.start : max(end, chunk.end)]
    return Mention(
        article=article.id,
        text=whole.text,
        start=whole.start_char,
        end=whole.end_char,
        label="DESC",
        kind="description",
        head=root.lemma_.lower(),
        modifiers=modifiers,
        describes=described_person(root),
        relational=any(
            t.dep_ == "poss" and not t.ent_type_ and country_of_word(t.text) is None
            for t in chunk
            if t.i < root.i
        ),
        owner=title_owner([t for t in chunk if t.i < root.i]),
        cut=cut,
        plain=root.lemma_.lower() in PLAIN_PERSON_NOUNS
        and not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.children),
    )


# Prepositions that open a title's complement ("head of the claims operation", "minister for energy",
# "ambassador to the UN"): without it the title is cut short.
COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "to"})
# Dependents that end a title's complement: a clause, a coordination, an apposition.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "cc", "conj", "appos", "punct"})
# The longest complement taken as part of a title, in tokens.
COMPLEMENT_TOKENS = 12


def title_end(root: Token) -> tuple[int, bool]:
    """Where a title headed by ``root`` ends, and whether it was cut: its complement ("of the claims operation
    for the Gulf of Mexico", right after the head) belongs to it, with any preposition after it; a complement
    the parse gives no clean end (a clause, a coordination, a long run) cuts the title, which then names no
    one across the story."""
    doc = root.doc
    end = root.i + 1
    first = True
    for child in root.rights:
        if child.dep_ != "prep" or child.i != end:
            break
        if first and child.lower_ not in COMPLEMENT_PREPOSITIONS:
            return end, False  # "the president in 2009": no complement
        words = doc[child.i : child.right_edge.i + 1]
        stop = next((t.i for t in words if t.text in (",", "--", "\u2014", "\u2013", "(")), None)
        if stop is not None and stop > child.i + 1:
            words = doc[child.i : stop]  # "head of the claims operation, who joined in May": up to the comma
        clean = (
            len(words) <= COMPLEMENT_TOKENS
            and len(words) > 1
            and all(
                t.dep_ not in CLAUSE_DEPS and t.pos_ not in ("VERB", "AUX", "PRON", "SCONJ")
                for t in words[1:]
            )
            and any(t.pos_ in ("NOUN", "PROPN") for t in words)
        )
        if not clean:
            return end, first  # a later unclean phrase ("in 2009, when ...") ends the title; a first cuts it
        end = words.end
        while end < len(doc) and (
            doc[end].ent_iob_ == "I" or doc[end - 1].pos_ == "PROPN" and doc[end].pos_ == "PROPN"
        ):
            end += 1  # "for Guys Underground": a name the parse cut is taken whole
        first = False
        if end <= child.right_edge.i:
            break  # the rest of the phrase after the comma is no part of the title
    return end, False


def title_owner(words: Sequence[Token]) -> str:
    """The body or country whose title it is, from the named words before its head: "norco usa" of "Norco
    USA's chairman", "syria" of "the Syrian president", "senate" of "U.S. Senate majority leader" (a country
    before a body's name only says whose body it is); empty when the title names none ("the energy
    secretary")."""
    named = [
        t
        for t in words
        if t.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC")
        and re.search(r"[A-Za-z]", t.text)
        and t.lower_ not in ("'s", "\u2019s")
    ]
    while len(named) > 1 and country_of_word(named[0].text) is not None:
        named = named[1:]
    if not named:
        return ""
    if len(named) == 1 and (country := country_of_word(named[0].text)) is not None:
        return key_of(country.name)
    joined = " ".join(t.text for t in named)
    country = country_of(joined)
    return key_of(country.name) if country is not None else key_of(joined)


def two_phrases_run_together(chunk: Span) -> bool:
    """Is a description two noun phrases run together, a noun for a person followed by a name and another
    noun for a person ("Libya's new foreign minister NATO general": a highlight ending "... is Libya's new
    foreign minister" and the next one opening "NATO general: ...")? In one noun phrase a name comes before
    the nouns it qualifies ("the NATO secretary general", "the White House press secretary"), never after a
    noun for a person: "minister NATO" starts the next headline."""
    root = chunk.root
    person_noun_seen = False
    for token in chunk:
        if token.i >= root.i:
            break
        if person_noun_seen and (token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE", "NORP", "LOC")):
            return True
        if token.pos_ == "NOUN" and names_a_person(token.lower_):
            person_noun_seen = True
    return False


def bare_title(mention: Mention) -> bool:
    """Is the mention a description of a title alone ("the president", "the prime minister", "the tyrant"), which
    names whoever holds it in the article at hand? "The Libyan leader", "the panel's chairman" say whose."""
    words = mention.text.split()
    return (
        mention.kind == "description"
        and words[0].lower() in ("the", "this", "that")
        and all(modifier in TITLE_WORDS for modifier in mention.modifiers)
    )


def runs_into_verb(apposition: Token) -> bool:
    """An "apposition" the parse made of a verb's subject: "... trying to kill its leader, Muammar Gaddafi,
    Russia's ambassador to the alliance said": after a name that is no subject, a true apposition is closed by a
    comma or a dash, or ends the sentence."""
    doc = apposition.doc
    last = apposition.right_edge
    after = last.i + 1
    return (
        # a name that is the verb's subject takes an apposition whose closing comma was left out ("Jamal Williams,
        # the defensive tackle for the San Diego Chargers was arrested"); a name in another role does not
        apposition.head.dep_ not in ("nsubj", "nsubjpass")
        and not last.is_punct
        and after < len(doc)
        and doc[after].pos_ in ("VERB", "AUX")
        and doc[after].sent == apposition.sent
    )


def another_name_between(name: Token, apposition: Token) -> bool:
    """Whether another name stands between a name and an apposition the parse hangs on it: in "Franco Frattini
    of Italy -- formerly Libya's closest ally in Europe --" the description may be Italy's as well as his."""
    doc = name.doc
    end = name.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].lower_ not in FUNCTION_WORDS:
        end += 1  # the rest of the name itself ("Franco Frattini" where the parse hangs it on "Franco")
    first = apposition.left_edge.i
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "NORP", "LOC") for t in doc[end:first])


def described_person(root: Token) -> int | None:
    """Where the person a description is said of by apposition or copula is named: "Jeff Bingaman"
    in "the panel's chairman, Jeff Bingaman," and "Bingaman, the panel's chairman," and "Bingaman is
    the panel's chairman"."""
    doc = root.doc

    def name_start(token: Token) -> int | None:
        if token.ent_type_ not in ("PERSON", "ORG"):
            return None  # (a person's name tagged ORG in one sentence is a person's across the articles)
        i = token.i
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        return doc[i].idx

    for child in root.children:
        if child.dep_ == "appos" and name_start(child) is not None:
            first = child.left_edge.i
            while first < child.i and doc[first].ent_type_ != "PERSON":
                first += 1  # "Sir" of "Sir Peter Maxwell Davies"
            if any(t.ent_type_ == "PERSON" for t in doc[root.i + 1 : first]):
                # another person named nearer: "the orchestra's permanent guest conductor, Garry Walker A
                # long-time resident ..., Sir Peter Maxwell Davies": a caption run into the text; the
                # conductor is Walker, not Davies
                return None
            return name_start(child)
    if root.dep_ == "appos":
        if another_name_between(root.head, root) or runs_into_verb(root):
            return None  # "Frattini of Italy -- formerly Libya's closest ally": Italy's, or his? no guess
        return name_start(root.head)
    if (
        root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and not root.sent.text.rstrip(" \"'\u201d").endswith("?")
    ):
        # (not a question: "I guess Gaddafi is the sofa king?")
        subject = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return name_start(subject) if subject is not None else None
    return None


# ---------------------------------------------------------------------------------------------
# Linking


@dataclass
class Cluster:
    """Mentions found to be one thing; ``key`` is what linked them."""

    key: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def link(
    mentions: Sequence[Mention], roles: Sequence[Role], groups: dict[str, int] | None = None
) -> list[Cluster]:
    """Group mentions into clusters of one real person, organisation or place each.

    ``groups`` (article id -> group) keeps descriptions from linking to titles given in articles
    about another event (ECB+ topics hold two similar events); names link across all articles.
    """
    clusters: dict[str, Cluster] = {}

    def add(key: str, label: str, mention: Mention) -> None:
        cluster = clusters.setdefault(key, Cluster(key, label))
        cluster.mentions.append(mention)

    names = [m for m in mentions if m.kind == "name"]
    # What a name is (person, place, organisation) is decided by the evidence across the articles: a
    # name some mentions call a person is one ("Deep Throat" tagged an organisation once), unless it
    # is one word that more than twice as many mentions call a place or body ("Homs" tagged a person
    # once among many places).
    # what the words around a name said it is ("the computer known as Watson", "the towns of Jawsh") holds
    # for the same word alone elsewhere in that article ("Watson will try to beat two champions")
    said: dict[tuple[str, str], str] = {}
    for mention in names:
        # (a person's apposition says nothing against the recognizer's other types: "Toler, a married father", then
        # "like Toler" tagged a place, is the same man)
        if mention.evidence and mention.evidence != "person":
            said.setdefault((mention.article, key_of(mention.text)), mention.label)
    for mention in names:
        relabel = said.get((mention.article, key_of(mention.text)))
        if relabel and mention.label == "PERSON" and " " not in key_of(mention.text):
            mention.label = relabel
    # a country or a region of one ("Mali", "Northern Mali") tagged a person is a place, unless the collection
    # names someone in full with that word ("Chad Smith")
    name_words = {
        part
        for m in names
        if m.label == "PERSON" and not names_a_country_or_region(m.text)
        for part in person_name_parts(m.text)
        if len(person_name_parts(m.text)) >= 2
    }
    # a word the words around it call a thing ("the anesthetic Propofol") in two articles or more, never titled
    # ("Dr ...") nor part of a person's full name, is that thing wherever the recognizer tagged it a person, a
    # place or a body
    thing_articles: dict[str, set[str]] = defaultdict(set)
    for mention in names:
        if mention.evidence in ("thing", "drug"):
            thing_articles[key_of(mention.text)].add(mention.article)
    titled_words = {key_of(m.text) for m in names if m.titled}
    for mention in names:
        key = key_of(mention.text)
        if (
            mention.label in ("PERSON", "GPE", "LOC", "FAC", "ORG")
            and not mention.evidence
            and " " not in key
            and len(thing_articles.get(key, ())) >= 2
            and key not in titled_words
            and key not in name_words
        ):
            mention.label = "PRODUCT"
    # a ship's name ("USS Kearsarge", "the assault ship Kearsarge") is the ship's wherever its one word stands alone
    # ("He was flown to the Kearsarge"), unless the collection titles it or names someone in full with that word; a
    # name of several words a noun calls a craft in two articles or more ("the rig Deepwater Horizon") is the craft's
    # wherever it stands
    vessels = {vessel_key(key_of(m.text)) for m in names if m.evidence == "vessel" or vessel_prefixed(m.text)}
    vessel_articles: dict[str, set[str]] = defaultdict(set)
    for mention in names:
        if mention.evidence == "vessel" and not vessel_prefixed(mention.text):
            vessel_articles[key_of(mention.text)].add(mention.article)
    for mention in names:
        key = vessel_key(key_of(mention.text))
        if (
            mention.label in ("PERSON", "GPE", "LOC", "FAC", "ORG")
            and mention.evidence in ("", "body")
            and key not in titled_words
            and (
                key in vessels
                and " " not in key
                and key not in name_words
                or " " in key
                and len(vessel_articles.get(key_of(mention.text), ())) >= 2
            )
        ):
            mention.label = "PRODUCT"
    for mention in names:
        if (
            mention.label == "PERSON"
            and names_a_country_or_region(mention.text)
            and not set(person_name_parts(mention.text)) & name_words
        ):
            mention.label = "GPE"
    # a name of several words the collection uses as a modifier of a common noun in most of its mentions ("the
    # Michael Forever concert", "the Michael Forever gig", and once "Michael Forever, a show ..."), never titled:
    # the name of a thing, not a person's ("the Michael Jackson trial" is one of his hundreds of mentions)
    uses: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in names:
        if mention.label == "PERSON" and " " in key_of(mention.text):
            use = "titled" if mention.titled else "attributive" if mention.attributive else "other"
            uses[key_of(mention.text)][use] += 1
    for mention in names:
        count = uses.get(key_of(mention.text))
        if (
            count
            and count["attributive"] >= ATTRIBUTIVE_USES
            and count["attributive"] > 2 * count["other"]
            and not count["titled"]
        ):
            mention.label = "WORK_OF_ART"
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in names:
        # a mention whose words say what it is ("born in Llanfair") counts for two
        votes[key_of(mention.text)][coarse_label(mention.label)] += 2 if mention.evidence else 1

    # names the words around them call a thing somewhere ("the anesthetic Propofol")
    things = {key_of(m.text) for m in names if m.evidence in ("thing", "drug")}

    # a one-word name the articles give a person's honorific ("Mr. Megrahi", "Dr. Okafor") is a person's, however
    # often the recognizer tagged it a place or body (a gazetteer's namesake, a label from the words around it)
    honoured = {key_of(m.text) for m in names if m.label == "PERSON" and title_of(m) in HONORIFICS}

    def outvoted(count: Counter[str]) -> bool:
        return max((n for kind, n in count.items() if kind != "person"), default=0) > 2 * count["person"]

    def placed(count: Counter[str]) -> bool:
        """A name of several words most mentions call a place ("Tahrir Square" tagged a person now and then)."""
        return count["place"] > 2 * count["person"]

    # "al-Zawiya" is Zawiya with the Arabic article: where the collection calls the bare name a place far more often
    # than a person, its places count for the article's form too (the recognizer tags "al-Zawiya" a person)
    for key in list(votes):
        bare = key[3:] if key.startswith(("al-", "el-")) else ""
        if bare in votes and placed(votes[bare]):
            votes[key]["place"] += votes[bare]["place"]
    place_labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in names:
        if coarse_label(mention.label) == "place":
            place_labels[key_of(mention.text)][mention.label] += 1
    person_texts = {
        text
        for text, count in votes.items()
        if count["person"] and (text in honoured or " " in text and not placed(count) or not outvoted(count))
    }
    storms = {storm_key(m.text) for m in names if m.label == "EVENT" and storm_key(m.text)}
    named_in_full = {
        (m.article, part)
        for m in names
        if m.label == "PERSON" and len(parts := person_name_parts(m.text)) >= 2
        for part in (parts[0], parts[-1])
    }
    for mention in names:
        count = votes[key_of(mention.text)]
        if (
            mention.label == "PERSON"
            and key_of(mention.text) in storms
            and (mention.article, key_of(mention.text)) not in named_in_full
        ):
            mention.label = (
                "EVENT"  # "Alex" where the articles tell of Tropical Storm Alex (and no Alex Morris)
            )
        elif (
            mention.label == "PERSON"
            and outvoted(count)
            and " " not in mention.text
            and key_of(mention.text) not in honoured
        ):
            majority = max((c for c in count if c != "person"), key=lambda c: count[c])
            if majority in PLACE_OR_BODY:
                mention.label = PLACE_OR_BODY[majority]
            elif majority == "other" and key_of(mention.text) in things:
                mention.label = "PRODUCT"  # "Propofol" where most mentions say "the anesthetic Propofol"
        elif mention.label == "PERSON" and placed(count):
            mention.label = place_labels[key_of(mention.text)].most_common(1)[0][0]  # "Tahrir Square"
        elif mention.label != "PERSON" and coarse_label(mention.label) in PLACE_OR_BODY:
            # a place, body or group as most mentions say ("Cocodrie" tagged a body once, a place twice)
            own = coarse_label(mention.label)
            majority = max((c for c in count if c in PLACE_OR_BODY), key=lambda c: count[c])
            if count[majority] > count[own]:
                mention.label = PLACE_OR_BODY[majority]
    # a company's name with its legal suffix ("Transocean Ltd", "Halliburton Co") says the same name without it is
    # the company's ("Transocean", tagged a place in most mentions), where the recognizer called the bare name a body
    # at least once and no mention a person ("Cameron Inc." beside David Cameron) or a country
    companies = {base for m in names if m.label == "ORG" and (base := company_base(key_of(m.text)))}
    for mention in names:
        key = key_of(mention.text)
        if (
            key in companies
            and mention.label in ("GPE", "LOC", "FAC", "NORP", "PRODUCT")
            and votes[key]["organization"]
            and not votes[key]["person"]
            and country_of(mention.text) is None
        ):
            mention.label = "ORG"
    people = [m for m in names if m.label == "PERSON"]
    directory = People(people, groups)
    organisations = {key_of(m.text): m for m in names if m.label == "ORG"}
    acronyms = acronym_expansions(names)
    team_words: dict[str, str] = {}
    for org_key in organisations:
        words = org_key.split()
        if len(words) > 1 and words[-1].endswith("s"):
            team_words.setdefault(words[-1], org_key)
    # the companies each article names ("Cameron International Corp", "Cameron Inc"), by their first word: a lone
    # "Cameron" there, tagged a person (or a body, where it is someone's surname), where no person is named in full
    # with it, is the company ("Cameron, which supplied the blowout preventer, said ..."), not the story's David
    # Cameron; a body's own name stays its own ("BP" beside "BP Exploration Company (Colombia) Ltd")
    company_openings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in names:
        key = key_of(mention.text)
        if mention.label == "ORG" and (base := company_base(key) or (key if key in companies else "")):
            company_openings[(mention.article, base.split()[0])].add(base)
    person_key_of: dict[int, str] = {}
    for mention in names:
        text_key = key_of(mention.text)
        if (
            mention.label not in ("PERSON", "EVENT")
            and text_key in person_texts
            and country_of(mention.text) is None
            and (mention.article, text_key) not in said
        ):
            mention.label = "PERSON"  # spaCy called one mention of "Deep Throat" an organisation
        elif (
            mention.label == "PERSON"
            and " " not in text_key
            and not directory.known(text_key)
            and text_key in team_words
        ):
            add(f"org:{team_words[text_key]}", "ORG", mention)  # "the Chiefs": Kansas City Chiefs
            continue
        elif (
            (mention.label == "PERSON" or mention.label == "ORG" and directory.known(text_key))
            and len(bases := company_openings.get((mention.article, text_key), set())) == 1
            and (mention.article, text_key) not in named_in_full
        ):
            (base,) = bases
            mention.label = "ORG"
            add(f"org:{acronyms.get(base.replace(' ', ''), base)}", "ORG", mention)
            continue
        cluster_key = name_key(mention, directory, acronyms, companies)
        add(cluster_key, mention.label, mention)
        if cluster_key.startswith("person:"):
            person_key_of[id(mention)] = cluster_key
    link_descriptions(mentions, roles, clusters, person_key_of, groups or {}, directory.several)
    return list(clusters.values())


# How many mentions as a noun's modifier ("the Michael Forever concert") make a name a thing's (``link``).
ATTRIBUTIVE_USES = 3
# The label a one-word name takes when most of its mentions say it is a place, body or group.
PLACE_OR_BODY = {"place": "GPE", "organization": "ORG", "group": "NORP"}


def name_key(
    mention: Mention, directory: People, acronyms: dict[str, str], companies: Container[str] = frozenset()
) -> str:
    """The cluster a name's mention joins; ``companies`` are names the collection also writes with a legal suffix
    ("Halliburton Co"), a company's even where someone bears the name as a surname."""
    if mention.label in ("GPE", "LOC", "ORG", "NORP", "FAC"):
        country = country_of(mention.text)
        if country is None and mention.government:
            _, _, by_capital = gazetteer()
            country = by_capital.get(key_of(mention.text))
        if country is not None and mention.label in ("GPE", "LOC", "ORG") or country and mention.government:
            return f"country:{key_of(country.name)}"
    if (
        mention.label == "PERSON"
        or mention.label in ("ORG", "GPE", "NORP")
        and key_of(mention.text) not in companies
        and surname_known(mention, directory)
    ):
        key = directory.key(mention)
        if key is not None:
            return key
    key = key_of(mention.text)
    if mention.label == "ORG":
        key = company_base(key) or key  # "Transocean Ltd" is Transocean
        return f"org:{acronyms.get(key.replace(' ', ''), key)}"
    if TYPE_OF_LABEL.get(mention.label) == "place":
        # one place however the recognizer tagged each mention: "Gulf of Mexico" a location here, a facility there
        return f"place:{key}"
    if mention.label == "EVENT" and storm_key(mention.text):
        return f"event:{storm_key(mention.text)}"  # "Tropical Storm Alex", "storm Alex", "Alex"
    if TYPE_OF_LABEL.get(mention.label) == "other":
        # "USS Kearsarge", "the Kearsarge"; a product's, a work's or a law's name is one thing however tagged
        # ('the antiviral drug "Tamiflu"' read as a work's title)
        return f"product:{vessel_key(key)}"
    return f"{mention.label.lower()}:{key}"


class People:
    """The people a collection names in full, and who a lone name ("Hunter", "Fraser") stands for.

    A full name is the person: "Hillary Rodham Clinton" and "Hillary Clinton" share first and last
    name. Where one first and last name comes with different middle names ("Thomas Charles Davies",
    "Thomas John Davies"), they are different people, and the name without a middle name is only
    itself within its article. A lone name goes to one person only when that is unambiguous:

    - within its article, to the one person named in full there with that surname (or, when nobody
      there has that surname, with that first name: "the Brown children, Fraser and John"); where the article
      names several of that surname in full, to the one the story's lone surname stands for (below) when the
      article names that one too ("Gadhafi" beside Moammar Gadhafi and his son Saif al-Islam Gadhafi), and names
      that one before the lone name or no other of the surname before it (``another``: "Gen. James F. Amos ...
      Amos said" is not the story's Valerie Amos, named further down);
    - else, across the collection, to the one person with that surname when nobody has it as a first
      name and that person is named in full in several articles (a lone surname is how news names
      someone prominent in the story; a lone "Kim" in a reader's message is not the pianist Sunwook Kim).

    A lone name that could be several people stays a name of its own article ("Hunter" of the one article).
    """

    def __init__(self, people: Sequence[Mention], groups: dict[str, int] | None = None) -> None:
        self.groups = groups or {}
        self.keys: dict[int, str] = {}
        by_name: dict[tuple[str, str], list[tuple[Mention, tuple[str, ...]]]] = defaultdict(list)
        self.by_last: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, set[str]] = defaultdict(set)
        self.local_last: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.local_first: dict[tuple[str, str], set[str]] = defaultdict(set)
        articles_of: dict[str, set[str]] = defaultdict(set)
        self.full: Counter[tuple[str, str]] = Counter()
        # how often each person's full name comes with each title ("secretary": 20, "president": 1)
        self.titles: dict[str, Counter[str]] = defaultdict(Counter)
        self.where: dict[tuple[str, str], list[int]] = defaultdict(list)
        # the middle names each person's full name comes with ("omar" of "Intelligence Omar Suleiman", a run-on)
        self.middles: dict[str, set[str]] = defaultdict(set)
        # "Henry M. Paulson Jr." is the Henry Paulson of the other articles where the collection names him so
        # in several articles (the name it gives that person in full) and names no "Sr." of that name: "Jr."
        # tells a son apart beside his father, and a son named once ("Robert F. Kennedy Jr.") stays apart
        seniors: set[tuple[str, str]] = set()
        juniors: dict[tuple[str, str], set[str]] = defaultdict(set)
        for mention in people:
            suffix = name_suffix(mention.text)
            if suffix in (" sr", " jr") and len(parts := person_name_parts(mention.text)) >= 2:
                if suffix == " sr":
                    seniors.add((parts[0], parts[-1]))
                else:
                    juniors[(parts[0], parts[-1])].add(mention.article)
        # "Ken Feinberg" is the Kenneth Feinberg of the other articles
        formal = formal_first_names(
            (parts[0], parts[-1])
            for parts in map(person_name_parts, (m.text for m in people))
            if len(parts) >= 2
        )
        for mention in people:
            parts = person_name_parts(mention.text)
            if len(parts) >= 2:
                parts[0] = formal.get((parts[0], parts[-1]), parts[0])
                # "Prince Michael Jackson II" is the son of Michael Jackson: a suffix is part of the name
                suffix = name_suffix(mention.text)
                if (
                    suffix == " jr"
                    and (parts[0], parts[-1]) not in seniors
                    and len(juniors[(parts[0], parts[-1])]) >= 2
                ):
                    suffix = ""
                by_name[(parts[0], parts[-1] + suffix)].append((mention, tuple(parts[1:-1])))
            elif len(parts) == 1 and royal_title(mention):
                key = f"person:{royal_title(mention)} {parts[0]}"  # "King Abdullah", not Hadi Abdullah
                self.keys[id(mention)] = key
                self.by_last[parts[0]].add(key)
                self.local_last[(mention.article, parts[0])].add(key)
                articles_of[key].add(mention.article)
        for (first, last), group in by_name.items():
            middles = {initials(middle) for _, middle in group if middle}
            # where an article gives the name with a middle name, the name without one far from it there
            # may be a namesake ("David Lloyd Morgan" and, pages later, another "David Morgan")
            with_middle = defaultdict(list)
            short_articles = set()
            for mention, middle in group:
                if middle:
                    with_middle[mention.article].append(mention.start)
                else:
                    short_articles.add(mention.article)
            # only on one page of the collection: a name the news uses in several articles ("Hillary Clinton",
            # "Hillary Rodham Clinton" further down) is one person
            one_page = len(with_middle) == 1 and short_articles <= set(with_middle)
            for mention, middle in group:
                if len(middles) >= 2 and middle:
                    key = f"person:{first} {initials(middle)} {last}"  # one of namesakes told apart
                elif (
                    not middle
                    and one_page
                    and with_middle.get(mention.article)
                    and mention.start >= 0
                    and all(
                        abs(mention.start - at) > SURNAME_REACH
                        for at in with_middle[mention.article]
                        if at >= 0
                    )
                ):
                    key = f"person:{first} {last}#{mention.article}"
                else:
                    key = f"person:{first} {last}"
                self.keys[id(mention)] = key
                self.middles[key].update(middle)
                self.full[(mention.article, key)] += 1
                self.where[(mention.article, key)].append(mention.start)
                if title_of(mention):
                    self.titles[key][title_of(mention)] += 1
                self.by_last[last.split(" ")[0]].add(key)
                self.by_first[first].add(key)
                self.local_last[(mention.article, last.split(" ")[0])].add(key)
                self.local_first[(mention.article, first)].add(key)
                articles_of[key].add(mention.article)
        self.articles = {key: len(found) for key, found in articles_of.items()}
        # where an article names a relative of someone by first name ("Rhonda Burkeen lost her husband, Aaron"):
        # the surname there may be either's (article, surname -> where the relative is named, whose relative)
        self.kin: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
        full_by_article: dict[str, list[Mention]] = defaultdict(list)
        for mention in people:
            if len(person_name_parts(mention.text)) >= 2:
                full_by_article[mention.article].append(mention)
        for mention in people:
            if not mention.kin:
                continue
            before = [
                m
                for m in full_by_article[mention.article]
                if m.sentence == mention.sentence and m.start < mention.start
            ]
            if before:
                named = max(before, key=lambda m: m.start)
                self.kin[(mention.article, person_name_parts(named.text)[-1])].append(
                    (mention.start, self.keys[id(named)])
                )
        self.named: Counter[str] = Counter()  # how often each person is named in full
        for (_, key), count in self.full.items():
            self.named[key] += count
        self.key_groups = {key: {self.groups.get(a) for a in found} for key, found in articles_of.items()}
        self.collection = len({m.article for m in people})
        lone: dict[str, set[str]] = defaultdict(set)
        for mention in people:
            parts = person_name_parts(mention.text)
            if len(parts) == 1:
                lone[parts[0]].add(mention.article)
        self.lone = {name: len(found) for name, found in lone.items()}
        # the keys of lone names that stay their article's own because the article names in full several
        # people they could be ("Morgan" on a page naming Morgan Humphreys and John Morgan): such a key's
        # mentions may be of different people (filled by ``key``)
        self.several: set[str] = set()

    def known(self, name: str) -> bool:
        """Whether a one-word name is someone's surname in the collection."""
        return name in self.by_last

    def key(self, mention: Mention) -> str | None:
        """The cluster key of a person's mention (None: no name parts)."""
        found = self.keys.get(id(mention))
        if found is not None:
            return found
        parts = person_name_parts(mention.text)
        if len(parts) != 1:
            return "person:" + " ".join(parts) if parts and mention.label == "PERSON" else None
        name = parts[0]
        title = title_of(mention)
        # a lone name of its own article; "Mrs. Mubarak" there is not the "Mubarak" beside her
        sex = ("mrs " if title in ("mrs", "ms", "miss") else "mr ") if title in GENDER_TITLES else ""
        own = f"person:{sex}{name}#{mention.article}"
        if any(
            abs(mention.start - at) <= SURNAME_REACH and not self.prominent(key)
            for at, key in self.kin.get((mention.article, name), ())
        ):
            # "Burkeen's supervisor" where "her husband, Aaron" is named: Rhonda Burkeen or her husband; but
            # "Obama" beside "Barack Obama and his daughter Sasha" is the story's figure, named in full often
            self.several.add(own)
            return own
        everyone = self.by_last.get(name, set())
        if title and title not in GENDER_TITLES:
            # "President Obama": the one of that surname the articles title so (not Michelle Obama)
            titled = {key for key in everyone if self.bears(key, title)}
            if len(titled) == 1:
                return next(iter(titled))
            if not titled:
                # nor one the articles title otherwise again and again (Secretary Hillary Clinton)
                everyone = {key for key in everyone if not self.titled_otherwise(key)}
        if title == "mr":
            # "Mr Jackson" is none of the people of that surname the articles call "Mrs" or "Ms"
            everyone = {key for key in everyone if not self.titles[key].keys() & GENDER_TITLES["mr"]}
        elif title in GENDER_TITLES:
            # "Mrs Bull" is only a woman of that surname the articles call so, not Rupert Bull
            everyone = {key for key in everyone if self.titles[key].keys() & GENDER_TITLES["mr"]}
        # within its article, only near where the person is named in full: a page of listings or
        # readers' messages names many people, and "Anthony" far below "Anthony Davidson" is another
        local_last = {
            key
            for key in self.local_last.get((mention.article, name), set()) & everyone
            if self.near(mention, key, SURNAME_REACH)
        }
        # everyone the article names in full with that word as first name or surname, wherever it does:
        # a lone word is one of them only when it can be no other ("Mary" on a page naming Mary Parry and
        # Annie Mary is neither)
        first_here = {
            key
            for key in self.local_first.get((mention.article, name), set())
            # a headline's capitals make names of words ("Kerry Withdraws From Call ..."): not a candidate
            if any(start >= 0 for start in self.where[(mention.article, key)])
        }
        last_here = self.local_last.get((mention.article, name), set())
        local_first = {
            key
            for key in first_here
            if self.before(mention, key, FIRST_NAME_REACH)
            # a headline's capitals make names of words ("Kerry Withdraws From Call ..."): only a full
            # name in the text itself makes "Kerry" a first name
            and any(start >= 0 for start in self.where[(mention.article, key)])
        }
        if first_here and len(first_here | last_here) > 1:
            self.several.add(own)
            return own  # another could be meant
        if len(local_last) == 1 and not local_first:
            (key,) = local_last
            if not any(self.articles[other] > 3 * self.articles[key] for other in everyone - {key}):
                return key
        if not local_last and len(local_first) == 1:
            return next(iter(local_first))
        if len(local_last) > 1 and not local_first:
            dominant = self.dominant(mention.article, local_last)
            if dominant is not None:
                return dominant
        if local_last and not local_first and not title:
            # "Gadhafi" on a page naming Moammar Gadhafi and his son Saif al-Islam Gadhafi, "Obama" near Michelle
            # Obama: the one the story's lone surname stands for, where the page names that one in full too, and
            # before the lone name when it names another of the surname before it ("Gen. James F. Amos said ...
            # Amos said", Valerie Amos, the story's Amos, named further down: the page's reader cannot mean her)
            story = self.story_person(name, everyone, self.by_first.get(name, set()))
            earlier = {
                key
                for key in last_here
                if self.before(mention, key, max(mention.start, 0))
                and (story is None or self.another(key, story))
            }
            if story in last_here and (story in earlier or not earlier):
                return story
        if len(local_last) == 1 and not local_first:
            return own  # "Obama" where only Michelle Obama is named: Barack?
        if local_last or local_first:
            self.several.add(own)
            return own
        last, first = everyone, self.by_first.get(name, set())
        if self.groups:
            # articles known to tell of one event (``groups``) share their cast: "Lohan" is the one
            # Lindsay Lohan those articles name
            group = self.groups.get(mention.article)
            here = {key for key in last if group in self.key_groups[key]}
            if len(here) == 1 and not {key for key in first if group in self.key_groups[key]}:
                return next(iter(here))
        story = self.story_person(name, last, first)
        if story is not None:
            return story
        if not last and not first:
            return f"person:{sex}{name}" if mention.label == "PERSON" else None  # one name ("Madonna")
        return own

    def story_person(self, name: str, last: set[str], first: set[str]) -> str | None:
        """Whom the story's lone ``name`` stands for: the one person of that surname (``last``), or one far more
        prominent than the others of that surname or first name (``first``): "Obama" is Barack Obama, not Michelle
        Obama; "Gadhafi" is Moammar Gadhafi, named in full in 350 articles, not a son named in 30."""
        if not last:
            return None
        ranked = sorted(last, key=lambda key: -self.articles[key])
        key = ranked[0]
        others = sum(self.articles[k] for k in ranked[1:]) + sum(self.articles[k] for k in first)
        # named in full in several articles, or used alone in several more (the story's "Assad")
        prominent = self.prominent(key) or (self.articles[key] + self.lone.get(name, 0) >= LONE_NAME_ARTICLES)
        return key if prominent and self.articles[key] > 2 * others else None

    def another(self, key: str, story: str) -> bool:
        """Whether a namesake is another person than the story's bearer of the surname: not a spelling of that one's
        name ("Col Muammar Gadhafi" beside Moammar Gadhafi, "Sen. Lindsay Graham"), nor that name run on from a word
        before it ("head of Intelligence Omar Suleiman") or from a prominent person's surname ("Mubarak Obama" of a
        caption run into the next)."""
        first = first_name(key)
        return key == story or not (
            spelt_alike(first, first_name(story))
            or first_name(story) in self.middles[key]
            or any(self.prominent(other) for other in self.by_last.get(first, ()))
        )

    def prominent(self, key: str) -> bool:
        """Whether the collection names the person in full in several articles (three, or two in a small one)."""
        return self.articles[key] >= min(3, max(2, self.collection // 10))

    def office_titles(self, key: str) -> Counter[str]:
        """How often the person's full name comes with each title of office (not Mr/Mrs/Ms/Miss), the
        abbreviations counted under their full words."""
        found: Counter[str] = Counter()
        for title, count in self.titles[key].items():
            if title not in GENDER_TITLES:
                found[TITLE_ABBREVIATIONS.get(title, title)] += count
        return found

    def bears(self, key: str, title: str) -> bool:
        """Whether the articles give the person this title: twice, or once in few full namings (one reader's
        "President Hillary Clinton" among seventy articles naming the Secretary of State does not make her
        President; "President Bill Clinton" once in four namings does make him)."""
        count = self.office_titles(key)[TITLE_ABBREVIATIONS.get(title, title)]
        return count >= 2 or count > 0 and count * TITLE_SHARE >= self.named[key]

    def titled_otherwise(self, key: str) -> bool:
        """Whether the articles title the person, again and again, with titles other than the one asked."""
        return sum(self.office_titles(key).values()) >= TITLED_OTHERWISE

    def near(self, mention: Mention, key: str, reach: int) -> bool:
        """Whether the article names ``key`` in full within ``reach`` characters of the mention (a title,
        caption or highlight, placed before the text, is near the whole text)."""
        if mention.start < 0:
            return True
        return any(
            start < 0 or abs(mention.start - start) <= reach for start in self.where[(mention.article, key)]
        )

    def before(self, mention: Mention, key: str, reach: int) -> bool:
        """Whether the article names ``key`` in full before the mention, within ``reach`` characters (a
        lone first name points back to the full name; a title or caption comes before the text)."""
        if mention.start < 0:
            return False
        return any(
            start < 0 or 0 <= mention.start - start <= reach for start in self.where[(mention.article, key)]
        )

    def dominant(self, article: str, keys: set[str]) -> str | None:
        """Of the namesakes an article names in full, the one it names far most (more than twice as
        often as any other there) and who is no less prominent in the collection: "Jackson" in an
        article about Michael Jackson that names his brother Jermaine Jackson once."""
        ranked = sorted(keys, key=lambda key: -self.full[(article, key)])
        best, second = ranked[0], ranked[1]
        if self.full[(article, best)] <= 2 * self.full[(article, second)]:
            return None
        if any(self.articles[key] > self.articles[best] for key in ranked[1:]):
            return None
        return best


def first_name(key: str) -> str:
    """The first name of a person's key ("moammar" of "person:moammar gadhafi")."""
    return key.partition(":")[2].split(" ")[0]


# How alike two first names must be, besides their first letter, to be spellings of one ("moammar", "muammar";
# "lindsay", "lindsey"; "joe", "joseph"), not two people's ("mitch", "mary").
SPELLING_LIKENESS = 0.6


def spelt_alike(name: str, other: str) -> bool:
    """Whether two first names are spellings of one name: the same first letter and most letters in common."""
    return name[:1] == other[:1] and difflib.SequenceMatcher(None, name, other).ratio() >= SPELLING_LIKENESS


# How far from a person's full name a lone surname or first name in the same article still stands for them.
SURNAME_REACH = 5000
# How many articles, naming a person in full or by the lone name, make the lone name theirs elsewhere.
LONE_NAME_ARTICLES = 4
FIRST_NAME_REACH = 800
GENDER_TITLES = {
    "mr": {"mrs", "ms", "miss"},
    "mrs": {"mr"},
    "ms": {"mr"},
    "miss": {"mr"},
}
# The key of a lone name told apart by a title of sex ("person:mrs obama", "person:mr qadri#a3").
SEX_TITLED_KEY = re.compile(r"person:(?:mr|mrs) ")
# Titles only a person bears, whatever office they hold: a name given one is a person's.
HONORIFICS = frozenset({*GENDER_TITLES, "dr", "sir", "dame"})


def title_of(mention: Mention) -> str:
    """The title a person's mention carries ("President Obama", "Mrs. Jackson"): "president", "mrs"."""
    for text in (mention.titled, mention.text):
        words = text.split()
        if len(words) >= 2:
            word = words[0].lower().rstrip(".")
            if word in TITLE_WORDS and word not in ("the", "former", "late"):
                return word
    return ""


def name_suffix(text: str) -> str:
    """ " jr", " ii" ... when a name ends with one ("Michael Jackson II"), else ""."""
    words = re.findall(r"[\w']+", text)
    last = words[-1].lower() if words else ""
    return f" {last}" if len(words) > 2 and last in NAME_SUFFIXES else ""


def initials(parts: Sequence[str]) -> str:
    """The initials of middle names: "Rodham" and "R." are the same middle name."""
    return "".join(part[:1] for part in parts)


# Titles of people known by one name, not a surname ("King Abdullah", "Pope Francis", "Sheikh Hamad").
ROYAL_TITLES = {"king", "queen", "prince", "princess", "emir", "sheikh", "pope", "sultan", "crown"}


def royal_title(mention: Mention) -> str:
    """The royal or religious title a one-name mention carries, in its text or just before it."""
    for text in (mention.text, mention.titled):
        words = text.lower().split()
        if len(words) >= 2 and words[0] in ROYAL_TITLES:
            return words[0]
    return ""


def surname_known(mention: Mention, directory: People) -> bool:
    """spaCy sometimes labels a lone surname ORG or GPE ("Assad"); a known surname is a person."""
    parts = person_name_parts(mention.text)
    return (
        mention.label != "GPE"  # "Washington" the place is not George Washington
        and not (mention.label == "ORG" and is_acronym(mention.text))  # "NATO", "JANA": a body's initials
        # "Gaddafi soldiers & mercenaries", "Gaddafi s arms": a body or thing named after the man, not him
        and all(w[:1].isupper() or w.lower().split("-")[0] in NAME_PARTICLES for w in mention.text.split())
        and len(parts) == 1
        and directory.known(parts[0])
        and country_of(mention.text) is None
    )


def is_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return len(letters) >= 2 and letters.isupper()


# How far after a person's title a description in the same article may still stand for them.
DESCRIPTION_REACH = 3000


@functools.cache
def national_keys() -> frozenset[str]:
    """Every country as ``role_modifiers`` writes it ("syria", "united states")."""
    return frozenset(key_of(country.name) for country in gazetteer()[0].values())


def link_descriptions(
    mentions: Sequence[Mention],
    roles: Sequence[Role],
    clusters: dict[str, Cluster],
    person_key_of: dict[int, str],
    groups: dict[str, int],
    several: Container[str] = frozenset(),
) -> None:
    """Attach "the Syrian president" to the one person titled so; leave it out when unsure.

    ``several``: keys of lone names that may stand for several people of their page; a description said of
    one of them ("Morgan was the eldest son") would join one of them to the others' entry."""
    holders: dict[str, list[tuple[Role, str]]] = defaultdict(list)
    people_by_article: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if id(mention) in person_key_of:
            people_by_article[mention.article].append(mention)
    for role in roles:
        # a title is the name's right after it ("American author Lionel Shriver"), an apposition the name's right
        # before it ("Bobby Bolton, the wellsite leader"; not the next sentence's "Jackson" after "Conrad Murray,
        # Michael Jackson's doctor, who ... singer.")
        if role.apposition:
            found = [m for m in people_by_article[role.article] if m.start < role.start <= m.end + 4]
        else:
            end = role.start + len(role.text) + role.gap
            # the name right after its title
            found = [m for m in people_by_article[role.article] if 0 <= m.start - end <= 3]
        owner = person_key_of[id(found[0])] if found else None
        if owner is not None and owner in clusters:
            clusters[owner].roles.append(role)
            holders[role.head].append((role, owner))
    named_at = {(m.article, m.start): key for m in mentions if (key := person_key_of.get(id(m)))}
    countries = national_keys()
    for mention in mentions:
        if mention.kind != "description" or mention.label not in ("DESC", "PERSON"):
            continue  # titles are people's: "the film" never stands for one
        if mention.describes is not None:
            # said of a named person by apposition or copula: that person, whatever their titles
            described = named_at.get((mention.article, mention.describes))
            if described is not None and described in clusters and described not in several:
                clusters[described].mentions.append(mention)
            continue
        if mention.relational:
            continue  # "the panel's chairman": which panel's is not said; only apposition tells who
        group = groups.get(mention.article)
        candidates = {
            owner
            for role, owner in holders.get(mention.head, [])
            if mention.modifiers <= role.modifiers | {mention.head}
            and groups.get(role.article) == group
            # "Norco's chairman" is not "Norco USA's chairman": one body's title says nothing of another's
            and not (mention.owner and role.owner and mention.owner != role.owner)
        }
        local = {
            owner
            for role, owner in holders.get(mention.head, [])
            if role.article == mention.article
            and role.start <= mention.start
            and (mention.start - role.start <= DESCRIPTION_REACH or role.start < 0)
            and owner in candidates
        }
        if len(local) == 1:
            owner = next(iter(local))
        elif len(candidates) == 1 and (
            groups or mention.modifiers and mention.modifiers <= countries and not mention.plain
        ):
            # across articles: a national title ("the Syrian president") held by one person ("the Libyan woman"
            # is no title: another article's may be another woman); within articles about one event
            # (``groups``), any title held by one person there
            owner = next(iter(candidates))
        else:
            continue
        if owner in clusters:
            clusters[owner].mentions.append(mention)


# ---------------------------------------------------------------------------------------------
# The roster


def build_roster(
    articles: Sequence[Article], docs: Sequence[Doc] | None = None, pieces: Pieces = NO_PIECES
) -> list[Entity]:
    """One entry per person, organisation and place across the articles, named in the most articles first (then most mentioned).

    Each entry has a canonical name, a type, every alias the articles use, mentions per article
    (and per outlet in ``outlets``) and the roles the articles give it, dated. The articles are read,
    never written: ``find_attributions(..., roster=...)`` links speakers to these entries.
    """
    if docs is None:
        from ..annotate.nlp import parse_articles

        docs = parse_articles(articles)
    all_mentions: list[Mention] = []
    all_roles: list[Role] = []
    sides = side_docs(articles)
    parses = docs
    # Each article's part depends on it alone: kept per article in ``pieces`` (``storyline.pieces``).
    found = [
        pieces.piece("mentions", article, MENTIONS, functools.partial(article_mentions, article, parses, i))
        for i, article in enumerate(articles)
    ]
    # Descriptions can only stand for someone titled so somewhere in the collection.
    role_heads = {head for _, _, heads in found for head in heads} | {
        role.head
        for article, doc in sides
        for ent in doc.ents
        if ent.label_ == "PERSON"
        for role in roles_of(article, ent)
    }
    for mentions, roles, _ in found:
        all_mentions.extend(m for m in mentions if m.kind != "description" or m.head in role_heads)
        all_roles.extend(roles)
    for number, (article, doc) in enumerate(sides, start=1):
        mentions, roles = mentions_of(article, doc, role_heads)
        # Not in the cleaned text: placed before it (titles, captions and highlights come first),
        # each piece apart from the others so titles still go to the name beside them.
        base = -SIDE_TEXT_SPACING * number
        for mention in mentions:
            mention.start += base
            mention.end += base
            if mention.describes is not None:
                mention.describes += base
        for role in roles:
            role.start += base
        all_mentions.extend(mentions)
        all_roles.extend(roles)
    by_id = {a.id: a for a in articles}
    clusters = link(names_glued_to_countries(whole_names(all_mentions, by_id)), all_roles)
    shared = shared_titles(clusters)
    entities = [e for e in (entity_of(cluster, by_id, shared) for cluster in clusters) if e is not None]
    # the names the text writes without a possessive after them somewhere ("the European Union said")
    plain = {
        m.text
        for m in all_mentions
        if m.kind == "name"
        and m.start >= 0
        and m.article in by_id
        and by_id[m.article].text[m.end : m.end + 2] not in ("'s", "\u2019s")
    }
    entities = possessive_names(entities, plain)
    # named in the most articles first: a name one article repeats (a family history's "John", 89 times in one
    # article) is not what the story is about
    entities.sort(key=lambda e: (-len(e.mentions), -sum(e.mentions.values()), e.name))
    seen: Counter[str] = Counter()
    for entity in entities:
        seen[entity.id] += 1
        if seen[entity.id] > 1:
            entity.id = f"{entity.id}-{seen[entity.id]}"
    return entities


POSSESSIVE_HEAD = re.compile(r"^(.+?)['\u2019]s\s")


def possessive_names(entities: Sequence[Entity], plain: Container[str]) -> list[Entity]:
    """The entries, an organisation whose name is a possessive named as the collection writes it: "Moody" (every
    mention's "'s" read as the possessive, "Moody's threat") is "Moody's" where the text never writes it without
    "'s" (no alias in ``plain``) and the collection names a body "Moody's Investors Service" or "Moody's Analytics"
    ("the European Union's foreign policy chief" leaves the European Union alone)."""
    heads = {
        match.group(1)
        for entity in entities
        if entity.type == "organization"
        for alias in (entity.name, *entity.aliases)
        if (match := POSSESSIVE_HEAD.match(alias))
    }
    return [
        dataclasses.replace(entity, name=f"{entity.name}'s")
        if entity.type == "organization"
        and entity.name in heads
        and not any(a in plain for a in entity.aliases)
        else entity
        for entity in entities
    ]


def whole_names(mentions: Sequence[Mention], by_id: Mapping[str, Article]) -> list[Mention]:
    """The mentions, a name the recognizer cut from the word before it made whole again: "Horizon" of "the
    Deepwater Horizon rig" (the recognizer's "Horizon" a place, "Deepwater" apart) is "Deepwater Horizon" when the
    collection's names hold that whole name, and takes the whole name's commonest type unless the whole has the
    part's own. A title before a name stays apart ("President Obama" is Obama), and a name typed a person is
    left to the linking."""
    wholes: dict[str, Counter[str]] = {}
    for mention in mentions:
        if mention.kind == "name" and " " in mention.text:
            wholes.setdefault(mention.text, Counter())[mention.label] += 1
    made = []
    for mention in mentions:
        article = by_id.get(mention.article)
        # (a person's surname goes to the full name by the linking's own rules, and keeps its type)
        if mention.kind == "name" and mention.label != "PERSON" and mention.start > 0 and article is not None:
            reach = max(0, mention.start - WORD_REACH)
            before = WORD_BEFORE.search(article.text[reach : mention.start])
            if before is not None and not title_word(before.group(1)):
                whole = f"{before.group(1)} {mention.text}"
                if whole in wholes:
                    labels = wholes[whole]
                    # the recognizer's type of the part where the whole has it ("Jones" of "Michelle Jones"), else
                    # the whole's commonest
                    label = mention.label if mention.label in labels else labels.most_common(1)[0][0]
                    start = reach + before.start(1)
                    mention = dataclasses.replace(mention, text=whole, start=start, label=label)
        made.append(mention)
    return made


def names_glued_to_countries(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions, a lone surname run into a country's name where a headline or highlight lost its stop made the
    surname again ("... escalation against Gadhafi Libya insists that ...", "Conflict continues in Misrata, Libya
    Gadhafi accused of ...", "pressure Gadhafi The United States declined ..."): a surname the collection names in
    full in several articles and far more often as a surname than as a first name. A person's name with a country's
    in it ("Chad Smith", "Michael Jordan") stays whole: a name tagged a person is cut only at a capital "The"."""
    as_last: dict[str, set[str]] = defaultdict(set)
    as_first: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if (
            mention.kind == "name"
            and mention.label == "PERSON"
            and len(parts := person_name_parts(mention.text)) > 1
        ):
            as_last[parts[-1]].add(mention.article)
            as_first[parts[0]].add(mention.article)

    def surname(word: str) -> bool:
        key = key_of(word)
        return len(as_last[key]) >= LONE_NAME_ARTICLES and len(as_last[key]) > 2 * len(as_first[key])

    made = []
    for mention in mentions:
        words = mention.text.split()
        if mention.kind == "name" and len(words) > 1:
            first, last = words[0], words[-1]
            if (
                surname(first)
                and country_of(" ".join(words[1:]))
                and (mention.label != "PERSON" or words[1] == "The")
            ):
                mention = dataclasses.replace(
                    mention, text=first, end=mention.start + len(first), label="PERSON"
                )
            elif mention.label != "PERSON" and surname(last) and country_of(" ".join(words[:-1])):
                start = mention.end - len(last)
                mention = dataclasses.replace(mention, text=last, start=start, label="PERSON")
        made.append(mention)
    return made


# A word in title case right before a name, one space between: "Deepwater" of "the Deepwater Horizon rig".
WORD_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+) \Z")
WORD_REACH = 40


class EveryNoun:
    """A set of heads that holds every word: descriptions are found for every noun (and kept for the
    heads the whole collection's titles give, ``build_roster``)."""

    def __contains__(self, word: object) -> bool:
        return True


# An article's part of the roster, kept per article: its mentions (descriptions for every noun), its
# titles, and the heads of its persons' titles.
MENTIONS = tuple[list[Mention], list[Role], list[str]]


def article_mentions(
    article: Article, docs: Sequence[Doc], i: int
) -> tuple[list[Mention], list[Role], list[str]]:
    doc = docs[i]
    heads = sorted(
        {role.head for ent in doc.ents if ent.label_ == "PERSON" for role in roles_of(article, ent)}
    )
    mentions, roles = mentions_of(article, doc, EveryNoun(), article.text)
    return mentions, roles, heads


SIDE_TEXT_SPACING = 1_000_000
# What the cleaner set aside but the article itself says about its story (not links to other stories).
SIDE_TEXT_REASONS = {"caption", "caption-repeated", "highlights", "deck", "subtitle", "summary"}


def side_docs(articles: Sequence[Article]) -> list[tuple[Article, Doc]]:
    """Parses of each article's title, captions, highlights and deck: they name people too."""
    from ..annotate.nlp import load_nlp

    pieces: list[tuple[str, Article]] = []
    for article in articles:
        texts = [article.title] if article.title else []
        seen = set(texts)
        for removed in article.removed:
            if removed.reason in SIDE_TEXT_REASONS and removed.text not in seen:
                seen.add(removed.text)
                texts.append(removed.text)
        pieces.extend((text, article) for text in texts if text.strip())
    if not pieces:
        return []
    nlp = load_nlp()
    return [(article, doc) for doc, article in nlp.pipe(pieces, as_tuples=True, batch_size=64)]


def shared_titles(clusters: Sequence[Cluster]) -> set[str]:
    """Titles (as ``key_of`` writes them) the articles give to more than one person: "BP's chairman" for the
    chairman of BP and, in one article, for BP America's. Such a title names either; it is an alias of neither.
    """
    holders: dict[str, set[str]] = defaultdict(set)
    for cluster in clusters:
        if not cluster.key.startswith("person:"):
            continue
        for mention in cluster.mentions:
            if mention.kind == "description":
                holders[key_of(mention.text)].add(cluster.key)
        for role in cluster.roles:
            holders[key_of(role.text)].add(cluster.key)
    return {title for title, keys in holders.items() if len(keys) > 1}


# Relatives a person may have several of ("the Libyan leader's son"), unless a rank says which ("the eldest son").
SEVERAL_KIN_NOUNS = frozenset(
    "son daughter brother sister grandson granddaughter stepson stepdaughter child cousin nephew niece".split()
)
RANK_WORDS = frozenset("eldest oldest youngest only first second third fourth fifth".split())


def generic_description(mention: Mention) -> bool:
    """A description of one of many people of a body ("the BP official", "the White House spokesman") or of
    someone's relatives ("the Libyan leader's son"): it may stand for someone in its sentence, but names no one
    across the story. A chief's title is one person's ("BP's chief operating officer"), so is a ranked relative's
    ("the eldest son of the family"). A description that says only a person's sex or age ("the Libyan woman") is
    true of many people too."""
    if mention.kind != "description":
        return False
    if mention.plain:
        return True
    if mention.head in SEVERAL_KIN_NOUNS:
        return (
            not set(key_of(mention.text).split()) & RANK_WORDS
        )  # (as written: "eldest" has the lemma "old")
    return mention.head in ANONYMOUS_HEADS and "chief" not in mention.modifiers


def no_alias(mention: Mention, shared: Container[str]) -> bool:
    """A mention whose words name its entity only where it stands: a bare title ("the president"), a title
    cut from its complement, a generic description, or a title the articles give to several people."""
    return (
        bare_title(mention)
        or mention.cut
        or generic_description(mention)
        or mention.kind == "description"
        and key_of(mention.text) in shared
    )


def generalised_titles(cluster: Cluster) -> set[str]:
    """A person's titles (as ``key_of`` writes them) that generalise another of their titles to another body:
    "BP's chairman" beside "BP America's chairman" names the parent company's chairman, someone else."""
    owners: dict[str, set[str]] = defaultdict(set)
    for mention in cluster.mentions:
        if mention.kind == "description" and mention.owner:
            owners[mention.head].add(mention.owner)
    for role in cluster.roles:
        if role.owner:
            owners[role.head].add(role.owner)
    return {
        key_of(mention.text)
        for mention in cluster.mentions
        if mention.kind == "description"
        and mention.owner
        and any(other.startswith(mention.owner + " ") for other in owners[mention.head])
    }


def entity_of(
    cluster: Cluster, by_id: dict[str, Article], shared: Container[str] = frozenset()
) -> Entity | None:
    names = [m for m in cluster.mentions if m.kind == "name"]
    if not names:
        return None
    labels = Counter(m.label for m in names)
    label = labels.most_common(1)[0][0]
    if cluster.key.startswith("person:"):
        label = "PERSON"
    entity_type = TYPE_OF_LABEL.get(label, "other")
    if cluster.key.startswith("country:"):
        entity_type = "country"
    # A bare title ("the president", "the head") stands for its holder only in its own article: listed as a
    # name it would stand for them across the story, where it names others ("the president" is Obama too).
    generalised = generalised_titles(cluster)
    # a lone name told apart by a title of sex ("Mrs. Obama" beside the story's Barack Obama, ``People.key``): the
    # title is part of its name, and the bare name, the other's, no alias of it
    by_title = SEX_TITLED_KEY.match(cluster.key) is not None
    forms = Counter(
        m.text
        for m in cluster.mentions
        if not no_alias(m, shared)
        and key_of(m.text) not in generalised
        and not (by_title and m.kind == "name" and m.titled)
    )
    forms.update(m.titled for m in cluster.mentions if m.titled)
    name = canonical_name(cluster, names)
    if name_problem(name):
        # the recognizer's cut ("Capel Bangor and") or no actor's name at all ("You Are Not Alone",
        # "In Living Memory", "Jo"): tidied, or another form of the name, else no roster entry
        clean = [n for n in (tidy_name(m.text) for m in names) if n and not name_problem(n)]
        if not clean:
            return None
        name = Counter(clean).most_common(1)[0][0]
    mentions: Counter[str] = Counter(m.article for m in cluster.mentions)
    outlets: Counter[str] = Counter()
    for article_id, count in mentions.items():
        article = by_id.get(article_id)
        outlets[(article.outlet if article and article.outlet else "unknown")] += count
    entity_roles = []
    for role in cluster.roles:
        article = by_id.get(role.article)
        entity_roles.append(
            {
                "role": role.text,
                "article": role.article,
                "outlet": article.outlet if article else None,
                "date": article.published.isoformat() if article and article.published else None,
                "date_estimated": False,
                # when the article's date is not stated: its interval ("after 2011-08"), never a point
                "date_interval": (
                    article.published_label() if article and article.published is None else None
                ),
            }
        )
    aliases = [form for form, _ in forms.most_common()]
    return Entity(
        id=f"{entity_type}:{slug(name)}",
        name=name,
        type=entity_type,
        aliases=aliases,
        mentions=dict(mentions),
        roles=entity_roles,
        outlets=dict(outlets),
        named_at=first_named(cluster.mentions, set(aliases)),
    )


def first_named(mentions: Sequence[Mention], aliases: set[str]) -> dict[str, tuple[str, int]]:
    """Where each alias is first named in an article's text by a mention linked here (the mention's article
    and offset; for "President Clinton", its name's): the very mention merged, not the first of its words
    anywhere ("London said ..." for the United Kingdom, not "flew to London"). Titles and captions (negative
    offsets) are left out."""
    found: dict[str, tuple[str, int]] = {}
    for mention in sorted(mentions, key=lambda m: (m.article, m.start)):
        if mention.start < 0:
            continue
        for form in (mention.text, mention.titled):
            if form and form in aliases and form not in found:
                found[form] = (mention.article, mention.start)
    return found


def canonical_name(cluster: Cluster, names: Sequence[Mention]) -> str:
    if cluster.key.startswith("country:"):
        country = country_of(cluster.key.split(":", 1)[1])
        if country is not None:
            return country.name
    if SEX_TITLED_KEY.match(cluster.key):
        return Counter(m.titled or m.text for m in names).most_common(1)[0][0]  # "Mrs. Obama"
    counts = Counter(m.text for m in names)
    if cluster.key.startswith("person:"):
        full = [(n, c) for n, c in counts.items() if len(person_name_parts(n)) >= 2]
        if full:
            # The most used full name, without a leading title.
            best = max(full, key=lambda item: (item[1], -len(item[0])))[0]
            words = best.split()
            while len(words) > 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
                words = words[1:]
            return " ".join(words)
    if cluster.key.startswith("org:"):
        longest = max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n)))
        return re.sub(r"^the\s+", "", longest, flags=re.IGNORECASE)
    return counts.most_common(1)[0][0]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def alias_index(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Lookup of an entity by any of its aliases (normalized), most mentioned entity first."""
    index: dict[str, Entity] = {}
    for entity in sorted(entities, key=lambda e: (-sum(e.mentions.values()), e.name)):
        for alias in [entity.name, *entity.aliases]:
            index.setdefault(key_of(alias), entity)
    return index


def looks_like_person_name(name: str) -> bool:
    """Whether a name may be a person's surname or full name, not an acronym ("UN") or a nationality
    or country ("Syrian"): only such a name may go to a person by its last word."""
    words = name.split()
    if not words:
        return False
    last = words[-1]
    if last.replace(".", "").isupper() or not last[:1].isupper():
        return False
    return country_of_word(last) is None and country_of(name) is None


def link_speakers(attributions: Sequence[Attribution], entities: Sequence[Entity]) -> list[Attribution]:
    """The attributions with each resolved speaker pointed at its roster entry (``speaker_entity_id``):
    new objects where a speaker is linked, the given ones untouched."""
    index = alias_index(entities)
    people: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        if entity.type == "person":
            parts = person_name_parts(entity.name)
            if parts:
                people[parts[-1]].append(entity)
    linked: list[Attribution] = []
    for attribution in attributions:
        found = None
        if not attribution.anonymous and attribution.speaker_entity:
            found = index.get(key_of(attribution.speaker_entity))
            if found is None and looks_like_person_name(attribution.speaker_entity):
                parts = person_name_parts(attribution.speaker_entity)
                candidates = people.get(parts[-1], []) if parts else []
                found = candidates[0] if candidates else None
        if found is not None:
            attribution = dataclasses.replace(
                attribution, speaker_entity=found.name, speaker_entity_id=found.id
            )
        linked.append(attribution)
    return linked


# ---------------------------------------------------------------------------------------------
# Linking every mention of a story, names, descriptions and pronouns (ECB+'s gold mentions)

# ECB+ mention types as spaCy labels, for mentions spaCy's NER does not label itself.
LABEL_OF_MENTION_TYPE = {"HUM": "PERSON", "LOC": "GPE", "NON": "PRODUCT", "TIM": "DATE"}
PERSONAL_PRONOUNS = MASCULINE | FEMININE


def gold_span_mentions(
    spans: Sequence[tuple[str, int, int, str]], articles: dict[str, Article], docs: dict[str, Doc]
) -> list[Mention]:
    """Mentions for given character spans ``(article id, start, end, type)``: name, description or pronoun."""
    mentions = []
    for article_id, start, end, mention_type in spans:
        doc = docs[article_id]
        span = doc.char_span(start, end, alignment_mode="expand")
        text = articles[article_id].text[start:end]
        if span is None or not len(span):
            mentions.append(
                Mention(article_id, text, start, end, "MISC", kind="description", head=text.lower())
            )
            continue
        root = span.root
        label = root.ent_type_ if root.ent_type_ in TYPE_OF_LABEL else ""
        if root.pos_ == "PRON" or root.lower_ in PRONOUNS:
            kind = "pronoun"
        elif (
            root.pos_ == "PROPN"
            or label
            or root.text[:1].isupper()
            and (root.i > root.sent.start or root.pos_ != "NOUN")
        ):
            kind = "name"
        else:
            kind = "description"
        if kind != "name" or not label:
            label = LABEL_OF_MENTION_TYPE.get(mention_type, "ORG")
        if kind == "name" and mention_type == "HUM" and label not in ("PERSON", "ORG", "NORP"):
            label = "ORG" if not any(t.ent_type_ == "PERSON" for t in span) else "PERSON"
        if mention_type == "TIM":
            kind, label = "description", "DATE"
        name_tokens = (
            [t for t in span if not (t.is_punct or t.lower_ in FUNCTION_WORDS)] if kind == "name" else []
        )
        mentions.append(
            Mention(
                article=article_id,
                text=display_name(" ".join(t.text for t in name_tokens)) if name_tokens else text,
                start=start,
                end=end,
                label=label or LABEL_OF_MENTION_TYPE.get(mention_type, "MISC"),
                kind=kind,
                head=root.lemma_.lower(),
                modifiers=role_modifiers([t for t in span if t.i < root.i and t.lower_ != "the"], root),
                sentence=root.sent.start,
            )
        )
    return mentions


def cluster_mentions(
    mentions: Sequence[Mention], docs: dict[str, Doc], groups: dict[str, int] | None = None
) -> list[int]:
    """A cluster number for each mention of one story (the roster's rules, plus pronouns and nouns).

    Names and titled descriptions link as in the roster; a personal pronoun links to the nearest
    person mention before it in its article; other common nouns link by head lemma, and a group of
    them joins the person one of its members was linked to by title.
    """
    roles: list[Role] = []
    for article_id, doc in docs.items():
        article = Article(id=article_id, source=article_id, text="")
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                roles.extend(roles_of(article, ent))
    groups = groups or {}
    clusters = link([m for m in mentions if m.kind != "pronoun"], roles, groups)
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    position = {id(m): i for i, m in enumerate(mentions)}
    linked_by_title: set[int] = set()
    for cluster in clusters:
        members = [position[id(m)] for m in cluster.mentions if id(m) in position]
        for other in members[1:]:
            union(members[0], other)
        if any(m.kind == "name" for m in cluster.mentions):
            linked_by_title.update(position[id(m)] for m in cluster.mentions if m.kind == "description")
    # Common nouns by head lemma; a group that one title linked to a person joins that person.
    by_head: dict[tuple[int, str, str], list[int]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        # Things and places by head word too: "the treatment center" and "Promises Treatment Center".
        if (
            mention.kind == "description"
            or mention.kind == "name"
            and mention.label not in ("PERSON", "DATE")
        ):
            by_head[(groups.get(mention.article, 0), coarse_label(mention.label), mention.head)].append(i)
    for members in by_head.values():
        for other in members[1:]:
            union(members[0], other)
    # A description worded exactly as a name of its group ("Colts" at a sentence start) is that name.
    name_of_text: dict[tuple[int, str], int] = {}
    for i, mention in enumerate(mentions):
        if mention.kind == "name":
            name_of_text.setdefault((groups.get(mention.article, 0), key_of(mention.text)), i)
    for i, mention in enumerate(mentions):
        if mention.kind == "description":
            same = name_of_text.get((groups.get(mention.article, 0), key_of(mention.text)))
            if same is not None:
                union(i, same)
    # Pronouns: the nearest person mention before in the same article whose gender, as told by the
    # pronouns already linked to it, agrees ("she" skips a man named just before).
    ordered = sorted(range(len(mentions)), key=lambda i: (mentions[i].article, mentions[i].start))
    recent: dict[str, list[int]] = defaultdict(list)
    gender: dict[int, str] = {}
    for i in ordered:
        mention = mentions[i]
        if mention.kind == "pronoun":
            head = mention.head
            candidates = recent[mention.article][-4:][::-1]
            if head in ("who", "whom", "whose") and candidates:
                union(i, candidates[0])
            elif head in PERSONAL_PRONOUNS and candidates:
                wanted = "f" if head in FEMININE else "m"
                agreeing = [c for c in candidates if gender.get(find(c), wanted) == wanted]
                antecedent = agreeing[0] if agreeing else candidates[0]
                union(i, antecedent)
                gender.setdefault(find(i), wanted)
        elif mention.label == "PERSON" and (mention.kind == "name" or i in linked_by_title):
            recent[mention.article].append(i)
    labels: dict[int, int] = {}
    return [labels.setdefault(find(i), len(labels)) for i in range(len(mentions))]


def company_base(key: str) -> str:
    """The name a company's legal suffix follows ("transocean ltd" -> "transocean"), else ""."""
    words = key.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in CORPORATE_SUFFIXES else ""


def coarse_label(label: str) -> str:
    """Places with places, things with things: spaCy's GPE, LOC and FAC are all places."""
    return TYPE_OF_LABEL.get(label, label)


def group_articles(texts: dict[str, str], threshold: float) -> dict[str, int]:
    """Articles about the same event, by TF-IDF cosine similarity (average linkage at ``threshold``).

    Two groups merge while the mean cosine similarity between their articles is above ``threshold``;
    the TF-IDF (``storyline.text.tfidf``) drops the Glasgow English stop words. Groups are numbered in
    the order of their first article (ids sorted).
    """
    ids = sorted(texts)
    if len(ids) < 2:
        return dict.fromkeys(ids, 0)
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from ..text.tfidf import english_stop_words, tfidf_matrix

    rows = tfidf_matrix([texts[i] for i in ids], stop_words=english_stop_words()).toarray()
    # Rows are unit length (or zero: an article of stop words alone is unlike every other).
    distance = np.clip(1.0 - rows @ rows.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    # Merge only below the distance threshold, never at it.
    labels = fcluster(tree, t=np.nextafter(1.0 - threshold, -np.inf), criterion="distance")
    numbering: dict[int, int] = {}
    return {
        article_id: numbering.setdefault(int(label), len(numbering)) for article_id, label in zip(ids, labels)
    }
