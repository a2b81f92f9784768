"""``text.words`` and ``who.names``: each word list that several stages read is defined once, and read from there."""

import ast
from pathlib import Path

import storyline
from storyline.annotate import sentences
from storyline.annotate.timex import event_time, rules
from storyline.compare import disputes, wording
from storyline.corpus import templates
from storyline.summarize import story, verbs
from storyline.text import patterns, words
from storyline.who import attribution, cues, entities, names

PACKAGE = Path(storyline.__file__).parent
# The lists the review found defined more than once with different contents, under every name they had.
SHARED = {
    "FINITE_TAGS": "storyline/text/words.py",
    "FINITE": None,
    "SAYING_VERBS": "storyline/text/words.py",
    "REPORTING": "storyline/annotate/timex/rules.py",  # surface forms of its regex cues (see there)
    "TIME_NOUNS": "storyline/text/words.py",
    "PLACE_NOUNS": "storyline/who/names.py",
    "ABBREVIATIONS": "storyline/text/words.py",  # annotate.sentences had its own, corpus.templates a pattern's
    "BODY_NOUNS": "storyline/text/words.py",  # summarize.story and who.entities had one each
}


def module_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        found.update(t.id for t in targets if isinstance(t, ast.Name))
    return found


def test_each_shared_list_is_defined_in_one_module():
    defined: dict[str, list[str]] = {name: [] for name in SHARED}
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in module_constants(path) & SHARED.keys():
            defined[name].append(path.relative_to(PACKAGE.parent).as_posix())
    assert defined == {name: [home] if home else [] for name, home in SHARED.items()}


def test_each_stage_reads_the_one_list():
    assert verbs.FINITE_TAGS is attribution.FINITE_TAGS is disputes.FINITE_TAGS is words.FINITE_TAGS
    assert cues.SAYING_VERBS is attribution.SAYING_VERBS is disputes.SAYING_VERBS is words.SAYING_VERBS
    assert wording.SAYING_VERBS is words.SAYING_VERBS
    assert event_time.COMMON_SAYING_VERBS is words.COMMON_SAYING_VERBS
    assert attribution.TIME_NOUNS is event_time.TIME_NOUNS is patterns.TIME_NOUNS is words.TIME_NOUNS
    assert attribution.PLACE_NOUNS is entities.PLACE_NOUNS is names.PLACE_NOUNS
    assert {word.lower() for word in words.ABBREVIATIONS} == sentences.LOWER_ABBREVIATIONS
    assert entities.BODY_NOUNS is story.BODY_NOUNS is words.BODY_NOUNS
    # the one list's nouns that only one of the two read before: a body speaking unnamed, and a name's kind
    assert story.UNNAMED_BODY_SPEAKER.search("Hundreds were hurt, the union said.")
    assert story.UNNAMED_BODY_SPEAKER.search("The magazine reported that the well was safe.")


def test_the_rule_splitters_go_on_after_every_abbreviation():
    """The annotation's splitter, the templates' and the time expressions' (``annotate.timex.rules``) read one list:
    a sentence goes on after each abbreviation."""
    for word in words.ABBREVIATIONS:
        text = f"The letter was signed by {word}. Hernandez on Monday."
        assert templates.sentences_of(text) == [text], word
        assert len(sentences.split_sentences(text)) == 1, word
        assert len(rules.sentence_bounds(text)) == 1, word  # the tense cue's rough sentences too
    # the annotation's splitter reads them in any case, the templates' as text writes them
    said = "He said no. The talks ended."
    assert len(sentences.split_sentences(said)) == 1
    assert templates.sentences_of(said) == ["He said no.", "The talks ended."]


def test_narrower_verb_lists_hold_only_verbs_of_the_lexicon():
    # the cue lexicon's narrower lists name verbs of saying or thinking (and a few verbs of quoting and idioms)
    lexicon = cues.SPEECH_LEXICON
    assert cues.CLAIMING_VERBS - lexicon == {"put"}  # "put the toll at": an idiom of estimating
    assert cues.REPORTING_VERBS - lexicon == {"frame", "make"}  # "framed it as", "made clear": idioms
    assert {"quote"} == words.COMMON_SAYING_VERBS - words.SAYING_VERBS


def test_a_demonstrative_before_any_noun_of_time_says_when():
    for noun in ("quarter", "hour", "session", "days", "weeks", "years"):
        text = f"{'These' if noun.endswith('s') else 'This'} {noun} the talks resumed."
        assert not patterns.POINTING_BACK.search(text), text
    # "may" is a modal here, not the month: "This" points back
    assert patterns.POINTING_BACK.search("This may not be enough to stop the leak.")


def test_a_name_before_a_noun_of_places_is_a_place_and_a_field_of_study_is_not():
    from storyline.annotate.nlp import load_nlp

    nlp = load_nlp()

    def evidence(text: str, name: str) -> str:
        doc = nlp(text)
        start = next(t.i for t in doc if t.text == name.split()[0])
        return entities.evidence_of_kind(doc[start : start + len(name.split())])

    # MJ_bbc: "base" was a place noun of who.attribution only; "field" of neither list now
    assert (
        evidence("Chris Boatman, who lives next to the RAF Scampton base, heard the crash.", "RAF Scampton")
        == "place"
    )
    assert (
        evidence(
            "He won the prize for his work in the field of Quantum Electrodynamics.",
            "Quantum Electrodynamics",
        )
        != "place"
    )
