"""Who a multi-outlet claim's sources are (issue 13, audit round 4): a page keeps its publisher apart from the
agency it credits, copied text (near-identical sentences, shorter shared passages outside quotations) makes one
source, and the same fact is checked on the main clause."""

import datetime as dt
import json

from storyline.annotate.nlp import load_nlp
from storyline.compare.claims import copy_proof, find_claims, source_key
from storyline.ingest.outlets import outlet_from_text
from storyline.ingest.prepare import prepare_one
from storyline.ingest.read import RawDocument
from storyline.model import Article, Sentence
from storyline.text.patterns import OUTLET_NAMES, OUTLET_SPELLINGS, outlet_key


def page(identifier, publisher, sentences, day=1, outlet=None):
    text, spans = "", []
    for sentence in sentences:
        spans.append(Sentence(len(text), len(text) + len(sentence)))
        text += sentence + "\n"
    return Article(
        id=identifier,
        source=identifier,
        text=text,
        outlet=outlet or publisher,
        publisher=publisher,
        published=dt.date(2010, 5, day),
        sentences=spans,
    )


def shared(claims, ids):
    return next(c for c in claims if set(ids) <= set(c.articles))


def test_a_page_keeps_its_publisher_apart_from_the_agency_its_dateline_credits():
    body = "NEW ORLEANS (AP) -- Crews laid more boom along the coast on Friday as the slick spread east.\n"
    given = prepare_one(RawDocument(source="f.txt", content=body, fields={"outlet": "foxnews"}), "f")
    assert (given.outlet, given.publisher) == ("foxnews", "foxnews")  # the folder's or the field's outlet
    alone = prepare_one(RawDocument(source="a.txt", content=body), "a")
    assert (alone.outlet, alone.publisher) == ("AP", None)  # only the text names a source: who wrote the copy
    hosted = prepare_one(
        RawDocument(source="h.txt", content=body, fields={"url": "https://www.foxnews.com/x"}), "h"
    )
    assert (hosted.outlet, hosted.publisher) == ("Fox News", "Fox News")
    assert Article.from_dict(json.loads(json.dumps(given.to_dict()))).publisher == "foxnews"


def test_the_folder_outlet_of_a_joined_corpus_is_every_pages_publisher(tmp_path):
    from storyline.evaluate.brief import joined_corpus

    for folder, text in [
        (
            "spill_foxnews",
            "NEW ORLEANS (AP) -- Crews laid more boom along the coast on Friday as the slick spread.",
        ),
        (
            "spill_reuters",
            "HOUSTON (Reuters) - BP shares fell on Friday as the company's costs for the spill rose.",
        ),
    ]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "articles.jsonl").write_text(
            json.dumps({"id": "1", "time": "2010-05-01", "text": text}) + "\n"
        )
    corpus = joined_corpus(f"{tmp_path / 'spill_foxnews'}+{tmp_path / 'spill_reuters'}", [])
    assert [(a.outlet, a.publisher) for a in corpus.articles] == [
        ("foxnews", "foxnews"),
        ("reuters", "reuters"),
    ]


def test_independence_is_counted_on_publishers_with_the_credited_agency_joining_its_group():
    fact = "Coast Guard crews set controlled fires on Thursday to burn oil off the surface of the Gulf."
    other = (
        "The Coast Guard burned oil from the Gulf's surface in controlled fires on Thursday, officials said."
    )
    # a Fox News page of AP copy ("(AP)" dateline) and an AP page: one source
    fox = page("f", "foxnews", ["VENICE, La. (AP) -- Officials gave an update.", fact])
    ap = page("a", "AP", ["Officials gave an update on the spill on Thursday in Venice.", other])
    claim = shared(find_claims([fox, ap]), ["f", "a"])
    assert claim.independent_outlets == 1
    # the same page from Reuters instead of AP: two
    reuters = page("r", "reuters", ["Officials gave an update on the spill on Thursday in Venice.", other])
    assert shared(find_claims([fox, reuters]), ["f", "r"]).independent_outlets == 2


def test_near_identical_sentences_and_shorter_shared_passages_prove_a_copy():
    # near-identical (audit round 4: "how or why" / "how and why"), shorter than the old 12-word rule needed
    assert copy_proof(
        "But they don't know exactly how or why the gas escaped.",
        "But they don't know exactly how and why the gas escaped.",
    )
    # a shared passage of ten words word for word, outside quotations
    assert copy_proof(
        "Thad Allen announced that a newly expanded containment system is capturing or incinerating more oil.",
        "Off the coast, a newly expanded containment system is capturing or incinerating more oil, officials said.",
    )
    # the same quotation in two reports is no copy, nor first-person speech, nor a stock phrase of a few words
    assert not copy_proof(
        'Obama said: "We will make BP pay for the damage their company has caused," in the speech.',
        '"We will make BP pay for the damage their company has caused," the president told the nation.',
    )
    assert not copy_proof(
        "I've been sitting here watching that NASA image grow, and it grows.",
        "I've been sitting here watching that NASA image grow and it grows.",
    )
    assert not copy_proof(
        "The spill is the worst oil spill in U.S. history, the government says.",
        "BP has been blamed for the worst oil spill in U.S. history by lawmakers.",
    )


