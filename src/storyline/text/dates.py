"""Calendar words and arithmetic shared by every stage that reads or shows dates.

The publication dates of ``ingest.describe``, the time expressions of ``annotate.timex`` and the
report's date ranges (``present.html``) all name months with this one table and step months with
this one ``add_months``.

>>> MONTHS["sept"], MONTHS["december"]
(9, 12)
>>> add_months(dt.date(2024, 1, 31), 1)
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import datetime as dt
import re

# Month names and their abbreviations (lower case) to month numbers.
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# A month's name or abbreviation as text writes it, capitalised ("Sept", "September"), longest first.
MONTH_NAME = (
    "(?:" + "|".join(sorted({name.capitalize() for name in MONTHS}, key=lambda n: (-len(n), n))) + ")"
)
# The months' three-letter stems ("jan" ... "dec"), for patterns that take any ending.
MONTH_STEM = "(?:" + "|".join(sorted({name[:3] for name in MONTHS})) + ")"
# The date that closes a photo caption: "..., Cambodia, July 12, 2012."
CAPTION_DATE_END = re.compile(rf",\s+{MONTH_NAME}\.?\s+\d{{1,2}},\s+\d{{4}}\.?$")


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
