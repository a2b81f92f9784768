"""Roster merges, fourth audit round (issue 13 item 4): an apposition after another name, words in lower case
after a name, a stance's adjective made of a name. Each case is of a kind the judges found wrong, on made-up
articles of more than one story; each test fails on the rules before this change."""

from storyline.model import Article
from storyline.who.entities import build_roster


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def holding(entities, alias):
    return [e for e in entities if alias in e.aliases]


def aliases_of(entities, alias):
    return {a for e in holding(entities, alias) for a in e.aliases}


def test_an_apposition_after_another_name_is_not_the_first_name_s():
    """ "Frattini of Italy -- formerly Libya's closest ally in Europe": Italy's description, not Frattini's."""
    found = articles(
        "Italian Foreign Minister Franco Frattini met the rebels in Benghazi. Franco Frattini of Italy -- "
        "formerly Libya's closest ally in Europe -- said the council was the only legitimate interlocutor.",
        "Peter Kent of Canada, the country's biggest customer, said the embargo would hold. Peter Kent spoke "
        "in Ottawa.",
    )
    entities = build_roster(found)
    assert not any("ally" in a for a in aliases_of(entities, "Franco Frattini")), aliases_of(
        entities, "Franco Frattini"
    )
    assert not any("customer" in a for a in aliases_of(entities, "Peter Kent")), aliases_of(
        entities, "Peter Kent"
    )


def test_an_apposition_right_after_the_name_is_still_theirs():
    found = articles(
        "Tony Hayward, the chief executive of BP, said the leak would be capped. Tony Hayward flew to Houston."
    )
    entities = build_roster(found)
    assert any(
        role["role"].startswith("chief executive")
        for e in holding(entities, "Tony Hayward")
        for role in e.roles
    )


def test_a_name_goes_on_in_no_lower_case_words():
    """ "Gaddafi in public", "Mubarak and some people": the recognizer's cut ran on past the name."""
    found = articles(
        "Muammar Gaddafi has not been seen since April. Rebels said they would try Gaddafi in public.",
        "Hosni Mubarak addressed the nation. Protesters said Mubarak and some people around him stole billions.",
    )
    entities = build_roster(found)
    names = {alias for e in entities for alias in e.aliases}
    assert not any(" in public" in n or " and some" in n for n in names), names


def test_a_stance_made_of_a_name_is_no_person():
    """ "anti-Gaddafi rebels", "pro-Mubarak crowds": adjectives, not people."""
    found = articles(
        "Anti-Gaddafi rebels shoot at a checkpoint near Ras Lanuf. Late on Sunday anti-Gaddafi protesters were "
        "replaced by Muammar Gaddafi's supporters.",
        "Pro-Mubarak crowds attacked the square. Hosni Mubarak said he would not run again.",
    )
    entities = build_roster(found)
    names = {alias.lower() for e in entities for alias in e.aliases}
    assert not {"anti-gaddafi", "pro-mubarak"} & names, names
