"""The sentence index: a warm run gives the same summaries as reading every article, reads only
the articles it needs, keeps each set of articles' own statistics, and follows the files."""

import json
import os
import shutil
import sqlite3

import pytest

from bench.make_corpus import make_corpus
from summarizer import BUILTIN_TOPICS, METHODS, ArticleCache, Corpus, Digester, Length, load_articles, query_topic
from summarizer.ranking.novelty import ReadSet
from summarizer.reading.terms import TermAnalyzer
from summarizer.schema import digest_to_dict

from .conftest import ARTICLE, write


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """80 articles recombined from the seeds (and DUC paragraphs when ../shared is there)."""
    out = tmp_path_factory.mktemp("generated")
    make_corpus(out, 80, seed=3)
    return out


def summaries(paths, cache, method="topical", topics=BUILTIN_TOPICS, length=Length(sentences=4), read=None):
    """The JSON a user would get, with the articles read through ``cache`` (None: no index)."""
    articles = load_articles([str(p) for p in paths], cache=cache)
    if read is not None:
        unread = [a for a in articles if a.id not in read]
        read_set = ReadSet([a for a in articles if a.id in read])
        articles = unread
    corpus = Corpus(articles, cache=cache)
    digest = Digester(method, length)(corpus, topics, read=read_set if read is not None else None)
    return json.dumps(digest_to_dict(digest, {"method": method}), sort_keys=True)


def warm_cache(directory, paths):
    """An index that has read ``paths`` once, and a fresh handle on it (as the next run has)."""
    summaries(paths, ArticleCache(directory))
    return ArticleCache(directory)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_summarizes_the_same_from_the_index(generated, tmp_path, method):
    expected = summaries([generated], None, method)
    assert summaries([generated], ArticleCache(tmp_path / "cache"), method) == expected  # cold: builds it
    warm = ArticleCache(tmp_path / "cache")
    assert summaries([generated], warm, method) == expected  # warm: from the sentence index
    assert warm.stats.parsed == 0 and warm.stats.stored == warm.stats.files


def test_queries_word_budgets_and_update_summaries_are_the_same(generated, tmp_path):
    query = (query_topic("Who is mediating the talks between the two sides?", TermAnalyzer().stop_words),)
    directory = tmp_path / "cache"
    for args in ({"topics": query}, {"length": Length(words=120)}, {"read": {a.id for a in load_articles([str(generated)])[::3]}}):
        expected = summaries([generated], None, **args)
        assert summaries([generated], warm_cache(directory, [generated]), **args) == expected


def test_a_warm_run_reads_the_text_of_few_articles(generated, tmp_path):
    cache = warm_cache(tmp_path / "cache", [generated])
    articles = load_articles([str(generated)], cache=cache)
    assert not any(a.is_loaded for a in articles)  # the catalogue gave titles, dates, counts
    corpus = Corpus(articles, cache=cache)
    Digester(length=Length(sentences=3))(corpus, BUILTIN_TOPICS[:1])
    read = sum(a.is_loaded for a in articles)
    assert 0 < read < len(articles) / 2, f"{read} of {len(articles)} articles read for one topic"


def test_a_folder_inside_a_bigger_index_has_its_own_statistics(generated, tmp_path):
    directory = tmp_path / "cache"
    warm_cache(directory, [generated])
    part = sorted(p for p in generated.rglob("*.txt"))[:20]
    cache = ArticleCache(directory)
    alone = Corpus(load_articles([str(p) for p in part]))
    indexed = Corpus(load_articles([str(p) for p in part], cache=cache), cache=cache)
    assert len(indexed) == len(alone) < 80 * 5
    assert (indexed.document_frequency == alone.document_frequency).all()
    assert summaries(part, ArticleCache(directory)) == summaries(part, None)


def test_a_folder_inside_an_indexed_one_is_cut_from_its_index(generated, tmp_path, count_decodes):
    """Its own statistics without decoding a file: the subfolder's articles are cut from the
    folder's sentence index, and the result is what a fresh index builds for the subfolder."""
    news, directory = tmp_path / "news", tmp_path / "cache"
    shutil.copytree(generated, news / "wire")
    write(news / "desk" / "note.txt", ARTICLE)
    warm_cache(directory, [news])
    count_decodes.clear()
    cache = ArticleCache(directory)
    Corpus(load_articles([str(news / "wire")], cache=cache), cache=cache)
    assert (cache.stats.parsed, len(count_decodes)) == (0, 0)
    fresh = ArticleCache(tmp_path / "fresh")
    expected = summaries([news / "wire"], fresh)
    assert stored_index(cache) == stored_index(fresh)
    assert summaries([news / "wire"], ArticleCache(directory)) == expected


