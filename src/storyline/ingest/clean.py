"""Clean: keep the story, drop the page around it, and say what was dropped and why.

Two paths share one result (``Cleaned``):

- **text** already scraped (the samples, Multi-News, Timeline17): the text is cut into lines and
  each line is judged by the rules below, in order; a line the rules leave alone is kept. The rules
  are general signatures of web boilerplate (navigation and widget lines, archive and partner
  notices, photo captions and credits, related-headline lists, promo blocks, lines in another
  script), never a list of one file's lines.
- **html**: trafilatura finds the main text and the page metadata (``storyline.ingest.webpage``); the
  text cleaner then runs over its output to drop what trafilatura kept of captions and widgets.

Cleaning never writes text of its own: every kept line is a line of the input, except that
sentences glued by scraping ("al-Assad.On Tuesday") get the missing space back. Each dropped line
is recorded as a ``Removed`` with a short reason code (listed in ``REASONS``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Removed
from ..text.dates import MONTH_NAME
from ..text.patterns import (
    AGENCY_DATELINE,
    BYLINE,
    CAPTION_DATE_END,
    CAPTION_SCENE,
    COMMENT_HEADER,
    DATELINE,
    GLUED_BYLINE,
    PAGE_STAMP,
    SENTENCE_OPENERS,
    STAMPED_BYLINE,
    WIRE_STAMP,
    caption_parts,
    glue_seams,
)

# Reason codes of removed lines, with what they mean (shown by `storyline inspect --help`).
REASONS = {
    "navigation": "site navigation, widget or sharing line",
    "notice": "archive, partner or update notice of the site",
    "credit": "contribution or reporting credit line",
    "byline": "byline line (kept as the article's byline)",
    "title": "headline (kept as the article's title)",
    "deck": "sub-headline under the headline",
    "caption": "photo caption or photo credit",
    "caption-repeated": "a caption printed twice",
    "highlights": "story-highlight bullets above the story",
    "pull-quote": 'a quotation set beside the story ("... End Quote" with its speaker\'s name and title)',
    "related-headline": "headline of another article linked from this one",
    "promo": "promotion block after the story",
    "other-script": "line in another script than the article's",
    "duplicate": "line repeated verbatim",
    "boilerplate": "page boilerplate judged by the line model (whole web pages only)",
    "first-published": "publication date line (kept as the article's date)",
    "template": "line or sentence repeated across many different articles of the corpus (corpus.templates)",
    "page-stamp": "a page's time stamp before its story (a wire page's place and time before its dateline, the BBC's"
    ' "Page last updated at ... GMT")',
    "reader-comment": "readers' comments under the story, from the first comment's header or stamp on",
}


@dataclass
class Cleaned:
    """The story text, the headline (kept apart from the body), what was removed and why, and
    whatever the cleaner learned about the document (HTML metadata, header lines) for ``describe``."""

    text: str
    title: str | None = None
    removed: list[Removed] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


# --- line signatures --------------------------------------------------------------------------

# Whole lines that are navigation, widgets or sharing controls on news sites (compared lower-cased,
# without trailing punctuation). General web vocabulary, not any one site's page.
NAVIGATION_LINES = frozenset(
    """skip to main content|skip to content|skip to navigation|accessibility links|breaking news|
    advertisement|advertisements|ad|sponsored|sponsored content|share|share this|share this article|
    share on facebook|share on twitter|tweet|email|e-mail|print|comments|comment|new comment|
    add a comment|leave a comment|post a comment|show comments|view comments|read comments|
    this will delete your current comment|related|related articles|related stories|related content|
    related links|related news|more|read more|read more here|see more|continue reading|more stories|
    more news|top stories|most popular|most read|most viewed|trending|trending now|you may also like|
    recommended|recommended for you|sign up|subscribe|log in|login|sign in|register|menu|search|
    home|next|previous|back to top|close|open|loading|watch|listen|video|photos|gallery|
    follow us|follow us on twitter|like us on facebook|click here|enlarge|enlarge this image|
    toggle caption|hide caption|image|copyright|all rights reserved|terms of use|privacy policy|
    contact us|about us|newsletter|cookies|cookie policy|reprints|permalink|story highlights|
    part of complete coverage on|editor's note|editors' picks|we recommend|most shared|latest news|
    play video|replay|click to enlarge|view gallery|next article|previous article|full story""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)

