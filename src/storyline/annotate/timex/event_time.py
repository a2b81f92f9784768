"""Event time: which of a sentence's time expressions dates its main event.

A sentence is about the time of its main event, the predicate at the root of its dependency parse. Its
expressions are taken in this order of preference: the first that hangs from the main clause (the root,
or words that stay in its clause: auxiliaries, prepositions, a coordinated predicate, an infinitive
complement: "agreed on Monday to ..."); with ``speech``, the first of what a verb of saying reports
("Officials said the attack happened on Monday": what was said is the news a timeline places); then the
first of any other clause (TimeBank's annotators mostly date the main event by it: events told together).

Some expressions date no event of the sentence's own and are never taken:

* a bound: "since 1990", "until Thursday", "between 1982 and 1992", "as of Wednesday", or a clause opened by
  such a word — "since the uprising began 16 months ago" dates only the uprising;
* a year or month before a noun that names a thing — "in line with the June 2011 Geneva communiqué".

``main_event_time`` gives the index of the expression that dates the main event, or None when none does
(the sentence's own date is then the article's, for the timeline). The parse is spaCy's
(``storyline.annotate.nlp``): ``choose_in_text`` reads the sentence in its article's own parse when the
caller passes them (``SentenceParses``: the brief's corpus keeps the parses), else parses the sentence given as
text, with a cache.

    >>> # doc = nlp("Fares is the highest-ranking official to defect since the uprising began 16 months ago.")
    >>> # main_event_time(doc[:], [(start, end)])  ->  None
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...text.words import DATING_SPEECH_VERBS, TIME_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...model import Article

__all__ = [
    "UNRESOLVED",
    "SentenceParses",
    "clause_depth",
    "main_event_time",
    "parses_of",
    "timex_head",
]

# Dependency labels that open another clause: what hangs below them is another event.
CLAUSE_LABELS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis", "pcomp"})
# Labels by which a word is put before a noun: "the June 2011 communiqué", "the 1996 law", "Tuesday's vote".
PREMODIFIER_LABELS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
NOUNS = frozenset({"NOUN", "PROPN"})
# Granularities coarser than a day: before a noun, such an expression names the thing ("the 2011 communiqué")
# rather than the day of a recent event ("Sunday's debate", which news links to the main event).
COARSE = frozenset({"month", "season", "quarter", "half", "year", "decade", "century"})
# The granularity given to an expression whose calendar value the article's unknown date leaves open ("about
# midnight Saturday" in an undated article): it can be the main clause's time, so that another clause's year
# ("Ortega, who dropped out of school in 2007, was arrested about midnight Saturday") does not date the
# sentence, and it is never chosen itself (``main_event_time`` gives None instead).
UNRESOLVED = "unresolved"
# Prepositions that make an expression a bound of the event, not its time: "since 1990", "until Thursday",
# "between 1982 and 1992", "as of Wednesday", "by Friday", "before March".
BOUNDS = frozenset(
    {"since", "until", "till", "before", "after", "by", "between", "from", "through", "throughout"}
)


def timex_head(sentence: Span, start: int, end: int) -> Token | None:
    """The syntactic head of the expression at characters ``[start, end)`` of the document: its token
    whose own head lies outside it (the first such token), or None when no token of the sentence is inside."""
    tokens = [t for t in sentence if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def clause_depth(head: Token, *, speech: bool = False, relative: int = 1) -> int:
    """How many clause boundaries lie between the expression whose head is ``head`` and the root of its
    sentence; 0: it hangs from the main clause. A noun on the way is not a boundary: the parser often hangs
    "on Friday" from the nearest noun ("shot in the back on Friday night"). A clause that describes a noun
    (a relative clause: "Ortega, who dropped out in 2007, ...") counts ``relative`` boundaries: with 2, it
    is farther from the main event than a clause of its circumstances ("as he ran ... Saturday")."""
    depth = 0
    token = head
    while token.head.i != token.i:
        parent = token.head
        label = token.dep_
        speech_through = (
            speech and label in ("ccomp", "parataxis") and parent.lemma_.lower() in DATING_SPEECH_VERBS
        )
        if label in CLAUSE_LABELS and not speech_through:
            depth += relative if label in ("relcl", "acl") else 1
        token = parent
    return depth


def names_a_thing(noun: Token) -> bool:
    """Does a year or month before this noun name a thing the sentence refers to ("in line with the June 2011
    communiqué") rather than the time of the main event? Only for a noun that is the object of a preposition
    or an apposition, and not itself a stretch of time: a subject or object shares the main event's time
    ("last year's results were hurt", "third-quarter profit jumped"), and so does "in the 1988 period"."""
    return noun.pos_ in NOUNS and noun.dep_ in ("pobj", "appos") and noun.lemma_.lower() not in TIME_NOUNS


def is_bound(head: Token) -> bool:
    """Is the expression the object of a preposition that makes it a bound ("since 1990", "as of Monday")?"""
    preposition = head.head
    if preposition.i == head.i or not (
        preposition.pos_ in ("ADP", "SCONJ") or preposition.dep_ in ("prep", "mark")
    ):
        return False
    word = preposition.lower_
    if word in BOUNDS:
        return True
    return word == "of" and preposition.head.lower_ == "as"


def excluded(head: Token, *, coarse: bool = False) -> bool:
    """Does the expression only bound an event or name a thing, so that it dates no event of the sentence's
    own: "since 1990", "until Thursday", a clause opened by "since", "until", "before", "after" ("since the
    uprising began 16 months ago"), or (``coarse``) a year or month naming a thing ("the June 2011
    communiqué")?"""
    if is_bound(head):
        return True
    token = head
    while token.head.i != token.i:
        if token.dep_ in CLAUSE_LABELS and any(
            child.dep_ in ("mark", "advmod") and child.lower_ in BOUNDS for child in token.children
        ):
            return True
        if coarse and token.dep_ in PREMODIFIER_LABELS and names_a_thing(token.head):
            return True
        token = token.head
    return False


def main_event_time(
    sentence: Span,
    expressions: Sequence[tuple[int, int]],
    *,
    speech: bool = False,
    granularities: Sequence[str] | None = None,
) -> int | None:
    """The index into ``expressions`` (document character spans of the sentence's time expressions, in
    text order) of the one that dates the sentence's main event, or None when each only bounds an event
    ("since 1990", "since the uprising began 16 months ago") or names a thing ("the June 2011 communiqué").

    Preferred, in order: the first expression of the main clause; with ``speech``, the first of what a verb
    of saying reports; then the first of any other clause ("the boy's father has offered to travel alone
    today"): TimeBank's annotators mostly date the main event by it too, the events being told together.
    """
    heads = [timex_head(sentence, start, end) for start, end in expressions]
    usable = [
        index
        for index, head in enumerate(heads)
        if head is not None
        and not excluded(head, coarse=granularities is not None and granularities[index] in COARSE)
    ]
    unresolved = {i for i in usable if granularities is not None and granularities[i] == UNRESOLVED}
    if unresolved:
        depth = {i: clause_depth(heads[i] or sentence.root, speech=speech, relative=2) for i in usable}
        nearest = {i for i in usable if depth[i] == min(depth.values())}
        if nearest <= unresolved:
            return None  # the main event's time is known only relatively to a date nobody states
    usable = [i for i in usable if i not in unresolved]
    passes: list[bool | None] = [False, True, None] if speech else [False, None]
    for through in passes:
        for index in usable:
            head = heads[index]
            assert head is not None
            if through is None or clause_depth(head, speech=through) == 0:
                return index
    return None


# Parsed choices, by sentence text and expressions: a timeline reads the same sentence again and again
# (copies, re-reading an undated article under several dates), and a parse costs a millisecond or more.
_CHOICES: dict[tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]], int | None] = {}
_CHOICES_LIMIT = 200_000


