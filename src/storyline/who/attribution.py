"""Who said what: direct quotes and reported speech, with speaker, cue and content spans.

An attribution has three parts (the PolNeAR scheme): the *source* (speaker), the *cue* (the verb
or phrase that marks the attribution: "said", "told", "according to", "urged", "believes") and
the *content* (what is attributed). They are found on spaCy's dependency parse:

1. **Cues.** Every verb is scored by the cue model (``storyline.who.cues``: a logistic regression
   over the verb's lemma and syntactic frame, fitted on PolNeAR's training split); "according to"
   is a cue of its own. A verb inside a quotation is not a cue of the quoting sentence.
2. **Content.** The cue's complements (clausal complement, object, infinitive, ...), as one span;
   for "according to X" the clause it modifies. A content span that reaches into a quotation is
   widened to the whole quotation, so a quote the parser split into two sentences stays whole.
3. **Speaker.** The cue's subject (the agent of a passive cue; the subject of the governing verb
   for a cue without one, as in "and added"). Pronouns and definite descriptions ("the official")
   resolve to the speaker they refer back to ("she" never to a person the story's articles together
   show to be a man: ``who.genders``); anonymous sources ("a senior U.S. official") keep
   their description and are flagged ``anonymous``.
4. **Quotes without a cue in their clause** take the nearest reporting verb with a subject in the
   same or the next sentence; a quoted paragraph right after a quote continues that speaker.

Quotation marks are paired within a paragraph: a quote whose closing mark is missing ends at the
end of its paragraph, so it never swallows the article's other quotes.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Attribution, Entity
from ..pieces import NO_PIECES, Pieces
from ..text import patterns
from ..text.dates import MONTHS, WEEKDAYS
from ..text.patterns import AGENCY_DATELINE, CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTE
from ..text.words import FINITE_TAGS, SAYING_VERBS, TIME_NOUNS
from .cues import (
    ASKING_VERBS,
    INFINITIVE_CONTENT_VERBS,
    QUOTATION_ONLY_VERBS,
    QUOTE_CUE_LEMMAS,
    SAYING_HEADS,
    SPEECH_LEXICON,
    CueScorer,
    load_cue_model,
    not_said,
)
from .entities import country_of_word
from .genders import (
    FEMININE,
    MASCULINE,
    NO_STORY,
    StoryGenders,
    Votes,
    article_votes,
    decided,
    name_votes,
    noun_gender,
)
from .names import (
    AGENT_SUFFIXES,
    ANONYMOUS_HEADS,
    CONJUNCTIONS,
    GENDERED_NOUNS,
    ONE_PERSON_NOUNS,
    PERSON_HEADS,
    PLACE_NOUNS,
    QUOTE_TOKENS,
    TITLE_ABBREVIATIONS,
    headline_verb,
    name_problem,
    tidy_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Children of a cue that are never part of what is attributed.
NOT_CONTENT_DEPS = {
    "nsubj",
    "nsubjpass",
    "csubj",
    "agent",
    "aux",
    "auxpass",
    "neg",
    "advmod",
    "npadvmod",
    "punct",
    "cc",
    "conj",
    "mark",
    "prt",
    "expl",
    "intj",
    "dep",
    "meta",
    "preconj",
    "case",
    "advcl",
    "relcl",
    "acl",
    "appos",
}
# Complements that carry the attributed content.
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "pcomp", "prep", "dative", "parataxis"}
# Preposition heads that introduce time, place or manner rather than content ("said on Tuesday").
CIRCUMSTANCE_PREPS = {
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "since",
    "until",
    "from",
    "by",
    "with",
    "via",
}

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
PERSONAL = frozenset({"he", "she"})
RELATIVE_PRONOUNS = {"who", "which", "that"}
NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
MIN_QUOTE_WORDS = 3
# Lower-case words that belong to a name ("Bashar al-Assad", "Ludwig van Beethoven").
NAME_PARTICLES = {"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "der", "la", "le"}


@dataclass(frozen=True)
class Region:
    """A quotation: ``[start, end)`` with its marks; ``closed`` is False when its closing mark is missing."""

    start: int
    end: int
    closed: bool = True


def quotation_regions(text: str) -> list[Region]:
    """Quotations in the text, paired left to right within each paragraph.

    A quotation opens with an opening or straight mark and closes at the next closing or straight
    mark. A mark left open closes at the end of its line, so one missing mark never swallows the
    article's other quotes. The Penn Treebank's marks (````` opens, ``''`` closes, as in research
    corpora that were tokenized) count as the curly ones they stand for.
    """
    regions: list[Region] = []
    opened: int | None = None
    opened_by = ""
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        width = 1
        if ch == "`" and text.startswith("``", i):
            ch, width = OPENING_QUOTES[0], 2
        elif ch == "'" and text.startswith("''", i):
            ch, width = CLOSING_QUOTES[0], 2
        if ch == "\n":
            if opened is not None:
                close = continuation_close(text, i)
                if close is not None:
                    # the quotation goes on in the next paragraph and closes there ('"There was a chance ...
                    # [paragraph] But now it is going to be difficult," a diplomat said.'): one quotation
                    regions.append(Region(opened, close))
                    opened, i, width = None, close, 0
                else:
                    regions.append(Region(opened, i, closed=False))
                    opened = None
        elif opened is None:
            if ch in OPENING_QUOTES or ch == STRAIGHT_QUOTE and not closing_look(text, i):
                opened, opened_by = i, ch
        elif ch in CLOSING_QUOTES or ch == STRAIGHT_QUOTE:
            # Either kind closes either kind: sloppy copy mixes them ("..." opened straight, closed curly).
            regions.append(Region(opened, i + width))
            opened = None
        elif ch in OPENING_QUOTES and opened_by != STRAIGHT_QUOTE and text[opened + 1 : i].strip("` "):
            # A second opening mark: the first was never closed (or was a closing mark typed wrong).
            regions.append(Region(opened, i, closed=False))
            opened, opened_by = i, ch
        i += width
    if opened is not None:
        regions.append(Region(opened, len(text), closed=False))
    return [r for r in regions if r.end - r.start > 2]


def closing_look(text: str, i: int) -> bool:
    """A straight mark that can only close: after a word or stop and before a space or the line's end
    ('... operations," a diplomat said')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return not before.isspace() and before not in "([{:" and (after.isspace() or after in ".,;:!?)")


def continuation_close(text: str, newline: int) -> int | None:
    """Where a quotation left open at a paragraph's end closes in the next paragraph: the next non-blank
    line holds a closing mark before any opening one (the wire style that leaves the first paragraph of a
    quote open and writes no mark at the start of the next); None otherwise."""
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    end = text.find("\n", j)
    end = len(text) if end < 0 else end
    for k in range(j, end):
        ch = text[k]
        if ch in CLOSING_QUOTES or ch == "'" and text.startswith("''", k):
            return k + (2 if ch == "'" else 1)
        if ch == STRAIGHT_QUOTE:
            return k + 1 if closing_look(text, k) else None
        if ch in OPENING_QUOTES or ch == "`" and text.startswith("``", k):
            return None
    return None


class RegionIndex:
    """Which quotation (if any) holds a character offset, in O(log n)."""

    def __init__(self, regions: Sequence[Region], text: str = "") -> None:
        self.text = text
        self.regions = sorted(regions, key=lambda r: r.start)
        self.starts = [r.start for r in self.regions]

    def at(self, offset: int) -> Region | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.regions[i].start <= offset < self.regions[i].end:
            return self.regions[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Region]:
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        found = []
        while i < len(self.regions) and self.regions[i].start < end:
            if self.regions[i].end > start:
                found.append(self.regions[i])
            i += 1
        return found

    def quoted_share(self, text: str, start: int, end: int) -> float:
        """The share of the words of ``text[start:end]`` that lie inside quotations."""
        words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]
        if not words:
            return 0.0
        inside = 0
        for ws, we in words:
            region = self.at(ws)
            if region is not None and we <= region.end:
                inside += 1
        return inside / len(words)


def find_attributions(
    articles: Sequence[Article],
    docs: Sequence[Doc] | None = None,
    roster: Sequence[Entity] | None = None,
    pieces: Pieces = NO_PIECES,
) -> list[Attribution]:
    """Every attribution of every article, in text order (articles are read, never written).

    ``docs`` are the articles' spaCy parses when the caller has them (``annotate_docs``); without
    them the articles are parsed here, in batches. With a ``roster`` (``build_roster``), each
    resolved speaker is linked to its entry (``speaker_entity_id``). The articles are one story: whom
    "he" and "she" can stand for is read from all of them (``who.genders``).
    """
    if docs is None:
        from ..annotate.nlp import parse_articles

        docs = parse_articles(articles)
    if len(docs) != len(articles):
        raise ValueError(f"{len(articles)} articles but {len(docs)} parses")
    model = load_cue_model()
    found: list[Attribution] = []
    parses = docs

    def votes(i: int) -> Votes:
        return NameIndex(parses[i]).full_name_votes()

    # who "he" and "she" can be is read across the story: its people's genders from every article's votes
    voted = [
        pieces.piece("gender-votes", a, Votes, functools.partial(votes, i)) for i, a in enumerate(articles)
    ]
    story = StoryGenders.of(voted)

    def one(i: int, known: StoryGenders) -> list[Attribution]:
        return attributions_in(articles[i], parses[i], model, known)

    for i, article in enumerate(articles):
        # one article's attributions depend on it and on the story's genders of the people it names alone:
        # kept per article in ``pieces`` under those genders, so a story brief after new articles reads the
        # others' (and their parses are not even loaded) unless the new ones change what a name's gender is
        known = story.about(voted[i])
        found.extend(
            pieces.piece(
                "attributions", article, list[Attribution], functools.partial(one, i, known), known.key()
            )
        )
    if roster is not None:
        from .entities import link_speakers

        found = link_speakers(found, roster)
    return found


# ---------------------------------------------------------------------------------------------
# One article


@dataclass
class Draft:
    """An attribution being built: token-level pieces before they become offsets."""

    cue: Token | None
    cue_start: int | None
    cue_end: int | None
    speaker: Span | None
    content_start: int
    content_end: int


def attributions_in(
    article: Article, doc: Doc, model: CueScorer, story: StoryGenders = NO_STORY
) -> list[Attribution]:
    """The attributions of one article, from its parse; ``story`` is the story's genders of its people."""
    # The article's text, not Doc.text (which joins every token again each time it is read); the
    # parse covers the text from its start, so offsets agree.
    text = article.text
    regions = quotation_regions(text)
    index = RegionIndex(regions, text)
    drafts: list[Draft] = []
    claimed: list[tuple[int, int]] = []
    for token in cue_candidates(doc):
        draft = draft_from_cue(token, doc, index, model)
        if draft is None:
            continue
        drafts.append(draft)
        claimed.append((draft.content_start, draft.content_end))
    drafts.sort(key=lambda d: (d.content_start, d.content_end))
    stop_quotes_at_other_cues(text, drafts, index)
    start_after_framing_colon(text, drafts, index)
    extend_with_following_quotes(text, drafts, regions, index)
    claimed = [(d.content_start, d.content_end) for d in drafts]
    drafts.extend(drafts_for_lone_quotes(doc, text, regions, index, claimed, drafts))
    for draft in drafts:
        draft.content_start, draft.content_end = without_asides(
            text, draft.content_start, draft.content_end, index
        )
    drafts.sort(key=lambda d: (d.content_start, d.content_end))
    names = NameIndex(doc, story)
    return [
        attribution
        for attribution in (to_attribution(article, text, names, d, index, drafts) for d in drafts)
        if attribution is not None
    ]


# A bracketed aside left open at the end of a content span (the parse drops its closing bracket).
TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)?\s*$")
# What sets off a writer's aside after a quotation: a bracket or a dash.
ASIDE_OPENER = re.compile(r"\s*(?:\(|--|[\u2013\u2014]|-\s)")


# The closing marks of a quotation, and a prepositional phrase after one that says where or how it was said.
CLOSING_MARKS = "\"'`\u201d\u2019\u00bb"
NARRATED_CIRCUMSTANCE = re.compile(r"\s*(?:in|on|at|during|via|through|from)\s")


def without_asides(text: str, start: int, end: int, index: RegionIndex) -> tuple[int, int]:
    """What was said, without what the page or the writer put around it.

    - A wire page's headline bullets and byline glued before its dateline ("* Condition of oil export
      terminals still unclear By David Sheppard NEW YORK, Aug 23 (Reuters) - Limited Libyan oil production
      ...") are not part of the statement: it starts after the dateline.
    - A writer's aside in brackets after the statement ("... caught by a BP employee (at least they're good
      at something)") is the writer's, not the speaker's: the statement ends before it.
    - A quotation ends at its closing mark: a bracketed or dashed aside after it ('"We will rebuild every
      house." (He said the same last year.)', '"..." - which is rich, coming from him') is not the quote.
    """
    dateline = AGENCY_DATELINE.search(text, start, end)
    if dateline is not None and dateline.end() < end and index.at(dateline.start()) is None:
        start = dateline.end()
    regions = [r for r in index.overlapping(start, end) if r.closed]
    opening = index.at(start)
    if opening is not None and opening.closed and opening.start == start and regions:
        last = regions[-1]
        if last.end < end and ASIDE_OPENER.match(text, last.end):
            end = last.end
    if regions:
        # 'Chavez said Gadhafi, "has been my friend for a long time," in remarks broadcast on state
        # television': a quotation closed on its own comma or stop, then where it was said, is the writer's
        last = regions[-1]
        inner = text[last.start : last.end].rstrip(CLOSING_MARKS)
        if last.end < end and inner.endswith((",", ".")) and NARRATED_CIRCUMSTANCE.match(text, last.end, end):
            end = last.end
    aside = TRAILING_ASIDE.search(text, start, end)
    if aside is not None and index.at(aside.start() + 1) is None and aside.start() > start:
        before = text[start : aside.start()].rstrip(" ,;:")
        if len(before.split()) >= MIN_QUOTE_WORDS:
            end = start + len(before)
    return start, end


def stop_quotes_at_other_cues(text: str, drafts: list[Draft], index: RegionIndex) -> None:
    """ "X said, "Q1," while Y said Q2": X's content is the quotation it opens with, not Y's words too.

    A content span that opens with a quotation ends with that quotation (and the quotations right
    after it) when, outside quotation marks after it, the cue of another attribution follows whose
    speaker is someone else, named ("while American envoy Susan Rice said").
    """
    for draft in drafts:
        opening = index.at(draft.content_start)
        if opening is None or opening.start != draft.content_start or opening.end >= draft.content_end:
            continue
        end = opening.end
        for region in index.overlapping(opening.end, draft.content_end):
            if region.start > end and text[end : region.start].strip(" ,;"):
                break
            end = max(end, region.end)
        own = draft.speaker.text if draft.speaker is not None else None
        for other in drafts:
            if other is draft or other.cue_start is None or other.speaker is None:
                continue
            if not end <= other.cue_start < draft.content_end or index.at(other.cue_start) is not None:
                continue
            if other.speaker.text != own and any(t.pos_ == "PROPN" for t in other.speaker):
                draft.content_end = end
                break


def start_after_framing_colon(text: str, drafts: list[Draft], index: RegionIndex) -> None:
    """ "Now according to Reuters ..., reportedly ...: Several weeks ago, Obama signed ..., American officials
    said": where the words before the cue hold another source's attribution and then a colon, what comes
    before the colon is the writer's framing, and the speaker's statement starts after it."""
    for draft in drafts:
        if draft.cue_start is None or draft.content_end > draft.cue_start:
            continue
        colons = [
            i
            for i in range(draft.content_start, draft.content_end)
            if text[i] == ":" and index.at(i) is None and not text[i - 1 : i].isdigit()
        ]
        if not colons:
            continue
        colon = colons[-1]
        framed = any(
            other is not draft
            and other.cue_start is not None
            and draft.content_start <= other.cue_start < colon
            and index.at(other.cue_start) is None
            for other in drafts
        )
        rest = text[colon + 1 : draft.content_end]
        if framed and len(rest.split()) >= MIN_QUOTE_WORDS:
            draft.content_start = colon + 1 + len(rest) - len(rest.lstrip())


def extend_with_following_quotes(
    text: str, drafts: list[Draft], regions: Sequence[Region], index: RegionIndex
) -> None:
    """Join a quote's continuation to it: ``"Q1," X said. "Q2."`` is one attribution of Q1 and Q2.

    Only quotes on the same line that no other cue took, right after the end of the attribution's
    own sentence, are joined.
    """
    taken = [(d.content_start, d.content_end) for d in drafts]
    for draft in drafts:
        if draft.cue is None or not index.overlapping(draft.content_start, draft.content_end):
            continue
        sentence = draft.cue.sent
        end = max(draft.content_end, sentence.end_char)
        governor = draft.cue.head
        if draft.cue.dep_ == "advcl" and governor is not draft.cue and governor.idx >= draft.content_end:
            # "While admitting his surprise that ..., he said ...": the sentence goes on into the main clause
            # the participle hangs on; a quotation after that sentence is not the participle's
            continue
        for region in regions:
            if region.start < end:
                continue
            gap = text[end : region.start]
            if "\n" in gap or gap.strip():
                break
            if any(s <= region.start < e for s, e in taken):
                break
            draft.content_end = region.end
            end = region.end
            # the continuation may end in its own "she added" sentence: stop at the quote's end


def starts_a_name(token: Token) -> bool:
    """A word the recognizer reads as the first of a person's name of several words ("Said" of "Said El Sisi",
    "Said" of "Said Ali")."""
    doc = token.doc
    return (
        token.ent_iob_ == "B"
        and token.ent_type_ == "PERSON"
        and token.text[:1].isupper()
        and token.i + 1 < len(doc)
        and doc[token.i + 1].ent_iob_ == "I"
    )


