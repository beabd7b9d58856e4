"""The article index as the engine sees it: ``load_articles(paths, cache=...)`` and ``Corpus(..., cache=...)``.

>>> cache = ArticleCache(default_cache_dir())     # or ArticleCache(None): nothing persists
>>> articles = load_articles(["news/"], cache=cache)
>>> corpus = Corpus(articles, cache=cache)         # term matrix from the stored stems

Either way the articles and the corpus are exactly what they are without a cache; only the
time they take changes. The cache also remembers the stems of the articles it loaded last, so
that the corpus is assembled from arrays instead of stemming every sentence again.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import numpy as np
from scipy import sparse

from .cache import IndexStore, default_cache_dir, read_known_stems
from ..errors import InputError
from .ingest import LoadStats, Record, _decode_or_none, _record, build_article, ingest, resolve_id
from ..reading.inputs import InputFile
from ..model import Article
from ..reading.terms import TermAnalyzer

__all__ = ["ArticleCache", "default_cache_dir"]

Warn = Callable[[InputError], None]


class ArticleCache:
    """The persistent index of parsed articles (``directory``), or an in-memory one (None).

    Opened on first use; problems with the index file itself become warnings, never errors.
    ``workers`` is the number of processes that parse new files (default: the machine's cores).
    """

    def __init__(self, directory: Path | str | None, workers: int | None = None) -> None:
        self.directory = Path(directory) if directory is not None else None
        self.workers = workers
        self.analyzer = TermAnalyzer()
        self._store: IndexStore | None = None
        self._warn: Warn | None = None
        self._analyses: dict[int, tuple[Article, Record]] = {}
        self.stats = LoadStats()
        """What the last load did (files from the index, parsed...)."""

    def store(self, warn: Warn | None = None) -> IndexStore:
        """The open index; its own problems go to ``warn`` (the latest one given)."""
        if warn is not None:
            self._warn = warn
        if self._store is None:
            def on_warning(path: str, problem: str) -> None:
                if self._warn is not None:
                    self._warn(InputError(path, problem))

            self._store = IndexStore(self.directory, on_warning)
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
    ) -> list[Article]:
        """Articles of the inputs, exactly as ``load_articles`` makes them without a cache."""
        with _collector_paused():
            return self._load(files, warn, on_progress, stdin)

    def _load(
        self,
        files: Sequence[InputFile],
        warn: Warn,
        on_progress: Callable[[int, int], None] | None,
        stdin: BinaryIO | None,
    ) -> list[Article]:
        store = self.store(warn)
        results, self.stats = ingest(files, store, on_progress, stdin, self.workers)
        self._forget_deleted(files, store)
        analyses: dict[int, tuple[Article, Record]] = {}
        articles: list[Article] = []
        seen_ids: set[str] = set()
        for item, file in zip(files, results):
            for problem in file.problems:
                warn(InputError(item.path, problem))
            for record in file.records:
                article_id = resolve_id(record.id_template, item.id_stem)
                if article_id in seen_ids:
                    unique = _unique_id(article_id, seen_ids)
                    warn(InputError(item.path, f"duplicate article id {article_id!r}, renamed {unique!r}"))
                    article_id = unique
                seen_ids.add(article_id)
                if not len(record.word_counts):
                    path = item.path if record.has_path else None
                    warn(InputError(path or item.path, f"article {article_id!r} has no sentences to summarize, skipped"))
                    continue
                article = build_article(record, article_id, None if item.is_stdin else item.path)
                analyses[id(article)] = (article, record)
                articles.append(article)
        self._analyses = analyses  # the last load only: memory stays bounded
        return articles

    def indexed_articles(self) -> list[Article]:
        """Every article the index holds (of files read by this version of the code), with its
        path; ids are the file names' stems (as reading the file alone would give)."""
        articles = []
        for path, payload in self.store().payloads():
            file = _decode_or_none(payload)
            if file is None:
                continue
            stem = Path(path).stem
            for record in file.records:
                if len(record.word_counts):
                    articles.append(build_article(record, resolve_id(record.id_template, stem), path))
        return articles

    def _forget_deleted(self, files: Sequence[InputFile], store: IndexStore) -> None:
        """Drop stored files that are gone from the folders just read."""
        seen = {os.path.abspath(f.path) for f in files if not f.is_stdin}
        parents = sorted({os.path.dirname(p) for p in seen})
        roots = [r for n, r in enumerate(parents) if not any(_inside(r, q) for q in parents[:n])]
        gone = []
        for root in roots:
            gone.extend(p for p in store.paths_under(root) if p not in seen and not os.path.exists(p))
        store.forget(gone)

    # -- the term matrix -----------------------------------------------------------------------

    def term_matrix(
        self, articles: Sequence[Article], analyzer: TermAnalyzer
    ) -> tuple[dict[str, int], sparse.csr_matrix, np.ndarray] | None:
        """(vocabulary, counts, word counts) as :class:`~summarizer.corpus.Corpus` builds them,
        from stored stems; None when ``analyzer`` is not the one the index stems with."""
        if not _same_analyzer(analyzer, self.analyzer):
            return None
        store = self.store()
        analyzer.know(store.known_stems())  # ranking stems words again: no stemmer needed
        parts: list[Record] = []
        for article in articles:
            known = self._analyses.get(id(article))
            if known is not None and known[0] is article:
                parts.append(known[1])
                continue
            # An article the cache did not load (made by hand, or filtered): stem it here.
            record = _record(article, article.id, article.path is not None, analyzer)
            parts.append(replace(record, terms=store.term_ids(list(record.terms))))
        return assemble(parts, store.stems)


def recall_stems(directory: Path | str | None, analyzer: TermAnalyzer) -> None:
    """Give ``analyzer`` the stems the index at ``directory`` knows, before anything is stemmed
    (topic keywords, a query): words met before need no stemmer, so no NLTK import. The index
    is only read here; whatever is wrong with it is reported when it is opened to load articles."""
    if directory is not None and _same_analyzer(analyzer, TermAnalyzer()):
        analyzer.know(read_known_stems(Path(directory)))


def remember_stems(directory: Path | str | None, analyzer: TermAnalyzer) -> None:
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


@contextmanager
def _collector_paused():
    """No cyclic garbage collection while the model objects are made: they hold no cycles, and
    each full collection walks every object made so far, which made loading grow faster than
    the corpus (10,000 articles: 2.1 s instead of 1.1 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _inside(path: str, directory: str) -> bool:
    return path.startswith(directory.rstrip(os.sep) + os.sep)


def _same_analyzer(a: TermAnalyzer, b: TermAnalyzer) -> bool:
    return (
        type(a) is TermAnalyzer
        and getattr(a, "language", None) == b.language
        and a.stop_words == b.stop_words
    )


def assemble(
    parts: Sequence[Record], stems_of: Callable[[np.ndarray], list[str]]
) -> tuple[dict[str, int], sparse.csr_matrix, np.ndarray]:
    """The corpus term matrix from per-article term arrays, without a loop over terms.

    Terms are numbered in order of first appearance in the corpus, as the sentence-by-sentence
    construction numbers them, so that every array downstream is identical.
    """
    term_lists = [np.asarray(p.terms, dtype=np.int64) for p in parts]
    all_terms = np.concatenate(term_lists) if term_lists else np.zeros(0, dtype=np.int64)
    unique, first = np.unique(all_terms, return_index=True)
    order = np.argsort(first, kind="stable")
    corpus_id = np.empty(len(unique), dtype=np.int64)
    corpus_id[order] = np.arange(len(unique))
    position_to_corpus_id = corpus_id[np.searchsorted(unique, all_terms)]

    term_offsets = np.cumsum([0] + [len(t) for t in term_lists])[:-1]
    nnz = [len(p.indices) for p in parts]
    indices = np.concatenate([p.indices for p in parts]).astype(np.int64) if parts else np.zeros(0, np.int64)
    indices = position_to_corpus_id[indices + np.repeat(term_offsets, nnz)] if len(indices) else indices
    row_offsets = np.cumsum([0] + nnz)
    indptr = np.concatenate(
        [np.zeros(1, dtype=np.int64)] + [p.indptr[1:].astype(np.int64) + off for p, off in zip(parts, row_offsets)]
    )
    data = np.concatenate([p.counts for p in parts]).astype(np.float64) if parts else np.zeros(0)
    rows = len(indptr) - 1
    counts = sparse.csr_matrix((data, indices, indptr), shape=(rows, len(unique)))
    counts.sort_indices()
    counts.sum_duplicates()
    vocabulary = dict(zip(stems_of(unique[order]), range(len(unique))))
    word_counts = (
        np.concatenate([p.word_counts for p in parts]).astype(np.int64) if parts else np.zeros(0, np.int64)
    )
    return vocabulary, counts, word_counts


def _unique_id(base: str, seen: set[str]) -> str:
    n = 2
    while f"{base}~{n}" in seen:
        n += 1
    return f"{base}~{n}"
