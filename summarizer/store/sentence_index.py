"""The sentence index of one set of articles, kept in the article index between runs.

Everything ranking reads about the corpus that does not depend on the topic is here, as arrays,
in the numbering the corpus would give it if it were built from the articles themselves:

- per sentence: its article, paragraph, offsets, position, word count and term counts (CSR);
- per sentence: whether it can stand alone and whether it names someone or a number (flags), and
  its bigram concepts (:class:`~summarizer.store.concepts.StoredBigrams`), so that a topic's
  candidates are judged and their concepts counted without their text;
- the postings, term -> sentences (CSC), and so the corpus statistics (sentences per term);
- the vocabulary in order of first appearance, and each article's terms in that order;
- the catalogue of the articles, column by column (:class:`Catalogue`): ids, titles, dates, URLs,
  sentence counts, excluded spans, text hashes, and each article's place in the Sources order.

It is built once for a set of articles, when they are first read, and stored under a key made of
the articles' content hashes (:func:`set_key`). A set made of some of its articles and a few read
anew (a file added or changed, a subfolder, the unread articles) is cut from its arrays
(:func:`~summarizer.store.index_writer.write_set`), giving what a build from every article's
record gives. Either way it is written a part of its articles at a time, straight to its file
(:mod:`~summarizer.store.index_writer`), and read back as a warm run reads it. A warm run then
loads one row and decodes nothing else: article text is read for the sentences a topic inspects
and the ones shown, through :class:`~summarizer.store.stored.StoredArticle`.

Its encoding: an 8-byte length, a JSON header (:func:`header`: the catalogue's strings, the
vocabulary, the arrays' names, dtypes and shapes), then the arrays' raw bytes (:data:`ARRAYS`, in
that order), each aligned to 8 bytes. Decoded arrays are
read-only views of the stored bytes: nothing is copied, and an index kept in a file of its own is
mapped into memory, so that a run reads the pages of the sentences it uses.
"""

from __future__ import annotations

import hashlib
import json
import mmap
from collections import Counter
from itertools import chain
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from ..matrices import sparse

from .cache import code_fingerprint
from .concepts import StoredBigrams
from .ingest import Record

FORMAT = 6


class CatalogEntry(NamedTuple):
    """What a run needs to know about an article without reading its text (a named tuple: a warm
    run makes one per article, 100,000 at a time)."""

    file: int
    """Position of the article's file among the inputs."""
    record: int
    """Position of the article among its file's records."""
    id_template: str
    title: str | None
    date: str | None
    url: str | None
    has_path: bool
    sentences: int
    excluded: tuple[tuple[int, int, int, str, str], ...]
    """Boilerplate blocks: (block index, start, end, reason, text)."""
    text_hash: str
    """SHA-256 of the text, in hex (what the read state knows the article by)."""


