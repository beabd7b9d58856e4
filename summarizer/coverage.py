"""Concept coverage: choose sentences that together cover what several articles report.

Concepts are word bigrams (stemmed; not both stop words) weighted by how many articles use
them, as in Gillick & Favre (2009): a statement several outlets make is what a reader of the
whole story needs. Bigrams holding a topic term weigh more, and each sentence's gain is
scaled by a lead prior (news puts the essentials first) and divided by its length, so the
budget buys as much shared content as it can. Solved greedily, which keeps within a constant
factor of the optimum for this monotone submodular objective.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .corpus import Corpus
from .ranking import Ranking
from .terms import words


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


def concept_table(corpus: Corpus) -> ConceptTable:
    analyzer = corpus.analyzer
    stems: dict[str, int] = {}
    concepts: dict[tuple[int, int], int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, sentence in enumerate(corpus.sentences):
        tokens = [
            (stems.setdefault(analyzer.stem(w), len(stems)), w.lower() in analyzer.stop_words)
            for w in words(sentence.text)
        ]
        for (first, first_stop), (second, second_stop) in set(zip(tokens, tokens[1:])):
            if not (first_stop and second_stop):
                rows.append(row)
                cols.append(concepts.setdefault((first, second), len(concepts)))
    membership = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(corpus.sentences), len(concepts))
    )
    membership.data[:] = 1.0
    n = len(corpus.sentences)
    by_article = sparse.csr_matrix(
        (np.ones(n), (corpus.article_of, np.arange(n))), shape=(len(corpus.articles), n)
    ) @ membership
    article_count = np.diff((by_article > 0).tocsc().indptr).astype(float)
    pairs = np.array(list(concepts), dtype=np.int64).reshape(-1, 2)
    return ConceptTable(membership, article_count, pairs[:, 0], pairs[:, 1], stems)


class ConceptCoverage:
    def __init__(
        self,
        corpus: Corpus,
        ranking: Ranking,
        score: np.ndarray,
        topic_boost: float = 0.5,
        lead_prior: float = 1.0,
        relevance_weight: float = 0.0,
        min_relevance: float = 0.0,
    ) -> None:
        table = corpus.concepts
        membership = table.membership[ranking.rows]
        used = np.unique(membership.indices)
        self.membership = membership[:, used].tocsr()
        count = table.article_count[used]
        # A concept counts once it is shared by two articles, when there are two to share it.
        min_articles = 2 if len(corpus.articles) >= 2 else 1
        weight = np.where(count >= min_articles, count, 0.0)
        topic_ids = [table.stems[corpus.terms[t]] for t in ranking.query.original if corpus.terms[t] in table.stems]
        if topic_ids:
            boosted = np.isin(table.firsts[used], topic_ids) | np.isin(table.seconds[used], topic_ids)
            weight[boosted] *= 1.0 + topic_boost
        self.weight = weight
        # A sentence's share of the topic (its biased-LexRank score) scales what it covers.
        self.scale = (
            (1.0 + lead_prior / (1.0 + corpus.positions[ranking.rows]))
            * np.power(score, relevance_weight)
            / np.maximum(corpus.word_counts[ranking.rows], 1)
        )
        # Sentences far less relevant than the best one are not worth their coverage.
        self.scale[ranking.relevance < min_relevance] = 0.0
        # Ties (and sentences with no shared concept) go to the better-ranked sentence.
        self.tie_break = 1e-6 * score

    def gains(self) -> np.ndarray:
        return np.asarray(self.membership @ self.weight).ravel() * self.scale + self.tie_break

    def chose(self, index: int, similarity_row: np.ndarray) -> None:
        self.weight[self.membership[index].indices] = 0.0  # covered: worth nothing more
