import datetime as dt

from storyline.ingest.prepare import prepare_one
from storyline.ingest.read import RawDocument
from storyline.ingest.webpage import clean_html, meta_date, parse_html, visible_text

STORY = " ".join(
    [
        "The United States on Thursday called for Syrian President Bashar al-Assad to step down.",
        "The White House released a statement confirming the move, followed by an announcement.",
        "European leaders were expected to follow the U.S. lead shortly after, officials said.",
    ]
)

PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>U.S. calls for Assad to go | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="U.S. calls for Assad to go">
<meta property="article:published_time" content="2011-08-18T09:30:00Z">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://www.example-news.com/world/assad">
<script>var tracking = "do not show";</script><style>p {{ color: red }}</style>
</head><body>
<nav><ul><li>Home</li><li>World</li><li>Sports</li></ul></nav>
<article><h1>U.S. calls for Assad to go</h1>
<p>{STORY}</p><p>{STORY}</p><p>{STORY}</p>
<figure><img src="x.jpg"><figcaption>Assad in Damascus (Photo: AP)</figcaption></figure>
<p>Officials said they expected similar calls from other leaders in coming days, and diplomats agreed.</p>
</article>
<footer>Copyright 2011 Example News. All rights reserved.</footer>
<!-- a comment nobody sees -->
</body></html>"""


def test_visible_text_is_what_a_reader_sees_one_block_a_line():
    text = visible_text(PAGE)
    lines = text.split("\n")
    assert lines[:3] == ["Home", "World", "Sports"]
    assert "do not show" not in text and "color: red" not in text and "nobody sees" not in text
    assert STORY in lines and "Copyright 2011 Example News. All rights reserved." in lines


def test_meta_date_says_where_it_was_found():
    assert meta_date(parse_html(PAGE)) == ("2011-08-18", "meta:article:published_time")


def test_html_path_main_text_and_metadata():
    cleaned = clean_html(PAGE)
    assert STORY in cleaned.text and "Officials said they expected" in cleaned.text
    assert "Home" not in cleaned.text.split("\n") and "Copyright" not in cleaned.text
    assert cleaned.title == "U.S. calls for Assad to go"
    article = prepare_one(RawDocument(source="page.html", content=PAGE, kind="html"), "x")
    assert (article.outlet, article.outlet_provenance) == ("Example News", "meta:site_name")
    assert (article.published, article.published_provenance) == (
        dt.date(2011, 8, 18),
        "meta:article:published_time",
    )
    assert article.byline == "Jane Reporter" and article.url == "https://www.example-news.com/world/assad"


def test_truncated_html_keeps_what_is_there_and_says_so():
    cut = PAGE[: PAGE.index("<figure>")]
    cleaned = clean_html(cut)
    assert STORY in cleaned.text and "truncated" in cleaned.metadata["warning"]
