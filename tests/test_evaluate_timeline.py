import datetime as dt

import pytest

from storyline.evaluate import timeline17, timex
from storyline.model import CitedSentence, Timeline, TimelineEntry

from .conftest import DATA

TBAQ = DATA / "tempeval3" / "TBAQ-cleaned"
T17 = DATA / "timeline17"


def test_read_timeml_strips_tags_and_keeps_gold_spans():
    document = timex.read_timeml(TBAQ / "TimeBank" / "ABC19980108.1830.0711.tml")
    assert document.dct == dt.date(1998, 1, 8)
    assert "<" not in document.text and "TIMEX3" not in document.text
    first = document.gold[0]
    assert (first.text, first.type, first.value) == ("week", "DURATION", "P1W")
    for gold in document.gold:
        assert document.text[gold.start : gold.end] == gold.text
    assert all(g.value != "1998-01-08" or g.text != "19980108" for g in document.gold)  # the DCT is not gold


def test_greedy_matching_is_one_to_one_and_prefers_the_largest_overlap():
    system = [timex.Span(0, 10, "DATE", "x"), timex.Span(12, 14, "DATE", "y")]
    gold = [timex.Span(2, 10, "DATE", "x"), timex.Span(0, 3, "DATE", "z"), timex.Span(20, 25, "DATE", "w")]
    assert timex.match_pairs(system, gold) == [(0, 0)]
    assert timex.prf(1, 2, 3) == {"precision": 0.5, "recall": 0.3333, "f1": 0.4}


def test_gold_as_system_scores_perfectly():
    document = timex.read_timeml(
        TBAQ / "AQUAINT" / sorted(p.name for p in (TBAQ / "AQUAINT").glob("*.tml"))[0]
    )
    counts, errors = timex.score_document(document, lambda text, dct: list(document.gold))
    result = counts.as_dict()
    assert result["strict"]["f1"] == 1.0 and result["value_accuracy"] == 1.0 and not errors


def test_timex_cli_json(capsys):
    from storyline.cli.main import main

    status = main(["evaluate", "timex", str(TBAQ / "TimeBank"), "--json", "--no-anchor"])
    assert status == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"strict", "relaxed", "value_accuracy", "type_accuracy", "seconds_per_doc"}
    assert data["documents"] == 183


@pytest.mark.gate
def test_gate_timex_on_timebank_and_aquaint():
    result = timex.evaluate(timex.read_corpus(TBAQ))
    # Measured: relaxed F1 0.940 / 0.933, value 0.884 / 0.830, type 0.974 / 0.917 (TimeBank / AQUAINT);
    # all 256: relaxed 0.938, value 0.867, type 0.956 (weekday parts of the day are TIMEs since the fourth
    # session: AQUAINT writes most of them as the bare day).
    assert result["relaxed"]["f1"] >= 0.92
    assert result["value_accuracy"] >= 0.85
    assert result["type_accuracy"] >= 0.95
    assert result["parts"]["AQUAINT"]["relaxed"]["f1"] >= 0.92


def test_gold_timelines_come_from_the_jsonl_and_skip_bad_dates(capsys):
    (gold,) = timeline17.read_gold_timelines(T17 / "MJ_bbc")
    assert len(gold.entries) == 37 and gold.name == "bbc.co.uk"  # 38 blocks, one date given twice
    from_text = timeline17.read_gold(T17 / "MJ_bbc" / "timelines" / "bbc.co.uk.txt")
    assert "2011-04-0" in capsys.readouterr().err
    assert set(from_text.entries) == set(gold.entries)
    assert gold.sentences_per_date == round(sum(map(len, gold.entries.values())) / len(gold.entries))


def test_gold_timeline_as_prediction_scores_one():
    topic = timeline17.read_topic(T17 / "H1N1_guardian")
    gold = topic.timelines[0]
    assert topic.articles and all(a.published for a in topic.articles)
    perfect = Timeline(
        entries=[
            TimelineEntry(date.isoformat(), "day", [CitedSentence(text=s, citations=[]) for s in sentences])
            for date, sentences in sorted(gold.entries.items())
        ]
    )
    scores = timeline17.score(perfect, gold)
    assert scores["date"]["f_score"] == 1.0
    assert scores["rouge_1"]["f_score"] > 0.99
    assert timeline17.score(Timeline(entries=[]), gold)["date"]["f_score"] == 0.0


