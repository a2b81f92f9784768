"""``storyline train summary-scorer``: the learned sentence scorer (``summarize.scorer``), on Multi-News.

    storyline train summary-scorer ../shared/data/multinews/dev.jsonl

reads and annotates the clusters, labels each cluster's candidates with the greedy oracle against
its gold summary, then

1. reports nested cross-validation: for each outer fold, the selection parameters are chosen by an
   inner cross-validation on the other folds, the scorer is fitted there, and the held-out clusters
   are summarized by a model that never saw them (these are the figures to quote);
2. chooses the parameters by cross-validation on all clusters, fits the scorer on all of them and
   writes the ``summary-scorer`` artefact (``data/summary_scorer.json``, the shipped model);
3. with ``--hold-out K``, also writes ``summary-scorer-heldout`` (``data/summary_scorer_heldout.json``):
   parameters and scorer chosen and
   fitted on all clusters but the first K only. ``storyline evaluate multinews --limit K`` then
   scores those K clusters with a model that never saw them (the quality gate does this).

Needs the benchmark extra (``rouge-score``, scikit-learn). The ROUGE used to choose parameters is
ROUGE-1 F + ROUGE-2 F with rouge-score's tokenizer and stemmer, computed here for speed. Folds are a
fixed permutation (seed 0, and 1 for the outer folds) and the fits are deterministic (lbfgs), so a refit on
the same clusters gives the same scorer.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Article
from ..summarize.candidates import Pool, build_pool
from ..summarize.features import FEATURES, PoolVectors, pool_features, vectorize
from ..summarize.learned import select_with
from ..summarize.oracle import Reference, greedy_oracle, ngrams, rouge_gain_score, rouge_tokens
from ..summarize.scorer import HELD_OUT_MODEL, SHIPPED_MODEL, LinearScorer, SelectionParameters, fingerprint
from .common import command_line, training_data, write_artefact

GRID = {
    "regularization": (0.01, 0.03, 0.1, 0.3),
    "redundancy": (0.2, 0.3, 0.4),
    "max_similarity": (0.3, 0.4, 0.5),
}
FOLDS = 5
SEED = 0
HOLD_OUT = 30


@dataclass
class TrainingCluster:
    """One cluster ready for training: candidates, their features, oracle labels and the gold."""

    pool: Pool
    vectors: PoolVectors
    features: np.ndarray
    labels: np.ndarray
    reference: str
    gold: Reference
    candidate_tokens: list[list[str]]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.reference)


def training_cluster(articles: Sequence[Article], reference: str, words: int) -> TrainingCluster:
    pool = build_pool(articles)
    vectors = vectorize(pool)
    texts = [c.text for c in pool.candidates]
    labels = np.zeros(len(texts))
    labels[greedy_oracle(texts, [c.length for c in pool.candidates], reference, words)] = 1.0
    return TrainingCluster(
        pool=pool,
        vectors=vectors,
        features=pool_features(pool, vectors),
        labels=labels,
        reference=reference,
        gold=Reference.of(reference),
        candidate_tokens=[rouge_tokens(t) for t in texts],
    )


def group_clusters(articles: Iterable[Article]) -> list[tuple[str, list[Article]]]:
    """Articles grouped by their cluster (``extra['cluster']``), in input order."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(str(article.extra.get("cluster", "")), []).append(article)
    return list(groups.items())


def fit(clusters: Sequence[TrainingCluster], parameters: SelectionParameters) -> LinearScorer:
    """Logistic regression on the standardized features of ``clusters`` (balanced: no class weights)."""
    from sklearn.linear_model import LogisticRegression

    features = np.vstack([c.features for c in clusters])
    labels = np.concatenate([c.labels for c in clusters])
    means = features.mean(axis=0)
    scales = features.std(axis=0)
    scales[scales == 0] = 1.0
    model = LogisticRegression(C=parameters.regularization, max_iter=5000)
    model.fit((features - means) / scales, labels)
    return LinearScorer(
        weights={name: float(w) for name, w in zip(FEATURES, model.coef_[0])},
        means={name: float(m) for name, m in zip(FEATURES, means)},
        scales={name: float(s) for name, s in zip(FEATURES, scales)},
        intercept=float(model.intercept_[0]),
        parameters=parameters,
        trained_on=[c.fingerprint for c in clusters],
    )


def summary_rouge(cluster: TrainingCluster, chosen: Sequence[int]) -> tuple[float, float]:
    """ROUGE-1 F and ROUGE-2 F (x100) of the chosen candidates against the cluster's gold."""
    unigrams = sum((ngrams(cluster.candidate_tokens[i], 1) for i in chosen), start=ngrams([], 1))
    bigrams = sum((ngrams(cluster.candidate_tokens[i], 2) for i in chosen), start=ngrams([], 2))
    r1 = rouge_gain_score(unigrams, ngrams([], 2), cluster.gold)
    return 100 * r1, 100 * (rouge_gain_score(unigrams, bigrams, cluster.gold) - r1)


def summary_quality(cluster: TrainingCluster, chosen: Sequence[int]) -> float:
    """ROUGE-1 F + ROUGE-2 F of the chosen candidates against the cluster's gold (x100)."""
    return sum(summary_rouge(cluster, chosen))


def fold_of(count: int, folds: int, seed: int = SEED) -> np.ndarray:
    """A fold number per cluster (a fixed random permutation, so runs are repeatable)."""
    return np.random.RandomState(seed).permutation(count) % folds


