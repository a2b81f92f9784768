"""Who "he" is (issue 13, nineteenth session): never a person the story knows to be a woman, and the nearest-name
fallback once a rival's gender is known.

- a noun of one gender set beside a name as what the person is ("Stephanie Hebert, a spokeswoman at the Unified
  Command Center") shows that person's gender, and a "he" in her sentence is someone else: the sixteenth audit
  round's held-out speaker_statement-002 (bpoil_guardian 66: 'He says he was "confined and interrogated ..."'
  given to Hebert; the "he" is Dillon, the fired contractor);
- the nearest-name fallback takes the person named last whom the story shows to be of the pronoun's gender over
  one named before whose gender nothing shows (EgyptianProtest_cnn 208: "Fred Pleitgen has been on the ground ...
  I asked Secretary of State Hillary Clinton ... She said, well, we back the Egyptian people": unresolved);
- a pronoun going on as the subject of a verb conjoined with the name's shows that person's gender (LibyaWar_cnn
  35: "Livingston declined an interview with CNN, but he told ..."; Randa Fahmy Hudome's "she said" went to Bob
  Livingston, whose gender nothing else showed).
"""

from __future__ import annotations

from storyline.annotate.nlp import parse_articles
from storyline.model import Article, Attribution
from storyline.who.attribution import NameIndex, find_attributions

from . import found

DILLON = (
    "Adam Dillon, a former contractor, says BP kept the media away from the beaches. "
    "After working on Grand Isle, Dillon was transferred to the Unified Command Center in Houma. "
    'He claims he was fired last week "because he was seen as a threat to superiors." '
    "(Stephanie Hebert, a spokeswoman at the Unified Command Center, confirms he was a contractor there but "
    "declined to comment on his dismissal.) "
    'Specifically, he says BP axed him after taking photos of what he described as "equations on dispersants". '
    'He says he was "confined and interrogated for almost an hour" about what he saw.'
)


def test_he_is_never_a_woman_described_so_beside_her_name():
    by_content = {a.content: a.speaker_entity for a in found(DILLON)}
    assert (
        by_content['he was "confined and interrogated for almost an hour" about what he saw'] == "Adam Dillon"
    )
    assert by_content["he was a contractor there"] == "Stephanie Hebert"  # her own words stay hers
    for content, speaker in by_content.items():
        if content.startswith("BP axed him"):
            assert speaker == "Adam Dillon"  # was Stephanie Hebert


def test_a_noun_of_one_gender_beside_a_name_is_that_persons_gender():
    doc = parse_articles([Article(id="d", source="test", text=DILLON)])[0]
    votes = NameIndex(doc).full_name_votes()
    assert votes["Stephanie Hebert"] == (0, 3)  # "a spokeswoman"; not "he was a contractor", "his dismissal"
    texts = [
        "His wife, Heidi Cruz, spoke at the rally.",  # the name in apposition to the noun
        "Actress Farrah Fawcett arrived at the hospital.",  # the noun before the name
        # a title in "-man" is said of women too: no evidence
        "Sheila Bair, chairman of the Federal Deposit Insurance Corp., spoke on Monday.",
    ]
    docs = parse_articles([Article(id=str(i), source="test", text=t) for i, t in enumerate(texts)])
    assert NameIndex(docs[0]).full_name_votes()["Heidi Cruz"] == (0, 3)
    assert NameIndex(docs[1]).full_name_votes()["Farrah Fawcett"] == (0, 3)
    assert NameIndex(docs[2]).full_name_votes()["Sheila Bair"] == (0, 0)


def test_a_vote_for_one_of_two_people_of_a_surname_is_no_vote_for_the_surname():
    text = "Mayor Mitch Landrieu spoke after his sister, Sen. Mary Landrieu, on Monday. Landrieu said the city would recover."
    index = NameIndex(parse_articles([Article(id="l", source="test", text=text)])[0])
    assert index.full_name_votes()["Mary Landrieu"] == (0, 3)
    assert "Landrieu" not in index.genders  # the lone "Landrieu" may be either


def story(*texts: str) -> list[Attribution]:
    return find_attributions([Article(id=str(i), source="test", text=t) for i, t in enumerate(texts)])


