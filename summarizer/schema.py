"""The JSON form of a digest: a documented, versioned schema (see docs/json-schema.md)."""

from __future__ import annotations

from typing import Any

from .citations import Citations
from .model import Article, Digest, Sentence, Summary, SummarySentence

SCHEMA = "newsdigest.summary"
SCHEMA_VERSION = 2


def digest_to_dict(
    digest: Digest, settings: dict[str, Any] | None = None, update: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Plain JSON-ready data; article text is kept exactly (``json.dumps`` escapes controls).

    An update digest (``update`` given: its baseline, see docs/json-schema.md) has the fields of
    update summaries too; a generic one has exactly the fields it always had."""
    citations = Citations.of(digest)
    is_update = update is not None
    data = {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "settings": settings or {},
        "topics": [_summary(s, is_update) for s in digest.summaries],
        "articles": [_article(a, citations.numbers[a.id], citations.counts.get(a.id, 0)) for a in digest.articles],
        "excluded": [
            {
                "article_id": a.id,
                "start": b.start,
                "end": b.end,
                "kind": b.reason.split(":", 1)[0],
                "reason": b.reason.split(":", 1)[-1].strip(),
                "text": a.span(b),
            }
            for a in digest.articles
            for b in a.excluded()
        ],
        "warnings": list(digest.warnings),
    }
    if is_update:
        data["update"] = dict(update)
        data["read_articles"] = [
            _article(a, citations.numbers[a.id], 0) for a in digest.read_articles
        ]
    return data


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


def _article(article: Article, number: int, cited: int) -> dict[str, Any]:
    return {
        "id": article.id,
        "number": number,
        "title": article.title,
        "date": article.date,
        "path": article.path,
        "url": article.url,
        "sentences": article.sentence_count,
        "cited": cited,
    }
