"""``--limit`` bounds every list the text output names, and long lists are summarised."""

from __future__ import annotations

from storyline.model import Article, Attribution, Claim, Comparison, Entity, Position, Sentence, cite
from storyline.present import compare as present_compare
from storyline.present import who as present_who
from storyline.present.lists import date_span, joined


def article(identifier: str = "a") -> Article:
    text = "Someone said something about the matter at hand today."
    return Article(
        id=identifier, source=identifier, text=text, outlet="Wire", sentences=[Sentence(0, len(text))]
    )


def attribution(speaker: str, number: int) -> Attribution:
    return Attribution(
        speaker=speaker,
        speaker_start=None,
        speaker_end=None,
        speaker_entity=speaker,
        cue="said",
        content=f"statement number {number}",
        article="a",
        start=0,
        end=10,
        direct=False,
    )


def test_who_limit_bounds_entries_speakers_and_statements():
    entities = [
        Entity(
            id=f"e{i}",
            name=f"Person {i}",
            type="person",
            aliases=[f"Person {i}"],
            mentions={"a": 1},
            roles=[{"role": "minister", "date": f"2011-01-{d:02d}"} for d in range(1, 29)],
        )
        for i in range(30)
    ]
    attributions = [attribution(f"Speaker {s}", n) for s in range(25) for n in range(50)]
    out = present_who.render_text([article()], entities, attributions, limit=5)
    lines = out.splitlines()
    assert sum(1 for line in lines if line.startswith("Person ")) == 5
    assert sum(1 for line in lines if line.startswith("Speaker ")) == 5
    assert sum(1 for line in lines if line.startswith("    - said:")) == 25  # 5 speakers x 5 statements
    assert "… and 25 more entries" in out and "… and 20 more speakers" in out
    assert "… and 45 more statements" in out
    assert "minister (2011-01-01 … 2011-01-28, 28 dates)" in out  # not 28 dates in one line
    assert len(lines) < 100  # of 30 entries and 1,250 statements


def test_compare_limit_bounds_every_list():
    one = article()
    citation = cite(one, one.sentences[0])
    claims = [
        Claim(
            text=f"claim {i}",
            articles=["a"],
            outlets=["Wire"],
            independent_outlets=1,
            attributed_to=["X"],
            contradicts=[],
            citations=[citation],
        )
        for i in range(40)
    ]
    for i in range(0, 40, 2):
        claims[i].contradicts.append(i + 1)
        claims[i + 1].contradicts.append(i)
    positions = [
        Position(
            actor=f"Actor {i}", proposition="Y steps down", stance="support", date=None, citation=citation
        )
        for i in range(30)
    ]
    out = present_compare.render_text([one], Comparison(claims=claims, positions=positions, reversals=[]), 3)
    assert "POSITIONS (30)" in out and out.count("'Y steps down'") == 3
    assert "CONTRADICTIONS (20)" in out and out.count("    vs ") == 3
    assert out.count("  [X] claim") == 3
    assert out.count("… and 27 more") == 1 and out.count("… and 17 more") == 1 and "… and 37 more" in out


def test_lists_helpers():
    assert joined(["a", "b", "c", "d"], 2) == "a, b and 2 more"
    assert joined(["a", "b"], 2) == "a, b"
    assert date_span(["2011", "2010"]) == "2010, 2011"
    assert date_span(["2011-01-02", "undated", "2011-01-01", "2011-03-01", "2012"]) == (
        "2011-01-01 … 2012, 4 dates, and undated"
    )


def test_statements_without_a_resolved_speaker_are_listed_after_the_named_speakers():
    unresolved = [
        Attribution(
            speaker="he",
            speaker_start=None,
            speaker_end=None,
            speaker_entity=None,
            cue="said",
            content=f"an unresolved statement {n}",
            article="a",
            start=0,
            end=10,
            direct=False,
        )
        for n in range(40)
    ]
    named = [attribution("Ban Ki-moon", n) for n in range(3)]
    out = present_who.render_text([article()], [], unresolved + named, limit=5)
    speakers = [line for line in out.splitlines() if line and not line.startswith((" ", "…", "WHO"))]
    assert speakers[0].startswith("Ban Ki-moon")
    assert speakers[-1].startswith("unresolved speaker  (40)")


def test_claims_of_articles_of_unknown_source_say_so_not_empty_brackets_or_zero_outlets():
    from storyline.present.html import ArticleIndex, claims_matrix, contradictions

    one = Article(id="a", source="a", text="X denied it. It happened.", sentences=[Sentence(0, 12)])
    citation = cite(one, one.sentences[0])
    claims = [
        Claim("X denied it.", ["a"], [], 0, ["X"], [1], [citation], unknown_sources=1),
        Claim("It happened.", ["a"], [], 0, [], [0], [citation], unknown_sources=1),
    ]
    index = ArticleIndex([one])
    pair = contradictions(claims, {0, 1}, index)
    assert "()" not in pair and pair.count("(unknown source)") == 2
    table = claims_matrix(claims, [0, 1], index, 2)
    assert "0 outlets" not in table and "none from a known outlet" in table
    known = [
        Claim("A.", ["a"], ["Wire"], 1, [], [1], [citation]),
        Claim("B.", ["a"], ["Wire"], 1, [], [0], [citation]),
    ]
    assert "across 1 outlet" in claims_matrix(known, [0, 1], index, 2)
    assert "(Wire)" in contradictions(known, {0, 1}, index)
