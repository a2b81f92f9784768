"""What a change to cleaning changes: the paragraphs ``clean_text`` gives each article of some Timeline17 topics,
written by one checkout and compared by another (paragraphs gone and paragraphs new, per article), with a seeded
draw of changed articles to read.

    T=../shared/data/timeline17
    PYTHONPATH=<before>/src nice .venv/bin/python benchmarks/cleaned_paragraphs.py $T --topics MJ_bbc H1N1_bbc \\
        --write before.json
    PYTHONPATH=src nice .venv/bin/python benchmarks/cleaned_paragraphs.py $T --topics MJ_bbc H1N1_bbc \\
        --compare before.json --sample 30 --seed 60
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from storyline.ingest.clean import clean_text


def cleaned_paragraphs(directory: Path, topics: list[str]) -> dict[str, list[str]]:
    """Each article's cleaned paragraphs, by "topic:id"."""
    paragraphs: dict[str, list[str]] = {}
    for topic in topics:
        with (directory / topic / "articles.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    paragraphs[f"{topic}:{record['id']}"] = clean_text(str(record["text"])).text.split("\n\n")
    return paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", type=Path, help="the Timeline17 folder")
    parser.add_argument("--topics", nargs="+", required=True)
    parser.add_argument("--write", type=Path, help="write the paragraphs to this file")
    parser.add_argument("--compare", type=Path, help="compare with the paragraphs of this file")
    parser.add_argument("--sample", type=int, default=0, help="changed articles to print (0: all)")
    parser.add_argument("--seed", type=int, default=60)
    args = parser.parse_args()
    now = cleaned_paragraphs(args.directory, args.topics)
    if args.write:
        args.write.write_text(json.dumps(now), encoding="utf-8")
    if not args.compare:
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = []
    for key, old in before.items():
        new = now.get(key, [])
        if old != new:
            changed.append((key, [p for p in old if p not in new], [p for p in new if p not in old]))
    per_topic: dict[str, int] = {}
    for key, gone, _ in changed:
        per_topic[key.split(":")[0]] = per_topic.get(key.split(":")[0], 0) + len(gone)
    print(
        f"articles changed {len(changed)}, paragraphs gone or split {sum(len(g) for _, g, _ in changed)}: {per_topic}"
    )
    shown = (
        random.Random(args.seed).sample(changed, args.sample) if 0 < args.sample < len(changed) else changed
    )
    for key, gone, new in shown:
        print(f"== {key}")
        print("\n".join(f"  - {p}" for p in gone))
        print("\n".join(f"  + {p}" for p in new))


if __name__ == "__main__":
    main()
