"""A line model for whole web pages: which lines of a page's visible text are the article.

The rule-based cleaner (``storyline.ingest.clean``) knows the signatures of boilerplate lines; a page
turned into its whole visible text also carries menus, footers, teasers and comment sections that
no rule names. This model judges each line from its shape and its neighbourhood: how long it is,
whether it reads as prose, how dense with prose the lines around it are, and where it sits with
respect to the page's main block of prose. It is a small ensemble of gradient-boosted trees over those features,
fitted with scikit-learn on the Article Extraction Benchmark (``storyline train line-model``,
``storyline.training.line_model``, refits it and reports the k-fold figures, folds over pages); the trees
ship as plain JSON in the ``line-model`` artefact (``data/boilerplate_model.json``) and are evaluated with
numpy, so no pickle is loaded at run time.

Lines are not kept one by one: an article is usually one main block, so ``decide`` takes the
contiguous span of lines with the best total log-odds (a maximum-subarray search, with a bias that
lets the span run through a few doubtful lines such as subheadings), keeps the span's lines that
are not clearly boilerplate, and outside it only lines the model is very sure of. The decoder's
three parameters are chosen by cross-validation inside the training pages (``DECODERS``).

The model only runs on text that looks like a whole page (``looks_like_full_page``): scraped
article text, Multi-News documents and Timeline17's one-sentence lines are left to the rules.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..artefacts import load_artefact
from ..errors import StorylineError

WORD = re.compile(r"\w+", re.UNICODE)
TERMINAL = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
UPPER_START = re.compile(r"^\W*[^\W\d_]")
# The furniture of a comment section ("2 days ago", "Rating: 12 Votes", "Reply", "X wrote:"): the
# prose after such lines is readers', not the article's.
COMMENT_SIGNATURE = re.compile(
    r"^(\d+ (second|minute|hour|day|week|month|year)s? ago\b.*|(\w+ )?\d+ (likes?|repl(y|ies)|votes?|points?)|"
    r"rating: .*votes?|reply|report( abuse)?|flag|like|posted (by|on) .*|.{1,40} (wrote|says):|"
    r"(\d+|no) comments?|comments? \(\d+\)|(leave|post|add) a (comment|reply).*)$",
    re.IGNORECASE,
)
# The head of a list of links to other articles ("Related coverage", "More from", "Read next").
RELATED_HEAD = re.compile(
    r"^(related|more|recommended|popular|read (more|next|also)|see also|trending|you (may|might)|"
    r"also (read|on)|latest|top stories|most\b)",
    re.IGNORECASE,
)

FEATURES = (
    "log_words",
    "log_chars",
    "prose_end",
    "has_comma",
    "title_case",
    "digit_share",
    "symbol_share",
    "short_line",
    "window2_words",
    "window5_words",
    "window5_prose",
    "density",
    "in_main_span",
    "distance_to_span",
    "relative_position",
    "repeated",
    "rule_flag",
    "prev_prose",
    "next_prose",
    "pipe_or_bullet",
    "starts_upper",
    "long_line",
    "length_vs_longest",
    "distance_to_longest",
    "sentence_marks",
    "words_before_share",
    "prose_run_words",
    "distance_to_prose",
    "prev_words",
    "next_words",
    "prev_title_case",
    "next_title_case",
    "prev_symbol_share",
    "next_symbol_share",
    "comment_lines_before",
    "related_heads_before",
)
ARTEFACT = "line-model"


def line_features(lines: Sequence[str], rule_flags: Sequence[bool] | None = None) -> list[list[float]]:
    """One feature vector per line (order of ``FEATURES``)."""
    n = len(lines)
    if n == 0:
        return []
    flags = list(rule_flags) if rule_flags is not None else [False] * n
    words = [len(WORD.findall(line)) for line in lines]
    prose = [1.0 if TERMINAL.search(line.rstrip()) and w >= 6 else 0.0 for line, w in zip(lines, words)]
    keys = Counter(line.strip().lower() for line in lines)
    # prose density: words of prose lines in a window of 7 lines around each line
    prose_words = [w * p for w, p in zip(words, prose)]
    density = [sum(prose_words[max(0, i - 3) : i + 4]) for i in range(n)]
    top = max(density) or 1
    # the page's main span: from the first to the last line whose window is at least a fifth as
    # dense as the densest one
    dense = [i for i in range(n) if density[i] >= top * 0.2 and prose[i]]
    first, last = (dense[0], dense[-1]) if dense else (0, n - 1)
    longest = max(range(n), key=lambda i: words[i])
    most_words = max(1, words[longest])
    before = words_before_shares(words)
    run_words = long_line_runs(words)
    to_prose = distances_to_prose(prose)
    title_cases = [title_case_share(line) for line in lines]
    symbol_shares = [symbol_share(line) for line in lines]
    comments_before = signatures_before([bool(COMMENT_SIGNATURE.match(line.strip())) for line in lines])
    related_before = signatures_before(
        [bool(RELATED_HEAD.match(line.strip())) and len(line.split()) <= 8 for line in lines]
    )
    vectors = []
    for i, line in enumerate(lines):
        w = words[i]
        title_case = title_cases[i]
        chars = max(1, len(line))
        window2 = words[max(0, i - 2) : i + 3]
        window5 = words[max(0, i - 5) : i + 6]
        prose5 = prose[max(0, i - 5) : i + 6]
        distance = 0 if first <= i <= last else min(abs(i - first), abs(i - last))
        vectors.append(
            [
                math.log1p(w),
                math.log1p(len(line)),
                1.0 if TERMINAL.search(line.rstrip()) else 0.0,
                1.0 if "," in line else 0.0,
                title_case,
                sum(ch.isdigit() for ch in line) / chars,
                symbol_shares[i],
                1.0 if w <= 4 else 0.0,
                math.log1p(sum(window2) / len(window2)),
                math.log1p(sum(window5) / len(window5)),
                sum(prose5) / len(prose5),
                density[i] / top,
                1.0 if first <= i <= last else 0.0,
                math.log1p(distance),
                i / max(1, n - 1),
                1.0 if keys[line.strip().lower()] > 1 else 0.0,
                1.0 if flags[i] else 0.0,
                prose[i - 1] if i > 0 else 0.0,
                prose[i + 1] if i + 1 < n else 0.0,
                1.0 if re.search(r"\s[|•·»/]\s|^[•·»*-]", line) else 0.0,
                1.0 if UPPER_START.match(line) and line.lstrip()[:1].isupper() else 0.0,
                1.0 if w >= 30 else 0.0,
                w / most_words,
                math.log1p(abs(i - longest)),
                float(len(re.findall(r"[.!?。](?:\s|$)", line))),
                before[i],
                math.log1p(run_words[i]),
                math.log1p(to_prose[i]),
                math.log1p(words[i - 1]) if i > 0 else 0.0,
                math.log1p(words[i + 1]) if i + 1 < n else 0.0,
                title_cases[i - 1] if i > 0 else 0.0,
                title_cases[i + 1] if i + 1 < n else 0.0,
                symbol_shares[i - 1] if i > 0 else 0.0,
                symbol_shares[i + 1] if i + 1 < n else 0.0,
                math.log1p(comments_before[i]),
                math.log1p(related_before[i]),
            ]
        )
    return vectors


def title_case_share(line: str) -> float:
    tokens = line.split()
    return sum(1 for t in tokens if t[:1].isupper()) / len(tokens) if tokens else 0.0


def symbol_share(line: str) -> float:
    return sum(not ch.isalnum() and not ch.isspace() for ch in line) / max(1, len(line))


def signatures_before(matches: Sequence[bool]) -> list[int]:
    """How many lines above each line match a signature (the line itself not counted)."""
    counts, seen = [], 0
    for matched in matches:
        counts.append(seen)
        seen += matched
    return counts


def words_before_shares(words: Sequence[int]) -> list[float]:
    """The share of the page's words that come before each line (menus are early, footers late)."""
    total = max(1, sum(words))
    shares, seen = [], 0
    for count in words:
        shares.append(seen / total)
        seen += count
    return shares


