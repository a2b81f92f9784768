"""Each stage of a brief timed on its own, without a profiler (cProfile inflates the stages' token reads
several times over): CPU seconds, RSS before/after and peak, and a digest of its result.

The topic is parsed once (``build_corpus(..., keep_docs=True)``, kept in ``--keep`` as a DocBin and a pickle,
so a second source tree reads the same parses); then ``summarize``, ``build_timeline``, ``build_roster``,
``find_attributions`` and ``compare`` run in turn, each ``--repeat`` times (the median is shown). Run it once
per source tree, side by side, for a before/after pair with equal digests:

    PYTHONPATH=src nice .venv/bin/python benchmarks/stage_cpu.py bpoil_bbc --keep /tmp/bbc
    PYTHONPATH=<other tree>/src nice .venv/bin/python benchmarks/stage_cpu.py bpoil_bbc --keep /tmp/bbc

Topics joined by ``+`` are read as one corpus (``bpoil_foxnews+bpoil_reuters``: 584 articles). For growth,
``--mix 1200`` parses 1,200 articles of every topic mixed (the topic is then only a label) and ``--first N``
runs the stages on the first N articles of the kept parses only: nested mixes from one parse (``--first 300``,
``--first 600`` of the 1,200-article mix); ``--profile STAGE`` runs that stage under cProfile
(its CPU time inflated: read the shares) and prints its top functions.

With ``--vectors-kept`` every sentence is embedded first (its own row) and the summary and the comparison are
given those vectors, as a brief gives them its kept per-article vectors: without it, each of the two stages
embeds every sentence itself, which a brief does once.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import pickle
import statistics
import time
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeline17"


def memory() -> dict[str, int]:
    out = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS", "VmHWM")):
                out[line.split(":")[0]] = int(line.split()[1]) // 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "topic", help="Timeline17 topic folder, or topics joined by '+' (bpoil_foxnews+bpoil_reuters)"
    )
    parser.add_argument("--keep", required=True, help="path prefix of the kept parses (made when missing)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--vectors-kept",
        action="store_true",
        help="embed every sentence once first (timed apart) and give the summary and the comparison those "
        "vectors, as a brief does (its kept per-article pieces, service.brief.kept_vectors)",
    )
    parser.add_argument(
        "--data", default=str(DATA), help="the Timeline17 folder (default ../shared/data/timeline17)"
    )
    parser.add_argument(
        "--first", type=int, help="only the first N articles of the kept parses (nested mixes)"
    )
    parser.add_argument(
        "--mix",
        type=int,
        metavar="N",
        help="parse N articles of every Timeline17 topic mixed (brief_speed.mixed_topics, the growth run's "
        "fixed shuffle) instead of the topic folders, when the kept parses are missing",
    )
    parser.add_argument(
        "--profile",
        choices=STAGES,
        help="run this stage under cProfile (CPU time) and print its top functions by own and cumulative time",
    )
    parser.add_argument(
        "--skip",
        default="",
        metavar="STAGE,STAGE",
        help="stages not run (summary, timeline: nothing later reads them; the roster and the attributions "
        "are computed untimed when skipped, the comparison needs them)",
    )
    args = parser.parse_args()
    if os.nice(0) < 10:
        os.nice(10 - os.nice(0))
    from spacy.tokens import DocBin

    from storyline.annotate.nlp import load_nlp
    from storyline.model import to_jsonable

    nlp = load_nlp()
    keep = Path(args.keep)
    if not Path(f"{keep}.docs").exists():
        from storyline.service.corpus import build_corpus

        if args.mix:
            from brief_speed import mixed_topics

            sources = [str(mixed_topics(args.mix, Path(f"{keep}.jsonl")))]
        else:
            sources = [str(Path(args.data) / topic / "articles.jsonl") for topic in args.topic.split("+")]
        corpus = build_corpus(sources, cache=False, keep_docs=True)
        assert corpus.docs is not None
        kept = DocBin(store_user_data=True)
        for i in range(len(corpus.articles)):
            kept.add(corpus.docs[i])
        Path(f"{keep}.docs").write_bytes(kept.to_bytes())
        Path(f"{keep}.arts").write_bytes(pickle.dumps(list(corpus.articles)))
    docs = list(DocBin().from_bytes(Path(f"{keep}.docs").read_bytes()).get_docs(nlp.vocab))
    articles = pickle.loads(Path(f"{keep}.arts").read_bytes())
    if args.first:
        docs, articles = docs[: args.first], articles[: args.first]

    def digest(value: Any) -> str:
        text = json.dumps(to_jsonable(value), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    skipped = set(filter(None, args.skip.split(",")))

    def run(name: str, compute: Any, show: bool = True) -> Any:
        if name in skipped:
            return compute() if name in ("roster", "attributions") and "comparison" not in skipped else None
        if name == args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile(time.process_time)
            value = profile.runcall(compute)
            stats = pstats.Stats(profile)
            for order in ("tottime", "cumulative"):
                stats.sort_stats(order).print_stats(25)
            return value
        times = []
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:  # the peak from here
            refs.write("5")
        before = memory()
        for _ in range(args.repeat):
            started = time.process_time()
            value = compute()
            times.append(time.process_time() - started)
        after = memory()
        print(
            f"{name:13} {statistics.median(times):7.2f} CPU s (of {' '.join(f'{t:.2f}' for t in times)}) "
            f"RSS {before['VmRSS']} -> {after['VmRSS']} MB, peak {after['VmHWM']} MB, "
            f"digest {digest(value) if show else '-'}",
            flush=True,
        )
        return value

    if not articles:
        raise SystemExit(f"{args.topic}: no articles read (is --data right?)")
    print(f"{args.topic}: {len(articles)} articles")
    vectors: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    if args.vectors_kept:
        from storyline.text.embeddings import embed, known_vectors

        def every_sentence() -> dict[str, Any]:
            known: dict[str, Any] = {}
            for article in articles:
                texts = [article.sentence_text(s) for s in article.sentences]
                if texts:
                    for text, row in zip(texts, embed(texts), strict=True):
                        known.setdefault(text, row)
            return known

        embed(["the model loaded before it is timed"])
        vectors = known_vectors(run("embedding", every_sentence, show=False))
    with vectors:
        stages(run, articles, docs)


STAGES = ("summary", "timeline", "roster", "attributions", "comparison")


def stages(run: Any, articles: Any, docs: Any) -> None:
    from storyline.compare.claims import compare
    from storyline.summarize import summarize
    from storyline.timeline.build import build_timeline
    from storyline.who.attribution import find_attributions
    from storyline.who.entities import build_roster

    run("summary", lambda: summarize(articles))
    run("timeline", lambda: build_timeline(articles, docs=docs))
    roster = run("roster", lambda: build_roster(articles, docs))
    found = run("attributions", lambda: find_attributions(articles, docs, roster))
    run("comparison", lambda: compare(articles, docs=docs, roster=roster, attributions=found))


if __name__ == "__main__":
    main()
