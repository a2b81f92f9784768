"""Which outlet published an article: from its URL, or from what its text says about itself.

Three kinds of evidence, strongest first: the URL's host (``HOSTS`` maps the hosts of well-known
outlets to their names; any other host is named after its domain); a self-reference in the text
(a dateline "Washington (CNN) --", a partner notice "from the archive of our partner The Wire", a
staff title "CNN Senior State Department Producer"); and, weakest, the page template's own
boilerplate lines (``TEMPLATE_SIGNATURES``). A wire credit ("Reuters contributed to the report")
names a contributor, not the publisher, and is kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..text.dates import MONTH_NAMES, WEEKDAY_NAMES
from ..text.patterns import DATELINE, OUTLETS, canonical_outlet, dateline_name

# Hosts of well-known news outlets (registered domain -> name). Other hosts get a name from their domain.
HOSTS = {
    "cnn.com": "CNN",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "foxnews.com": "Fox News",
    "voanews.com": "VOA",
    "ynetnews.com": "Ynet",
    "ynet.co.il": "Ynet",
    "freebeacon.com": "Washington Free Beacon",
    "theatlantic.com": "The Atlantic",
    "theatlanticwire.com": "The Atlantic Wire",
    "aljazeera.com": "Al Jazeera",
    "npr.org": "NPR",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today",
    "bloomberg.com": "Bloomberg",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail",
    "huffingtonpost.com": "HuffPost",
    "huffpost.com": "HuffPost",
    "politico.com": "Politico",
    "foreignpolicy.com": "Foreign Policy",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "afp.com": "AFP",
    "france24.com": "France 24",
    "dw.com": "DW",
    "haaretz.com": "Haaretz",
    "jpost.com": "The Jerusalem Post",
    "timesofisrael.com": "The Times of Israel",
    "rt.com": "RT",
    "aljazeera.net": "Al Jazeera",
}

# News agencies and outlets as datelines and credits name them: ``text.patterns.OUTLET_NAMES``, the one list
# (every outlet of ``HOSTS`` is on it); an article's own dateline is ``text.patterns.DATELINE``.
KNOWN_NAMES = OUTLETS
DATELINE_OUTLET = DATELINE

# A notice in which the article names where it was first published: it speaks of the piece itself
# ("This article originally appeared in ...", "from the archive of our partner ..."), at the start of a
# line or sentence, so that an ordinary sentence ("No one is suggesting that the West ...", "since it
# first appeared in March", "courtesy of McCain") never names an outlet.
PARTNER_NOTICE = re.compile(
    r"(?:^|(?<=[.!?]\s))\W{0,3}(?:"
    r"(?:This|The) (?:[\w-]+ ){0,2}(?:article|piece|post|story|column|essay|report|interview|op-ed|item|entry)"
    r" (?:was )?(?:originally|first) (?:appeared|published|ran|posted)(?: (?:in|on|at|by))?"
    r"|(?:This|The) (?:[\w-]+ ){0,3}(?:is |was )?(?:republished|reprinted|reposted) (?:with permission )?(?:from|courtesy of)"
    r"|(?:This|The) (?:[\w-]+ ){0,3}(?:comes |is )from the archive of our partner"
    r"|(?:From|Via) the archive of our partner"
    r"|Originally (?:appeared|published) (?:in|on|at|by)"
    r")\s+((?:the |The )?[A-Z][\w&'.-]*(?: (?:of |on |the )?[A-Z][\w&'.-]*){0,3})",
)
# Words that start with a capital but name no outlet: months and days ("first appeared in March").
NOT_OUTLET_NAMES = re.compile(rf"^(?:{'|'.join((*MONTH_NAMES, *WEEKDAY_NAMES, 'Twitter', 'Facebook'))})\b")
# A person named where an outlet is looked for: a possessive ("Professor Cole's") or a title ("Dr. Juan Cole").
PERSONAL = re.compile(
    r"['\u2019]s?$|^(?:the |The )?(?:Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sen\.?|Senator|Rep\.?)(?:\s|$)"
)
# The name of a person's own site after the possessive: "'s blog, Informed Comment".
OWN_SITE = re.compile(
    r"\s*(?:blog|website|web site|site|column|newsletter|page|podcast)\s*,\s+"
    r"((?:the |The )?[A-Z][\w&'.-]*(?: (?:of |on |the )?[A-Z][\w&'.-]*){0,3})"
)
# A party and state after a politician's name ("Sen. Ted Cruz (R-Texas) —"), not an outlet's dateline.
PARTY_STATE = re.compile(r"^[RDI]-[A-Z]")
STAFF_TITLE = re.compile(
    rf"\b({KNOWN_NAMES})\s+(?:Senior |Chief |Foreign |Staff |White House |State Department |Political |"
    r"Pentagon |National |Special |Deputy )*(?:Producer|Correspondent|Reporter|Writer|Editor|Analyst|"
    r"Contributor|Anchor)\b"
)
CONTRIBUTOR = re.compile(
    r"^\(?([\w .,&'-]{2,60}?)\s+contributed (?:to )?(?:this|the) (?:report|story|article|reporting)",
    re.IGNORECASE,
)

# Boilerplate lines of known sites' page templates: (outlet, lines that must all be present among
# the document's removed lines, lower-cased). Weak evidence, reported with a low confidence.
TEMPLATE_SIGNATURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Ynet's article template: the Hebrew "first published" stamp and its talkback widget.
    ("Ynet", ("פרסום ראשון", "this will delete your current comment")),
    # VOA's template opens with its accessibility links followed by its breaking-news banner.
    ("VOA", ("accessibility links", "breaking news")),
)


@dataclass(frozen=True)
class OutletGuess:
    name: str
    provenance: str
    confidence: float


def registered_domain(host: str) -> str:
    parts = host.lower().split(".")
    if parts and parts[0] in {"www", "edition", "m", "mobile", "amp", "news", "www1", "www2"}:
        parts = parts[1:]
    if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "go", "gov"} and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    if ".".join(parts[-3:]) == "abcnews.go.com":
        return "abcnews.go.com"
    return ".".join(parts[-2:])


def outlet_from_url(url: str | None) -> OutletGuess | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host or "." not in host:
        return None
    domain = registered_domain(host)
    if domain in HOSTS:
        return OutletGuess(HOSTS[domain], "url", 0.95)
    return OutletGuess(domain, "url", 0.8)


def outlet_from_text(lines: list[str], removed: list[str]) -> OutletGuess | None:
    """The outlet the article's own text names (dateline, partner notice, staff title), else the
    site whose page template left its boilerplate in the removed lines."""
    for line in lines[:6]:
        match = DATELINE_OUTLET.match(line)
        name = dateline_name(match) if match is not None else None
        if name is not None and not re.fullmatch(r"AP Photo|File", name) and not PARTY_STATE.match(name):
            return OutletGuess(canonical_outlet(name), "text:dateline", 0.9)
    for line in removed + lines:
        for match in PARTNER_NOTICE.finditer(line):
            name = partner_name(match, line)
            if name is not None:
                return OutletGuess(name, "text:partner-notice", 0.8)
    for line in removed[:8]:
        match = STAFF_TITLE.search(line)
        if match:
            return OutletGuess(canonical_outlet(match.group(1)), "text:staff-title", 0.8)
    lowered = [line.lower() for line in removed]
    for name, signature in TEMPLATE_SIGNATURES:
        if all(any(mark in line for line in lowered) for mark in signature):
            return OutletGuess(name, "text:page-template", 0.5)
    return None


def partner_name(match: re.Match[str], line: str) -> str | None:
    """The outlet a partner notice names. A person's possessive or title is no outlet ("This piece originally
    appeared on Professor Cole's blog, Informed Comment": the blog's own name after it is, when given)."""
    name = match.group(1).strip().rstrip(".")
    if NOT_OUTLET_NAMES.match(name):
        return None
    if PERSONAL.search(name):
        named = OWN_SITE.match(line, match.end(1))
        return named.group(1).strip().rstrip(".") if named is not None else None
    return name


def contributors(lines: list[str]) -> list[str]:
    """Agencies or people credited for contributing ("Reuters contributed to the report")."""
    found: list[str] = []
    for line in lines:
        match = CONTRIBUTOR.match(line.strip())
        if match:
            found.append(match.group(1).strip())
    return found
