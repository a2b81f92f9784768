"""Timeline: the story's most important dates, each with the sentences that tell what happened then.

The method is DATEWISE (Gholipour Ghalandari & Ifrim 2020), made to work on any pile of articles:

1. *Date every sentence.* A sentence is about the date of its main event: the first of its time expressions
   that names a day, a month or a year and hangs from the main clause in the dependency parse ("on
   Thursday" in an article of Wednesday 17 August 2011 is 2011-08-18; "in August 2011" is 2011-08). One
   inside another clause or naming a thing dates only that ("since the uprising began 16 months ago",
   "the June 2011 communiqué"); a sentence with no other is treated as one with no date of its own. The leading sentences of a dated article that name no date are about the day it
   was published, never the day before. A sentence of an article whose date is unknown is dated only by
   an absolute expression in it; its leading sentences go on the day its story dates it to when that
   inference is confident (``INFERRED_CONFIDENCE``), marked inferred with the interval: nothing undated is
   shown as dated.
2. *Rank the dates* by how much the articles say about them: how many articles and sentences mention
   the date, looking back or ahead, and how many were published on it (a weighted sum of log-counts,
   each standardized over the story's candidate dates; the weights were fitted on Timeline17, see
   ``date_weights`` of the ``timeline-weights`` artefact).
3. *Pick each date's sentences.* The candidates are the sentences that mention the date and the lead
   sentences of articles published then; those close to the date's centroid of words (TF-IDF, cut at
   the knee of the similarity curve) stay, and K of them are chosen greedily so that together they are
   closest to that centroid, each step also weighing a learned score of how much like a timeline entry
   the sentence reads (``sentence_weights``: later retellings, several copies, the date named first as in
   a chronology, no dateline or byline); a date one article alone tells of is told by that article's
   best-scored sentence (its centroid would be the article's own words); a sentence that says nothing of the
   story (``on_story_rows``) is none. Sentences that several outlets share are merged into one entry
   that cites them all, with the number of independent outlets (wire copies count once).

Everything said is a verbatim sentence with its citations (article, outlet, character span).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..annotate.timex import Point, anchor_of, event_point
from ..annotate.timex.event_time import UNRESOLVED
from ..artefacts import load_artefact
from ..errors import StorylineError
from ..model import (
    Article,
    Citation,
    CitedSentence,
    Sentence,
    TimeExpression,
    Timeline,
    TimelineEntry,
    cite,
)
from ..pieces import NO_PIECES, Pieces
from ..settings import current_settings
from ..text.dates import MONTH_NAME, MONTH_STEM, WEEKDAY_NAMES, WEEKDAYS
from ..text.patterns import (
    AGENCY_DATELINE,
    CLOCK,
    COMMON_SAYING_FORMS,
    GLUED_BYLINE,
    LEANING_START,
    NOT_NEWS,
    PAGE_STAMP,
    PHOTO_CREDIT,
    TIME_ZONES,
    alternatives,
    caption_sentence,
    glue_seams,
)
from ..text.patterns import DATELINE as WIRE_DATELINE
from ..text.patterns import LEAD_DEBRIS as DATELINE
from ..text.similarity import near_duplicate_groups, source_groups
from ..text.tfidf import l2_rows, tfidf_matrix

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..annotate.timex.event_time import SentenceParses

# Sentences of a dated article that name no date are placed on its publication day, never the day before,
# when they are among its first LEAD_SENTENCES (the news; later ones tend to be background). 30 was chosen
# on Timeline17 by leave-one-story-out cross-validation over 3, 5, 10, 15, 20 and 30 (BENCHMARKS.md).
LEAD_SENTENCES = 30
# Sentences shorter than MIN_WORDS are headlines, captions or fragments; longer than MAX_WORDS, a headline
# glued to its lead or a run-on list: neither is timeline material.
MIN_WORDS = 6
MAX_WORDS = 80
# Date ranking weights (the ``timeline-weights`` artefact, ``date_weights``): a logistic regression of "a gold
# timeline has this date" on the log-counts of DateStats standardized over each timeline's candidate dates,
# fitted on all twelve Timeline17 topics (`storyline train timeline-weights DIR`). The figures reported for
# them are cross-validated: each story is scored with weights fitted on the other stories.
DATE_FEATURES = (
    "mention_articles",
    "mention_sentences",
    "published_articles",
    "mentions_before",
    "mentions_after",
)
# Sentence scoring weights (the same artefact, ``sentence_weights``): a pairwise logistic regression (within
# each gold date of Timeline17, which of two candidate sentences has the higher ROUGE-2 F against that date's
# gold summary) on the features of ``sentence_features``, fitted on all twelve topics; the figures reported for
# them are cross-validated (each story scored with weights fitted on the others).
SENTENCE_FEATURES = (
    "centroid_similarity",
    "centroid_similarity_z",
    "above_knee",
    "mentioned",
    "log_position",
    "first_in_article",
    "log_words",
    "log_copies",
    "published_that_day",
    "log_days_apart",
    "absolute_date",
    "quotation",
    "pronoun_start",
    "numbers",
    "story_similarity",
    "kept_similarity",
    "date_first",
    "dateline",
    "capitals",
)
WEIGHTS_ARTEFACT = "timeline-weights"


def shipped_weights(kind: str, features: Sequence[str]) -> dict[str, float]:
    """One weight set of the shipped ``timeline-weights`` artefact, checked against ``features``."""
    weights = load_artefact(WEIGHTS_ARTEFACT).get(kind)
    if not isinstance(weights, dict) or set(weights) != set(features):
        raise StorylineError(
            f"the {WEIGHTS_ARTEFACT} artefact has no {kind} for the features "
            f"{', '.join(features)}; refit it: storyline train {WEIGHTS_ARTEFACT}"
        )
    return {name: float(value) for name, value in weights.items()}


# How much a standard deviation of the learned sentence score counts against the centroid coverage in the
# greedy choice (coverage differences between good candidates are a few hundredths). Chosen by nested
# leave-one-story-out cross-validation on Timeline17 over 0.03, 0.06 and 0.1.
SENTENCE_SHARE = 0.06
# A date that one article alone tells of (with its copies) has its sentences chosen by the learned score
# alone, not by closeness to the date's centroid (BENCHMARKS.md, issue 15 part 3).
ONE_ARTICLE_BY_SCORE = True


@dataclass
class DatedSentence:
    """A sentence and the date it is about, with the words that date it."""

    article: Article
    sentence: Sentence
    text: str
    point: Point
    evidence: str
    mentioned: bool  # dated by a time expression of its own, not by the article's publication date
    entry: bool = (
        True  # False: a page's headline (``headline_line``), which makes its date a candidate, no entry
    )


@dataclass
class DateStats:
    """How much the articles say about one date: the features of its rank."""

    point: Point
    mention_sentences: int = 0
    mention_articles: set[str] = field(default_factory=set)
    published_articles: set[str] = field(default_factory=set)
    mentions_before: int = 0  # mentions in articles published after the date (looking back at it)
    mentions_after: int = 0  # mentions in articles published before the date (looking ahead to it)

    def count_mention(self, article: Article) -> None:
        """One sentence of ``article`` names the date."""
        self.mention_sentences += 1
        self.mention_articles.add(article.id)
        if article.published is not None and self.point.end < article.published:
            self.mentions_before += 1
        elif article.published is not None and self.point.start > article.published:
            self.mentions_after += 1

    def features(self) -> dict[str, float]:
        return {
            "mention_articles": math.log1p(len(self.mention_articles)),
            "mention_sentences": math.log1p(self.mention_sentences),
            "published_articles": math.log1p(len(self.published_articles)),
            "mentions_before": math.log1p(self.mentions_before),
            "mentions_after": math.log1p(self.mentions_after),
        }


# Words that say a date is a calendar date ("March 19", "2011"), not a relative one ("on Tuesday").
CALENDAR = re.compile(rf"\d|\b{MONTH_STEM}[a-z]*\b", re.IGNORECASE)
# A sentence that opens on a pronoun or a connective leans on the sentence before it (LEANING_START); headline,
# dateline and byline debris glued to a lead (DATELINE): ``text.patterns``.
QUOTATION = re.compile(r"[\"\u201c\u201d]|``|''")


# A timeline sentence ends as a sentence does (a headline, a stamp or a cut-off line does not).
TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
QUESTION_END = re.compile(r"\?[\"'\u201d\u2019)\]]*$")


# A sentence that sets a scene in a year rather than telling an event ("It was 1990 ...", "It was the summer of
# 2009 ...").
SCENE = re.compile(
    r"[\"'\u201c]?It\s+was\s+(?:the\s+)?(?:(?:spring|summer|autumn|fall|winter|end|start|beginning|middle)\s+of\s+)?"
    r"(?:19|20)\d\d\b(?!,?\s+(?:when|that)\b)"
)


# A sentence that only says who spoke ("Moussa Ibrahim, a Libyan government spokesman, told reporters in Tripoli
# Sunday."; the words were in the sentence before): a name or a short noun phrase, an apposition, a verb of saying
# and nothing after it but where and when.
_SPEAKER = r"(?:[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|of|al|bin|de|la|van|von)){0,5}|(?:The|A|An)(?:\s+[\w'\u2019-]+){1,4})"
_PLACE_OR_TIME_WORD = (
    r"(?:[A-Z][\w.'\u2019-]*|a|an|the|news|press|conference|statement|interview|speech|briefing|television|radio"
    r"|phone|telephone|call|e-?mail|capital|city|morning|afternoon|evening|night|week|weekend|earlier|later|late"
    r"|early|last|this)"
)
ATTRIBUTION_ONLY = re.compile(
    rf"^[\"'\u201c]?{_SPEAKER}(?:,\s+[^,\"\u201c\u201d]{{3,80}},)?\s+(?:told|said|says|tells|added|adds)"
    r"(?:\s+(?:reporters|journalists|the\s+[A-Z][\w.-]*|[A-Z][\w.-]*))?"
    rf"(?:\s+(?:(?:in|on|at|from|during|after|before|late|early|last|this)\s+)?{_PLACE_OR_TIME_WORD}"
    rf"(?:\s+{_PLACE_OR_TIME_WORD}){{0,3}}|\s+(?:yesterday|today|tonight))*\s*\.$"
)


# A live page's pointer to what follows ("Here is more on Libyan leader Moammar Gadhafi's 40-second appearance ...",
# "Here's a look at ...", "Here's what it looked like."): a lead-in, not an event. "Here's what the government has
# done so far: Noor Group ... has been shut down" tells its event after the colon and stays.
POINTER = re.compile(
    r"^[\"'\u201c]?Here(?:\s*'s|\s*\u2019s|\s+is|\s+are)\s+(?:more\b|a\s+look\b|(?:what|how)\b(?!.*:\s+\S))"
)


# A sentence whose first word is in lower case (not a name written so: "eBay", "iPhone"): the rest of a sentence a
# line break cut ("in Cairo's Tahrir Square as President Hosni Mubarak said late Thursday ..."), or a reader's comment.
FRAGMENT_START = re.compile(r"^[\"'\u201c\u2018`]*[a-z]+(?![A-Za-z])")


def not_an_entry(text: str) -> str | None:
    """Why a sentence may not be a timeline entry (a short reason), or None when it may: no sentence's end
    (a headline, "February 2, 2011 at 6:31 pm |"), a question, a bracket it does not close or open ("Cairo, 8:53 a.m.
    ET) Egyptian opposition ..."), page furniture (``text.patterns.NOT_NEWS``: update notices, comment
    headers, a tweet's signature), a photo caption (``CAPTION``) or a fragment (``FRAGMENT_START``)."""
    if not TERMINAL.search(text):
        return "unterminated"
    if QUESTION_END.search(text):
        return "question"  # "How can we avoid a swine flu pandemic?": no event
    depth = 0
    for char in text:
        depth += (char in "([") - (char in ")]")
        if depth < 0:
            break
    if depth != 0:
        return "open-bracket"
    if FRAGMENT_START.match(text):
        return "fragment"
    if NOT_NEWS.search(text):
        return "not-news"
    if POINTER.match(text):
        return "pointer"  # "Here is more on ...": a live page's lead-in to what follows
    if ATTRIBUTION_ONLY.match(text):
        return "attribution"  # "X, a government spokesman, told reporters in Tripoli Sunday.": who spoke, not what
    if SCENE.match(text):
        return "scene"  # "It was 1990, and Ross was a top bankruptcy negotiator.": a scene set, no event
    if caption_sentence(text):
        return "caption"
    return None


