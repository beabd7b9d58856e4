"""The app's session: the corpus and the settings it is digested with.

The :class:`Session` is the app's data layer: it holds the corpus and calls the engine, and imports
nothing from Textual. The engine is imported lazily, inside :meth:`Session.load`, so that the app
paints before the (slow to import) engine is ready.

What the reader has seen lives in the read state beside the index (``read.sqlite3`` in the
request's cache directory, see :mod:`summarizer.store.read_state`): at load the session splits the
articles into those already read and those new, for the New view (an update summary); opening an
article marks it read, and showing a topic's summary records when the topic was viewed. Without a
cache directory (``--no-cache``) nothing is recorded and there is no New view.

Tests and benchmarks keep away from the user's files by pointing ``NEWSDIGEST_TOPICS`` (read by
``summarizer.ranking.topics.config_topics_path``) at a file of their own, or at one that does not exist,
and by giving a cache directory of their own (or none).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import Article, ArticleCache, Corpus, Digest, Length, Summary, Topic
    from summarizer.ranking.novelty import ReadSet
    from summarizer.reading.terms import TermAnalyzer

    from ..request import Baseline, Request

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
    new: bool = False
    """The New view: an update summary of the articles not read yet, leaving out what was read."""


@dataclass(frozen=True)
class Loaded:
    topics: tuple[Topic, ...]
    chosen: tuple[str, ...]
    warnings: tuple[str, ...]
    problems: tuple[str, ...]
    baseline: Baseline | None = None
    """What is new against what was read; None when there is no read state (``--no-cache``)."""
    read_problems: tuple[str, ...] = ()
    """The read state could not be used (it was set aside, or cannot be opened)."""

    @property
    def has_new(self) -> bool:
        """Something is new since the last visit: some articles were read and others were not."""
        return self.baseline is not None and self.baseline.read > 0 and self.baseline.new > 0


class Session:
    """The corpus behind the app: built once, then digested on every change of settings.

    Summaries are cached per (topic, method, length, view), so toggling a topic back on, or switching
    the order, does not rank again; chronological order is applied to the cached summary. The app
    fills the cache ahead of the reader (:meth:`rank_ahead`): the topics on show first, then the others.
    """

    CACHE_SIZE = 256

    def __init__(self, request: Request) -> None:
        self.request = request
        self.corpus: Corpus | None = None
        """Every article (the All view)."""
        self.update_corpus: Corpus | None = None
        """The articles not read yet (the New view); None when nothing is new or nothing was read."""
        self.read_set: ReadSet | None = None
        """The articles already read, whose information the New view leaves out."""
        self.topics: dict[str, Topic] = {}
        self.warnings: tuple[str, ...] = ()
        self._stop_words: frozenset[str] = frozenset()
        self._cache: OrderedDict[tuple, Summary] = OrderedDict()
        self._lock = threading.Lock()
        """Guards the cache."""
        self._rank_lock = threading.Lock()
        """One ranking at a time (they share the corpus and compete for the same cores anyway)."""
        self.rankings = 0
        """How many topic summaries were ranked (the engine run) in this session."""

    def load(self, on_progress: Progress | None = None) -> Loaded:
        """Read the articles and build the corpus (in a worker thread).

        Raises :class:`summarizer.NewsdigestError` when there is nothing to summarize.
        """
        from summarizer import ArticleCache, Corpus, NoArticlesError, TopicsError, UnknownTopicError
        from summarizer.reading.terms import TermAnalyzer
        from summarizer.ranking.topics import available_topics

        from ..request import resolve_topics

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

        from ..web_inputs import fetch_inputs, load_request_articles  # URLs and feeds, as files (with progress)

        request = fetch_inputs(self.request, warn, lambda done, total: progress("fetching", done, total))
        cache = ArticleCache(request.cache_dir)
        try:
            articles = load_request_articles(request, cache, warn, reading)  # --since applied
            self.corpus = Corpus(articles, analyzer, cache=cache)
            read_problems: list[str] = []
            baseline = self._split(articles, analyzer, cache, read_problems.append, progress)
        finally:
            cache.close()
        return Loaded(tuple(topics), tuple(t.name for t in chosen), tuple(warnings), tuple(problems), baseline,
                      tuple(read_problems))

    def _split(
        self,
        articles: Sequence[Article],
        analyzer: TermAnalyzer,
        cache: ArticleCache,
        warn: Callable[[str], None],
        progress: Progress,
    ) -> Baseline | None:
        """Which articles were read and which are new; with both, the New view's corpus and read set."""
        from summarizer import Corpus
        from summarizer.ranking.novelty import ReadSet
        from summarizer.store.read_state import ReadState, ReadStateError

        from ..request import Baseline

        if self.request.cache_dir is None:
            return None
        try:
            with ReadState(self.request.cache_dir, warn) as state:
                read, new, since = state.split(articles)
        except ReadStateError as error:
            warn(str(error))
            return None
        if read and new:
            progress("comparing", 0, None)
            self.update_corpus = Corpus(new, analyzer, cache=cache)
            self.read_set = ReadSet(read, analyzer)
        return Baseline(since, len(new), len(read))

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

    def _view(self, new: bool) -> tuple[Corpus, ReadSet | None]:
        """The corpus (and read set) of the All or the New view."""
        if self.corpus is None:
            raise RuntimeError("digest() before load()")
        if not new:
            return self.corpus, None
        if self.update_corpus is None or self.read_set is None:
            raise RuntimeError("the New view without anything new")
        return self.update_corpus, self.read_set

    @staticmethod
    def _key(topic: Topic, settings: Settings) -> tuple:
        return (topic, settings.method, settings.length, settings.new)

    def is_ranked(self, name: str, settings: Settings) -> bool:
        """The topic's summary for these settings is in the cache (showing it ranks nothing)."""
        with self._lock:
            return self._key(self.topics[name], settings) in self._cache

    def unranked(self, settings: Settings, names: Sequence[str] | None = None) -> tuple[str, ...]:
        """Which of ``names`` (the settings' topics by default) still need ranking for these settings."""
        return tuple(n for n in (settings.topics if names is None else names) if not self.is_ranked(n, settings))

    def summary(self, name: str, settings: Settings) -> Summary:
        """One topic's summary in relevance order, from the cache or ranked now (in a worker thread).

        Rankings run one at a time (a background worker and the reader's request share the cache:
        whichever comes second finds the summary ready).
        """
        from summarizer import Digester

        topic = self.topics[name]
        key = self._key(topic, settings)
        with self._lock:
            summary = self._cache.get(key)
            if summary is not None:
                self._cache.move_to_end(key)  # the least recently used go first
        if summary is not None:
            return summary
        with self._rank_lock:
            with self._lock:
                summary = self._cache.get(key)
            if summary is not None:
                return summary
            corpus, read = self._view(settings.new)
            summary = Digester(settings.method, settings.length, "relevance")(corpus, [topic], read=read).summaries[0]
            with self._lock:
                self.rankings += 1
                self._cache[key] = summary
                while len(self._cache) > self.CACHE_SIZE:
                    self._cache.popitem(last=False)
        return summary

    def cached_digest(self, settings: Settings) -> Digest | None:
        """The digest for ``settings`` when every topic's summary is cached, else None (never ranks:
        the app calls it on the event loop)."""
        if self.corpus is None:
            return None
        with self._lock:
            found = [self._cache.get(self._key(self.topics[name], settings)) for name in settings.topics]
        if any(summary is None for summary in found):
            return None
        return self._assemble(settings, found)

    def digest(self, settings: Settings, should_cancel: Callable[[], bool] | None = None) -> Digest | None:
        """The digest for ``settings``; None when cancelled before it was complete."""
        self._view(settings.new)  # loaded, and the view exists
        summaries = []
        for name in settings.topics:
            if should_cancel and should_cancel() and not self.is_ranked(name, settings):
                return None
            summaries.append(self.summary(name, settings))
        return self._assemble(settings, summaries)

    def _assemble(self, settings: Settings, summaries: Sequence[Summary]) -> Digest:
        """The digest of the topics' cached summaries (in relevance order), in the settings' order."""
        from summarizer import Digest
        from summarizer.digest import chronological

        corpus, read = self._view(settings.new)
        if settings.order == "chronological":  # the cached summary is in relevance order
            summaries = [chronological(summary, corpus) for summary in summaries]
        return Digest(corpus.articles, tuple(summaries), self.warnings, read.articles if read is not None else ())

    def rank_ahead(self, settings: Settings, names: Sequence[str], should_cancel: Callable[[], bool]) -> int:
        """Rank ``names`` for these settings into the cache, in order, until cancelled; how many were ranked.

        The app calls it in a background worker for the topics not on show, so that checking one
        later shows its summary at once.
        """
        ranked = 0
        for name in self.unranked(settings, names):
            if should_cancel():
                break
            self.summary(name, settings)
            ranked += 1
        return ranked

    # What the reader has seen (called from worker threads: each call opens the read state).

    def mark_opened(self, article: Article) -> bool:
        """Record that the reader opened ``article``; False when there is no read state.

        Raises :class:`summarizer.store.read_state.ReadStateError` when it cannot be written.
        """
        if self.request.cache_dir is None:
            return False
        from summarizer.store.read_state import ReadState

        with ReadState(self.request.cache_dir) as state:
            state.mark([article], how="opened")
        return True

    def record_viewed(self, topics: tuple[str, ...]) -> bool:
        """Record that these topics' summaries were shown now; False when there is no read state.

        Raises :class:`summarizer.store.read_state.ReadStateError` when it cannot be written.
        """
        if self.request.cache_dir is None or not topics:
            return False
        from summarizer.store.read_state import ReadState

        with ReadState(self.request.cache_dir) as state:
            state.viewed(topics)
        return True
