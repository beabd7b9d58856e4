"""One front door: what a user asks for (:class:`Request`) run by the engine, as ``newsdigest
summarize`` and the app run it.

>>> result = run(Request(topics=("aid",), length=Length(sentences=2)))   # the seed articles
>>> [len(s.sentences) for s in result.digest.summaries], result.baseline
([2], None)

A request names its inputs (files, folders, ``-``, URLs of feeds or pages, subscribed feeds), the
``since`` window, the topics or a query, the method, length and order, where the index lives and
whether only what is new since the last visit is wanted (``new``: an update summary, against the
read state kept beside the index). :func:`run` does it all at once and returns the digest with its
warnings and, for ``new``, its :class:`Baseline`. :class:`Run` is the same run in steps, for a
program that loads once and digests often (the app: topics ranked one by one, a New view beside
the whole corpus, cancellation between topics)::

    session = Run(request, on_warning=print, on_progress=lambda stage, done, total: ...)
    session.fetch()                 # URLs and feeds, as article files ("fetching")
    topics, chosen = session.resolve_topics()
    session.load()                  # the articles read ("reading"), the corpus built ("indexing")
    digest = session.digest()       # or session.summary(topic, method, length) per topic

Progress is ``on_progress(stage, done, total)``, the stage one of ``fetching``, ``reading``,
``indexing`` and ``comparing`` (total None when unknown); warnings are ``on_warning(InputError)``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, NewsdigestError
from .options import DEFAULT_METHOD, Length

if TYPE_CHECKING:  # the engine's heavy modules are imported when a run needs them
    from .model import Article, Digest, Summary, Topic
    from .ranking.corpus import Corpus
    from .ranking.novelty import ReadSet
    from .reading.terms import TermAnalyzer
    from .store.index import ArticleCache

Progress = Callable[[str, int, "int | None"], None]
"""``on_progress(stage, done, total)``: stage ``fetching``, ``reading``, ``indexing`` or ``comparing``."""
Warn = Callable[[InputError], None]


@dataclass(frozen=True)
class Request:
    """What the user asked for: everything a run depends on."""

    paths: tuple[str, ...] = ()
    """Files, folders, URLs or ``-``; empty means the seed articles."""
    topics: tuple[str, ...] = ()
    """Topic names; empty means every topic (or only the query's, when there is a query)."""
    query: str | None = None
    """A question or words to summarize for, as a topic of its own (``--query``)."""
    topics_file: Path | None = None
    """A TOML file of topics beside the user's own topics file (``--topics``)."""
    method: str = DEFAULT_METHOD
    """How sentences are ranked: ``topical`` (the default), or one of sumy's methods (``METHODS``)."""
    length: Length = Length(sentences=5)
    """How long each topic's summary is: sentences, or a word budget."""
    order: str = "relevance"
    """``relevance`` (the best sentence first) or ``chronological`` (by article date)."""
    cache_dir: Path | None = None
    """Where the persistent article index lives; None: nothing is kept between runs."""
    index: str | None = None
    """A ``postgresql://`` URL: the article index (and the read state) on that server instead of in ``cache_dir``."""
    reader: str | None = None
    """Whose read state ``new`` uses in a shared index (None: the login name)."""
    new: bool = False
    """Only what is new since the last visit: an update summary (the read state lives in
    ``cache_dir``)."""
    feeds: tuple[str, ...] | None = None
    """URLs of subscribed feeds whose stored articles are read too (``--feeds``); None: none. With
    ``index``, fetched articles are stored in (and read from) that database: the team's store."""
    since: datetime | None = None
    """Only articles published since then (``--since``; see :mod:`summarizer.fetching.window`)."""

    def __post_init__(self) -> None:
        # One path, topic or feed written alone is one, not its characters: ``paths="news/"`` had read
        # "n", "e", "w", "s" and "/" (the whole file system).
        for name in ("paths", "topics", "feeds"):
            value = getattr(self, name)
            if isinstance(value, (str, os.PathLike)):
                object.__setattr__(self, name, (os.fspath(value),))
            elif value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(os.fspath(v) for v in value))
        # A file or folder given as a string is that path ("topics.toml").
        for name in ("topics_file", "cache_dir"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, Path(value))


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
    """``new`` found no article that was not read (not a failure: the command line exits 0)."""

    def __init__(self, baseline: Baseline) -> None:
        read = f"{baseline.read} article{'' if baseline.read == 1 else 's'}"
        since = f" since {when(baseline.since)}" if baseline.since is not None else ""
        super().__init__(f"nothing new{since}: all {read} already read")
        self.baseline = baseline


