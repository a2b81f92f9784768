"""What the wire dateline's four uses find in real text: a survey to run on two checkouts and compare.

    PYTHONPATH=<checkout>/src nice .venv/bin/python benchmarks/dateline_survey.py --out FILE.json
    nice .venv/bin/python benchmarks/dateline_survey.py --compare BEFORE.json AFTER.json

Read: every Timeline17 article (detokenized, as the brief reads it), every Multi-News dev cluster's text and
every PolNeAR dev article (``../shared/data``). For each line: ``text.patterns.DATELINE`` at its start and
``AGENCY_DATELINE`` anywhere (the end of each match: where the story starts); for each text: the outlet
``ingest.outlets.outlet_from_text`` reads and the agency ``compare.claims.article_credit`` credits. ``--compare``
prints the matches and names of the second run that the first lacks and, what matters for a refactoring, the ones
of the first that the second lost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def texts() -> list[str]:
    from storyline.ingest.detokenize import detokenize

    found = []
    for path in sorted((DATA / "timeline17").glob("*/articles.jsonl")):
        with path.open() as handle:
            found += [detokenize(json.loads(line)["text"]) for line in handle]
    with (DATA / "multinews" / "dev.jsonl").open() as handle:
        found += [json.loads(line)["context"].replace(" NEWLINE_CHAR ", "\n") for line in handle]
    found += [p.read_text() for p in sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))]
    return found


def survey() -> dict[str, list]:
    from storyline.compare.claims import article_credit
    from storyline.ingest.outlets import outlet_from_text
    from storyline.model import Article
    from storyline.text.patterns import AGENCY_DATELINE, DATELINE

    found: dict[str, list] = {"DATELINE": [], "AGENCY_DATELINE": [], "outlet": [], "credit": []}
    for number, text in enumerate(texts()):
        offset = 0
        for line in text.split("\n"):
            match = DATELINE.match(line)
            if match:
                found["DATELINE"].append(f"{number}:{offset}:{match.group(0).strip()}")
            for match in AGENCY_DATELINE.finditer(line):
                found["AGENCY_DATELINE"].append(f"{number}:{offset + match.end()}")
            offset += len(line) + 1
        guess = outlet_from_text(text.split("\n"), [])
        found["outlet"].append(guess.name if guess else None)
        article = Article(id=str(number), source="", text=text, published=dt.date(2011, 1, 1))
        found["credit"].append(article_credit(article))
    return found


def compare(before: dict[str, list], after: dict[str, list]) -> None:
    for kind in ("DATELINE", "AGENCY_DATELINE"):
        old, new = Counter(before[kind]), Counter(after[kind])
        print(f"{kind}: {sum(old.values())} -> {sum(new.values())}; lost {sum((old - new).values())}")
    for kind in ("outlet", "credit"):
        pairs = list(zip(before[kind], after[kind], strict=True))
        named = [sum(x is not None for x in column) for column in zip(*pairs, strict=True)]
        lost = sum(1 for x, y in pairs if x is not None and x != y)
        gained = Counter(y for x, y in pairs if x is None and y is not None)
        print(
            f"{kind}: {named[0]} -> {named[1]} texts named; changed or lost {lost}; newly named {dict(gained)}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*(json.loads(Path(p).read_text()) for p in args.compare))
        return 0
    found = survey()
    if args.out:
        Path(args.out).write_text(json.dumps(found))
    for kind, values in found.items():
        print(kind, sum(v is not None for v in values))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
