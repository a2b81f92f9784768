"""The kept analysis (storyline.service.cache): a warm run gives the same brief as a cold one without parsing,
and a damaged, foreign or stale entry is never trusted."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from storyline.cli.main import main
from storyline.model import Article
from storyline.service.cache import MAGIC, AnalysisCache
from storyline.settings import DEFAULTS, load_settings

from .conftest import SAMPLES


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(tmp_path / "kept"))
    return tmp_path / "kept"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("??/*.bin"))


def brief_json(capsys, *extra: str) -> dict:
    assert main(["brief", str(SAMPLES), "--json", "-q", *extra]) == 0
    data = json.loads(capsys.readouterr().out)
    data.pop("timings")  # seconds differ from run to run; everything else must not
    return data


def no_parsing(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("parsed an article the cache holds")

    monkeypatch.setattr("storyline.annotate.nlp.annotate_docs", refuse)


def test_warm_brief_is_the_cold_brief_without_parsing(folder, capsys, monkeypatch):
    cold = brief_json(capsys, "--no-cache")
    assert not folder.exists()  # --no-cache keeps nothing
    first = brief_json(capsys)
    assert len(entries(folder)) == 5
    no_parsing(monkeypatch)
    warm = brief_json(capsys)
    assert json.dumps(warm, sort_keys=True) == json.dumps(cold, sort_keys=True)
    assert json.dumps(first, sort_keys=True) == json.dumps(cold, sort_keys=True)


def test_damaged_foreign_and_stray_entries_are_rebuilt(folder, capsys, monkeypatch):
    cold = brief_json(capsys)
    paths = entries(folder)
    assert len(paths) == 5
    good = paths[0].read_bytes()
    flipped = bytearray(paths[0].read_bytes())
    flipped[-10] ^= 0xFF  # damaged: the checksum no longer matches
    paths[0].write_bytes(bytes(flipped))
    paths[1].write_bytes(good)  # foreign: a sound entry of another article under this key
    paths[2].write_bytes(b"\x80\x04not ours at all")  # stray: not an entry (never unpickled)
    paths[3].write_bytes(MAGIC)  # cut short
    assert brief_json(capsys) == cold
    for path in paths[:4]:  # each rebuilt, and sound again
        key = path.stem
        assert AnalysisCache.decode(key, path.read_bytes()).sentences
    no_parsing(monkeypatch)
    assert brief_json(capsys) == cold


def test_a_sound_entry_with_a_parse_of_another_text_is_not_used(folder, capsys):
    cold = brief_json(capsys)
    paths = entries(folder)
    settings = load_settings()
    cache = AnalysisCache.of(settings)
    assert cache is not None
    # a sound entry (right key, right checksum) whose parse is of another article's text
    other = AnalysisCache.decode(paths[1].stem, paths[1].read_bytes())
    from spacy.tokens import Doc

    from storyline.annotate.nlp import load_nlp

    doc = other.doc(load_nlp().vocab)
    article = Article(id="x", source="x", text="x")
    article.sentences, article.entities = other.sentences, other.entities
    paths[0].write_bytes(AnalysisCache.encode(paths[0].stem, article, other.timexes, doc))
    assert isinstance(doc, Doc)
    assert brief_json(capsys) == cold


def test_key_follows_text_date_and_analysis_settings(tmp_path):
    import datetime as dt

    cache = AnalysisCache(tmp_path, 1 << 20, DEFAULTS)
    article = Article(id="a", source="a.txt", text="Assad left on Sunday.", published=dt.date(2024, 12, 8))
    key = cache.key(article)
    assert cache.key(dataclasses.replace(article, id="b", source="b.txt", title="other")) == key
    assert cache.key(dataclasses.replace(article, text="Assad left on Monday.")) != key
    assert cache.key(dataclasses.replace(article, published=dt.date(2024, 12, 9))) != key
    assert cache.key(dataclasses.replace(article, published_estimated=True)) != key  # no anchor then
    smaller = DEFAULTS.replace(annotate__max_chars=1000)
    assert AnalysisCache(tmp_path, 1 << 20, smaller).key(article) != key


def test_trim_removes_the_least_recently_used(tmp_path):
    cache = AnalysisCache(tmp_path, 2500, DEFAULTS)
    for n in range(5):
        path = cache.path(f"{n:02d}" + "0" * 62)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1000 + n, 1000 + n))
    cache.trim()
    assert [p.stem[:2] for p in sorted(tmp_path.glob("??/*.bin"))] == ["03", "04"]


def test_zero_megabytes_keeps_nothing(folder, capsys, monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE_MAX_MB", "0")
    brief_json(capsys)
    assert not folder.exists()


def results(folder: Path) -> list[Path]:
    return sorted(folder.glob("??/*.stage"))


def command_json(capsys, command: str, *extra: str) -> str:
    assert main([command, str(SAMPLES), "--json", "-q", *extra]) == 0
    data = json.loads(capsys.readouterr().out)
    data.pop("timings", None)
    return json.dumps(data, sort_keys=True)


def no_spacy(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("loaded spaCy for a view whose results are kept")

    monkeypatch.setattr("storyline.annotate.nlp._load_nlp", refuse)
    monkeypatch.setattr("storyline.annotate.nlp.load_nlp", refuse)


def test_warm_views_read_the_kept_stage_results_without_spacy(folder, capsys, monkeypatch):
    views = ("summarize", "timeline", "who", "compare", "brief")
    cold = {view: command_json(capsys, view, "--no-cache") for view in views}
    command_json(capsys, "brief")  # fills the cache: every stage result
    assert {p.stat().st_size > 0 for p in results(folder)} == {True} and len(results(folder)) == 5
    no_spacy(monkeypatch)
    for view in views:
        assert command_json(capsys, view) == cold[view], view
    assert len(results(folder)) == 5  # every view found what the brief kept: none computed its stage again


def test_a_different_length_or_settings_is_another_result(folder, capsys):
    first = command_json(capsys, "summarize", "--words", "60")
    assert len(results(folder)) == 1
    assert command_json(capsys, "summarize", "--words", "90") != first
    assert len(results(folder)) == 2
    assert command_json(capsys, "summarize", "--words", "60") == first
    assert len(results(folder)) == 2


def test_damaged_and_foreign_stage_results_are_rebuilt(folder, capsys, monkeypatch):
    cold = command_json(capsys, "brief", "--no-cache")
    command_json(capsys, "brief")
    paths = {p: p.read_bytes() for p in results(folder)}
    assert len(paths) == 5
    items = list(paths)
    flipped = bytearray(paths[items[0]])
    flipped[-5] ^= 0xFF
    items[0].write_bytes(bytes(flipped))  # damaged
    items[1].write_bytes(paths[items[2]])  # foreign: another stage's sound result under this key
    from storyline.annotate.kept import pack, unframe

    meta, _ = unframe(paths[items[3]])
    meta["value"] = {"not": "the stage's result"}  # sound framing, right key, wrong shape
    items[3].write_bytes(pack(meta))
    assert command_json(capsys, "brief") == cold
    for path in items[:4]:
        assert path.read_bytes() == paths[path]  # each rebuilt, the same as before
    no_spacy(monkeypatch)
    assert command_json(capsys, "brief") == cold


def test_a_brief_of_ingested_articles_reads_the_analysis_kept_in_the_store(
    tmp_path, folder, capsys, monkeypatch
):
    db = str(tmp_path / "news.duckdb")
    assert main(["ingest", str(SAMPLES), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["brief", "--db", db, "--json", "-q", "--no-cache"]) == 0
    from_store = json.loads(capsys.readouterr().out)
    from_store.pop("timings")
    no_parsing(monkeypatch)
    assert main(["brief", "--db", db, "--json", "-q", "--no-cache"]) == 0  # parses nothing
    again = json.loads(capsys.readouterr().out)
    again.pop("timings")
    assert again == from_store
    monkeypatch.undo()
    import duckdb

    connection = duckdb.connect(db)
    connection.execute("DELETE FROM analysis")  # as a store ingested before analyses were kept
    connection.close()
    assert main(["brief", "--db", db, "--json", "-q", "--no-cache"]) == 0  # parses them all
    parsed = json.loads(capsys.readouterr().out)
    parsed.pop("timings")
    assert parsed == from_store


def test_a_kept_parse_is_read_only_when_asked_for_and_a_bad_one_is_made_again():
    from storyline.annotate.nlp import load_nlp
    from storyline.service.cache import DOC_EXCLUDE, LazyDocs
    from storyline.settings import current_settings

    nlp = load_nlp()
    good = nlp("Assad left Damascus on Sunday.")
    other = nlp("Something else entirely.")
    items = [
        (good.to_bytes(exclude=DOC_EXCLUDE), good.text),
        (b"\x80not a parse", "Rebels entered the city."),  # damaged: parsed again
        (other.to_bytes(exclude=DOC_EXCLUDE), "Not the text of that parse."),  # foreign: parsed again
    ]
    docs = LazyDocs(list(items), current_settings().annotate.spacy_model)
    assert len(docs) == 3 and docs.loaded == 0
    assert [t.text for t in docs[0]] == [t.text for t in good] and docs.loaded == 1
    assert [d.text for d in docs] == [good.text, "Rebels entered the city.", "Not the text of that parse."]
    assert [t.dep_ for t in docs[0]] == [t.dep_ for t in good]


def test_a_kept_parse_is_read_with_the_languages_vocabulary_and_has_the_models_token_attributes():
    """Issue 18: a brief over kept analyses reads parses without loading the model; what a token's word gives
    (lower case, shape, stop word, number...) is the same as in the model's vocabulary."""
    import numpy as np
    from spacy.attrs import IDS

    from storyline.annotate.nlp import load_nlp
    from storyline.service.cache import DOC_EXCLUDE, LazyDocs, language_vocab
    from storyline.settings import current_settings

    model = current_settings().annotate.spacy_model
    nlp = load_nlp()
    texts = [path.read_text(encoding="utf-8")[:20_000] for path in sorted(SAMPLES.glob("*.txt"))]
    parsed = list(nlp.pipe(texts))
    docs = LazyDocs([(doc.to_bytes(exclude=DOC_EXCLUDE), doc.text) for doc in parsed], model)
    assert docs[0].vocab is language_vocab(model) is not nlp.vocab
    names = [name for name in IDS if not name.startswith(("FLAG", "ID", "IS_OOV"))]
    for doc, read in zip(parsed, docs, strict=True):
        ids = [IDS[name] for name in names]
        assert np.array_equal(doc.to_array(ids), read.to_array(ids))
        assert [span.text for span in doc.noun_chunks] == [span.text for span in read.noun_chunks]
        assert [(t.is_stop, t.like_num, t.shape_, t.lemma_, t.norm_) for t in doc] == [
            (t.is_stop, t.like_num, t.shape_, t.lemma_, t.norm_) for t in read
        ]


