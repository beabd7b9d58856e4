"""Cutting publisher boilerplate out of an article as spans, never the article with it.

The :class:`~.boilerplate.BoilerplateDetector` judges whole paragraphs. On top of it:

1. **Header-led appeals.** An appeal box that opens with a header line ("A Message from …:",
   "Dear readers,", "Support our journalism", "Before you go…") and runs to the end of the article
   is one excluded block, from the header to the end: the lines between (which may not carry cues
   of their own, "We are facing unprecedented challenges.") speak to the reader, and an appeal is
   among them.
2. **Spans inside paragraphs.** A credit, byline or prompt glued to the start or the end of a
   paragraph ("… officials said. (Reporting by …; Editing by …)") is cut out as its own block,
   and the paragraph keeps its sentences; a paragraph the detector flagged whole keeps the
   sentences at its start and end that read as article prose.
3. **Note sections.** A section the article's end gives to something else than the story, under a
   heading that says so ("About Quillon Systems", "About the author", "Our sources", "Forward-Looking
   Statements", "Media contact", "Notes"), is one excluded block from its heading to the next heading: a press
   release's company boilerplate, a bio, a fact check's list of sources.
4. **The guard.** A detection never takes away most of an article: when one would cover more
   than half of the article's body words, the paragraph is judged sentence by sentence instead
   (the same detector over its sentences, and the same header-led rule), and a run of sentences
   that would still cover more than half stays in the article.

Every exclusion keeps the detector's kind and reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .boilerplate import (
    ANCHOR_KINDS,
    APPEAL_KINDS,
    BoilerplateDetector,
    BoilerplateVerdict,
    holds_appeal_cue,
    is_appeal_header,
    looks_like_content,
    sentence_is_boilerplate,
    word_count,
)
from .metadata import MONTH_NAMES

__all__ = ["Piece", "exclude_boilerplate"]

# A part of a flagged paragraph kept as prose must be this substantial: short sentences in an
# appeal ("It only takes a minute.") read like prose too.
_KEEP_MIN_WORDS = 10
_KEEP_MIN_SENTENCE_WORDS = 8
_GLUED_MAX_WORDS = 30  # a credit or prompt glued to a paragraph is at most this long
_MOST = 0.5  # a detection may cover at most this share of the article's body words

# The heading of a section about something else than the story (module docstring, 3). A heading
# only: "About 300 homes" or "Sources close to the mayor said ..." in prose is the story.
_NOTE_HEADING = re.compile(
    r"(?:#{1,6}[ \t]*)?(?:"
    r"about (?:the |this |our )?(?:authors?|writers?|reporters?|contributors?|photographers?|illustrators?|series"
    r"|project|newsroom|publisher)"
    r"|about (?-i:[A-Z])[\w&.,'\u2019 -]{0,60}"  # "About Quillon Systems", "About Us"
    r"|(?:the )?authors?|contributors?|disclosures?(?: statement)?|partners|funding|acknowledge?ments"
    r"|(?:foot|end)?notes"
    r"|(?:our |the )?(?:sources|references|bibliography|works cited|citations|notes and sources|sources and notes"
    r"|sources and methods|sources and methodology)"
    r"|forward[- ]looking (?:statements?|information)|cautionary (?:note|statement)s?(?: [\w ,-]{0,60})?"
    r"|safe harbou?r(?: statement)?"
    r")[ \t]*:?[ \t]*$"
    r"|(?:#{1,6}[ \t]*)?(?:media|press|investor|investors|company|editorial)(?: relations)? (?:contacts?|enquiries"
    r"|inquiries)\b",
    re.IGNORECASE,
)


# The heading of a list of other pages' headlines ("Related stories", "Read more", "More on this story").
_RELATED_HEADING = re.compile(
    r"(?:#{1,6}[ \t]*)?(?:related(?: (?:stories|articles|coverage|content|links|reading|news))?|read more|read next"
    r"|more on (?:this|that)(?: story| topic)?|see also|further reading|recommended(?: reading| for you)?"
    r"|more (?:stories|coverage|from \S+(?: \S+)?)|top stories|most (?:read|popular|viewed)|you (?:may|might) also like)"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_HEADLINE_WORDS = 16
"""A line under a related heading this long at most is another page's headline; a longer one is prose."""


@dataclass
class Piece:
    """A block in the making: its span, kind, reason and (body only) sentence spans."""

    start: int
    end: int
    kind: str
    reason: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)


def _reason(verdict: BoilerplateVerdict) -> str:
    return f"{verdict.kind}: {verdict.reason}"


