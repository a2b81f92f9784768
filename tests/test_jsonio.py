"""JSON out: ``indented`` writes exactly the standard library's indented text, faster."""

from __future__ import annotations

import json
import math
import random
from enum import IntEnum

import pytest

from storyline.present.jsonio import dump_json, indented


class Level(IntEnum):
    HIGH = 3


def random_value(rng: random.Random, depth: int = 0):
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(
            [
                "",
                "plain",
                'é \u2028 \x00 \x1f " \\ / \ud800 日本 \t\n',
                rng.randint(-(10**20), 10**20),
                rng.random() * 10 ** rng.randint(-30, 30),
                math.nan,
                math.inf,
                -math.inf,
                -0.0,
                1e16,
                1e-5,
                None,
                True,
                False,
                Level.HIGH,
                [],
                {},
                (),
            ]
        )
    kind = rng.randrange(3)
    items = [random_value(rng, depth + 1) for _ in range(rng.randrange(5))]
    if kind == 0:
        return items
    if kind == 1:
        return tuple(items)
    keys = [
        rng.choice(["k", "é", 1, 2.5, True, False, None, math.nan, Level.HIGH, str(rng.random())])
        for _ in items
    ]
    return dict(zip(keys, items, strict=True))


def test_indented_is_the_standard_librarys_text_byte_for_byte():
    rng = random.Random(18)
    for _ in range(3000):
        value = random_value(rng)
        assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_whole_brief_is_written_as_the_standard_library_writes_it(sample_articles):
    from storyline.present.results import brief_json
    from storyline.service.brief import brief
    from storyline.service.corpus import corpus_of

    result = brief_json(brief(corpus_of(sample_articles)))
    assert dump_json(result) == json.dumps(result, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [object(), {(1, 2): 3}, {"a": {1, 2}}])
def test_what_json_cannot_encode_is_refused_as_json_refuses_it(value):
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        indented(value)
