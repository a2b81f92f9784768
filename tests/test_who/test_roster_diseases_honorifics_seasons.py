"""Roster rows an analyst strikes (issue 13, eighteenth session; H1N1_bbc, a development topic):

- a disease's name is no person's, place's or body's: "Swine flu is a respiratory disease ..." opening a sentence,
  "Swine Flu: Your questions answered" of a headline (H1N1_bbc: "Swine" a place of 14 articles, "Swine Flu" a person
  of 22), where the page writes its words in lower case too ("swine flu"); a place before the noun stays ("the Hong
  Kong flu");
- a role is no bare honorific ("Sir" of "Sir Liam Donaldson", "England Sir" of "the chief medical officer for England
  Sir Liam Donaldson"): the honorific is cut from the title before the name, which stays his ("Chief Medical
  Officer");
- a season is no role ("... kills several thousand people in the UK each winter Fergus Walsh, BBC medical
  correspondent": "winter" ends like "officer");
- a role closes its brackets ("acting assistant director general of the World Health Organization (WHO").
Made-up text modelled on the articles; each test fails on the rules before this change.
"""

from __future__ import annotations

from storyline.model import Article
from storyline.who.entities import build_roster


def roster(*texts: str):
    return build_roster([Article(id=str(i), source=str(i), text=text) for i, text in enumerate(texts)])


def names(entities) -> set[str]:
    return {alias for e in entities for alias in (e.name, *e.aliases)}


def roles(entities, name: str) -> list[str]:
    return [role["role"] for e in entities if e.name == name for role in e.roles]


def test_a_diseases_name_in_capitals_is_no_one():
    entities = roster(
        "Swine Flu: Your questions answered\n\nMore cases of swine flu were confirmed. Swine flu is a respiratory "
        "disease found in pigs. People who have Swine Flu should stay at home.",
        "Swine flu has spread to Mexico City. Officials said swine flu cases rose. Bird Flu was the last scare; "
        "bird flu killed poultry.",
    )
    found = names(entities)
    assert not found & {"Swine", "Swine Flu", "Bird Flu", "Bird"}
    assert "Mexico City" in found
    # a place's name before the noun is never written in lower case: the place stays
    hong_kong = roster("The Hong Kong flu of 1968 killed a million people. Hong Kong closed its schools.")
    assert "Hong Kong" in names(hong_kong)


def test_an_honorific_is_no_role_and_leaves_the_title_before_it():
    entities = roster(
        "A briefing by the chief medical officer for England Sir Liam Donaldson yielded new thinking. Sir Liam "
        "Donaldson said schools would close.",
        "England's Chief Medical Officer Sir Liam Donaldson has defended the policy. Sir Liam Donaldson said so.",
    )
    titles = roles(entities, "Liam Donaldson")
    assert titles == ["Chief Medical Officer"]
    # MJ_bbc: "Lawyers for Dr Conrad Murray" gave him the title "Lawyers for Dr": the lawyers' title, not his
    murray = roster("Lawyers for Dr Conrad Murray said he was innocent. Conrad Murray denied the charge.")
    assert roles(murray, "Conrad Murray") == []


def test_a_season_is_no_role():
    entities = roster(
        "Seasonal flu kills several thousand people in the UK each winter Fergus Walsh, BBC medical correspondent "
        "Scottish Health Secretary Nicola Sturgeon said more cases were found. Fergus Walsh said so."
    )
    assert "winter" not in roles(entities, "Fergus Walsh")


def test_a_role_closes_its_brackets():
    entities = roster(
        "But Dr Keiji Fukuda, acting assistant director general of the World Health Organization (WHO), said the "
        "virus was spreading. Keiji Fukuda said so."
    )
    titles = roles(entities, "Keiji Fukuda")
    assert titles and all(title.count("(") == title.count(")") for title in titles)