def cue_candidates(doc: Doc) -> list[Token]:
    """The tokens ``draft_from_cue`` can make a draft of: verbs, auxiliaries and "according", found with
    one array read (a speed-up only: every other token is refused by its first test; the loop over every
    token made a Python ``Token`` of each, ~270k on a 300-article story)."""
    from spacy.attrs import LOWER, POS
    from spacy.symbols import AUX, VERB

    if not len(doc):
        return []
    array = doc.to_array([POS, LOWER])
    according = doc.vocab.strings["according"]
    wanted = (array[:, 0] == VERB) | (array[:, 0] == AUX) | (array[:, 1] == according)
    return [doc[int(i)] for i in wanted.nonzero()[0]]


def draft_from_cue(token: Token, doc: Doc, index: RegionIndex, model: CueScorer) -> Draft | None:
    if starts_a_name(token):
        return None  # "Said El Sisi, 23, said ...": the first word of a man's name, no verb of saying
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return draft_according_to(token, doc, index)
    if token.pos_ not in ("VERB", "AUX") or token.pos_ == "AUX" and token.dep_ != "ROOT":
        return None
    if index.at(token.idx) is not None:
        return None  # a verb inside a quotation belongs to the quote, not to this article's framing
    if model.probability(token) < model.threshold:
        return None
    if borrowed_passive(token):
        return None
    content = content_span(token) or parenthetical_content(token)
    if content is None:
        return None
    start, end = widen_to_quotes(doc, content[0], content[1], index)
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.text == ":" and start < token.idx and end > following.idx:
        # "(Update 5:01 p.m.) Google and Twitter have ...: (Update 4:55 p.m.) Radwan said: "Unemployment will
        # increase ...": a cue before a colon introduces what follows the colon, not the lines before it
        start = (
            following.idx
            + 1
            + len(index.text[following.idx + 1 : end])
            - len(index.text[following.idx + 1 : end].lstrip())
        )
    if token.idx >= end:
        start = quote_run_start(index.text, start, end, index)
    speaker = speaker_of(token)
    if speaker is not None:
        speaker = past_dateline(speaker, token, index.text)
    if speaker is None or index.overlapping(speaker.start_char, speaker.end_char):
        # The parser took words of the quotation for the subject ("... Congress," Cummings said)
        # or found none ("read one"): look beside the cue.
        speaker = inverted_subject(token, index)
    if speaker is None:
        speaker = speaker_before_colon(token)
    if speaker is not None:
        speaker = through_titled_name(whole_words(speaker))
    if (
        speaker is not None
        and token.idx < start <= speaker.start_char < end
        and speaker.root.lower_ not in PERSONAL
    ):
        # "Just say Obama can't lead.", "Clinton ... said the United States wants actions": a cue whose parse gave
        # it no subject of its own took the subject of what follows it; who is said of is not who says it (but
        # "Barber, an academic whose books ..., says he now wants ...": the "he" is the one who says it)
        speaker = None
    if speaker is not None and token.idx >= end and start < speaker.start_char < end:
        # '"...," a source close to the ministry, who ..., told Reuters': the parse hung the speaker on the
        # quotation's clause; what was said ends before who said it
        end = start + len(index.text[start : speaker.start_char].rstrip(" ,;\n\u2014\u2013-"))
        if end <= start:
            return None
    cue_start, cue_end = cue_extent(token)
    return Draft(token, cue_start, cue_end, speaker, start, end)


def borrowed_passive(cue: Token) -> bool:
    """'Obama told CNN's "Larry King Live" to be broadcast on Thursday night that ...': a passive infinitive
    without an agent or a subject of its own tells what is done to something; the subject of the verb it hangs on
    is no one saying it."""
    children = list(cue.children)
    return (
        cue.dep_ == "xcomp"
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ in ("agent", "nsubjpass", "nsubj") for c in children)
    )


def title_abbreviation(token: Token) -> bool:
    """ "Capt.", "Col.", "Adm.": a title's abbreviation (``TITLE_ABBREVIATIONS``), capitalised."""
    return token.text[:1].isupper() and token.text.rstrip(".").lower() in TITLE_ABBREVIATIONS


def through_titled_name(speaker: Span) -> Span:
    """ "said a Pentagon spokesman, Navy Capt. Darryn James", "said Col. Roland Lavoie": a title before a name
    is that name's title, and the name is the speaker. A speaker the parse ends at a title's abbreviation, or
    right before one, runs on through the person's name that follows the title (in the same sentence)."""
    doc = speaker.doc
    after = speaker.end
    while after < speaker.sent.end and title_abbreviation(doc[after]):
        after += 1
    if after == speaker.end and not title_abbreviation(doc[speaker.end - 1]):
        return speaker
    if after >= speaker.sent.end or doc[after].ent_iob_ != "B" or doc[after].ent_type_ != "PERSON":
        return speaker
    end = after + 1
    while end < speaker.sent.end and doc[end].ent_iob_ == "I":
        end += 1
    return doc[speaker.start : end]


def parenthetical_content(cue: Token) -> tuple[int, int] | None:
    """ "because, he said, there is no honor in ...": a cue set off by commas inside the clause it
    reports (the parser hangs it on that clause); the content is the clause without the cue."""
    if cue.dep_ != "parataxis" or cue.head is cue or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    doc = cue.doc
    left, right = cue.left_edge.i, cue.right_edge.i
    before = doc[left] if doc[left].text == "," else doc[left - 1] if left > 0 else None
    after = doc[right] if doc[right].text == "," else doc[right + 1] if right + 1 < len(doc) else None
    if before is None or after is None or before.text != "," or after.text != ",":
        return None
    head = cue.head
    inner = {t.i for t in cue.subtree}
    first, last = head.left_edge.i, head.right_edge.i + 1
    while first < last and (
        first in inner
        or doc[first].dep_ in ("mark", "cc", "punct")
        and doc[first].head.i == head.i
        or doc[first].is_punct
    ):
        first += 1
    first, last = trim_tokens(doc, first, last)
    if last <= first or last - 1 <= right:
        return None  # the clause must go on after the cue
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)


def speaker_before_colon(cue: Token) -> Span | None:
    """ "... spoke with Assad on the phone where he:" / "expressed alarm at ...": a cue opening a line
    after a line ending in "X:" has X for its subject."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":" or "\n" not in doc.text[doc[i].idx : cue.idx]:
        return None
    subject = doc[i - 1]
    if subject.pos_ not in ("PRON", "PROPN", "NOUN") or subject.dep_ not in (
        "nsubj",
        "nsubjpass",
        "ROOT",
        "dep",
    ):
        return None
    return doc[subject.left_edge.i if subject.pos_ != "PRON" else subject.i : subject.i + 1]


def whole_words(span: Span) -> Span:
    """A speaker span widened to whole words: "al" of "al-Assad" is "al-Assad"."""
    doc = span.doc
    start, end = span.start, span.end
    while (
        end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text == "-" or doc[end - 1].text == "-")
    ):
        if doc[end].is_space or doc[end].text not in ("-",) and not doc[end].text[:1].isalnum():
            break
        end += 1
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and (doc[start - 1].text == "-" or doc[start].text == "-")
    ):
        if doc[start - 1].text != "-" and not doc[start - 1].text[:1].isalnum():
            break
        start -= 1
    return doc[start:end] if (start, end) != (span.start, span.end) else span


# How far a dateline is read from a speaker's first word: "TOKYO/LONDON, Oct 25 (Reuters) - " and more.
DATELINE_REACH = 120


def dateline_end(speaker: Span, text: str) -> int | None:
    """Where a wire dateline that the speaker's first word opens ends in ``text`` ("TOKYO/LONDON (Reuters) - ",
    "WASHINGTON – ", "Washington (CNN) -- "), else None: an agency's dateline anywhere (``AGENCY_DATELINE``), any
    dateline (``text.patterns.DATELINE``) when the speaker opens its line."""
    start = speaker.start_char
    if (match := AGENCY_DATELINE.match(text, start)) is not None:
        end = match.end()
    elif text[text.rfind("\n", 0, start) + 1 : start].strip():
        return None  # a place and a dash inside a paragraph ("... in TOKYO - "): no dateline
    elif (match := patterns.DATELINE.match(text[start : start + DATELINE_REACH])) is not None:
        end = start + match.end()
    else:
        return None
    # a sentence starts after a dateline: "BP - which is battling to cap ..." is a name and a dash's aside
    return None if text[end : end + 1].islower() else end


def past_dateline(speaker: Span, cue: Token, text: str) -> Span | None:
    """The speaker without the wire dateline the parser took for the subject or a part of it, which is where
    a story was filed and never who said anything: "TOKYO/LONDON (Reuters) - BP agreed" is BP's, "WASHINGTON
    – The Obama administration said" the administration's; None when no words are left before the cue."""
    end = dateline_end(speaker, text)
    if end is None:
        return speaker
    doc = cue.doc
    first = next((t.i for t in doc[speaker.start : cue.i] if t.idx >= end), cue.i)
    words = [t for t in doc[first : max(speaker.end, first)] if not t.is_punct and not t.is_space]
    if words:  # "WASHINGTON - The Obama administration": the subject after it
        return doc[words[0].i : words[-1].i + 1]
    words = [t for t in doc[first : cue.i] if not t.is_punct and not t.is_space]
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not nouns:
        return None
    return doc[words[0].i : nouns[-1].i + 1]  # the subject after a dateline the parser took for it


def quote_run_start(text: str, start: int, end: int, index: RegionIndex) -> int:
    """For ``"...," X said``: the content is the quotation, not text glued before it.

    When a content span ending in a quotation reaches back past the end of a sentence (or a
    caption, a dateline dash, a colon), it starts at the quotation instead.
    """
    regions = index.overlapping(start, end)
    if not regions or regions[-1].end < end - 1:
        return start
    first = regions[-1].start
    for region in reversed(regions[:-1]):
        if text[region.end : first].strip(" ,;\n") == "":
            first = region.start  # "Q1," "Q2": a run of quotations
        else:
            break
    before = text[start:first]
    outside = "".join(ch for i, ch in enumerate(before) if index.at(start + i) is None)
    if re.search(r"[.!?:\u2014\u2013]|--|\n", outside):
        return first
    return start


def inverted_subject(cue: Token, index: RegionIndex) -> Span | None:
    """The speaker when the parser lost it: the words between a closing quote and the cue
    (``...," Butz, 49, told``), else the name right after the cue (``said Cummings``)."""
    doc = cue.doc
    sentence = cue.sent
    start = cue.i
    while start > sentence.start and not doc[start - 1].is_quote and index.at(doc[start - 1].idx) is None:
        start -= 1
    # '"...," a source close to the ministry, who spoke on condition of anonymity, told Reuters': a relative
    # clause set off by commas says who the speaker is; it does not make the words before the cue too many
    aside = set(relative_aside(doc, start, cue.i))
    between = [
        t for t in doc[start : cue.i] if not t.is_punct and not t.is_space and t.dep_ not in ("aux", "neg")
    ]
    if len(between) > 12 and start > sentence.start:
        between = [t for t in between if t.i not in aside]
    if between and len(between) <= 12 and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in between):
        first = next(i for i in range(start, cue.i) if not doc[i].is_punct and not doc[i].is_space)
        last = max(t.i for t in between if t.pos_ in ("PROPN", "NOUN", "PRON", "NUM", "ADJ"))
        return doc[first : last + 1]
    if cue.lemma_.lower() in ADDRESSEE_VERBS:
        return None  # "told Reuters": the one told, never the one telling
    for entity in (entity_at(doc, cue.i + 1), entity_ending_at(doc, cue.i)):
        if entity is None or entity.label_ not in NAMED_LABELS or index.at(entity.start_char) is not None:
            continue
        if entity.start > cue.i:
            return doc[entity.start : entity.root.right_edge.i + 1]
        if entity.start >= sentence.start:
            return entity
    after = cue.i + 1
    if start < cue.i or after >= len(doc) or after >= sentence.end:
        return None
    if doc[after].dep_ in ("nsubj", "nsubjpass") or doc[after].pos_ in ("PROPN", "NUM", "PRON"):
        head = doc[after]
        return doc[after : head.right_edge.i + 1] if head.head.i == cue.i else doc[after : after + 1]
    if doc[after].pos_ == "DET" and doc[after].head.i > cue.i and doc[after].head.pos_ in ("NOUN", "PROPN"):
        return doc[after : doc[after].head.i + 1]  # "... ," added a South Carolina Democrat
    return None


# Verbs whose object is whom the words were addressed to ("told Reuters", "assured the council").
ADDRESSEE_VERBS = frozenset("tell inform assure reassure brief notify remind".split())


def relative_aside(doc: Doc, start: int, end: int) -> range:
    """The tokens of a relative clause set off by commas between ``start`` and ``end`` (", who spoke on
    condition of anonymity,"), else an empty range."""
    for i in range(start, end - 1):
        if doc[i].text != "," or doc[i + 1].lower_ not in ("who", "which"):
            continue
        for j in range(i + 2, end):
            if doc[j].text == ",":
                return range(i, j + 1)
    return range(0)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that starts at token ``i`` (found from the token, not by scanning ``doc.ents``)."""
    if i >= len(doc) or doc[i].ent_iob_ != "B":
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span

    return Span(doc, i, end, label=doc[i].ent_type_)


def entity_ending_at(doc: Doc, end: int) -> Span | None:
    """The named entity whose last token is ``end - 1``."""
    if end <= 0 or end > len(doc) or not doc[end - 1].ent_type_:
        return None
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return None
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    from spacy.tokens import Span

    return Span(doc, start, end, label=doc[start].ent_type_)


def draft_according_to(token: Token, doc: Doc, index: RegionIndex) -> Draft | None:
    """ "According to X, Y" / "Y, according to X": X is the source, the clause Y the content."""
    to = next(c for c in token.children if c.lower_ == "to")
    objects = [c for c in to.children if c.dep_ == "pobj"]
    speaker = doc[objects[0].left_edge.i : objects[0].right_edge.i + 1] if objects else None
    head = token.head
    sentence = token.sent
    phrase_start, phrase_end = token.left_edge.i, token.right_edge.i + 1
    if head is token or head.i < sentence.start or head.i >= sentence.end or closes_sentence(token):
        head = sentence.root
    # "Bouteflika said he would lift the state of emergency, according to the Algerian Press Service": the
    # source reports the whole report, not only the clause the parser hung the phrase on
    while (
        not relative_source(token)
        and head.dep_ in ("ccomp", "xcomp")
        and head.head is not head
        and head.head.lemma_.lower() in SPEECH_LEXICON
        and any(c.dep_ in SUBJECT_DEPS for c in head.head.children)
        and phrase_start > head.head.i
        and sentence.start <= head.head.i < sentence.end
    ):
        head = head.head
    left, right = head.left_edge.i, head.right_edge.i + 1
    # The clause without the "according to X" phrase: the longer side of it.
    before = (left, phrase_start)
    after = (phrase_end, right)
    first, last = before if before[1] - before[0] >= after[1] - after[0] else after
    first, last = trim_tokens(doc, first, last)
    if last <= first:
        return None
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    start, end = widen_to_quotes(doc, start, end, index)
    cue_end = to.idx + len(to.text)
    return Draft(token, token.idx, cue_end, speaker, start, end)


def closes_sentence(according: Token) -> bool:
    """ "BP is pushing to fix its well by July 27, possibly weeks before the deadline the company is discussing
    publicly, ..., according to company officials.": an "according to" phrase set off by a comma at the end of
    the sentence sources the sentence's main clause, wherever the parser hung it (here on the relative clause)."""
    doc, sentence = according.doc, according.sent
    if according.i == sentence.start or doc[according.i - 1].text != ",":
        return False
    return all(t.is_punct or t.is_space for t in doc[according.right_edge.i + 1 : sentence.end])


def relative_source(according: Token) -> bool:
    """ "... after the static kill worked, which, according to BP, it did": "according to" right after a relative
    pronoun sources the relative clause, whose words mean nothing without the noun or clause it hangs on."""
    doc = according.doc
    k = according.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("which", "who") and doc[k].tag_ in ("WDT", "WP")


def cue_extent(token: Token) -> tuple[int, int]:
    """The cue's characters: the verb, with a particle ("pointed out") when it has one."""
    start, end = token.idx, token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return start, end


