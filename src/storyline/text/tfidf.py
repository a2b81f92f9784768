"""TF-IDF, once, for every stage that weighs words: the summary's features, the timeline, article groups.

One weighting — sublinear term frequency times smoothed IDF, rows L2-normalised:
``(1 + log tf) x (1 + log((1 + n) / (1 + df)))`` — over whatever tokens a ``tokenizer`` gives for each
document. ``tfidf_weights`` returns the rows as ``{column: weight}`` dictionaries (what the summary's
pure-Python features iterate over); ``tfidf_matrix`` returns a SciPy CSR matrix with the vocabulary in
sorted order, the same weights as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` with the same
stop words (``tests/test_tfidf.py`` checks both), without importing scikit-learn: it costs about a
second of start-up, and the report's whole budget on five articles is five seconds.

>>> weights = tfidf_weights([["assad", "assad", "fled"], ["assad"]], tokenizer=list)
>>> weights.vocabulary
{'assad': 0, 'fled': 1}
>>> weights.document_frequency
[2, 1]
>>> round(weights.rows[1][0], 6)
1.0
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

import numpy as np
from scipy.sparse import csr_matrix

from .similarity import STOPWORDS

Document = TypeVar("Document")

# scikit-learn's default token pattern: runs of two or more word characters.
TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str, stop_words: Collection[str] = STOPWORDS) -> list[str]:
    """The text's lower-cased tokens of two or more word characters, stop words dropped."""
    return [token for token in TOKEN.findall(text.lower()) if token not in stop_words]


@functools.cache
def english_stop_words() -> frozenset[str]:
    """The Glasgow IR group's English stop list, as scikit-learn ships it (318 words, ``data/``)."""
    text = resources.files("storyline").joinpath("data/english_stop_words.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(word for line in lines for word in line.split())


@dataclass
class TfidfWeights:
    """L2-normalised TF-IDF rows of some documents.

    ``vocabulary`` maps each term to its column, numbered in the order terms are first met;
    ``rows[i]`` holds document i's weights, its columns in the order of their first occurrence in
    that document; ``document_frequency[c]`` is how many documents contain column c's term.
    """

    vocabulary: dict[str, int]
    rows: list[dict[int, float]]
    document_frequency: list[int]


def tfidf_weights(
    documents: Sequence[Document],
    tokenizer: Callable[[Document], Iterable[str]],
    sorted_vocabulary: bool = False,
) -> TfidfWeights:
    """TF-IDF of each document's tokens (``tokenizer(document)``), IDF taken over ``documents``.

    Columns are numbered in the order terms are first met, or in the terms' sorted order when
    ``sorted_vocabulary`` (then each row's columns are in increasing order too). The order only
    decides the order of summation, so the last bits of a weight; the weights are the same.
    A document without tokens gets an empty row.
    """
    vocabulary: dict[str, int] = {}
    counts: list[dict[int, int]] = []
    for document in documents:
        bag: dict[int, int] = {}
        for token in tokenizer(document):
            column = vocabulary.setdefault(token, len(vocabulary))
            bag[column] = bag.get(column, 0) + 1
        counts.append(bag)
    if sorted_vocabulary:
        renumbered = {column: rank for rank, (_, column) in enumerate(sorted(vocabulary.items()))}
        vocabulary = {term: renumbered[column] for term, column in sorted(vocabulary.items())}
        counts = [
            {renumbered[c]: n for c, n in sorted(bag.items(), key=lambda item: renumbered[item[0]])}
            for bag in counts
        ]
    n = len(documents)
    document_frequency = [0] * len(vocabulary)
    for bag in counts:
        for column in bag:
            document_frequency[column] += 1
    idf = [math.log((1.0 + n) / (1.0 + df)) + 1.0 for df in document_frequency]
    rows: list[dict[int, float]] = []
    for bag in counts:
        weights = {column: (1.0 + math.log(count)) * idf[column] for column, count in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        rows.append({column: w / norm for column, w in weights.items()})
    return TfidfWeights(vocabulary=vocabulary, rows=rows, document_frequency=document_frequency)


def tfidf_matrix(
    texts: Sequence[Document],
    stop_words: Collection[str] = STOPWORDS,
    tokenizer: Callable[[Document], Iterable[str]] | None = None,
) -> csr_matrix:
    """One L2-normalised row per text, columns the vocabulary in sorted order (as scikit-learn orders them).

    The tokens are ``terms(text, stop_words)`` unless a ``tokenizer`` is given (then ``stop_words`` is
    not used: the tokenizer decides what counts).
    """
    if tokenizer is None:
        words: Callable[[Document], Iterable[str]] = lambda text: terms(str(text), stop_words)  # noqa: E731
    else:
        words = tokenizer
    weights = tfidf_weights(texts, words, sorted_vocabulary=True)
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for row in weights.rows:
        indices.extend(row.keys())
        data.extend(row.values())
        indptr.append(len(indices))
    return csr_matrix(
        (
            np.array(data, dtype=np.float64),
            np.array(indices, dtype=np.int32),
            np.array(indptr, dtype=np.int32),
        ),
        shape=(len(texts), len(weights.vocabulary)),
    )


def l2_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row divided by its Euclidean length (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0.0, 1.0, norms)
