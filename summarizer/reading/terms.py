"""Words to terms: tokenising, sumy's English stop words and its (Snowball) stemmer.

The stemmer (NLTK: a third of a second of imports) is loaded the first
time a word is not in the analyzer's table of known stems; the article index fills that table
(see :meth:`TermAnalyzer.know`), so that a run over indexed articles never loads it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from importlib import util
from pathlib import Path

from .nltk_import import load_nltk

# Letters with inner apostrophes or hyphens, or numbers with their separators.
WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
"""A word as the index counts it: letters with apostrophes and hyphens inside ("Australia's",
"cease-fire"), or a number ("60,000", "3.5"); "Aurora-1" is two words, "Aurora" and "1"."""
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
    return WORD.findall(text)


@functools.cache  # every TermAnalyzer asks; the file does not change while the process runs
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for ``language``, read from its data without importing ``sumy.utils``
    (which imports requests and pycountry) when the language is named as sumy names its files."""
    spec = util.find_spec("sumy")  # where sumy is, without importing it
    folders = spec.submodule_search_locations if spec is not None else None
    try:
        if not folders:
            raise FileNotFoundError("sumy")
        data = (Path(folders[0]) / "data" / "stopwords" / f"{language}.txt").read_bytes()
    except OSError:  # "en", "eng", or a language sumy lacks: sumy's own lookup says which
        from sumy.utils import get_stop_words

        return frozenset(get_stop_words(language))
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


MAX_KNOWN_STEMS = 500_000
"""Known stems kept in memory per language; beyond it the table starts again (memory stays bounded)."""


