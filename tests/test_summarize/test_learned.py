import numpy as np

from storyline.summarize.candidates import build_pool
from storyline.summarize.features import FEATURES, pool_features, vectorize
from storyline.summarize.learned import learned, select_with
from storyline.summarize.scorer import LinearScorer, SelectionParameters, shipped_scorer


def test_first_choice_is_the_best_scored_candidate(sample_articles):
    pool = build_pool(sample_articles)
    vectors = vectorize(pool)
    chosen = learned(pool, vectors, words=250)
    scores = shipped_scorer().score(pool_features(pool, vectors))
    assert chosen[0] == int(np.argmax(scores))


def test_the_scorer_decides_what_is_chosen(sample_articles):
    pool = build_pool(sample_articles)
    vectors = vectorize(pool)
    # A scorer that only likes late sentences chooses differently from the shipped one.
    late = LinearScorer(
        weights={"position_relative": 1.0},
        means={},
        scales={},
        intercept=0.0,
        parameters=SelectionParameters(),
    )
    chosen = select_with(late, pool, vectors, words=60)
    positions = pool_features(pool, vectors)[:, FEATURES.index("position_relative")]
    assert chosen[0] == int(np.argmax(positions))
    assert chosen != learned(pool, vectors, words=60)
