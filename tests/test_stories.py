import datetime as dt
import functools
import json
from dataclasses import replace

import pytest

from storyline.corpus.stories import (
    StoryClusterer,
    StoryInput,
    StorySettings,
    TermStats,
    cluster,
    final_stories,
    label_of,
    name_terms,
    story_input,
    time_order,
)

from .conftest import DATA

T17 = DATA / "timeline17"


def timeline17_inputs(topic: str, limit: int) -> list[StoryInput]:
    """The first ``limit`` non-empty articles of a Timeline17 topic, as clustering inputs."""
    items = []
    with open(T17 / topic / "articles.jsonl", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            record = json.loads(line)
            if record["text"].strip():
                items.append(
                    StoryInput(
                        f"{topic}:{number}", dt.date.fromisoformat(record["time"]), name_terms(record["text"])
                    )
                )
            if len(items) == limit:
                break
    return items


def test_names_of_a_sample_are_its_people_and_places(samples_by_file):
    names = name_terms(samples_by_file["001"].text)
    top = list(names)[:10]
    assert {"Assad", "Damascus", "Clinton"} <= set(top)
    lowered = {n.lower() for n in names}
    assert not lowered & {"the", "he", "july", "monday", "said"}


def test_stories_of_different_events_stay_apart_and_each_holds_together():
    bp = timeline17_inputs("bpoil_bbc", 40)
    egypt = timeline17_inputs("EgyptianProtest_cnn", 40)
    flu = timeline17_inputs("H1N1_bbc", 40)
    assigned = dict(cluster(time_order(bp + egypt + flu)))
    for group in (bp, egypt, flu):
        stories = [assigned[i.article_id] for i in group]
        largest = max(stories.count(s) for s in set(stories))
        assert largest >= 0.7 * len(group)
    bp_main = max(set(assigned[i.article_id] for i in bp), key=[assigned[i.article_id] for i in bp].count)
    assert all(assigned[i.article_id] != bp_main for i in egypt + flu)


def test_clustering_is_online_earlier_assignments_never_change():
    items = time_order(timeline17_inputs("LibyaWar_cnn", 60) + timeline17_inputs("MJ_bbc", 30))
    prefix = dict(cluster(items[:50]))
    engine = StoryClusterer()
    whole = dict(cluster(items, engine))
    # The id an article was given then is the one given in the longer run (later merges aside:
    # the old id then resolves to the story it was merged into).
    assert all(whole[k] == v for k, v in prefix.items())
    final = final_stories(items)
    assert all(final[k] == engine.resolve(v) for k, v in prefix.items())
    assert dict(cluster(items)) == whole  # deterministic


def test_story_ids_name_the_article_that_opened_the_story():
    items = time_order(timeline17_inputs("bpoil_guardian", 20))
    assigned = list(cluster(items))
    first_article, first_story = assigned[0]
    assert first_story == f"s-{first_article}"
    founders = {story[2:] for _, story in assigned}
    assert founders <= {article for article, _ in assigned}


def test_a_copy_joins_its_originals_story_without_moving_it():
    items = time_order(timeline17_inputs("H1N1_guardian", 10))
    clusterer = StoryClusterer()
    assigned = dict(cluster(items, clusterer))
    target = assigned[items[3].article_id]
    centroid_before = dict(clusterer.active[target].centroid)
    documents_before = clusterer.stats.documents
    copied = StoryInput(
        "copy", items[3].published, {"Completely": 3, "Unrelated": 2}, duplicate_of=items[3].article_id
    )
    assert clusterer.assign(copied) == target
    assert clusterer.active[target].centroid == centroid_before
    assert clusterer.stats.documents == documents_before


def test_a_story_quiet_past_its_horizon_is_dropped_and_not_joined():
    settings = StorySettings()
    items = timeline17_inputs("bpoil_reuters", 10)
    clusterer = StoryClusterer(settings)
    first = clusterer.assign(items[0])
    later = items[0].published + dt.timedelta(days=int(settings.horizon_days) + 2)
    revived = StoryInput("later", later, dict(items[0].terms))
    assert clusterer.assign(revived) != first
    assert first not in clusterer.active
    assert [s.id for s in clusterer.take_changed()].count(first) == 1  # retired with its changes, once


def test_undated_articles_are_placed_at_the_streams_latest_date():
    items = time_order(timeline17_inputs("LibyaWar_reuters", 8))
    latest = items[-1]
    undated = StoryInput("undated", None, dict(latest.terms))
    ordered = time_order([undated, *items])
    assert ordered[-1].article_id == "undated"
    clusterer = StoryClusterer()
    assigned = dict(cluster(ordered, clusterer))
    assert assigned["undated"] == assigned[latest.article_id]
    assert clusterer.active[assigned["undated"]].end == latest.published


def test_term_stats_round_trip_through_bytes():
    stats = TermStats.empty(1 << 12)
    stats.documents = 7
    stats.frequencies[[3, 9, 4000]] = [1, 5, 2]
    restored = TermStats.from_bytes(stats.documents, stats.to_bytes())
    assert restored.documents == 7 and (restored.frequencies == stats.frequencies).all()


def test_label_puts_names_before_the_title_and_stays_on_one_line():
    label = label_of(
        "US demands\noil spill costs clarification from BP", "", ["BP", "Gulf", "Hayward", "Obama"]
    )
    assert label == "BP, Gulf, Hayward: US demands oil spill costs clarification from BP"
    long = label_of(None, "word " * 100, [])
    assert "\n" not in long and len(long) <= 110


def test_story_input_reads_an_articles_names_and_marks(samples_by_file):
    article = samples_by_file["002"]
    item = story_input(article)
    assert item.article_id == article.id and item.published == article.published
    assert item.terms == name_terms(article.text)


@functools.lru_cache(maxsize=2)
def gate_inputs(stories, every=1):
    from storyline.corpus.copies import mark_duplicates
    from storyline.evaluate.stories import read_corpus

    corpus = read_corpus(T17, every=every, stories=stories)
    gold = {item.article.id: item.gold for item in corpus}
    articles = mark_duplicates(sorted((i.article for i in corpus), key=lambda a: a.published or dt.date.min))
    return time_order(story_input(a) for a in articles), gold


def gate_run(stories, every=1, settings=None):
    from storyline.evaluate.stories import run_stream

    inputs, gold = gate_inputs(stories, every)
    result, _ = run_stream(inputs, gold, settings or StorySettings())
    return result


@pytest.mark.gate
def test_gate_stories_of_timeline17_egypt_libya_h1n1():
    from storyline.evaluate.stories import FOLDS

    result = gate_run(FOLDS[1])
    # Egypt and Libya overlap in time and share names. Measured: B-cubed P 0.980, R 0.944, F1 0.962,
    # ARI 0.939; 3 stories of 5+ articles for 3.
    assert result["f1"] >= 0.94
    assert result["precision"] >= 0.96
    assert result["ari"] >= 0.90
    assert result["stories_5_plus"] <= 2 * result["gold_count"]
    # The story's core kept Libya out of Egypt's story at this join threshold while CNN's pages carried their
    # readers' comment threads (about 40% of LibyaWar_cnn's text, shared talk of the whole region): without the
    # core, P 0.68, one story of 1,038 articles. Since the threads are cut in cleaning (ninth session) the two
    # stay apart without the core too (P 0.98), so that comparison no longer tests the core here: the core's
    # own test is ``test_a_new_story_borrowing_an_old_ones_names_does_not_take_it_over`` below.


@pytest.mark.gate
def test_gate_stories_of_timeline17_oil_finance_jackson_every_second():
    """Michael Jackson's story runs from June 2009 to November 2011 with months of quiet: the merge
    pass keeps it whole. Every second article of each folder, to stay fast."""
    from storyline.evaluate.stories import FOLDS

    result = gate_run(FOLDS[0], every=2)
    # Measured: B-cubed P 0.998, R 0.938, F1 0.967, ARI 0.965; 4 stories of 5+ articles for 3.
    assert result["f1"] >= 0.94
    assert result["precision"] >= 0.98
    assert result["stories_5_plus"] <= 2 * result["gold_count"]


def test_a_new_story_borrowing_an_old_ones_names_does_not_take_it_over():
    """Egypt's story (40 articles), then round-ups of the region's protests that rightly join it
    (Egypt, Tunisia, Libya), then Libya's own articles, which share names with the round-ups only:
    close to the story's profile by now, far from its core (the profile it had at 32 articles), so
    they open their own story. Without a core, they join Egypt's."""
    start = dt.date(2011, 1, 25)
    egypt = [
        StoryInput(
            f"egypt-{n}",
            start + dt.timedelta(days=n // 2),
            {"Egypt": 3, "Mubarak": 3, "Cairo": 2, "Tahrir": 1},
        )
        for n in range(40)
    ]
    roundups = [
        StoryInput(
            f"roundup-{n}",
            start + dt.timedelta(days=20),
            {"Egypt": 2, "Tunisia": 2, "Libya": 2, "Mubarak": 1},
        )
        for n in range(10)
    ]
    libya = [
        StoryInput(
            f"libya-{n}", start + dt.timedelta(days=21 + n // 3), {"Libya": 3, "Gadhafi": 3, "Benghazi": 2}
        )
        for n in range(20)
    ]
    items = time_order(egypt + roundups + libya + background(30, start, 40))
    for core, apart in ((32, True), (0, False)):
        final = final_stories(items, StoryClusterer(StorySettings(core_size=core)))
        assert {final[i.article_id] for i in egypt + roundups} == {"s-egypt-0"}
        libya_stories = {final[i.article_id] for i in libya}
        assert ("s-egypt-0" not in libya_stories) is apart
        if apart:
            assert libya_stories == {"s-libya-0"}


# --- merges: a story that comes back after months of quiet, under drifting names -----------------

SYLLABLES = "ka lo mi ren ta vo si pel dun gar ho zu bri nel tor".split()


def made_up_name(number: int) -> str:
    first, second, third = number % 15, (number // 15) % 15, (number // 225) % 15
    return (SYLLABLES[first] + SYLLABLES[second] + SYLLABLES[third]).capitalize()


def background(count: int, start: dt.date, days: int) -> list[StoryInput]:
    """Articles about unrelated one-off events (names of their own), spread over ``days``."""
    return [
        StoryInput(
            f"other-{n}",
            start + dt.timedelta(days=(n * days) // count),
            {made_up_name(3 * n + 1000): 3, made_up_name(3 * n + 1001): 2, made_up_name(3 * n + 1002): 1},
        )
        for n in range(count)
    ]


def returning_story(start: dt.date, quiet_days: int) -> tuple[list[StoryInput], list[StoryInput]]:
    """Ten articles, months of quiet, then ten more: some names kept, new ones appearing."""
    early = [
        StoryInput(
            f"mj-{n}",
            start + dt.timedelta(days=n),
            {"Jackson": 4, "Murray": 2, "Neverland": 2, "Katherine": 1, "Jermaine": 1},
        )
        for n in range(10)
    ]
    back = start + dt.timedelta(days=10 + quiet_days)
    # The return opens under new names (too far from the old profile for even a lone article to go
    # back), then the old names come back.
    late = [
        StoryInput(
            f"mj-late-{n}",
            back + dt.timedelta(days=n),
            {"Walgren": 3, "Chernoff": 3, "Jackson": 1}
            if n < 3
            else {"Jackson": 4, "Murray": 3, "Neverland": 1, "Walgren": 2, "Chernoff": 2, "Katherine": 1},
        )
        for n in range(10)
    ]
    return early, late


def test_a_story_back_after_months_of_quiet_is_merged_into_its_old_id():
    start = dt.date(2010, 1, 1)
    early, late = returning_story(start, quiet_days=200)
    items = time_order(early + late + background(60, start, 240))
    settings = StorySettings(merge_threshold=0.4)
    clusterer = StoryClusterer(settings)
    given = dict(cluster(items, clusterer))
    old = given["mj-0"]
    assert old == "s-mj-0"
    reopened = given["mj-late-0"]
    assert reopened != old  # the old story was past its horizon: the return opened a new one ...
    merges = clusterer.take_merges()
    assert [(absorbed, survivor) for absorbed, survivor, _, _ in merges] == [(reopened, old)]
    # ... merged back into the old id, which every id given on the way resolves to.
    assert {clusterer.resolve(given[i.article_id]) for i in early + late} == {old}
    assert old in clusterer.active and clusterer.active[old].size == 20
    # Without merging, the story stays in two pieces.
    apart = final_stories(items, StoryClusterer(StorySettings(merge_threshold=2.0)))
    assert len({apart[i.article_id] for i in early + late}) == 2


def test_a_lone_article_back_after_months_joins_its_old_story_only_when_close():
    start = dt.date(2010, 1, 1)
    early, _ = returning_story(start, quiet_days=0)
    back = start + dt.timedelta(days=200)
    stranger = StoryInput("stranger", back, {"Jackson": 2, "Mississippi": 3, "Barbour": 2})
    returning = StoryInput("back", back + dt.timedelta(days=1), {"Jackson": 3, "Murray": 2, "AEG": 2})
    items = time_order(early + background(40, start, 200))
    settings = StorySettings(merge_threshold=0.3)
    clusterer = StoryClusterer(settings)
    list(cluster(items, clusterer))
    assert clusterer.active["s-mj-0"].dormant
    # A leader's name in common is not enough ...
    other = StoryClusterer(settings)
    list(cluster(items, other))
    assert other.assign(stranger) == "s-stranger"
    # ... past the horizon no join can reach the old story; the merge test, as a story of one, can.
    assert clusterer.assign(returning) == "s-mj-0"
    assert clusterer.take_merges() == [] and clusterer.active["s-mj-0"].size == 11
    assert not clusterer.active["s-mj-0"].dormant
    # Without merging, the lone article opens a story of its own.
    apart = StoryClusterer(StorySettings(merge_threshold=2.0))
    list(cluster(items, apart))
    assert apart.assign(returning) == "s-back"


def test_an_undated_article_is_held_to_the_merge_bar():
    """Without a date no time discount helps tell concurrent stories apart: an undated article
    joins only a story whose profile is as close as a merge asks."""
    settings = StorySettings(threshold=0.025, merge_threshold=0.3)
    others = [StoryInput(i.article_id, None, i.terms) for i in background(40, dt.date(2010, 1, 1), 1)]
    one = [StoryInput(f"one-{n}", None, {"Jackson": 3, "Neverland": 3, "Murray": 2}) for n in range(3)]
    near = StoryInput("near", None, {"Jackson": 2, "Mississippi": 3, "Barbour": 2, "Haley": 1})
    assert dict(cluster([*others, *one, near], StoryClusterer(settings)))["near"] == "s-near"
    dated = [StoryInput(i.article_id, dt.date(2010, 1, 1), i.terms) for i in (*others, *one, near)]
    # Dated on the same day, the low join threshold lets the one shared name carry it.
    assert dict(cluster(dated, StoryClusterer(settings)))["near"] == "s-one-0"


def test_stories_sharing_one_name_are_not_merged():
    """A leader's or a country's name in common is not enough: different names around it."""
    start = dt.date(2010, 1, 1)
    first = [
        StoryInput(f"a-{n}", start + dt.timedelta(days=n), {"Jackson": 2, "Neverland": 3, "Jermaine": 2})
        for n in range(10)
    ]
    second = [
        StoryInput(
            f"b-{n}", start + dt.timedelta(days=n, hours=1), {"Jackson": 2, "Mississippi": 3, "Barbour": 2}
        )
        for n in range(10)
    ]
    items = time_order(first + second + background(40, start, 20))
    for merge in (0.3, 0.4, 0.5):
        clusterer = StoryClusterer(StorySettings(merge_threshold=merge, threshold=0.2))
        final = final_stories(items, clusterer)
        assert {final[i.article_id] for i in first}.isdisjoint({final[i.article_id] for i in second})


def test_the_merge_threshold_is_chosen_above_the_closest_two_different_stories_came():
    from storyline.evaluate.stories import MERGE_MARGIN, MERGES, Watched, merge_threshold_for

    start = dt.date(2010, 1, 1)
    first = [
        StoryInput(f"a-{n}", start + dt.timedelta(days=n), {"Jackson": 2, "Neverland": 3, "Jermaine": 2})
        for n in range(10)
    ]
    second = [
        StoryInput(f"b-{n}", start + dt.timedelta(days=n), {"Jackson": 2, "Mississippi": 3, "Barbour": 2})
        for n in range(10)
    ]
    others = background(40, start, 20)
    items = time_order(first + second + others)
    gold = {i.article_id: i.article_id.split("-")[0] for i in items}
    settings = StorySettings(threshold=0.2)
    watched = Watched(replace(settings, merge_threshold=min(MERGES)), gold)
    for item in items:
        watched.assign(item)
    assert 0 < watched.closest_other < 0.5  # the two stories share a name, so they were compared
    chosen = merge_threshold_for(items, gold, settings)
    assert chosen in MERGES and chosen >= MERGE_MARGIN * watched.closest_other
    # Two gold stories told in the same names, months apart, cannot be kept apart by any merge
    # threshold of the grid: never merge.
    again = [
        StoryInput(f"c-{n}", start + dt.timedelta(days=200 + n), dict(first[0].terms)) for n in range(10)
    ]
    items = time_order(first + again + background(40, start, 220))
    twins = {i.article_id: i.article_id.split("-")[0] for i in items}
    assert merge_threshold_for(items, twins, settings) == 2.0


def test_a_dormant_story_is_kept_in_bounded_memory():
    start = dt.date(2010, 1, 1)
    settings = StorySettings(merge_threshold=0.4, dormant_size=5, dormant_limit=1, dormant_terms=3)
    clusterer = StoryClusterer(settings)
    early, _ = returning_story(start, quiet_days=0)
    other = [
        StoryInput(f"o-{n}", start + dt.timedelta(days=20 + n), {"Gulf": 3, "Hayward": 2, "Louisiana": 1})
        for n in range(6)
    ]
    list(cluster(time_order(early + other + background(30, start, 40)), clusterer))
    later = start + dt.timedelta(days=400)
    clusterer.assign(StoryInput("late", later, {"Nothing": 1, "Shared": 1}))
    dormant = [s for s in clusterer.active.values() if s.dormant]
    assert len(dormant) == 1 and dormant[0].id == "s-o-0"  # the latest quiet one is kept
    assert len(dormant[0].centroid) <= 3
