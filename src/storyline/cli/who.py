"""``storyline who``: who is who (one entry per person, organisation, place) and who said what."""

from __future__ import annotations

import argparse
import sys
from typing import Any

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
        "who",
        help="who is who (people, organisations, places and their names and titles) and who said what",
        description="One entry per real person, organisation and place however each article names it "
        "(aliases, mentions per article and outlet, titles with their dates), and every quote and "
        "reported statement with its speaker (resolved to an entry where possible; anonymous sources kept "
        "as described), cue and content. JSON: {articles: [{number, id, source, outlet, published}], entities: "
        "[{id, name, type, aliases, mentions, roles, outlets}], attributions: [{speaker, speaker_start, "
        "speaker_end, speaker_entity, speaker_entity_id, cue, content, article, start, end, direct, "
        "anonymous}], problems} with offsets into each article's cleaned text (storyline/present/schemas/who.json).",
    )
    add_input_options(parser)
    add_output_options(parser)
    parser.add_argument(
        "--limit",
        type=int,
        default=40,
        metavar="N",
        help="text: at most N entries, N speakers and N statements per speaker (default 40)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.results import command_json
    from ..present.who import render_text

    console = console_of(args)
    brief = make_brief(args, console, sections=("entities", "attributions"))
    if output_format(args) == "json":
        print_json(command_json("who", brief))
    else:
        sys.stdout.write(
            render_text(brief.articles, brief.entities or [], brief.attributions or [], limit=args.limit)
        )
    return console.exit_status
