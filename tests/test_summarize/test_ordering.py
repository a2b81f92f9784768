import copy
import datetime as dt

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
