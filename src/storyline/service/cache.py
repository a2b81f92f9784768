"""The kept analysis: each article's annotations and spaCy parse, computed once and kept on disk.

``build_corpus`` looks every article up here before parsing it. An entry is keyed by a SHA-256 of
everything its analysis depends on: the article's text and the date its time expressions are
counted from, storyline's version and the source of its annotation code, the spaCy version, the
model package and its version, its pipeline and the characters handed to it. Change any of them
and the entry is simply not found again (and is evicted in time).

An entry is one file, ``<directory>/<k[:2]>/<k>.bin``::

    MAGIC  sha256(body)  body = zlib(len(meta) as 4 bytes, meta as JSON, the Doc's bytes)

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
import zlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article, EntityMention, Sentence, TimeExpression
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

MAGIC = b"storyline-analysis 1\n"
FORMAT = 1
# The parse without its tensor: no stage reads token vectors, and the tensor is most of the bytes.
DOC_EXCLUDE = ["tensor", "user_data"]


def default_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "storyline"


@functools.cache
def code_fingerprint() -> str:
    """A hash of the source of the annotation code and the data model: a changed rule means new entries,
    even before storyline's version number moves."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([*(root / "annotate").rglob("*.py"), root / "model.py"]):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def package_version(name: str) -> str:
    for candidate in (name, name.replace("_", "-")):
        try:
            return version(candidate)
        except PackageNotFoundError:
            continue
    return "unknown"


@dataclass
class Entry:
    """What was kept of one article: its annotations and (the bytes of) its parse."""

    sentences: list[Sentence]
    entities: list[EntityMention]
    timexes: list[TimeExpression]
    doc_bytes: bytes

    def doc(self, vocab: Vocab) -> Doc:
        from spacy.tokens import Doc

        return Doc(vocab).from_bytes(self.doc_bytes, exclude=DOC_EXCLUDE)


class AnalysisCache:
    """Entries on disk under ``directory``, at most ``max_bytes`` of them after ``trim``."""

    def __init__(self, directory: Path, max_bytes: int, settings: Settings) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.wrote = 0
        self.hits = 0
        self.misses = 0
        annotate = settings.annotate
        from .. import __version__

        self.max_chars = annotate.max_chars
        self.salt = json.dumps(
            [
                FORMAT,
                __version__,
                code_fingerprint(),
                package_version("spacy"),
                annotate.spacy_model,
                package_version(annotate.spacy_model),
                annotate.max_chars,
            ]
        ).encode()

    @classmethod
    def of(cls, settings: Settings) -> AnalysisCache | None:
        """The cache the settings ask for, or None when ``cache.max_mb`` is 0."""
        if settings.cache.max_mb <= 0:
            return None
        chosen = settings.cache.directory
        directory = default_directory() if chosen == "auto" else Path(chosen).expanduser()
        return cls(directory, settings.cache.max_mb * 1024 * 1024, settings)

    def key(self, article: Article) -> str:
        from ..annotate.timex import anchor_of

        anchor = anchor_of(article)
        digest = hashlib.sha256(self.salt)
        digest.update(b"\0" + (anchor.isoformat() if anchor else "-").encode() + b"\0")
        digest.update(article.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.bin"

    def get(self, key: str) -> Entry | None:
        """The entry of ``key``, or None when there is none or it does not check out (then it is removed)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            entry = self.decode(key, data)
        except Exception as exc:  # anything wrong with a file we did not just write: not trusted
            log.warning("ignoring a damaged analysis cache entry %s: %s", path, exc)
            with contextlib.suppress(OSError):
                path.unlink()
            self.misses += 1
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        self.hits += 1
        return entry

    @staticmethod
    def decode(key: str, data: bytes) -> Entry:
        head = len(MAGIC)
        if not data.startswith(MAGIC) or len(data) < head + 32:
            raise ValueError("not a storyline analysis entry")
        checksum, body = data[head : head + 32], data[head + 32 :]
        if hashlib.sha256(body).digest() != checksum:
            raise ValueError("checksum does not match")
        raw = zlib.decompress(body)
        size = int.from_bytes(raw[:4], "big")
        meta = json.loads(raw[4 : 4 + size].decode("utf-8"))
        if meta.get("key") != key or meta.get("format") != FORMAT:
            raise ValueError("entry of another key or format")
        return Entry(
            sentences=[Sentence(*item) for item in meta["sentences"]],
            entities=[EntityMention(*item) for item in meta["entities"]],
            timexes=[TimeExpression(**item) for item in meta["timexes"]],
            doc_bytes=raw[4 + size :],
        )

    @staticmethod
    def encode(key: str, article: Article, timexes: list[TimeExpression], doc: Doc) -> bytes:
        meta = {
            "format": FORMAT,
            "key": key,
            "sentences": [[s.start, s.end, s.index, s.paragraph] for s in article.sentences],
            "entities": [[e.text, e.label, e.start, e.end] for e in article.entities],
            "timexes": [dataclasses.asdict(t) for t in timexes],
        }
        encoded = json.dumps(meta, ensure_ascii=False).encode("utf-8")
        body = zlib.compress(len(encoded).to_bytes(4, "big") + encoded + doc.to_bytes(exclude=DOC_EXCLUDE), 3)
        return MAGIC + hashlib.sha256(body).digest() + body

    def put(self, key: str, article: Article, timexes: list[TimeExpression], doc: Doc) -> None:
        """Keep the article's analysis (written whole or not at all; a failure to write is only logged)."""
        path = self.path(key)
        try:
            data = self.encode(key, article, timexes, doc)
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

    def trim(self) -> None:
        """Remove the least recently used entries until the folder holds at most ``max_bytes``."""
        entries: list[tuple[float, int, Path]] = []
        try:
            for path in self.directory.glob("??/*.bin"):
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
