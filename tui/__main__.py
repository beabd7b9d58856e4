"""The ``newsdigest`` console script: signals are handled before the heavy imports start."""

from __future__ import annotations

import os
import signal
import sys

from .exits import Terminated, interrupted


def _terminate(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    raise Terminated


def prepare() -> None:
    """What the process sets up before the engine is imported (bench/app_latency.py's child too)."""
    # numpy's OpenBLAS starts a thread per core when imported (50 to 90 ms of every run on a
    # loaded 2-core machine) for dense linear algebra that only the LSA method does, on small
    # matrices; a value the user set wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    signal.signal(signal.SIGTERM, _terminate)


def entry_point() -> None:
    prepare()
    try:
        from .cli import main  # imports the engine (nltk, scipy): about a second

        code = main(process_ends=True)
    except KeyboardInterrupt as interrupt:
        code = interrupted(interrupt, sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    entry_point()
