"""Roster merges, third audit round (issue 13 item 4): lone first names on pages naming many people, names in
capitals of transcript labels, a name inside a place's name, what the words around a name say it is. Each case
is one the judges found wrong, on made-up articles; each test fails on the rules before this change."""

from storyline.model import Article
from storyline.who.entities import build_roster


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def holding(entities, alias):
    return [e for e in entities if alias in e.aliases]


def test_a_lone_first_name_joins_no_one_where_the_article_names_another_of_that_name():
    """A family-history page: "Mary" is not Mary Parry where the page also names Annie Mary, however far."""
    filler = "The records of the parish were kept in the chapel at the time. " * 100
    found = articles(
        "Ann writes that her great-grandmother had a large family which included her grandmother Annie Mary. "
        + filler
        + "John is trying to trace his grandparents, Thomas Harries and Mary Parry, who were married in 1813. "
        "Stephen became a minister in Louisiana, but kept in touch with Mary and John."
    )
    entities = build_roster(found)
    for entity in holding(entities, "Mary"):
        assert not {"Mary Parry", "Annie Mary"} & set(entity.aliases), entity


def test_a_lone_first_name_points_back_to_a_full_name_before_it():
    """The lone "Fraser" is Fraser Brown only after the article has named him; before it, it is nobody yet."""
    before = articles("Fraser was at school that morning. Later, Fraser Brown, 8, was taken to hospital.")
    after = articles("Fraser Brown, 8, was taken to hospital. Fraser was at school that morning.")
    assert not any({"Fraser", "Fraser Brown"} <= set(e.aliases) for e in build_roster(before))
    assert any({"Fraser", "Fraser Brown"} <= set(e.aliases) for e in build_roster(after))


def test_a_transcript_label_in_capitals_is_no_name():
    """ "DAVID" of "DAVID UPTON:" is not David Cameron; "HOUSE" of a caption label is no person."""
    found = articles(
        "British Prime Minister David Cameron said the violence was unacceptable. David Cameron spoke in London.",
        "DAVID UPTON: The only way I was going to marry here was with my family around me. "
        "NEWT GINGRICH, FORMER SPEAKER OF THE HOUSE: Good to be with you.",
        "DAVID CAMERON, BRITISH PRIME MINISTER: Good evening. Today has been a remarkable day.",
    )
    entities = build_roster(found)
    names = {alias for e in entities for alias in e.aliases}
    assert "DAVID" not in names and "HOUSE" not in names
    assert not any("DAVID" in e.aliases for e in holding(entities, "David Cameron"))
    # a label that is the whole name is that person's name in capitals
    assert any("a2" in e.mentions for e in holding(entities, "David Cameron"))


def test_a_name_inside_a_places_name_is_no_person():
    found = articles(
        "All I know is that she was born in Bishop's Castle in 1880. "
        "The letters were signed by Mrs. Bishop, of Maesyronen, and sent to the family."
    )
    entities = build_roster(found)
    (bishop,) = holding(entities, "Mrs. Bishop")
    assert sum(bishop.mentions.values()) == 1, bishop


def test_a_thing_known_by_a_surname_is_not_the_person_of_that_surname():
    found = articles(
        *[
            f"CNN's Ivan Watson reported from Cairo on day {n}. Ivan Watson said the crowd was growing."
            for n in range(4)
        ],
        "Next week, the computer known as Watson will try to beat two Jeopardy! champions. "
        "Watson was built by IBM.",
    )
    entities = build_roster(found)
    (ivan,) = holding(entities, "Ivan Watson")
    assert "a4" not in ivan.mentions
    assert all(e.type != "person" for e in holding(entities, "Watson") if "Ivan Watson" not in e.aliases)


def test_towns_of_a_list_are_places():
    found = articles(
        "Four rebel fighters were killed while taking the small towns of Jawsh, Ghezaya and Takut, "
        "a rebel spokesman said.",
    )
    entities = build_roster(found)
    for name in ("Jawsh", "Ghezaya"):
        for entity in holding(entities, name):
            assert entity.type == "place", entity


