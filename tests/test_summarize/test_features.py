import numpy as np

from storyline.summarize.candidates import build_pool
from storyline.summarize.features import FEATURES, centrality, pool_features, vectorize


def test_one_row_per_candidate_one_column_per_feature(sample_articles):
    pool = build_pool(sample_articles)
    features = pool_features(pool)
    assert features.shape == (len(pool.candidates), len(FEATURES))
    assert np.isfinite(features).all()


def test_position_features_mark_each_articles_opening_sentence(sample_articles):
    pool = build_pool(sample_articles)
    features = pool_features(pool)
    first = features[:, FEATURES.index("position_first")]
    openings = {c.first.article for c, f in zip(pool.candidates, first) if f == 1.0}
    assert openings == set(range(len(sample_articles)))
    assert first.sum() == len(sample_articles)


def test_similarity_is_cosine_of_tfidf(sample_articles):
    vectors = vectorize(build_pool(sample_articles))
    assert np.allclose(np.diag(vectors.similarity)[np.diag(vectors.similarity) > 0], 1.0)
    assert np.allclose(vectors.similarity, vectors.similarity.T)


def test_centrality_favours_the_hub_of_the_graph():
    # Sentence 0 is similar to all others; the others only to it.
    similarity = np.array([[1, 0.5, 0.5, 0.5], [0.5, 1, 0, 0], [0.5, 0, 1, 0], [0.5, 0, 0, 1]], dtype=float)
    scores = centrality(similarity)
    assert scores.argmax() == 0
    assert np.isclose(scores.sum(), 4.0)


def test_agreement_features_see_sentences_other_articles_share(copies_of):
    pool = build_pool(copies_of(1, 2))
    features = pool_features(pool)
    assert (features[:, FEATURES.index("copies")] > 0).all()
    single = pool_features(build_pool(copies_of(1, 1)))
    assert (single[:, FEATURES.index("copies")] == 0).all()
