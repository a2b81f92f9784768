"""``storyline train line-model`` on a few real pages of the Article Extraction Benchmark."""

from __future__ import annotations

import pytest

from storyline.artefacts import read_artefact
from storyline.cli.main import main
from storyline.ingest.boilerplate import DECODERS, FEATURES
from storyline.ingest.clean import clean_text
from storyline.ingest.webpage import visible_text
from storyline.training.common import data_sha256
from storyline.training.gold.extraction import benchmark_files, load_benchmark, page_counts, scores
from storyline.training.line_model import label_lines
from tests.conftest import DATA

BENCHMARK = DATA / "article-extraction-benchmark"
PAGES = 8
# 15 tree fits and the decoder search (27 min wall at a load of 20-28 on 2 cores; not timed alone)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("line") / "boilerplate_model.json"
    status = main(
        ["train", "line-model", str(BENCHMARK), "--limit", str(PAGES), "--folds", "2", "--out", str(out)]
    )
    assert status == 0
    return read_artefact("line-model", out)


def test_the_file_holds_the_trees_the_decoder_and_the_cross_validated_figures(trained):
    model = trained.model
    assert model["features"] == list(FEATURES) and len(model["trees"]) == 150
    assert model["decoder"] is None or tuple(model["decoder"]) in {d for d in DECODERS if d}
    assert model["cross_validated"]["pages"] == PAGES and model["cross_validated"]["folds"] == 2
    assert trained.training_data["files"] == PAGES + 1  # the gold file and each page
    assert trained.training_data["sha256"] == data_sha256(benchmark_files(BENCHMARK, PAGES), BENCHMARK)[0]


def test_a_model_from_eight_pages_cleans_unseen_pages_better_than_no_cleaning(trained):
    """Pages 9-30 were not trained on: the text path with this model beats the uncleaned visible text."""
    unseen = load_benchmark(BENCHMARK, 30)[PAGES:]
    cleaned = scores(
        page_counts(gold, clean_text(visible_text(html), line_model=trained.model).text)
        for _k, html, gold in unseen
    )
    raw = scores(page_counts(gold, visible_text(html)) for _k, html, gold in unseen)
    assert cleaned["f1"] > raw["f1"] + 0.1


def test_labels_mark_the_lines_whose_words_are_in_the_gold_body_in_order():
    gold = "Rebels took the town on Sunday. The army retreated north."
    lines = [
        "Home | World",
        "Rebels took the town on Sunday.",
        "north retreated army",
        "The army retreated north.",
    ]
    assert label_lines(lines, gold) == [0, 1, 0, 1]
