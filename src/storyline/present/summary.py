"""Render a ``Summary``: plain text for the terminal, Markdown with numbered source markers, JSON.

Sources are numbered in the order the summary first cites them; a sentence's markers name every
article that carries it. JSON keeps the exact citations (article id, outlet, date, sentence index,
character span) so a reader program can show the cited characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article, Summary, to_jsonable
from .markdown import escape_markdown
from .who import unknown_note


def sources_of(summary: Summary, articles: Sequence[Article]) -> list[Article]:
    """The cited articles, in input order."""
    cited = {citation.article for sentence in summary.sentences for citation in sentence.citations}
    return [a for a in articles if a.id in cited]


def word_total(summary: Summary) -> int:
    return len(summary.text.split())


def source_json(article: Article, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_estimated": article.published_estimated,
        "published_interval": None if article.published else article.published_label(),
    }


def summary_json(
    summary: Summary, articles: Sequence[Article], summary_id: str | None = None
) -> dict[str, Any]:
    """``{summary, method, words, sentences: [{text, independent_outlets, citations}], sources}``;
    a source's ``number`` is its place in ``articles`` (from 1)."""
    numbers = numbering(summary, articles)
    data: dict[str, Any] = {} if summary_id is None else {"id": summary_id}
    data.update(
        {
            "summary": summary.text,
            "method": summary.method,
            "words": word_total(summary),
            "sentences": [to_jsonable(s) for s in summary.sentences],
            "sources": [source_json(a, numbers[a.id]) for a in sources_of(summary, articles)],
        }
    )
    return data


def describe_source(article: Article) -> str:
    """One line naming an article: outlet, title, date (an interval marked inferred when not stated),
    where it was read."""
    from .who import date_shown

    parts = [article.outlet or "unknown outlet"]
    if article.title:
        parts.append(f"“{article.title}”")
    parts.append(date_shown(article))
    where = article.url or article.source
    passage = article.extra.get("passage")
    parts.append(f"{where}, document {passage}" if passage is not None and not article.url else where)
    return " — ".join(parts)


def numbering(summary: Summary, articles: Sequence[Article]) -> dict[str, int]:
    """Article numbers as everywhere else (the HTML brief, ``inspect``): the place in the input, from 1."""
    return {a.id: n for n, a in enumerate(articles, start=1)}


def render_text(summary: Summary, articles: Sequence[Article], heading: str | None = None) -> str:
    """The summary one sentence a line, each with its source numbers, then the numbered sources."""
    numbers = numbering(summary, articles)
    lines = []
    if heading:
        lines.append(heading)
    lines.append(
        f"Summary of {len(articles)} article(s), {word_total(summary)} words, method {summary.method or '?'}"
    )
    lines.append("")
    if not summary.sentences:
        lines.append("(no sentence could be summarized)")
    for sentence in summary.sentences:
        markers = ", ".join(str(numbers[c.article]) for c in sentence.citations if c.article in numbers)
        outlets = (
            f"; {sentence.independent_outlets} independent outlets"
            if sentence.independent_outlets > 1
            else ""
        )
        if sentence.unknown_sources and len(sentence.citations) > 1:
            outlets += f"; {unknown_note(sentence.unknown_sources)}"
        lines.append(f"{sentence.text} [{markers}{outlets}]")
    if sources_of(summary, articles):
        lines.append("")
        lines.append("Sources")
        for article in sources_of(summary, articles):
            lines.append(f"[{numbers[article.id]}] {describe_source(article)}")
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary, articles: Sequence[Article], heading: str | None = None) -> str:
    """A paragraph with numbered markers linking to a source list; sentence spans in the list."""
    numbers = numbering(summary, articles)
    lines = [f"## {escape_markdown(heading)}" if heading else "## Summary", ""]
    if not summary.sentences:
        lines.append("*No sentence could be summarized.*")
    else:
        said = []
        for sentence in summary.sentences:
            markers = "".join(
                f"[[{numbers[c.article]}]](#source-{numbers[c.article]})"
                for c in sentence.citations
                if c.article in numbers
            )
            said.append(f"{escape_markdown(sentence.text)} {markers}")
        lines.append(" ".join(said))
        lines.append("")
        lines.append(
            f"*{word_total(summary)} words from {len(articles)} article(s), method `{summary.method}`. "
            "A sentence carried by several articles cites each of them.*"
        )
    if sources_of(summary, articles):
        lines.extend(["", "### Sources", ""])
        cited_sentences: dict[str, list[str]] = {}
        for position, sentence in enumerate(summary.sentences, start=1):
            for citation in sentence.citations:
                cited_sentences.setdefault(citation.article, []).append(
                    f"summary sentence {position} = sentence {citation.sentence + 1}, "
                    f"characters {citation.start}–{citation.end}"
                )
        for article in sources_of(summary, articles):
            number = numbers[article.id]
            lines.append(
                f'{number}. <a id="source-{number}"></a>{escape_markdown(describe_source(article))} '
                f"(id `{article.id}`; {'; '.join(cited_sentences.get(article.id, []))})"
            )
    return "\n".join(lines) + "\n"
