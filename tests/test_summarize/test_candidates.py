from storyline.model import Article, Sentence
from storyline.summarize.candidates import build_pool, eligibility


def test_plain_news_sentences_are_eligible():
    assert (
        eligibility(
            "The United States on Thursday will call for Syrian President Bashar al-Assad to step down."
        )
        is None
    )
    assert eligibility('"The economy is in shambles," said Clinton.') is None


def test_captions_are_refused():
    assert (
        eligibility("Hide Caption 32 of 43 Photos: The search for MH370 Relatives wait for news at a hotel.")
        == "caption"
    )
    assert (
        eligibility("FILE - In this Aug. 15, 2014 file photo, Robert Durst leaves a Houston courtroom.")
        == "caption"
    )
    assert (
        eligibility(
            "Cary Joseph Heath was arrested on Sunday night (Photo: Courtesy - Fort Worth Police Dept.)"
        )
        == "caption"
    )
    wire_caption = (
        "U.S. Secretary of State Hillary Rodham Clinton speaks at a press conference in Phnom Penh, "
        "Cambodia, July 12, 2012."
    )
    assert eligibility(wire_caption, paragraph_sentences=1) == "caption"
    assert (
        eligibility("BP to raise $50 billion for oil spill costs: report Credit: Reuters/Walter Shinn.")
        == "caption"
    )
    # A scene told in the present up to its day and year is a caption inside a paragraph too
    # (``text.patterns.WHOLE_DAY_STAMP_END``); the same shape told in the past inside prose is a sentence.
    assert eligibility(wire_caption, paragraph_sentences=3) == "caption"
    told = (
        "U.S. Secretary of State Hillary Rodham Clinton met reporters in Phnom Penh, Cambodia, July 12, 2012."
    )
    assert eligibility(told, paragraph_sentences=3) is None


def test_bylines_and_credits_are_refused():
    assert eligibility("Associated Press writer Justin Pritchard contributed to this report.") == "byline"
    assert eligibility("By Elise Labott, CNN Senior State Department Producer.") == "byline"
    # "By" opening an ordinary sentence is not a byline.
    assert eligibility("By 8 p.m., the intersection was reopened after investigators finished.") is None
    assert eligibility("By Friday night, the protesters got what they were seeking.") is None
    assert eligibility("By Ezra Klein | May 27, 2009; 10:04 AM ET Thanks, Dan.") == "byline"


def test_fragments_are_refused():
    assert eligibility("he had been shot and was in custody, they said.").startswith("fragment")
    assert eligibility("Syria claims end to operations").startswith("fragment")
    assert eligibility("Police continue to question the Sinn Fein leader Gerry...").startswith("fragment")
    assert eligibility("Airport police have training.").startswith("fragment")  # four words
    # split inside brackets (a ticker "(BP.L)" read as a sentence end): bracketed text whole or not at all
    assert eligibility("The company's U.S.-traded shares (BP.") == "fragment:open-bracket"
    assert eligibility("L) oil spill have been released since last week.") == "fragment:open-bracket"
    assert eligibility("The rig (owned by Transocean [RIG]) sank in April.") is None


def test_glued_headlines_and_boilerplate_are_refused():
    glued = "Industry-Specific Space Weather Impacts The electric power industry is the most exposed one."
    assert eligibility(glued) == "headline-glued"
    assert (
        eligibility("It is modeled after the one used in Libya.On Tuesday, Clinton said more.")
        == "headline-glued"
    )
    assert (
        eligibility(
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive."
        )
        == "boilerplate"
    )


def test_pool_of_samples_keeps_story_sentences_and_drops_page_furniture(sample_articles):
    pool = build_pool(sample_articles)
    texts = [c.text for c in pool.candidates]
    assert any("step down" in t for t in texts)
    rejected = {pool.articles[o.article].sentence_text(o.sentence) for o, _ in pool.rejected}
    assert not any(
        t.startswith(("Skip to main content", "Accessibility links", "By Elise Labott")) for t in texts
    )
    assert any("press conference during the ASEAN" in t for t in rejected) or not any(
        "press conference during the ASEAN" in t for t in texts
    )
    for candidate in pool.candidates:
        occurrence = candidate.first
        assert pool.articles[occurrence.article].sentence_text(occurrence.sentence) == candidate.text


