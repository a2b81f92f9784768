import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest.clean import clean_text, glued_on_lines_of_their_own, repair_glued_sentences
from storyline.ingest.prepare import clean
from storyline.ingest.read import RawDocument

from .conftest import SAMPLES


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def cleaned_sample(prefix: str):
    return clean(RawDocument(source=prefix, content=sample(prefix)))


# Lines of each sample that are page furniture, not story: none may survive cleaning.
BOILERPLATE = {
    "000": [
        "Skip to main content",
        "Syrian President Bashar al-Assad has faced international pressure to end a crackdown",
        "NEW: The U.S. will call for Syria's president to step down",
        "Opposition disputes Syrian president on crackdown",
        "Syria claims end to operations",
        "Global pressure on Syria grows",
        "Conflicting reports on Syria crackdown",
        "Syrian child caught in crossfire",
        "Jordan, Turkey join calls for Syria to end violence",
        "Part of complete coverage on",
        "Interactive map: Arab unrest",
        "Send your videos, stories to iReport",
        "head to CNN Arabic",
        "By Elise Labott",
    ],
    "001": [
        "Accessibility links",
        "Breaking News",
        "speaks at a press conference during the ASEAN",
    ],
    "002": [
        "Pro-Assad rally",
        "Photo: EPA",
        "Related articles:",
        "(Photo: MCT)",
        "Reuters contributed to the report",
        "new comment",
        "This will delete your current comment",
        "פרסום ראשון",
        "צילום",
    ],
    "003": ["ADVERTISEMENT", "Sergey Lavrov / AP"],
    "004": ["archive of our partner", "war crimes charges pending at the UN"],
}

# Story sentences (beginning, middle and end of each story) that must all be kept.
STORY = {
    "000": [
        "Washington (CNN) -- The United States on Thursday will call for Syrian President Bashar al-Assad",
        "Although nobody is talking about military intervention in Syria",
        "On Tuesday, Clinton said the brutality",
        "Members of the opposition say Syria's disparate groups are working toward a unified front",
    ],
    "001": [
        "PHNOM PENH — The United States says military and diplomatic defections in Syria",
        "U.S. officials say the resolution being drafted would unify international economic sanctions",
    ],
    "002": [
        "WASHINGTON – The Obama administration estimates",
        "The draft proposal is aimed at halting Assad's deadly crackdown against anti-government demonstrators.",
        "“There’s no certainty. These are tough issues,” she added.",
        "Meanwhile, Russian Deputy Defense Minister Anatoly Antonov said Moscow will not stop selling weapons",
    ],
    "003": [
        "Secretary of State John Kerry backtracked from America’s commitment",
        "according to Foreign Policy:",
        "Kerry said that Russia would try to arrange a conference as early as this month.",
    ],
    "004": [
        "Update: Reuters has updated their story.",
        "expressed alarm at the latest reports",
        "The U.S. announced new sanctions against Syrian companies a week ago.",
        "Original post: Forces loyal to Bashar Al-Assad went to the town of Latakia",
    ],
}

TITLES = {
    "000": "U.S. will call for Syrian leader to step down, officials say",
    "001": "US: Defections Weakening Syrian Government",
    "002": "Arab League softening Russian stance on Syria resolution",
    "003": "Kerry Withdraws From Call For Assad's Resignation",
    "004": "Assad: Military Operations Against Protesters Have Stopped",
}


@pytest.mark.parametrize("prefix", sorted(TITLES))
def test_samples_keep_the_story_and_drop_the_page(prefix):
    cleaned = cleaned_sample(prefix)
    for line in BOILERPLATE[prefix]:
        assert line not in cleaned.text, f"boilerplate left in {prefix}: {line!r}"
    for sentence in STORY[prefix]:
        assert sentence in cleaned.text, f"story text lost in {prefix}: {sentence!r}"
    assert cleaned.title == TITLES[prefix]
    assert TITLES[prefix] not in cleaned.text  # the headline is the title, not body text


NOT_STORY = ("•", "U.S. Secretary of State Hillary Rodham Clinton speaks", "Moscow's ambassador to UN says")


@pytest.mark.parametrize("prefix", sorted(TITLES))
def test_every_story_paragraph_of_the_samples_is_kept(prefix):
    """Every long paragraph of the raw files is story text and kept, except two header lines read
    by eye: the VOA photo caption and the Ynet sub-headline."""
    cleaned = cleaned_sample(prefix)
    kept = " ".join(cleaned.text.split())
    for line in sample(prefix).splitlines():
        line = line.strip()
        if len(line.split()) >= 40 and not line.startswith(NOT_STORY):
            assert " ".join(repair_glued_sentences(line)[0].split()) in kept


