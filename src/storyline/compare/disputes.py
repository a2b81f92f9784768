"""Stated disputes: one source denies or contradicts what another says, with both sides and who says each.

A corpus of one outlet rarely has two outlets disagreeing, but its articles report disputes between their
sources all the time: "Kaim rejected rebel claims that ...", "Al-Anesi said he suspected ..., but
government spokesman Tareq Shami denied that". Each is read off the dependency parse, precision first:

- **a denial of a claim named in the sentence**: a verb of denial (deny, dispute, refute, reject,
  dismiss, contradict, rebut, contest, challenge, disagree with) whose object is a claim noun ("claims",
  "reports", "allegations", "speculation", or a view someone holds: "the idea that", "the notion that", "the
  assertion that" ...) with its content — the claim is that noun phrase, its claimant whoever the noun names
  ("rebel claims", "claims by the rebels"); a noun that names nobody ("denied reports that ...") is set against
  the article that made the report when another article of the days before asserts it, else its claimant is
  the reports, unnamed;
- **a denial of what another voice just said**: "X said ..., but Y denied it", or a denial of "it",
  "those comments", "the report" right after a sentence that reports someone else's words;
- **a denial of what another article reports**: "Y denied that ..." where another sentence of the
  collection, published within a few days, asserts what is denied (close embeddings, most of the denied
  words shared, a main verb in common) — that sentence is the other side;
- **a denial of a charge**: "Y denies manslaughter", "denied causing his death", "denies any wrongdoing",
  "which he denies" (a deed or an offence, not a proposition) against the sentence that accuses Y of it
  ("Y is accused of / charged with ...", "the report accused Y of ...", "prosecutors allege that Y ...") — the
  nearest in the denial's article, else one of another article published on the denial's day or in the
  few days before it. The accused must be the denier by name.

Figures of two named sources set against each other in one sentence ("Activists said 100 were killed;
state media put the toll at 20") were tried and left out: on an unseen topic both found were page
furniture or different quantities.

The denier must be an actor (a named or described source, not an unresolved pronoun), different from the
claimant. A negated denial ("did not deny") is none. Each dispute becomes two claims that contradict each
other: the side denied and the denial, both citing the sentences they come from.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Attribution, Claim, cite
from ..pieces import NO_PIECES, Pieces
from ..text.similarity import content_words, jaccard
from ..text.words import FINITE_TAGS, SAYING_VERBS
from ..who.cues import (
    CLAIMING_VERBS,  # verbs that put a claim in another voice's mouth
    THINKING_VERBS,
)
from ..who.entities import person_name_parts
from ..who.names import name_problem, speaker_name
from .kept_clauses import KeptMainClauses
from .wording import lemma_positions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .wording import MainClause

DENY_VERBS = {
    "deny",
    "dispute",
    "refute",
    "reject",
    "dismiss",
    "contradict",
    "rebut",
    "disagree",
    "contest",
    "challenge",
}
# Verbs of denial whose claim is what they are "with" ("disagreed with the report's claims").
DENY_WITH = {"disagree"}
# Verbs of denial that take the denied proposition as a clause ("denied that the army fired").
CLAUSE_DENIALS = {"deny", "dispute", "refute", "contradict"}
CLAIM_NOUNS = {
    "claim",
    "report",
    "allegation",
    "accusation",
    "charge",
    "rumor",
    "rumour",
    "speculation",
    "suggestion",
    "assertion",
    "account",
    "figure",
    "estimate",
    "story",
    "statement",
    "comment",
    "remark",
    "version",
    "assessment",
    "characterization",
    "characterisation",
    "tally",
    "toll",
    "talk",
}
# Views someone holds that another rejects ("rejected the idea that ...", "disputed the notion that ..."): claims
# only with their content as a clause ("the idea of foreign military intervention" is a proposal, not a claim).
VIEW_NOUNS = {
    "idea",
    "notion",
    "contention",
    "theory",
    "prediction",
    "forecast",
    "finding",
    "conclusion",
    "argument",
    "projection",
}
CLAIM_NOUNS |= VIEW_NOUNS
CLAIM_STEMS = frozenset(w for n in CLAIM_NOUNS for w in content_words(f"{n} {n}s"))
ANAPHORA = {"it", "this", "that", "those", "these", "them"}
# Verbs that accuse someone of an offence, with the preposition that names it ("accused of", "charged with").
ACCUSING_VERBS = {"accuse": "of", "charge": "with", "indict": "on", "convict": "of"}
ACCUSING_LEMMAS = frozenset(ACCUSING_VERBS) | {"allege"}
# A company's legal form after its name: "BP Plc" is BP.
LEGAL_FORMS = frozenset({"plc", "inc", "corp", "co", "ltd", "llc", "sa", "ag", "nv"})
# Words that call a claim false: "called the reports baseless", "said the claims were untrue".
FALSE_WORDS = {
    "false",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "incorrect",
    "inaccurate",
    "wrong",
    "nonsense",
    "ridiculous",
    "absurd",
    "fabricated",
    "lie",
    "fabrication",
    "rubbish",
    "misleading",
    "erroneous",
}
# Verbs that give a claim a quality ("called the claims baseless", "described the report as false").
LABEL_VERBS = {"call", "label", "describe", "brand", "term"}
# Common nouns that name someone who can claim or deny (a proper name always can).
ACTOR_NOUNS = frozenset(
    """official officer rebel activist witness resident opposition government authority critic lawmaker member
    group spokesman spokeswoman spokesperson military army police diplomat source agency media protester
    regime ministry minister administration company firm executive chairman leader commander alliance council
    lawyer doctor scientist expert analyst investigator prosecutor court judge union party president
    secretary ambassador envoy director chief manager state family camp campaign office department force troop soldier fighter loyalist insurgent organization observer monitor journalist correspondent reporter newspaper broadcaster television""".split()
)
# Who is never a side's voice on its own.
NOBODY = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "this",
    "some",
    "others",
    "one",
}
# Another article's sentence stands for the denied proposition: embeddings this close ...
COUNTERPART_COSINE = 0.72
# ... sharing this many of the denied content words, covering this share of them ...
COUNTERPART_SHARED = 3
COUNTERPART_COVER = 0.6
# ... published this close to the denial (days).
COUNTERPART_DAYS = 3
# A denied proposition needs this many content words to be matched at all.
DENIED_WORDS = 4
# Two sides whose words outside names share this much (Jaccard), their names one the other's longer or shorter
# form, are one side told twice (``copied_side``).
COPIED_WORDS = 0.8


@dataclass
class Side:
    """One side of a dispute: what it says, who says it, and the sentence it comes from."""

    text: str
    voice: str | None
    article: Article
    sentence: int  # index into article.sentences
    # names an attribution gives the side's cue that are not its voice ("Biden said Mubarak should listen ...
    # but rejected claims ...": not Mubarak's rejection): never its speaker
    not_voices: tuple[str, ...] = ()


@dataclass
class Dispute:
    claim: Side  # what is disputed
    denial: Side  # the dispute of it
    kind: str  # "named claim", "called false", "previous voice", "other article", "charge denied"


def find_disputes(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    attributions: Sequence[Attribution] = (),
    texts: Sequence[tuple[Article, int, str]] = (),
    pieces: Pieces = NO_PIECES,
) -> list[Dispute]:
    """The stated disputes of the articles (copies of an article are skipped); ``texts`` are the
    collection's assertive sentences (article, sentence position, text) that may stand for a denied
    proposition reported elsewhere. Whether an article holds a denial or a claim called false at all is
    kept per article in ``pieces``: an article that holds none is skipped without reading its parse."""
    if len(docs) != len(articles):
        raise ValueError(f"{len(articles)} articles but {len(docs)} parses")
    by_sentence: dict[tuple[str, int], list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_sentence[(attribution.article, attribution.start)].append(attribution)
    found: list[Dispute] = []
    pending: list[tuple[Side, str]] = []  # denials of a proposition, matched against other articles below
    unnamed: list[tuple[Side, Side, str]] = []  # claims of unnamed reports, their denials and what they say
    charges: list[Side] = []  # denials of a charge the denial's article does not state, matched below

    def accused_in(index: int) -> list[Accusation]:
        return pieces.piece(
            "accusations", articles[index], list[Accusation], lambda: accusations(docs[index])
        )

    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article].append(attribution)
    for index, article in enumerate(articles):
        if article.duplicate_of:
            continue
        known, denies = pieces.kept("denial-verbs", article, bool)
        if known and not denies:
            continue  # no verb of this article passes the test below: it states no dispute
        denies = False
        doc = docs[index]
        spoken = by_article.get(article.id, [])
        wanted = denial_candidates(doc)
        sentences = list(doc.sents) if wanted else []
        starts = [sentence.start for sentence in sentences]
        locate = SentenceLocator(article)
        accused_here: list[Accusation] | None = None
        for token_index in wanted:
            number = bisect.bisect_right(starts, token_index) - 1
            sentence = sentences[number]
            position = locate(sentence.start_char, sentence.end_char)
            if position is None:
                continue
            verb = doc[token_index]
            called_false = None if is_denial(verb) else falsity(verb)
            if called_false is None and not is_denial(verb):
                continue
            denies = True
            noun, voiced = called_false if called_false is not None else (None, verb)
            denier = voice_of(voiced, spoken)
            if denier is None:
                continue
            allies = allies_of(voiced)
            denial = Side(
                sentence.text.strip(), denier, article, position, misattributed(voiced, denier, spoken)
            )
            named = named_claim(verb, noun)
            if called_false is not None:
                # a claim called false is a dispute when the sentence says what it claims; "called
                # the report baseless" alone answers what another voice said just before
                if named is None and noun is not None and anaphoric_noun(noun):
                    previous = previous_voice(
                        verb, sentence, sentences[number - 1] if number else None, spoken, checked=True
                    )
                    if previous is not None and not on_side(previous[1], denier, allies):
                        where = locate(previous[2], previous[3])
                        if where is not None:
                            found.append(
                                Dispute(
                                    Side(previous[0], previous[1], article, where), denial, "called false"
                                )
                            )
                    continue
                if named is None:
                    continue
                called, by = named
                said = set(content_words(called)) - set(content_words(by or "")) - CLAIM_STEMS
                if not (by is not None and on_side(by, denier, allies)) and len(said) >= DENIED_WORDS - 2:
                    found.append(Dispute(Side(called, by, article, position), denial, "called false"))
                continue
            if named is not None:
                text, claimant = named
                if claimant is not None and on_side(claimant, denier, allies):
                    continue
                said = set(content_words(text)) - set(content_words(claimant or "")) - CLAIM_STEMS
                if len(said) < DENIED_WORDS - 2:
                    continue
                noun = claim_noun(verb)
                reported = reported_clause(noun) if claimant is None and noun is not None else None
                if noun is not None and reported is not None and unnamed_claim(noun):
                    # "denied reports that Ms Gutierrez had infected 20 people": whoever reported it is the
                    # other side - an article that asserts it, found below, else the reports, unnamed
                    unnamed.append(
                        (Side(text, f"unnamed {noun.lower_}", article, position), denial, reported)
                    )
                else:
                    found.append(Dispute(Side(text, claimant, article, position), denial, "named claim"))
                continue
            previous = previous_voice(verb, sentence, sentences[number - 1] if number else None, spoken)
            if previous is not None:
                text, claimant, start, end = previous
                if on_side(claimant, denier, allies) or told_by(claimant, verb, spoken):
                    continue
                where = locate(start, end)
                if where is not None:
                    found.append(Dispute(Side(text, claimant, article, where), denial, "previous voice"))
                continue
            clause = denied_clause(verb)
            if clause is not None and len(content_words(clause)) >= DENIED_WORDS:
                pending.append((denial, clause))
                continue
            if denies_charge(verb):
                if accused_here is None:
                    accused_here = accused_in(index)
                charged = accusation_of(denier, number, accused_here)
                if charged is None:
                    charges.append(denial)  # answered by another article's accusation, below
                elif (
                    not same_voice(charged.accuser, denier)
                    and (where := locate(charged.start, charged.end)) is not None
                ):
                    found.append(
                        Dispute(Side(charged.text, charged.accuser, article, where), denial, "charge denied")
                    )
        if not known:
            pieces.keep("denial-verbs", article, denies)
    if charges:
        found.extend(charges_answered(charges, articles, accused_in))
    answered: set[int] = set()  # the denials of unnamed reports another article's sentence makes
    if (pending or unnamed) and texts:
        # the verbs asked of the parses are kept per article, as the paraphrase check's (``kept_clauses``)
        verbs = KeptMainClauses(articles, docs, pieces)
        matched = other_article_disputes(
            [*pending, *((d, c) for _, d, c in unnamed)], texts, attributions, verbs
        )
        verbs.keep()
        found.extend(matched)
        answered = {id(dispute.denial) for dispute in matched}
    found.extend(
        Dispute(side, denial, "named claim") for side, denial, _ in unnamed if id(denial) not in answered
    )
    return found


def sentence_position(article: Article, start: int, end: int) -> int | None:
    """The position of the article's first sentence that overlaps the characters ``start:end``."""
    for position, sentence in enumerate(article.sentences):
        if sentence.start < end and start < sentence.end:
            return position
    return None