def content_span(cue: Token) -> tuple[int, int] | None:
    """The characters of the cue's complements (what is attributed), or None when it has none."""
    doc = cue.doc
    children = [c for c in cue.children if c.dep_ not in NOT_CONTENT_DEPS]
    # "said his forces had taken the port, Reuters reported": the outlet's credit is no part of what was said
    children = [c for c in children if not is_credit(c)]
    clausal = [c for c in children if c.dep_ in ("ccomp", "parataxis")]
    stranded: list[Token] = []
    # "The son of Gadhafi said early Monday that ..., but said the toll was smaller": a clause with a cue and a
    # subject of its own hung on this cue by the parser is another attribution, not what this one said
    own_attributions = [
        c
        for c in clausal
        if c.dep_ == "parataxis"
        and c.lemma_.lower() in SAYING_VERBS
        and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        and any(g.dep_ in CONTENT_CLAUSES for g in c.children)
    ]
    if own_attributions and len(own_attributions) < len(clausal):
        children = [c for c in children if c not in own_attributions]
        clausal = [c for c in clausal if c not in own_attributions]
    # "(Updated: 1:09 a.m.): The son of Gadhafi said that ...": words before the subject the parser took for
    # a complement are not what was said when a "that" clause after the cue is
    subjects = [c.i for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i]
    if subjects and any(
        c.i > cue.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in clausal
    ):
        before = [c for c in clausal if c.right_edge.i < min(subjects)]
        children = [c for c in children if c not in before]
        clausal = [c for c in clausal if c not in before]
    # "Hours after a commission raised new questions ..., Halliburton said the mixture ...": a clause before
    # the cue that a subordinator opens is when or why it was said, not what, even where the parser takes it
    # for a complement (with the dateline it swallowed), when a clause after the cue is what was said
    circumstances = [
        c
        for c in clausal
        if c.i < cue.i and any(g.dep_ == "mark" and g.lower_ in SUBORDINATORS for g in c.children)
    ]
    if circumstances and any(c.i > cue.i for c in clausal):
        children = [c for c in children if c not in circumstances]
        clausal = [c for c in clausal if c not in circumstances]
    told = told_that_clause(cue) if not clausal else None
    if told is not None:
        clausal = [told]
    if clausal:
        # "told reporters that ...": the addressee is not part of what was said; but "admitting his surprise
        # that ...": a noun of stance that the clause completes is (what was admitted is the surprise)
        stance = [
            c
            for c in children
            if c.dep_ == "dobj"
            and c.lemma_.lower() in STANCE_NOUNS
            and c.i < clausal[0].i
            and c.right_edge.i + 1 == clausal[0].left_edge.i
        ]
        # (an infinitive the clause hangs on is the addressee's circumstance: "to be broadcast on Thursday")
        children = (
            clausal + [c for c in children if c.dep_ == "xcomp" and not c.is_ancestor(clausal[0])] + stance
        )
        # "Chavez said Gadhafi, "has been my friend ..."": the parser hangs the quote's subject on the cue
        # as a second subject; it is whom the quote is about, part of what was said
        if not any(c.dep_ in SUBJECT_DEPS for c in clausal[0].children) and any(
            c.dep_ in SUBJECT_DEPS and c.i < cue.i for c in cue.children
        ):
            children += [
                c for c in cue.children if c.dep_ in SUBJECT_DEPS and cue.i < c.i < clausal[0].left_edge.i
            ]
        stranded = stranded_subject(cue, clausal[0])
        children += stranded + named_date_subject(cue, clausal[0])
    else:
        children = [c for c in children if c.dep_ in CONTENT_DEPS and not is_circumstance(c)]
    if not children:
        return None
    first = min(c.left_edge.i for c in children)
    last = max(c.right_edge.i for c in children) + 1
    if first < cue.i < last and not clausal:
        # Complements on both sides of the cue: keep the side after it.
        after = [c for c in children if c.i > cue.i]
        if not after:
            return None
        first = min(c.left_edge.i for c in after)
        last = max(c.right_edge.i for c in after) + 1
    if first < cue.i < last:
        # A clausal complement wrapped around the cue ("The economy, he said, is in shambles"):
        # the content is the clause; the cue and its subject sit inside it.
        pass
    # "insists Gaddafi step down, saying ...": the participle is a statement of its own, not this one's content
    own = [
        t.i
        for t in doc[first:last]
        if t.i > cue.i and (governor := comma_participle_governor(t)) is not None and governor.i == cue.i
    ]
    if own:
        last = min(last, own[0] - 1)
    first = after_addressee(cue, first, last, stranded)
    last = through_listed_adjectives(doc, last)
    last = before_conjoined_speaker(cue, first, last)
    last = before_second_speaker(cue, first, last)
    last = before_unshifted_conjunct(cue, first, last)
    last = before_writers_aside(cue, first, last)
    last = before_run_on_name(cue, first, last)
    last = before_dash_gloss(cue, first, last)
    inside = dash_parenthesis(cue)
    if inside is not None:
        if first < inside[0]:
            return None  # the writer's clause around the parenthesis is not what its cue governs
        last = min(last, inside[1])
    first, last = trim_tokens(doc, first, last)
    if last <= first:
        return None
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)


def told_that_clause(cue: Token) -> Token | None:
    """'Obama told CNN's "Larry King Live" to be broadcast on Thursday night that he is "furious ..."': a verb of
    telling with its addressee and no content clause of its own, where the parser hangs the "that" clause on words
    about the addressee, says that clause; the addressee and what is told of it are not what was said."""
    if cue.lemma_.lower() not in ADDRESSEE_VERBS:
        return None
    if not any(c.dep_ in ("dobj", "dative") and c.i > cue.i for c in cue.children):
        return None
    for token in cue.subtree:
        if token.i <= cue.i or token.lower_ != "that" or token.dep_ != "mark" or token.head.i < token.i:
            continue
        clause = token.head
        if not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            return None
        if any(
            v.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in v.children)
            for v in between_up(clause, cue)
        ):
            return None  # "tells the story of a contestant who decides that ...": the clause of another subject's verb
        between = cue.doc[cue.i + 1 : token.i]
        if any(t.lemma_.lower() in SAYING_VERBS and t.pos_ == "VERB" for t in between):
            return None  # "told reporters the envoy said that ...": the clause is the other verb's
        return clause
    return None


def between_up(token: Token, ancestor: Token) -> list[Token]:
    """The tokens on the way up the parse from ``token`` to its ``ancestor``, both left out."""
    found = []
    head = token.head
    while head != ancestor and head.head != head:
        found.append(head)
        head = head.head
    return found


def stranded_subject(cue: Token, clause: Token) -> list[Token]:
    """ "implied more could be done to target Gadhafi": a finite content clause right after the cue with no
    subject of its own keeps the words between the cue and it as its subject, where the parser hangs them on
    the cue (as an adverb or object). Not words of time ("said Monday ..."), not when the clause has a
    subject, opens with "that" or is not finite, nor with anything but those words between."""
    if clause.i < cue.i or any(c.dep_ in SUBJECT_DEPS | {"csubjpass", "expl"} for c in clause.children):
        return []
    if any(c.dep_ == "mark" and c.i < clause.i for c in clause.children):
        return []  # "told the leaders that ...": what comes before "that" is never the clause's subject
    if not clause.text[:1].islower():
        return []  # "told CNN affiliate WVUE that ...": a capitalised "verb" is a name the tagger misread
    finite = clause.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS and c.i < clause.i for c in clause.children
    )
    if not finite:
        return []
    between = [c for c in cue.children if cue.i < c.i < clause.left_edge.i]
    if not between or any(c.dep_ not in STRANDED_SUBJECT_DEPS for c in between):
        return []
    covered = {t.i for c in between for t in c.subtree}
    if covered != set(range(cue.i + 1, clause.left_edge.i)):
        return []
    if any(t.ent_type_ in ("DATE", "TIME") or t.is_punct for c in between for t in c.subtree):
        return []
    return between


STRANDED_SUBJECT_DEPS = frozenset({"advmod", "dobj", "npadvmod", "nsubj", "nsubjpass"})


def named_date_subject(cue: Token, clause: Token) -> list[Token]:
    """ "said Ramadan this year would be overshadowed by the air strikes": a named time (a feast, a season; not a
    weekday or a month, which say when it was said) right after the cue, that the parser hangs on the cue while
    taking the words of time after it ("this year") for the clause's subject, is the subject of what was said."""
    doc = cue.doc
    name = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if name is None or name.head != cue or name.dep_ not in ("dobj", "npadvmod") or name.pos_ != "PROPN":
        return []
    if name.ent_type_ != "DATE" or name.lower_ in CALENDAR_NAMES:
        return []
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].left_edge.i != name.right_edge.i + 1:
        return []
    if not all(t.ent_type_ == "DATE" and t.ent_iob_ == "I" for t in subjects[0].subtree):
        return []  # the subject is the rest of the name's words of time, not a subject of its own
    return [name]


CALENDAR_NAMES = frozenset({*MONTHS, *WEEKDAYS, *(name[:3] for name in WEEKDAYS)})


# Words opening a clause of time, cause or condition ("after", "because"): never a content clause's opener.
SUBORDINATORS = frozenset(
    "after before when whenever while because since as although though if unless until once whereas".split()
)


# Nouns of stance a "that" clause completes ("his surprise that ...", "the fear that ..."): as the object of a
# cue, part of what was said, unlike an addressee ("told reporters that ...").
STANCE_NOUNS = frozenset(
    """surprise belief fear concern hope view fact claim doubt confidence regret conviction opinion assertion
    assurance suspicion worry expectation frustration disappointment anger satisfaction sense feeling position
    argument contention impression assessment understanding suggestion warning promise pledge determination
    insistence relief dismay alarm skepticism scepticism bewilderment shock astonishment""".split()
)
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD"})


def through_listed_adjectives(doc: Doc, last: int) -> int:
    """A comma between adjectives before their noun is no clause end: "denied Gaddafi is in the poor,
    landlocked former French colony" (the parser ends the clause at "poor" and hangs the rest on the cue).

    Where the content ends on an adjective that stands in a noun's place (an object after a determiner or
    a preposition) and a comma is followed by nothing but modifiers and then a noun, the content runs on
    through that noun."""
    if last <= 0 or last + 1 >= len(doc):
        return last
    ending = doc[last - 1]
    if ending.tag_ not in ("JJ", "JJR", "JJS") or ending.dep_ not in (
        "pobj",
        "dobj",
        "attr",
        "nsubj",
        "conj",
    ):
        return last
    if doc[last].text != "," or not any(c.dep_ == "det" for c in ending.children):
        return last
    j = last + 1
    while j < len(doc) and doc[j].tag_ in ADJECTIVE_TAGS | {"RB"} and doc[j].dep_ != "nsubj":
        j += 1
    while j + 1 < len(doc) and doc[j].tag_ in ("NN", "NNS", "NNP") and doc[j + 1].tag_ in ("NN", "NNS"):
        j += 1  # a compound noun ("former oil town")
    if j == last + 1 or j >= len(doc) or doc[j].tag_ not in ("NN", "NNS"):
        return last
    if j + 1 < len(doc) and not (doc[j + 1].is_punct or doc[j + 1].is_space):
        return last  # the noun goes on into more words: not one noun phrase after the comma
    return j + 1


HAVE_FORMS = frozenset({"has", "have", "'s", "'ve"})


def before_unshifted_conjunct(cue: Token, first: int, last: int) -> int:
    """ "Cameron said last month Britain saw scope for ... and Britain has pushed the new sanctions
    initiative": after a past-tense cue and a past-tense reported clause, a conjunct clause with a subject of
    its own in the present perfect is not backshifted: it is the writer's news, not the speaker's. The
    content ends before its conjunction."""
    doc = cue.doc
    if cue.tag_ != "VBD" or any(t.is_quote for t in doc[first:last]):
        return last  # a quotation is the speaker's own words, tense and all
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and first <= c.i < last and c.tag_ == "VBD"]
    for clause in clauses:
        for conjunct in clause.subtree:
            if conjunct.dep_ != "conj" or conjunct.tag_ != "VBN" or not first <= conjunct.i < last:
                continue
            if conjunct.head.tag_ != "VBD" or conjunct.i <= clause.i:
                continue
            auxiliaries = [c for c in conjunct.children if c.dep_ == "aux" and c.i < conjunct.i]
            if not auxiliaries or auxiliaries[0].lower_ not in HAVE_FORMS:
                continue
            # its subject: its own, or the words the parser took for a conjunct of the object before it
            opening = auxiliaries[0].i
            k = opening - 1
            while k > first and doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"):
                k -= 1
            if k == opening - 1 or doc[k].lower_ not in ("and", "but") or doc[k].pos_ != "CCONJ":
                continue
            if k <= first:
                continue
            return k
    return last


def after_addressee(cue: Token, first: int, last: int, stranded: Sequence[Token]) -> int:
    """ "A member tells CNN fighting continues ...", "tells Reuters talks continue ...": a verb of telling has
    whom it tells right after it; an outlet's name there that the parse took into what was said, as a modifier of the
    reported clause's subject ("CNN fighting") or of the words ``stranded_subject`` found for it ("Reuters
    talks"), is the addressee. The content starts after it."""
    if cue.lemma_.lower() not in ADDRESSEE_VERBS or first != cue.i + 1:
        return first
    doc = cue.doc
    name = entity_at(doc, first)
    if name is None or name.label_ not in NAMED_LABELS or name.end + 1 >= last:
        return first
    if not is_outlet(name.text, None) or doc[name.end].lemma_.lower() in MEDIA_HEADS:
        # only an outlet's name is surely whom one tells: "Reuters Gaddafi forces" is one name to the recognizer,
        # and "BBC radio" is the outlet still
        return first
    # what follows is that subject's head or starts it: not a verb ("told CNN Gadhafi is ...", one name to the
    # recognizer), nor the addressee's own words ("told the BBC Radio 4 Today program: ...")
    opening = doc[name.end]
    subject = opening.dep_ in ("nsubj", "nsubjpass") or any(
        t.i == opening.i for s in stranded for t in s.subtree
    )
    if (
        not subject
        or opening.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM")
        and opening.tag_ != "VBG"
    ):
        return first
    return name.end


def before_conjoined_speaker(cue: Token, first: int, last: int) -> int:
    """ "BP officials have said waves would delay plans ... and officials in Florida said high surf ...": where a
    second verb of saying joined to the cue takes its subject from the end of this one's content
    (``stranded_conjunct_speaker``), the content ends before the conjunction: the rest is another's."""
    for conjunct in cue.children:
        if conjunct.dep_ != "conj" or conjunct.i < cue.i:
            continue
        speaker = stranded_conjunct_speaker(conjunct)
        if speaker is not None and first < speaker.start - 1 < last:
            return speaker.start - 1
    return last


CONTRASTING_MARKERS = frozenset({"while", "whereas", "but"})
COORDINATING_MARKERS = frozenset({"and", "but"})


def before_second_speaker(cue: Token, first: int, last: int) -> int:
    """ "Rights groups say 2,000 civilians have been killed, while Syrian authorities say 500 soldiers have died",
    "She said the United States was suspending relations ..., and an administration official added that the
    embassy ...": a clause opened by "while", "whereas" or "but", or coordinated by "and" or "but" right before its
    subject, whose verb of saying has a subject and a clause of its own is another speaker's statement; this
    one's content ends before it, wherever the parser hung that clause ("and that the rebels said ...",
    subordinated, is what was said; "and all five pupils were responding well to treatment" says nothing, "and it
    had written about 30,000 checks" says no clause; "and a reported 15,000 to Egypt" has no one for a subject)."""
    doc = cue.doc
    for verb in doc[max(first, cue.i + 1) : last]:
        if verb.lemma_.lower() not in SAYING_VERBS or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None:
            continue  # "that while no claims have been denied, ...": a passive names no other speaker
        if not any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
            continue
        marker = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("mark", "cc") and c.lower_ in CONTRASTING_MARKERS and c.i < verb.i
            ),
            None,
        )
        opening = subject.left_edge.i - 1
        if marker is None and opening > cue.i and subject.tag_.startswith(("NN", "PRP")):
            coordinating = doc[opening]
            if coordinating.lower_ in COORDINATING_MARKERS and coordinating.pos_ == "CCONJ":
                marker = coordinating
        if marker is not None and first < marker.i:
            return marker.i
    return last


def stranded_conjunct_speaker(cue: Token) -> Span | None:
    """ "... would delay plans to hook up a third system and officials in Florida said high surf ...": a verb of
    saying joined by "and" or "but" to an earlier one, with no subject of its own, right after a noun phrase
    naming someone that the parse hung inside the earlier one's content (as a conjunct of its last noun),
    has that phrase for its subject: a second speaker, not the first one again."""
    if cue.dep_ != "conj" or cue.head is cue or cue.head.i > cue.i or subject_of(cue) is not None:
        return None
    if cue.head.lemma_.lower() not in SPEECH_LEXICON:
        return None
    doc = cue.doc
    k = cue.i - 1
    while k > cue.head.i and doc[k].dep_ in ("aux", "neg") and doc[k].head.i == cue.i:
        k -= 1  # "and officials in Florida have said"
    end = k + 1
    while k > cue.head.i and doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "ADP"):
        k -= 1
    if k <= cue.head.i or doc[k].lower_ not in ("and", "but") or k + 1 >= end:
        return None
    phrase = doc[k + 1 : end]
    # its head (a prepositional phrase in it may hang outside: "officials in Florida")
    roots = [t for t in phrase if not phrase.start <= t.head.i < phrase.end and t.pos_ != "ADP"]
    if phrase[0].pos_ == "ADP" or phrase[-1].pos_ not in ("NOUN", "PROPN") or len(roots) != 1:
        return None
    return phrase if names_someone(roots[0]) else None


def before_writers_aside(cue: Token, first: int, last: int) -> int:
    """ "The rebels admit hundreds of their fighters were killed around al-Brega, which Ibrahim grandiloquently
    re-branded "Libya's Stalingrad."": a relative clause set off by a comma at the end of what was said, whose
    subject is someone named who is not the speaker, is the writer's aside with another's words. The content
    ends before its comma.

    Read from the words, not the parse (which breaks on such clauses): a comma, "which" or "who(m)", a name
    (with its "the": "which the White House says is ...") or "the" and a description before a verb of saying
    ("which the governor says is ..."), then the rest of the content with no comma outside quotation marks
    (the clause runs to the end)."""
    doc = cue.doc
    speaker = subject_of(cue)
    own = speaker.text.lower() if speaker is not None else ""
    for i in range(max(first, cue.i + 1), last - 2):
        if doc[i].text != "," or doc[i + 1].lower_ not in ("which", "who", "whom"):
            continue
        # "... even after the static kill worked, which, according to BP, it did": a relative clause that names
        # its own source and runs to the end of what was said (no comma after the source's phrase but the one
        # closing it) is the writer's, with that source's words
        source = i + 3 if doc[i + 2].text == "," else i + 2
        if source + 1 < last and doc[source].lower_ == "according" and doc[source + 1].lower_ == "to":
            sourced = doc[source + 2 : last]
            commas = sum(t.text in (",", ";") for t in sourced)
            if (
                commas == (source - i - 2)
                and not any(t.is_quote for t in sourced)
                and not (own and own in sourced.text.lower())
            ):
                return i
        opening = i + 3 if doc[i + 2].lower_ == "the" else i + 2  # "which the White House says ..."
        if opening >= last or doc[opening].pos_ not in ("PROPN", "NOUN"):
            continue
        j = opening
        while j < last and (
            doc[j].pos_ in ("PROPN", "NOUN") or doc[j].text == "-" and not doc[j].whitespace_
        ):
            j += 1
        if j >= last or doc[j].pos_ not in ("ADV", "VERB", "AUX"):
            continue  # "which Ibrahim, a ...": no clause of the name's
        described = any(t.pos_ == "NOUN" for t in doc[opening:j])
        if described and (opening == i + 2 or doc[j].lemma_.lower() not in SAYING_VERBS):
            continue  # a description ("which the governor says ...") only with its "the" and a verb of saying
        inside: bool = False
        rest = []
        for t in doc[j:last]:
            if t.is_quote:
                inside = not inside
            elif not inside:
                rest.append(t)
        if any(t.text in (",", ";") for t in rest):
            continue  # the relative clause ends inside what was said ("the town, which X called Y, fell")
        name = doc[opening:j].text.lower()
        if own and (name in own or own in name):
            continue  # the speaker's own aside ("Smith said the plan, which Smith drew up ...")
        return i
    return last