def cross_validated_choices(
    clusters: Sequence[TrainingCluster], parameters: SelectionParameters, words: int, folds: int = FOLDS
) -> list[list[int]]:
    """For each cluster, the candidates chosen by a scorer fitted on the other folds only."""
    fold = fold_of(len(clusters), folds)
    chosen: list[list[int]] = [[] for _ in clusters]
    for k in range(folds):
        training = [c for c, f in zip(clusters, fold) if f != k]
        if not training:
            continue
        scorer = fit(training, parameters)
        for i, (cluster, f) in enumerate(zip(clusters, fold)):
            if f == k:
                chosen[i] = select_with(scorer, cluster.pool, cluster.vectors, words)
    return chosen


def grid() -> list[SelectionParameters]:
    names = list(GRID)
    return [SelectionParameters(**dict(zip(names, values))) for values in itertools.product(*GRID.values())]


def choose_parameters(
    clusters: Sequence[TrainingCluster], words: int, folds: int = FOLDS
) -> tuple[SelectionParameters, float]:
    """The grid point with the best cross-validated mean ROUGE-1 F + ROUGE-2 F, and that value."""
    best: tuple[float, SelectionParameters] | None = None
    for parameters in grid():
        chosen = cross_validated_choices(clusters, parameters, words, folds)
        value = float(np.mean([summary_quality(c, s) for c, s in zip(clusters, chosen)]))
        if best is None or value > best[0] + 1e-9:
            best = (value, parameters)
    assert best is not None
    return best[1], best[0]


def nested_cross_validation(
    clusters: Sequence[TrainingCluster], words: int, folds: int = FOLDS
) -> tuple[list[list[int]], list[SelectionParameters]]:
    """Held-out choices for every cluster, parameters chosen without the held-out fold."""
    fold = fold_of(len(clusters), folds, seed=SEED + 1)
    chosen: list[list[int]] = [[] for _ in clusters]
    picked = []
    for k in range(folds):
        training = [c for c, f in zip(clusters, fold) if f != k]
        parameters, _ = choose_parameters(training, words, folds=folds - 1)
        picked.append(parameters)
        scorer = fit(training, parameters)
        for i, (cluster, f) in enumerate(zip(clusters, fold)):
            if f == k:
                chosen[i] = select_with(scorer, cluster.pool, cluster.vectors, words)
    return chosen, picked


def load_clusters(path: str, words: int) -> list[TrainingCluster]:
    from ..annotate.nlp import annotate
    from ..ingest.prepare import prepare
    from ..ingest.read import read

    problems: list[object] = []
    articles = list(annotate(prepare(read([path]), problems.append)))
    for problem in problems:
        print(f"storyline: skipped {problem}", file=sys.stderr)
    clusters = []
    for _key, members in group_clusters(articles):
        reference = members[0].extra.get("reference")
        if reference:
            clusters.append(training_cluster(members, str(reference), words))
    return clusters


def register(trainers: Any) -> None:
    parser = trainers.add_parser(
        SHIPPED_MODEL,
        help="the learned sentence scorer of the summary, on Multi-News clusters",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", help="Multi-News / LongBench JSONL with gold summaries")
    parser.add_argument("--words", type=int, default=250, help="summary budget in words (default 250)")
    parser.add_argument("--out", metavar="FILE", help="write here instead of the shipped artefact")
    parser.add_argument("--skip-nested", action="store_true", help="skip the nested cross-validation report")
    parser.add_argument(
        "--hold-out",
        type=int,
        default=HOLD_OUT,
        metavar="K",
        help=f"also write {HELD_OUT_MODEL}, trained without the first K clusters (default {HOLD_OUT}; 0: no)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    clusters = load_clusters(args.file, args.words)
    print(f"{len(clusters)} clusters, {sum(len(c.labels) for c in clusters)} candidates", file=sys.stderr)
    source = Path(args.file)
    notes: dict[str, object] = {"training_file": source.name, "clusters": len(clusters)}
    if not args.skip_nested:
        chosen, picked = nested_cross_validation(clusters, args.words)
        r1, r2 = np.mean([summary_rouge(c, s) for c, s in zip(clusters, chosen)], axis=0)
        print(f"nested {FOLDS}-fold CV: mean R-1 F {r1:.2f}, R-2 F {r2:.2f}; parameters per fold: {picked}")
        notes["nested_cv"] = {"rouge1": round(float(r1), 2), "rouge2": round(float(r2), 2)}
    parameters, value = choose_parameters(clusters, args.words)
    print(f"chosen by {FOLDS}-fold CV on all clusters: {parameters} (mean R-1 F + R-2 F = {value:.2f})")
    notes["cv_r1_plus_r2"] = round(value, 2)
    scorer = fit(clusters, parameters)
    scorer.notes = notes
    data = training_data([source], source.parent, f"Multi-News {source.name} ({len(clusters)} clusters)")
    path = write_artefact(
        SHIPPED_MODEL,
        scorer.to_dict(),
        data,
        out=args.out,
        indent=1,
        command=command_line(getattr(args, "argv", None)),
    )
    print(f"wrote {path}")
    if 0 < args.hold_out < len(clusters):
        kept = clusters[args.hold_out :]
        held_parameters, held_value = choose_parameters(kept, args.words)
        held_out = fit(kept, held_parameters)
        held_out.notes = {**notes, "held_out_first": args.hold_out, "cv_r1_plus_r2": round(held_value, 2)}
        held_out.notes.pop("nested_cv", None)
        data = training_data(
            [source],
            source.parent,
            f"Multi-News {source.name} ({len(clusters)} clusters, all but the first {args.hold_out})",
        )
        out = None if args.out is None else Path(args.out).with_name(Path(args.out).stem + "_heldout.json")
        path = write_artefact(
            HELD_OUT_MODEL,
            held_out.to_dict(),
            data,
            out=out,
            indent=1,
            command=command_line(getattr(args, "argv", None)),
        )
        print(f"wrote {path} (without the first {args.hold_out} clusters; parameters {held_parameters})")
    return 0
