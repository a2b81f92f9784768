import json

from storyline.cli.main import main
from storyline.compare.claims import figures, find_claims
from storyline.model import Article, Sentence

from ..conftest import SAMPLES


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
    assert set(data) == {"articles", "claims", "positions", "reversals", "problems"}
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
    assert main(["who", "-q", "--limit", "100", str(SAMPLES)]) == 0  # every speaker
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
