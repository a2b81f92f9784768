"""The one data model every stage reads and extends.

Articles carry their cleaned text; everything found in an article (sentences, entities, time
expressions, attributions) is a character span into ``Article.text``. Everything a synthesis
stage says (summary sentences, timeline entries, claims, positions) carries ``Citation``s back to
those spans, so nothing is said that cannot be traced.

All classes are plain dataclasses; ``to_dict`` gives the JSON form used by ``--json`` output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import InputProblem

# Types a JSON value is as it is, and each dataclass's field names (``to_jsonable`` is called for every value
# of a brief: a 300-article brief has millions of them).
PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})
FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_jsonable(value: Any) -> Any:
    """Turn model objects (dataclasses, dates, tuples) into JSON-ready values."""
    kind = type(value)
    if kind in PLAIN_TYPES:
        return value
    names = FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = FIELD_NAMES.setdefault(kind, tuple(f.name for f in dataclasses.fields(value)))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class Span:
    """A character span ``[start, end)`` into an article's cleaned text."""

    start: int
    end: int


@dataclass
class Removed:
    """A piece of the raw input the cleaner dropped, and why (``reason`` is a short code)."""

    text: str
    reason: str


@dataclass
class Sentence:
    """A sentence of the cleaned text; ``index`` is its position in the article (from 0)."""

    start: int
    end: int
    index: int = 0
    paragraph: int = 0


@dataclass
class EntityMention:
    """A named entity found by spaCy's NER in the cleaned text."""

    text: str
    label: str
    start: int
    end: int


@dataclass
class TimeExpression:
    """A time expression and its normalized value.

    ``value`` is in TimeML form (``2011-08-18``, ``2011-W33``, ``2012-07``, ``P3D``, ``PRESENT_REF``);
    ``type`` is DATE, TIME, DURATION or SET; ``granularity`` is day, week, month, quarter, year,
    decade, century or none. ``resolved`` is False when the expression is relative and the article's
    date is unknown, so no value could be given.
    """

    text: str
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    granularity: str = "day"
    confidence: float = 1.0
    resolved: bool = True
    relative: bool = False
    # TimeML ``mod``: START ("early August"), END, MID, APPROX ("about three years"), MORE_THAN, ...
    mod: str | None = None
    # Which rule of the tagger found it (for debugging and evaluation breakdowns).
    rule: str = ""
    # A stretch reaching up to (or from) the article's date, written as the calendar period TimeML gives it:
    # "our experience of the past year" is the twelve months before the article, valued as last year
    # ("2011"), so it names no date an event can be placed on.
    rolling: bool = False


@dataclass
class Attribution:
    """Who said what: a direct quote or reported speech, with its speaker and cue."""

    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity: str | None
    cue: str | None
    content: str
    article: str
    start: int
    end: int
    direct: bool
    anonymous: bool = False
    cue_start: int | None = None
    cue_end: int | None = None
    # The roster entry of the speaker (``Entity.id``), set when a roster links it.
    speaker_entity_id: str | None = None
    # A source that names nobody, as described ("senior U.S. officials", "the opposition"), also when
    # the speaker is a pronoun or relative word referring to it. With neither this nor
    # ``speaker_entity`` the speaker is unresolved ("he" with no antecedent, "his refusal").
    speaker_description: str | None = None
    # Whether the content is something said, written or held (``said that ...``, ``believes ...``, a
    # quotation): a statement listed under who said what. False for an attribution the cue model finds that
    # is an action, a reaction or a topic ("sent a letter that questioned ...", "spoke about the
    # development", "has not disclosed ..."): kept for the comparison's voices, not shown as a statement.
    statement: bool = True


