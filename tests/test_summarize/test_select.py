import numpy as np

from storyline.summarize.select import normalize, select


def test_takes_best_first_and_respects_the_budget():
    scores = np.array([0.9, 0.5, 0.1])
    lengths = [10, 10, 10]
    similarity = np.eye(3)
    assert select(scores, lengths, similarity, words=20, redundancy=0.0) == [0, 1]


def test_passes_over_a_sentence_that_does_not_fit_and_takes_a_shorter_one():
    scores = np.array([0.9, 0.8, 0.1])
    lengths = [15, 10, 5]
    assert select(scores, lengths, np.eye(3), words=20, redundancy=0.0) == [0, 2]


def test_redundancy_passes_over_a_repeat():
    scores = np.array([0.9, 0.85, 0.2])
    similarity = np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.0], [0.0, 0.0, 1.0]])
    # Sentence 1 says what sentence 0 says: over the similarity ceiling, never taken.
    assert select(scores, [5, 5, 5], similarity, words=100, redundancy=0.3) == [0, 2]


def test_mmr_prefers_a_new_fact_to_a_close_paraphrase():
    scores = np.array([1.0, 0.9, 0.85, 0.0])
    similarity = np.eye(4)
    similarity[0, 1] = similarity[1, 0] = 0.45
    assert select(scores, [5, 5, 5, 5], similarity, words=10, redundancy=0.5) == [0, 2]
    assert select(scores, [5, 5, 5, 5], similarity, words=10, redundancy=0.0) == [0, 1]


def test_normalize_maps_to_unit_interval():
    assert normalize(np.array([2.0, 4.0, 3.0])).tolist() == [0.0, 1.0, 0.5]
    assert normalize(np.array([1.0, 1.0])).tolist() == [1.0, 1.0]
