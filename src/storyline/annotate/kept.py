"""The kept form of one article's analysis (sentences, entities, time expressions and its spaCy parse):
the bytes the analysis cache (``storyline.service.cache``) and a store (``storyline.corpus.store``) keep.

An entry is keyed by a SHA-256 of everything the analysis depends on: the article's text and the date
its time expressions are counted from, storyline's version and the source of its annotation code, the
spaCy version, the model package and its version, and the characters handed to it::

    MAGIC  sha256(body)  body = zlib(len(meta) as 4 bytes, meta as JSON, payload)

For an analysis the payload is the parse (spaCy's own ``Doc.to_bytes``, msgpack, without its tensor);
nothing is unpickled, and an entry whose magic, checksum, JSON, key or text does not check out raises
``ValueError`` and is not used.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import hashlib
import json
import zlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article, EntityMention, Sentence, TimeExpression
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

MAGIC = b"storyline-analysis 1\n"
FORMAT = 2
# The parse without its tensor: no stage reads token vectors, and the tensor is most of the bytes.
DOC_EXCLUDE = ["tensor", "user_data"]


@functools.cache
def code_fingerprint() -> str:
    """A hash of the source of the annotation code, the data model and every module of the package the
    annotation code imports (``text.words``, ``text.dates`` ...): a changed rule or word list means new
    entries, even before storyline's version number moves."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(annotation_sources(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def annotation_sources(root: Path) -> set[Path]:
    """The annotation package's source files, the data model, and the package's modules they import,
    followed through relative imports (``from ..text.words import ...``) to the end."""
    todo = [*(root / "annotate").rglob("*.py"), root / "model.py"]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = path.parent
                for _ in range(node.level - 1):
                    base = base.parent
                target = base.joinpath(*(node.module or "").split("."))
                names = [target / alias.name for alias in node.names] if not node.module else [target]
                for name in names:
                    for found in (name.with_suffix(".py"), name / "__init__.py"):
                        if found.is_file() and root in found.parents:
                            todo.append(found)
    return seen


def package_version(name: str) -> str:
    for candidate in (name, name.replace("_", "-")):
        try:
            return version(candidate)
        except PackageNotFoundError:
            continue
    return "unknown"


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Entry:
    """What was kept of one article: its annotations and (the bytes of) its parse."""

    sentences: list[Sentence]
    entities: list[EntityMention]
    timexes: list[TimeExpression]
    doc_bytes: bytes
    text: str = ""  # the SHA-256 of the characters parsed

    def doc(self, vocab: Vocab) -> Doc:
        from spacy.tokens import Doc

        return Doc(vocab).from_bytes(self.doc_bytes, exclude=DOC_EXCLUDE)


def frame(body: bytes) -> bytes:
    return MAGIC + hashlib.sha256(body).digest() + body


def unframe(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The meta JSON and the payload of an entry's bytes; ValueError when they do not check out."""
    head = len(MAGIC)
    if not data.startswith(MAGIC) or len(data) < head + 32:
        raise ValueError("not a storyline analysis entry")
    checksum, body = data[head : head + 32], data[head + 32 :]
    if hashlib.sha256(body).digest() != checksum:
        raise ValueError("checksum does not match")
    raw = zlib.decompress(body)
    size = int.from_bytes(raw[:4], "big")
    meta = json.loads(raw[4 : 4 + size].decode("utf-8"))
    if not isinstance(meta, dict):
        raise ValueError("not a storyline analysis entry")
    return meta, raw[4 + size :]


def pack(meta: dict[str, Any], payload: bytes = b"") -> bytes:
    encoded = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    return frame(zlib.compress(len(encoded).to_bytes(4, "big") + encoded + payload, 3))


class Keys:
    """The key of an article's analysis under some settings (model, characters parsed)."""

    def __init__(self, settings: Settings) -> None:
        annotate = settings.annotate
        self.max_chars = annotate.max_chars
        self.salt = json.dumps(
            [
                FORMAT,
                package_version(
                    "storyline"
                ),  # storyline.__version__ (the package itself is above this layer)
                code_fingerprint(),
                package_version("spacy"),
                annotate.spacy_model,
                package_version(annotate.spacy_model),
                annotate.max_chars,
            ]
        ).encode()

    def key(self, article: Article) -> str:
        from .timex import anchor_of

        anchor = anchor_of(article)
        digest = hashlib.sha256(self.salt)
        digest.update(b"\0" + (anchor.isoformat() if anchor else "-").encode() + b"\0")
        digest.update(article.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def check(self, entry: Entry, text: str | None) -> Entry:
        """``entry``, when it is the analysis of ``text`` (as parsed); else ValueError."""
        if text is not None and entry.text != text_digest(text[: self.max_chars]):
            raise ValueError("the entry is the analysis of another text")
        return entry


def decode(key: str, data: bytes) -> Entry:
    meta, payload = unframe(data)
    if meta.get("key") != key or meta.get("format") != FORMAT or meta.get("kind") != "analysis":
        raise ValueError("entry of another key or format")
    return Entry(
        sentences=[Sentence(*item) for item in meta["sentences"]],
        entities=[EntityMention(*item) for item in meta["entities"]],
        timexes=[TimeExpression(**item) for item in meta["timexes"]],
        doc_bytes=payload,
        text=str(meta["text"]),
    )


def encode(key: str, article: Article, timexes: list[TimeExpression], doc: Doc) -> bytes:
    meta = {
        "format": FORMAT,
        "kind": "analysis",
        "key": key,
        "text": text_digest(doc.text),
        "sentences": [[s.start, s.end, s.index, s.paragraph] for s in article.sentences],
        "entities": [[e.text, e.label, e.start, e.end] for e in article.entities],
        "timexes": [dataclasses.asdict(t) for t in timexes],
    }
    return pack(meta, doc.to_bytes(exclude=DOC_EXCLUDE))