@dataclass
class Catalogue:
    """The catalogue of a set of articles, column by column: a warm run over 100,000 articles
    decodes a few lists and arrays instead of 100,000 entries."""

    files: np.ndarray
    records: np.ndarray
    sentences: np.ndarray
    has_path: np.ndarray
    hashes: np.ndarray
    """uint8 (articles, 32): SHA-256 of each text."""
    source_rank: np.ndarray
    """Each article's place in the Sources order (oldest first, undated last, then by title; equal
    for the same date and title), -1 for an article without a title (its id stands in, known only
    when loaded); see :func:`~summarizer.citations.source_order`."""
    id_templates: list[str]
    titles: list[str | None]
    dates: list[str | None]
    urls: list[str | None]
    excluded: dict[int, tuple[tuple[int, int, int, str, str], ...]]
    """Entries with boilerplate blocks: (block index, start, end, reason, text)."""

    def __len__(self) -> int:
        return len(self.files)

    def text_hash(self, entry: int) -> str:
        return self.hashes[entry].tobytes().hex()

    @classmethod
    def of(cls, entries: Sequence[CatalogEntry]) -> Catalogue:
        def column(values: list, dtype) -> np.ndarray:
            return np.array(values, dtype=dtype).reshape(len(entries))

        return cls(
            column([e.file for e in entries], np.int32), column([e.record for e in entries], np.int32),
            column([e.sentences for e in entries], np.int32), column([e.has_path for e in entries], np.bool_),
            np.frombuffer(b"".join(bytes.fromhex(e.text_hash) for e in entries), dtype=np.uint8).reshape(len(entries), 32),
            _source_ranks([e.title for e in entries], [e.date for e in entries]), [e.id_template for e in entries],
            [e.title for e in entries], [e.date for e in entries], [e.url for e in entries],
            {n: e.excluded for n, e in enumerate(entries) if e.excluded},
        )

    @classmethod
    def taken(cls, sources: Sequence[Catalogue], take: np.ndarray, files: np.ndarray) -> Catalogue:
        """The entries ``take`` of ``sources`` (numbered one catalogue after the other), in that
        order, as entries of the files ``files``: column by column, without an entry object each."""
        take = np.asarray(take, dtype=np.int64)

        def column(name: str) -> np.ndarray:
            return np.concatenate([getattr(c, name) for c in sources])[take]

        def listed(name: str) -> list:
            every = [value for c in sources for value in getattr(c, name)]
            return [every[i] for i in take.tolist()]

        excluded: dict[int, tuple] = {}
        at = 0
        for source in sources:
            excluded.update((at + n, spans) for n, spans in source.excluded.items())
            at += len(source)
        found = np.flatnonzero(np.isin(take, np.fromiter(excluded, dtype=np.int64, count=len(excluded))))
        titles, dates = listed("titles"), listed("dates")
        return cls(np.asarray(files, dtype=np.int32), column("records"), column("sentences"), column("has_path"),
                   column("hashes").reshape(len(take), 32), _source_ranks(titles, dates), listed("id_templates"), titles,
                   dates, listed("urls"), {int(n): excluded[int(take[n])] for n in found})


def _source_ranks(titles: Sequence[str | None], dates: Sequence[str | None]) -> np.ndarray:
    keys = [(date is None, date or "", title.casefold()) if title else None for title, date in zip(titles, dates)]
    rank = {key: n for n, key in enumerate(sorted({k for k in keys if k is not None}))}
    return np.array([rank[k] if k is not None else -1 for k in keys], dtype=np.int32)


@dataclass(frozen=True)
class Postings:
    """Term -> the sentences holding it, in order (the structure of the counts' CSC form)."""

    indptr: np.ndarray
    indices: np.ndarray

    @classmethod
    def of(cls, counts: sparse.csr_matrix) -> Postings:
        csc = counts.tocsc()
        return cls(csc.indptr, csc.indices)

    def sentence_frequency(self) -> np.ndarray:
        """Sentences holding each term."""
        return np.diff(self.indptr)


@dataclass
class SentenceIndex:
    """The arrays of :class:`~summarizer.ranking.corpus.Corpus` for one set of articles."""

    stems: list[str]
    """Term id (the corpus's numbering) to stem."""
    counts: sparse.csr_matrix
    """Sentences x terms, raw counts."""
    word_counts: np.ndarray
    offsets: np.ndarray
    """int32 (sentences, 3): paragraph, start, end."""
    article_starts: np.ndarray
    """First sentence of each article, and the number of sentences at the end."""
    postings: Postings
    flags: np.ndarray
    """uint8 per sentence: :data:`~summarizer.reading.standalone.WORTHY`, :data:`~summarizer.reading.standalone.HAS_CONTENT`,
    :data:`~summarizer.reading.standalone.SPEECH`."""
    bigrams: StoredBigrams
    global_ids: np.ndarray
    """The index's term id (of its ``terms`` table) of each of the corpus's terms."""
    article_terms: np.ndarray
    """Each article's distinct terms (the corpus's ids) in order of first appearance, one after the
    other: what the corpus's numbering depends on, so that a set made of some of these articles (a
    subfolder, the unread ones) or of these and a few more (a file added) is cut from these arrays,
    without decoding the files again. (The concept stems' order is their bigrams'.)"""
    term_starts: np.ndarray
    """Where each article's terms start in ``article_terms``, and their end."""

    @property
    def article_of(self) -> np.ndarray:
        sizes = np.diff(self.article_starts)
        return np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)

    @property
    def positions(self) -> np.ndarray:
        starts = self.article_starts[:-1]
        sizes = np.diff(self.article_starts)
        return np.arange(int(self.article_starts[-1]), dtype=np.int64) - np.repeat(starts, sizes)


