import dataclasses
import datetime as dt
import json

import pytest

from storyline.annotate.sentences import annotate_fast, split_sentences
from storyline.annotate.timex import Point, point_of_value, tag_article
from storyline.cli.main import main
from storyline.model import Article
from storyline.present.timeline import date_label, render_markdown, render_text, timeline_json
from storyline.timeline.build import build_timeline, date_sentences

from .conftest import SAMPLES

WEDNESDAY = dt.date(2011, 8, 17)


def fresh(article: Article, **changes) -> Article:
    """A copy whose time expressions are tagged again (with the changed date): annotation, not the
    timeline, fills them."""
    return tag_article(dataclasses.replace(article, timexes=[], **changes))


@pytest.fixture(scope="module")
def dated_samples(samples_by_file):
    """The five samples, the two whose text states no date given the date of their events (as a user would)."""
    articles = dict(samples_by_file)
    for key in ("000", "004"):
        articles[key] = fresh(
            articles[key], published=WEDNESDAY, published_estimated=False, published_provenance="user"
        )
    return articles


def entry_of(timeline, date):
    matches = [e for e in timeline.entries if e.date == date]
    assert matches, f"no entry {date} in {[e.date for e in timeline.entries]}"
    return matches[0]


def test_every_sentence_is_verbatim_and_cited(dated_samples):
    by_id = {a.id: a for a in dated_samples.values()}
    timeline = build_timeline(list(dated_samples.values()), per_date=2)
    assert timeline.entries
    for entry in timeline.entries:
        for sentence in entry.sentences:
            assert sentence.citations
            for citation in sentence.citations:
                cited = by_id[citation.article].text[citation.start : citation.end]
                assert cited.strip() and citation.outlet == by_id[citation.article].outlet
            first = sentence.citations[0]
            assert by_id[first.article].text[first.start : first.end] == sentence.text


def test_events_are_put_on_the_date_the_text_supports(dated_samples):
    timeline = build_timeline(list(dated_samples.values()), dates=30, per_date=3)
    # "Obama first called on Assad to resign in August 2011" is dated August 2011, but the story dates days
    # in that month, so the month is no entry of its own (issue 15: nothing coarser where finer exists).
    assert not [e for e in timeline.entries if e.date == "2011-08"]
    months = build_timeline(list(dated_samples.values()), dates=30, per_date=3, granularities=("month",))
    august = entry_of(months, "2011-08")
    assert august.granularity == "month"
    obama = [s for s in august.sentences if "first called on Assad to resign in August 2011" in s.text]
    assert obama and obama[0].dated_by == "August 2011"
    thursday = entry_of(timeline, "2011-08-18")
    assert thursday.granularity == "day"
    texts = " ".join(s.text for s in thursday.sentences)
    assert "Thursday" in texts
    starts = [point_of_value(e.date).start for e in timeline.entries]
    assert starts == sorted(starts)


def test_nothing_undated_is_shown_as_dated(samples_by_file):
    cnn = fresh(samples_by_file["000"], published=None)
    free_beacon = fresh(samples_by_file["003"], published=None)
    timeline = build_timeline([cnn, free_beacon], dates=30, per_date=3)
    cited = {c.article for e in timeline.entries for s in e.sentences for c in s.citations}
    # The CNN story states no date and names none absolutely: it cannot place anything.
    assert cnn.id not in cited
    assert [
        e.date
        for e in timeline.entries
        if free_beacon.id in {c.article for s in e.sentences for c in s.citations}
    ]
    assert all(e.date in ("2011-06", "2011-08") for e in timeline.entries)


def test_the_same_event_from_two_outlets_is_one_entry_citing_both(samples_by_file):
    original = fresh(samples_by_file["001"], outlet="VOA")
    copy = dataclasses.replace(original, id="copy", outlet="Other Outlet")
    timeline = build_timeline([original, copy], dates=5, per_date=1)
    shared = [s for e in timeline.entries for s in e.sentences if len(s.citations) == 2]
    assert shared, "the shared sentence should be merged into one entry with both citations"
    assert all({c.article for c in s.citations} == {original.id, "copy"} for s in shared)
    assert all(s.independent_outlets == 2 for s in shared)
    wire = dataclasses.replace(copy, duplicate_of=original.id, outlet=None)
    merged = build_timeline([original, wire], dates=5, per_date=1)
    assert all(s.independent_outlets == 1 for e in merged.entries for s in e.sentences)


def test_dates_per_date_and_range_limit_the_timeline(dated_samples):
    articles = list(dated_samples.values())
    two = build_timeline(articles, dates=2, per_date=1)
    assert len(two.entries) == 2 and all(len(e.sentences) == 1 for e in two.entries)
    start, end = dt.date(2011, 8, 10), dt.date(2011, 8, 31)
    ranged = build_timeline(articles, dates=20, start=start, end=end)
    assert ranged.entries
    allowed = {a.id for a in articles if a.published is None or start <= a.published <= end}
    for entry in ranged.entries:
        assert "2011-08-10" <= entry.date <= "2011-08-31"
        assert all(c.article in allowed for s in entry.sentences for c in s.citations)


def test_split_sentences_keeps_abbreviations_and_line_breaks():
    text = "Mr. Smith met U.S. officials on Aug. 18. They agreed.\nA new line"
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Mr. Smith met U.S. officials on Aug. 18.",
        "They agreed.",
        "A new line",
    ]


