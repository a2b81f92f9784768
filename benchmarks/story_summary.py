"""The story-level summary alone on Timeline17 topics: storyline beside Lead and sumy LexRank, per topic.

Run from the project root:  nice .venv/bin/python benchmarks/story_summary.py [TOPIC ...] [--method NAME]
    [--json FILE]

The summary part of `storyline evaluate brief` (issue 13's story-level summary ROUGE) without the other
stages: each topic is read, copies marked and templates cut as `evaluate brief` does, annotated (spaCy;
parses found again in the kept analysis, ``storyline.service.cache``, so runs after the first cost the
summary only), summarized with the default method (or ``--method``), and scored by
``evaluate.brief.story_rouge`` (ROUGE-1/2 recall and F, rouge-score stemmed, against the gold timelines;
Lead and sumy LexRank on storyline's candidate sentences, from the same run). TOPIC defaults to the twelve
topics and the two multi-outlet joins of the audit (``bpoil_foxnews+bpoil_reuters``, development, and
``bpoil_guardian+bpoil_washingtonpost``, held out: topics joined by ``+`` are read as one corpus, each folder's
articles given its outlet, as ``storyline evaluate brief`` does); the rows are marked development or held out
(the fixed split of ``benchmarks/brief.py``; a join is of the half its topics are in). CPU seconds.
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
# The multi-outlet corpora of the precision audit (issue 13): one of development topics, one of held-out ones.
JOINS = ("bpoil_foxnews+bpoil_reuters", "bpoil_guardian+bpoil_washingtonpost")


def topic_path(topic: str) -> str:
    """A topic name (or names joined by ``+``) as the folder path(s) ``read_corpora`` takes."""
    if "/" in topic:
        return topic
    return "+".join(str(DATA / "timeline17" / name) for name in topic.split("+"))


def split_of(path: str) -> str:
    """``dev`` or ``held`` when every topic of the path is in that half, else empty."""
    names = {Path(part).name for part in path.split("+")}
    return "dev" if names <= DEVELOPMENT else "held" if names <= HELD_OUT else ""


def run_topic(path: str, method: str | None) -> dict:
    settings = current_settings()
    (corpus,) = read_corpora([path])
    began = time.process_time()
    remove_templates(corpus.articles, None, add=True)
    # the parses kept too: the summary reads its finite-verb check in them, as the brief's summary does
    docs = annotate_articles(
        corpus.articles, "spacy", settings, keep_docs=True, cache=AnalysisCache.of(settings)
    )
    annotated = time.process_time()
    summary = summarize(corpus.articles, method=method, docs=docs)
    summarized = time.process_time()
    scores = story_rouge(corpus, Brief(articles=list(corpus.articles), summary=summary))
    return {
        "corpus": corpus.name,
        "split": split_of(path),
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
    """Per corpus R-1/R-2 recall of the three systems; per half, the mean over its single topics (a join
    repeats two of them, so it is listed but not averaged)."""
    print(
        f"{'topic':<32}{'split':>6} {'storyline':>13} {'Lead':>13} {'LexRank':>13}  above both  summary CPU s"
    )

    def line(label: str, split: str, cells: list[str], tail: str) -> None:
        print(f"{label:<32}{split:>6} {cells[0]:>13} {cells[1]:>13} {cells[2]:>13}  {tail}")

    for split in ("dev", "held", ""):
        chosen = [r for r in rows if r["split"] == split]
        for row in chosen:
            cells = [
                f"{row['rouge'][s]['rouge_1_recall']:.3f}/{row['rouge'][s]['rouge_2_recall']:.3f}"
                for s in SYSTEMS
            ]
            line(
                row["corpus"],
                split,
                cells,
                f"{'yes' if above_both(row) else 'no':>10}  {row['cpu_seconds']['summary']}",
            )
        single = [r for r in chosen if "[" not in r["corpus"]]
        if len(single) > 1:
            means = [
                "/".join(
                    f"{statistics.fmean(r['rouge'][s][m] for r in single):.3f}"
                    for m in ("rouge_1_recall", "rouge_2_recall")
                )
                for s in SYSTEMS
            ]
            line(
                f"mean of {len(single)} topics",
                split,
                means,
                f"{sum(map(above_both, single)):>5} of {len(single)}",
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "topics",
        nargs="*",
        help=f"topic names or folders, joined by + for one corpus (default: {' '.join([*TOPICS, *JOINS])})",
    )
    parser.add_argument("--method", help="a summarization method (default: storyline's default for the set)")
    parser.add_argument("--json", help="write the rows (with each summary) to this file")
    args = parser.parse_args()
    paths = [topic_path(t) for t in args.topics or [*TOPICS, *JOINS]]
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
