import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.timex import anchor_of, event_point, point_of_value, tag, tag_article
from storyline.annotate.timex.calendar import Point
from storyline.model import Article

from .conftest import SAMPLES

WEDNESDAY = dt.date(2011, 8, 17)


def sample_text(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def values(text: str, anchor: dt.date | None) -> dict[str, str | None]:
    return {t.text: t.value for t in tag(text, anchor)}


def find(expressions, text):
    matches = [t for t in expressions if t.text == text]
    assert matches, f"{text!r} not found in {[t.text for t in expressions]}"
    return matches


def test_cnn_sample_future_thursday_and_past_tuesday():
    text = sample_text("000")
    expressions = tag(text, WEDNESDAY)
    # "The United States on Thursday will call for ..." in an article of Wednesday 17 August 2011.
    will_call = text.index("The United States on Thursday will call")
    thursday = next(t for t in expressions if t.start > will_call and t.text == "Thursday")
    assert thursday.value == "2011-08-18" and thursday.granularity == "day" and thursday.relative
    # "Clinton said Tuesday the administration was pushing ..." is the Tuesday before.
    said = text.index("Clinton said Tuesday")
    tuesday = next(t for t in expressions if t.start > said and t.text == "Tuesday")
    assert tuesday.value == "2011-08-16"
    assert find(expressions, "earlier this week")[0].value == "2011-W33"
    assert find(expressions, "three days ago")[0].value == "2011-08-14"


def test_voa_sample_months_ago_resolves_to_a_month():
    text = sample_text("001")
    (months_ago,) = find(tag(text, dt.date(2012, 7, 12)), "16 months ago")
    assert months_ago.value == "2011-03" and months_ago.granularity == "month"
    (date,) = find(tag(text, dt.date(2012, 7, 12)), "July 12, 2012")
    assert date.value == "2012-07-12" and not date.relative


def test_absolute_month_needs_no_article_date():
    text = sample_text("003")
    (august,) = find(tag(text, None), "August 2011")
    assert august.value == "2011-08" and august.granularity == "month" and august.resolved


def test_relative_expressions_stay_unresolved_without_a_date():
    expressions = tag("Clinton said Tuesday that talks would resume next week.", None)
    assert [t.text for t in expressions] == ["Tuesday", "next week"]
    assert all(t.value is None and not t.resolved and t.relative for t in expressions)


def test_estimated_publication_date_is_not_an_anchor():
    article = Article(id="a", source="s", text="Officials met on Tuesday.", published=WEDNESDAY)
    article.published_estimated = True
    assert anchor_of(article) is None
    assert tag_article(article).timexes[0].value is None
    article.published_estimated = False
    assert tag_article(article).timexes[0].value == "2011-08-16"


@pytest.mark.parametrize(
    ("text", "value", "type_"),
    [
        ("It happened on Aug. 18, 2011, in Damascus.", "2011-08-18", "DATE"),
        ("It happened on 18 August 2011.", "2011-08-18", "DATE"),
        ("Talks resume next month.", "2011-09", "DATE"),
        ("The unrest of last year.", "2010", "DATE"),
        ("Growth slowed in the third quarter.", "2011-Q3", "DATE"),
        ("Prices rose in the 1990s.", "199", "DATE"),
        ("The siege lasted three days.", "P3D", "DURATION"),
        ("He was held for more than two years.", "P2Y", "DURATION"),
        ("The meeting ran 90 minutes.", "PT90M", "DURATION"),
        ("Protests are held every week.", "P1W", "SET"),
        ("The vote is at 10 a.m. tomorrow.", "2011-08-18T10:00", "TIME"),
        ("The regime is now isolated.", "PRESENT_REF", "DATE"),
        ("They will meet again this summer.", "2011-SU", "DATE"),
    ],
)
def test_normalized_values(text, value, type_):
    expressions = tag(text, WEDNESDAY)
    assert [(t.value, t.type) for t in expressions] == [(value, type_)], expressions


def test_modifiers_are_kept_in_the_span_and_the_mod():
    (early,) = tag("Fighting resumed in early August.", WEDNESDAY)
    assert early.text == "early August" and early.mod == "START" and early.value == "2011-08"
    (more,) = tag("He was held for more than two years.", WEDNESDAY)
    assert more.text == "more than two years" and more.mod == "MORE_THAN"


def test_quarter_and_a_year_earlier_refer_back():
    expressions = tag("Net income rose in the third quarter from a year earlier.", dt.date(1989, 11, 2))
    assert [(t.text, t.value) for t in expressions] == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
    ]