def test_every_removal_has_a_reason_and_the_text_of_the_input():
    raw = sample("000")
    cleaned = cleaned_sample("000")
    assert cleaned.removed and all(r.reason and r.text in raw for r in cleaned.removed)
    reasons = {r.reason for r in cleaned.removed}
    assert {
        "navigation",
        "title",
        "byline",
        "caption-repeated",
        "highlights",
        "related-headline",
        "promo",
    } <= reasons
    # the caption printed twice is removed twice
    assert sum(r.reason == "caption-repeated" for r in cleaned.removed) == 2


def test_other_script_and_first_published_lines_are_removed_with_their_reason():
    reasons = {r.reason: r.text for r in cleaned_sample("002").removed}
    assert reasons["other-script"].startswith('"שיחות')
    assert reasons["first-published"] == "פרסום ראשון: 02.02.12, 17:29"
    assert reasons["credit"] == "Reuters contributed to the report"


def test_glued_sentences_are_repaired_but_not_initials_or_urls():
    assert (
        repair_glued_sentences("against al-Assad.On Tuesday, Clinton")[0]
        == "against al-Assad. On Tuesday, Clinton"
    )
    assert repair_glued_sentences('she said."The next')[0] == 'she said." The next'
    for untouched in ("the U.S.A. team", "visit cnn.Com today", "at 5 p.m.Sunday", "Ph.D. student"):
        assert repair_glued_sentences(untouched)[0] == untouched
    assert "al-Assad. On Tuesday" in cleaned_sample("000").text


def test_tokenized_one_sentence_a_line_text_is_left_alone():
    """Timeline17 style: every line a tokenized sentence; nothing of the story may go, and every line
    comes back as the plain sentence it was tokenized from."""
    text = (
        "The swine flu virus will infect a third of the world 's population , scientists warned today .\n"
        "`` It is likely to spread around the world , '' he said .\n"
        "We do n't know .\n"
        "Officials said the vaccine would be ready in the autumn .\n"
        "Also on Sunday , rebels fought to hold on to Qawalish , a key village .\n"
        "Several others were injured , Jwaili said .\n"
    )
    cleaned = clean_text(text)
    assert cleaned.removed == []
    assert cleaned.text.split("\n\n") == [
        "The swine flu virus will infect a third of the world's population, scientists warned today.",
        '"It is likely to spread around the world," he said.',
        "We don't know.",
        "Officials said the vaccine would be ready in the autumn.",
        "Also on Sunday, rebels fought to hold on to Qawalish, a key village.",
        "Several others were injured, Jwaili said.",
    ]


def test_a_promo_marker_never_swallows_running_prose():
    """A "Related stories:" marker inside a story opens no promo block over the prose after it: every
    paragraph of the body survives, whole and in order; only the headline and the marker go."""
    paragraphs = [
        "The council met on Monday and voted to extend the curfew by two more weeks. "
        "Members said the vote was close. The mayor welcomed the decision.",
        "Shop owners in the old town said the curfew had cost them most of their evening trade "
        "since it began in March. Several have closed for good.",
        "Police reported fewer arrests in the second week, and the council will review the measure "
        "again at its next session on the first of June.",
    ]
    text = f"Headline Of The Story\n\n{paragraphs[0]}\nRelated stories:\n{paragraphs[1]}\n{paragraphs[2]}\n"
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == paragraphs
    assert [r.text for r in cleaned.removed] == ["Headline Of The Story", "Related stories:"]
    assert sum(r.reason == "promo" for r in cleaned.removed) <= 1


def whitespace_free(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_never_invents_text_and_never_crashes(text):
    cleaned = clean_text(text)
    source = whitespace_free(text.replace("\u00a0", " "))
    # every kept paragraph and every removed line is a piece of the input (spaces aside)
    for paragraph in cleaned.text.split("\n\n"):
        assert whitespace_free(paragraph) in source
    for removed in cleaned.removed:
        assert whitespace_free(removed.text) in source
    assert cleaned.title is None or whitespace_free(cleaned.title) in source


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Skip to main content", "Share", "The talks ended on Friday.", "Photo: AP", "Ж", "中文 新闻", ""]
        )
        | st.text(max_size=40),
        max_size=30,
    )
)
def test_cleaning_random_documents_of_real_looking_lines(lines):
    text = "\n".join(lines)
    cleaned = clean_text(text)
    assert "Skip to main content" not in cleaned.text
    total = len(whitespace_free(cleaned.text)) + sum(len(whitespace_free(r.text)) for r in cleaned.removed)
    assert total <= len(whitespace_free(text.replace("\u00a0", " ")))


def test_wire_photo_captions_are_removed_by_their_opening():
    from storyline.ingest.clean import clean_text

    text = (
        "WASHINGTON (AP) — The Senate passed the bill on Thursday after a long debate over its cost.\n\n"
        "FILE - In this Tuesday, Nov. 10, 2009 file photo, Sen. Jeff Sessions speaks on Capitol Hill.\n\n"
        "In this case, the court ruled that the law applied to every state in the union."
    )
    cleaned = clean_text(text)
    assert [r.reason for r in cleaned.removed] == ["caption"]
    assert "In this case, the court ruled" in cleaned.text


