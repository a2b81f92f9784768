"""What every command shares: input options, output format, quiet progress, problem reporting."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import InputProblem, StorylineError, UsageError
from ..model import Brief
from ..present.jsonio import print_json as print_json  # re-exported: the commands import it from here
from ..settings import Settings, load_settings, use_settings

if TYPE_CHECKING:
    from ..ingest.meta import ArticleMeta
    from ..service.corpus import Corpus

T = TypeVar("T")


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json")) -> None:
    """``--format`` (and ``--json`` as its short form), ``--pretty`` and ``--quiet``."""
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help=f"output format (default: {formats[0]})",
    )
    parser.add_argument("--json", action="store_true", help="same as --format json: stdout is pure JSON")
    parser.add_argument(
        "--pretty",
        action="store_true",
        help="JSON indented even when stdout is not a terminal (by default it is indented on a terminal, "
        "compact in a pipe or file)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or information on stderr")


def add_input_options(parser: argparse.ArgumentParser, paths_required: bool = True) -> None:
    """PATHS (or a store, --db) and the options that describe or limit them.

    PATHS may be left out when --db names a store; ``load_corpus`` reports a usage error when
    neither is given (``paths_required`` is kept for callers that pass it).
    """
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATHS",
        help="files, directories (read recursively), globs, or - for stdin: .txt, .html/.htm (optionally "
        ".gz), .jsonl (one article a line), Multi-News / LongBench cluster files; may be left out with --db",
    )
    stored = parser.add_argument_group("stored articles (built by `storyline ingest`)")
    stored.add_argument(
        "--db",
        metavar="FILE",
        help="a store built by `storyline ingest`: read its articles (with PATHS, or instead of them)",
    )
    stored.add_argument(
        "--story",
        metavar="ID",
        help="with --db: only the articles of this story (an id listed by `storyline stories`, or an "
        "unambiguous prefix of one)",
    )
    parser.add_argument("--config", metavar="FILE", help="a TOML settings file overriding the defaults")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every article again: neither use nor keep the analysis kept on disk "
        "(settings key cache.directory; safe to delete)",
    )
    parser.add_argument(
        "--max-bytes", type=int, metavar="N", help="largest document read, in bytes (default 10,000,000)"
    )
    given = parser.add_argument_group("fields you give (they win over what storyline finds)")
    given.add_argument("--title", help="title of every input article")
    given.add_argument("--outlet", help="outlet of every input article")
    given.add_argument("--byline", help="byline of every input article")
    given.add_argument("--url", help="URL of every input article")
    given.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of every input article")
    given.add_argument(
        "--meta",
        metavar="FILE",
        help="fields per article: CSV (header row) or JSONL naming each article by 'path' (as given, relative "
        "to FILE, a file name, or FILE.jsonl:LINE) or 'id' (a JSONL record's id), then any of published "
        "(YYYY-MM-DD), outlet, url, title, byline",
    )


def output_format(args: argparse.Namespace) -> str:
    return "json" if getattr(args, "json", False) else str(getattr(args, "format", "text"))


def settings_of(args: argparse.Namespace) -> Settings:
    """The command's settings (defaults, --config file, STORYLINE_* variables, options), installed for
    the stages that read ``current_settings()``."""
    settings = load_settings(getattr(args, "config", None), max_bytes=getattr(args, "max_bytes", None))
    use_settings(settings)
    return settings


def overrides_of(args: argparse.Namespace) -> dict[str, Any]:
    """The fields given for every article; a date that is not YYYY-MM-DD is a usage error (exit 2)."""
    names = ("title", "outlet", "byline", "url", "published")
    given = {name: getattr(args, name) for name in names if getattr(args, name, None)}
    if "published" in given:
        from ..ingest.meta import check_published

        check_published("--published", given["published"])
    return given


def meta_of(args: argparse.Namespace) -> ArticleMeta | None:
    """The ``--meta`` file, read and checked (a usage error when it is wrong), or None."""
    path = getattr(args, "meta", None)
    if not path:
        return None
    from ..ingest.meta import read_meta

    return read_meta(path)


def report_unused_meta(meta: ArticleMeta | None, console: Console) -> None:
    """Say which ``--meta`` rows named no article read: a misspelt path sets nothing, silently otherwise."""
    if meta is None:
        return
    for row in meta.unused()[:10]:
        print(
            f"storyline: warning: --meta {meta.name}, {row.where}: no article read has {row.names}",
            file=sys.stderr,
        )
    if len(meta.unused()) > 10:
        print(
            f"storyline: warning: --meta {meta.name}: {len(meta.unused()) - 10} more rows named no article",
            file=sys.stderr,
        )


@dataclass
class Console:
    """Progress and information on stderr (silenced by --quiet); results go to stdout."""

    quiet: bool = False
    problems: list[InputProblem] = field(default_factory=list)

    def info(self, message: str) -> None:
        if not self.quiet:
            print(f"storyline: {message}", file=sys.stderr)

    def problem(self, problem: InputProblem) -> None:
        """One line per unusable input, always shown (even with --quiet): it changes the exit status."""
        self.problems.append(problem)
        print(f"storyline: skipped {problem}", file=sys.stderr)

    def progress(
        self,
        items: Iterable[T],
        description: str,
        total: int | None = None,
        *,
        label: Callable[[T], str] | None = None,
    ) -> Iterator[T]:
        """A progress bar on stderr for long work (``description``, done/total, rate, elapsed, time left;
        ``label`` names the item under way); nothing when quiet or when stderr is not a terminal."""
        if self.quiet or not sys.stderr.isatty():
            yield from items
            return
        from rich.console import Console as RichConsole
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            rate_column(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=RichConsole(stderr=True), transient=True) as bar:
            task = bar.add_task(description, total=total)
            for item in items:
                if label is not None:
                    bar.update(task, description=f"{description}: {label(item)}")
                    bar.refresh()  # each named item is drawn, however quickly it is done
                yield item
                bar.advance(task)

    @property
    def exit_status(self) -> int:
        return 1 if self.problems else 0


def rate_column() -> Any:
    """A rich column: items a second (rich's own speed column counts bytes)."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")

    return RateColumn()


def console_of(args: argparse.Namespace) -> Console:
    return Console(quiet=bool(getattr(args, "quiet", False)))


def load_corpus(
    args: argparse.Namespace,
    console: Console,
    sections: Iterable[str] | None = None,
    annotate: str = "spacy",
) -> Corpus:
    """The command's corpus (``storyline.service.corpus.build_corpus``): the articles stored in --db
    (one --story's, if given), then those read from PATHS, copies marked against each other and the
    stored ones, annotated for the brief's ``sections`` (None: all); problems reported on the console.
    """
    from ..service.corpus import build_corpus

    if not args.paths and not getattr(args, "db", None):
        raise UsageError("no input: give PATHS (files, directories, globs, or - for stdin) or --db FILE")
    db, story = getattr(args, "db", None), getattr(args, "story", None)
    overrides, meta = overrides_of(args), meta_of(args)
    corpus = build_corpus(
        args.paths,
        db=db,
        story=story,
        settings=settings_of(args),
        overrides=overrides,
        meta=meta,
        annotate=annotate,
        sections=sections,
        on_problem=console.problem,
        progress=console.progress,
        cache=not getattr(args, "no_cache", False),
    )
    report_unused_meta(meta, console)
    read = len(corpus.articles) - corpus.stored
    console.info(
        f"{len(corpus.articles)} article(s) "
        + (f"from {db}" + (f", story {corpus.story}" if story else "") if db else "read")
        + (f", {read} read" if db and args.paths else "")
        + (f", {len(console.problems)} skipped" if console.problems else "")
    )
    return corpus


def make_brief(
    args: argparse.Namespace,
    console: Console,
    sections: Iterable[str] | None,
    annotate: str = "spacy",
    announce: bool = False,
    **options: Any,
) -> Brief:
    """``load_corpus`` then ``storyline.service.brief.brief`` for ``sections``; a requested section
    whose stage failed is an error (the report, asking for all, only warns)."""
    from ..service.brief import brief

    corpus = load_corpus(args, console, sections, annotate)

    def on_stage(stage: Any) -> None:
        if announce:
            console.info(f"building the {stage.title}")

    result = brief(corpus, sections, on_stage=on_stage, progress=console.progress, **options)
    for field_name, message in result.stage_errors.items():
        if sections is not None and field_name in sections:
            raise StorylineError(message)
        print(f"storyline: warning: {message}", file=sys.stderr)
    return result
