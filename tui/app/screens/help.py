"""Every key, read from the same ``BINDINGS`` the footer and the command palette use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KeySection = tuple[str, Sequence[BindingType]]
"""A heading and the bindings listed under it."""


IN_A_BROWSER = {
    "open_source": "Open the selected source's web page in a new tab (an article without one is shown here)",
    "export": "Download the summary as a Markdown file",
    "copy": "Copy the summary, as Markdown, to your browser's clipboard",
}
"""What a key does when the app is served to a browser (``newsdigest serve``), where it differs."""


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys of each part of the app (the app passes the sections).

    | Key(s) | Description |
    | :- | :- |
    | escape, q, ? | Close the help. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", tooltip="Close the help"),
    ]

    def __init__(self, sections: Sequence[KeySection]) -> None:
        super().__init__()
        self.sections = tuple(sections)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape to close"
            with VerticalScroll(id="help-keys"):
                yield Static(self.keys_table(), markup=False)

    def rows(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """(heading, [(keys, description, tooltip)]) for every section."""
        out = []
        for heading, bindings in self.sections:
            # One row per action: keys bound to it in several places (q, and Textual's ctrl+q for
            # Quit) are listed together, under the first one's description.
            by_action: dict[str, tuple[list[str], Binding]] = {}
            for binding in bindings:
                if isinstance(binding, tuple):
                    binding = Binding(*binding)
                keys = [key.strip() for key in binding.key.split(",") if key.strip()]
                shown, _ = by_action.setdefault(binding.action, ([], binding))
                shown += [self.app.get_key_display(binding.with_key(key)) for key in keys]
            web = self.app.is_web
            rows = [(" ".join(dict.fromkeys(shown)), first.description or first.action,
                     IN_A_BROWSER.get(first.action, first.tooltip) if web else first.tooltip)
                    for shown, first in by_action.values()]
            out.append((heading, rows))
        return out

    def keys_table(self) -> Group:
        """A heading and a table per section: keys, what they do, more detail (never markup)."""
        sections = self.rows()
        keys_width = max((len(keys) for _, rows in sections for keys, _, _ in rows), default=4)
        name_width = max((len(name) for _, rows in sections for _, name, _ in rows), default=4)
        parts: list[Text | Table] = []
        for n, (heading, rows) in enumerate(sections):
            parts.append(Text(("\n" if n else "") + heading, style="bold underline"))
            table = Table.grid(padding=(0, 2), expand=True)
            table.add_column(no_wrap=True, style="bold", min_width=min(keys_width, 16))
            table.add_column(no_wrap=True, min_width=name_width)
            table.add_column(ratio=1, style="dim")
            for keys, description, tooltip in rows:
                table.add_row(Text(keys), Text(description), Text(tooltip if tooltip != description else ""))
            parts.append(table)
        return Group(*parts)

    @property
    def text(self) -> str:
        """Every row as plain text (for tests)."""
        lines = []
        for heading, rows in self.rows():
            lines.append(heading)
            lines += [f"{keys}  {description}  {tooltip}" for keys, description, tooltip in rows]
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss()
