"""``storyline compare``: claims and who carries them, contradictions, positions and reversals."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import add_input_options, add_output_options, console_of, output_format, print_json
from .who import load_with_docs


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "compare",
        help="where the sources agree, disagree or change position: claims, contradictions, reversals",
        description="Group what the articles assert into claims (with the outlets that carry each and how "
        "many are independent: syndicated copies count once), flag claims that contradict each other, and "
        "follow each actor's stance on recurring propositions over time, flagging reversals with citations "
        "on both sides. JSON: {articles, claims: [{text, articles, outlets, independent_outlets, "
        "attributed_to, contradicts, citations}], positions: [{actor, proposition, stance, date, "
        "citation}], reversals: [{actor, proposition, from, to, citations}]}.",
    )
    add_input_options(parser)
    add_output_options(parser)
    parser.add_argument("--limit", type=int, default=15, metavar="N", help="claims shown per list in text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..compare.claims import compare
    from ..present.compare import compare_json, render_text

    console = console_of(args)
    articles, docs = load_with_docs(args, console)
    comparison = compare(articles, docs)
    undated = sum(1 for a in articles if a.published is None)
    if undated:
        console.info(
            f"{undated} article(s) without a known date: their positions are left out of the reversals "
            "(give --published YYYY-MM-DD)"
        )
    if output_format(args) == "json":
        print_json(compare_json(articles, comparison))
    else:
        sys.stdout.write(render_text(articles, comparison, limit=args.limit))
    return console.exit_status
