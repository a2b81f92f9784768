"""Start-up: `storyline --help` lists every command without loading a stage's libraries (spaCy, SciPy,
datasketch, DuckDB, FastAPI), and each command's own help still has all its options."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT

HEAVY = ("spacy", "scipy", "numpy", "datasketch", "duckdb", "fastapi", "rich", "sklearn", "trafilatura")


def loaded_after(*argv: str) -> tuple[set[str], str]:
    code = (
        "import contextlib, io, sys\n"
        "from storyline.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        f"    main({list(argv)!r})\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
        "print(out.getvalue())\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    modules, _, shown = done.stdout.partition("\n")
    return set(modules.split()), shown


def test_help_lists_every_command_without_heavy_imports():
    from storyline.cli.main import COMMANDS

    modules, shown = loaded_after("--help")
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
    for name in COMMANDS:
        assert name in shown


def test_a_command_help_still_has_its_options():
    _, shown = loaded_after("summarize", "--help")
    assert "--method" in shown and "learned" in shown
    _, shown = loaded_after("evaluate", "--help")
    assert "timeline17" in shown
    _, shown = loaded_after("inspect", "--help")
    assert "--show-removed" in shown
