"""The one interface of the index: what ingestion, loading and the sentence index ask of a database.

:class:`~summarizer.store.cache.IndexStore` (SQLite, one file in the cache directory, or in memory
for ``--no-cache`` and stdin) is the implementation every run uses; a server database is another
implementation of the same methods, and nothing above the store (ranking, the digest, the command
line, the app) changes with it. Ranking never sees the backend: it reads a
:class:`~summarizer.ranking.corpus.Corpus`, built by :class:`~summarizer.store.index.ArticleCache`
from a :class:`~summarizer.store.sentence_index.SentenceIndex` that the backend stored.

What is stored, and why this shape:

- **files**: one row per input file (path, identity, SHA-256 of its content, payload). The
  payload is everything parsing found (texts, blocks, sentence offsets, per-sentence term counts
  as term ids) and does not depend on the path, so the same content under two paths is parsed
  once and an unchanged file is never read twice. A store that can (SQLite: ``put_part``) keeps a
  file of many articles as several payloads, a chunk of its articles each, and the file's row a
  manifest of them (:class:`~summarizer.store.ingest.Manifest`): a first run over a big JSON
  Lines export then holds one chunk's records at a time.
- **terms**: stem <-> term id, shared by every file, so per-sentence term counts are integers.
- **stems**: word -> stem, so that a warm run needs no stemmer (NLTK) for the words it stems.
- **sentence indexes**: per set of articles (keyed by their content hashes), the arrays ranking
  reads: term counts per sentence, postings, statistics, the vocabulary in the corpus's order,
  offsets, the concept table, the catalogue (ids, titles, dates, text hashes, excluded spans).
  Built once when a set is first read or one of its files changed; a warm run reads one row.
- **file sets**: a list of paths (as given, after the working directory) -> their identities and
  hashes, and the key of their sentence index: the one check a warm run makes.

Where the index lives chooses the implementation (:func:`open_index`): a directory (or None, in
memory) is SQLite; a ``postgresql://`` URL is :class:`~summarizer.store.postgres.PostgresIndexStore`
(psycopg imported only then), shared by processes and machines. A method added here is added to
both, and to ``tests/test_postgres.py``, which runs the same checks on each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import mmap

    import numpy as np

    from .cache import Entry, FileIdentity

Location = Path | str | None
"""Where an index lives: a directory, a ``postgresql://`` URL, or None (in memory)."""


class IndexReader(Protocol):
    """Reads for articles loaded lazily: usable from any thread, after the run closed the index."""

    def payload_of(self, sha256: bytes) -> bytes | None:
        """The payload stored for a content hash (under any path)."""

    def payload_slice(self, sha256: bytes, start: int, length: int) -> bytes | None:
        """``length`` bytes of that payload from ``start``, without reading the rest of it."""


