"""``newsdigest serve``: the app in a browser.

Three kinds of tests:
- a real browser (Debian's chromium, headless, driven by selenium through Debian's chromedriver;
  nothing downloads a browser) against ``newsdigest serve`` on 127.0.0.1: the page, the app, a
  tick, ``e`` downloading the Markdown, ``o`` opening the source in a new tab;
- the server's limits over plain websockets (the protocol textual.js speaks): a full server, an
  idle session, a session whose app crashes;
- the app's served behaviour under Pilot, with Textual's web-driver switches recorded.

The browser tests skip when chromium or chromedriver is missing (``.ci/run`` installs both; under
CI=true a missing browser fails instead, so CI cannot pass by skipping them).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed: pip install 'newsdigest[serve]'")

from .test_app import AID_ARTICLE, MEDIATION_ARTICLE, screen_of, sync  # noqa: E402
from .webserver import NewsServer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
START_TIMEOUT = 90.0
"""Seconds for a server, a browser or an app to come up on a loaded two-core machine."""

STORIES = {
    "/harbour-aid.html": {
        "id": "harbour-aid", "title": "Relief ships reach Norvale harbour", "date": "2026-03-02",
        "text": "Relief agencies said three ships carrying food, medicine and tents reached Norvale harbour "
                "on Monday. Humanitarian workers began handing out water and blankets to displaced families.\n\n"
                "Doctors at the harbour field hospital said medical supplies would last another week. "
                "Aid officials asked for more refugee shelters before the winter storms.",
    },
    "/brellin-talks.html": {
        "id": "brellin-talks", "title": "Brellin hosts talks between the two delegations", "date": "2026-03-03",
        "text": "The mediator Tomas Brellin hosted talks between the two delegations in Ostervik on Sunday. "
                "Negotiators said a ceasefire agreement was close after a night of mediation.\n\n"
                "Brellin said both sides had agreed to further negotiations and a prisoner exchange.",
    },
    "/varnhagen-security.html": {
        "id": "varnhagen-security", "title": "Varnhagen orders troops to the border", "date": "2026-03-04",
        "text": "Defence minister Ilsa Varnhagen ordered troops and armoured units to the northern border "
                "after shelling near the river overnight. Military officials said air defence systems "
                "were moved closer to Norvale.\n\n"
                "The army said soldiers had repelled an attack on a checkpoint.",
    },
}
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b.")
"""Terminal control sequences, stripped from what the app sent to see its text."""


# The server, started as a user starts it.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """``newsdigest serve`` running in a subprocess, its stderr kept in a file."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = folder / f"serve-{self.port}.log"
        env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "config"), XDG_CACHE_HOME=str(folder / "cache"))
        env.pop("NEWSDIGEST_TOPICS", None)
        with open(self.log_path, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tui", "serve", "--port", str(self.port), *args],
                stdout=subprocess.DEVNULL, stderr=log, stdin=subprocess.DEVNULL, env=env, cwd=folder,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"newsdigest serve did not start: {self.log()}")
                time.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def apps(self) -> list[int]:
        """The pids of the app processes the server runs (its children)."""
        found = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                found += [int(pid) for pid in (task / "children").read_text().split()]
            except OSError:
                pass
        return found

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture(scope="module")
def story_site() -> Iterator[NewsServer]:
    """The articles' own pages, on another local port: what ``o`` opens."""
    site = NewsServer()
    for path, story in STORIES.items():
        site.static(path, f"<html><head><title>{story['title']}</title></head><body><p>{story['text']}</p></body></html>")
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture(scope="module")
def news_folder(tmp_path_factory, story_site: NewsServer) -> Path:
    folder = tmp_path_factory.mktemp("served")
    lines = [json.dumps({**story, "url": story_site.url(path)}) for path, story in STORIES.items()]
    (folder / "news").mkdir()
    (folder / "news" / "norvale.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def served(news_folder: Path) -> Iterator[Served]:
    server = Served(news_folder, "news", "--cache-dir", str(news_folder / "index"))
    try:
        yield server
    finally:
        server.stop()


# The browser.


def browser_missing() -> str | None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]
    if not missing:
        try:
            import selenium  # noqa: F401
        except ImportError:
            return "selenium is not installed (pip install -e '.[test]')"
        return None
    return f"{' and '.join(missing)} missing (apt-get install chromium chromium-driver; .ci/run does)"


