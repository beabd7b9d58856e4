"""A JSON Lines export of more articles than a chunk is read, parsed and stored a chunk of its
articles at a time (a first run over one export of 10,000 articles held 1.1 GB), and reads the
same as one read whole: summaries, offsets, warnings, edits, read state. The chunk is made small
here (``LOCAL_CHUNK``), not the file big."""

import json
import sqlite3

import pytest

from bench.make_corpus import make_corpus
from summarizer import ArticleCache, Corpus, load_articles
from summarizer.store import index, ingest
from summarizer.store.cache import FILENAME

from .conftest import write
from .test_sentence_index import stored_index, summaries

CHUNK = 7


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """40 articles as one JSON Lines file (with a line that is not JSON and an article without
    sentences, whose warnings must come back on every run), and the same articles as files."""
    out = tmp_path_factory.mktemp("export")
    make_corpus(out / "generated", 40, seed=5)
    articles = load_articles([str(out / "generated")])
    lines = [json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text}) for a in articles]
    lines.insert(9, "not json")
    lines.insert(20, json.dumps({"id": "short", "text": "123"}))
    write(out / "news" / "export.jsonl", "\n".join(lines) + "\n")
    return out / "news" / "export.jsonl"


def read(path, cache):
    warnings: list[str] = []
    articles = load_articles([str(path)], cache=cache, on_warning=lambda w: warnings.append(str(w)))
    return articles, warnings


def parts_of(directory):
    with sqlite3.connect(directory / FILENAME) as db:
        return db.execute("SELECT count(*), count(DISTINCT sha256) FROM file_parts").fetchone()


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)


