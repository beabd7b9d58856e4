"""Paragraphs as people write them in plain text, found from the text itself.

Three shapes are recognised, per file, from line statistics:

- **blank-line paragraphs**: every paragraph is a run of lines between blank lines; line breaks
  inside it are soft (the lines are joined);
- **one paragraph per line**: inner lines (lines followed by another non-blank line) mostly end
  with sentence punctuation; every line is a paragraph, except a line that ends mid-sentence
  before a line that starts in lower case (a soft break);
- **hard-wrapped** text: inner lines mostly end mid-sentence and close to a common maximum width
  ``W``. A line break is a paragraph break when the line ended early (the next line's first word
  would have fitted, so a greedy wrapper did not wrap there), when the next line is indented and
  the text is not, before a list item or Markdown heading, and after a Markdown heading. Blank
  lines are breaks as well, so wrapped text with or without blank lines both work. A short line
  without final punctuation after a line that ends a sentence is a heading. A paragraph whose
  last line happens to fill the width cannot be told from the next one without a blank line or
  an indent.

Headings (short lines), list items (``- ``, ``* ``, ``1. ``) and Markdown headings are their own
paragraphs in every shape. Each paragraph is an exact ``(start, end)`` span of the original text,
trimmed of surrounding whitespace: nothing is rewritten. One pass over the lines plus a sort of
their lengths: linear apart from the sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Shape", "detect_shape", "paragraph_spans"]

ShapeKind = Literal["blank-line", "line", "wrapped"]

# Sentence-final characters (with closing quotes and brackets).
_FINAL = frozenset(".!?:;\"'\u201d\u2019)\u2026\u3002\uff01\uff1f")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u2023\u25e6\u25aa\u2013\u2014]{1,2}|\d{1,3}[.)]|[a-z][.)])[ \t]+\S")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+\S")
_MAX_WRAP_WIDTH = 200  # nobody hard-wraps prose wider than this
_NEAR_WIDTH = 0.75  # an inner line of wrapped text is at least this share of the width
_MIN_NEAR_SHARE = 0.6
_MIN_MID_SHARE = 0.35  # share of inner lines ending mid-sentence in wrapped text
_MIN_SOFT_SHARE = 0.3  # share of inner lines ending mid-sentence before a lower-case word


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    width: int = 0
    """The wrap width of hard-wrapped text (0 otherwise)."""


@dataclass(frozen=True)
class _Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    indent: int  # leading spaces (a tab counts 4)
    length: int  # indent + visible length
    list_item: bool
    md_heading: bool
    mid_sentence: bool  # does not end with sentence punctuation
    first_word: int  # length of the first word
    lower_start: bool  # starts with a lower-case letter (a continuation)


def _lines(text: str, pos: int) -> list[_Line | None]:
    """The lines from ``pos`` on; None for a blank line."""
    out: list[_Line | None] = []
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl == -1 else nl
        line = text[pos:stop]
        stripped = line.strip()
        if not stripped:
            out.append(None)
        else:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            end = pos + len(line.rstrip())
            indent = line[:lead].count(" ") + 4 * line[:lead].count("\t")
            space = stripped.find(" ")
            out.append(
                _Line(
                    start,
                    end,
                    indent,
                    indent + (end - start),
                    bool(_LIST_ITEM.match(line)),
                    bool(_MD_HEADING.match(line)),
                    stripped[-1] not in _FINAL,
                    len(stripped) if space == -1 else space,
                    stripped[0].islower(),
                )
            )
        if nl == -1:
            break
        pos = nl + 1
    return out


def detect_shape(text: str, pos: int = 0) -> Shape:
    """How the text from ``pos`` on writes its paragraphs."""
    return _shape(_lines(text, pos))


def _shape(lines: list[_Line | None]) -> Shape:
    inner = [a for a, _ in _pairs(lines)]
    if not inner:
        return Shape("blank-line")
    lengths = sorted((line.length for line in inner), reverse=True)
    # A high quantile, not the maximum: an unbreakable URL may stick out of wrapped text.
    width = lengths[len(lengths) // 10] if len(lengths) >= 10 else lengths[0]
    # Wrapped text: the lines that end mid-sentence (wrapped there) end close to the width. Lines
    # that end a paragraph (no blank line after them) end short, with a full stop.
    mid = [line for line in inner if line.mid_sentence]
    near = sum(line.length >= _NEAR_WIDTH * width for line in mid) / len(mid) if mid else 0.0
    if width <= _MAX_WRAP_WIDTH and near >= _MIN_NEAR_SHARE and len(mid) >= _MIN_MID_SHARE * len(inner):
        return Shape("wrapped", width)
    # Lines broken anywhere (not at a fixed width): many end mid-sentence before a lower-case word.
    # A heading line also ends mid-sentence, but the next line starts with a capital.
    soft = sum(a.mid_sentence and b.lower_start for a, b in _pairs(lines)) / len(inner)
    if soft >= _MIN_SOFT_SHARE:
        return Shape("blank-line")
    return Shape("line")


def _pairs(lines: list[_Line | None]):
    for a, b in zip(lines, lines[1:]):
        if a is not None and b is not None and not (a.list_item or a.md_heading or b.list_item or b.md_heading):
            yield a, b


def paragraph_spans(text: str, pos: int = 0, shape: Shape | None = None) -> list[tuple[int, int]]:
    """Non-empty paragraphs from ``pos`` on, trimmed of surrounding whitespace."""
    lines = _lines(text, pos)
    shape = shape or _shape(lines)
    base_indent = _usual_indent(lines)
    spans: list[tuple[int, int]] = []
    start: _Line | None = None  # first line of the open paragraph
    prev: _Line | None = None
    for line in lines:
        if line is None:
            if start is not None and prev is not None:
                spans.append((start.start, prev.end))
            start = prev = None
            continue
        if start is None or prev is None:
            start = prev = line
            continue
        if _breaks(shape, start, prev, line, base_indent):
            spans.append((start.start, prev.end))
            start = line
        prev = line
    if start is not None and prev is not None:
        spans.append((start.start, prev.end))
    return spans


def _usual_indent(lines: list[_Line | None]) -> int:
    """The indentation most lines have (a paragraph's first line may be indented more)."""
    counts: dict[int, int] = {}
    for line in lines:
        if line is not None:
            counts[line.indent] = counts.get(line.indent, 0) + 1
    return max(counts, key=lambda indent: (counts[indent], -indent)) if counts else 0


def _breaks(shape: Shape, first: _Line, a: _Line, b: _Line, base_indent: int) -> bool:
    """Whether a paragraph ends between line ``a`` and the next line ``b``."""
    if a.md_heading or b.md_heading:
        return True
    if shape.kind == "wrapped":
        ended_early = a.length + 1 + b.first_word <= shape.width
        if b.list_item:
            # "- " at the start of a full line is a dash the wrapper moved, not a list item.
            return ended_early or first.list_item or a.length < _NEAR_WIDTH * shape.width
        if ended_early:
            return True
        # A short line without final punctuation after a sentence's end is a heading: a greedy
        # wrapper leaves a short line only at the end of a paragraph, which ends with a stop.
        if not a.mid_sentence and b.mid_sentence and b.length < _NEAR_WIDTH * shape.width and not b.lower_start:
            return True
        # First-line indentation marks a new paragraph; a list item's hanging indent does not.
        return b.indent > base_indent and not first.list_item
    if b.list_item:
        return True
    if shape.kind == "blank-line":
        return False
    # One paragraph per line, except an obvious continuation (mid-sentence, then lower case).
    return not (a.mid_sentence and b.lower_start)
