"""Per-article pieces of the brief's stages, kept between briefs: a story brief after new articles
computes the per-article part of each stage for the new articles only.

A stage whose work splits into a part per article (the attributions of one article, the event time of
each of its sentences, its mentions and titles) and a part across articles is given a ``Pieces`` (the
keyword argument ``pieces``; ``storyline.service.brief`` passes the one of its run, over the kept
analysis) and asks it for each article's part with ``pieces.piece(name, article, kind, compute)``. A piece
is read back when it was kept for an equal article (its text, metadata and annotations: everything the
article holds) under the same code, settings and stage arguments (``extra``); otherwise it is computed and
kept. Without a source (``NO_PIECES``, the default: tests, the Python API without a cache, the evaluation
tools) ``piece`` just computes it. A kept piece is plain JSON read back into ``kind`` exactly
(``storyline.service.readback``); one that does not read back is computed again.

A piece must depend on nothing but the article (and ``extra``): the cross-article steps run every time.
It must not read the article's ``source``, ``duplicate_of`` or ``published_interval``: a piece is found
again for an article read from another file, or whose copy mark or inferred date the corpus changed.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


class PieceSource(typing.Protocol):
    """Where pieces are kept (``storyline.service.cache.AnalysisCache``)."""

    def piece_key(self, name: str, article: Any, extra: str) -> str | None: ...

    def get_piece(self, key: str, kind: Any) -> tuple[bool, Any]: ...

    def put_piece(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Pieces:
    """The pieces of one brief's run: found and kept in ``source``, or (None) always computed."""

    source: PieceSource | None = None

    @property
    def active(self) -> bool:
        return self.source is not None

    def piece(self, name: str, article: Any, kind: Any, compute: Callable[[], T], extra: str = "") -> T:
        """The piece ``name`` of ``article`` (of type ``kind``): kept, or computed by ``compute`` and kept."""
        source = self.source
        key = source.piece_key(name, article, extra) if source is not None else None
        if source is None or key is None:
            return compute()
        found, value = source.get_piece(key, kind)
        if found:
            return typing.cast(T, value)
        value = compute()
        source.put_piece(key, value)
        return value

    def kept(self, name: str, article: Any, kind: Any, extra: str = "") -> tuple[bool, Any]:
        """``(True, piece)`` when the piece is kept (nothing is computed), else ``(False, None)``: a stage
        that does its per-article work in batches asks first, and batches only the articles that miss."""
        source = self.source
        key = source.piece_key(name, article, extra) if source is not None else None
        if source is None or key is None:
            return False, None
        return source.get_piece(key, kind)

    def keep(self, name: str, article: Any, value: Any, extra: str = "") -> None:
        """Keep ``value`` as the piece ``name`` of ``article``: a stage that learns an article's piece on the
        way (``kept`` missed) keeps it without computing it apart."""
        source = self.source
        key = source.piece_key(name, article, extra) if source is not None else None
        if source is not None and key is not None:
            source.put_piece(key, value)


# Every piece computed, none kept: what a stage function uses when it is called without its run's pieces.
NO_PIECES = Pieces()
