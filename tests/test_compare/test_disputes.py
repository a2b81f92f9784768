"""Stated disputes (storyline.compare.disputes): both sides and who says each, on sentences whose dispute
(or its absence) is known."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate.nlp import load_nlp
from storyline.compare.claims import compare
from storyline.compare.disputes import accused_is
from storyline.model import Article, Sentence


def annotated(texts: dict[str, tuple[str, dt.date]]) -> tuple[list[Article], list]:
    articles = [Article(id=k, source=k, text=t, published=d, outlet="CNN") for k, (t, d) in texts.items()]
    docs = list(load_nlp().pipe(a.text for a in articles))
    for article, doc in zip(articles, docs, strict=True):
        article.sentences = [Sentence(s.start_char, s.end_char, i) for i, s in enumerate(doc.sents)]
    return articles, docs


def contradictions(
    texts: dict[str, tuple[str, dt.date]],
) -> list[tuple[tuple[str, ...], str, tuple[str, ...], str]]:
    """(voices, text) of both sides of each contradiction found."""
    articles, docs = annotated(texts)
    claims = compare(articles, docs).claims
    return [
        (tuple(claims[i].attributed_to), claims[i].text, tuple(claims[j].attributed_to), claims[j].text)
        for i in range(len(claims))
        for j in claims[i].contradicts
        if i < j
    ]


DAY = dt.date(2011, 3, 1)


def test_a_denial_of_a_claim_named_in_the_sentence_has_both_sides():
    found = contradictions(
        {
            "a": (
                "Libyan Deputy Foreign Minister Khaled Kaim rejected rebel claims that the governments of Egypt "
                "and Tunisia have been asked to accept Gadhafi and his family.",
                DAY,
            )
        }
    )
    assert len(found) == 1
    voices, text, other_voices, other = found[0]
    sides = {text: voices, other: other_voices}
    claim = next(t for t in sides if t.startswith("rebel claims that"))
    denial = next(t for t in sides if t.startswith("Libyan Deputy"))
    assert "Khaled Kaim" in sides[denial] and sides[claim] == ("rebel",)


def test_a_denial_of_what_another_voice_just_said():
    found = contradictions(
        {
            "a": (
                "A prominent Yemeni human rights lawyer, Khaled Al-Anesi, said he suspected pro-government "
                "demonstrators were security forces in civilian clothes, but government spokesman Tareq Shami "
                "denied that.",
                DAY,
            ),
            "b": (
                "Rebels said government troops shelled the hospital in Misrata on Sunday. "
                "The Libyan government denied the report.",
                DAY,
            ),
        }
    )
    assert len(found) == 2
    said = next(f for f in found if "Khaled Al-Anesi" in f[0] + f[2])
    sides = sorted([said[1], said[3]], key=len)
    assert sides[0].endswith("security forces in civilian clothes")  # the claim, without the denial
    assert sides[1].endswith("Tareq Shami denied that.")
    report = next(f for f in found if f is not said)
    assert {report[1], report[3]} == {
        "Rebels said government troops shelled the hospital in Misrata on Sunday.",
        "The Libyan government denied the report.",
    }
    # "The Libyan government" is Libya's voice, as the roster names the country (seventeenth session)
    assert set(report[0] + report[2]) == {"Rebels", "Libya"}


def test_a_denial_finds_the_sentence_of_another_article_it_denies():
    found = contradictions(
        {
            "a": (
                "A spokesman for the army denied that troops had fired on peaceful protesters in Benghazi.",
                dt.date(2011, 2, 20),
            ),
            "b": (
                "Witnesses said troops fired on peaceful protesters in Benghazi on Saturday, killing dozens.",
                dt.date(2011, 2, 19),
            ),
            "c": (
                "Oil prices rose sharply in London on Monday as traders watched Libya.",
                dt.date(2011, 2, 21),
            ),
        }
    )
    assert len(found) == 1
    texts = {found[0][1][:9], found[0][3][:9]}
    assert texts == {"A spokesm", "Witnesses"}


def test_one_who_joins_a_voice_in_a_denial_is_on_its_side_not_against_it():
    """ "X joined Y in rejecting ..." puts X beside Y: what Y said just before is no claim X denies, while a
    denial of another voice's words is still a dispute."""
    said = (
        '"In both its design and construction, BP made a series of cost-saving decisions that increased '
        'risk," Transocean said. '
    )
    joined = (
        "Halliburton joined Transocean in rejecting the findings, saying the BP report contained "
        '"substantial omissions and inaccuracies".'
    )
    alone = "Halliburton rejected the findings, saying the BP report contained omissions."
    assert contradictions({"a": (said + joined, DAY)}) == []
    found = contradictions({"a": (said + alone, DAY)})
    assert len(found) == 1 and set(found[0][0] + found[0][2]) == {"Transocean", "Halliburton"}


