"""Honest independence: only distinct known outlets confirm each other, and ordinary sentences
never name an outlet."""

from __future__ import annotations

import json
import re

import pytest

from storyline.ingest.outlets import outlet_from_text
from storyline.model import Article
from storyline.text.similarity import independent_outlets, source_groups, unknown_sources

from .conftest import DATA


def article(id: str, outlet: str | None = None, duplicate_of: str | None = None) -> Article:
    return Article(id=id, source=f"{id}.txt", text="x", outlet=outlet, duplicate_of=duplicate_of)


def test_articles_of_unknown_outlet_never_confirm_each_other():
    unknown = [article(f"u{i}") for i in range(235)]
    assert independent_outlets(unknown) == 0
    assert unknown_sources(unknown) == 235
    with_known = [*unknown, article("bbc", "BBC")]
    assert independent_outlets(with_known) == 1
    assert source_groups(with_known) == ({"bbc"}, 235)


def test_one_outlet_counts_once_and_spellings_of_it_agree():
    items = [article("a", "The Wire"), article("b", "the wire"), article("c", "CNN")]
    assert independent_outlets(items) == 2


def test_copies_collapse_before_counting():
    original = article("o")  # outlet unknown
    copies = [article("c1", duplicate_of="o"), article("c2", duplicate_of="o")]
    by_id = {a.id: a for a in [original, *copies]}
    assert (independent_outlets([original, *copies], by_id), unknown_sources([original, *copies], by_id)) == (
        0,
        1,
    )
    named_copy = article("c3", "Reuters", duplicate_of="o")
    by_id["c3"] = named_copy
    # the group is one source, known through the copy that names its outlet
    assert source_groups([original, *copies, named_copy], by_id) == ({"reuters"}, 0)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("This article is from the archive of our partner The Wire.", "The Wire"),
        ("This piece first appeared on Global Risk Insights.", "Global Risk Insights"),
        ("This article originally appeared in The Atlantic.", "The Atlantic"),
        ("Originally published on Space.com.", "Space.com"),
    ],
)
def test_notices_that_name_an_outlet_are_read(line, outlet):
    found = outlet_from_text(["Some first line of the story.", line], [])
    assert found is not None and (found.name, found.provenance) == (outlet, "text:partner-notice")


@pytest.mark.parametrize(
    "line",
    [
        "No one is suggesting that the West should intervene, which would be republished from the start.",
        "Since it first appeared in March, 717 people have been infected with the H1N1 virus in Spain.",
        "Another political gimmick, courtesy of McCain.",
        "Clinton made an appearance of sorts, courtesy of Wes Nakagiri, a delegate from Michigan.",
        "Sen. Ted Cruz (R-Texas) — Announced March 23, 2015",
    ],
)
def test_ordinary_sentences_name_no_outlet(line):
    assert outlet_from_text([line], []) is None


def real_sentences(limit_per_file: int) -> list[str]:
    """Sentences from the middle of paragraphs of real news (never a paragraph's first sentence, where
    datelines are), from Timeline17 (a sentence a line: every line but the first), Multi-News and PolNeAR."""
    paragraphs: list[str] = []
    sentences: list[str] = []
    for path in sorted((DATA / "timeline17").glob("*/articles.jsonl")):
        with path.open() as handle:
            for number, line in enumerate(handle):
                if number >= limit_per_file:
                    break
                # one sentence a line (PTB-tokenized): every line after the article's first
                sentences += [s for s in json.loads(line)["text"].split("\n")[1:] if s.strip()]
    with (DATA / "multinews" / "dev.jsonl").open() as handle:
        for line in handle:
            paragraphs += json.loads(line)["context"].replace(" NEWLINE_CHAR ", "\n").split("\n")
    for path in sorted((DATA / "polnear" / "dev" / "text").glob("*.txt")):
        paragraphs += path.read_text().split("\n")
    for paragraph in paragraphs:
        sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z`\"“])", paragraph.strip())[1:] if s]
    return sentences


def test_no_ordinary_sentence_of_real_news_names_an_outlet():
    sentences = real_sentences(limit_per_file=60)
    assert len(sentences) > 20_000
    found = [(s, g.name) for s in sentences if (g := outlet_from_text([s], [])) is not None]
    # The only hits are true notices (a Space.com story's closing line, in two Multi-News clusters) and two wire
    # datelines with the agency first, opening Fox News pages' bodies ("AP NEW ORLEANS -- Oil from ...").
    assert [name for _, name in found] == ["AP", "AP", "Space.com", "Space.com"]
    assert all(s.startswith(("AP PENSACOLA BEACH , Fla. --", "AP NEW ORLEANS --")) for s, _ in found[:2])