CLINTON = (
    "Hillary Clinton said she would travel to Cairo. Hillary Clinton met her counterpart on Monday. "
    "Hosni Mubarak said he would not resign. Hosni Mubarak waved to his supporters."
)
PLEITGEN = (
    "CROWLEY: Fred Pleitgen has been on the ground for us in Egypt. Thank you so much. "
    "CROWLEY: Joining me now in Washington, Republican Senator John McCain of Arizona. "
    "We are at the point in foreign policy where our values are running headlong into our strategic interests. "
    "I asked Secretary of State Hillary Clinton, who do we back? "
    "Do we back Hosni Mubarak or do we back the people on the street. "
    "She said, well, we back the Egyptian people."
)


def test_the_nearest_person_shown_of_the_gender_over_one_nothing_shows():
    (she,) = [a for a in story(CLINTON, PLEITGEN) if a.speaker == "She"]
    assert she.speaker_entity == "Hillary Clinton"  # was unresolved: Fred Pleitgen, named before, blocked her
    # one named before her who is shown to be a woman still blocks: either could be meant
    rival = PLEITGEN.replace("Fred Pleitgen has", "Christiane Amanpour has")
    women = CLINTON + " Christiane Amanpour said she was in Cairo. Christiane Amanpour thanked her crew."
    (she,) = [a for a in story(women, rival) if a.speaker == "She"]
    assert she.speaker_entity is None
    # and so does one of no gender shown in her own sentence (LibyaWar_cnn 118: "Mark Toner, who called on
    # Gadhafi to cease hostilities ... He said": Toner's words)
    beside = PLEITGEN.replace("I asked Secretary", "Fred Pleitgen met Secretary")
    (she,) = [a for a in story(CLINTON, beside) if a.speaker == "She"]
    assert she.speaker_entity is None


LIVINGSTON = (
    "In 2008, Libya retained a lobbying firm led by former U.S. Rep. Bob Livingston. "
    "Livingston declined an interview with CNN, but he told CNN affiliate WVUE that he ended the contract "
    "shortly after Gadhafi gave a hero's welcome to Abdelbeset al Megrahi upon his release from prison. "
    "Before that, starting in 2004, Gadhafi's government engaged lobbyist Randa Fahmy Hudome. "
    "Libya paid her firm more than $3 million over the course of three years, she said."
)


def test_a_pronoun_going_on_from_a_named_subject_shows_the_gender():
    doc = parse_articles([Article(id="b", source="test", text=LIVINGSTON)])[0]
    assert NameIndex(doc).full_name_votes()["Bob Livingston"] == (2, 0)  # "..., but he told"
    (she,) = [a for a in story(LIVINGSTON) if a.speaker == "she"]
    assert she.speaker_entity != "Bob Livingston"
    # not where someone else is named between: "Clinton met Sarkozy, and he said ..." may be either
    doc = parse_articles(
        [Article(id="c", source="test", text="Clinton met Nicolas Sarkozy, and he said the talks went well.")]
    )[0]
    assert NameIndex(doc).full_name_votes().get("Clinton", (0, 0)) == (0, 0)


GATES = (
    "Defense Secretary Robert Gates appeared on three Sunday talk shows. "
    '"I don\'t believe we should be engaged in the Libyan civil war," Gates told CBS.\n\n'
    "Obama has said the U.S. role in the Libyan mission will diminish once NATO takes over control and command, "
    "which could start happening as soon as Monday.\n\n"
    "However, Gates made clear that even in a diminished role, U.S. forces will still be involved in the mission "
    "as long as it continues.\n\n"
    '"As long as there is a no-fly zone and we have some unique capabilities to bring to bear, we will continue '
    'to have a presence," he said on ABC.'
)


def test_a_surname_the_recognizer_left_untagged_is_the_person():
    # LibyaWar_cnn 317 (drawn with seed 90): "However, Gates made clear ..." has no entity label, so "he" went to
    # Obama, the one person quoted before
    (he,) = [a for a in found(GATES) if a.speaker == "he"]
    assert he.speaker_entity == "Robert Gates"
