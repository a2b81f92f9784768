"""``storyline evaluate timeline17 DIR``: dated timelines measured on Timeline17 (news-tls layout).

Each topic folder holds ``articles.jsonl`` (``id``, ``time``, ``text``) and gold ``timelines/*.txt``
(a date line, its sentences, a line of dashes). The standard protocol (Gholipour Ghalandari & Ifrim
2020): for each gold timeline, the number of dates and the sentences per date (the rounded mean) are
the gold's, and the articles are limited to the gold's date range; entries are days. Scores come from
``tilse``: alignment-based ROUGE-1 and ROUGE-2 F (align, many-to-one) and date F1; the average over
timelines averages precision and recall and takes F of the averages, as news-tls does.

Articles are read as given (the text is already clean, one sentence a line): "annotation" here is
sentence splitting and time-expression tagging, timed apart from building the timeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..model import Article, Timeline

if TYPE_CHECKING:
    from ..timeline.build import DatedSentence

PUBLISHED = {
    "Table 4 DATEWISE": {"rouge_1": 0.120, "rouge_2": 0.035, "date_f1": 0.544, "seconds_per_topic": 16.0},
    "Table 4 CLUST": {"rouge_1": 0.082, "rouge_2": 0.020, "date_f1": 0.407},
}


@dataclass
class GoldTimeline:
    name: str
    entries: dict[dt.date, list[str]]

    @property
    def start(self) -> dt.date:
        return min(self.entries)

    @property
    def end(self) -> dt.date:
        return max(self.entries)

    @property
    def sentences_per_date(self) -> int:
        return max(1, round(sum(len(s) for s in self.entries.values()) / len(self.entries)))


@dataclass
class Topic:
    name: str
    articles: list[Article]
    timelines: list[GoldTimeline]


def read_gold(path: Path) -> GoldTimeline:
    """A Timeline17 gold file: a date line, its sentences, and a line of dashes after each date."""
    entries: dict[dt.date, list[str]] = {}
    current: dt.date | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if set(line) == {"-"}:
            current = None
            continue
        if current is None:
            try:
                current = dt.date.fromisoformat(line[:10])
            except ValueError:
                # news-tls's timelines.jsonl leaves such a block out too ("2011-04-0" in MJ_bbc).
                print(
                    f"storyline: skipped {path}:{number}: not a date (YYYY-MM-DD): {line[:40]!r}",
                    file=sys.stderr,
                )
                current = dt.date.min
            entries.setdefault(current, [])
            continue
        entries[current].append(line)
    entries.pop(dt.date.min, None)
    entries = {d: s for d, s in entries.items() if s}
    if not entries:
        raise UsageError(f"{path}: no dated sentences (is it a Timeline17 timeline file?)")
    return GoldTimeline(path.stem, entries)


def read_gold_timelines(folder: Path) -> list[GoldTimeline]:
    """The topic's gold timelines: ``timelines.jsonl`` (what news-tls reads) when present, else ``timelines/*.txt``."""
    texts = sorted((folder / "timelines").glob("*.txt"))
    jsonl = folder / "timelines.jsonl"
    if not jsonl.exists():
        return [read_gold(p) for p in texts]
    timelines = []
    lines = [line for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        entries: dict[dt.date, list[str]] = {}
        try:
            for day, sentences in json.loads(line):
                # A date listed twice keeps the sentences of both.
                entries.setdefault(dt.date.fromisoformat(str(day)[:10]), []).extend(
                    str(x).strip() for x in sentences
                )
        except (json.JSONDecodeError, ValueError, TypeError) as exc:
            raise UsageError(
                f"{jsonl}:{number}: not a timeline ([[date, [sentences]], ...]): {exc}"
            ) from None
        name = texts[number - 1].stem if len(texts) == len(lines) else f"timeline-{number}"
        timelines.append(GoldTimeline(name, {d: s for d, s in entries.items() if s}))
    return timelines


def read_topic(folder: Path) -> Topic:
    articles_path = folder / "articles.jsonl"
    if not articles_path.exists():
        raise UsageError(f"{folder}: no articles.jsonl (expected the news-tls layout)")
    articles = []
    with articles_path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                published = dt.date.fromisoformat(str(record["time"])[:10])
                text = str(record["text"])
            except (json.JSONDecodeError, KeyError, ValueError) as exc:
                print(
                    f"storyline: skipped {articles_path}:{number}: unusable article line ({exc})",
                    file=sys.stderr,
                )
                continue
            articles.append(
                Article(
                    id=f"{folder.name}:{record.get('id', number)}",
                    source=f"{articles_path}:{number}",
                    text=text,
                    published=published,
                    published_provenance="user",
                    published_confidence=1.0,
                )
            )
    timelines = read_gold_timelines(folder)
    if not timelines:
        raise UsageError(f"{folder}: no gold timelines in timelines/*.txt")
    return Topic(folder.name, articles, timelines)


def topic_folders(directory: str | Path) -> list[Path]:
    root = Path(directory)
    if (root / "articles.jsonl").exists():
        return [root]
    if not root.is_dir():
        raise UsageError(f"{directory}: no such directory (give the Timeline17 folder or one topic folder)")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / "articles.jsonl").exists())
    if not folders:
        raise UsageError(f"{directory}: no topic folders with articles.jsonl (expected the news-tls layout)")
    return folders


