"""SVG snapshots of the app on the seed articles (pytest-textual-snapshot).

Review a changed snapshot (``pytest --snapshot-report``) before ``--snapshot-update``.
Deterministic: the seeds, no clock on screen, no animations, the cursor on a list (no blinking
input cursor).
"""

from __future__ import annotations

import pytest

from tui.app.main import make_app
from tui.app.pilot import settle
from summarizer import Request


class NoLauncher:
    def open_url(self, app, url):
        raise AssertionError("snapshots open nothing")

    open_file = open_url


async def settled(pilot) -> None:
    """Every worker done, its messages handled, and the screen the same on two frames in a row:
    a fixed pause is not enough on a loaded machine (the footer recomputes its keys later)."""
    await settle(pilot.app, pilot)
    await pilot.wait_for_scheduled_animations()
    previous = None
    for _ in range(50):
        await pilot.pause(0.1)
        current = pilot.app.export_screenshot()
        if current == previous:
            return
        previous = current


def app():
    app = make_app(Request(), launcher=NoLauncher())
    app.animation_level = "none"  # no fades or smooth scrolls caught half-way
    return app


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (130, 40), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, size):
    """The common sizes: the summary has most of the room at each (tests/test_app_layout.py)."""
    assert snap_compare(app(), terminal_size=size, run_before=settled)


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
