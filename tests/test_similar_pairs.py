"""Near-copy groups and similar pairs (``text.similarity``), kept between briefs: the groups of the exact Jaccard
graph and the pairs of the whole square of cosines, and after new texts only the pairs holding a new text are
scored."""

from __future__ import annotations

import functools
import random
from typing import Any

import numpy as np
import pytest

from storyline.model import Article
from storyline.pieces import NO_PIECES, Pieces
from storyline.text import similarity
from storyline.text.similarity import content_words


@functools.lru_cache(maxsize=4)
def jaccards(texts: tuple[str, ...]) -> list[tuple[int, int, int, float]]:
    """Every pair (i < j) of ``texts`` with the smaller content-word count and the Jaccard (the same arithmetic)."""
    bags = [frozenset(content_words(t)) for t in texts]
    found = []
    for j in range(len(texts)):
        for i in range(j):
            a, b = bags[i], bags[j]
            if a and b:
                shared = len(a & b)
                found.append((i, j, min(len(a), len(b)), shared / (len(a) + len(b) - shared)))
    return found


def plain_groups(texts: list[str], threshold: float, min_words: int = 4) -> list[list[int]]:
    """The connected components of the exact Jaccard graph, every pair looked at (the definition)."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j, smaller, value in jaccards(tuple(texts)):
        if smaller >= min_words and value >= threshold:
            parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def block_pairs(vectors: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """Every pair (i < j) of the whole square of float32 products at or above ``threshold``, in order."""
    square = vectors @ vectors.T
    rows, columns = np.nonzero(square >= threshold)
    return [
        (i, j, float(square[i, j])) for i, j in zip(rows.tolist(), columns.tolist(), strict=True) if i < j
    ]


class Source:
    """Pieces kept in a dict (the cache's part of ``storyline.pieces.PieceSource``)."""

    def __init__(self) -> None:
        self.kept: dict[str, Any] = {}

    def piece_key(self, name: str, article: Any, extra: str) -> str:
        return f"{name}|{extra}|{article.id}|{article.text}"

    def get_piece(self, key: str, kind: Any) -> tuple[bool, Any]:
        return (key in self.kept, self.kept.get(key))

    def put_piece(self, key: str, value: Any) -> None:
        self.kept[key] = value


WORDS = (
    "oil spill gulf coast well cap pressure engineers robot submarine leak barrels day estimate "
    "government company chief executive hearing senate committee fishermen beaches tar balls cleanup "
    "dispersant chemicals relief drilling rig explosion workers killed investigation report"
).split()


def sentences(seed: int, count: int) -> list[str]:
    """Made-up sentences, many of them near-copies of an earlier one (a word changed, dropped or added),
    some repeated whole, some too short to be judged."""
    rng = random.Random(seed)
    made: list[str] = []
    for _ in range(count):
        if made and rng.random() < 0.45:
            words = rng.choice(made).split()
            for _ in range(rng.randint(0, 3)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            if rng.random() < 0.3:
                words.append(rng.choice(WORDS))
            made.append(" ".join(words) if rng.random() < 0.8 else rng.choice(made))
        else:
            made.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 14))))
    return made


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_near_copy_groups_are_the_exact_jaccard_graphs_components(seed):
    texts = sentences(seed, 400)
    # 0.3, 0.7, 0.9: thresholds whose 1 - t is not exact in binary (a text's count of first words at the edge)
    for threshold in (0.5, 0.3, 0.6, 0.7, 0.75, 0.9, 1.0):
        for min_words in (1, 4):
            assert similarity.near_duplicate_groups(texts, threshold, min_words) == plain_groups(
                texts, threshold, min_words
            )


