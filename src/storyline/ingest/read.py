"""Read: turn paths (files, directories, globs, ``-`` for stdin) into raw documents.

Formats: plain text, HTML (optionally gzipped), JSONL (one article a line: ``text`` or ``html``
plus optional ``title``, ``url``, ``outlet``, ``published``/``time``, ``byline``, ``id``), and
Multi-News / LongBench cluster files (one cluster a line; documents separated by ``|||||`` or
``Passage N:`` headers; newlines written as ``NEWLINE_CHAR``; LongBench records hold them in
``context``). Everything streams: a large JSONL file is read a line at a time.

Problems with one input (empty, binary, undecodable, too large, bad JSON) are yielded as
``InputProblem``s, never raised, so the rest of the batch goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputProblem

TEXT_SUFFIXES = {".txt", ".text", ".md", ".src", ".story"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}

# Fields of a JSONL record that the user may give; they win over anything found in the text.
FIELD_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source_name", "publisher"),
    "published": ("published", "time", "date", "published_at", "publication_date"),
    "byline": ("byline", "author", "authors"),
    "id": ("id", "_id", "doc_id"),
}

CLUSTER_SEPARATOR = "|||||"
PASSAGE_HEADER = re.compile(r"(?:^|\n)Passage \d+:\n")
NEWLINE_TOKEN = re.compile(r" ?NEWLINE_CHAR ?")


@dataclass
class RawDocument:
    """One document as read, before cleaning.

    ``source`` is the path (``PATH:LINE`` for a line of a JSONL or cluster file, ``-`` for stdin);
    ``kind`` is ``text`` or ``html``; ``fields`` holds values the input states explicitly (JSONL
    fields); ``cluster`` groups the documents of one Multi-News / LongBench line; ``reference`` is a
    cluster's gold summary when the input carries one (used by ``evaluate``).
    """

    source: str
    content: str
    kind: str = "text"
    fields: dict[str, Any] = field(default_factory=dict)
    cluster: str | None = None
    passage: int | None = None
    reference: str | None = None
    encoding: str = "utf-8"


def iter_paths(paths: Iterable[str]) -> Iterator[str | InputProblem]:
    """Expand directories (recursively, sorted, hidden files skipped) and globs; keep ``-``."""
    for given in paths:
        if given == "-":
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield InputProblem(given, "empty", "directory has no files")
            for p in found:
                yield str(p)
        elif path.exists():
            yield given
        elif any(ch in given for ch in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                yield InputProblem(given, "unreadable", "pattern matches no file")
            yield from files
        else:
            yield InputProblem(given, "unreadable", "no such file or directory")


def decode(data: bytes, source: str) -> tuple[str, str] | InputProblem:
    """Bytes to text: UTF-8 first, else the encoding charset-normalizer detects."""
    if not data.strip():
        return InputProblem(source, "empty", "file is empty")
    if looks_binary(data):
        return InputProblem(
            source, "binary", "binary data, not text or HTML (is it a PDF, image or archive?)"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return InputProblem(source, "encoding", "not UTF-8 and no text encoding could be detected")
    return str(best), best.encoding


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05


def read_bytes(handle: IO[bytes] | gzip.GzipFile, limit: int) -> bytes:
    return handle.read(limit + 1)


def open_bytes(path: str, limit: int) -> bytes | InputProblem:
    """Read a file (gunzipping ``.gz``), at most ``limit`` bytes after decompression."""
    try:
        with open(path, "rb") as raw:
            magic = raw.read(2)
            raw.seek(0)
            if magic == b"\x1f\x8b":
                try:
                    with gzip.GzipFile(fileobj=raw) as unzipped:
                        data = read_bytes(unzipped, limit)
                except (OSError, EOFError) as exc:
                    return InputProblem(path, "truncated", f"broken or truncated gzip data ({exc})")
            else:
                data = read_bytes(raw, limit)
    except OSError as exc:
        return InputProblem(path, "unreadable", f"cannot read: {exc.strerror or exc}")
    if len(data) > limit:
        return InputProblem(
            path, "too-large", f"larger than the {limit:,}-byte limit (raise it with --max-bytes)"
        )
    return data


def format_of(path: str, text: str) -> str:
    """``html``, ``jsonl``, ``cluster`` or ``text``: by suffix first, then by sniffing the content."""
    name = path.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = text.lstrip()[:2000]
    if suffix not in TEXT_SUFFIXES:
        first_line = text.lstrip().split("\n", 1)[0].rstrip()
        if first_line.startswith("{") and first_line.endswith("}"):
            return "jsonl"
        if looks_html(head):
            return "html"
    if CLUSTER_SEPARATOR in text or "NEWLINE_CHAR" in text:
        return "cluster"
    return "text"


def looks_html(head: str) -> bool:
    lowered = head.lower()
    return lowered.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|div|p|article)[\s>]", lowered)
    )


def read(
    paths: Iterable[str], max_bytes: int = 10_000_000, stdin: IO[bytes] | None = None
) -> Iterator[RawDocument | InputProblem]:
    """Yield every document in ``paths``, or an ``InputProblem`` for each input that cannot be used."""
    for path in iter_paths(paths):
        if isinstance(path, InputProblem):
            yield path
            continue
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data: bytes | InputProblem = read_bytes(stream, max_bytes)
            if isinstance(data, bytes) and len(data) > max_bytes:
                data = InputProblem(
                    "-", "too-large", f"larger than the {max_bytes:,}-byte limit (raise it with --max-bytes)"
                )
            source_name = "-"
        else:
            data = open_bytes(path, max_bytes) if not is_jsonl_path(path) else b""
            source_name = path
        if isinstance(data, InputProblem):
            yield data
            continue
        if path != "-" and is_jsonl_path(path):
            yield from read_jsonl_file(path, max_bytes)
            continue
        decoded = decode(data, source_name)
        if isinstance(decoded, InputProblem):
            yield decoded
            continue
        text, encoding = decoded
        kind = format_of(source_name, text)
        if kind == "jsonl":
            yield from read_jsonl_lines(source_name, io.StringIO(text), max_bytes)
        elif kind == "cluster":
            yield from read_cluster_lines(source_name, text.splitlines())
        else:
            yield RawDocument(source=source_name, content=text, kind=kind, encoding=encoding)


def is_jsonl_path(path: str) -> bool:
    return Path(path.lower().removesuffix(".gz")).suffix in JSONL_SUFFIXES


def read_jsonl_file(path: str, max_bytes: int) -> Iterator[RawDocument | InputProblem]:
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the with below; open errors reported here
    except OSError as exc:
        yield InputProblem(path, "unreadable", f"cannot read: {exc.strerror or exc}")
        return
    with raw:
        binary: IO[bytes] | gzip.GzipFile = gzip.GzipFile(fileobj=raw) if raw.read(2) == b"\x1f\x8b" else raw
        raw.seek(0)
        try:
            head = binary.read(8192)
        except (OSError, EOFError) as exc:
            yield InputProblem(path, "truncated", f"broken or truncated gzip data ({exc})")
            return
        if not head.strip():
            yield InputProblem(path, "empty", "file is empty")
            return
        if looks_binary(head):
            yield InputProblem(path, "binary", "binary data, not JSON lines")
            return
        binary.seek(0)
        text_stream = io.TextIOWrapper(binary, encoding="utf-8", errors="replace")
        yield from read_jsonl_lines(path, text_stream, max_bytes)


def read_jsonl_lines(
    source: str, lines: Iterable[str], max_bytes: int
) -> Iterator[RawDocument | InputProblem]:
    """One article (or one cluster) per line; a bad line is reported and skipped."""
    try:
        for number, line in enumerate(lines, start=1):
            where = f"{source}:{number}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield InputProblem(
                    where,
                    "too-large",
                    f"line longer than the {max_bytes:,}-byte limit (raise it with --max-bytes)",
                )
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputProblem(where, "bad-json", f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield InputProblem(
                    where, "bad-json", "a JSON line must be an object with a 'text' or 'html' field"
                )
                continue
            yield from documents_of_record(where, record)
    except (OSError, EOFError) as exc:
        yield InputProblem(source, "truncated", f"stopped reading: broken or truncated data ({exc})")


def documents_of_record(where: str, record: dict[str, Any]) -> Iterator[RawDocument | InputProblem]:
    if isinstance(record.get("context"), str):  # LongBench multi_news record
        answers = record.get("answers") or []
        reference = answers[0] if answers and isinstance(answers[0], str) else record.get("summary")
        yield from split_cluster(where, record["context"], reference=reference)
        return
    fields = {}
    for name, keys in FIELD_ALIASES.items():
        for key in keys:
            value = record.get(key)
            if value not in (None, "", []):
                fields[name] = ", ".join(value) if isinstance(value, list) else value
                break
    html, text = record.get("html"), record.get("text") or record.get("body") or record.get("content")
    if isinstance(html, str) and html.strip():
        yield RawDocument(source=where, content=html, kind="html", fields=fields)
    elif isinstance(text, str) and text.strip():
        if CLUSTER_SEPARATOR in text:
            yield from split_cluster(where, text, reference=record.get("summary"))
        else:
            yield RawDocument(source=where, content=text, kind="text", fields=fields)
    else:
        yield InputProblem(where, "no-text", "record has no 'text' or 'html' field with content")


def read_cluster_lines(source: str, lines: Iterable[str]) -> Iterator[RawDocument | InputProblem]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield from split_cluster(f"{source}:{number}", line)


def split_cluster(
    where: str, context: str, reference: str | None = None
) -> Iterator[RawDocument | InputProblem]:
    """Split one Multi-News cluster into its documents (``|||||`` or ``Passage N:`` headers)."""
    if CLUSTER_SEPARATOR in context:
        parts = context.split(CLUSTER_SEPARATOR)
    else:
        parts = PASSAGE_HEADER.split("\n" + context.lstrip())
    documents = [NEWLINE_TOKEN.sub("\n", part).strip() for part in parts]
    documents = [d for d in documents if d]
    if not documents:
        yield InputProblem(where, "no-text", "cluster has no documents")
        return
    for index, document in enumerate(documents, start=1):
        yield RawDocument(
            source=where,
            content=document,
            kind="html" if looks_html(document[:2000]) else "text",
            cluster=where,
            passage=index,
            reference=reference,
        )
