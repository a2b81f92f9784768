"""One month table and one month-step for describe, timex, the summary's candidates, the cleaner and the report."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import tokenize
from pathlib import Path

import pytest

from storyline.annotate.timex import lexicon
from storyline.annotate.timex.calendar import Point
from storyline.ingest import clean, describe
from storyline.model import TimelineEntry
from storyline.present import html, timeline
from storyline.present.html import date_range
from storyline.summarize import candidates
from storyline.text import dates, patterns
from storyline.text.dates import MONTH_NAME, MONTH_STEM, MONTHS, add_months
from storyline.text.patterns import CAPTION_DATE_END

# The month-name patterns the modules wrote by hand before they shared one (from describe.py and clean.py).
HAND_WRITTEN = [
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)",
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)",
]
WORDS = [
    *(name.capitalize() for name in MONTHS),
    *(name.upper() for name in MONTHS),
    *MONTHS,
    "Mayor", "Marching", "Junes", "Sepember", "Augusta", "Decembers", "Octo", "Ja", "",
]  # fmt: skip


def test_every_module_reads_months_from_the_one_table():
    assert lexicon.MONTHS is MONTHS
    assert describe.MONTHS is MONTHS
    assert describe.MONTH_NAME == MONTH_NAME
    assert candidates.DATED_CAPTION is CAPTION_DATE_END is clean.CAPTION_DATE_END


# A month's or weekday's name or abbreviation as a whole word ("Sept", "Thurs", the "Satur" of "(?:Fri|Satur)day").
CALENDAR_WORD = re.compile(
    r"\b(?:(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
    r"(?:day)?))\b",
    re.IGNORECASE,
)


def calendar_lists(source: str) -> list[str]:
    """The statements of a module (logical lines), docstrings aside, whose strings spell out a list of months or
    weekdays: three or more of either, in one string or several ("Jan|Feb|Mar", ("monday", "tuesday", ...))."""
    docstrings = {
        node.body[0].value.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }
    found, strings = [], []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and token.start[0] not in docstrings:
            strings.append(token.string)
        elif token.type in (tokenize.NEWLINE, tokenize.ENDMARKER) and strings:
            words = [match for string in strings for match in CALENDAR_WORD.finditer(string)]
            months = {match.group().lower()[:3] for match in words if match.group("month")}
            weekdays = {match.group().lower()[:3] for match in words if match.group("weekday")}
            if len(months) >= 3 or len(weekdays) >= 3:
                found.append(" ".join(strings)[:80])
            strings = []
    return found


def test_one_calendar_vocabulary():
    """Month and weekday names are spelled once, in ``text.dates``; every other module makes its forms from it."""
    package = Path(dates.__file__).parents[1]
    spelled = {
        str(path.relative_to(package)): lists
        for path in sorted(package.rglob("*.py"))
        if path != Path(dates.__file__) and (lists := calendar_lists(path.read_text()))
    }
    assert spelled == {}
    assert calendar_lists('x = "Jan|Feb|Mar"') and calendar_lists('x = r"(?:Mon|Tues|Wednes)day"')
    assert calendar_lists('x = (\n    "monday",\n    "tuesday",\n    "wednesday",\n)\n')
    assert not calendar_lists('"""January, February, March: a docstring."""\nx = "in May, on Monday"')
    assert lexicon.WEEKDAYS is dates.WEEKDAYS
    assert [dates.WEEKDAYS[name.lower()] for name in dates.WEEKDAY_NAMES] == list(range(7))
    assert dt.date(2011, 8, 15).weekday() == dates.WEEKDAYS["monday"]
    assert {name for name in MONTHS if name not in dates.MONTH_ABBREVIATIONS} == {
        n.lower() for n in dates.MONTH_NAMES
    }


@pytest.mark.parametrize("pattern", HAND_WRITTEN)
def test_the_shared_month_pattern_accepts_what_the_hand_written_ones_did(pattern):
    for word in WORDS:
        if word == "Sepember":  # a misspelling one of them let through by accident
            continue
        assert bool(re.fullmatch(MONTH_NAME, word)) == bool(re.fullmatch(pattern, word)), word


def test_month_stems_and_caption_dates():
    assert re.fullmatch(MONTH_STEM + "[a-z]*", "September") and not re.fullmatch(MONTH_STEM, "Sept")
    assert re.fullmatch(MONTH_STEM + "[a-z]*", "september", re.IGNORECASE) and not re.fullmatch(
        MONTH_STEM, "sep"
    )
    assert CAPTION_DATE_END.search("Clinton speaks in Phnom Penh, July 12, 2012.")
    assert CAPTION_DATE_END.search("Rebels in Aleppo, Sept. 3, 2013")
    assert not CAPTION_DATE_END.search("Clinton spoke on July 12, 2012, in Phnom Penh.")


def test_one_caption_stamp_for_the_cleaner_the_candidates_and_caption_sentences():
    """The cleaner's and the summary candidates' caption date is the comma form of the whole-day stamp that
    ``caption_sentence`` reads (told in the present there): one pattern, so the three agree on its spelling."""
    assert CAPTION_DATE_END.pattern in patterns.WHOLE_DAY_STAMP_END.pattern
    oil = "An oil sheen is seen on the water off the coast of Louisiana, May 27 2010."
    assert CAPTION_DATE_END.search(oil) and patterns.caption_sentence(oil)
    assert CAPTION_DATE_END.search("(A rebel fighter in Ajdabiya, Libya, March 26, 2011)")
    assert patterns.WHOLE_DAY_STAMP_END.search(
        "A broker sits in Frankfurt, Germany, on Wednesday, Oct. 15, 2008."
    )
    assert not CAPTION_DATE_END.search("A broker sits in Frankfurt, Germany, on Wednesday Oct. 15, 2008.")


def test_describe_reads_every_month_form():
    assert describe.parse_date("Posted Sept. 5, 2011") == dt.date(2011, 9, 5)
    assert describe.parse_date("5th Sept 2011") == dt.date(2011, 9, 5)
    assert describe.all_mentioned_dates("in Sept 2011") == [(dt.date(2011, 9, 1), "month")]


def test_one_add_months_for_the_timex_calendar_and_the_report():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 11, 15), 3) == dt.date(2025, 2, 15)
    assert add_months(dt.date(2024, 3, 1), -3) == dt.date(2023, 12, 1)
    assert Point("month", dt.date(2024, 12, 1)).end == dt.date(2024, 12, 31)
    assert Point("month", dt.date(2024, 1, 1)).shift(1).start == dt.date(2024, 2, 1)
    assert date_range("2024-12", "month") == (dt.date(2024, 12, 1), dt.date(2025, 1, 1), True)
    assert date_range("2024-Q4", "quarter") == (dt.date(2024, 10, 1), dt.date(2025, 1, 1), True)


def test_one_markdown_escape_for_the_summary_and_the_timeline():
    from storyline.present import summary, timeline
    from storyline.present.markdown import escape_markdown

    assert summary.escape_markdown is timeline.escape_markdown is escape_markdown
    text = "a *b* _c_ [d](e) #f |g| ~h~ `i` \\j <b>k</b> & l"
    escaped = escape_markdown(text)
    assert escaped == r"a \*b\* \_c\_ \[d\](e) \#f \|g\| \~h\~ \`i\` \\j &lt;b&gt;k&lt;/b&gt; &amp; l"


# The standard library's and the locale's calendar names: what the pages wrote their dates with before.
LOCALE_NAMES = re.compile(r"\bimport calendar\b|\bcalendar\.(?:month|day)_(?:name|abbr)\b|%[aAbB]\b")


def test_the_pages_write_dates_with_the_one_vocabulary():
    """The report's and the timeline's date labels take their names from ``text.dates``, not from ``calendar``
    or ``strftime`` (both follow the process's locale)."""
    present = Path(html.__file__).parent
    found = {
        f"{path.name}:{number}"
        for path in sorted(present.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if LOCALE_NAMES.search(line)
    }
    assert found == set()
    assert [html.date_label(value, "day") for value in ("2011-09-05", "2011-05", "2011-W36")] == [
        "5 Sep 2011",
        "May 2011",
        "week of 5 Sep 2011",
    ]
    assert [label for _, label in html.axis_ticks(dt.date(2011, 8, 20), dt.date(2011, 9, 10))][:2] == [
        "20 Aug",
        "22 Aug",
    ]
    assert [
        timeline.date_label(TimelineEntry(date=value, granularity=kind, sentences=[]))
        for value, kind in (("2011-09-05", "day"), ("2011-W36", "week"), ("2011-09", "month"))
    ] == ["Monday 5 September 2011", "week of 5 September 2011", "September 2011"]