def test_a_photo_credit_glued_to_the_story_is_cut_with_the_caption_above_it():
    # The Guardian's pages in Timeline17: headline, standfirst and caption on one line, then the credit
    # glued to the story's first sentence.
    text = (
        "Latest data shows a huge increase.\n"
        "Get the figures here An electron micrograph of the A H1N1 swine influenza virus.\n"
        "Photograph: Centers for Disease Control\\/Reuters The public panic about swine flu is out of "
        "proportion to the threat involved.\n"
        "People don't seem to understand the concept of risk any more, the doctor said."
    )
    cleaned = clean_text(text)
    assert "The public panic about swine flu is out of proportion" in cleaned.text
    assert "Photograph" not in cleaned.text and "electron micrograph" not in cleaned.text
    assert "Latest data shows a huge increase." in cleaned.text
    assert {(r.reason, r.text[:20]) for r in cleaned.removed} == {
        ("caption", "Get the figures here"),
        ("caption", "Photograph: Centers "),
    }
    # no agency in the credit: the line is left alone rather than cut at a guess
    body = "The question is whether the spill will reach the coast of Florida before the next storm season."
    kept = clean_text(f"A sentence that is long enough here.\nPhotograph: Paul McErlane {body}")
    assert body in kept.text


def test_a_wire_pages_stamp_before_its_dateline_is_cut_with_its_reason():
    text = (
        "Full Article Gaddafi tracked heading south BENGHAZI, Libya | Thu Aug 4, 2011 3:51 pm EDT "
        "BENGHAZI, Libya (Reuters) - The rebels said on Thursday they had taken the town.\n\n"
        "June 3 | Thu Jun 3, 2010 9:10 am EDT June 3 (Reuters) - Oil kept pouring into the Gulf on Thursday.\n\n"
        "GHAZAIA, Libya, July 31 | Sun Jul 31, 2011 2:27 pm EDT GHAZAIA, Libya, July 31 (Reuters) - Rebels who "
        "seized the town rolled in on Sunday."
    )
    cleaned = clean_text(text, use_model=False)
    assert "| Thu" not in cleaned.text and "EDT" not in cleaned.text
    assert "BENGHAZI, Libya (Reuters) - The rebels said on Thursday they had taken the town." in cleaned.text
    assert "June 3 (Reuters) - Oil kept pouring" in cleaned.text
    stamps = [r.text for r in cleaned.removed if r.reason == "page-stamp"]
    # a place, its country and the day before the bar (audit round 6: "EDT GHAZAIA" was left, a town typed a body)
    assert stamps == [
        "BENGHAZI, Libya | Thu Aug 4, 2011 3:51 pm EDT",
        "June 3 | Thu Jun 3, 2010 9:10 am EDT",
        "GHAZAIA, Libya, July 31 | Sun Jul 31, 2011 2:27 pm EDT",
    ]
    # a bar in ordinary text is no stamp
    assert clean_text("Sales rose | fell on Tuesday, traders said in London.", use_model=False).removed == []


def test_readers_comments_are_removed_from_the_first_header_or_stamp_on_with_their_reason():
    bbc = (
        "The WHO raised its alert to phase five on Wednesday.\n"
        "What do you think of the response?\n"
        "At 12:46 pm on 10 Jun 2010, TonyP wrote: BP should pay for every barrel.\n"
        "It is a disgrace.\n"
        "At 1:02 pm on 10 Jun 2010, Ann wrote: I agree with Tony.\n"
    )
    cleaned = clean_text(bbc, use_model=False)
    assert cleaned.text.split("\n\n") == [
        "The WHO raised its alert to phase five on Wednesday.",
        "What do you think of the response?",
    ]
    comments = [r.text for r in cleaned.removed if r.reason == "reader-comment"]
    assert comments[0].startswith("At 12:46 pm") and len(comments) == 3
    cnn = (
        "Protesters filled Tahrir Square on Tuesday.\n"
        "Mubarak must go now.\n"
        "February 2, 2011 at 6:31 pm | Reply Jack, don't worry about what's next.\n"
        "February 2, 2011 at 6:40 pm | Report abuse | Well said.\n"
    )
    cleaned = clean_text(cnn, use_model=False)
    assert "6:31 pm" not in cleaned.text and "Well said" not in cleaned.text
    assert "Protesters filled Tahrir Square on Tuesday." in cleaned.text
    # a date and a clock in a story's sentence are no comment stamp
    story = "The rig exploded on April 20, 2010, at 9:45 pm, the company said.\nEleven workers died.\n"
    assert clean_text(story, use_model=False).removed == []


