from storyline.annotate.nlp import annotate, load_nlp
from storyline.model import Article


def test_sentences_are_spans_of_the_cleaned_text_and_lines_end_sentences():
    text = "Assad said no\n\nClinton met Annan in Damascus on Tuesday. Russia vowed to veto it."
    (article,) = annotate([Article(id="a", source="s", text=text)])
    sentences = [article.sentence_text(s) for s in article.sentences]
    assert sentences == [
        "Assad said no",
        "Clinton met Annan in Damascus on Tuesday.",
        "Russia vowed to veto it.",
    ]
    assert [s.index for s in article.sentences] == [0, 1, 2]
    assert [s.paragraph for s in article.sentences] == [0, 1, 1]


def test_entities_carry_offsets_and_labels():
    text = "Hillary Clinton spoke with Sergey Lavrov in Moscow."
    (article,) = annotate([Article(id="a", source="s", text=text)])
    found = {(e.text, e.label) for e in article.entities}
    assert ("Hillary Clinton", "PERSON") in found and ("Moscow", "GPE") in found
    assert all(text[e.start : e.end] == e.text for e in article.entities)


def test_the_genuine_small_english_model_with_every_component():
    nlp = load_nlp()
    assert nlp.meta["name"].startswith("core_web_sm") and nlp.meta["version"] == "3.8.0"
    assert nlp.lang == "en"
    assert {"tok2vec", "tagger", "parser", "ner", "line_breaks"} <= set(nlp.pipe_names)


def test_sample_articles_are_annotated(sample_articles):
    assert len(sample_articles) == 5
    for article in sample_articles:
        assert len(article.sentences) >= 5 and article.entities
        for sentence in article.sentences:
            assert (
                article.text[sentence.start : sentence.end].strip()
                == article.text[sentence.start : sentence.end]
            )
