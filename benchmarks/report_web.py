"""Report and web app speed: the samples' report end to end, a 300-article topic's page in Chromium, the API.

Run from the project root:  nice .venv/bin/python benchmarks/report_web.py [--topic bpoil_reuters] [--runs 3]

Figures, each beside its anchor measured in the same run:
- `storyline report` on the five samples, wall time of the whole command (a fresh process: imports,
  spaCy load, every installed stage, rendering, writing) beside `storyline inspect --json` on the same
  files (read + clean + annotate only: the floor any brief pays). Target: <= 5 s.
- `storyline report` on a Timeline17 topic (~300 articles): wall time and page size (not a target, for
  context), then the page's load time in Debian's headless Chromium (navigation until the page's script
  has run) beside a bare page holding the same articles' text as plain paragraphs. Target: <= 3 s.
- `/api/brief` on the five samples against a running `storyline serve`, seconds per request after a warm-up.
Writes the page to out/brief-<topic>.html and the figures to out/report-web-benchmark.json.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "syria-assad"
TIMELINE17 = SHARED / "data" / "timeline17"
OUT = ROOT / "out"
STORYLINE = [sys.executable, "-m", "storyline.cli.main"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one run of a command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_timed(command: list[str], runs: int) -> tuple[float, float]:
    runs_timed = [timed(command) for _ in range(runs)]
    return statistics.median(t[0] for t in runs_timed), statistics.median(t[1] for t in runs_timed)


def page_load_seconds(paths: list[Path], runs: int) -> list[float]:
    """Median load time of each page: navigation until the page's own script says it is ready (or load)."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            times = []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1200, "height": 900})
                started = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_function(
                    "!document.querySelector('script') || document.documentElement.dataset.ready === '1'"
                )
                times.append(time.perf_counter() - started)
                page.close()
            results.append(statistics.median(times))
        browser.close()
    return results


def bare_page(topic_file: Path, target: Path) -> None:
    """The anchor: the same articles' text as plain paragraphs, no structure, no script."""
    parts = ["<!doctype html><meta charset=utf-8><title>bare</title>"]
    with topic_file.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text", "")
            parts.append(
                "<article>" + "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n")) + "</article>"
            )
    target.write_text("".join(parts), encoding="utf-8")


def api_seconds(runs: int) -> float:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*STORYLINE, "serve", "--port", str(port), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        body = {"articles": [{"text": p.read_text(encoding="utf-8")} for p in sorted(SAMPLES.iterdir())]}
        httpx.post(f"{base}/api/brief", json=body, timeout=300).raise_for_status()  # warm-up
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            httpx.post(f"{base}/api/brief", json=body, timeout=300).raise_for_status()
            times.append(time.perf_counter() - started)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--topic", default="bpoil_reuters", help="Timeline17 topic folder (default bpoil_reuters)"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per timing; the median is shown")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    topic_file = TIMELINE17 / args.topic / "articles.jsonl"
    articles = sum(1 for line in topic_file.open(encoding="utf-8") if line.strip())
    figures: dict[str, float | int | str] = {}

    sample_page = OUT / "brief.html"
    figures["report_samples_s"], figures["report_samples_cpu_s"] = median_timed(
        [*STORYLINE, "report", str(SAMPLES), "-o", str(sample_page), "-q"], args.runs
    )
    figures["inspect_samples_s"], figures["inspect_samples_cpu_s"] = median_timed(
        [*STORYLINE, "inspect", str(SAMPLES), "--json", "-q"], args.runs
    )

    topic_page = OUT / f"brief-{args.topic}.html"
    figures["report_topic_s"], figures["report_topic_cpu_s"] = timed(
        [*STORYLINE, "report", str(topic_file), "-o", str(topic_page), "-q"]
    )
    figures["topic_page_bytes"] = topic_page.stat().st_size
    bare = OUT / f"bare-{args.topic}.html"
    bare_page(topic_file, bare)
    figures["topic_page_load_s"], figures["bare_page_load_s"], figures["sample_page_load_s"] = (
        page_load_seconds([topic_page, bare, sample_page], args.runs)
    )
    figures["api_brief_samples_s"] = api_seconds(args.runs)

    load = os.getloadavg()[0]
    print(
        f"machine load average during the run: {load:.1f} on {os.cpu_count()} cores (wall times grow with it)"
    )
    print(f"{'figure':<58} {'storyline':>10} {'anchor':>10}  target")
    print(
        f"{'report, 5 samples, end to end (s) | anchor: inspect':<58} {figures['report_samples_s']:>10.2f} {figures['inspect_samples_s']:>10.2f}  <= 5"
    )
    print(
        f"{'  the same, CPU time (user + system, s)':<58} {figures['report_samples_cpu_s']:>10.2f} "
        f"{figures['inspect_samples_cpu_s']:>10.2f}  <= 5"
    )
    print(f"{'page load in Chromium, 5 samples (s)':<58} {figures['sample_page_load_s']:>10.2f} {'':>10}")
    print(
        f"{f'report, {args.topic} ({articles} articles), end to end (s)':<58} {figures['report_topic_s']:>10.1f}"
    )
    print(f"{'  the same, CPU time (s)':<58} {figures['report_topic_cpu_s']:>10.1f}")
    print(
        f"{f'page load, {args.topic} (s) | anchor: bare text page':<58} {figures['topic_page_load_s']:>10.2f} {figures['bare_page_load_s']:>10.2f}  <= 3"
    )
    print(f"{'page size, ' + args.topic + ' (MB)':<58} {figures['topic_page_bytes'] / 1e6:>10.2f}")
    print(
        f"{'/api/brief, 5 samples, per request after warm-up (s)':<58} {figures['api_brief_samples_s']:>10.2f}"
    )
    figures["load_average"] = round(load, 1)
    (OUT / "report-web-benchmark.json").write_text(
        json.dumps({"topic": args.topic, "articles": articles, **figures}, indent=2) + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
