"""The HTML path of cleaning: main text and metadata of a web page.

trafilatura finds the article's main text; the page's own metadata (meta tags, JSON-LD, ``<time>``)
gives the title, author, site name, URL and publication date, each with where it was found;
htmldate dates the page when no tag states a date. ``visible_text`` is the whole visible text of a
page (boilerplate included), the fallback when trafilatura finds nothing and the input of the text
path's benchmark.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from .clean import Cleaned, clean_text

# Elements whose text a reader never sees.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas")
# Elements that start a new line of visible text.
BLOCKS = frozenset(
    """address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot
    th thead tr ul caption option button label legend select textarea title""".split()
)

# Meta tags that state the publication date, best first (name or property, lower-cased).
DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "article.published",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# huge_tree lifts libxml2's nesting limit of 255 levels (to about 2,000); past that, the
# tag-stripping fallback of ``visible_text`` keeps the text.
UTF8_PARSER = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True)
# Control characters HTML tolerates but XML (and so lxml's tree) does not: read as a space.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What the fallback drops whole, and the tags after which it starts a new line.
HIDDEN_BLOCK = re.compile(
    r"<(script|style|noscript|template|svg|head|iframe|object|canvas)\b.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
BLOCK_NAMES = "|".join(sorted(BLOCKS, key=len, reverse=True))
BLOCK_TAG = re.compile(rf"</?(?:{BLOCK_NAMES})\b[^>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")


def without_controls(html: str) -> str:
    """``html`` with XML-incompatible control characters as spaces (lxml refuses them)."""
    return CONTROL.sub(" ", html)


def parse_html(html: str) -> Any | None:
    """An lxml tree, or None when the markup cannot be parsed at all."""
    html = without_controls(html)
    try:
        # bytes with an explicit encoding: lxml would otherwise guess Latin-1 for pages without a charset
        return lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def visible_text(html: str) -> str:
    """The page's whole visible text, one block element a line (what a reader sees, nav included).

    Walks the tree without recursion; when the tree lost text (markup nested deeper than lxml
    keeps), the tags are stripped instead.
    """
    tree = parse_html(html)
    text = tree_text(tree) if tree is not None else ""
    stripped = stripped_text(html)
    return stripped if len(text) < 0.5 * len(stripped) else text


def tree_text(tree: Any) -> str:
    # collect first: dropping elements while iterating would skip their siblings
    for element in list(tree.iter(*INVISIBLE, etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    parts: list[str] = []
    # (element, entering): entering writes the element's start and text and schedules its end
    stack: list[tuple[Any, bool]] = [(tree, True)]
    while stack:
        element, entering = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag.lower() in BLOCKS
        if not entering:
            if block:
                parts.append("\n")
            if element is not tree and element.tail:
                parts.append(element.tail)
            continue
        if block:
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        stack.append((element, False))
        stack.extend((child, True) for child in reversed(element))
    return lines_of("".join(parts))


def stripped_text(html: str) -> str:
    """Visible text by dropping tags (no tree, so no nesting limit)."""
    import html as html_module

    source = without_controls(html)
    source = HIDDEN_BLOCK.sub(" ", source)
    source = BLOCK_TAG.sub("\n", source)
    source = ANY_TAG.sub(" ", source)
    return lines_of(html_module.unescape(source))


def lines_of(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def meta_date(tree: Any) -> tuple[str, str] | None:
    """The publication date a meta tag, JSON-LD or ``<time>`` element states: (YYYY-MM-DD, where)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content") or ""
        if key in DATE_META and ISO_DATE.search(content):
            found.setdefault(key, content)
    for key in DATE_META:
        if key in found:
            match = ISO_DATE.search(found[key])
            if match:
                return match.group(0), f"meta:{key}"
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text)
        if match and ISO_DATE.search(match.group(1)):
            return ISO_DATE.search(match.group(1)).group(0), "json-ld:datePublished"  # type: ignore[union-attr]
    for time in tree.iter("time"):
        value = time.get("datetime") or ""
        if (time.get("pubdate") is not None or time.get("itemprop") == "datePublished") and ISO_DATE.search(
            value
        ):
            return ISO_DATE.search(value).group(0), "html:time-pubdate"  # type: ignore[union-attr]
    return None