def test_the_unread_articles_are_cut_from_the_index_without_decoding(generated, tmp_path, count_decodes):
    directory = tmp_path / "cache"
    read = {a.id for a in load_articles([str(generated)])[::3]}
    expected = summaries([generated], None, read=read)
    cache = warm_cache(directory, [generated])
    count_decodes.clear()
    articles = [a for a in load_articles([str(generated)], cache=cache) if a.id not in read]
    Corpus(articles, cache=cache)
    assert not count_decodes
    assert summaries([generated], ArticleCache(directory), read=read) == expected


def stored_index(cache):
    """The sentence index of the set ``cache`` loaded last, as stored: its header and arrays, with
    the index's own term ids (which two indexes number as they meet the terms) named by their stems."""
    import numpy as np

    from summarizer.store.sentence_index import decode

    store = cache.store()
    blob = bytes(store.sentence_index(cache._loaded.key))
    size = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8 : 8 + size])
    arrays = {name: blob[8 + size + at : 8 + size + at + np.dtype(dtype).itemsize * int(np.prod(shape))]
              for name, dtype, shape, at in header.pop("arrays")}
    arrays["global_ids"] = store.stems(decode(blob)[2].global_ids)
    return header, arrays


@pytest.fixture
def count_decodes(monkeypatch):
    """How many stored files' records were decoded since the fixture was asked for."""
    from summarizer.store import index, ingest

    decoded = []
    original = ingest._decode_or_none

    def counting(payload, *store):
        decoded.append(1)
        return original(payload, *store)

    monkeypatch.setattr(ingest, "_decode_or_none", counting)
    monkeypatch.setattr(index, "_decode_or_none", counting)
    return decoded


def test_coming_back_to_a_folder_reads_only_what_changed(generated, tmp_path, count_decodes):
    """A file added, one edited, one removed: those are read, the other files' articles are cut
    from the folder's sentence index, and the index is the one a fresh index builds, byte for byte."""
    news, directory = tmp_path / "news", tmp_path / "cache"
    shutil.copytree(generated, news)
    write(news / "zz-broken.jsonl", '{"id": "a", "text": "Too short."}\nnot json\n{"id": "a", "text": "Again."}\n')  # warned about on every run
    warm_cache(directory, [news])
    files = sorted(news.rglob("*.txt"))
    write(files[0].parent / "0000-first.txt", ARTICLE)  # read first: every article after it moves
    files[10].write_text(files[10].read_text() + "\nOfficials in Lindmark counted 14 more trucks at the crossing on Friday.\n")
    files[20].unlink()

    count_decodes.clear()
    cache, warnings = ArticleCache(directory), []
    articles = load_articles([str(news)], cache=cache, on_warning=lambda w: warnings.append(str(w)))
    Corpus(articles, cache=cache)
    assert (cache.stats.parsed, cache.stats.stored, len(count_decodes)) == (2, cache.stats.files - 2, 0)
    fresh, expected_warnings = ArticleCache(tmp_path / "fresh"), []
    assert [a.id for a in articles] == [a.id for a in load_articles([str(news)], cache=fresh, on_warning=lambda w: expected_warnings.append(str(w)))]
    assert warnings == expected_warnings and len(warnings) >= 2
    expected = summaries([news], fresh)
    assert stored_index(cache) == stored_index(fresh)
    assert summaries([news], ArticleCache(directory)) == expected == summaries([news], None)