class SentenceLocator:
    """``sentence_position`` for one article, by bisection over its sentences' ends (the article's
    sentences follow each other; when they do not, each look-up scans them as ``sentence_position`` does)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.ends = [sentence.end for sentence in article.sentences]
        starts = [sentence.start for sentence in article.sentences]
        self.ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False)) and all(
            a <= b for a, b in zip(self.ends, self.ends[1:], strict=False)
        )

    def __call__(self, start: int, end: int) -> int | None:
        if not self.ordered:
            return sentence_position(self.article, start, end)
        # the first sentence ending after ``start``; sentences before it end too early, and those after
        # it start no earlier than it does
        position = bisect.bisect_right(self.ends, start)
        if position < len(self.ends) and self.article.sentences[position].start < end:
            return position
        return None


# The lemmas a token's first test in ``is_denial`` or ``falsity`` asks for: every other token is refused.
CANDIDATE_LEMMAS = frozenset(DENY_VERBS | LABEL_VERBS | {"be"})


def denial_candidates(doc: Doc) -> list[int]:
    """The indices of the tokens ``is_denial`` or ``falsity`` can accept (their lemma, lower-cased, is a verb
    of denial, of labelling or "be"), in order, found with one array read (a speed-up only: the loop over
    every token made a Python ``Token`` of each)."""
    return lemma_positions(doc, CANDIDATE_LEMMAS)


def is_denial(token: Token) -> bool:
    if token.pos_ != "VERB" or token.lemma_.lower() not in DENY_VERBS:
        return False
    # "did not deny", "never disputed": no denial; "refused to deny" neither
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in token.children):
        return False
    node = token
    for _ in range(4):  # "declined to confirm or deny", "refused to deny"
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in ("refuse", "decline", "fail", "confirm"):
            return False
    return not hypothetical(token)


# Modals that make a verb a possibility or a counsel, never a stated act ("the commanders could deny it").
POSSIBILITY_MODALS = frozenset({"could", "might", "may", "should", "must", "can"})
# "would" is a hypothesis ("the commanders would deny it and say ..., but to me ...") unless it tells what came
# after ("would later dispute") or what a source said it would do ("said it would challenge the fine").
LATER = frozenset({"later", "eventually", "subsequently", "then", "soon"})
CONDITIONS = frozenset({"if", "unless"})


def hypothetical(verb: Token) -> bool:
    """The verb is a hypothesis or a condition, not a stated act: under a modal of possibility, under a
    hypothetical "would", or in (or governing) an "if" clause ("if the commanders deny it", "they would deny
    it if asked"). Its own words, or, for a verb in the base form, those of the verb it is coordinated with
    ("would deny it and dismiss ...")."""
    node = verb
    for _ in range(3):
        children = list(node.children)
        modals = {c.lower_ for c in children if c.dep_ == "aux"}
        if modals & POSSIBILITY_MODALS:
            return True
        if modals & {"would", "'d"}:
            # "said it would challenge": indirect speech, the cue before it (a quotation's "he said" after it
            # reports the hypothesis, not a plan)
            reported = (
                node.dep_ == "ccomp"
                and node.head.i < node.i
                and node.head.lemma_.lower() in SAYING_VERBS | THINKING_VERBS
            )
            if not reported and not any(c.lower_ in LATER for c in children if c.dep_ == "advmod"):
                return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
            return True
        if any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS for g in c.children)
            for c in children
        ):
            return True
        if node.dep_ != "conj" or node.head.i == node.i or node.tag_ != "VB":
            break  # a coordinated verb in a tense of its own ("should listen ... but rejected") has no modal of its head
        node = node.head
    return False


def subject_of(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("nsubj",):
                return child
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
            head = node.head
            if (
                node.dep_ == "conj"
                and node.tag_ in FINITE_TAGS
                and head.tag_ == "VB"
                and any(c.tag_ == "MD" for c in head.children)
            ):
                # "said that Mubarak should listen ... but rejected claims": the finite verb belongs to
                # the one who said, not to the modal clause it is parsed into (a clause the parser may hang
                # anywhere below the verb of saying: 'said on "PBS NewsHour" on Thursday that ...')
                head = reporting_verb(head) or head
            node = head  # "went on to deny", "met ... and denied"
            continue
        break
    return None


def reporting_verb(clause: Token) -> Token | None:
    """The finite verb of saying or thinking above a reported clause ("Biden *said* ... that Mubarak should
    listen"), within a few steps up the parse; None when the clause reports nobody's words."""
    node = clause
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.tag_ in FINITE_TAGS and node.lemma_.lower() in SAYING_VERBS | THINKING_VERBS:
            return node
    return None


def voice_of(verb: Token, spoken: Sequence[Attribution]) -> str | None:
    """Who holds the verb's stance: the speaker an attribution resolved for this cue, else the subject's
    name or description when it names an actor."""
    subject = subject_of(verb)
    if subject is not None and subject.pos_ != "PRON":
        # the subject decides; an attribution whose speaker is that subject resolves its name
        for attribution in spoken:
            if attribution.speaker_start is not None and attribution.speaker_start <= subject.idx < (
                attribution.speaker_end or 0
            ):
                if subject.pos_ == "NOUN" and (
                    modifier_only(subject, attribution.speaker_entity)
                    or named_apart(subject, attribution_voice(attribution))
                ):
                    return phrase_voice(subject) or attribution_voice(attribution)
                return attribution_voice(attribution)
        return phrase_voice(subject)
    for attribution in spoken:  # a pronoun: the attribution's resolution of it
        if attribution.cue_start is not None and attribution.cue_start <= verb.idx < (
            attribution.cue_end or 0
        ):
            if (
                subject is not None
                and subject.pos_ == "NOUN"
                and modifier_only(subject, attribution.speaker_entity)
            ):
                # "the Libyan government": the description, not the adjective's country entity alone
                return phrase_voice(subject) or attribution_voice(attribution)
            return attribution_voice(attribution)
    if subject is None:
        return None
    return phrase_voice(subject)


def misattributed(verb: Token, voice: str, spoken: Sequence[Attribution]) -> tuple[str, ...]:
    """The speakers the attributions give the side that are not its voice (the subject of the verb,
    ``voice_of``): one the attributions give the verb as its cue, or give the verb's subject resolved to
    someone else, and one speaking inside what the verb denies ("rejecting rebel claims that Gadhafi is seeking
    refuge ..., saying ...": Gadhafi says nothing here). A name inside the disputed claim is not who denies."""
    subject = subject_of(verb)
    denied = [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        for c in verb.children
        if c.dep_ in ("dobj", "ccomp", "nsubjpass", "prep")
    ]

    def given(a: Attribution) -> bool:
        if a.cue_start is not None and a.cue_start <= verb.idx < (a.cue_end or 0):
            return True
        if a.speaker_start is None:
            return False
        if subject is not None and a.speaker_start <= subject.idx < (a.speaker_end or 0):
            return True
        return any(start <= a.speaker_start < end for start, end in denied)

    return tuple(
        name
        for a in spoken
        if given(a) and (name := speaker_name(a)) is not None and not same_voice(name, voice)
    )


def modifier_only(subject: Token, entity: str | None) -> bool:
    """The entity is named only as a modifier of the subject ("the *Libyan* government"), not as the
    subject or its apposition ("a lawyer, *Khaled Al-Anesi*,")."""
    if not entity:
        return False
    words = {w.lower() for w in entity.split()}
    named = [t for t in subject.subtree if t.lower_ in words]
    return bool(named) and all(
        t.dep_ in ("amod", "compound", "poss") and t.head.i == subject.i for t in named
    )


def named_apart(subject: Token, resolved: str | None) -> bool:
    """The subject's own words name who it is, and the resolution names someone else: "the chief executive of
    driller Noble Corp" resolved to the chief executive of another company named in an earlier sentence. The
    sentence's words come first."""
    if resolved is None:
        return False
    named = {t.lower_ for t in own_phrase(subject) if t.pos_ == "PROPN"}
    return bool(named) and not named & {w.lower() for w in re.findall(r"[\w.&-]+", resolved)}


def own_phrase(token: Token) -> list[Token]:
    """The words of a noun phrase that say who it is: its modifiers before the head and a proper name it is "of"
    ("Libyan Deputy Foreign Minister Khaled Kaim", "chief executive of driller Noble Corp"), not the clauses or
    appositions hanging off it."""
    modifiers = ("compound", "amod", "poss", "case")
    words = [t for t in token.subtree if (t.dep_ in modifiers and t.i <= token.i) or t.i == token.i]
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    named = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if token.pos_ == "NOUN" and of is not None and named is not None and named.pos_ == "PROPN":
        words += [of] + [t for t in named.subtree if t.i <= named.i and t.dep_ in modifiers or t.i == named.i]
    return sorted(words, key=lambda t: t.i)


def attribution_voice(attribution: Attribution) -> str | None:
    """The attribution's resolved speaker, else its speaker's words when they name an actor ("state media")."""
    name = speaker_name(attribution)
    if name is not None:
        return name
    words = (attribution.speaker or "").strip(" ,").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    text = " ".join(words)
    if not text or text.lower() in NOBODY or name_problem(text) is not None:
        return None
    head = words[-1]
    if not head[0].isupper() and head.lower().rstrip("s") not in ACTOR_NOUNS:
        return None  # "the report" says nothing itself
    return text


def phrase_voice(token: Token) -> str | None:
    """The actor a noun phrase names ("Libyan Deputy Foreign Minister Khaled Kaim", "the rebels", "BP's
    chairman"), or None for pronouns, relative words and fragments."""
    if token.pos_ == "PRON" or token.lower_ in NOBODY:
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() not in ACTOR_NOUNS:
        return None  # "the report", "the evidence", "the attempts" say nothing themselves
    if token.pos_ not in ("PROPN", "NOUN"):
        return None
    text = " ".join(t.text for t in own_phrase(token)).replace(" 's", "'s").strip()
    if not text or name_problem(text) is not None:
        return None
    return text


def allies_of(verb: Token) -> list[str]:
    """Who the denier is told to side with in the denial: "X joined Y in rejecting ...", "X joined Y and Z
    in denying ..." put Y (and Z) on X's side, so what Y says is no claim X denies."""
    node = verb
    for _ in range(3):  # "in rejecting", "in rejecting and dismissing"
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.lower_ == "in":
            joined = node.head.head
            if joined.lemma_.lower() == "join":
                objects = [c for c in joined.children if c.dep_ == "dobj"]
                objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
                return [v for o in objects if (v := phrase_voice(o)) is not None]
        break
    return []


def on_side(claimant: str | None, denier: str | None, allies: Sequence[str] = ()) -> bool:
    """The claimant is the denier, or one the denial puts on the denier's side (``allies_of``)."""
    return same_voice(claimant, denier) or any(same_voice(claimant, ally) for ally in allies)


def same_voice(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    x, y = set(content_words(a)), set(content_words(b))
    return bool(x & y) and (x <= y or y <= x)


def claim_noun(verb: Token) -> Token | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.lemma_.lower() in DENY_WITH:  # "disagreed with the report's claims that ..."
        objects += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    for obj in objects:
        if obj.lemma_.lower() in CLAIM_NOUNS:
            return obj
        # "denied any of the reports", "rejected some of the claims"
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None and inner.lemma_.lower() in CLAIM_NOUNS:
            return inner
    return None


def falsity(token: Token) -> tuple[Token, Token] | None:
    """A claim called false, with the verb whose subject calls it so: "X called the reports baseless",
    "X described the claims as false", "X said the allegations were untrue" (not "were not untrue")."""
    lemma = token.lemma_.lower()

    def false_word(t: Token) -> bool:
        return t.lemma_.lower() in FALSE_WORDS or t.lower_ in FALSE_WORDS

    if token.pos_ == "VERB" and lemma in LABEL_VERBS and not is_negated_token(token):
        noun = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS), None)
        if noun is None:
            return None
        quality = [c for c in token.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "attr")]
        # the parser often hangs the quality deep in the claim's clause; it is the clause's last word
        # ("called reports that the company would file for bankruptcy baseless", "... as untrue")
        words = [t for t in token.subtree if not t.is_punct and not t.is_space and t.i > noun.i]
        if words:
            last = words[-1]
            before = token.doc[last.i - 1] if last.i > 0 else last
            if last.pos_ in ("ADJ", "NOUN") and (
                before.lower_ == "as" or last.dep_ in ("advmod", "amod", "oprd")
            ):
                quality.append(last)
        if any(false_word(q) for q in quality):
            return noun, token
        return None
    if lemma == "be" and not is_negated_token(token):
        noun = next(
            (c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS), None
        )
        quality = [c for c in token.children if c.dep_ in ("acomp", "attr")]
        head = token.head
        if (
            noun is not None
            and any(false_word(q) and not is_negated_token(q) for q in quality)
            and token.dep_ == "ccomp"
            and head.lemma_.lower() in CLAIMING_VERBS
            and not is_negated_token(head)
        ):
            return noun, head
    return None


