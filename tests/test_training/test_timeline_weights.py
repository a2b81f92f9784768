"""``storyline train timeline-weights`` on one real Timeline17 topic, and the shipped weights' file."""

from __future__ import annotations

import pytest

from storyline.artefacts import read_artefact
from storyline.cli.main import main
from storyline.timeline.build import DATE_FEATURES, SENTENCE_FEATURES, shipped_weights
from storyline.training.common import data_sha256
from storyline.training.gold.timeline17 import topic_files
from storyline.training.timeline_weights import fit_sentence_weights
from tests.conftest import DATA

TOPIC = DATA / "timeline17" / "H1N1_bbc"


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("timeline") / "timeline_weights.json"
    assert main(["train", "timeline-weights", str(TOPIC), "--out", str(out)]) == 0
    return read_artefact("timeline-weights", out)


def test_the_file_holds_both_weight_sets_for_the_timelines_features(trained):
    assert list(trained.model["date_weights"]) == list(DATE_FEATURES)
    assert list(trained.model["sentence_weights"]) == list(SENTENCE_FEATURES)
    assert trained.training_data["sha256"] == data_sha256(topic_files(TOPIC), TOPIC)[0]
    assert trained.training_data["files"] == len(topic_files(TOPIC)) >= 2


def test_one_topic_already_learns_that_dates_many_articles_mention_make_the_timeline(trained):
    assert trained.model["date_weights"]["mention_articles"] > 0.2
    # a sentence close to the story's centroid of words reads more like a timeline entry
    assert trained.model["sentence_weights"]["story_similarity"] > 0


def test_the_timeline_reads_the_shipped_weights_from_the_artefact():
    shipped = read_artefact("timeline-weights").model
    assert shipped_weights("date_weights", DATE_FEATURES) == shipped["date_weights"]
    assert shipped_weights("sentence_weights", SENTENCE_FEATURES) == shipped["sentence_weights"]


def dates_that_disagree(small: int, big: int) -> list:
    """``small`` dates of two candidates where the one with more capitals has the gain, and ``big`` dates of
    200 candidates where the five with a gain have fewer capitals than the rest (no other feature differs)."""
    import numpy as np

    column = SENTENCE_FEATURES.index("capitals")
    examples = []
    for _ in range(small):
        features = np.zeros((2, len(SENTENCE_FEATURES)))
        features[:, column] = [0.3, 0.1]
        examples.append((features, np.array([0.2, 0.0])))
    for _ in range(big):
        features = np.zeros((200, len(SENTENCE_FEATURES)))
        features[:, column] = 0.3
        features[:5, column] = 0.1
        gains = np.zeros(200)
        gains[:5] = 0.2
        examples.append((features, gains))
    return examples


def test_a_date_of_many_candidates_counts_as_much_as_a_date_of_two():
    # 15 dates of two candidates against 20 dates of 200: the 20 decide, and 25 against 20 the 25. A fit that
    # drew a fixed number of random pairs per date took ~10 times as many pairs from a two-candidate date as from
    # a 200-candidate one (most of whose pairs have equal gains) and followed the few.
    weights = fit_sentence_weights(dates_that_disagree(small=15, big=20))
    assert weights["capitals"] < 0
    assert fit_sentence_weights(dates_that_disagree(small=25, big=20))["capitals"] > 0


def test_the_sentence_weights_depend_only_on_the_examples_not_on_their_order():
    # Nothing is drawn: the same dates given in another order (one fold's stories read in another order) give
    # the same weights, so a change in a leave-one-story-out figure is the change's, not a draw's.
    examples = dates_that_disagree(small=15, big=20)
    assert fit_sentence_weights(examples) == fit_sentence_weights(examples[::-1])
