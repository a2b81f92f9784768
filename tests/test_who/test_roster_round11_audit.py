"""Roster merges and types, the eleventh precision audit's causes (issue 13 item 4, fifteenth session). A ship's
name ("USS Kearsarge", "the destroyer Barry") is no person's, and its one word alone elsewhere ("flown to the
Kearsarge") is the same ship; a name with a slash between two words ("REUTERS/Sean Gardner" of a photo credit,
"McCain/Palin") is two names run together, no entry; a "person" made of titles and ranks only ("Wing Cmdr" of
"Wing Cmdr. Andy Green" split after the abbreviation) is no name. Made-up articles (other names); each test
fails on the rules before this change."""

from storyline.model import Article
from storyline.who.entities import build_roster


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def test_a_ship_is_no_person_and_its_bare_name_joins_it():
    entities = build_roster(
        articles(
            "Two U.S. Navy warships -- the carrier USS Enterprise and the amphibious assault ship USS Kearsarge "
            "-- are in the Red Sea, officials told CNN.",
            "The injured pilot was flown to the Kearsarge, which has extensive medical facilities, officials said.",
        )
    )
    ship = [e for e in entities if "Kearsarge" in e.name or "Kearsarge" in e.aliases]
    assert len(ship) == 1 and ship[0].type == "other", ship
    assert set(ship[0].aliases) == {"USS Kearsarge", "Kearsarge"}, ship[0].aliases


def test_a_name_after_a_noun_for_a_vessel_is_no_person():
    entities = build_roster(
        articles("Sailors aboard the destroyer Barry fired missiles on Saturday, the Pentagon said.")
    )
    barry = next(e for e in entities if e.name == "Barry")
    assert barry.type != "person", barry


def test_initials_that_spell_a_ships_prefix_stay_a_persons():
    entities = build_roster(
        articles("He had a brother, R.V. Arkinstall, who died in 1938. R.V. Arkinstall was a miner.")
    )
    assert any(e.name == "R.V. Arkinstall" and e.type == "person" for e in entities), entities


def test_a_ships_word_that_is_someones_name_stays_theirs():
    entities = build_roster(
        articles(
            "The assault ship USS Kearsarge sailed on Monday.",
            "Admiral Tom Kearsarge said on Tuesday that the fleet was ready. Kearsarge added that talks went on.",
        )
    )
    assert any(e.name == "Tom Kearsarge" and e.type == "person" for e in entities), entities


def test_a_photo_credit_or_two_names_joined_by_a_slash_make_no_entry():
    entities = build_roster(
        articles(
            "Photo credit: REUTERS/Sean Gardner (ribbon of oil on surface of Gulf of Mexico)",
            "Photo credit: Reuters/Sean Gardner (two photos) BP worker Randy Murry holds up a sample of water.",
            "Voters cheered the McCain/Palin ticket in Ohio on Sunday.",
        )
    )
    assert not [e for e in entities if any("/" in a for a in [e.name, *e.aliases])], entities
    assert any(e.name == "Randy Murry" for e in entities), entities


def test_a_name_of_titles_alone_is_no_person():
    entities = build_roster(
        articles("The Harriers struck ground forces, said Wing Cmdr. Andy Green, a Navy spokesman.")
    )
    names = {e.name for e in entities}
    assert "Wing Cmdr" not in names and "Andy Green" in names, names


def test_a_name_after_a_plural_noun_for_vessels_keeps_its_type():
    # a headline run into the next sentence: "warships" is no apposition of the leader's name
    entities = build_roster(
        articles(
            "NATO strikes hit Libyan warships Gadhafi was mining waters in Misrata, Bracken said. Moammar "
            "Gadhafi denied it."
        )
    )
    assert all(e.type == "person" for e in entities if "Gadhafi" in e.name), entities


def test_a_craft_of_several_words_named_so_in_two_articles_is_one_everywhere():
    entities = build_roster(
        articles(
            "Divers searched the waters near the rig Deepwater Horizon on Friday.",
            "Crews searched the waters near the rig Deepwater Horizon on Thursday.",
            "Deepwater Horizon was leased by Transocean, Tony Hayward said. Hayward said Deepwater Horizon sank.",
        )
    )
    horizon = [e for e in entities if "Deepwater Horizon" in e.aliases]
    assert horizon and all(e.type == "other" for e in horizon), horizon
