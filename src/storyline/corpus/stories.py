"""Stories: group articles into developing stories, online, in time order.

Each article is described by the names it uses (words it capitalises more often than not: people,
places, organisations, events — what tells one story from another far better than common words),
weighted by TF-IDF with document frequencies counted online. A story is the running sum of its
articles' vectors. A new article joins the story whose centroid is most similar (cosine), discounted
by how long the story has been quiet (``exp(-gap / decay_days)``), when that score reaches
``threshold``; otherwise it opens a new story. Earlier assignments are never revisited, so story ids
(``s-`` and the id of the article that opened it) stay stable however many batches follow.

A story quiet for longer than ``horizon_days`` can never win again (its discount alone is below the
threshold), so it is dropped from memory: memory depends on how many stories are active at once, not
on how many articles have been seen. Copies found by deduplication join their original's story
without moving its centroid (a wire story re-posted ten times is still one article's worth of evidence).

Everything here is pure: ``StoryClusterer`` holds the state, and the store persists it between runs
(``storyline.corpus.store``). Term ids are CRC-32 hashes into a fixed number of buckets, so the document
frequency table has a fixed size too.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from ..model import Article
from ..settings import StoriesSettings
from ..text.similarity import STOPWORDS

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
# Capitalised words that are never names, beyond the stop words: days, months, titles, and the
# Penn Treebank bracket tokens of pre-tokenised corpora (-LRB- for "(").
NOT_NAMES = frozenset(
    """i a monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec gmt est edt bst pm am
    mr mrs ms dr lrb rrb lsb rsb lcb rcb""".split()
)


# Online clustering parameters: ``storyline.settings.StoriesSettings`` (key ``stories``).
StorySettings = StoriesSettings

DEFAULT_SETTINGS = StorySettings()


def name_terms(text: str, limit: int = 200) -> dict[str, int]:
    """The article's name-like words and how often each occurs (the ``limit`` most frequent).

    A word counts as a name when it is capitalised in most of its occurrences in this article:
    "Gulf" in an oil-spill story, "Mubarak", "H1N1". Sentence-initial capitals of common words are
    mostly outvoted by their lower-case occurrences, and the few left over are rare enough to weigh
    little; stop words, days and months never count.
    """
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for match in WORD.finditer(text):
        word = match.group()
        key = word.lower()
        if word[0].isupper():
            capitalised[key] += 1
            forms.setdefault(key, Counter())[word] += 1
        else:
            lower[key] += 1
    names = {
        key: count
        for key, count in capitalised.items()
        if count > lower[key] and key not in STOPWORDS and key not in NOT_NAMES and len(key) > 1
    }
    ranked = sorted(names.items(), key=lambda item: (-item[1], item[0]))[:limit]
    # Keyed by the commonest spelling ("BP", "McCain"); matching ignores case.
    return {display_form(forms[key]): count for key, count in ranked}


def display_form(forms: Counter[str]) -> str:
    return sorted(forms.items(), key=lambda item: (-item[1], item[0]))[0][0]


def term_bucket(term: str, buckets: int) -> int:
    return zlib.crc32(term.lower().encode("utf-8")) % buckets


@dataclass
class StoryInput:
    """What clustering needs of an article (kept small so millions can stream past)."""

    article_id: str
    published: dt.date | None
    terms: dict[str, int]
    duplicate_of: str | None = None
    # The story the original (``duplicate_of``) was put in by an earlier run, when the caller knows it.
    original_story: str | None = None


def story_input(article: Article) -> StoryInput:
    return StoryInput(
        article_id=article.id,
        published=article.published,
        terms=name_terms(article.text),
        duplicate_of=article.duplicate_of,
    )


@dataclass
class TermStats:
    """Online document frequencies per term bucket."""

    documents: int
    frequencies: np.ndarray

    @classmethod
    def empty(cls, buckets: int) -> TermStats:
        return cls(0, np.zeros(buckets, dtype=np.int32))

    def to_bytes(self) -> bytes:
        return zlib.compress(self.frequencies.astype("<i4").tobytes(), 1)

    @classmethod
    def from_bytes(cls, documents: int, data: bytes) -> TermStats:
        return cls(documents, np.frombuffer(zlib.decompress(data), dtype="<i4").astype(np.int32))


@dataclass
class StoryState:
    """One story as the clusterer sees it: its centroid, dates, size and a label candidate."""

    id: str
    founder: str
    start: dt.date | None
    end: dt.date | None
    size: int
    centroid: dict[int, float]
    names: dict[str, float] = field(default_factory=dict)
    representative: str = ""
    representative_score: float = -1.0
    sequence: int = 0
    norm: float = 0.0
    changed: bool = True

    def __post_init__(self) -> None:
        if not self.representative:
            self.representative = self.founder
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values()))

    def gap_days(self, date: dt.date | None) -> int:
        """Days between ``date`` and the story's span (0 inside it, or when either is undated)."""
        if date is None or self.start is None or self.end is None:
            return 0
        if date < self.start:
            return (self.start - date).days
        if date > self.end:
            return (date - self.end).days
        return 0

    def extend(self, date: dt.date | None) -> None:
        if date is not None:
            self.start = date if self.start is None or date < self.start else self.start
            self.end = date if self.end is None or date > self.end else self.end
        self.size += 1
        self.changed = True

    def top_names(self, count: int = 5) -> list[str]:
        return [n for n, _ in sorted(self.names.items(), key=lambda item: (-item[1], item[0]))[:count]]


