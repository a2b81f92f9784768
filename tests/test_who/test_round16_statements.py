"""Statement errors of the sixteenth precision audit (issue 13), as general rules.

- a statement ends where a clause coordinated by "and" with a speaker and a verb of saying of its own begins
  (development speaker_statement-010, LibyaWar_cnn 162).
"""

from __future__ import annotations

from . import found


def test_a_coordinated_clause_with_its_own_speaker_ends_the_statement():
    text = (
        "Clinton met the envoy on Thursday. She said the United States was suspending relations with the Libyan "
        'Embassy in Washington, and an administration official added that the embassy "must shut down."'
    )
    by_speaker = {a.speaker: a.content for a in found(text)}
    assert (
        by_speaker["She"]
        == "the United States was suspending relations with the Libyan Embassy in Washington"
    )
    assert by_speaker["an administration official"] == 'that the embassy "must shut down."'


def test_a_subordinated_quoted_or_silent_second_clause_stays_in_the_statement():
    # "and that ... said": what the first speaker said, a report of a report
    text = "The minister said the talks had failed and that the rebels said they would fight on."
    (attribution,) = [a for a in found(text) if a.speaker == "The minister"]
    assert attribution.content == "the talks had failed and that the rebels said they would fight on"
    # a verb of saying with nothing said is no second statement (H1N1_bbc 583)
    text = (
        'Dr Ann Connolly said the symptoms were "relatively mild" and all five pupils were responding well '
        "to treatment."
    )
    (attribution,) = [a for a in found(text) if a.speaker == "Dr Ann Connolly"]
    assert attribution.content.endswith("were responding well to treatment")
    # nor one with an object and no clause ("write" is a verb of saying: bpoil_foxnews 1075)
    text = (
        "A spokesman said that the company had paid out $95 million as of Friday, and it had written about "
        "30,000 checks to settle half the claims."
    )
    (attribution,) = [a for a in found(text) if a.speaker == "A spokesman"]
    assert attribution.content.endswith("to settle half the claims")
    # nor is a verb of saying whose subject is no one ("a reported 15,000": LibyaWar_cnn 26)
    text = (
        "Ban said there appeared to be a growing crisis of refugees, with some 22,000 people having fled to "
        "Tunisia and a reported 15,000 to Egypt in the past few days."
    )
    (attribution,) = [a for a in found(text) if a.speaker == "Ban"]
    assert attribution.content.endswith("15,000 to Egypt in the past few days")
    # inside a quotation the content opens, a second speaker is the first one's own words
    text = 'The sheriff said "the water came up fast, and my deputies said they had never seen it so high."'
    (attribution,) = [a for a in found(text) if a.speaker == "The sheriff"]
    assert attribution.content.endswith('they had never seen it so high."')
