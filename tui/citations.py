"""Citations as the terminal shows them: the engine's one model (:mod:`summarizer.citations`),
and paths as a reader wants them.

The model is looked up on first use (PEP 562): the app imports this module for ``display_path``
before the engine is loaded, and paints first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import MARKERS_SHOWN, Citations, source_order

__all__ = ["MARKERS_SHOWN", "Citations", "display_path", "source_order"]
_FROM_ENGINE = frozenset({"MARKERS_SHOWN", "Citations", "source_order"})


def __getattr__(name: str):
    if name in _FROM_ENGINE:
        import summarizer

        return getattr(summarizer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def display_path(path: str) -> str:
    """A path as a reader wants it: relative when it lies under the current directory."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path