# The end of a bracketed stamp that sentence splitting cut in two ("(Update 4:51 p.m. in Cairo, 9:51 a.m." |
# "ET) Egyptians on Saturday cleared ..."): a few words and a closing bracket with no opening one.
STAMP_TAIL = re.compile(
    rf"[^()]{{0,40}}?\b(?:{alternatives(TIME_ZONES)}|[ap]\.m\.)\)\s*(?:[-\u2013\u2014]+\s*)?"
)


# A live page's clock stamp before an update ("LIBYA, 7:33 p.m. ET, 2:33 a.m. local: Here is more on ...", its
# "local:" end when splitting cut the stamp at "a.m.", "(7:03 p.m. Monday ET, 1:03 a.m. Tuesday in Libya) Pro-Gadhafi
# forces say ..."): the time of posting, not the sentence's words. A time written with a dot is a clock's with "am" or
# "pm" after it ("2.01 pm: A quick recap ..."); else it is as often a figure ("(1.25 miles)", "(0.08 EUR)").
_CLOCK = rf"(?=\d{{1,2}}(?::|\.\d\d\s*[ap]\.?m)){CLOCK}(?:\s+[A-Z][a-z]+day)?(?:\s+(?:{alternatives(TIME_ZONES)}))?"
LIVE_STAMP = re.compile(
    rf"(?:[A-Z][A-Z .'-]{{1,30}},\s*)?{_CLOCK}(?:\s*,\s*{_CLOCK}(?:\s+local(?:\s+time)?)?)?\s*:\s*"
    r"|local(?:\s+time)?\s*:\s*"
    rf"|\(\s*{_CLOCK}[^()]{{0,80}}\)\s*(?:[-\u2013\u2014:]+\s*)?"
)


def glued_start(text: str) -> int:
    """How many leading characters are a page stamp (``text.patterns.PAGE_STAMP``, with whatever headline
    came before it), a photo's credit (``text.patterns.PHOTO_CREDIT``), a wire dateline with what was glued before
    it or a page's own dateline (``text.patterns.DATELINE``), else 0. (A headline glued before a sentence where an
    opener word shows the seam was given its own paragraph in cleaning: ``text.patterns.glue_seams``.)"""
    stamps = list(PAGE_STAMP.finditer(text))
    cut = stamps[-1].end() if stamps and len(text[stamps[-1].end() :].split()) >= MIN_WORDS else 0
    tail = STAMP_TAIL.match(text, cut)
    if tail is not None and len(text[tail.end() :].split()) >= MIN_WORDS:
        cut = tail.end()  # "ET) Egyptians on Saturday cleared ...": the end of a live page's update stamp
    stamp = LIVE_STAMP.match(text, cut)
    if stamp is not None and len(text[stamp.end() :].split()) >= MIN_WORDS:
        cut = (
            stamp.end()
        )  # "LIBYA, 7:33 p.m. ET, 2:33 a.m. local: Here is more ...": a live page's clock stamp
    byline = GLUED_BYLINE.match(text, cut)
    if byline is not None and len(text[byline.end() :].split()) >= MIN_WORDS:
        cut = byline.end()  # "By Pam Benson, CNN National Security Producer Khamis Gadhafi ...": the writer
    # "Reuters British Petroleum was able to cap ...": a photo's credit run into the sentence
    credit = PHOTO_CREDIT.match(text, cut)
    if credit is not None and len(text[credit.end() :].split()) >= MIN_WORDS:
        cut = credit.end()
    agency = AGENCY_DATELINE.search(text, cut)
    if agency is not None and len(text[agency.end() :].split()) >= MIN_WORDS:
        return agency.end()  # "TRIPOLI, March 2 (Reuters) - ", with any headline, bullets or byline before it
    # "NASHVILLE, Oct. 7 -- ", "PHNOM PENH — ": a page's own dateline, a sentence after it
    dateline = WIRE_DATELINE.match(text, cut)
    rest = text[dateline.end() :] if dateline is not None else ""
    if len(rest.split()) >= MIN_WORDS and rest[:1].isupper():
        return len(text) - len(rest)
    return cut + glued_headline(text[cut:])


