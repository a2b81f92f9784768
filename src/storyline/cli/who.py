"""``storyline who``: who is who (one entry per person, organisation, place) and who said what."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ..model import Article
from .common import (
    Console,
    add_input_options,
    add_output_options,
    console_of,
    load_articles,
    output_format,
    print_json,
    settings_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "who",
        help="who is who (people, organisations, places and their names and titles) and who said what",
        description="One entry per real person, organisation and place however each article names it "
        "(aliases, mentions per article and outlet, titles with their dates), and every quote and "
        "reported statement with its speaker (resolved to an entry where possible; anonymous sources kept "
        "as described), cue and content. JSON: {articles: [{id, source, outlet, published}], entities: "
        "[{id, name, type, aliases, mentions, roles, outlets}], attributions: [{speaker, speaker_start, "
        "speaker_end, speaker_entity, speaker_entity_id, cue, content, article, start, end, direct, "
        "anonymous}]} with offsets into each article's cleaned text.",
    )
    add_input_options(parser)
    add_output_options(parser)
    parser.add_argument(
        "--limit", type=int, default=40, metavar="N", help="entries shown in text (default 40)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.who import render_text, who_json
    from ..who.attribution import find_attributions
    from ..who.entities import build_roster

    console = console_of(args)
    articles, docs = load_with_docs(args, console)
    attributions = find_attributions(articles, docs)
    entities = build_roster(articles, docs)  # also links the attributions' speakers to its entries
    if output_format(args) == "json":
        print_json(who_json(articles, entities, attributions))
    else:
        sys.stdout.write(render_text(articles, entities, attributions, limit=args.limit))
    return console.exit_status


def load_with_docs(args: argparse.Namespace, console: Console) -> tuple[list[Article], list[Doc]]:
    """Read, clean and describe the PATHS, then annotate them keeping each article's parse."""
    from ..annotate.nlp import annotate_docs

    settings = settings_of(args)
    prepared = load_articles(args, console, annotate=False)
    pairs = list(
        annotate_docs(
            prepared,
            model=settings.spacy_model,
            batch_size=settings.batch_size,
            max_chars=settings.max_annotate_chars,
        )
    )
    return [a for a, _ in pairs], [d for _, d in pairs]