def test_words_and_numbers_that_are_not_times():
    assert tag("I know the 2000 troops and 1,500 people who may stay.", WEDNESDAY) == []
    assert values("In 2000 the war began.", WEDNESDAY) == {"2000": "2000"}


def test_spans_point_into_the_text_and_offset_shifts_them():
    text = sample_text("000")
    for expression in tag(text, WEDNESDAY):
        assert text[expression.start : expression.end] == expression.text
    (shifted,) = tag("on Tuesday", WEDNESDAY, offset=100)
    assert (shifted.start, shifted.end) == (103, 110)


def test_event_point_of_dates_only():
    (day, duration) = tag("On Tuesday the siege had lasted three days.", WEDNESDAY)
    assert event_point(day) == Point("day", dt.date(2011, 8, 16))
    assert event_point(duration) is None


def test_calendar_points_round_trip_and_shift():
    for value in ("2011-08-18", "2011-W33", "2011-08", "2011-Q3", "2011-H2", "2011-SU", "2011", "199", "19"):
        point = point_of_value(value)
        assert point is not None and point.value == value
    assert Point.of("week", dt.date(2011, 8, 17)).value == "2011-W33"
    assert Point.of("quarter", dt.date(1989, 11, 2)).shift(-4).value == "1988-Q4"
    assert Point.of("season", dt.date(1998, 2, 6)).value == "1997-WI"
    assert point_of_value("PRESENT_REF") is None and point_of_value("P3D") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_tagging_arbitrary_text_never_fails_and_spans_are_valid(text):
    for expression in tag(text, WEDNESDAY):
        assert 0 <= expression.start < expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text


