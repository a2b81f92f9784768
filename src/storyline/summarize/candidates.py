"""Candidate sentences: which sentences a summary may say, and every article that carries each one.

A summary sentence must read well on its own, so captions, bylines, headlines glued to the first
sentence, promotional and web-archive boilerplate, lines that speak to the reader ("you" outside
quotes), and fragments (no terminal punctuation, a lower-case start, a truncated caption) are never
candidates; ``eligibility`` says why a sentence is turned away. (Refusing questions, quotes cut open
and pronoun openers as well cost Multi-News ROUGE; they are left to the scorer's features for now.) A dateline ("CAIRO (Reuters) -") is left out of
the candidate and of its citation's span; for a whole story, so is a wire dateline inside the sentence, with the
headline or bullets before it, and a photo's credit run into the sentence ("Reuters BP's embattled boss ...").
A headline glued before a sentence where an opener word shows the seam was given a paragraph of its own in
cleaning (``text.patterns.glue_seams``), where, unterminated, it is no candidate; an
article's first sentence that opens on a headline with no such seam (``headline_glued``: in title case, or in
sentence case before a capitalised small word) is the story summary's to refuse. Sentences that several articles carry in nearly the same words are merged into one
candidate that remembers every occurrence, so the summary says the fact once and cites them all.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article, Sentence
from ..pieces import NO_PIECES, Pieces
from ..text.patterns import (
    AGENCY_DATELINE,
    BYLINE,
    CAPTION_DATE_END,
    DANGLING_OPENER,
    DATELINE,
    NOT_NEWS,
    PHOTO_CREDIT,
    caption_sentence,
)
from ..text.similarity import STOPWORDS, content_words, near_duplicate_groups

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Sentences shorter than this (in words) are too thin to stand alone in a summary.
MIN_WORDS = 5
# Longer "sentences" are almost always paragraphs or lists the splitter could not break.
MAX_WORDS = 90
# Jaccard similarity of content words at which two sentences count as the same sentence.
DUPLICATE_THRESHOLD = 0.6
# Most candidates one summary weighs: the similarity matrix grows with the square (2,000 = 32 MB).
MAX_CANDIDATES = 2000


# A sentence that opens with a pronoun (or "But they", "And it") refers back to something the summary
# may not say: it cannot stand alone (``text.patterns.DANGLING_OPENER``).
QUOTE_CHARS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb"}


# A sentence ends with ., ! or ?, possibly followed by closing quotes or a bracket.
TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")
# A sentence starts with a capital, a digit, or an opening quote or bracket before one of them.
INITIAL = re.compile(r"^[\"'“‘(\[]?[A-Z0-9]")
ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’)]*$")
# Two sentences run together without a space ("al-Assad.On Tuesday"), as scraped text often has.
RUN_TOGETHER = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")
# A headline in title case glued before the sentence: four or more capitalised words, then a
# capitalised word that usually opens a sentence.
HEADLINE_PREFIX = re.compile(
    r"^(?:[A-Z][\w'’\-]*,?\s+){3,}(?:The|A|An|He|She|It|They|We|I|This|That)\s+[a-z]"
)
# A caption in the wire style: "Clinton speaks at a press conference in Phnom Penh, July 12, 2012."
DATED_CAPTION = CAPTION_DATE_END
# A writer's credit in a sentence's place (a byline alone is ``text.patterns.BYLINE``'s): "Written by ...",
# "Updated 5:01 p.m.", "... contributed to this report", "reached at ...", "Jane Doe is a reporter for ...".
CREDIT = re.compile(
    r"""
    ^(?:Written|Posted|Reporting|Editing|Story|Additional\ reporting)\ by\s
    | ^(?:Updated|Published|Last\ updated)\b
    | \bcontributed\ (?:to\ )?(?:this\ )?report
    | \b(?:can|may)\ be\ (?:reached|contacted)\ at\b | [\w.+-]+@[\w-]+\.[\w.]+
    | ^[A-Z][a-z]+\ [A-Z][a-z]+\ is\ an?\ [^.]{0,60}(?:reporter|writer|correspondent|editor|columnist)\b.*(?:for|at)\b
    """,
    re.VERBOSE,
)
# Promotion, sharing prompts and web-archive notices that scraped pages carry around the story.
BOILERPLATE = re.compile(
    r"""
    \b(?:sign\ up|subscribe\ (?:to|for|now)|unsubscribe|newsletter|click\ (?:here|through)|follow\ (?:us|him|her|me|them)\ on
    | (?:like|find)\ us\ on\ facebook|all\ rights\ reserved|copyright\ \d{4}|editor'?s\ note|read\ more\b|related\ coverage
    | add\ location\ information\ to\ your\ tweets|tweet\ location\ history|add\ [^.]{1,40}\ as\ an\ interest
    | internet\ archive|wayback\ machine|crawl\ data|these\ crawls|no\ more\ 404|broken\ links\ on\ the\ web
    | this\ (?:material|article)\ may\ not\ be\ published|javascript|cookies?\ (?:policy|settings)|privacy\ policy
    | terms\ of\ (?:use|service)|could\ not\ be\ loaded|advertisement|share\ this\ (?:story|article)|breaking\ news\ (?:emails|alerts))
    """,
    re.VERBOSE | re.IGNORECASE,
)


# Lines that speak to the reader: "Share your thoughts ...", "Of course, you can always comment ...", "Click on
# the cards below ...": outside quotation marks, a news sentence does not say "you" (nor "tell us").
READER_ADDRESS = re.compile(
    r"\b(?:you|your|yours|yourself|tell us|let us know|send us|email us|click on)\b", re.IGNORECASE
)
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")

# Every match of CREDIT and BOILERPLATE contains one of these (lower-cased) words.
CREDIT_WORDS = ("by", "updated", "published", "contributed", "reached", "contacted", "@", " is a")
BOILERPLATE_WORDS = (
    "sign up",
    "subscribe",
    "newsletter",
    "click",
    "follow",
    "facebook",
    "rights reserved",
    "copyright",
    "editor",
    "read more",
    "related coverage",
    "location",
    "interest",
    "archive",
    "wayback",
    "crawl",
    "404",
    "broken links",
    "may not be published",
    "javascript",
    "cookie",
    "privacy",
    "terms of",
    "could not be loaded",
    "advertisement",
    "share this",
    "breaking news",
)


def word_count(text: str) -> int:
    """Words as a reader counts them (and as the ``--words`` budget does): runs of non-space."""
    return len(text.split())


def eligibility(text: str, paragraph_sentences: int = 2) -> str | None:
    """Why a sentence may not appear in a summary (a short reason), or None when it may.

    ``paragraph_sentences`` is the number of sentences in its paragraph: a dated wire caption
    ("..., July 12, 2012.") is only taken for one when it stands alone.
    """
    words = word_count(text)
    if words < MIN_WORDS:
        return "fragment:short"
    if words > MAX_WORDS:
        return "fragment:overlong"
    if not TERMINAL.search(text):
        return "fragment:unterminated"
    if ELLIPSIS_END.search(text):
        return "fragment:truncated"
    if not INITIAL.search(text):
        return "fragment:lowercase-start"
    if open_quote(text):
        return "fragment:open-quote"  # part of a quote that spans sentences: whole or not at all
    if open_bracket(text):
        return "fragment:open-bracket"  # split inside brackets: "BP plc (BP.", "L) oil spill ..."
    if caption_sentence(text):
        return "caption"
    if paragraph_sentences == 1 and DATED_CAPTION.search(text) and not re.search(r"\bsa(?:id|ys)\b", text):
        return "caption"
    lowered = text.lower()
    # The patterns below are slow on long sentences; a cheap look for their key words comes first.
    if BYLINE.match(text) or any(word in lowered for word in CREDIT_WORDS) and CREDIT.search(text):
        return "byline"
    if any(word in lowered for word in BOILERPLATE_WORDS) and BOILERPLATE.search(text):
        return "boilerplate"
    if NOT_NEWS.search(text):
        return "boilerplate"  # an update notice, a comment header, a tweet's signature
    if RUN_TOGETHER.search(text) or HEADLINE_PREFIX.search(text):
        return "headline-glued"
    if READER_ADDRESS.search(QUOTED.sub(" ", text)):
        return "reader-address"
    if DANGLING_OPENER.search(text):
        return "dangling:pronoun"
    return None


def open_quote(text: str) -> bool:
    """The sentence opens a quote it does not close, or closes one it did not open."""
    if text.count('"') % 2 == 1:
        return True
    return any(
        text.count(opening) != text.count(closing)
        for opening, closing in QUOTE_CHARS.items()
        if opening != '"'
    )


def open_bracket(text: str) -> bool:
    """The sentence opens a bracket it does not close, or closes one it did not open."""
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def without_dateline(text: str) -> int:
    """How many leading characters are a dateline ("CAIRO (Reuters) - ", "PHNOM PENH — "), else 0; a page's
    own dateline before the agency's ("WASHINGTON -- WASHINGTON (AP) -- ") is cut with it."""
    cut = 0
    while (match := DATELINE.match(rest := text[cut:])) is not None and INITIAL.search(
        rest[match.end() :].lstrip()
    ):
        cut = len(text) - len(rest[match.end() :].lstrip())
    return cut


