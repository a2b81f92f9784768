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


def test_kept_text_vectors_are_embeds_own_and_a_later_call_embeds_only_the_texts_no_piece_holds(monkeypatch):
    """``embed_kept`` (the vectors of the statements the comparison's sentences report): kept per article, read
    back bit for bit, and a call with one more text embeds that text only."""
    from storyline.model import Article
    from storyline.pieces import NO_PIECES, Pieces

    class Source:
        def __init__(self) -> None:
            self.kept: dict[str, object] = {}

        def piece_key(self, name, article, extra):
            return f"{name}|{extra}|{article.id}"

        def get_piece(self, key, kind):
            return (key in self.kept, self.kept.get(key))

        def put_piece(self, key, value):
            self.kept[key] = value

    texts = sample_sentences()[:40]
    one = Article(id="one", source="a", text=" ".join(texts[:20]))
    other = Article(id="other", source="b", text=" ".join(texts[20:]))
    owners = [one] * 20 + [other] * 20
    source = Source()
    pieces = Pieces(source)
    whole = embed(texts)
    assert np.array_equal(embeddings.embed_kept(texts, owners, pieces), whole)
    assert len(source.kept) == 2  # a piece per article
    embedded: list[str] = []
    real = embeddings.embed

    def counted(batch):
        embedded.extend(batch)
        return real(batch)

    monkeypatch.setattr(embeddings, "embed", counted)
    assert np.array_equal(embeddings.embed_kept(texts, owners, pieces), whole)
    assert embedded == []  # every row read back
    added = "A statement nobody reported before, about nothing in particular."
    again = embeddings.embed_kept([*texts, added], [*owners, other], pieces)
    assert embedded == [added] and np.array_equal(again[:40], whole)
    assert np.array_equal(again[40], real([added])[0])
    # the article's piece now holds the new text too; without pieces everything is embedded
    embedded.clear()
    embeddings.embed_kept([added], [other], pieces)
    assert embedded == []
    assert np.array_equal(embeddings.embed_kept(texts, owners, NO_PIECES), whole) and len(embedded) == 40
