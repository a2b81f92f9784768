"""Brief speed: the whole brief of a ~300-article Timeline17 topic, cold and warm, beside bare spaCy.

One run, the same texts, each measurement a fresh process (its CPU seconds, wall clock and peak RSS
from ``os.wait4``, so each figure is that process's own):

- **bare spaCy**: ``nlp.pipe`` over the texts storyline annotates (the cleaned articles), with the model
  as spaCy loads it (en_core_web_sm 3.8.0, every component) and storyline's batch size: the floor a brief
  is compared to (model loading included, as every command pays it); beside it, **storyline's pipeline
  bare** (the same model with storyline's line-break rule, and its attribute ruler and lemmatizer run as
  one array pass, ``storyline.annotate.token_attributes``), on the same texts;
- ``storyline brief TOPIC --json`` **cold** (an empty cache) and **warm** (the cache filled by the
  cold run: the analyses and the stage results); the two JSON outputs are checked equal apart from
  ``timings``;
- each view **warm**: ``summarize``, ``timeline``, ``who``, ``compare``, ``report``;
- **a store**: ``ingest`` of all but the last 10 articles, ``brief --db F --story S`` (S the largest
  story), then ``ingest`` of the last 10 and ``brief --db F --story S`` again: the cost of a story
  kept current, and whether that brief loaded spaCy's model (it reads the kept parses without it);
- ``storyline --help``;
- with ``--floor-rounds N``: only bare spaCy and the cold brief, one after the other N times (their medians
  and ratio): on a busy machine the one comparison that holds is between runs made in alternation;
- with ``--components``: only each pipeline's own CPU seconds per component over the topic's texts (the
  tokenizer, then each component's ``pipe`` in turn over all the texts, in one process), for the stock
  model and for storyline's pipeline: where the parse's time goes;
- with ``--steps cache`` (or ``no-cache``): only the cold brief, once, with each step's own CPU seconds (the
  parse, the model load, each stage, keeping the analysis, the JSON; ``time.process_time`` around each step's
  function, no profiler): where the cold brief's time goes beyond spaCy;
- with ``--growth 1000,3000``: bare spaCy, cold and warm brief on that many articles of every
  Timeline17 topic mixed (a fixed shuffle): growth in CPU seconds and peak RSS with the corpus.

Every process runs niced (at least 10; the children inherit it).

With ``--profile`` the cold brief is run once more under cProfile (cache off) and the top functions
by cumulative and by own time are printed. CPU seconds are the figure that counts on a shared machine.

    nice .venv/bin/python benchmarks/brief_speed.py                      # bpoil_bbc: 293 articles
    nice .venv/bin/python benchmarks/brief_speed.py --limit 60 --profile    # its first 60 articles
    nice .venv/bin/python benchmarks/brief_speed.py --only-growth --growth 1000
    nice .venv/bin/python benchmarks/brief_speed.py --floor-rounds 3      # bare spaCy / cold brief, alternated
    nice .venv/bin/python benchmarks/brief_speed.py --components          # CPU s per spaCy component
    nice .venv/bin/python benchmarks/brief_speed.py --steps cache         # CPU s per step of a cold brief
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeline17"
VIEWS = ("summarize", "timeline", "who", "compare", "report")
OURS = "storyline's pipeline bare"

BARE = """
import importlib, json, sys, time
from storyline.annotate.nlp import load_nlp
from storyline.settings import current_settings
texts = json.load(open(sys.argv[1], encoding="utf-8"))
settings = current_settings().annotate
# "stock": the model as spaCy loads it, every component; "storyline": the pipeline storyline runs
nlp = importlib.import_module(settings.spacy_model).load() if sys.argv[2] == "stock" else load_nlp()
print(json.dumps({"docs": sum(1 for _ in nlp.pipe((t[: settings.max_chars] for t in texts),
      batch_size=settings.batch_size)), "pipeline": nlp.pipe_names}))
