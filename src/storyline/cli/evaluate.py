"""``storyline evaluate NAME ...``: one sub-command per evaluation (modules in ``storyline.evaluate``)."""

from __future__ import annotations

import importlib
from typing import Any

# Evaluation modules of storyline.evaluate, each with ``register(subcommands)``.
EVALUATIONS: list[str] = [
    "timex",
    "timeline17",
    "polnear",
    "ecbplus",
    "multinews",
    "extraction",
    "stories",
    "dedup",
    "brief",
]


HELP = "measure storyline beside the anchors on a shared data set"


def register_listing(commands: Any) -> None:
    """The command's line in ``storyline --help``, without loading every evaluation."""
    commands.add_parser("evaluate", help=HELP)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "evaluate",
        help=HELP,
        description="Measure storyline on a benchmark data set, beside the anchor systems, in one run.",
    )
    evaluations = parser.add_subparsers(dest="evaluation", metavar="DATASET", required=True)
    for name in EVALUATIONS:
        importlib.import_module(f"storyline.evaluate.{name}").register(evaluations)
