"""Ingestion: reading, parsing and analysing input files in worker processes, through the index.

A worker turns one file into *records*: everything :class:`~summarizer.articles.ArticleParser`
found (text, metadata, blocks, sentence offsets) and every sentence's stems, in a form that
depends neither on the file's path nor on the article ids given to it (both are set when the
records become :class:`~summarizer.model.Article` objects, in the order of the inputs). Records
are stored in the index as one compact payload per file, or, for a file of many articles (a JSON
Lines export), as several: one per chunk of its articles, read, parsed, stored and let go in turn, so
that a first run holds one chunk's records however large the file (:class:`Manifest`).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, islice
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from .cache import FileIdentity, IndexStore, content_hash
from ..collector import release_freed_memory
from ..errors import InputError
from ..reading.inputs import InputFile, RawArticle, hash_input, in_lines, parse_input, read_bytes, read_input
from ..model import Article, Block, Sentence

if TYPE_CHECKING:
    from ..reading.articles import ArticleParser
from ..reading.standalone import sentence_flags
from ..reading.terms import TermAnalyzer, WordCodes, words

# Placeholders the worker parses with: the real id stem and id are only known in order.
_STEM = "\x00stem\x00"
_ID = "\x00id\x00"
PARALLEL_MIN_FILES = 48
"""Fewer files to parse than this are parsed in-process: starting workers costs more..."""
SHARED_MIN_ARTICLES = 200
"""...unless one holds this many articles or more: its articles are then shared out."""
SHARE = 50
"""Articles of one file a worker parses at a time."""


@dataclass(frozen=True)
class Record:
    """One article of a file, before it has an id and a path."""

    id_template: str
    """The article id, with :data:`_STEM` where the file's id stem goes."""
    title: str | None
    """None when the parser fell back to the article id."""
    date: str | None
    url: str | None
    has_path: bool
    text: str
    blocks: tuple[tuple[int, int, str, str], ...]
    sentences: np.ndarray
    """int32 (n, 3): paragraph, start, end of each sentence."""
    word_counts: np.ndarray
    terms: tuple[str, ...] | np.ndarray
    """The article's distinct stems in order of first appearance (strings from a worker,
    the index's term ids once stored)."""
    indptr: np.ndarray
    indices: np.ndarray
    """Per sentence (CSR): positions in ``terms``, sorted."""
    counts: np.ndarray
    flags: np.ndarray
    """Per sentence: whether it can stand alone, whether it names someone or a number
    (:mod:`summarizer.reading.standalone`)."""
    concept_stems: tuple[str, ...]
    """The stems of the article's bigram concepts (stop words included), in order of first use."""
    concept_indptr: np.ndarray
    concept_firsts: np.ndarray
    concept_seconds: np.ndarray
    """Per sentence (CSR): its bigrams (:func:`~summarizer.store.concepts.sentence_bigrams`), as
    two positions in ``concept_stems`` each."""


@dataclass
class LoadStats:
    """What one load did with its inputs."""

    files: int = 0
    stored: int = 0
    """Taken from the index without reading the file (identity unchanged)."""
    unchanged: int = 0
    """Read and hashed, found unchanged (touched or copied over), taken from the index."""
    parsed: int = 0
    """Read and parsed (new, edited, or not storable such as stdin)."""


@dataclass(frozen=True)
class FileRecords:
    records: tuple[Record, ...]
    problems: tuple[str, ...]
    """Warnings about the file (``InputError.problem``), replayed on every load."""

    def sentenced(self) -> int:
        """How many of its articles have sentences (what a summary can use)."""
        return sum(1 for record in self.records if len(record.word_counts))


MANIFEST_MAGIC = b"NDPARTS\x00"
"""The first 8 bytes of a manifest; a payload starts with the length of its offset table."""