def before_run_on_name(cue: Token, first: int, last: int) -> int:
    """ "... a repeat of the BP oil spill last year Former Sen. Bob Graham (D-Fla.)": a person's name at the
    end of what was said, right after a lower-case word with no punctuation between, capitalised, and
    governed by no word of the clause as subject, object or a preposition's object (the parser hangs it
    loose, as a bare noun modifier or an unknown dependent of a word further back; not an apposition: "his
    lawyer John Smith"), is the next sentence's subject run
    on where a full stop or a line went missing. The content ends before it. Not inside a quotation."""
    doc = cue.doc
    if any(t.is_quote for t in doc[first:last]):
        return last
    for token in doc[max(first, cue.i + 1) : last]:
        if token.ent_type_ != "PERSON" or token.dep_ not in ("npadvmod", "dep") or token.head.i > token.i:
            continue
        start = token.left_edge.i
        if start <= first or token.right_edge.i + 1 < last - 1 or token.head.i == start - 1:
            continue  # the name must run to the end of the content (an aside after it aside)
        before, opening = doc[start - 1], doc[start]
        if before.is_alpha and before.is_lower and opening.is_title and opening.pos_ == "PROPN":
            return start
    return last


DASHES = frozenset({"--", "\u2014", "\u2013", "-"})


def before_dash_gloss(cue: Token, first: int, last: int) -> int:
    """ "said it wants BP to compensate those workers -- a cost BP thinks it should not have to pay": a noun
    phrase after a dash with a relative clause of its own ("a cost [that] BP thinks ...", "a move which ...")
    running to the end of what was said glosses it in the writer's words. The content ends before the dash.

    Read from the words (the parser breaks on such dashes): a spaced dash after the cue, an article, at most
    three adjectives or nouns, then a clause (a relative pronoun, or a subject and a verb) with no further
    dash. Not inside a quotation."""
    doc = cue.doc
    if any(t.is_quote for t in doc[first:last]):
        return last
    for i in range(max(first, cue.i + 1), last - 3):
        dash = doc[i]
        if dash.text not in DASHES or not doc[i - 1].whitespace_ or not dash.whitespace_:
            continue
        if doc[i + 1].lower_ not in ("a", "an", "the", "one"):
            continue
        j = i + 2
        while j < last and j - i - 2 < 3 and doc[j].tag_ in ("JJ", "NN", "NNS"):
            j += 1
        if j == i + 2 or doc[j - 1].tag_ not in ("NN", "NNS") or j + 1 >= last:
            continue
        rest = doc[j:last]
        if any(t.text in DASHES for t in rest):
            continue
        relative = doc[j].lower_ in ("that", "which", "who", "whom", "whose")
        subject_verb = doc[j].tag_ in ("NNP", "NNPS", "PRP", "NN", "NNS") and doc[j + 1].pos_ in (
            "VERB",
            "AUX",
        )
        if relative or subject_verb:
            return i
    return last


def dash_parenthesis(cue: Token) -> tuple[int, int] | None:
    """The token range between two spaced dashes around the cue in its sentence ("BP was one of three ... --
    Lieberman described them to reporters as "our new friends" -- and ..."), or None: a cue inside such a
    parenthesis, with its complements there, governs only the parenthesis."""
    doc, sentence = cue.doc, cue.sent

    def spaced_dash(i: int) -> bool:
        return (
            doc[i].text in DASHES
            and doc[i].text != "-"
            and bool(doc[i - 1].whitespace_)
            and bool(doc[i].whitespace_)
        )

    opening = next((i for i in range(cue.i - 1, sentence.start, -1) if spaced_dash(i)), None)
    closing = next((i for i in range(cue.i + 1, sentence.end - 1) if spaced_dash(i)), None)
    if opening is None or closing is None:
        return None
    # "... a month -- a quarter of what army troops earn, they said -- and face ...": a cue with nothing of its own
    # after it in the parenthesis reports the sentence, as a parenthetical cue does
    if not any(c.dep_ in CONTENT_DEPS and cue.i < c.i < closing for c in cue.children):
        return None
    return opening + 1, closing


def is_credit(clause: Token) -> bool:
    """ ", Reuters reported (on Monday)": an outlet's credit hung on the clause it credits, with no content
    of its own."""
    if clause.dep_ not in ("ccomp", "parataxis") or clause.i < clause.head.i:
        return False
    if clause.lemma_.lower() not in SPEECH_LEXICON or any(c.dep_ in CONTENT_CLAUSES for c in clause.children):
        return False
    subject = subject_of(clause)
    return subject is not None and is_outlet(None, subject)


CONTENT_CLAUSES = ("ccomp", "xcomp", "dobj", "parataxis")


def is_circumstance(child: Token) -> bool:
    """A prepositional phrase of time, place or manner ("said on Tuesday", "in a statement")."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in CIRCUMSTANCE_PREPS:
        return True
    return any(c.ent_type_ in ("DATE", "TIME") for c in child.subtree)


def trim_tokens(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Drop punctuation (but not quotation marks) and spaces at both ends of a token range."""
    while first < last and (doc[first].is_space or doc[first].is_punct and not doc[first].is_quote):
        first += 1
    while last > first and (doc[last - 1].is_space or doc[last - 1].is_punct and not doc[last - 1].is_quote):
        last -= 1
    return first, last


def widen_to_quotes(doc: Doc, start: int, end: int, index: RegionIndex) -> tuple[int, int]:
    """Widen a content span to whole quotations where it reaches into one (but never past a line)."""
    for region in index.overlapping(start, end):
        start, end = min(start, region.start), max(end, region.end)
    return start, end


def speaker_of(cue: Token) -> Span | None:
    """The cue's subject (the agent of a passive), climbing to the governing verb when it has none."""
    doc = cue.doc
    bare = bare_participle_noun(cue) or stranded_conjunct_speaker(cue)
    if bare is not None:
        return bare
    governor = comma_participle_governor(cue)
    verb: Token | None = cue if governor is None or narrated_act(cue.head) else governor
    for _ in range(4):
        if verb is None:
            break
        subject = subject_of(verb)
        if subject is not None:
            return subject
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            outer = (
                reported_by(verb.head)
                if verb.dep_ == "conj" and verb is cue and any(c.dep_ == "ccomp" for c in cue.children)
                else None
            )
            # "Reuters revealed that Libya had received ... and on Wednesday reported that ...", "Moscow demanded
            # that any text rule out intervention and warned it would veto ...": a verb of saying the parse joins
            # to the clause of what another said is that other's second act, not the clause subject's
            verb = outer if outer is not None else verb.head
        elif verb.dep_ == "pcomp" and verb.head.head is not verb.head:
            quoting = verb.head.head
            if verb.head.lower_ == "as" and quoting.lemma_.lower() in QUOTING_VERBS:
                # "The Associated Press quoted Gaddafi's spokesman as saying ...": the one quoted, not the
                # outlet that passed the words on (none when the parse has no object: no guess)
                quoted = [c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")]
                if not quoted:
                    return None
                return doc[quoted[0].left_edge.i : quoted[0].right_edge.i + 1]
            verb = quoting  # "began by saying ...": the one who began
        elif verb.dep_ in ("relcl", "acl") and verb.head is not verb:
            head = verb.head
            return without_opening_debris(doc[head.left_edge.i : head.i + 1])  # not "And" of "And people ..."
        else:
            verb = None
    return None


# Written sources that say things themselves: "research suggesting", "a report saying", "the data showing".
WRITTEN_SOURCES = frozenset(
    """research study report analysis survey poll paper review data finding evidence figure statistic document
    memo letter estimate assessment audit investigation inquiry""".split()
)


def bare_participle_noun(cue: Token) -> Span | None:
    """A participle with no auxiliary is no finite verb: "Cunha and Heckman review research suggesting that
    ...", parsed with "suggesting" as the verb of a subject that ends in "research", says what the research
    suggests. The speaker is the common noun just before the participle (with its determiner and
    adjectives: a compound may be the parse's mistake for the subject's words), when the parse puts it at the end of the participle's subject; who wrote the research is
    the speaker only when the sentence makes them the subject of a verb of saying."""
    if cue.tag_ != "VBG" or cue.i == 0 or any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return None
    noun = cue.doc[cue.i - 1]
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i), None)
    if (
        noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in WRITTEN_SOURCES
        or subject is None
        or subject.i == noun.i
    ):
        return None
    # the noun is the last of the subject's conjuncts ("Cunha and Heckman review research"), not a word inside
    # it ("some members of the Jackson family saying ...": the members say)
    up = noun
    while up.dep_ == "conj" and up.head.i != up.i and up.i != subject.i:
        up = up.head
    if up.i != subject.i or subject.right_edge.i != noun.i:
        return None
    left = min(
        [noun.i]
        + [
            c.left_edge.i
            for c in noun.children
            if c.i < noun.i and c.dep_ in NOUN_PHRASE_DEPS and c.dep_ != "compound"
        ]
    )
    return cue.doc[left : noun.i + 1]


def reported_by(verb: Token) -> Token | None:
    """The verb of saying whose reported clause ``verb`` heads ("revealed" of "revealed that Libya had
    received"), else None."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head is not verb and verb.head.lemma_.lower() in SPEECH_LEXICON:
        return verb.head
    return None


# Dependents that belong to a noun's own phrase before it: "a J.P. Morgan Chase analysis", "the rebels' claim".
NOUN_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "advmod"})


# Verbs by which one passes on another's words: "quoted X as saying", "cited X as saying".
QUOTING_VERBS = frozenset({"quote", "cite"})


def comma_participle_governor(cue: Token) -> Token | None:
    """ "The NTC insists Gaddafi step down, saying talks would be unthinkable": a participle set off by a comma
    that the parse hangs on a complement clause is said by the one who governs that clause (the NTC), not by
    the clause's subject (Gaddafi)."""
    if cue.dep_ != "advcl" or cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    if listed_noun(cue):
        return None
    head = cue.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ != "ccomp" or head.head is head or subject_of(head.head) is None:
        return None
    if head.head.i > cue.i:
        return None  # "France offered a defense, arguing that ..., the diplomat said": inside what was said
    return head.head


LIST_CONJUNCTIONS = frozenset({"and", "or"})


def listed_noun(participle: Token) -> bool:
    """ "claims had been filed by commercial fishermen, angling guides and others": an "-ing" word after a
    noun and a comma, whose object is the next word and closes a list with "and" or "or", is a noun's
    modifier in that list ("angling guides"), not a participle of its own: what was said runs on through
    the list. ("The rig exploded, killing 11 workers and injuring 17" follows a verb, "... in recent years,
    alienating allies and tribes" a noun of time that ends a circumstance: a participle.)"""
    doc = participle.doc
    if participle.i < 2 or doc[participle.i - 2].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    if doc[participle.i - 2].lemma_.lower() in TIME_NOUNS:
        return False
    objects = [c for c in participle.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].i != participle.i + 1 or objects[0].tag_ not in ("NNS", "NN"):
        return False  # "..., citing their nuclear arsenals and ...": an object with words of its own
    if any(c.dep_ != "dobj" for c in participle.children):
        return False
    listed = objects[0]
    return any(c.dep_ == "cc" and c.lower_ in LIST_CONJUNCTIONS for c in listed.children) and any(
        c.dep_ == "conj" for c in listed.children
    )


def narrated_act(clause: Token) -> bool:
    """ "officials said Clinton called Obama, telling him ...": a clause narrating someone's act in the simple
    past (no auxiliary, no modal, not "was" or "had") is an event, and a participle after it is how its subject
    did it: Clinton told him. A demand ("insists Gaddafi step down"), a modal or a state ("said Libya was unlike
    them, predicting ...") is what its governor reports, and the participle the governor's further words."""
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (
        clause.tag_ == "VBD"
        and clause.lemma_.lower() not in ("be", "have")
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        and subject is not None
        and names_someone(subject)
    )


def subject_of(verb: Token) -> Span | None:
    doc = verb.doc
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if passive and child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return without_opening_debris(doc[objects[0].left_edge.i : objects[0].right_edge.i + 1])
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") or child.dep_ == "nsubjpass" and not passive:
            return without_opening_debris(doc[child.left_edge.i : child.right_edge.i + 1])
    return None


def without_opening_debris(span: Span) -> Span:
    """A subject without the sentence's opening conjunction a parse put inside it ("And people said ..."
    -> "people"), or the wire dateline ("AJDABIYAH, Libya (Reuters) - Rebels fighting ..." -> "Rebels fighting
    ..."); neither is part of the speaker's name."""
    start = span.start
    dateline = AGENCY_DATELINE.search(span.text)
    if dateline is not None:
        after = next((t.i for t in span if t.idx >= span.start_char + dateline.end()), None)
        if after is not None:
            start = after
    while start < span.end - 1 and span.doc[start].lower_ in CONJUNCTIONS:
        start += 1
    return span.doc[start : span.end]


# ---------------------------------------------------------------------------------------------
# Quotations that no cue's content took


def drafts_for_lone_quotes(
    doc: Doc,
    text: str,
    regions: Sequence[Region],
    index: RegionIndex,
    claimed: Sequence[tuple[int, int]],
    drafts: Sequence[Draft],
) -> list[Draft]:
    """Quotes left over: the nearest reporting verb nearby, or the speaker of the quote just before."""
    found: list[Draft] = []
    previous_speaker: Draft | None = None
    known = sorted([*drafts], key=lambda d: d.content_start)
    for region in regions:
        if any(s <= region.start and region.end <= e for s, e in claimed):
            previous_speaker = latest_before(known + found, region.start) or previous_speaker
            continue
        if len(text[region.start : region.end].split()) < MIN_QUOTE_WORDS:
            continue
        span = doc.char_span(region.start, region.end, alignment_mode="expand")
        if span is None or quoted_title(text, region) or told_to(span):
            continue
        draft = draft_from_nearby_cue(doc, text, span, index)
        if draft is None:
            before = latest_before(known + found, region.start)
            if (
                before is not None
                and before.speaker is not None
                and starts_paragraph_after(text, before.content_end, region.start)
                and ends_in_quotation(before, index)
            ):
                draft = Draft(None, None, None, before.speaker, region.start, region.end)
        if draft is None:
            draft = draft_from_bare_cue_before(doc, text, span, index, known)
        if draft is not None:
            found.append(draft)
    return found


# A verb's complements: what it says, asks or does, when not a quotation.
COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "dative"})


def draft_from_bare_cue_before(
    doc: Doc, text: str, quote: Span, index: RegionIndex, drafts: Sequence[Draft]
) -> Draft | None:
    """The speaker of a quote opening the paragraph after one that ends in the only reporting verb of its
    sentence, with a speaker and nothing said of its own: 'Gen. Jim Jones said Sunday on CNN's "State of the
    Union."' (a programme's title is nothing said) '"Unfortunately most people want perfect clarity ..."'."""
    line_start = text.rfind("\n", 0, quote.start_char) + 1
    if line_start == 0 or text[line_start : quote.start_char].strip():
        return None
    k = quote.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    previous = doc[k].sent
    cues = [
        t
        for t in previous
        if t.pos_ == "VERB" and t.lemma_.lower() in QUOTE_CUE_LEMMAS and index.at(t.idx) is None
    ]
    if len(cues) != 1 or any(d.cue is not None and d.cue.i == cues[0].i for d in drafts):
        return None
    if any(c.dep_ in COMPLEMENT_DEPS and index.at(c.idx) is None for c in cues[0].children):
        return None  # "It ... is going to continue the debate": the verb has something of its own
    speaker = speaker_of(cues[0])
    if speaker is None or index.at(speaker.start_char) is not None:
        return None
    if head_of(speaker).lower_ not in PRONOUNS and not is_actor_description(speaker):
        return None  # 'Part of the reason ... is because "Libya happened first," noted Danielle Pletka'
    cue_start, cue_end = cue_extent(cues[0])
    return Draft(cues[0], cue_start, cue_end, speaker, quote.start_char, quote.end_char)


POSSESSIVE_BEFORE = re.compile(r"\w(?:['\u2019]s|s['\u2019])\s*$")
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by".split())


def quoted_title(text: str, region: Region) -> bool:
    """'Browner told CBS's "Face The Nation," "We are prepared for the worst."', 'Obama told CNN's "Larry King
    Live" ... that he is ...': a quotation in title case right after a possessive ("CBS's") is the name of a
    programme or a work, not something said; what was said is the quotation or the clause after it."""
    if not POSSESSIVE_BEFORE.search(text, 0, region.start):
        return False
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", text[region.start : region.end])
    return bool(words) and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def told_to(quote: Span) -> bool:
    """'Hamad bin Khalifa told "The Situation Room" that the opposition ...': a quotation that a verb of telling
    addresses, before the clause it tells, is whom it was told to, not something said."""
    root = quote.root
    cue = root.head
    if root.dep_ not in ("dobj", "dative") or cue.lemma_.lower() not in ADDRESSEE_VERBS:
        return False
    return any(c.dep_ == "ccomp" and c.i > root.i for c in cue.children) or told_that_clause(cue) is not None


