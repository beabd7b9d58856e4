"""A word's other forms: "sank" and "sunk" of "sink", "began" of "begin", "children" of "child".

Snowball stems regular forms alike ("sinks", "sinking": sink) but leaves irregular ones as they are,
so a question asking "When did the ferry sink?" never met the article saying it sank. The index keeps
its stems; a topic's or question's word is looked for in all its forms (``word_forms.txt``, written
by ``bench/make_word_forms.py`` from lemminflect's inflection table).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path


@functools.cache  # bundled data, read once per process when a topic first asks
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(form -> base form, base form -> its listed forms)."""
    text = Path(__file__).with_name("word_forms.txt").read_text(encoding="utf-8")
    base = dict(line.split(" ", 1) for line in text.splitlines() if line and not line.startswith("#"))
    forms: dict[str, list[str]] = {}
    for form, lemma in base.items():
        forms.setdefault(lemma, []).append(form)
    return base, {lemma: tuple(found) for lemma, found in forms.items()}


def word_forms(word: str) -> tuple[str, ...]:
    """The word (lower-cased) and its irregular relatives: its base form and that base form's other
    listed forms ("sink": sink, sank, sunk; "began": began, begin, begun; "leads": leads, lead, led;
    "talks": talks)."""
    lowered = word.lower()
    lemma = base_form(lowered)
    return tuple(dict.fromkeys((lowered, lemma, *_tables()[1].get(lemma, ()))))


def _synonym_groups() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The groups of ``synonyms.txt``: (its words, the words they find that do not find them)."""
    text = Path(__file__).with_name("synonyms.txt").read_text(encoding="utf-8")
    lines = [line.partition(">") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((tuple(words.split()), tuple(narrower.split())) for words, _, narrower in lines)


@functools.lru_cache(maxsize=4)  # a table per stemmer, made when a question first asks
def _synonyms_by_stem(stem: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """The stem of each word of a group, in each of its forms -> the words it finds."""
    return {stem(form): (*words, *narrower) for words, narrower in _synonym_groups()
            for word in words for form in word_forms(word)}


def synonyms(word: str, stem: Callable[[str], str]) -> tuple[str, ...]:
    """The other words news uses for what the word names, in all their forms ("abducted": kidnap,
    kidnapped, seize, seized ...; "blast": explosion, explode, ...; see ``synonyms.txt``), by ``stem``,
    the index's stemmer; empty for a word of no group."""
    lowered = word.lower()
    found = _synonyms_by_stem(stem).get(stem(base_form(lowered)), ())
    own = {stem(form) for form in word_forms(lowered)}
    return tuple(dict.fromkeys(form for other in found for form in word_forms(other) if stem(form) not in own))


def demonyms(name: str) -> tuple[str, ...]:
    """What news may call a place's people or things, or the place of a people (lower-cased guesses, for
    the index to confirm): "Tarsenia": tarsenian; "Mexico": mexican; "Israeli": israel. Names only:
    "media" is no "median"."""
    word = name.lower()
    if len(word) < 4 or not word.isalpha():
        return ()
    found = [word + "n"] if word.endswith("a") else []
    if word.endswith("o"):
        found.append(word[:-1] + "an")
    if word[-1] not in "aeiou":
        found += [word + "ian", word + "ese", word + "i", word + "an"]
    if word.endswith("ian"):
        found += [word[:-1], word[:-3]]
    elif word.endswith("an"):
        found += [word[:-1], word[:-2] + "o", word[:-2]]
    if word.endswith("ese"):
        found.append(word[:-3])
    if word.endswith("i"):
        found.append(word[:-1])
    return tuple(dict.fromkeys(form for form in found if len(form) >= 4 and form != word))


def base_form(word: str) -> str:
    """The base form of a word (lower-cased) whose forms are listed ("knew", "known": know; "leads":
    lead), else the word itself."""
    lowered = word.lower()
    base, forms = _tables()
    return base.get(lowered) or next((guess for guess in _regular_bases(lowered) if guess in forms), lowered)


def _regular_bases(word: str) -> tuple[str, ...]:
    """What a regular third-person or plural form's base may be ("leads": lead; "goes": goes, go), so
    that a question's "Who leads ...?" meets "is led by" as its "Who will lead ...?" does."""
    if word.endswith("s") and len(word) > 3:
        return (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)
    # Not "-ing": "events leading to the war" is no "led" (DUC 2007's update questions lost by it).
    return ()


TOLL = frozenset({"die", "dead", "death", "kill", "fatal", "drown", "bodi"})
"""Stems of a death toll, the commonest count news gives: people who "died" are counted as "41
dead", "the death toll", "killed 17", "four fatalities" alike."""


PRICE = frozenset({"cost", "price", "sell", "sold", "retail"})
"""Stems of what a thing costs: "How much does it cost?" is answered by "priced at 899 crowns",
"sells for", "retails at" alike."""


DISPLACED = frozenset({"flee", "fled", "displac", "uproot"})
"""Stems of the count of people driven from their homes: those who "fled" are counted as "displaced"
(31,000 displaced, the displacement of 31,000) and "uprooted" alike."""


def counted_forms(stem: str) -> frozenset[str]:
    """The stems that say a count or a sum asked with a word of it (:data:`TOLL`, :data:`PRICE`,
    :data:`DISPLACED`), or none."""
    return next((words for words in (TOLL, PRICE, DISPLACED) if stem in words), frozenset())
