"""``storyline train cue-model`` on a few real PolNeAR training articles: the file it writes, and what it learned."""

from __future__ import annotations

import pytest

from storyline.annotate.nlp import load_nlp
from storyline.artefacts import read_artefact
from storyline.cli.main import main
from storyline.training.common import data_sha256
from storyline.training.gold.polnear import load_split
from storyline.who.cues import CueModel, cue_features
from tests.conftest import DATA

TRAIN = DATA / "polnear" / "train"
EVERY = 100  # 9 of the 840 training articles, spread over the publishers


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("cue") / "cue_model.json"
    status = main(
        [
            "train",
            "cue-model",
            str(TRAIN),
            "--every",
            str(EVERY),
            "--folds",
            "2",
            "--thresholds",
            "0.4",
            "0.5",
        ]
        + ["--cache", "", "--out", str(out)]
    )
    assert status == 0
    return read_artefact("cue-model", out)


def test_the_file_names_its_training_data(trained):
    articles = list(load_split(TRAIN, every=EVERY))
    assert trained.model["trained_on"] == f"PolNeAR train ({len(articles)} articles)"
    assert trained.training_data["files"] == 2 * len(articles)  # each article's text and its gold annotation
    assert trained.training_data["sha256"] == data_sha256([f for a in articles for f in a.files], TRAIN)[0]
    assert trained.command.startswith("storyline train cue-model ")


def test_the_loader_reads_back_the_threshold_chosen_by_cross_validation(trained):
    model = CueModel.from_json(trained.model)
    assert model.threshold in (0.4, 0.5)
    assert model.cross_validation["folds"] == 2 and model.cross_validation["all"]["gold"] > 0
    assert model.weights == pytest.approx(trained.model["weights"])


def test_even_a_few_articles_teach_that_said_introduces_a_quote_far_more_than_ate(trained):
    model = CueModel.from_json(trained.model)
    doc = load_nlp()('"We will not leave," the senator said. The senator ate lunch in the office.')
    said = next(t for t in doc if t.lower_ == "said")
    ate = next(t for t in doc if t.lower_ == "ate")
    assert "lemma=say" in cue_features(said)
    # nine articles leave an unseen verb near the prior of a root verb with a subject; "say" is learned
    assert model.probability(said) > model.threshold
    assert model.probability(said) > model.probability(ate) + 0.3
