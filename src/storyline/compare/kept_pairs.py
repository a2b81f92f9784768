"""The comparison's pairs across propositions, kept between briefs: a brief after new articles scores only the
pairs that hold a new text.

Two steps of ``claims.find_claims`` look at every pair of the story's propositions: the near-copies
(``near_duplicate_groups``: content-word Jaccard at least ``threshold``) and the paraphrase candidates
(``similar_pairs``: embedding cosine at least ``threshold``). Whether a pair is linked (and its cosine)
depends on its two texts only, so the pairs among texts an earlier brief already scored are known: each
result here is kept as one entry listing the texts it covered (by SHA-256) and every linked pair among
them, a piece of the first article of that brief (``storyline.pieces``, so the code, settings and the
article are in its key). A later brief reads the entry of the first of its articles that has one, keeps
its pairs whose two texts are both among its own, and scores only the pairs with a text the entry does not
cover (the new texts against all). Without kept pieces every pair is scored.

The result is the same whether pairs were read or scored, by construction:

- near-copies: a pair is linked when its Jaccard reaches the threshold (both texts with at least
  ``min_words`` content words; the same test and the same arithmetic as ``near_duplicate_groups``); the
  candidates come from the pair's rarest shared word (every pair at or above the threshold shares one of
  the ``max(3, size·(1 − threshold) + 1)`` rarest words of each text in any one order of the words, so none
  is missed: the groups are the connected components of the exact Jaccard graph, as
  ``near_duplicate_groups`` gives them, checked against it in ``tests/test_compare/test_kept_pairs.py``);
- paraphrase candidates: a pair's cosine is the exactly rounded dot product of its two float32 vectors
  (``exact_cosine``: each product is exact in float64, ``math.fsum`` rounds their sum once), which does not
  depend on which other vectors it was computed with. The block products only find the candidates, with a
  margin (``MARGIN``) far wider than a float32 product's rounding error over the vectors' width, so no pair
  at or above the threshold is missed. (A block product's cell depends on the block's shape in the last
  bits, so block products could not be kept and reused.)
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..pieces import NO_PIECES, Pieces
from ..text.similarity import content_words

if TYPE_CHECKING:
    import numpy as np

KIND = dict[str, list[Any]]
# A float32 product of two unit vectors of width w is within w·2^-24 (~1.5e-5 at 256) of the exact one.
MARGIN = 1e-3
# the most cells of one block of candidate scores (float32): 32 MB however many texts there are
BLOCK_CELLS = 8 * 1024 * 1024


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class KeptPairs:
    """The pairs ``name`` (with its arguments ``extra``) among ``texts``, read from the entry kept by an earlier
    brief of some of ``articles`` (the articles the texts come from, in the brief's order) and kept again."""

    def __init__(
        self, name: str, extra: str, articles: Sequence[Article], pieces: Pieces = NO_PIECES
    ) -> None:
        self.name = name
        self.extra = extra
        self.articles = articles
        self.pieces = pieces

        self.found_at: int | None = None  # which article's entry was read
        self.covered = 0

    def known(self) -> tuple[dict[str, int], list[list[Any]]]:
        """The texts an earlier entry covered (by digest, to their place in it) and its pairs."""
        if not self.pieces.active:
            return {}, []
        for n, article in enumerate(self.articles):
            found, entry = self.pieces.kept(self.name, article, KIND, self.extra)
            if not found:
                continue
            texts, pairs = entry.get("texts"), entry.get("pairs")
            if isinstance(texts, list) and isinstance(pairs, list) and all(isinstance(t, str) for t in texts):
                self.found_at, self.covered = n, len(texts)
                return {t: k for k, t in enumerate(texts)}, pairs
        return {}, []

    def keep(self, texts: Sequence[str], pairs: Sequence[Sequence[Any]], scored: bool) -> None:
        """Keep the pairs among ``texts`` under the first article, unless that entry holds them already
        (nothing ``scored`` and the entry read was that article's, over the same texts)."""
        if not scored and self.found_at == 0 and self.covered == len(texts):
            return
        if self.pieces.active and self.articles:
            self.pieces.keep(
                self.name,
                self.articles[0],
                {"texts": list(texts), "pairs": [list(p) for p in pairs]},
                self.extra,
            )


def unique_texts(texts: Sequence[str]) -> tuple[list[str], list[list[int]]]:
    """The distinct texts in order of first use, and where each is used."""
    place: dict[str, int] = {}
    where: list[list[int]] = []
    distinct: list[str] = []
    for i, text in enumerate(texts):
        n = place.get(text)
        if n is None:
            n = place[text] = len(distinct)
            distinct.append(text)
            where.append([])
        where[n].append(i)
    return distinct, where


def carried_over(
    keys: Sequence[str], known: dict[str, int], pairs: Sequence[Sequence[Any]]
) -> tuple[list[tuple[int, int, Any]], list[bool]]:
    """The kept pairs between two of ``keys`` (as indices into ``keys``, the value kept with the pair), and
    which of ``keys`` the entry covered."""
    mine = {known[key]: n for n, key in enumerate(keys) if key in known}
    covered = [key in known for key in keys]
    kept: list[tuple[int, int, Any]] = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) >= 2):
            continue
        a, b = mine.get(pair[0]), mine.get(pair[1])
        if a is not None and b is not None:
            kept.append((a, b, pair[2] if len(pair) > 2 else None))
    return kept, covered


