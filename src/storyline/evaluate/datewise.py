"""DATEWISE (Gholipour Ghalandari & Ifrim 2020), re-implemented as published, as an anchor run beside storyline.

The published method, step by step (the paper's Section 4 and its code, news-tls ``datewise.py``):

1. *Sentence dates.* A sentence's date is its first time expression (HeidelTime in the paper; storyline's
   tagger here, the only one available offline), kept when it names a day.
2. *Date ranking.* Per date, seven counts over the input articles: sentences mentioning it (all, from
   articles published after it, before it), articles mentioning it (all, after, before) and articles
   published on it. The counts are L2-normalized per column over the collection's dates and ranked by a
   linear regression of "the date is in the reference timeline", trained on the other stories.
3. *Candidate sentences* of a date (``PM-Mean``): the sentences mentioning it, and the first ``CLIP_SENTS``+1
   undated sentences of articles published on it or the day after (``PUB_END`` = 2 days). A date vector
   keeps the words both kinds use (their mean weights), and only sentences above the knee of their
   similarity to it stay.
4. *Summary* (``CentroidOpt``): greedily, the sentence that brings the summary's TF-IDF vector closest to
   the candidates' centroid, skipping near-identical ones (cosine > 0.9999) and, as published, sentences
   without one of the topic's keywords (``keywords``). This Timeline17 copy's ``keywords.json`` holds
   folder names ("bpoil", "MJ"), not the published run's keyword lists, so the benchmark passes none.
5. Dates are taken in rank order until ``L`` have a summary.

TF-IDF is scikit-learn's ``TfidfVectorizer`` (English stop words, lowercase) fitted on the collection's
sentences, as published. Articles are those published within the gold's range, as in the protocol.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..annotate.timex import event_point
from ..training.gold.timeline17 import GoldTimeline, Topic

FEATURES = (
    "sents_total",
    "sents_before",
    "sents_after",
    "docs_total",
    "docs_before",
    "docs_after",
    "docs_published",
)
CLIP_SENTS = 5
PUB_END = 2
MAX_SIMILARITY = 0.9999


@dataclass
class Line:
    """A sentence of an input article: its words, its article's date, the day it names (if any), position."""

    text: str
    article: str
    published: dt.date
    day: dt.date | None
    position: int


def topic_lines(topic: Topic) -> list[Line]:
    """Every sentence of the topic's (annotated) articles with its first time expression's day, if it names
    one: a sentence whose first calendar expression is a month or a year has no day (as published)."""
    lines = []
    for article in topic.articles:
        assert article.published is not None
        timexes = sorted(article.timexes, key=lambda t: t.start)
        for position, sentence in enumerate(article.sentences):
            day = None
            for timex in timexes:
                if timex.start < sentence.start or timex.start >= sentence.end:
                    continue
                point = event_point(timex)
                if point is None:
                    continue
                if point.granularity in ("day", "time"):
                    day = point.start
                break  # the first expression with a calendar value decides
            lines.append(
                Line(
                    article.text[sentence.start : sentence.end], article.id, article.published, day, position
                )
            )
    return lines


def date_features(lines: Sequence[Line]) -> dict[dt.date, list[float]]:
    """The seven counts per day named or published on (news-tls ``extract_date_statistics``)."""
    stats: dict[dt.date, dict[str, float]] = defaultdict(lambda: dict.fromkeys(FEATURES, 0.0))
    mentioned: dict[str, set[dt.date]] = defaultdict(set)
    published: dict[str, dt.date] = {}
    for line in lines:
        published[line.article] = line.published
        if line.day is None:
            continue
        entry = stats[line.day]
        entry["sents_total"] += 1
        if line.day < line.published:
            entry["sents_before"] += 1
        elif line.day > line.published:
            entry["sents_after"] += 1
        mentioned[line.article].add(line.day)
    for article, days in mentioned.items():
        for day in days:
            entry = stats[day]
            entry["docs_total"] += 1
            if day < published[article]:
                entry["docs_before"] += 1
            elif day > published[article]:
                entry["docs_after"] += 1
    for day in published.values():
        if day in stats:  # as published: only days that some sentence names are candidates
            stats[day]["docs_published"] += 1
    return {day: [entry[name] for name in FEATURES] for day, entry in stats.items()}


def normalized_columns(rows: Sequence[Sequence[float]]) -> Any:
    import numpy as np

    matrix = np.array(rows, dtype=float)
    norms = np.linalg.norm(matrix, axis=0)
    norms[norms == 0] = 1.0
    return matrix / norms


def in_gold_range(lines: Sequence[Line], gold: GoldTimeline) -> list[Line]:
    return [line for line in lines if gold.start <= line.published <= gold.end]


def training_examples(lines: Sequence[Line], gold: GoldTimeline) -> tuple[Any, list[float]]:
    """One timeline's regression examples: normalized counts per day, target 1 when the gold has the day."""
    features = date_features(in_gold_range(lines, gold))
    days = sorted(features)
    if not days:
        return normalized_columns([[0.0] * len(FEATURES)])[:0], []
    return normalized_columns([features[d] for d in days]), [float(d in gold.entries) for d in days]