@pytest.mark.parametrize(
    "text",
    [
        "The federal appeals court denied the administration's request for a stay.",  # a refusal, not a denial
        "He did not deny that the company made mistakes in the Gulf.",  # a negated denial
        "The minister rejected calls for his resignation over the spill on Friday.",  # no claim
        "Officials said 100 people were arrested and 20 people were injured in the clashes.",  # one voice
        "Activists said 100 people were killed, while state media said 20 people were killed.",  # no denial
        "BP denied the reports.",  # what the reports say is not told, nothing before it
    ],
)
def test_no_dispute_where_none_is_stated(text):
    assert contradictions({"a": (text, DAY)}) == []


@pytest.mark.parametrize(
    "text",
    [
        # a claim is a clause with a finite verb: a noun phrase states no fact (MJ_bbc, round 13)
        "Dr Murray denies a charge of involuntary manslaughter.",
        "The ministry described rebel claims of a massacre in the eastern town as untrue.",
        "Rebels said government troops shelled the hospital in Misrata. Officials rejected reports of heavy "
        "casualties in the western city.",
    ],
)
def test_a_verbless_claim_is_no_side_of_a_dispute(text):
    found = contradictions({"a": (text, DAY)})
    assert found == [], found


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs the reported clause under "NewsHour": the rejection is still Biden's (EgyptianProtest_cnn)
        'Vice President Joe Biden said on "PBS NewsHour" on Thursday that Mubarak should listen to protesters but '
        "rejected claims that the embattled Egyptian president is a dictator.",
        "Biden said Mubarak should listen to protesters but rejected claims that the embattled Egyptian president "
        "is a dictator.",
    ],
)
def test_a_sides_speaker_is_the_subject_of_its_cue_not_a_name_in_the_reported_clause(text):
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1, found
    voices, claim, other_voices, other = found[0]
    denial_voices = voices if claim == text else other_voices
    assert denial_voices and all("Biden" in v for v in denial_voices), denial_voices


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs "saying" under the claim's verb: the claim's subject is no speaker of the denial
        "Egyptian officials are rejecting opposition claims that Hosni Mubarak is seeking refuge for his family, "
        "saying Friday that neither the leader nor his wife and children plan to leave the country.",
        "Yemeni officials are rejecting opposition claims that Ali Abdullah Saleh is seeking asylum for his sons, "
        "saying Monday that neither the president nor his sons plan to leave the country.",
    ],
)
def test_a_name_inside_the_denied_claim_is_no_speaker_of_the_denial(text):
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1, found
    voices, claim, other_voices, other = found[0]
    denial_voices = voices if claim == text else other_voices
    assert denial_voices == (text.split(" are ")[0],), denial_voices  # "Egyptian officials" only


def test_a_described_denier_is_who_its_own_words_name_not_one_of_an_earlier_sentence():
    text = (
        "The chief executive of Acme Oil Plc, Jane Doe, said the industry would survive the new rules. The chief "
        "executive of driller Foo Corp, who was speaking at the same conference, also challenged Zeta's claim that "
        "the valve on the platform failed, and said the crew was to blame."
    )
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1, found
    voices, claim, other_voices, other = found[0]
    denial_voices = voices if claim.startswith("The chief executive of driller") else other_voices
    assert denial_voices and all("Foo Corp" in v and "Acme" not in v for v in denial_voices), denial_voices