@pytest.mark.parametrize("seed", [80, 81])
def test_jaccard_links_are_every_pair_holding_a_fresh_text(seed):
    # the texts looked up in order of size among the smaller ones: whichever of a pair is fresh, whatever share
    # of the texts is fresh (a first brief, or most texts new), every linked pair with a fresh text, no other
    texts = sentences(seed, 400)
    bags = [frozenset(content_words(t)) for t in texts]
    sizes = [len(b) for b in bags]
    rng = random.Random(seed)
    for threshold in (0.5, 0.3, 0.7, 0.9, 1.0):
        for share in (1.0, 0.6, 0.3):
            fresh = sorted(n for n in range(len(texts)) if sizes[n] >= 4 and rng.random() < share)
            chosen = set(fresh)
            expected = [
                (i, j)
                for i, j, smaller, value in jaccards(tuple(texts))
                if smaller >= 4 and value >= threshold and (i in chosen or j in chosen)
            ]
            assert similarity.jaccard_links(bags, sizes, fresh, threshold, 4) == sorted(expected)


def test_near_copy_groups_above_one_link_nothing_and_zero_is_refused():
    texts = ["oil spill gulf coast well cap", "oil spill gulf coast well cap", "a b"]
    assert similarity.near_duplicate_groups(texts, 1.0) == [[0, 1], [2]]
    assert similarity.near_duplicate_groups(texts, 1.5) == [[0], [1], [2]]
    assert similarity.near_duplicate_groups(["", ""], 0.5, min_words=0) == [[0], [1]]
    with pytest.raises(ValueError, match="above 0"):
        similarity.near_duplicate_groups(texts, 0.0)


def test_near_copy_groups_of_the_samples_are_the_plain_ones(sample_articles):
    texts = [a.sentence_text(s) for a in sample_articles for s in a.sentences]
    texts += [t.replace(" the ", " a ", 1) for t in texts[::3]]  # near-copies of the samples' sentences
    for threshold in (0.5, 0.6):
        assert similarity.near_duplicate_groups(texts, threshold) == plain_groups(texts, threshold)


def articles_of(texts_by_article: list[list[str]]) -> list[Article]:
    return [
        Article(id=f"a{n}", source=f"a{n}.txt", text="\n".join(t)) for n, t in enumerate(texts_by_article)
    ]


def spied(monkeypatch, name: str) -> list[list[int]]:
    """The fresh texts (as indices into the distinct texts) each call of ``name`` scores, from now on."""
    calls: list[list[int]] = []
    real = getattr(similarity, name)

    def spy(*args: Any) -> Any:
        calls.append(list(args[2] if name == "jaccard_links" else args[1]))
        return real(*args)

    monkeypatch.setattr(similarity, name, spy)
    return calls


def test_near_copy_pairs_kept_are_read_and_only_new_texts_scored(monkeypatch):
    by_article = [sentences(seed, 30) for seed in range(8)]
    by_article[5] = by_article[5][:10] + by_article[1][:10]  # copies across articles
    articles = articles_of(by_article)
    texts = [t for group in by_article for t in group]
    pieces = Pieces(Source())
    # seven articles first: the eighth's texts are few (the branch of a brief after new articles)
    first = [t for group in by_article[:7] for t in group]
    assert similarity.near_duplicate_groups(first, 0.5, 4, articles[:7], pieces) == plain_groups(first, 0.5)
    calls = spied(monkeypatch, "jaccard_links")
    grown = similarity.near_duplicate_groups(texts, 0.5, 4, articles, pieces)
    assert grown == plain_groups(texts, 0.5)
    distinct, _ = similarity.unique_texts(texts)
    new = {n for n, t in enumerate(distinct) if t not in set(first)}
    assert len(calls) == 1 and set(calls[0]) <= new and calls[0]  # only the new texts were scored
    assert 4 * len(calls[0]) < len(distinct)
    # the same texts again: nothing scored; another order of the articles: the same groups
    assert similarity.near_duplicate_groups(texts, 0.5, 4, articles, pieces) == grown
    assert len(calls) == 1
    reordered = [t for group in by_article[::-1] for t in group]
    assert similarity.near_duplicate_groups(reordered, 0.5, 4, articles[::-1], pieces) == plain_groups(
        reordered, 0.5
    )


