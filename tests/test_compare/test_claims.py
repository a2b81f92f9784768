import json
from datetime import datetime

import pytest

from storyline.cli.main import main
from storyline.compare.claims import compare, figures, find_claims, sentence_credit, source_key
from storyline.model import Article, Sentence

from ..conftest import SAMPLES


def test_claims_group_paraphrases_and_count_outlets_once():
    texts = [
        ("a", "Wire", "The army pulled 300 soldiers out of Homs on Tuesday, officials said."),
        # the paper's own wording (a near-identical sentence would prove a copy: ``copied_passages``)
        ("b", "Paper", "On Tuesday the army withdrew 300 soldiers from Homs, officials said on Wednesday."),
        ("c", "Wire", "The army pulled 300 soldiers out of Homs on Tuesday, officials said."),
        ("d", "Radio", "The army pulled 500 soldiers out of Homs on Tuesday, rebels said."),
    ]
    articles = []
    for identifier, outlet, text in texts:
        articles.append(
            Article(
                id=identifier, source=identifier, text=text, outlet=outlet, sentences=[Sentence(0, len(text))]
            )
        )
    articles[2].duplicate_of = "a"
    claims = find_claims(articles)
    first = next(c for c in claims if set(c.articles) == {"a", "b", "c"})
    assert first.independent_outlets == 2  # the wire copy counts once
    other = next(c for c in claims if c.articles == ["d"])
    assert claims.index(other) in first.contradicts  # 300 soldiers against 500 soldiers


def test_figures_ignore_years():
    assert figures("In 2011, 7,000 defectors joined; 15 percent left.") == {
        "defector": {"7000"},
        "percent": {"15"},
    }


