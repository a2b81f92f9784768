"""The main clauses of the propositions the same-fact checks compare, remembered per article between briefs.

``claims.paraphrase_links``, ``claims.split_on_main_clause`` and ``disputes.other_article_disputes`` ask for
the main clause of a proposition (a sentence, or the content of a statement it reports:
``wording.main_clause``, its verbs, main verbs, whether they are only possible, their doers, the verbs of its
main line and whether a main verb is only planned), and reading
it needs the article's parse. Each article's answers are a piece of it (``storyline.pieces``,
``main-clauses``: where the proposition is looked for and its text, to its verb lemmas, its main verbs'
lemmas, whether a main verb is only possible and who does each), so a brief after new articles reads an old
article's parse only for a proposition no earlier brief asked about. Whether the cue of a statement the article
reports hangs inside a noun phrase (``wording.embedded_cue``, asked by ``claims.paraphrase_links``) is kept in
the same piece (``cue:`` and the cue's span, to a bool). Without kept pieces the answers are only
remembered for the run. The answers are the ones ``main_clause`` gives; a kept answer of another shape (an
older version's) is computed again; the piece was called ``proposition-verbs`` before, and entries under
that name are never read (a piece's key holds its name and the package's code), so they are rebuilt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..model import Article, Attribution
from ..pieces import NO_PIECES, Pieces
from .wording import MainClause, embedded_cue, main_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc

PIECE = "main-clauses"
KIND = dict[str, Any]
T = TypeVar("T")


def kept_form(clause: MainClause) -> list[Any]:
    """A main clause as kept: [verbs, main verbs, possible, [[verb, its doers' words], ...], main-line verbs,
    planned]."""
    return [
        sorted(clause.verbs),
        sorted(clause.main),
        clause.possible,
        [[verb, sorted(words)] for verb, words in clause.doers],
        sorted(clause.line),
        clause.planned,
    ]


def from_kept(kept: Any) -> MainClause | None:
    """The main clause of a kept answer; None when it has another shape (computed again)."""
    if not (
        isinstance(kept, list) and len(kept) == 6 and isinstance(kept[2], bool) and isinstance(kept[5], bool)
    ):
        return None
    verbs, main, possible, doers, line, planned = kept
    try:
        return MainClause(
            frozenset(verbs),
            frozenset(main),
            possible,
            tuple((str(v), frozenset(w)) for v, w in doers),
            frozenset(line),
            planned,
        )
    except (TypeError, ValueError):
        return None


class KeptMainClauses:
    """``main_clause`` of a proposition of one of ``articles`` (by its own parse among ``docs``), and whether the
    cue of one of its statements hangs inside a noun phrase (``embedded_cue``), remembered per article in
    ``pieces``; no parse (``docs`` not given, or not one per article): no verbs, no embedded cue."""

    def __init__(
        self, articles: Sequence[Article], docs: Sequence[Doc] | None, pieces: Pieces = NO_PIECES
    ) -> None:
        given = docs is not None and len(docs) == len(articles)
        self.index = {a.id: i for i, a in enumerate(articles)} if given else {}  # a repeated id: its last
        self.articles = articles
        self.docs = docs
        self.pieces = pieces
        self.known: dict[int, dict[str, Any]] = {}  # by article (object): its answers
        self.grown: dict[int, Article] = {}

    def __call__(self, article: Article, text: str, near: int) -> MainClause:
        clause = self.answer(
            article, f"{near}:{text}", lambda doc: kept_form(main_clause(doc, article, text, near)), from_kept
        )
        return clause if clause is not None else MainClause()

    def embedded(self, article: Article, attribution: Attribution) -> bool:
        if attribution.cue_start is None:
            return False
        return bool(
            self.answer(
                article,
                f"cue:{attribution.cue_start}:{attribution.cue_end}",
                lambda doc: embedded_cue(doc, attribution),
                lambda kept: kept if isinstance(kept, bool) else None,
            )
        )

    def answer(
        self,
        article: Article,
        key: str,
        compute: Callable[[Doc], Any],
        read: Callable[[Any], T | None],
    ) -> T | None:
        """The article's answer ``key`` (``compute`` gives its kept form from the parse, ``read`` reads a kept form
        back, None for one of another shape); None without a parse."""
        position = self.index.get(article.id)
        if position is None or self.docs is None:
            return None
        if self.articles[position] is not article:
            # the parse looked up by this id is another article's (a repeated id): not this one's piece
            return read(compute(self.docs[position]))
        answers = self.known.get(id(article))
        if answers is None:
            found, kept = self.pieces.kept(PIECE, article, KIND)
            answers = self.known[id(article)] = dict(kept) if found else {}
        value = read(answers.get(key))
        if value is None:
            answers[key] = compute(self.docs[position])
            self.grown[id(article)] = article
            value = read(answers[key])
        return value

    def keep(self) -> None:
        """Keep the answers of every article that has new ones."""
        for key, article in self.grown.items():
            self.pieces.keep(PIECE, article, self.known[key])
        self.grown.clear()
