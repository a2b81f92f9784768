"""``text.patterns``: the openers and datelines the cleaner, the summary and the timeline share, in one place."""

import re

from storyline.ingest import clean, describe
from storyline.summarize import candidates, story
from storyline.text import patterns
from storyline.timeline import build
from storyline.who import entities


def test_each_stage_reads_the_one_pattern():
    assert clean.DATELINE is patterns.DATELINE
    assert candidates.DATELINE is patterns.DATELINE
    assert candidates.DANGLING_OPENER is patterns.DANGLING_OPENER
    assert story.POINTING_BACK is patterns.POINTING_BACK
    assert build.LEANING_START is patterns.LEANING_START
    assert build.DATELINE is patterns.LEAD_DEBRIS
    # one byline reading and one caption reading, whichever stage reads them
    assert clean.BYLINE is patterns.BYLINE and describe.BYLINE is patterns.BYLINE
    assert candidates.BYLINE is patterns.BYLINE
    assert clean.GLUED_BYLINE is patterns.GLUED_BYLINE and build.GLUED_BYLINE is patterns.GLUED_BYLINE
    assert clean.CAPTION_SCENE is patterns.CAPTION_SCENE
    assert candidates.caption_sentence is patterns.caption_sentence is build.caption_sentence
    # one reading of a scene told in the present up to its day, for the story summary's refusal and every sentence's
    assert (
        story.told_in_the_present is patterns.told_in_the_present
        and story.TOLD_OR_TO_COME is patterns.TOLD_OR_TO_COME
    )


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
    for text in (
        "And that was that.",
        "These measures were dropped.",
        "That's all.",
        "Yet the rebels held.",
        # a time counted from a moment the sentence does not give
        "Five days later, the rig exploded.",
        "The next day, the Fitch Ratings service downgraded AIG's credit rating.",
        "A few hours later Medvedev weighed in.",
        "Later that day, Obama was asked how confident he was.",
        # its day given, the moment it counts from is not: later than what? (bpoil_foxnews's summary read as an
        # analyst, issue 13)
        "Five days later, on April 20, the well blew out, causing the worst offshore oil spill in U.S. history.",
    ):
        assert patterns.POINTING_BACK.search(text), text
    for text in (
        "This week the talks resumed.",
        "Those who fled were safe.",
        "Andrew Lansley said so.",
        "This Is It tickets sold out.",
        "An earlier report from Nile TV said 1,000 prisoners escaped.",
        "Two days after the explosion, the rig sank.",
        "Later, the company said the well was capped.",
    ):
        assert not patterns.POINTING_BACK.search(text), text
    assert patterns.LEANING_START.match('"We will win," he said.')
    assert not patterns.LEANING_START.match("Weather delayed the flights.")


def test_a_connective_or_a_demonstrative_after_a_preposition_points_back():
    # issue 13 item 6: no opener leaning on what the summary does not say (the story summaries of the Timeline17
    # topics said these)
    for text in (
        "Meanwhile, Coast Guard Commandant Thad Allen retired Tuesday.",
        "In that interview, the president compared the BP oil spill to 9/11.",
        "However, many suffered from underlying medical conditions.",
        "At the same time, the company cut its dividend.",
        "Also on Tuesday, U.S. Attorney General Eric Holder will meet with federal prosecutors.",
        "Since then, no one has been able to stop the flow of oil into the clear waters.",
        "During that meeting, Clinton stressed that a broad cross-section of actors should take part.",
        "By that estimate, BP would owe more than $6.2 trillion in fines.",
        "Or the well may be capped.",
    ):
        assert patterns.POINTING_BACK.search(text), text
    for text in (
        # "Now that ..." says when; a title with "Then-"; "In addition to ..." names what it adds to
        "Now that the well has been capped, the next question is whether the marshes recover.",
        "Then-President George W. Bush signed the bill.",
        "In addition to the no-fly zone, the U.N. resolution authorizes governments to freeze assets.",
        "In this week's vote, the House passed the bill.",
        "For those who fled, the border was closed.",
        "In Cairo, protesters gathered.",
        "Stillwater flooded.",
        "Thereafter the rig sank.",
    ):
        assert not patterns.POINTING_BACK.search(text), text
    # one list of connectives: a pronoun after any of them dangles
    assert patterns.DANGLING_OPENER.search("Meanwhile, he said the talks had failed.")
    assert patterns.DANGLING_OPENER.search("At the same time, they cut the dividend.")


