"""The cue model: how likely a verb is to introduce an attribution ("said", "urged", "believes").

Reporting verbs are a long tail: "said" and "told" are a third of PolNeAR's cues, the rest are
hundreds of verbs of speech, thought, intention and evidence ("argued", "wants", "shows"), most of
them cues only in some frames ("called for X" is, "called X" rarely is). So every verb gets a
probability from a logistic regression over its lemma and its syntactic frame; the weights were
fitted on PolNeAR's *training* split (never dev or test) and ship in ``data/cue_model.json``.

Refit (about ten minutes on two idle cores; the split's parses are cached under ``--cache``)::

    python -m storyline.who.cues ../shared/data/polnear/train --folds 3 --thresholds 0.35 0.4 0.45

The threshold is the one that gives the best attribution F1 in 3-fold cross-validation over the
training articles (each fold scored by a model fitted on the other four).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import StorylineError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = "cue_model.json"
PRONOUN_SUBJECTS = {"he", "she", "they", "i", "we", "you", "it", "who", "which", "that"}


def subject_kind(token: Token) -> str:
    """What kind of subject the verb has: a pronoun, a named person or body, a noun, none."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if child.lower_ in PRONOUN_SUBJECTS:
                return "pron"
            if child.ent_type_:
                return "ent:" + child.ent_type_
            return child.pos_.lower()
    if token.dep_ in ("conj", "xcomp", "advcl"):
        return "inherited"
    if token.dep_ in ("relcl", "acl"):
        return "relative"
    return "none"


def cue_features(token: Token, in_quote: bool = False) -> list[str]:
    """The features of one verb: lemma, frame (its complements), subject kind and their pairs."""
    lemma = token.lemma_.lower()
    deps = sorted(
        {
            c.dep_
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp", "dobj", "dative", "prep", "parataxis", "attr", "acomp", "oprd")
        }
    )
    preps = sorted({c.lower_ for c in token.children if c.dep_ == "prep"})
    frame = "+".join(deps) or "bare"
    subject = subject_kind(token)
    that = any(
        c.dep_ == "ccomp"
        and any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in c.children)
        for c in token.children
    )
    quote_nearby = any(t.is_quote for t in token.sent)
    features = [
        "bias",
        f"lemma={lemma}",
        f"frame={frame}",
        f"lemma|frame={lemma}|{frame}",
        f"dep={token.dep_}",
        f"lemma|dep={lemma}|{token.dep_}",
        f"tag={token.tag_}",
        f"subject={subject}",
        f"lemma|subject={lemma}|{subject}",
        f"that={that}",
        f"lemma|that={lemma}|{that}",
        f"quote_in_sentence={quote_nearby}",
        f"lemma|quote={lemma}|{quote_nearby}",
        f"in_quote={in_quote}",
    ]
    features.extend(f"prep={p}" for p in preps)
    features.extend(f"lemma|prep={lemma}|{p}" for p in preps)
    if any(c.dep_ == "neg" for c in token.children):
        features.append("negated")
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":":
        features.append("colon_after")
    return features


