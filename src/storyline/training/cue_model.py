"""``storyline train cue-model``: the attribution cue model (``who.cues``), on PolNeAR's training split.

Every verb of a parsed training article is a row (``cues.cue_features``: lemma, frame, subject kind and
their pairs), labelled 1 when it lies inside a gold Cue; a logistic regression (scikit-learn, no
intercept) over those features gives the weights. The threshold (and, if several are given, the
regularization C) is the one that gives the best end-to-end attribution F1 (``who.attribution`` with
the model, scored by PolNeAR's metric) in k-fold cross-validation over the training articles, each fold
scored by a model fitted on the other folds; the shipped model is then fitted on every article. The
fit is deterministic (lbfgs), so a refit on the same parses gives the same weights.

    storyline train cue-model ../shared/data/polnear/train --folds 3 --thresholds 0.35 0.4 0.45

(about ten minutes on two idle cores; the split's spaCy parses are cached under ``--cache``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..who.cues import CueModel, cue_features
from .common import command_line, training_data, write_artefact
from .gold.polnear import Evaluation, GoldArticle, load_split, predictions_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME = "cue-model"


class PrecomputedCues:
    """Cue probabilities computed once per token (cross-validation tries many thresholds on them)."""

    def __init__(self, probabilities: dict[int, float], threshold: float) -> None:
        self.probabilities = probabilities
        self.threshold = threshold

    def probability(self, token: Token) -> float:
        return self.probabilities.get(token.i, 0.0)


def is_candidate(token: Token) -> bool:
    return token.pos_ == "VERB" or token.pos_ == "AUX" and token.dep_ == "ROOT"


def labelled_verbs(doc: Doc, cue_fragments: Sequence[tuple[int, int]]) -> tuple[list[list[str]], list[int]]:
    """Features and labels (1 = inside a gold cue) of every verb of a parsed article."""
    from ..who.attribution import RegionIndex, quotation_regions

    index = RegionIndex(quotation_regions(doc.text))
    rows, labels = [], []
    for token in doc:
        if not is_candidate(token):
            continue
        start, end = token.idx, token.idx + len(token.text)
        rows.append(cue_features(token, in_quote=index.at(start) is not None))
        labels.append(int(any(s < end and start < e for s, e in cue_fragments)))
    return rows, labels


def fit_weights(rows: Sequence[list[str]], labels: Sequence[int], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    regression = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    regression.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, regression.coef_[0]) if abs(w) > 1e-4}


def parse_split(
    directory: Path, cache: Path | None, limit: int | None = None, every: int = 1
) -> tuple[list[GoldArticle], list[Doc]]:
    """The split's gold articles and their parses (cached as a spaCy DocBin unless ``cache`` is None)."""
    from spacy.tokens import DocBin

    from ..annotate.nlp import load_nlp

    articles = list(load_split(directory, limit, every))
    nlp = load_nlp()
    subset = "" if limit is None and every == 1 else f"-every{every}-limit{limit}"
    cache_file = cache / f"{directory.resolve().name}-{len(articles)}{subset}.spacy" if cache else None
    if cache_file is not None and cache_file.exists():
        docs = list(DocBin().from_disk(cache_file).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
        if cache_file is not None:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            for doc in docs:
                bin_.add(doc)
            bin_.to_disk(cache_file)
    return articles, docs


def train_cue_model(
    articles: Sequence[GoldArticle],
    docs: Sequence[Doc],
    folds: int = 5,
    cs: Sequence[float] = (1.0,),
    thresholds: Sequence[float] = (0.3, 0.4, 0.5, 0.6),
    description: str = "",
    log: Any = None,
) -> CueModel:
    """Choose C and the threshold by ``folds``-fold cross-validation over the articles (articles
    ``k, k + folds, ...`` form fold k), then fit the weights on all of them."""
    from ..who.attribution import attributions_in  # spaCy: loaded to fit, not for ``storyline --help``

    def say(message: str) -> None:
        if log is not None:
            print(message, file=log, flush=True)

    per_article = [
        labelled_verbs(doc, [f for g in a.attributions for f in g.cues])
        for a, doc in zip(articles, docs, strict=True)
    ]
    fold_members = [list(range(k, len(articles), folds)) for k in range(folds)]
    results: dict[tuple[float, float], Evaluation] = {}
    for c in cs:
        evaluations = {t: Evaluation() for t in thresholds}
        for held_out in fold_members:
            held = set(held_out)
            rows = [r for i in range(len(articles)) if i not in held for r in per_article[i][0]]
            labels = [y for i in range(len(articles)) if i not in held for y in per_article[i][1]]
            model = CueModel(weights=fit_weights(rows, labels, c))
            for i in held_out:
                probabilities = {t.i: model.probability(t) for t in docs[i] if is_candidate(t)}
                gold = articles[i]
                for t in thresholds:
                    article = Article(id=gold.name, source=gold.name, text=gold.text)
                    predicted = attributions_in(article, docs[i], PrecomputedCues(probabilities, t))
                    evaluations[t].add_article(gold.text, predictions_of(predicted), gold.attributions)
            say(f"C={c}: fold done")
        for t, evaluation in evaluations.items():
            results[(c, t)] = evaluation
            scores = evaluation.all.scores()
            say(
                f"C={c} threshold={t}: all F1 {scores.f1:.3f} (P {scores.precision:.3f} R {scores.recall:.3f})"
            )
    best_c, best_t = max(results, key=lambda key: results[key].all.scores().f1)
    rows = [r for rs, _ in per_article for r in rs]
    labels = [y for _, ys in per_article for y in ys]
    return CueModel(
        weights=fit_weights(rows, labels, best_c),
        threshold=best_t,
        trained_on=description,
        cross_validation={"C": best_c, "folds": folds, **results[(best_c, best_t)].as_dict()},
    )


def register(trainers: Any) -> None:
    parser = trainers.add_parser(
        NAME,
        help="the attribution cue model, on PolNeAR's training split",
        description="Fit the cue model on a PolNeAR split (train: never dev or test), choosing its threshold "
        "by k-fold cross-validation of attribution F1, and write storyline/data/cue_model.json.",
    )
    parser.add_argument(
        "directory", metavar="DIR", help="PolNeAR training split, e.g. ../shared/data/polnear/train"
    )
    parser.add_argument("--cache", default="/tmp/storyline-polnear-cache", help="where to keep the parses")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, nargs="+", default=[1.0], help="regularization strengths to try")
    parser.add_argument(
        "--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6], help="cue thresholds to try"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N articles (sorted by name)")
    parser.add_argument("--every", type=int, default=1, metavar="N", help="only every N-th article")
    parser.add_argument("--out", metavar="FILE", help="write here instead of the shipped artefact")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    articles, docs = parse_split(directory, Path(args.cache) if args.cache else None, args.limit, args.every)
    description = f"PolNeAR {directory.resolve().name} ({len(articles)} articles)"
    model = train_cue_model(articles, docs, args.folds, args.c, args.thresholds, description, log=sys.stderr)
    data = training_data(
        (f for a in articles for f in a.files), directory, description + ": text/*.txt, attributions/*.ann"
    )
    path = write_artefact(
        NAME, model.to_json(), data, out=args.out, indent=0, command=command_line(getattr(args, "argv", None))
    )
    print(
        f"threshold {model.threshold} (C={model.cross_validation['C']}); wrote {path} ({len(model.weights)} weights)"
    )
    return 0
