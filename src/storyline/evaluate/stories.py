"""``storyline evaluate stories DIR``: online story clustering measured on Timeline17.

All articles of the topic folders are read, cleaned and described by the pipeline, checked for
copies, mixed and fed in publication-date order to the clusterer. Gold stories are the topics, with
folders about the same event from different outlets as one story (the five ``bpoil_*``, the two
``H1N1_*``, the two ``LibyaWar_*``). Scores: B-cubed precision, recall and F1 (Bagga & Baldwin 1998)
and the adjusted Rand index.

The clusterer's two parameters (threshold, decay) are chosen by two-fold cross-validation over gold
stories: on the stream of one half of the stories, then scored on the other half's stream and on the
whole mixed stream, so no reported figure comes from parameters chosen on its own stories alone.
Anchors, in the same run: the classic single-pass clustering of topic detection and tracking (TF-IDF
over all content words, no time decay; its threshold cross-validated the same way), and offline
k-means over TF-IDF told the true number of stories (an advantage no online system has).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..corpus.copies import mark_duplicates
from ..corpus.stories import StoryClusterer, StoryInput, StorySettings, cluster, story_input, time_order
from ..errors import InputProblem, UsageError
from ..model import Article
from ..text.similarity import content_words

# Two halves of the six gold stories, each with stories that overlap in time (Egypt and Libya in
# early 2011; the financial crisis, H1N1 and Michael Jackson in 2009) and one large story.
FOLDS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("bpoil", "Finan", "MJ"),
    ("LibyaWar", "EgyptianProtest", "H1N1"),
)
THRESHOLDS = (0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.07, 0.1)
DECAYS = (10.0, 20.0, 30.0, 45.0, 60.0, 90.0)
# The single-pass anchor compares whole-vocabulary vectors, whose cosines run higher.
ANCHOR_THRESHOLDS = (0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3)
NO_DECAY = 1e9


def gold_story(folder: str) -> str:
    """Gold story of a topic folder: its name before the outlet (``bpoil_bbc`` -> ``bpoil``)."""
    return folder.split("_")[0]


@dataclass
class Labelled:
    article: Article
    gold: str


def topic_folders(directory: str | Path) -> list[Path]:
    folders = sorted(p for p in Path(directory).iterdir() if (p / "articles.jsonl").is_file())
    if not folders:
        raise UsageError(f"{directory}: no topic folders with articles.jsonl (expected Timeline17)")
    return folders


def read_corpus(
    directory: str | Path,
    every: int = 1,
    on_problem: Callable[[InputProblem], None] | None = None,
    stories: Collection[str] | None = None,
) -> list[Labelled]:
    """Every ``every``-th article of each topic folder (of the given gold ``stories``, or all), read,
    cleaned and described by the pipeline."""
    from ..ingest.prepare import prepare
    from ..ingest.read import read

    problems: list[InputProblem] = []
    handler = on_problem or problems.append
    corpus = []
    for folder in topic_folders(directory):
        if stories is not None and gold_story(folder.name) not in stories:
            continue
        raws = (
            raw
            for position, raw in enumerate(read([str(folder / "articles.jsonl")]))
            if position % every == 0
        )
        for article in prepare(raws, handler):
            corpus.append(Labelled(article, gold_story(folder.name)))
    return corpus


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering (each item's cluster against its gold class)."""
    in_cluster, in_class, both = Counter(predicted), Counter(gold), Counter(zip(predicted, gold))
    count = len(predicted)
    precision = sum(both[(p, g)] / in_cluster[p] for p, g in zip(predicted, gold)) / count
    recall = sum(both[(p, g)] / in_class[g] for p, g in zip(predicted, gold)) / count
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def scores(predicted: Sequence[str], gold: Sequence[str]) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score

    result: dict[str, Any] = bcubed(predicted, gold)
    result["ari"] = round(float(adjusted_rand_score(gold, predicted)), 4)
    result["stories"] = len(set(predicted))
    result["articles"] = len(predicted)
    return result


