"""The brief: every requested synthesis stage run once over a corpus (``storyline.service.corpus``).

Each stage is a function of the corpus that returns its result and writes on no article. It
declares what it ``requires`` (annotations of the corpus: ``sentences``, ``entities``,
``timexes``, ``docs``, ``copies``; or results of earlier stages: ``roster``, ``attributions``)
and what it ``assigns``, as spaCy's pipeline components do; ``brief`` checks the order once,
before any work, and raises ``StageOrderError`` when a stage needs what neither the corpus nor an
earlier stage provides.

Stages are found by name. A stage whose module is not installed (or not built yet) is left out
and its part of the brief stays ``None``; a stage that fails on these articles is recorded in
``Brief.stage_errors`` with a one-line message, and the other stages still run (a stage needing a
failed stage's result is recorded as failed too).

>>> from storyline.service.corpus import build_corpus
>>> corpus = build_corpus(["../shared/samples/syria-assad"], sections=["timeline"])
>>> result = brief(corpus, sections=["timeline"])
>>> result.timeline is not None and result.summary is None
True
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import logging
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..model import Brief
from ..pieces import NO_PIECES, Pieces
from ..settings import use_settings
from .corpus import Corpus, Progress, no_progress
from .stages import (  # noqa: F401  (re-exported: the stage table is part of the brief's API)
    ANNOTATIONS,
    PASSED,
    STAGES,
    Stage,
    StageOrderError,
    available_stages,
    check_order,
    stage_function,
    stages_for,
)

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised by a ``check`` callback to stop building a brief (the web app's time limit)."""


