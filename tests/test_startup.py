"""Start-up: a run over indexed articles imports only what it uses (see bench/startup.py).

NLTK (and scipy.stats behind it) is for splitting and stemming new text, sumy for its own
methods, Textual for the app: `newsdigest summarize` on a warm index needs none of them, and
its summary is the one the first run printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ARTICLE, write

# Runs the command line as the console script does, then lists the modules it imported (-X
# importtime would not do: its lines go to sys.stderr, which the CLI redirects at times).
DRIVER = """
import atexit, os, runpy, sys
atexit.register(lambda: open(os.environ["MODULES_OUT"], "w").write("\\n".join(sorted(sys.modules))))
sys.argv = ["newsdigest", *sys.argv[1:]]
runpy.run_module("tui", run_name="__main__")
"""


def imported(*args: str, cwd: Path) -> tuple[str, set[str]]:
    """(stdout, the modules imported) of ``newsdigest ARGS``."""
    listing = cwd / "modules.txt"
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "MODULES_OUT": str(listing)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, set(listing.read_text().split())


def heavy(names: set[str]) -> list[str]:
    return sorted(n for n in names if n.split(".")[0] in ("nltk", "sumy", "textual") or n.startswith("scipy.stats"))


def test_summarize_on_a_warm_index_imports_no_nltk_sumy_or_textual(tmp_path):
    cold, cold_names = imported("summarize", "-f", "json", cwd=tmp_path)  # the seeds, indexed now
    assert "nltk" in cold_names  # the first run splits and stems: the check below means something
    warm, names = imported("summarize", "-f", "json", cwd=tmp_path)
    assert heavy(names) == []
    assert warm == cold


def test_a_new_topic_word_is_stemmed_once_then_remembered(tmp_path):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    imported("summarize", "news", "-t", "aid", cwd=tmp_path)
    query = "Which negotiators brokered the armistice?"  # words the article does not use
    first, names = imported("summarize", "news", "-q", query, "-f", "json", cwd=tmp_path)
    assert "nltk" in names  # the query's words had to be stemmed
    again, names = imported("summarize", "news", "-q", query, "-f", "json", cwd=tmp_path)
    assert heavy(names) == [] and again == first


def test_sumy_is_imported_for_its_methods(tmp_path):
    imported("summarize", "-t", "aid", cwd=tmp_path)
    out, names = imported("summarize", "-t", "aid", "-m", "lexrank", "-n", "2", cwd=tmp_path)
    assert "sumy.summarizers.lex_rank" in names and out.strip()


def test_after_a_run_on_one_topic_every_other_topic_needs_no_stemmer(tmp_path):
    """A first run over new articles asks for one topic; the next asks for all of them and for
    a topic of the user's file: their words were stemmed while the stemmer was loaded."""
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "topics.toml", '[topics.energy]\nkeywords = ["pipeline", "refinery"]\ncontext = ["barrels"]\n')
    imported("summarize", "news", "-t", "aid", "--topics", "topics.toml", cwd=tmp_path)
    out, names = imported("summarize", "news", "--topics", "topics.toml", "-t", "security", "-t", "energy", cwd=tmp_path)
    assert heavy(names) == [] and out.strip()
