"""Choosing a constant leave-one-story-out: what the held-out story gets is what the other stories chose.

A constant of the pipeline (how many lead sentences count as the article's news, how confident a dating must
be before an article's events are placed on its inferred day, ...) is chosen from a small grid. Choosing it on
every story and reporting that figure flatters it; here each story is scored with the value that did best on
the *other* stories, so the figure predicts a story the choice never saw::

    from storyline.training.folds import choose_by_story
    choice = choose_by_story({"0.03": {"bpoil": 0.05, "MJ": 0.04}, "0.06": {...}})
    choice.held_out  # per story: the figure it gets with its fold's value
    choice.shipped   # the value chosen on every story

``scores`` maps each value to per-story figures (higher is better; a mean over the story's timelines or
articles). A story's fold value is the value with the best mean over the other stories (ties: the value
listed first, so list the current one first to keep it unless another does better). ``flat`` says whether the
choice matters: the spread of the per-value means over all stories, which the report prints beside the
fold figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass
class FoldChoice:
    """What leave-one-story-out chose, and what each held-out story scored with it."""

    fold_values: dict[str, str]  # story -> the value chosen on the other stories
    held_out: dict[str, float]  # story -> its figure with that value
    shipped: str  # the value chosen on every story
    means: dict[str, float]  # value -> its mean figure over all stories (in-sample, for the spread)

    @property
    def held_out_mean(self) -> float:
        return statistics.fmean(self.held_out.values())

    @property
    def spread(self) -> float:
        """How much the choice matters: the best value's mean over all stories minus the worst's."""
        return max(self.means.values()) - min(self.means.values())


def choose_by_story(scores: Mapping[str, Mapping[str, float]]) -> FoldChoice:
    """Per story, the value (a key of ``scores``) with the best mean figure over the other stories, and the
    story's own figure with it; the value best over all stories is the one to ship."""
    values = list(scores)
    if not values:
        raise ValueError("no values to choose from")
    stories = sorted(set().union(*(set(per_story) for per_story in scores.values())))
    for value in values:
        missing = set(stories) - set(scores[value])
        if missing:
            raise ValueError(f"value {value} has no figure for {', '.join(sorted(missing))}")

    def best(among: list[str]) -> str:
        # max keeps the first of equal values: the value listed first wins ties
        return max(values, key=lambda v: statistics.fmean(scores[v][s] for s in among))

    fold_values: dict[str, str] = {}
    held_out: dict[str, float] = {}
    for story in stories:
        others = [s for s in stories if s != story] or [story]
        fold_values[story] = best(others)
        held_out[story] = scores[fold_values[story]][story]
    means = {v: statistics.fmean(scores[v][s] for s in stories) for v in values}
    return FoldChoice(fold_values, held_out, best(stories), means)
