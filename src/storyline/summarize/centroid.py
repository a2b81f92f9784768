"""``centroid``: sentences closest to the cluster's TF-IDF centroid (Radev et al. 2004), with MMR."""

from __future__ import annotations

from ..registry import summarizers
from .candidates import Pool
from .features import FEATURES, PoolVectors, pool_features
from .select import select


@summarizers.register("centroid")
def centroid(pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    scores = pool_features(pool, vectors)[:, FEATURES.index("centroid")]
    return select(scores, [c.length for c in pool.candidates], vectors.similarity, words)
