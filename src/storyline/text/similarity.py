"""Text similarity shared by every stage that merges what several articles say.

The summary, the timeline and the comparison all need the same two things: to see that two
sentences from different outlets tell the same fact, and to count how many *independent* outlets
stand behind it (wire copies and syndicated reprints count once). Both live here, once.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..pieces import NO_PIECES, Pieces

if TYPE_CHECKING:
    import numpy as np

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


@functools.lru_cache(maxsize=1 << 17)
def _content_words(text: str) -> tuple[str, ...]:
    # remembered: the summary, the timeline and the comparison each read the same sentences again. Sized for a
    # few thousand articles' sentences (~110,000 at 3,000): at 1 << 14 a 600-article comparison missed 88% of
    # its calls (the cache cycled through its ~22,000 sentences each pass; fifteenth session, helper K).
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
    texts: Sequence[str],
    threshold: float = 0.6,
    min_words: int = 4,
    articles: Sequence[Article] = (),
    pieces: Pieces = NO_PIECES,
    name: str = "near-copy-pairs",
) -> list[list[int]]:
    """Group texts that say the same thing in nearly the same words.

    Two texts are linked when the Jaccard similarity of their content-word sets reaches ``threshold``
    (0 < threshold; above 1 nothing is linked); groups are the connected components, each a sorted list of
    indices, in order of their first member. Texts with fewer than ``min_words`` content words stay alone.
    Candidate pairs come from an inverted index of rare words (``jaccard_links``), complete, so this stays
    fast for thousands of sentences and gives the components of the exact Jaccard graph.

    With ``pieces`` (``storyline.pieces``) and the ``articles`` the texts come from, the linked pairs among
    the texts an earlier call of the same ``name`` over some of these articles kept are read, and only the
    pairs with a text it did not cover are looked for (``KeptPairs``); the groups are the same either way.
    """
    if not threshold > 0:
        raise ValueError(f"the near-copy threshold must be above 0 (got {threshold})")
    min_words = max(1, min_words)  # a text without content words has a Jaccard of 0 with every other
    distinct, where = unique_texts(texts)
    keys = [digest(t) for t in distinct]
    store = KeptPairs(name, f"{threshold!r}:{min_words}", articles, pieces)
    known, kept_pairs = store.known()
    links, covered = carried_over(keys, known, kept_pairs)
    bags = [frozenset(content_words(t)) for t in distinct]
    sizes = [len(b) for b in bags]
    fresh = [n for n in range(len(distinct)) if not covered[n] and sizes[n] >= min_words]
    if fresh and threshold <= 1:
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

    if threshold <= 1:
        for n, used in enumerate(where):  # one text used twice is its own near-copy (a Jaccard of 1)
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
    least ``min_words`` words), as (lower, higher), candidates by the rarest words.

    Complete: a pair of Jaccard ``t`` or more shares ``s ≥ t·a`` of the ``a`` words of either text, so at most
    ``a·(1 − t)`` of a text's words are rarer (in any one order of the words) than the pair's rarest shared
    word, which is therefore among the first ``max(3, a·(1 − t) + 1)`` of each text's words. With many fresh
    texts, each is looked up among the smaller ones (``smaller_links``)."""
    frequency = Counter(itertools.chain.from_iterable(bags))
    if 4 * len(fresh) >= len(bags):
        return smaller_links(bags, sizes, fresh, threshold, min_words, frequency)
    # a few fresh texts (a brief after new articles): every text holding one of a fresh text's first words
    # is its candidate, so only those words are indexed, and no other text's words are sorted
    # (+1e-9: a product just under a whole number)
    first = {
        n: sorted(bags[n], key=lambda w: (frequency[w], w))[
            : max(3, int(sizes[n] * (1 - threshold) + 1e-9) + 1)
        ]
        for n in fresh
    }
    wanted = set(itertools.chain.from_iterable(first.values()))
    index: dict[str, list[int]] = defaultdict(list)
    for n, bag in enumerate(bags):
        if sizes[n] >= min_words:
            for word in bag & wanted:
                index[word].append(n)
    is_fresh = set(fresh)
    found: set[tuple[int, int]] = set()
    for n in fresh:
        size, bag = sizes[n], bags[n]
        # Jaccard is at most the smaller set's size over the larger's: most candidates that share a rare
        # word are far apart in size and need no intersection (the margin keeps float ties in)
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


# the texts looked up at once by ``smaller_links`` (a block of candidate pairs, however many texts there are)
LOOKUP_ROWS = 2048


