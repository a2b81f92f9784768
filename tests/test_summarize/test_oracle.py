from rouge_score.rouge_scorer import RougeScorer

from storyline.summarize.oracle import (
    Reference,
    greedy_oracle,
    ngrams,
    rouge_gain_score,
    rouge_tokens,
    sentence_scores,
)

GOLD = "The United States called on Syria's president to step down. Allies joined the call."
SENTENCES = [
    "Weather was fine in Washington on Thursday.",
    "The United States called on Syria's president to step down on Thursday.",
    "European allies joined the call within hours.",
    "The United States called on the Syrian president to step down.",
]


def test_rouge_matches_googles_rouge_score():
    scorer = RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    expected = scorer.score(GOLD, SENTENCES[1])
    tokens = rouge_tokens(SENTENCES[1])
    value = rouge_gain_score(ngrams(tokens, 1), ngrams(tokens, 2), Reference.of(GOLD))
    assert abs(value - (expected["rouge1"].fmeasure + expected["rouge2"].fmeasure)) < 1e-9


def test_oracle_takes_the_closest_sentence_first_and_skips_repeats_and_noise():
    lengths = [len(s.split()) for s in SENTENCES]
    chosen = greedy_oracle(SENTENCES, lengths, GOLD, words=100)
    assert chosen[0] in (1, 3)
    assert 2 in chosen
    assert 0 not in chosen
    assert not {1, 3} <= set(chosen)


def test_oracle_respects_the_budget():
    lengths = [len(s.split()) for s in SENTENCES]
    chosen = greedy_oracle(SENTENCES, lengths, GOLD, words=9)
    assert sum(lengths[i] for i in chosen) <= 9


def test_sentence_scores_rank_the_paraphrase_above_the_noise():
    scores = sentence_scores(SENTENCES, GOLD)
    assert scores[1] > scores[0] and scores[3] > scores[0]
