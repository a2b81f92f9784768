"""Speakers that are actors: who a statement is listed under, on the samples, on made-up cases the
rules must get right, and on real story corpora (Timeline17, Penn Treebank tokenized)."""

from __future__ import annotations

import json

import pytest

from storyline.annotate.nlp import annotate_docs
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article, Attribution, Entity
from storyline.who.attribution import find_attributions, quotation_regions
from storyline.who.entities import Mention, build_roster, link, link_speakers, without_glued_words
from storyline.who.names import name_problem, speaker_name

from ..conftest import DATA, SAMPLES


def roster_names(attributions: list[Attribution]) -> set[str]:
    return {n for n in (speaker_name(a) for a in attributions) if n}


@pytest.fixture(scope="module")
def samples():
    pairs = list(annotate_docs(prepare(read([str(SAMPLES)]), on_problem=print)))
    articles = [a for a, _ in pairs]
    docs = [d for _, d in pairs]
    attributions = find_attributions(articles, docs, roster=build_roster(articles, docs))
    return articles, attributions


def said(attributions, words):
    return [a for a in attributions if words in " ".join(a.content.split())]


def test_ban_ki_moon_expressed_alarm(samples):
    _, attributions = samples
    [alarm] = [a for a in attributions if a.cue == "expressed"]
    assert speaker_name(alarm) == "Ban Ki-moon"


def test_churkins_and_rices_words_are_two_statements(samples):
    _, attributions = samples
    [churkin] = said(attributions, "much better understanding")
    assert speaker_name(churkin) == "Vitaly Churkin"
    assert "Rice" not in churkin.content and "difficult issues" not in churkin.content
    [rice] = said(attributions, "one of the more difficult issues")
    assert speaker_name(rice) == "Susan Rice"


def test_junk_heads_and_pronouns_never_become_speakers(samples):
    _, attributions = samples
    names = roster_names(attributions)
    assert not names & {"any text", "both", "al", "his refusal", "nobody", "who", "which", "they", "he"}
    assert [n for n in names if name_problem(n)] == []
    # "Moscow ... demanded that any text rule out foreign intervention and warned it would veto ...": the parse
    # joins "warned" to the clause of what Moscow demanded; it is Moscow's second act, not the clause subject's
    # (before the fourth audit round's fixes the statement was kept with "any text" as an unresolved speaker)
    [warned] = [a for a in attributions if a.cue == "warned" and "veto" in a.content]
    assert warned.speaker.startswith("Moscow,") and speaker_name(warned) != "any text"


def test_relative_words_take_the_noun_they_hang_on(samples):
    _, attributions = samples
    asked = [a for a in attributions if a.speaker == "who" and a.cue == "asked"]
    assert asked and all(a.anonymous and a.speaker_description == "U.S. officials" for a in asked)


def test_al_assad_is_one_word(samples):
    _, attributions = samples
    told = [
        a for a in attributions if "anti-government protesters have stopped" in a.content and a.cue == "told"
    ]
    assert [(a.speaker, speaker_name(a)) for a in told] == [("al-Assad", "Bashar al-Assad")]


def test_penn_treebank_quotes_are_quotations():
    text = "Researchers say swine flu has `` full pandemic potential '' , spreading . `` We are ready , '' he said ."
    found = [text[r.start : r.end] for r in quotation_regions(text)]
    assert found == ["`` full pandemic potential ''", "`` We are ready , ''"]
    for marks in ('"Q one two"', "\u201cQ one two\u201d", "\u00abQ one two\u00bb", "``Q one two''"):
        assert [(r.start, r.end) for r in quotation_regions(f"x {marks} y")] == [(2, 2 + len(marks))]


def parse(text: str) -> tuple[list[Article], list]:
    pairs = list(annotate_docs([Article(id="t", source="t.txt", text=text)]))
    return [a for a, _ in pairs], [d for _, d in pairs]


def test_a_parenthetical_cue_reports_its_clause():
    articles, docs = parse(
        "Nawaf Fares urged members of Syria's military to join him, because, he said, there is no honor "
        "in killing one's own people."
    )
    attributions = find_attributions(articles, docs)
    [honor] = [a for a in attributions if "no honor" in a.content]
    assert honor.content.startswith("there is no honor") and speaker_name(honor) == "Nawaf Fares"


def test_pronouns_without_antecedent_are_unresolved():
    articles, docs = parse('"We will not stop," they said. It said the talks would go on.')
    attributions = find_attributions(articles, docs)
    assert attributions and all(speaker_name(a) is None for a in attributions)
    assert {a.speaker for a in attributions} <= {"they", "It"}


def mention(article: str, text: str, label: str, start: int = 0, titled: str = "") -> Mention:
    return Mention(article=article, text=text, start=start, end=start + len(text), label=label, titled=titled)