def near_duplicate_groups(
    texts: Sequence[str],
    threshold: float = 0.5,
    min_words: int = 4,
    articles: Sequence[Article] = (),
    pieces: Pieces = NO_PIECES,
) -> list[list[int]]:
    """``text.similarity.near_duplicate_groups(texts, threshold, min_words)``, the linked pairs among texts an
    earlier brief of some of ``articles`` kept read instead of looked for (``KeptPairs``)."""
    if not 0 < threshold <= 1 or min_words < 1:
        from ..text.similarity import near_duplicate_groups as plain

        return plain(texts, threshold=threshold, min_words=min_words)
    distinct, where = unique_texts(texts)
    keys = [digest(t) for t in distinct]
    store = KeptPairs("near-copy-pairs", f"{threshold!r}:{min_words}", articles, pieces)
    known, kept_pairs = store.known()
    links, covered = carried_over(keys, known, kept_pairs)
    bags = [frozenset(content_words(t)) for t in distinct]
    sizes = [len(b) for b in bags]
    fresh = [n for n in range(len(distinct)) if not covered[n] and sizes[n] >= min_words]
    if fresh:
        links.extend((a, b, None) for a, b in jaccard_links(bags, sizes, fresh, threshold, min_words))
    store.keep(keys, sorted({(min(a, b), max(a, b)) for a, b, _ in links}), bool(fresh))
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        root_i, root_j = find(i), find(j)
        if root_i != root_j:
            parent[root_i] = root_j

    for n, used in enumerate(where):  # one text used twice is its own near-copy
        if sizes[n] >= min_words:
            for i in used[1:]:
                join(used[0], i)
    for a, b, _ in links:
        join(where[a][0], where[b][0])
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def jaccard_links(
    bags: Sequence[frozenset[str]],
    sizes: Sequence[int],
    fresh: Sequence[int],
    threshold: float,
    min_words: int,
) -> list[tuple[int, int]]:
    """Every pair of distinct texts with one of ``fresh`` whose Jaccard reaches ``threshold`` (both of at
    least ``min_words`` words): the test of ``near_duplicate_groups``, candidates by the rarest words."""
    frequency = Counter(itertools.chain.from_iterable(bags))

    def keys(n: int) -> list[str]:
        # at most size·(1 − threshold) words of a text are outside a near-copy of it, so the pair's rarest
        # shared word (in this order, or any) is among the first of these of the fresh text's words
        # (+1e-9: a product just under a whole number)
        size = sizes[n]
        return sorted(bags[n], key=lambda w: (frequency[w], w))[
            : max(3, int(size * (1 - threshold) + 1e-9) + 1)
        ]

    first = {n: keys(n) for n in fresh}
    index: dict[str, list[int]] = defaultdict(list)
    if 4 * len(fresh) < len(bags):
        # a few fresh texts (a brief after new articles): every text holding one of a fresh text's first words
        # is its candidate, so only those words are indexed, and no other text's words are sorted
        wanted = set(itertools.chain.from_iterable(first.values()))
        for n, bag in enumerate(bags):
            if sizes[n] >= min_words:
                for word in bag & wanted:
                    index[word].append(n)
    else:
        # many (a first brief): each text indexed by its own first words, which the pair's rarest shared word
        # is among on both sides (short postings)
        for n in range(len(bags)):
            if sizes[n] >= min_words:
                for word in first[n] if n in first else keys(n):
                    index[word].append(n)
    is_fresh = set(fresh)
    found: set[tuple[int, int]] = set()
    for n in fresh:
        size, bag = sizes[n], bags[n]
        low = threshold * size - 1e-9
        high = (size + 1e-9) / threshold
        candidates: set[int] = set()
        for word in first[n]:
            candidates.update(index[word])
        for m in candidates:
            if m == n or (m in is_fresh and m < n):
                continue  # a pair of two fresh texts is looked at once, from its lower one
            other = sizes[m]
            if other < low or other > high:
                continue
            shared = len(bag & bags[m])
            if shared / (size + other - shared) >= threshold:
                found.add((min(n, m), max(n, m)))
    return sorted(found)