def test_letters_that_grow_when_lower_cased_do_not_shift_spans():
    text = (
        "İ" * 200 + " officials said on Tuesday that talks end next week."
    )  # 200 letters that lower-case to 400
    expressions = tag(text, WEDNESDAY)
    assert [(t.text, t.value) for t in expressions] == [("Tuesday", "2011-08-16"), ("next week", "2011-W34")]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # The quarter reported on stays the reference after its closing day is named.
        (
            "Net rose for the quarter ended Sept. 30, compared with $3 million a year earlier.",
            dt.date(1989, 10, 26),
            [("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"), ("a year earlier", "1988-Q3")],
        ),
        # ... until a longer period is spoken of.
        (
            "In the third quarter net rose. For the nine months, net fell from a year earlier.",
            dt.date(1989, 10, 26),
            [("the third quarter", "1989-Q3"), ("the nine months", "P9M"), ("a year earlier", "1988")],
        ),
        (
            "Sales fell in the third quarter, compared with $5 million last year.",
            dt.date(1989, 11, 1),
            [("the third quarter", "1989-Q3"), ("last year", "1988-Q3")],
        ),
        (
            "Net fell in the third quarter. For the quarter a year ago, it earned $16 million.",
            dt.date(1989, 10, 26),
            [("the third quarter", "1989-Q3"), ("the quarter a year ago", "1988-Q3")],
        ),
        (
            "Profit rose in the third quarter. In the 1988 quarter it earned $2 million.",
            dt.date(1989, 10, 26),
            [("the third quarter", "1989-Q3"), ("the 1988 quarter", "1988-Q3")],
        ),
        # A charge expected in the quarter under way does not make it "the latest quarter".
        (
            "It will take a fourth-quarter charge. Earnings fell in the latest quarter.",
            dt.date(1989, 11, 2),
            [("fourth-quarter", "1989-Q4"), ("the latest quarter", "1989-Q3")],
        ),
        # A quarter that has not begun is told of in the past tense only if it is last year's.
        (
            "AT&T announced a drop in profits for the fourth quarter.",
            dt.date(1998, 1, 26),
            [("the fourth quarter", "1997-Q4")],
        ),
        ("Sales of 50,000 CDs a year are reported.", dt.date(1998, 3, 3), [("a year", "P1Y")]),
        ("Islam will one day be the second religion.", dt.date(1998, 3, 3), [("one day", "FUTURE_REF")]),
        ("Orangemen march each July.", dt.date(1998, 3, 22), [("each July", "XXXX-07")]),
        (
            "Abuse had become routine over the past decade.",
            dt.date(1998, 10, 25),
            [("the past decade", "P10Y")],
        ),
        ("Hate groups grew over the past year.", dt.date(1998, 3, 3), [("the past year", "1997")]),
        # Plans made in the past point ahead; "since" points back.
        (
            "Protesters were planning to drive around the airport on Monday.",
            dt.date(2000, 1, 7),
            [("Monday", "2000-01-10")],
        ),
        ("The carrier has been on patrol since March.", dt.date(1990, 8, 13), [("March", "1990-03")]),
        (
            "Until Thursday, they had not called Kopp a suspect.",
            dt.date(1999, 5, 7),
            [("Thursday", "1999-05-06")],
        ),
        (
            "The split would be paid on a still unspecified date in January.",
            dt.date(1989, 10, 26),
            [("January", "1990-01")],
        ),
        ("Turnout may be low on Election Day.", dt.date(1998, 10, 26), [("Election Day", "1998-11-03")]),
        ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), [("Easter week", "2000-W16")]),
        ("He left the city on Easter Sunday.", dt.date(2011, 5, 1), [("Easter Sunday", "2011-04-24")]),
        # A company's year "ended March 31" is a twelve-month fiscal year, not the calendar year.
        ("It had profit of #50 million in the year ended March 31.", dt.date(1989, 10, 31),
         [("the year", "P1Y"), ("March 31", "1989-03-31")]),
        ("Net will fall in the fiscal year ending June 30, 1990.", dt.date(1989, 11, 2),
         [("the fiscal year", "P1Y"), ("June 30, 1990", "1990-06-30")]),
        # "The quarter ended July 31" runs May to July: mostly the second calendar quarter.
        ("In the quarter ended July 31, Jayark had 5.6 million shares.", dt.date(1989, 10, 30),
         [("the quarter", "1989-Q2"), ("July 31", "1989-07-31")]),
        # "This quarter's" after a quarter just reported on is that quarter.
        ("It lost $8.1 million for the third quarter ended Sept. 30. This quarter's loss includes charges.",
         dt.date(1989, 11, 1), [("the third quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"),
                                ("This quarter", "1989-Q3")]),
        ("Sales should rise this quarter.", dt.date(1989, 11, 1), [("this quarter", "1989-Q4")]),
        # On a Sunday, "last week" is the Monday-to-Saturday just ended.
        ("He met President Clinton last week.", dt.date(1998, 3, 22), [("last week", "1998-W12")]),
        ("He met President Clinton last week.", dt.date(1998, 3, 21), [("last week", "1998-W11")]),
        ("He was shot to death last Oct. 23 at his home.", dt.date(1999, 4, 19), [("Oct. 23", "1998-10-23")]),
        # A past-tense month two or more months ahead of the article is last year's.
        ("In January, American Medical brought in a new chief.", dt.date(1989, 10, 27),
         [("January", "1989-01")]),
        ("In January, a clinic bombing killed a guard.", dt.date(1998, 10, 25), [("January", "1998-01")]),
        # ... but a dividend declared now and payable in December is paid this December.
        ("Oneida declared a stock dividend, payable Dec. 15.", dt.date(1989, 10, 26),
         [("Dec. 15", "1989-12-15")]),
        ("Earnings should recover in next year's first quarter.", dt.date(1989, 10, 31),
         [("next year's first quarter", "1990-Q1")]),
        ("The slump will last through the first two quarters of 1990.", dt.date(1989, 10, 26),
         [("the first two quarters of 1990", "1990-H1")]),
        ("Shares fell this week after talks broke down.", dt.date(1989, 10, 27), [("this week", "1989-W43")]),
        # A count after "in", told of the future, is the date it leads to; otherwise a length of time.
        ("The stock would be redeemed in five years.", dt.date(1989, 11, 2), [("five years", "1994")]),
        ("Rates will rise for the first time in five years.", dt.date(1989, 11, 2), [("five years", "P5Y")]),
        ("He sent his second letter in two weeks.", dt.date(2000, 2, 16), [("two weeks", "P2W")]),
        ("Kopp was arrested at this march in each of the last three years.", dt.date(1999, 1, 22),
         [("the last three years", "P1Y")]),
        # Years said in words, as broadcasts transcribe them.
        ("Atlanta, nineteen ninety-six. A bomb blast shocks the Olympic games.", dt.date(1998, 2, 27),
         [("nineteen ninety-six", "1996")]),
        ("He counted nineteen people.", dt.date(1998, 2, 27), []),
        ("The deal closes within five business days.", dt.date(1998, 2, 27), [("five business days", "P5D")]),
        # "The next day" in a story is the day after the one told of; "over the next day" is a stretch.
        ("On Oct. 19 stocks crashed. The next day, they rose.", dt.date(1989, 11, 2),
         [("Oct. 19", "1989-10-19"), ("The next day", "1989-10-20")]),
        ("Shares will trade flat over the next day.", dt.date(1989, 11, 2), [("the next day", "P1D")]),
        ("Net rose in fiscal 1990's first quarter.", dt.date(1989, 11, 2),
         [("fiscal 1990's first quarter", "1990-Q1")]),
        ("Between 1985 and 1988 sales doubled.", dt.date(1989, 11, 2), [("1985", "1985"), ("1988", "1988")]),
        # A "would" after the day is the future of the past telling before it: the day is that telling's.
        ("Bouteflika had told ministers at a meeting on Monday Algeria would respect the law.", dt.date(2011, 8, 30),
         [("Monday", "2011-08-29")]),
        ("He said the talks would resume on Monday.", dt.date(2011, 8, 30), [("Monday", "2011-09-05")]),
        # A fronted day's comma ends the adverbial: the verb of telling after it is the sentence's own.
        ("Also Tuesday, the commander said air strikes would continue until Gadhafi complies.", dt.date(2011, 3, 23),
         [("Tuesday", "2011-03-22")]),
        ("It will be decided on Thursday, officials said.", dt.date(2011, 3, 23), [("Thursday", "2011-03-24")]),
    ],
)  # fmt: skip
def test_news_conventions(text, anchor, expected):
    assert [(t.text, t.value) for t in tag(text, anchor)] == expected


