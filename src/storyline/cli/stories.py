"""``storyline stories --db FILE``: group stored articles into stories (online) and list them."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import UsageError
from .common import add_output_options, console_of, output_format, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "stories",
        help="group stored articles into stories and list them: size, dates, top entities, label",
        description="Assign the store's articles not yet in a story to stories, online and in time order "
        "(earlier stories are never reshuffled, so story ids stay stable across runs), then list the "
        "stories, largest first. Stories whose profiles converge are merged (the older id stays; the "
        "absorbed ids are listed and still resolve, so --story OLD_ID works). With --json: {stories: [{id, "
        "label, size, start, end, entities, absorbed, articles: [{id, source, title, published, published_interval}]}]}; an "
        "article's source is PATH:LINE for a line of a JSONL file.",
    )
    parser.add_argument("--db", metavar="FILE", required=True, help="the store built by `storyline ingest`")
    parser.add_argument(
        "--story",
        metavar="ID",
        help="only this story (its id, an unambiguous prefix, or an id it absorbed in a merge)",
    )
    parser.add_argument(
        "--min-size", type=int, default=1, metavar="N", help="list only stories of at least N articles"
    )
    parser.add_argument("--limit", type=int, default=0, metavar="N", help="list at most N stories (0: all)")
    parser.add_argument(
        "--no-update", action="store_true", help="list only; do not group new articles first (read-only)"
    )
    parser.add_argument(
        "--articles", action="store_true", help="in text output, list each story's articles too"
    )
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.store import opened, story_stream

    console = console_of(args)
    if args.limit < 0 or args.min_size < 1:
        raise UsageError("--limit must be 0 or more and --min-size at least 1")
    as_json = output_format(args) == "json"
    with opened(args.db, read_only=args.no_update) as store:
        if not args.no_update:
            pending = store.count_unassigned()
            if pending:
                grouped = sum(
                    1 for _ in console.progress(story_stream(store), "grouping into stories", total=pending)
                )
                console.info(f"{grouped} article(s) grouped into stories")
        chosen = store.resolve_story(args.story) if args.story else None
        listed = store.stories(story=chosen, with_articles=as_json or args.articles)
    listed = [s for s in listed if s.size >= args.min_size]
    if args.limit:
        listed = listed[: args.limit]
    if as_json:
        print_json({"stories": [story_json(s) for s in listed]})
        return console.exit_status
    if not listed:
        print("no stories yet: add articles with `storyline ingest PATHS --db FILE`")
    for entry in listed:
        print(render_text(entry, with_articles=args.articles))
    return console.exit_status


def story_json(entry: Any) -> dict[str, Any]:
    story = entry.story
    return {
        "id": story.id,
        "label": story.label,
        "size": entry.size,
        "start": story.start.isoformat() if story.start else None,
        "end": story.end.isoformat() if story.end else None,
        "entities": story.entities,
        "absorbed": entry.absorbed,
        "articles": entry.articles,
    }


def render_text(entry: Any, with_articles: bool = False) -> str:
    story = entry.story
    start = story.start.isoformat() if story.start else "undated"
    end = story.end.isoformat() if story.end else "undated"
    span = start if start == end else f"{start} to {end}"
    count = f"{entry.size} article{'s' if entry.size != 1 else ''}"
    lines = [f"{story.id}  {count}, {span}", f"    {story.label}"]
    if story.entities:
        lines.append(f"    entities: {', '.join(story.entities)}")
    if entry.absorbed:
        lines.append(f"    absorbed (merged in, still resolve here): {', '.join(entry.absorbed)}")
    if with_articles:
        for article in entry.articles:
            title = article["title"] or "(no title)"
            interval = article.get("published_interval")
            date = article["published"] or (
                f"{interval}, inferred" if interval and interval not in ("unknown", "undated") else "undated"
            )
            lines.append(f"    - {date}  {title[:80]}  [{article['source']}]")
    return "\n".join(lines)
