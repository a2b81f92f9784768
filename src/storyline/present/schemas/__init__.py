"""JSON Schemas (draft 2020-12) of every command's JSON (``storyline.present.results``).

The schemas are built here, from one definition per shape (citation, cited sentence, article,
entity, attribution, claim, ...), and published as files beside this module (``inspect.json``,
``summarize.json``, ``timeline.json``, ``who.json``, ``compare.json``, ``brief.json``) and by the
web app at ``/api/schema/NAME``. ``python -m storyline.present.schemas`` rewrites the files; a test
checks that they match these definitions and that real output validates against them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent
BASE = "https://storyline.invalid/schema/"
NAMES = ("inspect", "summarize", "timeline", "who", "compare", "brief")

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def obj(properties: dict[str, Any], optional: tuple[str, ...] = (), open_: bool = False) -> dict[str, Any]:
    """An object with exactly these properties (all required but ``optional``)."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": open_,
    }


SPAN = obj({"start": INTEGER, "end": INTEGER})
PUBLISHED = {**nullable(DATE), "description": "the stated publication date; null when none is stated"}
ESTIMATED = {**BOOLEAN, "description": "always false: an unstated date is never given as published"}

INTERVAL_LABEL = {
    **nullable(STRING),
    "description": "when published is null: the interval the date lies in, as shown (after 2011-08, "
    "2011-08-01 \u2026 2011-08-31, unknown); null when the date is stated",
}

