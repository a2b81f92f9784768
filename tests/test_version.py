"""The version is written once, in pyproject.toml; the package and the web API read it from there."""

import importlib.metadata
import tomllib
from pathlib import Path

import storyline
from storyline.web.app import create_app


def test_one_version_everywhere():
    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert storyline.__version__ == importlib.metadata.version("storyline") == pyproject["project"]["version"]
    assert create_app().version == storyline.__version__
