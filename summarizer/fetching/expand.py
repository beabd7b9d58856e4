"""A run's URLs and subscribed feeds, expanded to the article files the reader reads.

:func:`expand_inputs` fetches the URLs among a run's paths and swaps them, and the stored
articles of the feeds asked for, for files, so that the rest of the run reads files as always
(:class:`summarizer.request.Run` calls it first). The subscriptions (:func:`subscribed_feed_urls`,
:func:`default_feeds`) and the fetch store (:func:`open_fetch_store`) are here for the command
line and the app.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .urls import is_url  # not .web: 70 ms of imports

if TYPE_CHECKING:
    from .store import FetchBackend

_kept_alive: list = []
"""Temporary fetch stores (no cache directory) whose files the run still has to read."""


def has_web_inputs(paths: Sequence[str], feeds: Sequence[str] | None) -> bool:
    """Whether a run asks for URLs or subscribed feeds (``feeds`` None: no ``--feeds``)."""
    return feeds is not None or any(is_url(p) for p in paths)


def expand_inputs(
    paths: Sequence[str],
    feeds: Sequence[str] | None,
    cache_dir: Path | None,
    on_warning: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    index: str | None = None,
    sources: dict[str, str] | None = None,
) -> tuple[str, ...]:
    """``paths`` with their URLs fetched and ``feeds`` read from the store, as article files.

    ``on_warning(url, problem)``; ``on_progress(done, total)`` follows the fetching. Raises
    NoArticlesError when URLs or feeds were all that was asked for and none gave an article.
    Without a cache directory the fetched files live in a temporary store until the process exits.
    With ``index`` (a ``postgresql://`` URL) the store is the team's, in that database.
    ``sources``, when given, is filled with each article file's URL (a message about the file names it).
    """
    from ..errors import NoArticlesError
    from .inputs import WebInputs

    web = WebInputs(cache_dir, on_warning, on_progress, index=index)
    try:
        expanded = web.expand(paths, feeds or ())
        if sources is not None:
            sources.update(web.sources)
    finally:
        if cache_dir is None:
            web.reader.close()
            _keep_until_exit(web)
        else:
            web.close()
    if not expanded:
        asked = [*paths] or ["the subscribed feeds"]
        where = ", ".join(asked) if len(asked) <= 3 else f"{len(asked)} URLs"
        raise NoArticlesError(f"no readable articles in {where}")
    return tuple(expanded)


def subscribed_feed_urls(names: Sequence[str] = (), index: str | None = None) -> tuple[str, ...]:
    """The URLs of the subscriptions named (all when none), the user's or with ``index`` the
    team's; UnknownFeedError for a wrong name."""
    from . import subscriptions
    from .backends import open_subscriptions

    with open_subscriptions(index) as subs:
        return tuple(s.url for s in subscriptions.select(subs.load(), list(names)))


def open_fetch_store(cache_dir: Path | None, index: str | None = None) -> FetchBackend | None:
    """The fetch store beside the index in ``cache_dir``, or with ``index`` the team's in that
    database (close it when done); None when nothing was ever fetched there."""
    from .backends import open_store
    from .store import DIRNAME, FILENAME

    if index is None and (cache_dir is None or not (Path(cache_dir) / DIRNAME / FILENAME).is_file()):
        return None
    return open_store(cache_dir, index)


def default_feeds(cache_dir: Path | None, index: str | None = None) -> tuple[str, ...] | None:
    """For the app without paths: the subscriptions (the team's with ``index``), when some of
    them have stored articles (None: the seeds, as before any feed was followed)."""
    from ..errors import NewsdigestError
    from .backends import open_subscriptions

    try:
        with open_subscriptions(index) as listed:
            subs = listed.load()
    except NewsdigestError:  # a broken file, a server that cannot be used: the app says so later
        return None
    if not subs or (cache_dir is None and index is None):
        return None
    try:
        store = open_fetch_store(cache_dir, index)
    except NewsdigestError:
        return None
    if store is None:
        return None
    try:
        if not any(store.feed_article_count(s.url) for s in subs):
            return None
    finally:
        store.close()
    return tuple(s.url for s in subs)


def _keep_until_exit(web) -> None:
    _kept_alive.append(web)
    if len(_kept_alive) == 1:
        atexit.register(_close_kept)


def _close_kept() -> None:
    while _kept_alive:
        _kept_alive.pop().close()
