"""``storyline evaluate brief CORPUS...``: the whole brief checked on real story corpora.

Component benchmarks can all be green while the page a reader gets is wrong. This evaluation builds the
brief of each corpus exactly as ``storyline report`` does (read, clean, describe, copies, templates,
annotate, every stage) and checks what the reader sees, one table per corpus:

- **template rate** — the share of summary sentences, timeline sentences, statements of the top-20
  speakers and multi-outlet claims whose text (or one of its sentences) recurs in at least
  ``TEMPLATE_ARTICLES`` articles with differing bodies (copies counted once), counted over the corpus as
  read, before any template cut. Target 0.
- **count consistency** — the share of independent-outlet counts (summary and timeline sentences, claims)
  that are at most the number of distinct *known* outlets cited (a single source counts 1). Target 100%.
- **speaker validity** — speaker names (attributions) and roster names that are pronouns, relative words,
  determiners or fragments. Target 0.
- **story-level summary ROUGE** — when the corpus carries a reference (a Timeline17 topic's gold
  timelines, a Multi-News cluster's summary): ROUGE-1/2 recall and F (``rouge-score``, stemmed) of the
  brief's summary against the reference text, beside Lead (round-robin first candidates of each article,
  in date order) and sumy LexRank, both choosing from **storyline's candidate sentences** (the summarizer's
  pool, at most ``ANCHOR_CANDIDATES`` of them, each article's first ones kept), filled to the same budget.
  Timeline17 gold is Penn-Treebank-tokenized; it is detokenized as the articles are, so like meets like.

Corpora: a Timeline17 topic folder (``articles.jsonl`` + ``timelines``; the reference is each gold timeline's
text, scores averaged over the topic's timelines), a Multi-News / LongBench cluster file (each cluster is a
corpus; template statistics come from the whole file, as a store's would), or any other input (one corpus).
Several Timeline17 folders joined by ``+`` are **one multi-outlet corpus**
(``../shared/data/timeline17/bpoil_bbc+../shared/data/timeline17/bpoil_guardian``): Timeline17 names each
folder ``TOPIC_OUTLET`` and its articles carry no outlet, so each article is given its folder's outlet (as a
user's ``outlet`` field would be), and the claims the outlets share can be judged.

The precision audit: ``--sample N --out FILE`` writes N items of each kind (speaker→statement, roster merge,
multi-outlet claim, contradiction, position, timeline entry) drawn with a fixed seed, with their evidence
(article, outlet, date, sentence) and the ``split`` of the corpus each comes from (``development`` or
``held-out``: the Timeline17 split below; Multi-News dev and any other input are development), for judging
under ``benchmarks/brief_audit/rubric.md``; ``--judged FILE`` scores a judged file (precision per kind against
its target, per split too, agreement between the two judges and Cohen's kappa).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputProblem, UsageError
from ..ingest.detokenize import detokenize as detokenize_text
from ..ingest.detokenize import looks_tokenized
from ..model import Article, Brief, Citation, CitedSentence
from ..who import names

TEMPLATE_ARTICLES = 5
TOP_SPEAKERS = 20
ANCHOR_CANDIDATES = 600
WORDS = 250
LEAD = "Lead (storyline's candidates)"
LEXRANK = "sumy LexRank (storyline's candidates)"

# The fixed development / held-out split of the twelve Timeline17 topics (issue 13; `benchmarks/brief.py` uses
# the same): sorted by name, the even positions are development topics, the odd ones held out.
TIMELINE17_TOPICS = tuple(
    sorted(
        "EgyptianProtest_cnn Finan_washingtonpost H1N1_bbc H1N1_guardian LibyaWar_cnn LibyaWar_reuters MJ_bbc "
        "bpoil_bbc bpoil_foxnews bpoil_guardian bpoil_reuters bpoil_washingtonpost".split()
    )
)
DEVELOPMENT = frozenset(TIMELINE17_TOPICS[0::2])
HELD_OUT = frozenset(TIMELINE17_TOPICS[1::2])
# Joins the folders of one multi-outlet corpus on the command line.
JOIN = "+"


def split_of_source(source: str) -> str:
    """``held-out`` for an article read from a held-out Timeline17 topic's folder, else ``development``."""
    parts = Path(source).parts
    return "held-out" if any(part in HELD_OUT for part in parts) else "development"


def split_of(sources: Sequence[str]) -> str:
    """The split of an item from its evidence articles' sources: ``mixed`` when they come from both."""
    found = {split_of_source(source) for source in sources}
    return found.pop() if len(found) == 1 else "mixed" if found else "development"


