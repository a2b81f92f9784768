"""PolNeAR (Newell, Margolin & Ruths 2018): its gold attributions and the attribution metric of issue 5.

PolNeAR annotates every attribution of 1,008 political news articles in brat standoff: a Source
(speaker), a Cue and a Content span. ``load_split`` reads a split folder (where an article has several
annotators' files, the first in sorted order is the gold); ``Evaluation`` scores predictions against it
(the metric is described in ``storyline.evaluate.polnear``). The cue model is fitted and cross-validated
on the training split with these (``storyline.training.cue_model``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import UsageError
from ...model import Attribution
from ...text.patterns import CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTE

Fragment = tuple[int, int]

TOKEN = re.compile(r"\S+")


@dataclass
class GoldAttribution:
    """One gold attribution relation: its Content, Source and Cue fragments (character spans)."""

    content: list[Fragment]
    sources: list[Fragment]
    cues: list[Fragment]
    direct: bool = False


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]
    # the text file and the annotation file the gold was read from (a training artefact hashes them)
    files: list[Path] = field(default_factory=list)


@dataclass
class Scores:
    """Precision, recall and F1 of content spans, and speaker accuracy over the matched pairs."""

    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    predicted: int
    gold: int
    matched: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "matched": self.matched,
        }


@dataclass
class Tally:
    """Counts summed over articles, turned into ``Scores`` at the end."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_correct: int = 0

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.speaker_correct += other.speaker_correct

    def scores(self) -> Scores:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = self.speaker_correct / self.matched if self.matched else 0.0
        return Scores(precision, recall, f1, accuracy, self.predicted, self.gold, self.matched)


@dataclass
class Prediction:
    """What a system says: content fragments, speaker fragments, and whether it is a direct quote."""

    content: list[Fragment]
    speaker: list[Fragment] = field(default_factory=list)
    direct: bool = True


# ---------------------------------------------------------------------------------------------
# Reading the gold


def parse_fragments(spec: str) -> list[Fragment]:
    """``"12 30;40 52"`` -> ``[(12, 30), (40, 52)]``."""
    fragments = []
    for part in spec.split(";"):
        start, end = part.split()
        fragments.append((int(start), int(end)))
    return fragments


