"""The app's session: the corpus and the settings it is digested with.

The :class:`Session` is the app's data layer: it runs the request through the engine's front door
(:class:`summarizer.Run`: loaded once, then ranked topic by topic), caches the summaries, and
imports nothing from Textual. The engine is imported lazily, inside :meth:`Session.load`, so that
the app paints before the (slow to import) engine is ready.

What the reader has seen lives in the read state beside the index (``read.sqlite3`` in the
request's cache directory, see :class:`summarizer.ReadState`): at load the session splits the
articles into those already read and those new, for the New view (an update summary); opening an
article marks it read (in a terminal: served, the app does not ask, see ``MainScreen._open_article``), and showing a topic's summary records when the topic was viewed. Without a
cache directory (``--no-cache``) nothing is recorded and there is no New view.

Tests and benchmarks keep away from the user's files by pointing ``NEWSDIGEST_TOPICS`` (read by
``summarizer.config_topics_path``) at a file of their own, or at one that does not exist,
and by giving a cache directory of their own (or none).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import Article, Baseline, Corpus, Digest, Length, Request, Run, Summary, Topic

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
        self.run: Run | None = None
        """The engine's run of the request, once :meth:`load` has started."""
        self.topics: dict[str, Topic] = {}
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
        from summarizer import NoArticlesError, Run, TopicsError, UnknownTopicError

        progress = on_progress or (lambda stage, done, total: None)
        progress("starting", 0, None)
        run = self.run = Run(self.request, on_progress=progress)
        problems: list[str] = []
        try:
            topics, chosen = run.resolve_topics()
        except (TopicsError, UnknownTopicError) as error:
            problems.append(str(error))
            topics = chosen = run.fallback_topics(problems)
        if "-" in self.request.paths:
            raise NoArticlesError("the app cannot read articles from stdin (-): give files or folders")
        self.topics = {t.name: t for t in topics}
        run.load(views=True)  # URLs and feeds fetched, --since applied; the All and the New view
        return Loaded(tuple(topics), tuple(t.name for t in chosen), run.warnings, tuple(problems), run.baseline,
                      run.read_problems)

    @property
    def corpus(self) -> Corpus | None:
        """Every article (the All view), once loaded."""
        return self.run.corpus if self.run is not None else None

    @property
    def update_corpus(self) -> Corpus | None:
        """The articles not read yet (the New view); None when nothing is new or nothing was read."""
        return self.run.update_corpus if self.run is not None else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What could not be read, so far."""
        return self.run.warnings if self.run is not None else ()

    def add_query(self, text: str, label_prefix: str = "") -> Topic:
        """A topic made from free text, under a name no other topic has.

        Raises :class:`summarizer.TopicsError` when the text has no content words.
        """
        if self.run is None:
            raise RuntimeError("add_query() before load()")
        topic = self.run.query_topic(text)
        name, n = topic.name, 2
        while name in self.topics:
            name, n = f"{topic.name}-{n}", n + 1
        topic = replace(topic, name=name, label=label_prefix + topic.label)
        self.topics[name] = topic
        return topic

    @property
    def _run(self) -> Run:
        if self.run is None or self.run.corpus is None:
            raise RuntimeError("digest() before load()")
        return self.run

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
            summary = self._run.summary(topic, settings.method, settings.length, new=settings.new)
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
        self._run.assemble((), new=settings.new)  # loaded, and the view exists
        summaries = []
        for name in settings.topics:
            if should_cancel and should_cancel() and not self.is_ranked(name, settings):
                return None
            summaries.append(self.summary(name, settings))
        return self._assemble(settings, summaries)

    def _assemble(self, settings: Settings, summaries: Sequence[Summary]) -> Digest:
        """The digest of the topics' cached summaries (in relevance order), in the settings' order."""
        return self._run.assemble(summaries, settings.order, new=settings.new)  # the cached ones are in relevance order

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

        Raises :class:`summarizer.ReadStateError` when it cannot be written.
        """
        from summarizer import mark_read

        return mark_read(self.request.cache_dir, [article], how="opened", index=self.request.index, reader=self.request.reader)

    def mark_summarized(self, digest: Digest) -> bool:
        """Record the articles of the digest on show read and its topics viewed, as ``summarize
        --mark-read`` does; False when there is no read state.

        Raises :class:`summarizer.ReadStateError` when it cannot be written.
        """
        from summarizer import mark_summarized

        return mark_summarized(self.request.cache_dir, digest, index=self.request.index, reader=self.request.reader)

    def record_viewed(self, topics: tuple[str, ...]) -> bool:
        """Record that these topics' summaries were shown now; False when there is no read state.

        Raises :class:`summarizer.ReadStateError` when it cannot be written.
        """
        from summarizer import record_viewed

        return record_viewed(self.request.cache_dir, topics, index=self.request.index, reader=self.request.reader)
