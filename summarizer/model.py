"""The data model: plain frozen dataclasses shared by the engine, the CLI and the app."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["body", "heading", "boilerplate", "metadata"]


@dataclass(frozen=True)
class Block:
    """A paragraph-level region of an article's text."""

    index: int
    start: int
    end: int
    kind: BlockKind
    reason: str = ""
    """Why the block is not body text (boilerplate and metadata only)."""


@dataclass(frozen=True)
class Metadata:
    """What the caller already knows about an article (from JSON fields, a file name...)."""

    id: str
    title: str | None = None
    date: str | None = None
    path: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body; ``article.text[start:end] == text``."""

    article_id: str
    index: int
    """Position among the article's sentences."""
    paragraph: int
    """Index of the block (paragraph) that holds the sentence."""
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    """The article text every offset refers to (decoded, line endings normalised to ``\\n``)."""
    date: str | None = None
    path: str | None = None
    url: str | None = None
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    def excluded(self) -> tuple[Block, ...]:
        """The blocks kept out of summaries because they are publisher boilerplate."""
        return tuple(b for b in self.blocks if b.kind == "boilerplate")

    def span(self, block: Block) -> str:
        """The text of one of the article's blocks."""
        return self.text[block.start : block.end]

    @property
    def sentence_count(self) -> int:
        return len(self.sentences)

    @property
    def text_hash(self) -> str:
        """The SHA-256 of the text, in hex: what knows an article wherever its file is."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Topic:
    name: str
    label: str
    keywords: tuple[str, ...]
    description: str = ""
    origin: str = "built-in"
    """``built-in``, ``query`` or the path of the topics file that defined it."""
    context: tuple[str, ...] = ()
    """Words that belong to the topic only where one of its keywords is used ("talks", "host" and
    "meeting" for mediation): they add to a sentence's relevance, and match only in articles that
    use a keyword. A talk show's host is not mediation."""


@dataclass(frozen=True)
class Novelty:
    """What an update summary's sentence adds to what the reader has already read."""

    new_terms: tuple[str, ...]
    """Content words of the sentence that no read sentence holds, and the figures it gives that the
    closest read sentence does not."""
    read_similarity: float
    """The largest share of the sentence's content (idf-weighted words) that one sentence
    already read holds, 0..1."""
    closest_read: Sentence | None
    """That read sentence (None when no read sentence shares a term)."""


@dataclass(frozen=True)
class Repeat:
    """A candidate left out of an update summary because it restates a sentence already read."""

    sentence: Sentence
    read: Sentence
    similarity: float


@dataclass(frozen=True)
class Explanation:
    """Why a sentence was chosen."""

    matched_terms: tuple[str, ...]
    """Words of the sentence that match the topic's own keywords."""
    related_terms: tuple[str, ...]
    """Words that match terms the topic was expanded with (frequent in the topic's sentences)."""
    relevance: float
    """Similarity to the topic, 0..1 within this topic's candidates."""
    centrality: float
    """Cross-document centrality among the topic's candidates, 0..1."""
    redundancy: float
    """Highest similarity to a sentence chosen before it (what redundancy control charged)."""
    novelty: Novelty | None = None
    """In an update summary (a read set was given): what the sentence adds; else None."""
    answers: str | None = None
    """For a typed question, when the sentence was chosen as one of its answers (which come
    before the rest): what it gives of what was asked, "how many", "when", "where", "what it is",
    "why", "who", or "what few articles say" (its words that few of the articles use); else None."""
    retells: Sentence | None = None
    """When the sentence took the place of an earlier telling (an earlier article's sentence in like
    words, giving other figures or another day, now out of date): that sentence; else None."""


@dataclass(frozen=True)
class SummarySentence:
    sentence: Sentence
    score: float
    sources: tuple[Sentence, ...]
    """The sentence itself first, then sentences of other articles that say the same."""
    explanation: Explanation


@dataclass(frozen=True)
class Summary:
    """The merged summary of one topic."""

    topic: Topic
    method: str
    sentences: tuple[SummarySentence, ...]
    candidates: int
    """How many sentences of the corpus matched the topic."""
    articles: int
    """How many articles were searched."""
    repeats: tuple[Repeat, ...] = ()
    """In an update summary: the best candidates left out as already read (at most a few)."""
    unmentioned: tuple[str, ...] = ()
    """Names a question asks about (as written) that no article mentions, or, without such names,
    its phrases when no sentence holds two words of any of them ("artificial intelligence"): what
    it asks is not covered here, and the sentences are only the closest ones."""
    unanswered: str | None = None
    """For a question asking how many (how much), when or where that none of the sentences
    answers, what it asks ("how many", "when", "where"): the sentences are only the closest ones."""
    budget: int | None = None
    """The word budget when candidates were found but none fitted it."""
    shortest: int | None = None
    """With ``budget``: the words of the shortest candidate that could stand alone."""

    @property
    def caveat(self) -> str | None:
        """What to tell the reader before the sentences of a question the articles barely cover."""
        if not self.sentences:
            return None
        if self.unmentioned:
            return f"nothing here mentions {_join(self.unmentioned)}; the closest sentences:"
        if self.unanswered:
            return f"nothing here says {self.unanswered}; the closest sentences:"
        return None

    @property
    def message(self) -> str | None:
        """What to tell the reader when the topic found nothing."""
        if self.sentences:
            return None
        plural = "" if self.articles == 1 else "s"
        if self.unmentioned:
            return f"nothing here mentions {_join(self.unmentioned)} ({self.articles} article{plural})"
        if self.repeats:
            return (f"nothing new about {self._about} in {self.articles} article{plural}: "
                    "what they say about it was already read")
        if self.budget is not None and self.shortest is not None:
            return (f"no sentence about {self._about} fits in {self.budget} "
                    f"word{'' if self.budget == 1 else 's'} (the shortest has {self.shortest})")
        if self.candidates:
            # Sentences mention it, and none can be shown alone: say so, not that nothing is here.
            one = self.candidates == 1
            found = "1 sentence mentions it" if one else f"{self.candidates} sentences mention it"
            return (f"no sentence about {self._about} stands alone in a summary ({found} in {self.articles} "
                    f"article{plural}, {'' if one else 'each '}too short or only part of a statement)")
        return f"no sentences about {self._about} in {self.articles} article{plural}"

    @property
    def _about(self) -> str:
        """The topic in a sentence: a topic's name ("security"), a question as it was asked, in
        quotes ("Why did Mara Quill resign?": not "why did mara quill resign?" run into the words)."""
        label = self.topic.label
        if self.topic.origin == "query" and self.topic.description.rstrip().endswith("?"):
            return f'"{label}"'
        return label.lower()


def _join(names: tuple[str, ...]) -> str:
    """``Ukraine``, ``Ukraine or Moldova``, ``Ukraine, Moldova or Crimea``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


@dataclass(frozen=True)
class Digest:
    """Everything one run produced: the corpus and a summary per topic."""

    articles: tuple[Article, ...]
    summaries: tuple[Summary, ...]
    warnings: tuple[str, ...] = field(default=())
    read_articles: tuple[Article, ...] = field(default=())
    """An update digest: the articles already read, whose information it leaves out (empty:
    a generic digest)."""

    @property
    def is_update(self) -> bool:
        return bool(self.read_articles)
