"""Run the batch pipeline (clean, describe, annotate, fingerprint) on Dask, or in this process.

The expensive, independent work of a batch of raw documents is one function, ``prepare_batch``.
A ``Runner`` maps it over batches and hands the results back *in submission order*, so whatever
follows (deduplication, storing, story clustering, which depend on order) sees exactly the same
stream as in a single-process run: results are identical, only faster.

- ``LocalRunner``: in this process (the default; no Dask involved).
- ``DaskRunner``: ``dask.distributed``; ``runner(workers=N)`` starts a ``LocalCluster`` of N worker
  processes on loopback, ``runner(scheduler="tcp://HOST:PORT")`` joins an existing cluster
  (dask-jobqueue, Kubernetes, ``dask scheduler`` + ``dask worker`` by hand). Workers need storyline
  installed in the same version. At most a few batches per worker thread are in flight, so the client's
  memory stays flat however large the input.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..errors import InputProblem, StorylineError
from ..ingest.read import RawDocument
from ..model import Article
from ..settings import DEFAULTS, Settings
from .copies import DEFAULT_SETTINGS as DEFAULT_DEDUP
from .copies import DedupSettings, Fingerprint, fingerprint
from .stories import name_terms

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Prepared:
    """An article ready to store: cleaned, described, maybe annotated, with what dedup and stories need."""

    article: Article
    fingerprint: Fingerprint
    names: dict[str, int]
    annotated: bool
    # The article's analysis as kept (``storyline.annotate.kept``): its key and bytes, when annotated.
    analysis: tuple[str, bytes] | None = None
    # The hash of the raw content (``storyline.ingest.prepare.content_id``): what makes re-ingesting
    # idempotent now that an article's id is its JSONL record's own ``id`` when it has one.
    content_hash: str = ""


def prepare_batch(
    batch: list[tuple[RawDocument, str]],
    overrides: dict[str, Any] | None = None,
    annotate: bool = True,
    settings: Settings = DEFAULTS,
    dedup: DedupSettings = DEFAULT_DEDUP,
) -> list[Prepared | InputProblem]:
    """Clean, describe, (annotate,) fingerprint and extract story terms for each (raw, id), in order.

    Runs on a Dask worker or in-process; a document that cannot be used becomes an ``InputProblem``.
    """
    from ..ingest.prepare import content_id, try_prepare

    results = [try_prepare(raw, article_id, overrides) for raw, article_id in batch]
    hashes = {article_id: content_id(raw.content) for raw, article_id in batch}
    articles = [r for r in results if isinstance(r, Article)]
    analyses: dict[str, tuple[str, bytes]] = {}
    if annotate and articles:
        from ..annotate.kept import Keys, encode
        from ..annotate.nlp import annotate_docs
        from ..annotate.timex import anchor_of, tag

        keys = Keys(settings)
        for article, doc in annotate_docs(articles, settings=settings):
            # kept whole, so a brief of stored articles never parses them again
            key = keys.key(article)
            analyses[article.id] = (key, encode(key, article, tag(article.text, anchor_of(article)), doc))
    prepared: list[Prepared | InputProblem] = []
    for result in results:
        if isinstance(result, InputProblem):
            prepared.append(result)
        else:
            prepared.append(
                Prepared(
                    article=result,
                    fingerprint=fingerprint(result.id, result.text, dedup),
                    names=name_terms(result.text),
                    annotated=annotate,
                    analysis=analyses.get(result.id),
                    content_hash=hashes.get(result.id, ""),
                )
            )
    return prepared


class Runner(Protocol):
    """Maps a function over batches, yielding results in the order the batches were given."""

    def map(self, function: Callable[..., R], batches: Iterable[T], *args: Any) -> Iterator[R]: ...

    @property
    def description(self) -> str: ...


class LocalRunner:
    description = "in this process"

    def map(self, function: Callable[..., R], batches: Iterable[T], *args: Any) -> Iterator[R]:
        for batch in batches:
            yield function(batch, *args)


class DaskRunner:
    """Submits batches to a ``dask.distributed`` client, a bounded number at a time, results in order."""

    def __init__(self, client: Any, description: str) -> None:
        self.client = client
        self.description = description
        threads = sum(client.nthreads().values()) or 1
        self.in_flight = 2 * threads

    def map(self, function: Callable[..., R], batches: Iterable[T], *args: Any) -> Iterator[R]:
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(self.client.submit(function, batch, *args, pure=False))
            if len(pending) >= self.in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


@contextlib.contextmanager
def runner(workers: int = 1, scheduler: str | None = None, timeout: float = 20.0) -> Iterator[Runner]:
    """The runner for ``--workers N`` / ``--scheduler ADDRESS``: Dask when either asks for it
    (``timeout``: seconds to wait for the scheduler to answer)."""
    if scheduler is None and workers <= 1:
        yield LocalRunner()
        return
    from dask.distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError) as exc:
            raise StorylineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc} "
                "(is `dask scheduler` running there, and the address tcp://HOST:PORT?)"
            ) from exc
        with client:
            workers_seen = len(client.scheduler_info().get("workers", {}))
            yield DaskRunner(client, f"on the Dask cluster at {scheduler} ({workers_seen} workers)")
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield DaskRunner(client, f"on a local Dask cluster of {workers} worker processes")
