"""Speaker and statement errors of the eleventh precision audit (issue 13 item 4), as general rules.

- a title's abbreviation is no one's name: a speaker cut from their name after "Cmdr." has no name;
- a name found only in a reporter's credit line ("From Ernest Scheyder in LAROSE , La. :") is never whom a
  quoted "he" stands for;
- a sentence-final "according to X" sources the sentence's main clause, not the last clause embedded in it.
"""

from __future__ import annotations

from storyline.who.attribution import ends_in_title

from . import found


def test_a_title_alone_is_no_speakers_name():
    # LibyaWar_cnn 348 (here with the name on the next line, so the title stays alone in its sentence)
    text = (
        "The Harriers `` conducted strikes against Gadhafi 's ground forces and air defenses , '' said Navy "
        "spokesman Cmdr.\nDanny Hernandez .\n`` Contact with the drone was lost at 7:20 a.m. , '' said Wing Cmdr.\n"
        "Mike Bracken , a NATO spokesman ."
    )
    attributions = found(text)
    assert len(attributions) == 2
    assert [a.speaker_entity for a in attributions] == [None, None]
    assert ends_in_title("Wing Cmdr") and ends_in_title("Brig. Gen.") and not ends_in_title("Danny Hernandez")


def test_the_speaker_keeps_the_name_after_a_title_abbreviation():
    text = (
        "The Harriers `` conducted strikes against Gadhafi 's ground forces and air defenses , '' said Navy "
        "spokesman Cmdr. Danny Hernandez ."
    )
    (attribution,) = found(text)
    assert attribution.speaker_entity == "Danny Hernandez"


def test_a_reporters_credit_is_no_antecedent_of_he():
    # bpoil_reuters 266: a live page's credit line, then a quotation whose "he" is someone the page cut off
    text = (
        "Enduring problems like the struggling economy also remain on his plate .\n"
        "From Ernest Scheyder in LAROSE , La. : A program like this can not be designed and administered from "
        "Washington , '' he said .\n`` You have to come down here and take time to listen . ''"
    )
    attributions = found(text)
    assert attributions and all(a.speaker_entity != "Ernest Scheyder" for a in attributions)
    # a name after an opening "From" that is no credit is still one "he" can stand for
    text = "From Tony Hayward 's office came the news on Monday .\n`` We will stop the leak , '' he said ."
    assert [a.speaker_entity for a in found(text)] == ["Tony Hayward"]


def test_a_sentence_final_according_to_sources_the_main_clause():
    # bpoil_foxnews 1866: the parser hung "according to" on the relative clause "the company is discussing"
    text = (
        "June 16: A drilling rig operates in the Gulf of Mexico.\n\n"
        "AP BP PLC is pushing to fix its runaway Gulf oil well by July 27, possibly weeks before the deadline the "
        "company is discussing publicly, in a bid to show investors it has capped its ballooning financial "
        "liabilities, according to company officials.\n\nAt the same time, BP is readying backup plans."
    )
    (attribution,) = [a for a in found(text) if a.speaker == "company officials"]
    assert attribution.content.startswith("AP BP PLC is pushing to fix its runaway Gulf oil well")
    assert attribution.content.endswith("its ballooning financial liabilities")
    # "..., which, according to BP, it did": a relative clause's source is still the relative clause's
    text = "Officials said the static kill worked, which, according to BP, it did."
    assert [a.content for a in found(text) if a.speaker == "BP"] == ["it did"]


def test_a_contrasting_clause_with_its_own_speaker_ends_the_statement():
    text = (
        "Officials say the well has been capped for good, while environmental groups say oil is still leaking "
        "from the sea floor."
    )
    by_speaker = {a.speaker: a.content for a in found(text)}
    assert by_speaker["Officials"] == "the well has been capped for good"
    assert by_speaker["environmental groups"] == "oil is still leaking from the sea floor"
    # a passive "while" clause inside what was said names no other speaker (bpoil_foxnews 640)
    text = (
        "BP officials acknowledged that while no claims have been denied, thousands had not been paid by late "
        "last week because the company required more documentation."
    )
    (attribution,) = [a for a in found(text) if a.speaker == "BP officials"]
    assert attribution.content.endswith("the company required more documentation")


def test_a_cue_inside_a_dash_parenthesis_governs_only_the_parenthesis():
    text = (
        "Exxon was one of four firms that met with the committee -- the senator described them to reporters "
        'afterward as "our new allies" -- and the talks will continue next month.'
    )
    assert not [a for a in found(text) if a.speaker == "the senator"]
    # a bare "they said" closing the parenthesis still reports the sentence (EgyptianProtest_cnn 47)
    text = (
        "The police officers currently earn 500 Egyptian pounds a month -- a quarter of what army troops of "
        "comparable rank earn, they said -- and face imprisonment if they refuse to work unpaid overtime."
    )
    assert any(a.speaker == "they" and a.content.startswith("The police officers") for a in found(text))
