"""The local web app and JSON API (FastAPI, served by Uvicorn through ``storyline serve``).

Input comes three ways: text pasted in a form or sent in a JSON body, files uploaded (txt, html,
jsonl, zip), or a folder on the server that the operator allowed with ``--allow-folder``. Every
command of the CLI has a JSON endpoint (``/api/inspect``, ``/api/summarize``, ``/api/timeline``,
``/api/who``, ``/api/compare``, ``/api/brief``) taking a JSON body, with a ``/files`` twin taking
a multipart upload; the OpenAPI description is at ``/openapi.json`` and, readable, at ``/api``.
Every endpoint goes through ``storyline.service`` (``build_corpus`` then ``brief``) and answers the
JSON of ``storyline.present.results`` -- the CLI's ``--json`` gives the same object -- whose JSON
Schema is at ``/api/schema/NAME``.
The home page ``/`` posts its form to ``/report``, which answers with the same HTML brief as
``storyline report``.

Limits keep one request from taking the machine: the body size (413, at once when the declared
length is over), the time headers and body may take to arrive, the time a request may run (504:
its work is cancelled, and its worker process killed and replaced if it has not stopped a second
later), the number and total size of files in a zip. Work runs in a bounded pool of worker
processes (``storyline.web.pool``, one per core by default); when every worker is busy and the
waiting line is full, a request gets 503 with ``Retry-After``. Posts from pages of other sites
are refused (403). Errors are a
short message (JSON ``{"detail": ...}`` on the API, a small page elsewhere), never a stack trace.
Uploads are written only inside a fresh temporary folder that is removed afterwards; a zip entry
whose path would leave that folder (``../../etc/passwd``, absolute paths, links) is refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import functools
import html
import io
import json
import logging
import os
import re
import stat
import tempfile
import threading
import time
import zipfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import InputProblem
from ..ingest.read import (
    RawDocument,
    documents_of_record,
    format_of,
    is_jsonl_path,
    read,
    read_cluster_lines,
    read_jsonl_lines,
)
from ..ingest.record import JsonRecord, kind_of, record_label
from ..model import Brief
from ..present.results import COMMAND_SECTIONS, command_json
from ..service.brief import STAGES, Cancelled, Stage, stage_function, stages_for
from ..service.brief import brief as run_stages
from ..service.corpus import build_corpus
from ..settings import DEFAULTS, Settings, current_settings, use_settings

log = logging.getLogger("storyline.web.app")

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# A zip may hold at most web.zip_max_entries files, and unpack to web.zip_max_ratio times the upload limit.
COMMAND_HELP = {
    "inspect": "What was read in each article: title, outlet, byline, date and how it was found, "
    "cleaned text, what the cleaner removed, sentences and entities.",
    "summarize": "A summary whose every sentence is quoted from an article, with its citations.",
    "timeline": "A dated timeline: entries by the day (or month, or year) the events happened, with citations.",
    "who": "Who said what (quotes and reported speech with speakers, anonymous sources marked) and who "
    "is who (one entry per person, organisation and place, with aliases).",
    "compare": "Claims × outlets: which independent outlets carry each claim, contradictions, and actors "
    "who changed their position.",
    "brief": "Everything above at once: articles, summary, timeline, quotes, roster, comparison.",
}


@dataclass(frozen=True)
class Limits:
    """What one request may use; the operator sets them with ``storyline serve`` options."""

    max_upload_bytes: int = int(DEFAULTS.web.max_upload_mb * 1_000_000)
    time_limit: float = DEFAULTS.web.time_limit
    allowed_folders: tuple[Path, ...] = ()
    # Worker processes running requests side by side (``storyline serve`` gives one per core);
    # 0 runs them in this process, one at a time.
    workers: int = 0
    # Requests that may wait for a free worker; more get 503 with Retry-After.
    queue_limit: int = 16


class RequestTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the request is larger than this server's {limit / 1e6:g} MB limit; send fewer or smaller "
            "files, or start the server with a larger --max-upload-mb",
        )


class BodyLimit:
    """ASGI middleware: counts request body bytes and answers 413 past ``limit``; bounds the time a
    body may take to arrive (408).

    A request whose declared ``Content-Length`` exceeds the limit is answered 413 at once, without
    reading (or waiting for) its body; the connection is then closed. The rest of a body that
    grows past the limit undeclared is read and discarded (up to a bound) before the answer, so a
    client still sending sees the 413 instead of a broken connection. A body that stalls for
    ``idle_timeout`` seconds between chunks, or takes ``total_timeout`` seconds in all, gets 408.
    """

    def __init__(
        self, app: ASGIApp, limit: int, idle_timeout: float = 30.0, total_timeout: float = 300.0
    ) -> None:
        self.app = app
        self.limit = limit
        self.idle_timeout = idle_timeout
        self.total_timeout = total_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0
        too_large = False
        finished = False
        started = time.monotonic()
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.limit:
            await self.refuse(scope, send, 413, RequestTooLarge(self.limit).detail)
            return

        async def timed_receive() -> Message:
            left = self.total_timeout - (time.monotonic() - started)
            try:
                return await asyncio.wait_for(receive(), timeout=max(0.0, min(self.idle_timeout, left)))
            except TimeoutError:
                raise HTTPException(
                    408, "the request body did not arrive in time; send it again at a steady pace"
                ) from None

        async def limited_receive() -> Message:
            nonlocal received, too_large, finished
            if too_large:
                raise RequestTooLarge(self.limit)
            message = await timed_receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                finished = not message.get("more_body", False)
                if received > self.limit:
                    too_large = True
                    raise RequestTooLarge(self.limit)
            return message

        async def draining_send(message: Message) -> None:
            nonlocal received, finished
            if message["type"] == "http.response.start" and too_large:
                with contextlib.suppress(HTTPException):
                    while not finished and received < self.limit * 4:
                        extra = await timed_receive()
                        if extra["type"] != "http.request":
                            break
                        received += len(extra.get("body", b""))
                        finished = not extra.get("more_body", False)
            await send(message)

        await self.app(scope, limited_receive, draining_send)

    @staticmethod
    async def refuse(scope: Scope, send: Send, status: int, message: str) -> None:
        """Answer without calling the app (nor reading the body): JSON on the API, a page elsewhere."""
        if str(scope.get("path", "")).startswith("/api"):
            body = json.dumps({"detail": message}).encode()
            kind = b"application/json"
        else:
            body = error_page(status, message).encode()
            kind = b"text/html; charset=utf-8"
        headers = [
            (b"content-type", kind),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            (b"cache-control", b"no-store"),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class SameOrigin:
    """ASGI middleware: a state-changing request (POST...) sent by a page of another site gets 403.

    Browsers send ``Origin`` (and ``Sec-Fetch-Site``) with cross-site form posts, which need no
    CORS preflight; a request whose origin is not this server's own host is refused. Clients that
    are not browsers (curl, scripts) send no ``Origin`` and are not affected.
    """

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method", "GET") not in self.SAFE:
            headers = {key.lower(): value for key, value in scope.get("headers") or []}
            host = headers.get(b"host", b"").decode("latin-1").strip().lower()
            origin = headers.get(b"origin")
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
            refused = site in ("cross-site", "same-site")  # same-site: another port of this host
            if origin is not None:
                given = origin.decode("latin-1").strip().lower()
                # "null" is what a browser sends for our own form under Referrer-Policy: no-referrer;
                # a sandboxed page of another site sends it too, and its Sec-Fetch-Site gives it away
                if given != "null":
                    refused = refused or given.split("://", 1)[-1].rstrip("/") != host
            if refused:
                await BodyLimit.refuse(
                    scope,
                    send,
                    403,
                    "this request came from a page of another site; storyline accepts posts only "
                    "from its own pages",
                )
                return
        await self.app(scope, receive, send)


def arrival(request: Request) -> float | None:
    """When the request came in (``time.monotonic()``, stamped by the outermost middleware)."""
    arrived = request.scope.get("state", {}).get("arrived")
    return float(arrived) if arrived is not None else None


class SecurityHeaders:
    """ASGI middleware adding headers that keep browsers from sniffing types or framing the app.
    Being the outermost, it also stamps each request's arrival (``scope["state"]["arrived"]``): the
    request's time limit counts from there."""

    HEADERS = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {})["arrived"] = time.monotonic()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