def test_copies_become_one_candidate_with_every_occurrence(copies_of):
    articles = copies_of(1, 3)
    pool = build_pool(articles)
    single = build_pool(articles[:1])
    assert len(pool.candidates) == len(single.candidates)
    assert all(c.articles == [0, 1, 2] for c in pool.candidates)


def test_a_huge_pool_keeps_every_articles_first_sentences(sample_articles):
    from storyline.summarize.candidates import limit_candidates

    pool = build_pool(sample_articles)
    small = limit_candidates(pool, limit=10)
    assert len(small.candidates) == 10
    firsts = [min(c.first.sentence.index for c in pool.candidates if c.first.article == a) for a in range(5)]
    kept = {(c.first.article, c.first.sentence.index) for c in small.candidates}
    assert {(a, firsts[a]) for a in range(5)} <= kept
    assert limit_candidates(pool, limit=10_000) is pool


def test_lines_that_speak_to_the_reader_are_not_candidates():
    assert (
        eligibility("Share your thoughts by sending us a response on our Twitter page.") == "reader-address"
    )
    assert eligibility("Of course, you can always comment on this blog post.") == "reader-address"
    assert eligibility('"You cannot negotiate with a gun to your head," the minister said.') is None
    assert eligibility('"We will not leave," he said, adding that the army would stay.') is None


def test_a_reuters_dateline_is_left_out_of_the_candidate_and_its_citation():
    from storyline.model import Article, Sentence
    from storyline.summarize.candidates import build_pool

    text = "CAIRO (Reuters) - Egypt's army said on Monday it would hand power to civilians within months."
    article = Article(id="a", source="a", text=text, sentences=[Sentence(0, len(text))])
    (candidate,) = build_pool([article]).candidates
    assert candidate.text == "Egypt's army said on Monday it would hand power to civilians within months."
    span = candidate.first.sentence
    assert text[span.start : span.end] == candidate.text


def test_readability_rules_refuse_dangling_pronouns_and_open_quotes():
    assert (
        eligibility("They are now reporting the Obama administration is expected to act.")
        == "dangling:pronoun"
    )
    assert eligibility("But it was not clear who fired first at the protesters.") == "dangling:pronoun"
    assert eligibility("Its army has pulled out of the town of Latakia on Tuesday.") == "dangling:pronoun"
    # a quote the speaker opens with a pronoun is the speaker's own words
    assert eligibility('"They are killing our people," the activist told reporters.') is None
    assert eligibility("Italy said it would send four warplanes to the region.") is None
    # a quote that runs on into the next sentence, or one closed without being opened
    assert eligibility('"We will not stop until the regime falls, and we will win.') == "fragment:open-quote"
    assert (
        eligibility('Our army is still very strong," the spokesman said on Wednesday.')
        == "fragment:open-quote"
    )
    assert eligibility("\u201cWe are ready for talks,\u201d the minister said on Monday.") is None
    assert (
        eligibility("\u201cWe are ready for talks, the minister said on Monday and left.")
        == "fragment:open-quote"
    )


def test_a_dateline_is_left_out_of_the_candidate_and_its_citation():
    text = "CAIRO (Reuters) - Egypt's army deployed tanks in central Cairo on Friday night. PHNOM PENH \u2014 Clinton met the ministers of the region on Thursday."
    first = text.index(" PHNOM")
    article = Article(
        id="a", source="a", text=text, sentences=[Sentence(0, first, 0), Sentence(first + 1, len(text), 1)]
    )
    pool = build_pool([article])
    texts = [c.text for c in pool.candidates]
    assert texts == [
        "Egypt's army deployed tanks in central Cairo on Friday night.",
        "Clinton met the ministers of the region on Thursday.",
    ]
    for candidate in pool.candidates:
        sentence = candidate.first.sentence
        assert text[sentence.start : sentence.end] == candidate.text  # the citation is the sub-span


