"""``storyline summarize``: formats, clusters, bad input, escaping."""

import json

from storyline.cli.main import main

from .conftest import DATA, SAMPLES

DEV = DATA / "multinews" / "dev.jsonl"

STORY = (
    "The minister said on Monday that the talks with the rebels would go on for as long as it takes. "
    "Rebel leaders said they would stay at the table until a ceasefire was signed in the capital. "
    "Diplomats from three neighbouring countries joined the talks on Tuesday morning in the capital. "
)


def test_json_has_summary_cited_sentences_and_sources(capsys):
    status = main(["summarize", str(SAMPLES), "--json", "--words", "120", "--quiet"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    data = json.loads(out)
    assert set(data) >= {"summary", "sentences", "sources", "method", "words"}
    assert 0 < data["words"] <= 120 and len(data["summary"].split()) == data["words"]
    assert data["summary"] == " ".join(s["text"] for s in data["sentences"])
    source_ids = {s["id"] for s in data["sources"]}
    for sentence in data["sentences"]:
        assert sentence["citations"] and sentence["independent_outlets"] + sentence["unknown_sources"] >= 1
        # independent outlets are distinct known outlets cited; unknown ones are counted apart
        known = {c["outlet"].lower() for c in sentence["citations"] if c["outlet"]}
        assert sentence["independent_outlets"] <= len(known)
        for citation in sentence["citations"]:
            assert {"article", "outlet", "published", "sentence", "start", "end"} <= set(citation)
            assert citation["article"] in source_ids
    # The citation's span is the sentence in the article as inspect reads it.
    inspected = json.loads(_run(capsys, ["inspect", str(SAMPLES), "--json", "-q"]))["articles"]
    articles = {a["id"]: a for a in inspected}
    first = data["sentences"][0]["citations"][0]
    assert articles[first["article"]]["text"][first["start"] : first["end"]] == data["sentences"][0]["text"]


def _run(capsys, argv):
    assert main(argv) == 0
    return capsys.readouterr().out


def test_markdown_numbers_sources_and_marks_every_sentence(capsys):
    out = _run(capsys, ["summarize", str(SAMPLES), "--format", "md", "-q"])
    assert out.startswith("## Summary")
    assert "### Sources" in out
    assert "[[1]](#source-1)" in out and '<a id="source-1"></a>' in out
    body = out.split("### Sources")[0]
    assert body.count("](#source-") >= 3


def test_text_is_the_default_and_lists_sources(capsys):
    out = _run(capsys, ["summarize", str(SAMPLES), "--words", "60", "-q"])
    assert "Sources" in out and "[1]" in out
    assert "method learned" in out


def test_jsonl_writes_one_line_per_cluster_in_input_order(tmp_path, capsys):
    lines = DEV.read_text(encoding="utf-8").splitlines()[:2]
    clusters = tmp_path / "two.jsonl"
    clusters.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _run(capsys, ["summarize", str(clusters), "--format", "jsonl", "--words", "100", "-q"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [f"{clusters}:1", f"{clusters}:2"]
    for row in rows:
        assert row["summary"] and 0 < len(row["summary"].split()) <= 100
        assert row["sentences"][0]["citations"]


def test_output_file_and_method_choice(tmp_path, capsys):
    target = tmp_path / "summary.md"
    status = main(["summarize", str(SAMPLES), "--format", "md", "--method", "lead", "-o", str(target), "-q"])
    assert status == 0
    assert capsys.readouterr().out == ""
    assert "method `lead`" in target.read_text(encoding="utf-8")


def test_bad_input_is_one_line_and_the_rest_is_summarized(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Talks Go On\n\n" + STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = main(["summarize", str(tmp_path), "--json", "-q"])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.count("\n") == 1 and "empty.txt" in err and "empty" in err
    assert "talks with the rebels" in json.loads(out)["summary"]


def test_usage_errors_exit_2(capsys):
    assert main(["summarize", str(SAMPLES), "--words", "0"]) == 2
    assert "--words must be at least 1" in capsys.readouterr().err


def test_markdown_escapes_article_text(tmp_path, capsys):
    hostile = (
        "Officials said the <script>alert(1)</script> tag and *stars* were found in the capital on Monday."
    )
    (tmp_path / "hostile.txt").write_text("Talks Go On\n\n" + hostile + " " + STORY, encoding="utf-8")
    out = _run(capsys, ["summarize", str(tmp_path), "--format", "md", "-q"])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out and "\\*stars\\*" in out


def test_stored_articles_are_summarized_like_read_ones(tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    assert main(["ingest", str(SAMPLES), "--db", str(db), "-q", "--no-stories"]) == 0
    capsys.readouterr()
    stored = json.loads(_run(capsys, ["summarize", "--db", str(db), "--json", "--words", "120", "-q"]))
    read = json.loads(_run(capsys, ["summarize", str(SAMPLES), "--json", "--words", "120", "-q"]))
    # Same articles (ids are content hashes), whether read now or from the store: same cited sentences.
    assert {s["id"] for s in stored["sources"]} == {s["id"] for s in read["sources"]}
    assert sorted(s["text"] for s in stored["sentences"]) == sorted(s["text"] for s in read["sentences"])
