"""Per-article metadata a user gives in a file (``--meta FILE``): each article's own date, outlet, URL ...

The file is CSV (a header row) or JSONL (one object a line). Each row names an article by ``path`` (the
file as given on the command line or relative to the metadata file, a bare file name, or ``FILE:LINE``
for one record of a JSONL file) or by ``id`` (a JSONL record's ``id``, or storyline's content id), then
gives any of ``published`` (YYYY-MM-DD), ``outlet``, ``url``, ``title``, ``byline``::

    path,published,outlet
    003_24413f4cd07879cc.txt,2013-05-07,Washington Free Beacon

A row's fields win over what storyline finds in the article and over a JSONL record's own fields; an
option for every article (``--published``) wins over both. A file that cannot be read, a row naming
no article or a value that is not of its field's form is a usage error (the command does not start),
naming the file, the row and the accepted forms.

>>> meta = parse_meta("path,published\\na.txt,2013-05-07\\n", "dates.csv")
>>> meta.fields_for(RawDocument(source="a.txt", content="..."))
{'published': '2013-05-07'}
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputProblem, UsageError
from .read import RawDocument

FIELDS = ("published", "outlet", "url", "title", "byline")
KEYS = ("path", "id")
DATE_FORMS = "YYYY-MM-DD (an ISO 8601 date, e.g. 2013-05-07; a date-time such as 2013-05-07T14:30:00Z is read as its date)"


def date_problem(value: Any) -> str | None:
    """None when ``value`` is a publication date storyline reads, else what is wrong with it."""
    import datetime as dt

    text = str(value).strip()
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return f"{text!r} is not a date"
    if len(text) > 10 and text[10] not in "T ":
        return f"{text!r} is not a date"
    return None


def check_published(option: str, value: Any) -> None:
    """A usage error naming ``option`` when ``value`` is not a publication date storyline reads."""
    problem = date_problem(value)
    if problem is not None:
        raise UsageError(f"{option}: {problem}; give it as {DATE_FORMS}")


@dataclass
class MetaRow:
    """One row of the file: where it is (``line 3``), what it names, the fields it gives, and whether an
    article read matched it."""

    where: str
    names: str
    fields: dict[str, str]
    used: bool = False


@dataclass
class ArticleMeta:
    """The rows of one ``--meta`` file, found by path and by id."""

    name: str
    rows: list[MetaRow] = field(default_factory=list)
    by_path: dict[str, MetaRow] = field(default_factory=dict)
    by_id: dict[str, MetaRow] = field(default_factory=dict)
    base: Path = Path(".")

    def fields_for(self, raw: RawDocument) -> dict[str, str]:
        """The fields the file gives the document ``raw`` (empty when no row names it); an ``id`` row wins
        over a ``path`` row."""
        found: dict[str, str] = {}
        row = next((self.by_path[k] for k in self.path_keys(raw.source) if k in self.by_path), None)
        if row is not None:
            row.used = True
            found.update(row.fields)
        if self.by_id:
            from .prepare import content_id

            for given in (raw.fields.get("id"), content_id(raw.content)):
                row = self.by_id.get(str(given)) if given is not None else None
                if row is not None:
                    row.used = True
                    found.update(row.fields)
                    break
        return found

    def path_keys(self, source: str) -> list[str]:
        """The forms a row's ``path`` may take for an input ``source`` (``PATH`` or ``PATH:LINE``)."""
        path, line = split_line(source)
        keys = [source]
        if path != "-":
            keys += [os.path.realpath(path) + line, os.path.basename(path) + line]
        return keys

    def apply(self, raws: Iterable[RawDocument | InputProblem]) -> Iterator[RawDocument | InputProblem]:
        """The documents with the file's fields put in (they win over a JSONL record's own)."""
        for raw in raws:
            if isinstance(raw, RawDocument):
                given = self.fields_for(raw)
                if given:
                    raw.fields = {**raw.fields, **given}
            yield raw

    def unused(self) -> list[MetaRow]:
        """The rows that named no article read (told to the user: a misspelt path sets nothing)."""
        return [row for row in self.rows if not row.used]


