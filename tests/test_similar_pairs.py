"""Near-copy groups and similar pairs (``text.similarity``), kept between briefs: the groups of the exact Jaccard
graph and the pairs of the whole square of cosines that share the rare words asked, and after new texts only the
pairs holding a new text are scored."""

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
    """The fresh texts (as indices into the distinct texts) each call of ``name`` looks up, from now on."""
    calls: list[list[int]] = []
    real = getattr(similarity, name)

    def spy(*args: Any) -> Any:
        calls.append(list(args[2]))
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


# made-up words of consonants only (no stop word, no suffix the light stem strips), the first few used by
# most texts (what ``SharedRare`` leaves out as common)
VOCABULARY = ["".join(random.Random(n).choices("bcdfghjklmnpqrtvwxz", k=5)) for n in range(40)]
COMMON = frozenset(VOCABULARY[:6])


def unit_rows(seed: int, count: int, width: int = 64) -> tuple[list[str], np.ndarray]:
    """Texts with unit vectors, many close to an earlier one in both (a word or two changed), some repeated (the
    same text, the same row)."""
    rng = np.random.default_rng(seed)
    rows: list[np.ndarray] = []
    texts: list[str] = []
    for _ in range(count):
        if rows and rng.random() < 0.5:
            k = int(rng.integers(len(rows)))
            if rng.random() < 0.2:
                rows.append(rows[k])
                texts.append(texts[k])
                continue
            row = rows[k] + rng.normal(0, 0.08, width).astype(np.float32)
            words = texts[k].split()
            for _ in range(int(rng.integers(3))):
                words[int(rng.integers(len(words)))] = VOCABULARY[int(rng.integers(len(VOCABULARY)))]
        else:
            row = rng.normal(0, 1, width).astype(np.float32)
            words = [VOCABULARY[int(k)] for k in rng.integers(len(VOCABULARY), size=int(rng.integers(3, 8)))]
        while " ".join(words) in texts:  # another row is another text
            words.append(VOCABULARY[int(rng.integers(len(VOCABULARY)))])
        rows.append((row / np.linalg.norm(row)).astype(np.float32))
        texts.append(" ".join(words))
    return texts, np.vstack(rows).astype(np.float32)


def rare_shared(texts: list[str], common: frozenset[str]) -> dict[tuple[int, int], int]:
    """Every pair (i < j) of ``texts`` with the count of content words they share that are not ``common``."""
    bags = [frozenset(content_words(t)) for t in texts]
    return {(i, j): len((bags[i] & bags[j]) - common) for j in range(len(texts)) for i in range(j)}


def test_similar_pairs_are_the_block_products_pairs_sharing_rare_words_with_exact_cosines():
    texts, vectors = unit_rows(5, 600)
    shared = rare_shared(texts, COMMON)
    for least in (1, 2, 3):
        exact = similarity.similar_pairs(texts, vectors, 0.7, similarity.SharedRare(COMMON, least))
        blocks = [p for p in block_pairs(vectors, 0.7) if shared[p[0], p[1]] >= least]
        assert [(i, j) for i, j, _ in exact] == [(i, j) for i, j, _ in blocks]
        assert max(abs(a[2] - b[2]) for a, b in zip(exact, blocks, strict=True)) < 1e-5
        assert len(blocks) > 50  # the words leave pairs to find, and leave some out
        assert len(blocks) < len(block_pairs(vectors, 0.7))
    i, j, value = exact[0]
    assert value == similarity.exact_cosine(vectors[i], vectors[j])
    # a pair's cosine does not depend on what it is computed with
    part = similarity.similar_pairs(texts[: j + 1], vectors[: j + 1], 0.7, similarity.SharedRare(COMMON, 3))
    assert (i, j, value) in part
    with pytest.raises(ValueError, match="1 or more"):
        similarity.similar_pairs(texts, vectors, 0.7, similarity.SharedRare(COMMON, 0))


