"""``storyline train NAME ...``: refit one learned artefact (modules in ``storyline.training``).

Training is a build step: each trainer writes a versioned JSON file into ``storyline/data/`` (with the
SHA-256 of the data it was fitted on) that the pipeline only reads.
"""

from __future__ import annotations

import importlib
from typing import Any

HELP = "refit a learned artefact (line model, cue model, summary scorer, timeline weights)"


def register_listing(commands: Any) -> None:
    """The command's line in ``storyline --help``, without importing the trainers (NumPy, SciPy)."""
    commands.add_parser("train", help=HELP)


def register(commands: Any) -> None:
    from ..training import TRAINERS

    parser = commands.add_parser(
        "train",
        help=HELP,
        description="Refit one of storyline's learned artefacts on its training data and write it into "
        "storyline/data/ (or --out). The pipeline only reads these files; training never runs at run time.",
    )
    trainers = parser.add_subparsers(dest="artefact", metavar="NAME", required=True)
    for module in TRAINERS.values():
        importlib.import_module(f"storyline.training.{module}").register(trainers)
