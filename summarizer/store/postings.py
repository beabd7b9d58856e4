"""Per-article postings and corpus statistics, from stored payloads (the PostgreSQL index's
``article_terms`` and ``term_frequency`` tables, see :mod:`summarizer.store.postgres`).

One row per article (a record of a payload), never one per sentence: the article's distinct term
ids, sorted, and for each how many of its sentences hold it. From those rows a server answers a
topic's candidate articles (``term_ids && topic``, a GIN index) and the statistics of any set of
articles (one aggregate), and keeps the whole index's statistics up to date at ingest.

The arrays are read from a payload's header and integer arrays only (the layout of
:func:`summarizer.store.ingest.encode`), without decoding the articles' texts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from .ingest import payload_sections

INT4_MAX = 2**31 - 1


class ArticleTerms(NamedTuple):
    """The postings of one article (record ``record`` of its payload)."""

    record: int
    sentences: int
    """How many sentences the article has."""
    term_ids: np.ndarray
    """int32, the article's distinct term ids (the index's numbering), ascending."""
    term_sentences: np.ndarray
    """int32, for each of ``term_ids``, how many of the article's sentences hold it."""


def article_terms(payload: bytes | memoryview) -> list[ArticleTerms]:
    """The postings of every record of a payload, in record order; ValueError when malformed."""
    try:
        _, header, ints, small = payload_sections(payload)
        out = []
        i = j = 0
        for number, a in enumerate(header["articles"]):
            n, nnz, terms, bigrams = a["n"], a["nnz"], a["terms"], a["bigrams"]
            j += 3 * n + n + (n + 1)  # offsets, word counts, indptr
            indices = small[j : j + nnz]
            j += nnz + nnz + n + (n + 1) + 2 * bigrams  # indices, counts, flags, bigrams
            ids = ints[i : i + terms]
            i += terms
            if len(indices) != nnz or len(ids) != terms or (nnz and (indices.min() < 0 or indices.max() >= terms)):
                raise ValueError("arrays out of bounds")
            if terms and (ids.min() < 0 or ids.max() > INT4_MAX):
                raise ValueError("term ids out of range")
            # A sentence's indices are its distinct terms: how many sentences hold each term.
            per_term = np.bincount(indices, minlength=terms)
            order = np.argsort(ids, kind="stable")
            out.append(ArticleTerms(number, n, ids[order].astype(np.int32), per_term[order].astype(np.int32)))
        if i != len(ints) or j != len(small):
            raise ValueError("payload size mismatch")
        return out
    except (KeyError, TypeError, IndexError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"malformed payload: {error}") from None


def pg_array(values: np.ndarray) -> str:
    """An int array in PostgreSQL's text form (``{1,2,3}``), for ``unnest(%s::text[])::int4[]``."""
    return "{" + ",".join(map(str, values.tolist())) + "}"


class Delta(NamedTuple):
    """A change to the corpus statistics: per term (ascending ids), sentences and articles
    added (negative: removed), and the change of the totals."""

    term_ids: list[int]
    sentences: list[int]
    articles: list[int]
    total_articles: int
    total_sentences: int


def delta(added: Iterable[ArticleTerms], removed: Iterable[ArticleTerms]) -> Delta:
    """The net change of the statistics when ``added`` articles enter and ``removed`` leave: one
    row per term touched, in term-id order (the order rows are locked in, so that concurrent
    writers never deadlock), terms whose change is nil left out."""
    ids, sentences, articles = [], [], []
    total_articles = total_sentences = 0
    for sign, rows in ((1, added), (-1, removed)):
        for row in rows:
            ids.append(np.asarray(row.term_ids, dtype=np.int64))
            sentences.append(sign * np.asarray(row.term_sentences, dtype=np.int64))
            articles.append(np.full(len(row.term_ids), sign, dtype=np.int64))
            if row.sentences:
                total_articles += sign
                total_sentences += sign * int(row.sentences)
    if not ids:
        return Delta([], [], [], total_articles, total_sentences)
    every = np.concatenate(ids)
    terms, where = np.unique(every, return_inverse=True)
    by_sentences = np.bincount(where, weights=np.concatenate(sentences), minlength=len(terms)).astype(np.int64)
    by_articles = np.bincount(where, weights=np.concatenate(articles), minlength=len(terms)).astype(np.int64)
    keep = (by_sentences != 0) | (by_articles != 0)
    return Delta(terms[keep].tolist(), by_sentences[keep].tolist(), by_articles[keep].tolist(),
                 total_articles, total_sentences)