def test_text_read_without_cleaning_loses_its_comments_the_same_way():
    from storyline.ingest.clean import without_reader_comments

    text = (
        "The WHO raised its alert on Wednesday.\n"
        "What do you think?\n"
        "At 12:46 pm on 10 Jun 2010, TonyP wrote: BP should pay.\n"
        "It is a disgrace."
    )
    assert without_reader_comments(text) == "The WHO raised its alert on Wednesday.\nWhat do you think?"
    cnn = "Crowds grew on Tuesday.\nWell said. February 2, 2011 at 6:31 pm | Reply I agree."
    assert without_reader_comments(cnn) == "Crowds grew on Tuesday."
    story = "The rig exploded on April 20, 2010, at 9:45 pm, the company said."
    assert without_reader_comments(story) == story


def test_highlights_glued_before_a_wire_dateline_are_cut():
    """CNN's story highlights scraped onto the dateline's line ran into the first statement ("a Gadhafi
    spokesman says He discounts claims ... Tripoli, Libya (CNN) --" was one sentence with one speaker)."""
    text = (
        "The missile fell into the sea about 2 kilometers from the frigate "
        '"We haven\'t used our real military power," a Gadhafi spokesman says He discounts claims that '
        "pro-Gadhafi forces are down to 20% of their capabilities Tripoli, Libya (CNN) -- Libyan government "
        "forces fired a missile at an Italian warship on Sunday, officials said.\n\n"
        "The frigate was not hit, the Italian navy said."
    )
    cleaned = clean_text(text)
    assert cleaned.text.startswith("Tripoli, Libya (CNN) -- Libyan government forces fired")
    assert [r.text[:16] for r in cleaned.removed if r.reason == "highlights"] == ["The missile fell"]
    # a dateline opening its line, or a few words before one (a place's longer name), is left alone
    for kept in (
        "Tripoli, Libya (CNN) -- Forces fired a missile on Sunday, officials said.",
        "By staff Tripoli, Libya (CNN) -- Forces fired a missile on Sunday, officials said.",
    ):
        assert not [r for r in clean_text(kept).removed if r.reason == "highlights"]


def test_a_line_of_highlights_marked_new_above_the_story_is_cut():
    text = (
        "From Ben Wedeman and Amir Ahmed, CNN ElBaradei: Egypt is not stable NEW: Egypt's official news agency "
        "reports 49 people were injured Protest organizers say they hope to capture Tunisia's regional momentum "
        "If you're in Egypt, we want to hear your story.\n\n"
        "Cairo, Egypt (CNN) -- Protesters filled the streets of Cairo on Tuesday, witnesses said."
    )
    cleaned = clean_text(text)
    assert (
        cleaned.text
        == "Cairo, Egypt (CNN) -- Protesters filled the streets of Cairo on Tuesday, witnesses said."
    )
    assert [r.reason for r in cleaned.removed] == ["highlights"]


def test_a_pull_quote_with_its_speaker_and_title_is_cut_and_the_story_after_it_stays():
    """BBC pull quotes were scraped onto the story's line: the quotation, "End Quote", the speaker's name and
    title ran into the next sentence, whose statement then opened with someone else's words."""
    text = (
        "Mr Suttles said BP was aware that frustration was growing.\n\n"
        "The fact that it's taken this long is painful to everybody\" End Quote Doug Suttles BP Chief Operations "
        'Officer "Everyone is frustrated," he added.\n\n'
        'The storm passed the rig overnight, the coast guard said. It seems as if they have had some success" End Quote David Cameron UK prime minister '
        "Eleven workers were killed in the explosion."
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "Mr Suttles said BP was aware that frustration was growing.\n\n"
        '"Everyone is frustrated," he added.\n\n'
        "The storm passed the rig overnight, the coast guard said.\n\nEleven workers were killed in the explosion."
    )
    assert [r.text[-30:] for r in cleaned.removed if r.reason == "pull-quote"] == [
        "oug Suttles BP Chief Operations Officer"[-30:],
        "End Quote David Cameron UK prime minister"[-30:],
    ]


def test_where_a_pull_quote_s_title_ends_is_unclear_only_the_mark_goes():
    # no sentence start within ten words: the name and title stay rather than cutting into the story
    text = (
        'Ministers met.\n\nOur regime has been shown to be robust" End Quote Chris Huhne Energy and Climate '
        "Change Secretary BP remained a target of critics on Monday."
    )
    cleaned = clean_text(text)
    assert cleaned.text.endswith(
        "Chris Huhne Energy and Climate Change Secretary BP remained a target of critics on Monday."
    )
    assert "End Quote" not in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["pull-quote"]
    # "End Quote" inside ordinary prose is not a pull quote's mark
    assert not clean_text("He read the End Quote aloud, then sat down.").removed


