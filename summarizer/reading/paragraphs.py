"""Paragraphs as people write them in plain text, found from the text itself.

Three shapes are recognised, per file, from line statistics:

- **blank-line paragraphs**: every paragraph is a run of lines between blank lines; line breaks
  inside it are soft (the lines are joined);
- **one paragraph per line**: neither of the others; every line is a paragraph, except a line
  broken by hand (a soft break): it ends mid-sentence, the next line evidently goes on with its
  sentence (starts in lower case, or the line ends with a word such as "of"), and it is about as
  long as the text's long lines. A short line that ends without a stop (a caption, a link's
  text, a line of code, a subhead) is a paragraph of its own whatever comes next, and so is every
  line of a text whose lines are all short (code, a list, verse);
- **hard-wrapped** text: inner lines (lines followed by another non-blank line) mostly end
  mid-sentence and close to a common maximum width ``W``; in a text without blank lines ``W`` must
  be a newspaper column or wider and, where the next line's start can tell (a letter with a
  case), it must now and then evidently go on with the sentence: headlines, list items and
  captions written one per line also end without a stop, often at similar lengths, but the next
  line starts with a capital. A line break is a paragraph
  break when the line ended early (the next line's first word would have fitted, so a greedy
  wrapper did not wrap there), when the next line is indented and the text is not, before a list
  item or Markdown heading, and after a Markdown heading. Blank lines are breaks as well, so
  wrapped text with or without blank lines both work. A short line without final punctuation
  after a line that ends a sentence is a heading. A paragraph whose last line happens to fill the
  width cannot be told from the next one without a blank line or an indent.

A file with no two plain lines in a row (every line break touches a list item or a heading) is
read one per line unless it has blank lines. The shape is judged on the lines, so few lines can
mislead: without blank lines, three lines of similar length, without stops and each followed by a
capital, read as one per line, whether or not a wrapper made them.

Headings (short lines), list items (``- ``, ``* ``, ``1. ``) and Markdown headings are their own
paragraphs in every shape. A table in Markdown's shape (rows ``| a | b |``, one a line) is one
paragraph with the line right above it, its caption, and counts for no shape. Each paragraph is an exact ``(start, end)`` span of the original text,
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
# Words after which an English sentence cannot stop: a line ending with one was broken inside a
# sentence, whatever the next line starts with ("... departing for" / "Kenya.").
# Particles that end phrases ("log in", "sign up", "it's over") are left out.
_DANGLING = frozenset(
    "a an the of to for from with at by into onto than and or but nor its their our your".split()
)
_LAST_WORD = re.compile(r"(\w+)\W*$")
_OPENING = "\"'\u201c\u2018([\u00ab"
_MAX_WRAP_WIDTH = 200  # nobody hard-wraps prose wider than this
_MIN_WRAP_WIDTH = 30  # nor narrower than a newspaper column
_NEAR_WIDTH = 0.75  # an inner line of wrapped text is at least this share of the width
_MIN_NEAR_SHARE = 0.6
_MIN_MID_SHARE = 0.35  # share of inner lines ending mid-sentence in wrapped text
_MIN_SOFT_SHARE = 0.3  # share of inner lines that are soft breaks (``_soft_break``): text broken anywhere
# Prose wrapped at a fixed width breaks before whatever word comes next, a lower-case one about
# four times in five in English news; one-per-line headlines, list items and captions end without
# a stop before a capital. Wrapped text without blank lines needs at least this share of evident
# continuations (see ``_continues``).
_MIN_CONTINUED_WRAP = 0.25
# A line broken by hand mid-sentence is broken somewhere along a line of the text's usual length:
# at least this share of the long lines' length ``W``.
_MIN_SOFT_LENGTH = 0.5


@dataclass(frozen=True)
class Shape:
    kind: ShapeKind
    width: int = 0
    """The wrap width of hard-wrapped text; the length of the long lines of one-per-line text
    (a high quantile of the inner lines' lengths); 0 for blank-line text."""


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
    cased_start: bool  # its first letter (after opening quotes) has a case: the start tells something
    dangling: bool  # ends with a word a sentence cannot end with
    comma: bool  # ends with a comma
    table_row: bool  # a row of a table in Markdown's shape: "| Aska | 7.3% | 7.9% |"


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


def _dangling(stripped: str) -> bool:
    last = _LAST_WORD.search(stripped[-20:])
    return bool(last) and last.group(1).lower() in _DANGLING


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
                    _cased(stripped.lstrip(_OPENING)[:1]),
                    _dangling(stripped),
                    stripped[-1] == ",",
                    len(stripped) >= 3 and stripped[0] == "|" and stripped[-1] == "|",
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
    blank = _has_blank_line(lines)
    if not inner:
        # No two plain lines in a row: every line break touches a list item or a heading. Without a
        # blank line anywhere the lines are one per paragraph ("1. Corlin", "2. Tarrow", then the
        # text), not one paragraph.
        return Shape("blank-line" if blank else "line")
    lengths = sorted((line.length for line in inner), reverse=True)
    # A high quantile, not the maximum: an unbreakable URL may stick out of wrapped text.
    width = lengths[len(lengths) // 10] if len(lengths) >= 10 else lengths[0]
    # Wrapped text: the lines that end mid-sentence (wrapped there) end close to the width. Lines
    # that end a paragraph (no blank line after them) end short, with a full stop. Without blank
    # lines, a column of headlines, list items, captions or code looks the same, so the width must
    # be a column's and the lines after the wrapped ones must go on with the sentence now and
    # then; with blank lines, these mark the paragraphs and the lines between them are wrapped.
    mid = [(a, b) for a, b in _pairs(lines) if a.mid_sentence]
    near = sum(a.length >= _NEAR_WIDTH * width for a, _ in mid) / len(mid) if mid else 0.0
    # Only lines whose start can tell count: a line after a wrap may start with a number, and
    # scripts without case (Chinese, Japanese) give no sign either way.
    telling = [(a, b) for a, b in mid if b.cased_start or _continues(a, b)]
    continued = sum(_continues(a, b) for a, b in telling) / len(telling) if telling else 1.0
    if (
        width <= _MAX_WRAP_WIDTH
        and near >= _MIN_NEAR_SHARE
        and len(mid) >= _MIN_MID_SHARE * len(inner)
        and (blank or (width >= _MIN_WRAP_WIDTH and continued >= _MIN_CONTINUED_WRAP))
    ):
        return Shape("wrapped", width)
    # Lines broken anywhere (not at a fixed width): many are soft breaks. A heading line also ends
    # mid-sentence, but the next line starts with a capital.
    soft = sum(_soft_break(a, b, width) for a, b in _pairs(lines)) / len(inner)
    if soft >= _MIN_SOFT_SHARE:
        return Shape("blank-line")
    return Shape("line", width)


def _has_blank_line(lines: list[_Line | None]) -> bool:
    """Whether a blank line stands between two lines of text."""
    seen = pending = False
    for line in lines:
        if line is None:
            pending = seen
        elif pending:
            return True
        else:
            seen = True
    return False


def _continues(a: _Line, b: _Line, comma: bool = True) -> bool:
    """Whether ``b`` evidently goes on with the sentence line ``a`` ended in: ``a`` ends
    mid-sentence and ``b`` starts in lower case, or ``a`` ends with a word such as "of" (or with a
    comma, when ``comma``)."""
    return a.mid_sentence and (b.lower_start or a.dangling or (comma and a.comma))


def _soft_break(a: _Line, b: _Line, width: int) -> bool:
    """Whether ``b`` goes on with the sentence that line ``a`` broke off (text not wrapped at a width).

    It must evidently continue ``a`` (``_continues``; a comma is not enough here: items of a list
    and a paragraph cut short end with one, then a capital), and ``a`` must be about as long as
    the text's long lines (``width``): in a text written one paragraph per line, a short line that
    ends without a stop is a paragraph of its own whatever comes next ("Photo: Corlin Harbour
    Authority" before "from $40", "config: {" before "items: [", a link's text before a handle).
    A text whose long lines are narrower than a newspaper column is code, a list or verse: one
    line each.
    """
    long_enough = a.length >= _MIN_SOFT_LENGTH * width
    return width >= _MIN_WRAP_WIDTH and long_enough and _continues(a, b, comma=False)


def _pairs(lines: list[_Line | None]):
    for a, b in zip(lines, lines[1:]):
        if a is not None and b is not None and not (
            a.list_item or a.md_heading or b.list_item or b.md_heading or a.table_row or b.table_row
        ):
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
    if a.table_row or b.table_row:
        # A table is one paragraph, with its caption: the one line right above its first row.
        return not (a.table_row and b.table_row) and not (b.table_row and first is a and not a.md_heading)
    if a.md_heading or b.md_heading:
        return True
    if shape.kind == "wrapped":
        ended_early = a.length + 1 + b.first_word <= shape.width
        if b.list_item:
            # "- " at the start of a full line is a dash the wrapper moved, not a list item.
            return ended_early or first.list_item or a.length < _NEAR_WIDTH * shape.width
        # A line ending with a word no sentence ends with ("at", "than") was broken inside its
        # sentence, however short: text wrapped by hand, not by a greedy wrapper.
        if ended_early and not (a.mid_sentence and a.dangling):
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
    # One paragraph per line, except a list item's indented continuation and a line broken by hand
    # mid-sentence.
    if first.list_item and b.indent > first.indent:
        return False
    return not _soft_break(a, b, shape.width)
