"""The story-level summary alone on Timeline17 topics: storyline beside Lead and sumy LexRank, per topic.

Run from the project root:  nice .venv/bin/python benchmarks/story_summary.py [TOPIC ...] [--method NAME]
    [--json FILE]

The summary part of `storyline evaluate brief` (issue 13's story-level summary ROUGE) without the other
stages: each topic is read, copies marked and templates cut as `evaluate brief` does, annotated (spaCy;
parses found again in the kept analysis, ``storyline.service.cache``, so runs after the first cost the
summary only), summarized with the default method (or ``--method``), and scored by
``evaluate.brief.story_rouge`` (ROUGE-1/2 recall and F, rouge-score stemmed, against the gold timelines;
Lead and sumy LexRank on storyline's candidate sentences, from the same run). TOPIC defaults to the twelve
topics; the rows are marked development or held out (the fixed split of ``benchmarks/brief.py``). CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief import DATA, DEVELOPMENT, HELD_OUT, TOPICS  # noqa: E402
from storyline.corpus.templates import remove_templates  # noqa: E402
from storyline.evaluate.brief import read_corpora, story_rouge  # noqa: E402
from storyline.model import Brief  # noqa: E402
from storyline.service.cache import AnalysisCache  # noqa: E402
from storyline.service.corpus import annotate_articles  # noqa: E402
from storyline.settings import current_settings  # noqa: E402
from storyline.summarize import summarize  # noqa: E402

SYSTEMS = ("storyline", "Lead", "LexRank")


def run_topic(path: str, method: str | None) -> dict:
    settings = current_settings()
    (corpus,) = read_corpora([path])
    began = time.process_time()
    remove_templates(corpus.articles, None, add=True)
    annotate_articles(corpus.articles, "spacy", settings, cache=AnalysisCache.of(settings))
    annotated = time.process_time()
    summary = summarize(corpus.articles, method=method)
    summarized = time.process_time()
    scores = story_rouge(corpus, Brief(articles=list(corpus.articles), summary=summary))
    return {
        "corpus": corpus.name,
        "split": "dev" if corpus.name in DEVELOPMENT else "held" if corpus.name in HELD_OUT else "",
        "method": summary.method,
        "rouge": dict(zip(SYSTEMS, scores.values(), strict=True)),
        "summary": [s.text for s in summary.sentences],
        "cpu_seconds": {
            "read_annotate": round(annotated - began, 1),
            "summary": round(summarized - annotated, 1),
        },
    }


def above_both(row: dict) -> bool:
    r = row["rouge"]
    return all(
        r["storyline"][m] > max(r["Lead"][m], r["LexRank"][m]) for m in ("rouge_1_recall", "rouge_2_recall")
    )


def print_rows(rows: list[dict]) -> None:
    print(
        f"{'topic':<22}{'split':>6} {'storyline':>13} {'Lead':>13} {'LexRank':>13}  above both  summary CPU s"
    )
    for split in ("dev", "held", ""):
        chosen = [r for r in rows if r["split"] == split]
        for row in chosen:
            cells = [
                f"{row['rouge'][s]['rouge_1_recall']:.3f}/{row['rouge'][s]['rouge_2_recall']:.3f}"
                for s in SYSTEMS
            ]
            print(
                f"{row['corpus']:<22}{split:>6} {cells[0]:>13} {cells[1]:>13} {cells[2]:>13}  "
                f"{'yes' if above_both(row) else 'no':>10}  {row['cpu_seconds']['summary']}"
            )
        if len(chosen) > 1:
            means = [
                "/".join(
                    f"{statistics.fmean(r['rouge'][s][m] for r in chosen):.3f}"
                    for m in ("rouge_1_recall", "rouge_2_recall")
                )
                for s in SYSTEMS
            ]
            print(
                f"{'mean':<22}{split:>6} {means[0]:>13} {means[1]:>13} {means[2]:>13}  "
                f"{sum(map(above_both, chosen)):>5} of {len(chosen)}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "topics", nargs="*", help=f"topic names or folders (default: the twelve: {' '.join(TOPICS)})"
    )
    parser.add_argument("--method", help="a summarization method (default: storyline's default for the set)")
    parser.add_argument("--json", help="write the rows (with each summary) to this file")
    args = parser.parse_args()
    paths = [t if "/" in t else str(DATA / "timeline17" / t) for t in args.topics or TOPICS]
    rows = []
    for path in paths:
        row = run_topic(path, args.method)
        rows.append(row)
        print(f"{row['corpus']}: done ({row['cpu_seconds']})", file=sys.stderr)
    print_rows(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
