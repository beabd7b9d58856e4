"""Summarizing an evaluation dataset with the engine: each topic's title and narrative is the query.

Each topic runs the path ``newsdigest summarize --query "TITLE. NARRATIVE" --words N`` runs: the
same query topic (:func:`~summarizer.ranking.topics.query_topic` with its defaults), ranking,
selection and relevance order (what :class:`~summarizer.digest.Digester` does for one topic,
without importing the entry point, which no stage may). The one difference is the
DUC convention of a filled budget (``Length.fill``): the last sentence may run past N words, and
the scorer cuts it at N, as DUC cut its peers.

A topic with ``read`` documents is summarized as an update (its read documents are the
:class:`~summarizer.ranking.novelty.ReadSet`) unless ``use_read=False``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Topic
from ..reading.articles import ArticleParser, Metadata
from ..ranking.corpus import Corpus
from .datasets import EvalTopic, PeerScore, make_scorer, score_summaries
from ..ranking.methods import TopicSummarizer
from ..ranking.novelty import ReadSet
from ..ranking.selection import Length, in_relevance_order
from ..reading.terms import TermAnalyzer
from ..ranking.topics import query_topic


@dataclass(frozen=True)
class MethodResult:
    method: str
    score: PeerScore
    seconds_per_topic: float
    summaries: dict[str, str]
    """Topic id to the summary that was scored (one sentence per line)."""


def _parse(documents, parser: ArticleParser):
    return [parser(doc.text, Metadata(doc.id, title=doc.headline, date=doc.date)) for doc in documents]


def topic_corpus(topic: EvalTopic, parser: ArticleParser, analyzer: TermAnalyzer) -> Corpus:
    return Corpus(_parse(topic.documents, parser), analyzer)


def topic_read_set(topic: EvalTopic, parser: ArticleParser, analyzer: TermAnalyzer) -> ReadSet | None:
    """What the reader of an update topic has read; None for a generic topic."""
    if not topic.read:
        return None
    return ReadSet(_parse(topic.read, parser), analyzer)


def summarize_topic(
    topic: EvalTopic, corpus: Corpus, summarizer: TopicSummarizer, words: int, read: ReadSet | None = None
) -> str:
    """The summary of one dataset topic, one sentence per line (an update summary with ``read``)."""
    query = dataset_query(topic, corpus.analyzer.stop_words)
    length = Length(words=words, fill=True)
    summary = summarizer(corpus, query, length, read) if read is not None else summarizer(corpus, query, length)
    return "\n".join(item.sentence.text for item in in_relevance_order(summary).sentences)


def dataset_query(topic: EvalTopic, stop_words: frozenset[str]) -> Topic:
    """The topic a user gets from ``--query "TITLE. NARRATIVE"``."""
    return query_topic(f"{topic.title}. {topic.narrative}", stop_words)


def evaluate_methods(
    topics: Sequence[EvalTopic],
    methods: Sequence[str],
    words: int = 100,
    make_summarizer: Callable[[str], TopicSummarizer] = TopicSummarizer,
    use_read: bool = True,
) -> list[MethodResult]:
    """Every method over every topic, scored with ROUGE against the topic's references.

    Topics with ``read`` documents are update summaries, unless ``use_read`` is False (then
    ``read`` is ignored, for comparison)."""
    parser, analyzer = ArticleParser(), TermAnalyzer()
    start = time.perf_counter()
    corpora = {t.id: topic_corpus(t, parser, analyzer) for t in topics}
    reads = {t.id: topic_read_set(t, parser, analyzer) if use_read else None for t in topics}
    reading = (time.perf_counter() - start) / max(len(topics), 1)
    scorer = make_scorer(words)
    results = []
    for method in methods:
        summarizer = make_summarizer(method)
        start = time.perf_counter()
        summaries = {t.id: summarize_topic(t, corpora[t.id], summarizer, words, reads[t.id]) for t in topics}
        # Reading the documents is shared by the methods; each method's time includes it.
        seconds = (time.perf_counter() - start) / max(len(topics), 1) + reading
        score = score_summaries(topics, summaries, words, name=method, scorer=scorer)
        results.append(MethodResult(method, score, seconds, summaries))
    return results