# Lines that open a block of links or promotions after (or inside) the story.
PROMO_MARKERS = re.compile(
    r"^(part of complete coverage on|related (articles|stories|content|links|coverage|news)|"
    r"more (from|on|about|stories|news)\b.*|you (may|might) also (like|be interested)|"
    r"recommended( for you| stories)?|most (popular|read|viewed|shared)|top stories|"
    r"read more|see also|trending( now)?|latest (news|stories))\s*:?$",
    re.IGNORECASE,
)

NOTICE = re.compile(
    r"^(this (article|story|post) (is|was) (from|originally published|first published|republished)|"
    r"this (article|story) originally appeared|originally published (at|in|on|by)|"
    r"(a version of )?this (article|story) (first )?appeared (in|on)|"
    r"copyright \d{4}|©|\(c\) \d{4}|all rights reserved|"
    r"this material may not be published|click here to|sign up for|subscribe to|"
    r"follow (us|\w+) on (twitter|facebook|instagram)|get (our|the) .* newsletter|"
    r"we welcome your comments|comments? (are|is) (closed|moderated)|"
    r"you must be logged in|to comment|please (enable|turn on) javascript)",
    re.IGNORECASE,
)

CREDIT = re.compile(
    r"^\(?(additional )?(reporting|writing|editing) by .{2,120}$|"
    r"^\(?[\w .,&'-]{2,80} contributed (to )?(this|the) (report|story|article|reporting)\.?\)?$|"
    r"^\(?compiled by .{2,80}$",
    re.IGNORECASE,
)

# A photo credit on its own line ("Photo: EPA", "Getty Images", "AFP/Getty") or at the end of a
# caption ("... Rice (L) with Clinton (Photo: MCT)", "... Sergey Lavrov / AP").
PHOTO_CREDIT_LINE = re.compile(
    r"^((photo|photograph|image|picture|video|credit|source)s?( credit)?\s*[:/]\s*.{1,60}|"
    r"(\w+ )?(getty images|afp|ap|reuters|epa|ap photo|afp/getty images?|reuters/[\w .]+)( ?(19|20)\d\d)?)$",
    re.IGNORECASE,
)
# A caption typically ends with where and when the photo was taken: text.patterns.CAPTION_DATE_END.
BULLET = re.compile(r"^[•·▪►◦‣∙*]\s+")
TERMINAL = re.compile(r"[.!?:;…]['\"”’»)\]]*$|[.!?]\s*\(\w[^()]*\)$")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# "al-Assad.On Tuesday": a sentence end glued to the next sentence by scraping. Two lower-case
# letters before the stop (so "U.S.A" and "p.m.Today" initials stay), an upper-case word after.
GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])")
URLISH = re.compile(r"\S+\.(com|org|net|gov|edu|co|uk|io)\b", re.IGNORECASE)


def normalize_line(line: str) -> str:
    return line.replace("\u00a0", " ").replace("\u200b", "").strip()


@functools.lru_cache(maxsize=8192)
def words_of(line: str) -> tuple[str, ...]:
    # cached: every rule asks for a line's words
    return tuple(WORD.findall(line))


def ends_like_prose(line: str) -> bool:
    # tokenized corpora close quotes with a separate "''" token: look past it
    return bool(TERMINAL.search(line.rstrip().rstrip("'`\" ")))


def line_key(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.lower()).strip()


# --- scripts ----------------------------------------------------------------------------------


ASCII_LETTER = re.compile(r"[A-Za-z]")
NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\W\d_]")


