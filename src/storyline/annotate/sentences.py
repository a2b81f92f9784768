"""Sentences by rules, for runs that skip spaCy (``storyline timeline --fast``, the Timeline17 evaluation).

A line break or a sentence end (``.``, ``!`` or ``?`` before a capital, a digit or an opening quote)
closes a sentence, except after an abbreviation ("Mr.", "Aug.") or an initial ("J."). spaCy's
sentences (``storyline.annotate.nlp``) are better; these are a hundred times cheaper.
"""

from __future__ import annotations

import re

from ..model import Article, Sentence
from ..text.words import ABBREVIATIONS

SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
# The abbreviations in lower case: read here in any case ("Gen." and "gen.", "No." and "no.").
LOWER_ABBREVIATIONS = frozenset(word.lower() for word in ABBREVIATIONS)


def is_sentence_end(line: str, position: int) -> bool:
    """A period ends a sentence unless it closes an abbreviation ("Mr.", "Aug.") or an initial ("J.")."""
    if line[position] != ".":
        return True
    word = re.search(r"([\w.]+)$", line[:position])
    if word is None:
        return True
    token = word.group(1).lower()
    return not (token in LOWER_ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text that was not annotated: a line break or a sentence end closes one."""
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        if sentences:
            paragraph += 1  # as in annotate: a line break starts a new paragraph
        start = line_start
        for match in SENTENCE_END.finditer(line):
            if not is_sentence_end(line, match.start()):
                continue
            end = line_start + match.start() + len(match.group().rstrip())
            add_sentence(text, start, end, paragraph, sentences)
            start = line_start + match.end()
        add_sentence(text, start, line_start + len(line), paragraph, sentences)
    return sentences


def add_sentence(text: str, start: int, end: int, paragraph: int, sentences: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start=start, end=end, index=len(sentences), paragraph=paragraph))


def annotate_fast(article: Article) -> Article:
    """Annotate without spaCy: sentences by these rules (when none are set) and time expressions
    (when none are set); no entities. The same article, filled."""
    from .timex import tag_article

    if not article.sentences:
        article.sentences = split_sentences(article.text)
    if not article.timexes:
        tag_article(article)
    return article
