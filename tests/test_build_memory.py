"""A first run builds the sentence index of its articles a part at a time: the memory it takes does
not grow with the number of sentences. (A first run over an export of 150,000 articles peaked at
2.5 GB while the index of them all was built, then encoded, whole; a 4 GB laptop would swap.)

The articles are parsed once, by the fixture (parsing is the slow part and is not what is measured);
each measured run is a fresh process that builds the set's sentence index anew from the stored
articles, a chunk of files at a time, as a first run does once it has parsed them. The chunk and
what a build holds in memory before it writes to files are made small here (``LOCAL_CHUNK``,
``MEMORY``), not the folder big."""

import json
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import ArticleCache, load_articles
from summarizer.store.cache import FILENAME, SENTENCE_INDEX_DIR

from .conftest import REPO, write

ARTICLES = 600
CHUNK = 20

# The peak resident memory of the build (VmHWM after resetting it), over what the process held
# before: ru_maxrss would start from the parent's (pytest's) size, which a child inherits.
MEASURE = r"""
import json, sys
from summarizer import ArticleCache, Corpus, load_articles
from summarizer.store import index

def status(field):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field + ":"))

index.LOCAL_CHUNK = int(sys.argv[3])
try:  # what a build holds in memory before it moves its arrays to files, made small as the chunk
    from summarizer.store import index_writer
    index_writer.MEMORY = 1 << 20
except ImportError:  # a version without it held everything in memory
    pass
cache = ArticleCache(sys.argv[2])
with open("/proc/self/clear_refs", "w") as reset:
    reset.write("5")  # the high-water mark starts again from here
before = status("VmRSS")
articles = load_articles([sys.argv[1]], cache=cache)
corpus = Corpus(articles, cache=cache)
print(json.dumps({"articles": len(articles), "sentences": len(corpus), "parsed": cache.stats.parsed,
                  "growth_mib": (status("VmHWM") - before) / 1024}))
"""


def _measurable() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as reset:
            reset.write("5")
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _measurable(), reason="needs Linux's /proc/self/clear_refs")


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    """A folder of articles of long sentences of many different words (made-up words of made-up
    reports: the index is large for the time parsing takes), a quarter of them in ``small``,
    parsed into an index once."""
    root = tmp_path_factory.mktemp("build-memory")
    rng = random.Random(4)
    syllables = ["ka", "lo", "mi", "ren", "tu", "vos", "an", "del", "pri", "sar", "bel", "cor", "dun", "fen", "gil",
                 "hor", "jas", "kel", "mor", "nim"]
    words = sorted({"".join(rng.choice(syllables) for _ in range(3)) for _ in range(600)})[:300]
    for n in range(ARTICLES):
        paragraphs = [" ".join(" ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(3))
                      for _ in range(8)]
        folder = "small" if n < ARTICLES // 4 else "more"
        write(root / "news" / folder / f"{n:04d}.txt", f"Report {n} from Vesk\n\n" + "\n\n".join(paragraphs) + "\n")
    cache = ArticleCache(root / "cache")
    assert len(load_articles([str(root / "news")], cache=cache)) == ARTICLES
    cache.close()
    return root


def first_build(root: Path, folder: Path) -> dict:
    """The sentence index of ``folder`` built in a fresh process (every stored one forgotten first)."""
    with sqlite3.connect(root / "cache" / FILENAME) as db:
        db.execute("DELETE FROM sentence_indexes")
        db.execute("DELETE FROM file_sets")
    shutil.rmtree(root / "cache" / SENTENCE_INDEX_DIR, ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(folder), str(root / "cache"), str(CHUNK)],
                          cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_memory_a_first_build_takes_does_not_grow_with_the_articles(parsed):
    small = first_build(parsed, parsed / "news" / "small")
    every = first_build(parsed, parsed / "news")
    assert (small["articles"], every["articles"]) == (ARTICLES // 4, ARTICLES)
    assert small["parsed"] == every["parsed"] == 0  # built from the stored articles, nothing parsed again
    assert every["sentences"] == 4 * small["sentences"] == 24 * ARTICLES
    # Four times the sentences (400,000 term entries more): a build that held them all took 45 MB
    # more (about 100 KB an article); a chunk at a time, 4 to 6 MB (the articles' objects).
    assert every["growth_mib"] - small["growth_mib"] < 20, (small, every)


def test_a_build_that_cannot_write_temporary_files_is_made_in_memory(tmp_path, monkeypatch):
    """A full disk (no temporary file can be written, nor the index's file): the first run still
    gives the same summaries, its index made in memory and kept in the index's database."""
    import errno

    from bench.make_corpus import make_corpus
    from summarizer.store import index, index_writer

    from .test_sentence_index import summaries

    make_corpus(tmp_path / "news", 30, seed=8)
    expected = summaries([tmp_path / "news"], None)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(index, "LOCAL_CHUNK", 7)  # streamed: a chunk of files at a time
    monkeypatch.setattr(index_writer, "MEMORY", 0)  # every part goes to the files at once
    monkeypatch.setattr(index_writer.tempfile, "TemporaryFile", full)
    monkeypatch.setattr(index_writer.tempfile, "mkstemp", full)
    cold = ArticleCache(tmp_path / "cache")
    assert summaries([tmp_path / "news"], cold) == expected
    monkeypatch.undo()
    with sqlite3.connect(tmp_path / "cache" / FILENAME) as db:  # no file could be written: kept in its row
        assert [length > 0 for length, in db.execute("SELECT length(data) FROM sentence_indexes")] == [True]
    warm = ArticleCache(tmp_path / "cache")
    assert summaries([tmp_path / "news"], warm) == expected and warm.stats.parsed == 0
