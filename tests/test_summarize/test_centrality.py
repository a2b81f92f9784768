from storyline.summarize.candidates import build_pool
from storyline.summarize.centrality import centrality_method
from storyline.summarize.features import centrality, vectorize


def test_picks_the_most_central_sentence_first(sample_articles):
    pool = build_pool(sample_articles)
    vectors = vectorize(pool)
    chosen = centrality_method(pool, vectors, words=250)
    scores = centrality(vectors.similarity)
    fitting = [i for i in range(len(scores)) if pool.candidates[i].length <= 250]
    assert chosen[0] == max(fitting, key=lambda i: scores[i])
    assert sum(pool.candidates[i].length for i in chosen) <= 250