def run_stream(
    inputs: Sequence[StoryInput], gold: dict[str, str], settings: StorySettings
) -> tuple[dict[str, Any], float]:
    """Cluster the (time-ordered) inputs; scores and seconds per 1,000 articles."""
    started = time.perf_counter()
    assigned = dict(cluster(inputs, StoryClusterer(settings)))
    seconds = time.perf_counter() - started
    ids = [item.article_id for item in inputs]
    return scores([assigned[i] for i in ids], [gold[i] for i in ids]), 1000 * seconds / max(1, len(ids))


def choose(
    inputs: Sequence[StoryInput], gold: dict[str, str], grid: Iterable[StorySettings]
) -> tuple[StorySettings, dict[str, Any]]:
    """The settings with the best B-cubed F1 on this stream (ties: the first in grid order)."""
    best: tuple[StorySettings, dict[str, Any]] | None = None
    for settings in grid:
        result, _ = run_stream(inputs, gold, settings)
        if best is None or result["f1"] > best[1]["f1"]:
            best = (settings, result)
    assert best is not None
    return best


def cross_validate(
    streams: dict[str, list[StoryInput]], gold: dict[str, str], grid: Sequence[StorySettings]
) -> list[dict[str, Any]]:
    """For each fold: settings chosen on its stream, scored on the other fold's and on the whole."""
    folds = []
    for train, test in (("fold 1", "fold 2"), ("fold 2", "fold 1")):
        chosen, fitted = choose(streams[train], gold, grid)
        held_out, _ = run_stream(streams[test], gold, chosen)
        whole, per_thousand = run_stream(streams["all"], gold, chosen)
        folds.append(
            {
                "chosen_on": train,
                "threshold": chosen.threshold,
                "decay_days": chosen.decay_days,
                "on_chosen_fold": fitted,
                "held_out_fold": held_out,
                "all_mixed": whole,
                "seconds_per_1000": round(per_thousand, 3),
            }
        )
    return folds


def word_input(item: StoryInput, article: Article) -> StoryInput:
    """The same article described by all its content words (the single-pass anchor's features)."""
    return replace(item, terms=dict(Counter(content_words(article.text))))


def kmeans_anchor(articles: Sequence[Article], gold: Sequence[str]) -> tuple[dict[str, Any], float]:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    matrix = TfidfVectorizer(analyzer=content_words, sublinear_tf=True, min_df=2).fit_transform(
        [a.text for a in articles]
    )
    labels = KMeans(n_clusters=len(set(gold)), n_init=10, random_state=0).fit_predict(matrix)
    seconds = time.perf_counter() - started
    return scores([str(label) for label in labels], list(gold)), 1000 * seconds / max(1, len(articles))


