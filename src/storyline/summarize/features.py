"""Sentence features for content selection: salience across documents, position, agreement, form.

Everything is computed from the pool itself (no corpus statistics are shipped): TF-IDF over the
pool's candidate sentences, the pool's centroid, a LexRank-style centrality, how many of the other
articles say something similar, and where the sentence sits in its article. ``FEATURES`` names the
columns of the matrix ``pool_features`` returns; the learned scorer stores its coefficients by
these names, so a column may be added without breaking a shipped model (it gets weight 0).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text.similarity import content_words
from ..text.tfidf import tfidf_weights
from .candidates import Candidate, Pool

FEATURES = (
    "position_inverse",
    "position_first",
    "position_relative",
    "eligible_rank_inverse",
    "paragraph_relative",
    "paragraph_opening",
    "length_log",
    "length_short",
    "length_long",
    "centroid",
    "centrality",
    "word_document_share",
    "word_probability",
    "support",
    "max_other_similarity",
    "copies",
    "entity_density",
    "has_number",
    "has_quote",
    "opens_with_quote",
    "open_quote",
    "first_person",
    "question",
    "attribution",
    "title_overlap",
    "article_count_log",
    "article_centrality",
    "article_share",
    "pronoun_start",
    "connective_start",
    "centroid_percentile",
    "centrality_percentile",
    "keyword_mass",
    "top_keywords",
)

QUOTE_CHARS = re.compile(r"[\"“”]")
NUMBER = re.compile(r"\d")
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|me|my|we|We|our|Our|us)\b")
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|reports|announced|stated)\b")
PRONOUN_START = re.compile(r"^[\"“]?(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those)\b")
CONNECTIVE_START = re.compile(
    r"^[\"“]?(?:But|And|So|Also|However|Still|Yet|Meanwhile|Instead|Then|Besides|Moreover|Indeed)\b"
)


@dataclass
class PoolVectors:
    """TF-IDF of the pool's candidates (L2-normalised rows, as ``{column: weight}``) and their cosines."""

    rows: list[dict[int, float]]
    similarity: np.ndarray


def vectorize(pool: Pool) -> PoolVectors:
    """TF-IDF of each candidate's content words, IDF taken over the pool's candidates (``text.tfidf``).

    Only words that two or more candidates share can make two candidates alike, so the cosine
    matrix is a product over those columns alone (small and dense, no sparse-matrix library).
    """
    weights = tfidf_weights(pool.candidates, tokenizer=candidate_words)
    rows, document_frequency = weights.rows, weights.document_frequency
    n = len(pool.candidates)
    position: dict[int, int] = {}
    for column, df in enumerate(document_frequency):
        if df >= 2:
            position[column] = len(position)
    dense = np.zeros((n, len(position)), dtype=np.float32)
    for i, row in enumerate(rows):
        for column, weight in row.items():
            k = position.get(column)
            if k is not None:
                dense[i, k] = weight
    with single_threaded_blas(n):
        similarity = (dense @ dense.T).astype(np.float64)
    # A row's own words (shared or not) make its cosine with itself 1 (0 for a row without words).
    np.fill_diagonal(similarity, [1.0 if row else 0.0 for row in rows])
    return PoolVectors(rows=rows, similarity=similarity)


def candidate_words(candidate: Candidate) -> list[str]:
    """A candidate's tokens for TF-IDF: its content words (``storyline.text.similarity.content_words``)."""
    return candidate.words


SMALL_PRODUCT = 64


@functools.cache
def blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def single_threaded_blas(size: int = SMALL_PRODUCT) -> AbstractContextManager[Any]:
    """One BLAS thread for the small products here: on a busy machine, threads only wait on each other.

    ``size`` is the matrix side; below ``SMALL_PRODUCT`` the product is too small to be split into
    threads anyway, and setting the limit would cost more than the product.
    """
    if size < SMALL_PRODUCT:
        return nullcontext()
    return blas_controller().limit(limits=1, user_api="blas")  # type: ignore[no-any-return]


def dot(row: dict[int, float], other: dict[int, float]) -> float:
    if len(other) < len(row):
        row, other = other, row
    return sum(weight * other.get(column, 0.0) for column, weight in row.items())


