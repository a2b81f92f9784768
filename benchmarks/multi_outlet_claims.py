"""Multi-outlet claims of Timeline17 topics of one story read as one corpus, with a sample to judge.

    nice .venv/bin/python benchmarks/multi_outlet_claims.py T/bpoil_foxnews+T/bpoil_reuters \
        [--keep DIR] [--sample N --seed 13 --out FILE]

Each folder is analysed as ``benchmarks/contradictions.py`` analyses it (through ``--keep DIR``, the same
pickled analyses), its articles given the folder's outlet where their text names none (as ``storyline
evaluate brief`` does for ``A+B``), copies across the folders marked (``mark_duplicates``), and the claims
found by ``find_claims``. Printed: articles, claims, claims with at least two independent outlets, CPU
seconds of ``find_claims``. ``--out`` writes every claim of two or more independent outlets (or a sample of
``--sample N``, drawn with ``--seed``) with its evidence: outlet, date and sentence of each citation. Run it
with ``PYTHONPATH`` pointing at another checkout's ``src`` to measure that code on the same analyses.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from contradictions import analysed  # noqa: E402
from storyline.compare.claims import find_claims  # noqa: E402
from storyline.corpus.copies import mark_duplicates  # noqa: E402


def joined(given: str, keep: str | None) -> tuple[list, list, list]:
    articles, docs, attributions = [], [], []
    for folder in given.split("+"):
        outlet = Path(folder).name.rsplit("_", 1)[-1]
        for _, (found, parses, said), _ in analysed(folder, keep):
            renamed = {}
            for article in found:
                article.outlet = article.outlet or outlet
                renamed[article.id] = f"{outlet}-{article.id}"  # ids are per folder: made distinct
                article.id = renamed[article.id]
            for article in found:
                if article.duplicate_of:
                    article.duplicate_of = renamed.get(article.duplicate_of, article.duplicate_of)
            for attribution in said:
                attribution.article = renamed[attribution.article]
            articles += found
            docs += parses
            attributions += said
    mark_duplicates(articles)
    return articles, docs, attributions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="Timeline17 topic folders joined by +")
    parser.add_argument("--keep", metavar="DIR")
    parser.add_argument("--sample", type=int)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    articles, docs, attributions = joined(args.corpus, args.keep)
    began = time.process_time()
    claims = find_claims(articles, attributions, docs)
    seconds = time.process_time() - began
    by_id = {a.id: a for a in articles}
    multi = [c for c in claims if c.independent_outlets >= 2]
    row = {
        "articles": len(articles),
        "copies": sum(1 for a in articles if a.duplicate_of),
        "claims": len(claims),
        "multi_outlet_claims": len(multi),
        "cpu_seconds_find_claims": round(seconds, 1),
    }
    print(json.dumps(row))
    if args.out:
        chosen = (
            random.Random(args.seed).sample(multi, min(args.sample, len(multi))) if args.sample else multi
        )
        with Path(args.out).open("w", encoding="utf-8") as handle:
            for claim in chosen:
                evidence = [
                    {
                        "article": c.article,
                        "outlet": by_id[c.article].outlet,
                        "date": str(c.published),
                        "sentence": by_id[c.article].text[c.start : c.end],
                    }
                    for c in claim.citations
                ]
                item = {
                    "text": claim.text,
                    "independent_outlets": claim.independent_outlets,
                    "outlets": claim.outlets,
                    "evidence": evidence,
                }
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
