"""Choosing a constant leave-one-story-out (``training.folds``)."""

import pytest

from storyline.training.folds import choose_by_story


def test_each_story_gets_the_value_the_other_stories_chose():
    # "b" is best on x and y, "a" on z alone: z is scored with "b" (chosen on x and y), x with the value that
    # is best on y and z together.
    scores = {
        "a": {"x": 0.10, "y": 0.10, "z": 0.90},
        "b": {"x": 0.50, "y": 0.50, "z": 0.20},
    }
    choice = choose_by_story(scores)
    assert choice.fold_values["z"] == "b"
    assert choice.held_out["z"] == 0.20  # not its own best (0.90): the held-out figure is honest
    assert choice.fold_values["x"] == "a"  # on y and z: a 0.50, b 0.35
    assert choice.held_out["x"] == 0.10
    assert choice.shipped == "b"  # over all three: a 0.367, b 0.40
    assert choice.spread == pytest.approx(0.40 - 1.1 / 3)


def test_ties_keep_the_value_listed_first_and_a_flat_choice_has_no_spread():
    scores = {"30": {"x": 0.3, "y": 0.4}, "20": {"x": 0.3, "y": 0.4}}
    choice = choose_by_story(scores)
    assert set(choice.fold_values.values()) == {"30"}
    assert choice.shipped == "30" and choice.spread == 0.0


def test_a_value_missing_a_story_is_refused():
    with pytest.raises(ValueError, match="no figure for y"):
        choose_by_story({"a": {"x": 1.0, "y": 1.0}, "b": {"x": 1.0}})
