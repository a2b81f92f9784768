"""storyline: turn raw news articles about a developing story into a brief people can trust.

Two calls cover most uses: ``build_corpus`` reads, cleans, describes, marks copies and annotates the
articles once; ``brief`` computes the parts of the brief from that corpus. The CLI and the web app
are thin wrappers over the same two calls.

>>> import storyline
>>> corpus = storyline.build_corpus(["../shared/samples/syria-assad"])
>>> len(corpus.articles), len(corpus.problems)
(5, 0)
>>> result = storyline.brief(corpus, sections=["summary"], words=60)
>>> result.summary.sentences[0].citations[0].article in {a.id for a in corpus.articles}
True

Inputs that cannot be used are never dropped silently: each is an ``InputProblem`` in
``corpus.problems`` (and in ``result.problems``), and the other inputs are used.

>>> print(storyline.build_corpus(["../shared/samples/no-such-folder"]).problems[0])
../shared/samples/no-such-folder: no such file or directory [unreadable]

Every stage is also a module of its own (``storyline.ingest``, ``annotate``, ``corpus``, ``who``,
``compare``, ``summarize``, ``timeline``) over the one data model in ``storyline.model``; the JSON
of every result is defined once in ``storyline.present.results`` (schemas in
``storyline/present/schemas/``).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import InputProblem
    from .model import Article, Brief
    from .service.brief import brief
    from .service.corpus import Corpus, build_corpus
    from .settings import Settings, load_settings

try:  # one source: the version in pyproject.toml, as installed
    __version__ = _version("storyline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

# Loaded on first use, so that `import storyline` (and every CLI start) stays cheap.
WHERE = {
    "Article": "model",
    "Brief": "model",
    "Corpus": "service.corpus",
    "InputProblem": "errors",
    "Settings": "settings",
    "brief": "service.brief",
    "build_corpus": "service.corpus",
    "load_settings": "settings",
}


def __getattr__(name: str) -> Any:
    if name in WHERE:
        return getattr(importlib.import_module(f".{WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


__all__ = [
    "Article",
    "Brief",
    "Corpus",
    "InputProblem",
    "Settings",
    "__version__",
    "brief",
    "build_corpus",
    "load_settings",
]
