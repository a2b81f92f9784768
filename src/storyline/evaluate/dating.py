"""Dating undated articles from their story, measured on Timeline17.

In each topic a random 20% of the articles lose their dates (fixed seeds, several draws) and are dated
from the rest (``storyline.timeline.dating``). Scores: accuracy of the estimate at 0, 1 and 7 days, the
share whose true date lies in the reported interval, and the interval's median width; beside two
anchors scored on the same hidden articles — the latest date the article mentions (the lower bound
``ingest.describe`` gives today) and the median date of the story's dated articles.

Every choice is made leave-one-story-out: a topic is scored with the setting (similarity threshold,
weight of relative expressions) that did best on the other topics, and with interval margins measured
on the other topics' errors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import statistics
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest.describe import all_mentioned_dates
from ..timeline.dating import DatingIndex, DatingSettings
from .timeline17 import read_topic, topic_folders

# Topics looked at while developing; the others were only ever scored through the benchmark.
DEVELOPMENT = (
    "EgyptianProtest_cnn",
    "H1N1_bbc",
    "LibyaWar_cnn",
    "MJ_bbc",
    "bpoil_bbc",
    "Finan_washingtonpost",
)
HIDDEN_SHARE = 0.2
SEEDS = (0, 1, 2)
SIMILARITIES = (0.6, 0.7)
WEEKDAY_WEIGHTS = (0.0, 0.5)
# Confidence bands (lower edges) whose interval margins are measured apart.
BANDS = (0.6, 0.3, 0.0)
COVERAGE = 0.9
# A band with fewer estimates than this takes the margins measured on all bands together.
MIN_BAND = 30
POOLED = "pooled"


@dataclass
class Row:
    """One hidden article under one setting: the truth, the raw estimate, and the anchors."""

    topic: str
    seed: int
    setting: tuple[float, float]
    article: str
    truth: dt.date
    estimate: dt.date | None
    confidence: float
    method: str
    lower_bound: dt.date | None
    latest_mentioned: dt.date | None
    story_median: dt.date | None
    story_first: dt.date | None
    story_last: dt.date | None


def settings_grid() -> list[DatingSettings]:
    return [DatingSettings(min_similarity=s, weekday_weight=w) for s in SIMILARITIES for w in WEEKDAY_WEIGHTS]


def key(settings: DatingSettings) -> tuple[float, float]:
    return (settings.min_similarity, settings.weekday_weight)


def hide(articles: Sequence[Any], seed: int, topic: str) -> tuple[list[Any], set[str]]:
    """Copies of the articles with a random ``HIDDEN_SHARE`` of them undated (the draw depends on seed and topic)."""
    rng = random.Random(seed * 1_000_003 + zlib.crc32(topic.encode()))
    count = max(1, round(HIDDEN_SHARE * len(articles)))
    hidden = {a.id for a in rng.sample(list(articles), count)}
    copies = []
    for article in articles:
        if article.id in hidden:
            copies.append(
                dataclasses.replace(
                    article,
                    published=None,
                    published_provenance=None,
                    published_confidence=0.0,
                    sentences=[],
                    timexes=[],
                )
            )
        else:
            copies.append(dataclasses.replace(article, sentences=[], timexes=[]))
    return copies, hidden


def topic_rows(
    folder: Path, seeds: Iterable[int] = SEEDS, grid: Sequence[DatingSettings] | None = None
) -> list[Row]:
    topic = read_topic(folder)
    truth = {a.id: a.published for a in topic.articles}
    rows = []
    for seed in seeds:
        copies, hidden = hide(topic.articles, seed, topic.name)
        index = DatingIndex(copies)
        known = sorted(a.published for a in copies if a.published is not None)
        median = statistics.median_low(known) if known else None
        for settings in grid or settings_grid():
            inferred = index.infer(settings)
            for article in index.undated:
                result = inferred[article.id]
                mentioned = all_mentioned_dates(article.text)
                rows.append(
                    Row(
                        topic=topic.name,
                        seed=seed,
                        setting=key(settings),
                        article=article.id,
                        truth=truth[article.id],  # type: ignore[arg-type]
                        estimate=result.estimate,
                        confidence=result.confidence,
                        method=result.method,
                        lower_bound=result.lower_bound,
                        latest_mentioned=max(mentioned)[0] if mentioned else None,
                        story_median=median,
                        story_first=known[0] if known else None,
                        story_last=known[-1] if known else None,
                    )
                )
        assert len(index.undated) == len(hidden)
    return rows


def band(row: Row) -> str:
    if row.method != "corpus":
        return row.method
    return str(next(edge for edge in BANDS if row.confidence >= edge))


def point(row: Row) -> dt.date | None:
    """The best guess: the estimate, or with none the lower bound (as the anchor gives it)."""
    return row.estimate if row.estimate is not None else row.lower_bound


def quantile(values: Sequence[int], share: float) -> int:
    ordered = sorted(values)
    if not ordered:
        return 0
    position = min(len(ordered) - 1, max(0, int(round(share * (len(ordered) - 1)))))
    return ordered[position]


def fit_margins(rows: Sequence[Row]) -> dict[str, tuple[int, int]]:
    """Per band of estimates, the days before and after the estimate that hold the truth for ``COVERAGE`` of
    ``rows`` (the tails split evenly)."""
    margins: dict[str, tuple[int, int]] = {}
    groups: dict[str, list[int]] = {}
    for row in rows:
        if row.estimate is not None:
            groups.setdefault(band(row), []).append((row.truth - row.estimate).days)
    tail = (1 - COVERAGE) / 2
    pooled = [days for offsets in groups.values() for days in offsets]
    for name, offsets in [*groups.items(), (POOLED, pooled)]:
        if len(offsets) < MIN_BAND and name != POOLED:
            continue  # too few to measure a tail: the pooled margins serve
        margins[name] = (max(0, -quantile(offsets, tail)), max(0, quantile(offsets, 1 - tail)))
    return margins


def interval(row: Row, margins: dict[str, tuple[int, int]]) -> tuple[dt.date | None, dt.date | None]:
    """The reported interval: around the estimate by its band's margins (never before the lower bound when
    the estimate is after it); with no estimate, after the lower bound (open), or unknown (open both ways)."""
    if row.estimate is None:
        return row.lower_bound, None
    before, after = margins.get(band(row)) or margins.get(POOLED) or (30, 30)
    earliest = row.estimate - dt.timedelta(days=before)
    if row.lower_bound is not None and row.lower_bound <= row.estimate:
        earliest = max(earliest, row.lower_bound)
    return earliest, row.estimate + dt.timedelta(days=after)


def accuracy(rows: Sequence[Row], guess: Callable[[Row], dt.date | None]) -> dict[str, Any]:
    def within(days: int) -> float:
        hits = [(p := guess(r)) is not None and abs((r.truth - p).days) <= days for r in rows]
        return sum(hits) / len(hits) if hits else 0.0

    return {"exact": within(0), "within_1": within(1), "within_7": within(7)}


def score(rows: Sequence[Row], margins_of: Callable[[Row], dict[str, tuple[int, int]]]) -> dict[str, Any]:
    figures: dict[str, Any] = accuracy(rows, point)
    inside, widths = [], []
    for row in rows:
        earliest, latest = interval(row, margins_of(row))
        inside.append((earliest is None or earliest <= row.truth) and (latest is None or row.truth <= latest))
        if earliest is not None and latest is not None:
            widths.append((latest - earliest).days + 1)
    figures["in_interval"] = sum(inside) / len(inside) if inside else 0.0
    figures["median_width_days"] = statistics.median(widths) if widths else None
    figures["open_intervals"] = (len(rows) - len(widths)) / len(rows) if rows else 0.0
    figures["articles"] = len(rows)
    figures["by_method"] = {
        m: sum(r.method == m for r in rows) for m in ("corpus", "neighbours", "lower-bound", "unknown")
    }
    return figures


def anchors(rows: Sequence[Row]) -> dict[str, dict[str, Any]]:
    latest: dict[str, Any] = accuracy(rows, lambda r: r.latest_mentioned)
    latest["in_interval"] = sum(
        r.latest_mentioned is not None and r.latest_mentioned <= r.truth for r in rows
    ) / max(len(rows), 1)
    latest["median_width_days"] = None  # an open interval: after the latest date mentioned
    median: dict[str, Any] = accuracy(rows, lambda r: r.story_median)
    median["in_interval"] = sum(
        r.story_first is not None and r.story_last is not None and r.story_first <= r.truth <= r.story_last
        for r in rows
    ) / max(len(rows), 1)
    widths = [(r.story_last - r.story_first).days + 1 for r in rows if r.story_first and r.story_last]
    median["median_width_days"] = statistics.median(widths) if widths else None
    named: dict[str, Any] = accuracy(rows, lambda r: r.lower_bound)
    named["in_interval"] = sum(r.lower_bound is not None and r.lower_bound <= r.truth for r in rows) / max(
        len(rows), 1
    )
    named["median_width_days"] = None
    return {
        "latest date mentioned (lower bound)": latest,
        "latest day named, timex tagger (lower bound)": named,
        "story's median date (story's span)": median,
    }


def evaluate(
    directory: str | Path,
    topics: Sequence[str] | None = None,
    seeds: Iterable[int] = SEEDS,
    quiet: bool = True,
    grid: Sequence[DatingSettings] | None = None,
) -> dict[str, Any]:
    """Leave-one-story-out figures: each topic scored with the setting and margins chosen on the others."""
    folders = [f for f in topic_folders(directory) if topics is None or f.name in topics]
    seeds = tuple(seeds)
    rows: list[Row] = []
    for folder in folders:
        if not quiet:
            print(f"dating: {folder.name}", flush=True)
        rows.extend(topic_rows(folder, seeds, grid))
    names = [f.name for f in folders]
    chosen: dict[str, tuple[float, float]] = {}
    margins: dict[str, dict[str, tuple[int, int]]] = {}
    for name in names:
        others = [r for r in rows if r.topic != name] or rows
        best = max(
            {r.setting for r in others},
            key=lambda s: (
                accuracy([r for r in others if r.setting == s], point)["within_1"],
                -s[0],
            ),
        )
        chosen[name] = best
        margins[name] = fit_margins([r for r in others if r.setting == best])
    scored = [r for r in rows if r.setting == chosen[r.topic]]
    per_topic = {
        name: score([r for r in scored if r.topic == name], lambda r: margins[r.topic]) for name in names
    }
    development = [r for r in scored if r.topic in DEVELOPMENT]
    heldout = [r for r in scored if r.topic not in DEVELOPMENT]
    # The setting and margins to ship: chosen on every topic.
    everything = max(
        {r.setting for r in rows},
        key=lambda s: (
            accuracy([r for r in rows if r.setting == s], point)["within_1"],
            -s[0],
        ),
    )
    return {
        "all": score(scored, lambda r: margins[r.topic]),
        "development": score(development, lambda r: margins[r.topic]) if development else None,
        "heldout": score(heldout, lambda r: margins[r.topic]) if heldout else None,
        "anchors": anchors(scored),
        "anchors_heldout": anchors(heldout) if heldout else None,
        "per_topic": per_topic,
        "chosen_settings": chosen,
        "fold_margins": margins,
        "shipped_setting": everything,
        "shipped_margins": fit_margins([r for r in rows if r.setting == everything]),
        "seeds": list(seeds),
    }
