"""Dating undated articles from their story, on Timeline17: storyline beside two anchors, same run.

Run from the project root:  nice .venv/bin/python benchmarks/dating.py [DIR] [--topics A,B] [--seeds 0,1,2]
[--save-rows FILE | --rows FILE]
DIR defaults to ../shared/data/timeline17. In each topic 20% of the articles lose their dates (fixed seeds);
they are dated from the others. Every choice (similarity threshold, how early an estimate may lean, interval
margins, the candidate ranker's weights) is made leave-one-story-out; development and held-out topics are the
project's one split (``evaluate.brief``), reported apart.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from pathlib import Path

from storyline.evaluate.dating import DEVELOPMENT, HELD_OUT, SEEDS, evaluate, evaluate_rows

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timeline17"


def line(name: str, figures: dict) -> str:
    width = figures.get("median_width_days")
    width_text = f"{width:>7}" if width is not None else f"{'open':>7}"
    return (
        f"{name:<48} {figures['exact']:6.3f} {figures['within_1']:6.3f} {figures['within_7']:6.3f} "
        f"{figures['in_interval']:9.3f} {width_text}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", default=str(DEFAULT))
    parser.add_argument("--topics", default=None)
    parser.add_argument("--seeds", default=",".join(map(str, SEEDS)))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--save-rows", default=None, help="pickle the candidate rows here (for analysis)")
    parser.add_argument(
        "--rows",
        default=None,
        help="score the candidate rows pickled by an earlier --save-rows instead of collecting them "
        "(the ranker, thresholds, margins and bar are still chosen leave-one-story-out)",
    )
    args = parser.parse_args()
    began = time.process_time()
    if args.rows:
        rows, names = pickle.loads(Path(args.rows).read_bytes())
        if args.topics:
            names = [n for n in names if n in args.topics.split(",")]
            rows = [r for r in rows if r.topic in names]
        result = evaluate_rows(rows, names)
        result["seeds"] = sorted({r.seed for r in rows})
    else:
        result = evaluate(
            args.directory,
            topics=args.topics.split(",") if args.topics else None,
            seeds=[int(s) for s in args.seeds.split(",")],
            quiet=args.json,
            save_rows=args.save_rows,
        )
    seconds = time.process_time() - began
    if args.json:
        print(json.dumps(result, default=str, indent=1))
        return 0
    print(f"{'':<48} {'exact':>6} {'±1':>6} {'±7':>6} {'in interval':>9} {'width':>7}")
    for name, figures in result["per_topic"].items():
        mark = "dev" if name in DEVELOPMENT else "held-out" if name in HELD_OUT else "neither"
        print(line(f"{name} ({mark}, n={figures['articles']})", figures))
    for part in ("development", "heldout", "all"):
        if result[part]:
            print(line(f"storyline, {part} (n={result[part]['articles']})", result[part]))
    for name, figures in result["anchors"].items():
        print(line(f"anchor: {name}, all", figures))
    if result["anchors_heldout"]:
        for name, figures in result["anchors_heldout"].items():
            print(line(f"anchor: {name}, held-out", figures))
    print("similarity threshold chosen per fold (story):", result["chosen_settings"])
    print("shipped: min_similarity", result["shipped_setting"], "margins:", result["shipped_margins"])
    print("shipped candidate_weights:", tuple(result["shipped_weights"].items()))
    bar = result["inferred_bar"]
    print(
        "inferred-day bar (timeline.build.INFERRED_CONFIDENCE) chosen per fold:",
        bar["fold_bars"],
        "held out:",
        bar["held_out"],
        "shipped:",
        bar["shipped"],
    )
    for value, figures in bar["per_bar"].items():
        print(f"  bar {value} on every story: {figures}")
    print(f"CPU seconds: {seconds:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
