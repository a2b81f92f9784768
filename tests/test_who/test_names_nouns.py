"""The nouns for people live in one module (``storyline.who.names``), one list per meaning, read by the speakers'
code and the roster alike; moving them there changed no answer (the gender a description gives its subject is
pinned on words from every list)."""

import pytest

from storyline.who import attribution, entities, names


def test_each_list_of_nouns_for_people_is_defined_once_in_names():
    for list_name in (
        "ANONYMOUS_HEADS",
        "PERSON_HEADS",
        "GENDERED_NOUNS",
        "ONE_PERSON_NOUNS",
        "AGENT_SUFFIXES",
    ):
        assert getattr(attribution, list_name) is getattr(names, list_name), list_name
    assert entities.ANONYMOUS_HEADS is names.ANONYMOUS_HEADS


def test_no_noun_is_in_two_lists_of_one_person():
    """ "witness" and "resident" were in both ``PERSON_HEADS`` and ``ONE_PERSON_NOUNS``, "father" and "mother" in
    ``ONE_PERSON_NOUNS`` and ``GENDERED_NOUNS`` (read first, so never answered there): one list per meaning."""
    assert not set(names.PERSON_HEADS) & set(names.ONE_PERSON_NOUNS)
    assert not set(names.GENDERED_NOUNS) & (set(names.PERSON_HEADS) | set(names.ONE_PERSON_NOUNS))


@pytest.fixture(scope="module")
def nlp():
    from storyline.annotate.nlp import load_nlp

    return load_nlp()


# (sentence, subject word, what ``described_subject`` said before the lists moved)
PINNED = [
    ("The witness said the car was red.", "witness", ""),
    ("The resident said the water rose.", "resident", ""),
    ("The spokesman said the talks failed.", "spokesman", "m"),
    ("The official said the talks failed.", "official", ""),
    ("The chancellor said the talks failed.", "chancellor", ""),
    ("His wife said he was at home.", "wife", "f"),
    ("Her father said she was at home.", "father", "m"),
    ("The mother said the boy was safe.", "mother", "f"),
    ("A Sudanese man said he crossed the border.", "man", "m"),
    ("The chairwoman said the vote was close.", "chairwoman", "f"),
    ("The activist said the crowd grew.", "activist", ""),
    ("The doctor said the wounds were deep.", "doctor", ""),
    ("The network said the report was wrong.", "network", None),
    ("The ministry said the report was wrong.", "ministry", None),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), PINNED)
def test_the_gender_a_description_gives_is_unchanged(nlp, sentence, word, expected):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert attribution.described_subject(token) == expected
