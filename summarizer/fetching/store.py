"""What was fetched, kept beside the article index: ``<cache dir>/web/``.

``web.sqlite3`` holds, per URL fetched (feeds and pages), the validators for conditional GET
(ETag, Last-Modified) and when it was checked; per article, its URL, title, dates, content hash
and the feeds that list it (one article, however many feeds). Each article's text is a JSON
file under ``articles/`` (``id``, ``title``, ``date``, ``url``, ``text``: what the JSON reader
reads), so the article index parses and caches it like any other input, and a run without
network reads what was fetched before.

Like the index, the store is a cache: a damaged database is set aside and rebuilt, and deleting
the directory loses nothing but the copies (and the conditional-GET validators).

:class:`FetchBackend` is what :class:`~summarizer.fetching.web.WebReader` asks of a store;
:func:`~summarizer.fetching.backends.open_store` chooses the implementation: this one, in the cache
directory, or with a shared index (``--index postgresql://…``)
:class:`~summarizer.fetching.shared.SharedFetchStore`, whose rows live in that database, so that one
``newsdigest refresh`` serves every reader.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from ..atomic import write_atomically
from ..store.sqlite_files import InUse, NotOurs, claim, open_shared, set_aside

SCHEMA_VERSION = 1
APPLICATION_ID = 0x6E647765  # "ndwe"
DIRNAME = "web"
FILENAME = "web.sqlite3"
MAX_ID_CHARS = 80


@dataclass(frozen=True)
class StoredArticle:
    url: str
    file: Path
    title: str | None
    published: float | None
    """When it was published (seconds since the epoch, UTC), if the feed or page said."""
    first_seen: float
    """When it was first fetched: stands in for ``published`` when the article is undated."""
    sha256: str

    @property
    def when(self) -> float:
        return self.published if self.published is not None else self.first_seen


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None
    kind: str | None
    """``feed`` or ``page``: what the URL was last time."""
    final_url: str | None
    checked_at: float
    title: str | None = None
    """A feed's title, as it said last time."""


class FetchBackend(Protocol):
    """What was fetched: per URL its validators, per article its row and file, per feed its
    listings. Written by one thread (the caller of :class:`~summarizer.fetching.web.WebReader`)."""

    directory: Path
    """Where the articles' files are (a copy, with a shared store)."""

    def validators(self, url: str) -> Validators | None: ...

    def remember(self, url: str, final_url: str, kind: str, etag: str | None, last_modified: str | None,
                 title: str | None = None) -> None: ...

    def checked(self, url: str) -> None: ...

    def article(self, url: str) -> StoredArticle | None: ...

    def put_article(self, url: str, title: str | None, date: str | None, published: float | None,
                    text: str) -> StoredArticle: ...

    def list_feed(self, feed: str, items: Iterable[tuple[str, str, str | None, float | None]]) -> None: ...

    def feed_articles(self, feed: str, current_only: bool = True) -> list[StoredArticle]: ...

    def feed_article_count(self, feed: str) -> int:
        """How many articles the feed ever listed are stored (its files not made)."""
        return len(self.feed_articles(feed, current_only=False))

    def unfetched_items(self, feed: str) -> list[tuple[str, str | None, str | None, float | None]]: ...

    def feeds_of(self, url: str) -> list[str]: ...

    def times(self, urls: Iterable[str]) -> dict[str, float]: ...

    def close(self) -> None: ...


def record_text(url: str, title: str | None, date: str | None, text: str) -> str:
    """An article's file: the JSON the JSON reader reads (the same bytes wherever it is written)."""
    record = {"id": article_id(url), "title": title, "date": date, "url": url, "text": text}
    return json.dumps(record, ensure_ascii=True) + "\n"


