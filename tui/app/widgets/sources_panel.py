"""Every article of the corpus: its source number, title, date, file and share of the summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.style import Style
from textual.css.styles import RulesMap
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...safety import printable
from ..counts import cited_phrase, in_summary_phrase
from .navigation import CURSOR_BINDINGS

if TYPE_CHECKING:
    from summarizer import Article, Digest

    from ...citations import Citations, DistinctNames

MARK = "\u25b6"


class SourceEntry(Visual):
    """An article's two lines, built only when drawn: a corpus may have thousands of articles."""

    def __init__(self, article: Article, number: int | None, count: int, marked: bool,
                 where: str | None = None) -> None:
        self.article = article
        self.number = number
        self.count = count
        self.marked = marked
        self.where = where
        """Its URL, or a name for its file that no other article's file has (None: the file's name)."""
        self._content: Content | None = None

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = _entry_content(self.article, self.number, self.count, self.marked, self.where)
        return self._content

    @property
    def plain(self) -> str:
        return self.content.plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 2  # one line each, never wrapped (text-wrap: nowrap)


def _entry_content(article: Article, number: int | None, count: int, marked: bool,
                   where: str | None = None) -> Content:
    where = article.url or where or (Path(article.path).name if article.path else "no file")
    # The share of the summary first: a narrow panel cuts the end of the line, never the count.
    detail = f"{in_summary_phrase(count, short=True)} \u00b7 {article.date or 'undated'} \u00b7 {printable(where)}"
    return Content.assemble(
        (f"{MARK} " if marked else "  ", "bold $text-accent"),
        (f"[{number}]" if number else "[-]", "bold $text-secondary" if count else "dim"),
        " ",
        (printable(article.title), "bold" if marked else ""),
        "\n    ",
        (detail, "dim"),
    )


FOLD = "fold"
"""The id of the row that folds (or unfolds) the articles not in the summary."""


class SourcesPanel(OptionList):
    """The articles the summary cites first, in source-number order (numbers never change: no toggle
    renumbers them), then, folded into one row, those it does not; the current sentence's sources
    marked; how many summary sentences cite each (the citation model's count).

    | Key(s) | Description |
    | :- | :- |
    | enter | Open the highlighted article (click does the same); on the last row, show or fold the rest. |
    | down, j / up, k | Next / previous article. |
    | home, g / end, G | First / last article. |
    """

    DEFAULT_CSS = """
    SourcesPanel {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *CURSOR_BINDINGS,
        Binding("enter", "select", "Open", tooltip="Open the highlighted article"),
    ]

    digest: var[Digest | None] = var(None, always_update=True)
    citations: var[Citations | None] = var(None, always_update=True)
    marked: var[tuple[str, ...]] = var(())
    """Ids of the articles to mark (the current sentence's sources, the first one first)."""
    show_unused: var[bool] = var(False)
    """The articles not in the summary are listed (else folded into one row)."""

    class ArticleOpened(Message):
        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class ArticleHighlighted(Message):
        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._articles: list[Article] = []
        self._index: dict[str, int] = {}
        self._unused = 0
        self._file_names: tuple[tuple[Article, ...], DistinctNames] | None = None
        """The articles named, and a name for each of their files that no other of them has."""

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles listed, in panel order (the cited ones, then the others when unfolded)."""
        return tuple(self._articles)

    @property
    def unused(self) -> int:
        """How many articles the summary does not cite."""
        return self._unused

    @property
    def current(self) -> Article | None:
        if self.highlighted is None or self.highlighted >= len(self._articles):
            return None
        return self._articles[self.highlighted]

    def count(self, article_id: str) -> int:
        """How many distinct summary sentences cite the article (as their own or as saying the same)."""
        return self.citations.counts.get(article_id, 0) if self.citations else 0

    def watch_show_unused(self) -> None:
        self._rebuild(force=True)

    def watch_digest(self) -> None:
        self._rebuild()

    def _rebuild(self, force: bool = False) -> None:
        digest, citations = self.digest, self.citations
        current = self.current.id if self.current else None
        if digest is None or citations is None:
            self._articles, self._index, self._unused = [], {}, 0
            self.clear_options()
            return
        numbers = citations.numbers
        ordered = sorted(digest.articles, key=lambda a: numbers.get(a.id, 0))
        cited = [a for a in ordered if self.count(a.id)]
        rest = [a for a in ordered if not self.count(a.id)]
        articles = cited + rest if self.show_unused else cited
        marked = set(self.marked)
        rows = len(articles) + (1 if rest else 0)
        self.border_subtitle = cited_phrase(len(citations.articles), len(digest.articles))
        if (not force and [a.id for a in articles] == [a.id for a in self._articles] and len(rest) == self._unused
                and self.option_count == rows):
            # The same articles (a toggle, another length or method): only the counts that changed
            # are drawn again, and the panel keeps its size (no new layout of the screen).
            self._articles = articles
            for index, article in enumerate(articles):
                entry = self.get_option_at_index(index).prompt
                if not (isinstance(entry, SourceEntry) and entry.article is article
                        and entry.number == numbers.get(article.id) and entry.count == self.count(article.id)):
                    self.replace_option_prompt_at_index(index, self._prompt(article, article.id in marked))
            return
        self._articles, self._unused = articles, len(rest)
        self._index = {a.id: i for i, a in enumerate(self._articles)}
        options = [Option(self._prompt(a, a.id in marked)) for a in self._articles]
        if rest:
            options.append(Option(self._fold_prompt(len(rest)), id=FOLD))
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            if options:
                self.highlighted = self._index.get(current or "", len(self._articles) if force and rest else 0)

    def _fold_prompt(self, unused: int) -> Content:
        articles = f"{unused:,} article{'s' if unused != 1 else ''}"
        if self.show_unused:
            return Content.styled(f"\u25be fold the {articles} not in the summary", "dim italic")
        return Content.styled(f"\u25b8 {articles} not in the summary (enter: list them)", "dim italic")

    def watch_marked(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        for article_id in set(old) ^ set(new):
            index = self._index.get(article_id)
            if index is not None:
                self.replace_option_prompt_at_index(index, self._prompt(self._articles[index], article_id in new))
        self.show_marked()

    def show_marked(self, top: bool = False) -> None:
        """Highlight the first marked source and bring it into view once laid out; with ``top``, as
        the panel's first row (the first answer to a question just asked)."""
        marked = self.marked
        if marked and not self.has_focus and marked[0] in self._index:
            self.highlighted = self._index[marked[0]]
            self.call_after_refresh(self.scroll_to_highlight, top)

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_highlight)

    def _prompt(self, article: Article, marked: bool) -> SourceEntry:
        number = self.citations.numbers.get(article.id) if self.citations else None
        return SourceEntry(article, number, self.count(article.id), marked, self._file_name(article))

    def _file_name(self, article: Article) -> str | None:
        """A name for the article's file that tells it from every other file of the articles
        (``monday/herald.txt`` beside ``wednesday/herald.txt``); worked out once per set of articles."""
        if article.url or not article.path or self.digest is None:
            return None
        articles = self.digest.articles
        if self._file_names is None or self._file_names[0] is not articles:
            from ...citations import DistinctNames

            self._file_names = (articles, DistinctNames(a.path for a in articles if a.path and not a.url))
        return self._file_names[1](article.path)

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self._articles):
            self.post_message(self.ArticleHighlighted(self._articles[event.option_index]))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._articles):
            self.post_message(self.ArticleOpened(self._articles[event.option_index]))
        elif event.option.id == FOLD:
            self.show_unused = not self.show_unused
