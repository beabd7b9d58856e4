"""The app's New view: what is new since the last visit, and the read state the app records."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path

import pytest
from textual.widgets import Footer

from summarizer import load_articles
from summarizer.store.read_state import ReadState
from tui.app.main import make_app
from tui.app.pilot import run_command, settle
from tui.app.screens.article import ArticleScreen
from tui.app.screens.main import MainScreen
from tui.app.widgets.explanation_panel import ExplanationPanel
from tui.app.widgets.sources_panel import SourcesPanel
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.summary_view import SummaryView
from summarizer import Request

from .conftest import write

SIZE = (100, 30)

# A fictional story: the Valdon ferry across the Tarrow estuary, harbour master Ines Corlan.
MONDAY = (
    "Storm closes the Valdon ferry\n\n"
    "A winter storm closed the Valdon ferry across the Tarrow estuary on Monday, stranding about 400 travellers, "
    "harbour master Ines Corlan said.\n\n"
    "Coastguard crews moved 60 campers from the Tarrow dunes to the Valdon school hall overnight.\n\n"
    "Forecasters expect gales along the coast until Thursday.\n"
)
TUESDAY_A = (
    "Valdon ferry stays shut\n\n"
    "A winter storm closed the Valdon ferry across the Tarrow estuary on Monday, stranding about 400 travellers, "
    "harbour master Ines Corlan said on Tuesday.\n\n"
    "Divers from the port authority began inspecting the damaged ferry ramp at Valdon quay on Tuesday "
    "with a salvage barge.\n\n"
    "The district council opened an emergency grant of 2 million marks for ferry businesses hurt by the storm.\n"
)
TUESDAY_B = (
    "Ferry ramp inspected in Valdon\n\n"
    "Divers from the port authority inspected the ferry ramp at Valdon quay from a salvage barge, "
    "the authority said on Tuesday.\n\n"
    "The emergency grant opened by the district council will pay each ferry business up to 15,000 marks, "
    "council leader Bram Oddny said.\n"
)
QUERY = "Valdon ferry storm, ferry ramp repairs and the emergency grant"
REPEATED = "A winter storm closed the Valdon ferry across the Tarrow estuary on Monday"


def sync(test):
    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


class NoLauncher:
    def open_url(self, app, url):
        raise AssertionError("nothing is opened outside the app here")

    open_file = open_url


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path]:
    """(the news folder, holding Monday's article, the cache directory)."""
    news, cache = tmp_path / "news", tmp_path / "cache"
    write(news / "monday.txt", MONDAY)
    return news, cache


def tuesday(news: Path) -> None:
    write(news / "tuesday-a.txt", TUESDAY_A)
    write(news / "tuesday-b.txt", TUESDAY_B)


def mark_read(cache: Path, *paths: Path) -> None:
    with ReadState(cache) as state:
        state.mark(load_articles([str(p) for p in paths]), how="explicit")


def app_for(news: Path, cache: Path):
    app = make_app(Request(paths=(str(news),), query=QUERY, cache_dir=cache), launcher=NoLauncher())
    app.animation_level = "none"
    return app


def main(app) -> MainScreen:
    screen = app.screen_stack[0] if isinstance(app.screen_stack[0], MainScreen) else app.screen
    assert isinstance(screen, MainScreen)
    return screen


def note(app) -> str | None:
    view = main(app).query_one(SummaryView)
    return view.note.plain if view.note is not None else None


def summarized_articles(app) -> set[str]:
    """Titles of the articles the summary's sentences come from."""
    screen = main(app)
    titles = {a.id: a.title for a in screen.digest.articles}
    return {titles[e.item.sentence.article_id] for e in screen.query_one(SummaryView).entries if e.item}


def sentences(app) -> list[str]:
    return [e.item.sentence.text for e in main(app).query_one(SummaryView).entries if e.item]


def footer_keys(app) -> str:
    return " ".join(str(getattr(k, "description", "")) for k in main(app).query_one(Footer).children)


@sync
async def test_opening_an_article_marks_it_read_for_the_next_run(story):
    news, cache = story
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main(app)
        assert not screen.new_view and note(app) is None  # the first visit: one view, all articles
        await pilot.press("enter")  # the first sentence's article
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
    with ReadState(cache) as state:
        (monday,) = load_articles([str(news / "monday.txt")])
        marks = state.marks([monday])
        assert marks[monday.id].how == "opened"
        assert "query" in state.last_viewed(["query"])  # its summary was shown

    tuesday(news)
    again = app_for(news, cache)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert main(again).new_view  # Monday was read and Tuesday's articles are new
        assert summarized_articles(again) <= {"Valdon ferry stays shut", "Ferry ramp inspected in Valdon"}


@sync
async def test_mark_read_marks_the_summary_s_articles_read(story):
    # QA walkthrough 17: the app had no way to say "I have read these" but to open each article, so a
    # summary read in full came back as new. R (and the palette's "Mark read") does what
    # summarize --mark-read does.
    news, cache = story
    tuesday(news)
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "Mark read")
        await app.workers.wait_for_complete()
        await pilot.pause()
    with ReadState(cache) as state:
        articles = load_articles([str(news)])
        marks = state.marks(articles)
        assert {a.id for a in articles} == set(marks) and {m.how for m in marks.values()} == {"summary"}
    write(news / "wednesday.txt", TUESDAY_B.replace("Tuesday", "Wednesday").replace("15,000", "25,000"))
    again = app_for(news, cache)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert main(again).new_view and note(again).endswith(", 1 article, 3 already read")


