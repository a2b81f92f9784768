"""The rules of the time-expression tagger: what each pattern matches and how its value is found.

Recognition is a set of regular expressions over the raw text (no parse needed). Each rule has a
normalizer that turns its match into a TimeML value against the document's date (the *anchor*):
absolute expressions ("Aug. 18, 2011") need none, deictic ones ("yesterday", "last week") use the
anchor, and anaphoric ones ("a year earlier", "the following day") use the last date the text
mentioned. Weekdays and months without a year are placed before or after the anchor by the tense of
the words around them: "said Tuesday" is the Tuesday before, "will meet Thursday" the one after.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...text.dates import MONTH_STEM
from ...text.words import ABBREVIATIONS
from .calendar import GRANULARITIES, SEASON_CODES, Point
from .lexicon import (
    DAY_OF_MONTH,
    DECADE_WORDS,
    MONTH_ALONE,
    MONTH_ANY,
    MONTHS,
    NUMBER,
    ORDINALS,
    UNIT,
    UNIT_GRANULARITY,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    parse_number,
)


@dataclass
class Found:
    """A recognized expression with its normalized value (``value`` is None when it could not be resolved)."""

    start: int
    end: int
    type: str
    value: str | None
    granularity: str
    confidence: float
    relative: bool = False
    mod: str | None = None
    rule: str = ""
    point: Point | None = None
    # Counted from an earlier date of the text ("a year earlier"), so not itself a new reference point.
    anaphoric: bool = False
    # "The past year": the twelve months up to the anchor, valued as the calendar year before it.
    rolling: bool = False


@dataclass
class Context:
    """What normalizers may look at: the text, its anchor date, and the last date mentioned."""

    text: str
    anchor: dt.date | None
    last_point: Point | None = None
    last_point_end: int = 0
    sentence_bounds: list[tuple[int, int]] = field(default_factory=list)
    # The last quarter (or half) the text spoke of: earnings stories compare it with "a year ago" even after
    # naming its closing day ("the quarter ended Sept. 30"). Reset by a longer period ("the nine months").
    last_quarter: Point | None = None
    last_quarter_end: int = 0

    def reference(self, position: int, reach: int = 1000) -> Point | None:
        """The last date the text mentioned, if it is close enough before ``position`` to be meant."""
        if self.last_point is not None and position - self.last_point_end <= reach:
            return self.last_point
        return None

    def quarter_reference(self, position: int, reach: int = 1000) -> Point | None:
        """The quarter or half the text last spoke of, if it is close enough before ``position``."""
        if self.last_quarter is not None and position - self.last_quarter_end <= reach:
            return self.last_quarter
        return None

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        for s, e in self.sentence_bounds:
            if s <= start < e:
                return s, max(e, end)
        return max(0, start - 200), min(len(self.text), end + 200)

    def tense(self, start: int, end: int) -> str | None:
        """``past``, ``future``, ``present`` or None: the nearest verb cue in the expression's sentence."""
        return self.tense_and_cue(start, end)[0]

    def told_in_past(self, start: int, end: int) -> bool:
        """Is the expression's sentence told in the past by its own verb: the nearest cue is a past form, not
        a verb of saying ("said", "told": the telling, not the event) nor a plan made in the past ("had been
        scheduled for 25 June" is still ahead)?"""
        kind, cue = self.tense_and_cue(start, end)
        word = cue.split()[0].lower() if cue else ""
        return kind == "past" and word not in REPORTING and word not in FUTURE_OF_PAST

    def tense_and_cue(self, start: int, end: int) -> tuple[str | None, str]:
        """``tense`` and the cue word it was read from ("" when none)."""
        s, e = self.sentence_around(start, end)
        best: tuple[int, str] | None = None
        best_cue = ""
        fallback: str | None = None
        past_before = False
        would_after = False
        for cue in TENSE_CUE.finditer(self.text, s, e):
            if cue.start() < end and cue.end() > start:
                continue
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            kind = str(cue.lastgroup)
            if kind == "past" and PLAN_AFTER.match(self.text, cue.end()):
                continue  # "were planning to drive on Monday": a plan, its date is still ahead
            if kind == "future" and re.search(
                r"(?i)\bhad\s+(?:been\s+)?$", self.text[max(s, cue.start() - 12) : cue.start()]
            ):
                kind = "past"  # "had been scheduled to expire Friday": a plan of the past
            if (
                kind == "future"
                and cue.group().lower() in ("until", "till")
                and re.search(r"(?i)\bhad\b", self.text[s:e])
            ):
                kind = "past"  # "Until Thursday, they had not called him a suspect": a change in the past
            if (
                kind == "past"
                and cue.group().lower() in REPORTING
                and ", " in self.text[end : cue.start()]
                and not FRONTED.match(self.text[s:start])
            ):
                # "will call for him to step down on Thursday, officials said": the attribution after the
                # comma dates the telling, not the event; it counts only when nothing else in the sentence does.
                fallback = fallback or kind
                continue
            if kind == "past_ed" or (kind == "past" and cue.group().lower() in PARTICIPLES):
                if cue.group().lower() in NOT_PAST or ADJECTIVE_BEFORE.search(
                    self.text, max(s, cue.start() - 12), cue.start()
                ):
                    continue  # "a still unspecified date": an adjective, not a verb
                # "will be named", "is expected", "to be held": a participle, its auxiliary says the tense.
                auxiliary = AUXILIARY.search(self.text, max(s, cue.start() - 20), cue.start())
                if auxiliary is not None:
                    word = auxiliary.group(1).lower()
                    kind = (
                        "future"
                        if word in ("will", "would", "to", "ll", "shall")
                        else "present"
                        if word in ("is", "are", "be", "am")
                        else "past"
                    )
                elif BY_AFTER.match(self.text, cue.end()):
                    continue  # "followed by an announcement Thursday": a participle phrase, no tense of its own
                else:
                    kind = "past"
            if kind == "past" and cue.end() <= start:
                past_before = True
            between = self.text[cue.end() : start] if cue.end() <= start else self.text[end : cue.start()]
            if CLAUSE_BREAK.search(between):
                # "... would be satisfied with her as nominee in November, while only 49 percent say ...": a
                # verb across a contrasting clause is another clause's; it counts only when the expression's
                # own clause has none.
                distance += CLAUSE_PENALTY
            if best is None or distance < best[0]:
                best = (distance, kind)
                best_cue = cue.group()
                would_after = cue.start() >= end and cue.group().lower() == "would"
        if best is not None and would_after and past_before:
            # "had told ministers on Monday Algeria would respect the law": a "would" after the expression is the
            # future of the past telling before it, which the expression dates.
            return "past", "would"
        return (best[1], best_cue) if best else (fallback, "")


# Verb cues of tense. Words in -ed count as past except the few that are not verbs in the past.
TENSE_CUE = re.compile(
    r"(?P<future>(?i:\bwill\b|\bshall\b|\bwon't\b|'ll\b|\bgoing\s+to\b|\b(?:plans?|planning|expects?|expected"
    r"|scheduled|set|due|hopes?|is|are|aims?|supposed|likely|intends?|wants?|seeks?)\s+to\b|\bas\s+(?:soon|early)\s+as\b|\bwould\b|\bupcoming\b|\bto\s+be\s+held\b"
    # What is planned, scheduled or put off happens later than the telling (a dividend "payable Dec. 15" too).
    r"|\b(?:planned|planning|scheduled|postponed|delayed|adjourned|until|till|effective|payable)\b))"
    r"|(?P<past>(?i:\b(?:said|was|were|had|did|told|met|held|gave|made|took|came|went|began|fell|rose|spoke|sent"
    r"|saw|left|led|won|lost|wrote|became|brought|thought|found|got|paid|sold|bought|struck|fought|ago|last"
    r"|earlier|agreed|since|died|fled|shot|ran|broke|chose|drove|flew|threw|stood|spent|kept)\b))"
    r"|(?P<present>(?i:\b(?:is|are|says|say|tells|tell|am|remains|continues)\b))"
    r"|(?P<past_ed>\b[A-Za-z]{3,}ed\b)"
)
AUXILIARY = re.compile(
    r"(?i)(?:\b|')(will|would|to|shall|ll|is|are|be|am|has|have|had|was|were|been)\s+(?:(?:be|been|being|have)\s+)?"
    r"(?:\w+ly\s+|not\s+)?$"
)
# Where one clause ends and a contrasting one begins: verbs beyond it tell of something else.
CLAUSE_BREAK = re.compile(r"(?i);|,\s+(?:while|whereas|but|although|though)\b")
CLAUSE_PENALTY = 1000
# Verbs of telling: after the expression and a comma they belong to the attribution ("..., he said"). Surface
# forms, not ``SAYING_VERBS`` (lemmas): the past forms of "say" and "tell" among the cue words of ``TENSE_CUE``.
REPORTING = {"said", "told"}
# Cues of a plan made in the past for a later day ("had been scheduled for", "was planned for"): read as past, the
# day they date may still lie after the telling.
FUTURE_OF_PAST = {"would", "planned", "planning", "scheduled", "postponed", "delayed", "adjourned", "until",
                  "till", "effective", "payable", "due", "set", "expected"}  # fmt: skip
BY_AFTER = re.compile(r"(?i)\s+by\b")
# What may open a sentence before a fronted time expression ("Also Tuesday, the commander said ..."): its comma
# ends the adverbial, so a verb of telling after it is the sentence's own verb, not an attribution.
FRONTED = re.compile(
    r"(?i)\W*(?:(?:also|and|but|then|on|earlier|later|late|early|until|since|as\s+of)\s+){0,3}$"
)
# After "was"/"were": a plan made in the past for a later day ("was scheduled to", "were planning").
PLAN_AFTER = re.compile(r"(?i)\s+(?:\w+ly\s+)?(?:planning|scheduled|expected|due|set|going)\b")
# Irregular past forms that are also participles: "would be paid", "will be held" are not past.
PARTICIPLES = {"told", "held", "made", "paid", "sold", "bought", "sent", "struck", "fought", "won", "lost", "found",
               "brought", "thought", "led", "left", "met", "got", "given", "taken", "begun"}  # fmt: skip
