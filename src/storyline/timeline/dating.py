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
  announced for the future is the exception, so the bound is a feature, not a rule).

Each sentence spreads one vote over the dates its matches give (a background sentence repeated all
month says little; an event two outlets date alike says much). The candidates are the voted days, the days
around the best-voted ones, the days of the most similar dated articles and of the articles it shares
claims with, the lower bound and the latest day other articles give an event it tells. Each candidate is
scored by a weighted sum of ``CANDIDATE_FEATURES`` (the votes; how well the weekdays and "yesterday"s it
names fit the day; near-copies and shared claims published that day or the day before; where the day lies
from the lower bound and the told events; how many days it lies from the days the similar and the
claim-sharing articles were published), the weights those of a conditional logit fitted on Timeline17
with articles hidden (``benchmarks/dating.py``; the figures reported for it are leave-one-story-out). The
best-scored day is the estimate, its confidence the model's probability that the truth lies within a day
of it; the interval comes from how far estimates of that confidence strayed on other stories
(``DatingSettings.margins``), cut to the span of the story's dated articles, and the evidence lists the
sentences that voted for it::

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
from typing import TYPE_CHECKING, Any

from ..annotate.timex import Point, anchor_of, event_point, tag
from ..model import Article, Sentence
from ..pieces import NO_PIECES, Pieces
from ..text.dates import safe_date

if TYPE_CHECKING:
    from ..annotate.timex.event_time import SentenceParses

__all__ = [
    "CANDIDATE_FEATURES",
    "Candidates",
    "DateEvidence",
    "DatingSettings",
    "InferredDate",
    "bounded_interval",
    "infer_publication_dates",
]