def test_the_past_year_is_valued_as_last_year_but_dates_no_event():
    # TimeBank values "the past year" as the year before the article; the text means the twelve months up to
    # it, so a sentence about "our experience of the last year" is not an event of 2011.
    text = sample_text("001")
    position = text.index("our experience of the last year")
    (timex,) = tag(text[position : position + 40], dt.date(2012, 7, 12))
    assert (timex.text, timex.type, timex.value, timex.rolling) == ("the last year", "DATE", "2011", True)
    assert event_point(timex) is None
    (last_year,) = tag("Sales fell last year.", dt.date(2012, 7, 12))
    assert not last_year.rolling
    assert event_point(last_year) == Point("year", dt.date(2011, 1, 1))


@pytest.mark.parametrize(
    "sentence",
    [
        # The attribution after the comma dates the telling, not the call.
        "The United States will call on Assad to step down on Thursday, officials said.",
        # "followed by ...": a participle phrase; the plan ("was expected to") says the day is ahead.
        "The White House was expected to release a statement, followed by a formal announcement Thursday morning.",
    ],
)
def test_thursday_after_a_wednesday_article_is_the_next_day(sentence):
    wednesday = dt.date(2011, 8, 17)
    value = next(v for text, v in values(sentence, wednesday).items() if text.startswith("Thursday"))
    assert value.startswith("2011-08-18")