class _StemTable:
    """One language's Snowball stems, shared by every analyzer of the process (a stem depends on
    the word and the language only): the ones known from the index and the ones computed here."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.known: dict[str, str] = {}
        self.learned: dict[str, str] = {}
        self.stemmer: Callable[[str], str] | None = None
        self.source: Callable[[list[str]], dict[str, str]] | None = None
        """Where stems computed before are kept (the index's table), asked on a miss."""
        self.origin: object = None
        """Which index ``source`` reads (its location), so that asking for it again changes nothing."""
        self.not_in_source: set[str] = set()
        """Words prefetched that ``source`` does not know: stemmed here, not asked again one by one."""
        self.generation = 0
        """Changes whenever a known stem may have changed or been forgotten (analyzers' caches of
        terms start again then)."""

    def prefetch(self, lowered: Iterable[str]) -> None:
        """Ask the source at once for the words not known yet (one query, not one per word)."""
        if self.source is not None:
            missing = [w for w in set(lowered) if w not in self.known]
            if missing:
                found = self.source(missing)
                self.known.update(found)
                self.not_in_source.update(w for w in missing if w not in found)

    def __call__(self, lowered: str) -> str:
        stem = self.known.get(lowered)
        # The source spares a run the stemmer's import; once the stemmer is loaded it is quicker
        # than a question to the index (a round trip to a server), asked for every new word while
        # articles are parsed.
        if stem is None and self.source is not None and self.stemmer is None and lowered not in self.not_in_source:
            stem = self.source([lowered]).get(lowered)
            if stem is not None:
                self.known[lowered] = stem
        if stem is None:
            if self.stemmer is None:
                load_nltk()  # NLTK without scipy.stats (see nltk_import)
                from sumy.nlp.stemmers import Stemmer  # imports NLTK

                self.stemmer = Stemmer(self.language)
            if len(self.known) >= MAX_KNOWN_STEMS:
                self.known.clear()
                self.learned.clear()
                self.not_in_source.clear()
                self.generation += 1
            stem = self.known[lowered] = self.learned[lowered] = self.stemmer(lowered)
        return stem


_tables: dict[str, _StemTable] = {}
_UNSEEN: Any = object()  # a word not looked up yet


class TermAnalyzer:
    """Maps text to index terms: lower-cased, stemmed words that are not stop words."""

    def __init__(self, language: str = "english") -> None:
        self.language = language
        self.stop_words = stop_words(language)
        self._stem = _tables.get(language) or _tables.setdefault(language, _StemTable(language))
        self._terms: dict[str, str | None] = {}
        """Word as written -> its term, or None when it makes none (stop word, number, one letter):
        a word seen before costs one look-up. Valid for one generation of the stem table."""
        self._tokens: dict[str, tuple[str, bool]] = {}
        """Word as written -> (its stem, is a stop word), for bigram concepts; the same validity."""
        self._generation = self._stem.generation

    @property
    def learned(self) -> dict[str, str]:
        """Stems computed with the stemmer in this process (lower-cased word -> Snowball stem),
        for the index to keep; whoever stores them clears it."""
        return self._stem.learned

    def know(self, stems: Mapping[str, str]) -> None:
        """Take stems computed before (by this language's stemmer: lower-cased word -> stem)."""
        self._stem.known.update(stems)
        self._stem.generation += 1

    def stems_from(self, source: Callable[[list[str]], dict[str, str]] | None, origin: object = None) -> None:
        """Ask ``source`` (lower-cased words -> their stems, for the words it knows) before the
        stemmer: a run over indexed articles reads the stems it needs and loads no stemmer.
        ``origin`` names where it reads."""
        self._stem.source, self._stem.origin = source, origin
        self._stem.not_in_source.clear()
        self._stem.generation += 1

    def stems_come_from(self, origin: object) -> bool:
        """Whether the stems are already asked of ``origin`` (see :meth:`stems_from`)."""
        return origin is not None and self._stem.source is not None and self._stem.origin == origin

    def prefetch(self, written: Iterable[str]) -> None:
        """Make the stems of these words (as written) known with one look-up in the source."""
        self._stem.prefetch(_POSSESSIVE.sub("", w.lower()) for w in set(written))

    def stem(self, word: str) -> str:
        if word in _ACRONYMS:
            return _ACRONYMS[word]
        lowered = _POSSESSIVE.sub("", word.lower())
        return STEM_EXCEPTIONS.get(lowered) or self._stem(lowered)

    def __call__(self, text: str) -> list[str]:
        return self.terms(words(text))

    def terms(self, written: list[str]) -> list[str]:
        """The index terms of these words (as :func:`words` gives them), in order."""
        terms = []
        cache = self._fresh_caches()[0]
        known = cache.get
        for word in written:
            term = known(word, _UNSEEN)
            if term is _UNSEEN:
                term = self._term(word)
                cache = self._fresh_caches()[0]  # the stem table may have started again
                cache[word] = term
            if term is not None:
                terms.append(term)
        return terms

    def tokens(self, written: list[str]) -> list[tuple[str, bool]]:
        """(stem, is a stop word) of each word as written, in order: what bigram concepts are made
        of (stop words included). A word seen before costs one look-up."""
        cache = self._fresh_caches()[1]
        found = []
        for word in written:
            token = cache.get(word)
            if token is None:
                token = (self.stem(word), word.lower() in self.stop_words)
                cache = self._fresh_caches()[1]
                cache[word] = token
            found.append(token)
        return found

    def terms_and_tokens(self, written: list[str]) -> tuple[list[str], list[tuple[str, bool]]]:
        """``(self.terms(written), self.tokens(written))``: what parsing keeps of each word (see
        :class:`WordCodes`, which asks once per word it numbers)."""
        return self.terms(written), self.tokens(written)

    def _fresh_caches(self) -> tuple[dict[str, str | None], dict[str, tuple[str, bool]]]:
        """The word caches, emptied when the stem table changed or they grew too large."""
        if (self._generation != self._stem.generation or len(self._terms) >= MAX_KNOWN_STEMS
                or len(self._tokens) >= MAX_KNOWN_STEMS):
            self._terms.clear()
            self._tokens.clear()
            self._generation = self._stem.generation
        return self._terms, self._tokens

    def _term(self, word: str) -> str | None:
        lowered = _POSSESSIVE.sub("", word.lower())
        if lowered in self.stop_words or len(lowered) < 2 or lowered.isdigit():
            return None
        return _ACRONYMS.get(word) or STEM_EXCEPTIONS.get(lowered) or self._stem(lowered)


class WordCodes:
    """Words as written, numbered for array work: what :meth:`TermAnalyzer.terms_and_tokens` says
    of each word, kept as numbers, so that parsing turns a whole article's words into its term
    counts and bigrams with a few array operations instead of a loop over every word.

    :meth:`codes` numbers words; for a number ``c``, ``terms[c]`` is the number of its term (-1: it
    makes none), ``stems[c]`` the number of its token's stem and ``stops[c]`` whether it is a stop
    word; ``strings[k]`` is the string numbered ``k`` (terms and stems share the numbering). The
    tables start again when the analyzer's caches do or when they hold :data:`MAX_KNOWN_STEMS`
    words, before a call, never during one."""

    def __init__(self, analyzer: TermAnalyzer) -> None:
        self.analyzer = analyzer
        self._generation = -1
        self._clear()

    def _clear(self) -> None:
        import numpy as np

        self._codes: dict[str, int] = {}
        self._numbers: dict[str, int] = {}
        self.strings: list[str] = []
        self.terms = np.empty(1024, dtype=np.int64)
        self.stems = np.empty(1024, dtype=np.int64)
        self.stops = np.empty(1024, dtype=np.bool_)

    def codes(self, written: list[str]):
        """The number of each word (an int64 array); the term and token of a new word computed."""
        import numpy as np

        analyzer = self.analyzer
        analyzer._fresh_caches()
        if self._generation != analyzer._generation or len(self._codes) >= MAX_KNOWN_STEMS:
            self._clear()
            self._generation = analyzer._generation
        codes = self._codes
        found = list(map(codes.get, written))
        if None in found:
            new = list(dict.fromkeys(w for w, c in zip(written, found) if c is None))
            size = len(codes) + len(new)
            if size > len(self.terms):
                capacity = max(size, 2 * len(self.terms))
                for name in ("terms", "stems", "stops"):
                    old = getattr(self, name)
                    grown = np.empty(capacity, dtype=old.dtype)
                    grown[: len(codes)] = old[: len(codes)]
                    setattr(self, name, grown)
            number = self._number
            for word in new:
                terms, ((stem, stop),) = analyzer.terms_and_tokens([word])
                code = codes[word] = len(codes)
                self.terms[code] = number(terms[0]) if terms else -1
                self.stems[code] = number(stem)
                self.stops[code] = stop
            found = list(map(codes.__getitem__, written))
        return np.array(found, dtype=np.int64)

    def _number(self, string: str) -> int:
        number = self._numbers.get(string)
        if number is None:
            number = self._numbers[string] = len(self.strings)
            self.strings.append(string)
        return number
