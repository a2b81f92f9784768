"""JSON out: one style for every command (UTF-8 as written, keys in order): two-space indentation where a
person reads it (a terminal, or ``--pretty``), compact where a program does (a pipe, a file)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import sys

import pytest

from storyline.cli.main import main
from storyline.present import jsonio
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


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def as_terminal(monkeypatch) -> Terminal:
    """Standard output a terminal (a person reads it); set in the test itself, after pytest's capture."""
    out = Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    return out


def test_print_json_ends_with_one_newline(monkeypatch):
    terminal = as_terminal(monkeypatch)
    print_json({"a": 1})
    assert terminal.getvalue() == '{\n  "a": 1\n}\n'
    print_json({"a": 1}, stream=(other := io.StringIO()))  # the choice is standard output's, as gh's
    assert other.getvalue() == '{\n  "a": 1\n}\n'


def test_print_json_streams_the_text_dump_json_gives(monkeypatch):
    terminal = as_terminal(monkeypatch)
    value = {"title": "Réunion", "items": [{"n": i, "d": dt.date(2011, 3, i + 1)} for i in range(5)]}
    print_json(value)
    assert terminal.getvalue() == dump_json(value) + "\n"


VALUES = [
    {
        "title": "Réunion à Genève — 日本",
        "count": 3,
        "score": 0.25,
        "nan": math.nan,
        "empty": [],
        "nothing": {},
        "dates": [dt.date(2011, 3, 15)],
        "nested": {1: (True, None), "x": {"y": [1.5, "a, b: c"]}},
    },
    {},
    [],
    [{"a": 1}, 2],
    "text",
    None,
]


@pytest.mark.parametrize("value", VALUES)
def test_compact_json_when_stdout_is_no_terminal_is_the_same_content(capsys, value):
    print_json(value)
    out = capsys.readouterr().out
    assert out.endswith("\n") and "\n" not in out[:-1]
    # one call of the C encoder's compact form, however the text was written
    assert out[:-1] == dump_json(value, pretty=False)
    assert out[:-1] == json.dumps(json.loads(dump_json(value)), ensure_ascii=False, separators=(",", ":"))
    assert json.loads(out) == json.loads(dump_json(value)) or value == VALUES[0]  # NaN is not equal to itself
    if value == VALUES[0]:
        assert out.startswith('{"title":"Réunion à Genève — 日本","count":3,') and '"nan":NaN' in out


def test_pretty_forces_the_indented_form(capsys, monkeypatch):
    monkeypatch.setattr(jsonio, "PRETTY", True)
    print_json(VALUES[0])
    assert capsys.readouterr().out == dump_json(VALUES[0]) + "\n"
    assert dump_json(VALUES[0]).startswith('{\n  "title": "Réunion à Genève — 日本",\n  "count": 3,')


def test_the_command_line_chooses_the_form(capsys, tmp_path, monkeypatch):
    terminal = as_terminal(monkeypatch)
    db = str(tmp_path / "empty.duckdb")
    for argv, form in (
        (["stories", "--db", db, "--json"], "indented"),  # a terminal
        (["stories", "--db", db, "--json", "--pretty"], "indented"),
    ):
        terminal.seek(0)
        terminal.truncate()
        assert main(argv) == 0
        assert terminal.getvalue() == '{\n  "stories": []\n}\n', form
    assert jsonio.PRETTY is True
    monkeypatch.undo()  # capsys's standard output, a pipe, not a terminal: compact; --pretty is not kept
    assert main(["stories", "--db", db, "--json"]) == 0 and jsonio.PRETTY is None
    assert capsys.readouterr().out == '{"stories":[]}\n'
    try:
        assert main(["stories", "--db", db, "--json", "--pretty"]) == 0
        assert capsys.readouterr().out == '{\n  "stories": []\n}\n'
    finally:
        jsonio.PRETTY = None  # as a run without --pretty leaves it, for the tests after this one
