"""Stories: group articles into developing stories, online, in time order.

Each article is described by the names it uses (words it capitalises more often than not: people,
places, organisations, events — what tells one story from another far better than common words),
weighted by TF-IDF with document frequencies counted online. A story is the running sum of its
articles' vectors. A new article joins the story whose centroid is most similar (cosine), discounted
by how long the story has been quiet (``exp(-gap / decay_days)``), when that score reaches
``threshold``; otherwise it opens a new story. Earlier assignments are never revisited, so story ids
(``s-`` and the id of the article that opened it) stay stable however many batches follow.

A story quiet for longer than ``horizon_days`` can no longer win an article (its discount alone is
below the threshold). It is not forgotten, though: a story of ``dormant_size`` articles or more is kept
*dormant*, with a shorter profile, in an index articles do not search (at most ``dormant_limit`` of
them, so memory depends on how many stories are alive or recently substantial, not on how many articles
have been seen); smaller ones are dropped. Copies found by deduplication join their original's story
without moving its centroid (a wire story re-posted ten times is still one article's worth of evidence).

A story also keeps its *core*: its profile as it was when it reached ``core_size`` articles, renewed
each time it doubles. An article joins a story only when its cosine with the core also reaches the
join threshold. So round-ups that rightly join a story (Egypt's protests, with Tunisia's and Libya's
named) cannot carry a new story in after them: Libya's own articles, close to the profile those
round-ups left, are far from the core, and open their own story. Without it, a low join threshold
let Libya take Egypt's story over (Timeline17, the Egypt/Libya/H1N1 half alone: B-cubed precision
0.68 at threshold 0.02, 0.98 with the core).

A second pass keeps a long-running story whole: when a story reaches a checkpoint size (every article
up to 16, then about eight times per doubling), its profile is compared with the profiles of the live
and dormant stories that share one of its weightiest names. When the cosine, discounted by the time
between the two spans (``merge_decay_days``, far gentler than an article's decay), reaches
``merge_threshold``, the two are merged: the older id survives, the younger is recorded as absorbed
(``take_merges``) and resolves to the survivor (``resolve``). So a story that returns after months of
quiet under new names, and first opens a new story, is folded back into its old id once its profile
shows it. An article that no live story is close enough to join is held to the same test, as a story of
one: a lone article back after months of quiet joins its old story directly (no id is made for it).
An undated article is held to the merge bar even for a join, since no time discount can help tell
concurrent stories apart for it. Profile cosines of two different stories that only share a country or
a leader ("Obama", "Libya") stay below those of two pieces of one story (on Timeline17 the closest two
different stories come is 0.22, Libya and Egypt), and the threshold is chosen from that margin in
cross-validation over stories (``storyline.evaluate.stories.merge_threshold_for``).

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
from ..text.dates import MONTHS, WEEKDAYS
from ..text.similarity import STOPWORDS

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
# Capitalised words that are never names, beyond the stop words: days, months, titles, and the
# Penn Treebank bracket tokens of pre-tokenised corpora (-LRB- for "(").
NOT_NAMES = frozenset(
    {*WEEKDAYS, *MONTHS}
    | set("i a today yesterday tomorrow gmt est edt bst pm am mr mrs ms dr lrb rrb lsb rsb lcb rcb".split())
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
    dormant: bool = False
    # The story's core: its profile as it was when it last doubled (from ``core_size`` articles on),
    # the size it had then, and the core's norm. An article must be close to it too to join.
    core: dict[int, float] | None = None
    core_at: int = 0
    core_norm: float = 0.0

    def __post_init__(self) -> None:
        if not self.representative:
            self.representative = self.founder
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values()))
        if self.core is not None:
            self.core_norm = math.sqrt(sum(v * v for v in self.core.values()))

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
        # Merges made here: absorbed id -> surviving id (``resolve`` follows chains), and the merges
        # not yet taken by the caller, as (absorbed, survivor, date).
        self.merged_into: dict[str, str] = {}
        self.merges: list[tuple[str, str, dt.date | None, int]] = []
        # Term -> stories holding it: live stories, and dormant ones (quiet past the horizon).
        self.dormant_postings: dict[int, set[str]] = {}
        self.expired_on: dt.date | None = None
        for state in stories:
            self.activate(state)

    def activate(self, state: StoryState) -> None:
        self.active[state.id] = state
        self.next_sequence = max(self.next_sequence, state.sequence + 1)
        self.post(state, state.centroid)
        if state.end is not None and (self.now is None or state.end > self.now):
            self.now = state.end

    def index_of(self, state: StoryState) -> dict[int, set[str]]:
        return self.dormant_postings if state.dormant else self.postings

    def post(self, state: StoryState, keys: Iterable[int]) -> None:
        index = self.index_of(state)
        for key in keys:
            index.setdefault(key, set()).add(state.id)

    def unpost(self, state: StoryState, keys: Iterable[int]) -> None:
        index = self.index_of(state)
        for key in keys:
            holders = index.get(key)
            if holders is not None:
                holders.discard(state.id)
                if not holders:
                    del index[key]

    def deactivate(self, state: StoryState) -> None:
        del self.active[state.id]
        self.unpost(state, state.centroid)

    def set_dormant(self, state: StoryState, dormant: bool) -> None:
        """Move a story between the live index (articles look there) and the dormant one."""
        if state.dormant == dormant:
            return
        self.unpost(state, state.centroid)
        state.dormant = dormant
        if dormant:
            self.trim(state, self.settings.dormant_terms)
            # Articles do not look at a dormant story, so its core is not needed (memory stays
            # bounded); back in use, it keeps a new core at its next doubling.
            state.core, state.core_norm = None, 0.0
            state.changed = True  # saved with its shorter profile
        self.post(state, state.centroid)

    def resolve(self, story: str) -> str:
        """The story ``story`` now belongs to (itself unless merged into another)."""
        seen = story
        while seen in self.merged_into:
            seen = self.merged_into[seen]
        return seen

    def can_revive(self) -> bool:
        return self.settings.can_revive

    def expire(self, today: dt.date) -> list[StoryState]:
        """Drop stories that can no longer win an article dated ``today`` or later; returns them.

        When quiet stories can come back (a dormant floor at or above the threshold) or be merged, a
        story of ``dormant_size`` articles or more is kept past the horizon with a shorter profile
        (``dormant_terms``), in a separate index: a story that returns after months of quiet, under
        a new id, is merged back into its old one. At most ``dormant_limit`` such stories are kept (the
        longest quiet go first), so memory stays bounded.
        """
        if today == self.expired_on:
            return []  # nothing more can have gone quiet on the same day
        self.expired_on = today
        settings = self.settings
        horizon = settings.horizon_days
        quiet = [
            s
            for s in self.active.values()
            if not s.dormant and s.end is not None and (today - s.end).days > horizon
        ]
        gone = []
        keep = self.settings.keeps_dormant
        for state in quiet:
            if keep and state.size >= settings.dormant_size:
                self.set_dormant(state, True)
            else:
                gone.append(state)
        if keep and quiet:
            dormant = [s for s in self.active.values() if s.dormant]
            if len(dormant) > settings.dormant_limit:
                dormant.sort(key=lambda s: (s.end or dt.date.min, s.sequence))
                gone.extend(dormant[: len(dormant) - settings.dormant_limit])
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

    def take_merges(self) -> list[tuple[str, str, dt.date | None, int]]:
        """Merges made since the last call: (absorbed id, surviving id, date, absorbed sequence)."""
        merges, self.merges = self.merges, []
        return merges

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

    def similarity(self, vector: dict[int, float], centroid: dict[int, float], norm: float) -> float:
        """Cosine of ``vector`` (unit length) with a centroid."""
        if norm == 0:
            return 0.0
        dot = 0.0
        for key, weight in vector.items():
            other = centroid.get(key)
            if other is not None:
                dot += weight * other
        return dot / norm

    def score(self, vector: dict[int, float], date: dt.date | None) -> tuple[float, StoryState | None]:
        candidates: set[str] = set()
        indexes = [self.postings, self.dormant_postings] if self.can_revive() else [self.postings]
        for index in indexes:
            for key in vector:
                holders = index.get(key)
                if holders:
                    candidates |= holders
        best: tuple[float, int] = (-1.0, 0)
        best_state: StoryState | None = None
        threshold = self.settings.threshold
        for story in candidates:
            state = self.active[story]
            cosine = self.similarity(vector, state.centroid, state.norm)
            discounted = cosine * self.settings.discount(state.gap_days(date))
            rank = (discounted, -state.sequence)
            if rank > best:
                if (
                    state.core is not None
                    and discounted >= threshold
                    and self.similarity(vector, state.core, state.core_norm) < threshold
                ):
                    # Close to what the story has lately taken in, not to what it was about when
                    # it last doubled: a new story borrowing its country or leader (Libya's first
                    # days in Egypt's), which must not take the old one over.
                    continue
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
        if original_story is not None:
            original_story = self.resolve(original_story)
        if original_story is not None and original_story in self.active:
            copied = self.active[original_story]
            copied.extend(date)
            self.set_dormant(copied, False)
            self.assigned[item.article_id] = copied.id
            return copied.id
        vector = self.vector(item.terms)
        score, best = self.score(vector, date)
        bar = self.settings.threshold
        if item.published is None and self.settings.merges:
            # Undated: no time discount can do its share of telling concurrent stories apart, so the
            # article is held to the merge test's bar, which asks for no help from time.
            bar = max(bar, self.settings.merge_threshold)
        joins = best is not None and score >= bar
        if not joins and self.settings.merges:
            # No story is close enough for a join, discounted by its quiet: the article is held to
            # the merge test instead (a far higher cosine, a far gentler time discount), as a story
            # of one. So a lone article that returns to a story after months of quiet joins it.
            returning, back_to = self.merge_candidate(vector, 1.0, date, date)
            if back_to is not None and returning >= self.settings.merge_threshold:
                best, score, joins = back_to, 0.0, True  # (never its label: ``score`` picks that)
        if joins and best is not None:
            state = best
            self.add_to(state, item, vector, score, date)
            if self.settings.merges and checkpoint(state.size):
                self.merge_check(state, date)
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
        story = self.resolve(state.id)
        self.assigned[item.article_id] = story
        return story

    def add_to(
        self,
        state: StoryState,
        item: StoryInput,
        vector: dict[int, float],
        score: float,
        date: dt.date | None,
    ) -> None:
        self.set_dormant(state, False)
        centroid = state.centroid
        memory = self.settings.memory_days
        if memory > 0 and date is not None and state.end is not None and date > state.end:
            # The profile ages: what the story said earlier weighs less against what it says now,
            # but is never dropped (its share halves every ``memory_days`` of the story's own time).
            factor = 0.5 ** ((date - state.end).days / memory)
            for key in centroid:
                centroid[key] *= factor
        for key, weight in vector.items():
            if key not in centroid:
                self.postings.setdefault(key, set()).add(state.id)
            centroid[key] = centroid.get(key, 0.0) + weight
        if len(centroid) > 2 * self.settings.story_terms:
            self.trim(state, self.settings.story_terms)
        state.norm = math.sqrt(sum(v * v for v in state.centroid.values()))
        if score > state.representative_score:
            state.representative, state.representative_score = item.article_id, score
        self.add_names(state, item.terms)
        state.extend(date)
        self.keep_core(state)

    def keep_core(self, state: StoryState) -> None:
        """Keep the story's profile as its core once it has ``core_size`` articles, renewed each
        time it doubles (so the core follows a story that drifts, one doubling behind)."""
        size = self.settings.core_size
        if size <= 0 or state.size < max(size, 2 * state.core_at):
            return
        top = sorted(state.centroid.items(), key=lambda item: (-item[1], item[0]))[: self.settings.core_terms]
        state.core = dict(top)
        state.core_at = state.size
        state.core_norm = math.sqrt(sum(v * v for _, v in top))

    def trim(self, state: StoryState, keep: int) -> None:
        """Keep the ``keep`` weightiest terms of a story's profile."""
        centroid = state.centroid
        if len(centroid) <= keep:
            return
        kept = dict(sorted(centroid.items(), key=lambda item: (-item[1], item[0]))[:keep])
        self.unpost(state, [key for key in centroid if key not in kept])
        state.centroid = kept
        state.norm = math.sqrt(sum(v * v for v in kept.values()))

    def merge_check(self, state: StoryState, date: dt.date | None) -> StoryState | None:
        """Merge ``state`` with the story whose profile has converged with it, if one has.

        Two profiles converge when their cosine, discounted by the time between the two stories'
        spans (``merge_decay_days``), reaches ``merge_threshold``. The older story (the one opened
        first) survives, so its id stays; the other's id is recorded as absorbed and resolves to it.
        Returns the survivor, if merged.
        """
        score, best_state = self.merge_candidate(state.centroid, state.norm, state.start, state.end, state.id)
        if best_state is None or score < self.settings.merge_threshold:
            return None
        survivor, absorbed = (
            (best_state, state) if best_state.sequence < state.sequence else (state, best_state)
        )
        self.merge(survivor, absorbed, date)
        return survivor

    def merge_candidate(
        self,
        centroid: dict[int, float],
        norm: float,
        start: dt.date | None,
        end: dt.date | None,
        exclude: str | None = None,
    ) -> tuple[float, StoryState | None]:
        """The live or dormant story whose profile is closest to ``centroid`` (a story's, or one
        article's), among those sharing one of its weightiest terms, and the score: profile cosine
        discounted by the days between the two spans (``merge_decay_days``)."""
        top = sorted(centroid.items(), key=lambda item: (-item[1], item[0]))[:MERGE_PROBE_TERMS]
        candidates: set[str] = set()
        for index in (self.postings, self.dormant_postings):
            for key, _ in top:
                holders = index.get(key)
                if holders:
                    candidates |= holders
        candidates.discard(exclude or "")
        best: tuple[float, int] = (-1.0, 0)
        best_state: StoryState | None = None
        for story in candidates:
            other = self.active[story]
            if other.norm == 0 or norm == 0:
                continue
            if len(centroid) <= len(other.centroid):
                cosine = self.similarity(centroid, other.centroid, other.norm) / norm
            else:
                cosine = self.similarity(other.centroid, centroid, norm) / other.norm
            cosine *= math.exp(-span_gap_of(start, end, other) / self.settings.merge_decay_days)
            rank = (cosine, -other.sequence)
            if rank > best:
                best, best_state = rank, other
        return best[0], best_state

    def merge(self, survivor: StoryState, absorbed: StoryState, date: dt.date | None) -> None:
        """Fold ``absorbed`` into ``survivor``: profiles, names, sizes and spans add up."""
        self.deactivate(absorbed)
        self.set_dormant(survivor, False)
        centroid = survivor.centroid
        for key, weight in absorbed.centroid.items():
            if key not in centroid:
                self.postings.setdefault(key, set()).add(survivor.id)
            centroid[key] = centroid.get(key, 0.0) + weight
        if len(centroid) > 2 * self.settings.story_terms:
            self.trim(survivor, self.settings.story_terms)
        survivor.norm = math.sqrt(sum(v * v for v in survivor.centroid.values()))
        for name, count in absorbed.names.items():
            survivor.names[name] = survivor.names.get(name, 0.0) + count
        if len(survivor.names) > 80:
            survivor.names = dict(sorted(survivor.names.items(), key=lambda item: (-item[1], item[0]))[:40])
        if absorbed.representative_score > survivor.representative_score:
            survivor.representative = absorbed.representative
            survivor.representative_score = absorbed.representative_score
        for bound in (absorbed.start, absorbed.end):
            if bound is not None:
                survivor.start = bound if survivor.start is None or bound < survivor.start else survivor.start
                survivor.end = bound if survivor.end is None or bound > survivor.end else survivor.end
        survivor.size += absorbed.size
        self.keep_core(survivor)
        survivor.changed = True
        absorbed.changed = False
        self.retired = [s for s in self.retired if s.id != absorbed.id]
        self.merged_into[absorbed.id] = survivor.id
        self.merges.append((absorbed.id, survivor.id, date, absorbed.sequence))

    @staticmethod
    def add_names(state: StoryState, terms: dict[str, int], keep: int = 40) -> None:
        """Count in how many of the story's articles each name occurs (top ``keep`` kept, for labels)."""
        names = state.names
        for term in list(terms)[:20]:
            names[term] = names.get(term, 0.0) + 1.0
        if len(names) > 2 * keep:
            state.names = dict(sorted(names.items(), key=lambda item: (-item[1], item[0]))[:keep])