RECORD_SCREEN = """
window.__screen = [];
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    const decoder = new TextDecoder();
    this.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__screen.push(decoder.decode(event.data, {stream: true}));
    });
  }
};
"""
"""Keeps what the app sends the page: xterm.js paints on a canvas, so the text is read from here."""


class Browser:
    def __init__(self, folder: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.downloads = folder / "downloads"
        self.downloads.mkdir()
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         f"--user-data-dir={folder / 'profile'}", "--window-size=1400,900"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"download.default_directory": str(self.downloads),
                                                  "download.prompt_for_download": False})
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SCREEN})
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": str(self.downloads)})
        self.received = ""

    def open(self, url: str) -> None:
        self.driver.get(url)
        self.received = ""

    def text(self) -> str:
        """Everything the app has written to the page so far, without control sequences."""
        self.received += self.driver.execute_script("return window.__screen.splice(0).join('')")
        return ESCAPES.sub("", self.received)

    def mark(self) -> int:
        """Where the app's output is now: ``wait_for(..., since=mark)`` looks only at what follows."""
        self.text()
        return len(self.received)

    def wait_for(self, *wanted: str, timeout: float = START_TIMEOUT, since: int = 0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            self.text()
            text = ESCAPES.sub("", self.received[since:])
            if all(w in text for w in wanted):
                return text
            if time.monotonic() > deadline:
                missing = [w for w in wanted if w not in text]
                raise AssertionError(f"the page never showed {missing}; it showed: {text[-2000:]!r}")
            time.sleep(0.2)

    def press(self, *keys: str) -> None:
        """Type into the page's terminal, as a reader does."""
        self.driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")
        for key in keys:
            self.driver.switch_to.active_element.send_keys(key)
            time.sleep(0.1)

    def downloaded(self, timeout: float = 30.0) -> list[Path]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = [f for f in self.downloads.iterdir() if not f.name.endswith(".crdownload")]
            if files and not any(f.name.endswith(".crdownload") for f in self.downloads.iterdir()):
                return files
            time.sleep(0.2)
        return []

    def quit(self) -> None:
        self.driver.quit()


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[Browser]:
    reason = browser_missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    session = Browser(tmp_path_factory.mktemp("browser"))
    try:
        yield session
    finally:
        session.quit()


def test_the_app_in_a_browser_exports_to_the_readers_machine_and_opens_sources_in_a_tab(
    served: Served, browser: Browser, story_site: NewsServer, news_folder: Path,
):
    from selenium.webdriver.common.keys import Keys

    browser.open(served.url)
    # The app starts by itself: its topics, its summary with source markers.
    browser.wait_for("Topics", "Aid", "Mediation", "Security", "3/3 topics", "[1]", "[2]", "[3]")
    if shot := os.environ.get("NEWSDIGEST_SCREENSHOT"):  # docs/serve.png is made this way
        browser.press()  # the page has the keyboard focus, as when a reader clicks into it
        time.sleep(3)  # the last frames painted
        browser.driver.save_screenshot(shot)

    # Tick a topic off: from the summary (its footer offers "Open"), shift+tab twice reaches the
    # topic list (its footer offers "Toggle"); space toggles the topic under the cursor, Aid.
    browser.press()
    browser.wait_for("\u23ce Open", timeout=30)
    mark = browser.mark()
    browser.press(Keys.SHIFT + Keys.TAB, Keys.SHIFT + Keys.TAB)
    browser.wait_for("Toggle", timeout=30, since=mark)
    mark = browser.mark()
    browser.press(" ")
    browser.wait_for("2/3 topics", timeout=30, since=mark)

    # e: the Markdown comes down to the reader's browser, and nothing is written on the server.
    browser.press("e")
    files = browser.downloaded()
    assert [f.name for f in files] == ["newsdigest-summary.md"]
    markdown = files[0].read_text(encoding="utf-8")
    assert markdown.startswith("# News digest")
    assert "## Mediation" in markdown and "## Security" in markdown
    assert "## Aid" not in markdown  # the topic ticked off
    assert re.search(r"\[\d\]", markdown) and "127.0.0.1" in markdown  # markers, and sources by URL
    assert not list(news_folder.glob("*.md")) and not list((news_folder / "news").glob("*.md"))

    # y: the same Markdown reaches the reader's clipboard (a page on 127.0.0.1 may write to it).
    browser.driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": served.url.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    browser.press("y")
    browser.wait_for("browser's clipboard", timeout=30)
    clipboard = browser.driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, (e) => done('error: ' + e));")
    assert clipboard == markdown

    # o: the source of the sentence under the cursor opens in a new tab of the reader's browser.
    tabs = set(browser.driver.window_handles)
    browser.press("o")
    deadline = time.monotonic() + 30
    while len(browser.driver.window_handles) == len(tabs) and time.monotonic() < deadline:
        time.sleep(0.2)
    new = set(browser.driver.window_handles) - tabs
    assert len(new) == 1, "no new tab opened"
    deadline = time.monotonic() + 30
    while not any(story_site.hits[path] for path in STORIES) and time.monotonic() < deadline:
        time.sleep(0.2)
    opened = [path for path in STORIES if story_site.hits[path]]
    assert len(opened) == 1, f"the article's page was not asked for: {dict(story_site.hits)}"
    browser.driver.switch_to.window(new.pop())
    assert browser.driver.current_url == story_site.url(opened[0])
    # The source's page gets no handle on the app's tab, and no address of it.
    assert browser.driver.execute_script("return window.opener") is None
    assert story_site.headers_seen[opened[0]][0].get("Referer") is None
    browser.driver.close()
    browser.driver.switch_to.window(tabs.pop())
    # The server started nothing of its own: no browser, no pager (its log has only its own lines).
    assert all(line.startswith("newsdigest: ") for line in served.log().splitlines())
    assert "failed" not in served.log()


