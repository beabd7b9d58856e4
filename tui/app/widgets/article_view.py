"""A whole article, shown as written (a Markdown file's headings as such), with one sentence
highlighted and scrolled into view."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from ...safety import printable
from .navigation import SCROLL_BINDINGS

if TYPE_CHECKING:
    from summarizer import Article, Sentence

TARGET_STYLE = "bold $text-warning on $warning 20%"
"""The sentence the reader opened."""
CITED_STYLE = "underline"
"""The article's other sentences that are in the summary."""
FRONT_MATTER = "front matter"
"""The reason the engine gives a Markdown file's ``---`` block (``Block.reason``): not shown, since
the article screen's header says its title and date (held-out audit 19: raw ``title:``, ``date:``,
``source:`` lines opened a .md article)."""


HEADING_MARK = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.MULTILINE)
"""A Markdown heading's ``#`` marks (and the optional closing ones): the engine reads a Markdown file
as the text its reader sees (no emphasis marks, links as their words) but keeps a heading's marks."""


def markdown_chunks(text: str, start: int, end: int, heading: bool) -> list[tuple[int, int, str]]:
    """The visible pieces of a Markdown block, as (start, end, style) over ``text``: a heading's marks
    left out. Nothing in the text is ever interpreted as markup of the terminal or of Rich."""
    hidden = [(start + m.start(), start + m.end()) for m in HEADING_MARK.finditer(text[start:end])
              if m.end() > m.start()] if heading else []
    if not hidden:
        return [(start, end, "")]
    cuts = sorted({start, end, *(p for h in hidden for p in h)})
    return [(a, b, "") for a, b in zip(cuts, cuts[1:]) if a < b and not any(h0 <= a and b <= h1 for h0, h1 in hidden)]


def block_content(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]], markdown: bool = False,
    heading: bool = False,
) -> tuple[Content, dict[int, int]]:
    """``text[start:end]`` made printable, with ``spans`` (absolute offsets) styled; with
    ``markdown``, its headings shown without their marks (:func:`markdown_chunks`).

    Each piece is made printable on its own, so that the offsets of the styled sentences survive
    the removal of escape sequences and Markdown marks. Returns the content and, for each span's
    start, where it starts in the content.
    """
    chunks = markdown_chunks(text, start, end, heading) if markdown else [(start, end, "")]
    spans = sorted((max(a, start), min(b, end), style) for a, b, style in spans if min(b, end) > max(a, start))
    cuts = sorted({start, end, *(c for a, b, _ in chunks for c in (a, b)), *(c for a, b, _ in spans for c in (a, b))})
    parts: list[tuple[str, str]] = []
    offsets: dict[int, int] = {}
    length = 0
    span_starts = {a for a, _, _ in spans}
    for a, b in zip(cuts, cuts[1:]):
        if a in span_starts and a not in offsets:
            offsets[a] = length
        chunk = next((c for c in chunks if c[0] <= a and b <= c[1]), None)
        if chunk is None:
            continue  # a Markdown mark: not shown
        span = next((style for s0, s1, style in spans if s0 <= a and b <= s1), "")
        piece = printable(text[a:b], newlines=True)
        parts.append((piece, " ".join(filter(None, (chunk[2], span)))))
        length += len(piece)
    return Content.assemble(*parts), offsets


class ArticleView(VerticalScroll):
    """The article's paragraphs; boilerplate and metadata dimmed (front matter left out), the
    summary's sentences marked. Every block is a span of ``Article.text``, the text the sentences'
    offsets index, so the highlighted sentence is the one the summary cites.

    | Key(s) | Description |
    | :- | :- |
    | down, j / up, k | Scroll a line. |
    | home, g / end, G | Top / bottom. |
    | pagedown, space / pageup | Scroll a page. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [*SCROLL_BINDINGS]

    DEFAULT_CSS = """
    ArticleView {
        & > .block { width: 1fr; margin-bottom: 1; }
        & > .-heading { text-style: bold; }
        & > .-metadata { color: $text-muted; }
        & > .-boilerplate { color: $text-muted; text-style: italic; border-left: thick $warning 40%; padding-left: 1; }
        & > .excluded-label { color: $text-muted; text-style: bold; margin-bottom: 0; }
    }
    """

    def __init__(
        self,
        article: Article,
        target: Sentence | None = None,
        cited: Sequence[Sentence] = (),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.article = article
        self.target = target
        self.cited = tuple(cited)
        self._target_block: Static | None = None
        self._target_offset: int | None = None

    def compose(self) -> ComposeResult:
        text = self.article.text
        spans = [(s.start, s.end, CITED_STYLE) for s in self.cited if s != self.target]
        if self.target is not None:
            spans.append((self.target.start, self.target.end, TARGET_STYLE))
        regions = [(b.start, b.end, b.kind, b.reason) for b in self.article.blocks] or [(0, len(text), "body", "")]
        markdown = (self.article.path or "").lower().endswith((".md", ".markdown"))
        for start, end, kind, reason in regions:
            if kind == "metadata" and reason == FRONT_MATTER:
                continue  # YAML for programs: its title and date are the screen's header
            if kind == "boilerplate":
                # Said in words, not only by colour: this text never reaches a summary.
                what = reason.partition(":")[0] or "boilerplate"
                yield Static(Content(f"Excluded from summaries: {printable(what)}"), classes="excluded-label")
            mine = [span for span in spans if span[0] < end and span[1] > start]
            content, offsets = block_content(text, start, end, mine, markdown, heading=kind == "heading")
            block = Static(content, markup=False, classes=f"block -{kind}")
            if self.target is not None and start <= self.target.start < end:
                self._target_block = block
                self._target_offset = offsets.get(self.target.start)
                block.add_class("-target")
            yield block

    @property
    def target_block(self) -> Static | None:
        """The paragraph holding the highlighted sentence."""
        return self._target_block

    def on_mount(self) -> None:
        self.call_after_refresh(self.scroll_to_target)

    def scroll_to_target(self) -> None:
        """Bring the highlighted sentence into view, a third of the way down."""
        block = self._target_block
        if block is None or self._target_offset is None:
            return
        width = block.content_region.width or self.scrollable_content_region.width
        content = block.content if isinstance(block.content, Content) else Content(str(block.content))
        line = _line_of(content, self._target_offset, width)
        top = block.virtual_region.y + line
        height = self.scrollable_content_region.height
        y = max(0, top - height // 3)
        self.scroll_to(y=y, animate=False, immediate=True)

    def is_target_visible(self) -> bool:
        """Whether the highlighted sentence's first line is on screen (for tests)."""
        block = self._target_block
        if block is None or self._target_offset is None:
            return False
        width = block.content_region.width or self.scrollable_content_region.width
        content = block.content if isinstance(block.content, Content) else Content(str(block.content))
        y = block.virtual_region.y + _line_of(content, self._target_offset, width)
        return Region(0, int(self.scroll_y), 1, self.scrollable_content_region.height).contains(0, y)


def _line_of(content: Content, offset: int, width: int) -> int:
    """The wrapped line (0-based) on which character ``offset`` of ``content`` falls."""
    if width <= 0:
        return 0
    position = 0
    plain = content.plain
    for number, line in enumerate(content.wrap(width)):
        text = line.plain.strip()
        if not text:
            continue
        found = plain.find(text, position)
        if found == -1:
            continue
        if offset < found + len(text):
            return number
        position = found + len(text)
    return 0