# ---------------------------------------------------------------------------------------------
# Requests


def article_schema() -> dict[str, Any]:
    """The JSON Schema of one item of ``articles``: ``storyline.ingest.record.JsonRecord``, the one
    schema of an article given as JSON (a JSONL line reads the same)."""
    schema = JsonRecord.model_json_schema(by_alias=True)
    schema["title"] = "Article"
    schema["description"] = (
        "One article: its text (or raw HTML) and any fields you know (they win over what is found). "
        "Each article is checked on its own: one with a field of the wrong type, or that is not an "
        "object, is left out with a problem naming it (its index, and its id when it has one) and "
        "the field; the others are analysed."
    )
    return schema


class BriefRequest(BaseModel):
    """Articles to work on: give ``articles``, ``text``, ``folder`` or any mix of them."""

    model_config = ConfigDict(extra="forbid")

    # Items are not validated here (one bad article must not refuse the request): each is checked
    # against JsonRecord on its own while the request's documents are read (``raw_documents``).
    articles: Annotated[
        list[Any], WithJsonSchema({"type": "array", "items": article_schema()}, mode="validation")
    ] = Field(default_factory=list)
    text: str | None = Field(
        None,
        description="pasted text: one article, or JSON lines (one article a line), or a Multi-News cluster",
    )
    folder: str | None = Field(
        None, description="a folder on the server, inside one the operator allowed with --allow-folder"
    )
    words: int | None = Field(None, ge=1, le=5000, description="summary length in words (default 250)")


