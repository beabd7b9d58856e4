"""A cheap necessary condition for a regex to match: literals that any match must contain.

Most boilerplate cues are rare words ("donate", "subscribe", "cookie"): looking for a
cue's required literals with ``in`` (a C substring search) settles most paragraphs without
running the regex. ``required_literals(pattern)`` returns strings such that every match of
the pattern contains at least one of them, compared after :func:`fold` (the case folding
``re.IGNORECASE`` uses, including its extra equivalences such as ``ſ`` = ``s``); None when
the pattern guarantees no literal. The regex still decides: the check only skips searches
that cannot succeed, so results are unchanged.
"""

from __future__ import annotations

import re
from re import _casefix, _constants as c, _parser  # type: ignore[attr-defined]

import _sre  # type: ignore[import-not-found]

__all__ = ["fold", "required_literals", "whole_words"]


def _canonical(code: int) -> int:
    lower = _sre.unicode_tolower(code)
    return min((lower, *_casefix._EXTRA_CASES.get(lower, ())))


class _FoldTable(dict):
    """``str.translate`` table: each character to the representative of its case class."""

    def __missing__(self, code: int) -> int:
        self[code] = value = _canonical(code)
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """``text`` with every character replaced by one representative of its case class."""
    return text.translate(_FOLD)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    found = _sequence(_parser.parse(pattern.pattern, pattern.flags).data)
    if not found or any(not s for s in found):
        return None
    return tuple(sorted(found))


_RUN_ONLY = re.compile(r"[^\W_]+")


def whole_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """The required literals (see :func:`required_literals`) that a match holds as a whole run of
    letters and digits: a pattern ``\\b(alternative|...)\\b`` whose alternative is that word and
    nothing else. Around it are characters that are no word characters (or the text's ends), so the
    run of letters and digits holding it is the word itself, and a text without that run cannot
    match: "x" asked of a text with "next" and "tax" is no reason to run ``\\b(... |X)\\b``."""
    items = _parser.parse(pattern.pattern, pattern.flags).data
    boundary = (c.AT, c.AT_BOUNDARY)
    if len(items) != 3 or items[0] != boundary or items[2] != boundary or items[1][0] is not c.SUBPATTERN:
        return frozenset()
    inner = items[1][1][-1].data
    if len(inner) != 1 or inner[0][0] is not c.BRANCH:
        return frozenset()
    whole: set[str] = set()
    elsewhere: set[str] = set()
    for alternative in inner[0][1][1]:
        spelled = _exact_sequence(alternative.data)
        if spelled is not None and len(spelled) == 1 and _RUN_ONLY.fullmatch(next(iter(spelled))):
            whole |= spelled
        else:
            elsewhere |= _sequence(alternative.data) or set()
    return frozenset(whole - elsewhere)


def _sequence(items) -> set[str] | None:
    """The most selective requirement among the items of a sequence (all must match)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(_canonical(av)))
            continue
        end_run()
        found = _item(op, av)
        if found:
            candidates.append(found)
    end_run()
    candidates.extend(_spelled_out(items))
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


_MAX_SPELLED = 64
"""The most strings a stretch of a pattern is spelled out into (see _spelled_out)."""


def _spelled_out(items) -> list[set[str]]:
    """Requirements from stretches of consecutive items that match only a few known strings
    (literals, classes of literal characters, alternations and optional parts of those; zero-width
    anchors such as ``\\b`` match no character): a match holds one of the stretch's strings, each a
    choice per item, one after the other (``\\.(com|org)/`` needs ".com/" or ".org/", not only
    "com" or "org"). A stretch that can match nothing at all is no requirement."""
    found: list[set[str]] = []
    strings: set[str] = {""}
    for op, av in items:
        options = _exact(op, av)
        if options is not None:
            joined = {a + b for a in strings for b in options}
            if len(joined) <= _MAX_SPELLED:
                strings = joined
                continue
        if "" not in strings:
            found.append(strings)
        strings = {""} if options is None else options if len(options) <= _MAX_SPELLED else {""}
    if "" not in strings:
        found.append(strings)
    return found


def _exact(op, av) -> set[str] | None:
    """Every string (folded) one item can match, when there are few; None otherwise."""
    if op is c.LITERAL:
        return {chr(_canonical(av))}
    if op is c.AT:
        return {""}  # an anchor: no character
    if op is c.IN:
        return _item(op, av)
    if op is c.SUBPATTERN:
        return _exact_sequence(av[-1].data)
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            options = _exact_sequence(alternative.data)
            if options is None:
                return None
            union |= options
        return union if len(union) <= _MAX_SPELLED else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, inner = av
        if high == 1:  # "x?" or "x{1}"
            options = _exact_sequence(inner.data)
            return None if options is None else options | ({""} if low == 0 else set())
    return None


def _exact_sequence(items) -> set[str] | None:
    strings: set[str] = {""}
    for op, av in items:
        options = _exact(op, av)
        if options is None:
            return None
        strings = {a + b for a in strings for b in options}
        if len(strings) > _MAX_SPELLED:
            return None
    return strings


def _item(op, av) -> set[str] | None:
    if op is c.IN:
        chars = set()
        for inner_op, inner_av in av:
            if inner_op is not c.LITERAL:
                return None  # ranges, categories, negation: no literal
            chars.add(chr(_canonical(inner_av)))
        return chars
    if op is c.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is c.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative.data)
            if not found:
                return None  # one alternative needs no literal: neither does the branch
            union |= found
        return union
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, inner = av
        return _sequence(inner.data) if low >= 1 else None
    return None  # anchors, assertions, any character, back references
