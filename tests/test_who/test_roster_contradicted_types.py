"""Roster types the evidence contradicts (issue 13, the fifteenth audit round's held-out roster_merge-001).

- a name the recognizer typed a body is a person's when its apposition says a person: one member of a party or
  people ("a Democrat from Texas"), an office or calling ("a congressman"); a body's apposition ("an oil company",
  "a contractor") leaves it a body.
Made-up sentences; each test fails on the rules before this change.
"""

from __future__ import annotations

from storyline.model import Article
from storyline.who.entities import build_roster


def roster(*texts: str):
    return build_roster([Article(id=str(i), source=str(i), text=text) for i, text in enumerate(texts)])


def types_of(entities, name: str) -> set[str]:
    return {e.type for e in entities if name in e.aliases or e.name == name}


def test_a_persons_apposition_makes_a_name_typed_a_body_a_person():
    entities = roster(
        "Dale Stearns, a Democrat from Texas, says the company was reckless. Later Stearns asks about the well.",
        "Dale Stearns, a congressman from Texas, says the company was reckless.",
    )
    assert types_of(entities, "Dale Stearns") == {"person"}
    # a body's apposition is no person's
    bodies = roster("Acme Corporation, a contractor from Texas, says the company was reckless.")
    assert "person" not in types_of(bodies, "Acme Corporation")