@dataclass
class Inputs:
    """Everything one request gave, gathered before any work starts."""

    records: list[Any] = field(default_factory=list)  # JSON articles as sent, each checked on its own
    text: str | None = None
    folder: Path | None = None
    uploads: list[tuple[str, bytes]] = field(default_factory=list)  # (file name as sent, content)
    words: int | None = None


class Deadline:
    """A request's time budget; ``check`` raises ``Cancelled`` once it is spent or the request gave up.
    It counts from ``started`` (a ``time.monotonic()`` value: the request's arrival), by default now."""

    def __init__(self, seconds: float, started: float | None = None) -> None:
        self.seconds = seconds
        self.ends = (time.monotonic() if started is None else started) + seconds
        self.given_up = threading.Event()

    def remaining(self) -> float:
        return max(0.0, self.ends - time.monotonic())

    def check(self) -> None:
        if self.given_up.is_set() or time.monotonic() > self.ends:
            raise Cancelled(f"the {self.seconds:g}-second time limit was reached")


# ---------------------------------------------------------------------------------------------
# Turning inputs into raw documents


def safe_name(name: str, fallback: str) -> str:
    """A file name reduced to its last part and to harmless characters (never a path)."""
    base = re.split(r"[\\/]", name or "")[-1].strip()
    base = re.sub(r"[^A-Za-z0-9._ -]", "_", base).strip(" .")
    return base[:120] or fallback


def unsafe_member(info: zipfile.ZipInfo) -> str | None:
    """Why a zip entry must not be unpacked, or None when it is an ordinary file inside the archive."""
    name = info.filename.replace("\\", "/")
    path = PurePosixPath(name)
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path"
    if ".." in path.parts:
        return "a path leading outside the archive"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    kind = stat.S_IFMT(mode)
    if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):  # many zip tools store no file type at all
        return "not a regular file"
    return None


def unpack_zip(
    data: bytes, label: str, folder: Path, budget: int, max_document: int | None = None
) -> tuple[list[Path], list[InputProblem], int]:
    """Unpack a zip's files under ``folder`` (never elsewhere); returns files, problems, bytes used.

    Each entry is judged on its own: one that would unpack past ``max_document`` bytes (a JSONL
    entry: past what is left of ``budget``) is dropped, a chunk at a time, and the rest go on.
    """
    problems: list[InputProblem] = []
    written: list[Path] = []
    used = 0
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        return [], [InputProblem(label, "unreadable", f"not a readable zip archive ({exc})")], 0
    root = folder.resolve()
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        most = current_settings().web.zip_max_entries
        if len(members) > most:
            return (
                [],
                [InputProblem(label, "too-large", f"more than {most:,} files in the archive")],
                0,
            )
        for info in members:
            where = f"{label}:{info.filename}"
            reason = unsafe_member(info)
            if reason is not None:
                problems.append(InputProblem(where, "unsafe-path", f"entry refused: {reason}"))
                continue
            parts = [p for p in PurePosixPath(info.filename.replace("\\", "/")).parts if p not in ("", ".")]
            if any(part.startswith(".") for part in parts) or "__MACOSX" in parts:
                continue  # hidden files and macOS resource forks are not articles
            target = root.joinpath(*parts).resolve()
            if not target.is_relative_to(root):
                problems.append(
                    InputProblem(where, "unsafe-path", "entry refused: it would be written outside")
                )
                continue
            remaining = budget - used
            if max_document is not None and not is_jsonl_path(info.filename):
                remaining = min(remaining, max_document)
            if info.file_size > remaining:  # declared too large: not even unpacked
                problems.append(too_large_member(where))
                continue
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                size = copy_limited(archive, info, target, remaining)  # never trust the declared size
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError) as exc:
                target.unlink(missing_ok=True)
                problems.append(InputProblem(where, "unreadable", f"cannot unpack this entry ({exc})"))
                continue
            if size is None:  # a bomb: this entry is dropped, the archive's other entries go on
                target.unlink(missing_ok=True)
                problems.append(too_large_member(where))
                continue
            used += size
            written.append(target)
    return written, problems, used


def too_large_member(where: str) -> InputProblem:
    return InputProblem(where, "too-large", "this entry unpacks to more than this server allows; skipped")


