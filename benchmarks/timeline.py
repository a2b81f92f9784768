"""Timelines on Timeline17 (news-tls protocol, tilse scores): storyline beside DATEWISE re-run in the same run.

Run from the project root:  nice .venv/bin/python benchmarks/timeline.py [DIR] [--topics A B ...] [--json FILE]
DIR defaults to ../shared/data/timeline17. Leave-one-story-out (the five bpoil topics are one story): each
story is scored with storyline's date and sentence weights fitted on the other stories, and with a DATEWISE
(``storyline.evaluate.datewise``, the published method re-implemented) whose date regression is fitted on
the same other stories. Three runs per gold timeline:

- protocol: the gold's number of dates and sentences per date, articles of the gold's range, days only;
- DATEWISE: the same protocol;
- user mode: what ``storyline timeline articles.jsonl --dates L`` gives (every article, no range, days,
  months and years allowed, one sentence per date; only the number of dates is the gold's).

Averages are news-tls's (mean precision and recall over timelines, F of the means); the spread is over
stories (each story's mean F over its timelines). The published anchors (Gholipour Ghalandari & Ifrim 2020,
Table 4) are printed beside. Seconds are the timeline's own per topic; annotation is reported apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from storyline.evaluate.timeline17 import PUBLISHED, evaluate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timeline17"


def line(name: str, figures: dict, seconds: str = "") -> str:
    return f"{name:<52} {figures['rouge_1']:6.3f} {figures['rouge_2']:6.3f} {figures['date_f1']:8.3f} {seconds:>6}"


def spread_line(name: str, spread: dict) -> str:
    cells = [
        f"{spread[m]['mean_over_stories']:.3f} [{spread[m]['min']:.3f}-{spread[m]['max']:.3f}] sd {spread[m]['stdev']:.3f}"
        for m in ("rouge_1", "rouge_2", "date_f1")
    ]
    return f"{name:<28} " + " | ".join(cells)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", default=str(DEFAULT))
    parser.add_argument("--topics", nargs="+")
    parser.add_argument("--json", metavar="FILE", help="also write the whole result as JSON")
    args = parser.parse_args()
    began = time.process_time()
    result = evaluate(args.directory, args.topics, quiet=False)
    cpu = time.process_time() - began
    print(
        f"{'topic/timeline':<44} {'R-1':>6} {'R-2':>6} {'date F1':>8}   DATEWISE R-1 R-2 F1   user mode R-1 R-2 F1"
    )
    for row in result["timelines"]:
        name = f"{row['topic']}/{row['timeline']}"
        print(
            f"{name:<44} {row['rouge_1']:6.3f} {row['rouge_2']:6.3f} {row['date_f1']:8.3f}   "
            f"{row['datewise_rouge_1']:.3f} {row['datewise_rouge_2']:.3f} {row['datewise_date_f1']:.3f}   "
            f"{row['user_rouge_1']:.3f} {row['user_rouge_2']:.3f} {row['user_date_f1']:.3f}"
        )
    print(f"{'':<52} {'R-1':>6} {'R-2':>6} {'date F1':>8} {'s':>6}")
    average = result["average"]
    print(line("storyline, protocol (cross-validated)", average, f"{average['seconds_per_topic']:.2f}"))
    datewise = result["datewise"]
    print(
        line(
            "DATEWISE re-implemented, same run (cross-validated)",
            datewise,
            f"{datewise['seconds_per_topic']:.2f}",
        )
    )
    print(line("storyline, user mode (--dates L, no range)", result["user_mode"]))
    for name, figures in PUBLISHED.items():
        seconds = f"{figures['seconds_per_topic']:.2f}" if "seconds_per_topic" in figures else "-"
        print(line(f"published {name}", figures, seconds))
    print(
        f"annotation per topic: {average['annotation_seconds_per_topic']:.2f} s; CPU seconds in all: {cpu:.0f}"
    )
    print("spread over stories (mean [min-max] sd of per-story means), R-1 | R-2 | date F1:")
    print(spread_line("storyline, protocol", result["spread"]))
    print(spread_line("DATEWISE", result["datewise_spread"]))
    print(spread_line("storyline, user mode", result["user_mode_spread"]))
    for story, figures in result["spread"]["per_story"].items():
        other = result["datewise_spread"]["per_story"][story]
        user = result["user_mode_spread"]["per_story"][story]
        print(
            f"  {story:<16} storyline {figures['rouge_1']:.3f} {figures['rouge_2']:.3f} {figures['date_f1']:.3f}"
            f" | DATEWISE {other['rouge_1']:.3f} {other['rouge_2']:.3f} {other['date_f1']:.3f}"
            f" | user mode {user['rouge_1']:.3f} {user['rouge_2']:.3f} {user['date_f1']:.3f}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(result, default=str, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
