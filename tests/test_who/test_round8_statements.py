"""Speaker and statement errors of the eighth precision audit (issue 13 item 4), as general rules.

- "he" or "she" stands for a person: never a place or a body, and the one person named in the sentence
  just before it wins over a speaker quoted earlier;
- the object of "told" is whom the words were told to, never their speaker;
- a question ("But whose fault were they, according to BP?") is no statement of the cue's speaker;
- what was said ends before the writer's words: a trailing non-restrictive relative clause with a subject of
  its own, the main clause after a participle cue, and the paragraphs after it;
- a participle cue's object that a "that" clause completes ("admitting his surprise that ...") is part of
  what was said.
"""

from __future__ import annotations

from storyline.model import Article
from storyline.who.names import speaker_name

from . import found


def test_he_is_the_person_named_just_before_not_a_place_quoted_earlier():
    text = (
        "Rebels said the oil terminal in Brega was still intact.\n"
        "Brega refinery was reported to be still intact but could be a target.\n"
        "* The longest forecast for a full recovery of oil output came from David Wech, head of research at "
        "Vienna-based consultants JBC Energy.\n"
        "He said a return to full output capacity could take three to four years."
    )
    said = next(a for a in found(text) if "full output capacity" in a.content)
    assert speaker_name(said) == "David Wech"


def test_he_is_never_a_place_even_with_no_person_before():
    text = (
        "Troops planned to destroy the oil terminal in Brega.\n"
        "Brega refinery was reported to be still intact but could be a target.\n"
        "He said a return to full output capacity could take three to four years."
    )
    said = next(a for a in found(text) if "full output capacity" in a.content)
    assert speaker_name(said) is None


def test_he_still_takes_the_speaker_quoted_before_when_no_one_is_named_between():
    text = (
        '"We will hold the town," said Colonel Ahmed Bani, a rebel spokesman.\n'
        "He said the rebels had taken the port on Monday."
    )
    said = next(a for a in found(text) if "taken the port" in a.content)
    assert speaker_name(said) == "Ahmed Bani"


def test_the_one_told_is_never_the_speaker():
    text = (
        '"Gaddafi\'s daughter gave birth to a girl today," a source close to the Algerian health ministry, '
        "who spoke on condition of anonymity, told Reuters.\n"
        '"This is all I can say."'
    )
    said = next(a for a in found(text) if "gave birth" in a.content)
    assert speaker_name(said) != "Reuters"
    assert said.speaker is not None and said.speaker.startswith("a source close to")
    assert said.anonymous
    assert said.content.startswith('"Gaddafi')


def test_told_after_a_named_speaker_still_has_that_speaker():
    text = '"We are prepared for the worst," Carol Browner told reporters.'
    said = next(a for a in found(text) if "prepared for the worst" in a.content)
    assert speaker_name(said) == "Carol Browner"


def test_a_question_according_to_someone_is_no_statement():
    text = "The eight big things that went wrong are a plausible explanation.\nBut whose fault were they, according to BP?"
    assert not any(a.statement and "fault" in a.content for a in found(text))


def test_a_statement_according_to_someone_is_still_one():
    text = "The cement failed to seal the well, according to BP."
    (said,) = [a for a in found(text) if "cement" in a.content]
    assert said.statement and speaker_name(said) == "BP"


def test_a_trailing_relative_clause_with_another_subject_is_the_writers():
    text = (
        "The rebels admit hundreds of their fighters were killed and wounded during a week of fighting around "
        'al-Brega, which Ibrahim grandiloquently re-branded "Libya\'s Stalingrad."'
    )
    said = next(a for a in found(text) if "fighters were killed" in a.content)
    assert said.content.endswith("around al-Brega")


def test_a_relative_clause_of_the_speaker_stays_in_the_statement():
    text = "The minister said the army had retaken the port, which the rebels held for a week."
    said = next(a for a in found(text) if "retaken the port" in a.content)
    assert said.content.endswith("held for a week")


def test_a_participle_cue_keeps_its_object_and_stops_before_the_main_clause():
    text = (
        '"This would make the air strikes more effective," said Paul Smyth, a former analyst.\n'
        'While admitting his surprise that an organization he described as a little "timid" militarily had '
        "proposed the plan, he said the use of ground troops is bound to raise questions.\n"
        '"Some countries have been open in saying there should be no boots on the ground.'
    )
    admitted = next(a for a in found(text) if a.cue == "admitting")
    assert admitted.content.startswith("his surprise that an organization")
    assert admitted.content.endswith("proposed the plan")
    said = next(a for a in found(text) if a.cue == "said" and "ground troops" in a.content)
    assert said.content.startswith("the use of ground troops")


def test_a_quote_continued_on_the_same_line_is_still_joined():
    text = '"We will stay," the mayor said. "We have nowhere else to go."'
    said = next(a for a in found(text) if "We will stay" in a.content)
    assert "nowhere else to go" in said.content


def test_told_whom_that_keeps_the_addressee_out():
    text = "The minister told reporters that the talks had failed."
    (said,) = [a for a in found(text) if "talks had failed" in a.content]
    assert said.content == "that the talks had failed"


def test_an_interrogative_clause_without_its_mark_is_no_statement_either():
    assert not any(a.statement for a in found("But whose fault were they, according to BP."))


def test_a_clause_opening_with_a_question_word_that_states_is_still_a_statement():
    text = "What went wrong was the cement job, according to BP."
    (said,) = [a for a in found(text) if "cement" in a.content]
    assert said.statement


def test_a_name_spoken_to_is_no_antecedent_for_he():
    text = (
        "BLITZER: Jack Cafferty, thank you.\n"
        "A second federal judge has ruled that key parts of the measure are unconstitutional.\n"
        "He said the whole law has to go."
    )
    said = next(a for a in found(text) if "whole law" in a.content)
    assert speaker_name(said) != "Jack Cafferty"


def test_the_subject_of_the_clause_around_a_parenthetical_cue_is_not_its_speaker():
    from storyline.annotate.nlp import parse_articles
    from storyline.who.attribution import NameIndex, governing_subject_person

    text = 'Kenneth Abbott was fired in 2009.\nAbbott, he said, "feels like his efforts to fix the problem got him fired."'
    (doc,) = parse_articles([Article(id="t", source="test", text=text)])
    pronoun = next(t for t in doc if t.lower_ == "he")
    assert governing_subject_person(NameIndex(doc), pronoun) is None
