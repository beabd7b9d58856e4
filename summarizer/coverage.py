"""Concept coverage: choose sentences that together cover what several articles report.

Concepts are word bigrams (stemmed; not both stop words) weighted by how many articles use
them, as in Gillick & Favre (2009): a statement several outlets make is what a reader of the
whole story needs. Bigrams holding a topic term weigh more, and each sentence's gain is
scaled by a lead prior (news puts the essentials first) and divided by its length, so the
budget buys as much shared content as it can. Solved greedily, which keeps within a constant
factor of the optimum for this monotone submodular objective.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .corpus import Corpus
from .ranking import Ranking
from .terms import words


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
        analyzer = corpus.analyzer
        topic_stems = {corpus.terms[t] for t in ranking.query.original}
        concept_ids: dict[tuple[str, str], int] = {}
        rows, cols = [], []
        for row, index in enumerate(ranking.rows):
            sentence = corpus.sentences[index]
            tokens = [(analyzer.stem(w), w.lower() in analyzer.stop_words) for w in words(sentence.text)]
            for (first, first_stop), (second, second_stop) in set(zip(tokens, tokens[1:])):
                if first_stop and second_stop:
                    continue
                rows.append(row)
                cols.append(concept_ids.setdefault((first, second), len(concept_ids)))
        n = len(ranking.rows)
        membership = sparse.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(n, len(concept_ids))
        )
        membership.data[:] = 1.0
        # Articles using each concept, anywhere in their text.
        articles = corpus.article_of[ranking.rows]
        using: dict[int, set[int]] = {}
        for index, article in enumerate(corpus.article_of):
            sentence = corpus.sentences[index]
            tokens = [(analyzer.stem(w), w.lower() in analyzer.stop_words) for w in words(sentence.text)]
            for (first, first_stop), (second, second_stop) in zip(tokens, tokens[1:]):
                concept = concept_ids.get((first, second))
                if concept is not None:
                    using.setdefault(concept, set()).add(int(article))
        article_count = np.zeros(len(concept_ids))
        for concept, users in using.items():
            article_count[concept] = len(users)
        # A concept counts once it is shared by two articles, when there are two to share it.
        min_articles = 2 if len(set(articles.tolist())) >= 2 else 1
        weight = np.where(article_count >= min_articles, article_count, 0.0)
        if topic_stems:
            boosted = np.array(
                [first in topic_stems or second in topic_stems for first, second in concept_ids], dtype=bool
            )
            weight[boosted] *= 1.0 + topic_boost
        self.membership = membership
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
