"""``storyline report PATHS... -o brief.html``: the whole brief as one self-contained HTML page."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Brief
from .common import Console, add_input_options, console_of, make_brief
from .output import output_target, write_output


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
    target = output_target(args.output, "the report")  # say so before the long work
    brief = make_report_brief(args, console)
    page = render_report(brief, title=args.heading)
    write_output(args.output, page, "the report")
    if target is not None:
        console.info(
            f"{len(brief.articles)} article(s); brief written to {Path(args.output).resolve()}"
            + (f" ({len(console.problems)} input(s) skipped)" if console.problems else "")
        )
    return console.exit_status
