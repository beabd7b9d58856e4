"""What the reader sees while the articles load: the stage and a progress bar with counts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar


class LoadingPanel(Vertical):
    """Shown in place of the summary until the corpus is built (the screen calls ``progress``)."""

    DEFAULT_CSS = """
    LoadingPanel {
        height: auto;
        padding: 1 2;
        & > Label { width: 1fr; }
    }
    """

    STAGES = {
        "starting": "Starting the engine",
        "fetching": "Fetching feeds and pages",
        "reading": "Reading articles",
        "indexing": "Indexing sentences",
        "comparing": "Comparing with what was read",
    }

    def compose(self) -> ComposeResult:
        yield Label(self.STAGES["starting"], markup=False)
        yield ProgressBar(show_eta=False)

    def progress(self, stage: str, done: int, total: int | None) -> None:
        label = self.STAGES.get(stage, stage)
        if total is not None:
            unit = {"reading": "files", "fetching": "requests"}.get(stage, "articles")
            label += f": {done:,} of {total:,} {unit}"
        self.query_one(Label).update(label)
        self.query_one(ProgressBar).update(total=total, progress=done)