def glued_before(text: str) -> int:
    """How many leading characters come before the sentence after a wire dateline inside it ("No secret talks,
    says rebel council * Report denied BENGHAZI, Libya, Aug 16 (Reuters) - Libya's ...") or after a photo's credit
    (``PHOTO_CREDIT``; with a dateline after it, "AP NEW ORLEANS -- Oil from ..."), else 0."""
    match = AGENCY_DATELINE.search(text) or PHOTO_CREDIT.match(text)
    if match is None:
        return 0
    cut = match.end() + without_dateline(text[match.end() :])
    return cut if word_count(text[cut:]) >= MIN_WORDS else 0


@dataclass(frozen=True)
class Occurrence:
    """One place a candidate sentence occurs: an article (index into ``Pool.articles``) and its sentence."""

    article: int
    sentence: Sentence


@dataclass
class Candidate:
    """A sentence the summary may say, with every occurrence of it (near-duplicates included).

    The first occurrence is the one quoted; ``words`` are its content words (see
    ``storyline.text.similarity.content_words``) and ``length`` its word count.
    """

    text: str
    occurrences: list[Occurrence]
    words: list[str]
    length: int

    @property
    def first(self) -> Occurrence:
        return self.occurrences[0]

    @property
    def articles(self) -> list[int]:
        """Indices of the articles that carry this sentence, each once, in order."""
        return list(dict.fromkeys(o.article for o in self.occurrences))