def keys(clusters):
    return {m.text + "@" + m.article: c.key for c in clusters for m in c.mentions}


def test_a_name_takes_the_type_most_of_its_mentions_give_it():
    mentions = [mention(f"a{i}", "Homs", "GPE") for i in range(5)] + [mention("b", "Homs", "PERSON")]
    assert {c.key for c in link(mentions, [])} == {"place:homs"}


def test_a_king_is_not_a_namesake_with_a_first_name():
    mentions = [
        mention("a", "Hadi Abdullah", "PERSON"),
        mention("a", "Abdullah", "PERSON", 40),
        mention("b", "King Abdullah", "PERSON"),
        mention("c", "Abdullah", "PERSON", 10, titled="King Abdullah"),
    ]
    found = keys(link(mentions, []))
    assert found["Abdullah@a"] == found["Hadi Abdullah@a"] == "person:hadi abdullah"
    assert found["King Abdullah@b"] == found["Abdullah@c"] == "person:king abdullah"


def test_words_glued_after_a_name_are_not_part_of_it():
    assert without_glued_words("Valerie Amos UN") == "Valerie Amos"
    assert without_glued_words("Ahmad Syrian") == "Ahmad"
    for name in ("Dawn French", "John Jordan", "George Bush II", "Kofi Annan"):
        assert without_glued_words(name) == name


def test_an_organisation_or_nationality_never_goes_to_a_person_by_last_word():
    people = [Entity("person:valerie-amos", "Valerie Amos", "person", ["Valerie Amos"], {"a": 1})]
    people.append(Entity("person:hadi-syrian", "Hadi Syrian", "person", ["Hadi Syrian"], {"a": 1}))
    attributions = [
        Attribution("The UN", 0, 6, "UN", "said", "x", "a", 10, 11, False),
        Attribution("Syrian", 0, 6, "Syrian", "said", "x", "a", 10, 11, False),
        Attribution("Amos", 0, 4, "Amos", "said", "x", "a", 10, 11, False),
    ]
    linked = link_speakers(attributions, people)
    assert [a.speaker_entity_id for a in linked] == [None, None, "person:valerie-amos"]


def test_roster_names_on_a_real_story_are_actors():
    """Twelve Timeline17 articles (LibyaWar_cnn, PTB-tokenized with `` '' quotes): no roster name is a
    pronoun, relative word, determiner or fragment, and quotations are found."""
    lines = (DATA / "timeline17" / "LibyaWar_cnn" / "articles.jsonl").read_text().splitlines()[:12]
    articles = [
        Article(id=str(i), source=f"{i}.txt", text=json.loads(line)["text"]) for i, line in enumerate(lines)
    ]
    pairs = list(annotate_docs(articles))
    docs = [d for _, d in pairs]
    attributions = find_attributions(articles, docs, roster=build_roster(articles, docs))
    assert sum(a.direct for a in attributions) >= 20
    assert [n for n in roster_names(attributions) if name_problem(n)] == []


def test_name_problem_tells_actors_from_pronouns_and_fragments():
    for bad in (
        "he",
        "It",
        "which",
        "both",
        "his refusal",
        "any text",
        "al",
        "many experts",
        "-LRB- CNN",
        "Libya 's and",
    ):
        assert name_problem(bad) is not None, bad
    for good in (
        "Ban Ki-moon",
        "US health officials",
        "UN",
        "the opposition",
        "senior U.S. officials",
        "Another source",
    ):
        assert name_problem(good) is None, good


def listed(text: str) -> dict[str, str | None]:
    """Each statement's first words -> the name it is listed under."""
    articles, docs = parse(text)
    return {" ".join(a.content.split()[:3]): speaker_name(a) for a in find_attributions(articles, docs)}


def test_he_or_she_never_takes_a_person_of_the_other_gender():
    found = listed(
        "Mr. Tom Clarke bought the mine in May. Ms. Maria Lopez said the mine would close. "
        '"We are not finished here," he said.'
    )
    assert found["the mine would"] == "Maria Lopez"
    assert found['"We are not'] == "Tom Clarke"


def test_namesakes_are_told_apart_by_place():
    found = listed(
        "Libertarian candidate Gary Johnson spoke in Ohio on Monday. Separately, Homeland Security Secretary "
        "Jeh Johnson warned about hackers. Johnson said officials should be vigilant, and he said the "
        "attacks would go on."
    )
    assert found["officials should be"] == "Jeh Johnson"
    assert found["the attacks would"] == "Jeh Johnson"


def test_a_rival_person_between_leaves_the_pronoun_unresolved():
    found = listed(
        'Chris Christie said the debate was over. Donald Trump spoke to Jim Smith on Friday. "It was a '
        'disgrace," he said.'
    )
    assert found['"It was a'] is None
    assert found["the debate was"] == "Chris Christie"


