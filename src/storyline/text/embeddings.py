"""Sentence embeddings for paraphrase: WordLlama's static token embeddings, loaded offline.

WordLlama (a dependency) ships its default weights inside the package; they are loaded from there
with downloads disabled, so nothing is fetched at run time. Vectors are L2-normalised, so a dot
product is the cosine.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
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
# ``tests/test_embeddings.py``), so a text found here gets the vector it would get embedded again. A mapping
# (``get``): the brief's reads each article's piece only when one of its texts is first asked.
KNOWN: Mapping[str, np.ndarray] = {}


@contextlib.contextmanager
def known_vectors(vectors: Mapping[str, np.ndarray]) -> Iterator[None]:
    """Let ``embed`` take the vectors of these texts as given while the block runs."""
    global KNOWN
    previous, KNOWN = KNOWN, vectors
    try:
        yield
    finally:
        KNOWN = previous


def embed(texts: Sequence[str]) -> np.ndarray:
    """One normalised vector per text (rows), float32."""
    import numpy as np

    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    known = KNOWN
    if known:
        rows = [known.get(text) for text in texts]
        missing = [text for text, row in zip(texts, rows, strict=True) if row is None]
        if len(missing) < len(texts):
            made = iter(embed(missing)) if missing else iter(())
            return np.vstack([row if row is not None else next(made) for row in rows]).astype(np.float32)
    vectors = np.asarray(model().embed(list(texts), norm=True), dtype=np.float32)
    return vectors
