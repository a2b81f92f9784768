import json

from storyline.ingest.clean import clean_text
from storyline.ingest.detokenize import detokenize, detokenized, looks_tokenized

from .conftest import DATA, SAMPLES

T17 = DATA / "timeline17"


def first_articles(topic: str, count: int) -> list[str]:
    with (T17 / topic / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for _, line in zip(range(count), handle)]


def test_ptb_tokens_come_back_as_written():
    text = (
        "They heard that he was `` delegating power '' to Vice President Omar Suleiman -LRB- CNN -RRB- -- "
        "Mubarak 's words wo n't work ; the demonstrators ' weekly schedule , he said .\n"
        "BACK -LCB- current -RCB- of -LCB- total -RCB- NEXT The cost was $ 5 billion , or 3 % .\n"
        "Officials in the U.S. .\n"
        "` I ca n't go , ' he said ."
    )
    assert detokenize(text).split("\n") == [
        'They heard that he was "delegating power" to Vice President Omar Suleiman (CNN) -- '
        "Mubarak's words won't work; the demonstrators' weekly schedule, he said.",
        "BACK {current} of {total} NEXT The cost was $5 billion, or 3%.",
        "Officials in the U.S.",
        "'I can't go,' he said.",
    ]


def test_straight_quote_tokens_open_and_close_in_turn():
    assert detokenize('He said " we will go " and " stay " .') == 'He said "we will go" and "stay".'


def test_timeline17_articles_are_found_tokenized_and_ordinary_text_is_not():
    articles = first_articles("EgyptianProtest_cnn", 30)
    assert sum(looks_tokenized(t) for t in articles) >= 28
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not looks_tokenized(text), path.name
        assert detokenized(text) == (text, False)
    # French typography spaces ; : ? ! but never , or .
    assert not looks_tokenized("Il a dit : « Non ! » Pourquoi ? Parce que, dit-il, c'est ainsi.")


def test_detokenizing_keeps_the_lines_and_the_words():
    from nltk.tokenize import TreebankWordTokenizer

    tokenizer = TreebankWordTokenizer()
    same = total = 0
    for text in first_articles("H1N1_guardian", 20):
        restored = detokenize(text)
        assert restored.count("\n") == text.count("\n")
        for original, line in zip(text.split("\n"), restored.split("\n")):
            if not original.strip():
                continue
            total += 1
            again = " ".join(tokenizer.tokenize(line, convert_parentheses=True))
            same += again.replace('"', "''") == " ".join(original.split()).replace('"', "''")
    # tokenizing the detokenized line again gives back the corpus's tokens on almost every line
    assert total > 200 and same / total >= 0.9


def test_the_cleaner_reads_tokenized_text_as_plain_text():
    cleaned = clean_text(first_articles("EgyptianProtest_cnn", 1)[0])
    assert cleaned.metadata["detokenized"] is True
    assert "-LRB-" not in cleaned.text and "``" not in cleaned.text and " 's" not in cleaned.text
    assert "Hosni Mubarak's speech Thursday, February 10." in cleaned.text
    assert 'he was "delegating power" to Vice President' in cleaned.text
    plain = clean_text("The minister said, in a statement, that talks would resume. Nobody else spoke.")
    assert plain.metadata["detokenized"] is False


def test_a_quote_written_with_two_closing_marks_opens_and_closes():
    line = "was taken to hospital with '' flu-like symptoms '' today , '' he said ."
    assert detokenize(line) == 'was taken to hospital with "flu-like symptoms" today," he said.'


def test_treebank_escapes_of_slash_and_star_are_undone():
    assert detokenize(r"The A\/H1N1 virus spread 24\/7 , officials said .") == (
        "The A/H1N1 virus spread 24/7, officials said."
    )
    assert detokenize(r"Rated \*\*\* by critics .") == "Rated *** by critics."
    assert detokenize(r"a path C:\\temp stays .") == r"a path C:\\temp stays."