Item = tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]]


class SentenceParses:
    """The sentences of some articles, each findable by its text in its article's own parse (``docs``, one
    per article, as annotation made them): the parse the article's sentences, entities and speakers come from,
    read at no further cost rather than parsing the sentence again on its own."""

    def __init__(self, articles: Sequence[Article], docs: Sequence[Doc]) -> None:
        self.docs = docs
        self.where: dict[str, tuple[int, int]] = {}
        for position, article in enumerate(articles):
            for sentence in article.sentences:
                self.where.setdefault(article.text[sentence.start : sentence.end], (position, sentence.start))
        self.choices: dict[tuple[Item, bool], int | None] = {}

    def choose(self, key: Item, speech: bool) -> tuple[bool, int | None]:
        """``(True, choice)`` for a sentence of these articles, read in its article's parse; else
        ``(False, None)``."""
        if (key, speech) in self.choices:
            return True, self.choices[key, speech]
        text, spans, grains = key
        found = self.where.get(text)
        if found is None:
            return False, None
        position, start = found
        span = self.docs[position].char_span(start, start + len(text), alignment_mode="expand")
        if span is None or span.start_char != start or span.end_char != start + len(text):
            return False, None
        shifted = [(a + start, b + start) for a, b in spans]
        choice = self.choices[key, speech] = main_event_time(
            span, shifted, speech=speech, granularities=grains
        )
        return True, choice


