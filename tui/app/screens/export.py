"""The dialog that asks where to save the summary as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

EXPORT_NAME = "newsdigest-summary.md"
"""The file name offered (the terminal) or downloaded (a browser, ``newsdigest serve``)."""


class ExportDialog(ModalScreen[Path | None]):
    """Asks for a file name; dismisses with the path (relative to the working directory) or None.

    | Key(s) | Description |
    | :- | :- |
    | enter | Save to the file named. |
    | escape | Cancel. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
    ]

    def __init__(self, default: str = EXPORT_NAME) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog") as dialog:
            dialog.border_title = "Export the summary as Markdown"
            yield Label("File to write (relative to the current folder):", markup=False)
            yield Input(self.default, placeholder="summary.md", id="export-path", select_on_focus=True)
            yield Label("", id="export-problem", markup=False)
            yield Label("enter to save \u00b7 escape to cancel", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.query_one("#export-problem", Label).update("Type a file name.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.query_one("#export-problem", Label).update(f"{text} is a folder: add a file name.")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