"""

# Each component in turn over all the texts (model loading not counted): its own CPU seconds. Storyline's
# pipeline gets the texts as annotation hands them over (a text over ``PIECE_CHARS`` in pieces).
COMPONENTS = """
import importlib, json, sys, time
from storyline.annotate.nlp import load_nlp, pieces
from storyline.settings import current_settings
settings = current_settings().annotate
texts = [t[: settings.max_chars] for t in json.load(open(sys.argv[1], encoding="utf-8"))]
if sys.argv[2] == "stock":
    nlp = importlib.import_module(settings.spacy_model).load()
else:
    nlp, texts = load_nlp(), [piece for text in texts for piece in pieces(text)]
started = time.process_time()
docs = [nlp.make_doc(text) for text in texts]
seconds = {"tokenizer": time.process_time() - started}
for name, component in nlp.pipeline:
    started = time.process_time()
    if hasattr(component, "pipe"):
        docs = list(component.pipe(docs, batch_size=settings.batch_size))
    else:
        docs = [component(doc) for doc in docs]
    seconds[name] = time.process_time() - started
print(json.dumps(seconds))
"""


def components(texts: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    """CPU seconds of each component of the stock model and of storyline's pipeline over ``texts``."""
    rows = []
    for kind in ("stock", "storyline"):
        done = subprocess.run(
            [sys.executable, "-c", COMPONENTS, str(texts), kind], env=env, capture_output=True, check=True
        )
        seconds = json.loads(done.stdout)
        print(f"\n{kind} pipeline, CPU s per component (model load aside)")
        for name, cpu in seconds.items():
            print(f"  {name:18} {cpu:7.2f}")
        print(f"  {'all':18} {sum(seconds.values()):7.2f}", flush=True)
        rows.append({"run": f"{kind} components", "cpu_s": seconds})
    return rows


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
try:
    profiler.runcall(main, sys.argv[2:])
except SystemExit:
    pass