def test_a_sentence_glued_to_a_caption_or_headline_starts_a_paragraph():
    text = (
        "Clean-up crews have been working to remove oil from beaches and marshes In a speech in Pennsylvania on "
        "Wednesday, President Barack Obama said the leak may prove to be a result of human error.\n\n"
        "War power policy in question An objective assessment of the record was published on Monday by the panel."
    )
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == [
        "Clean-up crews have been working to remove oil from beaches and marshes",
        "In a speech in Pennsylvania on Wednesday, President Barack Obama said the leak may prove to be a result "
        "of human error.",
        "War power policy in question",
        "An objective assessment of the record was published on Monday by the panel.",
    ]
    # a title in capitals, a quotation's capitalized "He", a name after a verb: one paragraph each
    for kept in (
        "Tourists visit Key West's Ripley's Believe It or Not museum in large numbers every single year.",
        '"I trust and believe in God that He will take care of us," Mrs Amick said on Tuesday evening.',
        "Oil companies told The Times on Monday that Meanwhile Gardens was not affected by the spill at all.",
    ):
        assert clean_text(kept).text == kept


def test_one_glue_rule_at_cleaning_a_capitalized_left_word_a_label_and_a_caption():
    """Issue 13 items 1 and 6: the cases the reports still showed glued, each now a paragraph of its own; and
    the names and quotations the rule must leave whole."""
    for text, parts in (
        (
            "Obama pushes BP on the White House On Friday, President Barack Obama suggested that BP pay for it.",
            ["Obama pushes BP on the White House", "On Friday, President Barack Obama suggested"],
        ),
        (
            "Case study: Gulf of Mexico oil spill and BP On 20 April 2010 an explosion on the rig killed 11 men.",
            ["Case study: Gulf of Mexico oil spill and BP", "On 20 April 2010 an explosion"],
        ),
        (
            "US demands oil spill costs clarification from BP Thousands of barrels of oil a day have been "
            "leaking from the seabed.",
            ["US demands oil spill costs clarification from BP", "Thousands of barrels"],
        ),
        (
            "Eight cases of swine flu have emerged in the UK Two more people in London have the virus.",
            ["Eight cases of swine flu have emerged in the UK", "Two more people in London"],
        ),
    ):
        pieces = clean_text(text).text.split("\n\n")
        assert len(pieces) == 2 and pieces[0] == parts[0] and pieces[1].startswith(parts[1]), pieces
    for whole in (
        "The drama was shown on BBC Two after a power cut halted the opening night.",
        "He tells Dr Murray about his plans for the This Is It tour in London.",
        "People will die because of type A influenza infection this winter, he said.",
        "He was caught with Class A drugs in his car last year, police said.",
        'He said "the number in the UK The officials gave" was wrong all along.',
        'He said it was over in London." The next day they left the city for good.',
        "The ministry said the vitamin A supplements would reach the region on Monday.",
        "Verily We chose him in the world, and he was among the righteous.",
        "Some 36,000 people die every year from influenza A virus infections, the agency said.",
    ):
        assert clean_text(whole).text == whole, whole


def test_a_corpus_read_as_given_gets_the_glued_sentence_on_a_line_of_its_own():
    from storyline.ingest.clean import glued_on_lines_of_their_own

    text = "Eight cases of swine flu have emerged in the UK Two more people in London have the virus.\nIt spread."
    assert glued_on_lines_of_their_own(text).split("\n") == [
        "Eight cases of swine flu have emerged in the UK",
        "Two more people in London have the virus.",
        "It spread.",
    ]


def test_a_bbc_page_stamp_is_cut_from_its_line_and_dates_the_page():
    # Timeline17's BBC pages begin "Page last updated at ..." glued before the story; left in, the stamp was read as
    # a statement ("Page last updated at 11:24 GMT, Tuesday" announced by Michael Jackson) and entered the summary.
    text = (
        "Page last updated at 11:24 GMT, Tuesday, 27 September 2011 12:24 UK Michael Jackson announced his live "
        "concerts at the London O2 Arena in March 2009.\n"
        "Jackson died in June 2009 aged 50.\n"
    )
    cleaned = clean_text(text, use_model=False)
    assert "Page last updated" not in cleaned.text
    assert cleaned.text.startswith("Michael Jackson announced his live concerts")
    assert [r.text for r in cleaned.removed if r.reason == "page-stamp"] == [
        "Page last updated at 11:24 GMT, Tuesday, 27 September 2011 12:24 UK"
    ]
    headline = clean_text(
        "Jackson doctor trial opens 7 November 2011 Last updated at 21:40 GMT Help The trial of Dr Conrad Murray "
        "opened in Los Angeles on Monday with the prosecution's case.\n",
        use_model=False,
    )
    # the headline glued before the stamp is a line of its own (here taken as the title), not part of the lead
    assert headline.text.startswith("The trial of Dr Conrad Murray opened")
    assert (
        headline.title == "Jackson doctor trial opens"
        or "Jackson doctor trial opens" in headline.text.split("\n\n")
    )
    assert "Last updated" not in headline.text


def test_the_page_stamp_dates_an_article_without_another_date():
    from storyline.ingest.prepare import prepare_one
    from storyline.ingest.read import RawDocument

    raw = RawDocument(
        source="bbc.txt",
        content=(
            "Page last updated at 11:24 GMT, Tuesday, 27 September 2011 12:24 UK Michael Jackson announced his live "
            "concerts at the London O2 Arena in March 2009.\nJackson died in June 2009 aged 50. His doctor is on "
            "trial.\n"
        ),
    )
    article = prepare_one(raw, "a1")
    assert str(article.published) == "2011-09-27"


