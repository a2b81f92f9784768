"""How ``gold.jsonl`` was made: the sample of articles, the double annotation and the adjudication.

Run from the project root:

    .venv/bin/python benchmarks/timex_news/kit.py select OUT   # the annotators' kit: manifest + article texts
    .venv/bin/python benchmarks/timex_news/kit.py check FILE   # an annotator's file in context, with problems
    .venv/bin/python benchmarks/timex_news/kit.py agreement    # agreement of the two annotators per chunk
    .venv/bin/python benchmarks/timex_news/kit.py disputes     # what the adjudicator was given
    .venv/bin/python benchmarks/timex_news/kit.py build        # gold.jsonl from raw/ (prints, or --write)

The sample: 28 PolNeAR training articles (4 per publisher, 250-800 words) and one Timeline17 article per
topic (250-800 words), drawn with ``random.Random(2026)``. Set A (2 per publisher, even-numbered topics) is
the development half; set B the held-out half. Each set was cut into two chunks of 10 articles; each chunk
was annotated independently by two annotators (``raw/<chunk>-x.jsonl``, ``raw/<chunk>-y.jsonl``) following
``guidelines.md``, blind to any tagger; the items they disagreed on were decided by a third
(``raw/adjudicated.jsonl``, by dispute id). The article texts stay in ``../shared/data``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

from storyline.evaluate.timex import article_text

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared" / "data"
CHUNKS = ("A1", "A2", "B1", "B2")
FIELDS = ("text", "type", "value")


def manifest(data: Path = DATA) -> list[dict[str, Any]]:
    """The 40 sampled articles, in the order they were drawn, with their set (A: development, B: held out)."""
    rng = random.Random(2026)
    with (data / "polnear" / "metadata.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["compartment"] == "train"]
    by_publisher: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        path = data / "polnear" / "train" / "text" / f"{row['filename']}.txt"
        if path.exists() and 250 <= len(path.read_text(encoding="utf-8").split()) <= 800:
            by_publisher.setdefault(row["publisher"], []).append(row)
    chosen = []
    for publisher in sorted(by_publisher):
        picks = rng.sample(sorted(by_publisher[publisher], key=lambda r: r["filename"]), 4)
        for i, row in enumerate(picks):
            chosen.append(
                {"doc": f"polnear/{row['filename']}", "source": "polnear", "dct": row["publication_date"],
                 "set": "A" if i < 2 else "B"}
            )  # fmt: skip
    topics = sorted(p for p in (data / "timeline17").iterdir() if p.is_dir())
    for i, topic in enumerate(topics):
        with (topic / "articles.jsonl").open(encoding="utf-8") as handle:
            articles = [json.loads(line) for line in handle]
        articles = [a for a in articles if 250 <= len(a["text"].split()) <= 800]
        article = rng.choice(sorted(articles, key=lambda a: a["id"]))
        chosen.append(
            {"doc": f"timeline17/{topic.name}/{article['id']}", "source": "timeline17", "dct": article["time"],
             "set": "A" if i % 2 == 0 else "B"}
        )  # fmt: skip
    return chosen


def chunk_docs(entries: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each set cut into two chunks of alternate articles."""
    chunks = {}
    for group in ("A", "B"):
        docs = [e["doc"] for e in entries if e["set"] == group]
        chunks[f"{group}1"], chunks[f"{group}2"] = docs[0::2], docs[1::2]
    return chunks


def load(path: Path, texts: dict[str, str]) -> list[dict[str, Any]]:
    """An annotator's file, each item placed at the ``n``-th occurrence of its text in its article."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = texts[item["doc"]]
        start = -1
        for _ in range(int(item.get("n", 1))):
            start = text.find(item["text"], start + 1)
            if start < 0:
                raise SystemExit(
                    f"{path}: {item['doc']}: {item['text']!r} occurrence {item.get('n', 1)} not found"
                )
        item["start"], item["end"] = start, start + len(item["text"])
        items.append(item)
    return items


def compare(
    xs: list[dict[str, Any]], ys: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Items both annotators gave the same type and value (x's span kept), and the disputes, in the order
    the adjudicator numbered them: differing values (largest overlap first), then x's items alone, then y's."""
    candidates = []
    for i, a in enumerate(xs):
        for j, b in enumerate(ys):
            overlap = min(a["end"], b["end"]) - max(a["start"], b["start"])
            if a["doc"] == b["doc"] and overlap > 0:
                candidates.append((overlap, i, j))
    used_x: set[int] = set()
    used_y: set[int] = set()
    agreed, disputes = [], []
    for _overlap, i, j in sorted(candidates, reverse=True):
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        a, b = xs[i], ys[j]
        if (a["type"], a["value"]) == (b["type"], b["value"]):
            agreed.append(a)
        else:
            disputes.append({"doc": a["doc"], "x": a, "y": b})
    disputes.extend({"doc": a["doc"], "x": a, "y": None} for i, a in enumerate(xs) if i not in used_x)
    disputes.extend({"doc": b["doc"], "x": None, "y": b} for j, b in enumerate(ys) if j not in used_y)
    return agreed, disputes


