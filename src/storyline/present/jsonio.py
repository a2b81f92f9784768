"""JSON out: one way to turn results into JSON text, used by the CLI's ``--json`` and ``storyline evaluate``.

``to_jsonable`` (in ``storyline.model``) makes model objects JSON-ready; here they become text, always
UTF-8 (``ensure_ascii=False``) with two-space indentation, so every command prints the same style.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from ..model import to_jsonable


def dump_json(value: Any) -> str:
    """``value`` (model objects, dates, dicts, lists) as indented JSON text, without a final newline."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)


def print_json(value: Any, stream: TextIO | None = None) -> None:
    """Write ``value`` as indented JSON and a newline to ``stream`` (standard output by default)."""
    out = sys.stdout if stream is None else stream
    # written piece by piece as the encoder makes them (the same text as ``dump_json``): a whole brief's JSON
    # is never held as one string (bpoil_bbc's 15 MB brief: +75 MB peak as one string, +0 streamed)
    json.dump(to_jsonable(value), out, ensure_ascii=False, indent=2)
    out.write("\n")