DEFS: dict[str, dict[str, Any]] = {
    "problem": obj(
        {
            "source": {**STRING, "description": "the input (file, line, upload) that could not be used"},
            "code": {
                **STRING,
                "description": "a stable short name: empty, binary, too-large, not-english, ...",
            },
            "message": STRING,
        }
    ),
    "citation": obj(
        {
            "article": {**STRING, "description": "the article's id"},
            "source": STRING,
            "outlet": nullable(STRING),
            "published": nullable(DATE),
            "sentence": {**INTEGER, "description": "the sentence's index in its article, from 0"},
            "start": {**INTEGER, "description": "character offset into the article's cleaned text"},
            "end": INTEGER,
            "published_estimated": ESTIMATED,
            "published_interval": INTERVAL_LABEL,
        }
    ),
    "cited_sentence": obj(
        {
            "text": {**STRING, "description": "verbatim from the cited articles"},
            "citations": array(ref("citation")),
            "independent_outlets": {**INTEGER, "description": "distinct known outlets, copies counted once"},
            "unknown_sources": {
                **INTEGER,
                "description": "articles of unknown outlet, never counted as independent",
            },
            "dated_by": nullable(STRING),
        }
    ),
    "article_ref": obj(
        {
            "number": {
                **INTEGER,
                "description": "the article's place in the input, from 1 (as in the HTML brief)",
            },
            "id": STRING,
            "source": STRING,
            "outlet": nullable(STRING),
            "published": PUBLISHED,
            "published_estimated": ESTIMATED,
            "published_interval": INTERVAL_LABEL,
        }
    ),
    "source": obj(
        {
            "number": INTEGER,
            "id": STRING,
            "source": STRING,
            "title": nullable(STRING),
            "outlet": nullable(STRING),
            "byline": nullable(STRING),
            "url": nullable(STRING),
            "published": PUBLISHED,
            "published_estimated": ESTIMATED,
            "published_interval": INTERVAL_LABEL,
        }
    ),
    "timex": obj(
        {
            "text": STRING,
            "start": INTEGER,
            "end": INTEGER,
            "value": nullable(STRING),
            "type": STRING,
            "granularity": STRING,
            "confidence": NUMBER,
            "resolved": BOOLEAN,
            "relative": BOOLEAN,
            "mod": nullable(STRING),
            "rule": STRING,
            "rolling": BOOLEAN,
        }
    ),
    "attribution": obj(
        {
            "speaker": nullable(STRING),
            "speaker_start": nullable(INTEGER),
            "speaker_end": nullable(INTEGER),
            "speaker_entity": nullable(STRING),
            "speaker_entity_id": nullable(STRING),
            "speaker_description": {
                **nullable(STRING),
                "description": "a source that names nobody, as described; with no entity either, unresolved",
            },
            "cue": nullable(STRING),
            "cue_start": nullable(INTEGER),
            "cue_end": nullable(INTEGER),
            "content": STRING,
            "article": STRING,
            "start": INTEGER,
            "end": INTEGER,
            "direct": BOOLEAN,
            "anonymous": BOOLEAN,
        }
    ),
    "entity": obj(
        {
            "id": STRING,
            "name": STRING,
            "type": STRING,
            "aliases": array(STRING),
            "mentions": {"type": "object", "additionalProperties": INTEGER, "description": "per article id"},
            "roles": array({"type": "object"}),
            "outlets": {"type": "object", "additionalProperties": INTEGER},
            "named_at": {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "prefixItems": [STRING, INTEGER],
                    "minItems": 2,
                    "maxItems": 2,
                },
                "description": "alias -> [article id, character offset] of its first mention linked to this entry",
            },
        }
    ),
    "timeline_entry": obj(
        {
            "date": {
                **STRING,
                "description": "TimeML value: 2011-08-18, 2011-08, 2011; in the undated lane the publication "
                "interval of the article (after 2011-08, unknown)",
            },
            "granularity": {**STRING, "description": "day, week, month, year; undated in the undated lane"},
            "label": STRING,
            "inferred": {
                **BOOLEAN,
                "description": "true when the entry is placed by an inferred publication interval",
            },
            "sentences": array(ref("cited_sentence")),
        }
    ),
    "published_interval": obj(
        {
            "earliest": nullable(DATE),
            "latest": nullable(DATE),
            "estimate": {**nullable(DATE), "description": "the best single day, used to sort; never shown"},
            "method": {
                **STRING,
                "description": "latest-date-mentioned, corpus, neighbours, lower-bound, unknown",
            },
            "confidence": NUMBER,
            "precision": {**STRING, "description": "month: the lower bound is a month (after 2011-08)"},
            "evidence": {**array(STRING), "description": "which articles and sentences placed it"},
        }
    ),
    "claim": obj(
        {
            "text": STRING,
            "articles": array(STRING),
            "outlets": {**array(STRING), "description": "known outlets only"},
            "independent_outlets": {**INTEGER, "description": "distinct known outlets, copies counted once"},
            "unknown_sources": {
                **INTEGER,
                "description": "articles of unknown outlet, never counted as independent",
            },
            "attributed_to": array(STRING),
            "contradicts": {**array(INTEGER), "description": "indices into claims"},
            "citations": array(ref("citation")),
        }
    ),
    "position": obj(
        {
            "actor": STRING,
            "proposition": STRING,
            "stance": STRING,
            "date": {
                **nullable(STRING),
                "description": "the date the position is placed on (with date_interval set: the interval's "
                "lower bound or estimate, used only to order positions)",
            },
            "date_provenance": {
                **STRING,
                "description": "mentioned, published, inferred (the article's interval) or inferred-office "
                "(narrowed: another holder of an office it names is in articles dated up to the interval's start)",
            },
            "date_interval": {
                **nullable(STRING),
                "description": "when the article's date is not stated: its interval as shown (after 2011-08)",
            },
            "text": STRING,
            "citation": ref("citation"),
        }
    ),
    "reversal": obj(
        {
            "actor": STRING,
            "proposition": STRING,
            "from": STRING,
            "to": STRING,
            "from_date": nullable(STRING),
            "to_date": nullable(STRING),
            "citations": array(ref("citation")),
        }
    ),
}
DEFS["article"] = obj(
    {
        "number": INTEGER,
        "id": STRING,
        "source": STRING,
        "text": {**STRING, "description": "the cleaned text every offset points into"},
        "title": nullable(STRING),
        "outlet": nullable(STRING),
        "outlet_provenance": nullable(STRING),
        "outlet_confidence": NUMBER,
        "publisher": {
            **nullable(STRING),
            "description": "who published the page (URL host, site name, the outlet given with it); null when "
            "only the text names a source (an agency's dateline or credit is who wrote the copy)",
        },
        "byline": nullable(STRING),
        "url": nullable(STRING),
        "published": PUBLISHED,
        "published_provenance": nullable(STRING),
        "published_confidence": NUMBER,
        "published_estimated": ESTIMATED,
        "published_interval": {
            **nullable(ref("published_interval")),
            "description": "when published is null: the interval the date lies in and how it was inferred",
        },
        "language": nullable(STRING),
        "removed": array(obj({"text": STRING, "reason": STRING})),
        "sentences": array(SPAN),
        "entities": array(obj({"text": STRING, "label": STRING, "start": INTEGER, "end": INTEGER})),
        "timexes": array(ref("timex")),
        "attributions": array(ref("attribution")),
        "duplicate_of": {**nullable(STRING), "description": "the id of the article this one copies"},
        "extra": {"type": "object"},
    }
)
DEFS["summary"] = obj(
    {
        "id": {**STRING, "description": "the cluster's id (Multi-News input)"},
        "summary": STRING,
        "method": STRING,
        "words": INTEGER,
        "sentences": array(ref("cited_sentence")),
        "sources": array(ref("source")),
    },
    optional=("id",),
)
DEFS["comparison"] = obj(
    {
        "claims": array(ref("claim")),
        "positions": array(ref("position")),
        "reversals": array(ref("reversal")),
    }
)

