import dataclasses
import datetime as dt
import json

import pytest

from storyline.annotate.nlp import annotate_docs, load_nlp
from storyline.cli.main import main
from storyline.compare.claims import compare, figures, find_claims
from storyline.compare.positions import find_positions, find_reversals, stances_in
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article, Sentence
from storyline.who.entities import build_roster

from .conftest import SAMPLES

# The two samples whose text states no date, dated as a user would (the day before the U.S. call).
EVENT_DAY = dt.date(2011, 8, 17)


@pytest.fixture(scope="module")
def samples():
    pairs = list(annotate_docs(prepare(read([str(SAMPLES)]), on_problem=print)))
    articles = []
    for article, _ in pairs:
        if article.published is None:
            article = dataclasses.replace(article, published=EVENT_DAY, published_provenance="user")
        articles.append(article)
    return articles, [d for _, d in pairs]


@pytest.fixture(scope="module")
def comparison(samples):
    articles, docs = samples
    return compare(articles, docs)


def test_washington_reverses_on_assad_stepping_down(comparison, samples):
    reversals = [r for r in comparison.reversals if r.actor == "United States" and "Assad" in r.proposition]
    assert len(reversals) == 1, comparison.reversals
    reversal = reversals[0]
    assert (reversal.from_, reversal.to) == ("support", "oppose")
    assert reversal.from_date < reversal.to_date
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


def test_stance_rules_compose():
    nlp = load_nlp()

    def stance(text):
        found = stances_in(next(nlp(text).sents))
        assert found, text
        return found[0].stance, found[0].actor.text if found[0].actor is not None else None

    assert stance("France called on the president to step down.") == ("support", "France")
    assert stance("France will not call for the president to resign.") == ("oppose", "France")
    assert stance("Smith backed away from the demand that the president resign.")[0] == "oppose"
    assert stance("Smith said the president should step down.") == ("support", "Smith")
    assert stance("The envoy resisted calling for his ouster.")[0] == "oppose"


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


def test_claims_group_paraphrases_and_count_outlets_once():
    texts = [
        ("a", "Wire", "The army pulled 300 soldiers out of Homs on Tuesday, officials said."),
        ("b", "Paper", "The army pulled 300 soldiers out of Homs on Tuesday, officials said on Wednesday."),
        ("c", "Wire", "The army pulled 300 soldiers out of Homs on Tuesday, officials said."),
        ("d", "Radio", "The army pulled 500 soldiers out of Homs on Tuesday, rebels said."),
    ]
    articles = []
    for identifier, outlet, text in texts:
        articles.append(
            Article(
                id=identifier, source=identifier, text=text, outlet=outlet, sentences=[Sentence(0, len(text))]
            )
        )
    articles[2].duplicate_of = "a"
    claims = find_claims(articles)
    first = next(c for c in claims if set(c.articles) == {"a", "b", "c"})
    assert first.independent_outlets == 2  # the wire copy counts once
    other = next(c for c in claims if c.articles == ["d"])
    assert claims.index(other) in first.contradicts  # 300 soldiers against 500 soldiers


def test_figures_ignore_years():
    assert figures("In 2011, 7,000 defectors joined; 15 percent left.") == {
        "defector": {"7000"},
        "percent": {"15"},
    }


def test_compare_command_json(capsys):
    assert main(["compare", "--json", "-q", str(SAMPLES)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"articles", "claims", "positions", "reversals"}
    assert len(data["articles"]) == 5
    for claim in data["claims"]:
        assert {"text", "articles", "outlets", "independent_outlets", "attributed_to", "contradicts"} <= set(
            claim
        )
    for position in data["positions"]:
        assert {"actor", "proposition", "stance", "date", "citation"} <= set(position)
    for reversal in data["reversals"]:
        assert {"actor", "proposition", "from", "to", "citations"} <= set(reversal)


def test_who_command_text(capsys):
    assert main(["who", "-q", str(SAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "Bashar al-Assad" in out and "WHO SAID WHAT" in out
    assert "anonymous: senior U.S. officials" in out


def test_a_dispute_from_another_source_contradicts():
    texts = [
        (
            "a",
            "Agency",
            "Military and police operations against the protesters in Latakia have stopped, officials said.",
        ),
        (
            "b",
            "Daily",
            "Activists denied that military and police operations against the protesters in Latakia had stopped.",
        ),
        ("c", "Daily", "The weather in Latakia was mild and sunny all week, residents said."),
    ]
    articles = [
        Article(id=i, source=i, text=t, outlet=o, sentences=[Sentence(0, len(t))]) for i, o, t in texts
    ]
    claims = find_claims(articles)
    by_article = {c.articles[0]: n for n, c in enumerate(claims)}
    assert by_article["b"] in claims[by_article["a"]].contradicts
    assert not claims[by_article["c"]].contradicts