# Audit targets (issue 13), and the smallest number of contradictions a 300-article topic should yield.
AUDIT_KINDS = (
    "speaker_statement",
    "roster_merge",
    "multi_outlet_claim",
    "contradiction",
    "position",
    "timeline_entry",
)
AUDIT_TARGETS = {
    "speaker_statement": 0.90,
    "roster_merge": 0.95,
    "multi_outlet_claim": 0.90,
    "contradiction": 0.70,
    "position": 0.80,
    "timeline_entry": 0.85,
}

# Words that are never a speaker's or an entity's name on their own, nor its first word: the word lists are
# the roster filter's (``who.names``), the judgement below is this module's own (it never calls the filter it
# measures). A described anonymous source ("a senior U.S. official", "the ministry", "officials") is a valid
# speaker, so the articles are not among them; the determiners that stand for an unnamed set are.
PRONOUNS = names.PRONOUNS
RELATIVES = names.RELATIVE_WORDS
DETERMINERS = names.DETERMINERS | names.QUANTIFIERS
FUNCTION_WORDS = frozenset("of to in on at for with by from and or but as than into about".split())


def bad_name(name: str) -> str | None:
    """Why ``name`` is not a speaker's or entity's name: a pronoun, a relative word, a determiner standing
    for an unnamed set, or a fragment (None when it may be a name or a described source)."""
    words = [w.strip("'\"“”‘’,.") for w in name.replace("—", " ").split()]
    words = [w for w in words if w]
    if not words:
        return "fragment (no word)"
    first, last = words[0].lower(), words[-1].lower()
    if words[0].isupper() and len(words[0]) > 1:
        first = ""  # an acronym: "US health officials" is not "us", "IT" not "it"
    if first in PRONOUNS:
        return "pronoun"
    if first in RELATIVES:
        return "relative word"
    if first in DETERMINERS and len(words) <= 2:
        return "determiner"
    if first in FUNCTION_WORDS or last in FUNCTION_WORDS or last in ("the", "a", "an"):
        return "fragment (function word at an end)"
    if not any(ch.isalpha() for ch in name) or (len("".join(words)) <= 2 and not name.isupper()):
        return "fragment (too short)"
    return None


@dataclass
class Corpus:
    """One story's articles as storyline reads them, and what the evaluation needs besides."""

    name: str
    articles: list[Article]
    references: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    # The file the corpus comes from: the corpora of one cluster file share its template statistics.
    collection: str = ""


# --- reading ----------------------------------------------------------------------------------


@contextlib.contextmanager
def detokenizing(enabled: bool) -> Iterator[None]:
    """With ``enabled`` False, read tokenized corpora as they are (the figures from before detokenizing)."""
    from ..ingest import detokenize

    if enabled:
        yield
        return
    original = detokenize.looks_tokenized
    detokenize.looks_tokenized = lambda text: False  # type: ignore[assignment]
    try:
        yield
    finally:
        detokenize.looks_tokenized = original


def timeline17_references(folder: Path) -> list[str]:
    """Each gold timeline's sentences as one text, detokenized as the articles are."""
    from .timeline17 import read_gold_timelines

    texts = []
    for gold in read_gold_timelines(folder):
        text = "\n".join(s for day in sorted(gold.entries) for s in gold.entries[day])
        texts.append(detokenize_text(text) if looks_tokenized(text) else text)
    return texts


def prepared(paths: Sequence[str], problems: list[InputProblem]) -> list[Article]:
    from ..corpus.copies import mark_duplicates
    from ..ingest.prepare import prepare
    from ..ingest.read import read

    articles = list(prepare(read(list(paths)), problems.append))
    mark_duplicates(articles)
    return articles


def read_corpora(
    paths: Sequence[str], clusters: int | None = None, collections: dict[str, list[Article]] | None = None
) -> list[Corpus]:
    """The corpora named by ``paths`` (see the module docstring), read and deduplicated, not yet cut or
    annotated. ``collections`` (when given) receives every article read from each path, also those of
    clusters left out by ``clusters``: a cluster file's template statistics are the whole file's."""
    corpora: list[Corpus] = []
    for given in paths:
        path = Path(given)
        problems: list[InputProblem] = []
        if JOIN in given and not path.exists():
            corpora.append(joined_corpus(given, problems))
            continue
        if path.is_dir() and (path / "articles.jsonl").exists():
            articles = prepared([str(path / "articles.jsonl")], problems)
            references = timeline17_references(path) if (path / "timelines").exists() else []
            corpora.append(Corpus(path.name, articles, references, problems, given))
            continue
        articles = prepared([given], problems)
        if collections is not None:
            collections[given] = articles
        groups: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            groups[str(article.extra.get("cluster", ""))].append(article)
        if len(groups) == 1:
            only = next(iter(groups.values()))
            reference = only[0].extra.get("reference")
            corpora.append(
                Corpus(path.stem or given, only, [reference] if reference else [], problems, given)
            )
            continue
        for number, (cluster, members) in enumerate(groups.items()):
            if clusters is not None and number >= clusters:
                break
            reference = members[0].extra.get("reference")
            corpora.append(
                Corpus(
                    f"{path.stem}:{cluster.rsplit(':', 1)[-1]}",
                    members,
                    [reference] if reference else [],
                    problems,
                    given,
                )
            )
    return corpora


