"""Positions over time: what each actor demands or rejects about a recurring proposition, dated.

A *proposition* is something that may or may not happen to someone: the propositions found here are
that a leader leaves power ("step down", "resign", "remove X from power", "his ouster"), the
commonest recurring demand in political news. A *position* is an actor's stance on it, read off
the dependency parse from the proposition upwards through general rules:

- **stance cues**: verbs and nouns of demand ("call for", "urge", "insist", "commitment") give
  *support*; verbs and nouns of withdrawal or refusal ("back away from", "backtrack", "resist",
  "refusal") give *oppose*; each cue above another composes ("backtracked from America's
  commitment to remove Assad" is oppose), and a negated cue flips ("will not call for");
- **modal framing**: "X said Assad should step down" is X's support; "removing Assad is not the
  top priority" is opposition of whoever says it;
- **reported speech**: reporting verbs pass the proposition through to their subject;
- **documents**: a resolution or statement that calls for something holds a position, and whoever
  endorses, backs or releases it in the same article takes that position.

The actor is the outermost cue's subject, resolved through the roster; officials, envoys,
capitals and seats of government act for their country's government ("senior U.S. officials",
"Washington", "the White House"), and so does a person titled as one of its office holders (a
title such as "Secretary of State" that the collection gives with a country elsewhere). A
position is dated by an absolute date the sentence attaches to it ("in August 2011"), else by its
article's publication date; when that is not stated, by its interval (``inferred``: ``date`` is then the
interval's estimate or lower bound, for ordering only, and ``date_interval`` the interval as shown).

A *reversal* is an actor whose dominant stance on a proposition changes from one year to a later
one; it cites both sides.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, Attribution, Entity, Position, Reversal, Sentence, TimeExpression, cite
from ..pieces import NO_PIECES, Pieces
from ..text.dates import MONTH_NAMES, MONTHS
from ..text.patterns import NOT_NEWS
from ..who.cues import REPORTING_VERBS, not_said  # verbs that report an actor's own stance
from ..who.entities import (
    alias_index,
    country_of,
    country_of_word,
    gazetteer,
    key_of,
    person_name_parts,
)
from .wording import lemma_positions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUPPORT_VERBS = {
    "call",
    "urge",
    "demand",
    "ask",
    "press",
    "push",
    "insist",
    "want",
    "seek",
    "back",
    "support",
    "endorse",
    "favor",
    "favour",
    "advocate",
    "join",
    "pledge",
    "commit",
}
# Verbs that restate a stance already composed below them ("reiterated his call for", "joined ... in
# calling for"): they hand it to their subject but are no demand of their own ("repeated his praise").
RESTATING_VERBS = {"repeat", "reiterate", "renew", "join"}
# "insist on X's resignation" is a demand; "..., Levin insisted" only reports.
NEEDS_ON = {"insist"}
SUPPORT_NOUNS = {"call", "demand", "commitment", "insistence", "push", "bid", "plea", "appeal", "campaign"}
OPPOSE_VERBS = {
    "oppose",
    "reject",
    "refuse",
    "resist",
    "backtrack",
    "withdraw",
    "retreat",
    "abandon",
    "drop",
    "soften",
    "decline",
    "veto",
    "block",
}
# Phrasal verbs of withdrawal: "back away from", "step back from", "back off", "back down".
OPPOSE_PHRASAL = {("back", "away"), ("back", "off"), ("back", "down"), ("step", "back"), ("walk", "back")}
OPPOSE_NOUNS = {"refusal", "opposition", "rejection", "retreat", "reluctance", "resistance"}
MODALS = {"should", "must", "ought", "shall"}
# Verbs that make what they govern a wish or forecast about someone else, not that one's position.
HYPOTHETICAL_VERBS = {"hope", "fear", "wish", "doubt", "worry", "predict", "warn", "need", "consider"}
# A cue under one of these is a suggestion or a possibility, not a stance taken ("the UN should ask",
# "the United States can urge").
HYPOTHETICAL_MODALS = {"should", "could", "can", "may", "might", "would", "ought"}
HYPOTHETICAL_ADVERBS = {"perhaps", "maybe", "possibly"}
# Clauses that ask rather than state ("whether Mubarak should leave office").
QUESTION_MARKS = {"whether", "if"}
# Subjects that make what they govern the writer's or a reader's opinion, not a named actor's.
FIRST_AND_SECOND_PERSON = {"i", "we", "you"}
# A sentence this long is mostly headlines and blurbs glued together: its parse does not say who.
MAX_SENTENCE_TOKENS = 60
# Words of a role that make it no office of a country's government ("former President", "opposition
# leader", "secretary-general of the Arab League").
NOT_GOVERNMENT_ROLE = {
    "former",
    "ex",
    "late",
    "opposition",
    "rebel",
    "league",
    "union",
    "party",
    "committee",
    "council",
    "brotherhood",
    "movement",
    "until",
    "if",
}
# Heads of roles that are offices of a government.
OFFICE_HEADS = {
    "president",
    "secretary",
    "minister",
    "chancellor",
    "king",
    "queen",
    "premier",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
}
# "go to jail", "go ahead", "go home": going somewhere is not leaving power.
GO_SOMEWHERE = {"to", "into", "ahead", "home", "back", "on", "further", "beyond", "through", "out", "where"}
# "removing Gadhafi by military means is not the aim": a rejected means, not a stance on the leaving.
MEANS_PREPOSITIONS = {"by", "through", "via"}
MEANS_VERBS = {"use", "employ"}
PRIORITY_NOUNS = {"priority", "goal", "aim", "objective", "precondition", "condition", "demand"}
DOCUMENT_NOUNS = {"resolution", "statement", "plan", "draft", "proposal", "communiqué", "communique", "text"}
ENDORSE_VERBS = {
    "endorse",
    "back",
    "support",
    "sponsor",
    "propose",
    "draft",
    "introduce",
    "release",
    "issue",
    "sign",
    "table",
    "push",
    "circulate",
}
# Buildings and departments that stand for a government in news prose.
SEATS_OF_GOVERNMENT = {
    "white house": "United States",
    "state department": "United States",
    "pentagon": "United States",
    "kremlin": "Russia",
    "elysee": "France",
    "élysée": "France",
    "downing street": "United Kingdom",
    "foreign office": "United Kingdom",
}
# Heads of descriptions that act for a country's government ("senior U.S. officials").
GOVERNMENT_HEADS = {
    "official",
    "officials",
    "administration",
    "government",
    "diplomat",
    "diplomats",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "leaders",
    "president",
    "secretary",
    "minister",
}
# What every proposition says of its leader: "leaves power", whether they step down, resign or are ousted, toppled or
# removed ("his battle to oust Gadhafi" wants Gadhafi gone, not that he steps down of his own accord).
LEAVE_POWER = "leaves power"
# Relations a stance does not pass through: an adverbial clause, a coordinated or loosely attached
# clause states something beside the cue, not what the cue demands or rejects.
CLAUSE_BOUNDARIES = {"parataxis", "appos"}
# A clause that announces the proposition after it as "one thing": how it hangs on it, and what ends it.
ANNOUNCING_RELATIONS = {"ccomp", "parataxis", "advcl"}
ANNOUNCING_MARKS = {":", "--", "\u2014", "\u2013", ","}
# Conjunctions that make an adverbial clause a circumstance ("even though", "while", "if"), unlike the
# "for X to step down" the parser also calls an adverbial clause.
SUBORDINATORS = {
    "though",
    "although",
    "while",
    "whereas",
    "if",
    "unless",
    "because",
    "since",
    "as",
    "when",
    "after",
    "before",
    "once",
    "until",
    "whether",
}
DATE_TEXT = re.compile(
    rf"(?:(?P<month>{'|'.join(MONTH_NAMES)})"
    r"\.?\s+(?:(?P<day>\d{1,2}),?\s+)?)?(?P<year>(?:19|20)\d\d)\b"
)


@dataclass
class Stance:
    """A proposition found in a sentence, and what the cues above it make of it."""

    predicate: Token
    target: Token
    stance: str
    actor: Token | None
    cue: Token
    # Stances held on the way up by documents ("a resolution calling for ..."), for endorsements.
    documents: list[tuple[Token, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Propositions: a leader leaves power


PREDICATE_LEMMAS = {
    "step",
    "resign",
    "abdicate",
    "quit",
    "remove",
    "oust",
    "topple",
    "depose",
    "overthrow",
    "give",
    "hand",
    "cede",
    "relinquish",
    "leave",
    "go",
    "resignation",
    "ouster",
    "removal",
    "departure",
}


def leave_power_predicates(sentence: Span) -> list[tuple[Token, Token | None]]:
    """Tokens that say someone leaves power, with the token naming who (when the clause has it)."""
    found = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma not in PREDICATE_LEMMAS:
            continue
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.pos_ in ("VERB", "AUX"):
            if lemma == "step" and particles & {"down", "aside"} or lemma in ("resign", "abdicate", "quit"):
                found.append((token, subject_token(token)))
            elif lemma in ("remove", "oust", "topple", "depose", "overthrow") and objects:
                found.append((token, objects[0]))
            elif (
                gives_up_power(token)
                or lemma == "go"
                and (has_modal(token) or token.head.lemma_.lower() == "need")
                and not any(c.dep_ in ("prep", "advmod") and c.lower_ in GO_SOMEWHERE for c in token.children)
            ):
                found.append((token, subject_token(token)))
        elif lemma in ("resign", "abdicate") and subject_token(token) is not None:
            found.append((token, subject_token(token)))  # the small model sometimes tags "resign" a noun
        elif token.pos_ == "NOUN" and lemma in ("resignation", "ouster", "removal", "departure", "overthrow"):
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is None:
                of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            found.append((token, owner))
        elif (
            token.pos_ == "VERB" and lemma == "step" and token.tag_ == "VBG" and particles & {"down", "aside"}
        ):
            found.append((token, subject_token(token)))
    return found


def gives_up_power(token: Token) -> bool:
    """ "give up power", "hand over power", "leave office"."""
    if token.lemma_.lower() not in ("give", "hand", "cede", "relinquish", "leave"):
        return False
    return any(
        c.dep_ in ("dobj", "prep", "pobj") and c.lemma_.lower() in ("power", "office") for c in token.children
    )


def subject_token(token: Token) -> Token | None:
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # Of two (a glued dateline's "Washington (CNN) -- The United States ... will call"), the nearer.
        before = [c for c in subjects if c.i < token.i]
        return before[-1] if before else subjects[0]
    # "calls for X stepping down": a gerund's subject is its possessive or the noun before it
    for child in token.children:
        if child.dep_ == "poss":
            return child
    return None


def subordinated(token: Token) -> bool:
    """The clause headed by the token is introduced by a subordinating conjunction ("even though")."""
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in token.children)


def has_modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children) or (
        token.dep_ == "xcomp" and token.head.lemma_.lower() in ("need", "have")
    )


def is_negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det") for c in token.children
    )


def cue_polarity(token: Token) -> str | None:
    """``support`` or ``oppose`` when the token is a stance cue."""
    lemma = token.lemma_.lower()
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "advmod")}
    if token.pos_ in ("VERB", "AUX"):
        if any((lemma, p) in OPPOSE_PHRASAL for p in particles):
            return "oppose"
        if lemma in OPPOSE_VERBS:
            return "oppose"
        if lemma in NEEDS_ON and not any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.pos_ == "NOUN" for g in c.children)
            for c in token.children
        ):
            return None  # "insisted on CNN" is no demand
        if lemma in SUPPORT_VERBS:
            return "support"
    elif token.pos_ == "NOUN":
        if lemma in OPPOSE_NOUNS:
            return "oppose"
        if lemma in SUPPORT_NOUNS:
            return "support"
    return None


def is_word(token: Token, words: set[str] | frozenset[str]) -> bool:
    """The token is one of the words, by lemma or by a plain inflection (the small model's lemmas slip)."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower, lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "e"}
    return bool(forms & words)


def flip(stance: str) -> str:
    return "oppose" if stance == "support" else "support"


def actor_token(cue: Token) -> Token | None:
    """Who holds the cue's stance: its subject, a noun's possessor, the noun a clause describes."""
    if cue.pos_ == "NOUN":
        return next((c for c in cue.children if c.dep_ == "poss"), None)
    subject = subject_token(cue)
    if subject is not None and subject.lower_ in ("that", "which", "who") and cue.dep_ == "relcl":
        return cue.head
    if subject is not None:
        return subject
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head  # "a UN resolution calling for ..."
    if cue.dep_ == "advcl" and subordinated(cue):
        return None  # "Cairo, which had been peaceful as throngs called for ...": not the head's subject
    if cue.dep_ in ("xcomp", "conj", "advcl") and cue.head is not cue:
        return actor_token(cue.head) if cue_polarity(cue.head) is None else None
    return None


def glued_to(actor: Token, cue: Token) -> bool:
    """A dash, colon or line break between the actor and its cue: a heading glued to the sentence ("Egypt,
    Day 7 -- Demonstrators continue to demand ..."), so the parse's subject is not who acts."""
    low, high = sorted((actor.i, cue.i))
    return any(t.text in ("--", "—", "–", ":", "|") or "\n" in t.text for t in actor.doc[low + 1 : high])


def hypothetical_cue(token: Token) -> bool:
    """The cue is a suggestion or possibility ("Perhaps the UN should ask", "the United States can urge")."""
    return any(
        c.dep_ == "aux"
        and c.lower_ in HYPOTHETICAL_MODALS
        or c.dep_ == "advmod"
        and c.lower_ in HYPOTHETICAL_ADVERBS
        for c in token.children
    )


def asks(token: Token) -> bool:
    """The clause headed by the token is a question ("whether Mubarak should leave office")."""
    return any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in token.children)


