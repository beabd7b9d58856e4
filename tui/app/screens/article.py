"""One article in full, the sentence the reader opened highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ...citations import display_path
from ...safety import printable
from ..counts import in_summary_phrase
from ..widgets.article_view import ArticleView
from ..widgets.footer import Footer

if TYPE_CHECKING:
    from summarizer import Article, Sentence


class ArticleScreen(Screen[None]):
    """The article's title, date and origin, then its text (``ArticleView``).

    | Key(s) | Description |
    | :- | :- |
    | escape | Back to the summary. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", tooltip="Back to the summary"),
    ]

    def __init__(
        self,
        article: Article,
        target: Sentence | None = None,
        cited: Sequence[Sentence] = (),
        number: int | None = None,
        count: int | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.target = target
        self.cited = tuple(cited)
        """The article's sentences in the summary, or that a summary sentence cites as saying the same."""
        self.number = number
        """The article's source number (None: not known, e.g. an article opened from elsewhere)."""
        self.count = count
        """How many distinct summary sentences cite the article (the Sources panel's count);
        None: not known."""

    def compose(self) -> ComposeResult:
        yield Static(self._heading(), id="article-heading", markup=False)
        yield ArticleView(self.article, self.target, self.cited, id="article-view")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()

    def _heading(self) -> Content:
        article = self.article
        tag = f"[{self.number}] " if self.number else ""
        origin = article.url or (display_path(article.path) if article.path else "no file")
        where = [article.date or "undated", printable(origin)]
        if self.count is not None:
            where.append(in_summary_phrase(self.count))
        return Content.assemble(
            (tag, "bold $text-secondary"),
            (printable(article.title), "bold $text-primary"),
            "\n",
            (" \u00b7 ".join(where), "dim"),
        )

    @property
    def current_article(self) -> Article:
        """What ``o`` (open source) opens here."""
        return self.article

    def action_back(self) -> None:
        self.dismiss()
