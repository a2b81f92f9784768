"""Cleaning quality on the Article Extraction Benchmark (181 news pages), all systems in one run.

Prints token-shingle precision / recall / F1 (the benchmark's own metric, see
``storyline.evaluate.extraction``) for: (a) storyline's HTML path; (b) storyline's text path (each
page's whole visible text, boilerplate included, then the text cleaner); (c) that visible text
uncleaned, the floor; (d) trafilatura alone on the HTML, the anchor. Figures of other extractors
stored with the benchmark (``output/*.json``) are scored by the same code, as a check on the scorer.

    nice .venv/bin/python benchmarks/extraction.py
    nice .venv/bin/python benchmarks/extraction.py --train   # refit the line model, nested k-fold figures
                                                             # (the same as `storyline train line-model DIR`)
    nice .venv/bin/python benchmarks/extraction.py --train --no-write --seed 1   # other outer folds
    nice .venv/bin/python benchmarks/extraction.py --kept    # story text kept on Timeline17, Multi-News

``--train`` refits the text path's boilerplate line model on all 181 pages, writes it to
``src/storyline/data/boilerplate_model.json``, and prints the text path's figures measured by
nested 5-fold cross-validation with folds over pages: in each outer fold the span decoder is chosen
by a 4-fold cross-validation inside the training pages and the trees are fitted on them, so no page
is scored by anything fitted or chosen on it.
The text-path figure that the plain run prints uses the shipped model, which was fitted on
these same pages: quote the cross-validated figure for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from storyline.evaluate.extraction import SYSTEMS, evaluate, page_counts, scores
from storyline.training.common import training_data, write_artefact
from storyline.training.gold.extraction import benchmark_files
from storyline.training.line_model import train_line_model

ROOT = Path(__file__).resolve().parents[1]
BENCHMARK = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
STORED = ("trafilatura", "readability", "goose3", "html-text")


def stored_outputs(limit: int | None) -> dict[str, dict[str, float]]:
    gold = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:limit]
    result = {}
    for name in STORED:
        output = json.loads((BENCHMARK / "output" / f"{name}.json").read_text(encoding="utf-8"))
        output = output.get("output", output)
        result[f"{name} (stored output)"] = scores(
            page_counts(gold[k].get("articleBody", ""), output[k].get("articleBody", "")) for k in keys
        )
    return result


def print_rows(rows: dict[str, dict[str, float]]) -> None:
    print(f"{'system':<50} {'P':>6} {'R':>6} {'F1':>6} {'s/page':>7}")
    for name, figures in rows.items():
        seconds = figures.get("seconds_per_page")
        print(
            f"{name:<50} {figures['precision']:6.3f} {figures['recall']:6.3f} {figures['f1']:6.3f} "
            + (f"{seconds:7.3f}" if seconds is not None else f"{'':>7}")
        )


def kept_story_text() -> None:
    """How much of story-only corpora the text cleaner keeps (it should remove next to nothing)."""
    from collections import Counter

    from storyline.ingest.prepare import clean
    from storyline.ingest.read import RawDocument, read

    corpora = {
        "Timeline17 */articles.jsonl": sorted(
            str(p) for p in (BENCHMARK.parent / "timeline17").glob("*/articles.jsonl")
        ),
        "Multi-News dev.jsonl": [str(BENCHMARK.parent / "multinews" / "dev.jsonl")],
    }
    for name, paths in corpora.items():
        documents = raw_chars = removed_chars = 0
        reasons: Counter[str] = Counter()
        for raw in read(paths):
            if not isinstance(raw, RawDocument):
                continue
            cleaned = clean(raw)
            documents += 1
            raw_chars += len("".join(raw.content.split()))
            removed_chars += sum(len("".join(r.text.split())) for r in cleaned.removed)
            reasons.update(r.reason for r in cleaned.removed)
        kept = 1 - removed_chars / max(1, raw_chars)
        print(
            f"{name}: {documents} documents, {kept:.1%} of characters kept; removed lines: {dict(reasons.most_common())}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    parser.add_argument("--train", action="store_true", help="refit the line model; print k-fold figures")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0, help="how pages are shuffled into the outer folds")
    parser.add_argument(
        "--no-write", action="store_true", help="with --train: only measure, keep the shipped model"
    )
    parser.add_argument(
        "--kept", action="store_true", help="share of Timeline17 / Multi-News text the cleaner keeps"
    )
    args = parser.parse_args()
    if args.kept:
        kept_story_text()
        return 0
    if args.train:
        model, cross_validated = train_line_model(
            BENCHMARK, folds=args.folds, limit=args.limit, seed=args.seed
        )
        if not args.no_write:
            data = training_data(
                benchmark_files(BENCHMARK, args.limit),
                BENCHMARK,
                f"Article Extraction Benchmark ({cross_validated['pages']:.0f} pages: ground-truth.json, html/*.html.gz)",
            )
            path = write_artefact(
                "line-model", model, data, command="python benchmarks/extraction.py --train"
            )
            print(f"line model written to {path.relative_to(ROOT)} ({len(model['trees'])} trees)")
        print_rows({f"storyline text path, {args.folds}-fold nested cross-validated": cross_validated})
        print(f"decoders chosen inside the outer training folds: {cross_validated['decoders_chosen']}")
        print(f"decoder shipped (chosen by 4-fold CV on all pages): {model['decoder']}")
        return 0
    rows = evaluate(BENCHMARK, args.limit, systems=list(SYSTEMS))
    rows.update(stored_outputs(args.limit))
    print(f"Article Extraction Benchmark: {rows[next(iter(rows))]['pages']} pages")
    print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
