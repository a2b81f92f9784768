"""The whole brief on real story corpora (`storyline evaluate brief`), with and without issue 13's reading steps.

Run from the project root:  nice .venv/bin/python benchmarks/brief.py [CORPUS ...] [--before] [--out FILE]

CORPUS defaults to the twelve Timeline17 topics in ../shared/data/timeline17 and the Multi-News dev clusters
(../shared/data/multinews/dev.jsonl; each cluster a corpus, template statistics over the whole file).
``--before`` also runs without detokenizing and without cutting templates (the figures before those steps),
so the two can be read side by side. Figures per corpus and their mean are printed and written as JSON
(default out/brief-benchmark.json). CPU seconds, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from storyline.evaluate.brief import evaluate, print_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def default_corpora() -> list[str]:
    topics = sorted(p for p in (DATA / "timeline17").iterdir() if (p / "articles.jsonl").exists())
    return [str(p) for p in topics] + [str(DATA / "multinews" / "dev.jsonl")]


def print_mean(label: str, mean: dict) -> None:
    print(
        f"{label:<34} template rate {mean['template_rate']:.3f}  count consistency {mean['count_consistency']:.3f}  "
        f"bad speaker names {mean['bad_speaker_names']}  bad roster names {mean['bad_roster_names']}  "
        f"CPU s {mean['cpu_seconds']}"
    )
    for system, r in mean.get("rouge", {}).items():
        print(
            f"  {system:<38} R-1 rec {r['rouge_1_recall']:.3f} F {r['rouge_1_f']:.3f}  "
            f"R-2 rec {r['rouge_2_recall']:.3f} F {r['rouge_2_f']:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*")
    parser.add_argument(
        "--before", action="store_true", help="also run without detokenizing and template cuts"
    )
    parser.add_argument("--clusters", type=int, help="of a cluster file, only the first N clusters")
    parser.add_argument("--out", default=str(ROOT / "out" / "brief-benchmark.json"))
    args = parser.parse_args()
    corpora = args.corpora or default_corpora()
    results = {"after": evaluate(corpora, args.clusters, quiet=False)}
    if args.before:
        results["before"] = evaluate(corpora, args.clusters, templates=False, detokenize=False, quiet=False)
    for row in results["after"]["corpora"]:
        print_table(row)
    by_kind = {"timeline17": lambda r: ":" not in r["corpus"], "multinews": lambda r: ":" in r["corpus"]}
    for name, result in results.items():
        for kind, chosen in by_kind.items():
            rows = [r for r in result["corpora"] if chosen(r)]
            if rows:
                from storyline.evaluate.brief import mean_row

                print_mean(f"{name} ({kind}, {len(rows)} corpora)", mean_row(rows))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
