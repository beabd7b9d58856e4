"""The main screen: topics, the merged summary, why each sentence, and the sources.

The screen owns the state (the settings and the digest on show) and runs the engine in thread
workers; its widgets get data as attributes and answer with messages.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.reactive import reactive, var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from ...safety import printable
from ..counts import topic_citations
from ..session import Settings
from ..messages import CorpusLoaded, DigestProgress, DigestReady, LoadFailed, LoadProgress
from ..widgets.error_panel import ErrorPanel
from ..widgets.footer import Footer
from ..widgets.explanation_panel import ExplanationPanel
from ..widgets.loading_panel import LoadingPanel
from ..widgets.sources_panel import SourcesPanel
from ..widgets.status_bar import StatusBar
from ..widgets.summary_view import Entry, SummaryView
from ..widgets.topic_list import TopicList
from .article import ArticleScreen
from .confirm import ConfirmDialog
from .export import EXPORT_NAME, ExportDialog

if TYPE_CHECKING:
    from summarizer import Article, Baseline, Digest, Length, Sentence, Summary, SummarySentence

    from ...citations import Citations
    from ..app import NewsdigestApp

LENGTH = Binding.Group("Length")
BUSY_DELAY = 0.2
"""Seconds before the status line says the engine is ranking (quick runs never flash it)."""
WORDS_STEP = 25
WARNINGS_SHOWN = 3
SEARCH_HINT = "enter: first match, then n / N \u00b7 escape: close"
"""Under the search box: what enter does there, and the keys that follow."""


class MainScreen(Screen[None]):
    """Topics on the left, the summary in the middle, the sources below it or on the right.

    | Key(s) | Description |
    | :- | :- |
    | / | Search the summary; n / N next / previous match. |
    | + / - | More / fewer sentences (or words) per topic. |
    | m | Next ranking method. |
    | r | Relevance or chronological order. |
    | e / y | Export as Markdown / copy it to the clipboard. |
    | s | Show or hide the sources panel. |
    | a | Type a query to add as a topic (escape leaves the box). |
    | u | What is new since the last visit, or all the articles. |
    """

    AUTO_FOCUS = ""
    """Nothing while loading (no key there would act); the summary once it is shown."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-small"), (60, "-narrow"), (120, "-medium"),
                                                                  (160, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (30, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Find text in the summary"),
        Binding("n", "next_match", "Next match", show=False, tooltip="Go to the next search match"),
        Binding("N", "previous_match", "Previous match", show=False, tooltip="Go to the previous search match"),
        Binding("plus,equals_sign", "longer", "Longer", group=LENGTH,
                tooltip="One more sentence per topic (or 25 more words)"),
        Binding("minus", "shorter", "Shorter", group=LENGTH,
                tooltip="One sentence fewer per topic (or 25 fewer words)"),
        Binding("m", "cycle_method", "Method", tooltip="Rank with the next method"),
        Binding("r", "toggle_order", "Order", tooltip="Switch between relevance and chronological order"),
        Binding("u", "toggle_new", "New/All",
                tooltip="What is new since the last visit (what was read left out), or every article"),
        Binding("e", "export", "Export", tooltip="Save the summary as a Markdown file"),
        Binding("y", "copy", "Copy", show=False, tooltip="Copy the summary, as Markdown, to the clipboard"),
        Binding("s", "toggle_sources", "Sources", show=False, tooltip="Show or hide the sources panel"),
        Binding("a", "add_query", "Ask", tooltip="Type a question or words to add as a topic"),
        Binding("R", "mark_read", "Mark read", show=False,
                tooltip="Mark the articles of the summary on show read: the next visit's New view leaves them out"),
        Binding("escape", "close_box", "Close box", show=False,
                tooltip="Close the search box, or leave the query box for the summary"),
    ]

    method: var[str] = var("")
    order: var[str] = var("relevance")
    length: var[Length | None] = var(None)
    selected: var[tuple[str, ...]] = var(())
    """Names of the checked topics."""
    loaded: var[bool] = var(False)
    """The corpus is built (the settings can change)."""
    new_view: var[bool] = var(False)
    """The New view is on show: an update summary of the articles not read yet."""
    digest: var[Digest | None] = var(None, always_update=True)
    citations: var[Citations | None] = var(None, always_update=True)
    """The one citation model of ``digest``: every number and count on screen comes from it."""
    topic_citations: var[dict[str, Citations]] = var(dict, always_update=True)
    """Each topic's own citations (its heading's counts, the Why panel on its heading)."""
    show_sources: reactive[bool] = reactive(True)
    searching: reactive[bool] = reactive(False)

    app: NewsdigestApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._busy_timer: Timer | None = None
        """Pending while a ranking is young: quick ones never flash the status line."""
        self._had_digest = False
        self._activity = ""
        """What the status line says while ranking (``ranking with lexrank… 1 of 3 topics``)."""
        self._current_article: Article | None = None
        self._articles: dict[str, Article] = {}
        self.last_digest_seconds: float | None = None
        """How long the engine took for the digest on show."""
        self.baseline: Baseline | None = None
        """What is new against what was read (None: no read state, or still loading)."""
        self.has_new: bool = False
        """The New view exists: some articles were read and others are new."""
        self._read_state_failed = False
        self._opened: set[str] = set()
        """Articles opened in this session (marked read for the next visit)."""
        self._show_topic: str | None = None
        self._lead_sources: str | None = None
        """A question just asked: once the cursor is on its first answer, that sentence's source is
        scrolled to the top of the Sources panel (held-out audit 19: the panel led with other
        topics' articles, the answer's at its bottom edge)."""
        """A topic just added: the summary moves to it once its digest is on show."""

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Container(id="body"):
            with Vertical(id="sidebar"):
                topics = TopicList(id="topics")
                topics.border_title = "Topics"
                yield topics
                query = Input(placeholder="Add a query topic", id="query")
                query.border_title = "Query"
                yield query
                explanation = ExplanationPanel(id="explanation")
                explanation.border_title = "Why"
                yield explanation
            with Vertical(id="summary-pane"):
                search = Input(placeholder="Search the summary", id="search")
                search.border_title = "Search"
                search.border_subtitle = SEARCH_HINT
                search.display = False
                yield search
                # Loading and failing happen in the summary's place, in a panel like it.
                loading = LoadingPanel(id="loading")
                loading.border_title = "Summary"
                yield loading
                error = ErrorPanel(id="error")
                error.border_title = "Summary"
                error.display = False
                yield error
                summary = SummaryView(id="summary")
                summary.border_title = "Summary"
                summary.display = False
                yield summary
            # While loading, the sources below a narrow summary wait (see app.tcss); a class of
            # the panel's own, since a class of the screen restyles every widget when it changes.
            sources = SourcesPanel(id="sources", classes="-loading")
            sources.border_title = "Sources"
            sources.border_subtitle = "loading\u2026"
            yield sources
        yield Footer()

    def on_mount(self) -> None:
        request = self.app.session.request
        self.method = request.method
        self.order = request.order
        self.length = request.length
        self.query_one(TopicList).border_subtitle = "loading\u2026"
        self.query_one(StatusBar).activity = "loading\u2026"
        self.query_one(ExplanationPanel).clear("Loading the articles\u2026")
        self.load()

    # Workers: the engine runs in threads; results come back as messages.

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        from summarizer import NewsdigestError  # the engine's first import, off the event loop

        session = self.app.session
        try:
            loaded = session.load(lambda stage, done, total: self.post_message(LoadProgress(stage, done, total)))
        except (NewsdigestError, OSError) as error:
            self.post_message(LoadFailed(_one_line(error), session.warnings))
            return
        articles = len(session.corpus.articles) if session.corpus else 0
        # The topics on show are ranked here, before the screen changes: the loaded screen and its
        # first summary are then laid out and painted once, not the one and then the other.
        request, worker = session.request, get_current_worker()
        first = Settings(loaded.chosen, request.method, request.length, request.order, loaded.has_new)
        self.post_message(LoadProgress("ranking", 0, None))
        try:
            session.rank_ahead(first, loaded.chosen, should_cancel=lambda: worker.is_cancelled)
        except Exception:  # noqa: BLE001 - the digest worker ranks them again, and says what went wrong
            pass
        self.post_message(CorpusLoaded(loaded.topics, loaded.chosen, articles, loaded.warnings, loaded.problems,
                                       loaded.baseline, loaded.has_new, loaded.read_problems))

    @work(thread=True, exclusive=True, group="digest", exit_on_error=False)
    def summarize(self, settings: Settings) -> None:
        """The digest of the topics on show (a newer request cancels this one between topics)."""
        worker = get_current_worker()
        started = time.perf_counter()
        session = self.app.session
        pending = session.unranked(settings)
        for done, name in enumerate(pending):  # one topic at a time, saying how far it has gone
            if worker.is_cancelled:
                return
            self.post_message(DigestProgress(settings, done, len(pending)))
            session.summary(name, settings)
        digest = session.digest(settings, should_cancel=lambda: worker.is_cancelled)
        if digest is not None and not worker.is_cancelled:
            self.post_message(DigestReady(digest, settings, time.perf_counter() - started))

    @work(thread=True, exclusive=True, group="rank-ahead", exit_on_error=False)
    def rank_ahead(self, jobs: tuple[tuple[Settings, tuple[str, ...]], ...]) -> None:
        """Rank, in the background, what the reader may ask for next: the topics not checked, then the
        other view's; checking one of them then shows its summary without waiting for the engine.
        Any new request cancels this (between topics) and starts it again after."""
        worker = get_current_worker()
        for settings, names in jobs:
            if worker.is_cancelled:
                return
            self.app.session.rank_ahead(settings, names, should_cancel=lambda: worker.is_cancelled)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = f"internal error in {event.worker.name}: {type(error).__name__}: {error}"
        self.log.error(message)
        if event.worker.group == "load":
            self.post_message(LoadFailed(message))
        else:
            self._set_busy(False)
            self.notify(printable(message), severity="error", markup=False, timeout=10)

    # Messages from the workers.

    def on_load_progress(self, message: LoadProgress) -> None:
        self.query_one(LoadingPanel).progress(message.stage, message.done, message.total)
        if message.stage == "ranking":
            self.query_one(ExplanationPanel).clear("Ranking the sentences\u2026")

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        for problem in message.problems:
            self.notify(printable(problem), title="Topics", severity="error", markup=False, timeout=10)
        for problem in message.read_problems:
            self.notify(printable(problem), title="What was read", severity="warning", markup=False, timeout=10)
        self._notify_warnings(message.warnings)
        self.query_one(LoadingPanel).display = False
        self.query_one(SourcesPanel).remove_class("-loading")
        summary = self.query_one(SummaryView)
        summary.display = True
        summary.focus()
        self.query_one(SourcesPanel).border_subtitle = ""
        self.query_one(StatusBar).articles = message.articles
        topic_list = self.query_one(TopicList)
        topic_list.border_subtitle = ""
        topic_list.set_topics(message.topics, message.chosen)
        self.query_one(ExplanationPanel).clear("Ranking the sentences\u2026")
        self.baseline, self.has_new = message.baseline, message.has_new
        self.refresh_bindings()  # the footer shows New/All when there is something new
        self.new_view = message.has_new  # something new since the last visit: it comes first
        self.loaded = True
        checked = self.query_one(TopicList).checked
        if checked == self.selected:
            self._refresh_digest()
        else:
            self.selected = checked  # the watcher asks for the digest

    def on_load_failed(self, message: LoadFailed) -> None:
        self.app.failed = True
        self.query_one(SourcesPanel).remove_class("-loading")
        self.add_class("-failed")  # the reason alone, the whole width: no empty panels beside it
        self.set_focus(None)  # nothing to act on: help and quit
        self.refresh_bindings()
        self.query_one(LoadingPanel).display = False
        self.query_one(SummaryView).display = False
        error = self.query_one(ErrorPanel)
        error.show(message.error, message.warnings)
        error.display = True
        status = self.query_one(StatusBar)
        status.activity = "nothing to summarize"
        self.query_one(ExplanationPanel).clear("")  # the panel says why: no notification saying it again

    def on_digest_progress(self, message: DigestProgress) -> None:
        if message.settings != self.settings or message.done >= message.total:
            return
        topics = f"{message.done} of {message.total} topics" if message.total > 1 else "1 topic"
        self._activity = f"ranking with {message.settings.method}\u2026 {topics}"
        if self._busy_timer is None:  # the delay is over: what it says is on show
            self.query_one(StatusBar).activity = self._activity

    def on_digest_ready(self, message: DigestReady) -> None:
        if message.settings != self.settings:
            return  # stale: the settings changed while it ran
        self._show(message.digest, message.settings, message.seconds)

    def _show(self, digest: Digest, settings: Settings, seconds: float) -> None:
        """Put a digest on screen, then rank ahead what the reader may ask for next."""
        self._set_busy(False)
        self.last_digest_seconds = seconds
        self.digest = digest
        self.record_viewed(tuple(s.topic.name for s in digest.summaries))
        self._rank_ahead(settings)

    def _untick_empty_topics(self, digest: Digest) -> None:
        """On the first summary, the topics nothing here is about are unticked when others have
        something (held-out audit 18: a story of a cyberattack opened on "No sentences about aid"
        and "... mediation", the reader's own topics below the fold). Not topics the reader named."""
        if self.app.session.request.topics or self.app.session.request.query:
            return
        empty = [s.topic for s in digest.summaries if not s.candidates]
        if not empty or len(empty) == len(digest.summaries):
            return
        topics = self.query_one(TopicList)
        for topic in empty:
            topics.deselect(topic.name)
        labels = ", ".join(printable(t.label) for t in empty)
        self.notify(f"Nothing here is about {labels}: unticked (tick {'it' if len(empty) == 1 else 'them'} "
                    "in Topics to see)", title="Topics", markup=False, timeout=6)

    def _rank_ahead(self, settings: Settings) -> None:
        names = self.query_one(TopicList).names
        jobs = [(settings, tuple(n for n in names if n not in settings.topics))]
        if self.has_new:  # the other view, for u
            jobs.append((replace(settings, new=not settings.new), settings.topics))
        session = self.app.session
        if any(session.unranked(s, n) for s, n in jobs):
            self.rank_ahead(tuple(jobs))

    def _notify_warnings(self, warnings: tuple[str, ...]) -> None:
        if not warnings:
            return
        lines = [printable(w) for w in warnings[:WARNINGS_SHOWN]]
        if len(warnings) > WARNINGS_SHOWN:
            lines.append(f"and {len(warnings) - WARNINGS_SHOWN} more")
        n = len(warnings)
        self.notify("\n".join(lines), title=f"Skipped {n} input{'s' if n != 1 else ''}",
                    severity="warning", markup=False, timeout=10)

    # State.

    @property
    def settings(self) -> Settings | None:
        if not self.loaded or self.length is None:
            return None
        return Settings(self.selected, self.method, self.length, self.order, self.new_view and self.has_new)

    def _refresh_digest(self) -> None:
        settings = self.settings
        if settings is None:
            return
        status = self.query_one(StatusBar)
        status.method, status.order = settings.method, settings.order
        status.length = _length_label(settings.length)
        status.topics = (len(settings.topics), len(self.query_one(TopicList).names))
        self.workers.cancel_group(self, "rank-ahead")  # the reader's request comes first
        digest = self.app.session.cached_digest(settings)
        if digest is not None:  # every topic ranked before: no worker, no wait
            self.workers.cancel_group(self, "digest")  # an older request still ranking is stale
            self._show(digest, settings, 0.0)
            return
        self._set_busy(True, settings)
        self.summarize(settings)

    def _set_busy(self, busy: bool, settings: Settings | None = None) -> None:
        if self._busy_timer is not None:
            self._busy_timer.stop()
            self._busy_timer = None
        status = self.query_one(StatusBar)
        if busy:
            self._activity = f"ranking with {settings.method}\u2026" if settings else "ranking\u2026"
            if status.activity:  # already saying it ranks: say which method now, never the last one
                status.activity = self._activity
                return

            def show() -> None:
                self._busy_timer = None
                status.activity = self._activity

            self._busy_timer = self.set_timer(BUSY_DELAY, show)
        else:
            status.activity = ""

    def watch_method(self) -> None:
        self._refresh_digest()

    def watch_order(self) -> None:
        self._refresh_digest()

    def watch_length(self) -> None:
        self._refresh_digest()

    def watch_selected(self) -> None:
        self._refresh_digest()

    def watch_new_view(self) -> None:
        self._refresh_digest()

    def watch_digest(self, digest: Digest | None) -> None:
        if digest is None:
            return
        from ...citations import Citations

        if not self._had_digest:  # the actions that need a digest are possible now (the footer is
            self._had_digest = True  # made again: not on every digest)
            self.refresh_bindings()
            self._untick_empty_topics(digest)
        if not all(a.id in self._articles for a in digest.articles):  # the New view's are a subset of All's
            self._articles = {**self._articles, **{a.id: a for a in digest.articles}}
        self.citations = Citations.of(digest)
        self.topic_citations = topic_citations(digest)
        status = self.query_one(StatusBar)
        status.view = ("New" if digest.is_update else "All") if self.baseline and self.baseline.read else ""
        status.articles = len(digest.articles)
        summary = self.query_one(SummaryView)
        summary.citations = self.citations
        summary.topic_citations = self.topic_citations
        summary.set_reactive(SummaryView.note, self._note(digest))  # drawn with the digest, below
        summary.set_reactive(SummaryView.asked, self._asked_sentences)
        summary.digest = digest
        sources = self.query_one(SourcesPanel)
        sources.citations = self.citations
        sources.digest = digest
        if self._show_topic is not None and summary.show_topic(self._show_topic):
            self._lead_sources = self._show_topic  # its first answer's sources lead the Sources panel
            self._show_topic = None  # a query just added: its summary is what the reader asked for
        # The Why panel follows the cursor from now on: never a loading message beside a summary.
        self._explain(summary.current)
        if not digest.summaries:
            self.query_one(ExplanationPanel).clear("Check a topic to see its summary.")
            sources.marked = ()

    def watch_show_sources(self, show: bool) -> None:
        self.set_class(not show, "-no-sources")

    def watch_searching(self, searching: bool) -> None:
        self.refresh_bindings()
        search = self.query_one("#search", Input)
        search.display = searching
        if searching:
            search.focus()

    # Messages from the widgets.

    def on_topic_list_changed(self, event: TopicList.Changed) -> None:
        self.selected = event.selected

    def on_summary_view_sentence_highlighted(self, event: SummaryView.SentenceHighlighted) -> None:
        self._explain_sentence(event.summary, event.item, event.position)

    def on_summary_view_topic_highlighted(self, event: SummaryView.TopicHighlighted) -> None:
        self._explain_topic(event.summary)

    def _explain(self, entry: Entry | None) -> None:
        """The Why panel and the marked sources for a summary entry (the one under the cursor)."""
        if entry is None or entry.summary is None:
            self.query_one(ExplanationPanel).clear("Move to a sentence to see why it was chosen.")
        elif entry.kind == "sentence" and entry.item is not None:
            self._explain_sentence(entry.summary, entry.item, entry.position)
        elif entry.kind in ("topic", "message"):
            self._explain_topic(entry.summary)

    def _explain_sentence(self, summary: Summary, item: SummarySentence, position: int) -> None:
        if self.digest is None or self.citations is None:
            return
        self.query_one(ExplanationPanel).show_sentence(summary, item, position, self.digest, self.citations)
        sources = self.query_one(SourcesPanel)
        sources.marked = tuple(dict.fromkeys(s.article_id for s in item.sources))
        self._current_article = self._article(item.sentence.article_id)
        if self._lead_sources is not None and summary.topic.name == self._lead_sources:
            self._lead_sources = None
            sources.show_marked(top=True)

    @property
    def _asked_sentences(self) -> int | None:
        """How many sentences each summary is asked for, or None for a word budget."""
        return self.length.sentences if self.length is not None else None

    def _explain_topic(self, summary: Summary) -> None:
        citations = self.topic_citations.get(summary.topic.name)
        if self.digest is None or citations is None:
            return
        self.query_one(ExplanationPanel).show_topic(summary, self.digest, citations, self._asked_sentences)
        self.query_one(SourcesPanel).marked = tuple(a.id for a in citations.articles)

    def on_summary_view_sentence_opened(self, event: SummaryView.SentenceOpened) -> None:
        article = self._article(event.item.sentence.article_id)
        if article is not None:
            self._open_article(article, event.item.sentence)

    def on_sources_panel_article_opened(self, event: SourcesPanel.ArticleOpened) -> None:
        cited = self._cited_sentences(event.article.id)
        self._open_article(event.article, cited[0] if cited else None)

    def on_sources_panel_article_highlighted(self, event: SourcesPanel.ArticleHighlighted) -> None:
        if self.query_one(SourcesPanel).has_focus:
            self._current_article = event.article

    def on_summary_view_matches_changed(self, event: SummaryView.MatchesChanged) -> None:
        self.refresh_bindings()
        summary = self.query_one(SummaryView)
        if not event.search.strip():
            summary.border_subtitle = ""
        elif not event.count:
            summary.border_subtitle = "no match"
        else:
            where = f"match {event.current} of {event.count}" if event.current else f"{event.count} matches"
            summary.border_subtitle = where

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_one(SummaryView).search = event.value

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter confirms the search, as in less and vim: the cursor goes to the first match and the
        keys are the summary's again (n / N for the next and previous match)."""
        if not event.value.strip():
            self.action_close_search()
            return
        summary = self.query_one(SummaryView)
        summary.focus()
        if not summary.first_match():
            self.notify("No sentence matches the search.", severity="warning", markup=False)

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if not self.loaded:
            self.notify("The articles are still loading.", severity="warning", markup=False)
            return
        from summarizer import TopicsError

        try:
            topic = self.app.session.add_query(text)
        except TopicsError as error:
            self.notify(printable(str(error)), title="Query", severity="error", markup=False)
            return
        event.input.value = ""
        self._show_topic = topic.name  # once its summary is ranked, the view moves to it
        self.query_one(TopicList).add_topic(topic)
        self.query_one(SummaryView).focus()

    # Actions (keys, the command palette).

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys the footer shows: New/All only when there is a New view to switch to (the key,
        the palette and the help keep it: they say why when there is none); on a narrow terminal,
        the least used keys go first, so that Quit and Help always fit."""
        bindings = super().active_bindings
        focused = self.focused
        if isinstance(focused, Input):  # a text box: the keys it takes as text are no commands there
            bindings = {key: active for key, active in bindings.items()
                        if not focused.check_consume_key(key, _typed(key))}
        if not self.has_new:
            bindings = {key: active for key, active in bindings.items() if active.binding.action != "toggle_new"}
        return fit_footer(bindings, self.app.size.width, self.app.get_key_display)

    def on_resize(self) -> None:
        self.refresh_bindings()  # the footer keeps what fits

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"longer", "shorter", "cycle_method", "toggle_order", "toggle_new", "export", "copy",
                      "toggle_topic", "only_topic", "search", "toggle_sources", "add_query", "mark_read"}:
            # Loading or failed: the footer offers only the keys that work (help, quit).
            return self.loaded and self.digest is not None
        if action in {"next_match", "previous_match"}:
            summary = self.query(SummaryView).first() if self.query(SummaryView) else None
            return True if summary is not None and summary.search.strip() else None
        if action == "close_box":
            return self.searching or (self.focused is not None and self.focused.id == "query")
        return True

    def action_search(self) -> None:
        """Open the search box, or go back to it when it is open: typed letters then go there."""
        self.searching = True
        self.query_one("#search", Input).focus()

    def action_close_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        self.query_one(SummaryView).search = ""
        self.searching = False
        self.query_one(SummaryView).focus()

    def action_close_box(self) -> None:
        if self.searching:
            self.action_close_search()
        else:  # the query box: what was typed stays, for when the reader comes back
            self.query_one(SummaryView).focus()

    def action_next_match(self) -> None:
        self.query_one(SummaryView).next_match(1)

    def action_previous_match(self) -> None:
        self.query_one(SummaryView).next_match(-1)

    def action_longer(self) -> None:
        self._resize(+1)

    def action_shorter(self) -> None:
        self._resize(-1)

    def _resize(self, step: int) -> None:
        from summarizer import Length

        length = self.length
        if length is None:
            return
        if length.words is not None:
            words = max(WORDS_STEP, length.words + step * WORDS_STEP)
            self.length = Length(words=words)
        else:
            self.length = Length(sentences=max(1, min(50, (length.sentences or 1) + step)))
        if self.length == length:
            self.notify("That is the shortest summary.", markup=False)

    def action_cycle_method(self) -> None:
        from summarizer import METHOD_DESCRIPTIONS, METHODS

        index = METHODS.index(self.method) if self.method in METHODS else -1
        self.method = METHODS[(index + 1) % len(METHODS)]
        self.notify(f"{self.method}: {METHOD_DESCRIPTIONS.get(self.method, '')}", title="Method", markup=False,
                    timeout=3)

    def action_toggle_order(self) -> None:
        from summarizer import ORDERS

        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)] if self.order in ORDERS else ORDERS[0]

    def action_toggle_new(self) -> None:
        if self.has_new:
            self.new_view = not self.new_view
            return
        baseline = self.baseline
        if baseline is None:
            why = "Nothing is recorded as read without a cache directory (--no-cache)."
        elif not baseline.read and self._opened:
            n = len(self._opened)
            why = (f"{n} article{'s' if n != 1 else ''} opened since the app started: read from the next visit "
                   "on, when the New view leaves them out (the New view is made when the app starts).")
        elif not baseline.read and self.app.is_web:
            why = ("Nothing read yet: every article is new. In a browser, opening an article does not mark it "
                   "read (the tabs share what was read); R marks the summary's articles read for every tab.")
        elif not baseline.read:
            why = "Nothing read yet: every article is new. Opening an article marks it read."
        else:
            from summarizer import NothingNew

            text = str(NothingNew(baseline))
            why = text[:1].upper() + text[1:] + "."
        self.notify(printable(why), title="New", markup=False, timeout=5)

    def action_toggle_sources(self) -> None:
        self.show_sources = not self.show_sources

    def action_add_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_toggle_topic(self, name: str) -> None:
        topics = self.query_one(TopicList)
        if name in topics.names:
            topics.toggle(name)

    def action_only_topic(self, name: str) -> None:
        topics = self.query_one(TopicList)
        if name in topics.names:
            topics.show_only(name)

    def action_copy(self) -> None:
        if self.digest is None:
            return
        if not self.app.is_web:
            self.app.copy_to_clipboard(self._markdown(self.digest))
            # The terminal's clipboard (OSC 52) says nothing back: the app cannot know the text arrived,
            # and tmux drops it unless told not to (QA walkthrough 17).
            message = "The summary was sent to the terminal's clipboard, as Markdown."
            if os.environ.get("TMUX"):
                message += " Inside tmux it arrives only with: set -g set-clipboard on"
            self.notify(message, markup=False, timeout=5)
            return
        from ...browser import page_is_secure

        if not page_is_secure():
            self.notify("Your browser lets a page use the clipboard only over https or on this computer "
                        "(localhost), and this page is neither. Press e to download the summary instead.",
                        title="Not copied", severity="warning", markup=False, timeout=10)
            return
        self.app.copy_to_clipboard(self._markdown(self.digest))  # the page's terminal hands it to the browser
        self.notify("The summary is on your browser's clipboard, as Markdown.", markup=False, timeout=3)

    def action_export(self) -> None:
        if self.digest is None:
            return
        if self.app.is_web:  # served: the file goes to the reader's browser, never onto the server's disk
            self._deliver(self.digest)
        else:
            self.app.push_screen(ExportDialog(), self._export_to)

    def _deliver(self, digest: Digest) -> None:
        import io

        self.app.deliver_text(io.StringIO(self._markdown(digest)), save_filename=EXPORT_NAME,
                              mime_type="text/markdown", encoding="utf-8", name="export")
        self.notify(f"Your browser downloads the summary as {EXPORT_NAME}.", markup=False, timeout=4)

    def _export_to(self, path: Path | None) -> None:
        if path is None or self.digest is None:
            return
        digest = self.digest
        if path.exists():
            def answered(yes: bool | None) -> None:
                if yes:
                    self._write(path, digest)

            self.app.push_screen(ConfirmDialog(f"{path} exists. Overwrite it?", yes="Overwrite", no="Keep it"),
                                 answered)
        else:
            self._write(path, digest)

    def _write(self, path: Path, digest: Digest) -> None:
        from summarizer import write_atomically

        try:
            write_atomically(path, self._markdown(digest))
        except OSError as error:
            self.notify(printable(f"{path}: {error.strerror or error}"), title="Not saved", severity="error",
                        markup=False)
            return
        self.notify(printable(f"Saved {path}"), markup=False, timeout=3)

    # Helpers.

    @property
    def current_article(self) -> Article | None:
        """What ``o`` (open source) opens: the sentence's source, or the article picked in Sources."""
        return self._current_article

    def show_article(self, article: Article) -> None:
        """The article view for ``article``, at its first sentence the summary cites."""
        cited = self._cited_sentences(article.id)
        self._open_article(article, cited[0] if cited else None)

    def _article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def _cited_sentences(self, article_id: str) -> list[Sentence]:
        """The article's sentences the summary cites (its own, and those saying the same as a summary
        sentence), in article order."""
        if self.digest is None:
            return []
        found = {source for s in self.digest.summaries for item in s.sentences for source in item.sources
                 if source.article_id == article_id}
        return sorted(found, key=lambda s: s.index)

    def _open_article(self, article: Article, target: Sentence | None) -> None:
        citations = self.citations
        number = citations.numbers.get(article.id) if citations else None
        count = citations.counts.get(article.id, 0) if citations else None
        self.app.push_screen(ArticleScreen(article, target, self._cited_sentences(article.id), number, count))
        if self.app.is_web:
            # Served, every tab shares the server's read state and no tab knows who reads it: one
            # click (held-out audit 19: a stray one) would make the article read for every reader,
            # and every next session open on the New view. What a browser reader has read is said
            # with R, on purpose; the terminal's reader is one person, and opening is reading.
            return
        self._opened.add(article.id)
        self.mark_opened(article)

    # What the reader has seen: written in threads (the read state is a file other processes share).

    @work(thread=True, group="read-state", exit_on_error=False)
    def mark_opened(self, article: Article) -> None:
        """An article opened is read: the next visit's New view leaves it, and what it says, out."""
        from summarizer import ReadStateError

        try:
            self.app.session.mark_opened(article)
        except ReadStateError as error:
            self.app.call_from_thread(self._read_state_unwritable, str(error))

    def action_mark_read(self) -> None:
        if self.digest is not None:
            self.mark_summarized(self.digest)

    @work(thread=True, group="read-state", exit_on_error=False)
    def mark_summarized(self, digest: Digest) -> None:
        """The articles of the summary on show are read (``summarize --mark-read``)."""
        from summarizer import ReadStateError

        try:
            marked = self.app.session.mark_summarized(digest)
        except ReadStateError as error:
            self.app.call_from_thread(self._read_state_unwritable, str(error))
            return
        n = len(digest.articles)
        readers = " (for every tab of this server)" if self.app.is_web else ""
        message = (f"{n:,} article{'s' if n != 1 else ''} marked read{readers}: the next visit's New view leaves "
                   "them out."
                   if marked else "Nothing is recorded as read without a cache directory (--no-cache).")
        self.app.call_from_thread(self.notify, message, title="Mark read", markup=False, timeout=4)

    @work(thread=True, exclusive=True, group="viewed", exit_on_error=False)
    def record_viewed(self, topics: tuple[str, ...]) -> None:
        """The topics whose summaries are on show were viewed now."""
        from summarizer import ReadStateError

        try:
            self.app.session.record_viewed(topics)
        except ReadStateError as error:
            self.app.call_from_thread(self._read_state_unwritable, str(error))

    def _read_state_unwritable(self, problem: str) -> None:
        if not self._read_state_failed:  # once: every summary shown would say it again
            self._read_state_failed = True
            self.notify(printable(problem), title="What was read", severity="warning", markup=False, timeout=10)

    def _markdown(self, digest: Digest) -> str:
        """The digest as CommonMark, with a header saying what it is: topics, method, length, order."""
        from ...render_markdown import render_markdown

        return render_markdown(digest, heading=self._heading(digest), settings=self.markdown_settings)

    @property
    def markdown_settings(self) -> dict[str, object]:
        """The settings on show, as the Markdown header (and ``summarize``) name them."""
        length = self.length
        return {
            "method": self.method,
            "sentences": length.sentences if length else None,
            "words": length.words if length else None,
            "order": self.order,
        }

    def _heading(self, digest: Digest) -> str | None:
        """An update summary's baseline, for exports: ``new since Tue 14:02, 12 articles``."""
        return self.baseline.describe() if digest.is_update and self.baseline is not None else None

    def _note(self, digest: Digest) -> Content | None:
        """The summary's top line once something was read: what is new since when, or that nothing is."""
        baseline = self.baseline
        if baseline is None or not baseline.read or baseline.since is None:
            return None  # no read state, or the first visit: one view, nothing to say
        from summarizer import NothingNew, when

        since = when(baseline.since)
        if not baseline.new:
            text = str(NothingNew(baseline))
            return Content.styled(text[:1].upper() + text[1:], "italic $text-warning")
        new = f"{baseline.new:,} article{'s' if baseline.new != 1 else ''}"
        if digest.is_update:  # the baseline as `summarize --new` names it
            return Content.assemble((f"New since {since}, {new}", "bold $text-success"),
                                    (f", {baseline.read:,} already read", "dim"))
        total = baseline.new + baseline.read
        return Content.styled(f"All {total:,} articles \u00b7 {baseline.new:,} new since {since}", "dim")


FOOTER_DROPPED_FIRST = ("toggle_order", "export", "toggle_new", "cycle_method", "search", "longer", "shorter",
                        "command_palette")
"""The footer's keys in the order they give way on a narrow terminal (all stay in ? and ctrl+p);
Open, Help and Quit always stay."""


PALETTE_CELLS = 12
"""The footer's "▏^p palette", docked right, with a gap before it."""


def _typed(key: str) -> str | None:
    """The character a key types: Textual's ``key_to_character`` finds none for "slash", "plus" or
    "minus" (the names it gives "/", "+" and "-"), so its footer kept them over a text box."""
    from textual.keys import REPLACED_KEYS, key_to_character

    return key_to_character(REPLACED_KEYS.get(key, key))


def fit_footer(bindings: dict[str, ActiveBinding], width: int, key_display) -> dict[str, ActiveBinding]:
    """``bindings`` without the least used of the keys the footer shows, until they fit in ``width``."""

    def needed(shown: dict[str, ActiveBinding]) -> int:
        cells, actions, groups = 0, set(), set()
        for active in shown.values():
            binding = active.binding
            if not binding.show or binding.action in actions:
                continue  # the footer shows an action once, under its first key
            actions.add(binding.action)
            if binding.group is None:  # " q Quit "
                cells += len(key_display(binding)) + 2 + len(binding.description) + 1
            elif binding.group.description not in groups:  # " + - Length ": the first key, the label
                groups.add(binding.group.description)
                cells += len(key_display(binding)) + 2 + len(binding.group.description) + 1
            else:  # the group's other keys
                cells += len(key_display(binding)) + 1
        palette = any(a.binding.action == "command_palette" for a in shown.values())
        return cells + (PALETTE_CELLS if palette else 0)

    shown = dict(bindings)
    for action in FOOTER_DROPPED_FIRST:
        if needed(shown) <= width:
            break
        shown = {key: active for key, active in shown.items() if active.binding.action != action}
    return shown


def _length_label(length: Length) -> str:
    if length.words is not None:
        return f"{length.words} words"
    return f"{length.sentences} sentence{'s' if length.sentences != 1 else ''}"


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and not str(error).strip():
        return type(error).__name__
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror}"
    return str(error)
