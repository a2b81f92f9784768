"""Throughput and growth: Timeline17 replicated with perturbations through the store, 1k to 100k articles.

Run from the project root:  nice .venv/bin/python benchmarks/scale.py [--light 1000,10000,100000]
[--full 1000,5000] [--no-anchor] [--no-workers-check] [--keep DIR]

The input is a JSONL file of Timeline17 articles replicated as often as needed; every replica but the
first drops about 30% of its lines at random, swaps one word in eight for another word of the same
article and moves its date by up to five days, so replicas are rewrites of the same story, not exact
copies (a few are near enough to be marked as copies, as in a real feed).
Each run is a fresh process on a fresh store, so peak memory (max RSS) is that run's alone:

- light path: read, clean, describe, deduplicate, store, group into stories (``ingest --light``);
- full path: the same with spaCy annotation (``ingest``).

Printed for each: articles per second (wall clock) and CPU seconds per 1,000 articles, peak memory,
store size; then the two requirements: time grows no worse than linearly (CPU seconds per article at
the largest size at most 1.1 x the smallest's: CPU time, because on a shared machine wall-clock time
also measures the neighbours) and peak memory within 1.5 x between the smallest and the largest run of
each path. The wall-clock ratio is printed beside it. Anchor, in the same run:
the obvious in-memory way (load every article into a list, deduplicate with one in-memory
datasketch MinHashLSH), whose memory grows with the input. Last, a 2-worker LocalCluster on loopback
ingests the smallest full-path input and its store is compared row by row with the single-process one.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
T17 = ROOT.parent / "shared" / "data" / "timeline17"

CHILD = r"""
import json, os, resource, sys, time
mode, source, db, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
started = time.perf_counter()
if mode == "anchor":
    from storyline.corpus.copies import mark_duplicates
    from storyline.ingest.prepare import prepare
    from storyline.ingest.read import read
    from storyline.corpus.stories import cluster, story_input, time_order
    articles = mark_duplicates(list(prepare(read([source]), lambda problem: None)))
    stories = len(set(dict(cluster(time_order(story_input(a) for a in articles))).values()))
    result = {"articles": len(articles), "duplicates": sum(1 for a in articles if a.duplicate_of),
              "stories": stories, "store_bytes": 0}
else:
    from storyline.corpus.distributed import runner
    from storyline.corpus.store import group_stories, ingest, opened
    with runner(workers) as chosen, opened(db) as store:
        report = ingest([source], store, annotate=(mode == "full"), run=chosen)
        ingested = time.perf_counter()
        group_stories(store)
        result = {"articles": store.count(), "duplicates": report.duplicates,
                  "stories": store.count_stories(), "ingest_seconds": ingested - started}
    result["store_bytes"] = os.path.getsize(db)
