"""Roster merges, sixth audit round (issue 13 item 4): a description made of two headlines run together, and a
capital standing for its government only where it acts as one. Each case is of a kind the judges found wrong, on
made-up articles of more than one story; each test fails on the rules before this change."""

from storyline.model import Article
from storyline.who.entities import build_roster


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def aliases_of(entities, alias):
    return {a for e in entities if alias in e.aliases for a in e.aliases}


def test_two_headlines_run_together_are_no_description():
    """A page's highlights without stops: "... Abdelati Obeidi is Libya's new foreign minister NATO general: Use
    of shields ...": the next headline's "NATO general" is not said of Obeidi; nor "White House spokesman" of
    Hayward."""
    found = articles(
        "Libyan Deputy Foreign Minister Abdelati Obeidi flew to Athens. Obeidi met Greek officials on Sunday.",
        "Opposition leaders criticize NATO and Turkey, saying rebels need more air support Abdelati Obeidi is "
        "Libya's new foreign minister NATO general: Use of shields and weather have complicated airstrike "
        "missions. NATO general Charles Bouchard said the strike was a tragic accident.",
        "The spill worsened. Tony Hayward is BP's chief executive White House spokesman: The spill is the worst "
        "in the nation's history. White House spokesman Robert Gibbs said on Monday the president was angry.",
        "BP chief executive Tony Hayward flew to Houston on Monday.",
    )
    entities = build_roster(found)
    for name, head in (("Abdelati Obeidi", "general"), ("Tony Hayward", "spokesman")):
        aliases = aliases_of(entities, name)
        assert aliases, name
        assert not any(a.endswith(head) for a in aliases), aliases


def test_one_noun_phrase_with_a_name_before_its_nouns_is_still_a_description():
    """ "the NATO secretary general", "the White House press secretary": a name qualifying the nouns after it."""
    found = articles(
        "NATO Secretary General Javier Solana met the ministers. Javier Solana is the NATO secretary "
        "general. Javier Solana spoke in Brussels.",
        "White House press secretary Robert Gibbs took questions. Robert Gibbs is the White House press "
        "secretary. Robert Gibbs said the president was angry.",
    )
    entities = build_roster(found)
    assert "the NATO secretary general" in aliases_of(entities, "Javier Solana")
    assert "the White House press secretary" in aliases_of(entities, "Robert Gibbs")


def test_a_capital_is_its_country_only_where_it_acts_as_its_government():
    """ "London said ..." is the United Kingdom speaking; "expelled his diplomats from London" is the city. The
    entry says which mention it merged (``named_at``), so what is shown for "London" is the government's."""
    found = articles(
        "Britain, one of the main foreign players in the campaign, also expelled his diplomats from London. "
        "London said on Wednesday it would recognise the rebel council.",
        "The rebels opened an office in London last month. Britain's foreign secretary met them there.",
        "Moscow warned against the strikes on Monday. Thousands marched in Moscow on Sunday. Russia's envoy "
        "left for Brussels.",
    )
    entities = build_roster(found)
    by_name = {e.name: e for e in entities}
    britain = by_name["United Kingdom"]
    assert "London" in britain.aliases
    article, start = britain.named_at["London"]
    assert found[int(article[1:])].text[start:].startswith("London said"), britain.named_at
    city = by_name["London"]
    assert city.type == "place" and city.mentions == {"a0": 1, "a1": 1}, city
    russia = by_name["Russia"]
    article, start = russia.named_at["Moscow"]
    assert found[int(article[1:])].text[start:].startswith("Moscow warned"), russia.named_at
    assert by_name["Moscow"].mentions == {"a2": 1}


def test_a_description_of_a_lone_name_that_may_be_several_people_joins_no_entry():
    """A genealogy board names Morgan Humphreys, John Morgan and his son Morgan: the lone "Morgan"s are kept as
    the page's own name, and "Morgan was the eldest son" does not make "the eldest son" an alias of them all.
    Where the lone name is one person ("Fraser" beside Fraser Brown), the description is still theirs."""
    found = articles(
        'Patsy from Corfe would like some information about relatives who lived in Llanidloes: Patsy: "I wonder '
        "if anyone has any connections to a Morgan Humphreys born 1793 in Llandiloes died 1871 Dolgelly married "
        "to Mary Wools born Middlesex 1795? His son was James Humphreys b. 1824 Llandiloes. Morgan is my 3x g. "
        'grandfather and I have hit a complete vacuum of information further back."\n'
        "Marianne Morgan from New Jersey, USA, wants help to decipher information gained from tithe maps. "
        'Marianne: "Both properties were owned by my 4th Great-Grandfather, John Morgan, and bequeathed to his '
        "sons, Morgan and Richard. Morgan was the eldest son and my 3rd Great-Grandfather. I have just begun my "
        'quest."',
        "Fraser Brown, the eldest son of the family, was taken to hospital. Fraser was at school that morning.",
        "Fraser Brown, 8, was taken to hospital. Fraser is the eldest son of the family.",
    )
    entities = build_roster(found)
    assert not any(alias.startswith("the eldest son") for alias in aliases_of(entities, "Morgan"))
    # (the whole title with its complement, since round 8: "the eldest son" alone is cut short)
    assert "the eldest son of the family" in aliases_of(entities, "Fraser Brown")


def test_a_description_is_not_said_of_a_name_beyond_another_persons():
    """A caption run into the text: "The Royal Philharmonic Orchestra's permanent guest conductor, Garry Walker A
    long-time resident of the Orkney Islands, ..., Sir Peter Maxwell Davies, celebrates ...": the conductor is
    Walker; the parse hangs Davies on "conductor" as its apposition. Right after its description, a name is
    still the one described ("the panel's chairman, Jeff Bingaman")."""
    found = articles(
        "The Royal Philharmonic Orchestra's permanent guest conductor, Garry Walker A long-time resident of the "
        "Orkney Islands, the master of The Queen's Music, Sir Peter Maxwell Davies, celebrates his 75th birthday "
        "today. Peter Maxwell Davies conducts the orchestra tonight. Principal conductor Daniele Gatti was away.",
        "The panel's chairman, Jeff Bingaman, said the bill would pass. Senate Energy Committee chairman Jeff "
        "Bingaman spoke on Tuesday.",
    )
    entities = build_roster(found)
    assert not any("conductor" in a for a in aliases_of(entities, "Peter Maxwell Davies"))
    assert "The panel's chairman" in aliases_of(
        entities, "Jeff Bingaman"
    ) or "the panel's chairman" in aliases_of(entities, "Jeff Bingaman")


def test_a_relative_word_s_possession_is_no_alias():
    """ "said Farisi, whose brother Fathi was killed": "whose brother" is Farisi's relative, no name of Fathi (as
    "his brother" would not be)."""
    found = articles(
        '"You\'re a soldier and you have to follow orders," said Farisi, whose brother Fathi was killed in February '
        "at the beginning of the uprising. His brother Ali Farisi fought in Misrata.",
        "Ahmed Salem, whose father Omar was a judge, said the court was closed.",
        "Ali Mansour, the brother of a rebel commander, said the town was quiet. Karim Nasser, the father of two "
        "fighters, agreed.",
    )
    entities = build_roster(found)
    names = {alias for e in entities for alias in e.aliases}
    assert not any(a.lower().startswith("whose") for a in names), names
