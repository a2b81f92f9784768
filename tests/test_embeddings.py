"""Sentence vectors (storyline.text.embeddings): a text's vector does not depend on the texts embedded with it,
so vectors kept per article (``service.brief.kept_vectors``) are the ones embedding again would give."""

from __future__ import annotations

import random

import numpy as np

from storyline.text import embeddings
from storyline.text.embeddings import embed, known_vectors

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
    assert not embeddings.KNOWN
    assert np.array_equal(mixed[: len(texts)], whole) and mixed.dtype == np.float32
    assert np.array_equal(mixed[-1], embed(["A sentence nobody kept, about nothing in particular."])[0])


def test_the_briefs_kept_vectors_read_an_articles_piece_only_when_one_of_its_texts_is_asked():
    """``service.brief.KeptVectors``: asking one text reads (here: makes and keeps) one article's piece, the
    vectors are the ones ``embed`` makes, and an article's piece is read once for every stage."""
    from storyline.pieces import Pieces
    from storyline.service.brief import KeptVectors
    from storyline.service.corpus import build_corpus

    class Source:
        def __init__(self) -> None:
            self.kept: dict[str, object] = {}
            self.asked: list[str] = []

        def piece_key(self, name, article, extra):
            return f"{name}|{extra}|{article.id}"

        def get_piece(self, key, kind):
            self.asked.append(key)
            return (key in self.kept, self.kept.get(key))

        def put_piece(self, key, value):
            self.kept[key] = value

    articles = build_corpus([str(SAMPLES)], annotate="rules", cache=False).articles
    source = Source()
    vectors = KeptVectors(articles, Pieces(source))
    text = articles[2].sentence_text(articles[2].sentences[1])
    fresh = embed([text])
    with known_vectors(vectors):
        assert np.array_equal(embed([text]), fresh)
    assert len(source.asked) == 1 and articles[2].id in source.asked[0]
    every = [a.sentence_text(s) for a in articles for s in a.sentences]
    with known_vectors(vectors):
        known = embed(every)
    assert np.array_equal(known, embed(every))  # the same vectors as embedding afresh
    assert len(source.asked) == len(articles)  # each article's piece read once, however often asked
