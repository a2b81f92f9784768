"""Positions over time (storyline.compare.positions): stances on "X leaves power", their actors,
dates and reversals, on sentences whose stance and speaker are known."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyline.annotate.nlp import load_nlp
from storyline.annotate.timex import tag_article
from storyline.compare.claims import compare
from storyline.compare.positions import find_positions, find_reversals, stances_in
from storyline.model import Article, Citation, Position, Sentence
from storyline.who.entities import build_roster

ASSAD_LEAVES_POWER = "Bashar al-Assad leaves power"


@pytest.fixture(scope="module")
def comparison(samples):
    articles, docs = samples
    return compare(articles, docs)


@pytest.fixture(scope="module")
def sample_positions(samples):
    articles, docs = samples
    return find_positions(articles, docs, build_roster(articles, docs))


def held_in(positions: list[Position], opening: str) -> list[tuple[str, str]]:
    """(actor, stance) of the positions stated by the sentence that begins with ``opening``."""
    return sorted({(p.actor, p.stance) for p in positions if p.text.startswith(opening)})


# Sentences of the samples whose stance and actor a reader knows, with that stance.
KNOWN = {
    # CNN, August 2011: the call itself.
    "Washington (CNN) -- The United States on Thursday will call for Syrian President": [
        ("United States", "support")
    ],
    # CNN: before the call, officials "resisted calling explicitly for his ouster".
    "Although the Obama administration has said al-Assad has": [("United States", "oppose")],
    # Ynet, February 2012: the draft that asks Assad to hand over power, endorsed by both capitals.
    "Moscow, presented with the Arab League-backed draft resolution that Washington and Paris endorse": [
        ("France", "support"),
        ("United States", "support"),
    ],
    # May 2013: Kerry backs away, for the U.S. government.
    "Secretary of State John Kerry backtracked from America": [("United States", "oppose")],
    "Kerry was touting United States and Russian cooperation": [("United States", "oppose")],
    # A refusal to say he should go is no stance told (issue 13): the article's other lines hold its step back.
    "Kerry framed his refusal to say that Assad should step down": [],
    # The 2011 call, recalled in the 2013 article.
    "Obama first called on Assad to resign in August 2011": [("Barack Obama", "support")],
}


@pytest.mark.parametrize("opening", sorted(KNOWN))
def test_known_positions_of_the_samples(sample_positions, opening):
    assert held_in(sample_positions, opening) == KNOWN[opening]


def test_the_samples_hold_no_position_on_anyone_else_and_none_of_assad_himself(sample_positions):
    assert sample_positions
    assert {p.proposition for p in sample_positions} == {ASSAD_LEAVES_POWER}
    assert not [p for p in sample_positions if p.actor in ("Bashar al-Assad", "Syria", "Russia")]
    # The 2013 article has no U.S. support: every U.S. position in it is a step back.
    kerry_article = next(p.citation.article for p in sample_positions if "Kerry backtracked" in p.text)
    assert {
        p.stance
        for p in sample_positions
        if p.citation.article == kerry_article and p.actor == "United States"
    } == {"oppose"}


def test_sample_positions_are_dated_by_the_sentence_else_the_article(sample_positions, samples):
    articles, _ = samples
    by_id = {a.id: a for a in articles}
    obama = next(p for p in sample_positions if p.text.startswith("Obama first called on Assad"))
    assert (obama.date, obama.date_provenance) == ("2011-08", "mentioned")
    ynet = [p for p in sample_positions if p.text.startswith("Moscow, presented with")]
    assert {(p.date, p.date_provenance) for p in ynet} == {("2012-02-02", "published")}
    # The Kerry article states no date (its interval: after August 2011); it names Secretary of State Kerry
    # where the 2012 articles name Clinton, so it is placed after the last of them (VOA, 2012-07-12), as an
    # interval, never a day.
    kerry = next(p for p in sample_positions if p.text.startswith("Secretary of State John Kerry"))
    assert kerry.date_provenance == "inferred-office" and str(kerry.date) > "2012-07-12"
    assert kerry.date_interval == "after 2012-07-12"
    for position in sample_positions:
        article = by_id[position.citation.article]
        assert article.text[position.citation.start : position.citation.end] == position.text


def test_washington_reverses_on_assad_stepping_down(comparison, samples):
    reversals = [r for r in comparison.reversals if r.actor == "United States" and "Assad" in r.proposition]
    assert len(reversals) == 1, comparison.reversals
    reversal = reversals[0]
    assert (reversal.from_, reversal.to) == ("support", "oppose")
    assert reversal.from_date is not None and reversal.from_date <= "2012-02-02"
    assert reversal.to_date == "after 2012-07-12"  # the Kerry article's interval, as shown
    articles, _ = samples
    by_id = {a.id: a for a in articles}
    cited = [by_id[c.article].text[c.start : c.end] for c in reversal.citations]
    assert any("call for" in text or "endorse" in text for text in cited)  # the 2011-2012 side
    assert any("Kerry" in text for text in cited)  # the 2013 side


def test_positions_carry_dates_and_citations(comparison, samples):
    articles, _ = samples
    by_id = {a.id: a for a in articles}
    us = [p for p in comparison.positions if p.actor == "United States"]
    assert {p.stance for p in us} == {"support", "oppose"}
    for position in comparison.positions:
        article = by_id[position.citation.article]
        assert article.text[position.citation.start : position.citation.end] == position.text
    mentioned = [p for p in comparison.positions if p.date_provenance == "mentioned"]
    assert any(p.actor == "Barack Obama" and p.date == "2011-08" for p in mentioned)


def stance_of(text: str) -> list[tuple[str, str | None, str]]:
    """(stance, actor, target) of each proposition of the text's first sentence."""
    found = stances_in(next(load_nlp()(text).sents))
    return [(s.stance, s.actor.text if s.actor is not None else None, s.target.text) for s in found]


