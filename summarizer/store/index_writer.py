"""A set's sentence index written a part of its articles at a time, to the file it is kept in.

The index (:mod:`~summarizer.store.sentence_index`) numbers terms and concept stems by first
appearance over the whole set, holds the postings (term -> sentences) and numbers concepts by their
stems' final numbers: built whole, it needed every part's columns, then the index, then its
encoding, all at once (2.5 GB for a first run over 150,000 articles). Here each part is renumbered
as it comes (a term's first appearance is in the first part holding it) and its arrays are
appended to temporary files; the postings and the concepts' final ids, which need every part, are
made at the end from those files, a block at a time, while the index file is written in its order.
What stays in memory grows with the vocabulary, the bigrams and the catalogue, not with the
sentences. The bytes are those the whole build gave (a test compares them).
"""

from __future__ import annotations

import bisect
import mmap
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, NamedTuple

import numpy as np

from ..matrices import sparse
from .cache import map_file
from .concepts import StoredBigrams
from .ingest import Record
from .sentence_index import (ARRAYS, Catalogue, Columns, ConceptSpace, SentenceIndex, _first_appearance, _starts,
                             catalogue_arrays, header, index_columns, layout, record_columns)

PIECE_ARTICLES = 2000
"""Articles made into columns and written at once when a set is cut from another's index."""
POSTINGS_BLOCK = 1 << 24
"""Postings (4 bytes each) gathered in memory at once, then written."""
MEMORY = 64 << 20
"""Bytes of arrays a build keeps in memory before it moves them all to temporary files: a set of
up to about 10,000 articles is built without writing anything but its index (or nothing, when
the index is for one run), as fast as when the whole index was built in memory."""
_COPY = 1 << 20

Piece = tuple[int, int] | Sequence[Record]
"""Consecutive articles of a set: a range of a built index's articles (first, end), or records."""


class Built(NamedTuple):
    """A sentence index just written: its file and its bytes, mapped from that file; or (no file:
    an index for one run, or no file could be written) its bytes in memory."""

    path: Path | None
    blob: mmap.mmap | bytes | memoryview


