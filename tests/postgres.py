"""A throwaway PostgreSQL server for tests and benchmarks: Debian's ``postgresql`` package, run by
the test setup itself.

``PostgresServer.start()`` runs ``initdb`` in a new temporary folder, starts ``postgres`` on a free
port of 127.0.0.1 (no unix socket anywhere shared: it lives in the temporary folder), with password
authentication, and ``stop()`` removes it all. initdb and postgres refuse to run as root: as root,
they run as the ``postgres`` system user (``runuser``), which owns the temporary folder.

The tests use it through the fixtures in ``tests/conftest.py`` (``postgres_server``, ``pg_url``);
they skip, saying why, when the binaries are absent (``apt-get install postgresql``).
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN_DIRS = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14, 13)]
SUPERUSER = "postgres"


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    for folder in [*BIN_DIRS, *(Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p)]:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def why_not_available() -> str | None:
    """None when a server can be started here, else the reason (for pytest.skip)."""
    if find_binaries() is None:
        return "PostgreSQL binaries not found (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'newsdigest[postgres]')"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """One cluster in a temporary folder, listening on 127.0.0.1:``port``."""

    def __init__(self, durable: bool = False) -> None:
        """``durable``: fsync and synchronous commits on, as a production server (benchmarks);
        off by default (tests: faster, and nothing needs to survive a machine crash)."""
        binaries = find_binaries()
        if binaries is None:
            raise RuntimeError("PostgreSQL binaries not found")
        self.bin = binaries
        self.root = Path(tempfile.mkdtemp(prefix="newsdigest-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = free_port()
        self.password = secrets.token_hex(12)
        self.running = False
        self.durable = durable
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", SUPERUSER, "--"]

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self._as_user, *command], check=check, capture_output=True, text=True,
            stdin=subprocess.DEVNULL, cwd=self.root,
        )

    def start(self) -> PostgresServer:
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self._as_user:
            user = pwd.getpwnam(SUPERUSER)
            os.chown(pwfile, user.pw_uid, user.pw_gid)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--pwfile", str(pwfile),
            "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync",
        )
        pwfile.unlink()
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                "\n# newsdigest tests: this machine only, no shared socket\n"
                f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.root}'\n"
                "max_connections = 40\nshared_buffers = 128MB\n"
            )
            if not self.durable:
                conf.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        self._pg_ctl("start")
        return self

    def _pg_ctl(self, action: str, *extra: str) -> None:
        result = self._run(str(self.bin / "pg_ctl"), action, "-D", str(self.data), "-l", str(self.log), "-w",
                           "-t", "60", *extra, check=False)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl {action} failed: {result.stderr.strip()} {log}")
        self.running = action != "stop"

    def stop(self) -> None:
        """Stop the server (fast: open connections are closed), keeping its files."""
        if self.running:
            self._pg_ctl("stop", "-m", "fast")

    def start_again(self) -> None:
        """Start the stopped server again, with its data."""
        if not self.running:
            self._pg_ctl("start")

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", password: str | None = None) -> str:
        secret = self.password if password is None else password
        return f"postgresql://{SUPERUSER}:{secret}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = name or f"nd_{secrets.token_hex(6)}"
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for(predicate, timeout: float = 60.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False
