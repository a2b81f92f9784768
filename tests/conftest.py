"""Shared fixtures: the real samples in ../shared, and the processed sample articles (built once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "syria-assad"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def sample_articles():
    from storyline.service.corpus import build_corpus

    return list(build_corpus([str(SAMPLES)], keep_docs=False).articles)


@pytest.fixture(scope="session")
def samples_by_file(sample_articles):
    return {Path(a.source).name[:3]: a for a in sample_articles}
