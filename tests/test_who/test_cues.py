"""The cue model (storyline.who.cues): its loader, its scorer and the features it scores."""

from __future__ import annotations

import json
import math

import pytest

from storyline import artefacts
from storyline.annotate.nlp import load_nlp
from storyline.errors import StorylineError
from storyline.model import Article
from storyline.who.attribution import attributions_in
from storyline.who.cues import CueModel, cue_features, load_cue_model


def token(text: str, word: str):
    doc = load_nlp()(text)
    return next(t for t in doc if t.text == word)


@pytest.fixture
def model_file(tmp_path, monkeypatch):
    """Point the loader at an artefact file of the test's own (an absolute name replaces the data folder)."""
    path = tmp_path / "cue_model.json"
    monkeypatch.setitem(artefacts.FILES, "cue-model", str(path))
    load_cue_model.cache_clear()
    artefacts.load_artefact.cache_clear()
    yield path
    load_cue_model.cache_clear()
    artefacts.load_artefact.cache_clear()


def test_the_shipped_model_says_what_it_was_fitted_on():
    model = load_cue_model()
    assert model.trained_on.startswith("PolNeAR train")
    assert 0.0 < model.threshold < 1.0
    assert model.cross_validation["folds"] >= 2 and model.cross_validation["all"]["f1"] > 0.5
    assert len(model.weights) > 1000
    assert model.weights["lemma=say"] > 0 > model.weights.get("lemma=eat", -1.0)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The minister said the talks had failed.", "said"),
        ("Officials told reporters that the army had withdrawn.", "told"),
        ("France urged Assad to step down.", "urged"),
        ("Clinton called for Assad to step down.", "called"),
        ("The activists believe the regime will fall.", "believe"),
        ('"We will not leave," he said.', "said"),
    ],
)
def test_verbs_of_saying_and_believing_are_cues(sentence, verb):
    assert load_cue_model().probability(token(sentence, verb)) > load_cue_model().threshold


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The minister ate lunch in Geneva.", "ate"),
        ("Rebels walked into the town on Monday.", "walked"),
        ("The army built a wall around the city.", "built"),
        ("The minister said the talks had failed.", "failed"),  # what was said, not the saying
        ('"We will not leave," he said.', "leave"),
    ],
)
def test_verbs_of_doing_are_not_cues(sentence, verb):
    assert load_cue_model().probability(token(sentence, verb)) < load_cue_model().threshold


def test_probability_is_the_logistic_of_the_verbs_feature_weights():
    model = CueModel(weights={"bias": -1.0, "lemma=say": 3.0, "subject=pron": 0.5}, threshold=0.5)
    said = token("He said that the talks failed.", "said")
    ate = token("The minister ate lunch.", "ate")
    assert model.probability(said) == pytest.approx(1 / (1 + math.exp(-2.5)))
    assert model.probability(ate) == pytest.approx(1 / (1 + math.exp(1.0)))
    # Huge scores saturate instead of overflowing.
    assert CueModel(weights={"bias": 1e6}).probability(ate) == pytest.approx(1.0)
    assert CueModel(weights={"bias": -1e6}).probability(ate) == pytest.approx(0.0)


def test_features_name_the_lemma_its_frame_and_its_subject():
    said = cue_features(token("He said that the talks failed.", "said"))
    assert {"bias", "lemma=say", "frame=ccomp", "subject=pron", "that=True", "lemma|that=say|True"} <= set(
        said
    )
    ate = cue_features(token("The minister ate lunch.", "ate"))
    assert {"lemma=eat", "frame=dobj", "subject=noun", "that=False"} <= set(ate)
    urged = cue_features(token("Clinton urged Russia to act.", "urged"))
    assert "subject=ent:PERSON" in urged and "lemma|subject=urge|ent:PERSON" in urged
    denied = cue_features(token("He did not say it.", "say"))
    assert "negated" in denied
    announced = cue_features(token("The minister announced: the talks are over.", "announced"))
    assert "colon_after" in announced
    assert "in_quote=True" in cue_features(token("He said it.", "said"), in_quote=True)


def test_a_saved_model_loads_back_the_same(model_file):
    model = CueModel(
        weights={"bias": -2.0, "lemma=say": 4.123456789},
        threshold=0.35,
        trained_on="hand-made",
        cross_validation={"folds": 3},
    )
    artefact = artefacts.Artefact(name="cue-model", model=model.to_json(), training_data={"files": 0})
    model_file.write_text(json.dumps(artefact.to_json()), encoding="utf-8")
    loaded = load_cue_model()
    assert loaded.weights == {"bias": -2.0, "lemma=say": 4.12346}
    assert (loaded.threshold, loaded.trained_on, loaded.cross_validation) == (0.35, "hand-made", {"folds": 3})


@pytest.mark.parametrize("content", [None, "{not json", ""])
def test_a_missing_or_broken_model_file_is_one_clear_error(model_file, content):
    if content is not None:
        model_file.write_text(content, encoding="utf-8")
    with pytest.raises(StorylineError) as caught:
        load_cue_model()
    message = str(caught.value)
    assert (
        str(model_file) in message and "cannot read the cue-model artefact" in message and "refit" in message
    )


def test_the_cue_model_decides_which_verbs_introduce_attributions():
    text = "The minister said the talks had failed. Rebels walked into the town on Monday."
    article = Article(id="a", source="a.txt", text=text)
    doc = load_nlp()(text)
    found = attributions_in(article, doc, load_cue_model())
    assert [(a.speaker, a.cue, text[a.start : a.end]) for a in found] == [
        ("The minister", "said", "the talks had failed")
    ]
    # A model that scores no verb as a cue finds nothing; one that scores every verb finds more.
    assert attributions_in(article, doc, CueModel(weights={"bias": -30.0}, threshold=0.4)) == []
    everything = attributions_in(article, doc, CueModel(weights={"bias": 30.0}, threshold=0.4))
    assert {a.cue for a in everything} >= {"said", "walked"}
