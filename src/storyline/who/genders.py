"""A person's gender as the story shows it, so that "she" never stands for a man the story calls "he".

One article may show a person's gender wrongly or not at all: in a CNN interview ("She and Gadhafi met
privately ... She agreed and Gadhafi sent a car to pick her up") the sentences naming Gadhafi alone carry
"she", while the story's other articles call him "he" hundreds of times. So each article's evidence (its
``article_votes``: an honorific before a name, pronouns of one gender in a sentence naming that person
alone) is kept per full name, and the story's gender of a person (``StoryGenders``) is what the votes of
all the articles the brief reads say together. A first name every bearer of which the story shows to be a
man (two or more, none shown a woman) tells a man the story never shows ("John Howard" when it shows
"John Boehner" and "John Kerry" to be men), and the same for women.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .names import GENDERED_NOUNS, QUOTE_TOKENS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
PERSONAL = MASCULINE | FEMININE
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}

# An article's votes per full name: (for a man, for a woman); every full name the article uses is a key.
Votes = dict[str, tuple[int, int]]


def name_votes(doc: Doc, people: Sequence[tuple[Span, str]]) -> dict[str, Counter[str]]:
    """The votes of one document for each person's gender, by surname and by full name, from ``people``
    (each mention with its clean name): an honorific before the name ("Mr. Clarke", "Ms. Martin") or a noun
    of one gender set beside it as what the person is ("Stephanie Hebert, a spokeswoman at ...":
    ``own_description``) counts three, a pronoun going on as the subject of a verb conjoined with the
    name's ("Livingston declined an interview, but he told ...": ``continued_by``) two, a sentence naming this one person only and using third-person
    pronouns of one gender (and no quotation, no one else described of that gender: "a woman", not "his
    father"; not the other gender than the person's own description: "Hebert, a spokeswoman, confirms he
    was a contractor" is someone else) counts one."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    by_sentence: dict[int, set[str]] = defaultdict(set)
    full_in_sentence: dict[int, set[str]] = defaultdict(set)
    roots: dict[int, list[Token]] = defaultdict(list)
    # per sentence, the genders its people's own descriptions show and those descriptions' nouns
    own_kinds: dict[int, set[str]] = defaultdict(set)
    own_nouns: dict[int, set[int]] = defaultdict(set)
    starts = sorted(person.start for person, _ in people)
    # the full names of each surname: a vote for one of two people of a surname ("Mitch Landrieu's sister, Sen.
    # Mary Landrieu") is no vote for the surname alone
    full_names: dict[str, set[str]] = defaultdict(set)
    for _, name in people:
        if len(name.split()) >= 2:
            full_names[name.split()[-1]].add(name)
    for person, name in people:
        words = name.split()
        if not words:
            continue
        before = doc[person.start - 1].lower_ if person.start > 0 else ""
        if before in HONORIFICS:
            votes[words[-1]][HONORIFICS[before]] += 3
        # the full name as written, and the surname where the document names one person of it
        keys = {" ".join(words)} if len(words) >= 2 else set()
        if len(full_names[words[-1]]) <= 1:
            keys.add(words[-1])
        description = own_description(person)
        if description is not None:
            noun, kind = description
            for key in keys:
                votes[key][kind] += 3
            own_kinds[person.sent.start].add(kind)
            own_nouns[person.sent.start].add(noun.i)
        continued = continued_by(person, starts)
        if continued is not None:
            for key in keys:
                votes[key][continued] += 2
        by_sentence[person.sent.start].add(words[-1])
        roots[person.sent.start].append(person.root)
        if len(words) >= 2:
            full_in_sentence[person.sent.start].add(" ".join(words))
    for sentence in doc.sents:
        named = by_sentence.get(sentence.start, set())
        if len(named) != 1 or any(t.text in QUOTE_TOKENS for t in sentence):
            continue  # a quotation brings another voice: '"No chance Hillary Clinton will quit," he said'
        pronouns = [t for t in sentence if t.lower_ in MASCULINE or t.lower_ in FEMININE]
        if any(beside(pronoun, root) for pronoun in pronouns for root in roots[sentence.start]):
            continue  # "She and Gadhafi met privately": the pronoun is someone else
        kinds = {"m" for t in pronouns if t.lower_ in MASCULINE} | {
            "f" for t in pronouns if t.lower_ in FEMININE
        }
        described = {
            gendered
            for t in sentence
            if (gendered := noun_gender(t.lemma_.lower())) is not None
            and t.i not in own_nouns[sentence.start]
            and not any(c.lower_ in PERSONAL for c in t.children)
        }
        own = own_kinds[sentence.start]
        # not "A Libyan woman ... she ..., Moussa Ibrahim said", nor "Hebert, a spokeswoman, ... his dismissal"
        if len(kinds) == 1 and not kinds & described and own <= kinds:
            kind = next(iter(kinds))
            votes[next(iter(named))][kind] += 1
            full = full_in_sentence.get(sentence.start, set())
            if len(full) == 1:  # the full name too: "Heidi Cruz" and "Ted Cruz" share a surname
                votes[next(iter(full))][kind] += 1
    return votes


def noun_gender(lemma: str) -> str | None:
    """ "m" or "f" for a noun said of one gender only: a man's or a woman's word ("son", "wife", "actress")
    or a title ending in "-woman" ("spokeswoman", "congresswoman"); else None. A title ending in "-man" is
    said of women too ("Sheila Bair, chairman of the FDIC"): no evidence."""
    if lemma in GENDERED_NOUNS:
        return GENDERED_NOUNS[lemma]
    if len(lemma) > 5 and lemma.endswith("woman"):
        return "f"
    return None


def own_description(person: Span) -> tuple[Token, str] | None:
    """The noun of one gender set beside a name as what the person is, and that gender: in apposition
    ("Stephanie Hebert, a spokeswoman at the Unified Command Center", "his wife, Hillary Clinton") or before
    the name ("actress Farrah Fawcett"); None where there is none, or nouns of both genders."""
    root = person.root
    nouns = [
        c for c in root.children if c.dep_ == "appos" or c.dep_ in ("compound", "amod") and c.i < person.start
    ]
    if root.dep_ == "appos":
        nouns.append(root.head)
    found = [(t, kind) for t in nouns if (kind := noun_gender(t.lemma_.lower())) is not None]
    return found[0] if len({kind for _, kind in found}) == 1 else None


def continued_by(person: Span, starts: Sequence[int]) -> str | None:
    """The gender of the pronoun that goes on as the subject of a verb conjoined with the named subject's, with
    no one else named and no quotation between: "Livingston declined an interview with CNN, but he told CNN
    affiliate WVUE that ..." shows Livingston a man, whoever else the sentence names ("Gadhafi gave a hero's
    welcome to ... Megrahi upon his release"). ``starts``: where the document's people are named, in order."""
    root = person.root
    if root.dep_ not in SUBJECTS or root.head is root:
        return None
    doc = person.doc
    for verb in root.head.children:
        if verb.dep_ != "conj":
            continue
        for pronoun in verb.children:
            if pronoun.dep_ not in SUBJECTS or pronoun.lower_ not in PERSONAL or pronoun.i < person.end:
                continue
            between = doc[person.end : pronoun.i]
            if any(t.text in QUOTE_TOKENS for t in between):
                return None
            if bisect.bisect_left(starts, person.end) < bisect.bisect_left(starts, pronoun.i):
                return None  # "Clinton met Sarkozy, and he said ...": either could be meant
            return "m" if pronoun.lower_ in MASCULINE else "f"
    return None


def beside(pronoun: Token, name: Token) -> bool:
    """Whether a pronoun stands beside a name as another person: conjoined with it ("She and Gadhafi met"),
    the subject before it of a verb conjoined with the name's ("She agreed and Gadhafi sent a car to pick her
    up"), or a subject before a name that is none ("She was thankful for Saadi Gadhafi's efforts": whom she
    tells of)."""
    if pronoun.dep_ == "conj" and pronoun.head == name or name.dep_ == "conj" and name.head == pronoun:
        return True
    if pronoun.dep_ not in SUBJECTS:
        return False
    if name.dep_ not in SUBJECTS:
        return pronoun.i < name.i
    said, did = pronoun.head, name.head
    # not "Livingston declined an interview, but he told WVUE ...": that is Livingston
    return pronoun.i < name.i and (
        said.dep_ == "conj" and said.head == did or did.dep_ == "conj" and did.head == said
    )


def decided(votes: Mapping[str, Counter[str]]) -> dict[str, str]:
    """The gender each name's votes show: one with two votes or more and twice the other's."""
    genders = {}
    for name, count in votes.items():
        m, f = count["m"], count["f"]
        if m >= 2 * f and m >= 2:
            genders[name] = "m"
        elif f >= 2 * m and f >= 2:
            genders[name] = "f"
    return genders


def article_votes(votes: Mapping[str, Counter[str]], full_names: Iterable[str]) -> Votes:
    """One article's votes for each full name it uses: the surname's votes where the article names one
    person of that surname ("Ms. White" is LuAnn White), else the votes of sentences naming the full name."""
    full_names = set(full_names)
    per_surname = Counter(name.split()[-1] for name in full_names)
    found: Votes = {}
    for name in sorted(full_names):
        surname = name.split()[-1]
        count = votes.get(surname if per_surname[surname] == 1 else name, Counter())
        found[name] = (count["m"], count["f"])
    return found


def name_shaped(word: str) -> bool:
    """A word that can be a given name: letters, capitalised, not an initial ("J.")."""
    return len(word) >= 2 and word.isalpha() and word[0].isupper()


@dataclass(frozen=True)
class StoryGenders:
    """The genders the story shows: of full names (``names``) and of first names (``first_names``)."""

    names: dict[str, str] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: Sequence[Votes]) -> StoryGenders:
        """The story's genders from each article's votes (``article_votes``)."""
        total: dict[str, Counter[str]] = defaultdict(Counter)
        for votes in articles:
            for name, (m, f) in votes.items():
                total[name].update({"m": m, "f": f})
        names = decided(total)
        # a first name's votes are its bearers' together; it tells a gender shown of two bearers or more
        # and of no bearer the other way
        by_first: dict[str, Counter[str]] = defaultdict(Counter)
        bearers: dict[str, Counter[str]] = defaultdict(Counter)
        shown: dict[str, set[str]] = defaultdict(set)
        for name, count in total.items():
            first = name.split()[0]
            if name_shaped(first):
                by_first[first].update(count)
                bearers[first].update(gender for gender in ("m", "f") if count[gender] > 0)
                if name in names:
                    shown[first].add(names[name])
        first_names = {
            first: gender
            for first, gender in decided(by_first).items()
            if bearers[first][gender] >= 2 and shown[first] <= {gender}
        }
        return cls(names, first_names)

    def of_name(self, full_name: str) -> str | None:
        """The gender of a person by full name: as the story shows it, else as its first name tells."""
        return self.names.get(full_name) or self.first_names.get(full_name.split()[0])

    def about(self, full_names: Iterable[str]) -> StoryGenders:
        """The part of the story's genders that an article naming ``full_names`` reads."""
        wanted = set(full_names)
        firsts = {name.split()[0] for name in wanted}
        return StoryGenders(
            {n: g for n, g in self.names.items() if n in wanted},
            {n: g for n, g in self.first_names.items() if n in firsts},
        )

    def key(self) -> str:
        """The genders as one string: what an article's attributions depend on beyond the article."""
        return json.dumps([sorted(self.names.items()), sorted(self.first_names.items())])


NO_STORY = StoryGenders()
