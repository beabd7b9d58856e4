"""The ``newsdigest`` console script: signals are handled before the heavy imports start."""

from __future__ import annotations

import signal
import sys
from typing import TextIO

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
PROG = "newsdigest"


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the run unwinds (and cleans up) as for Ctrl-C."""


def _terminate(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    raise Terminated


def interrupted(interrupt: KeyboardInterrupt, stderr: TextIO) -> int:
    """One line, no traceback; 128 + the signal number, as shells report it."""
    if isinstance(interrupt, Terminated):
        stderr.write(f"{PROG}: terminated\n")
        return 128 + signal.SIGTERM
    stderr.write(f"{PROG}: interrupted\n")
    return 128 + signal.SIGINT


def entry_point() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    try:
        from .cli import main  # imports the engine (nltk, scipy): about a second

        code = main()
    except KeyboardInterrupt as interrupt:
        code = interrupted(interrupt, sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    entry_point()
