"""Citations as the terminal shows them: the engine's one model (:mod:`summarizer.citations`),
and paths as a reader wants them.

The model is looked up on first use (PEP 562): the app imports this module for ``display_path``
before the engine is loaded, and paints first.
"""

from __future__ import annotations

import os
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import MARKERS_SHOWN, Citations, source_order

__all__ = ["MARKERS_SHOWN", "Citations", "display_path", "distinct_names", "earlier_telling", "source_order"]
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



class DistinctNames:
    """A name for each of a set of files that no other of them has: its own name when no other
    file has that name, else with as many of its folders as tell it apart (``monday/herald.txt``
    and ``wednesday/herald.txt``), as an editor names its tabs. The files sharing a name are told
    apart when one of them is first asked about, so that naming a few sources of 100,000 articles
    costs one pass over their names. A path given twice (one file of many articles) is one file."""

    def __init__(self, paths: Iterable[str]) -> None:
        self._by_name: defaultdict[str, list[str]] = defaultdict(list)
        for path in dict.fromkeys(paths):
            self._by_name[os.path.basename(path)].append(path)
        self._names: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        name = os.path.basename(path)
        group = self._by_name.get(name, ())
        if len(group) < 2:
            return name
        if path not in self._names:
            self._names.update(_told_apart(group))
        return self._names.get(path, name)


def _told_apart(group: list[str]) -> dict[str, str]:
    """The shortest ending of each of ``group`` (paths of one name) that none of the others has."""
    names: dict[str, str] = {}
    parts = {path: path.split(os.sep) for path in group}
    depth = 2
    while group:
        endings = {path: os.sep.join(parts[path][-depth:]) for path in group}
        counts = Counter(endings.values())
        rest = []
        for path in group:
            if counts[endings[path]] == 1 or depth >= len(parts[path]):
                names[path] = endings[path]
            else:
                rest.append(path)
        group, depth = rest, depth + 1
    return names


def distinct_names(paths: Iterable[str]) -> dict[str, str]:
    """Every path of ``paths`` with its :class:`DistinctNames` name."""
    paths = list(dict.fromkeys(paths))
    names = DistinctNames(paths)
    return {path: names(path) for path in paths}
