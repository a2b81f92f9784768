"""Where the sources agree, disagree and change their position: claims, contradictions, positions.

- **Claims.** Each body sentence that asserts something is a claim; sentences of different articles
  that say the same in nearly the same words are one claim (``storyline.text.similarity``), with the
  articles and outlets that carry it, how many of those are independent (syndicated copies count
  once) and who it is attributed to (the speakers of the attributions inside it).
- **Contradictions.** Two claims on the same matter (enough content words in common) contradict
  when they give different figures for the same quantity ("300 soldiers" / "500 soldiers"), or
  when one negates or disputes what the other asserts and a different source makes it.
- **Positions** (``storyline.compare.positions``): what each actor demands or rejects about a recurring
  proposition, dated; **reversals** where an actor's stance flips between periods.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Article, Attribution, Claim, Comparison, Entity, cite
from ..text.similarity import content_words, jaccard, near_duplicate_groups, source_groups
from ..who.names import speaker_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

MIN_CLAIM_WORDS = 5
# Content words two claims must share (Jaccard) to be about the same matter.
SAME_MATTER = 0.3
# Content-word Jaccard at which two sentences of different articles are one claim.
PARAPHRASE = 0.5
NEGATIONS = {"not", "no", "never", "n't", "nobody", "none", "nothing", "neither", "nor"}
DISPUTE_WORDS = {
    "deny",
    "denied",
    "denies",
    "dispute",
    "disputed",
    "disputes",
    "false",
    "untrue",
    "reject",
    "rejected",
    "rejects",
    "contradict",
    "contradicted",
    "contradicts",
    "refute",
    "refuted",
    "refutes",
    "baseless",
    "wrong",
}
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(percent|%))?\s+([A-Za-z][a-z\-]+)?")


def compare(
    articles: Sequence[Article],
    docs: Sequence[Doc] | None = None,
    roster: Sequence[Entity] | None = None,
    attributions: Sequence[Attribution] | None = None,
) -> Comparison:
    """Claims (with contradictions), positions and reversals across the articles.

    ``roster`` is ``build_roster``'s result and ``attributions`` ``find_attributions``'s (speakers
    linked to the roster) when the caller has them; what is not given is computed here. The
    articles are read, never written.
    """
    from ..who.attribution import find_attributions
    from ..who.entities import build_roster
    from .positions import find_positions, find_reversals

    if docs is None:
        from ..annotate.nlp import parse_articles

        docs = parse_articles(articles)
    if roster is None:
        roster = build_roster(articles, docs)
    if attributions is None:
        attributions = find_attributions(articles, docs, roster)
    claims = find_claims(articles, attributions)
    positions = find_positions(articles, docs, roster)
    return Comparison(claims=claims, positions=positions, reversals=find_reversals(positions))


def find_claims(articles: Sequence[Article], attributions: Sequence[Attribution] = ()) -> list[Claim]:
    """Claims carried by the articles, most independently corroborated first, with contradictions;
    ``attributions`` name who a claim is attributed to."""
    by_id = {a.id: a for a in articles}
    units: list[tuple[Article, int]] = []
    texts: list[str] = []
    for article in articles:
        for position, sentence in enumerate(article.sentences):
            text = article.sentence_text(sentence)
            if len(content_words(text)) < MIN_CLAIM_WORDS or text.rstrip().endswith("?"):
                continue
            units.append((article, position))
            texts.append(text)
    speakers_of = speakers_by_sentence(articles, attributions)
    claims: list[Claim] = []
    for group in split_by_figures(near_duplicate_groups(texts, threshold=PARAPHRASE), texts):
        members = [units[i] for i in group]
        carried = sorted({a.id for a, _ in members}, key=[a.id for a in articles].index)
        citations = [cite(a, a.sentences[p]) for a, p in members]
        speakers = attributed_speakers(members, speakers_of)
        # Known outlets only: articles of unknown source are counted apart, never as independent outlets.
        outlets = sorted({o for o in (by_id[i].outlet for i in carried) if o})
        known, unknown = source_groups([by_id[i] for i in carried], by_id)
        claims.append(
            Claim(
                text=texts[group[0]],
                articles=carried,
                outlets=outlets,
                independent_outlets=len(known),
                attributed_to=speakers,
                contradicts=[],
                citations=citations,
                unknown_sources=unknown,
            )
        )
    claims.sort(key=lambda c: (-c.independent_outlets, -len(c.articles), first_position(c)))
    link_contradictions(claims)
    return claims


def split_by_figures(groups: list[list[int]], texts: Sequence[str]) -> list[list[int]]:
    """Sentences alike but for their figures ("300 soldiers" / "500 soldiers") or for a negation or
    denial ("have stopped" / "denied that ... had stopped") are two claims."""
    result: list[list[int]] = []
    for group in groups:
        parts: list[tuple[dict[str, set[str]], list[int]]] = []
        for i in group:
            found = figures(texts[i])
            for held, members in parts:
                same_polarity = polarity(texts[members[0]]) == polarity(texts[i])
                if (
                    same_polarity
                    and not different_figures(found, held)
                    and not different_figures(held, found)
                ):
                    members.append(i)
                    for unit, numbers in found.items():
                        held.setdefault(unit, set()).update(numbers)
                    break
            else:
                parts.append(({u: set(n) for u, n in found.items()}, [i]))
        result.extend(members for _, members in parts)
    return result


def first_position(claim: Claim) -> tuple[str, int]:
    citation = claim.citations[0]
    return citation.article, citation.start


def attributed_speakers(members: Sequence[tuple[Article, int]], speakers_of: SpeakerIndex) -> list[str]:
    """Who the sentences' attributions name (the resolved entity when known), in order."""
    speakers: dict[str, None] = {}
    for article, position in members:
        for name in speakers_of.get((article.id, position), []):
            speakers.setdefault(name, None)
    return list(speakers)