PROBLEMS = {"problems": array(ref("problem"))}
TOP: dict[str, tuple[str, dict[str, Any]]] = {
    "inspect": ("What was read in each article", obj({"articles": array(ref("article")), **PROBLEMS})),
    "summarize": (
        "A summary, every sentence cited",
        obj({**DEFS["summary"]["properties"], **PROBLEMS}, optional=("id",)),
    ),
    "timeline": (
        "A dated timeline, and the undated lane",
        obj(
            {
                "timeline": array(ref("timeline_entry")),
                "undated": {
                    **array(ref("timeline_entry")),
                    "description": "the lead of each article whose date is not stated, at its interval",
                },
                "undated_more": {**INTEGER, "description": "undated articles the lane leaves out"},
                **PROBLEMS,
            }
        ),
    ),
    "who": (
        "Who is who and who said what",
        obj(
            {
                "articles": array(ref("article_ref")),
                "entities": array(ref("entity")),
                "attributions": array(ref("attribution")),
                **PROBLEMS,
            }
        ),
    ),
    "compare": (
        "Claims, contradictions, positions and reversals",
        obj({"articles": array(ref("article_ref")), **DEFS["comparison"]["properties"], **PROBLEMS}),
    ),
    "brief": (
        "The whole brief (a part is null when its stage is not installed or failed)",
        obj(
            {
                "articles": array(ref("article")),
                "summary": nullable(ref("summary")),
                "timeline": nullable(array(ref("timeline_entry"))),
                "timeline_undated": {
                    **nullable(array(ref("timeline_entry"))),
                    "description": "the timeline's undated lane (see the timeline schema)",
                },
                "entities": nullable(array(ref("entity"))),
                "attributions": nullable(array(ref("attribution"))),
                "comparison": nullable(ref("comparison")),
                **PROBLEMS,
                "stage_errors": {"type": "object", "additionalProperties": STRING},
                "timings": {"type": "object", "additionalProperties": NUMBER},
            }
        ),
    ),
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of command ``name``'s JSON."""
    if name not in TOP:
        raise KeyError(f"no schema {name!r}; known: {', '.join(NAMES)}")
    title, body = TOP[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE}{name}.json",
        "title": f"storyline {name}: {title}",
        **body,
        "$defs": DEFS,
    }


def text_of(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"


def published(name: str) -> dict[str, Any]:
    """The schema file shipped with the package."""
    loaded: dict[str, Any] = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def write() -> None:
    for name in NAMES:
        (FOLDER / f"{name}.json").write_text(text_of(name), encoding="utf-8")
