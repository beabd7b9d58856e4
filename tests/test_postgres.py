"""The index on a PostgreSQL server (issue 18): the same answers as SQLite, concurrent and
repeated ingestion, a killed ingestion resumed, and every fault as one line.

A server of the tests' own is started once (tests/postgres.py); each test gets a new database.
Every test here skips, saying why, when PostgreSQL or psycopg is not installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.make_corpus import make_corpus
from summarizer.store import postgres as pg
from summarizer.store.backend import is_url, open_index
from summarizer.store.cache import FileIdentity, IndexStore
from summarizer.store.ingest import decode

from .conftest import REPO, user_env
from .postgres import wait_for
from .webserver import news_server  # noqa: F401 - the fixture


def newsdigest(*args, env=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=REPO,
        env={**os.environ, **(env or {})}, timeout=600, **kwargs,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """80 generated articles, plus two copies of one of them under other names (same text)."""
    out = tmp_path_factory.mktemp("corpus")
    make_corpus(out, 80, seed=18)
    first = sorted(out.glob("*.txt"))[0]
    copies = out / "copies"
    copies.mkdir()
    shutil.copy(first, copies / "same-text-a.txt")
    shutil.copy(first, copies / "same-text-b.txt")
    return out


def distinct_texts(folder: Path) -> int:
    return len({hashlib.sha256(p.read_bytes()).digest() for p in folder.rglob("*.txt")})


def counts(url: str) -> tuple[int, int]:
    store = pg.PostgresIndexStore(url)
    try:
        return store.count()
    finally:
        store.close()


# -- the interface, on both backends ------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        store = IndexStore(tmp_path / "index")
    else:
        store = open_index(request.getfixturevalue("pg_url"))
    yield store
    store.close()


def test_each_method_of_the_interface_behaves_the_same_on_both_backends(backend):
    one, two = FileIdentity(1, 2, 3, 4), FileIdentity(1, 5, 6, 7)
    backend.put([("/news/a.txt", one, b"sha-a", b"payload a"), ("/news/sub/b.txt", two, b"sha-b", b"payload b")])
    found = backend.entries(["/news/a.txt", "/news/sub/b.txt", "/news/none.txt"])
    assert set(found) == {"/news/a.txt", "/news/sub/b.txt"}
    assert found["/news/a.txt"].identity == one and found["/news/a.txt"].payload == b"payload a"
    assert found["/news/sub/b.txt"].sha256 == b"sha-b"

    backend.touch([("/news/a.txt", FileIdentity(9, 9, 9, 9))])
    assert backend.entries(["/news/a.txt"])["/news/a.txt"].identity == FileIdentity(9, 9, 9, 9)

    assert sorted(backend.paths_under("/news")) == ["/news/a.txt", "/news/sub/b.txt"]
    assert backend.paths_under("/news/sub/") == ["/news/sub/b.txt"]
    assert backend.paths_under("/new") == []  # a prefix of a name is not a folder
    assert list(backend.payloads()) == [("/news/a.txt", b"payload a"), ("/news/sub/b.txt", b"payload b")]

    backend.forget(["/news/a.txt"])
    assert list(backend.entries(["/news/a.txt"])) == []

    ids = backend.term_ids(["ceasefir", "convoy", "ceasefir"])
    assert ids.dtype == np.int64 and ids[0] == ids[2] != ids[1]
    assert backend.stems(ids[::-1]) == ["ceasefir", "convoy", "ceasefir"]
    assert list(backend.term_ids(["convoy"])) == [ids[1]]

    backend.put_stems([("convoys", "convoy"), ("talks", "talk")])
    backend.put_stems([("talks", "talk")])
    assert backend.identities(["/news/sub/b.txt", "/news/none.txt"]) == {"/news/sub/b.txt": (two, b"sha-b")}

    backend.put_sentence_index(b"set-1", b"index one", "v1")
    backend.put_sentence_index(b"set-2", b"index two", "v1")
    # A buffer: bytes from a server, a file mapped into memory beside SQLite.
    assert bytes(backend.sentence_index(b"set-1")) == b"index one" and backend.sentence_index(b"none") is None
    backend.put_sentence_index(b"set-3", b"index three", "v2")  # another version: the older ones go
    assert backend.sentence_index(b"set-1") is None and bytes(backend.sentence_index(b"set-3")) == b"index three"
    backend.put_file_set(b"list", b"identities", b"set-3")
    backend.put_file_set(b"list", b"identities 2", b"set-3")
    assert backend.file_set(b"list") == (b"identities 2", b"set-3") and backend.file_set(b"other") is None


def test_stems_and_payloads_are_read_on_connections_of_their_own(pg_url):
    """The look-ups a run makes outside its store: stems before articles load, texts of articles
    read lazily (from any thread, after the store is closed)."""
    from summarizer.store.postgres import stems_lookup

    store = open_index(pg_url)
    store.put_stems([("convoys", "convoy"), ("talks", "talk")])
    store.put([("/news/a.txt", FileIdentity(1, 2, 3, 4), b"sha-a", b"payload a")])
    reader = store.reader()
    store.close()
    assert stems_lookup(pg_url)(["talks", "convoys", "unknown"]) == {"talks": "talk", "convoys": "convoy"}
    assert reader.payload_of(b"sha-a") == b"payload a" and reader.payload_of(b"sha-b") is None
    reader.close()
    assert stems_lookup("postgresql://nobody@127.0.0.1:1/none")(["talks"]) == {}  # unreachable: nothing known


def test_term_ids_are_shared_by_every_connection(pg_url):
    a, b = open_index(pg_url), open_index(pg_url)
    try:
        ids = a.term_ids(["mediat", "aid"])
        assert list(b.term_ids(["aid", "mediat"])) == [ids[1], ids[0]]
        assert b.stems(ids) == ["mediat", "aid"]
    finally:
        a.close()
        b.close()


def test_the_same_text_under_two_paths_is_stored_once(pg_url):
    store = open_index(pg_url)
    try:
        identity = FileIdentity(1, 1, 1, 1)
        store.put([("/x/one.txt", identity, b"s", b"the same payload"), ("/y/two.txt", identity, b"s", b"the same payload")])
        store.put([("/z/three.txt", identity, b"s", b"another payload")])
        assert store.count() == (3, 2)
        store.forget(["/z/three.txt", "/x/one.txt"])  # a payload no file points to is dropped
        assert store.count() == (1, 1)
        assert store.entries(["/y/two.txt"])["/y/two.txt"].payload == b"the same payload"
    finally:
        store.close()


# -- same answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [[], ["-t", "aid", "--words", "80", "--method", "lexrank"],
                                     ["--query", "Who is mediating the talks?", "--explain"]])
def test_summary_from_postgres_is_identical_to_the_one_from_sqlite(corpus, pg_url, tmp_path, options):
    from_sqlite = newsdigest("summarize", str(corpus), "--format", "json", "--cache-dir", str(tmp_path / "c"), *options)
    assert from_sqlite.returncode == 0, from_sqlite.stderr
    cold = newsdigest("summarize", str(corpus), "--format", "json", "--index", pg_url, *options)
    warm = newsdigest("summarize", str(corpus), "--format", "json", "--index", pg_url, *options)
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    assert cold.stdout == from_sqlite.stdout
    assert warm.stdout == from_sqlite.stdout
    assert '"topics"' in warm.stdout


# -- the reader's copies of sentence indexes ----------------------------------------------------


def server_rows(url: str, query: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        return db.execute(query).fetchall()


def copies(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "shared").glob("*/sentence-indexes/*.bin"))


def test_a_warm_run_reads_the_sentence_index_from_its_copy_not_from_the_server(corpus, pg_url, tmp_path):
    expected = newsdigest("summarize", str(corpus), "--format", "json", "--cache-dir", str(tmp_path / "sqlite"))
    reader = ["--index", pg_url, "--cache-dir", str(tmp_path / "c"), "--format", "json"]
    assert newsdigest("summarize", str(corpus), *reader).stdout == expected.stdout  # cold: builds and copies it
    [copy] = copies(tmp_path / "c")
    [(key, data)] = server_rows(pg_url, "SELECT key, data FROM newsdigest.sentence_indexes")
    assert copy.name == f"{bytes(key).hex()}.bin" and copy.read_bytes() == bytes(data)

    # Without the server's row, a warm run that needed it would parse every payload and store the
    # row again: with the copy, it reads nothing of the set from the server.
    server_rows(pg_url, "DELETE FROM newsdigest.sentence_indexes RETURNING key")
    warm = newsdigest("summarize", str(corpus), *reader)
    assert warm.returncode == 0 and warm.stdout == expected.stdout, warm.stderr
    assert server_rows(pg_url, "SELECT key FROM newsdigest.sentence_indexes") == []

    # The same run without the copy (another machine) rebuilds the row and copies it again.
    copy.unlink()
    assert newsdigest("summarize", str(corpus), *reader).stdout == expected.stdout
    assert len(server_rows(pg_url, "SELECT key FROM newsdigest.sentence_indexes")) == 1
    assert copy.exists()


@pytest.mark.parametrize("damage", ["truncated", "overwritten", "empty"])
def test_a_damaged_copy_is_fetched_again_from_the_server(corpus, pg_url, tmp_path, damage):
    reader = ["--index", pg_url, "--cache-dir", str(tmp_path / "c"), "--format", "json"]
    expected = newsdigest("summarize", str(corpus), *reader).stdout
    [copy] = copies(tmp_path / "c")
    whole = copy.read_bytes()
    [(stored_at,)] = server_rows(pg_url, "SELECT stored_at FROM newsdigest.sentence_indexes")
    if damage == "truncated":
        copy.write_bytes(whole[: len(whole) // 2])
    elif damage == "overwritten":
        copy.write_bytes(b"\xff" * 64 + whole[64:])
    else:
        copy.write_bytes(b"")
    again = newsdigest("summarize", str(corpus), *reader)
    assert again.returncode == 0 and again.stdout == expected, again.stderr
    assert copy.read_bytes() == whole
    # Fetched, not built again: the server's row is the one stored by the first run.
    assert server_rows(pg_url, "SELECT stored_at FROM newsdigest.sentence_indexes") == [(stored_at,)]


def test_a_reader_keeps_the_copies_used_most_recently(pg_url, tmp_path):
    def blob(n: int) -> bytes:  # a whole sentence index as far as the copies can tell: no arrays
        head = json.dumps({"n": n, "arrays": []}).encode()
        head += b" " * (-(len(head) + 8) % 8)
        return len(head).to_bytes(8, "little") + head

    store = open_index(pg_url, cache_dir=tmp_path / "c")
    try:
        for n in range(pg.SENTENCE_INDEXES_KEPT + 3):
            store.put_sentence_index(b"set-%d" % n, blob(n), "v1")
            os.utime(store._copy_path(b"set-%d" % n), (n, n))  # in the order written, whatever the clock
        kept = {c.name for c in copies(tmp_path / "c")}
        assert kept == {f"{(b'set-%d' % n).hex()}.bin" for n in range(3, pg.SENTENCE_INDEXES_KEPT + 3)}
        assert bytes(store.sentence_index(b"set-3")) == blob(3)  # used: now the newest
        store.put_sentence_index(b"set-new", blob(99), "v1")
        assert (tmp_path / "c" / "shared").exists() and store._copy_path(b"set-3").exists()
        assert not store._copy_path(b"set-4").exists()
    finally:
        store.close()


def test_the_index_url_can_come_from_the_environment(corpus, pg_url, tmp_path):
    assert newsdigest("index", str(corpus), env={"NEWSDIGEST_INDEX": pg_url}).returncode == 0
    assert counts(pg_url)[0] == 82
    assert not (Path(os.environ["XDG_CACHE_HOME"]) / "newsdigest" / "index.sqlite3").exists()


def test_the_default_install_never_imports_psycopg(tmp_path):
    code = (
        "import sys; from tui.cli import main; code = main(['summarize', '--cache-dir', sys.argv[1]]); "
        "print('psycopg' in sys.modules); sys.exit(code)"
    )
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("False")


def test_without_psycopg_the_message_names_the_extra(tmp_path):
    code = (
        "import sys; sys.modules['psycopg'] = None; from tui.cli import main; "
        "sys.exit(main(['summarize', '--index', 'postgresql://me@127.0.0.1/news']))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert run.stderr == "newsdigest: error: a PostgreSQL index needs psycopg: pip install 'newsdigest[postgres]'\n"


# -- ingestion ---------------------------------------------------------------------------------


def test_indexing_twice_stores_nothing_new(corpus, pg_url):
    first = newsdigest("index", str(corpus), "--index", pg_url, "--workers", "1")
    assert first.returncode == 0, first.stderr
    assert first.stdout == "indexed 82 files (82 articles): 82 read, 0 already stored\n"
    assert counts(pg_url) == (82, distinct_texts(corpus))  # copies share the payload of their original
    assert distinct_texts(corpus) <= 80
    again = newsdigest("index", str(corpus), "--index", pg_url)
    assert again.stdout == "indexed 82 files (82 articles): 0 read, 82 already stored\n"
    assert counts(pg_url) == (82, distinct_texts(corpus))


def test_index_works_on_the_sqlite_index_too(corpus, tmp_path):
    run = newsdigest("index", str(corpus), "--cache-dir", str(tmp_path / "c"), "--workers", "1")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("indexed 82 files")
    warm = newsdigest("summarize", str(corpus), "--cache-dir", str(tmp_path / "c"), "--format", "json")
    cold = newsdigest("summarize", str(corpus), "--no-cache", "--format", "json")
    assert warm.stdout == cold.stdout
    assert newsdigest("index", "-").returncode == 2


def test_two_concurrent_index_processes_store_every_article_once(corpus, pg_url, tmp_path):
    runs = [
        subprocess.Popen([sys.executable, "-m", "tui", "index", str(corpus), "--index", pg_url, "--workers", "1"],
                         cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert counts(pg_url) == (82, distinct_texts(corpus))
    # Each file was read by one of them: a chunk one process holds, the other leaves for last.
    read = [int(out.split(": ")[1].split(" read")[0]) for out, _ in outputs]
    assert sum(read) == 82, outputs
    store = open_index(pg_url)
    try:
        paths = [str(p.resolve()) for p in corpus.rglob("*.txt")]
        entries = store.entries(paths)
        assert len(entries) == 82
        assert all(decode(e.payload).records for e in entries.values())
    finally:
        store.close()
    shared = newsdigest("summarize", str(corpus), "--index", pg_url, "--format", "json")
    alone = newsdigest("summarize", str(corpus), "--cache-dir", str(tmp_path / "c"), "--format", "json")
    assert shared.stdout == alone.stdout


@pytest.mark.slow
def test_an_index_run_killed_then_run_again_stores_every_article_once(pg_url, tmp_path):
    folder = tmp_path / "big"
    make_corpus(folder, 400, seed=5)
    run = subprocess.Popen([sys.executable, "-m", "tui", "index", str(folder), "--index", pg_url, "--workers", "1"],
                           cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: counts(pg_url)[0] > 0 or run.poll() is not None, timeout=300, step=0.02)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()
    stored, _ = counts(pg_url)
    assert 0 < stored < 400  # killed in the middle, by whole transactions
    store = open_index(pg_url)
    try:
        entries = store.entries([str(p.resolve()) for p in folder.glob("*.txt")])
        assert len(entries) == stored and all(decode(e.payload).records for e in entries.values())
    finally:
        store.close()
    again = newsdigest("index", str(folder), "--index", pg_url, "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert f"{400 - stored} read, {stored} already stored" in again.stdout
    assert counts(pg_url)[0] == 400
    resumed = newsdigest("summarize", str(folder), "--index", pg_url, "--format", "json")
    clean = newsdigest("summarize", str(folder), "--cache-dir", str(tmp_path / "c"), "--format", "json")
    assert resumed.returncode == 0 and resumed.stdout == clean.stdout


# -- faults, one line each ---------------------------------------------------------------------


def one_line_error(run) -> str:
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    return run.stderr


def test_server_down_is_one_line(postgres_server):
    from .postgres import free_port

    url = f"postgresql://postgres:secret@127.0.0.1:{free_port()}/news"
    message = one_line_error(newsdigest("summarize", "--index", url))
    assert message.startswith("newsdigest: error: cannot connect to the index at postgresql://postgres:***@127.0.0.1:")
    assert "connection refused" in message and "secret" not in message


def test_bad_credentials_are_one_line(postgres_server, pg_url):
    name = pg_url.rsplit("/", 1)[1]
    message = one_line_error(newsdigest("index", str(REPO / "seeds"), "--index", postgres_server.url(name, password="wrong")))
    assert 'password authentication failed for user "postgres"' in message
    assert "wrong" not in message


def test_a_missing_database_is_one_line(postgres_server):
    message = one_line_error(newsdigest("summarize", "--index", postgres_server.url("nosuchdb")))
    assert 'database "nosuchdb" does not exist' in message


def test_a_database_of_another_schema_version_is_refused_with_what_to_do(pg_url):
    open_index(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("UPDATE newsdigest.schema_version SET version = 7")
    message = one_line_error(newsdigest("summarize", "--index", pg_url))
    assert f"has schema version 7, this newsdigest uses {pg.SCHEMA_VERSION}: upgrade newsdigest to use it" in message
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("UPDATE newsdigest.schema_version SET version = 0")
    message = one_line_error(newsdigest("summarize", "--index", pg_url))
    assert "has schema version 0" in message and "DROP SCHEMA newsdigest CASCADE" in message


def test_a_schema_of_the_same_name_without_a_version_is_refused_in_one_line(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("CREATE SCHEMA newsdigest")
        db.execute("CREATE TABLE newsdigest.payloads (x integer)")  # another program's, or half-made by hand
    message = one_line_error(newsdigest("summarize", "--index", pg_url))
    assert "has a schema newsdigest with 1 table(s) but no newsdigest.schema_version" in message
    assert "DROP SCHEMA newsdigest CASCADE" in message and "internal error" not in message


def test_an_empty_schema_made_ahead_by_an_administrator_is_filled(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("CREATE SCHEMA newsdigest")
    assert newsdigest("index", str(REPO / "seeds"), "--index", pg_url).returncode == 0
    assert counts(pg_url)[0] == 2


def test_the_members_of_the_database_owner_share_one_index(postgres_server, tmp_path):
    """The README's set-up: a group role owns the database, each person logs in as a member. The
    tables are the group's, whoever ran first, so every member reads and writes them."""
    import secrets

    import psycopg

    tag = secrets.token_hex(4)
    team, ana, bob, name = f"team_{tag}", f"ana_{tag}", f"bob_{tag}", f"nd_{tag}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{team}" NOLOGIN')
        for who in (ana, bob):
            admin.execute(f'CREATE ROLE "{who}" LOGIN PASSWORD \'pw\' IN ROLE "{team}"')
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{team}"')

    def url(who: str) -> str:
        return f"postgresql://{who}:pw@127.0.0.1:{postgres_server.port}/{name}"

    try:
        first = newsdigest("index", str(REPO / "seeds"), "--index", url(ana))
        assert first.returncode == 0, first.stderr
        run = newsdigest("summarize", str(REPO / "seeds"), "-t", "aid", "--index", url(bob), "--reader", "bob",
                         "--mark-read", "--cache-dir", str(tmp_path))
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith("Aid")
        with psycopg.connect(postgres_server.url(name), autocommit=True) as db:
            owners = {r[0] for r in db.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'newsdigest'")}
        assert owners == {team}
    finally:
        with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for who in (ana, bob, team):
                admin.execute(f'DROP ROLE IF EXISTS "{who}"')


DROP_VERSION_3 = "DROP TABLE newsdigest.subscriptions, newsdigest.web_resources, newsdigest.web_articles, newsdigest.web_listings"
"""What version 3 added: a team's shared store of subscriptions and fetched articles."""
DROP_VERSION_4 = "DROP TABLE newsdigest.article_terms, newsdigest.term_frequency, newsdigest.corpus_totals"
"""What version 4 added: postings and statistics."""


def test_a_database_of_version_1_is_migrated_and_then_used(corpus, pg_url):
    """Version 1 (branch pg's first schema) had no sentence indexes nor file sets."""
    open_index(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(DROP_VERSION_4)
        db.execute(DROP_VERSION_3)
        db.execute("DROP TABLE newsdigest.sentence_indexes, newsdigest.file_sets")
        db.execute("DROP INDEX newsdigest.files_sha256")
        db.execute("UPDATE newsdigest.schema_version SET version = 1")
    for _ in range(2):  # the second run reads the set's sentence index the first one stored
        result = newsdigest("summarize", str(corpus), "-t", "aid", "--index", pg_url)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
    with psycopg.connect(pg_url, autocommit=True) as db:
        assert db.execute("SELECT version FROM newsdigest.schema_version").fetchone()[0] == pg.SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM newsdigest.file_sets").fetchone()[0] == 2  # the list, its folder


def test_an_older_schema_is_migrated_when_a_migration_is_known(pg_url, monkeypatch):
    open_index(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("UPDATE newsdigest.schema_version SET version = 1")
    ran = []
    monkeypatch.setitem(pg.MIGRATIONS, 1, lambda db: ran.append(db.execute("SELECT 1").fetchone()[0]))
    monkeypatch.setitem(pg.MIGRATIONS, 2, lambda db: ran.append(db.execute("SELECT 2").fetchone()[0]))
    monkeypatch.setitem(pg.MIGRATIONS, 3, lambda db: ran.append(db.execute("SELECT 3").fetchone()[0]))
    open_index(pg_url).close()
    assert ran == [1, 2, 3]
    with psycopg.connect(pg_url, autocommit=True) as db:
        assert db.execute("SELECT version FROM newsdigest.schema_version").fetchall() == [(pg.SCHEMA_VERSION,)]


def test_a_server_restart_between_writes_loses_nothing(postgres_server, pg_url):
    store = open_index(pg_url)
    try:
        identity = FileIdentity(1, 1, 1, 1)
        store.put([("/a.txt", identity, b"s", b"before the restart")])
        ids = store.term_ids(["aid"])
        postgres_server.restart()
        store.put([("/b.txt", identity, b"s", b"after the restart")])  # reconnects, writes once
        assert list(store.term_ids(["aid", "talk"]))[0] == ids[0]
        assert store.count() == (2, 2)
        postgres_server.restart()
        assert [p for p, _ in store.payloads()] == ["/a.txt", "/b.txt"]
    finally:
        store.close()


def test_a_server_gone_for_good_mid_run_is_one_line(postgres_server, pg_url, monkeypatch):
    monkeypatch.setattr(pg, "RECONNECT_S", 0.5)
    store = open_index(pg_url)
    try:
        postgres_server.stop()
        with pytest.raises(pg.IndexServerError) as error:
            store.put([("/a.txt", FileIdentity(1, 1, 1, 1), b"s", b"x")])
        assert "lost the connection to the index" in str(error.value) and "run again to resume" in str(error.value)
        assert "\n" not in str(error.value)
    finally:
        postgres_server.start_again()
        store.close()


@pytest.mark.parametrize("url", [
    "postgresql://ana:s3cretpw@[::1:5432/news",        # an IPv6 host without its closing bracket
    "postgresql://ana:s3cret%ZZpw@127.0.0.1:1/news",   # a bad percent-escape in the password
    "postgresql://ana:s3cretpw@127.0.0.1:1/news?sslmode=bogus&",
])
def test_a_url_libpq_cannot_parse_never_shows_its_password(url):
    """libpq quotes the URL, or the part it could not decode, in its message."""
    pytest.importorskip("psycopg")
    message = one_line_error(newsdigest("summarize", "--index", url))
    assert "s3cret" not in message and "***" in message


@pytest.mark.parametrize("url", ["postgresq://ana:s3cretpw@db.example/news", "mysql://ana:s3cretpw@db/news"])
def test_a_mistyped_scheme_never_shows_the_password(url):
    for run in (newsdigest("summarize", "--index", url), newsdigest("summarize", env={"NEWSDIGEST_INDEX": url})):
        assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
        assert "expected a postgresql://user@host/database URL" in run.stderr
        assert "s3cret" not in run.stderr and "ana:***@" in run.stderr


def test_a_url_without_a_host_that_finds_no_local_server_says_so(tmp_path):
    """postgresql:///news means this machine's socket; libpq's own words say only "No such file"."""
    pytest.importorskip("psycopg")
    message = one_line_error(newsdigest("summarize", "--index", f"postgresql:///news?host={tmp_path}"))
    assert f"no server listens on this machine's socket {tmp_path}/.s.PGSQL.5432" in message
    assert "is the host missing from the URL?" in message


def test_redact_hides_only_the_password():
    assert pg.redact("postgresql://ana:s3cret@db.example:5433/news") == "postgresql://ana:***@db.example:5433/news"
    assert pg.redact("postgresql://ana@db.example/news") == "postgresql://ana@db.example/news"
    assert is_url("postgres://db/news") and not is_url("/var/cache/newsdigest") and not is_url(None)


# -- read state per reader ---------------------------------------------------------------------


def test_each_reader_has_their_own_read_state_in_the_shared_index(pg_url):
    seeds = str(REPO / "seeds")

    def new(reader, *more):
        return newsdigest("summarize", seeds, "--index", pg_url, "--new", "--reader", reader, "-n", "1", *more)

    first = new("ana", "--mark-read")
    assert first.returncode == 0 and first.stdout.startswith("New: 2 articles, nothing read yet")
    again = new("ana")
    assert again.returncode == 0 and again.stdout == ""
    assert again.stderr.startswith("newsdigest: nothing new since") and "all 2 articles already read" in again.stderr
    other = new("bo")
    assert other.stdout.startswith("New: 2 articles, nothing read yet")  # ana's reading is not bo's
    marked = newsdigest("mark-read", "--all", "--index", pg_url, "--reader", "bo")
    assert marked.stdout == "marked 2 articles read (0 already were)\n"
    assert new("bo").stdout == ""
    reset = newsdigest("mark-read", "--reset", "--index", pg_url, "--reader", "ana")
    assert reset.stdout.startswith("forgot 2 articles read")
    assert new("ana").stdout.startswith("New: 2 articles")
    assert new("bo").stdout == ""  # ana's reset left bo's alone
    assert not (Path(os.environ["XDG_CACHE_HOME"]) / "newsdigest" / "read.sqlite3").exists()


def test_the_same_text_under_two_paths_is_read_once_marked_on_the_server(corpus, pg_url, tmp_path):
    copies = corpus / "copies"  # same-text-a.txt and same-text-b.txt: one text
    marked = newsdigest("mark-read", str(copies), "--index", pg_url, "--reader", "ana", "--cache-dir", str(tmp_path))
    assert marked.returncode == 0, marked.stderr
    again = newsdigest("summarize", str(copies), "--new", "--index", pg_url, "--reader", "ana", "--cache-dir", str(tmp_path))
    assert again.returncode == 0 and again.stdout == ""
    assert "all 2 articles already read" in again.stderr


def test_reader_without_a_shared_index_is_a_usage_error():
    run = newsdigest("summarize", "--reader", "ana", "--new")
    assert run.returncode == 2
    assert run.stderr == ("newsdigest: error: --reader needs a shared index (--index URL): "
                          "the read state in the cache dir is yours alone\n")


def test_file_names_that_are_not_utf8_are_indexed_and_read_back(pg_url, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    shutil.copy(REPO / "seeds" / sorted(os.listdir(REPO / "seeds"))[0], os.fsdecode(bytes(folder) + b"/caf\xe9 report.txt"))
    run = newsdigest("index", str(folder), "--index", pg_url)
    assert run.returncode == 0, run.stderr
    summary = newsdigest("summarize", str(folder), "--index", pg_url, "--format", "json", "--mark-read")
    assert summary.returncode == 0, summary.stderr
    assert "caf\\udce9 report.txt" in summary.stdout
    store = open_index(pg_url)
    try:
        assert [os.fsencode(p) for p, _ in store.payloads()] == [bytes(folder) + b"/caf\xe9 report.txt"]
        assert store.paths_under(str(folder)) == [os.fsdecode(bytes(folder) + b"/caf\xe9 report.txt")]
    finally:
        store.close()


# -- a team's shared store: subscriptions and fetched articles ------------------------------------


def person(tmp_path: Path, name: str) -> dict[str, str]:
    """The environment of one reader: a home of their own (cache, config, feeds.toml), no index
    in the environment (each command says --index)."""
    return user_env(tmp_path / name)


def as_user(env, *args):
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=600, stdin=subprocess.DEVNULL)


def test_one_refresh_serves_every_reader_of_a_shared_index(news_server, pg_url, tmp_path):
    ana, bo = person(tmp_path, "ana"), person(tmp_path, "bo")
    feed = news_server.url("/atom.xml")
    added = as_user(ana, "feeds", "add", feed, "--name", "courier", "--index", pg_url)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("subscribed to courier: ") and "3 articles fetched" in added.stdout
    assert not Path(ana["NEWSDIGEST_FEEDS"]).exists()  # the team's list, not ana's file

    listed = as_user(bo, "feeds", "list", "--index", pg_url)  # bo sees the team's subscriptions
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("courier  " + feed + "  (3 stored, checked ")
    refreshed = as_user(ana, "refresh", "--index", pg_url)  # the server's cron job
    assert refreshed.returncode == 0, refreshed.stderr
    assert refreshed.stdout == "courier: 3 articles, 0 new\n1 feed, 1 request\n"  # already stored by add

    hits = news_server.total_hits()
    first = as_user(bo, "summarize", "--feeds", "--index", pg_url, "--reader", "bo", "--new", "--mark-read", "-f", "json")
    assert first.returncode == 0, first.stderr
    assert first.stderr == "" and news_server.total_hits() == hits  # read from the database, nothing fetched
    summary = json.loads(first.stdout)
    urls = sorted(a["url"] for a in summary["articles"])
    assert urls == sorted(news_server.url(f"/articles/{slug}.html") for slug in ("shared-report", "atom-only", "harbour-security"))
    assert summary["update"]["new_articles"] == 3
    assert all(a["path"].startswith(bo["XDG_CACHE_HOME"]) for a in summary["articles"])  # bo's copies

    again = as_user(bo, "summarize", "--feeds", "courier", "--index", pg_url, "--reader", "bo", "--new")
    assert again.returncode == 0 and again.stdout == ""
    assert "nothing new" in again.stderr and "all 3 articles already read" in again.stderr
    theirs = as_user(ana, "summarize", "--feeds", "--index", pg_url, "--reader", "ana", "--new", "-f", "json")
    assert theirs.returncode == 0, theirs.stderr
    assert json.loads(theirs.stdout)["update"]["new_articles"] == 3  # bo's reading is not ana's
    news_server.stop()  # no network at all: the same summary for both, from the database
    topics = []
    for env in (ana, bo):
        run = as_user(env, "summarize", "--feeds", "--index", pg_url, "-f", "json")
        assert run.returncode == 0 and run.stderr == "", run.stderr
        topics.append(json.loads(run.stdout)["topics"])
    assert topics[0] == topics[1] and any(topic["sentences"] for topic in topics[0])
    assert as_user(bo, "summarize", "--feeds", "nosuch", "--index", pg_url).returncode == 2


def test_a_readers_copies_of_refreshed_articles_are_not_parsed_again(news_server, pg_url, tmp_path):
    from summarizer.fetching.shared import SharedFetchStore
    from summarizer.store.index import ArticleCache
    from summarizer.store.loading import load_articles

    ana = person(tmp_path, "ana")
    as_user(ana, "feeds", "add", news_server.url("/atom.xml"), "--index", pg_url)
    assert as_user(ana, "refresh", "--index", pg_url).returncode == 0
    store = SharedFetchStore(pg_url, tmp_path / "bo-cache")
    try:
        files = [str(a.file) for a in store.feed_articles(news_server.url("/atom.xml"))]
    finally:
        store.close()
    assert len(files) == 3 and all(f.startswith(str(tmp_path / "bo-cache")) for f in files)
    cache = ArticleCache(pg_url)
    try:
        articles = load_articles(files, cache=cache)
        assert cache.stats.parsed == 0 and cache.stats.stored == 3  # what refresh parsed, under bo's paths
    finally:
        cache.close()
    assert {a.url for a in articles} == {news_server.url(f"/articles/{s}.html") for s in ("shared-report", "atom-only", "harbour-security")}


def test_the_shared_subscriptions_are_edited_by_everyone_and_exported(news_server, pg_url, tmp_path):
    ana, bo = person(tmp_path, "ana"), person(tmp_path, "bo")
    assert as_user(ana, "feeds", "add", news_server.url("/atom.xml"), "--index", pg_url).returncode == 0
    opml = tmp_path / "theirs.opml"
    opml.write_text(as_user(ana, "feeds", "export", "--index", pg_url).stdout)
    assert as_user(bo, "feeds", "add", news_server.url("/atom.xml"), "--index", pg_url).returncode == 1  # taken
    assert as_user(bo, "feeds", "import", str(opml), "--index", pg_url).stdout == "imported 0 feeds (1 already subscribed)\n"
    gone = as_user(bo, "feeds", "remove", "norvale-courier", "--index", pg_url)
    assert gone.returncode == 0, gone.stderr
    assert "stay in the shared index" in gone.stdout
    assert as_user(ana, "feeds", "list", "--index", pg_url).stdout.startswith("no feeds subscribed in the shared index")
    assert as_user(ana, "feeds", "import", str(opml), "--index", pg_url).stdout == "imported 1 feed\n"
    # without --index, each person's own file, as before
    assert as_user(bo, "feeds", "list").stdout.startswith("no feeds subscribed; add one")


def test_a_database_of_version_2_gets_the_shared_store(news_server, pg_url, tmp_path):
    open_index(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(DROP_VERSION_4)
        db.execute(DROP_VERSION_3)
        db.execute("UPDATE newsdigest.schema_version SET version = 2")
    ana = person(tmp_path, "ana")
    added = as_user(ana, "feeds", "add", news_server.url("/atom.xml"), "--index", pg_url)
    assert added.returncode == 0, added.stderr
    with psycopg.connect(pg_url, autocommit=True) as db:
        assert db.execute("SELECT version FROM newsdigest.schema_version").fetchall() == [(pg.SCHEMA_VERSION,)]
        assert db.execute("SELECT count(*) FROM newsdigest.web_articles").fetchone()[0] == 3


@pytest.mark.parametrize("command", [["refresh"], ["feeds", "list"], ["feeds", "add", "http://127.0.0.1:9/feed.xml"],
                                     ["summarize", "--feeds"], ["topics"]])
def test_a_shared_store_that_cannot_be_reached_is_one_line(postgres_server, tmp_path, command):
    from .postgres import free_port

    url = f"postgresql://postgres:secret@127.0.0.1:{free_port()}/news"
    message = one_line_error(as_user(person(tmp_path, "ana"), *command, "--index", url))
    assert message.startswith("newsdigest: error: cannot connect to the index at postgresql://postgres:***@127.0.0.1:")
    assert "secret" not in message