def summed(rows: list[dict[int, float]]) -> dict[int, float]:
    total: dict[int, float] = {}
    for row in rows:
        for column, weight in row.items():
            total[column] = total.get(column, 0.0) + weight
    return total


def norm(row: dict[int, float]) -> float:
    return math.sqrt(sum(w * w for w in row.values()))


def centrality(similarity: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """Continuous LexRank (Erkan & Radev 2004): the stationary walk over cosine-weighted edges."""
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    weights = similarity.copy()
    np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, totals, out=np.full_like(weights, 1.0 / n), where=totals > 0)
    rank = np.full(n, 1.0 / n)
    with single_threaded_blas(n):
        for _ in range(iterations):
            updated = (1 - damping) / n + damping * (rank @ transition)
            if np.abs(updated - rank).sum() < 1e-6:
                rank = updated
                break
            rank = updated
    return rank * n


def pool_features(pool: Pool, vectors: PoolVectors | None = None) -> np.ndarray:
    """One row per candidate, one column per name in ``FEATURES``."""
    n = len(pool.candidates)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    vectors = vectors or vectorize(pool)
    similarity = vectors.similarity
    articles = pool.articles
    n_articles = len(articles)
    candidates = pool.candidates
    carried_by = [c.articles for c in candidates]
    word_sets = [set(c.words) for c in candidates]

    # Where each candidate's first occurrence sits among its article's eligible sentences.
    eligible_rank: dict[tuple[int, int], int] = {}
    per_article: dict[int, set[int]] = {}
    for candidate in candidates:
        for occurrence in candidate.occurrences:
            per_article.setdefault(occurrence.article, set()).add(occurrence.sentence.index)
    for article, indices in per_article.items():
        for rank, index in enumerate(sorted(indices)):
            eligible_rank[(article, index)] = rank

    # Word statistics across the pool: how many articles use a word, and how often it occurs.
    word_articles: dict[str, set[int]] = {}
    word_count: dict[str, int] = {}
    for candidate, carriers in zip(candidates, carried_by):
        copies = len(candidate.occurrences)
        for word in candidate.words:
            word_count[word] = word_count.get(word, 0) + copies
        for word in set(candidate.words):
            word_articles.setdefault(word, set()).update(carriers)
    word_spread = {w: len(a) for w, a in word_articles.items()}
    total_words = max(1, sum(word_count.values()))
    top_probability = max(word_count.values(), default=1) / total_words

    centroid = summed(vectors.rows)
    centroid_norm = norm(centroid) or 1.0
    centroid_similarity = np.array([dot(row, centroid) for row in vectors.rows]) / centroid_norm
    lexrank = centrality(similarity)

    # Article vectors (sum of their candidates' rows) for article-level centrality.
    owner = np.array([c.first.article for c in candidates])
    article_centrality = np.zeros(n_articles)
    for article in range(n_articles):
        vector = summed([vectors.rows[i] for i in np.flatnonzero(owner == article)])
        if vector:
            article_centrality[article] = dot(vector, centroid) / ((norm(vector) or 1.0) * centroid_norm)
    article_sentences = np.array([max(1, len(a.sentences)) for a in articles], dtype=float)
    article_share = article_sentences / article_sentences.sum()

    # Similarity to the most similar candidate of each other article (support from other outlets).
    best_other = np.full((n, n_articles), -np.inf)
    for article in range(n_articles):
        rows = np.flatnonzero(owner == article)
        if rows.size:
            best_other[:, article] = similarity[:, rows].max(axis=1)
    for i, carriers in enumerate(carried_by):
        best_other[i, carriers] = np.nan  # an article that carries the sentence does not support it
    others = np.where(np.isnan(best_other), -np.inf, np.where(np.isinf(best_other), 0.0, best_other))
    not_carrying = n_articles - np.array([len(c) for c in carried_by])
    support = (others >= 0.3).sum(axis=1) / max(1, n_articles - 1)
    max_other = np.where(not_carrying > 0, np.maximum(others.max(axis=1), 0.0), 0.0)

    entity_starts = [sorted(e.start for e in a.entities) for a in articles]
    title_words = [set(content_words(a.title)) if a.title else set() for a in articles]
    paragraphs = [max(1, a.sentences[-1].paragraph + 1) if a.sentences else 1 for a in articles]
    columns: dict[str, list[float]] = {name: [] for name in FEATURES}
    for i, candidate in enumerate(candidates):
        first = candidate.first
        source = articles[first.article]
        sentence = first.sentence
        text = candidate.text
        unique_words = word_sets[i]
        index = min(o.sentence.index for o in candidate.occurrences)
        rank = min(eligible_rank[(o.article, o.sentence.index)] for o in candidate.occurrences)
        previous = source.sentences[sentence.index - 1] if sentence.index > 0 else None
        starts = entity_starts[first.article]
        entities = bisect.bisect_left(starts, sentence.end) - bisect.bisect_left(starts, sentence.start)
        quotes = len(QUOTE_CHARS.findall(text))
        title = title_words[first.article]
        values = {
            "position_inverse": 1.0 / (1.0 + index),
            "position_first": float(rank == 0),
            "position_relative": sentence.index / max(1, len(source.sentences)),
            "eligible_rank_inverse": 1.0 / (1.0 + rank),
            "paragraph_relative": sentence.paragraph / paragraphs[first.article],
            "paragraph_opening": float(previous is None or previous.paragraph != sentence.paragraph),
            "length_log": math.log(candidate.length),
            "length_short": float(candidate.length < 10),
            "length_long": float(candidate.length > 40),
            "word_document_share": (
                sum(word_spread[w] for w in unique_words) / (len(unique_words) * n_articles)
                if unique_words
                else 0.0
            ),
            "word_probability": (
                sum(word_count[w] for w in unique_words) / (len(unique_words) * total_words) / top_probability
                if unique_words
                else 0.0
            ),
            "copies": math.log(len(carried_by[i])),
            "entity_density": entities / candidate.length,
            "has_number": float(bool(NUMBER.search(text))),
            "has_quote": float(quotes > 0),
            "opens_with_quote": float(text[:1] in '"“'),
            "open_quote": float(quotes % 2 == 1),
            "first_person": float(bool(FIRST_PERSON.search(text))),
            "question": float(text.rstrip("\"'”’)").endswith("?")),
            "attribution": float(bool(ATTRIBUTION.search(text))),
            "title_overlap": len(title & unique_words) / len(title) if title and unique_words else 0.0,
            "pronoun_start": float(bool(PRONOUN_START.search(text))),
            "connective_start": float(bool(CONNECTIVE_START.search(text))),
        }
        for name, value in values.items():
            columns[name].append(value)
    features = np.zeros((n, len(FEATURES)))
    for k, name in enumerate(FEATURES):
        if columns[name]:
            features[:, k] = columns[name]
    column = {name: k for k, name in enumerate(FEATURES)}
    features[:, column["centroid"]] = centroid_similarity
    features[:, column["centrality"]] = lexrank
    features[:, column["support"]] = support
    features[:, column["max_other_similarity"]] = max_other
    features[:, column["article_count_log"]] = math.log(n_articles)
    features[:, column["article_centrality"]] = article_centrality[owner]
    features[:, column["article_share"]] = article_share[owner]
    # Pool-relative versions: clusters differ in scale, the rank within the cluster does not.
    features[:, column["centroid_percentile"]] = percentile(centroid_similarity)
    features[:, column["centrality_percentile"]] = percentile(lexrank)
    # How much of the cluster's vocabulary mass a sentence covers (a sum, so longer sentences that
    # say more of the story score higher, as ROUGE recall rewards).
    mass = np.array([sum(word_count[w] * word_spread[w] for w in words) for words in word_sets], dtype=float)
    features[:, column["keyword_mass"]] = mass / (mass.max() or 1.0)
    keywords = set(sorted(word_count, key=lambda w: (-word_count[w] * word_spread[w], w))[:10])
    features[:, column["top_keywords"]] = [len(keywords & words) / 10 for words in word_sets]
    return features


def percentile(values: np.ndarray) -> np.ndarray:
    """Each value's rank within the array, scaled to [0, 1]; equal values (to 9 decimals) share the lower rank."""
    if values.size <= 1:
        return np.ones_like(values)
    rounded = np.round(values, 9)
    return np.searchsorted(np.sort(rounded), rounded, side="left") / (values.size - 1)