def copy_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, limit: int) -> int | None:
    """Unpack one entry to ``target`` a chunk at a time; its size, or None past ``limit`` bytes."""
    size = 0
    with archive.open(info) as member, open(target, "wb") as out:
        while chunk := member.read(1 << 20):
            size += len(chunk)
            if size > limit:
                return None
            out.write(chunk)
    return size


def raw_documents(
    inputs: Inputs, workdir: Path, limits: Limits, settings: Settings, problems: list[InputProblem]
) -> Iterator[RawDocument | InputProblem]:
    """Every raw document of a request, in order: JSON articles, pasted text, uploads, the folder."""
    for number, record in enumerate(inputs.records):
        if isinstance(record, dict):
            for item in documents_of_record(f"articles[{number}]", record):
                if isinstance(item, InputProblem):  # named by its index and, when it has one, its id
                    item.source = record_label(item.source, record)
                yield item
        else:
            yield InputProblem(
                f"articles[{number}]",
                "bad-json",
                f"an article must be a JSON object with a 'text' or 'html' field, not {kind_of(record)}",
            )
    if inputs.text is not None and inputs.text.strip():
        text = inputs.text
        kind = format_of("pasted text", text)
        if kind == "jsonl":
            yield from read_jsonl_lines("pasted text", text.splitlines(), settings.max_bytes)
        elif kind == "cluster":
            yield from read_cluster_lines("pasted text", text.splitlines())
        else:
            yield RawDocument(source="pasted text", content=text, kind=kind)
    if inputs.uploads:
        uploads = workdir / "uploads"
        uploads.mkdir()
        budget = limits.max_upload_bytes * current_settings().web.zip_max_ratio
        for number, (name, content) in enumerate(inputs.uploads, start=1):
            label = safe_name(name, f"upload-{number}")
            slot = uploads / f"{number:04d}"
            slot.mkdir()
            if label.lower().endswith(".zip") or content[:4] == b"PK\x03\x04":
                files, zip_problems, used = unpack_zip(
                    content, label, slot / label, budget, settings.max_bytes
                )
                budget -= used
                problems.extend(zip_problems)
                if not files and not zip_problems:
                    problems.append(InputProblem(label, "empty", "the archive holds no files"))
                paths = [str(f) for f in sorted(files)]
            else:
                (slot / label).write_bytes(content)
                paths = [str(slot / label)]
            for item in read(paths, settings.max_bytes) if paths else ():
                yield relabel(item, slot)
    if inputs.folder is not None:
        # Named from the allowed folder down, so answers do not show the server's directory layout.
        root = next(r for r in limits.allowed_folders if inputs.folder.is_relative_to(r))
        for item in read([str(inputs.folder)], settings.max_bytes):
            yield relabel(item, root.parent)


def relabel(item: RawDocument | InputProblem, slot: Path) -> RawDocument | InputProblem:
    """Name a document by its path below ``slot`` (an upload by its file name and path in its zip)."""
    prefix = str(slot) + os.sep
    if item.source.startswith(prefix):
        item.source = item.source[len(prefix) :].replace(os.sep, "/")
    if isinstance(item, RawDocument) and item.cluster and item.cluster.startswith(prefix):
        item.cluster = item.cluster[len(prefix) :]
    return item


# ---------------------------------------------------------------------------------------------
# Running a command


class ServiceError(Exception):
    """An error with an HTTP status and a message a user can act on."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def stages_of(command: str) -> list[Stage]:
    """The stages behind a command's sections; 501 when one is not installed (the brief goes without)."""
    stages = stages_for(COMMAND_SECTIONS[command])
    missing = [stage for stage in stages if stage_function(stage) is None]
    if command != "brief" and missing:
        names = ", ".join(f"{s.title} ({s.module})" for s in missing)
        raise ServiceError(501, f"this installation of storyline cannot do that yet: {names} is missing")
    return [stage for stage in stages if stage not in missing]


def run_command(
    command: str, inputs: Inputs, limits: Limits, settings: Settings, deadline: Deadline
) -> tuple[Brief, list[InputProblem]]:
    """Build the corpus once (``build_corpus``) and the command's sections (``brief``): the work
    behind every endpoint, the same as the CLI's."""
    stages = stages_of(command)
    sections = COMMAND_SECTIONS[command]
    problems: list[InputProblem] = []
    with tempfile.TemporaryDirectory(prefix="storyline-web-") as folder:
        corpus = build_corpus(
            documents=raw_documents(inputs, Path(folder), limits, settings, problems),
            settings=settings,
            sections=sections,
            on_problem=problems.append,
            check=deadline.check,
            # uploads are other people's texts: nothing of them is kept on the server's disk
            cache=False,
        )
    if not corpus.articles:
        detail = "; ".join(str(p) for p in problems[:5]) or "no input given"
        raise ServiceError(422, f"no article could be read: {detail}")
    result = run_stages(corpus, sections, words=inputs.words, stages=stages, check=deadline.check)
    # Zip entries refused while unpacking reach ``problems`` beside the reader's: keep them all, in order.
    result.problems = list(problems)
    return result, problems


