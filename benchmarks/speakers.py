"""Speaker validity on real story corpora: roster names that are pronouns, relative words, determiners
or fragments (issue 13, item 4; target 0), with statements and direct quotes found.

Run from the project root:  nice .venv/bin/python benchmarks/speakers.py [--articles N] TOPIC...
TOPIC is a Timeline17 topic folder name under ../shared/data/timeline17 (its articles are Penn Treebank
tokenized, quotes written `` and ''); the first N articles of each (default 40) are parsed, their
statements found and the roster built. A roster name is what a statement is listed under
(``storyline.who.names.speaker_name``); ``name_problem`` says what is wrong with one.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from storyline.annotate.nlp import annotate_docs
from storyline.model import Article
from storyline.who.attribution import find_attributions
from storyline.who.entities import build_roster
from storyline.who.names import name_problem, speaker_name

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeline17"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topics", nargs="+")
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    print(
        f"{'topic':<16} {'articles':>8} {'statements':>10} {'direct':>7} {'names':>6} {'bad':>4}  bad names"
    )
    for topic in args.topics:
        articles = []
        with (DATA / topic / "articles.jsonl").open() as handle:
            for number, line in enumerate(handle):
                record = json.loads(line)
                if record.get("text", "").strip():
                    articles.append(Article(id=str(number), source=f"{topic}/{number}", text=record["text"]))
                if len(articles) >= args.articles:
                    break
        started = time.process_time()
        docs = [doc for _, doc in annotate_docs(articles)]
        parsing = time.process_time() - started
        started = time.process_time()
        attributions = find_attributions(articles, docs, roster=build_roster(articles, docs))
        who = time.process_time() - started
        names = Counter(n for n in (speaker_name(a) for a in attributions) if n)
        bad = [(n, c, name_problem(n)) for n, c in names.most_common() if name_problem(n)]
        direct = sum(a.direct for a in attributions)
        print(
            f"{topic:<16} {len(articles):>8} {len(attributions):>10} {direct:>7} {len(names):>6} {len(bad):>4}  "
            f"{bad[:8]}  (CPU s: parse {parsing:.0f}, who {who:.1f})"
        )
        totals.update(statements=len(attributions), direct=direct, names=len(names), bad=len(bad))
    print(
        f"{'all':<16} {'':>8} {totals['statements']:>10} {totals['direct']:>7} {totals['names']:>6} {totals['bad']:>4}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
