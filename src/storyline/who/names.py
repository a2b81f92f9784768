"""The name a statement is listed under in the roster of speakers (no parsing: safe to import anywhere)."""

from __future__ import annotations

from ..model import Attribution

UNRESOLVED_SPEAKER = "unresolved speaker"


def speaker_name(attribution: Attribution) -> str | None:
    """The speaker's roster entry or named entity, else the described source ("senior U.S. officials",
    "the opposition"); None when the speaker is unresolved (a pronoun or relative word without
    antecedent, or words that name no actor: "his refusal", "any text", "both")."""
    if attribution.speaker_entity:
        return attribution.speaker_entity
    if attribution.speaker_description:
        return attribution.speaker_description
    return None
