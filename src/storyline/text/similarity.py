"""Text similarity shared by every stage that merges what several articles say.

The summary, the timeline and the comparison all need the same two things: to see that two
sentences from different outlets tell the same fact, and to count how many *independent* outlets
stand behind it (wire copies and syndicated reprints count once). Both live here, once.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..model import Article

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")

# A small closed-class list: enough to keep function words from making unrelated sentences alike.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own said same
    says say she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself yourselves mr mrs ms""".split()
)


@functools.lru_cache(maxsize=1 << 16)
def normalize_token(token: str) -> str:
    """Lower-case and strip the commonest English suffixes (a light stem, stable and fast; remembered:
    the same words come back in every sentence of every stage)."""
    token = token.lower().strip("'-")
    if token.endswith("'s"):
        token = token[:-2]
    for suffix in ("ing", "ed", "es", "s"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def content_words(text: str) -> list[str]:
    """The text's content words, normalized, in order (function words dropped)."""
    return list(_content_words(text))


@functools.lru_cache(maxsize=1 << 14)
def _content_words(text: str) -> tuple[str, ...]:
    # remembered: the summary, the timeline and the comparison each read the same sentences again
    words = (normalize_token(w) for w in WORD.findall(text))
    return tuple(w for w in words if w and w not in STOPWORDS)


def jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # the union's size, without building it


def containment(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """How much of the smaller set the larger one holds (a shortened copy still counts as a copy)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def near_duplicate_groups(
    texts: Sequence[str], threshold: float = 0.6, min_words: int = 4
) -> list[list[int]]:
    """Group texts that say the same thing in nearly the same words.

    Two texts are linked when the Jaccard similarity of their content-word sets reaches
    ``threshold``; groups are the connected components, each a sorted list of indices, in order of
    their first member. Texts with fewer than ``min_words`` content words stay alone. Candidate pairs
    come from an inverted index of rare words, so this stays fast for thousands of sentences.
    """
    bags = [frozenset(content_words(t)) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    frequency = Counter(itertools.chain.from_iterable(bags))
    # each word's place in the order rarest first (ties by the word): one sort, then a look-up per word
    rank = {word: n for n, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    sizes = [len(bag) for bag in bags]
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        size = sizes[i]
        if size < min_words:
            continue
        # Two near-duplicates share most words, so they share at least one of each other's rarest few.
        keys = sorted(bag, key=rank.__getitem__)[: max(3, int(size * (1 - threshold)) + 1)]
        candidates: set[int] = set()
        for word in keys:
            postings = index[word]
            candidates.update(postings)
            postings.append(i)
        # Jaccard is at most the smaller set's size over the larger's: most candidates that share a rare
        # word are far apart in size and need no intersection (the margin keeps float ties in)
        low = threshold * size - 1e-9
        high = (size + 1e-9) / threshold if threshold > 0 else math.inf
        for j in candidates:
            other = sizes[j]
            if other < low or other > high:
                continue
            shared = len(bag & bags[j]) if size and other else 0
            if (shared / (size + other - shared) if size and other else 0.0) >= threshold:
                root_i, root_j = find(i), find(j)
                if root_i != root_j:
                    parent[root_i] = root_j
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def outlet_key(article: Article) -> str | None:
    """The article's outlet, normalized ("The Wire" and "the wire" are one), or None when unknown."""
    if article.outlet:
        return re.sub(r"[^a-z0-9]", "", article.outlet.lower()) or None
    return None


def original_of(article: Article, by_id: dict[str, Article] | None) -> Article:
    """The article a syndicated copy copies (``duplicate_of``, followed to its end), else itself."""
    original = article
    seen = {article.id}
    while (
        original.duplicate_of
        and by_id
        and original.duplicate_of in by_id
        and original.duplicate_of not in seen
    ):
        seen.add(original.duplicate_of)
        original = by_id[original.duplicate_of]
    return original


def source_groups(
    articles: Iterable[Article], by_id: dict[str, Article] | None = None
) -> tuple[set[str], int]:
    """The distinct known outlets behind some articles, and how many of them are of unknown source.

    Copies are collapsed first: the articles that copy one original are one source, counted for the
    original's outlet (or, when that is unknown, for the outlet of a copy that names its own). What
    is left of unknown outlet is counted apart, one per original: nobody knows whether two articles
    of unknown source are independent of each other.
    """
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(original_of(article, by_id).id, []).append(article)
    known: set[str] = set()
    unknown = 0
    for original_id, members in groups.items():
        original = by_id.get(original_id) if by_id else None
        keys = [outlet_key(original)] if original is not None else []
        keys += sorted(k for k in (outlet_key(a) for a in members) if k)
        key = next((k for k in keys if k), None)
        if key is None:
            unknown += 1
        else:
            known.add(key)
    return known, unknown


def independent_outlets(articles: Iterable[Article], by_id: dict[str, Article] | None = None) -> int:
    """How many independent, *known* outlets carry something.

    Articles marked as copies (``duplicate_of``, set by the deduplication stage) count for the
    article they copy; articles of one outlet count once; articles whose outlet is unknown never
    count (``unknown_sources`` says how many there are): an independent confirmation needs a known
    source, so this never exceeds the number of distinct known outlets cited.
    """
    return len(source_groups(articles, by_id)[0])


def unknown_sources(articles: Iterable[Article], by_id: dict[str, Article] | None = None) -> int:
    """How many articles (copies of one original counted once) carry something from an unknown outlet."""
    return source_groups(articles, by_id)[1]
