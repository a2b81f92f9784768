import pytest

from storyline.annotate.nlp import annotate_docs
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article
from storyline.who.attribution import Region, find_attributions, quotation_regions

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def samples():
    pairs = list(annotate_docs(prepare(read([str(SAMPLES)]), on_problem=print)))
    articles = [a for a, _ in pairs]
    docs = [d for _, d in pairs]
    attributions = find_attributions(articles, docs)
    return articles, attributions


def said_by(attributions, name):
    return [a for a in attributions if a.speaker_entity and name in a.speaker_entity]


def article_of(articles, prefix):
    return next(a for a in articles if a.source.rsplit("/", 1)[-1].startswith(prefix))


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Clinton", "hymn book"),
        ("Clinton", "economy is in shambles"),
        ("Erdogan", "We have done our best on Libya"),
        ("Kerry", "I'm not going to decide that tonight"),
        ("Vietor", "Assad’s fall is inevitable"),
        ("Churkin", "much better understanding"),
        ("Rice", "one of the more difficult issues"),
    ],
)
def test_quotes_are_attributed_to_their_speakers(samples, name, words):
    _articles, attributions = samples
    contents = [" ".join(a.content.split()) for a in said_by(attributions, name)]
    wanted = words.replace("'", "\u2019") if "I'm" in words else words
    assert any(words in c or wanted in c for c in contents), contents


def test_offsets_point_into_the_cleaned_text(samples):
    articles, attributions = samples
    by_id = {a.id: a for a in articles}
    assert attributions
    for attribution in attributions:
        text = by_id[attribution.article].text
        assert text[attribution.start : attribution.end] == attribution.content
        if attribution.speaker is not None:
            assert text[attribution.speaker_start : attribution.speaker_end] == attribution.speaker
        if attribution.cue is not None:
            assert text[attribution.cue_start : attribution.cue_end] == attribution.cue


def test_senior_officials_stay_anonymous(samples):
    articles, attributions = samples
    cnn = article_of(articles, "000")
    officials = [a for a in of(cnn, attributions) if a.speaker and "official" in a.speaker.lower()]
    assert officials
    for attribution in officials:
        assert attribution.anonymous, attribution
        assert attribution.speaker_entity is None, attribution


def test_pronoun_speaker_resolves_to_the_person_named_before(samples):
    articles, attributions = samples
    cnn = article_of(articles, "000")
    she = [a for a in of(cnn, attributions) if a.speaker == "She"]
    assert she and all(a.speaker_entity and "Clinton" in a.speaker_entity for a in she)


def test_rice_pronoun_follow_up_is_hers(samples):
    articles, attributions = samples
    ynet = article_of(articles, "002")
    tough = [a for a in of(ynet, attributions) if "tough issues" in a.content]
    assert tough and tough[0].speaker_entity and "Rice" in tough[0].speaker_entity


def test_direct_and_reported_speech_are_told_apart(samples):
    articles, attributions = samples
    free_beacon = article_of(articles, "003")
    reported = [a for a in of(free_beacon, attributions) if a.content.startswith("that Russia would try")]
    assert reported and not reported[0].direct and reported[0].speaker == "Kerry"
    quoted = [a for a in of(free_beacon, attributions) if "going to decide that tonight" in a.content]
    assert quoted and quoted[0].direct


def test_unclosed_quote_ends_at_its_line():
    text = 'He said "this never closes.\nShe said "the second quote is fine," and left.'
    regions = quotation_regions(text)
    assert regions[0] == Region(8, text.index("\n"), closed=False)
    assert text[regions[1].start : regions[1].end] == '"the second quote is fine,"'


def test_missing_closing_mark_does_not_swallow_later_quotes():
    text = (
        "Smith said \u201cthe plan will fail and everyone knows it.\n\n"
        "\u201cWe will not back down,\u201d Jones said on Monday.\n\n"
        "\u201cThis is the end of the road for the plan,\u201d Brown told reporters."
    )
    article = Article(id="a", source="test", text=text)
    found = find_attributions([article])
    speakers = {a.speaker for a in found}
    assert {"Jones", "Brown"} <= speakers
    jones = next(a for a in found if a.speaker == "Jones")
    assert jones.content == "\u201cWe will not back down,\u201d" and jones.direct


def test_caption_glued_to_text_keeps_the_quote():
    text = (
        "Senator Jane Doe speaks in Paris, May 3, 2012.PARIS \u2014 \u201cWe are ready to act now,\u201d "
        "Doe said on Thursday, adding that talks would continue."
    )
    found = find_attributions([Article(id="b", source="test", text=text)])
    quote = [a for a in found if "ready to act" in a.content]
    assert quote and quote[0].speaker == "Doe" and quote[0].direct


def test_according_to_names_the_source():
    text = "The talks collapsed on Friday, according to a senior diplomat in Geneva."
    found = find_attributions([Article(id="c", source="test", text=text)])
    assert found and found[0].cue == "according to"
    assert found[0].speaker.startswith("a senior diplomat") and found[0].anonymous
    assert found[0].content.startswith("The talks collapsed")


def test_attributions_belong_to_their_articles_which_are_left_unwritten(samples):
    articles, attributions = samples
    ids = {a.id for a in articles}
    assert all(a.article in ids for a in attributions)
    assert sum(len(of(a, attributions)) for a in articles) == len(attributions)
    assert not any(a.attributions for a in articles)  # a stage returns its result, it writes no article


def of(article, attributions):
    return [a for a in attributions if a.article == article.id]


def test_dateline_is_not_the_speaker():
    text = "WASHINGTON \u2013 The Obama administration estimates that the regime may fall soon."
    found = find_attributions([Article(id="d", source="test", text=text)])
    assert found and found[0].speaker == "The Obama administration"