def test_said_right_after_the_day_still_dates_the_saying():
    assert values("He said Thursday that talks had failed.", dt.date(2011, 8, 17))["Thursday"] == "2011-08-11"


def test_early_on_the_day_after_the_page_is_its_small_hours_not_six_days_before():
    # LibyaWar_cnn article 225, dated Saturday 26 February 2011, after "voted unanimously Saturday night" (the
    # audit's timeline error of rounds 10-12); EgyptianProtest_cnn, a page of Friday 28 January 2011.
    saturday, friday = dt.date(2011, 2, 26), dt.date(2011, 1, 28)
    early_sunday = (
        "Early Sunday, Saif al-Islam Gadhafi told CNN that he was confident the regime could survive."
    )
    assert values(early_sunday, saturday)["Early Sunday"] == "2011-02-27"
    mubarak = "Embattled President Hosni Mubarak said early Saturday that he asked the government to resign."
    assert values(mubarak, friday)["early Saturday"] == "2011-01-29"
    assert (
        values("The internet went dark early Saturday morning.", friday)["early Saturday morning"]
        == "2011-01-29TMO"
    )
    # Without "early", or with "last", or another weekday, the tense still decides.
    assert (
        values("He said Saturday that he asked the government to resign.", friday)["Saturday"] == "2011-01-22"
    )
    assert values("Rebels attacked early last Saturday.", friday)["early last Saturday"] == "2011-01-22"
    assert values("The plane crashed early Tuesday.", friday)["early Tuesday"] == "2011-01-25"


def test_a_day_that_a_clause_happens_ahead_of_is_on_or_after_the_page():
    # MJ_bbc, a page of Friday 7 October 2011: the past tense dates the selling, not the concert (Saturday the 8th);
    # bpoil_reuters, a page of Tuesday 15 June 2010: Hayward testified on Thursday the 17th.
    friday, tuesday = dt.date(2011, 10, 7), dt.date(2010, 6, 15)
    sold = "Organisers said 40,000 tickets have now been sold ahead of Saturday night's stadium concert."
    assert values(sold, friday)["Saturday night"] == "2011-10-08TNI"
    testimony = "McKay did not offer much new ahead of Thursday's testimony by BP's chief executive."
    assert values(testimony, tuesday)["Thursday"] == "2010-06-17"
    assert (
        values("A memorandum was delivered in advance of the Tuesday hearing.", friday)["Tuesday"]
        == "2011-10-11"
    )
    # The day of the page itself stays; without the preposition the tense still decides.
    assert (
        values("Activists urged the union to act ahead of Friday's meeting.", friday)["Friday"]
        == "2011-10-07"
    )
    assert values("Police arrested two men for Saturday's attack.", friday)["Saturday"] == "2011-10-01"


def test_a_day_something_is_set_for_with_no_verb_to_date_it_is_ahead():
    # MJ_bbc, a page of Friday 7 October 2011; bpoil_reuters, a page of Wednesday 15 December 2010.
    friday, wednesday = dt.date(2011, 10, 7), dt.date(2010, 12, 15)
    assert values("Doors open at 16:00 BST for Saturday's show.", friday)["Saturday"] == "2011-10-08"
    assert values("He has a status hearing set for Friday.", wednesday)["Friday"] == "2010-12-17"
    # A verb's tense still dates the day.
    assert values("The blame for Monday's attack is on the airport.", friday)["Monday"] == "2011-10-03"