def parses_of(articles: Sequence[Article], docs: Sequence[Doc] | None) -> SentenceParses | None:
    """The articles' sentences findable in their parses, or None without parses (``docs`` None)."""
    return None if docs is None else SentenceParses(articles, docs)


def choose_in_text(
    text: str,
    expressions: Sequence[tuple[int, int]],
    granularities: Sequence[str],
    *,
    speech: bool = True,
    parses: SentenceParses | None = None,
) -> int | None:
    """``main_event_time`` for a sentence given as text (``expressions`` are character spans into it): read
    in its article's parse when ``parses`` holds it, else parsed here with the project's spaCy
    pipeline (named entities off). With no spaCy model installed, the first expression is taken, as before
    this rule existed."""
    if not expressions:
        return None
    key: Item = (text, tuple(expressions), tuple(granularities))
    if parses is not None:
        found, choice = parses.choose(key, speech)
        if found:
            return choice
    if key not in _CHOICES:
        prepare([key], speech=speech)
    return _CHOICES.get(key, 0)


def prepare(
    items: Sequence[Item],
    *,
    speech: bool = True,
    batch_size: int = 64,
    parses: SentenceParses | None = None,
) -> None:
    """Parse the sentences of ``items`` not chosen yet in batches (``nlp.pipe``: several times faster than
    one sentence at a time) and remember each choice; those ``parses`` holds are read there instead."""
    wanted = list(
        dict.fromkeys(
            item
            for item in items
            if item[1] and item not in _CHOICES and (parses is None or not parses.choose(item, speech)[0])
        )
    )
    if not wanted:
        return
    nlp = parser()
    if nlp is None:
        for item in wanted:
            _CHOICES[item] = 0
        return
    if len(_CHOICES) + len(wanted) > _CHOICES_LIMIT:
        _CHOICES.clear()
    texts = (text for text, _spans, _grains in wanted)
    for item, doc in zip(wanted, nlp.pipe(texts, disable=["ner"], batch_size=batch_size), strict=True):
        # The whole text is one sentence to this rule, whatever the parser's own splits.
        _CHOICES[item] = main_event_time(doc[:], item[1], speech=speech, granularities=item[2])


def parser() -> Any:
    """The spaCy pipeline, or None when no model is installed."""
    from ...errors import StorylineError
    from ..nlp import load_nlp

    try:
        return load_nlp()
    except StorylineError:
        return None