def test_he_is_not_the_body_quoted_before():
    found = listed('"We are open to all views," the network said. "We never take sides," he added.')
    assert found['"We never take'] is None


def test_roster_names_are_tidied_or_left_out():
    from storyline.who.entities import Cluster, entity_of
    from storyline.who.names import tidy_name

    assert tidy_name("Jacob Edwin Adams - the") == "Jacob Edwin Adams"
    assert tidy_name("Capel Bangor and") == "Capel Bangor"
    for bad in ("In Living Memory", "Radio Theatre at", "I. Am", "You Are Not Alone", "Jo"):
        assert name_problem(bad) is not None, bad
    cut = Cluster("org:capel bangor and", "ORG", [mention("a", "Capel Bangor and", "ORG")])
    entity = entity_of(cut, {})
    assert entity is not None and entity.name == "Capel Bangor"
    song = Cluster(
        "work_of_art:you are not alone", "WORK_OF_ART", [mention("a", "You Are Not Alone", "WORK_OF_ART")]
    )
    assert entity_of(song, {}) is None


def test_the_speaker_is_the_person_at_the_head_of_a_description():
    found = listed("Clinton communication director Jennifer Palmieri said Trump was reduced to insults.")
    assert found["Trump was reduced"] == "Jennifer Palmieri"


def test_a_pronoun_takes_the_namesake_of_its_gender():
    found = listed(
        "Ted Cruz said he would not vote for him. Ted Cruz spoke of his father. "
        "Heidi Cruz said she was proud of her work. Heidi Cruz thanked her staff. "
        'Cruz spoke on Monday. "The day that was abrogated was the day this became personal," he said.'
    )
    assert found['"The day that'] == "Ted Cruz"


@pytest.mark.gate
def test_gate_he_and_she_resolved_with_precision_on_polnear():
    """139 hand-judged he/she speakers of PolNeAR dev (benchmarks/pronouns.py): measured 128 resolved,
    108 right (precision 0.844; the rules before this change: 118 resolved, 92 right, 0.780)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "pronouns.py"
    spec = importlib.util.spec_from_file_location("pronouns_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.score(DATA / "polnear" / "dev")
    # 137 of the 139 are still he/she speakers since the quotation and participle rules of helper A (ninth session)
    # gave two of them another speaker; measured then 124 resolved, 103 right (0.831): see BENCHMARKS.md. Since
    # the round-5 pronoun rules (helper A, eleventh session: no "he" past a person described or spoken of in
    # between): 119 resolved, 100 right (0.840). Since the round-8 rules (helper A, thirteenth session: the one person
    # named in the sentence before, no place, no name spoken to): 126 resolved, 108 right (0.857)
    assert result["items"] == 139 and result["found"] >= 137
    assert result["resolved"] >= 122 and result["right"] >= 104 and result["precision"] >= 0.84


def test_a_count_of_people_is_no_described_source():
    found = listed(
        "At least 50 people said they had been turned away. Two senior officials said the talks failed."
    )
    assert found["they had been"] is None
    assert [n for k, n in found.items() if k.startswith("the talks")] == ["Two senior officials"]


def test_you_is_never_a_speaker_name():
    found = listed('"The vaccine is ready," the agency said. "You should see a doctor," you said.')
    assert [n for k, n in found.items() if k.startswith('"You should')] == [None]


def test_one_place_however_each_mention_was_tagged():
    # the recognizer tags "Gulf of Mexico" a location in one sentence, a place or a facility in others: one place
    mentions = (
        [mention(f"a{i}", "Gulf of Mexico", "LOC") for i in range(3)]
        + [mention(f"b{i}", "Gulf of Mexico", "GPE") for i in range(2)]
        + [mention("c", "Gulf of Mexico", "FAC")]
    )
    assert {c.key for c in link(mentions, [])} == {"place:gulf of mexico"}


def test_a_company_written_with_its_legal_suffix_is_the_same_company_without_it():
    mentions = (
        [mention("a", "Halliburton Co", "ORG"), mention("b", "Halliburton", "ORG")]
        + [mention(f"c{i}", "Halliburton", "GPE") for i in range(4)]
        # someone bears the name: the bare name stays the company's, not a surname's
        + [mention("d", "Joe Halliburton", "PERSON")]
        # "Cameron Inc." beside David Cameron: the bare name some mentions call a person is left to the person
        + [
            mention("e", "Cameron Inc", "ORG"),
            mention("f", "Cameron", "PERSON"),
            mention("f", "David Cameron", "PERSON"),
        ]
    )
    found = keys(link(mentions, []))
    assert {found["Halliburton Co@a"], found["Halliburton@b"]} | {
        found[f"Halliburton@c{i}"] for i in range(4)
    } == {"org:halliburton"}
    assert found["Cameron@f"].startswith("person:") and found["Cameron Inc@e"] == "org:cameron"
