import pytest

from storyline.evaluate.ecbplus import (
    document_text,
    evaluate,
    find_processed,
    load_mentions,
    load_sentences,
)

from .conftest import DATA

ECBPLUS = DATA / "ecbplus"


def test_processed_files_are_found_from_the_dataset_folder():
    assert find_processed(ECBPLUS).name == "processed_barhom2019"


def test_document_text_keeps_token_offsets():
    text, offsets = document_text({0: ["Hugh", "Jackman", "hosts", "."], 3: ["He", "sings"]})
    assert text == "Hugh Jackman hosts .\nHe sings\n"
    start, end = offsets[(0, 1)]
    assert text[start:end] == "Jackman"
    start, end = offsets[(3, 0)]
    assert text[start:end] == "He"


def test_gold_mentions_point_at_their_tokens():
    root = find_processed(ECBPLUS)
    sentences = load_sentences(root / "ECB_Dev_corpus.txt")
    mentions = load_mentions(root / "ECB_Dev_Entity_gold_mentions.json")
    assert len(mentions) == 1476
    for mention in mentions[:200]:
        words = [sentences[mention.doc_id][mention.sentence][t] for t in mention.tokens]
        assert " ".join(words).replace(" ", "") == mention.text.replace(" ", "")


@pytest.mark.gate
def test_gate_ecbplus_dev_topics_beat_the_head_lemma_baseline():
    """Dev topics 2, 5, 12: measured CoNLL F1 0.743 against the same-head-lemma baseline's 0.722."""
    result = evaluate(ECBPLUS, "dev", topics=["2", "5", "12"])
    assert result["mentions"] > 400
    ours, baseline = result["storyline"]["conll_f1"], result["same_head_lemma"]["conll_f1"]
    assert ours >= 0.72
    assert ours >= baseline + 0.01
