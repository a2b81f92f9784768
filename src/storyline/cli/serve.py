"""``storyline serve``: the local web app and JSON API (paste, upload, or an allowed folder)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .common import settings_of


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help="run the local web app: paste or upload articles and get the brief; JSON API under /api",
        description="Serve storyline as a web app (FastAPI + Uvicorn). The home page takes pasted text, "
        "uploaded files (txt, html, jsonl, zip) or a server-side folder you allow, and answers with the "
        "HTML brief. JSON endpoints: /api/inspect, /api/summarize, /api/timeline, /api/who, /api/compare, "
        "/api/brief (each with a /files twin for uploads); the OpenAPI description is at /openapi.json. "
        "Binds to 127.0.0.1 unless told otherwise.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--allow-folder",
        action="append",
        default=[],
        metavar="PATH",
        help="a server-side folder users may brief (repeatable); none by default",
    )
    parser.add_argument(
        "--max-upload-mb",
        type=float,
        metavar="MB",
        help="largest request body, in megabytes (default: 50, setting web.max_upload_mb); larger ones get HTTP 413",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        metavar="SECONDS",
        help="longest a request may run (default: 120, setting web.time_limit); longer ones get HTTP 504",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes running requests side by side (default: one per core; 0: one request "
        "at a time in the server's own process)",
    )
    parser.add_argument(
        "--queue",
        type=int,
        default=16,
        metavar="N",
        help="requests that may wait for a free worker (default: 16); more get HTTP 503 with Retry-After",
    )
    parser.add_argument("--config", metavar="FILE", help="a TOML settings file overriding the defaults")
    parser.add_argument("--max-bytes", type=int, metavar="N", help="largest document read, in bytes")
    parser.add_argument("-q", "--quiet", action="store_true", help="log only warnings and errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..web.app import Limits, is_loopback, serve

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be from 0 to 65535, not {args.port}")
    settings = settings_of(args)
    if args.max_upload_mb is None:
        args.max_upload_mb = settings.web.max_upload_mb
    if args.time_limit is None:
        args.time_limit = settings.web.time_limit
    if args.max_upload_mb <= 0 or args.time_limit <= 0:
        raise UsageError("--max-upload-mb and --time-limit must be positive")
    workers = args.workers if args.workers is not None else default_workers()
    if not 0 <= workers <= 256 or args.queue < 0:
        raise UsageError("--workers must be from 0 to 256 and --queue at least 0")
    folders = []
    for given in args.allow_folder:
        folder = Path(given).expanduser()
        if not folder.is_dir():
            raise UsageError(f"--allow-folder {given}: no such folder")
        folders.append(folder.resolve())
    limits = Limits(
        max_upload_bytes=int(args.max_upload_mb * 1_000_000),
        time_limit=args.time_limit,
        allowed_folders=tuple(folders),
        workers=workers,
        queue_limit=args.queue,
    )
    if not is_loopback(args.host):
        print(
            f"storyline: warning: listening on {args.host}: anyone who can reach this machine can use the app"
            + (" and read the allowed folders" if folders else ""),
            file=sys.stderr,
        )
    if not args.quiet:
        shown = f"[{args.host}]" if ":" in args.host else args.host
        print(f"storyline: serving on http://{shown}:{args.port}/ (Ctrl+C to stop)", file=sys.stderr)
    serve(args.host, args.port, limits, settings, log_level="warning" if args.quiet else "info")
    return 0


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
