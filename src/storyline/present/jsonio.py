"""JSON out: one way to turn results into JSON text, used by the CLI's ``--json`` and ``storyline evaluate``.

``to_jsonable`` (in ``storyline.model``) makes model objects JSON-ready; here they become text, always
UTF-8 (``ensure_ascii=False``), keys in order. Two layouts, the same content (as ``gh`` does): **indented**
(two spaces) when standard output is a terminal, where a person reads it, or when ``--pretty`` asks for it
(``PRETTY``); **compact** (no indentation, separators without spaces) otherwise, where a program reads it: a
pipe or a file. The compact text is made by the C encoder, the indented one by the standard library's
pure-Python one (bpoil_bbc's brief: ~0.25 CPU s against ~1.0).
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

from ..model import to_jsonable

# True: always indented (the CLI's ``--pretty``); None: indented only when standard output is a terminal.
PRETTY: bool | None = None

COMPACT = (",", ":")


def indented(pretty: bool | None = None) -> bool:
    """Whether JSON is written indented: ``pretty`` when given, else ``PRETTY``, else whether standard
    output is a terminal (where a person reads it)."""
    chosen = PRETTY if pretty is None else pretty
    if chosen is not None:
        return chosen
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError):  # replaced by an object without it, or closed
        return False


def dump_json(value: Any, pretty: bool = True) -> str:
    """``value`` (model objects, dates, dicts, lists) as JSON text without a final newline: indented, or
    compact with ``pretty=False``."""
    if pretty:
        return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)
    return json.dumps(to_jsonable(value), ensure_ascii=False, separators=COMPACT)


def write_json(value: Any, out: IO[str], pretty: bool | None = None) -> None:
    """Write ``value`` as JSON (without a final newline) to ``out``, indented or compact (``indented``)."""
    jsonable = to_jsonable(value)
    if indented(pretty):
        # written piece by piece as the encoder makes them (the same text as ``dump_json``): a whole brief's JSON
        # is never held as one string (bpoil_bbc's 15 MB brief: +75 MB peak as one string, +0 streamed)
        json.dump(jsonable, out, ensure_ascii=False, indent=2)
        return
    # ``json.dump`` never uses the C encoder; ``json.dumps`` does when nothing is indented. An object is
    # written one member at a time (the same text as one ``dumps``), so only its largest member is ever
    # held as one string.
    if not isinstance(jsonable, dict) or not jsonable:
        out.write(json.dumps(jsonable, ensure_ascii=False, separators=COMPACT))
        return
    out.write("{")
    for n, (key, member) in enumerate(jsonable.items()):
        out.write(
            ("," if n else "") + json.dumps({key: member}, ensure_ascii=False, separators=COMPACT)[1:-1]
        )
    out.write("}")


def print_json(value: Any, stream: IO[str] | None = None, pretty: bool | None = None) -> None:
    """Write ``value`` as JSON and a newline to ``stream`` (standard output by default): indented when a
    person reads standard output (or ``--pretty``), compact otherwise (``indented``)."""
    out = sys.stdout if stream is None else stream
    write_json(value, out, pretty)
    out.write("\n")