class IndexBackend(Protocol):
    """The database under :class:`~summarizer.store.index.ArticleCache`. Problems with the
    database itself become warnings (``on_warning(location, problem)``), never errors: without a
    usable index a run still works, only slower."""

    # -- files -----------------------------------------------------------------------------------
    def entries(self, paths: Sequence[str]) -> dict[str, Entry]:
        """Stored entries (identity, hash, payload) of these absolute paths, by this code version."""

    def identities(self, paths: Sequence[str]) -> dict[str, tuple[FileIdentity, bytes]]:
        """The same without payloads."""

    def put(self, rows: Iterable[tuple[str, FileIdentity, bytes, bytes]]) -> None:
        """Store (path, identity, hash, payload) rows, all or none."""

    def touch(self, rows: Iterable[tuple[str, FileIdentity]]) -> None:
        """New identities of files whose content did not change."""

    def forget(self, paths: Iterable[str]) -> None: ...

    def paths_under(self, directory: str) -> list[str]: ...

    def payloads(self) -> Iterable[tuple[str, bytes]]:
        """(path, payload) of every stored file (``mark-read --all``)."""

    # -- terms and stems -------------------------------------------------------------------------
    def term_ids(self, stems: Sequence[str]) -> np.ndarray:
        """Stable ids of stems, new ones added."""

    def stems(self, ids: np.ndarray) -> list[str]: ...

    def put_stems(self, stems: Iterable[tuple[str, str]]) -> None:
        """(word, stem) pairs the stemmer computed, for the next run."""

    # -- sentence indexes ------------------------------------------------------------------------
    def sentence_index(self, key: bytes) -> bytes | mmap.mmap | None:
        """Its bytes: read from the server, or a file mapped into memory (only the pages used are read)."""

    def put_sentence_index(self, key: bytes, data: bytes, version: str) -> None:
        """Store it, dropping sets of other versions and the oldest beyond a few."""

    def put_sentence_index_file(self, key: bytes, path: Path, version: str) -> None:
        """The same for one written to a file of :meth:`build_folder` (moved, or read and removed)."""

    def build_folder(self) -> Path | None:
        """Where a sentence index is written while it is built (None: the system's temporary folder)."""

    def file_set(self, key: bytes) -> tuple[bytes, bytes] | None:
        """(packed identities and hashes, sentence index key) of a list of files."""

    def put_file_set(self, key: bytes, files: bytes, sentence_index: bytes, keep: int) -> None:
        """Store it, dropping the oldest beyond ``keep``."""

    def reader(self) -> IndexReader: ...

    def close(self) -> None: ...


StemLookup = Callable[[list[str]], dict[str, str]]
"""Lower-cased words -> their stems, for the words the index knows."""


URL_SCHEMES = ("postgresql", "postgres")


def is_url(location: object) -> bool:
    """Whether an index location is a server URL (``postgresql://…``) rather than a directory.
    Answered here, without importing the PostgreSQL store, which a local run never needs."""
    return isinstance(location, str) and location.split("://", 1)[0].lower() in URL_SCHEMES and "://" in location


def open_index(
    location: Location, on_warning: Callable[[str, str], None] | None = None, cache_dir: Path | None = None
) -> IndexBackend:
    """The index at ``location`` (see :data:`Location`). For a server, ``cache_dir`` (the run's
    cache directory, if it has one) is where the reader keeps copies of the sentence indexes it
    reads (see :func:`mirror_directory`)."""
    if is_url(location):
        from .postgres import PostgresIndexStore

        mirror = None
        if cache_dir is not None:
            try:
                mirror = mirror_directory(cache_dir, str(location))
            except ImportError:  # no driver: connecting says how to install it
                pass
        return PostgresIndexStore(str(location), on_warning, mirror)
    from .cache import IndexStore

    return IndexStore(Path(location) if location is not None else None, on_warning)  # type: ignore[return-value]


def mirror_directory(cache_dir: Path | str, url: str) -> Path:
    """Where a reader with ``cache_dir`` keeps its copies of the sentence indexes of the server
    index at ``url``: beside the copies of its fetched articles (see :mod:`summarizer.fetching.shared`).
    A sentence index's key is a hash of what it is made from, so a copy is never stale."""
    from ..fetching.shared import MIRROR, server_key
    from .cache import SENTENCE_INDEX_DIR

    return Path(cache_dir) / MIRROR / server_key(url) / SENTENCE_INDEX_DIR


def default_reader() -> str:
    """Whose read state a shared index keeps when no ``--reader`` is given: the login name."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return "reader"


def open_read_state(
    directory: Path | str | None,
    index: str | None = None,
    reader: str | None = None,
    on_warning: Callable[[str], None] | None = None,
):
    """The read state of a run: with a shared index (``index``, a ``postgresql://`` URL), the
    rows of ``reader`` (default :func:`default_reader`) in that database; else ``read.sqlite3``
    in ``directory``. Both have the methods of
    :class:`~summarizer.store.read_state.ReadState`."""
    if index is not None:
        from .postgres import PostgresReadState

        return PostgresReadState(index, reader or default_reader())
    from .read_state import ReadState

    return ReadState(directory, on_warning)
