"""JSON out: one style for every command (UTF-8 as written, two-space indentation, keys in order)."""

from __future__ import annotations

import datetime as dt
import math

from storyline.present.jsonio import dump_json, print_json

EXPECTED = """{
  "title": "Réunion à Genève — 日本",
  "count": 3,
  "score": 0.25,
  "nan": NaN,
  "empty": [],
  "nothing": {},
  "dates": [
    "2011-03-15"
  ],
  "nested": {
    "1": [
      true,
      null
    ]
  }
}"""


def test_the_json_style_is_pinned():
    value = {
        "title": "Réunion à Genève — 日本",
        "count": 3,
        "score": 0.25,
        "nan": math.nan,
        "empty": [],
        "nothing": {},
        "dates": [dt.date(2011, 3, 15)],
        "nested": {1: (True, None)},
    }
    assert dump_json(value) == EXPECTED


def test_print_json_ends_with_one_newline(capsys):
    print_json({"a": 1})
    assert capsys.readouterr().out == '{\n  "a": 1\n}\n'


def test_print_json_streams_the_text_dump_json_gives(capsys):
    value = {"title": "Réunion", "items": [{"n": i, "d": dt.date(2011, 3, i + 1)} for i in range(5)]}
    print_json(value)
    assert capsys.readouterr().out == dump_json(value) + "\n"
