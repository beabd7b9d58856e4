"""Numbering sources the way a reader expects: [1] is the first article cited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app imports this module before the engine is loaded
    from summarizer import Article, Digest, SummarySentence


@dataclass(frozen=True)
class Citations:
    numbers: dict[str, int]
    """Article id to its citation number."""
    articles: tuple[Article, ...]
    """The cited articles, in citation-number order."""

    @classmethod
    def of(cls, digest: Digest) -> Citations:
        by_id = {a.id: a for a in digest.articles}
        numbers: dict[str, int] = {}
        for summary in digest.summaries:
            for item in summary.sentences:
                for source in item.sources:
                    numbers.setdefault(source.article_id, len(numbers) + 1)
        return cls(numbers, tuple(by_id[i] for i in numbers))

    def markers(self, item: SummarySentence) -> str:
        return "".join(f"[{self.numbers[s.article_id]}]" for s in item.sources)


def display_path(path: str) -> str:
    """A path as a reader wants it: relative when it lies under the current directory."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path