def is_negated_token(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in token.children)


def named_claim(verb: Token, noun: Token | None = None) -> tuple[str, str | None] | None:
    """A claim the sentence names with its content ("rebel claims that the governments ... have been
    asked", "claims of massacres that killed dozens"): its text and claimant (None: unnamed). The content must hold a
    finite verb: "claims of curfews in parts of the country" names no fact stated."""
    noun = noun if noun is not None else claim_noun(verb)
    if noun is None:
        return None
    content = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.dep_ != "relcl"]
    # what should be done is a proposal refused, not a claim denied ("the notion that the regime should be held
    # accountable", "suggestions by some pundits that the president should drop his calm demeanor")
    content = [
        c
        for c in content
        if not any(m.dep_ == "aux" and m.lower_ in ("should", "must", "ought", "shall") for m in c.children)
    ]
    if noun.lemma_.lower() in VIEW_NOUNS:  # "the idea that ...", not "the idea of his father stepping down"
        content = [c for c in content if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    about = [
        c
        for c in noun.children
        if c.dep_ == "prep"
        and c.lower_ in ("of", "about", "that")
        and list(c.children)
        and noun.lemma_.lower() not in VIEW_NOUNS
    ]
    if not content and not about:
        return None  # "denied the reports" says nothing of what they say: not matched here
    tokens = list(noun.subtree)
    if not any(t.tag_ in FINITE_TAGS for t in tokens if t.i > noun.i):
        # a claim is a clause with a finite verb, a statement of fact: "a charge of involuntary manslaughter",
        # "claims of a massacre" name no fact stated, and are no side of a dispute
        return None
    claimant = None
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN"):
            claimant = phrase_voice(child) or claimant
        elif child.dep_ in ("amod", "compound") and (
            child.ent_type_ == "NORP" or child.lemma_.lower() in ACTOR_NOUNS
        ):
            claimant = child.text  # "rebel claims", "earlier Libyan claims"
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME"):
                claimant = phrase_voice(pobj) or claimant
    if claimant is not None and claimant.lower() in ("these", "those", "such", "the", "any"):
        claimant = None
    text = noun.doc[tokens[0].i : tokens[-1].i + 1].text
    # what the denier adds is not part of the claim: "rebel claims that ..., saying that ..."
    text = re.sub(
        r",\s+(?:saying|adding|insisting|arguing|calling|noting|suggesting|claiming|stressing|explaining)\b.*$",
        "",
        text,
    )
    return text, claimant


def unnamed_claim(noun: Token) -> bool:
    """A claim noun that names nobody who makes it: "reports that ...", "the assertions that ...", "any suggestion
    that ..." - not "his assertion", "the commission's claims", "scientific claims", "claims by the rebels", "the
    accusations made by the older generation of Mubarak's supporters that ...", nor a view someone holds ("the
    idea that ...")."""
    return (
        noun.lemma_.lower() not in VIEW_NOUNS
        and not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in noun.children)
        and not any(
            t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ in ("by", "from")) for t in noun.subtree
        )
    )


