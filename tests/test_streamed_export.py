"""A JSON Lines export is read a line at a time, whatever its size: never whole, so the size limit
of other inputs does not apply to it, and an article is parsed before the rest of the file is
read. Read so, it gives what reading it whole gave: articles, offsets, warnings, summaries. The
chunk, the limits and the parts are made small here, not the file big."""

import gc
import json

import pytest

from bench.make_corpus import make_corpus
from summarizer import ArticleCache, load_articles
from summarizer.reading import inputs
from summarizer.store import index, ingest

from .conftest import write
from .test_large_export import parts_of
from .test_sentence_index import summaries

CHUNK = 7


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """40 articles as one JSON Lines file with Windows line ends, a line that is not JSON, one
    without "text", one in Windows-1252 and an article without sentences."""
    out = tmp_path_factory.mktemp("export")
    make_corpus(out / "generated", 40, seed=5)
    articles = load_articles([str(out / "generated")])
    lines = [json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text}).encode() for a in articles]
    lines.insert(9, b"not json")
    lines.insert(15, json.dumps({"id": "untitled", "caption": "Aid arrived."}).encode())  # "body" is a text
    lines.insert(20, json.dumps({"id": "short", "text": "123"}).encode())
    lines.insert(25, '{"id": "cafe", "text": "The caf\xe9 in Orsova reopened on Monday. Aid arrived."}'.encode("cp1252"))
    return write(out / "news" / "export.jsonl", b"\r\n".join(lines) + b"\r\n")


def read(paths, cache):
    warnings: list[str] = []
    articles = load_articles([str(p) for p in paths], cache=cache, on_warning=lambda w: warnings.append(str(w)))
    return articles, warnings


@pytest.fixture
def whole(export):
    """What the export gave when it was read whole (it fits in one chunk of the reader)."""
    articles, warnings = read([export], None)
    return [(a.id, a.title, a.text, a.sentences) for a in articles], warnings, summaries([export], None)


@pytest.fixture
def small_reads(monkeypatch):
    """Reads of 64 bytes and inputs read whole of at most 1 KiB, which the export is far over."""
    monkeypatch.setattr(inputs, "_CHUNK", 64)
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 1024)


@pytest.mark.parametrize("where", ["no cache", "in memory", "index", "parts"])
def test_an_export_over_the_size_limit_is_read_as_it_was_whole(export, whole, small_reads, tmp_path, monkeypatch, where):
    if where == "parts":
        monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)
    def cache():
        return None if where == "no cache" else ArticleCache(None if where == "in memory" else tmp_path / "cache")

    articles, warnings = read([export], cache())
    assert [(a.id, a.title, a.text, a.sentences) for a in articles] == whole[0]
    assert warnings == whole[1]
    assert any("line 10: invalid JSON" in w for w in warnings) and any("line 16: no \"text\"" in w for w in warnings)
    assert next(a for a in articles if a.id == "cafe").text.startswith("The caf\xe9 in Orsova")
    assert summaries([export], cache()) == whole[2]  # warm, with an index
    if where == "parts":
        assert parts_of(tmp_path / "cache")[1] == 1


def test_other_inputs_keep_the_size_limit(export, small_reads, tmp_path):
    copy = write(tmp_path / "export.json", export.read_bytes())  # one JSON document, not JSON Lines
    write(tmp_path / "a.txt", "Aid convoys reached Orsova on Monday. Talks resumed in Vienna.\n")
    articles, warnings = read([tmp_path], ArticleCache(tmp_path / "cache"))
    assert [a.id for a in articles] == ["a"] and warnings == [f"{copy}: larger than 0 MiB, skipped"]


def test_a_line_over_the_line_limit_is_skipped_with_its_number(export, small_reads, tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 200)
    lines = export.read_bytes().split(b"\r\n")
    short = [n for n, line in enumerate(lines, 1) if len(line) <= 200 and b'"text"' in line]
    articles, warnings = read([export], ArticleCache(tmp_path / "cache"))
    assert {a.id for a in articles} == {json.loads(lines[n - 1].decode("cp1252"))["id"] for n in short} - {"short"}
    assert f"{export}: line 1: longer than 0 MiB, skipped" in warnings
    # The first lines too long are named; the others counted in one line (a data file is no flood).
    too_long = [f"{export}: line {n}: longer than 0 MiB, skipped" for n, line in enumerate(lines, 1) if len(line) > 200]
    named = [w for w in warnings if "longer than" in w]
    assert named == too_long[:len(named)] and len(named) < len(too_long)
    assert any(w.startswith(f"{export}: and ") and w.endswith(" more problems with its lines, not shown") for w in warnings)


