"""Who is who on ECB+, and the speed of `who` and `compare`.

Run from the project root:  nice .venv/bin/python benchmarks/entities.py [ECBPLUS_DIR] [TIMELINE17_TOPIC]

1. ECB+ dev topics: CoNLL F1 (MUC, B3, CEAF-e from scorch) of storyline's linking of the gold entity
   mentions beside the same-head-lemma baseline, in the same run (the event-grouping threshold was
   chosen on the train topics).
2. Speed after annotation (parsing is timed apart): `who` (attributions + roster) and `compare`
   (claims, positions, reversals) on the five samples and on a 300-article Timeline17 topic.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from storyline.annotate.nlp import annotate_docs
from storyline.compare.claims import compare
from storyline.evaluate.ecbplus import evaluate
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.who.attribution import find_attributions
from storyline.who.entities import build_roster, link_speakers

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "syria-assad"
TOPIC = SHARED / "data" / "timeline17" / "Finan_washingtonpost" / "articles.jsonl"


def timed_who_compare(paths: list[str]) -> tuple[int, float, float, float]:
    started = time.perf_counter()
    pairs = list(annotate_docs(prepare(read(paths), on_problem=lambda problem: None)))
    annotated = time.perf_counter()
    articles = [a for a, _ in pairs]
    docs = [d for _, d in pairs]
    link_speakers(find_attributions(articles, docs), build_roster(articles, docs))
    who = time.perf_counter()
    compare(articles, docs)
    done = time.perf_counter()
    return len(articles), annotated - started, who - annotated, done - who


def main() -> int:
    ecbplus = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "data" / "ecbplus"
    topic = Path(sys.argv[2]) if len(sys.argv) > 2 else TOPIC
    result = evaluate(ecbplus, "dev")
    print(
        f"ECB+ dev: {result['topics']} topics, {result['mentions']} gold entity mentions, {result['gold_chains']} chains"
    )
    print(f"{'system':<16} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}")
    for name in ("storyline", "same_head_lemma"):
        s = result[name]
        print(f"{name:<16} {s['muc_f1']:6.3f} {s['b3_f1']:6.3f} {s['ceafe_f1']:7.3f} {s['conll_f1']:6.3f}")
    print()
    print(f"{'input':<40} {'articles':>8} {'annotate s':>10} {'who s':>7} {'compare s':>9} {'target s':>8}")
    for label, paths, target in (
        ("samples/syria-assad", [str(SAMPLES)], 1.0),
        (str(topic.parent.name), [str(topic)], 30.0),
    ):
        count, annotate_s, who_s, compare_s = timed_who_compare(paths)
        print(f"{label:<40} {count:8d} {annotate_s:10.2f} {who_s:7.2f} {compare_s:9.2f} {target:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