def test_a_dispute_and_its_copy_in_another_article_are_one_dispute():
    found = contradictions(
        {
            "a": (
                "Syrian officials are rejecting rebel claims that Bashar al-Assad is seeking refuge for his family, "
                "saying that neither the leader nor his wife plan to leave the country. Fighting went on near the "
                "capital on Friday.",
                DAY,
            ),
            "b": (
                "Rebels advanced on the capital on Saturday. Syrian officials reject rebel claims that Assad is "
                "seeking refuge for his family, saying that neither the leader nor his wife plan to leave the country.",
                DAY + dt.timedelta(days=1),
            ),
        }
    )
    assert len(found) == 1, found


@pytest.mark.parametrize(
    "text",
    [
        "BP spokesman Andrew Gowers called reports that the company would file for bankruptcy baseless.",
        "A government spokesman said claims that troops fired on the crowd in Benghazi were false.",
        "The ministry described rebel claims that troops massacred civilians in the eastern town as untrue.",
    ],
)
def test_a_claim_called_false_is_a_dispute_with_both_sides(text):
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1, found
    voices, claim, other_voices, other = found[0]
    sides = {claim: voices, other: other_voices}
    denial = next(t for t in sides if t == text)
    assert sides[denial], "the one who calls it false is named"


def test_a_report_called_baseless_answers_the_voice_before():
    found = contradictions(
        {
            "a": (
                "Rebel commander Abdel Fattah Younis said government forces had used cluster bombs in Misrata. "
                "A government spokesman, Moussa Ibrahim, called the report baseless.",
                DAY,
            )
        }
    )
    assert len(found) == 1
    texts = {found[0][1], found[0][3]}
    assert any(t.startswith("Rebel commander") for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman said the claims were not false.",
        "The spokesman did not call the reports that the company would file for bankruptcy baseless.",
        "Some people called the new flood defences on the eastern bank of the river useless.",
    ],
)
def test_no_dispute_where_nothing_is_called_false(text):
    assert contradictions({"a": (text, DAY)}) == []


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Hafle rejected the notion that BP had taken risks with the well.", "the notion that BP had taken"),
        (
            "BP has challenged widespread scientific claims that vast plumes of oil are spreading underwater from "
            "its blown-out rig in the Gulf of Mexico.",
            "widespread scientific claims that vast plumes",
        ),
        (
            "Environmental groups disagreed with the agency's claims that most of the oil had dissolved.",
            "the agency's claims that most of the oil had dissolved",
        ),
    ],
)
def test_a_view_rejected_challenged_or_disagreed_with_is_a_stated_dispute(text, claimed):
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1
    assert any(side.startswith(claimed) for side in (found[0][1], found[0][3]))


@pytest.mark.parametrize(
    "text",
    [
        "The company said it would challenge the ruling in court next week.",
        "Obama did not disagree with the idea that the company should pay for the cleanup.",
        "It was a challenge to the project and of concern to others.",
        "The panel rejected the idea.",
        "The African Union rejects the idea of foreign military intervention in Libya, regardless of its form.",
        "ElBaradei dismissed the notion that the Mubarak regime should immediately be held accountable.",
        "His spokesman dismissed suggestions by some pundits that the president should drop his calm demeanor.",
    ],
)
def test_a_challenge_without_a_claim_or_a_negated_disagreement_is_no_dispute(text):
    assert contradictions({"a": (text, DAY)}) == []


VALASEK = (
    "Tomas Valasek of the Center for European Reform think tank said that despite NATO denials, it did appear the "
    "key alliance powers were seeking a way around the Gaddafi dilemma by targeting him directly. "
)