def test_a_days_page_stamp_without_a_time_zone_is_cut_too():
    # MJ_bbc: "8 November 2011 Last updated at 06:28 Michael Jackson's doctor, Conrad Murray, found guilty ..." reached
    # the timeline with the stamp in front
    cleaned = clean_text(
        "8 November 2011 Last updated at 06:28 Michael Jackson's doctor, Conrad Murray, has been found guilty of "
        "involuntary manslaughter by a jury in Los Angeles.\n",
        use_model=False,
    )
    assert cleaned.text.startswith("Michael Jackson's doctor, Conrad Murray, has been found guilty")
    assert [r.text for r in cleaned.removed if r.reason == "page-stamp"] == [
        "8 November 2011 Last updated at 06:28"
    ]
    # prose that says when something was updated is no stamp
    prose = "The list was last updated at 10:30 on Monday, officials said."
    assert clean_text(prose, use_model=False).text == prose


def test_a_lead_starting_again_after_its_headline_or_caption_on_the_first_line_starts_a_paragraph():
    """Issue 13 item 6: a page's headline, deck or caption glued to its lead on the article's first line (Timeline17's
    BBC scrape): the lead starts again, repeating the headline's words or with the perfect or future of a news lead;
    names, titles, clauses that go on and a wire story's body stay whole."""
    for text, parts in (
        (
            "BP faces US criticism over Gulf of Mexico oil spill BP is facing growing American criticism over the "
            "giant oil spill in the Gulf of Mexico.",
            [
                "BP faces US criticism over Gulf of Mexico oil spill",
                "BP is facing growing American criticism",
            ],
        ),
        (
            "BP boss Hayward to get immediate #600,000 pension Mr Hayward has been the public face of the response "
            "to the spill and will get his pension immediately.",
            ["BP boss Hayward to get immediate #600,000 pension", "Mr Hayward has been the public face"],
        ),
        (  # MJ_bbc: the headline echoed by the lead, whose subject has a possessive, nouns and a name in commas
            "Michael Jackson doctor gets four years in prison Michael Jackson's former doctor, Conrad Murray, has been "
            "sentenced to four years in prison for causing the King of Pop's death.",
            [
                "Michael Jackson doctor gets four years in prison",
                "Michael Jackson's former doctor, Conrad Murray,",
            ],
        ),
        (  # MJ_bbc: a headline before a lead whose subject opens with an article
            "Dr Conrad Murray faces four years in prison if convicted A US judge has delayed the trial of Michael "
            "Jackson's doctor until May.",
            ["Dr Conrad Murray faces four years in prison if convicted", "A US judge has delayed the trial"],
        ),
        (  # MJ_bbc: a caption before a lead that does not repeat it, but opens with the perfect
            "The judge told Dr Murray he must not administer anesthetic Michael Jackson's former doctor has denied a "
            "charge of involuntary manslaughter over the singer's death, at a court in Los Angeles.",
            [
                "The judge told Dr Murray he must not administer anesthetic",
                "Michael Jackson's former doctor has",
            ],
        ),
        (  # MJ_bbc: a caption before a lead that opens with the future
            "Dr Murray has denied he caused Michael Jackson's death Los Angeles prosecutors will file a criminal case "
            "against Michael Jackson's doctor on Monday, officials say.",
            ["Dr Murray has denied he caused Michael Jackson's death", "Los Angeles prosecutors will file"],
        ),
    ):
        pieces = clean_text(text).text.split("\n\n")
        assert len(pieces) == 2 and pieces[0] == parts[0] and pieces[1].startswith(parts[1]), pieces
        # the protocol's reading of Timeline17 sees the same seam
        assert glued_on_lines_of_their_own(text).split("\n")[1].startswith(parts[1])
        # only on the first line: in the body the same words are one paragraph
        body = clean_text("The company's shares fell again on Monday in London trading.\n\n" + text)
        assert text in body.text.split("\n\n")
    for whole in (
        # the word before is the first half of a name, a title or a noun of the name's phrase
        "Traders on Wall Street said Wall Street had fallen on the spill news in the morning.",
        "LONDON (Reuters) - Oil major BP Plc said the oil spill in the Gulf had cost BP $350 million so far.",
        "Libyan rebels fight on as Libyan leader Moammar Gadhafi is calling for volunteers to fight the rebels.",
        # a noun after a possessive goes on into the name after it (Finan_washingtonpost: the summary said "Henry
        # Paulson have been the public faces ...")
        "Timothy Geithner and his predecessor Henry Paulson have been the public faces of the U.S. government's "
        "battle against the global economic crisis.",
        # a clause that goes on after a verb of saying, its object, or a participle
        "A Libyan government spokesman says Gadhafi is alive and well and the spokesman denied reports.",
        "The company on Monday told investors BP shares have fallen by a third since the spill began.",
        "Foreign powers attacking Libya may hope air strikes alone will stop Libya's forces.",
        # the lead neither repeats the headline's words nor opens with the perfect
        "Oil prices rise sharply in early trading Analysts expected the jump after the spill.",
        # a title in title case, or a phrase begun before the seam that a comma closes (Multi-News)
        "The remaining half of the screen culinary duo Two Fat Ladies has died in hospital in Edinburgh aged 66.",
        "Chip and Joanna Gaines, HGTV's husband-wife Fixer Upper team, have agreed to pay a fine by the EPA.",
        "The mission, originally named Solar Probe Plus, will now be called the Parker Solar Probe.",
        # a wire's dateline opens the line: the story's body, no headline before it
        "BEIRUT (Reuters) - Rebels trying to topple Libya's Muammar Gaddafi have so far fought alone.",
        "NEW YORK (Reuters) - Brent crude prices slipped on prospects Libya's civil war will soon end.",
    ):
        assert clean_text(whole).text == whole, clean_text(whole).text


