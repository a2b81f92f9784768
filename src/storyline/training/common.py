"""What every trainer shares: the hash of its training data and writing the artefact file."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..artefacts import Artefact, artefact_path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def data_sha256(files: Iterable[str | Path], root: str | Path) -> tuple[str, int]:
    """A SHA-256 of a set of training files and how many there are: the hash of the sorted lines
    ``<path relative to root> NUL <the file's SHA-256>``, so renaming, adding or editing a file changes it
    but where the corpus sits on disk does not."""
    base = Path(os.path.abspath(root))  # not resolve(): a corpus of symbolic links hashes by the links' names
    entries = sorted((Path(os.path.abspath(f)).relative_to(base).as_posix(), Path(f)) for f in files)
    digest = hashlib.sha256()
    for relative, path in entries:
        digest.update(f"{relative}\0{file_sha256(path)}\n".encode())
    return digest.hexdigest(), len(entries)


def training_data(files: Iterable[str | Path], root: str | Path, description: str) -> dict[str, Any]:
    """The ``training_data`` record of an artefact."""
    sha256, count = data_sha256(files, root)
    return {"sha256": sha256, "files": count, "description": description}


def command_line(argv: Sequence[str] | None = None) -> str:
    """The command that made an artefact, as it was typed (``storyline train ...``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    return "storyline " + shlex.join(args) if args else "storyline train"


def write_artefact(
    name: str,
    model: dict[str, Any],
    data: dict[str, Any],
    out: str | Path | None = None,
    indent: int | None = None,
    command: str | None = None,
) -> Path:
    """Write ``model`` as the artefact ``name`` (to the shipped file unless ``out`` is given)."""
    path = Path(out) if out is not None else artefact_path(name)
    artefact = Artefact(name=name, model=model, training_data=data, command=command or command_line())
    separators = (",", ":") if indent is None else None
    text = json.dumps(artefact.to_json(), indent=indent, separators=separators, sort_keys=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path
