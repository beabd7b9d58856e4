"""The boilerplate cues' literal prefilter never skips a search that would match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.reading.boilerplate import _CATEGORIES
from summarizer.reading.prefilter import fold, required_literals, whole_words

CUES = [cue for category in _CATEGORIES for cue in category.cues]
# Cue words, case variants and the characters re.IGNORECASE treats specially.
PIECES = sorted({w for cue in CUES for w in (cue.needs or ())} | {
    " ", ".", ":", "$", "5", "\u017f", "\u0130", "\u0131", "\u212a", "K", "S", "I", "\u00df", "X", "us", "you",
})


def test_most_cues_have_literals():
    assert sum(cue.needs is not None for cue in CUES) > 0.9 * len(CUES)


def test_required_literals_of_simple_patterns():
    assert required_literals(re.compile(r"\bdonat(e|ion)\b", re.I)) == ("donate", "donation")
    assert required_literals(re.compile(r"\b(cat|dog)s?\b", re.I)) == ("cat", "dog")
    assert required_literals(re.compile(r"[a-z]+", re.I)) is None
    assert required_literals(re.compile(r"(a|b?)c?", re.I)) is None


def test_required_literals_spell_out_short_stretches():
    # A match of the second alternative holds ".com/" or ".org/", not only "com" (in "company").
    pattern = re.compile(r"https?://|\b\w+\.(com|org)/", re.I)
    assert required_literals(pattern) == (".com/", ".org/", "http://", "https://")
    assert required_literals(re.compile(r"\b(only|from) [$\u20ac]\s?\d", re.I)) == (
        "from $", "from \u20ac", "only $", "only \u20ac")
    # Too many strings to spell out (8 x 8 x 8): the stretch starts again where it overflowed.
    assert required_literals(re.compile(r"[a-h][abcdefgh][abcdefgh][abcdefgh]xyz", re.I)) == tuple(
        f"{c}xyz" for c in "abcdefgh")


def test_ignorecase_equivalences_are_folded():
    pattern = re.compile(r"subscribe", re.I)
    needs = required_literals(pattern)
    for text in ("\u017fubscribe", "SUBSCRIBE", "Subscribe"):
        assert pattern.search(text)
        assert any(n in fold(text) for n in needs)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_prefilter_agrees_with_the_regex(text):
    folded = fold(text)
    for cue in CUES:
        assert cue.search(text, folded) == bool(cue.pattern.search(text)), cue.label


def test_whole_words_of_a_bounded_alternation():
    pattern = re.compile(r"\b(facebook|mail\w*|mail|e-?mail|(?-i:X))\b", re.I)
    # "mail" is also what "mail\w*" needs, inside "mailbox": not a whole word there.
    assert whole_words(pattern) == {"facebook", "x"}
    assert whole_words(re.compile(r"\bon (facebook|x)\b", re.I)) == frozenset()


WORDISH = sorted(set(PIECES) | {"X", "x", "X-ray", "next", "tax", "X_1", "X2", "(X)", "_X", "Facebook's", "e-mail"})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDISH), max_size=12).map(lambda parts: "".join(
    p + (" " if i % 3 else "") for i, p in enumerate(parts))))
def test_every_cue_that_matches_is_a_candidate(text):
    # What scoring does: candidates from the folded text, then each candidate's regex.
    from summarizer.reading.boilerplate import _candidate_cues

    candidates = _candidate_cues(fold(text))
    for index, category in enumerate(_CATEGORIES):
        for cue in category.cues:
            if cue.pattern.search(text):
                assert cue in candidates.get(index, []), cue.label