def reported_clause(noun: Token) -> str | None:
    """What a claim noun says, without the noun: "reports that Ms Gutierrez had infected 20 people" -> "Ms
    Gutierrez had infected 20 people"."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")), None)
    if clause is None:
        return None
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
    return clause.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else None


def denied_clause(verb: Token) -> str | None:
    """The proposition a verb of denial governs as a clause ("denied that its forces fired on ...")."""
    if verb.lemma_.lower() not in CLAUSE_DENIALS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
    return clause.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else None


def denies_charge(verb: Token) -> bool:
    """The denial's object is a deed or an offence, not a claim or a proposal: "denies involuntary manslaughter",
    "denied causing Jackson's death", "denies any wrongdoing", "denies the charge", "which he denies" (not "was
    denied bail": the passive denies nothing)."""
    if verb.lemma_.lower() != "deny" or any(
        c.dep_ in ("nsubjpass", "auxpass", "ccomp") for c in verb.children
    ):
        return False  # the passive denies nothing; a clause is a proposition denied ("denied bankruptcy is an option")
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp") and (child.tag_ == "VBG" or child.pos_ == "NOUN"):
            return child.pos_ != "NOUN" or child.lemma_.lower() not in CLAIM_NOUNS - {"charge", "accusation"}
        if child.dep_ == "dobj" and child.lower_ in ("which", "them"):
            return True  # "convicted of manslaughter, which he denies"
    return False


@dataclass(frozen=True)
class Accusation:
    """A sentence that accuses someone of an offence: whom (``accused``, a name) and who accuses (None: unnamed)."""

    accused: str
    accuser: str | None
    text: str
    start: int
    end: int
    sentence: int  # the sentence's number in its parse


def accused(verb: Token) -> Token | None:
    """Whom an accusing verb accuses: "X is accused of / charged with ...", "accused X of ...", "the doctor
    accused of killing him", "Murray, who is charged with ...", "X is on trial accused of ..."."""
    lemma = verb.lemma_.lower()
    if lemma not in ACCUSING_VERBS or verb.pos_ != "VERB" or is_negated_token(verb) or hypothetical(verb):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == ACCUSING_VERBS[lemma] for c in verb.children):
        return None  # "charged a fee", "accused" alone: not of an offence
    if verb.dep_ == "acl":
        head = verb.head
        if head.pos_ == "NOUN" and head.lemma_.lower() not in ACTOR_NOUNS and head.dep_ == "pobj":
            # "is on trial accused of ...": the trial's, so the subject of the verb the trial hangs on
            return next((c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return head
    target = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if target is not None and target.lower_ in ("who", "that") and verb.dep_ == "relcl":
        return verb.head
    if target is None and verb.dep_ in ("advcl", "xcomp", "conj"):
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return target


def accusations(doc: Doc) -> list[Accusation]:
    """The sentences of a parse that accuse a named actor ("Dr Murray is charged with involuntary manslaughter",
    "Prosecutors allege that Dr Murray hid drugs"), in order, with the accuser when the sentence names one (a
    piece of the article alone: no pronoun is resolved). The verbs are found with one array read, as
    ``denial_candidates``' (``wording.lemma_positions``)."""
    positions = lemma_positions(doc, ACCUSING_LEMMAS)
    if not positions:
        return []
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]
    found = []
    for index in positions:
        token = doc[index]
        target = accused(token)
        accuser: Token | None = None
        if target is None and token.lemma_.lower() == "allege" and token.pos_ == "VERB":
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            target = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
            accuser = next((c for c in token.children if c.dep_ == "nsubj"), None)
        elif target is not None:
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            accuser = (
                next((c for c in agent.children if c.dep_ == "pobj"), None)
                if agent is not None
                else next((c for c in token.children if c.dep_ == "nsubj"), None)
            )
        name = accused_name(target) if target is not None else None
        if name is None:
            continue
        voice = phrase_voice(accuser) if accuser is not None else None
        number = bisect.bisect_right(starts, index) - 1
        sentence = sentences[number]
        found.append(
            Accusation(name, voice, sentence.text.strip(), sentence.start_char, sentence.end_char, number)
        )
    return found


def accused_name(target: Token) -> str | None:
    """The name of whom an accusation accuses: the name the phrase holds or its apposition gives ("Michael
    Jackson's personal physician, Conrad Murray"), without a title ("Dr Murray": Murray), else the phrase's words
    when they name an actor."""
    for token in (next((c for c in target.children if c.dep_ == "appos"), None), target):
        if token is None or token.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if entity is not None:
            return entity.text
    return phrase_voice(target)


def accused_is(accused: str, denier: str | None) -> bool:
    """The accused is the denier: one name's words within the other's, ending in the same word once titles and a
    company's legal form are set aside ("Dr Murray" and "Conrad Murray", "BP" and "BP Plc"; not "Libya" and "the
    Libya Contact Group")."""
    if denier is None:
        return False
    mine, theirs = name_words(accused), name_words(denier)
    if not mine or not theirs or mine[-1] != theirs[-1]:
        return False
    return set(mine) <= set(theirs) or set(theirs) <= set(mine)


def name_words(name: str) -> list[str]:
    words = [w for w in person_name_parts(name) if w not in LEGAL_FORMS]
    return words or [w.lower() for w in re.findall(r"[\w'-]+", name) if w.lower() not in LEGAL_FORMS]


def accusation_of(denier: str, number: int, accused_here: Sequence[Accusation]) -> Accusation | None:
    """The accusation of the denier in the denial's article nearest the denial (sentence ``number``), the denial's
    own sentence excluded, an earlier one first at the same distance."""
    mine = [a for a in accused_here if a.sentence != number and accused_is(a.accused, denier)]
    return min(mine, key=lambda a: (abs(a.sentence - number), a.sentence > number), default=None)


def charges_answered(
    charges: Sequence[Side], articles: Sequence[Article], accused_in: Callable[[int], list[Accusation]]
) -> list[Dispute]:
    """Each denial of a charge against the accusation of its denier that another article states, published on the
    denial's day or in the few days before it (``close_in_time``), the latest first."""
    wanted = {side.voice for side in charges}
    stated: list[tuple[Article, Accusation]] = []
    for index, article in enumerate(articles):
        if not article.duplicate_of:
            stated.extend(
                (article, a)
                for a in accused_in(index)
                if any(accused_is(a.accused, voice) for voice in wanted)
                and not same_voice(a.accuser, a.accused)
            )
    found = []
    for denial in charges:
        answered = [
            (article, a)
            for article, a in stated
            if article.id != denial.article.id
            and accused_is(a.accused, denial.voice)
            and not same_voice(a.accuser, denial.voice)
            and close_in_time(article, denial.article)
        ]
        if not answered:
            continue
        article, accusation = max(answered, key=lambda pair: pair[0].published or dt.date.min)
        where = SentenceLocator(article)(accusation.start, accusation.end)
        if where is not None:
            found.append(
                Dispute(Side(accusation.text, accusation.accuser, article, where), denial, "charge denied")
            )
    return found


def anaphoric_noun(noun: Token) -> bool:
    """ "the report", "those claims": a claim noun that points back rather than saying what it claims."""
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    return bool(determiners & {"this", "that", "these", "those", "the", "such"}) and not [
        c for c in noun.children if c.dep_ in ("acl", "relcl", "prep")
    ]


def anaphoric_object(verb: Token) -> bool:
    """The denial's object points back: "denied it", "dismissed those comments", "denied the report"."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if child.lower_ in ANAPHORA:
            # "rejected it" may be a proposal; "denied it" is a statement
            return verb.lemma_.lower() in CLAUSE_DENIALS
        determiners = {c.lower_ for c in child.children if c.dep_ == "det"}
        if child.lemma_.lower() in CLAIM_NOUNS and determiners & {
            "this",
            "that",
            "these",
            "those",
            "the",
            "such",
        }:
            return not [c for c in child.children if c.dep_ in ("acl", "relcl", "prep")]
    return False


def previous_voice(
    verb: Token, sentence: Span, before: Span | None, spoken: Sequence[Attribution], checked: bool = False
) -> tuple[str, str, int, int] | None:
    """What another voice said just before the denial points back at it: the clause "X said ..." the
    denial is coordinated with, or the sentence before that reports someone's words. Returns its text,
    the voice and its character span."""
    if not checked and not anaphoric_object(verb):
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.lemma_.lower() in CLAIMING_VERBS and head.i < verb.i:
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        voice = voice_of(head, spoken) if subject is not None else None
        if voice is not None:
            cc = next((c for c in verb.children if c.dep_ == "cc"), None) or next(
                (c for c in head.children if c.dep_ == "cc" and c.i < verb.i), None
            )
            end = cc.i if cc is not None else verb.i
            span = sentence.doc[sentence.start : end]
            text = span.text.strip().rstrip(",;")
            return text, voice, span.start_char, span.end_char
    if before is None or verb.i - sentence.start > 25:
        return None
    # the sentence before reports someone's words, one voice only
    voices = {
        name
        for a in spoken
        if before.start_char <= a.start < before.end_char and (name := speaker_name(a)) is not None
    }
    if len(voices) != 1 or not asserted(before.text):
        return None
    return before.text.strip(), next(iter(voices)), before.start_char, before.end_char


def told_by(claimant: str | None, verb: Token, spoken: Sequence[Attribution]) -> bool:
    """The denial is told in the claimant's own words (inside a quotation or report of the claimant's): one
    speaker's two sentences, which never dispute each other ("Valasek said NATO was targeting Gaddafi ...
    '... the commanders would deny it ..., but to me ...,' he said")."""
    return any(
        a.start <= verb.idx < a.end
        and not (a.cue_start is not None and a.cue_start <= verb.idx < (a.cue_end or 0))
        and same_voice(claimant, speaker_name(a))
        for a in spoken
    )


