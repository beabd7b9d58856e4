"""Answers to questions that ask how many or how much (see :func:`~summarizer.ranking.topics.asks_quantity`):
sentences that give a number of what was asked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..reading.terms import words

if TYPE_CHECKING:
    from .corpus import Corpus


_MONTHS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july
    august september october november december""".split()
)
_NUMBER = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion trillions dozen dozens half""".split()
)
_PERCENT = frozenset({"percent", "%", "pct"})


def quantities(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words (as :func:`~summarizer.reading.terms.words` splits it) give a
    quantity: a number or a number word ("40", "60,000", "hundreds"), not a year or a day of the
    month ("1999", "Nov 25"; a year followed by "percent" is a quantity)."""
    found = []
    for n, word in enumerate(written):
        if _NUMBER.fullmatch(word):
            after = written[n + 1].lower() if n + 1 < len(written) else ""
            before = written[n - 1].lower() if n else ""
            is_year = bool(_YEAR.fullmatch(word)) and after not in _PERCENT
            found.append(not is_year and before not in _MONTHS and after not in _MONTHS)
        else:
            found.append(word.lower() in _NUMBER_WORDS)
    return found


def gives_quantity(corpus: Corpus, rows: np.ndarray, asked: frozenset[str], window: int = 3) -> np.ndarray:
    """Whether each of the sentences ``rows`` gives a quantity of what was asked: a number within
    ``window`` words of one of the stems ``asked`` ("40 trucks", "60,000 litres of drinking
    water", "the death toll rose to 7,085")."""
    stem = corpus.analyzer.stem
    found = []
    for row in rows:
        written = words(corpus.sentences[row].text)
        numbers = [n for n, is_number in enumerate(quantities(written)) if is_number]
        found.append(any(stem(written[m].lower()) in asked
                         for n in numbers for m in range(max(0, n - window), min(len(written), n + window + 1))))
    return np.array(found, dtype=bool)
