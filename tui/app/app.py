"""The newsdigest Textual app."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App, SuspendNotSupported
from textual.binding import Binding, BindingType

from .commands import NewsdigestCommands
from ..exits import EXIT_FAILURE, EXIT_OK
from .screens.article import ArticleScreen
from .screens.help import HelpScreen, KeySection
from .screens.main import MainScreen
from .session import Session
from .widgets.navigation import CURSOR_BINDINGS, SCROLL_BINDINGS
from .widgets.summary_view import SummaryView
from .widgets.topic_list import TopicList

if TYPE_CHECKING:
    from summarizer import Article


class Launcher:
    """Opens an article outside the app; the app is suspended while a terminal program runs.

    Each method returns None, or what went wrong as a one-line message.
    """

    def open_url(self, app: App, url: str) -> str | None:
        import webbrowser

        from ..browser import is_web_address

        if not is_web_address(url):  # a browser takes "--option" for an option, and runs file: URLs
            return "not a web address (http or https): not opened"

        try:
            if self._browser_in_terminal():
                with app.suspend():
                    opened = webbrowser.open(url)
            else:
                opened = webbrowser.open(url)
        except SuspendNotSupported:
            return "cannot hand the terminal to a browser here"
        except webbrowser.Error as error:
            return f"no web browser: {error}"
        return None if opened else "no web browser found (set $BROWSER)"

    def open_file(self, app: App, path: str) -> str | None:
        command = os.environ.get("PAGER") or os.environ.get("EDITOR") or "less"
        argv = [*shlex.split(command), path]
        try:
            with app.suspend():
                subprocess.run(argv, check=False)
        except SuspendNotSupported:
            return "cannot hand the terminal to a pager here"
        except FileNotFoundError:
            return f"cannot run {command!r} (set $PAGER or $EDITOR)"
        except OSError as error:
            return f"cannot run {command!r}: {error.strerror or error}"
        return None

    @staticmethod
    def _browser_in_terminal() -> bool:
        """Without a display, Python's webbrowser falls back to text browsers that need the terminal."""
        if sys.platform in ("darwin", "win32"):
            return False
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class NewsdigestApp(App[None]):
    """Topic-focused merged summaries of many articles, every sentence citing its source.

    | Key(s) | Description |
    | :- | :- |
    | ? | Every key. |
    | o | Open the selected source: its URL in a browser, or its file in $PAGER. |
    | q, ctrl+q | Quit. |
    | ctrl+p | The command palette. |
    """

    CSS_PATH = "app.tcss"
    TITLE = "newsdigest"
    COMMANDS = App.COMMANDS | {NewsdigestCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="List every key"),
        Binding("o", "open_source", "Open source", show=False,
                tooltip="Open the selected source: its URL in a browser, or its file in $PAGER"),
        Binding("q", "quit", "Quit", tooltip="Leave newsdigest"),
    ]

    def __init__(self, session: Session, launcher: Launcher | None = None) -> None:
        super().__init__()
        self.session = session
        self.launcher = launcher or Launcher()
        self.failed = False
        """Loading failed: quitting returns a failure exit code."""

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def key_sections(self) -> list[KeySection]:
        """Every key of the app, by where it works (the help screen lists these)."""
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Commands",
                          tooltip="Search every command and topic")
        # Textual's own keys between panels, said here: a reader looking for the Topics list found no
        # way there in the help (held-out audit 18).
        panels = [Binding("tab", "focus_next", "Next panel", tooltip="Topics, Query, Summary, Sources in turn"),
                  Binding("shift+tab", "focus_previous", "Previous panel", tooltip="The other way round")]
        return [
            ("Anywhere", [*self.BINDINGS, palette, *App.BINDINGS[:1], *panels]),
            ("Summary screen", MainScreen.BINDINGS),
            ("Lists: topics, summary, sources", [*CURSOR_BINDINGS, *_own(TopicList.BINDINGS),
                                                 *_own(SummaryView.BINDINGS)]),
            ("Article", [*ArticleScreen.BINDINGS, *SCROLL_BINDINGS]),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_sections()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_source":
            return True if self._current_article() is not None else None
        return True

    def _current_article(self) -> Article | None:
        return getattr(self.screen, "current_article", None)

    def action_open_source(self) -> None:
        article = self._current_article()
        if article is None:
            return
        if self.is_web:
            self._open_in_browser(article)
            return
        from ..browser import is_web_address

        # An article's URL is its own say (front matter, a JSON field, a page's canonical link): only
        # a web address goes to the browser, never "--renderer-cmd-prefix=..." or "file:///etc/passwd".
        if article.url and is_web_address(article.url):
            problem = self.launcher.open_url(self, article.url)
        elif article.path and os.path.isfile(article.path):
            problem = self.launcher.open_file(self, article.path)
        elif article.url:
            problem = "this article's address is not a web address (http or https): not opened"
        else:
            problem = "this article has no URL or file to open"
        if problem:
            from ..safety import printable

            self.notify(printable(problem), title="Open source", severity="warning", markup=False)

    def _open_in_browser(self, article: Article) -> None:
        """Served to a browser (``newsdigest serve``): nothing may start on the server. The URL opens
        in a new tab of the reader's browser; an article without one is shown in the app."""
        from ..browser import is_web_address

        if article.url and is_web_address(article.url):
            self.open_url(article.url, new_tab=True)
            self.notify("The source opens in a new tab of your browser.", title="Open source", markup=False,
                        timeout=3)
            return
        show = getattr(self.screen, "show_article", None)
        if show is not None:
            show(article)
        else:
            why = "has no web address" if not article.url else "has no http or https address"
            self.notify(f"This article {why}: its text is what this screen shows.", title="Open source",
                        markup=False)

    @on(events.DeliveryFailed)
    def _delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A download to the reader's browser (``e`` when served) broke off."""
        if event.name == "export":
            self.notify("The download did not complete; press e to try again.", title="Export",
                        severity="error", markup=False)

    async def action_quit(self) -> None:
        self.exit(return_code=EXIT_FAILURE if self.failed else EXIT_OK)


def _own(bindings: Sequence[BindingType]) -> list[BindingType]:
    """Bindings that are not the shared cursor keys (listed once, under Lists)."""
    shared = {b.key for b in CURSOR_BINDINGS}
    return [b for b in bindings if not (isinstance(b, Binding) and b.key in shared)]