profiler.dump_stats(sys.argv[1])
"""


# The cold brief in one process, each step's own CPU seconds (``time.process_time`` around the step's function, a
# step called inside another subtracted from it; no profiler, so no inflation): the parse, the model load, each
# stage, keeping the analysis and the stage results, the JSON. Printed as a JSON object (step -> CPU s).
STEPS = """
import functools, importlib, inspect, json, resource, sys, time
spent, stack = {}, []
def wrap(module, name, label, owner=None):
    holder = importlib.import_module(module)
    holder = getattr(holder, owner) if owner else holder
    function = getattr(holder, name)
    def enter():
        stack.append([time.process_time(), 0.0])
    def leave():
        began, inner = stack.pop()
        took = time.process_time() - began
        spent[label] = spent.get(label, 0.0) + took - inner
        if stack:
            stack[-1][1] += took
    if inspect.isgeneratorfunction(function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            items = function(*args, **kwargs)
            while True:
                enter()
                try:
                    item = next(items)
                except StopIteration:
                    leave()
                    return
                leave()
                yield item
    else:
        @functools.wraps(function)
        def timed(*args, **kwargs):
            enter()
            try:
                return function(*args, **kwargs)
            finally:
                leave()
    setattr(holder, name, timed)
for step in json.loads(sys.argv[1]):
    wrap(*step)
import storyline.cli.brief, storyline.cli.common, storyline.present.jsonio
storyline.cli.brief.print_json = storyline.present.jsonio.print_json
from storyline.cli.main import main
began = time.process_time()
out, sys.stdout = sys.stdout, open(sys.argv[2], "w")
try:
    main(sys.argv[3:])
except SystemExit:
    pass
sys.stdout.close()
sys.stdout = out
ran = time.process_time() - began
spent["the rest (CLI, imports, corpus glue)"] = ran - sum(spent.values())
usage = resource.getrusage(resource.RUSAGE_SELF)
spent["start-up, the timed modules' imports"] = usage.ru_utime + usage.ru_stime - ran
spent["process total (user + system)"] = usage.ru_utime + usage.ru_stime
print(json.dumps(spent))
"""
# (module, function, label[, class]): the steps ``--steps`` times.
STEP_FUNCTIONS = [
    ("storyline.ingest.prepare", "prepare", "read, clean, describe"),
    ("storyline.corpus.copies", "mark_duplicates", "copies"),
    ("storyline.corpus.templates", "remove_templates", "templates"),
    ("storyline.annotate.nlp", "load_nlp", "spaCy model load"),
    ("storyline.annotate.nlp", "parse_bounded", "parse (nlp.pipe)"),
    ("storyline.annotate.nlp", "fill", "sentences and entities from the parse"),
    ("storyline.annotate.timex", "tag", "time expressions"),
    ("storyline.service.corpus", "date_undated", "dating the undated"),
    ("storyline.service.cache", "put", "keeping each analysis", "AnalysisCache"),
    ("storyline.service.cache", "put_piece", "keeping pieces", "AnalysisCache"),
    ("storyline.service.cache", "get_piece", "looking up pieces", "AnalysisCache"),
    ("storyline.service.cache", "put_result", "keeping stage results", "AnalysisCache"),
    ("storyline.summarize", "summarize", "stage: summary"),
    ("storyline.timeline.build", "build_timeline", "stage: timeline"),
    ("storyline.who.entities", "build_roster", "stage: roster"),
    ("storyline.who.attribution", "find_attributions", "stage: attributions"),
    ("storyline.compare.claims", "compare", "stage: comparison"),
    ("storyline.present.results", "brief_json", "JSON: brief_json"),
    ("storyline.present.jsonio", "print_json", "JSON: print_json"),
]

# A command run as ``storyline`` runs it, telling afterwards (in the file named first) whether it loaded spaCy's
# model: a brief over kept analyses reads its parses with the language's vocabulary and needs none.
MODEL_LOADED = """
import json, sys
from storyline.cli.main import main
from storyline.settings import current_settings
try:
    main(sys.argv[2:])
except SystemExit:
    pass
with open(sys.argv[1], "w") as out:
    json.dump(current_settings().annotate.spacy_model in sys.modules, out)
"""


def profile(topic: Path, env: dict[str, str], folder: Path, top: int) -> None:
    out = folder / "cold.prof"
    arguments = ["brief", str(topic), "--json", "-q", "--no-cache"]
    measure("cold brief under cProfile", [sys.executable, "-c", PROFILE, str(out), *arguments], env)
    stats = pstats.Stats(str(out))
    for order in ("cumulative", "tottime"):
        print(f"\n## top {top} functions by {order} CPU time (cold brief, cProfile)\n")
        stats.sort_stats(order).print_stats(top)


def steps(topic: Path, env: dict[str, str], folder: Path, kept: bool) -> list[dict[str, Any]]:
    """The cold brief of ``topic`` once, each step's own CPU seconds (``STEPS``): with an empty cache (``kept``,
    as the floor rounds' cold brief) or ``--no-cache``."""
    arguments = ["brief", str(topic), "--json", "-q"] + ([] if kept else ["--no-cache"])
    env = dict(env, STORYLINE_CACHE_DIRECTORY=str(folder / "steps-cache"))
    command = [
        sys.executable,
        "-c",
        STEPS,
        json.dumps(STEP_FUNCTIONS),
        str(folder / "steps.json"),
        *arguments,
    ]
    done = subprocess.run(command, env=env, capture_output=True, check=True, text=True)
    spent = json.loads(done.stdout.splitlines()[-1])
    total = spent["process total (user + system)"]
    print(f"\ncold brief ({'an empty cache' if kept else '--no-cache'}), CPU s per step")
    for name, cpu in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:40} {cpu:7.2f} {100 * cpu / total:5.1f}%")
    return [{"run": f"steps ({'cache' if kept else 'no-cache'})", "cpu_s": spent}]


