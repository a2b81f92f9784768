"""The public Python API: ``__all__``, and the runnable examples of the README and of the docstrings."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest

import storyline

from .conftest import ROOT


def test_public_names_resolve():
    assert set(storyline.__all__) >= {"build_corpus", "brief", "Corpus", "Brief", "Article", "Settings"}
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None
    with pytest.raises(AttributeError):
        storyline.no_such_name  # noqa: B018


def run_examples(text: str, name: str) -> doctest.TestResults:
    text = re.sub(r"^```.*$", "", text, flags=re.M)  # a code fence ends an example's expected output
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, name, name, 0)
    assert test.examples, f"{name}: no examples found"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_readme_python_api_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name ../shared as seen from the repository
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Python API\n(.*?)^## ", readme, re.S | re.M)
    assert section, "README has no Python API section"
    results = run_examples(section.group(1), "README.md#python-api")
    assert results.failed == 0 and results.attempted >= 10


@pytest.mark.parametrize("module", ["storyline", "storyline.service.corpus", "storyline.service.brief"])
def test_docstring_examples_run(monkeypatch, module):
    monkeypatch.chdir(ROOT)
    loaded = importlib.import_module(module)
    results = doctest.testmod(loaded, optionflags=doctest.ELLIPSIS, report=False)
    assert results.failed == 0 and results.attempted > 0