@dataclass
class ScriptCounter:
    """Counts letters by Unicode script (the first word of the character's name: LATIN, HEBREW...)."""

    cache: dict[str, str] = field(default_factory=dict)

    def script(self, char: str) -> str:
        found = self.cache.get(char)
        if found is None:
            try:
                found = unicodedata.name(char).split(" ", 1)[0]
            except ValueError:
                found = "UNKNOWN"
            if found in {"CJK", "HIRAGANA", "KATAKANA"}:
                found = "CJK"
            self.cache[char] = found
        return found

    def count(self, text: str) -> Counter[str]:
        # ASCII letters are Latin: count them in C, and look up only the other characters
        counts: Counter[str] = Counter()
        ascii_letters = len(ASCII_LETTER.findall(text))
        if ascii_letters:
            counts["LATIN"] = ascii_letters
        if not text.isascii():
            counts.update(self.script(ch) for ch in NON_ASCII_LETTER.findall(text))
        return counts


SCRIPTS = ScriptCounter()


def dominant_script(text: str) -> str | None:
    counts = SCRIPTS.count(text)
    return counts.most_common(1)[0][0] if counts else None


def in_other_script(line: str, main_script: str | None) -> bool:
    """More than half of the line's letters are in a script other than the article's."""
    if main_script is None or (main_script == "LATIN" and line.isascii()):
        return False
    counts = SCRIPTS.count(line)
    total = sum(counts.values())
    return total >= 2 and counts[main_script] * 2 < total


# How far down the first lines of a document the header (title, byline, deck, captions) may reach.
HEADER_LINES = 8

# --- the text path ----------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    blank_before: bool
    reason: str | None = None
    # a photo credit that was glued to the story's first sentence (``split_glued_credits``)
    glued_credit: bool = False


def split_lines(text: str) -> list[Line]:
    """Non-empty lines (stripped), each knowing whether a blank line came before it."""
    lines: list[Line] = []
    blank = True
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalize_line(raw_line)
        if not line:
            blank = True
            continue
        lines.append(Line(line, blank_before=blank))
        blank = False
    return lines


# A labelled photo credit glued to the first sentence of the story, as the Guardian's pages were scraped
# ("Photograph: Suzanne Plunkett/Reuters Tony Hayward, BP's embattled chief executive, will ..."): the credit
# ends with an agency (after any photographer's name), or is an agency and a two-word name; or a picture
# agency's copyright, its name and year, or the AP alone ("Coast Guard via AP"), glued before a capital as Fox News'
# pages were scraped ("AP2010 BARATARIA BAY, La. -- As the Gulf of Mexico oil spill seeps ...", "AP NEW ORLEANS --
# Engineers removed ...").
AGENCY = (
    r"(?:(?i:Getty Images)|Reuters|REUTERS|AP|AFP|PA|EPA|Rex(?: Features)?|Rex Shutterstock|Alamy|Corbis|Bloomberg|"
    r"Zuma|Sipa|Xinhua|Polaris|Camera Press|Guardian|Observer|Eyevine|Newscast|Press Association|Associated Press|"
    r"NASA|Nasa|US Coast Guard)"
)
GLUED_CREDIT = re.compile(
    rf"^((?:Photograph|Photo|Picture|Image)s?\s*:?\s*"
    rf"(?:(?:(?:[\w.'’-]+ ){{0,4}}[\w.'’-]+\\?/)+(?:{AGENCY}|[A-Z][\w-]+)|{AGENCY}|(?:[\w.'’-]+ ){{1,3}}for the (?:Guardian|Observer))"
    rf"(?:\\?/[A-Z][\w.'’-]+ [A-Z][\w.'’-]+)?"
    r"|(?:AP|AFP|Reuters) ?(?:19|20)\d\d|(?:(?:[A-Z][\w.]*\s){1,3}via\s)?AP(?!\s+Photo\b)(?=\s+[A-Z]))"
    r"\s+(?=[\"“‘'A-Z0-9][^\s]*\s+\S+\s+\S+)"
)


def split_glued_credits(lines: list[Line]) -> list[Line]:
    """Each photo credit glued before the story's text on its own line (judged as a credit below)."""
    result: list[Line] = []
    for line in lines:
        match = GLUED_CREDIT.match(line.text)
        if match is None:
            result.append(line)
            continue
        result.append(Line(match.group(1), blank_before=line.blank_before, glued_credit=True))
        result.append(Line(line.text[match.end() :], blank_before=False))
    return result