def mixed_topics(count: int, out: Path) -> Path:
    """``count`` articles of every Timeline17 topic mixed (a fixed shuffle), as one JSONL file."""
    lines = []
    for topic in sorted(DATA.iterdir()):
        path = topic / "articles.jsonl"
        if path.exists():
            lines.extend(
                line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.strip()
            )
    random.Random(17).shuffle(lines)
    out.write_text("".join(lines[:count]), encoding="utf-8")
    return out


def cold_and_warm(
    label: str, path: Path, folder: Path, env: dict[str, str], no_bare: bool = False
) -> list[dict[str, Any]]:
    """Bare spaCy (side by side), cold brief and warm brief over the articles of ``path`` (its own cache)."""
    texts = cleaned_texts(path)
    (folder / f"{label}-texts.json").write_text(json.dumps(texts), encoding="utf-8")
    longest = sorted(map(len, texts))[-3:][::-1]
    print(
        f"{label}: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words, "
        f"{sum(map(len, texts)):,} characters, the longest {', '.join(f'{n:,}' for n in longest)}",
        flush=True,
    )
    env = dict(env, STORYLINE_CACHE_DIRECTORY=str(folder / f"{label}-cache"))
    bare = [sys.executable, "-c", BARE, str(folder / f"{label}-texts.json"), "stock"]
    with ThreadPoolExecutor(max_workers=1) as pool:
        floor = None if no_bare else pool.submit(measure, f"{label} bare spaCy", bare, env)
        brief = storyline("brief", str(path), "--json", "-q")
        rows = [measure(f"{label} brief {run}", brief, env) for run in ("cold", "warm")]
        if floor is not None:
            rows.insert(0, floor.result())
            print(
                f"{label}: cold brief / bare spaCy (CPU) {rows[1]['cpu_s'] / rows[0]['cpu_s']:.2f}x",
                flush=True,
            )
    print(f"{label}: warm {100 * rows[-1]['cpu_s'] / rows[-2]['cpu_s']:.1f}% of cold", flush=True)
    return rows


