"""Inputs that are URLs or subscriptions, turned into the article files the reader reads.

>>> with WebInputs(default_cache_dir()) as web:                       # doctest: +SKIP
...     paths = web.expand(["news/", "https://herald.norvale.example/rss"])
...     articles = load_articles(paths, cache=cache)

Each URL among the paths is replaced, in place, by the files of its articles (a feed by its
items', a page by its own); ``feeds`` adds the stored articles of subscribed feeds, without any
request. ``times`` gives, per article URL, when it was published (first fetched when undated),
for ``--since``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .http import FetchPolicy
from .backends import open_store
from .store import StoredArticle
from .urls import is_url
from .web import Progress, Report, WebReader, unique_articles

Warn = Callable[[str, str], None]


class WebInputs:
    """URLs and feeds to article files, through the fetch store in ``cache_dir/web`` (a
    temporary one when ``cache_dir`` is None: the run keeps nothing), or with ``index`` (a
    ``postgresql://`` URL) the team's store in that database (see :mod:`summarizer.fetching.shared`)."""

    def __init__(
        self,
        cache_dir: Path | None,
        on_warning: Warn | None = None,
        on_progress: Progress | None = None,
        policy: FetchPolicy | None = None,
        index: str | None = None,
    ) -> None:
        self._warn = on_warning or (lambda url, problem: None)
        self.store = open_store(cache_dir, index, self._warn)
        self.reader = WebReader(self.store, policy=policy, on_warning=self._warn, on_progress=on_progress)
        self.times: dict[str, float] = {}
        self.sources: dict[str, str] = {}
        """Each article file given out, to the URL it was read from (for messages about it)."""
        self.reports: list[Report] = []

    def __enter__(self) -> WebInputs:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.reader.close()
        self.store.close()

    def expand(self, paths: Sequence[str], feeds: Sequence[str] = ()) -> list[str]:
        """``paths`` with every URL replaced by its article files, then the stored articles of
        ``feeds`` (feed URLs, read from the store only); each article once."""
        urls = [p for p in paths if is_url(p)]
        reports = {r.url: r for r in self.reader.read(urls)} if urls else {}
        stored = self.reader.stored(list(feeds)) if feeds else []
        for report in stored:
            if report.failed:
                self._warn(report.url, report.failed)
            elif not report.articles:
                self._warn(report.url, "no articles stored for this feed yet (run newsdigest refresh)")
        self.reports = [*reports.values(), *stored]
        seen: set[str] = set()
        out: list[str] = []

        def add(articles: list[StoredArticle]) -> None:
            for article in articles:
                if article.url in seen or article.sha256 in seen:
                    continue  # the same article in two feeds, or at two addresses: one article
                seen.update((article.url, article.sha256))
                self.times[article.url] = article.when
                self.sources[str(article.file)] = article.url
                out.append(str(article.file))

        for path in paths:
            if is_url(path):
                add(unique_articles([reports[path]]))
            else:
                out.append(path)
        add(unique_articles(stored))
        return out
