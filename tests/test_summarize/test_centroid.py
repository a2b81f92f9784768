from storyline.summarize.centroid import centroid
from storyline.summarize.features import vectorize

from .pools import HUB, ON_TOPIC, central_pool


def test_takes_the_sentence_that_gathers_the_story_first_and_only_story_sentences():
    pool = central_pool()
    texts = [c.text for c in pool.candidates]
    assert texts.index(HUB) > 0
    chosen = centroid(pool, vectorize(pool), words=45)
    assert texts[chosen[0]] == HUB
    assert len(chosen) >= 2 and {texts[i] for i in chosen} <= ON_TOPIC
    assert len(set(chosen)) == len(chosen)
    assert sum(pool.candidates[i].length for i in chosen) <= 45


def test_a_budget_for_one_sentence_gives_the_hub():
    pool = central_pool()
    chosen = centroid(pool, vectorize(pool), words=17)
    assert [pool.candidates[i].text for i in chosen] == [HUB]
