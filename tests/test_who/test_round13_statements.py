"""Speaker and statement errors left by the thirteenth session's held-out draws (issue 13 item 4), as general rules.

- a participle with no auxiliary right after a common noun is said by that noun ("research suggesting ...",
  "a report saying ..."), not by a subject the parser hung on both;
- a name ending in an adjective cut from its noun ("a U.S. Congressional report") names no speaker, and whom
  a group follows ("Michael Jackson fans") is not the group;
- a clause before the cue that a subordinator opens ("Hours after a commission raised ...") is when it was
  said, not what, and takes no dateline with it;
- a person's name run on after a lower-case word with no punctuation at the end of what was said is the next
  sentence's subject;
- asking someone to do something ("asked him to employ ...") is a request, not a statement.
"""

from __future__ import annotations

from storyline.who.names import speaker_name

from . import found


def test_research_suggesting_is_the_research_not_the_people_reviewing_it():
    text = (
        "Flavio Cunha and James Heckman revew research suggesting that non-cognitive skills are important "
        "for young people's life prospects."
    )
    said = next(a for a in found(text) if "non-cognitive" in a.content)
    assert speaker_name(said) is None
    assert said.speaker == "research"


def test_an_adjective_cut_from_its_noun_is_no_speaker():
    text = (
        "France did not deliver any arms to the country between 2005 and 2008, according to a U.S. "
        "Congressional report."
    )
    said = next(a for a in found(text) if "deliver any arms" in a.content)
    assert speaker_name(said) != "U.S. Congressional"
    assert said.speaker_entity is None


def test_a_whole_name_before_its_report_stays_the_source():
    # guard: only a name ending in an adjective is cut; "a World Bank report" is the World Bank's
    text = "Growth will slow to 2 percent next year, according to a World Bank report."
    said = next(a for a in found(text) if "Growth" in a.content)
    assert speaker_name(said) == "World Bank"


def test_fans_chanting_a_name_are_the_speakers_not_the_person_named():
    text = (
        'Michael Jackson fans huddled outside, chanting: "Justice for Michael."\n'
        "Another group, equally passionate, supported Dr Conrad Murray."
    )
    chant = next(a for a in found(text) if "Justice for Michael" in a.content)
    assert chant.speaker_entity is None
    assert speaker_name(chant) == "Michael Jackson fans"


def test_a_subordinate_clause_before_the_cue_is_no_part_of_what_was_said():
    text = (
        "Friday, October 29, 2010; 10:22 AM Hours after a presidential commission raised new questions about "
        "the safety of the cement mixture intended to temporarily seal BP's Macondo exploration well, oil "
        "field service giant Halliburton said the final version of the mixture did not undergo a "
        "foam-stability test.\nThe commission met again."
    )
    said = next(a for a in found(text) if "foam-stability" in a.content)
    assert speaker_name(said) == "Halliburton"
    assert said.content == "the final version of the mixture did not undergo a foam-stability test"


def test_a_clause_before_the_cue_that_is_what_was_said_stays():
    text = "The army has left the town, the minister said."
    said = next(a for a in found(text) if a.cue == "said")
    assert "army has left the town" in said.content


def test_a_name_run_on_without_a_full_stop_is_the_next_sentences_subject():
    text = (
        "The presidential oil-spill commission said Tuesday that the federal government should require "
        "tougher regulation, in its final report released as part of an effort to prevent a repeat of the "
        "massive BP oil spill in the Gulf of Mexico last year Former Sen. Bob Graham (D-Fla.)\n"
        ", one of the commission's two co-chairs, said the accident was preventable."
    )
    said = next(a for a in found(text) if "tougher regulation" in a.content)
    assert "Graham" not in said.content
    assert said.content.endswith("in the Gulf of Mexico last year")


def test_a_name_that_is_part_of_what_was_said_stays():
    text = "The spokesman said the commission would be led by former Sen. Bob Graham."
    said = next(a for a in found(text) if a.cue == "said")
    assert said.content.endswith("Bob Graham")


def test_asking_someone_to_act_is_a_request_not_a_statement():
    text = "Mr Gongaware told the court how Jackson asked him to employ Dr Murray as his doctor."
    asked = [a for a in found(text) if a.cue == "asked"]
    assert asked and not any(a.statement for a in asked)


def test_asking_whether_is_still_a_question_put_and_urging_is_unchanged():
    asked = next(a for a in found("Jackson asked whether the doctor was paid.") if a.cue == "asked")
    assert asked.statement
    urged = next(a for a in found("Obama urged Mubarak to step down.") if a.cue == "urged")
    assert urged.statement


def test_a_bare_participle_after_a_phrase_inside_its_subject_keeps_the_subject():
    text = (
        "The concert has been the subject of controversy, with some members of the Jackson family saying it "
        'has been "mishandled".'
    )
    said = next(a for a in found(text) if a.cue == "saying")
    assert said.speaker == "some members of the Jackson family"


def test_a_name_in_apposition_to_the_noun_before_it_stays():
    text = "The minister said he had spoken to his lawyer John Smith."
    said = next(a for a in found(text) if a.cue == "said")
    assert said.content.endswith("John Smith")
