"""Templates: lines and sentences a corpus repeats across articles that otherwise differ.

A page's own cleaning (``storyline.ingest.clean``) sees one article at a time; some boilerplate only shows
across a corpus. A comment-policy line, a carousel widget ("BACK {current} of {total} NEXT ..."), a promo,
a reprint notice or a newsletter pitch recurs word for word in many articles whose bodies are otherwise
different: that recurrence is the template's signature. Syndicated copies (an article whose whole body
another one shares, ``Article.duplicate_of``) are copies, not templates: a copy adds nothing to the counts,
so a wire story carried by twenty sites never makes its own sentences look like boilerplate.

``TemplateStats`` counts, for every line and every sentence (normalized: lower case, punctuation and
spacing ignored), the number of distinct article bodies it occurs in. It is updated one article at a time
(``add``) and can be saved and loaded (``to_dict``/``from_dict``), so a store can judge article 10,001 by
the statistics of the first 10,000. ``remove_templates`` applies it: a line, or a sentence inside a line,
found in at least ``min_articles`` distinct bodies is cut from the article's text and recorded in
``Article.removed`` with reason ``template``. A page's scraper also glues boxes into a sentence's line with no
stop between them ("... sneezing Symptoms mimic those of normal flu Good hygiene ... can help reduce
transmission "The threat ... remains low," she said."): a run of at least ``RUN_WORDS`` words that recurs in
as many bodies, starts where a sentence starts and ends where the next one starts is cut the same way
(``glued_runs``); a run inside a quotation, or one that ends mid-sentence, stays. It runs on prepared articles before annotation, so every
span later points into the text without the templates.

>>> from storyline.model import Article
>>> widget = "Comments are not pre-screened before they post."
>>> articles = [Article(id=str(i), source="x", text=f"Story number {i} is different.\\n\\n{widget}") for i in range(5)]
>>> stats = remove_templates(articles)
>>> articles[0].text, articles[0].removed[0].reason
('Story number 0 is different.', 'template')
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..annotate.sentences import SENTENCE_END
from ..model import Article, Removed
from ..text.patterns import inside_quote
from ..text.words import ABBREVIATIONS

# A line or sentence in this many distinct article bodies (copies counted once) is a template.
MIN_ARTICLES = 5
# Shorter units are too common to judge by recurrence ("He said.", "Read more.").
MIN_WORDS = 3

# A sentence ends where the rule splitter's ``SENTENCE_END`` says (. ! ? before a capital, digit or quote), but not
# after a one-letter initial, an initialism ("U.S.") or an abbreviation as text writes it ("Mr.", "Feb.", "vs.":
# ``text.words.ABBREVIATIONS``).
ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:" + "|".join(map(re.escape, sorted(ABBREVIATIONS))) + r")|(?:[A-Z]\.)+[A-Z])\.$"
)
NON_WORD = re.compile(r"[\W_]+")
WORD = re.compile(r"[^\W_]+")
# A glued run is counted by its shingles of this many words, and cut when at least RUN_WORDS long: a factbox
# or a related-story link is longer than the recurring phrases of the news itself ("U.S. Secretary of State
# Hillary Clinton said").
SHINGLE = 8
RUN_WORDS = 15
# Where a glued run may start (a line's start, or after a sentence's stop) and what must follow it: a line's
# end, an opening quote and a capital, or a capitalized word the article also writes in lower case (a
# sentence's first word, not a name going on: "... licensed to BP Plc; 11 workers are killed").
RUN_START = re.compile(r"(?:^|[.!?][\"'\u201d\u2019)\]]*)\s*$")
RUN_END = re.compile(r"^(?:\s*$|\s+[\"\u201c\u2018][A-Z]|\s+(?P<word>[A-Z][a-z]+)\b)")
LOWER_WORD = re.compile(r"\b[a-z]+\b")


def unit_key(text: str) -> str:
    """The form a line or sentence is counted under: lower case, only letters and digits, single spaces."""
    return NON_WORD.sub(" ", text.lower()).strip()


def sentences_of(line: str) -> list[str]:
    """The sentences of one line (a cheap rule splitter: templates are matched whole, not parsed)."""
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(line):
        head = line[start : match.start() + 1]  # up to the stop
        if ABBREVIATION.search(head):
            continue
        pieces.append(line[start : match.end()].strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def unit_keys(text: str) -> set[str]:
    """Every line's key, and the key of every sentence of a line holding more than one."""
    keys: set[str] = set()
    for line in text.split("\n"):
        if not line.strip():
            continue
        keys.add(unit_key(line))
        parts = sentences_of(line)
        if len(parts) > 1:
            keys.update(unit_key(p) for p in parts)
    return {k for k in keys if len(k.split()) >= MIN_WORDS}


def shingle_keys(words: Sequence[str]) -> list[int]:
    """A stable number for every run of ``SHINGLE`` consecutive words (the same in every process)."""
    return [zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)]


def text_shingles(text: str) -> set[int]:
    """The shingles of every line of ``text`` (a run never crosses a line)."""
    found: set[int] = set()
    for line in text.split("\n"):
        found.update(shingle_keys(WORD.findall(line.lower())))
    return found


