"""SVG snapshots of the app on the seed articles (pytest-textual-snapshot).

Review a changed snapshot (``pytest --snapshot-report``) before ``--snapshot-update``.
Deterministic: the seeds, no clock on screen, no animations, the cursor on a list (no blinking
input cursor).
"""

from __future__ import annotations

import time

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


TWO_SIZES = pytest.mark.parametrize("size", [(80, 24), (130, 40)], ids=lambda s: f"{s[0]}x{s[1]}")


@TWO_SIZES
def test_article_screen(snap_compare, size):
    async def open_first_sentence(pilot):
        await settled(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app(), terminal_size=size, run_before=open_first_sentence)


@TWO_SIZES
def test_loading_screen(snap_compare, size):
    """Reading 3 of 10 files: the Summary panel says so, in its place; only help and quit offered."""
    from textual.worker import get_current_worker

    from summarizer import NoArticlesError
    from tui.app.app import NewsdigestApp
    from tui.app.session import Session

    class Held(Session):
        def load(self, on_progress=None):
            on_progress("reading", 3, 10)
            worker = get_current_worker()
            while not worker.is_cancelled:  # until the app exits, after the snapshot
                time.sleep(0.02)
            raise NoArticlesError("stopped")

    held = NewsdigestApp(Held(Request()), launcher=NoLauncher())
    held.animation_level = "none"

    async def reading(pilot):
        for _ in range(100):
            await pilot.pause(0.05)
            if "3 of 10" in str(pilot.app.screen.query_one("#stage").content):
                break
        await pilot.pause(0.3)

    assert snap_compare(held, terminal_size=size, run_before=reading)


@TWO_SIZES
def test_error_screen(snap_compare, size, tmp_path, monkeypatch):
    """Nothing readable: the reason alone, said once, the whole width; only help and quit offered."""
    monkeypatch.chdir(tmp_path)
    failing = make_app(Request(paths=("no-such-folder",)), launcher=NoLauncher())
    failing.animation_level = "none"
    assert snap_compare(failing, terminal_size=size, run_before=settled)


@TWO_SIZES
def test_new_view(snap_compare, size, tmp_path):
    """Monday read (at a fixed time), Tuesday's two articles new: the New view and its baseline."""
    from summarizer import load_articles
    from summarizer.store.read_state import ReadState

    from .conftest import write
    from .test_app_update import MONDAY, QUERY, TUESDAY_A, TUESDAY_B

    news, cache = tmp_path / "news", tmp_path / "cache"
    write(news / "monday.txt", MONDAY)
    with ReadState(cache) as state:
        state.mark(load_articles([str(news / "monday.txt")]), how="explicit",
                   at=time.mktime((2026, 1, 5, 14, 2, 0, 0, 0, -1)))
    write(news / "tuesday-a.txt", TUESDAY_A)
    write(news / "tuesday-b.txt", TUESDAY_B)
    new = make_app(Request(paths=(str(news),), query=QUERY, cache_dir=cache), launcher=NoLauncher())
    new.animation_level = "none"
    assert snap_compare(new, terminal_size=size, run_before=settled)


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
