"""Speaker, statement and roster-type errors of the twelfth precision audit (issue 13), as general rules.

- a statement is not cut at a list: "filed by fishermen, angling guides and others" ("angling" is a noun's
  modifier in the list, no participle of its own), and a writer's aside "..., which the White House says ..."
  is still no part of it;
- a name a dateline opens ("RAS JDIR, Tunisia (Reuters) -") or a noun of a place's post follows ("the Ras Jdir
  border post") is a place, whatever the recognizer tagged it, and the type comes from that evidence across
  articles;
- a title before a name is the name's: "a Pentagon spokesman, Navy Capt. Darryn James" is James, not "Navy";
  "said Col. Roland Lavoie" is Lavoie, not "Col.".
Made-up sentences with other names; each test fails on the rules before this change.
"""

from __future__ import annotations

from storyline.model import Article
from storyline.who.entities import build_roster

from . import found


def test_a_statement_runs_on_through_a_list():
    # bpoil_reuters 2033: "BP said 26,000 claims had been filed by commercial fishermen, angling guides and others
    # who say ..., which the White House says is ..."
    text = (
        "As of Monday, Exxon said 14,000 claims had been filed by oyster farmers, angling "
        "guides and others who say they have lost work because of the leak, which the governor says is the worst "
        "disaster in the state's history."
    )
    exxon = next(a for a in found(text) if a.speaker == "Exxon")
    assert exxon.content.startswith("14,000 claims had been filed by oyster farmers, angling guides")
    assert exxon.content.endswith("because of the leak"), exxon.content
    # a participle after a verb, with its own object, is still a participle of its own
    text = "Officials said the platform sank, killing 11 workers and injuring 17 others."
    assert all("killing" not in a.content for a in found(text) if a.speaker == "Officials")
    # LibyaWar_cnn 341: an object with words of its own ("their") after the "-ing" word: a participle
    text = "Clapper said Russia and China posed a mortal threat, citing their nuclear arsenals and military capabilities."
    assert [a.content for a in found(text) if a.speaker == "Clapper"] == [
        "Russia and China posed a mortal threat"
    ]


def test_a_title_before_a_name_is_the_names():
    # LibyaWar_cnn, two sentences as written (the parse that loses the name is sensitive to every word)
    navy = (
        "But as of Friday night, the drones had made no strikes, said a Pentagon spokesman, Navy Capt. Darryn "
        "James."
    )
    (said,) = found(navy)
    assert (
        said.speaker == "a Pentagon spokesman, Navy Capt. Darryn James"
        and said.speaker_entity == "Darryn James"
    )
    nato = (
        '"Anti-Gadhafi forces are now assuming control of the key approaches to Tripoli," said Col. Roland Lavoie, '
        'who described the advances as "the most significant gain we have seen."'
    )
    said = next(a for a in found(nato) if a.cue == "said")
    assert said.speaker == "Col. Roland Lavoie" and said.speaker_entity == "Roland Lavoie", said


def test_a_border_post_and_a_dateline_name_a_place():
    # LibyaWar_reuters 145 and 369: "the Ras Jdir border post", "RAS JDIR, Tunisia (Reuters) -" and "at Ras Jdir",
    # every mention tagged a person
    entities = build_roster(
        [
            Article(
                id="a",
                source="a",
                text="About 70,000 people have passed through the Ras Jdir border post in the past two weeks.",
            ),
            Article(
                id="b",
                source="b",
                text=(
                    "RAS JDIR, Tunisia (Reuters) - Soldiers fired into the air to calm a crowd of laborers on "
                    "Tuesday.\nThe U.N. refugee agency set up tents at Ras Jdir."
                ),
            ),
        ]
    )
    crossing = [e for e in entities if "Ras Jdir" in e.aliases or "RAS JDIR" in e.aliases]
    assert crossing and all(e.type == "place" for e in crossing), crossing
    # "a Facebook post", "a talking point": a post or point alone names no place
    entities = build_roster(
        [Article(id="c", source="c", text="Mona Hassan wrote a Facebook post on Monday.")]
    )
    assert all(e.type != "place" for e in entities if e.name == "Facebook"), entities


def test_a_transcripts_speaker_label_is_no_dateline():
    # LibyaWar_cnn 283: "LIU -LRB- TRANSLATED -RRB- :" labels a man's words; the dateline rule made him a place
    text = (
        "Liu Jin has inventory of his own.\n"
        'LIU -LRB- TRANSLATED -RRB- : "We are over here picking up what we need," Liu explains.\n'
        "Liu has been to Beijing and Shanghai.\n"
        'LIU (TRANSLATED): "I make money," he says.'
    )
    entities = build_roster([Article(id="a", source="a", text=text)])
    assert all(e.type == "person" for e in entities if "Liu" in e.aliases), entities