def annotate_topic(topic: Topic) -> float:
    """Split sentences and tag time expressions; returns the seconds it took."""
    from ..annotate.sentences import annotate_fast

    began = time.perf_counter()
    for article in topic.articles:
        annotate_fast(article)
    return time.perf_counter() - began


def predict(
    topic: Topic,
    gold: GoldTimeline,
    weights: dict[str, float] | None = None,
    sentence_weights: dict[str, float] | None = None,
) -> Timeline:
    from ..timeline.build import build_timeline

    return build_timeline(
        topic.articles,
        dates=len(gold.entries),
        per_date=gold.sentences_per_date,
        start=gold.start,
        end=gold.end,
        granularities=("day",),
        weights=weights,
        sentence_weights=sentence_weights,
    )


def score(predicted: Timeline, gold: GoldTimeline) -> dict[str, dict[str, float]]:
    """tilse's alignment ROUGE-1/2 (align, many-to-one) and date precision, recall and F1."""
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import rouge

    predicted_dates = {
        dt.date.fromisoformat(e.date): [s.text for s in e.sentences] for e in predicted.entries
    }
    reference = TilseTimeline(gold.entries)
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    if predicted_dates:
        scores = evaluator.evaluate_align_date_content_costs_many_to_one(
            TilseTimeline(predicted_dates), GroundTruth([reference])
        )
    else:
        zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
        scores = {"rouge_1": dict(zero), "rouge_2": dict(zero)}
    shared = len(set(predicted_dates) & set(gold.entries))
    precision = shared / len(predicted_dates) if predicted_dates else 0.0
    recall = shared / len(gold.entries)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "rouge_1": {k: float(v) for k, v in scores["rouge_1"].items()},
        "rouge_2": {k: float(v) for k, v in scores["rouge_2"].items()},
        "date": {"precision": precision, "recall": recall, "f_score": f1},
    }


def average(results: Sequence[dict[str, dict[str, float]]]) -> dict[str, float]:
    """news-tls's average: mean precision and mean recall over timelines, F of those means."""
    summary: dict[str, float] = {}
    for metric, name in (("rouge_1", "rouge_1"), ("rouge_2", "rouge_2"), ("date", "date_f1")):
        precision = statistics.fmean(r[metric]["precision"] for r in results)
        recall = statistics.fmean(r[metric]["recall"] for r in results)
        summary[name] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        summary[f"{name}_mean_of_f"] = round(statistics.fmean(r[metric]["f_score"] for r in results), 4)
    return summary


def story_of(topic: str) -> str:
    """The story a topic folder tells ("bpoil" for bpoil_bbc and bpoil_reuters): the unit of cross-validation."""
    return topic.split("_")[0]


def gold_range_sentences(topic: Topic, gold: GoldTimeline) -> tuple[list[Article], list[DatedSentence]]:
    """The topic's articles published in the gold's range, and their sentences dated to a day in that range
    (the topic annotated first: ``annotate_topic``)."""
    from ..timeline.build import date_sentences, in_range

    used = [a for a in topic.articles if a.published is not None and gold.start <= a.published <= gold.end]
    dated = [
        item
        for a in used
        for item in date_sentences(a, ("day",))
        if in_range(item.point, gold.start, gold.end)
    ]
    return used, dated


