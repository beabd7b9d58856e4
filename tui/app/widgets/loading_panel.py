"""What the reader sees while the articles load: the stage, what it does, and a progress bar with counts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar


class LoadingPanel(Vertical):
    """Shown in the summary's place until the corpus is built (the screen calls ``progress``)."""

    DEFAULT_CSS = """
    LoadingPanel {
        & > Label { width: 1fr; }
        & > .hint { color: $text-muted; margin-top: 1; }
        & > ProgressBar { margin-top: 1; }
    }
    """

    STAGES = {
        "starting": "Starting the engine",
        "fetching": "Fetching feeds and pages",
        "reading": "Reading articles",
        "indexing": "Indexing sentences",
        "comparing": "Comparing with what was read",
        "ranking": "Ranking the sentences",
    }
    HINTS = {
        "starting": "Loading the language tools (NumPy, SciPy, NLTK); the articles come next.",
        "fetching": "Each feed is asked once; pages already fetched are not fetched again.",
        "reading": "Files not seen before are parsed on every core and kept in the index: the next "
                   "start reads them back in a moment.",
        "indexing": "Counting the words of every sentence, for ranking.",
        "comparing": "Setting apart the articles already read: what is new comes first.",
        "ranking": "Scoring every sentence against the topics on show.",
    }

    def compose(self) -> ComposeResult:
        yield Label(self.STAGES["starting"] + "\u2026", id="stage", markup=False)
        yield ProgressBar(show_eta=False, show_percentage=False)  # the counts are in the label
        yield Label(self._hint("starting"), classes="hint", markup=False)

    def progress(self, stage: str, done: int, total: int | None) -> None:
        label = self.STAGES.get(stage, stage)
        if total is not None:
            unit = {"reading": "files", "fetching": "requests"}.get(stage, "articles")
            label += f": {done:,} of {total:,} {unit}"
        else:
            label += "\u2026"
        self.query_one("#stage", Label).update(label)
        self.query_one(".hint", Label).update(self._hint(stage))
        self.query_one(ProgressBar).update(total=total, progress=done)

    def _hint(self, stage: str) -> str:
        return self.HINTS.get(stage, "")
