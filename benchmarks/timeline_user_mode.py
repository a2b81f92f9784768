"""Which dates the user-mode timeline picks, and rules tried for picking them, on Timeline17 (date F1 only).

Run from the project root:  nice .venv/bin/python benchmarks/timeline_user_mode.py [DIR] [--cache FILE]
[--families NAME ...]

User mode is what ``storyline timeline articles.jsonl --dates L`` gives: every article, no range, days, months
and years allowed; only ``L`` (the gold's number of dates) is given. Here only its *dates* are scored (date F1
as news-tls averages it: mean precision and recall over timelines, F of the means; a month or a year counts as
a wrong date), so a rule can be measured in seconds once the articles are annotated. Every story is ranked
with date weights fitted on the other stories (leave one story out; the five bpoil topics are one story), and
each family of rules has its parameter chosen by ``training.folds.choose_by_story``: a story gets the value
best on the *other* stories; "held out" is the figure so obtained. The shipped rule (``timeline.build``:
``rank_dates``, ``finest_first``, ``story_period_first``) is the first value of every family, so it wins ties.

Families (none shipped; BENCHMARKS.md, eleventh and twelfth sessions, helper D): a coverage penalty (a date's
score minus ``lam * exp(-days / tau)`` to the nearest date already chosen), a phase quota (the best date of each
of ``P`` equal stretches of the story's publication period first), a volume quota (the same with stretches of
equal numbers of articles), "later references" (the z-scored log count of articles published at least ``gap``
days after the date that name it, added with weight ``beta``), and a relevance filter (articles whose TF-IDF
cosine to the story's centroid is under ``theta`` times the median left out); thirteenth session, helper E:
"mention days" (the z-scored log count of distinct publication days of the articles naming the date, all or
only after it, added with weight ``beta``), user-mode weights (``fit_weights`` on the user-mode candidates of the
other stories rather than the gold range's), and the off-story bar (``timeline.build.OFF_STORY``) chosen in
folds; fourteenth session, helper C: where the story ends by its coverage ("coverage end": the last week
with at least ``share`` of the busiest week's articles; "coverage quantile": the day by which a share ``q`` of
the articles were out; dates more than a week after it come last) and "retrospective days" (a publication day
whose articles mostly look back ``gap`` days or more, and that no other article names, comes last). First it
prints what the gold's range is worth (user mode with the dates after the gold's last one
skipped: a diagnosis, the range being the gold's). ``--week-bars`` (sixteenth session, helper D) measures only
the bar of a week's look back (``timeline.build.WEEK_TO_DAY``), the date weights refitted for each bar. ``--counts``
(sixteenth session, helper I) measures only *how many* dates user mode shows without ``--dates``
(``timeline.build.supported_dates``: the shipped count, then rules from the dates' mention counts, the share of the
story's articles naming them, their rank scores, the story's span, a fixed number; each capped by the setting
``timeline.dates`` as the shipped count is, and with no cap), the dates being user mode's ranking. Every rule,
as the shipped timeline does, takes no entry from an article far from the story (``timeline.build.off_story``).
Eighteenth session, helper C: "one event" (a day next to a day already picked comes after the others when the
centroid of the sentences dated to it is within a cosine ``bar`` of its neighbour's: a burst's neighbour days as
one event), "on-story days" (+ ``beta`` x the z-scored cosine of a day's sentences to the story's), and "later, two or
more" (later references counted only from ``least`` articles on, a date before the story's first article gaining
nothing). ``--cache FILE`` keeps the annotated topics and their event times (a pickle; delete it when the code that dates
sentences changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import pickle
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyline.evaluate.timeline17 import story_of
from storyline.timeline import build
from storyline.training.folds import choose_by_story
from storyline.training.gold.timeline17 import annotate_topic, read_topic, topic_folders
from storyline.training.timeline_weights import date_examples, fit_weights

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timeline17"
Select = Callable[[Any, dict, list, dict, int], list]


def load(directory: str, cache: str | None) -> list[Any]:
    if cache and Path(cache).exists():
        topics = pickle.loads(Path(cache).read_bytes())
    else:
        topics = []
        for folder in topic_folders(directory):
            topic = read_topic(folder, glued_apart=True)  # the timeline protocol's reading
            annotate_topic(topic)
            times = build.kept_event_times(topic.articles)
            topics.append((topic, {a.id: t for a, t in zip(topic.articles, times, strict=True)}))
        if cache:
            Path(cache).write_bytes(pickle.dumps(topics))
    kept = {id(a): times[a.id] for topic, times in topics for a in topic.articles}
    build.kept_event_times = lambda articles, parses=None, pieces=None: [kept[id(a)] for a in articles]  # type: ignore[assignment]
    build.event_times = lambda article, parses=None: kept[id(article)]  # type: ignore[assignment]
    return [topic for topic, _ in topics]


def zscores(values: dict) -> dict:
    mean = statistics.fmean(values.values())
    spread = statistics.pstdev(values.values()) or 1.0
    return {key: (value - mean) / spread for key, value in values.items()}


def scores_of(stats: dict, weights: dict) -> dict:
    features = build.standardized_features(stats)
    return {p: sum(weights.get(n, 0.0) * v for n, v in f.items()) for p, f in features.items()}


def shipped(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
    ranked = build.story_period_first(build.finest_first(build.rank_dates(stats, weights)), used)
    return ranked[:wanted]


def coverage(lam: float, tau: float) -> Select:
    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        score = scores_of(stats, weights)
        ranked = shipped(topic, stats, used, weights, len(stats))
        chosen: list = []
        pool = list(ranked)
        while pool and len(chosen) < wanted:

            def adjusted(p: Any) -> float:
                if not chosen:
                    return score[p]
                nearest = min(abs((p.start - c.start).days) for c in chosen)
                return score[p] - lam * math.exp(-nearest / tau)

            best = max(pool, key=lambda p: (adjusted(p), -pool.index(p)))
            chosen.append(best)
            pool.remove(best)
        return chosen

    return select


def phases(parts: int) -> Select:
    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        ranked = shipped(topic, stats, used, weights, len(stats))
        published = sorted(a.published for a in used if a.published)
        low, span = published[0], max(1, (published[-1] - published[0]).days + 1)
        bounds = [low + dt.timedelta(days=span * k / parts) for k in range(parts + 1)]
        first = []
        for k in range(parts):
            for p in ranked:
                if (
                    p.granularity == "day"
                    and bounds[k] <= p.start < bounds[k + 1]
                    and len(stats[p].mention_articles) >= 2
                ):
                    first.append(p)
                    break
        first = first[:wanted]
        return first + [p for p in ranked if p not in set(first)][: wanted - len(first)]

    return select


def volume_phases(parts: int) -> Select:
    """The best date of each of ``parts`` stretches holding equal numbers of the story's dated articles first
    (a story's busy weeks get more stretches than its quiet months), then the rest by rank."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        ranked = shipped(topic, stats, used, weights, len(stats))
        published = sorted(a.published for a in used if a.published)
        bounds = [published[min(len(published) - 1, len(published) * k // parts)] for k in range(parts)]
        bounds.append(published[-1] + dt.timedelta(days=1))
        first = []
        for k in range(parts):
            for p in ranked:
                if (
                    p.granularity == "day"
                    and bounds[k] <= p.start < bounds[k + 1]
                    and len(stats[p].mention_articles) >= 2
                    and p not in first
                ):
                    first.append(p)
                    break
        first = first[:wanted]
        return first + [p for p in ranked if p not in set(first)][: wanted - len(first)]

    return select


LATER: dict[tuple[str, int], dict] = {}


def later_references(gap: int, beta: float, least: int = 1, story_only: bool = False) -> Select:
    """+ ``beta`` x the z-scored log count of articles published ``gap`` days or more after the date that name it;
    a count under ``least`` counts as none (one stray later mention is no sign of a big event); with
    ``story_only`` a date before the story's first article gains nothing (background)."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        key = (topic.name, gap, least, story_only)
        if key not in LATER:
            first = min(a.published for a in used if a.published)
            named: dict = defaultdict(set)
            for article in used:
                if article.published is None:
                    continue
                for _, point in build.sentence_mentions(article):
                    if point in stats and (article.published - point.end).days >= gap:
                        named[point].add(article.id)
            LATER[key] = zscores(
                {
                    p: math.log1p(len(named[p]))
                    if len(named[p]) >= least and not (story_only and p.end < first)
                    else 0.0
                    for p in stats
                }
            )
        score = scores_of(stats, weights)
        total = {p: score[p] + beta * LATER[key][p] for p in score}
        ranked = sorted(stats, key=lambda p: (-total[p], p.start, p.granularity))
        return build.story_period_first(build.finest_first(ranked), used)[:wanted]

    return select


def mention_days(beta: float, after_only: bool) -> Select:
    """+ ``beta`` x the z-scored log count of distinct publication days of the articles naming the date (only
    days after it with ``after_only``): a date still named week after week is a big event."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        published = {a.id: a.published for a in used}
        raw = {}
        for p, entry in stats.items():
            days = {published.get(i) for i in entry.mention_articles} - {None}
            raw[p] = math.log1p(len([d for d in days if d > p.end] if after_only else days))
        bonus = zscores(raw)
        score = scores_of(stats, weights)
        ranked = sorted(stats, key=lambda p: (-(score[p] + beta * bonus[p]), p.start, p.granularity))
        return build.story_period_first(build.finest_first(ranked), used)[:wanted]

    return select


def coverage_end(share: float) -> Select:
    """The story ends where coverage falls: the last week (7-day stretch from the first article) with at least
    ``share`` times the busiest week's articles; dates more than a week after it come after the others, each part
    in rank order (for an analyst a loss: the war's later turns go; measured because the gold timelines stop)."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        ranked = shipped(topic, stats, used, weights, len(stats))
        published = sorted(a.published for a in used if a.published)
        weeks: dict = defaultdict(int)
        for day in published:
            weeks[(day - published[0]).days // 7] += 1
        peak = max(weeks.values())
        last = max(w for w, n in weeks.items() if n >= share * peak)
        end = published[0] + dt.timedelta(days=7 * (last + 1) + 7)
        return ([p for p in ranked if p.start <= end] + [p for p in ranked if p.start > end])[:wanted]

    return select


def coverage_quantile(q: float) -> Select:
    """The story ends when a share ``q`` of its dated articles have been published: dates more than a week
    after that day come after the others, each part in rank order."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        ranked = shipped(topic, stats, used, weights, len(stats))
        published = sorted(a.published for a in used if a.published)
        end = published[min(len(published) - 1, int(q * len(published)))] + dt.timedelta(days=7)
        return ([p for p in ranked if p.start <= end] + [p for p in ranked if p.start > end])[:wanted]

    return select


RETRO: dict[tuple[str, int], dict] = {}


def retrospective_days(gap: int, share: float) -> Select:
    """A publication day whose articles mostly look back (most of the days an article names lie ``gap`` days or
    more before it was published: an anniversary, a "one year on" page) is no new event: such dates, when
    they have no article naming them but their own day's, come after the others."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        key = (topic.name, gap)
        if key not in RETRO:
            looking_back = set()
            for article in used:
                if article.published is None:
                    continue
                named = [p for _, p in build.sentence_mentions(article) if p.granularity == "day"]
                back = sum((article.published - p.end).days >= gap for p in named)
                if named and back > len(named) / 2:
                    looking_back.add(article.id)
            RETRO[key] = {
                p: len(e.published_articles & looking_back) / len(e.published_articles)
                for p, e in stats.items()
                if e.published_articles
            }
        ranked = shipped(topic, stats, used, weights, len(stats))
        late = {
            p
            for p in ranked
            if RETRO[key].get(p, 0.0) >= share
            and not (stats[p].mention_articles - stats[p].published_articles)
        }
        return ([p for p in ranked if p not in late] + [p for p in ranked if p in late])[:wanted]

    return select


DAY_VECTORS: dict[str, tuple[dict, Any]] = {}


def day_vectors(topic: Any, used: list) -> tuple[dict, Any]:
    """Per candidate day of the topic, the unit TF-IDF centroid of the sentences its own words date to it; and the
    story's (all those sentences')."""
    if topic.name not in DAY_VECTORS:
        import numpy as np

        from storyline.text.tfidf import tfidf_matrix

        away = build.off_story(used)
        told = [a for a in used if a.id not in away]
        texts: dict = defaultdict(set)
        for article, times in zip(told, build.kept_event_times(told), strict=True):
            for item in build.date_sentences(article, ("day",), times):
                if item.mentioned:
                    texts[item.point].add(item.text)
        rows = sorted({t for day in texts.values() for t in day})
        row = {t: i for i, t in enumerate(rows)}
        matrix = tfidf_matrix(rows)
        vectors = {}
        for point, day in texts.items():
            vector = np.asarray(matrix[[row[t] for t in day]].sum(axis=0)).ravel()
            vectors[point] = vector / (np.linalg.norm(vector) or 1.0)
        story = np.asarray(matrix.sum(axis=0)).ravel()
        DAY_VECTORS[topic.name] = (vectors, story / (np.linalg.norm(story) or 1.0))
    return DAY_VECTORS[topic.name]


def one_event(bar: float) -> Select:
    """A burst's neighbour days are one event: a day next to (one day from) a day already picked comes after the
    others when the centroid of the sentences dated to it has a cosine of ``bar`` or more to its neighbour's (no
    event of its own); each part in rank order."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        vectors, _ = day_vectors(topic, used)
        ranked = shipped(topic, stats, used, weights, len(stats))
        chosen: list = []
        later: list = []
        for point in ranked:
            if len(chosen) >= wanted:
                break
            same = [
                other
                for other in chosen
                if point.granularity == other.granularity == "day"
                and abs((point.start - other.start).days) == 1
                and point in vectors
                and other in vectors
                and float(vectors[point] @ vectors[other]) >= bar
            ]
            (later if same else chosen).append(point)
        return (chosen + later)[:wanted]

    return select


def on_story_days(beta: float) -> Select:
    """+ ``beta`` x the z-score, over the story's candidate days, of the cosine of a day's sentences' centroid to
    the story's (a month or a year gets 0, the mean)."""

    def select(topic: Any, stats: dict, used: list, weights: dict, wanted: int) -> list:
        vectors, story = day_vectors(topic, used)
        bonus = zscores({p: float(v @ story) for p, v in vectors.items() if p in stats})
        score = scores_of(stats, weights)
        ranked = sorted(stats, key=lambda p: (-(score[p] + beta * bonus.get(p, 0.0)), p.start, p.granularity))
        return build.story_period_first(build.finest_first(ranked), used)[:wanted]

    return select


def user_mode_weights(topics: list, stories: list, cache: dict, days_only: bool) -> dict:
    """Per story, date weights fitted (as ``fit_weights``) on the *user-mode* candidates of the other stories
    (every date the whole topic names, standardized over them; a day of the gold is a positive)."""
    out = {}
    for story in stories:
        examples = []
        for topic in topics:
            if story_of(topic.name) == story:
                continue
            features = build.standardized_features(prepared(topic, 0.0, cache)[1])
            for gold in topic.timelines:
                kept = [p for p in features if p.granularity == "day" or not days_only]
                examples.append(
                    (
                        [[features[p][n] for n in build.DATE_FEATURES] for p in kept],
                        [int(p.granularity == "day" and p.start in gold.entries) for p in kept],
                    )
                )
        out[story] = fit_weights(examples)
    return out


def range_known(topics: list, folds: dict, cache: dict) -> None:
    """What the gold's range is worth: user mode's ranking, with the dates after the gold's last one (or
    outside its range) skipped; and with months and years skipped. Diagnosis only (the range is the gold's)."""
    rows: dict[str, list] = defaultdict(list)
    for topic in topics:
        used, stats = prepared(topic, 0.0, cache)
        ranked = shipped(topic, stats, used, folds[story_of(topic.name)], len(stats))
        for gold in topic.timelines:
            for name, keep in (
                ("user mode", lambda p: True),
                ("  the gold's last date known", lambda p, g=gold: p.start <= g.end),
                ("  the gold's range known", lambda p, g=gold: g.start <= p.start <= g.end),
                ("  days only", lambda p: p.granularity == "day"),
            ):
                picks = [p for p in ranked if keep(p)][: len(gold.entries)]
                shared = len({p.start for p in picks if p.granularity == "day"} & set(gold.entries))
                rows[name].append(
                    (story_of(topic.name), shared / len(picks) if picks else 0.0, shared / len(gold.entries))
                )
                if name == "user mode":
                    rows["  picks after the gold's last date"].append(
                        (story_of(topic.name), sum(p.start > gold.end for p in picks) / len(picks), 0.0)
                    )
    for name, items in rows.items():
        if "picks after" in name:
            print(
                f"{name:<36} {sum(r[1] for r in items) / len(items):.3f} of the picks (mean over timelines)"
            )
        else:
            print(f"{name:<36} date F1 {news_tls_f1(items):.4f}")


def prepared(topic: Any, theta: float, cache: dict) -> tuple[list, dict]:
    key = (topic.name, theta)
    if key not in cache:
        used = topic.articles
        away = build.off_story(used)  # as ``timeline_of``: an article far from the story gives no entry
        told = [a for a in used if a.id not in away]
        if theta:
            import numpy as np

            from storyline.text.tfidf import tfidf_matrix

            matrix = tfidf_matrix([a.text for a in used])
            centroid = np.asarray(matrix.sum(axis=0)).ravel()
            cosine = matrix @ (centroid / np.linalg.norm(centroid))
            median = float(np.median(cosine))
            used = [a for a, c in zip(used, cosine, strict=True) if c >= theta * median]
            told = [a for a in told if a.id in {b.id for b in used}]
        times = build.kept_event_times(told)
        dated = [
            item
            for a, t in zip(told, times, strict=True)
            for item in build.date_sentences(a, ("day", "month", "year"), t)
        ]
        cache[key] = (used, build.date_statistics(dated, used))
    return cache[key]


def score_rule(topics: list, folds: dict, select: Select, theta: float, cache: dict) -> tuple[dict, list]:
    per_story: dict[str, list[float]] = defaultdict(list)
    rows = []
    for topic in topics:
        used, stats = prepared(topic, theta, cache)
        for gold in topic.timelines:
            picks = select(topic, stats, used, folds[story_of(topic.name)], len(gold.entries))
            days = {p.start for p in picks if p.granularity == "day"}
            shared = len(days & set(gold.entries))
            precision = shared / len(picks) if picks else 0.0
            recall = shared / len(gold.entries)
            rows.append((story_of(topic.name), precision, recall))
            per_story[story_of(topic.name)].append(
                2 * precision * recall / (precision + recall) if precision + recall else 0.0
            )
    return {s: statistics.fmean(v) for s, v in per_story.items()}, rows


def news_tls_f1(rows: list) -> float:
    precision = statistics.fmean(r[1] for r in rows)
    recall = statistics.fmean(r[2] for r in rows)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


Count = Callable[[list, dict, list, dict], int]


def mention_bar(needed: int, most: float = math.inf) -> Count:
    """As ``supported_dates`` with ``SUPPORT_MENTIONS`` = ``needed``: the dates told by that many articles (at
    most ``most``)."""

    def count(ranked: list, stats: dict, used: list, score: dict) -> int:
        return int(min(most, sum(len(stats[p].mention_articles) >= needed for p in ranked)))

    return count


def mention_share(share: float) -> Count:
    """The dates told by at least ``share`` of the story's dated articles (two at least)."""

    def count(ranked: list, stats: dict, used: list, score: dict) -> int:
        needed = max(2, share * sum(a.published is not None for a in used))
        return sum(len(stats[p].mention_articles) >= needed for p in ranked)

    return count


def standing_out(bar: float) -> Count:
    """The dates whose rank score (a sum of weighted z-scores over the story's candidates) is at least ``bar``."""

    def count(ranked: list, stats: dict, used: list, score: dict) -> int:
        return sum(score[p] >= bar for p in ranked)

    return count


def per_days(days: int) -> Count:
    """One date for every ``days`` days the story's articles span."""

    def count(ranked: list, stats: dict, used: list, score: dict) -> int:
        published = sorted(a.published for a in used if a.published)
        return round(((published[-1] - published[0]).days + 1) / days) if published else 0

    return count


def supported(ranked: list, stats: dict, used: list, score: dict) -> int:
    """The shipped count."""
    return build.supported_dates(ranked, stats, used)


def fixed(number: int) -> Count:
    def count(ranked: list, stats: dict, used: list, score: dict) -> int:
        return number

    return count


def date_counts(topics: list, folds: dict, cache: dict) -> None:
    """How many dates user mode shows without ``--dates`` (``timeline.build.supported_dates``), against the gold's
    number, and rules for that number, each capped as the shipped one is (at most the setting ``timeline.dates``,
    at least three) and, for the record, with no cap; each family's parameter chosen by ``choose_by_story``.
    The dates are user mode's ranking (fold weights); only the count changes."""
    from storyline.settings import current_settings

    cap = current_settings().timeline.dates
    names = sorted(t.name for t in topics)
    ranking = {}
    for topic in topics:
        used, stats = prepared(topic, 0.0, cache)
        weights = folds[story_of(topic.name)]
        ranked = shipped(topic, stats, used, weights, len(stats))
        ranking[topic.name] = (ranked, stats, used, scores_of(stats, weights))
        shown = build.supported_dates(ranked, stats, used)
        print(
            f"{topic.name:<22} gold dates {'/'.join(str(len(g.entries)) for g in topic.timelines):<5} "
            f"supported_dates {shown:<3} candidates {len(ranked):<4} told by >= 2 articles "
            f"{mention_bar(2)(ranked, stats, used, {})}"
        )

    def figures(count: Count, capped: bool) -> tuple[dict, list]:
        per_story: dict[str, list[float]] = defaultdict(list)
        rows = []
        for topic in topics:
            ranked, stats, used, score = ranking[topic.name]
            wanted = count(ranked, stats, used, score)
            if capped:
                wanted = min(cap, max(wanted, min(3, len(ranked))))
            picks = ranked[: max(1, wanted)]
            for gold in topic.timelines:
                shared = len({p.start for p in picks if p.granularity == "day"} & set(gold.entries))
                precision, recall = shared / len(picks), shared / len(gold.entries)
                rows.append((story_of(topic.name), precision, recall, names.index(topic.name) % 2))
                per_story[story_of(topic.name)].append(
                    2 * precision * recall / (precision + recall) if precision + recall else 0.0
                )
        return {s: statistics.fmean(v) for s, v in per_story.items()}, rows

    def halves(rows: list) -> str:
        development = news_tls_f1([r for r in rows if r[3] == 0])
        return (
            f"{news_tls_f1(rows):8.4f} {development:8.4f} {news_tls_f1([r for r in rows if r[3] == 1]):8.4f}"
        )

    families = {
        "mention bar": {f"{k} articles": mention_bar(k) for k in (2, 3, 4, 5, 6, 8, 10, 12, 15, 20)},
        "mention share": {f"share {q}": mention_share(q) for q in (0.01, 0.02, 0.03, 0.05, 0.08)},
        "standing out": {f"score {b}": standing_out(b) for b in (0.5, 1, 1.5, 2, 2.5, 3, 4)},
        "per days": {f"1 per {d} days": per_days(d) for d in (5, 10, 15, 20, 30)},
        "fixed": {f"{n} dates": fixed(n) for n in (5, 10, 15, 20, 25, 30, 40)},
    }
    for capped in (True, False):
        if not capped:
            families["bar and cap"] = {
                f"{k} articles, at most {c}": mention_bar(k, c)
                for k in (2, 3, 4, 5, 6, 8)
                for c in (20, 30, 40, 60)
            }
        print(f"\n{'capped at ' + str(cap) + ', at least 3' if capped else 'no cap'}")
        print(f"{'rule':<34} {'date F1':>8} {'dev':>8} {'held':>8}   per story")
        for family, rules in families.items():
            results = {"shipped": figures(supported, True)} | {
                name: figures(count, capped) for name, count in rules.items()
            }
            for name, (per_story, rows) in results.items():
                cells = " ".join(f"{s} {v:.3f}" for s, v in sorted(per_story.items()))
                print(f"{family[:12] + ': ' + name:<34} {halves(rows)}   {cells}")
            choice = choose_by_story({name: per_story for name, (per_story, _) in results.items()})
            order = [row[0] for row in results["shipped"][1]]
            held = [results[choice.fold_values[s]][1][i] for i, s in enumerate(order)]
            print(f"  {family}, chosen in folds: {halves(held)}; fold values {choice.fold_values}")


def week_bars(topics: list) -> None:
    """User-mode date F1 and the protocol's date ranking (the gold range's candidates, the best ``L`` days) with
    each bar of ``timeline.build.WEEK_TO_DAY`` (the shipped one first; ``inf``: a week counts for no day), the
    date weights refitted on the other stories for each bar; the bar chosen in folds on the user-mode figure."""
    from storyline.training.gold.timeline17 import gold_range_sentences

    shipped_bar = build.WEEK_TO_DAY
    figures = {}
    names = sorted(t.name for t in topics)
    for bar in (shipped_bar, math.inf, 0.1, 0.2, 0.35, 0.5):
        if bar == shipped_bar and figures:
            continue
        build.WEEK_TO_DAY = bar
        stories = sorted({story_of(t.name) for t in topics})
        examples = {t.name: [date_examples(t, g) for g in t.timelines] for t in topics}
        folds = {
            s: fit_weights([e for n, items in examples.items() if story_of(n) != s for e in items])
            for s in stories
        }
        per_story, rows = score_rule(topics, folds, shipped, 0.0, {})
        protocol = []
        for topic in topics:
            for gold in topic.timelines:
                used, dated = gold_range_sentences(topic, gold)
                ranked = build.rank_dates(build.date_statistics(dated, used), folds[story_of(topic.name)])
                picks = [p for p in ranked if p.granularity == "day"][: len(gold.entries)]
                shared = len({p.start for p in picks} & set(gold.entries))
                protocol.append(
                    (story_of(topic.name), shared / max(1, len(picks)), shared / len(gold.entries))
                )
        halves = [names.index(t.name) % 2 for t in topics for _ in t.timelines]
        development = news_tls_f1([r for r, h in zip(rows, halves, strict=True) if h == 0])
        held_out = news_tls_f1([r for r, h in zip(rows, halves, strict=True) if h == 1])
        cells = " ".join(f"{s} {v:.3f}" for s, v in sorted(per_story.items()))
        print(
            f"week bar {bar:<5} user mode {news_tls_f1(rows):.4f} (development {development:.4f}, held out "
            f"{held_out:.4f}); protocol ranking {news_tls_f1(protocol):.4f}   {cells}"
        )
        figures[f"{bar}"] = (per_story, rows)
    build.WEEK_TO_DAY = shipped_bar
    choice = choose_by_story({name: per_story for name, (per_story, _) in figures.items()})
    order = [row[0] for row in figures[f"{shipped_bar}"][1]]
    held = [figures[choice.fold_values[s]][1][i] for i, s in enumerate(order)]
    print(f"  week bar chosen in folds: date F1 {news_tls_f1(held):.4f}; fold values {choice.fold_values}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", default=str(DEFAULT))
    parser.add_argument("--cache", metavar="FILE", help="keep the annotated topics and event times here")
    parser.add_argument(
        "--families", nargs="+", metavar="NAME", help="only these families (and no off-story bars)"
    )
    parser.add_argument(
        "--week-bars",
        action="store_true",
        help="only the bar of a week's look back (timeline.build.WEEK_TO_DAY)",
    )
    parser.add_argument(
        "--counts",
        action="store_true",
        help="only how many dates user mode shows without --dates (timeline.build.supported_dates)",
    )
    args = parser.parse_args()
    began = time.process_time()
    topics = load(args.directory, args.cache)
    if args.week_bars:
        week_bars(topics)
        print(f"CPU seconds: {time.process_time() - began:.0f}", file=sys.stderr)
        return 0
    stories = sorted({story_of(t.name) for t in topics})
    examples = {t.name: [date_examples(t, g) for g in t.timelines] for t in topics}
    folds = {
        s: fit_weights([e for n, items in examples.items() if story_of(n) != s for e in items])
        for s in stories
    }
    if args.counts:
        date_counts(topics, folds, {})
        print(f"CPU seconds: {time.process_time() - began:.0f}", file=sys.stderr)
        return 0
    families: dict[str, dict[str, tuple[Any, ...]]] = {
        "coverage penalty": {"shipped": (shipped, 0.0)}
        | {
            f"lam {lam} tau {tau}": (coverage(lam, tau), 0.0) for lam in (0.5, 1, 2) for tau in (2, 5, 10, 20)
        },
        "phase quota": {"shipped": (shipped, 0.0)} | {f"P {p}": (phases(p), 0.0) for p in (3, 5, 8, 12)},
        "later references": {"shipped": (shipped, 0.0)}
        | {
            f"gap {g} beta {b}": (later_references(g, b), 0.0) for g in (7, 14, 30) for b in (0.25, 0.5, 1, 2)
        },
        "volume quota": {"shipped": (shipped, 0.0)}
        | {f"P {p}": (volume_phases(p), 0.0) for p in (3, 5, 8, 12)},
        "relevance filter": {"shipped": (shipped, 0.0)}
        | {f"theta {t}": (shipped, t) for t in (0.3, 0.5, 0.7)},
    }
    families["mention days"] = {"shipped": (shipped, 0.0)} | {
        f"beta {b}": (mention_days(b, False), 0.0) for b in (0.25, 0.5, 1, 2)
    }
    families["mention days after"] = {"shipped": (shipped, 0.0)} | {
        f"beta {b}": (mention_days(b, True), 0.0) for b in (0.25, 0.5, 1, 2)
    }
    families["one event"] = {"shipped": (shipped, 0.0)} | {
        f"bar {b}": (one_event(b), 0.0) for b in (0.0, 0.1, 0.2, 0.3, 0.4, 0.6)
    }
    families["later, two or more"] = {"shipped": (shipped, 0.0)} | {
        f"gap {g} beta {b} least {k}": (later_references(g, b, k, True), 0.0)
        for g in (14, 21, 30)
        for b in (0.25, 0.5, 1)
        for k in (1, 2, 3)
    }
    families["on-story days"] = {"shipped": (shipped, 0.0)} | {
        f"beta {b}": (on_story_days(b), 0.0) for b in (0.1, 0.25, 0.5, 1.0)
    }
    families["coverage end"] = {"shipped": (shipped, 0.0)} | {
        f"share {f}": (coverage_end(f), 0.0) for f in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
    }
    families["coverage quantile"] = {"shipped": (shipped, 0.0)} | {
        f"q {q}": (coverage_quantile(q), 0.0) for q in (0.7, 0.8, 0.9, 0.95)
    }
    families["retrospective days"] = {"shipped": (shipped, 0.0)} | {
        f"gap {g} share {f}": (retrospective_days(g, f), 0.0) for g in (30, 180) for f in (0.5, 0.75)
    }
    cache: dict = {}
    if not args.families or "user-mode weights" in args.families:
        families["user-mode weights"] = {
            "shipped": (shipped, 0.0),
            "all candidates": (shipped, 0.0, user_mode_weights(topics, stories, cache, False)),
            "day candidates": (shipped, 0.0, user_mode_weights(topics, stories, cache, True)),
        }
    if args.families:
        families = {name: rules for name, rules in families.items() if name in args.families}
    range_known(topics, folds, cache)
    print(f"{'rule':<28} {'date F1':>8} {'story mean':>10}   per story")
    for family, rules in families.items():
        figures = {}
        for name, (select, theta, *fitted) in rules.items():
            per_story, rows = score_rule(topics, fitted[0] if fitted else folds, select, theta, cache)
            figures[name] = (per_story, rows)
            cells = " ".join(f"{s} {v:.3f}" for s, v in sorted(per_story.items()))
            print(
                f"{family[:10] + ': ' + name:<28} {news_tls_f1(rows):8.4f} {statistics.fmean(per_story.values()):10.4f}   {cells}"
            )
        choice = choose_by_story({name: per_story for name, (per_story, _) in figures.items()})
        order = [row[0] for row in figures["shipped"][1]]
        held = [figures[choice.fold_values[s]][1][i] for i, s in enumerate(order)]
        print(
            f"  {family}, chosen in folds: date F1 {news_tls_f1(held):.4f}, story mean {choice.held_out_mean:.4f}; "
            f"fold values {choice.fold_values}; on all stories: {choice.shipped}"
        )
    if args.families:
        print(f"CPU seconds: {time.process_time() - began:.0f}", file=sys.stderr)
        return 0
    bars: dict = {}
    for bar in (0.3, 0.0, 0.15, 0.2, 0.4, 0.5):  # the shipped timeline.build.OFF_STORY first
        build.OFF_STORY = bar
        bars[f"off-story bar {bar}"] = score_rule(topics, folds, shipped, 0.0, {})
    build.OFF_STORY = 0.3
    for name, (per_story, rows) in bars.items():
        cells = " ".join(f"{s} {v:.3f}" for s, v in sorted(per_story.items()))
        print(f"{name:<28} {news_tls_f1(rows):8.4f} {statistics.fmean(per_story.values()):10.4f}   {cells}")
    choice = choose_by_story({name: per_story for name, (per_story, _) in bars.items()})
    order = [row[0] for row in bars["off-story bar 0.3"][1]]
    held = [bars[choice.fold_values[s]][1][i] for i, s in enumerate(order)]
    print(
        f"  off-story bar, chosen in folds: date F1 {news_tls_f1(held):.4f}; fold values {choice.fold_values}"
    )
    print(f"CPU seconds: {time.process_time() - began:.0f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
