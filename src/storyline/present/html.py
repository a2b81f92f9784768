"""The brief as one self-contained HTML page: all CSS and JavaScript inline, no network, opens from disk.

Every piece of article text goes through ``html.escape``; the page's Content-Security-Policy also
allows only its own inline script (by hash), so even a tag that slipped through could not run.
Sections follow the brief: summary, timeline, who said what, who is who, source comparison, the
articles. A section whose stage is not available (its part of the ``Brief`` is ``None``) is left
out. Long sections are paginated by the page's script (all items stay in the document, so the page
also works with JavaScript off, and prints whole).

Citations are buttons carrying an article id and a character span; clicking one opens the article,
highlights the sentences the span covers and shows outlet, date and how that date is known.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..model import Article, Attribution, Brief, Citation, CitedSentence, Entity, Timeline, TimelineEntry
from ..text.dates import MONTH_NAMES, add_months
from ..text.patterns import AGENCY_DATELINE, DATELINE, QUOTE_OPENERS
from ..who.names import name_problem, speaker_name, statements
from .compare import position_date
from .who import date_shown, role_date, unknown_note

# Entity types that may name the story in the page's heading.
# (spaCy labels for article mentions; the roster's own types for its entries.)
TITLE_LABELS = {"PERSON", "ORG", "GPE", "EVENT", "person", "organization", "place", "country", "event"}
# Citation markers shown per item at most (the rest are counted).
CITATIONS_SHOWN = 6
# Most rows a section puts in the page (the page of a 300-article topic must stay light enough to
# open in a few seconds); what is left out is counted in a note.
SPEAKERS_SHOWN = 300
STATEMENTS_PER_SPEAKER = 15
CLAIMS_SHOWN = 400
CONTRADICTIONS_SHOWN = 100
ENTITIES_SHOWN = 1500
# Items per page in the paginated sections.
ARTICLES_PER_PAGE = 20
ENTRIES_PER_PAGE = 25
SPEAKERS_PER_PAGE = 15
ROSTER_PER_PAGE = 30
CLAIMS_PER_PAGE = 25
LIST_PER_PAGE = 10
# Outlet columns of the claims matrix shown at most (the rest are counted in a note).
MATRIX_OUTLETS = 24
# Timeline axis geometry (SVG user units).
AXIS_WIDTH = 1000
AXIS_LEFT = 30
AXIS_RIGHT = 30
LANE_HEIGHT = 16
# Space between the stretches of a broken axis.
AXIS_GAP = 16.0
MAX_LANES = 8


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def asset(name: str) -> str:
    return resources.files("storyline.present").joinpath("assets", name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# ---------------------------------------------------------------------------------------------
# Articles: numbering, labels, how a date is known


class ArticleIndex:
    """Articles numbered from 1 in the order given; citation markers show these numbers."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = list(articles)
        self.number = {a.id: i for i, a in enumerate(self.articles, start=1)}
        self.by_id = {a.id: a for a in self.articles}

    def get(self, article_id: str) -> Article | None:
        return self.by_id.get(article_id)


def outlet_label(article: Article) -> str:
    return article.outlet or source_name(article.source)


def source_name(source: str) -> str:
    return re.split(r"[\\/]", source)[-1] or source


def date_known(article: Article) -> str:
    """How the article's date is known, in words a reader understands: stated (and where), or not stated
    and the interval it was inferred to lie in (and how), never a guessed day."""
    if article.published is None:
        interval = article.published_interval
        if interval is None or interval.label() == "unknown":
            return "date not stated; nothing in it or its story dates it"
        text = f"date not stated; {interval.label()}, {interval.how()}"
        if interval.evidence:
            text += ": " + "; ".join(interval.evidence[:3])
        return text
    text = article.published.isoformat()
    how = provenance_words(article.published_provenance)
    if how:
        text += f", {how}"
    if article.published_provenance != "user" and article.published_confidence:
        text += f"; confidence {article.published_confidence:.2f}"
    return text


def provenance_words(provenance: str | None) -> str:
    if not provenance:
        return ""
    kind, _, detail = provenance.partition(":")
    detail = detail.strip().replace("-", " ").replace("_", " ")
    phrases = {
        "user": "given by the user",
        "meta": "from the page's metadata",
        "jsonld": "from the page's structured data",
        "json-ld": "from the page's structured data",
        "text": "from the article text",
        "url": "from the article's URL",
        "field": "from the input record",
        "record": "from the input record",
        "htmldate": "estimated by htmldate",
        "timex": "from dates mentioned in the text",
        "estimate": "estimated from the text",
    }
    phrase = phrases.get(kind)
    if phrase is None:
        return f"from {provenance}"
    return f"{phrase} ({detail})" if detail else phrase


def cite_button(article_id: str, start: int, end: int, index: ArticleIndex) -> str:
    article = index.get(article_id)
    number = index.number.get(article_id)
    if article is None or number is None:
        return ""
    title = f"[{number}] {outlet_label(article)}, {date_shown(article)}"
    return (
        f'<button type="button" class="cite" data-article="{esc(article_id)}" data-start="{start}" '
        f'data-end="{end}" title="{esc(title)}">{number}</button>'
    )


def citation_buttons(citations: Iterable[Citation], index: ArticleIndex, limit: int = CITATIONS_SHOWN) -> str:
    """A marker per cited passage, the first ``limit`` of them; the rest are counted (a boilerplate
    line carried by 250 articles must not fill the page with markers)."""
    return span_buttons(((c.article, c.start, c.end) for c in citations), index, limit)


def span_buttons(
    spans: Iterable[tuple[str, int, int]], index: ArticleIndex, limit: int = CITATIONS_SHOWN
) -> str:
    """``citation_buttons`` for passages given as (article id, start, end)."""
    seen: set[tuple[str, int, int]] = set()
    buttons = []
    for key in spans:
        if key in seen or key[0] not in index.number:
            continue
        seen.add(key)
        if len(seen) <= limit:
            buttons.append(cite_button(*key, index))
    if len(seen) > limit:
        buttons.append(
            f'<span class="more-cites" title="and {len(seen) - limit:,} more sources">+{len(seen) - limit:,}</span>'
        )
    return "".join(buttons)


