"""Robustness: generated hostile and unlucky inputs through the CLI and every web endpoint, and a
bounded load on loopback.

Fuzz (``--inputs N``, default 1,000): random bytes, random Unicode (right-to-left scripts,
zero-width and combining characters), HTML fragments (CDATA, control characters, deep nesting,
odd meta tags), JSONL records with wrong field types, NUL bytes and over-long lines, UTF-16/32
without a byte-order mark, gzip files (good, truncated, bombs), zip archives (bombs, mixed entries),
FIFOs and symbolic links (to a secret file outside the folder, inside it, dangling), with real
articles (Timeline17, the samples) mixed in as text, HTML, JSONL and gzip. The inputs go, in
batches, through ``storyline inspect``, ``report`` and ``ingest`` (each run a fresh process under a
timeout; its peak RSS from ``wait4``), and one by one through every web endpoint of a server with
worker processes (JSON and upload twins, ``/report``, an allowed folder holding the FIFOs and links).
Counted: tracebacks, HTTP 500s, hangs (runs or requests past their timeout), ``failed`` problems
(a document that tripped something unforeseen, caught by the per-document guard), peak RSS, and
whether every good input came out as an article.

Load (``--load``, on 127.0.0.1 only, bounded in count and time): 8 clients x 25 ``/api/summarize``
on the samples against the one-at-a-time server (``--workers 0``) and the pooled one, single-request
latency measured alone on each; a large ``/api/brief`` past its time limit while small requests go
on; server RSS at request 50 and 200; a worker SIGKILLed mid-request.

    nice .venv/bin/python benchmarks/robustness.py --inputs 1000
    nice .venv/bin/python benchmarks/robustness.py --inputs 0 --load
    nice .venv/bin/python benchmarks/robustness.py --inputs 120 --batch 40 --quick   # the test's subset
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import gzip
import io
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "syria-assad"
T17 = SHARED / "data" / "timeline17"
PYTHON = sys.executable
RUN_TIMEOUT = 900  # seconds for one CLI run over a batch
REQUEST_TIMEOUT = 300  # seconds for one web request
SECRET = "SECRET-OUTSIDE-THE-FOLDER-d41d8cd9"

RTL = "مرحبا بالعالم هذا نص عربي שלום עולם זה טקסט בעברית"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"
COMBINING = "".join(chr(c) for c in range(0x300, 0x36F))
EMOJI = "😀🙃🇸🇾👩‍👩‍👧‍👦🏳️‍🌈"
TAGS = [
    "div",
    "p",
    "span",
    "article",
    "b",
    "i",
    "table",
    "tr",
    "td",
    "script",
    "style",
    "object",
    "meta",
    "title",
    "head",
    "body",
    "html",
    "svg",
    "iframe",
    "time",
    "a",
    "ul",
    "li",
    "noscript",
    "template",
]


@dataclass
class Case:
    name: str
    kind: str
    good: bool = False
    # sources an article must come out under when the input is good (CLI: path or path:line)
    sources: list[str] = field(default_factory=list)


def good_texts(rng: random.Random, count: int) -> list[str]:
    """Real articles: the samples and Timeline17 texts of 1,500 to 6,000 characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir())]
    for path in sorted(T17.glob("*/articles.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line)["text"]
                if 1500 <= len(text) <= 6000 and english(text):
                    texts.append(text)
    rng.shuffle(texts)
    return [texts[i % len(texts)] for i in range(count)]


def english(text: str) -> bool:
    """Plainly English: Timeline17 holds a few articles in other languages (a Vietnamese one with
    its accents stripped), which storyline rightly skips as not English; they are not good inputs."""
    words = text.lower().split()
    return sum(w in ("the", "and", "of", "to", "in", "a") for w in words) >= 0.08 * len(words)


def random_unicode(rng: random.Random, size: int) -> str:
    pools = [RTL, ZERO_WIDTH, COMBINING, EMOJI, "abc def ghi. ", "\t\n\r\x0b\x0c", "“”‘’«»—…"]
    out = []
    while sum(len(p) for p in out) < size:
        pool = rng.choice(pools)
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 40))))
    return "".join(out)[:size]