def test_no_lead_seam_inside_a_relative_clause_or_after_a_subject_that_runs_past_a_preposition():
    """Issue 13 (held-out LibyaWar_reuters, "who helped defend || Benghazi against Muammar Gaddafi's forces has
    called"): a verb's object is no lead's subject, whether a relative clause opened just before the seam or a
    preposition follows the name (a lead's subject stops at a preposition, as at "of", "for", "in")."""
    for whole in (
        "BENGHAZI, Libya (Reuters) - A Libyan commander sent to defend Benghazi against Muammar Gaddafi's forces "
        "has called on the interim cabinet to resign.",
        "BENGHAZI, Libya (Reuters) - A Libyan Islamist commander who helped defend Benghazi has called on the "
        "interim cabinet to resign.",
    ):
        assert clean_text(whole).text == whole, clean_text(whole).text
        assert glued_on_lines_of_their_own(whole) == whole


def test_a_caption_telling_its_scene_in_the_present_is_cut():
    """Issue 13 item 6: MJ_bbc's "Michael Jackson's brother Tito Jackson arrives at the trial ..." reached the summary;
    prose in the present about what someone will do stays."""
    caption = (
        "Michael Jackson's brother Tito Jackson arrives at the trial of Dr Conrad Murray in Los Angeles."
    )
    dated = "Iranian President Mahmoud Ahmadinejad gestures during a rally on Tehran's Azadi Square on February 11."
    prose = [
        "The president arrives at the summit in Brussels.",
        "Mr Obama leaves for Asia on Tuesday, officials in Washington said.",
        "He arrives at the court in Los Angeles.",
    ]
    text = "\n\n".join(["Jackson died in June 2009 aged 50.", caption, dated, *prose])
    cleaned = clean_text(text, use_model=False)
    assert [r.text for r in cleaned.removed if r.reason == "caption"] == [caption, dated]
    assert cleaned.text.split("\n\n") == ["Jackson died in June 2009 aged 50.", *prose]


def test_a_blog_stamp_and_byline_glued_before_the_story_are_cut_and_the_writer_is_the_byline():
    """Fox News' blog pages as Timeline17 has them: the stamp, a bar and "by :" before the story's first words
    on one line. The stamp is cut as a page stamp, the writer as the byline; the story starts at its words. A
    sentence that only mentions a time and a writer is left whole."""
    from storyline.ingest.describe import byline_of

    text = (
        "July 15 , 2010 - 7:48 AM | by : Jonathan Serrie Pressure testing on the damaged oil well at the bottom of "
        "the Gulf of Mexico ran into a snag overnight when BP discovered a leak .\n"
        "The test was put off until engineers could replace the part ."
    )
    cleaned = clean_text(text, use_model=False)
    assert cleaned.text.startswith("Pressure testing on the damaged oil well")
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("July 15, 2010 - 7:48 AM", "page-stamp"),
        ("by: Jonathan Serrie", "byline"),
    ]
    assert byline_of(cleaned) == "Jonathan Serrie"
    coast_guard = clean_text(
        "July 27 , 2010 - 12:48 PM | by : Jonathan Serrie The Coast Guard is responding to a new oil leak on the "
        "Gulf Coast .\nThis spill involves a well in a portion of Barataria Bay .",
        use_model=False,
    )
    assert coast_guard.text.startswith("The Coast Guard is responding to a new oil leak")
    assert byline_of(coast_guard) == "Jonathan Serrie"
    whole = "At 7:48 AM on July 15, 2010, the test by Jonathan Serrie's crew began under the Gulf of Mexico ."
    assert clean_text(whole, use_model=False).text.startswith("At 7:48 AM on July 15, 2010, the test by")


