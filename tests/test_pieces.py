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

PIECES = ("attributions", "event-times", "gender-votes", "mentions", "sentence-vectors", "summary-sentences")
# Learned on the way by the comparison (``Pieces.keep``): whether an article holds a denial, a stance.
FLAGS = ("denial-verbs", "stances")
# Answers remembered on the way (``compare.kept_clauses``): kept again for an old article asked something new.
GROWING = ("main-clauses",)
# Vectors of the statements an article's sentences report (``text.embeddings.embed_kept``): kept for the articles
# that report one.
CONTENTS = ("reported-content-vectors",)
# Pairs across sentences (``text.similarity.KeptPairs``): the comparison's near-copies and paraphrase candidates,
# the summary's near-copies; one entry each, under the first article.
PAIRS = ("near-copy-pairs", "similar-pairs", "summary-near-copy-pairs")


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
    import storyline.pieces as pieces
    import storyline.service.brief as service
    import storyline.summarize.candidates as candidates
    import storyline.timeline.build as timeline
    import storyline.who.attribution as attribution
    import storyline.who.entities as entities

    computed: dict[str, list[str]] = {name: [] for name in PIECES + FLAGS + GROWING + CONTENTS + PAIRS}
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
        "summary-sentences": candidates.sentence_choices,
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
    monkeypatch.setattr(candidates, "sentence_choices", spy("summary-sentences", real["summary-sentences"]))
    keep = pieces.Pieces.keep

    def kept(self, name, article, value, extra=""):
        if in_stages and self.active:
            computed[name].append(article.id)
        return keep(self, name, article, value, extra)

    monkeypatch.setattr(pieces.Pieces, "keep", kept)
    piece = pieces.Pieces.piece

    def asked(self, name, article, kind, compute, extra=""):
        if name != "gender-votes":  # the others are spied on by their functions above
            return piece(self, name, article, kind, compute, extra)

        def counted_compute():
            if in_stages:
                computed[name].append(article.id)
            return compute()

        return piece(self, name, article, kind, counted_compute, extra)

    monkeypatch.setattr(pieces.Pieces, "piece", asked)
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
    for name in PIECES + FLAGS:  # each piece computed for the two new articles only
        assert set(computed[name]) == new, name
    shutil.rmtree(folder)  # everything computed again, nothing kept
    monkeypatch.undo()
    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(folder))
    growing = growing_kept_of(monkeypatch)
    cold = brief_json(capsys, str(later))
    assert json.dumps(incremental, sort_keys=True) == json.dumps(cold, sort_keys=True)
    # the pieces of each of the five articles, the verbs the paraphrase check asked of some of them, the
    # vectors of the statements some of them report, and the entries of pairs (the comparison's two, the
    # summary's one)
    assert growing["reported-content-vectors"]
    assert len(list(folder.glob("??/*.piece"))) == 5 * len(PIECES + FLAGS) + kept_growing(growing) + len(
        PAIRS
    )
    # the reported statements' vectors embedded after the new articles: only the new articles'
    assert computed["reported-content-vectors"] and set(computed["reported-content-vectors"]) <= new
    # after the new articles, the entries of pairs were kept again (under the first article), scored anew
    assert sorted(name for name in PAIRS if computed[name]) == sorted(PAIRS)
    # the verbs asked again after the new articles: of pairs with a new article, some of them old articles'
    assert set(computed["main-clauses"]) <= set(growing["main-clauses"])


def growing_kept_of(monkeypatch) -> dict[str, list[str]]:
    """The articles (by id) whose verbs the paraphrase check keeps (``compare.kept_clauses``) and whose reported
    statements' vectors it keeps (``text.embeddings.embed_kept``), by piece, from now on."""
    growing: dict[str, list[str]] = {name: [] for name in GROWING + CONTENTS}
    keep = Pieces.keep

    def kept(self, name, article, value, extra=""):
        if name in growing and self.active:
            growing[name].append(article.id)
        return keep(self, name, article, value, extra)

    monkeypatch.setattr(Pieces, "keep", kept)
    return growing


def kept_growing(growing: dict[str, list[str]]) -> int:
    """How many pieces the growing kinds left: one per article and kind."""
    return sum(len(set(ids)) for ids in growing.values())


