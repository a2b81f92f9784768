"""Draw roster entries with two or more aliases for judging, each alias with the sentence of one of its own
mentions (development judgement of roster merges; the official audit is `storyline evaluate brief --sample`).

    nice .venv/bin/python benchmarks/roster_sample.py ../shared/data/timeline17/H1N1_bbc ... --per 10 --seed 21

Prints, per corpus, ``--per`` entries drawn with ``random.Random(seed).sample`` from the entries (in the roster's
order) whose name has two or more aliases, with the corpus's roster CPU seconds. The corpus is built once per
topic (spaCy parses come from the kept analysis when there)."""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from storyline.service.corpus import build_corpus
from storyline.who import entities as E


def context(article, start: int, end: int) -> str:
    if article is None or start < 0:
        return "[title or caption]"
    text = article.text
    return (
        text[max(0, start - 170) : start] + "[[" + text[start:end] + "]]" + text[end : end + 150]
    ).replace("\n", " ")


def rows_of(path: str) -> tuple[list[dict], float, int]:
    corpus = build_corpus([path], keep_docs=True, sections=["entities"])
    captured: list[E.Cluster] = []
    original = E.link

    def capture(*args, **kwargs):
        found = original(*args, **kwargs)
        captured.extend(found)
        return found

    E.link = capture
    try:
        started = time.process_time()
        entities = E.build_roster(list(corpus.articles), corpus.docs)
        cpu = time.process_time() - started
    finally:
        E.link = original
    by_id = {a.id: a for a in corpus.articles}
    rows = []
    for cluster in captured:
        entity = E.entity_of(cluster, by_id)
        if entity is None or len(entity.aliases) < 2:
            continue
        evidence, seen = [], set()
        for m in cluster.mentions:
            if m.text not in seen:
                seen.add(m.text)
                evidence.append((m.text, m.article, context(by_id.get(m.article), m.start, m.end)))
        rows.append(
            {"name": entity.name, "type": entity.type, "aliases": entity.aliases, "evidence": evidence}
        )
    return rows, cpu, len(entities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+")
    parser.add_argument("--per", type=int, default=10)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    number = 0
    for path in args.corpora:
        rows, cpu, total = rows_of(path)
        name = Path(path).name
        print(f"## {name}: {total} entries, {len(rows)} with two or more aliases, roster {cpu:.1f} CPU s")
        for row in random.Random(args.seed).sample(rows, min(args.per, len(rows))):
            number += 1
            print(f"#{number} [{name}] {row['name']} ({row['type']}) aliases={row['aliases'][:6]}")
            for alias, article, text in row["evidence"][:6]:
                print(f"    - {alias!r} a{article}: ...{text}")


if __name__ == "__main__":
    main()
