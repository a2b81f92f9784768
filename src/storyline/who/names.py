"""The name a statement is listed under in the roster of speakers (no parsing: safe to import anywhere)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..model import Attribution
from ..text.words import TITLE_ABBREVIATIONS as TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from nicknames import NickNamer
    from spacy.tokens import Token

UNRESOLVED_SPEAKER = "unresolved speaker"


# Nouns for people, in one place: who.attribution (speakers, gender of a described subject) and who.entities
# (a generic description is no alias) read them from here.
# Head nouns of descriptions that stand for a person or body without naming it.
ANONYMOUS_HEADS = {
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "person",
    "people",
    "insider",
    "insiders",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "staffer",
    "staffers",
    "observer",
    "observers",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "activist",
    "activists",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "critic",
    "critics",
    "member",
    "members",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "officers",
    "someone",
    "somebody",
}
# Heads of descriptions of one person as common nouns only ("a senior official", "the spokeswoman"): "he" or
# "she" may stand for such a source; "the network", "the ministry" are not someone (tagged a proper noun, a
# capitalised "Spokesman" or "Chancellor" is a title before a name). The nouns of ``ONE_PERSON_NOUNS`` are not
# repeated here.
PERSON_HEADS = {
    "official",
    "aide",
    "diplomat",
    "insider",
    "adviser",
    "advisor",
    "staffer",
    "observer",
    "analyst",
    "expert",
    "activist",
    "critic",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officer",
    "chancellor",
    "premier",
    "emir",
}

# Nouns that name one person of a known gender ("a Sudanese man", "his wife"); a noun ending in "-man" or
# "-woman" ("congressman", "chairwoman") too.
GENDERED_NOUNS = {
    **dict.fromkeys(
        "man boy father son husband brother uncle nephew grandfather grandson king prince widower "
        "gentleman monk priest sir lord".split(),
        "m",
    ),
    **dict.fromkeys(
        "woman girl mother daughter wife sister aunt niece grandmother granddaughter queen princess widow "
        "lady actress nun dame".split(),
        "f",
    ),
}
# Nouns that say no more of a person than their sex or age ("the Libyan woman", "a young man"): no title, a
# description headed by one names nobody across the story (the corpus's other anonymous Libyan women).
PLAIN_PERSON_NOUNS = frozenset(
    "man woman boy girl lady gentleman guy person individual child kid baby teenager teen youth adult".split()
)
# Nouns for one person of either gender whatever their tag, besides ``PERSON_HEADS`` and the agent suffixes.
ONE_PERSON_NOUNS = frozenset(
    """person individual resident witness reporter ireporter correspondent journalist blogger writer
    doctor nurse student teacher worker driver survivor victim refugee lawyer friend neighbor neighbour
    colleague engineer owner manager director president minister leader chief commander soldier pilot
    parent child""".split()
)
# Nouns for a relative: a first name given as one ("her husband, Aaron", "his son Tom") is of someone who
# often shares the surname of the person named before it.
KIN_NOUNS = frozenset(
    """husband wife son daughter brother sister father mother widow widower stepson stepdaughter stepfather
    stepmother grandson granddaughter grandfather grandmother""".split()
)
# Words before a name that are titles though no ``PERSON_NOUNS`` and of no person's ending ("Deputy District
# Attorney Sam Hale", "Chief Justice", "Prof.", "Capt.").
TITLE_NOUNS = frozenset(
    """attorney justice deputy reverend candidate delegate magistrate dean warden duke earl baron constable
    lama shah mufti ayatollah mullah counsel pm prof rev fr capt cmdr maj det cpl""".split()
)
# Suffixes of nouns for people ("activist", "physician", "volunteer", "congressman"); "-er", "-or",
# "-ant" and "-ent" name things as often ("sector", "statement", "paper"), so such nouns are listed.
AGENT_SUFFIXES = ("ist", "ian", "eer", "man", "woman", "person")


def speaker_name(attribution: Attribution) -> str | None:
    """The speaker's roster entry or named entity, else the described source ("senior U.S. officials",
    "the opposition"); None when the speaker is unresolved (a pronoun or relative word without
    antecedent, or words that name no actor: "his refusal", "any text", "both")."""
    if attribution.speaker_entity:
        return attribution.speaker_entity
    if attribution.speaker_description:
        return attribution.speaker_description
    return None


# Verbs a headline puts after its subject, in the third person and title case ("Obama Outlines His Plans ...",
# "Kerry Vows", "Merkel Backs"): no person's name ends in one (who.entities' mentions and the names
# who.attribution resolves a speaker to read them from here). Verbs that are also surnames ("Burns", "Marks",
# "Banks", "Wells", "Waters", "Summers") are left out: "Ken Burns" stays whole.
HEADLINE_VERBS = frozenset(
    """says tells warns urges vows backs calls outlines unveils announces proposes pledges promises signs seeks
    wins faces defends rejects denies admits blames slams praises criticizes criticises asks meets visits
    nominates taps orders offers expects insists predicts refuses threatens accepts approves vetoes touts
    pushes hails lauds cites considers agrees declares launches confirms reveals resigns quits apologizes
    apologises signals reassures defies demands doubts fears hopes plans sets eyes""".split()
)


def headline_verb(word: Token) -> bool:
    """A headline's verb at a name's end ("Obama Outlines", "Geithner Says"), capitalized as a title's words are."""
    return word.text[:1].isupper() and word.text[1:].islower() and word.lower_ in HEADLINE_VERBS