def command_result(command: str, brief: Brief, problems: list[InputProblem]) -> dict[str, Any]:
    """The JSON answer of a command: ``storyline.present.results.command_json``, as the CLI's ``--json``."""
    failed = {name: message for name, message in brief.stage_errors.items()}
    if command != "brief" and failed:
        raise ServiceError(500, "; ".join(failed.values()))
    return command_json(command, brief)


def time_limit_error(limit: float) -> ServiceError:
    return ServiceError(
        504,
        f"the request took longer than this server's {limit:g}-second time limit and was stopped; "
        "send fewer articles, or start the server with a larger --time-limit",
    )


def busy_error(message: str, retry_after: int) -> ServiceError:
    return ServiceError(
        503, f"{message}; try again in {retry_after} s", headers={"Retry-After": str(retry_after)}
    )


class Runner:
    """Runs commands under the request's time limit: in a pool of worker processes
    (``Limits.workers`` > 0, see ``storyline.web.pool``), or one at a time in a worker thread of
    this process (spaCy is not shared across threads)."""

    def __init__(self, limits: Limits, settings: Settings) -> None:
        self.limits = limits
        self.settings = settings
        self.lock = threading.Lock()
        self.pool: Any = None  # a started WorkerPool when the app runs with worker processes

    def work(self, command: str, inputs: Inputs, deadline: Deadline) -> tuple[Brief, list[InputProblem]]:
        if not self.lock.acquire(timeout=deadline.remaining()):
            raise busy_error(
                "the server was busy with other requests for the whole time limit",
                max(1, round(self.limits.time_limit / 4)),
            )
        try:
            return run_command(command, inputs, self.limits, self.settings, deadline)
        finally:
            self.lock.release()

    async def run(
        self, command: str, inputs: Inputs, arrived: float | None = None
    ) -> tuple[Brief, list[InputProblem]]:
        """Run ``command``; the time limit counts from ``arrived`` (``time.monotonic()`` when the
        request came in: reading its body and waiting for a worker use it up too), by default now."""
        deadline = Deadline(self.limits.time_limit, arrived)
        if self.pool is not None:
            return await self.run_pooled(command, inputs, deadline)
        task = asyncio.get_running_loop().run_in_executor(None, self.work, command, inputs, deadline)
        # A worker that outlives its request ends with Cancelled; nobody awaits it, so retrieve the
        # outcome here rather than have asyncio log "exception was never retrieved".
        task.add_done_callback(lambda done: done.cancelled() or done.exception())
        try:
            return await asyncio.wait_for(asyncio.shield(task), timeout=deadline.remaining())
        except (TimeoutError, Cancelled):
            deadline.given_up.set()  # the worker stops at its next check
            raise time_limit_error(self.limits.time_limit) from None

    async def run_pooled(
        self, command: str, inputs: Inputs, deadline: Deadline
    ) -> tuple[Brief, list[InputProblem]]:
        from .pool import PoolBusy, TimedOut, WorkerLost

        try:
            reply = await self.pool.run((command, inputs, self.limits, self.settings), deadline.ends)
        except PoolBusy as exc:
            raise busy_error(str(exc), exc.retry_after) from None
        except TimedOut:
            raise time_limit_error(self.limits.time_limit) from None
        except WorkerLost as exc:
            raise busy_error(f"{exc}; the server has started another", 2) from None
        if reply[0] == "ok":
            brief, problems = reply[1]
            return brief, problems
        if reply[0] == "cancelled":
            raise time_limit_error(self.limits.time_limit)
        raise ServiceError(int(reply[1]), str(reply[2]))


def pooled_job(payload: tuple[str, Inputs, Limits, Settings], seconds: float, cancel: Any) -> tuple[Any, ...]:
    """What a worker process runs for one request (``storyline.web.pool.Job``)."""
    command, inputs, limits, settings = payload
    use_settings(settings)  # the server's settings (--config, environment) for the stages that read them
    deadline = Deadline(seconds)
    deadline.given_up = cancel  # set by the server at the time limit, or when the client leaves
    try:
        return ("ok", run_command(command, inputs, limits, settings, deadline))
    except Cancelled as exc:
        return ("cancelled", str(exc))
    except ServiceError as exc:
        return ("error", exc.status, exc.message)