# Words the story must still have after a glued byline.
GLUED_BYLINE_REST_WORDS = 6


def split_glued_bylines(lines: list[Line]) -> list[Line]:
    """Each byline glued before the story's first words (``GLUED_BYLINE``) on a line of its own among the page's
    first lines, marked ``byline``; the story after it on its own."""
    result: list[Line] = []
    for number, line in enumerate(lines):
        match = GLUED_BYLINE.match(line.text) if number < HEADER_LINES else None
        if match is None or len(words_of(line.text[match.end() :])) < GLUED_BYLINE_REST_WORDS:
            result.append(line)
            continue
        result.append(Line(match.group("byline"), blank_before=line.blank_before, reason="byline"))
        result.append(Line(line.text[match.end() :], blank_before=False))
    return result


# What a scraper glued before a wire dateline in the middle of one of a page's first lines ("NEW: Saif
# al-Islam Gadhafi says ... A Libyan diplomat says ... Tripoli, Libya (CNN) -- The story"): story-highlight
# bullets (or a headline and deck) that lost their line breaks, never the story's own prose. At least this
# many words before the dateline.
GLUED_HIGHLIGHTS_WORDS = 6


# A highlight marked new ("NEW: Egypt's official news agency reports ..."), bullets run together above the
# story's dateline line: the whole line is highlights.
NEW_MARK = re.compile(r"(?:^|\s)NEW: ")


def split_glued_highlights(lines: list[Line]) -> list[Line]:
    """The words glued before a wire dateline in one of the first lines (``AGENCY_DATELINE``) on a line of
    their own, cut as highlights; the story from its dateline on stays."""
    result: list[Line] = []
    for number, line in enumerate(lines):
        match = AGENCY_DATELINE.search(line.text) if number < HEADER_LINES else None
        before = line.text[: match.start()].strip() if match is not None else ""
        if match is None or len(words_of(before)) < GLUED_HIGHLIGHTS_WORDS:
            result.append(line)
            continue
        result.append(Line(before, blank_before=line.blank_before, reason="highlights"))
        result.append(Line(line.text[match.start() :], blank_before=False))
    return result


# A pull quote as the BBC's pages were scraped: the quotation, its closing mark, "End Quote", the speaker's
# name and title, then the story's next sentence, all on one line ("... painful to everybody" End Quote Doug
# Suttles BP Chief Operations Officer "Everyone is frustrated," he added.). The quotation is cut from where its
# sentence starts when a closing mark ends it; the name and title up to where the next sentence starts.
END_QUOTE = re.compile(r"(?P<close>[\"”])?\s*\bEnd Quote\s+")
SENTENCE_START = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“]?[A-Z])")
# Lower-case words a title may go on after with a capitalized word ("officer at Royal London").
TITLE_LINKS = frozenset("of at for on in and or the to de".split())


def attribution_length(words: list[str]) -> int | None:
    """How many of ``words`` (what follows "End Quote") are the speaker's name and title: up to an opening
    quote, a sentence opener, or a capitalized word after a lower-case one; None when no such start is seen
    in the first ten words."""
    for k in range(2, min(len(words), 10)):
        word, before = words[k], words[k - 1]
        if word[:1] in '"“' or word in SENTENCE_OPENERS or before.endswith(('"', "”")):
            return k
        if word[:1].isupper() and before.islower() and before not in TITLE_LINKS and not before.endswith(","):
            return k
    return None


def split_pull_quotes(lines: list[Line]) -> list[Line]:
    """Each pull quote ("... End Quote Name Title") on a line of its own, cut as ``pull-quote``; what came
    before it and the story after it stay."""
    result: list[Line] = []
    for line in lines:
        match = END_QUOTE.search(line.text)
        if match is None or not (match.group("close") or match.start() == 0):
            result.append(line)
            continue
        starts = [m.end() for m in SENTENCE_START.finditer(line.text, 0, match.start())]
        start = (starts[-1] if starts else 0) if match.group("close") else match.start()
        words = line.text[match.end() :].split(" ")
        length = attribution_length(words)
        before = line.text[:start].strip()
        if before:
            result.append(Line(before, blank_before=line.blank_before))
        cut = line.text[start : match.end()] + " ".join(words[: length or 0])
        result.append(Line(cut.strip(), blank_before=not before and line.blank_before, reason="pull-quote"))
        after = " ".join(words[length or 0 :]).strip()
        if after:
            result.append(Line(after, blank_before=False))
    return result


