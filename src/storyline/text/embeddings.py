"""Sentence embeddings for paraphrase: WordLlama's static token embeddings, loaded offline.

WordLlama (a dependency) ships its default weights inside the package; they are loaded from there
with downloads disabled, so nothing is fetched at run time. Vectors are L2-normalised, so a dot
product is the cosine.
"""

from __future__ import annotations

import contextlib
import typing
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..pieces import NO_PIECES, Pieces

if TYPE_CHECKING:
    import numpy as np

    from ..model import Article


@lru_cache(maxsize=1)
def model() -> Any:
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@lru_cache(maxsize=1)
def weights() -> str:
    """The embedding's name and version, in the key of every kept vector: other weights, other vectors (asked
    once: ``importlib.metadata.version`` reads the installed packages' metadata each time)."""
    from importlib.metadata import version

    return f"wordllama {version('wordllama')}"


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


# The vectors of texts that are not an article's sentences (the content of the statements a sentence reports), kept
# per article between briefs: {"texts": the texts' SHA-256 (``similarity.digest``), "vectors": their rows, float32
# little-endian, base64}.
VECTORS_KIND = dict[str, Any]


def embed_kept(
    texts: Sequence[str], owners: Sequence[Article], pieces: Pieces = NO_PIECES, name: str = "text-vectors"
) -> np.ndarray:
    """``embed(texts)``, with each text's vector kept in the piece ``name`` of the article it comes from
    (``owners[i]``, ``storyline.pieces``): a later call reads the rows of the texts an article's piece holds and
    embeds only the others (a text's vector does not depend on its batch, so a kept row is the one ``embed``
    would make). An article's piece is kept again when it lacked one of its texts."""
    import base64

    import numpy as np

    from .similarity import digest

    if not pieces.active or not texts:
        return embed(texts)
    extra = weights()
    members: dict[int, list[int]] = {}
    for i, article in enumerate(owners):
        members.setdefault(id(article), []).append(i)
    rows: list[np.ndarray | None] = [None] * len(texts)
    grown: list[list[int]] = []
    for used in members.values():
        found, entry = pieces.kept(name, owners[used[0]], VECTORS_KIND, extra)
        known = kept_rows(entry) if found else {}
        for i in used:
            rows[i] = known.get(digest(texts[i]))
        if any(rows[i] is None for i in used):
            grown.append(used)
    missing = [i for i, row in enumerate(rows) if row is None]
    for i, row in zip(missing, embed([texts[i] for i in missing]) if missing else (), strict=True):
        rows[i] = row
    made = typing.cast("list[np.ndarray]", rows)  # every row found or embedded
    for used in grown:
        vectors = np.vstack([made[i] for i in used]).astype("<f4")
        pieces.keep(
            name,
            owners[used[0]],
            {
                "texts": [digest(texts[i]) for i in used],
                "vectors": base64.b64encode(vectors.tobytes()).decode("ascii"),
            },
            extra,
        )
    return np.vstack(made).astype(np.float32)


def kept_rows(entry: Any) -> dict[str, np.ndarray]:
    """The rows of a kept piece of ``embed_kept`` by their text's digest; none when it has another shape."""
    import base64
    import binascii

    import numpy as np

    texts, vectors = entry.get("texts"), entry.get("vectors")
    if not (isinstance(texts, list) and isinstance(vectors, str) and all(isinstance(t, str) for t in texts)):
        return {}
    try:
        rows = np.frombuffer(base64.b64decode(vectors, validate=True), dtype="<f4")
    except (binascii.Error, ValueError):
        return {}
    if not texts or rows.size % len(texts):
        return {}
    return dict(zip(texts, rows.reshape(len(texts), -1).astype(np.float32), strict=True))
