"""When it happened: the dated timeline of a story."""

from .build import build_timeline

__all__ = ["build_timeline"]
