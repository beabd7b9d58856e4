"""The line at the top: what is on show (the view, articles, topics, method, length, order) and what is going on."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class StatusBar(Static):
    """A one-line summary of the settings; the screen sets the attributes."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    view: reactive[str] = reactive("")
    """``New`` or ``All`` once the reader has read something; empty before (there is one view)."""
    articles: reactive[int | None] = reactive(None)
    """How many articles are on show (None while loading)."""
    topics: reactive[tuple[int, int]] = reactive((0, 0))
    """(topics checked, topics in all)."""
    method: reactive[str] = reactive("")
    length: reactive[str] = reactive("")
    """The summary length, in words a reader understands (``5 sentences``)."""
    order: reactive[str] = reactive("")
    activity: reactive[str] = reactive("")
    """What is running (``loading``, ``ranking``), empty when idle."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def render(self) -> Content:
        """The settings, then what is going on; on a narrow line the settings are cut, never the
        progress (``ranking with lexrank… 1 of 3 topics`` stays whole)."""
        settings = self._settings()
        if not self.activity:
            return settings
        activity = Content.styled(self.activity, "italic $text-accent")
        room = self.content_size.width - activity.cell_length - 2
        if room < len("newsdigest"):
            return activity
        if settings.cell_length > room:
            settings = settings.truncate(room, ellipsis=True)
        return Content.assemble(settings, "  ", activity)

    def _settings(self) -> Content:
        parts: list[str | tuple[str, str]] = [("newsdigest", "bold $text-primary")]
        if self.articles is not None:
            checked, total = self.topics
            parts.append("  ")
            if self.view:
                parts += [(self.view, "bold $text-success"), " \u00b7 "]
            parts += [
                f"{self.articles:,} article{'s' if self.articles != 1 else ''}",
                f" \u00b7 {checked}/{total} topics",
                " \u00b7 ", (self.method, "bold"),
                f" \u00b7 {self.length} \u00b7 {self.order}",
            ]
        return Content.assemble(*parts)