# The server: start-up, limits, crashes (websockets, as textual.js speaks to it).


def test_serve_binds_loopback_and_says_there_is_no_login(served: Served):
    lines = served.log().splitlines()
    assert lines[0] == (f"newsdigest: serving the app on {served.url} (at most 8 readers at once; "
                        "a session ends after 30 minutes without a key); Ctrl-C stops it")
    assert "the page has no login" in lines[1] and "can read every article it serves" in lines[1]
    listening = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    ours = [fields[1] for fields in listening if fields[1].endswith(f":{served.port:04X}") and fields[3] == "0A"]
    assert ours == [f"0100007F:{served.port:04X}"]  # 127.0.0.1 only
    page = _get(served.url)
    assert page[0] == 200 and "data-font-size" in page[1]
    # Another site's page in the reader's browser cannot open a session (and read the articles).
    assert asyncio.run(_refused(served.url, "http://evil.example")) == 403
    assert asyncio.run(_refused(served.url, "null")) == 403
    assert "googleapis" not in page[1] and "https://" not in page[1]  # nothing from elsewhere


async def _refused(url: str, origin: str) -> int | None:
    import aiohttp

    async with aiohttp.ClientSession() as client:
        try:
            websocket = await client.ws_connect(url.replace("http://", "ws://") + "ws", headers={"Origin": origin})
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status
        await websocket.close()
        return None


async def _session(url: str, width: int = 100, height: int = 30):
    import aiohttp

    client = aiohttp.ClientSession()
    socket_url = url.replace("http://", "ws://") + f"ws?width={width}&height={height}"
    websocket = await client.ws_connect(socket_url, headers={"Origin": url.rstrip("/")})
    return client, websocket


async def _first_screen(websocket, timeout: float = START_TIMEOUT) -> str:
    """What the app writes until its summary is on screen."""
    import aiohttp

    received = ""
    async with asyncio.timeout(timeout):
        while "[1]" not in ESCAPES.sub("", received):
            message = await websocket.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data.decode("utf-8", "replace")
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                raise AssertionError(f"the session closed: {ESCAPES.sub('', received)[-500:]!r}")
    return ESCAPES.sub("", received)