def joined_corpus(given: str, problems: list[InputProblem]) -> Corpus:
    """Several Timeline17 folders (``A+B+...``) read as one corpus, each article given its folder's outlet."""
    from ..corpus.copies import mark_duplicates
    from ..ingest.prepare import prepare
    from ..ingest.read import read

    folders = [Path(part) for part in given.split(JOIN) if part]
    missing = [str(f) for f in folders if not (f / "articles.jsonl").exists()]
    if missing:
        raise UsageError(f"{given}: not Timeline17 topic folders (no articles.jsonl): {', '.join(missing)}")
    articles: list[Article] = []
    references: list[str] = []
    for folder in folders:
        outlet = folder.name.rsplit("_", 1)[-1]
        # the folder's outlet published every page in it, as a user's outlet field says (an agency's dateline
        # on a page names who wrote the copy, not who published it)
        articles.extend(prepare(read([str(folder / "articles.jsonl")]), problems.append, {"outlet": outlet}))
        if (folder / "timelines").exists():
            references.extend(timeline17_references(folder))
    mark_duplicates(articles)
    topics = sorted({f.name.rsplit("_", 1)[0] for f in folders})
    name = "+".join(topics) + "[" + "+".join(f.name.rsplit("_", 1)[-1] for f in folders) + "]"
    return Corpus(name, articles, references, problems, given)


# --- the checks ---------------------------------------------------------------------------------


class TemplateCounter:
    """The evaluation's own count of recurring text over the corpus as read (before any cut), keyed on
    detokenized text so that runs with and without detokenizing are judged alike."""

    def __init__(self, articles: Sequence[Article]) -> None:
        from ..corpus.templates import TemplateStats

        self.stats = TemplateStats()
        for article in articles:
            if article.duplicate_of is None:
                self.stats.counts.update(self.keys(article.text))
                self.stats.bodies += 1

    @staticmethod
    def keys(text: str) -> set[str]:
        from ..corpus.templates import unit_keys

        # the functions imported with this module: ``detokenizing(False)`` does not switch them off
        return unit_keys(detokenize_text(text) if looks_tokenized(text) else text)

    def recurs(self, text: str) -> bool:
        return any(self.stats.counts[key] >= TEMPLATE_ARTICLES for key in self.keys(text))


def sentence_at(articles: dict[str, Article], article_id: str, position: int) -> str:
    article = articles.get(article_id)
    if article is None:
        return ""
    for sentence in article.sentences:
        if sentence.start <= position < sentence.end:
            return article.sentence_text(sentence)
    return ""


def top_speakers(brief: Brief, limit: int = TOP_SPEAKERS) -> list[str]:
    counts = Counter(
        n for n in (names.speaker_name(a) for a in names.statements(brief.attributions or [])) if n
    )
    return [name for name, _ in counts.most_common(limit)]


def template_items(brief: Brief) -> dict[str, list[str]]:
    """The texts the template rate is measured over, by section."""
    by_id = {a.id: a for a in brief.articles}
    speakers = set(top_speakers(brief))
    items: dict[str, list[str]] = {
        "summary": [s.text for s in brief.summary.sentences] if brief.summary else [],
        "timeline": [s.text for e in brief.timeline.entries for s in e.sentences] if brief.timeline else [],
        "statements": [
            sentence_at(by_id, a.article, a.start) or a.content
            for a in names.statements(brief.attributions or [])
            if names.speaker_name(a) in speakers
        ],
        "claims": [c.text for c in brief.comparison.claims if c.independent_outlets >= 2]
        if brief.comparison
        else [],
    }
    return items


def known_outlets(citations: Sequence[Citation]) -> set[str]:
    return {c.outlet for c in citations if c.outlet and c.outlet.lower() != "unknown"}


