"""URLs to stored articles: fetch feeds and pages in parallel, keep them, hand back their files.

:class:`WebReader` takes the URLs given (feeds or article pages: the ``Content-Type`` and the
document tell which) and returns, for each, the stored articles it stands for. A feed's items
are fetched once: an article already stored is not requested again, an item that carries its
whole text in the feed costs no request, and an unchanged feed (HTTP 304 to a conditional GET)
costs one small request and nothing else. Feeds and pages that cannot be reached fall back to
what was stored, with one warning; everything else that goes wrong (a broken item, a page that
is not HTML, a body over the size cap...) is one warning naming the URL, and the rest goes on.

Network and parsing run in worker threads; the store is written by the calling thread only.
"""

from __future__ import annotations

import calendar
import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date as Date, datetime, timezone
from urllib.parse import urldefrag

from .feeds import Duplicate, Feed, FeedItem, NotAFeed, feed_links, kind_of, parse_feed
from .http import Cancelled, FetchError, Fetched, Fetcher, FetchPolicy
from .pages import PageError, PageText, content_text, item_text, page_text
from .store import FetchBackend, StoredArticle

Warn = Callable[[str, str], None]
"""Called with (URL, problem)."""
Progress = Callable[[int, int], None]
"""Called with (requests done, requests known so far): the total grows as feeds list their items."""

ACCEPT_ANY = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.1"
RETRY_BROKEN_AFTER = 86400.0
"""An item whose page failed for good (404, not HTML...) is asked for again after this long only
(an unchanged feed then costs its one request, not one more per broken item)."""
ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"


@dataclass
class Report:
    """What became of one URL given."""

    url: str
    kind: str | None = None
    title: str | None = None
    """The feed's title, when it was fetched now."""
    """``feed`` or ``page`` (None when it could not be read at all)."""
    articles: list[StoredArticle] = field(default_factory=list)
    new: int = 0
    """Articles fetched for the first time in this run."""
    unchanged: bool = False
    """The server answered 304 Not Modified."""
    offline: str | None = None
    """Why stored copies were used instead (the server could not be reached)."""
    failed: str | None = None
    """Why nothing could be read from it."""
    transient: bool = False
    """The failure may pass (no connection, a timeout, a server error), unlike a 404."""
    feeds: list[str] = field(default_factory=list)
    """For a page: the feeds it advertises (``<link rel="alternate" type="application/rss+xml">``)."""


@dataclass(frozen=True)
class _Outcome:
    kind: str
    """``feed``, ``page``, ``not_modified`` or ``error``."""
    fetched: Fetched | None = None
    feed: Feed | None = None
    page: PageText | None = None
    problem: str = ""
    transient: bool = False


