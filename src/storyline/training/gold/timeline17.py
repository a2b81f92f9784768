"""Timeline17 (Tran et al. 2013, in news-tls's layout): its topics, articles and gold timelines.

A topic folder holds ``articles.jsonl`` (one dated article a line) and its gold timelines
(``timelines.jsonl``, what news-tls reads, or ``timelines/*.txt``). The timeline's weights are fitted on
these (``storyline.training.timeline_weights``) and ``storyline.evaluate.timeline17`` scores on them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import UsageError
from ...ingest.clean import glued_on_lines_of_their_own, without_reader_comments
from ...ingest.detokenize import detokenized
from ...model import Article

if TYPE_CHECKING:
    from ...timeline.build import DatedSentence


@dataclass
class GoldTimeline:
    name: str
    entries: dict[dt.date, list[str]]

    @property
    def start(self) -> dt.date:
        return min(self.entries)

    @property
    def end(self) -> dt.date:
        return max(self.entries)

    @property
    def sentences_per_date(self) -> int:
        return max(1, round(sum(len(s) for s in self.entries.values()) / len(self.entries)))


@dataclass
class Topic:
    name: str
    articles: list[Article]
    timelines: list[GoldTimeline]


def read_gold(path: Path) -> GoldTimeline:
    """A Timeline17 gold file: a date line, its sentences, and a line of dashes after each date."""
    entries: dict[dt.date, list[str]] = {}
    current: dt.date | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if set(line) == {"-"}:
            current = None
            continue
        if current is None:
            try:
                current = dt.date.fromisoformat(line[:10])
            except ValueError:
                # news-tls's timelines.jsonl leaves such a block out too ("2011-04-0" in MJ_bbc).
                print(
                    f"storyline: skipped {path}:{number}: not a date (YYYY-MM-DD): {line[:40]!r}",
                    file=sys.stderr,
                )
                current = dt.date.min
            entries.setdefault(current, [])
            continue
        entries[current].append(line)
    entries.pop(dt.date.min, None)
    entries = {d: s for d, s in entries.items() if s}
    if not entries:
        raise UsageError(f"{path}: no dated sentences (is it a Timeline17 timeline file?)")
    return GoldTimeline(path.stem, entries)


def read_gold_timelines(folder: Path) -> list[GoldTimeline]:
    """The topic's gold timelines: ``timelines.jsonl`` (what news-tls reads) when present, else ``timelines/*.txt``."""
    texts = sorted((folder / "timelines").glob("*.txt"))
    jsonl = folder / "timelines.jsonl"
    if not jsonl.exists():
        return [read_gold(p) for p in texts]
    timelines = []
    lines = [line for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        entries: dict[dt.date, list[str]] = {}
        try:
            for day, sentences in json.loads(line):
                # A date listed twice keeps the sentences of both.
                entries.setdefault(dt.date.fromisoformat(str(day)[:10]), []).extend(
                    str(x).strip() for x in sentences
                )
        except (json.JSONDecodeError, ValueError, TypeError) as exc:
            raise UsageError(
                f"{jsonl}:{number}: not a timeline ([[date, [sentences]], ...]): {exc}"
            ) from None
        name = texts[number - 1].stem if len(texts) == len(lines) else f"timeline-{number}"
        timelines.append(GoldTimeline(name, {d: s for d, s in entries.items() if s}))
    return timelines


def read_topic(folder: Path, glued_apart: bool = False) -> Topic:
    """A news-tls topic folder's articles (detokenized, readers' comments cut) and gold timelines;
    ``glued_apart`` puts each sentence glued to a headline or caption on a line of its own, as cleaning does
    (``ingest.clean.glued_on_lines_of_their_own``; the timeline protocol's reading)."""
    articles_path = folder / "articles.jsonl"
    if not articles_path.exists():
        raise UsageError(f"{folder}: no articles.jsonl (expected the news-tls layout)")
    articles = []
    with articles_path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                published = dt.date.fromisoformat(str(record["time"])[:10])
                text, _ = detokenized(str(record["text"]))
                text = without_reader_comments(text)  # as cleaning removes them from what a user reads
                if glued_apart:  # as cleaning gives a glued sentence its paragraph
                    text = glued_on_lines_of_their_own(text)
            except (json.JSONDecodeError, KeyError, ValueError) as exc:
                print(
                    f"storyline: skipped {articles_path}:{number}: unusable article line ({exc})",
                    file=sys.stderr,
                )
                continue
            articles.append(
                Article(
                    id=f"{folder.name}:{record.get('id', number)}",
                    source=f"{articles_path}:{number}",
                    text=text,
                    published=published,
                    published_provenance="user",
                    published_confidence=1.0,
                )
            )
    timelines = read_gold_timelines(folder)
    if not timelines:
        raise UsageError(f"{folder}: no gold timelines in timelines/*.txt")
    return Topic(folder.name, articles, timelines)


def topic_folders(directory: str | Path) -> list[Path]:
    root = Path(directory)
    if (root / "articles.jsonl").exists():
        return [root]
    if not root.is_dir():
        raise UsageError(f"{directory}: no such directory (give the Timeline17 folder or one topic folder)")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / "articles.jsonl").exists())
    if not folders:
        raise UsageError(f"{directory}: no topic folders with articles.jsonl (expected the news-tls layout)")
    return folders


def annotate_topic(topic: Topic) -> float:
    """Split sentences and tag time expressions; returns the seconds it took."""
    from ...annotate.sentences import annotate_fast

    began = time.perf_counter()
    for article in topic.articles:
        annotate_fast(article)
    return time.perf_counter() - began


def topic_files(folder: Path) -> list[Path]:
    """The files ``read_topic`` reads for a topic (for the training data's hash)."""
    jsonl = folder / "timelines.jsonl"
    return [
        folder / "articles.jsonl",
        *sorted((folder / "timelines").glob("*.txt")),
        *([jsonl] if jsonl.exists() else []),
    ]


def gold_range_sentences(topic: Topic, gold: GoldTimeline) -> tuple[list[Article], list[DatedSentence]]:
    """The topic's articles published in the gold's range, and their sentences dated to a day in that range
    (the topic annotated first: ``annotate_topic``)."""
    from ...timeline.build import date_sentences, in_range

    used = [a for a in topic.articles if a.published is not None and gold.start <= a.published <= gold.end]
    dated = [
        item
        for a in used
        for item in date_sentences(a, ("day",))
        if in_range(item.point, gold.start, gold.end)
    ]
    return used, dated


@functools.lru_cache(maxsize=1)
def treebank_tokenizer() -> Any:
    from nltk.tokenize import TreebankWordTokenizer

    return TreebankWordTokenizer()


def gold_form(sentence: str) -> str:
    """A sentence of (detokenized) article text tokenized as the gold timelines are: Penn Treebank tokens
    ("Cairo 's", "-LRB-", "`` ... ''"), so tilse's whitespace tokens match the gold's. The articles are
    detokenized when read (``storyline.ingest.detokenize``); scoring compares like with like."""
    return " ".join(treebank_tokenizer().tokenize(sentence, convert_parentheses=True))
