"""Sentence vectors (storyline.text.embeddings): a text's vector does not depend on the texts embedded with it,
so vectors kept per article (``service.brief.kept_vectors``) are the ones embedding again would give."""

from __future__ import annotations

import random

import numpy as np

from storyline.text.embeddings import KNOWN, embed, known_vectors

from .conftest import SAMPLES


def sample_sentences() -> list[str]:
    from storyline.service.corpus import build_corpus

    corpus = build_corpus([str(SAMPLES)], annotate="rules", cache=False)
    return [a.sentence_text(s) for a in corpus.articles for s in a.sentences]


def test_a_vector_is_the_same_alone_in_any_batch_and_when_known():
    texts = sample_sentences()
    assert len(texts) > 100
    whole = embed(texts)
    alone = np.vstack([embed([t]) for t in texts[:80]])
    assert np.array_equal(alone, whole[:80])  # bit for bit
    order = list(range(len(texts)))
    random.Random(3).shuffle(order)
    shuffled = embed([texts[i] for i in order])
    back = np.empty_like(shuffled)
    back[order] = shuffled
    assert np.array_equal(back, whole)
    # half the texts known: the others embedded, each row where it belongs
    with known_vectors({t: whole[i] for i, t in enumerate(texts) if i % 2}):
        mixed = embed(texts + ["A sentence nobody kept, about nothing in particular."])
    assert not KNOWN
    assert np.array_equal(mixed[: len(texts)], whole) and mixed.dtype == np.float32
    assert np.array_equal(mixed[-1], embed(["A sentence nobody kept, about nothing in particular."])[0])
