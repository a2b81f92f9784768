"""``storyline evaluate timex DIR``: time expressions measured on TimeML gold (TempEval-3 protocol).

Each ``.tml`` file gives a text with inline TIMEX3 tags and a document creation time (DCT). The
tagger sees the text of ``<TEXT>`` with the tags stripped and the DCT's date as the article date;
its expressions are compared with the gold TIMEX3 spans inside ``<TEXT>`` (the DCT itself excluded):

- strict span P/R/F1: same start and end; relaxed span P/R/F1: any overlap. Pairs are matched greedily
  one-to-one (largest overlap first);
- value accuracy and type accuracy over the relaxed-matched pairs: exact string equality of the TimeML
  ``value`` (a system expression without a value counts as wrong) and ``type``;
- seconds per document: the tagger's time only (reading the files is not counted).

Folders are read recursively; each sub-folder (TimeBank, AQUAINT, te3-platinum) is also scored on its own.
``--part dev|heldout`` scores one half of the corpus: within each sub-folder the files are sorted by name
and every second one (the 2nd, 4th, ...) is held out. Rules are developed by reading the errors of the
development half only, so the held-out half gives an honest figure for documents not seen.

DIR may also be a stand-off annotation file (``.jsonl``, see ``read_standoff``): gold expressions with
character offsets into articles that stay in ``../shared/data`` (``--data``), each document marked as
development or held-out by the file itself. ``benchmarks/timex_news/gold.jsonl`` is one: recent news
(PolNeAR 2015-16, Timeline17 2008-11) annotated for this project, its held-out half scored blind.
The in-run anchor is dateparser's ``search_dates`` (the date finder htmldate uses) with the DCT as its
base date: it finds dates only, so its duration and set recall is zero by design.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
ATTRIBUTE = re.compile(r'([A-Za-z]+)="([^"]*)"')


@dataclass(frozen=True)
class Span:
    """A time expression as the scorer sees it."""

    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class TimemlDocument:
    """A TimeML document's text with its gold TIMEX3 spans; when read from a ``.tml`` file, also its
    EVENTs, its times by id and the TLINKs between events and times (``evaluate.event_time``)."""

    name: str
    part: str
    text: str
    dct: dt.date
    gold: list[Span]
    # Set by a stand-off annotation file that names its own development and held-out documents;
    # None: the held-out half is chosen by alternation (``split_part``).
    held_out: bool | None = None
    events: dict[str, tuple[int, int]] = field(default_factory=dict)  # eid -> span
    times: dict[str, Span] = field(default_factory=dict)  # tid -> span
    # (eid, tid, relation) with the relation written from the event's side ("IS_INCLUDED", "BEFORE", ...).
    links: list[tuple[str, str, str]] = field(default_factory=list)


# A TLINK written from the time's side (time -> event), as the same relation from the event's side.
FROM_EVENT_SIDE: dict[str, str] = {
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "DURING": "DURING_INV",
    "DURING_INV": "DURING",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
}


def read_timeml(path: Path, part: str = "") -> TimemlDocument:
    """The plain text of ``<TEXT>``, its gold TIMEX3 spans, EVENTs and event-time TLINKs, and the DCT of
    one TimeML file."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.DOTALL)
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    if dct_match is None or body_match is None:
        raise UsageError(f"{path}: not a TimeML document with a <DCT> and a <TEXT> (is it a .tml file?)")
    body = body_match.group(1)
    pieces: list[str] = []
    length = 0
    opened: list[tuple[str, int, dict[str, str]]] = []
    found: list[tuple[str, int, int, dict[str, str]]] = []
    position = 0
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
            found.append((kind, start, length, attributes))
    pieces.append(html.unescape(body[position:]))
    text = "".join(pieces)
    gold: list[Span] = []
    events: dict[str, tuple[int, int]] = {}
    times: dict[str, Span] = {}
    for kind, start, end, attributes in found:
        if kind == "EVENT":
            if "eid" in attributes:
                events[attributes["eid"]] = (start, end)
            continue
        span = Span(start, end, attributes.get("type", ""), attributes.get("value"), text[start:end])
        gold.append(span)
        if "tid" in attributes:
            times[attributes["tid"]] = span
    return TimemlDocument(
        path.stem,
        part,
        text,
        dt.date.fromisoformat(dct_match.group(1)),
        sorted(gold, key=lambda g: g.start),
        events=events,
        times=times,
        links=event_time_links(raw),
    )


