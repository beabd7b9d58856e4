"""How much a shared index holds about each topic: ``newsdigest topics --index URL [PATH…]``.

Answered on the server from the postings of schema version 4 (see :mod:`summarizer.store.postings`),
without reading, parsing or loading any article:

- the whole index: the statistics kept at ingest (articles, sentences, and the sentences holding
  each keyword) and, per topic, the articles holding any of its keywords (``term_ids && keywords``,
  which the GIN index answers);
- the articles of some files or folders, as they were indexed (by path): the set's statistics in
  one aggregate and each topic's candidate articles in one query each.

A topic's candidate articles are those a summary of the same articles ranks sentences from: the
articles holding one of its keywords (see :func:`summarizer.ranking.ranker.topic_rows`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..model import Topic


@dataclass(frozen=True)
class TopicCoverage:
    name: str
    articles: int
    """Articles holding at least one of the topic's keywords."""
    keywords: tuple[tuple[str, int], ...]
    """The topic's one-word keywords found, with the sentences holding each, most first (keywords
    of one stem once, by the first of them)."""


@dataclass(frozen=True)
class Coverage:
    articles: int
    """Articles counted (with at least one sentence): the whole index's distinct texts, or the
    articles of the files given (each file counted, the same text under two paths twice)."""
    sentences: int
    files: int | None
    """Files given and found (None: the whole index)."""
    not_indexed: int
    """Files given that the index does not hold (not indexed yet, or by another version)."""
    topics: tuple[TopicCoverage, ...]


def topic_coverage(
    url: str, topics: Sequence[Topic], paths: Sequence[str] | None = None,
    on_warning: Callable[[InputError], None] | None = None,
) -> Coverage:
    """The coverage of ``topics`` in the index at ``url``: the whole index, or the articles of the
    files under ``paths`` as indexed."""
    from ..reading.inputs import discover
    from ..reading.terms import TermAnalyzer
    from .postgres import PostgresIndexStore, stems_lookup

    analyzer = TermAnalyzer()
    analyzer.stems_from(stems_lookup(url), url)  # the stems the index knows: no stemmer loaded
    keywords = {t.name: [w for phrase in t.keywords for w in phrase.split()] for t in topics}
    stems = {w: analyzer.stem(w) for words in keywords.values() for w in words}
    store = PostgresIndexStore(url)
    try:
        ids = store.known_term_ids(stems.values())

        def topic_ids(topic: Topic) -> list[int]:
            return sorted({ids[stems[w]] for w in keywords[topic.name] if stems[w] in ids})

        def found(topic: Topic, sentences_of: Callable[[int], int]) -> tuple[tuple[str, int], ...]:
            by_stem: dict[str, str] = {}  # "mediation" and "mediate" are one term: named by the first
            for word in topic.keywords:
                if " " not in word and stems[word] in ids:
                    by_stem.setdefault(stems[word], word)
            counted = [(w, sentences_of(ids[stem])) for stem, w in by_stem.items()]
            return tuple(sorted((c for c in counted if c[1]), key=lambda c: -c[1]))

        if paths is None:
            articles, sentences, per_term = store.statistics(list(ids.values()))
            return Coverage(articles, sentences, None, 0, tuple(
                TopicCoverage(t.name, store.candidate_count(topic_ids(t)),
                              found(t, lambda i: per_term.get(i, (0, 0))[0]))
                for t in topics
            ))
        files = [f for f in discover(list(paths), on_warning or (lambda error: None)) if not f.is_stdin]
        by_path = store.payloads_of_paths([os.path.abspath(f.path) for f in files])
        hashes = [by_path[p] for p in (os.path.abspath(f.path) for f in files) if p in by_path]
        listed = Counter(hashes)
        articles, sentences, set_terms = store.set_statistics(hashes)
        return Coverage(articles, sentences, len(files), len(files) - len(hashes), tuple(
            TopicCoverage(t.name, sum(listed[h] for h, _ in store.candidate_articles(hashes, topic_ids(t))),
                          found(t, lambda i: set_terms.get(i, 0)))
            for t in topics
        ))
    finally:
        store.close()
