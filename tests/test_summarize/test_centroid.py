from storyline.summarize.candidates import build_pool
from storyline.summarize.centroid import centroid
from storyline.summarize.features import FEATURES, pool_features, vectorize


def test_picks_the_sentence_nearest_the_centroid_first(sample_articles):
    pool = build_pool(sample_articles)
    vectors = vectorize(pool)
    chosen = centroid(pool, vectors, words=250)
    closeness = pool_features(pool, vectors)[:, FEATURES.index("centroid")]
    assert chosen[0] == int(closeness.argmax())
    assert len(set(chosen)) == len(chosen)
