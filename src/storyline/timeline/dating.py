"""Date an undated article from the dated articles of its story.

An article that states no publication date still tells events that other articles date. Each of its
sentences is matched (TF-IDF cosine) with the sentences of the story's dated articles, each of which is
dated as the timeline dates it (its own time expression, resolved against its article's date, or, in
the lead, its article's day). A *candidate* publication date ``d`` is then judged by how many of the
undated article's sentences fall, when the article is read as written on ``d``, on the dates the other
articles give the same sentences:

* a lead sentence with no time expression is about ``d`` itself, so a near-copy of another article's
  lead votes for that article's day;
* a sentence with a relative expression ("on Tuesday", "yesterday", "last week") is re-read against
  ``d``: "Kerry said on Tuesday ..." votes for the days after a Tuesday on which another article says
  Kerry said it — the weekday it names is checked against every candidate date;
* an absolute date ("March 19, 2011") does not depend on ``d`` and votes for nothing, but the latest
  day the article names is a lower bound (an article does not report what has not happened yet; a date
  announced for the future is the exception, so the bound is soft: a candidate before it loses most of
  its score, and the interval never starts before it when the estimate is at or after it).

Each sentence spreads one vote over the dates its matches give (a background sentence repeated all
month says little; an event two outlets date alike says much). The best-scored date is the estimate;
its interval comes from how far estimates of the same confidence strayed on other stories
(``DatingSettings.margins``, measured by ``benchmarks/dating.py`` with leave-one-story-out), and the
evidence lists the sentences that voted for it::

    from storyline.timeline.dating import infer_publication_dates
    for inferred in infer_publication_dates(articles).values():
        print(inferred.article, inferred.earliest, inferred.estimate, inferred.latest, inferred.confidence)

Pure functions over articles; time expressions come from ``storyline.annotate.timex``. Articles whose
date is stated (``anchor_of``) are the evidence; those with no date, or only an estimated one, are dated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..annotate.timex import anchor_of, event_point, tag
from ..model import Article, Sentence

__all__ = ["DateEvidence", "DatingSettings", "InferredDate", "infer_publication_dates"]


@dataclass(frozen=True)
class DatingSettings:
    """What the inference may look at and how it turns a score into an interval.

    ``margins`` maps a confidence band (its lower edge) to the days an interval reaches before and after
    the estimate; they, ``min_similarity`` and ``relative_weight`` were chosen on Timeline17 by
    leave-one-story-out (BENCHMARKS.md, ``benchmarks/dating.py``).
    """

    # Two sentences tell the same thing when their TF-IDF cosine reaches this.
    min_similarity: float = 0.6
    # How much more a sentence dated by a relative expression of its own counts than a lead sentence
    # dated by its article's day (it names its event's day, so it places the article more sharply).
    relative_weight: float = 2.0
    # News is told first on its day and retold after: of the dates scored at least this share of the best,
    # the earliest is the estimate.
    earliest_share: float = 1.0
    # How much the weekdays and other relative days the article names count, read against each candidate
    # date near the best-voted ones: the log-likelihood of the distances they put between the event and the
    # candidate, as the story's dated articles distribute them (mostly 0 or 1 day: "on Tuesday" in a
    # Tuesday or Wednesday article). 0: not used.
    weekday_weight: float = 0.5
    # How far around the best-voted dates the weekdays may move the estimate (days).
    weekday_reach: int = 3
    # A candidate date before the latest day the article names keeps this share of its score.
    before_bound: float = 0.1
    # How far a relative expression may place an event from the article's date (days).
    reach: int = 8
    # The dated articles most like the undated one (TF-IDF cosine of whole texts) each vote for their own
    # day with this weight times their similarity: what dates an article whose sentences match nothing.
    neighbours: int = 5
    neighbour_weight: float = 0.5
    # A named day more than this many days after the story's last dated article is a forecast or a misread
    # number ("2099"), not a lower bound.
    bound_slack: int = 60
    # (lowest confidence of the band, days before, days after): the estimate's interval.
    # Measured on all twelve Timeline17 topics (90% of true dates inside; BENCHMARKS.md): wide, because a
    # tenth of the estimates are months off.
    margins: tuple[tuple[float, int, int], ...] = ((0.6, 45, 51), (0.3, 51, 40), (0.0, 66, 127))
    # The interval of an estimate from the most similar dated articles alone.
    neighbour_margins: tuple[int, int] = (114, 137)
    # With no matching sentence, the dated articles most like it place it only when the story has this many
    # dated articles; otherwise only the lower bound is given, as an open interval ("after 2011-08").
    min_dated_for_neighbours: int = 10


DEFAULTS = DatingSettings()


@dataclass
class DateEvidence:
    """One sentence of the undated article that another article dates: what it says and who dates it."""

    sentence: int  # index of the undated article's sentence
    text: str
    article: str  # the dated article whose sentence matched
    other_sentence: int
    other_text: str
    similarity: float
    event_date: dt.date  # the date the dated article gives that sentence
    dated_by: str  # the words that date it there ("on Tuesday", "published 2011-08-16")


@dataclass
class InferredDate:
    """An undated article's publication interval, its best estimate, and why.

    ``earliest``/``latest`` are None when nothing bounds that side, and ``estimate`` None when there is no
    best guess; ``method`` says what decided: ``corpus`` (sentences matched with dated articles),
    ``neighbours`` (only the dated articles most like it), ``lower-bound`` (only the latest date the
    article names: "after" that date) or ``unknown`` (nothing at all)."""

    article: str
    estimate: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    confidence: float
    method: str
    lower_bound: dt.date | None = None
    evidence: list[DateEvidence] = field(default_factory=list)

    def contains(self, day: dt.date) -> bool:
        return (self.earliest is None or self.earliest <= day) and (self.latest is None or day <= self.latest)


@dataclass
class DatedLine:
    """A sentence of a dated article with the day it is about."""

    article: Article
    sentence: Sentence
    day: dt.date
    dated_by: str


def is_dated(article: Article) -> bool:
    return anchor_of(article) is not None


def infer_publication_dates(
    articles: Sequence[Article], settings: DatingSettings = DEFAULTS
) -> dict[str, InferredDate]:
    """An ``InferredDate`` for every article of ``articles`` whose date is not stated, keyed by article id,
    inferred from the articles whose date is."""
    return DatingIndex(articles).infer(settings)


def day_lines(article: Article) -> list[DatedLine]:
    """The article's sentences dated to a day, as the timeline dates them (its own date as anchor)."""
    from .build import date_sentences

    lines = []
    for item in date_sentences(article, ("day",)):
        lines.append(DatedLine(article, item.sentence, item.point.start, item.evidence))
    return lines


