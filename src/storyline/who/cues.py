"""The cue model: how likely a verb is to introduce an attribution ("said", "urged", "believes").

Reporting verbs are a long tail: "said" and "told" are a third of PolNeAR's cues, the rest are
hundreds of verbs of speech, thought, intention and evidence ("argued", "wants", "shows"), most of
them cues only in some frames ("called for X" is, "called X" rarely is). So every verb gets a
probability from a logistic regression over its lemma and its syntactic frame; the weights were
fitted on PolNeAR's *training* split (never dev or test) and ship as the ``cue-model`` artefact
(``data/cue_model.json``), written by ``storyline train cue-model`` (``storyline.training.cue_model``,
where the threshold's cross-validation is described).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..artefacts import load_artefact
from ..errors import StorylineError

if TYPE_CHECKING:
    from spacy.tokens import Token

ARTEFACT = "cue-model"
PRONOUN_SUBJECTS = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "that"}


def subject_kind(token: Token) -> str:
    """What kind of subject the verb has: a pronoun, a named person or body, a noun, none."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if child.lower_ in PRONOUN_SUBJECTS:
                return "pron"
            if child.ent_type_:
                return "ent:" + child.ent_type_
            return child.pos_.lower()
    if token.dep_ in ("conj", "xcomp", "advcl"):
        return "inherited"
    if token.dep_ in ("relcl", "acl"):
        return "relative"
    return "none"


def cue_features(token: Token, in_quote: bool = False) -> list[str]:
    """The features of one verb: lemma, frame (its complements), subject kind and their pairs."""
    lemma = token.lemma_.lower()
    deps = sorted(
        {
            c.dep_
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp", "dobj", "dative", "prep", "parataxis", "attr", "acomp", "oprd")
        }
    )
    preps = sorted({c.lower_ for c in token.children if c.dep_ == "prep"})
    frame = "+".join(deps) or "bare"
    subject = subject_kind(token)
    that = any(
        c.dep_ == "ccomp"
        and any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in c.children)
        for c in token.children
    )
    quote_nearby = any(t.is_quote for t in token.sent)
    features = [
        "bias",
        f"lemma={lemma}",
        f"frame={frame}",
        f"lemma|frame={lemma}|{frame}",
        f"dep={token.dep_}",
        f"lemma|dep={lemma}|{token.dep_}",
        f"tag={token.tag_}",
        f"subject={subject}",
        f"lemma|subject={lemma}|{subject}",
        f"that={that}",
        f"lemma|that={lemma}|{that}",
        f"quote_in_sentence={quote_nearby}",
        f"lemma|quote={lemma}|{quote_nearby}",
        f"in_quote={in_quote}",
    ]
    features.extend(f"prep={p}" for p in preps)
    features.extend(f"lemma|prep={lemma}|{p}" for p in preps)
    if any(c.dep_ == "neg" for c in token.children):
        features.append("negated")
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":":
        features.append("colon_after")
    return features


@dataclass
class CueModel:
    """A logistic regression stored as feature weights; ``probability`` scores one verb."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    trained_on: str = ""
    cross_validation: dict[str, Any] = field(default_factory=dict)

    def probability(self, token: Token) -> float:
        score = sum(self.weights.get(f, 0.0) for f in cue_features(token))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def to_json(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "trained_on": self.trained_on,
            "cross_validation": self.cross_validation,
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CueModel:
        return cls(
            weights=data["weights"],
            threshold=data["threshold"],
            trained_on=data.get("trained_on", ""),
            cross_validation=data.get("cross_validation", {}),
        )


class CueScorer(Protocol):
    threshold: float

    def probability(self, token: Token) -> float: ...


@functools.cache
def load_cue_model() -> CueModel:
    """The shipped cue model (the ``cue-model`` artefact, fitted on PolNeAR train)."""
    data = load_artefact(ARTEFACT)
    try:
        return CueModel.from_json(data)
    except (KeyError, TypeError) as exc:
        raise StorylineError(
            f"the {ARTEFACT} artefact has no {exc}; refit it with `storyline train {ARTEFACT}`"
        ) from exc
