"""Cleaning quality on the Article Extraction Benchmark (Zyte/Scrapinghub, 181 news pages).

The metric is the benchmark's own (``storyline.training.gold.extraction``, which also reads the pages);
the line model the text path uses is fitted by ``storyline train line-model`` (``storyline.training.line_model``).

Systems compared in one run: storyline's HTML path; storyline's text path (each page turned into
its whole visible text, then the text cleaner); that visible text uncleaned (the floor); and
trafilatura alone on the HTML (the anchor).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..training.gold.extraction import load_benchmark, page_counts, scores


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
