"""The app's session: the corpus and the settings it is digested with.

The :class:`Session` is the app's data layer: it holds the corpus and calls the engine, and imports
nothing from Textual. The engine is imported lazily, inside :meth:`Session.load`, so that the app
paints before the (slow to import) engine is ready.

Tests and benchmarks keep away from the user's files by pointing ``NEWSDIGEST_TOPICS`` (read by
``summarizer.ranking.topics.config_topics_path``) at a file of their own, or at one that does not exist.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import Corpus, Digest, Length, Summary, Topic

    from ..request import Request

Progress = Callable[[str, int, "int | None"], None]
"""Called with (stage, done, total) while loading."""


@dataclass(frozen=True)
class Settings:
    """Everything a digest depends on besides the corpus."""

    topics: tuple[str, ...]
    """Names of the selected topics, in the order of the topic list."""
    method: str
    length: Length
    order: str


@dataclass(frozen=True)
class Loaded:
    topics: tuple[Topic, ...]
    chosen: tuple[str, ...]
    warnings: tuple[str, ...]
    problems: tuple[str, ...]


class Session:
    """The corpus behind the app: built once, then digested on every change of settings.

    Summaries are cached per (topic, method, length), so toggling a topic back on, or switching
    the order, does not rank again; chronological order is applied to the cached summary.
    """

    CACHE_SIZE = 256

    def __init__(self, request: Request) -> None:
        self.request = request
        self.corpus: Corpus | None = None
        self.topics: dict[str, Topic] = {}
        self.warnings: tuple[str, ...] = ()
        self._stop_words: frozenset[str] = frozenset()
        self._cache: OrderedDict[tuple, Summary] = OrderedDict()
        self._lock = threading.Lock()

    def load(self, on_progress: Progress | None = None) -> Loaded:
        """Read the articles and build the corpus (in a worker thread).

        Raises :class:`summarizer.NewsdigestError` when there is nothing to summarize.
        """
        from summarizer import NoArticlesError, TopicsError, UnknownTopicError
        from summarizer.reading.terms import TermAnalyzer
        from summarizer.ranking.topics import available_topics

        from ..request import load_corpus, resolve_topics

        progress = on_progress or (lambda stage, done, total: None)
        progress("starting", 0, None)
        analyzer = TermAnalyzer()
        self._stop_words = analyzer.stop_words
        problems: list[str] = []
        try:
            topics, chosen = resolve_topics(self.request, analyzer)
        except (TopicsError, UnknownTopicError) as error:
            problems.append(str(error))
            topics = self._fallback_topics(available_topics, analyzer.stop_words, problems)
            chosen = topics
        if "-" in self.request.paths:
            raise NoArticlesError("the app cannot read articles from stdin (-): give files or folders")
        self.topics = {t.name: t for t in topics}
        warnings: list[str] = []

        def warn(error: Exception) -> None:
            warnings.append(str(error))
            self.warnings = tuple(warnings)

        def reading(done: int, total: int) -> None:
            progress("reading", done, total)
            if done == total:  # every file read: the corpus is being indexed next
                progress("indexing", done, total)

        from ..web_inputs import fetch_inputs  # URLs and subscribed feeds, as files (with progress)

        request = fetch_inputs(self.request, warn, lambda done, total: progress("fetching", done, total))
        self.corpus = load_corpus(request, analyzer, warn, reading)
        return Loaded(tuple(topics), tuple(t.name for t in chosen), tuple(warnings), tuple(problems))

    def _fallback_topics(self, available_topics, stop_words, problems: list[str]) -> tuple[Topic, ...]:
        """The topics that still work when the request's topics file or names are wrong."""
        from summarizer import TopicsError

        for topics_file in (self.request.topics_file, None):
            try:
                return available_topics(topics_file, self.request.query, stop_words)
            except TopicsError as error:
                if str(error) not in problems:
                    problems.append(str(error))
        return available_topics(None, None, stop_words, use_config=False)

    def add_query(self, text: str, label_prefix: str = "") -> Topic:
        """A topic made from free text, under a name no other topic has.

        Raises :class:`summarizer.TopicsError` when the text has no content words.
        """
        from summarizer import query_topic

        topic = query_topic(text, self._stop_words)
        name, n = topic.name, 2
        while name in self.topics:
            name, n = f"{topic.name}-{n}", n + 1
        topic = replace(topic, name=name, label=label_prefix + topic.label)
        self.topics[name] = topic
        return topic

    def digest(self, settings: Settings, should_cancel: Callable[[], bool] | None = None) -> Digest | None:
        """The digest for ``settings``; None when cancelled before it was complete."""
        from summarizer import Digest, Digester
        from summarizer.digest import chronological

        corpus = self.corpus
        if corpus is None:
            raise RuntimeError("digest() before load()")
        digester = Digester(settings.method, settings.length, "relevance")
        summaries = []
        for name in settings.topics:
            topic = self.topics[name]
            key = (topic, settings.method, settings.length)
            with self._lock:
                summary = self._cache.get(key)
            if summary is None:
                if should_cancel and should_cancel():
                    return None
                summary = digester(corpus, [topic]).summaries[0]
                with self._lock:
                    self._cache[key] = summary
                    while len(self._cache) > self.CACHE_SIZE:
                        self._cache.popitem(last=False)
            if settings.order == "chronological":
                summary = chronological(summary, corpus)
            summaries.append(summary)
        return Digest(corpus.articles, tuple(summaries), self.warnings)
