"""Two follow-ups of the seventeenth session's speaker rules (issue 13, eighteenth session):

- "they" opening a sentence goes on from the group the sentence before is about ("Rebel fighters advanced on
  Brega. They said ..."), as "it" does from a body;
- a quote opening the paragraph after "Gen. Jim Jones said Sunday on CNN's "State of the Union."" is his: the
  programme's title is no statement (the seventeenth session's rule), and the reporting verb with nothing said
  of its own passes its speaker to the quote that follows (LibyaWar_cnn 391).
"""

from __future__ import annotations

from . import found


def they(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.speaker_entity, a.speaker_description) for a in found(text) if a.speaker == "They"]


def test_they_goes_on_from_the_group_the_sentence_before_is_about():
    said = "The ministry said the border was closed. "
    assert they(said + "Rebel fighters advanced on Brega on Friday. They said the town would fall.") == [
        (None, "Rebel fighters")
    ]
    assert they(said + "U.S. officials met in Geneva on Friday. They said the talks would go on.") == [
        (None, "U.S. officials")
    ]
    # no group: things are not speakers, and "they" stays unresolved
    assert they(said + "The storms moved west on Sunday. They said the port was closed.") == [(None, None)]


def test_a_quote_after_a_reporting_verb_with_nothing_said_is_its_speakers():
    text = (
        "A former Obama national security adviser said Sunday that the coalition cannot leave until Gadhafi "
        "leaves power.\n"
        '"The problem is that while everybody wants to see Gadhafi leave, that end state is not yet clear," '
        "Ret.\n"
        'Gen. Jim Jones said Sunday on CNN\'s "State of the Union."\n'
        '"Unfortunately most people want perfect clarity in a situation where clarity doesn\'t really exist yet."\n'
        "Last week, opposition leader Mustafa Abdul Jalil laid out cease-fire conditions.\n"
    )
    said = found(text)
    assert [a.speaker_entity for a in said if "perfect clarity" in a.content] == ["Jim Jones"]
    assert not any("State of the Union" in a.content for a in said)  # the title stays no statement
    # a verb that said something of its own passes nothing on
    text = (
        "Jones said Sunday that the war would end soon.\n"
        '"Unfortunately most people want perfect clarity in a situation where clarity doesn\'t exist."\n'
    )
    assert [a.speaker_entity for a in found(text) if "perfect clarity" in a.content] != ["Jones"]
    text = (
        "It thought that was left cloudy, and is going to continue the debate.\n"
        '"But give President Obama his due. I thought he made a very, very strong case."\n'
    )
    assert not [a for a in found(text) if "his due" in a.content and a.cue == "continue"]
    text = (
        'Part of the reason the administration intervened in Libya is because "Libya happened first," noted '
        "Danielle Pletka, a vice president at the American Enterprise Institute.\n"
        '"So the international community responded there first."\n'
    )
    assert not [
        a for a in found(text) if a.speaker is not None and a.speaker.startswith("Part of the reason")
    ]