@dataclass(frozen=True)
class Result:
    """What :func:`run` returns."""

    digest: Digest
    """Every chosen topic's summary, with the run's warnings."""
    baseline: Baseline | None
    """What the update summary is new against (``new`` requests only)."""


def when(moment: float, now: float | None = None) -> str:
    """A time as a reader says it: ``Tue 14:02`` within the week, else ``2026-11-03 14:02``."""
    now = time.time() if now is None else now
    local = time.localtime(moment)
    if 0 <= now - moment < 6 * 86400:
        return time.strftime("%a %H:%M", local)
    return time.strftime("%Y-%m-%d %H:%M", local)


def run(request: Request, on_warning: Warn | None = None, on_progress: Progress | None = None) -> Result:
    """The whole run behind ``newsdigest summarize``: fetch, load, rank and select.

    Raises :class:`NothingNew` when ``request.new`` finds nothing new, and other
    :class:`~summarizer.NewsdigestError` s when there is nothing to summarize or a topic is unknown.
    """
    return Run(request, on_warning, on_progress)()


def _build_corpus(articles: Sequence[Article], analyzer: TermAnalyzer, cache: ArticleCache | None) -> Corpus:
    """The one place where a run turns its articles into a corpus (through the index when there is one)."""
    from .ranking.corpus import Corpus

    return Corpus(articles, analyzer, cache=cache)


def _read_set(articles: Sequence[Article], analyzer: TermAnalyzer, cache: ArticleCache | None) -> ReadSet:
    """What the reader has read, from the index's sentences of those articles when there is one
    (cut for the run, not stored: it changes with every article read)."""
    from .ranking.corpus import Corpus
    from .ranking.novelty import ReadSet

    return ReadSet(articles, analyzer, corpus=Corpus(articles, analyzer, cache=cache, keep=False))


