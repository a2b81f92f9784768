import datetime as dt

import pytest

from storyline.ingest.describe import all_mentioned_dates, date_from_url, describe, is_english, parse_date
from storyline.ingest.outlets import outlet_from_url
from storyline.ingest.prepare import clean, prepare_one
from storyline.ingest.read import RawDocument
from storyline.model import Article

from .conftest import SAMPLES


def described(prefix: str, **fields) -> Article:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    raw = RawDocument(source=str(path), content=path.read_text(encoding="utf-8"), fields=fields)
    return prepare_one(raw, "id")


# What each sample's own text supports (see the README of the samples): outlet, how it was found,
# byline where one is printed, and the publication date where the text states one.
EXPECTED = {
    "000": ("CNN", "text:dateline", "Elise Labott"),
    "001": ("VOA", "text:page-template", None),
    "002": ("Ynet", "text:page-template", None),
    "003": (None, None, None),
    "004": ("The Wire", "text:partner-notice", None),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_outlet_and_byline_of_the_samples(prefix):
    article = described(prefix)
    outlet, provenance, byline = EXPECTED[prefix]
    assert (article.outlet, article.outlet_provenance, article.byline) == (outlet, provenance, byline)
    assert article.language == "en"


def test_stated_dates_of_the_samples():
    ynet = described("002")
    assert ynet.published == dt.date(2012, 2, 2)
    assert ynet.published_provenance == "text:first-published-line" and not ynet.published_estimated
    voa = described("001")
    assert voa.published == dt.date(2012, 7, 12)
    assert voa.published_provenance == "text:photo-caption" and not voa.published_estimated


def test_a_caption_of_an_earlier_event_is_no_publication_date():
    """A Multi-News page (audit round 4): a photo from the awards of Oct. 27, 2017 above a list of accusations
    up to Nov. 4, 2017 was dated 2017-10-27, and the later days of its list were put in 2016 (a day told in
    the past is not after its article)."""
    page = (
        "Kevin Spacey at the Britannia Awards in Beverly Hills, on Oct. 27, 2017. (Photo: Chris Pizzello/Invision/AP)\n"
        "The first accusation of misconduct against the actor landed on Oct. 29.\n"
        "A columnist wrote about him in BuzzFeed on November 4, 2017, describing what happened years ago.\n"
        "More men have come forward since then, and the actor has not commented on the accusations.\n"
    )
    article = prepare_one(RawDocument(source="spacey.txt", content=page), "id")
    assert article.published is None and article.published_provenance is None
    assert article.published_interval is not None and article.published_interval.earliest == dt.date(
        2017, 11, 4
    )
    # a caption dated on or after every day the text names still dates the article (the VOA sample)
    assert described("001").published_provenance == "text:photo-caption"


def test_undated_articles_get_an_interval_never_a_date():
    kerry = described("003")
    # it mentions August 2011 and June 2011: the publication is no earlier than August 2011
    assert kerry.published is None and not kerry.published_estimated and kerry.published_provenance is None
    interval = kerry.published_interval
    assert interval is not None and interval.method == "latest-date-mentioned"
    assert (interval.earliest, interval.latest, interval.estimate) == (dt.date(2011, 8, 1), None, None)
    assert kerry.published_label() == "after 2011-08"
    cnn = described("000")  # only weekdays ("on Thursday"): nothing to date it by
    assert cnn.published is None and cnn.published_label() == "unknown"


def test_user_given_fields_win():
    article = described("003", outlet="Washington Free Beacon", published="2013-05-07", byline="Staff")
    assert article.outlet == "Washington Free Beacon" and article.outlet_provenance == "user"
    assert article.published == dt.date(2013, 5, 7) and article.published_provenance == "user"
    assert not article.published_estimated and article.byline == "Staff"


def test_contributing_agency_is_not_the_outlet():
    article = described("002")
    assert article.extra["contributors"] == ["Reuters"] and article.outlet == "Ynet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("פרסום ראשון: 02.02.12, 17:29", dt.date(2012, 2, 2)),
        ("Published: July 12, 2012", dt.date(2012, 7, 12)),
        ("Tuesday 12 May 2009 16.36 BST", dt.date(2009, 5, 12)),
        ("Updated 2011-08-18T10:00", dt.date(2011, 8, 18)),
        ("posted 8/18/2011", dt.date(2011, 8, 18)),
        ("18/08/2011", dt.date(2011, 8, 18)),
        ("Aug. 18th, 2011", dt.date(2011, 8, 18)),
        ("on 31.02.12", None),
        ("no date here 1234", None),
    ],
)
def test_parse_date_formats(text, expected):
    assert parse_date(text) == expected