def test_an_agencys_copyright_glued_before_the_dateline_is_a_credit_and_the_line_above_its_caption():
    """Fox News' pages as Timeline17 has them: a gallery photo's caption ("May 23 : An oil-covered pelican flaps
    ...") on the line above the picture agency's copyright ("AP2010") glued to the story's dateline. The credit and
    the caption are cut, the story starts at its dateline; an agency named as the subject of a sentence stays."""
    text = (
        "May 23 : An oil-covered pelican flaps its wings on an island in Barataria Bay off the coast of Louisiana .\n"
        "AP2010 BARATARIA BAY , La. -- As the Gulf of Mexico oil spill seeps deeper into the Louisiana marshes , the "
        "fragile grasses get difficult to clean .\n"
        "AP reported on Monday that the rescue of the brown pelican has become harder with each day of the spill ."
    )
    cleaned = clean_text(text, use_model=False)
    assert cleaned.text.split("\n\n")[0].startswith("BARATARIA BAY, La. -- As the Gulf of Mexico oil spill")
    assert cleaned.text.split("\n\n")[1].startswith("AP reported on Monday")
    assert [(r.text[:20], r.reason) for r in cleaned.removed] == [
        ("May 23: An oil-cover", "caption"),
        ("AP2010", "caption"),
    ]


def test_a_gallery_photos_dated_caption_atop_a_page_is_a_caption_but_a_chronology_stays():
    """Fox News' pages as Timeline17 has them open with a gallery photo's caption labelled with its day ("June 4
    : Oil is seen gushing around the cap ..."): cut as a caption. A page of dated lines is a chronology: every line
    stays."""
    story = (
        "BP managed to place a funnel-like cap on the well late Thursday with the aim of pumping some crude to the "
        "surface .\nIt was too early to tell if it would work , officials said on Friday ."
    )
    caption = "June 4 : Oil is seen gushing around the cap placed by BP during efforts to contain the leak in the Gulf ."
    cleaned = clean_text(caption + "\n" + story, use_model=False)
    assert cleaned.text.startswith("BP managed to place a funnel-like cap")
    assert [r.reason for r in cleaned.removed] == ["caption"]
    chronology = (
        "Sept. 7 : U.S. government seizes Fannie Mae and Freddie Mac .\n"
        "Sept. 14 : The Federal Reserve expands the rules on what can be accepted as collateral .\n"
        "Sept. 15 : Lehman Brothers files for bankruptcy protection after talks to sell the bank fail ."
    )
    kept = clean_text(chronology, use_model=False)
    assert kept.removed == [] and kept.text.count("Sept.") == 3


def test_a_byline_glued_before_the_storys_first_words_is_cut_as_the_byline():
    """A scraped page's byline run into its first words on one line ("By the CNN Wire Staff NEW: ...", "By ...,
    Special to CNN An Egyptian man ...", a writer's title after the outlet): the byline is cut (reason ``byline``)
    and the story starts at its words; a line that only begins like a byline is left whole."""
    for text, byline, story in (
        (
            "By the CNN Wire Staff Protesters gathered again in Cairo's main square on Friday after prayers.\n"
            "The army said it would not fire on them.",
            "By the CNN Wire Staff",
            "Protesters gathered again",
        ),
        (
            "By Micah L. Sifry, Special to CNN An Egyptian man holds up a sign praising Facebook in Cairo.\n"
            "The protests began on Tuesday.",
            "By Micah L. Sifry, Special to CNN",
            "An Egyptian man holds up",
        ),
        (
            "By Ivan Watson, Raja Razek and Jomana Karadsheh, CNN Gadhafi backers rally in Zawiyah on Sunday.\n"
            "The town was quiet on Monday.",
            "By Ivan Watson, Raja Razek and Jomana Karadsheh, CNN",
            "Gadhafi backers rally",
        ),
        (
            "By Peter Bowes BBC News, Los Angeles The high profile trial in Los Angeles has attracted supporters.\n"
            "The jury was told on Tuesday.",
            "By Peter Bowes BBC News, Los Angeles",
            "The high profile trial",
        ),
        (
            "By Richard Black Environment correspondent, BBC News Vast amounts of methane are present in the Arctic.\n"
            "Bacteria multiplied in the Gulf.",
            "By Richard Black Environment correspondent, BBC News",
            "Vast amounts of methane",
        ),
        (
            "By Nic Robertson, CNN Senior International Correspondent Nic Robertson has been covering Egypt for weeks.\n"
            "The square was full on Friday.",
            "By Nic Robertson, CNN Senior International Correspondent",
            "Nic Robertson has been covering",
        ),
    ):
        cleaned = clean_text(text, use_model=False)
        assert cleaned.text.startswith(story), cleaned.text
        assert [r.text for r in cleaned.removed if r.reason == "byline"] == [byline]
    not_a_byline = (
        "By Tuesday, CNN had reported that the protests had spread to four more cities in the south.\nMore."
    )
    assert clean_text(not_a_byline, use_model=False).text.startswith("By Tuesday, CNN had reported")