def test_the_first_part_is_parsed_before_the_export_is_read_to_its_end(export, small_reads, tmp_path, monkeypatch):
    """With the index, a few articles are read ahead of what is parsed, not the whole file."""
    monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)
    monkeypatch.setattr(ingest, "SHARED_MIN_ARTICLES", 10)  # read ahead to see whether to share them out
    size = export.stat().st_size
    reads: list[int] = []
    read_so_far = inputs._chunks

    def counted(item, handle, digest=None, size=None):
        for chunk in read_so_far(item, handle, digest, size):
            reads.append(handle.tell())
            yield chunk

    parsed_at: list[int] = []
    parse = ingest.parse_articles

    def parse_articles(raws):
        parsed_at.append(reads[-1])
        return parse(raws)

    monkeypatch.setattr(inputs, "_chunks", counted)
    monkeypatch.setattr(ingest, "parse_articles", parse_articles)
    read([export], ArticleCache(tmp_path / "cache", workers=1))
    assert len(parsed_at) == -(-42 // CHUNK)  # the 42 articles read (of 44 lines), a part at a time
    assert parsed_at[0] < size // 3 and parsed_at == sorted(parsed_at)


def test_an_export_that_grows_is_read_again_with_its_new_lines(export, small_reads, tmp_path, monkeypatch):
    monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)
    copy = write(tmp_path / "news" / "export.jsonl", export.read_bytes())
    directory = tmp_path / "cache"
    summaries([copy], ArticleCache(directory))
    with copy.open("ab") as grown:
        grown.write(json.dumps({"id": "added", "text": "Aid convoys reached Orsova on Monday. Talks resumed."}).encode())
    cache = ArticleCache(directory)
    articles, _ = read([copy], cache)
    assert cache.stats.parsed == 1 and articles[-1].id == "added"
    assert summaries([copy], ArticleCache(directory)) == summaries([copy], None)


def test_an_export_changed_while_it_is_read_is_not_stored_as_what_was_hashed(export, small_reads, tmp_path, monkeypatch):
    """Hashed, then changed before it is parsed: the run says to run again, and stores nothing
    under the first content (another path holding that content would be given these articles)."""
    from summarizer.errors import InputError

    copy = write(tmp_path / "export.jsonl", export.read_bytes())
    hash_input = ingest.hash_input

    def hash_then_change(item, digest):
        size = hash_input(item, digest)
        copy.write_bytes(export.read_bytes().replace(b"not json", b"{}"))
        return size

    monkeypatch.setattr(ingest, "hash_input", hash_then_change)
    with pytest.raises(InputError, match="changed while it was being read"):
        read([copy], ArticleCache(tmp_path / "cache"))
    monkeypatch.setattr(ingest, "hash_input", hash_input)
    assert summaries([copy], ArticleCache(tmp_path / "cache")) == summaries([copy], None)


def test_without_a_cache_an_export_is_still_read_a_part_at_a_time(export, whole, small_reads, monkeypatch):
    """``--no-cache``: the parts go to an index of the run's own, removed with it (they were all
    held in memory)."""
    monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)
    cache = ArticleCache(None)
    articles, warnings = read([export], cache)
    assert [(a.id, a.title, a.text, a.sentences) for a in articles] == whole[0] and warnings == whole[1]
    assert not cache._loaded.records  # let go a part at a time, read back when asked for
    folder = cache.location
    assert parts_of(folder)[1] == 1
    cache.close()
    del articles, cache
    gc.collect()
    assert not folder.exists()  # nothing kept


def test_an_export_appended_to_while_it_is_read_gives_what_it_held_when_hashed(export, small_reads, tmp_path, monkeypatch):
    """A crawler appending to its export while newsdigest runs: the run reads what the file held
    when it was hashed (the new lines wait for the next run), rather than stopping."""
    copy = write(tmp_path / "export.jsonl", export.read_bytes())
    added = json.dumps({"id": "added", "text": "Aid convoys reached Orsova on Monday. Talks resumed."}).encode()
    hash_input = ingest.hash_input

    def hash_then_append(item, digest):
        size = hash_input(item, digest)
        with open(copy, "ab") as grown:
            grown.write(added + b"\r\n")
        return size

    monkeypatch.setattr(ingest, "hash_input", hash_then_append)
    articles, _ = read([copy], ArticleCache(tmp_path / "cache"))
    assert "added" not in [a.id for a in articles]
    monkeypatch.setattr(ingest, "hash_input", hash_input)
    articles, _ = read([copy], ArticleCache(tmp_path / "cache"))
    assert articles[-1].id == "added"