# A story's profile is compared with the stories that share one of its this many weightiest terms.
MERGE_PROBE_TERMS = 20


def checkpoint(size: int) -> bool:
    """Whether a story that just reached ``size`` articles is checked for merging: every article up
    to 16, then about eight times per doubling (so checks cost O(log size) per story)."""
    step = 1 << max(0, size.bit_length() - 4)
    return size % step == 0


def span_gap(first: StoryState, second: StoryState) -> int:
    """Days between two stories' spans (0 when they overlap or either is undated)."""
    return span_gap_of(first.start, first.end, second)


def span_gap_of(start: dt.date | None, end: dt.date | None, other: StoryState) -> int:
    """Days between the span ``start``-``end`` and a story's (0 when they overlap or either is undated)."""
    if start is None or end is None or other.start is None or other.end is None:
        return 0
    if end < other.start:
        return (other.start - end).days
    if other.end < start:
        return (start - other.end).days
    return 0


def cluster(
    items: Iterable[StoryInput], clusterer: StoryClusterer | None = None
) -> Iterator[tuple[str, str]]:
    """(article id, story id) for each item, in the order given; the story id is the one given at
    the time (a later merge may fold it into another: ``clusterer.resolve`` follows it)."""
    engine = clusterer or StoryClusterer()
    for item in items:
        yield item.article_id, engine.assign(item)


def final_stories(items: Iterable[StoryInput], clusterer: StoryClusterer | None = None) -> dict[str, str]:
    """Article id -> the story it ends up in, after every merge the stream led to."""
    engine = clusterer or StoryClusterer()
    assigned = dict(cluster(items, engine))
    return {article: engine.resolve(story) for article, story in assigned.items()}


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
