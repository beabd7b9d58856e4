"""The persistent index: parsed articles and their stems in SQLite, under the XDG cache dir.

One row per input file, keyed by its absolute path and checked against the file's identity
(device, inode, size, modification time) and the SHA-256 of its content: an edited file is
read again, a deleted one dropped. What is stored does not depend on the path or on the
article ids, so a file reached through another folder still hits. A fingerprint of the code
that reads and analyses articles is part of every row, so a change to the segmenter or the
stemmer never serves stale sentences.

Two processes may use the index at once: WAL journal, a busy timeout, and every write in a
transaction. A file that is not a newsdigest index (corrupt, foreign, another schema
version) is renamed aside and a new index is built, with a warning.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import util
from pathlib import Path

import numpy as np

from ..atomic import write_atomically
from .sqlite_files import InUse, NotOurs, claim, open_shared, set_aside, unwritable

SCHEMA_VERSION = 1
APPLICATION_ID = 0x6E647367  # "ndsg"
FILENAME = "index.sqlite3"
SENTENCE_INDEX_DIR = "sentence-indexes"
"""Beside :data:`FILENAME`: one file per stored sentence index, named by its key."""
BUSY_TIMEOUT_S = 60.0
_BATCH = 500  # paths per SELECT ... IN (...)
SENTENCE_INDEXES_KEPT = 8

# The code and data whose output the index stores: any change to them changes the fingerprint.
_SOURCES = ("reading", "store/ingest.py", "store/concepts.py")
"""What decides what is stored, under ``summarizer/``: every file of the reading stage, ingestion
and the bigram concepts it counts."""
_DISTRIBUTIONS = ("nltk", "sumy", "breadability", "trafilatura")


_NOT_UTF8 = "bytes:"


def stored_path(path: str) -> str:
    """A path as the index keeps it: itself, or, for a file name that is not UTF-8 (which Python
    holds with surrogate escapes and SQLite cannot store as text), ``bytes:`` and its bytes in hex."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return _NOT_UTF8 + os.fsencode(path).hex()
    return path


