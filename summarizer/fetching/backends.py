"""Where a command's subscriptions and fetched articles live: the user's own files (the default),
or a team's shared store in the database of a shared index (``--index postgresql://…``, see
:mod:`summarizer.fetching.shared`). Both implementations have the same methods
(:class:`~summarizer.fetching.store.FetchBackend`; ``load`` and ``edit`` for subscriptions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .store import DIRNAME, FetchBackend, FetchStore
from .subscriptions import SubscriptionFile


def open_store(
    cache_dir: Path | None, index: str | None = None, on_warning: Callable[[str, str], None] | None = None,
) -> FetchBackend:
    """The fetch store of a run: in ``cache_dir/web`` (a temporary one without a cache directory),
    or with ``index`` (a ``postgresql://`` URL) in that database, its files copied under
    ``cache_dir``. IndexServerError (one line) when the server cannot be used."""
    if index is not None:
        from .shared import SharedFetchStore

        return SharedFetchStore(index, cache_dir)
    return FetchStore(Path(cache_dir) / DIRNAME if cache_dir is not None else None, on_warning)


def open_subscriptions(index: str | None = None):
    """The subscriptions a command uses: the user's file, or with ``index`` (a ``postgresql://``
    URL) the team's in that database (IndexServerError, one line, when it cannot be used)."""
    if index is not None:
        from .shared import SharedSubscriptions

        return SharedSubscriptions(index)
    return SubscriptionFile()