def glued_headline(text: str) -> int:
    """How many leading characters are a headline or caption glued before the sentence (``text.patterns.glue_seams``,
    the rule cleaning splits by), else 0: for text that did not go through cleaning (a corpus read as given, as the
    dating protocol reads Timeline17); on cleaned text the seam already starts a paragraph."""
    for end in reversed(glue_seams(text)):
        before = text[:end]
        if (
            len(text[end:].split()) >= MIN_WORDS
            and before.count('"') % 2 == 0
            and before.count("(") == before.count(")")
        ):
            return end
    return 0


# What a sentence of the article's lead says when it is background rather than the day's news: the past
# perfect ("had been circulating", "had raised"; not in what a verb of saying reports, where it stands for a
# present perfect), a state that has lasted ("has been circulating", "have been in talks") or a bound ("since
# the outbreak began"). Such a sentence without a time expression of its own is not placed on the day the
# article was published.
SAYING = rf"\b(?:{COMMON_SAYING_FORMS}|according\s+to)\b"
# A page's headline left on the article's first line ("BP oil spill: 'I'd like my life back' BP chief executive
# Tony Hayward under fire for ...", "Swine flu: pandemic threat alert raised", "Official: U.S., Egypt talk ways ...",
# "Nicola Sturgeon: 'The patients in question ...'"): a short topic or speaker label and a colon opening the first
# sentence, with no seam where the body starts (``glued_start`` found none). It is the page's headline and deck, not
# a sentence of the body, and tells no dated event. A label that is a date ("July 13: In a photo ...", a caption's
# date), holds a verb of saying ("Obama said: ...") or opens as a clause does ("The good news for BP: it will ...")
# is no headline label.
KICKER = re.compile(
    r"^[\"'\u201c\u2018`]?(?!(?:The|A|An|This|That|These|Those|It|He|She|They|We|I)\b)"
    r"[A-Z][\w'\u2019.&-]*(?:\s+[\w'\u2019.&-]+){0,4}\s?:\s+\S"
)
KICKER_NOT = re.compile(rf"{SAYING}|\b(?:{MONTH_NAME}|{'|'.join(WEEKDAY_NAMES)}|[Uu]pdated?|[Pp]osted)\b|\d")


def headline_line(text: str) -> bool:
    """Does this first sentence of an article open on a headline's topic label (``KICKER``)?"""
    kicker = KICKER.match(text)
    return kicker is not None and not KICKER_NOT.search(text[: kicker.end()])


PAST_PERFECT = re.compile(
    r"\bhad(?:n't|\s+not)?\s+(?:(?:already|also|long|never|previously|just|recently|only|since)\s+)?"
    r"(?:been|[a-z]+(?:ed|en|wn|ne|un|ung|ought|aught|id|ld|lt|pt|ft|ve|de|nd)|spread|put|set|hit|cut|left|met|sent|"
    r"fled|led|won|lost|kept|struck|shut|quit|read|built|spent|bent)\b"
)
LASTING = re.compile(
    r"\b(?:has|have)(?:n't|\s+not)?\s+(?:(?:already|also|long|never|previously)\s+)?been\s+"
    r"(?:[a-z]+ing|in|on|at|under|known|seen|used|around|there|for|since|a|an|the)\b"
    r"|\b(?:has|have)\s+already\b"
    r"|\b[Ss]ince\b",
)
# A present-tense definition or characterization opening the sentence ("Swine flu is a respiratory disease thought
# to spread through coughing and sneezing ...", a fact box's line; "Suleiman is a former general ..."; "It is a very
# tense situation"): what something is, not what happened that day. Quoted words ("This is a dark day for Egypt,"
# CPJ's director said) are the day's news and stay.
DEFINITION = re.compile(
    r"^[\"'\u201c]?[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}\s+(?:is|are)\s+(?:a|an)\s+\w"
)


def background(text: str) -> bool:
    """Is this lead sentence background (``PAST_PERFECT``, ``LASTING``, ``DEFINITION``) rather than the day's news?"""
    if LASTING.search(text):
        return True
    if DEFINITION.match(text) and not QUOTATION.search(text):
        return True
    perfect = PAST_PERFECT.search(text)
    return (
        perfect is not None
        and not re.search(SAYING, text[: perfect.start()])
        # "a young man who had recently returned from Mexico was found to have the virus": a relative clause's
        and not re.search(r"\b(?:who|which|that)\s+$", text[: perfect.start()])
    )


def date_sentences(
    article: Article,
    granularities: Collection[str],
    times: Sequence[tuple[int, Point, str]] | None = None,
) -> list[DatedSentence]:
    """Every sentence of the article with the date it is about (sentences with none are left out).
    ``times`` are the article's ``event_times`` when the caller has them."""
    chosen = {
        position: (point, evidence)
        for position, point, evidence in (event_times(article) if times is None else times)
    }
    dated: list[DatedSentence] = []
    anchor = anchor_of(article)
    inferred = inferred_day(article) if anchor is None else None
    placed_by = ""
    if inferred is not None:
        assert article.published_interval is not None
        placed_by = (
            f"published about {inferred.isoformat()} (inferred: {article.published_interval.label()}, "
            f"{article.published_interval.how()})"
        )
    days = page_days(article.text, anchor) if anchor is not None else None
    back = days_told(article, anchor) if anchor is not None else 0
    if anchor is not None and back:
        # "All Thursday's live updates as they happened", published on Friday: the page tells Thursday, and its
        # clock times, "today" and undated lead are Thursday's.
        anchor = anchor - dt.timedelta(days=back)
    elif anchor is not None and tells_the_day_before(chosen, anchor):
        anchor = None  # its undated sentences are not placed: they are about the day before, most likely
    chronology = (
        False  # inside an in-article chronology (``CHRONOLOGY``): undated lines are not the day's news
    )
    headings = 0  # lines so far that open on their own date ("April 20, 2010 - Explosion and fire ...")
    for position, sentence in enumerate(article.sentences):
        text = article.text[sentence.start : sentence.end]
        if CHRONOLOGY.search(text):
            chronology = True
        words = len(text.split())
        if words < MIN_WORDS or words > MAX_WORDS:
            continue
        cut = glued_start(text)
        head = text[:cut]
        if cut:
            text, sentence = text[cut:], dataclasses.replace(sentence, start=sentence.start + cut)
        if not_an_entry(text):
            continue
        # The page's headline and deck ("BP oil spill: 'I'd like my life back' BP chief ..."): the date it names
        # counts, the line is no entry and is not placed on the publication day.
        entry = not (position == 0 and headline_line(text))
        if position in chosen:
            point, evidence = chosen[position]
            if weekday_off_the_page(evidence, point, days):
                continue
            if date_heading(text, head, evidence):
                headings += 1
                chronology = chronology or headings >= CHRONOLOGY_HEADINGS
            if (
                back
                and point.granularity == "day"
                and RELATIVE_DAY.search(evidence)
                and not ABSOLUTE.search(evidence)
            ):
                point = Point("day", point.start - dt.timedelta(days=back))
            if evidence in text or chronology_date(head, evidence):  # not dated by the headline cut off
                if point.granularity in granularities:
                    dated.append(DatedSentence(article, sentence, text, point, evidence, True, entry))
                continue
        if not entry:
            continue
        if position < LEAD_SENTENCES and "day" in granularities and not chronology and not background(text):
            if anchor is not None:
                # The article's own day, never the day before: a lead that says nothing of its date is not
                # evidence that its events happened "yesterday".
                placed = (
                    "published"
                    if not back
                    else f"published {article.published}, a page of {WEEKDAY_NAMES[anchor.weekday()]}'s news"
                )
                dated.append(DatedSentence(article, sentence, text, Point("day", anchor), placed, False))
            elif inferred is not None:
                dated.append(DatedSentence(article, sentence, text, Point("day", inferred), placed_by, False))
    return dated


