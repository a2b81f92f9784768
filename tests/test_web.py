"""The web app and JSON API (storyline.web.app), against a real `storyline serve` process on 127.0.0.1."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storyline.cli.main import build_parser
from storyline.web.app import unsafe_member

from .conftest import SAMPLES

STARTUP_SECONDS = 120


T17 = SAMPLES.parent.parent / "data" / "timeline17"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server(*options: str, tmpdir: Path | None = None) -> Iterator[str]:
    """Start `storyline serve` on a free loopback port; yield its base URL; stop it, whatever happens."""
    port = free_port()
    env = dict(os.environ)
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)  # where the server may write: checked by the zip test
    command = [sys.executable, "-m", "storyline.cli.main", "serve", "--port", str(port), "-q", *options]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                output = server.stdout.read().decode() if server.stdout else ""
                raise RuntimeError(f"storyline serve exited with {server.returncode}: {output[-2000:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"storyline serve did not answer within {STARTUP_SECONDS} s")
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


@pytest.fixture(scope="module")
def server_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-tmp")


@pytest.fixture(scope="module")
def server(server_tmp: Path) -> Iterator[str]:
    options = ("--allow-folder", str(SAMPLES.parent), "--max-upload-mb", "1", "--time-limit", "240")
    with running_server(*options, tmpdir=server_tmp) as base:
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=240) as http:
        yield http


@pytest.fixture(scope="module")
def installed(client: httpx.Client) -> set[str]:
    return set(client.get("/api/health").json()["stages"])


def sample_records(count: int = 5) -> list[dict[str, str]]:
    return [{"text": path.read_text(encoding="utf-8")} for path in sorted(SAMPLES.iterdir())[:count]]


def test_serve_binds_to_loopback_by_default():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000


def test_health_says_what_is_installed(client):
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["max_upload_bytes"] == 1_000_000
    assert health["folders"] == [str(SAMPLES.parent.resolve())]


def test_inspect_reads_json_articles(client):
    records = sample_records(2)
    records[0]["outlet"] = "Given Outlet"
    records[0]["published"] = "2011-08-18"
    response = client.post("/api/inspect", json={"articles": records})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [a["source"] for a in data["articles"]] == ["articles[0]", "articles[1]"]
    first = data["articles"][0]
    assert first["outlet"] == "Given Outlet" and first["published"] == "2011-08-18"
    assert first["published_provenance"] == "user"
    assert first["sentences"] and first["entities"]
    span = first["sentences"][0]
    assert first["text"][span["start"] : span["end"]].strip()
    assert data["problems"] == []


@pytest.mark.parametrize(
    ("command", "fields", "keys"),
    [
        ("summarize", ["summary"], ["summary", "sentences", "sources"]),
        ("timeline", ["timeline"], ["timeline"]),
        ("who", ["attributions", "entities"], ["attributions", "entities", "articles"]),
        ("compare", ["comparison"], ["claims", "positions", "reversals", "articles"]),
    ],
)
def test_every_command_endpoint(client, installed, command, fields, keys):
    response = client.post(f"/api/{command}", json={"articles": sample_records(), "words": 100})
    if all(field in installed for field in fields):
        assert response.status_code == 200, response.text
        data = response.json()
        extra = {"summarize": {"method", "words"}, "timeline": {"undated", "undated_more"}}.get(
            command, set()
        )
        assert set(data) == {*keys, "problems"} | extra
        for key in keys:
            assert data[key]
    else:
        assert response.status_code == 501
        assert "cannot do that yet" in response.json()["detail"]


def test_brief_of_an_allowed_folder(client, installed):
    response = client.post("/api/brief", json={"folder": "syria-assad", "words": 120})
    assert response.status_code == 200, response.text
    data = response.json()
    assert len(data["articles"]) == 5
    assert {a["source"] for a in data["articles"]} == {
        f"samples/syria-assad/{p.name}" for p in SAMPLES.iterdir()
    }
    for field in installed:
        assert field in data and (data[field] is not None or field in data["stage_errors"])
    if "summary" in installed and "summary" not in data["stage_errors"]:
        words = sum(len(s["text"].split()) for s in data["summary"]["sentences"])
        assert 0 < words <= 160


@pytest.mark.parametrize("folder", ["/etc", "syria-assad/../../..", str(SAMPLES.parent.parent / "data")])
def test_folders_outside_the_allowed_ones_are_refused(client, folder):
    response = client.post("/api/inspect", json={"folder": folder})
    assert response.status_code == 403
    assert "operator allowed" in response.json()["detail"]


def test_uploads_are_named_by_their_file_names(client):
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(SAMPLES.iterdir())[:3]]
    response = client.post("/api/inspect/files", files=files)
    assert response.status_code == 200, response.text
    assert [a["source"] for a in response.json()["articles"]] == [
        p.name for p in sorted(SAMPLES.iterdir())[:3]
    ]


def test_too_large_upload_gets_413_with_a_message(client):
    big = b"word " * 300_000  # 1.5 MB against the server's 1 MB limit
    response = client.post("/api/inspect/files", files=[("files", ("big.txt", big, "text/plain"))])
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert "1 MB limit" in detail and "--max-upload-mb" in detail
    response = client.post(
        "/api/inspect", content=b'{"text": "' + big + b'"}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_malformed_json_gets_422_with_a_message(client):
    response = client.post(
        "/api/summarize", content=b'{"articles": [{"text": "x"', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["detail"]
    response = client.post("/api/inspect", json={"articles": [{"text": 5}]})
    assert response.status_code == 422  # its only article is bad: nothing could be read
    assert response.json()["detail"] == (
        "no article could be read: articles[0]: field 'text' must be a string, not a number [bad-field]"
    )
    response = client.post("/api/inspect", json={"articles": {"text": "x"}})
    assert response.status_code == 422 and "articles" in response.json()["detail"]
    response = client.post("/api/inspect", json={"articles": [], "colour": "red"})
    assert response.status_code == 422 and "colour" in response.json()["detail"]
    response = client.post("/api/inspect", json={})
    assert response.status_code == 422 and "no input" in response.json()["detail"]
    for response in (client.post("/api/inspect", json={"text": "   "}),):
        assert "Traceback" not in response.text


def test_unreadable_input_is_reported_and_the_rest_goes_on(client):
    response = client.post(
        "/api/inspect",
        json={"articles": [{"title": "no text"}, sample_records(1)[0]], "text": "{not json}\n"},
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert len(data["articles"]) == 1
    sources = {p["source"] for p in data["problems"]}
    assert "articles[0]" in sources


def test_each_json_article_is_checked_on_its_own(client):
    """One schema (storyline.ingest.record.JsonRecord) for a JSONL line and a JSON article: a bad
    article is one problem naming it and its field; the others are analysed."""
    good = sample_records(2)
    articles = [
        good[0],
        {"text": "Officials met.", "url": 5, "id": "bad-url"},
        {"text": 7},
        "just a string",
        {"text": "Officials met.", "authors": [{"name": "x"}], "_id": 12},
        {**good[1], "outlet": ["Given", "Outlet"], "colour": "red"},  # unknown keys are ignored
        None,
    ]
    response = client.post("/api/inspect", json={"articles": articles})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [a["source"] for a in data["articles"]] == ["articles[0]", "articles[5]"]
    assert data["articles"][1]["outlet"] == "Given, Outlet"
    assert [(p["source"], p["code"], p["message"]) for p in data["problems"]] == [
        ("articles[1] (id 'bad-url')", "bad-field", "field 'url' must be a string, not a number"),
        ("articles[2]", "bad-field", "field 'text' must be a string, not a number"),
        (
            "articles[3]",
            "bad-json",
            "an article must be a JSON object with a 'text' or 'html' field, not a string",
        ),
        (
            "articles[4] (id 12)",
            "bad-field",
            "field 'authors' must be a string or a list of strings, not a list holding an object",
        ),
        (
            "articles[6]",
            "bad-json",
            "an article must be a JSON object with a 'text' or 'html' field, not null",
        ),
    ]
    # the OpenAPI description of an article is the record schema's
    schema = client.get("/openapi.json").json()["components"]["schemas"]["BriefRequest"]
    item = schema["properties"]["articles"]["items"]
    assert {"text", "html", "url", "outlet", "authors", "published", "id", "_id"} <= set(item["properties"])


def test_zip_entries_leaving_the_folder_are_refused(client, server_tmp):
    escape = f"storyline-escape-{uuid.uuid4().hex}.txt"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"../../{escape}", "Officials said this must never be written anywhere.")
        zipped.writestr(f"/tmp/{escape}", "Nor this.")
        link = zipfile.ZipInfo(f"link-{escape}")
        link.external_attr = (0o120777 << 16) | 0x10
        zipped.writestr(link, "/etc/passwd")
        zipped.writestr("story/one.txt", (SAMPLES / "001_93f27252f708ae0a.txt").read_text())
    response = client.post(
        "/api/inspect/files", files=[("files", ("bundle.zip", archive.getvalue(), "application/zip"))]
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert [a["source"] for a in data["articles"]] == ["bundle.zip/story/one.txt"]
    refused = {p["source"]: p for p in data["problems"]}
    assert {f"bundle.zip:../../{escape}", f"bundle.zip:/tmp/{escape}", f"bundle.zip:link-{escape}"} == set(
        refused
    )
    assert all(p["code"] == "unsafe-path" for p in refused.values())
    # Nothing was written outside the request's temporary folder, and that folder is gone.
    assert not any(server_tmp.rglob("*")), list(server_tmp.rglob("*"))
    for folder in (server_tmp, server_tmp.parent, server_tmp.parent.parent, Path("/tmp"), Path.cwd()):
        assert not (folder / escape).exists()


def test_unsafe_member_rules():
    def info(name: str, mode: int = 0o100644) -> zipfile.ZipInfo:
        member = zipfile.ZipInfo(name)
        member.external_attr = mode << 16
        return member

    assert unsafe_member(info("a/b.txt")) is None
    assert unsafe_member(info("plain.txt", 0)) is None  # no file type stored
    assert unsafe_member(info("../x")) and unsafe_member(info("a/../../x")) and unsafe_member(info("..\\x"))
    assert unsafe_member(info("/etc/passwd")) and unsafe_member(info("C:/Windows/x"))
    assert unsafe_member(info("l", 0o120777)) and unsafe_member(info("fifo", 0o010644))


def test_openapi_describes_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    for command in ("inspect", "summarize", "timeline", "who", "compare", "brief"):
        assert "post" in schema["paths"][f"/api/{command}"]
        upload = schema["paths"][f"/api/{command}/files"]["post"]
        assert "multipart/form-data" in upload["requestBody"]["content"]
    assert "BriefRequest" in json.dumps(schema["components"])
    page = client.get("/api")
    assert page.status_code == 200 and "/api/brief/files" in page.text


def test_home_page_and_form_report(client):
    home = client.get("/")
    assert home.status_code == 200 and 'action="/report"' in home.text
    assert "syria-assad" not in home.text  # the allowed folder is offered, not its contents
    response = client.post(
        "/report", data={"text": (SAMPLES / "003_24413f4cd07879cc.txt").read_text(), "words": "80"}
    )
    assert response.status_code == 200, response.text[:500]
    assert response.text.startswith("<!doctype html>")
    assert "Kerry Withdraws From Call For Assad" in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    error = client.post("/report", data={"words": "many"})
    assert error.status_code == 422 and "<h1>That did not work</h1>" in error.text
    assert "Traceback" not in error.text


def test_requests_naming_another_host_are_refused(server):
    response = httpx.get(f"{server}/api/health", headers={"Host": "attacker.example"})
    assert response.status_code == 400


def test_time_limit_gives_504(tmp_path):
    with running_server("--time-limit", "0.05", tmpdir=tmp_path) as base:
        response = httpx.post(f"{base}/api/brief", json={"articles": sample_records()}, timeout=60)
        assert response.status_code == 504
        detail = response.json()["detail"]
        assert "0.05-second time limit" in detail and "--time-limit" in detail and "()" not in detail
        assert httpx.get(f"{base}/api/health", timeout=10).status_code == 200  # still serving


def test_unexpected_errors_give_500_without_a_stack_trace(monkeypatch):
    from fastapi.testclient import TestClient

    from storyline.web import app as web

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web, "run_command", broken)
    client = TestClient(web.create_app(), raise_server_exceptions=False, base_url="http://127.0.0.1")
    response = client.post("/api/inspect", json={"text": "Some article text about talks."})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (RuntimeError); the server's log has the details"}
    page = client.post("/report", data={"text": "Some article text about talks."})
    assert page.status_code == 500 and "Traceback" not in page.text and "secret" not in page.text


def test_a_declared_oversize_body_gets_413_at_once_without_sending_it(server):
    port = int(server.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        raw.sendall(
            b"POST /api/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 999999999\r\n\r\n"
        )
        answer = b""
        while chunk := raw.recv(4096):  # no body sent: the old server waited for it forever
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and b"--max-upload-mb" in answer
    assert b"x-content-type-options: nosniff" in answer


def test_headers_that_never_finish_are_cut_off(server):
    """A client that sends part of its headers and then nothing holds no connection past the
    header time limit (storyline.web.protocol, 10 s)."""
    port = int(server.rsplit(":", 1)[1])
    started = time.monotonic()
    connections = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(2)]
    try:
        connections[0].sendall(b"POST /api/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the rest never
        for raw in connections:  # the second sends nothing at all
            assert raw.recv(4096) == b""  # closed by the server, without an answer
        assert 9 < time.monotonic() - started < 20
    finally:
        for raw in connections:
            raw.close()


def test_cross_origin_posts_are_refused_and_same_origin_ones_accepted(client, server):
    text = sample_records(1)[0]["text"]
    for headers in (
        {"Origin": "http://attacker.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
    ):
        response = client.post("/report", data={"text": text}, headers=headers)
        assert response.status_code == 403 and "another site" in response.text
    response = client.post("/api/inspect", json={"text": text}, headers={"Origin": server})
    assert response.status_code == 200
    # our own form under Referrer-Policy: no-referrer (what Chromium sends)
    own = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/inspect", json={"text": text}, headers=own).status_code == 200


def test_a_nul_in_the_folder_is_a_400(client):
    response = client.post("/api/inspect", json={"folder": "syria-assad\u0000x"})
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_a_symlink_out_of_an_allowed_folder_is_not_followed(tmp_path):
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret minister said the secret talks would stay secret for a long time.")
    (allowed / "one.txt").write_text(sample_records(1)[0]["text"])
    (allowed / "leak.txt").symlink_to(secret)
    with running_server("--allow-folder", str(allowed), "--workers", "0", tmpdir=tmp_path) as base:
        response = httpx.post(f"{base}/api/inspect", json={"folder": str(allowed)}, timeout=120)
    assert response.status_code == 200, response.text
    data = response.json()
    assert [a["source"].rsplit("/", 1)[-1] for a in data["articles"]] == ["one.txt"]
    assert "secret" not in response.text.replace("allowed", "")  # neither the text nor its name
    assert [p["code"] for p in data["problems"]] == ["outside"]


def big_records(count: int) -> list[dict[str, str]]:
    records = []
    for path in sorted(T17.glob("*/articles.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line)["text"]
                if text.strip():
                    records.append({"text": text})
                if len(records) == count:
                    return records
    return records


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    options = ("--workers", "2", "--queue", "1", "--time-limit", "6")
    with running_server(*options, tmpdir=tmp_path_factory.mktemp("pooled")) as base:
        yield base


def worker_processes(base: str) -> list:
    import psutil

    port = base.rsplit(":", 1)[1]
    (server,) = [
        p for p in psutil.process_iter(["cmdline"]) if f"--port {port}" in " ".join(p.info["cmdline"] or [])
    ]
    return [child for child in server.children() if "spawn_main" in " ".join(child.cmdline())]


def test_the_time_limit_stops_the_work_and_small_requests_go_on(pooled):
    import concurrent.futures

    workers = worker_processes(pooled)
    with concurrent.futures.ThreadPoolExecutor(2) as run:
        started = time.monotonic()
        big = run.submit(httpx.post, f"{pooled}/api/brief", json={"articles": big_records(150)}, timeout=120)
        time.sleep(1)
        small = httpx.post(f"{pooled}/api/summarize", json={"articles": sample_records(2)}, timeout=120)
        assert small.status_code == 200, small.text  # served by the other worker meanwhile
        answer = big.result()
        took = time.monotonic() - started
    assert answer.status_code == 504, answer.text[:300]
    assert "6-second time limit" in answer.json()["detail"] and "()" not in answer.json()["detail"]
    assert took < 6 + 1.5  # answered at the limit (the worker is stopped meanwhile), with slack
    # the big request's work has stopped: its worker was cancelled (and idles) or killed (and gone);
    # a replacement's start-up is not the request's work, so only the workers it could run on count
    time.sleep(1.5)
    survivors = [w for w in workers if w.is_running()]
    before = [w.cpu_times().user + w.cpu_times().system for w in survivors]
    time.sleep(2)
    after = [w.cpu_times().user + w.cpu_times().system for w in survivors]
    assert all(b - a < 0.5 for a, b in zip(before, after, strict=True)), (before, after)
    again = httpx.post(f"{pooled}/api/summarize", json={"articles": sample_records(2)}, timeout=120)
    assert again.status_code == 200


def test_a_queued_request_is_answered_within_the_limit_of_its_arrival(pooled):
    """Both workers busy past their limit; a small request arriving meanwhile waits in the queue.
    Its limit counts from its arrival: it is answered by then (503 or 504, or 200 if a worker was
    free in time), not a whole limit after a worker took it; the big ones get their 504 at 6 s."""
    import concurrent.futures

    wait_for_idle_workers(pooled)
    with concurrent.futures.ThreadPoolExecutor(3) as run:
        started = time.monotonic()
        bigs = [
            run.submit(httpx.post, f"{pooled}/api/brief", json={"articles": big_records(150)}, timeout=120)
            for _ in range(2)
        ]
        time.sleep(1.0)
        sent = time.monotonic()
        small = httpx.post(f"{pooled}/api/summarize", json={"articles": sample_records(2)}, timeout=120)
        small_took = time.monotonic() - sent
        answers = [(b.result(), time.monotonic() - started) for b in bigs]
    assert small.status_code in (200, 503, 504), small.text
    assert small_took < 6 + 1.5, (small_took, small.status_code, small.text[:200])
    for answer, _took in answers:
        assert answer.status_code == 504, answer.text[:300]
    assert max(took for _answer, took in answers) < 6 + 1.5


def wait_for_idle_workers(base: str, count: int = 2) -> None:
    """Until ``count`` workers are free and nobody is queued (a request an earlier test left waiting
    takes a worker later)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = httpx.get(f"{base}/api/health").json()["workers"]
        if workers["idle"] >= count and workers["waiting"] == 0:
            break
        time.sleep(0.5)


