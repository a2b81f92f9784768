"""Speaker and statement errors of the tenth precision audit (issue 13 item 4), as general rules.

- a participle after a clause that narrates someone's act in the simple past ("said Smith called Jones,
  telling him ...") is said by that clause's subject, not by the one reporting the act;
- a second verb of saying joined by "and" whose subject the parse hung inside the first one's content ("... and
  officials in Ohio said ...") is another speaker, and the first one's words end before it;
- a name right after a verb of telling is whom it tells, not the start of what was said ("tells Reuters talks
  continue ...");
- "telling them what to do": a question word with an infinitive is an instruction or a topic, no claim;
- a relative clause that names its own source ("..., which, according to the company, it did") is the writer's
  aside: no part of what the speaker said, and no statement of its own;
- "It" after "The ministry said NATO has justified ..." is the ministry: a speaker named inside what another said
  is spoken of, not the one a pronoun goes on with;
- a quotation that opens its sentence, or a quoted title, followed by a verb that reports a clause of its own ('"..." Tom Brown said the general ...')
  continues the quotation before it, not that verb's.
"""

from __future__ import annotations

from storyline.who.names import speaker_name, statements

from . import found


def test_a_participle_after_a_narrated_act_is_said_by_the_one_who_acted():
    text = "After a meeting in Paris, aides said Smith called Jones, telling him the farmers were ready to sign the deal."
    told = next(a for a in found(text) if a.cue == "telling")
    assert speaker_name(told) == "Smith"
    assert told.content == "the farmers were ready to sign the deal"


def test_a_participle_after_a_demand_or_a_state_stays_the_reporters():
    # guard: the demand's participle and a participle after "was" are the governor's further words
    for text, sayer in (
        ("The rebels demanded that Gaddafi leave the country, saying there could be no talks.", "The rebels"),
        ("Aides said the plan was unlike the last one, predicting that it would fail.", "Aides"),
    ):
        said = next(a for a in found(text) if a.cue in ("saying", "predicting"))
        assert speaker_name(said) == sayer


def test_a_second_speaker_joined_by_and_is_not_the_first_ones_words():
    text = (
        "Company engineers have said strong winds would delay plans to repair the bridge and officials in Ohio "
        "said heavy rain would probably slow the work."
    )
    first, second = (a for a in found(text) if a.cue == "said")
    assert first.content == "strong winds would delay plans to repair the bridge"
    assert speaker_name(second) == "officials in Ohio"
    assert second.content == "heavy rain would probably slow the work"


def test_the_name_told_is_no_part_of_what_was_said():
    text = "A union leader tells Reuters talks continue in Leeds as the company announced a pay freeze."
    told = next(a for a in found(text) if a.cue == "tells")
    assert told.content == "talks continue in Leeds as the company announced a pay freeze"


def test_the_name_told_before_the_clauses_own_subject_is_no_part_of_what_was_said():
    text = "A spokesman told the Daily Mail changes have been made to the scheme."
    told = next(a for a in found(text) if a.cue == "told")
    assert told.content == "changes have been made to the scheme"


def test_a_name_the_recognizer_ran_into_the_subject_is_not_cut():
    # guard: "Reuters Assad" is one name to the recognizer; only an outlet's name is surely the addressee
    text = "Rebels told Reuters Assad forces shelled the town on Monday."
    told = next(a for a in found(text) if a.cue == "told")
    assert "Assad forces shelled the town" in told.content


def test_a_name_in_the_addressees_own_words_stays():
    # guard: "the BBC Radio 4 Today program" is whom he told; no name is cut out of it
    for text in (
        'Prof Smith, who sits on the committee, told the BBC Radio 4 Today program: "This virus has full potential."',
        'Prof Smith told the BBC Radio 4 Today program: "This virus really does have full pandemic potential."',
    ):
        told = next(a for a in found(text) if a.cue == "told")
        assert "virus" in told.content and not told.content.startswith("program")


def test_telling_someone_what_to_do_is_no_statement():
    text = "The workers are tired of managers and consultants telling them what to do and finally they will strike."
    assert not [a for a in statements(found(text)) if a.cue == "telling"]


def test_a_relative_clause_with_its_own_source_ends_what_was_said():
    text = (
        "Regional officials have said that caution would be needed even after the repair worked, which, "
        "according to the company in a late announcement, it did."
    )
    listed = statements(found(text))
    assert [(speaker_name(a), a.content) for a in listed] == [
        ("Regional officials", "that caution would be needed even after the repair worked")
    ]


def test_a_relative_clause_with_its_own_source_in_the_middle_stays():
    # guard: the aside closes and the reported clause goes on after it
    text = "The minister said the bridge, which, according to engineers, is safe, would reopen."
    said = next(a for a in found(text) if a.cue == "said")
    assert said.content.endswith("would reopen")


def test_it_goes_on_with_the_reporter_not_with_whom_the_report_names():
    text = (
        "The Russian Foreign Ministry said on Wednesday that NATO has justified its raids by citing the need to "
        "protect civilians. It said the raids are failing to end the conflict."
    )
    said = next(a for a in found(text) if "failing" in a.content)
    assert said.speaker_entity != "NATO"
    assert speaker_name(said) == "The Russian Foreign Ministry"


def test_a_quote_before_another_speakers_own_clause_continues_the_quote_before_it():
    text = (
        "Spokeswoman Jane Doe said the country regretted the loss of life . \n"
        "`` These missions are very hard . \nThey are dangerous . \n"
        "We faced this before , in Bosnia , '' she said . \n"
        "`` It is always hard in any mission to keep public support , to keep public understanding for why we "
        "are there ... '' Tom Brown , a London-based activist , said the general played a key role . \n"
    )
    quote = next(a for a in found(text) if "always hard" in a.content)
    assert "Jane Doe" in (speaker_name(quote) or "")
    brown = next(a for a in found(text) if "key role" in a.content)
    assert speaker_name(brown) == "Tom Brown"


def test_a_quoted_title_before_a_speakers_own_clause_is_nothing_said():
    text = 'In an interview on "Face the Nation," Gates said he was unaware of any casualties.'
    assert [a.content for a in found(text)] == ["he was unaware of any casualties"]


def test_a_quoted_clause_inside_the_speakers_sentence_stays_the_speakers():
    # guard: the quote is a clause of the sentence whose verb follows it
    text = 'Analysts were cautious. And, while "we need to know what went wrong" Hayward also said there is work to do.'
    quote = next(a for a in found(text) if "went wrong" in a.content)
    assert quote.speaker == "Hayward"
