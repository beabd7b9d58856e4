"""One model of citations: fixed numbers, the same sources everywhere, counts that agree, folded runs."""

from __future__ import annotations

import itertools
import json
import subprocess

import pytest

from bench.make_corpus import make_corpus
from summarizer import BUILTIN_TOPICS, Corpus, Digester, Length, load_articles
from summarizer.citations import Citations, source_order
from summarizer.schema import digest_to_dict

from .conftest import REPO

NEWSDIGEST = str(REPO / ".venv" / "bin" / "newsdigest")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    """Articles recombined from shared paragraphs: many sentences are printed by several."""
    out = tmp_path_factory.mktemp("generated")
    make_corpus(out, 80, seed=11)
    return Corpus(load_articles([str(out)]))


def digests(corpus: Corpus):
    """The digests a reader goes through: every subset of topics, two methods, two lengths."""
    for size in (1, 2, 3):
        for topics in itertools.combinations(BUILTIN_TOPICS, size):
            for method, length in (("topical", Length(sentences=5)), ("lexrank", Length(sentences=3)), ("topical", Length(words=120))):
                yield Digester(method=method, length=length)(corpus, topics)


def test_numbers_are_fixed_for_the_corpus_whatever_the_topics_or_method(corpus):
    expected = {a.id: n for n, a in enumerate(sorted(corpus.articles, key=source_order), 1)}
    for digest in digests(corpus):
        assert Citations.of(digest).numbers == expected


def test_a_sentence_has_the_same_sources_wherever_it_appears(corpus):
    seen: dict[tuple[str, int], tuple] = {}
    repeated = 0
    for digest in digests(corpus):
        for summary in digest.summaries:
            for item in summary.sentences:
                key = (item.sentence.article_id, item.sentence.start)
                sources = tuple((s.article_id, s.start) for s in item.sources)
                repeated += key in seen
                assert seen.setdefault(key, sources) == sources
    assert repeated  # sentences do appear under several topics and settings


def test_relevance_order_follows_the_score_shown(corpus):
    for digest in digests(corpus):
        for summary in digest.summaries:
            scores = [item.score for item in summary.sentences]
            assert scores == sorted(scores, reverse=True)


def test_every_count_agrees_with_the_citation_model(corpus):
    for digest in digests(corpus):
        citations = Citations.of(digest)
        data = digest_to_dict(digest)
        distinct = {(i.sentence.article_id, i.sentence.start): i for s in digest.summaries for i in s.sentences}
        for article in data["articles"]:
            citing = [i for i in distinct.values() if article["id"] in {s.article_id for s in i.sources}]
            assert article["cited"] == len(citing) == citations.counts.get(article["id"], 0)
            assert article["number"] == citations.numbers[article["id"]]
        assert [a.id for a in citations.articles] == sorted(citations.counts, key=citations.numbers.__getitem__)


def test_long_citation_runs_fold_in_text_and_stay_whole_in_json(tmp_path):
    statement = "The Tarrow ferry will resume crossings to Valdon on Monday, the harbour office said."
    for i in range(40):
        (tmp_path / f"outlet{i:02d}.txt").write_text(
            f"Harbour news {i}\n\n{statement} Outlet {i} adds that ticket prices stay the same this year.\n")
    text = subprocess.run([NEWSDIGEST, "summarize", str(tmp_path), "-q", "ferry crossings"],
                          capture_output=True, text=True, timeout=120)
    line = next(line for line in text.stdout.splitlines() if "ferry will resume" in line)
    assert line.count("[") == 3 and line.rstrip().endswith("+37 more"), line
    data = json.loads(subprocess.run([NEWSDIGEST, "summarize", str(tmp_path), "-q", "ferry crossings", "-f", "json"],
                                     capture_output=True, text=True, timeout=120).stdout)
    item = next(s for s in data["topics"][0]["sentences"] if "ferry will resume" in s["text"])
    assert len(item["sources"]) == 40


def test_piped_stdin_is_the_input_and_dev_null_is_not(tmp_path):
    story = "Aid convoys reached Tarrow on Monday with food and medicine for the shelters, aid agencies said.\n"
    piped = subprocess.run([NEWSDIGEST, "summarize", "-t", "aid"], input=story, capture_output=True, text=True,
                           cwd=tmp_path, timeout=120)
    assert piped.returncode == 0 and "Aid convoys reached Tarrow" in piped.stdout
    assert "seeds" not in piped.stdout
    quiet = subprocess.run([NEWSDIGEST, "summarize", "-t", "aid"], stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, cwd=tmp_path, timeout=120)
    assert quiet.returncode == 0 and "000_34d0cdd35805b61b.txt" in quiet.stdout  # the seeds
