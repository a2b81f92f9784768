"""JSON out: one way to turn results into JSON text, used by the CLI's ``--json`` and ``storyline evaluate``.

``to_jsonable`` (in ``storyline.model``) makes model objects JSON-ready; here they become text, always
UTF-8 (``ensure_ascii=False``) with two-space indentation, so every command prints the same style.

The text is exactly ``json.dumps(value, ensure_ascii=False, indent=2)``'s, byte for byte, written by
``indented`` below: with ``indent`` the standard library leaves its C encoder for a pure-Python one
whose every piece of text climbs a chain of generators, one per level of nesting (a whole brief's JSON,
every article's text and annotations, took 7% of a cold brief's CPU). ``indented`` appends the same
pieces to one list, and still encodes strings with the C ``encode_basestring``, numbers with
``int.__repr__`` and ``float.__repr__``, as ``json`` does.
"""

from __future__ import annotations

import sys
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any, TextIO

from ..model import to_jsonable

INDENT = "  "


def dump_json(value: Any) -> str:
    """``value`` (model objects, dates, dicts, lists) as indented JSON text, without a final newline."""
    return indented(to_jsonable(value))


def print_json(value: Any, stream: TextIO | None = None) -> None:
    """Write ``value`` as indented JSON and a newline to ``stream`` (standard output by default)."""
    out = sys.stdout if stream is None else stream
    out.write(dump_json(value))
    out.write("\n")


def indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, faster.

    Values are what ``json`` encodes without a ``default``: dicts (keys str, int, float, bool or None),
    lists and tuples, str, int, float (NaN and infinities as ``json`` writes them), bool and None;
    anything else raises ``TypeError`` as ``json.dumps`` does. (A container holding itself is not
    detected: it ends in ``RecursionError`` rather than ``json``'s ``ValueError``.)"""
    parts: list[str] = []
    _value(value, parts, "\n")
    return "".join(parts)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    """The JSON of a value that is not a container, or None for a list, tuple or dict."""
    if isinstance(value, str):
        return encode_basestring(value)  # type: ignore[no-any-return]
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, list | tuple | dict):
        return None
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _value(value: Any, out: list[str], newline: str) -> None:
    """Append the JSON of ``value`` to ``out``; ``newline`` is a line break and the current indentation."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict or kind is list or kind is tuple or isinstance(value, list | tuple | dict):
        if isinstance(value, dict):
            _object(value, out, newline)
        else:
            _array(value, out, newline)
    else:
        text = _scalar(value)
        assert text is not None
        out.append(text)


def _array(items: list[Any] | tuple[Any, ...], out: list[str], newline: str) -> None:
    if not items:
        out.append("[]")
        return
    inner = newline + INDENT
    separator = "," + inner
    out.append("[" + inner)
    first = True
    append = out.append
    for item in items:
        if first:
            first = False
        else:
            append(separator)
        kind = type(item)
        if kind is str:
            append(encode_basestring(item))
        elif kind is int:
            append(int.__repr__(item))
        elif kind is dict:
            _object(item, out, inner)
        else:
            _value(item, out, inner)
    append(newline + "]")


def _object(mapping: dict[Any, Any], out: list[str], newline: str) -> None:
    if not mapping:
        out.append("{}")
        return
    inner = newline + INDENT
    separator = "," + inner
    out.append("{" + inner)
    first = True
    append = out.append
    for key, item in mapping.items():
        if first:
            first = False
        else:
            append(separator)
        append(encode_basestring(key if type(key) is str else _key(key)))
        append(": ")
        kind = type(item)
        if kind is str:
            append(encode_basestring(item))
        elif kind is int:
            append(int.__repr__(item))
        elif item is None:
            append("null")
        elif kind is dict:
            _object(item, out, inner)
        elif kind is list:
            _array(item, out, inner)
        else:
            _value(item, out, inner)
    append(newline + "}")
