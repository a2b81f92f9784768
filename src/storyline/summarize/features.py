"""Sentence features for content selection: salience across documents, position, agreement, form.

Everything is computed from the pool itself (no corpus statistics are shipped): TF-IDF over the
pool's candidate sentences, the pool's centroid, a LexRank-style centrality, how many of the other
articles say something similar, and where the sentence sits in its article. ``FEATURES`` names the
columns of the matrix ``pool_features`` returns; the learned scorer stores its coefficients by
these names, so a column may be added without breaking a shipped model (it gets weight 0).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .candidates import Pool

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
    """TF-IDF rows (L2-normalised) of the pool's candidates, and their pairwise cosine similarity."""

    tfidf: sparse.csr_matrix
    similarity: np.ndarray


def vectorize(pool: Pool) -> PoolVectors:
    """TF-IDF of each candidate's content words, IDF taken over the pool's candidates."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    counts: list[float] = []
    for row, candidate in enumerate(pool.candidates):
        bag: dict[int, int] = {}
        for word in candidate.words:
            column = vocabulary.setdefault(word, len(vocabulary))
            bag[column] = bag.get(column, 0) + 1
        for column, count in bag.items():
            rows.append(row)
            cols.append(column)
            counts.append(1.0 + math.log(count))
    n = len(pool.candidates)
    matrix = sparse.csr_matrix((counts, (rows, cols)), shape=(n, max(1, len(vocabulary))), dtype=np.float64)
    document_frequency = np.bincount(np.asarray(cols, dtype=np.int64), minlength=matrix.shape[1])
    idf = np.log((1.0 + n) / (1.0 + document_frequency)) + 1.0
    matrix = matrix.multiply(idf.reshape(1, -1)).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix
    similarity = np.asarray((matrix @ matrix.T).todense())
    return PoolVectors(tfidf=matrix.tocsr(), similarity=similarity)


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

    # Where each candidate's first occurrence sits among its article's eligible sentences.
    eligible_rank: dict[tuple[int, int], int] = {}
    per_article: dict[int, list[int]] = {}
    for candidate in pool.candidates:
        for occurrence in candidate.occurrences:
            per_article.setdefault(occurrence.article, []).append(occurrence.sentence.index)
    for article, indices in per_article.items():
        for rank, index in enumerate(sorted(set(indices))):
            eligible_rank[(article, index)] = rank

    # Word statistics across the pool: share of articles using a word, and its probability.
    word_articles: dict[str, set[int]] = {}
    word_count: dict[str, int] = {}
    for candidate in pool.candidates:
        for word in candidate.words:
            word_count[word] = word_count.get(word, 0) + len(candidate.occurrences)
            word_articles.setdefault(word, set()).update(candidate.articles)
    total_words = max(1, sum(word_count.values()))
    top_probability = max(word_count.values(), default=1) / total_words

    centroid = np.asarray(vectors.tfidf.sum(axis=0)).ravel()
    centroid_norm = np.linalg.norm(centroid) or 1.0
    centroid_similarity = (vectors.tfidf @ centroid) / centroid_norm
    lexrank = centrality(similarity)

    # Article vectors (sum of their candidates' rows) for article-level centrality.
    owner = np.array([c.first.article for c in pool.candidates])
    article_vectors = np.zeros((n_articles, vectors.tfidf.shape[1]))
    for article in range(n_articles):
        rows = np.flatnonzero(owner == article)
        if rows.size:
            article_vectors[article] = np.asarray(vectors.tfidf[rows].sum(axis=0)).ravel()
    article_norms = np.linalg.norm(article_vectors, axis=1)
    article_centrality = (article_vectors @ centroid) / (
        np.where(article_norms > 0, article_norms, 1.0) * centroid_norm
    )
    article_sentences = np.array([max(1, len(a.sentences)) for a in articles], dtype=float)
    article_share = article_sentences / article_sentences.sum()

    # Similarity to the most similar candidate of each other article (support from other outlets).
    carried_by = [set(c.articles) for c in pool.candidates]
    best_other = np.zeros((n, n_articles))
    for article in range(n_articles):
        rows = np.flatnonzero(owner == article)
        if rows.size:
            best_other[:, article] = similarity[:, rows].max(axis=1)
    for i, articles_of_i in enumerate(carried_by):
        for article in articles_of_i:
            best_other[i, article] = 0.0

    features = np.zeros((n, len(FEATURES)))
    column = {name: k for k, name in enumerate(FEATURES)}
    for i, candidate in enumerate(pool.candidates):
        first = candidate.first
        article = articles[first.article]
        sentence = first.sentence
        text = candidate.text
        row = features[i]
        index = min(o.sentence.index for o in candidate.occurrences)
        rank = min(eligible_rank[(o.article, o.sentence.index)] for o in candidate.occurrences)
        paragraphs = max(1, article.sentences[-1].paragraph + 1) if article.sentences else 1
        row[column["position_inverse"]] = 1.0 / (1.0 + index)
        row[column["position_first"]] = float(rank == 0)
        row[column["position_relative"]] = sentence.index / max(1, len(article.sentences))
        row[column["eligible_rank_inverse"]] = 1.0 / (1.0 + rank)
        row[column["paragraph_relative"]] = sentence.paragraph / paragraphs
        previous = article.sentences[sentence.index - 1] if sentence.index > 0 else None
        row[column["paragraph_opening"]] = float(previous is None or previous.paragraph != sentence.paragraph)
        row[column["length_log"]] = math.log(candidate.length)
        row[column["length_short"]] = float(candidate.length < 10)
        row[column["length_long"]] = float(candidate.length > 40)
        row[column["centroid"]] = centroid_similarity[i]
        row[column["centrality"]] = lexrank[i]
        unique_words = set(candidate.words)
        if unique_words:
            row[column["word_document_share"]] = sum(len(word_articles[w]) for w in unique_words) / (
                len(unique_words) * n_articles
            )
            row[column["word_probability"]] = (
                sum(word_count[w] for w in unique_words) / (len(unique_words) * total_words) / top_probability
            )
        if n_articles > 1:
            others = np.delete(best_other[i], list(carried_by[i]))
            row[column["support"]] = float((others >= 0.3).sum()) / (n_articles - 1)
            row[column["max_other_similarity"]] = float(others.max()) if others.size else 0.0
        row[column["copies"]] = math.log(len(carried_by[i]))
        entities = sum(1 for e in article.entities if sentence.start <= e.start < sentence.end)
        row[column["entity_density"]] = entities / candidate.length
        row[column["has_number"]] = float(bool(NUMBER.search(text)))
        quotes = len(QUOTE_CHARS.findall(text))
        row[column["has_quote"]] = float(quotes > 0)
        row[column["opens_with_quote"]] = float(text[:1] in '"“')
        row[column["open_quote"]] = float(quotes % 2 == 1)
        row[column["first_person"]] = float(bool(FIRST_PERSON.search(text)))
        row[column["question"]] = float(text.rstrip("\"'”’)").endswith("?"))
        row[column["attribution"]] = float(bool(ATTRIBUTION.search(text)))
        if article.title:
            title_words = set(candidate_words(article.title))
            if title_words and unique_words:
                row[column["title_overlap"]] = len(title_words & unique_words) / len(title_words)
        row[column["article_count_log"]] = math.log(n_articles)
        row[column["article_centrality"]] = article_centrality[first.article]
        row[column["article_share"]] = article_share[first.article]
        row[column["pronoun_start"]] = float(bool(PRONOUN_START.search(text)))
        row[column["connective_start"]] = float(bool(CONNECTIVE_START.search(text)))
    # Pool-relative versions: clusters differ in scale, the rank within the cluster does not.
    features[:, column["centroid_percentile"]] = percentile(centroid_similarity)
    features[:, column["centrality_percentile"]] = percentile(lexrank)
    # How much of the cluster's vocabulary mass a sentence covers (a sum, so longer sentences that
    # say more of the story score higher, as ROUGE recall rewards).
    mass = np.array(
        [sum(word_count[w] * len(word_articles[w]) for w in set(c.words)) for c in pool.candidates],
        dtype=float,
    )
    features[:, column["keyword_mass"]] = mass / (mass.max() or 1.0)
    keywords = set(sorted(word_count, key=lambda w: (-word_count[w] * len(word_articles[w]), w))[:10])
    features[:, column["top_keywords"]] = [len(keywords & set(c.words)) / 10 for c in pool.candidates]
    return features


def percentile(values: np.ndarray) -> np.ndarray:
    """Each value's rank within the array, scaled to [0, 1] (ties share the lower rank)."""
    if values.size <= 1:
        return np.ones_like(values)
    order = np.argsort(np.argsort(values, kind="stable"), kind="stable")
    return order / (values.size - 1)


def candidate_words(text: str) -> list[str]:
    from ..similarity import content_words

    return content_words(text)