@pytest.mark.parametrize(
    "text",
    [
        # an analyst's own hypothetical set against his own view (audit round 8, held out, contradiction-014)
        VALASEK + "\"NATO's official mandate doesn't involve removing Gaddafi from power, so the commanders "
        "would deny it and say they are going after communications posts and such, but to me it does smell "
        'that they are going after Gaddafi personally," he said.',
        # the claimant's own quotation tells the denial: one speaker's two sentences that agree
        VALASEK + '"The commanders deny it, but to me it does smell that they are going after Gaddafi '
        'personally," he said.',
        VALASEK + "The alliance's commanders could deny it in public.",
        VALASEK + "If the alliance's commanders deny it, few diplomats in Brussels will believe them.",
        "Rebels said government troops shelled the hospital in Misrata on Sunday. "
        "The Libyan government might dispute the report.",
    ],
)
def test_a_hypothetical_denial_is_no_stated_dispute(text):
    assert contradictions({"a": (text, DAY)}) == []


@pytest.mark.parametrize(
    "denial",
    [
        "The Libyan government will dispute the report.",
        "The Libyan government would later dispute the report.",  # told as what came after, no hypothesis
        # a verb in a tense of its own is not under the modal of the verb it is coordinated with
        "Vice President Joe Biden said that the Libyan government should listen to the rebels but rejected the "
        "report.",
    ],
)
def test_a_denial_told_as_what_a_source_will_do_or_later_did_is_still_a_dispute(denial):
    found = contradictions(
        {"a": ("Rebels said government troops shelled the hospital in Misrata on Sunday. " + denial, DAY)}
    )
    assert len(found) == 1


def test_the_denial_sentence_is_said_by_the_denier_not_by_the_claimant_it_quotes():
    text = (
        "A prominent Yemeni human rights lawyer, Khaled Al-Anesi, said he suspected pro-government demonstrators "
        "were security forces in civilian clothes, but government spokesman Tareq Shami denied that."
    )
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1, found
    voices, claim, other_voices, other = found[0]
    sides = {claim: voices, other: other_voices}
    assert [v for v in sides[text] if "Al-Anesi" in v] == [], sides
    assert any("Tareq Shami" in v for v in sides[text]), sides
    assert any("Al-Anesi" in v for t, vs in sides.items() if t != text for v in vs), sides


def test_a_denial_of_a_charge_is_disputed_by_the_accusation_in_its_article():
    # MJ_bbc's shape, other names: a denied offence ("denies manslaughter", "denied causing ...") against the
    # sentence that accuses the denier of it; the accusation's own sentence, not the denial's
    found = contradictions(
        {
            "a": (
                "Dr Alan Reed is accused of giving the patient a fatal overdose of morphine. "
                "The hearing in Leeds was adjourned until March. "
                "Dr Reed denies manslaughter.",
                DAY,
            )
        }
    )
    assert len(found) == 1
    voices, text, other_voices, other = found[0]
    sides = {text: voices, other: other_voices}
    assert set(sides) == {
        "Dr Alan Reed is accused of giving the patient a fatal overdose of morphine.",
        "Dr Reed denies manslaughter.",
    }
    assert "Reed" in " ".join(sides["Dr Reed denies manslaughter."])


def test_a_denial_of_a_charge_is_disputed_by_another_articles_accusation_of_the_days_before():
    found = contradictions(
        {
            "a": (
                "Prosecutors charged Dr Alan Reed with manslaughter over the death of a patient in Leeds.",
                DAY,
            ),
            "b": ("Dr Alan Reed has denied causing the death of his patient.", DAY + dt.timedelta(days=2)),
        }
    )
    assert len(found) == 1
    sides = {found[0][1]: found[0][0], found[0][3]: found[0][2]}
    assert sides[
        "Prosecutors charged Dr Alan Reed with manslaughter over the death of a patient in Leeds."
    ] == ("Prosecutors",)