def test_a_sentence_without_a_date_belongs_to_the_publication_day_never_the_day_before():
    article = annotate_fast(
        Article(
            id="a",
            source="s",
            text="Rebels took the town of Zawiya after heavy fighting overnight.\n"
            "Officials say the United States will call on Assad to step down on Thursday.",
            published=WEDNESDAY,
            published_provenance="user",
        )
    )
    dated = date_sentences(article, ("day",))
    by_text = {d.text.split()[0]: d for d in dated}
    assert len(dated) == 2
    assert by_text["Rebels"].point.value == "2011-08-17" and not by_text["Rebels"].mentioned
    assert by_text["Officials"].point.value == "2011-08-18" and by_text["Officials"].evidence == "Thursday"


def test_timeline_puts_undated_leads_on_their_article_day(samples_by_file):
    cnn = fresh(samples_by_file["000"], published=WEDNESDAY, published_estimated=False)
    timeline = build_timeline([cnn], dates=30, per_date=5, granularities=("day",))
    undated = [
        (entry.date, sentence.text)
        for entry in timeline.entries
        for sentence in entry.sentences
        if sentence.dated_by == "published 2011-08-17"
    ]
    assert undated
    assert all(date == "2011-08-17" for date, _ in undated), undated


def test_dates_are_ranked_by_standardized_counts():
    from storyline.timeline.build import DateStats, rank_dates, standardized_features

    big, small = Point("day", dt.date(2011, 8, 18)), Point("day", dt.date(2011, 8, 19))
    stats = {
        big: DateStats(big, mention_sentences=12, mention_articles={str(i) for i in range(9)}),
        small: DateStats(small, mention_sentences=1, mention_articles={"x"}),
    }
    scaled = standardized_features(stats)
    assert scaled[big]["mention_articles"] == pytest.approx(1.0)
    assert scaled[small]["mention_articles"] == pytest.approx(-1.0)
    assert rank_dates(stats) == [big, small]
    assert rank_dates(stats, {"mention_articles": -1.0}) == [small, big]


def test_a_dates_salience_counts_every_sentence_that_names_it():
    """A date's rank counts every sentence that names it first, not only those a timeline could show: a
    short line ("Thursday: vote.") or a date in a clause below the main one are mentions too (issue 15,
    tenth session); the candidate dates stay those a showable sentence is dated to."""
    from storyline.timeline.build import date_statistics, sentence_mentions

    text = (
        "Lawmakers voted on the bill on Thursday after a long debate in the chamber. "
        "Thursday: vote. "
        "Officials who met on Thursday said the result surprised nobody in the capital. "
        "A new poll was published in a newspaper on Friday about the debate."
    )
    friday = WEDNESDAY + dt.timedelta(days=2)
    article = annotate_fast(Article(id="a", source="a.txt", text=text, published=friday))
    ahead = "The vote on August 18 will be close, the paper said on its front page."
    earlier = annotate_fast(
        Article(id="b", source="b.txt", text=ahead, published=WEDNESDAY - dt.timedelta(days=1))
    )
    thursday = Point("day", dt.date(2011, 8, 18))
    assert [point for _, point in sentence_mentions(article)].count(thursday) == 3
    dated = [d for a in (article, earlier) for d in date_sentences(a, ("day",))]
    assert sum(d.point == thursday and d.mentioned for d in dated) < 4  # fewer are showable
    stats = date_statistics(dated, [article, earlier])
    assert stats[thursday].mention_sentences == 4
    assert stats[thursday].mention_articles == {"a", "b"}
    assert stats[thursday].mentions_before == 3 and stats[thursday].mentions_after == 1


def test_a_week_named_for_an_event_the_story_dates_to_a_day_counts_for_that_day():
    """ "Last week the WHO declared a global flu pandemic" (H1N1_bbc, the week after 11 June 2009) counts as a
    mention of the day of that week whose sentences tell the same event, not of the week's busiest day, and a
    week named for nothing the story dates counts for no day (issue 15, sixteenth session)."""
    from storyline.timeline.build import date_statistics

    thursday, monday = dt.date(2009, 6, 11), dt.date(2009, 6, 8)
    texts = {
        "a": (
            "The World Health Organization declared a global flu pandemic on Thursday in Geneva.",
            thursday,
        ),
        "b": ("Schools in Mexico City reopened on Monday after the outbreak of the flu.", monday),
        "c": ("Hospitals in Mexico City treated more flu patients on Monday than on any day.", monday),
        "d": (
            "Last week the World Health Organization declared a global flu pandemic.",
            dt.date(2009, 6, 17),
        ),
        "e": ("Last week a ship sailed from Valparaiso with copper for the mills.", dt.date(2009, 6, 17)),
    }
    articles = [
        annotate_fast(Article(id=key, source=f"{key}.txt", text=text, published=day))
        for key, (text, day) in texts.items()
    ]
    dated = [d for a in articles for d in date_sentences(a, ("day",))]
    stats = date_statistics(dated, articles)
    declared, reopened = Point("day", thursday), Point("day", monday)
    assert stats[declared].mention_articles == {"a", "d"}
    assert stats[declared].mentions_before == 1
    assert stats[reopened].mention_articles == {"b", "c"}


