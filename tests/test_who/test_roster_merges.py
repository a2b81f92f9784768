"""Roster merges with precision first (issue 13 item 4): each case the precision audit's judges found wrong,
on made-up articles; each test fails on the rules before this change."""

from storyline.model import Article
from storyline.who.attribution import find_attributions
from storyline.who.entities import Mention, People, acronym_expansions, build_roster, person_name_parts


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def holding(entities, alias):
    return [e for e in entities if alias in e.aliases]


def by_name(entities, name):
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [e.name for e in entities]
    return found[0]


def test_a_lone_surname_of_several_people_joins_none_of_them():
    found = articles(
        "The bio-engineer Peter Hunter explained how engineering helps medicine. Peter Hunter spoke at length.",
        "The producer David Hunter said the play was a reality show. David Hunter filmed it in Wales.",
        "Hunter said the programme would be repeated on Sunday.",
    )
    entities = build_roster(found)
    for name in ("Peter Hunter", "David Hunter"):
        person = by_name(entities, name)
        assert "a2" not in person.mentions, person
    assert not any({"Peter Hunter", "David Hunter"} <= set(e.aliases) for e in entities)


def test_a_lone_surname_of_one_person_named_in_one_article_stays_apart():
    """Sunwook Kim, named in one article, is not the "Kim" of a reader's message elsewhere."""
    found = articles(
        "The pianist Sunwook Kim won the Leeds competition. Sunwook Kim is 18.",
        "The orchestra played Brahms on Friday night.",
        "Kim asked where Llangunllo is and how to say its name.",
    )
    entities = build_roster(found)
    assert "a2" not in by_name(entities, "Sunwook Kim").mentions


def test_a_lone_surname_goes_to_the_one_person_prominent_in_the_collection():
    found = articles(
        *[
            f"Interior Secretary Ken Salazar visited the coast on day {n}. Ken Salazar met workers."
            for n in range(4)
        ],
        "Mr. Salazar said the moratorium would stay in place.",
    )
    entities = build_roster(found)
    assert "a4" in by_name(entities, "Ken Salazar").mentions


def test_a_first_name_never_goes_to_a_person_of_that_surname():
    """ "Fraser" is Fraser Brown where the article names him, not Christophe Fraser of other articles."""
    found = articles(
        *[
            f"The report's lead author, Christophe Fraser, said on day {n} it was too early to tell."
            for n in range(4)
        ],
        "Fraser Brown and his brother John were given toy helicopters. Fraser played with his at once.",
    )
    entities = build_roster(found)
    assert "a4" not in by_name(entities, "Christophe Fraser").mentions
    assert "a4" in by_name(entities, "Fraser Brown").mentions


def test_namesakes_with_other_middle_names_are_not_one_person():
    found = articles(
        "Thomas Charles Davies was born in 1885 in Llanidloes and became a miner.",
        "Thomas John Davies, a jeweller, died in 1952. Thomas John Davies left three children.",
    )
    entities = build_roster(found)
    assert not any({"Thomas Charles Davies", "Thomas John Davies"} <= set(e.aliases) for e in entities)


def test_a_son_with_a_suffix_is_not_his_father():
    people = [
        Mention("a0", "Michael Jackson", 0, 15, "PERSON"),
        Mention("a1", "Michael Jackson II", 0, 18, "PERSON"),
    ]
    directory = People(people)
    assert directory.key(people[0]) != directory.key(people[1])


def test_initials_are_not_dropped_when_no_given_name_follows():
    assert person_name_parts("T. J. Davies") == ["t", "j", "davies"]
    assert person_name_parts("W. Mark Felt") == ["mark", "felt"]
    assert person_name_parts("Al Green") == ["al", "green"]  # a first name, not the particle of al-Assad
    assert person_name_parts("abandon al-Assad") == ["assad"]


def test_the_title_tells_namesakes_apart():
    people = [
        Mention("a0", "Barack Obama", 0, 12, "PERSON", titled="President Barack Obama"),
        Mention("a1", "Michelle Obama", 0, 14, "PERSON"),
        Mention("a1", "Obama", 40, 45, "PERSON", titled="President Obama"),
    ]
    directory = People(people)
    assert directory.key(people[2]) == directory.key(people[0])


def test_a_relative_is_not_the_person_it_is_said_of():
    found = articles(
        '"I\'m scared to let my kids cross the highway," says former fisherman Kurt Guerra, his 9-year-old '
        "daughter Cassie playing on a swingset. His daughter waved."
    )
    entities = build_roster(found)
    guerra = by_name(entities, "Kurt Guerra")
    assert not any("daughter" in alias for alias in guerra.aliases)
    assert not any("daughter" in role["role"] for role in guerra.roles)