# Words after which a form in -ed is an adjective ("an unspecified date", "the proposed merger").
ADJECTIVE_BEFORE = re.compile(r"(?i)\b(?:a|an|the|its|their|his|her|our|still|newly)\s+$")
NOT_PAST = {
    "need",
    "speed",
    "united",
    "red",
    "proceed",
    "exceed",
    "succeed",
    "indeed",
    "seed",
    "feed",
    "breed",
    "bed",
}


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (enough to find a tense cue): split at line breaks and sentence ends, not at the period
    of an abbreviation ("Mr. Smith", "Sept. 4")."""
    bounds = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        stop = match.start()
        if text[stop] == "." and ABBREVIATION_BEFORE.search(text, max(0, stop - ABBREVIATION_LENGTH), stop):
            continue
        bounds.append((start, stop + 1))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


# A stop before a capital (not after a capital: an initial, "U.S."), or a line break.
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z])|\n")
# An abbreviation as text writes it (``text.words.ABBREVIATIONS``), a whole word, right before a period.
ABBREVIATION_BEFORE = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, sorted(ABBREVIATIONS)))})$")
ABBREVIATION_LENGTH = max(map(len, ABBREVIATIONS))


Normalizer = Callable[[re.Match[str], Context], Found | None]


@dataclass
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalize: Normalizer
    # A rule may refuse a match by looking at its surroundings (a year that counts people).
    accept: Callable[[re.Match[str], str], bool] | None = None
    priority: int = 0
    # Classes of words every match contains (``KEY_WORDS``); None: the pattern runs over the whole text.
    key: tuple[str, ...] | None = None


RULES: list[Rule] = []

# The words that every match of a rule contains, by class: a rule's pattern only runs in windows around
# them, which makes tagging several times faster than scanning the whole text with every pattern.
KEY_WORDS = {
    "month": set(MONTHS),
    "weekday": {w for d in WEEKDAYS for w in (d, d + "s")},
    "unit": {
        "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "quarter", "year",
        "decade", "century", "centuries", "millennium", "seconds", "minutes", "hours", "days", "nights", "weeks",
        "weekends", "fortnights", "months", "quarters", "years", "decades",
    },
    "set": {"daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly", "semiannually",
            "morning", "afternoon", "evening", "mornings", "afternoons", "evenings"},
    "deictic": {"today", "yesterday", "tomorrow", "tonight", "tonite"},
    "part": {"morning", "afternoon", "evening", "night", "overnight"},
    "season": {"spring", "summer", "autumn", "fall", "winter"},
    "quarter": {"quarter", "quarters", "half", "period"},
    "century": {"century", "centuries"},
    "clock": {"am", "pm", "m", "noon", "midnight"},
    "spelled": {"nineteen", "eighteen", "twenty", "thousand"},
    "holiday": {"christmas", "year", "independence", "valentine", "halloween", "boxing", "bastille", "veterans",
                "thanksgiving", "election", "easter"},
    "reference": {"now", "current", "currently", "present", "presently", "nowadays", "days", "recent", "recently",
                  "lately", "past", "future", "ahead", "once"},
    "decade": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"},
}  # fmt: skip
RULE_KEYS: dict[str, tuple[str, ...]] = {
    "month-day": ("month",),
    "day-month": ("month",),
    "month-year": ("month",),
    "month-relative-year": ("month",),
    "month": ("month",),
    "week-of-month": ("month",),
    "spelled-year": ("spelled",),
    "year": ("year",),
    "decade": ("decade", "decade-digits"),
    "century": ("century",),
    "quarter": ("quarter",),
    "this-quarter": ("quarter",),
    "quarters-of-year": ("quarter",),
    "year-earlier": ("unit",),
    "year-period": ("year",),
    "season": ("season",),
    "weekday": ("weekday",),
    "deictic-day": ("deictic",),
    "part-of-day": ("part",),
    "clock-time": ("clock",),
    "holiday": ("holiday",),
    "relative-unit": ("unit",),
    "duration": ("unit",),
    "plural-units": ("unit",),
    "recent-units": ("unit",),
    "units-ago": ("unit",),
    "units-long": ("unit",),
    "set": ("unit", "set"),
    "rate": ("unit",),
    "reference": ("reference",),
    "duration-word": ("unit",),
}
KEY_TOKEN = re.compile(r"[a-z]+|\d+", re.IGNORECASE)


def key_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each class of key word occurs in ``text`` (one pass over its lower-cased tokens)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    classes_of: dict[str, list[str]] = {}
    for name, words in KEY_WORDS.items():
        for word in words:
            classes_of.setdefault(word, []).append(name)
    # Tokens of the text itself (lower-casing the whole text first could shift offsets: "İ" is two letters).
    for token in KEY_TOKEN.finditer(text):
        word = token.group().lower()
        if word[0].isdigit():
            if len(word) == 4 and word[:2] in (
                "10",
                "11",
                "12",
                "13",
                "14",
                "15",
                "16",
                "17",
                "18",
                "19",
                "20",
            ):
                spans.setdefault("year", []).append(token.span())
                if word.endswith("0"):
                    spans.setdefault("decade-digits", []).append(token.span())
            elif len(word) == 2 and word.endswith("0"):
                spans.setdefault("decade-digits", []).append(token.span())
            continue
        for name in classes_of.get(word, ()):
            spans.setdefault(name, []).append(token.span())
    return spans


def rule(
    name: str, pattern: str, priority: int = 0, accept: Callable[[re.Match[str], str], bool] | None = None
):
    def decorate(normalize: Normalizer) -> Normalizer:
        # Every expression starts at a word boundary ("now" is not the end of "know").
        compiled = re.compile(r"(?<![\w'])" + pattern, re.VERBOSE)
        RULES.append(Rule(name, compiled, normalize, accept, priority, RULE_KEYS.get(name)))
        return normalize

    return decorate


# ---------------------------------------------------------------------------------------------
# helpers


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def found(m: re.Match[str], type_: str, point: Point | None, confidence: float, **extra: object) -> Found:
    granularity = point.granularity if point else str(extra.pop("granularity", "none"))
    value = point.value if point else extra.pop("value", None)
    return Found(
        start=m.start(),
        end=m.end(),
        type=type_,
        value=value,  # type: ignore[arg-type]
        granularity="day" if granularity == "time" else granularity,
        confidence=confidence,
        point=point,
        **extra,  # type: ignore[arg-type]
    )


def unresolved(m: re.Match[str], type_: str, granularity: str, confidence: float) -> Found:
    """A relative expression in a text whose date is unknown: kept, but without a value."""
    return Found(m.start(), m.end(), type_, None, granularity, confidence, relative=True)


# "Tickets have been sold ahead of Saturday night's concert", "did not offer much new ahead of Thursday's
# testimony": the day lies after the event the clause tells, and news tells of the days up to its date, so the day
# is on or after the page's. The clause's tense dates the selling, not the concert: read from it, a page of Friday
# 7 October 2011 put the concert on the Saturday before (MJ_bbc; BENCHMARKS.md, issue 15, eighteenth session).
AHEAD_OF = re.compile(r"(?i)\b(?:ahead\s+of|in\s+advance\s+of|(?:run|lead|build)-?up\s+to)\s+(?:the\s+)?$")
# With no verb to date it, a day something is set, booked or meant "for" is still ahead: "Doors open at 16:00 BST
# for Saturday's show", "He has a status hearing set for Friday" (MJ_bbc, bpoil_reuters; both read as the day before
# the page until the eighteenth session). A verb's tense still rules: "arrested for Saturday's attack" is past.
FOR_DAY = re.compile(r"(?i)\bfor\s+(?:the\s+)?$")
# A weekday's event that is planned ("Saturday's concert", "Sunday's game", "Tuesday's vote"), told in the present or
# with no verb to date it, is the coming one: "Final preparations are under way for Saturday's stadium concert" and
# "Sunday's game in Dallas also brings together ..." were read as the weekday before the page (MJ_bbc,
# EgyptianProtest_cnn). A past verb still rules ("Saturday's concert raised ..."); nouns of what is only reported
# after it happened (an attack, a report, a poll) are no plan and are left to the tense, and so is an event told
# as over: "the results of Sunday's election show ...", "since Tuesday's vote", "Sunday's election results".
PLANNED_EVENT = re.compile(
    r"\s*['\u2019]s\s+(?:(?!results?\b)[A-Za-z-]+\s+)?(?:concerts?|shows?|gigs?|matche?s?|games?|finals?|races?|votes?|"
    r"elections?|referend(?:um|a)|ballots?|meetings?|summits?|talks|hearings?|debates?|ceremon(?:y|ies)|funerals?|"
    r"memorials?|rall(?:y|ies)|march(?:es)?|parades?|kick-?off)\b(?!\s+(?:results?|outcomes?|winners?)\b)"
)
OVER_BEFORE = re.compile(
    r"(?i)\b(?:results?|outcomes?|wake|aftermath|since|after|following|winners?|losers?)\s+(?:of\s+|from\s+|in\s+)?"
    r"(?:the\s+)?$"
)


def direction(ctx: Context, m: re.Match[str], word: str | None) -> str:
    """Before or after the anchor: from an explicit word (last, next, this), from a preposition that puts the
    day after what the clause tells ("ahead of Saturday's concert"), from a planned event of the day told in the
    present ("preparations are under way for Saturday's concert"), else from the tense."""
    word = (word or "").lower()
    if word in ("last", "past", "this past", "previous"):
        return "past"
    if word in ("next", "coming", "this coming"):
        return "future"
    if AHEAD_OF.search(ctx.text, max(0, m.start() - 30), m.start()):
        return "future"
    tense = ctx.tense(m.start(), m.end())
    if tense is None and FOR_DAY.search(ctx.text, max(0, m.start() - 12), m.start()):
        return "future"
    if (
        tense in (None, "present")
        and PLANNED_EVENT.match(ctx.text, m.end())
        and not OVER_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
    ):
        return "future"
    return tense or "past"


def nearest_weekday(anchor: dt.date, weekday: int, way: str, strict: bool = False) -> dt.date:
    """The given weekday on or before (``past``) or on or after (``future``) the anchor."""
    if way == "future":
        delta = (weekday - anchor.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


# A past verb right before the date, with only prepositions between ("began in March", "since April",
# "fled on March 15"): the date is that verb's own, and a past event does not lie after the article.
ADJACENT_PAST = re.compile(
    r"(?i)\b(?:(?P<verb>[a-z]{3,}ed|began|came|fell|rose|broke|fled|left|met|won|lost|took|held|saw|went"
    r"|struck|fought|sent|led|said|told)|since)\s+(?:(?:in|on|during|of|late|early|mid|from|around)[\s-]+){0,2}$"
)
NOT_AFTER_VERB = re.compile(r"(?i)\b(?:will|would|to|is|are|be|am|been|being)\s+(?:\w+ly\s+)?$")


def past_event_verb(text: str, start: int) -> bool:
    """Is the date at ``start`` governed by the past verb just before it ("began in March")?"""
    match = ADJACENT_PAST.search(text, max(0, start - 40), start)
    if match is None:
        return False
    # "is expected in March", "will be held in April": a participle, not a past event.
    return not (match["verb"] and NOT_AFTER_VERB.search(text, max(0, match.start() - 20), match.start()))


def strictly_past(anchor: dt.date, start: dt.date, granularity: str) -> dt.date:
    """A month (or day) placed after the article's date moved back a year: the event is already past."""
    limit = anchor.replace(day=1) if granularity == "month" else anchor
    return start.replace(year=start.year - 1) if start > limit else start