@dataclass(frozen=True)
class Manifest:
    """What the ``files`` row of a file stored in parts holds instead of a payload: part ``k`` is
    the payload (:func:`payload`) of its articles ``k * per_part`` to ``(k + 1) * per_part``,
    stored by the file's content hash (:meth:`~summarizer.store.cache.IndexStore.put_part`)."""

    sha256: bytes
    parts: int
    per_part: int
    articles: int
    """Records in the file (with or without sentences)."""
    sentenced: int
    """Of them, those with sentences."""
    problems: tuple[str, ...]

    def encode(self) -> bytes:
        body = json.dumps({"sha256": self.sha256.hex(), "parts": self.parts, "per_part": self.per_part,
                           "articles": self.articles, "sentenced": self.sentenced, "problems": self.problems},
                          ensure_ascii=False).encode()
        return MANIFEST_MAGIC + len(body).to_bytes(8, "little") + body

    @classmethod
    def of(cls, stored: bytes | memoryview) -> Manifest | None:
        """The manifest ``stored`` is, None when it is a payload; ValueError when malformed."""
        if bytes(stored[:8]) != MANIFEST_MAGIC:
            return None
        try:
            size = int.from_bytes(stored[8:16], "little")
            return cls._of_body(bytes(stored[16 : 16 + size]))
        except (KeyError, TypeError, ValueError, UnicodeDecodeError) as error:
            raise ValueError(f"malformed manifest: {error}") from None

    @classmethod
    def _of_body(cls, body: bytes) -> Manifest:
        m = json.loads(body)
        manifest = cls(bytes.fromhex(m["sha256"]), int(m["parts"]), int(m["per_part"]), int(m["articles"]),
                       int(m["sentenced"]), tuple(m["problems"]))
        if manifest.per_part < 1 or manifest.parts != -(-manifest.articles // manifest.per_part):
            raise ValueError("parts and articles disagree")
        return manifest

    def part_of(self, number: int) -> tuple[int, int]:
        """(part, place in it) of the file's record ``number``."""
        return divmod(number, self.per_part)


@dataclass(frozen=True)
class PartedFile:
    """A file stored in parts (see :class:`Manifest`): its records are read a part at a time."""

    manifest: Manifest
    read_part: Callable[[int], bytes | None]
    """The stored payload of a part, None when it is gone."""

    @property
    def problems(self) -> tuple[str, ...]:
        return self.manifest.problems

    def sentenced(self) -> int:
        return self.manifest.sentenced

    def parts(self) -> Iterator[tuple[Record, ...]]:
        """Each part's records, in order, decoded when asked for; ValueError when a part is gone or
        damaged (the file's row is then not what was stored: it is read again by the next run)."""
        for part in range(self.manifest.parts):
            stored = self.read_part(part)
            if stored is None:
                raise ValueError(f"part {part} is missing")
            records = decode(stored).records
            expected = min(self.manifest.per_part, self.manifest.articles - part * self.manifest.per_part)
            if len(records) != expected:
                raise ValueError(f"part {part} holds {len(records)} articles, not {expected}")
            yield records


# -- in a worker ---------------------------------------------------------------------------

_parser: ArticleParser | None = None
_analyzer: TermAnalyzer | None = None


def _tools() -> tuple[ArticleParser, TermAnalyzer]:
    global _parser, _analyzer
    if _parser is None or _analyzer is None:
        # Here, not at the top: a run that finds everything in the index compiles none of the
        # parser's hundreds of patterns.
        from ..reading.articles import ArticleParser

        _parser, _analyzer = ArticleParser(), TermAnalyzer()
    return _parser, _analyzer


def parse_file(item: InputFile, data: bytes) -> FileRecords:
    """Records of one input's content (what ``load_articles`` would read, minus ids and path)."""
    raws, problems = read_articles(item, data)
    return FileRecords(tuple(parse_articles(list(raws))), tuple(problems))


def read_articles(item: InputFile, data: bytes | int, sha: bytes | None = None) -> tuple[Iterator[RawArticle], list[str]]:
    """The articles of one input before parsing, as they are read, and the problems met reading
    them (all of them once the articles are). ``data``: its content, or the size it had when it was
    hashed for a file read as it is parsed (a JSON Lines export, see :func:`_read_changed`): its
    first ``data`` bytes must still hash to ``sha``."""
    problems: list[str] = []
    stub = InputFile(item.path, _STEM, item.is_stdin, item.named)
    if isinstance(data, int):
        return _streamed(stub, problems, sha, data), problems
    try:
        raws = parse_input(stub, data, lambda error: problems.append(error.problem))
    except InputError as error:
        problems.append(error.problem)
        raws = []
    return iter(raws), problems


def _streamed(item: InputFile, problems: list[str], sha: bytes | None, size: int) -> Iterator[RawArticle]:
    # Only what was hashed: lines a crawler appends meanwhile are for the next run.
    digest = hashlib.sha256()
    try:
        yield from read_input(item, lambda error: problems.append(error.problem), digest=digest, size=size)
    except InputError as error:
        problems.append(error.problem)
        return
    if digest.digest() != sha:  # what was parsed is not what is stored under ``sha``
        raise InputError(item.path, "changed while it was being read; run again")


def parse_articles(raws: Sequence[RawArticle]) -> list[Record]:
    """The records of articles read from one input (a share of them, in a worker: see :func:`_run`)."""
    from ..reading.articles import Metadata

    parser, analyzer = _tools()
    records = []
    for raw in raws:
        meta = raw.meta
        article = parser(raw.text, Metadata(_ID, meta.title, meta.date, meta.path, meta.url))
        records.append(_record(article, meta.id, meta.path is not None, analyzer))
    return records


def _record(article: Article, id_template: str, has_path: bool, analyzer: TermAnalyzer) -> Record:
    sentences = article.sentences
    written = [words(sentence.text) for sentence in sentences]
    word_counts = [len(w) for w in written]
    n = len(sentences)
    coder = _coder(analyzer)
    codes = coder.codes(list(chain.from_iterable(written)))
    # Which sentence each word is in; the article's terms numbered in order of first appearance
    # (the vocabulary), and each sentence's distinct terms in that numbering, sorted, with counts.
    holder = np.repeat(np.arange(n, dtype=np.int64), word_counts)
    term_of = coder.terms[codes]
    has_term = term_of >= 0
    vocabulary, columns = _first_seen(term_of[has_term])
    width = max(len(vocabulary), 1)
    cells, counts = np.unique(holder[has_term] * width + columns, return_counts=True)
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(cells // width, minlength=n), out=indptr[1:])
    # Bigram concepts (see concepts.sentence_bigrams): adjacent words of a sentence, not both stop
    # words; their stems numbered in order of first use, the first word's before the second's.
    stems, stops = coder.stems[codes], coder.stops[codes]
    pair = (holder[1:] == holder[:-1]) & ~(stops[1:] & stops[:-1])
    both = np.empty(2 * int(pair.sum()), dtype=np.int64)
    both[0::2], both[1::2] = stems[:-1][pair], stems[1:][pair]
    concept_stems, concept_codes = _first_seen(both)
    concept_indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(holder[:-1][pair], minlength=n), out=concept_indptr[1:])
    strings = coder.strings
    return Record(
        id_template=id_template,
        title=None if article.title == _ID else article.title,
        date=article.date,
        url=article.url,
        has_path=has_path,
        text=article.text,
        blocks=tuple((b.start, b.end, b.kind, b.reason) for b in article.blocks),
        sentences=np.array([(s.paragraph, s.start, s.end) for s in sentences], dtype=np.int32).reshape(-1, 3),
        word_counts=np.array(word_counts, dtype=np.int32),
        terms=tuple(map(strings.__getitem__, vocabulary)),
        indptr=indptr,
        indices=(cells % width).astype(np.int32),
        counts=counts.astype(np.int32),
        flags=np.array(sentence_flags(article, word_counts), dtype=np.int32),
        concept_stems=tuple(map(strings.__getitem__, concept_stems)),
        concept_indptr=concept_indptr,
        concept_firsts=concept_codes[0::2].astype(np.int32),
        concept_seconds=concept_codes[1::2].astype(np.int32),
    )


def _first_seen(values: np.ndarray) -> tuple[list[int], np.ndarray]:
    """(the distinct values in order of first appearance, each value's place in that list)."""
    distinct, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[order] = np.arange(len(distinct))
    return distinct[order].tolist(), rank[inverse.reshape(-1)]


_coders: dict[int, WordCodes] = {}


def _coder(analyzer: TermAnalyzer) -> WordCodes:
    """The word numbering of ``analyzer`` (one per analyzer, kept while it lives)."""
    coder = _coders.get(id(analyzer))
    if coder is None or coder.analyzer is not analyzer:
        _coders.clear()
        coder = _coders[id(analyzer)] = WordCodes(analyzer)
    return coder


@dataclass(frozen=True)
class _Job:
    item: InputFile
    known_sha: bytes | None
    per_part: int = 0
    """Articles per part when a file holding more is stored in parts (0: never)."""


@dataclass(frozen=True)
class Encoded:
    """A file's records encoded by the worker that parsed them, all but their term ids (the
    index's numbering, given in the main process): :func:`payload` completes them. Sent back
    instead of the records themselves, it costs one copy of bytes to pass between processes, and
    the main process no longer encodes what it stores."""

    front: bytes
    """The texts and the JSON header (see :func:`encode_parts`)."""
    small: bytes
    stems: tuple[str, ...]
    """Every record's terms, one record after the other (what the term ids will name)."""
    sentenced: int = 0
    """Records with sentences."""
    articles: int = 0
    """Records."""


@dataclass
class _Parts:
    """A file of more than a part's articles, read and parsed a part at a time as ``encoded`` is
    iterated in the main process (each part: its records encoded, and the stems its workers
    learned); ``problems`` are all there once it is."""

    problems: list[str]
    encoded: Iterator[tuple[Encoded, tuple[tuple[str, str], ...]]]


@dataclass(frozen=True)
class _InMain:
    """A worker's answer for a file of many articles: read it in the main process, a part at a time."""


@dataclass(frozen=True)
class _Outcome:
    sha: bytes | None
    """None when the file could not be read (nothing to store)."""
    records: FileRecords | Encoded | _Parts | _InMain | None
    """None when the content hash matched ``known_sha``: the stored records still hold;
    the problem in a ``FileRecords`` when the file could not be read."""
    stems: tuple[tuple[str, str], ...] = ()
    """Words the worker's stemmer stemmed for the first time (for the index's stem table)."""


def _work(job: _Job) -> _Outcome:
    read = _read_changed(job)
    if isinstance(read, _Outcome):
        return read
    sha, data = read
    del read
    raws, problems = read_articles(job.item, data, sha)
    del data
    first = list(islice(raws, job.per_part + 1)) if job.per_part else list(raws)
    if len(first) > job.per_part > 0:
        return _Outcome(sha, _InMain())  # stored in parts: the main process reads it a part at a time
    return _Outcome(sha, _encoded(FileRecords(tuple(parse_articles(first)), tuple(problems))), learned_stems())


def _read_changed(job: _Job) -> _Outcome | tuple[bytes, bytes | int]:
    """(the content hash, the content) of the job's file, or its outcome when there is nothing
    to parse: it could not be read, or its content is the one stored. For a JSON Lines file stored
    in parts, its size in place of the content: hashed here, it is read again, a line at a time,
    as it is parsed. A store that keeps no parts (a server) reads it whole, under the size limit, as any
    file: it holds every article's records at once."""
    try:
        if job.per_part and in_lines(job.item):
            digest = hashlib.sha256()
            data = hash_input(job.item, digest)
            sha = digest.digest()
        else:
            data = read_bytes(job.item)
            sha = content_hash(data)
    except InputError as error:
        return _Outcome(None, FileRecords((), (error.problem,)))
    return _Outcome(sha, None) if sha == job.known_sha else (sha, data)


def learned_stems() -> tuple[tuple[str, str], ...]:
    """The words this process's analyzer stemmed since the last call, with their stems."""
    _, analyzer = _tools()
    learned = tuple(analyzer.learned.items())
    analyzer.learned.clear()
    return learned


# -- payloads ------------------------------------------------------------------------------


def encode(file: FileRecords, term_ids: Sequence[np.ndarray]) -> bytes:
    """One file's records as bytes: the articles' texts, each on its own (see :func:`decode_text`),
    then a JSON header, int64 term ids and int32 arrays.

    Layout: an 8-byte length T, T bytes of int64 offsets (one more than the articles), the texts
    (each the UTF-8 JSON of ``[text, blocks]``, where the offsets say), then the header's 8-byte
    length and the header, the term ids' 8-byte length and the term ids, and the int32 arrays."""
    front, small = encode_parts(file)
    ids = [np.asarray(terms, dtype=np.int64) for terms in term_ids]
    return payload(front, np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64), small)