@dataclass
class CueModel:
    """A logistic regression stored as feature weights; ``probability`` scores one verb."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    trained_on: str = ""
    cross_validation: dict[str, Any] = field(default_factory=dict)

    def probability(self, token: Token) -> float:
        score = sum(self.weights.get(f, 0.0) for f in cue_features(token))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def to_json(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "trained_on": self.trained_on,
            "cross_validation": self.cross_validation,
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
        }


class PrecomputedCues:
    """Cue probabilities computed once per token (cross-validation tries many thresholds on them)."""

    def __init__(self, probabilities: dict[int, float], threshold: float) -> None:
        self.probabilities = probabilities
        self.threshold = threshold

    def probability(self, token: Token) -> float:
        return self.probabilities.get(token.i, 0.0)


class CueScorer(Protocol):
    threshold: float

    def probability(self, token: Token) -> float: ...


@functools.cache
def load_cue_model() -> CueModel:
    """The shipped cue model (fitted on PolNeAR train)."""
    path = Path(__file__).parents[1] / "data" / MODEL_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StorylineError(
            f"{path}: cannot read the cue model ({exc}); reinstall storyline or refit it with "
            "`python -m storyline.who.cues ../shared/data/polnear/train`"
        ) from exc
    return CueModel(
        weights=data["weights"],
        threshold=data["threshold"],
        trained_on=data.get("trained_on", ""),
        cross_validation=data.get("cross_validation", {}),
    )


# ---------------------------------------------------------------------------------------------
# Fitting (needs scikit-learn; only used to rebuild data/cue_model.json)


def labelled_verbs(doc: Doc, cue_fragments: Sequence[tuple[int, int]]) -> tuple[list[list[str]], list[int]]:
    """Features and labels (1 = inside a gold cue) of every verb of a parsed article."""
    from .attribution import RegionIndex, quotation_regions

    index = RegionIndex(quotation_regions(doc.text))
    rows, labels = [], []
    for token in doc:
        if not is_candidate(token):
            continue
        start, end = token.idx, token.idx + len(token.text)
        rows.append(cue_features(token, in_quote=index.at(start) is not None))
        labels.append(int(any(s < end and start < e for s, e in cue_fragments)))
    return rows, labels


def is_candidate(token: Token) -> bool:
    return token.pos_ == "VERB" or token.pos_ == "AUX" and token.dep_ == "ROOT"


def fit_weights(rows: Sequence[list[str]], labels: Sequence[int], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    regression = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    regression.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, regression.coef_[0]) if abs(w) > 1e-4}


def parse_split(directory: Path, cache: Path) -> tuple[list[Any], list[Doc]]:
    """The split's gold articles and their parses (cached as a spaCy DocBin)."""
    from spacy.tokens import DocBin

    from ..annotate.nlp import load_nlp
    from ..evaluate.polnear import load_split

    articles = list(load_split(directory))
    nlp = load_nlp()
    cache_file = cache / f"{directory.resolve().name}-{len(articles)}.spacy"
    if cache_file.exists():
        docs = list(DocBin().from_disk(cache_file).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache_file)
    return articles, docs


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from ..evaluate.polnear import Evaluation, predictions_of
    from ..model import Article
    from .attribution import attributions_in

    parser = argparse.ArgumentParser(description="Fit the cue model on a PolNeAR split (train).")
    parser.add_argument("directory", help="PolNeAR training split folder")
    parser.add_argument("--cache", default="/tmp/storyline-polnear-cache", help="where to keep the parses")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, nargs="+", default=[1.0], help="regularization strengths to try")
    parser.add_argument(
        "--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6], help="cue thresholds to try"
    )
    parser.add_argument("--out", default=str(Path(__file__).parents[1] / "data" / MODEL_FILE))
    args = parser.parse_args(argv)

    articles, docs = parse_split(Path(args.directory), Path(args.cache))
    per_article = [
        labelled_verbs(doc, [f for g in a.attributions for f in g.cues])
        for a, doc in zip(articles, docs, strict=True)
    ]
    folds = [list(range(k, len(articles), args.folds)) for k in range(args.folds)]
    thresholds = args.thresholds
    results: dict[tuple[float, float], Evaluation] = {}
    for c in args.c:
        evaluations = {t: Evaluation() for t in thresholds}
        for held_out in folds:
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
            print(f"C={c}: fold done", flush=True)
        for t, evaluation in evaluations.items():
            results[(c, t)] = evaluation
            scores = evaluation.all.scores()
            print(
                f"C={c} threshold={t}: all F1 {scores.f1:.3f} (P {scores.precision:.3f} R {scores.recall:.3f})",
                flush=True,
            )
    best_c, best_t = max(results, key=lambda key: results[key].all.scores().f1)
    rows = [r for rs, _ in per_article for r in rs]
    labels = [y for _, ys in per_article for y in ys]
    model = CueModel(
        weights=fit_weights(rows, labels, best_c),
        threshold=best_t,
        trained_on=f"PolNeAR {Path(args.directory).name} ({len(articles)} articles)",
        cross_validation={"C": best_c, "folds": args.folds, **results[(best_c, best_t)].as_dict()},
    )
    Path(args.out).write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"best C={best_c} threshold={best_t}; wrote {args.out} ({len(model.weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