def left_out(count: int, word: str, words: str | None = None, which: str = "") -> str:
    """The note under a section cut short: how much is not shown and where to find it."""
    return (
        f'<p class="lede">{count:,} more {esc(word if count == 1 else (words or word + "s"))}{esc(which)} '
        "not shown here; the JSON output lists every one.</p>"
    )


def cited_sentence(sentence: CitedSentence, index: ArticleIndex, tag: str = "span") -> str:
    outlets = ""
    if sentence.independent_outlets > 1:
        unknown = f" and {unknown_note(sentence.unknown_sources)}" if sentence.unknown_sources else ""
        outlets = (
            f'<span class="outlets" title="carried by {sentence.independent_outlets} independent outlets{unknown}">'
            f"×{sentence.independent_outlets}</span>"
        )
    return (
        f'<{tag} class="sum-sent">{esc(sentence.text)}</{tag}>'
        f"{citation_buttons(sentence.citations, index)}{outlets}"
    )


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


# ---------------------------------------------------------------------------------------------
# Sections


def render_summary(summary: Any, index: ArticleIndex) -> str:
    sentences = list(getattr(summary, "sentences", []))
    if not sentences:
        body = '<p class="lede">The summarizer found nothing to say about these articles.</p>'
    else:
        words = sum(len(s.text.split()) for s in sentences)
        method = getattr(summary, "method", "")
        body = (
            f'<p class="lede">{plural(words, "word")} in {plural(len(sentences), "sentence")}, each quoted '
            f"verbatim from the articles"
            + (f" (method: {esc(method)})" if method else "")
            + ". The numbers are the source articles: click one to see the sentence in its article.</p>"
            + '<p class="summary-text">'
            + " ".join(cited_sentence(s, index) for s in sentences)
            + "</p>"
        )
    return section("summary", "Summary", body)


@dataclass
class DatedEntry:
    position: int
    entry: TimelineEntry
    start: dt.date
    end: dt.date  # exclusive
    coarse: bool


