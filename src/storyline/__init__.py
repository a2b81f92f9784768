"""storyline: turn raw news articles about a developing story into a brief people can trust.

Two entry points cover most uses::

    import storyline

    articles = storyline.process(["../shared/samples/syria-assad"])   # read, clean, describe, annotate
    brief = storyline.make_brief(articles)                              # summary, timeline, who, compare

Every stage is also a module of its own (``storyline.ingest.read``, ``clean``, ``describe``, ``annotate``,
``summarize``, ``timeline``, ``attribution``, ``entities``, ``compare``, ``store``, ``stories``)
over the one data model in ``storyline.model``.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Article, Brief

try:  # one source: the version in pyproject.toml, as installed
    __version__ = _version("storyline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"


def process(paths: Iterable[str], **options: Any) -> list[Article]:
    """Read, clean, describe and annotate the articles in ``paths`` (see ``storyline.ingest.prepare.process``)."""
    from .ingest.prepare import process as run

    return run(paths, **options)


def make_brief(articles: list[Article], **options: Any) -> Brief:
    """Every part of the brief, each stage run once (see ``storyline.service.brief.build_brief``)."""
    from .service.brief import build_brief

    return build_brief(articles, **options)