def place_in_year(anchor: dt.date, month: int, day: int | None, way: str | None) -> dt.date | None:
    """A month (and day) without a year: the occurrence nearest the anchor, unless the tense plainly says
    otherwise (a future verb and a date weeks past, a past verb and a date months ahead).

    News dates a month-day mostly within weeks of the article, on either side: "payable Dec. 15" in a
    story of 2 November is this December's, not last year's. A past verb and a month more than two months
    ahead (a day more than about ten weeks ahead) is last year's: "In January, the company brought in a new
    chief" written in October. Nearer than that, the past verb is mostly the reporting one ("said")."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return None
    reference = anchor if day is not None else anchor.replace(day=1)
    nearest = min(candidates, key=lambda c: abs((c - reference).days))
    offset = (nearest - reference).days
    if way == "future" and offset < -(7 if day is not None else 31):
        later = [c for c in candidates if c > nearest]
        return min(later) if later else nearest
    if (way == "past" and offset > (75 if day is not None else 61)) or (way != "future" and offset > 150):
        earlier = [c for c in candidates if c < nearest]
        return max(earlier) if earlier else nearest
    return nearest


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def time_of_day(part: str | None) -> str:
    return {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI"}.get(
        (part or "").lower(), ""
    )


def duration_value(number: float | None, unit: str) -> str:
    """``P3D``, ``PT2H``, ``P10Y`` (a decade), ``PXY`` (an unknown number of years)."""
    unit = unit.lower()
    if unit == "fortnight":
        number = None if number is None else number * 2
    if unit in ("decade", "century", "centurie", "millennium") and number is not None:
        # TimeBank writes a counted decade or century in years: "the past decade" is P10Y.
        years = number * {"decade": 10, "century": 100, "centurie": 100, "millennium": 1000}[unit]
        if years == int(years):
            return f"P{int(years)}Y"
    if unit == "weekend":
        return "P1WE" if number == 1 else f"P{'X' if number is None else fmt_number(number)}WE"
    letter, is_time = UNITS[unit]
    if number is not None and number != int(number) and letter in ("Y", "D") and not is_time:
        # TimeML writes fractions in the next unit down: "2 1/2 years" is P2Y6M, "a day and a half" P1DT12H.
        whole, rest = int(number), number - int(number)
        if letter == "Y":
            return f"P{whole}Y{int(round(rest * 12))}M" if whole else f"P{int(round(rest * 12))}M"
        return f"P{whole}DT{int(round(rest * 24))}H" if whole else f"PT{int(round(rest * 24))}H"
    if number is None:
        amount = "X"
    elif number != int(number) and letter in ("H", "M") and is_time:
        whole = int(number)
        return f"PT{whole}{letter}{int(round((number - whole) * 60))}{'M' if letter == 'H' else 'S'}"
    else:
        amount = fmt_number(number)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def fmt_number(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


# ---------------------------------------------------------------------------------------------
# absolute dates


@rule(
    "iso-date",
    r"(?<![\w-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2}))?(?![\w-])",
    5,
)
def iso_date(m: re.Match[str], ctx: Context) -> Found | None:
    day = valid_date(int(m["year"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["h"]:
        return found(m, "TIME", Point("time", day, f"{m['h']}:{m['mi']}"), 0.99)
    return found(m, "DATE", Point("day", day), 0.99)


@rule("numeric-date", r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\w/])", 4)
def numeric_date(m: re.Match[str], ctx: Context) -> Found | None:
    year = int(m["year"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    a, b = int(m["a"]), int(m["b"])
    month, day_ = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    day = valid_date(year, month, day_)
    return found(m, "DATE", Point("day", day), 0.9) if day else None


WEEKDAY_PREFIX = rf"(?:{WEEKDAY.replace('?P<weekday>', '?P<prefix_weekday>')},?\s+)?"


@rule(
    "month-day",
    rf"{WEEKDAY_PREFIX}(?:(?i:the)\s+)?{MONTH_ANY}\s+{DAY_OF_MONTH}(?:(?:,\s*|\s+)(?!\d{{4}}\s*(?i:percent|%)){YEAR})?",
    3,
)
def month_day(m: re.Match[str], ctx: Context) -> Found | None:
    return day_month_year(m, ctx)


@rule(
    "day-month",
    rf"{WEEKDAY_PREFIX}(?:(?i:the)\s+)?{DAY_OF_MONTH}\s+(?:(?i:of)\s+)?{MONTH_ANY}(?:,?\s+{YEAR})?",
    3,
)
def day_month(m: re.Match[str], ctx: Context) -> Found | None:
    return day_month_year(m, ctx)


def day_month_year(m: re.Match[str], ctx: Context) -> Found | None:
    month, day_ = month_number(m["month"]), int(m["day"])
    if not 1 <= day_ <= 31:
        return None
    if m["year"]:
        day = valid_date(int(m["year"]), month, day_)
        return found(m, "DATE", Point("day", day), 0.98) if day else None
    if ctx.anchor is None:
        return unresolved(m, "DATE", "day", 0.9)
    way = ctx.tense(m.start(), m.end())
    day = place_in_year(ctx.anchor, month, day_, way if way in ("past", "future") else None)
    if day is None:
        return None
    told_in_past = ctx.told_in_past(m.start(), m.end())
    if past_event_verb(ctx.text, m.start()) or (
        told_in_past and PAST_EVENT_NOUN.search(ctx.text, max(0, m.start() - 30), m.start())
    ):
        # A past event's day is the article's year's only when it is not after the article, else the year
        # before: "resulted in the popstar's death on 25 June" written on 14 June 2010 is 25 June 2009.
        day = strictly_past(ctx.anchor, day, "day")
    if told_in_past and looks_back(ctx, m, month, day):
        # An anniversary or a look back that names another year of that month nearby ("... died in June 2009.
        # ... Jackson died at his home on 25 June"): the year is not sure to be the article's.
        return unresolved(m, "DATE", "day", 0.5)
    return found(m, "DATE", Point("day", day), 0.9, relative=True)


# A noun of a completed event right before its day ("his death on 25 June", "the attack of 9 March"): in a
# sentence told in the past, the day is not after the article.
PAST_EVENT_NOUN = re.compile(
    r"(?i)\b(?:death|birth|murder|killing|shooting|attack|arrest|wedding|funeral|explosion|blast|bombing|crash"
    r"|invasion|resignation|collapse|disappearance|kidnapping|abduction|assassination|massacre|earthquake"
    r"|quake|overdose|defection|coup|raid)\s+(?:on|of)\s+(?:the\s+)?$"
)
# A year named in the text: 1900-2099, not part of a longer number.
NAMED_YEAR = re.compile(r"(?<![\w$#.,/-])(?:19|20)\d\d(?![\w]|[.,]\d|-\d)")
# How far before a day-month (in characters, about two sentences) a year named counts as near.
YEAR_REACH = 300
# An anniversary article is published within a week of the day it remembers.
ANNIVERSARY_DAYS = 7


def looks_back(ctx: Context, m: re.Match[str], month: int, day: dt.date) -> bool:
    """Is the day-month (placed on ``day``) an earlier year's, as an anniversary article tells it: the text, in
    its sentence or just before it, names an anniversary and an earlier year, or names the same month of an
    earlier year ("June 2009", "25 June 2009") while the day falls within ``ANNIVERSARY_DAYS`` of the article?"""
    assert ctx.anchor is not None
    year = day.year
    close = abs((ctx.anchor - day).days) <= ANNIVERSARY_DAYS
    s, e = ctx.sentence_around(m.start(), m.end())
    near = ctx.text[max(0, s - YEAR_REACH) : e]
    anniversary = re.search(r"(?i)\banniversar", near) is not None
    for named in NAMED_YEAR.finditer(near):
        if int(named.group()) >= year:
            continue
        before = near[max(0, named.start() - 16) : named.start()]
        same_month = any(MONTHS.get(w.lower()) == month for w in re.findall(r"[A-Za-z]{3,}", before))
        if anniversary or (same_month and close):
            return True
    return False


@rule("month-year", rf"(?:(?i:the\s+month\s+of)\s+)?{MONTH_ANY}\s*,?\s+(?:(?i:of)\s+)?{YEAR}(?![\w,.]\d)", 2)
def month_year(m: re.Match[str], ctx: Context) -> Found | None:
    return found(m, "DATE", Point("month", dt.date(int(m["year"]), month_number(m["month"]), 1)), 0.97)


@rule(
    "month-relative-year",
    rf"{MONTH_ALONE}\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)(?![\w])",
    2,
)
def month_relative_year(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.anchor is None:
        return unresolved(m, "DATE", "month", 0.9)
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return found(m, "DATE", Point("month", dt.date(year, month_number(m["month"]), 1)), 0.95, relative=True)


SPELLED_YEAR = (
    r"(?P<spelled>(?i:nineteen|eighteen|twenty)[\s-]+(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|(?:oh|o)[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))"
    r"|(?i:two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?))"
)


def spelled_year_value(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[3:])) if len(words) > 3 else 0
        return 2000 + int(rest or 0)
    head = parse_number(words[0])
    tail = parse_number(" ".join(w for w in words[1:] if w not in ("oh", "o")))
    if head is None or tail is None:
        return None
    return int(head) * 100 + int(tail)


@rule(
    "spelled-year",
    rf"(?:(?P<lead>(?i:the\s+year|in|of|since|until|by|fiscal|early|late))\s+|{MONTH_ALONE}\s+|(?P<season>(?i:spring|summer|autumn|fall|winter))\s+(?i:of)\s+)?{SPELLED_YEAR}(?![\w-])",
    2,
    lambda m, text: bool(
        m["lead"]
        or m["month"]
        or m["season"]
        # "nineteen ninety-six" is said of years only (as a count it would be "one thousand nine hundred ...").
        or re.fullmatch(
            r"(?i)(?:nineteen|eighteen)[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\S*(?:[\s-]+\w+)?",
            m["spelled"],
        )
    ),
)
def spelled_year(m: re.Match[str], ctx: Context) -> Found | None:
    year = spelled_year_value(m["spelled"])
    if year is None or not 1000 <= year <= 2100:
        return None
    lead = (m["lead"] or "").lower()
    start = (
        m.start()
        if (lead.startswith("the") or m["month"] or m["season"] or lead in ("early", "late"))
        else m.start("spelled")
    )
    if m["month"]:
        point = Point("month", dt.date(year, month_number(m["month"]), 1))
    elif m["season"]:
        point = Point.season(year, SEASON_CODES[m["season"].lower()])
    else:
        point = Point("year", dt.date(year, 1, 1))
    item = found(m, "DATE", point, 0.85)
    item.start = start
    return item


def month_alone_accept(m: re.Match[str], text: str) -> bool:
    word = m["month"].rstrip(".").lower()
    before = text[max(0, m.start() - 20) : m.start()].lower()
    if m["rel"] and re.match(r"\s+[0-3]?\d(?![\d:.,]\d|\d)", text[m.end() : m.end() + 5]):
        return False  # "last Oct. 23": a day, found by the month-day rule
    if word in ("may", "march") and not m["rel"]:
        # "May" is mostly the verb and "March" the noun: only after a word that calls for a date.
        return bool(
            re.search(
                r"\b(?:in|early|late|mid|since|until|till|by|of|through|before|after|during|from|to|last|next|this)[\s-]+$",
                before,
            )
        )
    return True


@rule(
    "month",
    rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|every|each))\s+)?{MONTH_ALONE}",
    1,
    month_alone_accept,
)
def month_alone(m: re.Match[str], ctx: Context) -> Found | None:
    month = month_number(m["month"])
    rel = (m["rel"] or "").lower()
    if rel in ("every", "each"):  # "each July": a set, whatever the article's date
        return found(m, "SET", None, 0.85, granularity="month", value=f"XXXX-{month:02d}")
    if ctx.anchor is None:
        return unresolved(m, "DATE", "month", 0.8)
    way = direction(ctx, m, rel) if rel and rel != "this" else ctx.tense(m.start(), m.end())
    if rel == "this":
        return found(m, "DATE", Point("month", dt.date(ctx.anchor.year, month, 1)), 0.9, relative=True)
    start = place_in_year(ctx.anchor, month, None, way if way in ("past", "future") else None)
    if (
        rel in ("last", "past", "this past")
        and start is not None
        and start.year == ctx.anchor.year
        and month >= ctx.anchor.month
    ):
        start = start.replace(year=start.year - 1)
    if rel == "next" and start is not None and start.year == ctx.anchor.year and month <= ctx.anchor.month:
        start = start.replace(year=start.year + 1)
    if start is None:
        start = dt.date(ctx.anchor.year, month, 1)
    if not rel and past_event_verb(ctx.text, m.start()):
        start = strictly_past(ctx.anchor, start, "month")
    return found(m, "DATE", Point("month", start), 0.85, relative=True)


@rule(
    "week-of-month",
    rf"(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+){MONTH_ANY}"
    rf"(?:\s*,?\s+{YEAR}(?![\w,.]\d))?",
    3,
)
def week_of_month(m: re.Match[str], ctx: Context) -> Found | None:
    """ "The first week of March": the month's first ISO week (the first holding four of its days)."""
    month = month_number(m["month"])
    if m["year"]:
        first = dt.date(int(m["year"]), month, 1)
    elif ctx.anchor is None:
        return unresolved(m, "DATE", "week", 0.7)
    else:
        first = place_in_year(ctx.anchor, month, None, ctx.tense(m.start(), m.end())) or dt.date(
            ctx.anchor.year, month, 1
        )
    ordinal = m["ord"].lower()
    # As ISO counts a year's first week: a week belongs to the month that holds its Thursday.
    if ordinal in ("last", "final"):
        day = Point("month", first).end
        if day.weekday() < 3:
            day -= dt.timedelta(weeks=1)
    else:
        day = first + dt.timedelta(weeks=ORDINALS[ordinal] - 1 + (first.weekday() > 3))
    return found(m, "DATE", Point.of("week", day), 0.8, relative=not m["year"])