@dataclass
class PublishedInterval:
    """When an article whose date is not stated was published, as far as anything tells: from ``earliest``
    to ``latest`` (None: open on that side; both None: unknown). Never shown as a point.

    ``method`` says what bounds it: ``latest-date-mentioned`` (the latest date the text names: a lower
    bound), ``corpus`` (sentences other, dated articles date), ``neighbours`` (the dated articles most
    like it), ``lower-bound`` (only the latest date named) or ``unknown``. ``estimate`` is the best single
    day when the inference has one (used to sort, never shown as the date); ``precision`` is ``month``
    when the lower bound comes from a month ("August 2011": shown ``after 2011-08``); ``evidence`` says
    in one line each which articles and sentences placed it.
    """

    earliest: dt.date | None = None
    latest: dt.date | None = None
    estimate: dt.date | None = None
    method: str = "unknown"
    confidence: float = 0.0
    precision: str = "day"
    evidence: list[str] = field(default_factory=list)

    def label(self) -> str:
        """``after 2011-08``, ``2011-08-01 … 2011-08-31``, ``before 2012-01-05`` or ``unknown``."""
        if self.earliest is None and self.latest is None:
            return "unknown"
        if self.latest is None:
            assert self.earliest is not None
            return f"after {month_or_day(self.earliest, self.precision)}"
        if self.earliest is None:
            return f"before {self.latest.isoformat()}"
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()} \u2026 {self.latest.isoformat()}"

    def how(self) -> str:
        """How it was inferred, in words ("inferred from the latest date it names")."""
        return {
            "latest-date-mentioned": "inferred from the latest date it names",
            "lower-bound": "inferred from the latest date it names",
            "corpus": "inferred from sentences the story's dated articles date",
            "neighbours": "inferred from the dated articles most like it",
            "dateline": "its dateline's month and day, in the one year the story's dated articles allow",
            "dateline-years": "its dateline's month and day, in any of the years the story's dated articles allow",
        }.get(self.method, "nothing dates it")

    def sort_date(self) -> dt.date | None:
        """Where the article goes among dated ones: its estimate, else its lower bound."""
        return self.estimate or self.earliest

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PublishedInterval:
        def day(name: str) -> dt.date | None:
            value = data.get(name)
            return dt.date.fromisoformat(value) if value else None

        return cls(
            earliest=day("earliest"),
            latest=day("latest"),
            estimate=day("estimate"),
            method=str(data.get("method", "unknown")),
            confidence=float(data.get("confidence", 0.0)),
            precision=str(data.get("precision", "day")),
            evidence=[str(e) for e in data.get("evidence", [])],
        )


def month_or_day(day: dt.date, precision: str) -> str:
    return day.isoformat()[:7] if precision == "month" else day.isoformat()


@dataclass
class Article:
    """One news article after reading, cleaning, describing and (optionally) annotating.

    ``published`` is the publication date when one is stated (in the page, the text, or given by the
    user), and ``published_provenance`` says how it was found (for example ``meta:article:published_time``,
    ``text:first-published-line``, ``user``). When none is stated, ``published`` is None and
    ``published_interval`` says what bounds it (the latest date the text names, then what the corpus
    tells: ``storyline.timeline.dating``). ``published_estimated`` is kept for stores written before
    intervals: such an article is read back with its date turned into a lower bound.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    outlet_provenance: str | None = None
    byline: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_provenance: str | None = None
    published_confidence: float = 0.0
    published_estimated: bool = False
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    duplicate_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # How sure the outlet is: 0.95 from a known URL host, down to 0.5 from a page template's boilerplate.
    outlet_confidence: float = 0.0
    # When ``published`` is None: the interval the publication date lies in, and how it was inferred.
    published_interval: PublishedInterval | None = None
    # Who published the page: its URL's host, its site name, the outlet given with it (a JSONL field, a
    # folder's outlet). None when only the text names a source: a dateline's or a credit line's agency is who
    # wrote the copy ("NEW ORLEANS (AP) --" on a Fox News page), not who published it; ``outlet`` then shows
    # that name, and independence is counted on publishers (``compare.claims``).
    publisher: str | None = None

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def published_label(self) -> str:
        """The stated date (``2011-08-18``), else the interval (``after 2011-08``), else ``undated``."""
        if self.published is not None:
            return self.published.isoformat()
        if self.published_interval is not None:
            return self.published_interval.label()
        return "undated"

    def date_key(self) -> dt.date | None:
        """The day to sort or count the article by: its stated date, else its interval's estimate or lower
        bound (shown as the interval, never as this day)."""
        if self.published is not None:
            return self.published
        return self.published_interval.sort_date() if self.published_interval is not None else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from ``to_dict`` output (used by the store and by Dask workers)."""
        published = data.get("published")
        interval = data.get("published_interval")
        estimated = bool(data.get("published_estimated", False))
        if published and estimated:
            # A store written before intervals: its estimated date was the latest date the text names.
            interval = {"earliest": published[:10], "method": "latest-date-mentioned"}
            published = None
        return cls(
            id=data["id"],
            source=data["source"],
            text=data["text"],
            title=data.get("title"),
            outlet=data.get("outlet"),
            outlet_provenance=data.get("outlet_provenance"),
            byline=data.get("byline"),
            url=data.get("url"),
            published=dt.date.fromisoformat(published) if published else None,
            published_provenance=data.get("published_provenance"),
            published_confidence=data.get("published_confidence", 0.0),
            published_estimated=False,
            language=data.get("language"),
            removed=[Removed(**r) for r in data.get("removed", [])],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            entities=[EntityMention(**e) for e in data.get("entities", [])],
            timexes=[TimeExpression(**t) for t in data.get("timexes", [])],
            attributions=[Attribution(**a) for a in data.get("attributions", [])],
            duplicate_of=data.get("duplicate_of"),
            extra=data.get("extra", {}),
            outlet_confidence=data.get("outlet_confidence", 0.0),
            published_interval=PublishedInterval.from_dict(interval) if interval else None,
            publisher=data.get("publisher"),
        )


