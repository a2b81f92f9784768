"""The import contracts of pyproject.toml (import-linter): layers, runtime free of training/evaluation, no cycles.

``make test`` runs ``lint-imports`` too; here the contracts are also shown to catch what they are for, on a
copy of the package with one forbidden import added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import storyline

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def lint_imports(source: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with the project's contracts, over the ``storyline`` package found under ``source``."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=source,
        check=False,
    )


def test_the_package_keeps_its_import_contracts():
    result = lint_imports(Path(storyline.__file__).parents[1])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        (
            "who/cues.py",
            "from ..training import cue_model",
            "runtime code never imports training or evaluation",
        ),
        (
            "ingest/clean.py",
            "from ..evaluate import extraction",
            "runtime code never imports training or evaluation",
        ),
        ("annotate/nlp.py", "from ..who import attribution", "runtime layers"),
        ("training/common.py", "from ..evaluate import polnear", "evaluation may use training"),
        ("ingest/clean.py", "from . import prepare", "no import cycles"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, contract):
    copy = tmp_path / "storyline"
    shutil.copytree(
        Path(storyline.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__", "data")
    )
    path = copy / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
