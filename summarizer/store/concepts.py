"""Word-bigram concepts of sentences and how many articles share each (Gillick & Favre, 2009).

Part of the store: the table is corpus statistics, counted once for a set of articles and kept in
their sentence index (:mod:`summarizer.store.sentence_index`); coverage selection reads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import numpy as np
from ..matrices import sparse

from ..model import Sentence
from ..reading.terms import TermAnalyzer, words

FULL_TABLE_MAX_SENTENCES = 20_000
"""Up to this many sentences, concepts are counted over every article's whole text, once per
corpus (and kept in its sentence index); beyond it, over each topic's candidates, so that a topic
costs what its matches cost (10,000 articles: 3.6 s for the whole-corpus table against 0.2 s a topic)."""


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
    sentence's) that hold each among them. One pass over the words; the bigrams are counted with numpy."""
    stems: dict[str, int] = {}
    known: dict[str, tuple[int, bool]] = {}  # a word as written: (its stem's id, is a stop word)

    def learn(word: str) -> tuple[int, bool]:
        entry = (stems.setdefault(analyzer.stem(word), len(stems)), word.lower() in analyzer.stop_words)
        known[word] = entry
        return entry

    split = [words(s.text) for s in sentences]
    analyzer.prefetch(w for ws in split for w in ws)
    ids: list[int] = []
    stop: list[bool] = []
    lengths: list[int] = []
    for written in split:
        tokens = [known.get(w) or learn(w) for w in written]
        ids.extend(t[0] for t in tokens)
        stop.extend(t[1] for t in tokens)
        lengths.append(len(tokens))
    token = np.asarray(ids, dtype=np.int64)
    is_stop = np.asarray(stop, dtype=bool)
    sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    # Adjacent words of one sentence, not both stop words.
    keep = (sentence_of[:-1] == sentence_of[1:]) & ~(is_stop[:-1] & is_stop[1:])
    vocabulary = max(len(stems), 1)
    pair = token[:-1][keep] * vocabulary + token[1:][keep]
    holder = sentence_of[:-1][keep]
    keys, concept = np.unique(pair, return_inverse=True)
    membership = sparse.csr_matrix((np.ones(len(holder)), (holder, concept)), shape=(len(sentences), len(keys)))
    membership.data[:] = 1.0  # a concept twice in a sentence is still one concept
    # Articles holding each concept: distinct (article, concept) pairs, counted per concept.
    held = np.unique(article_of[holder] * len(keys) + concept)
    article_count = np.bincount(held % max(len(keys), 1), minlength=len(keys)).astype(float)
    return ConceptTable(membership, article_count, keys // vocabulary, keys % vocabulary, stems)


def sentence_bigrams(written: Sequence[str], analyzer: TermAnalyzer) -> Iterator[tuple[str, str]]:
    """The concepts of one sentence's words, as :func:`concept_table` counts them: adjacent
    stems, not both stop words (a concept twice in the sentence comes twice)."""
    stop = analyzer.stop_words
    tokens = [(analyzer.stem(w), w.lower() in stop) for w in written]
    for (a, a_stop), (b, b_stop) in pairwise(tokens):
        if not (a_stop and b_stop):
            yield (a, b)


class StoredBigrams:
    """Every sentence's concepts as a sentence index keeps them (counted when each file was read):
    per sentence, the ids of its bigrams, each id naming two stems. A concept table for any rows
    is then a few array operations, without the sentences' text."""

    def __init__(self, indptr: np.ndarray, ids: np.ndarray, firsts: np.ndarray, seconds: np.ndarray,
                 stems: list[str]) -> None:
        self.indptr, self.ids, self.firsts, self.seconds, self.stems = indptr, ids, firsts, seconds, stems

    @cached_property
    def stem_ids(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self.stems)}

    def table(self, rows: np.ndarray | None, article_of: np.ndarray) -> ConceptTable:
        """What :func:`concept_table` gives for the sentences ``rows`` (None: every sentence), whose
        articles ``article_of`` gives; the same concepts and counts, numbered otherwise."""
        if rows is None:
            ids, lengths = self.ids, np.diff(self.indptr)
        else:
            rows = np.asarray(rows, dtype=np.int64)
            starts, lengths = self.indptr[rows], self.indptr[rows + 1] - self.indptr[rows]
            # Positions of every bigram of the chosen rows, row after row.
            before = np.cumsum(lengths) - lengths
            ids = self.ids[np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()))]
        holder = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        keys, concept = np.unique(ids, return_inverse=True)
        membership = sparse.csr_matrix((np.ones(len(holder)), (holder, concept)), shape=(len(lengths), len(keys)))
        membership.data[:] = 1.0
        held = np.unique(np.asarray(article_of, dtype=np.int64)[holder] * len(keys) + concept)
        article_count = np.bincount(held % max(len(keys), 1), minlength=len(keys)).astype(float)
        return ConceptTable(membership, article_count, self.firsts[keys].astype(np.int64),
                            self.seconds[keys].astype(np.int64), self.stem_ids)
