"""Calendar words and arithmetic shared by every stage that reads or shows dates.

The publication dates of ``ingest.describe``, the time expressions of ``annotate.timex``, the cleaner's and the
claims' date patterns and the report's date ranges (``present.html``) all name months and weekdays from these
two lists and step months with this one ``add_months``.

>>> MONTHS["sept"], MONTHS["december"], WEEKDAYS["sunday"]
(9, 12, 6)
>>> add_months(dt.date(2024, 1, 31), 1)
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import datetime as dt

# The calendar's names, in its order (the week from Monday, as ``datetime.date.weekday`` counts): the one list of
# month and weekday names; every other form (lower case, abbreviations, regex alternations) is made from these.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The months' abbreviations (lower case) to month numbers: the first three letters ("may" is a whole name) and "sept".
MONTH_ABBREVIATIONS = {
    name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1) if len(name) > 3
} | {"sept": 9}
# Month names and their abbreviations (lower case) to month numbers.
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | MONTH_ABBREVIATIONS
# Weekday names (lower case) to their numbers, Monday 0.
WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
# A month's name or abbreviation as text writes it, capitalised ("Sept", "September"), longest first.
MONTH_NAME = (
    "(?:" + "|".join(sorted({name.capitalize() for name in MONTHS}, key=lambda n: (-len(n), n))) + ")"
)
# The months' three-letter stems as text writes them ("Jan" ... "Dec"), for patterns that take any ending.
MONTH_STEM = "(?:" + "|".join(sorted(name[:3] for name in MONTH_NAMES)) + ")"


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None where the calendar has none (31 April, 29 February of a common year); a two-digit year is
    read in 1970-2069."""
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later (clipped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))
