"""A corpus ready for ranking: every body sentence of every article as a sparse term vector."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cached_property

import numpy as np
from ..matrices import sparse

from ..reading.standalone import HAS_CONTENT, SPEECH, WORTHY, has_content, is_speech, is_summary_worthy
from ..store.concepts import (FIGURE_WORDS, ConceptTable, StoredBigrams, concept_table, figure_bigrams,
                              sentence_bigrams)
from ..store.index import ArticleCache
from ..store.sentence_index import Postings, SentenceIndex
from ..model import Article, Sentence
from ..reading.terms import TermAnalyzer, words
from .answers import DENYING, negated, negation, ordinal_counts


class Corpus:
    """Articles plus sentence-level term statistics, built once and shared by every topic.

    ``counts`` is a sentences x terms matrix of raw term counts (int32); ``idf`` is the inverse
    sentence frequency of each term (smoothed), as LexRank uses.

    The corpus is the one interface ranking reads, with two sources behind it: the articles
    themselves (counted here: stdin, ``--no-cache``, articles made by a program), or their stored
    sentence index (``cache``: see :mod:`summarizer.store.sentence_index`), which gives the same
    arrays without reading the articles' text. Then ``sentences`` makes each sentence when it is
    first asked for, from its offsets and its article's text.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        analyzer: TermAnalyzer | None = None,
        cache: ArticleCache | None = None,
        keep: bool = True,
    ) -> None:
        """``keep``: a sentence index the cache builds for these articles is stored for later
        runs (not for a set that changes from run to run, such as the articles read)."""
        self.articles: tuple[Article, ...] = tuple(articles)
        self._title_stems: dict[int, frozenset[str]] = {}
        self.analyzer = analyzer or TermAnalyzer()
        self.article_index = {a.id: i for i, a in enumerate(self.articles)}
        index = cache.sentence_index(self.articles, self.analyzer, keep) if cache is not None else None
        if index is not None:
            self.sentences: Sequence[Sentence] = StoredSentences(self.articles, index)
            self.terms: Sequence[str] = index.stems
            self.counts, self.word_counts = index.counts, index.word_counts
            self.positions, self.article_of = index.positions, index.article_of
            self.postings = index.postings
            self._flags: np.ndarray | None = index.flags
            self._bigrams: StoredBigrams | None = index.bigrams
        else:
            self.sentences = tuple(s for a in self.articles for s in a.sentences)
            self._count_terms()
            self.terms = list(self.vocabulary)
            # Position of each sentence in its article (0 = lead) and the article's position.
            self.positions = np.array([s.index for s in self.sentences], dtype=np.int64)
            self.article_of = np.array([self.article_index[s.article_id] for s in self.sentences], dtype=np.int64)
            # The inverted index: for each term, the sentences holding it.
            self.postings = Postings.of(self.counts)
            self._flags = self._bigrams = None  # judged and counted from the text when asked
        n = max(len(self.sentences), 1)
        df = self.postings.sentence_frequency()
        self.document_frequency = df
        self.idf = np.log((n + 1) / (df + 1)) + 1.0

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Stem -> term id."""
        return {t: i for i, t in enumerate(self.terms)}

    def _count_terms(self) -> None:
        self.vocabulary = {}
        rows, cols = [], []
        word_counts = []
        for row, sentence in enumerate(self.sentences):
            word_counts.append(len(words(sentence.text)))
            for term in self.analyzer(sentence.text):
                rows.append(row)
                cols.append(self.vocabulary.setdefault(term, len(self.vocabulary)))
        shape = (len(self.sentences), len(self.vocabulary))
        self.counts = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape
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

    def sentence_concepts(self, row: int) -> list[tuple[str, str]]:
        """The bigram concepts of the sentence at ``row``, as pairs of stems: from the index when
        it holds them (no text is read), else from the sentence's words."""
        if self._bigrams is not None:
            bigrams = self._bigrams
            ids = bigrams.ids[int(bigrams.indptr[row]) : int(bigrams.indptr[row + 1])]
            concepts = [(bigrams.stems[int(a)], bigrams.stems[int(b)]) for a, b in zip(bigrams.firsts[ids], bigrams.seconds[ids])]
            saying_not = bool(self._saying_not[row])  # read once for every stored sentence, not stem by stem
        else:
            concepts = sentence_bigrams(words(self.sentences[row].text), self.analyzer)
            saying_not = any(negation(stem) for pair in concepts for stem in pair)
        if saying_not:
            concepts += self._negated_across(row)
        return concepts

    def _negated_across(self, row: int) -> list[tuple[str, str]]:
        """What a "not" says not of across the function words after it, which no concept pairs ("by
        Sunday, not by Friday night": not, friday): read from the text of the few sentences saying "not"."""
        written = [word.lower() for word in words(self.sentences[row].text)]
        stop = self.analyzer.stop_words
        found = []
        for n, word in enumerate(written[:-2]):
            if negation(word) and written[n + 1] in stop:
                after = next((w for w in written[n + 2 : n + 4] if w not in stop), None)
                if after is not None:
                    found.append((self.analyzer.stem(word), self.analyzer.stem(after)))
        return found

    def title_stems(self, article: int) -> frozenset[str]:
        """The stems of the words of an article's title (by its index), read once per corpus: what the
        article says it is about, where its sentences may not name it again."""
        found = self._title_stems.get(article)
        if found is None:
            stem = self.analyzer.stem
            found = self._title_stems[article] = frozenset(
                stem(word.lower()) for word in words(self.articles[article].title or ""))
        return found

    def titled(self, stems: Collection[str], among: Iterable[int] | None = None) -> list[int]:
        """The articles (by index) among ``among`` (all when None) whose title holds one of ``stems``."""
        return [n for n in (range(len(self.articles)) if among is None else among)
                if self.articles[n].title and not self.title_stems(n).isdisjoint(stems)]

    def figure_concepts(self, row: int) -> list[tuple[str, str]]:
        """:meth:`sentence_concepts` and the pairs beside its numbers written as words (see
        :func:`~summarizer.store.concepts.figure_bigrams`): what telling a figure anew reads ("is
        eight, not nine as first reported" corrects "rose to nine"), and the counts its ordinals tell
        (see :func:`~.answers.ordinal_counts`)."""
        concepts = self.sentence_concepts(row)
        text = self.sentences[row].text
        lowered = text.lower()
        if any(word in lowered for word in FIGURE_WORDS):
            concepts = concepts + figure_bigrams(words(text), self.analyzer)
        # "A fourth person has died" tells a toll of four, a day after "killed three".
        return concepts + [(count, self.analyzer.stem(thing)) for count, thing in ordinal_counts(text)]

    def says_not(self, row: int) -> bool:
        """Whether the sentence at ``row`` says "not" of something (see :func:`~.answers.negated`)."""
        if self._bigrams is not None:
            return bool(self._saying_not[row])
        return bool(negated(self.sentence_concepts(row)))

    def saying_not(self, rows: np.ndarray) -> np.ndarray:
        """:meth:`says_not` of each sentence of ``rows``."""
        if self._bigrams is not None:
            return self._saying_not[rows]
        return np.array([self.says_not(int(row)) for row in rows], dtype=bool)

    def denying(self, rows: np.ndarray) -> np.ndarray:
        """Whether each sentence of ``rows`` says a denial ("denied", "refutes"; see
        :func:`~.answers.denies`): from the postings, without the sentences' concepts."""
        return np.isin(rows, self.denial_rows)

    @cached_property
    def denial_rows(self) -> np.ndarray:
        """The sentences saying a denial, in order: read from the postings once, where each pick of
        each topic asks."""
        return self.matching(self.term_ids(sorted(DENYING)))

    @cached_property
    def _saying_not(self) -> np.ndarray:
        # Every stored sentence at once: a few array operations, where reading each repeating
        # candidate's concepts to look for a "not" took a tenth of a second at 10,000 articles.
        bigrams = self._bigrams
        assert bigrams is not None
        negating = np.fromiter((negation(stem) for stem in bigrams.stems), dtype=bool, count=len(bigrams.stems))
        # "not" second too: "by Sunday, not by Friday night" pairs it with no word after it.
        pairs_negating = negating[bigrams.firsts] | negating[bigrams.seconds]
        held = np.concatenate(([0], np.cumsum(pairs_negating[bigrams.ids], dtype=np.int64)))
        return held[bigrams.indptr[1:]] > held[bigrams.indptr[:-1]]

    def concept_pairs(self) -> frozenset[tuple[str, str]]:
        """Every bigram concept some sentence holds, as its two stems: the concepts without
        :attr:`concepts`' counts (which a read set of 10,000 articles took 1.3 s to make)."""
        if self._bigrams is not None:
            stems, firsts, seconds = self._bigrams.stems, self._bigrams.firsts.tolist(), self._bigrams.seconds.tolist()
            return frozenset(zip(map(stems.__getitem__, firsts), map(stems.__getitem__, seconds)))
        return frozenset(pair for s in self.sentences for pair in sentence_bigrams(words(s.text), self.analyzer))

    @cached_property
    def concepts(self) -> ConceptTable:
        """Bigram concepts of every sentence (see :mod:`summarizer.store.concepts`), made on first use."""
        if self._bigrams is not None:
            return self._bigrams.table(None, self.article_of)
        return concept_table(self.sentences, self.article_of, self.analyzer)

    def concept_table(self, rows: np.ndarray) -> ConceptTable:
        """Bigram concepts of the sentences ``rows``, counted over them alone."""
        if self._bigrams is not None:
            return self._bigrams.table(rows, self.article_of[rows])
        return concept_table([self.sentences[r] for r in rows], self.article_of[rows], self.analyzer)

    def summary_worthy(self, rows: np.ndarray, speech: bool = False, names: frozenset[int] = frozenset()) -> np.ndarray:
        """Whether each of the sentences ``rows`` can stand alone in a summary (see
        :func:`~summarizer.reading.standalone.is_summary_worthy`): from the index, without their text.
        A speech (see :func:`~summarizer.reading.standalone.is_speech`) only where ``speech`` is asked
        for ("What did the mayor say?") or it holds one of the ``names`` a question asks about (term
        ids: "Who is J.R. Tallis?", "... said Dr. J.R. Tallis, the agency's director"): elsewhere it is
        long for what it tells, and the report of what happened answers first."""
        if self._flags is not None:
            flags = self._flags[rows]
            worthy = (flags & WORTHY) > 0
            spoken = (flags & SPEECH) > 0
        else:
            worthy = np.array([is_summary_worthy(self.sentences[r], int(self.word_counts[r]),
                                                 self.article(self.sentences[r])) for r in rows], dtype=bool)
            spoken = np.array([is_speech(self.sentences[r].text) for r in rows], dtype=bool)
        if speech or not spoken.any():
            return worthy
        if names:
            spoken &= ~np.isin(rows, self.matching(sorted(names)))
        return worthy & ~spoken

    def has_content(self, rows: np.ndarray) -> np.ndarray:
        """Whether each of the sentences ``rows`` names someone or states a number (see
        :func:`~summarizer.reading.standalone.has_content`)."""
        if self._flags is not None:
            return (self._flags[rows] & HAS_CONTENT) > 0
        return np.array([has_content(self.sentences[r].text) for r in rows], dtype=bool)

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