def test_renderers_escape_and_label(dated_samples):
    timeline = build_timeline(list(dated_samples.values()), dates=5)
    text = render_text(timeline)
    assert timeline.entries[0].date in text and "chars" in text
    data = timeline_json(timeline)
    assert set(data) == {"timeline", "undated", "undated_more"}
    assert {"date", "granularity", "label", "sentences"} <= set(data["timeline"][0])
    assert {"text", "citations", "independent_outlets"} <= set(data["timeline"][0]["sentences"][0])
    hostile = dataclasses.replace(timeline.entries[0].sentences[0], text="<script>alert(1)</script> *bold*")
    entry = dataclasses.replace(timeline.entries[0], sentences=[hostile])
    markdown = render_markdown(dataclasses.replace(timeline, entries=[entry]))
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown and "\\*bold\\*" in markdown
    months = build_timeline(list(dated_samples.values()), dates=30, granularities=("month",))
    assert date_label(entry_of(months, "2011-08")) == "August 2011"


def test_cli_timeline_json(capsys):
    status = main(
        [
            "timeline",
            str(SAMPLES / "000_c1571f36e716054d.txt"),
            "--fast",
            "--json",
            "-q",
            "--published",
            "2011-08-17",
        ]
    )
    assert status == 0
    data = json.loads(capsys.readouterr().out)
    dates = [e["date"] for e in data["timeline"]]
    assert "2011-08-18" in dates
    for entry in data["timeline"]:
        for sentence in entry["sentences"]:
            assert sentence["citations"][0]["published"] == "2011-08-17"


def test_cli_rejects_a_bad_range(capsys):
    assert main(["timeline", str(SAMPLES), "--start", "2012-01-01", "--end", "2011-01-01"]) == 2
    assert "after --end" in capsys.readouterr().err


def chronology_articles():
    """A chronology line written weeks later, and the day's own report of the same event."""
    later = Article(
        id="later",
        source="later",
        text="March 19 - The first air strikes halt the advance of Gaddafi 's forces on Benghazi and target "
        "Libya 's air defences .",
        published=dt.date(2011, 5, 2),
        published_provenance="user",
    )
    same_day = Article(
        id="same",
        source="same",
        text="BENGHAZI | Sat Mar 19 , 2011 6:36 pm EDT BENGHAZI -LRB- Reuters -RRB- - The first air strikes "
        "halted the advance of Gaddafi 's forces on Benghazi on March 19 , officials said .",
        published=dt.date(2011, 3, 19),
        published_provenance="user",
    )
    return annotate_fast(later), annotate_fast(same_day)


def test_sentence_features_see_chronology_lines_and_datelines():
    from storyline.text.tfidf import tfidf_matrix
    from storyline.timeline.build import (
        SENTENCE_FEATURES,
        date_candidates,
        sentence_features,
        story_centroid,
    )

    later, same_day = chronology_articles()
    candidates = date_sentences(later, ("day",)) + date_sentences(same_day, ("day",))
    assert [c.point.value for c in candidates] == ["2011-03-19", "2011-03-19"]
    rows = tfidf_matrix([c.text for c in candidates])
    space = date_candidates(candidates, rows)
    assert space is not None
    features = sentence_features(candidates, rows, candidates[0].point, story_centroid(rows), space)
    column = {name: i for i, name in enumerate(SENTENCE_FEATURES)}
    assert features.shape == (2, len(SENTENCE_FEATURES))
    assert list(features[:, column["date_first"]]) == [1.0, 0.0]
    assert list(features[:, column["dateline"]]) == [0.0, 1.0]
    assert list(features[:, column["published_that_day"]]) == [0.0, 1.0]
    assert features[0, column["log_days_apart"]] > features[1, column["log_days_apart"]] == 0.0


def test_sentence_weights_decide_between_two_reports_of_a_date():
    later, same_day = chronology_articles()

    def chosen(weights):
        timeline = build_timeline([later, same_day], dates=1, per_date=1, sentence_weights=weights)
        (entry,) = timeline.entries
        assert entry.date == "2011-03-19"
        return entry.sentences[0].citations[0].article

    assert chosen({"date_first": 1.0}) == "later"
    assert chosen({"dateline": 1.0}) == "same"
    assert chosen(None) == "later"  # the shipped weights prefer the chronology line to the dateline debris


def test_a_month_or_year_is_no_entry_when_the_story_dates_a_day_in_it():
    from storyline.timeline.build import finest_first

    day = Point("day", dt.date(2012, 7, 18))
    july = Point("month", dt.date(2012, 7, 1))
    year = Point("year", dt.date(2012, 1, 1))
    march_2011 = Point("month", dt.date(2011, 3, 1))
    year_2000 = Point("year", dt.date(2000, 1, 1))
    ranked = [year, july, year_2000, day, march_2011]
    # 2012 and July 2012 hold a candidate day; March 2011 and 2000 have nothing finer and stay, in order.
    assert finest_first(ranked) == [year_2000, day, march_2011]