def test_a_name_with_the_article_is_no_person():
    """ "the House" is a body, even where the recognizer calls it a person."""
    from spacy.tokens import Span

    from storyline.annotate.nlp import load_nlp

    text = "Joining me now is the former speaker of the House, Newt Gingrich. The bill passed the House on Friday."
    article = Article(id="a0", source="a0.txt", text=text)
    doc = load_nlp()(text)
    houses = [t.i for t in doc if t.text == "House"]
    doc.ents = [Span(doc, i, i + 1, label="PERSON") for i in houses]
    entities = build_roster([article], [doc])
    assert holding(entities, "House")
    assert all(e.type != "person" for e in holding(entities, "House"))


def test_where_someone_was_born_is_a_place():
    found = articles(
        "My father was born in Llanfair in 1903. She was born in Llanfair, Montgomery in 1839. "
        "He would like information about relatives from the Llanfair area.",
    )
    entities = build_roster(found)
    assert holding(entities, "Llanfair")
    assert all(e.type == "place" for e in holding(entities, "Llanfair"))


def test_a_name_without_the_middle_name_far_from_it_may_be_a_namesake():
    """A family-history page: "David Lloyd Morgan" (a father of 1880) and, queries later, a "David Morgan"
    born in 1872 are not one man; a name the news uses in several articles is one person however far apart."""
    filler = "The records of the parish were kept in the chapel at the time. " * 100
    found = articles(
        "My grandfather's parents were David Lloyd Morgan and Margaret Morgan. "
        + filler
        + "My great grandad was born in 1872, his name was David Morgan, he married Sarah Roberts.",
        "Hillary Rodham Clinton spoke in Geneva. " + filler + "Hillary Clinton left for Paris.",
        "Hillary Clinton met the envoy on Friday.",
    )
    entities = build_roster(found)
    assert not any({"David Morgan", "David Lloyd Morgan"} <= set(e.aliases) for e in entities)
    assert any({"Hillary Clinton", "Hillary Rodham Clinton"} <= set(e.aliases) for e in entities)


def test_a_family_name_an_office_and_a_month_are_no_one():
    """ "nee Powell" and "the Powell name" name a family, "Deputy Clerk" an office, "3 MAR 2011" a date."""
    from spacy.tokens import Span

    from storyline.annotate.nlp import load_nlp

    text = (
        "He married Martha, nee Powell, who was born in 1870. Or perhaps the Powell name was her second marriage. "
        "The Acting Principal Clerk said the spirit of the decision was clear. The Deputy Clerk agreed. "
        "Let's go back to 3 MAR 2011. Morocco sent a delegation to the meeting."
    )
    article = Article(id="a0", source="a0.txt", text=text)
    doc = load_nlp()(text)
    spans = []
    for i, token in enumerate(doc):
        if token.text == "nee":
            spans.append(Span(doc, i, i + 2, label="PERSON"))
        elif token.text == "Powell" and doc[i - 1].text != "nee" or token.text == "Clerk":
            spans.append(Span(doc, i, i + 1, label="PERSON"))
        elif token.text in ("MAR", "Morocco"):
            spans.append(Span(doc, i, i + 1, label="GPE"))
    doc.ents = spans
    names = {alias for e in build_roster([article], [doc]) for alias in e.aliases}
    assert "Morocco" in names
    assert not {"nee Powell", "Powell", "Clerk", "Deputy Clerk", "MAR"} & names, names


def test_a_three_letter_code_is_a_country_only_where_prose_uses_it_so():
    from storyline.who.entities import country_of

    assert country_of("MAR") is None and country_of("CAN") is None and country_of("BEN") is None
    assert country_of("USA").name == "United States" and country_of("UAE") is not None
    entities = build_roster(
        articles("MAR, your views are in line with other conspiracy theories. Morocco agreed.")
    )
    assert not any("MAR" in e.aliases and "Morocco" in e.aliases for e in entities)


