"""Who "she" is across the story (issue 13, eighteenth session): a person's gender read from all the story's
articles, not from the pronoun's article alone.

- a "she" never stands for a man the story calls "he" (LibyaWar_cnn 206: Eman al-Obeidy's words given to
  Moammar Gadhafi, whom that article names beside her with "she" in the sentence);
- a first name the story shows only men to bear tells a man it never shows ("she" → John Howard, the quote
  LuAnn White's: bpoil_foxnews 1942, the fifteenth round's speaker_statement-019);
- a pronoun beside a name as another person is no evidence of that person's gender.
"""

from __future__ import annotations

from storyline.annotate.nlp import parse_articles
from storyline.model import Article, Attribution
from storyline.who.attribution import NameIndex, find_attributions
from storyline.who.genders import StoryGenders

GADHAFI = (
    "Moammar Gadhafi said on state television that he would fight to the end. "
    "Moammar Gadhafi waved to supporters from his car in Tripoli. "
    "Moammar Gadhafi has ruled Libya since he took power in a coup in 1969."
)

OBEIDY = (
    "Eman al-Obeidy burst into our hotel in Tripoli, desperate for the world to hear her story. "
    "We asked al-Obeidy if she would be willing to come to the office. "
    "She and Gadhafi met privately before our interview. "
    "She agreed and Gadhafi sent a car to pick her up. "
    "Gadhafi appeared shocked afterward. "
    "She called herself an ordinary citizen. "
    '"Everything they said about me is a lie," she said. '
    "She spoke of her abduction, of how she was taken to one of the residences of Moammar Gadhafi's soldiers. "
    "They were drunk, she said. "
    "They tied her up and beat her."
)


def story(*texts: str) -> list[Attribution]:
    return find_attributions([Article(id=str(i), source="test", text=t) for i, t in enumerate(texts)])


def speakers(found: list[Attribution], content: str) -> list[str | None]:
    return [a.speaker_entity for a in found if content in a.content]


def test_she_is_never_a_man_the_story_calls_he():
    found = story(GADHAFI, OBEIDY)
    for content in ("herself an ordinary citizen", '"Everything they said', "They were drunk"):
        assert speakers(found, content) == ["Eman al-Obeidy"]  # all three were Moammar Gadhafi's
    assert speakers(found, "shocked afterward") == ["Moammar Gadhafi"]


def test_a_pronoun_beside_a_name_is_another_person():
    doc = parse_articles([Article(id="o", source="test", text=OBEIDY)])[0]
    votes = NameIndex(doc).full_name_votes()
    # "She and Gadhafi met", "She agreed and Gadhafi sent a car", "... Moammar Gadhafi's soldiers": no vote
    assert votes["Moammar Gadhafi"] == (0, 0)
    assert votes["Eman al-Obeidy"] == (0, 2)  # "her story", "al-Obeidy if she would"
    # a woman described beside the spokesman is whom the pronouns stand for: no vote for the spokesman
    doc = parse_articles([Article(id="i", source="test", text=IBRAHIM)])[0]
    assert NameIndex(doc).full_name_votes()["Moussa Ibrahim"] == (0, 0)


IBRAHIM = (
    "A Libyan woman who told reporters that she had been raped by troops has been released, government "
    "spokesman Moussa Ibrahim said Sunday. "
    '"We need to protect her privacy," Ibrahim said.'
)


HOWARD = (
    "But an oily odor does not necessarily mean it's harmful, said LuAnn White, director of Tulane University's "
    "Center for Applied Environmental Public Health. "
    'Officials continue to test. "We are still concerned," said John Howard, director of the National '
    "Institute for Occupational Safety and Health. "
    "The good news is that benzene can evaporate quickly. "
    "White compared it to spilling motor oil on your hands. "
    '"Do you want to do it? I don\'t think so," she said.'
)

JOHNS = (
    "John Boehner left the Capitol with his aides.",
    "John Kerry arrived in Houston on Monday with his staff.",
)


def test_a_first_name_the_story_gives_only_men_tells_a_man():
    assert speakers(story(HOWARD, *JOHNS), "Do you want") == ["LuAnn White"]
    # a first name borne by a man and a woman tells nothing
    genders = StoryGenders.of([{"John Boehner": (2, 0)}, {"John Kerry": (2, 0)}, {"John Howard": (0, 0)}])
    assert genders.of_name("John Howard") == "m"
    mixed = StoryGenders.of([{"Chris Smith": (2, 0)}, {"Chris Jones": (2, 0)}, {"Chris Evert": (0, 3)}])
    assert mixed.of_name("Chris Howard") is None
    # one bearer is not enough
    assert StoryGenders.of([{"Jordan Smith": (5, 0)}]).of_name("Jordan Lee") is None


def test_the_story_shows_a_gender_only_with_two_votes_and_twice_the_other():
    genders = StoryGenders.of(
        [{"Moammar Gadhafi": (3, 1)}, {"Moammar Gadhafi": (2, 0), "Saadi Gadhafi": (1, 0)}]
    )
    assert genders.names == {"Moammar Gadhafi": "m"}
    assert StoryGenders.of([{"Pat Doe": (2, 2)}]).names == {}