def path_of(stored: str) -> str:
    """Inverse of :func:`stored_path`."""
    return os.fsdecode(bytes.fromhex(stored[len(_NOT_UTF8):])) if stored.startswith(_NOT_UTF8) else stored


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/newsdigest`` (``~/.cache/newsdigest`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsdigest"


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """A digest of the reading and analysis code, the bundled data and the libraries used."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
        package = Path(__file__).resolve().parent.parent
        for source in _SOURCES:
            path = package / source
            files = sorted(p for p in path.rglob("*") if p.suffix in (".py", ".txt")) if path.is_dir() else [path]
            for file in files:
                name = file.relative_to(package).as_posix()
                digest.update(name.encode() + b"\0" + file.read_bytes() + b"\0")
        for name in _DISTRIBUTIONS:
            digest.update(f"{name} {_installed_version(name)}\n".encode())
        _fingerprint = digest.hexdigest()[:32]
    return _fingerprint


def _installed_version(name: str) -> str:
    """The version of an installed distribution, from the name of its ``.dist-info`` folder beside
    the package (``nltk-3.9.1.dist-info``): importlib.metadata costs 15 to 30 ms of imports, on
    every run, for four lookups. It is the fallback when the folder is not found."""
    spec = util.find_spec(name)  # finds the package without importing it
    if spec is not None and spec.origin:
        site = os.path.dirname(os.path.dirname(spec.origin))
        prefix = f"{name}-"
        try:
            found = [e for e in os.listdir(site) if e.lower().startswith(prefix) and e.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0][len(prefix) : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


class _ReadOnly:
    """A connection that only reads the index in ``directory``, opened on first use, shared by the
    threads of the process (the app reads in workers) under a lock, closed when unused or at exit.
    It never creates, checks or sets aside the index: what cannot be read is simply not found."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / FILENAME
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self._finalizer = weakref.finalize(self, _ReadOnly._close, [None])

    def _connection(self) -> sqlite3.Connection | None:
        if not self._opened:
            self._opened = True
            try:
                # mode=rw: never creates the file; a read-only connection could not tidy the WAL when it
                # is the last to close.
                db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                     timeout=BUSY_TIMEOUT_S, check_same_thread=False)
                if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    db.close()
                else:
                    self._db = db
                    self._finalizer.detach()
                    self._finalizer = weakref.finalize(self, _ReadOnly._close, [db])
            except sqlite3.Error:
                self._db = None
        return self._db

    @staticmethod
    def _close(holder: list[sqlite3.Connection | None]) -> None:
        if holder[0] is not None:
            holder[0].close()

    def query(self, sql: str, parameters: Sequence[object]) -> list[tuple]:
        with self._lock:
            db = self._connection()
            if db is None:
                return []
            try:
                return db.execute(sql, parameters).fetchall()
            except sqlite3.Error:
                return []  # not an index, an older one, locked...


class PayloadReader(_ReadOnly):
    """Payloads by content hash (a payload does not depend on the file's path), for articles read lazily."""

    def payload_of(self, sha256: bytes) -> bytes | None:
        rows = self.query("SELECT payload FROM files WHERE sha256 = ? AND code = ? LIMIT 1", (sha256, code_fingerprint()))
        return rows[0][0] if rows else None

    def part_of(self, sha256: bytes, part: int) -> bytes | None:
        """Part ``part`` of the payload of a file stored in parts (see :meth:`IndexStore.put_part`)."""
        rows = self.query("SELECT payload FROM file_parts WHERE sha256 = ? AND code = ? AND part = ?",
                          (sha256, code_fingerprint(), part))
        return rows[0][0] if rows else None

    def part_slice(self, sha256: bytes, part: int, start: int, length: int) -> bytes | None:
        """``length`` bytes from ``start`` of part ``part`` of the payload of a content hash."""
        return self.payload_slice(sha256, start, length, part)

    def payload_slice(self, sha256: bytes, start: int, length: int, part: int | None = None) -> bytes | None:
        """``length`` bytes from ``start`` of the payload (or of its part ``part``) of a content hash."""
        # Incremental blob I/O: ``substr(payload, ...)`` would load the whole value first.
        if part is None:
            table, find = "files", ("SELECT rowid FROM files WHERE sha256 = ? AND code = ? LIMIT 1",
                                    (sha256, code_fingerprint()))
        else:
            table, find = "file_parts", ("SELECT rowid FROM file_parts WHERE sha256 = ? AND code = ? AND part = ?",
                                         (sha256, code_fingerprint(), part))
        with self._lock:
            db = self._connection()
            if db is None:
                return None
            try:
                db.execute("BEGIN")  # the row found is the row read, whoever writes meanwhile
                try:
                    row = db.execute(*find).fetchone()
                    if row is None:
                        return None
                    with db.blobopen(table, "payload", row[0], readonly=True) as blob:
                        if start < 0 or length < 0 or start + length > len(blob):
                            return None
                        blob.seek(start)
                        return blob.read(length)
                finally:
                    db.execute("COMMIT")
            except sqlite3.Error:
                return None


def stems_reader(directory: Path) -> Callable[[list[str]], dict[str, str]] | None:
    """A look-up of the stems the index in ``directory`` knows (lower-cased words -> stems, for
    the words it has), read-only; None when there is no index."""
    if not (directory / FILENAME).is_file():
        return None
    reader = _ReadOnly(directory)

    def look_up(words: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        code = code_fingerprint()
        for start in range(0, len(words), _BATCH):
            batch = words[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            found.update(reader.query(f"SELECT word, stem FROM stems WHERE code = ? AND word IN ({marks})", (code, *batch)))
        return found

    return look_up


@dataclass(frozen=True)
class FileIdentity:
    """What ``stat`` says about a file: when all of it is unchanged, the content is too."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileIdentity:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


@dataclass(frozen=True)
class Entry:
    """One indexed file."""

    identity: FileIdentity
    sha256: bytes
    payload: bytes


def _create_tables(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE files (
            path TEXT PRIMARY KEY,
            device INTEGER NOT NULL, inode INTEGER NOT NULL,
            size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
            sha256 BLOB NOT NULL,
            code TEXT NOT NULL,
            payload BLOB NOT NULL,
            stored_at REAL NOT NULL)"""
    )
    db.execute("CREATE TABLE terms (id INTEGER PRIMARY KEY, stem TEXT NOT NULL UNIQUE)")


def _add_tables(db: sqlite3.Connection) -> None:
    # Added within schema 1 (older indexes get them here): see stems_reader and IndexStore.sentence_index.
    db.execute(
        "CREATE TABLE IF NOT EXISTS stems (word TEXT PRIMARY KEY, stem TEXT NOT NULL, code TEXT NOT NULL)"
    )
    columns = [row[1] for row in db.execute("PRAGMA table_info(sentence_indexes)")]
    if columns and "code" not in columns:  # made by a development build: rebuilt, it is a cache
        db.execute("DROP TABLE sentence_indexes")
    db.execute(
        "CREATE TABLE IF NOT EXISTS sentence_indexes (key BLOB PRIMARY KEY, data BLOB NOT NULL, "
        "stored_at REAL NOT NULL, code TEXT NOT NULL DEFAULT '')"
    )
    db.execute("CREATE INDEX IF NOT EXISTS files_by_content ON files (sha256)")
    db.execute(
        "CREATE TABLE IF NOT EXISTS file_sets (key BLOB PRIMARY KEY, files BLOB NOT NULL, "
        "sentence_index BLOB NOT NULL, stored_at REAL NOT NULL)"
    )
    # A file of many articles (a JSON Lines export) is stored as parts, each the payload of a chunk
    # of its articles, by content hash; its ``files`` row holds a manifest (see ingest.Manifest).
    db.execute(
        "CREATE TABLE IF NOT EXISTS file_parts (sha256 BLOB NOT NULL, code TEXT NOT NULL, part INTEGER NOT NULL, "
        "payload BLOB NOT NULL, stored_at REAL NOT NULL, PRIMARY KEY (sha256, code, part))"
    )


def map_file(path: Path) -> mmap.mmap | bytes | None:
    """The bytes of a stored sentence index file, mapped into memory read-only (a run then reads
    the pages it uses); read whole on a file system that cannot map files; None when the file is
    missing, unreadable or empty."""
    try:
        with open(path, "rb") as handle:
            try:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # empty, or a file system that cannot map files
                return handle.read() or None
    except OSError:
        return None


class CacheSetAside(Exception):
    """The index file could not be used; ``str()`` says why (for the warning)."""


class IndexStore:
    """The SQLite file (or an in-memory database when ``directory`` is None).

    ``on_warning(path, problem)`` hears about the index itself (set aside, not writable).
    """

    def __init__(self, directory: Path | None, on_warning: Callable[[str, str], None] | None = None) -> None:
        self.directory = directory
        self.path = directory / FILENAME if directory is not None else None
        self._warn = on_warning or (lambda path, problem: None)
        self._db = self._open()
        self._stem_ids: dict[str, int] | None = None
        self._stems: dict[int, str] = {}
        self._writable = True

    # -- opening -----------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepare(sqlite3.connect(":memory:", isolation_level=None))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._warn(str(self.path.parent), f"cannot create the cache directory ({error.strerror or error}); "
                       "nothing will be cached")
            return self._prepare(sqlite3.connect(":memory:", isolation_level=None))
        try:
            try:
                return self._connect(self.path)
            except InUse as busy:
                raise CacheSetAside(str(busy)) from None  # sound, but not ours to use now: not set aside
            except (CacheSetAside, sqlite3.DatabaseError) as failure:
                # A folder that cannot be written is not a damaged index: nothing to set aside.
                unwritable_because = unwritable(self.path.parent)
                if unwritable_because is not None:
                    self._warn(str(self.path), f"cannot use the cache: {self.path.parent} is not writable "
                               f"({unwritable_because}); nothing will be cached")
                    return self._prepare(sqlite3.connect(":memory:", isolation_level=None))
                aside = self._set_aside()
                if isinstance(failure, CacheSetAside):
                    self._warn(str(self.path), f"{failure}; set aside as {aside.name} and rebuilt")
                else:
                    self._warn(str(self.path), f"unreadable cache ({failure}); set aside as {aside.name} and rebuilt")
        except CacheSetAside as error:
            self._warn(str(self.path), f"cannot use the cache ({error}); nothing will be cached")
            return self._prepare(sqlite3.connect(":memory:", isolation_level=None))
        try:
            return self._connect(self.path)
        except (CacheSetAside, sqlite3.DatabaseError, InUse) as error:
            self._warn(str(self.path), f"cannot use the cache ({error}); nothing will be cached")
            return self._prepare(sqlite3.connect(":memory:", isolation_level=None))

    def _connect(self, path: Path) -> sqlite3.Connection:
        return open_shared(path, BUSY_TIMEOUT_S, self._prepare)

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> sqlite3.Connection:
        """Check that ``db`` is our index at our schema version, or make it one if it is empty."""
        try:
            return claim(db, APPLICATION_ID, SCHEMA_VERSION, "index", _create_tables, _add_tables)
        except NotOurs as reason:
            raise CacheSetAside(str(reason)) from None

    def _set_aside(self) -> Path:
        assert self.path is not None
        try:
            return set_aside(self.path)
        except OSError as error:
            raise CacheSetAside(f"cannot set it aside ({error.strerror or error})") from None

    def close(self) -> None:
        self._db.close()

    # -- files -------------------------------------------------------------------------------

    def entries(self, paths: Sequence[str]) -> dict[str, Entry]:
        """The stored entries for these absolute paths (made by this version of the code)."""
        found: dict[str, Entry] = {}
        code = code_fingerprint()
        for start in range(0, len(paths), _BATCH):
            batch = [stored_path(p) for p in paths[start : start + _BATCH]]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                f"SELECT path, device, inode, size, mtime_ns, sha256, payload FROM files "
                f"WHERE code = ? AND path IN ({marks})",
                (code, *batch),
            )
            for path, device, inode, size, mtime_ns, sha, payload in rows:
                found[path_of(path)] = Entry(FileIdentity(device, inode, size, mtime_ns), sha, payload)
        return found

    def identities(self, paths: Sequence[str]) -> dict[str, tuple[FileIdentity, bytes]]:
        """(identity, sha256) of the stored files among these absolute paths, without their
        payloads: what a warm run checks before it reads anything else."""
        found: dict[str, tuple[FileIdentity, bytes]] = {}
        code = code_fingerprint()
        for start in range(0, len(paths), _BATCH):
            batch = [stored_path(p) for p in paths[start : start + _BATCH]]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                f"SELECT path, device, inode, size, mtime_ns, sha256 FROM files WHERE code = ? AND path IN ({marks})",
                (code, *batch),
            )
            for path, device, inode, size, mtime_ns, sha in rows:
                found[path_of(path)] = (FileIdentity(device, inode, size, mtime_ns), sha)
        return found

    def reader(self) -> PayloadReader | None:
        """Reads for articles loaded lazily (None for an index in memory, which gives none)."""
        return PayloadReader(self.directory) if self.path is not None else None

    def sentence_index(self, key: bytes) -> bytes | mmap.mmap | None:
        """The stored sentence index of a set of articles (see :mod:`summarizer.store.sentence_index`).

        Beside an index file it is a file of its own, mapped into memory: a run touches the pages
        of the sentences its topics ask for, not the whole set (300 MB at 100,000 articles)."""
        row = self._db.execute("SELECT data FROM sentence_indexes WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        if row[0] or self.directory is None:
            return row[0]
        return map_file(self._sentence_index_path(key))  # None (gone, unreadable): built again

    def _sentence_index_path(self, key: bytes) -> Path:
        assert self.directory is not None
        return self.directory / SENTENCE_INDEX_DIR / f"{key.hex()}.bin"

    def build_folder(self) -> Path | None:
        """Where a sentence index is written while it is built (see
        :mod:`~summarizer.store.index_writer`): the folder it is kept in, so that storing it is a
        rename; None (the system's temporary folder) when there is none."""
        if self.directory is None or self.path is None or not self._writable:
            return None
        folder = self.directory / SENTENCE_INDEX_DIR
        try:
            folder.mkdir(exist_ok=True)
        except OSError:
            return None
        return folder

    def put_sentence_index(self, key: bytes, data: bytes, version: str, keep: int = SENTENCE_INDEXES_KEPT) -> None:
        """Store a sentence index, keeping the ``keep`` newest: each is a set of articles a reader
        asked for (a folder, the new ones of a folder...); older sets are built again if asked.
        Beside an index file, the data goes to a file named by its key (written whole before its
        row points at it) and the row keeps an empty value."""
        stored = data
        if self.directory is not None and self.path is not None and self._writable:
            try:
                path = self._sentence_index_path(key)
                path.parent.mkdir(exist_ok=True)
                write_atomically(path, data)
                stored = b""
            except OSError:
                pass  # kept in the row instead
        self._put_sentence_index_row(key, stored, version, keep)

    def put_sentence_index_file(self, key: bytes, path: Path, version: str, keep: int = SENTENCE_INDEXES_KEPT) -> None:
        """Store the sentence index written whole to ``path`` (a file of :meth:`build_folder`,
        flushed to disk): moved into place, never read into memory; read into the row when it
        cannot be moved."""
        if not self._writable:
            return
        if self.directory is not None and self.path is not None:
            try:
                os.replace(path, self._sentence_index_path(key))
            except OSError:
                pass
            else:
                self._put_sentence_index_row(key, b"", version, keep)
                return
        self._put_sentence_index_row(key, Path(path).read_bytes(), version, keep)

    def _put_sentence_index_row(self, key: bytes, stored: bytes, version: str, keep: int) -> None:
        """The row of a sentence index (empty when its bytes are in its file)."""

        def put(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO sentence_indexes VALUES (?, ?, ?, ?)", (key, stored, time.time(), version))
            # Sets stored by another version are never read again; the oldest sets go first.
            db.execute(
                "DELETE FROM sentence_indexes WHERE code != ? OR key NOT IN "
                "(SELECT key FROM sentence_indexes ORDER BY stored_at DESC LIMIT ?)", (version, keep)
            )

        if self._write(put):
            self._drop_unlisted_sentence_indexes()

    def _drop_unlisted_sentence_indexes(self) -> None:
        """Remove the files of sentence indexes no row names any more. A file younger than a
        minute is left: another process may have written it and not yet its row. So are the
        temporary files of a build stopped before it was stored, once an hour old (a build writes
        its file within seconds)."""
        if self.directory is None:
            return
        folder = self.directory / SENTENCE_INDEX_DIR
        listed = {row[0].hex() for row in self._db.execute("SELECT key FROM sentence_indexes")}
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        now = time.time()
        for entry in entries:
            name = entry.name
            unlisted = name.endswith(".bin") and name[:-4] not in listed
            if unlisted or (name.startswith(".") and name.endswith(".tmp")):
                try:
                    if now - entry.stat().st_mtime > (60 if unlisted else 3600):
                        os.unlink(entry.path)
                except OSError:
                    pass

    def file_set(self, key: bytes) -> tuple[bytes, bytes] | None:
        """(the files' identities and hashes, the key of their sentence index) of a list of paths
        read before (``key``: see :func:`~summarizer.store.sentence_index.paths_key`)."""
        row = self._db.execute("SELECT files, sentence_index FROM file_sets WHERE key = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def put_file_set(self, key: bytes, files: bytes, sentence_index: bytes, keep: int = SENTENCE_INDEXES_KEPT) -> None:
        def put(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO file_sets VALUES (?, ?, ?, ?)", (key, files, sentence_index, time.time()))
            db.execute(
                "DELETE FROM file_sets WHERE key NOT IN (SELECT key FROM file_sets ORDER BY stored_at DESC LIMIT ?)",
                (keep,),
            )

        self._write(put)

    def put(self, rows: Iterable[tuple[str, FileIdentity, bytes, bytes]]) -> None:
        """Store (path, identity, sha256, payload) rows in one transaction."""
        code, now = code_fingerprint(), time.time()
        values = [
            (stored_path(path), i.device, i.inode, i.size, i.mtime_ns, sha, code, payload, now)
            for path, i, sha, payload in rows
        ]
        if values:
            def put(db: sqlite3.Connection) -> None:
                db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
                _drop_unnamed_parts(db)

            self._write(put)

    def put_part(self, sha256: bytes, part: int, payload: bytes) -> None:
        """Store part ``part`` of the payload of the content ``sha256`` (a file of many articles,
        stored a chunk of its articles at a time), in a transaction of its own: its ``files`` row,
        written once every part is, names it (see :func:`_drop_unnamed_parts`)."""
        self._write(lambda db: db.execute("INSERT OR REPLACE INTO file_parts VALUES (?, ?, ?, ?, ?)",
                                          (sha256, code_fingerprint(), part, payload, time.time())))

    def part(self, sha256: bytes, part: int) -> bytes | None:
        row = self._db.execute("SELECT payload FROM file_parts WHERE sha256 = ? AND code = ? AND part = ?",
                               (sha256, code_fingerprint(), part)).fetchone()
        return row[0] if row else None

    def part_count(self, sha256: bytes) -> int:
        """How many parts of the content ``sha256`` are stored."""
        return self._db.execute("SELECT count(*) FROM file_parts WHERE sha256 = ? AND code = ?",
                                (sha256, code_fingerprint())).fetchone()[0]

    def touch(self, rows: Iterable[tuple[str, FileIdentity]]) -> None:
        """A file whose content is unchanged got a new identity (touched, copied over)."""
        values = [(i.device, i.inode, i.size, i.mtime_ns, stored_path(path)) for path, i in rows]
        if values:
            self._write(lambda db: db.executemany(
                "UPDATE files SET device = ?, inode = ?, size = ?, mtime_ns = ? WHERE path = ?", values
            ))

    def forget(self, paths: Iterable[str]) -> None:
        values = [(stored_path(p),) for p in paths]
        if values:
            def forget(db: sqlite3.Connection) -> None:
                db.executemany("DELETE FROM files WHERE path = ?", values)
                _drop_unnamed_parts(db)

            self._write(forget)

    def payloads(self) -> Iterable[tuple[str, bytes]]:
        """(path, payload) of every file stored by this version of the code."""
        rows = self._db.execute("SELECT path, payload FROM files WHERE code = ? ORDER BY path", (code_fingerprint(),))
        for path, payload in rows:
            yield path_of(path), payload

    def paths_under(self, directory: str) -> list[str]:
        """Stored paths inside ``directory`` (absolute, without a trailing separator)."""
        low = directory.rstrip(os.sep) + os.sep
        high = low[:-1] + chr(ord(os.sep) + 1)
        rows = self._db.execute("SELECT path FROM files WHERE path >= ? AND path < ?", (low, high))
        paths = [path for (path,) in rows]
        # Names that are not UTF-8 are stored in hex (see stored_path): their folder is in the bytes.
        rows = self._db.execute("SELECT path FROM files WHERE path >= ? AND path < ?", (_NOT_UTF8, _NOT_UTF8[:-1] + ";"))
        paths += [p for p in (path_of(path) for (path,) in rows) if p.startswith(low)]
        return paths

    # -- terms -------------------------------------------------------------------------------

    def term_ids(self, stems: Sequence[str]) -> np.ndarray:
        """Stable ids of stems (new stems are added): the index's own term numbering."""
        if self._stem_ids is None:
            self._load_terms()
        assert self._stem_ids is not None
        known = self._stem_ids
        new = [s for s in dict.fromkeys(stems) if s not in known]
        if new:
            def insert(db: sqlite3.Connection) -> None:
                db.executemany("INSERT OR IGNORE INTO terms (stem) VALUES (?)", [(s,) for s in new])
                for start in range(0, len(new), _BATCH):
                    batch = new[start : start + _BATCH]
                    marks = ",".join("?" * len(batch))
                    for term_id, stem in db.execute(f"SELECT id, stem FROM terms WHERE stem IN ({marks})", batch):
                        known[stem] = term_id
                        self._stems[term_id] = stem

            if not self._write(insert):
                # Not stored: ids for this process only (nothing that uses them is stored either).
                for stem in new:
                    known[stem] = term_id = max(self._stems, default=0) + 1
                    self._stems[term_id] = stem
        return np.fromiter(map(known.__getitem__, stems), dtype=np.int64, count=len(stems))

    def stems(self, ids: np.ndarray) -> list[str]:
        """The stems of term ids given by :meth:`term_ids` (in this or another process)."""
        missing = [int(i) for i in ids if int(i) not in self._stems]
        if missing:
            self._load_terms()
        return [self._stems[int(i)] for i in ids]

    def _load_terms(self) -> None:
        self._stems = dict(self._db.execute("SELECT id, stem FROM terms"))
        self._stem_ids = {stem: term_id for term_id, stem in self._stems.items()}

    # -- stems of words ----------------------------------------------------------------------

    def put_stems(self, stems: Iterable[tuple[str, str]]) -> None:
        code = code_fingerprint()
        values = [(word, stem, code) for word, stem in stems]
        if values:
            self._write(lambda db: db.executemany("INSERT OR REPLACE INTO stems VALUES (?, ?, ?)", values))

    # -- transactions ------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def _write(self, change: Callable[[sqlite3.Connection], object]) -> bool:
        """Apply ``change`` in one transaction; False when the index cannot be written (read-only,
        disk full: one warning, then the run goes on without storing)."""
        if not self._writable:
            return False
        try:
            with self._transaction() as db:
                change(db)
            return True
        except sqlite3.OperationalError as error:
            self._writable = False
            self._warn(str(self.path or ":memory:"), f"cannot write the cache ({error}); going on without it")
            return False


PARTS_KEPT_S = 60.0
"""Parts no ``files`` row names are dropped once this old: younger ones may be another process's,
whose file's row is not written yet."""


def _drop_unnamed_parts(db: sqlite3.Connection) -> None:
    """Delete the parts of contents no stored file has any more (an export edited, deleted, or a
    run stopped between its parts and its row)."""
    db.execute(
        "DELETE FROM file_parts WHERE stored_at < ? AND NOT EXISTS "
        "(SELECT 1 FROM files f WHERE f.sha256 = file_parts.sha256 AND f.code = file_parts.code)",
        (time.time() - PARTS_KEPT_S,),
    )


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on any error): writes are all or nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, kind, value, traceback) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def content_hash(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()
