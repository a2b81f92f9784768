from storyline.summarize.features import vectorize
from storyline.summarize.learned import learned, select_with
from storyline.summarize.scorer import LinearScorer, SelectionParameters

from .pools import HUB, reported_pool


def test_the_shipped_scorer_takes_the_lead_three_articles_carry():
    pool = reported_pool()
    texts = [c.text for c in pool.candidates]
    hub = texts.index(HUB)
    assert hub > 0 and len(pool.candidates[hub].occurrences) == 3
    chosen = learned(pool, vectorize(pool), words=40)
    assert texts[chosen[0]] == HUB
    assert learned(pool, vectorize(pool), words=17) == [hub]


def test_the_scorer_decides_what_is_chosen():
    pool = reported_pool()
    vectors = vectorize(pool)
    # A scorer that only likes late sentences takes an article's last sentence, not the lead.
    late = LinearScorer(
        weights={"position_relative": 1.0},
        means={},
        scales={},
        intercept=0.0,
        parameters=SelectionParameters(),
    )
    last_sentences = {a.sentence_text(a.sentences[-1]) for a in pool.articles}
    chosen = select_with(late, pool, vectors, words=17)
    assert len(chosen) == 1 and pool.candidates[chosen[0]].text in last_sentences
    assert chosen != learned(pool, vectors, words=17)
