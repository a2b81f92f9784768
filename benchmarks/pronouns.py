"""Who "he" and "she" stand for when they are a statement's speaker: share resolved and precision on
hand-judged PolNeAR dev items (issue 13, item 4; precision first).

Run from the project root:  nice .venv/bin/python benchmarks/pronouns.py
``benchmarks/pronouns/polnear_dev_he_she.tsv`` holds 139 he/she speakers of PolNeAR dev articles with the
person each stands for, judged by reading the article (one judge; PolNeAR marks the pronoun as the source
but not its antecedent). The items were drawn at random from what storyline resolved, before and while the
rules were changed (a sample of 40 was used to design them): the figure is a development one.
A name is right when it holds the judged surname (all the judged words where namesakes occur).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from storyline.annotate.nlp import load_nlp
from storyline.evaluate.polnear import load_split
from storyline.model import Article
from storyline.who.attribution import find_attributions
from storyline.who.names import speaker_name

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "pronouns" / "polnear_dev_he_she.tsv"
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"


def read_gold(path: Path = GOLD) -> list[tuple[str, int, str]]:
    rows = []
    for line in path.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        key, offset, person = line.split("\t")
        rows.append((key, int(offset), person))
    return rows


def right(name: str, person: str) -> bool:
    words = name.replace("\u2019", "'").split()
    if person == "NONE":
        return False
    wanted = person.split()
    return all(w in words for w in wanted) if len(wanted) > 1 else person in words


def score(directory: Path = DEV, gold_path: Path = GOLD) -> dict[str, Any]:
    gold = read_gold(gold_path)
    keys = {key for key, _, _ in gold}
    articles = [a for a in load_split(directory) if any(key in a.name for key in keys)]
    nlp = load_nlp()
    found: dict[tuple[str, int], str | None] = {}
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        mine = [key for key in keys if key in article.name]
        item = Article(id=article.name, source=article.name, text=article.text)
        for a in find_attributions([item], [doc]):
            if a.speaker and a.speaker.lower() in ("he", "she"):
                for key in mine:
                    found[(key, a.speaker_start or -1)] = speaker_name(a)
    resolved = [(person, found[(key, offset)]) for key, offset, person in gold if found.get((key, offset))]
    correct = sum(right(name or "", person) for person, name in resolved)
    return {
        "items": len(gold),
        "found": sum((key, offset) in found for key, offset, _ in gold),
        "resolved": len(resolved),
        "right": correct,
        "precision": round(correct / len(resolved), 3) if resolved else 0.0,
        "wrong": [(person, name) for person, name in resolved if not right(name or "", person)],
    }


def main() -> int:
    started = time.process_time()
    result = score()
    print(
        f"he/she speakers judged: {result['items']} (found as speakers: {result['found']}); resolved to a name: "
        f"{result['resolved']}; right: {result['right']}; precision {result['precision']:.3f}"
    )
    for person, name in result["wrong"]:
        print(f"  wrong: {name!r} for {person!r}")
    print(f"CPU s: {time.process_time() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
