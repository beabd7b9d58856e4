"""Counts as every panel says them, all from the one citation model (:mod:`summarizer.citations`).

The Sources panel, the article screen, the topic headings and the Why panel each say how many
sentences cite an article, or how many articles a topic cites: they ask the same model, so they
never disagree. A topic's counts are the model of a digest holding that topic alone: the same
fixed numbers, the topic's own distinct sentences.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer import Digest

    from ..citations import Citations


def topic_citations(digest: Digest) -> dict[str, Citations]:
    """Each topic's citations, by topic name (the same numbers as the whole digest's)."""
    from ..citations import Citations

    return {s.topic.name: Citations.of(replace(digest, summaries=(s,))) for s in digest.summaries}


def plural(n: int, word: str) -> str:
    """``1 sentence``, ``2 sentences``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def cited_phrase(cited: int, total: int) -> str:
    """``1 of 1 article cited``, ``3 of 12 articles cited``."""
    return f"{cited:,} of {plural(total, 'article')} cited"


def in_summary_phrase(count: int, short: bool = False) -> str:
    """An article's share of the summary: ``3 sentences in the summary`` (short: ``3 in summary``)."""
    if short:
        return f"{count} in summary" if count else "not in summary"
    return f"{plural(count, 'sentence')} in the summary" if count else "not in the summary"