def evaluate(directory: str | Path, every: int = 1, quiet: bool = True) -> dict[str, Any]:
    def say(message: str) -> None:
        if not quiet:
            import sys

            print(f"storyline: {message}", file=sys.stderr)

    started = time.perf_counter()
    problems: list[InputProblem] = []
    corpus = read_corpus(directory, every, problems.append)
    say(
        f"{len(corpus)} articles read and cleaned ({len(problems)} skipped) in {time.perf_counter() - started:.0f}s"
    )
    ordered = sorted(
        corpus, key=lambda item: (item.article.published is None, item.article.published or dt.date.min)
    )
    articles = mark_duplicates([item.article for item in ordered])
    gold = {item.article.id: item.gold for item in ordered}
    by_id = {a.id: a for a in articles}
    inputs = time_order(story_input(a) for a in articles)
    halves = {name: set(fold) for name, fold in zip(("fold 1", "fold 2"), FOLDS)}
    streams = {"all": inputs} | {
        name: [i for i in inputs if gold[i.article_id] in topics] for name, topics in halves.items()
    }
    grid = [StorySettings(threshold=t, decay_days=d) for t, d in itertools.product(THRESHOLDS, DECAYS)]
    say(f"cross-validating {len(grid)} settings on two folds")
    storyline_folds = cross_validate(streams, gold, grid)
    shipped, shipped_speed = run_stream(inputs, gold, StorySettings())
    say("anchors: single-pass TF-IDF over all words, k-means told the number of stories")
    words = {name: [word_input(i, by_id[i.article_id]) for i in stream] for name, stream in streams.items()}
    anchor_grid = [StorySettings(threshold=t, decay_days=NO_DECAY) for t in ANCHOR_THRESHOLDS]
    single_pass = cross_validate(words, gold, anchor_grid)
    kmeans, kmeans_speed = kmeans_anchor(articles, [gold[a.id] for a in articles])
    return {
        "articles": len(inputs),
        "skipped": len(problems),
        "duplicates_marked": sum(1 for a in articles if a.duplicate_of),
        "gold_stories": dict(Counter(gold.values())),
        "folds": [list(f) for f in FOLDS],
        "storyline": {
            "cross_validated": storyline_folds,
            "shipped_defaults": {
                "threshold": StorySettings().threshold,
                "decay_days": StorySettings().decay_days,
                "all_mixed": shipped,
                "seconds_per_1000": round(shipped_speed, 3),
            },
        },
        "anchors": {
            "single_pass_tfidf_words": single_pass,
            "kmeans_true_k_offline": {"all_mixed": kmeans, "seconds_per_1000": round(kmeans_speed, 3)},
        },
    }


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "stories",
        help="story clustering on Timeline17: B-cubed F1 and adjusted Rand index, beside anchors",
        description="Mix all Timeline17 articles, feed them in date order to the online story clusterer and "
        "score the stories against the topics (B-cubed, ARI); parameters cross-validated over two halves "
        "of the gold stories; single-pass TF-IDF and k-means anchors in the same run.",
    )
    parser.add_argument(
        "directory", metavar="DIR", help="the Timeline17 folder, e.g. ../shared/data/timeline17"
    )
    parser.add_argument("--every", type=int, default=1, metavar="K", help="use every K-th article (a subset)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    result = evaluate(args.directory, every=max(1, args.every), quiet=args.quiet)
    if args.json:
        print_json(result)
    else:
        print(render(result))
    return 0


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['articles']} articles ({result['skipped']} skipped, {result['duplicates_marked']} marked as "
        f"copies), gold stories: "
        + ", ".join(f"{k} {v}" for k, v in sorted(result["gold_stories"].items(), key=lambda kv: -kv[1])),
        f"{'system':<46} {'set':<22} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6} {'stories':>7}",
    ]

    def row(name: str, where: str, figures: dict[str, Any]) -> str:
        return (
            f"{name:<46} {where:<22} {figures['precision']:6.3f} {figures['recall']:6.3f} "
            f"{figures['f1']:6.3f} {figures['ari']:6.3f} {figures['stories']:7d}"
        )

    for title, folds in (
        ("storyline", result["storyline"]["cross_validated"]),
        ("single-pass TF-IDF, all words", result["anchors"]["single_pass_tfidf_words"]),
    ):
        for fold in folds:
            name = f"{title} (t={fold['threshold']}, d={fold['decay_days']:g})"
            if fold["decay_days"] >= NO_DECAY:
                name = f"{title} (t={fold['threshold']})"
            other = "fold 2" if fold["chosen_on"] == "fold 1" else "fold 1"
            lines.append(row(name, f"{other} (held out)", fold["held_out_fold"]))
            lines.append(row("", f"all, chosen on {fold['chosen_on']}", fold["all_mixed"]))
    shipped = result["storyline"]["shipped_defaults"]
    lines.append(
        row(
            f"storyline defaults (t={shipped['threshold']}, d={shipped['decay_days']:g})",
            "all",
            shipped["all_mixed"],
        )
    )
    lines.append(
        row("k-means, true k, offline", "all", result["anchors"]["kmeans_true_k_offline"]["all_mixed"])
    )
    lines.append(
        f"seconds per 1,000 articles (clustering only): storyline {shipped['seconds_per_1000']:.2f}, "
        f"k-means {result['anchors']['kmeans_true_k_offline']['seconds_per_1000']:.2f}"
    )
    return "\n".join(lines)