def encode_parts(file: FileRecords) -> tuple[bytes, bytes]:
    """The parts of :func:`encode` that do not depend on the term ids: (the texts and the header,
    the int32 arrays)."""
    articles, arrays, texts = [], [], []
    for record in file.records:
        articles.append({
            "id": record.id_template, "title": record.title, "date": record.date, "url": record.url,
            "has_path": record.has_path, "n": len(record.word_counts), "nnz": len(record.indices),
            "terms": len(record.terms), "concept_stems": record.concept_stems, "bigrams": len(record.concept_firsts),
        })
        texts.append(json.dumps([record.text, record.blocks], ensure_ascii=False).encode())
        arrays.extend([record.sentences.ravel(), record.word_counts, record.indptr, record.indices, record.counts,
                       record.flags, record.concept_indptr, record.concept_firsts, record.concept_seconds])
    header = json.dumps({"problems": file.problems, "articles": articles}, ensure_ascii=False).encode()
    small = np.concatenate(arrays).astype("<i4").tobytes() if arrays else b""
    offsets = np.cumsum([0] + [len(t) for t in texts]).astype("<i8").tobytes()
    front = b"".join((len(offsets).to_bytes(8, "little"), offsets, *texts, len(header).to_bytes(8, "little"), header))
    return front, small