def test_damaged_and_foreign_pieces_are_computed_again(folder, capsys, monkeypatch):
    from storyline.service.cache import AnalysisCache

    growing = growing_kept_of(monkeypatch)
    names: dict[str, str] = {}  # each piece's key -> its name
    piece_key = AnalysisCache.piece_key

    def recorded(self, name, article, extra=""):
        key = piece_key(self, name, article, extra)
        names[key] = name
        return key

    monkeypatch.setattr(AnalysisCache, "piece_key", recorded)
    cold = brief_json(capsys, str(SAMPLES))
    for path in folder.glob("??/*.stage"):
        path.unlink()  # the stages run again, from the pieces
    every = sorted(folder.glob("??/*.piece"))
    # each kind per article, the verbs asked, the reported statements' vectors, and the entries of pairs
    assert all(growing.values()) and len(every) == 5 * len(PIECES + FLAGS) + kept_growing(growing) + len(
        PAIRS
    )
    # three pieces of kinds only the stages compute, each damaged its own way (chosen by kind, not by where their
    # file names sort, which moves with the code's key: an undated article's event times are computed again
    # by the dating before the stages, and a piece asked only on the way, as the verbs are, only when asked)
    first = {name: min(path for path in every if names.get(path.stem) == name) for name in PIECES}
    first["mentions"].write_bytes(b"\x80\x04not ours")
    first["attributions"].write_bytes(first["event-times"].read_bytes())  # a sound piece under another key
    flipped = bytearray(first["summary-sentences"].read_bytes())
    flipped[-5] ^= 0xFF
    first["summary-sentences"].write_bytes(bytes(flipped))
    computed = counted(monkeypatch)
    assert brief_json(capsys, str(SAMPLES)) == cold
    # the three bad ones, and only them
    assert sorted(name for name, ids in computed.items() for _ in ids) == [
        "attributions",
        "mentions",
        "summary-sentences",
    ]


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


def test_the_comparison_reads_no_parse_of_an_article_without_a_denial_or_a_stance(tmp_path):
    from collections.abc import Sequence

    from storyline.compare.claims import compare
    from storyline.service.brief import brief
    from storyline.service.corpus import build_corpus

    corpus = build_corpus([str(SAMPLES)], cache=False)
    given = brief(corpus, sections=["attributions"])
    articles, docs = list(corpus.articles), list(corpus.docs or [])

    class Watched(Sequence):
        """The parses, telling which ones are read."""

        def __init__(self) -> None:
            self.read: set[int] = set()

        def __len__(self) -> int:
            return len(docs)

        def __getitem__(self, index):
            assert isinstance(index, int)
            self.read.add(index % len(docs))
            return docs[index]

    def compared(pieces: Pieces, watched: Watched) -> str:
        return repr(compare(articles, watched, given.entities, given.attributions, pieces=pieces))

    cold = compared(NO_PIECES, Watched())
    cache = AnalysisCache.of(load_settings(cache__directory=str(tmp_path), cache__max_mb=10))
    assert cache is not None
    pieces = Pieces(cache)
    first, again = Watched(), Watched()
    assert compared(pieces, first) == cold  # learns each article's flags
    assert compared(pieces, again) == cold  # and skips the articles that hold neither
    flags = {
        i: (pieces.kept("denial-verbs", a, bool), pieces.kept("stances", a, bool))
        for i, a in enumerate(articles)
    }
    assert all(d[0] and s[0] for d, s in flags.values())  # every article's flags are kept
    quiet = {i for i, (d, s) in flags.items() if not d[1] and not s[1]}
    assert quiet and first.read == set(range(len(docs)))
    assert again.read < first.read


