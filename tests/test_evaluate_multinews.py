"""``storyline evaluate multinews``: the protocol (same clusters, same budget rule) and the quality gate."""

import hashlib
import json

import pytest

from storyline.cli.main import main
from storyline.evaluate.multinews import (
    LEAD,
    LEXRANK,
    TEXTRANK,
    Cluster,
    SystemResult,
    evaluate,
    fill,
    lead_ranking,
    score,
    sumy_ranking,
)

from .conftest import DATA

DEV = DATA / "multinews" / "dev.jsonl"
# The gate's figures hold for this exact file; an edited copy must not move them silently.
DEV_SHA256 = "bcab45cf11a227909c4e41e5256eb1840e148b558104ad050e34086a97be477a"
# The held-out scorer (the summary-scorer-heldout artefact) never saw the first 30 dev clusters.
GATE_CLUSTERS = 30


def test_fill_takes_whole_sentences_in_order_while_they_fit():
    texts = ["one two three", "four five six seven", "eight", "nine ten"]
    assert fill([1, 0, 2, 3], texts, words=8) == ["four five six seven", "one two three", "eight"]
    assert fill([0], texts, words=2) == []


def test_lead_is_round_robin_over_articles():
    by_article = [["a1", "a2", "a3"], ["b1"], ["c1", "c2"]]
    flat = [t for ts in by_article for t in ts]
    assert [flat[i] for i in lead_ranking(by_article)] == ["a1", "b1", "c1", "a2", "c2", "a3"]


def test_sumy_ranking_is_sumys_own_order_without_nltk_data(sample_articles):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from storyline.evaluate.multinews import RegexWordTokenizer

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    by_article = [[a.sentence_text(s) for s in a.sentences] for a in sample_articles[:2]]
    flat = [text for texts in by_article for text in texts]
    ranking = sumy_ranking(summarizer, by_article)
    assert sorted(ranking) == list(range(len(flat)))
    tokenizer = RegexWordTokenizer()
    document = ObjectDocumentModel(
        [Paragraph([Sentence(t, tokenizer) for t in texts]) for texts in by_article]
    )
    for count in (1, 3):
        chosen = {str(sentence) for sentence in summarizer(document, count)}
        assert {flat[i].strip() for i in ranking[:count]} == chosen


def test_scores_use_rouge_score_and_longbench_metric():
    cluster = Cluster("x", [], "The storm hit the coast. Thousands lost power.")
    perfect = SystemResult("perfect", [["The storm hit the coast.", "Thousands lost power."]], [0.01])
    unrelated = SystemResult("unrelated", [["A dog was rescued from a tree by firefighters."]], [0.0])
    score([perfect, unrelated], [cluster])
    assert perfect.scores["rouge1"] == perfect.scores["rouge2"] == perfect.scores["rougeLsum"] == 100.0
    assert perfect.scores["longbench_rougeL"] == pytest.approx(100.0, abs=0.01)
    assert unrelated.scores["rouge2"] == 0.0 and unrelated.scores["rouge1"] < 20


def test_command_reports_every_system_on_the_same_clusters(capsys):
    status = main(["evaluate", "multinews", str(DEV), "--limit", "3", "--json", "--quiet"])
    assert status == 0
    report = json.loads(capsys.readouterr().out)
    assert report["clusters"] == 3
    names = [s["name"] for s in report["systems"]]
    assert names[0] == "storyline learned"
    assert {LEAD, LEXRANK, TEXTRANK, "storyline lead", "storyline centrality", "storyline centroid"} <= set(
        names
    )
    assert "trained on none of these clusters" in report["systems"][0]["note"]
    for system in report["systems"]:
        assert 0 < system["rouge2"] < system["rouge1"] < 100
        assert 0 < system["words"] <= 250
        assert system["seconds_per_cluster"] >= 0


@pytest.mark.gate
def test_gate_dev_rouge_on_clusters_the_scorer_never_saw():
    assert hashlib.sha256(DEV.read_bytes()).hexdigest() == DEV_SHA256, (
        "dev.jsonl changed: re-measure the gate"
    )
    report = evaluate(str(DEV), words=250, limit=GATE_CLUSTERS, alternatives=False)
    systems = {s["name"]: s for s in report["systems"]}
    default = systems["storyline learned"]
    assert "summary-scorer-heldout" in default["note"]
    assert default["rouge1"] >= FLOORS["rouge1"]
    assert default["rouge2"] >= FLOORS["rouge2"]
    assert default["rougeLsum"] >= FLOORS["rougeLsum"]
    assert default["rouge1"] - systems[LEXRANK]["rouge1"] >= FLOORS["margin_rouge1"]
    assert default["rouge2"] - systems[LEXRANK]["rouge2"] >= FLOORS["margin_rouge2"]


# Measured on the first 30 dev clusters with the summary-scorer-heldout artefact refit in the sixth session
# (`storyline train summary-scorer ../shared/data/multinews/dev.jsonl --skip-nested`): R-1 43.99, R-2 14.06,
# R-Lsum 40.01; sumy LexRank 42.07 / 12.05 on the same clusters (margins +1.92 / +2.01). Before the refit
# (scorer fitted on older candidates): 43.31 / 13.40 / 39.47, margins +1.12 / +1.28.
FLOORS = {
    "rouge1": 43.5,
    "rouge2": 13.5,
    "rougeLsum": 39.5,
    "margin_rouge1": 1.4,
    "margin_rouge2": 1.5,
}
