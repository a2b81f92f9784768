"""Roster names an analyst trusts, fifteenth round (issue 13 item 4, the lead's reading of H1N1_bbc). One name
spelt the British and the American way ("World Health Organisation", "World Health Organization") is one entry;
a name the recognizer cut with an unclosed bracket ("World Health Organization (WHO") or a quotation mark with
no partner ('"Hong Kong', "New York'") is the name without it; a strain code ("H5N1") is no organisation, a drug
the words call one ("the antiviral drug Tamiflu") is no organisation either, and a common noun written in
capitals ("see a GP") is no name. Made-up articles (other names); each test fails on the rules before this
change."""

from storyline.model import Article
from storyline.who.entities import build_roster, display_name, key_of


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", source=f"a{i}.txt", text=text) for i, text in enumerate(texts)]


def test_british_and_american_spellings_are_one_key():
    assert key_of("World Health Organisation") == key_of("World Health Organization")
    assert key_of("Ministry of Defence") == key_of("Ministry of Defense")
    assert key_of("the Labour Party") == key_of("Labor Party")
    assert key_of("Kennedy Centre") == key_of("Kennedy Center")
    # a person's "-our" is no British spelling
    assert key_of("Seymour Hersh") == "seymour hersh"


def test_unpaired_brackets_and_quotes_leave_the_name():
    assert display_name("World Health Organization (WHO") == "World Health Organization"
    assert display_name('"Hong Kong') == "Hong Kong"
    assert display_name("New York'") == "New York"
    assert display_name("(WHO") == "WHO"
    assert display_name("'The O'Reilly Factor'") == "The O'Reilly Factor"
    # paired marks and apostrophes inside a name stay
    assert display_name("Bell (Canada)") == "Bell (Canada)"
    assert display_name("O'Brien") == "O'Brien"


def test_one_body_spelt_two_ways_and_cut_at_its_bracket_is_one_entry():
    entities = build_roster(
        articles(
            "The Global Vaccine Organization (GVO) said on Monday that the outbreak had spread to Peru.",
            "The Global Vaccine Organisation warned that schools might close. The Global Vaccine Organisation "
            "said it was watching.",
            "Officials at the Global Vaccine Organization said the GVO would meet again.",
        )
    )
    bodies = [e for e in entities if "vaccine" in e.name.lower()]
    assert len(bodies) == 1, [(e.name, e.aliases) for e in bodies]
    assert not any("(" in alias for alias in bodies[0].aliases), bodies[0].aliases


def test_a_name_in_quotation_marks_gets_no_stray_mark():
    entities = build_roster(
        articles(
            'The last pandemic was the "Hong Kong" flu in 1968, and Hong Kong was hit hard again in 1997.'
        )
    )
    names = {alias for e in entities for alias in e.aliases} | {e.name for e in entities}
    assert not any(name.startswith('"') or name.endswith('"') for name in names), names


def test_a_strain_code_is_no_organisation():
    entities = build_roster(
        articles(
            "The H7N3 virus spread quickly, the ministry said. Experts said H7N3 was unlike H5N1.",
            "Cases of H7N3 rose in Lima on Tuesday.",
        )
    )
    strains = [e for e in entities if e.name in ("H7N3", "H5N1")]
    assert strains and all(e.type != "organization" for e in strains), [(e.name, e.type) for e in strains]


def test_a_drug_the_words_call_one_is_no_organisation():
    entities = build_roster(
        articles(
            "Patients were given the antiviral drug Virocil, the health ministry said.",
            "Doctors prescribed the antiviral Virocil to 40 children in Leeds.",
            "Stocks of Virocil were running low, the Pharmacy Board said.",
        )
    )
    drug = next((e for e in entities if e.name == "Virocil"), None)
    assert drug is not None and drug.type == "other", drug


def test_a_common_noun_in_capitals_is_no_name():
    entities = build_roster(
        articles(
            "Anyone with symptoms should stay at home and call their GP, the minister said.",
            "She went to see a GP on Monday. Your GP will advise you, the board said.",
        )
    )
    assert not any(e.name == "GP" or "GP" in e.aliases for e in entities), [
        (e.name, e.type) for e in entities
    ]


def test_a_drug_listed_among_antivirals_or_hyphenated_is_a_thing():
    entities = build_roster(
        articles(
            "Governments are stockpiling antivirals such as Virocil, the health ministry said.",
            "He was given the anti-viral Virocil on Monday, the Pharmacy Board said.",
            "Stocks of Virocil were running low, the Pharmacy Board said.",
        )
    )
    drug = next((e for e in entities if e.name == "Virocil"), None)
    assert drug is not None and drug.type == "other", drug


def test_a_name_of_a_thing_tagged_two_ways_is_one_entry():
    # the recognizer reads the name in quotation marks as a work's title, the others as a product or a body
    entities = build_roster(
        articles(
            'The known antiviral drug "Tamiflu" showed little effect, the ministry said.',
            "Doctors gave the antiviral Tamiflu to 40 children in Leeds.",
            "Patients were given the antiviral drug Tamiflu, the board said.",
        )
    )
    drugs = [e for e in entities if e.name == "Tamiflu"]
    assert len(drugs) == 1, [(e.id, e.type) for e in drugs]


def test_a_body_a_company_is_called_stays_an_organisation():
    # what "called" names after a company is the company: only a noun for a drug turns a body into a thing
    entities = build_roster(
        articles(
            "He used a Los Angeles-based company called Greenlight Partners to handle licensing for his films.",
            "Greenlight Partners said on Monday that it would appeal.",
        )
    )
    company = next((e for e in entities if e.name == "Greenlight Partners"), None)
    assert company is not None and company.type == "organization", [(e.name, e.type) for e in entities]


def test_a_titled_name_after_a_plural_noun_for_drugs_stays_a_person():
    # a headline run into a caption (MJ_bbc): "drugs" and "Dr Murray" are no list of drugs
    entities = build_roster(
        articles(
            "Paramedic says Michael Jackson doctor cleaned up drugs Dr Murray, shown here in February, joined "
            "Jackson's entourage to get him fit for London concerts.",
        )
    )
    doctor = next((e for e in entities if "Murray" in e.aliases), None)
    assert doctor is not None and doctor.type == "person", [(e.name, e.type, e.aliases) for e in entities]