def index_version() -> str:
    """What a stored sentence index was made by: the reading code and this encoding."""
    return f"{code_fingerprint()}/{FORMAT}"


def set_key(code: str, shas: Sequence[bytes], selection: Sequence[int] | None = None) -> bytes:
    """The key of a set of articles: the files' content hashes in input order (paths and ids are
    not part of what is stored), and which of their articles were chosen (None: all)."""
    digest = hashlib.sha256(f"sentence-index {FORMAT} {code}\n".encode())
    for sha in shas:
        digest.update(sha)
    if selection is not None:
        digest.update(b"\0selection\0" + np.asarray(selection, dtype="<i8").tobytes())
    return digest.digest()


def paths_key(code: str, paths: Sequence[str]) -> bytes:
    """The key of a list of files by their paths as given (the working directory first), in input order."""
    return hashlib.sha256(f"file-set {FORMAT} {code}\n".encode() + "\0".join(paths).encode(errors="surrogateescape")).digest()


def folder_key(code: str, folder: str) -> bytes:
    """The key of the set read last from files of a folder (absolute)."""
    return hashlib.sha256(f"folder {FORMAT} {code}\n{folder}".encode(errors="surrogateescape")).digest()


def pack_folder(paths: Sequence[str], identities: np.ndarray, shas: Sequence[bytes]) -> bytes:
    """Absolute paths, identities and content hashes of files (see :func:`pack_files`)."""
    names = "\0".join(paths).encode(errors="surrogateescape")
    return len(paths).to_bytes(8, "little") + pack_files(identities, shas) + names


def unpack_folder(blob: bytes) -> tuple[list[str], np.ndarray, list[bytes]] | None:
    n = int.from_bytes(blob[:8], "little")
    files = unpack_files(blob[8 : 8 + 64 * n], n)
    if files is None:
        return None
    paths = bytes(blob[8 + 64 * n :]).decode(errors="surrogateescape").split("\0")
    return (paths, files[0], files[1]) if len(paths) == n else None


def pack_files(identities: np.ndarray, shas: Sequence[bytes]) -> bytes:
    """Identities (int64 (n, 4): device, inode, size, mtime_ns) and content hashes of files."""
    return np.ascontiguousarray(identities, dtype="<i8").tobytes() + b"".join(shas)


def unpack_files(blob: bytes, n: int) -> tuple[np.ndarray, list[bytes]] | None:
    if len(blob) != n * (32 + 32):
        return None
    identities = np.frombuffer(blob, dtype="<i8", count=4 * n).reshape(n, 4)
    at = 32 * n
    return identities, [blob[at + 32 * i : at + 32 * (i + 1)] for i in range(n)]


class Columns(NamedTuple):
    """Consecutive articles' arrays, one after the other, terms named by the index's term ids and
    concept stems by the ids of a list of names shared by every part of a build (see
    :class:`~summarizer.store.index_writer.IndexWriter`)."""

    article_terms: np.ndarray
    """Each article's distinct terms in order of first appearance."""
    terms_per_article: np.ndarray
    sentences_per_article: np.ndarray
    terms_per_sentence: np.ndarray
    term_ids: np.ndarray
    term_counts: np.ndarray
    word_counts: np.ndarray
    offsets: np.ndarray
    flags: np.ndarray
    bigrams_per_sentence: np.ndarray
    bigram_codes: np.ndarray
    """Each sentence's bigrams, as ids of the build's :class:`ConceptSpace`."""


