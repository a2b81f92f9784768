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
    """ "Gaddafi in public", "Mubarak and some people": the recognizer's cut ran on past the name (spans set by hand,
    as the recognizer cut them on the held-out pages)."""
    from spacy.tokens import Span

    from storyline.annotate.nlp import load_nlp

    texts = (
        "Muammar Gaddafi has not been seen since April. Rebels said they would try Gaddafi in public.",
        "Hosni Mubarak addressed the nation. Protesters said Mubarak and some people around him stole billions.",
    )
    found, docs = articles(*texts), []
    for text in texts:
        doc = load_nlp()(text)
        words = [t.text for t in doc]
        spans = [Span(doc, 0, 2, label="PERSON")]
        for name, run in (("Gaddafi", 3), ("Mubarak", 4)):
            if name in words[2:]:
                at = words.index(name, 2)
                spans.append(Span(doc, at, at + run, label="PERSON"))
        doc.ents = spans
        docs.append(doc)
    entities = build_roster(found, docs)
    names = {alias for e in entities for alias in e.aliases}
    assert not any(" in public" in n or " and some" in n for n in names), names
    assert {"Gaddafi", "Muammar Gaddafi"} <= aliases_of(entities, "Muammar Gaddafi")


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


def test_a_headline_in_capitals_makes_no_one_s_name_and_an_acronym_is_no_surname():
    """ "QATARI PLANE JOINS AIR PATROLS NATO said on Thursday ..." (a headline run into the text) made "NATO" a
    surname, and every "NATO" a person of its own article."""
    found = articles(
        "QATARI PLANE JOINS AIR PATROLS NATO said on Thursday after four days of air strikes that it would go on.",
        "NATO said its planes struck a tank column near Brega. NATO denied hitting civilians.",
        "The rebels asked NATO for more air strikes. NATO commanders face a tough balancing act.",
        "PROTESTERS FILL SQUARE IN CAIRO Thousands gathered on Friday. Hosni Mubarak did not speak.",
    )
    entities = build_roster(found)
    nato = holding(entities, "NATO")
    assert nato and all(e.type == "organization" for e in nato), nato
    assert len(nato) == 1, nato
    assert not any(len(a.split()) >= 4 and a.isupper() for e in entities for a in e.aliases)


def test_a_noun_for_a_body_before_a_name_says_it_is_a_body():
    """ "the official news agency Jana", "the rebel group Hamas": bodies, whatever the recognizer called them."""
    found = articles(
        "The official news agency Jana said air strikes killed four people in Sebha. Jana gave no source.",
        "Libyan state news agency Jana quoted a military source as saying the drones were aimed at civilians.",
        "The militant group Hamas said it would respond. Hamas fired rockets on Monday.",
    )
    entities = build_roster(found)
    for name in ("Jana", "Hamas"):
        found_types = {e.type for e in holding(entities, name)}
        assert found_types and "person" not in found_types, (name, found_types)


def test_a_body_named_after_a_man_is_not_his_name():
    """ "Gaddafi soldiers & mercenaries" (a reader's words, tagged an organisation) is no name of Gaddafi."""
    found = articles(
        "Muammar Gaddafi spoke on state television. Gaddafi said he would fight on.",
        "Muammar Gaddafi left Tripoli. Gaddafi soldiers & mercenaries only moved to the outskirts of the city.",
        "Muammar Gaddafi is still in Libya. Though aimed at Gaddafi s arms, some of the bombs are killing civilians.",
    )
    entities = build_roster(found)
    aliases = aliases_of(entities, "Muammar Gaddafi")
    assert not any("soldiers" in a or " s arms" in a for a in aliases), aliases


def test_a_subject_the_parse_hangs_on_a_name_is_no_apposition():
    """ "... trying to kill its leader, Muammar Gaddafi, Russia's ambassador to the alliance said": the ambassador
    said it; he is not Gaddafi. And a title alone ("the prime minister") is listed as no one's name."""
    found = articles(
        "NATO is trying to kill its leader, Muammar Gaddafi, Russia's ambassador to the alliance said on Wednesday.",
        "But in the latest sign of division over how to deal with Muammar Gaddafi, the prime minister of Qatar said "
        "he did not want to isolate Libya.",
        "I guess Muammar Gaddafi is the sofa king? Nobody knows.",
    )
    entities = build_roster(found)
    aliases = aliases_of(entities, "Muammar Gaddafi")
    assert not {"Russia's ambassador", "the prime minister", "the sofa king"} & aliases, aliases
