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
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..text.words import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Answers kept per process: the same sentences come back in every repick and every view of a corpus.
MEMORY = 20_000


def finite(texts: Sequence[str]) -> list[bool]:
    """For each text, whether the tagger finds a finite verb in it."""
    return [_finite(text) for text in texts]


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
    return any(token.tag_ in FINITE_TAGS for token in doc) and not run_on(doc)


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def run_on(doc: Doc) -> bool:
    """Two clauses, each with its own subject, joined by nothing: no conjunction, no punctuation between them.
    A headline glued before its lead in lower case reads so ("Michael Jackson's doctor goes on trial Michael
    Jackson's doctor has gone on trial in America"); "Police attacked the crowd and the violence killed three"
    and "He came, he saw" do not."""
    for token in doc:
        if token.dep_ != "conj" or not token.tag_.startswith("VB"):
            continue
        subjects = [child for child in token.children if child.dep_ in SUBJECTS]
        if not subjects:
            continue
        head = token.head
        between = doc[head.i + 1 : min(s.left_edge.i for s in subjects)]
        if not any(t.dep_ in ("cc", "punct", "mark", "preconj") or t.is_punct for t in between):
            return True
    return False
