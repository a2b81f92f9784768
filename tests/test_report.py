"""The HTML report (storyline.present.html), the brief builder (storyline.service.brief) and `storyline report`."""

from __future__ import annotations

import base64
import copy
import dataclasses
import datetime as dt
import hashlib
import re
from html.parser import HTMLParser

import pytest

from storyline.cli.main import main
from storyline.errors import InputProblem
from storyline.model import (
    Article,
    Attribution,
    Brief,
    Citation,
    CitedSentence,
    Claim,
    Comparison,
    Entity,
    Position,
    PublishedInterval,
    Reversal,
    Summary,
    Timeline,
    TimelineEntry,
    cite,
)
from storyline.present.html import axis_ticks, date_known, date_range, render_report
from storyline.service.brief import STAGES, Stage, stage_function
from storyline.service.brief import brief as run_brief
from storyline.service.corpus import corpus_of

from .conftest import SAMPLES

HOSTILE = (
    "Officials said the talks failed.\n\n"
    "<script>window.__pwned = 1</script> An attacker wrote this line.\n\n"
    '<img src=x onerror="window.__pwned = 2"> And this one, with a broken image.'
)


class Collector(HTMLParser):
    """Collects tags and attributes, so tests check the page's structure rather than substrings."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def having(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and (cls is None or cls in (attrs.get("class") or "").split())
        ]


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def summary_of(articles: list[Article]) -> Summary:
    """A summary made of real sample sentences (the presenter's input, not a summarizer's output)."""
    picked = []
    for article in articles[:3]:
        sentence = article.sentences[1]
        picked.append(CitedSentence(article.sentence_text(sentence), [cite(article, sentence)]))
    return Summary(picked, method="test")


def test_articles_section_has_every_article_sentence_and_removed_piece(sample_articles):
    page = render_report(Brief(articles=sample_articles))
    html = parse(page)
    articles = html.having("article", "art")
    assert [a["id"] for a in articles] == [f"art-{a.id}" for a in sample_articles]
    spans = html.having("span", "sent")
    assert len(spans) == sum(len(a.sentences) for a in sample_articles)
    first = sample_articles[0]
    first_spans = [s for s in spans if (s["id"] or "").startswith(f"s-{first.id}-")]
    assert [(int(s["data-start"] or 0), int(s["data-end"] or 0)) for s in first_spans] == [
        (s.start, s.end) for s in first.sentences
    ]
    # What the cleaner removed is listed, collapsed, with its reason.
    removed = sum(len(a.removed) for a in sample_articles)
    assert removed > 0
    assert len(html.having("details", "removed")) == sum(1 for a in sample_articles if a.removed)
    assert page.count('<span class="reason">') == removed
    # Sections whose stages did not run are left out, not faked.
    for anchor in ("summary", "timeline", "quotes", "roster", "comparison"):
        assert f'id="{anchor}"' not in page
    assert 'id="articles"' in page


def test_page_is_self_contained_and_only_its_own_script_may_run(sample_articles):
    page = render_report(Brief(articles=sample_articles, summary=summary_of(sample_articles)))
    html = parse(page)
    # Nothing is fetched: no external script, stylesheet, image, font or frame.
    for tag, attrs in html.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None and tag != "a":
                pytest.fail(f"<{tag} {name}={value!r}> would load something")
            if tag == "a" and value is not None:
                assert value.startswith("#"), f"link out of the page: {value}"
    assert len(html.scripts) == 1
    policy = next(
        a["content"] for a in html.having("meta") if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None and "default-src 'none'" in policy
    digest = base64.b64encode(hashlib.sha256(html.scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy  # the page's own script, by hash; nothing else


def test_hostile_article_text_is_escaped_everywhere(sample_articles):
    hostile = Article(
        id="hostile",
        source="<b>evil</b>.txt",
        text=HOSTILE,
        title='<img src=x onerror="alert(1)">',
        outlet="<script>alert(2)</script>",
        byline='"><svg onload=alert(3)>',
        url="javascript:alert(4)",
    )
    hostile.sentences = []
    start = 0
    for index, line in enumerate(HOSTILE.split("\n\n")):
        start = HOSTILE.index(line, start)
        from storyline.model import Sentence

        hostile.sentences.append(Sentence(start, start + len(line), index))
        start += len(line)
    sentence = hostile.sentences[1]
    brief = Brief(
        articles=[hostile],
        summary=Summary([CitedSentence(hostile.sentence_text(sentence), [cite(hostile, sentence)])]),
        attributions=[
            Attribution(
                speaker="<i>spy</i>",
                speaker_start=None,
                speaker_end=None,
                speaker_entity=None,
                cue="said",
                content="<script>x()</script>",
                article="hostile",
                start=sentence.start,
                end=sentence.end,
                direct=True,
            )
        ],
    )
    page = render_report(brief)
    html = parse(page)
    assert len(html.scripts) == 1  # only the page's own
    assert not [a for _, a in html.tags if any(k.startswith("on") for k in a)], "an event handler got through"
    assert not html.having("img") and not html.having("svg", "tl-axis") and not html.having("i")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;" in page
    assert 'href="javascript:' not in page


def test_citation_markers_point_at_the_cited_sentence(sample_articles):
    summary = summary_of(sample_articles)
    page = render_report(Brief(articles=sample_articles, summary=summary))
    html = parse(page)
    buttons = html.having("button", "cite")
    assert len(buttons) == 3
    numbers = {a.id: i for i, a in enumerate(sample_articles, start=1)}
    for button, sentence in zip(buttons, summary.sentences):
        citation = sentence.citations[0]
        assert button["data-article"] == citation.article
        assert (int(button["data-start"] or -1), int(button["data-end"] or -1)) == (
            citation.start,
            citation.end,
        )
        assert (button["title"] or "").startswith(f"[{numbers[citation.article]}] ")
        # The span the button points at is a sentence span of that article, with the same text.
        target = next(
            s for s in html.having("span", "sent") if s["id"] == f"s-{citation.article}-{citation.sentence}"
        )
        assert int(target["data-start"] or -1) == citation.start
    assert summary.sentences[0].text in page.replace("&#x27;", "'").replace("&quot;", '"')


def test_date_provenance_is_said_in_words(samples_by_file):
    voa = samples_by_file["001"]
    assert voa.published is not None and voa.published_provenance
    known = date_known(voa)
    assert known.startswith(voa.published.isoformat())
    assert "from" in known and ":" not in known.split(",", 1)[1].split(";")[0].split("(")[0]
    undated = copy.copy(voa)
    undated.published = None
    undated.published_provenance = None
    assert date_known(undated) == "date not stated; nothing in it or its story dates it"
    bounded = copy.copy(undated)
    bounded.published_interval = PublishedInterval(
        earliest=dt.date(2011, 8, 1), method="latest-date-mentioned", precision="month"
    )
    assert date_known(bounded).startswith(
        "date not stated; after 2011-08, inferred from the latest date it names"
    )
    assert "2011-08-01" not in date_known(bounded)


def test_date_ranges_of_timeml_values():
    assert date_range("2011-08-18") == (dt.date(2011, 8, 18), dt.date(2011, 8, 19), False)
    assert date_range("2011-08") == (dt.date(2011, 8, 1), dt.date(2011, 9, 1), True)
    assert date_range("2011-12") == (dt.date(2011, 12, 1), dt.date(2012, 1, 1), True)
    assert date_range("2011") == (dt.date(2011, 1, 1), dt.date(2012, 1, 1), True)
    assert date_range("2011-W33") == (dt.date(2011, 8, 15), dt.date(2011, 8, 22), True)
    assert date_range("2011-Q3") == (dt.date(2011, 7, 1), dt.date(2011, 10, 1), True)
    assert date_range("2011-08-18", "month") is not None and date_range("2011-08-18", "month")[2]
    for undated in ("", None, "PRESENT_REF", "P3D", "2011-13-45", "XXXX-08"):
        assert date_range(undated) is None


def test_axis_ticks_suit_the_span():
    years = axis_ticks(dt.date(2001, 3, 1), dt.date(2013, 5, 1))
    assert 3 <= len(years) <= 13 and all(label.isdigit() for _, label in years)
    months = axis_ticks(dt.date(2011, 1, 10), dt.date(2011, 12, 20))
    assert 6 <= len(months) <= 12
    days = axis_ticks(dt.date(2011, 8, 1), dt.date(2011, 8, 20))
    assert 2 <= len(days) <= 13
    assert all(first <= day for day, _ in days for first in [dt.date(2011, 8, 1)])


def timeline_of(articles: list[Article]) -> Timeline:
    """Entries at every granularity, citing real sample sentences."""
    a, b = articles[0], articles[1]
    sentence_a, sentence_b = a.sentences[0], b.sentences[0]
    cited_a = CitedSentence(a.sentence_text(sentence_a), [cite(a, sentence_a)])
    cited_b = CitedSentence(b.sentence_text(sentence_b), [cite(b, sentence_b)])
    return Timeline(
        [
            TimelineEntry("2011-08-18", "day", [cited_a]),
            TimelineEntry("2011-08-19", "day", [cited_b]),
            TimelineEntry("2012-07", "month", [cited_b]),
            TimelineEntry("2013", "year", [cited_a]),
            TimelineEntry("", "none", [cited_b]),
        ]
    )


def test_timeline_svg_has_one_mark_per_dated_entry(sample_articles):
    timeline = timeline_of(sample_articles)
    page = render_report(Brief(articles=sample_articles, timeline=timeline))
    html = parse(page)
    marks = [a for _, a in html.tags if "tl-mark" in (a.get("class") or "").split()]
    assert len(marks) == 4  # the undated entry has no mark
    assert sorted(int(m["data-entry"] or -1) for m in marks) == [0, 1, 2, 3]
    assert len([m for m in marks if "tl-coarse" in (m["class"] or "")]) == 2
    entries = html.having("li", "tl-entry")
    assert [e["id"] for e in entries] == [f"tl-e-{i}" for i in range(5)]
    assert "undated</span>" in page
    # Marks are ordered in time along the axis.
    xs = {int(m["data-entry"] or -1): float(m.get("cx") or m.get("x") or 0) for m in marks}
    assert xs[0] < xs[1] < xs[2] < xs[3]


def test_quotes_roster_and_comparison_sections(sample_articles):
    a, b = sample_articles[0], sample_articles[1]
    sa, sb = a.sentences[0], b.sentences[2]
    quotes = [
        Attribution(
            "senior U.S. officials",
            None,
            None,
            None,
            "tell",
            "will call",
            a.id,
            sa.start,
            sa.end,
            False,
            True,
        ),
        Attribution("Clinton", None, None, "Hillary Clinton", "said", "go", a.id, sa.start, sa.end, True),
        Attribution(
            "Hillary Clinton", None, None, "Hillary Clinton", "said", "now", b.id, sb.start, sb.end, True
        ),
    ]
    roster = [
        Entity("e1", "Bashar al-Assad", "PERSON", ["Assad", "al-Assad"], {a.id: 4, b.id: 2}),
        Entity("e2", "United States", "GPE", ["U.S.", "Washington"], {a.id: 3}, [{"role": "government"}]),
    ]
    ca, cb = cite(a, sa), cite(b, sb)
    comparison = Comparison(
        claims=[
            Claim("Assad must go", [a.id], ["CNN"], 1, ["Obama"], [1], [ca]),
            Claim("Assad may stay", [b.id], ["VOA", "CNN"], 2, [], [0], [cb]),
        ],
        positions=[Position("United States", "Assad must go", "for", "2011-08-18", ca)],
        reversals=[Reversal("United States", "Assad must go", "for", "against", [ca, cb])],
    )
    page = render_report(
        Brief(articles=sample_articles, attributions=quotes, entities=roster, comparison=comparison)
    )
    html = parse(page)
    speakers = html.having("details", "speaker")
    assert len(speakers) == 2 + 1  # two speakers, one actor with positions
    assert page.count("anonymous source</span>") == 1
    assert "(as Clinton)" in page  # spellings of one speaker are grouped under the entity
    rows = html.having("tr", "pg-item")
    assert len(rows) == 2 + 2  # roster rows + claim rows
    assert "Assad, al-Assad" in page and "government" in page
    # Matrix: CNN carries both claims; VOA carries the second and contradicts the first.
    claim_rows = re.findall(r'<tr class="pg-item" id="claim-(\d)".*?</tr>', page)
    assert claim_rows == ["1", "0"]  # most independent outlets first
    first_claim = re.search(r'id="claim-0".*?</tr>', page)
    assert first_claim is not None
    assert (
        first_claim.group(0).count("cell carried") == 1
        and first_claim.group(0).count("cell contradicted") == 1
    )
    assert "Changes of position" in page and "Contradictions" in page


def test_big_sections_are_cut_short_with_a_note(sample_articles):
    from storyline.present import html as presenter

    a = sample_articles[0]
    sentence = a.sentences[0]
    citations = [cite(a, s) for s in a.sentences[:10]]
    claims = [
        Claim(f"claim {i}", [a.id], ["CNN"], 4 if i == 0 else 2 + i % 3, [], [], [cite(a, sentence)])
        for i in range(presenter.CLAIMS_SHOWN + 50)
    ]
    # claims from one source that nobody contradicts compare nothing: counted, never listed
    claims += [Claim(f"alone {i}", [a.id], ["CNN"], 1, [], [], [cite(a, sentence)]) for i in range(30)]
    claims[0].citations = citations
    comparison = Comparison(claims=claims, positions=[], reversals=[])
    page = render_report(Brief(articles=sample_articles, comparison=comparison))
    html = parse(page)
    rows = [r for r in html.having("tr", "pg-item") if (r.get("id") or "").startswith("claim-")]
    assert len(rows) == presenter.CLAIMS_SHOWN
    assert "50 more claims (those carried by fewest outlets) not shown" in page
    assert "30 claims from one source only, contradicted by none, are not listed" in page
    shown = {int((r["id"] or "").split("-")[1]) for r in rows}
    left = set(range(len(claims))) - shown
    assert len(left) == 80 and all(claims[i].independent_outlets == 2 for i in left if i < len(claims) - 30)
    assert all(claims[i].independent_outlets >= 2 for i in shown)  # fewest-carried go, single ones first
    assert '<a href="#comparison">Sources compared</a> <span class="n">450</span>' in page
    # A claim with 10 cited sentences shows 6 markers and counts the rest.
    first = re.search(r'id="claim-0".*?</tr>', page)
    assert first is not None and first.group(0).count('class="cite"') == presenter.CITATIONS_SHOWN
    assert "+4</span>" in first.group(0)


def test_long_sections_are_paginated():
    articles = [
        Article(id=f"a{i}", source=f"{i}.txt", text=f"Sentence {i} of a test article.", outlet=f"O{i % 7}")
        for i in range(300)
    ]
    page = render_report(Brief(articles=articles))
    html = parse(page)
    lists = [a for _, a in html.tags if a.get("data-page-size")]
    assert any(a.get("id") == "article-list" for a in lists)
    assert len(html.having("article", "art")) == 300


def test_brief_leaves_out_missing_stages_and_records_failures(sample_articles):
    stages = (
        Stage("summary", "storyline.no_such_stage", "summarize", "summary"),
        Stage("timeline", "storyline.text.similarity", "no_such_function", "timeline"),
        Stage(
            "entities", "storyline.text.similarity", "content_words", "who is who"
        ),  # wrong signature: fails
    )
    assert all(stage_function(stage) is None for stage in stages[:2])
    articles = [dataclasses.replace(copy.deepcopy(a), sentences=[]) for a in sample_articles[:2]]
    problem = InputProblem("x.txt", "empty", "file is empty")
    made = run_brief(corpus_of(articles, problems=[problem]), stages=stages)
    assert made.summary is None and made.timeline is None and made.entities is None
    assert list(made.stage_errors) == ["entities"]
    assert made.stage_errors["entities"].startswith("who is who failed: TypeError")
    assert made.problems == [problem]
    assert all(a.sentences for a in made.articles)  # annotated once, by corpus_of
    page = render_report(made)
    assert "who is who failed: TypeError" in page and "x.txt: file is empty" in page


def build_brief(articles):
    """The brief of articles prepared here: made a corpus (annotated, copies marked), then every stage."""
    return run_brief(corpus_of(articles))


@pytest.fixture(scope="module")
def whole_brief(sample_articles):
    return build_brief([copy.deepcopy(a) for a in sample_articles])


def cited_text(brief: Brief, citation: Citation) -> str:
    article = next(a for a in brief.articles if a.id == citation.article)
    return article.text[citation.start : citation.end]


def test_brief_runs_every_stage_and_each_section_says_what_the_samples_say(whole_brief):
    """Every installed stage runs without error and fills its section with what the samples hold;
    a stage that raises, or returns nothing, fails here."""
    brief = whole_brief
    assert all(stage_function(stage) is not None for stage in STAGES)
    assert brief.stage_errors == {}
    # Summary: verbatim sentences of the articles, each cited where it stands, within the budget.
    assert brief.summary is not None and len(brief.summary.sentences) >= 3
    for sentence in brief.summary.sentences:
        assert sentence.citations and all(cited_text(brief, c) == sentence.text for c in sentence.citations)
    assert sum(len(s.text.split()) for s in brief.summary.sentences) <= 250
    # Timeline: dated entries in time order, citing sentences of the articles; August 2011 (the U.S.
    # call) and 2012 (the UN draft) are both there.
    assert brief.timeline is not None and len(brief.timeline.entries) >= 3
    dates = [e.date for e in brief.timeline.entries if e.date]
    assert dates == sorted(dates)
    assert any(d.startswith("2011-08") for d in dates) and any(d.startswith("2012") for d in dates)
    for entry in brief.timeline.entries:
        for sentence in entry.sentences:
            assert all(cited_text(brief, c) == sentence.text for c in sentence.citations)
    # Who said what: the CNN lede's anonymous officials, and Clinton quoted by name.
    assert brief.attributions is not None
    assert any(
        a.speaker == "senior U.S. officials" and a.cue == "tell" and a.anonymous for a in brief.attributions
    )
    assert any(a.speaker == "Clinton" and a.cue == "said" for a in brief.attributions)
    # Who is who: the people of the story, one entry each.
    assert brief.entities is not None
    people = [e.name for e in brief.entities if e.type == "person"]
    for name in ("Bashar al-Assad", "Hillary Clinton", "John Kerry", "Barack Obama"):
        assert people.count(name) == 1, name
    # Comparison: claims, and Washington's change of position on Assad stepping down.
    assert brief.comparison is not None and brief.comparison.claims
    assert [
        (r.actor, r.proposition, r.from_, r.to)
        for r in brief.comparison.reversals
        if r.actor == "United States"
    ] == [("United States", "Bashar al-Assad leaves power", "support", "oppose")]
    page = render_report(brief)
    for anchor in ("summary", "timeline", "quotes", "roster", "comparison", "articles"):
        assert f'id="{anchor}"' in page, anchor
    assert not parse(page).having("p", "error")


def test_a_stage_that_raises_is_reported_and_the_others_still_run(sample_articles, whole_brief, monkeypatch):
    import storyline.timeline.build as timeline_module

    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(timeline_module, "build_timeline", broken)
    brief = build_brief([copy.deepcopy(a) for a in sample_articles])
    assert brief.timeline is None
    assert brief.stage_errors == {"timeline": "timeline failed: RuntimeError: broken on purpose"}
    # The other sections are what they are when nothing fails.
    assert brief.summary is not None and whole_brief.summary is not None
    assert [s.text for s in brief.summary.sentences] == [s.text for s in whole_brief.summary.sentences]
    assert brief.attributions is not None and len(brief.attributions) == len(whole_brief.attributions or [])
    assert brief.entities is not None and [e.name for e in brief.entities] == [
        e.name for e in whole_brief.entities or []
    ]
    assert brief.comparison is not None and brief.comparison.reversals
    page = render_report(brief)
    errors = parse(page)
    assert len(errors.having("p", "error")) == 1
    assert "timeline failed: RuntimeError: broken on purpose" in page
    assert 'id="timeline"' not in page
    for anchor in ("summary", "quotes", "roster", "comparison", "articles"):
        assert f'id="{anchor}"' in page, anchor


def test_report_command_writes_one_page(tmp_path, capsys):
    output = tmp_path / "brief.html"
    status = main(["report", str(SAMPLES), "-o", str(output), "-q"])
    assert status == 0
    page = output.read_text(encoding="utf-8")
    assert parse(page).having("article", "art").__len__() == 5
    assert "Kerry Withdraws From Call For Assad" in page
    assert capsys.readouterr().out == ""
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, no leftovers


def test_report_command_goes_on_past_bad_input_and_can_write_stdout(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    one = SAMPLES / "001_93f27252f708ae0a.txt"
    status = main(["report", str(one), str(empty), "-o", "-", "-q"])
    captured = capsys.readouterr()
    assert status == 1  # an input was skipped
    assert "empty.txt" in captured.err and "file is empty" in captured.err
    assert captured.out.startswith("<!doctype html>")
    assert "could not be used" in captured.out  # the report lists the skipped input too
    assert len(parse(captured.out).having("article", "art")) == 1


def test_report_command_refuses_a_missing_output_folder(tmp_path, capsys):
    status = main(["report", str(SAMPLES), "-o", str(tmp_path / "nowhere" / "brief.html"), "-q"])
    assert status == 2
    assert "does not exist" in capsys.readouterr().err


def test_citation_of_an_unknown_article_draws_no_marker(sample_articles):
    ghost = Citation("ghost", "x", None, None, 0, 0, 5)
    summary = Summary([CitedSentence("A sentence from nowhere.", [ghost])])
    page = render_report(Brief(articles=sample_articles[:1], summary=summary))
    assert not parse(page).having("button", "cite")


def test_a_speakers_other_spellings_leave_out_pronouns_it_was_resolved_from():
    from storyline.model import Article, Attribution
    from storyline.present.html import ArticleIndex, render_attributions

    text = "The WHO said the virus spreads. It said schools should close. I said so, the agency wrote."
    article = Article(id="a1", source="a.txt", text=text)

    def said(speaker: str, start: int) -> Attribution:
        return Attribution(
            speaker=speaker,
            speaker_start=0,
            speaker_end=3,
            speaker_entity="World Health Organization",
            cue="said",
            content="x",
            article="a1",
            start=start,
            end=start + 5,
            direct=False,
        )

    html = render_attributions([said("The WHO", 0), said("It", 33), said("I", 62)], ArticleIndex([article]))
    assert "(as The WHO)" in html
    assert "It" not in html.split("World Health Organization", 1)[1].split("</summary>", 1)[0]


def test_a_direct_quote_that_carries_its_own_marks_is_not_quoted_again():
    from storyline.model import Article, Attribution
    from storyline.present.html import ArticleIndex, render_attributions

    text = 'She called it "essential". Clinton said the vote mattered.'
    article = Article(id="a1", source="a.txt", text=text)

    def said(content: str, direct: bool) -> Attribution:
        return Attribution(
            speaker="Clinton",
            speaker_start=0,
            speaker_end=3,
            speaker_entity="Hillary Clinton",
            cue="said",
            content=content,
            article="a1",
            start=0,
            end=5,
            direct=direct,
        )

    html = render_attributions(
        [said('"essential"', True), said("the vote mattered", True)], ArticleIndex([article])
    )
    assert '<span class="quote-direct own-marks">&quot;essential&quot;</span>' in html
    assert '<span class="quote-direct">the vote mattered</span>' in html


def test_a_speaker_saying_the_same_words_twice_is_one_line_citing_both_places():
    from storyline.model import Article, Attribution
    from storyline.present.html import STATEMENTS_PER_SPEAKER, ArticleIndex, render_attributions

    first = Article(id="a1", source="a.txt", text="The WHO said countries must not lower their guard.")
    second = Article(id="a2", source="b.txt", text="The WHO said Countries must not lower their guard .")

    def said(article: str, content: str, start: int = 0) -> Attribution:
        return Attribution(
            speaker="The WHO",
            speaker_start=0,
            speaker_end=7,
            speaker_entity="World Health Organization",
            cue="said",
            content=content,
            article=article,
            start=start,
            end=start + 10,
            direct=False,
        )

    again = "countries must not lower their guard"
    others = [said("a1", f"statement {n}", n) for n in range(1, STATEMENTS_PER_SPEAKER + 2)]
    html = render_attributions(
        [said("a1", again), said("a2", "Countries must not lower their guard ."), *others],
        ArticleIndex([first, second]),
    )
    block = html.split('<ul class="quotes">', 1)[1]
    assert block.count("must not lower their guard") == 1
    line = block.split("must not lower their guard", 1)[1].split("</li>", 1)[0]
    assert 'data-article="a1"' in line and 'data-article="a2"' in line
    assert f"{STATEMENTS_PER_SPEAKER + 3} statements" in html  # every statement is still counted
    assert "and 2 more" in block  # of the distinct lines not shown


def test_a_title_from_the_text_never_opens_with_a_dateline():
    from storyline.present.html import first_line

    assert first_line("TRIPOLI, Libya (Reuters) - Rebels advanced west.\n\nMore.") == "Rebels advanced west."
    assert first_line("NAWFALIYAH/MISRATA, Libya (Reuters) - Rebels pushed on.") == "Rebels pushed on."
    assert first_line("Cairo, Egypt (CNN) -- Egypt braced for a march.") == "Egypt braced for a march."
    assert first_line("The rebels advanced on the town.") == "The rebels advanced on the town."


def test_a_collection_with_no_compared_claim_says_so(sample_articles):
    """One outlet's articles: its claims come from one source each and none is contradicted, so the
    comparison lists none of them (they were template lines and captions at the top of the table)."""
    a = sample_articles[0]
    claims = [Claim(f"claim {i}", [a.id], [], 0, [], [], [cite(a, a.sentences[0])]) for i in range(12)]
    page = render_report(Brief(articles=sample_articles, comparison=Comparison(claims, [], [])))
    assert "No claim is carried by two or more independent outlets. 12 claims from one source only" in page
    assert 'id="claim-' not in page
    assert '<a href="#comparison">Sources compared</a> <span class="n">0</span>' in page


def test_a_speakers_other_names_are_names_most_used_first(sample_articles):
    """The "(as ...)" of a speaker lists other names the articles use, not an apposition, a caption, a
    ticker figure glued on or two actors joined (on Finan_washingtonpost: "-348.22 Sen. Barack Obama",
    "Geithner and Bernanke", "Cox, the embattled chairman of ...")."""
    a = sample_articles[0]
    s = a.sentences[0]
    spans = ["Obama"] * 3 + ["Mr. Obama"] * 2 + ["Sen. Barack Obama"]
    spans += ["-348.22 Sen. Barack Obama", "Obama and Bernanke", "Obama, who spoke in Ohio,", "Obama's aides"]
    quotes = [
        Attribution(span, None, None, "Barack Obama", "said", f"words {i}", a.id, s.start, s.end, False)
        for i, span in enumerate(spans)
    ]
    page = render_report(Brief(articles=sample_articles, attributions=quotes))
    assert "(as Obama, Mr. Obama, Sen. Barack Obama)" in page


def test_the_title_names_the_story_not_the_outlet_that_carries_it(sample_articles):
    # "(Reuters) -" in every dateline makes Reuters the most mentioned body of a Reuters corpus: the title is
    # about who the story is about
    articles = [dataclasses.replace(a, outlet="Reuters") for a in sample_articles]
    ids = {a.id: 1 for a in articles}
    entities = [
        Entity("organization:reuters", "Reuters", "organization", ["Reuters", "REUTERS"], dict(ids)),
        Entity("person:bashar-al-assad", "Bashar al-Assad", "person", ["Assad"], dict(ids)),
        Entity("organization:un", "United Nations", "organization", ["UN"], dict(ids)),
    ]
    page = render_report(Brief(articles, entities=entities))
    assert "<title>Brief: Bashar al-Assad and United Nations — storyline</title>" in page
