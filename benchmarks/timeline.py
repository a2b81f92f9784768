"""Timelines on Timeline17 (news-tls protocol, tilse scores), storyline beside the published DATEWISE/CLUST.

Run from the project root:  nice .venv/bin/python benchmarks/timeline.py [DIR]
DIR defaults to ../shared/data/timeline17. The date-ranking and sentence-scoring weights are cross-validated
(each story is scored with weights fitted on the other stories), so no figure comes from weights fitted on its
own gold.
Seconds per topic are the timeline's own time; annotation (sentence splitting and time expressions) is
reported apart. The published anchors (Gholipour Ghalandari & Ifrim 2020, Table 4) are not re-run: the
news-tls code needs HeidelTime-preprocessed inputs and trained models that are not available offline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from storyline.evaluate.timeline17 import PUBLISHED, evaluate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timeline17"


def main() -> int:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    result = evaluate(directory, quiet=False)
    print(f"{'topic/timeline':<44} {'R-1':>6} {'R-2':>6} {'date F1':>8} {'s':>6}")
    for row in result["timelines"]:
        name = f"{row['topic']}/{row['timeline']}"
        print(
            f"{name:<44} {row['rouge_1']:6.3f} {row['rouge_2']:6.3f} {row['date_f1']:8.3f} {row['timeline_seconds']:6.2f}"
        )
    average = result["average"]
    print(
        f"{'storyline, average (cross-validated)':<44} {average['rouge_1']:6.3f} {average['rouge_2']:6.3f} "
        f"{average['date_f1']:8.3f} {average['seconds_per_topic']:6.2f}"
    )
    print(f"{'  annotation per topic (s)':<44} {average['annotation_seconds_per_topic']:>29.2f}")
    for name, figures in PUBLISHED.items():
        seconds = f"{figures['seconds_per_topic']:6.2f}" if "seconds_per_topic" in figures else f"{'-':>6}"
        print(
            f"{'published ' + name:<44} {figures['rouge_1']:6.3f} {figures['rouge_2']:6.3f} {figures['date_f1']:8.3f} {seconds}"
        )
    print("fold weights:", result["fold_weights"])
    print("fold sentence weights:", result["fold_sentence_weights"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