def stated_fact(predicate: Token) -> bool:
    """A leaving of power told as a past fact that describes something ("the protests that toppled
    Mubarak", "deposed President Mubarak"), not a proposition anyone takes a stance on."""
    return (
        predicate.pos_ in ("VERB", "AUX")
        and predicate.dep_ in ("relcl", "amod", "acl")
        and predicate.tag_ in ("VBD", "VBN")
        and not has_modal(predicate)
    )


def by_means(predicate: Token) -> bool:
    """The leaving is qualified by how ("by military means", "using force to remove"): refusing that way of
    bringing it about is no stance against it."""
    if any(c.dep_ == "prep" and c.lower_ in MEANS_PREPOSITIONS for c in predicate.children):
        return True
    return predicate.dep_ in ("xcomp", "advcl") and predicate.head.lemma_.lower() in MEANS_VERBS


def first_or_second_person(token: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_AND_SECOND_PERSON for c in token.children
    )


def stances_in(sentence: Span) -> list[Stance]:
    """Each leave-power proposition of the sentence, with its composed stance and outermost actor.

    Nothing is taken from a question, from a sentence of glued headlines, from a leaving of power told as a
    past fact, or from a cue that is only suggested or asked about; a cue under a writer's or reader's
    "I think" holds nobody's stance."""
    found: list[Stance] = []
    if sentence.text.rstrip().rstrip("\"'”’)").endswith("?") or len(sentence) > MAX_SENTENCE_TOKENS:
        return found
    for predicate, target in leave_power_predicates(sentence):
        if stated_fact(predicate) or asks(predicate):
            continue
        stance: str | None = "support" if has_modal(predicate) else None
        if stance == "support" and is_negated(predicate):
            stance = "oppose"
        actor: Token | None = None
        cue: Token = predicate
        framed_by_modal = stance is not None
        documents: list[tuple[Token, str]] = []
        hypothetical = False
        node = predicate
        announcer = announced_by(predicate) if framed_by_modal else None
        if announcer is not None:
            # "ElBaradei has been clear about one thing -- Mubarak must go": the announcing clause's subject
            # holds the stance, not whoever reports the whole ("Byman asked, adding that the Egyptian people
            # have been unified on one thing: Mubarak must go")
            actor, cue = subject_token(announcer), announcer
            node = sentence.root
        for _ in range(10):
            if node.dep_ == "ROOT" or node.head is node:
                break
            relation, parent = node.dep_, node.head
            if relation in CLAUSE_BOUNDARIES or relation == "advcl" and subordinated(node):
                break  # "... even though Assad may be toppled": the proposition is not the cue's object
            if relation == "relcl" and cue_polarity(parent) is None:
                break  # "rejected offers that do not include his departure": the cue's object is the noun
            if relation == "advcl" and node.tag_ == "VBG" and is_word(node, REPORTING_VERBS):
                # "rejected offers ..., saying he must relinquish power": what the cue's subject says beside
                # the cue, not what the cue rejects
                holder = subject_token(parent)
                if stance is not None and actor is None and holder is not None:
                    actor, cue = holder, parent
                break
            if relation == "conj" and cue_polarity(parent) is not None:
                break  # "asked Johnson to vet ..., but Johnson resigned": beside the cue, not its object
            if asks(node) and node is not predicate or first_or_second_person(parent):
                hypothetical = True  # "asked whether ...", "I think the U.S. does not want ..."
                break
            if target is None and cue_polarity(parent) is not None:
                target = object_of_demand(parent)
            polarity = cue_polarity(parent)
            if polarity is not None and parent is not predicate:
                if hypothetical_cue(parent):
                    hypothetical = True
                    break
                if is_negated(parent) and polarity == "support":
                    hypothetical = True  # "did not call on X to step down": no demand made is no stance held
                    break
                base = stance if stance is not None else "support"
                stance = base if polarity == "support" else flip(base)
                if is_negated(parent):
                    stance = flip(stance)  # "will not oppose his removal"
                holder = actor_token(parent)
                if holder is not None and holder.lemma_.lower() in DOCUMENT_NOUNS:
                    documents.append((holder, stance))
                elif holder is not None:
                    actor, cue = holder, parent
            elif is_word(parent, HYPOTHETICAL_VERBS) and (actor is not None or stance is not None):
                hypothetical = (
                    True  # "the White House hopes that Russia won't oppose ...": Russia's stance is hoped for
                )
                break
            elif parent.lemma_.lower() in RESTATING_VERBS and stance is not None and parent.pos_ == "VERB":
                holder = actor_token(parent)
                if holder is not None and holder.lemma_.lower() not in DOCUMENT_NOUNS:
                    actor, cue = (
                        holder,
                        parent,
                    )  # "X reiterated his call for ...", "joined ... in calling for"
            elif parent.lemma_.lower() in ("be",) and relation in ("csubj", "nsubj"):
                attribute = next((c for c in parent.children if c.dep_ == "attr"), None)
                if attribute is not None and attribute.lemma_.lower() in PRIORITY_NOUNS:
                    stance = "oppose" if is_negated(parent) else "support"
                    framed_by_modal = True
            elif (
                parent.lemma_.lower() in REPORTING_VERBS
                and stance is not None
                and actor is None
                and framed_by_modal
            ):
                if hypothetical_cue(parent) or is_negated(parent) or not_said(parent):
                    # "did not say Gaddafi should go", "refused to say ...", "stopped short of saying ...": no
                    # stance told, neither the one reported nor its opposite
                    hypothetical = True
                    break
                holder = subject_token(parent)
                if holder is not None:
                    actor, cue = holder, parent
            node = parent
        if stance is None or target is None:
            continue
        if stance == "oppose" and by_means(predicate):
            continue
        if actor is not None and glued_to(actor, cue):
            actor = None
        if hypothetical:
            actor = None  # a document's own call below the hoped-for or asked-about cue still stands
        found.append(Stance(predicate, target, stance, actor, cue, documents))
    return found


