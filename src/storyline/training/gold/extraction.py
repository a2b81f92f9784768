"""The Article Extraction Benchmark (Zyte/Scrapinghub, 181 news pages): its reader and its metric.

The metric is the benchmark's own (its ``evaluate.py``): each text is cut into ``\\w+`` tokens,
the tokens into overlapping 4-token shingles; per page, true positives, false positives and
false negatives are counted over shingles and normalized to sum to one (so long pages weigh no
more than short ones); precision and recall are the means over pages and F1 is computed from
those two means.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

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


def benchmark_files(directory: str | Path, limit: int | None = None) -> list[Path]:
    """The files ``load_benchmark`` reads (the gold and each page's HTML), for the training data's hash."""
    directory = Path(directory)
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        directory / "ground-truth.json",
        *(directory / "html" / f"{key}.html.gz" for key in sorted(gold)[:limit]),
    ]
