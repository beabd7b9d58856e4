"""Update summaries: what the reader has already read, as an input of ranking and selection.

A :class:`ReadSet` holds the sentences of the articles already read. Selection uses it twice
(see :mod:`summarizer.ranking.selection` and :mod:`summarizer.ranking.coverage`):

- a candidate most of whose content one read sentence already holds (a share of at least
  ``ReadSet.repeat`` of its content words, weighted by rarity) restates that sentence: it is
  left out (and reported, with the read sentence);
- the bigram concepts that read articles already hold are worth ``ReadSet.discount`` of their
  weight, so that the budget goes to what is new (the update task of DUC 2007 / TAC 2008).

With no read set every stage runs exactly as before: generic summaries do not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from ..matrices import sparse

from ..model import Article, Sentence
from ..reading.terms import TermAnalyzer, words
from .corpus import Corpus
from .answers import figures, number_value, quantities

DEFAULT_REPEAT = 0.55
"""Share of a candidate's content (idf-weighted words) in one read sentence from which it repeats
that sentence (tuned on DUC 2007 B)."""
DEFAULT_DISCOUNT = 0.75
"""What a concept already read is still worth, as a share of its weight (tuned on DUC 2007 B)."""


@dataclass(frozen=True)
class ReadMatch:
    """The read sentence most like a candidate."""

    sentence: Sentence
    similarity: float


class ReadSet:
    """The sentences of the articles the reader has already read (``articles``).

    ``repeat`` and ``discount`` are the two knobs described in the module docstring (None: the
    module's defaults).
    """

    def __init__(
        self,
        articles: Sequence[Article],
        analyzer: TermAnalyzer | None = None,
        repeat: float | None = None,
        discount: float | None = None,
        corpus: Corpus | None = None,
    ) -> None:
        """``corpus``: the read articles' corpus, when a run has it from the index (then no read
        sentence is parsed again: 10,000 read articles took 10 s, and each sentence is made only
        when a summary reports it); made from their text when not given."""
        self.articles: tuple[Article, ...] = tuple(articles)
        self.analyzer = analyzer or TermAnalyzer()
        self.repeat = DEFAULT_REPEAT if repeat is None else repeat
        self.discount = DEFAULT_DISCOUNT if discount is None else discount
        read = corpus if corpus is not None else Corpus(self.articles, self.analyzer)
        self.sentences: Sequence[Sentence] = read.sentences
        self._held, self._names = read.counts, read.terms
        """Read sentences x their terms, and each term's stem."""
        self.stems: frozenset[str] = frozenset(read.terms)
        self.concepts: frozenset[tuple[str, str]] = read.concept_pairs()
        self._terms_for: tuple[object, sparse.csr_matrix] | None = None

    def __len__(self) -> int:
        return len(self.sentences)

    def terms(self, corpus) -> sparse.csr_matrix:
        """Read sentences x the corpus's terms, 1 where the sentence holds the term (terms the
        corpus lacks are left out: no candidate holds them)."""
        if self._terms_for is not None and self._terms_for[0] is corpus:
            return self._terms_for[1]
        vocabulary = corpus.vocabulary
        column_of = np.fromiter((vocabulary.get(t, -1) for t in self._names), dtype=np.int64, count=len(self._names))
        held = self._held
        columns = column_of[held.indices]
        rows = np.repeat(np.arange(held.shape[0]), np.diff(held.indptr))
        kept = columns >= 0
        matrix = sparse.csr_matrix(
            (np.ones(int(kept.sum())), (rows[kept], columns[kept])), shape=(len(self.sentences), len(vocabulary))
        )
        self._terms_for = (corpus, matrix)  # one corpus at a time: memory stays bounded
        return matrix

    def together(self, stems: frozenset[str]) -> frozenset[str]:
        """Which of the ``stems`` (a topic's words) a read sentence holds beside another of them: the
        topic's words used in its sense in what was read (see
        :func:`~summarizer.ranking.ranker.in_the_topics_sense`)."""
        columns = [n for n, stem in enumerate(self._names) if stem in stems]
        if len(columns) < 2:
            return frozenset()
        held = (self._held[:, columns] > 0).astype(np.float64).tocsr()
        both = np.asarray(held.sum(axis=1)).ravel() >= 2
        used = np.asarray(held[both].sum(axis=0)).ravel() > 0
        return frozenset(self._names[columns[n]] for n in np.flatnonzero(used))

    def closest(self, corpus, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For the corpus sentences ``rows``: (the largest share of a sentence's content that one
        read sentence holds, the index of that read sentence, -1 when none shares a term).

        The share is idf-weighted: the rare words of the sentence (names, numbers, what happened)
        decide, not the common ones.
        """
        n = len(rows)
        if not len(self.sentences) or not n:
            return np.zeros(n), np.full(n, -1, dtype=np.int64)
        held = corpus.counts[rows].copy()
        held.data[:] = 1.0
        weighted = held.multiply(corpus.idf).tocsr()
        total = np.asarray(weighted.sum(axis=1)).ravel()
        total[total == 0] = 1.0
        shared = (weighted @ self.terms(corpus).T).tocsr()
        best = np.zeros(n)
        which = np.full(n, -1, dtype=np.int64)
        for i in range(n):
            a, b = shared.indptr[i], shared.indptr[i + 1]
            if a < b:
                k = int(np.argmax(shared.data[a:b]))
                best[i] = shared.data[a + k] / total[i]
                which[i] = shared.indices[a + k]
        return best, which

    def new_words(self, text: str, closest: str | None = None) -> tuple[str, ...]:
        """Content words of ``text`` that no read sentence holds (as written, lower-cased, once each),
        and the figures it gives that the ``closest`` read sentence does not ("19" after "Fourteen
        people have now been infected": a count that rose is what is new)."""
        found: dict[str, None] = {}
        written = words(text)
        known = figures(closest) if closest is not None else None
        for word, is_figure in zip(written, quantities(written)):
            lowered = word.lower()
            if known is not None and is_figure and number_value(lowered) not in (None, *known):
                found.setdefault(lowered)
            if lowered in self.analyzer.stop_words or len(lowered) < 2 or lowered.isdigit():
                continue
            if self.analyzer.stem(word) not in self.stems:
                found.setdefault(lowered)
        return tuple(found)
