"""Order the chosen sentences so the summary reads as a story.

Three rules, in this order of strength:

1. **Time.** A sentence's day is the day of the event it tells: a resolved day-level time
   expression inside the sentence when the annotator found one (and it lies in the month before
   publication), else the article's publication date, or, when that is not stated, the estimate of its
   inferred interval when the story's dated articles narrowed it (an open "after 2011-08" places
   nothing). A dated sentence never comes before one of an earlier day; undated sentences go where
   they fit best (rule 3).
2. **Article order.** Sentences of one article keep that article's order: the writer's order is
   the safest one for a reader.
3. **Related sentences together.** The summary opens with the sentence nearest the top of its
   article; each next sentence is, among the next unplaced sentence of every article, the one
   most similar to the sentence just placed, with a preference for staying in the same article and
   for sentences high in theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from .candidates import Candidate, Pool

# How far before publication a date mentioned in a sentence may lie to count as its event day.
EVENT_WINDOW = dt.timedelta(days=31)
SAME_ARTICLE_BONUS = 0.15
POSITION_WEIGHT = 0.3


def event_day(pool: Pool, candidate: Candidate) -> dt.date | None:
    """The day a candidate sentence tells of, or None when no date is known."""
    days: list[dt.date] = []
    for occurrence in candidate.occurrences:
        article = pool.articles[occurrence.article]
        published = article.published
        interval = article.published_interval
        if published is None and interval is not None and interval.method in ("corpus", "neighbours"):
            published = interval.estimate
        mentioned = None
        for timex in article.timexes:
            if (
                timex.type == "DATE"
                and timex.granularity == "day"
                and timex.resolved
                and timex.value
                and occurrence.sentence.start <= timex.start < occurrence.sentence.end
            ):
                try:
                    day = dt.date.fromisoformat(timex.value[:10])
                except ValueError:
                    continue
                if published is None or published - EVENT_WINDOW <= day <= published:
                    mentioned = day if mentioned is None else min(mentioned, day)
        if mentioned is not None:
            days.append(mentioned)
        elif published is not None:
            days.append(published)
    return min(days) if days else None


def relative_position(pool: Pool, candidate: Candidate) -> float:
    first = candidate.first
    return first.sentence.index / max(1, len(pool.articles[first.article].sentences))


def order(pool: Pool, chosen: Sequence[int], similarity: np.ndarray) -> list[int]:
    """The chosen candidate indices in reading order.

    One chain over all chosen sentences: the next sentence is the best follower among the next
    unplaced sentence of each article, where a dated sentence may only come when no earlier-dated
    sentence is left; undated sentences go wherever they follow best.
    """
    days: dict[int, dt.date | None] = {i: event_day(pool, pool.candidates[i]) for i in chosen}
    queues: dict[int, list[int]] = {}
    for i in sorted(chosen, key=lambda i: pool.candidates[i].first.sentence.index):
        queues.setdefault(pool.candidates[i].first.article, []).append(i)
    placed: list[int] = []
    last: int | None = None
    while any(queues.values()):
        heads = [queue[0] for queue in queues.values() if queue]
        remaining_days = [d for queue in queues.values() for i in queue if (d := days[i]) is not None]
        earliest = min(remaining_days) if remaining_days else None
        allowed = [i for i in heads if days[i] is None or days[i] == earliest] or heads
        # Ties go to the earlier article in the input, so the order is deterministic.
        ranked = [
            (follow_value(pool, similarity, last, i), -pool.candidates[i].first.article, i) for i in allowed
        ]
        best = max(ranked)[2]
        queues[pool.candidates[best].first.article].pop(0)
        placed.append(best)
        last = best
    return placed


def follow_value(pool: Pool, similarity: np.ndarray, last: int | None, i: int) -> float:
    """How well candidate ``i`` follows ``last`` (or opens the summary when ``last`` is None)."""
    position = relative_position(pool, pool.candidates[i])
    if last is None:
        return -position
    same = pool.candidates[i].first.article == pool.candidates[last].first.article
    return float(similarity[last, i]) + SAME_ARTICLE_BONUS * same - POSITION_WEIGHT * position
