"""Statements: an attribution is listed under who said what only when its content is something said
(``Attribution.statement``, ``storyline.who.attribution.statement_problem``), and the one verb lexicon
(``storyline.who.cues``) that the comparison's positions and disputes read their verbs from."""

from __future__ import annotations

import pytest

from storyline.compare import disputes, positions
from storyline.who import attribution as finder
from storyline.who import cues
from storyline.who.names import speaker_name, statements

from . import found


def listed(text: str) -> list[tuple[str | None, str]]:
    """(listed speaker, content) of the statements of one made-up text."""
    return [(speaker_name(a), a.content) for a in statements(found(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The committee sent a letter that questioned the safety record of the company.",  # an action
        "The minister spoke with the ambassador about the development.",  # a topic
        "The agency has not disclosed what kind of oil was spilled.",  # negated
        "The mayor declined to say whether the beaches would reopen.",  # not said
        "The president is expected to announce new rules on Friday.",  # not said yet
        "In this programme the composer continues to celebrate the musicals of the West End.",  # a listing
        "The documentary explores how the singer rose to fame.",  # a programme, not a voice
        "The actor explains why he has been stressed at work.",  # a topic ("why ...")
        "Critics praised the decision.",  # a reaction: its object is no statement
        "The chemicals are not considered by the regulator to pose a concern.",  # the content lost its subject
        "The senator would argue that the plan is too costly.",  # hypothetical
        "It would be inconceivable for the agency to ask manufacturers to switch production.",  # an infinitive
        "Derek Edwards wants to know more about his relatives in Brecon.",  # a wish, not a statement
        "The health ministers agreed to work with pharmaceutical companies.",  # an act, not a statement
        "Conrad Murray has defended his actions in a television interview.",  # an object, not content
    ],
)
def test_what_is_not_something_said_is_no_statement(text):
    every = found(text)
    assert listed(text) == []
    # the finder still has what PolNeAR counts as attributions (kept for the comparison's voices)
    if "praised" in text or "sent" in text:
        assert every and not any(a.statement for a in every)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The minister said that the vaccine was safe.", None, "that the vaccine was safe"),
        ("Obama urged BP to pay for the damage.", "Obama", "BP to pay for the damage"),
        ('"We will not give up," the rebel commander said.', "the rebel commander", '"We will not give up,"'),
        ("Senior officials believe the leak will be stopped by August.", "Senior officials", None),
        ("Hillary Clinton asked whether the vaccine had been tested.", "Hillary Clinton", None),
        (
            "The chemicals are not considered to pose a concern, according to John Ireland.",
            "John Ireland",
            "The chemicals are not considered to pose a concern",
        ),
    ],
)
def test_a_statement_keeps_what_was_said(text, speaker, content):
    shown = listed(text)
    assert len(shown) == 1
    if speaker is not None:
        assert shown[0][0] == speaker
    if content is not None:
        assert shown[0][1] == content  # the negation of the content is kept with it


def test_a_bare_definite_description_is_no_speaker_of_its_own():
    # "the company" points back to a company named before; with none found it names no one
    assert [a.statement for a in found("The company said it would pay all legitimate claims.")] == [True]
    assert listed("The company said it would pay all legitimate claims.") == [
        (None, "it would pay all legitimate claims")
    ]
    # an institution or a group is a described source
    assert listed("The government said it would pay all legitimate claims.")[0][0] == "The government"


def test_the_parenthetical_cue_still_reports_the_clause_around_it():
    text = (
        "Fares urged members of Syria's military to join him, because, he said, there is no honor in "
        "killing one's own people."
    )
    contents = [content for _, content in listed(text)]
    assert "there is no honor in killing one's own people" in contents


def test_one_verb_lexicon_for_the_finder_positions_and_disputes():
    assert positions.REPORTING_VERBS is cues.REPORTING_VERBS
    assert disputes.CLAIMING_VERBS is cues.CLAIMING_VERBS
    assert finder.QUOTE_CUE_LEMMAS is cues.QUOTE_CUE_LEMMAS
    # the comparison's verbs are verbs of saying or thinking, but for the idioms they read
    # ("put it", "made clear", "framed it as")
    assert {"put"} == cues.CLAIMING_VERBS - cues.SPEECH_LEXICON
    assert {"make", "frame"} == cues.REPORTING_VERBS - cues.SPEECH_LEXICON
    assert cues.QUOTE_CUE_LEMMAS <= cues.SAYING_VERBS | cues.QUOTATION_ONLY_VERBS
    # verbs of programmes and actions are no verbs of saying
    assert not {"explore", "celebrate", "release", "send", "offer", "discuss", "speak"} & cues.SPEECH_LEXICON


def test_first_person_outside_quotation_marks_is_the_writer():
    # "I" and "we" outside a quotation are a column's, a blog's or a reader's letter's writer, never the
    # speaker quoted before
    text = "Jane Smith said the school was closed. I believe that the teacher is ill."
    assert ("Jane Smith", "the school was closed") in listed(text)
    assert (None, "that the teacher is ill") in listed(text)


def test_a_nationality_before_a_noun_is_no_speaker():
    # "the Mexican figures" are no Mexicans (the old rule listed this under "Mexican")
    assert listed("The Mexican figures suggest that the virus is less deadly than feared.") == [
        (None, "that the virus is less deadly than feared")
    ]
    # a described group keeps its description
    assert listed("The French officials said the border would stay open.")[0][0] == "The French officials"


def test_a_sentences_opening_conjunction_is_no_part_of_the_speaker():
    import spacy

    doc = spacy.blank("en")("And an Egyptian woman said it")
    assert finder.without_opening_debris(doc[0:4]).text == "an Egyptian woman"
    assert finder.without_opening_debris(doc[0:1]).text == "And"  # a lone word is left for name_problem
    assert finder.without_opening_debris(doc[1:4]).text == "an Egyptian woman"


def test_a_wire_dateline_is_no_part_of_the_speaker():
    import spacy

    doc = spacy.blank("en")("AJDABIYAH, Libya (Reuters) - Rebels fighting Gaddafi said it")
    assert finder.without_opening_debris(doc[0:10]).text == "Rebels fighting Gaddafi"
