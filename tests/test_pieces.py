"""Per-article pieces of the stages (storyline.pieces): a brief after new articles computes the per-article
part of each stage for the new articles only, and gives the same JSON as a brief computing everything."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from storyline.annotate.timex import Point
from storyline.cli.main import main
from storyline.pieces import NO_PIECES, Pieces
from storyline.service.cache import AnalysisCache
from storyline.settings import load_settings

from .conftest import SAMPLES

PIECES = ("attributions", "event-times", "mentions", "sentence-vectors")


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(tmp_path / "kept"))
    return tmp_path / "kept"


def brief_json(capsys, *paths: str) -> dict:
    assert main(["brief", *paths, "--json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    data.pop("timings")
    return data


def counted(monkeypatch) -> dict[str, list[str]]:
    """The articles each per-article piece is computed for (by id) in a brief's stages, from now on."""
    import storyline.service.brief as service
    import storyline.timeline.build as timeline
    import storyline.who.attribution as attribution
    import storyline.who.entities as entities

    computed: dict[str, list[str]] = {name: [] for name in PIECES}
    in_stages: list[bool] = []  # dating undated articles, before the stages, keeps no pieces
    run_stages = service.run_stages

    def stages(*args, **kwargs):
        in_stages.append(True)
        try:
            return run_stages(*args, **kwargs)
        finally:
            in_stages.pop()

    monkeypatch.setattr(service, "run_stages", stages)
    real = {
        "attributions": attribution.attributions_in,
        "event-times": timeline.event_times,
        "mentions": entities.article_mentions,
        "sentence-vectors": service.sentence_vectors,
    }

    def spy(name, function):
        def wrapped(article, *args, **kwargs):
            if in_stages:
                computed[name].append(article.id)
            return function(article, *args, **kwargs)

        return wrapped

    monkeypatch.setattr(attribution, "attributions_in", spy("attributions", real["attributions"]))
    monkeypatch.setattr(timeline, "event_times", spy("event-times", real["event-times"]))
    monkeypatch.setattr(entities, "article_mentions", spy("mentions", real["mentions"]))
    monkeypatch.setattr(service, "sentence_vectors", spy("sentence-vectors", real["sentence-vectors"]))
    return computed


def test_a_brief_after_new_articles_computes_only_their_pieces_and_is_the_same(
    tmp_path, folder, capsys, monkeypatch
):
    files = sorted(SAMPLES.glob("*.txt"))
    first, later = tmp_path / "first", tmp_path / "all"
    first.mkdir()
    later.mkdir()
    for path in files[:3]:
        shutil.copy(path, first)
    for path in files:
        shutil.copy(path, later)
    brief_json(capsys, str(first))  # fills the analyses and the pieces of three articles
    computed = counted(monkeypatch)
    incremental = brief_json(capsys, str(later))
    ids = [article["id"] for article in incremental["articles"]]
    new = {a["id"] for a in incremental["articles"] if Path(a["source"]).name in {f.name for f in files[3:]}}
    assert len(ids) == 5 and len(new) == 2
    for name in PIECES:  # each piece computed for the two new articles only
        assert set(computed[name]) == new, name
    shutil.rmtree(folder)  # everything computed again, nothing kept
    monkeypatch.undo()
    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(folder))
    cold = brief_json(capsys, str(later))
    assert json.dumps(incremental, sort_keys=True) == json.dumps(cold, sort_keys=True)
    assert len(list(folder.glob("??/*.piece"))) == 20  # four pieces of each of the five articles


def test_damaged_and_foreign_pieces_are_computed_again(folder, capsys, monkeypatch):
    cold = brief_json(capsys, str(SAMPLES))
    for path in folder.glob("??/*.stage"):
        path.unlink()  # the stages run again, from the pieces
    pieces = sorted(folder.glob("??/*.piece"))
    assert len(pieces) == 20
    pieces[0].write_bytes(b"\x80\x04not ours")
    pieces[1].write_bytes(pieces[2].read_bytes())  # a sound piece under another key
    flipped = bytearray(pieces[3].read_bytes())
    flipped[-5] ^= 0xFF
    pieces[3].write_bytes(bytes(flipped))
    computed = counted(monkeypatch)
    assert brief_json(capsys, str(SAMPLES)) == cold
    assert sum(len(ids) for ids in computed.values()) == 3  # the three bad ones, and only them


def test_a_piece_is_computed_when_none_is_kept_or_no_cache_is_active(tmp_path):
    from storyline.model import Article

    article = Article(id="a", source="a.txt", text="Some text.")
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [1, 2]

    assert NO_PIECES.piece("x", article, list[int], compute) == [1, 2]  # no cache: computed
    assert NO_PIECES.kept("x", article, list[int]) == (False, None)
    settings = load_settings(cache__directory=str(tmp_path), cache__max_mb=10)
    cache = AnalysisCache.of(settings)
    assert cache is not None
    pieces = Pieces(cache)
    assert pieces.kept("x", article, list[int]) == (False, None)
    assert pieces.piece("x", article, list[int], compute) == [1, 2]
    assert pieces.kept("x", article, list[int]) == (True, [1, 2])
    assert pieces.piece("x", article, list[int], compute) == [1, 2]
    assert pieces.piece("x", article, list[int], compute, extra="other arguments") == [1, 2]
    other = dataclasses.replace(article, text="Other text.")  # another article: another piece
    assert pieces.piece("x", other, list[int], compute) == [1, 2]
    moved = dataclasses.replace(article, source="elsewhere/a.txt", duplicate_of="b")
    assert pieces.piece("x", moved, list[int], compute) == [1, 2]  # the same article read elsewhere: found
    assert len(calls) == 4
    assert NO_PIECES.piece("x", article, list[int], compute) == [1, 2]  # the run's pieces only where given
    assert len(calls) == 5


def test_a_piece_reads_tuples_sets_and_points_back():
    from storyline.service.readback import read_back

    kind = list[tuple[int, Point, str]]
    value = [(3, Point("day", dt.date(2011, 5, 2)), "on Monday")]
    written = json.loads(
        json.dumps([[3, {"granularity": "day", "start": "2011-05-02", "part": ""}, "on Monday"]])
    )
    assert read_back(kind, written, exact=False) == value
    assert read_back(frozenset[str], ["a", "b"], exact=False) == frozenset({"a", "b"})
    with pytest.raises((TypeError, ValueError)):
        read_back(tuple[int, str], [1], exact=False)
    with pytest.raises((TypeError, ValueError)):
        read_back(kind, [[3, {"granularity": "day"}, "x"]], exact=False)