def latest_named_day(article: Article) -> dt.date | None:
    """The first day of the latest day or month the article names by an absolute expression ("March 19,
    2011", "August 2011"): a lower bound of its publication date."""
    days = []
    for timex in tag(article.text, None):
        if timex.relative:
            continue
        point = event_point(timex)
        if point is not None and point.granularity in ("day", "time", "week", "month"):
            days.append(point.start)
    return max(days) if days else None


class DatingIndex:
    """The story's sentences in one TF-IDF space, the dated ones with their days, ready to date the rest."""

    def __init__(self, articles: Sequence[Article]) -> None:
        from ..annotate.sentences import annotate_fast
        from ..text.tfidf import tfidf_matrix

        self.articles = list(articles)
        for article in self.articles:
            annotate_fast(article)
        self.dated = [a for a in self.articles if is_dated(a)]
        self.undated = [a for a in self.articles if not is_dated(a)]
        from .build import prepare_event_times

        prepare_event_times(self.dated)  # one batched parse instead of one per sentence
        self.lines: list[DatedLine] = [line for a in self.dated for line in day_lines(a)]
        undated_sentences = [(a, s) for a in self.undated for s in a.sentences]
        texts = [a.text[s.start : s.end] for a, s in undated_sentences] + [
            line.article.text[line.sentence.start : line.sentence.end] for line in self.lines
        ]
        matrix = tfidf_matrix(texts) if texts else None
        whole = (
            tfidf_matrix([a.text for a in self.undated] + [a.text for a in self.dated])
            if self.undated
            else None
        )
        self.neighbours: dict[str, list[tuple[Article, float]]] = {}
        if whole is not None and self.dated:
            products = (whole[: len(self.undated)] @ whole[len(self.undated) :].T).toarray()
            for row, article in enumerate(self.undated):
                order = products[row].argsort()[::-1][:20]
                self.neighbours[article.id] = [(self.dated[int(j)], float(products[row, j])) for j in order]
        split = len(undated_sentences)
        self.similar: dict[tuple[str, int], list[tuple[int, float]]] = defaultdict(list)
        if matrix is not None and split and len(self.lines):
            products = (matrix[:split] @ matrix[split:].T).tocoo()
            for row, column, value in zip(products.row, products.col, products.data, strict=True):
                if value >= 0.3:  # the loosest threshold any setting may ask for
                    article, sentence = undated_sentences[row]
                    self.similar[(article.id, sentence.index)].append((int(column), float(value)))
        self.known_days = sorted(a.published for a in self.dated if a.published is not None)
        self.lower_bounds = {a.id: latest_named_day(a) for a in self.undated}
        if self.known_days:
            last = self.known_days[-1]
            for name, bound in self.lower_bounds.items():
                if bound is not None and (bound - last).days > DEFAULTS.bound_slack:
                    self.lower_bounds[name] = None
        self.reread_cache: dict[tuple[str, int, dt.date], dt.date | None] = {}
        self.relative_cache: dict[tuple[str, dt.date], list[dt.date]] = {}
        self._distances: dict[int, float] | None = None

    def infer(self, settings: DatingSettings = DEFAULTS) -> dict[str, InferredDate]:
        return {a.id: self.infer_one(a, settings) for a in self.undated}

    def sentence_day(
        self, article: Article, sentence: Sentence, position: int, day: dt.date
    ) -> dt.date | None:
        """The day ``sentence`` is about when ``article`` was written on ``day`` (None: no day)."""
        from .build import LEAD_SENTENCES, date_sentences

        key = (article.id, sentence.index, day)
        if key not in self.reread_cache:
            # Read the article as if written on ``day``: only its date changes.
            copy = dataclasses.replace(
                article, published=day, published_estimated=False, timexes=[], sentences=[sentence]
            )
            copy.timexes = tag(article.text[sentence.start : sentence.end], day, offset=sentence.start)
            found = date_sentences(copy, ("day",))
            result = found[0].point.start if found else None
            if found and not found[0].mentioned and position >= LEAD_SENTENCES:
                result = None  # a later sentence with no date of its own is background, not the article's day
            self.reread_cache[key] = result
        return self.reread_cache[key]

    def infer_one(self, article: Article, settings: DatingSettings) -> InferredDate:
        from .build import MAX_WORDS, MIN_WORDS

        bound = self.lower_bounds.get(article.id)
        # votes[d] = sum over sentences of (weight x share of the sentence's matches that d explains)
        votes: dict[dt.date, float] = defaultdict(float)
        support: dict[dt.date, list[DateEvidence]] = defaultdict(list)
        for position, sentence in enumerate(article.sentences):
            text = article.text[sentence.start : sentence.end]
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                continue
            matches = [
                (c, v)
                for c, v in self.similar.get((article.id, sentence.index), [])
                if v >= settings.min_similarity
            ]
            if not matches:
                continue
            kind = self.kind(article, sentence, position)
            if kind is None:
                continue  # an absolute date, or none: the sentence says nothing of the article's own date
            relative = kind == "relative"
            # The days this sentence could be about under each candidate date, and which match each explains.
            explained: dict[dt.date, list[tuple[int, float]]] = defaultdict(list)
            event_days = {self.lines[c].day for c, _ in matches}
            for event_day in event_days:
                span = range(-settings.reach, settings.reach + 1) if relative else range(0, 1)
                for offset in span:
                    candidate = event_day + dt.timedelta(days=offset)
                    said = self.sentence_day(article, sentence, position, candidate)
                    if said is None:
                        continue
                    for column, value in matches:
                        if self.lines[column].day == said:
                            explained[candidate].append((column, value))
            total = sum(v for _, v in matches)
            weight = settings.relative_weight if relative else 1.0
            for candidate, columns in explained.items():
                share = sum(v for _, v in dict(columns).items()) / total
                votes[candidate] += weight * share * max(v for _, v in matches)
                best_column, best_value = max(columns, key=lambda cv: cv[1])
                line = self.lines[best_column]
                support[candidate].append(
                    DateEvidence(
                        sentence=sentence.index,
                        text=text,
                        article=line.article.id,
                        other_sentence=line.sentence.index,
                        other_text=line.article.text[line.sentence.start : line.sentence.end],
                        similarity=round(best_value, 3),
                        event_date=line.day,
                        dated_by=line.dated_by if line.dated_by != "published" else f"published {line.day}",
                    )
                )
        method = "corpus" if votes else "neighbours"
        if not votes and len(self.dated) < settings.min_dated_for_neighbours:
            return self.fallback(article, bound)
        for other, value in self.neighbours.get(article.id, [])[: settings.neighbours]:
            if other.published is not None and value > 0:
                votes[other.published] += settings.neighbour_weight * value
        if bound is not None:
            for candidate in list(votes):
                if candidate < bound:
                    votes[candidate] *= settings.before_bound
        if not votes or max(votes.values()) <= 0:
            return self.fallback(article, bound)
        top = max(votes.values())
        estimate = min(d for d, v in votes.items() if v >= settings.earliest_share * top)
        if settings.weekday_weight > 0:
            estimate = self.refine_by_weekdays(article, votes, estimate, settings)
        total = sum(votes.values())
        # Confidence: the share of the article's votes the estimate and its neighbouring days hold, damped
        # when little voted at all.
        near = sum(v for d, v in votes.items() if abs((d - estimate).days) <= 1)
        confidence = (near / total) * min(1.0, votes.get(estimate, 0.0))
        if method == "neighbours":
            confidence = 0.0
        before, after = (
            settings.neighbour_margins
            if method == "neighbours"
            else next((b, a) for edge, b, a in settings.margins if confidence >= edge)
        )
        earliest = estimate - dt.timedelta(days=before)
        if bound is not None and bound <= estimate:
            earliest = max(earliest, bound)
        latest = estimate + dt.timedelta(days=after)
        evidence = sorted(support[estimate], key=lambda e: -e.similarity)[:5]
        return InferredDate(
            article=article.id,
            estimate=estimate,
            earliest=earliest,
            latest=latest,
            confidence=round(confidence, 3),
            method=method,
            lower_bound=bound,
            evidence=evidence,
        )

    def distance_likelihood(self) -> dict[int, float]:
        """log P(days from a relative expression's day to its article's date), from the dated articles:
        how this story's writers use "on Tuesday", "yesterday", "today" (add-one smoothed over -10..10)."""
        if self._distances is None:
            import math

            counts = dict.fromkeys(range(-10, 11), 1)
            for article in self.dated:
                assert article.published is not None
                for timex in article.timexes:
                    if not timex.relative or timex.type not in ("DATE", "TIME"):
                        continue
                    point = event_point(timex)
                    if point is None or point.granularity not in ("day", "time"):
                        continue
                    days = (article.published - point.start).days
                    if -10 <= days <= 10:
                        counts[days] += 1
            total = sum(counts.values())
            self._distances = {d: math.log(c / total) for d, c in counts.items()}
        return self._distances

    def relative_days(self, article: Article, day: dt.date) -> list[dt.date]:
        """The days the article's relative day expressions name when it is read as written on ``day``."""
        key = (article.id, day)
        if key not in self.relative_cache:
            found = []
            for timex in tag(article.text, day):
                if not timex.relative or timex.type not in ("DATE", "TIME"):
                    continue
                point = event_point(timex)
                if point is not None and point.granularity in ("day", "time"):
                    found.append(point.start)
            self.relative_cache[key] = found
        return self.relative_cache[key]

    def refine_by_weekdays(
        self, article: Article, votes: dict[dt.date, float], estimate: dt.date, settings: DatingSettings
    ) -> dt.date:
        """The candidate near the best-voted dates that best agrees, by the days its relative expressions
        name, with how the story's writers use them; the votes (smoothed over a day each side) stay in."""
        import math

        likelihood = self.distance_likelihood()
        floor = min(likelihood.values())
        top = max(votes.values())
        leaders = sorted(votes, key=lambda d: -votes[d])[:3]
        candidates = {
            d + dt.timedelta(days=k)
            for d in leaders
            for k in range(-settings.weekday_reach, settings.weekday_reach + 1)
        }

        def smoothed(day: dt.date) -> float:
            one = dt.timedelta(days=1)
            return votes.get(day, 0.0) + 0.5 * (votes.get(day - one, 0.0) + votes.get(day + one, 0.0))

        def score(day: dt.date) -> float:
            fit = sum(likelihood.get((day - named).days, floor) for named in self.relative_days(article, day))
            return math.log(0.05 + smoothed(day) / top) + settings.weekday_weight * fit

        if not self.relative_days(article, estimate):
            return estimate
        return max(sorted(candidates), key=score)

    def kind(self, article: Article, sentence: Sentence, position: int) -> str | None:
        """How the sentence's day depends on the article's date: ``relative`` (its first time expression
        needs the date: "on Tuesday"), ``lead`` (no time expression, among the first sentences: the
        article's own day), or None (dated absolutely, or not at all)."""
        from .build import LEAD_SENTENCES

        inside = [t for t in article.timexes if sentence.start <= t.start < sentence.end]
        for timex in inside:
            if timex.type not in ("DATE", "TIME"):
                continue
            if timex.relative and not timex.resolved:
                return "relative"
            if event_point(timex) is not None:
                return None
        if any(t.type in ("DATE", "TIME") for t in inside):
            return None
        return "lead" if position < LEAD_SENTENCES else None

    def fallback(self, article: Article, bound: dt.date | None) -> InferredDate:
        """Nothing to match: after the lower bound (an open interval), or unknown."""
        return InferredDate(
            article=article.id,
            estimate=None,
            earliest=bound,
            latest=None,
            confidence=0.0,
            method="lower-bound" if bound is not None else "unknown",
            lower_bound=bound,
        )


def describe(inferred: InferredDate) -> dict[str, Any]:
    """The JSON form of an inferred date."""
    from ..model import to_jsonable

    data: dict[str, Any] = to_jsonable(inferred)
    return data
