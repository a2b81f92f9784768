from storyline.summarize.candidates import build_pool
from storyline.summarize.features import vectorize
from storyline.summarize.lead import lead


def test_round_robin_over_articles(sample_articles):
    pool = build_pool(sample_articles[:3])
    chosen = lead(pool, vectorize(pool), words=10_000)
    first_three = [pool.candidates[i].first for i in chosen[:3]]
    assert [o.article for o in first_three] == [0, 1, 2]
    ranks = {}
    for i in chosen:
        occurrence = pool.candidates[i].first
        ranks.setdefault(occurrence.article, []).append(occurrence.sentence.index)
    assert all(indices == sorted(indices) for indices in ranks.values())


def test_lead_stops_at_the_budget(sample_articles):
    pool = build_pool(sample_articles)
    chosen = lead(pool, vectorize(pool), words=50)
    assert sum(pool.candidates[i].length for i in chosen) <= 50
