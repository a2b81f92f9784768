"""Training on a few real dev clusters (small, so it runs in seconds)."""

import numpy as np
import pytest

from storyline.summarize.features import FEATURES
from storyline.summarize.scorer import LinearScorer, SelectionParameters, fingerprint
from storyline.training.summary_scorer import (
    cross_validated_choices,
    fit,
    fold_of,
    summary_quality,
    training_cluster,
)
from tests.conftest import DATA

DEV = DATA / "multinews" / "dev.jsonl"


@pytest.fixture(scope="module")
def clusters():
    from storyline.evaluate.multinews import load_clusters

    loaded = load_clusters(str(DEV), limit=4, on_problem=lambda p: None)
    return [training_cluster(c.articles, c.reference, words=250) for c in loaded]


def test_oracle_labels_some_but_not_all_candidates(clusters):
    for cluster in clusters:
        assert 0 < cluster.labels.sum() < len(cluster.labels)
        chosen = list(np.flatnonzero(cluster.labels))
        assert sum(cluster.pool.candidates[i].length for i in chosen) <= 250


def test_fit_gives_a_scorer_that_prefers_oracle_sentences_on_its_training_data(clusters):
    scorer = fit(clusters, SelectionParameters(regularization=1.0))
    assert set(scorer.weights) == set(FEATURES)
    assert scorer.trained_on == [fingerprint(c.reference) for c in clusters]
    features = np.vstack([c.features for c in clusters])
    labels = np.concatenate([c.labels for c in clusters])
    scores = scorer.score(features)
    assert scores[labels == 1].mean() > scores[labels == 0].mean()
    again = LinearScorer.from_json(scorer.to_json())
    assert np.allclose(again.score(features), scores)


def test_cross_validation_summarizes_every_cluster_with_a_model_that_did_not_see_it(clusters):
    chosen = cross_validated_choices(clusters, SelectionParameters(), words=250, folds=2)
    assert len(chosen) == len(clusters)
    for cluster, picked in zip(clusters, chosen):
        assert picked and sum(cluster.pool.candidates[i].length for i in picked) <= 250
        assert (
            0
            < summary_quality(cluster, picked)
            < summary_quality(cluster, list(np.flatnonzero(cluster.labels))) + 1e-9
        )


def test_folds_are_balanced_and_repeatable():
    folds = fold_of(23, 5)
    assert sorted(np.bincount(folds).tolist()) == [4, 4, 5, 5, 5]
    assert (fold_of(23, 5) == folds).all()


@pytest.mark.slow
def test_storyline_train_writes_a_scorer_the_loader_reads_back(tmp_path):
    """The whole command on the first three dev clusters: the artefact, its data hash, the loader round trip."""
    from storyline.artefacts import read_artefact
    from storyline.cli.main import main
    from storyline.training.common import data_sha256

    subset = tmp_path / "dev3.jsonl"
    with DEV.open(encoding="utf-8") as handle:
        subset.write_text("".join(next(handle) for _ in range(3)), encoding="utf-8")
    out = tmp_path / "summary_scorer.json"
    argv = ["train", "summary-scorer", str(subset), "--skip-nested", "--hold-out", "1", "--out", str(out)]
    assert main(argv) == 0
    artefact = read_artefact("summary-scorer", out)
    assert artefact.training_data["sha256"] == data_sha256([subset], tmp_path)[0]
    assert artefact.command == "storyline " + " ".join(argv)
    scorer = LinearScorer.from_dict(artefact.model)
    assert len(scorer.trained_on) == 3 and set(scorer.weights) == set(FEATURES)
    held = LinearScorer.from_dict(
        read_artefact("summary-scorer-heldout", tmp_path / "summary_scorer_heldout.json").model
    )
    assert len(held.trained_on) == 2 and held.trained_on == scorer.trained_on[1:]