def announced_by(predicate: Token) -> Token | None:
    """The clause before the proposition that announces it as "one thing", ended by a colon, dash or comma ("the
    opposition agrees on one thing, Mubarak must go", "X has been clear about one thing -- Mubarak must go"): the
    verb that governs that "one thing" (its subject holds the stance), or None. The parser hangs either clause on
    the other."""
    doc = predicate.doc
    ends = [child.right_edge for child in predicate.children if child.dep_ in ANNOUNCING_RELATIONS]
    if predicate.dep_ in ANNOUNCING_RELATIONS:
        # the mark before the proposition's clause, or its first token when the parse hangs the mark on it
        first = predicate.left_edge.i
        mark = first if doc[first].text in ANNOUNCING_MARKS else first - 1
        if mark >= 1:
            ends.append(doc[mark - 1])
    for edge in ends:
        if edge.i >= predicate.i or edge.i + 1 >= len(doc) or doc[edge.i + 1].text not in ANNOUNCING_MARKS:
            continue
        if edge.lower_ != "thing" or not any(c.lower_ == "one" for c in edge.children):
            continue
        node = edge.head
        while node.pos_ not in ("VERB", "AUX") and node.head is not node:
            node = node.head
        return node if node.pos_ in ("VERB", "AUX") else None
    return None


