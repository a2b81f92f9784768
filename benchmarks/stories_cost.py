"""Cost of story clustering alone: CPU per article and peak memory, Timeline17 replicated.

Run from the project root:  nice .venv/bin/python benchmarks/stories_cost.py [REPLICAS]  (default 30:
93,750 inputs). Every replica but the first drops 30% of each article's names at random and moves its
date by up to five days (seed 1); all inputs go, in date order, through one StoryClusterer with the
shipped settings. Run it with another checkout's ``src`` first on PYTHONPATH to compare versions.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import sys
import time
from pathlib import Path

from storyline.corpus.stories import StoryClusterer, StoryInput, cluster, name_terms, time_order
from storyline.evaluate.stories import read_corpus

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timeline17"


def main() -> int:
    replicas = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    articles = [item.article for item in read_corpus(T17)]
    base = [(a, name_terms(a.text)) for a in articles]
    rng = random.Random(1)
    items = []
    for replica in range(replicas):
        for article, terms in base:
            kept = dict(terms)
            if replica:
                keys = list(kept)
                rng.shuffle(keys)
                kept = {k: kept[k] for k in keys[: max(1, int(len(keys) * 0.7))]}
            date = article.published
            if date is not None and replica:
                date += dt.timedelta(days=rng.randint(-5, 5))
            items.append(StoryInput(f"{article.id}-{replica}", date, kept))
    items = time_order(items)
    started = time.process_time()
    assigned = dict(cluster(items, StoryClusterer()))
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(items)} inputs: {1000 * cpu / len(items):.3f} CPU ms per article, "
        f"{len(set(assigned.values()))} stories, peak {peak:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
