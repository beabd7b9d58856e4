"""Word-bigram concepts of sentences and how many articles share each (Gillick & Favre, 2009).

Part of the store: each sentence's bigrams are counted when its file is read
(:func:`sentence_bigrams`) and kept in the set's sentence index (:class:`StoredBigrams`), from which
a table for the whole corpus or for a topic's candidates is a few array operations; coverage
selection reads the table. :func:`concept_table` makes the same table from text (stdin,
``--no-cache``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from ..matrices import sparse

from ..model import Sentence
from ..reading.terms import TermAnalyzer, words

FULL_TABLE_MAX_SENTENCES = 20_000
"""Up to this many sentences, the articles sharing a concept are counted over every article's whole
text, once per corpus; beyond it, over each topic's candidates, so that a topic costs what its
matches cost (counted from text at 10,000 articles: 3.6 s for the whole-corpus table against 0.2 s
a topic). Summaries depend on which of the two a corpus gets."""


@dataclass(frozen=True)
class ConceptTable:
    """Every sentence's bigram concepts, built once per corpus and shared by all topics."""

    membership: sparse.csr_matrix
    """Sentences x concepts, 1 where the sentence holds the concept."""
    article_count: np.ndarray
    """How many articles hold each concept anywhere in their text."""
    firsts: np.ndarray
    seconds: np.ndarray
    """The two stems of each concept, as ids into ``stems``."""
    stems: dict[str, int]


def concept_table(sentences: Sequence[Sentence], article_of: np.ndarray, analyzer: TermAnalyzer) -> ConceptTable:
    """The concepts of the given sentences, with the number of articles (``article_of`` gives each
    sentence's) that hold each among them."""
    split = [words(s.text) for s in sentences]
    analyzer.prefetch(w for ws in split for w in ws)
    names: dict[str, int] = {}
    firsts: list[int] = []
    seconds: list[int] = []
    holder: list[int] = []
    for row, written in enumerate(split):
        for a, b in sentence_bigrams(written, analyzer):
            firsts.append(names.setdefault(a, len(names)))
            seconds.append(names.setdefault(b, len(names)))
            holder.append(row)
    return _table(np.asarray(firsts, dtype=np.int64), np.asarray(seconds, dtype=np.int64),
                  np.asarray(holder, dtype=np.int64), len(sentences), article_of, list(names))


