"""The JSON form of a digest: a documented, versioned schema (see docs/json-schema.md)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

from .citations import Citations
from .model import Article, Digest, Sentence, Summary, SummarySentence
from .store.stored import excluded_spans, sentence_counts

SCHEMA = "newsdigest.summary"
SCHEMA_VERSION = 2

TABLES = ("articles", "read_articles", "excluded")
"""The top-level fields that are lists of flat objects, one per article or excluded block."""


class JsonTable:
    """A list of flat JSON objects kept column by column: ``columns`` maps each field, in order,
    to its values (strings, integers or nulls), one per object. ``rows()`` is the list of dicts.

    What ``digest_to_dict(..., tables=True)`` gives for the lists of every article: at 100,000
    articles, making a dict per article (and encoding it) was half a second of a two-second run,
    and a renderer can write the JSON from the columns instead (tui/render_json.py does)."""

    __slots__ = ("columns",)

    def __init__(self, columns: dict[str, list[Any]]) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), ()))

    def rows(self) -> list[dict[str, Any]]:
        names = list(self.columns)
        return [dict(zip(names, values)) for values in zip(*self.columns.values())]

    def __eq__(self, other: object) -> bool:
        return self.columns == other.columns if isinstance(other, JsonTable) else NotImplemented

    def __repr__(self) -> str:
        return f"JsonTable({len(self)} rows: {', '.join(self.columns)})"


def digest_to_dict(
    digest: Digest, settings: dict[str, Any] | None = None, update: dict[str, Any] | None = None,
    *, tables: bool = False, with_text: bool = False,
) -> dict[str, Any]:
    """Plain JSON-ready data; article text is kept exactly (``json.dumps`` escapes controls).

    An update digest (``update`` given: its baseline, see docs/json-schema.md) has the fields of
    update summaries too; a generic one has exactly the fields it always had. With ``tables``,
    the fields of :data:`TABLES` are :class:`JsonTable` objects instead of lists of dicts (the
    same values; ``rows()`` gives the lists). With ``with_text``, each article carries its ``text``,
    which the sentences' offsets index."""
    citations = Citations.of(digest)
    is_update = update is not None
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "settings": settings or {},
        "topics": [_summary(s, is_update) for s in digest.summaries],
        "articles": _articles(digest.articles, citations.numbers, citations.counts, with_text),
        "excluded": _excluded(digest.articles),
        "warnings": list(digest.warnings),
    }
    if is_update:
        data["update"] = dict(update)
        data["read_articles"] = _articles(digest.read_articles, citations.numbers, {}, with_text)
    if not tables:
        for key in TABLES:
            if key in data:
                data[key] = data[key].rows()
    return data


def _articles(articles: Sequence[Article], numbers: dict[str, int], counts: dict[str, int],
              with_text: bool = False) -> JsonTable:
    """``articles[]`` (and ``read_articles[]``): id, number, title, date, path, url, sentences, cited
    (and text, ``with_text``)."""
    ids = [a.id for a in articles]
    table = JsonTable({
        "id": ids,
        "number": list(map(numbers.__getitem__, ids)),
        "title": [a.title for a in articles],
        "date": [a.date for a in articles],
        "path": [a.path for a in articles],
        "url": [a.url for a in articles],
        "sentences": sentence_counts(articles),
        "cited": list(map(counts.get, ids, repeat(0))),
    })
    if with_text:
        table.columns["text"] = [a.text for a in articles]
    return table


def _excluded(articles: Sequence[Article]) -> JsonTable:
    """``excluded[]``: each excluded block's article, offsets, kind and reason (its reason is
    "kind: reason"), and text."""
    spans = excluded_spans(articles)
    reasons = [reason.split(":", 1) for _, _, _, reason, _ in spans]
    return JsonTable({
        "article_id": [s[0] for s in spans],
        "start": [s[1] for s in spans],
        "end": [s[2] for s in spans],
        "kind": [r[0] for r in reasons],
        "reason": [r[-1].strip() for r in reasons],
        "text": [s[4] for s in spans],
    })


def _summary(summary: Summary, is_update: bool = False) -> dict[str, Any]:
    topic = summary.topic
    data = {
        "name": topic.name,
        "label": topic.label,
        "description": topic.description,
        "keywords": list(topic.keywords),
        "context": list(topic.context),
        "origin": topic.origin,
        "method": summary.method,
        "candidates": summary.candidates,
        "message": summary.message,
        "caveat": summary.caveat,
        "not_mentioned": list(summary.unmentioned),
        "sentences": [_item(i, rank) for rank, i in enumerate(summary.sentences, 1)],
    }
    if is_update:
        data["already_read"] = [
            {"text": r.sentence.text, **_location(r.sentence), "share": round(r.similarity, 4), "read": _location(r.read)}
            for r in summary.repeats
        ]
    return data


def _item(item: SummarySentence, rank: int) -> dict[str, Any]:
    why = item.explanation
    data = {
        "rank": rank,
        "text": item.sentence.text,
        "score": round(item.score, 6),
        **_location(item.sentence),
        "sources": [_location(s) for s in item.sources],
        "explanation": {
            "matched_terms": list(why.matched_terms),
            "related_terms": list(why.related_terms),
            "relevance": round(why.relevance, 4),
            "centrality": round(why.centrality, 4),
            "redundancy": round(why.redundancy, 4),
        },
    }
    if why.answers is not None:
        data["explanation"]["answers"] = why.answers
    if why.retells is not None:
        data["explanation"]["retells"] = {"text": why.retells.text, **_location(why.retells)}
    if why.novelty is not None:
        closest = why.novelty.closest_read
        data["explanation"]["novelty"] = {
            "new_terms": list(why.novelty.new_terms),
            "read_share": round(why.novelty.read_similarity, 4),
            "closest_read": _location(closest) if closest is not None else None,
        }
    return data


def _location(sentence: Sentence) -> dict[str, Any]:
    return {
        "article_id": sentence.article_id,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
    }
