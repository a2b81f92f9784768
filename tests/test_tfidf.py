"""One TF-IDF (any tokenizer) gives scikit-learn's weights without scikit-learn; article groups too."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storyline.text.similarity import STOPWORDS
from storyline.text.tfidf import english_stop_words, l2_rows, terms, tfidf_matrix, tfidf_weights
from storyline.who.entities import group_articles
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


def test_a_custom_tokenizer_decides_the_terms():
    documents = [["assad", "fled", "assad"], ["assad", "moscow"], []]
    weights = tfidf_weights(documents, tokenizer=list)
    assert weights.vocabulary == {"assad": 0, "fled": 1, "moscow": 2}
    assert weights.document_frequency == [2, 1, 1]
    assert weights.rows[2] == {}
    # Same weights as scikit-learn given the same tokens (its analyzer may be any callable).
    theirs = TfidfVectorizer(analyzer=list, sublinear_tf=True).fit_transform(documents)
    ours = tfidf_matrix(documents, tokenizer=list)
    assert np.allclose(ours.toarray(), theirs.toarray())
    # A tokenizer's terms are kept as it gives them: no stop list, no lower-casing.
    assert tfidf_matrix(["The The"], tokenizer=str.split).shape == (1, 1)


def test_first_seen_and_sorted_vocabularies_give_the_same_weights():
    texts = sample_sentences()[:80]
    first = tfidf_weights(texts, tokenizer=terms)
    ordered = tfidf_weights(texts, tokenizer=terms, sorted_vocabulary=True)
    assert list(ordered.vocabulary) == sorted(first.vocabulary)
    for a, b in zip(first.rows, ordered.rows):
        by_term_a = {term: a[column] for term, column in first.vocabulary.items() if column in a}
        by_term_b = {term: b[column] for term, column in ordered.vocabulary.items() if column in b}
        assert by_term_a.keys() == by_term_b.keys()
        assert np.allclose([by_term_a[t] for t in by_term_a], [by_term_b[t] for t in by_term_a])
        assert list(b) == sorted(b)


def test_the_shipped_english_stop_words_are_scikit_learns():
    assert english_stop_words() == ENGLISH_STOP_WORDS


def test_article_groups_match_scikit_learns_clustering_on_the_samples():
    """``group_articles`` (scipy's average linkage) gives the partition scikit-learn's gave."""
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))}
    ids = sorted(texts)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([texts[i] for i in ids])
    for threshold in (0.05, 0.1, 0.2, 0.3, 0.5):
        theirs = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - threshold
        ).fit(matrix.toarray())
        ours = group_articles(texts, threshold)
        same_theirs = {
            (a, b) for a in ids for b in ids if theirs.labels_[ids.index(a)] == theirs.labels_[ids.index(b)]
        }
        same_ours = {(a, b) for a in ids for b in ids if ours[a] == ours[b]}
        assert same_ours == same_theirs, threshold
    assert len(set(group_articles(texts, 0.99).values())) == len(ids)
    assert len(set(group_articles(texts, 0.0).values())) == 1
