"""Roster rows an analyst strikes (issue 13, nineteenth session; H1N1_bbc, a development topic):

- a program a page's template asks for is no person ("you need to have both Javascript enabled and Flash
  installed", "you may need Adobe Reader It brought ..."): a product, named as the program;
- a drug's international name is a drug by its ending ("Oseltamivir (currently best known as the brand name
  Tamiflu)"), a disease named by its own word is no one ("Influenza A", "Malaria");
- a plural common noun or an adverb in capitals where a sentence opens is no name ("Schools across Mexico have
  closed", "Worldwide, the number of cases has soared"); a surname opening a sentence stays;
- a given name written with a hyphen is kept whole ("Ban Ki-moon", not "Ban Ki");
- a plural is no one person's title ("a letter from those Senators to President Obama"), nor a question's predicate
  an apposition ("Was Obama the person who picked $20 billion?"; bpoil_foxnews).
Made-up text modelled on the articles; each test fails on the rules before this change.
"""

from __future__ import annotations

from storyline.model import Article
from storyline.who.entities import build_roster


def roster(*texts: str):
    return build_roster([Article(id=str(i), source=str(i), text=text) for i, text in enumerate(texts)])


def types(entities) -> dict[str, str]:
    return {alias: e.type for e in entities for alias in (e.name, *e.aliases)}


TEMPLATE = (
    "In order to see this content you need to have both Javascript enabled and Flash installed.\n\n"
    "Visit BBC Webwise for full instructions.\n\n"
    "Most computers will open this document automatically, but you may need Adobe Reader It brought the overall "
    "total to 24 in England."
)


def test_a_program_of_a_pages_template_is_no_person():
    entities = roster(
        "Health Secretary Alan Johnson said the risk was low.\n\n" + TEMPLATE,
        "Alan Johnson visited a school in London.\n\n" + TEMPLATE,
    )
    found = types(entities)
    assert found.get("Alan Johnson") == "person"
    assert {name: found.get(name) for name in ("Flash", "Javascript", "Adobe Reader")} == dict.fromkeys(
        ("Flash", "Javascript", "Adobe Reader"), "other"
    )
    assert "Adobe Reader It" not in found


def test_a_drug_by_its_ending_and_a_disease_by_its_word_are_no_one():
    entities = roster(
        "There is a risk factor especially during the first trimester.\n\nOseltamivir (currently best known as the "
        "brand name Tamiflu) is not usually recommended for pregnant women, Dr Jane Smith said.",
        "Doctors are being advised to test patients for Influenza A (H1N1).\n\nMalaria is a bigger killer than swine "
        "flu, Dr Jane Smith said.",
    )
    found = types(entities)
    assert found.get("Oseltamivir") == "other"
    assert not {"Influenza", "Influenza A", "Malaria"} & set(found)
    assert found.get("Jane Smith") == "person"


def test_a_common_word_opening_a_sentence_is_no_name():
    entities = roster(
        "Officials have confirmed 20 deaths.\n\nSchools across Mexico have closed, and schools in Texas too.\n\n"
        "Worldwide, the number of cases has soared to 13,400.",
        "The virus spread fast.\n\nLeaflets giving advice about the virus are to be sent out. The leaflets tell "
        "people to wash their hands.\n\nWorldwide there have been 95 deaths.",
        "Brown said the leaflets were ready.\n\nGordon Brown visited the school.",
    )
    found = types(entities)
    assert not {"Schools", "Worldwide", "Leaflets"} & set(found)
    assert found.get("Brown") == found.get("Gordon Brown") == "person"


def test_a_hyphenated_given_name_is_kept_whole():
    # H1N1_bbc: "Ban Ki" was cut from "Ban Ki-moon" at the lower-case half of his given name
    entities = roster(
        "The WHO raised its alert.\n\nUN Secretary General Ban Ki-moon called for calm.\n\nBan Ki-moon called for "
        "global co-ordination on swine flu.",
        "UN chief Ban Ki-moon, in New York, said the WHO did not plan to raise its pandemic alert.",
        # LibyaWar_cnn: "moon" tagged a common noun
        "The council met on Monday, said U.N. Secretary-General Ban Ki-moon.\n\nIn Tripoli, the shelling went on.",
    )
    found = types(entities)
    assert found.get("Ban Ki-moon") == "person"
    assert "Ban Ki" not in found


def obama_titles(*texts: str) -> list[str]:
    return [role["role"] for e in roster(*texts) if e.name == "Barack Obama" for role in e.roles]


def test_a_plural_is_no_one_persons_title():
    # bpoil_foxnews: Barack Obama's role "Senators to President"
    titles = obama_titles(
        "President Barack Obama met BP's chairman.\n\nA recent letter from those Senators to President Obama noted "
        "that the fund was too small.",
    )
    assert "President" in titles
    assert not [t for t in titles if "Senators" in t]


def test_a_questions_predicate_is_no_apposition():
    # bpoil_foxnews: Barack Obama's role "person who picked $20 billion"
    titles = obama_titles(
        "President Barack Obama met BP's chairman.",
        "Barack Obama spoke on Monday.\n\nWho picked $20 billion?\n\nWas Obama the person who picked $20 billion?"
        "\n\nThe fund was set up.",
    )
    assert "President" in titles
    assert not [t for t in titles if "picked" in t]