def test_an_uncredited_page_sharing_wire_wording_with_another_publisher_is_one_source():
    fox = page("f", "foxnews", ["But they don't know exactly how or why the gas escaped from the well."], 2)
    ap = page("a", "AP", ["But they don't know exactly how and why the gas escaped from the well."], 1)
    assert shared(find_claims([fox, ap]), ["f", "a"]).independent_outlets == 1
    # told in other words by each: two sources
    own = page(
        "o",
        "reuters",
        ["Investigators still cannot say how or why gas escaped from the well, officials say."],
    )
    claims = find_claims([fox, own])
    assert all(c.independent_outlets == 2 for c in claims if {"f", "o"} <= set(c.articles))


def test_the_same_fact_is_checked_on_the_main_clause():
    """Audit round 4: "could eclipse" / "has already eclipsed", and "BP operated the rig, which was owned by
    Transocean" / "the rig was owned and operated by Transocean" were each one claim of two outlets."""
    rows = [
        (
            "a",
            "AP",
            "The spill could eclipse the Exxon Valdez disaster, when a tanker spilled 11 million gallons.",
        ),
        (
            "b",
            "reuters",
            "The spill has already eclipsed the Exxon Valdez disaster, when a tanker spilled 11 million gallons.",
        ),
        ("c", "AP", "BP operated the rig, which was owned by Transocean Ltd."),
        ("d", "reuters", "The rig was owned and operated by Transocean Ltd."),
        ("e", "guardian", "BP operated the rig that was owned by Transocean Ltd."),
        ("f", "washingtonpost", "The rig was operated by BP and owned by Transocean Ltd."),
    ]
    articles = [page(i, o, [t]) for i, o, t in rows]
    docs = list(load_nlp().pipe(a.text for a in articles))
    together = [sorted(c.articles) for c in find_claims(articles, [], docs) if c.independent_outlets > 1]
    assert not any({"a", "b"} <= set(ids) for ids in together)
    assert not any({"c", "d"} <= set(ids) or {"d", "e"} <= set(ids) for ids in together)
    assert any({"e", "f"} <= set(ids) for ids in together)  # the same doer and deed in other words: one fact


def test_one_outlet_list_with_its_spellings():
    assert outlet_key("Associated Press") == outlet_key("AP") == outlet_key("The Associated Press")
    assert outlet_key("Reuters Legal") == outlet_key("reuters") == source_key("Reuters")
    assert outlet_key("Fox News") == outlet_key("foxnews") == outlet_key("fox")
    assert outlet_key("The Washington Post") == outlet_key("washingtonpost")
    assert outlet_key("BBC") != outlet_key("CNN")
    names = {outlet_key(n) for n in OUTLET_NAMES}
    assert {outlet_key(spelling) for spelling in OUTLET_SPELLINGS} <= names


def test_a_byline_fragment_is_never_an_outlet():
    """Audit round 4 (held out): "Professor Cole's" counted as an outlet."""
    notice = "This piece originally appeared on Professor Cole's blog, Informed Comment."
    assert outlet_from_text([notice], []).name == "Informed Comment"
    assert outlet_from_text(["This piece originally appeared on Professor Cole's blog."], []) is None
    assert outlet_from_text(["This article first appeared on Dr. Smith's website."], []) is None
    assert outlet_from_text(["This article originally appeared in The Atlantic."], []).name == "The Atlantic"


def test_a_quotation_given_to_another_outlet_is_that_outlets_reporting():
    """Audit round 4: a Fox News page relays the words BP's spokesman gave Reuters ("told Reuters" in the
    sentence before the quotation)."""
    quote = '"We have always said we would deal with whatever volume of oil was being spilled.'
    fox = page(
        "f",
        "foxnews",
        [
            "BP spokesman Toby Odone on Sunday told Reuters that the company had not underestimated the spill.",
            quote,
        ],
        2,
    )
    reuters = page("r", "reuters", ["Odone spoke on Sunday in London.", quote], 1)
    assert shared(find_claims([fox, reuters]), ["f", "r"]).independent_outlets == 1
    # the same words spoken to each, or quoted without saying to whom: two reports of one statement
    said = page(
        "s", "foxnews", ["BP spokesman Toby Odone spoke to reporters on Sunday in Houston.", quote], 2
    )
    assert shared(find_claims([said, reuters]), ["s", "r"]).independent_outlets == 2


def test_an_outlet_read_from_the_text_has_the_name_of_the_list():
    """A Fox News folder read alone showed "AP" and "Associated Press" as two outlets of its claims."""
    assert (
        outlet_from_text(
            ["Associated Press Writer Harry Weber contributed."], ["By HARRY WEBER, Associated Press Writer"]
        ).name
        == "AP"
    )
    assert outlet_from_text(["NEW ORLEANS (Associated Press) -- Crews laid boom on Friday."], []).name == "AP"
    assert outlet_from_text(["NEW ORLEANS (AP) -- Crews laid boom on Friday."], []).name == "AP"
    assert outlet_from_text(["CAIRO (Reuters) - Protesters gathered on Friday."], []).name == "Reuters"
