"""Summaries: quality on the Multi-News dev clusters and speed, storyline beside the anchors.

Run from the project root:

    nice .venv/bin/python benchmarks/summary.py                # all 116 dev clusters + the samples
    nice .venv/bin/python benchmarks/summary.py --limit 30     # the first 30 clusters (the gate's)
    nice .venv/bin/python benchmarks/summary.py --speed-only   # only the end-to-end timing on the samples

Quality is ``storyline evaluate multinews`` (same clusters, same sentences, same budget rule for every
system; the default is cross-validated over clusters or scored by a scorer that never saw them).
Speed: seconds per cluster of summarization alone (after annotation), storyline's default beside
sumy's LexRank on the same clusters; and end to end on the five samples (a fresh process: start,
load, clean, annotate, summarize), ``storyline summarize`` beside the same pipeline ending in sumy's
LexRank, median of three runs, with the machine's load average (other work slows both alike).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl"
SAMPLES = ROOT.parent / "shared" / "samples" / "syria-assad"
STORYLINE = [str(ROOT / ".venv" / "bin" / "storyline")]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
RUNS = 3

# The same front half as `storyline summarize` (read, clean, describe, annotate), then sumy LexRank.
LEXRANK_END_TO_END = """
import sys
from storyline import build_corpus
from storyline.evaluate.multinews import Cluster, LEXRANK, run_anchor
articles = list(build_corpus([sys.argv[1]], sections=["summary"]).articles)
result = run_anchor(LEXRANK, [Cluster("samples", articles, "")], 250)
print("\\n".join(result.summaries[0]))
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def end_to_end() -> None:
    systems = {
        "storyline summarize (learned)": STORYLINE + ["summarize", str(SAMPLES), "--format", "md", "-q"],
        "same pipeline + sumy LexRank": [PYTHON, "-c", LEXRANK_END_TO_END, str(SAMPLES)],
    }
    print(f"End to end on the five samples (median of {RUNS} fresh processes; load {os.getloadavg()[0]:.1f})")
    print(f"{'system':<32} {'wall s':>7} {'CPU s':>6}")
    for name, command in systems.items():
        runs = [timed(command) for _ in range(RUNS)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"{name:<32} {wall:7.2f} {cpu:6.2f}")
    print()


def quality(limit: int | None) -> None:
    from storyline.evaluate.multinews import evaluate, render

    started = time.perf_counter()
    report = evaluate(str(DEV), words=250, limit=limit, progress=lambda m: print(f"  {m}", file=sys.stderr))
    print(render(report))
    systems = {s["name"]: s for s in report["systems"]}
    default, lexrank = systems["storyline learned"], systems["sumy LexRank"]
    print(
        "Summarization alone, CPU ms per cluster (mean / max): "
        f"storyline learned {1000 * default['seconds_per_cluster']:.1f} / {1000 * default['seconds_max']:.1f}, "
        f"sumy LexRank {1000 * lexrank['seconds_per_cluster']:.1f} / {1000 * lexrank['seconds_max']:.1f}"
    )
    print(f"(whole evaluation {time.perf_counter() - started:.0f} s, load {os.getloadavg()[0]:.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="only the first N dev clusters")
    parser.add_argument("--speed-only", action="store_true", help="only the end-to-end timing on the samples")
    args = parser.parse_args()
    end_to_end()
    if not args.speed_only:
        quality(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
