"""URLs, subscribed feeds and ``--since`` in a request: what ``summarize`` and the app share.

:func:`fetch_inputs` runs first (with a progress bar or line): it fetches the URLs among the
request's paths and swaps them, and ``--feeds``, for the files of the stored articles, so that
the rest of the run reads files as always. :func:`load_request_articles` is the loading step
itself, with the ``--since`` window applied.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import Article, ArticleCache, InputError

    from .request import Request

_kept_alive: list = []
"""Temporary fetch stores (``--no-cache``) whose files the run still has to read."""


def has_web_inputs(request: Request) -> bool:
    from summarizer.fetching.urls import is_url  # not .web: 70 ms of imports

    return request.feeds is not None or any(is_url(p) for p in request.paths)


def fetch_inputs(
    request: Request,
    on_warning: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Request:
    """The request with its URLs fetched and its feeds read from the store, as article files.

    Raises NoArticlesError when URLs or feeds were all that was asked for and none gave an article.
    """
    if not has_web_inputs(request):
        return request
    from summarizer import InputError, NoArticlesError
    from summarizer.fetching.inputs import WebInputs

    def warn(url: str, problem: str) -> None:
        if on_warning:
            on_warning(InputError(url, problem))

    web = WebInputs(request.cache_dir, warn, on_progress)
    try:
        paths = web.expand(request.paths, request.feeds or ())
    finally:
        if request.cache_dir is None:
            web.reader.close()
            _keep_until_exit(web)
        else:
            web.close()
    if not paths:
        asked = [*request.paths] or ["the subscribed feeds"]
        where = ", ".join(asked) if len(asked) <= 3 else f"{len(asked)} URLs"
        raise NoArticlesError(f"no readable articles in {where}")
    return replace(request, paths=tuple(paths), feeds=None)


def load_request_articles(
    request: Request,
    cache: ArticleCache,
    on_warning: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[Article, ...]:
    """``load_articles`` for a request: URLs fetched when :func:`fetch_inputs` has not run,
    then the ``--since`` window (NoArticlesError when it leaves nothing)."""
    from summarizer import NoArticlesError, load_articles

    request = fetch_inputs(request, on_warning)
    articles = load_articles(request.paths, on_warning=on_warning, on_progress=on_progress, cache=cache)
    if request.since is None:
        return articles
    from summarizer.fetching.window import within

    kept = tuple(within(articles, request.since))
    if not kept:
        when = request.since.astimezone().strftime("%Y-%m-%d %H:%M")
        plural = "" if len(articles) == 1 else "s"
        raise NoArticlesError(f"none of the {len(articles)} article{plural} was published since {when}")
    return kept


def subscribed_feed_urls(names: Sequence[str] = ()) -> tuple[str, ...]:
    """The URLs of the subscriptions named (all when none); UnknownFeedError for a wrong name."""
    from summarizer.fetching import subscriptions

    return tuple(s.url for s in subscriptions.select(subscriptions.load(), list(names)))


def default_feeds(cache_dir) -> tuple[str, ...] | None:
    """For the app without paths: the subscriptions, when some of them have stored articles
    (None: the seeds, as before any feed was followed)."""
    from summarizer.fetching import subscriptions
    from summarizer.fetching.store import DIRNAME, FILENAME, FetchStore

    try:
        subs = subscriptions.load()
    except subscriptions.SubscriptionError:
        return None
    if not subs or cache_dir is None or not (cache_dir / DIRNAME / FILENAME).is_file():
        return None
    store = FetchStore(cache_dir / DIRNAME)
    try:
        if not any(store.feed_articles(s.url, current_only=False) for s in subs):
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