@dataclass(frozen=True)
class DatingSettings:
    """What the inference may look at and how it turns a score into an interval.

    ``margins`` maps a confidence band (its lower edge) to the days an interval reaches before and after
    the estimate; they, ``min_similarity`` and ``candidate_weights`` were chosen on Timeline17 by
    leave-one-story-out (BENCHMARKS.md, ``benchmarks/dating.py``).
    """

    # Two sentences tell the same thing when their TF-IDF cosine reaches this.
    min_similarity: float = 0.6
    # How much more a sentence dated by a relative expression of its own counts than a lead sentence
    # dated by its article's day (it names its event's day, so it places the article more sharply).
    relative_weight: float = 2.0
    # How far around the best-voted dates the candidates reach (days): weekdays and the other signals may
    # move the estimate there.
    weekday_reach: int = 3
    # How far a relative expression may place an event from the article's date (days).
    reach: int = 8
    # The dated articles most like the undated one (TF-IDF cosine of whole texts) make their days candidates,
    # weighed by their similarity: what dates an article whose sentences match nothing.
    neighbours: int = 5
    # A named day more than this many days after the story's last dated article is a forecast or a misread
    # number ("2099"), not a lower bound.
    bound_slack: int = 60
    # How the candidate dates are ranked: a weight per feature of ``CANDIDATE_FEATURES`` (a conditional logit
    # over each hidden article's candidates, fitted to put the probability within a day of the truth, on all
    # twelve Timeline17 topics with 20% of their articles hidden, seeds 0-2; printed by ``benchmarks/dating.py`` as
    # "shipped candidate_weights"). The figures reported for it are leave-one-story-out.
    candidate_weights: tuple[tuple[str, float], ...] = (
        ("vote_share", 1.2859),
        ("vote_near", -0.9934),
        ("log_votes", 1.0841),
        ("leader", -0.1525),
        ("weekday_fit", 0.1779),
        ("relative_same_day", 1.8552),
        ("relative_day_before", 1.5054),
        ("log_relative_gap", 0.2685),
        ("log_from_leader", -0.269),
        ("neighbour_same_day", -1.3076),
        ("neighbour_day_before", 2.129),
        ("neighbour_share", 0.7564),
        ("shared_same_day", 0.5592),
        ("shared_day_before", 0.3753),
        ("log_shared", -0.2679),
        ("log_published", -0.0438),
        ("is_bound", 4.3276),
        ("before_bound", -3.579),
        ("log_after_bound", -0.2825),
        ("events_after", -1.3238),
        ("log_after_event", 0.054),
        ("on_event_day", 0.1649),
        ("neighbour_distance", -0.2049),
        ("neighbour_mean_distance", -1.5378),
        ("shared_distance", -0.1094),
        ("shared_mean_distance", 0.0264),
    )
    # (lowest confidence of the band, days before, days after): the estimate's interval, where confidence
    # is the ranker's probability that the publication day lies within a day of the estimate. Measured on
    # Timeline17 (the days that held the truth for 95% of each band's cross-validated estimates; the interval
    # is then cut to the story's dated span, ``bounded_interval``; BENCHMARKS.md).
    margins: tuple[tuple[float, int, int], ...] = ((0.6, 15, 49), (0.3, 117, 182), (0.0, 102, 198))
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
    ``neighbours`` (only the dated articles most like it), ``dateline`` (its yearless dateline, the one year
    the story's span allows), ``dateline-years`` (that dateline in any of two or more years: an interval from
    the first to the last, no estimate), ``lower-bound`` (only the latest date the article names: "after"
    that date) or ``unknown`` (nothing at all)."""

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


# What ranks a candidate publication day (``DatingIndex.candidates``): the sentences' votes for it (and the
# day either side), whether it is the best-voted day, how well the weekdays and other relative days the
# article names fit it, the most similar dated articles published on it or the day before, how many dated
# articles were published on it, where it lies from the latest day the article names (a lower bound) and from
# the days other articles give to the events it tells, and how far it lies from the days the most similar
# articles and those sharing its claims were published (a day months from all of them is a retold event's).
CANDIDATE_FEATURES = (
    "vote_share",
    "vote_near",
    "log_votes",
    "leader",
    "weekday_fit",
    "relative_same_day",
    "relative_day_before",
    "log_relative_gap",
    "log_from_leader",
    "neighbour_same_day",
    "neighbour_day_before",
    "neighbour_share",
    "shared_same_day",
    "shared_day_before",
    "log_shared",
    "log_published",
    "is_bound",
    "before_bound",
    "log_after_bound",
    "events_after",
    "log_after_event",
    "on_event_day",
    "neighbour_distance",
    "neighbour_mean_distance",
    "shared_distance",
    "shared_mean_distance",
)


def bounded_interval(
    estimate: dt.date,
    before: int,
    after: int,
    lower_bound: dt.date | None,
    story_first: dt.date | None,
    story_last: dt.date | None,
) -> tuple[dt.date, dt.date]:
    """The interval ``before`` days before to ``after`` days after the estimate, cut to the span of the story's
    dated articles (an article of the story was written while the story was told: the estimate's margins,
    measured on all estimates, often reach months past either end), and never starting before the latest
    day the article names when the estimate is at or after that day."""
    earliest = estimate - dt.timedelta(days=before)
    latest = estimate + dt.timedelta(days=after)
    if story_first is not None and story_last is not None:
        earliest = max(earliest, min(story_first, estimate))
        latest = min(latest, max(story_last, estimate))
    if lower_bound is not None and lower_bound <= estimate:
        earliest = max(earliest, lower_bound)
    return earliest, latest


@dataclass
class Candidates:
    """An undated article's candidate publication days, their features, and what voted for them."""

    days: list[dt.date]
    features: list[list[float]]  # one row of CANDIDATE_FEATURES per day
    votes: dict[dt.date, float]
    support: dict[dt.date, list[DateEvidence]]
    method: str
    lower_bound: dt.date | None
    story_first: dt.date | None = None  # the story's first and last dated articles
    story_last: dt.date | None = None

    def scores(self, weights: dict[str, float]) -> list[float]:
        vector = [weights.get(name, 0.0) for name in CANDIDATE_FEATURES]
        return [sum(w * x for w, x in zip(vector, row, strict=True)) for row in self.features]

    def choose(self, weights: dict[str, float]) -> tuple[dt.date, float]:
        """The best-ranked day (ties: the earliest) and the probability (softmax over the candidates) that
        the publication day is within a day of it."""
        import math

        scores = self.scores(weights)
        best = max(range(len(self.days)), key=lambda i: (scores[i], -i))
        top = scores[best]
        mass = [math.exp(s - top) for s in scores]
        estimate = self.days[best]
        near = sum(m for d, m in zip(self.days, mass, strict=True) if abs((d - estimate).days) <= 1)
        return estimate, near / sum(mass)

    def decide(self, article: str, settings: DatingSettings) -> InferredDate:
        estimate, confidence = self.choose(dict(settings.candidate_weights))
        before, after = next((b, a) for edge, b, a in settings.margins if confidence >= edge)
        earliest, latest = bounded_interval(
            estimate, before, after, self.lower_bound, self.story_first, self.story_last
        )
        evidence = sorted(self.support.get(estimate, []), key=lambda e: -e.similarity)[:5]
        return InferredDate(
            article=article,
            estimate=estimate,
            earliest=earliest,
            latest=latest,
            confidence=round(confidence, 3),
            method=self.method,
            lower_bound=self.lower_bound,
            evidence=evidence,
        )


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
    articles: Sequence[Article],
    settings: DatingSettings = DEFAULTS,
    *,
    parses: SentenceParses | None = None,
    pieces: Pieces = NO_PIECES,
) -> dict[str, InferredDate]:
    """An ``InferredDate`` for every article of ``articles`` whose date is not stated, keyed by article id,
    inferred from the articles whose date is. ``parses`` (the articles' own spaCy parses) and ``pieces``
    (the run's kept per-article parts) are where the dated sentences' event times are read, as the timeline
    reads them (``DatingIndex``)."""
    return DatingIndex(articles, parses=parses, pieces=pieces).infer(settings)


