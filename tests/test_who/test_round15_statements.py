"""Speaker and statement errors the fourteenth session left (issue 13 items 4 and 5), as general rules.

- a refusal to say something is no saying of it: "stopped short of saying", "declined to say";
- a bare past participle ("... the night Michael Jackson died, as told to a detective") has no speaker a "he"
  can go on from, and a quote that continues a "he" takes the name "he" was resolved to.
"""

from __future__ import annotations

from . import found


def test_stopping_short_of_saying_something_is_no_statement_of_it():
    said = found("The envoy stopped short of saying Gaddafi should leave power.")
    assert not [a for a in said if a.statement]
    # the same verb said outright stays a statement
    assert [a.speaker for a in found("The envoy said Gaddafi should leave power.") if a.statement] == [
        "The envoy"
    ]


def test_he_goes_on_from_the_speaker_not_from_a_bare_participle_s_borrowed_subject_nor_does_the_quote_after():
    # MJ_bbc: "Michael Jackson" is the subject of "died", which the bare participle "as told to a detective" hangs
    # on; "He" is the cardiologist, and so is the quote that continues him
    text = (
        "For much of the day cardiologist Dr Alon Steinberg was in the stand, describing how he had reviewed "
        "Dr Murray's own account of what happened the night Michael Jackson died, as told to a detective.\n\n"
        'He outlined six separate instances of what he called "gross negligence."\n\n'
        '"Propofol should never be given as a sleeping drug," was his premise.\n'
    )
    said = found(text)
    outlined = next(a for a in said if a.cue == "outlined")
    assert outlined.speaker_entity == "Alon Steinberg"
    continued = next(a for a in said if "Propofol" in a.content)
    assert continued.speaker_entity == "Alon Steinberg"
