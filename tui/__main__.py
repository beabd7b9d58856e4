"""The ``newsdigest`` console script: signals are handled before the heavy imports start."""

from __future__ import annotations

import signal
import sys

from .exits import Terminated, interrupted


def _terminate(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    raise Terminated


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
