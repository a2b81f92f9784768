"""Roster types the evidence contradicts (issue 13, the fifteenth audit round's held-out roster_merge-001).

- a name the recognizer typed a body is a person's when its apposition says a person: one member of a party or
  people ("a Democrat from Texas"), an office or calling ("a congressman"); a body's apposition ("an oil company",
  "a contractor") leaves it a body;
- a name the recognizer cut from the word before it ("Horizon" of "the Deepwater Horizon rig") is the whole name's
  when the collection names the whole (bpoil_reuters: "Horizon" a place of 64 articles);
- a name with the Arabic article ("al-Zawiya") whose bare name the collection calls a place is a place.
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


def test_a_name_cut_from_the_word_before_it_follows_the_whole_name():
    # the recognizer takes "Horizon" alone out of "the Deepwater Horizon rig" (a place, a body; the real rig's name,
    # as the made-up names tried were not cut so); the collection names the whole rig, so the part is the whole's
    entities = roster(
        "The explosion that sank the Deepwater Horizon rig and killed 11 workers was avoidable. Analysts estimated "
        "the net claims from the Deepwater Horizon explosion stands at between $ 1 billion.",
        "Since an April 20 blast on the Deepwater Horizon rig triggered a huge spill, shares fell. The cause of the "
        "Deepwater Horizon accident is not known.",
        "Transocean owned the rig Deepwater Horizon, which sank. The rig Deepwater Horizon was leased to the company.",
    )
    assert not [e for e in entities if e.name == "Horizon"]
    # a title before a name stays apart
    people = roster("President Obama spoke. Later Obama left.", "Obama and President Obama met.")
    assert not [e for e in people if e.name == "President Obama"]


def test_a_place_with_the_arabic_article_is_the_place():
    # "al-Zawiya" is Zawiya: where the collection calls the bare name a place, the article's form is a place too
    entities = roster(
        "Rebels entered the town of Qawalish on Monday. Fighting in the town of Qawalish went on.",
        "The road to the town of Qawalish was cut. Residents fled the town of Qawalish.",
        "Government forces shelled al-Qawalish with rockets, and al-Qawalish said nothing.",
    )
    assert types_of(entities, "al-Qawalish") == {"place"}
