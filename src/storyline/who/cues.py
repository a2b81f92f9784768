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
from ..text.words import SAYING_VERBS

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
    quote_nearby = sentence_has_quote(token)
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


# The last document's quotation-mark tokens counted up to each token: every verb of a document asks
# whether its sentence holds one, which read every token of the sentence as a Python object each time.
_QUOTE_COUNTS: tuple[Any, Any] | None = None


def sentence_has_quote(token: Token) -> bool:
    """Whether the token's sentence holds a quotation-mark token (``any(t.is_quote for t in token.sent)``,
    answered from one array per document)."""
    global _QUOTE_COUNTS
    doc = token.doc
    known = _QUOTE_COUNTS
    if known is None or known[0] is not doc:
        import numpy
        from spacy.attrs import IS_QUOTE

        counts = numpy.zeros(len(doc) + 1, dtype="int64")
        numpy.cumsum(doc.to_array([IS_QUOTE]).reshape(-1), out=counts[1:])
        known = _QUOTE_COUNTS = (doc, counts)
    sent = token.sent
    return bool(known[1][sent.end] > known[1][sent.start])


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


# ---------------------------------------------------------------------------------------------
# The verb lexicon, in one place (issue 13): which verbs report something said, and in which frames.
#
# The cue model above finds attributions as PolNeAR marks them, which include stances and reactions
# ("praised the decision", "slammed the plan") and verbs that a programme listing or an action shares
# with speech ("explores how", "releasing inmates"). A *statement* in the brief is narrower: a
# communication act whose content is what was said, thought or held ("said that ...", "believes ...",
# "urged X to ...", or a quotation). ``statement_problem`` in ``storyline.who.attribution`` applies
# these lists; ``storyline.compare.positions`` and ``storyline.compare.disputes`` take theirs from here.

# Verbs of saying and writing: ``SAYING_VERBS``, in ``storyline.text.words`` (the timex stage reads it too).

# Verbs of thought, belief and intention: a clause they govern is what the speaker is quoted as holding.
# Knowing, finding out and wanting are not holding a view ("finds out that ...", "knows how to ...",
# "wants to know more"): not here.
THINKING_VERBS = frozenset(
    """believe think expect hope fear feel suspect doubt worry reckon guess assume wonder""".split()
)
# Verbs that take only a quotation as what was said ('"...," he continued'; "the sign read").
QUOTATION_ONLY_VERBS = frozenset("continue go read sing chant".split())
# Reporting verbs that take a quotation from a neighbouring sentence ("..." he said).
QUOTE_CUE_LEMMAS = frozenset(
    """say tell add write ask note explain continue insist argue declare warn reply respond tweet state
    recall conclude quip joke admit acknowledge claim complain announce remark observe exclaim urge
    predict shout post read""".split()
)
# Verbs whose infinitive is what was said or held ("urged Assad to step down", "vowed to fight on",
# "expects to finish"); under any other verb an infinitive is an action or a wish, not content ("wants
# to know more", "agreed to work", "plans to ...").
INFINITIVE_CONTENT_VERBS = frozenset(
    """urge ask tell warn promise vow pledge threaten demand order instruct advise appeal plead call
    propose recommend encourage expect hope claim""".split()
)
# Verbs that ask: a clause opening with "whether", "why", "how" is their content (a question put);
# under any other verb such a clause is a topic ("explained why ...", "discuss what 2010 holds").
ASKING_VERBS = frozenset("ask wonder question query inquire enquire".split())
# Heads that say a cue's act did not (yet) happen: "declined to say", "refused to comment", "his refusal to
# say", "reluctant to say".
NOT_SAYING_HEADS = frozenset("decline refuse fail hesitate refusal failure reluctant unwilling".split())
# Heads under which a cue's infinitive still reports speech: "went on to say", "continued to insist".
SAYING_HEADS = frozenset("go continue begin start proceed".split())
# Verbs of speech that compare.disputes reads as putting a claim in another voice's mouth ("HRW said
# ..., but X denied that"); unlike ``REPORTING_VERBS``, which report an actor's own stance.
CLAIMING_VERBS = frozenset(
    """say tell claim allege accuse report suggest insist estimate put state announce suspect believe
    maintain assert argue charge""".split()
)
# Verbs under which compare.positions reads a stance as the speaker's own ("said it supports ...");
# "make" ("made clear") and "frame" are idioms of that reading, not verbs of saying.
REPORTING_VERBS = frozenset(
    """say tell add state announce declare note stress argue frame admit acknowledge concede insist
    expect believe think make""".split()
)
# Every verb the lexicon knows as one of saying, thinking or quoting.
SPEECH_LEXICON = SAYING_VERBS | THINKING_VERBS | QUOTATION_ONLY_VERBS | QUOTE_CUE_LEMMAS


def not_said(verb: Token) -> bool:
    """The verb of saying is an act its head says did not happen: "declined to say", "refused to say", "his
    refusal to say", "reluctant to say", "stopped short of saying" (a refusal to say something is no saying
    of it, nor of its opposite)."""
    head = verb.head
    if head is verb:
        return False
    if verb.dep_ in ("xcomp", "acl") and head.lemma_.lower() in NOT_SAYING_HEADS:
        return True
    # "stopped short of saying": the gerund under "of", which hangs off a verb with "short"
    return (
        verb.dep_ == "pcomp" and head.lower_ == "of" and any(c.lower_ == "short" for c in head.head.children)
    )
