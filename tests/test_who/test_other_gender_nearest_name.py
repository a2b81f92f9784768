"""Who "he" is (issue 13, nineteenth session): never a person the story knows to be a woman, and the nearest-name
fallback once a rival's gender is known.

- a noun of one gender set beside a name as what the person is ("Stephanie Hebert, a spokeswoman at the Unified
  Command Center") shows that person's gender, and a "he" in her sentence is someone else: the sixteenth audit
  round's held-out speaker_statement-002 (bpoil_guardian 66: 'He says he was "confined and interrogated ..."'
  given to Hebert; the "he" is Dillon, the fired contractor).
"""

from __future__ import annotations

from storyline.annotate.nlp import parse_articles
from storyline.model import Article
from storyline.who.attribution import NameIndex

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
    assert by_content['he was "confined and interrogated for almost an hour" about what he saw'] == "Adam Dillon"
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
