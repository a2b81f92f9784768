import hashlib
import json

import pytest

from storyline.evaluate.extraction import evaluate, page_counts, scores

from .conftest import DATA

BENCHMARK = DATA / "article-extraction-benchmark"
# The gold file the pinned figures were measured on: an edited fixture must not move a score silently.
GOLD_SHA256 = "512e9a9498912047a966e22f47302e849dfa45dca1f555d97588317dac7e5a3d"


def test_gold_file_is_the_one_the_figures_were_measured_on():
    assert hashlib.sha256((BENCHMARK / "ground-truth.json").read_bytes()).hexdigest() == GOLD_SHA256


def test_scorer_reproduces_the_published_figures_of_stored_outputs():
    """trafilatura 0.958 and whole-page text 0.665 are the benchmark's published F1 figures."""
    gold = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    for name, published in (("trafilatura", 0.958), ("html-text", 0.665)):
        output = json.loads((BENCHMARK / "output" / f"{name}.json").read_text(encoding="utf-8"))
        output = output.get("output", output)
        figures = scores(page_counts(gold[k]["articleBody"], output[k].get("articleBody", "")) for k in gold)
        assert figures["f1"] == pytest.approx(published, abs=0.0006)


def test_page_counts_edge_cases():
    assert page_counts("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e f", "x y z w")
    assert tp == 0 and fp > 0 and fn > 0
    assert page_counts("", "") == (0.0, 0.0, 0.0)


# Pinned on the first 40 pages (sorted by id), a little below the figures measured there
# (see BENCHMARKS.md, "Cleaning and extraction"). The text path's line model was fitted on all
# 181 pages, so its gate is a regression floor, not a quality claim: the claim is the k-fold figure.
# Measured there: HTML path 0.962, text path 0.961, trafilatura alone 0.951, visible text 0.685.
FLOORS = {
    "storyline HTML path": 0.95,
    "storyline text path (visible text, then clean)": 0.95,
}


def test_the_shipped_line_model_was_measured_at_the_target_by_nested_cross_validation():
    """``benchmarks/extraction.py --train`` records its nested k-fold figure in the model it writes:
    a refit that falls below the issue's target (text path F1 >= 0.90) must not ship silently."""
    from storyline.ingest.boilerplate import load_model

    measured = load_model()["cross_validated"]
    assert measured["folds"] == 5 and measured["pages"] == 181
    assert measured["f1"] >= 0.90, measured


@pytest.mark.gate
def test_extraction_quality_floors():
    result = evaluate(BENCHMARK, limit=40)
    for system, floor in FLOORS.items():
        assert result[system]["f1"] >= floor, (system, result[system])
    assert result["storyline HTML path"]["f1"] >= result["trafilatura alone"]["f1"] - 0.005
    # the visible text holds the whole article (the text path can only lose what it never had)
    assert result["visible text, uncleaned (floor)"]["recall"] >= 0.99
    assert (
        result["storyline text path (visible text, then clean)"]["f1"]
        > result["visible text, uncleaned (floor)"]["f1"] + 0.15
    )
