"""What the user asked for, shared by ``newsdigest summarize`` and the app, and running it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.options import DEFAULT_METHOD, Length

if TYPE_CHECKING:  # the engine itself is imported when a request runs, not at start-up
    from summarizer import Corpus, Digest, InputError, Topic
    from summarizer.reading.terms import TermAnalyzer


@dataclass(frozen=True)
class Request:
    paths: tuple[str, ...] = ()
    """Files, folders or ``-``; empty means the seed articles."""
    topics: tuple[str, ...] = ()
    """Topic names; empty means every topic (or only the query's, when there is a query)."""
    query: str | None = None
    topics_file: Path | None = None
    method: str = DEFAULT_METHOD
    length: Length = Length(sentences=5)
    order: str = "relevance"
    cache_dir: Path | None = None
    """Where the persistent article index lives; None: nothing is kept between runs."""


def resolve_topics(request: Request, analyzer: TermAnalyzer) -> tuple[tuple[Topic, ...], tuple[Topic, ...]]:
    """(every topic available, the topics chosen) for a request."""
    from summarizer.ranking.topics import available_topics, select_topics

    topics = available_topics(request.topics_file, request.query, analyzer.stop_words)
    names = list(request.topics)
    if request.query and "query" not in names:
        names.append("query")  # a question alone asks for its answer, not every topic
    return topics, select_topics(topics, names)


def load_corpus(
    request: Request,
    analyzer: TermAnalyzer,
    on_warning: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """The request's articles as a corpus, through the persistent index when it has one."""
    from summarizer import ArticleCache, Corpus, load_articles

    cache = ArticleCache(request.cache_dir)
    try:
        articles = load_articles(request.paths, on_warning=on_warning, on_progress=on_progress, cache=cache)
        return Corpus(articles, analyzer, cache=cache)
    finally:
        cache.close()


def run_request(
    request: Request,
    warn: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Digest:
    """Load, rank and select: the whole engine run behind ``summarize``.

    ``on_progress(done, total)`` follows the reading of the input files.
    """
    from summarizer import Digest, Digester
    from summarizer.reading.terms import TermAnalyzer

    analyzer = TermAnalyzer()
    _, chosen = resolve_topics(request, analyzer)
    warnings: list[str] = []

    def on_warning(error: InputError) -> None:
        warnings.append(str(error))
        if warn:
            warn(error)

    corpus = load_corpus(request, analyzer, on_warning, on_progress)
    digest = Digester(request.method, request.length, request.order)(corpus, chosen)  # type: ignore[arg-type]
    return Digest(digest.articles, digest.summaries, tuple(warnings))
