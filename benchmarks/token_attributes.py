"""The attribute ruler and lemmatizer against storyline's one array pass: same attributes, CPU seconds.

Articles of every Timeline17 topic (the first N of each) are run through the model's components up to the
parser once; each parse is then copied twice, and one copy gets the stock ``attribute_ruler`` and
``lemmatizer``, the other ``storyline.annotate.token_attributes``. Printed: the CPU seconds of each (its
own, nothing else), of the whole stock pipeline on the same texts for scale, and whether every token's
TAG, POS, MORPH, LEMMA, DEP and HEAD agree on every article.

    nice .venv/bin/python benchmarks/token_attributes.py --per-topic 25
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeline17"
ATTRIBUTES = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START"]


def texts(per_topic: int) -> list[str]:
    out = []
    for topic in sorted(p for p in DATA.iterdir() if (p / "articles.jsonl").exists()):
        with (topic / "articles.jsonl").open(encoding="utf-8") as handle:
            lines = itertools.islice((line for line in handle if line.strip()), per_topic)
            out += [text for text in (json.loads(line).get("text") for line in lines) if text]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-topic", type=int, default=25, metavar="N")
    args = parser.parse_args()
    from spacy.attrs import IDS
    from spacy.tokens import Doc

    from storyline.annotate.token_attributes import TokenAttributes
    from storyline.settings import current_settings

    nlp = importlib.import_module(current_settings().annotate.spacy_model).load()
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast = TokenAttributes(nlp, ruler, lemmatizer)
    chosen = texts(args.per_topic)
    started = time.process_time()
    whole = list(nlp.pipe(chosen, batch_size=8))
    whole_cpu = time.process_time() - started
    before = [nlp.get_pipe(name) for name in ("tok2vec", "tagger", "parser")]
    parsed = []
    for doc in nlp.tokenizer.pipe(chosen) if hasattr(nlp.tokenizer, "pipe") else map(nlp.tokenizer, chosen):
        for component in before:
            doc = component(doc)
        parsed.append(doc.to_bytes(exclude=["tensor"]))
    stock_docs = [Doc(nlp.vocab).from_bytes(data) for data in parsed]
    fast_docs = [Doc(nlp.vocab).from_bytes(data) for data in parsed]
    started = time.process_time()
    for doc in stock_docs:
        lemmatizer(ruler(doc))
    stock_cpu = time.process_time() - started
    started = time.process_time()
    for doc in fast_docs:
        fast(doc)
    fast_cpu = time.process_time() - started
    ids = [IDS[name] for name in ATTRIBUTES]
    same = sum(
        np.array_equal(a.to_array(ids), b.to_array(ids)) for a, b in zip(stock_docs, fast_docs, strict=True)
    )
    whole_same = sum(
        np.array_equal(a.to_array(ids), b.to_array(ids)) for a, b in zip(whole, stock_docs, strict=True)
    )
    tokens = sum(len(doc) for doc in stock_docs)
    print(f"{len(chosen)} articles ({args.per_topic} of each Timeline17 topic), {tokens:,} tokens")
    print(f"whole stock pipeline (nlp.pipe, batch 8)    {whole_cpu:7.2f} CPU s")
    print(
        f"attribute_ruler + lemmatizer (stock)        {stock_cpu:7.2f} CPU s ({100 * stock_cpu / whole_cpu:.1f}%)"
    )
    print(
        f"token_attributes (storyline)                {fast_cpu:7.2f} CPU s ({100 * fast_cpu / whole_cpu:.1f}%)"
    )
    print(f"articles with every token attribute equal:  {same} of {len(chosen)}")
    print(f"(control: the stepwise stock parse equal to nlp.pipe's: {whole_same} of {len(chosen)})")
    return 0 if same == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
