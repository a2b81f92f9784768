"""Time expressions on TimeBank + AQUAINT (TempEval-3 protocol), storyline beside dateparser, in one run.

Run from the project root:  .venv/bin/python benchmarks/timex.py [DIR] [--part all|dev|heldout]
DIR defaults to ../shared/data/tempeval3/TBAQ-cleaned; ``--part`` scores the development or the held-out
half (within each sub-folder, sorted by name, every second document is held out). Prints strict/relaxed span F1, value and type
accuracy over relaxed matches and seconds per document, per part (TimeBank, AQUAINT) and overall.
HeidelTime's figures (published on te3-platinum) are printed for reference; it is not run here (it
needs a JVM and TreeTagger).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storyline.evaluate.timex import PARTS, dateparser_tagger, evaluate, read_corpus, split_part

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--part", choices=PARTS, default="all")
    args = parser.parse_args()
    documents = split_part(read_corpus(args.directory), args.part)
    print(f"{args.directory} ({args.part}): {len(documents)} documents")
    rows = [
        ("storyline", evaluate(documents)),
        ("dateparser search_dates", evaluate(documents, dateparser_tagger)),
    ]
    print(
        f"{'system':<26} {'part':<10} {'strict F1':>9} {'relaxed F1':>10} {'value':>6} {'type':>6} {'s/doc':>7}"
    )
    for name, result in rows:
        for part, scores in [*result["parts"].items(), ("all", result)]:
            print(
                f"{name:<26} {part:<10} {scores['strict']['f1']:9.3f} {scores['relaxed']['f1']:10.3f} "
                f"{scores['value_accuracy']:6.3f} {scores['type_accuracy']:6.3f} {scores['seconds_per_doc']:7.4f}"
            )
    print(
        f"{'HeidelTime (published)':<26} {'platinum':<10} {0.818:9.3f} {0.907:10.3f} {0.861:6.3f} {0.918:6.3f} {3.9:7.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