def test_with_no_range_the_story_period_comes_before_background_years():
    from storyline.timeline.build import story_period_first

    articles = [
        Article(id=str(i), source="x", text="x", published=dt.date(2011, 8, 15 + i)) for i in range(3)
    ]
    background = Point("year", dt.date(1982, 1, 1))
    forecast = Point("day", dt.date(2014, 1, 1))
    during = Point("day", dt.date(2011, 8, 16))
    just_before = Point("day", dt.date(2011, 7, 20))  # within the margin: the event that set the story off
    ranked = [background, forecast, during, just_before]
    assert story_period_first(ranked, articles) == [during, just_before, background, forecast]


def test_with_no_number_of_dates_the_timeline_keeps_the_dates_several_articles_tell(monkeypatch):
    from storyline.timeline.build import DateStats, supported_dates

    articles = [Article(id=str(i), source="x", text="x", published=dt.date(2011, 8, 1)) for i in range(12)]
    points = [Point("day", dt.date(2011, 8, d)) for d in range(1, 25)]
    stats = {}
    for number, point in enumerate(points):
        entry = DateStats(point)
        entry.mention_articles = {str(i) for i in range(2 if number < 5 else 1)}
        stats[point] = entry
    assert supported_dates(points, stats, articles) == 5  # five dates told by two articles or more
    # a small story: one article is enough; capped by the setting timeline.dates, 20 (a journalist's timeline of
    # Timeline17 holds 33 dates on average; 15 cut every story's short)
    assert supported_dates(points, stats, articles[:3]) == 20
    assert supported_dates(points[5:9], stats, articles) == 3  # at least three when there are


def test_page_furniture_captions_and_glued_headlines_are_no_timeline_sentences():
    from storyline.ingest.clean import clean_text
    from storyline.timeline.build import glued_start, not_an_entry

    refused = {
        "— Jack Lloyd (@RedDeadLloyd) May 21, 2013": "unterminated",  # a tweet's signature
        "(Update 12:31 a.m. Tuesday in Cairo, 5:31 p.m. ET Monday)": "unterminated",
        "Update: Reuters has updated their story on the spill.": "not-news",
        "Cairo, 8:53 a.m. ET) Egyptian opposition leader Mohamed ElBaradei on Sunday called for it.": "open-bracket",
        "John Pistole testifies on Capitol Hill in Washington, Thursday, Nov. 14, 2013, before the "
        "House subcommittee. (AP Photo/Susan Walsh).": "caption",
        "How can we avoid a swine flu pandemic?": "question",
    }
    for text, reason in refused.items():
        assert not_an_entry(text) == reason, text
    for text, lead in (
        (
            "BP oil leak plug 'going as planned' The oil company BP says its attempt to plug the leak is going well.",
            "The oil company BP says",
        ),
        (
            "Eight cases of swine flu have emerged in the UK Two more people in London have been diagnosed "
            "with the swine flu virus, the Department of Health confirmed.",
            "Two more people in London",
        ),
    ):
        # the headline is given its own paragraph in cleaning, the sentence after it is an entry
        headline, sentence = clean_text(text).text.split("\n\n")
        assert not_an_entry(headline) == "unterminated" and not_an_entry(sentence) is None
        assert sentence.startswith(lead)
    for text, lead in (
        (
            "7 November 2011 Last updated at 21:40 GMT Help Michael Jackson's former personal doctor has been "
            "found guilty of involuntary manslaughter.",
            "Michael Jackson's former",
        ),
        (
            "Michael Jackson was 'murdered for money', says sister Page last updated at 08:58 GMT, Thursday, "
            "24 June 2010 09:58 UK Michael Jackson was murdered for money, according to his sister.",
            "Michael Jackson was murdered for money, according",
        ),
        (
            "Susan Watts | 18:00 UK time, Saturday, 25 April 2009 Experts are clearly extremely concerned "
            "about the new virus.",
            "Experts are clearly",
        ),
        (  # a wire dateline, with the headline, bullets and byline a scraper glued before it
            "Most banks walk away from Libyan oil trade * Deals in dollars impossible By Jessica Donati "
            "LONDON, March 8 (Reuters) - Libyan oil trade has virtually been paralysed as banks decline to pay.",
            "Libyan oil trade has",
        ),
        (
            "CAIRO (Reuters) - One of Muammar Gaddafi's sons said Libya would descend into civil war.",
            "One of",
        ),
        (  # a page's own dateline (Finan_washingtonpost's 7 October entry)
            "NASHVILLE, Oct. 7 -- On a day when the stock market took another sharp plunge, the candidates clashed.",
            "On a day when",
        ),
        (  # a photo's credit run into the sentence (bpoil_foxnews's 5 May entry), as the story summary cuts it
            "Reuters British Petroleum was able to cap the smallest of three leaks at the well on Wednesday.",
            "British Petroleum was",
        ),
    ):
        assert text[glued_start(text) :].startswith(lead), text
    assert glued_start("The rebels said (Reuters) was wrong about the town on Tuesday night.") == 0
    assert glued_start("Reuters reported that the leak was capped on Wednesday.") == 0
    for text in (
        "The World Health Organisation has raised its alert level to four.",
        "Thousands of people took to the streets of Cairo on Friday (local time).",
        '"We are ready," the minister said on Tuesday.',
        "The drama was shown on BBC Two after a power cut halted the opening night.",
    ):
        assert not_an_entry(text) is None, text


