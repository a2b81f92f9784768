"""Speaker and statement errors the fourteenth session left (issue 13 items 4 and 5), as general rules.

- a refusal to say something is no saying of it: "stopped short of saying", "declined to say";
"""

from __future__ import annotations

from storyline.model import Article, Attribution
from storyline.who.attribution import find_attributions


def found(text: str) -> list[Attribution]:
    return find_attributions([Article(id="t", source="test", text=text)])


def test_stopping_short_of_saying_something_is_no_statement_of_it():
    said = found("The envoy stopped short of saying Gaddafi should leave power.")
    assert not [a for a in said if a.statement]
    # the same verb said outright stays a statement
    assert [a.speaker for a in found("The envoy said Gaddafi should leave power.") if a.statement] == [
        "The envoy"
    ]
