"""Progress for long work: a bar on stderr (stage name, done/total, rate, time) only when stderr is a terminal
and not under --quiet; stdout stays the result alone."""

from __future__ import annotations

import io
import json
import sys

from storyline.cli.common import Console
from storyline.cli.main import main

from .conftest import SAMPLES


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch) -> Terminal:
    """stderr a terminal, from here on (pytest sets its own stderr between a test's setup and its call)."""
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", "160")
    return screen


def test_a_bar_names_the_work_and_counts_it(monkeypatch):
    terminal = on_terminal(monkeypatch)
    items = list(Console().progress(iter(range(7)), "annotating", 7))
    assert items == list(range(7))
    shown = terminal.getvalue()
    assert "annotating" in shown and "7/7" in shown


def test_a_bar_names_the_item_under_way(monkeypatch):
    terminal = on_terminal(monkeypatch)
    names = ["summary", "timeline"]
    assert list(Console().progress(names, "building the brief", 2, label=str.upper)) == names
    assert "building the brief: TIMELINE" in terminal.getvalue()


def test_no_bar_when_quiet_or_not_a_terminal(monkeypatch):
    terminal = on_terminal(monkeypatch)
    assert list(Console(quiet=True).progress(range(3), "annotating", 3)) == [0, 1, 2]
    assert terminal.getvalue() == ""
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stderr", plain)
    assert list(Console().progress(range(3), "annotating", 3)) == [0, 1, 2]
    assert plain.getvalue() == ""


def test_brief_shows_its_stages_on_stderr_only(monkeypatch, capsys):
    terminal = on_terminal(monkeypatch)
    assert main(["brief", str(SAMPLES), "--json"]) == 0
    json.loads(capsys.readouterr().out)  # stdout is pure JSON
    shown = terminal.getvalue()
    for words in (
        "reading articles",
        "building the brief: who is who",
        "building the brief: source comparison",
    ):
        assert words in shown, words


def test_quiet_brief_shows_nothing(monkeypatch, capsys):
    terminal = on_terminal(monkeypatch)
    assert main(["brief", str(SAMPLES), "--json", "-q"]) == 0
    json.loads(capsys.readouterr().out)
    assert terminal.getvalue() == ""