def asserted(text: str) -> bool:
    """A sentence that asserts something another may deny: not negated, not a question, no refusal."""
    from .wording import polarity

    return (
        not polarity(text)
        and not text.rstrip().rstrip("'\"\u201d ").endswith("?")
        and not re.search(r"\b(?:declin|refus)\w*", text, re.IGNORECASE)
    )


# ---------------------------------------------------------------------------------------------
# Denials of what another article reports


def other_article_disputes(
    pending: Sequence[tuple[Side, str]],
    texts: Sequence[tuple[Article, int, str]],
    attributions: Sequence[Attribution],
    verbs: Callable[[Article, str, int], MainClause],
) -> list[Dispute]:
    """The denials of ``pending`` whose denied clause another article's sentence of ``texts`` asserts;
    ``verbs`` gives a text's verbs and main verbs in its article (``kept_clauses.KeptMainClauses``)."""
    from ..text.embeddings import embed
    from .wording import polarity, same_predicate

    candidates = [
        (article, position, text)
        for article, position, text in texts
        if not polarity(text) and not re.search(r"\b(?:den(?:y|ied|ies)|reject|dismiss|disput)", text, re.I)
    ]
    if not candidates:
        return []
    vectors = embed([t for _, _, t in candidates])
    denied = embed([clause for _, clause in pending])
    bags = [frozenset(content_words(t)) for _, _, t in candidates]
    voices: dict[tuple[str, int], str] = {}
    by_article: dict[str, list[tuple[Article, int, str]]] = defaultdict(list)
    for candidate in candidates:  # indexed by article: not every attribution against every sentence
        by_article[candidate[0].id].append(candidate)
    for attribution in attributions:
        name = speaker_name(attribution)
        if name is None:
            continue
        for article, position, _ in by_article.get(attribution.article, ()):
            sentence = article.sentences[position]
            if sentence.start <= attribution.start < sentence.end:
                voices.setdefault((article.id, position), name)
    found = []
    scores = denied @ vectors.T
    for row, (denial, clause) in enumerate(pending):
        words = frozenset(content_words(clause))
        best: tuple[float, int] | None = None
        for column in (-scores[row]).argsort()[:20]:
            cosine = float(scores[row, column])
            if cosine < COUNTERPART_COSINE:
                break
            article, position, text = candidates[column]
            if article.id == denial.article.id and position == denial.sentence:
                continue
            if not close_in_time(article, denial.article):
                continue
            shared = words & bags[column]
            if len(shared) < COUNTERPART_SHARED or len(shared) / len(words) < COUNTERPART_COVER:
                continue
            voice = voices.get((article.id, position))
            if voice is not None and same_voice(voice, denial.voice):
                continue
            # the same predicate, not only the same people: "called for Mubarak's resignation" is no
            # assertion that "Mubarak is stepping down"
            denied_verbs = verbs(denial.article, clause, 0)
            their_verbs = verbs(article, text, article.sentences[position].start)
            if not (
                denied_verbs.verbs
                and their_verbs.verbs
                and same_predicate(denied_verbs.predicate(), their_verbs.predicate())
            ):
                continue
            best = (cosine, int(column))
            break
        if best is None:
            continue
        article, position, text = candidates[best[1]]
        found.append(
            Dispute(
                Side(text, voices.get((article.id, position)) or article.outlet, article, position),
                denial,
                "other article",
            )
        )
    return found


