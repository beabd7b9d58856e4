import os
import signal
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def no_stdin_for_children():
    """Programs the tests start read /dev/null on stdin unless a test gives them input, whatever
    stdin the test run itself has: newsdigest reads a piped stdin when given no paths."""
    saved = os.dup(0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    yield
    os.dup2(saved, 0)
    os.close(saved)


@pytest.fixture(autouse=True)
def isolated_config(tmp_path_factory, monkeypatch):
    """Tests never read the user's topics file or cache."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("NEWSDIGEST_TOPICS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def user_env(home: Path) -> dict[str, str]:
    """The environment of one user of the command line with ``home`` of their own (cache, config,
    feeds.toml): no NEWSDIGEST_* settings of the caller, no colour, no proxy (servers in tests are local)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDIGEST")}
    env.update(XDG_CACHE_HOME=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config"),
               NEWSDIGEST_FEEDS=str(home / "config" / "feeds.toml"), NO_COLOR="1")
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(proxy, None)
    return env


ARTICLE = (
    "Ceasefire talks resume in Lindmark\n\n"
    "LINDMARK (AP) -- Negotiators from both sides met in Lindmark on Monday to resume ceasefire talks "
    "brokered by Aldish mediators. The talks are the first in three months.\n\n"
    "A convoy of 40 trucks carrying food and medicine reached the besieged city, aid agencies said. "
    "More humanitarian deliveries are planned for next week.\n"
)


def _proc_stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()
    except OSError:
        return None


def wait_until_waiting(pid: int, timeout: float = 60.0) -> None:
    """Return once the process sleeps steadily (e.g. blocked on stdin): a fixed sleep is not
    enough on a loaded machine, where a signal could land before the program set its handlers."""
    deadline, asleep = time.monotonic() + timeout, 0
    while time.monotonic() < deadline and asleep < 10:
        fields = _proc_stat(pid)
        asleep = asleep + 1 if fields and fields[0] == "S" else 0
        time.sleep(0.05)


def wait_for_children(pid: int, timeout: float = 60.0) -> None:
    """Return once the process has started worker processes (it is then loading articles)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            children = "".join(Path(f"/proc/{pid}/task/{t}/children").read_text() for t in os.listdir(f"/proc/{pid}/task"))
        except OSError:
            return
        if children.strip():
            return
        time.sleep(0.05)


def default_sigint() -> None:
    """For ``preexec_fn``: a run started in the background inherits an ignored SIGINT, and Python
    then leaves it ignored; the child must see Ctrl-C as a user's terminal sends it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of its own on 127.0.0.1 for the whole run (see tests/postgres.py);
    the tests that use it skip, saying why, when PostgreSQL is not installed."""
    from .postgres import PostgresServer, why_not_available

    reason = why_not_available()
    if reason is not None:
        pytest.skip(reason)
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def pg_url(postgres_server):
    """The URL of a new, empty database on the test server (dropped afterwards)."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)