result["seconds"] = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
result["cpu_seconds"] = usage.ru_utime + usage.ru_stime
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def originals() -> list[dict]:
    records = []
    for folder in sorted(p for p in T17.iterdir() if (p / "articles.jsonl").is_file()):
        with open(folder / "articles.jsonl", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["text"].strip():
                    records.append({"time": record["time"], "text": record["text"]})
    return records


def write_corpus(path: Path, size: int, base: list[dict], seed: int = 1) -> None:
    """``size`` articles: the originals, then perturbed replicas of them, in a shuffled order."""
    import datetime as dt

    rng = random.Random(seed)
    order = list(range(size))
    rng.shuffle(order)
    with open(path, "w", encoding="utf-8") as handle:
        for position in order:
            record = base[position % len(base)]
            replica = position // len(base)
            text, date = record["text"], dt.date.fromisoformat(record["time"])
            if replica:
                lines = [line for line in text.split("\n") if line.strip()]
                kept = [line for line in lines if rng.random() > 0.3] or lines[:1]
                # A rewrite: one word in eight swapped for another of the article's own words.
                pool = text.split()
                text = "\n".join(
                    " ".join(rng.choice(pool) if rng.random() < 0.125 else word for word in line.split(" "))
                    for line in kept
                )
                date += dt.timedelta(days=rng.randint(-5, 5))
            handle.write(json.dumps({"time": date.isoformat(), "text": text}) + "\n")


def run_child(mode: str, source: Path, db: Path, workers: int = 1) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(source), str(db), str(workers)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def store_rows(path: Path) -> tuple:
    from storyline.corpus.store import opened

    with opened(str(path), read_only=True) as store:
        sql = store.connection.execute
        return (
            sql("SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY seq").fetchall(),
            sql("SELECT * FROM stories ORDER BY seq").fetchall(),
            sql("SELECT * FROM story_articles ORDER BY position").fetchall(),
            sql("SELECT * FROM fingerprint_bands ORDER BY seq, key").fetchall(),
            sql("SELECT * FROM entities ORDER BY id, label, text").fetchall(),
        )


def sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--light", default="1000,10000,100000", help="light-path sizes")
    parser.add_argument("--full", default="1000,5000", help="full-path sizes")
    parser.add_argument("--anchor", default="1000,10000", help="in-memory anchor sizes ('' for none)")
    parser.add_argument("--no-workers-check", action="store_true")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated inputs and stores in DIR")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storyline-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    base = originals()
    rows = []
    try:
        light, full, anchor = sizes(args.light), sizes(args.full), sizes(args.anchor)
        # Smallest runs first, the 2-worker check right after the first full run, the longest runs
        # last: an interrupted benchmark still has each path's small runs (rows go to stderr as JSON).
        plan: list[tuple[str, int]] = [("light", n) for n in light[:1]] + [("full", n) for n in full[:1]]
        if full and not args.no_workers_check:
            plan.append(("workers", full[0]))
        plan += [("light", n) for n in light[1:-1]] + [("anchor", n) for n in anchor]
        plan += [("full", n) for n in full[1:]] + [("light", n) for n in light[-1:] if len(light) > 1]
        workers_line = ""
        for mode, size in plan:
            source = work / f"t17x{size}.jsonl"
            if not source.exists():
                write_corpus(source, size, base)
            if mode == "workers":
                single, parallel = work / f"full-{size}.duckdb", work / f"full-{size}-2workers.duckdb"
                parallel.unlink(missing_ok=True)
                print(
                    f"== full {size:,} articles on a 2-worker LocalCluster ...", file=sys.stderr, flush=True
                )
                result = run_child("full", source, parallel, workers=2)
                same = store_rows(single) == store_rows(parallel)
                print(json.dumps(result | {"identical": same}), file=sys.stderr, flush=True)
                workers_line = (
                    f"2-worker LocalCluster, full path, {size:,} articles: "
                    f"{result['articles'] / result['seconds']:.1f} art/s, peak {result['peak_mb']:.0f} MB "
                    f"(client); store identical to the single-process run: {'yes' if same else 'NO'}"
                )
                continue
            db = work / f"{mode}-{size}.duckdb"
            db.unlink(missing_ok=True)
            print(f"== {mode} {size:,} articles ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            result = run_child(mode, source, db)
            result.update(mode=mode, size=size, wall=time.perf_counter() - started)
            rows.append(result)
            print(json.dumps(result), file=sys.stderr, flush=True)
        rows.sort(key=lambda r: (("light", "full", "anchor").index(r["mode"]), r["size"]))
        print(
            f"{'path':<8} {'articles':>9} {'art/s':>8} {'s/1k art':>9} {'CPU s/1k':>9} {'peak MB':>8} {'store MB':>9} "
            f"{'copies':>7} {'stories':>8}"
        )
        for r in rows:
            name = {"light": "light", "full": "full", "anchor": "in-memory anchor"}[r["mode"]]
            print(
                f"{name:<8} {r['size']:>9,} {r['articles'] / r['seconds']:8.1f} {1000 * r['seconds'] / r['articles']:9.1f} "
                f"{1000 * r['cpu_seconds'] / r['articles']:9.1f} "
                f"{r['peak_mb']:8.0f} {r['store_bytes'] / 1e6:9.1f} {r['duplicates']:7d} {r['stories']:8d}"
            )
        ok = True
        for mode in ("light", "full", "anchor"):
            runs = [r for r in rows if r["mode"] == mode]
            if len(runs) < 2:
                continue
            small, large = runs[0], runs[-1]
            time_ratio = (large["cpu_seconds"] / large["articles"]) / (
                small["cpu_seconds"] / small["articles"]
            )
            wall_ratio = (large["seconds"] / large["articles"]) / (small["seconds"] / small["articles"])
            memory_ratio = large["peak_mb"] / small["peak_mb"]
            verdict = (
                ""
                if mode == "anchor"
                else ("  OK" if time_ratio <= 1.1 and memory_ratio <= 1.5 else "  FAILS")
            )
            ok = ok and (mode == "anchor" or verdict == "  OK")
            print(
                f"{mode}: {small['size']:,} -> {large['size']:,} articles: CPU time per article x{time_ratio:.2f} "
                f"(linear = x1.00; wall clock x{wall_ratio:.2f}), peak memory x{memory_ratio:.2f} "
                f"(limit x1.50){verdict}"
            )
        if workers_line:
            print(workers_line)
            ok = ok and workers_line.endswith("yes")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