def year_accept(m: re.Match[str], text: str) -> bool:
    if m["lead"]:
        return True
    before = text[max(0, m.start() - 25) : m.start()]
    after = text[m.end() : m.end() + 25]
    if re.search(
        r"(?:[$£€#]|\b(?:No|no|number|Nos?\.|page|pages|route|Route|flight|Flight|room|Room))\s*$", before
    ):
        return False
    if re.match(
        r"\s*(?:[-–]\s*\d|(?i:percent|per\s+cent|people|persons|troops|soldiers|men|women|children|"
        r"workers|employees|jobs|members|shares|barrels|tons|tonnes|feet|foot|meters|metres|miles|km|"
        r"acres|dollars|pounds|euros|yen|points|votes|cases|deaths|kilometers|kilometres|units|cars|"
        r"homes|houses|miles|sq|square|to\s+\d|and\s+\d|or\s+\d))\b",
        after,
    ):
        return False
    if re.search(r"\b(?:19|20)\d\d\s+(?:and|to|or|through)\s+$", before):
        return True  # "between 1985 and 1988 sales doubled": the second year of a pair
    if m["year"] in titled_numbers(text):
        return False
    if counted_noun_after(before, after):
        return False
    quantity_word = re.search(r"\b(?:of|about|some|nearly|almost|around|than|least|to|and)\s+$", before)
    date_phrase = re.search(
        r"\b(?:end|start|beginning|middle|spring|summer|autumn|fall|winter|half|part|quarter|year|class|"
        r"election|elections|budget|season)\s+of\s+$",
        before,
    )
    closes_phrase = re.match(r"\s*(?:[,.;:)]|$|\s*(?:and|when|after|before|until|to|through)\b)", after)
    approximate = re.search(r"\b(?:about|some|nearly|almost|around|than|least)\s+$", before)
    # "about 1500", "more than 2000": a quantity, not a year, unless the words around call for a date.
    return not (quantity_word and not date_phrase and (not closes_phrase or approximate))


# A work named by a number: "George Orwell's dystopian novel, 1984", "the album 1999", or the number alone in
# quotes ("``1984''", "“2012”"). Such a number names the work wherever the text uses it ("the telescreens used in
# 1984"), so it is no year in that text.
TITLED_NUMBER = re.compile(
    r"(?i:\b(?:novel|book|fiction|film|movie|album|song|single|play|musical|poem|opera|title)s?)"
    r"(?:\s+(?i:called|titled|entitled|named))?,?\s+[\"'\u201c\u2018`]*(?P<number>\d{4})\b"
    r"|(?:[\"\u201c\u2018]|``|(?<![\w'])')(?P<quoted>\d{4})(?:[\"\u201d\u2019]|''|'(?!\w))"
)


@functools.lru_cache(maxsize=16)
def titled_numbers(text: str) -> frozenset[str]:
    """The four-digit numbers the text uses as a work's name (``TITLED_NUMBER``)."""
    if "19" not in text and "20" not in text:
        return frozenset()
    return frozenset(m["number"] or m["quoted"] for m in TITLED_NUMBER.finditer(text))


# Makes of cars: "a 2008 Porsche", "his 1999 Ford Explorer" is a model year, which dates no event.
CAR_MAKES = (
    "Acura|Alfa|Aston|Audi|Bentley|BMW|Buick|Cadillac|Chevrolet|Chevy|Chrysler|Citroen|Dodge|Ferrari|Fiat|"
    "Ford|GMC|Harley|Honda|Hummer|Hyundai|Infiniti|Jaguar|Jeep|Kia|Lamborghini|Land\\s+Rover|Lexus|Maserati|"
    "Mazda|Mercedes|Mercury|Mitsubishi|Nissan|Oldsmobile|Opel|Peugeot|Plymouth|Pontiac|Porsche|Range\\s+Rover|"
    "Renault|Rolls|Saab|Saturn|Skoda|Subaru|Suzuki|Tesla|Toyota|Vauxhall|Volkswagen|VW|Volvo"
)
# Words a year is said with ("the 2008 elections", "in 2009 officials said"): before a bare number, they are
# its year evidence even when a plural noun follows.
YEAR_EVIDENCE = re.compile(
    r"(?:\b(?i:in|since|by|until|during|of|from|for|before|after|through|the|this|that|its|their|his|her|our)"
    r"|\b[A-Za-z]+'s|\b[A-Za-z]+s'|[,(])\s*$"
)
# What a count of things looks like after the number: a plural noun ("2000 volunteers", "1500 Americans").
PLURAL_NOUN = re.compile(r"\s+(?:[a-z]+-)?([a-z]{2,}[^s'\W]s|[A-Z][a-z]+(?:ans|is))\b(?!['’])")
# Plural nouns a year names the period of ("1998 earnings", "2008 elections"), and verbs in -s.
PERIOD_PLURALS = frozenset(
    "earnings results sales profits revenues losses gains figures levels rates prices accounts estimates "
    "forecasts games olympics talks statistics numbers totals returns taxes budgets dividends shipments "
    "deliveries exports imports payments contracts bonuses campaigns protests attacks bombings riots floods "
    "midterms primaries elections championships finals models operations plans reforms cuts targets "
    "quarters months weeks days years events".split()
)
NOT_PLURAL = frozenset("was has is does goes sees saw marks brings gives makes says takes".split())


def counted_noun_after(before: str, after: str) -> bool:
    """Is the four-digit number a count or a model year rather than a year: "said 2000 volunteers had joined",
    "about 1500 Americans", "a 2008 Porsche"? A plural noun after it counts, unless a word before it says
    year ("in 2009 officials said", "the 2008 elections"); after "a"/"an" or a possessive, a make of car is a
    model."""
    if re.search(r"\b(?:a|an|A|An|his|her|their|my|our|your)\s+(?:[a-z]+\s+)?$", before) and re.match(
        rf"\s+(?:{CAR_MAKES})\b", after
    ):
        return True
    plural = PLURAL_NOUN.match(after)
    if plural is None or plural[1].lower() in NOT_PLURAL or plural[1].lower() in PERIOD_PLURALS:
        return False
    return not YEAR_EVIDENCE.search(before)


@rule(
    "year",
    rf"(?<![\w$#.,/-])(?:(?P<lead>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|model\s+year|mid-|mid|the\s+early|the\s+late|early|late))[\s-]+)?{YEAR}(?![\w]|[.,]\d|-\d)",
    1,
    year_accept,
)
def year_alone(m: re.Match[str], ctx: Context) -> Found | None:
    lead = (m["lead"] or "").lower()
    mod = "START" if "early" in lead else "END" if "late" in lead else "MID" if "mid" in lead else None
    return found(m, "DATE", Point("year", dt.date(int(m["year"]), 1, 1)), 0.9, mod=mod)


