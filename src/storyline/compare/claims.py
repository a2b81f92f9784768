"""Where the sources agree, disagree and change their position: claims, contradictions, positions.

Precision first: fewer, right items beat many noisy ones.

- **Claims.** Each body sentence that asserts something (not a question, not page furniture such as
  "7:22 pm EDT" or comment headers) is a claim. Sentences of different articles are one claim when they
  say the same in nearly the same words (``storyline.text.similarity``) or state the same fact in
  other words: WordLlama embeddings close, borne out by rare content words in common, compared
  sentence to sentence and on the reported content inside them ("Assad told Ban *that the operations
  had stopped*"); merging is complete-linkage, so no chain of looser likenesses makes one claim of
  many facts. Each claim keeps the articles and outlets that carry it, how many of those are
  independent (syndicated copies count once) and who it is attributed to.
- **Contradictions**, only between claims of different articles, never a sentence against its copy
  or its paraphrase: different figures for one quantity in sentences on the same event published the
  same day (bounds and estimates, "more than 2,400", do not count), or a negation or denial that
  bears on what the other claim says, from another outlet or another named source.
- **Positions** (``storyline.compare.positions``): what each actor demands or rejects about a recurring
  proposition, dated; **reversals** where an actor's stance flips between periods.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..annotate.timex import event_point
from ..model import Article, Attribution, Claim, Comparison, Entity, cite
from ..pieces import NO_PIECES, Pieces
from ..text.dates import MONTH_NAMES, MONTHS, WEEKDAY_NAMES
from ..text.patterns import (
    AGENCY_DATELINE,
    OUTLET_NAMES,
    QUOTE_OPENERS,
    dateline_name,
    names_pattern,
    outlet_key,
)
from ..text.similarity import (
    STOPWORDS,
    SharedRare,
    content_words,
    jaccard,
    near_duplicate_groups,
    normalize_token,
    original_of,
    similar_pairs,
)
from ..who.names import speaker_name
from .kept_clauses import KeptMainClauses
from .wording import (
    DISPUTE_WORDS,
    NEGATIONS,
    ArticleDocs,
    MainClause,
    embedded_cue,
    main_clause,
    polarity,
    same_main_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

MIN_CLAIM_WORDS = 5
# Content words two claims must share (Jaccard) to be about the same matter.
SAME_MATTER = 0.3
# Content-word Jaccard at which two sentences of different articles are one claim.
PARAPHRASE = 0.5
# Paraphrase in other words: embedding cosine, with content words in common bearing it out.
PARAPHRASE_COSINE = 0.7
SHARED_WORDS = 3
SHARED_RARE = 2
PARAPHRASE_COVER = 0.6
# Contradictions: the same event (embedding cosine) and the same quantity or proposition (share of
# content words, negation and denial words aside).
SAME_EVENT_COSINE = 0.75
SAME_QUANTITY = 0.5
SAME_PROPOSITION = 0.6
# Content words a reported statement needs to be compared on its own.
CLAUSE_WORDS = 4
# Words after a number that are no counted thing: function words, months, clock and calendar words.
NOT_COUNTED = frozenset(
    {w.rstrip("s") for w in STOPWORDS} | set(MONTHS) | set("am pm gmt edt est utc bst cet".split()) | {"per"}
)
APPROXIMATE = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower) than\s+\S+|\b(?:at least|at most|up to|as many as|over|about|"
    r"around|nearly|almost|some|roughly|approximately|an estimated|estimated)\s+\d\S*",
    re.IGNORECASE,
)
WORD_OR_NEGATION = re.compile(r"n't|[A-Za-z][A-Za-z'\-]*|[^\w\s]")
# Words after a negation that it bears on.
NEGATION_REACH = 4
DISPUTE_STEMS = frozenset(normalize_token(w) for w in DISPUTE_WORDS)
NUMBER = re.compile(
    r"(?<![\w.:/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(percent|%))?\s+([A-Za-z][a-z\-]+)?"
)


def compare(
    articles: Sequence[Article],
    docs: Sequence[Doc] | None = None,
    roster: Sequence[Entity] | None = None,
    attributions: Sequence[Attribution] | None = None,
    pieces: Pieces = NO_PIECES,
) -> Comparison:
    """Claims (with contradictions), positions and reversals across the articles.

    ``roster`` is ``build_roster``'s result and ``attributions`` ``find_attributions``'s (speakers
    linked to the roster) when the caller has them; what is not given is computed here. The
    articles are read, never written. ``pieces`` keeps what each article alone decides (whether it
    holds a denial, a stance: ``storyline.pieces``), so the parses of the articles that hold none are
    not read again (a story brief after new articles).
    """
    from ..who.attribution import find_attributions
    from ..who.entities import build_roster
    from .positions import find_positions, find_reversals

    if docs is None:
        from ..annotate.nlp import parse_articles

        docs = parse_articles(articles)
    if roster is None:
        roster = build_roster(articles, docs)
    if attributions is None:
        attributions = find_attributions(articles, docs, roster)
    claims = find_claims(articles, attributions, docs, pieces)
    link_stated_disputes(claims, articles, docs, attributions, pieces)
    positions = find_positions(articles, docs, roster, attributions, pieces)
    return Comparison(claims=claims, positions=positions, reversals=find_reversals(positions))


def link_stated_disputes(
    claims: list[Claim],
    articles: Sequence[Article],
    docs: Sequence[Doc],
    attributions: Sequence[Attribution],
    pieces: Pieces = NO_PIECES,
) -> None:
    """The disputes the articles state between their sources (``storyline.compare.disputes``), as pairs of
    contradicting claims; a side that is no claim yet is added to ``claims``."""
    from .disputes import find_disputes, link_disputes

    texts = [
        (article, position, text)
        for article in articles
        if not article.duplicate_of
        for position, sentence in enumerate(article.sentences)
        if asserts(text := article.sentence_text(sentence))
    ]
    link_disputes(claims, find_disputes(articles, docs, attributions, texts, pieces))


def find_claims(
    articles: Sequence[Article],
    attributions: Sequence[Attribution] = (),
    docs: Sequence[Doc] | None = None,
    pieces: Pieces = NO_PIECES,
) -> list[Claim]:
    """Claims carried by the articles, most independently corroborated first, with contradictions;
    ``attributions`` name who a claim is attributed to; ``docs`` (the articles' parses, when given) let
    a paraphrase be checked for a shared main verb."""
    by_id = {a.id: a for a in articles}
    units: list[tuple[Article, int]] = []
    texts: list[str] = []
    for article in articles:
        for position, sentence in enumerate(article.sentences):
            text = article.sentence_text(sentence)
            if not asserts(text):
                continue
            units.append((article, position))
            texts.append(text)
    speakers_of = speakers_by_sentence(articles, attributions)
    # near-copies are judged on the words outside names: two sentences naming the same people and places
    # ("Justin Taffinder of New Orleans was not amused" / "..., said Justin Taffinder of New Orleans") are
    # not one claim for that
    # the pairs scored by an earlier brief of some of these articles are read, not scored again (``KeptPairs``)
    near = near_duplicate_groups(texts, threshold=PARAPHRASE, articles=articles, pieces=pieces)
    groups = split_on_names(near, texts)
    # the main clause each paraphrase asks of a parse is kept per article (``kept_clauses``): a brief after new
    # articles reads an old article's parse only for a proposition no earlier brief asked about
    parses = docs_by_article(articles, docs)
    verbs = KeptMainClauses(articles, docs, pieces)
    links = paraphrase_links(units, texts, attributions, parses, verbs, articles, pieces)
    groups = merge_paraphrases(groups, links, texts, [a.id for a, _ in units])
    groups = split_on_reports(groups, units, texts, attributions, links)
    groups = split_on_main_clause(groups, units, texts, parses, verbs, links)
    verbs.keep()
    passages = copied_passages(units, texts)
    # the articles' order, looked up (a list's ``index`` per claim made this quadratic in the corpus)
    order = {a.id: n for n, a in reversed(list(enumerate(articles)))}
    claims: list[Claim] = []
    for group in split_by_figures(groups, texts, units):
        members = [units[i] for i in group]
        carried = sorted({a.id for a, _ in members}, key=order.__getitem__)
        citations = [cite(a, a.sentences[p]) for a, p in members]
        speakers = attributed_speakers(members, speakers_of)
        # Independent outlets are the distinct known *sources credited*: a sentence or article credited to
        # an agency or another outlet ("(Reuters)", "Reuters reported", a "(AP) --" dateline, a passage
        # copied word for word from another outlet) counts for that outlet, not as its own report; copies
        # count once; articles of unknown source are counted apart, never as independent outlets.
        sources, unknown = credited_sources([(*units[i], texts[i]) for i in group], by_id, passages)
        outlets = sorted({o for o in (by_id[i].outlet for i in carried) if o})
        # and never more than the publishers of its pages: one outlet's pages crediting an agency in one and
        # not in another ("(AP) --" on one Fox News page) are not two confirmations
        publishers = {source_key(p) for p in (publisher_of(by_id[i]) for i in carried) if p}
        independent = min(len(sources), len(publishers))
        claims.append(
            Claim(
                text=texts[shown_member(group, texts, units, speakers_of)],
                articles=carried,
                outlets=outlets,
                independent_outlets=independent,
                attributed_to=speakers,
                contradicts=[],
                citations=citations,
                unknown_sources=unknown,
            )
        )
    claims.sort(key=lambda c: (-c.independent_outlets, -len(c.articles), first_position(c)))
    link_contradictions(claims)
    return claims


# ---------------------------------------------------------------------------------------------
# The source a sentence is credited to


def credit_names() -> str:
    """The outlets and agencies a sentence can credit (``text.patterns.OUTLET_NAMES``, the one list, without the
    names that are ordinary words at a sentence's head), as a regular-expression alternation."""
    return names_pattern([n for n in OUTLET_NAMES if n.removeprefix("The ") not in NOT_CREDITS])


# Names of outlets that are ordinary words at the head of a sentence ("Time is short").
NOT_CREDITS = frozenset({"Time", "CP", "RT"})
CREDITED = credit_names()
# A sentence credited to an outlet: "(Reuters)", "(AP Photo/...)", "Reuters reported", "the Wall Street
# Journal's reporter wrote", "according to Reuters", "told CNN", "via Free Republic".
SENTENCE_CREDIT = re.compile(
    rf"\((?:the )?({CREDITED})(?: Photo)?(?:\s*/[^)]*)?\)"
    rf"|\b({CREDITED})(?:'s?(?: [\w-]+){{0,3}})? (?:has |had |first |also )?"
    r"(?:reported|reports|said in a report|quoted|cited|wrote|writes|revealed|broke the news)\b"
    rf"|\b(?:according to|told|in an interview with|speaking to|quoted by|cited by|via|reported by|"
    rf"first reported by) (?:the |a )?({CREDITED})\b"
)
# An agency's dateline opening an article's body ("NEW ORLEANS (AP) --", "WASHINGTON (Reuters) -", a line "AP
# VENICE, La. --"): ``text.patterns.AGENCY_DATELINE``, the one wire dateline.
DATELINE_CREDIT = AGENCY_DATELINE
DATELINE_REACH = 1500
# An article that names an agency among its makers is that agency's copy for counting: the contributors its
# credit line names ("The Associated Press contributed to this report", read by ``ingest.describe`` into
# ``extra["contributors"]``), or a byline's "Associated Press Writer".
NAMED_CREDIT = re.compile(rf"\b({CREDITED})\b")
AGENCY_WRITER = re.compile(rf"\b({CREDITED}) (?:Press )?[Ww]riters?\b")


def source_key(name: str) -> str:
    """One key per outlet however it is written (``text.patterns.outlet_key``: "The Washington Post" and
    "washingtonpost", "Associated Press" and "AP")."""
    return outlet_key(name)


def publisher_of(article: Article) -> str | None:
    """Who published the article's page (``Article.publisher``), else the outlet its text names."""
    return article.publisher or article.outlet


def sentence_credit(text: str) -> str | None:
    """The outlet a sentence credits for what it reports, if any."""
    match = SENTENCE_CREDIT.search(text)
    if match is None:
        return None
    return next(g for g in match.groups() if g)


# Sentences a quotation may run over after the sentence that introduces its speaker.
QUOTE_REACH = 3


def relayed_credit(article: Article, position: int) -> str | None:
    """The outlet a quotation was given to, when the sentence that introduces it credits one ("BP spokesman
    Toby Odone on Sunday told Reuters that ... " followed by '"We've always said ...'): a page relaying the
    quotation relays that outlet's reporting. The sentence at ``position`` opens a quotation, or closes one
    opened at most ``QUOTE_REACH`` sentences before."""
    k = position
    while k >= 0 and position - k <= QUOTE_REACH:
        text = article.sentence_text(article.sentences[k]).lstrip()
        if text[:1] in QUOTE_OPENERS:
            if k == 0:
                return None
            return sentence_credit(article.sentence_text(article.sentences[k - 1]))
        if k == position and not QUOTATION.search(text):
            return None  # no quotation here
        if k != position and QUOTATION.search(text):
            return None  # another quotation's end or middle: not the one this sentence closes
        k -= 1
    return None


def article_credit(article: Article) -> str | None:
    """The agency an article is credited to by the dateline opening its body, when it is not the article's
    own outlet ("NEW ORLEANS (AP) --" in a Fox News page), else by a line naming it among the article's makers
    ("The Associated Press contributed to this report")."""
    return credit_of(
        article.text[:DATELINE_REACH], tuple(article.extra.get("contributors", [])), article.byline or ""
    )


@functools.lru_cache(maxsize=4096)
def credit_of(head: str, contributors: tuple[str, ...], byline: str) -> str | None:
    """``article_credit`` of what it reads (remembered: each claim asks again for each of its articles)."""
    match = DATELINE_CREDIT.search(head)
    if match is not None:
        return dateline_name(match)
    named = [NAMED_CREDIT.search(line) for line in contributors]
    named.append(AGENCY_WRITER.search(byline))
    found = next((match for match in named if match is not None), None)
    return found.group(1).removeprefix("The ").removeprefix("the ") if found is not None else None


def credited_sources(
    members: Sequence[tuple[Article, int, str]],
    by_id: dict[str, Article],
    copied: dict[tuple[str, int], set[str]],
) -> tuple[set[str], int]:
    """The distinct known sources behind a claim's sentences and how many of its articles (copies of one
    original counted once) are of unknown source and credit nobody.

    A sentence counts for the outlet it credits, else for the agency its article credits (dateline, credit
    line, byline), else for its article's publisher (a syndicated copy for the original's); publishers whose
    articles share it as copied text are one source."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            key = parent[key]
        return key

    unknown: set[str] = set()
    for article, position, text in members:
        name = sentence_credit(text) or relayed_credit(article, position) or article_credit(article)
        if name is None:
            original = original_of(article, by_id)
            name = publisher_of(original) or publisher_of(article)
            if not name:
                unknown.add(original.id)
                continue
        key = find(source_key(name))
        for other in copied.get((article.id, position), ()):
            if other:
                parent[find(source_key(other))] = key
    return {find(key) for key in list(parent)}, len(unknown)


# Copied text: the same sentence in articles of two publishers is one source's text (an agency story, a press
# release, a live blog quoting a paper), not two reports. Proof of copying is taken only outside quotation
# marks and first-person speech (two outlets quoting one speech are two reports of it): a sentence word for
# word the same (``PASSAGE_WORDS`` words or more), a near-identical one (``NEAR_COPY`` of its words in the same
# order, "how or why the gas escaped" / "how and why ..."), or a shared word-for-word passage of ``RUN_WORDS``
# words. Two articles sharing ``COPIED_SENTENCES`` such sentences are one a copy of the other, and then every
# sentence they share word for word or nearly (quotes too) is one source's.
PASSAGE_WORDS = 12
NEAR_COPY = 0.8
NEAR_COPY_WORDS = 8
RUN_WORDS = 10
SHINGLE = 5
COPIED_SENTENCES = 2
SHARED_WORDS_MIN = 6
LARGEST_GROUP = 50
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|we|We|we're|We're|we've|We've|my|My|our|Our|us)\b")
QUOTATION = re.compile('["\u201c\u201d\u00ab\u00bb]')
QUOTED_SHARE = 0.5
WORD = re.compile(r"[a-z0-9]+")


def words_key(text: str) -> str | None:
    words = WORD.findall(text.lower())
    return " ".join(words) if len(words) >= SHARED_WORDS_MIN else None


def same_words(a: str, b: str) -> bool:
    """Word for word the same (``SHARED_WORDS_MIN`` words or more), whatever the punctuation."""
    key = words_key(a)
    return key is not None and key == words_key(b)


def narrative(text: str) -> bool:
    """Long enough, mostly outside quotation marks and not first-person speech: word for word twice is a
    copy ("his company, CINC ("Costner in Nevada Corporation"), had ..." is narrative)."""
    if len(WORD.findall(text.lower())) < PASSAGE_WORDS or FIRST_PERSON.search(text):
        return False
    parts = QUOTATION.split(text)
    quoted = sum(len(part) for part in parts[1::2])
    return quoted < QUOTED_SHARE * len(text)


def narrative_words(text: str) -> list[list[str]]:
    """The runs of words outside quotation marks, none when the sentence speaks in the first person there."""
    parts = QUOTATION.split(text)[::2]
    if any(FIRST_PERSON.search(part) for part in parts):
        return []
    return [words for part in parts if (words := WORD.findall(part.lower()))]


def longest_run(a: Sequence[str], b: Sequence[str]) -> int:
    """The longest stretch of words the two lists share in order, word for word."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match().size


def copy_proof(a: str, b: str) -> bool:
    """Whether two sentences prove that one copies the other (or both one source): word for word the same
    and narrative, nearly so outside quotations (``NEAR_COPY``), or a shared passage of ``RUN_WORDS`` words
    outside quotations."""
    if same_words(a, b) and narrative(a):
        return True
    runs_a, runs_b = narrative_words(a), narrative_words(b)
    if not runs_a or not runs_b:
        return False
    if max(longest_run(x, y) for x in runs_a for y in runs_b) >= RUN_WORDS:
        return True
    flat_a, flat_b = [w for r in runs_a for w in r], [w for r in runs_b for w in r]
    if min(len(flat_a), len(flat_b)) < NEAR_COPY_WORDS:
        return False
    return near_copy(flat_a, flat_b)


def near_copy(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same words in the same order but for a few (``NEAR_COPY`` of both lists matched)."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_COPY


def copied_passages(
    units: Sequence[tuple[Article, int]], texts: Sequence[str]
) -> dict[tuple[str, int], set[str]]:
    """(article, sentence) -> the other publishers that have it as copied text (which copied which is not
    told, and need not be: both are one source). Candidates share a run of ``SHINGLE`` words."""
    copied: dict[tuple[str, int], set[str]] = defaultdict(set)
    keys = [source_key(publisher_of(a) or "") for a, _ in units]
    if len({key for key in keys if key}) < 2:
        return copied  # one publisher (or none known): no pair of two publishers, nothing to look for
    at: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        words = WORD.findall(text.lower())
        for shingle in {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}:
            at[shingle].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in at.values():
        if len(members) < 2 or len(members) > LARGEST_GROUP:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if keys[i] and keys[j] and keys[i] != keys[j]:
                    candidates.add((i, j))

    def join(i: int, j: int) -> None:
        (a, p), (b, q) = units[i], units[j]
        copied[(a.id, p)].add(publisher_of(b) or "")
        copied[(b.id, q)].add(publisher_of(a) or "")

    shared: Counter[tuple[str, str]] = Counter()
    pending: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(candidates):
        a, b = units[i][0], units[j][0]
        pair = (min(a.id, b.id), max(a.id, b.id))
        if copy_proof(texts[i], texts[j]):
            shared[pair] += 1
            join(i, j)
        elif same_words(texts[i], texts[j]) or near_copy(
            WORD.findall(texts[i].lower()), WORD.findall(texts[j].lower())
        ):
            pending[pair].append((i, j))
    for pair, count in shared.items():
        if count >= COPIED_SENTENCES:
            for i, j in pending.get(pair, []):
                join(i, j)
    return copied


# Page furniture that is no assertion: clock times ("7:22 pm EDT"), comment and dateline separators.
FURNITURE = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|GMT|EDT|EST|UTC)|\s\|\s", re.IGNORECASE)


def asserts(text: str) -> bool:
    """A sentence that can carry a claim: enough content words, not a question, not page furniture."""
    return (
        len(content_words(text)) >= MIN_CLAIM_WORDS
        and not text.rstrip().rstrip("'\"\u201d ").endswith("?")
        and not FURNITURE.search(text)
    )


def propositions(
    units: Sequence[tuple[Article, int]], texts: Sequence[str], attributions: Sequence[Attribution]
) -> tuple[list[str], list[int], dict[int, Attribution]]:
    """What each unit states, for paraphrase: the sentence itself and the content of each statement it
    reports ("Assad told Ban *that the operations had stopped*"), with the unit each comes from and the
    attribution of each reported content (by its index)."""
    where = {(a.id, p): i for i, (a, p) in enumerate(units)}
    found = list(texts)
    owner = list(range(len(texts)))
    reported: dict[int, Attribution] = {}
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article].append(attribution)
    for article in {a.id: a for a, _ in units}.values():
        ends = [s.end for s in article.sentences]
        spoken = by_article.get(article.id, [])
        for attribution in spoken:
            unit = where.get((article.id, bisect.bisect_right(ends, attribution.start)))
            content = attribution.content.strip()
            if unit is None or len(content_words(content)) < CLAUSE_WORDS or content == texts[unit]:
                continue
            if reported_inside(attribution, spoken):
                continue  # a statement inside another's: not the sentence's own news (``embedded_cue``)
            reported[len(found)] = attribution
            found.append(content)
            owner.append(unit)
    return found, owner, reported


def reported_inside(attribution: Attribution, spoken: Sequence[Attribution]) -> bool:
    """The attribution's cue lies inside what an earlier cue of its sentence reports: "The administration said
    BP was responding to its order, in which Adm. Watson told the company that 'every effort must be
    expended'" - Watson's words are part of the administration's statement, not a fact the sentence states
    itself. (A source named after it, "..., according to a statement", frames the whole sentence: "Assad told
    the U.N. chief that the operations had stopped, according to a statement" still states what Assad told.)"""
    cue = attribution.cue_start
    if cue is None:
        return False
    return any(
        other is not attribution
        and other.start <= cue < other.end
        and other.cue_start is not None
        and other.cue_start < cue
        for other in spoken
    )


def docs_by_article(articles: Sequence[Article], docs: Sequence[Doc] | None) -> Mapping[str, Doc]:
    if docs is None or len(docs) != len(articles):
        return {}
    return ArticleDocs(articles, docs)


# The piece (``storyline.pieces``) holding the vectors of the statements an article's sentences report.
CONTENT_VECTORS = "reported-content-vectors"


def paraphrase_links(
    units: Sequence[tuple[Article, int]],
    texts: Sequence[str],
    attributions: Sequence[Attribution] = (),
    docs: Mapping[str, Doc] | None = None,
    verbs: KeptMainClauses | None = None,
    articles: Sequence[Article] = (),
    pieces: Pieces = NO_PIECES,
) -> list[tuple[int, int]]:
    """Units of different articles that state the same fact in other words.

    Two propositions (sentences, or the reported content inside them) are one fact when their
    embeddings are close (cosine >= ``PARAPHRASE_COSINE``) *and* the words bear it out: at least
    ``SHARED_WORDS`` content words in common, ``SHARED_RARE`` of them words that few units of the
    collection use (the story's own vocabulary, "Libya" or "no-fly zone", is shared by everything),
    covering ``PARAPHRASE_COVER`` of the shorter one, the same polarity and no different figures.
    Each unit keeps only its best match in another article, and only when that article's unit
    has it as its best match too: one fact, not a chain of looser likenesses.
    """
    import numpy as np

    from ..text.embeddings import embed, embed_kept

    found, owner, reported = propositions(units, texts, attributions)
    if len(found) < 2:
        return []
    framed = reports(units, attributions)
    clauses: dict[int, MainClause] = {}

    def clause(k: int) -> MainClause:
        if k not in clauses:
            article, position = units[owner[k]]
            if verbs is not None:  # the same answers, remembered per article
                clauses[k] = verbs(article, found[k], article.sentences[position].start)
                return clauses[k]
            doc = (docs or {}).get(article.id)
            clauses[k] = (
                main_clause(doc, article, found[k], article.sentences[position].start)
                if doc is not None
                else MainClause()
            )
        return clauses[k]

    sides: dict[int, bool] = {}  # read for the pairs that get this far only

    def side_statement(k: int) -> bool:
        if k not in sides:
            if k not in reported:
                sides[k] = False
            elif verbs is not None:  # the same answers, remembered per article
                sides[k] = verbs.embedded(units[owner[k]][0], reported[k])
            else:
                doc = (docs or {}).get(units[owner[k]][0].id)
                sides[k] = doc is not None and embedded_cue(doc, reported[k])
        return sides[k]

    bags = [frozenset(content_words(t)) for t in found]
    names: dict[int, frozenset[str]] = {}  # read for the pairs that get this far only

    def named(k: int) -> frozenset[str]:
        if k not in names:
            names[k] = name_words(found[k])
        return names[k]

    frequency: Counter[str] = Counter()
    for unit_bag in {owner[i]: bags[i] for i in range(len(texts))}.values():
        frequency.update(unit_bag)
    rare_limit = max(5, len(texts) // 100)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    # the sentences' vectors are the brief's kept ones (``embed``); the reported contents' are kept per article
    vectors = embed(texts)
    if len(found) > len(texts):
        contents = range(len(texts), len(found))
        vectors = np.vstack(
            [
                vectors,
                embed_kept(
                    [found[k] for k in contents],
                    [units[owner[k]][0] for k in contents],
                    pieces,
                    CONTENT_VECTORS,
                ),
            ]
        )
    # only the pairs sharing ``SHARED_RARE`` rare words are scored, each pair's cosine exactly, so the pairs an
    # earlier brief scored are read (``KeptPairs``)
    rare = SharedRare(frozenset(w for w, count in frequency.items() if count > rare_limit), SHARED_RARE)
    for i, j, cosine in similar_pairs(found, vectors, PARAPHRASE_COSINE, rare, articles, pieces):
        a, b = owner[i], owner[j]
        if a == b or units[a][0].id == units[b][0].id:
            continue
        shared = bags[i] & bags[j]
        if len(shared) < SHARED_WORDS or len(shared) / min(len(bags[i]), len(bags[j])) < PARAPHRASE_COVER:
            continue
        if polarity(found[i]) != polarity(found[j]):
            continue
        if not same_main_clause(clause(i), clause(j)):
            continue
        if bool(clause(i).verbs) != bool(clause(j).verbs) and docs:
            continue  # a headline or caption without a verb against a sentence with one: not one statement
        if docs and (i >= len(texts)) != (j >= len(texts)) and not clause(max(i, j)).verbs:
            continue  # a quoted wording without a verb ('"gross negligence or willful misconduct"') is another's
        if len(shared - named(i) - named(j)) < SHARED_WORDS - 1:
            continue  # "Justin Taffinder of New Orleans was not amused" / "..., said Justin Taffinder"
        if i in framed and j in framed and frame_only(framed[i], framed[j]):
            continue  # two quotes of one speaker: "X, a spokeswoman for Y, said" is all they share
        if counted_by_others(found[i], sources(i, framed, reported), found[j], sources(j, framed, reported)):
            continue  # "the Coast Guard said two platforms ..." / "the Minerals Management Service said two ..."
        numbers_i, numbers_j = figures(found[i]), figures(found[j])
        if different_figures(numbers_i, numbers_j) or different_figures(numbers_j, numbers_i):
            continue
        if not same_particulars(found[i], found[j]) or not same_particulars(texts[a], texts[b]):
            continue  # "$12 billion of assets" / "half its stake"
        if not same_week(texts[a], units[a][0], texts[b], units[b][0]):
            continue  # "Holder will meet ... on Tuesday" in May and in August: two meetings
        if not same_days(texts[a], texts[b]):
            continue  # "June 18 - Anadarko says ..." / "July 21 - Anadarko says ...": two events
        if (clause(i).planned or clause(j).planned) and not same_plan_week(units[a][0], units[b][0]):
            continue  # "They will follow it with cement" on 10 May / "Engineers would follow up ..." on 27 May
        if side_statement(i) or side_statement(j):
            continue  # "BP, whose spokesman told reporters that ...": the spokesman's words are not its news
        for here, there in ((a, b), (b, a)):
            key = (here, units[there][0].id)
            if key not in best or best[key][0] < cosine:
                best[key] = (cosine, there)
    links = []
    for (a, _), (cosine, b) in best.items():
        if a < b and best.get((b, units[a][0].id), (0.0, -1))[1] == a:
            links.append((cosine, a, b))
    return [(a, b) for _, a, b in sorted(links, reverse=True)]


NUMBER_WORDS = dict(
    zip(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty thirty forty fifty".split(),
        [str(n) for n in (*range(2, 21), 30, 40, 50)],
        strict=True,
    )
)
QUANTITY = re.compile(
    r"(?<![\w.:/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d:])|\b(" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 14)  # remembered: each candidate pair asks again for its two sentences
def quantities(text: str) -> frozenset[str]:
    """The numbers a text states, in digits or words ("eleven" is 11); years, days of a month ("May 10") and
    clock times aside."""
    numbers: set[str] = set()
    lowered = text.lower()
    for match in QUANTITY.finditer(text):
        digits, word = match.groups()
        if digits is None:
            numbers.add(NUMBER_WORDS[word.lower()])
            continue
        before = lowered[max(0, match.start() - 10) : match.start()].split()
        if re.fullmatch(r"(19|20)\d\d", digits) or (
            before and before[-1].strip(".,").capitalize() in MONTH_NAMES
        ):
            continue
        numbers.add(digits.replace(",", "").removesuffix(".0"))
    return frozenset(numbers)


def same_particulars(a: str, b: str) -> bool:
    """Two wordings can state one fact only if their numbers match: a number stated on one side only
    ("sell up to $12 billion of assets" / "sell half its stake"), or no number in common, makes two
    facts. (Days named are no such test: "as of Tuesday" and "said on Friday" can tell one fact.)"""
    numbers_a, numbers_b = quantities(a), quantities(b)
    return bool(numbers_a) == bool(numbers_b) and (not numbers_a or bool(numbers_a & numbers_b))


WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b")
# A weekday names a day within about a week of the article's publication.
WEEK = 7


def same_week(text_a: str, article_a: Article, text_b: str, article_b: Article) -> bool:
    """Whether two sentences can tell one event by their days: a sentence that names a weekday tells of the
    week around its publication, so another sentence naming a weekday more than a week apart, or published
    more than a week before it, tells of another event."""
    day_a, day_b = article_a.published, article_b.published
    named_a, named_b = bool(WEEKDAY.search(text_a)), bool(WEEKDAY.search(text_b))
    if day_a is None or day_b is None or not (named_a or named_b):
        return True
    if named_a and named_b:
        return abs((day_a - day_b).days) <= WEEK
    if named_a:
        return (day_a - day_b).days <= WEEK
    return (day_b - day_a).days <= WEEK


MONTH = (
    r"(?P<month{n}>(?:Sept\.?|"
    + "|".join(m[:3] + (r"(?:" + m[3:] + r"|\.)?" if len(m) > 3 else "") for m in MONTH_NAMES)
    + r"))"
)
# A day of a month, "April 20", "Aug. 4", "20 April" (a year may follow).
NAMED_DAY = re.compile(
    r"\b(?:"
    + MONTH.format(n=1)
    + r"\s+(?P<day1>[12]?\d|3[01])(?!\d|:)|(?P<day2>[12]?\d|3[01])\s+"
    + MONTH.format(n=2)
    + r"\b)"
)


def named_days(text: str) -> frozenset[tuple[int, int]]:
    """The days of a month a sentence names, as (month, day)."""
    found = set()
    for match in NAMED_DAY.finditer(text):
        month = match.group("month1") or match.group("month2")
        day = match.group("day1") or match.group("day2")
        found.add((MONTHS[month[:3].lower()], int(day)))
    return frozenset(found)


def same_days(a: str, b: str) -> bool:
    """Two sentences that both name days of a month tell one event only if they name one day in common: the
    time each is anchored to differs otherwise ("June 18 - Anadarko says ..." / "July 21 - ...")."""
    days_a, days_b = named_days(a), named_days(b)
    return not days_a or not days_b or bool(days_a & days_b)


def same_plan_week(article_a: Article, article_b: Article) -> bool:
    """A plan or a forecast ("will follow it with cement") is told of the days around its article's
    publication: told in articles more than a week apart, two plans (or a plan and what was done)."""
    day_a, day_b = article_a.published, article_b.published
    return day_a is None or day_b is None or abs((day_a - day_b).days) <= WEEK


CAPITALIZED = re.compile(r"(?<![.!?\"'“]\s)(?<!^)\b[A-Z][\w\-]*")


def name_words(text: str) -> frozenset[str]:
    """Content words of a text that belong to names: capitalized words not opening the text or a
    sentence (people, places and organisations shared by two sentences do not make them one fact)."""
    stripped = text.lstrip(" \"'“‘(")
    return frozenset(content_words(" ".join(CAPITALIZED.findall(stripped))))


def root(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        i = parent[i]
    return i


def split_on_names(groups: list[list[int]], texts: Sequence[str]) -> list[list[int]]:
    """Near-copy groups kept together only where the words outside names are near-copies too (jaccard
    ``PARAPHRASE``): a shared name is not a shared statement."""
    result: list[list[int]] = []
    for group in groups:
        if len(group) < 2:
            result.append(group)
            continue
        bags = {i: frozenset(content_words(texts[i])) - name_words(texts[i]) for i in group}
        parent = {i: i for i in group}

        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if root(parent, a) != root(parent, b) and jaccard(bags[a], bags[b]) >= PARAPHRASE:
                    parent[root(parent, b)] = root(parent, a)
        parts: dict[int, list[int]] = defaultdict(list)
        for i in group:
            parts[root(parent, i)].append(i)
        result.extend(sorted(parts.values()))
    return sorted(result, key=lambda g: g[0])


def split_on_main_clause(
    groups: list[list[int]],
    units: Sequence[tuple[Article, int]],
    texts: Sequence[str],
    docs: Mapping[str, Doc],
    verbs: KeptMainClauses | None = None,
    links: Sequence[tuple[int, int]] = (),
) -> list[list[int]]:
    """Groups carried by several publishers kept together only where every two sentences of different
    articles state one fact in their main clause (``wording.same_main_clause``): "could eclipse" against "has
    already eclipsed", "BP operated the rig" against "the rig was owned and operated by Transocean" are two
    claims, and so is a plan told in articles more than a week apart (``same_plan_week``). Two sentences
    ``links`` joins (``paraphrase_links``, which compares the statements they report on their own main clause)
    stay together: a statement the article reports is its news wherever the sentence tells it ("The move ...
    would come one day after al-Assad told the head of the United Nations that ... operations ... have
    stopped"). (A group of one publisher is not looked at: it confirms nothing across outlets.)"""
    if not docs:
        return groups
    result: list[list[int]] = []
    clauses: dict[int, MainClause] = {}
    linked = {(min(a, b), max(a, b)) for a, b in links}

    def clause(i: int) -> MainClause:
        if i not in clauses:
            article, position = units[i]
            doc = docs.get(article.id)
            start = article.sentences[position].start
            if verbs is not None:  # the same answers, remembered per article
                clauses[i] = verbs(article, texts[i], start)
            else:
                clauses[i] = main_clause(doc, article, texts[i], start) if doc is not None else MainClause()
        return clauses[i]

    for group in groups:
        publishers = {source_key(publisher_of(units[i][0]) or "") for i in group}
        if len(group) < 2 or len(publishers - {""}) < 2:
            result.append(group)
            continue
        parts: list[list[int]] = []
        for i in group:
            for part in parts:
                if all(
                    units[i][0].id == units[k][0].id
                    or (min(i, k), max(i, k)) in linked
                    or (
                        same_main_clause(clause(i), clause(k))
                        and (
                            not (clause(i).planned or clause(k).planned)
                            or same_plan_week(units[i][0], units[k][0])
                        )
                    )
                    for k in part
                ):
                    part.append(i)
                    break
            else:
                parts.append([i])
        result.extend(parts)
    return sorted(result, key=lambda g: g[0])


def merge_paraphrases(
    groups: list[list[int]], links: Sequence[tuple[int, int]], texts: Sequence[str], articles: Sequence[str]
) -> list[list[int]]:
    """The groups joined along the links, complete-linkage: two groups become one claim only when
    every pair of their sentences from different articles is a near-copy or a paraphrase link, so
    no chain of looser likenesses ("no-fly zone" ... "no-fly zone") makes one claim of many facts."""
    linked = {(min(a, b), max(a, b)) for a, b in links}
    bags = [frozenset(content_words(t)) for t in texts]
    members = {g: list(group) for g, group in enumerate(groups)}
    group_of = {member: g for g, group in enumerate(groups) for member in group}

    def agree(a: int, b: int) -> bool:
        return (
            articles[a] == articles[b]
            or (min(a, b), max(a, b)) in linked
            or jaccard(bags[a], bags[b]) >= PARAPHRASE
        )

    for a, b in links:
        g, h = group_of[a], group_of[b]
        if g == h or not all(agree(x, y) for x in members[g] for y in members[h]):
            continue
        keep, gone = min(g, h), max(g, h)
        members[keep].extend(members.pop(gone))
        for member in members[keep]:
            group_of[member] = keep
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def split_by_figures(
    groups: list[list[int]], texts: Sequence[str], units: Sequence[tuple[Article, int]] | None = None
) -> list[list[int]]:
    """Sentences alike but for their figures ("300 soldiers" / "500 soldiers"; "Day 34" / "Day 82"), for a
    negation or denial ("have stopped" / "denied that ... had stopped"), for their week ("A summary of
    events on Tuesday, May 25" / "... Sunday, July 11"), for a forecast of what the other states ("says it
    expects him to be charged" / "is charged", ``forecast_and_fact``) or for their time, told in other words
    months apart by two outlets (``OtherEvents``), are two claims."""
    result: list[list[int]] = []
    apart = OtherEvents(texts, units) if units is not None else None
    for group in groups:
        parts: list[tuple[dict[str, set[str]], list[int]]] = []
        for i in group:
            found = figures(texts[i])
            for held, members in parts:
                first = members[0]
                if (
                    polarity(texts[first]) == polarity(texts[i])
                    and not different_figures(found, held)
                    and not different_figures(held, found)
                    and not different_numbers(texts[first], texts[i])
                    and same_days(texts[first], texts[i])
                    and not forecast_and_fact(texts[first], texts[i])
                    and (units is None or same_week(texts[first], units[first][0], texts[i], units[i][0]))
                    and (apart is None or not any(apart(i, k) for k in members))
                ):
                    members.append(i)
                    for unit, numbers in found.items():
                        held.setdefault(unit, set()).update(numbers)
                    break
            else:
                parts.append(({u: set(n) for u, n in found.items()}, [i]))
        result.extend(members for _, members in parts)
    return result


# Two outlets' members told more than this many days apart (the days their sentences name, or their articles'
# days), sharing less than ``SAME_MATTER`` of their content words, tell two events (``OtherEvents``). From the judged
# multi-outlet claims of audit rounds 12-16: right ones in other words lie up to 41 days apart, the wrong recap pair
# 73; any bar from 45 to 72 parts them, and 60 is their middle (BENCHMARKS.md, "One claim, one event").
APART_DAYS = 60


def sentence_periods(article: Article, position: int) -> list[tuple[dt.date, dt.date]]:
    """The periods a sentence can tell of (first and last day): those its time expressions name ("on April 20",
    "in early May", "last week"), and its article's day (a sentence naming a past day can still tell the news
    of its own: "oil has gushed since April 20")."""
    sentence = article.sentences[position]
    periods = [(article.published, article.published)] if article.published is not None else []
    for timex in article.timexes:
        if sentence.start <= timex.start < sentence.end and (point := event_point(timex)) is not None:
            periods.append((point.start, point.end))
    return periods


def days_between(a: Sequence[tuple[dt.date, dt.date]], b: Sequence[tuple[dt.date, dt.date]]) -> int | None:
    """The fewest days between a period of ``a`` and one of ``b`` (0 when two overlap); None when either has none."""
    if not a or not b:
        return None
    return min(
        max((start_b - end_a).days, (start_a - end_b).days, 0) for start_a, end_a in a for start_b, end_b in b
    )


class OtherEvents:
    """Whether two members tell two events by their time: published by two outlets, told more than ``APART_DAYS``
    apart (no day one names near a day the other names or is published on) in words that overlap less than
    ``SAME_MATTER``. A paraphrase in other words, months apart, is the story's recurring matter (Fox's recap line
    of 4 August, "Oil reportedly begins to wash ashore in Louisiana's wetlands", the first landfall, against
    Reuters' "Sheets of heavy oil have washed ashore in Louisiana's fragile marshlands ..." of 23 May), where a
    fact retold in nearly its words months later ("the agency has been renamed ...") is one claim still. One
    outlet's own retellings are not split: its background told again in other words ("Jackson died at his Los
    Angeles home on 25 June" / "Michael Jackson died while rehearsing for his This Is It tour") is one fact. Each
    member's periods and words are read once."""

    def __init__(self, texts: Sequence[str], units: Sequence[tuple[Article, int]]) -> None:
        self.texts, self.units = texts, units
        self.periods: dict[int, list[tuple[dt.date, dt.date]]] = {}
        self.bags: dict[int, frozenset[str]] = {}

    def __call__(self, i: int, k: int) -> bool:
        publishers = {source_key(publisher_of(self.units[n][0]) or "") for n in (i, k)}
        if len(publishers - {""}) < 2:
            return False  # one outlet retelling its own story in other words: its background, not two events
        for n in (i, k):
            if n not in self.periods:
                self.periods[n] = sentence_periods(*self.units[n])
        gap = days_between(self.periods[i], self.periods[k])
        if gap is None or gap <= APART_DAYS:
            return False
        for n in (i, k):
            if n not in self.bags:
                self.bags[n] = frozenset(content_words(self.texts[n]))
        return jaccard(self.bags[i], self.bags[k]) < SAME_MATTER


# An expectation and the verb it forecasts: "says it expects him to be charged", "is expected to be buried",
# "is likely to resign", "will likely be charged" (after "be", a participle: "is likely to be a contentious
# challenge" forecasts no deed).
FORECAST = re.compile(
    r"\b(?:expects?|expected|expecting|anticipates?|anticipated|likely|unlikely)\s+(?:[\w'-]+\s+){0,2}?to\s+"
    r"(?:be\s+(\w+(?:ed|en))\b|(?!be\b|have\b)([A-Za-z][\w-]*))"
    r"|\b(?:will|would)\s+(?:likely|probably)\s+(?:be\s+(\w+(?:ed|en))\b|(?!be\b)([A-Za-z][\w-]*))",
    re.IGNORECASE,
)
# Words before a verb (past "be", "been") that leave it planned, forecast or possible, not stated.
UNSTATED = frozenset(
    {"will", "would", "shall", "'ll", "to", "could", "may", "might", "should", "must", "can"}
)
PASSIVE_BE = frozenset({"be", "been", "being"})


def verb_stem(word: str) -> str:
    return normalize_token(word).rstrip("e")  # "charged" / "charge"


def forecast_verbs(text: str) -> frozenset[str]:
    """The verbs a sentence forecasts (``FORECAST``), as stems."""
    return frozenset(verb_stem(next(v for v in found if v)) for found in FORECAST.findall(text))


def states(text: str, stem: str) -> bool:
    """The sentence states the verb as done or being done: no "will", "to" or modal before it ("is charged",
    "has been charged"; not "will be charged", "expected to be charged")."""
    words = re.findall(r"'ll|[\w'-]+", text.lower())
    for n, word in enumerate(words):
        if verb_stem(word) != stem:
            continue
        before = [w for w in words[max(0, n - 3) : n] if w not in PASSIVE_BE]
        if not before or before[-1] not in UNSTATED:
            return True
    return False


def forecast_and_fact(a: str, b: str) -> bool:
    """One sentence forecasts what the other states ("Dr Murray's legal team says it expects him to be charged
    with involuntary manslaughter" / "Dr Murray is charged with involuntary manslaughter"): an expectation and
    the deed are two claims, however alike their words. (Not when both forecast it, nor when the forecasting
    sentence states the verb too: "Obama received information ... and is expected to receive updates".)"""

    def forecasts(x: str, y: str) -> bool:
        held = forecast_verbs(y)
        return any(stem not in held and states(y, stem) and not states(x, stem) for stem in forecast_verbs(x))

    return forecasts(a, b) or forecasts(b, a)


# A sentence that does not read alone: it opens on a pronoun ("They argue that ..." does not say who), on a
# conjunction ("But protesters defied all warnings ...") or on a quotation mark (a quote's speaker is elsewhere).
LEANING_OPENING = re.compile(
    r"\W*(?:he|she|they|it|his|her|their|its|but|and)\b|\s*[\"\u201c']", re.IGNORECASE
)


def shown_member(
    group: Sequence[int],
    texts: Sequence[str],
    units: Sequence[tuple[Article, int]],
    speakers_of: SpeakerIndex,
) -> int:
    """The member a claim is shown by: the one that best states what its members share - a plain assertion
    (credited to no speaker, forecasting nothing) before a reported or forecast one ("Dr Murray is charged with
    involuntary manslaughter" before "His legal team says it expects him to be charged ..."), then the one
    whose content words the others share most (summed Jaccard), then the first. A sentence that does not read
    alone (``LEANING_OPENING``) ranks with the reported ones."""
    if len(group) < 2:
        return group[0]
    bags = {i: frozenset(content_words(texts[i])) for i in group}

    def rank(i: int) -> tuple[bool, float]:
        reported = (
            bool(speakers_of.get((units[i][0].id, units[i][1])))
            or bool(forecast_verbs(texts[i]))
            or bool(LEANING_OPENING.match(texts[i]))
        )
        return reported, -sum(jaccard(bags[i], bags[k]) for k in group if k != i)

    return min(group, key=rank)


def different_numbers(a: str, b: str) -> bool:
    """Both state numbers and none in common."""
    numbers_a, numbers_b = quantities(a), quantities(b)
    return bool(numbers_a and numbers_b and not numbers_a & numbers_b)


def first_position(claim: Claim) -> tuple[str, int]:
    citation = claim.citations[0]
    return citation.article, citation.start


def attributed_speakers(members: Sequence[tuple[Article, int]], speakers_of: SpeakerIndex) -> list[str]:
    """Who the sentences' attributions name (the resolved entity when known), in order."""
    speakers: dict[str, None] = {}
    for article, position in members:
        for name in speakers_of.get((article.id, position), []):
            speakers.setdefault(name, None)
    return list(speakers)


SpeakerIndex = dict[tuple[str, int], list[str]]


def speakers_by_sentence(articles: Sequence[Article], attributions: Sequence[Attribution]) -> SpeakerIndex:
    """(article, sentence position) -> the speakers of the attributions that overlap it."""
    index: SpeakerIndex = defaultdict(list)
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article].append(attribution)
    for article in articles:
        ends = [s.end for s in article.sentences]
        for attribution in by_article.get(article.id, []):
            name = speaker_name(attribution)
            if not name:
                continue
            position = bisect.bisect_right(ends, attribution.start)
            while position < len(article.sentences) and article.sentences[position].start < attribution.end:
                index[(article.id, position)].append(name)
                position += 1
    return index


def overlaps(attribution: Attribution, start: int, end: int) -> bool:
    return attribution.start < end and start < attribution.end


# ---------------------------------------------------------------------------------------------
# Contradictions


def figures(text: str) -> dict[str, set[str]]:
    """Numbers by the word they count ("300 soldiers" -> {"soldier": {"300"}})."""
    found: dict[str, set[str]] = defaultdict(set)
    for match in NUMBER.finditer(text):
        number, percent, unit = match.groups()
        if re.fullmatch(r"(19|20)\d\d", number) and not percent:
            continue  # a year, not a quantity
        key = "percent" if percent else (unit or "").lower().rstrip("s")
        if key and key not in NOT_COUNTED:
            found[key].add(number.replace(",", ""))
    return found


def link_contradictions(claims: list[Claim]) -> None:
    """Mark pairs of claims that cannot both hold (in both claims' lists), precision first.

    A contradiction is one of two things, between claims of different articles:

    - **different figures for one quantity**: the same counted word with no number in common
      ("300 soldiers" / "500 soldiers"), in sentences that otherwise say the same (most content
      words shared, embeddings close), published the same day (a toll that grows from day to day is an
      update, not a dispute) by different outlets or named sources (one outlet's two figures of a day
      are its story updated: a share price at noon and at the close, a case count rising);
    - **a dispute**: one side negates or denies what the other asserts in nearly the same words, and
      the two come from different outlets or different named sources.

    A sentence is never set against itself or a copy of itself, nor against its paraphrase.
    Candidates share two words that few claims use, so thousands of claims stay fast.
    """
    from ..text.embeddings import embed

    bags = [frozenset(w for w in content_words(c.text) if not w[0].isdigit()) for c in claims]
    # A bound or an estimate ("more than 2,400", "about 1,600") does not contradict another count.
    numbers = [figures(APPROXIMATE.sub(" ", c.text)) for c in claims]
    negated = [polarity(c.text) for c in claims]
    frequency: Counter[str] = Counter(w for bag in bags for w in bag)
    rare_limit = 30
    index: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for word in bag:
            if frequency[word] <= rare_limit:
                index[word].append(i)
    candidates: list[tuple[int, int]] = []
    for i, bag in enumerate(bags):
        shared: Counter[int] = Counter()
        for word in bag:
            if frequency[word] <= rare_limit:
                shared.update(j for j in index[word] if j > i)
        for j in sorted(j for j, count in shared.items() if count >= 2):
            could = negated[i] != negated[j] or (numbers[i] and numbers[j])
            if could and jaccard(bag, bags[j]) >= SAME_MATTER:
                candidates.append((i, j))
    if not candidates:
        return
    involved = sorted({k for pair in candidates for k in pair})
    row = {k: n for n, k in enumerate(involved)}
    vectors = embed([claims[k].text for k in involved])
    for i, j in candidates:
        a, b = claims[i], claims[j]
        if set(a.articles) & set(b.articles) or normal(a.text) == normal(b.text):
            continue  # one article, or one sentence: never against itself
        cosine = float(vectors[row[i]] @ vectors[row[j]])
        if cosine < SAME_EVENT_COSINE:
            continue
        overlap = jaccard(plain(bags[i]), plain(bags[j]))
        if numbers[i] and numbers[j] and negated[i] == negated[j]:
            if (
                overlap >= SAME_QUANTITY
                and same_day(a, b)
                and different_figures(numbers[i], numbers[j])
                and different_voices(a, b)
            ):
                a.contradicts.append(j)
                b.contradicts.append(i)
        elif (
            negated[i] != negated[j]
            and overlap >= SAME_PROPOSITION
            and different_voices(a, b)
            and denies_shared(a.text if negated[i] else b.text, bags[j] if negated[i] else bags[i])
        ):
            a.contradicts.append(j)
            b.contradicts.append(i)


def denies_shared(negated_text: str, other: frozenset[str]) -> bool:
    """The negation or denial bears on what the other claim says: a content word of the next few
    words after it is one the other claim uses ("No peaceful protesters were fired upon" against
    "Gaddafi fired on peaceful protesters"; not "(required, but will not be displayed)")."""
    words = [w.lower() for w in WORD_OR_NEGATION.findall(negated_text.replace("n't", " n't"))]
    for k, word in enumerate(words):
        if word in NEGATIONS or word in DISPUTE_WORDS:
            for following in words[k + 1 : k + 1 + NEGATION_REACH]:
                if not following[0].isalpha() or following.strip("-") in ("lrb", "rrb"):
                    break  # the negation's reach ends at punctuation or a bracket
                stem = normalize_token(following)
                if stem not in STOPWORDS and stem in other:
                    return True
    return False


def plain(bag: frozenset[str]) -> frozenset[str]:
    """Content words without the negation and denial words (what is asserted or denied)."""
    return frozenset(w for w in bag if w not in NEGATIONS and w not in DISPUTE_STEMS)


def normal(text: str) -> str:
    return " ".join(content_words(text))


def same_day(a: Claim, b: Claim) -> bool:
    """Both claims were published on one day (or a date is unknown on either side)."""
    days_a = {c.published for c in a.citations if c.published}
    days_b = {c.published for c in b.citations if c.published}
    return not days_a or not days_b or bool(days_a & days_b)


def different_voices(a: Claim, b: Claim) -> bool:
    """Different outlets, or different named sources, none of them on both sides: one voice saying two
    things is no dispute ("Egypt's Interior Ministry forbade protests Friday, but some Egyptians went door to
    door" against "... said that no protests will be permitted on Friday, but some Egyptians were going door
    to door": the Egyptians speak on both sides, and the two say the same)."""
    if a.outlets and b.outlets and set(a.outlets) != set(b.outlets):
        return True  # known outlets only: articles of unknown source are not told apart by outlet
    return bool(a.attributed_to) and bool(b.attributed_to) and not set(a.attributed_to) & set(b.attributed_to)


def different_figures(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    return any(unit in b and not (a[unit] & b[unit]) for unit in a)


def disputes(a: Claim, b: Claim, a_negated: bool, b_negated: bool) -> bool:
    """One side negates or disputes, the other asserts, and they come from different sources."""
    if a_negated == b_negated:
        return False
    return set(a.attributed_to) != set(b.attributed_to) or set(a.articles) != set(b.articles)


# ---------------------------------------------------------------------------------------------
# Reported statements: a claim is what is reported, not who reports it


@dataclass(frozen=True)
class Report:
    """What a sentence that reports a statement says outside its frames (the speakers and cues: "X, a
    spokeswoman for Y, said"), as content words, and who it is attributed to (the named or described
    sources; none when a speaker is unresolved)."""

    words: frozenset[str]
    speakers: frozenset[str]


def reports(units: Sequence[tuple[Article, int]], attributions: Sequence[Attribution]) -> dict[int, Report]:
    """The units whose sentence reports a statement (an attribution whose speaker and cue stand in it), by
    unit index, with the sentence's words outside those frames and the statements' sources."""
    where = {(a.id, p): i for i, (a, p) in enumerate(units)}
    # each article's sentence starts once (built per unit, it was every sentence of an article per sentence)
    starts = {a.id: [s.start for s in a.sentences] for a in {a.id: a for a, _ in units}.values()}
    frames: dict[int, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        cue, speaker = attribution.cue_start, attribution.speaker_start
        if cue is None or speaker is None or attribution.article not in starts:
            continue
        position = bisect.bisect_right(starts[attribution.article], cue) - 1
        unit = where.get((attribution.article, position))
        if unit is not None and bisect.bisect_right(starts[attribution.article], speaker) - 1 == position:
            frames[unit].append(attribution)
    found: dict[int, Report] = {}
    for unit, framing in frames.items():
        article, position = units[unit]
        sentence = article.sentences[position]
        spans = sorted(
            (start, end)
            for attribution in framing
            for start, end in (
                (attribution.speaker_start, attribution.speaker_end),
                (attribution.cue_start, attribution.cue_end),
            )
            if start is not None and end is not None
        )
        kept, at = [], sentence.start
        for start, end in spans:
            kept.append(article.text[at : max(at, start)])
            at = max(at, min(end, sentence.end))
        kept.append(article.text[at : sentence.end])
        speakers = frozenset(name for name in map(speaker_name, framing) if name)
        found[unit] = Report(frozenset(content_words(" ".join(kept))), speakers)
    return found


def sources(k: int, framed: Mapping[int, Report], reported: Mapping[int, Attribution]) -> frozenset[str]:
    """Who proposition ``k`` of ``propositions`` is attributed to: a reported content's speaker, or the
    sources of the statements its sentence reports."""
    if k in reported:
        name = speaker_name(reported[k])
        return frozenset({name} if name else ())
    return framed[k].speakers if k in framed else frozenset()


def frame_only(a: Report, b: Report) -> bool:
    """Two statements of one source that share at most one word outside their frames, and less than half of the
    shorter's: "They are going to argue it was less," said Priya Aiyar, the commission's deputy chief counsel /
    "... it's going to be litigated," Priya Aiyar, deputy chief counsel of the commission, said - the frame is
    all they share, and a statement's claim is what it reports."""
    if not a.speakers & b.speakers or a.words == b.words:
        return False
    shared = a.words & b.words
    return len(shared) <= 1 and 2 * len(shared) < min(len(a.words), len(b.words))


def counted_by_others(text_a: str, sources_a: frozenset[str], text_b: str, sources_b: frozenset[str]) -> bool:
    """Two statements of counts attributed to different sources (none on both sides), each with a count the
    other has not: two agencies' tallies are two claims, even of one event ("the Coast Guard said it had shut
    down two platforms and evacuated one of them" / "the Minerals Management Service said two platforms had
    been shut down and a third was evacuated"). One side's extra detail ("almost 200,000 have fled, nearly
    100,000 to Tunisia" / "almost 200,000 have fled", told by the U.N. refugee agency named two ways) is none."""
    if not sources_a or not sources_b or sources_a & sources_b:
        return False
    counts_a, counts_b = counts(text_a), counts(text_b)
    return bool(counts_a - counts_b) and bool(counts_b - counts_a)


COUNT_WORDS = dict(
    zip(
        "one first second third fourth fifth sixth seventh eighth ninth tenth".split(),
        ["1", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
        strict=True,
    )
)
COUNT_WORD = re.compile(r"\b(" + "|".join(COUNT_WORDS) + r")\b", re.IGNORECASE)


def counts(text: str) -> frozenset[str]:
    """The numbers a text states (``quantities``) with "one" and the ordinals of counting ("a third was
    evacuated": the third of them)."""
    return quantities(text) | {COUNT_WORDS[m.group(1).lower()] for m in COUNT_WORD.finditer(text)}


def split_on_reports(
    groups: list[list[int]],
    units: Sequence[tuple[Article, int]],
    texts: Sequence[str],
    attributions: Sequence[Attribution],
    links: Sequence[tuple[int, int]] = (),
) -> list[list[int]]:
    """Groups kept together only where every two sentences of different articles that both report a
    statement have more in common than their frames (``frame_only``) and are not two sources' different counts
    (``counted_by_others``); two sentences ``links`` joins (``paraphrase_links``, which compares the same way)
    stay together."""
    framed = reports(units, attributions)
    linked = {(min(a, b), max(a, b)) for a, b in links}

    def agree(i: int, k: int) -> bool:
        if i not in framed or k not in framed or units[i][0].id == units[k][0].id:
            return True
        if (min(i, k), max(i, k)) in linked:
            return True
        a, b = framed[i], framed[k]
        return not frame_only(a, b) and not counted_by_others(texts[i], a.speakers, texts[k], b.speakers)

    result: list[list[int]] = []
    for group in groups:
        parts: list[list[int]] = []
        for i in group:
            part = next((part for part in parts if all(agree(i, k) for k in part)), None)
            if part is None:
                parts.append([i])
            else:
                part.append(i)
        result.extend(parts)
    return sorted(result, key=lambda g: g[0])
