"""Dating undated articles, the dated sentences' event times read in their articles' own parses or each sentence
parsed again alone: the same hidden articles, the same shipped ranker, one run (issue 18: no second parse).

Run from the project root:  nice .venv/bin/python benchmarks/dating_parses.py [DIR] --topics A,B [--seeds 0,1,2]

Each topic's articles are parsed once by spaCy (sentences and parses, as a brief's annotation makes them); then
per seed 20% lose their dates (``evaluate.dating.hide``) and are dated twice (``timeline.dating.DatingIndex``):
``alone`` (no parses given: every dated sentence holding a time expression is parsed again on its own, what a
brief did before) and ``parse`` (read in the article's parse, what a brief does now). Both use the shipped
``DatingSettings`` (ranker weights fitted on all Timeline17 topics: in-sample for every topic, the same for both
readings); ``benchmarks/dating.py`` gives the leave-one-story-out figures, which read no parse (rule sentences).
Reported: ±0/±1/±7 days (the estimate, else the lower bound), true date inside the interval, the share of the
dated lines (sentence, day) the two readings share, and the CPU seconds of building the index on seed 0 (the
parse cache emptied first).
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from storyline.annotate.nlp import annotate_docs
from storyline.annotate.timex import event_time
from storyline.annotate.timex.event_time import parses_of
from storyline.evaluate.dating import SEEDS, hide
from storyline.evaluate.timeline17 import read_topic
from storyline.timeline.dating import DatingIndex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timeline17"
MODES = ("alone", "parse")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", default=str(DEFAULT))
    parser.add_argument("--topics", required=True)
    parser.add_argument("--seeds", default=",".join(map(str, SEEDS)))
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    totals = {m: {"n": 0, "exact": 0, "within_1": 0, "within_7": 0, "inside": 0} for m in MODES}
    shared_lines = all_lines = 0
    print(f"{'':<34} {'mode':<6} {'n':>4} {'exact':>6} {'±1':>6} {'±7':>6} {'inside':>7} {'index CPU s':>11}")
    for name in args.topics.split(","):
        topic = read_topic(Path(args.directory) / name)
        began = time.process_time()
        parsed = [dataclasses.replace(a, sentences=[], timexes=[]) for a in topic.articles]
        docs = [doc for _, doc in annotate_docs(parsed)]
        spacy_seconds = time.process_time() - began
        sentences = {a.id: a.sentences for a in parsed}
        truth = {a.id: a.published for a in topic.articles}
        figures = {m: {"n": 0, "exact": 0, "within_1": 0, "within_7": 0, "inside": 0} for m in MODES}
        seconds = dict.fromkeys(MODES, 0.0)
        for seed in seeds:
            lines = {}
            for mode in MODES:
                copies, _hidden = hide(topic.articles, seed, topic.name)
                for copy in copies:
                    copy.sentences = list(sentences[copy.id])
                if seed == seeds[0]:
                    event_time._CHOICES.clear()  # each reading pays its own parses
                started = time.process_time()
                index = DatingIndex(copies, parses=parses_of(copies, docs) if mode == "parse" else None)
                if seed == seeds[0]:
                    seconds[mode] = time.process_time() - started
                lines[mode] = {(line.article.id, line.sentence.index, line.day) for line in index.lines}
                for inferred in index.infer().values():
                    true = truth[inferred.article]
                    assert true is not None
                    guess = inferred.estimate or inferred.lower_bound
                    counts = figures[mode]
                    counts["n"] += 1
                    if guess is not None:
                        days = abs((true - guess).days)
                        counts["exact"] += days == 0
                        counts["within_1"] += days <= 1
                        counts["within_7"] += days <= 7
                    counts["inside"] += inferred.contains(true)
            shared_lines += len(lines["alone"] & lines["parse"])
            all_lines += len(lines["alone"] | lines["parse"])
        for mode in MODES:
            counts = figures[mode]
            for key, value in counts.items():
                totals[mode][key] += value
            print(row(f"{name} (spaCy {spacy_seconds:.0f} CPU s)", mode, counts, seconds[mode]))
    for mode in MODES:
        print(row("all", mode, totals[mode], None))
    print(f"dated lines (article, sentence, day) both readings give: {shared_lines / max(all_lines, 1):.3f}")
    return 0


def row(name: str, mode: str, counts: dict[str, int], seconds: float | None) -> str:
    n = max(counts["n"], 1)
    cpu = f"{seconds:11.1f}" if seconds is not None else f"{'':>11}"
    return (
        f"{name:<34} {mode:<6} {counts['n']:>4} {counts['exact'] / n:6.3f} {counts['within_1'] / n:6.3f} "
        f"{counts['within_7'] / n:6.3f} {counts['inside'] / n:7.3f} {cpu}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
