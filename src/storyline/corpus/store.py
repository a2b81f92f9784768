"""Store: articles, their cleaned text, metadata, annotations, fingerprints and stories, on disk.

The back end is chosen by name from ``storyline.registry.stores``; ``duckdb`` (an embedded DuckDB
file, no server to start) is the default and the only one shipped. A back end implements ``Store``.

Guarantees of ``ingest``:

- *idempotent*: an article is recognised by the hash of its raw content (``storyline.ingest.prepare.content_id``);
  one already stored is skipped before any work is done on it, so re-ingesting changes nothing;
- *the record's own id*: an article's id is its JSONL record's ``id`` when it has one (as outside the store,
  so citations name it), else the content hash; an id already taken by other content gets ``-2``, ``-3``;
  ids never change once stored;
- *incremental*: new articles are added, checked for copies against everything stored;
- *crash-safe*: articles are written in batches, each batch with its fingerprints and entities in one
  transaction, so a run killed at any moment (even ``kill -9``) leaves every committed article intact
  and no half-written one; running the same command again completes the rest;
- *flat memory*: input is streamed in batches; duplicate candidates are looked up in the store's
  tables, not in an in-memory index of everything seen.

Story clustering (``group_stories``) reads the unassigned articles in publication-date order a chunk at
a time and commits each chunk's assignments together with the clusterer's state, with the same
guarantees.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import stat as stat_module
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from ..annotate.kept import Entry, Keys, decode
from ..errors import InputProblem, StorylineError, UsageError
from ..ingest.meta import ArticleMeta
from ..ingest.read import RawDocument, read
from ..model import Article, Story
from ..registry import stores
from ..settings import Settings, current_settings
from .copies import DedupSettings, Fingerprint, band_keys, find_original
from .distributed import LocalRunner, Prepared, Runner, prepare_batch
from .stories import (
    StoryClusterer,
    StoryInput,
    StorySettings,
    StoryState,
    TermStats,
    label_of,
)

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
DEFAULT_BACKEND = "duckdb"


@dataclass
class StoredStory:
    """A story as listed: the model's ``Story`` plus its size and the articles' short form."""

    story: Story
    size: int
    articles: list[dict[str, Any]] = field(default_factory=list)
    # Earlier story ids merged into this one (they still resolve to it), in merge order.
    absorbed: list[str] = field(default_factory=list)


class Store(Protocol):
    """What a storage back end provides (one writer at a time)."""

    path: str

    def known_contents(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are stored already (under whatever id)."""
        ...

    def taken_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored already."""
        ...

    def add(self, batch: Sequence[Prepared]) -> None:
        """Store a batch atomically: all of it or, after a crash, none of it."""
        ...

    def band_candidates(self, keys: dict[str, list[int]]) -> dict[str, list[str]]:
        """For each given article id, stored ids sharing an LSH band with it, in storing order."""
        ...

    def fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[Fingerprint, str | None]]:
        """Stored fingerprints and ``duplicate_of`` of the given ids."""
        ...

    def count(self) -> int: ...

    def articles(self, story: str | None = None) -> Iterator[Article]:
        """Every stored article (or one story's), by publication date, undated last."""
        ...

    def unassigned(self, limit: int) -> list[StoryInput]:
        """Up to ``limit`` articles not yet in a story, earliest first (undated last)."""
        ...

    def count_unassigned(self) -> int: ...

    def count_stories(self) -> int: ...

    def story_states(
        self, since: dt.date | None, dormant_size: int = 0, dormant_limit: int = 0
    ) -> list[StoryState]:
        """Stories that ended on or after ``since`` (all, without it), then up to ``dormant_limit``
        of the latest-ending earlier ones of ``dormant_size`` articles or more, marked dormant."""
        ...

    def term_stats(self, buckets: int) -> TermStats | None: ...

    def latest_story_end(self) -> dt.date | None: ...

    def next_story_sequence(self) -> int: ...

    def save_stories(
        self,
        assignments: Sequence[tuple[str, str]],
        states: Iterable[StoryState],
        stats: TermStats,
        merges: Sequence[tuple[str, str, dt.date | None, int]] = (),
    ) -> None:
        """Save a chunk's assignments, changed stories, term statistics and merges (absorbed id,
        survivor id, date, absorbed sequence) in one transaction; an absorbed story's articles move
        to the survivor and its id resolves to it."""
        ...

    def stories(self, story: str | None = None, with_articles: bool = False) -> list[StoredStory]: ...

    def resolve_story(self, given: str) -> str: ...

    def settings(self, name: str) -> dict[str, Any] | None: ...

    def save_settings(self, name: str, values: dict[str, Any]) -> None: ...

    def export_parquet(self, directory: str) -> list[str]: ...

    def analyses(self, keys: Iterable[str]) -> dict[str, bytes]: ...

    def close(self) -> None: ...


def open_store(path: str, backend: str = DEFAULT_BACKEND, read_only: bool = False) -> Store:
    """Open (or create, unless ``read_only``) the store at ``path`` with the named back end."""
    factory = stores.get(backend)
    store: Store = factory(path, read_only=read_only)
    return store


@contextlib.contextmanager
def opened(path: str, backend: str = DEFAULT_BACKEND, read_only: bool = False) -> Iterator[Store]:
    """The store, closed afterwards; a database error while it is used (a store damaged past its
    header) is one line naming the file, not a traceback."""
    import duckdb

    store = open_store(path, backend, read_only)
    try:
        yield store
    except duckdb.Error as exc:
        raise UsageError(f"{path}: the store is damaged or unreadable: {first_line(exc)}") from exc
    finally:
        with contextlib.suppress(Exception):
            store.close()


SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL,
    source VARCHAR NOT NULL,
    title VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    published DATE,
    duplicate_of VARCHAR,
    annotated BOOLEAN NOT NULL,
    text VARCHAR NOT NULL,
    data VARCHAR NOT NULL,
    names VARCHAR[] NOT NULL,
    name_counts INTEGER[] NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS fingerprints (
    id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, size INTEGER NOT NULL, signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS fingerprint_bands (key BIGINT NOT NULL, id VARCHAR NOT NULL, seq BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR NOT NULL, text VARCHAR NOT NULL, label VARCHAR NOT NULL, mentions INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY,
    seq INTEGER NOT NULL,
    founder VARCHAR NOT NULL,
    start_date DATE,
    end_date DATE,
    size INTEGER NOT NULL,
    representative VARCHAR NOT NULL,
    representative_score DOUBLE NOT NULL,
    names VARCHAR NOT NULL,
    centroid_keys BLOB NOT NULL,
    centroid_weights BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, position BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_merges (
    absorbed VARCHAR PRIMARY KEY, survivor VARCHAR NOT NULL, merged_on DATE, absorbed_seq INTEGER NOT NULL,
    position BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_cores (
    id VARCHAR PRIMARY KEY, core_at INTEGER NOT NULL, keys BLOB, weights BLOB
);
CREATE TABLE IF NOT EXISTS term_stats (buckets INTEGER PRIMARY KEY, documents BIGINT NOT NULL, frequencies BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS analysis (key VARCHAR PRIMARY KEY, id VARCHAR NOT NULL, data BLOB NOT NULL);
-- Added after schema 1 was first shipped (NULL in older stores, whose ids are their content hashes).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS content_hash VARCHAR;
"""


class DuckDBStore:
    """The DuckDB back end: one file, transactions per batch, bulk inserts through Arrow tables."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        import duckdb

        self.path = path
        self.read_only = read_only
        if path != ":memory:":
            check_store_file(path, read_only)
        try:
            self.connection = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StorylineError(
                    f"{path}: the store is in use by another process (an ingest still running?); "
                    "wait for it to finish and try again"
                ) from exc
            raise UsageError(f"{path}: not a storyline store, or damaged: {first_line(exc)}") from exc
        except duckdb.Error as exc:
            raise UsageError(f"{path}: not a storyline store, or damaged: {first_line(exc)}") from exc
        try:
            # DuckDB's buffer pool would otherwise grow towards 80% of RAM as the store grows; a small
            # pool on one thread keeps ingest memory flat (measured in benchmarks/scale.py) and costs
            # little here, where the work is small appends and lookups, not big analytical scans.
            # Settings keys duckdb.memory and duckdb.threads (STORYLINE_DUCKDB_MEMORY, _THREADS),
            # checked when the settings are read.
            memory, threads = current_settings().duckdb.memory, current_settings().duckdb.threads
            self.connection.execute(f"SET memory_limit = '{sql_string(memory)}'")
            self.connection.execute(f"SET threads = {threads}")
            self.connection.execute("SET preserve_insertion_order = false")
            tables = {
                row[0] for row in self.connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            if tables and "meta" not in tables:
                # a DuckDB file of something else: never add storyline's tables to it
                raise UsageError(
                    f"{path}: a DuckDB database, but not a storyline store (it has tables "
                    f"{', '.join(sorted(tables)[:5])}); give a new file name for the store"
                )
            if not read_only:
                self.connection.execute(SCHEMA)
                if self.meta("schema_version") is None:
                    self.set_meta("schema_version", str(SCHEMA_VERSION))
            version = self.meta("schema_version")
        except duckdb.Error as exc:
            self.connection.close()
            raise UsageError(f"{path}: not a storyline store, or damaged: {first_line(exc)}") from exc
        except StorylineError:
            self.connection.close()
            raise
        if version is None:
            self.connection.close()
            raise UsageError(f"{path}: not a storyline store (no schema version)")
        if not version.isdigit() or int(version) != SCHEMA_VERSION:
            self.connection.close()
            raise StorylineError(
                f"{path}: store schema version {version}, this storyline reads version {SCHEMA_VERSION}"
            )
        self._next_seq: int | None = None

    # --- small helpers -------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        try:
            row = self.first("SELECT value FROM meta WHERE key = ?", [key])
        except Exception as exc:  # a read-only open of a file that is not a store
            if "meta" in str(exc):
                raise UsageError(f"{self.path}: not a storyline store") from exc
            raise
        return None if row is None else str(row[0])

    def first(self, query: str, params: list[Any] | None = None) -> tuple[Any, ...] | None:
        """The first row of a query (fetching all: DuckDB wants each result finished before the next)."""
        rows = self.connection.execute(query, params or []).fetchall()
        return tuple(rows[0]) if rows else None

    def has_table(self, name: str) -> bool:
        row = self.first("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])
        return bool(row and row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def settings(self, name: str) -> dict[str, Any] | None:
        value = self.meta(f"settings:{name}")
        return None if value is None else dict(json.loads(value))

    def save_settings(self, name: str, values: dict[str, Any]) -> None:
        self.set_meta(f"settings:{name}", json.dumps(values, sort_keys=True))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def insert_arrow(self, table: str, columns: dict[str, Any], conflict: bool = False) -> None:
        import pyarrow as pa

        data = pa.table(columns)
        if data.num_rows == 0:
            return
        self.connection.register("storyline_batch", data)
        try:
            names = ", ".join(columns)
            tail = " ON CONFLICT DO NOTHING" if conflict else ""
            self.connection.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM storyline_batch{tail}"
            )
        finally:
            self.connection.unregister("storyline_batch")

    def next_seq(self) -> int:
        if self._next_seq is None:
            row = self.first("SELECT coalesce(max(seq), 0) FROM articles")
            self._next_seq = int(row[0]) + 1 if row else 1
        return self._next_seq

    # --- articles ------------------------------------------------------------------------------
    def known_contents(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        import pyarrow as pa

        self.connection.register("storyline_ids", pa.table({"id": list(hashes)}))
        try:
            # a store written before ``content_hash`` keyed every article by its content hash
            rows = self.connection.execute(
                "SELECT a.content_hash FROM articles a JOIN storyline_ids i ON a.content_hash = i.id "
                "UNION SELECT a.id FROM articles a JOIN storyline_ids i ON a.id = i.id "
                "WHERE a.content_hash IS NULL"
            ).fetchall()
        finally:
            self.connection.unregister("storyline_ids")
        return {str(r[0]) for r in rows}

    def taken_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        import pyarrow as pa

        self.connection.register("storyline_ids", pa.table({"id": list(ids)}))
        try:
            rows = self.connection.execute(
                "SELECT a.id FROM articles a JOIN storyline_ids i ON a.id = i.id"
            ).fetchall()
        finally:
            self.connection.unregister("storyline_ids")
        return {str(r[0]) for r in rows}

    def count(self) -> int:
        row = self.first("SELECT count(*) FROM articles")
        return int(row[0]) if row else 0

    def add(self, batch: Sequence[Prepared]) -> None:
        if not batch:
            return
        first = self.next_seq()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        articles: dict[str, list[Any]] = {
            name: []
            for name in (
                "id seq source title outlet url published duplicate_of annotated text data names "
                "name_counts ingested_at content_hash"
            ).split()
        }
        prints: dict[str, list[Any]] = {"id": [], "seq": [], "size": [], "signature": []}
        bands: dict[str, list[Any]] = {"key": [], "id": [], "seq": []}
        entities: dict[str, list[Any]] = {"id": [], "text": [], "label": [], "mentions": []}
        analyses: dict[str, list[Any]] = {"key": [], "id": [], "data": []}
        settings = self.dedup_settings()
        for offset, item in enumerate(batch):
            article = item.article
            seq = first + offset
            data = article.to_dict()
            data.pop("text", None)
            for name, value in (
                ("id", article.id),
                ("seq", seq),
                ("source", article.source),
                ("title", article.title),
                ("outlet", article.outlet),
                ("url", article.url),
                ("published", article.published),
                ("duplicate_of", article.duplicate_of),
                ("annotated", item.annotated),
                ("text", article.text),
                ("data", json.dumps(data, ensure_ascii=False)),
                ("names", list(item.names)),
                ("name_counts", list(item.names.values())),
                ("ingested_at", now),
                ("content_hash", item.content_hash or None),
            ):
                articles[name].append(value)
            if item.analysis is not None:
                analyses["key"].append(item.analysis[0])
                analyses["id"].append(article.id)
                analyses["data"].append(item.analysis[1])
            prints["id"].append(article.id)
            prints["seq"].append(seq)
            prints["size"].append(item.fingerprint.size)
            prints["signature"].append(item.fingerprint.to_bytes())
            if item.fingerprint.size:
                for key in band_keys(item.fingerprint.signature, settings):
                    bands["key"].append(key)
                    bands["id"].append(article.id)
                    bands["seq"].append(seq)
            mentions: dict[tuple[str, str], int] = {}
            for entity in article.entities:
                name = " ".join(entity.text.split())
                mentions[(name, entity.label)] = mentions.get((name, entity.label), 0) + 1
            for (name, label), number in mentions.items():
                entities["id"].append(article.id)
                entities["text"].append(name)
                entities["label"].append(label)
                entities["mentions"].append(number)
        with self.transaction():
            self.insert_arrow("articles", arrow_columns(articles, ARTICLE_TYPES), conflict=True)
            self.insert_arrow("fingerprints", arrow_columns(prints, PRINT_TYPES), conflict=True)
            self.insert_arrow("fingerprint_bands", arrow_columns(bands, BAND_TYPES))
            self.insert_arrow("entities", arrow_columns(entities, ENTITY_TYPES))
            self.insert_arrow("analysis", arrow_columns(analyses, ANALYSIS_TYPES), conflict=True)
        self._next_seq = first + len(batch)

    def analyses(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The kept analyses (``storyline.annotate.kept`` entries) of these keys that the store holds."""
        import pyarrow as pa

        wanted = sorted(set(keys))
        if not wanted or not self.has_table("analysis"):  # a store written before analyses were kept
            return {}
        self.connection.register("storyline_keys", pa.table({"key": wanted}))
        try:
            rows = self.connection.execute(
                "SELECT a.key, a.data FROM analysis a JOIN storyline_keys k ON a.key = k.key"
            ).fetchall()
        finally:
            self.connection.unregister("storyline_keys")
        return {str(key): bytes(data) for key, data in rows}

    def dedup_settings(self) -> DedupSettings:
        stored = self.settings("dedup")
        return DedupSettings(**stored) if stored else DedupSettings()

    def band_candidates(self, keys: dict[str, list[int]]) -> dict[str, list[str]]:
        import pyarrow as pa

        ids = [article for article, article_keys in keys.items() for _ in article_keys]
        flat = [key for article_keys in keys.values() for key in article_keys]
        if not flat:
            return {}
        self.connection.register("storyline_query", pa.table({"id": ids, "key": pa.array(flat, pa.int64())}))
        try:
            rows = self.connection.execute(
                "SELECT q.id, b.id, min(b.seq) AS seq FROM storyline_query q "
                "JOIN fingerprint_bands b ON b.key = q.key GROUP BY q.id, b.id ORDER BY q.id, seq"
            ).fetchall()
        finally:
            self.connection.unregister("storyline_query")
        found: dict[str, list[str]] = {}
        for query_id, stored_id, _seq in rows:
            found.setdefault(str(query_id), []).append(str(stored_id))
        return found

    def fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[Fingerprint, str | None]]:
        import pyarrow as pa

        wanted = sorted(set(ids))
        if not wanted:
            return {}
        self.connection.register("storyline_ids", pa.table({"id": wanted}))
        try:
            rows = self.connection.execute(
                "SELECT f.id, f.size, f.signature, a.duplicate_of FROM fingerprints f "
                "JOIN storyline_ids i ON f.id = i.id JOIN articles a ON a.id = f.id"
            ).fetchall()
        finally:
            self.connection.unregister("storyline_ids")
        return {str(r[0]): (Fingerprint.from_bytes(str(r[0]), bytes(r[2]), int(r[1])), r[3]) for r in rows}

    def articles(self, story: str | None = None) -> Iterator[Article]:
        query = "SELECT a.id, a.text, a.data FROM articles a"
        params: list[Any] = []
        if story is not None:
            query += " JOIN story_articles s ON s.article_id = a.id WHERE s.story_id = ?"
            params.append(story)
        query += " ORDER BY a.published NULLS LAST, a.seq"
        cursor = self.connection.cursor()
        try:
            cursor.execute(query, params)
            while rows := cursor.fetchmany(500):
                for article_id, text, data in rows:
                    record = json.loads(data)
                    record["text"] = text
                    record["id"] = article_id
                    yield Article.from_dict(record)
        finally:
            cursor.close()

    # --- stories -------------------------------------------------------------------------------
    def unassigned(self, limit: int) -> list[StoryInput]:
        rows = self.connection.execute(
            "SELECT a.id, a.published, a.names, a.name_counts, a.duplicate_of, o.story_id "
            "FROM articles a "
            "LEFT JOIN story_articles o ON o.article_id = a.duplicate_of "
            "WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) "
            "ORDER BY a.published NULLS LAST, a.seq LIMIT ?",
            [limit],
        ).fetchall()
        return [
            StoryInput(
                article_id=str(r[0]),
                published=r[1],
                terms=dict(zip(r[2], r[3])),
                duplicate_of=r[4],
                original_story=r[5],
            )
            for r in rows
        ]

    def count_unassigned(self) -> int:
        row = self.first(
            "SELECT count(*) FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)"
        )
        return int(row[0]) if row else 0

    def count_stories(self) -> int:
        row = self.first("SELECT count(*) FROM stories")
        return int(row[0]) if row else 0

    def story_states(
        self, since: dt.date | None, dormant_size: int = 0, dormant_limit: int = 0
    ) -> list[StoryState]:
        columns = (
            "SELECT id, seq, founder, start_date, end_date, size, representative, representative_score, "
            "names, centroid_keys, centroid_weights FROM stories"
        )
        queries: list[tuple[str, list[Any], bool]] = []
        if since is None:
            queries.append((columns + " ORDER BY seq", [], False))
        else:
            queries.append(
                (columns + " WHERE end_date IS NULL OR end_date >= ? ORDER BY seq", [since], False)
            )
            if dormant_limit > 0:
                queries.append(
                    (
                        columns
                        + " WHERE end_date < ? AND size >= ? ORDER BY end_date DESC, seq DESC LIMIT ?",
                        [since, dormant_size, dormant_limit],
                        True,
                    )
                )
        states = []
        # Stories' cores (``StoryState.core``), in their own table (a store made before cores has none).
        cores: dict[str, tuple[int, dict[int, float] | None]] = {}
        if self.has_table("story_cores"):
            for story, core_at, core_keys, core_weights in self.connection.execute(
                "SELECT id, core_at, keys, weights FROM story_cores"
            ).fetchall():
                core = None
                if core_keys is not None:
                    core = dict(
                        zip(
                            np.frombuffer(bytes(core_keys), dtype="<i8").tolist(),
                            np.frombuffer(bytes(core_weights), dtype="<f8").tolist(),
                        )
                    )
                cores[str(story)] = (int(core_at), core)
        for query, params, dormant in queries:
            for row in self.connection.execute(query, params).fetchall():
                keys = np.frombuffer(bytes(row[9]), dtype="<i8")
                weights = np.frombuffer(bytes(row[10]), dtype="<f8")
                states.append(
                    StoryState(
                        id=row[0],
                        founder=row[2],
                        start=row[3],
                        end=row[4],
                        size=int(row[5]),
                        centroid=dict(zip(keys.tolist(), weights.tolist())),
                        names=dict(json.loads(row[8])),
                        representative=row[6],
                        representative_score=float(row[7]),
                        sequence=int(row[1]),
                        changed=False,
                        dormant=dormant,
                        core_at=cores.get(row[0], (0, None))[0],
                        core=None if dormant else cores.get(row[0], (0, None))[1],
                    )
                )
        return states

    def latest_story_end(self) -> dt.date | None:
        row = self.first("SELECT max(end_date) FROM stories")
        return row[0] if row else None

    def next_story_sequence(self) -> int:
        row = self.first(
            "SELECT greatest((SELECT coalesce(max(seq) + 1, 0) FROM stories), "
            "(SELECT coalesce(max(absorbed_seq) + 1, 0) FROM story_merges))"
            if self.has_table("story_merges")
            else "SELECT coalesce(max(seq) + 1, 0) FROM stories"
        )
        return int(row[0]) if row else 0

    def term_stats(self, buckets: int) -> TermStats | None:
        row = self.first("SELECT documents, frequencies FROM term_stats WHERE buckets = ?", [buckets])
        return None if row is None else TermStats.from_bytes(int(row[0]), bytes(row[1]))

    def save_stories(
        self,
        assignments: Sequence[tuple[str, str]],
        states: Iterable[StoryState],
        stats: TermStats,
        merges: Sequence[tuple[str, str, dt.date | None, int]] = (),
    ) -> None:
        changed = [s for s in states if s.changed]
        row = self.first("SELECT coalesce(max(position), 0) FROM story_articles")
        position = int(row[0]) + 1 if row else 1
        columns: dict[str, list[Any]] = {name: [] for name in STORY_TYPES}
        for state in changed:
            keys = np.fromiter(state.centroid.keys(), dtype="<i8", count=len(state.centroid))
            weights = np.fromiter(state.centroid.values(), dtype="<f8", count=len(state.centroid))
            for name, value in (
                ("id", state.id),
                ("seq", state.sequence),
                ("founder", state.founder),
                ("start_date", state.start),
                ("end_date", state.end),
                ("size", state.size),
                ("representative", state.representative),
                ("representative_score", state.representative_score),
                ("names", json.dumps(state.names, ensure_ascii=False)),
                ("centroid_keys", keys.tobytes()),
                ("centroid_weights", weights.tobytes()),
            ):
                columns[name].append(value)
        core_rows = []
        for state in changed:
            if state.core_at:
                core = state.core or {}
                core_rows.append(
                    [
                        state.id,
                        state.core_at,
                        np.fromiter(core.keys(), dtype="<i8", count=len(core)).tobytes()
                        if state.core
                        else None,
                        np.fromiter(core.values(), dtype="<f8", count=len(core)).tobytes()
                        if state.core
                        else None,
                    ]
                )
        links: dict[str, list[Any]] = {
            "article_id": [a for a, _ in assignments],
            "story_id": [s for _, s in assignments],
            "position": list(range(position, position + len(assignments))),
        }
        with self.transaction():
            if changed:
                import pyarrow as pa

                self.connection.register("storyline_changed", pa.table({"id": columns["id"]}))
                try:
                    self.connection.execute(
                        "DELETE FROM stories WHERE id IN (SELECT id FROM storyline_changed)"
                    )
                finally:
                    self.connection.unregister("storyline_changed")
                self.insert_arrow("stories", arrow_columns(columns, STORY_TYPES))
                if core_rows:
                    self.connection.executemany(
                        "INSERT OR REPLACE INTO story_cores VALUES (?, ?, ?, ?)", core_rows
                    )
            self.insert_arrow("story_articles", arrow_columns(links, LINK_TYPES), conflict=True)
            if merges:
                row = self.first("SELECT coalesce(max(position), 0) FROM story_merges")
                merged_position = int(row[0]) + 1 if row else 1
                for offset, (absorbed, survivor, merged_on, absorbed_seq) in enumerate(merges):
                    # The absorbed story's articles, and every id it had itself absorbed, now
                    # belong to the survivor; its own id stays as a pointer to the survivor.
                    self.connection.execute(
                        "UPDATE story_articles SET story_id = ? WHERE story_id = ?", [survivor, absorbed]
                    )
                    self.connection.execute(
                        "UPDATE story_merges SET survivor = ? WHERE survivor = ?", [survivor, absorbed]
                    )
                    self.connection.execute(
                        "INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?, ?, ?)",
                        [absorbed, survivor, merged_on, absorbed_seq, merged_position + offset],
                    )
                    self.connection.execute("DELETE FROM stories WHERE id = ?", [absorbed])
                    self.connection.execute("DELETE FROM story_cores WHERE id = ?", [absorbed])
            self.connection.execute(
                "INSERT OR REPLACE INTO term_stats VALUES (?, ?, ?)",
                [len(stats.frequencies), stats.documents, stats.to_bytes()],
            )
        for state in changed:
            state.changed = False

    def resolve_story(self, given: str) -> str:
        """A story id from what the user typed: the id itself or an unambiguous prefix of it; an id
        merged into another story resolves to the story it is now part of."""
        pattern = given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = "SELECT id, id FROM stories WHERE id = ? OR id LIKE ? ESCAPE '\\' "
        params = [given, pattern]
        if self.has_table("story_merges"):
            query += (
                "UNION SELECT absorbed, survivor FROM story_merges "
                "WHERE absorbed = ? OR absorbed LIKE ? ESCAPE '\\' "
            )
            params += [given, pattern]
        rows = self.connection.execute(query + "ORDER BY 1 LIMIT 5", params).fetchall()
        found = {str(r[0]): str(r[1]) for r in rows}
        if given in found:
            return found[given]
        if len(set(found.values())) == 1:
            return next(iter(found.values()))
        if not found:
            raise UsageError(
                f"{self.path}: no story {given!r} (run `storyline stories --db {self.path}` to list them)"
            )
        raise UsageError(f"{self.path}: story {given!r} is ambiguous: {', '.join(sorted(found))}, ...")

    def absorbed(self) -> dict[str, list[str]]:
        """For each story that absorbed others: their ids, in merge order."""
        if not self.has_table("story_merges"):  # a store made before merges, opened read-only
            return {}
        rows = self.connection.execute(
            "SELECT survivor, absorbed FROM story_merges ORDER BY position"
        ).fetchall()
        found: dict[str, list[str]] = {}
        for survivor, absorbed in rows:
            found.setdefault(str(survivor), []).append(str(absorbed))
        return found

    def stories(self, story: str | None = None, with_articles: bool = False) -> list[StoredStory]:
        where = "WHERE s.id = ?" if story is not None else ""
        params: list[Any] = [story] if story is not None else []
        rows = self.connection.execute(
            "SELECT s.id, s.size, s.start_date, s.end_date, s.names, a.title, substr(a.text, 1, 300) "
            f"FROM stories s LEFT JOIN articles a ON a.id = s.representative {where} "
            "ORDER BY s.size DESC, s.start_date NULLS LAST, s.id",
            params,
        ).fetchall()
        top_entities = self.top_entities(story)
        absorbed = self.absorbed()
        listed = []
        for story_id_, size, start, end, names_json, title, text_start in rows:
            names = dict(json.loads(names_json))
            top_names = [n for n, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))[:5]]
            entities = top_entities.get(story_id_) or top_names
            listed.append(
                StoredStory(
                    story=Story(
                        id=story_id_,
                        label=label_of(title, text_start or "", entities),
                        article_ids=[],
                        start=start,
                        end=end,
                        entities=entities,
                    ),
                    size=int(size),
                    absorbed=absorbed.get(story_id_, []),
                )
            )
        if with_articles:
            by_id = {s.story.id: s for s in listed}
            cursor = self.connection.cursor()
            try:
                cursor.execute(
                    "SELECT l.story_id, a.id, a.source, a.title, a.published, "
                    "CASE WHEN a.published IS NULL THEN a.data END FROM story_articles l "
                    f"JOIN articles a ON a.id = l.article_id {'WHERE l.story_id = ?' if story else ''} "
                    "ORDER BY l.story_id, a.published NULLS LAST, a.seq",
                    params,
                )
                while rows := cursor.fetchmany(2000):
                    for sid, article_id, source, title, published, data in rows:
                        entry = by_id.get(sid)
                        if entry is None:
                            continue
                        entry.story.article_ids.append(article_id)
                        entry.articles.append(
                            {
                                "id": article_id,
                                "source": source,
                                "title": title,
                                "published": published.isoformat() if published else None,
                                "published_interval": interval_label(data) if published is None else None,
                            }
                        )
            finally:
                cursor.close()
        return listed

    def top_entities(self, story: str | None = None, count: int = 5) -> dict[str, list[str]]:
        """Each story's most widespread entities (in most articles, then most mentions)."""
        where = "WHERE l.story_id = ?" if story is not None else ""
        rows = self.connection.execute(
            "SELECT story_id, text FROM ("
            "  SELECT l.story_id, e.text, count(DISTINCT e.id) AS articles, sum(e.mentions) AS mentions"
            "  FROM entities e JOIN story_articles l ON l.article_id = e.id "
            f"  {where} GROUP BY l.story_id, e.text"
            ") QUALIFY row_number() OVER (PARTITION BY story_id ORDER BY articles DESC, mentions DESC, text)"
            f" <= {int(count)} ORDER BY story_id, articles DESC, mentions DESC, text",
            [story] if story is not None else [],
        ).fetchall()
        found: dict[str, list[str]] = {}
        for story_id_, text in rows:
            found.setdefault(str(story_id_), []).append(str(text))
        return found

    # --- export --------------------------------------------------------------------------------
    def export_parquet(self, directory: str) -> list[str]:
        target = Path(directory)
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for table, order in (
            ("articles", "seq"),
            ("entities", "id, label, text"),
            ("stories", "seq"),
            ("story_articles", "position"),
            ("story_merges", "position"),
        ):
            path = target / f"{table}.parquet"
            self.connection.execute(
                f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{sql_string(str(path))}' (FORMAT parquet)"
            )
            written.append(str(path))
        return written

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.close()


def sql_string(value: str) -> str:
    return value.replace("'", "''")


ARTICLE_TYPES = {
    "id": "string",
    "seq": "int64",
    "source": "string",
    "title": "string",
    "outlet": "string",
    "url": "string",
    "published": "date32",
    "duplicate_of": "string",
    "annotated": "bool",
    "text": "string",
    "data": "string",
    "names": "list<string>",
    "name_counts": "list<int32>",
    "ingested_at": "timestamp",
    "content_hash": "string",
}
PRINT_TYPES = {"id": "string", "seq": "int64", "size": "int32", "signature": "binary"}
BAND_TYPES = {"key": "int64", "id": "string", "seq": "int64"}
ENTITY_TYPES = {"id": "string", "text": "string", "label": "string", "mentions": "int32"}
ANALYSIS_TYPES = {"key": "string", "id": "string", "data": "binary"}
STORY_TYPES = {
    "id": "string",
    "seq": "int32",
    "founder": "string",
    "start_date": "date32",
    "end_date": "date32",
    "size": "int32",
    "representative": "string",
    "representative_score": "float64",
    "names": "string",
    "centroid_keys": "binary",
    "centroid_weights": "binary",
}
LINK_TYPES = {"article_id": "string", "story_id": "string", "position": "int64"}


def arrow_columns(columns: dict[str, list[Any]], types: dict[str, str]) -> dict[str, Any]:
    import pyarrow as pa

    kinds = {
        "string": pa.string(),
        "int64": pa.int64(),
        "int32": pa.int32(),
        "date32": pa.date32(),
        "bool": pa.bool_(),
        "binary": pa.binary(),
        "float64": pa.float64(),
        "timestamp": pa.timestamp("us"),
        "list<string>": pa.list_(pa.string()),
        "list<int32>": pa.list_(pa.int32()),
    }
    return {name: pa.array(values, kinds[types[name]]) for name, values in columns.items()}


# The first bytes of a DuckDB database file: a checksum (8 bytes), then the magic "DUCK".
DUCKDB_MAGIC = b"DUCK"


def check_store_file(path: str, read_only: bool) -> None:
    """Refuse, with one line, what cannot be a store: a missing file (read-only), a missing folder,
    something that is not a regular file, a file that is not a DuckDB database. An empty file (as
    ``mktemp`` leaves) is taken as a new store."""
    if "\x00" in path:
        raise UsageError(f"{path!r}: a store name cannot contain a NUL character")
    store = Path(path)
    if not store.parent.is_dir():
        raise UsageError(f"{path}: directory {store.parent} does not exist")
    try:
        info = store.stat()
    except FileNotFoundError:
        if read_only:
            raise UsageError(
                f"{path}: no such store (create it with `storyline ingest PATHS --db {path}`)"
            ) from None
        return
    except OSError as exc:
        raise UsageError(f"{path}: cannot open the store: {exc.strerror or exc}") from exc
    if not stat_module.S_ISREG(info.st_mode):
        raise UsageError(f"{path}: not a regular file, so not a storyline store")
    if info.st_size == 0:
        if read_only:
            raise UsageError(f"{path}: an empty file, not a store (ingest articles into it first)")
        store.unlink()  # DuckDB refuses an empty file; it is a new store
        return
    try:
        with open(store, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise UsageError(f"{path}: cannot open the store: {exc.strerror or exc}") from exc
    if head[8:12] != DUCKDB_MAGIC:
        raise UsageError(f"{path}: not a storyline store (not a DuckDB database file)")


def first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@stores.register("duckdb")
def open_duckdb(path: str, read_only: bool = False) -> DuckDBStore:
    return DuckDBStore(path, read_only=read_only)


# --- ingest -------------------------------------------------------------------------------------


@dataclass
class IngestReport:
    """What one ingest did."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    runner: str = "in this process"

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["problems"] = [str(p) for p in self.problems]
        return data


class StoredAnalysis:
    """The analyses a store kept at ingest for some articles, read at once (the store is then closed):
    an ``AnalysisSource`` for ``annotate_articles``. An entry that does not check out is not used."""

    def __init__(self, entries: dict[str, bytes], keys: Keys) -> None:
        self.entries = entries
        self.keys = keys

    @classmethod
    def of(cls, store: Store, settings: Settings, articles: Sequence[Article]) -> StoredAnalysis:
        keys = Keys(settings)
        wanted = [keys.key(article) for article in articles]
        return cls(store.analyses(wanted), keys)

    def key(self, article: Article) -> str:
        return self.keys.key(article)

    def get(self, key: str, text: str | None = None) -> Entry | None:
        data = self.entries.pop(key, None)
        if data is None:
            return None
        try:
            return self.keys.check(decode(key, data), text)
        except Exception as exc:  # never trusted: the article is parsed again
            log.warning("ignoring a damaged analysis kept in the store (%s): %s", key[:12], exc)
            return None


def interval_label(data: str | None) -> str:
    """The publication interval of a stored article whose date is not stated, as shown (``after 2011-08``)."""
    record = json.loads(data) if data else {}
    return Article.from_dict({"id": "", "source": "", "text": "", **record}).published_label()


def raw_batches(
    raws: Iterable[RawDocument | InputProblem],
    store: Store,
    report: IngestReport,
    on_problem: Callable[[InputProblem], None],
    batch_size: int,
) -> Iterator[list[tuple[RawDocument, str]]]:
    """Group new raw documents into batches, skipping (cheaply, by content hash) those already stored.

    Each new document gets its id here: its JSONL record's ``id`` when it has one, else its content hash;
    an id the store or this run has already given to other content gets ``-2``, ``-3`` (as ``IdAssigner``
    does within one run)."""
    from ..ingest.prepare import content_id

    assigned: set[str] = set()
    pending: list[tuple[RawDocument, str, str]] = []

    def flush() -> list[tuple[RawDocument, str]]:
        known = store.known_contents(list({content for _, _, content in pending}))
        report.already_stored += sum(1 for _, _, content in pending if content in known)
        fresh = [(raw, base, content) for raw, base, content in pending if content not in known]
        taken = store.taken_ids([base for _, base, _ in fresh])
        batch: list[tuple[RawDocument, str]] = []
        for raw, base, _ in fresh:
            chosen, count = base, 1
            while chosen in assigned or chosen in taken:
                count += 1
                chosen = f"{base}-{count}"
                if chosen not in assigned and chosen not in taken:
                    taken |= store.taken_ids([chosen])
            assigned.add(chosen)
            batch.append((raw, chosen))
        return batch

    for raw in raws:
        if isinstance(raw, InputProblem):
            report.problems.append(raw)
            on_problem(raw)
            continue
        report.read += 1
        content = content_id(raw.content)
        given = raw.fields.get("id")
        pending.append((raw, str(given) if given not in (None, "") else content, content))
        if len(pending) >= batch_size:
            fresh = flush()
            pending = []
            if fresh:
                yield fresh
    if pending:
        fresh = flush()
        if fresh:
            yield fresh


def deduplicate_batch(store: Store, batch: list[Prepared], settings: DedupSettings) -> None:
    """Set ``duplicate_of`` for a batch: against the store, then against the batch's earlier articles."""
    keys = {item.article.id: band_keys(item.fingerprint.signature, settings) for item in batch}
    stored = store.band_candidates({k: v for k, v in keys.items() if v})
    known = store.fingerprints({c for found in stored.values() for c in found})
    batch_prints: dict[str, tuple[Fingerprint, str | None]] = {}
    batch_bands: dict[int, list[str]] = {}
    for item in batch:
        article = item.article
        candidates = list(stored.get(article.id, []))
        seen = set(candidates)
        for key in keys[article.id]:
            for other in batch_bands.get(key, []):
                if other not in seen:
                    seen.add(other)
                    candidates.append(other)

        def lookup(article_id: str) -> Fingerprint:
            return (batch_prints.get(article_id) or known[article_id])[0]

        def original_of(article_id: str) -> str | None:
            return (batch_prints.get(article_id) or known[article_id])[1]

        original = find_original(item.fingerprint, candidates, lookup, original_of, settings)
        article.duplicate_of = original
        batch_prints[article.id] = (item.fingerprint, original)
        if item.fingerprint.size:
            for key in keys[article.id]:
                batch_bands.setdefault(key, []).append(article.id)


def ingest_stream(
    paths: Iterable[str],
    store: Store,
    report: IngestReport,
    settings: Settings | None = None,
    annotate: bool = True,
    overrides: dict[str, Any] | None = None,
    run: Runner | None = None,
    batch_size: int | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    meta: ArticleMeta | None = None,
) -> Iterator[Article]:
    """Read, clean, describe, (annotate,) deduplicate and store every new article in ``paths`` (with the
    fields ``meta`` gives each, ``storyline.ingest.meta``);
    yield each article once its batch is committed (for progress bars), counting in ``report``.

    Batches are prepared by ``run`` (in this process, or on Dask) and stored in input order, each in
    one transaction. ``settings`` are the installed ones (``current_settings()``) unless given.
    """
    settings = settings or current_settings()
    runner_ = run or LocalRunner()
    report.runner = runner_.description
    dedup_settings = store_dedup_settings(store, settings)
    store_story_settings(store, settings)
    handler = on_problem or (lambda problem: None)
    batch = batch_size or settings.store.batch
    raws = read(paths, settings.max_bytes)
    batches = raw_batches(meta.apply(raws) if meta is not None else raws, store, report, handler, batch)
    for results in runner_.map(prepare_batch, batches, overrides, annotate, settings, dedup_settings):
        ready: list[Prepared] = []
        for result in results:
            if isinstance(result, InputProblem):
                report.problems.append(result)
                handler(result)
            else:
                ready.append(result)
        deduplicate_batch(store, ready, dedup_settings)
        store.add(ready)
        report.added += len(ready)
        report.duplicates += sum(1 for item in ready if item.article.duplicate_of)
        for item in ready:
            yield item.article


def ingest(paths: Iterable[str], store: Store, **options: Any) -> IngestReport:
    """``ingest_stream`` run to the end; returns what it did."""
    report = IngestReport()
    for _article in ingest_stream(paths, store, report, **options):
        pass
    return report


def store_dedup_settings(store: Store, settings: Settings | None = None) -> DedupSettings:
    """The dedup settings the store was built with (recorded on first use, so later runs agree)."""
    return recorded_settings(store, "dedup", (settings or current_settings()).copies)


def store_story_settings(store: Store, settings: Settings | None = None) -> StorySettings:
    """The story settings the store was built with (recorded on first use, so later runs agree)."""
    return recorded_settings(store, "stories", (settings or current_settings()).stories)


SettingsSection = TypeVar("SettingsSection", DedupSettings, StorySettings)


def recorded_settings(store: Store, name: str, chosen: SettingsSection) -> SettingsSection:
    """The section ``name`` as the store recorded it; on first use, ``chosen``, recorded now."""
    stored = store.settings(name)
    if stored is None:
        store.save_settings(name, dataclasses.asdict(chosen))
        return chosen
    return type(chosen)(**stored)


def story_stream(store: Store, chunk: int = 2000) -> Iterator[tuple[str, str]]:
    """Assign every unassigned stored article to a story, in publication-date order (undated last),
    yielding (article id, story id) once each chunk is committed.

    Each chunk's assignments and the clusterer's state are committed together, so an interrupted
    run loses at most the chunk in progress, and the next run continues where it stopped.
    """
    settings = store_story_settings(store)
    items = store.unassigned(chunk)
    if not items:
        return
    since = None
    if items[0].published is not None:
        since = items[0].published - dt.timedelta(days=int(settings.horizon_days) + 1)
    dormant_limit = settings.dormant_limit if settings.keeps_dormant else 0
    clusterer = StoryClusterer(
        settings,
        stats=store.term_stats(settings.buckets),
        stories=store.story_states(since, settings.dormant_size, dormant_limit),
        now=store.latest_story_end(),
    )
    clusterer.next_sequence = max(clusterer.next_sequence, store.next_story_sequence())
    while items:
        given = [(item.article_id, clusterer.assign(item)) for item in items]
        # A story given earlier in the chunk may have been merged since: report where it is now.
        assignments = [(article, clusterer.resolve(story)) for article, story in given]
        store.save_stories(assignments, clusterer.take_changed(), clusterer.stats, clusterer.take_merges())
        # Copies of these articles met in later chunks find their story through the store.
        clusterer.assigned.clear()
        yield from assignments
        items = store.unassigned(chunk)


def group_stories(store: Store, chunk: int = 2000) -> int:
    """``story_stream`` run to the end; returns how many articles were assigned."""
    return sum(1 for _ in story_stream(store, chunk))