def test_a_description_goes_to_the_person_it_is_in_apposition_with():
    found = articles(
        "Ed Markey, chairman of the panel's climate change subcommittee, questioned Tony Hayward.",
        "During a Senate hearing, the panel's chairman, Jeff Bingaman, said the spill showed a failure. "
        "Later the panel's chairman spoke again.",
    )
    entities = build_roster(found)
    assert not any("chairman" in alias for alias in by_name(entities, "Ed Markey").aliases)
    assert "the panel's chairman" in by_name(entities, "Jeff Bingaman").aliases


def test_a_description_across_articles_only_for_a_national_title():
    found = articles(
        "The lead scientist John Lopez said the flow was 5,000 barrels a day.",
        "The lead scientist of the flow-rate group said the estimate would rise.",
    )
    entities = build_roster(found)
    assert "a1" not in by_name(entities, "John Lopez").mentions


def test_a_name_inside_a_description_is_not_the_speaker():
    found = articles(
        "An unnamed Obama administration official said the government would not take over the response.",
        "Browner, President Barack Obama's adviser, said the leak would be stopped by August.",
    )
    for attribution in find_attributions(found):
        assert attribution.speaker_entity != "Barack Obama", attribution


def test_a_capital_is_not_its_country_unless_it_acts_as_the_government():
    found = articles(
        "Foreigners were kidnapped near the border in Kenya, and the capital Nairobi suffered two grenade "
        "attacks. Kenya's minister said tourism would recover.",
        "Washington and Paris endorse the draft resolution.",
    )
    entities = build_roster(found)
    assert "Nairobi" not in by_name(entities, "Kenya").aliases
    assert by_name(entities, "Nairobi").type == "place"
    assert "Paris" in by_name(entities, "France").aliases


def test_an_acronym_needs_evidence_of_its_expansion():
    found = articles(
        "Professor Jonathan Ball, an expert at the University of Nottingham, said the virus could change.",
        "The UN said the pandemic was moderate. The UN urged calm.",
        "The National Security Council (NSC) met on Monday. The NSC said it would act.",
    )
    entities = build_roster(found)
    assert "UN" not in by_name(entities, "University of Nottingham").aliases
    assert "NSC" in by_name(entities, "National Security Council").aliases


def test_acronym_expansions_read_the_evidence():
    def org(article, text, start):
        return Mention(article, text, start, start + len(text), "ORG")

    beside = [org("a0", "World Health Organization", 0), org("a0", "WHO", 27)]
    assert acronym_expansions(beside) == {"who": "world health organization"}
    apart = [org("a0", "University of Nottingham", 0), org("a1", "UN", 0), org("a2", "UN", 0)]
    assert acronym_expansions(apart) == {}


def test_a_storm_is_an_event_and_a_dateline_a_place():
    found = articles(
        "Tropical Storm Alex, which has pounded Central America, may slow the clean-up. Alex could reach "
        "the Gulf by Wednesday.",
        "Alex weakened over Mexico on Thursday.",
        "COCODRIE, La. (AP) -- Fishermen waited at the dock for the boats.",
    )
    entities = build_roster(found)
    assert not any(e.type == "person" and any("Alex" in a for a in e.aliases) for e in entities)
    storm = [e for e in entities if any("Storm Alex" in alias for alias in e.aliases)]
    assert storm and storm[0].type == "event" and {"a0", "a1"} <= set(storm[0].mentions)
    assert all(e.type == "place" for e in entities if "COCODRIE" in e.aliases)


def test_a_word_without_a_capital_is_no_name():
    found = articles("We don 't know , '' said don, who added that ann was there. Maria Lopez agreed.")
    entities = build_roster(found)
    assert not any(e.name in ("don", "ann") for e in entities)


def test_a_first_name_the_tagger_calls_a_preposition_stays_in_the_name():
    # spaCy's small model tags "Barack" ADP after "Mubarak said he would stay."; only a real function word is cut
    from storyline.annotate.nlp import load_nlp
    from storyline.model import Article, Sentence
    from storyline.who.entities import build_roster

    text = "Mubarak said he would stay. Barack Obama said on Friday that the violence must end."
    doc = load_nlp()(text)
    article = Article(id="a", source="a", text=text)
    article.sentences = [Sentence(s.start_char, s.end_char, i) for i, s in enumerate(doc.sents)]
    assert "Barack Obama" in {e.name for e in build_roster([article], [doc])}


