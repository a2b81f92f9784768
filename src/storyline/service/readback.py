"""Kept results and pieces read back fast: one reader per type, built once, that turns a value's JSON form
into the value and checks on the way that it is that value's form exactly.

This is the one reader of kept JSON (stage results, pieces, the articles as prepared). ``reader(kind)(value)``
is the value of type ``kind`` (a model dataclass, list, tuple, set, dict, date, scalar, optional) whose JSON
form (``model.to_jsonable``) is ``value``, and raises ``TypeError`` or ``ValueError`` where it is not of that
form. With ``exact=True`` (a stage's result) it also refuses, in the same pass, a value that ``to_jsonable``
of what is read would not give back (a set out of its order, a date not written as it reads, a NaN), so an
accepted result gives the same JSON again; with ``exact=False`` (a piece) only the form is checked.

For a union of several types besides None each type is tried in order and the first that reads (back
exactly) wins. No kept type of the brief has such a union.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any

from ..model import to_jsonable

Reader = Callable[[Any], Any]


def read_back(kind: Any, value: Any, exact: bool = True) -> Any:
    """The value of type ``kind`` whose JSON form is ``value`` (TypeError or ValueError when it is not one)."""
    return reader(kind, exact)(value)


@functools.cache
def reader(kind: Any, exact: bool = True) -> Reader:
    """The reader of ``kind``'s JSON form (built once per type)."""
    if kind is Any:
        return any_value if exact else same
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return union_reader(kind, exact)
    if origin in (list, Sequence):
        (item,) = typing.get_args(kind) or (Any,)
        return list_reader(reader(item, exact))
    if origin in (frozenset, set):
        (item,) = typing.get_args(kind) or (Any,)
        return set_reader(origin, reader(item, exact), exact)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple_reader(reader(args[0], exact))
        return fixed_tuple_reader(tuple(reader(a, exact) for a in args))
    if origin is dict:
        _, item = typing.get_args(kind) or (str, Any)
        return dict_reader(reader(item, exact))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return dataclass_reader(kind, exact)
    if kind is dt.date:
        return date_reader(exact)
    if kind is float:
        return float_reader(exact)
    if kind is int or kind is bool or kind is str:
        return scalar_reader(kind)
    raise TypeError(f"cannot read a {kind} back")


def same(value: Any) -> Any:
    return value


def any_value(value: Any) -> Any:
    # ``to_jsonable`` gives JSON back as it is, but a NaN is not equal to itself
    if isinstance(value, float) and math.isnan(value):
        raise ValueError("NaN does not read back exactly")
    if isinstance(value, list | dict) and to_jsonable(value) != value:
        raise ValueError("the value does not read back exactly")
    return value


def union_reader(kind: Any, exact: bool) -> Reader:
    optional = type(None) in typing.get_args(kind)
    options = [reader(option, exact) for option in typing.get_args(kind) if option is not type(None)]

    def read(value: Any) -> Any:
        if value is None and optional:
            return None
        errors: list[Exception] = []
        for option in options:
            try:
                return option(value)
            except (TypeError, ValueError) as exc:
                errors.append(exc)
        raise TypeError(f"{value!r:.60} is none of {kind}: {errors}")

    return read


def list_reader(item: Reader) -> Reader:
    if item is same:

        def read_plain(value: Any) -> Any:
            if type(value) is not list:
                raise TypeError(f"expected a list, not {type(value).__name__}")
            return list(value)

        return read_plain

    def read(value: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected a list, not {type(value).__name__}")
        return [item(v) for v in value]

    return read


def set_reader(origin: type, item: Reader, exact: bool) -> Reader:
    def read(value: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected a list, not {type(value).__name__}")
        found = origin(item(v) for v in value)
        # a set is written in its own order (strings hash differently in each process)
        if exact and to_jsonable(found) != value:
            raise ValueError("the set does not read back in its order")
        return found

    return read


def tuple_reader(item: Reader) -> Reader:
    def read(value: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected a list, not {type(value).__name__}")
        return tuple(item(v) for v in value)

    return read


def fixed_tuple_reader(items: tuple[Reader, ...]) -> Reader:
    def read(value: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected a list, not {type(value).__name__}")
        if len(items) != len(value):
            raise ValueError(f"expected {len(items)} items, not {len(value)}")
        return tuple(r(v) for r, v in zip(items, value, strict=True))

    return read


def dict_reader(item: Reader) -> Reader:
    def read(value: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object, not {type(value).__name__}")
        return {k: item(v) for k, v in value.items()}

    return read


def dataclass_reader(kind: type, exact: bool) -> Reader:
    # built lazily: a dataclass may hold itself (a tree), and its hints name classes defined after it
    built: list[Reader] = []

    def read(value: Any) -> Any:
        if not built:
            built.append(build_dataclass_reader(kind, exact))
        return built[0](value)

    return read


def build_dataclass_reader(kind: type, exact: bool) -> Reader:
    hints = type_hints(kind)
    every = dataclasses.fields(kind)
    names = frozenset(f.name for f in every)
    fields = [(f.name, reader(hints[f.name], exact)) for f in every if f.init]
    # what the class may change after its fields are given (``__post_init__``, fields not given) is checked
    # the slow way, on the object made
    checked = exact and (hasattr(kind, "__post_init__") or len(fields) != len(every))
    name = kind.__name__

    def read(value: Any) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object for {name}")
        if value.keys() != names:
            raise ValueError(f"fields of {name} do not match")
        made = kind(**{field: item(value[field]) for field, item in fields})
        if checked and to_jsonable(made) != value:
            raise ValueError(f"the {name} does not read back exactly")
        return made

    return read


def date_reader(exact: bool) -> Reader:
    def read(value: Any) -> Any:
        if not isinstance(value, str):
            raise TypeError("expected a date")
        day = dt.date.fromisoformat(value)
        if exact and day.isoformat() != value:
            raise ValueError("the date is not written as it reads back")
        return day

    return read


def float_reader(exact: bool) -> Reader:
    def read(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("expected a number")
        if exact and value != value:
            raise ValueError("NaN does not read back exactly")
        return value

    return read


def scalar_reader(kind: type) -> Reader:
    def read(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, not {type(value).__name__}")
        return value

    return read


@functools.cache
def type_hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)
