"""Time expressions on TimeBank + AQUAINT (TempEval-3 protocol) and on recent news, storyline beside dateparser.

Run from the project root:  .venv/bin/python benchmarks/timex.py [--part all|dev|heldout]
Two gold sets, each scored in one run for storyline and the in-run anchor (dateparser's search_dates):
- ``../shared/data/tempeval3/TBAQ-cleaned`` (TimeML files; ``--part``: within each sub-folder, sorted by
  name, every second document is held out);
- ``benchmarks/timex_news/gold.jsonl`` (stand-off gold over 40 PolNeAR and Timeline17 articles in
  ``../shared/data``, double-annotated for this project; the file names its own held-out half).
Prints strict/relaxed span F1, value and type accuracy over relaxed matches and seconds per document, per
part and overall. HeidelTime's figures (published on te3-platinum) are printed for reference; it is not run
here (it needs a JVM and TreeTagger).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storyline.evaluate.timex import PARTS, dateparser_tagger, evaluate, read_documents, split_part

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPORA = {
    "TBAQ": DATA / "tempeval3" / "TBAQ-cleaned",
    "recent news": ROOT / "benchmarks" / "timex_news" / "gold.jsonl",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=PARTS, default="all")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append", help="only this gold set")
    args = parser.parse_args()
    print(
        f"{'gold':<12} {'system':<24} {'part':<11} {'docs':>4} {'strict F1':>9} {'relaxed F1':>10} {'value':>6} "
        f"{'type':>6} {'s/doc':>7}"
    )
    for corpus in args.corpus or list(CORPORA):
        documents = split_part(read_documents(CORPORA[corpus], DATA), args.part)
        rows = [
            ("storyline", evaluate(documents)),
            ("dateparser search_dates", evaluate(documents, dateparser_tagger)),
        ]
        for name, result in rows:
            for part, scores in [*result["parts"].items(), (f"{args.part}", result)]:
                print(
                    f"{corpus:<12} {name:<24} {part:<11} {scores['documents']:4} {scores['strict']['f1']:9.3f} "
                    f"{scores['relaxed']['f1']:10.3f} {scores['value_accuracy']:6.3f} "
                    f"{scores['type_accuracy']:6.3f} {scores['seconds_per_doc']:7.4f}"
                )
    print(
        f"{'platinum':<12} {'HeidelTime (published)':<24} {'te3':<11} {20:4} {0.818:9.3f} {0.907:10.3f} "
        f"{0.861:6.3f} {0.918:6.3f} {3.9:7.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
