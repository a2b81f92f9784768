"""``storyline who`` output: the roster (who is who) and the attributions (who said what), text or JSON."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..model import Article, Attribution, Entity, to_jsonable
from ..who.names import UNRESOLVED_SPEAKER, speaker_name
from ..who.names import statements as statements_of
from .lists import date_span, head, joined, more_line

ATTRIBUTION_FIELDS = (
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_entity",
    "speaker_entity_id",
    "speaker_description",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "article",
    "start",
    "end",
    "direct",
    "anonymous",
)


def unknown_note(count: int) -> str:
    """ "1 article of unknown source", "3 articles of unknown source"."""
    return f"{count:,} article{'' if count == 1 else 's'} of unknown source"


def article_json(article: Article, number: int) -> dict[str, Any]:
    """An article as who/compare name it; ``number`` is its place in the input (from 1)."""
    return {
        "number": number,
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "published_estimated": article.published_estimated,
        "published_interval": None if article.published else article.published_label(),
    }


def attribution_json(attribution: Attribution) -> dict[str, Any]:
    data = to_jsonable(attribution)
    return {name: data[name] for name in ATTRIBUTION_FIELDS}


def who_json(
    articles: Sequence[Article], entities: Sequence[Entity], attributions: Sequence[Attribution]
) -> dict[str, Any]:
    """``{articles, entities, attributions}`` (offsets into each article's cleaned text)."""
    return {
        "articles": [article_json(a, n) for n, a in enumerate(articles, start=1)],
        "entities": [to_jsonable(e) for e in entities],
        "attributions": [attribution_json(a) for a in statements_of(attributions)],
    }


def one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def article_label(article: Article) -> str:
    return f"{article.outlet or article.source} ({date_shown(article)})"


def date_shown(article: Article) -> str:
    """The stated date, or the interval marked as inferred ("after 2011-08, inferred"), or "undated"."""
    if article.published is not None:
        return article.published.isoformat()
    label = article.published_label()
    return "undated" if label in ("unknown", "undated") else f"{label}, inferred"


def role_date(role: dict[str, Any]) -> str:
    """When a title was given: the article's stated date, or its interval marked inferred, or "undated"."""
    if role.get("date"):
        return str(role["date"])
    interval = role.get("date_interval")
    return f"{interval}, inferred" if interval and interval not in ("unknown", "undated") else "undated"


def render_text(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
    limit: int = 40,
) -> str:
    """People, organisations and places with their names and titles; then who said what, by speaker.

    ``limit`` bounds every list: the entries, the speakers, and the statements shown per speaker;
    what is left out is counted ("… and 180 more").
    """
    by_id = {a.id: a for a in articles}
    attributions = statements_of(attributions)
    shown_entities, hidden_entities = head(entities, limit)
    lines = [
        f"WHO IS WHO ({len(entities)} entries; the {len(shown_entities)} named in the most articles)",
        "",
    ]
    for entity in shown_entities:
        total = sum(entity.mentions.values())
        others = [alias for alias in entity.aliases if alias != entity.name]
        lines.append(
            f"{entity.name}  [{entity.type}]  {total} mention(s) in {len(entity.mentions)} article(s)"
        )
        if others:
            lines.append(f"    also: {joined(others, 8, '; ')}")
        roles: dict[str, list[str]] = defaultdict(list)
        for role in entity.roles:
            roles[str(role["role"])].append(role_date(role))
        if roles:
            shown = [f"{role} ({date_span(dates)})" for role, dates in roles.items()]
            lines.append(f"    titles: {joined(shown, 4, '; ')}")
    lines += more_line(hidden_entities, "more entries", "")
    groups: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        groups[speaker_label(attribution)].append(attribution)
    # named and described speakers first, as in the HTML brief; the buckets of statements without a
    # resolved speaker come last however large they are (they are not actors an analyst looks for)
    buckets = (UNRESOLVED_SPEAKER, UNKNOWN_SPEAKER)
    ranked = sorted(groups.items(), key=lambda item: (item[0] in buckets, -len(item[1]), item[0]))
    shown_speakers, hidden_speakers = head(ranked, limit)
    lines += [
        "",
        f"WHO SAID WHAT ({len(attributions)} attribution(s) by {len(groups)} speaker(s); "
        f"the {len(shown_speakers)} most quoted, up to {max(limit, 0)} statements each)",
        "",
    ]
    for speaker, said in shown_speakers:
        lines.append(f"{speaker}  ({len(said)})")
        statements, hidden_statements = head(said, limit)
        for attribution in statements:
            article = by_id.get(attribution.article)
            where = article_label(article) if article else attribution.article
            mark = "quote" if attribution.direct else "reported"
            cue = f" {attribution.cue}:" if attribution.cue else ""
            lines.append(f"    -{cue} {one_line(attribution.content)}")
            lines.append(f"      {mark}, {where}, chars {attribution.start}-{attribution.end}")
        lines += more_line(hidden_statements, "more statements", "    ")
        lines.append("")
    lines += more_line(hidden_speakers, "more speakers", "")
    return "\n".join(lines).rstrip() + "\n"


UNKNOWN_SPEAKER = "unknown speaker"


def speaker_label(attribution: Attribution) -> str:
    if attribution.anonymous:
        described = attribution.speaker_description or attribution.speaker or "unnamed source"
        return f"anonymous: {one_line(described, 60)}"
    name = speaker_name(attribution)
    if name:
        return one_line(name, 60)
    # a pronoun without antecedent, or words that name no actor: kept in the statement, not a name
    return UNRESOLVED_SPEAKER if attribution.speaker else UNKNOWN_SPEAKER
