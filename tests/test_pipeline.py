import json
import re

import pytest

from storyline.errors import InputError
from storyline.ingest.prepare import IdAssigner, content_id, prepare, prepare_one
from storyline.ingest.read import RawDocument, read
from storyline.service.corpus import build_corpus

from .conftest import DATA, SAMPLES

ENGLISH = (
    "The minister said on Monday that the talks with the rebels would go on for as long as it takes. " * 3
)


def test_ids_are_stable_content_hashes_unique_within_a_run():
    assert content_id("a  b\nc") == content_id("a b c")
    ids = IdAssigner()
    assert [ids("same text"), ids("same text"), ids("other")] == [
        content_id("same text"),
        content_id("same text") + "-2",
        content_id("other"),
    ]


def test_build_corpus_keeps_sources_and_annotates_only_when_asked():
    first = build_corpus([str(SAMPLES)], annotate=False).articles
    again = build_corpus([str(SAMPLES)], annotate=False).articles
    assert [a.id for a in first] == [a.id for a in again]
    assert [a.source.rsplit("/", 1)[1][:3] for a in first] == ["000", "001", "002", "003", "004"]
    assert all(a.sentences == [] for a in first)


def test_a_bad_document_is_reported_and_the_batch_goes_on(tmp_path):
    records = [
        {"text": ENGLISH, "title": "Good", "published": "2012-07-12"},
        {
            "text": "Le président a déclaré mardi que les négociations avec les rebelles se poursuivraient "
            "aussi longtemps que nécessaire, selon un communiqué publié par la présidence dans la soirée."
        },
        {"text": ENGLISH, "published": "last Tuesday"},
        {"text": "Share\nComments\nAdvertisement\n"},
        {"text": ENGLISH + " Second article."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    problems = []
    articles = list(prepare(read([str(path)]), problems.append))
    assert [a.source.rsplit(":", 1)[1] for a in articles] == ["1", "5"]
    assert articles[0].title == "Good" and articles[0].published_provenance == "user"
    assert {(p.source.rsplit(":", 1)[1], p.code) for p in problems} == {
        ("2", "not-english"),
        ("3", "bad-date"),
        ("4", "no-text"),
    }
    assert all("\n" not in p.message for p in problems)


def test_other_script_document_is_not_english():
    raw = RawDocument(
        source="x", content="ארצות הברית קוראת לנשיא סוריה להתפטר מתפקידו מיד, אמרו פקידים בכירים בוושינגטון."
    )
    with pytest.raises(InputError) as caught:
        prepare_one(raw, "x")
    assert caught.value.code == "not-english" and "hebrew" in caught.value.message


def test_timeline17_articles_lose_no_story_text():
    """Timeline17 is tokenized story text, one sentence a line, and on CNN's blog pages the readers' comments
    after it ("March 21 , 2011 at 1:32 pm | Reply ..."): cleaning keeps nearly all the text before the first
    comment stamp and cuts the comment threads. (The story-highlight bullets glued before the first line's
    "Place (CNN) --" are not the story either: the reference leaves them out, the place's words aside.)"""
    path = DATA / "timeline17" / "LibyaWar_cnn" / "articles.jsonl"
    problems = []
    articles = list(prepare(read([str(path)]), problems.append))
    comment_stamp = re.compile(r"[A-Z][a-z]+ \d{1,2} , \d{4} at \d{1,2}:\d{2} [ap]m")
    raw_chars = story_chars = 0
    with open(path) as handle:
        for line in handle:
            text = json.loads(line)["text"]
            stamp = comment_stamp.search(text)
            raw_chars += len("".join(text.split()))
            story_chars += len("".join(text[: stamp.start() if stamp else len(text)].split()))
            first_line = text.split("\n", 1)[0]
            dateline = first_line.find("-LRB- CNN -RRB- --")
            bullets = first_line[:dateline].split()[:-4] if dateline > 0 else []  # the last words: its place
            if len(bullets) >= 6:
                story_chars -= len("".join(bullets))
    kept_chars = sum(len("".join(a.text.split())) for a in articles)
    assert len(articles) >= 290
    assert 0.97 < kept_chars / story_chars < 1.03, (kept_chars, story_chars, raw_chars)
    assert kept_chars < 0.7 * raw_chars  # the comment threads (about 40% of the raw text) are gone
    assert all(a.published_provenance == "user" for a in articles)  # the file's `time` field wins
