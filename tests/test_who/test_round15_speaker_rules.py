"""The fifteenth audit round's speaker and statement errors (issue 13, seventeenth session), as general rules.

- a named time right after the cue that is the subject of what was said stays in it ("said Ramadan this year
  would be overshadowed ...");
- "it" opening a sentence goes on from the body the sentence before is about, not from a speaker quoted before
  that; where that body names no one, the pronoun stays unresolved;
- "told CNN's "Larry King Live" to be broadcast ... that he is ...": what was told starts at "that"; the
  programme told to is no quotation of what was said, and the passive infinitive borrows no speaker;
- a speaker with a "which" clause is a thing or a body, never a person of the same surname.
"""

from __future__ import annotations

from . import found


def test_a_named_time_that_is_the_subject_of_what_was_said_stays_in_it():
    said = found(
        "Abdussalam bin Sulaiman, a Libyan journalist, said Ramadan this year would be overshadowed by the air "
        "strikes that rock Tripoli."
    )
    assert [a.content for a in said] == [
        "Ramadan this year would be overshadowed by the air strikes that rock Tripoli"
    ]
    # a weekday after the cue says when it was said
    assert [a.content for a in found("The minister said Monday this year would be hard.")] == [
        "this year would be hard"
    ]


def test_it_goes_on_from_the_body_the_sentence_before_is_about():
    quoted_before = "Rebels cheered after the U.N. Security Council said it would impose a no-fly zone. "
    said = found(
        quoted_before + "The opposition, with untrained units, has suffered military setbacks this week. "
        "It has said such international action was necessary."
    )
    it = next(a for a in said if a.speaker == "It")
    assert it.speaker_entity is None  # the opposition, which names no one: not the Security Council
    said = found(
        quoted_before + "NATO has suffered setbacks this week. It has said such action was necessary."
    )
    assert next(a for a in said if a.speaker == "It").speaker_entity == "NATO"
    # a sentence about something else leaves "it" to the speaker before
    said = found(
        "BP said the cap was working. The company's shares rose on Monday. It said the leak would stop."
    )
    assert next(a for a in said if a.speaker == "It").speaker_entity == "BP"


def test_what_is_told_starts_at_that_after_the_addressee_and_words_about_it():
    said = found(
        'President Barack Obama told CNN\'s "Larry King Live" to be broadcast on Thursday night that he is '
        '"furious at this entire situation" in the Gulf.'
    )
    assert [a.content for a in said if a.statement] == [
        'that he is "furious at this entire situation" in the Gulf'
    ]
    said = found("The minister told reporters at a news conference in Tripoli that the army would win.")
    assert [a.content for a in said] == ["that the army would win"]
    # a "that" clause of another subject's verb inside the object is not what is told
    said = found("The drama tells the story of a contestant who decides that he has a claim to the throne.")
    assert not [a for a in said if a.content.startswith("that")]
    # a programme's name told to, without a possessive before it, is no quotation of what was said either
    said = found('Hamad bin Khalifa told "The Situation Room" that the opposition must be trained first.')
    assert [a.content for a in said] == ["that the opposition must be trained first"]


def test_a_speaker_with_a_which_clause_is_no_person():
    said = found(
        "British Prime Minister David Cameron said BP should pay. Cameron, which supplied the blowout preventer "
        "for the rig, said it would cooperate with investigators. Cameron, who met Obama, said BP should pay."
    )
    assert [a.speaker_entity for a in said] == ["David Cameron", "Cameron", "David Cameron"]
    # a "which" clause after a description ("The U.S. government, which ...") leaves the name in it alone
    said = found("The U.S. government, which has vowed to make BP pay, said BP was responsible.")
    assert "U.S." in [a.speaker_entity for a in said]
    # the body named in full in the story is whom the short name stands for
    said = found(
        "Shares of Cameron International Corp fell. British Prime Minister David Cameron said BP should pay. "
        "Cameron, which supplied the blowout preventer for the rig, said it would cooperate with investigators."
    )
    assert [a.speaker_entity for a in said] == ["David Cameron", "Cameron International Corp"]
