"""The report and the web app in a real headless Chromium (Debian's, driven by playwright).

Screenshots go to out/ for people to look at. The load time of a 300-article page is measured here
and written to out/browser-timings.json (BENCHMARKS.md quotes it).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.annotate.timex import tag_article
from storyline.cli.main import main
from storyline.model import Article, Brief, Sentence
from storyline.present.html import date_range, first_line, render_report
from storyline.service.brief import STAGES, stage_function
from storyline.service.corpus import build_corpus

from .conftest import DATA, ROOT, SAMPLES
from .test_report import HOSTILE, summary_of, timeline_of
from .test_web import running_server

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
OUT = ROOT / "out"
TOPIC = DATA / "timeline17" / "bpoil_reuters" / "articles.jsonl"
LOAD_BUDGET_SECONDS = 3.0


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = (
            f"Debian's chromium is missing ({CHROMIUM}); install it with `make system` "
            "(apt-get install chromium) to run the browser tests"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("dialog", lambda dialog: (tab.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    try:
        yield tab
    finally:
        context.close()


def screenshot(page: Any, name: str, full_page: bool = False) -> None:
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / name), full_page=full_page)


def open_file(page: Any, path: Path) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_function("document.documentElement.dataset.ready === '1'")


def click_and_check_citation(page: Any, button: Any, articles: dict[str, Article]) -> str:
    """Click a citation; the sentences it covers are highlighted and on screen; the panel names the source."""
    article_id = button.get_attribute("data-article")
    start, end = int(button.get_attribute("data-start")), int(button.get_attribute("data-end"))
    button.click()
    highlighted = page.locator(f'[id="art-{article_id}"] .sent.hl')
    highlighted.first.wait_for(state="visible")
    article = articles[article_id]
    expected = [article.sentence_text(s) for s in article.sentences if s.start < end and s.end > start]
    assert highlighted.all_inner_texts() == expected
    assert page.locator(".sent.hl").count() == len(expected)  # nothing else stays highlighted
    assert highlighted.first.is_visible() and highlighted.first.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    panel = page.locator("#source-panel")
    assert panel.is_visible()
    outlet = article.outlet or Path(article.source).name
    assert outlet in panel.locator(".src-outlet").inner_text()
    date_text = panel.locator(".src-date").inner_text()
    assert date_text.startswith(article.published.isoformat() if article.published else "date not stated")
    if article.published is None:  # an interval or unknown, never a guessed day
        assert article.published_label() in date_text or "nothing in it or its story dates it" in date_text
    return " ".join(expected)


def test_report_from_disk_citations_highlight_the_source_sentence(page, sample_articles, tmp_path):
    summary = summary_of(sample_articles)
    path = tmp_path / "cited.html"
    path.write_text(render_report(Brief(articles=sample_articles, summary=summary)), encoding="utf-8")
    open_file(page, path)
    by_id = {a.id: a for a in sample_articles}
    buttons = page.locator("#summary button.cite")
    assert buttons.count() == len(summary.sentences)
    for number, sentence in enumerate(summary.sentences):
        shown = click_and_check_citation(page, buttons.nth(number), by_id)
        assert shown == sentence.text
    screenshot(page, "report-citation.png")
    page.locator("#source-panel .back").click()
    assert buttons.last.evaluate("el => el === document.activeElement")
    assert page.errors == []


def test_sample_report_in_the_browser(page, sample_articles, tmp_path):
    """The real `storyline report` of the samples: every section that ran, its citations, its timeline."""
    path = tmp_path / "brief.html"
    assert main(["report", str(SAMPLES), "-o", str(path), "-q"]) == 0
    OUT.mkdir(exist_ok=True)
    shutil.copy(path, OUT / "brief-samples.html")
    open_file(page, path)
    assert page.locator("article.art").count() == 5
    screenshot(page, "report-samples.png", full_page=True)
    by_id = {a.id: a for a in sample_articles}
    for section in ("summary", "timeline"):
        buttons = page.locator(f"#{section} button.cite")
        if page.locator(f"#{section}").count():
            assert buttons.count() > 0, f"the {section} cites nothing"
            click_and_check_citation(page, buttons.first, by_id)
    if page.locator("#timeline").count():
        entries = page.locator("#tl-list li.tl-entry")
        dates = entries.locator(".tl-date").all_inner_texts()
        undated = sum(1 for d in dates if "undated" in d)
        assert page.locator("svg.tl-axis .tl-mark").count() == entries.count() - undated
        # the articles whose date is not stated are in the undated lane, at their intervals, not on the axis
        lane = page.locator("#tl-undated + p + ol li.tl-entry .tl-date").all_inner_texts()
        assert any("published after 2011-08" in d and "inferred" in d for d in lane), lane
    assert page.errors == []


def test_timeline_svg_has_one_mark_per_dated_entry(page, sample_articles, tmp_path):
    timeline = timeline_of(sample_articles)
    path = tmp_path / "timeline.html"
    path.write_text(render_report(Brief(articles=sample_articles, timeline=timeline)), encoding="utf-8")
    open_file(page, path)
    dated = [e for e in timeline.entries if date_range(e.date, e.granularity) is not None]
    marks = page.locator("svg.tl-axis .tl-mark")
    assert marks.count() == len(dated) == 4
    assert page.locator("svg.tl-axis .tl-coarse").count() == 2
    # A mark is a link to its entry: clicking it brings the entry into view.
    page.locator("svg.tl-axis a").last.click()
    entry = page.locator("#tl-e-3")
    assert entry.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"
    )
    screenshot(page, "report-timeline.png")
    assert page.errors == []


def test_hostile_article_runs_no_script(page, tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    record = {
        "title": '<img src=x onerror="window.__pwned = 3">',
        "outlet": "<script>window.__pwned = 4</script>",
        "text": 'Officials said the talks had failed. <svg onload="window.__pwned = 5"></svg> They met again.',
    }
    (tmp_path / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    path = tmp_path / "hostile.html"
    assert (
        main(
            ["report", str(tmp_path / "hostile.txt"), str(tmp_path / "hostile.jsonl"), "-o", str(path), "-q"]
        )
        == 0
    )
    open_file(page, path)
    page.locator("article.art summary").first.click()
    page.locator("article.art summary").last.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 1  # the page's own
    assert page.locator("main img, main svg:not(.tl-axis), [onerror], [onload]").count() == 0
    texts = " ".join(page.locator(".art-text").all_inner_texts())
    assert "<script>window.__pwned = 1</script>" in texts  # shown as text
    assert "onerror=" in texts
    titles = " ".join(page.locator(".art-title").all_inner_texts())
    assert '<img src=x onerror="window.__pwned = 3">' in titles
    screenshot(page, "report-hostile.png")
    # No script was blocked by the page's policy either: escaping alone kept them out.
    assert page.errors == []


def line_sentences(article: Article) -> list[Sentence]:
    """Timeline17 texts hold one sentence a line (the segmentation annotate gives such text)."""
    sentences = []
    position = 0
    for line in article.text.split("\n"):
        start = article.text.index(line, position)
        position = start + len(line)
        stripped = line.strip()
        if stripped:
            begin = start + line.index(stripped)
            sentences.append(Sentence(begin, begin + len(stripped), len(sentences)))
    return sentences


def test_300_article_topic_loads_within_budget(page, tmp_path):
    articles = list(build_corpus([str(TOPIC)], annotate=False).articles)
    assert len(articles) >= 290
    for article in articles:
        article.sentences = line_sentences(article)
        tag_article(article)
    brief = Brief(articles=articles)
    # The timeline works from sentences alone (no spaCy parse, which would take minutes here); the
    # page with every section is measured by benchmarks/report_web.py.
    timeline = next(stage for stage in STAGES if stage.field == "timeline")
    build_timeline = stage_function(timeline)
    if build_timeline is not None:
        brief.timeline = build_timeline(articles)
    path = tmp_path / "topic.html"
    path.write_text(render_report(brief), encoding="utf-8")
    started = time.perf_counter()
    open_file(page, path)
    seconds = time.perf_counter() - started
    OUT.mkdir(exist_ok=True)
    timings = OUT / "browser-timings.json"
    (timings).write_text(
        json.dumps(
            {
                "page": f"{TOPIC.parent.name}: {len(articles)} articles",
                "bytes": path.stat().st_size,
                "sections": [s.field for s in STAGES if getattr(brief, s.field) is not None] + ["articles"],
                "load_seconds": round(seconds, 3),
            },
            indent=2,
        )
        + "\n"
    )
    # Long sections are paginated: only the first page of articles is shown.
    assert page.locator("article.art:visible").count() == 20
    assert page.locator("#article-list + .pager").is_visible()
    page.locator("#article-list + .pager button", has_text="next").click()
    assert page.locator("article.art:visible").first.get_attribute("id") == f"art-{articles[20].id}"
    wanted = (articles[150].title or first_line(articles[150].text))[:40]  # the title shown
    page.fill('[data-filter-for="article-list"]', wanted)
    assert 1 <= page.locator("article.art:visible").count() <= 20
    assert wanted in page.locator("article.art:visible .art-title").first.inner_text()
    screenshot(page, "report-300-articles.png")
    assert seconds <= LOAD_BUDGET_SECONDS, f"the 300-article page took {seconds:.2f} s to load"
    assert page.errors == []


def test_served_page_upload_gives_the_brief(page, sample_articles, tmp_path):
    with running_server("--time-limit", "240", tmpdir=tmp_path) as base:
        page.goto(base + "/")
        screenshot(page, "web-home.png")
        page.set_input_files("#files", [str(p) for p in sorted(SAMPLES.iterdir())])
        with page.expect_navigation(timeout=240_000):
            page.click("button[type=submit]")
        page.wait_for_function("document.documentElement.dataset.ready === '1'")
        assert page.locator("article.art").count() == 5
        by_id = {a.id: a for a in sample_articles}
        buttons = page.locator("#summary button.cite, #timeline button.cite")
        if any(stage_function(s) is not None for s in STAGES if s.field in ("summary", "timeline")):
            assert buttons.count() > 0
            click_and_check_citation(page, buttons.first, by_id)
        screenshot(page, "web-brief.png")
        assert page.errors == []
