"""``story``: the summary of a whole story — hundreds of articles over weeks or months — by centrality.

The ``learned`` scorer was trained on Multi-News clusters (2-10 articles on one event), where the lead of
each article is most of the answer. Over a story of hundreds of articles its position prior picks the
openings of side articles (a blog's anecdote, a reader call-out). What the story's own record says most
often is what a story-level summary should say: the events that many articles report again and again
(cases confirmed, the pandemic declared, the doctor charged). So the score is the sentence's centrality
in the similarity graph of all candidates (continuous LexRank over TF-IDF cosines, the ``centrality``
feature), per word of length (log): a short sentence that carries the central facts beats a long one
that carries them among other things, which also leaves room in the budget for more of the story's
events. Redundancy control (MMR) is the learned method's.

A story summary also refuses what reads badly on its own among hundreds of choices (``reads_alone``):
questions ("Whose plans unravelled and fell apart?"); openers that point back to what the summary does not
say ("And that was before swine flu.", "This report has not been confirmed.", "Meanwhile, Coast Guard Commandant
Thad Allen retired Tuesday.", "In that interview, the president ...": ``text.patterns.POINTING_BACK``);
a sentence that is all quotation, whose speaker the summary cannot name ('"Influenza A (H1N1) virus,
human".', '"The virus is now unstoppable."'); the writer's own voice outside quotes ("I", "we", "our": a
column's opinion, a live blog's "My colleague ... is working on ..."); and the outlet promoting its own
pages ("A new Guardian video shows ...", "Watch ..."); a gallery caption or live-blog entry stamped with
its date or time ("April 28: A boat makes its way ...", "2:30 pm ET - ...", "NEW: ..."); a speaker without words
("Coast Guard Adm. Thad Allen said.", "Thad Allen and BP officials conceded.") and a sentence cut inside its last
word; a photo caption told in the present and stamped with its day ("Police officers protest in Cairo, Egypt, on
Sunday.") or someone "seen" doing; a broadcast's talk to the viewer ("Let's go to Cairo right now.", "First up,
...") and a video's blurb ("The BBC talks to people in Mexico City ..."); a label before a colon ("Subject: the
BP oil spill.") and a verbless "Not the chief executive of BP."; a host's greeting or break ("Welcome back ...",
"... after the break.") and an exclamation outside quotes ("CNN Student News starts right now!"); and, asked of the
sentences about to be said only, a sentence without a finite verb (``verbs``: a column's list, "Banks refusing to
lend to other banks.", or a broadcast's opener, "United in prayer and in protest.") or with two clauses run
together; and an article's first sentence with a headline glued before it ("Obama Blueprint Deepens Federal Role
in Markets President Obama is expected ...", "First death of swine flu patient in UK For the first time ...":
``candidates.headline_glued``); and a line that tells
nothing on its own (``tells_nothing``): only that someone declined or could not comment ("A BP spokesman declined
to comment."), a promise it does not keep ("The protesters say they have two demands."), a speaker who is only
"he" in the cue ("..., he affirmed."), or three words quoted and their cue ('"Bear with us," Wells said.'); and
someone the sentence never introduces (``stranger``: "he" or "they" without antecedent, "the girl" unnamed, "None
had ...", an unnamed body as the speaker: "..., the agency said."); and a short sentence (under ``GENERIC_WORDS``) that tells no concrete event (``concrete``: no number,
amount or date, nor a named actor with a verb in the past or the future): "Tear gas surrounds protesters in
Egypt.", "The well is leaking oil.". Such sentences are central for the story's commonest words and say nothing:
on a whole story they took the place of events (issue 13's story ROUGE).
(In a cluster of a few articles these refusals cost ROUGE; with hundreds of articles there is always another
sentence on the same point.)

``summarize`` uses it by default when at least ``STORY_ARTICLES`` distinct articles (copies counted once)
are summarized together; ``method="story"`` asks for it on any set.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from ..model import Article, EntityMention
from ..registry import summarizers
from ..text.dates import MONTH_STEM
from ..text.patterns import (
    COMMON_SAYING_FORMS,
    DAY_STAMP_END,
    POINTING_BACK,
    SAYING_FORMS,
    TOLD_OR_TO_COME,
    told_in_the_present,
)
from ..text.similarity import STOPWORDS
from ..text.words import BODY_NOUNS
from ..who.names import (
    AGENT_SUFFIXES,
    ANONYMOUS_HEADS,
    GENDERED_NOUNS,
    KIN_NOUNS,
    ONE_PERSON_NOUNS,
    PERSON_HEADS,
    PLAIN_PERSON_NOUNS,
    TITLE_NOUNS,
)
from .candidates import Candidate, Pool, headline_glued
from .features import PoolVectors, centrality
from .scorer import shipped_scorer
from .select import select
from .verbs import finite_candidates

# From this many distinct articles on, a set of articles is a story rather than a cluster on one event.
STORY_ARTICLES = 20

QUESTION = re.compile(r"\?[\"'”’)\]]*$")


def is_story(articles: Sequence[Article]) -> bool:
    """Enough distinct articles (copies counted once) to be summarized as a story."""
    return sum(1 for a in articles if a.duplicate_of is None) >= STORY_ARTICLES


# A sentence that is one quotation and nothing else: '"Influenza A (H1N1) virus, human".'
ALL_QUOTED = re.compile(r"^(?:\"[^\"“”]*\"|“[^\"“”]*”)[.!?]?$")
# The writer's own voice outside quotes ("World War I", "Phase I" are numerals).
FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|ourselves)\b|^(?:We|My|Our|Ours)\b")
ROMAN_ONE = re.compile(
    r"\b(?:War|Phase|Type|Class|Title|Article|Stage|Category|Level|Part|Chapter|Grade|Tier)\s+I\b"
)
# The outlet's own pages promoted ("A new Guardian video shows ...") and calls to the reader ("Watch ...").
PROMOTION = re.compile(
    r"\b(?:[Aa]n?\s+new|[Oo]ur)\s+(?:[A-Z][\w.]*\s+)?(?:video|audio|slideshow|gallery|podcast|interactive|graphic|map|"
    r"guide|documentary|series|blog)\b"
    r"|^(?:Watch|Listen|See|Read|Explore|Join|Share|Send|Email|Tell|Check\s+out)\b"
)
# A gallery caption or live-blog entry stamped with its date or time, its photo agency's credit first or not:
# "April 28: A boat makes its way through oil ...", "AP July 12: The new containment cap is lowered ...",
# "June 15, 2010: President Obama speaks ...", "2:30 pm ET - Protesting Egypt in the U.S. - ...".
STAMPED = re.compile(
    rf"^(?:(?:AP|AFP|Reuters|Getty\s+Images|EPA)\s+)?(?:{MONTH_STEM}[a-z]*\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    r"|\d{1,2}[:.]\d\d\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?|NEW|UPDATE|UPDATED|BREAKING|LIVE|WATCH|VIDEO|PHOTOS?)"
    r"\s*(?::|[-–—]+\s)"
)
# What someone said, without what was said ("Coast Guard Adm. Thad Allen said."), and a sentence cut off
# inside its last word ("... whether the company can s.").
NOTHING_SAID = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+(?:and\s+|of\s+)?){1,8}(?:said|says|added|conceded|agreed|admitted|noted|explained)\.$"
)
CUT_WORD = re.compile(r"\s[b-hj-z]\.$")
QUOTATIONS = re.compile(r"\"[^\"]*\"|“[^”]*”")
# Whoever said it, nothing said: a short sentence ending on its speech verb, no comma, no quote ("Thad
# Allen and BP officials conceded.", "The company told reporters.").
NOTHING_SAID_SHORT = re.compile(
    r"^[^,;:\"“”]{1,80}\s(?<!\sbeen\s)(?<!\sbe\s)(?<!\swas\s)(?<!\swere\s)(?<!\sis\s)(?<!\sare\s)"
    r"(?:said|says|added|conceded|agreed|admitted|noted|explained|told\s+reporters)\.$"
)
# A label, not a sentence: one word and a colon first ("Subject: the BP oil spill.", "Protesters: 'We want
# Mubarak out'") or a verbless "Not the ..." ("Not the chief executive of BP.").
LABEL = re.compile(r"^[A-Z][a-z]+:\s|^Not\s+(?:the|a|an|his|her|their|its)\s[^,;]{0,60}\.$")
# A broadcast transcript's talk to the viewer ("Let's go to Cairo right now.", "First up, the latest from
# Egypt.", "Anderson is reporting live from Cairo, Egypt tonight.").
BROADCAST = re.compile(
    r"^(?:(?:Let['’]s|Let\s+us|First\s+up|Next\s+up|Coming\s+up|Up\s+next|Still\s+ahead)\b|(?:Look|Right\s+now),)"
    r"|\breporting\s+live\b|\blive\s+from\b|\bthe\s+latest\s+from\b"
    # a video's blurb: the outlet or its reporter, in the present, "talks to" people ("The BBC talks to people
    # in Mexico City about the flu outbreak.")
    r"|^(?:The\s+)?(?:BBC|CNN|Reuters|Guardian|Fox\s+News|Post)(?:['’]s\s+[\w ]{1,40}?)?\s+"
    r"(?:(?:talks|speaks)\s+to|reports\s+(?:from|on)|looks\s+at|asks|examines|explains|meets|visits|hears\s+from)\b"
    # a host's greeting, thanks and breaks ("Welcome back.", "Good evening, everyone.", "Thanks for joining ...",
    # "... after the break.")
    r"|^(?:Welcome\s+(?:back|to)|Good\s+(?:morning|afternoon|evening|night)|Hello\b|Thanks?\s+(?:you\s+)?(?:for|so\s+much)"
    r"|Don['’]t\s+go\s+away|Stay\s+(?:tuned|with))|\b(?:after|before)\s+(?:the|this)\s+break\b"
)
# An exclamation outside quotes is the host's or the writer's voice, not a report ("CNN Student News starts
# right now!", "What a week it has been!").
EXCLAIMED = re.compile(r"!\s*$")
# A photo caption: told in the present and stamped with its day at the end (``text.patterns.told_in_the_present``
# with ``DAY_STAMP_END``), or "is seen" doing something ("Underwater robots are seen working at the site ..."; not "is
# seen as").
SEEN_DOING = re.compile(r"\b(?:is|are)\s+seen\s+(?!as\b)")

# Someone declining or unable to comment is not news ("A BP spokesman declined to comment.", "CNN was unable to get
# a response from the Egyptian government on the report."): such a sentence is refused unless it goes on to say
# something ("..., but said the company would ...").
NO_COMMENT = re.compile(
    r"\b(?:declined|refused|(?:was|were)\s+not\s+available)\s+(?:to\s+|for\s+)?(?:comment|elaborate)"
    r"|\b(?:could|would|did)\s+not\s+(?:immediately\s+)?(?:be\s+reached(?:\s+for\s+comment|[\"”]?\.$)|comment\b"
    r"|(?:respond|reply)\s+to\s+(?:\w+\s+){0,2}(?:requests?|calls?|questions|messages?|e-?mails?|inquiries)"
    r"|return\s+(?:\w+\s+){0,2}(?:calls?|messages?|e-?mails?|requests?))"
    r"|\b(?:was|were)\s+(?:unable|not\s+able)\s+to\s+(?:reach|contact|get\s+(?:a\s+)?(?:response|comment|reply))"
    r"|\bno\s+(?:one|comment)\s+(?:was|could\s+be)\s+(?:immediately\s+)?(?:available|reached)"
)
GOES_ON = re.compile(r"\b(?:but|although|though|while|saying|adding)\b|;")
# A sentence that promises what it does not give: "The protesters say they have two demands." (which?), "Here is a
# collection of ...", "... are the following:".
PROMISE = re.compile(
    r"^Here(?:['’]s|\s+(?:is|are))\b|\bthe\s+following\s*[:.]$|:$"
    r"|\b(?:has|have|had|gave|give|set|made|make|issued|listed|outlined|laid\s+out)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|a\s+number\s+of|some|\d+)\s+(?:[a-z]+\s+)?"
    r"(?:demands|questions|reasons|goals|conditions|options|things|points|requests|proposals|priorities|steps|"
    r"lessons|aims|requirements|concerns|messages|scenarios|possibilities|ideas|issues)[\"”]?\.$"
)
# The sentence's only speaker is a pronoun in the cue after what was said ("The U.S. will continue to stand up for
# the rights of the Egyptian people, he affirmed.", '"It is over," she said.', "The talks, he said, had failed."):
# who "he" is, the summary does not say. (A pronoun opening the sentence is ``DANGLING_OPENER``'s.)
# The cue's verb: one of saying (``text.patterns.SAYING_FORMS``), or one that goes on with a quotation or tells a
# belief ("continued", "went on", "believes", "thought").
PRONOUN_CUE = re.compile(
    r"(?:,[\"”’]?|[\"”])\s+(?:he|she|they)\s+(?:[a-z]+ly\s+)?"
    rf"(?:{SAYING_FORMS}|continued|went\s+on|believes|believed|thinks|thought)\b"
)

# A quotation of three words or fewer and its cue, nothing else: what was said is a mood, not news ('"Bear with us,"
# Wells said.', '"This is relentless," Kinner said.', '"It's pretty dramatic," he said.').
BARE_QUOTE = re.compile(
    r"^[\"“](?:\S+\s+){0,2}\S+?[,.!?]?[\"”],?\s+[^,;\"“”]{1,60}\s(?:said|says|told\s+\S+|added|asked)\.$"
)


def tells_nothing(text: str) -> bool:
    """Nobody commenting, a promise of what is not given, a pronoun as the only speaker, or a few words quoted and
    nothing else (see above)."""
    return bool(
        (NO_COMMENT.search(text) and not GOES_ON.search(text))
        or PROMISE.search(text)
        or PRONOUN_CUE.search(text)
        or BARE_QUOTE.search(text)
    )


# A person the sentence never introduces (issue 13 item 6): a summary sentence is read alone, so "he", "she", "him",
# "her", "they" or "them" outside quotes needs its antecedent in the same sentence ("The Mexican government believes
# he is the first person to have been infected ...": who?), and "the girl", "the man", "the couple" need a name
# ("The girl tested positive for virus A H1N1."). The antecedent of "he" or "she" is a name (a capitalised word that
# is no stop word, nor part of a place's, a group's or a body's name when the sentence's entities are at hand:
# "Mexican" is no one) or a noun for a person ("A BP spokesman said he ...", "the singer", "an activist"); that of
# "they" or "them" also any plural, a group or a body named by its acronym ("Rebels say they ...", "BP said they ..."). (A pronoun
# opening the sentence is ``DANGLING_OPENER``'s; "it" is as often the weather or the time as a thing.)
SINGULAR_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.IGNORECASE)
PLURAL_PRONOUN = re.compile(r"\b(?:they|them)\b", re.IGNORECASE)
PERSON_NOUNS = (
    frozenset(GENDERED_NOUNS)
    | ONE_PERSON_NOUNS
    | PERSON_HEADS
    | ANONYMOUS_HEADS
    | PLAIN_PERSON_NOUNS
    | KIN_NOUNS
    | TITLE_NOUNS
    | frozenset(
        """singer star judge jury host captain coach suspect defendant prosecutor governor mayor senator
        lawmaker chairman executive boss rebel protester protestor demonstrator hunter fisherman fan
        player user caller passenger traveller traveler pupil head briton ceo secretary""".split()
    )
)
# Nouns for a group of people, and words ending in "s" that are no plural noun.
GROUP_NOUNS = frozenset(
    """police government army military family couple crowd public team company firm staff committee council
    authorities regime opposition everyone everybody anyone anybody""".split()
)
NOT_PLURAL = frozenset(
    "is was has does his its this us as thus yes plus less unless across always perhaps news".split()
)
NOT_PERSON_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "LAW"})
SURNAME_LABELS = frozenset({"ORG", "LOC", "FAC"})
SURNAME = re.compile(r"(?:Mc|Mac)?[A-Z][a-z]+")
WORD = re.compile(r"[A-Za-z][\w'’]*")
# A name is in title case ("Cameron", "McNutt"); an acronym ("BP", "WHO", "H1N1") names a body or a thing.
TITLE_CASE = re.compile(r"[A-Z][a-z]")
ACRONYM = re.compile(r"[A-Z]{2,}")
POSSESSIVE = re.compile(r"['’]s?$")
# A quantifier that stands for people or things the sentence never names ("None had been overseas recently.", "Both
# are based in Benghazi.", "Most of them were unsuccessful ..."; not "Most of those who died ...").
QUANTIFIER_ALONE = re.compile(
    r"^(?:None|Neither|Both|Each|Others|Most|Many|Some|Several|Few)"
    r"(?:\s+of\s+(?:them|these|those)(?!\s+(?:who|whom|which|that)\b))?"
    r"\s+(?:had|have|has|was|were|is|are|will|would|could|can|may|might|did|do|does|[a-z]+ed)\b"
)
# A definite person the sentence does not name: "the girl", "the young man", "the couple" (not "the first person to
# ...", "the man who ...": an ordinal, a superlative or a relative clause says which).
UNNAMED_PERSON = re.compile(
    r"\b[Tt]he\s+(?:(?!(?:first|second|third|last|only|same|other|next|former|late)\b)(?![a-z]+est\b)"
    r"(?:[a-z]+|\d+-year-old)\s+)?(?:girl|boy|man|woman|couple|patient|lady|child|baby|teenager|victim)\b"
    r"(?!\s*,?\s*(?:who|whose|whom|that)\b|[-’'])"
)
# A body the sentence never names, as the speaker: "Two other people are being tested
# for the virus, the agency said.", "Eight people have been killed, according to the health ministry.", "The
# committee said that ...": which agency? It is named when the sentence has an organisation's, a place's or a
# people's name (spaCy's, not the description itself: "the health ministry" is tagged ORG) or an acronym ("The
# company said BP ...", "the ministry said in Cairo").
BODY = "|".join(sorted(BODY_NOUNS))
UNNAMED_BODY_SPEAKER = re.compile(
    rf"(?:,\s+|^)[Tt]he\s+(?:[a-z]+\s+)?(?:{BODY})\s+(?:also\s+)?(?:{COMMON_SAYING_FORMS})\b"
    rf"|\b[Aa]ccording\s+to\s+the\s+(?:[a-z]+\s+)?(?:{BODY})\b"
)
BODY_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})


def names_a_body(text: str, entities: Sequence[tuple[str, str]]) -> bool:
    """An organisation, a place or a people named in the sentence (without entities — none found, or not annotated —
    any capitalised word but a stop word after the first: "Two other people ..." names no one)."""
    words = WORD.findall(text)
    if any(ACRONYM.fullmatch(w) for w in words):
        return True
    if not entities:
        return any(TITLE_CASE.match(w) and w.lower() not in STOPWORDS for w in words[1:])
    return any(
        label in BODY_NAME_LABELS and name.removeprefix("the ")[:1].isupper() for name, label in entities
    )


def person_noun(word: str) -> bool:
    lower = POSSESSIVE.sub("", word.lower())
    return lower in PERSON_NOUNS or lower.removesuffix("s") in PERSON_NOUNS or lower.endswith(AGENT_SUFFIXES)


def stranger(text: str, entities: Sequence[tuple[str, str]] = ()) -> bool:
    """Someone the sentence does not introduce: a personal pronoun without antecedent, an unnamed definite
    person, a quantifier alone or an unnamed body as the speaker (see above). ``entities`` are the sentence's (text,
    label); without them (not annotated) any capitalised word but a stop word counts as a name, so that less is
    refused."""
    told = QUOTATIONS.sub(" ", text)
    if UNNAMED_BODY_SPEAKER.search(told) and not names_a_body(text, entities):
        return True
    singular = SINGULAR_PRONOUN.search(told)
    plural = PLURAL_PRONOUN.search(told)
    unnamed = UNNAMED_PERSON.search(told)
    if QUANTIFIER_ALONE.search(told):
        return True
    if not (singular or plural or unnamed):
        return False
    words = WORD.findall(text)
    # (a surname alone is often taken for a body or a place: "Cameron said he ...", "Hayward did testify that he
    # ...": a one-word body's name in title case may be a person's)
    others = {
        part
        for name, label in entities
        if label in NOT_PERSON_LABELS and not (label in SURNAME_LABELS and SURNAME.fullmatch(name))
        for part in WORD.findall(name)
    }
    capitalised = [name for name, label in entities if label == "PERSON"] + [
        w for w in words if TITLE_CASE.match(w) and w.lower() not in STOPWORDS and w not in others
    ]
    named = any(not person_noun(w) for w in capitalised)
    if unnamed:
        return not named
    # a noun for a person stands for the pronoun after it ("he is the first person to ..." introduces no one)
    first = min(m.start() for m in (singular, plural) if m)
    if named or any(person_noun(w) for w in WORD.findall(told[:first])):
        return False
    if singular:
        return True
    return not any(
        (w.endswith("s") and w.lower() not in NOT_PLURAL) or w.lower() in GROUP_NOUNS or ACRONYM.fullmatch(w)
        for w in words
    )


def photo_caption(text: str) -> bool:
    """A photo caption among the sentences: the present tense stamped with a day, or someone "seen" doing."""
    if SEEN_DOING.search(text):
        return True
    return told_in_the_present(QUOTATIONS.sub(" ", text), DAY_STAMP_END)


def first_person(text: str) -> bool:
    """The writer speaks as "I", "we" or "our" outside quotation marks."""
    return bool(FIRST_PERSON.search(ROMAN_ONE.sub(" ", QUOTATIONS.sub(" ", text))))


def reads_alone(text: str, entities: Sequence[tuple[str, str]] = ()) -> bool:
    """Not a question, an opener that points back, a bare quotation, the writer's own voice, a promotion, a stamped
    entry, empty speech, a cut word, a caption, broadcast talk, an exclamation, a label, a line that tells nothing
    or someone never introduced (the module docstring; ``entities``: the sentence's (text, label), see
    ``stranger``)."""
    return not (
        QUESTION.search(text)
        or POINTING_BACK.search(text)
        or ALL_QUOTED.search(text)
        or first_person(text)
        or PROMOTION.search(text)
        or STAMPED.search(text)
        or NOTHING_SAID.search(text)
        or CUT_WORD.search(text)
        or NOTHING_SAID_SHORT.search(text)
        or LABEL.search(text)
        or BROADCAST.search(text)
        or EXCLAIMED.search(QUOTATIONS.sub(" ", text))
        or photo_caption(text)
        or tells_nothing(text)
        or stranger(text, entities)
    )


def opens_on_headline(pool: Pool, candidate: Candidate) -> bool:
    """The candidate is an article's first sentence with a headline glued before it
    (``candidates.headline_glued``): it counts in the story's similarity graph, it is not said."""
    for occurrence in candidate.occurrences:
        sentence = occurrence.sentence
        if sentence.index == 0:
            article = pool.articles[occurrence.article]
            if headline_glued(candidate.text, article.text[sentence.end :]):
                return True
    return False


