"""The kept analysis: each article's annotations and spaCy parse, computed once and kept on disk.

``build_corpus`` looks every article up here before parsing it. An entry is keyed by a SHA-256 of
everything its analysis depends on: the article's text and the date its time expressions are
counted from, storyline's version and the source of its annotation code, the spaCy version, the
model package and its version, its pipeline and the characters handed to it. Change any of them
and the entry is simply not found again (and is evicted in time).

An entry is one file, ``<directory>/<k[:2]>/<k>.bin``::

    MAGIC  sha256(body)  body = zlib(len(meta) as 4 bytes, meta as JSON, the Doc's bytes)

The brief's stage results are kept beside them (``<k>.stage``, the same framing, the result as JSON
and no parse), keyed by everything the stage reads: the corpus's articles with their annotations, the
settings, the stage's arguments, the keys of the stage results it is given, storyline's version and
the source of the whole package with its data files. A view looked at again is read, not recomputed;
an entry that does not decode into the stage's result type exactly is ignored and rebuilt.

The articles as prepared from the same inputs (read, cleaned, described, marked for copies; with the
inputs that could not be used) are kept too (``<k>.prepared``, keyed by every input whole, the fields given
to every article, the stored articles, the settings and the package's source): a second view of the same
files does not clean them again. The cache's own settings (where it is, how large) are in no key: a cache
moved or resized finds its entries. Results and pieces are read back by one reader per type
(``storyline.service.readback``) that checks on the way that they read back exactly.

Nothing in it is trusted: a file whose magic, checksum, JSON, key or parse does not check out is
ignored, removed and rebuilt; nothing is unpickled (the parse is spaCy's own ``Doc.to_bytes``,
msgpack, read into a fresh ``Doc``). The folder (``settings.cache.directory``; ``auto`` is
``$XDG_CACHE_HOME/storyline`` or ``~/.cache/storyline``) is bounded by ``settings.cache.max_mb``:
after a run that wrote entries, the least recently used go first. It is safe to delete at any time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
import tempfile
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..annotate import kept
from ..annotate.kept import DOC_EXCLUDE, FORMAT, MAGIC, Entry, pack, unframe
from ..model import Article, TimeExpression, to_jsonable
from ..settings import Settings
from .readback import read_back

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["MAGIC", "AnalysisCache", "AnalysisSource", "Entry", "LazyDocs"]
log = logging.getLogger(__name__)


def default_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "storyline"


@functools.cache
def package_fingerprint() -> str:
    """A hash of the source and data files of the whole package: any changed stage, rule or learned
    artefact means new stage results."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json", ".txt", ".toml")):
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(root)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class AnalysisSource(typing.Protocol):
    """Somewhere articles' kept analyses are found: the cache on disk, or a store's."""

    def key(self, article: Article) -> str: ...

    def get(self, key: str, text: str | None = None) -> Entry | None: ...