def date_examples(topic: Topic, gold: GoldTimeline) -> tuple[list[list[float]], list[int]]:
    """One row of date-ranking features per candidate date of the gold's range, labelled 1 when the gold has it."""
    from ..timeline.build import DATE_FEATURES, date_statistics, standardized_features

    used, dated = gold_range_sentences(topic, gold)
    features = standardized_features(date_statistics(dated, used))
    rows = [[values[name] for name in DATE_FEATURES] for values in features.values()]
    labels = [int(point.start in gold.entries) for point in features]
    return rows, labels


def fit_weights(examples: Sequence[tuple[list[list[float]], list[int]]]) -> dict[str, float]:
    """Date-ranking weights: a logistic regression of "the gold timeline has this date" on the features."""
    from sklearn.linear_model import LogisticRegression

    from ..timeline.build import DATE_FEATURES

    rows = [row for x, _ in examples for row in x]
    labels = [label for _, y in examples for label in y]
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000)
    model.fit(rows, labels)
    return {name: round(float(w), 4) for name, w in zip(DATE_FEATURES, model.coef_[0])}


def sentence_examples(topic: Topic, gold: GoldTimeline) -> list[tuple[Any, Any]]:
    """For each date of the gold that has candidate sentences: their ``SENTENCE_FEATURES`` rows, and each
    candidate's ROUGE-2 F against the gold's sentences of that date (tilse's reimplementation of ROUGE:
    ROUGE's stop words, Porter stems), the label the sentence weights learn to rank by."""
    import numpy as np
    from tilse.evaluation.rouge import RougeReimplementation

    from ..timeline.build import date_candidates, sentence_features, sentence_vectors

    rouge = RougeReimplementation()
    rouge.stem_function = functools.lru_cache(maxsize=None)(rouge.stem_function)  # the same words recur
    _, dated = gold_range_sentences(topic, gold)
    row_of, matrix, story = sentence_vectors(dated)
    by_date: dict[Any, list[Any]] = {}
    for item in dated:
        if item.point.start in gold.entries:
            by_date.setdefault(item.point, []).append(item)
    examples = []
    for point, candidates in sorted(by_date.items(), key=lambda pair: pair[0].start):
        rows = matrix[[row_of[c.text] for c in candidates]]
        space = date_candidates(candidates, rows)
        if space is None:
            continue
        reference = {0: [sentence.split() for sentence in gold.entries[point.start]]}
        labels = []
        for candidate in candidates:
            counts = rouge.score_summary([candidate.text.split()], reference)
            hits = counts["rouge_2_h_count"]
            precision = hits / counts["rouge_2_p_count"] if counts["rouge_2_p_count"] else 0.0
            recall = hits / counts["rouge_2_m_count"] if counts["rouge_2_m_count"] else 0.0
            labels.append(2 * precision * recall / (precision + recall) if hits else 0.0)
        features = sentence_features(candidates, rows, point, story, space)
        examples.append((features, np.array(labels)))
    return examples