class ConceptSpace:
    """The concept stems and bigrams the parts of one build name by ids: those of the index the
    build cuts from, then those records add. A bigram records add again in a later part keeps its
    id, so that the space grows with the distinct bigrams, not with the parts. (One of the index
    cut from may get a second id: ids are only names, the index numbers concepts by their stems.)"""

    def __init__(self, base: StoredBigrams | None) -> None:
        self.names: dict[str, int] = {stem: n for n, stem in enumerate(base.stems)} if base is not None else {}
        self.firsts = np.asarray(base.firsts, dtype=np.int32) if base is not None else np.zeros(0, np.int32)
        self.seconds = np.asarray(base.seconds, dtype=np.int32) if base is not None else np.zeros(0, np.int32)
        """The two stem ids of each bigram id."""
        self.size = len(self.firsts)
        self._keys = np.zeros(0, dtype=np.int64)
        self._codes = np.zeros(0, dtype=np.int64)
        """The bigrams records added, each as one key, sorted, and its id."""

    def codes(self, firsts: np.ndarray, seconds: np.ndarray) -> np.ndarray:
        """Ids of the bigrams (two stem ids each), new ones added."""
        keys, inverse = np.unique(firsts << 32 | seconds, return_inverse=True)
        at = np.searchsorted(self._keys, keys)
        known = at < len(self._keys)
        known[known] = self._keys[at[known]] == keys[known]
        codes = np.empty(len(keys), dtype=np.int64)
        codes[known] = self._codes[at[known]]
        new = keys[~known]
        codes[~known] = np.arange(self.size, self.size + len(new))
        if len(new):
            self.firsts = np.concatenate([self.firsts, (new >> 32).astype(np.int32)])
            self.seconds = np.concatenate([self.seconds, (new & 0xFFFFFFFF).astype(np.int32)])
            where = at[~known]
            self._keys = np.insert(self._keys, where, new)
            self._codes = np.insert(self._codes, where, codes[~known])
            self.size += len(new)
        return codes[inverse.reshape(-1)]


def record_columns(records: Sequence[Record], space: ConceptSpace) -> Columns:
    """The columns of these records, their concepts named in ``space`` (new ones added)."""
    names = space.names
    term_lists = [np.asarray(r.terms, dtype=np.int64) for r in records]
    article_terms = _joined(term_lists)
    nnz = [len(r.indices) for r in records]
    # Each sentence's terms are positions in its record's list: shifted to where that list starts.
    positions = _joined([r.indices for r in records]) + np.repeat(_starts([len(t) for t in term_lists])[:-1], nnz)
    # Concept stems numbered with C-level loops (map, dict.setdefault): a Python loop over every
    # record's stems was 0.3 s of a cold build at 10,000 articles.
    every = list(chain.from_iterable(r.concept_stems for r in records))
    codes = np.fromiter(map(lambda stem: names.setdefault(stem, len(names)), every), dtype=np.int64, count=len(every))
    pairs = [len(r.concept_firsts) for r in records]
    shift = np.repeat(_starts([len(r.concept_stems) for r in records])[:-1], pairs)
    # 32-bit columns: they are what the index writer renumbers and writes.
    return Columns(
        article_terms.astype(np.int32), np.array([len(t) for t in term_lists], dtype=np.int32),
        np.array([len(r.word_counts) for r in records], dtype=np.int32),
        _joined([np.diff(r.indptr) for r in records], np.int32), article_terms[positions].astype(np.int32),
        _joined([r.counts for r in records], np.int32), _joined([r.word_counts for r in records], np.int32),
        np.concatenate([r.sentences for r in records]).astype(np.int32) if records else np.zeros((0, 3), np.int32),
        _joined([r.flags for r in records], np.uint8),
        _joined([np.diff(r.concept_indptr) for r in records], np.int32),
        space.codes(codes[_joined([r.concept_firsts for r in records]) + shift],
                    codes[_joined([r.concept_seconds for r in records]) + shift]).astype(np.int32)
        if every else np.zeros(0, np.int32),
    )


def index_columns(index: SentenceIndex, first: int, end: int) -> Columns:
    """The columns of the articles ``first`` to ``end`` (excluded) of a built index, concepts named
    as in ``ConceptSpace(index.bigrams)``: what :func:`record_columns` gives for their records,
    without decoding them (within a sentence, terms come sorted: the writer sorts them anyway)."""
    rows = slice(int(index.article_starts[first]), int(index.article_starts[end]))
    counts, bigrams = index.counts, index.bigrams
    entries = slice(int(counts.indptr[rows.start]), int(counts.indptr[rows.stop]))
    terms = slice(int(index.term_starts[first]), int(index.term_starts[end]))
    return Columns(
        index.global_ids[index.article_terms[terms]], np.diff(index.term_starts[first : end + 1]),
        np.diff(index.article_starts[first : end + 1]), np.diff(counts.indptr[rows.start : rows.stop + 1]),
        index.global_ids[counts.indices[entries]], counts.data[entries], index.word_counts[rows], index.offsets[rows],
        index.flags[rows], np.diff(bigrams.indptr[rows.start : rows.stop + 1]),
        bigrams.ids[int(bigrams.indptr[rows.start]) : int(bigrams.indptr[rows.stop])],
    )


