"""One dateline reading for the roster, headings that are not places, places by evidence, transcript labels
(issue 13, the sixteenth session's leftovers).

- the roster reads a dateline's place as the rest of the project reads the dateline (``text.patterns``): a name
  that opens "COCODRIE, La. (AP) --" or follows the agency of "AP VENICE, La. --" is a place's;
- a heading in capitals before a dash ("BP RUNS OUT OF CASH - UNLIKELY ...") is no dateline, and a name alone
  before a dash that the recognizer typed a body or a person ("NATO -- the North Atlantic Treaty Organization")
  is not made a place by it;
- a noun of places before "at" says the name after it is a place ("the border at Ras Jdir"), "at" alone does not;
- a transcript's label with an aside ("GEISSLER -LRB- voice-over -RRB- :") names a person speaking;
- a headline's verb ends a body's name ("Shetland Calls to halt ...") as it ends a person's.
Made-up sentences with other names; each test fails on the rules before this change.
"""

from __future__ import annotations

from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article
from storyline.text import patterns
from storyline.who.entities import build_roster

from ..conftest import DATA


def roster(*texts: str):
    return build_roster([Article(id=str(i), source=str(i), text=text) for i, text in enumerate(texts)])


def types_of(entities, name: str) -> set[str]:
    return {e.type for e in entities if name in e.aliases or e.name == name}


def test_a_heading_in_capitals_is_no_dateline():
    # bpoil_reuters 403 and 708: a Q&A's headings, each a verdict after a dash
    for heading in (
        "BP RUNS OUT OF CASH - UNLIKELY BP says it has spent $1.6 billion so far.",
        "CEO HAYWARD LOSES HIS JOB - UNLIKELY, FOR NOW Tony Hayward has been a target.",
        "BP TO LOSE GOVERNMENT CONTRACTS - LIKELY, BUT IMPACT MINOR Under federal law BP would be banned.",
        "WAKE UP -- the people of Egypt did!",
    ):
        assert patterns.DATELINE.match(heading) is None, heading
    for dateline, place in (
        (
            "MOUTH OF THE MISSISSIPPI RIVER -- The slick reached the marshes.",
            "MOUTH OF THE MISSISSIPPI RIVER",
        ),
        ("ON BARATARIA BAY, La. -- Crews laid boom on Sunday.", "ON BARATARIA BAY"),
        ("PHNOM PENH — Clinton arrived.", "PHNOM PENH"),
        ("COCODRIE, La. (AP) -- The boats went out.", "COCODRIE"),
        ("Washington (CNN) -- The president said it.", "Washington"),
    ):
        assert patterns.DATELINE.match(dateline) is not None, dateline
        found = patterns.dateline_place(dateline, 0)
        assert found is not None and dateline[found.start : found.end] == place, (dateline, found)
    # the place after an agency first on its line, not the agency; no place inside a place's name
    line = "Oil came ashore.\nAP VENICE, La. -- Fishermen waited."
    found = patterns.dateline_place(line, line.index("VENICE"))
    assert found is not None and line[found.start : found.end] == "VENICE" and found.name == "AP"
    # a name that takes the agency in ends where the place does ("AP COVINGTON, La. --")
    found = patterns.dateline_place(line, line.index("AP "))
    assert found is not None and line[found.start : found.end] == "VENICE"
    assert patterns.dateline_place(line, line.index("Fishermen")) is None
    assert patterns.dateline_place("PHNOM PENH — Clinton arrived.", 6) is None


def test_a_dateline_names_a_place_and_a_heading_does_not():
    # "NATO -- the North Atlantic Treaty Organization -- has taken command" (LibyaWar_cnn): a body before a dash,
    # made a place by the dash alone before
    entities = roster(
        "NATO -- the North Atlantic Treaty Organization -- has taken command of the mission.\n"
        "NATO said its planes flew 100 sorties.",
        "Diplomats met at NATO headquarters on Monday.",
    )
    assert types_of(entities, "NATO") == {"organization"}, entities
    # a dateline of the agency-first form names its place, also when the recognizer takes the agency in
    entities = roster("Oil came ashore.\nAP HOUMA, La. -- Fishermen waited on Monday for the boats.")
    assert {e.type for e in entities if "HOUMA" in e.name} == {"place"}, entities


def test_a_place_noun_before_at_names_a_place():
    # LibyaWar_reuters: "the border at Ras Jdir" (every mention tagged a person); "at" alone takes people
    entities = roster(
        "Thousands of workers waited at the border at Ras Jdir on Tuesday.",
        "Tents went up at the border crossing at Ras Jdir.",
    )
    assert types_of(entities, "Ras Jdir") == {"place"}, entities
    entities = roster("Critics took a jab at Tom Hollis on Monday.", "Protesters shouted at Tom Hollis.")
    assert types_of(entities, "Tom Hollis") == {"person"}, entities


def test_a_transcripts_label_names_a_person():
    # LibyaWar_cnn 366 as it is (the recognizer types the label a body only in the whole transcript):
    # "MARTIN GEISSLER, ITV NEWS -LRB- voice-over -RRB- :", "GEISSLER : ..." made "GEISSLER" an organisation
    articles = [
        article
        for article in prepare(read([str(DATA / "timeline17" / "LibyaWar_cnn")]), lambda *_: None)
        if article.id == "366"
    ]
    entities = build_roster(articles)
    assert types_of(entities, "GEISSLER") == {"person"}, entities
    assert any({"GEISSLER", "Martin Geissler"} <= set(e.aliases) for e in entities), entities
    # a list's labels without an aside name places, not speakers
    entities = roster(
        "EGYPT : Protesters filled the square on Friday.\nSYRIA : Troops fired on crowds in Homs."
    )
    assert "person" not in types_of(entities, "EGYPT") | types_of(entities, "SYRIA"), entities


def test_a_headlines_verb_is_no_part_of_a_bodys_name():
    # bpoil_bbc: "... off Shetland Calls to halt BP's plans ..." (a headline run into the lead) made "Shetland
    # Calls" an organisation; a body's name of the same words as a proper noun stays whole
    entities = roster(
        "BP said any relevant lessons would be applied off Shetland Calls to halt BP's plans to begin a deep "
        "drilling operation off Shetland, in the waters.",
        "OTS Faces Questions Over IndyMac The agency said it would review the case.",
    )
    names = {alias for e in entities for alias in e.aliases}
    assert not {"Shetland Calls", "OTS Faces Questions", "OTS Faces"} & names, names
    assert "OTS" in names, names
