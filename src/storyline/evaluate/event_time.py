"""Event time measured on TimeBank + AQUAINT (TempEval-3's TBAQ-cleaned): does the rule pick the time
expression that dates a sentence's main event?

For every sentence whose main event (the gold EVENT at the root of spaCy's parse, or the root's
attribute or complement when the root itself is not an event, as with copulas) has a gold TLINK to one of
the sentence's DATE or TIME expressions with a calendar value, the answer is the set of those expressions
the main event lies within (``IS_INCLUDED``, ``DURING``, ``SIMULTANEOUS``, ``IDENTITY``, ``BEGINS``,
``ENDS``, or the inverse relation written from the time's side), or "none of them" when every link says
the event is before, after, or around the expression. Two rules are scored on the same sentences: the
first expression of the sentence (what the timeline used before) and ``main_event_time`` (in its strict
form and with reported speech let through, as the timeline uses it). Halves as for time expressions:
within each folder, every second file (sorted by name) is held out (``evaluate.timex.split_part``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..annotate.timex.calendar import point_of_value
from ..annotate.timex.event_time import main_event_time
from .timex import TimemlDocument, read_corpus, split_part

if TYPE_CHECKING:
    from spacy.tokens import Span

# Event relation to a time (written from the event's side) that puts the event within the time.
DATING = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"})


@dataclass
class Case:
    """One sentence to date: its time expressions (text order) and which of them date its main event."""

    document: str
    sentence: Span
    expressions: list[tuple[int, int]]
    right: set[int]  # indices of the expressions that date the main event; empty: none does
    granularities: list[str] = field(default_factory=list)


def main_event(sentence: Span, events: dict[str, tuple[int, int]]) -> str | None:
    """The gold event at the root of the sentence's parse (or its attribute/complement under a copula)."""
    by_start = {start: eid for eid, (start, _end) in events.items()}

    def event_of(token: Any) -> str | None:
        return by_start.get(token.idx)

    root = sentence.root
    found = event_of(root)
    if found:
        return found
    for child in root.children:
        if child.dep_ in ("attr", "acomp", "xcomp", "oprd") and event_of(child):
            return event_of(child)
    return None


def cases(corpus: Sequence[TimemlDocument], nlp: Any) -> list[Case]:
    found: list[Case] = []
    docs = nlp.pipe((document.text for document in corpus), disable=["ner"], batch_size=16)
    for document, doc in zip(corpus, docs, strict=True):
        for sentence in doc.sents:
            start, end = sentence.start_char, sentence.end_char
            inside = sorted(
                (t.start, t.end, tid)
                for tid, t in document.times.items()
                if start <= t.start < end
                and t.type in ("DATE", "TIME")
                and point_of_value(t.value or "") is not None
            )
            if not inside:
                continue
            event = main_event(sentence, {k: v for k, v in document.events.items() if start <= v[0] < end})
            if event is None:
                continue
            linked = {tid: relation in DATING for eid, tid, relation in document.links if eid == event}
            ids = [tid for _s, _e, tid in inside]
            if not any(tid in linked for tid in ids):
                continue
            right = {i for i, tid in enumerate(ids) if linked.get(tid)}
            grains = [granularity(document.times[tid].value or "") for tid in ids]
            found.append(Case(document.name, sentence, [(s, e) for s, e, _ in inside], right, grains))
    return found


def granularity(value: str) -> str:
    point = point_of_value(value)
    return point.granularity if point is not None else "none"


Rule = Callable[[Case], int | None]

RULES: dict[str, Rule] = {
    "first time expression (before)": lambda case: 0,
    "main event (strict)": lambda case: main_event_time(
        case.sentence, case.expressions, granularities=case.granularities
    ),
    "main event, reported speech through (timeline)": lambda case: main_event_time(
        case.sentence, case.expressions, speech=True, granularities=case.granularities
    ),
}


def score(found: Sequence[Case]) -> dict[str, Any]:
    result: dict[str, Any] = {"sentences": len(found), "none_right": sum(not c.right for c in found)}
    for name, rule in RULES.items():
        correct = 0
        for case in found:
            chosen = rule(case)
            correct += (chosen in case.right) if case.right else (chosen is None)
        result[name] = correct / len(found) if found else 0.0
    return result


def evaluate(directory: str | Path, nlp: Any | None = None) -> dict[str, Any]:
    """Scores on the development half, the held-out half and all of the corpus."""
    from ..annotate.nlp import load_nlp

    corpus = read_corpus(directory)
    nlp = nlp or load_nlp()
    found = cases(corpus, nlp)
    halves = {part: {d.name for d in split_part(corpus, part)} for part in ("dev", "heldout")}
    return {
        "dev": score([c for c in found if c.document in halves["dev"]]),
        "heldout": score([c for c in found if c.document in halves["heldout"]]),
        "all": score(found),
    }
