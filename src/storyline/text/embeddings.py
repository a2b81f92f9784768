"""Sentence embeddings for paraphrase: WordLlama's static token embeddings, loaded offline.

WordLlama (a dependency) ships its default weights inside the package; they are loaded from there
with downloads disabled, so nothing is fetched at run time. Vectors are L2-normalised, so a dot
product is the cosine.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


@lru_cache(maxsize=1)
def model() -> Any:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


# Vectors already made for these texts (the brief's kept per-article pieces, ``storyline.service.brief``),
# used as they are: a text's vector does not depend on the texts embedded with it (checked bit for bit in
# ``tests/test_embeddings.py``), so a text found here gets the vector it would get embedded again.
KNOWN: dict[str, np.ndarray] = {}


@contextlib.contextmanager
def known_vectors(vectors: dict[str, np.ndarray]) -> Iterator[None]:
    """Let ``embed`` take the vectors of these texts as given while the block runs."""
    KNOWN.update(vectors)
    try:
        yield
    finally:
        KNOWN.clear()


def embed(texts: Sequence[str]) -> np.ndarray:
    """One normalised vector per text (rows), float32."""
    import numpy as np

    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    if KNOWN:
        rows = [KNOWN.get(text) for text in texts]
        missing = [text for text, row in zip(texts, rows, strict=True) if row is None]
        if len(missing) < len(texts):
            made = iter(embed(missing)) if missing else iter(())
            return np.vstack([row if row is not None else next(made) for row in rows]).astype(np.float32)
    vectors = np.asarray(model().embed(list(texts), norm=True), dtype=np.float32)
    return vectors


# The most cells of one block of scores (float32): 32 MB, however many texts there are.
BLOCK_CELLS = 8 * 1024 * 1024


def similar_pairs(vectors: np.ndarray, threshold: float, block: int = 2048) -> list[tuple[int, int, float]]:
    """Pairs (i < j) whose cosine reaches ``threshold``, computed block by block (memory stays small: a
    block has at most ``block`` rows and ``BLOCK_CELLS`` scores, so it does not grow with the texts)."""
    import numpy as np

    block = max(1, min(block, BLOCK_CELLS // max(1, len(vectors))))
    pairs: list[tuple[int, int, float]] = []
    for start in range(0, len(vectors), block):
        # a block's rows against the columns from its own first row on: the pairs before it were scored
        # by the blocks above (half the products of the whole square; each score the same dot product)
        scores = vectors[start : start + block] @ vectors[start:].T
        rows, columns = np.nonzero(scores >= threshold)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if row < column:
                pairs.append((start + row, start + column, float(scores[row, column])))
    return pairs
