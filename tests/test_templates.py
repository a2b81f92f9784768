from collections import Counter

from storyline.corpus.copies import mark_duplicates
from storyline.corpus.templates import (
    WORD,
    TemplateStats,
    remove_templates,
    sentences_of,
    shingle_keys,
    strip_templates,
)
from storyline.ingest.prepare import prepare
from storyline.ingest.read import read
from storyline.model import Article

from .conftest import DATA

WIDGET = "BACK {current} of {total} NEXT The pun - ancient artform, or the lowest form of wit?"
PITCH = "Get Wonkbook delivered to your inbox every morning."


def story(i: int, extra: str = "") -> Article:
    body = f"Talks on the ceasefire resumed for the {i}th time in Geneva on day {i}.\n\nOfficials met {i} rebels."
    return Article(id=f"a{i}", source=f"s{i}", text=f"{body}\n\n{extra}" if extra else body)


def test_a_line_recurring_across_different_articles_is_cut_with_its_reason():
    articles = [story(i, WIDGET) for i in range(6)]
    remove_templates(articles)
    for article in articles:
        assert WIDGET not in article.text
        assert "Talks on the ceasefire resumed" in article.text
        assert [(r.text, r.reason) for r in article.removed] == [(WIDGET, "template")]


def test_below_the_threshold_nothing_is_cut():
    articles = [story(i, WIDGET) for i in range(4)] + [story(i) for i in range(4, 8)]
    remove_templates(articles)
    assert all(not a.removed for a in articles)
    assert sum(WIDGET in a.text for a in articles) == 4


def test_syndicated_copies_count_once_and_keep_their_text():
    wire = "A car bomb killed twelve people outside the ministry in Damascus on Tuesday, officials said."
    articles = [
        Article(id=f"c{i}", source=f"c{i}", text=wire + "\n\nThe attack was the worst this year.")
        for i in range(8)
    ]
    mark_duplicates(articles)
    assert sum(a.duplicate_of is not None for a in articles) == 7
    stats = remove_templates(articles)
    assert stats.bodies == 1
    assert all(a.text.startswith(wire) and not a.removed for a in articles)


def test_a_template_sentence_inside_a_paragraph_goes_and_the_rest_stays():
    stats = TemplateStats()
    stats.counts.update({"get wonkbook delivered to your inbox every morning": 9})
    text, removed = strip_templates(f"Rates rose again on Monday. {PITCH} Markets fell.", stats)
    assert text == "Rates rose again on Monday. Markets fell."
    assert [r.text for r in removed] == [PITCH]
    assert sentences_of("Mr. Smith went to Washington. He met the U.S. envoy.") == [
        "Mr. Smith went to Washington.",
        "He met the U.S. envoy.",
    ]


def test_a_store_judges_a_new_article_by_the_statistics_so_far():
    seen = TemplateStats().update(story(i, PITCH) for i in range(5))
    saved = TemplateStats.from_dict(seen.to_dict())
    assert saved.bodies == 5 and saved.is_template(PITCH)
    assert saved.shingles == Counter({k: n for k, n in seen.shingles.items() if n >= 2}) != Counter()
    newcomer = story(99, PITCH)
    remove_templates([newcomer], saved)
    assert PITCH not in newcomer.text and newcomer.removed[-1].reason == "template"
    assert saved.bodies == 6


BOX = (
    "HOW THE FUNNEL WORKS The funnel is a tall iron box weighing ninety tonnes It will be placed over the "
    "leak far down on the seabed"
)


CREWS = ["divers", "engineers", "pilots", "welders", "sailors"]


def glued(i: int, before: str, after: str) -> Article:
    return Article(
        id=f"g{i}", source=f"g{i}", text=f"The {CREWS[i]} worked for the {i}th day.\n{before}{BOX}{after}"
    )


def test_a_box_glued_into_a_line_is_cut_and_the_sentences_around_it_stay():
    articles = [
        glued(i, f"The ship sailed on day {i}. ", f" {CREWS[i].title()} said it went well.") for i in range(5)
    ]
    remove_templates(articles)
    assert (
        articles[0].text
        == "The divers worked for the 0th day.\nThe ship sailed on day 0. Divers said it went well."
    )
    assert [(r.text, r.reason) for r in articles[0].removed] == [(BOX, "template")]


def test_a_recurring_run_is_kept_inside_a_quote_mid_sentence_or_before_a_name_going_on():
    cases = {
        "in a quote": ('He said: "', ' and that is all," on day {i}.'),
        "mid-sentence": ("On day {i} officials said ", " as planned."),
        "a name going on": ("", " Plc on day {i}; workers are safe."),
        "too few bodies": None,
    }
    for name, parts in cases.items():
        if parts is None:
            articles = [glued(i, "", " The company said it went well.") for i in range(4)]
        else:
            before, after = parts
            articles = [glued(i, before.format(i=i), after.format(i=i)) for i in range(5)]
        remove_templates(articles)
        assert all(BOX in a.text and not a.removed for a in articles), name


def test_annotated_articles_are_left_alone():
    from storyline.model import Sentence

    articles = [story(i, WIDGET) for i in range(6)]
    articles[0].sentences = [Sentence(0, 10)]
    remove_templates(articles)
    assert WIDGET in articles[0].text and WIDGET not in articles[1].text


def test_on_a_timeline17_topic_comment_widgets_go_and_the_story_stays():
    problems = []
    articles = list(
        prepare(read([str(DATA / "timeline17" / "H1N1_bbc" / "articles.jsonl")]), problems.append)
    )
    mark_duplicates(articles)
    before = sum(len(a.text) for a in articles)
    stats = remove_templates(articles)
    cut = [r.text for a in articles for r in a.removed if r.reason == "template"]
    assert "Your comments may be published on any BBC media worldwide." in cut
    assert not any("Your comments may be published" in a.text for a in articles)

    # every cut line recurs in at least five different articles (or is a box glued into one), and little of
    # the text goes
    def recurs(line: str) -> bool:
        keys = shingle_keys(WORD.findall(line.lower()))
        return stats.is_template(line) or bool(keys) and all(stats.shingles[k] >= 5 for k in keys)

    assert all(recurs(line) for line in cut)
    assert sum(len(a.text) for a in articles) > 0.95 * before
