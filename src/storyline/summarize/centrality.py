"""``centrality``: continuous LexRank over the candidates (Erkan & Radev 2004), with MMR.

Unlike a plain LexRank it only ranks eligible sentences (no captions, bylines or fragments) and
merges near-duplicates before ranking, so a wire story reprinted five times is one node.
"""

from __future__ import annotations

from ..registry import summarizers
from .candidates import Pool
from .features import PoolVectors, centrality
from .select import select


@summarizers.register("centrality")
def centrality_method(pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    scores = centrality(vectors.similarity)
    return select(scores, [c.length for c in pool.candidates], vectors.similarity, words)
