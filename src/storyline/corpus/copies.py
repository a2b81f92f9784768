"""Deduplicate: find near-duplicate and syndicated articles with MinHash LSH (``datasketch``).

A wire story re-posted by ten outlets, or a page scraped twice with a new headline and different
boilerplate, is one source, not ten. Each article gets a *fingerprint*: the MinHash signature of its
set of word 5-shingles (so word order matters and a shared stock phrase does not make two articles
alike) and the size of that set. LSH banding finds the few earlier articles that may be copies; a
candidate is a copy when its estimated Jaccard similarity is high, or when one text is almost wholly
contained in the other (a copy with a paragraph dropped, or an update with one added). The copy's
``Article.duplicate_of`` is set to the id of the earliest article of its group, so chains never form
and ``storyline.text.similarity.independent_outlets`` counts the group once.

The candidate index is a small interface: ``MemoryIndex`` wraps datasketch's ``MinHashLSH`` for one
batch of articles in memory; the store keeps the same bands in its own tables, so a corpus of millions
is checked without holding it in memory. Both use the band layout datasketch chooses for the threshold,
so they find the same candidates.

Example::

    >>> from storyline.model import Article
    >>> text = " ".join(f"word{i}" for i in range(300))
    >>> original = Article(id="a", source="a.txt", text=text)
    >>> copy = Article(id="b", source="b.txt", text="Breaking: " + text + " Share this article.")
    >>> [a.duplicate_of for a in mark_duplicates([original, copy])]
    [None, 'a']

Tuning: ``jaccard`` and ``containment`` were chosen on half of the Timeline17 topics with planted
copies and hold on the other half (``benchmarks/stories.py --part dedup``; BENCHMARKS.md). Lower them
to catch looser rewrites, at the cost of flagging articles that share long passages as copies.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:  # datasketch (and scipy under it) is imported where a signature is made or indexed
    from datasketch import LeanMinHash, MinHashLSH

from ..model import Article
from ..settings import CopiesSettings, current_settings

WORD = re.compile(r"\w+")
# datasketch's default permutation scheme since 2.0: 32-bit hash values, stored as uint32.
SCHEME = "affine32"
SEED = 1


# How alike two articles must be to count as copies: ``storyline.settings.CopiesSettings`` (key ``copies``).
DedupSettings = CopiesSettings
DEFAULT_SETTINGS = DedupSettings()


@dataclass
class Fingerprint:
    """An article's MinHash signature (``num_perm`` uint32 values) and its number of shingles."""

    article_id: str
    signature: np.ndarray
    size: int

    def minhash(self) -> LeanMinHash:
        from datasketch import LeanMinHash

        return LeanMinHash(seed=SEED, hashvalues=self.signature, scheme=SCHEME)

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, article_id: str, data: bytes, size: int) -> Fingerprint:
        return cls(article_id, np.frombuffer(data, dtype="<u4").astype(np.uint32), size)


def shingles(text: str, words: int = 5) -> set[bytes]:
    """The set of ``words``-word shingles of the lower-cased text (one shingle for a shorter text)."""
    tokens = WORD.findall(text.lower())
    if len(tokens) <= words:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + words]).encode("utf-8") for i in range(len(tokens) - words + 1)}


def fingerprint(article_id: str, text: str, settings: DedupSettings = DEFAULT_SETTINGS) -> Fingerprint:
    """MinHash the article's shingles (an empty text gets an all-max signature that matches nothing)."""
    from datasketch import MinHash

    shingle_set = shingles(text, settings.shingle_words)
    minhash = MinHash(num_perm=settings.num_perm, seed=SEED, scheme=SCHEME)
    if shingle_set:
        minhash.update_batch(list(shingle_set))
    return Fingerprint(article_id, np.asarray(minhash.hashvalues, dtype=np.uint32), len(shingle_set))


