"""Whether a sentence has a finite verb (``summarize.verbs``): read in its article's kept parse, the same answer
as the sentence tagged alone, and a brief over kept analyses loads no spaCy model for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from storyline.cli.main import main
from storyline.model import Article
from storyline.service.corpus import build_corpus, corpus_of
from storyline.summarize import summarize
from storyline.summarize.candidates import build_pool
from storyline.summarize.verbs import finite, finite_candidates, kept_parse

from ..conftest import ROOT, SAMPLES

VERBLESS = [
    "Banks refusing to lend to other banks.",
    "United in prayer and in protest.",
    "Gold soaring $70 in a single trading session.",
    "A day of rage across the country.",
    # two clauses with their own subjects run together: a headline glued before the lead in lower case
    "Michael Jackson's doctor goes on trial Michael Jackson's doctor has gone on trial in America.",
]
TOLD = [
    "Stocks fell sharply on Monday.",
    "Swine flu is officially a pandemic.",
    '"We are all Libyans," a woman in Benghazi said.',
    "Tens of thousands keep the uprising alive.",
    "Supporters of Mubarak attacked demonstrators in Tahrir Square and the violence killed three people.",
    "Police fired tear gas, the protesters fled the square.",
]


def parses_of(pool, docs) -> list:
    return [
        kept_parse(docs[c.first.article], c.first.sentence.start, c.first.sentence.end, c.text)
        for c in pool.candidates
    ]


@pytest.fixture(scope="module")
def samples():
    """The samples with their parses, as a brief has them."""
    corpus = build_corpus([str(SAMPLES)], sections=["summary"])
    assert corpus.docs is not None
    return corpus


def test_a_kept_parse_gives_the_answer_of_the_sentence_tagged_alone(samples):
    # every candidate of the samples, as the brief's pool has them (whole, and cut after a dateline)
    corpus = samples
    for cut_glued in (False, True):
        pool = build_pool(corpus.articles, cut_glued=cut_glued)
        texts = [c.text for c in pool.candidates]
        parses = parses_of(pool, corpus.docs)
        assert None not in parses and [p.text for p in parses] == texts
        assert finite(texts, parses) == finite(texts)
        assert not all(finite(texts, parses))  # some are verbless: a constant answer would not pass
    # each line the second sentence of an article, after a wire dateline the story summary cuts: the kept span
    # is the text after the dateline, and a run-on inside it is seen in the article's parse as alone
    lines = VERBLESS + TOLD
    articles = [
        Article(id=f"v{i}", source=f"v{i}.txt", text=f"Markets moved again.\n\nCAIRO (Reuters) - {line}")
        for i, line in enumerate(lines)
    ]
    corpus = corpus_of(articles)
    pool = build_pool(list(corpus.articles), cut_glued=True)
    said = {c.text: i for i, c in enumerate(pool.candidates)}
    assert set(lines) <= set(said)
    texts = [pool.candidates[said[line]].text for line in lines]
    parses = [parses_of(pool, corpus.docs)[said[line]] for line in lines]
    assert [p.text for p in parses] == lines
    expected = [False] * len(VERBLESS) + [True] * len(TOLD)
    assert finite(texts, parses) == expected == finite(texts)


def test_the_story_summary_reads_its_pools_parses_and_tags_alone_without_them(samples, monkeypatch):
    corpus = samples
    pool = build_pool(corpus.articles, cut_glued=True)
    chosen = list(range(len(pool.candidates)))
    alone = finite_candidates(pool, chosen)  # no parses in the pool: each text tagged alone
    from storyline.summarize import verbs

    def refuse(text: str) -> bool:
        raise AssertionError(f"tagged alone, though its parse is kept: {text}")

    monkeypatch.setattr(verbs, "_finite", refuse)
    pool.docs = corpus.docs
    assert finite_candidates(pool, chosen) == alone
    # a text the parse does not hold (longer than the characters parsed) is tagged alone
    first = pool.candidates[0].first
    assert (
        kept_parse(corpus.docs[first.article], first.sentence.start, 10**9, pool.candidates[0].text) is None
    )


def test_a_story_summary_after_new_articles_over_kept_analyses_loads_no_spacy_model(
    tmp_path, monkeypatch, capsys
):
    """Issue 18: the summary's finite-verb check was what made a re-brief load spaCy's model (~0.5 CPU s), and
    its parses were read with the model's vocabulary; now they are read with the language's, the model unloaded.
    (The roster still parses articles' titles and captions with the model, ``who.entities.side_docs``.)"""
    from storyline.settings import current_settings

    monkeypatch.setenv("STORYLINE_CACHE_DIRECTORY", str(tmp_path / "kept"))
    files = [str(path) for path in sorted(SAMPLES.glob("*.txt"))]
    db = str(tmp_path / "news.duckdb")
    story = ["summarize", "--db", db, "--method", "story", "--json", "-q"]
    assert main(["ingest", *files[:3], "--db", db, "-q"]) == 0
    assert main(story) == 0  # the first summary keeps its pieces
    assert main(["ingest", *files[3:], "--db", db, "-q"]) == 0
    capsys.readouterr()
    model = current_settings().annotate.spacy_model
    code = (
        "import json, sys\n"
        "from storyline.cli.main import main\n"
        f"status = main({story!r})\n"
        "from storyline.annotate.nlp import _load_nlp\n"
        f"print(json.dumps([status, {model!r} in sys.modules, _load_nlp.cache_info().currsize]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    *shown, last = done.stdout.strip().splitlines()
    assert json.loads(last) == [0, False, 0]
    # the summary every sentence tagged alone gives (the articles without their parses)
    corpus = build_corpus(db=db, sections=["summary"], keep_docs=False)
    alone = summarize(list(corpus.articles), method="story")
    said = json.loads("\n".join(shown))
    assert said["sentences"] and [s["text"] for s in said["sentences"]] == [s.text for s in alone.sentences]


def test_a_kept_parse_is_found_in_time_that_does_not_grow_with_its_article():
    """``kept_parse`` read ``len(doc.text)`` on every call, and spaCy joins every token's text anew on each read:
    asking one sentence of an article cost a join of the whole article. Now a sentence of an article eight times
    longer costs about the same, and the answers are those of the old guard (None past the parse's end)."""
    import time

    import spacy

    nlp = spacy.blank("en")
    sentence = "The well was capped on Thursday. "
    short, long = nlp(sentence * 150), nlp(sentence * 1200)
    text = sentence.strip()

    def cost(doc) -> float:
        started = time.process_time()
        for _ in range(400):
            assert kept_parse(doc, 33, 33 + len(text), text) is not None
        return time.process_time() - started

    cost(short)  # warm
    assert cost(long) <= 2.5 * cost(short) + 0.02
    # the same answers as reading the text's length first, at and past the parse's end
    length = len(long.text)
    for start, end in [
        (0, len(text)),
        (length - len(sentence), length - 1),
        (length - 1, length + 5),
        (5, 10**9),
    ]:
        expected = long.char_span(start, end) if end <= length else None
        found = kept_parse(long, start, end, long.text[start:end])
        assert (found is None) == (expected is None or expected.text != long.text[start:end])
    assert kept_parse(long, length - len(sentence), length - 1, text) is not None