def test_a_comment_widgets_word_is_no_part_of_any_name():
    """ "Reply Canada" (a reader's comment after the widget's "Reply"): the comment is cleaned out before
    names are read, so no name starts with the widget's word, whatever the label."""
    from storyline.annotate.nlp import load_nlp
    from storyline.ingest.clean import clean_text

    page = (
        "Canada has sent ships to the Mediterranean, its defence minister said on Friday.\n"
        "April 8, 2011 at 4:58 pm | Reply Canada should stay out of it."
    )
    text = clean_text(page, use_model=False).text
    assert "Reply" not in text
    article = Article(id="a0", source="a0.txt", text=text)
    names = {alias for e in build_roster([article], [load_nlp()(text)]) for alias in e.aliases}
    assert not any(name.startswith("Reply") for name in names), names


def test_a_place_most_mentions_call_a_place_is_one_and_an_acronym_far_more_used_keeps_its_name():
    """ "Tahrir Square" tagged a person once among places is a place; "CNN" of many articles is not the
    "Christian News Network" one article names; "the Egyptian military" is no one's title."""
    from spacy.tokens import Span

    from storyline.annotate.nlp import load_nlp

    texts = [f"Protesters filled Tahrir Square on day {n}, CNN reported." for n in range(6)]
    texts.append("Tahrir Square was calm. The Christian News Network and CNN both covered it.")
    texts.append(
        "Janine Zacharia, bureau chief for the Washington Post, said the Egyptian military was in control. "
        "The Egyptian military said it would not fire."
    )
    nlp = load_nlp()
    found, docs = [], []
    for i, text in enumerate(texts):
        doc = nlp(text)
        spans = []
        for j, token in enumerate(doc):
            if token.text == "Tahrir":
                spans.append(Span(doc, j, j + 2, label="PERSON" if i == 6 else "FAC"))
            elif token.text == "CNN":
                spans.append(Span(doc, j, j + 1, label="ORG"))
            elif token.text == "Christian":
                spans.append(Span(doc, j, j + 3, label="ORG"))
            elif token.text == "Janine":
                spans.append(Span(doc, j, j + 2, label="PERSON"))
        doc.ents = spans
        found.append(Article(id=f"a{i}", source=f"a{i}.txt", text=text))
        docs.append(doc)
    entities = build_roster(found, docs)
    assert all(e.type == "place" for e in holding(entities, "Tahrir Square"))
    assert not any({"CNN", "Christian News Network"} <= set(e.aliases) for e in entities)
    assert not any(
        "the Egyptian military" in e.aliases or "The Egyptian military" in e.aliases for e in entities
    )
    from storyline.who.entities import names_a_person

    assert not names_a_person("military") and names_a_person("secretary")


def test_a_wife_is_not_the_lone_surname_beside_her_and_a_nationality_before_a_name_is_cut():
    found = articles(
        *[
            f"Hosni Mubarak spoke on television on day {n}. Hosni Mubarak named a vice president."
            for n in range(4)
        ],
        "Rumours say Mubarak has already left Egypt and that Gamal Mubarak, the son, is in London. "
        "Mrs. Mubarak was not seen.",
        "Guests are Jonathan Myerson and Professor of Russian Donald Rayfield. Rayfield explores the novel.",
    )
    entities = build_roster(found)
    (wife,) = holding(entities, "Mrs. Mubarak")
    assert sum(wife.mentions.values()) == 1, wife
    assert any(e.name == "Donald Rayfield" for e in entities), [e.name for e in entities]


def test_a_bare_title_is_no_name_of_its_holder():
    """Audit round 4: "the president" listed among Mubarak's names (it is Obama's too in the story), "the head"
    among Bob Diamond's ("Bob Diamond, the head of Barclays"); a title with its country stays."""
    entities = build_roster(
        articles(
            "Bob Diamond, the head of Barclays, said the bank would cut jobs. The head said more on Monday.",
            "Egyptian President Hosni Mubarak spoke on television. The president said he would not run again. "
            "Mubarak said the Egyptian president would serve out his term.",
        )
    )
    diamond = next(e for e in entities if e.name == "Bob Diamond")
    mubarak = next(e for e in entities if "Mubarak" in e.name)
    assert not {"the head", "The head"} & set(diamond.aliases), diamond.aliases
    assert not {"the president", "The president"} & set(mubarak.aliases), mubarak.aliases