def close_in_time(claim: Article, denial: Article) -> bool:
    """The claim was published on the denial's day or in the few days before it: a denial answers
    what was said, and what happened later is news, not the claim denied."""
    if claim.published is None or denial.published is None:
        return True
    return 0 <= (denial.published - claim.published).days <= COUNTERPART_DAYS


# ---------------------------------------------------------------------------------------------
# Into the claims


def link_disputes(claims: list[Claim], disputes: Sequence[Dispute]) -> None:
    """Each dispute as two claims that contradict each other: a side that is a whole sentence already
    among the claims is that claim; any other side (a clause, a named claim) becomes a claim of its own,
    citing its sentence and attributed to its voice. One pair of sides is linked once. A claim that is the side
    disputed is shown by the side's sentence, the one that states what is disputed: its plainest member may not
    ("Dr Murray faces up to four years in prison if convicted" for "Dr Murray ... is accused of involuntary
    manslaughter and faces up to four years ..."). (A denial's claim keeps its member: its members deny alike,
    ``split_by_figures`` parts them on a denial, and the sentence a denial was read in may be about something
    else: "The Michael Forever concert has been criticised for coinciding with the trial of ... Dr Conrad Murray,
    who denies involuntary manslaughter".)"""
    where: dict[tuple[str, int], int] = {}
    for index, claim in enumerate(claims):
        for citation in claim.citations:
            where.setdefault((citation.article, citation.sentence), index)
    made: dict[tuple[str, str], int] = {}
    # the claims shown by a disputed side's sentence (the first dispute's, when in several)
    shown: set[int] = set()

    def claim_of(side: Side, disputed: bool) -> int:
        sentence = side.article.sentences[side.sentence]
        whole = side.article.text[sentence.start : sentence.end].strip()
        key = (side.article.id, sentence.index)
        if side.text == whole and key in where:
            index = where[key]
            if disputed and index not in shown:
                claims[index].text = whole
                shown.add(index)
            if side.voice and side.not_voices:
                claims[index].attributed_to[:] = [
                    name
                    for name in claims[index].attributed_to
                    if same_voice(name, side.voice) or not any(same_voice(name, n) for n in side.not_voices)
                ]
            if side.voice and side.voice not in claims[index].attributed_to:
                claims[index].attributed_to.append(side.voice)
            return index
        text_key = (normal(side.text), side.voice or "")
        if text_key in made:
            return made[text_key]
        outlets = [side.article.outlet] if side.article.outlet else []
        claims.append(
            Claim(
                text=side.text,
                articles=[side.article.id],
                outlets=outlets,
                independent_outlets=1 if outlets else 0,
                attributed_to=[side.voice] if side.voice else [],
                contradicts=[],
                citations=[cite(side.article, sentence)],
                unknown_sources=0 if outlets else 1,
            )
        )
        made[text_key] = len(claims) - 1
        return len(claims) - 1

    linked: list[tuple[int, Side]] = []  # the denial's claim and the side it disputes, of each dispute linked
    for dispute in disputes:
        denial = dispute.denial
        denied_in = where.get((denial.article.id, denial.article.sentences[denial.sentence].index))
        if denied_in is not None and any(
            denied_in == earlier and copied_side(dispute.claim, side) for earlier, side in linked
        ):
            continue  # a copy of a dispute already linked (one article and its copy): one dispute, not two
        if denied_in is not None:
            linked.append((denied_in, dispute.claim))
        claimant = dispute.claim.voice
        if (
            claimant
            and (dispute.claim.article.id, dispute.claim.sentence) == (denial.article.id, denial.sentence)
            and not same_voice(claimant, denial.voice)
        ):
            # "Al-Anesi said ..., but spokesman Tareq Shami denied that": the sentence is the denial, and the
            # claimant it also quotes speaks on the other side only
            denial = dataclasses.replace(denial, not_voices=(*denial.not_voices, claimant))
        a, b = claim_of(dispute.claim, True), claim_of(denial, False)
        if a == b or b in claims[a].contradicts:
            continue
        claims[a].contradicts.append(b)
        claims[b].contradicts.append(a)


