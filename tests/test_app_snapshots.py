"""SVG snapshots of the app on the seed articles (pytest-textual-snapshot).

Review a changed snapshot (``pytest --snapshot-report``) before ``--snapshot-update``.
Deterministic: the seeds, no clock on screen, no animations, the cursor on a list (no blinking
input cursor).
"""

from __future__ import annotations

import asyncio

from textual.worker import WorkerState

from tui.app.main import make_app
from tui.request import Request


class NoLauncher:
    def open_url(self, app, url):
        raise AssertionError("snapshots open nothing")

    open_file = open_url


async def settled(pilot) -> None:
    """Every worker done and its messages handled."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause()
        busy = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not busy:
            break
        await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
    # The footer recomputes its keys on a later refresh: give it time even on a busy machine.
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.2)
    await pilot.pause()


def app():
    app = make_app(Request(), launcher=NoLauncher())
    app.animation_level = "none"  # no fades or smooth scrolls caught half-way
    return app


def test_main_screen(snap_compare):
    assert snap_compare(app(), terminal_size=(80, 24), run_before=settled)


def test_main_screen_wide(snap_compare):
    assert snap_compare(app(), terminal_size=(160, 48), run_before=settled)


def test_article_screen(snap_compare):
    async def open_first_sentence(pilot):
        await settled(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_first_sentence)


def test_help_screen(snap_compare):
    async def open_help(pilot):
        await settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=open_help)


def test_topic_heading_explained(snap_compare):
    async def on_heading(pilot):
        await settled(pilot)
        await pilot.press("g")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=(80, 24), run_before=on_heading)