def test_the_same_inputs_are_prepared_once_and_read_back_as_they_were(folder, capsys, monkeypatch, tmp_path):
    bad = tmp_path / "inputs"
    bad.mkdir()
    for path in SAMPLES.iterdir():
        (bad / path.name).write_bytes(path.read_bytes())
    (bad / "empty.txt").write_text("")  # an input that cannot be used: reported on every run
    from storyline.service.corpus import build_corpus

    settings = load_settings()  # this test's cache folder
    cold = build_corpus([str(bad)], cache=False, settings=settings)
    first = build_corpus([str(bad)], settings=settings)
    assert len(list(folder.glob("??/*.prepared"))) == 1

    def refuse(*_args, **_kwargs):
        raise AssertionError("prepared an input again")

    monkeypatch.setattr("storyline.ingest.prepare.prepare", refuse)
    monkeypatch.setattr("storyline.corpus.copies.mark_duplicates", refuse)
    told = []
    warm = build_corpus([str(bad)], on_problem=told.append, settings=settings)
    # the same articles field for field (a stage result's key hashes their repr) and the same problems
    assert repr(warm.articles) == repr(first.articles) == repr(cold.articles)
    assert warm.problems == cold.problems and told == list(cold.problems) and len(told) == 1
    monkeypatch.undo()
    (bad / "extra.txt").write_text(
        (SAMPLES / sorted(os.listdir(SAMPLES))[0]).read_text() + "\nOne more line."
    )
    grown = build_corpus([str(bad)], settings=settings)  # another input: prepared again
    assert len(grown.articles) == len(cold.articles) + 1
    assert len(list(folder.glob("??/*.prepared"))) == 2