def object_of_demand(cue: Token) -> Token | None:
    """Who a demand is addressed to: "call on X to", "urge X to", "ask X to"."""
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "for"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def target_text(token: Token) -> str:
    """The name a target token belongs to (the whole entity when it is part of one)."""
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return doc[token.left_edge.i : token.i + 1].text if token.pos_ == "PROPN" else token.text


# ---------------------------------------------------------------------------------------------
# Actors: names, governments, documents


@dataclass
class ActorResolver:
    """Turns actor and target tokens into roster names; governments stand in for their officials."""

    roster: Sequence[Entity]
    # The attribution stage's statements: a pronoun stands for the speaker it resolved there (one resolution).
    attributions: Sequence[Attribution] = ()

    def __post_init__(self) -> None:
        self.index = alias_index(self.roster)
        self.by_id = {entity.id: entity for entity in self.roster}
        self.speakers: dict[tuple[str, int], Attribution] = {
            (a.article, a.speaker_start): a for a in self.attributions if a.speaker_start is not None
        }
        # the article each parse belongs to, for looking its speakers up (set by ``find_positions``)
        self.article_of: dict[int, str] = {}
        self.names: dict[int, Any] = {}  # a parse's NameIndex, for resolving its pronouns
        self.people_by_surname: dict[str, Entity] = {}
        for entity in self.roster:
            if entity.type == "person":
                parts = person_name_parts(entity.name)
                if parts:
                    self.people_by_surname.setdefault(parts[-1], entity)
        self.country_of_title = titles_with_countries(self.roster)

    def person(self, text: str) -> Entity | None:
        entity = self.index.get(key_of(text))
        if entity is not None and entity.type == "person":
            return entity
        parts = person_name_parts(text)
        return self.people_by_surname.get(parts[-1]) if parts else None

    def government_of(self, person: Entity) -> str | None:
        """The country whose government a person acts for: most of the offices the collection gives them
        ("U.S. Secretary of State", "Secretary of State" where the collection gives that title with one
        country) are offices of that government. Former offices, offices of a league, party or
        opposition, and descriptions without an office ("opposition leader") act for no government."""
        countries: Counter[str] = Counter()
        offices = 0
        for role in person.roles:
            text = str(role.get("role", ""))
            words = set(re.findall(r"[a-z]+", text.lower()))
            if not words & OFFICE_HEADS or words & NOT_GOVERNMENT_ROLE:
                continue
            offices += 1
            country = country_in(text) or self.country_of_title.get(title_key(text))
            if country is not None:
                countries[country] += 1
        if not countries:
            return None
        country, held = countries.most_common(1)[0]
        return country if held * 3 >= offices * 2 else None

    def acting_for(self, person: Entity, own_leader: str | None = None) -> str:
        """Whom a person's stance is told for: the government they hold an office of, else themselves. One who
        calls for their own country's leader to go speaks for themselves, not for that leader's government
        (Libya's deputy U.N. ambassador who joined the rebels in calling for Gadhafi to step down)."""
        government = self.government_of(person)
        return government if government is not None and government != own_leader else person.name

    def country_led(self, name: str) -> str | None:
        """The country a person leads or serves, as most of the roles the collection gives them with a country
        say ("Libyan leader", "Syrian President")."""
        person = self.person(name)
        if person is None:
            return None
        countries = Counter(c for role in person.roles if (c := country_in(str(role.get("role", "")))))
        if not countries:
            return None
        country, held = countries.most_common(1)[0]
        return country if held * 2 > sum(countries.values()) else None

    def person_in_phrase(self, token: Token) -> Entity | None:
        """The person the noun phrase up to the token, or an apposition to it, names ("Libya's deputy ambassador
        Ibrahim Dabbashi", "the ambassador, Ibrahim Dabbashi,")."""
        doc = token.doc
        spans = [doc[token.left_edge.i : token.i + 1]]
        spans += [doc[c.left_edge.i : c.right_edge.i + 1] for c in token.children if c.dep_ == "appos"]
        for span in spans:
            for ent in span.ents:
                if ent.label_ == "PERSON" and (person := self.person(ent.text)) is not None:
                    return person
        return None

    def person_named(self, token: Token) -> str | None:
        """The person a token names (through a pronoun's antecedent), before any government stands in."""
        if token.pos_ == "PRON":
            person = self.pronoun_antecedent(token)
        else:
            people = [e for e in token.doc[token.left_edge.i : token.i + 1].ents if e.label_ == "PERSON"]
            person = self.person(people[0].text) if people else None
        return person.name if person is not None else None

    def name(self, token: Token, own_leader: str | None = None) -> str | None:
        """The actor a token stands for, or None when it cannot be told. ``own_leader``: the country whose
        leader the stance wants gone, when the stance is support (``acting_for``)."""
        doc = token.doc
        # The noun phrase up to its head: "senior U.S. officials", not the clauses hanging off it.
        span = doc[token.left_edge.i : token.i + 1]
        if token.pos_ == "PRON":
            person = self.pronoun_antecedent(token)
            if person is None:
                return None
            return self.acting_for(person, own_leader)
        if token.lemma_.lower() in DOCUMENT_NOUNS:
            return f"document:{token.lemma_.lower()}"
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.dep_ == "pobj":
            return None  # "... in Cairo, which had been peaceful as throngs called for ...": where, not who
        people = [e for e in span.ents if e.label_ == "PERSON"]
        head_is_person = token.ent_type_ == "PERSON"
        if people and (head_is_person or token.lemma_.lower() not in GOVERNMENT_HEADS):
            person = self.person(people[0].text)
            if person is not None:
                return self.acting_for(person, own_leader)
            return people[0].text
        lowered = key_of(span.text)
        for seat, government in SEATS_OF_GOVERNMENT.items():
            if seat in lowered:
                return government
        # A country word stands for its government only as the head itself ("Russia", "Washington")
        # or describing someone who acts for it ("Syrian officials"); "Syrian protesters" or "the
        # Syrian opposition" are not the Syrian government.
        acts_for_country = token.lemma_.lower() in GOVERNMENT_HEADS or token.lower_ in GOVERNMENT_HEADS
        for word in [t for t in span if t.ent_type_ in ("GPE", "NORP") or t.pos_ in ("PROPN", "ADJ")]:
            if word is not token and not acts_for_country:
                continue
            country = country_of_word(word.text)
            if country is not None:
                return country.name
        for ent in span.ents:
            if not (ent.start <= token.i < ent.end or acts_for_country):
                continue
            country = country_of(ent.text)
            if country is None and ent.label_ == "GPE":
                _, _, by_capital = gazetteer()
                country = by_capital.get(key_of(ent.text))
            if country is not None:
                return country.name
        if people:
            person = self.person(people[0].text)
            if person is not None:
                return self.acting_for(person, own_leader)
        # An organisation names the actor only as the head itself ("Human Rights Watch called ..."), not
        # as a word somewhere before it ("CNN crew witnesses air bombing ... protesters calling for").
        orgs = [e for e in span.ents if e.label_ == "ORG" and e.start <= token.i < e.end]
        if orgs:
            entity = self.index.get(key_of(orgs[0].text))
            return entity.name if entity is not None else orgs[0].text
        return None

    def pronoun_antecedent(self, token: Token) -> Entity | None:
        """The person a he/she/his/her/him stands for, resolved once, by the attribution stage
        (``storyline.who.attribution``): the speaker it resolved when the pronoun speaks a statement, else
        its antecedent by the same rules, taken only when that person is named earlier in the pronoun's own
        sentence (across sentences the nearest name is as often a reader's signature)."""
        from ..who.attribution import NameIndex, person_antecedent

        if token.lower_ not in ("he", "she", "his", "her", "him"):
            return None
        article = self.article_of.get(id(token.doc))
        attribution = self.speakers.get((article, token.idx)) if article is not None else None
        named_before = self.people_named_before(token)
        if attribution is not None:  # the speaker of a statement: as the statement shows it ...
            entity = self.by_id.get(attribution.speaker_entity_id or "")
            if entity is None and attribution.speaker_entity:
                entity = self.person(attribution.speaker_entity)
            speaker = entity if entity is not None and entity.type == "person" else None
            # ... unless the pronoun's own sentence names someone else before it ("Obama's passing reference
            # to Yemen, in which he urged ...": not a speaker resolved from outside the sentence)
            if not named_before or speaker is not None and speaker.name in named_before:
                return speaker
        doc = token.doc
        if id(doc) not in self.names:
            self.names[id(doc)] = NameIndex(doc)
        gender = "m" if token.lower_ in ("he", "his", "him") else "f"
        found = person_antecedent(self.names[id(doc)], doc[token.i : token.i + 1], [], gender)
        antecedent = self.person(found.entity) if found is not None and found.entity else None
        if antecedent is None:
            return None
        return named_before.get(antecedent.name)

    def people_named_before(self, token: Token) -> dict[str, Entity]:
        """The roster's people named in the token's sentence before it, by name."""
        sentence = token.sent
        named: dict[str, Entity] = {}
        for ent in token.doc.ents:
            if ent.label_ == "PERSON" and sentence.start <= ent.start and ent.end <= token.i:
                person = self.person(ent.text)
                if person is not None:
                    named.setdefault(person.name, person)
        return named

    def target(self, text: str, token: Token) -> str | None:
        if token.pos_ == "PRON":
            person = self.pronoun_antecedent(token)
            return person.name if person is not None else None
        # Leaders leave power: the target is a person of the roster named by a proper name ("the
        # government", "the cap", "the African Union" are not).
        if token.pos_ != "PROPN" and token.ent_type_ != "PERSON":
            return None
        person = self.person(text)
        return person.name if person is not None else None