def test_a_planned_event_of_a_weekday_told_in_the_present_is_the_coming_one():
    # MJ_bbc, a page of Friday 7 October 2011 (the Cardiff concert of Saturday the 8th); EgyptianProtest_cnn, a page
    # of Friday 4 February 2011 (the Super Bowl of Sunday the 6th).
    friday = dt.date(2011, 10, 7)
    concert = "Final preparations are under way for Saturday's stadium concert."
    assert values(concert, friday)["Saturday"] == "2011-10-08"
    game = "Sunday's game in Dallas also brings together two of the most fervent fan bases in football."
    assert values(game, dt.date(2011, 2, 4))["Sunday"] == "2011-02-06"
    # A past verb, an event told as over, or an event no one plans keep the weekday before the page.
    monday = dt.date(2011, 10, 10)
    assert values("Saturday's concert raised a million pounds.", monday)["Saturday"] == "2011-10-08"
    assert (
        values("The results of Saturday's vote show a swing to the left.", monday)["Saturday"] == "2011-10-08"
    )
    assert values("Saturday's election results show a swing to the left.", monday)["Saturday"] == "2011-10-08"
    assert (
        values("The fighters in Saturday's attack are part of an army.", monday)["Saturday"] == "2011-10-08"
    )


def test_a_holiday_period_is_its_week_not_the_holiday():
    # H1N1_bbc, a page of 27 April 2009: the people came back during the school holidays, not on Easter Sunday.
    text = "A lot of people have come back from Mexico over the Easter holidays and there will be more cases."
    assert values(text, dt.date(2009, 4, 27))["Easter holidays"] == "2009-W15"
    assert (
        values("Shops were busy over the Christmas break.", dt.date(2010, 1, 5))["Christmas break"]
        == "2009-W52"
    )
    assert (
        values("Congress returns from its Easter recess.", dt.date(2011, 5, 1))["Easter recess"] == "2011-W16"
    )
    assert values("He left the city on Easter Sunday.", dt.date(2011, 5, 1))["Easter Sunday"] == "2011-04-24"


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        # A weekday's part of the day is a TIME of that day (TimeML), not the bare day.
        ("Clinton won the caucus Monday night.", dt.date(2016, 2, 2), [("Monday night", "TIME", "2016-02-01TNI")]),
        ("They will meet Friday morning.", dt.date(2016, 2, 2), [("Friday morning", "TIME", "2016-02-05TMO")]),
        # "The first week of March": the month's first ISO week, the one holding four of its days.
        ("Ohio votes the first week of March.", dt.date(2016, 3, 11), [("the first week of March", "DATE", "2016-W09")]),
        ("Sales picked up in the first week of January 2016.", dt.date(2016, 3, 11),
         [("the first week of January 2016", "DATE", "2016-W01")]),
        ("Talks end the last week of February 2016.", dt.date(2016, 1, 5),
         [("the last week of February 2016", "DATE", "2016-W08")]),
        # A verb across ", while" belongs to another clause: "would be satisfied ... in November" is ahead.
        ("Democrats would be satisfied with her as nominee in November, while only 49 percent of Republicans say the same.",
         dt.date(2016, 3, 16), [("November", "DATE", "2016-11")]),
        ("He said last week he had voted in November.", dt.date(2016, 3, 16),
         [("last week", "DATE", "2016-W10"), ("November", "DATE", "2015-11")]),
        # Units with no count before "ago", and "-long" durations.
        ("Trump attacked her weeks ago.", dt.date(2016, 5, 24), [("weeks ago", "DATE", "PAST_REF")]),
        ("Trump attacked her three weeks ago.", dt.date(2016, 5, 24), [("three weeks ago", "DATE", "2016-W18")]),
        ("It ended a months-long siege and a decades-long feud.", dt.date(2011, 6, 30),
         [("months-long", "DURATION", "PXM"), ("decades-long", "DURATION", "PXY")]),
    ],
)  # fmt: skip
def test_recent_news_conventions(text, anchor, expected):
    assert [(t.text, t.type, t.value) for t in tag(text, anchor)] == expected


