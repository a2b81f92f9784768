"""``storyline train timeline-weights`` on one real Timeline17 topic, and the shipped weights' file."""

from __future__ import annotations

import pytest

from storyline.artefacts import read_artefact
from storyline.cli.main import main
from storyline.timeline.build import DATE_FEATURES, SENTENCE_FEATURES, shipped_weights
from storyline.training.common import data_sha256
from storyline.training.gold.timeline17 import topic_files
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
