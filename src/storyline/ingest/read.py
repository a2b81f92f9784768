"""Read: turn paths (files, directories, globs, ``-`` for stdin) into raw documents.

Formats: plain text, HTML (optionally gzipped), JSONL (one article a line: ``text`` or ``html``
plus optional ``title``, ``url``, ``outlet``, ``published``/``time``, ``byline``, ``id``), and
Multi-News / LongBench cluster files (one cluster a line; documents separated by ``|||||`` or
``Passage N:`` headers; newlines written as ``NEWLINE_CHAR``; LongBench records hold them in
``context``). Everything streams: a large JSONL file is read a line at a time.

Problems with one input (empty, binary, undecodable, too large, bad JSON) are yielded as
``InputProblem``s, never raised, so the rest of the batch goes on.

Limits hold while reading, not after: a file (or its gunzipped content) is read at most
``max_bytes + 1`` bytes at a time and a JSONL line at most ``max_bytes + 1`` bytes, so memory is
bounded by the limit, not by the input (a one-line gzip bomb is skipped a chunk at a time). Only
regular files are opened (a FIFO or device is reported, never waited on), and inside a directory
the user named, a symbolic link is followed only when it leads to a file inside that directory.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import re
import stat
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

# A JSONL line longer than the limit is skipped in chunks of this size (never held whole).
SKIP_CHUNK = 1 << 20

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
    """Expand directories (recursively, sorted, hidden files skipped) and globs; keep ``-``.

    Inside a directory, a symbolic link is followed only when it leads inside that directory, and
    anything that is not a regular file (FIFO, socket, device) is reported rather than opened.
    """
    for given in paths:
        if given == "-":
            yield given
            continue
        if "\x00" in given:
            yield InputProblem(repr(given), "unreadable", "a path cannot contain a NUL character")
            continue
        path = Path(given)
        if path.is_dir():
            found = list(walk_directory(path))
            if not found:
                yield InputProblem(given, "empty", "directory has no files")
            yield from found
        elif path.exists() or path.is_symlink():
            yield given
        elif any(ch in given for ch in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            files = [m for m in matches if not os.path.isdir(m)]
            if not files:
                yield InputProblem(given, "unreadable", "pattern matches no file")
            yield from files
        else:
            yield InputProblem(given, "unreadable", "no such file or directory")


def walk_directory(path: Path) -> Iterator[str | InputProblem]:
    """The files under ``path`` in sorted order, with a problem for each entry that is not read."""
    root = path.resolve()
    for entry in sorted(path.rglob("*")):
        if any(part.startswith(".") for part in entry.relative_to(path).parts):
            continue
        if entry.is_symlink():
            try:
                target = entry.resolve(strict=True)
            except (OSError, RuntimeError):
                yield InputProblem(str(entry), "unreadable", "a broken symbolic link")
                continue
            if not target.is_relative_to(root):
                yield InputProblem(
                    str(entry), "outside", f"a symbolic link leading outside {path}: not followed"
                )
                continue
            if target.is_dir():
                continue  # its files are inside the directory and listed there
        elif entry.is_dir():
            continue
        if entry.is_file():
            yield str(entry)
        else:
            yield InputProblem(str(entry), "not-a-file", f"{file_kind(entry)}, not a regular file: not read")


def file_kind(path: str | Path) -> str:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "not readable"
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str) -> IO[bytes] | InputProblem:
    """Open ``path`` for reading if it is a regular file; never blocks on a FIFO or device."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        return InputProblem(path, "unreadable", f"cannot read: {exc.strerror or exc}")
    except ValueError as exc:  # an embedded NUL
        return InputProblem(path, "unreadable", f"cannot read: {exc}")
    try:
        mode = os.fstat(descriptor).st_mode
    except OSError as exc:
        os.close(descriptor)
        return InputProblem(path, "unreadable", f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = "a directory" if stat.S_ISDIR(mode) else file_kind(path)
        return InputProblem(path, "not-a-file", f"{kind}, not a regular file: not read")
    return os.fdopen(descriptor, "rb")


def decode(data: bytes, source: str) -> tuple[str, str] | InputProblem:
    """Bytes to text: UTF-8 first, then UTF-16/32 (with or without a byte-order mark), else the
    encoding charset-normalizer detects."""
    if not data.strip():
        return InputProblem(source, "empty", "file is empty")
    wide = wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            text = text.removeprefix("\ufeff")
            if not text.strip():
                return InputProblem(source, "empty", "file is empty")
            return text, wide
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
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return InputProblem(source, "encoding", "not UTF-8 and no text encoding could be detected")
    return str(best), best.encoding


def wide_encoding(data: bytes) -> str | None:
    """``utf-32``/``utf-16`` (by byte-order mark), ``utf-32-le``/``-be`` or ``utf-16-le``/``-be``
    (by where the zero bytes of mostly-Latin text fall), or None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    quads = len(head) // 4
    if quads < 2:
        return None
    if len(data) % 4 == 0:
        groups = [head[i : i + 4] for i in range(0, quads * 4, 4)]
        if sum(1 for g in groups if g[1:] == b"\x00\x00\x00") > 0.6 * quads:
            return "utf-32-le"
        if sum(1 for g in groups if g[:3] == b"\x00\x00\x00") > 0.6 * quads:
            return "utf-32-be"
    if len(data) % 2 == 0:
        pairs = len(head) // 2
        even_zero = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
        odd_zero = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
        if odd_zero > 0.6 * pairs and even_zero < 0.05 * pairs:
            return "utf-16-le"
        if even_zero > 0.6 * pairs and odd_zero < 0.05 * pairs:
            return "utf-16-be"
    return None


def looks_binary(data: bytes, tolerate_nul: bool = False) -> bool:
    """Binary rather than text, judged on the first 8 KB. With ``tolerate_nul`` (JSON lines, each
    line judged on its own later) a stray NUL byte is one more control character, not a verdict."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes
    if b"\x00" in head and not tolerate_nul:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05


def read_limited(handle: IO[bytes], limit: int) -> bytes:
    """At most ``limit + 1`` bytes (one more than allowed tells a too-large input)."""
    return handle.read(limit + 1)


def too_large(source: str, limit: int, what: str = "larger") -> InputProblem:
    return InputProblem(
        source, "too-large", f"{what} than the {limit:,}-byte limit (raise it with --max-bytes)"
    )


def unzipped(raw: IO[bytes]) -> IO[bytes]:
    """``raw`` itself, or a streaming gunzip of it when it starts with the gzip magic."""
    magic = raw.read(2)
    raw.seek(0)
    if magic == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def open_bytes(path: str, limit: int) -> bytes | InputProblem:
    """Read a regular file (gunzipping ``.gz``), at most ``limit`` bytes after decompression."""
    raw = open_regular(path)
    if isinstance(raw, InputProblem):
        return raw
    try:
        with raw:
            try:
                data = read_limited(unzipped(raw), limit)
            except (EOFError, gzip.BadGzipFile, zlib_error()) as exc:
                return InputProblem(path, "truncated", f"broken or truncated gzip data ({exc})")
    except OSError as exc:
        return InputProblem(path, "unreadable", f"cannot read: {exc.strerror or exc}")
    if len(data) > limit:
        return too_large(path, limit)
    return data


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error


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
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    for path in iter_paths(paths):
        if isinstance(path, InputProblem):
            yield path
            continue
        if path != "-" and is_jsonl_path(path):
            yield from read_jsonl_file(path, max_bytes)
            continue
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data: bytes | InputProblem = read_limited(stream, max_bytes)
            if isinstance(data, bytes) and len(data) > max_bytes:
                data = too_large("-", max_bytes)
        else:
            data = open_bytes(path, max_bytes)
        if isinstance(data, InputProblem):
            yield data
            continue
        yield from documents_of_bytes(path, data, max_bytes)


def documents_of_bytes(source: str, data: bytes, max_bytes: int) -> Iterator[RawDocument | InputProblem]:
    """The documents of one input already in memory (within the limit): text, HTML, JSONL or clusters."""
    decoded = decode(data, source)
    if isinstance(decoded, InputProblem):
        yield decoded
        return
    text, encoding = decoded
    kind = format_of(source, text)
    if kind == "jsonl":
        yield from read_jsonl_lines(source, text.splitlines(), max_bytes)
    elif kind == "cluster":
        yield from read_cluster_lines(source, text.splitlines())
    else:
        yield RawDocument(source=source, content=text, kind=kind, encoding=encoding)


def is_jsonl_path(path: str) -> bool:
    return Path(path.lower().removesuffix(".gz")).suffix in JSONL_SUFFIXES


def read_jsonl_file(path: str, max_bytes: int) -> Iterator[RawDocument | InputProblem]:
    """A JSONL file (optionally gzipped), streamed a bounded line at a time."""
    raw = open_regular(path)
    if isinstance(raw, InputProblem):
        yield raw
        return
    with raw:
        try:
            binary = unzipped(raw)
            head = binary.read(8192)
            binary.seek(0)
        except (OSError, EOFError, zlib_error()) as exc:
            yield InputProblem(path, "truncated", f"broken or truncated gzip data ({exc})")
            return
        if not head.strip():
            yield InputProblem(path, "empty", "file is empty")
            return
        if wide_encoding(head) is not None:
            # JSON lines are UTF-8 by the JSON standard; a UTF-16/32 file is read whole, within the limit
            data = read_limited(binary, max_bytes)
            if len(data) > max_bytes:
                yield too_large(path, max_bytes)
                return
            yield from documents_of_bytes(path, data, max_bytes)
            return
        if looks_binary(head, tolerate_nul=True):
            yield InputProblem(path, "binary", "binary data, not JSON lines")
            return
        yield from read_jsonl_lines(path, bounded_lines(binary, max_bytes), max_bytes)


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[str | None]:
    """The lines of ``stream`` as text, never holding more than ``limit + 1`` bytes of one line:
    a longer line is read through in chunks and given as None."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                chunk = stream.readline(SKIP_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield None
            continue
        yield line.decode("utf-8", errors="replace")


def read_jsonl_lines(
    source: str, lines: Iterable[str | None], max_bytes: int
) -> Iterator[RawDocument | InputProblem]:
    """One article (or one cluster) per line; a bad line (None: longer than the limit) is reported
    and skipped."""
    try:
        for number, line in enumerate(lines, start=1):
            where = f"{source}:{number}"
            if line is None or len(line) > max_bytes:
                yield too_large(where, max_bytes, what="line longer")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = exc.msg.removesuffix(" at")  # "Invalid control character at": no "at at"
                yield InputProblem(where, "bad-json", f"not valid JSON ({reason} at column {exc.colno})")
                continue
            except RecursionError:
                yield InputProblem(where, "bad-json", "JSON nested too deeply")
                continue
            if not isinstance(record, dict):
                yield InputProblem(
                    where, "bad-json", "a JSON line must be an object with a 'text' or 'html' field"
                )
                continue
            yield from documents_of_record(where, record)
    except (OSError, EOFError, zlib_error()) as exc:
        yield InputProblem(source, "truncated", f"stopped reading: broken or truncated data ({exc})")


def documents_of_record(where: str, record: dict[str, Any]) -> Iterator[RawDocument | InputProblem]:
    """The document(s) of one JSON object, or one problem when a known field has the wrong type."""
    from .record import check_record

    wrong = check_record(record)
    if wrong is not None:
        yield InputProblem(where, "bad-field", wrong)
        return
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
