"""Exit codes and the one-line report of an interrupted run, shared by the console script and the CLI."""

from __future__ import annotations

import signal
from typing import TextIO

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PROG = "newsdigest"


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the run unwinds (and cleans up) as for Ctrl-C."""


def interrupted(interrupt: KeyboardInterrupt, stderr: TextIO) -> int:
    """One line, no traceback; 128 + the signal number, as shells report it."""
    if isinstance(interrupt, Terminated):
        stderr.write(f"{PROG}: terminated\n")
        return 128 + signal.SIGTERM
    stderr.write(f"{PROG}: interrupted\n")
    return 128 + signal.SIGINT