def event_time_links(raw: str) -> list[tuple[str, str, str]]:
    """The TLINKs between an event and a time, as (eid, tid, relation from the event's side)."""
    instance = {
        a["eiid"]: a["eventID"]
        for a in (dict(ATTRIBUTE.findall(m.group(1))) for m in re.finditer(r"<MAKEINSTANCE([^>]*)/?>", raw))
        if "eiid" in a and "eventID" in a
    }
    links: list[tuple[str, str, str]] = []
    for match in re.finditer(r"<TLINK([^>]*)/?>", raw):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        relation = attributes.get("relType", "")
        if "eventInstanceID" in attributes and "relatedToTime" in attributes:
            event = instance.get(attributes["eventInstanceID"])
            if event:
                links.append((event, attributes["relatedToTime"], relation))
        elif "timeID" in attributes and "relatedToEventInstance" in attributes:
            event = instance.get(attributes["relatedToEventInstance"])
            if event:
                links.append((event, attributes["timeID"], FROM_EVENT_SIDE.get(relation) or relation))
    return links


def read_corpus(directory: str | Path) -> list[TimemlDocument]:
    root = Path(directory)
    if not root.is_dir():
        raise UsageError(
            f"{directory}: no such directory (give a folder of TimeML .tml files or a stand-off .jsonl file)"
        )
    paths = sorted(p for p in root.rglob("*.tml") if not p.name.startswith("."))
    if not paths:
        raise UsageError(f"{directory}: no .tml files found")
    documents = []
    for path in paths:
        try:
            documents.append(
                read_timeml(path, str(path.parent.relative_to(root)) if path.parent != root else root.name)
            )
        except (UsageError, OSError, ValueError) as exc:
            # One bad file is reported on one line; the rest of the corpus is still scored.
            print(
                f"storyline: skipped {exc if isinstance(exc, UsageError) else f'{path}: {exc}'}",
                file=sys.stderr,
            )
    if not documents:
        raise UsageError(f"{directory}: no usable TimeML documents")
    return documents


def article_text(doc: str, data_root: Path) -> str:
    """The text of a ``../shared/data`` article named by a stand-off annotation's ``doc`` id:
    ``polnear/<file name>`` (PolNeAR's train or dev text) or ``timeline17/<topic>/<article id>``."""
    source, _, rest = doc.partition("/")
    if source == "polnear":
        for compartment in ("train", "dev", "test"):
            path = data_root / "polnear" / compartment / "text" / f"{rest}.txt"
            if path.is_file():
                return path.read_text(encoding="utf-8")
        raise UsageError(f"{doc}: no PolNeAR text of that name under {data_root / 'polnear'}")
    if source == "timeline17":
        topic, _, article_id = rest.partition("/")
        path = data_root / "timeline17" / topic / "articles.jsonl"
        if path.is_file():
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    article = json.loads(line)
                    if str(article.get("id")) == article_id:
                        return str(article["text"])
        raise UsageError(f"{doc}: no article {article_id!r} in {path}")
    raise UsageError(f"{doc}: unknown source {source!r} (polnear or timeline17)")


def read_standoff(path: str | Path, data_root: str | Path) -> list[TimemlDocument]:
    """Documents of a stand-off annotation file whose texts stay in ``data_root`` (``../shared/data``).

    One JSON line per article: ``doc`` (see ``article_text``), ``source``, ``dct``, ``set`` (``dev`` or
    ``heldout``), ``sha256`` of the text, and ``timexes`` (``start``, ``end``, ``text``, ``type``,
    ``value``). The text's hash and every span's text are checked, so an edited source cannot silently
    move a score."""
    documents = []
    root = Path(data_root)
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                documents.append(standoff_document(entry, root, f"{path}:{number}"))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise UsageError(f"{path}:{number}: not a stand-off annotation line ({exc})") from exc
    if not documents:
        raise UsageError(f"{path}: no annotated documents")
    return documents


def standoff_document(entry: dict[str, Any], root: Path, where: str) -> TimemlDocument:
    """One line of a stand-off file as a scored document (its text checked against the annotated one)."""
    text = article_text(entry["doc"], root)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != entry["sha256"]:
        raise UsageError(f"{where}: the text of {entry['doc']} is not the one annotated")
    gold = []
    for timex in entry["timexes"]:
        if text[timex["start"] : timex["end"]] != timex["text"]:
            raise UsageError(f"{where}: {timex['text']!r} is not at {timex['start']}")
        gold.append(Span(timex["start"], timex["end"], timex["type"], timex["value"], timex["text"]))
    return TimemlDocument(
        entry["doc"],
        entry["source"],
        text,
        dt.date.fromisoformat(entry["dct"]),
        sorted(gold, key=lambda g: g.start),
        held_out=entry["set"] == "heldout",
    )