async def _closed(websocket, timeout: float) -> int | None:
    """Wait until the server closes the websocket; its close code."""
    import aiohttp

    async with asyncio.timeout(timeout):
        while True:
            message = await websocket.receive()
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                return websocket.close_code


def _get(url: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@sync
async def test_a_full_server_says_so_and_an_idle_session_ends_to_make_room(tmp_path: Path):
    import aiohttp

    server = Served(tmp_path, "--max-sessions", "1", "--idle-minutes", "0.05", "--no-cache")  # 3 s idle
    try:
        client, websocket = await _session(server.url)
        try:
            # A reader who acts (here: resizes the window each second) keeps the session past 3 s.
            for _ in range(6):
                await websocket.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
                await asyncio.sleep(1)
            assert not websocket.closed
            [app] = server.apps()
            # The one seat is taken: the page says so, and a tab that loaded the page earlier is refused.
            status, page = await asyncio.to_thread(_get, server.url)
            assert status == 503
            assert "The server is full" in page and "open in 1 browser tab," in page
            late_client, late = await _session(server.url)
            try:
                assert await _closed(late, 30) == 1013  # try again later
            finally:
                await late_client.close()
            await websocket.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            received = 0
            async with asyncio.timeout(60):  # then 3 s without a key end the session
                while (message := await websocket.receive()).type == aiohttp.WSMsgType.BINARY:
                    received += len(message.data)
            assert received and websocket.closed
        finally:
            await client.close()
        assert await asyncio.to_thread(_wait, lambda: _gone(app) and not server.apps())
        status, page = await asyncio.to_thread(_get, server.url)  # the seat is free again
        assert status == 200 and "textual-terminal" in page
    finally:
        assert server.stop() == 0


CRASH_ON_HELP = """
import os
if os.environ.get("TEXTUAL_DRIVER"):  # only in the apps the server starts
    from tui.app.app import NewsdigestApp

    def crash(self):
        raise RuntimeError("boom \\x1b[31m red \\x1b]0;title\\x07")

    NewsdigestApp.action_help = crash
"""
"""A sitecustomize that makes every served app crash, a Python error, when ? is pressed."""


@sync
async def test_a_crashing_session_takes_nothing_else_down(tmp_path: Path, monkeypatch):
    import aiohttp

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(CRASH_ON_HELP, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "site"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    server = Served(tmp_path, "--no-cache")
    try:
        client, doomed = await _session(server.url)
        await _first_screen(doomed)
        [victim] = server.apps()
        other_client, other = await _session(server.url)
        try:
            await _first_screen(other)
            [survivor] = [pid for pid in server.apps() if pid != victim]
            # The first reader's app crashes: their tab is told at once, the server says one line.
            await doomed.send_str(json.dumps(["stdin", "?"]))
            assert await _closed(doomed, 30) is not None
            assert await asyncio.to_thread(_wait, lambda: server.apps() == [survivor])
            assert await asyncio.to_thread(_wait, lambda: "failed" in server.log())
            [failed] = [line for line in server.log().splitlines() if "failed" in line]
            assert failed.startswith("newsdigest: serve: a session's app failed: RuntimeError: boom")
            assert "\x1b" not in server.log() and "Traceback" not in server.log()
            # The other reader's app still answers: a resize redraws it.
            await other.send_str(json.dumps(["resize", {"width": 90, "height": 28}]))
            async with asyncio.timeout(30):
                message = await other.receive()
            assert message.type == aiohttp.WSMsgType.BINARY
            # So does a killed app (the kernel's OOM killer, say): only its own tab ends.
            third_client, third = await _session(server.url)
            try:
                await _first_screen(third)
                [killed] = [pid for pid in server.apps() if pid != survivor]
                os.kill(killed, signal.SIGKILL)
                assert await _closed(third, 30) is not None
                assert await asyncio.to_thread(_wait, lambda: server.apps() == [survivor])
            finally:
                await third_client.close()
            assert (await asyncio.to_thread(_get, server.url))[0] == 200  # and new readers get the page
            # Stopping the server (SIGTERM) ends the sessions left, and says so.
            assert await asyncio.to_thread(server.stop) == 0
            assert await _closed(other, 30) is not None
            assert await asyncio.to_thread(_wait, lambda: _gone(survivor))
            assert server.log().splitlines()[-1] == "newsdigest: stopped"
            # Nothing a session kept for its run is left behind, not even by the crashed or the
            # killed app (each --no-cache session indexes its articles in a temporary folder).
            assert list((tmp_path / "tmp").iterdir()) == []
        finally:
            await other.close()
            await client.close()
            await other_client.close()
    finally:
        server.stop()


def _gone(pid: int) -> bool:
    """The process has ended (a zombie waiting for its reaper has too)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return True


# The command line.


def _newsdigest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, env=env)


def test_serve_usage_errors_are_one_line_and_exit_2():
    for args, message in [
        (("serve", "-"), "standard input cannot be served"),
        (("serve", "--port", "70000"), "expected a port from 1 to 65535"),
        (("serve", "--max-sessions", "0"), "expected at least 1"),
        (("serve", "--idle-minutes", "never"), "expected a number"),
        (("serve", "--method", "nonsense"), "nonsense"),
    ]:
        result = _newsdigest(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr


def test_a_port_in_use_is_one_line_and_exit_1():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _newsdigest("serve", "--no-cache", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr == f"newsdigest: error: cannot listen on 127.0.0.1 port {port}: Address already in use\n"


def test_without_the_serve_extra_serve_says_how_to_install_it():
    blocked = ("import sys; sys.modules['textual_serve'] = None; "
               "from tui.cli import main; sys.exit(main(['serve', '--no-cache']))")
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, timeout=120,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert result.stderr == "newsdigest: error: serve needs textual-serve: pip install 'newsdigest[serve]'\n"


def test_the_terminal_app_does_not_import_textual_serve():
    probe = ("import sys, tui.cli, tui.app.main, tui.app.app; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual_serve', 'aiohttp')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


def test_each_tab_runs_the_app_with_the_options_serve_was_given(tmp_path: Path, monkeypatch):
    from tui.cli import _app_args, get_args

    monkeypatch.chdir(tmp_path)
    args = get_args(["serve", "news", "https://herald.norvale.example/rss", "-t", "aid", "--query=-who mediates?",
                     "--words", "120", "--order", "chronological", "--cache-dir", "idx", "--port", "9000"])
    argv = _app_args(args)
    assert argv == ["--topic=aid", "--query=-who mediates?", "--method=topical", "--order=chronological",
                    "--words=120", f"--cache-dir={tmp_path / 'idx'}", "--",
                    str(tmp_path / "news"), "https://herald.norvale.example/rss"]
    again = get_args(["app", *argv])  # what each tab's app parses
    assert again.paths == [str(tmp_path / "news"), "https://herald.norvale.example/rss"]
    assert again.query == "-who mediates?" and again.words == 120 and again.topic == ["aid"]


# The app's served behaviour (Pilot, with the web driver's switches recorded).


class Recorded:
    def __init__(self) -> None:
        self.calls: list[tuple] = []


@pytest.fixture
def web_app(monkeypatch, tmp_path: Path):
    """The app as if served: ``is_web`` true, and what it asks of the browser recorded."""
    from tui.app.app import NewsdigestApp

    monkeypatch.setattr(NewsdigestApp, "is_web", property(lambda self: True))
    monkeypatch.chdir(tmp_path)
    record = Recorded()

    def deliver_text(self, text_file, **kwargs):
        record.calls.append(("deliver", text_file.read(), kwargs))
        return "key"

    monkeypatch.setattr(NewsdigestApp, "deliver_text", deliver_text)
    monkeypatch.setattr(NewsdigestApp, "open_url", lambda self, url, new_tab=True: record.calls.append(("url", url, new_tab)))
    monkeypatch.setattr(NewsdigestApp, "copy_to_clipboard", lambda self, text: record.calls.append(("copy", text)))
    return record


def _corpus(tmp_path: Path, url: str | None = "https://herald.norvale.example/talks") -> Path:
    folder = tmp_path / "news"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(AID_ARTICLE, encoding="utf-8")
    talks = MEDIATION_ARTICLE.replace("url: https://example.com/talks\n", f"url: {url}\n" if url else "")
    (folder / "b.md").write_text(talks, encoding="utf-8")
    return folder


def _notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@sync
async def test_served_export_downloads_and_writes_nothing_on_the_server(web_app: Recorded, tmp_path: Path):
    from tui.app.main import make_app
    from tui.app.pilot import settle
    from summarizer import Request

    app = make_app(Request(paths=(str(_corpus(tmp_path)),)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert len(app.screen_stack) == 1  # no dialog asking for a file on the server
        [(kind, text, options)] = web_app.calls
        assert kind == "deliver" and options["save_filename"] == "newsdigest-summary.md"
        assert options["mime_type"] == "text/markdown"
        assert text == screen_of(app)._markdown(screen_of(app).digest)
        assert "Your browser downloads the summary as newsdigest-summary.md." in _notes(app)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news"]


@sync
async def test_served_copy_reaches_the_browser_only_where_the_browser_allows_it(web_app: Recorded, tmp_path: Path,
                                                                                monkeypatch):
    from tui.app.main import make_app
    from tui.app.pilot import settle
    from tui.browser import SECURE_PAGE_ENV
    from summarizer import Request

    monkeypatch.setenv(SECURE_PAGE_ENV, "0")  # e.g. http://newsroom-host:8000/
    app = make_app(Request(paths=(str(_corpus(tmp_path)),)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        assert web_app.calls == []
        assert any("only over https or on this computer" in note and "Press e to download" in note
                   for note in _notes(app))
        monkeypatch.setenv(SECURE_PAGE_ENV, "1")  # https, or localhost
        await pilot.press("y")
        await pilot.pause()
        assert web_app.calls == [("copy", screen_of(app)._markdown(screen_of(app).digest))]
        assert "The summary is on your browser's clipboard, as Markdown." in _notes(app)


@sync
async def test_served_open_source_opens_the_url_in_a_tab_or_shows_the_article(web_app: Recorded, tmp_path: Path):
    from tui.app.main import make_app
    from tui.app.pilot import settle
    from tui.app.screens.article import ArticleScreen
    from tui.app.widgets.sources_panel import SourcesPanel
    from summarizer import Request

    async def open_each(app, pilot) -> list[str]:
        sources = screen_of(app).query_one(SourcesPanel)
        sources.focus()
        titles = []
        for index, article in enumerate(sources.articles):
            sources.highlighted = index
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            if isinstance(app.screen, ArticleScreen):
                titles.append(app.screen.article.title)
                await pilot.press("o")  # on the article view itself: it is already what is shown
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
                sources.focus()
            else:
                titles.append(f"url:{article.url}")
        return titles

    app = make_app(Request(paths=(str(_corpus(tmp_path)),)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        opened = await open_each(app, pilot)
        assert sorted(opened) == ["Convoys reach the city", "url:https://herald.norvale.example/talks"]
        assert web_app.calls == [("url", "https://herald.norvale.example/talks", True)]
        assert any("has no web address" in note for note in _notes(app))

    # A URL that is not http(s) never reaches the browser: the article is shown instead.
    web_app.calls.clear()
    app = make_app(Request(paths=(str(_corpus(tmp_path / "js", "javascript:alert(1)")),)))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        opened = await open_each(app, pilot)
        assert sorted(opened) == ["Convoys reach the city", "Talks in Lindmark"]
        assert web_app.calls == []


def test_secure_origins_are_the_ones_browsers_allow_the_clipboard():
    from tui.browser import is_secure_origin, is_web_address

    assert all(is_secure_origin(o) for o in ("https://news.example.org", "http://127.0.0.1:8000",
                                             "http://localhost:8000", "http://[::1]:8000"))
    assert not any(is_secure_origin(o) for o in ("http://10.0.0.5:8000", "http://newsroom:8000", None, "null",
                                                 "file://"))
    assert is_web_address("http://127.0.0.1:9/a") and is_web_address("https://x.example/")
    assert not any(is_web_address(u) for u in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                               "https://", ""))
