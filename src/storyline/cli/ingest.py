"""``storyline ingest PATHS... --db FILE``: add articles to a store, find copies, group into stories."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import UsageError
from .common import (
    add_input_options,
    add_output_options,
    console_of,
    meta_of,
    output_format,
    overrides_of,
    print_json,
    report_unused_meta,
    settings_of,
)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "ingest",
        help="add articles to a store (DuckDB file): cleaned text, metadata, annotations, copies, stories",
        description="Read, clean, describe and annotate articles and add the new ones to a store (an "
        "embedded DuckDB file, created if missing), marking near-duplicates and syndicated copies, then "
        "group the new articles into stories. Re-ingesting an article already stored changes nothing; an "
        "interrupted ingest keeps every article it committed, and running it again completes the rest. "
        "With --json, stdout is {read, added, already_stored, duplicates, problems, runner, grouped, "
        "articles, stories, parquet}.",
    )
    add_input_options(parser)
    # The shared --db reads a store; here it names the store written to, and --story has no use.
    for action in parser._actions:
        if action.dest == "db":
            action.help = "the store to add to (a DuckDB file, created if missing)"
        elif action.dest == "story":
            action.help = argparse.SUPPRESS
    add_output_options(parser)
    parser.add_argument(
        "--light",
        action="store_true",
        help="skip annotation (sentences, entities): much faster; commands that need them annotate later",
    )
    parser.add_argument(
        "--no-stories", action="store_true", help="do not group the new articles into stories now"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="prepare articles on a local Dask cluster of N worker processes (default 1: this process)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="prepare articles on an existing Dask cluster (see README: Running on a cluster)",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        metavar="N",
        help="articles per batch and transaction (default: 200, setting store.batch)",
    )
    parser.add_argument(
        "--parquet", metavar="DIR", help="then export the store's tables to DIR as Parquet files"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.distributed import runner
    from ..corpus.store import IngestReport, ingest_stream, opened, story_stream

    console = console_of(args)
    if not args.db:
        raise UsageError("ingest needs --db FILE: the store to add to (created if missing)")
    if args.story:
        raise UsageError("--story selects stored articles to read; ingest adds articles, so it takes none")
    if not args.paths and not args.parquet:
        raise UsageError("no input: give PATHS (files, directories, globs, or - for stdin)")
    if args.workers < 1 or (args.batch_size is not None and args.batch_size < 1):
        raise UsageError("--workers and --batch-size must be at least 1")
    settings = settings_of(args)
    overrides, meta = overrides_of(args), meta_of(args)
    report = IngestReport()
    grouped = 0
    with opened(args.db) as store:
        if args.paths:
            with runner(args.workers, args.scheduler) as chosen:
                console.info(f"ingesting {chosen.description} into {args.db}")
                stream = ingest_stream(
                    args.paths,
                    store,
                    report,
                    settings=settings,
                    annotate=not args.light,
                    overrides=overrides,
                    meta=meta,
                    run=chosen,
                    batch_size=args.batch_size,
                    on_problem=console.problem,
                )
                for _article in console.progress(stream, "storing articles"):
                    pass
            report_unused_meta(meta, console)
            if not args.no_stories:
                pending = store.count_unassigned()
                for _pair in console.progress(story_stream(store), "grouping into stories", total=pending):
                    grouped += 1
        exported = store.export_parquet(args.parquet) if args.parquet else []
        totals = {"articles": store.count(), "stories": store.count_stories()}
    if output_format(args) == "json":
        print_json(report.to_dict() | {"grouped": grouped, "parquet": exported} | totals)
    else:
        console.info(
            f"{report.added} new article(s) stored ({report.duplicates} near-duplicate(s) of others), "
            f"{report.already_stored} already stored, {len(report.problems)} skipped"
            + (f"; {grouped} grouped into stories" if grouped else "")
        )
        print(
            f"{args.db}: {plural(totals['articles'], 'article')}, {plural(totals['stories'], 'story', 'stories')}"
        )
        for path in exported:
            print(f"exported {path}")
    return console.exit_status


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
