"""Articles of the index whose text is read when it is first needed."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Protocol

from ..model import Article, Block, Sentence

if TYPE_CHECKING:
    import numpy as np

    from .sentence_index import Catalogue


class ArticleSource(Protocol):
    """Where stored articles come from: the load that made them (see :mod:`summarizer.store.index`)."""

    catalogue: Catalogue

    def article(self, position: int) -> Article: ...

    def text(self, position: int) -> tuple[str, tuple[Block, ...]]: ...


class StoredArticle(Article):
    """An :class:`~summarizer.model.Article` known by its entry in a stored catalogue (id, title,
    date, URL, sentence count, excluded spans): its text, blocks and sentences are loaded by its
    ``source`` on first use. It equals the article read from the file, and behaves as it does everywhere."""

    def __init__(
        self, id: str, title: str, date: str | None, path: str | None, url: str | None,
        source: ArticleSource, position: int, entry: int,
    ) -> None:
        # A hundred thousand of these are made per run: the frozen dataclass's __setattr__ is
        # bypassed, and what only some readers ask for stays in the catalogue's columns.
        self.__dict__.update(id=id, title=title, date=date, path=path, url=url, source=source, position=position,
                             entry=entry, _full=None, _text=None)

    def _article(self) -> Article:
        full = self._full
        if full is None:
            full = self.__dict__["_full"] = self.source.article(self.position)
        return full

    def _text_and_blocks(self) -> tuple[str, tuple[Block, ...]]:
        # Ranking reads the text of the sentences it inspects and the paragraph each one opens;
        # making every sentence of the article is left to whoever asks for them.
        if self._full is not None:
            return self._full.text, self._full.blocks
        if self._text is None:
            self.__dict__["_text"] = self.source.text(self.position)
        return self._text

    @property
    def text(self) -> str:  # type: ignore[override]
        return self._text_and_blocks()[0]

    @property
    def blocks(self) -> tuple[Block, ...]:  # type: ignore[override]
        return self._text_and_blocks()[1]

    @property
    def sentences(self) -> tuple[Sentence, ...]:  # type: ignore[override]
        return self._article().sentences

    @property
    def sentence_count(self) -> int:
        return int(self.source.catalogue.sentences[self.entry])

    @property
    def text_hash(self) -> str:
        return self.source.catalogue.text_hash(self.entry)

    @property
    def catalogue_entry(self) -> tuple[Catalogue, int]:
        """(its catalogue, its entry there): what knows its place in the Sources order."""
        return self.source.catalogue, self.entry

    @property
    def is_loaded(self) -> bool:
        """Whether its text was read."""
        return self._full is not None or self._text is not None

    def excluded(self) -> tuple[Block, ...]:
        spans = self.source.catalogue.excluded.get(self.entry, ())
        return tuple(Block(i, s, e, "boilerplate", reason) for i, s, e, reason, _ in spans)

    def span(self, block: Block) -> str:
        for i, s, e, _, text in self.source.catalogue.excluded.get(self.entry, ()):
            if (i, s, e) == (block.index, block.start, block.end):
                return text
        return super().span(block)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        mine = self._article()
        theirs = other._article() if isinstance(other, StoredArticle) else other
        return Article.__eq__(mine, theirs) if type(theirs) is Article else NotImplemented

    def __hash__(self) -> int:
        return hash(self._article())

    def __repr__(self) -> str:
        return f"StoredArticle(id={self.id!r}, title={self.title!r}, date={self.date!r}, path={self.path!r})"

    def __reduce__(self):
        return (Article, tuple(getattr(self._article(), f) for f in Article.__dataclass_fields__))


def catalogue_entries(articles: Sequence[Article]) -> tuple[Catalogue, np.ndarray] | None:
    """(their catalogue, each one's entry there), when ``articles`` are all stored articles of
    one catalogue: what their columns are read from at once, for 100,000 articles."""
    # Checked by C-level loops: these are asked of 100,000 articles at a time.
    if not articles or set(map(type, articles)) != {StoredArticle}:
        return None
    catalogues = set(map(id, map(attrgetter("source.catalogue"), articles)))
    if len(catalogues) != 1:
        return None
    catalogue = articles[0].source.catalogue  # type: ignore[attr-defined]
    import numpy as np

    return catalogue, np.fromiter(map(attrgetter("entry"), articles), dtype=np.int64, count=len(articles))


def sentence_counts(articles: Sequence[Article]) -> list[int]:
    """Each article's ``sentence_count``; for stored articles of one load, read from their
    catalogue's column at once (a property call each took 0.1 s at 100,000 articles)."""
    stored = catalogue_entries(articles)
    if stored is None:
        return [a.sentence_count for a in articles]
    catalogue, entries = stored
    return catalogue.sentences[entries].tolist()


def excluded_spans(articles: Sequence[Article]) -> list[tuple[str, int, int, str, str]]:
    """Every excluded block of the articles, in order: (article id, start, end, reason, text),
    as ``article.excluded()`` and ``article.span(block)`` give them; for stored articles of one
    load, from their catalogue, looking only at the articles that have some."""
    stored = catalogue_entries(articles)
    if stored is None:
        return [(a.id, b.start, b.end, b.reason, a.span(b)) for a in articles for b in a.excluded()]
    spans = stored[0].excluded
    return [(a.id, start, end, reason, text)
            for a in articles if a.entry in spans  # type: ignore[attr-defined]
            for _, start, end, reason, text in spans[a.entry]]  # type: ignore[attr-defined]
