"""Word lists that several stages read, one list each (no parsing here: safe to import from any stage).

- ``FINITE_TAGS``: the Penn Treebank tags of a verb that carries tense or mood: what makes a clause finite for
  the summary (``summarize.verbs``), a stranded subject (``who.attribution``) and a claim (``compare.disputes``);
- ``SAYING_VERBS``: verbs of saying and writing (lemmas): what a statement's cue is (``who.attribution``,
  part of the cue lexicon of ``who.cues``), what a reported claim hangs under (``compare.disputes``), the
  verb whose clause is what was said, not another event (``compare.wording``); ``COMMON_SAYING_VERBS``: the common
  ones of news reports, which date what was said (``annotate.timex.event_time``) and whose written forms tell a
  saying (``text.patterns.COMMON_SAYING_FORMS``);
- ``BODY_NOUNS``: nouns for bodies: an unnamed speaker (``summarize.story``), a name's kind (``who.entities``);
- ``TIME_NOUNS``: nouns of time (lemmas): "This week ..." says when and does not point back
  (``text.patterns``), "the June 2011 period" is a stretch of time, not a thing named
  (``annotate.timex.event_time``), "the day the minister said ..." says when (``who.attribution``);
- ``TITLE_ABBREVIATIONS``: titles written before a name, abbreviated, and the word each stands for;
- ``ABBREVIATIONS``: the abbreviations after whose period a sentence goes on, for the rule sentence splitters
  (``annotate.sentences``, ``corpus.templates``).
"""

from __future__ import annotations

from .dates import MONTH_ABBREVIATIONS

# Penn Treebank tags of a verb that carries tense or mood: past, present (3rd person singular and other), modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# Verbs of saying and writing: with a clause or a quotation, what they govern is what was said.
SAYING_VERBS = frozenset(
    """say tell add state announce declare note stress emphasize emphasise argue claim allege insist
    explain warn caution urge ask reply respond answer write tweet post report confirm deny admit
    acknowledge concede suggest estimate predict forecast maintain assert charge accuse complain recall
    conclude quip joke remark observe exclaim shout promise vow pledge threaten demand propose recommend
    advise reiterate repeat testify disclose reveal indicate signal order instruct appeal plead inform
    assure reassure contend counter retort concur boast brag lament speculate hint imply mention point
    affirm reaffirm clarify specify tout vouch swear guarantee remind proclaim pronounce protest object
    question dispute rebut refute scoff yell scream whisper mutter confess elaborate agree disagree
    acknowledge announce caution comment describe predict recount insinuate email blog text cable
    telephone phone write""".split()
)
# The common verbs of saying of news reports, and "quote": those through which the timeline dates what was said
# rather than the saying (``annotate.timex.event_time``; through all of ``SAYING_VERBS`` the Timeline17 gate's MJ_bbc
# figures dropped, R-1 0.1285 -> 0.1281, fourteenth session), and those whose written forms tell a saying without
# a parse (``text.patterns.COMMON_SAYING_FORMS``).
COMMON_SAYING_VERBS = frozenset(
    """say tell report announce state add confirm claim insist warn note explain declare reveal acknowledge admit
    deny tweet write quote estimate predict testify""".split()
)

# Nouns of time: units and parts of the calendar and the day, and words for a stretch of time.
TIME_NOUNS = frozenset(
    """moment hour time day night morning afternoon evening week weekend month year decade century season
    summer winter spring autumn fall period quarter half session term""".split()
)

# Nouns for bodies (organisations, outlets, a state's institutions): as the speaker, "the agency said" names none
# (``summarize.story``'s unnamed body); right before a name, or a list's plural ahead of it, they say the name is a
# body's ("the official news agency Jana", "US companies Chevron, ExxonMobil and Hess": ``who.entities``).
BODY_NOUNS = frozenset(
    """agency ministry department government authority commission council committee board bureau institute embassy
    regulator watchdog company firm bank group party movement union association alliance coalition militia faction
    organisation organization newspaper paper daily weekly magazine channel broadcaster network station
    website""".split()
)

# Titles written before a name ("Navy spokesman Cmdr. Danny Hernandez") and the word each stands for: their
# period never ends a sentence when a capitalised word follows (``annotate.sentences``, ``annotate.nlp``), and a
# title's abbreviation and its full word are one title ("Sen. John McCain" is a senator, "Gov. Jindal" is
# "Governor Bobby Jindal": the roster's title counts, ``who.entities``).
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "sens": "senators",
    "rep": "representative",
    "reps": "representatives",
    "gov": "governor",
    "govs": "governors",
    "gen": "general",
    "gens": "generals",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "capt": "captain",
    "cmdr": "commander",
    "cdr": "commander",
    "adm": "admiral",
    "brig": "brigadier",
    "sgt": "sergeant",
    "cpl": "corporal",
    "pvt": "private",
    "spc": "specialist",
    "amb": "ambassador",
    "pres": "president",
    "sec": "secretary",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "prof": "professor",
    "rev": "reverend",
}

# The abbreviations after whose period a sentence goes on ("Mr. Smith", "Aug. 4", "Cmdr. Danny Hernandez", "Gulf
# Oil Co. Inc.", "the U.S. envoy"), as text writes them, without their last period: the titles, the months and
# the rest. ``annotate.sentences`` reads them in any case, ``corpus.templates`` as written.
ABBREVIATIONS = frozenset(
    [title.capitalize() for title in TITLE_ABBREVIATIONS]
    + [month.capitalize() for month in MONTH_ABBREVIATIONS]
    + "Mr Ms Mrs Dr St Jr Sr vs Co No Inc Corp Ltd Mt Ft U.S U.N U.K e.g i.e".split()
)
