"""What the reader sees when there is nothing to summarize: the reason, and the inputs skipped."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...safety import printable

WARNINGS_SHOWN = 20


class ErrorPanel(Static):
    """Shown in place of the summary when loading failed (the screen calls ``show``)."""

    DEFAULT_CSS = """
    ErrorPanel {
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, error: str, warnings: tuple[str, ...] = ()) -> None:
        parts: list[str | tuple[str, str]] = [("Nothing to summarize\n", "bold $text-error")]
        if len(warnings) == 1 and error.startswith("no readable articles"):
            parts.append(printable(warnings[0]) + "\n")  # the one input's problem is the reason: said once
            warnings = ()
        else:
            parts.append(printable(error) + "\n")
        if warnings:
            parts.append((f"\nSkipped ({len(warnings)})\n", "bold"))
            parts += [f"- {printable(w)}\n" for w in warnings[:WARNINGS_SHOWN]]
            if len(warnings) > WARNINGS_SHOWN:
                parts.append((f"and {len(warnings) - WARNINGS_SHOWN} more\n", "dim"))
        parts.append(("\nPress q to quit, ? for help.", "dim"))
        self.update(Content.assemble(*parts))

    @property
    def text(self) -> str:
        content = self.content
        return content.plain if isinstance(content, Content) else str(content)
