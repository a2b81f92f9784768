"""``storyline evaluate ecbplus DIR``: who is who, measured on ECB+ cross-document entity coreference.

ECB+ (Cybulska & Vossen 2014) links the entity mentions of news articles about one topic across
documents: "Hugh Jackman", "Jackman", "the host" and "he" in several articles are one chain. The
gold mentions and the split are Barhom et al. (2019)'s processed files (``processed_barhom2019``,
dev topics 2, 5, 12, 18, 21, 23, 34, 35). Mentions are linked within each topic (a topic is one
story, as ``storyline who`` sees one); chains are scored with the CoNLL F1 (mean of MUC, B³ and
CEAF-e, from ``scorch``), beside the same-head-lemma baseline in the same run: two mentions of a
topic are one entity when their syntactic heads have the same lemma.

storyline links names by their parts and through the gazetteer, a description to the person whose
title it repeats ("the host" / "host Hugh Jackman"), a pronoun to the nearest person mention before
it, and other common nouns by head lemma (``storyline.who.entities.cluster_mentions``).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Cosine similarity at which two articles of a topic count as the same event (chosen on train).
GROUP_THRESHOLD = 0.08

SPLIT_FILES = {
    "dev": ("ECB_Dev_corpus.txt", "ECB_Dev_Entity_gold_mentions.json"),
    "train": ("ECB_Train_corpus.txt", "ECB_Train_Entity_gold_mentions.json"),
}


@dataclass
class GoldMention:
    doc_id: str
    sentence: int
    tokens: list[int]
    text: str
    chain: str
    type: str

    @property
    def topic(self) -> str:
        return self.doc_id.split("_")[0]

    @property
    def key(self) -> tuple[str, int, tuple[int, ...]]:
        return (self.doc_id, self.sentence, tuple(self.tokens))


def find_processed(directory: str | Path) -> Path:
    root = Path(directory)
    for candidate in (root, root / "processed_barhom2019"):
        if (candidate / SPLIT_FILES["dev"][0]).exists():
            return candidate
    raise UsageError(
        f"{root}: no ECB+ processed files found (expected {SPLIT_FILES['dev'][0]} in it or in "
        "its processed_barhom2019/ folder)"
    )


def load_sentences(path: Path) -> dict[str, dict[int, list[str]]]:
    """doc_id -> sentence number -> tokens."""
    documents: dict[str, dict[int, list[str]]] = defaultdict(dict)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            doc_id, sentence, _token, word = parts[0], int(parts[1]), int(parts[2]), parts[3]
            documents[doc_id].setdefault(sentence, []).append(word)
    return documents


def load_mentions(path: Path) -> list[GoldMention]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        GoldMention(
            doc_id=r["doc_id"],
            sentence=int(r["sent_id"]),
            tokens=[int(t) for t in r["tokens_number"]],
            text=r["tokens_str"],
            chain=r["coref_chain"],
            type=r["mention_type"],
        )
        for r in records
    ]


def document_text(sentences: dict[int, list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """A document's selected sentences as text (one a line) and each token's character span."""
    pieces: list[str] = []
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    position = 0
    for number in sorted(sentences):
        for index, word in enumerate(sentences[number]):
            if index:
                pieces.append(" ")
                position += 1
            offsets[(number, index)] = (position, position + len(word))
            pieces.append(word)
            position += len(word)
        pieces.append("\n")
        position += 1
    return "".join(pieces), offsets


def parse_documents(
    documents: dict[str, dict[int, list[str]]],
) -> dict[str, tuple[Doc, dict[tuple[int, int], tuple[int, int]]]]:
    """Each document parsed by spaCy from its given tokens (one sentence a line)."""
    from spacy.tokens import Doc

    from ..annotate.nlp import load_nlp

    nlp = load_nlp()
    parsed = {}
    ids = sorted(documents)
    made = []
    for doc_id in ids:
        text, offsets = document_text(documents[doc_id])
        words, spaces = [], []
        for number in sorted(documents[doc_id]):
            tokens = documents[doc_id][number]
            for index, word in enumerate(tokens):
                words.append(word)
                spaces.append(index < len(tokens) - 1)
            words.append("\n")
            spaces.append(False)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        assert doc.text == text
        made.append((doc_id, doc, offsets))
    for (doc_id, _doc, offsets), doc in zip(made, nlp.pipe(d for _, d, _ in made), strict=True):
        parsed[doc_id] = (doc, offsets)
    return parsed


def head_lemma(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    return span.root.lemma_.lower()


def evaluate(
    directory: str | Path,
    split: str = "dev",
    topics: Sequence[str] | None = None,
    group_threshold: float = GROUP_THRESHOLD,
) -> dict[str, Any]:
    from scorch.scores import b_cubed, ceaf_e, muc

    from ..who.entities import cluster_mentions, gold_span_mentions, group_articles

    root = find_processed(directory)
    corpus_file, mention_file = SPLIT_FILES[split]
    documents = load_sentences(root / corpus_file)
    gold = load_mentions(root / mention_file)
    if topics:
        wanted = set(topics)
        gold = [m for m in gold if m.topic in wanted]
        documents = {d: s for d, s in documents.items() if d.split("_")[0] in wanted}
    parsed = parse_documents({d: s for d, s in documents.items() if any(m.doc_id == d for m in gold)})
    started = time.perf_counter()
    ours: list[set[Any]] = []
    baseline: list[set[Any]] = []
    by_topic: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in gold:
        by_topic[mention.topic].append(mention)
    for topic in sorted(by_topic):
        mentions = by_topic[topic]
        spans = []
        for m in mentions:
            doc, offsets = parsed[m.doc_id]
            start = offsets[(m.sentence, m.tokens[0])][0]
            end = offsets[(m.sentence, m.tokens[-1])][1]
            spans.append((m.doc_id, start, end, m.type))
        docs = {doc_id: parsed[doc_id][0] for doc_id in {m.doc_id for m in mentions}}
        articles = {doc_id: Article(id=doc_id, source=doc_id, text=doc.text) for doc_id, doc in docs.items()}
        events = group_articles({d: doc.text for d, doc in docs.items()}, group_threshold)
        linked = cluster_mentions(gold_span_mentions(spans, articles, docs), docs, events)
        chains_found: dict[int, set[Any]] = defaultdict(set)
        for m, label in zip(mentions, linked, strict=True):
            chains_found[label].add(m.key)
        ours.extend(chains_found.values())
        lemma_groups: dict[str, set[Any]] = defaultdict(set)
        for m, (doc_id, start, end, _type) in zip(mentions, spans, strict=True):
            lemma = head_lemma(docs[doc_id], start, end) or m.text.lower()
            lemma_groups[lemma].add(m.key)
        baseline.extend(lemma_groups.values())
    seconds = time.perf_counter() - started
    chains: dict[str, set[Any]] = defaultdict(set)
    for m in gold:
        chains[m.chain].add(m.key)
    key = list(chains.values())

    def scores(response: list[set[Any]]) -> dict[str, float]:
        m_r, m_p, m_f = muc(key, response)
        b_r, b_p, b_f = b_cubed(key, response)
        c_r, c_p, c_f = ceaf_e(key, response)
        return {
            "muc_f1": round(float(m_f), 4),
            "b3_f1": round(float(b_f), 4),
            "ceafe_f1": round(float(c_f), 4),
            "conll_f1": round(float(m_f + b_f + c_f) / 3, 4),
            "muc_precision": round(float(m_p), 4),
            "muc_recall": round(float(m_r), 4),
        }

    return {
        "split": split,
        "topics": len(by_topic),
        "mentions": len(gold),
        "gold_chains": len(key),
        "storyline": scores(ours),
        "same_head_lemma": scores(baseline),
        "seconds_linking": round(seconds, 3),
    }


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "ecbplus",
        help="who is who: cross-document entity linking on ECB+, beside the same-head-lemma baseline",
        description="Link ECB+'s gold entity mentions within each topic and score the chains (CoNLL F1: "
        "MUC, B3, CEAF-e) beside the same-head-lemma baseline. DIR is ../shared/data/ecbplus or its "
        "processed_barhom2019 folder.",
    )
    parser.add_argument("directory", metavar="DIR", help="the ECB+ folder (with processed_barhom2019/)")
    parser.add_argument("--split", choices=sorted(SPLIT_FILES), default="dev", help="default: dev")
    parser.add_argument("--topics", metavar="N,N", help="only these topics (comma-separated numbers)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    topics = [t.strip() for t in args.topics.split(",")] if args.topics else None
    result = evaluate(args.directory, args.split, topics)
    if args.json:
        print_json(result)
        return 0
    print(
        f"ECB+ {result['split']}: {result['topics']} topics, {result['mentions']} gold entity mentions, "
        f"{result['gold_chains']} gold chains"
    )
    print(f"{'system':<16} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}")
    for name in ("storyline", "same_head_lemma"):
        s = result[name]
        print(f"{name:<16} {s['muc_f1']:6.3f} {s['b3_f1']:6.3f} {s['ceafe_f1']:7.3f} {s['conll_f1']:6.3f}")
    print(f"linking time: {result['seconds_linking']:.2f} s")
    return 0
