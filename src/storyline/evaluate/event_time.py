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

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..annotate.timex.calendar import point_of_value
from ..annotate.timex.event_time import main_event_time
from ..errors import UsageError
from .timex import ATTRIBUTE, TAG, TimemlDocument, split_part

if TYPE_CHECKING:
    from spacy.tokens import Span

# Event relation to a time (written event -> time) that puts the event within the time.
DATING = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"})
# The same written from the time's side (time -> event).
DATING_INVERSE = frozenset({"INCLUDES", "DURING_INV", "SIMULTANEOUS", "IDENTITY", "BEGUN_BY", "ENDED_BY"})


@dataclass
class Annotated:
    """A TimeML document's text with its events, time expressions and TLINKs between events and times."""

    document: TimemlDocument
    events: dict[str, tuple[int, int]] = field(default_factory=dict)  # eid -> span
    times: dict[str, tuple[int, int, str, str]] = field(default_factory=dict)  # tid -> span, type, value
    links: list[tuple[str, str, bool]] = field(default_factory=list)  # (eid, tid, dating)


def read_annotated(path: Path, part: str) -> Annotated:
    raw = path.read_text(encoding="utf-8", errors="replace")
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    if body_match is None:
        raise UsageError(f"{path}: not a TimeML document with a <TEXT> (is it a .tml file?)")
    body = body_match.group(1)
    pieces: list[str] = []
    length = 0
    position = 0
    opened: list[tuple[str, int, dict[str, str]]] = []
    events: dict[str, tuple[int, int]] = {}
    times: dict[str, tuple[int, int, str, str]] = {}
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name not in ("TIMEX3", "EVENT"):
            continue
        if not closing:
            if tag.group(4) != "/":
                opened.append((name, length, dict(ATTRIBUTE.findall(tag.group(3)))))
        elif opened:
            kind, start, attributes = opened.pop()
            if kind == "EVENT" and "eid" in attributes:
                events[attributes["eid"]] = (start, length)
            elif kind == "TIMEX3" and "tid" in attributes:
                times[attributes["tid"]] = (
                    start,
                    length,
                    attributes.get("type", ""),
                    attributes.get("value", ""),
                )
    pieces.append(html.unescape(body[position:]))
    text = "".join(pieces)
    instance = {
        a["eiid"]: a["eventID"]
        for a in (dict(ATTRIBUTE.findall(m.group(1))) for m in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", raw))
        if "eiid" in a and "eventID" in a
    }
    links: list[tuple[str, str, bool]] = []
    for match in re.finditer(r"<TLINK([^>]*)/?>", raw):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        relation = attributes.get("relType", "")
        if "eventInstanceID" in attributes and "relatedToTime" in attributes:
            event = instance.get(attributes["eventInstanceID"])
            if event:
                links.append((event, attributes["relatedToTime"], relation in DATING))
        elif "timeID" in attributes and "relatedToEventInstance" in attributes:
            event = instance.get(attributes["relatedToEventInstance"])
            if event:
                links.append((event, attributes["timeID"], relation in DATING_INVERSE))
    import datetime as dt

    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.DOTALL)
    dct = dt.date.fromisoformat(dct_match.group(1)) if dct_match else dt.date.min
    return Annotated(TimemlDocument(path.stem, part, text, dct, []), events, times, links)


def read_corpus(directory: str | Path) -> list[Annotated]:
    root = Path(directory)
    paths = sorted(p for p in root.rglob("*.tml") if not p.name.startswith("."))
    if not paths:
        raise UsageError(f"{directory}: no .tml files found (give TBAQ-cleaned or one of its folders)")
    return [
        read_annotated(p, str(p.parent.relative_to(root)) if p.parent != root else root.name) for p in paths
    ]


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


def cases(corpus: Sequence[Annotated], nlp: Any) -> list[Case]:
    found: list[Case] = []
    docs = nlp.pipe((a.document.text for a in corpus), disable=["ner"], batch_size=16)
    for annotated, doc in zip(corpus, docs, strict=True):
        for sentence in doc.sents:
            start, end = sentence.start_char, sentence.end_char
            inside = sorted(
                (s, e, tid)
                for tid, (s, e, kind, value) in annotated.times.items()
                if start <= s < end and kind in ("DATE", "TIME") and point_of_value(value) is not None
            )
            if not inside:
                continue
            event = main_event(sentence, {k: v for k, v in annotated.events.items() if start <= v[0] < end})
            if event is None:
                continue
            linked = {tid: dating for eid, tid, dating in annotated.links if eid == event}
            ids = [tid for _s, _e, tid in inside]
            if not any(tid in linked for tid in ids):
                continue
            right = {i for i, tid in enumerate(ids) if linked.get(tid)}
            grains = [granularity(annotated.times[tid][3]) for tid in ids]
            found.append(
                Case(annotated.document.name, sentence, [(s, e) for s, e, _ in inside], right, grains)
            )
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
    halves = {
        part: {d.name for d in split_part([a.document for a in corpus], part)} for part in ("dev", "heldout")
    }
    return {
        "dev": score([c for c in found if c.document in halves["dev"]]),
        "heldout": score([c for c in found if c.document in halves["heldout"]]),
        "all": score(found),
    }
