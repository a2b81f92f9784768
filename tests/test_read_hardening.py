"""Hostile and unlucky inputs: limits hold while reading, each input is judged on its own."""

import gzip
import json
import os
import signal
import tracemalloc
import zlib

import pytest

from storyline.errors import InputProblem
from storyline.ingest.prepare import prepare
from storyline.ingest.read import RawDocument, decode, read

from .conftest import SAMPLES

SAMPLE = sorted(SAMPLES.iterdir())[0]
GOOD = json.dumps({"text": SAMPLE.read_text(), "outlet": "Good Outlet"})


def items(paths, **kw):
    return list(read([str(p) for p in paths], **kw))


def split(found):
    return (
        [d for d in found if isinstance(d, RawDocument)],
        [p for p in found if isinstance(p, InputProblem)],
    )


@pytest.fixture
def alarm():
    """Fail instead of hanging (a FIFO opened for reading blocks until a writer comes)."""

    def timeout(*_):
        raise TimeoutError("read hung")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def gzip_of_one_long_line(path, size, then=b""):
    """A .jsonl.gz whose first line is ``size`` bytes, compressed as a stream (never held whole)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"a" * (1 << 20)
    with open(path, "wb") as out:
        out.write(compressor.compress(b'{"text": "'))
        for _ in range(size // len(chunk)):
            out.write(compressor.compress(chunk))
        out.write(compressor.compress(b'"}\n' + then))
        out.write(compressor.flush())


def test_jsonl_gz_bomb_is_skipped_with_bounded_memory_and_the_next_line_read(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    gzip_of_one_long_line(bomb, 300 << 20, then=GOOD.encode() + b"\n")
    assert bomb.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        docs, problems = split(items([bomb], max_bytes=1_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # the old reader held the whole 300 MB line
    assert [(p.source.rsplit(":", 1)[1], p.code) for p in problems] == [("1", "too-large")]
    assert len(docs) == 1 and docs[0].source.endswith(":2") and docs[0].fields["outlet"] == "Good Outlet"


def test_a_line_exactly_at_the_limit_is_read(tmp_path):
    line = json.dumps({"text": "x" * 100})
    path = tmp_path / "a.jsonl"
    path.write_text(line + "\n" + line + "x\n")
    found = items([path], max_bytes=len(line) + 1)  # the newline counts
    assert isinstance(found[0], RawDocument)
    assert isinstance(found[1], InputProblem) and found[1].code == "too-large"


def test_one_nul_byte_in_jsonl_rejects_that_line_only(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "bad \x00 line"}\n' + GOOD.encode() + b"\n")
    docs, problems = split(items([path]))
    assert len(docs) == 1 and docs[0].source.endswith(":2")
    assert [p.code for p in problems] == ["bad-json"] and problems[0].source.endswith(":1")


def test_binary_named_jsonl_is_still_binary(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(bytes(range(256)) * 40)
    assert [p.code for p in items([path])] == ["binary"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16"])
def test_utf16_and_utf32_without_bom_are_text(tmp_path, encoding):
    text = SAMPLE.read_text()
    decoded = decode(text.encode(encoding), "x")
    assert not isinstance(decoded, InputProblem), decoded
    assert decoded[0] == text


def test_utf16_jsonl_is_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes((GOOD + "\n").encode("utf-16-be"))
    docs, problems = split(items([path]))
    assert len(docs) == 1 and not problems


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"url": 5}, "url"),
        ({"link": {"href": "x"}}, "link"),
        ({"outlet": [1, 2]}, "outlet"),
        ({"authors": [{"name": "A"}]}, "authors"),
        ({"published": 20110818}, "published"),
        ({"title": ["a"]}, "title"),
        ({"id": 1.5}, "id"),
    ],
)
def test_wrong_field_types_skip_the_record_with_a_reason(tmp_path, record, field):
    path = tmp_path / "a.jsonl"
    bad = json.dumps({"text": SAMPLE.read_text(), **record})
    path.write_text(bad + "\n" + GOOD + "\n")
    docs, problems = split(items([path]))
    assert len(docs) == 1 and docs[0].source.endswith(":2")
    (problem,) = problems
    assert problem.code == "bad-field" and f"'{field}'" in problem.message
    assert problem.source.endswith(":1")


def test_good_field_types_are_kept(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"text": "x y z.", "authors": ["A B", "C D"], "outlet": "O", "id": 7, "extra": {"any": 1}}
    path.write_text(json.dumps(record) + "\n")
    (doc,) = items([path])
    assert doc.fields == {"byline": "A B, C D", "outlet": "O", "id": 7}


HOSTILE_HTML = [
    "<div><![CDATA[x]]>Some text \x0c here.</div>",  # lxml ValueError on the control character
    '<object><meta name="author" content="x"><style>',  # AssertionError inside htmldate
    "<html><body><p>Form\x0bfeed \x01 and \x1f control characters in a sentence.</p></body></html>",
]


@pytest.mark.parametrize("page", HOSTILE_HTML)
def test_hostile_html_is_judged_on_its_own(page):
    raws = [
        RawDocument(source="bad.html", content=page, kind="html"),
        RawDocument(source="good.txt", content=SAMPLE.read_text()),
    ]
    problems: list[InputProblem] = []
    articles = list(prepare(raws, problems.append))
    assert articles[-1].source == "good.txt"
    assert all(p.code != "failed" for p in problems), problems  # known failures are foreseen
    assert len(articles) + len(problems) == 2


def test_deep_html_keeps_its_text():
    sentence = "The deep sentence of the article says the ministry confirmed the figures on Monday."
    for depth in (300, 3000, 20000):
        page = "<html><body>" + "<div>" * depth + f"<p>{sentence}</p>" + "</div>" * depth + "</body></html>"
        problems: list[InputProblem] = []
        (article,) = prepare([RawDocument(source="deep.html", content=page, kind="html")], problems.append)
        assert sentence in article.text, depth


def test_fifo_is_skipped_with_a_reason_and_never_waited_on(tmp_path, alarm):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text(SAMPLE.read_text())
    docs, problems = split(items([fifo, good]))
    assert [d.source for d in docs] == [str(good)]
    assert problems[0].code == "not-a-file" and "FIFO" in problems[0].message
    # inside a directory too
    docs, problems = split(items([tmp_path]))
    assert [d.source for d in docs] == [str(good)] and [p.code for p in problems] == ["not-a-file"]


def test_devices_are_not_read(alarm):
    (problem,) = items(["/dev/zero"])
    assert problem.code == "not-a-file" and "device" in problem.message


def test_symlinks_are_followed_only_inside_the_named_folder(tmp_path):
    inside, outside = tmp_path / "in", tmp_path / "out"
    (inside / "sub").mkdir(parents=True)
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("The secret text outside the folder.")
    (inside / "a.txt").write_text(SAMPLE.read_text())
    (inside / "leak.txt").symlink_to(secret)
    (inside / "leakdir").symlink_to(outside)
    (inside / "sub" / "alias.txt").symlink_to(inside / "a.txt")
    docs, problems = split(items([inside]))
    assert sorted(os.path.basename(d.source) for d in docs) == ["a.txt", "alias.txt"]
    assert all("secret" not in d.content for d in docs)
    assert [(os.path.basename(p.source), p.code) for p in problems] == [
        ("leak.txt", "outside"),
        ("leakdir", "outside"),
    ]
    # a link the user names is what they named: it is read
    (doc,) = items([inside / "leak.txt"])
    assert "secret" in doc.content


def test_nul_in_a_path_is_a_problem_not_a_crash():
    (problem,) = items(["a\x00b.txt"])
    assert problem.code == "unreadable"


def test_truncated_gzip_is_a_problem(tmp_path):
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>text</p></body></html>" * 100)[:60])
    (problem,) = items([path])
    assert problem.code == "truncated"
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress((GOOD + "\n").encode() * 50)[:200])
    assert [p.code for p in items([path]) if isinstance(p, InputProblem)] == ["truncated"]


def test_a_zip_bomb_entry_is_dropped_and_the_other_entries_kept(tmp_path):
    import io
    import zipfile

    from storyline.web.app import unpack_zip

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("a.txt", SAMPLE.read_text())
        zipped.writestr("bomb.txt", b"\0" * (30 << 20))
        lying = zipfile.ZipInfo("lying.txt")
        zipped.writestr(lying, b"\0" * (30 << 20), zipfile.ZIP_DEFLATED)
        zipped.writestr("z.txt", SAMPLE.read_text())
    data = bytearray(archive.getvalue())
    files, problems, used = unpack_zip(bytes(data), "up.zip", tmp_path / "up", 100 << 20, 1 << 20)
    assert sorted(f.name for f in files) == ["a.txt", "z.txt"]
    assert [(p.source, p.code) for p in problems] == [
        ("up.zip:bomb.txt", "too-large"),
        ("up.zip:lying.txt", "too-large"),
    ]
    assert used < 1 << 20 and not (tmp_path / "up" / "bomb.txt").exists()


def test_a_zip_entry_whose_size_lies_is_stopped_while_unpacking(tmp_path):
    import io
    import struct
    import zipfile

    from storyline.web.app import unpack_zip

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("bomb.txt", b"\0" * (5 << 20))
        zipped.writestr("z.txt", SAMPLE.read_text())
    data = bytearray(archive.getvalue())
    # rewrite the central directory's uncompressed size of bomb.txt to 10 bytes
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x01\x02"))
    struct.pack_into("<I", data, central + 24, 10)
    files, problems, _used = unpack_zip(bytes(data), "up.zip", tmp_path / "up", 100 << 20, 1 << 20)
    assert [f.name for f in files] == ["z.txt"]
    assert [p.source for p in problems] == ["up.zip:bomb.txt"]
    assert problems[0].code in ("too-large", "unreadable")


def test_a_nul_in_the_web_folder_field_is_a_400(tmp_path):
    from storyline.web.app import Limits, ServiceError, folder_of

    with pytest.raises(ServiceError) as raised:
        folder_of("a\x00b", Limits(allowed_folders=(tmp_path,)))
    assert raised.value.status == 400