def _create_tables(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE resources (
        url TEXT PRIMARY KEY, final_url TEXT, kind TEXT, title TEXT,
        etag TEXT, last_modified TEXT, checked_at REAL NOT NULL)""")
    db.execute("""CREATE TABLE articles (
        url TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT, published REAL,
        first_seen REAL NOT NULL, fetched_at REAL NOT NULL, sha256 TEXT NOT NULL)""")
    db.execute("""CREATE TABLE listings (
        feed TEXT NOT NULL, article TEXT NOT NULL, guid TEXT, title TEXT, published REAL,
        position INTEGER NOT NULL, listed INTEGER NOT NULL, PRIMARY KEY (feed, article))""")


class FetchStore:
    """The store in ``directory`` (``<cache>/web``), or a temporary one removed on :meth:`close` (None)."""

    def __init__(self, directory: Path | str | None, on_warning: Callable[[str, str], None] | None = None) -> None:
        self._temporary = None
        if directory is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="newsdigest-web-")
            directory = self._temporary.name
        self.directory = Path(directory)
        self._warn = on_warning or (lambda where, problem: None)
        self._db = self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            (self.directory / "articles").mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._warn(str(self.directory), f"cannot create the fetch store ({error.strerror or error}); "
                       "fetched articles will not be kept")
            self._use_temporary()
        path = self.directory / FILENAME
        try:
            return self._connect(path)
        except InUse as busy:
            self._warn(str(path), f"cannot use the fetch store ({busy}); fetched articles will not be kept")
            self._use_temporary()
            return self._connect(self.directory / FILENAME)
        except (sqlite3.DatabaseError, NotOurs) as error:
            aside = set_aside(path)
            self._warn(str(path), f"unreadable fetch store ({error}); set aside as {aside.name} and rebuilt")
            return self._connect(path)

    def _use_temporary(self) -> None:
        self._temporary = tempfile.TemporaryDirectory(prefix="newsdigest-web-")
        self.directory = Path(self._temporary.name)
        (self.directory / "articles").mkdir(parents=True, exist_ok=True)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        return open_shared(path, 60.0, lambda db: claim(db, APPLICATION_ID, SCHEMA_VERSION, "fetch store", _create_tables))

    def close(self) -> None:
        self._db.close()
        if self._temporary is not None:
            self._temporary.cleanup()

    # -- URLs ----------------------------------------------------------------------------------

    def validators(self, url: str) -> Validators | None:
        row = self._db.execute(
            "SELECT etag, last_modified, kind, final_url, checked_at, title FROM resources WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    def remember(self, url: str, final_url: str, kind: str, etag: str | None, last_modified: str | None,
                 title: str | None = None) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO resources VALUES (?, ?, ?, ?, ?, ?, ?)",
            (url, final_url, kind, title, etag, last_modified, time.time()),
        )

    def checked(self, url: str) -> None:
        self._db.execute("UPDATE resources SET checked_at = ? WHERE url = ?", (time.time(), url))

    # -- articles ------------------------------------------------------------------------------

    def article(self, url: str) -> StoredArticle | None:
        row = self._db.execute(
            "SELECT url, file, title, published, first_seen, sha256 FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return self._stored(row)

    def put_article(self, url: str, title: str | None, date: str | None, published: float | None, text: str) -> StoredArticle:
        """Write the article's JSON file (atomically) and its row; the same URL replaces it."""
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        name = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()
        relative = Path("articles") / name[:2] / f"{name}.json"
        target = self.directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, record_text(url, title, date, text))
        now = time.time()
        previous = self.article(url)
        first_seen = previous.first_seen if previous else now
        self._db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (url, relative.as_posix(), title, published, first_seen, now, digest),
        )
        return StoredArticle(url, self.directory / relative, title, published, first_seen, digest)

    def list_feed(self, feed: str, items: Iterable[tuple[str, str, str | None, float | None]]) -> None:
        """The feed now lists these (article URL, GUID, title, published): its current items, in
        order; articles it listed before stay its articles (for ``--feeds``) but are not current."""
        rows = [(feed, url, guid, title, published, n) for n, (url, guid, title, published) in enumerate(items)]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("UPDATE listings SET listed = 0 WHERE feed = ?", (feed,))
            self._db.executemany(
                "INSERT INTO listings VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (feed, article) "
                "DO UPDATE SET guid = excluded.guid, title = excluded.title, published = excluded.published, "
                "position = excluded.position, listed = 1",
                rows,
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def feed_articles(self, feed: str, current_only: bool = True) -> list[StoredArticle]:
        """The stored articles of a feed: those it lists now, or every one it ever listed."""
        rows = self._db.execute(
            "SELECT a.url, a.file, a.title, a.published, a.first_seen, a.sha256 FROM listings l "
            "JOIN articles a ON a.url = l.article WHERE l.feed = ? AND (l.listed = 1 OR ?) "
            "ORDER BY l.listed DESC, l.position",
            (feed, 0 if current_only else 1),
        )
        return [a for a in map(self._stored, rows) if a is not None]

    def feed_article_count(self, feed: str) -> int:
        return len(self.feed_articles(feed, current_only=False))

    def unfetched_items(self, feed: str) -> list[tuple[str, str | None, str | None, float | None]]:
        """(article URL, GUID, title, published) of items the feed lists whose article is not stored."""
        rows = self._db.execute(
            "SELECT l.article, l.guid, l.title, l.published FROM listings l LEFT JOIN articles a "
            "ON a.url = l.article WHERE l.feed = ? AND l.listed = 1 AND a.url IS NULL ORDER BY l.position",
            (feed,),
        ).fetchall()
        return [tuple(row) for row in rows]

    def feeds_of(self, url: str) -> list[str]:
        return [feed for (feed,) in self._db.execute("SELECT feed FROM listings WHERE article = ? ORDER BY feed", (url,))]

    def times(self, urls: Iterable[str]) -> dict[str, float]:
        """Publication time (first-fetch time for undated articles) of stored article URLs."""
        found = {}
        for url in set(urls):
            row = self._db.execute("SELECT published, first_seen FROM articles WHERE url = ?", (url,)).fetchone()
            if row:
                found[url] = row[0] if row[0] is not None else row[1]
        return found

    def _stored(self, row) -> StoredArticle | None:
        if row is None:
            return None
        url, file, title, published, first_seen, sha = row
        path = self.directory / file
        if not path.is_file():
            return None  # its file was deleted: fetch it again
        return StoredArticle(url, path, title, published, first_seen, sha)


def article_id(url: str) -> str:
    """A readable, stable id: the URL without its scheme (``example.org/news/ferry-strike``)."""
    parts = urlsplit(url)
    text = parts.netloc + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")
    if len(text) > MAX_ID_CHARS:
        text = text[: MAX_ID_CHARS - 9] + "~" + hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return text or url
