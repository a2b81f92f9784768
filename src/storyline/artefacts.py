"""The learned artefacts storyline ships, read at run time (they are written by ``storyline train``).

Each artefact is one JSON file in ``storyline/data/``::

    {"artefact": "cue-model", "format_version": 1,
     "training_data": {"sha256": "...", "files": 1680, "description": "PolNeAR train (840 articles)"},
     "command": "storyline train cue-model ../shared/data/polnear/train ...",
     "model": {...}}

``model`` is what the runtime uses (tree ensembles, feature weights); ``training_data`` names the data it
was fitted on, with a SHA-256 over those files (``storyline.training.common.data_sha256``), so a refit on
other data cannot pass for the shipped one. Runtime code only reads these files, through ``load_artefact``;
the code that fits them lives in ``storyline.training`` and is never imported at run time.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import StorylineError

FORMAT_VERSION = 1
DATA_DIR = Path(__file__).parent / "data"
# Artefact name (as ``storyline train NAME`` spells it) -> its file in ``DATA_DIR``.
FILES = {
    "line-model": "boilerplate_model.json",
    "cue-model": "cue_model.json",
    "summary-scorer": "summary_scorer.json",
    # the same scorer fitted without the first 30 Multi-News dev clusters (for an honest quick gate)
    "summary-scorer-heldout": "summary_scorer_heldout.json",
    "timeline-weights": "timeline_weights.json",
}


@dataclass
class Artefact:
    """One artefact file: its name, format version, training data and the model itself."""

    name: str
    model: dict[str, Any]
    training_data: dict[str, Any] = field(default_factory=dict)
    command: str = ""
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "artefact": self.name,
            "format_version": self.format_version,
            "training_data": self.training_data,
            "command": self.command,
            "model": self.model,
        }


def artefact_path(name: str) -> Path:
    """Where the shipped artefact ``name`` lives."""
    if name not in FILES:
        raise StorylineError(f"no artefact named {name!r}; known: {', '.join(FILES)}")
    return DATA_DIR / FILES[name]


def read_artefact(name: str, path: str | Path | None = None) -> Artefact:
    """Read and check an artefact file (the shipped one unless ``path`` is given)."""
    path = Path(path) if path is not None else artefact_path(name)
    refit = f"refit it with `storyline train {name}` or reinstall storyline"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StorylineError(f"{path}: cannot read the {name} artefact ({exc}); {refit}") from exc
    if not isinstance(data, dict) or data.get("artefact") != name or not isinstance(data.get("model"), dict):
        raise StorylineError(f"{path}: not a {name} artefact (no 'artefact': {name!r} and 'model'); {refit}")
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise StorylineError(
            f"{path}: {name} artefact of format version {version!r}, this storyline reads "
            f"version {FORMAT_VERSION}; {refit}"
        )
    return Artefact(
        name=name,
        model=data["model"],
        training_data=dict(data.get("training_data") or {}),
        command=str(data.get("command", "")),
        format_version=version,
    )


@functools.cache
def load_artefact(name: str) -> dict[str, Any]:
    """The ``model`` of the shipped artefact ``name`` (read once per process)."""
    return read_artefact(name).model
