"""A transient progress bar on stderr, with warnings printed above it, for the command line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from .exits import PROG

OnProgress = Callable[[int, int], None]


@contextmanager
def progress_bar(
    stderr: TextIO, label: str, warn: Callable[[str], None], min_total: int = 0, elapsed: bool = False
) -> Iterator[tuple[OnProgress | None, Callable[[str], None]]]:
    """(on_progress, warn): a bar labelled ``label`` once a task of at least ``min_total`` steps
    runs, when stderr is a terminal (else no bar and ``warn`` as given); the bar shows the time
    elapsed or, by default, the time remaining. Warnings print above the bar, not through it."""
    if not stderr.isatty():
        yield None, warn
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .safety import printable

    console = Console(file=stderr, highlight=False, markup=False, emoji=False)
    progress = Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn() if elapsed else TimeRemainingColumn(),
        console=console, transient=True, redirect_stdout=False, redirect_stderr=False,
    )
    task = progress.add_task(label, total=None)

    def on_progress(done: int, total: int) -> None:
        if total >= min_total and not progress.live.is_started:
            progress.start()
        progress.update(task, completed=done, total=total)

    def print_above(message: str) -> None:
        console.print(f"{PROG}: warning: {printable(message)}", soft_wrap=True)

    try:
        yield on_progress, print_above
    finally:
        progress.stop()