class AnalysisCache:
    """Entries on disk under ``directory``, at most ``max_bytes`` of them after ``trim``."""

    def __init__(self, directory: Path, max_bytes: int, settings: Settings) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.wrote = 0
        self.hits = 0
        self.misses = 0
        self.keys = kept.Keys(settings)
        self.salt = self.keys.salt
        self.settings = settings
        self.digests: dict[int, tuple[Article, str]] = {}
        self.piece_hits = 0
        self.piece_misses = 0
        self.touched: list[Path] = []

    @classmethod
    def of(cls, settings: Settings) -> AnalysisCache | None:
        """The cache the settings ask for, or None when ``cache.max_mb`` is 0."""
        if settings.cache.max_mb <= 0:
            return None
        chosen = settings.cache.directory
        directory = default_directory() if chosen == "auto" else Path(chosen).expanduser()
        return cls(directory, settings.cache.max_mb * 1024 * 1024, settings)

    def key(self, article: Article) -> str:
        return self.keys.key(article)

    def path(self, key: str, suffix: str = ".bin") -> Path:
        return self.directory / key[:2] / f"{key}{suffix}"

    def read(self, key: str, suffix: str = ".bin") -> bytes | None:
        try:
            return self.path(key, suffix).read_bytes()
        except OSError:
            return None

    def damaged(self, key: str, suffix: str, exc: Exception) -> None:
        path = self.path(key, suffix)
        log.warning("ignoring a damaged analysis cache entry %s: %s", path, exc)
        with contextlib.suppress(OSError):
            path.unlink()

    def get(self, key: str, text: str | None = None) -> Entry | None:
        """The entry of ``key``, or None when there is none or it does not check out (then it is removed).

        ``text``, when given, is the text the entry must be the analysis of."""
        data = self.read(key)
        if data is None:
            self.misses += 1
            return None
        try:
            entry = self.keys.check(self.decode(key, data), text)
        except Exception as exc:  # anything wrong with a file we did not just write: not trusted
            self.damaged(key, ".bin", exc)
            self.misses += 1
            return None
        with contextlib.suppress(OSError):
            os.utime(self.path(key))  # recently used: evicted last
        self.hits += 1
        return entry

    decode = staticmethod(kept.decode)
    encode = staticmethod(kept.encode)

    def write(self, key: str, data: bytes, suffix: str = ".bin") -> None:
        """Keep ``data`` under ``key`` (written whole or not at all; a failure to write is only logged)."""
        path = self.path(key, suffix)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError as exc:
            log.warning("cannot keep the analysis in %s: %s", self.directory, exc)
            return
        self.wrote += len(data)

    def put(self, key: str, article: Article, timexes: list[TimeExpression], doc: Doc) -> None:
        """Keep the article's analysis."""
        self.write(key, self.encode(key, article, timexes, doc))

    # --- stage results ---------------------------------------------------------------------------
    @functools.cached_property
    def settings_text(self) -> str:
        """The settings a kept result depends on: all but where the cache is and how large it may grow (a
        cache moved or resized finds its entries again)."""
        settings = to_jsonable(self.settings)
        settings.pop("cache", None)
        return json.dumps(settings, sort_keys=True, default=str)

    def corpus_digest(self, articles: Sequence[Article]) -> str:
        """A hash of everything a stage reads of the articles: each one whole (text, metadata, annotations)."""
        digest = hashlib.sha256()
        for article in articles:
            # the dataclasses' own repr: every field, nested ones too, in a fixed order
            digest.update(repr(article).encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def stage_key(self, corpus: str, stage: str, arguments: dict[str, Any], inputs: Sequence[str]) -> str:
        """The key of one stage's result over a corpus (``corpus_digest``) with these ``arguments`` and
        the results of the stages it is given (their keys, ``inputs``)."""
        from .. import __version__

        settings = self.settings_text
        digest = hashlib.sha256(self.salt)
        for part in (
            "stage",
            __version__,
            package_fingerprint(),
            settings,
            corpus,
            stage,
            json.dumps(to_jsonable(arguments), sort_keys=True, default=str),
            *inputs,
        ):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def get_result(self, key: str, kind: Any, suffix: str = ".stage") -> tuple[bool, Any]:
        """``(True, result)`` when a sound result of type ``kind`` is kept under ``key``, else ``(False, None)``."""
        data = self.read(key, suffix)
        if data is None:
            return False, None
        try:
            meta, payload = unframe(data)
            if (
                meta.get("key") != key
                or meta.get("format") != FORMAT
                or meta.get("kind") != "stage"
                or payload
            ):
                raise ValueError("entry of another key or format")
            # read and checked to read back exactly in one pass (``storyline.service.readback``)
            value = read_back(kind, meta["value"])
        except Exception as exc:
            self.damaged(key, suffix, exc)
            return False, None
        with contextlib.suppress(OSError):
            os.utime(self.path(key, suffix))
        self.hits += 1
        return True, value

    def put_result(self, key: str, value: Any, suffix: str = ".stage") -> None:
        """Keep a stage's result (a result that does not read back exactly is not kept)."""
        jsonable = to_jsonable(value)
        self.write(key, pack({"format": FORMAT, "kind": "stage", "key": key, "value": jsonable}), suffix)

    def put_exactly(self, key: str, value: Any, kind: Any) -> None:
        """Keep ``value`` (of type ``kind``) only if what is read back is the same value field for field
        (its ``repr``: a stage result's key hashes the articles' repr, so an article read back with a tuple
        where it had a list would miss every stage result kept for it)."""
        try:
            same = repr(read_back(kind, to_jsonable(value))) == repr(value)
        except (TypeError, ValueError):
            same = False
        if same:
            self.put_result(key, value, ".prepared")
        else:
            log.debug("not keeping %s: it does not read back as it is", key)

    def prepared_key(
        self, raws: Sequence[Any], overrides: dict[str, Any] | None, stored: Sequence[Article]
    ) -> str:
        """The key of the articles prepared from ``raws`` (``RawDocument``s or ``InputProblem``s, in order):
        every input whole, the fields given to every article, the stored articles they are checked against
        for copies and templates, the settings, storyline's version and the package's source."""
        from .. import __version__

        digest = hashlib.sha256(self.salt)
        settings = self.settings_text
        given = json.dumps(to_jsonable(overrides or {}), sort_keys=True, default=str)
        for part in (
            "prepared",
            __version__,
            package_fingerprint(),
            settings,
            given,
            self.corpus_digest(stored),
        ):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        for raw in raws:
            digest.update(repr(raw).encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    # --- per-article pieces of stages (``storyline.pieces``) ----------------------------
    def article_digest(self, article: Article) -> str:
        """A hash of everything a piece may read of one article: every field (its repr) but where it was
        read from and what the corpus sets across articles (its copy mark, an inferred date interval),
        which no piece reads (``storyline.pieces``): the pieces of an article stay found when its story
        grows or its file moves."""
        held = self.digests.get(id(article))
        if held is not None and held[0] is article:
            return held[1]
        own = dataclasses.replace(article, source="", duplicate_of=None, published_interval=None)
        digest = hashlib.sha256(repr(own).encode("utf-8", "surrogatepass")).hexdigest()
        self.digests[id(article)] = (article, digest)
        return digest

    @functools.cached_property
    def piece_salt(self) -> bytes:
        from .. import __version__

        settings = self.settings_text
        return hashlib.sha256(
            b"\0".join(
                [self.salt, b"piece", __version__.encode(), package_fingerprint().encode(), settings.encode()]
            )
        ).digest()

    def piece_key(self, name: str, article: Article, extra: str = "") -> str:
        """The key of the piece ``name`` of ``article`` (with the stage's arguments it depends on, ``extra``)."""
        digest = hashlib.sha256(self.piece_salt)
        for part in (name, extra, self.article_digest(article)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def get_piece(self, key: str, kind: Any) -> tuple[bool, Any]:
        """``(True, piece)`` when a sound piece of type ``kind`` is kept under ``key``, else ``(False, None)``."""
        data = self.read(key, ".piece")
        if data is None:
            self.piece_misses += 1
            return False, None
        try:
            meta, payload = unframe(data)
            if (
                meta.get("key") != key
                or meta.get("format") != FORMAT
                or meta.get("kind") != "piece"
                or payload
            ):
                raise ValueError("entry of another key or format")
            value = read_back(kind, meta["value"], exact=False)
        except Exception as exc:
            self.damaged(key, ".piece", exc)
            self.piece_misses += 1
            return False, None
        self.piece_hits += 1
        self.touched.append(self.path(key, ".piece"))
        return True, value

    def put_piece(self, key: str, value: Any) -> None:
        self.write(
            key, pack({"format": FORMAT, "kind": "piece", "key": key, "value": to_jsonable(value)}), ".piece"
        )

    def touch(self) -> None:
        """Mark the pieces read in this run as recently used (evicted last)."""
        for path in self.touched:
            with contextlib.suppress(OSError):
                os.utime(path)
        self.touched.clear()

    def trim(self) -> None:
        """Remove the least recently used entries until the folder holds at most ``max_bytes``."""
        entries: list[tuple[float, int, Path]] = []
        try:
            for pattern in ("??/*.bin", "??/*.stage", "??/*.piece", "??/*.prepared"):
                for path in self.directory.glob(pattern):
                    with contextlib.suppress(OSError):
                        stat = path.stat()
                        entries.append((stat.st_mtime, stat.st_size, path))
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size


class LazyDocs(Sequence["Doc"]):
    """The corpus's spaCy parses, read from their kept bytes only when a stage first asks for them
    (a view whose stage results are kept never loads spaCy). Each slot holds a ``Doc`` or the bytes
    of one and the text it must be the parse of; a parse of another text is made again."""

    def __init__(self, items: list[Doc | tuple[bytes, str]], model: str) -> None:
        self.items = items
        self.model = model

    def __len__(self) -> int:
        return len(self.items)

    @typing.overload
    def __getitem__(self, index: int) -> Doc: ...

    @typing.overload
    def __getitem__(self, index: slice) -> list[Doc]: ...

    def __getitem__(self, index: int | slice) -> Doc | list[Doc]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.items)))]
        item = self.items[index]
        if isinstance(item, tuple):
            item = self.items[index] = self.load(*item)
        return item

    def __iter__(self) -> Iterator[Doc]:
        for index in range(len(self.items)):
            yield self[index]

    @property
    def loaded(self) -> int:
        return sum(1 for item in self.items if not isinstance(item, tuple))

    def load(self, data: bytes, text: str) -> Doc:
        from spacy.tokens import Doc

        try:
            doc = Doc(language_vocab(self.model)).from_bytes(data, exclude=DOC_EXCLUDE)
            if doc.text != text:
                raise ValueError("the kept parse is of another text")
            return doc
        except Exception as exc:  # a damaged parse is made again, never trusted
            log.warning("ignoring a damaged kept parse: %s", exc)
            from ..annotate.nlp import load_nlp

            return load_nlp(self.model)(text)


@functools.cache
def language_vocab(model: str) -> Vocab:
    """A vocabulary of the model's language, without the model: all a kept parse is read with. A parse keeps its
    tokens' tags, dependencies, lemmas, norms, entities and strings; what a token's word gives (lower case,
    shape, stop word, number) is the language's, the same in the model's vocabulary and in this one (checked
    array-equal on kept parses). Making it costs ~0.1 CPU s against ~0.5 for loading the model, which a brief
    over kept analyses does not need. Read from the model package's ``meta.json`` (its language) without
    importing the package; a model that is no package (or names no language) is loaded for its vocabulary."""
    import importlib.util

    from ..annotate.nlp import load_nlp

    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        spec = None
    meta = Path(spec.origin).parent / "meta.json" if spec is not None and spec.origin else None
    language = json.loads(meta.read_text(encoding="utf-8")).get("lang") if meta and meta.is_file() else None
    if not isinstance(language, str):
        return load_nlp(model).vocab
    import spacy

    return spacy.blank(language).vocab
