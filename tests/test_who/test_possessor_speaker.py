"""A possessor before a named head is whose the speaker is, not the speaker (issue 13, audit round 15,
development speaker_statement-017: "But BP's Odone said, ..." went to BP Plc). A name that holds its own
possessive ("Moody's Investors Service") is still the speaker's name."""

from __future__ import annotations

from . import found


def test_a_possessor_before_a_named_head_is_not_the_speaker():
    text = "BP faced questions on Sunday. But BP's Odone said, \"I don't think there's been any underestimating.\""
    (said,) = [a for a in found(text) if a.cue == "said"]
    assert said.speaker_entity != "BP", said
    text = "Libya's National Oil Corporation said all ports were safe and urged companies to resume exports."
    (said,) = [a for a in found(text) if a.cue == "said"]
    assert said.speaker_entity == "National Oil Corporation", said


def test_a_name_that_holds_its_own_possessive_stays_the_speaker():
    text = "Moody's Investors Service said the spill had created unprecedented risks for the company."
    (said,) = [a for a in found(text) if a.cue == "said"]
    assert said.speaker_entity == "Moody's Investors Service", said
