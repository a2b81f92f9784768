"""The one schema of an article given as a JSON object: a line of a JSONL file (CLI, store ingest,
uploads, pasted text) and an item of the web API's ``articles`` list alike. Field types are checked
here, at the edge, each record on its own, so a record with a number for ``url`` or a list of
objects for ``authors`` is skipped with a one-line reason naming it and the field, and the other
records go on, instead of failing deep inside a later stage (or failing the whole request).

Unknown keys are allowed (datasets carry their own: ``length``, ``dataset``...) and ignored.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

Text = str | None
Names = str | list[str] | None


class JsonRecord(BaseModel):
    """What storyline reads from one JSON object; every known key is optional, none is coerced."""

    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True)

    text: Text = Field(None, description="the article text (plain, as scraped)")
    body: Text = Field(None, description="the text, under another name")
    content: Text = Field(None, description="the text, under another name")
    html: Text = Field(None, description="the article's raw HTML page, instead of text")
    title: Text = None
    headline: Text = Field(None, description="the title, under another name")
    url: Text = None
    link: Text = Field(None, description="the URL, under another name")
    outlet: Names = Field(None, description="the outlet (publication) that ran the article")
    source_name: Text = None
    publisher: Names = None
    published: Text = Field(None, description="publication date, YYYY-MM-DD (or a full timestamp)")
    time: Text = None
    date: Text = None
    published_at: Text = None
    publication_date: Text = None
    byline: Names = None
    author: Names = None
    authors: Names = None
    id: str | int | None = Field(None, description="your name for the article; problems quote it")
    underscore_id: str | int | None = Field(None, alias="_id")
    doc_id: str | int | None = None
    # LongBench / Multi-News cluster records
    context: Text = None
    answers: list[Any] | None = None
    summary: Text = None


KIND_NAMES = {
    "str": "a string",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "NoneType": "null",
    "list": "a list",
    "dict": "an object",
}


def kind_of(value: Any) -> str:
    return KIND_NAMES.get(type(value).__name__, type(value).__name__)


def record_label(where: str, record: Any) -> str:
    """``where`` with the record's own id when it has a usable one: ``articles[3] (id 'reuters-7')``."""
    if isinstance(record, dict):
        for key in ("id", "_id", "doc_id"):
            value = record.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
                if isinstance(value, int):
                    return f"{where} (id {value})"
                shown = value.strip()
                shown = shown if len(shown) <= 60 else shown[:57] + "..."
                return f"{where} (id {shown!r})"
    return where


def check_record(record: dict[str, Any]) -> str | None:
    """None when every known field has a usable type, else one line saying which field is wrong."""
    try:
        JsonRecord.model_validate(record)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = error.get("loc", ())
        name = str(location[0]) if location else "record"
        value = record.get(name)
        wanted = "a string"
        if name in NAME_FIELDS:
            wanted = "a string or a list of strings"
        elif name in ("id", "_id", "doc_id"):
            wanted = "a string or a whole number"
        elif name == "answers":
            wanted = "a list"
        if isinstance(value, list) and name in NAME_FIELDS:
            wrong = next((item for item in value if not isinstance(item, str)), None)
            return f"field {name!r} must be {wanted}, not a list holding {kind_of(wrong)}"
        return f"field {name!r} must be {wanted}, not {kind_of(value)}"
    return None


NAME_FIELDS = {"outlet", "publisher", "byline", "author", "authors"}