def long_line_runs(words: Sequence[int], least: int = 8) -> list[int]:
    """Words of the run of consecutive lines of at least ``least`` words each line belongs to (0
    for a shorter line): an article's paragraphs form long runs, teasers stand alone."""
    runs = [0] * len(words)
    i = 0
    while i < len(words):
        if words[i] < least:
            i += 1
            continue
        j = i
        while j < len(words) and words[j] >= least:
            j += 1
        runs[i:j] = [sum(words[i:j])] * (j - i)
        i = j
    return runs


def distances_to_prose(prose: Sequence[float], cap: int = 50) -> list[int]:
    """Lines between each line and the nearest prose line (0 for a prose line), capped."""
    n = len(prose)
    distances = [cap] * n
    last = None
    for i in range(n):
        if prose[i]:
            last = i
        if last is not None:
            distances[i] = min(cap, i - last)
    last = None
    for i in range(n - 1, -1, -1):
        if prose[i]:
            last = i
        if last is not None:
            distances[i] = min(distances[i], last - i)
    return distances


def looks_like_full_page(lines: Sequence[str]) -> bool:
    """A whole page's visible text: many lines, most of them not prose, and many of one to four
    words (menu items, links, labels). Text wrapped at a fixed width (a PDF's) has few such lines."""
    if len(lines) < 25:
        return False
    counts = [len(WORD.findall(line)) for line in lines]
    prose = sum(1 for line, n in zip(lines, counts) if n >= 6 and TERMINAL.search(line.rstrip()))
    short = sum(1 for n in counts if n <= 4)
    return prose / len(lines) < 0.5 and short / len(lines) >= 0.3


