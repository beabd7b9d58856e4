"""The project's SQLite files (the article index, the read state, the fetch store): claimed by an
application id and a schema version, opened for several processes at once, and set aside, never
deleted, when they turn out to be damaged or another program's."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


class NotOurs(Exception):
    """The file belongs to another program or to another version of this one."""


class InUse(Exception):
    """Another process kept the file locked for longer than we wait: the file is sound, so it is
    never set aside for this."""


_BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_RETRY_S = 0.02


def _busy(error: sqlite3.Error) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _BUSY_CODES


def claim(
    db: sqlite3.Connection,
    application_id: int,
    version: int,
    what: str,
    create: Callable[[sqlite3.Connection], None],
    upgrade: Callable[[sqlite3.Connection], None] | None = None,
) -> sqlite3.Connection:
    """Make an empty database ours (``create`` its tables), or check that it is ours at ``version``
    (then ``upgrade`` it within that version), in one transaction; raises :class:`NotOurs`."""
    db.execute("BEGIN IMMEDIATE")
    try:
        found_application = db.execute("PRAGMA application_id").fetchone()[0]
        found_version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if found_application == 0 and found_version == 0 and tables == 0:
            db.execute(f"PRAGMA application_id={application_id}")
            db.execute(f"PRAGMA user_version={version}")
            create(db)
        elif found_application != application_id:
            raise NotOurs(f"not a newsdigest {what}")
        elif found_version != version:
            raise NotOurs(f"{what} schema version {found_version}, this newsdigest uses {version}")
        if upgrade is not None:
            upgrade(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return db


def open_shared(path: Path | str, timeout: float, prepare: Callable[[sqlite3.Connection], sqlite3.Connection]) -> sqlite3.Connection:
    """``path`` opened for several processes at once (write-ahead log), then ``prepare``d.
    Raises :class:`InUse` when other processes hold it locked for ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        while True:
            try:
                # Turning a new, empty file to WAL while another process creates its tables answers
                # "database is locked" at once, without SQLite's busy wait: wait here instead.
                db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as error:
                if not _busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(_RETRY_S)
        db.execute("PRAGMA synchronous=NORMAL")
        return prepare(db)
    except sqlite3.OperationalError as error:
        db.close()
        if _busy(error):
            raise InUse(f"in use by another process ({error})") from None
        raise
    except BaseException:
        db.close()
        raise


def set_aside(path: Path) -> Path:
    """Rename ``path`` and its journal files to ``NAME.bad-STAMP-PID``; returns the new name.
    Raises OSError when it cannot be moved; a file already gone (another process set it aside
    first, or there was no journal) is no error."""
    aside = path.with_name(f"{path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        try:
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        except FileNotFoundError:
            pass
    return aside


def unwritable(directory: Path) -> str | None:
    """Why nothing can be created in ``directory`` (the system's words, e.g. "Read-only file
    system"), or None when a file can be. Asked only once opening a file there has failed, to tell
    a folder that cannot be written (SQLite's "unable to open database file") from a damaged file."""
    try:
        handle, probe = tempfile.mkstemp(dir=directory, prefix=".newsdigest-probe-")
    except OSError as error:
        return error.strerror or str(error)
    os.close(handle)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return None
