"""Does a sentence say something happened? A summary sentence has a finite verb.

A column's list ("Banks refusing to lend to other banks.", "Gold soaring $70 in a single trading session.") and
a broadcast's opening line ("United in prayer and in protest.") read as sentences to the splitter and are
central for the story's commonest words, but they state nothing: no verb carries tense. Whether one does is
the part-of-speech tagger's call (spaCy's tagger over its token vectors, the pipeline the articles were
annotated with): a past or present tense verb (VBD, VBZ, VBP) or a modal (MD). Nor does a summary say two
clauses with their own subjects run together with nothing between them (``run_on``: a headline glued before
the lead in lower case, where no capitalised opener shows the seam). Participles, gerunds
and infinitives alone ("refusing", "to lend", "United in ...") are none. The summary asks this only of the
sentences it is about to say (a few dozen per summary), never of the whole pool.

The tags and dependencies are read in the sentence's kept parse when there is one (``kept_parse``: the span of
its article's parse, as annotation made it and the analysis cache or the store keeps it), so a brief over kept
analyses loads no spaCy model for this; a sentence with none (a summary of articles given without their parses,
a text the parse does not cover) is tagged alone. The two readings differ only where the tagger reads a word
differently with the sentence's neighbours in view: 3 of the 6,000 candidates of MJ_bbc's, H1N1_bbc's and
bpoil_bbc's pools, the kept reading right in two ("These result in 150,000 hospitalisations ...": "result" a verb
in the article, a noun alone), and no Timeline17 story's summary changed by it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..text.words import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .candidates import Pool

# Answers kept per process: the same sentences come back in every repick and every view of a corpus.
MEMORY = 20_000


def finite(texts: Sequence[str], parses: Sequence[Span | None] = ()) -> list[bool]:
    """For each text, whether it has a finite verb and no run-on: read in ``parses[i]`` (its kept parse, the
    span of its article's parse that is exactly the text) when given and not None, else tagged alone."""
    found = list(parses) + [None] * (len(texts) - len(parses))
    return [_finite(text) if parse is None else told(parse) for text, parse in zip(texts, found, strict=True)]


def told(tokens: Doc | Span) -> bool:
    """A finite verb among the tokens, and no two clauses run together."""
    return any(token.tag_ in FINITE_TAGS for token in tokens) and not run_on(tokens)


@functools.lru_cache(maxsize=MEMORY)
def _finite(text: str) -> bool:
    from ..annotate.nlp import load_nlp

    nlp = load_nlp()
    doc = nlp.make_doc(text)
    # the tagger and the parser (with the token vectors they listen to): the named entities are not needed and
    # the shared pipeline is not reconfigured
    for name in ("tok2vec", "tagger", "parser"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return told(doc)


def finite_candidates(pool: Pool, chosen: Sequence[int]) -> list[bool]:
    """``finite`` of the pool's candidates ``chosen``: each read in the kept parse of the occurrence it quotes
    (``pool.docs``) when the pool has the parses, else tagged alone."""
    texts = [pool.candidates[i].text for i in chosen]
    if pool.docs is None:
        return finite(texts)
    parses = []
    for i, text in zip(chosen, texts, strict=True):
        quoted = pool.candidates[i].first
        parses.append(kept_parse(pool.docs[quoted.article], quoted.sentence.start, quoted.sentence.end, text))
    return finite(texts, parses)


def kept_parse(doc: Doc, start: int, end: int, text: str) -> Span | None:
    """The tokens of ``doc`` (an article's parse) that are its characters ``start:end``, ``text``; None when the
    parse does not hold them (a text longer than the characters parsed, or a cut inside a token). ``char_span``
    finds the tokens by a binary search and gives None past the parse's end; ``doc.text`` is not read (spaCy
    joins every token's text anew on each read: a long article's parse cost a whole join per sentence asked)."""
    span = doc.char_span(start, end)
    return span if span is not None and span.text == text else None


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def run_on(tokens: Doc | Span) -> bool:
    """Two clauses, each with its own subject, joined by nothing: no conjunction, no punctuation between them.
    A headline glued before its lead in lower case reads so ("Michael Jackson's doctor goes on trial Michael
    Jackson's doctor has gone on trial in America"); "Police attacked the crowd and the violence killed three"
    and "He came, he saw" do not. Of a span of a larger parse (a sentence cut after its dateline) only the
    tokens inside it are read."""
    span = tokens[:]  # a whole parse as its one span
    doc, first, last = span.doc, span.start, span.end
    for token in span:
        if token.dep_ != "conj" or not token.tag_.startswith("VB"):
            continue
        subjects = [child for child in token.children if child.dep_ in SUBJECTS and first <= child.i < last]
        if not subjects:
            continue
        head = token.head
        between = doc[max(first, head.i + 1) : min(max(first, s.left_edge.i) for s in subjects)]
        if not any(t.dep_ in ("cc", "punct", "mark", "preconj") or t.is_punct for t in between):
            return True
    return False