@rule(
    "decade",
    r"(?:(?i:the)\s+)?(?:(?P<dm>(?i:early|late|mid))(?:-|\s+))?(?:(?P<c>1[0-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0'?s"
    r"|(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?![\w])",
    2,
)
def decade(m: re.Match[str], ctx: Context) -> Found | None:
    if m["c"]:
        year = int(m["c"]) * 100 + int(m["d"]) * 10
    else:
        digit = int(m["d2"]) if m["d2"] else DECADE_WORDS[m["w"].lower()]
        if m["w"] and not m.group().lower().startswith("the"):
            return None  # "in his forties" is an age
        century = (ctx.anchor.year // 100 * 100) if ctx.anchor else 1900
        year = century + digit * 10
        if ctx.anchor and year > ctx.anchor.year:
            year -= 100
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m["dm"] or "").lower())
    return found(m, "DATE", Point("decade", dt.date(year, 1, 1)), 0.9, mod=mod)


@rule(
    "century",
    r"(?i:(?:the\s+)?(?:(?P<cm>early|late|mid)[- ])?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[- ]century|(?P<rel>this|last|next|the\s+last|"
    r"the\s+next|the\s+past|the\s+current|the\s+new|the\s+previous)\s+century|the\s+turn\s+of\s+the\s+century)(?![\w])",
    2,
)
def century(m: re.Match[str], ctx: Context) -> Found | None:
    if m["n"] or m["w"]:
        number = int(m["n"]) if m["n"] else ORDINALS[m["w"].lower()]
        return found(m, "DATE", Point("century", dt.date(max(1, (number - 1) * 100), 1, 1)), 0.9)
    if ctx.anchor is None:
        return unresolved(m, "DATE", "century", 0.7)
    rel = (m["rel"] or "").lower()
    if rel.endswith(("last", "past", "previous")) and rel.startswith("the "):
        return found(m, "DURATION", None, 0.7, granularity="century", value=duration_value(1, "century"))
    point = Point.of("century", ctx.anchor)
    if rel in ("last", "the previous"):
        point = point.shift(-1)
    elif rel in ("next", "the next", "the new"):
        point = point.shift(1)
    return found(m, "DATE", point, 0.8, relative=True)


# ---------------------------------------------------------------------------------------------
# quarters, halves and seasons


@rule(
    "quarter",
    r"(?:(?i:the)\s+)?(?:(?:(?P<ago>(?i:year-earlier|year-ago|year-before|comparable|previous\s+year's|last\s+year's))|"
    r"(?P<ahead>(?i:next\s+year's|this\s+year's|the\s+following\s+year's)))\s+)?"
    r"(?:(?i:fiscal\s+)?(?P<fy0>\d{4})(?:'s)?\s+)?(?:(?i:(?P<fiscal>fiscal))\s+(?:(?P<fy>\d{4})\s+)?)?(?P<ord>(?i:first|second|third|fourth|"
    r"1st|2nd|3rd|4th|last|final))[- ](?P<what>(?i:quarter|half))(?P<pl>s)?(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?"
    r"(?:(?i:the\s+year\s+)?)(?P<year>\d{4})|\s+(?:(?i:fiscal)\s+)?(?P<year2>\d{4})(?![\w,.]\d))?(?![\w])",
    3,
)
def quarter(m: re.Match[str], ctx: Context) -> Found | None:
    what = m["what"].lower()
    ordinal = m["ord"].lower()
    count = 4 if what == "quarter" else 2
    number = count if ordinal in ("last", "final") else ORDINALS[ordinal]
    if number > count:
        return None
    given = m["year"] or m["year2"] or m["fy"] or m["fy0"]
    if given:
        year = int(given)
    elif ctx.anchor is None:
        return unresolved(m, "DATE", what, 0.8)
    else:
        year = ctx.anchor.year
    if what == "quarter":
        point = Point("quarter", dt.date(year, number * 3 - 2, 1))
    else:
        point = Point("half", dt.date(year, 1 if number == 1 else 7, 1))
    if m["pl"]:
        return found(m, "SET", None, 0.7, granularity=what, value=f"XXXX-{point.value[5:]}")
    if (
        not given
        and ctx.anchor is not None
        and point.start > ctx.anchor
        and ctx.tense(m.start(), m.end()) == "past"
    ):
        # "announced a drop in profits for the fourth quarter" in January: a quarter that has not begun
        # cannot be told of in the past tense, so it is last year's.
        point = point.shift(-(4 if what == "quarter" else 2))
    if m["ago"]:  # "the year-earlier third quarter": the same quarter a year before
        point = point.shift(-(4 if what == "quarter" else 2))
    elif m["ahead"] and not given and not m["ahead"].lower().startswith("this"):
        point = Point.of(point.granularity, point.start.replace(year=year + 1))  # "next year's first quarter"
    return found(m, "DATE", point, 0.9, relative=not given)


@rule(
    "quarters-of-year",
    r"(?i:(?:the\s+)?(?P<side>first|last|final)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?)(?P<year>1[5-9]\d\d|20\d\d)"
    r"(?![\w-])",
    4,
)
def quarters_of_year(m: re.Match[str], ctx: Context) -> Found | None:
    """ "The first two quarters of 1990": its first half."""
    half = 1 if m["side"].lower() == "first" else 7
    return found(m, "DATE", Point("half", dt.date(int(m["year"]), half, 1)), 0.9)


@rule(
    "this-quarter",
    r"(?i:(?:the\s+(?:latest|current|same|corresponding|most\s+recent|recent|just-ended|just\s+ended|latest\s+fiscal|"
    r"fiscal)\s+(?:quarter|period)|(?P<rel>this|last|next|the\s+previous|the\s+prior|the\s+preceding|the\s+year-ago|"
    r"the\s+year-earlier|the\s+comparable|the\s+year-before|a\s+year-earlier|a\s+year-ago|last\s+year's)\s+"
    r"(?:quarter|period)|the\s+quarter)"
    # "the quarter a year ago", "the same period last year": the quarter spoken of, a year before.
    r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+year\s+before))?)(?![\w-])",
    2,
)
def this_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    text = m.group().lower()
    rel = (m["rel"] or "").lower()
    if (
        "period" in text
        and not rel
        and not m["ago"]
        and not any(w in text for w in ("latest", "current", "recent"))
    ):
        return None  # "the same period", "the fiscal period": no quarter can be told
    if ctx.anchor is None:
        return unresolved(m, "DATE", "quarter", 0.6)
    last = ctx.quarter_reference(m.start())
    reference = last if last is not None and last.granularity == "quarter" else None
    last_ended = Point.of("quarter", ctx.anchor).shift(-1)
    if (
        reference is not None
        and reference.start > last_ended.start
        and any(w in text for w in ("latest", "recent", "just"))
    ):
        reference = None  # "the latest quarter" has been reported on: not the quarter now under way
    if m["ago"] or "year-" in text or "comparable" in text or "last year's" in text:
        base = reference or Point.of("quarter", ctx.anchor).shift(-1)
        return found(m, "DATE", base.shift(-4), 0.7, relative=True, anaphoric=True)
    if rel in ("the previous", "the prior", "the preceding"):
        base = reference or Point.of("quarter", ctx.anchor)
        return found(m, "DATE", base.shift(-1), 0.7, relative=True, anaphoric=True)
    if rel == "last":
        return found(m, "DATE", Point.of("quarter", ctx.anchor).shift(-1), 0.8, relative=True)
    if rel == "next":
        return found(m, "DATE", Point.of("quarter", ctx.anchor).shift(1), 0.8, relative=True)
    if (
        rel == "this"
        and reference is not None
        and reference.start <= last_ended.start
        and (ctx.text.startswith("'s", m.end()) or ctx.tense(m.start(), m.end()) == "past")
    ):
        # "reported a loss for the third quarter ended Sept. 30 ... This quarter's loss includes": the quarter
        # just reported on, not the one under way.
        return found(m, "DATE", reference, 0.7, relative=True, anaphoric=True)
    if "current" in text or rel == "this":
        return found(m, "DATE", Point.of("quarter", ctx.anchor), 0.8, relative=True)
    closing = QUARTER_CLOSING.match(ctx.text, m.end())
    if text == "the quarter" and closing is not None:
        # "the quarter ended July 31" (May to July): a fiscal quarter, named by the calendar quarter that
        # holds most of its three months.
        month = month_number(closing["month"])
        last_day = place_in_year(ctx.anchor, month, 1, "past")
        if last_day is not None:
            end_month = dt.date(last_day.year, month, 1)
            middle = Point("month", end_month).shift(-1)
            return found(m, "DATE", Point.of("quarter", middle.start), 0.7, relative=True)
    # "the latest quarter", "the quarter": the quarter last reported on — the one last mentioned, or the last
    # one that has ended before the document was written.
    point = reference or Point.of("quarter", ctx.anchor).shift(-1)
    return found(m, "DATE", point, 0.7, relative=True, anaphoric=reference is not None)


QUARTER_CLOSING = re.compile(rf"\s+(?i:ended|ending)\s+{MONTH_ANY}")


@rule(
    "year-earlier",
    r"(?i:year-(?:earlier|ago|before|end)|year[- ]to[- ]date|year(?:'s)?\s+end|the\s+full\s+year)(?![\w-])",
    2,
)
def year_earlier(m: re.Match[str], ctx: Context) -> Found | None:
    text = re.sub(r"\s+", " ", m.group().lower())
    if ctx.anchor is None:
        return unresolved(m, "DATE", "year", 0.6)
    if text in ("year-end", "year end", "year's end"):
        return found(m, "DATE", Point.of("year", ctx.anchor), 0.7, relative=True, mod="END")
    if text == "the full year":  # "profit for the full year": the year the results are for, this one
        return found(m, "DATE", Point.of("year", ctx.anchor), 0.6, relative=True)
    if "date" in text:
        return found(m, "DURATION", None, 0.6, granularity="year", value="P1Y")
    return year_before(m, ctx)


def year_before(m: re.Match[str], ctx: Context, years: int = 1) -> Found:
    """ "A year earlier", "year-ago": the same quarter (or month) a year before when the text just named one,
    else the year before the anchor."""
    assert ctx.anchor is not None
    last = ctx.quarter_reference(m.start())
    if last is not None:
        steps = {"quarter": 4, "half": 2}[last.granularity]
        return found(m, "DATE", last.shift(-steps * years), 0.6, relative=True, anaphoric=True)
    return found(m, "DATE", Point.of("year", ctx.anchor).shift(-years), 0.6, relative=True)


@rule("year-period", r"(?i:the\s+)(?P<year>1[5-9]\d\d|20\d\d)\s+(?i:quarter|period)(?![\w-])", 3)
def year_period(m: re.Match[str], ctx: Context) -> Found | None:
    """ "In the 1988 quarter": the quarter the text spoke of, in that year (only the year itself when no
    quarter was spoken of)."""
    year = int(m["year"])
    quarter = ctx.quarter_reference(m.start())
    if quarter is not None:
        point = Point.of(quarter.granularity, quarter.start.replace(year=year))
        return found(m, "DATE", point, 0.7, anaphoric=True)
    item = found(m, "DATE", Point("year", dt.date(year, 1, 1)), 0.8)
    item.start, item.end = m.start("year"), m.end("year")
    return item


