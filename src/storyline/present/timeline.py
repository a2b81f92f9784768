"""Timeline renderers: plain text for the terminal, Markdown, and the JSON form of ``storyline timeline``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..model import Citation, CitedSentence, Timeline, TimelineEntry, to_jsonable
from .lists import head, joined, more_line
from .markdown import escape_markdown
from .who import unknown_note

# Sources written out per timeline sentence in text and Markdown (the JSON keeps them all).
CITATIONS_SHOWN = 5


def date_label(entry: TimelineEntry) -> str:
    """ "Thursday 18 August 2011", "August 2011", "2011" — as precise as the text allows, no more."""
    from ..annotate.timex import point_of_value

    point = point_of_value(entry.date)
    if point is None:
        return entry.date
    day = point.start
    if point.granularity in ("day", "time"):
        return f"{day:%A} {day.day} {day:%B %Y}"
    if point.granularity == "week":
        return f"week of {day.day} {day:%B %Y}"
    if point.granularity == "month":
        return f"{day:%B %Y}"
    if point.granularity == "year":
        return str(day.year)
    return entry.date


def citation_label(citation: Citation) -> str:
    """Where a sentence comes from: outlet (or file), publication date, character span."""
    name = citation.outlet or Path(citation.source.split(":")[0]).name or citation.article
    published = f", {citation.published.isoformat()}" if isinstance(citation.published, dt.date) else ""
    if published and citation.published_estimated:
        published += " (estimated)"
    return f"{name}{published}, chars {citation.start}-{citation.end}"


def sources_note(sentence: CitedSentence) -> str:
    articles = len({c.article for c in sentence.citations})
    if articles <= 1:
        return ""
    outlets = sentence.independent_outlets
    unknown = f", {unknown_note(sentence.unknown_sources)}" if sentence.unknown_sources else ""
    return f" ({articles} articles, {outlets} independent {'outlet' if outlets == 1 else 'outlets'}{unknown})"


def dated_by_label(evidence: str) -> str:
    """ "on Thursday" is quoted; "published 2011-08-17" says the article's date placed the sentence."""
    return evidence if evidence.startswith("published ") else f"\u201c{evidence}\u201d"


def render_text(timeline: Timeline) -> str:
    if not timeline.entries:
        return (
            "No dated events found (relative dates need the articles' publication dates: give --published).\n"
        )
    lines: list[str] = []
    for entry in timeline.entries:
        lines.append(f"{entry.date}  {date_label(entry)}")
        for sentence in entry.sentences:
            lines.append(f"  - {sentence.text}{sources_note(sentence)}")
            if sentence.dated_by:
                lines.append(f"      dated by: {dated_by_label(sentence.dated_by)}")
            citations, left_out = head(sentence.citations, CITATIONS_SHOWN)
            for citation in citations:
                lines.append(f"      [{citation_label(citation)}]")
            lines += more_line(left_out, "more sources", "      ")
        lines.append("")
    return "\n".join(lines)


def render_markdown(timeline: Timeline, title: str = "Timeline") -> str:
    lines = [f"# {escape_markdown(title)}", ""]
    if not timeline.entries:
        lines.append("No dated events found.")
        return "\n".join(lines) + "\n"
    for entry in timeline.entries:
        lines.append(f"## {date_label(entry)}")
        lines.append("")
        for sentence in entry.sentences:
            sources = joined(
                [escape_markdown(citation_label(c)) for c in sentence.citations], CITATIONS_SHOWN, "; "
            )
            dated = (
                f" (dated by {escape_markdown(dated_by_label(sentence.dated_by))})"
                if sentence.dated_by
                else ""
            )
            lines.append(
                f"- {escape_markdown(sentence.text)}{escape_markdown(sources_note(sentence))} — {sources}{dated}"
            )
        lines.append("")
    return "\n".join(lines)


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """``{timeline: [{date, granularity, label, sentences: [{text, independent_outlets, citations}]}]}``."""
    return {
        "timeline": [
            {
                "date": entry.date,
                "granularity": entry.granularity,
                "label": date_label(entry),
                "sentences": [to_jsonable(sentence) for sentence in entry.sentences],
            }
            for entry in timeline.entries
        ]
    }