class WebReader:
    """Fetch through ``fetcher`` (made on first need from ``policy``) into ``store``."""

    def __init__(
        self,
        store: FetchBackend,
        *,
        policy: FetchPolicy | None = None,
        fetcher: Fetcher | None = None,
        on_warning: Warn | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        self.store = store
        self.policy = policy or (fetcher.policy if fetcher else FetchPolicy())
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self._warn = on_warning or (lambda url, problem: None)
        self._progress = on_progress
        self._done = 0
        self._total = 0

    @property
    def requests(self) -> int:
        return self._fetcher.requests if self._fetcher else 0

    def close(self) -> None:
        if self._fetcher is not None and self._own_fetcher:
            self._fetcher.close()

    # -- reading stored articles without the network -------------------------------------------

    def stored(self, urls: Sequence[str], every: bool = True) -> list[Report]:
        """What is stored for these feeds or pages, without any request (``every``: each article
        a feed ever listed, else those it listed last)."""
        reports = []
        for url in urls:
            known = self.store.validators(url)
            report = Report(url, known.kind if known else None)
            if known is None:
                page = self._stored_page(url)  # fetched as a feed's item: known by its own URL too
                if page is not None:
                    report.kind, report.articles = "page", [page]
                else:
                    report.failed = "never fetched (run newsdigest refresh)"
            elif known.kind == "feed":
                report.articles = self.store.feed_articles(url, current_only=not every)
            else:
                article = self.store.article(known.final_url or url)
                report.articles = [article] if article else []
            reports.append(report)
        return reports

    # -- fetching ------------------------------------------------------------------------------

    def read(self, urls: Sequence[str]) -> list[Report]:
        """Fetch each URL (a feed or a page) and what its items link to; one report per URL."""
        reports = {url: Report(url) for url in dict.fromkeys(urls)}
        if not reports:
            return []
        fetcher = self._get_fetcher()
        pending: dict[Future, tuple[str, object]] = {}
        waiting_items: dict[str, list[tuple[str, FeedItem]]] = {}
        """Article URL being fetched -> the (feed, item) pairs that list it."""
        with ThreadPoolExecutor(max_workers=self.policy.workers, thread_name_prefix="newsdigest-fetch") as pool:
            try:
                for url in reports:
                    known = self.store.validators(url)
                    stored_ok = known is not None and self._has_stored(url, known)
                    etag = known.etag if stored_ok else None
                    modified = known.last_modified if stored_ok else None
                    pending[pool.submit(self._resolve, fetcher, url, etag, modified)] = ("given", url)
                    self._planned(1)
                while pending:
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        role, subject = pending.pop(future)
                        outcome = future.result()
                        self._step()
                        if role == "given":
                            for link, item in self._given(reports[subject], outcome):  # type: ignore[index]
                                if link in waiting_items:
                                    waiting_items[link].append((subject, item))  # type: ignore[arg-type]
                                    continue
                                waiting_items[link] = [(subject, item)]  # type: ignore[list-item]
                                pending[pool.submit(self._item_page, fetcher, link)] = ("item", link)
                                self._planned(1)
                        else:
                            self._item_done(subject, waiting_items.pop(subject), outcome, reports)  # type: ignore[arg-type]
            except BaseException:
                fetcher.close()  # requests in flight stop within a fraction of a second
                for future in pending:
                    future.cancel()
                raise
        for report in reports.values():
            if report.kind == "feed" and report.failed is None:
                report.articles = self.store.feed_articles(report.url)
        return list(reports.values())

    def _stored_page(self, url: str):
        """The article stored under a page's URL, however it came in (given, or a feed's item)."""
        return self.store.article(url) or self.store.article(_canonical(url))

    def _has_stored(self, url: str, known) -> bool:
        if known.kind == "feed":
            return True
        return self.store.article(known.final_url or url) is not None

    def _given(self, report: Report, outcome: _Outcome) -> list[tuple[str, FeedItem]]:
        """Handle the answer for a URL given; the items whose pages are still to fetch."""
        url = report.url
        store = self.store
        if outcome.kind == "error":
            known = store.validators(url)
            page = self._stored_page(url) if known is None else None  # stored as a feed's item
            if outcome.transient and (known is not None or page is not None):
                report.kind = known.kind if known else "page"
                stored = self.stored([url], every=False)[0].articles
                if stored:
                    report.articles = stored
                    checked = known.checked_at if known else page.first_seen
                    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(checked))
                    report.offline = outcome.problem
                    self._warn(url, f"{_unskipped(outcome.problem)}; using the {len(stored)} "
                                    f"article{'s' if len(stored) != 1 else ''} stored on {when}")
                    return []
            report.failed, report.transient = outcome.problem, outcome.transient
            self._warn(url, outcome.problem)
            return []
        fetched = outcome.fetched
        assert fetched is not None
        if outcome.kind == "not_modified":
            known = store.validators(url)
            report.kind = known.kind if known else None
            report.title = known.title if known else None
            report.unchanged = True
            store.checked(url)
            if report.kind == "feed":
                return self._missing_items(url)
            article = store.article((known.final_url if known else None) or url)
            report.articles = [article] if article else []
            return []
        store.remember(url, fetched.final_url, outcome.kind, fetched.etag, fetched.last_modified,
                       outcome.feed.title if outcome.feed else None)
        if outcome.kind == "page":
            assert outcome.page is not None
            report.kind = "page"
            report.feeds = feed_links(fetched.body, fetched.final_url)
            article_url = _canonical(fetched.final_url)
            previous = store.article(article_url)
            page = outcome.page
            day, published = page.date, _day(page.date)
            if published is None and previous is not None and previous.published is not None:
                # a feed listed it before and dated it: the page, undated, does not take that away
                day, published = _iso_day(previous.published), previous.published
            title = page.title or (previous.title if previous else None)
            report.articles = [store.put_article(article_url, title, day, published, page.text)]
            report.new += previous is None
            return []
        assert outcome.feed is not None
        report.kind = "feed"
        feed = outcome.feed
        report.title = feed.title
        for problem in feed.problems:
            self._warn(url, problem)
        for duplicate in feed.duplicates:
            self._tell_duplicate(url, duplicate)
        store.list_feed(url, [(item.link, item.guid, item.title, item.published) for item in feed.items])
        to_fetch = []
        for item in feed.items:
            stored = store.article(item.link)
            if stored is not None:
                self._fill_from_item(stored, item)
                continue
            text = content_text(item.content_html, item.full_content)
            if text:
                self._put_item(item, text, None)
                report.new += 1
            else:
                to_fetch.append((item.link, item))
        return to_fetch

    def _fill_from_item(self, stored: StoredArticle, item: FeedItem) -> None:
        """An article stored before a feed listed it (its page given on its own) takes the feed's
        date and title where it has none of its own, as it would have had the feed come first
        (:meth:`_put_item`): what a run reads must not depend on what was fetched first."""
        if not (stored.published is None and item.published is not None or stored.title is None and item.title):
            return
        try:
            record = json.loads(stored.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no copy to rewrite: the next fetch of its page stores it whole
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str):
            return
        published = stored.published if stored.published is not None else item.published
        day = record.get("date") if stored.published is not None else _iso_day(item.published)
        self.store.put_article(stored.url, stored.title or item.title, day, published, text)

    def _tell_duplicate(self, feed_url: str, duplicate: Duplicate) -> None:
        """One warning per item skipped for a duplicate GUID, the first time the feed shows it: a
        feed refreshed every day would otherwise say the same line every day. What was told is
        remembered with the fetched URLs, under a key no fetched URL has (a fragment of the feed's)."""
        key = f"{feed_url}#duplicate-guid {duplicate.guid} {duplicate.link}"
        if self.store.validators(key) is not None:
            return
        self._warn(feed_url, f"{duplicate.label}: duplicate GUID {duplicate.guid[:80]!r} ({duplicate.link}), "
                             "skipped; not said again")
        self.store.remember(key, duplicate.link, "skipped duplicate", None, None)

    def _missing_items(self, feed_url: str) -> list[tuple[str, FeedItem]]:
        """Items an unchanged feed lists whose articles are not stored (they failed last time)."""
        recent = time.time() - RETRY_BROKEN_AFTER
        found = []
        for link, guid, title, published in self.store.unfetched_items(feed_url):
            known = self.store.validators(link)
            if known is not None and known.kind == "broken" and known.checked_at > recent:
                continue  # it failed for good lately, and was reported then
            found.append((link, FeedItem(link, guid or link, title, published, None)))
        return found

    def _item_done(self, link: str, listed_by: list[tuple[str, FeedItem]], outcome: _Outcome, reports: dict[str, Report]) -> None:
        feed_url, item = listed_by[0]
        if outcome.kind == "page":
            assert outcome.page is not None
            self._put_item(item, outcome.page.text, outcome.page)
            for feed, _ in listed_by:
                reports[feed].new += 1
            return
        problem = outcome.problem
        if outcome.kind == "feed":
            problem = "a feed, not an article page, skipped"
        if not outcome.transient:
            self.store.remember(link, link, "broken", None, None)
            own = item_text(item.content_html)
            if own:  # the page is gone for good: the few paragraphs the feed carries are what there is
                self._put_item(item, own, None)
                for feed, _ in listed_by:
                    reports[feed].new += 1
                self._warn(link, f"{problem.removesuffix(', skipped')}; the feed's own text used")
                return
        self._warn(link, problem)

    def _put_item(self, item: FeedItem, text: str, page: PageText | None) -> StoredArticle:
        # The page's own date wins: a feed may list an old article again (a digest, a re-promoted
        # story) and date it the day it listed it. The feed's time stands when the page gives no
        # date, or the same day (it is the more precise).
        page_day = page.date[:10] if page is not None and page.date else None
        feed_day = _iso_day(item.published) if item.published is not None else None
        if page_day is not None and page_day != feed_day:
            day, published = page_day, _day(page_day)
        else:
            day, published = feed_day, item.published
        title = item.title or (page.title if page else None)
        return self.store.put_article(item.link, title, day, published, text)

    # -- in worker threads ---------------------------------------------------------------------

    def _resolve(self, fetcher: Fetcher, url: str, etag: str | None, modified: str | None) -> _Outcome:
        return self._fetch(fetcher, url, etag, modified, ACCEPT_ANY, feeds=True)

    def _item_page(self, fetcher: Fetcher, url: str) -> _Outcome:
        return self._fetch(fetcher, url, None, None, ACCEPT_PAGE, feeds=False)

    def _fetch(self, fetcher: Fetcher, url: str, etag, modified, accept: str, feeds: bool) -> _Outcome:
        try:
            fetched = fetcher.get(url, etag=etag, last_modified=modified, accept=accept)
        except FetchError as error:
            return _Outcome("error", problem=error.problem, transient=error.transient)
        except Cancelled:
            return _Outcome("error", problem="cancelled")
        if fetched.not_modified:
            return _Outcome("not_modified", fetched)
        if not fetched.body.strip():
            return _Outcome("error", fetched, problem="empty response, skipped")
        kind = kind_of(fetched.content_type, fetched.body)
        if kind is None:
            shown = fetched.content_type or "no Content-Type"
            return _Outcome("error", fetched, problem=f"{shown} is neither an HTML page nor a feed, skipped")
        if kind == "feed":
            if not feeds:
                return _Outcome("feed", fetched)
            try:
                return _Outcome("feed", fetched, feed=parse_feed(fetched.body, fetched.final_url, fetched.content_type, fetched.charset))
            except NotAFeed as error:
                return _Outcome("error", fetched, problem=f"{error}, skipped")
        try:
            return _Outcome("page", fetched, page=page_text(fetched.body, fetched.charset))
        except PageError as error:
            return _Outcome("error", fetched, problem=str(error))

    # -- progress ------------------------------------------------------------------------------

    def _get_fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.policy)
        return self._fetcher

    def _planned(self, n: int) -> None:
        self._total += n
        if self._progress:
            self._progress(self._done, self._total)

    def _step(self) -> None:
        self._done += 1
        if self._progress:
            self._progress(self._done, self._total)


