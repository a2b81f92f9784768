import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.corpus.copies import DedupSettings, band_layout
from storyline.corpus.store import (
    DuckDBStore,
    IngestReport,
    group_stories,
    ingest,
    ingest_stream,
    open_store,
    opened,
    story_stream,
)
from storyline.errors import StorylineError, UsageError
from storyline.model import Article

from .conftest import DATA, ROOT, SAMPLES

T17 = DATA / "timeline17"


def sample_paths(*prefixes: str) -> list[str]:
    return [str(p) for p in sorted(SAMPLES.iterdir()) if p.name[:3] in prefixes]


def write_jsonl(path: Path, topic: str, count: int, start: int = 0) -> Path:
    """``count`` non-empty Timeline17 articles of ``topic`` from the ``start``-th, as a JSONL file."""
    lines = []
    with open(T17 / topic / "articles.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if json.loads(line)["text"].strip():
                lines.append(line)
    path.write_text("".join(lines[start : start + count]), encoding="utf-8")
    return path


def test_ingest_keeps_text_metadata_and_annotations(tmp_path, sample_articles):
    with opened(str(tmp_path / "news.duckdb")) as store:
        report = ingest([str(SAMPLES)], store)
        assert (report.read, report.added, report.already_stored) == (5, 5, 0)
        stored = {a.id: a for a in store.articles()}
    assert set(stored) == {a.id for a in sample_articles}
    for article in sample_articles:
        again = stored[article.id]
        assert again.text == article.text and again.title == article.title
        assert again.published == article.published and again.outlet == article.outlet
        assert again.sentences == article.sentences and again.entities == article.entities
        # Ingest stores spaCy's annotations; time expressions are tagged when a corpus is built from the
        # store (build_corpus), as they are for the samples here.
        assert not again.timexes and article.timexes
        assert again.to_dict() == dataclasses.replace(article, timexes=[]).to_dict()


def test_reingesting_changes_nothing_and_new_articles_are_added(tmp_path):
    path = str(tmp_path / "news.duckdb")
    with opened(path) as store:
        first = ingest(sample_paths("000", "001", "002"), store, annotate=False)
        group_stories(store)
        before = sorted((a.id, a.source, a.text) for a in store.articles())
        stories_before = [(s.story.id, s.size) for s in store.stories()]
    with opened(path) as store:
        again = ingest(sample_paths("000", "001", "002"), store, annotate=False)
        assert (again.added, again.already_stored) == (0, 3)
        assert group_stories(store) == 0
        assert sorted((a.id, a.source, a.text) for a in store.articles()) == before
        assert [(s.story.id, s.size) for s in store.stories()] == stories_before
        more = ingest([str(SAMPLES)], store, annotate=False)
        assert (first.added, more.added, more.already_stored) == (3, 2, 3)
        assert store.count() == 5


def test_a_copy_is_found_against_the_store_across_runs(tmp_path, samples_by_file):
    from .test_dedup import repost

    original = samples_by_file["001"]
    copy_path = tmp_path / "copy.txt"
    copy_path.write_text(repost(original, "x").text, encoding="utf-8")
    path = str(tmp_path / "news.duckdb")
    with opened(path) as store:
        ingest([str(SAMPLES)], store, annotate=False)
    with opened(path) as store:
        report = ingest([str(copy_path)], store, annotate=False)
        assert report.duplicates == 1
        copies = [a for a in store.articles() if a.duplicate_of]
    assert [(a.source, a.duplicate_of) for a in copies] == [(str(copy_path), original.id)]


def test_stories_are_stable_and_earlier_ones_never_reshuffled(tmp_path):
    egypt = write_jsonl(tmp_path / "egypt.jsonl", "EgyptianProtest_cnn", 30)
    libya = write_jsonl(tmp_path / "libya.jsonl", "LibyaWar_cnn", 30)
    first_path, second_path = str(tmp_path / "a.duckdb"), str(tmp_path / "b.duckdb")
    with opened(first_path) as store:
        ingest([str(egypt)], store, annotate=False)
        group_stories(store)
        early = dict(store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        ingest([str(libya)], store, annotate=False)
        group_stories(store)
        later = dict(store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert all(later[a] == s for a, s in early.items())
    assert len(later) == len(early) + 30
    # The same runs on a new store give the same story ids.
    with opened(second_path) as store:
        ingest([str(egypt)], store, annotate=False)
        group_stories(store)
        ingest([str(libya)], store, annotate=False)
        group_stories(store)
        again = dict(store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert again == later


def test_clustering_in_small_chunks_equals_one_pass(tmp_path):
    """State saved and reloaded between chunks (centroids, cores, term statistics, merges) changes
    nothing."""
    bp = write_jsonl(tmp_path / "bp.jsonl", "bpoil_guardian", 80)
    results = []
    for chunk in (7, 1000):
        with opened(str(tmp_path / f"chunk{chunk}.duckdb")) as store:
            ingest([str(bp)], store, annotate=False)
            stream = dict(story_stream(store, chunk=chunk))
            # What the store holds in the end (the stream gives the id at the time; a merge later
            # in the stream may fold it into another, and resolving it says where it went).
            links = dict(
                store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall()
            )
            assert {a: store.resolve_story(s) for a, s in stream.items()} == links
            results.append(links)
            # A story of 32 articles or more keeps its core, saved with it and read back per chunk
            # (a story gone dormant keeps only the size its core was taken at).
            cores = store.connection.execute("SELECT core_at FROM story_cores").fetchall()
            assert cores and all(at >= 32 for (at,) in cores)
    assert results[0] == results[1] and len(results[0]) == 80


def test_a_storys_core_is_saved_and_read_back(tmp_path):
    from storyline.corpus.stories import StoryState, TermStats

    state = StoryState("s-a", "a", None, None, 40, {1: 0.5, 2: 0.25}, core={1: 0.75, 3: 0.5}, core_at=32)
    plain = StoryState("s-b", "b", None, None, 3, {2: 1.0})
    with opened(str(tmp_path / "cores.duckdb")) as store:
        store.save_stories([("a", "s-a"), ("b", "s-b")], [state, plain], TermStats.empty(8))
        read = {s.id: s for s in store.story_states(None)}
    assert read["s-a"].core == {1: 0.75, 3: 0.5} and read["s-a"].core_at == 32
    assert read["s-a"].core_norm == pytest.approx((0.75**2 + 0.5**2) ** 0.5)
    assert read["s-b"].core is None and read["s-b"].core_at == 0


def test_listing_gives_size_span_entities_and_label(tmp_path):
    with opened(str(tmp_path / "news.duckdb")) as store:
        ingest([str(SAMPLES)], store)
        group_stories(store)
        listed = store.stories(with_articles=True)
        assert sum(s.size for s in listed) == 5
        for entry in listed:
            story = entry.story
            assert len(entry.articles) == entry.size == len(story.article_ids)
            assert story.label and "\n" not in story.label
            assert story.entities  # from spaCy's entities
            dates = [a["published"] for a in entry.articles if a["published"]]
            if dates:
                assert story.start.isoformat() == min(dates) and story.end.isoformat() == max(dates)
        biggest = listed[0]
        assert store.resolve_story(biggest.story.id[:8]) == biggest.story.id or len(listed) > 1
        one = store.stories(story=biggest.story.id, with_articles=True)
        assert [s.story.id for s in one] == [biggest.story.id]
        assert {a.id for a in store.articles(story=biggest.story.id)} == set(biggest.story.article_ids)
        with pytest.raises(UsageError, match="no story"):
            store.resolve_story("s-nothing")


def test_export_to_parquet(tmp_path):
    import pyarrow.parquet as pq

    with opened(str(tmp_path / "news.duckdb")) as store:
        ingest([str(SAMPLES)], store)
        group_stories(store)
        written = store.export_parquet(str(tmp_path / "out"))
    tables = {Path(p).stem: pq.read_table(p) for p in written}
    assert tables["articles"].num_rows == 5 and tables["story_articles"].num_rows == 5
    assert set(tables["articles"].column("id").to_pylist()) == set(
        tables["story_articles"].column("article_id").to_pylist()
    )
    assert tables["entities"].num_rows > 0 and tables["stories"].num_rows >= 1


def test_the_backend_is_chosen_by_name_and_errors_are_clear(tmp_path):
    from storyline.registry import stores

    assert "duckdb" in stores.names()
    with pytest.raises(UsageError, match="unknown store back end 'sqlite'"):
        open_store(str(tmp_path / "x.db"), backend="sqlite")
    with pytest.raises(UsageError, match="no such store"):
        open_store(str(tmp_path / "missing.duckdb"), read_only=True)
    with pytest.raises(UsageError, match="does not exist"):
        open_store(str(tmp_path / "no" / "dir.duckdb"))
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("just text\n", encoding="utf-8")
    with pytest.raises(StorylineError, match="notes.duckdb"):
        open_store(str(not_a_store))


def test_problems_are_reported_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "   "}\nnot json\n', encoding="utf-8")
    seen = []
    with opened(str(tmp_path / "news.duckdb")) as store:
        report = ingest([str(bad), *sample_paths("000")], store, annotate=False, on_problem=seen.append)
        assert report.added == 1 and store.count() == 1
    assert [p.source for p in seen] == [f"{bad}:1", f"{bad}:2"]


def test_ingest_streams_in_batches(tmp_path):
    articles = write_jsonl(tmp_path / "bp.jsonl", "bpoil_bbc", 25)
    with opened(str(tmp_path / "news.duckdb")) as store:
        report = IngestReport()
        counts = []
        for _ in ingest_stream([str(articles)], store, report, annotate=False, batch_size=10):
            counts.append(store.count())
    # Each article is yielded after its batch is committed: counts step by whole batches.
    assert counts[0] == 10 and counts[10] == 20 and counts[-1] == 25 == report.added


CRASH_SCRIPT = """
import sys
from storyline.corpus.store import ingest, opened
with opened(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, annotate=False, batch_size=10)
"""


@pytest.mark.slow
def test_a_killed_ingest_keeps_committed_articles_whole_and_a_rerun_completes(tmp_path):
    articles = write_jsonl(tmp_path / "libya.jsonl", "LibyaWar_cnn", 300)
    db = tmp_path / "news.duckdb"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen([sys.executable, "-c", CRASH_SCRIPT, str(db), str(articles)], env=env)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    # Kill once a few batches are in the write-ahead log, mid-run.
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 400_000:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be killed: give it more input"
    process.send_signal(signal.SIGKILL)
    process.wait()
    settings = DedupSettings()
    bands = band_layout(settings.lsh_threshold, settings.num_perm)[0]
    with opened(str(db)) as store:
        assert isinstance(store, DuckDBStore)
        count = store.count()
        assert 0 < count < 300 and count % 10 == 0  # whole batches only
        sql = store.connection.execute
        # No half-written article: each has its text, metadata, fingerprint and every LSH band.
        assert sql("SELECT count(*) FROM fingerprints").fetchall()[0][0] == count
        assert sql("SELECT count(DISTINCT id) FROM fingerprint_bands").fetchall()[0][0] == count
        assert sql("SELECT count(*) FROM fingerprint_bands").fetchall()[0][0] == count * bands
        assert sql("SELECT count(*) FROM articles WHERE length(text) = 0").fetchall()[0][0] == 0
        stored = list(store.articles())
        assert all(isinstance(a, Article) and a.text and a.published for a in stored)
        report = ingest([str(articles)], store, annotate=False, batch_size=10)
        assert report.already_stored == count and report.added == 300 - count
        assert store.count() == 300
        assert sql("SELECT count(*) FROM fingerprint_bands").fetchall()[0][0] == 300 * bands


FILLER = (
    "said on the day that the matter would be looked at again by officials who asked not to be named "
    "while others waited outside for news of what comes next and how long it takes before anyone knows"
).split()


def synthetic_article(number: int, day: str, names: list[str]) -> dict[str, str]:
    """A short article that uses ``names`` (capitalised) amid varied lower-case filler."""
    sentences = []
    for s in range(6):
        words = [FILLER[(number * 7 + s * 5 + k * 3) % len(FILLER)] for k in range(12)]
        name = names[(s + number) % len(names)]
        other = names[(s + number + 1) % len(names)]
        sentences.append(f"{name} and {other} {' '.join(words)} {number} {s}.")
    return {"id": f"a{number}", "time": day, "text": "\n".join(sentences)}


def returning_story_jsonl(path: Path) -> Path:
    """Eight articles, 200 days of quiet (other news goes on), eight more under drifting names."""
    import datetime as dt

    start = dt.date(2010, 1, 1)
    records = []
    for n in range(8):
        day = (start + dt.timedelta(days=n)).isoformat()
        records.append(synthetic_article(n, day, ["Jackson", "Murray", "Neverland", "Katherine", "Jermaine"]))
    for n in range(8):
        day = (start + dt.timedelta(days=210 + n)).isoformat()
        names = ["Jackson", "Murray", "Neverland", "Walgren", "Chernoff", "Katherine"]
        if n < 3:  # the return opens under new names, too far from the old profile to go straight back
            names = ["Walgren", "Chernoff", "Jackson"]
        records.append(synthetic_article(100 + n, day, names))
    syllables = "ka lo mi ren ta vo si pel dun gar ho zu bri nel tor".split()
    for n in range(60):
        day = (start + dt.timedelta(days=4 * n)).isoformat()
        names = [
            (
                syllables[(3 * n + k) % 15] + syllables[(n // 15 + k) % 15] + syllables[(n + 2 * k) % 15]
            ).capitalize()
            for k in range(3)
        ]
        records.append(synthetic_article(200 + n, day, names))
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_merge_is_recorded_and_the_absorbed_id_still_resolves(tmp_path):
    source = returning_story_jsonl(tmp_path / "news.jsonl")
    stores = []
    for chunk in (5, 1000):
        path = str(tmp_path / f"chunk{chunk}.duckdb")
        with opened(path) as store:
            ingest([str(source)], store, annotate=False)
            assigned = dict(story_stream(store, chunk=chunk))
            links = dict(
                store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall()
            )
            merges = store.connection.execute("SELECT absorbed, survivor FROM story_merges").fetchall()
            listed = {entry.story.id: entry for entry in store.stories()}
            stores.append((links, merges))
            survivors = {survivor for _, survivor in merges}
            assert merges, "the returning story should have been merged back"
            for absorbed, survivor in merges:
                assert absorbed not in listed and survivor in listed
                assert absorbed in listed[survivor].absorbed
                assert store.resolve_story(absorbed) == survivor
                assert absorbed not in links.values()
            # The stream's answers, once merges are followed, are what the store says now.
            assert {store.resolve_story(s) for s in assigned.values()} <= set(listed)
            assert all(store.resolve_story(assigned[a]) == s for a, s in links.items())
            story = next(iter(survivors))
            assert listed[story].size == sum(1 for s in links.values() if s == story)
        # Re-ingesting and regrouping changes nothing.
        with opened(path) as store:
            assert ingest([str(source)], store, annotate=False).added == 0
            assert group_stories(store) == 0
            again = dict(
                store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall()
            )
            assert again == links
    # Chunked and one-pass grouping agree, merges included.
    assert stores[0][0] == stores[1][0] and sorted(stores[0][1]) == sorted(stores[1][1])


def test_a_store_made_before_merges_is_listed_read_only(tmp_path):
    path = str(tmp_path / "old.duckdb")
    with opened(path) as store:
        ingest(sample_paths("000", "001"), store, annotate=False)
        group_stories(store)
        store.connection.execute("DROP TABLE story_merges")  # as a store of an earlier version
        store.connection.execute("DROP TABLE story_cores")
    with opened(path, read_only=True) as store:
        listed = store.stories()
        assert listed and all(entry.absorbed == [] for entry in listed)
        assert store.resolve_story(listed[0].story.id) == listed[0].story.id
    # Opened to write, it gains the new tables, and grouping goes on with its stories and ids.
    with opened(path) as store:
        ingest([str(SAMPLES)], store, annotate=False)
        group_stories(store)
        assert {entry.story.id for entry in listed} <= {entry.story.id for entry in store.stories()}


def _stored(tmp_path: Path) -> Path:
    path = tmp_path / "good.db"
    with opened(str(path)) as store:
        ingest(sample_paths("000", "001", "002"), store, annotate=False)
    return path


def test_only_storyline_stores_or_new_files_are_opened(tmp_path):
    import duckdb

    foreign = tmp_path / "foreign.db"
    connection = duckdb.connect(str(foreign))
    connection.execute("CREATE TABLE customers (name VARCHAR)")
    connection.close()
    with pytest.raises(UsageError, match="not a storyline store"):
        open_store(str(foreign))
    connection = duckdb.connect(str(foreign), read_only=True)
    tables = connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    connection.close()
    assert tables == [("customers",)]  # nothing of ours was added to it
    random = tmp_path / "random.db"
    random.write_bytes(os.urandom(5000))
    with pytest.raises(UsageError, match="not a DuckDB database"):
        open_store(str(random))
    with pytest.raises(UsageError, match="not a regular file"):
        open_store("/dev/null")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(UsageError, match="empty file"):
        open_store(str(empty), read_only=True)
    open_store(str(empty)).close()  # an empty file is a new store
    assert open_store(str(empty), read_only=True).count() == 0


def test_damaged_stores_are_one_line_and_exit_2(tmp_path, capsys):
    from storyline.cli.main import main

    good = _stored(tmp_path)
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(good.read_bytes()[:20000])
    flipped = tmp_path / "flipped.db"
    data = bytearray(good.read_bytes())
    for offset in range(5000, len(data), 997):
        data[offset] ^= 0xFF
    flipped.write_bytes(bytes(data))
    for damaged in (truncated, flipped):
        for argv in (["stories", "--db", str(damaged)], ["summarize", "--db", str(damaged), "-q"]):
            status = main(argv)
            err = capsys.readouterr().err
            assert status == 2, (argv, err)
            assert err.count("\n") == 1 and str(damaged) in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STORYLINE_DUCKDB_THREADS", "abc"),
        ("STORYLINE_DUCKDB_THREADS", "0"),
        ("STORYLINE_DUCKDB_MEMORY", "lots"),
        ("STORYLINE_DUCKDB_MEMORY", "1GB'; DROP TABLE articles; --"),
    ],
)
def test_bad_duckdb_settings_are_a_usage_error(tmp_path, monkeypatch, capsys, name, value):
    from storyline.cli.main import main

    monkeypatch.setenv(name, value)
    status = main(["ingest", sample_paths("000")[0], "--db", str(tmp_path / "s.db"), "--light", "-q"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and name in err
    assert not (tmp_path / "s.db").exists()


def test_negative_max_bytes_is_refused(capsys):
    from storyline.cli.main import main

    assert main(["inspect", sample_paths("000")[0], "--max-bytes", "-1", "-q"]) == 2
    assert "read.max_bytes = -1 is not valid" in capsys.readouterr().err


def test_a_jsonl_records_id_is_the_stored_articles_id_stable_across_re_ingests(tmp_path):
    def record(id_: str, text: str) -> str:
        return json.dumps({"id": id_, "text": text, "published": "2013-05-07", "title": id_}) + "\n"

    first = tmp_path / "first.jsonl"
    first.write_text(
        record(
            "fb-kerry", "Secretary of State John Kerry backtracked on Tuesday from the call for Assad to go."
        )
        + record(
            "voa-fares", "Syria's ambassador to Iraq, Nawaf Fares, defected on Wednesday, officials said."
        )
        + json.dumps({"text": "A record without an id is keyed by its content, as before, in the store."})
        + "\n",
        encoding="utf-8",
    )
    path = str(tmp_path / "news.duckdb")
    with opened(path) as store:
        ingest([str(first)], store, annotate=False)
        ids = sorted(a.id for a in store.articles())
    hashed = [i for i in ids if i not in ("fb-kerry", "voa-fares")]
    assert len(ids) == 3 and len(hashed) == 1 and len(hashed[0]) == 16
    # the same id given to other content later: a new id, the stored one untouched
    second = tmp_path / "second.jsonl"
    second.write_text(
        record("fb-kerry", "A different article that a second feed also numbered fb-kerry, about the talks.")
        + record(
            "voa-fares", "Syria's ambassador to Iraq, Nawaf Fares, defected on Wednesday, officials said."
        ),
        encoding="utf-8",
    )
    with opened(path) as store:
        report = ingest([str(second)], store, annotate=False)
        assert (report.added, report.already_stored) == (1, 1)
        by_id = {a.id: a for a in store.articles()}
    assert set(by_id) == {*ids, "fb-kerry-2"}
    assert "backtracked" in by_id["fb-kerry"].text and "second feed" in by_id["fb-kerry-2"].text
    # re-ingesting both files changes nothing: every id stays as it was
    with opened(path) as store:
        report = ingest([str(first), str(second)], store, annotate=False)
        assert (report.added, report.already_stored) == (0, 5)
        assert {a.id for a in store.articles()} == set(by_id)
