"""Patterns of news text that more than one stage reads: openers that lean on what came before, datelines.

One home for them, so that the cleaner, the summary and the timeline agree on what they mean:

- ``DATELINE``: a dateline opening a paragraph ("CAIRO (Reuters) - ", "PHNOM PENH — ", "Cairo, Egypt (CNN) --
  "): where the story
  body starts (``ingest.clean``) and what a summary sentence leaves out (``summarize.candidates``);
- ``LEAD_DEBRIS``: headline, dateline and byline debris glued into a scraped lead ("TRIPOLI | Tue Mar 1,
  2011 6:36 pm EST TRIPOLI (Reuters) - ...", anywhere in the sentence): a feature of timeline sentences;
- ``LEANING_START``: a sentence that opens on a pronoun, a demonstrative or a connective leans on the
  sentence before it (case-blind; a feature of timeline sentences, ``timeline.build``);
- ``DANGLING_OPENER``: a sentence that opens with a personal pronoun, alone or after a connective ("It
  said ...", "But they ..."): never a summary candidate (``summarize.candidates``);
- ``POINTING_BACK``: what a story-level summary refuses besides (``summarize.story``): a connective opener
  ("And ...", "But ..."), and a demonstrative opener ("That was ...", "This report has not been confirmed.",
  "These measures ..."), except the demonstratives of time ("This week ...", "That night ...") and
  "Those who ...".

The word lists they are built from are below; each pattern keeps its own reach (the timeline's feature is
broad and case-blind, the summary's refusals are narrow and case-sensitive).
"""

from __future__ import annotations

import re

# Personal pronouns and possessives that a sentence cannot open with and stand alone.
PERSONAL_PRONOUNS = ("he", "she", "it", "they", "them", "his", "her", "its", "their", "theirs")
DEMONSTRATIVES = ("this", "that", "these", "those")
# Connectives that join a sentence to the one before.
CONNECTIVES = ("but", "and", "so", "yet", "still", "also", "however", "now")
# Nouns of time after a demonstrative: "This week ..." says when, it does not point back.
TIME_NOUNS = (
    "year|years|month|months|week|weeks|weekend|day|days|morning|afternoon|evening|night|time|summer|winter|"
    "spring|autumn|fall|season|decade|century|january|february|march|april|may|june|july|august|september|"
    "october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)


def alternatives(words: tuple[str, ...] | list[str], title: bool = False) -> str:
    return "|".join(w.title() if title else w for w in words)


DATELINE = re.compile(
    r"^([A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+){0,4}(?:,\s*[A-Z][\w.]+)?\s*(?:\([\w .&'-]{1,30}\))?\s*[-–—]{1,2}\s|"
    r"[A-Z][\w.'-]+(?:,? [A-Z][\w.'-]+){0,3},?\s+\([\w .&'-]{1,30}\)\s*[-–—]{1,2}\s)"
)
# (the Timeline17 texts are read detokenized; "-LRB- Reuters -RRB-" is kept for text given tokenized)
LEAD_DEBRIS = re.compile(
    r"\||(?:\(|-LRB-)\s*[A-Z][A-Za-z]+\s*(?:\)|-RRB-)\s*[-\u2013\u2014]|\b\d{1,2}:\d\d\s*[ap]\.?m\b|\b(?:GMT|BST|EST|EDT|PST|PDT)\b"
)
LEANING_START = re.compile(
    r"^[\"'\u201c\u2018`]*(?:"
    + alternatives(
        ["he", "she", "it", "they", *DEMONSTRATIVES, "but", "and", "however", "his", "her", "their", "its"]
    )
    + r"|we|i|you)\b",
    re.IGNORECASE,
)
DANGLING_OPENER = re.compile(
    rf"^(?:(?:{alternatives(CONNECTIVES, title=True)}),?\s+(?:{alternatives(PERSONAL_PRONOUNS)})"
    rf"|(?:{alternatives(PERSONAL_PRONOUNS, title=True)}))\b(?!-)"
)
POINTING_BACK = re.compile(
    r"^(?:(?:And|But|So|Yet|Or)\b"
    r"|(?:This|That)['’]s\b"
    rf"|(?:{alternatives(DEMONSTRATIVES, title=True)})\s+(?!(?:{TIME_NOUNS}|who)\b)[a-z])"
)
