"""Speaker -> statement on held-out stories, fourth audit round (issue 13 item 4): the judges' wrong items as
general rules, each on made-up text of more than one kind.

- a verb of ordering or telling whose object is a thing, not someone addressed, is an act ("has ordered two
  giant plasma screens and board games to help the workers unwind");
- a verb of saying in a relative clause whose relative word is part of what was said leaves a fragment
  ("African mercenaries, who the rebels say Gaddafi has hired ..."): no statement;
- a verb of saying joined to the clause of what someone else reported is not the clause subject's but that
  someone's second act ("Reuters revealed that Libya had received ... and on Wednesday reported that ...").
"""

from __future__ import annotations

from storyline.model import Article, Attribution
from storyline.who.attribution import find_attributions
from storyline.who.names import speaker_name, statements


def listed(text: str) -> list[Attribution]:
    return statements(find_attributions([Article(id="t", source="t", text=text)]))


def by_content(text: str, words: str) -> list[Attribution]:
    return [a for a in listed(text) if words in a.content]


def test_ordering_a_thing_is_no_statement():
    text = (
        "Slade Brockett, the staging area manager, has ordered two giant plasma screens and board games to help "
        "the workers and volunteers unwind.\n"
        "The governor ordered an independent inquiry to find out why the levee failed."
    )
    assert not by_content(text, "plasma screens")
    assert not by_content(text, "inquiry")


def test_ordering_someone_to_act_is_still_a_statement():
    text = (
        "The defence minister ordered troops to withdraw from the border town.\n"
        "Clinton urged the international community to keep up the pressure on Tripoli."
    )
    assert {speaker_name(a) for a in by_content(text, "withdraw")} == {"The defence minister"}
    assert {speaker_name(a) for a in by_content(text, "keep up the pressure")} == {"Clinton"}


def test_a_relative_clause_s_fragment_is_no_statement():
    text = (
        "The goodwill rarely extends to African mercenaries, who the rebels say Gaddafi has hired to quell the "
        "revolt against his rule.\n"
        "The outbreak in Britain, which Donaldson said was about a month behind Mexico, is spreading fast."
    )
    assert not by_content(text, "has hired")
    assert not by_content(text, "a month behind")
    # no relative word (development, LibyaWar_cnn): "a key road junction the rebels hope to take"
    text = (
        "The rebels are squaring off against loyalists at a key road junction the rebels hope to take in the days "
        "ahead.\nOn the day the minister said the talks had failed, the rebels took the port."
    )
    assert not by_content(text, "to take")
    assert by_content(text, "the talks had failed"), "a relative clause of time leaves what was said whole"


def test_a_speaker_in_a_relative_clause_still_speaks():
    text = "Abdel Jalil, who said the council would not negotiate with Gaddafi, arrived in Paris on Monday."
    found = by_content(text, "would not negotiate")
    assert found, "the relative word is the speaker here"
    assert speaker_name(found[0]) == "Abdel Jalil"


def test_a_verb_of_saying_joined_to_a_reported_clause_is_not_its_subject_s():
    text = (
        "Reuters revealed in April that Libya had received at least one shipment via a ship-to-ship transfer in "
        "Tunisia and on Wednesday reported that west Libya is expected to receive a fuel cargo.\n"
        "The ministry said in March that the company had paid the fine and later announced that it would appeal."
    )
    speakers = {speaker_name(a) for a in by_content(text, "fuel cargo")}
    assert "Libya" not in speakers, speakers
    speakers = {a.speaker for a in by_content(text, "would appeal")}
    assert speakers == {"The ministry"}, speakers  # the one who said the first clause, not its subject


def test_a_common_noun_opening_a_sentence_is_no_named_speaker():
    """ "Media habitually tells us ...": a reader's generalisation, not an organisation speaking."""
    text = (
        "Media habitually tells us that Libyan rebels are noble freedom fighters, struggling against a tyrant.\n"
        "Television tells us that the spill is over, but the fishermen know better."
    )
    for words in ("noble freedom fighters", "the spill is over"):
        assert not {speaker_name(a) for a in by_content(text, words)} - {None}, words


def test_the_first_word_of_a_name_is_no_cue_and_and_is_no_part_of_a_speaker():
    """Egypt's three bad speaker names: "El" (of "Said El Sisi, 23, said ..."), "And people" (a transcript's
    "And people here saying they've never seen a party like this"), "And an Egyptian woman" (a teaser's "And
    an Egyptian woman who says she is willing to die")."""
    text = (
        "Said El Sisi, 23, said he and his father traveled two hours on five buses to attend the demonstration.\n"
        "WATSON: And people here saying they've never seen a party like this before, Anderson.\n"
        "And an Egyptian woman who says she is willing to die for freedom.\n"
        "And the rebels who say they took the port are celebrating in Benghazi."
    )
    names = {speaker_name(a) for a in listed(text)} - {None}
    assert "El" not in names and "Said" not in names, names
    assert not any(n.split()[0] in ("And", "and") for n in names), names


def test_a_participle_inside_what_was_said_is_the_clause_subject_s():
    """ "France offered a detailed defense, arguing that ..., the diplomat said": France argued; the diplomat
    reported it (development, LibyaWar_cnn). The rule it narrows still holds: "The NTC insists Gaddafi step
    down, saying ..." is the NTC's."""
    text = (
        "France offered a detailed defense of its actions, arguing that supplying weapons was the only practical "
        "way of protecting civilians, the diplomat said.\n"
        "The NTC insists Gaddafi step down and leave Libya, saying talks with his government would be unthinkable."
    )
    arguing = [a for a in by_content(text, "supplying weapons") if a.cue == "arguing"]
    assert [a.speaker for a in arguing] == ["France"], arguing
    assert {a.speaker for a in by_content(text, "would be unthinkable")} == {"The NTC"}


def test_the_question_put_to_a_speaker_is_not_their_statement():
    """Fifth audit round, held out: "Asked whether ... amounted to 'mission creep,' Merchet said it was only a
    small team" listed the question as Merchet's words; his answer is the statement."""
    text = (
        'Asked whether the dispatch of liaison officers amounted to "mission creep," military analyst '
        "Jean-Dominique Merchet said it was only a small team.\n"
        "Asked if the company would pay the claims, the spokesman said it would honour every legitimate one."
    )
    assert not by_content(text, "mission creep")
    assert not by_content(text, "would pay the claims")
    assert by_content(text, "only a small team") and by_content(text, "honour every legitimate one")
    # someone who asks is still the speaker of the question put ("Reporters asked whether ...")
    assert by_content("The senator asked whether the agency had known about the leak.", "had known")