def test_a_cold_read_of_many_files_is_built_a_chunk_at_a_time(generated, tmp_path, monkeypatch):
    """Beyond ``LOCAL_CHUNK`` files, each chunk's records become columns of the set's index and are
    let go (a cold run over 10,000 articles held 760 MB of records): the same index, articles,
    warnings and summaries as one read of every file, and each article's text read back when shown."""
    from summarizer.store import index

    news = tmp_path / "news"
    shutil.copytree(generated, news)
    write(news / "zz-broken.jsonl", '{"id": "a", "text": "Too short."}\nnot json\n{"id": "a", "text": "Again."}\n')

    def cold(directory, chunk):
        monkeypatch.setattr(index, "LOCAL_CHUNK", chunk)
        cache, warnings = ArticleCache(directory), []
        articles = load_articles([str(news)], cache=cache, on_warning=lambda w: warnings.append(str(w)))
        Corpus(articles, cache=cache)
        return cache, articles, warnings

    whole, whole_articles, whole_warnings = cold(tmp_path / "whole", 10_000)
    chunked, chunked_articles, chunked_warnings = cold(tmp_path / "chunked", 7)
    assert not chunked._loaded.records and len(whole._loaded.records) == len(whole_articles) > 7
    assert [a.id for a in chunked_articles] == [a.id for a in whole_articles]
    assert [a.text for a in chunked_articles] == [a.text for a in whole_articles]
    assert chunked_warnings == whole_warnings and len(chunked_warnings) >= 2
    assert (chunked.stats.files, chunked.stats.parsed) == (whole.stats.files, whole.stats.parsed)
    assert stored_index(chunked) == stored_index(whole)
    expected = summaries([news], None)
    monkeypatch.setattr(index, "LOCAL_CHUNK", 7)
    assert summaries([news], ArticleCache(tmp_path / "cold")) == expected  # cold and chunked
    assert summaries([news], ArticleCache(tmp_path / "chunked")) == expected  # warm


def test_a_new_subfolder_beside_the_only_one_is_the_only_thing_read(tmp_path, count_decodes):
    """The folder named is what the next run starts from, however its files are laid out: a
    feed's first day in news/day1, then news/day2 beside it."""
    news, directory = tmp_path / "news", tmp_path / "cache"
    write(news / "day1" / "a.txt", ARTICLE)
    write(news / "day1" / "b.txt", ARTICLE.replace("Lindmark", "Orsova").replace("40 trucks", "75 trucks"))
    warm_cache(directory, [news])
    write(news / "day2" / "c.txt", ARTICLE.replace("Lindmark", "Vienna").replace("40 trucks", "12 trucks"))
    count_decodes.clear()
    cache = ArticleCache(directory)
    assert summaries([news], cache) == summaries([news], None)
    assert (cache.stats.parsed, cache.stats.stored, len(count_decodes)) == (1, 2, 0)


def test_edits_deletions_and_touches_are_followed(tmp_path):
    news, directory = tmp_path / "news", tmp_path / "cache"
    write(news / "a.txt", ARTICLE)
    write(news / "b.txt", ARTICLE.replace("Lindmark", "Vienna").replace("40 trucks", "12 trucks"))
    warm_cache(directory, [news])

    write(news / "b.txt", ARTICLE.replace("Lindmark", "Orsova").replace("40 trucks", "75 trucks"))
    assert summaries([news], ArticleCache(directory)) == summaries([news], None)
    assert any("75 trucks" in a.text for a in load_articles([str(news)], cache=ArticleCache(directory)))

    os.utime(news / "a.txt", (1_000_000, 1_000_000))  # touched: same text, new identity
    cache = ArticleCache(directory)
    assert summaries([news], cache) == summaries([news], None) and cache.stats.parsed == 0

    (news / "b.txt").unlink()
    after = summaries([news], ArticleCache(directory))
    assert after == summaries([news], None) and "Orsova" not in after


def test_a_damaged_sentence_index_is_rebuilt(generated, tmp_path):
    directory = tmp_path / "cache"
    expected = summaries([generated], None)
    warm_cache(directory, [generated])
    with sqlite3.connect(directory / "index.sqlite3") as db:
        db.execute("UPDATE sentence_indexes SET data = zeroblob(100)")
    assert summaries([generated], ArticleCache(directory)) == expected
    assert summaries([generated], ArticleCache(directory)) == expected


def test_concepts_from_the_index_are_the_table_counted_from_the_text(generated, tmp_path):
    """The same table, numbered alike: coverage sums each sentence's concepts in that order, and
    with weights that are not whole numbers the sums (and so ties) depend on it."""
    import numpy as np

    from summarizer.store.concepts import concept_table

    cache = warm_cache(tmp_path / "cache", [generated])
    corpus = Corpus(load_articles([str(generated)], cache=cache), cache=cache)
    rows = np.arange(1, len(corpus), 3)
    for stored, counted in (
        (corpus.concepts, concept_table(corpus.sentences, corpus.article_of, corpus.analyzer)),
        (corpus.concept_table(rows), concept_table([corpus.sentences[r] for r in rows], corpus.article_of[rows], corpus.analyzer)),
    ):
        assert stored.membership.shape == counted.membership.shape and stored.membership.shape[1] > 100
        assert (stored.membership != counted.membership).nnz == 0
        assert np.array_equal(stored.article_count, counted.article_count)
        assert np.array_equal(stored.firsts, counted.firsts) and np.array_equal(stored.seconds, counted.seconds)
        assert stored.stems == counted.stems


