import json

import numpy as np
import pytest

from storyline.errors import StorylineError
from storyline.summarize.features import FEATURES
from storyline.summarize.scorer import LinearScorer, fingerprint, shipped_scorer


def test_shipped_scorer_knows_every_feature_and_its_training_clusters():
    scorer = shipped_scorer()
    assert set(scorer.weights) == set(FEATURES)
    assert any(abs(w) > 0.01 for w in scorer.weights.values())
    assert len(scorer.trained_on) >= 100
    assert 0 <= scorer.parameters.redundancy < 1


def test_json_round_trip_keeps_scores():
    scorer = shipped_scorer()
    again = LinearScorer.from_json(scorer.to_json())
    rows = np.random.RandomState(0).rand(4, len(FEATURES))
    assert np.allclose(scorer.score(rows), again.score(rows))


def test_a_feature_the_model_does_not_know_gets_no_weight():
    data = json.loads(shipped_scorer().to_json())
    del data["weights"]["centroid"]
    scorer = LinearScorer.from_json(json.dumps(data))
    rows = np.zeros((1, len(FEATURES)))
    changed = rows.copy()
    changed[0, FEATURES.index("centroid")] = 5.0
    assert np.allclose(scorer.score(rows), scorer.score(changed))


def test_broken_model_file_is_a_clear_error():
    with pytest.raises(StorylineError, match="not a valid sentence-scorer model"):
        LinearScorer.from_json('{"weights": {}}', source="mine.json")


def test_fingerprint_ignores_spacing():
    assert fingerprint("A  summary.\n") == fingerprint("A summary.")
    assert fingerprint("A summary.") != fingerprint("Another summary.")
