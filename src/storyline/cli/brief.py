"""``storyline brief PATHS --json``: the whole brief as JSON, the same object as ``POST /api/brief``."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import UsageError
from .common import add_input_options, add_output_options, console_of, make_brief, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "brief",
        help="the whole brief (articles, summary, timeline, who is who, who said what, comparison) as JSON",
        description="Read the articles, build every part of the brief once and print it as one JSON object: "
        "{articles, summary, timeline, entities, attributions, comparison, problems, stage_errors, "
        "timings}, the same object as POST /api/brief (JSON Schema: storyline/present/schemas/brief.json). "
        "A part is null when its stage failed (stage_errors says why). `storyline report` shows the same "
        "brief as an HTML page.",
    )
    add_input_options(parser)
    add_output_options(parser, formats=("json",))
    parser.add_argument("--words", type=int, metavar="N", help="summary length in words (default 250)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.results import brief_json

    if args.words is not None and args.words < 1:
        raise UsageError(f"--words must be a positive number of words, not {args.words}")
    console = console_of(args)
    brief = make_brief(args, console, sections=None, words=args.words)
    print_json(brief_json(brief))
    return console.exit_status
