"""The samples annotated once for the comparison tests (claims and positions)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyline.annotate.nlp import annotate_docs
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read

from ..conftest import SAMPLES

# The two samples whose text states no date, dated as a user would (the day before the U.S. call).
EVENT_DAY = dt.date(2011, 8, 17)


@pytest.fixture(scope="package")
def samples():
    pairs = list(annotate_docs(prepare(read([str(SAMPLES)]), on_problem=print)))
    articles = []
    for article, _ in pairs:
        if article.published is None and article.published_label() == "unknown":
            # (the Kerry article names August 2011: it keeps its interval, "after 2011-08")
            article = dataclasses.replace(
                article, published=EVENT_DAY, published_provenance="user", published_interval=None
            )
        articles.append(article)
    return articles, [d for _, d in pairs]
