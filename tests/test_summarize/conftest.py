"""Fixtures for the summarize tests: articles built from the real samples, without running spaCy again."""

from __future__ import annotations

import copy

import pytest

from storyline.model import Article


@pytest.fixture
def copies_of(sample_articles):
    """``copies_of(k, n)``: n independent copies of sample article k with their own ids and outlets."""

    def make(k: int, n: int, outlets: list[str] | None = None) -> list[Article]:
        result = []
        for i in range(n):
            article = copy.deepcopy(sample_articles[k])
            article.id = f"{article.id}-copy{i}"
            article.outlet = outlets[i] if outlets else f"Outlet {i}"
            result.append(article)
        return result

    return make