def country_in(text: str) -> str | None:
    for word in re.findall(r"[A-Z][\w.]*", text):
        country = country_of_word(word)
        if country is not None:
            return country.name
    return None


def title_key(text: str) -> str:
    """A title without its country: "U.S. Secretary of State" -> "secretary of state"."""
    words = [w for w in re.findall(r"[\w.\-]+", text) if country_of_word(w) is None]
    return " ".join(w.lower() for w in words)


def titles_with_countries(roster: Sequence[Entity]) -> dict[str, str]:
    """Titles the collection gives with exactly one country ("US Secretary of State" -> US)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for entity in roster:
        for role in entity.roles:
            text = str(role.get("role", ""))
            country = country_in(text)
            key = title_key(text)
            if country is not None and key:
                seen[key].add(country)
    return {key: next(iter(countries)) for key, countries in seen.items() if len(countries) == 1}


# ---------------------------------------------------------------------------------------------
# Dates


def attached_date(stance: Stance) -> str | None:
    """An absolute date the sentence attaches to the cue or the proposition ("in August 2011")."""
    anchors = {stance.predicate.i, stance.cue.i}
    doc = stance.predicate.doc
    for ent in stance.predicate.sent.ents:
        if ent.label_ != "DATE":
            continue
        root = ent.root
        attached = root.dep_ in ("npadvmod", "tmod") and root.head.i in anchors
        attached = attached or (
            root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i in anchors
        )
        if not attached:
            continue
        match = DATE_TEXT.search(doc[ent.start : ent.end].text)
        if match is None:
            continue
        value = match.group("year")
        if match.group("month"):
            value += f"-{MONTHS[match.group('month').lower()]:02d}"
            if match.group("day"):
                value += f"-{int(match.group('day')):02d}"
        return value
    return None


ArticleDate = tuple[str | None, str, str | None]  # (date, provenance, interval as shown or None)


def date_of(stance: Stance, article: Article, article_date: ArticleDate | None) -> ArticleDate:
    mentioned = attached_date(stance)
    if mentioned is not None:
        return mentioned, "mentioned", None
    if article_date is not None:
        return article_date
    return None, "", None


# Heads of titles that one person holds at a time (per country): "Secretary of State", "President".
SINGLE_HOLDER_HEADS = {
    "secretary",
    "president",
    "minister",
    "chancellor",
    "king",
    "queen",
    "premier",
    "governor",
}


def office_of(role_text: str, country_of_title: dict[str, str]) -> tuple[str, str] | None:
    """(country, title) of a single-holder office, or None when the title or its country is unclear."""
    key = title_key(role_text)
    words = key.split()
    if not words or not any(w in SINGLE_HOLDER_HEADS for w in words) or "former" in words or "late" in words:
        return None
    country = country_in(role_text) or country_of_title.get(key)
    return (country, key) if country else None


def article_dates(articles: Sequence[Article], roster: Sequence[Entity]) -> dict[str, ArticleDate]:
    """Each article's date for its positions: the stated one, else its interval's estimate or lower bound
    (``inferred``, with the interval as shown), moved past other office holders.

    One person holds an office at a time, so an article whose date is not stated and that names another
    holder of an office than articles dated on or after its lower bound is placed after the last of them
    ("Secretary of State John Kerry" in an article after August 2011 comes after the 2012 articles naming
    Secretary of State Clinton): its interval becomes "after" that article's date (``inferred-office``).
    """
    dates: dict[str, ArticleDate] = {}
    for article in articles:
        if article.published is not None:
            dates[article.id] = (article.published.isoformat(), "published", None)
        else:
            order = article.date_key()
            if order is not None:
                dates[article.id] = (order.isoformat(), "inferred", article.published_label())
    country_of_title = titles_with_countries(roster)
    by_id = {a.id: a for a in articles}
    holders: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # office -> (person, article)
    for entity in roster:
        if entity.type != "person":
            continue
        for role in entity.roles:
            office = office_of(str(role.get("role", "")), country_of_title)
            if office is not None:
                holders[office].append((entity.id, str(role.get("article"))))
    for article in articles:
        interval = article.published_interval
        if article.published is not None or interval is None or interval.earliest is None:
            continue
        bound = interval.earliest
        latest_other: dt.date | None = None
        for found in holders.values():
            own = {person for person, where in found if where == article.id}
            for person, where in found:
                other = by_id.get(where)
                if person in own or other is None or other.published is None:
                    continue
                if (
                    own
                    and other.published >= bound
                    and (latest_other is None or other.published > latest_other)
                ):
                    latest_other = other.published
        if latest_other is not None and (interval.latest is None or latest_other < interval.latest):
            after = latest_other + dt.timedelta(days=1)
            shown = f"after {latest_other.isoformat()}" + (
                f" (\u2026 {interval.latest.isoformat()})" if interval.latest else ""
            )
            order = max(after, interval.estimate) if interval.estimate else after
            dates[article.id] = (order.isoformat(), "inferred-office", shown)
    return dates


# ---------------------------------------------------------------------------------------------
# Stances told as history

# A stance told with a time this many years or more before its article's is background, not a position held
# at the article's date.
HISTORY_YEARS = 10
# How many sentences back a past-tense narrative takes its time from (the last time expression told).
NARRATIVE_SENTENCES = 5
# Adverbs that put a stance in a past since left ("once sought", "formerly backed").
BYGONE_ADVERBS = {"once", "formerly"}
# Words before a time expression that make it a bound, not the time of what is told ("since 1970").
TIME_BOUNDS = {"since", "until", "till", "before", "after", "between", "from", "through", "throughout", "by"}
# Labels by which a time expression is put before a noun and names a thing ("the 1982 massacre").
PREMODIFIERS = {"compound", "amod", "nmod", "poss", "nummod"}


def year_of(timex: TimeExpression) -> int | None:
    """The year a time expression's value lies in ("1908", "1953-03", "2010-10-07T14:00"), or a decade's or
    century's first year ("195": the 1950s, "19": the 1900s); None for durations, sets and unresolved ones."""
    value = timex.value or ""
    if timex.type not in ("DATE", "TIME"):
        return None
    digits = len(value) - len(value.lstrip("0123456789"))
    if digits >= 4:
        return int(value[:4])
    if digits in (2, 3) and len(value) == digits:
        return int(value) * 10 ** (4 - digits)
    return None


