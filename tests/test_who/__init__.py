"""Tests of who said what and who is who."""

from __future__ import annotations

from storyline.model import Article, Attribution
from storyline.who.attribution import find_attributions


def found(text: str) -> list[Attribution]:
    """The attributions storyline finds in ``text`` read as one article."""
    return find_attributions([Article(id="t", source="test", text=text)])