def split_line(source: str) -> tuple[str, str]:
    """``("file.jsonl", ":3")`` for ``file.jsonl:3``; ``(source, "")`` for a plain path."""
    head, sep, tail = source.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, sep + tail
    return source, ""


def read_meta(path: str) -> ArticleMeta:
    """Read a ``--meta`` file (CSV or JSONL, told by its first character); a usage error when it is wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--meta {path}: cannot read it ({exc.__class__.__name__}: {exc})") from exc
    return parse_meta(text, path)


def parse_meta(text: str, name: str) -> ArticleMeta:
    stripped = text.lstrip()
    if not stripped:
        raise UsageError(f"--meta {name}: the file is empty; give CSV with a header row or JSONL")
    rows = list(json_rows(stripped, name) if stripped.startswith("{") else csv_rows(stripped, name))
    meta = ArticleMeta(name=name, base=Path(name).resolve().parent)
    for where, row in rows:
        add_row(meta, where, row)
    return meta


def json_rows(text: str, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(
                f"--meta {name}, line {number}: not JSON ({exc.msg}); give one object a line"
            ) from exc
        if not isinstance(row, dict):
            raise UsageError(f"--meta {name}, line {number}: not a JSON object")
        yield f"line {number}", row


def csv_rows(text: str, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    unknown = [h for h in header if h and h not in KEYS + FIELDS]
    if unknown or not any(k in header for k in KEYS):
        raise UsageError(
            f"--meta {name}: the header row must name 'path' or 'id', then any of {', '.join(FIELDS)}"
            + (f" (unknown column {', '.join(map(repr, unknown))})" if unknown else "")
        )
    for number, row in enumerate(reader, start=2):
        if None in row:
            raise UsageError(f"--meta {name}, line {number}: more values than the header names")
        yield f"line {number}", {k.strip(): v for k, v in row.items() if k}


def add_row(meta: ArticleMeta, where: str, row: dict[str, Any]) -> None:
    name = meta.name
    unknown = [k for k in row if k not in KEYS + FIELDS]
    if unknown:
        raise UsageError(
            f"--meta {name}, {where}: unknown field {', '.join(map(repr, unknown))}; a row has 'path' or 'id', "
            f"then any of {', '.join(FIELDS)}"
        )
    fields: dict[str, str] = {}
    for key in FIELDS:
        value = row.get(key)
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            raise UsageError(f"--meta {name}, {where}: {key} must be a string, not {type(value).__name__}")
        if key == "published":
            problem = date_problem(value)
            if problem is not None:
                raise UsageError(f"--meta {name}, {where}: published {problem}; give it as {DATE_FORMS}")
        fields[key] = value.strip()
    path, given_id = row.get("path"), row.get("id")
    if path in (None, "") and given_id in (None, ""):
        raise UsageError(f"--meta {name}, {where}: the row names no article; give its 'path' or 'id'")
    if given_id not in (None, "") and (not isinstance(given_id, str | int) or isinstance(given_id, bool)):
        raise UsageError(f"--meta {name}, {where}: id must be a string or a whole number")
    if path not in (None, "") and not isinstance(path, str):
        raise UsageError(f"--meta {name}, {where}: path must be a string")
    names = f"id {given_id}" if given_id not in (None, "") else f"path {path}"
    entry = MetaRow(where, names, fields)
    meta.rows.append(entry)
    if given_id not in (None, ""):
        meta.by_id[str(given_id)] = entry
    if path not in (None, ""):
        for key in path_forms(str(path).strip(), meta.base):
            meta.by_path.setdefault(key, entry)


def path_forms(path: str, base: Path) -> list[str]:
    """A row's ``path`` as given, resolved from the working directory and from the metadata file's folder
    (with a ``:LINE`` kept), and a bare file name as itself."""
    path, line = split_line(path)
    forms = [path + line, os.path.realpath(path) + line, os.path.realpath(base / path) + line]
    return list(dict.fromkeys(forms))
