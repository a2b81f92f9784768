"""The attribute ruler and lemmatizer replaced by one array pass: every token attribute the same."""

from __future__ import annotations

import importlib
import itertools
import json

import numpy as np
import pytest
from spacy.attrs import IDS

from storyline.annotate.nlp import load_nlp
from storyline.annotate.token_attributes import replace_components
from storyline.settings import current_settings

from .conftest import DATA, SAMPLES

ATTRIBUTES = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"]
# Words the ruler's rarer patterns are about: contractions, "gonna", "y'all", expletive "there is",
# object pronouns, "do"/"have" as main verbs, "that" as a pronoun, runs of whitespace.
EDGE_CASES = (
    "We're gonna win, y'all. Let's go! I'm doin' fine; nothin' doin'.  \n\n  There is a plan and there "
    "were doubts.\nShe gave it to me and I told you it was hers. They did it, and he has a car. That is "
    "what I want. Ol' Sam gets it; he got 'em. Y'all c'mon, we shan't wait.\t\tWho'll come?\n \n"
)


def stock_model():
    return importlib.import_module(current_settings().annotate.spacy_model).load()


def texts_to_check() -> list[str]:
    texts = [EDGE_CASES]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.iterdir()) if path.is_file()]
    for topic in ("MJ_bbc", "LibyaWar_reuters"):
        path = DATA / "timeline17" / topic / "articles.jsonl"
        lines = itertools.islice((line for line in path.open(encoding="utf-8") if line.strip()), 12)
        texts += [json.loads(line)["text"] for line in lines]
    return texts


def test_the_pass_gives_every_token_attribute_the_stock_components_give():
    stock, fast = stock_model(), stock_model()
    assert replace_components(fast)
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    ids = [IDS[name] for name in ATTRIBUTES]
    texts = texts_to_check()
    tokens = 0
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        tokens += len(expected)
        assert np.array_equal(expected.to_array(ids), got.to_array(ids))
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in expected] == [
            (t.lemma_, t.pos_, str(t.morph)) for t in got
        ]
    assert tokens > 10_000


def test_the_edge_cases_are_reached():
    # the ruler's exceptions this test relies on did fire (the lemma and part of speech they set)
    doc = load_nlp()(EDGE_CASES)
    words = {(t.text.lower(), t.lemma_) for t in doc}
    # two-token patterns (the second token's lemma), a REGEX pattern, LOWER and TAG patterns
    assert {("gon", "go"), ("na", "to"), ("'s", "us"), ("c'm", "come")} <= words
    assert {("nothin'", "nothing"), ("doin'", "do"), ("'em", "them"), ("sha", "shall")} <= words
    # "There is": the expletive's verb made VERB (the pattern's second token); spaces: SPACE, dep
    assert any(t.lower_ == "is" and t.nbor(-1).dep_ == "expl" and t.pos_ == "VERB" for t in doc)
    assert all(t.pos_ == "SPACE" and t.dep_ == "dep" for t in doc if t.is_space)


def test_a_ruler_pattern_it_cannot_read_keeps_the_stock_components():
    nlp = stock_model()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not replace_components(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names


def test_the_storyline_pipeline_uses_the_pass():
    assert "token_attributes" in load_nlp().pipe_names


@pytest.mark.parametrize("batch", [1, 8])
def test_batches_do_not_change_the_pass(batch):
    nlp = load_nlp()
    texts = texts_to_check()[:6]
    ids = [IDS[name] for name in ATTRIBUTES]
    one = [doc.to_array(ids) for doc in nlp.pipe(texts, batch_size=batch)]
    again = [nlp(text).to_array(ids) for text in texts]
    assert all(np.array_equal(a, b) for a, b in zip(one, again, strict=True))
