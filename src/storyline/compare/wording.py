"""Wording both the claims and the disputes read: negation and denial words, a sentence's polarity, and
the verbs of a proposition (its main verbs) for telling a paraphrase from a sentence that only shares a
noun phrase; and the articles' parses looked up by article (``ArticleDocs``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

NEGATIONS = {"not", "no", "never", "n't", "nobody", "none", "nothing", "neither", "nor"}
DISPUTE_WORDS = {
    "deny",
    "denied",
    "denies",
    "dispute",
    "disputed",
    "disputes",
    "false",
    "untrue",
    "reject",
    "rejected",
    "rejects",
    "contradict",
    "contradicted",
    "contradicts",
    "refute",
    "refuted",
    "refutes",
    "baseless",
    "wrong",
}


def polarity(text: str) -> bool:
    """True when the sentence negates or disputes what it reports."""
    words = set(re.findall(r"[a-z']+", text.lower().replace("n\u2019t", " n't").replace("n't", " n't")))
    return bool(words & NEGATIONS or words & DISPUTE_WORDS)


# Verbs that carry no fact of their own: reporting, copula, auxiliaries.
LIGHT_VERBS = frozenset({"be", "have", "do", "say", "tell", "will", "would", "can", "could", "may", "might"})


def main_verbs(doc: Doc, article: Article, text: str, near: int) -> tuple[frozenset[str], frozenset[str]]:
    """(verb lemmas, the lemmas of its main verbs) of the text found in the article at or after ``near``:
    main verbs are those whose head lies outside the text or that head it (the root, and verbs
    coordinated with it)."""
    start = article.text.find(text, near)
    if start < 0:
        return frozenset(), frozenset()
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is None:
        return frozenset(), frozenset()
    verbs, main = set(), set()
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() in LIGHT_VERBS:
            continue
        verbs.add(token.lemma_.lower())
        head = token
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if (
            not (span.start <= head.head.i < span.end)
            or head.head.i == head.i
            or head.head.lemma_.lower() in LIGHT_VERBS
        ):
            main.add(token.lemma_.lower())
    return frozenset(verbs), frozenset(main)


def same_predicate(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """Two propositions state one fact only if a main verb of one is a verb of the other ("operations
    *had stopped*" / "operations *have stopped*"), not when all they share is a noun phrase ("his black
    2008 Porsche") or a subordinate clause ("... where he faces a murder charge"). A proposition without
    a verb of its own (a copula, a headline) is not held to it."""
    if not a[0] or not b[0]:
        return True
    return bool(a[1] & b[0] or b[1] & a[0])


class ArticleDocs(Mapping[str, "Doc"]):
    """Each article's parse by the article's id, taken from ``docs`` only when asked for: kept parses
    (``service.cache.LazyDocs``) are read for the articles looked at, not for all."""

    def __init__(self, articles: Sequence[Article], docs: Sequence[Doc]) -> None:
        self.index = {a.id: i for i, a in enumerate(articles)}  # a repeated id: its last article, as a dict
        self.docs = docs

    def __getitem__(self, key: str) -> Doc:
        return self.docs[self.index[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def __len__(self) -> int:
        return len(self.index)