# Nouns of places and their facilities: a name they govern is a place ("the small towns of Jawsh, Ghezaya and
# Takut", "the Brega refinery", "the Llanfair/Welshpool area"): who.entities (what a name is) and
# who.attribution (a name in a place is no speaker) read them from here. Not "field": in news it is mostly a
# playing field or a field of study ("the field of Quantum Electrodynamics" is no place); "oilfield" is here.
PLACE_NOUNS = frozenset(
    """town city village hamlet suburb neighborhood neighbourhood settlement enclave township borough capital
    region province district county parish municipality governorate area island oasis valley port harbour
    harbor refinery terminal airport oilfield square street road base border crossing""".split()
)


# The closed-class words no actor's name starts with, in one place: the roster's filter (``name_problem``)
# and the brief's independent check (``storyline.evaluate.brief.bad_name``) both take their words from here.
PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    himself herself itself themselves ourselves yourself someone somebody anyone anybody everyone everybody
    nobody none""".split()
)
RELATIVE_WORDS = frozenset("who whom whose which that what whoever whatever where when".split())
# The coordinating conjunctions: a statement, a title or a sentence's piece does not start with one ("And it's not
# going to", "But Judge Michael Pastor ruled").
CONJUNCTIONS = frozenset("and but or nor so yet".split())
# Determiners that stand for an unnamed set or point back ("both", "this", "any text"); the articles are
# not here: "a senior U.S. official", "the ministry" are described sources. "Another source" is one too.
DETERMINERS = frozenset("this these those both all any some each either neither".split())
QUANTIFIERS = frozenset("other others many most several few".split())
# Words a roster name never starts with: pronouns, relative words, determiners and quantifiers.
CLOSED_CLASS = PRONOUNS | RELATIVE_WORDS | DETERMINERS | QUANTIFIERS
DANGLING = frozenset(
    {"of", "the", "and", "to", "a", "an", "in", "for", "on", "at", "with", "by", "or", "from", "as", ","}
)
# Prepositions and conjunctions no name starts with ("In Living Memory" is a programme, "Of The" a cut).
LEADING_FUNCTION_WORDS = frozenset("of to in on at for with by from and or but as than into about".split())


# A quotation mark standing alone as a word of a name, or opening it: the name is a quoted title.
QUOTE_MARKS = frozenset({"'", '"', "`", "``", "''", "\u2018", "\u2019", "\u201c", "\u201d"})
OPENING_QUOTES = frozenset({'"', "`", "\u2018", "\u201c"})
# A token that is a quotation mark, as the parser splits them ("``" and "''" for the treebank's marks).
QUOTE_TOKENS = frozenset({'"', "``", "''", "\u201c", "\u201d", "\u00ab", "\u00bb"})


def name_problem(name: str) -> str | None:
    """Why a roster name is not an actor's name, else None: ``closed-class`` (a pronoun, relative word or
    determiner first: "he", "which", "both", "his refusal", "many experts"), ``short`` (under three
    letters and no acronym: "al"), ``fragment`` (starts or ends in a function word: "Capel Bangor and",
    "In Living Memory"), ``ptb-bracket`` ("-LRB- CNN"), ``quoted-title`` (in quotation marks: "' I Live the
    Selection '", a work's or slogan's title, no actor)."""
    words = name.split()
    if not words:
        return "empty"
    if re.search(r"-[LR][RCS]B-", name):
        return "ptb-bracket"
    if words[0] in QUOTE_MARKS or words[0][:1] in OPENING_QUOTES or words[-1] in QUOTE_MARKS:
        return "quoted-title"  # "' I Live the Selection '", "“Thriller”": a work's or slogan's title
    first = words[0].strip("\"'`.,;:")
    if first.lower() in CLOSED_CLASS and not (first.isupper() and len(first) > 1):
        return "closed-class"  # "US health officials" is not "us"; "I. Am" is "I"
    if len(re.sub(r"[^A-Za-z]", "", name)) < 3 and not name.replace(".", "").isupper():
        return "short"
    if words[-1].lower() in DANGLING or first.lower() in LEADING_FUNCTION_WORDS:
        return "fragment"
    return None


def tidy_name(name: str) -> str:
    """A name without the function words, dashes and commas a recognizer's cut left at its end
    ("Jacob Edwin Adams - the" -> "Jacob Edwin Adams", "Capel Bangor and" -> "Capel Bangor")."""
    words = name.split()
    while words and (words[-1].lower() in DANGLING or not any(ch.isalnum() for ch in words[-1])):
        words.pop()
    return " ".join(words).rstrip(" ,;:-")


def statements(attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions that are statements (``Attribution.statement``: something said, written or held),
    the ones listed under who said what; the others stay in the comparison's input, not shown."""
    return [a for a in attributions if a.statement]


@functools.cache
def nicknamer() -> NickNamer:
    """The English given names and their nicknames of the ``nicknames`` package (a hand-curated table)."""
    from nicknames import NickNamer

    return NickNamer()


def formal_first_names(names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """For each (first name, surname) of a collection's full names (lower case) whose first name is a nickname of the
    one longer first name the collection gives that surname ("ken" beside "kenneth" Feinberg, "ed" beside "edward"
    Markey), that first name: one person however the news shortens the name. Where the surname comes with two
    first names the nickname could stand for ("bill" beside William and Robert Smith), it stands for neither."""
    firsts_of: dict[str, set[str]] = defaultdict(set)
    for first, last in names:
        firsts_of[last].add(first)
    formal: dict[tuple[str, str], str] = {}
    table = nicknamer()
    for last, firsts in firsts_of.items():
        for first in firsts:
            longer = {
                other
                for other in firsts
                if len(other) > len(first)
                and other in table.canonicals_of(first)
                and first in table.nicknames_of(other)
            }
            if len(longer) == 1:
                formal[(first, last)] = longer.pop()
    return formal