def floor_rounds(
    args: argparse.Namespace, topic: Path, folder: Path, env: dict[str, str]
) -> list[dict[str, Any]]:
    """Bare spaCy and the cold brief (an empty cache each time) of the same texts, one after the other,
    ``args.floor_rounds`` times: on a shared machine only runs made in alternation compare."""
    texts = cleaned_texts(topic)
    (folder / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    print(f"{args.topic}: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words", flush=True)
    bare = [sys.executable, "-c", BARE, str(folder / "texts.json"), "stock"]
    rows = []
    for round_ in range(1, args.floor_rounds + 1):
        rows.append(measure(f"bare spaCy nlp.pipe ({round_})", bare, env))
        cold = dict(env, STORYLINE_CACHE_DIRECTORY=str(folder / f"cache-{round_}"))
        rows.append(measure(f"brief cold ({round_})", storyline("brief", str(topic), "--json", "-q"), cold))
    floor = statistics.median(row["cpu_s"] for row in rows[::2])
    brief = statistics.median(row["cpu_s"] for row in rows[1::2])
    print(
        f"medians: bare spaCy {floor:.2f} CPU s, cold brief {brief:.2f} CPU s: {brief / floor:.2f}x",
        flush=True,
    )
    return rows


def store_rows(topic: Path, folder: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    """Ingest all but the last 10 articles, brief the largest story, ingest the last 10, brief it again."""
    lines = [line for line in topic.read_text(encoding="utf-8").splitlines(keepends=True) if line.strip()]
    first, last = folder / "first.jsonl", folder / "last10.jsonl"
    first.write_text("".join(lines[:-10]), encoding="utf-8")
    last.write_text("".join(lines[-10:]), encoding="utf-8")
    db = str(folder / "story.duckdb")
    env = dict(env, STORYLINE_CACHE_DIRECTORY=str(folder / "store-cache"))
    rows = [measure(f"ingest {len(lines) - 10}", storyline("ingest", str(first), "--db", db, "-q"), env)]
    listing = subprocess.run(
        storyline("stories", "--db", db, "--json", "--no-update"), env=env, capture_output=True, check=True
    )
    stories = json.loads(listing.stdout)["stories"]
    story = max(stories, key=lambda s: s["size"])
    print(f"story {story['id']}: {story['size']} of {len(lines) - 10} articles", flush=True)
    rows.append(
        measure(
            "brief --db --story (first)",
            storyline("brief", "--db", db, "--story", story["id"], "--json", "-q"),
            env,
        )
    )
    rows.append(
        measure(
            "brief --db --story (again)",
            storyline("brief", "--db", db, "--story", story["id"], "--json", "-q"),
            env,
        )
    )
    rows.append(measure("ingest 10 more", storyline("ingest", str(last), "--db", db, "-q"), env))
    listing = subprocess.run(
        storyline("stories", "--db", db, "--json", "--no-update", "--story", story["id"]),
        env=env,
        capture_output=True,
        check=True,
    )
    size = json.loads(listing.stdout)["stories"][0]["size"]
    print(f"story {story['id']}: now {size} articles", flush=True)
    loaded = folder / "store-after-model.json"
    with open(folder / "store-after.json", "wb") as out:
        arguments = ["brief", "--db", db, "--story", story["id"], "--json", "-q"]
        command = [sys.executable, "-c", MODEL_LOADED, str(loaded), *arguments]
        rows.append(measure("brief --db --story (after 10)", command, env, stdout=out))
    rows[-1]["spacy_model_loaded"] = json.loads(loaded.read_text(encoding="utf-8"))
    print(f"the brief after the 10 loaded spaCy's model: {rows[-1]['spacy_model_loaded']}", flush=True)
    with open(folder / "store-nothing-kept.json", "wb") as out:
        rows.append(
            measure(
                "the same, --no-cache",
                storyline("brief", "--db", db, "--story", story["id"], "--json", "-q", "--no-cache"),
                env,
                stdout=out,
            )
        )
    same = without_timings(folder / "store-after.json") == without_timings(folder / "store-nothing-kept.json")
    print(f"brief after the 10 == the same computed with nothing kept (timings aside): {same}", flush=True)
    return rows


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
    parser.add_argument("--growth", default="", metavar="N,N", help="also bare/cold/warm on N mixed articles")
    parser.add_argument("--only-growth", action="store_true", help="only the --growth runs")
    parser.add_argument("--no-store", action="store_true", help="leave out the store runs")
    parser.add_argument("--only-store", action="store_true", help="only the store runs (and --growth)")
    parser.add_argument("--no-bare", action="store_true", help="growth runs without their bare spaCy floor")
    parser.add_argument(
        "--components", action="store_true", help="only the CPU seconds of each spaCy component"
    )
    parser.add_argument(
        "--steps",
        choices=("cache", "no-cache"),
        help="only the cold brief once, with each step's own CPU seconds (no profiler): with an empty cache or "
        "--no-cache",
    )
    parser.add_argument(
        "--floor-rounds",
        type=int,
        default=0,
        metavar="N",
        help="only bare spaCy and the cold brief of the topic, N rounds in alternation (medians)",
    )
    args = parser.parse_args()
    if os.nice(0) < 10:  # a shared machine: every process measured here runs niced (they inherit it)
        os.nice(10 - os.nice(0))
    topic = DATA / args.topic / "articles.jsonl"
    with tempfile.TemporaryDirectory(prefix="brief-speed-") as name:
        folder = Path(name)
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), STORYLINE_CACHE_DIRECTORY=str(folder / "cache"))
        rows: list[dict[str, Any]] = []
        same = True
        counts = [int(n) for n in args.growth.split(",") if n]
        with ThreadPoolExecutor(max_workers=max(1, len(counts))) as pool:
            growth = [
                pool.submit(
                    cold_and_warm,
                    f"mixed {count}",
                    mixed_topics(count, folder / f"mixed-{count}.jsonl"),
                    folder,
                    env,
                    args.no_bare,
                )
                for count in counts
            ]
            if args.components:
                texts = folder / "texts.json"
                texts.write_text(json.dumps(cleaned_texts(topic)), encoding="utf-8")
                rows = components(texts, env)
            elif args.steps:
                rows = steps(topic, env, folder, args.steps == "cache")
            elif args.floor_rounds:
                rows, same = floor_rounds(args, topic, folder, env), True
            elif not args.only_growth:
                rows, same = topic_rows(args, topic, folder, env)
            for track in growth:
                rows.extend(track.result())
        if args.json:
            Path(args.json).write_text(json.dumps({"topic": args.topic, "same": same, "rows": rows}))
    return 0 if same else 1


