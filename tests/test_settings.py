"""One Settings: defaults, a user TOML file key by key, STORYLINE_* variables, options; clear errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.cli.main import main
from storyline.corpus.store import opened
from storyline.errors import UsageError
from storyline.settings import (
    DEFAULTS,
    current_settings,
    environment_name,
    keys,
    load_settings,
    settings_table,
    use_settings,
)

from .conftest import SAMPLES

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch):
    """Each test starts from the defaults, with no STORYLINE_* variable of the caller's shell."""
    import os

    for name in [n for n in os.environ if n.startswith("STORYLINE_")]:
        monkeypatch.delenv(name)
    previous = use_settings(None)
    yield
    use_settings(previous)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "storyline.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_overrides_key_by_key_and_the_rest_stay_default(tmp_path):
    path = write(tmp_path, "[annotate]\nbatch_size = 64\n\n[copies]\njaccard = 0.6\n")
    settings = load_settings(path, environ={})
    assert settings.annotate.batch_size == 64 and settings.batch_size == 64
    assert settings.copies.jaccard == 0.6
    assert settings.copies.containment == DEFAULTS.copies.containment
    assert settings.annotate.spacy_model == DEFAULTS.annotate.spacy_model


def test_the_first_flat_keys_are_still_read(tmp_path):
    path = write(tmp_path, "max_bytes = 50_000_000\nbatch_size = 16\nsummary_words = 100\n")
    settings = load_settings(path, environ={})
    assert (settings.read.max_bytes, settings.annotate.batch_size, settings.summary.words) == (
        50_000_000,
        16,
        100,
    )


def test_environment_beats_the_file_and_options_beat_both(tmp_path):
    path = write(tmp_path, "[read]\nmax_bytes = 1000\n[duckdb]\nthreads = 3\n")
    environ = {"STORYLINE_READ_MAX_BYTES": "2_000", "STORYLINE_DUCKDB_MEMORY": "256MB"}
    settings = load_settings(path, environ=environ)
    assert settings.read.max_bytes == 2000
    assert settings.duckdb.threads == 3 and settings.duckdb.memory == "256MB"
    assert load_settings(path, environ=environ, max_bytes=3000).read.max_bytes == 3000
    assert load_settings(path, environ=environ, max_bytes=None).read.max_bytes == 2000


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (
            "STORYLINE_ANNOTATE_BATCH_SIZE",
            "many",
            "annotate.batch_size = 'many' is not valid; it takes a whole number of at least 1",
        ),
        ("STORYLINE_ANNOTATE_BATCH_SIZE", "0", "it takes a whole number of at least 1 (default 8)"),
        ("STORYLINE_ANNOTATE_BATCH_SIZE", "2.5", "annotate.batch_size = '2.5'"),
        (
            "STORYLINE_COPIES_JACCARD",
            "1.5",
            "copies.jaccard = '1.5' is not valid; it takes a number from 0 to 1",
        ),
        ("STORYLINE_WEB_TIME_LIMIT", "-1", "web.time_limit = '-1' is not valid; it takes a number above 0"),
        ("STORYLINE_DUCKDB_MEMORY", "lots", "it takes a size such as 128MB"),
        ("STORYLINE_ANNOTATE_SPACY_MODEL", " ", "annotate.spacy_model"),
    ],
)
def test_a_bad_environment_value_names_the_variable_the_key_and_the_form(name, value, expected):
    with pytest.raises(UsageError) as error:
        load_settings(environ={name: value})
    assert f"environment variable {name}" in str(error.value)
    assert expected in str(error.value)


def test_a_bad_file_value_or_an_unknown_key_names_the_file_and_the_key(tmp_path):
    path = write(tmp_path, '[copies]\nnum_perm = "lots"\n')
    with pytest.raises(
        UsageError, match=r"storyline\.toml: copies\.num_perm = 'lots' is not valid; it takes a whole number"
    ):
        load_settings(path, environ={})
    path = write(tmp_path, "[copies]\njacard = 0.4\n")
    with pytest.raises(UsageError, match=r"unknown setting 'copies\.jacard'; known: .*copies\.jaccard"):
        load_settings(path, environ={})
    path = write(tmp_path, "[copies\n")
    with pytest.raises(UsageError, match="cannot read settings"):
        load_settings(path, environ={})
    with pytest.raises(UsageError, match="STORYLINE_COPIES_JACARD: no such setting"):
        load_settings(environ={"STORYLINE_COPIES_JACARD": "0.4"})
    # A boolean is not a number, even where TOML would let Python take it for one.
    path = write(tmp_path, "[annotate]\nbatch_size = true\n")
    with pytest.raises(UsageError, match="annotate.batch_size = True"):
        load_settings(path, environ={})


