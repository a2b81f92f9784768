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

from storyline.evaluate.brief import DEVELOPMENT, HELD_OUT, TIMELINE17_TOPICS, evaluate, print_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


# The fixed development / held-out split of the twelve Timeline17 topics for the story-level summary (issue 13,
# helper E), kept beside the audit that marks its items with it: sorted by name, the even positions are
# development topics (the story method's choices were made looking at these only), the odd ones held out.
TOPICS = list(TIMELINE17_TOPICS)


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


def print_rouge_rows(rows: list[dict]) -> None:
    """Story-level R-1/R-2 recall per corpus: storyline, Lead, LexRank, and whether storyline is above both."""
    print(f"{'corpus':<24}{'split':>6} {'storyline':>13} {'Lead':>13} {'LexRank':>13}  above both")
    for row in rows:
        if "rouge" not in row:
            continue
        r = list(row["rouge"].values())
        cells = [f"{s['rouge_1_recall']:.3f}/{s['rouge_2_recall']:.3f}" for s in r[:3]]
        above = all(r[0][m] > max(r[1][m], r[2][m]) for m in ("rouge_1_recall", "rouge_2_recall"))
        split = "dev" if row["corpus"] in DEVELOPMENT else "held" if row["corpus"] in HELD_OUT else ""
        print(
            f"{row['corpus']:<24}{split:>6} {cells[0]:>13} {cells[1]:>13} {cells[2]:>13}  {'yes' if above else 'no'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*")
    parser.add_argument(
        "--before", action="store_true", help="also run without detokenizing and template cuts"
    )
    parser.add_argument("--clusters", type=int, help="of a cluster file, only the first N clusters")
    parser.add_argument("--out", default=str(ROOT / "out" / "brief-benchmark.json"))
    parser.add_argument(
        "--merge",
        nargs="+",
        metavar="JSON",
        help="no run: print the tables of `storyline evaluate brief ... --json` outputs (runs split over processes)",
    )
    args = parser.parse_args()
    if args.merge:
        rows = [row for path in args.merge for row in json.loads(Path(path).read_text())["corpora"]]
        results = {"after": {"corpora": sorted(rows, key=lambda r: r["corpus"])}}
    else:
        corpora = args.corpora or default_corpora()
        results = {"after": evaluate(corpora, args.clusters, quiet=False)}
    if args.before and not args.merge:
        results["before"] = evaluate(corpora, args.clusters, templates=False, detokenize=False, quiet=False)
    for row in results["after"]["corpora"]:
        print_table(row)
    print_rouge_rows(results["after"]["corpora"])
    by_kind = {
        "timeline17": lambda r: ":" not in r["corpus"],
        "timeline17 development": lambda r: r["corpus"] in DEVELOPMENT,
        "timeline17 held out": lambda r: r["corpus"] in HELD_OUT,
        "multinews": lambda r: ":" in r["corpus"],
    }
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