ARRAYS: tuple[tuple[str, str], ...] = (
    ("indptr", "<i8"), ("indices", "<i4"), ("data", "<i4"), ("word_counts", "<i4"), ("offsets", "<i4"),
    ("article_starts", "<i8"), ("p_indptr", "<i8"), ("p_indices", "<i4"), ("flags", "|u1"), ("b_indptr", "<i8"),
    ("b_ids", "<i4"), ("b_firsts", "<i4"), ("b_seconds", "<i4"), ("global_ids", "<i4"), ("article_terms", "<i4"),
    ("term_starts", "<i8"), ("c_files", "<i4"), ("c_records", "<i4"), ("c_sentences", "<i4"), ("c_has_path", "|u1"),
    ("c_hashes", "|u1"), ("c_source_rank", "<i4"),
)
"""The arrays of an encoded sentence index, in the order they are stored, with their dtypes."""


def catalogue_arrays(columns: Catalogue) -> dict[str, np.ndarray]:
    """The catalogue's arrays as they are stored."""
    return {
        "c_files": np.asarray(columns.files, dtype="<i4"),
        "c_records": np.asarray(columns.records, dtype="<i4"),
        "c_sentences": np.asarray(columns.sentences, dtype="<i4"),
        "c_has_path": np.asarray(columns.has_path, dtype="u1"),
        "c_hashes": np.asarray(columns.hashes, dtype="u1").reshape(len(columns), 32),
        "c_source_rank": np.asarray(columns.source_rank, dtype="<i4"),
    }


def layout(shapes: Sequence[tuple[int, ...]]) -> tuple[list[list], int]:
    """(where each of :data:`ARRAYS`, of these shapes, starts after the header: the header's table
    of arrays; the length of them all, each padded to 8 bytes)."""
    table, at = [], 0
    for (name, dtype), shape in zip(ARRAYS, shapes, strict=True):
        table.append([name, dtype, list(shape), at])
        nbytes = np.dtype(dtype).itemsize * int(np.prod(shape))
        at += nbytes + (-nbytes % 8)
    return table, at


def header(columns: Catalogue, problems: Sequence[Sequence[str]], stems: list[str], concept_stems: list[str],
           shape: tuple[int, int], table: list[list]) -> bytes:
    """The encoded header, its length first, padded so that the arrays start on 8 bytes."""
    templates = columns.id_templates
    common = Counter(templates).most_common(1)[0][0] if templates else ""
    fields = {
        "format": FORMAT,
        # Most articles' id is their file's name: only the others are listed.
        "id_template": common,
        "id_templates": {n: t for n, t in enumerate(templates) if t != common},
        "titles": columns.titles,
        "dates": columns.dates,
        "urls": columns.urls,
        "excluded": {n: [list(x) for x in spans] for n, spans in columns.excluded.items()},
        "problems": [list(p) for p in problems],
        "stems": stems,
        "concept_stems": concept_stems,
        "shape": list(shape),
        "arrays": table,
    }
    head = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    head += b" " * (-(len(head) + 8) % 8)
    return len(head).to_bytes(8, "little") + head


def is_whole(blob: bytes | mmap.mmap) -> bool:
    """Whether the bytes of a sentence index are all there: its header's length and its table of
    arrays readable, the arrays ending where the bytes end (see :func:`header`). Reads the header
    only (parsing its last key), so that the arrays of a file mapped into memory stay unread: a
    truncated, extended or overwritten file is caught, a changed byte inside an array is not."""
    try:
        size = int.from_bytes(blob[:8], "little")
        if size <= 0 or 8 + size > len(blob):
            return False
        head = blob[8 : 8 + size].rstrip()
        start = head.rfind(b'"arrays":')  # the last key (quotes inside strings are escaped)...
        try:
            layout = json.loads(head[start + 9 : -1])
        except ValueError:  # ...unless the format put another after it: the whole header, then
            layout = json.loads(head)["arrays"]
        end = 8 + size
        for _name, dtype, shape, at in layout:
            length = np.dtype(dtype).itemsize * int(np.prod(shape))
            end = max(end, 8 + size + at + length + (-length % 8))
        return end == len(blob)
    except (ValueError, TypeError, KeyError):
        return False