def test_an_export_larger_than_a_chunk_is_stored_in_parts_and_reads_the_same(export, tmp_path, monkeypatch):
    expected = summaries([export], None)
    plain, plain_warnings = read(export, None)
    whole = ArticleCache(tmp_path / "whole")
    assert summaries([export], whole) == expected  # one payload (as before)
    assert parts_of(tmp_path / "whole") == (0, 0)

    monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)
    directory = tmp_path / "parts"
    cold = ArticleCache(directory)
    articles, warnings = read(export, cold)
    Corpus(articles, cache=cold)
    assert parts_of(directory) == (-(-41 // CHUNK), 1)  # 40 articles and the one without sentences
    assert not cold._loaded.records  # let go a part at a time, read back when asked for
    assert warnings == plain_warnings and len(warnings) == 2
    assert [a.id for a in articles] == [a.id for a in plain]
    assert [a.text for a in articles] == [a.text for a in plain]
    for article, reference in zip(articles, plain):  # exact offsets, read back from the parts
        assert article.sentences == reference.sentences
        assert all(article.text[s.start : s.end] == s.text for s in article.sentences)
    assert stored_index(cold) == stored_index(whole)
    assert summaries([export], ArticleCache(directory)) == expected  # warm
    again = ArticleCache(directory)
    assert read(export, again)[1] == plain_warnings and again.stats.parsed == 0


def test_an_export_in_parts_is_read_from_the_index_when_its_set_is_not(export, tmp_path, small_chunks):
    """Its sentence index gone, or the export read beside another file: no part parsed again."""
    directory = tmp_path / "cache"
    summaries([export], ArticleCache(directory))
    other = write(tmp_path / "other.txt", "Aid convoys reached the city on Monday. The talks resumed.\n")
    expected = summaries([export, other], None)
    cache = ArticleCache(directory)
    assert summaries([export, other], cache) == expected
    assert (cache.stats.parsed, cache.stats.stored) == (1, 1)


def test_editing_one_line_of_an_export_in_parts_reads_the_edit(export, tmp_path, small_chunks):
    news = tmp_path / "news"
    news.mkdir()
    copy = news / "export.jsonl"
    copy.write_bytes(export.read_bytes())
    directory = tmp_path / "cache"
    summaries([news], ArticleCache(directory))
    lines = copy.read_text().split("\n")
    record = json.loads(lines[30])
    record["text"] = record["text"].replace(".", " in Orsova.", 1)
    lines[30] = json.dumps(record)
    copy.write_text("\n".join(lines))
    expected = summaries([news], None)
    cache = ArticleCache(directory)
    assert summaries([news], cache) == expected and cache.stats.parsed == 1
    articles, _ = read(copy, ArticleCache(directory))
    edited = next(a for a in articles if a.id == record["id"])
    assert "in Orsova." in edited.text
    assert edited.text == next(a for a in load_articles([str(copy)]) if a.id == record["id"]).text


def test_the_parts_of_a_replaced_export_are_dropped(export, tmp_path, small_chunks, monkeypatch):
    from summarizer.store import cache as cache_module

    monkeypatch.setattr(cache_module, "PARTS_KEPT_S", 0.0)
    copy = write(tmp_path / "news" / "export.jsonl", export.read_bytes())
    directory = tmp_path / "cache"
    summaries([copy], ArticleCache(directory))
    count, _ = parts_of(directory)
    copy.write_bytes(export.read_bytes().replace(b"not json", b"still not json"))
    summaries([copy], ArticleCache(directory))
    assert parts_of(directory) == (count, 1)  # the new content's parts only
    copy.unlink()
    write(tmp_path / "news" / "a.txt", "Aid convoys reached the city on Monday. The talks resumed.\n")
    summaries([tmp_path / "news"], ArticleCache(directory))
    assert parts_of(directory) == (0, 0)


def test_a_part_gone_means_the_export_is_read_again(export, tmp_path, small_chunks):
    directory = tmp_path / "cache"
    expected = summaries([export], ArticleCache(directory))
    with sqlite3.connect(directory / FILENAME) as db:
        db.execute("DELETE FROM file_parts WHERE part = 2")
        db.execute("DELETE FROM sentence_indexes")
    cache = ArticleCache(directory)
    assert summaries([export], cache) == expected and cache.stats.parsed == 1


def test_mark_read_and_new_over_an_export_in_parts(export, tmp_path, monkeypatch, capsys):
    """``--mark-read``, then ``--new`` once the export grew, then ``mark-read --all``: the same
    over an export in parts as over one stored whole."""
    from tui.cli import main

    def run(chunk, *args):
        monkeypatch.setattr(index, "LOCAL_CHUNK", chunk)
        capsys.readouterr()
        code = main([*args, "--cache-dir", str(tmp_path / f"cache-{chunk}")])
        out = capsys.readouterr().out
        assert code == 0
        return out

    copy = write(tmp_path / "news" / "export.jsonl", export.read_bytes())
    for chunk in (CHUNK, 10_000):
        run(chunk, "summarize", str(copy), "--mark-read")
    with copy.open("a") as grown:
        for n in range(10):
            grown.write(json.dumps({"id": f"new-{n}", "text": f"Aid convoys reached Orsova {n} times on Monday. "
                                    "Talks resumed in Vienna."}) + "\n")
    updates = []
    for chunk in (CHUNK, 10_000):
        update = json.loads(run(chunk, "summarize", str(copy), "--new", "--format", "json"))
        assert update["update"]["new_articles"] == 10 and update["update"]["read_articles"] == 40
        update["update"].pop("since"), update["update"].pop("description")  # when each was marked
        updates.append(update)
    assert updates[0] == updates[1]
    assert {a["id"] for a in updates[0]["articles"] if a["id"].startswith("new-")} == {f"new-{n}" for n in range(10)}
    # mark-read --all reads every stored article, part by part: the 10 new ones were not read yet.
    assert run(CHUNK, "mark-read", "--all") == run(10_000, "mark-read", "--all") == "marked 50 articles read (40 already were)\n"


def test_many_workers_or_one_make_the_same_parts(export, tmp_path, small_chunks, monkeypatch):
    """Shared out among workers (the export's articles in shares, a part gathered from several),
    or parsed in this process: the same index."""
    monkeypatch.setattr(ingest, "SHARED_MIN_ARTICLES", 10)
    monkeypatch.setattr(ingest, "SHARE", 3)
    shared = ArticleCache(tmp_path / "shared", workers=2)
    alone = ArticleCache(tmp_path / "alone", workers=1)
    assert summaries([export], shared) == summaries([export], alone) == summaries([export], None)
    assert stored_index(shared) == stored_index(alone)


def test_an_export_in_parts_among_many_files_is_read_a_part_at_a_time(export, tmp_path, small_chunks, monkeypatch):
    """A worker that finds a file of many articles leaves it to the main process, which parses
    and stores it a part at a time (the workers sharing its articles)."""
    monkeypatch.setattr(ingest, "PARALLEL_MIN_FILES", 2)
    news = tmp_path / "news"
    make_corpus(news / "wire", 12, seed=9)
    write(news / "export.jsonl", export.read_bytes())
    expected = summaries([news], None)
    directory = tmp_path / "cache"
    assert summaries([news], ArticleCache(directory, workers=2)) == expected
    assert parts_of(directory)[1] == 1
    assert summaries([news], ArticleCache(directory)) == expected


def test_an_index_of_an_older_version_is_read_again(export, tmp_path, small_chunks):
    """An index written before parts existed (no ``file_parts`` table, rows of older code): the
    export is parsed again into parts, with no traceback."""
    directory = tmp_path / "cache"
    expected = summaries([export], ArticleCache(directory))
    with sqlite3.connect(directory / FILENAME) as db:
        db.execute("DROP TABLE file_parts")
        db.execute("UPDATE files SET code = 'an older version'")
        db.execute("DELETE FROM sentence_indexes")
        db.execute("DELETE FROM file_sets")
    cache = ArticleCache(directory)
    assert summaries([export], cache) == expected and cache.stats.parsed == 1
    assert parts_of(directory)[1] == 1


def test_newsdigest_index_stores_an_export_in_parts(export, tmp_path, monkeypatch):
    from summarizer.store import indexing

    monkeypatch.setattr(indexing, "LOCAL_CHUNK", CHUNK)
    monkeypatch.setattr(index, "LOCAL_CHUNK", CHUNK)
    directory = tmp_path / "cache"
    report = indexing.index_paths([str(export)], directory)
    assert report.articles == 40 and report.parsed == 1
    assert parts_of(directory)[1] == 1
    cache = ArticleCache(directory)
    assert summaries([export], cache) == summaries([export], None) and cache.stats.parsed == 0


def test_a_folder_holding_an_export_in_parts_follows_added_files_and_edits(export, tmp_path, small_chunks):
    """A file added beside the export: only it is read (the export's articles are cut from the
    folder's last index); then the export edited: read again into new parts. Each time the summary
    is the one read without an index."""
    news = tmp_path / "news"
    make_corpus(news / "wire", 5, seed=11)
    write(news / "export.jsonl", export.read_bytes())
    directory = tmp_path / "cache"
    summaries([news], ArticleCache(directory))
    write(news / "wire" / "added.txt", "Aid convoys reached Orsova on Monday. Talks resumed in Vienna.\n")
    cache = ArticleCache(directory)
    assert summaries([news], cache) == summaries([news], None)
    assert (cache.stats.parsed, cache.stats.stored) == (1, cache.stats.files - 1)
    (news / "export.jsonl").write_bytes(export.read_bytes().replace(b"not json", b"{}"))
    warnings: list[str] = []
    load_articles([str(news)], cache=ArticleCache(directory), on_warning=lambda w: warnings.append(str(w)))
    assert any("line 10: no \"text\" field" in w for w in warnings)  # the edit, not the stored warning
    assert not any("line 10: invalid JSON" in w for w in warnings)
    assert summaries([news], ArticleCache(directory)) == summaries([news], None)
