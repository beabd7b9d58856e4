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


FULL_TABLE_MAX_SENTENCES = 20_000
"""Up to this many sentences, concepts are counted over every article's whole text, once per
corpus; beyond it, over each topic's candidates, so that a topic costs what its matches cost
(10,000 articles: 3.6 s for the whole-corpus table against 0.2 s a topic)."""


def concept_table(corpus: Corpus, rows: np.ndarray | None = None) -> ConceptTable:
    """The concepts of the given sentences (all by default), with the number of articles that
    hold each among them. One pass over the words; the bigrams are counted with numpy."""
    sentences = corpus.sentences if rows is None else [corpus.sentences[r] for r in rows]
    article_of = corpus.article_of if rows is None else corpus.article_of[rows]
    analyzer = corpus.analyzer
    stems: dict[str, int] = {}
    known: dict[str, tuple[int, bool]] = {}  # a word as written: (its stem's id, is a stop word)

    def learn(word: str) -> tuple[int, bool]:
        entry = (stems.setdefault(analyzer.stem(word), len(stems)), word.lower() in analyzer.stop_words)
        known[word] = entry
        return entry

    ids: list[int] = []
    stop: list[bool] = []
    lengths: list[int] = []
    for sentence in sentences:
        tokens = [known.get(w) or learn(w) for w in words(sentence.text)]
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


class ConceptCoverage:
    def __init__(
        self,
        corpus: Corpus,
        ranking: Ranking,
        score: np.ndarray,
        topic_boost: float = 0.5,
        lead_prior: float = 1.0,
        min_relevance: float = 0.0,
    ) -> None:
        if len(corpus) <= FULL_TABLE_MAX_SENTENCES:
            table = corpus.concepts
            membership = table.membership[ranking.rows]
        else:
            table = concept_table(corpus, ranking.rows)
            membership = table.membership
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
        self.scale = (1.0 + lead_prior / (1.0 + corpus.positions[ranking.rows])) / np.maximum(
            corpus.word_counts[ranking.rows], 1
        )
        # Sentences far less relevant than the best one are not worth their coverage.
        self.scale[ranking.relevance < min_relevance] = 0.0
        # Ties (and sentences with no shared concept) go to the better-ranked sentence.
        self.tie_break = 1e-6 * score

    def gains(self) -> np.ndarray:
        return np.asarray(self.membership @ self.weight).ravel() * self.scale + self.tie_break

    def chose(self, index: int, similarity_row: np.ndarray) -> None:
        self.weight[self.membership[index].indices] = 0.0  # covered: worth nothing more
