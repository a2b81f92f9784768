"""Event time: the time expression that dates a sentence's main event (``annotate.timex.event_time``)."""

import datetime as dt

import pytest

from storyline.annotate.timex import event_point, tag
from storyline.annotate.timex.event_time import choose_in_text
from storyline.evaluate import event_time

from .conftest import DATA

TBAQ = DATA / "tempeval3" / "TBAQ-cleaned"


def chosen(text: str, published: dt.date, parses=None) -> str | None:
    found = [(t, p) for t in tag(text, published) if (p := event_point(t)) is not None]
    index = choose_in_text(
        text, [(t.start, t.end) for t, _ in found], [p.granularity for _, p in found], parses=parses
    )
    return None if index is None else found[index][0].text


def test_an_expression_inside_a_subordinate_clause_dates_only_that_clause():
    # The sample: a July 2012 defection is not an event of March 2011.
    text = (
        "Fares is the highest-ranking Syrian official to switch sides since the uprising against Assad began "
        "16 months ago and is one of five prominent defectors."
    )
    assert chosen(text, dt.date(2012, 7, 12)) is None


def test_a_month_naming_a_document_does_not_date_the_act():
    text = (
        "Kerry framed his refusal to say that Assad should step down as in line with the June 2011 Geneva "
        "communiqué, which was supposed to provide a roadmap for a negotiated settlement in Syria."
    )
    assert chosen(text, dt.date(2013, 5, 7)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops shelled Homs on Tuesday, activists said.",
        "Activists said Syrian troops shelled Homs on Tuesday.",
        "The army on Tuesday shelled Homs, where the uprising began in March.",
    ],
)
def test_the_main_clause_expression_dates_the_sentence(text):
    assert chosen(text, dt.date(2012, 2, 9)) == "Tuesday"


def test_a_background_clauses_year_does_not_date_an_event_of_an_unknown_week():
    """The audit's item (round 4): in an undated article, "about midnight Saturday" is the arrest's time, which
    no date resolves; the year of the relative clause ("who dropped out ... in 2007") is background and does
    not date the sentence (it did: ``2007 -- The first suspect arrested ...``). A relative clause's year still
    dates a sentence with no other expression."""
    from storyline.annotate.sentences import annotate_fast
    from storyline.model import Article
    from storyline.timeline.build import event_times

    text = (
        "The first suspect arrested, Manuel Ortega, 19, who dropped out of Richmond High in 2007, was arrested "
        "as he ran from the scene of the attack at the school about midnight Saturday, police said. "
        "The school, which opened in 2007, was closed by the police for the whole week."
    )
    article = annotate_fast(Article(id="x", source="x.txt", text=text, published=None))
    assert [(position, evidence) for position, _, evidence in event_times(article)] == [(1, "2007")]


@pytest.mark.parametrize(
    "text",
    [
        # Audit round 16 (LibyaWar_cnn): a state told in the present, the town's situation nowadays.
        "Today, Derna is very much in the opposition's hands, and residents say they feel safe.",
        "Life today is one crisis or disaster after another.",
        "Few people today know what the Fed does.",
    ],
)
def test_a_today_of_a_present_state_means_nowadays_and_dates_no_event(text):
    assert chosen(text, dt.date(2011, 3, 4)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Senate voted today on the bill.",
        "The Senate is voting today on the bill.",
        "The Senate will vote today on the bill.",
        "Today's vote in the Senate is the first since March.",
        "Doctor Murray is due in court today.",
        "There are protests today in Cairo and Alexandria.",
        "Today is a sad day for the Constitution.",
        "Today, I'm here to tell you we have our suspect.",
        "Remember that the Super Bowl is today.",
        "It's more travel misery for anybody trying to catch a flight out of Heathrow Airport, today.",
    ],
)
def test_a_today_of_an_event_a_plan_or_the_speakers_day_still_dates_it(text):
    assert chosen(text, dt.date(2011, 3, 4)) in ("today", "Today", "Today's")


def test_a_bound_is_not_the_event_time():
    assert chosen("Three doctors have been murdered since 1993.", dt.date(1998, 10, 25)) is None


def test_since_the_uprising_began_in_march_is_the_past_march():
    (timex,) = tag(
        "More than 5,400 people have been killed since the uprising began in March.", dt.date(2012, 2, 5)
    )
    assert timex.value == "2011-03"
    (timex,) = tag("Elections will be held in March.", dt.date(2012, 2, 5))
    assert timex.value == "2012-03"


