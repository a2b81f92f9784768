"""``storyline compare`` output: claims, contradictions, positions and reversals, text or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article, Citation, Claim, Comparison, Position, Reversal, to_jsonable
from .lists import head, more_line
from .who import article_json, article_label, one_line, unknown_note


def claim_json(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "articles": claim.articles,
        "outlets": claim.outlets,
        "independent_outlets": claim.independent_outlets,
        "unknown_sources": claim.unknown_sources,
        "attributed_to": claim.attributed_to,
        "contradicts": claim.contradicts,
        "citations": to_jsonable(claim.citations),
    }


def position_json(position: Position) -> dict[str, Any]:
    return {
        "actor": position.actor,
        "proposition": position.proposition,
        "stance": position.stance,
        "date": position.date,
        "date_provenance": position.date_provenance,
        "date_interval": position.date_interval,
        "text": position.text,
        "citation": to_jsonable(position.citation),
    }


def reversal_json(reversal: Reversal) -> dict[str, Any]:
    return {
        "actor": reversal.actor,
        "proposition": reversal.proposition,
        "from": reversal.from_,
        "to": reversal.to,
        "from_date": reversal.from_date,
        "to_date": reversal.to_date,
        "citations": to_jsonable(reversal.citations),
    }


def compare_json(articles: Sequence[Article], comparison: Comparison) -> dict[str, Any]:
    """``{articles, claims, positions, reversals}``; a claim's ``contradicts`` are indices into ``claims``."""
    return {
        "articles": [article_json(a, n) for n, a in enumerate(articles, start=1)],
        "claims": [claim_json(c) for c in comparison.claims],
        "positions": [position_json(p) for p in comparison.positions],
        "reversals": [reversal_json(r) for r in comparison.reversals],
    }


def position_date(position: Position) -> str:
    """A position's date as shown: the interval when its article's date is not stated, marked inferred."""
    if position.date_interval and position.date_provenance == "inferred-office":
        return f"{position.date_interval} (inferred: articles up to then give an office it names to someone else)"
    if position.date_interval:
        return f"{position.date_interval} (inferred)"
    date = position.date or "undated"
    return date + (" (mentioned)" if position.date_provenance == "mentioned" else "")


def where(citation: Citation, by_id: dict[str, Article]) -> str:
    article = by_id.get(citation.article)
    label = article_label(article) if article else citation.article
    return f"{label}, chars {citation.start}-{citation.end}"


def voices(claim: Claim) -> str:
    """Who says a side of a contradiction, as a prefix ("[Rebels] ")."""
    return f"[{'; '.join(claim.attributed_to)}] " if claim.attributed_to else ""


def render_text(articles: Sequence[Article], comparison: Comparison, limit: int = 15) -> str:
    """Changes of position, positions, contradictions and claims; ``limit`` bounds every list."""
    by_id = {a.id: a for a in articles}
    lines: list[str] = []

    def quoted(citation: Citation) -> str:
        article = by_id.get(citation.article)
        return one_line(article.text[citation.start : citation.end]) if article else ""

    reversals, hidden = head(comparison.reversals, limit)
    lines.append(f"CHANGES OF POSITION ({len(comparison.reversals)})")
    for reversal in reversals:
        lines.append(
            f"  {reversal.actor} on '{reversal.proposition}': {reversal.from_} ({reversal.from_date or 'undated'}) "
            f"-> {reversal.to} ({reversal.to_date or 'undated'})"
        )
        for citation in reversal.citations:
            lines.append(f"    - {quoted(citation)}")
            lines.append(f"      {where(citation, by_id)}")
    lines += more_line(hidden)
    ordered = sorted(comparison.positions, key=lambda p: (p.actor, p.proposition, p.date or ""))
    positions, hidden = head(ordered, limit)
    lines += ["", f"POSITIONS ({len(ordered)})"]
    for position in positions:
        date = position_date(position)
        lines.append(f"  {position.actor}: {position.stance} '{position.proposition}', {date}")
        lines.append(f"    - {one_line(position.text)}")
        lines.append(f"      {where(position.citation, by_id)}")
    lines += more_line(hidden)
    pairs = [(i, j) for i, claim in enumerate(comparison.claims) for j in claim.contradicts if i < j]
    shown_pairs, hidden = head(pairs, limit)
    lines += ["", f"CONTRADICTIONS ({len(pairs)})"]
    for i, j in shown_pairs:
        claim, other = comparison.claims[i], comparison.claims[j]
        lines.append(f"  - {voices(claim)}{one_line(claim.text)}")
        lines.append(f"      {where(claim.citations[0], by_id)}")
        lines.append(f"    vs {voices(other)}{one_line(other.text)}")
        lines.append(f"      {where(other.citations[0], by_id)}")
    lines += more_line(hidden)
    corroborated = [c for c in comparison.claims if c.independent_outlets > 1]
    shown_claims, hidden = head(corroborated, limit)
    lines += ["", f"CLAIMS CARRIED BY SEVERAL INDEPENDENT OUTLETS ({len(corroborated)})"]
    for claim in shown_claims:
        unknown = f"; {unknown_note(claim.unknown_sources)}" if claim.unknown_sources else ""
        lines.append(
            f"  [{claim.independent_outlets} outlets: {', '.join(claim.outlets)}{unknown}] {one_line(claim.text)}"
        )
        for citation in claim.citations[:3]:
            lines.append(f"      {where(citation, by_id)}")
        lines += more_line(len(claim.citations) - 3, "more citations", "      ")
    lines += more_line(hidden)
    single = [c for c in comparison.claims if c.independent_outlets <= 1 and c.attributed_to]
    shown_claims, hidden = head(single, limit)
    lines += ["", f"ATTRIBUTED CLAIMS FROM ONE SOURCE ONLY ({len(single)})"]
    for claim in shown_claims:
        lines.append(f"  [{'; '.join(claim.attributed_to)}] {one_line(claim.text)}")
        lines.append(f"      {where(claim.citations[0], by_id)}")
    lines += more_line(hidden)
    return "\n".join(lines).rstrip() + "\n"