def date_range(value: str | None, granularity: str = "day") -> tuple[dt.date, dt.date, bool] | None:
    """The days a TimeML-style date covers: ``(first, after_last, coarse)``, or None when undated."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day + dt.timedelta(days=1), granularity not in ("day", "time", "")
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=7), True
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), add_months(dt.date(year, month, 1), 1), True
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, add_months(first, 3), True
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 1, 1, 1), True
    except ValueError:
        return None
    return None


def short_month(month: int) -> str:
    """ "Jan" ... "Dec": a month as the page's labels write it (the calendar's names, whatever the locale)."""
    return MONTH_NAMES[month - 1][:3]


def date_label(value: str, granularity: str) -> str:
    found = date_range(value, granularity)
    if found is None:
        return value or "undated"
    first, _, _ = found
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return f"{first.day} {short_month(first.month)} {first.year}"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{MONTH_NAMES[first.month - 1]} {first.year}"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return f"week of {first.day} {short_month(first.month)} {first.year}"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return f"Q{value[-1]} {first.year}"
    return str(first.year)


def axis_ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Tick dates and labels for an axis from ``first`` to ``last``: years, months or days, at most ~12."""
    span = (last - first).days
    ticks: list[tuple[dt.date, str]] = []
    if span > 4 * 365:
        step = max(1, -(-(last.year - first.year) // 12))
        for year in range(first.year + 1, last.year + 1, step):
            ticks.append((dt.date(year, 1, 1), str(year)))
    elif span > 75:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next(s for s in (1, 2, 3, 6, 12, 24) if months / s <= 12)
        day = add_months(dt.date(first.year, first.month, 1), 1)
        while day <= last:
            if (day.month - 1) % step == 0:
                label = str(day.year) if day.month == 1 else short_month(day.month)
                ticks.append((day, label))
            day = add_months(day, 1)
    else:
        step = next(s for s in (1, 2, 7, 14, 28) if span / s <= 12)
        day = first
        while day <= last:
            ticks.append((day, f"{day.day} {short_month(day.month)}"))
            day += dt.timedelta(days=step)
    return ticks


@dataclass
class AxisSegment:
    """One stretch of a time axis: days ``first``..``last`` drawn from ``left`` to ``right``."""

    first: dt.date
    last: dt.date
    left: float
    right: float
    compressed: bool = False

    def x(self, day: dt.date) -> float:
        span = max(1, (self.last - self.first).days)
        return self.left + (self.right - self.left) * (day - self.first).days / span


def axis_segments(dated: Sequence[DatedEntry], focus: tuple[dt.date, dt.date] | None) -> list[AxisSegment]:
    """The axis, linear, or broken around ``focus`` (the period the articles cover) when the entries
    reach far outside it: background dates like "the 1989 Exxon Valdez spill" would otherwise squeeze
    the story itself into a few pixels. Stretches outside the focus are drawn compressed."""
    first = min(d.start for d in dated)
    last = max(d.end for d in dated)
    if (last - first).days < 30:  # a few days: give the axis some room around them
        pad = dt.timedelta(days=max(3, (30 - (last - first).days) // 2))
        first, last = first - pad, last + pad
    left, right = float(AXIS_LEFT), float(AXIS_WIDTH - AXIS_RIGHT)
    if focus is not None:
        pad = dt.timedelta(days=max(3, (focus[1] - focus[0]).days // 20))
        f0, f1 = max(first, focus[0] - pad), min(last, focus[1] + pad)
        inside = sum(1 for d in dated if f0 <= d.start and d.end <= f1 + dt.timedelta(days=1))
        if f1 > f0 and inside * 2 >= len(dated) and (last - first).days > 3 * (f1 - f0).days:
            usable = right - left
            segments = []
            cursor = left
            if first < f0:
                segments.append(AxisSegment(first, f0, cursor, cursor + usable * 0.14, True))
                cursor += usable * 0.14 + AXIS_GAP
            tail = usable * 0.10 if last > f1 else 0.0
            end = right - tail - (AXIS_GAP if tail else 0.0)
            segments.append(AxisSegment(f0, f1, cursor, end))
            if tail:
                segments.append(AxisSegment(f1, last, right - tail, right, True))
            return segments
    return [AxisSegment(first, last, left, right)]


def axis_x(segments: Sequence[AxisSegment], day: dt.date) -> float:
    for segment in segments:
        if day <= segment.last:
            return segment.x(max(day, segment.first))
    return segments[-1].x(segments[-1].last)


def timeline_svg(dated: list[DatedEntry], focus: tuple[dt.date, dt.date] | None = None) -> str:
    """An inline SVG time axis: a dot per day-dated entry, a dashed band per week/month/year entry."""
    segments = axis_segments(dated, focus)

    # Lanes keep marks apart: a mark goes in the first lane where it does not overlap the last one.
    lane_ends: list[float] = []
    placed: list[tuple[DatedEntry, float, float, int]] = []
    for item in sorted(dated, key=lambda d: (d.start, d.end)):
        left = axis_x(segments, item.start)
        right = max(axis_x(segments, item.end), left + 4) if item.coarse else left
        lo, hi = (left, right) if item.coarse else (left - 6, left + 6)
        lane = next((i for i, end in enumerate(lane_ends) if end < lo), None)
        if lane is None:
            if len(lane_ends) < MAX_LANES:
                lane_ends.append(hi)
                lane = len(lane_ends) - 1
            else:
                lane = min(range(len(lane_ends)), key=lambda i: lane_ends[i])
        lane_ends[lane] = max(lane_ends[lane], hi)
        placed.append((item, left, right, lane))
    lanes = max(1, len(lane_ends))
    top = 12
    baseline = top + lanes * LANE_HEIGHT + 6
    height = baseline + 28
    parts = [
        f'<svg class="tl-axis" viewBox="0 0 {AXIS_WIDTH} {height}" role="img" '
        f'aria-label="timeline from {segments[0].first.isoformat()} to {segments[-1].last.isoformat()}" '
        f'xmlns="http://www.w3.org/2000/svg">',
    ]
    for number, segment in enumerate(segments):
        parts.append(
            f'<line class="baseline{" compressed" if segment.compressed else ""}" x1="{segment.left:.1f}" '
            f'y1="{baseline}" x2="{segment.right:.1f}" y2="{baseline}"/>'
        )
        if number:  # a break in the axis: the scale changes here
            gap = (segments[number - 1].right + segment.left) / 2
            parts.append(
                f'<path class="break" d="M{gap - 6:.1f} {baseline + 5} L{gap - 1:.1f} {baseline - 5} '
                f'M{gap + 1:.1f} {baseline + 5} L{gap + 6:.1f} {baseline - 5}"/>'
            )
        ticks = axis_ticks(segment.first, segment.last)
        if segment.compressed and len(ticks) > 2:
            ticks = [ticks[0], ticks[-1]] if segment.right - segment.left > 80 else [ticks[0]]
        labelled_year = False
        for day, label in ticks:
            if not labelled_year and not label.isdigit() and len(label) <= 3:
                label = f"{label} {day.year}"  # the first month tick says which year it is
            labelled_year = labelled_year or label[-4:].isdigit()
            tx = segment.x(day)
            parts.append(
                f'<g class="tick"><line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{baseline + 4}"/>'
                f'<text x="{tx:.1f}" y="{baseline + 18}" text-anchor="middle">{esc(label)}</text></g>'
            )
    for item, left, right, lane in placed:
        cy = top + lane * LANE_HEIGHT + LANE_HEIGHT / 2
        words = item.entry.sentences[0].text if item.entry.sentences else ""
        if len(words) > 160:
            words = words[:157] + "…"
        tooltip = f"{date_label(item.entry.date, item.entry.granularity)}: {words}"
        if item.coarse:
            shape = (
                f'<rect class="tl-mark tl-coarse" data-entry="{item.position}" x="{left:.1f}" '
                f'y="{cy - 5:.1f}" width="{max(4.0, right - left):.1f}" height="10" rx="2">'
            )
            closing = "</rect>"
        else:
            shape = (
                f'<circle class="tl-mark tl-day" data-entry="{item.position}" cx="{left:.1f}" '
                f'cy="{cy:.1f}" r="5">'
            )
            closing = "</circle>"
        parts.append(f'<a href="#tl-e-{item.position}">{shape}<title>{esc(tooltip)}</title>{closing}</a>')
    parts.append("</svg>")
    return "".join(parts)


def render_timeline(
    timeline: Timeline, index: ArticleIndex, focus: tuple[dt.date, dt.date] | None = None
) -> str:
    entries = list(timeline.entries)
    lane = undated_lane(timeline, index)
    if not entries:
        return section("timeline", "Timeline", '<p class="lede">No dated events were found.</p>' + lane)
    dated: list[DatedEntry] = []
    undated = 0
    for position, entry in enumerate(entries):
        found = date_range(entry.date, entry.granularity)
        if found is None:
            undated += 1
        else:
            dated.append(DatedEntry(position, entry, found[0], found[1], found[2]))
    coarse = sum(1 for d in dated if d.coarse)
    facts = [plural(len(dated), "dated entry", "dated entries")]
    if coarse:
        facts.append(f"{coarse:,} of them known only to the week, month or year")
    if undated:
        facts.append(f"{plural(undated, 'entry', 'entries')} without a date")
    body = [f'<p class="lede">{esc("; ".join(facts))}. Click a mark to go to its entry.</p>']
    if dated:
        body.append(timeline_svg(dated, focus))
        body.append(
            '<p class="legend"><span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="#1f5fa8"/>'
            '</svg> a day</span><span><svg width="22" height="12"><rect x="1" y="1" width="20" '
            'height="10" rx="2" fill="#f2c14e" fill-opacity=".35" stroke="#c98f00" stroke-dasharray="3 2"/>'
            "</svg> a week, month or year (date known only that far)</span></p>"
        )
    items = []
    for position, entry in enumerate(entries):
        found = date_range(entry.date, entry.granularity)
        badge = ""
        if found is None:
            badge = ' <span class="badge coarse">undated</span>'
        elif found[2]:
            badge = f' <span class="badge coarse">{esc(entry.granularity or "coarse")}</span>'
        sentences = "".join(f"<p>{cited_sentence(s, index)}</p>" for s in entry.sentences)
        items.append(
            f'<li class="tl-entry pg-item" id="tl-e-{position}"><div class="tl-date">'
            f"{esc(date_label(entry.date, entry.granularity))}{badge}</div><div>{sentences}</div></li>"
        )
    body.append(
        f'<ol class="tl-list" id="tl-list" data-label="timeline entries" '
        f'data-page-size="{ENTRIES_PER_PAGE}">{"".join(items)}</ol>'
    )
    body.append(lane)
    return section("timeline", "Timeline", "".join(body), count=len(entries))


def undated_lane(timeline: Timeline, index: ArticleIndex) -> str:
    """The lead of each article whose date is not stated, at its publication interval, marked inferred."""
    if not timeline.undated:
        return ""
    items = []
    for entry in timeline.undated:
        known = entry.date not in ("unknown", "undated")
        label = f"published {entry.date}" if known else "date unknown"
        badge = (
            ' <span class="badge est">inferred</span>'
            if known
            else ' <span class="badge coarse">undated</span>'
        )
        sentences = "".join(f"<p>{cited_sentence(s, index)}</p>" for s in entry.sentences)
        items.append(
            f'<li class="tl-entry"><div class="tl-date">{esc(label)}{badge}</div><div>{sentences}</div></li>'
        )
    more = (
        f'<p class="cue">and {plural(timeline.undated_more, "more undated article")}</p>'
        if timeline.undated_more
        else ""
    )
    return (
        f'<h3 id="tl-undated">Undated <span class="count">{len(timeline.undated):,}</span></h3>'
        '<p class="lede">The lead of each article whose publication date is not stated, at the interval it '
        "was inferred to lie in (the articles named no date the story could place them by).</p>"
        f'<ol class="tl-list">{"".join(items)}</ol>{more}'
    )


def speaker_key(attribution: Attribution) -> str:
    """The roster name a statement is grouped under; "" for an unresolved or missing speaker."""
    return (speaker_name(attribution) or "").strip()


# A speaker's words as written that read as another name for them: a capital first, a few words, no
# clause (a comma) and no second actor ("Geithner and Bernanke").
NAME_WORDS = 5
NOT_A_NAME = re.compile(r",|\band\b|\bor\b|\bwho\b|'s\b|\u2019s\b")


def other_names(items: Sequence[Attribution], speaker: str) -> list[str]:
    """The other names the articles use for a speaker, most used first: a resolved "he" or "I", an
    apposition ("Cox, the embattled chairman of ..."), a caption or two actors joined are no name to show."""
    counts: Counter[str] = Counter(
        a.speaker.strip()
        for a in items
        if a.speaker
        and a.speaker.strip() != speaker
        and name_problem(a.speaker) is None
        and a.speaker.strip()[:1].isupper()
        and len(a.speaker.split()) <= NAME_WORDS
        and not NOT_A_NAME.search(a.speaker)
    )
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))]


def render_attributions(attributions: Sequence[Attribution], index: ArticleIndex) -> str:
    attributions = statements(attributions)
    if not attributions:
        return section(
            "quotes", "Who said what", '<p class="lede">No quotes or reported statements found.</p>'
        )
    groups: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        groups[speaker_key(attribution)].append(attribution)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0].lower()))
    anonymous = sum(1 for a in attributions if a.anonymous)
    direct = sum(1 for a in attributions if a.direct)
    lede = (
        f"{plural(len(attributions), 'statement')} ({direct:,} direct quotes) from "
        f"{plural(sum(1 for k in groups if k), 'speaker')}; {anonymous:,} from anonymous sources."
    )
    blocks = []
    for rank, (speaker, items) in enumerate(ordered[:SPEAKERS_SHOWN]):
        is_anonymous = all(a.anonymous for a in items)
        name = speaker or "Unresolved speaker (a pronoun or words that name no one)"
        spellings = other_names(items, speaker)
        also = f' <span class="count">(as {esc(", ".join(spellings[:4]))})</span>' if spellings else ""
        badge = ' <span class="badge anon">anonymous source</span>' if is_anonymous else ""
        # One line per thing said: the same words in several articles (or twice in one) cite every place.
        said: dict[str, list[Attribution]] = {}
        for a in sorted(items, key=lambda a: (index.number.get(a.article, 0), a.start)):
            said.setdefault(" ".join(a.content.casefold().split()).strip(" .,;:\"'“”"), []).append(a)
        quotes = []
        for a, *again in list(said.values())[:STATEMENTS_PER_SPEAKER]:
            marker = ' <span class="badge anon">anonymous</span>' if a.anonymous and not is_anonymous else ""
            cls = "quote-direct" if a.direct else "quote-reported"
            if a.direct and a.content.lstrip()[:1] in QUOTE_OPENERS:
                cls += " own-marks"  # the quote carries its own marks: shown as written, not quoted again
            cue = f' <span class="cue">{esc(a.cue)}</span>' if a.cue else ""
            quotes.append(
                f'<li><span class="{cls}">{esc(a.content)}</span>{cue}{marker}'
                f"{span_buttons(((b.article, b.start, b.end) for b in (a, *again)), index)}</li>"
            )
        if len(said) > STATEMENTS_PER_SPEAKER:
            quotes.append(f'<li class="cue">and {len(said) - STATEMENTS_PER_SPEAKER:,} more</li>')
        blocks.append(
            f'<details class="speaker pg-item" data-key="{esc(name)}"{" open" if rank < 3 else ""}>'
            f'<summary>{esc(name)}{also} <span class="count">{plural(len(items), "statement")}</span>'
            f'{badge}</summary><ul class="quotes">{"".join(quotes)}</ul></details>'
        )
    body = (
        f'<p class="lede">{esc(lede)}</p>'
        + filter_box("speaker-list", "filter speakers")
        + f'<div id="speaker-list" data-label="speakers" data-page-size="{SPEAKERS_PER_PAGE}">'
        + "".join(blocks)
        + "</div>"
        + (left_out(len(ordered) - SPEAKERS_SHOWN, "speaker") if len(ordered) > SPEAKERS_SHOWN else "")
    )
    return section("quotes", "Who said what", body, count=len(attributions))


