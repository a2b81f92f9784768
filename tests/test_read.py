import gzip
import json

from storyline.errors import InputProblem
from storyline.ingest.read import RawDocument, read

from .conftest import DATA, SAMPLES


def documents(paths, **kw):
    return [d for d in read([str(p) for p in paths], **kw) if isinstance(d, RawDocument)]


def problems(paths, **kw):
    return [d for d in read([str(p) for p in paths], **kw) if isinstance(d, InputProblem)]


def test_directory_is_read_recursively_in_sorted_order():
    docs = documents([SAMPLES])
    assert [d.source.rsplit("/", 1)[1][:3] for d in docs] == ["000", "001", "002", "003", "004"]
    assert all(d.kind == "text" for d in docs)


def test_glob_and_missing_file(tmp_path):
    assert len(documents([f"{SAMPLES}/00[01]_*.txt"])) == 2
    (problem,) = problems([tmp_path / "nope.txt"])
    assert problem.code == "unreadable" and "nope.txt" in problem.source


def test_jsonl_lines_keep_fields_and_line_numbers(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": "One.", "title": "T", "time": "2011-08-18", "id": "x"})
        + "\n\nnot json\n"
        + json.dumps({"html": "<html><body><p>Two.</p></body></html>"})
        + "\n"
    )
    items = list(read([str(path)]))
    assert isinstance(items[0], RawDocument) and items[0].source.endswith("a.jsonl:1")
    assert items[0].fields == {"title": "T", "published": "2011-08-18", "id": "x"}
    assert (
        isinstance(items[1], InputProblem) and items[1].source.endswith(":3") and items[1].code == "bad-json"
    )
    assert isinstance(items[2], RawDocument) and items[2].kind == "html"


def test_timeline17_articles_jsonl():
    items = list(read([str(DATA / "timeline17" / "H1N1_guardian" / "articles.jsonl")]))
    docs = [d for d in items if isinstance(d, RawDocument)]
    bad = [d for d in items if isinstance(d, InputProblem)]
    # line 12 of that file has an empty text: reported, and the other 75 are read
    assert len(docs) == 75 and [(p.source.rsplit(":", 1)[1], p.code) for p in bad] == [("12", "no-text")]
    assert docs[0].fields["published"][:4] in {"2009", "2010"}


def test_longbench_cluster_record_splits_passages():
    with open(DATA / "multinews" / "dev.jsonl") as handle:
        first = next(handle)
    record = json.loads(first)
    docs = list(read(["-"], stdin=__import__("io").BytesIO(first.encode())))
    assert len(docs) == record["context"].count("Passage ")
    assert all(d.cluster == "-:1" for d in docs)
    assert "NEWLINE_CHAR" not in docs[0].content and docs[0].reference == record["answers"][0]


def test_pipe_separated_cluster_file(tmp_path):
    path = tmp_path / "clusters.src"
    path.write_text("First doc. NEWLINE_CHAR More. ||||| Second doc.\nThird doc. ||||| Fourth.\n")
    docs = documents([path])
    assert [d.source.rsplit(":", 1)[1] for d in docs] == ["1", "1", "2", "2"]
    assert docs[0].content == "First doc.\nMore."


def test_bad_inputs_each_give_one_problem(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "big.txt").write_text("word " * 1000)
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html><body><p>text</p>")[:-12])
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "Le président a déclaré à la presse que la réunion était très importante.".encode("cp1252")
    )
    found = {p.source.rsplit("/", 1)[1]: p.code for p in problems([tmp_path], max_bytes=2000)}
    assert found == {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "big.txt": "too-large",
        "broken.html.gz": "truncated",
    }
    (doc,) = documents([latin])
    assert "président" in doc.content
