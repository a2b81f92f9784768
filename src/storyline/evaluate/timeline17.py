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
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..model import Timeline
from ..training.gold.timeline17 import (
    GoldTimeline,
    Topic,
    annotate_topic,
    gold_form,
    read_gold,
    read_gold_timelines,
    read_topic,
    topic_folders,
)
from ..training.timeline_weights import date_examples, fit_sentence_weights, fit_weights, sentence_examples

# The readers (``storyline.training.gold.timeline17``) and the weight fits (``storyline.training.timeline_weights``)
# are re-exported for callers of this module.
__all__ = [
    "PUBLISHED",
    "GoldTimeline",
    "Topic",
    "annotate_topic",
    "average",
    "date_examples",
    "evaluate",
    "evaluate_topics",
    "fit_sentence_weights",
    "fit_weights",
    "predict",
    "read_gold",
    "read_gold_timelines",
    "read_topic",
    "register",
    "run",
    "score",
    "sentence_examples",
    "story_of",
    "topic_folders",
]

if TYPE_CHECKING:
    pass

PUBLISHED = {
    "Table 4 DATEWISE": {"rouge_1": 0.120, "rouge_2": 0.035, "date_f1": 0.544, "seconds_per_topic": 16.0},
    "Table 4 CLUST": {"rouge_1": 0.082, "rouge_2": 0.020, "date_f1": 0.407},
}


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
    """tilse's alignment ROUGE-1/2 (align, many-to-one) and date precision, recall and F1. Entries that are
    not days (a month, a year) count as dates no gold day matches, and their sentences are scored on their
    first day."""
    from ..annotate.timex import point_of_value

    predicted_dates: dict[dt.date, list[str]] = {}
    days: set[dt.date] = set()
    for e in predicted.entries:
        point = point_of_value(e.date)
        if point is None:
            continue
        if e.granularity == "day":
            days.add(point.start)
        predicted_dates.setdefault(point.start, []).extend(s.text for s in e.sentences)
    return score_dates(predicted_dates, gold, days, len(predicted.entries))


def score_dates(
    predicted: dict[dt.date, list[str]],
    gold: GoldTimeline,
    days: set[dt.date] | None = None,
    entries: int | None = None,
) -> dict[str, dict[str, float]]:
    """``score`` for a timeline given as day -> sentences; ``days`` are its entries that are days (default:
    all) and ``entries`` its number of entries (a month or a year entry is a date no gold day matches)."""
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import rouge

    predicted_dates = {day: [gold_form(s) for s in sentences] for day, sentences in predicted.items()}
    reference = TilseTimeline(gold.entries)
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    if predicted_dates:
        scores = evaluator.evaluate_align_date_content_costs_many_to_one(
            TilseTimeline(predicted_dates), GroundTruth([reference])
        )
    else:
        zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
        scores = {"rouge_1": dict(zero), "rouge_2": dict(zero)}
    shared = len((set(predicted_dates) if days is None else days) & set(gold.entries))
    count = len(predicted_dates) if entries is None else entries
    precision = shared / count if count else 0.0
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


def evaluate(
    directory: str | Path,
    topics: Sequence[str] | None = None,
    weights: dict[str, float] | None = None,
    quiet: bool = True,
    cross_validate: bool = True,
    anchors: bool = True,
    user_mode: bool = True,
) -> dict[str, Any]:
    """Scores per gold timeline and averaged. With ``cross_validate`` (the default), each story's dates are
    ranked, and its sentences chosen, with weights fitted on the *other* stories of DIR (leave one story
    out: the five bpoil topics are one story), so no timeline is scored with weights it helped fit; else
    with ``weights`` (or the shipped date weights) and the shipped sentence weights (``timeline-weights``)."""
    folders = topic_folders(directory)
    if topics:
        folders = [f for f in folders if f.name in set(topics)]
        if not folders:
            raise UsageError(f"none of the topics {', '.join(topics)} is in {directory}")
    import sklearn.linear_model  # noqa: F401 - imported before the clock starts (the date ranker's fit)

    loaded = []
    for folder in folders:
        try:
            topic = read_topic(folder, glued_apart=True)
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
                    extra = read_topic(folder, glued_apart=True)
                except (UsageError, OSError):
                    continue  # already reported, or not part of the evaluated topics
                annotate_topic(extra)
                pool[folder.name] = extra
    result = evaluate_topics(
        loaded,
        list(pool.values()),
        weights,
        quiet,
        cross_validate,
        anchors=anchors,
        user_mode=user_mode,
    )
    result["average"]["topics"] = len(folders)
    return result