def ends_in_quotation(draft: Draft, index: RegionIndex) -> bool:
    """A quote continues the speaker of a quotation before it, not of any statement ("The implications have
    not been lost on Western diplomats who ... [new paragraph] "There was a chance ...," a diplomat said)."""
    regions = index.overlapping(draft.content_start, draft.content_end)
    if regions and regions[-1].end >= draft.content_end - 1:
        return True
    # "`` These missions are difficult . [line] ... in Kosovo , '' she said": a quotation over several lines
    # whose opening mark is lines away is no region; its closing mark right after the words still ends them
    return CLOSING_QUOTE_AFTER.match(index.text, draft.content_end) is not None


# A closing quotation mark right after words (after a comma, a full stop or spaces): '' of PTB text, ” or ".
CLOSING_QUOTE_AFTER = re.compile(r"[ \t,.]*(?:''|\u201d|\"(?=[ \t,.]*[a-z]))")


def latest_before(drafts: Sequence[Draft], offset: int) -> Draft | None:
    best = None
    for draft in drafts:
        if draft.content_end <= offset + 1 and (best is None or draft.content_end > best.content_end):
            best = draft
    return best


def starts_paragraph_after(text: str, previous_end: int, start: int) -> bool:
    """The quote opens the paragraph right after the one that held the previous quote."""
    between = text[previous_end:start]
    if between.count("\n") == 0 or len(between.strip()) > 80:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def draft_from_nearby_cue(doc: Doc, text: str, quote: Span, index: RegionIndex) -> Draft | None:
    """The reporting verb a quote without a cue of its own belongs to.

    In order: a verb after the quote in its last sentence (``"...," Erdogan told reporters``); the
    sentence right after it on the same line (``"..." Clinton said.``); a verb before a colon that
    introduces it (``McCaskill scolded him: "..."``); a verb before it in its first sentence.
    """
    last_sentence = doc[quote.end - 1].sent
    groups: list[list[Token]] = [[t for t in last_sentence if t.i >= quote.end]]
    if last_sentence.end < len(doc):
        following = doc[last_sentence.end].sent
        if "\n" not in text[quote.end_char : following.start_char]:
            groups.append(list(following))
    before = text[max(quote.start_char - 3, 0) : quote.start_char].strip()
    if before.endswith(":"):
        colon_sentence = doc[max(quote.start - 2, 0)].sent
        groups.append([t for t in reversed(colon_sentence) if t.i < quote.start])
    groups.append([t for t in reversed(quote.sent) if t.i < quote.start])
    for group in groups:
        for token in group:
            if token.pos_ != "VERB" or token.lemma_.lower() not in QUOTE_CUE_LEMMAS:
                continue
            if index.at(token.idx) is not None:
                continue
            if token.i > quote.end and reports_own_clause(token, quote, index):
                continue
            speaker = speaker_of(token)
            if speaker is None or index.at(speaker.start_char) is not None:
                speaker = inverted_subject(token, index)
            if speaker is None:
                continue
            cue_start, cue_end = cue_extent(token)
            return Draft(token, cue_start, cue_end, speaker, quote.start_char, quote.end_char)
    return None


def reports_own_clause(verb: Token, quote: Span, index: RegionIndex) -> bool:
    """'"... why we are there ..." Ashour Shamis, an activist, said Hamidi played a key role', 'In an interview on
    "Face the Nation," Gates said he was unaware ...': a verb after a quote with a clause of its own after it
    reports that clause, not the quote, where the quote opens the sentence or is no clause (a title, a name).
    Not a clause that passes the quote on ('"...," Neely said a supporter told him'), nor a quoted clause inside
    the verb's sentence ('while "we need to know what went wrong" Hayward also said ...')."""
    if not any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and index.at(c.idx) is None
        and c.lemma_.lower() not in SPEECH_LEXICON
        for c in verb.children
    ):
        return False
    doc = verb.doc
    opens = all(t.is_punct or t.is_space or t.is_quote for t in doc[quote.sent.start : quote.start])
    return opens or not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in quote)


# ---------------------------------------------------------------------------------------------
# Speakers: names, pronouns, descriptions, anonymous sources


def to_attribution(
    article: Article, text: str, names: NameIndex, draft: Draft, index: RegionIndex, drafts: Sequence[Draft]
) -> Attribution | None:
    start, end = draft.content_start, draft.content_end
    if end <= start:
        return None
    speaker = draft.speaker
    speaker_text = speaker.text if speaker is not None else None
    found = resolve(names, speaker, drafts)
    entity, anonymous = found.entity, found.anonymous
    if entity is not None and name_problem(entity):
        # a recognizer's cut ("Myers Family And") is tidied; what is no actor's name is not a speaker
        entity = tidy_name(entity) if not name_problem(tidy_name(entity) or "-") else None
    if entity is not None and ends_in_title(entity):
        entity = None
    return Attribution(
        speaker=speaker_text,
        speaker_start=speaker.start_char if speaker is not None else None,
        speaker_end=speaker.end_char if speaker is not None else None,
        speaker_entity=entity,
        cue=text[draft.cue_start : draft.cue_end] if draft.cue_start is not None else None,
        content=text[start:end],
        article=article.id,
        start=start,
        end=end,
        direct=index.quoted_share(text, start, end) >= 0.5,
        anonymous=anonymous,
        cue_start=draft.cue_start,
        cue_end=draft.cue_end,
        speaker_description=description_text(found.described) if found.described is not None else None,
        statement=statement_problem(draft, index, text) is None and not relays(draft, entity, drafts),
    )


# Names of news outlets and agencies as a speaker's name gives them (without "The"), and the head nouns of
# outlets described ("state television", "the official news agency", "the Jerusalem Post").
def ends_in_title(name: str) -> bool:
    """A name whose last word is a title's abbreviation is a title, not anyone's name: "Wing Cmdr", "Navy
    spokesman Cmdr" (a sentence cut after "Cmdr." left the name in the next one), "Brig. Gen"."""
    return name.split()[-1].rstrip(".").lower() in TITLE_ABBREVIATIONS


OUTLET_NAMES = frozenset(name.removeprefix("The ").lower() for name in patterns.OUTLET_NAMES)
MEDIA_HEADS = frozenset(
    "agency broadcaster channel daily journal magazine network news newspaper newswire paper post press radio "
    "station tabloid television times tv website wire".split()
)


def is_outlet(entity: str | None, speaker: Span | None) -> bool:
    """A speaker that is a news outlet or agency ("Reuters", "The Associated Press", "state television")."""
    words = (entity or (speaker.text if speaker is not None else "")).strip()
    words = re.sub(r"^(?:the|The)\s+", "", words)
    if not words:
        return False
    if words.lower() in OUTLET_NAMES:
        return True
    # "the Algerian Press Service", "a news service" (but "the National Weather Service" is no outlet)
    return words.split()[-1].lower() in MEDIA_HEADS or words.lower().endswith(
        ("press service", "news service")
    )


def relays(draft: Draft, entity: str | None, drafts: Sequence[Draft]) -> bool:
    """An outlet that passes on someone's words is not their speaker: "..., Reuters reported", "According
    to the BBC, David Cameron said ..." hold a cue of their own whose speaker the words are."""
    if not is_outlet(entity, draft.speaker):
        return False
    if any(
        other is not draft
        and other.cue_start is not None
        and other.speaker is not None
        and draft.content_start <= other.cue_start < draft.content_end
        for other in drafts
    ):
        return True
    if draft.cue is None:
        return False
    # a verb of saying with a subject of its own in the content, which the cue model need not have taken
    # ("According to the BBC, David Cameron said ...": PolNeAR marks only the outer attribution)
    doc = draft.cue.doc
    span = doc.char_span(draft.content_start, draft.content_end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in SPEECH_LEXICON
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in t.children)
        for t in span
    )


# Auxiliaries that make a cue a possibility, a wish or a future, not something said ("would argue",
# "could say", "will announce").
HYPOTHETICAL_AUXILIARIES = {
    "would",
    "could",
    "might",
    "may",
    "should",
    "can",
    "will",
    "must",
    "shall",
    "'d",
    "ca",
}
# Words that open a clause that names a topic or asks, not one that states ("explained why ...").
QUESTION_WORDS = {"whether", "if", "why", "how", "what", "where", "when", "who", "which", "whom"}


def statement_problem(draft: Draft, index: RegionIndex, text: str) -> str | None:
    """Why an attribution is not a statement (something said, written or held), else None.

    A statement is a communication act whose content is what was said: a verb of saying or thinking
    (``storyline.who.cues.SAYING_VERBS``, ``THINKING_VERBS``) that is not negated, not hypothetical
    ("would say") and not a plan ("is expected to announce"), with a quotation or a clause as content
    ("said that ...", "urged X to ...", "believes ..."). An object or a prepositional phrase alone is a
    topic or a thing ("spoke about the development", "sent a letter", "denied the reports"); a clause that
    opens with "how" or "why" is a topic unless the verb asks ("explained why", but "asked whether").
    """
    cue = draft.cue
    if cue is not None and cue.lower_ == "according":
        # "But whose fault were they, according to BP?": a question put about the source is nothing it said
        if asks(draft, index, text):
            return "question"
        if relative_source(cue):
            return "relative clause"
        return "subordinate clause" if lone_subordinate_clause(draft, index, text) else None
    if cue is None:
        return None  # a quote continuing the previous one; "according to X, ...": a clause attributed
    if elided_fragment(cue.doc, draft.content_start, draft.content_end):
        return "fragment"
    lemma = cue.lemma_.lower()
    if lemma not in SPEECH_LEXICON:
        return "not a verb of saying"
    children = list(cue.children)
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") and c.dep_ == "advmod" for c in children):
        return "negated"
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUXILIARIES for c in children):
        return "hypothetical"
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in children) and not (
        cue.dep_ == "xcomp" and cue.head.lemma_.lower() in SAYING_HEADS
    ):
        return "infinitive"  # "for the WHO to ask ...", "plans to say": not (yet) said
    if draft.content_end <= cue.idx and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].text == ":":
        return "content after the colon"  # "At 08:47 am, X wrote:" introduces what follows, not what precedes
    if not_said(cue):
        return "not said"  # "declined to say", "stopped short of saying"
    if cue.dep_ == "xcomp" and cue.head is not cue:
        head = cue.head
        if any(c.dep_ == "neg" for c in head.children):
            return "not said"  # "did not want to comment"
        if head.lemma_.lower() not in SAYING_HEADS and head.lemma_.lower() not in SAYING_VERBS:
            return "not said yet"  # "is expected to announce", "plans to say"
    if (
        lemma in ASKING_VERBS
        and cue.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
    ):
        return "asked of the speaker"  # "Asked whether ..., Merchet said ...": the question put to them
    passive = any(c.dep_ == "auxpass" for c in children)
    if passive and not any(c.dep_ == "agent" for c in children):
        return "passive"  # "it was announced", "he was told that ...": no one saying
    direct = index.quoted_share(text, draft.content_start, draft.content_end) >= 0.5
    if direct:
        return None
    if cue.sent.text.rstrip().rstrip(" \"'`\u201d\u2019").endswith("?"):
        return "question"  # "does X realize he has ...?": asked of the speaker, not said by them
    if lemma in QUOTATION_ONLY_VERBS and lemma not in SAYING_VERBS:
        return "quotation only"  # "continues to celebrate", "the sign read"
    if cue.dep_ == "parataxis" and cue.head.pos_ in ("VERB", "AUX"):
        return None  # "because, he said, there is ...": the clause around the cue
    clauses = [c for c in children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
    if not clauses and (told := told_that_clause(cue)) is not None:
        clauses = [told]  # 'told CNN's "Larry King Live" to be broadcast ... that he is ...'
    if cue.dep_ == "relcl" and gap_filled_before(cue):
        return (
            "relative clause"  # "mercenaries, who the rebels say Gaddafi has hired": no claim without "who"
        )
    infinitives = [c for c in children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if passive and infinitives:
        return "raised subject"  # "are not considered by the FDA to pose ...": the subject is the content's
    if (
        infinitives
        and not clauses
        and lemma in REQUEST_VERBS
        and any(c.dep_ in ("dobj", "dative") for c in children)
    ):
        # "Jackson asked him to employ Dr Murray": asking someone to do something is a request; what they were
        # asked to do is no claim of the one asking
        return "a request"
    if infinitives and not clauses and infinitives[0].left_edge.tag_ in ("WP", "WRB", "WDT"):
        return "topic"  # "telling them what to do", "explained how to apply": an instruction or a topic, no claim
    if infinitives and not clauses and lemma in DIRECTIVE_VERBS and not addressed(cue):
        return "an object, not an addressee"  # "ordered two plasma screens to help the workers unwind"
    if (
        infinitives
        and not clauses
        and lemma in DIRECTIVE_VERBS
        and draft.content_start >= infinitives[0].left_edge.idx
        and draft.content_end > cue.idx
    ):
        # "pleaded with the Americans to help": a plea's bare infinitive without whom it asks says nothing
        return "a bare infinitive"
    if not clauses and not (infinitives and lemma in INFINITIVE_CONTENT_VERBS):
        return "no clause"
    if clauses and lemma not in ASKING_VERBS:
        opener = next(
            (
                t
                for t in clauses[0].subtree
                if t.dep_ not in ("advmod", "punct") or t.lower_ in QUESTION_WORDS
            ),
            clauses[0],
        )
        if opener.lower_ in QUESTION_WORDS and opener.i > cue.i:
            return "topic"
    return None


INVERTING_AUXILIARIES = frozenset(
    "is are was were 's 're do does did has have had will would can could should shall may might must".split()
)


def elided_fragment(doc: Doc, start: int, end: int) -> bool:
    """ "But spend a week in the water on vacation and it's not going to": what was said that opens with a
    conjunction and ends on an infinitive marker or an auxiliary whose verb is left out is the tail of a
    quotation split across sentences, meaningless without the sentence before it (whose verb it leaves out).
    Not a statement on its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space or t.is_quote)]
    if len(words) < 3 or words[0].lower_ not in CONJUNCTIONS:
        return False
    ending = words[-1]
    if ending.tag_ == "TO":
        return True
    # "... and they will.", "but he did": an auxiliary with no verb of its own after it
    return ending.tag_ == "MD" or (ending.pos_ == "AUX" and ending.dep_ in ("aux", "ROOT", "conj", "ccomp"))


def lone_subordinate_clause(draft: Draft, index: RegionIndex, text: str) -> bool:
    """ "So while many countries have criticized Gadhafi ..., according to the U.N., some of his allies
    refuse ...": words attributed outside quotation marks that are a clause opened by a subordinator ("while",
    "although", "because" ...), after at most a linking adverb or conjunction, with the main clause after the
    source, are half a sentence: no claim of the source's on their own. ("As many as 100 died": "as" that
    opens no clause is no subordinator.)"""
    if draft.cue is None or index.quoted_share(text, draft.content_start, draft.content_end) >= 0.5:
        return False
    doc = draft.cue.doc
    if draft.content_end > draft.cue.idx:
        return False  # the content follows the source: "according to X, while ..., Y" is whole
    span = doc.char_span(draft.content_start, draft.content_end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    opener = span[0]
    if opener.lower_ in ("so", "and", "but", "yet", "still", "now") and opener.pos_ in ("ADV", "CCONJ"):
        opener = span[1]
    if opener.lower_ not in SUBORDINATORS or opener.dep_ != "mark":
        return False
    # the clause it opens must end inside the content, and the sentence must go on after the source
    clause = opener.head
    sentence = draft.cue.sent
    rest = [t for t in doc[draft.cue.right_edge.i + 1 : sentence.end] if not (t.is_punct or t.is_space)]
    return clause.i < span.end and len(rest) >= 2


def asks(draft: Draft, index: RegionIndex, text: str) -> bool:
    """Whether the words attributed outside quotation marks are a question: their sentence ends in "?", or
    they open with a question word and an inverted auxiliary ("whose fault were they", "why did BP ...")."""
    if index.quoted_share(text, draft.content_start, draft.content_end) >= 0.5 or draft.cue is None:
        return False
    if draft.cue.sent.text.rstrip().rstrip(" \"'`\u201d\u2019").endswith("?"):
        return True
    span = draft.cue.doc.char_span(draft.content_start, draft.content_end, alignment_mode="expand")
    words = [t for t in span or () if not t.is_punct and t.pos_ != "CCONJ"]
    if len(words) < 3 or words[0].tag_ not in ("WP", "WP$", "WRB", "WDT"):
        return False
    # the question word's noun ("whose fault"), then the auxiliary before the subject
    k = 1
    while (
        k < len(words) - 1
        and words[k].pos_ in ("NOUN", "ADJ", "PART")
        and words[k].lower_ not in (INVERTING_AUXILIARIES)
    ):
        k += 1
    return words[k].lower_ in INVERTING_AUXILIARIES and words[k + 1].dep_ in SUBJECT_DEPS | {"expl"}


# Verbs of telling someone to act: their object is the one told ("urged Assad to ...", "ordered troops to ...").
DIRECTIVE_VERBS = frozenset("urge ask tell warn order instruct advise encourage call appeal plead".split())
# Verbs of asking someone to act: "asked him to employ ...", "begged the court to ...": a request, not a claim.
REQUEST_VERBS = frozenset("ask beg request invite".split())
# Nouns for the many one addresses that no list of actors' heads holds: "urged the world to act".
ADDRESSED_COLLECTIVES = frozenset("world community public nation international everyone everybody".split())


def addressed(cue: Token) -> bool:
    """Whether a verb of telling or ordering with an infinitive addresses someone: "urged Assad to step down",
    "ordered troops to withdraw", "told reporters to leave", or no object at all ("vowed to fight on"). Its
    object being a thing ("ordered two giant plasma screens to help the workers unwind", "ordered an inquiry
    to find out") makes it an act, not a communication: the infinitive is the thing's purpose."""
    objects = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    return not objects or any(names_someone(obj) for obj in objects)


def names_someone(noun: Token) -> bool:
    """Whether a noun phrase's head names someone who can speak or be spoken to (a pronoun, a name, "the
    driver", "residents", "the world"), not a thing ("two giant plasma screens", "an inquiry")."""
    if noun.pos_ in ("PRON", "PROPN") or noun.ent_type_ in NAMED_LABELS:
        return True
    lemma = noun.lemma_.lower()
    if lemma in ACTOR_HEADS or lemma in ANONYMOUS_HEADS or noun.lower_ in ANONYMOUS_HEADS:
        return True
    if lemma in ADDRESSED_COLLECTIVES or lemma.endswith(AGENT_SUFFIXES):
        return True
    return bool(PERSON_NOUN.search(lemma)) and lemma not in THING_LEMMAS


# Endings of nouns for people that ``ACTOR_HEADS`` need not list ("volunteers", "residents", "Libyans").
PERSON_NOUN = re.compile(r"(?:er|or|ant|ent|ian|ese|ist)$")
# Things with those endings: "ordered a computer", "ordered an investigation to ...".
THING_LEMMAS = frozenset(
    """computer container tanker trailer helicopter carrier monitor paper letter order number center centre
    equipment shipment statement document agreement settlement payment government department tower
    poster sticker river""".split()
)


def gap_filled_before(cue: Token) -> bool:
    """A verb of saying in a relative clause whose relative word belongs to what was said: "African mercenaries,
    who the rebels say Gaddafi has hired ...", "the outbreak, which Donaldson said was a month behind": the
    content has a gap the relative word's antecedent fills, so without it the words claim nothing. (Not "the
    minister, who said ...", where the relative word is the speaker.)"""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.tag_ in ("WDT", "WP", "WP$") or subject.lower_ in RELATIVE_PRONOUNS:
        return False
    doc = cue.doc
    between = doc[max(cue.head.i + 1, cue.sent.start, subject.left_edge.i - 3) : subject.left_edge.i]
    for token in between:
        # the parse hangs the relative word on the content's verb, on the cue or on the antecedent
        if token.tag_ in ("WDT", "WP", "WP$") or token.lower_ == "that" and token.dep_ != "det":
            return True
    # no relative word: "a key road junction the rebels hope to take", "the man police said was armed"; but
    # "the day the minister said the talks failed" names when, and what was said is whole
    return (
        not any(t.is_alpha for t in between)
        and cue.head.i < subject.left_edge.i
        and cue.head.ent_type_ not in ("DATE", "TIME")
        and cue.head.lemma_.lower() not in TIME_NOUNS
    )


def common_noun_opening(ent: Span) -> bool:
    """A one-word "name" that the tagger reads as a common noun and that has its capital only from opening the
    sentence: "Media" of "Media habitually tells us ...", "Police" of "Police said ..." (a described source,
    not a name)."""
    if len(ent) != 1 or ent.label_ not in NAMED_LABELS:
        return False
    token = ent[0]
    return bool(token.is_sent_start) and token.pos_ == "NOUN" and not token.text.isupper()


NAME_OPENING_PREPOSITIONS = frozenset("via from in on at by with to of for into about".split())


def without_headline_verb(ent: Span) -> Span:
    """A person's name without the headline's verb the recognizer took in ("Obama Outlines His Plans ..." ->
    "Obama"), as ``who.entities`` lists the name."""
    if ent.label_ != "PERSON" or len(ent) < 2 or not headline_verb(ent[-1]):
        return ent
    from spacy.tokens import Span

    return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)