@rule(
    "season",
    r"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|early|late|the\s+early|the\s+late|the|mid-|mid|"
    r"the\s+coming|the\s+past))[\s-]*)?(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:(?i:of)\s+)?"
    r"(?P<year>\d{4})(?![\w,.]\d))?(?![\w])",
    1,
    lambda m, text: bool(
        m["year"]
        or (m["rel"] and not (m["season"].lower() == "fall" and m["rel"].lower() in ("the", "mid", "mid-")))
        or (
            m["season"].lower() != "fall"
            and re.search(
                r"\b(?i:in|during|by|until|since|through|over)\s+$", text[max(0, m.start() - 12) : m.start()]
            )
        )
    ),
)
def season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASON_CODES[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    mod = "START" if "early" in rel else "END" if "late" in rel else "MID" if "mid" in rel else None
    if m["year"]:
        return found(m, "DATE", Point.season(int(m["year"]), code), 0.95, mod=mod)
    if ctx.anchor is None:
        return unresolved(m, "DATE", "season", 0.7)
    year = ctx.anchor.year
    current = Point.of("season", ctx.anchor)
    way = direction(
        ctx, m, rel if rel in ("last", "next", "this past", "this coming", "the coming", "the past") else None
    )
    point = Point.season(year, code)
    if code == "WI" and ctx.anchor.month <= 2:
        point = Point.season(year - 1, code)
    backward = rel in ("last", "this past", "the past") or (way == "past" and rel != "this")
    forward = not backward and (rel in ("next", "this coming", "the coming") or way == "future")
    if backward and (point.start > current.start or (rel == "last" and point.start == current.start)):
        point = point.shift(-1)
    elif forward and (point.start < current.start or (rel == "next" and point.start == current.start)):
        point = point.shift(1)
    return found(m, "DATE", point, 0.8, relative=True, mod=mod)


# ---------------------------------------------------------------------------------------------
# days relative to the document date


# "Early Sunday" in a page dated Saturday is the small hours after it, whatever the tense: a report updated past
# midnight, or told from a place ahead of the page's clock (CNN's pages are dated in US time: "Mubarak said early
# Saturday that he asked the government to resign" in a page of Friday 28 January 2011 is the 29th). Read as the
# Sunday before, six days earlier, it was wrong in the audit three rounds running. In Timeline17's 55 "early <the
# day after the page>", a gold timeline holds the day after and not the day six days before 19 times, the reverse 2
# times (BENCHMARKS.md, issue 15, sixteenth session).
SMALL_HOURS = re.compile(r"(?i)\bearly\s+(?:on\s+)?$")


@rule(
    "weekday",
    rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|past|every|each))\s+)?{WEEKDAY}(?P<pl>s)?"
    r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night|overnight)))?(?![\w])",
    1,
)
def weekday(m: re.Match[str], ctx: Context) -> Found | None:
    index = WEEKDAYS[m["weekday"].lower()]
    rel = (m["rel"] or "").lower()
    part = time_of_day(m["part"])
    if rel in ("every", "each") or m["pl"]:
        return found(m, "SET", None, 0.8, granularity="day", value=f"XXXX-WXX-{index + 1}{part}")
    if ctx.anchor is None:
        return unresolved(m, "DATE", "day", 0.7)
    way = direction(ctx, m, rel or None)
    strict = rel in ("last", "next", "this past", "this coming", "past", "coming")
    day = nearest_weekday(ctx.anchor, index, way, strict)
    if (
        not rel
        and index == (ctx.anchor.weekday() + 1) % 7
        and SMALL_HOURS.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        day = ctx.anchor + dt.timedelta(days=1)
    confidence = 0.85 if rel or ctx.tense(m.start(), m.end()) else 0.7
    if part:
        # "Wednesday night" is a TIME: that Wednesday's night (TimeML; AQUAINT often drops the part).
        return found(m, "TIME", Point("time", day, part), confidence, relative=True)
    return found(m, "DATE", Point("day", day), confidence, relative=True)


def not_a_name(m: re.Match[str], text: str) -> bool:
    """ "USA Today", "the Today programme", "NBC's Today show" name a newspaper or a programme, not a day."""
    if not m["word"][:1].isupper():
        return True
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 12]
    return not (
        re.search(r"\bUSA\s+$", before, re.IGNORECASE)
        or re.match(r"\s+(?:show|programme|program)\b", after, re.IGNORECASE)
    )


@rule(
    "deictic-day",
    r"(?i:(?P<the>the\s+day\s+(?:before|after)\s+)?(?P<word>today|yesterday|tomorrow|tonight|tonite)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?)(?![\w])",
    2,
    not_a_name,
)
def deictic_day(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.anchor is None:
        return unresolved(m, "DATE", "day", 0.9)
    word = m["word"].lower()
    offset = {"today": 0, "tonight": 0, "tonite": 0, "yesterday": -1, "tomorrow": 1}[word]
    if m["the"]:
        offset += -1 if "before" in m["the"].lower() else 1
    day = ctx.anchor + dt.timedelta(days=offset)
    part = time_of_day(m["part"]) or ("TNI" if word in ("tonight", "tonite") else "")
    if part:
        return found(m, "TIME", Point("time", day, part), 0.95, relative=True)
    return found(m, "DATE", Point("day", day), 0.95, relative=True)


@rule(
    "part-of-day",
    r"(?i:(?P<rel>this|last|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+(?P<part>morning|afternoon|"
    r"evening|night))(?![\w])",
    1,
)
def part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.anchor is None:
        return unresolved(m, "TIME", "day", 0.8)
    rel = m["rel"].lower()
    day = ctx.anchor - dt.timedelta(days=1 if rel == "last" else 0)
    return found(m, "TIME", Point("time", day, time_of_day(m["part"])), 0.85, relative=True)


@rule(
    "clock-time",
    r"(?<![\w:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b))"
    rf"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time))?(?:,?\s+(?:(?i:on)\s+)?(?P<dmonth>{MONTH_STEM}[a-z]*\.?)\s+(?P<dday>[0-3]?\d)(?!\d))?(?:[,]?\s+(?:(?i:on)\s+)?(?P<dayword>(?i:today|yesterday|"
    rf"tomorrow)|{WEEKDAY}))?|(?<![\w-])(?i:(?P<noon>noon|midnight))(?:\s+(?P<dayword2>(?i:today|yesterday|tomorrow)|"
    rf"{WEEKDAY.replace('?P<weekday>', '?P<weekday2>')}))?",
    3,
)
def clock_time(m: re.Match[str], ctx: Context) -> Found | None:
    if m["noon"]:
        hour, minute = (12, 0) if m["noon"].lower() == "noon" else (24, 0)
        dayword = m["dayword2"]
        weekday_name = m["weekday2"]
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour > 12 or minute > 59:
            return None
        pm = m["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        dayword = m["dayword"]
        weekday_name = m["weekday"]
    if ctx.anchor is None:
        return unresolved(m, "TIME", "day", 0.85)
    day = ctx.anchor
    if not m["noon"] and m["dmonth"] and m["dmonth"].rstrip(".").lower() in MONTHS:
        day = place_in_year(ctx.anchor, MONTHS[m["dmonth"].rstrip(".").lower()], int(m["dday"]), None) or day
    if weekday_name:
        day = nearest_weekday(ctx.anchor, WEEKDAYS[weekday_name.lower()], direction(ctx, m, None))
    elif dayword:
        day = ctx.anchor + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[dayword.lower()])
    if hour == 24:
        return found(m, "TIME", Point("time", day, "24:00"), 0.85, relative=True)
    return found(m, "TIME", Point("time", day, f"{hour:02d}:{minute:02d}"), 0.85, relative=True)


HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "new year's": (1, 1), "independence day": (7, 4), "valentine's day": (2, 14),
    "halloween": (10, 31), "boxing day": (12, 26), "bastille day": (7, 14), "veterans day": (11, 11),
}  # fmt: skip


def easter_sunday(year: int) -> dt.date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month, day = divmod(h + l_ - 7 * m + 90, 25)
    return dt.date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def holiday_date(name: str, year: int) -> dt.date:
    if name.startswith("thanksgiving"):  # the fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":  # United States: the Tuesday after the first Monday of November
        first_monday = dt.date(year, 11, 1) + dt.timedelta(days=(0 - dt.date(year, 11, 1).weekday()) % 7)
        return first_monday + dt.timedelta(days=1)
    if name.startswith("easter"):
        return easter_sunday(year)
    month, day_of_month = HOLIDAYS[name]
    return dt.date(year, month, day_of_month)


@rule(
    "holiday",
    r"(?:(?i:last|next|this)\s+)?(?P<name>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+Eve|New\s+Year's\s+Day|New\s+Year's|"
    r"Independence\s+Day|Valentine's\s+Day|Halloween|Boxing\s+Day|Bastille\s+Day|Veterans\s+Day|"
    r"Thanksgiving(?:\s+Day)?|Election\s+Day|Easter(?:\s+Sunday)?)(?P<week>\s+(?:week|holidays?|break|vacation|recess))?(?:\s+(?P<year>\d{4}))?(?![\w])",
    2,
)
def holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = re.sub(r"\s+", " ", m["name"].lower())
    if m["year"]:
        year = int(m["year"])
    elif ctx.anchor is None:
        return unresolved(m, "DATE", "day", 0.7)
    else:
        year = ctx.anchor.year
    day = holiday_date(name, year)
    if not m["year"] and ctx.anchor is not None:
        way = ctx.tense(m.start(), m.end())
        first_day = Point.of("week", day).start if m["week"] else day
        if (way == "past" or m.group().lower().startswith("last")) and first_day > ctx.anchor + dt.timedelta(
            days=1
        ):
            day = holiday_date(name, year - 1)
    if m["week"]:
        # "Easter week", "Christmas week": the week of that day (TimeBank: "Easter week" 2000-W16). A holiday period
        # ("over the Easter holidays", "the Christmas break", "the Easter recess") is no day of an event either: it
        # is read as that week too, the nearest period the calendar has, so that it dates no day's entry ("A lot of
        # people have come back from Mexico over the Easter holidays", H1N1_bbc, was the entry of Easter Sunday).
        return found(m, "DATE", Point.of("week", day), 0.7, relative=not m["year"])
    return found(m, "DATE", Point("day", day), 0.8, relative=not m["year"])


# ---------------------------------------------------------------------------------------------
# "last week", "this year", "the following day", "earlier this month"

