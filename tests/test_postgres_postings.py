"""Postings and corpus statistics in the PostgreSQL index (issue 18, schema version 4): per-article
term arrays written with each new payload, the whole index's statistics kept in the same
transactions (equal to a recount, also under two concurrent writers), a topic's candidates and a
set's statistics by one query each, equal to what the set's stored sentence index says.

Every test here skips, saying why, when PostgreSQL or psycopg is not installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.make_corpus import make_corpus
from summarizer.store import postgres as pg
from summarizer.store.backend import open_index
from summarizer.store.ingest import decode
from summarizer.store.postings import article_terms, delta
from summarizer.store.sentence_index import decode as decode_sentence_index
from summarizer.store.sentence_index import unpack_folder

from .conftest import REPO
from .test_postgres import DROP_VERSION_4, newsdigest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """60 generated articles, plus two copies of one of them under other names (same text)."""
    out = tmp_path_factory.mktemp("postings")
    make_corpus(out, 60, seed=4)
    first = sorted(out.glob("*.txt"))[0]
    (out / "copies").mkdir()
    shutil.copy(first, out / "copies" / "same-a.txt")
    shutil.copy(first, out / "copies" / "same-b.txt")
    return out


def rows(url: str, query: str, params=()) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        return db.execute(query, params).fetchall()


def expected_postings(payload: bytes) -> list[tuple[int, int, list[int], list[int]]]:
    """(record, sentences, term ids, sentences per term) of each article, from the fully decoded
    records (not the partial reading the store uses)."""
    out = []
    for number, record in enumerate(decode(payload).records):
        per_term: dict[int, int] = {}
        for k in range(len(record.word_counts)):
            for position in record.indices[record.indptr[k] : record.indptr[k + 1]]:
                term = int(record.terms[position])
                per_term[term] = per_term.get(term, 0) + 1
        ids = sorted(per_term)
        out.append((number, len(record.word_counts), ids, [per_term[t] for t in ids]))
    return out


def stored_articles(url: str) -> int:
    """Articles (records with sentences) of the distinct payloads, from the payloads themselves."""
    return sum(
        sum(1 for r in decode(bytes(p)).records if len(r.word_counts))
        for (p,) in rows(url, "SELECT payload FROM newsdigest.payloads")
    )


def statistics_and_recount(url: str):
    store = open_index(url)
    try:
        return store.statistics(), store.recount()
    finally:
        store.close()


def test_each_new_payload_is_stored_with_the_postings_of_its_articles(corpus, pg_url):
    run = newsdigest("index", str(corpus), "--index", pg_url, "--workers", "1")
    assert run.returncode == 0, run.stderr
    payloads = rows(pg_url, "SELECT hash, payload FROM newsdigest.payloads")
    assert len(payloads) == 60  # the two copies share the payload of their original
    stored = {}
    for h, record, n, ids, per_term in rows(
        pg_url, "SELECT payload_hash, record, sentences, term_ids, term_sentences FROM newsdigest.article_terms"
    ):
        stored.setdefault(bytes(h), []).append((record, n, ids, per_term))
    assert stored.keys() == {bytes(h) for h, _ in payloads}
    for h, payload in payloads:
        assert sorted(stored[bytes(h)]) == expected_postings(bytes(payload))
    # The whole index's statistics count each distinct text once, whichever paths hold it.
    (articles, sentences, terms), recount = statistics_and_recount(pg_url)
    assert (articles, sentences, terms) == recount
    assert articles == stored_articles(pg_url) == 60
    assert sentences == sum(n for per in stored.values() for _, n, _, _ in per)
    assert len(terms) > 500 and all(s >= a > 0 for s, a in terms.values())


def test_the_statistics_follow_edited_and_deleted_files(corpus, tmp_path, pg_url):
    folder = tmp_path / "news"
    shutil.copytree(corpus, folder)
    assert newsdigest("index", str(folder), "--index", pg_url, "--workers", "1").returncode == 0
    before = statistics_and_recount(pg_url)[0]
    files = sorted(folder.glob("*.txt"))
    # An edited file: its old text leaves the statistics, its new text enters.
    files[1].write_text("Mayor Odalys Brenner of Velmora opened the new harbour bridge.\n\n"
                        "The bridge over the Kessel river cost the town of Velmora four million.\n")
    # A deleted file (a summary of the folder forgets it) and a deleted copy (its text stays).
    files[2].unlink()
    (folder / "copies" / "same-a.txt").unlink()
    run = newsdigest("summarize", str(folder), "--index", pg_url, "-q", "the bridge")
    assert run.returncode == 0, run.stderr
    after, recount = statistics_and_recount(pg_url)
    assert after == recount
    assert after[0] == stored_articles(pg_url) == before[0] - 1  # one edited (out and in), one gone
    stem = {s: t for t, s in rows(pg_url, "SELECT id, stem FROM newsdigest.terms")}
    assert after[2][stem["kessel"]] == (1, 1) and stem["kessel"] not in before[2]
    # Every file gone but one: only its article is counted, only its terms are left.
    for path in folder.rglob("*.txt"):
        if path != files[1]:
            path.unlink()
    run = newsdigest("summarize", str(folder), "--index", pg_url, "-q", "the bridge")
    assert run.returncode == 0, run.stderr
    (articles, sentences, terms), recount = statistics_and_recount(pg_url)
    assert (articles, sentences, terms) == recount
    assert (articles, sentences) == (1, 2) and all(n == (1, 1) or n == (2, 1) for n in terms.values())
    assert terms[stem["kessel"]] == (1, 1) and terms[stem["velmora"]] == (2, 1)


@pytest.mark.slow
def test_two_concurrent_index_processes_of_the_same_texts_count_each_article_once(pg_url, tmp_path):
    """One process indexes a folder, the other a copy of it (other paths, the same texts, so both
    store the same payloads at the same time), and both a folder they share."""
    make_corpus(tmp_path / "a", 240, seed=8)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    make_corpus(tmp_path / "shared", 120, seed=9)
    runs = [
        subprocess.Popen([sys.executable, "-m", "tui", "index", str(tmp_path / mine), str(tmp_path / "shared"),
                          "--index", pg_url, "--workers", "1"],
                         cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for mine in ("a", "b")
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    texts = {hashlib.sha256(p.read_bytes()).digest() for p in tmp_path.rglob("*.txt")}
    assert rows(pg_url, "SELECT count(*) FROM newsdigest.files")[0][0] == 600
    assert rows(pg_url, "SELECT count(*) FROM newsdigest.payloads")[0][0] == len(texts)
    assert rows(pg_url, "SELECT count(DISTINCT payload_hash) FROM newsdigest.article_terms")[0][0] == len(texts)
    statistics, recount = statistics_and_recount(pg_url)
    assert statistics == recount
    assert statistics[0] == stored_articles(pg_url) == len(texts)


def test_a_topics_candidates_and_a_sets_statistics_are_what_its_sentence_index_says(corpus, pg_url, tmp_path):
    run = newsdigest("summarize", str(corpus), "--index", pg_url, "-t", "aid",
                     "--cache-dir", str(tmp_path / "cache"))
    assert run.returncode == 0, run.stderr
    (data,) = rows(pg_url, "SELECT data FROM newsdigest.sentence_indexes")[0]
    # Two file sets name the index: the list of files as given, and their folder (with the paths).
    [shas] = [folder[2] for (files, _) in rows(pg_url, "SELECT files, sentence_index FROM newsdigest.file_sets")
              if (folder := unpack_folder(bytes(files))) is not None]
    catalog, _, index = decode_sentence_index(bytes(data))
    store = open_index(pg_url)
    try:
        hashes = store.payload_hashes(shas)
        assert None not in hashes and len(set(hashes)) == len(hashes) - 2  # the copies
        ids = store.term_ids(index.stems)  # the corpus's numbering -> the index's term ids
        # The set's statistics: every term's sentence frequency, the articles and sentences.
        articles, sentences, frequency = store.set_statistics(hashes)
        assert sentences == index.counts.shape[0] == int(catalog.sentences.sum())
        assert articles == int((catalog.sentences > 0).sum()) == 62
        assert frequency == dict(zip(ids.tolist(), index.postings.sentence_frequency().tolist()))
        # A topic's candidates: the articles with a sentence holding any of its terms.
        by_stem = {stem: n for n, stem in enumerate(index.stems)}
        article_of = index.article_of
        for topic in (["aid"], ["secur", "talk"], ["ceasefir", "border", "minist"], ["zzzunknown"]):
            columns = [by_stem[s] for s in topic if s in by_stem]
            rows_holding = np.unique(np.concatenate(
                [index.postings.indices[index.postings.indptr[c] : index.postings.indptr[c + 1]] for c in columns]
            )) if columns else np.zeros(0, dtype=np.int64)
            expected = {(hashes[catalog.files[a]], int(catalog.records[a])) for a in article_of[rows_holding]}
            topic_ids = [int(ids[c]) for c in columns] + [2**31 - 7]  # a term id no article holds
            assert store.candidate_articles(hashes, topic_ids) == expected
            assert bool(expected) == bool(columns)
    finally:
        store.close()


def test_a_database_of_version_3_is_migrated_with_the_postings_of_every_payload(corpus, pg_url):
    assert newsdigest("index", str(corpus), "--index", pg_url, "--workers", "1").returncode == 0
    before = rows(pg_url, "SELECT payload_hash, record, sentences, term_ids, term_sentences FROM newsdigest.article_terms")
    statistics = statistics_and_recount(pg_url)[0]
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(DROP_VERSION_4)
        db.execute("UPDATE newsdigest.schema_version SET version = 3")
    open_index(pg_url).close()
    after = rows(pg_url, "SELECT payload_hash, record, sentences, term_ids, term_sentences FROM newsdigest.article_terms")
    assert sorted(after) == sorted(before) and len(after) == 60
    assert statistics_and_recount(pg_url) == (statistics, statistics)
    assert rows(pg_url, "SELECT version FROM newsdigest.schema_version") == [(pg.SCHEMA_VERSION,)]


def test_the_postings_are_read_from_the_payload_as_decoding_it_whole_gives_them(corpus):
    """The store reads a payload's postings without decoding its texts; the same as from the
    records (a file of several articles)."""
    from summarizer.reading.inputs import InputFile
    from summarizer.store.ingest import encode, parse_file

    data = (b'{"title": "Harbour", "text": "The Velmora harbour opened. Boats came in. The harbour was full."}\n'
            b'{"title": "Mill", "text": "The mill of Kessel burned. The mill will be rebuilt."}\n')
    parsed = parse_file(InputFile("news.jsonl", "news"), data)
    stems = sorted({s for r in parsed.records for s in r.terms})
    number = {s: 10 + 3 * n for n, s in enumerate(stems)}
    payload = encode(parsed, [np.array([number[s] for s in r.terms]) for r in parsed.records])
    read = [(a.record, a.sentences, a.term_ids.tolist(), a.term_sentences.tolist()) for a in article_terms(payload)]
    assert read == expected_postings(payload)
    assert [n for _, n, _, _ in read] == [3, 2]
    harbour = number[next(s for s in stems if s.startswith("harbour"))]
    assert dict(zip(read[0][2], read[0][3]))[harbour] == 2
    with pytest.raises(ValueError):
        article_terms(payload[:-4])
    change = delta(article_terms(payload), article_terms(payload)[:1])
    assert (change.total_articles, change.total_sentences) == (1, 2)
    assert harbour not in change.term_ids  # only in the article that left again


def keyword_articles(url: str, keywords: list[str], payloads: list[bytes]) -> int:
    """Articles of these payloads holding any of the keywords, from the decoded payloads."""
    from summarizer.reading.terms import TermAnalyzer

    analyzer = TermAnalyzer()
    stems = {analyzer.stem(w) for phrase in keywords for w in phrase.split()}
    ids = {t for t, s in rows(url, "SELECT id, stem FROM newsdigest.terms") if s in stems}
    return sum(
        1 for payload in payloads for r in decode(payload).records
        if len(r.word_counts) and ids & {int(t) for t in r.terms[np.unique(r.indices)]}
    )


def test_topics_says_how_many_articles_of_the_shared_index_hold_each_topic(corpus, pg_url, tmp_path):
    from summarizer.ranking.topics import BUILTIN_TOPICS

    assert newsdigest("index", str(corpus), "--index", pg_url, "--workers", "1").returncode == 0
    payloads = [bytes(p) for (p,) in rows(pg_url, "SELECT payload FROM newsdigest.payloads")]
    run = newsdigest("topics", "--index", pg_url)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    for topic in BUILTIN_TOPICS:
        expected = keyword_articles(pg_url, list(topic.keywords), payloads)
        at = lines.index(next(line for line in lines if line.startswith(f"{topic.name}  (")))
        counted = next(line for line in lines[at:] if line.startswith("  in the index: "))
        assert counted.startswith(f"  in the index: {expected} of 60 articles hold a keyword (sentences: ")
        assert 0 < expected < 60
    assert lines[-1].startswith("counted by the index server: 60 articles, ")
    # The articles of some files, as indexed: the two copies of one text count twice.
    copies = corpus / "copies"
    (tmp_path / "new.txt").write_text("Talks resumed in Velmora.\n")
    json_run = newsdigest("topics", str(copies), str(tmp_path / "new.txt"), "--index", pg_url, "--format", "json")
    assert json_run.returncode == 0, json_run.stderr
    import json

    data = {t["name"]: t["in_index"] for t in json.loads(json_run.stdout)}
    copy_payload = [decode(p) for p in payloads if decode(p).records[0].text in (copies / "same-a.txt").read_text()]
    for topic in BUILTIN_TOPICS:
        one = keyword_articles(pg_url, list(topic.keywords), [p for p in payloads
                                                             if decode(p).records[0].text == copy_payload[0].records[0].text])
        assert data[topic.name]["articles"] == 2 * one and data[topic.name]["of"] == 2
    text = newsdigest("topics", str(copies), str(tmp_path / "new.txt"), "--index", pg_url).stdout
    assert "counted by the index server: 2 articles" in text and "(3 files given, 2 indexed)" in text
    assert "1 of the files is not indexed yet" in text
    # Without a shared index there is nothing to count files with.
    usage = newsdigest("topics", str(copies), env={"NEWSDIGEST_INDEX": ""})
    assert usage.returncode == 2 and "needs a shared index (--index URL)" in usage.stderr