def read_documents(path: str | Path, data_root: str | Path) -> list[TimemlDocument]:
    """A folder of TimeML files, or a stand-off ``.jsonl`` annotation file over ``data_root``'s texts."""
    if Path(path).is_file() and str(path).endswith(".jsonl"):
        return read_standoff(path, data_root)
    return read_corpus(path)


PARTS = ("all", "dev", "heldout")


def split_part(documents: Sequence[TimemlDocument], part: str) -> list[TimemlDocument]:
    """The development or held-out half (``part``: ``dev``, ``heldout``; ``all`` keeps every document).

    Deterministic: within each sub-folder, documents sorted by name alternate dev, heldout, dev, ...;
    documents of a stand-off file keep the half their annotation names."""
    if part not in PARTS:
        raise UsageError(f"unknown part {part!r}: choose one of {', '.join(PARTS)}")
    if part == "all":
        return list(documents)
    if all(d.held_out is not None for d in documents):
        return [d for d in documents if d.held_out == (part == "heldout")]
    by_folder: dict[str, list[TimemlDocument]] = {}
    for document in documents:
        by_folder.setdefault(document.part, []).append(document)
    chosen: list[TimemlDocument] = []
    for folder in sorted(by_folder):
        ordered = sorted(by_folder[folder], key=lambda d: d.name)
        chosen.extend(d for i, d in enumerate(ordered) if (i % 2 == 1) == (part == "heldout"))
    return chosen


