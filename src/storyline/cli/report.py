"""``storyline report PATHS... -o brief.html``: the whole brief as one self-contained HTML page."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Brief
from .common import Console, add_input_options, console_of, make_brief


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "report",
        help="write the brief (summary, timeline, quotes, roster, comparison, articles) as one HTML page",
        description="Read the articles, build every part of the brief once, and write it as one "
        "self-contained HTML file (all CSS and JavaScript inline; it opens from disk with no network). "
        "Click a citation number to see the source sentence highlighted in its article.",
    )
    add_input_options(parser)
    parser.add_argument(
        "-o",
        "--output",
        default="brief.html",
        metavar="FILE",
        help="where to write the page (default: brief.html; - for stdout)",
    )
    parser.add_argument("--words", type=int, metavar="N", help="summary length in words (default 250)")
    parser.add_argument(
        "--heading", metavar="TEXT", help="the page's heading (default: the article title, or Brief)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or information on stderr")
    parser.set_defaults(run=run)


def make_report_brief(args: argparse.Namespace, console: Console) -> Brief:
    """Read and clean the inputs (or load them from --db), annotate them once, then run every
    available stage, with progress on stderr."""
    if args.words is not None and args.words < 1:
        raise UsageError(f"--words must be a positive number of words, not {args.words}")
    brief = make_brief(args, console, sections=None, announce=True, words=args.words)
    if not brief.articles:
        console.info("no article could be read; the report says so")
    return brief


def run(args: argparse.Namespace) -> int:
    from ..present.html import render_report

    console = console_of(args)
    if args.output != "-" and not Path(args.output).parent.is_dir():  # say so before the long work
        raise UsageError(
            f"{args.output}: cannot write the report: folder {Path(args.output).parent} does not exist"
        )
    brief = make_report_brief(args, console)
    page = render_report(brief, title=args.heading)
    if args.output == "-":
        sys.stdout.write(page)
    else:
        write_atomically(Path(args.output), page)
        console.info(
            f"{len(brief.articles)} article(s); brief written to {Path(args.output).resolve()}"
            + (f" ({len(console.problems)} input(s) skipped)" if console.problems else "")
        )
    return console.exit_status


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a failed run never leaves half a page."""
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{path}: cannot write the report: folder {folder} does not exist")
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # a normal file, not the temporary file's 0600
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise UsageError(f"{path}: cannot write the report: {exc.strerror or exc}") from exc