def timexes_in(
    doc: Doc, timexes: Sequence[TimeExpression], start: int, end: int
) -> list[tuple[Span, TimeExpression]]:
    """The article's annotated time expressions within the characters ``start:end``, each with its span of
    the parse, in order."""
    found = []
    for timex in timexes:
        if start <= timex.start and timex.end <= end:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and len(span):
                found.append((span, timex))
    return sorted(found, key=lambda pair: pair[1].start)


def year_told(span: Span, timex: TimeExpression) -> int | None:
    """The year (or a decade's first year) a time expression tells, when it is a time of what is told: not a
    bound ("since 1970") nor a word before a noun ("the 1982 massacre")."""
    if span.root.dep_ in PREMODIFIERS:
        return None
    if span.start > 0 and span.doc[span.start - 1].lower_ in TIME_BOUNDS:
        return None
    return year_of(timex)


def told_as_history(stance: Stance, year: int | None, timexes: Sequence[TimeExpression] = ()) -> bool:
    """The stance is told as history, not held at its article's date (``year``): its cue is in the past
    perfect ("had sought") or past since left ("once backed"); a time expression of the cue's clause lies
    ``HISTORY_YEARS`` or more before the article ("in the 1950s the British sought ..."); or the cue is in the
    simple past and the last time expression told before it, within ``NARRATIVE_SENTENCES`` sentences, is
    such a year, a narrative of the past the sentence goes on with ("BP originated in 1908 ... . The British
    government sought to arrange for the overthrow of Mossadeq."). The time expressions are the article's
    annotated ones (``Article.timexes``, ``storyline.annotate.timex``)."""
    cue = stance.cue if stance.cue.pos_ in ("VERB", "AUX") else stance.cue.head
    children = list(cue.children)
    if cue.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in BYGONE_ADVERBS for c in children):
        return True
    if year is None or not timexes:
        return False
    path = {stance.cue.i, cue.i}
    node = stance.predicate
    for _ in range(10):
        path.add(node.i)
        if node.i == stance.cue.i or node.head is node:
            break
        node = node.head
    sentence = stance.predicate.sent
    doc = sentence.doc
    for span, timex in timexes_in(doc, timexes, sentence.start_char, sentence.end_char):
        told = year_told(span, timex)
        head = span.root.head
        attached = head.i in path or head.dep_ == "prep" and head.head.i in path
        if told is not None and attached and year - told >= HISTORY_YEARS:
            return True
    if cue.tag_ != "VBD":
        return False
    earlier = [s for s in doc.sents if s.end <= sentence.start][-NARRATIVE_SENTENCES:]
    since = earlier[0].start_char if earlier else sentence.start_char
    times = [
        (span, timex)
        for span, timex in timexes_in(doc, timexes, since, sentence.end_char)
        if span.end <= cue.i
    ]
    if not times:
        return False
    told = year_told(*times[-1])
    return told is not None and year - told >= HISTORY_YEARS