def test_the_verbs_the_paraphrase_check_asks_are_kept_and_read_back(tmp_path, monkeypatch):
    import storyline.compare.kept_clauses as kept_clauses
    from storyline.compare.claims import find_claims
    from storyline.service.brief import brief
    from storyline.service.corpus import build_corpus

    corpus = build_corpus([str(SAMPLES)], cache=False)
    given = brief(corpus, sections=["attributions"])
    articles, docs = list(corpus.articles), list(corpus.docs or [])
    asked: list[str] = []
    main_clause = kept_clauses.main_clause

    embedded_cue = kept_clauses.embedded_cue
    cues: list[str] = []

    def counted(doc, article, text, near):
        asked.append(article.id)
        return main_clause(doc, article, text, near)

    def counted_cue(doc, attribution):
        cues.append(attribution.article)
        return embedded_cue(doc, attribution)

    monkeypatch.setattr(kept_clauses, "main_clause", counted)
    monkeypatch.setattr(kept_clauses, "embedded_cue", counted_cue)
    cold = repr(find_claims(articles, given.attributions, docs))  # nothing kept
    cache = AnalysisCache.of(load_settings(cache__directory=str(tmp_path), cache__max_mb=10))
    assert cache is not None
    pieces = Pieces(cache)
    asked.clear()
    cues.clear()
    assert repr(find_claims(articles, given.attributions, docs, pieces)) == cold
    first = list(asked)
    assert first  # the samples' paraphrases ask for verbs (CNN's and The Wire's "operations had stopped")
    assert cues  # and whether a reported statement's cue hangs inside a noun phrase
    asked.clear()
    cues.clear()
    assert repr(find_claims(articles, given.attributions, docs, pieces)) == cold
    assert asked == [] and cues == []  # every answer read back: no parse read for them
    # the answers are main_clause's and embedded_cue's own
    spoken = {(a.article, a.cue_start, a.cue_end): a for a in given.attributions or []}
    for article in {a.id: a for a in articles if a.id in first}.values():
        found, answers = pieces.kept("main-clauses", article, kept_clauses.KIND)
        assert found and answers
        doc = docs[[a.id for a in articles].index(article.id)]
        for key, kept in answers.items():
            if key.startswith("cue:"):
                _, start, end = key.split(":")
                attribution = spoken[(article.id, int(start), None if end == "None" else int(end))]
                assert embedded_cue(doc, attribution) is kept
                continue
            near, text = key.split(":", 1)
            assert main_clause(doc, article, text, int(near)) == kept_clauses.from_kept(kept)


def test_main_clauses_kept_under_the_old_name_or_of_another_shape_are_not_trusted(tmp_path, monkeypatch):
    """The piece was called "proposition-verbs" before: what is kept under that name is never read (the
    answers are made again from the parses and kept under the piece's name), nor is a kept answer of another
    shape."""
    import storyline.compare.kept_clauses as kept_clauses
    from storyline.compare.claims import find_claims
    from storyline.service.brief import brief
    from storyline.service.corpus import build_corpus

    corpus = build_corpus([str(SAMPLES)], cache=False)
    given = brief(corpus, sections=["attributions"])
    articles, docs = list(corpus.articles), list(corpus.docs or [])
    cold = repr(find_claims(articles, given.attributions, docs))
    asked: list[str] = []
    main_clause = kept_clauses.main_clause

    embedded_cue = kept_clauses.embedded_cue
    cues: list[str] = []

    def counted(doc, article, text, near):
        asked.append(article.id)
        return main_clause(doc, article, text, near)

    def counted_cue(doc, attribution):
        cues.append(attribution.article)
        return embedded_cue(doc, attribution)

    monkeypatch.setattr(kept_clauses, "main_clause", counted)
    monkeypatch.setattr(kept_clauses, "embedded_cue", counted_cue)
    cache = AnalysisCache.of(load_settings(cache__directory=str(tmp_path / "a"), cache__max_mb=10))
    assert cache is not None
    find_claims(articles, given.attributions, docs, Pieces(cache))
    answered = {a.id: Pieces(cache).kept(kept_clauses.PIECE, a, kept_clauses.KIND)[1] for a in articles}
    answered = {key: value for key, value in answered.items() if value}
    made = len(asked)
    assert answered and made
    for name, answer in (("proposition-verbs", [[], [], False, []]), (kept_clauses.PIECE, ["verbs", "main"])):
        # a wrong answer under the old name (no verbs: every pair passes), or one of another shape
        other = AnalysisCache.of(load_settings(cache__directory=str(tmp_path / name), cache__max_mb=10))
        assert other is not None
        pieces = Pieces(other)
        for article in articles:
            if article.id in answered:
                pieces.keep(name, article, {key: answer for key in answered[article.id]})
        asked.clear()
        assert repr(find_claims(articles, given.attributions, docs, pieces)) == cold
        assert len(asked) == made  # every answer made again from the parses
        for article in articles:
            if article.id in answered:
                assert pieces.kept(kept_clauses.PIECE, article, kept_clauses.KIND)[1] == answered[article.id]