# Entities that make a sentence concrete on their own (a count, an amount, a day), and the named actors that do
# with a verb that tells an event.
NUMBER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A state in the present is no event ("Mubarak's days are clearly numbered.", "People are concerned about ..."):
# its participle is not read as a past tense.
PRESENT_STATE = re.compile(r"\b(?:is|are|am)\s+(?:not\s+)?(?:[a-z]+ly\s+)?[a-z]+ed\b")
# Shorter sentences than this that tell no concrete event (``concrete``) are not said: "Tear gas surrounds
# protesters in Egypt.", "The well is leaking oil.", "Egyptian President Hosni Mubarak's days are clearly numbered."
# Chosen in leave-one-topic-out folds on the development topics among 0 (off), 8, 10 and 12 (10 in 5 of 6 folds).
GENERIC_WORDS = 10


def sentence_entities(pool: Pool, candidate: Candidate) -> list[EntityMention]:
    """The named entities of the candidate's first occurrence (spaCy's)."""
    occurrence = candidate.first
    start, end = occurrence.sentence.start, occurrence.sentence.end
    return [e for e in pool.articles[occurrence.article].entities if start <= e.start < end]


def concrete(pool: Pool, candidate: Candidate) -> bool:
    """The sentence tells a concrete event: a number, an amount or a date (spaCy's entities, storyline's time
    expressions), or a named actor with a verb told in the past or the future (``TOLD_OR_TO_COME``, outside
    quotes). "Tear gas surrounds protesters in Egypt.", "The well is leaking oil." and "People are concerned about
    the stability of Egypt." do not."""
    occurrence = candidate.first
    start, end = occurrence.sentence.start, occurrence.sentence.end
    if any(start <= t.start < end for t in pool.articles[occurrence.article].timexes):
        return True
    labels = {e.label for e in sentence_entities(pool, candidate)}
    if labels & NUMBER_LABELS:
        return True
    told = PRESENT_STATE.sub(" ", QUOTATIONS.sub(" ", candidate.text))
    return bool(labels & ACTOR_LABELS) and bool(TOLD_OR_TO_COME.search(told))