@dataclass
class Pool:
    """The candidates of one set of articles, and the sentences turned away (with the reason); ``docs``, the
    articles' parses in order when the summary was given them (``verbs.finite_candidates`` reads them)."""

    articles: list[Article]
    candidates: list[Candidate]
    rejected: list[tuple[Occurrence, str]] = field(default_factory=list)
    docs: Sequence[Doc] | None = None


def paragraph_sizes(article: Article) -> dict[int, int]:
    sizes: dict[int, int] = {}
    for sentence in article.sentences:
        sizes[sentence.paragraph] = sizes.get(sentence.paragraph, 0) + 1
    return sizes


# An article's part of the pool, kept per article (``storyline.pieces``): for each of its sentences, the
# characters cut before it (a dateline, a glued headline) and why it is no candidate (None: it is one).
SENTENCE_CHOICES = list[tuple[int, str | None]]


def sentence_choices(article: Article, cut_glued: bool = False) -> list[tuple[int, str | None]]:
    sizes = paragraph_sizes(article)
    found: list[tuple[int, str | None]] = []
    for sentence in article.sentences:
        text = article.sentence_text(sentence)
        cut = without_dateline(text) or (glued_before(text) if cut_glued else 0)
        found.append((cut or 0, eligibility(text[cut:] if cut else text, sizes.get(sentence.paragraph, 1))))
    return found


# Small words a headline in title case leaves in lower case ("Obama Blueprint Deepens Federal Role in Markets").
TITLE_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or over the to up vs with after amid".split()
)
# How many of a title-case run's words must be ones the article otherwise writes only in lower case.
TITLE_COMMON_WORDS = 3
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# A headline, caption or byline in sentence case glued before the first sentence leaves a capitalised small word
# inside it, after a word and before a word in lower case ("First death of swine flu patient in UK For the first
# time ...", "Newsbeat US reporter in Los Angeles It had just gone 11am ...", "By the CNN Wire Staff Now that ..."):
# not after another capitalised small word ("his This Is It tour"), nor before "and", "or" or "of" ("This Just In
# and ..."), nor "I", which is always capitalised ('... a degree in geology I may have done better').
SMALL_WORD_SEAM = re.compile(
    r"(?<![\w’'])([\w’']+)\s+(?=(?:"
    + "|".join(sorted(w.capitalize() for w in STOPWORDS if w.isalpha() and w != "i"))
    + r")\s+(?!(?:and|or|of)\b)[a-z])"
)


