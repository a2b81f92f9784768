"""``storyline``: the entry point. Each command is a module of this package with ``register``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from ..errors import StorylineError, UsageError

# Command modules, in the order ``storyline --help`` lists them.
COMMANDS = [
    "inspect",
    "summarize",
    "report",
    "brief",
    "serve",
    "timeline",
    "who",
    "compare",
    "ingest",
    "stories",
    "evaluate",
    "train",
]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; when ``argv`` names a command, only that command's module is imported.

    Command modules pull in their stage's libraries (SciPy, DuckDB, FastAPI...); importing all of
    them would cost every run a second before it starts. With no command named (``storyline --help``)
    a module's ``register_listing``, when it has one, adds only its line of help.
    """
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Turn raw news articles about a developing story into a brief you can trust: a cited "
        "summary, a dated timeline, who said what, who is who, and where outlets agree, disagree or change "
        "their position.",
        epilog="Run `storyline COMMAND --help` for a command's options.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = [name for name in COMMANDS if argv and argv[0] == name]
    for name in wanted or COMMANDS:
        module = importlib.import_module(f"storyline.cli.{name}")
        # Listing the commands (no command named) needs only each one's line of help.
        register = module.register if wanted else getattr(module, "register_listing", module.register)
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    args.argv = arguments  # the command as given (``storyline train`` records it in the artefact it writes)
    from ..present import jsonio

    # JSON indented on a terminal, compact in a pipe or file; --pretty: always indented (each run decides anew)
    jsonio.PRETTY = True if getattr(args, "pretty", False) else None
    try:
        status = int(args.run(args) or 0)
    except UsageError as exc:
        print(f"storyline: error: {exc}", file=sys.stderr)
        return 2
    except StorylineError as exc:
        print(f"storyline: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("storyline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 0
    except OSError as exc:  # stdout on a full disk, an unreadable --config...: one line, no traceback
        silence_stdout()
        where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
        print(f"storyline: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except OSError as exc:
        silence_stdout()
        print(f"storyline: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return status


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
