"""A whole article, shown literally, with one sentence highlighted and scrolled into view."""

from __future__ import annotations

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


def block_content(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]
) -> tuple[Content, dict[int, int]]:
    """``text[start:end]`` made printable, with ``spans`` (absolute offsets) styled.

    Each piece is made printable on its own, so that the offsets of the styled sentences survive
    the removal of escape sequences. Returns the content and, for each span's start, where it
    starts in the content.
    """
    parts: list[tuple[str, str]] = []
    offsets: dict[int, int] = {}
    position, length = start, 0
    for s_start, s_end, style in sorted(spans):
        s_start, s_end = max(s_start, start), min(s_end, end)
        if s_start >= s_end or s_start < position:
            continue
        before = printable(text[position:s_start], newlines=True)
        parts.append((before, ""))
        length += len(before)
        piece = printable(text[s_start:s_end], newlines=True)
        offsets[s_start] = length
        parts.append((piece, style))
        length += len(piece)
        position = s_end
    parts.append((printable(text[position:end], newlines=True), ""))
    return Content.assemble(*parts), offsets


class ArticleView(VerticalScroll):
    """The article's paragraphs; boilerplate and metadata dimmed, the summary's sentences marked.

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
        for start, end, kind, reason in regions:
            if kind == "boilerplate":
                # Said in words, not only by colour: this text never reaches a summary.
                what = reason.partition(":")[0] or "boilerplate"
                yield Static(Content(f"Excluded from summaries: {printable(what)}"), classes="excluded-label")
            mine = [span for span in spans if span[0] < end and span[1] > start]
            content, offsets = block_content(text, start, end, mine)
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