class NameIndex:
    """A document's named entities, looked up by position in O(log n) (``Span.ents`` scans them all), and its
    people's genders as the document shows them, or the story (``story``) where it does."""

    def __init__(self, doc: Doc, story: StoryGenders = NO_STORY) -> None:
        self.doc = doc
        self.story = story
        self.text = doc.text  # read once: spaCy joins a Doc's text anew on every read
        # "Media habitually tells us ...": a common noun capitalised only because it opens the sentence is no name
        # and "Via Twitter" (tagged a person in "Via Twitter, CNN's Nic Robertson reported") is no name: no
        # name starts with a preposition
        self.ents = [
            without_headline_verb(e)
            for e in doc.ents
            if not common_noun_opening(e) and e[0].lower_ not in NAME_OPENING_PREPOSITIONS
        ]
        self.starts = [e.start for e in self.ents]
        # a reporter's credit ("From Ernest Scheyder in LAROSE , La. :", "Reporting by ...") names no one whom the
        # article's "he" or "she" could stand for
        self.people = [e for e in self.ents if e.label_ == "PERSON" and not credited(e)]
        self.people_ends = [e.end_char for e in self.people]
        # The full forms of each surname's person, where the text uses them ("Clinton" -> "Hillary
        # Clinton"); two people of one surname ("Jeh Johnson", "Gary Johnson") are told apart by place.
        self.full_forms: dict[str, list[tuple[int, str]]] = {}
        # (keyed by the surname in lower case: "al-Obeidy" and "Al-Obeidy" are one surname)
        # Full names by their first word: "Ban" is "Ban Ki-moon" (family name first), "Hillary" is
        # "Hillary Clinton", when the article names one such person.
        self.by_first: dict[str, set[str]] = {}
        for person in self.people:
            name = clean_name(person.text)
            words = name.split()
            if any(w[:1].islower() and w.lower().split("-")[0] not in NAME_PARTICLES for w in words):
                continue  # "abandon al-Assad": the recognizer took a verb into the name
            if any(t.pos_ in ("VERB", "AUX") for t in person):
                continue  # a title's words: "Obama Says", "Black Lawmakers Rip Donald Trump"
            if 2 <= len(words) <= 4:
                self.full_forms.setdefault(words[-1].lower(), []).append((person.start_char, name))
                self.by_first.setdefault(words[0], set()).add(name)
        # A surname the recognizer tagged as a body or place elsewhere ("Trump" as ORG), or left untagged
        # ("However, Gates made clear ...": Robert Gates), is still that person: counted among the people a
        # pronoun could stand for.
        self.people = sorted(
            [
                *self.people,
                *(
                    e
                    for e in self.ents
                    if e.label_ in ("ORG", "GPE", "NORP") and clean_name(e.text).lower() in self.full_forms
                ),
                *untagged_surnames(
                    doc, {form.split()[-1] for forms in self.full_forms.values() for _, form in forms}
                ),
            ],
            key=lambda e: e.start,
        )
        self.people_ends = [e.end_char for e in self.people]
        self.votes = name_votes(doc, [(person, clean_name(person.text)) for person in self.people])
        self.genders = decided(self.votes)
        self.token_starts = [t.idx for t in doc]
        self.places_cache: dict[str, bool] = {}

    def within(self, span: Span) -> list[Span]:
        i = bisect.bisect_left(self.starts, span.start)
        found = []
        while i < len(self.ents) and self.ents[i].start < span.end:
            if self.ents[i].end <= span.end:
                found.append(self.ents[i])
            i += 1
        return found

    def full_name(self, name: Span, gender: str | None = None) -> str | None:
        """The full form of a person's name in the document ("Clinton" -> "Hillary Clinton"): of several
        people of one surname, the one named last before (else first after) this mention."""
        text = clean_name(name.text)
        if not text.split() or name.label_ != "PERSON" and text.lower() not in self.full_forms:
            return text  # a body or place ("Trump" tagged ORG is the person named so elsewhere)
        forms = self.full_forms.get(text.split()[-1].lower(), [])
        if forms and " " not in text:
            if gender is not None:
                # "he" for "Cruz" is not Heidi Cruz: the forms of the pronoun's gender, else of none shown
                shown = [(start, form) for start, form in forms if self.gender_of(form) == gender]
                forms = shown or [(start, form) for start, form in forms if self.gender_of(form) is None]
                if not forms:
                    return None
            before = [form for start, form in forms if start <= name.start_char]
            return before[-1] if before else forms[0][1]
        first = self.by_first.get(text, set())
        if introduced(name):
            return text  # "Mohammed, a 20-year-old student,": someone new, not CNN's Mohammed Jamjoom
        return next(iter(first)) if len(first) == 1 and " " not in text else text

    def body_name(self, name: Span) -> str:
        """The full form of a body's short name in the document ("Cameron" -> "Cameron International Corp"): the
        name (whatever the recognizer tagged it: "Fitch Ratings" a person) last before it, else first after it, that
        starts with it; else the name."""
        text = clean_name(name.text)
        forms = [
            (
                e.start_char > name.start_char,
                -e.start_char if e.start_char < name.start_char else e.start_char,
                full,
            )
            for e in self.ents
            if (full := clean_name(e.text)).startswith(text + " ")
        ]
        return min(forms)[2] if forms else text

    def placed(self, name: Span) -> bool:
        """Whether the document's syntax shows a name to be a place, whatever the recognizer tagged it (its
        labels are too noisy to tell): the object of "in" or "near" ("the oil terminal in Brega"), a facility's
        modifier ("Brega refinery") or a town named ("the oil town of Brega")."""
        words = clean_name(name.text).split()
        if not words:
            return False
        last = words[-1]
        if last not in self.places_cache:
            self.places_cache[last] = any(
                t.text == last
                and (
                    t.dep_ == "pobj"
                    and t.head.lower_ in LOCATIVE_PREPOSITIONS
                    or t.dep_ == "compound"
                    and t.head.lemma_.lower() in PLACE_NOUNS
                    or t.dep_ == "pobj"
                    and t.head.lower_ == "of"
                    and t.head.head.lemma_.lower() in PLACE_NOUNS
                )
                for t in self.doc
            )
        return self.places_cache[last]

    def gender_of(self, person: Span | str) -> str | None:
        """ "m" or "f" where the story shows it for the person's full name (``StoryGenders``: the story's
        articles together), else where the document shows it (``genders.name_votes``), else where the story
        shows it for the first name; else None. A surname alone stands for the full names of that surname the
        document uses: the story's gender where it shows them all to be of one ("Gadhafi" when the article
        names Moammar and Saadi Gadhafi), else the document's."""
        text = clean_name(person if isinstance(person, str) else person.text)
        words = text.split()
        if not words:
            return None
        if len(words) == 1:
            forms = {form for _, form in self.full_forms.get(text.lower(), [])}
            told = {self.story.of_name(form) for form in forms}
            if len(told) == 1 and None not in told:
                return told.pop()
            return self.genders.get(text)
        if text in self.story.names:
            return self.story.names[text]
        if text in self.genders:
            return self.genders[text]
        if len({form for _, form in self.full_forms.get(words[-1].lower(), [])}) > 1:
            # "Ivanka Trump" is not what "Trump" is shown to be
            return self.story.first_names.get(words[0])
        return self.genders.get(words[-1]) or self.story.first_names.get(words[0])

    def full_name_votes(self) -> Votes:
        """The document's votes for the gender of each full name it uses (``genders.article_votes``)."""
        return article_votes(self.votes, [form for forms in self.full_forms.values() for _, form in forms])

    def people_between(self, start: int, end: int) -> list[Span]:
        """The people named between two character offsets."""
        i = bisect.bisect_right(self.people_ends, start)
        found = []
        while i < len(self.people) and self.people[i].end_char <= end:
            found.append(self.people[i])
            i += 1
        return found


