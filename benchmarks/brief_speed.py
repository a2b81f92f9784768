"""Brief speed: the whole brief of a ~300-article Timeline17 topic, cold and warm, beside bare spaCy.

One run, the same texts, each measurement a fresh process (its CPU seconds, wall clock and peak RSS
from ``os.wait4``, so each figure is that process's own):

- **bare spaCy**: ``nlp.pipe`` over the texts storyline annotates (the cleaned articles), with the
  same pipeline (en_core_web_sm 3.8.0, every component, plus storyline's line-break rule) and batch
  size: the floor a brief is compared to (model loading included, as every command pays it);
- ``storyline brief TOPIC --json`` **cold** (an empty analysis cache) and **warm** (the cache filled
  by the cold run); the two JSON outputs are checked equal apart from ``timings``;
- each view **warm**: ``summarize``, ``timeline``, ``who``, ``compare``, ``report``;
- ``storyline --help``.

With ``--profile`` the cold brief is run once more under cProfile (cache off) and the top functions
by cumulative and by own time are printed. CPU seconds are the figure that counts on a shared machine.

    nice .venv/bin/python benchmarks/brief_speed.py                      # bpoil_bbc: 293 articles
    nice .venv/bin/python benchmarks/brief_speed.py --limit 60 --profile    # its first 60 articles
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeline17"
VIEWS = ("summarize", "timeline", "who", "compare", "report")

BARE = """
import json, sys, time
from storyline.annotate.nlp import load_nlp
from storyline.settings import current_settings
texts = json.load(open(sys.argv[1], encoding="utf-8"))
settings = current_settings().annotate
nlp = load_nlp()
print(json.dumps({"docs": sum(1 for _ in nlp.pipe((t[: settings.max_chars] for t in texts),
      batch_size=settings.batch_size)), "pipeline": nlp.pipe_names}))
"""


def measure(
    label: str, argv: list[str], env: dict[str, str], stdout: Any = subprocess.DEVNULL
) -> dict[str, Any]:
    """Run ``argv`` in a fresh process: its own CPU seconds, wall clock and peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"{label} failed ({process.returncode}): {errors.decode()[-2000:]}")
    row = {
        "run": label,
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
    }
    print(
        f"{label:32} {row['cpu_s']:8.2f} CPU s {row['wall_s']:8.2f} s wall {row['peak_rss_mb']:6d} MB",
        flush=True,
    )
    return row


def storyline(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "storyline.cli.main", *arguments]


def cleaned_texts(path: Path) -> list[str]:
    from storyline.service.corpus import build_corpus

    corpus = build_corpus([str(path)], annotate=False)
    return [article.text for article in corpus.articles]


def without_timings(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("timings", None)
    return json.dumps(data, sort_keys=True)


PROFILE = """
import cProfile, sys, time
from storyline.cli.main import main
profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
profiler.runcall(main, sys.argv[2:])
profiler.dump_stats(sys.argv[1])
"""


def profile(topic: Path, env: dict[str, str], folder: Path, top: int) -> None:
    out = folder / "cold.prof"
    arguments = ["brief", str(topic), "--json", "-q", "--no-cache"]
    measure("cold brief under cProfile", [sys.executable, "-c", PROFILE, str(out), *arguments], env)
    stats = pstats.Stats(str(out))
    for order in ("cumulative", "tottime"):
        print(f"\n## top {top} functions by {order} CPU time (cold brief, cProfile)\n")
        stats.sort_stats(order).print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", default="bpoil_bbc", help="Timeline17 topic folder (default bpoil_bbc)")
    parser.add_argument(
        "--limit",
        type=int,
        metavar="N",
        help="only the topic's first N articles (a busy machine); all by default",
    )
    parser.add_argument("--profile", action="store_true", help="also profile the cold brief (cProfile)")
    parser.add_argument("--top", type=int, default=25, help="functions shown per profile table")
    parser.add_argument("--json", metavar="FILE", help="write the rows as JSON")
    args = parser.parse_args()
    topic = DATA / args.topic / "articles.jsonl"
    with tempfile.TemporaryDirectory(prefix="brief-speed-") as name:
        folder = Path(name)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), STORYLINE_CACHE_DIRECTORY=str(folder / "cache"))
        if args.limit:
            lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)[: args.limit]
            topic = folder / f"{args.topic}-{args.limit}.jsonl"
            topic.write_text("".join(lines), encoding="utf-8")
        texts = cleaned_texts(topic)
        (folder / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        words = sum(len(text.split()) for text in texts)
        print(f"{args.topic}: {len(texts)} articles, {words:,} words, {sum(map(len, texts)):,} characters")
        rows = [measure("storyline --help", storyline("--help"), env)]
        rows.append(
            measure("bare spaCy nlp.pipe", [sys.executable, "-c", BARE, str(folder / "texts.json")], env)
        )
        for label in ("brief cold", "brief warm"):
            with open(folder / f"{label.split()[1]}.json", "wb") as out:
                rows.append(measure(label, storyline("brief", str(topic), "--json", "-q"), env, stdout=out))
        same = without_timings(folder / "cold.json") == without_timings(folder / "warm.json")
        print(f"warm brief JSON == cold brief JSON (timings aside): {same}")
        for view in VIEWS:
            extra = ["-o", str(folder / "report.html")] if view == "report" else ["--json"]
            rows.append(measure(f"{view} warm", storyline(view, str(topic), "-q", *extra), env))
        cache_mb = sum(p.stat().st_size for p in (folder / "cache").rglob("*.bin")) / 1e6
        bare, cold = rows[1]["cpu_s"], rows[2]["cpu_s"]
        print(f"\nanalysis cache: {cache_mb:.1f} MB for {len(texts)} articles")
        print(f"cold brief / bare spaCy (CPU): {cold / bare:.2f}x")
        for row in rows[3:]:
            print(f"{row['run']:32} {100 * row['cpu_s'] / cold:5.1f}% of the cold brief (CPU)")
        if args.json:
            Path(args.json).write_text(
                json.dumps(
                    {"topic": args.topic, "articles": len(texts), "words": words, "same": same, "rows": rows}
                )
            )
        if args.profile:
            profile(topic, dict(env, STORYLINE_CACHE_MAX_MB="0"), folder, args.top)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
