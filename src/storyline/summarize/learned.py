"""``learned`` (the default): a sentence scorer trained on oracle labels, then MMR selection.

The scorer (the ``summary-scorer`` artefact) weighs salience across documents (centroid, centrality, cluster
vocabulary), a position prior, agreement between articles (near-copies, support from other
articles) and the sentence's form; see ``features.FEATURES``. The selection parameters come with it.
"""

from __future__ import annotations

from ..registry import summarizers
from .candidates import Pool
from .features import PoolVectors, pool_features
from .scorer import LinearScorer, shipped_scorer
from .select import select


def select_with(scorer: LinearScorer, pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    """Score the pool with ``scorer`` and select within ``words`` (used by training and evaluation too)."""
    scores = scorer.score(pool_features(pool, vectors))
    parameters = scorer.parameters
    return select(
        scores,
        [c.length for c in pool.candidates],
        vectors.similarity,
        words,
        redundancy=parameters.redundancy,
        max_similarity=parameters.max_similarity,
    )


@summarizers.register("learned")
def learned(pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    return select_with(shipped_scorer(), pool, vectors, words)