def test_a_warm_run_reads_the_text_of_the_sentences_it_shows_and_no_other(generated, tmp_path):
    """Candidates are judged from the index and sources are cited by their offsets: the only
    articles whose text is read are those of the summary's own sentences."""
    cache = warm_cache(tmp_path / "cache", [generated])
    articles = load_articles([str(generated)], cache=cache)
    digest = Digester(length=Length(sentences=3))(Corpus(articles, cache=cache), BUILTIN_TOPICS[:1])
    shown = {item.sentence.article_id for summary in digest.summaries for item in summary.sentences}
    cited = {s.article_id for summary in digest.summaries for item in summary.sentences for s in item.sources}
    assert shown and cited - shown  # the seeds' statements recur across the generated articles
    assert {a.id for a in articles if a.is_loaded} == shown


def test_a_damaged_or_missing_sentence_index_file_is_built_again(generated, tmp_path):
    from summarizer.store.cache import SENTENCE_INDEX_DIR

    directory = tmp_path / "cache"
    expected = summaries([generated], None)
    warm_cache(directory, [generated])
    [stored] = (directory / SENTENCE_INDEX_DIR).iterdir()
    stored.write_bytes(stored.read_bytes()[: stored.stat().st_size // 2])  # cut short
    assert summaries([generated], ArticleCache(directory)) == expected
    stored.unlink()
    assert summaries([generated], ArticleCache(directory)) == expected
    assert summaries([generated], ArticleCache(directory)) == expected
    assert [p.name for p in (directory / SENTENCE_INDEX_DIR).iterdir()] == [stored.name]


def test_sentence_index_files_no_row_names_are_removed(generated, tmp_path):
    from summarizer.store.cache import SENTENCE_INDEX_DIR

    directory = tmp_path / "cache"
    folder = directory / SENTENCE_INDEX_DIR
    write(folder / ("ab" * 32 + ".bin"), b"left by a run that crashed")
    os.utime(folder / ("ab" * 32 + ".bin"), (1_000_000_000, 1_000_000_000))
    write(folder / ("cd" * 32 + ".bin"), b"being written by another process right now")
    warm_cache(directory, [generated])
    planted = {"ab" * 32 + ".bin", "cd" * 32 + ".bin"}  # (a real index's name may start with "ab" too)
    assert sorted(p.name for p in folder.iterdir() if p.name in planted) == ["cd" * 32 + ".bin"]


def test_sources_are_numbered_alike_from_the_index(tmp_path):
    """Articles with the same date and title are numbered by id, undated ones last, untitled ones
    by their id: the order the index keeps is the order the articles themselves give."""
    body = "Negotiators from Velmora and Ostrin met in Lindmark on Monday to resume ceasefire talks. "
    records = [
        {"id": "tern", "title": "Talks resume in Lindmark", "date": "2031-03-02", "text": body + "The tern delegation spoke first."},
        {"id": "auk", "title": "talks resume in Lindmark", "date": "2031-03-02", "text": body + "The auk delegation spoke first."},
        {"id": "gull", "title": "Convoy reaches Orsova", "text": body + "A convoy of 40 trucks carrying aid reached Orsova."},
        {"id": "plover", "title": "Convoy reaches Orsova", "date": "2031-03-01", "text": body + "Aid agencies said 40 trucks arrived."},
    ]
    titled = write(tmp_path / "titled" / "news.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    untitled = {"id": "a-first", "date": "2031-03-02", "text": body + "A mediator from Aldish joined the talks on aid."}
    mixed = write(tmp_path / "mixed" / "news.jsonl", "\n".join(json.dumps(r) for r in [*records, untitled]) + "\n")
    for folder in (titled.parent, mixed.parent):
        directory = tmp_path / f"cache-{folder.name}"
        expected = summaries([folder], None)
        numbers = {a["id"]: a["number"] for a in json.loads(expected)["articles"]}
        assert numbers["plover"] < numbers["auk"] < numbers["tern"] < numbers["gull"]
        assert summaries([folder], warm_cache(directory, [folder])) == expected