def parse_ann(text: str, ann: str) -> list[GoldAttribution]:
    """The attribution relations of one brat ``.ann`` file (events with a Content)."""
    spans: dict[str, tuple[str, list[Fragment]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, spec = parts[1].partition(" ")
            spans[parts[0]] = (label, parse_fragments(spec))
        elif line.startswith("E"):
            parts = line.split("\t")
            roles: dict[str, list[str]] = {}
            for argument in parts[1].split() if len(parts) > 1 else []:
                role, _, ref = argument.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    gold = []
    for roles in events:
        content = [f for ref in roles.get("Content", []) if ref in spans for f in spans[ref][1]]
        if not content:
            continue
        sources = [f for ref in roles.get("Source", []) if ref in spans for f in spans[ref][1]]
        cues = [f for ref in roles.get("Cue", []) if ref in spans for f in spans[ref][1]]
        content.sort()
        gold.append(GoldAttribution(content, sources, cues, direct=is_direct(text, content)))
    return gold


def load_split(directory: str | Path, limit: int | None = None, every: int = 1) -> Iterator[GoldArticle]:
    """The articles of a PolNeAR split folder (``text/``, ``attributions/``), with their gold.

    ``every`` keeps every n-th annotated article (sorted by name: a spread over the publishers).
    """
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise UsageError(f"{root}: not a PolNeAR split folder (expected text/ and attributions/ in it)")
    annotations: dict[str, list[Path]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        article, _, _annotator = path.stem.rpartition("_")
        annotations.setdefault(article, []).append(path)
    annotated = [p for p in sorted(text_dir.glob("*.txt")) if p.stem in annotations][:: max(every, 1)]
    for text_path in annotated[:limit]:
        files = annotations[text_path.stem]
        text = text_path.read_text(encoding="utf-8")
        yield GoldArticle(
            text_path.stem, text, parse_ann(text, files[0].read_text(encoding="utf-8")), [text_path, files[0]]
        )


def quoted_regions(text: str) -> list[Fragment]:
    """Character spans inside quotation marks (marks included), paired left to right.

    Curly marks pair by direction; straight double quotes pair in order. A mark left open
    closes at the end of its paragraph, so one missing mark never swallows the rest of the text.
    """
    regions: list[Fragment] = []
    opened: int | None = None
    opened_by = ""
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None and "\n\n" in text[opened : i + 2]:
            regions.append((opened, i))
            opened = None
        if ch in OPENING_QUOTES and opened is None:
            opened, opened_by = i, ch
        elif ch in CLOSING_QUOTES and opened is not None and opened_by != STRAIGHT_QUOTE:
            regions.append((opened, i + 1))
            opened = None
        elif ch == STRAIGHT_QUOTE:
            if opened is None:
                opened, opened_by = i, ch
            elif opened_by == STRAIGHT_QUOTE:
                regions.append((opened, i + 1))
                opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def tokens_of(text: str, fragments: Sequence[Fragment]) -> list[Fragment]:
    """The ``\\S+`` runs inside the fragments, as absolute character spans."""
    tokens: list[Fragment] = []
    for start, end in fragments:
        tokens.extend((start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end]))
    return tokens


def is_direct(text: str, content: Sequence[Fragment]) -> bool:
    """Content with a quotation mark and at least half its tokens inside quotation marks."""
    pieces = [text[s:e] for s, e in content]
    if not any(q in piece for piece in pieces for q in OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTE):
        return False
    tokens = tokens_of(text, content)
    if not tokens:
        return False
    inside = 0
    for start, end in content:
        regions = [(s + start, e + start) for s, e in quoted_regions(text[start:end])]
        inside += sum(
            1
            for ts, te in tokens_of(text, [(start, end)])
            if any(rs <= ts and te <= re_ for rs, re_ in regions)
        )
    return inside * 2 >= len(tokens)


# ---------------------------------------------------------------------------------------------
# The metric


def overlaps(a: Fragment, b: Fragment) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def coverage(prediction: Prediction, gold_tokens: Sequence[Fragment]) -> float:
    if not gold_tokens:
        return 0.0
    covered = sum(1 for token in gold_tokens if any(overlaps(token, f) for f in prediction.content))
    return covered / len(gold_tokens)


def score_article(text: str, predictions: Sequence[Prediction], gold: Sequence[GoldAttribution]) -> Tally:
    """Greedy one-to-one matching of predictions to gold, highest coverage first."""
    gold_tokens = [tokens_of(text, g.content) for g in gold]
    pairs = []
    for p, prediction in enumerate(predictions):
        for g, tokens in enumerate(gold_tokens):
            value = coverage(prediction, tokens)
            if value >= 0.5:
                pairs.append((value, p, g))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    tally = Tally(predicted=len(predictions), gold=len(gold))
    for _value, p, g in pairs:
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        tally.matched += 1
        if any(overlaps(s, source) for s in predictions[p].speaker for source in gold[g].sources):
            tally.speaker_correct += 1
    return tally


@dataclass
class Evaluation:
    """Direct-quote and all-attribution tallies for one system over a split."""

    direct: Tally = field(default_factory=Tally)
    all: Tally = field(default_factory=Tally)

    def add_article(
        self, text: str, predictions: Sequence[Prediction], gold: Sequence[GoldAttribution]
    ) -> None:
        self.all.add(score_article(text, predictions, gold))
        self.direct.add(
            score_article(text, [p for p in predictions if p.direct], [g for g in gold if g.direct])
        )

    def as_dict(self) -> dict[str, Any]:
        return {"direct": self.direct.scores().as_dict(), "all": self.all.scores().as_dict()}


def predictions_of(attributions: Sequence[Attribution]) -> list[Prediction]:
    predictions = []
    for attribution in attributions:
        speaker = []
        if attribution.speaker_start is not None and attribution.speaker_end is not None:
            speaker = [(attribution.speaker_start, attribution.speaker_end)]
        predictions.append(Prediction([(attribution.start, attribution.end)], speaker, attribution.direct))
    return predictions
