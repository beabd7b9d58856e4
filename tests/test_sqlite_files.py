"""The project's SQLite files when several processes open them at the same moment."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from summarizer.fetching.store import FILENAME as FETCH_FILENAME, FetchStore
from summarizer.store.cache import FILENAME as INDEX_FILENAME, IndexStore
from summarizer.store import read_state
from summarizer.store.read_state import FILENAME as READ_FILENAME, ReadState, ReadStateError


def _open_read_state(directory, warnings):
    return ReadState(directory, on_warning=warnings.append)


def _open_index(directory, warnings):
    return IndexStore(directory, on_warning=lambda where, problem: warnings.append(problem))


def _open_fetch_store(directory, warnings):
    return FetchStore(directory, on_warning=lambda where, problem: warnings.append(problem))


@pytest.mark.parametrize(
    "open_store, filename",
    [(_open_read_state, READ_FILENAME), (_open_index, INDEX_FILENAME), (_open_fetch_store, FETCH_FILENAME)],
    ids=["read state", "index", "fetch store"],
)
def test_a_file_another_process_is_creating_is_waited_for_not_set_aside(tmp_path, open_store, filename):
    """Two newsdigest processes started together (the app and a `summarize` in a cron job) both
    create the same new file. The second must wait for the first, not call the file damaged and
    rename it aside under the first one's feet, losing what the first one writes."""
    path = tmp_path / filename
    first = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    first.execute("BEGIN IMMEDIATE")  # the first process, between creating the file and its tables
    first.execute("CREATE TABLE being_created (x)")
    done = threading.Timer(0.3, lambda: first.execute("ROLLBACK"))
    done.start()
    warnings: list[str] = []
    store = open_store(tmp_path, warnings)
    try:
        assert warnings == []
        assert list(tmp_path.glob(f"{filename}.bad-*")) == []
    finally:
        store.close()
        done.join()
        first.close()


def test_a_read_state_locked_for_too_long_is_an_error_not_damage(tmp_path, monkeypatch):
    monkeypatch.setattr(read_state, "BUSY_TIMEOUT_S", 0.2)
    first = sqlite3.connect(tmp_path / READ_FILENAME, isolation_level=None)
    first.execute("BEGIN IMMEDIATE")
    first.execute("CREATE TABLE being_created (x)")
    try:
        with pytest.raises(ReadStateError, match="in use by another process"):
            ReadState(tmp_path)
        assert list(tmp_path.glob(f"{READ_FILENAME}.bad-*")) == []
    finally:
        first.close()