def exclude_boilerplate(text: str, pieces: list[Piece], detector: BoilerplateDetector) -> list[Piece]:
    """``pieces`` with boilerplate set apart (see the module docstring). Offsets never change."""
    units = [i for i, p in enumerate(pieces) if p.kind in ("body", "heading")]
    if not units:
        return pieces
    texts = [text[pieces[i].start : pieces[i].end] for i in units]
    words = [word_count(t) for t in texts]
    limit = _MOST * sum(words)
    verdicts = detector(texts)
    # A correction that gives a figure the story does not ("The jury deliberated for 11 hours, not 14 as
    # reported in an earlier version of this story.") is the story's fact, for a reader asking it.
    # Only its last sentence, which gives the figure: "An article on Wednesday said 3,200 jobs would be
    # lost." before "The correct figure is 2,300." is the note's, and alone it would state the error.
    corrections = {u: verdict for u, verdict in enumerate(verdicts) if verdict is not None
                   and verdict.kind == "editor's note" and _corrects_unstated(texts[u], " ".join(texts[:u] + texts[u + 1 :]))}
    verdicts = [None if u in corrections else verdict for u, verdict in enumerate(verdicts)]

    sections = _note_sections(texts, [pieces[i].kind for i in units], words, limit)
    tail = _appeal_tail(texts, verdicts)
    if tail is not None and sum(words[tail:]) > limit:
        tail = None
    position = {piece: u for u, piece in enumerate(units)}
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        if piece.kind == "body":
            _split_leading_bracket(text, piece)
        if tail is not None and i >= units[tail]:
            kind = _tail_verdict(verdicts[tail:])
            header = " ".join(texts[tail].split())
            header = header if len(header) <= 60 else header[:59] + "\u2026"
            reason = f"{kind.kind}: appeal from its header \u201c{header}\u201d to the end of the article; {kind.reason}"
            out.append(Piece(piece.start, pieces[-1].end, "boilerplate", reason))
            break
        u = position.get(i)
        if u is None:
            out.append(piece)
            continue
        verdict = verdicts[u]
        if u in sections:
            out.append(Piece(piece.start, piece.end, "boilerplate", sections[u]))
        elif u in corrections and piece.kind == "body" and len(piece.sentences) > 1:
            note = corrections[u]
            out.extend(_split(text, piece, [note] * (len(piece.sentences) - 1) + [None]))
        elif verdict is None:
            out.extend(_peel(text, piece) if piece.kind == "body" else [piece])
        elif verdict.kind == "embedded post" and piece.kind == "body":
            # An embedded social post and its signature ("pic.chirper.example/xyz — Lina Berge (@linaberge)
            # February 18, 2026") are set apart whole, as the page shows them (``html._embedded_post``), not
            # sentence by sentence: someone else's words beside the story, never the outlet's sentences; a
            # story that reports a post says so in its own words ("..., Berge wrote on Chirper"), which stay.
            out.append(Piece(piece.start, piece.end, "boilerplate", _reason(verdict)))
        elif words[u] > limit:
            out.extend(_sentence_level(text, piece, detector, limit) if piece.kind == "body" else [piece])
        elif piece.kind == "body" and len(piece.sentences) >= 2:
            out.extend(_refine(text, piece, verdict))
        else:
            out.append(Piece(piece.start, piece.end, "boilerplate", _reason(verdict)))
    return out


_WRONG_FIGURE = re.compile(r"\bnot\s+(?:[$\u20ac\u00a3]\s?)?(?:\d[\d,.]*|[a-z]+)(?:\s+(?:per\s*cent|percent|%))?",
                           re.IGNORECASE)
# "... gave the turnout as 72.1 percent. The turnout was 71.2 percent.": what it said, then what is right
# (a decimal point is no sentence's end).
_IN_SENTENCE = r"(?:[^.;]|(?<=\d)\.(?=\d))*"
_SAID_THEN_NOW = re.compile(rf"\b(?:said|stated|reported|gave|misstated|put)\b{_IN_SENTENCE}\d{_IN_SENTENCE}(?:;|\.\s)"
                            rf"(?P<now>{_IN_SENTENCE}\d{_IN_SENTENCE})", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_MONTH = rf"(?:{MONTH_NAMES})\.?"
_NOTE_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:19|20)\d\d-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d)"
    rf"|^[^.:]{{0,40}}\b(?:19|20)\d\d\s*:",
    re.IGNORECASE,
)