def untagged_surnames(doc: Doc, surnames: set[str]) -> list[Span]:
    """A person's surname written alone as a proper noun the recognizer left without a label ("However, Gates
    made clear ..." in an article that names Robert Gates), as a one-word PERSON span each: not a word of a
    longer name ("the Gates Foundation")."""
    from spacy.tokens import Span

    return [
        Span(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.text in surnames
        and t.pos_ == "PROPN"
        and not t.ent_type_
        and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")
        and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
    ]


CREDIT_OPENERS = frozenset({"By", "From"})
CREDIT_VERBS = frozenset("reporting writing editing compiled reported written edited".split())
CREDIT_ENDS = frozenset({",", ";", ":", ")", "|", "in", "and", "for"})


def credited(name: Span) -> bool:
    """Whether a name is a reporter's credit: after a line's or sentence's opening "By" or "From" and followed by
    the line's end, a place ("in LAROSE"), a colleague ("and ...") or punctuation; or after "reporting by",
    "editing by"."""
    doc = name.doc
    if name.start == 0:
        return False
    before = doc[name.start - 1]
    if before.lower_ == "by" and name.start >= 2 and doc[name.start - 2].lower_ in CREDIT_VERBS:
        return True
    opens = (
        before.i == 0
        or before.is_sent_start
        or "\n" in doc[before.i - 1].text
        or doc[before.i - 1].text == "("
    )
    if before.text not in CREDIT_OPENERS or not opens:
        return False
    return name.end == len(doc) or doc[name.end].text in CREDIT_ENDS or "\n" in doc[name.end].text


# Prepositions whose object is a place ("in Brega") (nouns of places: ``PLACE_NOUNS`` of ``who.names``).
LOCATIVE_PREPOSITIONS = frozenset("in near outside".split())


def introduced(name: Span) -> bool:
    """A one-word name followed by an apposition that says who this is ("Mohammed, a 20-year-old student",
    "Ahmed, 19,"): a person introduced here, not the one of that first name named in full elsewhere."""
    doc = name.doc
    if len(name) != 1 or name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return False
    after = doc[name.end + 1]
    return after.lower_ in ("a", "an") or after.like_num


def head_of(span: Span) -> Token:
    return span.root


@dataclass(frozen=True)
class Resolution:
    """Who a speaker span stands for: a named entity, or an anonymous or described source.

    ``described`` is the noun phrase that describes the source when it names nobody ("senior U.S.
    officials", "the opposition"), possibly the antecedent of a pronoun or relative word.
    """

    entity: str | None = None
    anonymous: bool = False
    described: Span | None = None


UNRESOLVED = Resolution()


def resolve_speaker(
    names: NameIndex, speaker: Span | None, drafts: Sequence[Draft]
) -> tuple[str | None, bool]:
    """The named entity a speaker span stands for, and whether the source is anonymous."""
    found = resolve(names, speaker, drafts)
    return found.entity, found.anonymous


def resolve(names: NameIndex, speaker: Span | None, drafts: Sequence[Draft]) -> Resolution:
    """Who a speaker span stands for: its own name, the antecedent of a pronoun, relative word or
    definite description ("the official"), or the described source; else unresolved."""
    if speaker is None:
        return UNRESOLVED
    name = name_in(names, speaker)
    if name is not None and name.start <= head_of(speaker).i < name.end and described_by_which(speaker):
        return Resolution(names.body_name(name), False)  # a body or a thing: no person's full name
    if name is not None:
        return Resolution(country_meant(name, speaker) or names.full_name(name), False)
    root = head_of(speaker)
    lowered = root.lower_
    if lowered == "you":
        return UNRESOLVED  # the one spoken to, never the source quoted before ("Reuters (as you)")
    if lowered in ("i", "we"):
        # outside quotation marks "I" and "we" are the writer (a column, a blog, a reader's letter), never
        # the source quoted before; inside them the verb is the quote's own, not a cue
        return UNRESOLVED
    if lowered in PRONOUNS or lowered in RELATIVE_PRONOUNS or speaker.text.lower().startswith("the "):
        antecedent = antecedent_of(names, speaker, drafts, lowered)
        if antecedent is not None:
            return antecedent
    if lowered in PRONOUNS or lowered in RELATIVE_PRONOUNS or root.pos_ in ("PRON", "DET"):
        return UNRESOLVED
    anonymous = lowered in ANONYMOUS_HEADS or root.lemma_.lower() in ANONYMOUS_HEADS
    if anaphoric_description(speaker):
        titled = titled_person_before(names, speaker)
        if titled is not None:
            return Resolution(names.full_name(titled), False)
        return UNRESOLVED  # "the company" whose antecedent was not found names no one
    described = speaker if is_actor_description(speaker) else None
    return Resolution(None, anonymous, described)


def described_by_which(speaker: Span) -> bool:
    """ "Cameron, which supplied the blowout preventer for the rig,": a speaker whose name a relative clause opening
    with "which" follows is a thing or a body (Cameron International), never a person (David Cameron). (Not a
    "which" further on, that may hang on a name in an aside: "Gordon, an attorney with Weitz & Luxenberg, which
    ...")"""
    root = head_of(speaker)
    doc = speaker.doc
    return any(
        child.dep_ == "relcl"
        and child.left_edge.lower_ == "which"
        and all(t.is_punct for t in doc[root.i + 1 : child.left_edge.i])
        for child in root.children
    )


# The bodies a bare "the ..." names on its own in a story: the country's or the story's institutions.
INSTITUTION_HEADS = {
    "government",
    "opposition",
    "military",
    "army",
    "navy",
    "police",
    "regime",
    "administration",
    "junta",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "presidency",
    "kremlin",
    "pentagon",
    "vatican",
    "who",
    "un",
}


def anaphoric_description(speaker: Span) -> bool:
    """A bare "the" and one singular common noun ("the company", "the official", "the singer") points
    back to someone named before: no source of its own. Institutions ("the government", "the
    opposition") and groups ("the rebels") are described sources."""
    # "The senator, who ran against Obama in 2008,": a clause or an aside after the head narrows no one down
    # ("The official, who asked not to be named," is an anonymous source, described, not a pointer back)
    root = head_of(speaker)
    anonymous = root.lower_ in ANONYMOUS_HEADS or root.lemma_.lower() in ANONYMOUS_HEADS
    aside = {
        t.i
        for child in root.children
        if not anonymous and child.i > root.i and child.dep_ in ("relcl", "acl", "advcl", "punct")
        for t in child.subtree
    }
    words = [t for t in speaker if not t.is_punct and t.i not in aside]
    if len(words) != 2 or words[0].lower_ != "the":
        return False
    head = words[1]
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() not in INSTITUTION_HEADS


def titled_person_before(names: NameIndex, description: Span, reach: int = 1500) -> Span | None:
    """ "Senator John McCain said ... The senator contends ...": a definite description by a title or role
    ("the senator", "the president") is the nearest person named before it (within ``reach`` characters)
    with that title right before the name ("Senator John McCain", "Sen. McCain", "Foreign Minister X"),
    else no one."""
    doc = names.doc
    title = head_of(description).lower_
    for person in reversed(names.people):
        if person.end_char > description.start_char:
            continue
        if description.start_char - person.end_char >= reach:
            break
        if person.label_ != "PERSON":
            continue
        words = [t.lower_.rstrip(".") for t in person]
        k = person.start - 1
        while (
            k >= 0
            and k >= person.start - 4
            and doc[k].pos_ in ("PROPN", "NOUN", "ADJ")
            and doc[k].text[:1].isupper()
        ):
            words.append(doc[k].lower_.rstrip("."))
            k -= 1
        if any(TITLE_ABBREVIATIONS.get(w, w) == title for w in words):
            return person
    return None


def name_in(names: NameIndex, span: Span) -> Span | None:
    """The first person, organisation or place named in a span (the speaker's own name first)."""
    root = head_of(span)
    # The speaker's own words: up to its head, and an apposition ("the official, John Smith,"),
    # not a clause hanging off it ("the king, who spoke with Obama,").
    own = {t.i for t in span}
    for child in root.children:
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            own.difference_update(t.i for t in child.subtree)
    # and not someone the head is said of: "a lawyer for Michael Jackson's doctor", "Obama's spokesman"
    # are neither Jackson nor Obama (the head, a common noun, is the speaker)
    # nor whose a named head is ("BP's Odone said": Odone, BP's spokesman, is the speaker, not BP)
    others = (
        {t.i for child in root.children if child.dep_ in ("prep", "poss") for t in child.subtree}
        if root.pos_ == "NOUN"
        else {t.i for child in root.children if child.dep_ == "poss" for t in child.subtree}
        if root.pos_ == "PROPN"
        else set()
    )
    inside = [e for e in names.within(span) if all(i in own for i in range(e.start, e.end))]
    people = [
        e for e in inside if e.label_ == "PERSON" and not any(i in others for i in range(e.start, e.end))
    ]
    at_head = next((e for e in inside if e.start <= root.i < e.end), None)
    if (
        at_head is not None
        and at_head.label_ != "PERSON"
        and clean_name(at_head.text).lower() in names.full_forms
    ):
        return at_head  # "Rendell, a Clinton surrogate,": Rendell (tagged ORG) is the person named so
    if people:
        # "Clinton communication director Jennifer Palmieri": the speaker is the person at the head
        at_head_person = next((e for e in people if e.start <= root.i < e.end), None)
        if at_head_person is not None:
            return at_head_person
        # A name inside a description that only says whose it is ("an Obama administration official",
        # "Browner, President Barack Obama's adviser") is not the speaker; one beside it is ("the
        # official, John Smith,").
        own_names = [e for e in people if e.root.dep_ not in ("poss", "compound", "nmod", "amod")]
        if own_names:
            return own_names[0]
    if head_of(span).lower_ in ANONYMOUS_HEADS or head_of(span).lemma_.lower() in ANONYMOUS_HEADS:
        return None  # "a senior U.S. official" names a country, not the speaker
    if root.pos_ == "NOUN" and root.lemma_.lower() in FOLLOWER_HEADS:
        return None  # "Michael Jackson fans", "Obama supporters": whom they follow is not who speaks
    # "Gadhafi's son", "the son of Moammar Gadhafi": whom the head noun is said of is not the speaker either
    named = [
        e
        for e in inside
        if e.label_ in NAMED_LABELS
        # (a name that holds the head holds its own possessive: "Moody's Investors Service")
        and (e.start <= root.i < e.end or not any(i in others for i in range(e.start, e.end)))
        # "a U.S. Congressional report": a name ending in an adjective cut from its noun names no one
        and not (e.label_ != "NORP" and e[-1].tag_ == "JJ" and not e.start <= root.i < e.end)
    ]
    if named and named[0].start <= head_of(span).i < named[0].end:
        return named[0]
    if (
        named
        and named[0].label_ == "NORP"
        and all(t.pos_ == "ADJ" for t in named[0])
        and root.lemma_.lower() not in STATE_HEADS
    ):
        # "the Western leaders", "Libyan rebels", "a Libyan woman": a nationality describes them and names
        # no actor (one "Libyan" would hold the government's, the rebels' and a woman's words); "the
        # Syrian government" is the country's
        return None
    if (
        named
        and len(named[0]) >= len(span) - 2
        and not (named[0].label_ == "NORP" and root.pos_ == "NOUN" and root.lemma_.lower() not in ACTOR_HEADS)
    ):
        return named[0]  # but "the Mexican figures" are no Mexicans
    return None


def country_meant(name: Span, speaker: Span) -> str | None:
    """ "The Libyan government", "Libyan authorities": a nationality before the head noun of a state stands for
    the country (Libya), not for an actor named "Libyan"."""
    root = head_of(speaker)
    if (
        name.label_ != "NORP"
        or root.lemma_.lower() not in STATE_HEADS
        or not all(t.pos_ == "ADJ" for t in name)
    ):
        return None
    country = country_of_word(clean_name(name.text))
    return country.name if country is not None else None


# People named by whom they follow or oppose: "Michael Jackson fans" are not Michael Jackson.
FOLLOWER_HEADS = frozenset(
    "fan supporter admirer follower devotee loyalist critic opponent detractor mourner well-wisher".split()
)
# Heads of a description that stands for a country's state: "the Syrian government" is Syria's.
STATE_HEADS = frozenset(
    "government regime administration authority ministry cabinet leadership state".split()
)


def clean_name(text: str) -> str:
    text = re.sub(r"['\u2019]s$", "", PTB_BRACKET.sub(" ", text).strip(" -"))
    return " ".join(text.split())


# The Penn Treebank's spelled-out brackets, which a recognizer may take into a name ("-LRB- CNN").
PTB_BRACKET = re.compile(r"(?<!\S)-[LR][RCS]B-(?!\S)")


def antecedent_of(
    names: NameIndex, speaker: Span, drafts: Sequence[Draft], pronoun: str
) -> Resolution | None:
    """The speaker a pronoun, relative word or "the official" refers back to.

    A relative word refers to the noun it hangs on ("U.S. officials, who asked ..."). A personal
    pronoun refers, in order, to a person who is the subject of a clause governing it in its sentence
    ("Ban spoke with Assad on the phone where he: expressed alarm"); to the latest speaker before it
    (within 1,500 characters) that it can stand for ("he" and "she" a person or someone described,
    "it" not a person, "they" and "we" not one person); else, for "he" and "she", to the nearest
    person named before it (within 600 characters).
    """
    doc = names.doc
    if pronoun in RELATIVE_PRONOUNS:
        head = head_of(speaker).head
        while head.dep_ in ("relcl", "acl", "conj") and head.head is not head:
            head = head.head
        if head.pos_ in ("PROPN", "NOUN"):
            phrase = doc[head.left_edge.i : head.i + 1]
            return resolve(names, phrase, [])
        return None
    if pronoun in ("he", "she"):
        gender = "m" if pronoun == "he" else "f"
        found = person_antecedent(names, speaker, drafts, gender)
        if found is None or found.entity is None:
            return found
        if named_in_own_words(names, found.entity, speaker, drafts):
            return None  # '"Gadhafi should be killed," he says': whom one talks of is not who talks
        if names.gender_of(found.entity) in (None, gender):
            return found
        # "she" is never a man the story calls "he", however the antecedent was reached: the pronoun's
        # neighbourhood misled the search, and only a person shown to be of its gender, nearest, is she
        shown = nearest_of_gender(names, speaker, drafts, gender)
        return Resolution(shown, False) if shown is not None else None
    wanted_head = head_of(speaker).lemma_.lower() if pronoun not in PRONOUNS else None
    latest: Draft | None = None
    for draft in drafts:  # in text order: the last one before the speaker wins
        if draft.speaker is None or draft.speaker.end_char > speaker.start_char:
            continue
        if speaker.start_char - draft.speaker.end_char >= 1500:
            continue
        head = head_of(draft.speaker)
        if head.lower_ in PRONOUNS or wanted_head is not None and head.lemma_.lower() != wanted_head:
            continue
        if wanted_head is not None and not describes_same(speaker, draft.speaker):
            continue
        if head.lower_ in RELATIVE_PRONOUNS or head.pos_ in ("PRON", "DET"):
            continue
        if pronoun in ("they", "we") and (
            head.ent_type_ == "PERSON" or head.tag_ in ("NN", "NNP") and not head.ent_type_
        ):
            continue  # "they" is not the one person (or one official) quoted before
        if pronoun == "it" and head.ent_type_ == "PERSON":
            continue
        if reported_inside(draft.speaker, drafts):
            continue  # "The ministry said NATO has justified its raids by citing ... It said ...": the ministry
        if latest is None or latest.speaker is None or draft.speaker.end_char > latest.speaker.end_char:
            latest = draft
    rival = subject_just_before(speaker, pronoun == "they") if pronoun in ("it", "they") else None
    if latest is not None and latest.speaker is not None:
        if pronoun == "they" and other_group_between(latest, speaker):
            return None
        if rival is None or latest.speaker.end_char > rival.sent.start_char:
            return resolve(names, latest.speaker, [])
    elif rival is None or pronoun != "they":
        return None
    # "The opposition ... has suffered military setbacks this week. It has said ...": the body the sentence
    # before is about is whom "it" goes on from, not a speaker quoted earlier; where it names no one, the two
    # compete and "it" stays unresolved. "Rebel fighters advanced on Brega on Friday. They said ...": "they"
    # goes on from the group the sentence before is about, named or described, quoted before or not
    named = resolve(names, doc[rival.left_edge.i : rival.i + 1], [])
    if named.entity is not None or pronoun == "they" and named.described is not None:
        return named
    return None


def nearest_of_gender(names: NameIndex, speaker: Span, drafts: Sequence[Draft], gender: str) -> str | None:
    """The full name of the person named last before a "he" or "she" (within 1,500 characters) whom the story
    or the document shows to be of its gender, where everyone named between them is shown to be of the other
    (no one else could be meant) and the person is not in the pronoun's own words: "Eman al-Obeidy ...
    Gadhafi appeared shocked afterward. He commented on her strong character ... She called herself an ordinary
    citizen" is al-Obeidy when the story shows Gadhafi to be a man."""
    own = [(d.content_start, d.content_end) for d in drafts if d.speaker == speaker]
    for person in reversed(names.people_between(speaker.start_char - 1500, speaker.start_char)):
        if not clean_name(person.text).split() or any(s <= person.start_char < e for s, e in own):
            continue
        shown = names.gender_of(person)
        if shown is None:
            return None
        if shown == gender:
            return names.full_name(person, gender)
    return None


def subject_just_before(pronoun: Span, plural: bool = False) -> Token | None:
    """The subject of the main clause of the sentence just before the one a pronoun opens, where it is a body:
    an organisation, country or people named, or an institution ("the opposition"); for a plural pronoun
    (``plural``), a plural subject that describes actors ("the rebels", "officials", "Americans"); else None."""
    doc = pronoun.doc
    sentence = head_of(pronoun).sent
    opening = sentence.start
    while opening < pronoun.start and (doc[opening].is_space or doc[opening].is_punct):
        opening += 1
    if opening != pronoun.start:
        return None
    k = sentence.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    if k < 0:
        return None
    before = doc[k].sent
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    if plural:
        described = is_actor_description(doc[subject.left_edge.i : subject.i + 1])
        return subject if subject.tag_ in ("NNS", "NNPS") and described else None
    if subject.pos_ == "PROPN" and subject.ent_type_ in ("ORG", "GPE", "NORP"):
        return subject
    if subject.tag_ == "NN" and subject.lemma_.lower() in INSTITUTION_HEADS:
        return subject
    return None


def named_in_own_words(names: NameIndex, name: str, speaker: Span, drafts: Sequence[Draft]) -> bool:
    """Whether the statement a speaker makes talks of the person in the third person: the surname alone or after
    a word of the person's own name ("Gadhafi", "Moammar Gadhafi" for Moammar Gadhafi; not "Moammar Gadhafi"
    for his son Saif al-Islam Gadhafi), inside a quotation or not as the subject of what was said. ("Headmaster
    Colin Diggory is contacting exam boards, he said": one reported telling of himself.)"""
    words = name.split()
    doc, text = speaker.doc, names.text
    for draft in drafts:
        if draft.speaker is None or draft.speaker.start_char != speaker.start_char:
            continue
        content = text[draft.content_start : draft.content_end]
        for match in re.finditer(rf"\b{re.escape(words[-1])}\b", content):
            before = content[: match.start()].split()[-1:]
            if before and before[0][:1].isupper() and before[0] not in words:
                continue  # another person of that surname
            mention = doc.char_span(
                draft.content_start + match.start(),
                draft.content_start + match.end(),
                alignment_mode="expand",
            )
            if mention is None or told_of(mention, draft, text):
                return True
    return False


def told_of(person: Span, draft: Draft, text: str) -> bool:
    """Whether a person named in a draft's content is one the speaker tells of: inside a quotation, or anywhere
    but the subject of what was said ("Headmaster Colin Diggory is contacting exam boards, he said" may be
    Diggory telling of himself)."""
    quoted = any(mark in text[draft.content_start : person.start_char] for mark in QUOTE_TOKENS)
    return quoted or person.root.dep_ not in SUBJECT_DEPS


def reported_inside(speaker: Span, drafts: Sequence[Draft]) -> bool:
    """Whether a speaker is named inside what another speaker said ("The ministry said NATO has justified its
    raids by citing ..."): someone spoken of, whom a pronoun in the next sentence does not take over from the
    one reporting."""
    return any(
        other.speaker is not None
        and other.speaker.end_char <= other.content_start <= speaker.start_char
        and speaker.end_char <= other.content_end
        for other in drafts
    )


def describes_same(description: Span, candidate: Span) -> bool:
    """ "the Scottish health secretary" is not "The homeland security secretary, Janet Napolitano": every
    word that narrows a definite description must be in the candidate's words too."""
    words = {t.lower_ for t in candidate}
    root = head_of(description)
    return all(
        t.lower_ in words
        for t in description
        if t.i < root.i and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.lower_ not in DESCRIPTION_DETERMINERS
    )


def other_group_between(candidate: Draft, pronoun: Span) -> bool:
    """Whether a group other than the candidate's could be what "they" stands for: the subject of a clause
    between the candidate and the pronoun (outside what the candidate said) that is a plural noun or a body
    (a named organisation, "the government"; "Details of a likely blowout scenario emerged ... They suggest ...": the details, not the officials
    quoted before them)."""
    assert candidate.speaker is not None
    doc = pronoun.doc
    own = head_of(candidate.speaker).lemma_.lower()
    for token in doc[candidate.speaker.end : pronoun.start]:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if candidate.content_start <= token.idx < candidate.content_end:
            continue  # whom the candidate spoke of
        plural = token.tag_ in ("NNS", "NNPS")
        body = (
            token.ent_type_ in ("ORG", "NORP", "GPE")
            and token.pos_ == "PROPN"
            or token.lemma_.lower() in INSTITUTION_HEADS  # "The government denied it. They said ..."
        )
        if (plural or body) and token.lemma_.lower() != own:
            return True
    return False


def description_gender(token: Token) -> str | None:
    """ "m" or "f" for a noun that names one person of that gender, "" for one person of either, None for a
    noun that names no one person (a thing, a body, a group)."""
    if token.tag_ not in ("NN", "NNP") or token.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC", "DATE"):
        return None
    lemma = token.lemma_.lower()
    kind = noun_gender(lemma)
    if kind is not None:
        return kind
    # "the spokesman": most likely a man here, though a title in "-man" is no evidence of a named one's gender
    if len(lemma) > 4 and lemma.endswith("man") and token.pos_ == "NOUN":
        return "m"
    if (
        lemma in PERSON_HEADS
        or lemma in ONE_PERSON_NOUNS
        or len(lemma) > 5
        and lemma.endswith(AGENT_SUFFIXES)
    ):
        return "" if token.pos_ == "NOUN" or lemma in ONE_PERSON_NOUNS else None
    return None


def described_subject(token: Token) -> str | None:
    """For a clause's subject: "m", "f" or "" when it describes one person by a common noun ("a Sudanese
    man who crossed into Tunisia", "the witness") or puts a person's noun before a name the recognizer did
    not take for a person ("CNN iReporter Marianamin"); None otherwise."""
    if token.pos_ == "NOUN":
        return description_gender(token)
    if token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and token.tag_ == "NNP":
        for child in token.children:
            if child.dep_ in ("compound", "amod", "appos") and child.i < token.i:
                lowered = child.lower_
                if lowered in GENDERED_NOUNS:
                    return GENDERED_NOUNS[lowered]
                if lowered in PERSON_HEADS or lowered in ONE_PERSON_NOUNS:
                    return ""
    return None


def person_antecedent(
    names: NameIndex, speaker: Span, drafts: Sequence[Draft], gender: str
) -> Resolution | None:
    """Who "he" or "she" stands for, only where the evidence is clear: a person who is the subject of a
    clause governing it; else the latest person quoted before it (within 1,500 characters); else the
    person named last before it (within 600). A person the document shows to be of the other gender
    ("Mr.", "Ms.", pronouns in sentences naming them alone) is never taken, and another person who
    could be meant, named between the candidate and the pronoun, leaves the pronoun unresolved."""

    # the people named in the statement itself are whom the speaker talks about, not the speaker
    own = next(
        (d for d in drafts if d.speaker is not None and d.speaker.start_char == speaker.start_char), None
    )

    def outside(person: Span) -> bool:
        return own is None or not own.content_start <= person.start_char < own.content_end

    def fits(person: Span) -> bool:
        return names.gender_of(person) in (None, gender)

    def salient(person: Span) -> bool:
        # a subject (or one of several subjects) is someone the text is about; a person in an object or
        # a circumstance ("an interview with Leon Panetta") is not who "she" goes on to be
        root = person.root
        return root.dep_ in SUBJECT_DEPS or root.dep_ in ("conj", "appos") and root.head.dep_ in SUBJECT_DEPS

    def spoken_of_after(person: Span) -> bool:
        # "We spent the day with Dr. Hossam Abdel Maksoud. He is an Egyptian-American ... He said ...": a
        # person named in passing whom the text goes on to call "he" (or "she") before the pronoun
        # (not one named beside the subject the text is about: "She has faced controversies -- her meeting
        # with Bill Clinton while the department was investigating his wife, Hillary Clinton, ... She said")
        pronouns = MASCULINE if gender == "m" else FEMININE
        sentence = person.sent
        subjects = [t for t in sentence if t.dep_ in SUBJECT_DEPS and t.head == sentence.root]
        if any(t.lower_ in pronouns or t.ent_type_ == "PERSON" for t in subjects):
            return False
        return any(
            t.lower_ in pronouns and t.dep_ in SUBJECT_DEPS and t.is_sent_start
            for t in names.doc[sentence.end : head_of(speaker).i]
        )

    def rivals(
        start: int, surname: str | None, said: tuple[int, int] = (0, 0), shown: Span | None = None
    ) -> bool:
        # people named in what the candidate said ("Rice said the call for Assad to step down") are
        # whom the candidate talked about: no rivals either; against a candidate ``shown`` to be of the
        # pronoun's gender, only people shown to be of it too, and those of no gender shown in its sentence
        # ("Mark Toner, who called on Gadhafi to cease hostilities ... He said": either could be meant)
        if any(
            (
                fits(other)
                if shown is None
                else names.gender_of(other) == gender or fits(other) and other.sent == shown.sent
            )
            and outside(other)
            and (salient(other) or spoken_of_after(other))
            and not said[0] <= other.start_char < said[1]
            and clean_name(other.text).split()[-1:] != [surname]
            for other in names.people_between(start, speaker.start_char)
            if clean_name(other.text).split()
        ):
            return True
        # and a person described, not named, who is the subject of a clause in between: "A Sudanese man
        # who crossed into Tunisia said ...  He said ...", "CNN iReporter Marianamin is an American ...
        # She says ...": "he" or "she" may be they, not the one named before
        first = bisect.bisect_left(names.token_starts, start)
        for token in names.doc[first : head_of(speaker).i]:
            if token.dep_ not in SUBJECT_DEPS or said[0] <= token.idx < said[1]:
                continue
            if own is not None and own.content_start <= token.idx < own.content_end:
                continue
            kind = described_subject(token)
            if kind is not None and kind in ("", gender):
                return True
        return False

    governing = governing_subject_person(names, head_of(speaker))
    if governing is not None and fits(governing) and not names.placed(governing):
        name = names.full_name(governing, gender)
        return Resolution(name, False) if name else None
    latest: tuple[Draft, Span | None] | None = None
    for draft in drafts:  # in text order: the last one before the speaker wins
        if draft.speaker is None or draft.speaker.end_char > speaker.start_char:
            continue
        if speaker.start_char - draft.speaker.end_char >= 1500:
            continue
        if draft.cue is not None and (
            not_a_speaker(draft.cue) or addressed_by_name(draft.speaker, draft.cue)
        ):
            continue  # "Brega refinery was reported to be intact", "Jack, thank you": no one saying
        named = name_in(names, draft.speaker)
        if named is not None:
            if named.label_ != "PERSON" or not fits(named) or names.placed(named):
                continue  # "he" is not the organisation, the country, the place or the woman quoted before
        else:
            root = head_of(draft.speaker)
            kind = description_gender(root)
            if root.tag_ not in ("NN", "NNP") or kind not in ("", gender):
                continue  # a pronoun, several people, a body ("the network"), a woman for "he"
            if not is_actor_description(draft.speaker) and root.lemma_.lower() not in GENDERED_NOUNS:
                continue
        if latest is None or draft.speaker.end_char > latest[0].speaker.end_char:  # type: ignore[union-attr]
            latest = (draft, named)
    # "The longest forecast came from David Wech, head of research at JBC Energy. He said ...": the one
    # person named in the sentence just before (or earlier in the pronoun's own), not in anyone's words,
    # is whom "he" goes on from, over a speaker quoted before that
    recent = recent_person(names, speaker, drafts, fits)
    if recent is not None and (latest is None or recent.start_char >= latest[0].content_end):
        name = names.full_name(recent, gender)
        return Resolution(name, False) if name else None
    if latest is not None:
        draft, named = latest
        assert draft.speaker is not None
        surname = (
            clean_name(named.text).split()[-1]
            if named is not None and clean_name(named.text).split()
            else None
        )
        if rivals(draft.speaker.end_char, surname, (draft.content_start, draft.content_end)):
            return None
        return resolve(names, draft.speaker, [])
    # the one person it can stand for named in the 600 characters before it
    window = [
        p
        for p in names.people_between(speaker.start_char - 600, speaker.start_char)
        if clean_name(p.text).split()
    ]
    candidates = [p for p in window if fits(p) and outside(p) and not names.placed(p) and not vocative(p)]
    if not candidates:
        return None
    # "Fred Pleitgen has been on the ground for us ... I asked Secretary of State Hillary Clinton, who do we
    # back? ... She said ...": the person named last, whom the story shows to be a woman, is "she" over one
    # named in an earlier sentence whose gender nothing shows
    shown = candidates[-1] if names.gender_of(candidates[-1]) == gender else None
    if rivals(speaker.start_char - 600, clean_name(candidates[-1].text).split()[-1], shown=shown):
        return None
    # "She spoke of how she was taken to ... Moammar Gadhafi's soldiers. ... she said": one she told of
    if pronoun_subject(names.doc[candidates[-1].sent.start : candidates[-1].start], gender):
        return None
    name = names.full_name(candidates[-1], gender)
    return Resolution(name, False) if name else None


def not_a_speaker(cue: Token) -> bool:
    """A cue whose subject says nothing: a passive without its agent with an infinitive of the subject's
    state ("Brega refinery was reported to be intact"; but "Rakeyia Scott can be heard yelling" speaks), or a
    bare past participle, whose speaker is only borrowed from the clause it hangs on ("... the night Michael
    Jackson died, as told to a detective": Jackson told nothing)."""
    children = list(cue.children)
    if any(c.dep_ == "agent" for c in children):
        return False
    if cue.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children):
        return True
    if not any(c.dep_ == "auxpass" for c in children):
        return False
    return any(c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in children)


