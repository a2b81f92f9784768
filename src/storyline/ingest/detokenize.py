"""Detokenize: read Penn-Treebank-tokenized research corpora as the plain text they were made from.

Research corpora (Timeline17, the Crisis data, many CoNLL-era sets) ship their articles tokenized the
Penn Treebank way: a space before every comma and full stop, clitics split off (``do n't``, ``Cairo 's``),
brackets written ``-LRB-`` ``-RRB-`` (``-LSB-``/``-RSB-``, ``-LCB-``/``-RCB-``), and double quotes written
````` `` ````` and ``''``. Read as is, such text has sentences that do not look like sentences, quotes no
quote finder sees, entities like ``Mubarak 's`` and a brief that shows ``-LRB- CNN -RRB- --``.

``looks_tokenized`` tells such text from ordinary text (ordinary text is never touched), and
``detokenize`` puts the text back together line by line: the line breaks are kept (Timeline17 has one
sentence a line), only the spaces inside a line change. Everything later (sentences, entities, quotes,
citations) points into the detokenized text.

>>> detokenize("They heard that he was `` delegating power '' -LRB- CNN -RRB- .")
'They heard that he was "delegating power" (CNN).'
>>> detokenize("Mubarak 's words wo n't work ; protests will grow .")
"Mubarak's words won't work; protests will grow."
"""

from __future__ import annotations

import re

BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
# Tokens written against the word before them.
ATTACH_LEFT = frozenset({",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "...", "''", "'"})
# Tokens the next word is written against.
ATTACH_RIGHT = frozenset({"(", "[", "{", "``", "`", "$", "#"})
# Clitics the tokenizer split off their word ("do n't", "Cairo 's", "they 're").
CLITICS = frozenset({"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'em"})
# PTB writes "/" and "*" escaped: "A\/H1N1", "\*\*".
ESCAPED = re.compile(r"\\([/*])")
# Words the tokenizer split in two ("gon na").
SPLIT_WORDS = {("gon", "na"), ("wan", "na"), ("got", "ta")}

# Signs of PTB tokenization: bracket and quote tokens standing alone.
MARKER = re.compile(r"(?:^|(?<=\s))(?:-[LR][RSC]B-|``|'')(?=\s|$)", re.MULTILINE)
# A comma or full stop standing alone (tokenized) or written against its word (ordinary text). Only these
# two are counted: French typography puts a space before ; : ? ! too, but never before , or .
SPACED = re.compile(r"(?<=\S) [,.](?=\s|$)")
ATTACHED = re.compile(r"(?<=\w)[,.](?=\s|$)")
CLITIC = re.compile(r"(?<=\w) (?:n't|'s|'re|'ve|'ll|'d|'m)(?=\s)", re.IGNORECASE)


def looks_tokenized(text: str) -> bool:
    """True when ``text`` is Penn-Treebank-tokenized: most commas and full stops stand apart from their
    word, and either there are two or more of them or a PTB bracket/quote token or split clitic confirms it."""
    spaced = len(SPACED.findall(text))
    attached = len(ATTACHED.findall(text))
    if spaced == 0 or spaced < 0.6 * (spaced + attached):
        return False
    return spaced >= 2 or bool(MARKER.search(text)) or bool(CLITIC.search(text))


def detokenize_line(line: str) -> str:
    """One tokenized line back to ordinary text (see the module docstring)."""
    tokens = line.split()
    out: list[str] = []
    glue_next = False  # the previous token wants the next one written against it
    open_straight = False  # a straight '"' token opened a quote on this line
    open_double = False  # a "``" (or an opening "''") opened a quote on this line
    for index, token in enumerate(tokens):
        token = BRACKETS.get(token, token)
        if "\\" in token:
            token = ESCAPED.sub(r"\1", token)  # "A\/H1N1", "\*": PTB escapes "/" and "*"
        lowered = token.lower()
        glue = glue_next or not out
        glue_next = False
        if token == '"':
            # a straight double-quote token: opening and closing alternate
            if open_straight:
                glue = True
            else:
                glue_next = True
            open_straight = not open_straight
        elif token == "``":
            token, glue_next, open_double = '"', True, True
        elif token == "''":
            # a closing quote, unless no quote is open and another "''" closes one later on the line: some
            # scrapes wrote both ends of a quote as "''" ("with '' flu-like symptoms '' today")
            if not open_double and "''" in tokens[index + 1 :]:
                token, glue_next, open_double = '"', True, True
            else:
                token, glue, open_double = '"', True, False
        elif token == "`":
            token, glue_next = "'", True
        elif token in ATTACH_LEFT or lowered in CLITICS:
            glue = True
            if token == "." and out and out[-1].endswith("."):
                continue  # "U.S. ." at a sentence end: the abbreviation's stop is the sentence's
        elif index > 0 and (tokens[index - 1].lower(), lowered) in SPLIT_WORDS:
            glue = True
        if token in ATTACH_RIGHT:
            glue_next = True
        if glue and out:
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def detokenize(text: str) -> str:
    """Detokenize every line of ``text``; line breaks (and blank lines) stay where they are."""
    return "\n".join(detokenize_line(line) if line.strip() else "" for line in text.split("\n"))


def detokenized(text: str) -> tuple[str, bool]:
    """``text`` detokenized when it looks tokenized, else unchanged; and whether it was."""
    if looks_tokenized(text):
        return detokenize(text), True
    return text, False