def test_background_in_a_lead_is_not_placed_on_the_publication_day():
    from storyline.timeline.build import background

    for text in (
        "The virus had spread to Spain and Germany by the end of the month.",
        "Police had found the body in a river near the town.",
        "The new strain has been circulating in pigs for years.",
        "Mexico has been under a state of alert since the outbreak began.",
    ):
        assert background(text), text
    for text in (
        "Officials said three more deaths had been confirmed in the capital.",  # reported: the day's news
        "Two more people in London have been diagnosed with the virus.",
        "The WHO has raised its alert level to five.",
        "He had a meeting with the minister about the plan.",
    ):
        assert not background(text), text
    article = annotate_fast(
        Article(
            id="b",
            source="s",
            text="Rebels took the town of Zawiya after heavy fighting overnight.\n"
            "The rebels had held the town briefly in the spring of that year.\n"
            "— Jack Lloyd (@RedDeadLloyd) May 21, 2013",
            published=WEDNESDAY,
            published_provenance="user",
        )
    )
    assert [d.text.split()[0] for d in date_sentences(article, ("day",))] == ["Rebels"]


def test_an_article_that_tells_the_day_before_has_its_undated_lead_left_out():
    from storyline.timeline.build import tells_the_day_before

    friday = dt.date(2010, 5, 28)
    thursday = Point("day", dt.date(2010, 5, 27))
    assert tells_the_day_before({0: (thursday, "yesterday"), 3: (thursday, "Thursday")}, friday)
    assert not tells_the_day_before({0: (thursday, "yesterday")}, friday)  # one mention is not enough
    assert not tells_the_day_before(
        {0: (thursday, "yesterday"), 2: (thursday, "Thursday"), 3: (Point("day", friday), "today")}
        | {5: (Point("day", friday), "this morning")},
        friday,
    )
    article = annotate_fast(
        Article(
            id="c",
            source="s",
            text="The minister resigned yesterday after the vote on the plan.\n"
            "Thousands marched in the capital against the government yesterday evening.\n"
            "The opposition called for new elections in the country soon.",
            published=friday,
            published_provenance="user",
        )
    )
    dated = date_sentences(article, ("day",))
    assert [d.text.split()[0] for d in dated] == ["The", "Thousands"]
    assert all(d.mentioned for d in dated)


def test_a_headline_glued_to_a_lead_is_cut_off_and_the_citation_follows():
    from storyline.ingest.clean import clean_text

    raw = (
        "Eight cases of swine flu have emerged in the UK Two more people in London have been diagnosed "
        "with the swine flu virus, the Department of Health confirmed."
    )
    article = annotate_fast(
        Article(
            id="d",
            source="s",
            text=clean_text(raw).text,  # cleaning gives the glued headline its own paragraph
            published=WEDNESDAY,
            published_provenance="user",
        )
    )
    (dated,) = date_sentences(article, ("day",))
    assert dated.text.startswith("Two more people") and not dated.mentioned
    assert article.text[dated.sentence.start : dated.sentence.end] == dated.text


def test_a_weekday_on_a_page_updated_over_days_dates_only_a_day_the_page_was_written_on():
    from storyline.timeline.build import page_days, weekday_off_the_page

    monday = dt.date(2011, 1, 31)
    stamped = "(Update 1:10 a.m. Tuesday in Cairo, 6:10 p.m. ET Monday) Phones were cut."
    assert page_days(stamped, monday) == {monday, dt.date(2011, 2, 1)}
    assert page_days("(Update 12:40 p.m. Cairo, 5:40 a.m. ET) Crowds grew.", monday) is None  # one day
    days = page_days(stamped, monday)
    last_tuesday = Point("day", dt.date(2011, 1, 25))
    assert weekday_off_the_page("Tuesday", last_tuesday, days)  # counted back from Monday: not on the page
    assert not weekday_off_the_page("Tuesday", Point("day", dt.date(2011, 2, 1)), days)
    assert not weekday_off_the_page("January 25", last_tuesday, days)  # a calendar date is no weekday's
    assert not weekday_off_the_page("Tuesday", last_tuesday, None)  # a page of one day: counted as before
    article = annotate_fast(
        Article(
            id="w",
            source="s",
            text="Egypt braced for a march of millions in anti-government protests Tuesday, officials said.\n"
            "(Update 1:10 a.m. Tuesday in Cairo, 6:10 p.m. ET Monday)\n"
            "The army said on Monday that it would not fire on the protesters in the square.",
            published=monday,
            published_provenance="user",
        )
    )
    dated = date_sentences(article, ("day",))
    assert [d.text.split()[0] for d in dated] == ["The"]  # the Tuesday march is no entry of 25 January
    assert dated[0].point == Point("day", monday)


def test_a_chronologys_line_keeps_the_date_that_heads_it():
    from storyline.ingest.clean import clean_text

    article = annotate_fast(
        Article(
            id="t",
            source="s",
            text=clean_text(  # cleaning cuts the glued headline off before the date that heads the line
                "Trial timeline.\n"
                "Dr Murray appears in court in Los Angeles 25 January 2011 The doctor officially enters a plea of "
                "not guilty.\n"
                "25 July 2011 Rehearsal footage from Michael Jackson's This Is It tour can not be used as evidence, "
                "the judge rules."
            ).text,
            published=dt.date(2011, 11, 7),
            published_provenance="user",
        )
    )
    dated = {d.text: d.point.start for d in date_sentences(article, ("day",))}
    assert dated == {
        "25 January 2011 The doctor officially enters a plea of not guilty.": dt.date(2011, 1, 25),
        "25 July 2011 Rehearsal footage from Michael Jackson's This Is It tour can not be used as evidence, "
        "the judge rules.": dt.date(2011, 7, 25),
    }