# An in-article chronology's heading ("Here's a timeline of events:", "Below is a chronology of the spill and its
# impact:"), or CHRONOLOGY_HEADINGS lines that open on their own date ("Aug. 2: Iraq invades Kuwait.", "April 20, 2010
# - Explosion and fire ..."): from there on the article lists past events, often in the present tense ("Seven people
# are killed in clashes ..."), and a line that names no date of its own is no event of the day it was published.
CHRONOLOGY = re.compile(r"\b(?:[Tt]imeline|[Cc]hronology)\b[^.:;!?]{0,80}:")
CHRONOLOGY_HEADINGS = 2
HEADING_MARK = re.compile(r"\s*(?::|[-\u2013\u2014]+\s)")


def date_heading(text: str, head: str, evidence: str) -> bool:
    """Does the line open on the calendar date that dates it, as a chronology's line does ("Aug. 2: ...",
    "April 20, 2010 - Explosion ...", or the date cut off before it: ``chronology_date``)?"""
    if CALENDAR.search(evidence) is None:
        return False
    if chronology_date(head, evidence):
        return True
    at = text.find(evidence)
    return 0 <= at <= 2 and HEADING_MARK.match(text, at + len(evidence)) is not None


# A page that says which day it tells ("All Thursday's live updates as they happened", "Tuesday's coverage"), a
# weekday other than the one it was published on: the last such day before publication.
DAY_TOLD = re.compile(
    rf"\b({'|'.join(WEEKDAY_NAMES)})\s*(?:'s|\u2019s)\s+(?:live\s+)?"
    r"(?:updates|coverage|blog|live\s+blog|developments|events\s+as\s+they\s+happened)\b"
)
# What such a page's sentences are dated by when it is counted from the day of publication: a clock time, "today",
# "tonight", "yesterday", "this morning" (a month, a year or a weekday names its own day and is left as read).
RELATIVE_DAY = re.compile(
    r"\d{1,2}[.:]\d\d|\b\d{1,2}\s*(?:[ap]\.?m\.?)|\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
ABSOLUTE = re.compile(
    rf"\b{MONTH_STEM}[a-z]*\b|\b(?:19|20)\d\d\b|\b(?:{'|'.join(WEEKDAY_NAMES)})\b", re.IGNORECASE
)


def days_told(article: Article, published: dt.date) -> int:
    """How many days before its publication the day a page says it tells is (``DAY_TOLD`` in its first three
    sentences), else 0."""
    for sentence in article.sentences[:3]:
        found = DAY_TOLD.search(article.sentence_text(sentence))
        if found:
            return (published.weekday() - WEEKDAYS[found.group(1).lower()]) % 7
    return 0


def chronology_date(head: str, evidence: str) -> bool:
    """Is the calendar date that dates a sentence the end of what was cut off before it: a chronology's line,
    "3 November 2011 The case against Dr Murray goes to the jury ...", whose date heads its event?"""
    return bool(head) and CALENDAR.search(evidence) is not None and head.rstrip().endswith(evidence)


# A live page's update stamp ("(Update 1:10 a.m. Tuesday in Cairo, 6:10 p.m. ET Monday)"): the page was written
# over the days its stamps name, not only on the day it was first published.
UPDATE_STAMP = re.compile(r"\(\s*(?:UPDATE|Update|UPDATED|Updated)\b[^()]{0,80}\)")
WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b", re.IGNORECASE)


def page_days(text: str, published: dt.date) -> frozenset[dt.date] | None:
    """The days a page updated over several days was written on: its publication day and the days its update
    stamps name (each weekday counted forward from publication, within the week); None when no stamp names a
    day other than the publication day (a page of one day)."""
    days = {published}
    for stamp in UPDATE_STAMP.finditer(text):
        for word in WEEKDAY_WORD.findall(stamp.group()):
            ahead = (WEEKDAYS[word.lower()] - published.weekday()) % 7
            days.add(published + dt.timedelta(days=ahead))
    return frozenset(days) if len(days) > 1 else None


def weekday_off_the_page(evidence: str, point: Point, days: frozenset[dt.date] | None) -> bool:
    """Is a sentence dated by a weekday alone ("Wednesday night", "on Tuesday") on a page written over
    ``days`` (``page_days``) dated to a day the page was not written on? A weekday is counted from the
    publication day, which on such a page is not the day the sentence was written: "Egypt braced for a 'march
    of millions' Tuesday", added on Tuesday to a page first published on Monday, is no Tuesday of the week
    before. Such a sentence makes no entry."""
    return (
        days is not None
        and point.granularity == "day"
        and WEEKDAY_WORD.search(evidence) is not None
        and not CALENDAR.search(evidence)
        and point.start not in days
    )


def tells_the_day_before(chosen: dict[int, tuple[Point, str]], published: dt.date) -> bool:
    """Does the article's lead tell of the day before it was published (a morning paper's "yesterday", a
    live blog of Thursday's events posted on Friday): more of its first ``LEAD_SENTENCES`` dated to a day
    name the day before publication than the day itself?"""
    days = [
        point.start
        for position, (point, _) in chosen.items()
        if position < LEAD_SENTENCES and point.granularity == "day"
    ]
    before = sum(day == published - dt.timedelta(days=1) for day in days)
    return before >= 2 and before > sum(day == published for day in days)


# The kept form of an article's event times (``storyline.pieces``): (sentence position, date, words).
EVENT_TIMES = list[tuple[int, Point, str]]


def event_times(article: Article, parses: SentenceParses | None = None) -> list[tuple[int, Point, str]]:
    """The article's sentences (of a timeline sentence's length) whose main event one of their time
    expressions dates: position, date and the expression's words (``sentence_event_time``; read in
    ``parses`` when they hold the article)."""
    timexes = sorted(article.timexes, key=lambda t: t.start)
    found: list[tuple[int, Point, str]] = []
    cursor = 0
    for position, sentence in enumerate(article.sentences):
        words = len(article.text[sentence.start : sentence.end].split())
        if words < MIN_WORDS or words > MAX_WORDS:
            continue
        while cursor < len(timexes) and timexes[cursor].start < sentence.start:
            cursor += 1
        point, evidence = sentence_event_time(article.text, sentence, timexes, cursor, parses)
        if point is not None:
            found.append((position, point, evidence))
    return found


def kept_event_times(
    articles: Sequence[Article], parses: SentenceParses | None = None, pieces: Pieces = NO_PIECES
) -> list[list[tuple[int, Point, str]]]:
    """Each article's ``event_times``: kept per article in ``pieces`` (``storyline.pieces``); the sentences
    of the others read in ``parses``, or parsed in one batch."""
    times: list[list[tuple[int, Point, str]] | None] = []
    for article in articles:
        found, value = pieces.kept("event-times", article, EVENT_TIMES)
        times.append(value if found else None)
    todo = [a for a, t in zip(articles, times, strict=True) if t is None]
    if todo:
        prepare_event_times(todo, parses)
    return [
        t
        if t is not None
        else pieces.piece("event-times", a, EVENT_TIMES, functools.partial(event_times, a, parses))
        for a, t in zip(articles, times, strict=True)
    ]


# An undated article whose story dates it (``timeline.dating``: method corpus or neighbours) has its leading
# sentences placed on the estimated day when the inference is at least this confident that the estimate is
# within a day of the truth; they are marked inferred, with the interval. Otherwise its lead goes to the
# undated lane at its interval. Chosen leave-one-story-out (``evaluate.dating.inferred_bar``, printed by
# ``benchmarks/dating.py``) among 0.5 ... 0.95, a placement a day or more off costing two right ones: every
# fold but one chose 0.9 (LibyaWar's 0.95); with the fold's bar 90% of the articles placed on Timeline17's
# held-out stories were within a day of their true date (0.8: 86%; BENCHMARKS.md, issue 15 part 5).
INFERRED_CONFIDENCE = 0.9


def inferred_day(article: Article) -> dt.date | None:
    """The day an undated article's events are placed on: its inferred estimate when confident enough."""
    interval = article.published_interval
    if (
        article.published is not None
        or interval is None
        or interval.estimate is None
        or interval.method not in ("corpus", "neighbours")
        or interval.confidence < INFERRED_CONFIDENCE
    ):
        return None
    return interval.estimate


def placed_day(article: Article) -> dt.date | None:
    """The day an article counts as published on in the timeline: stated, or confidently inferred."""
    return article.published if article.published is not None else inferred_day(article)


def sentence_expressions(
    text: str, sentence: Sentence, timexes: Sequence[TimeExpression], cursor: int
) -> tuple[
    list[tuple[TimeExpression, Point | None]], tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]
]:
    """The sentence's expressions that name a calendar period, or a day or time the article's unknown date
    leaves unresolved ("about midnight Saturday" in an undated article: point None, granularity
    ``UNRESOLVED``), and the event-time rule's view of them (sentence text, spans into it, granularities).
    ``cursor``: the first expression at or after its start."""
    inside: list[tuple[TimeExpression, Point | None]] = []
    index = cursor
    while index < len(timexes) and timexes[index].start < sentence.end:
        timex = timexes[index]
        candidate = event_point(timex)
        if candidate is not None or (
            timex.type in ("DATE", "TIME") and not timex.value and not timex.rolling
        ):
            inside.append((timex, candidate))
        index += 1
    item = (
        text[sentence.start : sentence.end],
        tuple((t.start - sentence.start, t.end - sentence.start) for t, _ in inside),
        tuple(p.granularity if p is not None else UNRESOLVED for _, p in inside),
    )
    return inside, item