@sync
async def test_something_new_opens_on_new_then_all_and_back(story):
    news, cache = story
    mark_read(cache, news / "monday.txt")
    tuesday(news)
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main(app)
        status = screen.query_one(StatusBar)
        assert screen.new_view and screen.digest.is_update
        header = note(app)
        assert header.startswith("New since ") and header.endswith(", 2 articles, 1 already read")
        assert status.view == "New" and status.articles == 2
        texts = sentences(app)
        assert texts and not any(REPEATED in t for t in texts)  # what Monday said is left out
        assert summarized_articles(app) <= {"Valdon ferry stays shut", "Ferry ramp inspected in Valdon"}
        assert {a.title for a in screen.query_one(SourcesPanel).articles} == {
            "Valdon ferry stays shut", "Ferry ramp inspected in Valdon"}
        assert "New/All" in footer_keys(app)
        assert "New words" in screen.query_one(ExplanationPanel).text  # what the sentence adds

        await pilot.press("u")
        await settle(app, pilot)
        assert not screen.new_view and not screen.digest.is_update
        assert note(app).startswith("All 3 articles \u00b7 2 new since ")
        assert status.view == "All" and status.articles == 3
        assert len(screen.query_one(SourcesPanel).articles) == 3

        await pilot.press("u")
        await settle(app, pilot)
        assert screen.new_view and note(app).startswith("New since ") and sentences(app) == texts

        # The command palette has the same command.
        from tui.app.commands import NewsdigestCommands

        assert "New/All" in [name for name, _, _ in NewsdigestCommands(screen).commands()]
        await run_command(app, pilot, "New/All")
        assert not screen.new_view and note(app).startswith("All 3 articles")


@sync
async def test_nothing_new_opens_on_all_and_says_so(story):
    news, cache = story
    tuesday(news)
    mark_read(cache, news)
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main(app)
        assert not screen.new_view and not screen.digest.is_update
        assert note(app).startswith("Nothing new since ") and note(app).endswith("all 3 articles already read")
        assert screen.query_one(StatusBar).view == "All"
        assert sentences(app)  # the generic summary, below the message
        assert "New/All" not in footer_keys(app)  # nothing to switch to
        await pilot.press("u")
        await settle(app, pilot)
        assert not screen.new_view  # no New view to switch to: a notification says why
        assert any("Nothing new since" in n.message for n in app._notifications)