def test_the_end_of_a_split_update_stamp_is_cut_and_a_relative_clauses_past_perfect_is_no_background():
    from storyline.timeline.build import background, glued_start

    text = "ET) Egyptians on Saturday cleared burned cars and debris from Tahrir Square."
    assert text[glued_start(text) :].startswith("Egyptians on Saturday")
    text = "ET) - Egypt's parliament is dissolved, the ruling council said in a statement Sunday."
    assert text[glued_start(text) :].startswith("Egypt's parliament")
    assert glued_start("He left (for good) and the crowd cheered him on the way out.") == 0
    assert not background("In Spain, a young man who had recently returned from Mexico was found to have it.")
    assert background("The virus had spread to five countries by then.")


def test_a_scene_set_in_a_year_teasers_and_a_state_already_reached_are_no_entries():
    from storyline.timeline.build import background

    assert not_an_entry_of("It was 1990, and Ross was a top bankruptcy negotiator in New York.") == "scene"
    assert (
        not_an_entry_of("Live blog: WHO raises its alert level as Mexico shuts down for five days.")
        == "not-news"
    )
    assert (
        not_an_entry_of("Tune in to CNN tonight at 8 ET for the latest from Libya and the region.")
        == "not-news"
    )
    assert not_an_entry_of("It was 1990 when the treaty was first signed by both sides.") is None  # a cleft
    assert not_an_entry_of("Watching the crowd, he said it was time for the president to go.") is None
    assert background("Libya's oil trade has already been choked off by the sanctions.")


def not_an_entry_of(text: str) -> str | None:
    from storyline.timeline.build import not_an_entry

    return not_an_entry(text)


def test_a_live_pages_clock_stamp_is_cut_and_a_bare_attribution_is_no_entry():
    from storyline.timeline.build import glued_start

    for text, lead in (
        (
            "LIBYA, 7:33 p.m. ET, 2:33 a.m. local: Here is more on Gadhafi's appearance on state TV.",
            "Here is",
        ),
        ("local: Here is more on Libyan leader Moammar Gadhafi's appearance on state TV.", "Here is"),
        (
            "(7:03 p.m. Monday ET, 1:03 a.m. Tuesday in Libya) Pro-Gadhafi forces say they hold Misrata.",
            "Pro-",
        ),
        ("ZIMBABWE, 9:45 p.m. ET: The opposition leader was arrested at his home in Harare.", "The opp"),
    ):
        assert text[glued_start(text) :].startswith(lead), text
    assert glued_start("At 7:30 p.m. the rebels entered the town and raised their flag over it.") == 0
    bare = "Moussa Ibrahim, a Libyan government spokesman, told reporters in Tripoli Sunday."
    assert not_an_entry_of(bare) == "attribution"
    assert not_an_entry_of("Officials said on Tuesday.") == "attribution"
    for text in (
        "Moussa Ibrahim told reporters in Tripoli that the rebels had been pushed back.",
        "Gadhafi said in a speech that he will stay in Libya to the end.",
        "The plan is working, Obama told reporters on Sunday.",
        "Rebels said they advanced on the town of Brega on Monday.",
    ):
        assert not_an_entry_of(text) is None, text


def test_an_in_article_chronology_places_no_undated_line_on_the_publication_day():
    sunday = dt.date(2011, 2, 20)
    article = annotate_fast(
        Article(
            id="k",
            source="s",
            text="Security forces fired on mourners in Benghazi, killing at least a dozen people, witnesses said.\n"
            "Here's a timeline of events: Three days after the fall of Hosni Mubarak, calls go out on Facebook "
            "for protests in Libya.\n"
            "Seven people are killed in clashes between security forces and protesters, according to medical "
            "sources.",
            published=sunday,
            published_provenance="user",
        )
    )
    dated = date_sentences(article, ("day",))
    assert [d.text.split()[0] for d in dated] == ["Security"]
    assert dated[0].point == Point("day", sunday)
    listed = annotate_fast(
        Article(
            id="l",
            source="s",
            text="The oil company said on Sunday that the relief well was nearly finished.\n"
            "April 20, 2010 - Explosion and fire on the drilling rig in the Gulf of Mexico.\n"
            "April 22, 2010 - The rig sinks in the Gulf of Mexico after burning for two days.\n"
            "Eleven workers are missing and presumed dead after the blast on the rig.",
            published=dt.date(2010, 8, 3),
            published_provenance="user",
        )
    )
    texts = {d.text.split()[0]: d.point.start for d in date_sentences(listed, ("day",))}
    assert "Eleven" not in texts  # a chronology's undated line is not 3 August's news
    assert texts["April"] in (dt.date(2010, 4, 20), dt.date(2010, 4, 22))