def headline_glued(text: str, rest: str) -> bool:
    """A headline glued before an article's first sentence, where no stop or opener word shows the seam: in
    sentence case, a capitalised small word inside the sentence (``SMALL_WORD_SEAM``), or in title case ("Obama
    Blueprint Deepens Federal Role in Markets President Obama is expected to ...", "Massive Oil Spill Washes Ashore
    in the Gulf Millions of gallons ..."): the sentence opens on a run of capitalised words (small words in lower
    case allowed) and at least ``TITLE_COMMON_WORDS`` of them, after the first, are words the rest of the article
    (``rest``) writes in lower case and never capitalises inside a sentence: "blueprint", "role", "markets" are a
    headline's; names and titles ("Treasury Secretary Henry Paulson", "Federal Reserve Chairman Ben Bernanke") are
    capitalised in the body too. Where the sentence starts cannot be told from the words ("Markets President
    Obama"), so the story summary does not say the sentence rather than cut it (``story.opens_on_headline``)."""
    if any(
        match.group(1)[0].islower() or match.group(1).lower() not in STOPWORDS
        for match in SMALL_WORD_SEAM.finditer(text)
    ):
        return True
    run: list[str] = []
    for token in text.split():
        word = token.strip("\"'“”‘’(),:;")
        if not word or not (word[0].isupper() or word in TITLE_SMALL_WORDS):
            break
        run.append(word)
    capitalised = [w for w in run[1:] if w[0].isupper() and WORD.fullmatch(w)]
    if len(capitalised) < TITLE_COMMON_WORDS - 1 or len(run) == len(text.split()):
        return False
    lower: set[str] = set()
    inside_capitalised: set[str] = set()
    for line in rest.splitlines():
        for match in WORD.finditer(line):
            word = match.group()
            if word[0].islower():
                lower.add(word)
            elif match.start() > 0 and not re.search(r"[.!?][\"'”’)]*\s*$", line[: match.start()]):
                inside_capitalised.add(word.lower())
    common = [w for w in capitalised if w.lower() in lower and w.lower() not in inside_capitalised]
    # three such words, or two among a long run where they are not lost among names ("Obama Blueprint Deepens
    # Federal Role in Markets President Obama"; not "Treasury Secretary Timothy F. Geithner and Federal Reserve
    # Chairman Ben S. Bernanke")
    return len(common) >= TITLE_COMMON_WORDS or (
        len(common) == TITLE_COMMON_WORDS - 1
        and len(capitalised) >= 5
        and len(common) / len(capitalised) > 0.25
    )


def build_pool(articles: Sequence[Article], cut_glued: bool = False, pieces: Pieces = NO_PIECES) -> Pool:
    """Every eligible sentence of ``articles``, near-duplicates merged into one candidate.

    ``cut_glued`` leaves a wire dateline inside a sentence, and what a scraper glued before it, or a photo's credit
    run into the sentence, out of the candidate (``glued_before``): done for a whole story, where hundreds of scraped
    pages glue them; on Multi-News clusters it cost ROUGE (the learned scorer was trained on the sentences as they are).

    Articles must be annotated (``Article.sentences`` filled). Within a group of near-duplicates the
    occurrence quoted is the one from the earliest article in the given order. Each article's part
    (``sentence_choices``) is kept in ``pieces``.
    """
    occurrences: list[Occurrence] = []
    texts: list[str] = []
    rejected: list[tuple[Occurrence, str]] = []
    for index, article in enumerate(articles):
        choices = pieces.piece(
            "summary-sentences",
            article,
            SENTENCE_CHOICES,
            functools.partial(sentence_choices, article, cut_glued),
            extra=f"cut_glued={cut_glued}",
        )
        for sentence, (cut, reason) in zip(article.sentences, choices, strict=True):
            text = article.sentence_text(sentence)
            if cut:  # the summary says (and cites) the sentence after its dateline or glued headline
                text = text[cut:]
                sentence = dataclasses.replace(sentence, start=sentence.start + cut)
            occurrence = Occurrence(index, sentence)
            if reason is None:
                occurrences.append(occurrence)
                texts.append(text)
            else:
                rejected.append((occurrence, reason))
    # Exact copies first (``near_duplicate_groups`` leaves very short texts alone), then near-copies.
    exact: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        exact.setdefault(" ".join(text.split()), []).append(i)
    unique = list(exact.values())
    candidates = []
    # the pairs an earlier brief of some of these articles linked are read, not looked for again (``KeptPairs``)
    distinct = [texts[g[0]] for g in unique]
    near = near_duplicate_groups(
        distinct, DUPLICATE_THRESHOLD, articles=articles, pieces=pieces, name="summary-near-copy-pairs"
    )
    for group in near:
        members = sorted(i for u in group for i in unique[u])
        text = texts[members[0]]
        candidates.append(
            Candidate(
                text=text,
                occurrences=[occurrences[i] for i in members],
                words=content_words(text),
                length=word_count(text),
            )
        )
    return Pool(articles=list(articles), candidates=candidates, rejected=rejected)


def limit_candidates(pool: Pool, limit: int = MAX_CANDIDATES) -> Pool:
    """Keep at most ``limit`` candidates: every article's first sentences, round robin.

    News puts what matters first, so when thousands of articles are summarized at once the
    sentences deep in each article are the ones to leave out; the order of candidates is kept.
    """
    if len(pool.candidates) <= limit:
        return pool
    depth = [min(o.sentence.index for o in c.occurrences) for c in pool.candidates]
    # Rank of each candidate within its article, then take rank 0 of every article, rank 1, ...
    by_article: dict[int, list[int]] = {}
    for i in sorted(range(len(depth)), key=lambda i: depth[i]):
        by_article.setdefault(pool.candidates[i].first.article, []).append(i)
    ranked = sorted(
        ((rank, article, i) for article, members in by_article.items() for rank, i in enumerate(members))
    )
    kept = sorted(i for _rank, _article, i in ranked[:limit])
    return dataclasses.replace(pool, candidates=[pool.candidates[i] for i in kept])
