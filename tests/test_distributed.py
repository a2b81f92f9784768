import time

import pytest

from storyline.corpus.distributed import DaskRunner, LocalRunner, prepare_batch, runner
from storyline.corpus.store import group_stories, ingest, opened
from storyline.errors import StorylineError
from storyline.ingest.read import read

from .conftest import SAMPLES
from .test_store import write_jsonl


def slow_identity(batch, delay):
    time.sleep(delay * (5 - batch) / 10)  # later batches finish first
    return batch


def store_rows(path):
    with opened(path, read_only=True) as store:
        sql = store.connection.execute
        articles = sql(
            "SELECT id, seq, source, title, outlet, published, duplicate_of, annotated, text, data, names, "
            "name_counts FROM articles ORDER BY seq"
        ).fetchall()
        stories = sql(
            "SELECT id, seq, founder, start_date, end_date, size, representative, names, centroid_keys, "
            "centroid_weights FROM stories ORDER BY seq"
        ).fetchall()
        links = sql("SELECT article_id, story_id, position FROM story_articles ORDER BY position").fetchall()
        bands = sql("SELECT key, id, seq FROM fingerprint_bands ORDER BY seq, key").fetchall()
    return articles, stories, links, bands


def test_local_runner_maps_in_order():
    assert list(LocalRunner().map(lambda batch, k: batch * k, [1, 2, 3], 10)) == [10, 20, 30]


def test_prepare_batch_turns_bad_documents_into_problems_in_place():
    raws = [r for r in read([str(SAMPLES)])]
    empty = type(raws[0])(source="empty.txt", content="   ", kind="text")
    batch = [(raws[0], "a"), (empty, "b"), (raws[1], "c")]
    results = prepare_batch(batch, annotate=False)
    assert [getattr(r, "code", None) for r in results] == [None, "no-text", None]
    assert results[0].article.id == "a" and results[0].fingerprint.size > 0 and results[0].names


@pytest.mark.slow
def test_two_local_workers_give_exactly_the_single_process_result(tmp_path):
    libya = write_jsonl(tmp_path / "libya.jsonl", "LibyaWar_reuters", 20)
    paths = [str(SAMPLES), str(libya)]
    single, parallel = str(tmp_path / "single.duckdb"), str(tmp_path / "parallel.duckdb")
    with opened(single) as store:
        ingest(paths, store, batch_size=5)
        group_stories(store)
    with runner(workers=2) as chosen, opened(parallel) as store:
        assert isinstance(chosen, DaskRunner) and "2 worker" in chosen.description
        # Batches finishing out of order still come back in order.
        assert list(chosen.map(slow_identity, [1, 2, 3, 4], 0.5)) == [1, 2, 3, 4]
        report = ingest(paths, store, batch_size=5, run=chosen)
        assert report.added == 25 and report.runner == chosen.description
        group_stories(store)
    single_rows, parallel_rows = store_rows(single), store_rows(parallel)
    assert single_rows[0] and all(row[7] for row in single_rows[0])  # annotated
    assert parallel_rows == single_rows


def test_an_unreachable_scheduler_is_a_clear_error():
    with (
        pytest.raises(StorylineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
        runner(scheduler="tcp://127.0.0.1:9", timeout=2),
    ):
        pass
