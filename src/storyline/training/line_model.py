"""``storyline train line-model``: the boilerplate line model of whole web pages (``ingest.boilerplate``).

Fitted on the Article Extraction Benchmark (181 news pages): each page's whole visible text is split into
lines as the text path splits it, every line is labelled article text when its words appear, in order, in
the page's gold body, and gradient-boosted trees (scikit-learn) are fitted on ``boilerplate.line_features``.
The trees are exported as plain JSON (``line-model`` artefact), evaluated with numpy at run time.

The text path is measured by nested k-fold cross-validation with folds over pages: in each outer fold the
span decoder is chosen by a 4-fold cross-validation inside the training pages alone, the trees are fitted
on them, and the held-out pages are cleaned by the full text path (no page is scored by anything fitted or
chosen on it); those figures ship inside the artefact (``cross_validated``). Everything is seeded (page
shuffles, and the trees' ``random_state``), so a refit on the same pages gives the same trees.

    storyline train line-model ../shared/data/article-extraction-benchmark
"""

from __future__ import annotations

import argparse
import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest.boilerplate import (
    DECODERS,
    FEATURES,
    WORD,
    decide,
    line_features,
    log_odds,
    looks_like_full_page,
)
from ..ingest.clean import clean_text, dominant_script, mark_lines, overrule, split_lines
from ..ingest.webpage import visible_text
from .common import command_line, training_data, write_artefact
from .gold.extraction import benchmark_files, load_benchmark, page_counts, scores

NAME = "line-model"


def label_lines(lines: Sequence[str], gold: str) -> list[int]:
    """Training labels: a line is article text when its words appear, in order, in the gold body."""
    gold_tokens = " " + " ".join(WORD.findall(gold.lower())) + " "
    labels = []
    for line in lines:
        tokens = WORD.findall(line.lower())
        labels.append(1 if tokens and f" {' '.join(tokens)} " in gold_tokens else 0)
    return labels


