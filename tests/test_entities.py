import pytest

from storyline.annotate.nlp import annotate_docs
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article
from storyline.who.attribution import find_attributions
from storyline.who.entities import (
    acronym_of,
    build_roster,
    country_of,
    country_of_word,
    group_articles,
    key_of,
    link_speakers,
    person_name_parts,
)

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def roster():
    pairs = list(annotate_docs(prepare(read([str(SAMPLES)]), on_problem=print)))
    articles = [a for a, _ in pairs]
    docs = [d for _, d in pairs]
    return articles, docs, build_roster(articles, docs)


def entry(entities, name):
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, [e.name for e in entities][:30]
    return matches[0]


def test_assad_gathers_his_names(roster):
    _, _, entities = roster
    assad = entry(entities, "Bashar al-Assad")
    assert assad.type == "person"
    assert {"Bashar al-Assad", "al-Assad", "Assad", "President Assad"} <= set(assad.aliases)
    assert "Syria's president" in assad.aliases  # a description linked through his title
    assert len(assad.mentions) == 5
    assert any(r["role"] == "Syrian President" for r in assad.roles)


def test_clinton_gathers_her_names_and_title(roster):
    _, _, entities = roster
    clinton = entry(entities, "Hillary Clinton")
    assert {"Hillary Clinton", "Hillary Rodham Clinton", "Clinton"} <= set(clinton.aliases)
    assert any("Secretary of State" in r["role"] for r in clinton.roles)
    dated = [r for r in clinton.roles if r["date"]]
    assert dated and all(r["date"][:4] == "2012" for r in dated if r["outlet"] == "VOA")


def test_united_states_gathers_washington_as_government(roster):
    _, _, entities = roster
    us = entry(entities, "United States")
    assert {"U.S.", "United States", "Washington"} <= set(us.aliases)
    assert us.type == "country"
    # "Washington (CNN) --" is a dateline: the city, not the government
    cnn = next(a for a in roster[0] if a.source.endswith("000_c1571f36e716054d.txt"))
    assert cnn.text.startswith("Washington (CNN)") or "Washington (CNN)" in cnn.text
    assert sum(us.mentions.values()) >= 20


def test_people_are_not_merged_with_each_other(roster):
    _, _, entities = roster
    people = {e.name for e in entities if e.type == "person"}
    assert {"Bashar al-Assad", "Hillary Clinton", "John Kerry", "Barack Obama"} <= people
    assert not any("official" in name.lower() for name in people)
    kerry = entry(entities, "John Kerry")
    assert "Clinton" not in kerry.aliases


def test_speakers_link_to_roster_entries(roster):
    articles, docs, entities = roster
    attributions = find_attributions(articles, docs)
    link_speakers(attributions, entities)
    ids = {e.id for e in entities}
    linked = [a for a in attributions if a.speaker_entity_id]
    assert linked and all(a.speaker_entity_id in ids for a in linked)
    assert not any(a.speaker_entity_id for a in attributions if a.anonymous)


def test_name_parts_drop_titles_particles_and_suffixes():
    assert person_name_parts("President Bashar al-Assad") == ["bashar", "assad"]
    assert person_name_parts("al-Assad's") == ["assad"]
    assert person_name_parts("Arcade Joseph Comeaux Jr.") == ["arcade", "joseph", "comeaux"]
    assert person_name_parts("Hillary Rodham Clinton")[::2] == ["hillary", "clinton"]


def test_gazetteer_reads_codes_only_in_capitals():
    assert country_of("U.S.").name == "United States"
    assert country_of("America").name == "United States"
    assert country_of_word("Syrian").name == "Syria"
    assert country_of_word("American").name == "United States"
    assert country_of("al") is None
    assert key_of("the U.N.'s") == "un"
    assert acronym_of("National Security Council") == "nsc"


def test_description_does_not_link_without_a_title():
    text = "The minister spoke on Monday. A senior official said the minister would resign."
    article = Article(id="x", source="test", text=text)
    entities = build_roster([article])
    assert not any(e.type == "person" for e in entities)


def test_articles_about_different_events_are_grouped_apart():
    texts = {
        "a": "An earthquake of magnitude 6 struck northern Chile on Monday, killing two people.",
        "b": "The Chile earthquake on Monday killed two people and damaged houses in the north.",
        "c": "Apple unveiled a new iPhone with a faster chip at its event in California.",
    }
    groups = group_articles(texts, threshold=0.1)
    assert groups["a"] == groups["b"] != groups["c"]
