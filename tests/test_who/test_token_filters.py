"""The array reads that pick tokens for the attribution and roster loops give what the token-by-token
tests gave (speed-ups only: issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "syria-assad"

TEXTS = [
    '"We will not leave," the minister said on Tuesday.\nAccording to officials, the talks failed.',
    "Obama, who has urged restraint, was according the rebels little time. Is it over? It is.",
    "",
    "\u201cNo,\u201d she said. They argued that the ceasefire was holding, and added nothing.",
]


@pytest.fixture(scope="module")
def docs(sample_articles):
    from storyline.annotate.nlp import load_nlp

    nlp = load_nlp()
    return [*nlp.pipe(TEXTS), *nlp.pipe(a.text for a in sample_articles[:3])]


def test_cue_candidates_hold_every_token_a_draft_can_start_from(docs):
    from storyline.who.attribution import RegionIndex, cue_candidates, draft_from_cue, quotation_regions
    from storyline.who.cues import load_cue_model

    model = load_cue_model()
    drafted = 0
    for doc in docs:
        index = RegionIndex(quotation_regions(doc.text), doc.text)
        chosen = {t.i for t in cue_candidates(doc)}
        for token in doc:
            draft = draft_from_cue(token, doc, index, model)
            if token.i not in chosen:
                assert draft is None, token.text
            drafted += draft is not None
        assert chosen == {t.i for t in doc if t.pos_ in ("VERB", "AUX") or t.lower_ == "according"}
    assert drafted > 10  # the check saw real cues


def test_a_sentence_holds_a_quote_as_its_tokens_say(docs):
    from storyline.who.cues import sentence_has_quote

    answers = set()
    for _ in range(2):  # documents in turn: the per-document counts are read again, never mixed up
        for doc in docs:
            for token in doc:
                expected = any(t.is_quote for t in token.sent)
                assert sentence_has_quote(token) == expected, (token.text, token.sent.text)
                answers.add(expected)
    assert answers == {True, False}


def test_nouns_are_the_tokens_tagged_noun(docs):
    from storyline.who.entities import nouns

    for doc in docs:
        assert [t.i for t in nouns(doc)] == [t.i for t in doc if t.pos_ == "NOUN"]
    assert sum(len(nouns(doc)) for doc in docs) > 50
