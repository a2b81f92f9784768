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


def test_similar_pairs_are_those_of_the_whole_square_in_its_order():
    """Each block is scored against the columns from its own first row on: the same pairs, in the same
    order, with the same cosines as scoring every block against every column."""
    import numpy as np

    from storyline.text.embeddings import similar_pairs

    generator = np.random.default_rng(7)
    base = generator.normal(size=(40, 32))
    # near copies of 40 texts among noise, so many pairs pass the threshold
    vectors = np.vstack([base[generator.integers(0, 40, 1500)] + generator.normal(0, 0.6, (1500, 32))])
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    for block in (2048, 500, 7):
        square = vectors @ vectors.T
        rows, columns = np.nonzero(square >= 0.8)
        expected = [
            (i, j, float(square[i, j])) for i, j in zip(rows.tolist(), columns.tolist(), strict=True) if i < j
        ]
        found = similar_pairs(vectors, 0.8, block)
        assert [(i, j) for i, j, _ in found] == [(i, j) for i, j, _ in expected] and len(found) > 1000
        assert np.allclose([c for *_, c in found], [c for *_, c in expected], rtol=0, atol=1e-6)
