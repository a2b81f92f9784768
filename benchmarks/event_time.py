"""Event time on TimeBank + AQUAINT: which time expression dates a sentence's main event.

Run from the project root:  nice .venv/bin/python benchmarks/event_time.py [DIR]
DIR defaults to ../shared/data/tempeval3/TBAQ-cleaned. Sentences whose main event (the gold EVENT at the root
of spaCy's parse) has a gold TLINK to one of the sentence's DATE/TIME expressions; the rule is right when it
picks an expression the event lies within, or none when every link puts the event before, after or around
them. Beside it, in the same run: the first expression of the sentence (the timeline's rule before).
Halves as for time expressions (every second file of each folder held out); rules were developed on the
errors of the development half only.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from storyline.evaluate.event_time import RULES, evaluate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"


def main() -> int:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    began = time.process_time()
    result = evaluate(directory)
    print(f"{'rule':<50} {'dev':>7} {'held-out':>9} {'all':>7}")
    for name in RULES:
        print(
            f"{name:<50} {result['dev'][name]:7.3f} {result['heldout'][name]:9.3f} {result['all'][name]:7.3f}"
        )
    for part in ("dev", "heldout", "all"):
        print(
            f"{part}: {result[part]['sentences']} sentences, "
            f"{result[part]['none_right']} whose main event no expression of theirs dates"
        )
    print(f"CPU seconds: {time.process_time() - began:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
