"""Citations as the terminal shows them: the engine's one model (:mod:`summarizer.citations`),
and paths as a reader wants them."""

from __future__ import annotations

from pathlib import Path

from summarizer.citations import MARKERS_SHOWN, Citations, source_order

__all__ = ["MARKERS_SHOWN", "Citations", "display_path", "source_order"]


def display_path(path: str) -> str:
    """A path as a reader wants it: relative when it lies under the current directory."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path
