"""Time expressions: find them in text and normalize them to TimeML values against the article's date.

A fast rule-based tagger in the manner of HeidelTime, with no parse: regular expressions find the
expressions (``storyline.annotate.timex.rules``), and each rule resolves its own against the *anchor* — the
article's publication date — and against the last date the text mentioned. Weekdays and months
without a year are put before or after the anchor by the nearest verb's tense::

    >>> import datetime as dt
    >>> [(t.text, t.value) for t in tag("Clinton said Tuesday the U.S. will act on Thursday.", dt.date(2011, 8, 17))]
    [('Tuesday', '2011-08-16'), ('Thursday', '2011-08-18')]

Without an anchor, relative expressions are kept but unresolved (``value`` None, ``resolved``
False); absolute ones ("August 2011") are resolved all the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ...model import Article, TimeExpression
from .calendar import Point, point_of_value
from .rules import RULES, Context, Found, extend_with_modifier, key_spans, sentence_bounds

__all__ = ["Point", "anchor_of", "event_point", "point_of_value", "tag", "tag_article", "tag_articles"]


def candidates(text: str) -> list[tuple[int, int, int, int]]:
    """Every accepted rule match as ``(start, end, rule index, priority)``."""
    keys = key_spans(text)
    found = []
    for index, item in enumerate(RULES):
        seen: set[tuple[int, int]] = set()
        for window_start, window_end in windows(len(text), keys, item.key):
            for match in item.pattern.finditer(text, window_start, window_end):
                if match.end() == match.start() or (match.start(), match.end()) in seen:
                    continue
                seen.add((match.start(), match.end()))
                if item.accept is not None and not item.accept(match, text):
                    continue
                found.append((match.start(), match.end(), index, item.priority))
    return found


# How far a rule's match may reach before and after the key word it contains.
WINDOW_BEFORE, WINDOW_AFTER = 70, 50


def windows(
    length: int, keys: dict[str, list[tuple[int, int]]], classes: tuple[str, ...] | None
) -> list[tuple[int, int]]:
    """Stretches of the text around the rule's key words (merged), or the whole text for a rule without keys."""
    if classes is None:
        return [(0, length)]
    hits = sorted(span for name in classes for span in keys.get(name, ()))
    spans: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - WINDOW_BEFORE), min(length, hit_end + WINDOW_AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def select(found: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Non-overlapping matches, longest first (then the rule's priority): "Aug. 18, 2011" beats "2011"."""
    taken: list[tuple[int, int, int, int]] = []
    occupied: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[3], f[0])):
        start, end = item[0], item[1]
        if any(start < e and s < end for s, e in occupied):
            continue
        taken.append(item)
        occupied.append((start, end))
    return sorted(taken)


def tag(text: str, published: dt.date | None, *, offset: int = 0) -> list[TimeExpression]:
    """Find and normalize the time expressions of ``text``, written on ``published`` (None: unknown).

    ``offset`` is added to every character position (to tag a slice of a larger text).
    """
    context = Context(text=text, anchor=published, sentence_bounds=sentence_bounds(text))
    result: list[TimeExpression] = []
    for start, end, index, _priority in select(candidates(text)):
        item = RULES[index]
        match = item.pattern.match(text, start)
        if match is None or match.end() != end:
            match = next((m for m in item.pattern.finditer(text, start) if m.start() == start), None)
        if match is None:
            continue
        try:
            normalized: Found | None = item.normalize(match, context)
        except (ValueError, OverflowError):
            # A date outside the calendar ("125,000 years ago"): no value can be written for it.
            normalized = None
        if normalized is None:
            continue
        normalized.rule = normalized.rule or item.name
        extend_with_modifier(normalized, text)
        if normalized.point is not None and normalized.type in ("DATE", "TIME") and not normalized.anaphoric:
            context.last_point = normalized.point
            context.last_point_end = normalized.end
        if (
            normalized.point is not None
            and normalized.point.granularity in ("quarter", "half")
            and not normalized.anaphoric
        ):
            context.last_quarter = normalized.point
            context.last_quarter_end = normalized.end
        elif normalized.type == "DURATION" and re.fullmatch(
            r"P(?:[6-9]|1[0-2])M|P1Y", normalized.value or ""
        ):
            context.last_quarter = None  # "for the nine months": later comparisons are of that longer period
        elif normalized.point is not None and normalized.point.granularity == "year" and normalized.relative:
            context.last_quarter = None  # "no profit this year ...": the text has moved on to whole years
        result.append(
            TimeExpression(
                text=text[normalized.start : normalized.end],
                start=normalized.start + offset,
                end=normalized.end + offset,
                value=normalized.value,
                type=normalized.type,
                granularity=normalized.granularity,
                confidence=normalized.confidence,
                resolved=normalized.value is not None,
                relative=normalized.relative,
                mod=normalized.mod,
                rule=normalized.rule,
                rolling=normalized.rolling,
            )
        )
    return result


def anchor_of(article: Article) -> dt.date | None:
    """The date relative expressions are counted from: the article's publication date when it is stated
    (in the page or the text) or given by the user; an estimated date is not trusted for that."""
    if article.published is None or article.published_estimated:
        return None
    return article.published


def tag_article(article: Article) -> Article:
    """Fill ``article.timexes`` from its text and date (relative ones stay unresolved when the date is unknown)."""
    article.timexes = tag(article.text, anchor_of(article))
    return article


def tag_articles(articles: Iterable[Article]) -> list[Article]:
    return [tag_article(a) for a in articles]


def event_point(timex: TimeExpression) -> Point | None:
    """The calendar period a DATE or TIME expression names, or None (durations, sets, ``PAST_REF``, and
    stretches up to the article's date such as "the past year", whose calendar value is only a convention)."""
    if timex.type not in ("DATE", "TIME") or not timex.value or timex.rolling:
        return None
    return point_of_value(timex.value)
