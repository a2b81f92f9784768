"""``storyline evaluate polnear DIR``: who said what, measured on PolNeAR's gold attributions.

PolNeAR (Newell, Margolin & Ruths 2018) annotates every attribution of 1,008 political news
articles in brat standoff: a Source (speaker), a Cue and a Content span. The metric, from issue 5:

- gold tokens are the ``\\S+`` runs inside the gold Content fragments; a predicted content span
  covers a gold token when their character spans overlap;
- a (prediction, gold) pair qualifies when at least half of the gold tokens are covered; pairs are
  matched greedily one-to-one, highest coverage first; precision, recall and F1 count the matches;
- speaker accuracy, over the matched pairs: the predicted speaker span shares a character with a
  gold Source fragment;
- a gold attribution is *direct* when its Content holds a quotation mark and at least half of its
  tokens lie inside quotation marks; the direct scores compare direct predictions with direct gold.

Where an article has several annotators' files, the first in sorted order is the gold. The anchor,
textacy's ``direct_quotations``, runs on the same spaCy parses in the same run (per paragraph when
it refuses a whole article for an unbalanced quotation mark).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..training.gold.polnear import (
    Evaluation,
    GoldAttribution,
    Prediction,
    is_direct,
    load_split,
    parse_ann,
    predictions_of,
    score_article,
    tokens_of,
)

# The gold reader and the metric live in ``storyline.training.gold.polnear`` (the cue model is
# cross-validated with them); they are re-exported here for callers of this module.
__all__ = [
    "Evaluation",
    "GoldAttribution",
    "Prediction",
    "evaluate",
    "is_direct",
    "load_split",
    "parse_ann",
    "paragraph_token_ranges",
    "predictions_of",
    "register",
    "run",
    "score_article",
    "textacy_predictions",
    "tokens_of",
]

if TYPE_CHECKING:
    from spacy.tokens import Doc

# ---------------------------------------------------------------------------------------------
# The anchor: textacy's direct_quotations


def textacy_predictions(doc: Doc) -> list[Prediction]:
    """textacy's direct quotations; per paragraph when it refuses the whole text."""
    from textacy.extract.triples import direct_quotations

    def triples(piece: Doc, offset: int) -> list[Prediction]:
        found = []
        for triple in direct_quotations(piece):
            content = (offset + triple.content.start_char, offset + triple.content.end_char)
            speaker = [(offset + t.idx, offset + t.idx + len(t.text)) for t in triple.speaker]
            found.append(Prediction([content], speaker, True))
        return found

    try:
        return triples(doc, 0)
    except ValueError:
        pass
    predictions = []
    for start, end in paragraph_token_ranges(doc):
        piece = doc[start:end]
        try:
            predictions.extend(triples(piece.as_doc(), piece.start_char))
        except ValueError:
            continue
    return predictions


def paragraph_token_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs (text between line breaks)."""
    ranges = []
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if token.is_space else token.i + 1
            if end > start:
                ranges.append((start, end))
            start = token.i + 1
    if start < len(doc):
        ranges.append((start, len(doc)))
    return ranges


# ---------------------------------------------------------------------------------------------
# The run


def evaluate(
    directory: str | Path, limit: int | None = None, with_anchor: bool = True, every: int = 1
) -> dict[str, Any]:
    """Score storyline (and textacy) on a PolNeAR split folder; returns the JSON shape of the issue."""
    from ..annotate.nlp import load_nlp
    from ..model import Article
    from ..who.attribution import find_attributions
    from ..who.names import statements

    articles = list(load_split(directory, limit, every))
    if not articles:
        raise UsageError(f"{directory}: no annotated articles found")
    nlp = load_nlp()
    ours, anchor = Evaluation(), Evaluation()
    said = Evaluation()  # only the statements the brief lists (``Attribution.statement``)
    seconds = 0.0
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for gold_article, doc in zip(articles, docs, strict=True):
        article = Article(id=gold_article.name, source=gold_article.name, text=gold_article.text)
        started = time.perf_counter()
        attributions = find_attributions([article], [doc])
        seconds += time.perf_counter() - started
        ours.add_article(gold_article.text, predictions_of(attributions), gold_article.attributions)
        said.add_article(
            gold_article.text, predictions_of(statements(attributions)), gold_article.attributions
        )
        if with_anchor:
            anchor.add_article(gold_article.text, textacy_predictions(doc), gold_article.attributions)
    result = ours.as_dict()
    result["statements"] = said.as_dict()
    result["articles"] = len(articles)
    result["seconds_after_parsing"] = round(seconds, 3)
    if with_anchor:
        result["textacy"] = anchor.as_dict()
    return result


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "polnear",
        help="who said what: attributions on PolNeAR, beside textacy's direct_quotations",
        description="Score storyline's attributions (content span, speaker) on a PolNeAR split folder "
        "(text/ and attributions/, e.g. ../shared/data/polnear/dev), beside textacy's direct_quotations "
        "measured on the same parses.",
    )
    parser.add_argument(
        "directory", metavar="DIR", help="a PolNeAR split folder with text/ and attributions/"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles (sorted by name)")
    parser.add_argument(
        "--every", type=int, default=1, metavar="N", help="only every N-th article (a subset)"
    )
    parser.add_argument("--no-anchor", action="store_true", help="skip textacy")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    result = evaluate(args.directory, args.limit, with_anchor=not args.no_anchor, every=args.every)
    if args.json:
        print_json(result)
        return 0
    rows = [("storyline", result)]
    if "textacy" in result:
        rows.append(("textacy direct_quotations", result["textacy"]))
    print(f"PolNeAR {args.directory}: {result['articles']} articles")
    print(f"{'system':<27} {'kind':<7} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'pred':>6} {'gold':>6}")
    for name, scores in rows:
        for kind in ("direct", "all"):
            s = scores[kind]
            print(
                f"{name:<27} {kind:<7} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                f"{s['speaker_accuracy']:8.3f} {s['predicted']:6d} {s['gold']:6d}"
            )
    print(f"storyline attribution time after parsing: {result['seconds_after_parsing']:.2f} s")
    return 0