def prepare_event_times(articles: Iterable[Article], parses: SentenceParses | None = None) -> None:
    """Parse, in batches, every sentence of ``articles`` whose event time must be chosen and that ``parses``
    does not hold (a cache warm-up: ``sentence_event_time`` gives the same answers without it, one parse at a
    time)."""
    from ..annotate.timex.event_time import prepare

    items = []
    for article in articles:
        timexes = sorted(article.timexes, key=lambda t: t.start)
        cursor = 0
        for sentence in article.sentences:
            while cursor < len(timexes) and timexes[cursor].start < sentence.start:
                cursor += 1
            inside, item = sentence_expressions(article.text, sentence, timexes, cursor)
            if any(point is not None for _, point in inside):
                items.append(item)
    prepare(items, parses=parses)


def sentence_event_time(
    text: str,
    sentence: Sentence,
    timexes: Sequence[TimeExpression],
    cursor: int,
    parses: SentenceParses | None = None,
) -> tuple[Point | None, str]:
    """The date of the sentence's main event and the words that give it, or (None, "") when none of its time
    expressions dates the main event ("since the uprising began 16 months ago" dates only the uprising).

    ``timexes`` are the article's expressions in text order, ``cursor`` the first at or after the sentence's
    start. The expression is chosen on the sentence's dependency parse (``annotate.timex.event_time``): its
    article's own when ``parses`` holds it, else the sentence parsed alone."""
    from ..annotate.timex.event_time import choose_in_text

    inside, (sentence_text, spans, grains) = sentence_expressions(text, sentence, timexes, cursor)
    if all(point is None for _, point in inside):
        return None, ""
    choice = choose_in_text(sentence_text, spans, grains, parses=parses)
    if choice is None:
        return None, ""
    timex, point = inside[choice]
    if point is None:
        return None, ""  # the main clause's time is a weekday of an unknown week: not another clause's year
    if point.granularity == "time":
        point = point.coarsen("day")
    return point, timex.text


def in_range(point: Point, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or point.start >= start) and (end is None or point.end <= end)


def sentence_mentions(article: Article) -> list[tuple[Sentence, Point]]:
    """The date each sentence of the article names first, one per sentence that names one (with the sentence):
    its first time expression with a calendar value (a time of day counts as its day). This is how a date's
    salience is counted (``date_statistics``): every sentence of every article, whatever its length or clause,
    as DATEWISE counts; where a sentence is *placed* is its main event's date (``event_times``), a narrower
    question. Counting only the sentences a timeline could show (a timeline sentence's length, its main
    clause) lost signal: date F1 0.602 -> 0.625 on Timeline17 leave-one-story-out (BENCHMARKS.md, issue 15,
    tenth session)."""
    timexes = sorted(article.timexes, key=lambda t: t.start)
    found: list[tuple[Sentence, Point]] = []
    cursor = 0
    for sentence in article.sentences:
        while cursor < len(timexes) and timexes[cursor].start < sentence.start:
            cursor += 1
        index = cursor
        while index < len(timexes) and timexes[index].start < sentence.end:
            point = event_point(timexes[index])
            if point is not None:
                found.append((sentence, point.coarsen("day") if point.granularity == "time" else point))
                break  # the first expression with a calendar value decides
            index += 1
    return found


# A sentence that looks back to a week ("Last week the World Health Organization (WHO) declared a global flu
# pandemic", H1N1_bbc, 16-18 June 2009) tells of an event that the story's other sentences may date to a day of that
# week: it counts as a mention of the day of that week whose dated sentences it resembles most, when the TF-IDF
# cosine to the closest of them is at least WEEK_TO_DAY; of no day otherwise. Counted for the week, which is no
# candidate, it counted for nothing. The article's own week ("this week") is left out: counted too, it raised the
# user-mode date F1 more and lowered the protocol's. Crediting the week's busiest day (by articles published or by
# mentions) lost date F1. Date weights refitted in folds for each rule; the bar is the one of 0.1/0.2/0.35 that
# raises the user-mode date F1 without lowering the protocol's date ranking (BENCHMARKS.md, issue 15, sixteenth
# session).
WEEK_TO_DAY = 0.35


def date_statistics(
    sentences: Iterable[DatedSentence], articles: Sequence[Article]
) -> dict[Point, DateStats]:
    """The ranking features of each date a sentence of ``sentences`` is dated to by its own words (the
    candidate dates): the mentions of it in every sentence of ``articles`` (``sentence_mentions``; a week's,
    ``WEEK_TO_DAY``) and the articles published on it."""
    sentences = list(sentences)
    stats: dict[Point, DateStats] = {
        item.point: DateStats(item.point) for item in sentences if item.mentioned
    }
    weeks: list[tuple[Article, str, list[Point]]] = []
    for article in articles:
        for sentence, point in sentence_mentions(article):
            if point.granularity == "week":
                if article.published is not None and point.end >= article.published:
                    continue  # not a look back
                days = [day for day in days_of_week(point) if day in stats]
                if days:
                    weeks.append((article, article.sentence_text(sentence), days))
            elif point in stats:
                stats[point].count_mention(article)
    for article, looked_back_to in week_days(weeks, sentences):
        stats[looked_back_to].count_mention(article)
    for article in articles:
        day = placed_day(article)
        if day is not None:
            point = Point("day", day)
            if point in stats:
                stats[point].published_articles.add(article.id)
    return stats


def days_of_week(week: Point) -> list[Point]:
    """The days of a week (a weekend's Saturday and Sunday)."""
    first = 5 if week.part == "WE" else 0
    return [Point("day", week.start + dt.timedelta(days=k)) for k in range(first, 7)]


def week_days(
    weeks: Sequence[tuple[Article, str, list[Point]]], sentences: Sequence[DatedSentence]
) -> list[tuple[Article, Point]]:
    """For each sentence that looks back to a week (its article, its text, the candidate days of the week), the
    day it counts for: the day whose dated sentences hold the one closest to it, at a cosine of ``WEEK_TO_DAY`` or
    more."""
    if not weeks:
        return []
    told: dict[Point, set[str]] = defaultdict(set)
    for item in sentences:
        if item.mentioned and item.point.granularity == "day":
            told[item.point].add(item.text)
    texts = sorted(
        {text for day_texts in told.values() for text in day_texts} | {text for _, text, _ in weeks}
    )
    row = {text: index for index, text in enumerate(texts)}
    matrix = tfidf_matrix(texts)
    counted = []
    for article, text, days in weeks:
        vector = matrix[row[text]].T
        best, closest = None, 0.0
        for day in days:
            rows = [row[t] for t in told[day]]
            similarity = float((matrix[rows] @ vector).max()) if rows else 0.0
            if similarity > closest:
                best, closest = day, similarity
        if best is not None and closest >= WEEK_TO_DAY:
            counted.append((article, best))
    return counted