def topic_rows(
    args: argparse.Namespace, topic: Path, folder: Path, env: dict[str, str]
) -> tuple[list[dict[str, Any]], bool]:
    """The topic's figures. Three independent tracks run side by side (each figure is still one
    process's own CPU seconds): bare spaCy; cold brief, warm brief and the warm views; the store."""
    if args.limit:
        lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)[: args.limit]
        topic = folder / f"{args.topic}-{args.limit}.jsonl"
        topic.write_text("".join(lines), encoding="utf-8")
    texts = cleaned_texts(topic)
    (folder / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    words = sum(len(text.split()) for text in texts)
    print(
        f"{args.topic}: {len(texts)} articles, {words:,} words, {sum(map(len, texts)):,} characters",
        flush=True,
    )
    help_row = measure("storyline --help", storyline("--help"), env)

    def bare() -> list[dict[str, Any]]:
        return [
            measure(label, [sys.executable, "-c", BARE, str(folder / "texts.json"), kind], env)
            for label, kind in (("bare spaCy nlp.pipe", "stock"), ("storyline's pipeline bare", "storyline"))
        ]

    def briefs() -> list[dict[str, Any]]:
        rows = []
        for label in ("brief cold", "brief warm"):
            with open(folder / f"{label.split()[1]}.json", "wb") as out:
                rows.append(measure(label, storyline("brief", str(topic), "--json", "-q"), env, stdout=out))
        for view in VIEWS:
            extra = ["-o", str(folder / "report.html")] if view == "report" else ["--json"]
            rows.append(measure(f"{view} warm", storyline(view, str(topic), "-q", *extra), env))
        return rows

    def store() -> list[dict[str, Any]]:
        return [] if args.no_store else store_rows(topic, folder, env)

    if args.only_store:
        return store(), True
    with ThreadPoolExecutor(max_workers=3) as pool:
        tracks = [pool.submit(track) for track in (bare, briefs, store)]
        bare_rows, brief_rows, store_rows_ = (track.result() for track in tracks)
    rows = [help_row, *bare_rows, *brief_rows, *store_rows_]
    same = without_timings(folder / "cold.json") == without_timings(folder / "warm.json")
    print(f"\nwarm brief JSON == cold brief JSON (timings aside): {same}", flush=True)
    cache_mb = sum(p.stat().st_size for p in (folder / "cache").rglob("*.*") if p.is_file()) / 1e6
    by_label = {row["run"]: row["cpu_s"] for row in rows}
    bare_cpu, cold = by_label["bare spaCy nlp.pipe"], by_label["brief cold"]
    print(f"analysis cache: {cache_mb:.1f} MB for {len(texts)} articles")
    print(f"cold brief / bare spaCy (CPU): {cold / bare_cpu:.2f}x")
    print(f"cold brief / storyline's pipeline bare (CPU): {cold / by_label[OURS]:.2f}x")
    for row in rows:
        print(
            f"{row['run']:32} {row['cpu_s']:8.2f} CPU s {row['wall_s']:8.2f} s wall "
            f"{row['peak_rss_mb']:6d} MB {100 * row['cpu_s'] / cold:6.1f}% of the cold brief"
        )
    if args.profile:
        profile(topic, dict(env, STORYLINE_CACHE_MAX_MB="0"), folder, args.top)
    return rows, same


if __name__ == "__main__":
    sys.exit(main())
