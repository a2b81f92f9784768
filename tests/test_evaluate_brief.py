import pytest

from storyline.evaluate import brief as evaluation
from storyline.model import Article, Brief, Citation, CitedSentence, Summary

from .conftest import DATA

T17 = DATA / "timeline17"


def citation(article: str, outlet: str | None) -> Citation:
    return Citation(
        article=article, source=article, outlet=outlet, published=None, sentence=0, start=0, end=5
    )


def test_names_that_are_not_actors_are_told_apart_from_names_and_described_sources():
    for name in ("he", "It", "which", "who", "any text", "both", "al", "his refusal", "of the"):
        assert evaluation.bad_name(name), name
    for name in (
        "Jim Muir",
        "Ban Ki-moon",
        "UN",
        "a senior U.S. official",
        "officials",
        "the ministry",
        "al-Assad",
    ):
        assert evaluation.bad_name(name) is None, name


def test_the_measure_takes_its_words_from_the_roster_filter_but_never_calls_it(monkeypatch):
    from storyline.who import names

    assert evaluation.PRONOUNS is names.PRONOUNS and evaluation.RELATIVES is names.RELATIVE_WORDS
    assert names.CLOSED_CLASS >= evaluation.PRONOUNS | evaluation.RELATIVES | evaluation.DETERMINERS
    cases = ("he", "It", "which", "who", "both", "his refusal", "many experts", "whoever", "himself")
    cases += ("Ban Ki-moon", "US health officials", "Another source", "the opposition", "UN")
    expected = {name: names.name_problem(name) is None for name in cases}

    def called(_name: str) -> None:
        raise AssertionError("the measure called the filter it measures")

    monkeypatch.setattr(names, "name_problem", called)
    assert {name: evaluation.bad_name(name) is None for name in cases} == expected


def test_an_independence_count_above_the_known_outlets_cited_is_inconsistent():
    sentences = [
        CitedSentence("A.", [citation("1", "Reuters"), citation("2", "BBC")], independent_outlets=2),
        CitedSentence("B.", [citation("3", None), citation("4", "unknown")], independent_outlets=2),
        CitedSentence("C.", [citation("5", None)], independent_outlets=1),
    ]
    checks = evaluation.count_checks(Brief(articles=[], summary=Summary(sentences)))
    assert [(count, known) for _, count, known in checks] == [(2, 2), (2, 0), (1, 0)]


def test_template_rate_counts_recurring_text_over_different_bodies_only():
    widget = "Comments are not pre-screened before they post."
    articles = [
        Article(id=str(i), source=str(i), text=f"Report {i} on the talks in city number {i}.\n{widget}")
        for i in range(6)
    ]
    counter = evaluation.TemplateCounter(articles)
    assert counter.recurs(widget) and counter.recurs(f"Talks. {widget}")
    assert not counter.recurs("Report 3 on the talks in city number 3.")
    copies = [
        Article(id=f"c{i}", source="x", text=widget, duplicate_of="c0" if i else None) for i in range(6)
    ]
    assert not evaluation.TemplateCounter(copies).recurs(widget)


def test_judged_audit_is_scored_per_kind_with_agreement():
    def item(kind: str, a: str, b: str, adjudicated: str | None = None) -> dict:
        found = {"kind": kind, "judgements": [{"judge": "A", "verdict": a}, {"judge": "B", "verdict": b}]}
        if adjudicated:
            found["adjudicated"] = adjudicated
        return found

    items = [
        item("speaker_statement", "correct", "correct"),
        item("speaker_statement", "correct", "wrong", "wrong"),
        item("speaker_statement", "wrong", "wrong"),
        item("speaker_statement", "correct", "unsure"),  # not decided: left out of precision
        item("position", "correct", "correct"),
    ]
    scores = evaluation.score_judged(items)
    speaker = scores["speaker_statement"]
    assert (speaker["items"], speaker["decided"], speaker["precision"]) == (4, 3, 0.333)
    assert speaker["agreement"] == 0.5 and not speaker["met"]
    assert scores["position"]["precision"] == 1.0 and scores["position"]["met"]
    assert "contradiction" not in scores