# ---------------------------------------------------------------------------------------------
# Positions and reversals


def find_positions(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    roster: Sequence[Entity],
    attributions: Sequence[Attribution] = (),
    pieces: Pieces = NO_PIECES,
) -> list[Position]:
    """Every actor's stance on every leave-power proposition of the articles, in article order; a pronoun
    stands for the speaker ``attributions`` (``find_attributions``'s, linked to the roster) resolved.
    Whether an article holds a stance at all is kept per article in ``pieces``: an article that holds
    none is skipped without reading its parse."""
    if len(docs) != len(articles):
        raise ValueError(f"{len(articles)} articles but {len(docs)} parses")
    resolver = ActorResolver(roster, attributions)
    resolver.article_of = {}  # each parse's article, as it is read (a token is only looked up in its own)
    dates = article_dates(articles, roster)
    positions: list[Position] = []
    for index, article in enumerate(articles):
        known, stanced = pieces.kept("stances", article, bool)
        if known and not stanced:
            continue  # no stance in this article: it holds no position
        doc = docs[index]
        resolver.article_of[id(doc)] = article.id
        seen: list[Stance] = []
        positions.extend(positions_in(article, doc, resolver, dates.get(article.id), seen))
        if not known:
            pieces.keep("stances", article, bool(seen))
    return positions


