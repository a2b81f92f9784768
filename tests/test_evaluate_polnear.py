import pytest

from storyline.evaluate.polnear import (
    Evaluation,
    GoldAttribution,
    Prediction,
    evaluate,
    is_direct,
    load_split,
    parse_ann,
    score_article,
    tokens_of,
)

from .conftest import DATA

POLNEAR_DEV = DATA / "polnear" / "dev"

TEXT = 'Smith said "the plan will fail soon" on Monday. Jones argued that taxes must rise.'
ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    'T3\tContent 11 36\t"the plan will fail soon"\n'
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    "T4\tSource 48 53\tJones\n"
    "T5\tCue 54 60\targued\n"
    "T6\tContent 61 81\tthat taxes must rise\n"
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    "T7\tCue 0 5\tSmith\n"
    "E3\tAttribution:T7 Cue:T7\n"
)


def test_parse_ann_keeps_relations_with_content():
    gold = parse_ann(TEXT, ANN)
    assert len(gold) == 2  # E3 has no content
    assert gold[0].content == [(11, 36)] and gold[0].sources == [(0, 5)] and gold[0].direct
    assert gold[1].content == [(61, 81)] and not gold[1].direct


def test_discontinuous_content_has_all_its_fragments():
    gold = parse_ann(TEXT, "T1\tContent 11 20;61 81\tx\nE1\tAttribution:T1 Content:T1\n")
    assert gold[0].content == [(11, 20), (61, 81)]
    assert len(tokens_of(TEXT, gold[0].content)) == 2 + 4


def test_direct_needs_half_the_tokens_inside_quotes():
    text = 'He said the deal was "a disaster" for everyone involved in it.'
    assert not is_direct(text, [(8, len(text) - 1)])
    assert is_direct(text, [(21, 33)])


def test_matching_is_one_to_one_and_needs_half_coverage():
    gold = parse_ann(TEXT, ANN)
    half = Prediction([(11, 24)], [(0, 5)])  # '"the plan will' covers 3 of 5 tokens
    duplicate = Prediction([(11, 36)], [(48, 53)])  # full cover, wrong speaker
    tally = score_article(TEXT, [half, duplicate], gold)
    assert (tally.predicted, tally.gold, tally.matched) == (2, 2, 1)
    assert tally.speaker_correct == 0  # the best-covering prediction took the gold, with the wrong speaker
    too_little = Prediction([(11, 16)], [(0, 5)])
    assert score_article(TEXT, [too_little], gold).matched == 0


def test_scores_split_direct_from_all():
    gold = parse_ann(TEXT, ANN)
    evaluation = Evaluation()
    evaluation.add_article(
        TEXT, [Prediction([(11, 36)], [(0, 5)], True), Prediction([(61, 81)], [(48, 53)], False)], gold
    )
    scores = evaluation.as_dict()
    assert scores["all"]["f1"] == 1.0 and scores["all"]["speaker_accuracy"] == 1.0
    assert scores["direct"]["predicted"] == 1 and scores["direct"]["gold"] == 1


def test_several_annotators_first_file_is_gold():
    articles = list(load_split(POLNEAR_DEV))
    assert len(articles) == 84
    assert all(isinstance(g, GoldAttribution) for a in articles for g in a.attributions)


@pytest.mark.gate
def test_gate_polnear_dev_subset():
    """Every third dev article (28): measured direct F1 0.854 / speaker 0.945, all F1 0.688 / 0.904."""
    result = evaluate(POLNEAR_DEV, every=3)
    assert result["articles"] == 28
    assert result["direct"]["f1"] >= 0.82 and result["direct"]["speaker_accuracy"] >= 0.92
    assert result["all"]["f1"] >= 0.66 and result["all"]["speaker_accuracy"] >= 0.87
    # the anchor, same parses: storyline must stay well above it
    assert result["direct"]["f1"] > result["textacy"]["direct"]["f1"] + 0.15
    assert result["all"]["f1"] > result["textacy"]["all"]["f1"] + 0.3