def test_a_negated_demand_holds_no_stance():
    # the audit's judges: "Obama did not call on Mubarak to step down" is no demand made, not opposition
    assert stance_of("France will not call for the president to resign.") == []
    assert (
        stance_of(
            "Obama did not call on Mubarak to step down, but he did call for emergency law to be lifted."
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "She did not say the prime minister should go, but said he would answer for any abuses.",
        "The senator never said the president must step down.",
    ],
)
def test_a_negated_report_of_a_stance_holds_no_stance(text):
    # the audit's judges: "He did not say Gaddafi should go" is not his support, and no opposition either
    assert [(stance, actor) for stance, actor, _ in stance_of(text) if actor is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The minister refused to say Assad should go.",
        "Kerry declined to say that Assad must step down.",
        "The envoy stopped short of saying Gaddafi should leave power.",
        "Kerry framed his refusal to say that Assad should step down as in line with the Geneva communique.",
        "The White House has been reluctant to say that Mubarak must step down.",
    ],
)
def test_a_refusal_to_say_a_stance_holds_no_stance(text):
    # declining to say "X should go" is neither support nor the opposition the refusal verb would give
    assert [(stance, actor) for stance, actor, _ in stance_of(text) if actor is not None] == []


def test_a_refusal_to_call_for_a_leaving_is_still_opposition():
    # the demand itself refused (not a report of one) stays the refuser's stance
    assert stance_of("Obama refused to call for Mubarak to step down.") == [("oppose", "Obama", "Mubarak")]