class IndexWriter:
    """Columns in, one part after the other (:meth:`add`); the encoded index out (:meth:`finish`).
    Its temporary files are in ``folder`` (None: the system's), removed when it is closed, or by
    the system if the process dies; where none can be written, they are kept in memory."""

    def __init__(self, folder: Path | None, base: StoredBigrams | None, stems_of: Callable[[np.ndarray], list[str]]) -> None:
        self.space = ConceptSpace(base)
        """Names the parts' concepts (:func:`~summarizer.store.sentence_index.record_columns` adds to it)."""
        self._folder = folder
        self._stems_of = stems_of
        self._held = [0]
        """Bytes the spools hold in memory, until they are moved to files (then -1)."""
        self._spools = {name: _Spool(folder, self._held) for name in _SPOOLED}
        for name in _STARTS:
            self._spools[name].append(np.zeros(1, dtype="<i8"))
        self._term_place = np.zeros(0, dtype=np.int32)
        """The corpus's id of each index term id (-1: not met yet)."""
        self._terms: list[np.ndarray] = []
        """Index term ids in order of first appearance, a part's new ones after another's."""
        self._term_count = 0
        self._stem_place = np.zeros(0, dtype=np.int32)
        """The same for concept stems (ids of :attr:`space`)."""
        self._stems: list[np.ndarray] = []
        self._stem_count = 0
        self._frequency = np.zeros(0, dtype=np.int64)
        """Sentences holding each term."""
        self._used = np.zeros(0, dtype=bool)
        """Bigrams of the space some sentence holds."""
        self._parts: list[tuple[int, int, int]] = []
        """Sentences, term entries and bigrams of each part."""
        self._totals = dict.fromkeys(_STARTS, 0)

    def __enter__(self) -> IndexWriter:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def close(self) -> None:
        for spool in self._spools.values():
            spool.close()

    def add(self, part: Columns) -> None:
        """The next articles of the set."""
        spools, totals = self._spools, self._totals
        self._term_place, self._term_count = _number(part.article_terms, self._term_place, self._term_count, self._terms)
        place, terms = self._term_place, self._term_count
        counts = sparse.csr_matrix((np.array(part.term_counts, dtype=np.int32), place[part.term_ids],
                                    _starts(part.terms_per_sentence)), shape=(len(part.terms_per_sentence), terms))
        counts.sort_indices()
        counts.sum_duplicates()
        spools["indptr"].append(counts.indptr[1:] + np.int64(totals["indptr"]))
        spools["indices"].append(np.asarray(counts.indices, dtype="<i4"))
        spools["data"].append(np.asarray(counts.data, dtype="<i4"))
        if len(self._frequency) < terms:
            self._frequency = np.concatenate([self._frequency, np.zeros(terms - len(self._frequency), np.int64)])
        self._frequency += np.bincount(counts.indices, minlength=terms)
        spools["word_counts"].append(np.asarray(part.word_counts, dtype="<i4"))
        spools["offsets"].append(np.asarray(part.offsets, dtype="<i4"))
        spools["flags"].append(np.asarray(part.flags, dtype="u1"))
        spools["article_starts"].append(np.cumsum(part.sentences_per_article, dtype=np.int64) + totals["article_starts"])
        spools["term_starts"].append(np.cumsum(part.terms_per_article, dtype=np.int64) + totals["term_starts"])
        spools["article_terms"].append(place[part.article_terms].astype("<i4"))
        # Concept stems in order of first use: an article's are its bigrams' stems, the first word's
        # before the second's (see ingest._record), so the order is the bigrams' own.
        codes = np.asarray(part.bigram_codes, dtype="<i4")
        space = self.space
        spools["b_indptr"].append(np.cumsum(part.bigrams_per_sentence, dtype=np.int64) + totals["b_indptr"])
        spools["b_codes"].append(codes)
        if len(self._used) < space.size:
            self._used = np.concatenate([self._used, np.zeros(space.size - len(self._used), bool)])
        self._used[codes] = True
        stems = np.empty(2 * len(codes), dtype=np.int32)
        stems[0::2], stems[1::2] = space.firsts[codes], space.seconds[codes]
        self._stem_place, self._stem_count = _number(stems, self._stem_place, self._stem_count, self._stems)
        sentences, entries, bigrams = len(part.terms_per_sentence), len(counts.indices), len(codes)
        self._parts.append((sentences, entries, bigrams))
        totals["indptr"] += entries
        totals["article_starts"] += sentences
        totals["b_indptr"] += bigrams
        totals["term_starts"] += len(part.article_terms)
        if self._held[0] > MEMORY:  # from now on, every part goes to the files
            for spool in spools.values():
                spool.to_file()
            self._held[0] = -1

    def finish(self, catalogue: Catalogue, problems: Sequence[Sequence[str]], stored: bool = True) -> Built:
        """The encoded index of the articles added (``catalogue`` and ``problems`` theirs), in a
        file of the folder, mapped; in memory when no file can be written there, or when it is not
        to be ``stored`` and its parts were all held in memory. (Flushed to disk when it is to be
        stored; one for this run need not wait for the disk.)"""
        handle = None
        if stored or self._held[0] < 0:
            try:
                handle, name = tempfile.mkstemp(prefix=".sentence-index.", suffix=".tmp", dir=self._folder)
            except OSError:
                pass
        if handle is not None:
            path = Path(name)
            try:
                with open(handle, "wb", buffering=0) as out:
                    self._write(out, catalogue, problems)
                    if stored:
                        os.fsync(out.fileno())  # whole on disk before a row names it
                os.chmod(path, 0o644)  # mkstemp makes it private; stored indexes are 0644
                blob = map_file(path)
                if blob is not None:
                    return Built(path, blob)
            except OSError:  # a full disk: made in memory instead
                pass
            try:
                path.unlink()
            except OSError:
                pass
        made = self._write(None, catalogue, problems)
        assert made is not None
        return Built(None, made.data)

    def _write(self, out: BinaryIO | None, catalogue: Catalogue, problems: Sequence[Sequence[str]]) -> _Buffer | None:
        """Write the encoded index to ``out``, or (None) into a buffer of its size, returned."""
        space, spools, totals = self.space, self._spools, self._totals
        in_order = np.concatenate(self._terms) if self._terms else np.zeros(0, dtype=np.int64)
        frequency = self._frequency[: self._term_count]
        p_indptr = _starts(frequency)
        # Concepts numbered by their stems' new numbers, as :func:`~summarizer.store.concepts._table`
        # does: sorted once per distinct concept, not per bigram.
        concept_order = np.concatenate(self._stems) if self._stems else np.zeros(0, dtype=np.int64)
        width = max(len(concept_order), 1)
        distinct = np.flatnonzero(self._used)
        place = self._stem_place
        keys, new_ids = np.unique(place[space.firsts[distinct]].astype(np.int64) * width + place[space.seconds[distinct]],
                                  return_inverse=True)
        renumber = np.zeros(space.size, dtype=np.int32)
        renumber[distinct] = new_ids.ravel()
        names = list(space.names)
        sentences = totals["article_starts"]
        articles = (spools["article_starts"].size // 8) - 1
        stored = catalogue_arrays(catalogue)
        memory: dict[str, np.ndarray] = {
            "p_indptr": p_indptr, "b_firsts": (keys // width).astype("<i4"), "b_seconds": (keys % width).astype("<i4"),
            "global_ids": in_order.astype("<i4"), **stored,
        }
        shapes = {
            "indptr": (sentences + 1,), "indices": (totals["indptr"],), "data": (totals["indptr"],),
            "word_counts": (sentences,), "offsets": (sentences, 3), "article_starts": (articles + 1,),
            "p_indices": (totals["indptr"],), "flags": (sentences,), "b_indptr": (sentences + 1,),
            "b_ids": (totals["b_indptr"],), "article_terms": (totals["term_starts"],), "term_starts": (articles + 1,),
            **{name: array.shape for name, array in memory.items()},
        }
        table, size = layout([shapes[name] for name, _ in ARRAYS])
        head = header(catalogue, problems, self._stems_of(in_order), [names[int(i)] for i in concept_order],
                      (sentences, self._term_count), table)
        buffer = _Buffer(len(head) + size) if out is None else None
        out = out or buffer
        _write_all(out, head)  # type: ignore[arg-type]
        made: dict[str, Callable[[], Iterator[np.ndarray]]] = {
            "p_indices": lambda: self._postings(p_indptr),
            "b_ids": lambda: self._bigram_ids(renumber),
        }
        for name, dtype in ARRAYS:
            nbytes = 0
            if name in memory:
                array = np.ascontiguousarray(memory[name], dtype=dtype)
                _write_all(out, memoryview(array.reshape(-1).view(np.uint8)))
                nbytes = array.nbytes
            elif name in made:
                for array in made[name]():
                    array = np.ascontiguousarray(array, dtype=dtype)
                    _write_all(out, memoryview(array.view(np.uint8)))
                    nbytes += array.nbytes
            else:
                spools[name].copy_to(out)  # type: ignore[arg-type]
                nbytes = spools[name].size
            _write_all(out, bytes(-nbytes % 8))  # type: ignore[arg-type]
            if buffer is not None:  # made in memory: what is copied is let go (nothing is written again)
                for spool in _LAST_USE.get(name, (name,) if name in spools else ()):
                    spools[spool].close()
        return buffer

    def _postings(self, p_indptr: np.ndarray) -> Iterator[np.ndarray]:
        """The postings' sentences (the counts' CSC indices), in order, a block of terms at a time:
        each block gathered from every part's counts, read back from their file."""
        terms = len(p_indptr) - 1
        first = 0
        while first < terms:
            end = int(np.searchsorted(p_indptr, p_indptr[first] + POSTINGS_BLOCK, "right")) - 1
            end = min(max(end, first + 1), terms)
            if len(self._parts) == 1 and first == 0 and end == terms:  # one part, one block: its CSC as it is
                sentences, entries, _ = self._parts[0]
                yield self._part_csc(0, 0, sentences, entries, terms).indices
                return
            base = int(p_indptr[first])
            block = np.empty(int(p_indptr[end]) - base, dtype="<i4")
            fill = p_indptr[first:end] - base
            row = entry = 0
            for sentences, entries, _ in self._parts:
                if entries:
                    csc = self._part_csc(row, entry, sentences, entries, terms)
                    held = csc.indptr[first : end + 1].astype(np.int64)
                    sizes = np.diff(held)
                    if held[-1] > held[0]:
                        to = np.repeat(fill - held[:-1], sizes) + np.arange(held[0], held[-1])
                        block[to] = csc.indices[held[0] : held[-1]] + row
                        fill += sizes
                row += sentences
                entry += entries
            yield block
            first = end

    def _part_csc(self, row: int, entry: int, sentences: int, entries: int, terms: int) -> sparse.csc_matrix:
        """The counts' structure of one part, read back, by term."""
        indices = self._spools["indices"].read(4 * entry, entries, "<i4")
        indptr = self._spools["indptr"].read(8 * row, sentences + 1, "<i8") - entry
        return sparse.csr_matrix((np.ones(entries, dtype=np.int8), indices, indptr), shape=(sentences, terms)).tocsc()

    def _bigram_ids(self, renumber: np.ndarray) -> Iterator[np.ndarray]:
        """Each sentence's bigrams as the index's concept ids, a part at a time."""
        at = 0
        for _, _, bigrams in self._parts:
            if bigrams:
                yield renumber[self._spools["b_codes"].read(4 * at, bigrams, "<i4")]
            at += bigrams


def write_set(pieces: Sequence[Piece], base: SentenceIndex | None, stems_of: Callable[[np.ndarray], list[str]],
              folder: Path | None, catalogue: Catalogue, problems: Sequence[Sequence[str]], stored: bool = True) -> Built:
    """The sentence index of the articles of ``pieces``, one after the other: ranges are cut from
    ``base`` (an index built before), records are read; about :data:`PIECE_ARTICLES` articles at a
    time (many short ranges, such as the unread articles of a folder, are written together).
    ``stored``: it is to be kept (see :meth:`IndexWriter.finish`)."""
    with IndexWriter(folder, base.bigrams if base is not None else None, stems_of) as writer:
        waiting: list[Columns] = []
        count = added = 0
        for piece in pieces:
            if isinstance(piece, tuple):
                assert base is not None
                steps = [(start, min(start + PIECE_ARTICLES, piece[1])) for start in range(*piece, PIECE_ARTICLES)]
                columns = (index_columns(base, start, end) for start, end in steps)
            else:
                steps = [(start, min(start + PIECE_ARTICLES, len(piece))) for start in range(0, len(piece), PIECE_ARTICLES)]
                columns = (record_columns(piece[start:end], writer.space) for start, end in steps)
            for (start, end), part in zip(steps, columns):
                waiting.append(part)
                count += end - start
                if count >= PIECE_ARTICLES:
                    writer.add(_joined_columns(waiting))
                    waiting, count, added = [], 0, added + 1
        if waiting or not added:
            writer.add(_joined_columns(waiting))
        return writer.finish(catalogue, problems, stored)


def _joined_columns(parts: Sequence[Columns]) -> Columns:
    """Consecutive articles' columns as one part (none: an empty part)."""
    if len(parts) == 1:
        return parts[0]
    empty = Columns(*(np.zeros((0, 3) if name == "offsets" else 0, dtype=np.int32) for name in Columns._fields))
    return Columns(*(np.concatenate([getattr(p, name) for p in parts]) if parts else getattr(empty, name)
                     for name in Columns._fields))


_STARTS = ("indptr", "article_starts", "b_indptr", "term_starts")
"""Spooled arrays of where each sentence's or article's entries start (the first 0 written at once)."""
_SPOOLED = (*_STARTS, "indices", "data", "word_counts", "offsets", "flags", "b_codes", "article_terms")
_LAST_USE = {"indptr": (), "indices": (), "p_indices": ("indptr", "indices"), "b_ids": ("b_codes",)}
"""The spools read last when an array other than their own is written (the postings, the bigram ids)."""


def _number(values: np.ndarray, place: np.ndarray, count: int, order: list[np.ndarray]) -> tuple[np.ndarray, int]:
    """Number the values not met before in order of first appearance, after the ``count`` met
    before (``place``: each value's number, -1 when not met; ``order``: the values met, in
    order, to which the new ones are added). Returns ``place`` (grown) and the new count."""
    if not len(values):
        return place, count
    largest = int(values.max()) + 1
    if largest > len(place):
        place = np.concatenate([place, np.full(max(largest, 2 * len(place)) - len(place), -1, dtype=np.int32)])
    new = values[place[values] < 0]
    if len(new):
        new = _first_appearance(new)
        place[new] = np.arange(count, count + len(new), dtype=np.int32)
        order.append(new)
        count += len(new)
    return place, count


class _Spool:
    """An array of unknown length, written a piece at a time and read back: its pieces held in
    memory, while the build's spools hold at most :data:`MEMORY` bytes, then in a temporary file
    (in memory still where none can be written: a full disk)."""

    def __init__(self, folder: Path | None, held: list[int]) -> None:
        self._folder = folder
        self._held = held
        self._pieces: list[np.ndarray] = []
        self._starts: list[int] = []
        self._file: BinaryIO | None = None
        self.size = 0
        """Bytes written."""

    def append(self, array: np.ndarray) -> None:
        data = np.ascontiguousarray(array).reshape(-1).view(np.uint8)
        if self._file is None:
            self._pieces.append(data)
            self._starts.append(self.size)
            if self._held[0] >= 0:
                self._held[0] += len(data)
        else:
            try:
                self._file.seek(self.size)
                _write_all(self._file, memoryview(data))
            except OSError:  # what the file holds moves to memory, and the rest goes there too
                self._file.seek(0)
                kept = self._file.read(self.size)
                self._file.close()
                self._file = None
                self._pieces, self._starts = [np.frombuffer(kept, dtype=np.uint8), data], [0, self.size]
        self.size += len(data)

    def to_file(self) -> None:
        """Move the pieces to a temporary file (removed when closed, or by the system if the
        process dies); they stay in memory if none can be written."""
        if self._file is not None:
            return
        try:
            self._file = tempfile.TemporaryFile(dir=self._folder, buffering=0)
            for piece in self._pieces:
                _write_all(self._file, memoryview(piece))
        except OSError:
            if self._file is not None:
                self._file.close()
            self._file = None
            return
        self._pieces, self._starts = [], []

    def read(self, offset: int, count: int, dtype: str) -> np.ndarray:
        """``count`` values from byte ``offset``."""
        array = np.empty(count, dtype=dtype)
        view = array.view(np.uint8)
        if self._file is None:
            at = bisect.bisect_right(self._starts, offset) - 1
            done = 0
            while done < len(view):
                piece, start = self._pieces[at], self._starts[at]
                taken = piece[offset + done - start : offset + done - start + len(view) - done]
                view[done : done + len(taken)] = taken
                done += len(taken)
                at += 1
            return array
        self._file.seek(offset)
        rest = memoryview(view)
        while len(rest):
            got = self._file.readinto(rest)
            if not got:
                raise OSError("a temporary file of the sentence index is shorter than written")
            rest = rest[got:]
        return array

    def copy_to(self, out: BinaryIO) -> None:
        if self._file is None:
            for piece in self._pieces:
                _write_all(out, memoryview(piece))
            return
        self._file.seek(0)
        left = self.size
        while left:
            chunk = self._file.read(min(left, _COPY))
            if not chunk:
                raise OSError("a temporary file of the sentence index is shorter than written")
            _write_all(out, chunk)
            left -= len(chunk)

    def close(self) -> None:
        self._pieces, self._starts = [], []
        if self._file is not None:
            self._file.close()


class _Buffer:
    """Bytes of a known size, written in order (what an index for one run is made in): an array,
    not a bytearray, which would fill its pages with zeros first, nor fresh anonymous memory,
    each of whose pages would be faulted in (both took longer than building the index did)."""

    def __init__(self, size: int) -> None:
        self._array = np.empty(size, dtype=np.uint8)
        self.data = memoryview(self._array)
        self._at = 0

    def write(self, data: bytes | memoryview) -> int:
        piece = np.frombuffer(data, dtype=np.uint8)
        self._array[self._at : self._at + len(piece)] = piece
        self._at += len(piece)
        return len(piece)


def _write_all(out: BinaryIO, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while len(view):
        written = out.write(view)
        if written is None or written <= 0:
            raise OSError("nothing written")
        view = view[written:]
