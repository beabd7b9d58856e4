"""Citations as the terminal shows them: the engine's one model (:mod:`summarizer.citations`),
and paths as a reader wants them.

The model is looked up on first use (PEP 562): the app imports this module for ``display_path``
before the engine is loaded, and paints first.
"""

from __future__ import annotations

import os
import textwrap
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import MARKERS_SHOWN, Citations, source_order

__all__ = ["MARKERS_SHOWN", "Citations", "display_path", "earlier_telling", "source_order"]
_FROM_ENGINE = frozenset({"MARKERS_SHOWN", "Citations", "source_order"})


def __getattr__(name: str):
    if name in _FROM_ENGINE:
        import summarizer

        return getattr(summarizer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def earlier_telling(text: str, width: int = 100) -> str:
    """The earlier telling a summary sentence took the place of, quoted short in its explanation."""
    return "\u201c" + textwrap.shorten(text, width, placeholder="\u2026") + "\u201d"


def display_path(path: str) -> str:
    """A path as a reader wants it: relative when it lies under the current directory (both with
    symbolic links resolved)."""
    try:
        directory, name = os.path.split(os.path.abspath(path))
        full = os.path.join(_resolved(directory), name)
        if os.path.islink(full):
            full = os.path.realpath(full)
        relative = os.path.relpath(full, _resolved(os.getcwd()))
    except (ValueError, OSError):
        return path
    return path if relative == os.pardir or relative.startswith(os.pardir + os.sep) else relative


@lru_cache(maxsize=256)
def _resolved(directory: str) -> str:
    """A folder with its symbolic links resolved: a summary citing hundreds of files in one
    folder resolves it once, not once per file."""
    return os.path.realpath(directory)
