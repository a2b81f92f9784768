"""Describe: title, outlet, byline and publication date with provenance (placeholder, being built)."""

from __future__ import annotations

from .clean import Cleaned
from .model import Article
from .read import RawDocument


def describe(article: Article, raw: RawDocument, cleaned: Cleaned) -> None:
    article.title = cleaned.title
