"""Where the headline-echo seam cuts the first lines of the Timeline17 articles: a survey with a draw to read.

    nice .venv/bin/python benchmarks/headline_echo_survey.py [--sample 40 --seed 61]

Reads the first line of every article of the Timeline17 topics in ``../shared/data`` (detokenized, as the brief
reads it) and applies ``text.patterns.echo_seams`` (the shape ``glue_seams(lead=True)`` adds to the other glue
shapes, whose seams it leaves out). Printed: the seams found, the first lines they cut, per topic; with
``--sample N``, N seams drawn with ``--seed``, each as the headline's last 110 characters || the lead's first 80,
to be read and judged (a seam is wrong when the two sides are one sentence).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def first_lines() -> list[tuple[str, str, str]]:
    """(topic, article id, first line) of every Timeline17 article, detokenized."""
    from storyline.ingest.detokenize import detokenize_line

    found = []
    for path in sorted((DATA / "timeline17").glob("*/articles.jsonl")):
        with path.open() as handle:
            for line in handle:
                row = json.loads(line)
                found.append((path.parent.name, str(row["id"]), detokenize_line(row["text"].split("\n")[0])))
    return found


def main(argv: list[str] | None = None) -> int:
    from storyline.text.patterns import echo_seams, glue_seams

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int)
    parser.add_argument("--seed", type=int, default=61)
    args = parser.parse_args(argv)
    lines = first_lines()
    seams = [
        (topic, identifier, line, at)
        for topic, identifier, line in lines
        for at in echo_seams(line, glue_seams(line))
    ]
    print(
        json.dumps(
            {
                "first_lines": len(lines),
                "seams": len(seams),
                "lines_cut": len({(t, i) for t, i, _, _ in seams}),
                "by_topic": dict(Counter(t for t, _, _, _ in seams)),
            }
        )
    )
    if args.sample:
        chosen = random.Random(args.seed).sample(seams, min(args.sample, len(seams)))
        for number, (topic, identifier, line, at) in enumerate(chosen, start=1):
            print(
                f"{number:>3} {topic} {identifier}: {line[max(0, at - 110) : at].strip()} || {line[at : at + 80]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