def test_a_pages_own_dateline_before_the_agencys_is_cut_with_it():
    """Fox News pages of AP copy open "WASHINGTON -- WASHINGTON (AP) -- ": both datelines go (issue 13 item 6)."""
    from storyline.summarize.candidates import without_dateline

    text = "WASHINGTON -- WASHINGTON (AP) -- Oil spill frustration is rampant along the Gulf coast."
    assert text[without_dateline(text) :] == "Oil spill frustration is rampant along the Gulf coast."
    article = Article(id="a", source="a", text=text, sentences=[Sentence(0, len(text), 0)])
    (candidate,) = build_pool([article]).candidates
    assert candidate.text == "Oil spill frustration is rampant along the Gulf coast."
    assert text[candidate.first.sentence.start : candidate.first.sentence.end] == candidate.text
    assert without_dateline("CAIRO (Reuters) - Egypt's army deployed tanks.") == len("CAIRO (Reuters) - ")
    assert without_dateline("Washington said the talks would go on.") == 0


def test_update_notices_comment_headers_and_tweet_signatures_are_no_candidates():
    from storyline.summarize.candidates import eligibility

    for text in (
        "Update: Reuters has updated their story.",
        "UPDATE: This story has been updated with comment from the company.",
        "The agency said it has updated its story with new figures from the ministry.",
    ):
        assert eligibility(text) == "boilerplate", text
    assert eligibility("Officials updated the death toll to 15 on Friday, the ministry said.") is None


def test_a_headline_glued_after_a_closing_quote_is_cut():
    from storyline.ingest.clean import clean_text

    text = "BP oil leak plug 'going as planned' The oil company BP says its attempt to plug the leak is going well."
    assert clean_text(text).text.split("\n\n")[-1].startswith("The oil company BP says")


def test_a_wire_dateline_inside_a_sentence_starts_the_story_candidate():
    from storyline.summarize.candidates import glued_before

    for text, lead in (
        (
            "TRIPOLI, Libya (Reuters) Libyan representatives are ready to hold more talks with Washington.",
            "Libyan",
        ),
        (
            "No secret talks, says rebel council * Report denied BENGHAZI, Libya, Aug 16 (Reuters) - Libya's rebel "
            "council is not holding any talks with Gaddafi.",
            "Libya's rebel council",
        ),
    ):
        assert text[glued_before(text) :].startswith(lead)
    assert glued_before("The rebels said (Reuters) was wrong about the town on Tuesday night.") == 0


def test_a_photo_credit_run_into_the_sentence_is_left_out_of_the_story_candidate():
    """bpoil_foxnews's pages put the lead photo's credit before the lead ("AP It took ...", "Reuters BP's ..."):
    a whole story's candidate starts after it, and after a dateline that follows it; an agency that is the
    subject, a body that is no picture agency and a credit of unknown length stay as they are."""
    from storyline.summarize.candidates import glued_before

    for text, lead in (
        (
            "Reuters BP's embattled boss Tony Hayward is set to be replaced at the firm.",
            "BP's embattled boss",
        ),
        (
            "AP Thirteen nations and the U.N. have offered assistance in cleaning up the spill.",
            "Thirteen nations",
        ),
        (
            "AFP/Getty Images Tropical Storm Alex churned in the southeastern Gulf of Mexico.",
            "Tropical Storm",
        ),
        ("AP NEW ORLEANS -- Oil from the ruptured well is seeping into Lake Pontchartrain.", "Oil from the"),
    ):
        assert text[glued_before(text) :].startswith(lead), text
    for text in (
        "Reuters reported that the well was sealed on Thursday after months of work.",
        "EPA Administrator Lisa Jackson will return to the Gulf Coast on Sunday.",
        "AP Photo/Jae C. Hong The Superdome in New Orleans is the largest fixed-dome structure.",
        "AP BP.",
    ):
        assert glued_before(text) == 0, text
    credited = "Reuters BP's embattled boss Tony Hayward is set to be replaced at the firm."
    pool = build_pool(
        [Article(id="a", source="a.txt", text=credited, sentences=[Sentence(0, len(credited), 0, 0)])],
        cut_glued=True,
    )
    assert [c.text for c in pool.candidates] == [credited.removeprefix("Reuters ")]
    assert pool.candidates[0].first.sentence.start == len("Reuters ")
