"""Training labels: the greedy extractive oracle against a gold summary (needs ``rouge-score``).

The oracle adds, one at a time, the candidate that most raises ROUGE-1 F + ROUGE-2 F of the summary
so far against the gold, and stops when no candidate raises it or nothing fits the budget. Its
choices are the positive labels the sentence scorer learns from. Used for training and evaluation
only (``rouge-score`` is a benchmark dependency), never to summarize.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


def rouge_tokens(text: str) -> list[str]:
    """Tokens as Google's ``rouge-score`` sees them (lower case, alphanumeric, Porter-stemmed)."""
    return _tokenizer().tokenize(text)


_TOKENIZER = None


def _tokenizer():  # type: ignore[no-untyped-def]
    global _TOKENIZER
    if _TOKENIZER is None:
        from rouge_score.tokenizers import DefaultTokenizer

        _TOKENIZER = DefaultTokenizer(use_stemmer=True)
    return _TOKENIZER


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f_measure(overlap: int, produced: int, wanted: int) -> float:
    if overlap == 0 or produced == 0 or wanted == 0:
        return 0.0
    precision, recall = overlap / produced, overlap / wanted
    return 2 * precision * recall / (precision + recall)


@dataclass
class Reference:
    """A gold summary's unigram and bigram counts."""

    unigrams: Counter[tuple[str, ...]]
    bigrams: Counter[tuple[str, ...]]

    @classmethod
    def of(cls, text: str) -> Reference:
        tokens = rouge_tokens(text)
        return cls(ngrams(tokens, 1), ngrams(tokens, 2))


def rouge_gain_score(
    unigrams: Counter[tuple[str, ...]], bigrams: Counter[tuple[str, ...]], reference: Reference
) -> float:
    """ROUGE-1 F + ROUGE-2 F of the given n-gram counts against the reference."""
    r1 = f_measure(
        sum((unigrams & reference.unigrams).values()),
        sum(unigrams.values()),
        sum(reference.unigrams.values()),
    )
    r2 = f_measure(
        sum((bigrams & reference.bigrams).values()),
        sum(bigrams.values()),
        sum(reference.bigrams.values()),
    )
    return r1 + r2


def greedy_oracle(texts: Sequence[str], lengths: Sequence[int], reference: str, words: int) -> list[int]:
    """Indices of the sentences the greedy oracle picks, in the order picked."""
    gold = Reference.of(reference)
    tokens = [rouge_tokens(t) for t in texts]
    unigram_counts = [ngrams(t, 1) for t in tokens]
    bigram_counts = [ngrams(t, 2) for t in tokens]
    chosen: list[int] = []
    current_uni: Counter[tuple[str, ...]] = Counter()
    current_bi: Counter[tuple[str, ...]] = Counter()
    best_score = 0.0
    remaining = words
    while True:
        best_index, best_value = -1, best_score
        for i in range(len(texts)):
            if i in chosen or lengths[i] > remaining:
                continue
            value = rouge_gain_score(current_uni + unigram_counts[i], current_bi + bigram_counts[i], gold)
            if value > best_value + 1e-9:
                best_index, best_value = i, value
        if best_index < 0:
            return chosen
        chosen.append(best_index)
        current_uni += unigram_counts[best_index]
        current_bi += bigram_counts[best_index]
        best_score = best_value
        remaining -= lengths[best_index]


def sentence_scores(texts: Sequence[str], reference: str) -> list[float]:
    """Each sentence's own ROUGE-1 F + ROUGE-2 F against the gold (a soft label)."""
    gold = Reference.of(reference)
    scores = []
    for text in texts:
        tokens = rouge_tokens(text)
        scores.append(rouge_gain_score(ngrams(tokens, 1), ngrams(tokens, 2), gold))
    return scores
