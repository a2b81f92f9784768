"""Event time: which of a sentence's time expressions dates its main event.

A sentence is about the time of its main event, the predicate at the root of its dependency parse. A
time expression dates that event when it hangs from the main clause: from the root itself, or through
words that stay in the same clause (auxiliaries, prepositions, a coordinated predicate, an infinitive
complement: "agreed on Monday to ...", "plans to visit on Friday"). One that hangs from another clause
dates only that clause's event:

* a relative or adverbial clause — "since the uprising began 16 months ago", "who resigned in June";
* a noun it modifies — "the June 2011 Geneva communiqué", "Tuesday's attack", "talks of last year";
* a clausal complement — "said the vote will be held in May", except when ``speech`` is set and the
  main verb reports speech ("Officials said the attack happened on Monday": the news is what was said,
  and that is what a timeline places).

``main_event_time`` gives the index of the expression that dates the main event, or None when none does
(the sentence's own date is then the article's, for the timeline). ``clause_depth`` tells, for one
expression, how many clause boundaries lie between it and the main predicate. The parse is spaCy's
(``storyline.annotate.nlp``); nothing here loads a model.

    >>> # doc = nlp("Fares is the highest-ranking official to defect since the uprising began 16 months ago.")
    >>> # main_event_time(next(doc.sents), [(start, end)])  ->  None
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["REPORTING", "clause_depth", "main_event_time", "timex_head"]

# Dependency labels that open another clause: what hangs below them is another event.
CLAUSE_LABELS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis", "pcomp"})
# Labels by which a word is put before a noun: "the June 2011 communiqué", "the 1996 law", "Tuesday's vote".
PREMODIFIER_LABELS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
NOUNS = frozenset({"NOUN", "PROPN"})
# Granularities coarser than a day: before a noun, such an expression names the thing ("the 2011 communiqué")
# rather than the day of a recent event ("Sunday's debate", which news links to the main event).
COARSE = frozenset({"month", "season", "quarter", "half", "year", "decade", "century"})
TIME_NOUNS = frozenset("period quarter year month week day season half time session term".split())
# Prepositions that make an expression a bound of the event, not its time: "since 1990", "until Thursday",
# "between 1982 and 1992", "as of Wednesday", "by Friday", "before March".
BOUNDS = frozenset(
    {"since", "until", "till", "before", "after", "by", "between", "from", "through", "throughout"}
)
# Verbs of saying: with ``speech``, what they report is the sentence's news.
REPORTING = frozenset(
    "say tell report announce state add confirm claim insist warn note explain declare reveal "
    "acknowledge admit deny tweet write quote estimate predict".split()
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


def clause_depth(head: Token, *, speech: bool = False, coarse: bool = False) -> int:
    """How many clause boundaries lie between the expression whose head is ``head`` and the root of its
    sentence: another clause, or (for an expression ``coarse`` than a day) a noun it premodifies; 0: it
    dates the main event. A noun reached through a preposition is not a boundary: the parser often hangs
    "on Friday" from the nearest noun ("shot in the back on Friday night")."""
    depth = 0
    token = head
    while token.head.i != token.i:
        parent = token.head
        label = token.dep_
        if label in CLAUSE_LABELS:
            if not (speech and label in ("ccomp", "parataxis") and parent.lemma_.lower() in REPORTING):
                depth += 1
        elif coarse and label in PREMODIFIER_LABELS and names_a_thing(parent):
            depth += 1
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


def main_event_time(
    sentence: Span,
    expressions: Sequence[tuple[int, int]],
    *,
    speech: bool = False,
    granularities: Sequence[str] | None = None,
) -> int | None:
    """The index into ``expressions`` (document character spans of the sentence's time expressions, in
    text order) of the first one that dates the sentence's main event, or None when each bounds it ("since
    1990") or hangs from another clause or (when coarser than a day, by ``granularities``) names a thing.
    """
    heads = [timex_head(sentence, start, end) for start, end in expressions]
    # With ``speech``, what a verb of saying reports is looked at only when nothing dates the saying itself.
    for through in (False, True) if speech else (False,):
        for index, head in enumerate(heads):
            if head is None or is_bound(head):
                continue
            coarse = granularities is not None and granularities[index] in COARSE
            if clause_depth(head, speech=through, coarse=coarse) == 0:
                return index
    return None


# Parsed choices, by sentence text and expressions: a timeline reads the same sentence again and again
# (copies, re-reading an undated article under several dates), and a parse costs a millisecond or more.
_CHOICES: dict[tuple[str, tuple[tuple[int, int], ...], tuple[str, ...]], int | None] = {}
_CHOICES_LIMIT = 200_000


def choose_in_text(
    text: str, expressions: Sequence[tuple[int, int]], granularities: Sequence[str], *, speech: bool = True
) -> int | None:
    """``main_event_time`` for a sentence given as text (``expressions`` are character spans into it),
    parsed here with the project's spaCy pipeline (named entities off). With no spaCy model installed, the
    first expression is taken, as before this rule existed."""
    if not expressions:
        return None
    key = (text, tuple(expressions), tuple(granularities))
    if key in _CHOICES:
        return _CHOICES[key]
    nlp = parser()
    if nlp is None:
        return 0
    doc = nlp(text, disable=["ner"])
    sentence = doc[:]  # the whole text is one sentence to this rule, whatever the parser's splits
    choice = main_event_time(sentence, expressions, speech=speech, granularities=granularities)
    if len(_CHOICES) >= _CHOICES_LIMIT:
        _CHOICES.clear()
    _CHOICES[key] = choice
    return choice


def parser() -> Any:
    """The spaCy pipeline, or None when no model is installed."""
    from ...errors import StorylineError
    from ..nlp import load_nlp

    try:
        return load_nlp()
    except StorylineError:
        return None
