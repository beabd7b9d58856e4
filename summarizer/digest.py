"""The whole run: every topic's merged summary over one corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from .ranking.corpus import Corpus
from .ranking.methods import TopicSummarizer
from .ranking.selection import in_relevance_order
from .options import DEFAULT_METHOD, ORDERS, Length
from .model import Article, Digest, Summary, Topic

if TYPE_CHECKING:
    from .ranking.novelty import ReadSet

Order = Literal["relevance", "chronological"]


class Digester:
    """``Digester(method, length, order)(corpus, topics) -> Digest``."""

    def __init__(
        self,
        method: str = DEFAULT_METHOD,
        length: Length = Length(sentences=5),
        order: Order = "relevance",
        summarizer: TopicSummarizer | None = None,
    ) -> None:
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")
        self.summarize = summarizer or TopicSummarizer(method)
        self.length = length
        self.order = order

    def __call__(
        self,
        corpus: Corpus,
        topics: Sequence[Topic],
        should_cancel: Callable[[], bool] | None = None,
        read: ReadSet | None = None,
    ) -> Digest:
        """Every topic's summary; with ``read`` (articles already read, see
        :class:`~summarizer.ranking.novelty.ReadSet`), update summaries of what is new."""
        summaries = []
        for topic in topics:
            if should_cancel and should_cancel():
                break
            summary = self.summarize(corpus, topic, self.length, read) if read is not None else self.summarize(corpus, topic, self.length)
            summary = chronological(summary, corpus) if self.order == "chronological" else by_score(summary)
            summaries.append(summary)
        return Digest(corpus.articles, tuple(summaries), read_articles=read.articles if read is not None else ())


def by_score(summary: Summary) -> Summary:
    """Relevance order: the score each sentence shows, highest first, which is the order of choice
    (see :func:`~summarizer.ranking.selection.in_relevance_order`)."""
    return in_relevance_order(summary)


def chronological(summary: Summary, corpus: Corpus) -> Summary:
    """Oldest article first (undated articles last), then position within the article."""

    def key(item):
        article: Article = corpus.article(item.sentence)
        return (article.date is None, article.date or "", corpus.article_index[article.id], item.sentence.index)

    return replace(summary, sentences=tuple(sorted(summary.sentences, key=key)))
