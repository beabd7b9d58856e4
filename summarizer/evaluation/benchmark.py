"""Summarizing an evaluation dataset with the engine: each topic's title and narrative is the query."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..reading.articles import ArticleParser, Metadata
from ..ranking.corpus import Corpus
from .datasets import EvalTopic, PeerScore, make_scorer, score_summaries
from ..ranking.methods import TopicSummarizer
from ..ranking.selection import Length
from ..reading.terms import TermAnalyzer
from ..ranking.topics import query_topic


@dataclass(frozen=True)
class MethodResult:
    method: str
    score: PeerScore
    seconds_per_topic: float


def topic_corpus(topic: EvalTopic, parser: ArticleParser, analyzer: TermAnalyzer) -> Corpus:
    articles = [
        parser(doc.text, Metadata(doc.id, title=doc.headline, date=doc.date))
        for doc in topic.documents
    ]
    return Corpus(articles, analyzer)


def summarize_topic(
    topic: EvalTopic, corpus: Corpus, summarizer: TopicSummarizer, words: int
) -> str:
    """The summary of one dataset topic, one sentence per line."""
    query = query_topic(f"{topic.title}. {topic.narrative}", corpus.analyzer.stop_words)
    summary = summarizer(corpus, query, Length(words=words, fill=True))
    return "\n".join(item.sentence.text for item in summary.sentences)


def evaluate_methods(
    topics: Sequence[EvalTopic],
    methods: Sequence[str],
    words: int = 100,
    make_summarizer: Callable[[str], TopicSummarizer] = TopicSummarizer,
) -> list[MethodResult]:
    """Every method over every topic, scored with ROUGE against the topic's references."""
    parser, analyzer = ArticleParser(), TermAnalyzer()
    start = time.perf_counter()
    corpora = {t.id: topic_corpus(t, parser, analyzer) for t in topics}
    reading = (time.perf_counter() - start) / max(len(topics), 1)
    scorer = make_scorer(words)
    results = []
    for method in methods:
        summarizer = make_summarizer(method)
        start = time.perf_counter()
        summaries = {t.id: summarize_topic(t, corpora[t.id], summarizer, words) for t in topics}
        # Reading the documents is shared by the methods; each method's time includes it.
        seconds = (time.perf_counter() - start) / max(len(topics), 1) + reading
        score = score_summaries(topics, summaries, words, name=method, scorer=scorer)
        results.append(MethodResult(method, score, seconds))
    return results