def test_the_next_of_an_untold_sequence_points_back():
    # H1N1_bbc's summary said the first: next after what? (a column's "Next came the recession ...")
    for text in (
        "Now comes swine flu and people fearing for their lives.",
        "Next came the recession and people being in genuine fear for their jobs.",
        "Here comes the snow, Oklahoma City tonight.",
    ):
        assert patterns.POINTING_BACK.search(text), text
    for text in (
        "Now that the well has been capped, the next question is whether the marshes recover.",
        "Now, 38 days after the blowout, BP will try to plug the well.",
        "Next week the committee comes back to the bill.",
        "Comet Hale-Bopp came close to Earth in 1997.",
    ):
        assert not patterns.POINTING_BACK.search(text), text


def test_not_news_is_page_furniture_only():
    from storyline.text.patterns import NOT_NEWS

    for text in (
        "Update: Reuters has updated their story.",
        "(UPDATE 3:15 a.m. Thursday in Cairo, 8:15 p.m. ET Wednesday)",
        "— Alyssa Milano (@Alyssa_Milano) December 16, 2017",
        # a reader's letter on the paper's page (Finan_washingtonpost's timeline gave the first as an entry)
        "Regarding the Sept. 17 front-page article on the government bailout of American International Group (AIG), "
        "which was published a day after the op-ed column, it seems to me that the market is not really free.",
        "Your article is nothing but a red herring to cover for Obama.",
        "In response to your editorial of Oct. 2, the bailout is a mistake.",
        # a live Q&A's announcement (the paper's chat pages in Finan_washingtonpost and bpoil_washingtonpost)
        'Alex Blumberg of "Planet Money" was online Wednesday, Oct. 15 at 11 a.m. ET to offer some "Crisis 101" '
        "explanations about the current state of the economy and takes your questions.",
        "Motley Fool analyst Tim Hanson will be online Thursday, Oct. 16 at noon ET to take your questions.",
        "Washington Post staff writers Jill Drew and Ellen Nakashima were online Wednesday, Oct. 15 at 1 p.m. ET to "
        "answer questions about their story.",
    ):
        assert NOT_NEWS.search(text), text
    for text in (
        "Officials updated the death toll to 15 on Friday.",
        "At 12:46 pm on Monday, the rig exploded, the company said.",
        "He wrote to the minister on 10 June 2010 asking for help.",
        "Updates to the software were released on Tuesday.",
        "In response to the report, Transocean said the company's workers were well trained.",
        "Regarding the cementing, the report cited several possible reasons it may have failed.",
        "Your viewpoint is yours, but do not report it as a fact.",
        "Only about a quarter of the Egyptian populace is online, el-Amrani estimated.",
        "The bank's website was online again by 9 a.m. ET, to the relief of its customers.",
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


def test_one_byline_reading_alone_and_glued():
    """A byline alone gives its writers' names (no outlet, no date after them); glued before the story's first words it
    ends at the outlet's credit: CNN's with the writer's title, the BBC's with the writer's role and place; "By" and
    a day is a sentence."""
    for line, names in (
        ("By John D. Sutter, CNN", "John D. Sutter"),
        ("By Ivan Watson and Jomana Karadsheh, CNN", "Ivan Watson and Jomana Karadsheh"),
        ("By Peter Bowes BBC News, Los Angeles", "Peter Bowes"),
        ("By Dan Primack February 2, 2011: 2:24 PM ET", "Dan Primack"),
        ("By Ezra Klein | May 27, 2009; 10:04 AM ET", "Ezra Klein"),
        ("BY JOHN SMITH", "JOHN SMITH"),
    ):
        match = patterns.BYLINE.match(line)
        assert match is not None and match.group("names") == names, line
    for sentence in (
        "By Monday, the protesters had gone home.",
        "By the way, Anderson, it is loud.",
        "By EgyptLove",
    ):
        assert patterns.BYLINE.match(sentence) is None, sentence
    for text, byline in (
        ("By Peter Bowes BBC News, Los Angeles The high profile trial ...", "By Peter Bowes BBC News, Los Angeles"),
        ("By David Willis BBC News, Los Angeles Michael Jackson died ...", "By David Willis BBC News, Los Angeles"),
        ("By Finlo Rohrer BBC News, Washington Everything so far ...", "By Finlo Rohrer BBC News, Washington"),
        ("By Katia Moskvitch Science reporter, BBC News, Lake Baikal The subs ...", "By Katia Moskvitch Science reporter, BBC News, Lake Baikal"),
        ("By Julian Miglierini BBC News, Campeche, Mexico The Ixtoc well ...", "By Julian Miglierini BBC News, Campeche, Mexico"),
        ("By Pallab Ghosh Science correspondent, BBC News A study ...", "By Pallab Ghosh Science correspondent, BBC News"),
        ("By Pam Benson, CNN National Security Producer Khamis Gadhafi ...", "By Pam Benson, CNN National Security Producer"),
        ("By Stephan Richter -- Special to CNN Seemingly all the major ...", "By Stephan Richter -- Special to CNN"),
    ):  # fmt: skip
        match = patterns.GLUED_BYLINE.match(text)
        assert match is not None and match.group("byline") == byline, text
    # no outlet's credit: where the byline ends is not known, so nothing is cut
    assert patterns.GLUED_BYLINE.match("By Andrew Cohen The Atlantic Murray will be sentenced ...") is None


def test_caption_parts_a_line_and_a_sentence():
    """A line of a page is a caption by a wire photo's opening or a credit at its end; a sentence by any part, the
    loose labels too, which would take a paragraph of prose a scraper glued a credit to."""
    for line in (
        "FILE - In this June 1, 2010 file photo, workers collect oil that washed ashore.",
        "In this June 24, 2010 file photo, oil workers listen to Louisiana Gov. Bobby Jindal.",
        "May 10: Boats work with containment boom on the shoreline of Grand Isle, La. (AP)",
        "Rice (L) with Clinton (Photo: MCT)",
        "Lavrov meets Clinton in Geneva / AP",
    ):
        assert clean.is_caption(line), line
    for prose in (
        "Photograph: Dave Martin When BP's chief executive, Tony Hayward, said in May that the spill was tiny, he was pilloried.",
        "Image has become more and more important for government officials.",
        "An image he captured shows a minder pointing his finger at Abdallah.",
    ):  # fmt: skip
        assert not clean.is_caption(prose), prose
        assert patterns.caption_sentence(prose), prose  # as a sentence, a caption's label
    for sentence in (
        "In this image made from video released by BP, equipment is seen on the live feed from the oil rig June 1.",
        "This September 18, 2010 BP video frame grab shows a remote operating vehicle working at the well.",
        "Protesters march in Cairo (Reuters)",
    ):
        assert patterns.caption_sentence(sentence), sentence
    assert not patterns.caption_sentence("Reuters reported that the protests spread to Alexandria on Friday.")


def test_the_forms_of_the_verbs_of_saying():
    """The base, third-person and past forms of the shared verbs of saying, irregular ones too, and nothing else."""
    forms = re.compile(rf"(?:{patterns.SAYING_FORMS})")
    for (
        word
    ) in "say says said told tells wrote admitted admits replied replies stresses stressed tweeted".split():
        assert forms.fullmatch(word), word
    for word in "saying sayed telled ran walked".split():
        assert not forms.fullmatch(word), word


def test_the_summary_and_the_timeline_read_a_saying_in_the_forms_of_the_one_list():
    """The unnamed body speaker (``summarize.story``) and the timeline's speech before a past perfect and after a
    headline's label read one pattern, made from ``words.COMMON_SAYING_VERBS``: every third-person and past form
    of its verbs, no base form (a noun after "the": "the government report")."""
    forms = re.compile(rf"(?:{patterns.COMMON_SAYING_FORMS})")
    for (
        word
    ) in "says said tells told adds added denies denied writes wrote quotes quoted acknowledged".split():
        assert forms.fullmatch(word), word
    for word in "say report deny quote agreed ordered".split():
        assert not forms.fullmatch(word), word
    # Timeline17 sentences the written lists missed (their verbs were not among the forms each module listed)
    for sentence in ("The company denied the accusation.", "The government estimates 1.5 million to 2.5 million "
                     "gallons are leaking every day.", "Many are concerned, the paper reports."):  # fmt: skip
        assert story.UNNAMED_BODY_SPEAKER.search(sentence), sentence
    assert not story.UNNAMED_BODY_SPEAKER.search("The government report had been circulating for weeks.")
    assert not build.headline_line("Mark in New Jersey writes: Of course not, Jack.")
    assert not build.headline_line("CNN's Fred Pleitgen tweeted: Illegal checkpoints popping up in Cairo.")
    assert build.headline_line("Swine flu: pandemic threat alert raised")
    assert not build.background("Algeria denied it had allowed Gaddafi's family to enter the country.")
    assert not build.background(
        "Dr Allan Metzger testified that Jackson had requested anaesthetics from him."
    )
    assert build.background("The talks had been scheduled for Monday.")


def test_one_clock_and_one_list_of_time_zones():
    """A stamp's clock and zone are read by one pattern and one list: the timeline's live stamps (a dotted time with
    "am" or "pm" too, no figure in brackets), the lead's debris, and the words no name has (``who.entities``)."""
    for stamp in (
        "2.01 pm: ",
        "7:33 p.m. ET, 2:33 a.m. local: ",
        "(7:03 p.m. Monday ET, 1:03 a.m. Tuesday in Libya) ",
    ):
        assert build.glued_start(stamp + "A quick recap before we get going.") == len(stamp), stamp
    for figure in ("(1.25 miles) ", "(0.08 EUR) "):
        assert build.glued_start(figure + "into the city of Dafniya on the west side.") == 0, figure
    assert patterns.LEAD_DEBRIS.search("ET) Egyptians on Saturday cleared the square.")
    assert patterns.LEAD_DEBRIS.search("The strike was logged at 04:10 UTC.")
    assert entities.CLOCK_WORD.pattern == patterns.CLOCK
    assert {"ET", "UTC", "GMT", "BST"} <= set(patterns.TIME_ZONES)


def test_a_wire_photos_scene_told_up_to_its_whole_day_is_a_caption_sentence():
    """Finan_washingtonpost's timeline gave "A broker sits in front of the German stock index DAX display board ... on
    Wednesday, Oct. 15, 2008." as the 15 October entry: a wire photo's caption, whose day is written whole (weekday to
    year) at its end. Prose that names such a day tells it in the past, the perfect or the future, or says who said it."""
    for caption in (
        "A broker sits in front of the German stock index DAX display board at the stock exchange in Frankfurt, "
        "central Germany, on Wednesday, Oct. 15, 2008.",
        "Pedestrians walk beside an electric stock market board in Tokyo Thursday, Oct. 16, 2008.",
        "BP PLC Chief Executive Bob Dudley speaks at a press conference at their headquarters in London, Tuesday, "
        "Nov. 2, 2010.",
        # bpoil_reuters' 27 May entry: a Reuters picture's scene, its day set off by a comma, no weekday
        "An oil sheen is seen on the water at the site of the Deepwater Horizon oil spill in the Gulf of Mexico off "
        "the coast of Louisiana, May 27 2010.",
        "Secretary-General Ban Ki-moon attends a news conference in Brasilia, June 17, 2011.",
    ):
        assert patterns.caption_sentence(caption), caption
    for prose in (
        "The bill was signed on Friday, Oct. 3, 2008.",
        "Voters go to the polls on Tuesday, Nov. 4, 2008, officials said.",
        "I would appreciate a response to these questions by Friday July 2, 2010.",
        "The vote will take place on Tuesday, Nov. 4, 2008.",
        '"We are ready," he said on Monday, Oct. 13, 2008.',
        "Pedestrians walk beside an electric stock market board in Tokyo on Thursday.",
        "Obama visits the Gulf Coast again on May 28, 2010.",
        "The hearing is set for Thursday, June 17, 2010.",
    ):
        assert not patterns.caption_sentence(prose), prose


def test_a_sentence_that_names_its_photo_at_its_end_is_a_caption_sentence():
    """bpoil_foxnews's 22 April 2010 entry was "Debris and oil ... float in the Gulf of Mexico after the rig sank, off
    Louisiana April 22, 2010, in this handout photograph.": a caption that names its photo at its end. A sentence that
    only speaks of a photo or a picture is prose."""
    for caption in (
        "Debris and oil from the Deepwater Horizon drilling platform float in the Gulf of Mexico after the rig sank, "
        "off Louisiana April 22, 2010, in this handout photograph.",
        "Gadhafi shakes the hand of a visitor in Tripoli in this image from Libya TV.",
        "Jets fly at the Lavex 2009 Airshow at the Mitiga air base near Tripoli in this undated photograph.",
    ):
        assert patterns.caption_sentence(caption), caption
    for prose in (
        "Nothing in this photograph of the well suggests a second leak, BP said on Tuesday.",
        "He said there was nothing wrong in this picture of the economy.",
        "What is missing in this image is any sign of the rebels.",
    ):
        assert not patterns.caption_sentence(prose), prose
