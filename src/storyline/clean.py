"""Clean: strip boilerplate from scraped text or HTML and keep the story (placeholder, being built)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Removed
from .read import RawDocument


@dataclass
class Cleaned:
    """The story text, the headline (kept apart from the body), what was removed and why, and
    whatever the cleaner learned about the document (HTML metadata, header lines) for ``describe``."""

    text: str
    title: str | None = None
    removed: list[Removed] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


def clean(raw: RawDocument) -> Cleaned:
    lines = [line.strip() for line in raw.content.splitlines()]
    paragraphs = [line for line in lines if line]
    return Cleaned(text="\n\n".join(paragraphs))