def test_average_follows_news_tls():
    results = [
        {m: {"precision": 1.0, "recall": 0.5, "f_score": 2 / 3} for m in ("rouge_1", "rouge_2", "date")},
        {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2", "date")},
    ]
    summary = timeline17.average(results)
    assert summary["date_f1"] == round(2 * 0.5 * 0.25 / 0.75, 4)
    assert summary["date_f1_mean_of_f"] == round(1 / 3, 4)


@pytest.mark.gate
def test_gate_timeline17_on_two_topics():
    result = timeline17.evaluate(T17, topics=["H1N1_guardian", "MJ_bbc"], cross_validate=False)
    average = result["average"]
    # Measured with the shipped weights (date ranking and sentence scoring): R-1 0.1741, R-2 0.0665, date F1
    # 0.5807 (eighteenth session: no entry tells again an earlier date's; 0.1700 / 0.0617 / 0.5807 before; sixteenth
    # session, sentence weights fitted on every unequal pair, each date weighing the same; see BENCHMARKS.md);
    # before the learned sentence scorer: 0.144 / 0.050 / 0.578. Nineteenth session: 0.1729 / 0.0658 / 0.5807 after the
    # session's merges (user mode 0.1757 / 0.0951 / 0.5338); the next day's leads as a date's context were measured and
    # not kept (0.1685 on this gate's R-1; BENCHMARKS.md).
    assert average["date_f1"] >= 0.55
    assert average["rouge_1"] >= 0.158
    assert average["rouge_2"] >= 0.056
    # DATEWISE re-implemented, same run (its date regression fitted on the other topic): 0.1268 / 0.0461 /
    # 0.5101; storyline stays above it on the averages.
    datewise = result["datewise"]
    assert datewise["date_f1"] >= 0.40  # the anchor itself runs
    for metric in ("rouge_1", "rouge_2", "date_f1"):
        assert average[metric] > datewise[metric]
    # User mode (every article, no range, --dates L, one sentence a date): 0.1743 / 0.0940 / 0.5338.
    user = result["user_mode"]
    assert user["date_f1"] >= 0.52
    assert user["rouge_2"] >= 0.080


def test_sentence_examples_label_candidates_by_rouge_2_against_the_gold_date():
    from storyline.timeline.build import SENTENCE_FEATURES

    topic = timeline17.read_topic(T17 / "H1N1_guardian")
    timeline17.annotate_topic(
        topic
    )  # sentences and time expressions come from annotation, never the timeline
    (gold,) = topic.timelines
    examples = timeline17.sentence_examples(topic, gold)
    assert len(examples) >= len(gold.entries) // 2
    for features, labels in examples:
        assert features.shape == (len(labels), len(SENTENCE_FEATURES))
        assert ((labels >= 0) & (labels <= 1)).all()
    assert sum((labels > 0).any() for _, labels in examples) >= len(examples) // 2


def test_sentence_weights_learn_which_feature_ranks_the_candidates():
    import numpy as np

    from storyline.timeline.build import SENTENCE_FEATURES

    rng = np.random.default_rng(1)
    column = SENTENCE_FEATURES.index("date_first")
    examples = []
    for _ in range(20):
        features = rng.normal(size=(30, len(SENTENCE_FEATURES)))
        labels = np.clip(0.2 * features[:, column] + 0.01 * rng.normal(size=30), 0, None)
        examples.append((features, labels))
    weights = timeline17.fit_sentence_weights(examples)
    assert set(weights) == set(SENTENCE_FEATURES)
    assert max(weights, key=lambda name: abs(weights[name])) == "date_first"
    assert weights["date_first"] > 0


def test_a_broken_timeml_file_is_reported_and_the_rest_scored(tmp_path, capsys):
    good = TBAQ / "TimeBank" / "ABC19980108.1830.0711.tml"
    (tmp_path / "good.tml").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>no creation time</TEXT></TimeML>", encoding="utf-8")
    documents = timex.read_corpus(tmp_path)
    assert [d.name for d in documents] == ["good"]
    err = capsys.readouterr().err
    assert "broken.tml" in err and "DCT" in err and err.count("\n") == 1


def test_a_bad_topic_or_article_line_is_reported_and_the_rest_evaluated(tmp_path, capsys):
    topic = tmp_path / "H1N1_guardian"
    (topic / "timelines").mkdir(parents=True)
    source = T17 / "H1N1_guardian"
    lines = (source / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (topic / "articles.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    (topic / "timelines.jsonl").write_text(
        (source / "timelines.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    empty = tmp_path / "empty_topic"
    empty.mkdir()
    (empty / "articles.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    result = timeline17.evaluate(tmp_path, cross_validate=False)
    err = capsys.readouterr().err
    assert f"articles.jsonl:{len(lines) + 1}" in err and "empty_topic" in err
    assert [row["topic"] for row in result["timelines"]] == ["H1N1_guardian"]


def test_datewise_counts_mentions_before_and_after_and_publications():
    from storyline.evaluate import datewise

    day = dt.date(2011, 3, 19)
    lines = [
        datewise.Line("a", "1", dt.date(2011, 3, 20), day, 0),
        datewise.Line("b", "1", dt.date(2011, 3, 20), day, 1),
        datewise.Line("c", "2", dt.date(2011, 3, 18), day, 0),
        datewise.Line("d", "3", day, None, 0),
        datewise.Line("e", "4", day, day, 0),
    ]
    features = dict(zip(datewise.FEATURES, datewise.date_features(lines)[day], strict=True))
    assert features == {
        "sents_total": 4,
        "sents_before": 2,  # told after the day (looking back), as news-tls counts "before"
        "sents_after": 1,
        "docs_total": 3,
        "docs_before": 1,
        "docs_after": 1,
        "docs_published": 2,
    }


def test_datewise_gives_the_gold_number_of_dates_within_its_range():
    from storyline.evaluate import datewise

    topic = timeline17.read_topic(T17 / "H1N1_guardian")
    timeline17.annotate_topic(topic)
    (gold,) = topic.timelines
    lines = datewise.topic_lines(topic)
    model = datewise.fit_date_ranker([datewise.training_examples(lines, gold)])
    predicted = datewise.predict(lines, gold, model)
    assert len(predicted) == len(gold.entries)
    assert all(gold.start <= d <= gold.end for d in predicted)
    assert all(1 <= len(s) <= gold.sentences_per_date for s in predicted.values())
    # Fitted on this very timeline, the ranker finds some of its dates (a fit that ranked at random would not).
    assert len(set(predicted) & set(gold.entries)) >= 3