def role_text(role: dict[str, Any]) -> str:
    for key in ("role", "title", "description", "label", "text", "value", "name"):
        value = role.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def roles_html(roles: Sequence[dict[str, Any]], limit: int = 5) -> str:
    """Each distinct role once, with who gave it and when (the earliest dated mention)."""
    seen: dict[str, list[dict[str, Any]]] = {}
    for role in roles:
        text = role_text(role)
        if text:
            seen.setdefault(text.lower(), []).append(role)
    parts = []
    for given in list(seen.values())[:limit]:
        dated = sorted((r for r in given if r.get("date")), key=lambda r: str(r["date"]))
        first = dated[0] if dated else given[0]
        outlets = sorted({str(r["outlet"]) for r in given if r.get("outlet")})
        where = ", ".join(outlets[:3]) + (f" +{len(outlets) - 3}" if len(outlets) > 3 else "")
        when = role_date(first) if (first.get("date") or first.get("date_interval")) else ""
        when = "" if when == "undated" else when
        detail = " · ".join(x for x in (where, when) if x)
        parts.append(
            f"{esc(role_text(first))}" + (f' <span class="cue">({esc(detail)})</span>' if detail else "")
        )
    more = len(seen) - limit
    return "<br>".join(parts) + (f' <span class="cue">and {more} more</span>' if more > 0 else "")


