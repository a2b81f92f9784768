"""TF-IDF rows for a small set of texts, as sparse matrices, without importing scikit-learn.

scikit-learn's ``TfidfVectorizer`` costs about a second of start-up (it pulls in much of SciPy) and
the report's whole budget on five articles is five seconds. This computes the same weights as
``TfidfVectorizer(token_pattern=r"(?u)\\b\\w\\w+\\b", lowercase=True, sublinear_tf=True,
smooth_idf=True, norm="l2")`` with the given stop words — ``tests/test_tfidf.py`` checks it against
scikit-learn — and returns a SciPy CSR matrix (``scipy.sparse`` alone is light).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence

import numpy as np
from scipy.sparse import csr_matrix

from .similarity import STOPWORDS

# scikit-learn's default token pattern: runs of two or more word characters.
TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str, stop_words: Collection[str] = STOPWORDS) -> list[str]:
    """The text's lower-cased tokens of two or more word characters, stop words dropped."""
    return [token for token in TOKEN.findall(text.lower()) if token not in stop_words]


def tfidf_matrix(texts: Sequence[str], stop_words: Collection[str] = STOPWORDS) -> csr_matrix:
    """One L2-normalized row per text: (1 + log tf) x (1 + log((1 + n) / (1 + df))).

    Columns are the vocabulary in sorted order, as scikit-learn orders them.
    """
    counts = [Counter(terms(text, stop_words)) for text in texts]
    frequency: Counter[str] = Counter()
    for row in counts:
        frequency.update(row.keys())
    vocabulary = {term: column for column, term in enumerate(sorted(frequency))}
    n = len(texts)
    idf = {term: 1.0 + math.log((1 + n) / (1 + df)) for term, df in frequency.items()}
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for row in counts:
        weighted = sorted((vocabulary[term], (1.0 + math.log(tf)) * idf[term]) for term, tf in row.items())
        norm = math.sqrt(sum(weight * weight for _, weight in weighted)) or 1.0
        indices.extend(column for column, _ in weighted)
        data.extend(weight / norm for _, weight in weighted)
        indptr.append(len(indices))
    return csr_matrix(
        (
            np.array(data, dtype=np.float64),
            np.array(indices, dtype=np.int32),
            np.array(indptr, dtype=np.int32),
        ),
        shape=(n, len(vocabulary)),
    )


def l2_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row divided by its Euclidean length (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0.0, 1.0, norms)
