"""``storyline compare`` output: claims, contradictions, positions and reversals, text or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article, Citation, Claim, Comparison, Position, Reversal, to_jsonable
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


def where(citation: Citation, by_id: dict[str, Article]) -> str:
    article = by_id.get(citation.article)
    label = article_label(article) if article else citation.article
    return f"{label}, chars {citation.start}-{citation.end}"


def render_text(articles: Sequence[Article], comparison: Comparison, limit: int = 15) -> str:
    by_id = {a.id: a for a in articles}
    lines: list[str] = []
    reversals = comparison.reversals
    lines.append(f"CHANGES OF POSITION ({len(reversals)})")
    for reversal in reversals:
        lines.append(
            f"  {reversal.actor} on '{reversal.proposition}': {reversal.from_} ({reversal.from_date}) "
            f"-> {reversal.to} ({reversal.to_date})"
        )
        for citation in reversal.citations:
            text = (
                by_id[citation.article].text[citation.start : citation.end]
                if citation.article in by_id
                else ""
            )
            lines.append(f"    - {one_line(text)}")
            lines.append(f"      {where(citation, by_id)}")
    lines += ["", f"POSITIONS ({len(comparison.positions)})"]
    for position in sorted(comparison.positions, key=lambda p: (p.actor, p.proposition, p.date or "")):
        date = position.date or "undated"
        if position.date_provenance in ("estimated", "mentioned"):
            date += f" ({position.date_provenance})"
        lines.append(f"  {position.actor}: {position.stance} '{position.proposition}', {date}")
        lines.append(f"    - {one_line(position.text)}")
        lines.append(f"      {where(position.citation, by_id)}")
    contradictions = [(i, c) for i, c in enumerate(comparison.claims) if c.contradicts]
    lines += ["", f"CONTRADICTIONS ({sum(len(c.contradicts) for _, c in contradictions) // 2})"]
    shown = set()
    for i, claim in contradictions:
        for j in claim.contradicts:
            if (j, i) in shown:
                continue
            shown.add((i, j))
            other = comparison.claims[j]
            lines.append(f"  - {one_line(claim.text)}")
            lines.append(f"      {where(claim.citations[0], by_id)}")
            lines.append(f"    vs {one_line(other.text)}")
            lines.append(f"      {where(other.citations[0], by_id)}")
    corroborated = [c for c in comparison.claims if c.independent_outlets > 1]
    lines += ["", f"CLAIMS CARRIED BY SEVERAL INDEPENDENT OUTLETS ({len(corroborated)})"]
    for claim in corroborated[:limit]:
        unknown = f"; {unknown_note(claim.unknown_sources)}" if claim.unknown_sources else ""
        lines.append(
            f"  [{claim.independent_outlets} outlets: {', '.join(claim.outlets)}{unknown}] {one_line(claim.text)}"
        )
    single = [c for c in comparison.claims if c.independent_outlets <= 1 and c.attributed_to]
    lines += ["", f"ATTRIBUTED CLAIMS FROM ONE SOURCE ONLY ({len(single)}; first {min(limit, len(single))})"]
    for claim in single[:limit]:
        lines.append(f"  [{'; '.join(claim.attributed_to)}] {one_line(claim.text)}")
        lines.append(f"      {where(claim.citations[0], by_id)}")
    return "\n".join(lines).rstrip() + "\n"