def smaller_links(
    bags: Sequence[frozenset[str]],
    sizes: Sequence[int],
    fresh: Sequence[int],
    threshold: float,
    min_words: int,
    frequency: Counter[str],
) -> list[tuple[int, int]]:
    """``jaccard_links`` for many fresh texts (a first brief): the texts in order of size, each against the
    smaller ones before it, as sparse products of their first words (rarest first).

    Complete: the pair's ``k`` rarest shared words are among the first ``a − s + k`` of either text's words; a
    text of ``b`` words shares ``s ≥ t·b`` with any other, and the smaller one (``a ≤ b``) shares
    ``s ≥ t·(a + b)/(1 + t) ≥ 2t·a/(1 + t)``. So a pair shares at least ``k`` of the first ``b·(1 − t) + k`` words
    of the text looked up and the first ``a·(1 − t)/(1 + t) + k`` of the smaller one, with ``k = 2`` when
    every pair that can pass shares two words (``s ≥ t·min_words > 1``), else 1. Only the pairs sharing that
    many are intersected (in sparse products too: no Python loop over candidates)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    rank = {w: r for r, w in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    order = sorted((n for n in range(len(bags)) if sizes[n] >= min_words), key=lambda n: (sizes[n], n))
    if not order:
        return []
    words = [sorted(rank[w] for w in bags[n]) for n in order]
    size = np.array([sizes[n] for n in order], dtype=np.int64)
    place = {n: p for p, n in enumerate(order)}
    is_fresh = np.zeros(len(order), dtype=bool)
    is_fresh[[place[n] for n in fresh if n in place]] = True
    k = 2 if threshold * min_words > 1 + 1e-9 else 1

    def matrix(share: float | None) -> csr_matrix:
        # each text's words (their ranks), or its first ones: the share of its words the proof above gives, + k
        # (+1e-9: a product just under a whole number)
        rows = [w if share is None else w[: int(len(w) * share + 1e-9) + k] for w in words]
        ends = np.zeros(len(rows) + 1, dtype=np.int64)
        ends[1:] = np.cumsum([len(r) for r in rows])
        columns = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=int(ends[-1]))
        return csr_matrix(
            (np.ones(len(columns), dtype=np.int32), columns, ends), shape=(len(rows), len(rank))
        )

    looked_up = matrix(1 - threshold)
    smaller = matrix((1 - threshold) / (1 + threshold))
    whole = matrix(None)
    found: list[tuple[int, int]] = []
    for start in range(0, len(order), LOOKUP_ROWS):
        stop = min(len(order), start + LOOKUP_ROWS)
        shared = (looked_up[start:stop] @ smaller[:stop].T).tocoo()
        x, y = shared.row.astype(np.int64) + start, shared.col.astype(np.int64)
        # an earlier (smaller) text, k first words shared, one of the two fresh; Jaccard is at most the smaller
        # size over the larger (the margin keeps float ties in)
        keep = (
            (shared.data >= k)
            & (y < x)
            & (size[y] >= threshold * size[x] - 1e-9)
            & (is_fresh[x] | is_fresh[y])
        )
        x, y = x[keep], y[keep]
        if len(x):
            common = np.asarray(whole[x].multiply(whole[y]).sum(axis=1)).ravel()
            # the same arithmetic as ``jaccard`` (a float64 quotient of two integers, rounded once)
            linked = common / (size[x] + size[y] - common) >= threshold
            a, b = np.asarray(order)[x[linked]], np.asarray(order)[y[linked]]
            found.extend(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), strict=True))
    return sorted(found)


# Pairs across texts, kept between briefs: a brief after new articles scores only the pairs that hold a new text.
# Whether two texts are linked (and their cosine) depends on the two texts only, so the pairs among texts an
# earlier brief already scored are known. Each result is kept as one entry listing the texts it covered (by
# SHA-256) and every linked pair among them, a piece of the first article of that brief (``storyline.pieces``:
# the code, settings and the article are in its key). A later call reads the entry of the first of its articles
# that has one, keeps its pairs whose two texts are both among its own, and scores only the pairs with a text the
# entry does not cover (the new texts against all). Without kept pieces every pair is scored. ``similar_pairs``
# scores only the pairs whose words bear them out (``SharedRare``: which words count as rare depends on the whole
# collection), so its entry also keeps the words that did not count, and a later call scores again the pairs of
# two covered texts that only its own rare words make candidates.

PAIRS_KIND = dict[str, list[Any]]
# A float32 product of two unit vectors of width w is within w·2^-24 (~1.5e-5 at 256) of the exact one.
MARGIN = 1e-3


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class KeptPairs:
    """The pairs ``name`` (with its arguments ``extra``) among some texts, read from the entry kept by an earlier
    call over some of ``articles`` (the articles the texts come from, in the caller's order) and kept again."""

    def __init__(
        self, name: str, extra: str, articles: Sequence[Article], pieces: Pieces = NO_PIECES
    ) -> None:
        self.name = name
        self.extra = extra
        self.articles = articles
        self.pieces = pieces

        self.found_at: int | None = None  # which article's entry was read
        self.covered = 0
        self.entry: PAIRS_KIND = {}  # the entry read (what else the caller kept with its pairs)

    def known(self) -> tuple[dict[str, int], list[list[Any]]]:
        """The texts an earlier entry covered (by digest, to their place in it) and its pairs."""
        if not self.pieces.active:
            return {}, []
        for n, article in enumerate(self.articles):
            found, entry = self.pieces.kept(self.name, article, PAIRS_KIND, self.extra)
            if not found:
                continue
            texts, pairs = entry.get("texts"), entry.get("pairs")
            if isinstance(texts, list) and isinstance(pairs, list) and all(isinstance(t, str) for t in texts):
                self.found_at, self.covered, self.entry = n, len(texts), entry
                return {t: k for k, t in enumerate(texts)}, pairs
        return {}, []

    def keep(
        self, texts: Sequence[str], pairs: Sequence[Sequence[Any]], scored: bool, **more: list[Any]
    ) -> None:
        """Keep the pairs among ``texts`` (and ``more``: what they were scored under) under the first article,
        unless that entry holds them already (nothing ``scored`` and the entry read was that article's, over the
        same texts)."""
        if not scored and self.found_at == 0 and self.covered == len(texts):
            return
        if self.pieces.active and self.articles:
            self.pieces.keep(
                self.name,
                self.articles[0],
                {"texts": list(texts), "pairs": [list(p) for p in pairs], **more},
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


def exact_cosine(a: np.ndarray, b: np.ndarray) -> float:
    """The dot product of two float32 vectors rounded once: each product is exact in float64 (24-bit
    significands), ``math.fsum`` sums them exactly. It does not depend on what it is computed with (a block
    product's cell does, in the last bits), so a pair's cosine can be kept and read back."""
    import numpy as np

    return math.fsum((a.astype(np.float64) * b.astype(np.float64)).tolist())


@dataclass(frozen=True)
class SharedRare:
    """What the words of two texts must bear out before their cosine is looked at: at least ``least`` (1 or more)
    content words in common that are not ``common`` (the words too many texts of the collection use to tell two
    statements apart: the story's own vocabulary)."""

    common: frozenset[str]
    least: int

    def holds(self, a: frozenset[str], b: frozenset[str]) -> bool:
        return len((a & b) - self.common) >= self.least


def similar_pairs(
    texts: Sequence[str],
    vectors: np.ndarray,
    threshold: float,
    rare: SharedRare,
    articles: Sequence[Article] = (),
    pieces: Pieces = NO_PIECES,
    name: str = "similar-pairs",
) -> list[tuple[int, int, float]]:
    """Pairs (i < j, in that order) of ``texts`` (with their unit ``vectors``, one row each, the same for the
    same text) that share the ``rare`` words asked and whose cosine (``exact_cosine``) reaches ``threshold``.
    Only the pairs sharing those words are scored (``rare_pairs``, an index on the rare words: no product of
    every text with every other). With ``pieces`` and the ``articles`` the texts come from, pairs among texts an
    earlier call of the same ``name`` kept are read, not scored again (``KeptPairs``; its entry keeps the words
    that were ``common`` then, so the pairs of old texts that only this call's rare words join are scored)."""
    import numpy as np

    if rare.least < 1:
        raise ValueError(f"the rare words in common must be 1 or more (got {rare.least})")
    distinct, where = unique_texts(texts)
    if not distinct:
        return []
    rows = np.ascontiguousarray(vectors[[used[0] for used in where]], dtype=np.float32)
    bags = [frozenset(content_words(t)) for t in distinct]
    keys = [digest(t) for t in distinct]
    store = KeptPairs(name, f"{threshold!r}:{rare.least}", articles, pieces)
    known, kept_pairs = store.known()
    links, covered = carried_over(keys, known, kept_pairs)
    was_common = store.entry.get("common")
    # a kept cosine must be a number, the words common then strings (an entry of another shape: everything
    # scored again)
    if not (
        isinstance(was_common, list)
        and all(isinstance(w, str) for w in was_common)
        and all(isinstance(value, float) for _, _, value in links)
    ):
        links, covered, was_common = [], [False] * len(distinct), []
    # the pairs the entry scored that share too few of this call's rare words are left out; a pair of two
    # covered texts that this call's rare words make a candidate, and the entry's did not, holds a word rare now
    # that was common then: such texts are looked up again, with the new ones
    links = [(a, b, value) for a, b, value in links if rare.holds(bags[a], bags[b])]
    now_rare = frozenset(was_common) - rare.common
    look_up = [n for n in range(len(distinct)) if not covered[n] or not bags[n].isdisjoint(now_rare)]
    if look_up:
        candidates = rare_pairs(bags, rare, look_up)
        old = np.asarray(covered, dtype=bool)
        both = np.flatnonzero(old[candidates[:, 0]] & old[candidates[:, 1]])
        if len(both):  # two covered texts: scored by the entry when its rare words joined them too
            then = SharedRare(frozenset(was_common), rare.least)
            known_pairs = [
                k
                for k, (a, b) in zip(both, candidates[both].tolist(), strict=True)
                if then.holds(bags[a], bags[b])
            ]
            candidates = np.delete(candidates, known_pairs, axis=0)
        links.extend(cosine_links(rows, candidates, threshold))
    scored = {(a, b): value for a, b, value in links}
    vocabulary = frozenset().union(*bags)
    store.keep(
        keys,
        sorted((a, b, value) for (a, b), value in scored.items()),
        bool(look_up),
        common=sorted(rare.common & vocabulary),
    )
    # back to the texts' own places: every use of one text against every use of the other
    pairs: list[tuple[int, int, float]] = []
    for (a, b), value in scored.items():
        for i in where[a]:
            for j in where[b]:
                pairs.append((min(i, j), max(i, j), value))
    for n, used in enumerate(where):
        if len(used) > 1 and rare.holds(bags[n], bags[n]):
            value = exact_cosine(rows[n], rows[n])
            if value >= threshold:
                pairs.extend((i, j, value) for k, i in enumerate(used) for j in used[k + 1 :])
    pairs.sort(key=lambda p: (p[0], p[1]))
    return pairs


def rare_pairs(bags: Sequence[frozenset[str]], rare: SharedRare, look_up: Sequence[int]) -> np.ndarray:
    """Every pair of distinct texts with one of ``look_up`` that shares ``rare.least`` words not ``rare.common``,
    as rows (lower, higher) of an array (millions of pairs at a thousand articles): sparse products of the texts'
    rare words, a block of looked-up texts against the texts it can pair with only (every text not looked up, and
    the looked-up ones from the block's first on: a pair of two is found once, from its lower one)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    column: dict[str, int] = {}
    words = [[column.setdefault(w, len(column)) for w in bag if w not in rare.common] for bag in bags]
    ends = np.zeros(len(words) + 1, dtype=np.int64)
    ends[1:] = np.cumsum([len(w) for w in words])
    columns = np.fromiter(itertools.chain.from_iterable(words), dtype=np.int64, count=int(ends[-1]))
    matrix = csr_matrix(
        (np.ones(len(columns), dtype=np.int32), columns, ends), shape=(len(words), max(1, len(column)))
    )
    chosen = np.unique(np.asarray(look_up, dtype=np.int64))
    is_chosen = np.zeros(len(words), dtype=bool)
    is_chosen[chosen] = True
    others = np.flatnonzero(~is_chosen)
    found = [np.zeros((0, 2), dtype=np.int64)]
    for start in range(0, len(chosen), LOOKUP_ROWS):
        part = chosen[start : start + LOOKUP_ROWS]
        against = np.concatenate([others, chosen[start:]])
        # every text looked up (a first brief): the texts from the block's first on, read in place
        shared = (matrix[part] @ (matrix[against] if len(others) else matrix[start:]).T).tocoo()
        enough = shared.data >= rare.least
        x, y = part[shared.row[enough]], against[shared.col[enough]]
        keep = ~is_chosen[y] | (y > x)
        x, y = x[keep], y[keep]
        found.append(np.column_stack([np.minimum(x, y), np.maximum(x, y)]))
    return np.concatenate(found)


# the candidate pairs whose float32 cosines are computed at once by ``cosine_links`` (16 MB of rows)
COSINE_PAIRS = 8192


def cosine_links(rows: np.ndarray, candidates: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """The ``candidates`` (pairs of rows, an array of two columns) whose exact cosine reaches ``threshold``, as
    (lower, higher, cosine): found by float32 products with ``MARGIN`` to spare, then scored exactly."""
    import numpy as np

    found: list[tuple[int, int, float]] = []
    for start in range(0, len(candidates), COSINE_PAIRS):
        x, y = candidates[start : start + COSINE_PAIRS, 0], candidates[start : start + COSINE_PAIRS, 1]
        close = np.einsum("ij,ij->i", rows[x], rows[y]) >= threshold - MARGIN
        for n, m in zip(x[close].tolist(), y[close].tolist(), strict=True):
            value = exact_cosine(rows[n], rows[m])
            if value >= threshold:
                found.append((min(n, m), max(n, m), value))
    return found


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
