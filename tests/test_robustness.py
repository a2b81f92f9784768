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


@pytest.mark.skip(
    reason="issue 16 (open): in-process, 50 hostile requests through spaCy took over 400 s on this 2-core "
    "machine (each request bounded only by its 300 s limit); run benchmarks/robustness.py for the web figures"
)
def test_web_fuzz_subset(generated, tmp_path):
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
    app = create_app(Limits(time_limit=300, allowed_folders=(web_folder,)))
    statuses = []
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
        for number, case in enumerate(cases[::2]):
            endpoint = robustness.ENDPOINTS[number % len(robustness.ENDPOINTS)]
            with_good = number % 3 == 0
            response = robustness.send(
                client, endpoint, case, folder, web_folder, good if with_good else None
            )
            statuses.append(response.status_code)
            assert response.status_code < 500, (endpoint, case.name, response.text[:300])
            assert robustness.SECRET not in response.text
            if with_good:
                assert response.status_code == 200, (endpoint, case.name, response.text[:300])
    assert set(statuses) <= {200, 400, 403, 413, 422}