def fit_date_ranker(examples: Sequence[tuple[Any, list[float]]]) -> Any:
    """scikit-learn's ``LinearRegression`` on the examples of the training timelines."""
    import numpy as np
    from sklearn.linear_model import LinearRegression

    x = np.vstack([e[0] for e in examples if len(e[1])])
    y = np.concatenate([e[1] for e in examples if len(e[1])])
    return LinearRegression().fit(x, y)


def rank_dates(lines: Sequence[Line], model: Any) -> list[dt.date]:
    features = date_features(lines)
    days = sorted(features)
    if not days:
        return []
    scores = model.predict(normalized_columns([features[d] for d in days]))
    return [d for _, d in sorted(zip(scores, days, strict=True), key=lambda pair: -pair[0])]


def knee_index(values: Sequence[float]) -> int:
    import numpy as np

    points = np.array(values, dtype=float)
    if len(points) < 3:
        return len(points) - 1
    coords = np.stack([np.arange(len(points), dtype=float), points], axis=1)
    line = coords[-1] - coords[0]
    norm = np.linalg.norm(line)
    if not norm:
        return 0
    line = line / norm
    offsets = coords - coords[0]
    distance = np.linalg.norm(offsets - np.outer(offsets @ line, line), axis=1)
    return int(np.argmax(distance))


def candidates(day: dt.date, mentioning: list[Line], published: list[Line], vectorizer: Any) -> list[Line]:
    """PM-Mean: the sentences above the knee of their similarity to the date vector."""
    import numpy as np
    from sklearn.metrics.pairwise import cosine_similarity

    if mentioning and published:
        x_ment = vectorizer.transform([s.text for s in mentioning])
        x_pub = vectorizer.transform([s.text for s in published])
        c_ment = np.asarray(x_ment.sum(axis=0)).ravel()
        c_pub = np.asarray(x_pub.sum(axis=0)).ravel()
        w_ment, w_pub = 1 / len(mentioning), 1 / len(published)
        vector = np.where((c_ment > 0) & (c_pub > 0), w_pub * c_pub + w_ment * c_ment, 0.0)[None, :]
        sims_ment = cosine_similarity(vector, x_ment)[0]
        sims_pub = cosine_similarity(vector, x_pub)[0]
        every = np.concatenate([sims_ment, sims_pub])
        threshold = every[knee_index(sorted(every, reverse=True))]
        chosen = [s for s, v in zip(mentioning, sims_ment, strict=True) if v > 0 and v > threshold]
        chosen += [s for s, v in zip(published, sims_pub, strict=True) if v > 0 and v > threshold]
        return chosen or mentioning + published
    return mentioning or published


def centroid_summary(
    sentences: Sequence[Line], k: int, vectorizer: Any, keywords: Sequence[str]
) -> list[str]:
    """CentroidOpt: greedy sentences whose sum is closest (cosine) to the candidates' centroid."""
    import numpy as np
    from sklearn.preprocessing import normalize

    if not sentences:
        return []
    x = vectorizer.transform([s.text for s in sentences]).toarray()
    centroid = normalize(x.sum(axis=0, keepdims=True))[0]
    unit = normalize(x)
    remaining = set(range(len(sentences)))
    selected: list[int] = []
    summary = np.zeros_like(centroid)
    while remaining and len(selected) < k:
        scores = {}
        for i in remaining:
            total = summary + x[i]
            norm = np.linalg.norm(total)
            scores[i] = float(total @ centroid / norm) if norm else 0.0
        for i, _ in sorted(scores.items(), key=lambda item: -item[1]):
            remaining.discard(i)
            lower = sentences[i].text.lower()
            if keywords and not any(word in lower for word in keywords):
                continue
            if any(float(unit[i] @ unit[j]) > MAX_SIMILARITY for j in selected):
                continue
            selected.append(i)
            summary = summary + x[i]
            break
    return [sentences[i].text for i in selected]


def predict(
    lines: Sequence[Line], gold: GoldTimeline, model: Any, keywords: Sequence[str] = ()
) -> dict[dt.date, list[str]]:
    """DATEWISE's timeline for one gold timeline: ``L`` dates of the gold's range, ``k`` sentences each."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    used = in_gold_range(lines, gold)
    if not used:
        return {}
    vectorizer = TfidfVectorizer(stop_words="english", lowercase=True).fit([s.text for s in used])
    ranked = [d for d in rank_dates(used, model) if gold.start <= d <= gold.end]
    mentioning: dict[dt.date, list[Line]] = defaultdict(list)
    published: dict[dt.date, list[Line]] = defaultdict(list)
    for line in used:
        if line.day is not None:
            mentioning[line.day].append(line)
        elif line.position <= CLIP_SENTS:
            for back in range(PUB_END):
                published[line.published - dt.timedelta(days=back)].append(line)
    timeline: dict[dt.date, list[str]] = {}
    for day in ranked:
        if len(timeline) >= len(gold.entries):
            break
        summary = centroid_summary(
            candidates(day, mentioning[day], published[day], vectorizer),
            gold.sentences_per_date,
            vectorizer,
            keywords,
        )
        if summary:
            timeline[day] = summary
    return dict(sorted(timeline.items()))