def payload(front: bytes, term_ids: np.ndarray, small: bytes) -> bytes:
    """The stored bytes of a file: its texts and header, and its int32 arrays (:func:`encode_parts`),
    around the term ids of all its records, one record after the other."""
    ints = np.asarray(term_ids).astype("<i8").tobytes()
    return front + len(ints).to_bytes(8, "little") + ints + small


def decode_text(read: Callable[[int, int], bytes | None], number: int,
                read_part: Callable[[int, int, int], bytes | None] | None = None) -> tuple[str, tuple] | None:
    """(text, blocks) of the article at ``number`` of a payload, from three small reads of it
    (``read(start, length)``), not the whole: a summary shows a handful of a file's articles. For
    a file stored in parts, ``read`` gives its manifest and ``read_part(part, start, length)`` the
    part's payload. None when the payload is gone; ValueError when it is not one of ours."""
    try:
        head = read(0, 8)
        if head is None:
            return None
        if head == MANIFEST_MAGIC:
            size = read(8, 8)
            body = read(16, int.from_bytes(size, "little")) if size is not None else None
            if body is None:
                return None
            manifest = Manifest._of_body(body)
            if read_part is None or not 0 <= number < manifest.articles:
                raise ValueError("no such article")
            part, place = manifest.part_of(number)
            return decode_text(lambda start, length: read_part(part, start, length), place)
        table = int.from_bytes(head, "little")
        if len(head) != 8 or table % 8 or not 0 <= number < table // 8 - 1:
            raise ValueError("no such article")
        bounds = read(8 + 8 * number, 16)
        if bounds is None:
            return None
        start, end = (int(x) for x in np.frombuffer(bounds, dtype="<i8", count=2))
        chunk = read(8 + table + start, end - start)
        if chunk is None:
            return None
        text, blocks = json.loads(chunk)
        return text, tuple(tuple(b) for b in blocks)
    except (TypeError, ValueError, KeyError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise ValueError(f"malformed payload: {error}") from None


def payload_sections(payload: bytes | memoryview) -> tuple[list[int], dict, np.ndarray, np.ndarray]:
    """(where each text starts and the texts end, after the offset table; the header; the int64
    term ids; the int32 arrays) of a payload (see :func:`payload`). Reads no text."""
    view = memoryview(payload)
    table = int.from_bytes(view[:8], "little")
    offsets = np.frombuffer(view, dtype="<i8", count=table // 8, offset=8).tolist()
    at = 8 + table + offsets[-1]
    size = int.from_bytes(view[at : at + 8], "little")
    header = json.loads(bytes(view[at + 8 : at + 8 + size]))
    at += 8 + size
    isize = int.from_bytes(view[at : at + 8], "little")
    ints = np.frombuffer(view, dtype="<i8", count=isize // 8, offset=at + 8)
    small = np.frombuffer(view, dtype="<i4", offset=at + 8 + isize)
    return offsets, header, ints, small


def decode(payload: bytes) -> FileRecords:
    """Inverse of :func:`encode` (term ids in ``Record.terms``); ValueError when malformed."""
    try:
        offsets, header, ints, small = payload_sections(payload)
        base = 8 + 8 * len(offsets)
        texts = [json.loads(payload[base + a : base + b]) for a, b in zip(offsets, offsets[1:])]
        records = []
        i = j = 0
        if len(texts) != len(header["articles"]):
            raise ValueError("texts and articles differ in number")
        for a, (text, blocks) in zip(header["articles"], texts):
            n, nnz, terms, bigrams = a["n"], a["nnz"], a["terms"], a["bigrams"]
            parts = []
            for length in (3 * n, n, n + 1, nnz, nnz, n, n + 1, bigrams, bigrams):
                parts.append(small[j : j + length])
                j += length
            records.append(Record(
                a["id"], a["title"], a["date"], a["url"], a["has_path"], text,
                tuple(tuple(b) for b in blocks), parts[0].reshape(n, 3), parts[1],
                ints[i : i + terms], parts[2], parts[3], parts[4],
                parts[5], tuple(a["concept_stems"]), parts[6], parts[7], parts[8],
            ))
            i += terms
        if i != len(ints) or j != len(small):
            raise ValueError("payload size mismatch")
        return FileRecords(tuple(records), tuple(header["problems"]))
    except (KeyError, TypeError, IndexError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"malformed payload: {error}") from None


# -- in the main process -------------------------------------------------------------------


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest(
    files: Sequence[InputFile],
    store: IndexStore,
    on_progress: Callable[[int, int], None] | None = None,
    stdin: BinaryIO | None = None,
    workers: int | None = None,
    pool: WorkerPool | None = None,
    per_part: int = 0,
) -> tuple[list[FileRecords | PartedFile], LoadStats, list[bytes | None]]:
    """Records of every input, in order: from the index when the file is unchanged, else parsed
    (in ``workers`` processes when there are many) and stored; and each file's content hash
    (None for what is not stored: stdin, pipes, unreadable files). ``pool``: workers kept for
    several calls (a load reading its files a chunk at a time), else started for this one, when
    first needed.

    ``per_part``: a file of more articles than this is parsed and stored a part of that many
    articles at a time, and comes back as a :class:`PartedFile` whose parts are read from the
    index when iterated (0: every file whole, as a store without parts needs)."""
    if pool is None:
        with WorkerPool() as owned:
            return _ingest(files, store, on_progress, stdin, workers, owned, per_part)
    return _ingest(files, store, on_progress, stdin, workers, pool, per_part)


def _ingest(
    files: Sequence[InputFile],
    store: IndexStore,
    on_progress: Callable[[int, int], None] | None,
    stdin: BinaryIO | None,
    workers: int | None,
    pool: WorkerPool,
    per_part: int,
) -> tuple[list[FileRecords | PartedFile], LoadStats, list[bytes | None]]:
    per_part = per_part if hasattr(store, "put_part") else 0
    total = len(files)
    stats = LoadStats(files=total)
    results: list[FileRecords | PartedFile | None] = [None] * total
    shas: list[bytes | None] = [None] * total
    done = 0

    def progress() -> None:
        if on_progress:
            on_progress(done, total)

    if total:
        progress()  # how many files there are, before the first one is read (a cold start is slow)
    keys: dict[int, tuple[str, FileIdentity]] = {}
    for n, item in enumerate(files):
        if item.is_stdin:
            continue
        info = item.info  # stat'ed when found in a folder
        if info is None:
            try:
                info = os.stat(item.path)
            except OSError:
                continue  # reading it reports the problem
        if stat.S_ISREG(info.st_mode):
            keys[n] = (os.path.abspath(item.path), FileIdentity.of(info))
    stored = store.entries([path for path, _ in keys.values()])

    pending_stems: list[tuple[str, str]] = []  # words stemmed for the first time, for the index
    jobs: list[tuple[int, _Job]] = []
    for n, item in enumerate(files):
        key = keys.get(n)
        entry = stored.get(key[0]) if key else None
        if key and entry and entry.identity == key[1]:
            decoded = _decode_or_none(entry.payload, store)
            if decoded is not None:
                results[n] = decoded
                shas[n] = entry.sha256
                stats.stored += 1
                done += 1
                progress()
                continue
            entry = None
        if item.is_stdin or not key:
            # stdin and pipes are read once, here, and never stored.
            try:
                data = read_bytes(item, stdin)
            except InputError as error:
                results[n] = FileRecords((), (error.problem,))
            else:
                parsed = parse_file(item, data)
                pending_stems.extend(learned_stems())
                results[n] = _with_ids(parsed, store)
                stats.parsed += 1
            done += 1
            progress()
            continue
        jobs.append((n, _Job(item, entry.sha256 if entry else None, per_part)))

    pending_put: list[tuple[str, FileIdentity, bytes, bytes]] = []
    pending_touch: list[tuple[str, FileIdentity]] = []
    pending_records: list[tuple[int, str, FileIdentity, bytes, Encoded]] = []

    def flush() -> None:
        # Term ids for the whole batch in one transaction, then the files in another.
        stems = list(chain.from_iterable(e.stems for _, _, _, _, e in pending_records))
        ids = store.term_ids(stems) if stems else np.zeros(0, dtype=np.int64)
        at = 0
        for n, path, identity, sha, encoded in pending_records:
            stored = payload(encoded.front, ids[at : at + len(encoded.stems)], encoded.small)
            at += len(encoded.stems)
            pending_put.append((path, identity, sha, stored))
            results[n] = decode(stored)
        store.put(pending_put)
        store.touch(pending_touch)
        store.put_stems(pending_stems)
        pending_stems.clear()
        pending_records.clear()
        pending_put.clear()
        pending_touch.clear()

    def store_parts(n: int, path: str, identity: FileIdentity, sha: bytes, parts: _Parts) -> None:
        # Each part stored as it is parsed and let go; the file's row (its manifest) once all are.
        count, articles, sentenced = 0, 0, 0
        for count, (encoded, stems) in enumerate(parts.encoded, 1):
            ids = store.term_ids(list(encoded.stems)) if encoded.stems else np.zeros(0, dtype=np.int64)
            store.put_part(sha, count - 1, payload(encoded.front, ids, encoded.small))  # type: ignore[attr-defined]
            pending_stems.extend(stems)
            articles += encoded.articles
            sentenced += encoded.sentenced
            del encoded, ids
            release_freed_memory()
        manifest = Manifest(sha, count, per_part, articles, sentenced, tuple(parts.problems))
        pending_put.append((path, identity, sha, manifest.encode()))
        results[n] = PartedFile(manifest, partial(store.part, sha))  # type: ignore[attr-defined]

    cores = workers or available_cores()
    outcomes = _run(jobs, cores, pool, per_part)
    for (n, job), outcome in zip(jobs, outcomes):
        path, identity = keys[n]
        if outcome.sha is None:
            assert outcome.records is not None
            results[n] = outcome.records  # type: ignore[assignment]  # unreadable: warn, store nothing
        elif outcome.records is None:
            results[n] = _decode_or_none(stored[path].payload, store)
            shas[n] = outcome.sha
            pending_touch.append((path, identity))
            stats.unchanged += 1
        elif isinstance(outcome.records, (_InMain, _Parts)):
            if isinstance(outcome.records, _InMain):  # a worker found it large: read again here, a part at a time
                outcome = _outcome_of(_read_changed(replace(job, known_sha=None)), job.item, per_part, cores, pool)
            if outcome.sha is None:  # unreadable since
                results[n] = outcome.records  # type: ignore[assignment]
            elif isinstance(outcome.records, _Parts):
                store_parts(n, path, identity, outcome.sha, outcome.records)
            else:  # changed since the worker read it, and not that large any more
                assert isinstance(outcome.records, Encoded)
                pending_records.append((n, path, identity, outcome.sha, outcome.records))
                pending_stems.extend(outcome.stems)
            shas[n] = outcome.sha
            stats.parsed += 1
        else:
            assert isinstance(outcome.records, Encoded)
            pending_records.append((n, path, identity, outcome.sha, outcome.records))
            shas[n] = outcome.sha
            pending_stems.extend(outcome.stems)
            stats.parsed += 1
        if len(pending_records) >= 256:
            flush()
        done += 1
        progress()
    flush()
    return [r if r is not None else FileRecords((), ()) for r in results], stats, shas


def _run(jobs: list[tuple[int, _Job]], cores: int, pool: WorkerPool, per_part: int):
    """The jobs' outcomes in order, in worker processes when that pays: files shared out among
    them, or, when there are few files, the articles of each file (a JSON Lines export of 10,000
    articles is one file)."""
    if cores <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        return _shared_articles(jobs, cores, pool, per_part)
    chunk = max(1, min(16, len(jobs) // (cores * 8)))
    return pool.imap(_work, (job for _, job in jobs), cores, chunk)


class WorkerPool:
    """Parsing workers kept from one :func:`ingest` to the next, started when first needed: their
    parser, splitter and stems stay warm, and a chunk's last files are not parsed while the other
    workers wait (a pool started per chunk of 2,000 files made a cold run 10% slower). Use as a
    context manager; the workers stop with it.

    multiprocessing's Pool, not concurrent.futures: on Ctrl-C or SIGTERM its terminate() stops
    the workers and its own threads. Shutting down a ProcessPoolExecutor instead waited for
    workers blocked on its call queue, or, with the workers killed, for its manager thread at
    exit: both seen to hang for minutes under load."""

    def __init__(self) -> None:
        self._pool = None

    def imap(self, function, items, cores, chunk=1):
        """``function`` of each item, in order, in the workers."""
        if self._pool is None:
            self._pool = _start_pool(cores)
        try:
            yield from self._pool.imap(function, items, chunksize=chunk)
        except GeneratorExit:
            raise  # the caller took every outcome it wanted: the workers wait for the next chunk
        except BaseException:
            self._stop(interrupted=True)
            raise

    def _stop(self, interrupted: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            if interrupted:
                pool.terminate()  # interrupted (Ctrl-C, SIGTERM, an error): drop the files not done yet
            else:
                pool.close()
            pool.join()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self._stop(interrupted=kind is not None)


def _shared_articles(jobs: list[tuple[int, _Job]], cores: int, pool: WorkerPool, per_part: int):
    """Each job's outcome, its file's articles parsed by ``cores`` workers when it holds many
    (the workers start with the first such file)."""
    for _, job in jobs:
        yield _outcome_of(_read_changed(job), job.item, per_part, cores, pool)


def _outcome_of(read: _Outcome | tuple[bytes, bytes | int], item: InputFile, per_part: int, cores: int,
                pool: WorkerPool) -> _Outcome:
    """The outcome of a file read in this process (see :func:`_read_changed`): its records encoded,
    or, beyond ``per_part`` articles (when not 0), its parts to read and parse as they are taken."""
    if isinstance(read, _Outcome):
        return read
    sha, data = read
    del read
    raws, problems = read_articles(item, data, sha)
    del data
    first = list(islice(raws, max(per_part + 1, SHARED_MIN_ARTICLES))) if per_part else list(raws)
    if len(first) > per_part > 0:
        workers = cores if len(first) >= SHARED_MIN_ARTICLES else 1
        return _Outcome(sha, _Parts(problems, _encoded_parts(chain(first, raws), per_part, workers, pool)))
    parsed, stems = [], []
    for records, learned in _parsed(first, cores, pool):
        parsed.extend(records)
        stems.extend(learned)
    return _Outcome(sha, _encoded(FileRecords(tuple(parsed), tuple(problems))), tuple(stems))


def _parsed(raws: list[RawArticle], cores: int, pool: WorkerPool):
    """(records, stems learned) of shares of ``raws``, in order: in this process when they are few."""
    if cores <= 1 or len(raws) < SHARED_MIN_ARTICLES:
        yield parse_articles(raws), learned_stems()
        return
    shares = [raws[start : start + SHARE] for start in range(0, len(raws), SHARE)]
    yield from pool.imap(_parse_share, shares, cores)


def _encoded_parts(raws: Iterator[RawArticle], per_part: int, cores: int, pool: WorkerPool):
    """Each part of ``raws`` (``per_part`` articles, read as they are asked for) encoded, with the
    stems learned parsing it. The workers parse every share of the file in turn (a part's last share
    is not waited for while the others are idle); the raw articles of each part are let go once
    it is sent to them."""
    if cores <= 1:
        while part := list(islice(raws, per_part)):
            records = parse_articles(part)
            del part
            yield _encoded(FileRecords(tuple(records), ())), learned_stems()
        return
    records: list[Record] = []
    stems: list[tuple[str, str]] = []
    for parsed, learned in pool.imap(_parse_share, _shares(raws, per_part, min(SHARE, per_part)), cores):
        records.extend(parsed)
        stems.extend(learned)
        if len(records) == per_part:
            encoded, learned_here = _encoded(FileRecords(tuple(records), ())), tuple(stems)
            records, stems, parsed = [], [], []  # the part's records let go before it is stored
            yield encoded, learned_here
    if records:
        yield _encoded(FileRecords(tuple(records), ())), tuple(stems)


def _shares(raws: Iterator[RawArticle], per_part: int, size: int) -> Iterator[list[RawArticle]]:
    """``raws`` in shares of ``size`` articles, none across two parts (read in the pool's thread
    that hands out the work: it takes a share as a worker is ready for it)."""
    while part := list(islice(raws, per_part)):
        for start in range(0, len(part), size):
            yield part[start : start + size]


def _parse_share(raws: list[RawArticle]) -> tuple[list[Record], tuple[tuple[str, str], ...]]:
    """In a worker: the records of a share of one file's articles, and the stems it learned."""
    return parse_articles(raws), learned_stems()


def _encoded(records: FileRecords) -> Encoded:
    front, small = encode_parts(records)
    return Encoded(front, small, tuple(chain.from_iterable(r.terms for r in records.records)), records.sentenced(),
                   len(records.records))


def _widen_results_pipe(pool) -> None:
    """Let the pipe the workers send results through hold 1 MiB (Linux; 64 KiB by default): a
    chunk of results is 100 to 200 KB, and a worker writing it waited, between two 64 KiB reads,
    for the main process's thread that reads results to get the interpreter lock back."""
    try:
        import fcntl

        fcntl.fcntl(pool._outqueue._writer.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (AttributeError, OSError, ValueError, ImportError):
        pass  # not Linux, or not allowed: results just wait longer


def _start_pool(cores: int):
    import multiprocessing  # here: a run that parses nothing starts no pool

    warm_up()
    # Ctrl-C or SIGTERM landing while a worker is forked would be lost: Python runs the handler
    # inside an at-fork hook (logging's), which swallows the exception ("Exception ignored in
    # _releaseLock") and the run went on to the end. Held until the pool is up, they arrive then.
    mask = getattr(signal, "pthread_sigmask", None)  # POSIX
    held = mask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}) if mask else None
    try:
        pool = multiprocessing.Pool(processes=cores, initializer=_quiet_worker)
    finally:
        if mask:
            mask(signal.SIG_SETMASK, held)
    _widen_results_pipe(pool)
    return pool


def warm_up() -> None:
    """Parse a line in this process before workers are forked from it: they inherit the parser,
    the sentence splitter and the stemmer loaded once (0.4 s of imports each, NLTK's among them),
    and so does this process, which stems the topics' new words after a first read. The stems it
    learns are kept with the others (this process's are stored at the end of the run)."""
    parse_file(InputFile("warm-up.txt", "warm-up"), b"Talks resumed on Monday. Aid arrived.")


def _quiet_worker() -> None:
    """Workers leave Ctrl-C and SIGTERM to the main process, which stops them: a worker
    interrupted while idle would print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})  # forked while held
    # A worker never outlives the process that started it: one forked while the pool was being
    # stopped was left waiting on a lock, holding the terminal's stdout and stderr open.
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: terminate() is all there is
        pass


_PR_SET_PDEATHSIG = 1


def _with_ids(file: FileRecords, store: IndexStore) -> FileRecords:
    """Records read in-process (not stored): term ids instead of stems."""
    stems = [s for r in file.records for s in r.terms]
    ids = store.term_ids(stems) if stems else np.zeros(0, dtype=np.int64)
    out, at = [], 0
    for record in file.records:
        out.append(replace(record, terms=ids[at : at + len(record.terms)]))
        at += len(record.terms)
    return FileRecords(tuple(out), file.problems)


def _decode_or_none(payload: bytes, store: object = None) -> FileRecords | PartedFile | None:
    """A stored file's records, or its parts from ``store`` (a file stored in parts, all of whose
    parts ``store`` has); None when the row is damaged or a part is gone: the file is parsed again."""
    try:
        manifest = Manifest.of(payload)
        if manifest is None:
            return decode(payload)
    except ValueError:
        return None  # a damaged row: parse the file again
    if not hasattr(store, "part_count") or store.part_count(manifest.sha256) != manifest.parts:
        return None
    return PartedFile(manifest, partial(store.part, manifest.sha256))


def resolve_id(template: str, id_stem: str) -> str:
    return template.replace(_STEM, id_stem, 1) if template.startswith(_STEM) else template


def blocks_of(blocks: Sequence[tuple[int, int, str, str]]) -> tuple[Block, ...]:
    return tuple(Block(i, s, e, kind, reason) for i, (s, e, kind, reason) in enumerate(blocks))  # type: ignore[arg-type]


def build_article(record: Record, article_id: str, path: str | None) -> Article:
    """The model object for a record, once its id is final."""
    text = record.text
    sentences = tuple(
        Sentence(article_id, k, p, s, e, text[s:e])
        for k, (p, s, e) in enumerate(record.sentences.tolist())
    )
    blocks = blocks_of(record.blocks)
    return Article(
        id=article_id,
        title=record.title or article_id,
        text=text,
        date=record.date,
        path=path if record.has_path else None,
        url=record.url,
        blocks=blocks,
        sentences=sentences,
    )