def addressed_by_name(speaker: Span, cue: Token) -> bool:
    """ "BLITZER: Jack, thank you.": a name set off by a comma before a verb in its base form is the one
    spoken to, not the one speaking."""
    doc = cue.doc
    end = speaker.end
    while end > speaker.start and doc[end - 1].is_punct:
        end -= 1
    return end > speaker.start and end + 1 == cue.i and vocative(doc[speaker.start : end])


def vocative(name: Span) -> bool:
    """A name the text speaks to ("Jack, thank you", "Wolf, tell us"): at the start of its clause, set off
    by a comma before a verb in its base form."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].text != "," or not all(t.pos_ == "PROPN" for t in name):
        return False
    verb = doc[name.end + 1]
    opening = name.start == 0 or doc[name.start - 1].is_punct or doc[name.start - 1].is_space
    return opening and verb.tag_ in ("VB", "VBP") and not any(c.dep_ in ("aux", "neg") for c in verb.children)


def recent_person(
    names: NameIndex, speaker: Span, drafts: Sequence[Draft], fits: Callable[[Span], bool]
) -> Span | None:
    """The one person (by surname) named in the sentence before the pronoun's, or before it in its own, that
    the pronoun can stand for: of its gender, no place, not in the words of another attribution; else None.
    The one person the pronoun's own words tell of is no answer either: in '"... to meet with Gadhafi," she
    said' she talks of Gadhafi."""
    doc = names.doc
    own = head_of(speaker).sent
    k = own.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    start = doc[k].sent.start_char if k >= 0 else own.start_char
    said = [(d.content_start, d.content_end) for d in drafts if d.speaker is None or d.speaker != speaker]
    own_words = [d for d in drafts if d.speaker == speaker]
    gender = "m" if head_of(speaker).lower_ in MASCULINE else "f"
    first = bisect.bisect_left(names.token_starts, start)
    found = [
        p
        for p in names.people_between(start, speaker.start_char)
        if clean_name(p.text).split()
        and fits(p)
        and not names.placed(p)
        and not any(s <= p.start_char < e for s, e in said)
    ]
    if len({clean_name(p.text).split()[-1] for p in found}) != 1:
        return None
    if any(
        d.content_start <= p.start_char < d.content_end and told_of(p, d, names.text)
        for p in found
        for d in own_words
    ):
        return None
    if pronoun_subject(doc[first : found[0].start], gender):
        return (
            None  # "She has faced controversies -- her meeting with Bill Clinton ... She said": one told of
        )
    return found[-1]


def pronoun_subject(span: Span, gender: str) -> bool:
    """Whether a pronoun of the gender is a subject in the span: a person named after it in its sentence is
    whom that "she" (or "he") tells of, not who she is."""
    pronouns = MASCULINE if gender == "m" else FEMININE
    return any(t.lower_ in pronouns and t.dep_ in SUBJECT_DEPS for t in span)


def governing_subject_person(names: NameIndex, pronoun: Token) -> Span | None:
    """A person named as the subject of a clause that governs the pronoun, before it in its sentence."""
    token = pronoun
    for _ in range(6):
        if token.head is token:
            return None
        if token.dep_ == "parataxis" and token.lemma_.lower() in SPEECH_LEXICON:
            return None  # "Abbott, he said, "feels like ...": the clause around the cue is what was said
        token = token.head
        for child in token.children:
            if child.dep_ != "nsubj" or child.i >= pronoun.i:
                continue
            subject = names.doc[child.left_edge.i : child.right_edge.i + 1]
            named = name_in(names, subject)
            if named is not None and (
                named.label_ == "PERSON" or clean_name(named.text).lower() in names.full_forms
            ):
                return named
            return None  # the governing clause has a subject that names nobody: no guess
    return None


# Head nouns of descriptions that stand for an actor (a person, a body, a country's government),
# besides the anonymous-source heads: "the opposition", "Syria's foreign ministry", "the rebels".
ACTOR_HEADS = {
    "government",
    "administration",
    "ministry",
    "department",
    "agency",
    "army",
    "military",
    "force",
    "troop",
    "police",
    "regime",
    "opposition",
    "rebel",
    "fighter",
    "militant",
    "protester",
    "demonstrator",
    "group",
    "party",
    "campaign",
    "committee",
    "council",
    "court",
    "company",
    "firm",
    "bank",
    "union",
    "organisation",
    "organization",
    "authority",
    "coalition",
    "alliance",
    "movement",
    "embassy",
    "office",
    "team",
    "lawyer",
    "attorney",
    "doctor",
    "scientist",
    "researcher",
    "professor",
    "director",
    "chief",
    "head",
    "commander",
    "general",
    "king",
    "queen",
    "prince",
    "president",
    "minister",
    "secretary",
    "ambassador",
    "envoy",
    "senator",
    "lawmaker",
    "legislator",
    "candidate",
    "mayor",
    "governor",
    "judge",
    "prosecutor",
    "investigator",
    "victim",
    "family",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "friend",
    "neighbor",
    "neighbour",
    "student",
    "teacher",
    "worker",
    "employee",
    "manager",
    "owner",
    "executive",
    "chairman",
    "chairwoman",
    "founder",
    "author",
    "writer",
    "reporter",
    "journalist",
    "editor",
    "columnist",
    "historian",
    "economist",
    "leader",
    "voter",
    "supporter",
    "opponent",
    "delegate",
    "representative",
    "negotiator",
    "mediator",
    "monitor",
    "inspector",
    "regulator",
    "board",
    "panel",
    "commission",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "state",
    "country",
    "nation",
    "league",
    "centre",
    "center",
    "institute",
    "foundation",
    "charity",
    "network",
    "newspaper",
    "service",
    "unit",
    "brigade",
    "battalion",
    "soldier",
    "pilot",
    "crew",
    "patient",
    "parent",
    "child",
    "man",
    "woman",
    "boy",
    "girl",
    "guy",
    "citizen",
    "refugee",
    "survivor",
    "relative",
    "colleague",
    "partner",
    "ally",
    "body",
    "people",
    "player",
    "speaker",
    "organizer",
    "organiser",
    "employer",
    "farmer",
    "banker",
    "trader",
    "investor",
    "donor",
    "agent",
    "consultant",
    "assistant",
    "participant",
    "correspondent",
    "respondent",
    "dissident",
    "immigrant",
    "migrant",
    "defendant",
    "plaintiff",
    "prisoner",
    "detainee",
    "hostage",
    "nurse",
    "officer",
    "coach",
    "fan",
    "host",
    "star",
    "singer",
    "actor",
    "actress",
    "artist",
    "cleric",
    "imam",
    "bishop",
    "priest",
    "pope",
    "sheikh",
    "emir",
    "chancellor",
    "premier",
    "spokesperson",
}
# Words that quantify a description rather than describe a source ("many experts", "most people").
QUANTIFIERS = {
    "many",
    "most",
    "several",
    "some",
    "few",
    "all",
    "both",
    "other",
    "others",
    "each",
    "every",
    "any",
    "no",
    "these",
    "those",
    "this",
    "that",
    "such",
    "numerous",
    "various",
}
# Determiners that introduce a described source ("a senior official", "the rebels", "one diplomat").
DESCRIPTION_DETERMINERS = {"a", "an", "the", "one", "two", "three", "another"}


def is_actor_description(span: Span) -> bool:
    """A noun phrase that describes an actor ("the opposition", "two senior officials"), not a thing
    ("his refusal", "any text", "a statement") or a quantifier ("both", "most")."""
    root = head_of(span)
    if root.pos_ not in ("NOUN", "PROPN") or root.like_num:
        return False
    lemma = root.lemma_.lower()
    if not (
        lemma in ACTOR_HEADS
        or lemma in ANONYMOUS_HEADS
        or root.lower_ in ANONYMOUS_HEADS
        or root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        and not (root.pos_ == "NOUN" and root.is_sent_start and not root.text.isupper() and len(span) == 1)
        or len(lemma) > 5
        and lemma.endswith(AGENT_SUFFIXES)
        and root.pos_ == "NOUN"
    ):
        return False
    first = span[0]
    if first.pos_ == "PRON" or first.lower_ in QUANTIFIERS or first.lower_ in ("whose", "which", "what"):
        return False  # "they rebels", "many experts", "whose leaders": no one in particular
    if first.pos_ in ("ADP", "ADV") or first.lower_ in ("at", "about", "around", "over", "nearly", "almost"):
        return False  # "At least 50 people", "About 300 other people": a count, not a source
    determiners = [t for t in root.children if t.dep_ in ("det", "poss", "predet", "nummod") and t.i < root.i]
    for determiner in determiners:
        if determiner.dep_ == "poss" and determiner.pos_ == "PRON":
            return False  # "his aides": someone's, not yet someone
        if determiner.dep_ in ("det", "predet") and determiner.lower_ not in DESCRIPTION_DETERMINERS:
            return False  # "some people", "most cases", "these people", "both sides"
    return True


def description_text(span: Span) -> str:
    """A described source in its own words: the noun with what narrows it ("members of the opposition"),
    without clauses, appositions or asides hung on it."""
    root = head_of(span)
    dropped: set[int] = set()
    for child in root.children:
        if (
            child.dep_ in ("relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "parataxis")
            and child.i > root.i
        ):
            dropped.update(t.i for t in child.subtree)
    tokens = [t for t in span if t.i not in dropped]
    while len(tokens) > 1 and tokens[0].lower_ in CONJUNCTIONS and tokens[0].i < root.i:
        tokens = tokens[1:]  # "And an Egyptian woman who says ...": the sentence's "And" is no part of her
    first = tokens[0].i if tokens else root.i
    # "... Many protesters are young, unemployed, middle-class A Human Rights Watch researcher says": a
    # description starts at its article; words before it are another line's
    article = next((t for t in root.children if t.dep_ == "det" and t.lower_ in ("a", "an", "the")), None)
    if article is not None and article.i > first and not any(t.dep_ == "predet" for t in root.children):
        first = article.i
    last = root.i
    for token in tokens:
        if token.i > last and all(i not in dropped for i in range(last + 1, token.i + 1)):
            last = token.i
    # "the Europeans - France and Britain -": a spaced dash before the head sets off an apposition (the parser
    # takes its first name for the head); the description is the words before the dash
    doc = span.doc
    dash = next(
        (
            t.i
            for t in doc[first : root.i]
            if t.text in ("-", "--", "\u2013", "\u2014")
            and t.i > first
            and doc[t.i - 1].whitespace_
            and t.whitespace_
        ),
        None,
    )
    # (a determiner opens it: "CAIRO - Egyptian officials" is a dateline, not an apposition)
    if (
        dash is not None
        and doc[first].pos_ == "DET"
        and any(t.pos_ in ("NOUN", "PROPN") for t in doc[first:dash])
    ):
        last = dash - 1
    words = doc[first : last + 1].text
    # A bracketed aside is not part of the description ("the Tunis Afrique Presse (TAP) news agency"),
    # and a description cut after a closing bracket starts after it ("Thursday ET) Officials").
    words = re.sub(r"(?:\(|-LRB-)[^()]*?(?:\)|-RRB-)", " ", words)
    words = re.split(r"\)|-RRB-", words)[-1]
    words = re.split(r"\(|-LRB-", words)[0]
    return " ".join(words.split()).strip(" ,;:")