def advertised_feeds(url: str, policy: FetchPolicy | None = None) -> list[str]:
    """The feeds a page advertises (:func:`~.feeds.feed_links`), fetched anew (for a page stored
    before, whose conditional GET brought no body); none when it cannot be fetched."""
    try:
        with Fetcher(policy) as fetcher:
            fetched = fetcher.get(url, accept=ACCEPT_PAGE)
    except (FetchError, Cancelled):
        return []
    return feed_links(fetched.body, fetched.final_url)


def unique_articles(reports: Sequence[Report]) -> list[StoredArticle]:
    """The articles of every report, in order, each once (by URL, then by content: the same
    article in two feeds, or under two addresses, is one article)."""
    seen_urls: set[str] = set()
    seen_text: set[str] = set()
    out = []
    for report in reports:
        for article in report.articles:
            if article.url in seen_urls or article.sha256 in seen_text:
                continue
            seen_urls.add(article.url)
            seen_text.add(article.sha256)
            out.append(article)
    return out


def _canonical(url: str) -> str:
    return urldefrag(url)[0]


def _iso_day(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()


def _day(iso: str | None) -> float | None:
    """Midnight UTC of an ISO day, in seconds since the epoch."""
    if not iso:
        return None
    try:
        day = Date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return float(calendar.timegm(day.timetuple()))


def _unskipped(problem: str) -> str:
    return problem.removesuffix(", skipped")