def brief(
    corpus: Corpus,
    sections: Iterable[str] | None = None,
    *,
    words: int | None = None,
    method: str | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    stages: Sequence[Stage] = STAGES,
    check: Callable[[], None] | None = None,
    on_stage: Callable[[Stage], None] | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Compute the brief's ``sections`` (Brief field names; None: every stage installed) from ``corpus``.

    The stages whose results a section needs run too. ``words`` is the summary's length (default
    ``settings.summary_words``) and ``method`` its method; ``options`` gives a stage more keyword
    arguments by section (``{"timeline": {"dates": 10}}``); ``check`` is called between stages and may
    raise ``Cancelled``; ``on_stage`` is told when a stage starts; ``progress`` wraps the loop over the
    stages (a progress bar naming the stage under way).
    """
    started = time.perf_counter()
    articles = list(corpus.articles)
    result = Brief(articles=articles, problems=list(corpus.problems))
    result.timings.update(corpus.timings)
    chosen = [stage for stage in stages_for(sections, stages) if stage_function(stage) is not None]
    check_order(chosen, corpus.annotations)
    previous = use_settings(corpus.settings)  # the stages read the corpus's settings
    try:
        run_stages(corpus, chosen, result, words, method, options, check, on_stage, progress)
    finally:
        use_settings(previous)
        if corpus.kept is not None:
            corpus.kept.touch()
    result.timings["total"] = round(time.perf_counter() - started + sum(corpus.timings.values()), 3)
    return result


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """The stages' matrix products (the paraphrase check's block products over every proposition, the
    summary's and the timeline's similarities) on one BLAS thread: on a busy machine OpenBLAS's threads mostly
    wait for each other, and the waiting is CPU time (``similar_pairs`` over 11,000 vectors: 0.79 CPU s on two
    threads, 0.45 on one, the same scores bit for bit). Where numpy has no BLAS threads to limit, nothing
    changes. (Only a stage that runs sets it, so a view read from kept results loads no numpy for it.)"""
    import numpy  # noqa: F401  (loaded first: the limit holds for the libraries loaded when it is set)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def stage_title(stage: Stage) -> str:
    return stage.title


def run_stages(
    corpus: Corpus,
    chosen: Sequence[Stage],
    result: Brief,
    words: int | None,
    method: str | None,
    options: Mapping[str, Mapping[str, Any]] | None,
    check: Callable[[], None] | None,
    on_stage: Callable[[Stage], None] | None,
    progress: Progress | None = None,
) -> None:
    """Run ``chosen`` in order, filling ``result``; a failed stage fails the stages needing it.

    With ``corpus.kept`` (the analysis cache), a stage whose result is kept for this corpus, these
    settings and arguments is read, not run, and one that ran is kept; the parses are read only when
    a stage that needs them runs. Each article's part of a stage is kept apart too: a stage that takes
    ``pieces`` (``Stage.pieces``) is given this run's (``storyline.pieces``), over the same cache."""
    articles = list(corpus.articles)
    made: dict[str, Any] = {"docs": corpus.docs}
    failed: dict[str, str] = {}
    show: Progress = progress or no_progress
    kept = corpus.kept if articles else None
    pieces = Pieces(kept) if kept is not None else NO_PIECES
    digest = kept.corpus_digest(articles) if kept is not None else ""
    # the sentences' kept vectors, read as the stages that embed ask for them (one reading for all of them)
    vectors = KeptVectors(articles, pieces) if pieces.active else None
    keys: dict[str, str] = {}
    for stage in show(chosen, "building the brief", len(chosen), label=stage_title):
        function = stage_function(stage)
        assert function is not None
        if check is not None:
            check()
        lost = [need for need in stage.requires if need in failed]
        if lost:
            result.stage_errors[stage.field] = (
                f"{stage.title} failed: it needs the {failed[lost[0]]}, which failed"
            )
            failed.update({name: stage.title for name in stage.makes})
            continue
        if on_stage is not None:
            on_stage(stage)
        arguments: dict[str, Any] = {}
        if stage.field == "summary":
            arguments["words"] = words if words is not None else corpus.settings.summary_words
            if method is not None:
                arguments["method"] = method
        arguments.update((options or {}).get(stage.field, {}))
        stage_started = time.perf_counter()
        key = ""
        # only a stage's own function is kept (a caller's or a test's replacement always runs)
        own = getattr(function, "__module__", None) == stage.module and function.__name__ == stage.function
        if kept is not None and own:
            inputs = [keys[need] for need in stage.requires if need in keys]
            key = kept.stage_key(digest, stage.field, given(function, arguments), inputs)
            found, value = kept.get_result(key, RESULT_TYPES[stage.field])
            if found:
                result.timings[stage.field] = round(time.perf_counter() - stage_started, 3)
                for name in stage.makes:
                    made[name] = value
                    keys[name] = key
                setattr(result, stage.field, value)
                continue
        arguments.update({need: made[need] for need in stage.requires if need in PASSED})
        arguments.update({name: made[name] for name in stage.uses if made.get(name) is not None})
        if stage.pieces and own:
            arguments["pieces"] = pieces
        try:
            with (
                kept_vectors(vectors if stage.field in EMBEDS and own else None),
                one_blas_thread(),
            ):
                value = function(articles, **arguments) if articles else None
        except Cancelled:
            raise
        except Exception as exc:  # one failing stage must not lose the rest of the brief
            log.debug("stage %s failed", stage.module, exc_info=True)
            result.stage_errors[stage.field] = f"{stage.title} failed: {type(exc).__name__}: {exc}"
            failed.update({name: stage.title for name in stage.makes})
            continue
        finally:
            result.timings[stage.field] = round(time.perf_counter() - stage_started, 3)
        if kept is not None and value is not None:
            kept.put_result(key, value)
        for name in stage.makes:
            made[name] = value
            if key:
                keys[name] = key
        setattr(result, stage.field, value)
    if kept is not None and kept.wrote:
        kept.trim()


# The stages that embed sentences (WordLlama): each article's sentence vectors are a piece of its own.
EMBEDS = frozenset({"summary", "comparison"})