def story_scores(pool: Pool, vectors: PoolVectors) -> np.ndarray:
    """Centrality per (log) word of length."""
    lengths = np.array([math.log(max(2, c.length)) for c in pool.candidates])
    return centrality(vectors.similarity) / lengths


# Times the selection is run again after leaving out chosen sentences without a finite verb.
VERB_ROUNDS = 8


@summarizers.register("story")
def story(pool: Pool, vectors: PoolVectors, words: int) -> list[int]:
    allowed = [
        i
        for i, c in enumerate(pool.candidates)
        if reads_alone(c.text, [(e.text, e.label) for e in sentence_entities(pool, c)])
        and not opens_on_headline(pool, c)
        and (c.length >= GENERIC_WORDS or concrete(pool, c))
    ]
    all_scores = story_scores(pool, vectors)
    parameters = shipped_scorer().parameters
    chosen: list[int] = []
    for _ in range(VERB_ROUNDS + 1):
        if not allowed:
            return []
        index = np.array(allowed)
        picked = select(
            all_scores[index],
            [pool.candidates[i].length for i in allowed],
            vectors.similarity[np.ix_(index, index)],
            words,
            redundancy=parameters.redundancy,
            max_similarity=parameters.max_similarity,
        )
        chosen = [allowed[k] for k in picked]
        # a sentence without a finite verb states nothing (``verbs``): left out, and the budget filled again
        verbless = {i for i, ok in zip(chosen, finite_candidates(pool, chosen), strict=True) if not ok}
        if not verbless:
            break
        allowed = [i for i in allowed if i not in verbless]
    return [i for i in chosen if finite_candidates(pool, [i])[0]]
