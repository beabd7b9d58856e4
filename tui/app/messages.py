"""Messages the background workers post to the main screen.

Workers run in threads and never touch widgets: they post one of these and the screen, on the
event loop, updates its reactive state. Widget-to-parent messages live in the widget that sends
them (``SummaryView.SentenceOpened``...), as Textual's own widgets do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from summarizer import Baseline, Digest, Topic

    from .session import Settings


class LoadProgress(Message):
    """How far loading has gone; a newer one replaces an older one still in the queue."""

    def __init__(self, stage: str, done: int = 0, total: int | None = None) -> None:
        super().__init__()
        self.stage = stage
        """What is happening: ``reading`` files, ``indexing`` sentences."""
        self.done = done
        self.total = total
        """None while the total is not known."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadProgress)


@dataclass
class CorpusLoaded(Message):
    """The corpus is built: the topics to offer and the ones to start with."""

    topics: tuple[Topic, ...]
    chosen: tuple[str, ...]
    """Names of the topics selected at start."""
    articles: int
    warnings: tuple[str, ...]
    """Inputs that were skipped (one line each)."""
    problems: tuple[str, ...]
    """Errors the app recovered from (a bad topics file, an unknown topic name)."""
    baseline: Baseline | None = None
    """What is new since the last visit (None: no read state, nothing is recorded)."""
    has_new: bool = False
    """Some articles were read and others are new: the New view exists (and is shown first)."""
    read_problems: tuple[str, ...] = ()
    """The read state could not be used (one line each)."""


@dataclass
class LoadFailed(Message):
    """Nothing to summarize: the reason, as a one-line message for the reader."""

    error: str
    warnings: tuple[str, ...] = ()


class DigestProgress(Message):
    """How far the ranking for ``settings`` has gone; a newer one replaces an older one still queued."""

    def __init__(self, settings: Settings, done: int, total: int) -> None:
        super().__init__()
        self.settings = settings
        self.done = done
        """Topics ranked so far."""
        self.total = total
        """Topics to rank (those not in the session's cache)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DigestProgress)


@dataclass
class DigestReady(Message):
    """A digest for the settings it was computed for (stale ones are dropped by the screen)."""

    digest: Digest
    settings: Settings
    seconds: float
    """How long the engine took (for the status line and the benchmark)."""
