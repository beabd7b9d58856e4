"""``newsdigest serve``: the Textual app in a browser, one app process per browser tab.

Built on textual-serve (by Textual's authors): its ``Server`` serves the page, the terminal
emulator (xterm.js) and a websocket per tab, and its ``AppService`` runs one app process per
websocket under Textual's web driver. What a server shared by a team needs on top of it lives here:

- a cap on concurrent sessions: past it the page says the server is full (HTTP 503), and a
  websocket that still arrives is closed at once;
- idle sessions end: no key and no resize for ``idle_seconds`` quits the app (then kills it);
- a session that crashes takes nothing else down: each is its own process, and when one dies its
  tab is told (the page shows "Session ended") instead of waiting on a dead process;
- the app is started without a shell (argv, not a command line), in its own process group, so
  Ctrl-C on the server does not reach it and shutting down ends every session;
- our own page: no fonts from the Internet (textual-serve's page asks Google Fonts), and the
  websocket address taken from the page's own address, so a reverse proxy in front just works;
- one line on stderr per message, never textual-serve's banner on stdout.

Only ``newsdigest serve`` imports this module (and textual-serve): the terminal app never does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import aiohttp_jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .browser import SECURE_PAGE_ENV, is_secure_origin
from .exits import PROG

TEMPLATES = Path(__file__).parent / "serve_templates"
log = logging.getLogger("textual-serve")  # textual-serve's own logger: its messages come out our way
QUIT_GRACE = 5.0
"""Seconds an app is given to quit before it is killed (idle sessions, shutdown)."""


@dataclass(frozen=True)
class Limits:
    """What one server allows."""

    max_sessions: int = 8
    """Browser tabs with a running app at once; one more gets the "server is full" page."""
    idle_seconds: float = 30 * 60
    """A session with no key pressed (or window resized) for this long is ended."""


class ServedApp(AppService):
    """One browser tab's app process (textual-serve's ``AppService``, with the limits above)."""

    def __init__(self, argv: Sequence[str], *, secure_page: bool, **kwargs) -> None:  # noqa: ANN003 - AppService's
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)
        self.secure_page = secure_page
        self.scratch = tempfile.mkdtemp(prefix="newsdigest-session-")
        """The app's temporary folder (its TMPDIR): what it keeps for its run alone (``--no-cache``'s
        index) goes with the session, even when the app crashed or was killed and could not clean up."""
        self.last_input = asyncio.get_running_loop().time()
        """When the reader last pressed a key or resized the window (the event loop's clock)."""

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment[SECURE_PAGE_ENV] = "1" if self.secure_page else "0"
        environment["TMPDIR"] = self.scratch
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        # argv, not a shell command line; a process group of its own, so that a Ctrl-C meant for
        # the server does not kill every reader's app before the server ends them in order.
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def run(self) -> None:
        """Relay the app's output to the tab until the app ends, however it ends: quitting,
        crashing, killed. Then the tab is told (it shows "Session ended" instead of a frozen
        screen), and an app that failed leaves one line on the server's stderr, never its raw
        output (textual-serve copies that to stdout, escape sequences and all)."""
        assert self._process is not None
        process = self._process
        assert process.stdout is not None and process.stderr is not None
        errors = asyncio.create_task(_tail(process.stderr))
        try:
            await self._relay(process.stdout)
        except (asyncio.IncompleteReadError, ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            await self.remote_close()
            try:
                said = await asyncio.wait_for(errors, QUIT_GRACE)
            except (asyncio.TimeoutError, OSError):
                said = b""
            shutil.rmtree(self.scratch, ignore_errors=True)  # the app has closed its output: it has ended
            last = next((line for line in reversed(said.decode("utf-8", "replace").splitlines()) if line.strip()), "")
            if last:
                from .safety import printable

                log.warning("a session's app failed: %s", printable(last.strip())[:300])

    async def _relay(self, stdout: asyncio.StreamReader) -> None:
        """textual-serve's protocol: a line saying the app is a Textual app, then packets (a type
        byte, a 4-byte size, the payload) of screen data, meta messages and file chunks."""
        for _ in range(10):
            line = await stdout.readline()
            if not line or line == b"__GANGLION__\n":
                break
        while True:
            kind = await stdout.readexactly(1)
            size = int.from_bytes(await stdout.readexactly(4), "big")
            payload = await stdout.readexactly(size)
            if kind == b"D":
                await self.on_data(payload)
            elif kind == b"M":
                await self.on_meta(payload)
            elif kind == b"P":
                await self.on_packed(payload)

    def touched(self) -> None:
        self.last_input = asyncio.get_running_loop().time()

    async def end(self, grace: float = QUIT_GRACE) -> None:
        """Ask the app to quit; kill it (and anything it started) when it has not within ``grace`` seconds."""
        process = self._process
        if process is None:
            return

        async def quit_() -> None:
            await self.stop()
            await process.wait()

        if process.returncode is None:
            try:
                await asyncio.wait_for(quit_(), grace)
            except (asyncio.TimeoutError, ConnectionError, OSError):
                pass
        if process.returncode is None:
            try:
                # Not Popen.kill(): it would reap the process behind asyncio's child watcher.
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            await process.wait()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None


class NewsdigestServer(Server):
    """textual-serve's ``Server`` with newsdigest's page, messages and limits."""

    def __init__(self, app_argv: Sequence[str], *, host: str, port: int, limits: Limits, stderr: TextIO) -> None:
        super().__init__(" ".join(app_argv), host=host, port=port, title="newsdigest", templates_path=TEMPLATES)
        self.app_argv = list(app_argv)
        self.limits = limits
        self.stderr = stderr
        self.sessions: dict[ServedApp, web.WebSocketResponse] = {}
        """The running sessions and their tabs' websockets."""

    # Messages: one line each on stderr.

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(self.stderr)
        handler.setFormatter(logging.Formatter(f"{PROG}: serve: %(message)s"))
        log.handlers[:] = [handler]
        log.setLevel(logging.DEBUG if self.debug else logging.WARNING)
        log.propagate = False

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the server speaks once it listens (``_announce``), not before it knows it can."""

    def _announce(self) -> None:
        address = _address(self.host, self.port)
        minutes = _minutes(self.limits.idle_seconds)
        self._say(f"serving the app on {address} (at most {self.limits.max_sessions} readers at once; "
                  f"a session ends after {minutes} without a key); Ctrl-C stops it")
        who = ("anyone who can reach this port from this machine" if _is_loopback(self.host)
               else "anyone on the network who can reach this port")
        self._say(f"warning: the page has no login: {who} can read every article it serves "
                  "(for a team, put it behind a proxy with a password: see the README)")

    async def on_shutdown(self, app: web.Application) -> None:
        sessions = list(self.sessions.items())
        for _service, websocket in sessions:
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"the server is stopping")
        await asyncio.gather(*(service.end() for service, _ in sessions), return_exceptions=True)

    def _say(self, message: str) -> None:
        self.stderr.write(f"{PROG}: {message}\n")
        self.stderr.flush()

    # The page.

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if len(self.sessions) >= self.limits.max_sessions:
            return aiohttp_jinja2.render_template(
                "full.html", request, {"max_sessions": self.limits.max_sessions}, status=503,
            )
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "title": self.title,
            "idle": _minutes(self.limits.idle_seconds),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        # Sources open in new tabs (o): they learn neither this page's address nor get a handle on
        # it to navigate it elsewhere (textual.js opens them without noopener).
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    # One session per websocket.

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not same_site(request.headers.get("Origin"), request.host):
            # Another site's page in the reader's browser may not open a session and read the articles
            # (browsers let any page open a websocket anywhere, and always say where the page is from).
            raise web.HTTPForbidden(text="newsdigest: this page may be opened only from its own address\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.sessions) >= self.limits.max_sessions:  # the page was loaded before the last seat went
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"the server is full")
            return websocket
        service = ServedApp(
            self.app_argv,
            secure_page=is_secure_origin(request.headers.get("Origin")),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.sessions[service] = websocket
        watchdog: asyncio.Task[None] | None = None
        try:
            await service.start(to_int(request.query.get("width", "80"), 80),
                                to_int(request.query.get("height", "24"), 24))
            watchdog = asyncio.create_task(self._end_when_idle(service, websocket))
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except (ConnectionError, OSError) as error:
            log.warning("a session failed: %s", error)
        finally:
            if watchdog is not None:
                watchdog.cancel()
            self.sessions.pop(service, None)
            await service.end()
            await websocket.close()
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """The browser's messages to the app (textual-serve's, noting when the reader last acted)."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
                kind = envelope[0]
            except (ValueError, TypeError, IndexError, KeyError):
                continue  # not textual.js talking: ignored
            if kind == "stdin" and isinstance(envelope[1], str):
                if isinstance(app_service, ServedApp):
                    app_service.touched()
                await app_service.send_bytes(envelope[1].encode("utf-8"))
            elif kind == "resize" and isinstance(envelope[1], dict):
                if isinstance(app_service, ServedApp):
                    app_service.touched()
                size = envelope[1]
                await app_service.set_terminal_size(to_int(str(size.get("width")), 80),
                                                    to_int(str(size.get("height")), 24))
            elif kind == "ping":
                await websocket.send_json(["pong", envelope[1] if len(envelope) > 1 else ""])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()

    async def _end_when_idle(self, service: ServedApp, websocket: web.WebSocketResponse) -> None:
        loop = asyncio.get_running_loop()
        while (left := service.last_input + self.limits.idle_seconds - loop.time()) > 0:
            await asyncio.sleep(left)
        log.info("a session was idle for %s: ended", _minutes(self.limits.idle_seconds))
        await service.end()
        await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"idle")

    # Running.

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM; then every session is ended and the call returns.
        OSError when the address cannot be listened on."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        stopping = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stopping.set)
        runner = web.AppRunner(await self._make_app(), handle_signals=False, shutdown_timeout=QUIT_GRACE + 1)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            self._announce()
            await stopping.wait()
        finally:
            await runner.cleanup()  # on_shutdown: every session is ended
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)


