"""The JSON form of a digest: a documented, versioned schema (see docs/json-schema.md)."""

from __future__ import annotations

from typing import Any

from .model import Article, Digest, Sentence, Summary, SummarySentence

SCHEMA = "newsdigest.summary"
SCHEMA_VERSION = 1


def digest_to_dict(digest: Digest, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Plain JSON-ready data; article text is kept exactly (``json.dumps`` escapes controls)."""
    cited: dict[str, int] = {}
    for summary in digest.summaries:
        for item in summary.sentences:
            for source in item.sources:
                cited[source.article_id] = cited.get(source.article_id, 0) + 1
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "settings": settings or {},
        "topics": [_summary(s) for s in digest.summaries],
        "articles": [_article(a, cited.get(a.id, 0)) for a in digest.articles],
        "excluded": [
            {
                "article_id": a.id,
                "start": b.start,
                "end": b.end,
                "kind": b.reason.split(":", 1)[0],
                "reason": b.reason.split(":", 1)[-1].strip(),
                "text": a.text[b.start : b.end],
            }
            for a in digest.articles
            for b in a.excluded()
        ],
        "warnings": list(digest.warnings),
    }


def _summary(summary: Summary) -> dict[str, Any]:
    topic = summary.topic
    return {
        "name": topic.name,
        "label": topic.label,
        "description": topic.description,
        "keywords": list(topic.keywords),
        "origin": topic.origin,
        "method": summary.method,
        "candidates": summary.candidates,
        "message": summary.message,
        "sentences": [_item(i, rank) for rank, i in enumerate(summary.sentences, 1)],
    }


def _item(item: SummarySentence, rank: int) -> dict[str, Any]:
    why = item.explanation
    return {
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


def _location(sentence: Sentence) -> dict[str, Any]:
    return {
        "article_id": sentence.article_id,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
    }


def _article(article: Article, cited: int) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "path": article.path,
        "url": article.url,
        "sentences": len(article.sentences),
        "cited": cited,
    }
