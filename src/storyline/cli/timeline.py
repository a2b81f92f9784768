"""``storyline timeline``: the story's most important dates, each with cited sentences."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from ..errors import UsageError
from .common import (
    add_input_options,
    add_output_options,
    console_of,
    make_brief,
    output_format,
    print_json,
)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "timeline",
        help="a dated timeline: the N most important dates, K cited sentences each",
        description="Date every sentence by its time expressions (relative ones against the article's "
        "publication date, tense-aware), rank the dates by how much the articles say about them, and give "
        "the best sentences of each date, each cited (article, outlet, character span); the same event told "
        "by several outlets is one entry citing them all. Articles whose date is not stated contribute "
        "sentences with an absolute date, and the lead of each is listed in an 'undated' lane at its "
        "publication interval (after 2011-08, unknown), marked inferred. JSON: {timeline: [{date, granularity, "
        "label, sentences: [{text, citations, independent_outlets}]}], undated: [...], undated_more, problems} "
        "(storyline/present/schemas/timeline.json).",
    )
    add_input_options(parser)
    add_output_options(parser, formats=("text", "md", "json"))
    parser.add_argument("--dates", type=positive, metavar="N", help="number of dates (default: up to 15)")
    parser.add_argument(
        "--per-date", type=positive, default=1, metavar="K", help="sentences per date (default 1)"
    )
    parser.add_argument(
        "--start", type=iso_date, metavar="YYYY-MM-DD", help="first date: articles and entries"
    )
    parser.add_argument("--end", type=iso_date, metavar="YYYY-MM-DD", help="last date: articles and entries")
    parser.add_argument(
        "--fast",
        action="store_true",
        help="split sentences with rules instead of spaCy (much faster on thousands of articles)",
    )
    parser.set_defaults(run=run)


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    from ..model import Timeline
    from ..present.results import command_json
    from ..present.timeline import render_markdown, render_text

    if args.start and args.end and args.start > args.end:
        raise UsageError(f"--start {args.start} is after --end {args.end}")
    console = console_of(args)
    options = {"dates": args.dates, "per_date": args.per_date, "start": args.start, "end": args.end}
    brief = make_brief(
        args,
        console,
        sections=("timeline",),
        annotate="rules" if args.fast else "spacy",
        options={"timeline": options},
    )
    undated = [a for a in brief.articles if a.published is None]
    if undated:
        console.info(
            f"{len(undated)} article(s) without a stated date: their relative dates ('on Thursday', 'last week') "
            "stay unresolved, only absolute dates place their sentences, and their leads are listed as undated "
            "at their inferred intervals (give each its date: --meta FILE, or --published YYYY-MM-DD for all)"
        )
    timeline = brief.timeline or Timeline(entries=[])
    fmt = output_format(args)
    if fmt == "json":
        print_json(command_json("timeline", brief))
    elif fmt == "md":
        sys.stdout.write(render_markdown(timeline))
    else:
        sys.stdout.write(render_text(timeline))
    return console.exit_status
