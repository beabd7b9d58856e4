"""Entry points: ``run_app`` for the command line, ``make_app`` for it and the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exits import EXIT_OK
from .app import Launcher, NewsdigestApp
from .session import Session

if TYPE_CHECKING:
    from summarizer import Request


def make_app(request: Request | None = None, *, launcher: Launcher | None = None) -> NewsdigestApp:
    """The app for ``request`` (the seed articles and every topic when None)."""
    if request is None:
        from summarizer import Request

        request = Request()
    return NewsdigestApp(Session(request), launcher=launcher)


def run_app(request: Request) -> int:
    """Run the app on the terminal; the exit code for the command line."""
    app = make_app(request)
    app.run()
    return app.return_code if app.return_code is not None else EXIT_OK