def test_a_page_of_an_earlier_days_updates_dates_its_clock_times_to_that_day():
    from storyline.timeline.build import days_told

    friday = dt.date(2010, 5, 28)
    article = annotate_fast(
        Article(
            id="u",
            source="s",
            text="All Thursday's live updates as they happened BP began pumping mud into the well on the "
            "seabed overnight.\n"
            "5.15 pm CDT: The Associated Press is confirming that BP has suspended top kill operations for the "
            "time being.\n",
            published=friday,
            published_provenance="user",
        )
    )
    assert days_told(article, friday) == 1
    dated = date_sentences(article, ("day",))
    assert dated and all(d.point == Point("day", dt.date(2010, 5, 27)) for d in dated), [
        (d.text, d.point) for d in dated
    ]
    assert {d.evidence for d in dated if not d.mentioned} <= {
        "published 2010-05-28, a page of Thursday's news"
    }
    same_day = dataclasses.replace(article, published=dt.date(2010, 5, 27))
    assert days_told(same_day, dt.date(2010, 5, 27)) == 0


def test_a_pointer_and_a_byline_are_no_entries():
    assert (
        not_an_entry_of("Here is more on Libyan leader Moammar Gadhafi's appearance on state TV.")
        == "pointer"
    )
    assert not_an_entry_of("Here's what it looked like moments after the announcement.") == "pointer"
    assert (
        not_an_entry_of("Here's what the government has done so far: Noor Group has been shut down.") is None
    )
    for text in (
        '"We will not give up the fight for the city.',
        'He said "we will fight" and left the room on Monday.',
        "Jones' car was seen on the road near the 'safe' house.",
        "He said it's the best day the company has had this year.",
    ):
        assert not_an_entry_of(text) is None, text
    from storyline.timeline.build import glued_start

    for text, lead in (
        (
            "By Pam Benson, CNN National Security Producer Khamis Gadhafi was seen on live state TV Monday.",
            "Khamis",
        ),
        ("By Ivan Watson and Jomana Karadsheh, CNN NATO accused the regime of shelling the port.", "NATO"),
        ("By the end of the day the rebels had taken the town of Brega again.", "By the"),
    ):
        assert text[glued_start(text) :].startswith(lead), text


def test_an_article_far_from_the_story_gives_no_entry():
    from storyline.timeline.build import off_story

    day = dt.date(2009, 5, 6)
    story = [
        annotate_fast(
            Article(
                id=f"s{i}",
                source="s",
                text=f"Swine flu cases rose to {10 + i} in Mexico as the World Health Organization raised its "
                f"pandemic alert, health officials said on Tuesday.\nThe H1N1 virus spread to {i + 2} more "
                "countries.",
                published=day,
                published_provenance="user",
            )
        )
        for i in range(24)
    ]
    idioms = annotate_fast(
        Article(
            id="idioms",
            source="s",
            text="A bolt from the blue Once in a blue moon Until you are blue in the face.\n"
            "On Tuesday my best friend told me that he was getting married, a real bolt from the blue.\n"
            "Send me a sentence using one or more of these idioms and I will put my favourites on this page.",
            published=day,
            published_provenance="user",
        )
    )
    assert off_story([*story, idioms]) == {"idioms"}
    assert off_story([*story[:5], idioms]) == set()  # a small story: the median says little
    timeline = build_timeline([*story, idioms], dates=3, per_date=3)
    cited = {c.article for e in timeline.entries for s in e.sentences for c in s.citations}
    assert cited and "idioms" not in cited
    assert any(d.mentioned for d in date_sentences(idioms, ("day",)))  # a candidate the filter keeps out


def test_a_headline_with_a_topic_label_on_the_first_line_is_no_entry():
    """Audit rounds 7 and 8 (bpoil_guardian 361): a Guardian page's headline and deck, "BP oil spill: 'I'd like my
    life back' BP chief executive Tony Hayward under fire for ...", was an entry on the publication day."""
    from storyline.timeline.build import headline_line

    day = dt.date(2010, 6, 1)
    article = annotate_fast(
        Article(
            id="g",
            source="s",
            text="BP oil spill: 'I'd like my life back' BP chief executive Tony Hayward under fire for comments "
            "on the leak.\n"
            "BP's chief executive apologised on Tuesday for saying he would like his life back.",
            published=day,
            published_provenance="user",
        )
    )
    dated = date_sentences(article, ("day",))
    assert [d.text.split()[0] for d in dated] == ["BP's"]
    for text in (
        "Swine flu: fears of pandemic rise as Mexico death toll reaches 80 in a week.",
        "Official: U.S., Egypt talk ways to move political transition forward.",
        "Nicola Sturgeon: 'The patients in question are undergoing further tests.'",
    ):
        assert headline_line(text), text
    for text in (
        "Obama said: 'We will make BP pay for the damage it has done.'",
        "July 13: Oil emerges from a cap placed on the broken wellhead in the Gulf.",
        "Rebels took the town on Monday, and the government said it would respond.",
        "In a statement, the ministry said the talks would resume next week.",
        "The good news for BP: it will probably be able to write off some of the fund from its taxes.",
    ):
        assert not headline_line(text), text


def test_a_headlines_own_date_still_counts_but_the_headline_is_no_entry():
    article = annotate_fast(
        Article(
            id="h",
            source="s",
            text="Swine flu: WHO raises its alert on 29 April as cases spread across Europe and Asia.\n"
            "The World Health Organization raised its pandemic alert to phase five on Wednesday, 29 April.",
            published=dt.date(2009, 4, 30),
            published_provenance="user",
        )
    )
    dated = date_sentences(article, ("day",))
    assert [(d.text.split()[0], d.entry) for d in dated] == [("Swine", False), ("The", True)]
    timeline = build_timeline([article], dates=3)
    texts = [s.text for e in timeline.entries for s in e.sentences]
    assert texts and all(not t.startswith("Swine flu:") for t in texts)