def prepare_worker(model: str) -> None:
    """A worker's start: load spaCy and the stages once, so no request pays for it."""
    from ..annotate.nlp import load_nlp

    load_nlp(model)
    warm = Inputs(text="Officials said on Monday that the talks would resume in Geneva next week.")
    with contextlib.suppress(Exception):
        pooled_job(("brief", warm, Limits(), DEFAULTS.replace(spacy_model=model)), 60.0, threading.Event())


# ---------------------------------------------------------------------------------------------
# Reading requests


def folder_of(requested: str | None, limits: Limits) -> Path | None:
    """The server-side folder asked for, if it lies inside one the operator allowed."""
    if not requested:
        return None
    if not limits.allowed_folders:
        raise ServiceError(
            403, "this server reads no server-side folders; the operator can allow one with --allow-folder"
        )
    if "\x00" in requested:
        raise ServiceError(400, "the folder name contains a NUL character")
    candidate = Path(requested)
    if not candidate.is_absolute():
        candidate = limits.allowed_folders[0] / candidate
    resolved = candidate.resolve()
    if not any(resolved.is_relative_to(root) for root in limits.allowed_folders):
        raise ServiceError(403, f"folder {requested!r} is not inside a folder the operator allowed")
    if not resolved.is_dir():
        raise ServiceError(422, f"folder {requested!r} does not exist on the server")
    return resolved


def inputs_of_json(body: BriefRequest, limits: Limits) -> Inputs:
    inputs = Inputs(
        records=list(body.articles),
        text=body.text,
        folder=folder_of(body.folder, limits),
        words=body.words,
    )
    require_some(inputs)
    return inputs


async def inputs_of_form(request: Request, limits: Limits) -> Inputs:
    try:
        form = await request.form(max_files=1000, max_fields=20, max_part_size=limits.max_upload_bytes)
    except StarletteHTTPException:
        raise
    except Exception as exc:  # python-multipart's errors: a broken or unfinished form
        raise ServiceError(422, f"the form could not be read: {exc}") from None
    inputs = Inputs()
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            content = await value.read()
            if value.filename or content:
                inputs.uploads.append((value.filename or "upload", content))
        elif key == "text":
            inputs.text = (inputs.text + "\n\n" + value) if inputs.text else value
        elif key == "folder":
            inputs.folder = folder_of(value.strip() or None, limits)
        elif key == "words":
            if value.strip():
                if not value.strip().isdigit() or not 1 <= int(value) <= 5000:
                    raise ServiceError(422, f"words must be a whole number from 1 to 5000, not {value!r}")
                inputs.words = int(value)
        elif key not in ("files",):
            raise ServiceError(422, f"unknown form field {key!r}; use text, files, folder or words")
    require_some(inputs)
    return inputs


def require_some(inputs: Inputs) -> None:
    if not (inputs.records or (inputs.text and inputs.text.strip()) or inputs.uploads or inputs.folder):
        raise ServiceError(422, "no input: paste text, upload files or choose a folder")


# ---------------------------------------------------------------------------------------------
# Pages


PAGE_CSS = """
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d232b;background:#f5f7f9}
main{max-width:820px;margin:2rem auto;padding:0 1.2rem}
h1{font-size:1.6rem;margin:0 0 .3rem}
.lede{color:#5d6875;margin:0 0 1.2rem}
form,.box{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:1.1rem 1.3rem}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
label:first-child{margin-top:0}
textarea{width:100%;min-height:12rem;font:14px/1.45 ui-monospace,monospace;padding:.5rem;box-sizing:border-box;
 border:1px solid #c9d0d8;border-radius:5px}
select,input[type=number]{font:inherit;padding:.25rem .4rem}
.hint{color:#5d6875;font-size:.88rem;font-weight:400}
button{font:inherit;font-weight:600;margin-top:1.1rem;padding:.45rem 1.2rem;border:0;border-radius:5px;
 background:#1f5fa8;color:#fff;cursor:pointer}
.error{border-left:4px solid #b3261e;background:#fdeceb;padding:.6rem .9rem;border-radius:4px}
code{background:#eceff3;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{text-align:left;padding:.35rem .5rem;
 border-bottom:1px solid #dde2e8;vertical-align:top}
footer{color:#5d6875;font-size:.85rem;margin-top:1.2rem}
"""
PAGE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'"
)


