"""Tests for summarizer.boilerplate: hand-written fixtures, tricky content, invariants.

Run ``python tests/test_boilerplate.py`` for the precision/recall table of the fixture sets.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for `python tests/test_boilerplate.py`

from summarizer.reading.boilerplate import (  # noqa: E402
    NEIGHBOUR_MAX_WORDS,
    BoilerplateDetector,
    BoilerplateVerdict,
    _word_count,
    sentence_is_boilerplate,
)

DATA = Path(__file__).parent / "data" / "boilerplate"
# See data/boilerplate/README.md. "untuned" measures generality: never tune against it.
TUNED_SETS = ("dev", "heldout", "fresh")
UNTUNED_SET = "untuned"
_MARK = re.compile(r"^\[BP(?::([^\]]+))?\] ")

detect = BoilerplateDetector()


@dataclasses.dataclass(frozen=True)
class Para:
    text: str
    boilerplate: bool
    kinds: tuple[str, ...]  # accepted kinds; empty = any


def load(path: Path) -> list[Para]:
    paras = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        block = block.strip()
        if block:
            m = _MARK.match(block)
            kinds = tuple(m.group(1).split("|")) if m and m.group(1) else ()
            paras.append(Para(_MARK.sub("", block), bool(m), kinds))
    return paras


def fixtures(*sets: str) -> list[Path]:
    return sorted(path for name in sets for path in (DATA / name).glob("*.txt"))


FIXTURES = fixtures(*TUNED_SETS)
UNTUNED = fixtures(UNTUNED_SET)


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


# ---------------------------------------------------------------------------------
# The fixture articles, paragraph by paragraph.


@pytest.mark.parametrize("path", FIXTURES, ids=fixture_id)
def test_fixture_article(path: Path) -> None:
    paras = load(path)
    verdicts = detect([p.text for p in paras])
    errors = []
    for para, verdict in zip(paras, verdicts):
        if para.boilerplate and verdict is None:
            errors.append(f"missed: {para.text[:70]!r}")
        elif not para.boilerplate and verdict is not None:
            errors.append(f"flagged content as {verdict.kind} ({verdict.reason}): {para.text[:70]!r}")
        elif verdict and para.kinds and verdict.kind not in para.kinds:
            errors.append(f"kind {verdict.kind!r} not in {para.kinds}: {para.text[:70]!r}")
    assert not errors, "\n".join(errors)


def measure(paths: list[Path]) -> tuple[int, int, int, int]:
    """(true positives, false positives, false negatives, true negatives)."""
    tp = fp = fn = tn = 0
    for path in paths:
        paras = load(path)
        for para, verdict in zip(paras, detect([p.text for p in paras])):
            flagged = verdict is not None
            tp += para.boilerplate and flagged
            fp += not para.boilerplate and flagged
            fn += para.boilerplate and not flagged
            tn += not para.boilerplate and not flagged
    return tp, fp, fn, tn


def test_fixture_set_size_and_precision_recall() -> None:
    tp, fp, fn, tn = measure(FIXTURES)
    assert tp + fn >= 25 and fp + tn >= 40  # the brief's minimum set
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Dropping real content is worse than keeping a stray appeal: precision is strict.
    assert precision >= 0.98, (precision, recall)
    assert recall >= 0.95, (precision, recall)


def test_untuned_set_keeps_all_content() -> None:
    """Publisher styles the cues were never tuned on: no content may be dropped, and
    at least half the boilerplate must be caught (measured: 11 of 18)."""
    tp, fp, fn, tn = measure(UNTUNED)
    assert tp + fn >= 15 and fp + tn >= 20
    assert fp == 0
    assert tp / (tp + fn) >= 0.5


def test_fixtures_cover_several_publisher_styles() -> None:
    kinds = {v.kind for path in FIXTURES for v in detect([p.text for p in load(path)]) if v}
    assert kinds >= {
        "donation appeal", "subscription prompt", "newsletter prompt", "cookie notice", "page furniture",
        "share prompt", "advertisement", "copyright notice", "related links", "photo credit", "byline",
    }


# ---------------------------------------------------------------------------------
# The brief's required tail, verbatim.

REQUIRED_TAIL = [
    "Aid convoys reach Veldria's east as talks stall",
    "The European Union has pledged 1.5 billion euros in humanitarian and military support, and the U.S. "
    "announced a further $800 million in weapons and ammunition last week.",
    "Aid agencies said fuel shortages and damaged bridges were slowing deliveries to the south. The "
    "International Committee of the Red Cross said its teams had evacuated about 800 civilians from "
    "Saltmere's outskirts in the past week, and appealed to both sides to respect the protection of "
    "civilians and aid workers.",
    "Before you go: our reporting on the war in Veldria is free for everyone, but producing it is not. If "
    "you value independent journalism, please consider making a donation today. Support us from just $1 - "
    "it only takes a minute. Thank you.",
    "Donate now",
    "Remind me later",
]


def test_required_tail() -> None:
    verdicts = detect(REQUIRED_TAIL)
    assert verdicts[:3] == [None, None, None]
    assert all(verdicts[3:])
    assert verdicts[3] is not None and verdicts[3].kind == "donation appeal"
    assert "donation" in verdicts[3].reason and "support us" in verdicts[3].reason


# ---------------------------------------------------------------------------------
# Single sentences: content that mentions money, donations, subscriptions, cookies,
# photos or sharing; and boilerplate sentences from several publishers' styles.

CONTENT_SENTENCES = [
    "The charity said donations had fallen by 30 percent since March.",
    "Morvania asked countries to support its proposal at the U.N.",
    "Officials urged residents to sign up for evacuation buses.",
    "Netflix said it had added 2.5 million subscribers.",
    "The EU pledged 1.5 billion euros in support.",
    "'Please help us,' the mayor said.",
    "\u201cPlease donate whatever you can. Our hospital needs you,\u201d the doctor told reporters.",
    "Aid convoys reach Veldria's east as talks stall",
    "Websites must let users reject all cookies.",
    "Share prices in Valdon fell 30 percent when trading resumed.",
    "Support grows for ceasefire talks",
    "Please donate what you can, the mayor told residents on Telegram.",
    "You can follow the talks on the Citadel's Telegram channel, Dravik said.",
    "Veldrians abroad have been urged to donate blood and money.",
    "The newsletter, published by a group of exiled Morvish journalists, has 200,000 subscribers.",
    "Related talks in Lindmark ended without agreement.",
    "Photo by photo, investigators are documenting the destruction in Ostrel.",
    "The advertisement was pulled after complaints.",
    "Copyright lawyers say the ruling could set a precedent.",
    "Click here, the woman said, pointing at a map of the region.",
    "Thank you, Voss told U.S. lawmakers.",
    "We will rebuild everything, and we will do it together.",
    "Join us in Tarrow, Voss urged foreign leaders.",
    "Accept all refugees, the pope urged European governments.",
    "Subscribe to the idea that sanctions work, and you will be disappointed.",
    "Not now, Halden reportedly told Ferrand when asked about a ceasefire.",
    "Updated figures showed the economy shrank 15 percent.",
    "By Friday, Morvish troops had withdrawn from the Tarrow region.",
    "By the numbers: the war in Veldria",
    "The draft resolution, sponsored by the United States and Albania, was vetoed by Morvania.",
    "If you want to help Veldrians, you can donate to the Red Cross or UNICEF, both of which have teams "
    "near the front.",
    "Your donations helped buy 12 ambulances for the front, a volunteer group wrote on Facebook.",
    "Monthly inflation reached 3 percent in April.",
    "Members of parliament have proposed a law that would require large charities to publish audited accounts.",
    "Getty Images said it would stop selling photographs taken by Morvish state media agencies.",
    "Readers who want to help St. Elmo can donate to the Tarvonian Red Crescent at any post office.",
    "Donate to the Lusk flood fund at any post office, the council said on Tuesday.",
    "Residents lined up to donate blood at the St. Elmo clinic after the flood.",
    "Please give what you can, the mayor told residents on Tuesday.",
    "Farmers were asked to give what they could spare to the flooded villages.",
    "The post of harbour master appeared first on the council's list of jobs to cut.",
    "The crack appeared first on the north pier, engineers said.",
    "Read more at the Velluna library, the council urged parents, after reading scores fell.",
    "See the full report in Thursday's council papers, the mayor told reporters.",
    "The grant will help us keep the shelter open through the winter, the director said.",
    "Volunteers help keep the river clean, and the council wants more of them.",
    # Audit reading12: two abbreviations with a slash are no agency and photographer ("AP/Name").
    "Lewis Orme, research director of gaming VR/AR at the analysts Tessel, called the line-up thin.",
    "The clinic in Tarrow treats HIV/AIDS patients from three counties, its director said.",
    "The Courier's full coverage of the Marrow trial won the regional press award on Friday.",
]

BOILERPLATE_SENTENCES = [
    ("If you value independent journalism, please consider making a donation today.", "donation appeal"),
    ("Support us from just $1 - it only takes a minute.", "donation appeal"),
    ("Public radio is free for everyone because listeners like you make a gift every month.", "donation appeal"),
    ("Subscribe now for unlimited access.", "subscription prompt"),
    ("You have 3 free articles left this month.", "subscription prompt"),
    ("Already a subscriber? Log in", "subscription prompt"),
    ("Sign up for our morning briefing and get the day's top stories in your inbox.", "newsletter prompt"),
    ("This website uses cookies to improve your experience.", "cookie notice"),
    ("Share this article", "share prompt"),
    ("Follow us on Twitter and Instagram.", "share prompt"),
    ("Advertisement", "advertisement"),
    ("© 2022 Example Media. All rights reserved.", "copyright notice"),
    ("This article was originally published by The Conversation.", "copyright notice"),
    ("Read more: Tarrow braces for a long war", "related links"),
    ("Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine", "related links"),
    ("(Photo by Aris Messinis/AFP via Getty Images)", "photo credit"),
    ("Ministers arrive for the talks in Tarrow. REUTERS/Mira Holt", "photo credit"),
    ("Smoke over the harbour on Sunday. MIRA HOLT/AFP", "photo credit"),
    ("Reporting by Pavel Polityuk; Editing by Toby Chopra", "byline"),
    ("Remind me later", "page furniture"),
    ("Donate now", "donation appeal"),
    # Held-out audit (issue 19): appeals that name the outlet instead of "we"/"our", and a station's.
    ("The Northgate Post is free to read. If you value it, please donate: even 1 crown a month helps.",
     "donation appeal"),
    ("Listen to Calderan Broadcasting on 101.4 FM. Support public broadcasting: donate at cb.example/give.",
     "donation appeal"),
    ("Please give what you can today.", "donation appeal"),
    # Held-out audit (feeds9): WordPress ends every full-text feed item with this line.
    ("The post Silos on the east quay to become artists’ studios appeared first on The Velluna Courier.",
     "copyright notice"),
    # ... and many a feed's teaser: a pointer to the page, not a sentence of the story.
    ("Read more at the Courier news page.", "related links"),
    ("Read the full story at Brackwater Post.", "related links"),
    ("Continue reading this story on velluna.example", "related links"),
    # Held-out audit 9: an appeal closing a local paper's story, which reached a summary.
    ("Help us keep reporting on the outbreak. Become a Gazette supporter today.", "donation appeal"),
    # Held-out audit 16: a .txt export's closing line, cited as the answer to a question.
    ("Subscribe to the Norvale Courier for full coverage of the Carrowmere collapse.", "subscription prompt"),
]


@pytest.mark.parametrize("text", CONTENT_SENTENCES)
def test_content_sentence_is_not_boilerplate(text: str) -> None:
    assert sentence_is_boilerplate(text) is None
    assert detect([text]) == [None]


@pytest.mark.parametrize(("text", "kind"), BOILERPLATE_SENTENCES)
def test_boilerplate_sentence(text: str, kind: str) -> None:
    verdict = sentence_is_boilerplate(text)
    assert verdict is not None and verdict.kind == kind


def test_reason_names_the_cues() -> None:
    verdict = sentence_is_boilerplate("Support us from just $1 - it only takes a minute.")
    assert verdict is not None
    assert verdict.reason.startswith("asks the reader for money (")
    assert "support us" in verdict.reason and "\n" not in verdict.reason


# ---------------------------------------------------------------------------------
# Context: neighbours and the tail.

PROSE = (
    "Negotiators from both sides met in Lindmark on Monday to resume ceasefire talks brokered by Aldish "
    "mediators, the first such meeting in three months."
)
APPEAL = (
    "Thanks for reading. We are a small, reader-funded newsroom, and our journalism depends on you. "
    "Become a member today from $5 a month."
)


def test_short_lines_in_an_appeal_box_are_absorbed() -> None:
    paras = [PROSE, APPEAL, "Thank you.", "$5", "$10", "Other amount", "Join"]
    verdicts = detect(paras)
    assert verdicts[0] is None and all(verdicts[1:])
    assert "next to a donation appeal" in verdicts[2].reason  # type: ignore[union-attr]


def test_appeal_at_the_start_absorbs_its_buttons() -> None:
    verdicts = detect(["Thank you.", APPEAL, "Maybe later", "Tarrow braces for a long war", PROSE])
    assert [v is not None for v in verdicts] == [True, True, True, False, False]


def test_headline_next_to_a_share_bar_is_kept() -> None:
    # Share bars and credits sit under headlines: they do not absorb neighbours.
    paras = ["How to donate to Veldria", "Share this article", "Facebook Twitter Email", PROSE]
    verdicts = detect(paras)
    assert verdicts[0] is None and verdicts[3] is None and verdicts[1] and verdicts[2]


def test_last_short_sentence_before_a_credit_line_is_kept() -> None:
    paras = [PROSE, "The advertisement was pulled after complaints.", "Reporting by Jane Doe; Editing by John Roe"]
    assert [v is not None for v in detect(paras)] == [False, False, True]


def test_bare_label_before_the_tail_is_kept_but_labels_inside_it_go() -> None:
    paras = [PROSE, "Tarrow", "Donate now", "Single Monthly Annual", "Continue", "Not now"]
    assert [v is not None for v in detect(paras)] == [False, False, True, True, True, True]


def test_detector_is_stateless_and_does_not_mutate() -> None:
    paras = [p.text for p in load(DATA / "dev" / "required_tail.txt")]
    before = list(paras)
    first, second = detect(paras), BoilerplateDetector()(paras)
    assert first == second == detect(tuple(paras)) and paras == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[-1].kind = "x"  # type: ignore[misc, union-attr]


def test_empty_inputs() -> None:
    assert detect([]) == []
    assert detect(["", "   "]) == [None, None]
    assert sentence_is_boilerplate("") is None


# ---------------------------------------------------------------------------------
# Invariants over shuffled fixture paragraphs and arbitrary text.

ALL_PARAS = [p.text for path in FIXTURES + UNTUNED for p in load(path)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ALL_PARAS) | st.text(max_size=200), max_size=12))
def test_invariants(paras: list[str]) -> None:
    verdicts = detect(paras)
    assert len(verdicts) == len(paras)
    for text, verdict in zip(paras, verdicts):
        assert verdict is None or (isinstance(verdict, BoilerplateVerdict) and verdict.kind and verdict.reason)
        if not text.strip():
            assert verdict is None
        # Neighbours only ever add short lines: a long paragraph's verdict is its own.
        if _word_count(text) > NEIGHBOUR_MAX_WORDS:
            assert verdict == sentence_is_boilerplate(text)
        # Context only adds boilerplate, never removes it.
        if sentence_is_boilerplate(text) is not None:
            assert verdict is not None


if __name__ == "__main__":
    for name in (*TUNED_SETS, UNTUNED_SET, "all"):
        paths = FIXTURES + UNTUNED if name == "all" else fixtures(name)
        tp, fp, fn, tn = measure(paths)
        print(
            f"{name:8} boilerplate {tp + fn:3}  content {fp + tn:3}  "
            f"precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  (fp {fp}, fn {fn})"
        )