def match_pairs(system: Sequence[Span], gold: Sequence[Span]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, largest overlap first."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > 0:
                pairs.append((overlap, -abs(s.start - g.start) - abs(s.end - g.end), i, j))
    pairs.sort(reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _overlap, _closeness, i, j in pairs:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        matched.append((i, j))
    return matched


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    seconds: float = 0.0
    documents: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, Any]:
        return {
            "strict": prf(self.strict, self.predicted, self.gold),
            "relaxed": prf(self.relaxed, self.predicted, self.gold),
            "value_accuracy": round(self.value / self.relaxed, 4) if self.relaxed else 0.0,
            "type_accuracy": round(self.type / self.relaxed, 4) if self.relaxed else 0.0,
            "seconds_per_doc": round(self.seconds / self.documents, 5) if self.documents else 0.0,
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
        }


Tagger = Callable[[str, dt.date], list[Span]]


def storyline_tagger(text: str, dct: dt.date) -> list[Span]:
    from ..annotate.timex import tag

    return [Span(t.start, t.end, t.type, t.value, t.text) for t in tag(text, dct)]


def dateparser_tagger(text: str, dct: dt.date) -> list[Span]:
    """The anchor: dateparser's ``search_dates``, its dates formatted as TimeML day values."""
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day, 12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(text, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    spans = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        spans.append(Span(start, cursor, "DATE", when.date().isoformat(), surface))
    return spans


def score_document(document: TimemlDocument, tagger: Tagger) -> tuple[Counts, list[dict[str, Any]]]:
    began = time.perf_counter()
    system = tagger(document.text, document.dct)
    seconds = time.perf_counter() - began
    counts = Counts(predicted=len(system), gold=len(document.gold), seconds=seconds, documents=1)
    errors: list[dict[str, Any]] = []
    matched_system: set[int] = set()
    matched_gold: set[int] = set()
    for i, j in match_pairs(system, document.gold):
        s, g = system[i], document.gold[j]
        matched_system.add(i)
        matched_gold.add(j)
        counts.relaxed += 1
        counts.strict += s.start == g.start and s.end == g.end
        counts.value += s.value == g.value
        counts.type += s.type == g.type
        if s.value != g.value or s.type != g.type:
            errors.append(
                {
                    "kind": "value",
                    "doc": document.name,
                    "dct": document.dct.isoformat(),
                    "system": s,
                    "gold": g,
                }
            )
    for i, s in enumerate(system):
        if i not in matched_system:
            errors.append(
                {"kind": "spurious", "doc": document.name, "dct": document.dct.isoformat(), "system": s}
            )
    for j, g in enumerate(document.gold):
        if j not in matched_gold:
            errors.append(
                {"kind": "missed", "doc": document.name, "dct": document.dct.isoformat(), "gold": g}
            )
    return counts, errors


def evaluate(documents: Iterable[TimemlDocument], tagger: Tagger = storyline_tagger) -> dict[str, Any]:
    """Scores over all documents and per part (sub-folder), with the list of errors."""
    total = Counts()
    parts: dict[str, Counts] = {}
    errors: list[dict[str, Any]] = []
    for document in documents:
        counts, doc_errors = score_document(document, tagger)
        total.add(counts)
        parts.setdefault(document.part, Counts()).add(counts)
        errors.extend(doc_errors)
    result = total.as_dict()
    result["parts"] = {name: counts.as_dict() for name, counts in sorted(parts.items())}
    result["errors"] = errors
    return result


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "timex",
        help="time expressions on TimeML gold (TempEval-3): span F1, value and type accuracy",
        description="Tag the text of every TimeML file under DIR (tags stripped) with its DCT as the article "
        "date and compare with the gold TIMEX3 expressions: strict and relaxed span F1, value and type "
        "accuracy over relaxed matches, seconds per document; beside dateparser's search_dates.",
    )
    parser.add_argument(
        "directory",
        metavar="DIR",
        help="a folder of .tml files, e.g. ../shared/data/tempeval3/TBAQ-cleaned, or a stand-off "
        "annotation file (.jsonl) such as benchmarks/timex_news/gold.jsonl",
    )
    parser.add_argument(
        "--data",
        default="../shared/data",
        metavar="DIR",
        help="where a stand-off file's article texts are (default ../shared/data)",
    )
    parser.add_argument("--no-anchor", action="store_true", help="skip the dateparser anchor")
    parser.add_argument(
        "--part",
        choices=PARTS,
        default="all",
        help="score every document (all, the default), or the development half (dev) or the held-out half "
        "(heldout): within each sub-folder, sorted by name, every second document is held out",
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list the first N errors on stderr"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    documents = split_part(read_documents(args.directory, args.data), args.part)
    result = evaluate(documents)
    errors = result.pop("errors")
    if not args.no_anchor:
        anchor = evaluate(documents, dateparser_tagger)
        anchor.pop("errors")
        result["anchor"] = {"name": "dateparser search_dates", **anchor}
    if args.errors and args.part == "heldout":
        # The held-out half stays unseen: its errors are never listed, only its scores.
        print(
            "storyline: --errors is not available with --part heldout (its errors stay unread)",
            file=sys.stderr,
        )
    elif args.errors:
        for error in errors[: args.errors]:
            print(describe_error(error), file=sys.stderr)
    if args.json:
        print_json(result)
        return 0
    print(
        f"TimeML {args.directory} ({args.part}): {result['documents']} documents, {result['gold']} gold expressions"
    )
    print(
        f"{'system':<28} {'part':<14} {'strict F1':>9} {'relaxed P':>9} {'relaxed R':>9} {'relaxed F1':>10} {'value':>6} {'type':>6} {'s/doc':>7}"
    )
    rows = [("storyline", result)] + (
        [("dateparser search_dates", result["anchor"])] if "anchor" in result else []
    )
    for name, scores in rows:
        for part, s in [("all", scores), *scores["parts"].items()]:
            print(
                f"{name:<28} {part:<14} {s['strict']['f1']:9.3f} {s['relaxed']['precision']:9.3f} "
                f"{s['relaxed']['recall']:9.3f} {s['relaxed']['f1']:10.3f} {s['value_accuracy']:6.3f} "
                f"{s['type_accuracy']:6.3f} {s['seconds_per_doc']:7.4f}"
            )
    print(
        "HeidelTime (published here on te3-platinum): strict 0.818, relaxed 0.907, value 0.861, type 0.918, 3.9 s/doc"
    )
    return 0


def describe_error(error: dict[str, Any]) -> str:
    def show(span: Span) -> str:
        return f"{span.text!r} {span.type} {span.value}"

    where = f"{error['doc']} (DCT {error['dct']})"
    if error["kind"] == "value":
        return f"value    {where}: {show(error['system'])}  gold {show(error['gold'])}"
    if error["kind"] == "spurious":
        return f"spurious {where}: {show(error['system'])}"
    return f"missed   {where}: {show(error['gold'])}"