def test_every_key_has_an_environment_variable_and_the_duckdb_ones_keep_their_names():
    names = {environment_name(key) for key in keys()}
    assert len(names) == len(keys())
    assert {"STORYLINE_DUCKDB_MEMORY", "STORYLINE_DUCKDB_THREADS"} <= names
    for key, item in keys().items():
        assert item.metadata["help"], key
        load_settings(environ={environment_name(key): str(item.default)})  # every default is accepted


def test_the_readme_lists_every_key_with_its_default():
    text = README.read_text(encoding="utf-8")
    assert "## Settings" in text
    assert settings_table() in text, (
        "README's Settings table is stale: paste storyline.settings.settings_table()"
    )


def test_current_settings_read_the_environment_until_settings_are_installed(monkeypatch):
    monkeypatch.setenv("STORYLINE_TIMELINE_DATES", "4")
    use_settings(None)
    assert current_settings().timeline.dates == 4
    use_settings(DEFAULTS.replace(timeline__dates=7))
    assert current_settings().timeline.dates == 7


def test_the_duckdb_settings_reach_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_DUCKDB_THREADS", "2")
    monkeypatch.setenv("STORYLINE_DUCKDB_MEMORY", "64MB")
    use_settings(None)
    with opened(str(tmp_path / "s.duckdb")) as store:
        connection = store.connection  # type: ignore[attr-defined]
        assert connection.execute("SELECT current_setting('threads')").fetchone()[0] == 2
        memory = connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert re.match(r"6[0-9](\.\d+)? MiB|64\.0 MB", memory), memory


def test_the_cli_reads_the_environment_and_a_bad_value_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "40")
    assert main(["summarize", str(SAMPLES), "--json", "-q"]) == 0
    short = json.loads(capsys.readouterr().out)
    assert 0 < short["words"] <= 40
    assert main(["summarize", str(SAMPLES), "--json", "-q", "--words", "120"]) == 0
    assert 40 < json.loads(capsys.readouterr().out)["words"] <= 120
    monkeypatch.setenv("STORYLINE_SUMMARY_WORDS", "forty")
    assert main(["summarize", str(SAMPLES), "--json", "-q"]) == 2
    err = capsys.readouterr().err
    assert "STORYLINE_SUMMARY_WORDS" in err and "summary.words = 'forty'" in err and "whole number" in err


def entries_of(data: object) -> list[object]:
    """The timeline's entries, whichever JSON wrapping the timeline command gives them."""
    while isinstance(data, dict):
        data = data.get("entries", data.get("timeline"))
    assert isinstance(data, list)
    return data


def test_the_timeline_takes_its_number_of_dates_from_the_settings(monkeypatch, capsys):
    assert main(["timeline", str(SAMPLES), "--json", "-q", "--published", "2024-12-08"]) == 0
    assert len(entries_of(json.loads(capsys.readouterr().out))) > 2
    monkeypatch.setenv("STORYLINE_TIMELINE_DATES", "2")
    assert main(["timeline", str(SAMPLES), "--json", "-q", "--published", "2024-12-08"]) == 0
    assert len(entries_of(json.loads(capsys.readouterr().out))) == 2


def test_a_new_store_records_the_copies_and_stories_settings_and_keeps_them(tmp_path):
    from storyline.corpus.store import ingest, store_dedup_settings, store_story_settings

    path = str(tmp_path / "news.duckdb")
    sample = str(sorted(SAMPLES.glob("*.txt"))[0])
    use_settings(DEFAULTS.replace(copies__jaccard=0.6, stories__threshold=0.05))
    with opened(path) as store:
        report = ingest([sample], store, annotate=False)
        assert report.added == 1
        assert store.settings("dedup")["jaccard"] == 0.6
        assert store.settings("stories")["threshold"] == 0.05
    use_settings(DEFAULTS)  # later runs with other settings keep what the store was built with
    with opened(path) as store:
        assert store_dedup_settings(store).jaccard == 0.6
        assert store_story_settings(store).threshold == 0.05
