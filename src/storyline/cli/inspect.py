"""``storyline inspect``: what storyline read in each article (metadata, sentences, entities)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from .common import (
    add_input_options,
    add_output_options,
    console_of,
    make_brief,
    output_format,
    print_json,
)

if TYPE_CHECKING:
    from ..model import Article

HELP = "show what was read: title, outlet, byline, date and how it was found, sentences, entities"


def register_listing(commands: Any) -> None:
    """The command's line in ``storyline --help``, without loading the cleaner."""
    commands.add_parser("inspect", help=HELP)


def register(commands: Any) -> None:
    from ..ingest.clean import REASONS

    parser = commands.add_parser(
        "inspect",
        help=HELP,
        description="Read, clean, describe and annotate articles and show the result per article. "
        "With --json, {articles: [{number, id, source, title, outlet, byline, published, "
        "published_provenance, published_estimated, text, removed, sentences, entities, timexes, ...}], "
        "problems} (JSON Schema: storyline/present/schemas/inspect.json).",
    )
    add_input_options(parser)
    add_output_options(parser)
    parser.add_argument(
        "--show-removed",
        action="store_true",
        help="list what the cleaner removed and why (reasons: " + ", ".join(sorted(REASONS)) + ")",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.results import command_json

    console = console_of(args)
    brief = make_brief(args, console, sections=())
    articles = brief.articles
    for article in articles:
        if article.extra.get("warning"):  # used, but the user should know (e.g. truncated HTML)
            console.info(f"{article.source}: {article.extra['warning']}")
    if output_format(args) == "json":
        print_json(command_json("inspect", brief))
    else:
        for article in articles:
            print(render_text(article, show_removed=args.show_removed))
    return console.exit_status


def render_text(article: Article, show_removed: bool = False) -> str:
    if article.published is None:
        interval = article.published_interval
        date = "not stated"
        if interval is not None:
            date += f": {interval.label()} ({interval.how()})"
            date += "".join(f"\n           - {line}" for line in interval.evidence)
    else:
        date = article.published.isoformat()
    if article.published_provenance:
        date += f" — from {article.published_provenance}"
        if article.published is not None:
            date += f", confidence {article.published_confidence:.2f}"
    outlet = article.outlet or "—"
    if article.outlet and article.outlet_provenance:
        outlet += f" — from {article.outlet_provenance}"
        if article.outlet_confidence:
            outlet += f", confidence {article.outlet_confidence:.2f}"
    entity_names: dict[str, None] = {}
    for entity in article.entities:
        entity_names.setdefault(f"{entity.text} ({entity.label})", None)
    rows = [
        ("id", article.id),
        ("source", article.source),
        ("title", article.title or "—"),
        ("outlet", outlet),
        ("byline", article.byline or "—"),
        ("published", date),
        ("sentences", str(len(article.sentences))),
        ("entities", f"{len(article.entities)}: " + ", ".join(list(entity_names)[:12])),
        (
            "removed",
            f"{len(article.removed)} line(s)" + ("" if show_removed else " (--show-removed lists them)"),
        ),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    if show_removed:
        for removed in article.removed:
            lines.append(f"{'':<{width}}  - [{removed.reason}] {removed.text[:100]}")
    return "\n".join(lines) + "\n"