def app_argv(app_args: Sequence[str]) -> list[str]:
    """The command that runs one session's app: this Python, ``-m tui app`` and the options."""
    return [sys.executable, "-m", "tui", "app", *app_args]


def serve(app_args: Sequence[str], *, host: str, port: int, limits: Limits, stderr: TextIO) -> None:
    """Serve the app (``newsdigest app APP_ARGS``) on ``host:port`` until stopped.

    OSError when the address cannot be listened on."""
    NewsdigestServer(app_argv(app_args), host=host, port=port, limits=limits, stderr=stderr).serve()


async def _tail(stream: asyncio.StreamReader, keep: int = 8192) -> bytes:
    """Read a stream to its end (so that the app never blocks on a full pipe); its last bytes."""
    kept = b""
    while chunk := await stream.read(4096):
        kept = (kept + chunk)[-keep:]
    return kept


def same_site(origin: str | None, host: str) -> bool:
    """Whether a websocket opened from a page of ``origin`` comes from this server's own page (the
    request's ``Host``, as the reader or the proxy in front addressed it). No Origin: not a browser."""
    if origin is None:
        return True
    from urllib.parse import urlsplit

    try:
        theirs = urlsplit(origin).hostname
        ours = urlsplit(f"//{host}").hostname
    except ValueError:
        return False
    return theirs is not None and theirs == ours


def _address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _minutes(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:g} s"
    minutes = seconds / 60
    return f"{minutes:g} minute{'' if minutes == 1 else 's'}"

