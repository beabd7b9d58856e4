"""The app at common terminal sizes: the summary has most of the room (issue 10).

The snapshots of these sizes are in test_app_snapshots.py; these tests say what a reader checks
by eye: which column is widest, how many sentences are on screen, no rows spent on emptiness.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.main import make_app
from tui.app.pilot import settle
from tui.app.widgets.explanation_panel import ExplanationPanel
from tui.app.widgets.sources_panel import SourcesPanel
from tui.app.widgets.summary_view import SummaryView
from summarizer import Request

from .test_app import FakeLauncher, article, screen_of, sync

SIZES = [(80, 24), (100, 30), (130, 40), (200, 60)]


def drawn_lines(widget) -> list[str]:
    return ["".join(segment.text for segment in widget.render_line(y)) for y in range(widget.size.height)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@sync
async def test_the_summary_has_most_of_the_room(size):
    app = make_app(Request(), launcher=FakeLauncher())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        summary = screen.query_one(SummaryView).region
        sidebar = screen.query_one("#sidebar").region
        sources = screen.query_one(SourcesPanel).region
        assert summary.width > sidebar.width
        if size[0] >= 160:  # three columns: the summary is the widest; the sources no taller than needed
            assert summary.width > sources.width and sources.x >= summary.right
            assert sources.height <= 2 * 2 + 3 < size[1] // 2
        else:  # the sources below the summary, as wide, as tall as their two articles (two lines each, borders)
            assert sources.y >= summary.bottom and sources.height == 2 * 2 + 2
            assert sources.width >= summary.width
        assert summary.width * summary.height > max(sidebar.area, sources.area)
        starts = [line for line in drawn_lines(screen.query_one(SummaryView)) if line.lstrip().startswith("\u2022 ")]
        assert len(starts) >= {80: 3, 100: 5, 130: 8, 200: 12}[size[0]], starts
        assert screen.query_one(ExplanationPanel).region.width >= 24  # the Why panel's bars fit unwrapped


@sync
async def test_many_sources_take_at_most_a_few_rows_below_the_summary(tmp_path: Path):
    for n in range(30):
        said = (f"Relief convoys with food reached the Elsby shelter number {n} on Monday." if n < 10
                else f"The Elsby library opened reading room number {n} to evening visitors on Monday.")
        text = article(f"Elsby bulletin {n}", f"2024-04-{n % 28 + 1:02}", said)
        (tmp_path / f"bulletin-{n:02}.md").write_text(text, encoding="utf-8")
    app = make_app(Request(paths=(str(tmp_path),)), launcher=FakeLauncher())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        sources = screen.query_one(SourcesPanel)
        assert sources.region.height <= 8  # a short terminal: three articles, then scroll
        assert screen.query_one(SummaryView).region.height >= 14
        # The cited articles first; the others folded into one last row, listed on enter.
        cited = len(screen.citations.articles)
        assert 0 < cited < 30 and sources.option_count == cited + 1
        assert all(sources.count(a.id) for a in sources.articles)
        fold = sources.get_option_at_index(cited).prompt.plain
        assert f"{30 - cited} articles not in the summary" in fold
        sources.focus()
        await pilot.press("G", "enter")
        await pilot.pause()
        assert sources.option_count == 31 and not sources.count(sources.articles[-1].id)
        numbers = [screen.citations.numbers[a.id] for a in sources.articles]
        assert numbers[:cited] == sorted(numbers[:cited]) and numbers[cited:] == sorted(numbers[cited:])


@pytest.mark.parametrize("size", [(40, 24), (58, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
@sync
async def test_on_a_small_terminal_the_summary_has_the_whole_width(size):
    # At 40 columns the topics' column kept 26 and the summary had 14: a word or two a line.
    app = make_app(Request(), launcher=FakeLauncher())
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        summary = screen.query_one(SummaryView).region
        topics, query = screen.query_one("#topics").region, screen.query_one("#query").region
        assert summary.width >= size[0] - 2 and summary.y >= query.bottom > topics.y
        assert summary.height >= size[1] // 3  # still most of what is on screen
        starts = [line for line in drawn_lines(screen.query_one(SummaryView)) if line.lstrip().startswith("\u2022 ")]
        assert starts, drawn_lines(screen.query_one(SummaryView))