def copied_side(a: Side, b: Side) -> bool:
    """Two sides that are one side told twice: the same voice (or none) saying the same words, up to a name's
    longer or shorter form ("rebel claims that Moammar Gadhafi is seeking refuge" in one article, "... that
    Gadhafi is seeking refuge" in its copy)."""
    if (a.voice is None) != (b.voice is None) or a.voice is not None and not same_voice(a.voice, b.voice):
        return False
    (names_a, rest_a), (names_b, rest_b) = names_and_rest(a.text), names_and_rest(b.text)
    return (names_a <= names_b or names_b <= names_a) and jaccard(rest_a, rest_b) >= COPIED_WORDS


def names_and_rest(text: str) -> tuple[set[str], set[str]]:
    """The content words of the text's capitalised words (names, in whichever form) and of the others."""
    words = re.findall(r"[\w'-]+", text)
    names = " ".join(w for w in words if any(c.isupper() for c in w)).replace("-", " ")  # "al-Assad": Assad
    rest = " ".join(w for w in words if not any(c.isupper() for c in w))
    return set(content_words(names)), set(content_words(rest))


def normal(text: str) -> str:
    return " ".join(content_words(text))


def days_apart(a: dt.date | None, b: dt.date | None) -> int | None:
    return abs((a - b).days) if a is not None and b is not None else None
