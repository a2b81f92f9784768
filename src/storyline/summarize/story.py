"""``story``: the summary of a whole story — hundreds of articles over weeks or months — by centrality.

The ``learned`` scorer was trained on Multi-News clusters (2-10 articles on one event), where the lead of
each article is most of the answer. Over a story of hundreds of articles its position prior picks the
openings of side articles (a blog's anecdote, a reader call-out). What the story's own record says most
often is what a story-level summary should say: the events that many articles report again and again
(cases confirmed, the pandemic declared, the doctor charged). So the score is the sentence's centrality
in the similarity graph of all candidates (continuous LexRank over TF-IDF cosines, the ``centrality``
feature), per word of length (log): a short sentence that carries the central facts beats a long one
that carries them among other things, which also leaves room in the budget for more of the story's
events. Redundancy control (MMR) is the learned method's.

A story summary also refuses what reads badly on its own among hundreds of choices: questions
("Whose plans unravelled and fell apart?") and openers that point back to what the summary does not say
("And that was before swine flu.", "That was ..."). (In a cluster of a few articles these refusals cost
ROUGE; with hundreds of articles there is always another sentence on the same point.)

``summarize`` uses it by default when at least ``STORY_ARTICLES`` distinct articles (copies counted once)
are summarized together; ``method="story"`` asks for it on any set.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from ..model import Article
from ..registry import summarizers
from .candidates import Pool
from .features import PoolVectors, centrality
from .scorer import shipped_scorer
from .select import select

# From this many distinct articles on, a set of articles is a story rather than a cluster on one event.
STORY_ARTICLES = 20

QUESTION = re.compile(r"\?[\"'”’)\]]*$")
POINTING_BACK = re.compile(
    r"^(?:(?:And|But|So|Yet|Or)\b"
    r"|(?:That|This|These|Those)\s+(?:is|was|are|were|has|had|have|will|would|could|may|might)\b)"
)


def is_story(articles: Sequence[Article]) -> bool:
    """Enough distinct articles (copies counted once) to be summarized as a story."""
    return sum(1 for a in articles if a.duplicate_of is None) >= STORY_ARTICLES


def reads_alone(text: str) -> bool:
    """Not a question, and not an opener that points back ("And that was ...")."""
    return not QUESTION.search(text) and not POINTING_BACK.search(text)


def story_scores(pool: Pool, vectors: PoolVectors) -> np.ndarray:
    """Centrality per (log) word of length."""
    lengths = np.array([math.log(max(2, c.length)) for c in pool.candidates])
    return centrality(vectors.similarity) / lengths


@summarizers.register("story")
def story(pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    allowed = [i for i, c in enumerate(pool.candidates) if reads_alone(c.text)]
    if not allowed:
        return []
    index = np.array(allowed)
    scores = story_scores(pool, vectors)[index]
    parameters = shipped_scorer().parameters
    chosen = select(
        scores,
        [pool.candidates[i].length for i in allowed],
        vectors.similarity[np.ix_(index, index)],
        words,
        redundancy=parameters.redundancy,
        max_similarity=parameters.max_similarity,
    )
    return [allowed[k] for k in chosen]
