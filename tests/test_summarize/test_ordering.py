import copy
import datetime as dt
import json

from storyline.cli.main import main
from storyline.model import TimeExpression
from storyline.summarize.candidates import build_pool
from storyline.summarize.features import vectorize
from storyline.summarize.ordering import event_day, order


def test_earlier_articles_come_first_and_each_keeps_its_order(sample_articles):
    articles = copy.deepcopy(sorted(sample_articles, key=lambda a: a.id))[:3]
    for day, article in zip([dt.date(2013, 5, 1), dt.date(2011, 8, 18), dt.date(2012, 2, 1)], articles):
        article.published = day
    pool = build_pool(articles)
    vectors = vectorize(pool)
    chosen = [i for i, c in enumerate(pool.candidates) if c.first.sentence.index < 12][::-1]
    ordered = order(pool, chosen, vectors.similarity)
    assert sorted(ordered) == sorted(chosen)
    days = [event_day(pool, pool.candidates[i]) for i in ordered]
    assert days == sorted(days)
    assert days[0] == dt.date(2011, 8, 18)
    for article in range(3):
        indices = [
            pool.candidates[i].first.sentence.index
            for i in ordered
            if pool.candidates[i].first.article == article
        ]
        assert indices == sorted(indices)


def test_a_dated_event_in_the_sentence_sets_its_day(sample_articles):
    article = copy.deepcopy(sample_articles[1])
    pool = build_pool([article])
    candidate = pool.candidates[1]
    sentence = candidate.first.sentence
    article.published = dt.date(2012, 7, 13)
    article.timexes = [
        TimeExpression(text="Thursday", start=sentence.start, end=sentence.start + 1, value="2012-07-12")
    ]
    assert event_day(pool, candidate) == dt.date(2012, 7, 12)
    # A date long before publication is history, not the event: the publication day stands.
    article.timexes[0].value = "2003-03-20"
    assert event_day(pool, candidate) == dt.date(2012, 7, 13)


def test_undated_summary_opens_with_the_sentence_highest_in_its_article(sample_articles):
    articles = copy.deepcopy(sample_articles[:2])
    for article in articles:
        article.published = None
    pool = build_pool(articles)
    vectors = vectorize(pool)
    late = [i for i, c in enumerate(pool.candidates) if c.first.sentence.index > 8][:5]
    opening = min(range(len(pool.candidates)), key=lambda i: pool.candidates[i].first.sentence.index)
    ordered = order(pool, late + [opening], vectors.similarity)
    assert ordered[0] == opening


# Two reports of one story: the later-published one tells the earlier event (Monday's vote,
# published Friday 13 July 2012); the earlier-published one a later event (Wednesday's march,
# published Thursday 12 July). By event time the vote comes first; by publication date the march.
FRESH_STORY = [
    {
        "id": "march",
        "outlet": "Gazette",
        "published": "2012-07-12",
        "title": "Protest in Homs",
        "text": "Thousands of protesters marched through the centre of Homs on Wednesday against the "
        "extended curfew.\n\nShop owners joined the march and closed their stores for the afternoon.\n\n"
        "Police watched from the side streets and made no arrests.",
    },
    {
        "id": "vote",
        "outlet": "Courier",
        "published": "2012-07-13",
        "title": "Council vote",
        "text": "The city council in Homs voted on Monday to extend the night curfew by two more weeks."
        "\n\nCouncil members said the vote on the curfew had been close.\n\n"
        "The mayor welcomed the decision in a short statement.",
    },
]
VOTE = "The city council in Homs voted on Monday"
MARCH = "Thousands of protesters marched through the centre of Homs on Wednesday"


def fresh_story(tmp_path) -> str:
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in FRESH_STORY) + "\n", encoding="utf-8")
    return str(path)


def position_of(texts: list[str], opening: str) -> int:
    return next(i for i, text in enumerate(texts) if text.startswith(opening))


def test_with_time_expressions_the_summary_tells_the_earlier_event_first(tmp_path):
    """The ordering itself: given the articles' time expressions, Monday's vote opens the summary."""
    from storyline.service.corpus import build_corpus
    from storyline.summarize import summarize

    articles = build_corpus([fresh_story(tmp_path)], sections=["summary"]).articles
    texts = [s.text for s in summarize(articles, words=200).sentences]
    assert len(texts) == 6
    assert position_of(texts, VOTE) == 0 < position_of(texts, MARCH)


def test_on_fresh_input_the_summary_tells_the_earlier_event_first(tmp_path, capsys):
    """What a user gets: `storyline summarize` on the raw files orders by event time too."""
    assert main(["summarize", fresh_story(tmp_path), "--words", "200", "--format", "json", "-q"]) == 0
    texts = [s["text"] for s in json.loads(capsys.readouterr().out)["sentences"]]
    assert len(texts) == 6
    assert position_of(texts, VOTE) == 0 < position_of(texts, MARCH)
