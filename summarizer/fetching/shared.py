"""A team's shared store: subscriptions and fetched articles in the index's PostgreSQL database.

With ``--index postgresql://…`` (or ``NEWSDIGEST_INDEX``) on ``feeds``, ``refresh``, ``summarize``
and the app, the subscriptions are the rows of ``subscriptions`` and what was fetched is in
``web_resources``, ``web_articles`` and ``web_listings`` (the tables of the local ``web.sqlite3``,
see :mod:`summarizer.fetching.store`; created by :mod:`summarizer.store.postgres`, schema
version 3). One ``newsdigest refresh`` (a cron job on a server) fetches for everyone; each reader's
``summarize --feeds`` reads the rows and fetches nothing. What each reader has read stays theirs
(``--reader``, see :class:`~summarizer.store.postgres.PostgresReadState`).

Each article's JSON record (what the JSON reader reads) is kept in its row. The rest of a run reads
files, so a reader's run writes the records it needs, once, under
``<cache dir>/shared/<server>/articles/`` (a copy: deleting it is always safe), named by the URL and
the record's content hash, so that a copy is never stale. The same record is the same bytes on
every machine, so the index knows its content: a copy is entered in the index's ``files`` table
under the reader's own path, pointing at the payload that ``refresh`` (or another reader) already
parsed, and the reader's run parses nothing either (:meth:`SharedFetchStore._adopt`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..atomic import write_atomically
from ..store.cache import FileIdentity, code_fingerprint, content_hash
from ..store.postgres import SCHEMA, Database, IndexServerError, _reason
from .store import StoredArticle, Validators, record_text
from .subscriptions import Subscription

T = TypeVar("T")
MIRROR = "shared"
"""Under the cache directory: the copies of the shared store's articles, per server."""
_ARTICLE_COLUMNS = "a.url, a.title, a.published, a.first_seen, a.sha256, a.record_sha256"


