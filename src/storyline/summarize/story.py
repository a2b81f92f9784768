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

A story summary also refuses what reads badly on its own among hundreds of choices (``reads_alone``):
questions ("Whose plans unravelled and fell apart?"); openers that point back to what the summary does not
say ("And that was before swine flu.", "This report has not been confirmed.": ``text.patterns.POINTING_BACK``);
a sentence that is all quotation, whose speaker the summary cannot name ('"Influenza A (H1N1) virus,
human".', '"The virus is now unstoppable."'); the writer's own voice outside quotes ("I", "we", "our": a
column's opinion, a live blog's "My colleague ... is working on ..."); and the outlet promoting its own
pages ("A new Guardian video shows ...", "Watch ..."); a gallery caption or live-blog entry stamped with
its date or time ("April 28: A boat makes its way ...", "2:30 pm ET - ...", "NEW: ..."); a speaker without words
("Coast Guard Adm. Thad Allen said.") and a sentence cut inside its last word. (In a cluster of a few articles these refusals cost
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
from ..text.patterns import POINTING_BACK
from .candidates import Pool
from .features import PoolVectors, centrality
from .scorer import shipped_scorer
from .select import select

# From this many distinct articles on, a set of articles is a story rather than a cluster on one event.
STORY_ARTICLES = 20

QUESTION = re.compile(r"\?[\"'”’)\]]*$")


def is_story(articles: Sequence[Article]) -> bool:
    """Enough distinct articles (copies counted once) to be summarized as a story."""
    return sum(1 for a in articles if a.duplicate_of is None) >= STORY_ARTICLES


# A sentence that is one quotation and nothing else: '"Influenza A (H1N1) virus, human".'
ALL_QUOTED = re.compile(r"^(?:\"[^\"“”]*\"|“[^\"“”]*”)[.!?]?$")
# The writer's own voice outside quotes ("World War I", "Phase I" are numerals).
FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|ourselves)\b|^(?:We|My|Our|Ours)\b")
ROMAN_ONE = re.compile(
    r"\b(?:War|Phase|Type|Class|Title|Article|Stage|Category|Level|Part|Chapter|Grade|Tier)\s+I\b"
)
# The outlet's own pages promoted ("A new Guardian video shows ...") and calls to the reader ("Watch ...").
PROMOTION = re.compile(
    r"\b(?:[Aa]n?\s+new|[Oo]ur)\s+(?:[A-Z][\w.]*\s+)?(?:video|audio|slideshow|gallery|podcast|interactive|graphic|map|"
    r"guide|documentary|series|blog)\b"
    r"|^(?:Watch|Listen|See|Read|Explore|Join|Share|Send|Email|Tell|Check\s+out)\b"
)
# A gallery caption or live-blog entry stamped with its date or time: "April 28: A boat makes its way through
# oil ...", "June 15, 2010: President Obama speaks ...", "2:30 pm ET - Protesting Egypt in the U.S. - ...".
STAMPED = re.compile(
    r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"|\d{1,2}[:.]\d\d\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?|NEW|UPDATE|UPDATED|BREAKING|LIVE|WATCH|VIDEO|PHOTOS?)"
    r"\s*(?::|[-–—]+\s)"
)
# What someone said, without what was said ("Coast Guard Adm. Thad Allen said."), and a sentence cut off
# inside its last word ("... whether the company can s.").
NOTHING_SAID = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+(?:and\s+|of\s+)?){1,8}(?:said|says|added|conceded|agreed|admitted|noted|explained)\.$"
)
CUT_WORD = re.compile(r"\s[b-hj-z]\.$")
QUOTATIONS = re.compile(r"\"[^\"]*\"|“[^”]*”")


def first_person(text: str) -> bool:
    """The writer speaks as "I", "we" or "our" outside quotation marks."""
    return bool(FIRST_PERSON.search(ROMAN_ONE.sub(" ", QUOTATIONS.sub(" ", text))))


def reads_alone(text: str) -> bool:
    """Not a question, an opener that points back, a bare quotation, the writer's own voice or a promotion."""
    return not (
        QUESTION.search(text)
        or POINTING_BACK.search(text)
        or ALL_QUOTED.search(text)
        or first_person(text)
        or PROMOTION.search(text)
        or STAMPED.search(text)
        or NOTHING_SAID.search(text)
        or CUT_WORD.search(text)
    )


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
