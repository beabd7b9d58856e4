"""Shortcuts taken to parse faster give what the long way gives: the boilerplate detector searches
exactly the cues whose literals a text holds (a word a cue needs whole, as a whole word); Punkt through ``re`` splits as NLTK's engine does,
and only text where the two engines agree takes it; cached terms follow the stem table."""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.reading.boilerplate import _CATEGORIES, _candidate_cues, _scores
from summarizer.reading.prefilter import fold, whole_words
from summarizer.reading.segment import SentenceSplitter, _engines_agree
from summarizer.reading import terms
from summarizer.reading.terms import TermAnalyzer

# Every cue literal, pieces of them (overlaps such as "ad" inside "read"), and characters that fold.
LITERALS = sorted({literal for cat in _CATEGORIES for cue in cat.cues for literal in (cue.needs or ())})
PIECES = sorted(set(LITERALS) | {lit[:3] for lit in LITERALS} | {lit[2:] for lit in LITERALS} | {
    " ", ".", "X", "US", "\u017f", "\u212a", "\u00df", "\u0130", "Donate", "SUBSCRIBE", "_", "-",
})


_RUN = re.compile(r"[^\W_]+")


def _holds(folded: str, literal: str, whole: frozenset[str]) -> bool:
    """A literal a cue needs as a whole word (``\\b(...|word|...)\\b``) must be a whole run of
    letters and digits of the text; any other literal, anywhere."""
    return literal in _RUN.findall(folded) if literal in whole else literal in folded


def expected(folded: str) -> dict[int, list]:
    out: dict[int, list] = {}
    for index, cat in enumerate(_CATEGORIES):
        cues = [c for c in cat.cues
                if c.needs is None or any(_holds(folded, lit, whole_words(c.pattern)) for lit in c.needs)]
        if cues:
            out[index] = cues
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_candidates_are_the_cues_whose_literals_are_present(text):
    folded = fold(text)
    assert _candidate_cues(folded) == expected(folded)


def test_overlapping_literals_are_all_found():
    # "read" ends where "ad" starts again: both, and "advertisement", are found.
    folded = fold("Already read? Advertisements by readers")
    assert _candidate_cues(folded) == expected(folded)
    assert any(c.label == "advertisement" for c in _candidate_cues(folded)[5])


def test_an_appeal_still_scores_as_one():
    scores = _scores("Please consider a donation to support our journalism. Donate now.")
    assert scores and scores[0].kind == "donation appeal" and not scores[0].gated


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_punkt_through_re_splits_the_seeds_as_nltk_does():
    splitter = SentenceSplitter()
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    paragraphs += ['"We are ready." Dr. A. Kessel said (AP). 3.5 km... Then: "No!" U.S. officials left.']
    for text in paragraphs:
        assert list(splitter._punkt_fast.span_tokenize(text)) == list(splitter._punkt.span_tokenize(text))


def test_text_where_the_engines_disagree_keeps_nltks_engine():
    assert _engines_agree("Plain text, \u201cquoted\u201d \u2014 caf\u00e9.")
    assert not _engines_agree("cafe\u0301 is written with a combining accent")  # \w differs
    assert not _engines_agree("half \u00bd a cup")
    assert not _engines_agree("a\x1cb")  # \s differs


def test_cached_terms_follow_stems_taken_later(monkeypatch):
    monkeypatch.setattr(terms, "_tables", {})  # a stem table of its own, not the process's
    analyzer = TermAnalyzer()
    assert analyzer("Crews were running") == ["crew", "run"]
    analyzer.know({"running": "running-from-index"})
    assert analyzer("Crews were running") == ["crew", "running-from-index"]