REL_WORDS = (
    r"this\s+past|this\s+coming|this|last|next|past|previous|coming|current|the\s+past|the\s+last|the\s+next|"
    r"the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|the\s+prior|the\s+preceding|"
    r"the\s+succeeding|that|the|a|one"
)


@rule(
    "relative-unit",
    rf"(?P<rel>(?i:{REL_WORDS}))\s+(?P<unit>(?i:week|weekend|month|year|decade|fiscal\s+year|day|night))"
    r"(?P<after>\s+(?i:before|after|earlier|later|ago|before\s+that))?(?![\w-])",
    1,
)
def relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower()).replace("fiscal ", "")
    after = (m["after"] or "").strip().lower()
    granularity = UNIT_GRANULARITY[unit]
    if after and rel in ("this", "last", "next", "past", "coming", "current", "this past", "this coming"):
        # "this week after talks broke down": "after" begins a clause, it does not count from the week.
        pattern = next(r.pattern for r in RULES if r.name == "relative-unit")
        shorter = pattern.match(ctx.text, m.start(), m.start("after"))
        return relative_unit(shorter, ctx) if shorter is not None else None
    if rel in ("a", "one") and not after:
        return None  # "a year" alone is a duration (another rule)
    if rel == "the" and not after and unit not in ("week", "weekend", "month", "year", "day"):
        return None
    if rel == "that" and unit not in ("day", "week", "month", "year", "night"):
        return None
    if (
        unit in ("day", "night")
        and rel in ("this", "last", "next", "past", "coming", "current", "the")
        and not (rel == "the" and after)
    ):
        return None  # "this day" / "the day" alone rarely name a date
    if (
        rel == "the"
        and unit == "year"
        and not after
        and (
            re.search(r"(?i)\b(?:for|over|throughout)\s+$", ctx.text[max(0, m.start() - 12) : m.start()])
            # "in the year ended March 31": a company's twelve-month fiscal year, not the calendar year.
            or re.match(r"(?i)\s+end(?:ed|ing)\b", ctx.text[m.end() : m.end() + 8])
        )
    ):
        return found(m, "DURATION", None, 0.6, granularity="year", value="P1Y")
    if rel in ("the past", "the last", "the next", "the coming") and not after and unit == "year":
        if ctx.anchor is None:
            return unresolved(m, "DATE", "year", 0.6)
        # TimeBank dates "over the past year" as the year before the article ("the next year": the one after),
        # but the text means the twelve months up to (or from) the article: no day of last year is meant.
        step = -1 if rel in ("the past", "the last") else 1
        return found(m, "DATE", Point.of("year", ctx.anchor).shift(step), 0.6, relative=True, rolling=True)
    next_in_story = (
        rel == "the next"
        and unit in ("day", "night", "week", "month")
        and not re.search(
            r"(?i)\b(?:for|over|in|within|during|throughout|through|into)\s+$",
            ctx.text[max(0, m.start() - 12) : m.start()],
        )
    )  # "The next day, shares fell": the day after the one told of ("over the next day" is a stretch)
    if rel in ("the past", "the last", "the next", "the coming") and not after and not next_in_story:
        return found(m, "DURATION", None, 0.75, granularity=granularity, value=duration_value(1, unit))
    if ctx.anchor is None:
        return unresolved(m, "DATE", granularity, 0.7)
    if rel in (
        "the following",
        "the next",
        "the succeeding",
        "the previous",
        "the prior",
        "the preceding",
        "the same",
        "that",
        "the",
        "a",
        "one",
    ) and (unit in ("day", "night") or rel not in ("the",)):
        # Anaphoric: counted from the last date the text mentioned (the document's date when none).
        reference = ctx.reference(m.start())
        anaphoric = reference is not None and granularity_rank(reference.granularity) <= granularity_rank(
            granularity
        )
        base = (
            reference.coarsen(granularity)
            if reference is not None and anaphoric
            else Point.of(granularity, ctx.anchor)
        )
        step = {
            "the following": 1,
            "the next": 1,
            "the succeeding": 1,
            "the previous": -1,
            "the prior": -1,
            "the preceding": -1,
        }.get(rel, 0)
        if after:
            step = -1 if after in ("before", "earlier", "before that", "ago") else 1
            if rel in ("a", "one") and after == "ago":
                base = Point.of(granularity, ctx.anchor)
        point = base.shift(step)
        if unit == "weekend":
            point = Point("week", point.start, "WE")
        return found(m, "DATE", point, 0.6, relative=True, anaphoric=anaphoric)
    if rel == "last" and unit == "year" and not after:
        quarter = ctx.quarter_reference(m.start(), reach=400)
        sentence_start, _ = ctx.sentence_around(m.start(), m.end())
        if quarter is not None and (
            COMPARISON.search(ctx.text, sentence_start, m.start()) or ctx.text.startswith("'s", m.end())
        ):
            # Earnings: "$6.1 million, compared with $3 million last year" is the same quarter a year before.
            steps = 4 if quarter.granularity == "quarter" else 2
            return found(m, "DATE", quarter.shift(-steps), 0.6, relative=True, anaphoric=True)
    point = Point.of(granularity, ctx.anchor)
    if rel in ("last", "past", "previous", "this past") and not (
        unit == "week" and ctx.anchor.weekday() == 6
    ):
        # (On a Sunday, "last week" is the Monday-to-Saturday just ended: the ISO week of the Sunday itself.)
        point = point.shift(-1)
    elif rel in ("next", "coming", "this coming"):
        point = point.shift(1)
    if unit == "weekend":
        if (
            rel in ("this", "the", "current")
            and ctx.tense(m.start(), m.end()) == "past"
            and ctx.anchor.weekday() < 5
        ):
            point = point.shift(-1)
        point = Point("week", point.start, "WE")
    confidence = 0.9 if rel in ("last", "this", "next") else 0.7
    return found(m, "DATE", point, confidence, relative=True)


COMPARISON = re.compile(r"(?i)\b(?:compared|from|than|versus|against)\b")


def granularity_rank(granularity: str) -> int:
    """Finer granularities rank lower: a day (1) can be counted in weeks (2), not the reverse."""
    return GRANULARITIES.index(granularity)


# ---------------------------------------------------------------------------------------------
# durations, "three days ago", "a year earlier"


@rule(
    "duration",
    rf"(?:(?P<the>(?i:the|these|those|its|their|his|her|our|this|that))\s+)?(?:(?P<dir>(?i:past|last|next|first|"
    r"coming|previous|final|latest|following|preceding|remaining|initial|prior|ensuing|recent|subsequent))\s+)?"
    rf"{NUMBER}(?:\s+|-)(?:(?i:more|additional|extra|full|straight|consecutive|long|trading|business|working)\s+)?{UNIT}"
    r"(?:\s+(?P<rel>(?i:ago|earlier|later|before|after|from\s+now|hence|or\s+so\s+ago|or\s+so\s+later)))?(?![\w-])",
    2,
)
def duration(m: re.Match[str], ctx: Context) -> Found | None:
    item = duration_of(m, ctx)
    if (
        item is not None
        and m["rel"]
        and (m["the"] or "").lower() in ("her", "his", "its", "their", "our")
        and item.start == m.start()
    ):
        # "attacked her three weeks ago": before a counted "ago" the pronoun is the verb's object.
        item.start = m.start("number")
    return item


def duration_of(m: re.Match[str], ctx: Context) -> Found | None:
    unit = m["unit"].lower()
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", m["number"]):
        return None  # "the 1988 quarter": a year, not a count
    if unit == "quarter" and (
        re.match(r"[\w ]+-quarters?$", m.group()) or re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4])
    ):
        return None  # "three-quarters of", "a quarter of": fractions
    number = parse_number(m["number"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    direction_word = (m["dir"] or "").lower()
    if (
        not rel
        and m.group().lower() == "one day"
        and re.search(
            r"(?i)\b(?:will|would|could|may|might|can|shall|hope\s+to)\s+$",
            ctx.text[max(0, m.start() - 12) : m.start()],
        )
    ):
        return found(m, "DATE", None, 0.7, granularity="none", value="FUTURE_REF")  # "will one day be"
    if unit == "night" and not rel:
        return found(m, "DURATION", None, 0.7, granularity="day", value=duration_value(number, "day"))
    if rel in ("earlier", "later") and unit in (
        "day",
        "week",
        "hour",
        "minute",
        "second",
        "night",
        "weekend",
        "fortnight",
    ):
        # TimeML: in "three days later" the expression is the duration "three days"; "later" only links it.
        item = found(
            m,
            "DURATION",
            None,
            0.8,
            granularity=UNIT_GRANULARITY.get(unit, "none"),
            value=duration_value(number, unit),
        )
        item.end = m.start("rel") - 1 if m["rel"] else item.end
        while item.end > item.start and ctx.text[item.end - 1].isspace():
            item.end -= 1
        return item
    if rel in ("ago", "or so ago", "earlier", "later", "hence", "from now", "or so later"):
        granularity = UNIT_GRANULARITY.get(unit)
        if granularity is None:  # "three hours ago": a time on the document's day
            if ctx.anchor is None:
                return unresolved(m, "TIME", "day", 0.7)
            return found(m, "DATE", Point("day", ctx.anchor), 0.6, relative=True)
        if number is None:
            if rel in ("ago", "or so ago", "earlier"):
                return found(m, "DATE", None, 0.7, granularity="none", value="PAST_REF")
            return found(m, "DATE", None, 0.7, granularity="none", value="FUTURE_REF")
        if ctx.anchor is None:
            return unresolved(m, "DATE", granularity, 0.8)
        sign = -1 if rel in ("ago", "or so ago", "earlier") else 1
        base = Point.of(granularity, ctx.anchor)
        if granularity in ("decade", "century") and number == int(number):
            # "a decade ago" is a year (1989 in 1999), not the decade before.
            years = int(number) * (10 if granularity == "decade" else 100)
            return found(
                m, "DATE", Point("year", dt.date(ctx.anchor.year + sign * years, 1, 1)), 0.7, relative=True
            )
        if granularity == "year" and sign < 0 and number == int(number):
            return year_before(m, ctx, int(number))
        last = ctx.reference(m.start())
        if (
            rel in ("earlier", "later")
            and last is not None
            and granularity_rank(last.granularity) <= granularity_rank(granularity)
        ):
            # "three days later" counts from the date the text last spoke of.
            if unit == "fortnight":
                number *= 2
            return found(
                m,
                "DATE",
                last.coarsen(granularity).shift(sign * int(number)),
                0.6,
                relative=True,
                anaphoric=True,
            )
        if unit == "fortnight":
            number *= 2
        if number != int(number):
            return found(
                m, "DATE", None, 0.6, granularity=granularity, value="PAST_REF" if sign < 0 else "FUTURE_REF"
            )
        return found(m, "DATE", base.shift(sign * int(number)), 0.8, relative=True)
    if direction_word == "recent" and number is None:
        return found(m, "DATE", None, 0.6, granularity="none", value="PAST_REF")
    if re.search(r"(?i)\b(?:each|every|both)\s+of\s+$", ctx.text[max(0, m.start() - 12) : m.start()]):
        # "in each of the last three years": every one of them, a set of years.
        return found(m, "SET", None, 0.7, granularity=UNIT_GRANULARITY.get(unit, "none"),
                     value=duration_value(1, unit))  # fmt: skip
    if (
        not rel
        and not m["the"]
        and not direction_word
        and ctx.anchor is not None
        and number is not None
        and number == int(number)
        and unit in ("day", "week", "month", "year")
        and IN_TIME.search(ctx.text, max(0, m.start() - 30), m.start())
        and not re.match(r"\s*(?:of|from|to|and|or)\b", ctx.text[m.end() : m.end() + 6])
        and ctx.tense(m.start(), m.end()) == "future"
    ):
        # "The stock would be redeemed in five years": the date five years on, not a length of time.
        return found(
            m, "DATE", Point.of(UNIT_GRANULARITY[unit], ctx.anchor).shift(int(number)), 0.6, relative=True
        )
    return found(
        m,
        "DURATION",
        None,
        0.85,
        granularity=UNIT_GRANULARITY.get(unit, "none"),
        value=duration_value(number, unit),
    )


# "in five years" right before a count, but not "the first time in five years", "the lowest in two years".
IN_TIME = re.compile(
    r"(?i)(?<!\btime\s)(?<!\bhigh\s)(?<!\blow\s)(?<!\bmost\s)(?<!\bleast\s)(?<!\bever\s)\bin\s+$"
)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@rule(
    "plural-units",
    r"(?P<lead>(?i:for|over|within|in|during|take|takes|took|taken|taking|lasted|last|lasting|spent|spend|"
    r"spends|wait|waited|after|about)\s+)(?:(?i:the\s+)?(?P<dir>(?i:past|last|next|coming|recent|following))\s+)?"
    r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))(?![\w])",
    0,
)
def plural_units(m: re.Match[str], ctx: Context) -> Found | None:
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    direction_word = (m["dir"] or "").lower()
    start = m.start("dir") if m["dir"] else m.start("unit")
    if m.group().lower().find("the ") >= 0 and m["dir"]:
        start = m.start() + len(m["lead"])
    if direction_word in ("recent", "past", "last") and unit in (
        "days",
        "weeks",
        "months",
        "years",
        "day",
        "week",
        "month",
        "year",
    ):
        value = "PAST_REF" if direction_word == "recent" else duration_value(None, unit)
        type_ = "DATE" if direction_word == "recent" else "DURATION"
        return Found(start, m.end(), type_, value, "none", 0.6, rule="plural-units")
    if direction_word in ("coming", "next", "following"):
        return Found(start, m.end(), "DATE", "FUTURE_REF", "none", 0.6, rule="plural-units")
    return Found(start, m.end(), "DURATION", duration_value(None, unit), "none", 0.6, rule="plural-units")


