"""The model's attribute ruler and rule lemmatizer as one array pass: the same token attributes, cheaper.

``en_core_web_sm`` sets part of speech, morphology and a few lemmas with an attribute ruler (spaCy's
``Matcher`` over 179 token patterns, run on every token: ~15% of the whole pipeline's CPU) and then lemmas
with a rule lemmatizer (a Python loop over every token). ``TokenAttributes`` does what the two do, with
the same patterns and the same lemmatizer, on the ``Doc``'s attribute arrays:

* each ruler pattern is matched as a boolean mask over the tokens' arrays (``TAG``, ``LOWER``, ``DEP``,
  ``IS_SPACE``...), and the patterns' attributes are written in the ruler's order, a later pattern
  overriding an earlier one, as the ruler does (its matches are sorted by pattern number);
* a lemma is the lemmatizer's own answer for the token's (text, part of speech, morphology), asked once
  per distinct triple and remembered (the lemmatizer keys its own cache the same way), written where no
  lemma is set yet (the lemmatizer does not overwrite).

It is used only when every pattern is of a kind it reads (fixed-length token sequences, equality, ``IN``,
``NOT_IN``, ``REGEX`` on the attributes below); any other pipeline keeps its own components
(``replace_components``). The token attributes are checked array-equal to the stock components' on
real articles (``tests/test_annotate.py``, ``benchmarks/token_attributes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a pattern may test (read from the Doc's arrays) and that a pattern may set.
READ = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA")
WRITTEN = ("POS", "MORPH", "LEMMA", "TAG", "DEP")


class Unsupported(ValueError):
    """A ruler pattern or setting this pass does not reproduce: keep the stock components."""


Mask = Callable[[dict[str, "np.ndarray"], "Doc"], "np.ndarray"]


class TokenAttributes:
    """Callable spaCy component: the attribute ruler ``ruler`` then the lemmatizer ``lemmatizer``."""

    def __init__(self, nlp: Language, ruler: Any, lemmatizer: Any) -> None:
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise Unsupported("only a rule lemmatizer that keeps set lemmas")
        self.vocab = nlp.vocab
        self.lemmatizer = lemmatizer
        self.rules = [self._compile(entry) for entry in ruler.patterns]
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.regex_hits: dict[tuple[int, int], bool] = {}

    # -- compiling the ruler's patterns --------------------------------------------------------------

    def _compile(self, entry: dict[str, Any]) -> tuple[list[list[Mask]], int, dict[str, int]]:
        from spacy.parts_of_speech import IDS as POS_IDS

        alternatives = [[self._token_mask(spec) for spec in pattern] for pattern in entry["patterns"]]
        index = int(entry.get("index", 0))
        values: dict[str, int] = {}
        for name, value in entry["attrs"].items():
            name = name.upper()
            if name not in WRITTEN or not isinstance(value, str):
                raise Unsupported(f"attribute {name}={value!r}")
            if name == "POS":
                if value not in POS_IDS:
                    raise Unsupported(f"part of speech {value!r}")
                values[name] = POS_IDS[value]
            elif name == "MORPH":
                values[name] = self.vocab.morphology.add(value)
            else:
                values[name] = self.vocab.strings.add(value)
        for pattern in alternatives:
            if not -len(pattern) <= index < len(pattern):
                raise Unsupported("index outside its pattern")
        return alternatives, index, values

    def _token_mask(self, spec: dict[str, Any]) -> Mask:
        tests = [self._test(name.upper(), value) for name, value in spec.items()]
        if not tests:
            raise Unsupported("an empty token pattern")

        def mask(arrays: dict[str, np.ndarray], doc: Doc) -> np.ndarray:
            result = tests[0](arrays, doc)
            for test in tests[1:]:
                result = result & test(arrays, doc)
            return result

        return mask

    def _test(self, name: str, value: Any) -> Mask:
        import numpy as np

        name = "ORTH" if name == "TEXT" else name
        if name not in READ:
            raise Unsupported(f"token attribute {name}")
        if name.startswith("IS_"):
            if not isinstance(value, bool):
                raise Unsupported(f"{name}={value!r}")
            flag = int(value)
            return lambda arrays, doc: arrays[name] == flag
        if isinstance(value, str):
            wanted = self.vocab.strings.add(value)
            return lambda arrays, doc: arrays[name] == wanted
        if isinstance(value, dict) and len(value) == 1:
            ((operator, operand),) = value.items()
            if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in operand):
                from spacy.strings import get_string_id

                members = np.array(sorted({get_string_id(v) for v in operand}), dtype=np.uint64)
                inside = operator == "IN"
                return lambda arrays, doc: np.isin(arrays[name], members) == inside
            if operator == "REGEX" and isinstance(operand, str):
                return self._regex_test(name, re.compile(operand))
        raise Unsupported(f"{name}={value!r}")

    def _regex_test(self, name: str, pattern: re.Pattern[str]) -> Mask:
        import numpy as np

        number = id(pattern)

        def mask(arrays: dict[str, np.ndarray], doc: Doc) -> np.ndarray:
            column = arrays[name]
            hits = []
            for value in np.unique(column).tolist():
                key = (number, value)
                found = self.regex_hits.get(key)
                if found is None:
                    found = self.regex_hits[key] = bool(pattern.search(self.vocab.strings[value]))
                if found:
                    hits.append(value)
            return np.isin(column, np.array(hits, dtype=np.uint64))

        return mask

    # -- the component -------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import IDS

        if len(doc) == 0:
            return doc
        read = doc.to_array([IDS[name] for name in READ])
        arrays = {name: read[:, column] for column, name in enumerate(READ)}
        written = doc.to_array([IDS[name] for name in WRITTEN])
        columns = {name: written[:, column] for column, name in enumerate(WRITTEN)}
        changed: set[str] = set()
        for alternatives, index, values in self.rules:
            hits = np.zeros(len(doc), dtype=bool)
            for pattern in alternatives:
                size = len(pattern)
                if size > len(doc):
                    continue
                starts = pattern[0](arrays, doc)[: len(doc) - size + 1]
                for offset in range(1, size):
                    starts = starts & pattern[offset](arrays, doc)[offset : len(doc) - size + 1 + offset]
                hits[np.flatnonzero(starts) + (index % size)] = True
            if hits.any():
                for name, value in values.items():
                    columns[name][hits] = value
                    changed.add(name)
        names = [name for name in WRITTEN if name in changed]
        if names:
            doc.from_array([IDS[name] for name in names], np.stack([columns[n] for n in names], axis=1))  # type: ignore[arg-type]
        self._lemmatize(doc)
        return doc

    def _lemmatize(self, doc: Doc) -> None:
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3]
        missing = np.flatnonzero(lemmas == 0)
        if not len(missing):
            return
        known = self.lemmas
        strings = self.vocab.strings
        for position, (orth, pos, morph) in zip(missing.tolist(), table[missing, :3].tolist(), strict=True):
            key = (orth, pos, morph)
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(self.lemmatizer.lemmatize(doc[position])[0])
            lemmas[position] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]


def replace_components(nlp: Language) -> bool:
    """Put one ``token_attributes`` pass in place of the pipeline's ``attribute_ruler`` and
    ``lemmatizer`` when they follow each other and every pattern is of a kind it reproduces; True
    when done. Other pipelines are left as they are."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False
    from spacy.language import Language as _Language

    if not _Language.has_factory(FACTORY):
        _Language.factory(FACTORY, func=make_token_attributes)
    try:
        nlp.add_pipe(FACTORY, name="token_attributes", before="attribute_ruler")
    except Unsupported:
        return False
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return True


FACTORY = "storyline_token_attributes"


def make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    """spaCy factory: the pass for ``nlp``'s own attribute ruler and lemmatizer (still in the pipeline)."""
    return TokenAttributes(nlp, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