class KeptVectors(Mapping[str, Any]):
    """The vectors of the articles' sentences (text to float32 row), each article's read from its kept piece
    (``sentence_vectors``; made and kept for an article that has none) when one of its texts is first asked.

    A brief after new articles embeds only theirs; the summary, which asks a few dozen texts (the sentences it is
    about to say), reads a few pieces, not every article's; the comparison, which asks most sentences, reads the
    rest, and the pieces read are decoded once for both. A text's row comes from the first article (in order)
    whose piece holds it; every such row is the one ``embed`` would make (a text's vector does not depend on its
    batch), so which article gives it does not matter."""

    def __init__(self, articles: Sequence[Any], pieces: Pieces) -> None:
        self.articles = articles
        self.pieces = pieces
        self.rows: dict[str, Any] = {}
        self.read: set[int] = set()
        self.width = 0

    @functools.cached_property
    def holders(self) -> dict[str, list[int]]:
        """Each sentence text's articles, in order (made when first asked: a run whose stages are all kept
        asks nothing)."""
        holders: dict[str, list[int]] = {}
        for n, article in enumerate(self.articles):
            for sentence in article.sentences:
                holders.setdefault(article.sentence_text(sentence), []).append(n)
        return holders

    def __getitem__(self, text: str) -> Any:
        row = self.rows.get(text)
        if row is not None:
            return row
        for n in self.holders.get(text, ()):
            if n not in self.read:
                self.load(n)
                row = self.rows.get(text)
                if row is not None:
                    return row
        raise KeyError(text)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and text in self.holders

    def __iter__(self) -> Iterator[str]:
        return iter(self.holders)

    def __len__(self) -> int:
        return len(self.holders)

    def load(self, n: int) -> None:
        """Read article ``n``'s piece (make and keep it if there is none) into ``rows``."""
        import base64

        import numpy as np

        from ..text.embeddings import known_vectors, model, weights

        self.read.add(n)
        article = self.articles[n]
        texts = [article.sentence_text(s) for s in article.sentences]
        if not texts:
            return
        if not self.width:
            self.width = int(model().embedding.shape[1])

        def made() -> str:
            with known_vectors({}):  # embedded afresh, as a cold brief does (not looked up here again)
                return sentence_vectors(article)

        rows = np.frombuffer(
            base64.b64decode(self.pieces.piece("sentence-vectors", article, str, made, weights())),
            dtype="<f4",
        )
        if rows.size != len(texts) * self.width:
            return  # not this article's vectors: its texts are looked for in the next article, or embedded
        for text, row in zip(texts, rows.reshape(len(texts), -1), strict=True):
            self.rows.setdefault(text, row.astype(np.float32))


@contextlib.contextmanager
def kept_vectors(vectors: KeptVectors | None) -> Iterator[None]:
    """While a stage that embeds sentences runs, ``embed`` takes the sentences' vectors from ``vectors`` (the
    run's kept per-article pieces, read as asked; ``text.embeddings.KNOWN``)."""
    if vectors is None:
        yield
        return
    from ..text.embeddings import known_vectors

    with known_vectors(vectors):
        yield


def sentence_vectors(article: Any) -> str:
    """The vectors of the article's sentences, in order (float32 little-endian, base64): its piece."""
    import base64

    from ..text.embeddings import embed

    texts = [article.sentence_text(s) for s in article.sentences]
    return base64.b64encode(embed(texts).astype("<f4").tobytes()).decode("ascii") if texts else ""


def given(function: Callable[..., Any], arguments: dict[str, Any]) -> dict[str, Any]:
    """The ``arguments`` that are not the function's defaults: a view asking for the default timeline
    (``dates=None``) reads the result the whole brief kept (no options)."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return arguments
    return {
        name: value
        for name, value in arguments.items()
        if not (
            name in parameters
            and parameters[name].default is not inspect.Parameter.empty
            and type(parameters[name].default) is type(value)
            and parameters[name].default == value
        )
    }


# The type of each stage's result (a ``Brief`` field's), read back from the kept JSON.
RESULT_TYPES: dict[str, Any] = {
    name: typing.get_args(kind)[0] if typing.get_origin(kind) in (typing.Union, types.UnionType) else kind
    for name, kind in typing.get_type_hints(Brief).items()
}
