"""Speaker and statement errors of audit round 9's development draw (issue 13 item 4), as general rules.

- a finite content clause keeps its subject when the parser hangs it on the cue ("implied more could be done");
- a subordinate clause ("while ...") before "according to X" without its main clause is no statement;
- a noun phrase with a relative clause of its own after a spaced dash glosses what was said in the writer's
  words, and ends it;
- what was said that opens with a conjunction and ends where a verb is left out ("and it's not going to") is
  the tail of a quotation split across sentences, no statement on its own;
- a surname is one surname whatever the case of its particle ("Al-Obeidy" is "Eman al-Obeidy" named before).
"""

from __future__ import annotations

from . import found


def test_a_content_clause_keeps_the_subject_the_parser_hung_on_the_cue():
    text = (
        "Townsend's source, a senior NATO military official with knowledge of NATO's Libyan operations, "
        "also implied more could be done to target Gadhafi."
    )
    said = next(a for a in found(text) if "target Gadhafi" in a.content)
    assert said.content == "more could be done to target Gadhafi"


def test_an_adverb_after_the_cue_stays_out_of_a_clause_with_its_own_subject():
    # guard: only a clause without a subject takes the words the parser hung on the cue
    text = "The minister said again the army had left the town."
    said = next(a for a in found(text) if "army" in a.content)
    assert said.content == "the army had left the town"


def test_a_subordinate_clause_before_according_to_is_no_statement():
    text = (
        "So while many countries have criticized Gadhafi in the aftermath of protests that have left more than "
        "1,000 people dead and many more injured, according to the U.N., some of his allies, including "
        "Venezuela and Zimbabwe, refuse to publicly criticize Libya."
    )
    said = next(a for a in found(text) if a.cue == "according to")
    assert not said.statement


def test_a_whole_clause_before_according_to_stays_a_statement():
    # guard: "as many as" opens no clause, and a main clause before the source is a claim
    for text in (
        "As many as 100 people died in the clashes, according to the U.N.",
        "More than 1,000 people have died since the protests began, according to the U.N.",
    ):
        said = next(a for a in found(text) if a.cue == "according to")
        assert said.statement, text


def test_a_dash_gloss_in_the_writers_words_ends_what_was_said():
    text = (
        "One key risk is that the Administration has said it wants BP to compensate those workers laid off "
        "due to the moratorium on deepwater drilling imposed in the wake of the accident -- a cost BP thinks "
        "it should not have to pay."
    )
    said = next(a for a in found(text) if "compensate" in a.content)
    assert said.content.endswith("in the wake of the accident")
    assert "a cost" not in said.content


def test_a_dash_list_inside_what_was_said_stays():
    # guard: a dash with no noun phrase and relative clause after it is the speaker's own
    text = (
        "Al-Obeidy said she has been abducted by Gadhafi forces three times -- the first time from the hotel "
        "and a third time on Sunday."
    )
    said = next(a for a in found(text) if "abducted" in a.content)
    assert said.content.endswith("a third time on Sunday")


def test_the_tail_of_a_quotation_split_across_sentences_is_no_statement():
    text = (
        "Officials say they have heard more angst over business than about health.\n"
        "\"I look at it this way: It's from the Earth.\n"
        "If you drank it in your drinking water every day it would hurt you.\n"
        "But spend a week in the water on vacation and it's not going to,\" said Elaine Fox, who visited "
        "Orange Beach, Ala.\nShe spoke on the beach."
    )
    said = next(a for a in found(text) if "not going to" in a.content)
    assert not said.statement


def test_a_whole_sentence_that_opens_with_a_conjunction_stays_a_statement():
    # guard: a conjunction alone does not make a fragment
    text = '"But the water is safe and the beaches are open," said Elaine Fox.'
    said = next(a for a in found(text) if "water is safe" in a.content)
    assert said.statement


def test_a_surname_is_the_person_named_before_whatever_the_case_of_its_particle():
    text = (
        "Eman al-Obeidy burst into a Tripoli hotel last month to tell reporters she had been raped.\n"
        "Al-Obeidy said she has been abducted by Gadhafi forces three times.\n"
        "Her father, Atiq Al-Obeidy, said the family was worried."
    )
    said = next(a for a in found(text) if "abducted" in a.content)
    assert said.speaker_entity == "Eman al-Obeidy"
    father = next(a for a in found(text) if "worried" in a.content)
    assert father.speaker_entity == "Atiq Al-Obeidy"


def test_whom_a_that_clause_is_told_to_stays_out_of_it():
    # guard: the addressee (before "that", or where the tagger misreads a name for a verb) takes no part
    text = (
        "Livingston told CNN affiliate WVUE that he ended the contract shortly after Gadhafi gave a hero's "
        "welcome to Lockerbie conspirator Abdelbeset al Megrahi."
    )
    said = next(a for a in found(text) if "ended the contract" in a.content)
    assert not said.content.startswith("CNN affiliate")