def exact_cosine(a: np.ndarray, b: np.ndarray) -> float:
    """The dot product of two float32 vectors rounded once: each product is exact in float64 (24-bit
    significands), ``math.fsum`` sums them exactly. It does not depend on what it is computed with."""
    import numpy as np

    return math.fsum((a.astype(np.float64) * b.astype(np.float64)).tolist())


def similar_pairs(
    texts: Sequence[str],
    vectors: np.ndarray,
    threshold: float,
    articles: Sequence[Article] = (),
    pieces: Pieces = NO_PIECES,
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, in that order) of ``texts`` (with their ``vectors``, one row each, the same for the same
    text) whose cosine (``exact_cosine``) reaches ``threshold``; pairs among texts an earlier brief of some
    of ``articles`` kept are read, not scored again (``KeptPairs``)."""
    import numpy as np

    distinct, where = unique_texts(texts)
    if not distinct:
        return []
    rows = np.ascontiguousarray(vectors[[used[0] for used in where]], dtype=np.float32)
    keys = [digest(t) for t in distinct]
    store = KeptPairs("similar-pairs", f"{threshold!r}", articles, pieces)
    known, kept_pairs = store.known()
    links, covered = carried_over(keys, known, kept_pairs)
    # a kept cosine must be a number (an entry of another shape: everything scored again)
    if not all(isinstance(value, float) for _, _, value in links):
        links, covered = [], [False] * len(distinct)
    fresh = [n for n in range(len(distinct)) if not covered[n]]
    if fresh:
        links.extend(cosine_links(rows, fresh, threshold))
    scored = {(a, b): value for a, b, value in links}
    store.keep(keys, sorted((a, b, value) for (a, b), value in scored.items()), bool(fresh))
    # back to the texts' own places: every use of one text against every use of the other
    pairs: list[tuple[int, int, float]] = []
    for (a, b), value in scored.items():
        for i in where[a]:
            for j in where[b]:
                pairs.append((min(i, j), max(i, j), value))
    for n, used in enumerate(where):
        if len(used) > 1:
            value = exact_cosine(rows[n], rows[n])
            if value >= threshold:
                pairs.extend((i, j, value) for k, i in enumerate(used) for j in used[k + 1 :])
    pairs.sort(key=lambda p: (p[0], p[1]))
    return pairs


def cosine_links(rows: np.ndarray, fresh: Sequence[int], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair of distinct rows with one of ``fresh`` (as (lower, higher, cosine)) whose exact cosine reaches
    ``threshold``: found by block products against every row with ``MARGIN`` to spare, then scored exactly."""
    import numpy as np

    chosen = np.asarray(fresh, dtype=np.int64)
    is_fresh = np.zeros(len(rows), dtype=bool)
    is_fresh[chosen] = True
    block = max(1, min(2048, BLOCK_CELLS // max(1, len(rows))))
    found: list[tuple[int, int, float]] = []
    for start in range(0, len(chosen), block):
        part = chosen[start : start + block]
        scores = rows[part] @ rows.T
        for r, column in zip(*np.nonzero(scores >= threshold - MARGIN), strict=True):
            n, m = int(part[r]), int(column)
            if m == n or (is_fresh[m] and m < n):
                continue  # a pair of two fresh rows is scored once, from its lower one
            value = exact_cosine(rows[n], rows[m])
            if value >= threshold:
                found.append((min(n, m), max(n, m), value))
    return found