def render_roster(entities: Sequence[Entity], index: ArticleIndex) -> str:
    if not entities:
        return section(
            "roster", "Who is who", '<p class="lede">No people, organisations or places found.</p>'
        )
    ordered = list(entities)  # the roster's order: named in the most articles first
    types: dict[str, int] = defaultdict(int)
    for entity in entities:
        types[entity.type] += 1
    lede = ", ".join(f"{count:,} {kind}" for kind, count in sorted(types.items(), key=lambda kv: -kv[1]))
    rows = []
    for entity in ordered[:ENTITIES_SHOWN]:
        aliases = [a for a in entity.aliases if a != entity.name]
        total = sum(entity.mentions.values())
        rows.append(
            f'<tr class="pg-item" data-key="{esc(" ".join([entity.name, *aliases]))}">'
            f"<td><strong>{esc(entity.name)}</strong></td><td>{esc(entity.type)}</td>"
            f"<td>{esc(', '.join(aliases[:8]) + (' …' if len(aliases) > 8 else ''))}</td>"
            f"<td>{roles_html(entity.roles)}</td>"
            f'<td class="num">{total:,}</td><td class="num">{len(entity.mentions):,}</td></tr>'
        )
    body = (
        f'<p class="lede">{plural(len(entities), "entity", "entities")}: {esc(lede)}. One row per real '
        "person, organisation or place, however each outlet spells it.</p>"
        + filter_box("roster-rows", "filter names")
        + '<div class="table-wrap"><table class="roster"><thead><tr><th>name</th><th>type</th>'
        '<th>also called</th><th>roles</th><th class="num">mentions</th><th class="num">articles</th></tr>'
        f'</thead><tbody id="roster-rows" data-label="entities" data-page-size="{ROSTER_PER_PAGE}">'
        + "".join(rows)
        + "</tbody></table></div>"
        + (
            left_out(len(ordered) - ENTITIES_SHOWN, "entity", "entities")
            if len(ordered) > ENTITIES_SHOWN
            else ""
        )
    )
    return section("roster", "Who is who", body, count=len(entities))


def claim_order(claims: Sequence[Any]) -> list[int]:
    """Claims most independent outlets carry first; among equals, contradicted ones first."""
    return sorted(
        range(len(claims)), key=lambda i: (-claims[i].independent_outlets, not claims[i].contradicts, i)
    )


def render_comparison(comparison: Any, index: ArticleIndex) -> str:
    claims = list(getattr(comparison, "claims", []) or [])
    positions = list(getattr(comparison, "positions", []) or [])
    reversals = list(getattr(comparison, "reversals", []) or [])
    body: list[str] = []
    if not claims and not positions and not reversals:
        return section("comparison", "Sources compared", '<p class="lede">No claims to compare.</p>')
    # A claim from one source with no one saying otherwise compares nothing: the matrix lists the claims
    # several independent outlets carry and the contradicted ones; the rest are counted, not listed.
    listed = [i for i in claim_order(claims) if compared(claims[i])]
    shown = listed[:CLAIMS_SHOWN]
    if reversals:
        items = []
        for reversal in reversals:
            items.append(
                f'<li class="pg-item"><strong>{esc(reversal.actor)}</strong> on '
                f"<em>{esc(reversal.proposition)}</em>: "
                f'<span class="badge">{esc(reversal.from_)}</span> → <span class="badge bad">'
                f"{esc(reversal.to)}</span>{citation_buttons(reversal.citations, index)}</li>"
            )
        body.append(
            f'<h3>Changes of position <span class="count">{len(reversals):,}</span></h3><ul class="plain" '
            f'id="reversal-list" data-label="changes of position" data-page-size="{LIST_PER_PAGE}">'
            f"{''.join(items)}</ul>"
        )
    if claims:
        body.append(contradictions(claims, set(shown), index))
        body.append(claims_matrix(claims, shown, index, len(listed)))
    if positions:
        by_actor: dict[str, list[Any]] = defaultdict(list)
        for position in positions:
            by_actor[position.actor].append(position)
        actors = sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))
        blocks = []
        for actor, held in actors[:SPEAKERS_SHOWN]:
            ordered = sorted(held, key=lambda p: p.date or "")
            rows = "".join(
                f"<li>{esc(position_date(p))}: <em>{esc(p.proposition)}</em> — "
                f'<span class="badge">{esc(p.stance)}</span>'
                f"{cite_button(p.citation.article, p.citation.start, p.citation.end, index)}</li>"
                for p in ordered[:STATEMENTS_PER_SPEAKER]
            )
            if len(held) > STATEMENTS_PER_SPEAKER:
                rows += f'<li class="cue">and {len(held) - STATEMENTS_PER_SPEAKER:,} more</li>'
            blocks.append(
                f'<details class="speaker pg-item" data-key="{esc(actor)}"><summary>{esc(actor)} '
                f'<span class="count">{plural(len(held), "position")}</span></summary>'
                f'<ul class="quotes">{rows}</ul></details>'
            )
        body.append(
            "<h3>Positions over time</h3>"
            f'<div id="position-list" data-label="actors" data-page-size="{SPEAKERS_PER_PAGE}">'
            + "".join(blocks)
            + "</div>"
            + (left_out(len(actors) - SPEAKERS_SHOWN, "actor") if len(actors) > SPEAKERS_SHOWN else "")
        )
    return section("comparison", "Sources compared", "".join(body), count=len(listed))


