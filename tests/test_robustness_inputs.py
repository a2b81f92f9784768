"""Edge cases of hostile input found while fuzzing (issue 16), each pinned on its own."""

from __future__ import annotations

from storyline.errors import InputProblem
from storyline.ingest.read import read_jsonl_lines
from storyline.ingest.record import check_record, record_label

GOOD = "Officials said on Monday that the talks would resume in Geneva next week. " * 5


def test_a_control_character_in_a_json_line_is_named_once():
    (problem,) = read_jsonl_lines("x.jsonl", ['{"text": "a\x01b"}'], 10_000)
    assert isinstance(problem, InputProblem) and problem.code == "bad-json"
    assert problem.message == "not valid JSON (Invalid control character at column 12)"


def test_record_labels_show_only_usable_ids():
    assert record_label("a", {"id": True}) == "a"  # not a number in the schema's sense
    assert record_label("a", {"id": " "}) == "a"
    assert record_label("a", {"id": "x" * 100}) == f"a (id '{'x' * 57}...')"
    assert record_label("a", "not a dict") == "a"


def test_the_record_schema_rejects_coercions():
    assert check_record({"text": GOOD, "id": 7, "outlet": ["A", "B"]}) is None
    assert (
        check_record({"text": GOOD, "published": 20110818})
        == "field 'published' must be a string, not a number"
    )
    assert (
        check_record({"text": GOOD, "id": 1.5})
        == "field 'id' must be a string or a whole number, not a number"
    )
    assert check_record({"text": GOOD, "answers": "x"}) == "field 'answers' must be a list, not a string"


def test_long_runs_without_spaces_are_tokenized_in_linear_time_and_keep_the_text():
    import time

    from storyline.annotate.nlp import load_nlp

    nlp = load_nlp()
    plain = nlp.tokenizer.tokenizer  # spaCy's own
    sentence = "Officials said on Monday (in Geneva) that talks would resume; 5% of them agreed!"
    assert [t.text for t in nlp.tokenizer(sentence)] == [t.text for t in plain(sentence)]
    for run in ("!" * 20_000, "\ufffd" * 20_000, "€" * 20_000, "x" * 20_000):
        text = f"It began. {run} It ended.\n"
        started = time.process_time()
        doc = nlp.tokenizer(text)
        assert time.process_time() - started < 2.0  # spaCy's own: about 30 s for 20,000 U+FFFD
        assert doc.text == text and doc[0].text == "It" and doc[-2].text == "."
    doc = nlp("Officials met. " + "!" * 5000 + " Talks resumed in Geneva on Monday.")
    assert doc.text.endswith("Geneva on Monday.") and "Geneva" in [e.text for e in doc.ents]