@dataclass
class TemplateStats:
    """In how many distinct article bodies each line and sentence occurs (see the module docstring)."""

    counts: Counter[str] = field(default_factory=Counter)
    bodies: int = 0
    shingles: Counter[int] = field(default_factory=Counter)

    def add(self, article: Article) -> None:
        """Count one article; a copy of another (``duplicate_of``) adds nothing."""
        if article.duplicate_of is not None:
            return
        self.counts.update(unit_keys(article.text))
        self.shingles.update(text_shingles(article.text))
        self.bodies += 1

    def update(self, articles: Iterable[Article]) -> TemplateStats:
        for article in articles:
            self.add(article)
        return self

    def is_template(self, text: str, min_articles: int = MIN_ARTICLES) -> bool:
        key = unit_key(text)
        return len(key.split()) >= MIN_WORDS and self.counts[key] >= min_articles

    def glued_runs(
        self, line: str, lower_words: set[str], min_articles: int = MIN_ARTICLES
    ) -> list[tuple[int, int]]:
        """The (start, end) character spans of ``line`` that are glued template runs: at least ``RUN_WORDS``
        words whose every shingle recurs in ``min_articles`` bodies, starting where a sentence starts and
        ending where the next starts (``RUN_END``; ``lower_words``: the words its article writes in lower
        case), outside quotations, and not the whole line."""
        words = list(WORD.finditer(line))
        keys = shingle_keys([w.group().lower() for w in words])
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(keys):
            if self.shingles[keys[i]] < min_articles:
                i += 1
                continue
            j = i
            while j < len(keys) and self.shingles[keys[j]] >= min_articles:
                j += 1
            first, last = i, j - 1 + SHINGLE - 1  # the run's first and last words
            i = j
            if last - first + 1 < RUN_WORDS:
                continue
            start, end = words[first].start(), words[last].end()
            if end < len(line) and line[end] in ".!?" and line[end + 1 : end + 2] in ("", " "):
                end += 1
            if (start, end) == (0, len(line.rstrip())) or inside_quote(line, start):
                continue
            after = RUN_END.match(line[end:])
            if not RUN_START.search(line[:start]) or after is None:
                continue
            if after.group("word") and after.group("word").lower() not in lower_words:
                continue
            spans.append((start, end))
        return spans

    def templates(self, min_articles: int = MIN_ARTICLES) -> list[tuple[str, int]]:
        """The template keys and their counts, most frequent first."""
        return [(k, n) for k, n in self.counts.most_common() if n >= min_articles]

    def to_dict(self, min_count: int = 2) -> dict[str, Any]:
        """A JSON-ready form for a store (keys seen once are left out: they cannot become templates
        sooner than ``min_articles - 1`` further sightings, an acceptable lag for a feed)."""
        return {
            "bodies": self.bodies,
            "counts": {k: n for k, n in self.counts.items() if n >= min_count},
            "shingles": {str(k): n for k, n in self.shingles.items() if n >= min_count},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TemplateStats:
        return cls(
            Counter({str(k): int(n) for k, n in data.get("counts", {}).items()}),
            int(data.get("bodies", 0)),
            Counter({int(k): int(n) for k, n in data.get("shingles", {}).items()}),
        )


def strip_templates(
    text: str, stats: TemplateStats, min_articles: int = MIN_ARTICLES
) -> tuple[str, list[Removed]]:
    """``text`` without its template lines and sentences, and what was cut (reason ``template``).

    A whole line goes when it is a template; otherwise each template sentence of a multi-sentence line
    goes and the line's other sentences stay. Blank lines left doubled by a cut are merged."""
    removed: list[Removed] = []
    kept: list[str] = []
    lower_words = set(LOWER_WORD.findall(text))
    for line in text.split("\n"):
        if not line.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if stats.is_template(line, min_articles):
            removed.append(Removed(text=line.strip(), reason="template"))
            continue
        parts = sentences_of(line)
        if len(parts) > 1 and any(stats.is_template(p, min_articles) for p in parts):
            staying = []
            for part in parts:
                if stats.is_template(part, min_articles):
                    removed.append(Removed(text=part, reason="template"))
                else:
                    staying.append(part)
            if not staying:
                continue
            line = " ".join(staying)
        spans = stats.glued_runs(line, lower_words, min_articles)
        if spans:
            pieces, at = [], 0
            for start, end in spans:
                removed.append(Removed(text=line[start:end], reason="template"))
                pieces.append(line[at:start].strip())
                at = end
            pieces.append(line[at:].strip())
            line = " ".join(p for p in pieces if p)
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept), removed


def remove_templates(
    articles: Sequence[Article],
    stats: TemplateStats | None = None,
    min_articles: int = MIN_ARTICLES,
    add: bool = True,
) -> TemplateStats:
    """Cut template lines and sentences out of ``articles`` (in place, before annotation), judged by
    ``stats`` (a store's statistics so far) plus the articles themselves, which are added to ``stats``
    (``add=False`` when ``stats`` already counts them); returns the stats.

    An article left with no text keeps its text (nothing but templates is more likely a short notice
    than an article to empty). A title that is itself a template is dropped.
    """
    stats = stats if stats is not None else TemplateStats()
    if add:
        stats.update(articles)
    for article in articles:
        if article.sentences:
            # annotated already (a stored article): its spans point into this text, leave it be
            continue
        text, removed = strip_templates(article.text, stats, min_articles)
        if removed and text.strip():
            article.text = text
            article.removed.extend(removed)
        if article.title and stats.is_template(article.title, min_articles):
            article.title = None
    return stats


def template_lines(articles: Iterable[Article]) -> Iterator[Removed]:
    """The lines and sentences ``remove_templates`` cut from these articles."""
    for article in articles:
        yield from (r for r in article.removed if r.reason == "template")