def meta_value(tree: Any, *keys: str) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in keys and (meta.get("content") or "").strip():
            return " ".join(meta.get("content").split())
    return None


def page_metadata(tree: Any) -> dict[str, Any]:
    """What the page says about itself, each value with its provenance."""
    metadata: dict[str, Any] = {}
    stated = meta_date(tree)
    if stated:
        metadata["date"], metadata["date_provenance"] = stated
        metadata["date_confidence"] = 0.95
    site = meta_value(tree, "og:site_name", "application-name", "twitter:site")
    if site:
        metadata["sitename"] = site.lstrip("@")
        metadata["sitename_provenance"] = "meta:og:site_name"
    url = meta_value(tree, "og:url", "twitter:url")
    if not url:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http"):
                url = link.get("href")
                break
    if url:
        metadata["url"] = url
    author = meta_value(tree, "author", "article:author", "byl", "parsely-author", "sailthru.author")
    if author and not author.startswith("http"):
        metadata["author"] = author
    title = meta_value(tree, "og:title", "twitter:title")
    if title:
        metadata["title"] = title
    lang = tree.get("lang") or meta_value(tree, "og:locale", "language", "content-language")
    if lang:
        metadata["language"] = lang.split("-")[0].split("_")[0].lower()
    return metadata


def html_date(html: str) -> str | None:
    """htmldate's best guess of the original publication date (it reads markup, URL and text).

    htmldate fails on some odd markup (an AssertionError on ``<object><meta ...><style>``): then
    the page simply has no guessed date.
    """
    try:
        from htmldate import find_date

        return find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError, RecursionError, AssertionError, etree.LxmlError):
        return None


def main_text(html: str, url: str | None) -> Any | None:
    """trafilatura's extraction, or None when it fails on this page (the fallback takes over)."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except (ValueError, TypeError, AssertionError, RecursionError, etree.LxmlError):
        return None


def looks_truncated(html: str) -> bool:
    tail = html[-2000:].lower()
    return "</html>" not in tail and "</body>" not in tail


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Main text by trafilatura, checked by the text cleaner; metadata from the page itself."""
    html = without_controls(html)
    tree = parse_html(html)
    if tree is None:
        raise InputError("bad-html", "the HTML could not be parsed (is it HTML?)")
    metadata = page_metadata(tree)
    truncated = looks_truncated(html)
    extracted = main_text(html, url)
    text = ""
    if extracted is not None:
        found = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        text = found.get("text") or ""
        for key in ("title", "author", "sitename", "url", "description", "hostname", "language"):
            if found.get(key) and key not in metadata:
                metadata[key] = found[key]
        if found.get("date") and "date" not in metadata:
            metadata["date"] = found["date"]
            metadata["date_provenance"] = "html:htmldate"
            metadata["date_confidence"] = 0.7
    if "date" not in metadata:
        guessed = html_date(html)
        if guessed:
            metadata.update(date=guessed, date_provenance="html:htmldate", date_confidence=0.6)
    source = "trafilatura"
    if not text.strip():
        text = visible_text(html)
        source = "visible-text"
    if not text.strip():
        problem = "the HTML is truncated and" if truncated else "the page"
        raise InputError("no-text", f"{problem} has no article text that could be found")
    cleaned = clean_html_text(text, metadata.get("title"), full_page=source == "visible-text")
    cleaned.metadata.update(metadata)
    cleaned.metadata["extractor"] = source
    if truncated:
        cleaned.metadata["warning"] = "the HTML looks truncated (no closing </body> or </html>)"
    return cleaned


def clean_html_text(text: str, page_title: str | None, full_page: bool) -> Cleaned:
    """Run the text cleaner over extracted text; the page's own title wins over a guessed one."""
    if full_page:
        cleaned = clean_text(text)
    else:
        # trafilatura already cut the page to the article: only the signatures of page furniture
        # apply (its first line is story, not a headline to guess; its short lines are subheadings)
        cleaned = clean_text(text, extracted=True)
    if page_title:
        cleaned.title = page_title
    return cleaned
