"""``storyline summarize``: a cited extractive summary of the given articles (or of each cluster)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import IO, TYPE_CHECKING, Any

from ..errors import StorylineError, UsageError
from ..present.jsonio import write_json
from .common import (
    add_input_options,
    add_output_options,
    console_of,
    load_corpus,
    output_format,
    settings_of,
)
from .output import output_stream, output_target

if TYPE_CHECKING:
    from ..model import Article
    from ..service.corpus import Corpus

FORMATS = ("text", "md", "json", "jsonl")
HELP = "a short summary of all the articles together, every sentence cited"


def register_listing(commands: Any) -> None:
    """The command's line in ``storyline --help``, without loading the summarizers."""
    commands.add_parser("summarize", help=HELP)


def register(commands: Any) -> None:
    from ..summarize import DEFAULT_METHOD, methods

    parser = commands.add_parser(
        "summarize",
        help=HELP,
        description="Summarize the given articles together: whole sentences taken verbatim from the cleaned "
        "articles, at most --words words, each citing every article that carries it (article id, outlet, "
        "date, sentence index, character span) and counting the independent outlets behind it. "
        "A Multi-News / LongBench file holds one cluster a line: each cluster is summarized on its own "
        "(--format jsonl writes one JSON line per cluster, in input order).",
    )
    add_input_options(parser)
    add_output_options(parser, formats=FORMATS)
    parser.add_argument("--words", type=int, metavar="N", help="word budget (default 250)")
    parser.add_argument(
        "--method",
        choices=methods(),
        default=DEFAULT_METHOD,
        help=f"how sentences are chosen (default: {DEFAULT_METHOD}, the best measured)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the summary to FILE instead of stdout")
    parser.set_defaults(run=run)


def groups(articles: Iterable[Article]) -> Iterator[tuple[str | None, list[Article]]]:
    """Each cluster (consecutive articles of one Multi-News line), in order; loose articles last, together."""
    loose: list[Article] = []
    current: str | None = None
    members: list[Article] = []
    for article in articles:
        cluster = article.extra.get("cluster")
        if cluster is None:
            loose.append(article)
            continue
        if cluster != current and members:
            yield current, members
            members = []
        current = str(cluster)
        members.append(article)
    if members:
        yield current, members
    if loose:
        yield None, loose


def corpus_part(corpus: Corpus, members: list[Article]) -> Corpus:
    """The corpus of one cluster: its articles, annotated as the whole corpus was."""
    return dataclasses.replace(
        corpus,
        articles=tuple(members),
        docs=None,
        annotations=corpus.annotations - {"docs"},
        problems=(),
        timings={},
    )


def run(args: argparse.Namespace) -> int:
    from ..present.results import empty_summary, problem_json
    from ..present.summary import render_markdown, render_text, summary_json
    from ..service.brief import brief
    from ..summarize import DEFAULT_METHOD

    console = console_of(args)
    settings = settings_of(args)
    words = args.words if args.words is not None else settings.summary_words
    if words < 1:
        raise UsageError(f"--words must be at least 1 (got {words})")
    fmt = output_format(args)
    target: AbstractContextManager[IO[str]]
    if args.output:
        output_target(args.output, "the summary")  # say so before the long work
        target = output_stream(args.output, "the summary")
    else:
        target = nullcontext(sys.stdout)
    corpus = load_corpus(args, console, sections=("summary",))
    collected: list[dict[str, Any]] = []
    count = 0
    with target as out:
        for cluster, members in console.progress(groups(corpus.articles), "summarizing"):
            part = (
                corpus
                if cluster is None and len(members) == len(corpus.articles)
                else corpus_part(corpus, members)
            )
            # the default method as the brief asks for it (None), so a kept summary of the brief is found
            method = None if args.method == DEFAULT_METHOD else args.method
            result = brief(part, ("summary",), words=words, method=method)
            if "summary" in result.stage_errors:
                raise StorylineError(result.stage_errors["summary"])
            summary = result.summary or empty_summary()
            count += 1
            if fmt == "jsonl":
                out.write(
                    json.dumps(summary_json(summary, members, cluster or "articles"), ensure_ascii=False)
                )
                out.write("\n")
                out.flush()
            elif fmt == "json":
                collected.append(summary_json(summary, members, cluster))
            elif fmt == "md":
                out.write(render_markdown(summary, members, heading=cluster) + ("\n" if cluster else ""))
            else:
                out.write(render_text(summary, members, heading=cluster) + ("\n" if cluster else ""))
        if fmt == "json":
            value: Any = collected[0] if len(collected) == 1 and "id" not in collected[0] else collected
            if not collected:
                value = summary_json(empty_summary(), [])
            if isinstance(value, dict):  # one summary: the same object as POST /api/summarize
                value["problems"] = [problem_json(p) for p in corpus.problems]
            write_json(value, out)  # indented on a terminal or with --pretty, compact otherwise
            out.write("\n")
    if count == 0:
        console.info("no article could be read, so there is nothing to summarize")
    else:
        console.info(
            f"{count} summar{'y' if count == 1 else 'ies'} written"
            + (f" to {args.output}" if args.output else "")
        )
    return console.exit_status
