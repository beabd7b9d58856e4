"""The article index as the engine sees it: ``load_articles(paths, cache=...)`` and ``Corpus(..., cache=...)``.

>>> cache = ArticleCache(default_cache_dir())     # or ArticleCache(None): nothing is kept
>>> articles = load_articles(["news/"], cache=cache)
>>> corpus = Corpus(articles, cache=cache)         # term matrix from the stored stems

Either way the articles and the corpus are exactly what they are without a cache; only the
time they take changes. The cache also remembers the stems of the articles it loaded last, so
that the corpus is assembled from arrays instead of stemming every sentence again.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from contextlib import ExitStack
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import BinaryIO, TypeVar

import numpy as np


from .backend import IndexBackend, IndexReader, Location, is_url, open_index
from .cache import SENTENCE_INDEXES_KEPT, code_fingerprint, default_cache_dir, stems_reader
from ..collector import collector_paused, release_freed_memory
from ..errors import InputError
from .ingest import (_STEM, FileRecords, LoadStats, Manifest, PartedFile, Record, WorkerPool, _decode_or_none, blocks_of,
                     build_article, decode, decode_text, ingest, resolve_id)
from .sentence_index import (Catalogue, CatalogEntry, SentenceIndex, folder_key, index_version, pack_files, pack_folder,
                             paths_key, ranges, record_columns, set_key, unpack_files, unpack_folder)
from .index_writer import Built, IndexWriter, write_set
from .indexing import LOCAL_CHUNK
from .sentence_index import decode as decode_sentence_index
from .stored import StoredArticle
from ..reading.inputs import InputFile
from ..model import Article, Block
from ..reading.terms import TermAnalyzer

__all__ = ["ArticleCache", "default_cache_dir"]

Warn = Callable[[InputError], None]
T = TypeVar("T")



class ArticleCache:
    """The persistent index of parsed articles (``directory``), or one of its own that is removed
    with it (None: nothing is kept, but a large export is still read a part at a time, each let go
    once stored), or the index on a database server (a ``postgresql://`` URL, see
    :mod:`summarizer.store.backend`).

    Opened on first use; problems with the index file itself become warnings, never errors (a
    server that cannot be used is an error: the user asked for it).
    ``workers`` is the number of processes that parse new files (default: the machine's cores).
    """

    def __init__(self, directory: Location, workers: int | None = None, cache_dir: Path | None = None) -> None:
        self._scratch = None
        if directory is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="newsdigest-index-")
            directory = self._scratch.name
        self.url = str(directory) if is_url(directory) else None
        self.directory = Path(directory) if directory is not None and self.url is None else None
        self.workers = workers
        self.cache_dir = cache_dir
        """With a server: the reader's cache directory, where copies of its sentence indexes are kept."""
        self.analyzer = TermAnalyzer()
        self._store: IndexBackend | None = None
        self._warn: Warn | None = None
        self._loaded: _Loaded | None = None
        self._reader: IndexReader | None = None
        self.stats = LoadStats()
        """What the last load did (files from the index, parsed...)."""

    @property
    def location(self) -> Location:
        """Where the index lives: the server's URL or the directory."""
        return self.url or self.directory

    def store(self, warn: Warn | None = None) -> IndexBackend:
        """The open index; its own problems go to ``warn`` (the latest one given)."""
        if warn is not None:
            self._warn = warn
        if self._store is None:
            def on_warning(path: str, problem: str) -> None:
                if self._warn is not None:
                    self._warn(InputError(path, problem))

            self._store = open_index(self.location, on_warning, self.cache_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- loading -------------------------------------------------------------------------------

    def load(
        self,
        files: Sequence[InputFile],
        warn: Warn,
        on_progress: Callable[[int, int], None] | None = None,
        stdin: BinaryIO | None = None,
        roots: Sequence[str] = (),
    ) -> list[Article]:
        """Articles of the inputs, exactly as ``load_articles`` makes them without a cache.
        ``roots``: the folders and files named, absolute (the next run over them, or over a folder
        inside them, starts from this run's set); without them, the folder holding the files.

        When no file changed since a run that read the same files, the articles come from their
        stored sentence index: nothing else is read, and each article's text is read when it is
        first used (see :class:`~summarizer.store.stored.StoredArticle`)."""
        with collector_paused():
            store = self.store(warn)
            # Identities as the walk found them, before anything is read: a file changed while it
            # is read is then read again by the next run.
            listed = _file_list(files)
            fast = listed if files and _has_fast_path(store) else None
            indexed = self._load_indexed(files, store, warn, fast)
            if indexed is not None:  # the same list of files as a run that forgot the deleted ones
                if on_progress:
                    on_progress(len(files), len(files))
                return indexed
            grown = self._load_grown(files, store, warn, on_progress, fast, roots)
            if grown is not None:
                return grown
            return self._load(files, warn, on_progress, stdin, listed, roots)

    def _load_indexed(self, files: Sequence[InputFile], store: IndexBackend, warn: Warn,
                      found: tuple[list[str], np.ndarray] | None) -> list[Article] | None:
        """The fast path of :meth:`load`: one stat per file and two rows of the index; None when a
        file is new, changed, not a regular file, or this list of files has no sentence index yet.
        ``found``: the files' :func:`_file_list`."""
        if found is None:
            return None
        paths, identities = found
        stored = store.file_set(paths_key(code_fingerprint(), paths))
        if stored is None:
            return None
        unpacked = unpack_files(stored[0], len(files))
        if unpacked is None or not np.array_equal(unpacked[0], identities):
            return None
        blob = store.sentence_index(stored[1])
        if blob is None:
            return None
        try:
            catalog, problems, index = decode_sentence_index(blob)
        except ValueError:
            return None
        self._reader = self._reader or store.reader()
        if self._reader is None:
            return None
        loaded = _Loaded(stored[1], list(files), unpacked[1])
        articles = loaded.articles_from(catalog, problems, warn, self)
        loaded.index = index
        self._loaded = loaded
        self.stats = LoadStats(files=len(files), stored=len(files))
        return articles

    def _load_grown(self, files: Sequence[InputFile], store: IndexBackend, warn: Warn,
                    on_progress: Callable[[int, int], None] | None,
                    found: tuple[list[str], np.ndarray] | None, roots: Sequence[str]) -> list[Article] | None:
        """The path of :meth:`load` for files of a folder read before (or of a folder inside it),
        some added, changed or removed since: only the new and changed ones are read (parsed, or
        decoded when their content is stored), and the set's sentence index is cut from the one
        built for the folder with their articles put in their places. The same articles, the same
        index, the same warnings as :meth:`_load` gives. None when no earlier set shares a file."""
        if found is None:
            return None
        paths, identities = found
        absolute = _absolute(paths)
        earlier = _earlier_set(store, _set_folder(roots, absolute), absolute, identities)
        if earlier is None:
            return None
        (old_paths, _, old_shas), reused, blob = earlier
        try:
            catalog, problems, base = decode_sentence_index(blob)
        except ValueError:
            return None
        changed = [n for n, old in enumerate(reused) if old < 0]
        if len(problems) != len(old_paths):
            return None
        kept = len(files) - len(changed)

        def progress(done: int, total: int) -> None:
            if on_progress:
                on_progress(kept + done, len(files))

        per_part = LOCAL_CHUNK if _has_parts(store) else 0
        results, stats, new_shas = ingest([files[n] for n in changed], store, progress, None, self.workers, None, per_part)
        if any(sha is None for sha in new_shas):
            return None  # an unreadable file: read as a whole set, which reports it
        if any(isinstance(file, PartedFile) for file in results):
            return None  # stored in parts: read with the whole set, a part at a time (nothing parsed again)
        self._forget_deleted(files, store)
        # The new list's catalogue, taken from the last one's and the new files' entries, and its
        # pieces of index (ranges of the last one's articles, new records), file by file.
        entry_of_file = np.searchsorted(catalog.files, np.arange(len(old_paths) + 1))
        article_of_entry = np.concatenate([[0], np.cumsum(catalog.sentences > 0)])  # articles before each entry
        parsed = dict(zip(changed, zip(results, new_shas)))
        new_entries: list[CatalogEntry] = []
        starts, sizes = np.zeros(len(files), dtype=np.int64), np.zeros(len(files), dtype=np.int64)
        new_problems: list[tuple[str, ...]] = []
        shas: list[bytes] = []
        pieces: list = []
        for position, old in enumerate(reused):
            if old >= 0:
                first, end = int(entry_of_file[old]), int(entry_of_file[old + 1])
                starts[position], sizes[position] = first, end - first
                new_problems.append(problems[old])
                shas.append(old_shas[old])
                articles = (int(article_of_entry[first]), int(article_of_entry[end]))
                if articles[0] == articles[1]:
                    continue
                if pieces and isinstance(pieces[-1], tuple) and pieces[-1][1] == articles[0]:
                    pieces[-1] = (pieces[-1][0], articles[1])
                else:
                    pieces.append(articles)
            else:
                file, sha = parsed[position]
                starts[position], sizes[position] = len(catalog) + len(new_entries), len(file.records)
                new_entries.extend(_catalog_entry(position, number, record) for number, record in enumerate(file.records))
                new_problems.append(file.problems)
                shas.append(sha)
                records = [record for record in file.records if len(record.word_counts)]
                if records:
                    if pieces and isinstance(pieces[-1], list):
                        pieces[-1].extend(records)
                    else:
                        pieces.append(records)
        total = int(sizes.sum())
        take = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(total)
        catalogue = Catalogue.taken([catalog, Catalogue.of(new_entries)], take,
                                    np.repeat(np.arange(len(files)), sizes))
        built = write_set(pieces, base, store.stems, store.build_folder(), catalogue, new_problems)
        loaded = _Loaded(set_key(code_fingerprint(), shas), list(files), shas)  # type: ignore[arg-type]
        loaded.listed, loaded.absolute, loaded.roots = found, absolute, list(roots)
        articles = loaded.articles_from(catalogue, new_problems, warn, self)
        loaded.index = _kept(store, loaded.key, built)[2]
        self._list_files(loaded, store)
        self._reader = self._reader or store.reader()
        self._loaded = loaded
        self.stats = LoadStats(files=len(files), stored=kept + stats.stored, unchanged=stats.unchanged, parsed=stats.parsed)
        return articles

    def _load(
        self,
        files: Sequence[InputFile],
        warn: Warn,
        on_progress: Callable[[int, int], None] | None,
        stdin: BinaryIO | None,
        found: tuple[list[str], np.ndarray] | None,
        roots: Sequence[str],
    ) -> list[Article]:
        """The path of :meth:`load` that reads every file (from the index when stored); ``found``:
        the files' :func:`_file_list`, None when there is no index.

        Beyond ``LOCAL_CHUNK`` files, with an index to read texts back from, files are read a chunk
        at a time and each chunk's records become columns of the set's sentence index at once: only
        one chunk's records are held (every file's at once took some 760 MB at 10,000 articles).
        A file of more than ``LOCAL_CHUNK`` articles is parsed, stored and read back in parts of
        that many, whatever the number of files (one JSON Lines export of 10,000 articles held
        1.1 GB when read whole). Each chunk's or part's columns go to the :class:`IndexWriter` at
        once, which writes the index to its file: a first run holds neither every part's columns
        nor the whole index (150,000 articles peaked at 2.5 GB when it did)."""
        store = self.store(warn)
        capable = not any(f.is_stdin for f in files) and _has_fast_path(store)
        if capable:
            self._reader = self._reader or store.reader()
            capable = self._reader is not None
        streamed = capable and len(files) > LOCAL_CHUNK
        chunk = LOCAL_CHUNK if capable else max(len(files), 1)
        per_part = LOCAL_CHUNK if capable and _has_parts(store) else 0
        loaded = _Loaded(None, list(files), [])
        self.stats = LoadStats(files=len(files))
        seen_ids: set[str] = set()
        catalog: list[CatalogEntry] = []  # the entries of the files read, in order: the catalogue is made of them
        made: list[tuple[str, str | None, int, str | None, str | None, str | None, Record | None]] = []
        writers: list[IndexWriter] = []

        def write(records: list[Record]) -> None:
            if not writers:
                writers.append(cleanup.enter_context(IndexWriter(store.build_folder(), None, store.stems)))
            writers[0].add(record_columns(records, writers[0].space))

        with ExitStack() as cleanup, WorkerPool() as pool:  # one pool for every chunk: its workers stay warm
            for start in range(0, len(files), chunk):
                part = files[start : start + chunk]

                def progress(done: int, total: int, before: int = start) -> None:
                    if on_progress:
                        on_progress(before + done, len(files))

                results, stats, shas = ingest(part, store, progress, stdin, self.workers, pool, per_part)
                if capable:
                    release_freed_memory()  # what parsing and storing the chunk freed
                for name in ("stored", "unchanged", "parsed"):
                    setattr(self.stats, name, getattr(self.stats, name) + getattr(stats, name))
                loaded.shas.extend(shas)
                # A file stored in parts (an export of many articles) is read a part at a time,
                # each part's records let go once they are columns, whatever the number of files.
                streamed = streamed or any(isinstance(file, PartedFile) for file in results)
                records: list[Record] = []
                for position, (item, file, sha) in enumerate(zip(part, results, shas), start):
                    for problem in file.problems:
                        warn(InputError(item.path, problem))
                    loaded.problems.append(file.problems)
                    number = 0
                    for piece in _pieces(file, item):
                        for record in piece:
                            catalog.append(_catalog_entry(position, number, record))
                            number += 1
                            article_id = _claim_id(record.id_template, item, seen_ids, warn)
                            if not len(record.word_counts):
                                _skipped(item, record.has_path, article_id, warn)
                                continue
                            if not streamed:  # (streamed, the articles are made from the index once written)
                                path = item.path if record.has_path and not item.is_stdin else None
                                made.append((article_id, path, len(catalog) - 1, record.title, record.date, record.url,
                                             record))
                            records.append(record)
                        if streamed and isinstance(file, PartedFile):
                            write(records)
                            records, piece, record = [], (), None  # the part's records (and its payload) let go
                            release_freed_memory()
                if streamed:
                    write(records)
                del results, records
                if streamed:
                    release_freed_memory()
            self._forget_deleted(files, store)
            listed = found if all(sha is not None for sha in loaded.shas) else None
            loaded.key = set_key(code_fingerprint(), loaded.shas) if listed else None  # type: ignore[arg-type]
            loaded.listed, loaded.roots = listed, list(roots)
            # Made as a warm run makes them: a sentence is made when ranking or a reader asks for it
            # (a million Sentence objects at 100,000 articles were most of a cold run's memory).
            catalogue = Catalogue.of(catalog)
            del catalog, seen_ids
            self._loaded = loaded
            if not streamed:
                return loaded.stored_articles(catalogue, made, self)
            release_freed_memory()
            if not writers:
                write([])
            # Read as a warm run reads it: mapped from its file, whose pages are read when used; its
            # articles made from its catalogue, as a warm run makes them (the warnings were given).
            # Made from the objects of the parts read instead, they kept the memory of those
            # parts from being given back (some 100 MB at 150,000 articles).
            built = writers[0].finish(catalogue, loaded.problems, stored=loaded.key is not None)
            catalogue, problems, loaded.index = _kept(store, loaded.key, built)
        articles = loaded.articles_from(catalogue, problems, lambda error: None, self)
        release_freed_memory()
        if loaded.key is not None:
            self._list_files(loaded, store)
        return articles

    def _materialize(self, loaded: _Loaded, position: int) -> Article:
        """The whole article at ``position`` of a set loaded from its sentence index."""
        _, _, article_id, path = loaded.ref(position)
        return build_article(self._record(loaded, position), article_id, path)

    def _records_of(self, loaded: _Loaded, file: int, number: int) -> tuple[tuple[Record, ...], int]:
        """(the records holding the ``number``-th of the file at ``file``, its place among them),
        decoded once from the file's stored payload, or from the part holding it (a file stored in
        parts: the others are not read)."""
        stored = loaded.decoded.get(file)
        if stored is None:
            stored = loaded.decoded[file] = self._stored(loaded, file, _records_or_manifest)
        if not isinstance(stored, Manifest):
            return stored, number
        part, place = stored.part_of(number)
        records = loaded.decoded_parts.get((file, part))
        if records is None:
            reader, sha = self._reader, loaded.shas[file]
            assert reader is not None and sha is not None
            try:
                found = decode(reader.part_of(sha, part)).records  # type: ignore[attr-defined, arg-type]
            except (ValueError, TypeError):  # gone (None) or damaged
                raise InputError(loaded.files[file].path, "changed while it was being summarized; run again") from None
            records = loaded.decoded_parts[(file, part)] = found
        return records, place

    def _text(self, loaded: _Loaded, position: int) -> tuple[str, tuple[Block, ...]]:
        """The text and blocks of the article at ``position``, without making its sentences."""
        record = loaded.records.get(position)
        if record is not None:
            return record.text, blocks_of(record.blocks)
        file, number, _, _ = loaded.ref(position)
        records = loaded.decoded.get(file)
        if records is not None and not isinstance(records, Manifest):
            record = records[number]
            return record.text, blocks_of(record.blocks)
        found = loaded.texts.get((file, number))
        if found is None:
            assert self._reader is not None  # set when articles were loaded lazily
            reader, sha = self._reader, loaded.shas[file]
            part_slice = getattr(reader, "part_slice", None)  # a store without parts has none
            try:
                found = decode_text(lambda start, length: reader.payload_slice(sha, start, length), number,  # type: ignore[arg-type]
                                    part_slice and (lambda part, start, length: part_slice(sha, part, start, length)))
            except ValueError:
                found = None
            if found is None:
                raise InputError(loaded.files[file].path, "changed while it was being summarized; run again")
            loaded.texts[(file, number)] = found
        text, blocks = found
        return text, blocks_of(blocks)

    def _stored(self, loaded: _Loaded, file: int, decode: Callable[[bytes], T | None]) -> T:
        """What ``decode`` reads from the file's stored payload (found by its content hash, from
        any thread, after the run closed the index)."""
        assert self._reader is not None  # set when articles were loaded lazily
        payload = self._reader.payload_of(loaded.shas[file])  # type: ignore[arg-type]
        try:
            found = decode(payload) if payload is not None else None
        except ValueError:
            found = None
        if found is None:
            raise InputError(loaded.files[file].path, "changed while it was being summarized; run again")
        return found

    def indexed_articles(self) -> list[Article]:
        """Every article the index holds (of files read by this version of the code), with its
        path; ids are the file names' stems (as reading the file alone would give)."""
        articles = []
        store = self.store()
        for path, payload in store.payloads():
            file = _decode_or_none(payload, store)
            if file is None:
                continue
            stem = Path(path).stem
            try:
                for piece in _pieces(file, None):
                    for record in piece:
                        if len(record.word_counts):
                            articles.append(build_article(record, resolve_id(record.id_template, stem), path))
            except InputError:
                continue  # a part gone since: read again with its file
        return articles

    def _forget_deleted(self, files: Sequence[InputFile], store: IndexBackend) -> None:
        """Drop stored files that are gone from the folders just read."""
        seen = {os.path.abspath(f.path) for f in files if not f.is_stdin}
        parents = sorted({os.path.dirname(p) for p in seen})
        roots = [r for n, r in enumerate(parents) if not any(_inside(r, q) for q in parents[:n])]
        gone = []
        for root in roots:
            gone.extend(p for p in store.paths_under(root) if p not in seen and not os.path.exists(p))
        store.forget(gone)

    # -- the sentence index ------------------------------------------------------------------------

    def sentence_index(self, articles: Sequence[Article], analyzer: TermAnalyzer, keep: bool = True) -> SentenceIndex | None:
        """The sentence index of these articles (all or some of the last load's, in its order), from
        the index when it was stored, else built from the stored records and (``keep``) stored; None
        when the articles were not all loaded by this cache or ``analyzer`` is not the one it stems
        with."""
        loaded = self._loaded
        if loaded is None or not _same_analyzer(analyzer, self.analyzer):
            return None
        positions = loaded.positions_of(articles)
        if positions is None:
            return None
        store = self.store()
        recall_stems(self.location, analyzer)  # ranking stems words again: the index has their stems
        everything = len(positions) == len(loaded) and positions == list(range(len(loaded)))
        if everything and loaded.index is not None:
            return loaded.index
        key = None
        if loaded.key is not None and _has_fast_path(store):
            key = loaded.key if everything else set_key(code_fingerprint(), loaded.shas, positions)  # type: ignore[arg-type]
            blob = store.sentence_index(key)
            if blob is not None:
                try:
                    index = decode_sentence_index(blob)[2]
                except ValueError:
                    pass
                else:
                    if everything:
                        loaded.index = index
                        self._list_files(loaded, store)  # the same contents under new identities
                    return index
        if loaded.index is not None:  # cut from the set's index: no file decoded again
            pieces, base = ranges(positions), loaded.index
        else:
            pieces, base = [[self._record(loaded, p) for p in positions]], None
        catalogue, problems = (loaded.catalogue, loaded.problems) if everything else (Catalogue.of([]), [])
        kept = key if keep or everything else None
        built = write_set(pieces, base, store.stems, store.build_folder(), catalogue, problems, kept is not None)  # type: ignore[arg-type]
        index = _kept(store, kept, built)[2]
        if everything:
            loaded.index = index
            self._list_files(loaded, store)
        return index

    @staticmethod
    def _list_files(loaded: _Loaded, store: IndexBackend) -> None:
        """Remember which sentence index this list of files has, for the next run's fast path."""
        if loaded.listed is not None and loaded.key is not None and _has_fast_path(store):
            paths, identities = loaded.listed
            keep = 2 * SENTENCE_INDEXES_KEPT  # a list's row and its folder's
            store.put_file_set(paths_key(code_fingerprint(), paths), pack_files(identities, loaded.shas), loaded.key, keep)  # type: ignore[arg-type]
            absolute = loaded.absolute or _absolute(paths)
            store.put_file_set(folder_key(code_fingerprint(), _set_folder(loaded.roots, absolute)),
                               pack_folder(absolute, identities, loaded.shas), loaded.key, keep)  # type: ignore[arg-type]
            loaded.listed = None

    def _record(self, loaded: _Loaded, position: int) -> Record:
        record = loaded.records.get(position)
        if record is not None:
            return record
        file, number, _, _ = loaded.ref(position)
        records, place = self._records_of(loaded, file, number)
        return records[place]


@dataclass
class _Loaded:
    """The last load: its files and their content hashes, and where each article came from."""

    key: bytes | None
    """The set's key (see :func:`~summarizer.store.sentence_index.set_key`); None: not storable."""
    files: list[InputFile]
    shas: list[bytes | None]
    catalogue: Catalogue | None = None
    """The set's catalogue: what its articles read that is not in their objects."""
    problems: list[tuple[str, ...]] = field(default_factory=list)
    records: dict[int, Record] = field(default_factory=dict)
    """Records of the articles parsed or decoded in this load, by position."""
    decoded: dict[int, tuple[Record, ...] | Manifest] = field(default_factory=dict)
    """Records of files decoded since, by file position (the manifest of a file stored in parts)."""
    decoded_parts: dict[tuple[int, int], tuple[Record, ...]] = field(default_factory=dict)
    """Records of the parts of such files decoded since, by (file position, part)."""
    texts: dict[tuple[int, int], tuple[str, tuple]] = field(default_factory=dict)
    """Text and blocks of articles read since, by (file position, record)."""
    index: SentenceIndex | None = None
    listed: tuple[list[str], np.ndarray] | None = None
    """The files' paths (after the working directory) and identities, until their sentence index is remembered."""
    absolute: list[str] | None = None
    """The files' absolute paths, when known."""
    roots: list[str] = field(default_factory=list)
    """The folders and files named (absolute), when known: the key of the folder's last set."""
    _articles: list[Article] = field(default_factory=list)
    _cache: ArticleCache | None = None
    """Whose ``_materialize`` and ``_text`` read the stored articles' text."""

    def __len__(self) -> int:
        return len(self._articles)

    def stored_articles(self, catalogue: Catalogue,
                        made: list[tuple[str, str | None, int, str | None, str | None, str | None, Record | None]],
                        cache: ArticleCache) -> list[Article]:
        """Articles of records just read: (id, path, catalogue entry, title, date, url, record) each;
        an article without its record is read back from the index when asked for."""
        self.catalogue, self._cache = catalogue, cache
        articles = self._articles
        for article_id, path, entry, title, date, url, record in made:
            if record is not None:
                self.records[len(articles)] = record
            articles.append(StoredArticle(article_id, title or article_id, date, path, url, self, len(articles), entry))
        return list(articles)

    def ref(self, position: int) -> tuple[int, int, str, str | None]:
        """(file position, record position, id, path) of the article at ``position``."""
        assert self.catalogue is not None
        article = self._articles[position]
        entry = article.entry  # type: ignore[attr-defined]
        return int(self.catalogue.files[entry]), int(self.catalogue.records[entry]), article.id, article.path

    # What a StoredArticle asks of the load it came from.
    def article(self, position: int) -> Article:
        assert self._cache is not None
        return self._cache._materialize(self, position)

    def text(self, position: int) -> tuple[str, tuple[Block, ...]]:
        assert self._cache is not None
        return self._cache._text(self, position)

    def positions_of(self, articles: Sequence[Article]) -> list[int] | None:
        positions = []
        mine = self._articles
        for article in articles:
            if type(article) is not StoredArticle or article.source is not self:
                return None
            position = article.position
            if mine[position] is not article:
                return None
            positions.append(position)
        return positions

    def articles_from(self, catalogue: Catalogue, problems, warn: Warn, cache: ArticleCache) -> list[Article]:
        """The articles of a stored catalogue, with the warnings their files gave when read."""
        self.catalogue, self._cache = catalogue, cache
        articles = self._articles
        if not articles and self._one_per_file(catalogue, problems):
            return self._one_per_file_articles(catalogue, warn)
        seen_ids: set[str] = set()
        files = self.files
        entry_files = catalogue.files.tolist()
        entry_sentences = catalogue.sentences.tolist()
        has_path = catalogue.has_path.tolist()
        templates, titles, dates, urls = catalogue.id_templates, catalogue.titles, catalogue.dates, catalogue.urls
        entry, entries = 0, len(entry_files)
        for position, item in enumerate(files):
            for problem in problems[position] if position < len(problems) else ():
                warn(InputError(item.path, problem))
            while entry < entries and entry_files[entry] == position:
                template = templates[entry]
                article_id = item.id_stem if template == _STEM else resolve_id(template, item.id_stem)
                if article_id in seen_ids:
                    article_id = _claim_id(template, item, seen_ids, warn)
                else:
                    seen_ids.add(article_id)
                if not entry_sentences[entry]:
                    _skipped(item, has_path[entry], article_id, warn)
                else:
                    articles.append(StoredArticle(
                        article_id, titles[entry] or article_id, dates[entry], item.path if has_path[entry] else None,
                        urls[entry], self, len(articles), entry,
                    ))
                entry += 1
        return list(articles)

    def _one_per_file(self, catalogue: Catalogue, problems) -> bool:
        """Whether each file holds one article whose id is its file's (a folder of articles, the
        usual set) and no file gave a warning: then :meth:`articles_from` makes the articles
        column by column, not entry by entry."""
        files = self.files
        n = len(files)
        return (len(catalogue) == n and not any(problems) and catalogue.id_templates.count(_STEM) == n
                and bool(np.array_equal(catalogue.files, np.arange(n))) and len(set(map(itemgetter(1), files))) == n)

    def _one_per_file_articles(self, catalogue: Catalogue, warn: Warn) -> list[Article]:
        """:meth:`articles_from` when :meth:`_one_per_file`: the same articles and
        warnings, made from the columns at once (100,000 articles: 0.15 s entry by entry)."""
        files = self.files
        ids = list(map(itemgetter(1), files))  # each file's id stem
        paths = list(map(itemgetter(0), files))
        has_path = catalogue.has_path
        for entry in np.flatnonzero(~has_path).tolist():
            paths[entry] = None
        titles = [title or article_id for title, article_id in zip(catalogue.titles, ids)]
        dates, urls = catalogue.dates, catalogue.urls
        keep = catalogue.sentences > 0
        entries = range(len(files))
        if not keep.all():
            for entry in np.flatnonzero(~keep).tolist():
                _skipped(files[entry], bool(has_path[entry]), ids[entry], warn)
            kept = keep.tolist()
            ids, titles, dates, paths, urls, entries = (list(compress(column, kept)) for column in
                                                        (ids, titles, dates, paths, urls, entries))
        self._articles.extend(map(StoredArticle, ids, titles, dates, paths, urls, repeat(self), count(), entries))
        return list(self._articles)


def _claim_id(template: str, item: InputFile, seen: set[str], warn: Warn) -> str:
    """An article's id: its template with the file's id stem, renamed when an earlier one has it."""
    article_id = resolve_id(template, item.id_stem)
    if article_id in seen:
        unique = _unique_id(article_id, seen)
        if article_id != item.id_stem:  # two files named alike ("herald.txt", "herald.html") are no mistake
            warn(InputError(item.path, f"duplicate article id {article_id!r}, renamed {unique!r}"))
        article_id = unique
    seen.add(article_id)
    return article_id


def _skipped(item: InputFile, has_path: bool, article_id: str, warn: Warn) -> None:
    path = item.path if has_path else None
    warn(InputError(path or item.path, f"article {article_id!r} has no sentences to summarize, skipped"))


def _file_list(files: Sequence[InputFile]) -> tuple[list[str], np.ndarray] | None:
    """(the working directory and the paths as given, identities as int64 (n, 4)) of input files
    that are all regular files. Paths are not made absolute: the directory they are relative to
    is part of the list instead, which costs one call instead of one per file."""
    infos = list(map(itemgetter(4), files))  # what the walk's stat said (None: named, or stdin)
    if None not in infos and all(map(stat.S_ISREG, map(attrgetter("st_mode"), infos))):
        # A folder's files, as the walk found them: the columns at once (100,000 files).
        identities = np.empty((len(infos), 4), dtype=np.int64)
        for column, name in enumerate(("st_dev", "st_ino", "st_size", "st_mtime_ns")):
            identities[:, column] = np.fromiter(map(attrgetter(name), infos), dtype=np.int64, count=len(infos))
        return [os.getcwd(), *map(itemgetter(0), files)], identities
    paths, identities = [os.getcwd()], []
    for item in files:
        if item.is_stdin:
            return None
        try:
            info = item.info or os.stat(item.path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        paths.append(item.path)
        identities.append((info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns))
    return paths, np.array(identities, dtype=np.int64).reshape(-1, 4)


def _absolute(paths: Sequence[str]) -> list[str]:
    """The absolute paths of a :func:`_file_list` (the working directory first, then the paths)."""
    return [os.path.normpath(os.path.join(paths[0], p)) for p in paths[1:]]


def _set_folder(roots: Sequence[str], paths: Sequence[str]) -> str:
    """What a set's row is kept under: the folder (or file) named, the folder holding all those
    named, or without them the deepest folder holding every one of ``paths`` (absolute)."""
    if roots:
        return os.path.commonpath(roots)
    common = os.path.commonpath(paths)
    return os.path.dirname(common) if common in paths else common


def _earlier_set(store: IndexBackend, folder: str, paths: Sequence[str], identities: np.ndarray
                 ) -> tuple[tuple[list[str], np.ndarray, list[bytes]], list[int], bytes] | None:
    """The set read last from ``folder`` or from the nearest folder above it that has one with
    some of these files unchanged: (its files, identities and hashes; the place of each of
    ``paths`` among its files, -1 for a new or changed file; its sentence index)."""
    code = code_fingerprint()
    while True:
        row = store.file_set(folder_key(code, folder))
        files = unpack_folder(row[0]) if row is not None else None
        if files is not None:
            where = {path: n for n, path in reversed(list(enumerate(files[0])))}
            places = np.array([where.get(path, -1) for path in paths], dtype=np.int64)
            same = places >= 0
            same[same] = (files[1][places[same]] == identities[same]).all(axis=1)
            reused = np.where(same, places, -1).tolist()
            if same.any():
                blob = store.sentence_index(row[1])  # type: ignore[index]
                return (files, reused, blob) if blob is not None else None
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above


def _catalog_entry(file: int, number: int, record: Record) -> CatalogEntry:
    text = record.text
    excluded = tuple(
        (i, start, end, reason, text[start:end])
        for i, (start, end, kind, reason) in enumerate(record.blocks) if kind == "boilerplate"
    )
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return CatalogEntry(file, number, record.id_template, record.title, record.date, record.url,
                        record.has_path, len(record.word_counts), excluded, sha)


def recall_stems(directory: Location, analyzer: TermAnalyzer) -> None:
    """Let ``analyzer`` ask the index at ``directory`` (or a ``postgresql://`` URL) for the stems
    it knows, before anything is stemmed (topic keywords, a query): words met before need no
    stemmer, so no NLTK import. The index is only read here; whatever is wrong with it is
    reported when it is opened to load articles."""
    if directory is None or not _same_analyzer(analyzer, TermAnalyzer()):
        return
    origin = str(directory) if is_url(directory) else os.path.abspath(directory)
    if analyzer.stems_come_from(origin):  # the run asked before loading; ranking asks again
        return
    if is_url(directory):
        from .postgres import stems_lookup

        analyzer.stems_from(stems_lookup(str(directory)), origin)
        return
    reader = stems_reader(Path(directory))
    if reader is not None:
        analyzer.stems_from(reader, origin)


def remember_stems(directory: Location, analyzer: TermAnalyzer) -> None:
    """Keep in the index at ``directory`` the stems ``analyzer`` had to compute itself (topic
    keywords, a query, words of articles the index did not load), so that the next run over the
    same articles loads no stemmer. Nothing happens when there is nothing new or no index."""
    if directory is None or not analyzer.learned or not _same_analyzer(analyzer, TermAnalyzer()):
        return
    cache = ArticleCache(directory)
    try:
        cache.store().put_stems(analyzer.learned.items())
        analyzer.learned.clear()
    finally:
        cache.close()


def _kept(store: IndexBackend, key: bytes | None, built: Built) -> tuple[Catalogue, list[tuple[str, ...]], SentenceIndex]:
    """The index just written, stored under ``key`` (None: not kept), read from its bytes as a
    warm run reads a stored one: its catalogue, its files' problems and the index."""
    try:
        if key is not None:
            if built.path is not None:
                store.put_sentence_index_file(key, built.path, index_version())
            else:  # made in memory (no file could be written)
                store.put_sentence_index(key, bytes(built.blob), index_version())
    finally:
        if built.path is not None:  # not stored, or copied: the mapping keeps what it needs
            try:
                built.path.unlink()
            except OSError:
                pass
    return decode_sentence_index(built.blob)  # type: ignore[arg-type]


def _has_parts(store: IndexBackend) -> bool:
    """Whether ``store`` can keep a file as several payloads (the local index; a server keeps one
    per file, whose postings are by record)."""
    return hasattr(store, "put_part")


def _pieces(file: FileRecords | PartedFile, item: InputFile | None) -> Iterator[tuple[Record, ...]]:
    """The records of a file, all at once, or a part at a time when it is stored in parts."""
    if not isinstance(file, PartedFile):
        yield file.records
        return
    try:
        yield from file.parts()
    except ValueError:  # a part gone (another process replaced it) or damaged
        raise InputError(item.path if item else "", "changed while it was being read; run again") from None


def _records_or_manifest(payload: bytes) -> tuple[Record, ...] | Manifest | None:
    """A stored file's records, or its manifest when it is stored in parts (read a part at a time)."""
    manifest = Manifest.of(payload)
    if manifest is not None:
        return manifest
    file = _decode_or_none(payload)
    return file.records if isinstance(file, FileRecords) else None


def _has_fast_path(store: IndexBackend) -> bool:
    """Whether ``store`` keeps sentence indexes and file sets; one that does not is read as
    before they existed (every file's entry, the corpus built from the records): slower, the same."""
    return all(hasattr(store, name) for name in ("file_set", "put_file_set", "sentence_index", "put_sentence_index", "reader"))


def _inside(path: str, directory: str) -> bool:
    return path.startswith(directory.rstrip(os.sep) + os.sep)


def _same_analyzer(a: TermAnalyzer, b: TermAnalyzer) -> bool:
    return (
        type(a) is TermAnalyzer
        and getattr(a, "language", None) == b.language
        and a.stop_words == b.stop_words
    )


def _unique_id(base: str, seen: set[str]) -> str:
    n = 2
    while f"{base}~{n}" in seen:
        n += 1
    return f"{base}~{n}"