def count_checks(brief: Brief) -> list[tuple[str, int, int]]:
    """Every independent-outlet count the brief states: (what, count, distinct known outlets cited)."""
    checks: list[tuple[str, int, int]] = []
    sentences: list[CitedSentence] = []
    if brief.summary:
        sentences.extend(brief.summary.sentences)
    if brief.timeline:
        sentences.extend(s for e in brief.timeline.entries for s in e.sentences)
    for sentence in sentences:
        checks.append((sentence.text, sentence.independent_outlets, len(known_outlets(sentence.citations))))
    if brief.comparison:
        for claim in brief.comparison.claims:
            known = {o for o in claim.outlets if o and o.lower() != "unknown"}
            checks.append((claim.text, claim.independent_outlets, len(known)))
    return checks


def speaker_validity(brief: Brief) -> dict[str, Any]:
    """Bad names among the names statements are listed under (``who.names.speaker_name``: the linked
    entity or the described source, as the brief shows them) and among the roster's names. A statement
    whose speaker is a pronoun or words naming no one, with no antecedent found, has no listed name: it is
    counted as unresolved, and the pronoun spans resolved to an actor are counted too."""
    attributions = names.statements(brief.attributions or [])
    listed = [names.speaker_name(a) for a in attributions]
    speakers = Counter(n for n in listed if n)
    roster = [e.name for e in brief.entities or []]
    bad_speakers = {n: (why, c) for n, c in speakers.items() if (why := bad_name(n))}
    bad_roster = sorted({n for n in roster if bad_name(n)})
    pronoun_spans = [
        (a, n)
        for a, n in zip(attributions, listed, strict=True)
        if a.speaker and bad_name(a.speaker) in ("pronoun", "relative word")
    ]
    return {
        "speaker_names": len(speakers),
        "bad_speaker_names": len(bad_speakers),
        "bad_speaker_statements": sum(c for _, c in bad_speakers.values()),
        "roster_names": len(roster),
        "bad_roster_names": len(bad_roster),
        "statements": len(attributions),
        "unresolved_statements": sum(
            1 for a, n in zip(attributions, listed, strict=True) if a.speaker and not n
        ),
        "pronoun_speakers": len(pronoun_spans),
        "pronoun_speakers_resolved": sum(1 for _, n in pronoun_spans if n),
        "examples": [
            f"{n} ({why}, {c})" for n, (why, c) in sorted(bad_speakers.items(), key=lambda x: -x[1][1])
        ][:8]
        + bad_roster[:4],
    }


# --- story-level ROUGE ------------------------------------------------------------------------------


def anchor_candidates(articles: Sequence[Article]) -> list[list[str]]:
    """storyline's candidate sentences (the summarizer's pool), per article in date order, each article's
    in text order; at most ``ANCHOR_CANDIDATES`` (every article's first ones kept)."""
    import datetime as dt

    from ..summarize.candidates import build_pool, limit_candidates
    from ..summarize.story import is_story

    ordered = sorted(articles, key=lambda a: (a.published or dt.date.min, a.id))
    # the candidates as the summarizer builds them (a whole story's without glued headlines)
    pool = limit_candidates(build_pool(ordered, cut_glued=is_story(ordered)), ANCHOR_CANDIDATES)
    by_article: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for candidate in pool.candidates:
        first = min(candidate.occurrences, key=lambda o: (o.article, o.sentence.index))
        by_article[first.article].append((first.sentence.index, candidate.text))
    return [[text for _, text in sorted(by_article[i])] for i in sorted(by_article)]