def standardized_features(stats: dict[Point, DateStats]) -> dict[Point, dict[str, float]]:
    """Each date's features as z-scores over the candidate dates of this story.

    A story of 400 articles and one of 70 give very different counts for an equally important date; what
    ranks a date is how far it stands out among its own story's dates, and that is what the weights are
    fitted on (``storyline train timeline-weights``)."""
    raw = {point: entry.features() for point, entry in stats.items()}
    if not raw:
        return {}
    scaled: dict[Point, dict[str, float]] = {point: {} for point in raw}
    for name in DATE_FEATURES:
        values = [features[name] for features in raw.values()]
        mean = sum(values) / len(values)
        spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
        for point, features in raw.items():
            scaled[point][name] = (features[name] - mean) / spread
    return scaled


def rank_dates(stats: dict[Point, DateStats], weights: dict[str, float] | None = None) -> list[Point]:
    """Dates by score, the best first (ties: the earlier date first)."""
    weights = weights or shipped_weights("date_weights", DATE_FEATURES)
    features = standardized_features(stats)
    score = {point: sum(weights.get(n, 0.0) * v for n, v in f.items()) for point, f in features.items()}
    return sorted(stats, key=lambda p: (-score[p], p.start, p.granularity))


def build_timeline(
    articles: Sequence[Article],
    dates: int | None = None,
    per_date: int = 1,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    granularities: Collection[str] = ("day", "month", "year"),
    weights: dict[str, float] | None = None,
    sentence_weights: dict[str, float] | None = None,
    docs: Sequence[Doc] | None = None,
    pieces: Pieces = NO_PIECES,
) -> Timeline:
    """The ``dates`` most important dates of the story (the setting ``timeline.dates`` when None), ``per_date``
    sentences each, every sentence cited.

    ``start`` and ``end`` limit both the articles used (by publication date; articles whose date is
    unknown are kept, and only their absolutely dated sentences can enter) and the dates the timeline may
    contain. ``granularities`` says which kinds of dates may be entries (day, month, year). ``weights``
    and ``sentence_weights`` replace the shipped weights (``shipped_weights``). ``docs``, the articles'
    spaCy parses (one per article), are where each sentence's main event is read; without them each dated
    sentence is parsed on its own. ``pieces`` keeps each article's event times (``storyline.pieces``).
    """
    from ..annotate.timex.event_time import parses_of

    parses = parses_of(articles, docs)
    return timeline_of(
        articles, dates, per_date, start, end, granularities, weights, sentence_weights, parses, pieces
    )


def timeline_of(
    articles: Sequence[Article],
    dates: int | None,
    per_date: int,
    start: dt.date | None,
    end: dt.date | None,
    granularities: Collection[str],
    weights: dict[str, float] | None,
    sentence_weights: dict[str, float] | None,
    parses: SentenceParses | None = None,
    pieces: Pieces = NO_PIECES,
) -> Timeline:
    used = [
        a
        for a in articles
        if a.published is None
        or ((start is None or a.published >= start) and (end is None or a.published <= end))
    ]
    away = off_story(used)
    told = [a for a in used if a.id not in away]
    dated = [
        item
        for article, times in zip(told, kept_event_times(told, parses, pieces), strict=True)
        for item in date_sentences(article, granularities, times)
        if in_range(item.point, start, end)
    ]
    if not dated:
        return with_undated_lane(Timeline(entries=[]), told, start, end)
    stats = date_statistics(dated, used)
    ranked = rank_dates(stats, weights)
    by_date: dict[Point, list[int]] = defaultdict(list)
    for position, item in enumerate(dated):
        by_date[item.point].append(position)
    row_of, matrix, story = sentence_vectors(dated)
    on_story = on_story_rows(matrix, story)
    ranked = finest_first(ranked)
    if start is None and end is None:
        ranked = story_period_first(ranked, used)
    wanted = supported_dates(ranked, stats, used) if dates is None else dates
    entries: list[TimelineEntry] = []
    said: set[str] = set()
    shown: list[tuple[int, dt.date]] = []  # each sentence shown (its row) and the first day of its date
    by_id = {a.id: a for a in used}
    for point in ranked:
        if len(entries) >= wanted:
            break
        candidates = [
            dated[i] for i in by_date[point] if dated[i].entry and normalized(dated[i].text) not in said
        ]
        rows = matrix[[row_of[c.text] for c in candidates]]
        choosable = on_story[[row_of[c.text] for c in candidates]] & ~retold(
            rows, matrix[[row for row, day in shown if day < point.start]]
        )
        chosen = summarize_date(candidates, per_date, rows, point, story, sentence_weights, choosable)
        if not chosen:
            continue
        for group in chosen:
            said.update(normalized(member.text) for member in group)
            shown.append((row_of[group[0].text], point.start))
        entries.append(
            TimelineEntry(
                date=point.value,
                granularity=point.granularity,
                sentences=[cited_sentence(group, by_id) for group in chosen],
            )
        )
    entries.sort(key=lambda e: (point_start(e), e.granularity != "year", e.granularity != "month"))
    return with_undated_lane(Timeline(entries=entries), told, start, end)


# An article far from the story's centre gives no entry (a BBC Learning English page of idioms, "A bolt from the
# blue ...", in a swine-flu topic): its lead (first OFF_STORY_LEAD sentences) has a TF-IDF cosine to the sum of the
# other articles' leads under OFF_STORY times the story's median; only in a story of OFF_STORY_ARTICLES or more
# (in a smaller one the median says little). Leads rather than whole texts: a long page of any subject shares
# common words with everything. The dates such an article names are still counted among the story's mentions.
OFF_STORY = 0.3
OFF_STORY_LEAD = 5
OFF_STORY_ARTICLES = 20
# A sentence of an on-story article can still say nothing of the story ("Manny Pacquiao was scheduled to return home
# on Friday, after his knockout victory against Britain's Ricky Hatton ...", from a page on the Philippines asking the
# boxer to delay his return over swine flu): a sentence that holds none of the story's STORY_TERMS heaviest terms
# (the centroid of all its dated sentences: "swine", "flu", "virus", "mexico", ...) and whose TF-IDF cosine to that
# centroid is under OFF_STORY_SENTENCE times the median sentence's is no entry; its date still counts. Either test
# alone drops on-story sentences: the cosine alone "Foreign Minister Patricia Espinosa criticised China ... for
# cutting flights to Mexico", the terms alone four sentences in ten.
OFF_STORY_SENTENCE = 0.5
STORY_TERMS = 10


def off_story(articles: Sequence[Article]) -> set[str]:
    """The ids of the articles far from the story's centre (``OFF_STORY``)."""
    import numpy as np

    if len(articles) < OFF_STORY_ARTICLES:
        return set()
    leads = [" ".join(a.sentence_text(s) for s in a.sentences[:OFF_STORY_LEAD]) for a in articles]
    matrix = tfidf_matrix(leads)
    total = np.asarray(matrix.sum(axis=0)).ravel()
    own = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()  # each row with itself (1, or 0 when empty)
    rest = matrix @ total - own  # each lead with the sum of the others
    norms = np.sqrt(np.maximum(float(total @ total) - 2 * (matrix @ total) + own, 0.0))
    similarity = np.divide(rest, norms, out=np.zeros(len(articles)), where=norms > 0)
    bar = OFF_STORY * float(np.median(similarity))
    return {a.id for a, value in zip(articles, similarity, strict=True) if value < bar}


# The undated lane shows at most this many articles (the rest are counted).
UNDATED_LANE = 20
# An article's lead event: its first sentence of at least this many words among its first few (a shorter
# one is a headline, an update note or a caption), else its first of MIN_WORDS.
LEAD_WORDS = 10


def lead_sentence(article: Article) -> Sentence | None:
    usable = [
        s
        for s in article.sentences[:LEAD_SENTENCES]
        if MIN_WORDS <= len(article.sentence_text(s).split()) <= MAX_WORDS
    ]
    full = [s for s in usable[:5] if len(article.sentence_text(s).split()) >= LEAD_WORDS]
    return full[0] if full else (usable[0] if usable else None)