def test_stance_rules_compose():
    def stance(text):
        found = stances_in(next(load_nlp()(text).sents))
        assert found, text
        return found[0].stance, found[0].actor.text if found[0].actor is not None else None

    assert stance("France called on the president to step down.") == ("support", "France")
    assert stance("Smith backed away from the demand that the president resign.")[0] == "oppose"
    assert stance("Smith said the president should step down.") == ("support", "Smith")
    assert stance("The envoy resisted calling for his ouster.")[0] == "oppose"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington called for Assad to step down in August 2011.", [("support", "Washington", "Assad")]),
        ("Kerry backed away from calls for Assad to step down.", [("oppose", "Kerry", "Assad")]),
        ("Russia rejected calls for Assad's ouster.", [("oppose", "Russia", "Assad")]),
        ("Turkey said Assad must go.", [("support", "Turkey", "Assad")]),
        ("Paris said removing Assad is not a priority.", [("oppose", "Paris", "Assad")]),
        ("The rebels demanded the resignation of President Saleh.", [("support", "rebels", "Saleh")]),
        # A hope about someone else's stance is nobody's position.
        ("The White House hopes that Russia will not oppose Assad's removal.", [("support", None, "Assad")]),
        # No one leaves power here.
        ("Assad met the envoy in Damascus on Monday.", []),
        ("The minister will step up pressure on the banks.", []),
    ],
)
def test_stance_actor_and_target_of_known_sentences(text, expected):
    assert stance_of(text) == expected


def annotated(texts: dict[str, tuple[str, dt.date]]) -> tuple[list[Article], list]:
    """Articles parsed, split and with their time expressions tagged, as the pipeline annotates them."""
    articles = [Article(id=k, source=k, text=t, published=d, outlet=k) for k, (t, d) in texts.items()]
    docs = list(load_nlp().pipe(a.text for a in articles))
    for article, doc in zip(articles, docs):
        article.sentences = [Sentence(s.start_char, s.end_char, i) for i, s in enumerate(doc.sents)]
        tag_article(article)
    return articles, docs


def test_a_hand_made_story_gives_each_government_its_positions_and_one_reversal():
    articles, docs = annotated(
        {
            "a": (
                "Syrian President Bashar al-Assad faces protests. "
                "Washington called for Assad to step down in August 2011.",
                dt.date(2011, 9, 1),
            ),
            "b": ("The White House urged Assad to resign on Friday.", dt.date(2011, 10, 7)),
            "c": (
                "Russia rejected calls for Assad's ouster. Turkey said Assad must go.",
                dt.date(2012, 3, 1),
            ),
            "d": (
                "U.S. Secretary of State John Kerry backed away from calls for Assad to step down.",
                dt.date(2013, 5, 8),
            ),
            "e": ("Assad met the envoy in Damascus on Monday.", dt.date(2013, 6, 1)),
        }
    )
    positions = find_positions(articles, docs, build_roster(articles, docs))
    assert [(p.citation.article, p.actor, p.stance, p.date, p.date_provenance) for p in positions] == [
        ("a", "United States", "support", "2011-08", "mentioned"),  # a capital acts for its government
        ("b", "United States", "support", "2011-10-07", "published"),  # so does its seat
        ("c", "Russia", "oppose", "2012-03-01", "published"),
        ("c", "Turkey", "support", "2012-03-01", "published"),
        ("d", "United States", "oppose", "2013-05-08", "published"),  # an office holder too
    ]
    assert {p.proposition for p in positions} == {ASSAD_LEAVES_POWER}
    reversals = find_reversals(positions)
    assert [(r.actor, r.from_, r.to, r.from_date, r.to_date) for r in reversals] == [
        ("United States", "support", "oppose", "2011-10-07", "2013-05-08")
    ]
    assert [c.article for c in reversals[0].citations] == ["a", "b", "d"]


def test_an_ouster_and_a_stepping_down_are_one_proposition_that_says_only_that_the_leader_leaves_power():
    articles, docs = annotated(
        {
            "a": ("Britain is seeking to oust President Omar Bongo.", dt.date(2011, 9, 1)),
            "b": ("France called for Bongo to step down.", dt.date(2011, 9, 2)),
            "c": ("Spain rejected calls to topple Bongo.", dt.date(2011, 9, 3)),
        }
    )
    positions = find_positions(articles, docs, build_roster(articles, docs))
    assert {p.citation.article for p in positions} == {"a", "b", "c"}, positions
    # being ousted is no stepping down: the one proposition names no way of leaving
    assert {p.proposition for p in positions} == {"Omar Bongo leaves power"}


