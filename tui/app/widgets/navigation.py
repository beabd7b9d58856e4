"""The movement keys every list and scrolling view shares: arrows and vim keys, defined once.

The lists (topics, summary, sources) and the article view put these in their ``BINDINGS``; the
footer, the help screen and the command palette all read them from there.
"""

from __future__ import annotations

from textual.binding import Binding

CURSOR_BINDINGS: list[Binding] = [
    Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next item"),
    Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous item"),
    Binding("home,g", "first", "First", show=False, tooltip="First item"),
    Binding("end,G", "last", "Last", show=False, tooltip="Last item"),
    Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, tooltip="One page down"),
    Binding("pageup,ctrl+b", "page_up", "Page up", show=False, tooltip="One page up"),
]
"""For option lists: move the highlighted item."""

SCROLL_BINDINGS: list[Binding] = [
    Binding("down,j", "scroll_down", "Down", show=False, tooltip="Scroll down a line"),
    Binding("up,k", "scroll_up", "Up", show=False, tooltip="Scroll up a line"),
    Binding("home,g", "scroll_home", "Top", show=False, tooltip="Go to the top"),
    Binding("end,G", "scroll_end", "Bottom", show=False, tooltip="Go to the bottom"),
    Binding("pagedown,ctrl+f,space", "page_down", "Page down", show=False, tooltip="One page down"),
    Binding("pageup,ctrl+b", "page_up", "Page up", show=False, tooltip="One page up"),
]
"""For scrolling views: move the view."""
