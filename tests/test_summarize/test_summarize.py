"""The public API: ``storyline.summarize.summarize`` on the real samples."""

import dataclasses

import pytest

from storyline.errors import UsageError
from storyline.summarize import methods, summarize


def words_of(summary):
    return len(summary.text.split())


def test_every_sentence_is_verbatim_and_citations_point_at_its_characters(sample_articles):
    summary = summarize(sample_articles, words=250)
    assert summary.sentences
    by_id = {a.id: a for a in sample_articles}
    for sentence in summary.sentences:
        assert sentence.citations
        first = sentence.citations[0]
        assert by_id[first.article].text[first.start : first.end] == sentence.text
        for citation in sentence.citations:
            article = by_id[citation.article]
            cited = article.sentences[citation.sentence]
            # the sentence, or its part after a dateline ("Washington (CNN) -- ")
            assert cited.start <= citation.start < citation.end == cited.end
            assert citation.source == article.source
            assert citation.outlet == article.outlet
            assert citation.published == article.published


@pytest.mark.parametrize("budget", [25, 60, 120, 250])
def test_word_budget_holds_and_is_used(sample_articles, budget):
    summary = summarize(sample_articles, words=budget)
    assert words_of(summary) <= budget
    # Whole sentences fill most of the budget (the samples have plenty of short sentences).
    assert words_of(summary) >= budget * 0.6


def test_same_input_gives_the_same_summary(sample_articles):
    first = summarize(sample_articles, words=200)
    second = summarize(list(sample_articles), words=200)
    assert dataclasses.asdict(first) == dataclasses.asdict(second)


def test_one_article_cluster(sample_articles):
    article = sample_articles[1]
    summary = summarize([article], words=100)
    assert 0 < words_of(summary) <= 100
    assert {c.article for s in summary.sentences for c in s.citations} == {article.id}
    indices = [s.citations[0].sentence for s in summary.sentences]
    assert indices == sorted(indices)  # one article: the writer's order is kept


def test_identical_articles_give_no_repeated_sentence_and_cite_every_copy(copies_of):
    articles = copies_of(0, 3, outlets=["CNN", "Reuters", "BBC"])
    summary = summarize(articles, words=250)
    texts = [s.text for s in summary.sentences]
    assert texts and len(texts) == len(set(texts))
    for sentence in summary.sentences:
        assert [c.article for c in sentence.citations] == [a.id for a in articles]
        assert sentence.independent_outlets == 3


def test_syndicated_copies_count_as_one_outlet(copies_of):
    articles = copies_of(2, 2, outlets=["Ynet", "Ynet News"])
    articles[1].duplicate_of = articles[0].id
    summary = summarize(articles, words=80)
    assert all(len(s.citations) == 2 and s.independent_outlets == 1 for s in summary.sentences)


def test_near_duplicates_across_outlets_are_said_once(copies_of):
    articles = copies_of(1, 2, outlets=["VOA", "Other"])
    second = articles[1]
    # The second outlet words its first story sentence a little differently.
    sentence = next(s for s in second.sentences if "momentum building" in second.sentence_text(s))
    original = second.sentence_text(sentence)
    reworded = original.replace("The United States says", "Washington says")
    assert reworded != original
    second.text = second.text[: sentence.start] + reworded + second.text[sentence.end :]
    shift = len(reworded) - len(original)
    for later in second.sentences[sentence.index + 1 :]:
        later.start += shift
        later.end += shift
    sentence.end += shift
    summary = summarize(articles, words=250)
    mentions = [s for s in summary.sentences if "momentum building" in s.text]
    assert len(mentions) == 1
    assert {c.article for c in mentions[0].citations} == {a.id for a in articles}


def test_no_captions_bylines_or_page_furniture_even_with_a_large_budget(sample_articles):
    text = summarize(sample_articles, words=3000).text
    for furniture in ("Skip to main content", "Accessibility links", "By Elise Labott", "Hide Caption"):
        assert furniture not in text
    assert "speaks at a press conference during the ASEAN" not in text


@pytest.mark.parametrize("method", methods())
def test_every_method_gives_a_cited_summary_within_budget(sample_articles, method):
    summary = summarize(sample_articles, words=150, method=method)
    assert summary.method == method
    assert 0 < words_of(summary) <= 150
    assert all(s.citations for s in summary.sentences)


def test_bad_method_or_budget_is_a_usage_error(sample_articles):
    with pytest.raises(UsageError, match="unknown summarization method 'nope'"):
        summarize(sample_articles, method="nope")
    with pytest.raises(UsageError, match="at least 1"):
        summarize(sample_articles, words=0)


def test_no_articles_give_an_empty_summary():
    assert summarize([], words=100).sentences == []


def test_unannotated_articles_are_annotated_first(sample_articles):
    from storyline.model import Article

    article = Article(id="plain", source="given", text=sample_articles[1].text, outlet="VOA")
    summary = summarize([article], words=60)
    assert summary.sentences and summary.sentences[0].citations[0].article == "plain"


def test_one_sentence_per_point_a_restatement_in_other_words_is_dropped():
    from storyline.summarize import restatements

    texts = [
        "The army pulled 300 soldiers out of Homs on Tuesday, officials said.",
        "Officials said on Tuesday that the army withdrew 300 troops from Homs.",
        "Oil prices rose sharply in London trading on Monday.",
    ]
    assert restatements(texts) == [1]
    assert restatements([texts[0], texts[2]]) == []


def test_restatements_found_after_the_last_repick_are_left_out_of_that_pick(sample_articles, monkeypatch):
    import storyline.summarize as summarize_module
    from storyline.registry import summarizers

    learned = summarizers.get("learned")
    picks: list[list[str]] = []

    def recording(pool, vectors, words):
        chosen = learned(pool, vectors, words)
        picks.append([pool.candidates[i].text for i in chosen])
        return chosen

    # every second sentence "restates" the one before it, and no pick is left to fill the budget again
    monkeypatch.setattr(summarize_module, "REPICKS", 0)
    monkeypatch.setattr(summarize_module, "restatements", lambda texts: list(range(1, len(texts), 2)))
    pool, chosen = summarize_module.choose_sentences(sample_articles, 150, recording)
    assert len(picks) == 1 and len(picks[0]) >= 3
    # the chosen indices are the returned pool's: the pick's sentences less the restatements
    assert sorted(pool.candidates[i].text for i in chosen) == sorted(picks[0][0::2])


def test_the_samples_summary_has_no_dateline_dangling_pronoun_or_open_quote(sample_articles):
    from storyline.summarize.candidates import DANGLING_OPENER, open_quote, without_dateline

    summary = summarize(sample_articles, words=250)
    for sentence in summary.sentences:
        assert not without_dateline(sentence.text), sentence.text
        assert not DANGLING_OPENER.search(sentence.text), sentence.text
        assert not open_quote(sentence.text), sentence.text
    assert not any(s.text.startswith("Washington (CNN)") for s in summary.sentences)