def test_reversal_needs_a_change_between_years():
    def article(identifier, year, sentence):
        return Article(
            id=identifier, source=identifier, text=sentence, published=dt.date(year, 5, 1), outlet=identifier
        )

    articles = [
        article("a", 2011, "Germany called on President Kumar to step down."),
        article("b", 2012, "Germany repeated its call for Kumar to resign."),
        article("c", 2014, "Germany backed away from its call for Kumar to step down."),
    ]
    docs = list(load_nlp().pipe(a.text for a in articles))
    for a, d in zip(articles, docs):
        a.sentences = [Sentence(start=s.start_char, end=s.end_char, index=i) for i, s in enumerate(d.sents)]
    positions = find_positions(articles, docs, build_roster(articles, docs))
    assert [p.stance for p in positions if p.actor == "Germany"] == ["support", "support", "oppose"]
    reversals = find_reversals(positions)
    assert len(reversals) == 1 and reversals[0].from_date[:4] == "2012" and reversals[0].to_date[:4] == "2014"
    assert find_reversals(positions[:2]) == []


def position(
    actor: str, stance: str, date: str | None, n: int, proposition: str = ASSAD_LEAVES_POWER
) -> Position:
    citation = Citation(f"art{n}", f"{n}.txt", None, None, 0, 0, 10)
    return Position(actor, proposition, stance, date, citation, text=f"sentence {n}")


def test_reversals_follow_dates_not_input_order_and_cite_both_sides():
    positions = [
        position("France", "oppose", "2013-01-10", 3),
        position("France", "support", "2011-08-18", 1),
        position("France", "support", "2012-02-02", 2),
    ]
    (reversal,) = find_reversals(positions)
    assert (reversal.actor, reversal.from_, reversal.to) == ("France", "support", "oppose")
    assert (reversal.from_date, reversal.to_date) == ("2012-02-02", "2013-01-10")
    assert [c.article for c in reversal.citations] == ["art1", "art2", "art3"]


def test_reversals_back_and_forth_ties_undated_and_other_actors():
    # support -> oppose -> support: two reversals, in time order.
    there_and_back = [
        position("France", "support", "2011", 1),
        position("France", "oppose", "2012", 2),
        position("France", "support", "2013", 3),
    ]
    assert [(r.from_, r.to) for r in find_reversals(there_and_back)] == [
        ("support", "oppose"),
        ("oppose", "support"),
    ]
    # A date where as many say yes as no has no stance; undated positions count for nothing.
    undecided = [
        position("France", "support", "2011", 1),
        position("France", "oppose", "2012", 2),
        position("France", "support", "2012", 3),
        position("France", "oppose", None, 4),
    ]
    assert find_reversals(undecided) == []
    # The majority of a date decides it.
    majority = [
        position("France", "support", "2011", 1),
        position("France", "oppose", "2012", 2),
        position("France", "oppose", "2012", 3),
        position("France", "support", "2012", 4),
    ]
    assert [(r.from_, r.to) for r in find_reversals(majority)] == [("support", "oppose")]
    # Different actors, or different propositions, never make a reversal together.
    apart = [
        position("France", "support", "2011", 1),
        position("Russia", "oppose", "2012", 2),
        position("France", "oppose", "2013", 3, proposition="Ali Saleh leaves power"),
    ]
    assert find_reversals(apart) == []


def test_a_circumstance_clause_is_not_what_the_cue_rejects():
    # "even though Assad may be toppled" is beside China's principle, not a stance on his removal
    text = (
        "China can not abandon the principle of opposing military intervention even though "
        "Mr Assad may eventually be toppled."
    )
    assert [s for s in stance_of(text) if s[1] is not None] == []