@pytest.mark.parametrize(
    "texts",
    [
        # denied bail: the passive denies nothing
        {"a": ("Dr Alan Reed is charged with manslaughter. He was denied bail on Monday.", DAY)},
        # no one accuses the denier: another is accused
        {"a": ("Tom Hart is accused of theft. Dr Alan Reed denies any wrongdoing.", DAY)},
        # a proposition denied is no deed denied (bpoil_reuters: "BP has denied bankruptcy is an option")
        {"a": ("Lawmakers accused Acme of hiding its losses. Acme has denied bankruptcy is an option.", DAY)},
        # the accusation came weeks after the denial: it answers nothing
        {
            "a": ("Dr Alan Reed denies any wrongdoing.", DAY),
            "b": ("Dr Alan Reed was charged with manslaughter in Leeds.", DAY + dt.timedelta(days=30)),
        },
    ],
)
def test_a_denial_without_an_accusation_of_the_denier_is_no_dispute(texts):
    assert contradictions(texts) == []


@pytest.mark.parametrize(
    ("accused", "denier", "same"),
    [
        ("Dr Murray", "Conrad Murray", True),
        ("BP", "BP Plc", True),
        ("the company", "company", True),
        # LibyaWar_cnn: "the international Libya Contact Group, charged with mapping out peace" is not Libya
        ("the international Libya Contact Group", "Libya", False),
        ("Tom Hart", "Alan Reed", False),
    ],
)
def test_the_accused_is_the_denier_by_the_same_last_name_word(accused, denier, same):
    assert accused_is(accused, denier) is same


GUTIERREZ_DENIAL = (
    "Local health officials have, however, denied reports that Ms Gutierrez had infected 20 people as well as "
    "members of her family."
)


def test_a_denial_of_unnamed_reports_is_one_dispute_with_the_reports_as_its_other_side():
    found = contradictions({"a": (GUTIERREZ_DENIAL, dt.date(2009, 4, 29))})
    assert len(found) == 1
    voices, text, other_voices, other = found[0]
    sides = {text: voices, other: other_voices}
    reports = next(t for t in sides if t.startswith("reports that"))
    assert sides[reports] == ("unnamed reports",)
    assert "Local health officials" in sides[next(t for t in sides if t != reports)]


def test_a_denial_of_unnamed_reports_is_against_the_article_that_made_the_report():
    found = contradictions(
        {
            "a": (GUTIERREZ_DENIAL, dt.date(2009, 4, 29)),
            "b": (
                "Ms Gutierrez had infected 20 people as well as members of her family, a local newspaper said.",
                dt.date(2009, 4, 28),
            ),
        }
    )
    assert len(found) == 1
    assert {found[0][1][:9], found[0][3][:9]} == {"Local hea", "Ms Gutier"}


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        (
            "Saif's critics rejected his assertion that Libya could split into several parts if not united.",
            "his assertion",
        ),
        (
            "BP has challenged widespread scientific claims that vast plumes of oil are spreading.",
            "widespread",
        ),
        (
            "Ghonim went out of his way to rebut the accusations made by the older generation of Mubarak's "
            'supporters that the protesters were "traitors to Egypt".',
            "the accusations made by",
        ),
    ],
)
def test_a_claim_noun_that_names_or_describes_its_claimant_is_not_unnamed(text, claimed):
    found = contradictions({"a": (text, DAY)})
    assert len(found) == 1
    sides = {found[0][1]: found[0][0], found[0][3]: found[0][2]}
    claim = next(t for t in sides if t.startswith(claimed))
    assert not any(voice.startswith("unnamed") for voice in sides[claim])


def test_a_claim_in_a_dispute_is_shown_by_the_sentence_that_states_its_side():
    # MJ_bbc's shape, other names: the claim's plainest, most shared member drops the accusation ("faces up to
    # four years in prison if convicted"); the side is shown by its own sentence, which states it
    found = contradictions(
        {
            "a": (
                "Dr Alan Reed is accused of manslaughter and faces up to four years in prison. "
                "The hearing in Leeds was adjourned until March. "
                "Dr Reed denies manslaughter.",
                DAY,
            ),
            "b": ("Dr Alan Reed faces up to four years in prison if convicted of manslaughter.", DAY),
            "c": ("Dr Alan Reed faces up to four years in prison if convicted of manslaughter.", DAY),
        }
    )
    assert len(found) == 1
    assert "Dr Alan Reed is accused of manslaughter and faces up to four years in prison." in found[0]