def test_compare_command_json(capsys):
    assert main(["compare", "--json", "-q", str(SAMPLES)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"articles", "claims", "positions", "reversals", "problems"}
    assert len(data["articles"]) == 5
    for claim in data["claims"]:
        assert {"text", "articles", "outlets", "independent_outlets", "attributed_to", "contradicts"} <= set(
            claim
        )
    for position in data["positions"]:
        assert {"actor", "proposition", "stance", "date", "citation"} <= set(position)
    for reversal in data["reversals"]:
        assert {"actor", "proposition", "from", "to", "citations"} <= set(reversal)


def test_who_command_text(capsys):
    assert main(["who", "-q", "--limit", "100", str(SAMPLES)]) == 0  # every speaker
    out = capsys.readouterr().out
    assert "Bashar al-Assad" in out and "WHO SAID WHAT" in out
    assert "anonymous: senior U.S. officials" in out


def test_a_dispute_from_another_source_contradicts():
    texts = [
        (
            "a",
            "Agency",
            "Military and police operations against the protesters in Latakia have stopped, officials said.",
        ),
        (
            "b",
            "Daily",
            "Activists denied that military and police operations against the protesters in Latakia had stopped.",
        ),
        ("c", "Daily", "The weather in Latakia was mild and sunny all week, residents said."),
    ]
    articles = [
        Article(id=i, source=i, text=t, outlet=o, sentences=[Sentence(0, len(t))]) for i, o, t in texts
    ]
    claims = find_claims(articles)
    by_article = {c.articles[0]: n for n, c in enumerate(claims)}
    assert by_article["b"] in claims[by_article["a"]].contradicts
    assert not claims[by_article["c"]].contradicts


def made(rows):
    """Articles of one sentence each: (id, outlet, text, published)."""
    import datetime as dt

    articles = []
    for identifier, outlet, text, day in rows:
        articles.append(
            Article(
                id=identifier,
                source=identifier,
                text=text,
                outlet=outlet,
                published=dt.date(2011, 3, day) if day else None,
                sentences=[Sentence(0, len(text))],
            )
        )
    return articles


def test_the_samples_share_one_claim_across_cnn_and_the_wire(samples):
    articles, docs = samples
    shared = [c for c in compare(articles, docs).claims if c.independent_outlets > 1]
    assert len(shared) == 1  # precision first: nothing else is carried by two outlets
    claim = shared[0]
    assert set(claim.outlets) == {"CNN", "The Wire"} and claim.independent_outlets == 2
    cited = {by.article: by for by in claim.citations}
    texts = [a.text[cited[a.id].start : cited[a.id].end] for a in articles if a.id in cited]
    assert all("operations" in t and "stopped" in t for t in texts)


def test_a_paraphrase_is_one_claim_and_a_topical_neighbour_is_not():
    articles = made(
        [
            (
                "a",
                "Wire",
                "President Assad told the U.N. chief that military operations against protesters had stopped.",
                0,
            ),
            (
                "b",
                "Paper",
                "The military operations against the protesters have stopped, Assad assured the U.N. secretary-general.",
                0,
            ),
            (
                "c",
                "Radio",
                "Protesters said military operations against them went on in Latakia despite U.N. pressure.",
                0,
            ),
        ]
    )
    claims = find_claims(articles)
    together = next(c for c in claims if "a" in c.articles)
    assert set(together.articles) == {"a", "b"}
    assert all(c.articles == ["c"] for c in claims if "c" in c.articles)


def test_contradictions_need_the_same_day_and_never_pit_an_article_against_itself():
    same_day = made(
        [
            ("a", "Wire", "Rebels said 300 soldiers defected to the opposition in Homs on Tuesday.", 1),
            ("b", "Paper", "Rebels said 500 soldiers defected to the opposition in Homs on Tuesday.", 1),
        ]
    )
    claims = find_claims(same_day)
    assert [len(c.contradicts) for c in claims] == [1, 1]
    later = made(
        [
            ("a", "Wire", "Rebels said 300 soldiers defected to the opposition in Homs on Tuesday.", 1),
            ("b", "Paper", "Rebels said 500 soldiers defected to the opposition in Homs on Tuesday.", 4),
        ]
    )
    assert all(not c.contradicts for c in find_claims(later))  # a count updated days later
    # one outlet's two figures of one day, with no source named on either side, are its story updated (a share
    # price at midday and at the close)
    updated = made(
        [
            ("a", "Wire", "In New York, BP's shares fell 7.8 percent to $48.10 in heavy trading.", 1),
            ("b", "Wire", "In New York, BP's shares fell 3.7 percent to $50.19 in heavy trading.", 1),
        ]
    )
    assert all(not c.contradicts for c in find_claims(updated))
    one = "Rebels said 300 soldiers defected in Homs. Rebels said 500 soldiers defected in Homs."
    article = Article(
        id="a", source="a", text=one, outlet="Wire", sentences=[Sentence(0, 42), Sentence(43, len(one))]
    )
    assert all(not c.contradicts for c in find_claims([article]))


def test_a_dispute_needs_the_denial_to_bear_on_the_other_claim():
    disputed = made(
        [
            (
                "a",
                "Wire",
                "Security forces fired on peaceful protesters in Deraa on Friday, witnesses said.",
                1,
            ),
            (
                "b",
                "Paper",
                "Security forces never fired on peaceful protesters in Deraa on Friday, the ministry said.",
                1,
            ),
        ]
    )
    assert any(c.contradicts for c in find_claims(disputed))
    aside = made(
        [
            ("a", "Wire", "Comments are welcome as long as you follow the rules of conduct on this site.", 1),
            (
                "b",
                "Paper",
                "Your email (required, but will not be displayed): comments are welcome as long as you follow the rules of conduct.",
                1,
            ),
        ]
    )
    assert all(not c.contradicts for c in find_claims(aside))


def test_a_bound_or_an_estimate_is_no_contradicting_count():
    articles = made(
        [
            ("a", "Wire", "The State Department said 42 Americans have been evacuated from Egypt so far.", 1),
            (
                "b",
                "Paper",
                "The State Department said more than 2,400 Americans have been evacuated from Egypt.",
                1,
            ),
        ]
    )
    assert all(not c.contradicts for c in find_claims(articles))


def test_sentences_sharing_only_names_or_a_headline_are_not_one_claim():
    from storyline.annotate.nlp import load_nlp

    articles = made(
        [
            ("a", "Fox", "But Justin Taffinder of New Orleans was not amused by the joke.", 16),
            ("b", "Post", "We don't pray to them, said Justin Taffinder of New Orleans on the joke.", 17),
            ("c", "Fox", "He lashed out at BP over the monumental oil spill in the Gulf of Mexico.", 16),
            ("d", "Guardian", "Live video of the BP oil spill in the Gulf of Mexico.", 17),
            ("e", "Reuters", "Obama said BP was a strong and viable company that should remain so.", 17),
            ("f", "Post", "BP is a strong and viable company that should remain so, Obama said.", 17),
        ]
    )
    docs = list(load_nlp().pipe(a.text for a in articles))
    shared = [sorted(c.articles) for c in find_claims(articles, [], docs) if c.independent_outlets > 1]
    assert ["a", "b"] not in shared and ["c", "d"] not in shared


def articles_of(rows):
    """Articles of several sentences each: (id, outlet, sentences, published day of March 2011)."""
    import datetime as dt

    articles = []
    for identifier, outlet, sentences, day in rows:
        text, spans = "", []
        for sentence in sentences:
            spans.append(Sentence(len(text), len(text) + len(sentence)))
            text += sentence + " "
        articles.append(
            Article(
                id=identifier,
                source=identifier,
                text=text,
                outlet=outlet,
                published=dt.date(2011, 3, day),
                sentences=spans,
            )
        )
    return articles


FACT = (
    "The oil drilling rig that had burned for 36 hours in the Gulf of Mexico sank on Thursday, officials said"
)


@pytest.mark.parametrize(
    "credited",
    [
        FACT + " (Reuters).",
        "Reuters reported that the oil drilling rig that had burned for 36 hours in the Gulf of Mexico sank on Thursday.",
        FACT + ", according to Reuters.",
    ],
)
def test_a_sentence_credited_to_another_outlet_counts_for_that_outlet(credited):
    articles = made([("a", "Reuters", FACT + ".", 1), ("b", "Fox News", credited, 2)])
    claim = next(c for c in find_claims(articles) if "a" in c.articles)
    assert set(claim.articles) == {"a", "b"}
    assert claim.independent_outlets == 1  # a reprint of Reuters is not a second confirmation
    # told in Fox News' own words, crediting nobody: two outlets (word for word or nearly, it would be a copy)
    own = "Officials said on Thursday that a drilling rig which had been burning for 36 hours sank in the Gulf of Mexico."
    uncredited = made([("a", "Reuters", FACT + ".", 1), ("b", "Fox News", own, 2)])
    assert next(c for c in find_claims(uncredited) if "a" in c.articles).independent_outlets == 2
    copied = made([("a", "Reuters", FACT + ".", 1), ("b", "Fox News", FACT + ".", 2)])
    assert next(c for c in find_claims(copied) if "a" in c.articles).independent_outlets == 1


def test_credits_are_read_only_from_names_of_outlets():
    for ordinary in (
        "Obama told reporters on Friday that the cap was holding.",
        "According to the report, the well was sealed.",
        "The Guardian of the Gulf, a local charity, reported 40 birds rescued.",
        "Time is running out for BP, analysts said.",
    ):
        assert sentence_credit(ordinary) is None, ordinary
    assert sentence_credit("Obama told CNN's Larry King that he was furious.") == "CNN"
    assert source_key("The Washington Post") == source_key("washingtonpost") == "washingtonpost"
    assert source_key("Associated Press") == source_key("AP")


def test_an_agency_story_and_a_passage_copied_word_for_word_are_one_source():
    # an agency dateline opening the body: the Fox News page is the AP's story
    articles = articles_of(
        [
            ("a", "The Washington Post", ["NEW ORLEANS (AP) -- " + FACT + "."], 1),
            ("b", "Fox News", ["NEW ORLEANS (AP) -- " + FACT.replace("on Thursday", "Thursday") + "."], 1),
        ]
    )
    claim = next(c for c in find_claims(articles) if "a" in c.articles)
    assert set(claim.articles) == {"a", "b"} and claim.independent_outlets == 1
    # a live blog quoting a paper's paragraph word for word (two sentences in a row): the paper's text
    passage = [
        "Spillcam combines the dread of horror films with the monotony of a silent movie about a building.",
        "You watch a little, and then a little more, and then you can't stop watching as a plume belches upward.",
    ]
    articles = articles_of(
        [("a", "The Washington Post", passage, 1), ("b", "The Guardian", ["Comment below.", *passage], 2)]
    )
    claims = find_claims(articles)
    assert any(set(c.articles) == {"a", "b"} for c in claims)
    assert all(c.independent_outlets == 1 for c in claims)


def test_an_article_naming_an_agency_among_its_makers_is_the_agencys_copy():
    """Fox News pages of AP copy without the dateline ("The Associated Press contributed to this report", a line
    cleaning removes and ``describe`` keeps as a contributor) count for the AP, as pages opening with the AP's
    dateline do (audit round 4: 'AP' and 'foxnews' counted apart)."""
    from storyline.compare.claims import article_credit, source_key
    from storyline.ingest.prepare import prepare_one
    from storyline.ingest.read import RawDocument

    body = (
        "Oil from the ruptured well reached the beaches of Alabama on Friday, officials said.\n"
        "Crews laid more boom along the coast as the slick spread east toward Florida.\n"
        "Residents said the smell of oil hung over the shore for much of the day.\n"
    )
    for trailer, agency in [
        ("The Associated Press contributed to this report.", "Associated Press"),
        ("Stephen Clark and The Associated Press contributed to this report.", "Associated Press"),
        ("Reuters contributed to this report.", "Reuters"),
    ]:
        article = prepare_one(RawDocument(source="fox.txt", content=body + trailer), "x")
        assert article_credit(article) == agency, (trailer, article.extra)
    for own in ["Fox News' Jim Angle contributed to this report.", "Ray Henry contributed to this report."]:
        credit = article_credit(prepare_one(RawDocument(source="fox.txt", content=body + own), "x"))
        assert credit is None or source_key(credit) == "foxnews", (own, credit)
    from storyline.model import Article

    writer = Article(id="w", source="w", text=body, byline="By SHARON THEIMER, Associated Press Writer")
    assert article_credit(writer) == "Associated Press"
    assert source_key("Reuters Legal") == source_key("Reuters")


def test_the_same_fact_needs_the_same_numbers_and_week():
    numbers = made(
        [
            (
                "a",
                "Fox News",
                "Apache agreed on Tuesday to buy BP's Prudhoe Bay and Permian oil fields for $7 billion.",
                1,
            ),
            (
                "b",
                "Reuters",
                "BP agreed to sell its Prudhoe Bay and Permian oil fields to Apache, a rival.",
                1,
            ),
        ]
    )
    assert all(len(c.articles) == 1 for c in find_claims(numbers))  # a figure on one side only: two facts
    rows = [
        (
            "a",
            "Fox News",
            "Attorney General Eric Holder will meet state attorneys general in New Orleans on Tuesday.",
            1,
        ),
        (
            "b",
            "Reuters",
            "Attorney General Eric Holder will meet state attorneys general in New Orleans on Tuesday.",
            29,
        ),
    ]
    assert all(
        len(c.articles) == 1 for c in find_claims(made(rows))
    )  # a meeting a month later is another one
    same_week = [(i, o, t, 1) for i, o, t, _ in rows]
    assert any(len(c.articles) == 2 for c in find_claims(made(same_week)))


def test_a_voice_on_both_sides_is_no_dispute():
    from storyline.compare.claims import different_voices
    from storyline.model import Claim

    def claim(*voices):
        return Claim(
            text="",
            articles=["a"],
            outlets=[],
            independent_outlets=0,
            attributed_to=list(voices),
            contradicts=[],
        )

    assert different_voices(claim("Egypt's Interior Ministry"), claim("protesters"))
    # "the Interior Ministry forbade protests, but some Egyptians went door to door" / "... said no protests
    # will be permitted, but some Egyptians were going door to door": the Egyptians on both sides
    assert not different_voices(claim("Egyptians"), claim("Egypt's Interior Ministry", "Egyptians"))
    assert not different_voices(claim(), claim("protesters"))


def shared_claims(rows, days=None):
    """The article groups of the claims carried by two outlets, with parses (the main clause is read)."""
    from storyline.annotate.nlp import load_nlp

    articles = made(rows)
    docs = list(load_nlp().pipe(a.text for a in articles))
    return [sorted(c.articles) for c in find_claims(articles, [], docs) if c.independent_outlets > 1]


def test_a_claim_rests_on_each_sentences_own_news_not_a_side_clause():
    side = [
        (
            "a",
            "Guardian",
            "She pledged legislation by August to address the causes of the Deepwater Horizon disaster, which "
            "began when a BP oil rig caught fire and sank on 20 April, killing 11 workers.",
            9,
        ),
        (
            "b",
            "Post",
            "The crisis began April 20, when Deepwater Horizon, a drilling rig leased by BP, caught fire and "
            "sank, killing 11 people.",
            9,
        ),
    ]
    assert shared_claims(side) == []  # a relative clause's background is not the sentence's news
    adverbial = [
        (
            "a",
            "Guardian",
            "Chief executive Tony Hayward has admitted that the company was not adequately prepared to fight "
            "the oil leak, as pressure mounted on the company not to pay its annual dividend to shareholders.",
            9,
        ),
        (
            "b",
            "Post",
            "He said the company for the rest of this year will not pay dividends to shareholders.",
            9,
        ),
    ]
    assert shared_claims(adverbial) == []  # an "as ..." adverbial is not the news either
    own = [
        (
            "a",
            "Guardian",
            "Chief executive Tony Hayward said the company will not pay its annual dividend to shareholders "
            "this year, as pressure mounted on the company.",
            9,
        ),
        (
            "b",
            "Post",
            "He said the company for the rest of this year will not pay dividends to shareholders.",
            9,
        ),
    ]
    assert shared_claims(own) == [["a", "b"]]  # the same main event, whatever its side clauses


def test_plans_told_weeks_apart_and_different_days_are_different_facts():
    plans = [
        (
            "a",
            "Guardian",
            "BP engineers will seal the damaged well permanently with cement after the heavy mud.",
            1,
        ),
        (
            "b",
            "Post",
            "After pumping the mud, the engineers of BP would seal the damaged well for good with cement.",
            18,
        ),
    ]
    assert shared_claims(plans) == []  # two plans, seventeen days apart
    assert shared_claims([(i, o, t, 3) for i, o, t, _ in plans]) == [["a", "b"]]  # one plan, told days apart
    days = [
        (
            "a",
            "Fox News",
            "Anadarko said on June 18 that the behaviour of BP before the blowout was reckless.",
            25,
        ),
        (
            "b",
            "Reuters",
            "The conduct of BP before the blowout was reckless, its partner Anadarko said on July 21.",
            25,
        ),
    ]
    assert shared_claims(days) == []
    same_day = [(i, o, t.replace("July 21", "June 18"), d) for i, o, t, d in days]
    assert shared_claims(same_day) == [["a", "b"]]


def test_a_quoted_wording_without_a_verb_is_no_shared_fact():
    from storyline.annotate.nlp import load_nlp

    articles = made(
        [
            (
                "a",
                "Fox News",
                "Well, but the words in the law are gross negligence and willful misconduct.",
                3,
            ),
            (
                "b",
                "Reuters",
                "Anadarko Petroleum, part owner of the gushing well, says BP's behavior before the blowout was "
                '"reckless" and likely represented "gross negligence or willful misconduct".',
                3,
            ),
        ]
    )
    docs = list(load_nlp().pipe(a.text for a in articles))
    assert all(c.independent_outlets < 2 for c in compare(articles, docs).claims)


def test_what_a_reporting_verb_heads_stays_the_sentences_news():
    quoted = [
        ("a", "Fox News", '"Right from the beginning, BP was either lying or grossly incompetent.', 20),
        (
            "b",
            "Reuters",
            '"Right from the beginning, BP was either lying or grossly incompetent," Markey told NBC\'s "Meet the '
            'Press."',
            20,
        ),
    ]
    assert shared_claims(quoted) == [["a", "b"]]
    concerned = [
        (
            "a",
            "Fox News",
            '"I remain concerned that BP is stiffing too many victims and shortchanging others," said the '
            "committee's chairman, John Conyers.",
            18,
        ),
        (
            "b",
            "Reuters",
            '"BP is stiffing too many victims and short-changing others," Representative John Conyers said in a '
            "statement.",
            18,
        ),
    ]
    assert shared_claims(concerned) == [["a", "b"]]


def compared_shared(rows):
    """The article groups of the claims carried by two outlets, as the brief compares them (attributions
    found, so the statements a sentence reports are compared too)."""
    from storyline.annotate.nlp import load_nlp

    articles = made(rows)
    docs = list(load_nlp().pipe(a.text for a in articles))
    return [sorted(c.articles) for c in compare(articles, docs).claims if c.independent_outlets > 1]


def test_an_outlet_carrying_only_a_quote_embedded_in_a_claim_does_not_confirm_it():
    # audit round 8, development, multi_outlet_claim-019: Reuters carries Watson's order, not the
    # administration's word that BP was responding to it
    order = (
        "b",
        "Reuters",
        '"Every effort must be expended to speed up the process," he said.',
        12,
    )
    nested = (
        "a",
        "Fox News",
        "The Obama administration said BP was responding to its order from Friday, in which Coast Guard Rear "
        'Adm. James Watson told the company that "every effort must be expended to speed up" the rate of '
        "containment.",
        14,
    )
    assert compared_shared([nested, order]) == []
    relative = (
        "a",
        "Fox News",
        "Shares of BP fell again on Friday after a week in which Coast Guard Rear Adm. James Watson told the "
        'company that "every effort must be expended to speed up the process".',
        12,
    )
    assert compared_shared([relative, order]) == []
    own = (
        "a",
        "Fox News",
        'Coast Guard Rear Adm. James Watson told the company that "every effort must be expended to speed up the '
        'process".',
        12,
    )
    assert compared_shared([own, order]) == [["a", "b"]]  # the order as the sentence's own news is confirmed


def test_a_claims_articles_are_listed_once_each_in_the_order_the_articles_were_given():
    # the order is looked up per article (not a list's ``index`` per claim, quadratic in the corpus)
    text = "The army pulled 300 soldiers out of Homs on Tuesday, officials said."
    rows = [("z", "Wire", text, 1), ("m", "Paper", text, 1), ("a", "Radio", text, 1), ("q", "Post", text, 1)]
    articles = made(rows)
    twice = f"{text} {text}"  # one article holding the sentence twice is listed once
    articles[1] = Article(
        id="m",
        source="m",
        text=twice,
        outlet="Paper",
        published=articles[1].published,
        sentences=[Sentence(0, len(text)), Sentence(len(text) + 1, len(twice))],
    )
    claims = find_claims(articles)
    shared = next(c for c in claims if len(c.articles) > 1)
    assert shared.articles == ["z", "m", "a", "q"]
    assert len(shared.citations) == 5


def one_sentence_articles(texts, days=None):
    """One BBC article per sentence, published 5 February 2010 plus ``days``."""
    articles = []
    for n, text in enumerate(texts):
        day = datetime(2010, 2, 5 + (days[n] if days else 0))
        articles.append(
            Article(
                id=f"a{n}",
                source=f"a{n}",
                text=text,
                outlet="BBC",
                published=day,
                sentences=[Sentence(0, len(text))],
            )
        )
    return articles


def test_a_forecast_and_the_fact_it_forecasts_are_two_claims():
    articles = one_sentence_articles(
        [
            "Dr Murray's lawyers expect him to be charged with involuntary manslaughter.",
            "Dr Murray is charged with involuntary manslaughter.",
            "Dr Murray has been charged with involuntary manslaughter.",
        ],
        days=[0, 3, 4],
    )
    groups = [sorted(c.articles) for c in find_claims(articles)]
    assert ["a1", "a2"] in groups and ["a0"] in groups


def test_two_forecasts_of_one_deed_stay_one_claim():
    articles = one_sentence_articles(
        [
            "Jackson is expected to be buried in a private ceremony at Forest Lawn cemetery.",
            "Jackson will be buried in a private ceremony at Forest Lawn cemetery.",
        ]
    )
    assert [sorted(c.articles) for c in find_claims(articles)] == [["a0", "a1"]]


def test_a_claim_is_shown_by_the_member_its_members_share_most():
    articles = one_sentence_articles(
        [
            "The singer died at his home on 25 June aged 50 after a cardiac arrest, his family later told reporters.",
            "The singer died at his Los Angeles home on 25 June aged 50.",
            "The singer died at his Los Angeles home on 25 June aged 50 after a cardiac arrest.",
        ]
    )
    (claim,) = find_claims(articles)
    assert claim.text == "The singer died at his Los Angeles home on 25 June aged 50 after a cardiac arrest."


@pytest.mark.parametrize(
    "leaning",
    [
        "They argue that Jackson's poor health contributed to his death.",
        "But the lawyers argue that Jackson's poor health contributed to his death.",
        "\u201cJackson's poor health contributed to his death,\u201d the lawyers argue.",
    ],
)
def test_a_claim_is_not_shown_by_a_member_that_does_not_read_alone(leaning):
    articles = one_sentence_articles(
        [leaning, "Dr Murray's lawyers argue that Jackson's poor health contributed to his death."]
    )
    (claim,) = find_claims(articles)
    assert claim.text.startswith("Dr Murray's lawyers")


def dated_articles(texts_days_outlets):
    """One article per sentence, published on the given days by the given outlets, its time expressions tagged."""
    from storyline.annotate.timex import tag_article

    return [
        tag_article(
            Article(
                id=f"a{n}",
                source=f"a{n}",
                text=text,
                outlet=outlet,
                published=day,
                sentences=[Sentence(0, len(text))],
            )
        )
        for n, (text, day, outlet) in enumerate(texts_days_outlets)
    ]


LANDFALL = "Oil reportedly begins to wash ashore in Louisiana's wetlands."
SHEETS = (
    "Sheets of heavy oil have washed ashore in Louisiana's fragile marshlands and oil debris has also reached "
    "the coasts of Mississippi and Alabama."
)


@pytest.mark.parametrize(
    ("first", "second", "days", "claims"),
    [
        # told by two outlets in other words 73 days apart: the first landfall and a later one, two events
        (LANDFALL, SHEETS, 73, 2),
        # the same words weeks apart stay one claim, and so do other words in the same weeks
        (LANDFALL, SHEETS, 20, 1),
        (
            "Since the spill the agency has been renamed the Bureau of Ocean Energy Management.",
            "Since the BP spill, the agency has been renamed the Bureau of Ocean Energy Management and "
            "Enforcement, and a new director has been appointed.",
            83,
            1,
        ),
        # a day both name ties them to one event, however far apart they were published
        (
            "Oil began to wash ashore in Louisiana's wetlands on April 30.",
            "Sheets of heavy oil washed ashore in Louisiana's fragile marshlands on April 30, and oil debris "
            "has also reached the coasts of Mississippi and Alabama since.",
            73,
            1,
        ),
    ],
)
def test_members_told_in_other_words_months_apart_are_two_claims(first, second, days, claims):
    from datetime import date, timedelta

    from storyline.compare.claims import split_by_figures

    articles = dated_articles(
        [
            (first, date(2010, 5, 23) + timedelta(days=days), "Fox News"),
            (second, date(2010, 5, 23), "Reuters"),
        ]
    )
    units = [(article, 0) for article in articles]
    assert len(split_by_figures([[0, 1]], [first, second], units)) == claims


def test_one_outlets_own_retellings_months_apart_stay_one_claim():
    from datetime import date

    from storyline.compare.claims import split_by_figures

    texts = [
        "Jackson died at his Los Angeles home on 25 June aged 50.",
        "Jackson died while rehearsing for his tour.",
    ]
    articles = dated_articles([(texts[0], date(2010, 2, 5), "BBC"), (texts[1], date(2011, 9, 29), "BBC")])
    assert len(split_by_figures([[0, 1]], texts, [(article, 0) for article in articles])) == 1


def test_would_likely_forecasts_as_will_likely_does():
    articles = one_sentence_articles(
        [
            "It also warns such a disaster would likely recur without stronger rules.",
            "It also warns such a disaster is likely to recur without stronger rules.",
        ]
    )
    assert [sorted(c.articles) for c in find_claims(articles)] == [["a0", "a1"]]