def test_a_nationality_describing_people_is_not_their_government():
    articles, docs = annotated(
        {
            "a": (
                "Syrian protesters demanded that President Bashar al-Assad step down. "
                "Syrian officials rejected calls for Assad to step down.",
                dt.date(2011, 8, 1),
            )
        }
    )
    held = {(p.actor, p.stance) for p in find_positions(articles, docs, build_roster(articles, docs))}
    assert ("Syria", "support") not in held  # the protesters are not the Syrian government
    assert ("Syria", "oppose") in held  # its officials are


def test_a_pronoun_is_resolved_once_by_the_attribution_stage():
    from storyline.compare.positions import ActorResolver
    from storyline.who.attribution import find_attributions

    articles, docs = annotated(
        {
            "a": (
                "Mubarak called King Abdullah and told him that he was stepping down. "
                "Mubarak said he would stay. "
                "Barack Obama said on Friday that the violence must end. He said Gadhafi must step down now.",
                dt.date(2011, 2, 10),
            )
        }
    )
    roster = build_roster(articles, docs)
    attributions = find_attributions(articles, docs, roster)
    resolver = ActorResolver(roster, attributions)
    resolver.article_of = {id(docs[0]): "a"}
    he = [t for t in docs[0] if t.lower_ == "he"]
    # not a speaker: the attribution stage's rule (the subject of the clause that governs it), in its sentence
    assert resolver.pronoun_antecedent(he[0]).name.endswith("Mubarak")
    # a speaker: whom the attribution stage resolved the statement's speaker to, as the brief shows it
    speaker = next(a for a in attributions if a.speaker == "He")
    assert resolver.pronoun_antecedent(he[2]).name == speaker.speaker_entity == "Barack Obama"
    # without the statements, a pronoun whose person is named only in another sentence is nobody
    assert ActorResolver(roster).pronoun_antecedent(he[2]) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("And when does the U.S. think President Hosni Mubarak should go?", "a question"),
        ("Perhaps the UN should ask the African Union to convince Gaddafi to step down.", "a suggestion"),
        ("The United States can urge Mubarak to step down.", "a possibility"),
        ("Asked whether Mubarak should step down, Biden said he did not know.", "asked, not stated"),
        (
            "I think the U.S. administration does not want to be the ones calling for Mubarak to step down.",
            "a writer's view",
        ),
        ("He praised the army after the protests that toppled President Hosni Mubarak.", "a past fact"),
        ("Ham said removing Gadhafi by military means is not the aim of the mission.", "a rejected means"),
        (
            "That does not mean using force to remove Gadhafi from power, Levin insisted on CNN.",
            "'insisted on CNN'",
        ),
        ("Wilson said she wanted to send a message: Hayward should go to jail.", "going somewhere"),
    ],
)
def test_no_stance_is_taken_from_what_nobody_holds(text, why):
    assert [s for s in stance_of(text) if s[1] is not None] == [], why


def test_a_heading_glued_to_a_sentence_is_not_its_actor():
    found = stance_of(
        "Egypt, Day 7 -- Demonstrators continue to demand that President Hosni Mubarak step down."
    )
    assert all(actor != "Egypt" for _, actor, _ in found)


def test_an_actor_is_its_own_stance_holder_and_targets_are_people():
    articles, docs = annotated(
        {
            "a": (
                "Opposition leader Mohamed ElBaradei said Hosni Mubarak must go. "
                "ElBaradei, the opposition leader, spoke in Cairo. "
                "U.S. Secretary of State Hillary Clinton called on Hosni Mubarak to step down. "
                "Mubarak asked the government to resign. "
                "Reply Smith wrote that Gadhafi must go and that his comments were right.",
                dt.date(2011, 2, 1),
            )
        }
    )
    positions = find_positions(articles, docs, build_roster(articles, docs))
    held = {(p.actor, p.stance, p.proposition) for p in positions}
    # ElBaradei is not Egypt's government
    assert ("Egypt", "support", "Hosni Mubarak leaves power") not in held
    assert any(actor.endswith("ElBaradei") for actor, _, _ in held)
    assert (
        "United States",
        "support",
        "Hosni Mubarak leaves power",
    ) in held  # a current office of a government
    assert not any("government" in p.lower() for _, _, p in held)  # a government is no leader leaving power


