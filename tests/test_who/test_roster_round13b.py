"""Roster merges and types, thirteenth round, second part (issue 13 item 4). A capitalised word that the
recognizer cut from a longer run of proper nouns ("Martin" of "his Aston Martin DB9 car") is no surname
mention of a person; a name listed beside a plural noun for bodies ("US companies Chevron, ExxonMobil and
Hess", "firms including ...", "companies such as ...") or with one in apposition ("Hess, an oil company") is
an organisation; a name in quotation marks is a title, no actor's name. Made-up articles (other names, other
brands); each test fails on the rules before this change."""

from storyline.model import Article
from storyline.who.entities import build_roster
from storyline.who.names import name_problem


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def test_a_word_of_a_brand_run_is_no_surname_mention():
    entities = build_roster(
        articles(
            "Ian Martin, the envoy, said the interim government should hold elections soon. A customer fills "
            "his Aston Martin DB9 car at a petrol station in Leeds on Monday.",
            "Ian Martin, the envoy, said on Tuesday that the talks would go on.",
        )
    )
    envoy = next(e for e in entities if e.name == "Ian Martin")
    assert "Martin" not in envoy.aliases, envoy.aliases


def test_a_surname_mention_that_is_the_whole_name_still_links():
    entities = build_roster(
        articles(
            "Ian Martin, the envoy, said the government should hold elections soon. Martin added that the "
            "talks would go on."
        )
    )
    envoy = next(e for e in entities if e.name == "Ian Martin")
    assert "Martin" in envoy.aliases, envoy.aliases


def test_a_name_listed_among_companies_is_an_organisation():
    for text, name in (
        (
            "The consortium includes US companies Chevron, ExxonMobil and Kessler (formerly Amerada Kessler), "
            "as well as a Norwegian firm.",
            "Kessler",
        ),
        ("Oil companies such as Kessler and Chevron gained on Monday.", "Kessler"),
        ("Firms including Kessler and Chevron gained on Monday.", "Kessler"),
        ("Kessler, an oil company, said its profits rose.", "Kessler"),
    ):
        entities = build_roster(articles(text))
        entity = next((e for e in entities if name in e.aliases), None)
        assert entity is not None and entity.type == "organization", (text, entity)


def test_a_persons_title_beside_a_company_keeps_the_person():
    entities = build_roster(articles("The company's chief executive, Tony Hayward, said the leak was small."))
    assert any(e.name == "Tony Hayward" and e.type == "person" for e in entities), entities


def test_a_quoted_title_is_no_name():
    assert name_problem("' I Live the Selection '") == "quoted-title"
    assert name_problem("\u201cThriller\u201d") == "quoted-title"
    assert name_problem("Ian Martin") is None
    assert name_problem("O'Brien") is None


def test_a_drug_named_so_across_articles_is_no_person():
    """ "the powerful anesthetic Propofol" and "a sedative, Propofol" say what the word is; where most of its
    articles say so (two or more) and no one is titled or fully named with it, the mentions the recognizer
    tagged a person are the drug too."""
    entities = build_roster(
        articles(
            "Death was mainly caused by the powerful anesthetic Meridol, the coroner said.",
            "The doctor gave the singer a powerful sedative, Meridol, to help him sleep.",
            "The singer demanded Meridol on the night he died.",
            "Meridol was found in his room.",
            "He asked for Meridol again.",
            "Meridol killed him, the coroner said.",
        )
    )
    typed = {e.type for e in entities if "Meridol" in e.aliases}
    assert typed and "person" not in typed, [(e.name, e.type) for e in entities]


def test_a_person_beside_a_drug_stays_a_person():
    entities = build_roster(
        articles(
            "Conrad Mbeki, who gave the drug to the singer, said he was sorry.", "Mbeki said he was sorry."
        )
    )
    assert any(e.name == "Conrad Mbeki" and e.type == "person" for e in entities), entities
