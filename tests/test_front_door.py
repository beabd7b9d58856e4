"""The engine's front door: a program does with ``import summarizer`` what ``newsdigest summarize``
does (a folder, what is new since the last visit, a ``since`` window), and gets the same digest."""

import json
import os
import time
from datetime import datetime, timedelta

import pytest

import summarizer
from summarizer import Baseline, Length, NothingNew, Request, Run, digest_to_dict, mark_read, run

from .conftest import write
from .test_cli import run as cli
from .test_update import MONDAY, QUERY, REPEATED, TUESDAY_A, TUESDAY_B


def news_folder(tmp_path):
    """Monday's story (its file last changed a week ago) and two of Tuesday's."""
    news = tmp_path / "news"
    monday = write(news / "monday.txt", MONDAY)
    write(news / "tuesday-a.txt", TUESDAY_A)
    write(news / "tuesday-b.txt", TUESDAY_B)
    week_ago = time.time() - 7 * 86400
    os.utime(monday, (week_ago, week_ago))
    return news


def sentences(digest):
    return [item.sentence.text for summary in digest.summaries for item in summary.sentences]


def test_a_program_reads_what_is_new_in_a_folder(tmp_path):
    news, cache = news_folder(tmp_path), tmp_path / "cache"
    request = Request(paths=(str(news),), query=QUERY, length=Length(sentences=2), cache_dir=cache, new=True)

    first = run(request)  # nothing read yet: everything is new
    assert first.baseline == Baseline(since=None, new=3, read=0)
    assert [s.topic.name for s in first.digest.summaries] == ["query"]

    mark_read(cache, [a for a in first.digest.articles if a.path.endswith("monday.txt")])
    update = run(request)
    assert (update.baseline.new, update.baseline.read) == (2, 1) and update.baseline.since is not None
    assert [a.path for a in update.digest.read_articles] == [str(news / "monday.txt")]
    assert not any(REPEATED in text for text in sentences(update.digest))  # what was read is left out

    mark_read(cache, update.digest.articles)
    with pytest.raises(NothingNew) as nothing:
        run(request)
    assert nothing.value.baseline.new == 0 and "all 3 articles already read" in str(nothing.value)


def test_one_path_or_topic_given_alone_is_one(tmp_path):
    # QA walkthrough 17: Request(paths="news/") read "n", "e", "w", "s" and "/", the whole file system.
    news = news_folder(tmp_path)
    for paths in (str(news), news, [str(news)]):
        request = Request(paths=paths, topics="aid", length=Length(sentences=1))
        assert request.paths == (str(news),) and request.topics == ("aid",)
    digest = run(Request(paths=str(news), query=QUERY, length=Length(sentences=1))).digest
    assert len(digest.articles) == 3
    # A topics file and a cache folder written as strings are those paths (it had failed deep in the
    # run: "'str' object has no attribute 'read_text'").
    topics = tmp_path / "mine.toml"
    topics.write_text('[topics.convoys]\nkeywords = ["convoy", "trucks"]\n', encoding="utf-8")
    result = run(Request(paths=str(news), topics_file=str(topics), topics="convoys", cache_dir=str(tmp_path / "c"),
                         length=Length(sentences=1)))
    assert [s.topic.name for s in result.digest.summaries] == ["convoys"] and (tmp_path / "c").is_dir()


def test_a_program_keeps_a_since_window(tmp_path):
    news = news_folder(tmp_path)
    two_days_ago = datetime.now().astimezone() - timedelta(days=2)
    recent = run(Request(paths=(str(news),), since=two_days_ago, length=Length(sentences=2)))
    assert sorted(os.path.basename(a.path) for a in recent.digest.articles) == ["tuesday-a.txt", "tuesday-b.txt"]
    with pytest.raises(summarizer.NoArticlesError, match="none of the 3 articles was published since"):
        run(Request(paths=(str(news),), since=datetime.now().astimezone() + timedelta(days=1)))


def test_the_program_and_the_command_line_give_the_same_digest(tmp_path):
    news, cache = news_folder(tmp_path), tmp_path / "cache"
    mark_read(cache, summarizer.load_articles([str(news / "monday.txt")]))
    args = ["summarize", str(news), "--cache-dir", str(cache), "--new", "-q", QUERY, "-n", "2", "-f", "json"]
    printed = json.loads(cli(*args, cwd=tmp_path).stdout)
    result = run(Request(paths=(str(news),), query=QUERY, length=Length(sentences=2), cache_dir=cache, new=True))
    mine = digest_to_dict(result.digest, printed["settings"], printed["update"])
    assert mine == printed
    assert printed["update"]["new_articles"] == result.baseline.new == 2


def test_a_run_loads_once_and_digests_topic_by_topic():
    """The app's way through the same door: one load, then each topic ranked on its own, with the
    same summaries as the whole run."""
    request = Request(length=Length(sentences=2))  # the seed articles, every topic
    whole = run(request).digest
    steps = Run(request)
    topics, chosen = steps.resolve_topics()
    steps.load()
    one_by_one = [steps.summary(topic, request.method, request.length) for topic in chosen]
    assert steps.assemble(one_by_one, request.order) == whole
    assert steps.digest(chosen, should_cancel=lambda: True) is None  # cancelled before the first topic


def test_the_examples_in_the_engines_docstrings_work():
    import doctest

    import summarizer.request

    for module in (summarizer, summarizer.request):
        assert doctest.testmod(module).failed == 0
