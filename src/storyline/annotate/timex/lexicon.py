"""Words of time: month, weekday, number and unit names, and the regular-expression pieces built from them."""

from __future__ import annotations

import re

from ...text.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

__all__ = ["MONTHS", "WEEKDAYS"]  # the one calendar vocabulary lives in storyline.text.dates
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}  # fmt: skip
# Unit name -> (TimeML duration letter, whether it is a time-of-day unit written after ``PT``).
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False), "millennium": ("ML", False),
}  # fmt: skip
# Unit name -> calendar granularity of "N units ago".
UNIT_GRANULARITY = {
    "day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century",
}  # fmt: skip


def alternatives(words: object) -> str:
    """A regex alternation of words, longest first so that 'September' wins over 'Sep'."""
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


def cased(words: object) -> str:
    """Capitalized or upper-case forms only: 'May' the month, never 'may' the verb."""
    forms = {f(w) for w in words for f in (str.capitalize, str.upper)}  # type: ignore[attr-defined]
    return alternatives(forms)


FULL_MONTHS = [m for m in MONTHS if m not in MONTH_ABBREVIATIONS]
# A month name in any form ("August", "Aug.", "Aug") — used only where a day or year follows.
MONTH_ANY = rf"(?P<month>(?:{cased(FULL_MONTHS)}|(?:{cased(MONTH_ABBREVIATIONS)})\.?)(?![A-Za-z]))"
# A month standing alone: the full name or an abbreviation with its period.
MONTH_ALONE = rf"(?P<month>(?:{cased(FULL_MONTHS)}|(?:{cased(MONTH_ABBREVIATIONS)})\.)(?![A-Za-z]))"
WEEKDAY = rf"(?P<weekday>{cased(WEEKDAYS)})"
DAY_OF_MONTH = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d/]|[:.,]\d)"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)(?![\d%])"
NUMBER_WORD = (
    rf"(?:(?:{alternatives(TENS)})(?:[- ](?:{alternatives(k for k in SMALL_NUMBERS if SMALL_NUMBERS[k] < 10)}))?"
    rf"|{alternatives(SMALL_NUMBERS)})"
)
NUMBER = (
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?i:"
    rf"(?:a|one|{NUMBER_WORD})\s+(?:hundred|thousand)(?:\s+and\s+{NUMBER_WORD})?"
    rf"|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|many"
    r"|a\s+dozen|dozens\s+of|half\s+an?|an?(?:\s+and\s+a\s+half)?|a\s+number\s+of))"
)
UNIT = r"(?P<unit>(?i:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centurie|century|millennium))(?P<plural>s)?(?![A-Za-z])"


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; ``None`` for "a few", "several", "many"."""
    lowered = text.lower()
    if lowered.endswith("and a half"):
        whole = parse_number(lowered.removesuffix("and a half"))
        return None if whole is None else whole + 0.5
    words = lowered.replace(",", "").replace("-", " ").split()
    if not words:
        return None
    if words[0] in ("few", "several", "many", "dozens") or words[:2] in (["a", "few"], ["a", "number"]):
        return None
    if "couple" in words:
        return 2.0
    if "dozen" in words:
        return 12.0
    if words[0] == "half":
        return 0.5
    total = 0.0
    current = 0.0
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word == "1/2" or word == "half":
            current += 0.5
        elif word in ("a", "an", "one"):
            current += 1
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "and":
            continue
        else:
            return None
    return total + current
