"""Words to terms: tokenising, sumy's English stop words and its (Snowball) stemmer."""

from __future__ import annotations

import re
from functools import lru_cache

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

# Letters with inner apostrophes or hyphens, or numbers with their separators.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")

# Words the stemmer would merge with a word of another meaning, common enough in news to matter:
# a president's "aides" are not "aid", "assistants" are not "assistance", being "forced" to do
# something is not armed "forces", and AIDS is not aid. (WordNet's exception lists play this
# part for ROUGE.)
STEM_EXCEPTIONS = {
    "aide": "aide", "aides": "aide", "assistant": "assistant", "assistants": "assistant",
    "forced": "forced", "forcing": "forced", "forcibly": "forced",
}
_ACRONYMS = {"AIDS": "aids"}


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written."""
    return _WORD.findall(text)


class TermAnalyzer:
    """Maps text to index terms: lower-cased, stemmed words that are not stop words."""

    def __init__(self, language: str = "english") -> None:
        self.language = language
        self.stop_words = frozenset(get_stop_words(language))
        self._stem = lru_cache(maxsize=200_000)(Stemmer(language))

    def stem(self, word: str) -> str:
        if word in _ACRONYMS:
            return _ACRONYMS[word]
        lowered = _POSSESSIVE.sub("", word.lower())
        return STEM_EXCEPTIONS.get(lowered) or self._stem(lowered)

    def __call__(self, text: str) -> list[str]:
        terms = []
        for word in words(text):
            lowered = _POSSESSIVE.sub("", word.lower())
            if lowered in self.stop_words or len(lowered) < 2 or lowered.isdigit():
                continue
            terms.append(_ACRONYMS.get(word) or STEM_EXCEPTIONS.get(lowered) or self._stem(lowered))
        return terms
