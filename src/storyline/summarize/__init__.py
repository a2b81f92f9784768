"""Summarize: a short extractive summary of many articles, every sentence cited.

``summarize(articles, words=250)`` picks whole sentences of the cleaned articles, verbatim, within
the word budget. Each summary sentence carries a ``Citation`` (article, outlet, date, sentence
index, character span) for every article that carries it, near-duplicates included, and the
number of independent outlets behind it.

How it works (one module each): ``candidates`` keeps the sentences that may stand alone (no
captions, bylines, glued headlines or fragments) and merges near-duplicates; ``features`` measures
each one; a method chosen by name from ``storyline.registry.summarizers`` picks sentences
(``learned``, the default: a scorer trained on oracle labels plus MMR; ``story``, the default for a
whole story of many articles: centrality per word; ``centrality``, ``centroid`` and ``lead`` as
alternatives); ``ordering`` puts them in reading order.

>>> from storyline import build_corpus                      # doctest: +SKIP
>>> corpus = build_corpus(["../shared/samples/syria-assad"], sections=["summary"])  # doctest: +SKIP
>>> summary = summarize(corpus.articles, words=120)  # doctest: +SKIP
>>> summary.sentences[0].citations[0].outlet                    # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import Article, CitedSentence, Summary, cite
from ..pieces import NO_PIECES, Pieces
from ..registry import summarizers
from ..text.similarity import source_groups
from . import centrality, centroid, lead, learned, story  # noqa: F401 - each registers its method
from .candidates import Pool, build_pool, limit_candidates
from .features import PoolVectors, vectorize
from .ordering import order

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_METHOD = "learned"
# The default for a whole story (hundreds of articles): ``summarize.story``.
STORY_METHOD = "story"
DEFAULT_WORDS = 250

Method = Callable[[Pool, PoolVectors, int], list[int]]


def methods() -> list[str]:
    """Names of the summarization methods, the default first."""
    return [DEFAULT_METHOD] + [name for name in summarizers.names() if name != DEFAULT_METHOD]


def summarize(
    articles: Sequence[Article],
    words: int = DEFAULT_WORDS,
    method: str | None = None,
    pieces: Pieces = NO_PIECES,
    docs: Sequence[Doc] | None = None,
) -> Summary:
    """An extractive summary of ``articles`` together, at most ``words`` words, every sentence cited.

    Articles should be annotated (sentences filled); any that are not are annotated here.
    ``method`` is a name from ``methods()`` (default: ``story`` for a story of ``story.STORY_ARTICLES``
    distinct articles or more, else ``learned``). ``pieces`` keeps each article's part of the candidate
    pool (``storyline.pieces``). ``docs``, the articles' spaCy parses in order (the brief's kept ones), are
    where the story method reads whether a sentence has a finite verb (``verbs``); without them it tags the
    sentences it asks about alone.
    """
    if words < 1:
        raise UsageError(f"the word budget must be at least 1 (got {words})")
    articles = list(articles)
    name = method or (STORY_METHOD if story.is_story(articles) else DEFAULT_METHOD)
    choose: Method = summarizers.get(name)
    unannotated = [a for a in articles if not a.sentences and a.text.strip()]
    if unannotated:
        from ..annotate.nlp import annotate

        list(annotate(unannotated))
    pool, chosen = choose_sentences(
        articles, words, choose, cut_glued=name == STORY_METHOD, pieces=pieces, docs=docs
    )
    return Summary(sentences=cited_sentences(pool, chosen), method=name)


def choose_sentences(
    articles: Sequence[Article],
    words: int,
    choose: Method,
    cut_glued: bool = False,
    pieces: Pieces = NO_PIECES,
    docs: Sequence[Doc] | None = None,
) -> tuple[Pool, list[int]]:
    """The candidate pool of annotated ``articles`` (with their parses ``docs``, when given) and the chosen
    candidates, in reading order (``cut_glued``: see ``candidates.build_pool``)."""
    pool = dataclasses.replace(limit_candidates(build_pool(articles, cut_glued, pieces)), docs=docs)
    for round_ in range(REPICKS + 1):
        if not pool.candidates:
            return pool, []
        vectors = vectorize(pool)
        chosen = choose(pool, vectors, words)
        repeated = restatements([pool.candidates[i].text for i in chosen])
        if not repeated:
            break
        if round_ == REPICKS:
            # No pick left: the restatements are left out of this pool's choice (the budget is not filled again).
            chosen = [c for k, c in enumerate(chosen) if k not in set(repeated)]
            break
        # One sentence per point: a chosen sentence that restates a better one in other words is
        # dropped from the pool and the budget is filled again.
        dropped = {chosen[k] for k in repeated}
        pool = dataclasses.replace(
            pool, candidates=[c for i, c in enumerate(pool.candidates) if i not in dropped]
        )
    return pool, order(pool, chosen, vectors.similarity)


# Times the selection is run again after dropping restatements.
REPICKS = 3
# A restatement: embeddings this close, with content words in common bearing it out.
RESTATEMENT_COSINE = 0.8
RESTATEMENT_COVER = 0.5


def restatements(texts: Sequence[str]) -> list[int]:
    """Positions of the texts that restate an earlier one (same point in other words)."""
    if len(texts) < 2:
        return []
    from ..text.embeddings import embed
    from ..text.similarity import content_words

    vectors = embed(texts)
    bags = [set(content_words(t)) for t in texts]
    found = []
    for j in range(1, len(texts)):
        for i in range(j):
            if i in found:
                continue
            shared = len(bags[i] & bags[j])
            cover = shared / max(1, min(len(bags[i]), len(bags[j])))
            if float(vectors[i] @ vectors[j]) >= RESTATEMENT_COSINE and cover >= RESTATEMENT_COVER:
                found.append(j)
                break
    return found


def cited_sentences(pool: Pool, chosen: Sequence[int]) -> list[CitedSentence]:
    """Each chosen candidate as said by storyline: its text and one citation per carrying article."""
    by_id = {a.id: a for a in pool.articles}
    result = []
    for index in chosen:
        candidate = pool.candidates[index]
        seen: set[int] = set()
        citations = []
        carriers = []
        for occurrence in candidate.occurrences:
            if occurrence.article in seen:
                continue
            seen.add(occurrence.article)
            article = pool.articles[occurrence.article]
            carriers.append(article)
            citations.append(cite(article, occurrence.sentence))
        known, unknown = source_groups(carriers, by_id)
        result.append(
            CitedSentence(
                text=candidate.text,
                citations=citations,
                independent_outlets=len(known),
                unknown_sources=unknown,
            )
        )
    return result