def fit_sentence_weights(examples: Sequence[tuple[Any, Any]], pairs_per_date: int = 1000) -> dict[str, float]:
    """Sentence weights: a logistic regression, without intercept, of "the first of two candidates of the same
    date has the higher ROUGE-2 F" on the difference of their features (``pairs_per_date`` random pairs of
    each date, seed 0; features scaled by their spread while fitting, the weights given back unscaled)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from ..timeline.build import SENTENCE_FEATURES

    rng = np.random.default_rng(0)
    differences, labels = [], []
    for features, gains in examples:
        if len(gains) < 2:
            continue
        first = rng.integers(0, len(gains), pairs_per_date)
        second = rng.integers(0, len(gains), pairs_per_date)
        unequal = gains[first] != gains[second]
        differences.append(features[first[unequal]] - features[second[unequal]])
        labels.append((gains[first[unequal]] > gains[second[unequal]]).astype(int))
    rows = np.vstack(differences)
    spread = rows.std(axis=0)
    spread[spread == 0] = 1.0
    model = LogisticRegression(C=0.05, fit_intercept=False, max_iter=3000)
    model.fit(rows / spread, np.concatenate(labels))
    return {name: round(float(w), 4) for name, w in zip(SENTENCE_FEATURES, model.coef_[0] / spread)}


def evaluate(
    directory: str | Path,
    topics: Sequence[str] | None = None,
    weights: dict[str, float] | None = None,
    quiet: bool = True,
    cross_validate: bool = True,
) -> dict[str, Any]:
    """Scores per gold timeline and averaged. With ``cross_validate`` (the default), each story's dates are
    ranked, and its sentences chosen, with weights fitted on the *other* stories of DIR (leave one story
    out: the five bpoil topics are one story), so no timeline is scored with weights it helped fit; else
    with ``weights`` (or the shipped ``DATE_WEIGHTS``) and the shipped ``SENTENCE_WEIGHTS``."""
    folders = topic_folders(directory)
    if topics:
        folders = [f for f in folders if f.name in set(topics)]
        if not folders:
            raise UsageError(f"none of the topics {', '.join(topics)} is in {directory}")
    import sklearn.linear_model  # noqa: F401 - imported before the clock starts (the date ranker's fit)

    loaded = []
    for folder in folders:
        try:
            topic = read_topic(folder)
        except (UsageError, OSError) as exc:
            print(f"storyline: skipped {exc}", file=sys.stderr)  # one bad topic does not stop the others
            continue
        loaded.append((topic, annotate_topic(topic)))
    if not loaded:
        raise UsageError(f"{directory}: no usable topic folders")
    pool = {t.name: t for t, _ in loaded}
    if cross_validate:
        for folder in topic_folders(directory):
            if folder.name not in pool:
                try:
                    extra = read_topic(folder)
                except (UsageError, OSError):
                    continue  # already reported, or not part of the evaluated topics
                annotate_topic(extra)
                pool[folder.name] = extra
    result = evaluate_topics(loaded, list(pool.values()), weights, quiet, cross_validate)
    result["average"]["topics"] = len(folders)
    return result


def evaluate_topics(
    loaded: Sequence[tuple[Topic, float]],
    pool: Sequence[Topic],
    weights: dict[str, float] | None = None,
    quiet: bool = True,
    cross_validate: bool = True,
) -> dict[str, Any]:
    """``evaluate`` over topics already read and annotated (each with its annotation seconds); with
    ``cross_validate``, each story's weights are fitted on the stories of ``pool`` other than its own."""
    rows: list[dict[str, Any]] = []
    results = []
    fold_weights: dict[str, dict[str, float]] = {}
    fold_sentence_weights: dict[str, dict[str, float]] = {}
    if cross_validate:
        examples = {t.name: [date_examples(t, g) for g in t.timelines] for t in pool}
        sentences = {t.name: [e for g in t.timelines for e in sentence_examples(t, g)] for t in pool}
        for story in sorted({story_of(t.name) for t, _ in loaded}):
            training = [e for name, items in examples.items() if story_of(name) != story for e in items]
            fold_weights[story] = fit_weights(training)
            fold_sentence_weights[story] = fit_sentence_weights(
                [e for name, items in sentences.items() if story_of(name) != story for e in items]
            )
    for topic, annotation_seconds in loaded:
        for gold in topic.timelines:
            topic_weights = fold_weights.get(story_of(topic.name), weights) if cross_validate else weights
            topic_sentence_weights = (
                fold_sentence_weights.get(story_of(topic.name)) if cross_validate else None
            )
            began = time.perf_counter()
            predicted = predict(topic, gold, topic_weights, topic_sentence_weights)
            seconds = time.perf_counter() - began
            result = score(predicted, gold)
            results.append(result)
            rows.append(
                {
                    "topic": topic.name,
                    "timeline": gold.name,
                    "articles": len(topic.articles),
                    "gold_dates": len(gold.entries),
                    "sentences_per_date": gold.sentences_per_date,
                    "rouge_1": round(result["rouge_1"]["f_score"], 4),
                    "rouge_2": round(result["rouge_2"]["f_score"], 4),
                    "date_f1": round(result["date"]["f_score"], 4),
                    "annotation_seconds": round(annotation_seconds, 2),
                    "timeline_seconds": round(seconds, 2),
                }
            )
            if not quiet:
                r = rows[-1]
                print(
                    f"storyline: {r['topic']}/{r['timeline']}: R-1 {r['rouge_1']:.3f} R-2 {r['rouge_2']:.3f} "
                    f"date F1 {r['date_f1']:.3f} ({r['timeline_seconds']:.1f} s)",
                    file=sys.stderr,
                )
    summary = average(results)
    summary["timelines"] = len(rows)
    summary["topics"] = len(loaded)
    summary["seconds_per_topic"] = round(statistics.fmean(r["timeline_seconds"] for r in rows), 2)
    summary["annotation_seconds_per_topic"] = round(
        statistics.fmean({r["topic"]: r["annotation_seconds"] for r in rows}.values()), 2
    )
    summary["cross_validated"] = cross_validate
    return {
        "average": summary,
        "timelines": rows,
        "fold_weights": fold_weights,
        "fold_sentence_weights": fold_sentence_weights,
        "published": PUBLISHED,
    }


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "timeline17",
        help="dated timelines on Timeline17: alignment ROUGE-1/2 and date F1 (tilse)",
        description="Build a timeline per gold timeline of each topic folder under DIR (news-tls layout: "
        "articles.jsonl, timelines/*.txt) with the gold's number of dates and sentences per date, over the "
        "articles of its date range, and score it with tilse (alignment ROUGE-1/2 F, many-to-one; date F1). "
        "Published figures (Gholipour Ghalandari & Ifrim 2020, Table 4) are printed beside.",
    )
    parser.add_argument(
        "directory", metavar="DIR", help="the Timeline17 folder, e.g. ../shared/data/timeline17"
    )
    parser.add_argument("--topics", nargs="+", metavar="NAME", help="only these topic folders")
    parser.add_argument(
        "--shipped-weights",
        action="store_true",
        help="rank dates and choose sentences with the weights storyline ships (fitted on all of Timeline17) "
        "instead of cross-validating (leave one story out)",
    )
    parser.add_argument(
        "--fit",
        action="store_true",
        help="fit the date-ranking and sentence weights on all topics under DIR and print them",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    if args.fit:
        pool: list[tuple[list[list[float]], list[int]]] = []
        sentences: list[tuple[Any, Any]] = []
        for folder in topic_folders(args.directory):
            topic = read_topic(folder)
            annotate_topic(topic)
            pool.extend(date_examples(topic, g) for g in topic.timelines)
            sentences.extend(e for g in topic.timelines for e in sentence_examples(topic, g))
        print_json({"DATE_WEIGHTS": fit_weights(pool), "SENTENCE_WEIGHTS": fit_sentence_weights(sentences)})
        return 0
    result = evaluate(
        args.directory, args.topics, quiet=args.quiet or args.json, cross_validate=not args.shipped_weights
    )
    if args.json:
        print_json(result)
        return 0
    print(f"{'topic/timeline':<44} {'R-1':>6} {'R-2':>6} {'date F1':>8} {'s':>6}")
    for r in result["timelines"]:
        print(
            f"{r['topic'] + '/' + r['timeline']:<44} {r['rouge_1']:6.3f} {r['rouge_2']:6.3f} {r['date_f1']:8.3f} {r['timeline_seconds']:6.2f}"
        )
    a = result["average"]
    how = "cross-validated" if a["cross_validated"] else "shipped weights"
    print(
        f"{'storyline (' + str(a['timelines']) + ' timelines, ' + how + ')':<44} {a['rouge_1']:6.3f} {a['rouge_2']:6.3f} "
        f"{a['date_f1']:8.3f} {a['seconds_per_topic']:6.2f}  (+{a['annotation_seconds_per_topic']:.2f} s annotation per topic)"
    )
    for name, figures in PUBLISHED.items():
        seconds = f"{figures['seconds_per_topic']:6.2f}" if "seconds_per_topic" in figures else f"{'—':>6}"
        print(
            f"{'published ' + name:<44} {figures['rouge_1']:6.3f} {figures['rouge_2']:6.3f} {figures['date_f1']:8.3f} {seconds}"
        )
    return 0