def compared(claim: Any) -> bool:
    """Whether a claim says something about the sources: several independent outlets carry it, or a
    claim contradicts it."""
    return bool(claim.independent_outlets > 1 or claim.contradicts)


def claims_matrix(
    claims: Sequence[Any], shown_claims: Sequence[int], index: ArticleIndex, listed: int
) -> str:
    """Claims × outlets: carried (●), carries a contradicting claim (✕), silent (·); ``listed`` of the
    claims are compared ones (``compared``), the first of them ``shown_claims``."""
    outlet_claims: dict[str, int] = defaultdict(int)
    for i in shown_claims:
        for outlet in set(claims[i].outlets):
            outlet_claims[outlet] += 1
    outlets = sorted(outlet_claims, key=lambda o: (-outlet_claims[o], o.lower()))
    shown = outlets[:MATRIX_OUTLETS]
    rows = []
    for i in shown_claims:
        claim = claims[i]
        carried = set(claim.outlets)
        against: set[str] = set()
        for j in claim.contradicts:
            if 0 <= j < len(claims):
                against.update(claims[j].outlets)
        cells = []
        for outlet in shown:  # the column header names the outlet; cells stay small
            if outlet in carried:
                cells.append('<td class="cell carried" title="carries it">●</td>')
            elif outlet in against:
                cells.append('<td class="cell contradicted" title="says otherwise">✕</td>')
            else:
                cells.append('<td class="cell silent">·</td>')
        speakers = ", ".join(claim.attributed_to[:3])
        who = f' <span class="cue">— {esc(speakers)}</span>' if speakers else ""
        contra = ' <span class="badge bad">contradicted</span>' if claim.contradicts else ""
        single = ' <span class="badge">single source</span>' if claim.independent_outlets <= 1 else ""
        rows.append(
            f'<tr class="pg-item" id="claim-{i}" data-key="{esc(claim.text)}"><td class="claim">'
            f"{esc(claim.text)}{who}{contra}{single}{citation_buttons(claim.citations, index)}</td>"
            f'<td class="num">{claim.independent_outlets}</td>{"".join(cells)}</tr>'
        )
    more = ""
    if len(outlets) > len(shown):
        more = f" The {len(outlets) - len(shown):,} outlets carrying fewest claims are not shown as columns."
    unlisted = len(claims) - listed
    alone = (
        f" {plural(unlisted, 'claim')} from one source only, contradicted by none, "
        f"{'is' if unlisted == 1 else 'are'} not listed (the JSON output has every one; who said what lists "
        "the attributed ones)."
        if unlisted
        else ""
    )
    if not shown_claims:
        return f'<p class="lede">No claim is carried by two or more independent outlets.{alone}</p>'
    headers = "".join(f'<th class="outlet">{esc(o)}</th>' for o in shown)
    # Articles of unknown source are no outlet: "across 0 outlets" would read as an error.
    across = f"across {plural(len(outlets), 'outlet')}" if outlets else "none from a known outlet"
    return (
        f'<p class="lede">{plural(listed, "claim")} carried by several independent outlets or contradicted, '
        f"{across}. "
        "● carried, ✕ the outlet carries a contradicting claim, · silent. “Independent” counts wire copies "
        f"and reprints once.{more}{alone}</p>"
        + filter_box("claim-rows", "filter claims")
        + '<div class="table-wrap"><table class="matrix"><thead><tr><th>claim</th>'
        f'<th class="num">independent outlets</th>{headers}</tr></thead>'
        f'<tbody id="claim-rows" data-label="claims" data-page-size="{CLAIMS_PER_PAGE}">'
        + "".join(rows)
        + "</tbody></table></div>"
        + (
            left_out(listed - len(shown_claims), "claim", which=" (those carried by fewest outlets)")
            if listed > len(shown_claims)
            else ""
        )
    )


def contradictions(claims: Sequence[Any], shown: set[int], index: ArticleIndex) -> str:
    pairs = sorted(
        {(min(i, j), max(i, j)) for i, c in enumerate(claims) for j in c.contradicts if 0 <= j < len(claims)},
        key=lambda pair: (-(claims[pair[0]].independent_outlets + claims[pair[1]].independent_outlets), pair),
    )
    if not pairs:
        return '<h3>Contradictions</h3><p class="lede">No claims contradict each other.</p>'

    def claim_html(i: int) -> str:
        claim = claims[i]
        text = f'<a href="#claim-{i}">{esc(claim.text)}</a>' if i in shown else esc(claim.text)
        outlets = ", ".join(sorted(set(claim.outlets))[:4]) or "unknown source"
        return f'{text} <span class="cue">({esc(outlets)})</span>{citation_buttons(claim.citations, index)}'

    items = [
        f'<li class="pg-item">{claim_html(i)}<br><strong>but</strong> {claim_html(j)}</li>'
        for i, j in pairs[:CONTRADICTIONS_SHOWN]
    ]
    more = (
        left_out(len(pairs) - CONTRADICTIONS_SHOWN, "contradiction")
        if len(pairs) > CONTRADICTIONS_SHOWN
        else ""
    )
    return (
        f'<h3>Contradictions <span class="count">{len(pairs):,}</span></h3><ul class="plain" '
        f'id="contradiction-list" data-label="contradictions" data-page-size="{LIST_PER_PAGE}">'
        f"{''.join(items)}</ul>{more}"
    )


