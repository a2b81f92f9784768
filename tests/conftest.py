"""Shared fixtures: the real samples in ../shared, and the processed sample articles (built once)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "syria-assad"
DATA = SHARED / "data"

# The kept analysis (storyline.service.cache) of a test run goes to a folder of its own, removed at the end,
# never to the user's ~/.cache (subprocesses started by tests inherit it).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="storyline-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)


@pytest.fixture(scope="session")
def sample_articles():
    from storyline.service.corpus import build_corpus

    return list(build_corpus([str(SAMPLES)], keep_docs=False).articles)


@pytest.fixture(scope="session")
def samples_by_file(sample_articles):
    return {Path(a.source).name[:3]: a for a in sample_articles}
