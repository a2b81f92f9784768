"""``lead``: the first sentences of each article in turn (round robin), the classic news baseline."""

from __future__ import annotations

from ..registry import summarizers
from .candidates import Pool
from .features import PoolVectors


@summarizers.register("lead")
def lead(pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    """Article 1's first sentence, article 2's first, ..., then every article's second, and so on."""
    by_article: dict[int, list[tuple[int, int]]] = {}
    for i, candidate in enumerate(pool.candidates):
        by_article.setdefault(candidate.first.article, []).append((candidate.first.sentence.index, i))
    queues = [sorted(by_article[a]) for a in sorted(by_article)]
    order = [
        queue[rank][1]
        for rank in range(max(map(len, queues), default=0))
        for queue in queues
        if rank < len(queue)
    ]
    chosen, remaining = [], words
    for i in order:
        if pool.candidates[i].length <= remaining:
            chosen.append(i)
            remaining -= pool.candidates[i].length
    return chosen
