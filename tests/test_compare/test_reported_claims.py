"""Multi-outlet claims of reported statements, the twelfth precision audit's errors as rules (issue 13): a
reported statement's claim is what it reports, not its frame ("X, a spokeswoman for Y, said"), and two
agencies' counts are two claims. Made-up articles (other names and numbers); each test fails before the rule."""

from __future__ import annotations

import datetime as dt

from storyline.compare.claims import find_claims
from storyline.model import Article, Sentence
from storyline.who.attribution import find_attributions


def shared(rows: list[tuple[str, str, str]]) -> list[list[str]]:
    """The article groups of the claims carried by two outlets, with parses and attributions."""
    from storyline.annotate.nlp import load_nlp

    nlp = load_nlp()
    docs = [nlp(text) for _, _, text in rows]
    articles = [
        Article(
            id=identifier,
            source=identifier,
            text=text,
            outlet=outlet,
            published=dt.date(2010, 12, 3),
            sentences=[Sentence(s.start_char, s.end_char) for s in doc.sents],
        )
        for (identifier, outlet, text), doc in zip(rows, docs, strict=True)
    ]
    attributions = find_attributions(articles, docs)
    return [
        sorted(c.articles) for c in find_claims(articles, attributions, docs) if c.independent_outlets > 1
    ]


def test_two_quotes_of_one_speaker_share_only_their_frame():
    # bpoil, round 12 (and 11): Priya Aiyar's "They are going to argue it was less" and "it's going to be
    # litigated", both framed "..., the commission's deputy chief counsel, said"
    rows = [
        (
            "a",
            "Fox News",
            '"They are going to fight every figure," said Maria Delgado, the panel\'s deputy chief counsel.',
        ),
        (
            "b",
            "Reuters",
            '"It is going to be settled in court," Maria Delgado, deputy chief counsel of the panel, said on '
            "Friday.",
        ),
    ]
    assert shared(rows) == []
    # the same words reported by both outlets stay one claim, however each frames them
    same = [
        rows[0],
        ("b", "Reuters", '"They are going to fight every figure," Maria Delgado of the panel said.'),
    ]
    assert shared(same) == [["a", "b"]]


def test_two_agencies_counts_are_two_claims():
    # bpoil, round 12: the Coast Guard's "shut down two platforms and evacuated one of them" against the Minerals
    # Management Service's "two platforms shut down and a third evacuated"
    rows = [
        (
            "a",
            "Fox News",
            "The Coast Guard said Saturday it had closed three coastal terminals and emptied one of them near "
            "the fire as a safety measure.",
        ),
        (
            "b",
            "Reuters",
            "The Interior Department said three coastal fuel terminals had been closed and a fourth was emptied as a "
            "safety measure.",
        ),
    ]
    assert shared(rows) == []
    # the same count from one source, told by two outlets, is one claim
    one_source = [rows[0], ("b", "Reuters", rows[1][2].replace("The Interior Department", "The Coast Guard"))]
    assert shared(one_source) == [["a", "b"]]
