"""The comparison's array filters (speed-ups only) pass every token and sentence the token-by-token rules
can take, so what they find is what reading every token finds."""

from __future__ import annotations

import random

from storyline.compare.disputes import (
    CANDIDATE_LEMMAS,
    SentenceLocator,
    denial_candidates,
    falsity,
    is_denial,
    sentence_position,
)
from storyline.compare.positions import leave_power_predicates, predicate_sentences

DISPUTES = (
    "The government denied that its forces fired on protesters. Officials called the reports baseless, and "
    "the ministry said the allegations were untrue. Rebels rejected claims that they had retreated. He did "
    "not deny it. A spokesman described the account as false. The army disputes the toll."
)


def test_denial_candidates_hold_every_token_the_rules_accept(samples):
    from storyline.annotate.nlp import load_nlp

    _, docs = samples
    accepted = 0
    for doc in [*docs, load_nlp()(DISPUTES)]:
        candidates = denial_candidates(doc)
        assert candidates == sorted(set(candidates))
        for token in doc:
            if is_denial(token) or falsity(token) is not None:
                accepted += 1
                assert token.i in candidates, token.sent.text
        # and nothing else but the lemmas the rules start from
        assert all(doc[i].lemma_.lower() in CANDIDATE_LEMMAS for i in candidates)
        assert len(candidates) < len(doc)
    assert accepted >= 5  # the made-up denials and claims called false


def test_predicate_sentences_hold_every_sentence_with_a_leave_power_predicate(samples):
    _, docs = samples
    with_predicate = 0
    for doc in docs:
        chosen = [(s.start, s.end) for s in predicate_sentences(doc)]
        assert chosen == sorted(set(chosen))
        for sentence in doc.sents:
            if leave_power_predicates(sentence):
                with_predicate += 1
                assert (sentence.start, sentence.end) in chosen, sentence.text
        assert len(chosen) < len(list(doc.sents))  # the filter leaves sentences out
    assert with_predicate > 0  # "Assad must step down" and its kin


def test_sentence_locator_equals_the_scan(samples):
    articles, docs = samples
    draw = random.Random(7)
    for article, doc in zip(articles, docs, strict=True):
        locate = SentenceLocator(article)
        assert locate.ordered
        spans = [(s.start_char, s.end_char) for s in doc.sents]
        spans += [(s.start, s.end) for s in article.sentences]
        for _ in range(200):
            start = draw.randrange(len(article.text) + 1)
            spans.append((start, start + draw.randrange(0, 300)))
        spans.append((len(article.text) + 5, len(article.text) + 10))
        for start, end in spans:
            assert locate(start, end) == sentence_position(article, start, end), (start, end)
