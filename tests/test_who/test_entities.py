import re

import pytest

from storyline.annotate.nlp import annotate_docs
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article
from storyline.who.attribution import find_attributions
from storyline.who.entities import (
    SIDE_TEXT_REASONS,
    acronym_of,
    build_roster,
    country_of,
    country_of_word,
    group_articles,
    key_of,
    link_speakers,
    person_name_parts,
)

from ..conftest import SAMPLES


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


def by_file(articles):
    return {a.source.rsplit("/", 1)[-1][:3]: a for a in articles}


def test_united_states_gathers_washington_as_government(roster):
    articles, _, entities = roster
    files = by_file(articles)
    us = entry(entities, "United States")
    assert us.type == "country"
    assert set(us.aliases) == {"U.S.", "United States", "US", "America", "Washington"}
    assert set(us.mentions) == {a.id for a in articles}  # every article speaks of the U.S.
    # "Washington (CNN) --" and "WASHINGTON –" are datelines: the city, once in each of those two
    # articles, not the government ("Washington and Paris endorse" is the government).
    city = entry(entities, "Washington")
    assert city.type == "place"
    assert city.mentions == {files["000"].id: 1, files["002"].id: 1}
    newspaper = entry(entities, "Washington Post")
    assert newspaper.type == "organization" and "Washington Post" not in us.aliases


def test_capitals_acting_for_their_government_join_their_country(roster):
    _, _, entities = roster
    assert "Paris" in entry(entities, "France").aliases  # "Washington and Paris endorse"
    assert "Moscow" in entry(entities, "Russia").aliases
    assert "Damascus" not in entry(entities, "Syria").aliases  # only ever the city in the samples
    assert entry(entities, "Damascus").type == "place"


KNOWN_TYPES = {
    "Bashar al-Assad": "person",
    "Hillary Clinton": "person",
    "John Kerry": "person",
    "Barack Obama": "person",
    "Susan Rice": "person",
    "Kofi Annan": "person",
    "United States": "country",
    "Syria": "country",
    "Russia": "country",
    "China": "country",
    "United Nations": "organization",
    "Security Council": "organization",
    "Arab League": "organization",
    "CNN": "organization",
    "Damascus": "place",
}


def test_known_names_get_their_type(roster):
    _, _, entities = roster
    assert {name: entry(entities, name).type for name in KNOWN_TYPES} == KNOWN_TYPES


def occurrences(article, word: str) -> int:
    """How often the word appears in what the roster reads: the text, the title, captions, deck."""
    texts = [article.text, *([article.title] if article.title else [])]
    for removed in article.removed:
        if removed.reason in SIDE_TEXT_REASONS and removed.text not in texts:
            texts.append(removed.text)
    return sum(len(re.findall(rf"\b{word}\b", text)) for text in texts)


@pytest.mark.parametrize(
    ("name", "surname"), [("Hillary Clinton", "Clinton"), ("Barack Obama", "Obama"), ("Kofi Annan", "Annan")]
)
def test_each_person_is_counted_once_per_naming_in_every_article(roster, name, surname):
    """Every naming of the person, in any form ("Clinton", "Hillary Rodham Clinton", "Secretary
    Clinton"), is one mention of one entry, counted in its own article."""
    articles, _, entities = roster
    person = entry(entities, name)
    expected = {a.id: occurrences(a, surname) for a in articles if occurrences(a, surname)}
    assert person.mentions == expected
    outlets = {}
    for article in articles:
        if article.id in expected:
            outlet = article.outlet or "unknown"
            outlets[outlet] = outlets.get(outlet, 0) + expected[article.id]
    assert person.outlets == outlets


def test_every_spelling_of_assad_is_one_entry_counted_in_every_article(roster):
    articles, _, entities = roster
    assad = entry(entities, "Bashar al-Assad")
    # The Wire writes "Bashar Al-Assad", others "Bashar Assad", "al-Assad", "President Assad".
    assert [e.name for e in entities if any("Bashar" in alias for alias in e.aliases)] == ["Bashar al-Assad"]
    assert {"Bashar Al-Assad", "Bashar Assad"} <= set(assad.aliases)
    for article in articles:
        assert assad.mentions[article.id] >= len(re.findall(r"Assad", article.text)), article.source
    assert entities[0] is assad  # the most mentioned


def test_a_description_joins_the_person_it_titles(roster):
    articles, _, entities = roster
    rice = entry(entities, "Susan Rice")
    ynet = by_file(articles)["002"]
    assert {"Susan Rice", "Rice", "US envoy", "American envoy"} <= set(rice.aliases)
    assert set(rice.mentions) == {ynet.id}
    assert {(r["role"], r["date"], r["outlet"]) for r in rice.roles} == {
        ("American envoy", "2012-02-02", "Ynet"),
        ("US envoy", "2012-02-02", "Ynet"),
    }


def test_people_are_not_merged_with_each_other(roster):
    _, _, entities = roster
    people = {e.name for e in entities if e.type == "person"}
    assert {"Bashar al-Assad", "Hillary Clinton", "John Kerry", "Barack Obama"} <= people
    assert not any("official" in name.lower() for name in people)
    kerry = entry(entities, "John Kerry")
    assert "Clinton" not in kerry.aliases


def test_speakers_link_to_roster_entries(roster):
    articles, docs, entities = roster
    found = find_attributions(articles, docs)
    attributions = link_speakers(found, entities)
    assert find_attributions(articles, docs, entities) == attributions
    assert not any(a.speaker_entity_id for a in found)  # linking returns new attributions
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
    # only the codes prose uses for a country: "BS" in readers' comments is no Bahamas
    assert country_of("UK").name == "United Kingdom"
    assert country_of("BS") is None and country_of("B.S.") is None
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


def test_the_roster_lists_first_who_is_named_in_the_most_articles(roster):
    # a name one article repeats many times (a family history's "John" in a story about a trial) does not outrank
    # the story's actors named across articles: the roster is ordered by articles, then mentions
    _, _, entities = roster
    keys = [(-len(e.mentions), -sum(e.mentions.values())) for e in entities]
    assert keys == sorted(keys)
    many_articles = [e for e in entities if len(e.mentions) >= 3]
    one_article = [e for e in entities if len(e.mentions) == 1]
    assert many_articles and one_article
    assert max(entities.index(e) for e in many_articles) < min(entities.index(e) for e in one_article)


def test_the_name_questions_of_a_text_are_answered_once_and_always_the_same():
    # the roster asks them of the same mention texts tens of thousands of times (``link``): remembered per text
    from storyline.who.entities import name_parts

    texts = ["the U.S.'s", "Tony Hayward's", "National Security Council", "Syrian", "W. Mark Felt", "U.K."]
    for question in (key_of, country_of, name_parts, acronym_of):
        question.cache_clear()
        first = [question(text) for text in texts * 3]
        assert question.cache_info().misses == len(texts)
        assert first == [question.__wrapped__(text) for text in texts * 3]
    parts = person_name_parts("W. Mark Felt")
    parts.append("changed by a caller")
    assert person_name_parts("W. Mark Felt") == ["mark", "felt"]
