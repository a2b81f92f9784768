"""``storyline compare``: claims and who carries them, contradictions, positions and reversals."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import add_input_options, add_output_options, console_of, make_brief, output_format, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "compare",
        help="where the sources agree, disagree or change position: claims, contradictions, reversals",
        description="Group what the articles assert into claims (with the outlets that carry each and how "
        "many are independent: syndicated copies count once), flag claims that contradict each other, and "
        "follow each actor's stance on recurring propositions over time, flagging reversals with citations "
        "on both sides. JSON: {articles, claims: [{text, articles, outlets, independent_outlets, "
        "attributed_to, contradicts, citations}], positions: [{actor, proposition, stance, date, "
        "citation}], reversals: [{actor, proposition, from, to, citations}], problems} "
        "(storyline/present/schemas/compare.json).",
    )
    add_input_options(parser)
    add_output_options(parser)
    parser.add_argument(
        "--limit",
        type=int,
        default=15,
        metavar="N",
        help="text: at most N items per list (claims, positions, contradictions, changes of position)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model import Comparison
    from ..present.compare import render_text
    from ..present.results import command_json

    console = console_of(args)
    brief = make_brief(args, console, sections=("comparison",))
    articles = brief.articles
    comparison = brief.comparison or Comparison(claims=[], positions=[], reversals=[])
    unknown = sum(1 for a in articles if a.date_key() is None)
    inferred = sum(1 for a in articles if a.published is None) - unknown
    if inferred:
        console.info(
            f"{inferred} article(s) without a stated date: their positions are placed by the interval their "
            "date was inferred to lie in, marked inferred (give each its date: --meta FILE)"
        )
    if unknown:
        console.info(
            f"{unknown} article(s) that nothing dates: their positions are left out of the reversals "
            "(give each its date: --meta FILE, or --published YYYY-MM-DD for all)"
        )
    if output_format(args) == "json":
        print_json(command_json("compare", brief))
    else:
        sys.stdout.write(render_text(articles, comparison, limit=args.limit))
    return console.exit_status