def rouge(summary: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """ROUGE-1/2 recall and F (rouge-score, stemmed), averaged over the references."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    text = "\n".join(summary)
    scores = [scorer.score(reference, text) for reference in references]
    return {
        "rouge_1_recall": statistics.fmean(s["rouge1"].recall for s in scores),
        "rouge_1_f": statistics.fmean(s["rouge1"].fmeasure for s in scores),
        "rouge_2_recall": statistics.fmean(s["rouge2"].recall for s in scores),
        "rouge_2_f": statistics.fmean(s["rouge2"].fmeasure for s in scores),
    }


def story_rouge(corpus: Corpus, brief: Brief, words: int = WORDS) -> dict[str, dict[str, float]]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from .multinews import fill, lead_ranking, sumy_ranking

    summary = [s.text for s in brief.summary.sentences] if brief.summary else []
    result = {"storyline": rouge(summary, corpus.references)}
    by_article = anchor_candidates([a for a in corpus.articles if a.duplicate_of is None])
    flat = [text for sentences in by_article for text in sentences]
    result[LEAD] = rouge(fill(lead_ranking(by_article), flat, words), corpus.references)
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")
    started = time.process_time()
    result[LEXRANK] = rouge(fill(sumy_ranking(lexrank, by_article), flat, words), corpus.references)
    result[LEXRANK]["cpu_seconds"] = round(time.process_time() - started, 1)
    result[LEXRANK]["candidates"] = len(flat)
    return result


# --- one corpus -------------------------------------------------------------------------------------


def build(corpus: Corpus, templates: bool = True, store: Any = None) -> Brief:
    """Cut templates (judged by ``store``, a ``TemplateStats`` of the wider collection, when given),
    annotate, and build the brief as ``storyline report`` does."""
    from ..corpus.templates import remove_templates
    from ..service.brief import brief
    from ..service.corpus import corpus_of

    if templates:
        # a store's statistics already count this corpus; a lone corpus is counted here
        remove_templates(corpus.articles, store, add=store is None)
    return brief(corpus_of(corpus.articles))


def evaluate_corpus(corpus: Corpus, counter: TemplateCounter, brief: Brief) -> dict[str, Any]:
    items = template_items(brief)
    template = {name: sum(counter.recurs(t) for t in texts) for name, texts in items.items()}
    total = sum(len(texts) for texts in items.values())
    checks = count_checks(brief)
    consistent = sum(count <= max(1, known) for _, count, known in checks)
    row: dict[str, Any] = {
        "corpus": corpus.name,
        "articles": len(corpus.articles),
        "copies": sum(a.duplicate_of is not None for a in corpus.articles),
        "outlets": len({a.outlet for a in corpus.articles if a.outlet}),
        "template_lines_cut": sum(1 for a in corpus.articles for r in a.removed if r.reason == "template"),
        "template_rate": round(sum(template.values()) / total, 4) if total else 0.0,
        "template_items": template,
        "items": {name: len(texts) for name, texts in items.items()},
        "template_examples": [t[:120] for texts in items.values() for t in texts if counter.recurs(t)][:6],
        "count_consistency": round(consistent / len(checks), 4) if checks else 1.0,
        "counts_checked": len(checks),
        "count_examples": [
            f"{count} > {known}: {text[:90]}" for text, count, known in checks if count > max(1, known)
        ][:4],
        "speakers": speaker_validity(brief),
        "stage_errors": brief.stage_errors,
        "timings": brief.timings,
    }
    if corpus.references:
        row["rouge"] = story_rouge(corpus, brief)
    return row


def evaluate(
    paths: Sequence[str],
    clusters: int | None = None,
    templates: bool = True,
    detokenize: bool = True,
    quiet: bool = True,
    keep: list[tuple[Corpus, Brief]] | None = None,
) -> dict[str, Any]:
    """One row per corpus and their mean; ``templates``/``detokenize`` False give the figures without
    those steps. ``keep`` collects each corpus with its brief (for the audit sample)."""
    from ..corpus.templates import TemplateStats

    rows = []
    with detokenizing(detokenize):
        # the corpora of one cluster file are judged by statistics over the whole file, as a store's would be
        collections: dict[str, list[Article]] = {}
        corpora = read_corpora(paths, clusters, collections)
        for corpus in corpora:
            collections.setdefault(corpus.collection, corpus.articles)
        counters = {name: TemplateCounter(members) for name, members in collections.items()}
        stores = {
            corpus.collection: TemplateStats().update(collections[corpus.collection])
            for corpus in corpora
            if len(collections[corpus.collection]) > len(corpus.articles)
        }
        for corpus in corpora:
            began = time.process_time()
            brief = build(corpus, templates, stores.get(corpus.collection))
            row = evaluate_corpus(corpus, counters[corpus.collection], brief)
            row["cpu_seconds"] = round(time.process_time() - began, 1)
            rows.append(row)
            if keep is not None:
                keep.append((corpus, brief))
            if not quiet:
                print(f"storyline: {corpus.name}: {summary_line(row)}", file=sys.stderr)
    if not rows:
        raise UsageError("no corpus could be read from the given paths")
    return {"corpora": rows, "mean": mean_row(rows), "templates": templates, "detokenize": detokenize}


def mean_row(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    mean: dict[str, Any] = {
        "corpora": len(rows),
        "template_rate": round(statistics.fmean(r["template_rate"] for r in rows), 4),
        "count_consistency": round(statistics.fmean(r["count_consistency"] for r in rows), 4),
        "bad_speaker_names": sum(r["speakers"]["bad_speaker_names"] for r in rows),
        "bad_roster_names": sum(r["speakers"]["bad_roster_names"] for r in rows),
        "cpu_seconds": round(sum(r["cpu_seconds"] for r in rows), 1),
    }
    with_rouge = [r["rouge"] for r in rows if "rouge" in r]
    if with_rouge:
        mean["rouge"] = {
            system: {
                metric: round(statistics.fmean(r[system][metric] for r in with_rouge), 4)
                for metric in ("rouge_1_recall", "rouge_1_f", "rouge_2_recall", "rouge_2_f")
            }
            for system in with_rouge[0]
        }
    return mean


def summary_line(row: dict[str, Any]) -> str:
    text = (
        f"template rate {row['template_rate']:.3f}, count consistency {row['count_consistency']:.3f}, "
        f"bad speaker names {row['speakers']['bad_speaker_names']}, bad roster names {row['speakers']['bad_roster_names']}"
    )
    if "rouge" in row:
        r = row["rouge"]["storyline"]
        text += f", R-1 recall {r['rouge_1_recall']:.3f}, R-2 recall {r['rouge_2_recall']:.3f}"
    return text + f" ({row['cpu_seconds']} CPU s)"


# --- the precision audit ---------------------------------------------------------------------------


def evidence_of(articles: dict[str, Article], citation: Citation) -> dict[str, Any]:
    article = articles.get(citation.article)
    return {
        "article": citation.article,
        "outlet": citation.outlet,
        "published": citation.published.isoformat() if citation.published else None,
        "sentence": article.text[citation.start : citation.end] if article else "",
    }


def evidence_at(articles: dict[str, Article], article_id: str, position: int) -> dict[str, Any]:
    """Evidence for a sentence given by its character offset in an article."""
    article = articles.get(article_id)
    return {
        "article": article_id,
        "outlet": article.outlet if article else None,
        "published": article.published.isoformat() if article and article.published else None,
        "sentence": sentence_at(articles, article_id, position),
    }


def outlets_first(citations: list[Citation], limit: int = 6) -> list[Citation]:
    """Up to ``limit`` citations, one of each outlet first (in order), then the rest in order: a claim's
    evidence shows every outlet it is counted for before a second sentence of any."""
    seen: set[str | None] = set()
    first: list[Citation] = []
    rest: list[Citation] = []
    for citation in citations:
        (rest if citation.outlet in seen else first).append(citation)
        seen.add(citation.outlet)
    return (first + rest)[:limit]


def audit_items(corpus: Corpus, brief: Brief) -> dict[str, list[dict[str, Any]]]:
    """Every item of each audited kind in one brief, with the evidence a judge needs."""
    by_id = {a.id: a for a in brief.articles}
    items: dict[str, list[dict[str, Any]]] = {kind: [] for kind in AUDIT_KINDS}
    for a in names.statements(brief.attributions or []):
        listed = names.speaker_name(a)
        if not listed:
            continue  # an unresolved speaker is shown as such, with no name to judge
        items["speaker_statement"].append(
            {
                "speaker": listed,
                "as_written": a.speaker,
                "cue": a.cue,  # shown with the statement ("denied: ...")
                "statement": a.content,
                "direct": a.direct,
                "evidence": [evidence_at(by_id, a.article, a.start)],
            }
        )
    for entity in brief.entities or []:
        if len(entity.aliases) < 2:
            continue
        examples = []
        # an alias is shown where the entity is mentioned: the same words in an article the roster did not
        # link to it ("Mark" of another page) would set the judge a sentence that was never merged
        own = [article for article in brief.articles if article.id in entity.mentions]
        others = [article for article in brief.articles if article.id not in entity.mentions]
        for alias in entity.aliases[:6]:
            # the very mention the roster merged ("London said ..." for the United Kingdom, not a city
            # sentence with the same word); else (a brief kept before ``named_at``) the first with its words
            found = entity.named_at.get(alias) or next(
                (
                    (article.id, m.start)
                    for article in own + others
                    for m in article.entities
                    if m.text == alias
                ),
                None,
            )
            if found:
                examples.append({"alias": alias, **evidence_at(by_id, found[0], found[1])})
        if not examples:
            continue  # its names are only in titles or captions: nothing in the text to judge by
        items["roster_merge"].append(
            {"name": entity.name, "type": entity.type, "aliases": entity.aliases, "evidence": examples}
        )
    claims = brief.comparison.claims if brief.comparison else []
    for claim in claims:
        if claim.independent_outlets >= 2:
            items["multi_outlet_claim"].append(
                {
                    "claim": claim.text,
                    "independent_outlets": claim.independent_outlets,
                    "outlets": claim.outlets,
                    "evidence": [evidence_of(by_id, c) for c in outlets_first(claim.citations)],
                }
            )
    for i, claim in enumerate(claims):
        for j in claim.contradicts:
            if j > i and j < len(claims):
                items["contradiction"].append(
                    {
                        "claim": claim.text,
                        "claim_said_by": claim.attributed_to,
                        "contradicted_by": claims[j].text,
                        "contradicted_by_said_by": claims[j].attributed_to,
                        "evidence": [
                            evidence_of(by_id, c) for c in (claim.citations[:2] + claims[j].citations[:2])
                        ],
                    }
                )
    for position in brief.comparison.positions if brief.comparison else []:
        items["position"].append(
            {
                "actor": position.actor,
                "stance": position.stance,
                "proposition": position.proposition,
                "date": position.date,
                "evidence": [evidence_of(by_id, position.citation)],
            }
        )
    for entry in brief.timeline.entries if brief.timeline else []:
        for sentence in entry.sentences:
            items["timeline_entry"].append(
                {
                    "date": entry.date,
                    "granularity": entry.granularity,
                    "sentence": sentence.text,
                    "dated_by": sentence.dated_by,
                    "evidence": [evidence_of(by_id, c) for c in sentence.citations[:3]],
                }
            )
    for kind_items in items.values():
        for item in kind_items:
            item["corpus"] = corpus.name
            sources = [by_id[e["article"]].source for e in item["evidence"] if e.get("article") in by_id]
            item["split"] = split_of(sources) if sources else split_of([corpus.collection or corpus.name])
    return items


def sample_audit(kept: Sequence[tuple[Corpus, Brief]], per_kind: int, seed: int = 13) -> list[dict[str, Any]]:
    """``per_kind`` items of each kind drawn at random (fixed seed) from all corpora, ready for judging."""
    pooled: dict[str, list[dict[str, Any]]] = {kind: [] for kind in AUDIT_KINDS}
    for corpus, brief in kept:
        for kind, found in audit_items(corpus, brief).items():
            pooled[kind].extend(found)
    rng = random.Random(seed)
    sample = []
    for kind in AUDIT_KINDS:
        chosen = rng.sample(pooled[kind], min(per_kind, len(pooled[kind])))
        for number, item in enumerate(chosen, start=1):
            sample.append(
                {
                    "id": f"{kind}-{number:03d}",
                    "kind": kind,
                    "found": len(pooled[kind]),
                    **item,
                    "judgements": [],
                }
            )
    return sample


def verdict_of(item: dict[str, Any]) -> str | None:
    """The item's final verdict: the adjudicated one, else the judges' when they agree."""
    if item.get("adjudicated") in ("correct", "wrong"):
        return str(item["adjudicated"])
    verdicts = [
        j.get("verdict") for j in item.get("judgements", []) if j.get("verdict") in ("correct", "wrong")
    ]
    if verdicts and len(set(verdicts)) == 1 and len(verdicts) >= 2:
        return str(verdicts[0])
    return None


def score_judged(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Precision per kind (correct / judged), agreement of the first two judges and Cohen's kappa."""
    result: dict[str, Any] = {}
    for kind in AUDIT_KINDS:
        of_kind = [i for i in items if i.get("kind") == kind]
        if not of_kind:
            continue
        verdicts = [verdict_of(i) for i in of_kind]
        decided = [v for v in verdicts if v is not None]
        pairs = [
            (j[0].get("verdict"), j[1].get("verdict"))
            for i in of_kind
            if len(j := i.get("judgements", [])) >= 2
        ]
        agreement = sum(a == b for a, b in pairs) / len(pairs) if pairs else None
        precision = sum(v == "correct" for v in decided) / len(decided) if decided else None
        result[kind] = {
            "items": len(of_kind),
            "decided": len(decided),
            "precision": round(precision, 3) if precision is not None else None,
            "target": AUDIT_TARGETS[kind],
            "met": precision is not None and precision >= AUDIT_TARGETS[kind],
            "agreement": round(agreement, 3) if agreement is not None else None,
            "kappa": kappa(pairs),
            "by_split": precision_by_split(of_kind),
        }
    return result


def precision_by_split(items: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Decided items and precision of each split (development, held-out) among ``items``."""
    result: dict[str, dict[str, Any]] = {}
    for split in sorted({str(i.get("split", "development")) for i in items}):
        decided = [v for i in items if str(i.get("split", "development")) == split if (v := verdict_of(i))]
        correct = sum(v == "correct" for v in decided)
        result[split] = {
            "decided": len(decided),
            "precision": round(correct / len(decided), 3) if decided else None,
        }
    return result


def kappa(pairs: Sequence[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa of two judges' verdicts (any labels)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in set(first) | set(second)) / (n * n)
    return round((observed - expected) / (1 - expected), 3) if expected < 1 else 1.0


def read_judged(path: str) -> list[dict[str, Any]]:
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not a JSON line ({exc.msg})") from None
    return items


# --- command line -------------------------------------------------------------------------------


def register(evaluations: Any) -> None:
    parser = evaluations.add_parser(
        "brief",
        help="the whole brief on real story corpora: templates, counts, speakers, story ROUGE, audit sample",
        description="Build the brief of each CORPUS as `storyline report` does and check it: template rate, "
        "count consistency, speaker validity and (with a reference) story-level summary ROUGE beside Lead and "
        "sumy LexRank on storyline's candidate sentences. CORPUS: a Timeline17 topic folder, a Multi-News / "
        "LongBench cluster file (each cluster a corpus), several Timeline17 folders joined by + (one multi-outlet "
        "corpus, each article its folder's outlet), or any input storyline reads.",
    )
    parser.add_argument("corpora", nargs="*", metavar="CORPUS", help="corpora to evaluate")
    parser.add_argument(
        "--clusters", type=int, metavar="N", help="of a cluster file, only the first N clusters"
    )
    parser.add_argument(
        "--sample", type=int, metavar="N", help="write N items of each kind for the precision audit"
    )
    parser.add_argument("--out", metavar="FILE", help="with --sample: the JSONL file to write")
    parser.add_argument(
        "--seed",
        type=int,
        default=13,
        metavar="N",
        help="with --sample: the draw's seed (default 13; a new seed, a new audit round)",
    )
    parser.add_argument("--judged", metavar="FILE", help="score a judged audit file (JSONL) instead")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..present.jsonio import print_json

    if args.judged:
        scores = score_judged(read_judged(args.judged))
        if args.json:
            print_json(scores)
            return 0
        print(
            f"{'kind':<20} {'items':>6} {'decided':>8} {'precision':>10} {'target':>7} {'agreement':>10} {'kappa':>6}"
        )
        for kind, s in scores.items():
            fmt = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
            splits = "  ".join(
                f"{split} {fmt(v['precision'])} of {v['decided']}" for split, v in s["by_split"].items()
            )
            print(
                f"{kind:<20} {s['items']:>6} {s['decided']:>8} {fmt(s['precision']):>10} {s['target']:>7.2f} "
                f"{fmt(s['agreement']):>10} {fmt(s['kappa']):>6}  {splits}"
            )
        return 0
    if not args.corpora:
        raise UsageError("give at least one CORPUS (or --judged FILE)")
    if args.sample is not None and not args.out:
        raise UsageError("--sample N needs --out FILE: where to write the items to judge")
    kept: list[tuple[Corpus, Brief]] = []
    result = evaluate(args.corpora, args.clusters, quiet=args.quiet or args.json, keep=kept)
    if args.sample is not None:
        sample = sample_audit(kept, args.sample, seed=args.seed)
        with open(args.out, "w", encoding="utf-8") as handle:
            for item in sample:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        if not args.quiet:
            print(f"storyline: wrote {len(sample)} audit items to {args.out}", file=sys.stderr)
    if args.json:
        print_json(result)
        return 0
    for row in result["corpora"]:
        print_table(row)
    return 0


def print_table(row: dict[str, Any]) -> None:
    s = row["speakers"]
    print(
        f"== {row['corpus']}: {row['articles']} articles ({row['copies']} copies), {row['outlets']} outlet(s)"
    )
    print(f"  template lines cut          {row['template_lines_cut']}")
    items = ", ".join(f"{k} {row['template_items'][k]}/{n}" for k, n in row["items"].items())
    print(f"  template rate               {row['template_rate']:.3f}  ({items}; target 0)")
    print(
        f"  count consistency           {row['count_consistency']:.3f}  ({row['counts_checked']} counts; target 1)"
    )
    print(
        f"  speaker validity            {s['bad_speaker_names']} bad of {s['speaker_names']} speaker names, "
        f"{s['bad_roster_names']} bad of {s['roster_names']} roster names (target 0)"
    )
    print(
        f"  unresolved speakers         {s['unresolved_statements']} of {s['statements']} statements; "
        f"{s['pronoun_speakers_resolved']} of {s['pronoun_speakers']} pronoun speakers resolved to an actor"
    )
    for example in s["examples"][:5]:
        print(f"    {example}")
    for example in row["template_examples"][:3]:
        print(f"    template: {example}")
    if "rouge" in row:
        print(f"  {'story-level ROUGE':<28}{'R-1 rec':>8} {'R-1 F':>7} {'R-2 rec':>8} {'R-2 F':>7}")
        for system, r in row["rouge"].items():
            print(
                f"  {system:<28}{r['rouge_1_recall']:8.3f} {r['rouge_1_f']:7.3f} {r['rouge_2_recall']:8.3f} {r['rouge_2_f']:7.3f}"
            )
    print(f"  CPU seconds                 {row['cpu_seconds']}")