def test_judged_audit_is_scored_per_split_too():
    def item(split: str, verdict: str) -> dict:
        judged = [{"judge": "A", "verdict": verdict}, {"judge": "B", "verdict": verdict}]
        return {"kind": "position", "split": split, "judgements": judged}

    items = [item("development", "correct"), item("development", "wrong"), item("held-out", "correct")]
    by_split = evaluation.score_judged(items)["position"]["by_split"]
    assert by_split == {
        "development": {"decided": 2, "precision": 0.5},
        "held-out": {"decided": 1, "precision": 1.0},
    }


def test_the_timeline17_split_marks_each_source():
    assert len(evaluation.DEVELOPMENT) == len(evaluation.HELD_OUT) == 6
    assert not evaluation.DEVELOPMENT & evaluation.HELD_OUT
    assert (
        evaluation.split_of_source("../shared/data/timeline17/LibyaWar_cnn/articles.jsonl") == "development"
    )
    assert evaluation.split_of_source("../shared/data/timeline17/bpoil_bbc/articles.jsonl:3") == "held-out"
    assert evaluation.split_of_source("../shared/data/multinews/dev.jsonl") == "development"
    both = ["x/bpoil_bbc/articles.jsonl", "x/bpoil_reuters/articles.jsonl"]
    assert evaluation.split_of(both) == "mixed"


def test_folders_joined_by_plus_are_one_corpus_with_their_outlets():
    given = f"{T17 / 'H1N1_guardian'}+{T17 / 'H1N1_bbc'}"
    (corpus,) = evaluation.read_corpora([given])
    assert corpus.name == "H1N1[guardian+bbc]"
    outlets = {a.outlet for a in corpus.articles}
    assert outlets == {"guardian", "bbc"}
    assert all(a.outlet_provenance == "user" for a in corpus.articles)
    alone = [evaluation.read_corpora([str(T17 / t)])[0] for t in ("H1N1_guardian", "H1N1_bbc")]
    assert len(corpus.articles) == sum(len(c.articles) for c in alone)
    assert len(corpus.references) == sum(len(c.references) for c in alone)
    with pytest.raises(evaluation.UsageError):
        evaluation.read_corpora([f"{T17 / 'H1N1_guardian'}+{T17 / 'no-such-topic'}"])


@pytest.fixture(scope="module")
def h1n1():
    kept: list = []
    result = evaluation.evaluate([str(T17 / "H1N1_guardian")], keep=kept)
    return result, kept


def test_audit_sample_carries_evidence_for_every_item(h1n1, tmp_path):
    _, kept = h1n1
    sample = evaluation.sample_audit(kept, 4)
    kinds = {item["kind"] for item in sample}
    assert {"speaker_statement", "roster_merge", "timeline_entry"} <= kinds
    for item in sample:
        assert item["evidence"] and item["judgements"] == []
        assert all(e.get("sentence") for e in item["evidence"] if "sentence" in e)
        assert all("outlet" in e and "published" in e for e in item["evidence"])
        assert item["split"] == "held-out"  # H1N1_guardian is a held-out topic
    assert evaluation.sample_audit(kept, 4) == sample  # a fixed seed: the same sample again
    assert evaluation.sample_audit(kept, 4, seed=14) != sample  # another seed, another round