def article_text(article: Article) -> str:
    """The cleaned text, escaped, each sentence a span carrying its character offsets."""
    text = article.text
    parts = []
    position = 0
    for sentence in sorted(article.sentences, key=lambda s: s.start):
        if sentence.start < position or sentence.end > len(text):
            continue
        parts.append(esc(text[position : sentence.start]))
        parts.append(
            f'<span class="sent" id="s-{esc(article.id)}-{sentence.index}" data-start="{sentence.start}" '
            f'data-end="{sentence.end}">{esc(text[sentence.start : sentence.end])}</span>'
        )
        position = sentence.end
    parts.append(esc(text[position:]))
    return "".join(parts)


def render_articles(index: ArticleIndex) -> str:
    blocks = []
    for article in index.articles:
        number = index.number[article.id]
        label = outlet_label(article)
        date = date_shown(article)
        inferred = article.published is None and article.published_label() not in ("unknown", "undated")
        estimated = ' <span class="badge est">inferred</span>' if inferred else ""
        title = article.title or first_line(article.text)
        meta = [
            ("outlet", article.outlet or "unknown"),
            ("byline", article.byline or "—"),
            ("published", date_known(article)),
            ("url", article.url or "—"),
            ("source file", article.source),
            ("sentences", f"{len(article.sentences):,}"),
        ]
        if article.duplicate_of:
            meta.append(
                ("copy of", f"article {index.number.get(article.duplicate_of, article.duplicate_of)}")
            )
        meta_html = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta)
        removed = ""
        if article.removed:
            lines = "".join(
                f'<li><span class="reason">{esc(r.reason)}</span> {esc(r.text)}</li>' for r in article.removed
            )
            removed = (
                f'<details class="removed"><summary>what the cleaner removed '
                f"({plural(len(article.removed), 'piece')})</summary><ul>{lines}</ul></details>"
            )
        blocks.append(
            f'<article class="art pg-item" id="art-{esc(article.id)}" '
            f'data-key="{esc(" ".join([title, label, date, article.source]))}" '
            f'data-label="{esc(f"[{number}] {label}")}" data-dated="{esc(date_known(article))}">'
            f'<details><summary><span class="art-no">[{number}]</span><span class="art-title">{esc(title)}</span>'
            f'<br><span class="art-sub">{esc(label)} · {esc(date)}</span>{estimated}</summary>'
            f'<dl class="meta">{meta_html}</dl>{removed}<div class="art-text">{article_text(article)}</div>'
            "</details></article>"
        )
    body = (
        f'<p class="lede">{plural(len(index.articles), "article")} as storyline read them: metadata, '
        "cleaned text and what the cleaner removed. Click one to open it.</p>"
        + filter_box("article-list", "filter by title, outlet or date")
        + f'<div id="article-list" data-label="articles" data-page-size="{ARTICLES_PER_PAGE}">'
        + "".join(blocks)
        + "</div>"
    )
    return section("articles", "Articles", body, count=len(index.articles))


def first_line(text: str) -> str:
    """An article's first line as its title when it has none, without the wire dateline it may open with
    ("TRIPOLI, Libya (Reuters) - Rebels ..." is shown "Rebels ..."; ``text.patterns``)."""
    line = text.strip().split("\n", 1)[0]
    opening = DATELINE.match(line) or AGENCY_DATELINE.match(line)
    if opening is not None and line[opening.end() :].strip():
        line = line[opening.end() :].strip()
    return line if len(line) <= 120 else line[:117] + "…"


def filter_box(target: str, placeholder: str) -> str:
    return (
        f'<div class="tools"><input type="search" data-filter-for="{target}" '
        f'placeholder="{esc(placeholder)}" aria-label="{esc(placeholder)}"></div>'
    )


def section(anchor: str, title: str, body: str, count: int | None = None) -> str:
    return f'<section class="part" id="{anchor}" data-count="{count if count is not None else ""}"><h2>{esc(title)}</h2>{body}</section>'


# ---------------------------------------------------------------------------------------------
# The page


def brief_title(brief: Brief) -> str:
    """The article's own title for one article; else the names the most articles mention."""
    titles = [a.title for a in brief.articles if a.title]
    if len(brief.articles) == 1 and titles:
        return titles[0]
    names = leading_names(brief)
    if not names:
        return "Brief"
    return "Brief: " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


def leading_names(brief: Brief, count: int = 3) -> list[str]:
    if brief.entities:
        # the roster's own order: named in the most articles first, then most mentioned; not the outlets that
        # carry the story ("Reuters" of 263 Reuters datelines is who wrote it, not who it is about)
        outlets = {a.outlet.casefold() for a in brief.articles if a.outlet}
        return [
            e.name
            for e in brief.entities
            if e.type in TITLE_LABELS and not {n.casefold() for n in (e.name, *e.aliases)} & outlets
        ][:count]
    articles_per_name: dict[str, int] = defaultdict(int)
    for article in brief.articles:
        for name in {m.text for m in article.entities if m.label in TITLE_LABELS}:
            articles_per_name[name] += 1
    ranked_names = sorted(articles_per_name, key=lambda n: (-articles_per_name[n], n))
    # Without the roster, "Assad" and "Bashar al-Assad" are one person: group names sharing a word
    # (ignoring short particles) and show each group's fullest name.
    groups: list[tuple[set[str], list[str]]] = []
    for name in (n for n in ranked_names if articles_per_name[n] > 1):
        words = {w for w in re.split(r"[\s\-]+", name.lower()) if len(w) > 2}
        group = next((g for g in groups if g[0] & words), None)
        if group is None:
            groups.append((words, [name]))
        else:
            group[0].update(words)
            group[1].append(name)
    return [max(names, key=len) for _, names in groups[:count]]


