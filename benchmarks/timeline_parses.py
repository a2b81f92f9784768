"""The timeline with each dated sentence read in its article's parse, beside the sentence parsed on its own.

What the brief does (``storyline timeline FILE --dates L``: every article read and annotated as the CLI
does, spaCy sentences, the parses kept) on Timeline17 topics, two ways from the same corpus:

- **own parse**: the main event of a dated sentence is read in its article's spaCy parse (no second parse);
- **alone**: each dated sentence is parsed again on its own (the way before; ``docs`` not given).

For each gold timeline: tilse alignment ROUGE-1/2 F and date F1 of both (user mode: only the number of
dates is the gold's), the share of dated sentences whose chosen expression differs, and the CPU seconds
of each timeline (the "alone" one includes its parses).

    nice .venv/bin/python benchmarks/timeline_parses.py --topics MJ_bbc H1N1_guardian
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeline17"


def choices(articles, docs) -> dict:
    """Each dated sentence's chosen expression, by (article, sentence)."""
    from storyline.annotate.timex.event_time import parses_of
    from storyline.timeline.build import sentence_event_time

    out = {}
    parses = parses_of(articles, docs)
    for article in articles:
        timexes = sorted(article.timexes, key=lambda t: t.start)
        cursor = 0
        for sentence in article.sentences:
            while cursor < len(timexes) and timexes[cursor].start < sentence.start:
                cursor += 1
            point, evidence = sentence_event_time(article.text, sentence, timexes, cursor, parses)
            out[article.id, sentence.index] = (point.value if point else None, evidence)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", nargs="+", default=["MJ_bbc", "H1N1_guardian", "H1N1_bbc"])
    args = parser.parse_args()
    from storyline.annotate.timex import event_time
    from storyline.evaluate.timeline17 import read_gold_timelines, score
    from storyline.service.corpus import build_corpus
    from storyline.timeline.build import build_timeline

    rows = []
    for topic in args.topics:
        folder = DATA / topic
        corpus = build_corpus([str(folder / "articles.jsonl")], keep_docs=True)
        articles, docs = list(corpus.articles), corpus.docs
        own, alone = choices(articles, docs), choices(articles, None)
        dated = [key for key in own if own[key][1] or alone[key][1]]
        differ = sum(1 for key in dated if own[key] != alone[key])
        for number, gold in enumerate(read_gold_timelines(folder), start=1):
            figures = {}
            for name, given in (("own parse", docs), ("alone", None)):
                event_time._CHOICES.clear()  # the "alone" figure pays its parses
                began = time.process_time()
                timeline = build_timeline(articles, dates=len(gold.entries), docs=given)
                seconds = time.process_time() - began
                figures[name] = {"scores": score(timeline, gold), "cpu": seconds}
            rows.append((topic, number, figures, differ, len(dated)))
            print(
                f"{topic}/{number}: "
                + "  ".join(
                    f"{name} R1 {flat(f['scores'], 'rouge_1'):.3f} R2 {flat(f['scores'], 'rouge_2'):.3f} "
                    f"dateF1 {flat(f['scores'], 'date_f1'):.3f} ({f['cpu']:.2f} CPU s)"
                    for name, f in figures.items()
                )
                + f"  choices differing: {differ} of {len(dated)} dated sentences",
                flush=True,
            )
    for name in ("own parse", "alone"):
        means = [
            statistics.fmean(flat(row[2][name]["scores"], metric) for row in rows)
            for metric in ("rouge_1", "rouge_2", "date_f1")
        ]
        print(
            f"mean over {len(rows)} timelines, {name:9}: R-1 {means[0]:.4f} R-2 {means[1]:.4f} date F1 {means[2]:.4f}"
        )
    return 0


def flat(scores: dict, metric: str) -> float:
    return float(scores[KEYS[metric]]["f_score"])


KEYS = {"rouge_1": "rouge_1", "rouge_2": "rouge_2", "date_f1": "date"}


if __name__ == "__main__":
    sys.exit(main())
