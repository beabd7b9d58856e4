"""Filling an index without summarizing: ``newsdigest index PATH… [--index URL] [--workers N]``.

Files are read, parsed and stored in chunks, each chunk's files committed in transactions of
their own (see :func:`~summarizer.store.ingest.ingest`): a run that is killed leaves whole
chunks stored and nothing half-written, and the next run skips what is stored (same path,
identity and code). Several processes may index the same files into one database at once: each
takes the chunks in an order of its own and, on a server, claims each chunk (an advisory lock named
by the chunk's paths): a chunk another process is reading is left for last, when it is stored and
is skipped. What two processes parse at the same time anyway (other paths given, SQLite) is stored
once (see :mod:`summarizer.store.postgres`).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import InputError, NoArticlesError
from ..reading.inputs import InputFile, discover
from .backend import Location, open_index
from .ingest import WorkerPool, ingest

CHUNK = 250
"""Files per chunk: small enough that a killed run loses little, large enough to keep workers busy."""
LOCAL_CHUNK = 2000
"""Files per chunk on a local index (SQLite), which no other process claims chunks of, and of a
first load over many files (:meth:`~summarizer.store.index.ArticleCache.load`): one pool of
workers reads every chunk, and only one chunk's records are in memory at a time (the 10,000
generated articles of bench/make_corpus.py peaked at 374 MB in one chunk, 168 MB in chunks)."""


@dataclass
class IndexReport:
    files: int = 0
    """Input files found."""
    articles: int = 0
    """Articles in them (a JSONL file holds several)."""
    parsed: int = 0
    """Files read and parsed by this run (new or changed)."""
    stored: int = 0
    """Files already in the index, unchanged (by identity, or by content hash)."""


def index_paths(
    paths: Sequence[str],
    location: Location,
    workers: int | None = None,
    on_warning: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    chunk: int | None = None,
) -> IndexReport:
    """Read every file under ``paths`` into the index at ``location`` (a directory or a
    ``postgresql://`` URL); NoArticlesError when no file is found. ``chunk``: files per chunk
    (:data:`CHUNK` on a server, :data:`LOCAL_CHUNK` on a local index)."""
    def warn(error: InputError) -> None:
        if on_warning:
            on_warning(error)

    files = discover(list(paths), warn)
    files = [f for f in files if not f.is_stdin]
    if not files:
        where = ", ".join(paths) if len(paths) <= 3 else f"{len(paths)} paths"
        raise NoArticlesError(f"no files to index in {where}")
    report = IndexReport(files=len(files))
    store = open_index(location, lambda path, problem: warn(InputError(path, problem)))
    shared = hasattr(store, "try_claim")  # a server: other processes may be indexing the same files
    if chunk is None:
        chunk = CHUNK if shared else LOCAL_CHUNK
    chunks = [files[start : start + chunk] for start in range(0, len(files), chunk)]
    random.Random(os.getpid()).shuffle(chunks)  # concurrent processes start on different chunks
    done = 0

    def read(part: Sequence[InputFile], pool: WorkerPool) -> None:
        nonlocal done

        def progress(finished: int, total: int, before: int = done) -> None:
            if on_progress:
                on_progress(before + finished, len(files))

        # A file of many articles is stored a chunk of its articles at a time, as a load stores it.
        results, stats, _ = ingest(part, store, progress, None, workers, pool, LOCAL_CHUNK)
        for item, result in zip(part, results):
            for problem in result.problems:
                warn(InputError(item.path, problem))
            report.articles += result.sentenced()
        report.parsed += stats.parsed
        report.stored += stats.stored + stats.unchanged
        done += len(part)

    try:
        with WorkerPool() as pool:  # one for every chunk: its workers stay warm
            later = []
            for part in chunks:
                key = _chunk_key(part)
                if shared and not store.try_claim(key):
                    later.append(part)  # another process has it: stored by the time it comes round
                    continue
                try:
                    read(part, pool)
                finally:
                    if shared:
                        store.release(key)
            for part in later:
                key = _chunk_key(part)
                store.claim(key)  # waits for the other process to finish it
                try:
                    read(part, pool)
                finally:
                    store.release(key)
    finally:
        store.close()
    return report


def _chunk_key(part: Sequence[InputFile]) -> str:
    return "newsdigest index\0" + "\0".join(os.path.abspath(f.path) for f in part)
