"""Speaker and statement errors of the seventh precision audit (issue 13 item 4), as general rules.

- a quoted title right after a possessive ("CBS's "Face The Nation,"") is no statement: the quote after it is;
- "the senator, who ...": a definite description by title is the nearest person named before with that title,
  else unresolved; a clause after its head does not make it a described source;
- a comma between adjectives before their noun ("the poor, landlocked former French colony") ends no clause;
- after a past-tense cue and clause, a present-perfect conjunct with its own subject is the writer's;
- a plea's bare infinitive ("pleaded with the Americans to help") is no statement.
"""

from __future__ import annotations

from storyline.who.names import speaker_name

from . import found


def test_a_quoted_title_after_a_possessive_is_not_what_was_said():
    text = 'Browner told CBS\'s "Face The Nation," "We are prepared for the worst."'
    contents = [a.content for a in found(text) if a.statement]
    assert contents == ['"We are prepared for the worst."']


def test_a_quote_after_a_possessive_that_is_no_title_is_still_said():
    text = 'The mayor read the governor\'s letter. "We will not leave this town to the oil," she said.'
    assert any("We will not leave" in a.content and a.statement for a in found(text))


def test_the_senator_is_the_senator_named_before():
    text = (
        "Senator John McCain said Congress should back the mission. The senator, who ran against Obama in "
        "2008, contends a resolution of support would have passed easily when NATO first intervened."
    )
    said = next(a for a in found(text) if "resolution of support" in a.content)
    assert speaker_name(said) == "John McCain"


def test_the_minister_is_the_minister_named_before_not_an_earlier_senator():
    text = (
        "Sen. Lindsey Graham spoke on Sunday. Foreign Minister Alain Juppe said France would act. "
        "The minister, who spoke in Paris, said the strikes would go on."
    )
    said = next(a for a in found(text) if "strikes would go on" in a.content)
    assert speaker_name(said) == "Alain Juppe"


def test_the_senator_with_no_senator_named_before_stays_unresolved():
    text = (
        "McCain has expressed anger that the White House did not push for a vote. The senator, who ran "
        "against Obama in 2008, contends a resolution of support would have passed easily when NATO "
        "first intervened."
    )
    said = next(a for a in found(text) if "resolution of support" in a.content)
    assert speaker_name(said) is None


def test_an_anonymous_official_with_a_clause_stays_a_described_source():
    text = "The official, who asked not to be named, said the talks had failed."
    said = next(a for a in found(text) if "talks had failed" in a.content)
    assert speaker_name(said) == "The official"


def test_a_comma_between_adjectives_before_a_noun_ends_no_statement():
    text = "Niger has denied Gaddafi is in the poor, landlocked former French colony."
    (said,) = [a for a in found(text) if a.statement]
    assert said.content == "Gaddafi is in the poor, landlocked former French colony"


def test_a_comma_before_a_new_clause_still_ends_the_adjective():
    text = "He said the town was in the old, walled city and the rebels, he said, had left."
    assert all("walled city" in a.content for a in found(text) if a.cue == "said" and a.speaker == "He")


def test_a_present_perfect_conjunct_after_a_past_report_is_the_writers():
    text = (
        "British Prime Minister David Cameron said last month Britain saw scope for tightening sanctions on "
        "oil and oil products against Gaddafi and Britain has pushed the new sanctions initiative."
    )
    said = next(a for a in found(text) if a.speaker_entity == "David Cameron")
    assert said.content.endswith("against Gaddafi")


def test_a_backshifted_conjunct_stays_in_the_statement():
    text = "The minister said the army took the town and the rebels had fled to the hills."
    said = next(a for a in found(text) if a.cue == "said")
    assert said.content == "the army took the town and the rebels had fled to the hills"


def test_a_plea_with_only_an_infinitive_is_no_statement():
    text = "The Europeans pleaded with the Americans to help, and the council agreed."
    assert not any(a.statement for a in found(text) if a.cue == "pleaded")


def test_a_plea_with_its_addressee_is_still_a_statement():
    text = "Obama urged BP to pay for the damage."
    assert [a.content for a in found(text) if a.statement] == ["BP to pay for the damage"]


def test_a_dash_apposition_speaker_is_its_head_before_the_dash():
    text = "The council met, and the Europeans - France and Britain - said the strikes must go on."
    said = next(a for a in found(text) if "strikes must go on" in a.content)
    assert speaker_name(said) == "the Europeans"


def test_a_dateline_dash_is_no_apposition():
    text = "CAIRO - Egyptian officials said the border would stay closed."
    said = next(a for a in found(text) if "border would stay closed" in a.content)
    assert speaker_name(said) != "CAIRO"  # the officials (a dateline before them is a known, separate cut)
