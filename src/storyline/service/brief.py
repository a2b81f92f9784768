"""The brief: run every available synthesis stage once over a set of articles.

The HTML report and the web app both show a ``Brief``; building it here, once, means the two
never disagree and nothing is parsed twice: spaCy runs once (``annotate_docs``) and its docs are
handed to every stage that can use them.

Stages are found by name. A stage whose module is not installed (or not built yet) is left out
and its part of the brief stays ``None``; a stage that fails on these articles is recorded in
``Brief.stage_errors`` with a one-line message, and the other stages still run.

Example::

    from storyline.ingest.prepare import process
    from storyline.service.brief import build_brief

    articles = process(["../shared/samples/syria-assad"], with_annotations=False)
    brief = build_brief(articles)
    print(brief.summary.text if brief.summary else "no summarizer installed")
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..annotate.nlp import annotate_docs
from ..model import Article, Brief
from ..settings import DEFAULTS, Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    """One part of the brief: the ``Brief`` field it fills and the function that computes it."""

    field: str
    module: str
    function: str
    title: str


# In the order they run and appear in the report.
STAGES = (
    Stage("summary", "storyline.summarize", "summarize", "summary"),
    Stage("timeline", "storyline.timeline.build", "build_timeline", "timeline"),
    Stage("attributions", "storyline.who.attribution", "find_attributions", "who said what"),
    Stage("entities", "storyline.who.entities", "build_roster", "who is who"),
    Stage("comparison", "storyline.compare.claims", "compare", "source comparison"),
)


class Cancelled(Exception):
    """Raised by a ``check`` callback to stop building a brief (the web app's time limit)."""


def stage_function(stage: Stage) -> Callable[..., Any] | None:
    """The stage's function, or None when its module is not installed or does not define it yet."""
    try:
        if importlib.util.find_spec(stage.module) is None:
            return None
    except (ImportError, ValueError):
        return None
    module = importlib.import_module(stage.module)
    function = getattr(module, stage.function, None)
    return function if callable(function) else None


def available_stages() -> list[Stage]:
    return [stage for stage in STAGES if stage_function(stage) is not None]


def accepts(function: Callable[..., Any], name: str) -> bool:
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())


def annotate_all(
    articles: Sequence[Article],
    settings: Settings = DEFAULTS,
    check: Callable[[], None] | None = None,
    on_article: Callable[[], None] | None = None,
) -> list[Doc]:
    """Annotate every article once (sentences, entities) and return the spaCy docs in order."""
    docs = []
    for _article, doc in annotate_docs(
        articles,
        model=settings.spacy_model,
        batch_size=settings.batch_size,
        max_chars=settings.max_annotate_chars,
    ):
        docs.append(doc)
        if on_article is not None:
            on_article()
        if check is not None:
            check()
    return docs


def build_brief(
    articles: Sequence[Article],
    docs: Sequence[Doc] | None = None,
    *,
    words: int | None = None,
    settings: Settings = DEFAULTS,
    problems: Sequence[str] = (),
    stages: Sequence[Stage] = STAGES,
    check: Callable[[], None] | None = None,
    on_stage: Callable[[Stage], None] | None = None,
) -> Brief:
    """Run every available stage of ``stages`` once over ``articles``.

    ``docs`` are the articles' spaCy docs from ``annotate_docs``; without them the articles are
    annotated here first. ``check`` is called between stages and may raise ``Cancelled``;
    ``on_stage`` is told when a stage starts (for progress). ``problems`` are the inputs the
    caller had to skip, carried into the brief so the report can list them.
    """
    started = time.perf_counter()
    article_list = list(articles)
    brief = Brief(articles=article_list, problems=list(problems))
    if docs is None:
        docs = annotate_all(article_list, settings, check)
        brief.timings["annotate"] = round(time.perf_counter() - started, 3)
    doc_list = list(docs)
    if len(doc_list) != len(article_list):
        raise ValueError(f"{len(doc_list)} spaCy docs given for {len(article_list)} articles")
    for stage in stages:
        function = stage_function(stage)
        if function is None:
            continue
        if check is not None:
            check()
        if on_stage is not None:
            on_stage(stage)
        options: dict[str, Any] = {}
        if accepts(function, "docs"):
            options["docs"] = doc_list
        if stage.field == "summary":
            options["words"] = words if words is not None else settings.summary_words
        if accepts(function, "roster") and brief.entities is not None:
            options["roster"] = brief.entities  # the comparison reuses the roster instead of rebuilding it
        stage_started = time.perf_counter()
        try:
            result = function(article_list, **options) if article_list else None
        except Cancelled:
            raise
        except Exception as exc:  # one failing stage must not lose the rest of the brief
            log.debug("stage %s failed", stage.module, exc_info=True)
            brief.stage_errors[stage.field] = f"{stage.title} failed: {type(exc).__name__}: {exc}"
            continue
        finally:
            brief.timings[stage.field] = round(time.perf_counter() - stage_started, 3)
        setattr(brief, stage.field, result)
    brief.timings["total"] = round(time.perf_counter() - started, 3)
    return brief