def test_two_requests_arriving_together_with_two_free_workers_are_both_served(pooled):
    # a request took a free worker only after passing through the queue's count, so a second one arriving in
    # that moment was refused as "busy" while a worker stood idle (seen in CI)
    import concurrent.futures

    for _ in range(3):
        wait_for_idle_workers(pooled)
        with concurrent.futures.ThreadPoolExecutor(2) as run:
            futures = [
                run.submit(
                    httpx.post, f"{pooled}/api/summarize", json={"articles": sample_records(2)}, timeout=120
                )
                for _ in range(2)
            ]
            codes = [f.result().status_code for f in futures]
        assert codes == [200, 200], codes


def test_a_full_queue_gets_503_with_retry_after(pooled):
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(5) as run:
        futures = [
            run.submit(httpx.post, f"{pooled}/api/brief", json={"articles": big_records(60)}, timeout=120)
            for _ in range(5)
        ]
        answers = [f.result() for f in futures]
    busy = [a for a in answers if a.status_code == 503]
    assert busy, [a.status_code for a in answers]  # 2 running, 1 waiting: the others are refused
    assert all(int(a.headers["retry-after"]) >= 1 and "busy" in a.json()["detail"] for a in busy)
    assert {a.status_code for a in answers} <= {200, 503, 504}


