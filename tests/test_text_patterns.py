"""``text.patterns``: the openers and datelines the cleaner, the summary and the timeline share, in one place."""

from storyline.ingest import clean
from storyline.summarize import candidates, story
from storyline.text import patterns
from storyline.timeline import build


def test_each_stage_reads_the_one_pattern():
    assert clean.DATELINE is patterns.DATELINE
    assert candidates.DATELINE is patterns.DATELINE
    assert candidates.DANGLING_OPENER is patterns.DANGLING_OPENER
    assert story.POINTING_BACK is patterns.POINTING_BACK
    assert build.LEANING_START is patterns.LEANING_START
    assert build.DATELINE is patterns.LEAD_DEBRIS


def test_datelines():
    for text, dateline in (
        ("CAIRO (Reuters) - Egypt's army said on Sunday ...", "CAIRO (Reuters) - "),
        ("PHNOM PENH — Clinton arrived on Wednesday.", "PHNOM PENH — "),
        ("Washington (CNN) -- The president said ...", "Washington (CNN) -- "),
        ("Cairo, Egypt (CNN) -- Thousands marched on Friday.", "Cairo, Egypt (CNN) -- "),
    ):
        match = patterns.DATELINE.match(text)
        assert match is not None and match.group(0) == dateline, text
    for text in (
        "The Egyptian army (which had stayed neutral) - so far - waited.",
        "Mr Mubarak - who ruled for 30 years",
    ):
        assert patterns.DATELINE.match(text) is None, text
    assert patterns.LEAD_DEBRIS.search("TRIPOLI | Tue Mar 1, 2011 6:36 pm EST TRIPOLI (Reuters) - Rebels ...")
    assert not patterns.LEAD_DEBRIS.search("Rebels took the town on Tuesday.")


def test_openers_that_lean_on_the_sentence_before():
    for text in (
        "It said the talks had failed.",
        "But they stayed.",
        "And, he added, it is over.",
        "Their talks failed.",
    ):
        assert patterns.DANGLING_OPENER.search(text), text
    for text in ("Italy said the talks had failed.", "Theirs-and-ours was the slogan.", "Hezbollah said no."):
        assert not patterns.DANGLING_OPENER.search(text), text
    for text in ("And that was that.", "These measures were dropped.", "That's all.", "Yet the rebels held."):
        assert patterns.POINTING_BACK.search(text), text
    for text in (
        "This week the talks resumed.",
        "Those who fled were safe.",
        "Andrew Lansley said so.",
        "This Is It tickets sold out.",
    ):
        assert not patterns.POINTING_BACK.search(text), text
    assert patterns.LEANING_START.match('"We will win," he said.')
    assert not patterns.LEANING_START.match("Weather delayed the flights.")


def test_not_news_is_page_furniture_only():
    from storyline.text.patterns import NOT_NEWS

    for text in (
        "Update: Reuters has updated their story.",
        "(UPDATE 3:15 a.m. Thursday in Cairo, 8:15 p.m. ET Wednesday)",
        "— Alyssa Milano (@Alyssa_Milano) December 16, 2017",
    ):
        assert NOT_NEWS.search(text), text
    for text in (
        "Officials updated the death toll to 15 on Friday.",
        "At 12:46 pm on Monday, the rig exploded, the company said.",
        "He wrote to the minister on 10 June 2010 asking for help.",
        "Updates to the software were released on Tuesday.",
    ):
        assert not NOT_NEWS.search(text), text


def test_comment_headers_and_stamps_are_found_and_ordinary_dates_are_not():
    from storyline.text.patterns import COMMENT_HEADER

    for text in (
        "At 12:46 pm on 10 Jun 2010, TonyP wrote: BP should pay for every barrel.",
        "At 10:14 am on 28 May 2010, pzero wrote:",
        "February 2, 2011 at 6:31 pm |",
        "Who will be in power? C'mon people ... February 10, 2011 at 8:53 pm | Report abuse | Reply I think so.",
        "March 21, 2011 at 2:20 pm | Reply Is it just?",
        "Really poor judgement Posted by: kirk | September 19, 2008 11:00 AM | Report abuse Trust me.",
    ):
        assert COMMENT_HEADER.search(text), text
    for text in (
        "At 12:46 pm on Monday, the rig exploded, the company said.",
        "He wrote to the minister on 10 June 2010 asking for help.",
        "On February 2, 2011 at 6:31 pm the crowd surged into the square.",
        "The meeting ended on March 21, 2011, at 2:20 pm, officials said.",
    ):
        assert not COMMENT_HEADER.search(text), text
