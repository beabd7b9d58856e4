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
  once and an unchanged file is never read twice.
- **terms**: stem <-> term id, shared by every file, so per-sentence term counts are integers.
- **stems**: word -> stem, so that a warm run needs no stemmer (NLTK) for the words it stems.
- **sentence indexes**: per set of articles (keyed by their content hashes), the arrays ranking
  reads: term counts per sentence, postings, statistics, the vocabulary in the corpus's order,
  offsets, the concept table, the catalogue (ids, titles, dates, text hashes, excluded spans).
  Built once when a set is first read or one of its files changed; a warm run reads one row.
- **file sets**: a list of paths (as given, after the working directory) -> their identities and
  hashes, and the key of their sentence index: the one check a warm run makes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

    from .cache import Entry, FileIdentity


class IndexReader(Protocol):
    """Reads for articles loaded lazily: usable from any thread, after the run closed the index."""

    def payload_of(self, sha256: bytes) -> bytes | None:
        """The payload stored for a content hash (under any path)."""


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
    def sentence_index(self, key: bytes) -> bytes | None: ...

    def put_sentence_index(self, key: bytes, data: bytes, version: str) -> None:
        """Store it, dropping sets of other versions and the oldest beyond a few."""

    def file_set(self, key: bytes) -> tuple[bytes, bytes] | None:
        """(packed identities and hashes, sentence index key) of a list of files."""

    def put_file_set(self, key: bytes, files: bytes, sentence_index: bytes) -> None: ...

    def reader(self) -> IndexReader: ...

    def close(self) -> None: ...


StemLookup = Callable[[list[str]], dict[str, str]]
"""Lower-cased words -> their stems, for the words the index knows."""
