"""Story clustering and near-duplicate detection on Timeline17, storyline beside its anchors.

Run from the project root:  nice .venv/bin/python benchmarks/stories.py [DIR] [--part stories|dedup|all]
DIR defaults to ../shared/data/timeline17.

stories: all articles mixed and fed in publication-date order to the online clusterer; gold stories
are the topics (the five bpoil_*, the two H1N1_*, the two LibyaWar_* one story each); B-cubed P/R/F1
and adjusted Rand index, stories found against the gold count. The join threshold, decay and merge
threshold are cross-validated over two halves of the gold stories (chosen on one half's stream, scored
on the other half's and on the whole stream) and leaving one story out (chosen without it, its
articles scored in the whole stream). Anchors in the same run: single-pass TF-IDF over all words (the
classic TDT clustering, threshold cross-validated the same way) and offline k-means told the true
number of stories. Unseen check: ECB+ (``../shared/data/ecbplus``), all documents mixed, undated, with
settings chosen on Timeline17 only, scored against its subtopics and its topics.

dedup: planted copies (new headline, other boilerplate, a paragraph dropped) of Timeline17 articles;
precision and recall of the copy flags, thresholds cross-validated over two halves of the topics;
anchors: exact-text matching and the exact all-pairs shingle rule that MinHash LSH approximates.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from storyline.evaluate import dedup, stories

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "timeline17"
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT))
    parser.add_argument("--part", choices=("stories", "dedup", "all"), default="all")
    parser.add_argument("--every", type=int, default=1, help="use every K-th article (a quick subset)")
    parser.add_argument("--workers", type=int, default=1, help="try N settings at once (processes)")
    parser.add_argument("--json", metavar="FILE", help="also write the stories figures as JSON")
    args = parser.parse_args()
    ok = True
    if args.part in ("stories", "all"):
        started = time.perf_counter()
        stories.WORKERS = max(1, args.workers)
        result = stories.evaluate(
            args.directory, every=args.every, quiet=False, ecbplus=ECBPLUS if ECBPLUS.is_dir() else None
        )
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
        print("== stories: online clustering of all Timeline17 articles, in date order")
        print(stories.render(result))
        folds = [fold["held_out_fold"] for fold in result["storyline"]["cross_validated"]]
        whole = [fold["all_mixed"]["f1"] for fold in result["storyline"]["cross_validated"]]
        passed = min(whole) >= 0.90
        ok = ok and passed
        print(
            f"required B-cubed F1 >= 0.90 on all articles mixed: {min(whole):.3f} (worst of the two "
            f"cross-validated choices) {'OK' if passed else 'FAILS'}"
        )
        passed = min(f["f1"] for f in folds) >= 0.95 and min(f["precision"] for f in folds) >= 0.97
        ok = ok and passed
        print(
            "required on the held-out halves B-cubed F1 >= 0.95 with precision >= 0.97: "
            + ", ".join(f"F1 {f['f1']:.3f} P {f['precision']:.3f}" for f in folds)
            + f" {'OK' if passed else 'FAILS'}"
        )
        passed = all(f["stories_5_plus"] <= 2 * f["gold_count"] for f in folds)
        ok = ok and passed
        print(
            "required on the held-out halves: stories of 5+ articles at most 2x the gold count: "
            + ", ".join(f"{f['stories_5_plus']} for {f['gold_count']}" for f in folds)
            + f" {'OK' if passed else 'FAILS'}"
        )
        loso = result["storyline"]["leave_one_story_out"]
        passed = loso["f1"] >= 0.95 and loso["precision"] >= 0.97
        ok = ok and passed
        print(
            f"required leaving one story out: B-cubed F1 >= 0.95 with precision >= 0.97: F1 {loso['f1']:.3f} "
            f"P {loso['precision']:.3f} {'OK' if passed else 'FAILS'}"
        )
        unseen = result.get("unseen_ecbplus")
        if unseen:
            criterion = unseen["systems"]["storyline defaults"]["criterion"]
            passed = criterion["f1"] >= 0.95 and criterion["precision"] >= 0.97
            ok = ok and passed
            print(
                "required on ECB+ (undated, settings from Timeline17): F1 >= 0.95 with precision >= 0.97, "
                f"precision against topics, recall against subtopics: F1 {criterion['f1']:.3f} "
                f"P {criterion['precision']:.3f} R {criterion['recall']:.3f} {'OK' if passed else 'FAILS'}"
            )
        print(f"[{time.perf_counter() - started:.0f}s]")
    if args.part in ("dedup", "all"):
        started = time.perf_counter()
        result = dedup.evaluate(args.directory, every=args.every, quiet=False)
        print("== dedup: Timeline17 with planted copies")
        print(dedup.render(result))
        folds = [fold["held_out_fold"] for fold in result["storyline"]["cross_validated"]]
        shipped = result["storyline"]["shipped_defaults"]["all"]
        passed = (
            min(f["precision"] for f in folds + [shipped]) >= 0.95
            and min(f["recall"] for f in folds + [shipped]) >= 0.95
        )
        ok = ok and passed
        print(
            f"required precision and recall >= 0.95: defaults P {shipped['precision']:.3f} R {shipped['recall']:.3f}, "
            f"held-out halves P >= {min(f['precision'] for f in folds):.3f} R >= {min(f['recall'] for f in folds):.3f} "
            f"{'OK' if passed else 'FAILS'}  [{time.perf_counter() - started:.0f}s]"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