def fit(
    vectors: Sequence[Sequence[float]],
    labels: Sequence[int],
    threshold: float = 0.5,
    weights: Sequence[float] | None = None,
    decoder: Sequence[float | None] | None = None,
) -> dict[str, Any]:
    """Fit gradient-boosted trees (scikit-learn) and export them as the JSON ``boilerplate.load_model`` reads."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    classifier = HistGradientBoostingClassifier(
        max_iter=150, learning_rate=0.1, max_leaf_nodes=15, random_state=0
    )
    classifier.fit(
        np.asarray(vectors, dtype=float),
        np.asarray(labels),
        sample_weight=None if weights is None else np.asarray(weights, dtype=float),
    )
    trees = []
    for (predictor,) in classifier._predictors:
        nodes = predictor.nodes
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "leaf": [int(v) for v in nodes["is_leaf"]],
                "value": [round(float(v), 6) for v in nodes["value"]],
                "depth": int(nodes["depth"].max()) + 1,
            }
        )
    baseline = float(np.ravel(classifier._baseline_prediction)[0])
    return {
        "features": list(FEATURES),
        "baseline": baseline,
        "trees": trees,
        "threshold": threshold,
        "decoder": None if decoder is None else list(decoder),
    }


@dataclass
class TrainingPage:
    """One benchmark page as the line model sees it: the lines the text path judges (with the
    rules' verdicts), their features and labels, and the gold article body."""

    lines: list[Any]
    vectors: list[list[float]]
    labels: list[int]
    gold: str
    full_page: bool


def training_page(html: str, gold: str) -> TrainingPage:
    """The line model's features and labels of one page (the lines the text path sees)."""
    text = visible_text(html)
    lines = split_lines(text)
    mark_lines(lines, dominant_script(text))
    texts = [line.text for line in lines]
    return TrainingPage(
        lines=lines,
        vectors=line_features(texts, [line.reason is not None for line in lines]),
        labels=label_lines(texts, gold),
        gold=gold,
        full_page=looks_like_full_page(texts),
    )


def kept_text(page: TrainingPage, scores: Sequence[float], decoder: Any) -> str:
    """The text path's output for a page given the line model's log-odds and a decoder: the lines
    the rules kept, as the model overrules them (``clean.overrule``, on copies of the page's lines)."""
    lines = [dataclasses.replace(line) for line in page.lines]
    if page.full_page:
        overrule(lines, decide(scores, decoder))
    return "\n\n".join(line.text for line in lines if line.reason is None)


def fit_pages(pages: Sequence[TrainingPage], decoder: Any = None) -> dict[str, Any]:
    return fit([v for p in pages for v in p.vectors], [y for p in pages for y in p.labels], decoder=decoder)


def choose_decoder(pages: Sequence[TrainingPage], folds: int = 4, seed: int = 1) -> Any:
    """The decoder (``boilerplate.DECODERS``) with the best F1 on these pages, each page judged by
    a model fitted on the other folds of these pages only."""
    order = list(range(len(pages)))
    random.Random(seed).shuffle(order)
    fold_of = {page: n % folds for n, page in enumerate(order)}
    scores_of: dict[int, list[float]] = {}
    for fold in range(folds):
        model = fit_pages([pages[i] for i in order if fold_of[i] != fold])
        for i in (i for i in order if fold_of[i] == fold):
            scores_of[i] = log_odds(pages[i].vectors, model)

    def f1_of(decoder: Any) -> float:
        return scores(page_counts(pages[i].gold, kept_text(pages[i], scores_of[i], decoder)) for i in order)[
            "f1"
        ]

    return max(DECODERS, key=f1_of)


def train_line_model(
    directory: str | Path, folds: int = 5, limit: int | None = None, seed: int = 0
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fit the boilerplate line model on every page, and measure the text path by nested k-fold
    cross-validation with folds over pages: in each outer fold the decoder is chosen by an inner
    cross-validation on the training pages alone, the trees are fitted on them, and the held-out
    pages are cleaned by the full text path (no page is scored by anything fitted or chosen on it)."""
    pages = load_benchmark(directory, limit)
    prepared = [training_page(html, gold) for _key, html, gold in pages]
    order = list(range(len(pages)))
    random.Random(seed).shuffle(order)
    fold_of = {page: n % folds for n, page in enumerate(order)}
    counts: list[tuple[float, float, float]] = []
    chosen = []
    for fold in range(folds):
        train = [prepared[i] for i in order if fold_of[i] != fold]
        decoder = choose_decoder(train)
        chosen.append(decoder)
        model = fit_pages(train, decoder)
        for i in (i for i in order if fold_of[i] == fold):
            _key, html, gold = pages[i]
            counts.append(page_counts(gold, clean_text(visible_text(html), line_model=model).text))
    cross_validated: dict[str, Any] = dict(scores(counts))
    cross_validated["folds"] = folds
    final = fit_pages(prepared, choose_decoder(prepared))
    final["trained_on"] = f"{len(pages)} pages of the Article Extraction Benchmark"
    final["cross_validated"] = {k: round(float(v), 4) for k, v in cross_validated.items()}
    final["cross_validated"]["decoders_chosen"] = chosen
    cross_validated["decoders_chosen"] = chosen
    return final, cross_validated


def register(trainers: Any) -> None:
    parser = trainers.add_parser(
        NAME,
        help="the boilerplate line model of whole web pages, on the Article Extraction Benchmark",
        description="Fit the line model on every page of the Article Extraction Benchmark, write it to "
        "storyline/data/boilerplate_model.json, and print the text path's figures measured by nested k-fold "
        "cross-validation (folds over pages).",
    )
    parser.add_argument(
        "directory",
        metavar="DIR",
        help="the benchmark folder, e.g. ../shared/data/article-extraction-benchmark",
    )
    parser.add_argument("--folds", type=int, default=5, help="outer cross-validation folds (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="how pages are shuffled into the outer folds")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages (sorted by id)")
    parser.add_argument("--out", metavar="FILE", help="write here instead of the shipped artefact")
    parser.add_argument("--no-write", action="store_true", help="only measure; keep the shipped model")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    model, cross_validated = train_line_model(
        args.directory, folds=args.folds, limit=args.limit, seed=args.seed
    )
    if not args.no_write:
        data = training_data(
            benchmark_files(args.directory, args.limit),
            args.directory,
            f"Article Extraction Benchmark ({cross_validated['pages']:.0f} pages: ground-truth.json, html/*.html.gz)",
        )
        path = write_artefact(
            NAME, model, data, out=args.out, command=command_line(getattr(args, "argv", None))
        )
        print(f"line model written to {path} ({len(model['trees'])} trees)")
    print(
        f"text path, {args.folds}-fold nested cross-validated: P {cross_validated['precision']:.3f} "
        f"R {cross_validated['recall']:.3f} F1 {cross_validated['f1']:.3f}"
    )
    print(f"decoders chosen inside the outer training folds: {cross_validated['decoders_chosen']}")
    print(f"decoder shipped (chosen by 4-fold CV on all pages): {model['decoder']}")
    return 0