def collect(entries: list[dict[str, Any]], texts: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for chunk in CHUNKS:
        xs, ys = (load(HERE / "raw" / f"{chunk}-{who}.jsonl", texts) for who in ("x", "y"))
        agreed, disputes = compare(xs, ys)
        for number, dispute in enumerate(disputes, 1):
            dispute["id"] = f"{chunk}-{number}"
        result[chunk] = {"x": xs, "y": ys, "agreed": agreed, "disputes": disputes}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("select", "check", "agreement", "disputes", "build"))
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--write", action="store_true", help="build: write gold.jsonl instead of printing it")
    args = parser.parse_args()
    entries = manifest()
    texts = {e["doc"]: article_text(e["doc"], DATA) for e in entries}
    if args.command == "select":
        out = args.path or Path("timex-news-kit")
        (out / "articles").mkdir(parents=True, exist_ok=True)
        for entry in entries:
            entry["file"] = f"articles/{entry['doc'].replace('/', '__')}.txt"
            (out / entry["file"]).write_text(texts[entry["doc"]], encoding="utf-8")
        (out / "manifest.json").write_text(json.dumps(entries, indent=1), encoding="utf-8")
        for chunk, docs in chunk_docs(entries).items():
            (out / f"{chunk}.txt").write_text("".join(d + "\n" for d in docs), encoding="utf-8")
        print(f"{out}: {len(entries)} articles, {sum(len(t.split()) for t in texts.values())} words")
        return 0
    if args.command == "check":
        for item in load(args.path, texts):
            text = texts[item["doc"]]
            before = text[max(0, item["start"] - 60) : item["start"]].replace("\n", " ")
            after = text[item["end"] : item["end"] + 40].replace("\n", " ")
            print(f"{item['doc']}: ...{before}[[{item['text']}]]{after}... -> {item['type']} {item['value']}")
        return 0
    chunks = collect(entries, texts)
    if args.command == "agreement":
        print(
            f"{'chunk':<6} {'x':>4} {'y':>4} {'matched':>7} {'span F1':>7} {'same value':>10} {'disputes':>8}"
        )
        for chunk, c in chunks.items():
            matched = len(c["agreed"]) + sum(1 for d in c["disputes"] if d["x"] and d["y"])
            print(
                f"{chunk:<6} {len(c['x']):4} {len(c['y']):4} {matched:7} {2 * matched / (len(c['x']) + len(c['y'])):7.3f} "
                f"{len(c['agreed']) / matched:10.3f} {len(c['disputes']):8}"
            )
        return 0
    if args.command == "disputes":
        for c in chunks.values():
            for d in c["disputes"]:
                shown = {k: ({f: d[k][f] for f in FIELDS} if d[k] else None) for k in ("x", "y")}
                print(json.dumps({"id": d["id"], "doc": d["doc"], **shown}))
        return 0
    decisions = {}
    for line in (HERE / "raw" / "adjudicated.jsonl").read_text(encoding="utf-8").splitlines():
        decision = json.loads(line)
        decisions[decision["id"]] = decision
    gold: dict[str, list[dict[str, Any]]] = {e["doc"]: [] for e in entries}
    for c in chunks.values():
        for item in c["agreed"]:
            gold[item["doc"]].append(item)
        for dispute in c["disputes"]:
            decision = decisions[dispute["id"]]
            if decision["decision"] in ("x", "y"):
                gold[dispute["doc"]].append(dispute[decision["decision"]])
            elif decision["decision"] == "other":
                raise SystemExit(f"{dispute['id']}: 'other' decisions need a position; none were made")
    lines = []
    for entry in entries:
        items = sorted(gold[entry["doc"]], key=lambda i: i["start"])
        if any(a["end"] > b["start"] for a, b in zip(items, items[1:])):
            raise SystemExit(f"{entry['doc']}: overlapping gold expressions")
        record = {
            "doc": entry["doc"],
            "source": entry["source"],
            "dct": entry["dct"],
            "set": "dev" if entry["set"] == "A" else "heldout",
            "sha256": hashlib.sha256(texts[entry["doc"]].encode("utf-8")).hexdigest(),
            "timexes": [{"start": i["start"], "end": i["end"], **{f: i[f] for f in FIELDS}} for i in items],
        }
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    if args.write:
        (HERE / "gold.jsonl").write_text("".join(lines), encoding="utf-8")
    else:
        sys.stdout.write("".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