def split_wire_stamps(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Each page stamp cut out of its line — a wire page's place and time before its dateline
    (``text.patterns.WIRE_STAMP``), a page's "Page last updated at 11:24 GMT, Tuesday, 27 September 2011 12:24 UK"
    (``text.patterns.PAGE_STAMP``) — the headline a scraper glued before it kept on a line of its own, the story
    after it on its own; and the stamps cut (``describe`` reads the page's date from them). A blog page's stamp
    with its writer (``text.patterns.STAMPED_BYLINE``) leaves its byline on a line of its own, marked ``byline``."""
    result: list[Line] = []
    stamps: list[str] = []
    for line in lines:
        stamped = STAMPED_BYLINE.match(line.text)
        if stamped is not None:
            stamps.append(stamped.group("stamp"))
            result.append(Line(stamped.group("byline"), blank_before=line.blank_before, reason="byline"))
            result.append(Line(line.text[stamped.end() :], blank_before=False))
            continue
        match = WIRE_STAMP.search(line.text) or PAGE_STAMP.search(line.text)
        if match is None:
            result.append(line)
            continue
        before = line.text[: match.start()].strip()
        if before:
            result.append(Line(before, blank_before=line.blank_before))
        result.append(Line(line.text[match.end() :], blank_before=not before and line.blank_before))
        stamps.append(match.group(0).strip())
    return result, stamps


# A credit glued to the story follows its photo's caption: the line above it is the caption (with whatever
# the scraper glued before it: a headline, a standfirst) unless it is longer than this.
CAPTION_ABOVE_CREDIT_WORDS = 60


def mark_reader_comments(lines: list[Line]) -> None:
    """The page's readers' comments: every line from the first comment header or stamp on
    (``text.patterns.COMMENT_HEADER``; a page's comments follow its story)."""
    first = next((i for i, line in enumerate(lines) if COMMENT_HEADER.search(line.text)), None)
    if first is None:
        return
    for line in lines[first:]:
        line.reason = "reader-comment"


def without_reader_comments(text: str) -> str:
    """``text`` up to the line of its first comment header or stamp (``mark_reader_comments`` on text read
    without the rest of cleaning, as the Timeline17 benchmark reads its articles)."""
    match = COMMENT_HEADER.search(text) if "wrote" in text or " at " in text else None
    if match is None:
        return text
    line_start = text.rfind("\n", 0, match.start()) + 1
    return text[:line_start].rstrip()


def is_navigation(line: str) -> bool:
    key = line.lower().strip(" .:|>»«<-–—•·*#").replace("’", "'")
    return key in NAVIGATION_LINES or bool(
        re.fullmatch(r"\d+ comments?|comments? \(\d+\)|page \d+( of \d+)?", key)
    )


def is_photo_credit_line(line: str) -> bool:
    return len(line) <= 80 and bool(PHOTO_CREDIT_LINE.match(line))


# A caption's line, at most this many words, may tell its scene (``text.patterns.CAPTION_SCENE``).
CAPTION_SCENE_WORDS = 35


def is_caption(line: str) -> bool:
    """A photo caption's line: by its opening or its credit (``text.patterns.CAPTION``; a gallery's mark inside a
    paragraph is not enough to drop it), or a short line that tells a picture's scene."""
    return bool(
        caption_parts(line) & {"opening", "credit"}
        or len(words_of(line)) <= CAPTION_SCENE_WORDS
        and CAPTION_SCENE.match(line)
    )


def looks_like_headline(line: str) -> bool:
    """A short line without sentence punctuation at its end: a headline, link text or label."""
    n_words = len(words_of(line))
    return 1 <= n_words <= 14 and not ends_like_prose(line) and not line.startswith(('"', "“", "'", "‘"))


def first_published_line(line: str) -> bool:
    """A short line carrying only a label and a date/time, in any language ("פרסום ראשון: 02.02.12, 17:29")."""
    return bool(re.fullmatch(r"[^\d]{2,40}:\s*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(,?\s+\d{1,2}:\d{2})?", line))


# A gallery photo's caption atop a page, labelled with the picture's day ("May 23: An oil-covered pelican flaps its
# wings on an island in Barataria Bay ...", as Fox News' pages were scraped): a line among the page's first lines
# that opens with a dated label, no longer than a caption, the page's only dated label (a page of them is a
# chronology, which stays).
DATED_LABEL = re.compile(rf"^{MONTH_NAME}\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?:\s+[A-Z]")


def gallery_caption(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    return (
        i < HEADER_LINES
        and DATED_LABEL.match(text) is not None
        and len(words_of(text)) <= CAPTION_ABOVE_CREDIT_WORDS
        and not any(DATED_LABEL.match(other.text) for j, other in enumerate(lines) if j != i)
    )


def mark_lines(lines: list[Line], main_script: str | None) -> None:
    """Judge every line; set ``reason`` on the lines to drop."""
    n = len(lines)
    seen: Counter[str] = Counter(line_key(line.text) for line in lines)

    for i, line in enumerate(lines):
        text = line.text
        if is_navigation(text):
            line.reason = "navigation"
        elif first_published_line(text) and len(words_of(text)) <= 6:
            line.reason = "first-published"
        elif in_other_script(text, main_script):
            line.reason = "other-script"
        elif NOTICE.match(text):
            line.reason = "notice"
        elif CREDIT.match(text):
            line.reason = "credit"
        elif is_photo_credit_line(text):
            line.reason = "caption"
            # the short line just above a photo credit is the photo's caption ("Pro-Assad rally")
            if (
                i > 0
                and lines[i - 1].reason is None
                and (
                    looks_like_headline(lines[i - 1].text)
                    or line.glued_credit
                    and len(words_of(lines[i - 1].text)) <= CAPTION_ABOVE_CREDIT_WORDS
                )
            ):
                lines[i - 1].reason = "caption"
        elif is_caption(text) or gallery_caption(lines, i):
            line.reason = "caption"
        elif BULLET.match(text) and len(words_of(text)) <= 40 or i < HEADER_LINES and NEW_MARK.search(text):
            line.reason = "highlights"

    body_start = mark_header(lines)
    # A line printed twice in a row: above the story it is a photo caption the scraper took twice
    # (caption and alt text), so both copies go; inside the story the second copy goes.
    for i in range(1, n):
        if lines[i].text == lines[i - 1].text and lines[i].reason is None:
            if i <= body_start and len(words_of(lines[i].text)) >= 3:
                lines[i - 1].reason = lines[i].reason = "caption-repeated"
            else:
                lines[i].reason = "duplicate"
    mark_promo_blocks(lines)
    mark_related_headlines(lines)

    # Any other line repeated verbatim (a widget, a pull quote): keep its first copy only.
    kept: set[str] = set()
    for line in lines:
        key = line_key(line.text)
        if line.reason is None and seen[key] > 1 and len(key) > 0:
            if key in kept:
                line.reason = "duplicate"
            kept.add(key)


def mark_header(lines: list[Line]) -> int:
    """Title, byline, deck and captions above the story; returns the index of the story's first line.

    The story starts at a line opening with a dateline ("WASHINGTON –", "Washington (CNN) --")
    among the first lines, or else at the first line that reads as prose. Above it, the title is
    the first line that looks like a headline; a line without a full stop right under it is its
    deck; a one-sentence line ending with a date is a photo caption.
    """
    candidates = [i for i, line in enumerate(lines) if line.reason is None][:HEADER_LINES]
    body_start = next((i for i in candidates if DATELINE.match(lines[i].text)), None)
    if body_start is None:
        body_start = next(
            (i for i in candidates if ends_like_prose(lines[i].text) and len(words_of(lines[i].text)) >= 8),
            candidates[-1] + 1 if candidates else 0,
        )
    title_index = None
    for i in range(body_start):
        line = lines[i]
        if line.reason is not None:
            continue
        if title_index is None and looks_like_headline(line.text) and len(words_of(line.text)) >= 2:
            line.reason = "title"
            title_index = i
        elif BYLINE.match(line.text) and len(words_of(line.text)) <= 14:
            line.reason = "byline"
        elif title_index is not None and i == title_index + 1 and not ends_like_prose(line.text):
            line.reason = "deck"
        elif title_index is not None and CAPTION_DATE_END.search(line.text):
            line.reason = "caption"
        elif title_index is not None and not ends_like_prose(line.text):
            line.reason = "deck"
    # A byline may also sit just under the story's first line.
    for line in lines[body_start : body_start + 3]:
        if line.reason is None and BYLINE.match(line.text) and len(words_of(line.text)) <= 14:
            line.reason = "byline"
    return body_start


def mark_promo_blocks(lines: list[Line]) -> None:
    """A promo marker ("Part of complete coverage on", "Related articles:") drops itself and the list
    of links glued under it: the following lines up to a blank line, when they read as a list of
    headlines with their teasers (at least every other line a headline), never running prose."""
    for i, line in enumerate(lines):
        if line.reason not in (None, "navigation") or len(words_of(line.text)) > 6:
            continue
        if not PROMO_MARKERS.match(line.text):
            continue
        line.reason = "promo"
        block = []
        for following in lines[i + 1 :]:
            if following.blank_before or following.reason not in (None, "promo", "related-headline"):
                break
            if len(words_of(following.text)) >= 30:  # running prose: the story goes on
                break
            block.append(following)
        headlines = sum(1 for b in block if looks_like_headline(b.text))
        if block and headlines * 2 >= len(block):
            for following in block:
                following.reason = following.reason or "promo"


def mark_related_headlines(lines: list[Line]) -> None:
    """Headlines of other articles inside or after the story: short lines without a full stop that
    stand alone (a paragraph of their own) or in a list, once the story has begun."""
    started = False
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        if not started:
            started = ends_like_prose(line.text) and len(words_of(line.text)) >= 8
            continue
        if not looks_like_headline(line.text):
            continue
        next_blank = i + 1 >= len(lines) or lines[i + 1].blank_before
        next_headline = i + 1 < len(lines) and looks_like_headline(lines[i + 1].text)
        previous_headline = lines[i - 1].reason == "related-headline"
        alone = line.blank_before and next_blank
        in_list = (line.blank_before or previous_headline) and (next_headline or next_blank)
        # a label ending the line with ":" introduces what follows; it is not a headline
        if (alone or in_list) and not line.text.endswith(":"):
            line.reason = "related-headline"


def split_glued_openers(text: str, lead: bool = False) -> tuple[str, int]:
    """Each sentence glued to a caption, headline or label (``text.patterns.glue_seams``) starts a paragraph of
    its own: the one place the seam is found, so every stage sees it. ``lead``: ``text`` is the article's first
    line, where the lead may start again after a headline glued before it."""
    cuts = glue_seams(text, lead=lead)
    if not cuts:
        return text, 0
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return "\n\n".join(pieces), len(cuts)


def glued_on_lines_of_their_own(text: str) -> str:
    """``text`` with each sentence glued to a caption, headline or label on a line of its own, as cleaning gives it
    a paragraph (``split_glued_openers``): for corpora read as given, one sentence a line (Timeline17's
    protocol), so that they are seen as a user's cleaned text is."""
    return "\n".join(
        split_glued_openers(line, lead=number == 0)[0].replace("\n\n", "\n")
        for number, line in enumerate(text.split("\n"))
    )


def repair_glued_sentences(text: str, lead: bool = False) -> tuple[str, int]:
    """Put back the space scraping lost between two sentences; leave URLs and initials alone; a sentence
    glued to a caption or headline starts a paragraph (``split_glued_openers``; ``lead``: the article's first
    line)."""
    text, split = split_glued_openers(text, lead)
    if not GLUED.search(text):
        return text, split
    pieces: list[str] = []
    repairs = 0
    for token in text.split(" "):
        if GLUED.search(token) and not URLISH.search(token):
            fixed = GLUED.sub(" ", token)
            repairs += fixed.count(" ")
            token = fixed
        pieces.append(token)
    return " ".join(pieces), repairs + split


# Reasons that do not apply to text an HTML extractor (trafilatura) already cut to the article.
EXTRACTED_KEEPS = frozenset(
    {"title", "deck", "duplicate", "related-headline", "other-script", "highlights", "caption-repeated"}
)

# Reasons the line model may overrule on a whole page: signatures that also fit some article lines
# there (a subheading looks like a related headline, an article may repeat a line).
SOFT_REASONS = frozenset({"duplicate", "promo", "related-headline", "other-script", "deck", "highlights"})


def mark_lines_for_page(lines: list[Line], line_model: dict[str, Any] | None = None) -> None:
    """On a whole page's visible text, the line model judges what the rules left, and may keep a
    line a soft rule dropped."""
    from .boilerplate import keep_lines

    texts = [line.text for line in lines]
    overrule(lines, keep_lines(texts, [line.reason is not None for line in lines], line_model))


def overrule(lines: list[Line], keep: list[bool]) -> None:
    """Apply the line model's verdicts: a kept line a soft rule dropped comes back, a line the rules
    kept and the model does not becomes boilerplate."""
    for line, kept in zip(lines, keep, strict=True):
        if kept and line.reason in SOFT_REASONS:
            line.reason = None
        elif not kept and line.reason is None:
            line.reason = "boilerplate"


def clean_text(
    text: str,
    extracted: bool = False,
    line_model: dict[str, Any] | None = None,
    use_model: bool = True,
) -> Cleaned:
    """Clean already-scraped text (see the module docstring); ``extracted`` says an HTML extractor
    already cut the text to the article, so only the signatures of page furniture apply.

    When the text is a whole web page (many lines, mostly not prose; ``boilerplate.looks_like_full_page``)
    the line model judges the lines the rules leave; ``line_model`` replaces the shipped model.
    """
    from .boilerplate import looks_like_full_page
    from .detokenize import detokenized

    text, tokenized = detokenized(text)  # Penn-Treebank-tokenized corpora are read as plain text
    lines, stamps = split_wire_stamps(split_glued_credits(split_glued_bylines(split_lines(text))))
    lines = split_pull_quotes(split_glued_highlights(lines))
    main_script = dominant_script(text)
    mark_lines(lines, main_script)
    full_page = use_model and not extracted and looks_like_full_page([line.text for line in lines])
    if full_page:
        mark_lines_for_page(lines, line_model)
    mark_reader_comments(lines)
    if extracted:
        # text an extractor already cut to the article: its first line is story, its short lines
        # are subheadings, so only the signatures of page furniture apply
        for line in lines:
            if line.reason in EXTRACTED_KEEPS:
                line.reason = None

    title = next((line.text for line in lines if line.reason == "title"), None)
    removed: list[Removed] = [Removed(text=stamp, reason="page-stamp") for stamp in stamps]
    paragraphs: list[str] = []
    repairs = 0
    for line in lines:
        if line.reason is not None:
            removed.append(Removed(text=line.text, reason=line.reason))
            continue
        fixed, count = repair_glued_sentences(line.text, lead=not paragraphs)
        repairs += count
        paragraphs.append(fixed)
    metadata: dict[str, Any] = {
        "script": main_script,
        "full_page": full_page,
        "glue_repairs": repairs,
        "detokenized": tokenized,
    }
    return Cleaned(text="\n\n".join(paragraphs), title=title, removed=removed, metadata=metadata)


def removed_with(removed: Sequence[Removed], *reasons: str) -> list[str]:
    """The removed lines with one of ``reasons`` (used by ``describe`` to find dates and outlets)."""
    return [r.text for r in removed if r.reason in reasons]
