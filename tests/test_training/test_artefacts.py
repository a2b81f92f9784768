"""The artefact files: format, loader round trip, and that each shipped one names the data it was fitted on."""

from __future__ import annotations

import json

import pytest

from storyline.artefacts import FILES, FORMAT_VERSION, artefact_path, load_artefact, read_artefact
from storyline.errors import StorylineError
from storyline.training.common import data_sha256, training_data, write_artefact
from storyline.training.gold.extraction import benchmark_files
from storyline.training.gold.polnear import load_split
from storyline.training.gold.timeline17 import topic_files, topic_folders
from tests.conftest import DATA


def test_write_then_read_round_trip(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    data = training_data([tmp_path / "a.txt"], tmp_path, "a test corpus")
    path = write_artefact(
        "cue-model", {"weights": {"bias": -1.5}, "threshold": 0.4}, data, out=tmp_path / "m.json"
    )
    artefact = read_artefact("cue-model", path)
    assert artefact.model == {"weights": {"bias": -1.5}, "threshold": 0.4}
    assert artefact.format_version == FORMAT_VERSION
    assert artefact.training_data["files"] == 1 and artefact.training_data["description"] == "a test corpus"
    assert artefact.training_data["sha256"] == data_sha256([tmp_path / "a.txt"], tmp_path)[0]


def test_the_data_hash_follows_content_and_names_not_location(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("one", encoding="utf-8")
    here = data_sha256([tmp_path / "x" / "a.txt"], tmp_path / "x")
    assert here == data_sha256([tmp_path / "y" / "a.txt"], tmp_path / "y")
    (tmp_path / "y" / "a.txt").write_text("two", encoding="utf-8")
    assert here != data_sha256([tmp_path / "y" / "a.txt"], tmp_path / "y")
    (tmp_path / "x" / "b.txt").write_text("one", encoding="utf-8")
    assert here != data_sha256([tmp_path / "x" / "b.txt"], tmp_path / "x")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "cannot read"),
        ('{"artefact": "line-model", "format_version": 1, "model": {}}', "not a cue-model artefact"),
        ('{"artefact": "cue-model", "format_version": 99, "model": {}}', "format version 99"),
        ('{"artefact": "cue-model", "format_version": 1}', "not a cue-model artefact"),
    ],
)
def test_a_wrong_file_is_one_clear_error_naming_file_and_fix(tmp_path, content, message):
    path = tmp_path / "cue_model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StorylineError, match=message) as error:
        read_artefact("cue-model", path)
    assert str(path) in str(error.value) and "storyline train cue-model" in str(error.value)


def test_every_shipped_artefact_loads():
    for name in FILES:
        artefact = read_artefact(name)
        assert artefact.format_version == FORMAT_VERSION and artefact.model
        assert len(artefact.training_data["sha256"]) == 64 and artefact.training_data["files"] >= 1
        assert artefact.command.startswith(f"storyline train {name.removesuffix('-heldout')} ")
        assert load_artefact(name) == artefact.model
    with pytest.raises(StorylineError, match="no artefact named"):
        artefact_path("nonsense")


def recorded(name: str) -> str:
    return json.loads(artefact_path(name).read_text(encoding="utf-8"))["training_data"]["sha256"]


def test_shipped_artefacts_were_fitted_on_the_shared_data_as_it_is():
    """The training data's hash in each shipped file equals the hash of ../shared/data now: an edited corpus
    cannot silently stand behind a shipped model (refit it, or find out what changed)."""
    aeb = DATA / "article-extraction-benchmark"
    assert recorded("line-model") == data_sha256(benchmark_files(aeb), aeb)[0]
    train = DATA / "polnear" / "train"
    assert recorded("cue-model") == data_sha256([f for a in load_split(train) for f in a.files], train)[0]
    dev = DATA / "multinews" / "dev.jsonl"
    assert (
        recorded("summary-scorer") == recorded("summary-scorer-heldout") == data_sha256([dev], dev.parent)[0]
    )
    timeline17 = DATA / "timeline17"
    files = [f for folder in topic_folders(timeline17) for f in topic_files(folder)]
    assert recorded("timeline-weights") == data_sha256(files, timeline17)[0]
