"""Roster roles and merges, thirteenth round (issue 13 item 4). A role is a title or description of the person
(a common noun phrase: "judge", "Superior Court Judge", "doctor charged with ..."): never a proper name of the
person, a place or a programme run into the text before the name ("... Final preparations in Cardiff Michael
Jackson died"), never a lone plural common noun ("sedative used before anaesthetics Michael Jackson's
physician"), and a leading conjunction ("But Judge Ann Cole ruled") is no part of it. Merges: an all-capitals
abbreviation ("MD", a medical degree) is not the same name as a capitalised one ("Md.", Maryland); a nickname
whose first word is no first name ("Cheeto Jesus") does not share its last word as a surname. Made-up articles
(other names, other places); each test fails on the rules before this change."""

from storyline.annotate.nlp import load_nlp
from storyline.model import Article
from storyline.who.entities import build_roster, roles_of


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def roles_in(text: str, name: str) -> list[str]:
    doc = load_nlp()(text)
    article = Article(id="a0", source="a0.txt", text=text)
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.text == name:
            found.extend(role.text for role in roles_of(article, ent))
    return found


def test_a_leading_conjunction_is_no_part_of_a_title():
    roles = roles_in(
        "But Judge Ann Cole ruled on Monday that the film would not help the defence.", "Ann Cole"
    )
    assert "But Judge" not in roles, roles
    assert "Judge" in roles, roles
    roles = roles_in(
        "And Superior Court Judge Ann Cole ruled that the witness would not be called.", "Ann Cole"
    )
    assert not any(role.startswith("And") for role in roles), roles
    assert "Superior Court Judge" in roles, roles
    roles = roles_in("Meanwhile U.S. Secretary of State Ann Cole said the talks would go on.", "Ann Cole")
    assert "U.S. Secretary of State" in roles, roles
    roles = roles_in("According to President Sam Hale, the talks will go on.", "Sam Hale")
    assert "President" in roles, roles


def test_a_place_or_programme_run_into_the_name_is_no_title():
    """Headlines and page furniture run into the text before a name: "Final preparations in Cardiff", "the
    World Today", "21:40 GMT Help": a word that names no person heads no title."""
    for text, name in (
        ("Tribute concert: Final preparations in Bristol Peter Okafor died aged 50 in June.", "Peter Okafor"),
        ("The editor begins by telling the World Today Peter Okafor was very tired.", "Peter Okafor"),
        (
            "Last updated at 21:40 GMT Help Peter Okafor's former doctor has been found guilty.",
            "Peter Okafor",
        ),
    ):
        roles = roles_in(text, name)
        assert not any(word in role for role in roles for word in ("Bristol", "Today", "Help")), roles


def test_a_plural_common_noun_is_no_title():
    roles = roles_in(
        "Tuesday, 8 November 2011 Zolpidem is a fast-acting hospital sedative used before anaesthetics Peter "
        "Okafor's physician, Doctor Alan Price, has been found guilty.",
        "Peter Okafor",
    )
    assert "anaesthetics" not in roles, roles
    roles = roles_in(
        "She will join confirmed artists Jane Porter, Tom Baxter and Ruth Sands on stage in Leeds.",
        "Jane Porter",
    )
    assert not any("artists" in role for role in roles), roles


def test_titles_that_name_a_person_stay_roles():
    """The rule keeps real titles before a name, abbreviated ones too."""
    assert "Deputy District Attorney" in roles_in(
        "Deputy District Attorney Sam Hale told the jury the doctor was negligent.", "Sam Hale"
    )
    assert "Sen." in roles_in("Sen. Sam Hale asked the president to act.", "Sam Hale")
    assert "Italian PM" in roles_in("Italian PM Sam Hale resigned on Saturday.", "Sam Hale")
    assert "Los Angeles Superior Court Judge" in roles_in(
        "Los Angeles Superior Court Judge Ann Cole sentenced him to four years.", "Ann Cole"
    )


def test_a_degree_after_a_persons_name_is_no_place():
    """ "Theodore Vance, MD" is a doctor's degree: no entity "MD" to merge with "Md." (Maryland) of the
    datelines; the state stays a place of its own."""
    entities = build_roster(
        articles(
            "The plan gives special access to the lobbyists. - Theodore Vance, MD Posted by: reader | "
            "September 24, 2008",
            "Bethesda, Md.: I have been putting off a financial plan. Potomac, Md.: What should I buy now?",
        )
    )
    for entity in entities:
        assert not any(alias.startswith("MD") for alias in entity.aliases), (entity.name, entity.aliases)
    assert any(e.name == "Theodore Vance" for e in entities), [e.name for e in entities]
