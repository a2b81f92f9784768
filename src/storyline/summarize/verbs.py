"""Does a sentence say something happened? A summary sentence has a finite verb.

A column's list ("Banks refusing to lend to other banks.", "Gold soaring $70 in a single trading session.") and
a broadcast's opening line ("United in prayer and in protest.") read as sentences to the splitter and are
central for the story's commonest words, but they state nothing: no verb carries tense. Whether one does is
the part-of-speech tagger's call (spaCy's tagger over its token vectors, the pipeline the articles were
annotated with; no parse): a past or present tense verb (VBD, VBZ, VBP) or a modal (MD). Participles, gerunds
and infinitives alone ("refusing", "to lend", "United in ...") are none. The summary asks this only of the
sentences it is about to say (a few dozen per summary), never of the whole pool.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

# Penn Treebank tags of a verb that carries tense or mood: past, present (3rd person singular and other), modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
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
    # the tagger alone (with the token vectors it listens to): the pipeline's other components are not needed
    # and the shared pipeline is not reconfigured
    for name in ("tok2vec", "tagger"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return any(token.tag_ in FINITE_TAGS for token in doc)
