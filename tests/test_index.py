"""The persistent article index: hits and misses, edits, deletions, damage, concurrency, flags,
and results that do not depend on it."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.make_corpus import make_corpus
from summarizer import BUILTIN_TOPICS, Corpus, Digester, Length, load_articles
from summarizer.ranking import ranker as ranking
from summarizer.store.cache import FILENAME, SCHEMA_VERSION, SENTENCE_INDEX_DIR, IndexStore
from summarizer.store.index import ArticleCache
from summarizer.ranking.ranker import TopicRanker

from tui.cli import get_args, request_from

from .conftest import ARTICLE, REPO, write


def load(paths, cache, warnings=None):
    sink = warnings if warnings is not None else []
    return load_articles([str(p) for p in paths], cache=cache, on_warning=lambda e: sink.append(str(e)))


def digest_data(corpus):
    digest = Digester(length=Length(sentences=4))(corpus, BUILTIN_TOPICS)
    return [
        [(s.sentence.article_id, s.sentence.start, s.sentence.end, s.score,
          [(x.article_id, x.start) for x in s.sources],
          s.explanation.relevance, s.explanation.centrality, s.explanation.redundancy)
         for s in summary.sentences]
        for summary in digest.summaries
    ]


def assert_same_digest(a, b):
    assert len(a) == len(b)
    for topic_a, topic_b in zip(a, b):
        assert [x[:3] + (x[4],) for x in topic_a] == [x[:3] + (x[4],) for x in topic_b]
        for x, y in zip(topic_a, topic_b):
            for u, v in zip((x[3], *x[5:]), (y[3], *y[5:])):
                assert abs(u - v) <= 1e-9


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """60 articles recombined from the seeds: many sentences are printed by several of them."""
    out = tmp_path_factory.mktemp("generated")
    make_corpus(out, 60, seed=7)
    return out


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "news"
    write(folder / "a.txt", ARTICLE)
    write(folder / "b.txt", ARTICLE.replace("Lindmark", "Vienna"))
    return folder


# -- results do not depend on the index ----------------------------------------------------


def test_seeds_same_with_and_without_cache(tmp_path):
    plain = load_articles()
    for _ in ("cold", "warm"):
        cache = ArticleCache(tmp_path / "cache")
        cached = load_articles(cache=cache)
        assert cached == plain
        assert_same_digest(digest_data(Corpus(cached, cache=cache)), digest_data(Corpus(plain)))
        cache.close()


def test_generated_corpus_same_with_and_without_cache_in_worker_processes(tmp_path, generated):
    plain = load([generated], None)
    reference = Corpus(plain)
    for expected in ("parsed", "stored"):
        cache = ArticleCache(tmp_path / "cache", workers=2)
        cached = load([generated], cache)
        assert getattr(cache.stats, expected) == 60
        assert cached == plain
        corpus = Corpus(cached, cache=cache)
        assert corpus.vocabulary == reference.vocabulary and list(corpus.vocabulary) == list(reference.vocabulary)
        for name in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(corpus.counts, name), getattr(reference.counts, name))
        assert np.array_equal(corpus.word_counts, reference.word_counts)
        assert_same_digest(digest_data(corpus), digest_data(reference))
        cache.close()


def test_offsets_slice_back_after_a_round_trip(tmp_path):
    crlf = write(tmp_path / "in" / "crlf.txt", ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    latin = write(tmp_path / "in" / "latin.txt", "Caf\xe9 talks\n\nThe caf\xe9 owner said talks resumed on Monday.\n".encode("cp1252"))
    first = load([tmp_path / "in"], ArticleCache(tmp_path / "cache"))
    again = load([tmp_path / "in"], ArticleCache(tmp_path / "cache"))
    assert again == first == load([tmp_path / "in"], None)
    for article in again:
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
    text = open(crlf, encoding="utf-8").read()  # universal newlines, as the README promises
    sentence = next(a for a in again if a.id == "crlf").sentences[0]
    assert text[sentence.start : sentence.end] == sentence.text
    assert latin.exists()


def test_an_export_of_many_articles_is_parsed_by_every_worker_and_reads_the_same(tmp_path, generated, monkeypatch):
    """One JSON Lines file of 300 articles: its articles are shared out among the workers (one
    worker parsed a 10,000-article export alone), and what they make is what one process makes."""
    from summarizer.store import ingest

    articles = load([generated], None)
    lines = [json.dumps({"id": f"{a.id}-{copy}", "title": a.title, "date": a.date, "text": a.text})
             for copy in range(5) for a in articles]
    assert len(lines) >= ingest.SHARED_MIN_ARTICLES
    write(tmp_path / "export" / "news.jsonl", "\n".join(lines) + "\n")
    plain = load([tmp_path / "export"], None)
    parsed_here: list[int] = []  # articles parsed by this process (the workers count in their own copies)
    parse_articles = ingest.parse_articles

    def counted(raws):
        parsed_here.append(len(raws))
        return parse_articles(raws)

    monkeypatch.setattr(ingest, "parse_articles", counted)
    cache = ArticleCache(tmp_path / "cache", workers=2)
    shared = load([tmp_path / "export"], cache)
    assert shared == plain and len(shared) == len(lines)
    assert sum(parsed_here) < len(lines) / 10  # the warm-up line, not the export
    reference = Corpus(plain)
    corpus = Corpus(shared, cache=cache)
    assert list(corpus.vocabulary) == list(reference.vocabulary)
    assert_same_digest(digest_data(corpus), digest_data(reference))
    cache.close()
    again = ArticleCache(tmp_path / "cache", workers=2)
    assert load([tmp_path / "export"], again) == plain and again.stats.stored == 1


def test_in_memory_cache_changes_nothing(generated):
    cache = ArticleCache(None, workers=2)
    assert load([generated], cache) == load([generated], None)


def test_merged_walk_equals_the_sentence_by_sentence_walk(generated, monkeypatch):
    corpus = Corpus(load([generated], None))
    sizes = []
    for topic in BUILTIN_TOPICS:
        exact = TopicRanker()(corpus, topic)
        monkeypatch.setattr(ranking, "MERGE_COPIES_ABOVE", 0)
        merged = TopicRanker()(corpus, topic)
        monkeypatch.undo()
        sizes.append(len(exact.rows))
        for name in ("score", "relevance", "centrality"):
            assert np.allclose(getattr(exact, name), getattr(merged, name), rtol=0, atol=1e-9), name
    assert max(sizes) > 20  # copies to merge: the corpus repeats sentences


def test_records_count_terms_and_bigrams_as_the_analyzer_does_sentence_by_sentence():
    # The stored records make an article's counts with array operations over all its words; the
    # reference is the analyzer's terms and tokens, sentence by sentence, on awkward sentences:
    # only stop words, only a number, repeated words, an acronym, possessives and hyphens.
    from collections import Counter

    from summarizer.reading.articles import ArticleParser, Metadata
    from summarizer.reading.terms import TermAnalyzer, words
    from summarizer.store.concepts import sentence_bigrams
    from summarizer.store.ingest import _record

    text = (
        "Aid aid AID: the Tarrow Relief Fund's aid reached Velmora's port on Monday.\n\n"
        "It was in the of and.\n\n"
        "1,200.\n\n"
        "AIDS clinics and aides in cross-border towns asked for aid, aid and more aid.\n\n"
        "Who? We.\n"
    )
    analyzer = TermAnalyzer()
    article = ArticleParser()(text, Metadata("a", None, None, None, None))
    record = _record(article, "a", True, analyzer)
    vocabulary: dict[str, int] = {}
    stems: dict[str, int] = {}
    indptr, indices, counts, pairs, pair_indptr = [0], [], [], [], [0]
    for sentence in article.sentences:
        written = words(sentence.text)
        terms, tokens = analyzer.terms_and_tokens(written)
        row = Counter(vocabulary.setdefault(t, len(vocabulary)) for t in terms)
        indices += sorted(row)
        counts += [row[c] for c in sorted(row)]
        indptr.append(len(indices))
        for a, b in sentence_bigrams(written, analyzer, tokens):
            pairs.append((stems.setdefault(a, len(stems)), stems.setdefault(b, len(stems))))
        pair_indptr.append(len(pairs))
    assert len(article.sentences) >= 5
    assert record.terms == tuple(vocabulary)
    assert record.indptr.tolist() == indptr and record.indices.tolist() == indices
    assert record.counts.tolist() == counts
    assert record.concept_stems == tuple(stems)
    assert list(zip(record.concept_firsts.tolist(), record.concept_seconds.tolist())) == pairs
    assert record.concept_indptr.tolist() == pair_indptr
    assert record.word_counts.tolist() == [len(words(s.text)) for s in article.sentences]


# -- hits and misses -----------------------------------------------------------------------


def test_hit_and_miss(tmp_path, folder):
    cache = ArticleCache(tmp_path / "cache")
    load([folder], cache)
    assert (cache.stats.parsed, cache.stats.stored) == (2, 0)
    load([folder], cache)
    assert (cache.stats.parsed, cache.stats.stored) == (0, 2)
    assert (tmp_path / "cache" / FILENAME).is_file()


def test_a_file_name_that_is_not_utf8_is_indexed_found_again_and_forgotten(tmp_path, folder):
    """Linux allows any bytes in a name; Python holds them with surrogate escapes, which SQLite
    cannot store as text."""
    odd = Path(os.fsdecode(bytes(folder) + b"/caf\xe9-report.txt"))
    write(odd, ARTICLE.replace("Lindmark", "Tessaly"))
    cache = ArticleCache(tmp_path / "cache")
    articles = load([folder], cache)
    assert "caf\udce9-report" in {a.id for a in articles} and cache.stats.parsed == 3
    again = load([folder], cache)
    assert (cache.stats.parsed, cache.stats.stored) == (0, 3)
    assert any("Tessaly" in a.text for a in again)
    odd.unlink()
    assert len(load([folder], cache)) == 2
    assert all(os.path.exists(path) for path, _ in cache.store().payloads())


def test_a_file_reached_through_another_folder_still_hits(tmp_path, folder):
    load([folder], ArticleCache(tmp_path / "cache"))
    cache = ArticleCache(tmp_path / "cache")
    articles = load([folder / "a.txt"], cache)
    assert cache.stats.stored == 1
    assert [a.id for a in articles] == ["a"]


def test_edited_file_is_read_again(tmp_path, folder):
    cache = ArticleCache(tmp_path / "cache")
    load([folder], cache)
    write(folder / "a.txt", ARTICLE.replace("Lindmark", "Corvanna") + "\nTalks will resume in May.\n")
    articles = load([folder], cache)
    assert (cache.stats.parsed, cache.stats.stored) == (1, 1)
    assert "Corvanna" in articles[0].text
    assert articles == load([folder], None)


def test_touched_file_is_hashed_not_parsed(tmp_path, folder):
    cache = ArticleCache(tmp_path / "cache")
    load([folder], cache)
    os.utime(folder / "a.txt", ns=(1_000_000_000, 1_000_000_000))
    load([folder], cache)
    assert (cache.stats.unchanged, cache.stats.stored, cache.stats.parsed) == (1, 1, 0)
    load([folder], cache)
    assert cache.stats.stored == 2


def test_deleted_file_is_dropped(tmp_path, folder):
    cache = ArticleCache(tmp_path / "cache")
    load([folder], cache)
    (folder / "b.txt").unlink()
    articles = load([folder], cache)
    assert [a.id for a in articles] == ["a"]
    rows = sqlite3.connect(tmp_path / "cache" / FILENAME).execute("SELECT path FROM files").fetchall()
    assert [Path(p).name for (p,) in rows] == ["a.txt"]


def test_warnings_repeat_from_workers_and_from_the_index(tmp_path, generated):
    folder = tmp_path / "mixed"
    for path in sorted(generated.glob("*.txt"))[:55]:
        write(folder / path.name, path.read_bytes())
    write(folder / "empty.txt", "")
    write(folder / "zz.jsonl", '{"id": "x1", "text": "Talks resumed in Lindmark on Monday, officials said."}\nnot json\n')
    for expected in ("parsed", "stored"):
        cache = ArticleCache(tmp_path / "cache", workers=2)
        warnings = []
        load([folder], cache, warnings)
        assert getattr(cache.stats, expected) == 57
        assert any("empty.txt: empty file, skipped" in w for w in warnings)
        assert any("zz.jsonl: line 2: invalid JSON" in w for w in warnings)


def test_a_folder_of_one_article_files_reads_back_as_a_fresh_read_gives_it(tmp_path):
    """A folder of one-article files is read from the index column by column: the same
    articles, ids, titles, paths, and the same warning for an article with nothing to summarize."""
    folder = tmp_path / "news"
    write(folder / "a.txt", ARTICLE)
    write(folder / "b.txt", "Advertisement\n")  # no sentence: skipped, with a warning
    write(folder / "deep" / "c.md", "# Talks in Lindmark\n\n" + ARTICLE.split("\n\n", 1)[1])
    write(folder / "d.txt", ARTICLE.split("\n\n", 1)[1])  # no headline: its lead sentence is its title
    plain_warnings: list[str] = []
    plain = load([folder], None, plain_warnings)
    for expected in ("parsed", "stored", "stored"):  # the last run reads the set's stored catalogue
        cache = ArticleCache(tmp_path / "cache")
        warnings: list[str] = []
        cached = load([folder], cache, warnings)
        assert getattr(cache.stats, expected) == 4
        assert warnings == plain_warnings and len(warnings) == 1 and "'b' has no sentences" in warnings[0]
        assert [(a.id, a.title, a.date, a.path, a.url, a.sentence_count) for a in cached] == [
            (a.id, a.title, a.date, a.path, a.url, a.sentence_count) for a in plain]
        assert [a.id for a in cached] == ["a", "d", "deep/c"] and cached == plain
        Corpus(cached, cache=cache)  # stores the set's sentence index and catalogue
        cache.close()


def test_duplicate_ids_and_titles_follow_the_final_id(tmp_path):
    write(tmp_path / "in" / "a.jsonl",
          '{"id": "x", "text": "Talks resumed in Lindmark on Monday, officials said."}\n'
          '{"id": "x", "text": "Aid convoys reached the city on Tuesday, the agency said."}\n')
    plain = load([tmp_path / "in"], None)
    cached = load([tmp_path / "in"], ArticleCache(tmp_path / "cache"))
    again = load([tmp_path / "in"], ArticleCache(tmp_path / "cache"))
    assert plain == cached == again
    assert [a.id for a in again] == ["x", "x~2"]
    # Without a headline, the title is the lead sentence, the same with and without the index.
    assert [a.title for a in again] == ["Talks resumed in Lindmark on Monday, officials said.",
                                        "Aid convoys reached the city on Tuesday, the agency said."]


def test_an_article_of_a_large_export_is_read_without_reading_the_others(tmp_path):
    """A JSON Lines export is one stored file: a warm run shows a handful of its articles, and must
    read those, not the whole export (10,000 articles are 100 MB stored)."""
    towns = ["Lindmark", "Orvale", "Tarrow", "Valdon", "Merrin", "Calloway", "Pellham", "Brisk"]
    lines = [
        json.dumps({"id": f"n{i}", "title": f"Council of {town} meets ({i})",
                    "text": f"The council of {town} met on day {i} to discuss the harbour. "
                            f"Members from {towns[(i + 1) % 8]} said the ferry to {town} would run again. " * 3})
        for i, town in enumerate(towns * 5)
    ]
    write(tmp_path / "in" / "export.jsonl", "\n".join(lines) + "\n")
    first = ArticleCache(tmp_path / "cache")
    cold = load([tmp_path / "in"], first)
    Corpus(cold, cache=first)  # the set's sentence index: the next load is a warm run's
    cache = ArticleCache(tmp_path / "cache")
    warm = load([tmp_path / "in"], cache)
    assert [a.id for a in warm] == [a.id for a in cold] and len(warm) == 40
    reader = cache._reader
    read: list[int] = []

    class Counting:
        def payload_of(self, sha):
            raise AssertionError("the whole payload was read for one article's text")

        def payload_slice(self, sha, start, length):
            read.append(length)
            return reader.payload_slice(sha, start, length)

    cache._reader = Counting()
    assert warm[17].text == cold[17].text and warm[17].blocks == cold[17].blocks
    (payload,) = [row[0] for row in sqlite3.connect(tmp_path / "cache" / FILENAME).execute("SELECT payload FROM files")]
    assert 0 < sum(read) < len(payload) / 20
    assert [a.text for a in warm] == [a.text for a in cold]  # every other article, each on its own


# -- a damaged, foreign or older index -----------------------------------------------------


def test_corrupt_cache_is_set_aside_with_a_warning(tmp_path, folder):
    directory = tmp_path / "cache"
    write(directory / FILENAME, b"this is not a database, just some bytes" * 200)
    warnings = []
    articles = load([folder], ArticleCache(directory), warnings)
    assert len(articles) == 2
    assert any("set aside" in w for w in warnings), warnings
    assert len(list(directory.glob(f"{FILENAME}.bad-*"))) == 1
    warnings.clear()
    load([folder], ArticleCache(directory), warnings)
    assert warnings == []


def test_foreign_database_is_set_aside(tmp_path, folder):
    directory = tmp_path / "cache"
    directory.mkdir()
    db = sqlite3.connect(directory / FILENAME)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.commit()
    db.close()
    warnings = []
    assert len(load([folder], ArticleCache(directory), warnings)) == 2
    assert any("not a newsdigest index" in w for w in warnings)


def test_schema_version_mismatch_rebuilds(tmp_path, folder):
    directory = tmp_path / "cache"
    load([folder], ArticleCache(directory))
    db = sqlite3.connect(directory / FILENAME)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    warnings = []
    cache = ArticleCache(directory)
    load([folder], cache, warnings)
    assert cache.stats.parsed == 2
    assert any(f"schema version {SCHEMA_VERSION + 1}" in w for w in warnings)
    version = sqlite3.connect(directory / FILENAME).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_damaged_row_is_parsed_again(tmp_path, folder):
    directory = tmp_path / "cache"
    load([folder], ArticleCache(directory))
    db = sqlite3.connect(directory / FILENAME)
    db.execute("UPDATE files SET payload = x'00ff00'")
    db.commit()
    db.close()
    cache = ArticleCache(directory)
    assert load([folder], cache) == load([folder], None)
    assert cache.stats.parsed == 2


def test_a_cache_that_cannot_be_written_warns_once_and_changes_nothing(tmp_path, folder, monkeypatch):
    def refuse(self):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    cache = ArticleCache(tmp_path / "cache")
    cache.store()  # created while writable
    monkeypatch.setattr(IndexStore, "_transaction", refuse)
    warnings = []
    assert load([folder], cache, warnings) == load([folder], None)
    assert len([w for w in warnings if "cannot write the cache" in w]) == 1
    assert Corpus(load([folder], cache), cache=cache).vocabulary == Corpus(load([folder], None)).vocabulary


def test_unwritable_cache_directory_warns_and_goes_on(tmp_path, folder):
    blocker = write(tmp_path / "file", "not a directory")
    warnings = []
    assert len(load([folder], ArticleCache(blocker / "cache"), warnings)) == 2
    assert any("nothing will be cached" in w for w in warnings)


# -- two processes, and the command line ---------------------------------------------------


def run_cli(*args, env=None):
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "summarize", *args, "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, **(env or {})},
    )


def test_two_processes_share_the_cache(tmp_path, generated):
    directory = tmp_path / "cache"
    runs = [run_cli(str(generated), "--cache-dir", str(directory)) for _ in range(2)]
    uncached = run_cli(str(generated), "--no-cache")
    outputs = [r.communicate(timeout=240) for r in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert "warning" not in err
    assert outputs[0][0] == outputs[1][0]
    db = sqlite3.connect(directory / FILENAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 60
    assert json.loads(uncached.communicate(timeout=240)[0]) == json.loads(outputs[0][0])


def test_cli_default_cache_dir_and_flags(tmp_path, folder):
    xdg, nocache = tmp_path / "xdg", tmp_path / "xdg2"
    runs = [
        run_cli(str(folder), env={"XDG_CACHE_HOME": str(xdg)}),
        run_cli(str(folder), "--cache-dir", str(tmp_path / "elsewhere"), env={"XDG_CACHE_HOME": str(xdg)}),
        run_cli(str(folder), "--no-cache", env={"XDG_CACHE_HOME": str(nocache)}),
    ]
    outputs = [json.loads(run.communicate(timeout=120)[0]) for run in runs]
    assert (xdg / "newsdigest" / FILENAME).is_file()
    assert (tmp_path / "elsewhere" / FILENAME).is_file()
    # The first run's index and its sentence index; nothing of the run with --cache-dir.
    assert {p.name for p in (xdg / "newsdigest").iterdir()} == {FILENAME, SENTENCE_INDEX_DIR}
    assert len(list((xdg / "newsdigest" / SENTENCE_INDEX_DIR).iterdir())) == 1
    assert not nocache.exists()
    assert outputs[0] == outputs[1] == outputs[2]


def test_no_cache_and_cache_dir_exclude_each_other(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit:
        get_args(["summarize", "--no-cache", "--cache-dir", str(tmp_path)])
    assert exit.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_cli_resolves_the_cache_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert request_from(get_args(["summarize"])).cache_dir == tmp_path / "xdg" / "newsdigest"
    assert request_from(get_args(["summarize", "--cache-dir", "d"])).cache_dir == Path("d")
    assert request_from(get_args(["summarize", "--no-cache"])).cache_dir is None
    assert request_from(get_args(["app", "--no-cache"])).cache_dir is None


def test_progress_reaches_the_total(tmp_path, generated):
    seen = []
    load_articles([str(generated)], cache=ArticleCache(tmp_path / "cache", workers=2),
                  on_progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (60, 60)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_bar_only_on_a_terminal(tmp_path):
    import io

    from tui.cli import _progress_bar

    with _progress_bar(io.StringIO()) as (on_progress, warn):
        assert on_progress is None

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    with _progress_bar(stream) as (on_progress, warn):
        for done in range(1, 101):
            on_progress(done, 100)
        warn("a.txt: empty file, skipped")
    assert "newsdigest: warning: a.txt: empty file, skipped" in stream.getvalue()


def test_articles_the_cache_did_not_load_are_stemmed_in_place(tmp_path, folder):
    cache = ArticleCache(tmp_path / "cache")
    load([folder], cache)
    plain = load([folder], None)  # other objects: not in the cache's memory of its last load
    corpus = Corpus(plain, cache=cache)
    reference = Corpus(plain)
    assert list(corpus.vocabulary) == list(reference.vocabulary)
    assert (corpus.counts != reference.counts).nnz == 0


def test_indexing_a_folder_in_chunks_stores_every_file_once_and_summarizes_as_without_an_index(tmp_path, monkeypatch):
    """``newsdigest index`` on a local index reads a big folder a chunk at a time, so that only one
    chunk's records are in memory (all 100,000 files' at once took gigabytes): every file is stored
    once, a second run reads none, and the summaries from the filled index are those of a run
    without one."""
    from summarizer import index_paths
    from summarizer.store import indexing

    read_together: list[int] = []
    ingest = indexing.ingest
    monkeypatch.setattr(indexing, "ingest", lambda part, *rest: read_together.append(len(part)) or ingest(part, *rest))
    folder = tmp_path / "news"
    make_corpus(folder, 10, seed=21)
    cache = tmp_path / "cache"
    first = index_paths([str(folder)], cache, workers=1, chunk=3)
    assert sorted(read_together) == [1, 3, 3, 3]
    assert (first.files, first.articles, first.parsed, first.stored) == (10, 10, 10, 0)
    again = index_paths([str(folder)], cache, workers=1, chunk=3)
    assert (again.parsed, again.stored) == (0, 10)
    with sqlite3.connect(cache / FILENAME) as db:
        assert db.execute("SELECT COUNT(*) FROM files").fetchone() == (10,)
    from_index = Corpus(load([folder], ArticleCache(cache)))
    without = Corpus(load([folder], None))
    assert digest_data(from_index) == digest_data(without)