def test_tlinks_are_read_with_their_direction():
    from storyline.evaluate.timex import read_timeml

    document = read_timeml(TBAQ / "TimeBank" / "ABC19980108.1830.0711.tml", "TimeBank")
    assert document.events and document.times and document.gold
    text = document.text
    for eid, tid, _relation in document.links:
        assert eid in document.events and (tid in document.times or tid == "t0")  # t0: the document's date
    # "t85 INCLUDES ei379" and "ei380 IS_INCLUDED t85": both put the event within the time.
    dating = [(tid, relation in event_time.DATING) for _eid, tid, relation in document.links]
    assert sum(tid == "t85" and within for tid, within in dating) >= 2
    assert any(not within for _tid, within in dating)  # BEFORE, AFTER, ...
    october = document.times["t89"]
    assert text[october.start : october.end] == "October" and october.value == "1997-10"
    assert october in document.gold


@pytest.mark.gate
def test_gate_event_time_on_timebank_and_aquaint_development_half():
    from storyline.annotate.nlp import load_nlp
    from storyline.evaluate.timex import split_part

    corpus = event_time.read_corpus(TBAQ)
    development = {d.name for d in split_part(corpus, "dev")}
    cases = event_time.cases([d for d in corpus if d.name in development], load_nlp())
    result = event_time.score(cases)
    # Measured (BENCHMARKS.md): first expression 0.855, main event (reported speech through) 0.925.
    timeline_rule = result["main event, reported speech through (timeline)"]
    assert result["sentences"] >= 200
    assert timeline_rule >= 0.90
    assert timeline_rule > result["first time expression (before)"]


@pytest.mark.parametrize(
    ("words", "not_month"),
    [("Fares is the highest-ranking Syrian official", "2011-03"), ("Kerry framed his refusal", "2011-06")],
)
def test_the_samples_sentences_are_not_dated_by_a_clause_or_a_name(sample_articles, words, not_month):
    from storyline.annotate.sentences import annotate_fast
    from storyline.timeline.build import date_sentences

    (article,) = [a for a in sample_articles if words in a.text]
    annotate_fast(article)  # time expressions, when the fixture's articles have none yet
    start = article.text.index(words)
    # The sentence holds an expression of that month: the first-expression rule dated it so.
    assert any(
        start <= t.start < start + 300 and (t.value or "").startswith(not_month) for t in article.timexes
    )
    dated = [
        d
        for d in date_sentences(article, ("day", "month", "year"))
        if d.sentence.start <= start < d.sentence.end
    ]
    assert all(not d.point.value.startswith(not_month) for d in dated)


def test_a_sentence_is_read_in_its_article_parse_when_one_is_given(monkeypatch):
    from storyline.annotate.nlp import load_nlp
    from storyline.annotate.timex import event_time as module
    from storyline.annotate.timex.event_time import parses_of
    from storyline.model import Article, Sentence

    first = "Syrian troops shelled Homs on Tuesday, activists said."
    second = (
        "Fares is the highest-ranking Syrian official to switch sides since the uprising against Assad "
        "began 16 months ago."
    )
    text = f"Homs under fire\n\n{first} {second}"
    doc = load_nlp()(text)
    sentences = [Sentence(s.start_char, s.end_char, i) for i, s in enumerate(doc.sents)]
    article = Article(id="a", source="s", text=text, sentences=sentences)
    published = dt.date(2012, 7, 12)

    def nothing_parsed_again(*args, **kwargs):
        raise AssertionError("a sentence at hand was parsed again")

    monkeypatch.setattr("storyline.annotate.timex.event_time.parser", nothing_parsed_again)
    monkeypatch.setattr("storyline.annotate.timex.event_time._CHOICES", {})
    parses = parses_of([article], [doc])
    assert chosen(first, published, parses) == "Tuesday"
    assert chosen(second, published, parses) is None
    assert module._CHOICES == {}  # read in the parse, not remembered as a parse of the text alone


def test_a_timeline_given_its_articles_parses_parses_no_sentence_again(monkeypatch):
    from storyline.service.corpus import build_corpus
    from storyline.timeline.build import build_timeline

    from .conftest import SAMPLES

    corpus = build_corpus([str(SAMPLES)], keep_docs=True)
    monkeypatch.setattr("storyline.annotate.timex.event_time._CHOICES", {})

    def nothing_parsed_again(*args, **kwargs):
        raise AssertionError("a sentence of the articles was parsed again")

    monkeypatch.setattr("storyline.annotate.timex.event_time.parser", nothing_parsed_again)
    timeline = build_timeline(list(corpus.articles), docs=corpus.docs)
    assert len(timeline.entries) >= 3