@rule(
    "recent-units",
    r"(?i:(?:(?:the|in)\s+)?(?P<w>recent|coming|past\s+few|last\s+few|next\s+few|few|past)\s+(?P<unit>days|weeks|months|years|decades))(?![\w])",
    1,
)
def recent_units(m: re.Match[str], ctx: Context) -> Found | None:
    w = m["w"].lower()
    start = m.start("w") if m.group().lower().startswith("in ") else m.start()
    if w == "few":
        return None
    unit = m["unit"].lower().rstrip("s")
    if w in ("recent", "coming", "next few") and unit != "year":
        # "in recent weeks", "in coming months": TimeML calls these durations of unknown length.
        return Found(start, m.end(), "DURATION", duration_value(None, unit), "none", 0.6, rule="recent-units")
    value = "FUTURE_REF" if w in ("coming", "next few") else "PAST_REF"
    return Found(start, m.end(), "DATE", value, "none", 0.6, rule="recent-units")


@rule(
    "units-ago",
    r"(?<![\w-])(?i:(?P<unit>days|weeks|months|years|decades)\s+ago)(?![\w])",
    0,
)
def units_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """ "Weeks ago", "years ago" with no count ("three years ago" is the longer duration match): some time
    before the article."""
    return found(m, "DATE", None, 0.6, granularity="none", value="PAST_REF")


@rule("units-long", r"(?<![\w-])(?i:(?P<unit>hours|days|weeks|months|years|decades)-long)(?![\w-])", 0)
def units_long(m: re.Match[str], ctx: Context) -> Found | None:
    """ "A months-long campaign", "decades-long": a duration of some number of those units."""
    unit = m["unit"].lower().rstrip("s")
    if unit == "decade":
        unit = "year"  # TimeML writes an unknown number of decades as years (PXY)
    return found(m, "DURATION", None, 0.6, granularity="none", value=duration_value(None, unit))


# ---------------------------------------------------------------------------------------------
# sets and reference words


@rule(
    "set",
    r"(?i:(?:every|each|per)\s+(?:(?P<other>other|second)\s+)?(?P<unit>second|minute|hour|day|night|week|weekend|month|quarter|"
    r"year|decade|morning|afternoon|evening)|(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|"
    r"semiannually))(?![\w])",
    1,
)
def set_expression(m: re.Match[str], ctx: Context) -> Found | None:
    if m["adverb"]:
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "hourly": "hour", "nightly": "day", "biweekly": "week", "semiannually": "month"}[m["adverb"].lower()]  # fmt: skip
        number = {"biweekly": 2, "semiannually": 6}.get(m["adverb"].lower(), 1)
        return found(m, "SET", None, 0.8, granularity="none", value=duration_value(number, unit))
    unit = m["unit"].lower()
    if unit in ("morning", "afternoon", "evening"):
        return found(m, "SET", None, 0.8, granularity="none", value=f"XXXX-XX-XXT{time_of_day(unit)}")
    number = 2 if m["other"] else 1
    return found(
        m,
        "SET",
        None,
        0.8,
        granularity="none",
        value=duration_value(number, unit if unit != "night" else "day"),
    )


@rule(
    "rate",
    r"(?i:\b(?:a|an|per)\s+(?P<unit>year|day|week|month|hour))(?![\w-])(?!\s+(?i:ago|earlier|later|before|after|or|and))",
    # Above the duration "a year": "$33 million a year" is a rate whenever the words before count something.
    3,
    lambda m, text: (
        bool(
            re.search(
                r"(?i)(?:\d|\b(?:times|twice|once|million|billion|thousand|hundred|percent|dollars|cents|[a-z]+s))\s*,?\s*$",
                text[max(0, m.start() - 30) : m.start()],
            )
        )
        and not re.search(
            r"(?i)\b(?:for|in|about|nearly|almost|than|least|within|over|after|before|only|just)\s+$",
            text[max(0, m.start() - 12) : m.start()],
        )
    ),
)
def rate(m: re.Match[str], ctx: Context) -> Found | None:
    return found(m, "SET", None, 0.7, granularity="none", value=duration_value(1, m["unit"]))


@rule(
    "reference",
    r"(?i:(?P<present>right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|the\s+present)"
    r"|(?P<past>recently|lately|the\s+past|in\s+the\s+past(?=\W)|once\s+upon\s+a\s+time|more\s+recently)"
    r"|(?P<future>the\s+near\s+future|the\s+future|the\s+years\s+ahead))(?![\w'])",
    0,
    lambda m, text: (
        not re.match(
            r"\s+(?:\d|(?i:few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade|day|quarter|century))",
            text[m.end() : m.end() + 12],
        )
        and not (m.group().lower() == "now" and re.match(r"\s+(?i:that)\b", text[m.end() : m.end() + 8]))
    ),
)
def reference(m: re.Match[str], ctx: Context) -> Found | None:
    value = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
    start = m.start()
    if m.group().lower().startswith("in the past"):
        start += 3
    return Found(start, m.end(), "DATE", value, "none", 0.6, rule="reference")


@rule(
    "duration-word",
    r"(?i:(?P<w>(?:a|one|half\s+a|half\s+an|an)\s+(?:hour|minute|second|day|week|month|year|decade|century|fortnight|quarter)|(?:a|one)\s+and\s+a\s+half\s+(?:hours|days|weeks|months|years)))(?![\w-])",
    1,
)
def duration_word(m: re.Match[str], ctx: Context) -> Found | None:
    words = m.group().lower().split()
    unit = words[-1].rstrip("s")
    number = 0.5 if words[0] == "half" else 1.5 if "half" in words else 1
    if unit == "quarter" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None
    return found(
        m,
        "DURATION",
        None,
        0.6,
        granularity=UNIT_GRANULARITY.get(unit, "none"),
        value=duration_value(number, unit),
    )


# Words before a date that say which part of it is meant ("early August"), kept inside the expression.
DATE_MODIFIER = re.compile(
    r"(?i:\b(?P<m>the\s+(?:end|beginning|start|middle|close|turn)\s+of(?:\s+the)?|"
    r"(?:the\s+)?(?:first|second|last)\s+half\s+of|(?:as\s+)?(?:early|late)\s+as|no\s+later\s+than|"
    r"early|late|earlier|later|mid|middle|nearly|almost|some\s+time)(?:\s+|-))$"
)
DURATION_MODIFIER = re.compile(
    r"(?i:\b(?P<m>more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|approximately|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|over|under|just\s+over|just\s+under|"
    r"some|only|barely|close\s+to|well\s+over)\s+)$"
)
MODIFIER_CODES = {
    "early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END", "close": "END",
    "mid": "MID", "middle": "MID", "more than": "MORE_THAN", "over": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "nearly": "APPROX", "almost": "APPROX", "about": "APPROX",
    "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX", "close to": "APPROX",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip


def extend_with_modifier(item: Found, text: str) -> None:
    """Take in the modifier words before an expression ("the end of", "more than") and set TimeML ``mod``."""
    window = text[max(0, item.start - 40) : item.start]
    pattern = DURATION_MODIFIER if item.type == "DURATION" else DATE_MODIFIER
    match = pattern.search(window)
    if match is None:
        return
    if match["m"].lower() in ("over", "under") and re.match(r"(?i)the\b", text[item.start : item.end]):
        return  # "over the past decade": a preposition, not "more than"
    item.start -= len(window) - match.start()
    words = match["m"].lower()
    for key, code in MODIFIER_CODES.items():
        if re.search(rf"\b{key}\b", words):
            item.mod = item.mod or code
            break