def server_key(url: str) -> str:
    """A short name for the database at ``url`` (host, port, database; not the user): where the
    copies of its articles go."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        info = conninfo_to_dict(url)
    except Exception:  # a URL psycopg cannot read fails to connect first; this is only a name
        info = {"url": url}
    ident = "\0".join(str(info.get(k, "")) for k in ("host", "port", "dbname", "url"))
    return hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Shared(Database):
    def _run(self, change: Callable[[Any], T], doing: str) -> T:
        """``change`` in one transaction; a refusal of the server (rights, a full disk) is one line."""
        try:
            return self._transaction(change)
        except self._pg.Error as error:
            raise IndexServerError(f"the index at {self.where}: cannot {doing} ({_reason(error)})") from None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SharedFetchStore(_Shared):
    """The fetch store in the database at ``url``; articles' files copied under ``cache_dir``
    (a temporary folder, removed on :meth:`close`, when None)."""

    def __init__(self, url: str, cache_dir: Path | None) -> None:
        super().__init__(url)
        self._temporary = None
        if cache_dir is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="newsdigest-shared-")
            self.directory = Path(self._temporary.name)
        else:
            self.directory = Path(cache_dir) / MIRROR / server_key(url)

    def close(self) -> None:
        super().close()
        if self._temporary is not None:
            self._temporary.cleanup()

    # -- URLs ----------------------------------------------------------------------------------

    def validators(self, url: str) -> Validators | None:
        rows = self._read(
            f"SELECT etag, last_modified, kind, final_url, checked_at, title FROM {SCHEMA}.web_resources WHERE url = %s",
            (url,),
        )
        return Validators(*rows[0]) if rows else None

    def remember(self, url: str, final_url: str, kind: str, etag: str | None, last_modified: str | None,
                 title: str | None = None) -> None:
        self._run(lambda db: db.execute(
            f"INSERT INTO {SCHEMA}.web_resources VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (url) DO UPDATE "
            f"SET final_url = excluded.final_url, kind = excluded.kind, title = excluded.title, etag = excluded.etag, "
            f"last_modified = excluded.last_modified, checked_at = excluded.checked_at",
            (url, final_url, kind, title, etag, last_modified, time.time()),
        ), "store what was fetched")

    def checked(self, url: str) -> None:
        self._run(lambda db: db.execute(
            f"UPDATE {SCHEMA}.web_resources SET checked_at = %s WHERE url = %s", (time.time(), url)
        ), "store what was fetched")

    # -- articles ------------------------------------------------------------------------------

    def article(self, url: str) -> StoredArticle | None:
        found = self._articles(self._read(f"SELECT {_ARTICLE_COLUMNS} FROM {SCHEMA}.web_articles a WHERE a.url = %s", (url,)))
        return found[0] if found else None

    def put_article(self, url: str, title: str | None, date: str | None, published: float | None, text: str) -> StoredArticle:
        """Store the article's row (the same URL replaces it, keeping when it was first seen) and
        write its file."""
        record = record_text(url, title, date, text)
        data = record.encode("ascii")
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        record_sha = content_hash(data)
        now = time.time()
        first_seen = self._run(lambda db: db.execute(
            f"INSERT INTO {SCHEMA}.web_articles AS a VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (url) "
            f"DO UPDATE SET title = excluded.title, published = excluded.published, fetched_at = excluded.fetched_at, "
            f"sha256 = excluded.sha256, record = excluded.record, record_sha256 = excluded.record_sha256 "
            f"RETURNING a.first_seen",
            (url, title, published, now, now, digest, record, record_sha),
        ).fetchone()[0], "store what was fetched")
        path = self._file(url, record_sha)
        if not path.is_file():
            self._write(path, record)
            self._adopt([(path, record_sha)])
        return StoredArticle(url, path, title, published, first_seen, digest)

    def list_feed(self, feed: str, items: Iterable[tuple[str, str, str | None, float | None]]) -> None:
        """The feed now lists these (article URL, GUID, title, published), in order (see
        :meth:`summarizer.fetching.store.FetchStore.list_feed`)."""
        rows: dict[str, tuple] = {}
        for position, (url, guid, title, published) in enumerate(items):
            rows.setdefault(url, (url, guid, title, published, position))
        ordered = [rows[url] for url in sorted(rows)]  # in key order: concurrent refreshes never deadlock

        def change(db: Any) -> None:
            db.execute(f"UPDATE {SCHEMA}.web_listings SET listed = false WHERE feed = %s AND listed", (feed,))
            if ordered:
                db.execute(
                    f"INSERT INTO {SCHEMA}.web_listings SELECT %s, a, g, t, p, n, true "
                    f"FROM unnest(%s::text[], %s::text[], %s::text[], %s::float8[], %s::int[]) AS u(a, g, t, p, n) "
                    f"ON CONFLICT (feed, article) DO UPDATE SET guid = excluded.guid, title = excluded.title, "
                    f"published = excluded.published, position = excluded.position, listed = true",
                    (feed, *([row[k] for row in ordered] for k in range(5))),
                )

        self._run(change, "store what was fetched")

    def feed_articles(self, feed: str, current_only: bool = True) -> list[StoredArticle]:
        return self._articles(self._read(
            f"SELECT {_ARTICLE_COLUMNS} FROM {SCHEMA}.web_listings l JOIN {SCHEMA}.web_articles a ON a.url = l.article "
            f"WHERE l.feed = %s AND (l.listed OR %s) ORDER BY l.listed DESC, l.position",
            (feed, not current_only),
        ))

    def feed_article_count(self, feed: str) -> int:
        return self._read(
            f"SELECT count(*) FROM {SCHEMA}.web_listings l JOIN {SCHEMA}.web_articles a ON a.url = l.article "
            f"WHERE l.feed = %s", (feed,),
        )[0][0]

    def unfetched_items(self, feed: str) -> list[tuple[str, str | None, str | None, float | None]]:
        rows = self._read(
            f"SELECT l.article, l.guid, l.title, l.published FROM {SCHEMA}.web_listings l LEFT JOIN "
            f"{SCHEMA}.web_articles a ON a.url = l.article WHERE l.feed = %s AND l.listed AND a.url IS NULL "
            f"ORDER BY l.position",
            (feed,),
        )
        return [tuple(row) for row in rows]

    def feeds_of(self, url: str) -> list[str]:
        return [feed for (feed,) in self._read(
            f"SELECT feed FROM {SCHEMA}.web_listings WHERE article = %s ORDER BY feed", (url,)
        )]

    def times(self, urls: Iterable[str]) -> dict[str, float]:
        rows = self._read(
            f"SELECT url, coalesce(published, first_seen) FROM {SCHEMA}.web_articles WHERE url = ANY(%s)",
            (sorted(set(urls)),),
        )
        return dict(rows)

    # -- the files the rest of the run reads -----------------------------------------------------

    def _file(self, url: str, record_sha: bytes) -> Path:
        name = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / "articles" / name[:2] / f"{name}-{bytes(record_sha).hex()[:16]}.json"

    def _articles(self, rows: Sequence[tuple]) -> list[StoredArticle]:
        """Stored articles of rows (url, title, published, first_seen, sha256, record_sha256), the
        files of those not copied here yet written from their records (one query for them all)."""
        missing = [row for row in rows if not self._file(row[0], row[5]).is_file()]
        fresh: dict[str, tuple[bytes, str]] = {}
        if missing:
            for url, record, record_sha in self._read(
                f"SELECT url, record, record_sha256 FROM {SCHEMA}.web_articles WHERE url = ANY(%s)",
                ([row[0] for row in missing],),
            ):
                fresh[url] = (bytes(record_sha), record)
            written = []
            for url, (record_sha, record) in fresh.items():
                path = self._file(url, record_sha)
                self._write(path, record)
                written.append((path, record_sha))
            self._adopt(written)
        out = []
        for url, title, published, first_seen, sha, record_sha in rows:
            if url in fresh:
                record_sha = fresh[url][0]  # refreshed since the row was read: its newest record
            elif not self._file(url, record_sha).is_file():
                continue  # gone from the database meanwhile
            out.append(StoredArticle(url, self._file(url, record_sha), title, published, first_seen, sha))
        return out

    def _write(self, path: Path, record: str) -> None:
        """Write a copy, and remove the copies of the URL's older records."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, record)
        except OSError as error:
            raise IndexServerError(f"{path.parent}: cannot keep a copy of the shared articles: "
                                   f"{error.strerror or error}") from None
        prefix = path.name.split("-", 1)[0] + "-"
        for old in path.parent.glob(prefix + "*.json"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass

    def _adopt(self, written: Sequence[tuple[Path, bytes]]) -> None:
        """Enter the copies just written in the index under their paths here, pointing at the
        payload already stored for the same content (parsed by ``refresh`` or another reader), so
        that loading them parses nothing. Copies whose content the index does not hold yet are
        left out: the run parses and stores them. Best effort: the run works without it."""
        rows = []
        for path, record_sha in written:
            try:
                identity = FileIdentity.of(os.stat(path))
            except OSError:
                continue
            rows.append((os.fsencode(os.path.abspath(path)), identity, bytes(record_sha)))
        if not rows:
            return
        rows.sort()
        try:
            self._transaction(lambda db: db.execute(
                f"INSERT INTO {SCHEMA}.files (path, device, inode, size, mtime_ns, sha256, code, payload_hash) "
                f"SELECT t.p, t.d, t.i, t.s, t.m, f.sha256, f.code, f.payload_hash "
                f"FROM unnest(%s::bytea[], %s::bigint[], %s::bigint[], %s::bigint[], %s::bigint[], %s::bytea[]) "
                f"AS t(p, d, i, s, m, h) CROSS JOIN LATERAL (SELECT sha256, code, payload_hash FROM {SCHEMA}.files "
                f"WHERE sha256 = t.h AND code = %s LIMIT 1) f "
                f"ON CONFLICT (path) DO UPDATE SET device = excluded.device, inode = excluded.inode, "
                f"size = excluded.size, mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, "
                f"code = excluded.code, payload_hash = excluded.payload_hash, stored_at = now()",
                ([r[0] for r in rows], [r[1].device for r in rows], [r[1].inode for r in rows],
                 [r[1].size for r in rows], [r[1].mtime_ns for r in rows], [r[2] for r in rows], code_fingerprint()),
            ))
        except (self._pg.Error, IndexServerError):
            pass  # a read-only role, say: the run parses the copies itself


class SharedSubscriptions(_Shared):
    """The team's subscriptions, in the database at ``url``: the methods of
    :class:`~summarizer.fetching.subscriptions.SubscriptionFile`."""

    def load(self) -> list[Subscription]:
        return [Subscription(name, url) for name, url in self._read(
            f"SELECT name, url FROM {SCHEMA}.subscriptions ORDER BY added_at, name"
        )]

    def edit(self, change: Callable[[list[Subscription]], T]) -> T:
        """``change(subscriptions)`` on the list as it is now, stored in one transaction (an error
        raised by ``change`` stores nothing); concurrent edits wait for each other."""
        def apply(db: Any) -> T:
            db.execute(f"LOCK TABLE {SCHEMA}.subscriptions IN SHARE ROW EXCLUSIVE MODE")
            before = [Subscription(n, u) for n, u in db.execute(
                f"SELECT name, url FROM {SCHEMA}.subscriptions ORDER BY added_at, name"
            )]
            subs = list(before)
            result = change(subs)
            gone = sorted(s.name for s in before if s not in subs)
            if gone:
                db.execute(f"DELETE FROM {SCHEMA}.subscriptions WHERE name = ANY(%s)", (gone,))
            for sub in (s for s in subs if s not in before):
                db.execute(f"INSERT INTO {SCHEMA}.subscriptions (name, url, added_at) VALUES (%s, %s, clock_timestamp())",
                           (sub.name, sub.url))
            return result

        return self._run(apply, "change the subscriptions")
