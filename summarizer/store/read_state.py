"""What the reader has seen: articles marked read, and when each topic was last viewed.

Kept in its own SQLite file beside the article index (``read.sqlite3`` in the cache directory),
so that rebuilding the index (new reading code, a damaged or foreign index set aside) never
loses it; ``ReadState.reset()`` (``newsdigest mark-read --reset``) is the one way to forget it.

An article is known by the SHA-256 of its text (the text every offset refers to): moving or
renaming its file, re-indexing it, or reading it from a JSONL export that grew keeps it read.
Its path, title and the time it was marked are kept beside, for messages.

Several processes may use the file at once: WAL journal, a busy timeout, and every write in one
``BEGIN IMMEDIATE`` transaction. A file that is not a read state of this version is renamed
aside (``read.sqlite3.bad-…``) and a new one started, with a warning.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from ..errors import NewsdigestError
from .sqlite_files import InUse, NotOurs, claim, open_shared, set_aside, unwritable
from ..model import Article

FILENAME = "read.sqlite3"
APPLICATION_ID = 0x6E647264  # "ndrd"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 60.0
_BATCH = 500



def _create_tables(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE articles (
            key TEXT PRIMARY KEY,
            path TEXT,
            title TEXT NOT NULL,
            marked_at REAL NOT NULL,
            how TEXT NOT NULL)"""
    )
    db.execute("CREATE TABLE topics (name TEXT PRIMARY KEY, viewed_at REAL NOT NULL)")


class ReadStateError(NewsdigestError):
    """The read state cannot be opened or written (a one-line message)."""


def article_key(article: Article) -> str:
    """The stable identity of an article: the SHA-256 of its text, in hex."""
    return article.text_hash


@dataclass(frozen=True)
class Mark:
    """One article marked read."""

    key: str
    path: str | None
    title: str
    marked_at: float
    """Seconds since the epoch."""
    how: str
    """``summary`` (its summary was printed or shown), ``opened`` (read in the app) or ``explicit``."""


class ReadState:
    """The read state in ``directory`` (``read.sqlite3``); None: in memory, for this process only."""

    def __init__(self, directory: Path | str | None, on_warning: Callable[[str], None] | None = None) -> None:
        self.path = Path(directory) / FILENAME if directory is not None else None
        self._warn = on_warning or (lambda message: None)
        self._db = self._open()

    # -- opening -----------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepare(sqlite3.connect(":memory:", isolation_level=None))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReadStateError(f"{self.path.parent}: cannot create the directory ({error.strerror or error})") from None
        try:
            return self._connect()
        except InUse as busy:
            raise ReadStateError(f"{self.path}: {busy}") from None
        except (sqlite3.DatabaseError, NotOurs) as reason:
            unwritable_because = unwritable(self.path.parent)
            if unwritable_because is not None:
                raise ReadStateError(f"{self.path}: cannot use the read state: {self.path.parent} is not writable "
                                     f"({unwritable_because})") from None
            try:
                aside = set_aside(self.path)
            except OSError as error:
                raise ReadStateError(f"{self.path}: unusable ({reason}) and cannot be set aside ({error.strerror or error})") from None
            self._warn(f"{self.path}: unusable read state ({reason}); set aside as {aside.name}, starting afresh")
        try:
            return self._connect()
        except (sqlite3.DatabaseError, NotOurs, InUse) as error:
            raise ReadStateError(f"{self.path}: cannot use the read state ({error})") from None

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        return open_shared(self.path, BUSY_TIMEOUT_S, self._prepare)

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> sqlite3.Connection:
        return claim(db, APPLICATION_ID, SCHEMA_VERSION, "read state", _create_tables)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------------

    def marks(self, articles: Sequence[Article]) -> dict[str, Mark]:
        """The marks of those of ``articles`` that were read, by article id."""
        keys: dict[str, list[str]] = {}  # the same text under two paths: one key, two articles
        for a in articles:
            keys.setdefault(article_key(a), []).append(a.id)
        found: dict[str, Mark] = {}
        ordered = list(keys)
        for start in range(0, len(ordered), _BATCH):
            batch = ordered[start : start + _BATCH]
            rows = self._db.execute(
                f"SELECT key, path, title, marked_at, how FROM articles WHERE key IN ({','.join('?' * len(batch))})",
                batch,
            )
            for row in rows:
                found.update(dict.fromkeys(keys[row[0]], Mark(*row)))
        return found

    def split(self, articles: Sequence[Article]) -> tuple[list[Article], list[Article], float | None]:
        """(articles read, articles new, when the latest of the read ones was marked or None)."""
        marks = self.marks(articles)
        read = [a for a in articles if a.id in marks]
        new = [a for a in articles if a.id not in marks]
        latest = max((m.marked_at for m in marks.values()), default=None)
        return read, new, latest

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def last_viewed(self, names: Iterable[str]) -> dict[str, float]:
        """When each of these topics was last viewed (topics never viewed are absent)."""
        names = list(names)
        if not names:
            return {}
        rows = self._db.execute(
            f"SELECT name, viewed_at FROM topics WHERE name IN ({','.join('?' * len(names))})", names
        )
        return dict(rows)

    # -- writing -----------------------------------------------------------------------------

    def mark(self, articles: Iterable[Article], how: str = "explicit", at: float | None = None) -> int:
        """Mark articles read (again: the time moves on); returns how many."""
        now = time.time() if at is None else at
        values = [(article_key(a), a.path, a.title, now, how) for a in articles]
        self._write(lambda db: db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
            "path = excluded.path, title = excluded.title, marked_at = excluded.marked_at, how = excluded.how",
            values,
        ))
        return len(values)

    def viewed(self, names: Iterable[str], at: float | None = None) -> None:
        """Record that these topics were viewed now."""
        now = time.time() if at is None else at
        values = [(name, now) for name in names]
        self._write(lambda db: db.executemany(
            "INSERT INTO topics VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET viewed_at = excluded.viewed_at", values
        ))

    def reset(self) -> int:
        """Forget everything read and viewed; returns how many articles were marked."""
        marked = self.count()

        def clear(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM articles")
            db.execute("DELETE FROM topics")

        self._write(clear)
        return marked

    def _write(self, change: Callable[[sqlite3.Connection], object]) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                change(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise ReadStateError(f"{self.path or ':memory:'}: cannot record what was read ({error})") from None
