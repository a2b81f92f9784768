"""One wire dateline, one list of agencies and outlets (``text.patterns``), read by its four uses: where a
paragraph's story starts (``DATELINE``), a dateline inside a sentence (``AGENCY_DATELINE``), the outlet an
article's text names (``ingest.outlets``) and the source an article credits (``compare.claims``).

Each use's behaviour before the patterns were made one is pinned (the cases marked *before*); the cases
marked *now* were missed by one use while another read them (a date in the dateline, a mixed-case place, the
agency first on its line)."""

import datetime as dt
import re

import pytest

from storyline.compare import claims
from storyline.ingest import outlets
from storyline.ingest.outlets import HOSTS, outlet_from_text
from storyline.model import Article
from storyline.text import patterns
from storyline.text.patterns import AGENCY_DATELINE, DATELINE, OUTLET_NAMES, dateline_name


def article(text: str) -> Article:
    return Article(id="a", source="a.txt", text=text, published=dt.date(2011, 3, 1))


def test_the_four_uses_read_one_pattern_and_one_list():
    assert outlets.DATELINE_OUTLET is DATELINE
    assert claims.DATELINE_CREDIT is AGENCY_DATELINE
    assert outlets.KNOWN_NAMES == patterns.OUTLETS
    assert set(HOSTS.values()) <= set(OUTLET_NAMES)
    for name in ("Reuters", "AP", "CNN", "Associated Press", "the Washington Post"):
        assert re.fullmatch(claims.CREDITED, name), name
    assert not re.fullmatch(claims.CREDITED, "Time")  # an ordinary word at a sentence's head


# (line, DATELINE's match or None, AGENCY_DATELINE's match end or None, outlet read, source credited)
CASES = [
    # before
    ("CAIRO (Reuters) - Egypt's army said so.", "CAIRO (Reuters) - ", "CAIRO (Reuters) - ", "Reuters", "Reuters"),
    ("PHNOM PENH — Clinton arrived on Wednesday.", "PHNOM PENH — ", None, None, None),
    ("Washington (CNN) -- The president said it.", "Washington (CNN) -- ", "Washington (CNN) -- ", "CNN", "CNN"),
    ("NEW ORLEANS (AP) -- Oil came ashore.", "NEW ORLEANS (AP) -- ", "NEW ORLEANS (AP) -- ", "AP", "AP"),
    ("MOSCOW (Interfax) - Russia said no.", "MOSCOW (Interfax) - ", "MOSCOW (Interfax) - ", "Interfax", "Interfax"),
    ("WOODLAND HILLS (CBSLA.com) — A fire.", "WOODLAND HILLS (CBSLA.com) — ", None, "CBSLA.com", None),
    ("Sen. Ted Cruz (R-Texas) — Announced March 23, 2015", "Sen. Ted Cruz (R-Texas) — ", None, None, None),
    ("WASHINGTON (AP Photo) -- The hearing.", "WASHINGTON (AP Photo) -- ", None, None, None),
    ("The rebels said (Reuters) was wrong about the town.", None, None, None, None),
    ("The Egyptian army (which had stayed neutral) - so far - waited.", None, None, None, None),
    ("Mr Mubarak - who ruled for 30 years", None, None, None, None),
    ("US troops - who were there - left.", None, None, None, None),
    # now: a date in the dateline, a lost dash, a mixed-case place, the agency first
    ("LONDON, March 8 (Reuters) - Oil trade stopped.", "LONDON, March 8 (Reuters) - ", "LONDON, March 8 (Reuters) - ", "Reuters", "Reuters"),
    ("June 3 (Reuters) - Oil kept pouring.", "June 3 (Reuters) - ", "June 3 (Reuters) - ", "Reuters", "Reuters"),
    ("TRIPOLI, Libya (Reuters) Libyan envoys met.", "TRIPOLI, Libya (Reuters) ", "TRIPOLI, Libya (Reuters) ", "Reuters", "Reuters"),
    ("AP VENICE, La. -- Oil came ashore.", "AP VENICE, La. -- ", "AP VENICE, La. -- ", "AP", "AP"),
    ("NEW YORK, Sept. 24 -- Stocks fell.", "NEW YORK, Sept. 24 -- ", None, None, None),
    ("MISRATA/TRIPOLI (Reuters) -- Rebels advanced.", "MISRATA/TRIPOLI (Reuters) -- ", "MISRATA/TRIPOLI (Reuters) -- ", "Reuters", "Reuters"),
    ("Cairo, Egypt (CNN) -- Thousands marched.", "Cairo, Egypt (CNN) -- ", "Cairo, Egypt (CNN) -- ", "CNN", "CNN"),
    # page debris that is no dateline, whatever its capitals
    ("IT S FRAUD - they said.", None, None, None, None),
    ("P. 454 -- the index.", None, None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("line", "opening", "inside", "outlet", "credited"), CASES)
def test_each_use_of_the_dateline(line, opening, inside, outlet, credited):
    match = DATELINE.match(line)
    assert (match.group(0) if match else None) == opening
    found = AGENCY_DATELINE.search(line)
    assert (line[: found.end()] if found else None) == inside
    guess = outlet_from_text([line], [])
    assert (guess.name if guess else None) == outlet
    if guess is not None:
        assert guess.provenance == "text:dateline"
    assert claims.article_credit(article(line)) == credited


def test_a_dateline_inside_a_sentence_ends_where_the_story_starts():
    text = (
        "No secret talks, says rebel council * Report denied BENGHAZI, Libya, Aug 16 (Reuters) - Libya's rebel "
        "council said on Tuesday it had held no talks."
    )
    found = AGENCY_DATELINE.search(text)
    assert found is not None and text[found.end() :].startswith("Libya's rebel council")
    assert dateline_name(found) == "Reuters"
    # the agency first on a line of the body, after a headline line
    body = 'Anderson to appear in "Big Brother."\n"AP LOS ANGELES -- Pamela Anderson says she will.'
    assert claims.article_credit(article(body)) == "AP"
    # an agency's name in brackets on the next line is no dateline of the place before it
    assert AGENCY_DATELINE.search("He met the Islamists.\n(Reuters) said nothing") is None


def test_a_place_alone_names_no_outlet():
    match = DATELINE.match("PHNOM PENH — Clinton arrived.")
    assert match is not None and dateline_name(match) is None