def test_the_rest_of_a_sentence_a_line_break_cut_is_no_entry():
    """A sentence opening on a word in lower case is the rest of one a line break cut inside a quote ("Thousands ...
    roared, "Get out!" || in Cairo's Tahrir Square as ...") or a reader's comment: no entry. A name written in lower
    case first ("eBay", "iPhone") is no fragment."""
    from storyline.timeline.build import not_an_entry

    assert (
        not_an_entry("in Cairo's Tahrir Square as the president said late Thursday he was delegating power.")
        == "fragment"
    )
    assert not_an_entry("they then target the rich with poisonous stories.") == "fragment"
    assert not_an_entry("eBay said on Monday it would sell the unit to a rival.") is None
    assert not_an_entry("The army said on Friday it would not fire on the crowds.") is None


def test_a_definition_or_a_fact_box_in_a_lead_is_not_placed_on_the_publication_day():
    from storyline.timeline.build import background

    for text in (
        "Swine flu is a respiratory disease thought to spread through coughing and sneezing Symptoms mimic those "
        "of normal flu - but in Mexico more than 100 people have died.",  # a fact box's glued lines
        "Suleiman is a former general and head of military intelligence.",
        "It is a very tense situation on this the 8th day.",
    ):
        assert background(text), text
    for text in (
        '"This is a dark day for Egypt and a dark day for journalism," CPJ director Joel Simon said.',  # reported
        "A public health emergency has been declared in the US.",
        "Mexico is to reopen its schools and museums on Thursday.",
    ):
        assert not background(text), text


def test_a_sentence_that_says_nothing_of_the_story_is_no_entry_even_in_an_on_story_article():
    day = dt.date(2009, 5, 5)
    story = [
        annotate_fast(
            Article(
                id=f"s{i}",
                source="s",
                text=f"Swine flu cases rose to {10 + i} in Mexico as the World Health Organization raised its "
                f"pandemic alert, health officials said on Tuesday.\nThe H1N1 virus spread to {i + 2} more "
                "countries, health officials said.",
                published=day,
                published_provenance="user",
            )
        )
        for i in range(12)  # under OFF_STORY_ARTICLES: no article is set aside as off the story
    ]
    boxer = annotate_fast(
        Article(
            id="boxer",
            source="s",
            text="Swine flu cases rose in Mexico as the World Health Organization raised its pandemic alert, and the "
            "Philippines asked its boxer to delay his return from the US, health officials said.\nManny Pacquiao was scheduled to return home on Friday, after his "
            "knockout victory against Ricky Hatton in Las Vegas at the weekend.",
            published=dt.date(2009, 5, 6),
            published_provenance="user",
        )
    )
    (friday,) = [d for d in date_sentences(boxer, ("day",)) if d.mentioned]
    assert friday.point == Point("day", dt.date(2009, 5, 8))  # a candidate date, told by that sentence alone
    timeline = build_timeline([*story, boxer], dates=3)
    texts = [s.text for e in timeline.entries for s in e.sentences]
    assert texts and not any("knockout" in text for text in texts), texts
    assert "2009-05-05" in [e.date for e in timeline.entries]


def test_a_sentence_that_tells_again_an_earlier_dates_entry_is_no_entry_of_a_later_date():
    """Issue 15 part 9: MJ_bbc's "Live coverage of the trial of Michael Jackson's personal physician ..." was the entry
    of 28 and again of 29 September 2011. A candidate close to a sentence shown for an earlier date (``RETOLD``) is
    not shown; one shown for a later date does not count (the verdict told again on the next day stays its day's)."""
    from storyline.text.tfidf import tfidf_matrix
    from storyline.timeline.build import retold

    matrix = tfidf_matrix(
        [
            "Live coverage of the trial of Michael Jackson's personal physician, Conrad Murray, in Los Angeles.",
            "Live coverage of the trial of Michael Jackson's personal physician, Dr Conrad Murray.",
            "Jackson's personal assistant described a frantic call from the doctor on the day he died.",
        ]
    )
    assert list(retold(matrix[[1, 2]], matrix[[0]])) == [True, False]
    assert list(retold(matrix[[1, 2]], matrix[[]])) == [False, False]  # nothing shown for an earlier date
    article = annotate_fast(
        Article(
            id="t",
            source="s",
            text="Live coverage of the trial of Michael Jackson's personal physician, Conrad Murray, on Tuesday.\n"
            "Live coverage of the trial of Michael Jackson's personal physician, Conrad Murray, on Wednesday.\n"
            "The jury heard on Wednesday a recording of Jackson's slurred voice made weeks before he died.",
            published=dt.date(2011, 9, 29),
            published_provenance="user",
        )
    )
    timeline = build_timeline([article], dates=2)
    texts = {e.date: [s.text for s in e.sentences] for e in timeline.entries}
    assert texts["2011-09-27"][0].endswith("on Tuesday.")
    assert texts["2011-09-28"] == [
        "The jury heard on Wednesday a recording of Jackson's slurred voice made weeks before he died."
    ]