def random_html(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        if choice < 0.25 and depth < 12:
            tag = rng.choice(TAGS)
            attrs = rng.choice(
                [
                    "",
                    ' name="author" content="x"',
                    ' property="article:published_time" content="2011-99-99"',
                    ' datetime="x" pubdate',
                    ' lang="ar"',
                    ' class="a" id="b"',
                ]
            )
            close = "" if rng.random() < 0.2 else f"</{tag}>"
            parts.append(f"<{tag}{attrs}>{random_html(rng, depth + 1)}{close}")
        elif choice < 0.35:
            parts.append("<![CDATA[" + random_unicode(rng, 20) + "]]>")
        elif choice < 0.45:
            parts.append("".join(chr(rng.randint(0, 31)) for _ in range(rng.randint(1, 5))))
        elif choice < 0.55:
            parts.append(
                rng.choice(["&amp;", "&#0;", "&#xD800;", "&nbsp;", "&bogus;", "&#1114112;", "<!--", "-->"])
            )
        elif choice < 0.7:
            parts.append(random_unicode(rng, rng.randint(5, 200)))
        else:
            parts.append("Officials said on Monday the talks would resume. ")
    return "".join(parts)


def wrong_value(rng: random.Random) -> Any:
    return rng.choice([5, 3.14, True, None, [], [1, 2], {"a": 1}, [{"name": "x"}], "", "2011-13-45", "x" * 3])


def write_gzip_bomb(path: Path, size: int, prefix: bytes, suffix: bytes) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    with open(path, "wb") as out:
        out.write(compressor.compress(prefix))
        for _ in range(size // len(chunk)):
            out.write(compressor.compress(chunk))
        out.write(compressor.compress(suffix))
        out.write(compressor.flush())


def generate(
    folder: Path, count: int, seed: int, bomb_mb: tuple[int, int] = (400, 1000)
) -> tuple[list[Case], Path]:
    """``count`` inputs in ``folder`` (plus FIFOs and links in ``folder/web-folder``); the cases and
    the secret file outside the folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder.parent / "secret-outside.txt"
    secret.write_text(f"{SECRET}. Officials said the secret talks would stay secret for a long time.\n")
    goods = good_texts(rng, max(1, count // 8))
    cases: list[Case] = []

    def add(
        name: str, kind: str, data: bytes | str, good: bool = False, sources: list[str] | None = None
    ) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, kind, good, sources if sources is not None else ([name] if good else [])))

    kinds = [
        ("bytes", 12),
        ("unicode", 14),
        ("html", 18),
        ("jsonl", 16),
        ("jsonl-edge", 5),
        ("encoding", 6),
        ("gzip", 5),
        ("good", 12),
        ("zip", 4),
        ("special", 5),
        ("bomb", 3),
    ]
    table = [k for k, weight in kinds for _ in range(weight)]
    good_index = 0
    bombs = 0
    for number in range(count):
        kind = table[number % len(table)]
        stem = f"{number:05d}-{kind}"
        if kind == "bytes":
            add(
                f"{stem}{rng.choice(['.txt', '.html', '.jsonl', '', '.bin', '.md'])}",
                kind,
                rng.randbytes(rng.choice([1, 10, 300, 5000, 70000])),
            )
        elif kind == "unicode":
            add(
                f"{stem}{rng.choice(['.txt', '.html', ''])}", kind, random_unicode(rng, rng.randint(1, 20000))
            )
        elif kind == "html":
            page = random_html(rng)
            if rng.random() < 0.1:
                depth = rng.choice([300, 3000, 30000])
                page = "<html><body>" + "<div>" * depth + page + "</div>" * depth + "</body></html>"
                add(f"{stem}-deep.html", "html-deep", page)
                continue
            add(f"{stem}.html", kind, page)
        elif kind == "jsonl":
            lines = []
            for _ in range(rng.randint(1, 6)):
                record: dict[str, Any] = {"text": rng.choice(["Short text.", random_unicode(rng, 200), ""])}
                for key in rng.sample(
                    [
                        "url",
                        "link",
                        "outlet",
                        "authors",
                        "author",
                        "byline",
                        "title",
                        "published",
                        "time",
                        "id",
                        "_id",
                        "html",
                        "text",
                        "context",
                        "answers",
                        "summary",
                        "publisher",
                    ],
                    rng.randint(1, 4),
                ):
                    record[key] = wrong_value(rng)
                lines.append(json.dumps(record) if rng.random() < 0.9 else json.dumps(wrong_value(rng)))
            add(f"{stem}.jsonl", kind, "\n".join(lines) + "\n")
        elif kind == "jsonl-edge":
            good = goods[good_index % len(goods)]
            good_index += 1
            variant = rng.choice(["nul", "long", "deep", "bad-line"])
            first = {
                "nul": b'{"text": "one \x00 NUL"}',
                "long": json.dumps({"text": "x" * 11_000_000}).encode(),
                "deep": b"[" * 100_000 + b"]" * 100_000,
                "bad-line": b'{"text": ',
            }[variant]
            data = first + b"\n" + json.dumps({"text": good, "outlet": "Good Outlet"}).encode() + b"\n"
            add(f"{stem}-{variant}.jsonl", kind, data, good=True, sources=[f"{stem}-{variant}.jsonl:2"])
        elif kind == "encoding":
            good = goods[good_index % len(goods)]
            good_index += 1
            encoding = rng.choice(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "cp1252"])
            text = good if encoding != "cp1252" else good.encode("cp1252", "replace").decode("cp1252")
            add(f"{stem}-{encoding}.txt", kind, text.encode(encoding), good=True)
        elif kind == "gzip":
            good = goods[good_index % len(goods)]
            good_index += 1
            variant = rng.choice(["txt", "html", "jsonl", "truncated"])
            if variant == "txt":
                add(f"{stem}.txt.gz", kind, gzip.compress(good.encode()), good=True)
            elif variant == "html":
                page = (
                    f"<html><body><article><p>{good.replace(chr(10), '</p><p>')}</p></article></body></html>"
                )
                add(f"{stem}.html.gz", kind, gzip.compress(page.encode()), good=True)
            elif variant == "jsonl":
                data = gzip.compress((json.dumps({"text": good}) + "\n").encode())
                add(f"{stem}.jsonl.gz", kind, data, good=True, sources=[f"{stem}.jsonl.gz:1"])
            else:
                add(f"{stem}.html.gz", kind, gzip.compress(good.encode())[:100])
        elif kind == "good":
            good = goods[good_index % len(goods)]
            good_index += 1
            variant = rng.choice(["txt", "html", "jsonl", "noext"])
            if variant == "txt":
                add(f"{stem}.txt", kind, good, good=True)
            elif variant == "noext":
                add(f"{stem}", kind, good, good=True)
            elif variant == "html":
                title = good.split("\n", 1)[0][:80]
                page = (
                    f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | World</nav>"
                    f"<article><h1>{title}</h1><p>{good.replace(chr(10), '</p><p>')}</p></article></body></html>"
                )
                add(f"{stem}.html", kind, page, good=True)
            else:
                record = {
                    "text": good,
                    "outlet": "Good Outlet",
                    "authors": ["A B"],
                    "url": "https://x.example/a",
                }
                add(f"{stem}.jsonl", kind, json.dumps(record) + "\n", good=True, sources=[f"{stem}.jsonl:1"])
        elif kind == "zip":
            archive = io.BytesIO()
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
                zipped.writestr("a.txt", random_unicode(rng, 300))
                if rng.random() < 0.5:
                    zipped.writestr("bomb.txt", b"\0" * (60 << 20))
                zipped.writestr("../escape.txt", "x")
                zipped.writestr("b.html", random_html(rng))
            add(f"{stem}.zip", kind, archive.getvalue())
        elif kind == "bomb":
            bombs += 1
            variant = ("jsonl", "html", "txt")[bombs % 3]
            size = (bomb_mb[0] if bombs % 2 else bomb_mb[1]) << 20
            path = folder / f"{stem}.{variant}.gz"
            prefix = b'{"text": "' if variant == "jsonl" else b"<html><body><p>" if variant == "html" else b""
            good = goods[good_index % len(goods)]
            good_index += 1
            tail = b'"}\n' + json.dumps({"text": good}).encode() + b"\n" if variant == "jsonl" else b""
            write_gzip_bomb(path, size, prefix, tail)
            cases.append(
                Case(path.name, kind, variant == "jsonl", [f"{path.name}:2"] if variant == "jsonl" else [])
            )
        elif kind == "special":
            variant = rng.choice(["fifo", "link-out", "link-in", "dangling"])
            path = folder / f"{stem}-{variant}.txt"
            if variant == "fifo":
                os.mkfifo(path)
            elif variant == "link-out":
                path.symlink_to(secret)
            elif variant == "link-in":
                target = folder / f"{stem}-target.txt"
                target.write_text(goods[good_index % len(goods)])
                good_index += 1
                cases.append(Case(target.name, "good", True, [target.name]))
                path.symlink_to(target)
            else:
                path.symlink_to(folder / "no-such-file")
            cases.append(
                Case(
                    path.name,
                    f"special-{variant}",
                    variant == "link-in",
                    [path.name] if variant == "link-in" else [],
                )
            )
    return cases, secret


# --- CLI ------------------------------------------------------------------------------------------


def high_water_kb(pid: int) -> int:
    """The peak resident set (VmHWM, kB) of a running process, 0 when it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_cli(argv: list[str], env: dict[str, str], timeout: float) -> dict[str, Any]:
    """One CLI run: rc, stdout, stderr, peak RSS (MB, from wait4), CPU s, and whether it hung."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(
            [PYTHON, "-m", "storyline.cli.main", *argv], stdout=out, stderr=err, env=env
        )
        hung = False
        status = None
        peak_kb = 0
        while status is None:
            peak_kb = max(peak_kb, high_water_kb(process.pid))
            pid, raw, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                status = raw
                break
            if time.monotonic() - started > timeout:
                hung = True
                process.kill()
                pid, raw, usage = os.wait4(process.pid, 0)
                status = raw
                break
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "rc": process.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            # wait4's ru_maxrss of a child forked from a large parent (a pytest process holding spaCy)
            # starts at the parent's RSS (Linux keeps the high-water mark across exec), so the child's own
            # peak is read from /proc while it runs (VmHWM of its new address space); wait4's figure is the
            # fallback for a run too short to be sampled.
            "rss_mb": (peak_kb or usage.ru_maxrss) / 1024,
            "cpu": usage.ru_utime + usage.ru_stime,
            "wall": time.monotonic() - started,
            "hung": hung,
        }


def cli_fuzz(folder: Path, cases: list[Case], batch: int, env: dict[str, str], work: Path) -> dict[str, Any]:
    """Every input through inspect, report and ingest, ``batch`` inputs per run (given as paths, and
    each batch's folder walked once, so FIFOs and links meet the directory rules)."""
    totals: dict[str, Any] = {
        "runs": 0,
        "tracebacks": 0,
        "hangs": 0,
        "bad_rc": 0,
        "failed_problems": 0,
        "good": 0,
        "good_missing": [],
        "peak_rss_mb": 0.0,
        "cpu_s": 0.0,
        "secret_leaks": 0,
        "ingest_mismatch": 0,
        "inputs": len(cases),
    }
    for start in range(0, len(cases), batch):
        chunk = cases[start : start + batch]
        bdir = work / f"batch-{start:05d}"
        bdir.mkdir()
        for case in chunk:
            source = folder / case.name
            if source.is_symlink():
                target = Path(os.readlink(source))
                if target.parent == folder:  # a link inside the folder stays inside the batch's
                    if target.exists() and not (bdir / target.name).exists():
                        os.link(target, bdir / target.name)
                    target = bdir / target.name
                os.symlink(target, bdir / case.name)
            elif source.is_fifo():
                os.mkfifo(bdir / case.name)
            elif not (bdir / case.name).exists():
                os.link(source, bdir / case.name)
        fifos = [str(bdir / c.name) for c in chunk if c.kind == "special-fifo"]  # named, not only walked
        runs = {
            "inspect": run_cli(["inspect", str(bdir), *fifos, "--json"], env, RUN_TIMEOUT),
            "report": run_cli(
                ["report", str(bdir), "-q", "-o", str(work / f"report-{start}.html")], env, RUN_TIMEOUT
            ),
            "ingest": run_cli(
                ["ingest", str(bdir), "--db", str(work / f"store-{start}.db"), "--json", "-q"],
                env,
                RUN_TIMEOUT,
            ),
        }
        for name, result in runs.items():
            totals["runs"] += 1
            totals["cpu_s"] += result["cpu"]
            totals["peak_rss_mb"] = max(totals["peak_rss_mb"], result["rss_mb"])
            if "Traceback" in result["stderr"]:
                totals["tracebacks"] += 1
                print(f"TRACEBACK in {name} batch {start}:\n{result['stderr'][-3000:]}", file=sys.stderr)
            totals["hangs"] += result["hung"]
            if result["rc"] not in (0, 1):
                totals["bad_rc"] += 1
                print(
                    f"rc {result['rc']} in {name} batch {start}: {result['stderr'][-1000:]}", file=sys.stderr
                )
            totals["failed_problems"] += result["stderr"].count("[failed]")
            for line in result["stderr"].splitlines():
                if "[failed]" in line:
                    print(f"  {name}: {line}", file=sys.stderr)
            if SECRET in result["stdout"]:
                totals["secret_leaks"] += 1
        try:
            inspected = json.loads(runs["inspect"]["stdout"] or "{}")
            # `inspect --json` is {articles, problems} (one JSON shape per result)
            articles = inspected["articles"] if isinstance(inspected, dict) else inspected
        except json.JSONDecodeError:
            articles = []
        found = {os.path.relpath(a["source"], bdir) for a in articles}
        for case in chunk:
            if case.good:
                totals["good"] += 1
                missing = [s for s in case.sources if s not in found]
                if missing:
                    totals["good_missing"].append(case.name)
        report = work / f"report-{start}.html"
        if SECRET in (report.read_text() if report.exists() else ""):
            totals["secret_leaks"] += 1
        try:
            stored = json.loads(runs["ingest"]["stdout"])
            if stored["added"] != len(articles):  # a fresh store: every article inspect read is added
                totals["ingest_mismatch"] += 1
                print(f"  ingest added {stored['added']}, inspect read {len(articles)}", file=sys.stderr)
        except (json.JSONDecodeError, KeyError, TypeError):
            totals["ingest_mismatch"] += 1
        print(
            f"  batch {start}: {len(chunk)} inputs, {len(articles)} articles; peak MB "
            + ", ".join(f"{n} {r['rss_mb']:.0f}" for n, r in runs.items())
            + f"; cpu {sum(r['cpu'] for r in runs.values()):.0f} s",
            file=sys.stderr,
        )
    totals["good_missing_count"] = len(totals["good_missing"])
    # the memory limit is per input: the heaviest kinds again, each alone in a fresh process
    solo = [c for c in cases if c.kind in SOLO_KINDS]
    solo = solo[:: max(1, len(solo) // SOLO_MAX)]  # evenly spread, at most about SOLO_MAX runs
    totals["solo_runs"] = len(solo)
    totals["solo_peak_rss_mb"] = 0.0
    for case in solo:
        result = run_cli(["inspect", str(folder / case.name), "--json", "-q"], env, RUN_TIMEOUT)
        totals["solo_peak_rss_mb"] = max(totals["solo_peak_rss_mb"], result["rss_mb"])
        totals["tracebacks"] += "Traceback" in result["stderr"]
        totals["hangs"] += result["hung"]
        if "Traceback" in result["stderr"] or result["hung"] or result["rc"] not in (0, 1):
            totals["bad_rc"] += result["rc"] not in (0, 1) and not result["hung"]
            print(
                f"  {case.name} alone: rc {result['rc']}, hung {result['hung']}:\n{result['stderr'][-3000:]}",
                file=sys.stderr,
            )
        if result["rss_mb"] > 500:
            print(f"  {case.name} alone: {result['rss_mb']:.0f} MB", file=sys.stderr)
    return totals


SOLO_KINDS = {"bomb", "jsonl-edge", "html-deep", "zip"}
SOLO_MAX = 40


# --- web ------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``storyline serve`` on a free loopback port, with its process tree's RSS sampled."""

    def __init__(self, env: dict[str, str], *options: str) -> None:
        import httpx
        import psutil

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "storyline.cli.main", "serve", "--port", str(self.port), "-q", *options],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 300
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                if httpx.get(f"{self.base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.5)
        self.tree = psutil.Process(self.process.pid)
        self.peak_total = 0.0
        self.peak_one = 0.0
        self.stopping = threading.Event()
        self.sampler = threading.Thread(target=self.sample, daemon=True)
        self.sampler.start()

    def rss(self) -> tuple[float, float]:
        total, one = 0.0, 0.0
        for process in [self.tree, *self.tree.children(recursive=True)]:
            try:
                size = process.memory_info().rss / 1e6
            except Exception:  # noqa: BLE001 - a worker replaced meanwhile
                continue
            total += size
            one = max(one, size)
        return total, one

    def sample(self) -> None:
        while not self.stopping.wait(0.2):
            total, one = self.rss()
            self.peak_total = max(self.peak_total, total)
            self.peak_one = max(self.peak_one, one)

    def workers(self) -> list[Any]:
        return [c for c in self.tree.children() if "spawn_main" in " ".join(c.cmdline())]

    def stop(self) -> str:
        self.stopping.set()
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(30)
        return self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""  # type: ignore[union-attr]


ENDPOINTS = [f"/api/{c}" for c in ("inspect", "summarize", "timeline", "who", "compare", "brief")]
ENDPOINTS += [f"{e}/files" for e in ENDPOINTS] + ["/report"]


def web_fuzz(
    folder: Path, cases: list[Case], env: dict[str, str], workers: int, every_good: int
) -> dict[str, Any]:
    """Each input through one endpoint in turn (all 13 used), a good article added to every
    ``every_good``-th request; FIFOs and links through the allowed folder."""
    import httpx

    web_folder = folder.parent / "web-folder"
    web_folder.mkdir(exist_ok=True)
    for case in cases:
        if case.kind.startswith("special"):
            source = folder / case.name
            if source.is_symlink():
                os.symlink(os.readlink(source), web_folder / case.name)
            elif source.is_fifo():
                os.mkfifo(web_folder / case.name)
    good = (SAMPLES / sorted(os.listdir(SAMPLES))[0]).read_text()
    server = Server(env, "--workers", str(workers), "--time-limit", "120", "--allow-folder", str(web_folder))
    totals: dict[str, Any] = {
        "requests": 0,
        "status": {},
        "http_500": 0,
        "hangs": 0,
        "errors": 0,
        "good_requests": 0,
        "good_missing": 0,
        "secret_leaks": 0,
        "failed_problems": 0,
    }
    try:
        with httpx.Client(base_url=server.base, timeout=REQUEST_TIMEOUT) as client:
            requests = [("folder", None)] + [(ENDPOINTS[i % len(ENDPOINTS)], c) for i, c in enumerate(cases)]
            for number, (endpoint, case) in enumerate(requests):
                with_good = number % every_good == 0
                try:
                    response = send(client, endpoint, case, folder, web_folder, good if with_good else None)
                except httpx.TimeoutException:
                    totals["hangs"] += 1
                    continue
                except httpx.HTTPError as exc:
                    totals["errors"] += 1
                    print(f"  web error on {endpoint} {case and case.name}: {exc!r}", file=sys.stderr)
                    continue
                totals["requests"] += 1
                code = str(response.status_code)
                totals["status"][code] = totals["status"].get(code, 0) + 1
                if response.status_code >= 500:
                    totals["http_500"] += response.status_code == 500
                    print(
                        f"  {response.status_code} on {endpoint} {case and case.name}: {response.text[:300]}",
                        file=sys.stderr,
                    )
                if SECRET in response.text:
                    totals["secret_leaks"] += 1
                totals["failed_problems"] += response.text.count('"code":"failed"') + response.text.count(
                    "[failed]"
                )
                if with_good:
                    totals["good_requests"] += 1
                    ok = response.status_code == 200
                    if ok and endpoint.startswith(("/api/inspect", "/api/brief")):
                        ok = any(
                            a["source"] in ("good.txt", "articles[0]") for a in response.json()["articles"]
                        )
                    if not ok:
                        totals["good_missing"] += 1
                        print(
                            f"  good input lost on {endpoint} {case and case.name}: {response.status_code} "
                            f"{response.text[:200]}",
                            file=sys.stderr,
                        )
    finally:
        log = server.stop()
    totals["server_peak_rss_mb_total"] = round(server.peak_total)
    totals["server_peak_rss_mb_one_process"] = round(server.peak_one)
    totals["server_tracebacks"] = log.count("Traceback")
    if totals["server_tracebacks"]:
        print(log[-4000:], file=sys.stderr)
    return totals


def send(
    client: Any, endpoint: str, case: Case | None, folder: Path, web_folder: Path, good: str | None
) -> Any:
    extra = {"articles": [{"text": good}]} if good else {}
    if endpoint == "folder":
        return client.post("/api/inspect", json={"folder": str(web_folder), **extra})
    assert case is not None
    path = folder / case.name
    if case.kind.startswith("special"):  # FIFOs and links go through the folder
        target = "/api/brief" if "fifo" in case.kind else "/api/inspect"
        return client.post(target, json={"folder": str(web_folder), **extra})
    data = path.read_bytes()
    if endpoint.endswith("/files") or endpoint == "/report":
        files = [("files", (case.name, data, "application/octet-stream"))]
        if good:
            files.insert(0, ("files", ("good.txt", good.encode(), "text/plain")))
        return client.post(endpoint, files=files, data={"words": "60"})
    body: dict[str, Any] = {"text": data[:2_000_000].decode("utf-8", "replace"), "words": 60}
    if case.kind == "jsonl":
        # as JSON articles: each is checked on its own (a wrong type is a problem naming the article
        # and its field; the others, and the good one added, are analysed)
        records = []
        for line in data.decode("utf-8", "replace").splitlines():
            with contextlib.suppress(json.JSONDecodeError):
                records.append(json.loads(line))
        body = {"articles": records, "words": 60}
    if good:
        body["articles"] = [{"text": good}, *body.get("articles", [])]
    return client.post(endpoint, json=body)


# --- load -----------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def load_test(
    env: dict[str, str], workers: int, clients: int, per_client: int, per_client_single: int
) -> dict[str, Any]:
    body = {"articles": [{"text": p.read_text()} for p in sorted(SAMPLES.iterdir())], "words": 100}
    result: dict[str, Any] = {"load_average_before": os.getloadavg()}
    for label, count, each in (("one-at-a-time", 0, per_client_single), ("pool", workers, per_client)):
        server = Server(env, "--workers", str(count), "--time-limit", "300", "--queue", str(clients * 2))
        try:
            result[label] = {"workers": count, **measure_load(server, body, clients, each)}
        finally:
            server.stop()
        print(f"  {label}: {result[label]}", file=sys.stderr)
    pool_, single = result["pool"], result["one-at-a-time"]
    result["throughput_ratio"] = round(pool_["throughput_rps"] / single["throughput_rps"], 2)
    result["p95_over_single"] = round(pool_["p95_s"] / pool_["single_latency_s"], 2)
    if pool_["rss_mb_at_50"]:
        result["rss_growth_50_to_200"] = round(pool_["rss_mb_at_200"] / pool_["rss_mb_at_50"] - 1, 3)
    result["load_average_after"] = os.getloadavg()
    return result


def tree_cpu(server: Server) -> float:
    total = 0.0
    for process in [server.tree, *server.tree.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except Exception:  # noqa: BLE001 - gone meanwhile
            continue
        total += times.user + times.system
    return total


def measure_load(server: Server, body: dict[str, Any], clients: int, per_client: int) -> dict[str, Any]:
    """Single-request latency (median of 5, alone), then ``clients`` x ``per_client`` at once."""
    import httpx

    with httpx.Client(base_url=server.base, timeout=REQUEST_TIMEOUT) as client:
        client.post("/api/summarize", json=body)  # warm
        alone = []
        for _ in range(5):
            started = time.monotonic()
            assert client.post("/api/summarize", json=body).status_code == 200
            alone.append(time.monotonic() - started)
    latencies: list[float] = []
    counts = {"errors": 0, "done": 0}
    rss_at: dict[int, float] = {}
    lock = threading.Lock()

    def one_client(_number: int) -> None:
        with httpx.Client(base_url=server.base, timeout=REQUEST_TIMEOUT) as http:
            for _ in range(per_client):
                started = time.monotonic()
                try:
                    ok = http.post("/api/summarize", json=body).status_code == 200
                except httpx.HTTPError:
                    ok = False
                with lock:
                    latencies.append(time.monotonic() - started)
                    counts["errors"] += not ok
                    counts["done"] += 1
                    if counts["done"] in (50, 200):
                        rss_at[counts["done"]] = server.rss()[0]

    cpu_before = tree_cpu(server)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        list(pool.map(one_client, range(clients)))
    elapsed = time.monotonic() - started
    return {
        "single_latency_s": round(statistics.median(alone), 2),
        "requests": len(latencies),
        "errors": counts["errors"],
        "wall_s": round(elapsed, 1),
        "server_cpu_s": round(tree_cpu(server) - cpu_before, 1),
        "throughput_rps": round(len(latencies) / elapsed, 3),
        "p50_s": round(percentile(latencies, 0.5), 2),
        "p95_s": round(percentile(latencies, 0.95), 2),
        "rss_mb_at_50": round(rss_at.get(50, 0)),
        "rss_mb_at_200": round(rss_at.get(200, 0)),
    }


def overrun_and_kill(env: dict[str, str], workers: int, limit: float) -> dict[str, Any]:
    """A large brief past its time limit while small requests go on; then a worker SIGKILLed."""
    import httpx

    big = []
    for path in sorted(T17.glob("*/articles.jsonl")):
        with open(path, encoding="utf-8") as handle:
            big += [{"text": t} for t in (json.loads(line)["text"] for line in handle) if t.strip()]
    big = big[:150]
    small = {"articles": [{"text": p.read_text()} for p in sorted(SAMPLES.iterdir())[:2]], "words": 60}
    server = Server(env, "--workers", str(workers), "--time-limit", str(limit))
    result: dict[str, Any] = {"time_limit_s": limit, "workers": workers}
    try:
        workers_before = server.workers()
        with concurrent.futures.ThreadPoolExecutor(1) as run:
            started = time.monotonic()
            future = run.submit(httpx.post, f"{server.base}/api/brief", json={"articles": big}, timeout=300)
            codes = []
            while not future.done():
                codes.append(httpx.post(f"{server.base}/api/summarize", json=small, timeout=300).status_code)
            answer = future.result()
            took = time.monotonic() - started
        # work stopped: CPU of the workers that existed, measured from 1 s after the answer (the
        # answer goes at the limit; the worker is cancelled then, and killed if still busy 1 s later)
        time.sleep(1.0)
        alive = [w for w in workers_before if w.is_running()]
        cpu_before = [sum(w.cpu_times()[:2]) for w in alive]
        time.sleep(2)
        cpu_after = [
            sum(w.cpu_times()[:2]) if w.is_running() else b for w, b in zip(alive, cpu_before, strict=True)
        ]
        result.update(
            {
                "big_status": answer.status_code,
                "big_answered_after_s": round(took, 2),
                "small_during": len(codes),
                "small_ok": sum(c == 200 for c in codes),
                "workers_killed": len(workers_before) - len(alive),
                "cpu_s_of_old_workers_in_2s_after": round(
                    sum(a - b for a, b in zip(cpu_after, cpu_before, strict=True)), 2
                ),
            }
        )
        # the kill test
        deadline = time.monotonic() + 180
        while httpx.get(f"{server.base}/api/health").json()["workers"]["idle"] < workers:
            if time.monotonic() > deadline:
                break
            time.sleep(0.5)
        with concurrent.futures.ThreadPoolExecutor(1) as run:
            future = run.submit(
                httpx.post, f"{server.base}/api/brief", json={"articles": big[:20]}, timeout=300
            )
            time.sleep(1.0)
            busy = max(server.workers(), key=lambda w: w.cpu_percent(0.2))
            busy.send_signal(signal.SIGKILL)
            killed = future.result()
        after = [
            httpx.post(f"{server.base}/api/summarize", json=small, timeout=300).status_code for _ in range(5)
        ]
        result.update(
            {
                "killed_request_status": killed.status_code,
                "killed_request_detail": killed.json().get("detail", "")[:120]
                if killed.status_code != 200
                else "",
                "after_kill_statuses": after,
            }
        )
    finally:
        log = server.stop()
    result["server_tracebacks"] = log.count("Traceback")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--every-good", type=int, default=5)
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--no-web", action="store_true")
    parser.add_argument("--load", action="store_true", help="also the load, overrun and kill tests")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--per-client", type=int, default=25)
    parser.add_argument(
        "--per-client-single", type=int, default=0, help="requests per client on the one-at-a-time server"
    )
    parser.add_argument("--quick", action="store_true", help="no bombs over 100 MB (the test suite's subset)")
    args = parser.parse_args()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    results: dict[str, Any] = {"load_average_start": os.getloadavg(), "cpus": os.cpu_count()}
    work = Path(tempfile.mkdtemp(prefix="storyline-robustness-"))
    try:
        if args.inputs:
            folder = work / "inputs"
            cases, _secret = generate(
                folder, args.inputs, args.seed, (40, 100) if args.quick else (400, 1000)
            )
            results["inputs"] = len(cases)
            results["kinds"] = {k: sum(c.kind == k for c in cases) for k in sorted({c.kind for c in cases})}
            results["good_inputs"] = sum(c.good for c in cases)
            if not args.no_cli:
                cli_work = work / "cli"
                cli_work.mkdir()
                results["cli"] = cli_fuzz(folder, cases, args.batch, env, cli_work)
                print(
                    f"cli: {json.dumps({k: v for k, v in results['cli'].items() if k != 'good_missing'})}",
                    file=sys.stderr,
                )
            if not args.no_web:
                results["web"] = web_fuzz(folder, cases, env, args.workers, args.every_good)
                print(f"web: {json.dumps(results['web'])}", file=sys.stderr)
        if args.load:
            results["load"] = load_test(
                env, args.workers, args.clients, args.per_client, args.per_client_single or args.per_client
            )
            results["overrun_and_kill"] = overrun_and_kill(env, args.workers, 10.0)
        results["load_average_end"] = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