def story_id(founder: str) -> str:
    return f"s-{founder}"


class StoryClusterer:
    """Assigns articles to stories one at a time, in the order given (time order is the caller's)."""

    def __init__(
        self,
        settings: StorySettings = DEFAULT_SETTINGS,
        stats: TermStats | None = None,
        stories: Iterable[StoryState] = (),
        assigned: dict[str, str] | None = None,
        now: dt.date | None = None,
    ) -> None:
        self.settings = settings
        self.stats = stats or TermStats.empty(settings.buckets)
        if len(self.stats.frequencies) != settings.buckets:
            raise ValueError("stored term statistics use a different number of buckets")
        self.active: dict[str, StoryState] = {}
        # Stories dropped from memory since the caller last saved them, with unsaved changes.
        self.retired: list[StoryState] = []
        self.postings: dict[int, set[str]] = {}
        self.next_sequence = 0
        self.now = now
        # Story of each article assigned since the caller last cleared it (to place copies).
        self.assigned: dict[str, str] = dict(assigned or {})
        for state in stories:
            self.activate(state)

    def activate(self, state: StoryState) -> None:
        self.active[state.id] = state
        self.next_sequence = max(self.next_sequence, state.sequence + 1)
        for key in state.centroid:
            self.postings.setdefault(key, set()).add(state.id)
        if state.end is not None and (self.now is None or state.end > self.now):
            self.now = state.end

    def deactivate(self, state: StoryState) -> None:
        del self.active[state.id]
        for key in state.centroid:
            holders = self.postings.get(key)
            if holders is not None:
                holders.discard(state.id)
                if not holders:
                    del self.postings[key]

    def expire(self, today: dt.date) -> list[StoryState]:
        """Drop stories that can no longer win an article dated ``today`` or later; returns them."""
        horizon = self.settings.horizon_days
        gone = [s for s in self.active.values() if s.end is not None and (today - s.end).days > horizon]
        for state in gone:
            self.deactivate(state)
            if state.changed:
                self.retired.append(state)
        return gone

    def take_changed(self) -> list[StoryState]:
        """Stories changed since the last call (active or retired), for the caller to save."""
        changed = [s for s in self.retired if s.changed] + [s for s in self.active.values() if s.changed]
        self.retired = []
        return changed

    def vector(self, terms: dict[str, int]) -> dict[int, float]:
        """TF-IDF of the article's names (document frequencies updated with this article first)."""
        buckets = self.settings.buckets
        counts: dict[int, int] = {}
        for term, count in terms.items():
            key = term_bucket(term, buckets)
            counts[key] = counts.get(key, 0) + count
        self.stats.documents += 1
        if counts:
            keys = np.fromiter(counts, dtype=np.int64, count=len(counts))
            self.stats.frequencies[keys] += 1
        total = self.stats.documents
        weights = {
            key: (1.0 + math.log(count)) * math.log((total + 1) / (self.stats.frequencies[key] + 0.5))
            for key, count in counts.items()
        }
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[: self.settings.article_terms]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {key: w / norm for key, w in top if w > 0}

    def score(self, vector: dict[int, float], date: dt.date | None) -> tuple[float, StoryState | None]:
        candidates: set[str] = set()
        for key in vector:
            holders = self.postings.get(key)
            if holders:
                candidates |= holders
        best: tuple[float, int] = (-1.0, 0)
        best_state: StoryState | None = None
        for story in candidates:
            state = self.active[story]
            if state.norm == 0:
                continue
            centroid = state.centroid
            cosine = sum(w * centroid.get(k, 0.0) for k, w in vector.items()) / state.norm
            discounted = cosine * math.exp(-state.gap_days(date) / self.settings.decay_days)
            rank = (discounted, -state.sequence)
            if rank > best:
                best, best_state = rank, state
        return best[0], best_state

    def assign(self, item: StoryInput) -> str:
        """The id of the story ``item`` joins (opening one if no story is close enough)."""
        date = item.published or self.now
        if item.published is not None and (self.now is None or item.published > self.now):
            self.now = item.published
        if date is not None:
            self.expire(date)
        original_story = item.original_story
        if original_story is None and item.duplicate_of:
            original_story = self.assigned.get(item.duplicate_of)
        if original_story is not None and original_story in self.active:
            copied = self.active[original_story]
            copied.extend(date)
            self.assigned[item.article_id] = copied.id
            return copied.id
        vector = self.vector(item.terms)
        score, best = self.score(vector, date)
        if best is not None and score >= self.settings.threshold:
            state = best
            self.add_to(state, item, vector, score, date)
        else:
            state = StoryState(
                id=story_id(item.article_id),
                founder=item.article_id,
                start=date,
                end=date,
                size=1,
                centroid=dict(vector),
                names={},
                sequence=self.next_sequence,
            )
            self.next_sequence += 1
            self.add_names(state, item.terms)
            self.activate(state)
        self.assigned[item.article_id] = state.id
        return state.id

    def add_to(
        self,
        state: StoryState,
        item: StoryInput,
        vector: dict[int, float],
        score: float,
        date: dt.date | None,
    ) -> None:
        centroid = state.centroid
        for key, weight in vector.items():
            if key not in centroid:
                self.postings.setdefault(key, set()).add(state.id)
            centroid[key] = centroid.get(key, 0.0) + weight
        if len(centroid) > 2 * self.settings.story_terms:
            kept = dict(
                sorted(centroid.items(), key=lambda item: (-item[1], item[0]))[: self.settings.story_terms]
            )
            for key in centroid:
                if key not in kept:
                    holders = self.postings.get(key)
                    if holders is not None:
                        holders.discard(state.id)
                        if not holders:
                            del self.postings[key]
            state.centroid = centroid = kept
        state.norm = math.sqrt(sum(v * v for v in centroid.values()))
        if score > state.representative_score:
            state.representative, state.representative_score = item.article_id, score
        self.add_names(state, item.terms)
        state.extend(date)

    @staticmethod
    def add_names(state: StoryState, terms: dict[str, int], keep: int = 40) -> None:
        """Count in how many of the story's articles each name occurs (top ``keep`` kept, for labels)."""
        names = state.names
        for term in list(terms)[:20]:
            names[term] = names.get(term, 0.0) + 1.0
        if len(names) > 2 * keep:
            state.names = dict(sorted(names.items(), key=lambda item: (-item[1], item[0]))[:keep])


def cluster(
    items: Iterable[StoryInput], clusterer: StoryClusterer | None = None
) -> Iterator[tuple[str, str]]:
    """(article id, story id) for each item, in the order given."""
    engine = clusterer or StoryClusterer()
    for item in items:
        yield item.article_id, engine.assign(item)


def time_order(items: Iterable[StoryInput]) -> list[StoryInput]:
    """Publication-date order (undated last), stable for equal dates."""
    return sorted(items, key=lambda item: (item.published is None, item.published or dt.date.min))


def label_of(title: str | None, text_start: str, names: list[str]) -> str:
    """A one-line label: the story's top names, then its representative article's title (or opening
    words), e.g. ``BP, Gulf, Hayward: US demands oil spill costs clarification from BP``."""
    head = " ".join((title or "").split())
    if not head:
        words = text_start.split()
        head = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    shown = ", ".join(names[:3])
    label = f"{shown}: {head}" if shown and head else shown or head
    return label if len(label) <= 110 else label[:109].rstrip() + "…"
