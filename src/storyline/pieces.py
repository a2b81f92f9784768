"""Per-article pieces of the brief's stages, kept between briefs: a story brief after new articles
computes the per-article part of each stage for the new articles only.

A stage whose work splits into a part per article (the attributions of one article, the event time of
each of its sentences, its mentions and titles) and a part across articles asks for each article's part
with ``piece(name, article, kind, compute)``. While a brief runs with a kept analysis
(``storyline.service.brief`` installs one with ``keeping``), a piece is read back when it was kept for an
equal article (its text, metadata and annotations: everything the article holds) under the same code,
settings and stage arguments (``extra``); otherwise it is computed and kept. Without one (tests, the
Python API without a cache, the evaluation tools) ``piece`` just computes it. A kept piece is plain JSON
read back into ``kind`` exactly (``from_jsonable``); one that does not read back is computed again.

A piece must depend on nothing but the article (and ``extra``): the cross-article steps run every time.
It must not read the article's ``source``, ``duplicate_of`` or ``published_interval``: a piece is found
again for an article read from another file, or whose copy mark or inferred date the corpus changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")


class PieceSource(typing.Protocol):
    """Where pieces are kept (``storyline.service.cache.AnalysisCache``)."""

    def piece_key(self, name: str, article: Any, extra: str) -> str | None: ...

    def get_piece(self, key: str, kind: Any) -> tuple[bool, Any]: ...

    def put_piece(self, key: str, value: Any) -> None: ...


ACTIVE: ContextVar[PieceSource | None] = ContextVar("storyline_pieces", default=None)


@contextlib.contextmanager
def keeping(source: PieceSource | None) -> Iterator[None]:
    """Keep and find pieces in ``source`` (None: compute every piece) while the block runs."""
    token = ACTIVE.set(source)
    try:
        yield
    finally:
        ACTIVE.reset(token)


def active() -> bool:
    return ACTIVE.get() is not None


def piece(name: str, article: Any, kind: Any, compute: Callable[[], T], extra: str = "") -> T:
    """The piece ``name`` of ``article`` (of type ``kind``): kept, or computed by ``compute`` and kept."""
    source = ACTIVE.get()
    key = source.piece_key(name, article, extra) if source is not None else None
    if source is None or key is None:
        return compute()
    found, value = source.get_piece(key, kind)
    if found:
        return typing.cast(T, value)
    value = compute()
    source.put_piece(key, value)
    return value


def kept_piece(name: str, article: Any, kind: Any, extra: str = "") -> tuple[bool, Any]:
    """``(True, piece)`` when the piece is kept (nothing is computed), else ``(False, None)``: a stage
    that does its per-article work in batches asks first, and batches only the articles that miss."""
    source = ACTIVE.get()
    key = source.piece_key(name, article, extra) if source is not None else None
    if source is None or key is None:
        return False, None
    return source.get_piece(key, kind)


def from_jsonable(kind: Any, value: Any) -> Any:
    """The value of type ``kind`` (a model dataclass, list, tuple, set, dict, date, scalar, optional) whose
    JSON form (``model.to_jsonable``) is ``value``; TypeError or ValueError when it is not of that form."""
    if kind is Any:
        return value
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        errors: list[Exception] = []
        for option in options:
            if option is type(None):
                continue
            try:
                return from_jsonable(option, value)
            except (TypeError, ValueError) as exc:
                errors.append(exc)
        raise TypeError(f"{value!r:.60} is none of {kind}: {errors}")
    if origin in (list, Sequence, frozenset, set):
        if not isinstance(value, list):
            raise TypeError(f"expected a list, not {type(value).__name__}")
        (item,) = typing.get_args(kind) or (Any,)
        items = [from_jsonable(item, v) for v in value]
        return items if origin in (list, Sequence) else origin(items)
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError(f"expected a list, not {type(value).__name__}")
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], v) for v in value)
        if len(args) != len(value):
            raise ValueError(f"expected {len(args)} items, not {len(value)}")
        return tuple(from_jsonable(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, not {type(value).__name__}")
        _, item = typing.get_args(kind) or (str, Any)
        return {k: from_jsonable(item, v) for k, v in value.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {kind.__name__}")
        hints = type_hints(kind)
        fields = [f for f in dataclasses.fields(kind) if f.init]
        if set(value) != {f.name for f in dataclasses.fields(kind)}:
            raise ValueError(f"fields of {kind.__name__} do not match")
        return kind(**{f.name: from_jsonable(hints[f.name], value[f.name]) for f in fields})
    if kind is dt.date:
        if not isinstance(value, str):
            raise TypeError("expected a date")
        return dt.date.fromisoformat(value)
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("expected a number")
        return value
    if kind is int or kind is bool or kind is str:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, not {type(value).__name__}")
        return value
    raise TypeError(f"cannot read a {kind} back")


@functools.cache
def type_hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