def day_lines(article: Article, times: Sequence[tuple[int, Point, str]] | None = None) -> list[DatedLine]:
    """The article's sentences dated to a day, as the timeline dates them (its own date as anchor);
    ``times`` are its ``event_times`` when the caller has them."""
    from .build import date_sentences

    lines = []
    for item in date_sentences(article, ("day",), times):
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
    """The story's sentences in one TF-IDF space, the dated ones with their days, ready to date the rest.

    A dated sentence's day is the one the timeline gives it: its main event's time expression, chosen on a
    dependency parse (``timeline.build.event_times``). Those choices are the run's kept pieces (``pieces``)
    when kept, else read in the articles' own parses (``parses``, as annotation made them), and only without
    either is each sentence holding a time expression parsed again on its own: a brief never parses twice."""

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        parses: SentenceParses | None = None,
        pieces: Pieces = NO_PIECES,
    ) -> None:
        from ..annotate.sentences import annotate_fast
        from ..text.tfidf import tfidf_matrix
        from .build import kept_event_times

        self.articles = list(articles)
        for article in self.articles:
            annotate_fast(article)
        self.dated = [a for a in self.articles if is_dated(a)]
        self.undated = [a for a in self.articles if not is_dated(a)]
        self.parses = parses
        # The dated sentences' event times as the timeline reads them (``timeline.build.kept_event_times``):
        # kept pieces first, then in the articles' own parses; only what neither holds is parsed, in one batch.
        times = kept_event_times(self.dated, parses, pieces)
        self.lines: list[DatedLine] = [
            line for a, t in zip(self.dated, times, strict=True) for line in day_lines(a, t)
        ]
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
        self.published_count: dict[dt.date, int] = defaultdict(int)
        for day in self.known_days:
            self.published_count[day] += 1
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
        from .build import LEAD_SENTENCES, date_sentences, event_times

        key = (article.id, sentence.index, day)
        if key not in self.reread_cache:
            # Read the article as if written on ``day``: only its date changes (the parse does not).
            copy = dataclasses.replace(
                article, published=day, published_estimated=False, timexes=[], sentences=[sentence]
            )
            copy.timexes = tag(article.text[sentence.start : sentence.end], day, offset=sentence.start)
            found = date_sentences(copy, ("day",), event_times(copy, self.parses))
            result = found[0].point.start if found else None
            if found and not found[0].mentioned and position >= LEAD_SENTENCES:
                result = None  # a later sentence with no date of its own is background, not the article's day
            self.reread_cache[key] = result
        return self.reread_cache[key]

    def votes(
        self, article: Article, settings: DatingSettings
    ) -> tuple[dict[dt.date, float], dict[dt.date, list[DateEvidence]], list[dt.date], dict[dt.date, float]]:
        """The votes of the article's sentences for candidate dates (see the module's docstring), the
        sentences behind each, the days other articles give to the events it tells (a sentence that
        matches one dated by its own time expression: the article was written on or after that day), and
        per day the claims it shares with articles published then (the summed similarity of its sentences'
        closest matches in those articles)."""
        from .build import MAX_WORDS, MIN_WORDS

        # votes[d] = sum over sentences of (weight x share of the sentence's matches that d explains)
        votes: dict[dt.date, float] = defaultdict(float)
        support: dict[dt.date, list[DateEvidence]] = defaultdict(list)
        events: list[dt.date] = []
        shared: dict[dt.date, float] = defaultdict(float)
        last = self.known_days[-1] if self.known_days else None
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
            # A claim shared with a dated article: the days such articles were published on.
            closest: dict[dt.date, float] = {}
            for c, v in matches:
                published = self.lines[c].article.published
                if published is not None:
                    closest[published] = max(closest.get(published, 0.0), v)
            for day, value in closest.items():
                shared[day] += value
            told = [
                self.lines[c].day
                for c, _ in matches
                if self.lines[c].dated_by != "published"
                and (last is None or (self.lines[c].day - last).days <= settings.bound_slack)
            ]
            if told:
                events.append(max(told))
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
        return votes, support, events, dict(shared)

    def candidates(self, article: Article, settings: DatingSettings) -> Candidates | None:
        """The dates the article may have been published on, each with the features its rank is learned on
        (``CANDIDATE_FEATURES``); None when nothing at all points to a date."""
        import math

        votes, support, events, shared = self.votes(article, settings)
        bound = self.lower_bounds.get(article.id)
        neighbours = [
            (other.published, value)
            for other, value in self.neighbours.get(article.id, [])[: settings.neighbours]
            if other.published is not None and value > 0
        ]
        if not votes and not shared and len(self.dated) < settings.min_dated_for_neighbours:
            return None
        if not votes and not neighbours and not shared:
            return None
        one = dt.timedelta(days=1)
        days: set[dt.date] = set(votes)
        leaders = sorted(votes, key=lambda d: (-votes[d], d))[:3]
        days.update(sorted(shared, key=lambda d: (-shared[d], d))[:5])
        days.update(
            d + dt.timedelta(days=k)
            for d in leaders
            for k in range(-settings.weekday_reach, settings.weekday_reach + 1)
        )
        for day, _ in neighbours:
            days.update((day, day + one))
        if bound is not None:
            days.update((bound, bound + one))
        if events:
            latest = max(events)
            days.update((latest, latest + one))
        if self.known_days:
            # Never a day far outside the story's dated articles (a misread year).
            low = self.known_days[0] - dt.timedelta(days=settings.bound_slack)
            high = self.known_days[-1] + dt.timedelta(days=settings.bound_slack)
            days = {d for d in days if low <= d <= high} or days
        ordered = sorted(days)
        top = max(votes.values()) if votes else 1.0
        likelihood = self.distance_likelihood()
        floor = min(likelihood.values())
        named = {d: self.relative_days(article, d) for d in ordered}
        fits = {
            d: sum(likelihood.get((d - named).days, floor) for named in self.relative_days(article, d))
            for d in ordered
        }
        best_fit = max(fits.values())
        latest_event = max(events) if events else None
        top_shared = max(shared.values()) if shared else 1.0
        top_neighbour = max((v for _, v in neighbours), default=1.0)
        leader = leaders[0] if leaders else None
        # The candidate days the most similar dated articles, and the articles sharing its claims, were
        # published on, with their weights: how far a candidate lies from them (log days; 0 with none).
        neighbour_days: dict[dt.date, float] = defaultdict(float)
        for d, v in neighbours:
            neighbour_days[d] += v
        marked = {
            "neighbour": {d: neighbour_days[d] for d in ordered if neighbour_days.get(d, 0.0) > 0},
            "shared": {d: shared[d] for d in ordered if shared.get(d, 0.0) > 0},
        }

        def distances(day: dt.date, name: str) -> tuple[float, float]:
            days = marked[name]
            if not days:
                return 0.0, 0.0
            nearest = min(abs((day - d).days) for d in days)
            mean = sum(w * abs((day - d).days) for d, w in days.items()) / sum(days.values())
            return math.log1p(nearest), math.log1p(mean)

        rows = []
        for day in ordered:
            near = votes.get(day, 0.0) + 0.5 * (votes.get(day - one, 0.0) + votes.get(day + one, 0.0))
            gap = (day - bound).days if bound is not None else None
            event_gap = (day - latest_event).days if latest_event is not None else None
            # How long before ``day`` the latest day the article names relatively ("on Tuesday") would be.
            told = [n for n in named[day] if n <= day]
            recent = (day - max(told)).days if told else None
            rows.append(
                {
                    "vote_share": votes.get(day, 0.0) / top,
                    "vote_near": near / top,
                    "log_votes": math.log1p(votes.get(day, 0.0)),
                    "leader": float(bool(leaders) and day == leaders[0]),
                    "weekday_fit": fits[day] - best_fit,
                    "relative_same_day": float(recent == 0),
                    "relative_day_before": float(recent == 1),
                    "log_relative_gap": math.log1p(recent) if recent is not None and recent > 1 else 0.0,
                    "log_from_leader": math.log1p(abs((day - leader).days)) if leader else math.log1p(30),
                    "neighbour_same_day": sum(v for d, v in neighbours if d == day),
                    "neighbour_day_before": sum(v for d, v in neighbours if d == day - one),
                    "neighbour_share": sum(v for d, v in neighbours if d == day) / top_neighbour,
                    "shared_same_day": shared.get(day, 0.0) / top_shared,
                    "shared_day_before": shared.get(day - one, 0.0) / top_shared,
                    "log_shared": math.log1p(shared.get(day, 0.0)),
                    "log_published": math.log1p(self.published_count.get(day, 0)),
                    "is_bound": float(gap == 0),
                    "before_bound": float(gap is not None and gap < 0),
                    "log_after_bound": math.log1p(gap) if gap is not None and gap > 0 else 0.0,
                    "events_after": math.log1p(sum(e > day for e in events)),
                    "log_after_event": math.log1p(event_gap)
                    if event_gap is not None and event_gap > 0
                    else 0.0,
                    "on_event_day": float(event_gap == 0),
                    "neighbour_distance": distances(day, "neighbour")[0],
                    "neighbour_mean_distance": distances(day, "neighbour")[1],
                    "shared_distance": distances(day, "shared")[0],
                    "shared_mean_distance": distances(day, "shared")[1],
                }
            )
        return Candidates(
            days=ordered,
            features=[[row[name] for name in CANDIDATE_FEATURES] for row in rows],
            votes=dict(votes),
            support=support,
            method="corpus" if votes or shared else "neighbours",
            lower_bound=bound,
            story_first=self.known_days[0] if self.known_days else None,
            story_last=self.known_days[-1] if self.known_days else None,
        )

    def dateline_days(self, article: Article, settings: DatingSettings = DEFAULTS) -> list[dt.date]:
        """The days the article's yearless dateline ("AMMAN, April 6 (Reuters) -", kept by ``ingest.describe``)
        may be: its month and day in each year that puts it within the story's dated span (``bound_slack``
        days either side) and not before the latest day the article names."""
        stated = article.extra.get("dateline_month_day")
        if not stated or not self.known_days:
            return []
        slack = dt.timedelta(days=settings.bound_slack)
        low, high = self.known_days[0] - slack, self.known_days[-1] + slack
        bound = self.lower_bounds.get(article.id)
        if bound is not None:
            low = max(low, bound)
        days = [safe_date(year, stated["month"], stated["day"]) for year in range(low.year, high.year + 1)]
        return [day for day in days if day is not None and low <= day <= high]

    def infer_one(self, article: Article, settings: DatingSettings) -> InferredDate:
        bound = self.lower_bounds.get(article.id)
        days = self.dateline_days(article, settings)
        if days:
            # The page states its month and day: one year in the story's span makes it the date; two or more
            # leave an interval from the first to the last, not a guess between them.
            return InferredDate(
                article=article.id,
                estimate=days[0] if len(days) == 1 else None,
                earliest=days[0],
                latest=days[-1],
                confidence=1.0 if len(days) == 1 else 0.0,
                method="dateline" if len(days) == 1 else "dateline-years",
                lower_bound=bound,
            )
        found = self.candidates(article, settings)
        if found is None:
            return self.fallback(article, bound)
        return found.decide(article.id, settings)

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
