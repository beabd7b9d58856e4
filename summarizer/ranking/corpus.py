"""A corpus ready for ranking: every body sentence of every article as a sparse term vector."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
from scipy import sparse

from ..store.index import ArticleCache
from ..model import Article, Sentence
from ..reading.terms import TermAnalyzer, words


class Corpus:
    """Articles plus sentence-level term statistics, built once and shared by every topic.

    ``counts`` is a sentences x terms matrix of raw term counts; ``idf`` is the inverse
    sentence frequency of each term (smoothed), as LexRank uses.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        analyzer: TermAnalyzer | None = None,
        cache: ArticleCache | None = None,
    ) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)
        self.analyzer = analyzer or TermAnalyzer()
        self.sentences: tuple[Sentence, ...] = tuple(s for a in self.articles for s in a.sentences)
        self.article_index = {a.id: i for i, a in enumerate(self.articles)}
        built = cache.term_matrix(self.articles, self.analyzer) if cache is not None else None
        if built is not None:
            # The same matrix, assembled from the stems the index stored (see summarizer.index).
            self.vocabulary, self.counts, self.word_counts = built
        else:
            self._count_terms()
        n = max(len(self.sentences), 1)
        # The inverted index: for each term, the sentences holding it (CSC of the counts).
        self.postings: sparse.csc_matrix = self.counts.tocsc()
        df = np.diff(self.postings.indptr)  # sentences holding each term
        self.document_frequency = df
        self.idf = np.log((n + 1) / (df + 1)) + 1.0
        self.terms = {i: t for t, i in self.vocabulary.items()}
        # Position of each sentence in its article (0 = lead) and the article's position.
        self.positions = np.array([s.index for s in self.sentences], dtype=np.int64)
        self.article_of = np.array([self.article_index[s.article_id] for s in self.sentences], dtype=np.int64)

    def _count_terms(self) -> None:
        self.vocabulary: dict[str, int] = {}
        rows, cols = [], []
        word_counts = []
        for row, sentence in enumerate(self.sentences):
            word_counts.append(len(words(sentence.text)))
            for term in self.analyzer(sentence.text):
                rows.append(row)
                cols.append(self.vocabulary.setdefault(term, len(self.vocabulary)))
        shape = (len(self.sentences), len(self.vocabulary))
        self.counts = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=shape
        )
        self.counts.sum_duplicates()
        self.word_counts = np.array(word_counts, dtype=np.int64)

    def matching(self, terms: Sequence[int]) -> np.ndarray:
        """Sentences holding at least one of the terms, in order: read from the postings,
        so the cost follows the number of matches, not the size of the corpus."""
        postings = self.postings
        hits = [postings.indices[postings.indptr[t] : postings.indptr[t + 1]] for t in terms]
        if not hits:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(hits)).astype(np.int64)

    @cached_property
    def concepts(self):
        """Bigram concepts of every sentence (see :mod:`summarizer.ranking.concepts`), made on first use."""
        from .concepts import concept_table

        return concept_table(self.sentences, self.article_of, self.analyzer)

    def __len__(self) -> int:
        return len(self.sentences)

    def article(self, sentence: Sentence) -> Article:
        return self.articles[self.article_index[sentence.article_id]]

    def term_ids(self, stems: Sequence[str]) -> list[int]:
        return [self.vocabulary[s] for s in stems if s in self.vocabulary]

    def tfidf(self, rows: np.ndarray) -> sparse.csr_matrix:
        """L2-normalised tf-idf vectors of the given sentences (log-scaled term frequency)."""
        sub = self.counts[rows].copy()
        sub.data = np.log1p(sub.data)
        weighted = sub.multiply(self.idf).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ weighted