def decode(blob: bytes) -> tuple[Catalogue, list[tuple[str, ...]], SentenceIndex]:
    """The catalogue, problems and index of an encoded sentence index (as
    :class:`~summarizer.store.index_writer.IndexWriter` writes it); ValueError when the blob is not
    one of ours."""
    try:
        size = int.from_bytes(blob[:8], "little")
        header = json.loads(bytes(blob[8 : 8 + size]))  # (bytes of bytes is the same object)
        if header.get("format") != FORMAT:
            raise ValueError("another format")
        base = 8 + size
        arrays = {
            name: np.frombuffer(blob, dtype=dtype, count=int(np.prod(shape)), offset=base + at).reshape(shape)
            for name, dtype, shape, at in header["arrays"]
        }
        templates = [header["id_template"]] * len(arrays["c_files"])
        for n, template in header["id_templates"].items():
            templates[int(n)] = template
        catalog = Catalogue(
            arrays["c_files"], arrays["c_records"], arrays["c_sentences"], arrays["c_has_path"].astype(bool),
            arrays["c_hashes"], arrays["c_source_rank"], templates, header["titles"], header["dates"], header["urls"],
            {int(n): tuple(map(tuple, spans)) for n, spans in header["excluded"].items()},
        )
        if not (len(catalog.titles) == len(catalog.dates) == len(catalog.urls) == len(catalog)):
            raise ValueError("catalogue columns of different lengths")
        problems = [tuple(p) for p in header["problems"]]
        counts = sparse.csr_matrix(
            (arrays["data"], arrays["indices"], arrays["indptr"]), shape=tuple(header["shape"])
        )
        bigrams = StoredBigrams(arrays["b_indptr"], arrays["b_ids"], arrays["b_firsts"], arrays["b_seconds"],
                                header["concept_stems"])
        index = SentenceIndex(header["stems"], counts, arrays["word_counts"].astype(np.int64),
                              arrays["offsets"], arrays["article_starts"], Postings(arrays["p_indptr"], arrays["p_indices"]),
                              arrays["flags"], bigrams, arrays["global_ids"], arrays["article_terms"],
                              arrays["term_starts"])
        return catalog, problems, index
    except (KeyError, TypeError, IndexError, ValueError, AttributeError, UnicodeDecodeError) as error:
        raise ValueError(f"malformed sentence index: {error}") from None


def _first_appearance(values: np.ndarray) -> np.ndarray:
    """The distinct values in order of first appearance."""
    n = len(values)
    if n and values.min() >= 0 and values.max() < 4 * n + 65536:
        # Small non-negative ids (the index's term ids): a table indexed by value, no sorting;
        # 40 times faster than a sort at 10,000 articles (1.4 million terms).
        small = np.int32 if n < 2**31 else np.int64  # 40 million positions at 100,000 articles
        first = np.full(int(values.max()) + 1, n, dtype=small)
        np.minimum.at(first, values, np.arange(n, dtype=small))
        present = np.flatnonzero(first < n)
        return present[np.argsort(first[present], kind="stable")]
    unique, first_at = np.unique(values, return_index=True)
    return unique[np.argsort(first_at, kind="stable")]


def ranges(positions: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of consecutive positions, as (first, end) ranges."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position:
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    return runs


def _starts(sizes: Sequence[int] | np.ndarray) -> np.ndarray:
    """Where each of consecutive parts of these sizes starts, and the end of the last (int64)."""
    starts = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    return starts


def _joined(arrays: Sequence[np.ndarray], dtype=np.int64) -> np.ndarray:
    """The arrays one after the other, as ``dtype`` (empty when there are none)."""
    return np.concatenate(arrays).astype(dtype) if len(arrays) else np.zeros(0, dtype)
