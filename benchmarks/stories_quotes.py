"""What links through shared quotes would add to story clustering, measured before building them.

Run from the project root:  nice .venv/bin/python benchmarks/stories_quotes.py [DIR]  (default
../shared/data/timeline17). All Timeline17 articles, mixed in date order, are grouped into stories
with the shipped settings (as ``storyline evaluate stories`` does). A quote is a passage between
quotation marks of at least ``WORDS`` words; two articles share one when they share a run of
``WORDS`` words inside such passages (lower-cased). Then the link rule a builder would add: an article
left in a story of one or two articles that shares a quote with articles of exactly one larger story
moves into it. Printed: how many articles stand outside their gold story's main piece and how many
of those share a quote with it (or only with another story), how many article pairs that share a
quote are of different gold stories, and B-cubed P/R/F1 before and after the rule.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from storyline.corpus.copies import mark_duplicates
from storyline.corpus.stories import StorySettings, story_input, time_order
from storyline.evaluate.stories import bcubed, read_corpus, stories_of

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timeline17"
WORDS = 8
QUOTED = re.compile(r"[\"“”]([^\"“”]{20,600})[\"“”]")
WORD = re.compile(r"[a-z0-9']+")


def quote_keys(text: str) -> set[tuple[str, ...]]:
    """Every run of ``WORDS`` words inside a quoted passage of at least that many words."""
    keys = set()
    for match in QUOTED.finditer(text):
        words = WORD.findall(match.group(1).lower())
        for start in range(len(words) - WORDS + 1):
            keys.add(tuple(words[start : start + WORDS]))
    return keys


def main() -> int:
    directory = sys.argv[1] if len(sys.argv) > 1 else str(T17)
    corpus = read_corpus(directory)
    gold = {item.article.id: item.gold for item in corpus}
    articles = mark_duplicates(sorted((i.article for i in corpus), key=lambda a: str(a.published)))
    texts = {a.id: a.text for a in articles}
    inputs = time_order(story_input(a) for a in articles)
    ids = [i.article_id for i in inputs]
    assigned = stories_of(inputs, StorySettings())
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for article_id in ids:
        for key in quote_keys(texts[article_id]):
            holders[key].add(article_id)
    partners: dict[str, set[str]] = defaultdict(set)
    for members in holders.values():
        if 1 < len(members) <= 50:  # a passage in more than 50 articles is boilerplate, not a quote
            for article_id in members:
                partners[article_id] |= members - {article_id}
    pairs = {(a, b) for a, others in partners.items() for b in others if a < b}
    crossing = sum(1 for a, b in pairs if gold[a] != gold[b])
    sizes = Counter(assigned.values())
    main_piece = {
        story: Counter(assigned[i] for i in ids if gold[i] == story).most_common(1)[0][0]
        for story in set(gold.values())
    }
    outside = [i for i in ids if assigned[i] != main_piece[gold[i]]]
    with_own = sum(1 for i in outside if any(assigned[p] == main_piece[gold[i]] for p in partners[i]))
    only_other = sum(
        1 for i in outside if partners[i] and not any(assigned[p] == main_piece[gold[i]] for p in partners[i])
    )
    moved = dict(assigned)
    changes = right = 0
    for article_id in ids:
        if sizes[assigned[article_id]] > 2:
            continue
        targets = {assigned[p] for p in partners[article_id] if sizes[assigned[p]] > 2}
        if len(targets) == 1:
            target = next(iter(targets))
            moved[article_id] = target
            changes += 1
            right += main_piece[gold[article_id]] == target
    before = bcubed([assigned[i] for i in ids], [gold[i] for i in ids])
    after = bcubed([moved[i] for i in ids], [gold[i] for i in ids])
    print(
        f"{len(ids)} articles, {len(holders)} quoted {WORDS}-word runs, {len(pairs)} article pairs sharing one"
    )
    print(
        f"pairs sharing a quote across different gold stories: {crossing} ({crossing / max(1, len(pairs)):.1%})"
    )
    print(
        f"articles outside their gold story's main piece: {len(outside)}; sharing a quote with it: {with_own}; "
        f"only with other stories: {only_other}"
    )
    print(
        f"link rule (stories of 1-2 articles join the one larger story they share a quote with): "
        f"{changes} articles moved, {right} into their gold story's main piece"
    )
    print(f"B-cubed before: P {before['precision']:.4f} R {before['recall']:.4f} F1 {before['f1']:.4f}")
    print(f"B-cubed after:  P {after['precision']:.4f} R {after['recall']:.4f} F1 {after['f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