def facts_line(brief: Brief) -> str:
    """ "5 articles: 4 from 4 outlets, 1 of unknown source, 2 with a stated date (2012-02-02 to 2012-07-12), 3
    undated (after 2011-08, inferred; 2 unknown)": the stated range and the undated count apart, never an inferred
    day."""
    articles = brief.articles
    outlets = {a.outlet for a in articles if a.outlet}
    unknown = sum(1 for a in articles if not a.outlet)
    if outlets and unknown:
        # "271 articles: 43 from 1 outlet, 228 of unknown source" (never "271 from 1 outlet and 228 ...")
        line = (
            f"{plural(len(articles), 'article')}: {len(articles) - unknown:,} from "
            f"{plural(len(outlets), 'outlet')}, {unknown:,} of unknown source"
        )
    elif outlets:
        line = f"{plural(len(articles), 'article')} from {plural(len(outlets), 'outlet')}"
    else:
        line = f"{plural(len(articles), 'article')} of unknown source"
    return line + ", " + dates_note(articles)


def dates_note(articles: Sequence[Article]) -> str:
    """The stated publication dates' range, then how many articles state none and what bounds them."""
    dates = sorted(a.published for a in articles if a.published)
    undated = [a for a in articles if a.published is None]
    parts = []
    if dates:
        span = dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        stated = "all" if not undated else f"{len(dates):,}"
        parts.append(f"{stated} with a stated date: published {span}")
    if undated:
        labels: dict[str, int] = {}
        for article in sorted(undated, key=lambda a: a.date_key() or dt.date.max):
            label = article.published_label()
            label = "unknown" if label in ("unknown", "undated") else f"{label}, inferred"
            labels[label] = labels.get(label, 0) + 1
        shown = [f"{count} {label}" if count > 1 else label for label, count in list(labels.items())[:4]]
        more = len(labels) - 4
        detail = "; ".join(shown) + (f"; {more} more intervals" if more > 0 else "")
        parts.append(f"{len(undated):,} with no stated date ({detail})")
    return ", ".join(parts) if parts else "no dates"


def render_report(brief: Brief, title: str | None = None, generated: dt.datetime | None = None) -> str:
    """The whole brief as one HTML document (a string), ready to write to disk or serve."""
    index = ArticleIndex(brief.articles)
    title = title or brief_title(brief)
    sections: list[tuple[str, str, str, int | None]] = []  # (anchor, nav label, html, count)

    def add(anchor: str, label: str, markup: str, count: int | None = None) -> None:
        sections.append((anchor, label, markup, count))

    if brief.summary is not None:
        add("summary", "Summary", render_summary(brief.summary, index))
    if brief.timeline is not None:
        published = sorted(a.published for a in brief.articles if a.published)
        focus = (published[0], published[-1]) if published else None
        # The count is what the section shows: the dated entries and the undated lane's.
        shown = len(brief.timeline.entries) + len(brief.timeline.undated)
        add("timeline", "Timeline", render_timeline(brief.timeline, index, focus), shown)
    if brief.attributions is not None:
        add(
            "quotes",
            "Who said what",
            render_attributions(brief.attributions, index),
            len(statements(brief.attributions)),
        )
    if brief.entities is not None:
        add("roster", "Who is who", render_roster(brief.entities, index), len(brief.entities))
    if brief.comparison is not None:
        claims = getattr(brief.comparison, "claims", None)
        add(
            "comparison",
            "Sources compared",
            render_comparison(brief.comparison, index),
            # what the section lists: the compared claims (``compared``)
            sum(1 for c in claims if compared(c)) if claims is not None else None,
        )
    add("articles", "Articles", render_articles(index), len(brief.articles))

    nav = "".join(
        f'<li><a href="#{anchor}">{esc(label)}</a>'
        + (f' <span class="n">{count:,}</span>' if count is not None else "")
        + "</li>"
        for anchor, label, _, count in sections
    )
    notices = []
    for message in brief.stage_errors.values():
        notices.append(f'<p class="notice error">{esc(message)}</p>')
    if brief.problems:
        lines = "".join(f"<li>{esc(str(p))}</li>" for p in brief.problems)
        notices.append(
            f'<details class="notice"><summary>{plural(len(brief.problems), "input")} could not be used '
            f"and {'is' if len(brief.problems) == 1 else 'are'} left out</summary><ul>{lines}</ul></details>"
        )
    if not brief.articles:
        notices.append('<p class="notice">No article could be read, so there is nothing to brief.</p>')
    script = asset("report.js")
    generated = generated or dt.datetime.now().replace(microsecond=0)
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src '{script_hash(script)}'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="storyline">'
        f"<title>{esc(title)} — storyline</title><style>{asset('report.css')}</style></head>"
        f'<body><header class="top"><div class="inner"><h1>{esc(title)}</h1>'
        f'<p class="facts">{esc(facts_line(brief))}</p>{"".join(notices)}</div></header>'
        f'<nav class="sections" aria-label="sections"><ul>{nav}</ul></nav>'
        f"<main>{''.join(markup for _, _, markup, _ in sections)}</main>"
        '<aside id="source-panel" hidden aria-live="polite"><button type="button" class="close" '
        'aria-label="close">×</button><h3 class="src-outlet"></h3><p class="src-date"></p><blockquote>'
        '</blockquote><div class="row"><button type="button" class="back">← back to the citation</button>'
        "</div></aside>"
        f"<footer><p>Made by storyline on {esc(generated.isoformat(sep=' '))}. Every sentence above is "
        "quoted from the articles; the numbers in brackets are the articles they come from.</p></footer>"
        f"<script>{script}</script></body></html>\n"
    )