def predict_user_mode(
    topic: Topic,
    gold: GoldTimeline,
    weights: dict[str, float] | None = None,
    sentence_weights: dict[str, float] | None = None,
) -> Timeline:
    """What ``storyline timeline articles.jsonl --dates L`` gives: every article, no range, the default
    granularities (day, month, year) and one sentence per date; only the number of dates is the gold's."""
    from ..timeline.build import build_timeline

    return build_timeline(
        topic.articles, dates=len(gold.entries), weights=weights, sentence_weights=sentence_weights
    )


def spread(rows: Sequence[dict[str, Any]], prefix: str = "") -> dict[str, Any]:
    """Per metric, the mean F over each story's timelines, then the mean, minimum, maximum and standard
    deviation of those per-story means across stories (how far one story's figure may stray)."""
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_story.setdefault(story_of(row["topic"]), []).append(row)
    out: dict[str, Any] = {}
    for metric in ("rouge_1", "rouge_2", "date_f1"):
        means = [statistics.fmean(r[prefix + metric] for r in items) for items in by_story.values()]
        out[metric] = {
            "mean_over_stories": round(statistics.fmean(means), 4),
            "min": round(min(means), 4),
            "max": round(max(means), 4),
            "stdev": round(statistics.pstdev(means), 4),
        }
    out["per_story"] = {
        story: {
            m: round(statistics.fmean(r[prefix + m] for r in items), 4)
            for m in ("rouge_1", "rouge_2", "date_f1")
        }
        for story, items in sorted(by_story.items())
    }
    return out


