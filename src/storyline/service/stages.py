"""The stages of a brief: what each needs and makes, which ones a set of sections needs, and the
order check (``StageOrderError``). ``storyline.service.corpus`` asks it which annotations to build,
``storyline.service.brief`` runs the stages.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import StorylineError

# What a corpus can provide (``Corpus.annotations``), and the results stages pass on, by the keyword
# their functions receive them under.
ANNOTATIONS = ("sentences", "entities", "timexes", "docs", "copies")
PASSED = ("docs", "roster", "attributions")


@dataclass(frozen=True)
class Stage:
    """One part of the brief: the ``Brief`` field it fills, the function that computes it, what
    it needs (``requires``), what it makes (``assigns``; by default its field's name), the
    annotations it is given when the corpus has them and does without otherwise (``uses``), and
    whether its function takes the run's kept per-article parts (``pieces``: ``storyline.pieces``)."""

    field: str
    module: str
    function: str
    title: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    pieces: bool = False

    @property
    def makes(self) -> tuple[str, ...]:
        return self.assigns or (self.field,)


# In the order they run. The report lays its sections out on its own.
STAGES = (
    Stage(
        "summary",
        "storyline.summarize",
        "summarize",
        "summary",
        ("sentences", "timexes", "copies"),
        uses=("docs",),  # whether a sentence has a finite verb is read in its article's parse
        pieces=True,
    ),
    Stage(
        "timeline",
        "storyline.timeline.build",
        "build_timeline",
        "timeline",
        ("sentences", "timexes", "copies"),
        uses=("docs",),  # the main event of a dated sentence is read in its article's parse
        pieces=True,
    ),
    Stage(
        "entities",
        "storyline.who.entities",
        "build_roster",
        "who is who",
        ("entities", "docs"),
        ("roster",),
        pieces=True,
    ),
    Stage(
        "attributions",
        "storyline.who.attribution",
        "find_attributions",
        "who said what",
        ("sentences", "docs", "roster"),
        pieces=True,
    ),
    Stage(
        "comparison",
        "storyline.compare.claims",
        "compare",
        "source comparison",
        ("sentences", "docs", "copies", "roster", "attributions"),
        pieces=True,
    ),
)


class StageOrderError(StorylineError):
    """A stage needs something that neither the corpus nor an earlier stage provides."""


def stage_function(stage: Stage) -> Callable[..., Any] | None:
    """The stage's function, or None when its module is not installed or does not define it yet."""
    try:
        if importlib.util.find_spec(stage.module) is None:
            return None
    except (ImportError, ValueError):
        return None
    module = importlib.import_module(stage.module)
    function = getattr(module, stage.function, None)
    return function if callable(function) else None


def available_stages() -> list[Stage]:
    return [stage for stage in STAGES if stage_function(stage) is not None]


def stages_for(sections: Iterable[str] | None, stages: Sequence[Stage] = STAGES) -> list[Stage]:
    """The stages behind ``sections`` (Brief field names; None: all), with the stages whose results
    they need, in ``stages`` order."""
    if sections is None:
        return list(stages)
    wanted = set(sections)
    unknown = wanted - {stage.field for stage in stages}
    if unknown:
        raise StorylineError(
            f"unknown section(s): {', '.join(sorted(unknown))}; known: {', '.join(s.field for s in stages)}"
        )
    maker = {name: stage for stage in stages for name in stage.makes}
    chosen: set[str] = set()
    todo = [stage for stage in stages if stage.field in wanted]
    while todo:
        stage = todo.pop()
        if stage.field in chosen:
            continue
        chosen.add(stage.field)
        todo.extend(maker[need] for need in stage.requires if need in maker)
    return [stage for stage in stages if stage.field in chosen]


def check_order(stages: Sequence[Stage], provided: Iterable[str]) -> None:
    """Raise ``StageOrderError`` when a stage needs what neither ``provided`` (the corpus's
    annotations) nor an earlier stage makes."""
    have = set(provided)
    for stage in stages:
        missing = [need for need in stage.requires if need not in have]
        if missing:
            later = {need: s.title for s in stages for need in s.makes if need in missing}
            reasons = [
                f"{need!r} (made by the {later[need]} stage, which runs after it)"
                if need in later
                else f"{need!r} (the corpus was built without it)"
                if need in ANNOTATIONS
                else f"{need!r} (no stage makes it)"
                for need in missing
            ]
            raise StageOrderError(f"the {stage.title} stage needs {', '.join(reasons)}")
        have.update(stage.makes)
