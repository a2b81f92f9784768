"""``storyline train timeline-weights``: the timeline's date-ranking and sentence weights, on Timeline17.

Two logistic regressions over all topics of Timeline17 (``timeline.build`` describes the features):

- date weights: "a gold timeline has this date" on the log-counts of ``DateStats``, standardized over each
  timeline's candidate dates (balanced classes, C 1);
- sentence weights: pairwise, without intercept: "the first of two candidates of the same gold date has the
  higher ROUGE-2 F against that date's gold sentences" on the difference of their features (every pair of
  unequal gain of each date, each date weighing the same; C 0.05; features scaled by their spread while
  fitting, weights given back unscaled).

Both are rounded to four decimals and written to the ``timeline-weights`` artefact
(``data/timeline_weights.json``). ``storyline evaluate timeline17`` cross-validates the same fits leave one
story out. Deterministic (no draw, lbfgs), so a refit with the same annotation gives the same weights.

    storyline train timeline-weights ../shared/data/timeline17
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .common import command_line, training_data, write_artefact
from .gold.timeline17 import (
    GoldTimeline,
    Topic,
    annotate_topic,
    gold_form,
    gold_range_sentences,
    read_topic,
    topic_files,
    topic_folders,
)

NAME = "timeline-weights"


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
            counts = rouge.score_summary([gold_form(candidate.text).split()], reference)
            hits = counts["rouge_2_h_count"]
            precision = hits / counts["rouge_2_p_count"] if counts["rouge_2_p_count"] else 0.0
            recall = hits / counts["rouge_2_m_count"] if counts["rouge_2_m_count"] else 0.0
            labels.append(2 * precision * recall / (precision + recall) if hits else 0.0)
        features = sentence_features(candidates, rows, point, story, space)
        examples.append((features, np.array(labels)))
    return examples


def fit_sentence_weights(examples: Sequence[tuple[Any, Any]]) -> dict[str, float]:
    """Sentence weights: a logistic regression, without intercept, of "the first of two candidates of the same
    date has the higher ROUGE-2 F" on the difference of their features, over every pair of candidates of a
    date whose gains differ, in both orders; each date's pairs weigh one date in all, so a date of hundreds of
    candidates counts as much as a date of three (features scaled by their spread while fitting, the weights
    given back unscaled). Nothing is drawn: the weights depend only on the examples."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from ..timeline.build import SENTENCE_FEATURES

    differences, labels, weights = [], [], []
    for features, gains in examples:
        first, second = np.triu_indices(len(gains), 1)
        unequal = gains[first] != gains[second]
        first, second = first[unequal], second[unequal]
        if not len(first):
            continue
        difference = features[first] - features[second]
        higher = (gains[first] > gains[second]).astype(int)
        differences += [difference, -difference]
        labels += [higher, 1 - higher]
        weights.append(np.full(2 * len(first), 1.0 / (2 * len(first))))
    rows = np.vstack(differences)
    sample_weight = np.concatenate(weights)
    sample_weight *= len(sample_weight) / sample_weight.sum()  # mean 1: C means what it meant per pair
    spread = rows.std(axis=0)
    spread[spread == 0] = 1.0
    model = LogisticRegression(C=0.05, fit_intercept=False, max_iter=3000)
    model.fit(rows / spread, np.concatenate(labels), sample_weight=sample_weight)
    return {name: round(float(w), 4) for name, w in zip(SENTENCE_FEATURES, model.coef_[0] / spread)}


def train_timeline_weights(directory: str | Path) -> tuple[dict[str, Any], list[Path]]:
    """Both weight sets fitted on every topic under ``directory``, and the files they were fitted on."""
    pool: list[tuple[list[list[float]], list[int]]] = []
    sentences: list[tuple[Any, Any]] = []
    files: list[Path] = []
    for folder in topic_folders(directory):
        topic = read_topic(folder)
        annotate_topic(topic)
        files.extend(topic_files(folder))
        pool.extend(date_examples(topic, g) for g in topic.timelines)
        sentences.extend(e for g in topic.timelines for e in sentence_examples(topic, g))
    model = {"date_weights": fit_weights(pool), "sentence_weights": fit_sentence_weights(sentences)}
    return model, files


def register(trainers: Any) -> None:
    parser = trainers.add_parser(
        NAME,
        help="the timeline's date-ranking and sentence weights, on Timeline17",
        description="Fit the date-ranking and sentence weights on all topics under DIR and write "
        "storyline/data/timeline_weights.json.",
    )
    parser.add_argument(
        "directory", metavar="DIR", help="the Timeline17 folder, e.g. ../shared/data/timeline17"
    )
    parser.add_argument("--out", metavar="FILE", help="write here instead of the shipped artefact")
    parser.add_argument("--print", action="store_true", help="print the weights as JSON; write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    model, files = train_timeline_weights(args.directory)
    if args.print:
        print_json(model)
        return 0
    # a topic is a folder directly under DIR (its articles.jsonl, its timelines.jsonl and its timelines/*.txt)
    topics = len({Path(f).resolve().relative_to(Path(args.directory).resolve()).parts[0] for f in files})
    data = training_data(
        files, args.directory, f"Timeline17 ({topics} topics: articles.jsonl and gold timelines)"
    )
    path = write_artefact(
        NAME, model, data, out=args.out, indent=1, command=command_line(getattr(args, "argv", None))
    )
    print(f"wrote {path}")
    return 0