def _table(firsts: np.ndarray, seconds: np.ndarray, holder: np.ndarray, rows: int, article_of: np.ndarray,
           names: Sequence[str]) -> ConceptTable:
    """The table of bigrams given as two stem ids each (in any numbering; ``names`` names the ids),
    with the row holding each, rows in order. Stems are numbered by first appearance and concepts by
    their stems' numbers, so that the same bigrams give the same table whatever numbering they came
    in: coverage sums a sentence's concepts in that order, and the sums must not depend on it."""
    pairs = np.empty(2 * len(firsts), dtype=np.int64)
    pairs[0::2], pairs[1::2] = firsts, seconds
    seen, first_at = np.unique(pairs, return_index=True)
    order = np.argsort(first_at, kind="stable")
    rank = np.empty(len(seen), dtype=np.int64)
    rank[order] = np.arange(len(seen))
    width = max(len(seen), 1)
    keys, concept = np.unique(rank[np.searchsorted(seen, firsts)] * width + rank[np.searchsorted(seen, seconds)],
                              return_inverse=True)
    membership, article_count = _held(holder, concept, rows, len(keys), article_of)
    stems = {names[int(i)]: n for n, i in enumerate(seen[order])}
    return ConceptTable(membership, article_count, keys // width, keys % width, stems)


def _held(holder: np.ndarray, concept: np.ndarray, rows: int, concepts: int,
          article_of: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """(which of the ``rows`` sentences hold which concept, how many articles hold each) of
    bigrams given as the sentence holding each and its concept number."""
    membership = sparse.csr_matrix((np.ones(len(holder)), (holder, concept)), shape=(rows, concepts))
    membership.data[:] = 1.0  # a concept twice in a sentence is still one concept
    # Articles holding each concept: distinct (article, concept) pairs, counted per concept.
    held = np.unique(np.asarray(article_of, dtype=np.int64)[holder] * concepts + concept)
    return membership, np.bincount(held % max(concepts, 1), minlength=concepts).astype(float)


def sentence_bigrams(written: Sequence[str], analyzer: TermAnalyzer,
                     tokens: Sequence[tuple[str, bool]] | None = None) -> list[tuple[str, str]]:
    """The concepts of one sentence's words, as :func:`concept_table` counts them: adjacent
    stems, not both stop words (a concept twice in the sentence comes twice). ``tokens``:
    ``analyzer.tokens(written)`` when the caller has them already."""
    if tokens is None:
        tokens = analyzer.tokens(written)
    return [(a, b) for (a, a_stop), (b, b_stop) in pairwise(tokens) if not (a_stop and b_stop)]


FIGURE_WORDS = frozenset("two three four five six seven eight nine".split())
"""Numbers written as words, which stop-word lists hold and news writes below ten ("rose to nine",
"eight, not nine as first reported"). "one" is left out: it is mostly a pronoun ("no one")."""


def figure_bigrams(written: Sequence[str], analyzer: TermAnalyzer) -> list[tuple[str, str]]:
    """The adjacent stems beside a number written as a word (:data:`FIGURE_WORDS`) that
    :func:`sentence_bigrams` leaves out as two stop words ("to nine", "not nine"): what a sentence
    says of its small figures. Not concepts: coverage counts no such pair."""
    lowered = [word.lower() for word in written]
    stop = analyzer.stop_words
    return [(analyzer.stem(a), analyzer.stem(b)) for a, b in pairwise(lowered)
            if (a in FIGURE_WORDS or b in FIGURE_WORDS) and a in stop and b in stop]


class StoredBigrams:
    """Every sentence's concepts as a sentence index keeps them (counted when each file was read):
    per sentence, the ids of its bigrams, each id naming two stems. A concept table for any rows
    is then a few array operations, without the sentences' text."""

    def __init__(self, indptr: np.ndarray, ids: np.ndarray, firsts: np.ndarray, seconds: np.ndarray,
                 stems: list[str]) -> None:
        self.indptr, self.ids, self.firsts, self.seconds, self.stems = indptr, ids, firsts, seconds, stems

    def _whole(self, article_of: np.ndarray) -> ConceptTable:
        """The table of every sentence. :func:`~summarizer.store.sentence_index.merge_bigrams`
        numbers stems by first appearance and concepts by their stems' numbers, as :func:`_table`
        does, so the stored ids are the table's: only the matrix and the counts are made (the
        renumbering was most of a first topic's time in the app on 1,000 articles)."""
        lengths = np.diff(self.indptr)
        holder = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        membership, article_count = _held(holder, self.ids, len(lengths), len(self.firsts), article_of)
        return ConceptTable(membership, article_count, self.firsts.astype(np.int64), self.seconds.astype(np.int64),
                            {stem: n for n, stem in enumerate(self.stems)})

    def table(self, rows: np.ndarray | None, article_of: np.ndarray) -> ConceptTable:
        """What :func:`concept_table` gives for the sentences ``rows`` (None: every sentence), whose
        articles ``article_of`` gives; the same concepts and counts, numbered otherwise."""
        if rows is None:
            return self._whole(article_of)
        else:
            rows = np.asarray(rows, dtype=np.int64)
            starts, lengths = self.indptr[rows], self.indptr[rows + 1] - self.indptr[rows]
            # Positions of every bigram of the chosen rows, row after row.
            before = np.cumsum(lengths) - lengths
            ids = self.ids[np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()))]
        holder = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        return _table(self.firsts[ids].astype(np.int64), self.seconds[ids].astype(np.int64), holder, len(lengths),
                      article_of, self.stems)