def test_a_four_digit_number_is_a_year_only_with_year_evidence():
    anchor = dt.date(2010, 6, 1)
    # counts of things and model years are no years
    for text in (
        "The Army sought 2000 volunteers, but one historian estimates 10,000 answered the call.",
        "About 1500 Americans died in the fighting.",
        "Police deployed 2000 officers to the square.",
        "They said his black 2008 Porsche 911 Carrera was missing from the home.",
        "A 2007 Toyota Camry was found near the border.",
    ):
        assert [t.text for t in tag(text, anchor) if t.value and t.value[:2] in ("19", "20")] == [], text
    # a word that says year keeps it one, and so does a noun a year names the period of
    for text, year in (
        ("In 2008 volunteers joined the search.", "2008"),
        ("The 2008 elections were close.", "2008"),
        ("By 2010 officials expect the plant to be built.", "2010"),
        ("Its 2009 results were weak.", "2009"),
        ("The company reported 1998 earnings of $5 a share.", "1998"),
        ("A 2005 report said the dam was unsafe.", "2005"),
        ("2009 was a bad year for the company.", "2009"),
    ):
        assert values(text, anchor).get(year) == year, text


def test_usa_today_and_the_today_programme_are_no_days():
    anchor = dt.date(2017, 10, 27)
    assert values("Holtzman told USA TODAY he was on a phone call.", anchor) == {}
    assert values("He said on the Today programme that it worked.", anchor) == {}
    assert values("He said on the radio today that it worked.", anchor) == {"today": "2017-10-27"}
    assert values("Today, officials said more cases were found.", anchor) == {"Today": "2017-10-27"}


def test_a_day_month_of_a_past_event_is_not_after_the_article():
    # a past event's day after the article is last year's; a plan made in the past may still be ahead
    assert values("Jackson died at his Los Angeles home on 25 June aged 50.", dt.date(2010, 2, 5)) == {
        "25 June": "2009-06-25"
    }
    assert values(
        "The doctor gave him drugs, which resulted in the popstar's death on 25 June.", dt.date(2010, 6, 14)
    ) == {"25 June": "2009-06-25"}
    assert values(
        "He stopped a tribute show in Rome, which had been scheduled for 25 June.", dt.date(2010, 6, 16)
    ) == {"25 June": "2010-06-25"}
    assert values("Officials said the vote would be held on 25 June.", dt.date(2010, 6, 14)) == {
        "25 June": "2010-06-25"
    }
    assert values("The offer was extended to Nov. 20, the company said.", dt.date(1989, 11, 2)) == {
        "Nov. 20": "1989-11-20"
    }


def test_an_anniversary_that_names_an_earlier_year_leaves_the_day_month_unresolved():
    text = "The singer died in June 2009. Fans gathered at his grave. Jackson died at his home on 25 June."
    assert values(text, dt.date(2010, 6, 25))["25 June"] is None
    # far from the day (not an anniversary), or with no earlier year near, the day is placed as before
    text = "Iran signed a cease-fire in August 1988. It condemned Iraq's invasion of Kuwait on Aug. 2."
    assert values(text, dt.date(1990, 8, 15))["Aug. 2"] == "1990-08-02"
    assert values("Jackson died at his home on 25 June.", dt.date(2010, 6, 26))["25 June"] == "2010-06-25"


def test_a_number_that_names_a_work_is_no_year_anywhere_in_its_text():
    text = (
        "Users compared it with George Orwell's dystopian fiction 1984. "
        "It bears similarities to the telescreens used in 1984, as an activist pointed out."
    )
    assert values(text, dt.date(2015, 2, 10)) == {}
    assert values('He read "1984" at school.', dt.date(2015, 2, 10)) == {}
    assert values("Prince released the album 1999 in 1982.", dt.date(2015, 2, 10)) == {"1982": "1982"}
    assert values("Spacey tried to seduce him at his apartment in 1984.", dt.date(2017, 11, 1)) == {
        "1984": "1984"
    }