def unit_rows(seed: int, count: int, width: int = 64) -> tuple[list[str], np.ndarray]:
    """Unit vectors, many close to an earlier one, some repeated (the same text, the same row)."""
    rng = np.random.default_rng(seed)
    rows: list[np.ndarray] = []
    texts: list[str] = []
    for n in range(count):
        if rows and rng.random() < 0.5:
            k = int(rng.integers(len(rows)))
            if rng.random() < 0.2:
                rows.append(rows[k])
                texts.append(texts[k])
                continue
            row = rows[k] + rng.normal(0, 0.08, width).astype(np.float32)
        else:
            row = rng.normal(0, 1, width).astype(np.float32)
        rows.append((row / np.linalg.norm(row)).astype(np.float32))
        texts.append(f"text {n}")
    return texts, np.vstack(rows).astype(np.float32)


def test_similar_pairs_are_the_block_products_pairs_with_exact_cosines():
    texts, vectors = unit_rows(5, 600)
    exact = similarity.similar_pairs(texts, vectors, 0.7)
    blocks = block_pairs(vectors, 0.7)
    assert [(i, j) for i, j, _ in exact] == [(i, j) for i, j, _ in blocks]
    assert max(abs(a[2] - b[2]) for a, b in zip(exact, blocks, strict=True)) < 1e-5
    i, j, value = exact[0]
    assert value == similarity.exact_cosine(vectors[i], vectors[j])
    # a pair's cosine does not depend on what else it is computed with
    part = similarity.similar_pairs(texts[: j + 1], vectors[: j + 1], 0.7)
    assert (i, j, value) in part


@pytest.mark.parametrize("seed", [82, 83])
def test_cosine_links_are_every_pair_holding_a_fresh_row(seed):
    # a block of fresh rows against the rows it can pair with only: whichever rows are fresh, scattered or all,
    # every pair with a fresh row that reaches the threshold, once, with its exact cosine
    _, vectors = unit_rows(seed, 500)
    rows = np.unique(vectors, axis=0)  # distinct rows, as ``similar_pairs`` gives them
    rng = np.random.default_rng(seed)
    for share in (1.0, 0.7, 0.2):
        fresh = [n for n in range(len(rows)) if share == 1.0 or rng.random() < share]
        chosen = set(fresh)
        expected = [(i, j) for i, j, _ in block_pairs(rows, 0.7) if i in chosen or j in chosen]
        found = similarity.cosine_links(rows, fresh[::-1], 0.7)
        assert sorted((i, j) for i, j, _ in found) == expected
        assert all(value == similarity.exact_cosine(rows[i], rows[j]) for i, j, value in found)


def test_similar_pairs_kept_are_read_and_only_new_texts_scored(monkeypatch):
    texts, vectors = unit_rows(7, 500)
    articles = articles_of([texts[n : n + 50] for n in range(0, 500, 50)])
    pieces = Pieces(Source())
    cold = similarity.similar_pairs(texts, vectors, 0.7)
    assert similarity.similar_pairs(texts[:400], vectors[:400], 0.7, articles[:8], pieces) == [
        p for p in cold if p[1] < 400
    ]
    calls = spied(monkeypatch, "cosine_links")
    assert similarity.similar_pairs(texts, vectors, 0.7, articles, pieces) == cold
    distinct, _ = similarity.unique_texts(texts)
    new = {n for n, t in enumerate(distinct) if t not in set(texts[:400])}
    assert len(calls) == 1 and set(calls[0]) == new
    # an entry of another shape is not trusted: everything scored again, the same pairs
    source = pieces.source
    assert isinstance(source, Source)
    for key in source.kept:
        source.kept[key] = {"texts": source.kept[key]["texts"], "pairs": [[0, 1, "high"]]}
    assert similarity.similar_pairs(texts, vectors, 0.7, articles, pieces) == cold
    assert len(calls[-1]) == len(distinct)
    assert similarity.similar_pairs(texts, vectors, 0.7, articles, NO_PIECES) == cold