@sync
async def test_first_visit_opens_on_all(story):
    news, cache = story
    tuesday(news)
    mark_read(cache, Path(__file__).resolve().parents[1] / "seeds")  # read, but another story
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main(app)
        assert not screen.new_view and note(app) is None and screen.query_one(StatusBar).view == ""
        assert len(screen.digest.articles) == 3 and "New/All" not in footer_keys(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert not screen.new_view
        assert any("Nothing read yet" in n.message for n in app._notifications)

        await pilot.press("enter")  # an article opened is read: u no longer says nothing was
        await settle(app, pilot)
        await pilot.press("escape", "u")
        await settle(app, pilot)
        latest = list(app._notifications)[-1].message
        assert "Nothing read yet" not in latest and "1 article opened" in latest and "next visit" in latest


@sync
async def test_an_article_has_one_number_in_new_all_and_on_the_command_line(story, tmp_path):
    news, cache = story
    mark_read(cache, news / "monday.txt")
    tuesday(news)
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = main(app)
        assert screen.new_view

        def shown() -> dict[str, str]:
            """Each sentence on screen: its [n] markers."""
            return {e.item.sentence.text: screen.citations.markers(e.item)
                    for e in screen.query_one(SummaryView).entries if e.item}

        def panel() -> dict[str, int]:
            return {a.title: screen.citations.numbers[a.id] for a in screen.query_one(SourcesPanel).articles}

        new_markers, new_panel = shown(), panel()
        await pilot.press("u")
        await settle(app, pilot)
        all_markers, all_panel = shown(), panel()
    assert not screen.new_view and new_markers
    for text, markers in new_markers.items():
        if text in all_markers:
            assert all_markers[text].split("]")[0] == markers.split("]")[0]  # its own article: the same [n]
    assert new_panel == {title: n for title, n in all_panel.items() if title in new_panel}
    assert sorted(all_panel.values()) == [1, 2, 3]

    import json

    from .test_cli import run

    printed = run("summarize", str(news), "--cache-dir", str(cache), "--new", "-q", QUERY, "-f", "json", cwd=tmp_path)
    data = json.loads(printed.stdout)
    numbers = {a["title"]: a["number"] for a in data["articles"] + data["read_articles"]}
    assert numbers == all_panel


@sync
async def test_without_a_cache_dir_nothing_is_recorded(story, tmp_path):
    news, _ = story
    app = make_app(Request(paths=(str(news),), query=QUERY), launcher=NoLauncher())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert not main(app).new_view and note(app) is None
    assert not list(tmp_path.rglob("read.sqlite3"))


@sync
async def test_in_a_browser_opening_an_article_marks_nothing_for_the_other_tabs(story, monkeypatch):
    # Held-out audit 19: a stray click in one browser tab opened an article, which was then read for
    # every tab (they share the server's read state), so the next session opened on the New view
    # without anyone asking. Served, opening reads without marking; R marks, on purpose.
    from tui.app.app import NewsdigestApp

    monkeypatch.setattr(NewsdigestApp, "is_web", property(lambda app: True))
    news, cache = story
    app = app_for(news, cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
    with ReadState(cache) as state:
        assert state.marks(load_articles([str(news)])) == {}
    tuesday(news)
    again = app_for(news, cache)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert not main(again).new_view and note(again) is None  # the next tab: every article, as before
        await pilot.press("u")
        await pilot.pause()
        assert any("R marks the summary's articles read for every tab" in str(n.message)
                   for n in again._notifications)
        await run_command(again, pilot, "Mark read")
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert any("marked read (for every tab of this server)" in str(n.message) for n in again._notifications)
    with ReadState(cache) as state:
        assert len(state.marks(load_articles([str(news)]))) == 3
