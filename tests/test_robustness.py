"""A fast subset of benchmarks/robustness.py: generated hostile inputs through the CLI (inspect,
report, ingest) and every web endpoint: no traceback, no HTTP 500, no hang, every good input read."""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("robustness", ROOT / "benchmarks" / "robustness.py")
assert spec is not None and spec.loader is not None
robustness = importlib.util.module_from_spec(spec)
sys.modules["robustness"] = robustness
spec.loader.exec_module(robustness)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz") / "inputs"
    cases, _secret = robustness.generate(folder, 100, seed=7, bomb_mb=(40, 60))
    return folder, cases


def test_generated_inputs_cover_every_kind(generated):
    _folder, cases = generated
    kinds = {case.kind.split("-")[0] for case in cases}
    assert {
        "bytes",
        "unicode",
        "html",
        "jsonl",
        "encoding",
        "gzip",
        "good",
        "zip",
        "special",
        "bomb",
    } <= kinds
    assert sum(case.good for case in cases) >= 10


def test_cli_fuzz_subset(generated, tmp_path):
    folder, cases = generated
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    totals = robustness.cli_fuzz(folder, cases, batch=100, env=env, work=tmp_path)
    assert totals["tracebacks"] == 0 and totals["hangs"] == 0 and totals["bad_rc"] == 0
    assert totals["good_missing"] == [] and totals["good"] >= 10
    assert totals["failed_problems"] == 0 and totals["secret_leaks"] == 0 and totals["ingest_mismatch"] == 0
    assert totals["solo_peak_rss_mb"] < 500


@pytest.fixture
def fast_analysis(monkeypatch):
    """The web app's reading of requests for real, its analysis cut short: sentences by rules, no
    spaCy, no synthesis stage. What is under test here is what hostile requests do to the request
    handling (forms, JSON, uploads, zips, gzip, folders, FIFOs, links) and the reading; the full
    analysis of the same requests is benchmarks/robustness.py's web fuzz."""
    from storyline.service import brief as service_brief
    from storyline.web import app as web

    real_build = web.build_corpus

    def build_corpus(*args, **kwargs):
        return real_build(*args, **{**kwargs, "annotate": "rules"})

    def run_stages(corpus, sections, *, words=None, stages=(), check=None):
        return service_brief.brief(corpus, [], words=words, stages=[], check=check)

    monkeypatch.setattr(web, "build_corpus", build_corpus)
    monkeypatch.setattr(web, "run_stages", run_stages)
    monkeypatch.setattr("storyline.annotate.nlp.load_nlp", lambda *_args, **_kwargs: None)


def chosen_cases(cases, per_kind: int = 3):
    """Up to ``per_kind`` inputs of every kind (deep HTML, each special file, bombs included)."""
    chosen, seen = [], {}
    for case in cases:
        if seen.get(case.kind, 0) < per_kind:
            seen[case.kind] = seen.get(case.kind, 0) + 1
            chosen.append(case)
    return chosen


def test_web_fuzz_subset(generated, tmp_path, fast_analysis):
    """Every kind of generated input, each through one JSON endpoint and one upload endpoint (all
    13 endpoints in turn), FIFOs and links through an allowed folder, a good article added to every
    third request: no HTTP 500, no secret leaked, the good article always read."""
    from fastapi.testclient import TestClient

    from storyline.web.app import Limits, create_app

    folder, cases = generated
    web_folder = tmp_path / "web-folder"
    web_folder.mkdir()
    for case in cases:
        source = folder / case.name
        if case.kind.startswith("special") and source.is_symlink():
            os.symlink(os.readlink(source), web_folder / case.name)
        elif case.kind.startswith("special") and source.is_fifo():
            os.mkfifo(web_folder / case.name)
    good = sorted((ROOT.parent / "shared" / "samples" / "syria-assad").iterdir())[0].read_text()
    chosen = chosen_cases(cases)
    assert {c.kind for c in chosen} == {c.kind for c in cases}
    json_endpoints = [e for e in robustness.ENDPOINTS if e.startswith("/api/") and not e.endswith("/files")]
    upload_endpoints = [e for e in robustness.ENDPOINTS if e not in json_endpoints]
    requests = [("folder", None)]
    for number, case in enumerate(chosen):
        requests.append((json_endpoints[number % len(json_endpoints)], case))
        requests.append((upload_endpoints[number % len(upload_endpoints)], case))
    assert {endpoint for endpoint, _ in requests} >= set(robustness.ENDPOINTS)
    app = create_app(Limits(time_limit=120, allowed_folders=(web_folder,)))
    statuses = []
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
        for number, (endpoint, case) in enumerate(requests):
            with_good = number % 3 == 0
            response = robustness.send(
                client, endpoint, case, folder, web_folder, good if with_good else None
            )
            what = (endpoint, case and case.name, response.status_code, response.text[:300])
            statuses.append(response.status_code)
            assert response.status_code < 500, what
            assert robustness.SECRET not in response.text, what
            assert '"code":"failed"' not in response.text.replace(" ", ""), what
            if with_good:
                assert response.status_code == 200, what
                if endpoint.startswith(("/api/inspect", "/api/brief")) or endpoint == "folder":
                    sources = {a["source"] for a in response.json()["articles"]}
                    assert sources & {"good.txt", "articles[0]"}, what
    assert len(statuses) >= 60 and statuses.count(200) >= 20
    assert set(statuses) <= {200, 400, 403, 413, 422}
