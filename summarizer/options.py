"""The choices a run offers (methods, orders, length), importable without the engine's weight.

The command line builds its parser from these before numpy, scipy, sumy and NLTK are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_METHOD = "topical"
SUMY_METHODS: tuple[str, ...] = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction")
METHODS: tuple[str, ...] = (DEFAULT_METHOD, *SUMY_METHODS, "lead")
METHOD_DESCRIPTIONS = {
    "topical": "topic-biased LexRank candidates, then coverage of concepts shared across articles (default)",
    "lexrank": "sumy LexRank over the topic's sentences",
    "textrank": "sumy TextRank over the topic's sentences",
    "lsa": "sumy latent semantic analysis over the topic's sentences",
    "luhn": "sumy Luhn (significant words) over the topic's sentences",
    "edmundson": "sumy Edmundson with the topic's keywords as bonus words",
    "kl": "sumy KL-sum over the topic's sentences",
    "sumbasic": "sumy SumBasic over the topic's sentences",
    "reduction": "sumy graph reduction over the topic's sentences",
    "lead": "the first sentences of the newest matching articles (a baseline)",
}
ORDERS: tuple[str, ...] = ("relevance", "chronological")


@dataclass(frozen=True)
class Length:
    """A summary's length: a number of sentences or a word budget (as benchmarks use)."""

    sentences: int | None = None
    words: int | None = None
    fill: bool = False
    """With ``words``: let the last sentence run past the budget, for a scorer that truncates
    at N words as DUC did; summaries for readers never exceed the budget."""

    def __post_init__(self) -> None:
        if (self.sentences is None) == (self.words is None):
            raise ValueError("give either sentences or words")
        if (self.sentences or self.words or 0) < 1:
            raise ValueError("a length must be at least 1")
