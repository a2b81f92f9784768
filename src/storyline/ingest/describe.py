"""Describe: title, outlet, byline, language and publication date, each with how it was found.

The publication date comes from the strongest evidence the document holds, in this order (the
provenance code and confidence are stored on the article):

=================================  ==========================================  ==========
evidence                           provenance                                  confidence
=================================  ==========================================  ==========
a date meta tag / JSON-LD          ``meta:<tag>``, ``json-ld:datePublished``   0.95
a date in the URL path             ``url``                                     0.9
a "first published" line           ``text:first-published-line``               0.9
  (any language: ``פרסום ראשון: 02.02.12, 17:29``, ``Published: July 12, 2012``)
a date-and-time stamp at the top   ``text:timestamp``                          0.8
a date in the dateline             ``text:dateline``                           0.8
  (a transcript's air date is its stamp: "Aired February 11, 2011 - 13:00 ET", read as ``text:timestamp``)
htmldate's reading of the page     ``html:htmldate``                           0.6-0.7
a dated photo caption              ``text:photo-caption``                      0.7
  (not a file photo: "FILE - In this Nov. 10, 2009 file photo" dates the photo, not the article; nor a
  caption earlier than a day the text names: the photo of an earlier event)
=================================  ==========================================  ==========

When none of these exists the date is *not stated*: ``published`` stays None and the article gets a
``PublishedInterval`` instead, never a point. The latest absolute date the text (or a file photo's
caption) mentions is a lower bound, so the interval is "after" it (``after 2011-08`` when that is a
month), method ``latest-date-mentioned``; with no date at all it is ``unknown``. A dateline that states the
month and day but no year ("TRIPOLI, March 3 (Reuters) -", "MOSCOW, Sept. 20 --") is the page's own day whose
year the text alone does not fix: the interval then starts on the first such day at or after that latest date,
and the month-day is kept (``dateline_day``, ``article.extra["dateline_month_day"]``) for the corpus, whose
dated articles give the year (``timeline.dating.DatingIndex.dateline_days``). The corpus narrows it
later from the story's dated articles (``storyline.timeline.dating``, run by ``build_corpus``). A
user-given date (CLI option, ``--meta`` file or JSONL field) wins over all of this
(``prepare.apply_user_fields``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from ..model import Article, PublishedInterval
from ..text.dates import MONTH_NAME, MONTHS, safe_date
from ..text.patterns import AGENCY_DATELINE, BYLINE, DATELINE, PLACE_DAY_DATELINE
from .clean import Cleaned, removed_with
from .outlets import contributors, outlet_from_text, outlet_from_url
from .read import RawDocument

# "July 12, 2012", "Aug. 18, 2011"
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
# "12 May 2009", "18th August 2011"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAME})\.?,?\s+((?:19|20)\d\d)\b")
# "2011-08-18", "2011/08/18"
ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
# "02.02.12", "18/08/2011", "8-18-2011"
NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.])")
# A month and day with no year after it ("March 3", "Sept. 20"): a wire dateline's day
# (``text.patterns.DATELINE``: "TRIPOLI, March 3 (Reuters) -", "MOSCOW, Sept. 20 --").
MONTH_DAY = re.compile(rf"\b(?P<month>{MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})\b(?!\s*,?\s*\d)")
# A wire photo from the archive: its date is the photo's, not the article's.
FILE_PHOTO = re.compile(
    r"^\s*FILE\b|\bfile (?:photo|image|picture)|\bundated\b|\barchive (?:photo|image)", re.I
)
# "August 2011" (month precision)
MONTH_YEAR = re.compile(rf"\b({MONTH_NAME})\.?,?\s+((?:19|20)\d\d)\b")
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-]|$)")
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\b\d{1,2}\s*(?:am|pm)\b", re.I)
PUBLISHED_LABEL = re.compile(
    r"^(?:first\s+)?(?:published|posted|updated|last updated|created|date)\b|^(?:publié|veröffentlicht|publicado|pubblicato)",
    re.IGNORECASE,
)
ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with he it as at by said from his has have be are were but "
    "not an this which they who had their been will would its after over also about more than".split()
)


def parse_date(text: str, day_first: bool | None = None) -> dt.date | None:
    """The first full date (day, month and year) written in ``text``, in any common format.

    Numeric dates with dots are read day first (the European way, "02.02.12"); with slashes or
    dashes month first unless the first number cannot be a month.
    """
    found: list[tuple[int, dt.date]] = []
    for match in MONTH_DAY_YEAR.finditer(text):
        date = safe_date(int(match.group(3)), MONTHS[match.group(1).lower()[:3]], int(match.group(2)))
        if date:
            found.append((match.start(), date))
    for match in DAY_MONTH_YEAR.finditer(text):
        date = safe_date(int(match.group(3)), MONTHS[match.group(2).lower()[:3]], int(match.group(1)))
        if date:
            found.append((match.start(), date))
    for match in ISO.finditer(text):
        date = safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if date:
            found.append((match.start(), date))
    for match in NUMERIC.finditer(text):
        first, separator, second, year = (
            int(match.group(1)),
            match.group(2),
            int(match.group(3)),
            match.group(4),
        )
        read_day_first = day_first if day_first is not None else (separator == "." or first > 12)
        day, month = (first, second) if read_day_first else (second, first)
        date = safe_date(int(year), month, day)
        if date:
            found.append((match.start(), date))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def all_mentioned_dates(text: str) -> list[tuple[dt.date, str]]:
    """Every absolute date the text mentions, with its precision (``day`` or ``month``)."""
    dates: list[tuple[dt.date, str]] = []
    day_spans: list[tuple[int, int]] = []
    for pattern, order in ((MONTH_DAY_YEAR, "mdy"), (DAY_MONTH_YEAR, "dmy")):
        for match in pattern.finditer(text):
            if order == "mdy":
                month, day, year = (
                    MONTHS[match.group(1).lower()[:3]],
                    int(match.group(2)),
                    int(match.group(3)),
                )
            else:
                day, month, year = (
                    int(match.group(1)),
                    MONTHS[match.group(2).lower()[:3]],
                    int(match.group(3)),
                )
            date = safe_date(year, month, day)
            if date:
                dates.append((date, "day"))
                day_spans.append(match.span())
    for match in MONTH_YEAR.finditer(text):
        if any(start <= match.start() < end or start < match.end() <= end for start, end in day_spans):
            continue
        date = safe_date(int(match.group(2)), MONTHS[match.group(1).lower()[:3]], 1)
        if date:
            dates.append((date, "month"))
    return dates


def date_from_url(url: str | None) -> dt.date | None:
    if not url:
        return None
    match = URL_DATE.search(url)
    if not match:
        return None
    return (
        safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
        if match.group(3)
        else None
    )


def first_published_date(lines: Iterable[str]) -> dt.date | None:
    """A short line that is a label and a date ("פרסום ראשון: 02.02.12, 17:29", "Published: July 12, 2012")."""
    for line in lines:
        if len(line) > 80:
            continue
        label, _, rest = line.partition(":")
        if rest and (PUBLISHED_LABEL.match(line) or not re.search(r"\d", label)):
            date = parse_date(rest)
            if date:
                return date
    return None


def timestamp_date(lines: Iterable[str]) -> dt.date | None:
    """A date written with a time of day near the top ("Tuesday 12 May 2009 16.36 BST")."""
    for line in lines:
        head = line[:400]
        date = parse_date(head)
        if date and TIME_OF_DAY.search(head):
            return date
    return None


def dateline_day(lines: list[str]) -> dt.date | dict[str, Any] | None:
    """The day the dateline at the top of the story states: a full date ("WASHINGTON, Aug. 18, 2011 —", in the
    first paragraph's head), else the month and day of a wire dateline that states no year, with its words ("AMMAN,
    April 6 (Reuters) -", the project's dateline patterns: ``text.patterns.DATELINE``, or one glued after a headline
    or a credit, ``AGENCY_DATELINE`` and ``PLACE_DAY_DATELINE``), else None."""
    for line in lines[:2]:
        head = re.split(r"\s[-–—]{1,2}\s|\(\w+\)", line, maxsplit=1)[0]
        if len(head) < 60:
            date = parse_date(head)
            if date:
                return date
    for line in lines[:3]:
        head = line[:300]
        for pattern in (DATELINE, AGENCY_DATELINE, PLACE_DAY_DATELINE):
            dateline = pattern.search(head)
            found = MONTH_DAY.search(dateline.group(0)) if dateline else None
            if dateline is None or found is None:
                continue
            month, day = MONTHS[found.group("month").lower()[:3]], int(found.group("day"))
            if safe_date(2000, month, day) is not None:  # 2000 is a leap year: 29 February passes
                return {"month": month, "day": day, "words": dateline.group(0).strip()}
    return None


def month_day_on_or_after(month: int, day: int, earliest: dt.date) -> dt.date:
    """The first ``month``/``day`` on or after ``earliest`` (29 February: the first leap year's)."""
    year = earliest.year
    while (found := safe_date(year, month, day)) is None or found < earliest:
        year += 1
    return found


def is_english(text: str) -> bool:
    """English function words make a good share of any English text of some length."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 20:
        return True  # too short to tell; let it through
    return sum(1 for w in words if w in ENGLISH_WORDS) / len(words) >= 0.12


def language_of(cleaned: Cleaned) -> str:
    script = cleaned.metadata.get("script")
    if script not in (None, "LATIN"):
        return "und"
    return "en" if is_english(cleaned.text) else "und"


def byline_of(cleaned: Cleaned) -> str | None:
    for line in removed_with(cleaned.removed, "byline") + cleaned.text.split("\n", 3)[:2]:
        match = BYLINE.match(line.strip())
        if match and match.group("names"):
            return re.sub(r"\s+,", ",", match.group("names"))
    author = cleaned.metadata.get("author")
    return str(author) if author else None


def describe(article: Article, raw: RawDocument, cleaned: Cleaned) -> None:
    """Fill title, outlet, byline, language, URL and publication date (with provenance)."""
    meta = cleaned.metadata
    article.title = cleaned.title or meta.get("title")
    article.url = raw.fields.get("url") or meta.get("url")
    article.language = language_of(cleaned)
    article.byline = byline_of(cleaned)

    body_lines = [line for line in cleaned.text.split("\n") if line.strip()]
    removed_lines = [r.text for r in cleaned.removed]
    outlet = outlet_from_url(article.url)
    # a known outlet's host is surest; else the page's own site name beats a bare domain
    if (outlet is None or outlet.confidence < 0.9) and meta.get("sitename"):
        article.outlet, article.outlet_provenance = str(meta["sitename"]), "meta:site_name"
        article.outlet_confidence = 0.9
        article.publisher = article.outlet
    else:
        if outlet is not None:
            article.publisher = outlet.name
        outlet = outlet or outlet_from_text(body_lines, removed_lines)
        if outlet is not None:
            article.outlet, article.outlet_provenance = outlet.name, outlet.provenance
            article.outlet_confidence = outlet.confidence
    credited = contributors(removed_with(cleaned.removed, "credit"))
    if credited:
        article.extra["contributors"] = credited

    set_published(article, cleaned, body_lines)
    if meta.get("warning"):
        article.extra["warning"] = meta["warning"]


def set_published(article: Article, cleaned: Cleaned, body_lines: list[str]) -> None:
    meta = cleaned.metadata
    candidates: list[tuple[dt.date | None, str, float]] = []
    if meta.get("date") and str(meta.get("date_provenance", "")).startswith(
        ("meta:", "json-ld:", "html:time")
    ):
        candidates.append((parse_iso(meta["date"]), meta["date_provenance"], float(meta["date_confidence"])))
    candidates.append((date_from_url(article.url), "url", 0.9))
    candidates.append(
        (
            first_published_date(removed_with(cleaned.removed, "first-published") + body_lines[-5:]),
            "text:first-published-line",
            0.9,
        )
    )
    header = (
        [article.title or ""]
        + removed_with(cleaned.removed, "deck", "byline", "navigation", "page-stamp")
        + body_lines[:2]
    )
    candidates.append((timestamp_date(header), "text:timestamp", 0.8))
    dateline = dateline_day(body_lines)
    candidates.append((dateline if isinstance(dateline, dt.date) else None, "text:dateline", 0.8))
    if meta.get("date"):
        candidates.append(
            (
                parse_iso(meta["date"]),
                str(meta.get("date_provenance")),
                float(meta.get("date_confidence", 0.6)),
            )
        )
    captions = removed_with(cleaned.removed, "caption", "caption-repeated")
    photo_day = caption_date([c for c in captions if not FILE_PHOTO.search(c)])
    if photo_day is not None and any(
        day > photo_day for day, kind in all_mentioned_dates(article.text) if kind == "day"
    ):
        photo_day = (
            None  # a photo of an earlier event: the text names a later day ("at the awards on Oct. 27,
        )
        # 2017" above "a column on November 4, 2017"), and an article does not report what has not happened yet
    candidates.append((photo_day, "text:photo-caption", 0.7))
    for date, provenance, confidence in candidates:
        if date is not None:
            article.published, article.published_provenance = date, provenance
            article.published_confidence, article.published_estimated = confidence, False
            article.published_interval = None
            return
    article.published, article.published_provenance = None, None
    article.published_confidence, article.published_estimated = 0.0, False
    article.published_interval = lower_bound_interval(article.text, captions)
    if isinstance(dateline, dict):
        # The page's own month and day: the corpus gives the year; the latest date named moves the bound to it.
        article.extra["dateline_month_day"] = dateline
        interval = article.published_interval
        if interval.earliest is not None:
            interval.earliest = month_day_on_or_after(dateline["month"], dateline["day"], interval.earliest)
            interval.precision = "day"
            interval.evidence.append(f"its dateline \u201c{dateline['words']}\u201d: the first such day")


def read_stated_date(article: Article) -> None:
    """``set_published`` on an article's text alone, as ``describe`` reads a page with no markup and nothing
    cut (the dating benchmark's hidden Timeline17 articles: what the page states, a brief reads)."""
    set_published(
        article, Cleaned(text=article.text), [line for line in article.text.split("\n") if line.strip()]
    )


def lower_bound_interval(text: str, captions: Iterable[str] = ()) -> PublishedInterval:
    """The interval of an article whose date is not stated: after the latest date it (or a photo caption,
    a file photo's too) names, or unknown. An article does not report what has not happened yet."""
    mentioned = all_mentioned_dates(text)
    for caption in captions:
        mentioned += [(date, "day") for date in [parse_date(caption)] if date is not None]
    if not mentioned:
        return PublishedInterval(method="unknown")
    latest = max(date for date, _ in mentioned)
    precision = "day" if (latest, "day") in mentioned else "month"
    return PublishedInterval(
        earliest=latest,
        method="latest-date-mentioned",
        precision=precision,
        evidence=[
            f"the latest date it names: {latest.isoformat()[:7] if precision == 'month' else latest.isoformat()}"
        ],
    )


def caption_date(captions: list[str]) -> dt.date | None:
    for caption in captions:
        date = parse_date(caption)
        if date:
            return date
    return None


def parse_iso(value: object) -> dt.date | None:
    match = re.search(r"((?:19|20)\d\d)-(\d{2})-(\d{2})", str(value))
    return safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None