def load_model() -> dict[str, Any]:
    """The shipped line model (the ``line-model`` artefact), checked against ``FEATURES``."""
    model = load_artefact(ARTEFACT)
    if model.get("features") != list(FEATURES):
        raise StorylineError(
            f"the {ARTEFACT} artefact was fitted on other features; refit it: storyline train {ARTEFACT}"
        )
    return model


def raw_scores(vectors: Sequence[Sequence[float]], model: dict[str, Any]) -> Any:
    """Sum of the boosted trees' leaf values for each line (all lines walk each tree at once)."""
    import numpy as np

    x = np.asarray(vectors, dtype=float).reshape(len(vectors), len(FEATURES))
    total = np.full(len(x), model["baseline"], dtype=float)
    rows = np.arange(len(x))
    for tree in model["trees"]:
        feature, threshold = np.asarray(tree["feature"]), np.asarray(tree["threshold"])
        left, right = np.asarray(tree["left"]), np.asarray(tree["right"])
        leaf, value = np.asarray(tree["leaf"], dtype=bool), np.asarray(tree["value"])
        node = np.zeros(len(x), dtype=int)
        for _depth in range(tree["depth"]):
            inner = ~leaf[node]
            if not inner.any():
                break
            goes_left = x[rows, feature[node]] <= threshold[node]
            node = np.where(inner, np.where(goes_left, left[node], right[node]), node)
        total += value[node]
    return total


def probabilities(vectors: Sequence[Sequence[float]], model: dict[str, Any] | None = None) -> list[float]:
    """The model's probability that each line is article text."""
    import numpy as np

    if len(vectors) == 0:
        return []
    model = model or load_model()
    return [float(p) for p in 1.0 / (1.0 + np.exp(-raw_scores(vectors, model)))]


def log_odds(vectors: Sequence[Sequence[float]], model: dict[str, Any] | None = None) -> list[float]:
    """The model's log-odds that each line is article text."""
    if len(vectors) == 0:
        return []
    model = model or load_model()
    return [float(v) for v in raw_scores(vectors, model)]


# The decoders ``storyline.training.line_model`` chooses from, by cross-validation inside the training pages:
# (span bias, log-odds a line needs inside the main span, log-odds it needs outside it; None for
# "never"). None alone is the plain per-line decision at probability 0.5.
DECODERS: tuple[tuple[float, float, float | None] | None, ...] = (
    None,
    *(
        (bias, inside, outside)
        for bias in (-1.5, -1.0, -0.5, 0.0)
        for inside in (-1.0, -0.5, 0.0)
        for outside in (2.0, None)
    ),
)


def main_span(scores: Sequence[float], bias: float) -> tuple[int, int]:
    """First and last index of the contiguous run of lines whose ``score - bias`` sums highest
    (Kadane's maximum subarray); a negative bias lets the run cross a few doubtful lines."""
    best, best_span = -math.inf, (0, -1)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score - bias
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def decide(scores: Sequence[float], decoder: Sequence[float | None] | None) -> list[bool]:
    """Which lines to keep given their log-odds: per line (``decoder`` None) or by main span."""
    if decoder is None:
        return [score >= 0.0 for score in scores]
    bias, inside, outside = decoder
    assert bias is not None and inside is not None
    first, last = main_span(scores, bias)
    return [
        score >= inside if first <= i <= last else outside is not None and score >= outside
        for i, score in enumerate(scores)
    ]


def keep_lines(
    lines: Sequence[str], rule_flags: Sequence[bool] | None = None, model: dict[str, Any] | None = None
) -> list[bool]:
    """Which lines the model keeps as article text (see ``decide``; the model carries its decoder)."""
    model = model or load_model()
    scores = log_odds(line_features(lines, rule_flags), model)
    decoder = model.get("decoder")
    if decoder is None:
        threshold = math.log(model["threshold"] / (1.0 - model["threshold"]))
        return [score >= threshold for score in scores]
    return decide(scores, decoder)