def page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{PAGE_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} — storyline</title><style>{PAGE_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def home_page(limits: Limits) -> str:
    folders = ""
    if limits.allowed_folders:
        options = "".join(
            f'<option value="{html.escape(str(f))}">{html.escape(str(f))}</option>'
            for f in limits.allowed_folders
        )
        folders = (
            '<label for="folder">or a folder on this server <span class="hint">(allowed by the operator)</span>'
            f'</label><select id="folder" name="folder"><option value="">—</option>{options}</select>'
        )
    available = [stage.title for stage in STAGES if stage_function(stage) is not None]
    parts = ", ".join(available) if available else "the articles as read (no synthesis stage installed)"
    return page(
        "storyline",
        "<h1>storyline</h1>"
        '<p class="lede">Turn news articles about one story into a brief you can check: every sentence '
        f"cites its source. This server builds: {html.escape(parts)}.</p>"
        '<form method="post" action="/report" enctype="multipart/form-data">'
        '<label for="text">Paste an article <span class="hint">(or several as JSON lines, one '
        'article a line)</span></label><textarea id="text" name="text" placeholder="Paste article text here">'
        "</textarea>"
        '<label for="files">or upload files <span class="hint">(.txt, .html, .jsonl, .zip; up to '
        f"{limits.max_upload_bytes / 1e6:g} MB in all)</span></label>"
        '<input id="files" type="file" name="files" multiple accept=".txt,.text,.html,.htm,.jsonl,.json,.zip,.gz">'
        f"{folders}"
        '<label for="words">Summary length <span class="hint">(words)</span></label>'
        '<input id="words" type="number" name="words" min="1" max="5000" value="250">'
        '<div><button type="submit">Make the brief</button></div></form>'
        '<footer>The same, as JSON: <a href="/api">the API</a> (<a href="/openapi.json">OpenAPI</a>). '
        f"Requests may run {limits.time_limit:g} s at most.</footer>",
    )


def api_page(app: FastAPI) -> str:
    schema = app.openapi()
    rows = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            rows.append(
                f"<tr><td><code>{html.escape(method.upper())} {html.escape(path)}</code></td>"
                f"<td>{html.escape(operation.get('summary', ''))}<br><span class='hint'>"
                f"{html.escape(operation.get('description', ''))}</span></td></tr>"
            )
    return page(
        "storyline API",
        "<h1>storyline API</h1>"
        '<p class="lede">JSON in, JSON out. Send <code>{"articles": [{"text": "...", "outlet": "...", '
        '"published": "2011-08-18"}]}</code> to an endpoint, or upload files as multipart form data to its '
        "<code>/files</code> twin (field <code>files</code>). The machine-readable description is "
        '<a href="/openapi.json">/openapi.json</a>; each answer\'s JSON Schema is at '
        + ", ".join(
            f'<a href="/api/schema/{name}"><code>/api/schema/{name}</code></a>' for name in COMMAND_SECTIONS
        )
        + " (the CLI's <code>--json</code> gives the same JSON).</p>"
        f'<div class="box"><table>{"".join(rows)}</table></div>',
    )


def error_page(status: int, message: str) -> str:
    return page(
        "error",
        f'<h1>That did not work</h1><p class="error">{html.escape(message)}</p>'
        f'<p class="hint">HTTP {status}. <a href="/">Back to the form</a></p>',
    )


# ---------------------------------------------------------------------------------------------
# The app


def validation_message(exc: RequestValidationError) -> str:
    messages = []
    for error in exc.errors()[:5]:
        location = " → ".join(str(part) for part in error.get("loc", ()) if part != "body")
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "")
            messages.append(f"the body is not valid JSON ({reason} at character {error['loc'][-1]})")
        else:
            messages.append(f"{location or 'body'}: {error.get('msg', 'invalid')}")
    return "; ".join(messages) or "the request is not valid"


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


