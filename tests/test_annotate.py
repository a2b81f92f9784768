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


def test_a_long_text_is_parsed_in_pieces_cut_at_line_ends_and_joined_exactly(monkeypatch):
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, SENT_START, TAG

    from storyline.annotate import nlp as module

    paragraphs = [
        f"Officials in Geneva said on Monday that talks number {i} would resume. "
        f"BP chief executive Tony Hayward visited the Gulf of Mexico on {day}."
        for i, day in enumerate(["Tuesday", "May 3", "Friday", "June 1", "Sunday"] * 4)
    ]
    text = "\n\n".join(paragraphs)
    monkeypatch.setattr(module, "PIECE_CHARS", 400)
    monkeypatch.setattr(module, "BATCH_CHARS", 400)
    parts = module.pieces(text)
    assert len(parts) > 5 and "".join(parts) == text and all(len(p) <= 400 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])  # cut where a line ends
    batches = list(module.bounded_batches(module.split_texts([(text, None), ("short", None)]), 8))
    assert all(sum(len(p) for p, _, _ in batch) <= 400 for batch in batches)
    article = Article(id="a", source="s", text=text)
    ((_, doc),) = list(module.annotate_docs([article]))
    assert doc.text == text
    (fallback,) = module.parse_articles([article])  # a stage's own parse goes the same way
    assert fallback.to_array([TAG, DEP, HEAD]).tolist() == doc.to_array([TAG, DEP, HEAD]).tolist()
    whole = module.load_nlp()(text)
    attrs = [TAG, POS, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]
    differing = (whole.to_array(attrs) != doc.to_array(attrs)).any(axis=1)
    assert len(doc) == len(whole) and differing.sum() <= 0.05 * len(doc)
    # the cuts are at line ends, which end sentences anyway: the same sentences, and the article's
    # sentences are spans of its text as before
    assert [t.i for t in whole if t.is_sent_start] == [t.i for t in doc if t.is_sent_start]
    assert [article.sentence_text(s) for s in article.sentences][:2] == [
        "Officials in Geneva said on Monday that talks number 0 would resume.",
        "BP chief executive Tony Hayward visited the Gulf of Mexico on Tuesday.",
    ]


def test_a_title_abbreviation_before_a_name_ends_no_sentence():
    # LibyaWar_cnn: the parser cut "Cmdr." from "Danny Hernandez", and the quote's speaker became a bare title
    text = (
        "The Harriers `` conducted strikes against Gadhafi 's ground forces , '' said Navy spokesman Cmdr. "
        "Danny Hernandez . NATO spokesman Brig. Gen. Rob Weighill told reporters . Staff Sgt. Patrick Zeigler "
        "testified . The fleet was led by Adm. James Stavridis .\nRep.\nJohn Boehner spoke ."
    )
    (article,) = annotate([Article(id="a", source="s", text=text)])
    sentences = [article.sentence_text(s) for s in article.sentences]
    assert sentences[0].endswith("said Navy spokesman Cmdr. Danny Hernandez .")
    assert "NATO spokesman Brig. Gen. Rob Weighill told reporters ." in sentences
    assert "Staff Sgt. Patrick Zeigler testified ." in sentences
    assert "The fleet was led by Adm. James Stavridis ." in sentences
    assert sentences[-2:] == ["Rep.", "John Boehner spoke ."]  # a line break still ends a sentence


def test_marking_line_breaks_costs_time_in_proportion_to_the_text():
    # It ran once per offset over the whole text (``doc.text`` joins every token anew): an article of a few
    # thousand lines cost seconds, quadratic in its length.
    import time

    import spacy

    from storyline.annotate.nlp import mark_line_breaks

    tokenizer = spacy.blank("en")

    def cpu(lines: int) -> float:
        doc = tokenizer.make_doc("The minister said the well was sealed.\n" * lines)
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            mark_line_breaks(doc)
            best = min(best, time.process_time() - started)
        assert all(doc[i].is_sent_start for i in range(9, len(doc), 9))  # each line's first token starts one
        return best

    short, long = cpu(60), cpu(480)  # eight times the text: linear ~8x, quadratic ~64x
    assert long < 20 * max(short, 1e-3)
