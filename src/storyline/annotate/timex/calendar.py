"""Calendar points at a granularity, their arithmetic and their TimeML values.

A ``Point`` is a period of the calendar (a day, an ISO week, a month, a quarter, a season, a year,
a decade, a century) represented by its first day. Shifting a point moves it by whole units of its
own granularity, so "a year before the third quarter of 1989" is the third quarter of 1988.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ...text.dates import add_months

# Finest first: a point can only be made coarser.
GRANULARITIES = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The month a season starts in (northern hemisphere, meteorological seasons).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Point:
    """A calendar period: ``start`` is its first day; ``part`` is a time of day (``TMO``, ``14:30``)
    for a ``time`` point, ``WE`` for a weekend, or the season code for a ``season``."""

    granularity: str
    start: dt.date
    part: str = ""

    @classmethod
    def of(cls, granularity: str, day: dt.date, part: str = "") -> Point:
        """The point of ``granularity`` that contains ``day``."""
        if granularity in ("day", "time"):
            return cls(granularity, day, part)
        if granularity == "week":
            return cls("week", day - dt.timedelta(days=day.weekday()), part)
        if granularity == "month":
            return cls("month", day.replace(day=1))
        if granularity == "quarter":
            return cls("quarter", dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
        if granularity == "half":
            return cls("half", dt.date(day.year, 1 if day.month <= 6 else 7, 1))
        if granularity == "season":
            code = part or {12: "WI", 1: "WI", 2: "WI"}.get(
                day.month, "SP" if day.month < 6 else "SU" if day.month < 9 else "FA"
            )
            # January and February belong to the winter that began in December of the year before.
            return cls.season(day.year - 1 if code == "WI" and day.month <= 2 else day.year, code)
        if granularity == "year":
            return cls("year", dt.date(day.year, 1, 1))
        if granularity == "decade":
            return cls("decade", dt.date(day.year // 10 * 10, 1, 1))
        if granularity == "century":
            return cls("century", dt.date(max(1, day.year // 100 * 100), 1, 1))
        raise ValueError(f"unknown granularity {granularity!r}")

    @classmethod
    def season(cls, year: int, code: str) -> Point:
        return cls("season", dt.date(year, SEASON_START[code], 1), code)

    def shift(self, count: int) -> Point:
        """The point ``count`` units of its own granularity later (earlier when negative)."""
        g = self.granularity
        if g in ("day", "time"):
            return replace(self, start=self.start + dt.timedelta(days=count))
        if g == "week":
            return replace(self, start=self.start + dt.timedelta(weeks=count))
        months = {
            "month": 1,
            "quarter": 3,
            "half": 6,
            "season": 12,
            "year": 12,
            "decade": 120,
            "century": 1200,
        }[g]
        return replace(self, start=add_months(self.start, months * count))

    def coarsen(self, granularity: str) -> Point:
        return Point.of(granularity, self.start, self.part if granularity == "season" else "")

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        g = self.granularity
        if g in ("day", "time"):
            return self.start
        if g == "week":
            return self.start + dt.timedelta(days=6)
        months = {
            "month": 1,
            "quarter": 3,
            "half": 6,
            "season": 3,
            "year": 12,
            "decade": 120,
            "century": 1200,
        }[g]
        return add_months(self.start, months) - dt.timedelta(days=1)

    @property
    def value(self) -> str:
        """The TimeML value: ``2011-08-18``, ``2011-08-18TMO``, ``2011-W33``, ``2011-08``, ``1989-Q3``,
        ``1998-SU``, ``2011``, ``199`` (the 1990s), ``19`` (the 20th century)."""
        g, day = self.granularity, self.start
        if g == "time":
            if not self.part:
                return day.isoformat()
            return f"{day.isoformat()}{'' if self.part.startswith('T') else 'T'}{self.part}"
        if g == "day":
            return day.isoformat()
        if g == "week":
            year, week, _ = day.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if self.part == "WE" else "")
        if g == "month":
            return f"{day.year:04d}-{day.month:02d}"
        if g == "quarter":
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if g == "half":
            return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
        if g == "season":
            return f"{day.year:04d}-{self.part}"
        if g == "year":
            return f"{day.year:04d}"
        if g == "decade":
            return f"{day.year:04d}"[:3]
        return f"{day.year // 100:02d}"


def point_of_value(value: str) -> Point | None:
    """Parse a TimeML date value back into a point (``None`` for durations, sets and ``*_REF``)."""
    import re

    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(.+))?", value)
    if match:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        return Point("time", day, match[4]) if match[4] else Point("day", day)
    match = re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value)
    if match:
        try:
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        return Point("week", monday, "WE" if match[3] else "")
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if match and 1 <= int(match[2]) <= 12:
        return Point("month", dt.date(int(match[1]), int(match[2]), 1))
    match = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if match:
        return Point("quarter", dt.date(int(match[1]), int(match[2]) * 3 - 2, 1))
    match = re.fullmatch(r"(\d{4})-H([12])", value)
    if match:
        return Point("half", dt.date(int(match[1]), 1 if match[2] == "1" else 7, 1))
    match = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if match:
        return Point.season(int(match[1]), match[2])
    if re.fullmatch(r"\d{4}", value):
        return Point("year", dt.date(int(value), 1, 1))
    if re.fullmatch(r"\d{3}", value):
        return Point("decade", dt.date(int(value) * 10, 1, 1))
    if re.fullmatch(r"\d{2}", value):
        return Point("century", dt.date(max(1, int(value) * 100), 1, 1))
    return None
