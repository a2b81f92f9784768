"""Long lists in text output: the first few, then one line saying how many more there are."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def head(items: Sequence[T], limit: int) -> tuple[Sequence[T], int]:
    """The first ``limit`` items (all when ``limit`` is negative) and how many are left out."""
    if limit < 0 or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


def more_line(left_out: int, what: str = "more", indent: str = "  ") -> list[str]:
    """``["  … and 180 more"]`` when something was left out, else nothing."""
    return [f"{indent}… and {left_out:,} {what}"] if left_out > 0 else []


def joined(items: Sequence[str], limit: int, separator: str = ", ") -> str:
    """``a, b, c and 180 more``: at most ``limit`` items written out."""
    shown, left_out = head(items, limit)
    text = separator.join(shown)
    return f"{text} and {left_out:,} more" if left_out else text


def date_span(dates: Sequence[str], limit: int = 3) -> str:
    """Dates of one thing, sorted and distinct: listed when few, else first … last and how many."""
    distinct = sorted(set(dates))
    dated = [d for d in distinct if d != "undated"]
    if len(distinct) <= limit:
        return ", ".join(distinct)
    text = f"{dated[0]} … {dated[-1]}, {len(dated)} dates" if len(dated) > 1 else ", ".join(dated)
    return text + (", and undated" if "undated" in distinct else "")
