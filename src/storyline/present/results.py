"""The JSON of every command, defined once: the CLI's ``--json``, the HTTP API and ``storyline brief``.

A command's JSON is its result's JSON (``summary_json``, ``timeline_json``, ``who_json``,
``compare_json``, the articles for ``inspect``) plus ``problems``: the inputs that could not be used,
``{source, code, message}`` each. ``brief`` holds every result under its ``Brief`` field name:
``{articles, summary, timeline, timeline_undated, entities, attributions, comparison, problems,
stage_errors, timings}``
(a part is null when its stage is not installed or failed). Articles carry ``number``, their place
in the input from 1, the number the HTML brief and the text output show. The JSON Schema of each is
in ``storyline/present/schemas/`` (``storyline.present.schemas``) and served at ``/api/schema/NAME``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import InputProblem
from ..model import Article, Brief, Comparison, Summary, Timeline
from .compare import compare_json
from .summary import summary_json
from .timeline import timeline_json
from .who import who_json

# The Brief fields each command shows (``brief`` shows them all).
COMMAND_SECTIONS: dict[str, tuple[str, ...]] = {
    "inspect": (),
    "summarize": ("summary",),
    "timeline": ("timeline",),
    "who": ("entities", "attributions"),
    "compare": ("comparison",),
    "brief": ("summary", "timeline", "entities", "attributions", "comparison"),
}
COMMANDS = tuple(COMMAND_SECTIONS)


def problem_json(problem: InputProblem) -> dict[str, str]:
    return {"source": problem.source, "code": problem.code, "message": problem.message}


def article_json(article: Article, number: int) -> dict[str, Any]:
    """Everything read in one article (``inspect``): metadata and how it was found, the cleaned text,
    what the cleaner removed, sentences, entities and time expressions (offsets into the text)."""
    data: dict[str, Any] = {"number": number}
    data.update(article.to_dict())
    data["sentences"] = [{"start": s.start, "end": s.end} for s in article.sentences]
    return data


def articles_json(articles: Sequence[Article]) -> list[dict[str, Any]]:
    return [article_json(article, number) for number, article in enumerate(articles, start=1)]


def empty_summary() -> Summary:
    return Summary(sentences=[], method="")


def command_json(command: str, brief: Brief) -> dict[str, Any]:
    """The JSON of ``command`` (one of ``COMMANDS``) over a brief holding its sections."""
    if command not in COMMAND_SECTIONS:
        raise ValueError(f"unknown command {command!r}; known: {', '.join(COMMANDS)}")
    articles = brief.articles
    result: dict[str, Any]
    if command == "inspect":
        result = {"articles": articles_json(articles)}
    elif command == "summarize":
        result = summary_json(brief.summary or empty_summary(), articles)
    elif command == "timeline":
        result = timeline_json(brief.timeline or Timeline(entries=[]))
    elif command == "who":
        result = who_json(articles, brief.entities or [], brief.attributions or [])
    elif command == "compare":
        result = compare_json(articles, brief.comparison or Comparison(claims=[], positions=[], reversals=[]))
    else:
        return brief_json(brief)
    result["problems"] = [problem_json(p) for p in brief.problems]
    return result


def brief_json(brief: Brief) -> dict[str, Any]:
    """The whole brief: the same object from ``storyline brief --json`` and ``POST /api/brief``."""
    articles = brief.articles
    comparison = None
    if brief.comparison is not None:
        comparison = compare_json(articles, brief.comparison)
        del comparison["articles"]
    who = who_json(articles, brief.entities or [], brief.attributions or [])
    timeline = timeline_json(brief.timeline) if brief.timeline is not None else None
    return {
        "articles": articles_json(articles),
        "summary": summary_json(brief.summary, articles) if brief.summary is not None else None,
        "timeline": timeline["timeline"] if timeline is not None else None,
        "timeline_undated": timeline["undated"] if timeline is not None else None,
        "entities": who["entities"] if brief.entities is not None else None,
        "attributions": who["attributions"] if brief.attributions is not None else None,
        "comparison": comparison,
        "problems": [problem_json(p) for p in brief.problems],
        "stage_errors": dict(brief.stage_errors),
        "timings": dict(brief.timings),
    }