def positions_in(
    article: Article,
    doc: Doc,
    resolver: ActorResolver,
    article_date: ArticleDate | None = None,
    seen: list[Stance] | None = None,
) -> list[Position]:
    """The positions ``article`` states; every stance found (resolved or not) is added to ``seen``."""
    found: list[Position] = []
    documents: dict[str, list[Position]] = defaultdict(list)
    year = int(article_date[0][:4]) if article_date is not None and article_date[0] else None
    for sentence in predicate_sentences(doc):
        if NOT_NEWS.search(sentence.text):
            continue  # page furniture (an update notice, a tweet's signature); readers' comments: ingest.clean
        for stance in stances_in(sentence):
            if seen is not None:
                seen.append(stance)
            if told_as_history(stance, year, article.timexes):
                continue  # background of decades ago, not a stance held at the article's date
            target = resolver.target(target_text(stance.target), stance.target)
            if target is None:
                continue
            date, provenance, interval = date_of(stance, article, article_date)
            citation = cite(article, sentence_of(article, sentence.start_char, sentence.end_char))
            holders = [(document, held) for document, held in stance.documents]
            if stance.actor is not None:
                holders.append((stance.actor, stance.stance))
            own_country = resolver.country_led(target)
            for holder, held in holders:
                actor = resolver.name(holder, own_country if held == "support" else None)
                if actor is None or actor == target or resolver.person_named(holder) == target:
                    continue  # nobody, or a person's stance on their own leaving told as their government's
                if held == "support" and actor == own_country:
                    # a country wanting its own leader gone is its people or rebels, never its government; an
                    # official of it named with the words ("Libya's deputy ambassador, Ibrahim Dabbashi,")
                    # speaks for himself
                    person = resolver.person_in_phrase(holder)
                    if person is None:
                        continue
                    actor = person.name
                position = Position(
                    actor=actor,
                    proposition=f"{target} {LEAVE_POWER}",
                    stance=held,
                    date=date,
                    citation=citation,
                    text=article.text[citation.start : citation.end],
                    date_provenance=provenance,
                    date_interval=interval,
                )
                if actor.startswith("document:"):
                    documents[actor.split(":", 1)[1]].append(position)
                else:
                    found.append(position)
    if documents:
        found.extend(endorsed_positions(article, doc, documents, resolver))
    found.sort(key=lambda p: p.citation.start)
    return found


def predicate_sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` holding a token ``leave_power_predicates`` can take (its lemma, lower-cased,
    is one of ``PREDICATE_LEMMAS``), in order: no other sentence holds a stance. Found with one array
    read (``wording.lemma_positions``; a speed-up only: reading every token of every sentence made a Python
    ``Token`` of each)."""
    positions = lemma_positions(doc, PREDICATE_LEMMAS)
    if not positions:
        return []
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]
    chosen = {bisect.bisect_right(starts, i) - 1 for i in positions}
    return [sentences[number] for number in sorted(chosen)]


def sentence_of(article: Article, start: int, end: int) -> Sentence:
    """The article's sentence that holds a parse sentence (annotate made both from one parse)."""
    for sentence in article.sentences:
        if sentence.start < end and start < sentence.end:
            return sentence
    return Sentence(start=start, end=end, index=-1)


def endorsed_positions(
    article: Article,
    doc: Doc,
    documents: dict[str, list[Position]],
    resolver: ActorResolver,
) -> list[Position]:
    """Whoever endorses or releases a resolution or statement takes the positions it states."""
    found = []
    for token in doc:
        if token.lemma_.lower() not in ENDORSE_VERBS or token.pos_ != "VERB":
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ == "relcl" and token.head.lemma_.lower() in documents:
            objects.append(token.head)
        for obj in objects:
            lemma = obj.lemma_.lower()
            if lemma not in documents:
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which")]
            holders = []
            for subject in subjects:
                holders.append(subject)
                holders.extend(c for c in subject.children if c.dep_ == "conj")
            for holder in holders:
                actor = resolver.name(holder)
                if actor is None or actor.startswith("document:"):
                    continue
                sentence = token.sent
                citation = cite(article, sentence_of(article, sentence.start_char, sentence.end_char))
                for stated in documents[lemma]:
                    found.append(
                        Position(
                            actor=actor,
                            proposition=stated.proposition,
                            stance=stated.stance,
                            date=stated.date,
                            citation=citation,
                            text=article.text[citation.start : citation.end],
                            date_provenance=stated.date_provenance,
                            date_interval=stated.date_interval,
                        )
                    )
    return found


def find_reversals(positions: Sequence[Position]) -> list[Reversal]:
    """Actors whose stance on a proposition changes from one dated statement to a later one.

    The positions of one date (one article, mostly) are weighed together: the stance most of them
    take is that date's stance, and a date where as many say yes as no has none. A reversal is a
    change between consecutive dates that have one; it cites the last statements of the old
    stance and the first of the new.
    """
    by_key: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for position in positions:
        if position.date:
            by_key[(position.actor, position.proposition)].append(position)
    reversals = []
    for (actor, proposition), found in by_key.items():
        by_date: dict[str, list[Position]] = defaultdict(list)
        for position in found:
            by_date[str(position.date)].append(position)
        decided: list[tuple[str, list[Position]]] = []
        for date in sorted(by_date):
            ranked = Counter(p.stance for p in by_date[date]).most_common()
            if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                continue  # as many say yes as no: no stance that day
            stance = ranked[0][0]
            decided.append((stance, [p for p in by_date[date] if p.stance == stance]))
        runs: list[tuple[str, list[Position]]] = []
        for stance, held in decided:
            if runs and runs[-1][0] == stance:
                runs[-1][1].extend(held)
            else:
                runs.append((stance, list(held)))
        for (before, earlier), (after, later) in zip(runs, runs[1:]):
            last_before = earlier[-2:]
            first_after = later[:2]
            reversals.append(
                Reversal(
                    actor=actor,
                    proposition=proposition,
                    from_=before,
                    to=after,
                    citations=[p.citation for p in [*last_before, *first_after]],
                    from_date=last_before[-1].date_interval or last_before[-1].date,
                    to_date=first_after[0].date_interval or first_after[0].date,
                )
            )
    return reversals
