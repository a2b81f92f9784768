"""Wording both the claims and the disputes read: negation and denial words, a sentence's polarity, and
the verbs of a proposition (its main verbs) for telling a paraphrase from a sentence that only shares a
noun phrase; the tokens whose lemma is one of a set (``lemma_positions``); and the articles' parses looked up
by article (``ArticleDocs``)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Attribution
from ..text.words import SAYING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def lemma_positions(doc: Doc, lemmas: Container[str]) -> list[int]:
    """The indices of the tokens of ``doc`` whose lemma, lower-cased, is one of ``lemmas``, in order, found
    with one array read (a speed-up only: a loop over every token makes a Python ``Token`` of each)."""
    if not len(doc):
        return []
    import numpy as np
    from spacy.attrs import LEMMA

    found = doc.to_array([LEMMA]).reshape(-1)
    strings = doc.vocab.strings
    wanted = [h for h in np.unique(found).tolist() if strings[h].lower() in lemmas]
    if not wanted:
        return []
    return np.isin(found, wanted).nonzero()[0].tolist()


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
    return span_verbs(span)


def span_verbs(span: Span) -> tuple[frozenset[str], frozenset[str]]:
    """``main_verbs`` of the text's span."""
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


# Modals that make a main verb a possibility, not a fact: "could eclipse" is not "has eclipsed". ("would" is
# also reported speech's future, "said it would pay", and is not among them.)
POSSIBILITY = frozenset({"could", "may", "might"})
# Doers that name nobody in particular: pronouns and relative words.
NO_DOER_POS = frozenset({"PRON", "DET", "PUNCT", "ADP", "CCONJ", "PART", "SPACE"})


# Modals that make a main verb a plan or a forecast: what is to happen is told of the days around the
# article's publication ("They will follow it with cement": the junk shot's plan of 10 May, not the top kill's
# of 27 May).
PLANNED = frozenset({"will", "would", "'ll", "shall", "wo"})
# The links that keep a verb on the sentence's main line: its own clause, a coordinated one, the content of
# a reporting or light verb ("told Ban *that operations had stopped*"), a verb's complement ("plans *to cap*").
# Any other link (a relative clause, an "after ..."/"as ..."/"when ..." adverbial, a clause under a noun or a
# preposition) puts the verb in a side clause: background, not the sentence's own news.
MAIN_LINE = frozenset({"ROOT", "conj", "ccomp", "xcomp", "acomp", "parataxis"})


@dataclass(frozen=True)
class MainClause:
    """What a proposition's main clause says: its verbs and main verbs (``main_verbs``), whether a main verb
    is only possible ("could eclipse"), who does each main verb (its subject or its passive's "by"
    agent, as lower-cased content words: "BP operated the rig" -> {"operate": {"bp"}}), the verbs of its
    main line (``line_verbs``: not those of a relative clause or an adverbial), and whether a main verb is
    only planned or forecast ("will follow", "would follow up")."""

    verbs: frozenset[str] = frozenset()
    main: frozenset[str] = frozenset()
    possible: bool = False
    doers: tuple[tuple[str, frozenset[str]], ...] = ()
    line: frozenset[str] = frozenset()
    planned: bool = False

    def predicate(self) -> tuple[frozenset[str], frozenset[str]]:
        return self.verbs, self.main


def main_clause(doc: Doc, article: Article, text: str, near: int) -> MainClause:
    """The main clause of the text found in the article at or after ``near`` (``MainClause``)."""
    start = article.text.find(text, near)
    if start < 0:
        return MainClause()
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is None:
        return MainClause()
    verbs, main = span_verbs(span)  # ``main_verbs``: the text found and its span made once
    line = line_verbs(span)
    possible = planned = False
    doers: dict[str, set[str]] = {}
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in main:
            continue
        head = token
        while head.dep_ == "conj" and head.head.i != head.i and not has_doer(head):
            head = head.head  # "owned and operated by X": a coordinated verb shares its doer when it has none
        possible = possible or any(
            c.dep_ == "aux" and c.lower_ in POSSIBILITY for c in (*token.children, *head.children)
        )
        planned = planned or (
            lemma in line
            and any(c.dep_ == "aux" and c.lower_ in PLANNED for c in (*token.children, *head.children))
        )
        found = doer_words(token) or doer_words(head)
        if found:
            doers.setdefault(lemma, set()).update(found)
    return MainClause(
        verbs,
        main,
        possible,
        tuple(sorted((verb, frozenset(words)) for verb, words in doers.items())),
        line,
        planned,
    )