@dataclass
class Citation:
    """Where a statement comes from: an article and the exact characters of one sentence."""

    article: str
    source: str
    outlet: str | None
    published: dt.date | None
    sentence: int
    start: int
    end: int
    # Kept for older readers of the JSON: always False (an unstated date is never given as ``published``).
    published_estimated: bool = False
    # When ``published`` is None: the article's publication interval as shown (``after 2011-08``, ``unknown``).
    published_interval: str | None = None


def cite(article: Article, sentence: Sentence) -> Citation:
    """The citation of one sentence of one article."""
    return Citation(
        article=article.id,
        source=article.source,
        outlet=article.outlet,
        published=article.published,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        published_estimated=article.published_estimated,
        published_interval=(
            article.published_interval.label()
            if article.published is None and article.published_interval is not None
            else None
        ),
    )


@dataclass
class CitedSentence:
    """A sentence said by storyline (verbatim from an article) and every article that carries it."""

    text: str
    citations: list[Citation]
    independent_outlets: int = 1
    # Articles of unknown outlet that carry it (copies of one original once): never counted as independent.
    unknown_sources: int = 0
    # In a timeline: the words that put the sentence on its date ("on Thursday", "in August 2011"), or
    # "published YYYY-MM-DD" when it is an undated lead sentence placed by its article's date.
    dated_by: str | None = None


@dataclass
class Summary:
    sentences: list[CitedSentence]
    method: str = ""

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class TimelineEntry:
    """One date of the timeline; ``granularity`` says whether it is a day, a month or a year."""

    date: str
    granularity: str
    sentences: list[CitedSentence]


@dataclass
class Timeline:
    """The dated entries, in date order, and the ``undated`` lane: the lead event of each article whose
    publication date is not stated and that no entry cites, at its interval (an entry's ``date`` is the
    interval as shown, ``after 2011-08``, its ``granularity`` ``undated``), so no article's news is missing."""

    entries: list[TimelineEntry]
    undated: list[TimelineEntry] = field(default_factory=list)
    # Articles the undated lane leaves out (it shows at most ``timeline.UNDATED_LANE`` of them).
    undated_more: int = 0


@dataclass
class Entity:
    """One real person, organisation or place across all articles, however each names it."""

    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: dict[str, int]
    roles: list[dict[str, Any]] = field(default_factory=list)
    # Mentions per outlet (``unknown`` when an article's outlet is not known).
    outlets: dict[str, int] = field(default_factory=dict)
    # Where each alias is first named in an article's cleaned text, as linked to this entry: alias ->
    # (article id, character offset). "London" of the United Kingdom points at "London said ...", the
    # capital acting as its government, not at a city mention of the same word (an entry of its own).
    # Aliases named only in titles or captions are not in it.
    named_at: dict[str, tuple[str, int]] = field(default_factory=dict)


@dataclass
class Claim:
    text: str
    articles: list[str]
    outlets: list[str]
    independent_outlets: int
    attributed_to: list[str]
    contradicts: list[int]
    citations: list[Citation] = field(default_factory=list)
    # Articles of unknown outlet that carry it (copies of one original once): never counted as independent.
    unknown_sources: int = 0


@dataclass
class Position:
    actor: str
    proposition: str
    stance: str
    date: str | None
    citation: Citation
    # The sentence that states the position, and how its date was found
    # (``mentioned`` in the sentence, ``published`` date of the article, ``estimated`` publication date).
    text: str = ""
    date_provenance: str = ""
    # When the article's date is not stated: its interval as shown (``after 2012-07-12``); ``date`` is then
    # the interval's lower bound or estimate, used only to order positions.
    date_interval: str | None = None


@dataclass
class Reversal:
    actor: str
    proposition: str
    from_: str
    to: str
    citations: list[Citation]
    from_date: str | None = None
    to_date: str | None = None


@dataclass
class Comparison:
    """Where the articles agree, disagree and change position (``storyline compare``)."""

    claims: list[Claim]
    positions: list[Position]
    reversals: list[Reversal]


@dataclass
class Story:
    """A group of articles about one developing story (built online, ids stable across runs)."""

    id: str
    label: str
    article_ids: list[str]
    start: dt.date | None = None
    end: dt.date | None = None
    entities: list[str] = field(default_factory=list)


@dataclass
class Brief:
    """Everything storyline says about one set of articles, built once (``storyline.service.brief``) and
    shown by the HTML report and the web app.

    A part is ``None`` when its stage is not available in this installation, so a presenter leaves
    it out rather than showing an empty section; ``stage_errors`` holds a one-line message for a
    stage that failed on these articles. ``comparison`` is ``storyline.compare.claims``'s result (claims,
    positions, reversals). ``problems`` are the inputs that could not be used.
    """

    articles: list[Article]
    summary: Summary | None = None
    timeline: Timeline | None = None
    attributions: list[Attribution] | None = None
    entities: list[Entity] | None = None
    comparison: Comparison | None = None
    problems: list[InputProblem] = field(default_factory=list)
    stage_errors: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