@pytest.mark.parametrize("seed", [84, 85])
def test_rare_pairs_are_every_pair_holding_a_looked_up_text_that_shares_the_rare_words(seed):
    # a block of looked-up texts against the texts it can pair with only: whichever texts are looked up,
    # scattered or all, every pair with one of them that shares the rare words asked, once
    texts, _ = unit_rows(seed, 300)
    distinct, _ = similarity.unique_texts(texts)
    bags = [frozenset(content_words(t)) for t in distinct]
    shared = rare_shared(distinct, COMMON)
    rng = random.Random(seed)
    for least in (1, 2, 4):
        for share in (1.0, 0.7, 0.2):
            look_up = [n for n in range(len(distinct)) if share == 1.0 or rng.random() < share]
            chosen = set(look_up)
            expected = sorted(
                (i, j) for (i, j), count in shared.items() if count >= least and (i in chosen or j in chosen)
            )
            assert expected
            found = similarity.rare_pairs(bags, similarity.SharedRare(COMMON, least), look_up[::-1])
            assert sorted(tuple(p) for p in found.tolist()) == expected


def test_similar_pairs_kept_are_read_and_only_new_texts_scored(monkeypatch):
    texts, vectors = unit_rows(7, 500)
    articles = articles_of([texts[n : n + 50] for n in range(0, 500, 50)])
    pieces = Pieces(Source())
    rare = similarity.SharedRare(COMMON, 2)
    cold = similarity.similar_pairs(texts, vectors, 0.7, rare)
    assert similarity.similar_pairs(texts[:400], vectors[:400], 0.7, rare, articles[:8], pieces) == [
        p for p in cold if p[1] < 400
    ]
    calls = spied(monkeypatch, "rare_pairs")
    assert similarity.similar_pairs(texts, vectors, 0.7, rare, articles, pieces) == cold
    distinct, _ = similarity.unique_texts(texts)
    new = {n for n, t in enumerate(distinct) if t not in set(texts[:400])}
    assert len(calls) == 1 and set(calls[0]) == new
    # the same texts again: nothing looked up
    assert similarity.similar_pairs(texts, vectors, 0.7, rare, articles, pieces) == cold
    assert len(calls) == 1
    # an entry of another shape is not trusted: everything scored again, the same pairs
    source = pieces.source
    assert isinstance(source, Source)
    for key in source.kept:
        source.kept[key] = {**source.kept[key], "pairs": [[0, 1, "high"]]}
    assert similarity.similar_pairs(texts, vectors, 0.7, rare, articles, pieces) == cold
    assert len(calls[-1]) == len(distinct)
    for key in source.kept:
        source.kept[key] = {k: v for k, v in source.kept[key].items() if k != "common"}
    assert similarity.similar_pairs(texts, vectors, 0.7, rare, articles, pieces) == cold
    assert len(calls[-1]) == len(distinct)
    assert similarity.similar_pairs(texts, vectors, 0.7, rare, articles, NO_PIECES) == cold


def test_similar_pairs_kept_under_other_common_words_are_the_pairs_of_the_words_common_now(monkeypatch):
    # which words are common depends on the whole collection: a word common for the first brief and rare for
    # the next makes pairs of old texts candidates that the first never scored; a word rare then and common now
    # unmakes kept pairs
    texts, vectors = unit_rows(9, 500)
    articles = articles_of([texts[n : n + 50] for n in range(0, 500, 50)])
    then = similarity.SharedRare(frozenset(VOCABULARY[:8]), 2)
    now = similarity.SharedRare(frozenset(VOCABULARY[4:12]), 2)
    cold = similarity.similar_pairs(texts, vectors, 0.7, now)
    assert cold != similarity.similar_pairs(texts, vectors, 0.7, then)
    pieces = Pieces(Source())
    similarity.similar_pairs(texts[:400], vectors[:400], 0.7, then, articles[:8], pieces)
    calls = spied(monkeypatch, "rare_pairs")
    assert similarity.similar_pairs(texts, vectors, 0.7, now, articles, pieces) == cold
    distinct, _ = similarity.unique_texts(texts)
    old = set(texts[:400])
    again = {n for n, t in enumerate(distinct) if set(t.split()) & set(VOCABULARY[:4])}
    assert set(calls[0]) == {n for n, t in enumerate(distinct) if t not in old} | (
        again & {n for n, t in enumerate(distinct) if t in old}
    )
    assert len(calls[0]) < len(distinct)