def _corrects_unstated(note: str, story: str) -> bool:
    """Whether an editor's note corrects a figure ("11 hours, not 14 as reported"; "said 212 passengers ...;
    ... carried 221") to one the rest of the article never gives. "It was 88 per cent, not 78 per cent."
    under a story saying 88 per cent repeats it: a note still."""
    note = _NOTE_DATE.sub(" ", note)  # "Correction, Dec. 5, 2026:": when it was corrected, no figure
    then_now = _SAID_THEN_NOW.search(note)
    if then_now:
        right = then_now.group("now")
    elif _WRONG_FIGURE.search(note):
        right = _WRONG_FIGURE.sub(" ", note)
    else:
        return False
    figures = {figure.rstrip(".,") for figure in _FIGURE.findall(right)}
    stated = {figure.rstrip(".,") for figure in _FIGURE.findall(story)}
    return bool(figures - stated)


def _note_sections(texts: Sequence[str], kinds: Sequence[str], words: Sequence[int], limit: float) -> dict[int, str]:
    """The units of note sections (module docstring, 3), each with its reason: from a note heading
    after the story's first paragraph to the next heading, when that takes at most ``limit`` words."""
    found: dict[int, str] = {}
    seen_body = False
    u = 0
    while u < len(texts):
        if kinds[u] == "body":
            seen_body = True
        heading = " ".join(texts[u].split()) if seen_body and kinds[u] == "heading" else ""
        related = bool(heading) and _RELATED_HEADING.match(heading) is not None
        label = "" if heading or not seen_body else " ".join(texts[u].split()).strip("*_")
        if label and _RELATED_HEADING.match(label):
            # "**Read more:**" in Markdown, a paragraph of its own, over a list of links.
            heading, related = label, True
        if not (related or (heading and _NOTE_HEADING.match(heading))):
            u += 1
            continue
        end = u + 1
        # A note section runs to the next heading; a list of other pages' headlines to its first line of prose.
        while end < len(texts) and kinds[end] != "heading" and not (related and words[end] > _HEADLINE_WORDS):
            end += 1
        if sum(words[u:end]) <= limit and (end > u + 1 or not related):
            heading = heading.lstrip("# ")
            heading = heading if len(heading) <= 60 else heading[:59] + "\u2026"
            reason = (f"related links: from its heading \u201c{heading}\u201d, other pages' headlines" if related
                      else f"note section: from its heading \u201c{heading}\u201d to the next heading, not the story")
            found.update((k, reason) for k in range(u, end))
        u = max(end, u + 1)
    return found


def _split_leading_bracket(text: str, piece: Piece) -> None:
    """A bracketed credit opening a paragraph, "(Photo by …) The council…", is a sentence of its
    own: the splitter sees no full stop after it."""
    if not piece.sentences:
        return
    start, end = piece.sentences[0]
    if text[start] != "(":
        return
    close = text.find(")", start, min(end, start + 200))
    if close == -1:
        return
    rest = close + 1
    while rest < end and text[rest].isspace():
        rest += 1
    if rest < end and sentence_is_boilerplate(text[start : close + 1]) is not None:
        piece.sentences[0:1] = [(start, close + 1), (rest, end)]


def _tail_verdict(verdicts: Sequence[BoilerplateVerdict | None]) -> BoilerplateVerdict:
    found = [v for v in verdicts if v is not None]
    return next((v for v in found if v.kind in ANCHOR_KINDS), found[0])


def _appeal_tail(texts: Sequence[str], verdicts: Sequence[BoilerplateVerdict | None]) -> int | None:
    """Index of the header an appeal running to the end opens with, or None.

    From the end back, units are taken while each is boilerplate or does not read as article
    prose; the first appeal header in that stretch with an appeal (a donation, subscription,
    newsletter or cookie box) at or after it starts the tail."""
    k = len(texts)
    while k > 0 and (verdicts[k - 1] is not None or is_appeal_header(texts[k - 1]) or not _prose(texts[k - 1])):
        k -= 1
    anchor_after = [False] * (len(texts) + 1)
    for j in range(len(texts) - 1, k - 1, -1):
        v = verdicts[j]
        anchor_after[j] = anchor_after[j + 1] or (v is not None and v.kind in ANCHOR_KINDS)
    for h in range(k, len(texts)):
        if is_appeal_header(texts[h]) and anchor_after[h]:
            return h
    return None


def _prose(text: str) -> bool:
    """Whether a paragraph reads as the article's prose: every sentence-like part of it."""
    return looks_like_content(text)


def _sentence_texts(text: str, piece: Piece) -> list[str]:
    return [text[s:e] for s, e in piece.sentences]