def test_a_moved_cache_finds_its_results(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(tmp_path / "one"))
    cold = command_json(capsys, "brief")
    os.rename(tmp_path / "one", tmp_path / "two")
    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(tmp_path / "two"))
    no_spacy(monkeypatch)  # every stage result found where the cache now is
    assert command_json(capsys, "brief") == cold


def test_a_kept_result_reads_back_as_the_cold_value_and_a_wrong_form_is_refused():
    """The one reader of kept JSON (``service.readback``): every stage result of a cold brief, written as
    JSON, reads back as that very value (field for field, its repr); a form that would not give the same
    JSON again is refused for a stage result, and only a wrong form for a piece."""
    import datetime as dt

    from storyline.model import Comparison, Entity, Summary, Timeline, to_jsonable
    from storyline.service.brief import RESULT_TYPES
    from storyline.service.readback import read_back

    brief = samples_brief()
    assert RESULT_TYPES["entities"] == list[Entity] and RESULT_TYPES["comparison"] == Comparison
    for kind, value in (
        (Summary, brief.summary),
        (Timeline, brief.timeline),
        (list[Entity], brief.entities),
        (RESULT_TYPES["attributions"], brief.attributions),
        (Comparison, brief.comparison),
        (list[Article], brief.articles),
    ):
        written = json.loads(json.dumps(to_jsonable(value)))
        assert repr(read_back(kind, written)) == repr(value), kind
        assert repr(read_back(kind, written, exact=False)) == repr(value), kind
    assert read_back(tuple[int, float], [1, 2.5]) == (1, 2.5)
    assert read_back(tuple[int, float], [1, 2]) == (1, 2)
    assert read_back(dict[str, float | None], {"a": None, "b": 1.5}) == {"a": None, "b": 1.5}
    assert read_back(dt.date, "2020-01-02") == dt.date(2020, 1, 2)
    # small ints hash to themselves: a set of them writes itself in one order whatever order it is given in
    members = frozenset({3, 1, 2})
    assert to_jsonable(members) == [1, 2, 3] and read_back(frozenset[int], [1, 2, 3]) == members
    for kind, value, as_piece in (
        (dt.date, "20200102", True),  # reads, but is not written as it reads back
        (float, float("nan"), True),  # not equal to itself
        (frozenset[int], [3, 2, 1], True),  # not in the order the set writes itself
        (list[int], [1, True], False),
        (tuple[int, float], [1], False),
        (Summary, {"not": "a summary"}, False),
        (Timeline, to_jsonable(brief.timeline) | {"extra": 1}, False),
    ):
        with pytest.raises((TypeError, ValueError)):
            read_back(kind, value)
        if as_piece:  # a piece checks the form only
            read_back(kind, value, exact=False)
        else:
            with pytest.raises((TypeError, ValueError)):
                read_back(kind, value, exact=False)


