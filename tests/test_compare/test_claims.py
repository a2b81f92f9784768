import json

from storyline.cli.main import main
from storyline.compare.claims import compare, figures, find_claims
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


def made(rows):
    """Articles of one sentence each: (id, outlet, text, published)."""
    import datetime as dt

    articles = []
    for identifier, outlet, text, day in rows:
        articles.append(
            Article(
                id=identifier,
                source=identifier,
                text=text,
                outlet=outlet,
                published=dt.date(2011, 3, day) if day else None,
                sentences=[Sentence(0, len(text))],
            )
        )
    return articles


def test_the_samples_share_one_claim_across_cnn_and_the_wire(samples):
    articles, docs = samples
    shared = [c for c in compare(articles, docs).claims if c.independent_outlets > 1]
    assert len(shared) == 1  # precision first: nothing else is carried by two outlets
    claim = shared[0]
    assert set(claim.outlets) == {"CNN", "The Wire"} and claim.independent_outlets == 2
    cited = {by.article: by for by in claim.citations}
    texts = [a.text[cited[a.id].start : cited[a.id].end] for a in articles if a.id in cited]
    assert all("operations" in t and "stopped" in t for t in texts)


def test_a_paraphrase_is_one_claim_and_a_topical_neighbour_is_not():
    articles = made(
        [
            (
                "a",
                "Wire",
                "President Assad told the U.N. chief that military operations against protesters had stopped.",
                0,
            ),
            (
                "b",
                "Paper",
                "The military operations against the protesters have stopped, Assad assured the U.N. secretary-general.",
                0,
            ),
            (
                "c",
                "Radio",
                "Protesters said military operations against them went on in Latakia despite U.N. pressure.",
                0,
            ),
        ]
    )
    claims = find_claims(articles)
    together = next(c for c in claims if "a" in c.articles)
    assert set(together.articles) == {"a", "b"}
    assert all(c.articles == ["c"] for c in claims if "c" in c.articles)


def test_contradictions_need_the_same_day_and_never_pit_an_article_against_itself():
    same_day = made(
        [
            ("a", "Wire", "Rebels said 300 soldiers defected to the opposition in Homs on Tuesday.", 1),
            ("b", "Paper", "Rebels said 500 soldiers defected to the opposition in Homs on Tuesday.", 1),
        ]
    )
    claims = find_claims(same_day)
    assert [len(c.contradicts) for c in claims] == [1, 1]
    later = made(
        [
            ("a", "Wire", "Rebels said 300 soldiers defected to the opposition in Homs on Tuesday.", 1),
            ("b", "Paper", "Rebels said 500 soldiers defected to the opposition in Homs on Tuesday.", 4),
        ]
    )
    assert all(not c.contradicts for c in find_claims(later))  # a count updated days later
    one = "Rebels said 300 soldiers defected in Homs. Rebels said 500 soldiers defected in Homs."
    article = Article(
        id="a", source="a", text=one, outlet="Wire", sentences=[Sentence(0, 42), Sentence(43, len(one))]
    )
    assert all(not c.contradicts for c in find_claims([article]))


def test_a_dispute_needs_the_denial_to_bear_on_the_other_claim():
    disputed = made(
        [
            (
                "a",
                "Wire",
                "Security forces fired on peaceful protesters in Deraa on Friday, witnesses said.",
                1,
            ),
            (
                "b",
                "Paper",
                "Security forces never fired on peaceful protesters in Deraa on Friday, the ministry said.",
                1,
            ),
        ]
    )
    assert any(c.contradicts for c in find_claims(disputed))
    aside = made(
        [
            ("a", "Wire", "Comments are welcome as long as you follow the rules of conduct on this site.", 1),
            (
                "b",
                "Paper",
                "Your email (required, but will not be displayed): comments are welcome as long as you follow the rules of conduct.",
                1,
            ),
        ]
    )
    assert all(not c.contradicts for c in find_claims(aside))


def test_a_bound_or_an_estimate_is_no_contradicting_count():
    articles = made(
        [
            ("a", "Wire", "The State Department said 42 Americans have been evacuated from Egypt so far.", 1),
            (
                "b",
                "Paper",
                "The State Department said more than 2,400 Americans have been evacuated from Egypt.",
                1,
            ),
        ]
    )
    assert all(not c.contradicts for c in find_claims(articles))


def test_sentences_sharing_only_names_or_a_headline_are_not_one_claim():
    from storyline.annotate.nlp import load_nlp

    articles = made(
        [
            ("a", "Fox", "But Justin Taffinder of New Orleans was not amused by the joke.", 16),
            ("b", "Post", "We don't pray to them, said Justin Taffinder of New Orleans on the joke.", 17),
            ("c", "Fox", "He lashed out at BP over the monumental oil spill in the Gulf of Mexico.", 16),
            ("d", "Guardian", "Live video of the BP oil spill in the Gulf of Mexico.", 17),
            ("e", "Reuters", "Obama said BP was a strong and viable company that should remain so.", 17),
            ("f", "Post", "BP is a strong and viable company that should remain so, Obama said.", 17),
        ]
    )
    docs = list(load_nlp().pipe(a.text for a in articles))
    shared = [sorted(c.articles) for c in find_claims(articles, [], docs) if c.independent_outlets > 1]
    assert ["a", "b"] not in shared and ["c", "d"] not in shared