def test_a_pronoun_is_resolved_only_within_its_sentence():
    from storyline.compare.positions import ActorResolver

    articles, docs = annotated(
        {"a": ("Gaddfee posted at noon. His view was that Gadhafi must go.", dt.date(2011, 3, 1))}
    )
    resolver = ActorResolver(build_roster(articles, docs))
    his = next(t for t in docs[0] if t.lower_ == "his")
    assert resolver.pronoun_antecedent(his) is None


@pytest.mark.parametrize(
    "text",
    [
        "Obama initially asked Johnson to vet his choices, but Johnson resigned as a controversy flared.",
        "The rebels and their allies have rejected cease-fire offers that do not include Gaddafi's departure.",
        "The official said there was nothing specific on where Gaddafi should go.",
    ],
)
def test_coordinated_described_and_directed_clauses_are_no_stance(text):
    assert [s for s in stance_of(text) if s[1] is not None] == []


def test_a_readers_comment_under_the_article_holds_no_actors_position():
    from storyline.ingest.clean import clean_text

    page = (
        "Turkey said Assad must go.\n"
        "April 23, 2011 at 6:09 pm | Reply Obama has already said that Assad must go and so he should."
    )
    articles, docs = annotated(
        {"a": (clean_text(page, use_model=False).text, dt.date(2011, 8, 1))}
    )  # cleaned
    held = [(p.actor, p.stance) for p in find_positions(articles, docs, build_roster(articles, docs))]
    assert held == [("Turkey", "support")]


def test_a_speaker_resolved_from_outside_the_sentence_yields_to_one_named_in_it():
    from storyline.compare.positions import ActorResolver
    from storyline.model import Attribution

    text = (
        "Barack Obama met Nicolas Sarkozy on Monday. "
        "Sarkozy's speech, in which he urged Moammar Gadhafi to step down, was brief."
    )
    articles, docs = annotated({"a": (text, dt.date(2011, 5, 19))})
    roster = build_roster(articles, docs)
    he = next(t for t in docs[0] if t.lower_ == "he")
    # the statement's speaker resolved to someone the sentence does not name (as "Twitter" was on a CNN page)
    wrong = Attribution(
        speaker="he",
        speaker_start=he.idx,
        speaker_end=he.idx + 2,
        speaker_entity="Barack Obama",
        cue="urged",
        content="Moammar Gadhafi to step down",
        article="a",
        start=text.index("Sarkozy's"),
        end=len(text),
        direct=False,
    )
    resolver = ActorResolver(roster, [wrong])
    resolver.article_of = {id(docs[0]): "a"}
    # the sentence names Sarkozy before the pronoun: the speaker from outside it is not taken (and the
    # attribution stage's rule finds nobody else here: no position rather than a wrong actor)
    resolved = resolver.pronoun_antecedent(he)
    assert resolved is None or resolved.name.endswith("Sarkozy")
    positions = find_positions(articles, docs, roster, [wrong])
    assert all(p.actor != "Barack Obama" for p in positions)
    # with the speaker named in the sentence, the statement's resolution stands
    right = dataclasses.replace(wrong, speaker_entity="Nicolas Sarkozy")
    positions = find_positions(articles, docs, roster, [right])
    assert [(p.actor, p.stance) for p in positions] == [("Nicolas Sarkozy", "support")]