def test_a_comment_widgets_word_is_no_part_of_a_name():
    from storyline.annotate.nlp import load_nlp
    from storyline.ingest.clean import clean_text
    from storyline.model import Article, Sentence
    from storyline.who.entities import build_roster

    page = (
        "Libya's leader spoke on television on Saturday.\n"
        "January 29, 2011 at 1:03 am | Reply Qhaddafi is going to finance that war, wrote a reader."
    )
    text = clean_text(page, use_model=False).text  # the comment is cleaned out before names are read
    doc = load_nlp()(text)
    article = Article(id="a", source="a", text=text)
    article.sentences = [Sentence(s.start_char, s.end_char, i) for i, s in enumerate(doc.sents)]
    names = {alias for e in build_roster([article], [doc]) for alias in e.aliases}
    assert not any(name.startswith("Reply") for name in names)


def test_a_middle_initial_and_jr_are_the_same_person_unless_a_senior_is_named():
    assert person_name_parts("Henry M. Paulson Jr.") == ["henry", "m", "paulson"]
    people = [
        Mention("a0", "Henry Paulson", 0, 13, "PERSON"),
        Mention("a1", "Henry M. Paulson Jr.", 0, 20, "PERSON"),
        Mention("a2", "Henry M. Paulson Jr.", 0, 20, "PERSON"),
    ]
    directory = People(people)
    assert directory.key(people[0]) == directory.key(people[1]) == directory.key(people[2])
    # a son named once beside his father's name stays apart
    kennedys = [
        Mention("a0", "Robert Kennedy", 0, 14, "PERSON"),
        Mention("a1", "Robert F. Kennedy Jr.", 0, 21, "PERSON"),
    ]
    directory = People(kennedys)
    assert directory.key(kennedys[0]) != directory.key(kennedys[1])
    family = [
        Mention("a0", "John Smith Jr.", 0, 14, "PERSON"),
        Mention("a0", "John Smith Sr.", 30, 44, "PERSON"),
        Mention("a1", "John Smith", 0, 10, "PERSON"),
    ]
    directory = People(family)
    assert directory.key(family[0]) != directory.key(family[1])


def test_a_title_the_prominent_namesake_never_bears_is_not_hers():
    """Audit round 6: "President Clinton" of readers' comments about the 1990s went to Hillary Clinton, named
    as Secretary of State throughout (and once, by a reader, as "President Hillary Clinton")."""
    hillary = [
        f"Secretary of State Hillary Clinton met envoys on day {n}. Secretary Hillary Clinton said talks go on."
        for n in range(6)
    ]
    found = articles(
        *hillary,
        "A reader wrote that President Hillary Clinton would have acted sooner.",
        "Another reader recalled that President Clinton bombed Yugoslavia in 1999.",
        "Clinton said the envoys would meet again on Friday.",
    )
    entities = build_roster(found)
    assert "a7" not in by_name(entities, "Hillary Clinton").mentions
    assert "a8" in by_name(entities, "Hillary Clinton").mentions  # a lone surname with no title still does
    # where the other namesake is named with that title, the lone titled surname is his
    found = articles(
        *hillary,
        "A reader wrote that President Hillary Clinton would have acted sooner.",
        "In 1999 President Bill Clinton ordered air strikes on Yugoslavia.",
        "A reader recalled that President Clinton bombed Yugoslavia.",
    )
    assert "a8" in by_name(build_roster(found), "Bill Clinton").mentions
    # a title she does bear, abbreviated or not, still goes to her
    found = articles(
        *[
            f"Gov. Bobby Jindal toured the coast on day {n}. Governor Bobby Jindal met crews."
            for n in range(4)
        ],
        "Governor Jindal said the barriers would be built.",
    )
    assert "a4" in by_name(build_roster(found), "Bobby Jindal").mentions


def test_a_captions_position_word_an_institution_or_a_figure_is_no_role():
    """Finan_washingtonpost's roster gave Henry Paulson the roles "center" (a caption's "Paulson, center,") and
    "+270.00 Treasury Secretary" (a ticker's figure run into the text), and John McCain "government": a noun that
    only ends like a person's ("-er", "-ent") names no one, and a title starts with a word."""
    found = articles(
        "Treasury Secretary Henry Paulson, center, speaks with reporters at the White House.",
        "Dow +270.00 Treasury Secretary Henry Paulson said the plan would work.",
        "Senator John McCain, government critic of the plan, spoke on Friday.",
    )
    entities = build_roster(found)
    roles = {role["role"] for role in by_name(entities, "Henry Paulson").roles}
    assert "Treasury Secretary" in roles
    assert not any(role == "center" or not role[:1].isalpha() for role in roles), roles
    assert not any(role["role"] == "government" for role in by_name(entities, "John McCain").roles)