def with_undated_lane(
    timeline: Timeline, articles: Sequence[Article], start: dt.date | None, end: dt.date | None
) -> Timeline:
    """``timeline`` with its undated lane: the lead sentence of each article whose publication date is not
    stated and that no entry cites (copies once), at its interval, marked inferred: an article nothing
    dates still shows its news (the story's turn may be in it). Articles whose interval lies outside
    ``start``..``end`` are left out; the lane is ordered by the intervals' estimates or lower bounds."""
    cited = {
        (c.article, c.sentence) for entry in timeline.entries for s in entry.sentences for c in s.citations
    }
    said = {normalized(s.text) for entry in timeline.entries for s in entry.sentences}
    lane: list[tuple[dt.date, TimelineEntry]] = []
    for article in articles:
        if article.published is not None or article.duplicate_of:
            continue
        interval = article.published_interval
        if interval is not None and (
            (start is not None and interval.latest is not None and interval.latest < start)
            or (end is not None and interval.earliest is not None and interval.earliest > end)
        ):
            continue
        if inferred_day(article) is not None and any(a == article.id for a, _ in cited):
            continue  # placed on its inferred day, and there in an entry already
        lead = lead_sentence(article)
        if (
            lead is None
            or (article.id, lead.index) in cited
            or normalized(article.sentence_text(lead)) in said
        ):
            continue
        said.add(normalized(article.sentence_text(lead)))
        label = article.published_label() if interval is not None else "unknown"
        dated_by = (
            f"published {label} ({interval.how()})"
            if interval is not None and label != "unknown"
            else "published on an unknown date (nothing in it or its story dates it)"
        )
        sentence = CitedSentence(
            text=article.sentence_text(lead),
            citations=[cite(article, lead)],
            independent_outlets=1 if article.outlet else 0,
            unknown_sources=0 if article.outlet else 1,
            dated_by=dated_by,
        )
        order = (interval.sort_date() if interval is not None else None) or dt.date.max
        lane.append((order, TimelineEntry(date=label, granularity="undated", sentences=[sentence])))
    lane.sort(key=lambda pair: pair[0])
    timeline.undated = [entry for _, entry in lane[:UNDATED_LANE]]
    timeline.undated_more = max(0, len(lane) - UNDATED_LANE)
    return timeline


def finest_first(ranked: Sequence[Point]) -> list[Point]:
    """The ranked dates without a month that holds a candidate day, or a year that holds a candidate day
    or month: "2012 -- He said elections could be held later this year" only when the story dates nothing
    finer in 2012. Order kept."""
    days = {p.start for p in ranked if p.granularity == "day"}
    day_months = {(d.year, d.month) for d in days}
    years = {d.year for d in days} | {p.start.year for p in ranked if p.granularity == "month"}
    kept = []
    for point in ranked:
        if point.granularity == "month" and (point.start.year, point.start.month) in day_months:
            continue
        if point.granularity == "year" and point.start.year in years:
            continue
        kept.append(point)
    return kept


# Dates more than this many days before the story's first article or after its last are background
# ("Jackson's Thriller, released in 1982") or forecasts: with no range given, they come after the story's own.
PERIOD_MARGIN = 30


def story_period_first(ranked: Sequence[Point], used: Sequence[Article]) -> list[Point]:
    """The ranked dates of the period the articles were published in (with ``PERIOD_MARGIN``) first, then
    the others, each part in rank order."""
    published = [a.published for a in used if a.published is not None]
    if not published:
        return list(ranked)
    low = min(published) - dt.timedelta(days=PERIOD_MARGIN)
    high = max(published) + dt.timedelta(days=PERIOD_MARGIN)
    inside = [p for p in ranked if p.end >= low and p.start <= high]
    return inside + [p for p in ranked if not (p.end >= low and p.start <= high)]


# A date the story "supports" in a timeline of its own choosing: mentioned by at least this many articles
# (of a story of at least SUPPORT_ARTICLES dated articles; in a smaller one, one article is enough). In a story of
# tens of articles or more the cap (the setting timeline.dates) decides: higher bars (3 to 20 articles, a share of the
# story's articles, a rank score, one date per so many days of the story) chosen in leave-one-story-out folds do no
# better on Timeline17 than this bar under that cap (benchmarks/timeline_user_mode.py --counts).
SUPPORT_MENTIONS = 2
SUPPORT_ARTICLES = 10


def supported_dates(ranked: Sequence[Point], stats: dict[Point, DateStats], used: Sequence[Article]) -> int:
    """How many dates a timeline shows when the user gives no number: the dates enough articles tell of
    (``SUPPORT_MENTIONS``), at most the setting ``timeline.dates``, and at least three when there are."""
    cap = current_settings().timeline.dates
    dated = sum(a.published is not None for a in used)
    needed = SUPPORT_MENTIONS if dated >= SUPPORT_ARTICLES else 1
    supported = sum(len(stats[p].mention_articles) >= needed for p in ranked if p in stats)
    return min(cap, max(supported, min(3, len(ranked))))


def point_start(entry: TimelineEntry) -> dt.date:
    from ..annotate.timex import point_of_value

    point = point_of_value(entry.date)
    return point.start if point else dt.date.min


