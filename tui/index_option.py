"""``--index URL`` / ``$NEWSDIGEST_INDEX``: the shared index on a PostgreSQL server, for every
command that uses the index or the feeds (``tui.cli`` and ``tui.feeds_cli``)."""

from __future__ import annotations

import argparse
import os

from summarizer import NewsdigestError


class UsageError(NewsdigestError):
    """A bad combination of options (exit 2)."""


def index_url(value: str) -> str:
    from summarizer import hide_password, is_index_url

    if not is_index_url(value):
        raise argparse.ArgumentTypeError(
            f"expected a postgresql://user@host/database URL, got {hide_password(repr(value), value)} "
            "(a directory: --cache-dir)"
        )
    return value


def index_location(args: argparse.Namespace) -> str | None:
    """``--index URL``, else ``$NEWSDIGEST_INDEX``; None: the SQLite index in the cache dir."""
    if getattr(args, "no_cache", False):
        if getattr(args, "index", None):
            raise UsageError("--index and --no-cache exclude each other")
        return None
    url = getattr(args, "index", None) or os.environ.get("NEWSDIGEST_INDEX") or None
    if url is not None:
        try:
            index_url(url)
        except argparse.ArgumentTypeError as error:
            raise UsageError(f"NEWSDIGEST_INDEX: {error}") from None
    return url