def samples_brief():
    from storyline.service.brief import brief
    from storyline.service.corpus import build_corpus

    return brief(build_corpus([str(SAMPLES)], cache=False))


def test_the_warm_brief_writes_the_cold_briefs_text_in_each_json_form(folder, capsys):
    """Compact in a pipe, indented with --pretty: the same text cold and warm, the timings (last) aside."""

    def text(*extra: str) -> str:
        assert main(["brief", str(SAMPLES), "--json", "-q", *extra]) == 0
        out = capsys.readouterr().out
        return out[: out.rindex('"timings"')]

    try:
        for form in ((), ("--pretty",)):
            cold, warm = text("--no-cache", *form), text(*form)
            assert cold == warm
            assert ("\n" in cold) == bool(form)
            assert text(*form) == warm  # the kept results read back
    finally:
        from storyline.present import jsonio

        jsonio.PRETTY = None


def test_the_analysis_key_covers_every_module_the_annotation_code_imports(tmp_path):
    """A word list the annotation reads (text.words' title abbreviations, text.dates' month names) changed
    without a change under annotate/ must still mean new entries, not a stale kept analysis."""
    from storyline.annotate import kept

    root = Path(kept.__file__).resolve().parents[1]
    sources = {str(p.relative_to(root)) for p in kept.annotation_sources(root)}
    assert {"model.py", "text/words.py", "text/dates.py", "annotate/sentences.py"} <= sources
    assert "summarize/story.py" not in sources  # what the annotation does not import does not key it
    # and the followed imports reach a package's module through a relative import two levels up
    (tmp_path / "annotate" / "deep").mkdir(parents=True)
    (tmp_path / "text").mkdir()
    (tmp_path / "model.py").write_text("")
    (tmp_path / "text" / "lists.py").write_text("WORDS = ()\n")
    (tmp_path / "annotate" / "deep" / "rule.py").write_text("from ...text.lists import WORDS\n")
    assert tmp_path / "text" / "lists.py" in kept.annotation_sources(tmp_path)
