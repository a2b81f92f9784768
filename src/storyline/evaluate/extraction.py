"""Cleaning quality on the Article Extraction Benchmark (Zyte/Scrapinghub, 181 news pages).

The metric is the benchmark's own (its ``evaluate.py``): each text is cut into ``\\w+`` tokens,
the tokens into overlapping 4-token shingles; per page, true positives, false positives and
false negatives are counted over shingles and normalized to sum to one (so long pages weigh no
more than short ones); precision and recall are the means over pages and F1 is computed from
those two means.

Systems compared in one run: storyline's HTML path; storyline's text path (each page turned into
its whole visible text, then the text cleaner); that visible text uncleaned (the floor); and
trafilatura alone on the HTML (the anchor).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """Normalized (tp, fp, fn) of one page, as the benchmark computes them."""
    gold, found = shingles(true), shingles(predicted)
    tp = sum((gold & found).values())
    fp = sum((found - gold).values())
    fn = sum((gold - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_of(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall_of(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    """Macro precision and recall over pages, and the F1 of the two (the benchmark's figures)."""
    counts = list(counts)
    precision = statistics.mean(precision_of(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(recall_of(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(counts)}


def load_benchmark(directory: str | Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(page id, HTML, gold article body) for each page, in sorted order."""
    directory = Path(directory)
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        with gzip.open(directory / "html" / f"{key}.html.gz", "rb") as handle:
            html = handle.read().decode("utf-8", errors="replace")
        pages.append((key, html, gold[key].get("articleBody", "")))
    return pages


def storyline_html(html: str) -> str:
    from ..errors import InputError
    from ..ingest.webpage import clean_html

    try:
        return clean_html(html).text
    except InputError:
        return ""


def storyline_text(html: str) -> str:
    from ..ingest.clean import clean_text
    from ..ingest.webpage import visible_text

    return clean_text(visible_text(html)).text


def visible(html: str) -> str:
    from ..ingest.webpage import visible_text

    return visible_text(html)


def trafilatura_alone(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "storyline HTML path": storyline_html,
    "storyline text path (visible text, then clean)": storyline_text,
    "visible text, uncleaned (floor)": visible,
    "trafilatura alone": trafilatura_alone,
}


def evaluate(
    directory: str | Path, limit: int | None = None, systems: Iterable[str] | None = None
) -> dict[str, Any]:
    pages = load_benchmark(directory, limit)
    result: dict[str, Any] = {}
    for name in systems or SYSTEMS:
        extract = SYSTEMS[name]
        started = time.perf_counter()
        counts = [page_counts(gold, extract(html)) for _key, html, gold in pages]
        figures = scores(counts)
        figures["seconds_per_page"] = (time.perf_counter() - started) / max(1, len(pages))
        result[name] = figures
    return result


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
    from ..ingest.boilerplate import label_lines, line_features, looks_like_full_page
    from ..ingest.clean import dominant_script, mark_lines, split_lines
    from ..ingest.webpage import visible_text

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
    import dataclasses

    from ..ingest.boilerplate import decide
    from ..ingest.clean import overrule

    lines = [dataclasses.replace(line) for line in page.lines]
    if page.full_page:
        overrule(lines, decide(scores, decoder))
    return "\n\n".join(line.text for line in lines if line.reason is None)


def fit_pages(pages: Sequence[TrainingPage], decoder: Any = None) -> dict[str, Any]:
    from ..ingest.boilerplate import fit

    return fit([v for p in pages for v in p.vectors], [y for p in pages for y in p.labels], decoder=decoder)


def choose_decoder(pages: Sequence[TrainingPage], folds: int = 4, seed: int = 1) -> Any:
    """The decoder (``boilerplate.DECODERS``) with the best F1 on these pages, each page judged by
    a model fitted on the other folds of these pages only."""
    import random

    from ..ingest.boilerplate import DECODERS, log_odds

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
    import random

    from ..ingest.clean import clean_text
    from ..ingest.webpage import visible_text

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


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "extraction",
        help="cleaning: article text of web pages (Article Extraction Benchmark), beside trafilatura",
        description="Token-shingle precision/recall/F1 (the benchmark's own metric) of storyline's HTML path "
        "and text path, the uncleaned visible text (floor) and trafilatura alone, on "
        "../shared/data/article-extraction-benchmark.",
    )
    parser.add_argument("directory", metavar="DIR", help="the benchmark folder (ground-truth.json and html/)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages (sorted by id)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    result = evaluate(args.directory, args.limit)
    if args.json:
        print_json(result)
        return 0
    print(f"{'system':<50} {'P':>6} {'R':>6} {'F1':>6} {'s/page':>7}")
    for name, figures in result.items():
        print(
            f"{name:<50} {figures['precision']:6.3f} {figures['recall']:6.3f} {figures['f1']:6.3f} "
            f"{figures['seconds_per_page']:7.3f}"
        )
    return 0