class StoredSentences(Sequence[Sentence]):
    """The corpus's sentences from a sentence index: each made when first asked for."""

    def __init__(self, articles: Sequence[Article], index: SentenceIndex) -> None:
        self._articles = articles
        self._offsets = index.offsets
        self._starts = index.article_starts
        self._article_of = index.article_of
        self._made: dict[int, Sentence] = {}

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return tuple(self[i] for i in range(*row.indices(len(self))))
        row = int(row)
        if row < 0:
            row += len(self)
        made = self._made.get(row)
        if made is None:
            a = int(self._article_of[row])
            article = self._articles[a]
            paragraph, start, end = (int(x) for x in self._offsets[row])
            made = self._made[row] = _StoredSentence(article, row - int(self._starts[a]), paragraph, start, end)
        return made


class _StoredSentence(Sentence):
    """A :class:`~summarizer.model.Sentence` whose text is read from its article when first asked
    for: the sources of a summary sentence (every outlet that printed it, hundreds for a wire story)
    are cited by their offsets, and their text is seldom shown. Equal to the sentence read in full."""

    def __init__(self, article: Article, index: int, paragraph: int, start: int, end: int) -> None:
        # The frozen dataclass's __setattr__ is bypassed, as for StoredArticle.
        self.__dict__.update(article_id=article.id, index=index, paragraph=paragraph, start=start, end=end,
                             _article=article)

    @property
    def text(self) -> str:  # type: ignore[override]
        text = self.__dict__.get("_text")
        if text is None:
            text = self.__dict__["_text"] = self._article.text[self.start : self.end]
        return text

    def __reduce__(self):
        return (Sentence, (self.article_id, self.index, self.paragraph, self.start, self.end, self.text))