@functools.cache
def band_layout(lsh_threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) datasketch picks for this threshold (weights false positives and
    false negatives equally)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(signature: np.ndarray, settings: DedupSettings = DEFAULT_SETTINGS) -> list[int]:
    """One signed 64-bit key per band: the hash of the band's bytes as datasketch's LSH forms them."""
    bands, rows = band_layout(settings.lsh_threshold, settings.num_perm)
    keys = []
    for band in range(bands):
        chunk = bytes(signature[band * rows : (band + 1) * rows].byteswap().data)
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Estimated (Jaccard, containment of the smaller set in the larger) of two fingerprints."""
    if a.size == 0 or b.size == 0:
        return 0.0, 0.0
    jaccard = float(np.mean(a.signature == b.signature))
    # |A ∩ B| = J |A ∪ B| and |A ∪ B| = (|A| + |B|) / (1 + J).
    overlap = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return jaccard, min(1.0, overlap / min(a.size, b.size))


def is_copy(a: Fingerprint, b: Fingerprint, settings: DedupSettings = DEFAULT_SETTINGS) -> float | None:
    """The strength of the match (estimated Jaccard) when ``a`` and ``b`` are copies, else None."""
    jaccard, contained = similarity(a, b)
    if jaccard >= settings.jaccard:
        return jaccard
    if contained >= settings.containment and min(a.size, b.size) >= settings.min_shingles:
        return jaccard
    return None


class CandidateIndex(Protocol):
    """Where earlier fingerprints are looked up: in memory, or in the store's tables."""

    def candidates(self, fingerprint: Fingerprint) -> list[str]:
        """Ids of indexed articles sharing at least one LSH band with ``fingerprint``."""
        ...

    def fingerprint_of(self, article_id: str) -> Fingerprint: ...

    def original_of(self, article_id: str) -> str | None:
        """The ``duplicate_of`` recorded for an indexed article (None for an original)."""
        ...

    def add(self, fingerprint: Fingerprint, duplicate_of: str | None) -> None: ...


@dataclass
class MemoryIndex:
    """Candidate index held in memory: datasketch's ``MinHashLSH`` plus the fingerprints."""

    settings: DedupSettings = DEFAULT_SETTINGS
    lsh: MinHashLSH = field(init=False)
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    originals: dict[str, str | None] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(
            num_perm=self.settings.num_perm,
            params=band_layout(self.settings.lsh_threshold, self.settings.num_perm),
        )

    def candidates(self, fingerprint: Fingerprint) -> list[str]:
        if fingerprint.size == 0:
            return []
        found: list[str] = self.lsh.query(fingerprint.minhash())
        return sorted(found, key=self.order.__getitem__)

    def fingerprint_of(self, article_id: str) -> Fingerprint:
        return self.fingerprints[article_id]

    def original_of(self, article_id: str) -> str | None:
        return self.originals.get(article_id)

    def add(self, fingerprint: Fingerprint, duplicate_of: str | None) -> None:
        if fingerprint.article_id in self.fingerprints:
            return
        self.order[fingerprint.article_id] = len(self.order)
        self.fingerprints[fingerprint.article_id] = fingerprint
        self.originals[fingerprint.article_id] = duplicate_of
        if fingerprint.size:
            self.lsh.insert(fingerprint.article_id, fingerprint.minhash())


def find_original(
    fingerprint: Fingerprint,
    candidate_ids: Sequence[str],
    lookup: Callable[[str], Fingerprint],
    original_of: Callable[[str], str | None],
    settings: DedupSettings = DEFAULT_SETTINGS,
) -> str | None:
    """The article ``fingerprint`` copies, as the root of its group, or None.

    ``candidate_ids`` come in the order they were indexed; the most similar copy wins, the earliest
    on ties, and a copy of a copy points to the first article of the group.
    """
    best: tuple[float, int] | None = None
    best_id: str | None = None
    for position, candidate in enumerate(candidate_ids):
        if candidate == fingerprint.article_id:
            continue
        strength = is_copy(fingerprint, lookup(candidate), settings)
        if strength is None:
            continue
        rank = (strength, -position)
        if best is None or rank > best:
            best, best_id = rank, candidate
    if best_id is None:
        return None
    return original_of(best_id) or best_id


def deduplicate(
    fingerprints: Iterable[Fingerprint], index: CandidateIndex, settings: DedupSettings = DEFAULT_SETTINGS
) -> Iterator[tuple[Fingerprint, str | None]]:
    """For each fingerprint in order: the id it copies (or None); each is then added to ``index``."""
    for current in fingerprints:
        original = find_original(
            current, index.candidates(current), index.fingerprint_of, index.original_of, settings
        )
        index.add(current, original)
        yield current, original


def mark_duplicates(
    articles: Iterable[Article],
    settings: DedupSettings | None = None,
    index: CandidateIndex | None = None,
) -> list[Article]:
    """Set ``duplicate_of`` on every article that copies an earlier one (in memory; returns the list).

    ``settings`` are the installed settings' ``copies`` unless given."""
    settings = settings or current_settings().copies
    result = list(articles)
    chosen = index if index is not None else MemoryIndex(settings)
    prints = (fingerprint(a.id, a.text, settings) for a in result)
    for article, (_print, original) in zip(result, deduplicate(prints, chosen, settings)):
        article.duplicate_of = original
    return result