def normalized(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def cited_sentence(group: list[DatedSentence], by_id: dict[str, Article]) -> CitedSentence:
    """One timeline sentence: the first member's words, and a citation for every article that carries it."""
    citations: list[Citation] = []
    seen: set[tuple[str, int]] = set()
    for member in group:
        key = (member.article.id, member.sentence.index)
        if key in seen:
            continue
        seen.add(key)
        citations.append(cite(member.article, member.sentence))
    known, unknown = source_groups({m.article.id: m.article for m in group}.values(), by_id)
    first = group[0]
    published = first.article.published.isoformat() if first.article.published else "?"
    inferred = not first.mentioned and first.evidence.startswith("published about")
    told = not first.mentioned and first.evidence.startswith("published ")  # a page of an earlier day's news
    dated_by = first.evidence if first.mentioned or inferred or told else f"published {published}"
    return CitedSentence(
        text=first.text,
        citations=citations,
        independent_outlets=len(known),
        unknown_sources=unknown,
        dated_by=dated_by,
    )


# ---------------------------------------------------------------------------------------------
# choosing a date's sentences


def sentence_vectors(dated: Sequence[DatedSentence]) -> tuple[dict[str, int], Any, Any]:
    """The TF-IDF rows of the dated sentences' distinct texts (with each text's row) and the story's centroid."""
    texts = sorted({item.text for item in dated})
    matrix = tfidf_matrix(texts)
    return {text: row for row, text in enumerate(texts)}, matrix, story_centroid(matrix)


def on_story_rows(matrix: Any, story: Any) -> Any:
    """Per row of ``matrix`` (a CSR matrix), is that sentence about the story: it holds one of the story's
    ``STORY_TERMS`` heaviest terms, or its cosine to the story's centroid is at least ``OFF_STORY_SENTENCE``
    times the median row's (a NumPy array of booleans)."""
    import numpy as np

    similarity = np.asarray(matrix @ story).ravel()
    key_terms = np.argsort(-story, kind="stable")[:STORY_TERMS]
    holds_term = np.asarray(matrix[:, key_terms].getnnz(axis=1)).ravel() > 0
    return holds_term | (similarity >= OFF_STORY_SENTENCE * float(np.median(similarity)))


# A sentence that tells again what an entry of an earlier date says (TF-IDF cosine at least RETOLD to that entry's
# sentence: "Live coverage of the trial of Michael Jackson's personal physician ..." shown on 28 and again on 29
# September 2011) is a later page's retelling, no entry of its own date; it still shapes that date's centroid. Only
# earlier dates count, whichever date the ranking reaches first: the verdict of 7 November told again by a page of
# the 8th stays the 7th's. 0.5 was set before measuring, not tuned (BENCHMARKS.md, issue 15 part 9).
RETOLD = 0.5


def retold(rows: Any, earlier: Any) -> Any:
    """Per row of ``rows`` (a CSR matrix of L2-normalised TF-IDF rows), does it tell again one of ``earlier`` (the rows
    of sentences shown for earlier dates; ``RETOLD``)? A NumPy array of booleans."""
    import numpy as np

    if not earlier.shape[0]:
        return np.zeros(rows.shape[0], dtype=bool)
    return np.asarray((rows @ earlier.T).max(axis=1).todense()).ravel() >= RETOLD


def story_centroid(matrix: Any) -> Any:
    """The unit mean of all the story's dated sentences (TF-IDF rows): what the whole story is about."""
    import numpy as np

    total = np.asarray(matrix.sum(axis=0)).ravel()
    norm = float(np.linalg.norm(total))
    return total / norm if norm else total


@dataclass
class DateCandidates:
    """A date's candidate sentences in the space of the words they use, with their centroids."""

    # NumPy arrays (NumPy is imported only when a timeline is built).
    vectors: Any  # one dense TF-IDF row per candidate, over the columns the candidates use
    similarity: Any  # each candidate's cosine to the date's centroid
    keep: Any  # candidates at or above the knee of the similarity curve
    kept_centroid: Any  # unit mean of the kept candidates


def date_candidates(candidates: list[DatedSentence], rows: Any) -> DateCandidates | None:
    """The candidates' vectors, their similarity to the date's centroid and the knee cut (None when the
    sentences share no words to weigh)."""
    import numpy as np

    # Work in the space of the words these sentences use: small and dense.
    columns = np.unique(rows.indices)
    if not len(columns):
        return None
    vectors = rows[:, columns].toarray()
    mentioned = np.array([c.mentioned for c in candidates])
    centroid = date_centroid(vectors, mentioned)
    if centroid is None:
        return None
    similarity = vectors @ centroid
    keep = similarity >= knee_threshold(similarity)
    if not keep.any():
        keep = similarity > 0
    kept_centroid = l2_rows(vectors[keep].sum(axis=0, keepdims=True)).ravel()
    return DateCandidates(vectors, similarity, keep, kept_centroid)


def sentence_features(
    candidates: list[DatedSentence],
    rows: Any,
    point: Point,
    story: Any,
    space: DateCandidates,
) -> Any:
    """One row of ``SENTENCE_FEATURES`` per candidate sentence of ``point`` (a NumPy array).

    ``rows`` are the candidates' TF-IDF vectors and ``story`` the story's centroid in the same columns."""
    import numpy as np

    similarity = space.similarity
    spread = float(similarity.std()) or 1.0
    story_similarity = rows @ story
    kept_similarity = space.vectors @ space.kept_centroid
    copies = np.ones(len(candidates))
    for group in near_duplicate_groups([c.text for c in candidates]):
        copies[group] = len({candidates[i].article.id for i in group})
    features = np.zeros((len(candidates), len(SENTENCE_FEATURES)))
    for i, candidate in enumerate(candidates):
        text = candidate.text
        words = text.split()
        published = candidate.article.published
        # An article of unknown date is treated as a month away from the date it tells of.
        apart = abs((published - point.start).days) if published is not None else 30
        opens_on_date = candidate.mentioned and 0 <= text.find(candidate.evidence) <= 2
        values = {
            "centroid_similarity": similarity[i],
            "centroid_similarity_z": (similarity[i] - similarity.mean()) / spread,
            "above_knee": float(space.keep[i]),
            "mentioned": float(candidate.mentioned),
            "log_position": math.log1p(candidate.sentence.index),
            "first_in_article": float(candidate.sentence.index == 0),
            "log_words": math.log(max(len(words), 1)),
            "log_copies": math.log(copies[i]),
            "published_that_day": float(apart == 0),
            "log_days_apart": math.log1p(apart),
            "absolute_date": float(candidate.mentioned and bool(CALENDAR.search(candidate.evidence))),
            "quotation": float(bool(QUOTATION.search(text))),
            "pronoun_start": float(bool(LEANING_START.match(text))),
            "numbers": math.log1p(len(re.findall(r"\d+", text))),
            "story_similarity": story_similarity[i],
            "kept_similarity": kept_similarity[i],
            "date_first": float(opens_on_date),
            "dateline": float(bool(DATELINE.search(text))),
            "capitals": sum(w.isupper() and len(w) > 1 for w in words) / max(len(words), 1),
        }
        features[i] = [values[name] for name in SENTENCE_FEATURES]
    return features


def summarize_date(
    candidates: list[DatedSentence],
    k: int,
    rows: Any,
    point: Point,
    story: Any,
    sentence_weights: dict[str, float] | None = None,
    choosable: Any = None,
) -> list[list[DatedSentence]]:
    """Up to ``k`` groups of near-identical sentences that together best cover what the date's sentences say
    and read most like timeline entries.

    ``rows`` are the candidates' TF-IDF vectors, ``story`` the story's centroid over the same columns.
    ``choosable`` (booleans, one per candidate; all when None) says which may be shown: the others still
    shape the date's centroid (``on_story_rows``: a sentence that says nothing of the story is no entry).
    """
    import numpy as np

    if not candidates or k <= 0:
        return []
    space = date_candidates(candidates, rows)
    if space is None:
        return []
    weights = sentence_weights or shipped_weights("sentence_weights", SENTENCE_FEATURES)
    learned = sentence_features(candidates, rows, point, story, space) @ np.array(
        [weights.get(name, 0.0) for name in SENTENCE_FEATURES]
    )
    learned = (learned - learned.mean()) / (float(learned.std()) or 1.0)
    allowed = np.ones(len(candidates), dtype=bool) if choosable is None else np.asarray(choosable, dtype=bool)
    if ONE_ARTICLE_BY_SCORE and len({c.article.duplicate_of or c.article.id for c in candidates}) == 1:
        # One article tells of this date: the date's centroid is that article's own words, so closeness to
        # it rewards the sentences that repeat the article's commonest words (a quote's "I'm not going to
        # decide that"), not the event; the learned score (a lead, a named date, a full sentence) chooses.
        order = sorted((i for i in range(len(candidates)) if allowed[i]), key=lambda i: -learned[i])
        return [[candidates[i]] for i in order[:k]]
    vectors, keep = space.vectors, space.keep
    # Near-identical sentences among those kept (wire copies, reprints) become one group, shown in the words
    # of its best-scored member.
    kept_indices = np.flatnonzero(keep)
    kept = [
        sorted((int(kept_indices[i]) for i in group), key=lambda j: -learned[j])
        for group in near_duplicate_groups([candidates[i].text for i in kept_indices])
    ]
    kept = [indices for indices in kept if allowed[indices[0]]]
    if not kept:
        return []
    kept_centroid = space.kept_centroid
    representatives = np.vstack([vectors[indices[0]] for indices in kept])
    bonus = SENTENCE_SHARE * np.array([learned[indices[0]] for indices in kept])
    chosen: list[int] = []
    summary = np.zeros_like(kept_centroid)
    while len(chosen) < min(k, len(kept)):
        # Greedy: the group whose sentence brings the summary closest to the centroid, plus its learned score.
        totals = representatives + summary
        norms = np.linalg.norm(totals, axis=1)
        scores = np.divide(totals @ kept_centroid, norms, out=np.zeros(len(kept)), where=norms > 0)
        scores = scores + bonus
        scores[chosen] = -np.inf
        best = int(np.argmax(scores))
        if not np.isfinite(scores[best]):
            break
        chosen.append(best)
        summary = summary + representatives[best]
    return [[candidates[i] for i in kept[g]] for g in chosen]


def date_centroid(vectors, mentioned):  # type: ignore[no-untyped-def]
    """The words a date's sentences share: the mean of the sentences that mention it plus the mean of the
    lead sentences published then, kept only where both kinds use the word (when there are both)."""
    import numpy as np

    parts = [vectors[mask].mean(axis=0) for mask in (mentioned, ~mentioned) if mask.any()]
    if not parts:
        return None
    centroid = parts[0]
    if len(parts) == 2:
        both = (parts[0] > 0) & (parts[1] > 0)
        centroid = np.where(both, parts[0] + parts[1], 0.0)
        if not centroid.any():
            centroid = parts[0] + parts[1]
    norm = np.linalg.norm(centroid)
    return centroid / norm if norm else None


def knee_threshold(values) -> float:  # type: ignore[no-untyped-def]
    """The value at the knee of the sorted curve: the point farthest from the line joining its ends."""
    import numpy as np

    ordered = np.sort(np.asarray(values))[::-1]
    if len(ordered) < 3:
        return float(ordered[-1]) - 1e-9 if len(ordered) else 0.0
    x = np.arange(len(ordered), dtype=float)
    line = np.array([x[-1] - x[0], ordered[-1] - ordered[0]])
    line /= np.linalg.norm(line) or 1.0
    vectors = np.stack([x - x[0], ordered - ordered[0]], axis=1)
    parallel = np.outer(vectors @ line, line)
    distance = np.linalg.norm(vectors - parallel, axis=1)
    return float(ordered[int(np.argmax(distance))])
