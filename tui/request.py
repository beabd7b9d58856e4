"""What the user asked for, shared by ``newsdigest summarize`` and the app, and running it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.errors import NewsdigestError
from summarizer.options import DEFAULT_METHOD, Length

if TYPE_CHECKING:  # the engine itself is imported when a request runs, not at start-up
    from summarizer import Article, Corpus, Digest, InputError, Topic
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
    new: bool = False
    """Only what is new since the last visit: an update summary (the read state lives in
    ``cache_dir``)."""
    feeds: tuple[str, ...] | None = None
    """URLs of subscribed feeds whose stored articles are read too (``--feeds``); None: none."""
    since: datetime | None = None
    """Only articles published since then (``--since``; see :mod:`summarizer.fetching.window`)."""


@dataclass(frozen=True)
class Baseline:
    """What an update summary is new against."""

    since: float | None
    """When the latest of the inputs' read articles was marked (None: nothing read yet)."""
    new: int
    """Articles new since then (summarized)."""
    read: int
    """Articles of the inputs already read."""

    def describe(self) -> str:
        """``new since Tue 14:02, 12 articles, 3 already read`` (or ``new: 12 articles, nothing
        read yet``): the app's New view says the same."""
        articles = f"{self.new} article{'' if self.new == 1 else 's'}"
        if self.since is None:
            return f"new: {articles}, nothing read yet"
        return f"new since {when(self.since)}, {articles}, {self.read} already read"


class NothingNew(NewsdigestError):
    """``--new`` found no article that was not read (not a failure: exit 0)."""

    def __init__(self, baseline: Baseline) -> None:
        read = f"{baseline.read} article{'' if baseline.read == 1 else 's'}"
        since = f" since {when(baseline.since)}" if baseline.since is not None else ""
        super().__init__(f"nothing new{since}: all {read} already read")
        self.baseline = baseline


def when(moment: float, now: float | None = None) -> str:
    """A time as a reader says it: ``Tue 14:02`` within the week, else ``2026-11-03 14:02``."""
    now = time.time() if now is None else now
    local = time.localtime(moment)
    if 0 <= now - moment < 6 * 86400:
        return time.strftime("%a %H:%M", local)
    return time.strftime("%Y-%m-%d %H:%M", local)


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
    return load_corpora(request, analyzer, on_warning, on_progress)[0]


def load_corpora(
    request: Request,
    analyzer: TermAnalyzer,
    on_warning: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[Corpus, tuple[Article, ...], Baseline | None]:
    """(the corpus to summarize, the articles already read, the baseline) for a request: with
    ``request.new``, the corpus holds only the articles not marked read (:class:`NothingNew`
    when there are none); else every article, nothing read and no baseline."""
    from summarizer import ArticleCache, Corpus

    from .web_inputs import load_request_articles

    cache = ArticleCache(request.cache_dir)
    try:
        articles = load_request_articles(request, cache, on_warning, on_progress)  # URLs, feeds, --since
        if not request.new:
            return Corpus(articles, analyzer, cache=cache), (), None
        from summarizer.store.read_state import ReadState

        with ReadState(request.cache_dir, lambda message: on_warning and on_warning(_warning(message))) as state:
            read, new, since = state.split(articles)
        baseline = Baseline(since, len(new), len(read))
        if not new:
            raise NothingNew(baseline)
        return Corpus(new, analyzer, cache=cache), tuple(read), baseline
    finally:
        cache.close()


def _warning(message: str):
    from summarizer import InputError

    path, _, problem = message.partition(": ")
    return InputError(path, problem)


def run_request(
    request: Request,
    warn: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Digest:
    """Load, rank and select: the whole engine run behind ``summarize``.

    ``on_progress(done, total)`` follows the reading of the input files.
    """
    return run_update(request, warn, on_progress)[0]


def run_update(
    request: Request,
    warn: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[Digest, Baseline | None]:
    """:func:`run_request`, and with ``request.new`` the baseline of the update summary."""
    from summarizer import Digest, Digester
    from summarizer.ranking.novelty import ReadSet
    from summarizer.reading.terms import TermAnalyzer
    from summarizer.store.index import recall_stems, remember_stems

    analyzer = TermAnalyzer()
    recall_stems(request.cache_dir, analyzer)  # the words stemmed before: no stemmer (NLTK) to load
    _, chosen = resolve_topics(request, analyzer)
    warnings: list[str] = []

    def on_warning(error: InputError) -> None:
        warnings.append(str(error))
        if warn:
            warn(error)

    corpus, read, baseline = load_corpora(request, analyzer, on_warning, on_progress)
    read_set = ReadSet(read, analyzer) if request.new else None
    digest = Digester(request.method, request.length, request.order)(corpus, chosen, read=read_set)  # type: ignore[arg-type]
    remember_stems(request.cache_dir, analyzer)  # words met for the first time (a query's), for next time
    return Digest(digest.articles, digest.summaries, tuple(warnings), digest.read_articles), baseline