def line_verbs(span: Span) -> frozenset[str]:
    """The lemmas of the span's verbs on its main line: every link from the verb up to the span's root (or
    out of the span, for a reported content) is one of ``MAIN_LINE``. "She pledged legislation by August ...,
    which began when a BP oil rig caught fire": "pledge", not "begin" nor "catch"; "Hayward has admitted that
    the company was not prepared, as pressure mounted on the company not to pay its dividend": not "pay"."""
    found = set()
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() in LIGHT_VERBS:
            continue
        step = token
        while True:
            if (
                step.dep_ not in MAIN_LINE
                and step.head.i != step.i
                and step.head.lemma_.lower() not in SAYING_VERBS
            ):
                break  # (what a reporting verb heads is what was said, however the parse links a quotation)
            if step.head.i == step.i or not (span.start <= step.head.i < span.end):
                found.add(token.lemma_.lower())
                break
            step = step.head
    return frozenset(found)


def has_doer(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "agent") for c in token.children)


def doer_words(token: Token) -> set[str]:
    """The content words of who does the verb: its active subject, or the object of its "by" agent."""
    words: set[str] = set()
    for child in token.children:
        if child.dep_ == "nsubj":
            heads = [child]
        elif child.dep_ == "agent":
            heads = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        for subject in heads:
            words.update(
                t.lower_
                for t in subject.subtree
                if t.pos_ not in NO_DOER_POS and t.dep_ not in ("relcl", "acl") and t.is_alpha
            )
    return words


def same_main_clause(a: MainClause, b: MainClause) -> bool:
    """Two propositions state one fact only if a main verb of one is a verb on the other's main line
    (``same_predicate`` on ``line_verbs``: not one of a relative clause or an adverbial, "..., which began
    when a BP oil rig caught fire" against "The crisis began April 20"), both state it or both only as
    possible ("could eclipse" / "has already eclipsed" are two), and a main verb they share has the same doer
    when both name one ("BP operated the rig" / "the rig was owned and operated by Transocean")."""
    if a.verbs and b.verbs and (a.line or b.line):
        if not (a.main & a.line & b.line or b.main & b.line & a.line):
            return False  # (a verb beside a main clause of "be" is no verb of its main line)
    elif not same_predicate(a.predicate(), b.predicate()):
        return False  # two main clauses of "be" ("I was down there a month ago before ..."): their main verbs
    if not a.main or not b.main:
        return True
    if a.possible != b.possible:
        return False
    doers_a, doers_b = dict(a.doers), dict(b.doers)
    return all(doers_a[verb] & doers_b[verb] for verb in doers_a.keys() & doers_b.keys())


# The links by which a clause hangs inside a noun phrase of its sentence rather than on its main line: a
# relative clause ("its order, in which Watson told ..."), a clause modifying a noun. (A temporal clause, "one
# day after Assad told the U.N. chief that ...", still states that he told it: the samples' shared claim.)
EMBEDDING = frozenset({"relcl", "acl"})


def embedded_cue(doc: Doc, attribution: Attribution) -> bool:
    """The cue of a reported statement hangs inside a relative clause or a noun's modifier: what it reports
    is an embedded quote, not the sentence's main fact, and no other outlet confirms the sentence by
    carrying only that."""
    if attribution.cue_start is None:
        return False
    span = doc.char_span(attribution.cue_start, attribution.cue_end or attribution.cue_start + 1, "expand")
    if span is None or not len(span):
        return False
    token = span.root
    for _ in range(12):
        if token.head.i == token.i:
            return False
        if token.dep_ in EMBEDDING:
            return True
        token = token.head
    return False


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