@pytest.mark.gate
def test_gate_brief_on_a_timeline17_topic(h1n1):
    result, _ = h1n1
    (row,) = result["corpora"]
    # measured (issue 13, helper E: the story method, a held-out topic): template rate 0, 8 template lines cut,
    # story-level recall 0.256 / 0.104 (Lead 0.223 / 0.072, LexRank 0.252 / 0.097 on the same candidates);
    # with the story summary's readability refusals (helper G) 0.267 / 0.105 (Lead 0.223 / 0.072, LexRank 0.255 / 0.095)
    assert row["template_rate"] == 0.0
    assert row["template_lines_cut"] >= 5
    rouge = row["rouge"]["storyline"]
    assert rouge["rouge_1_recall"] >= 0.25 and rouge["rouge_2_recall"] >= 0.095
    for anchor in (evaluation.LEAD, evaluation.LEXRANK):
        other = row["rouge"][anchor]
        assert (
            rouge["rouge_1_recall"] > other["rouge_1_recall"]
            and rouge["rouge_2_recall"] > other["rouge_2_recall"]
        )
    assert row["items"]["summary"] >= 5
    # speakers that are actors (issue 13 item 4, helper C): no listed speaker name and no roster name is a
    # pronoun, relative word, determiner or fragment (before: 74 and 5); unresolved speakers are counted
    speakers = row["speakers"]
    assert speakers["bad_speaker_names"] == 0 and speakers["bad_roster_names"] == 0
    # only statements are listed since issue 13's statement rules (helper A): 290 speaker names of 856
    # statements (before: 392 of 1,411, actions, topics and negated cues among them)
    assert speakers["speaker_names"] >= 270 and 0 < speakers["unresolved_statements"] < speakers["statements"]


def test_a_roster_merge_is_shown_where_the_entity_is_mentioned():
    from storyline.model import Entity, EntityMention

    other = Article(id="a", source="a", text="Mark hosted the show.")
    other.entities = [EntityMention("Mark", "PERSON", 0, 4)]
    own = Article(id="b", source="b", text="Mark Perry wrote in. Mark asked about his family.")
    own.entities = [EntityMention("Mark Perry", "PERSON", 0, 10), EntityMention("Mark", "PERSON", 21, 25)]
    entity = Entity("person:mark perry", "Mark Perry", "person", ["Mark Perry", "Mark"], {"b": 2})
    brief = Brief(articles=[other, own], entities=[entity])
    (item,) = evaluation.audit_items(evaluation.Corpus("H1N1_bbc", [other, own]), brief)["roster_merge"]
    assert [e["article"] for e in item["evidence"]] == [
        "b",
        "b",
    ]  # not page "a", which the roster did not link


def test_a_claims_evidence_shows_every_outlet_it_is_counted_for_first():
    # audit round 6: six Fox sentences were shown for a claim counted for Fox and Reuters, the Reuters one
    # seventh and cut, so the judges could not see the second outlet
    cites = [Citation(f"f{i}", "x", "foxnews", None, 0, 0, 1) for i in range(7)]
    cites.append(Citation("r1", "x", "reuters", None, 0, 0, 1))
    shown = evaluation.outlets_first(cites)
    assert [c.article for c in shown] == ["f0", "r1", "f1", "f2", "f3", "f4"]
    assert evaluation.outlets_first(cites[:3], limit=2) == cites[:2]


def test_a_roster_merge_shows_the_mention_the_roster_merged():
    # audit round 6: "London" of the United Kingdom was shown in "expelled his diplomats from London" (the city,
    # an entry of its own) rather than in "London said ...", the capital speaking for its government
    from storyline.model import Entity, EntityMention, Sentence

    text = "Britain expelled his diplomats from London. London said it would recognise the council."
    page = Article(id="a", source="a", text=text)
    page.sentences = [Sentence(0, 43, 0), Sentence(44, len(text), 1)]
    page.entities = [
        EntityMention("Britain", "GPE", 0, 7),
        EntityMention("London", "GPE", 36, 42),
        EntityMention("London", "GPE", 44, 50),
    ]
    entity = Entity(
        "country:united-kingdom",
        "United Kingdom",
        "country",
        ["Britain", "London"],
        {"a": 2},
        named_at={"Britain": ("a", 0), "London": ("a", 44)},
    )
    brief = Brief(articles=[page], entities=[entity])
    (item,) = evaluation.audit_items(evaluation.Corpus("H1N1_bbc", [page]), brief)["roster_merge"]
    assert [e["sentence"] for e in item["evidence"]] == [
        "Britain expelled his diplomats from London.",
        "London said it would recognise the council.",
    ]
