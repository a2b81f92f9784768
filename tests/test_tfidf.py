"""TF-IDF without scikit-learn gives scikit-learn's weights."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.text.similarity import STOPWORDS
from storyline.text.tfidf import l2_rows, terms, tfidf_matrix
from tests.conftest import SAMPLES


def sample_sentences() -> list[str]:
    lines = []
    for path in sorted(SAMPLES.glob("*.txt")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


def test_same_weights_as_scikit_learn_on_the_samples():
    texts = sample_sentences()
    assert len(texts) > 50
    ours = tfidf_matrix(texts)
    theirs = TfidfVectorizer(stop_words=sorted(STOPWORDS), sublinear_tf=True).fit_transform(texts)
    assert ours.shape == theirs.shape
    assert np.allclose(ours.toarray(), theirs.toarray())


def test_terms_drop_stop_words_and_single_characters():
    assert terms("The U.S. said a 5-point plan is Assad's") == ["point", "plan", "assad"]


def test_empty_texts_give_zero_rows():
    matrix = tfidf_matrix(["", "Assad", "the of"])
    assert matrix.shape == (3, 1)
    assert matrix.toarray().tolist() == [[0.0], [1.0], [0.0]]


def test_l2_rows_keeps_zero_rows():
    rows = l2_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(rows, [[0.6, 0.8], [0.0, 0.0]])