def test_mentioned_dates_and_url_dates():
    assert all_mentioned_dates("in August 2011 and on June 3, 2012") == [
        (dt.date(2012, 6, 3), "day"),
        (dt.date(2011, 8, 1), "month"),
    ]
    assert date_from_url("https://edition.cnn.com/2011/08/18/world/syria/index.html") == dt.date(2011, 8, 18)
    assert date_from_url("https://example.com/news/123") is None


def test_outlet_from_url():
    assert outlet_from_url("https://edition.cnn.com/2011/08/18/x").name == "CNN"  # type: ignore[union-attr]
    assert outlet_from_url("http://www.ynetnews.com/articles/0,7340,L-4184367,00.html").name == "Ynet"  # type: ignore[union-attr]
    assert outlet_from_url("https://news.example.co.uk/a").name == "example.co.uk"  # type: ignore[union-attr]
    assert outlet_from_url("not a url") is None


def test_url_gives_outlet_and_date():
    raw = RawDocument(
        source="x",
        content="Some headline here\n\n" + "The minister said on Monday that talks would go on. " * 3,
    )
    raw.fields["url"] = "https://www.reuters.com/article/2012/07/12/us-syria/"
    cleaned = clean(raw)
    article = Article(id="x", source="x", text=cleaned.text)
    describe(article, raw, cleaned)
    assert (article.outlet, article.outlet_provenance) == ("Reuters", "url")
    assert (article.published, article.published_provenance) == (dt.date(2012, 7, 12), "url")


def test_language_check():
    assert is_english(
        "The president said on Tuesday that the talks with the rebels would go on for as long as it takes."
    )
    assert not is_english(
        "Le président a déclaré mardi que les négociations avec les rebelles se poursuivraient aussi longtemps "
        "que nécessaire, selon un communiqué publié par la présidence dans la soirée."
    )


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("(Adds quotes) AMMAN, April 6 (Reuters) - Jordan has sent aircraft", (4, 6)),
        ("TOULON, France, Sept. 25 -- French President Nicolas Sarkozy said", (9, 25)),
        ("SAO PAULO, Brazil, June 21 (Reuters) - Brazil's Petrobras", (6, 21)),
        ("June 3 (Reuters) - Millions of gallons of oil have poured", (6, 3)),
        # glued after a headline or a photo's credit, as scraped pages have it
        (
            "Sarkozy Advocates Systemic Change After Crisis TOULON, France, Sept. 25 -- French President",
            (9, 25),
        ),
        ("(By Misha Japaridze -- Associated Press) MOSCOW, Sept. 20 -- For the past eight", (9, 20)),
        # a dateline with its year is read as a full date
        ("WASHINGTON, Aug. 18, 2011 -- President Obama said", dt.date(2011, 8, 18)),
        # not datelines: a day in a sentence, a range
        ("Organizers chose January 25 -- Police Day -- for the march", None),
        ("Five Days That Transformed Wall Street: Sept. 15 - 19, 2008", None),
    ],
)
def test_a_dateline_is_read_as_a_date_or_as_a_month_and_day(line, found):
    """One reader of the dateline's day: the full date it states, else the month and day without a year."""
    from storyline.ingest.describe import dateline_day

    dateline = dateline_day([line])
    if isinstance(found, dt.date):
        assert dateline == found
    else:
        assert (dateline["month"], dateline["day"]) == found if found else dateline is None


def test_a_yearless_dateline_moves_the_lower_bound_to_its_first_day_after_the_latest_date_named():
    raw = RawDocument(
        source="x",
        content="BENGHAZI, March 3 (Reuters) - Rebels recalled the uprising that began on February 17, 2011.\n"
        "They said the town had been quiet since.",
    )
    article = prepare_one(raw, "id")
    assert article.published is None
    interval = article.published_interval
    assert interval is not None and interval.earliest == dt.date(2011, 3, 3) and interval.latest is None
    assert "BENGHAZI, March 3 (Reuters) -" in interval.evidence[-1]