class Run:
    """A request, run in steps: :meth:`fetch`, :meth:`resolve_topics`, :meth:`load`, then
    :meth:`digest` or :meth:`summary` as often as asked (calling it runs them all, as :func:`run`).

    The steps are meant for one thread at a time; :meth:`summary` may run in a worker thread
    once :meth:`load` has returned.
    """

    def __init__(self, request: Request, on_warning: Warn | None = None, on_progress: Progress | None = None) -> None:
        self.request = request
        self.on_warning = on_warning
        self.on_progress = on_progress
        self.warnings: tuple[str, ...] = ()
        """Every warning of the run so far (files that could not be read, URLs that failed)."""
        self._sources: dict[str, str] = {}  # each fetched article's file: its URL (see fetch)
        self._asked: tuple[str, ...] | None = None  # the inputs as given, once URLs were fetched (see fetch)
        self.topics: tuple[Topic, ...] = ()
        """Every topic available (built-in, the user's, the request's file and query)."""
        self.chosen: tuple[Topic, ...] = ()
        """The topics the request asks for."""
        self.articles: tuple[Article, ...] = ()
        """Every article of the request (after ``since``)."""
        self.corpus: Corpus | None = None
        """The corpus the request is summarized over: every article, or with ``new`` the new ones."""
        self.read_set: ReadSet | None = None
        """With ``new``: the articles already read, whose information the summary leaves out."""
        self.baseline: Baseline | None = None
        self.update_corpus: Corpus | None = None
        """:meth:`load` with ``views=True``: the articles not read yet (None unless some were read and
        some are new); :attr:`read_set` then holds the read ones."""
        self.read_problems: tuple[str, ...] = ()
        """:meth:`load` with ``views=True``: why the read state could not be used."""
        self._fetched = False
        self._analyzer: TermAnalyzer | None = None

    # -- the whole run -----------------------------------------------------------------------

    def __call__(self) -> Result:
        self.fetch()
        self.resolve_topics()
        self.load()
        digest = self.digest()
        assert digest is not None
        return Result(digest, self.baseline)

    # -- the steps ---------------------------------------------------------------------------

    @property
    def index_location(self) -> Path | str | None:
        """Where the run's article index lives: the server (``request.index``) or ``cache_dir``."""
        return self.request.index or self.request.cache_dir

    @property
    def analyzer(self) -> TermAnalyzer:
        """The run's term analyzer, with the stems the index knows (no stemmer to load for them)."""
        if self._analyzer is None:
            from .reading.terms import TermAnalyzer
            from .store.index import recall_stems

            self._analyzer = TermAnalyzer()
            recall_stems(self.index_location, self._analyzer)
        return self._analyzer

    def _warn(self, error: InputError, on_warning: Warn | None = None) -> None:
        if error.path in self._sources:  # a fetched page's file: the reader knows its URL
            error = InputError(self._sources[error.path], error.problem)
        self.warnings = (*self.warnings, str(error))
        handler = on_warning or self.on_warning
        if handler:
            handler(error)

    def _progress(self, on_progress: Progress | None) -> Progress:
        return on_progress or self.on_progress or (lambda stage, done, total: None)

    @property
    def has_web_inputs(self) -> bool:
        """The request asks for URLs or subscribed feeds: :meth:`fetch` has work (and network) to do."""
        from .fetching.expand import has_web_inputs

        return not self._fetched and has_web_inputs(self.request.paths, self.request.feeds)

    def fetch(self, on_warning: Warn | None = None, on_progress: Progress | None = None) -> None:
        """Fetch the request's URLs and read its feeds from the store, as article files (once;
        :meth:`load` does it when not done). ``on_warning`` and ``on_progress`` replace the run's
        own for this step. Raises NoArticlesError when the web inputs were all that was asked for
        and none gave an article."""
        if not self.has_web_inputs:
            self._fetched = True
            return
        from .fetching.expand import expand_inputs

        progress = self._progress(on_progress)
        paths = expand_inputs(
            self.request.paths, self.request.feeds, self.request.cache_dir,
            lambda url, problem: self._warn(InputError(url, problem), on_warning),
            lambda done, total: progress("fetching", done, total),
            self.request.index,
            self._sources,
        )
        self._asked = tuple(self.request.paths) or ("the subscribed feeds",)
        self.request = replace(self.request, paths=paths, feeds=None)
        self._fetched = True

    def resolve_topics(self) -> tuple[tuple[Topic, ...], tuple[Topic, ...]]:
        """(every topic available, the topics chosen); TopicsError or UnknownTopicError when the
        request's topics file or names are wrong."""
        from .ranking.topics import available_topics, select_topics

        request = self.request
        topics = available_topics(request.topics_file, request.query, self.analyzer.stop_words)
        names = list(request.topics)
        if request.query and "query" not in names:
            names.append("query")  # a question alone asks for its answer, not every topic
        self.topics, self.chosen = topics, select_topics(topics, names)
        return self.topics, self.chosen

    def fallback_topics(self, problems: list[str]) -> tuple[Topic, ...]:
        """The topics that still work when the request's topics file or names are wrong (each
        problem met is added to ``problems``); they become :attr:`topics` and :attr:`chosen`."""
        from .errors import TopicsError
        from .ranking.topics import available_topics

        stop_words = self.analyzer.stop_words
        for topics_file in (self.request.topics_file, None):
            try:
                topics = available_topics(topics_file, self.request.query, stop_words)
                break
            except TopicsError as error:
                if str(error) not in problems:
                    problems.append(str(error))
        else:
            topics = available_topics(None, None, stop_words, use_config=False)
        self.topics = self.chosen = topics
        return topics

    def load(self, on_warning: Warn | None = None, on_progress: Progress | None = None, *, views: bool = False) -> None:
        """Read the request's articles (through the index when it has one), keep those of the
        ``since`` window and build the corpus.

        With ``request.new``: the corpus holds only the articles not marked read, :attr:`read_set`
        the read ones and :attr:`baseline` says so; :class:`NothingNew` when nothing is new.
        With ``views`` (the app's All and New views): the corpus holds every article and, when some
        were read and others are new, :attr:`update_corpus` and :attr:`read_set` the New view; a
        read state that cannot be used is a problem in :attr:`read_problems`, not an error.
        """
        from .store.index import ArticleCache

        self.fetch(on_warning, on_progress)
        progress = self._progress(on_progress)

        def warn(error: InputError) -> None:
            self._warn(error, on_warning)

        def reading(done: int, total: int) -> None:
            progress("reading", done, total)
            if done == total:  # every file read: the corpus is being indexed next
                progress("indexing", done, total)

        # With a server, the cache directory keeps the reader's copies of its sentence indexes.
        cache = ArticleCache(self.index_location, cache_dir=self.request.cache_dir)
        try:
            self.articles = self._read(cache, warn, reading)
            if views:
                self.corpus = _build_corpus(self.articles, self.analyzer, cache)
                self._split_views(cache, progress)
            elif self.request.new:
                self._split_new(cache, warn)
            else:
                self.corpus = _build_corpus(self.articles, self.analyzer, cache)
        finally:
            cache.close()

    def _read(self, cache: ArticleCache, warn: Warn, on_progress: Callable[[int, int], None]) -> tuple[Article, ...]:
        """The request's articles, within the ``since`` window (NoArticlesError when it leaves nothing)."""
        from .errors import NoArticlesError
        from .store.loading import load_articles

        request = self.request
        try:
            articles = load_articles(request.paths, on_warning=warn, on_progress=on_progress, cache=cache)
        except NoArticlesError:
            asked = self._asked
            if asked is None:
                raise
            # Name what was asked, URLs and feeds with the files, not the files they were fetched into.
            where = ", ".join(asked) if len(asked) <= 3 else f"{len(asked)} inputs"
            raise NoArticlesError(f"no readable articles in {where}") from None
        if request.since is None:
            return articles
        from .fetching.window import within

        kept = tuple(within(articles, request.since))
        if not kept:
            since = request.since.astimezone().strftime("%Y-%m-%d %H:%M")
            plural = "" if len(articles) == 1 else "s"
            raise NoArticlesError(f"none of the {len(articles)} article{plural} was published since {since}")
        return kept

    def _split_new(self, cache: ArticleCache, warn: Warn) -> None:
        from .store.backend import open_read_state

        def read_state_warning(message: str) -> None:
            path, _, problem = message.partition(": ")
            warn(InputError(path, problem))

        with open_read_state(self.request.cache_dir, self.request.index, self.request.reader, read_state_warning) as state:
            read, new, since = state.split(self.articles)
        self.baseline = Baseline(since, len(new), len(read))
        if not new:
            raise NothingNew(self.baseline)
        self.corpus = _build_corpus(new, self.analyzer, cache)
        self.read_set = _read_set(read, self.analyzer, cache)

    def _split_views(self, cache: ArticleCache, progress: Progress) -> None:
        from .store.backend import open_read_state
        from .store.read_state import ReadStateError

        if self.request.cache_dir is None:
            return
        problems: list[str] = []
        try:
            with open_read_state(self.request.cache_dir, self.request.index, self.request.reader, problems.append) as state:
                read, new, since = state.split(self.articles)
        except ReadStateError as error:
            problems.append(str(error))
            self.read_problems = tuple(problems)
            return
        self.read_problems = tuple(problems)
        if read and new:
            progress("comparing", 0, None)
            self.update_corpus = _build_corpus(new, self.analyzer, cache)
            self.read_set = _read_set(read, self.analyzer, cache)
        self.baseline = Baseline(since, len(new), len(read))

    # -- digests -----------------------------------------------------------------------------

    def _view(self, new: bool | None) -> tuple[Corpus, ReadSet | None]:
        """The corpus and read set to summarize: the request's (``new`` None), the whole corpus
        (False) or the New view (True, after ``load(views=True)``)."""
        if self.corpus is None:
            raise RuntimeError("digest before load()")
        if new is None:
            return self.corpus, self.read_set if self.request.new else None
        if not new:
            return self.corpus, None
        if self.update_corpus is None or self.read_set is None:
            raise RuntimeError("the New view without anything new")
        return self.update_corpus, self.read_set

    def digest(
        self,
        topics: Sequence[Topic] | None = None,
        *,
        method: str | None = None,
        length: Length | None = None,
        order: str | None = None,
        new: bool | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> Digest | None:
        """The digest of ``topics`` (the chosen ones by default) with the request's settings, or
        those given; ``new`` picks a view after ``load(views=True)``. None when ``should_cancel``
        said so before every topic was ranked."""
        from .digest import Digester
        from .model import Digest

        request = self.request
        if topics is None:
            if not self.chosen:
                self.resolve_topics()
            topics = self.chosen
        corpus, read = self._view(new)
        digester = Digester(method or request.method, length or request.length, order or request.order)  # type: ignore[arg-type]
        digest = digester(corpus, topics, should_cancel=should_cancel, read=read)
        self._remember_stems()
        if len(digest.summaries) < len(topics):
            return None
        return Digest(digest.articles, digest.summaries, self.warnings, digest.read_articles)

    def _remember_stems(self) -> None:
        """Keep the stems of words met for the first time (a title's, a query's) in the index, so
        that the next run, the app's included, loads no stemmer for them."""
        from .ranking.ranker import written_forms
        from .store.index import remember_stems

        analyzer = self.analyzer
        if analyzer.learned:
            # The stemmer is loaded: stem every available topic's words now (a few hundred words,
            # milliseconds), so that asking for another topic later loads no stemmer (0.7 s).
            for topic in self.topics:
                for phrase in (*topic.keywords, *topic.context):
                    for word in written_forms(phrase):
                        analyzer.stem(word)
        remember_stems(self.index_location, analyzer)

    def summary(self, topic: Topic, method: str, length: Length, new: bool | None = None) -> Summary:
        """One topic's summary in relevance order (what the app caches)."""
        digest = self.digest([topic], method=method, length=length, order="relevance", new=new)
        assert digest is not None
        return digest.summaries[0]

    def assemble(self, summaries: Sequence[Summary], order: str = "relevance", new: bool | None = None) -> Digest:
        """The digest of summaries made by :meth:`summary` (relevance order), in ``order``."""
        from .digest import chronological
        from .model import Digest

        corpus, read = self._view(new)
        if order == "chronological":
            summaries = [chronological(summary, corpus) for summary in summaries]
        return Digest(corpus.articles, tuple(summaries), self.warnings, read.articles if read is not None else ())

    def query_topic(self, text: str) -> Topic:
        """A topic made from free text (TopicsError when it has no content words)."""
        from .ranking.topics import query_topic

        return query_topic(text, self.analyzer.stop_words)

    # -- what the reader has seen ------------------------------------------------------------

    def mark_read(self, articles: Iterable[Article], how: str = "explicit") -> bool:
        """Record ``articles`` as read; False when there is no read state (no cache directory).
        ReadStateError when it cannot be written."""
        return mark_read(self.request.cache_dir, articles, how, index=self.request.index, reader=self.request.reader)

    def record_viewed(self, topics: Iterable[str]) -> bool:
        """Record that these topics' summaries were shown now; False without a read state."""
        return record_viewed(self.request.cache_dir, topics, index=self.request.index, reader=self.request.reader)


def mark_read(
    cache_dir: Path | None, articles: Iterable[Article], how: str = "explicit",
    *, index: str | None = None, reader: str | None = None,
) -> bool:
    """Record ``articles`` read in the read state of ``cache_dir`` (``how``: ``explicit``,
    ``summary``, ``opened``), or of ``reader`` in the shared ``index``; False when there is none.
    ReadStateError when it cannot be written."""
    if cache_dir is None:
        return False
    from .store.backend import open_read_state

    with open_read_state(cache_dir, index, reader) as state:
        state.mark(articles, how=how)
    return True


def mark_summarized(
    cache_dir: Path | None, digest: Digest, *, index: str | None = None, reader: str | None = None,
) -> bool:
    """Record a digest's articles read and its topics viewed, as ``summarize --mark-read`` does (and
    the app's Mark read), in one visit to the read state; False when there is none. ReadStateError
    when it cannot be written."""
    if cache_dir is None:
        return False
    from .store.backend import open_read_state

    with open_read_state(cache_dir, index, reader) as state:
        state.mark(digest.articles, how="summary")
        state.viewed(s.topic.name for s in digest.summaries)
    return True


def record_viewed(
    cache_dir: Path | None, topics: Iterable[str], *, index: str | None = None, reader: str | None = None,
) -> bool:
    """Record that these topics' summaries were shown now; False without a read state or topics."""
    topics = tuple(topics)
    if cache_dir is None or not topics:
        return False
    from .store.backend import open_read_state

    with open_read_state(cache_dir, index, reader) as state:
        state.viewed(topics)
    return True


def topics_in_use(topics_file: Path | None = None, query: str | None = None) -> tuple[tuple[Topic, ...], dict[str, tuple[str, ...]]]:
    """(the topics in use, in order; for each name defined more than once, the origins of the
    definitions it replaced): what ``newsdigest topics`` lists. TopicsError for a bad file."""
    from .ranking.topics import merge_topics, replaced_topics, topic_groups
    from .reading.terms import TermAnalyzer

    groups = topic_groups(topics_file, query, TermAnalyzer().stop_words)
    return merge_topics(*groups), replaced_topics(*groups)