def create_app(limits: Limits = Limits(), settings: Settings = DEFAULTS, host: str = "127.0.0.1") -> FastAPI:
    """The web app; ``host`` is where it is served (requests naming another host are refused)."""
    runner = Runner(limits, settings)
    limits = dataclasses.replace(
        limits, allowed_folders=tuple(Path(f).resolve() for f in limits.allowed_folders)
    )
    runner.limits = limits

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if limits.workers > 0:
            from .pool import WorkerPool

            pool = WorkerPool(
                pooled_job,
                size=limits.workers,
                time_limit=limits.time_limit,
                queue_limit=limits.queue_limit,
                initializer=functools.partial(prepare_worker, settings.spacy_model),
            )
            await pool.start()
            runner.pool = pool
            try:
                yield
            finally:
                runner.pool = None
                await pool.close()
            return
        # Load spaCy before the first request, so no request spends its time limit on it.
        from ..annotate.nlp import load_nlp

        await asyncio.get_running_loop().run_in_executor(None, load_nlp, settings.spacy_model)
        yield

    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Briefs of developing news stories: cited summary, timeline, who said what, who is who, "
        "and where sources agree, contradict or change position.",
        docs_url=None,  # the Swagger UI loads from a CDN; /api is the offline reading of the schema
        redoc_url=None,
        lifespan=lifespan,
    )

    def error_response(
        request: Request, status: int, message: str, extra: dict[str, str] | None = None
    ) -> Response:
        headers = {"Cache-Control": "no-store", **(extra or {})}
        if wants_html(request):
            return HTMLResponse(error_page(status, message), status_code=status, headers=headers)
        return JSONResponse({"detail": message}, status_code=status, headers=headers)

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        return error_response(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)  # also the router's own 404 and 405
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(
            request, 500, f"internal error ({type(exc).__name__}); the server's log has the details"
        )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home() -> HTMLResponse:
        return HTMLResponse(home_page(limits))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(api_page(app))

    @app.get(
        "/api/schema/{name}",
        summary="The JSON Schema of a command's answer",
        description="NAME is inspect, summarize, timeline, who, compare or brief; the CLI's --json gives the "
        "same JSON.",
    )
    async def json_schema(name: str) -> JSONResponse:
        from ..present.schemas import NAMES, published

        if name.removesuffix(".json") not in NAMES:
            raise ServiceError(404, f"no schema {name!r}; there are: {', '.join(NAMES)}")
        return JSONResponse(published(name.removesuffix(".json")), media_type="application/schema+json")

    @app.get("/api/health", summary="Is the server up, and which stages does it have")
    async def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "stages": [stage.field for stage in STAGES if stage_function(stage) is not None],
            "max_upload_bytes": limits.max_upload_bytes,
            "time_limit_seconds": limits.time_limit,
            "folders": [str(f) for f in limits.allowed_folders],
            "workers": runner.pool.stats() if runner.pool is not None else {"workers": 0},
        }

    @app.post(
        "/report",
        response_class=HTMLResponse,
        include_in_schema=False,
    )
    async def report(request: Request) -> HTMLResponse:
        from ..present.html import render_report

        inputs = await inputs_of_form(request, limits)
        brief, _problems = await runner.run("brief", inputs, arrival(request))
        return HTMLResponse(render_report(brief, generated=dt.datetime.now().replace(microsecond=0)))

    upload_body = {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                                "description": "txt, html, jsonl or zip files",
                            },
                            "text": {"type": "string", "description": "pasted text"},
                            "folder": {"type": "string", "description": "an allowed server-side folder"},
                            "words": {"type": "integer", "minimum": 1, "maximum": 5000},
                        },
                    }
                }
            },
        }
    }
    error_responses: dict[int | str, dict[str, Any]] = {
        403: {"description": "the folder is not one the operator allowed"},
        413: {"description": "the request is larger than the upload limit"},
        422: {"description": "malformed request, or no article could be read"},
        501: {"description": "this installation lacks the stage the command needs"},
        504: {"description": "the request ran past the time limit"},
    }

    def add_command(command: str) -> None:
        summary = COMMAND_HELP[command].split(":")[0].split(".")[0]

        async def from_json(body: BriefRequest, request: Request) -> JSONResponse:
            inputs = inputs_of_json(body, limits)
            brief, problems = await runner.run(command, inputs, arrival(request))
            return JSONResponse(command_result(command, brief, problems))

        async def from_files(request: Request) -> JSONResponse:
            inputs = await inputs_of_form(request, limits)
            brief, problems = await runner.run(command, inputs, arrival(request))
            return JSONResponse(command_result(command, brief, problems))

        app.post(
            f"/api/{command}",
            summary=summary,
            description=COMMAND_HELP[command] + " Send articles as JSON.",
            responses=error_responses,
            operation_id=f"{command}_json",
        )(from_json)
        app.post(
            f"/api/{command}/files",
            summary=f"{summary} (file upload)",
            description=COMMAND_HELP[command] + " Upload files as multipart form data.",
            responses=error_responses,
            openapi_extra=upload_body,
            operation_id=f"{command}_files",
        )(from_files)

    for command in COMMAND_SECTIONS:
        add_command(command)

    allowed_hosts = ["*"]
    if is_loopback(host):
        # A page on another site cannot reach this server through a DNS name pointing at 127.0.0.1.
        allowed_hosts = ["127.0.0.1", "localhost", "[::1]", "::1"]
    # the last added runs first: security headers on every answer, then the body limit, the host
    # and the origin checks, before any of the app's work
    app.add_middleware(SameOrigin)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(BodyLimit, limit=limits.max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    limits: Limits = Limits(),
    settings: Settings = DEFAULTS,
    log_level: str = "info",
) -> None:
    """Run the app with Uvicorn until interrupted."""
    import uvicorn

    from .protocol import TimedH11Protocol

    app = create_app(limits, settings, host=host)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        http=TimedH11Protocol,
        timeout_keep_alive=5,
    )


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


__all__ = ["Limits", "create_app", "serve", "is_loopback", "BriefRequest"]
