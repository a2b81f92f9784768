"""Budgeted selection with redundancy control (maximal marginal relevance, Carbonell & Goldstein 1998).

Sentences are taken one at a time by their score, discounted by their similarity to what is already
chosen, until nothing more fits the word budget. Whole sentences only: one that does not fit is
passed over and a shorter one may still be taken.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Never take a sentence this similar (cosine of TF-IDF) to one already in the summary.
MAX_SIMILARITY = 0.5


def normalize(scores: np.ndarray) -> np.ndarray:
    """Scores mapped to [0, 1] within the pool (only their order and spacing matter to MMR)."""
    if scores.size == 0:
        return scores
    low, high = float(scores.min()), float(scores.max())
    if high - low < 1e-12:
        return np.ones_like(scores)
    return (scores - low) / (high - low)


def select(
    scores: np.ndarray,
    lengths: Sequence[int],
    similarity: np.ndarray,
    words: int,
    redundancy: float = 0.3,
    max_similarity: float = MAX_SIMILARITY,
) -> list[int]:
    """Indices of the chosen candidates, in the order they were chosen (best first).

    ``redundancy`` weighs the similarity to the summary so far against the score (0 = plain greedy
    by score); ``max_similarity`` is a hard ceiling on that similarity.
    """
    relevance = normalize(np.asarray(scores, dtype=float))
    n = relevance.size
    chosen: list[int] = []
    closest = np.zeros(n)
    available = np.ones(n, dtype=bool)
    remaining = words
    length_array = np.asarray(lengths)
    while True:
        available &= length_array <= remaining
        available &= closest < max_similarity
        if not available.any():
            break
        value = np.where(available, (1 - redundancy) * relevance - redundancy * closest, -np.inf)
        best = int(np.argmax(value))
        chosen.append(best)
        available[best] = False
        remaining -= int(length_array[best])
        closest = np.maximum(closest, similarity[best])
    return chosen