def test_a_killed_worker_fails_its_request_cleanly_and_is_replaced(pooled):
    import concurrent.futures
    import signal

    wait_for_idle_workers(pooled)
    before = {w.pid for w in worker_processes(pooled)}
    with concurrent.futures.ThreadPoolExecutor(2) as run:
        futures = [
            run.submit(httpx.post, f"{pooled}/api/brief", json={"articles": big_records(20)}, timeout=120)
            for _ in range(2)
        ]
        time.sleep(1.0)
        victim = worker_processes(pooled)[0]
        victim.send_signal(signal.SIGKILL)
        answers = [f.result() for f in futures]
    codes = sorted(a.status_code for a in answers)
    assert 503 in codes and 500 not in codes, codes
    failed = next(a for a in answers if a.status_code == 503)
    assert "stopped before answering" in failed.json()["detail"] and "retry-after" in failed.headers
    # the replacement has started and the other worker has finished its brief: on a loaded machine a small
    # request sent before then waits behind that brief and can pass the 6-second limit
    wait_for_idle_workers(pooled)
    for _ in range(3):
        response = httpx.post(f"{pooled}/api/summarize", json={"articles": sample_records(2)}, timeout=120)
        assert response.status_code == 200, response.text
    health = httpx.get(f"{pooled}/api/health").json()["workers"]
    assert health["alive"] == 2 and health["replaced"] >= 1
    assert victim.pid not in {w.pid for w in worker_processes(pooled)} and before
