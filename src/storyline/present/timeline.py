"""Timeline renderers: plain text for the terminal, Markdown, and the JSON form of ``storyline timeline``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..model import Citation, CitedSentence, Timeline, TimelineEntry, to_jsonable
from ..text.dates import MONTH_NAMES, WEEKDAY_NAMES
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
    month = f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if point.granularity in ("day", "time"):
        return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {month}"
    if point.granularity == "week":
        return f"week of {day.day} {month}"
    if point.granularity == "month":
        return month
    if point.granularity == "year":
        return str(day.year)
    return entry.date


def citation_label(citation: Citation) -> str:
    """Where a sentence comes from: outlet (or file), publication date, character span."""
    name = citation.outlet or Path(citation.source.split(":")[0]).name or citation.article
    return f"{name}, {citation_date(citation)}, chars {citation.start}-{citation.end}"


def citation_date(citation: Citation) -> str:
    """The cited article's stated date, or its interval marked as inferred (``published after 2011-08``)."""
    if isinstance(citation.published, dt.date):
        return citation.published.isoformat()
    if citation.published_interval and citation.published_interval != "unknown":
        return f"date not stated, inferred {citation.published_interval}"
    return "date unknown"


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


UNDATED_HEADING = "Undated: the lead of each article whose date is not stated, at its inferred interval"


def render_text(timeline: Timeline) -> str:
    if not timeline.entries and not timeline.undated:
        return (
            "No dated events found (relative dates need the articles' publication dates: give --published "
            "or --meta FILE).\n"
        )
    lines: list[str] = []
    if not timeline.entries:
        lines += ["No dated events found.", ""]
    for entry in timeline.entries:
        lines.append(f"{entry.date}  {date_label(entry)}")
        lines += text_sentences(entry)
    if timeline.undated:
        lines += [UNDATED_HEADING, ""]
    for entry in timeline.undated:
        lines.append(undated_label(entry))
        lines += text_sentences(entry)
    if timeline.undated_more:
        lines += [f"... and {timeline.undated_more:,} more undated articles", ""]
    return "\n".join(lines)


def undated_label(entry: TimelineEntry) -> str:
    """An undated-lane entry's interval: "published after 2011-08 (inferred)", "publication date unknown"."""
    return "publication date unknown" if entry.date == "unknown" else f"published {entry.date} (inferred)"


def text_sentences(entry: TimelineEntry) -> list[str]:
    lines: list[str] = []
    for sentence in entry.sentences:
        lines.append(f"  - {sentence.text}{sources_note(sentence)}")
        if sentence.dated_by:
            lines.append(f"      dated by: {dated_by_label(sentence.dated_by)}")
        citations, left_out = head(sentence.citations, CITATIONS_SHOWN)
        for citation in citations:
            lines.append(f"      [{citation_label(citation)}]")
        lines += more_line(left_out, "more sources", "      ")
    lines.append("")
    return lines


def render_markdown(timeline: Timeline, title: str = "Timeline") -> str:
    lines = [f"# {escape_markdown(title)}", ""]
    if not timeline.entries and not timeline.undated:
        lines.append("No dated events found.")
        return "\n".join(lines) + "\n"
    if not timeline.entries:
        lines += ["No dated events found.", ""]
    for entry in timeline.entries:
        lines.append(f"## {date_label(entry)}")
        lines.append("")
        lines += markdown_sentences(entry)
    if timeline.undated:
        lines += [f"## {UNDATED_HEADING}", ""]
    for entry in timeline.undated:
        lines += [f"### {escape_markdown(undated_label(entry))}", ""]
        lines += markdown_sentences(entry)
    if timeline.undated_more:
        lines += [f"... and {timeline.undated_more:,} more undated articles", ""]
    return "\n".join(lines)


def markdown_sentences(entry: TimelineEntry) -> list[str]:
    lines: list[str] = []
    for sentence in entry.sentences:
        sources = joined(
            [escape_markdown(citation_label(c)) for c in sentence.citations], CITATIONS_SHOWN, "; "
        )
        dated = (
            f" (dated by {escape_markdown(dated_by_label(sentence.dated_by))})" if sentence.dated_by else ""
        )
        lines.append(
            f"- {escape_markdown(sentence.text)}{escape_markdown(sources_note(sentence))} — {sources}{dated}"
        )
    lines.append("")
    return lines


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """``{timeline: [{date, granularity, label, sentences: [{text, independent_outlets, citations}]}],
    undated: [...]}``: ``undated`` is the lane of articles whose date is not stated (an entry's ``date`` is
    the interval, ``after 2011-08`` or ``unknown``, its ``granularity`` ``undated``, ``inferred`` true)."""
    return {
        "timeline": [entry_json(entry) for entry in timeline.entries],
        "undated": [entry_json(entry, undated=True) for entry in timeline.undated],
        "undated_more": timeline.undated_more,
    }


def entry_json(entry: TimelineEntry, undated: bool = False) -> dict[str, Any]:
    return {
        "date": entry.date,
        "granularity": entry.granularity,
        "label": undated_label(entry) if undated else date_label(entry),
        "inferred": undated and entry.date != "unknown",
        "sentences": [to_jsonable(sentence) for sentence in entry.sentences],
    }