SpeakerIndex = dict[tuple[str, int], list[str]]


def speakers_by_sentence(articles: Sequence[Article], attributions: Sequence[Attribution]) -> SpeakerIndex:
    """(article, sentence position) -> the speakers of the attributions that overlap it."""
    index: SpeakerIndex = defaultdict(list)
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article].append(attribution)
    for article in articles:
        ends = [s.end for s in article.sentences]
        for attribution in by_article.get(article.id, []):
            name = speaker_name(attribution)
            if not name:
                continue
            position = bisect.bisect_right(ends, attribution.start)
            while position < len(article.sentences) and article.sentences[position].start < attribution.end:
                index[(article.id, position)].append(name)
                position += 1
    return index


def overlaps(attribution: Attribution, start: int, end: int) -> bool:
    return attribution.start < end and start < attribution.end


# ---------------------------------------------------------------------------------------------
# Contradictions


def figures(text: str) -> dict[str, set[str]]:
    """Numbers by the word they count ("300 soldiers" -> {"soldier": {"300"}})."""
    found: dict[str, set[str]] = defaultdict(set)
    for match in NUMBER.finditer(text):
        number, percent, unit = match.groups()
        if re.fullmatch(r"(19|20)\d\d", number) and not percent:
            continue  # a year, not a quantity
        key = "percent" if percent else (unit or "").lower().rstrip("s")
        if key:
            found[key].add(number.replace(",", ""))
    return found


def polarity(text: str) -> bool:
    """True when the sentence negates or disputes what it reports."""
    words = set(re.findall(r"[a-z']+", text.lower().replace("n\u2019t", " n't").replace("n't", " n't")))
    return bool(words & NEGATIONS or words & DISPUTE_WORDS)


def link_contradictions(claims: list[Claim]) -> None:
    """Mark pairs of claims on the same matter that cannot both hold (in both claims' lists).

    Only pairs that could contradict are compared (one side negated and the other not, or both
    giving figures), and only when they share two words that few claims use, so thousands of
    claims stay fast.
    """
    bags = [frozenset(w for w in content_words(c.text) if not w[0].isdigit()) for c in claims]
    numbers = [figures(c.text) for c in claims]
    negated = [polarity(c.text) for c in claims]
    frequency: Counter[str] = Counter(w for bag in bags for w in bag)
    rare_limit = 30
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for word in bag:
            if frequency[word] <= rare_limit:
                index[word].append(i)
    for i, bag in enumerate(bags):
        shared: Counter[int] = Counter()
        for word in bag:
            if frequency[word] <= rare_limit:
                shared.update(j for j in index[word] if j > i)
        for j in sorted(j for j, count in shared.items() if count >= 2):
            could = negated[i] != negated[j] or (numbers[i] and numbers[j])
            if not could or jaccard(bag, bags[j]) < SAME_MATTER:
                continue
            one_voice = len(claims[i].articles) == 1 and claims[i].articles == claims[j].articles
            if one_voice and set(claims[i].attributed_to) == set(claims[j].attributed_to):
                continue  # one source saying two things in one article is not a dispute
            if different_figures(numbers[i], numbers[j]) or disputes(
                claims[i], claims[j], negated[i], negated[j]
            ):
                claims[i].contradicts.append(j)
                claims[j].contradicts.append(i)


def different_figures(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    return any(unit in b and not (a[unit] & b[unit]) for unit in a)


def disputes(a: Claim, b: Claim, a_negated: bool, b_negated: bool) -> bool:
    """One side negates or disputes, the other asserts, and they come from different sources."""
    if a_negated == b_negated:
        return False
    return set(a.attributed_to) != set(b.attributed_to) or set(a.articles) != set(b.articles)
