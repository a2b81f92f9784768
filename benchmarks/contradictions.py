"""Contradictions found per story corpus, by kind, with an audit sample to judge.

    nice .venv/bin/python benchmarks/contradictions.py ../shared/data/timeline17/TOPIC ... \
        [--sample N --out FILE] [--json]

Each corpus is read as ``storyline evaluate brief`` reads it (detokenized, templates cut), annotated
(through the kept analysis), and compared as the brief's comparison stage does: claims
(``find_claims``), then the disputes the articles state (``storyline.compare.disputes``). Printed: per
corpus the articles, the contradicting pairs in all and by kind (figures of one quantity across articles,
denials across outlets and sources by wording, and the stated disputes: a named claim denied, a denial of
what another voice just said, a denial matched to another article's sentence) and CPU seconds. ``--sample N --out FILE`` writes N contradictions drawn at
random (``--seed``, 13 by default) over all corpora in the audit's JSONL shape (``benchmarks/brief_audit/rubric.md``),
with who says each side.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.compare.claims import asserts, find_claims
from storyline.compare.disputes import find_disputes, link_disputes
from storyline.corpus.templates import remove_templates
from storyline.evaluate.brief import detokenizing, evidence_of, read_corpora
from storyline.service.corpus import corpus_of
from storyline.who.attribution import find_attributions
from storyline.who.entities import build_roster


def analysed(path: str, keep: str | None) -> list[tuple[str, tuple, float]]:
    """(name, (articles, docs, attributions), CPU seconds) of each corpus a path names; with ``keep``, the
    analysis is pickled there (a development cache: delete it after changing annotation or attribution)."""
    kept = Path(keep) / (Path(path).name + ".pkl") if keep else None
    if kept is not None and kept.exists():
        with kept.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 -- our own file, written below
    results = []
    with detokenizing(True):
        corpora = read_corpora([path])
    for corpus in corpora:
        began = time.process_time()
        remove_templates(corpus.articles, None, add=True)
        built = corpus_of(corpus.articles)
        articles, docs = list(built.articles), list(built.docs or [])
        roster = build_roster(articles, docs)
        attributions = find_attributions(articles, docs, roster)
        results.append((corpus.name, (articles, docs, attributions), time.process_time() - began))
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with kept.open("wb") as handle:
            pickle.dump(results, handle)
    return results


def compared(
    path: str, keep: str | None = None, positions: bool = False
) -> list[tuple[str, dict, list[dict]]]:
    """(corpus name, row, contradiction items and, with ``positions``, position items) of each corpus
    a path names."""
    results = []
    for name, (articles, docs, attributions), seconds in analysed(path, keep):
        began = time.process_time()
        claims = find_claims(articles, attributions, docs)
        wording = {(i, j) for i, c in enumerate(claims) for j in c.contradicts if i < j}
        texts = [
            (a, p, t)
            for a in articles
            if not a.duplicate_of
            for p, s in enumerate(a.sentences)
            if asserts(t := a.sentence_text(s))
        ]
        disputes = find_disputes(articles, docs, attributions, texts)
        kinds: dict[tuple[int, int], str] = dict.fromkeys(wording, "figures or denial by wording")
        for dispute in disputes:
            before = {(i, j) for i, c in enumerate(claims) for j in c.contradicts if i < j}
            link_disputes(claims, [dispute])
            after = {(i, j) for i, c in enumerate(claims) for j in c.contradicts if i < j}
            for pair in after - before:
                kinds[pair] = dispute.kind
        by_id = {a.id: a for a in articles}
        items: list[dict[str, Any]] = []
        for (i, j), kind in sorted(kinds.items()):
            a, b = claims[i], claims[j]
            items.append(
                {
                    "kind": "contradiction",
                    "corpus": name,
                    "found_as": kind,
                    "claim": a.text,
                    "claim_said_by": a.attributed_to,
                    "contradicted_by": b.text,
                    "contradicted_by_said_by": b.attributed_to,
                    "evidence": [evidence_of(by_id, c) for c in (a.citations[:2] + b.citations[:2])],
                }
            )
        if positions:
            from storyline.compare.positions import find_positions

            for position in find_positions(articles, docs, build_roster(articles, docs), attributions):
                items.append(
                    {
                        "kind": "position",
                        "corpus": name,
                        "actor": position.actor,
                        "stance": position.stance,
                        "proposition": position.proposition,
                        "date": position.date,
                        "evidence": [evidence_of(by_id, position.citation)],
                    }
                )
        row = {
            "corpus": name,
            "articles": len(articles),
            "contradictions": len(kinds),
            "positions": sum(i["kind"] == "position" for i in items),
            "by_kind": dict(Counter(kinds.values())),
            "cpu_seconds_analysis": round(seconds, 1),
            "cpu_seconds_compare": round(time.process_time() - began, 1),
        }
        results.append((name, row, items))
        print(f"{name}: {row}", file=sys.stderr, flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--sample", type=int)
    parser.add_argument("--out")
    parser.add_argument("--seed", type=int, default=13, help="the sample's seed (default 13)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--positions", action="store_true", help="sample positions too")
    parser.add_argument("--keep", metavar="DIR", help="pickle each corpus's analysis there, and reuse it")
    args = parser.parse_args(argv)
    rows, pooled = [], []
    for path in args.corpora:
        for _, row, items in compared(path, args.keep, args.positions):
            rows.append(row)
            pooled.extend(items)
    if args.sample and args.out:
        with Path(args.out).open("w", encoding="utf-8") as handle:
            for kind in ("contradiction", "position"):
                of_kind = [i for i in pooled if i["kind"] == kind]
                chosen = random.Random(args.seed).sample(of_kind, min(args.sample, len(of_kind)))
                for number, item in enumerate(chosen, start=1):
                    item = {"id": f"{kind}-{number:03d}", "found": len(of_kind), **item, "judgements": []}
                    handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        print(f"{'corpus':<28} {'articles':>8} {'found':>6}  by kind")
        for row in rows:
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(row["by_kind"].items()))
            print(f"{row['corpus']:<28} {row['articles']:>8} {row['contradictions']:>6}  {kinds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