def evaluate_topics(
    loaded: Sequence[tuple[Topic, float]],
    pool: Sequence[Topic],
    weights: dict[str, float] | None = None,
    quiet: bool = True,
    cross_validate: bool = True,
    anchors: bool = True,
    user_mode: bool = True,
) -> dict[str, Any]:
    """``evaluate`` over topics already read and annotated (each with its annotation seconds); with
    ``cross_validate``, each story's weights are fitted on the stories of ``pool`` other than its own.

    With ``anchors``, DATEWISE (``evaluate.datewise``) runs on the same timelines in the same run, its date
    regression fitted on the same other stories; with ``user_mode``, storyline also runs as a user would
    (``predict_user_mode``: no range, no sentence count, only ``--dates L``)."""
    from . import datewise

    rows: list[dict[str, Any]] = []
    results, datewise_results, user_results = [], [], []
    fold_weights: dict[str, dict[str, float]] = {}
    fold_sentence_weights: dict[str, dict[str, float]] = {}
    lines = {t.name: datewise.topic_lines(t) for t in pool} if anchors else {}
    datewise_models: dict[str, Any] = {}
    stories = sorted({story_of(t.name) for t, _ in loaded})
    if cross_validate:
        examples = {t.name: [date_examples(t, g) for g in t.timelines] for t in pool}
        sentences = {t.name: [e for g in t.timelines for e in sentence_examples(t, g)] for t in pool}
        for story in stories:
            training = [e for name, items in examples.items() if story_of(name) != story for e in items]
            fold_weights[story] = fit_weights(training)
            fold_sentence_weights[story] = fit_sentence_weights(
                [e for name, items in sentences.items() if story_of(name) != story for e in items]
            )
    if anchors:
        for story in stories:
            others = [t for t in pool if story_of(t.name) != story] or list(pool)
            datewise_models[story] = datewise.fit_date_ranker(
                [datewise.training_examples(lines[t.name], g) for t in others for g in t.timelines]
            )
    for topic, annotation_seconds in loaded:
        story = story_of(topic.name)
        for gold in topic.timelines:
            topic_weights = fold_weights.get(story, weights) if cross_validate else weights
            topic_sentence_weights = fold_sentence_weights.get(story) if cross_validate else None
            began = time.perf_counter()
            predicted = predict(topic, gold, topic_weights, topic_sentence_weights)
            seconds = time.perf_counter() - began
            result = score(predicted, gold)
            results.append(result)
            row: dict[str, Any] = {
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
            if anchors:
                began = time.perf_counter()
                # No keyword filter: this copy's keywords.json holds folder names ("MJ", "bpoil"), not the
                # topic keywords of the published run ("mj" alone kept only sentences with "mj" in a word).
                other = score_dates(datewise.predict(lines[topic.name], gold, datewise_models[story]), gold)
                row["datewise_seconds"] = round(time.perf_counter() - began, 2)
                datewise_results.append(other)
                for metric, name in (("rouge_1", "rouge_1"), ("rouge_2", "rouge_2"), ("date", "date_f1")):
                    row["datewise_" + name] = round(other[metric]["f_score"], 4)
            if user_mode:
                user = score(predict_user_mode(topic, gold, topic_weights, topic_sentence_weights), gold)
                user_results.append(user)
                for metric, name in (("rouge_1", "rouge_1"), ("rouge_2", "rouge_2"), ("date", "date_f1")):
                    row["user_" + name] = round(user[metric]["f_score"], 4)
            rows.append(row)
            if not quiet:
                extra = ""
                if anchors:
                    extra += f" | DATEWISE {row['datewise_rouge_1']:.3f} {row['datewise_rouge_2']:.3f} {row['datewise_date_f1']:.3f}"
                if user_mode:
                    extra += f" | user mode {row['user_rouge_1']:.3f} {row['user_rouge_2']:.3f} {row['user_date_f1']:.3f}"
                print(
                    f"storyline: {row['topic']}/{row['timeline']}: R-1 {row['rouge_1']:.3f} R-2 {row['rouge_2']:.3f} "
                    f"date F1 {row['date_f1']:.3f} ({row['timeline_seconds']:.1f} s){extra}",
                    file=sys.stderr,
                    flush=True,
                )
    summary = average(results)
    summary["timelines"] = len(rows)
    summary["topics"] = len(loaded)
    summary["seconds_per_topic"] = round(statistics.fmean(r["timeline_seconds"] for r in rows), 2)
    summary["annotation_seconds_per_topic"] = round(
        statistics.fmean({r["topic"]: r["annotation_seconds"] for r in rows}.values()), 2
    )
    summary["cross_validated"] = cross_validate
    out: dict[str, Any] = {
        "average": summary,
        "timelines": rows,
        "spread": spread(rows),
        "fold_weights": fold_weights,
        "fold_sentence_weights": fold_sentence_weights,
        "published": PUBLISHED,
    }
    if anchors:
        out["datewise"] = average(datewise_results)
        out["datewise"]["seconds_per_topic"] = round(statistics.fmean(r["datewise_seconds"] for r in rows), 2)
        out["datewise_spread"] = spread(rows, "datewise_")
    if user_mode:
        out["user_mode"] = average(user_results)
        out["user_mode_spread"] = spread(rows, "user_")
    return out


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
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

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
    if "datewise" in result:
        d = result["datewise"]
        print(
            f"{'DATEWISE re-implemented, same run':<44} {d['rouge_1']:6.3f} {d['rouge_2']:6.3f} "
            f"{d['date_f1']:8.3f} {d['seconds_per_topic']:6.2f}"
        )
    if "user_mode" in result:
        u = result["user_mode"]
        print(
            f"{'storyline, user mode (--dates L, no range)':<44} {u['rouge_1']:6.3f} {u['rouge_2']:6.3f} "
            f"{u['date_f1']:8.3f}"
        )
    for name, figures in PUBLISHED.items():
        seconds = f"{figures['seconds_per_topic']:6.2f}" if "seconds_per_topic" in figures else f"{'—':>6}"
        print(
            f"{'published ' + name:<44} {figures['rouge_1']:6.3f} {figures['rouge_2']:6.3f} {figures['date_f1']:8.3f} {seconds}"
        )
    return 0
