"""The corpus: a set of articles read, cleaned, described, checked for copies and annotated, once.

``build_corpus`` is the one way from inputs to articles, used by the CLI, the web app and the Python API:

1. **read** the PATHS (or raw documents a caller already has, as the web app does), and load the
   articles of a store (``db``, optionally one ``story``);
2. **clean and describe** each document (``ingest.prepare.prepare``): one ``InputProblem`` per input
   that cannot be used, and the batch goes on;
3. **copies**: mark near-duplicates (``corpus.copies.mark_duplicates``), against each other and the
   stored articles, so wire copies count once wherever independent outlets are counted; then cut the
   lines and sentences repeated across many different articles (``corpus.templates``);
4. **annotate**: sentences and entities with spaCy (keeping the parses when a stage needs them),
   and time expressions. This is the only place that fills an article's annotations;
5. **date the undated**: an article whose publication date is not stated gets an interval from the
   story's dated articles (``storyline.timeline.dating``: sentences they date, weekdays it names, the
   latest date it names as a lower bound), with its evidence; never a point (``PublishedInterval``).

Per-article fields a user gives (``meta``: a ``--meta`` CSV/JSONL file, ``storyline.ingest.meta``) and
fields for every article (``overrides``: ``--published`` ...) win over what describe finds.

The corpus says what it holds in ``annotations`` (``sentences``, ``entities``, ``timexes``, ``docs``,
``copies``); ``storyline.service.brief.brief`` checks each stage's needs against it.

>>> corpus = build_corpus(["../shared/samples/syria-assad"], annotate=False)
>>> len(corpus.articles), corpus.problems
(5, ())
>>> sorted(corpus.annotations)
['copies']
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..errors import InputProblem, UsageError
from ..model import Article, PublishedInterval
from ..settings import Settings, current_settings
from .cache import AnalysisCache, AnalysisSource

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..ingest.meta import ArticleMeta
    from ..ingest.read import RawDocument

log = logging.getLogger(__name__)
T = TypeVar("T")
# The articles read, cleaned, described and marked for copies, with the inputs that could not be used.
PREPARED = tuple[list[Article], list[InputProblem]]


class Progress(Protocol):
    """A progress hook: wraps a long loop's ``items`` and yields them all, in order (a CLI shows a bar on
    stderr: ``description``, done of ``total`` when known, rate, time left). ``label`` names the item under
    way, when the items are few and long (the brief's stages). The service never draws anything itself."""

    def __call__(
        self,
        items: Iterable[T],
        description: str,
        total: int | None = None,
        /,
        *,
        label: Callable[[T], str] | None = None,
    ) -> Iterable[T]: ...


def no_progress(
    items: Iterable[T],
    _description: str,
    _total: int | None = None,
    *,
    label: Callable[[T], str] | None = None,
) -> Iterable[T]:
    return items


# Annotation levels: spaCy (sentences, entities, parses), rules (sentences by rule, no entities; fast), none.
LEVELS = ("spacy", "rules", "none")


@dataclass(frozen=True)
class Corpus:
    """Articles ready for the brief's stages, built once by ``build_corpus``.

    ``problems`` are the inputs that could not be used (one line each when printed); ``docs`` are the
    articles' spaCy parses, in order, when a stage needing them was asked for; ``annotations`` names
    what the corpus provides to stages; ``stored`` counts the articles that came from a store.
    """

    articles: tuple[Article, ...]
    problems: tuple[InputProblem, ...] = ()
    settings: Settings = field(default_factory=current_settings)
    docs: Sequence[Doc] | None = None
    annotations: frozenset[str] = frozenset()
    stored: int = 0
    story: str | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    # Where the brief keeps its stage results (``storyline.service.cache``); None: computed every time.
    kept: AnalysisCache | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.docs is not None and len(self.docs) != len(self.articles):
            raise ValueError(f"{len(self.docs)} spaCy docs given for {len(self.articles)} articles")


def needs_docs(sections: Iterable[str] | None) -> bool:
    """Whether any stage behind ``sections`` (Brief field names; None: all) reads spaCy parses."""
    from .stages import stages_for

    return any("docs" in stage.requires + stage.uses for stage in stages_for(sections))


def build_corpus(
    paths: Sequence[str] = (),
    *,
    db: str | None = None,
    story: str | None = None,
    documents: Iterable[RawDocument | InputProblem] | None = None,
    settings: Settings | None = None,
    overrides: dict[str, Any] | None = None,
    meta: ArticleMeta | str | None = None,
    annotate: str | bool = "spacy",
    sections: Iterable[str] | None = None,
    keep_docs: bool | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    check: Callable[[], None] | None = None,
    progress: Progress | None = None,
    cache: bool | None = None,
) -> Corpus:
    """Read, clean, describe, mark copies and annotate: the articles of ``paths`` (and of a store).

    ``annotate`` is ``"spacy"`` (default: sentences and entities by spaCy, time expressions),
    ``"rules"`` (sentences by rules and time expressions, no spaCy: fast) or ``"none"``/False.
    spaCy parses are kept in ``Corpus.docs`` when ``keep_docs``, or by default when a stage of
    ``sections`` (Brief field names; None: every stage) needs them. ``on_problem`` is told of each
    unusable input as it is met (they are all in ``Corpus.problems`` too); ``check`` is called
    after each article and may raise to stop (the web app's time limit); ``progress`` wraps the
    long loops (a progress bar). ``settings`` are the installed ones (``current_settings()``) unless
    given; the brief's stages run under the corpus's settings. spaCy's analysis of each article is
    kept on disk and found again (``storyline.service.cache``) unless ``cache`` is False or the
    settings' ``cache.max_mb`` is 0. ``meta`` gives fields per article (an ``ArticleMeta`` or the path of a
    CSV/JSONL file, see ``storyline.ingest.meta``); ``overrides`` gives fields to every article read. A bad
    value in either (a date not YYYY-MM-DD) is a ``UsageError``. Articles whose date is not stated get a
    publication interval inferred from the dated ones (not with ``annotate="none"``: only the lower bound
    the text gives).
    """
    from ..ingest.read import read

    settings = settings or current_settings()
    level = {True: "spacy", False: "none"}.get(annotate, annotate) if isinstance(annotate, bool) else annotate
    if level not in LEVELS:
        raise UsageError(f"annotate must be one of {', '.join(LEVELS)}, not {annotate!r}")
    if story and not db:
        raise UsageError("--story needs --db FILE: the store the story is in")
    if keep_docs is None:
        keep_docs = level == "spacy" and needs_docs(sections)
    if keep_docs and level != "spacy":
        raise UsageError("spaCy parses (keep_docs) need annotate='spacy'")
    if overrides and overrides.get("published"):
        from ..ingest.meta import check_published

        check_published("--published", overrides["published"])
    if isinstance(meta, str):
        from ..ingest.meta import read_meta

        meta = read_meta(meta)
    show: Progress = progress or no_progress
    timings: dict[str, float] = {}
    started = time.perf_counter()
    problems: list[InputProblem] = []

    def problem(item: InputProblem) -> None:
        problems.append(item)
        if on_problem is not None:
            on_problem(item)

    stored: list[Article] = []
    chosen: str | None = None
    kept = AnalysisCache.of(settings) if level == "spacy" and cache is not False else None
    in_store: AnalysisSource | None = None
    if db:
        from ..corpus.store import StoredAnalysis, opened

        with opened(db, read_only=True) as store:
            chosen = store.resolve_story(story) if story else None
            stored = list(show(store.articles(story=chosen), "loading stored articles", None))
            if level == "spacy":
                # the parses kept at ingest, read now (the store is not held open through the brief)
                in_store = StoredAnalysis.of(store, settings, stored)
    raws = documents if documents is not None else (read(paths, settings.max_bytes) if paths else ())
    if meta is not None:
        raws = meta.apply(raws)
    # The same inputs read again (a second view of one story) are not cleaned, described and compared for
    # copies again: the articles as prepared are kept, keyed by every input and what preparing them reads.
    prepared_key = ""
    found = False
    fresh: list[Article] = []
    given = documents is not None or bool(paths)  # a stored story alone: nothing to read or prepare
    if kept is not None and given:
        raws = list(show(raws, "reading articles", None))
        prepared_key = kept.prepared_key(raws, overrides, stored)
        found, value = kept.get_result(prepared_key, PREPARED, ".prepared")
        if found:
            fresh, before = value
            for item in before:
                problem(item)
    if given and (not prepared_key or not found):
        # imported here: a view of inputs prepared before imports neither the cleaner nor datasketch
        from ..corpus.copies import MemoryIndex, fingerprint, mark_duplicates
        from ..corpus.templates import TemplateStats, remove_templates
        from ..ingest.prepare import prepare

        first_problem = len(problems)
        fresh.clear()
        step = "cleaning articles" if prepared_key else "reading articles"  # read above when keyed
        for article in show(prepare(raws, problem, overrides), step, None):
            fresh.append(article)
            if check is not None:
                check()
        index = MemoryIndex(settings.copies)
        for article in stored:
            index.add(fingerprint(article.id, article.text, settings.copies), article.duplicate_of)
        # Wire copies and reprints count once wherever outlets are counted.
        mark_duplicates(fresh, settings.copies, index=index)
        # Lines repeated across many different articles are templates: cut before annotation.
        remove_templates(fresh, TemplateStats().update(stored))
        if kept is not None and prepared_key:
            kept.put_exactly(prepared_key, (fresh, problems[first_problem:]), PREPARED)
    raws = ()  # the inputs as read are not held through annotation
    articles = stored + fresh
    timings["read"] = round(time.perf_counter() - started, 3)
    annotations = {"copies"}
    docs: Sequence[Doc] | None = None
    if level != "none":
        began = time.perf_counter()
        docs = annotate_articles(articles, level, settings, keep_docs, check, show, kept, in_store)
        if kept is not None and kept.wrote:
            kept.trim()
        annotations |= {"sentences", "timexes"} | ({"entities"} if level == "spacy" else set())
        if docs is not None:
            annotations.add("docs")
        timings["annotate"] = round(time.perf_counter() - began, 3)
        began = time.perf_counter()
        date_undated(articles, docs, kept)
        timings["dating"] = round(time.perf_counter() - began, 3)
    return Corpus(
        articles=tuple(articles),
        problems=tuple(problems),
        settings=settings,
        docs=docs,
        annotations=frozenset(annotations),
        stored=len(stored),
        story=chosen,
        timings=timings,
        kept=kept,
    )


# What the story's dated articles tell of an undated one (``timeline.dating.InferredDate.method``), beyond the
# lower bound describe gave: its sentences, the most similar articles, its yearless dateline's year.
INFERRED = ("corpus", "neighbours", "dateline", "dateline-years")


def date_undated(
    articles: Sequence[Article], docs: Sequence[Doc] | None = None, kept: AnalysisCache | None = None
) -> None:
    """Give each article whose publication date is not stated the interval its story's dated articles put
    it in (``storyline.timeline.dating``), with the evidence; keep the lower bound describe found when the
    corpus narrows nothing. Annotated articles only (sentences and time expressions are read). The dated
    sentences' event times are the timeline's: kept pieces (``kept``), else read in the parses (``docs``)."""
    undated = [a for a in articles if a.published is None]
    if not undated or len(undated) == len(articles):
        return
    from ..annotate.timex.event_time import parses_of
    from ..pieces import NO_PIECES, Pieces
    from ..timeline.dating import infer_publication_dates

    pieces = Pieces(kept) if kept is not None else NO_PIECES
    inferred = infer_publication_dates(articles, parses=parses_of(articles, docs), pieces=pieces)
    for article in undated:
        if article.published_interval is not None and article.published_interval.method in INFERRED:
            continue  # inferred already (a corpus built twice over the same articles): kept as it was
        found = inferred.get(article.id)
        if found is None or found.method not in INFERRED:
            continue  # nothing narrower than the lower bound (or nothing at all) that describe gave
        bound = article.published_interval.earliest if article.published_interval else None
        earliest = found.earliest
        if (
            bound is not None
            and (earliest is None or earliest < bound)
            and (found.estimate is None or found.estimate >= bound)
        ):
            earliest = bound  # an article does not report what has not happened yet
        evidence = [
            f"\u201c{clip(e.text)}\u201d is told by article {e.article} (sentence {e.other_sentence + 1}), "
            f"dated {e.event_date.isoformat()} ({e.dated_by})"
            for e in found.evidence[:3]
        ]
        if found.method == "neighbours":
            evidence.insert(0, "the dated articles most like it")
        if found.method.startswith("dateline"):
            words = article.extra["dateline_month_day"]["words"]
            evidence.insert(0, f"its dateline \u201c{words}\u201d; the year from the story's dated articles")
        article.published_interval = PublishedInterval(
            earliest=earliest,
            latest=found.latest,
            estimate=found.estimate,
            method=found.method,
            confidence=round(found.confidence, 3),
            evidence=evidence,
        )


def clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def annotate_articles(
    articles: Sequence[Article],
    level: str,
    settings: Settings | None = None,
    keep_docs: bool = False,
    check: Callable[[], None] | None = None,
    progress: Progress | None = None,
    cache: AnalysisCache | None = None,
    stored: AnalysisSource | None = None,
) -> Sequence[Doc] | None:
    """Fill sentences, entities (spaCy) and time expressions; return the parses when ``keep_docs``.

    With ``keep_docs`` every article is parsed (its parse is needed); otherwise only the articles
    that have no sentences yet (stored articles annotated at ingest keep theirs). An article whose
    analysis ``cache`` (or the store's, ``stored``) holds is not parsed again; each one parsed here is
    put in ``cache``. The parses are returned as a ``LazyDocs``: a kept one is read into a ``Doc``
    only when a stage asks for it.
    """
    from ..annotate.nlp import annotate_docs
    from ..annotate.sentences import annotate_fast
    from ..annotate.timex import anchor_of, tag, tag_article

    settings = settings or current_settings()
    show: Progress = progress or no_progress

    def checked(items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            if check is not None:
                check()

    if level == "rules":
        for article in checked(show(articles, "annotating", len(articles))):
            annotate_fast(article)
        return None
    sources = [source for source in (stored, cache) if source is not None]
    # A kept analysis is looked up for every article (it has the time expressions too); an article
    # annotated at ingest is parsed again only when its parse is needed and not kept.
    todo = list(articles) if keep_docs or sources else [a for a in articles if not a.sentences]
    limit = settings.annotate.max_chars
    parses: dict[int, Doc | tuple[bytes, str]] = {}
    keys: dict[int, str] = {}
    missing = list(range(len(todo)))
    if sources:
        keys = {i: (cache or sources[0]).key(article) for i, article in enumerate(todo)}  # type: ignore[union-attr]
        missing = []
        for i in checked(show(range(len(todo)), "loading kept analysis", len(todo))):
            article = todo[i]
            entry = None
            for source in sources:
                entry = source.get(keys[i], article.text)
                if entry is not None:
                    break
            if entry is None:
                missing.append(i)
                continue
            if keep_docs:  # read into a Doc only if a stage asks for it (``LazyDocs``)
                parses[i] = (entry.doc_bytes, article.text[:limit])
            article.sentences, article.entities = entry.sentences, entry.entities
            if not article.timexes:
                article.timexes = entry.timexes
    missing = [i for i in missing if keep_docs or not todo[i].sentences]
    pairs = annotate_docs([todo[i] for i in missing], settings=settings) if missing else iter(())
    for i, (article, doc) in zip(missing, checked(show(pairs, "annotating", len(missing))), strict=True):
        if cache is not None:
            timexes = tag(article.text, anchor_of(article))
            if not article.timexes:
                article.timexes = timexes
            cache.put(keys[i], article, timexes, doc)
        if keep_docs:
            parses[i] = compact(doc)
    for article in articles:
        if not article.timexes:
            tag_article(article)
    if not keep_docs:
        return None
    from .cache import LazyDocs

    return LazyDocs([parses[i] for i in range(len(todo))], settings.annotate.spacy_model)


def compact(doc: Doc) -> Doc:
    """The parse without its tensor (no stage reads it; it is most of a parse's memory), as a kept one."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def corpus_of(
    articles: Iterable[Article],
    docs: Sequence[Doc] | None = None,
    *,
    settings: Settings | None = None,
    problems: Sequence[InputProblem] = (),
    keep_docs: bool = True,
    check: Callable[[], None] | None = None,
) -> Corpus:
    """A corpus of articles a caller prepared itself (tests, benchmarks, older code): annotated here
    as ``build_corpus`` would (parsed, keeping the parses when ``keep_docs``, unless ``docs`` are given;
    undated articles dated from the dated ones, ``date_undated``). Copies are marked only where no article
    has ``duplicate_of`` set yet."""
    from ..corpus.copies import mark_duplicates

    settings = settings or current_settings()
    article_list = list(articles)
    if not any(a.duplicate_of for a in article_list):
        mark_duplicates(article_list, settings.copies)
    if docs is not None:
        doc_list: Sequence[Doc] | None = list(docs)
        for article in article_list:
            if not article.timexes:
                from ..annotate.timex import tag_article

                tag_article(article)
    else:
        doc_list = annotate_articles(article_list, "spacy", settings, keep_docs, check)
    # Undated articles get their interval from the dated ones here too, as in ``build_corpus``.
    date_undated(article_list, doc_list)
    annotations = {"copies", "sentences", "entities", "timexes"} | (
        {"docs"} if doc_list is not None else set()
    )
    return Corpus(
        articles=tuple(article_list),
        problems=tuple(problems),
        settings=settings,
        docs=doc_list,
        annotations=frozenset(annotations),
    )