def test_an_official_calling_for_his_own_leader_to_go_speaks_for_himself():
    articles, docs = annotated(
        {
            "a": (
                "Libyan leader Moammar Gadhafi spoke on state television. "
                "Libya's deputy ambassador Ibrahim Dabbashi called on Gadhafi to step down. "
                "Libya rejected calls for Gadhafi to step down. "
                "Libya wants Gadhafi to step down, protesters said. "
                "U.S. Secretary of State Hillary Clinton called on Gadhafi to step down.",
                dt.date(2011, 2, 22),
            )
        }
    )
    positions = find_positions(articles, docs, build_roster(articles, docs))
    held = [(p.actor, p.stance) for p in positions]
    assert ("Libya", "support") not in held  # neither the defector nor the country wants its own leader gone
    assert any(actor.endswith("Dabbashi") and stance == "support" for actor, stance in held)
    assert ("Libya", "oppose") in held  # its government refusing the demand is the government's stance
    assert ("United States", "support") in held  # another country's office holder acts for it


def test_what_a_cue_s_subject_says_beside_it_is_not_what_the_cue_rejects():
    found = stance_of(
        "Both Libya's rebel Transitional National Council (TNC) and its Western allies have rejected Libyan "
        "government cease-fire offers that do not include Gaddafi's departure, saying he and his family must "
        "relinquish power before any talks can begin."
    )
    assert [stance for stance, actor, _ in found if actor is not None] == ["support"]


def test_a_stance_told_as_history_is_no_position_at_the_article_s_date():
    """A stance told in the past perfect, as a past since left, with a year decades before the article, or
    going on with a narrative whose last time is such a year, is background; the same stance told of now, or
    after a bound ("since 1970") or after a recent time, is a position."""
    day = dt.date(2010, 10, 7)
    history = {
        "narrative": (
            "BP originated in 1908 as the Anglo-Persian Oil Company, a British corporation. "
            "Mohammed Mossadeq, the prime minister, signed legislation to nationalize the company. "
            "The British government was horrified and imposed an economic embargo on Iran. "
            "When this failed to bring the Iranians to heel, the British government sought to arrange for the "
            "overthrow of Mossadeq.",
            day,
        ),
        "decade": (
            "In the 1950s the British government sought the overthrow of Prime Minister Mohammed Mossadeq.",
            day,
        ),
        "perfect": ("Britain had sought the overthrow of Prime Minister Mohammed Mossadeq.", day),
        "once": ("Britain once sought the overthrow of Prime Minister Mohammed Mossadeq.", day),
    }
    now = {
        "now": ("Britain sought the overthrow of Prime Minister Mohammed Mossadeq on Monday.", day),
        "bound": (
            "Syria has been ruled by the Assad family since 1970. "
            "The United States called for Syrian President Bashar al-Assad to step down.",
            dt.date(2011, 8, 18),
        ),
        "recent": (
            "Hafez al-Assad crushed a revolt in Hama in 1982. On Thursday, the United States called for "
            "Syrian President Bashar al-Assad to step down.",
            dt.date(2011, 8, 18),
        ),
    }
    articles, docs = annotated({**history, **now})
    positions = find_positions(articles, docs, build_roster(articles, docs))
    assert sorted(p.citation.article for p in positions) == sorted(now)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # EgyptianProtest_cnn's shapes, other names: the clause that announces "one thing" holds the stance
        (
            "For two weeks, opposition leader Ahmed Nour has been clear about one thing -- the president must go.",
            "Nour",
        ),
        ("The fragmented opposition agrees on one thing, the king must step down.", "opposition"),
        (
            'Smith asked, later adding that "the key point is that the students have been united on one thing: '
            "the president must go.",
            "students",
        ),
    ],
)
def test_a_clause_announcing_one_thing_holds_the_stance_after_it(text, actor):
    # not the reporter of the whole sentence (Smith), and not nobody
    assert [(stance, held) for stance, held, _ in stance_of(text)] == [("support", actor)]