def _split(text: str, piece: Piece, flags: Sequence[BoilerplateVerdict | None]) -> list[Piece]:
    """The piece cut into runs of body sentences and runs of flagged sentences."""
    out: list[Piece] = []
    run: list[int] = []

    def close() -> None:
        if not run:
            return
        first, last = piece.sentences[run[0]], piece.sentences[run[-1]]
        verdict = flags[run[0]]
        if verdict is None:
            out.append(Piece(first[0], last[1], "body", "", [piece.sentences[j] for j in run]))
        else:
            out.append(Piece(first[0], last[1], "boilerplate", _reason(verdict)))
        run.clear()

    for j, verdict in enumerate(flags):
        if run and (flags[run[-1]] is None) != (verdict is None):
            close()
        run.append(j)
    close()
    return out


def _peel(text: str, piece: Piece) -> list[Piece]:
    """A paragraph of prose that starts or ends with a credit or prompt: the credit is cut out."""
    n = len(piece.sentences)
    if n < 2:
        return [piece]
    sentences = _sentence_texts(text, piece)
    flags: list[BoilerplateVerdict | None] = [None] * n
    end = n
    while end > 1:
        verdict = _short_verdict(sentences[end - 1])
        if verdict is None:
            break
        flags[end - 1] = verdict
        end -= 1
    start = 0
    while start < end - 1:
        verdict = _short_verdict(sentences[start])
        if verdict is None:
            break
        flags[start] = verdict
        start += 1
    if not any(flags):
        return [piece]
    return _split(text, piece, flags)


def _short_verdict(sentence: str) -> BoilerplateVerdict | None:
    """The verdict on a sentence short enough to be a credit or prompt glued to a paragraph
    (longer sentences are prose: not scoring them keeps the scan cheap)."""
    if word_count(sentence) > _GLUED_MAX_WORDS:
        return None
    return sentence_is_boilerplate(sentence)


def _refine(text: str, piece: Piece, verdict: BoilerplateVerdict) -> list[Piece]:
    """A paragraph flagged whole: the prose sentences at its start and end stay when the
    boilerplate is a span between them (a sentence of it is boilerplate on its own)."""
    sentences = _sentence_texts(text, piece)
    n = len(sentences)
    own = [sentence_is_boilerplate(s) for s in sentences]
    appeal = verdict.kind in APPEAL_KINDS
    content = [own[j] is None and looks_like_content(sentences[j]) and not (appeal and holds_appeal_cue(sentences[j]))
               for j in range(n)]
    lo = 0
    while lo < n and content[lo]:
        lo += 1
    hi = n
    while hi > lo and content[hi - 1]:
        hi -= 1
    if lo == hi or not any(own[lo:hi]) or not (_keepable(sentences[:lo]) or _keepable(sentences[hi:])):
        return [Piece(piece.start, piece.end, "boilerplate", _reason(verdict))]
    if verdict.kind == "photo credit" and lo + (n - hi) < 2:
        # A caption is a sentence and its credit: the sentence describes the photo, not the news.
        return [Piece(piece.start, piece.end, "boilerplate", _reason(verdict))]
    if not _keepable(sentences[:lo]):
        lo = 0
    if not _keepable(sentences[hi:]):
        hi = n
    span_verdict = next(v for v in own[lo:hi] if v is not None)
    flags: list[BoilerplateVerdict | None] = [None if (j < lo or j >= hi) else span_verdict for j in range(n)]
    return _split(text, piece, flags)


def _keepable(sentences: Sequence[str]) -> bool:
    counts = [word_count(s) for s in sentences]
    return sum(counts) >= _KEEP_MIN_WORDS and max(counts, default=0) >= _KEEP_MIN_SENTENCE_WORDS


def _sentence_level(text: str, piece: Piece, detector: Callable, limit: float) -> list[Piece]:
    """The guard: a paragraph holding most of the article is judged sentence by sentence."""
    sentences = _sentence_texts(text, piece)
    if len(sentences) < 2:
        return [piece]
    flags: list[BoilerplateVerdict | None] = list(detector(sentences))
    tail = _appeal_tail(sentences, flags)
    words = [word_count(s) for s in sentences]
    if tail is not None and sum(words[tail:]) <= limit:
        verdict = _tail_verdict(flags[tail:])
        flags[tail:] = [verdict] * (len(sentences) - tail)
    # A run of flagged sentences that would still take most of the article stays.
    j = 0
    while j < len(flags):
        if flags[j] is None:
            j += 1
            continue
        k = j
        while k < len(flags) and flags[k] is not None:
            k += 1
        if sum(words[j:k]) > limit:
            flags[j:k] = [None] * (k - j)
        j = k
    return _split(text, piece, flags)
