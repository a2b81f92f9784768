"""Prepare: raw documents -> cleaned and described articles, streaming, one problem per bad input.

``prepare`` turns raw documents into described articles (no NLP), ``prepare_one`` one document.
Problems with one input never stop the batch: they are handed to ``on_problem`` (the CLI prints
them as one line each) and the input is skipped. The whole chain over paths (read, prepare, copies,
annotate) is ``storyline.service.corpus.build_corpus``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import InputError, InputProblem
from ..model import Article
from .clean import Cleaned, clean_text
from .describe import describe
from .read import RawDocument

ProblemHandler = Callable[[InputProblem], None]
log = logging.getLogger("storyline.ingest.prepare")

# Fields the user can give (CLI option or JSONL field); they win over what describe finds.
USER_FIELDS = ("title", "outlet", "byline", "url", "published")


def content_id(text: str) -> str:
    """A stable id for an article: a hash of its raw content (whitespace-normalized)."""
    normalized = " ".join(text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


class IdAssigner:
    """Content-hash ids, made unique within one run (a second copy of the same text gets ``-2``)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, content: str) -> str:
        return self.unique(content_id(content))

    def unique(self, base: str) -> str:
        count = self.seen.get(base, 0) + 1
        self.seen[base] = count
        return base if count == 1 else f"{base}-{count}"

    def of(self, raw: RawDocument) -> str:
        """A JSONL record's own ``id`` when it has one (so citations name it), else the content hash."""
        given = raw.fields.get("id")
        return self.unique(str(given)) if given not in (None, "") else self(raw.content)


def clean(raw: RawDocument) -> Cleaned:
    """Clean one raw document: the HTML path (``webpage``) for HTML, the text path (``clean``) otherwise.

    It lives here, above both paths, because the HTML path itself ends in the text cleaner."""
    if raw.kind == "html":
        from .webpage import clean_html  # lxml is loaded only for HTML input

        return clean_html(raw.content)
    return clean_text(raw.content)


def prepare_one(raw: RawDocument, article_id: str, overrides: dict[str, Any] | None = None) -> Article:
    """Clean and describe one raw document; raises ``InputError`` when nothing usable is left."""
    cleaned = clean(raw)
    if not cleaned.text.strip():
        raise InputError(
            "no-text", "no article text left after cleaning (empty, truncated or not an article?)"
        )
    article = Article(id=article_id, source=raw.source, text=cleaned.text, removed=cleaned.removed)
    if raw.cluster is not None:
        article.extra["cluster"] = raw.cluster
        article.extra["passage"] = raw.passage
    if raw.reference is not None:
        article.extra["reference"] = raw.reference
    if "id" in raw.fields:
        article.extra["given_id"] = str(raw.fields["id"])
    describe(article, raw, cleaned)
    if article.language != "en":
        # spaCy's English model would make nonsense of it; say so rather than annotate badly
        script = cleaned.metadata.get("script") or "unknown"
        what = (
            f"{script.lower()} script"
            if script not in ("LATIN", "unknown")
            else "a language other than English"
        )
        raise InputError("not-english", f"not English text ({what}); storyline reads English articles")
    apply_user_fields(article, {**raw.fields, **(overrides or {})})
    return article


def try_prepare(
    raw: RawDocument, article_id: str, overrides: dict[str, Any] | None = None
) -> Article | InputProblem:
    """``prepare_one``, with a document that cannot be used turned into an ``InputProblem``.

    The one place where preparing a document fails softly: the CLI's stream (``prepare``) and the
    store's batches (``corpus.distributed.prepare_batch``) both go through it, so a bad input is
    reported the same way everywhere and the batch goes on.

    Each document is judged on its own: a page that trips a library (lxml, trafilatura, htmldate)
    in a way not foreseen is reported as ``failed`` with the error's name and the batch goes on;
    the traceback goes to the log for a bug report.
    """
    try:
        return prepare_one(raw, article_id, overrides)
    except InputError as exc:
        return InputProblem(raw.source, exc.code, exc.message)
    except RecursionError:
        return InputProblem(raw.source, "unreadable", "document too deeply nested to parse")
    except Exception as exc:  # noqa: BLE001 - one document's failure must not end the batch
        log.debug("preparing %s failed", raw.source, exc_info=exc)
        return InputProblem(
            raw.source, "failed", f"could not be processed ({type(exc).__name__}: {str(exc)[:200]})"
        )


def apply_user_fields(article: Article, fields: dict[str, Any]) -> None:
    for name in USER_FIELDS:
        value = fields.get(name)
        if value in (None, ""):
            continue
        if name == "published":
            parsed = parse_user_date(value)
            if parsed is None:
                raise InputError(
                    "bad-date", f"cannot read the given publication date {value!r} (give YYYY-MM-DD)"
                )
            article.published = parsed
            article.published_provenance = "user"
            article.published_confidence = 1.0
            article.published_estimated = False
            article.published_interval = None
        else:
            setattr(article, name, str(value))
            if name == "outlet":
                article.outlet_provenance, article.outlet_confidence = "user", 1.0
                article.publisher = article.outlet


def parse_user_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def prepare(
    raws: Iterable[RawDocument | InputProblem],
    on_problem: ProblemHandler,
    overrides: dict[str, Any] | None = None,
) -> Iterator[Article]:
    """Clean and describe a stream of raw documents, reporting problems and going on."""
    ids = IdAssigner()
    for raw in raws:
        if isinstance(raw, InputProblem):
            on_problem(raw)
            continue
        result = try_prepare(raw, ids.of(raw), overrides)
        if isinstance(result, InputProblem):
            on_problem(result)
        else:
            yield result
