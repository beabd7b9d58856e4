"""Article text to the model: metadata, paragraphs, headings, boilerplate and sentences."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from .metadata import (
    date_header, date_line, dateline_date, dateline_length, front_matter, keyed_header, normalise_date,
    source_date_line,
)
from ..model import Article, Block, Metadata, Sentence
from .paragraphs import paragraph_spans

if TYPE_CHECKING:  # imported when an article is parsed: a warm run reads articles from the index
    from .boilerplate import BoilerplateDetector
    from .exclusions import Piece
    from .segment import SentenceSplitter

# A heading has no sentence-final punctuation; a line ending in a comma is a salutation
# ("Dear readers,") or a broken sentence, not a heading.
_FINAL_PUNCTUATION = tuple(".!?:;,\"'\u201d\u2019)\u2026\u3002\uff01\uff1f")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")
_HEADING_MAX_WORDS = 20
_LIST_MARKER = re.compile(r"(?:[-*\u2022\u2013\u2014]{1,2}|\d{1,2}[.)])[ \t]+")
_TITLE_WORDS = 12  # a title made from the first sentence is cut to about this many words
_TITLE_HEADING_MIN_WORDS = 4  # a heading after the first paragraph is the title only if this long
_MASTHEAD_MAX_WORDS = 3  # a line in capitals this short above a headline names the paper (or is a kicker)


_TABLE_ROW = re.compile(r"[ \t]*\|[^\n]*\|[ \t]*")
_TABLE = "table of figures"
"""The reason a body block gives when it is a table (see :func:`is_table`): it has no sentences."""


def is_table(paragraph: str) -> bool:
    """Whether a paragraph is a table of figures in Markdown's shape (rows ``| Aska | 7.3% | 7.9% |``,
    one a line, as a page's ``<table>`` is written), under its caption when it has one. It is the
    article's content, shown with it, but no sentence: its rows say nothing a summary could quote,
    and its caption says what the rows are, not something the story tells."""
    lines = paragraph.strip().split("\n")
    rows = [line for line in lines[1:] if _TABLE_ROW.fullmatch(line)]
    return len(rows) == len(lines) - 1 and (len(rows) > 0 or bool(_TABLE_ROW.fullmatch(lines[0])))


def is_heading_line(line: str) -> bool:
    """A short line with no sentence-final punctuation: a headline or section heading."""
    stripped = line.strip()
    if not stripped:
        return False
    if _MARKDOWN_HEADING.match(stripped):
        return True
    words = stripped.split()
    return len(words) <= _HEADING_MAX_WORDS and not stripped.endswith(_FINAL_PUNCTUATION)


class ArticleParser:
    """Turns an article's text into an :class:`Article` whose offsets index that text."""

    def __init__(
        self,
        splitter: SentenceSplitter | None = None,
        detector: BoilerplateDetector | None = None,
    ) -> None:
        self._splitter = splitter
        self._detector = detector

    def _split(self) -> SentenceSplitter:
        """The sentence splitter, made on first use: a run that parses nothing never imports NLTK."""
        if self._splitter is None:
            from .segment import SentenceSplitter

            self._splitter = SentenceSplitter()
        return self._splitter

    def _detect(self) -> BoilerplateDetector:
        """The boilerplate detector, made on first use (compiling its patterns takes 30 ms)."""
        if self._detector is None:
            from .boilerplate import BoilerplateDetector

            self._detector = BoilerplateDetector()
        return self._detector

    def __call__(self, text: str, meta: Metadata) -> Article:
        from .exclusions import Piece, exclude_boilerplate

        text = _HIDDEN.sub("", text)
        fields: dict[str, str] = {}
        pos = 0
        matter = front_matter(text)
        pieces: list[Piece] = []
        if matter:
            fields.update(matter.fields)
            pieces.append(Piece(0, matter.end, "metadata", "front matter"))
            pos = matter.end

        above = True  # no body yet: a date alone on a line is the article's
        for start, end in paragraph_spans(text, pos):
            blocks = _classify(text, start, end, fields, above, meta.path)
            above = above and not any(kind == "body" for _, _, kind, _ in blocks)
            pieces.extend(Piece(*block) for block in blocks)
        _question_headline(text, pieces, fields)
        _standfirst(text, pieces, meta.title or fields.get("title") or fields.get("headline"))
        for piece in pieces:
            if piece.kind == "body" and piece.reason != _TABLE:
                piece.sentences = [(piece.start + s, piece.start + e) for s, e in self._split()(text[piece.start : piece.end])]

        # Headings too: a lone "Donate now" line looks like a heading but belongs to an appeal.
        pieces = exclude_boilerplate(text, pieces, self._detect())

        model_blocks = tuple(
            Block(index, p.start, p.end, p.kind, p.reason)  # type: ignore[arg-type]
            for index, p in enumerate(pieces)
        )
        sentences: list[Sentence] = []
        for block, piece in zip(model_blocks, pieces):
            if block.kind != "body":
                continue
            for start, end in piece.sentences:
                # A list marker ("- ", "-- ", "1. ") is not part of what the item says.
                marker = _LIST_MARKER.match(text, start, end)
                if marker and marker.end() < end:
                    start = marker.end()
                sentences.append(Sentence(meta.id, len(sentences), block.index, start, end, text[start:end]))

        title = (
            meta.title
            or fields.get("title")
            or fields.get("headline")
            or _heading_title(text, model_blocks)
            or _sentence_title(sentences)
            or meta.id
        )
        date = meta.date or fields.get("date") or fields.get("published")
        return Article(
            id=meta.id,
            title=title,
            text=text,
            date=normalise_date(date) or date,
            path=meta.path,
            url=meta.url or fields.get("url") or fields.get("link") or fields.get("source_url") or _web_source(fields),
            blocks=model_blocks,
            sentences=tuple(sentences),
        )


_HIDDEN = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC: a window title, a link, within a line
    r"|\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
    r"|[\u200b\u2060\u00ad]"  # zero-width space, word joiner, soft hyphen: words split where nothing shows
)
"""What an article's text holds that no reader sees: terminal escape sequences with what they carry
(a window title "\x1b]0;...\x07" would be indexed and matched as words), and invisible characters
inside words ("hu\u00admanitarian" is "humanitarian" on the page). Removed before anything is
read, so offsets index the text without them."""


STANDFIRST_MIN_WORDS = 8
"""A standfirst (deck) is a line this long at least: "Councillors want a second consultation before
deciding the fate of three branch libraries". Shorter lines above a story are kickers, bylines, dates."""
_STANDFIRST_LOWER_SHARE = 0.5
_WORD_START = re.compile(r"(?<![\w'\u2019.-])[^\W\d_]")


def _standfirst(text: str, pieces: list[Piece], title: str | None) -> None:
    """A standfirst under the headline is the article's first sentence, not a heading, though it has
    no full stop: a heading-like line above the story's first paragraph that is not the headline, of
    ``STANDFIRST_MIN_WORDS`` words or more, written as a sentence is (at least half of its words after
    the first in lower case: "The Gulls have lost three straight and face a Foxes side ..."), where a
    headline capitalises its words and a byline or a date names. Only the first line under the headline
    can be one; a heading marked as one ("# ...", "## ...") stays one. Turned into body in place."""
    seen_title = title is not None
    wanted = _normal(title) if title else None
    for piece in pieces:
        if piece.kind == "body" or (seen_title and piece.kind == "metadata" and piece.reason == "byline"):
            return  # a byline is the line under the headline: the next ones are a caption, a date...
        if piece.kind != "heading":
            continue
        line = text[piece.start : piece.end]
        heading = _heading_text(line)
        if not seen_title or _normal(heading) == wanted:
            seen_title = seen_title or not _masthead_words(heading)
            continue
        if _MARKDOWN_HEADING.match(line):
            continue
        if reads_as_sentence(heading) and not _FULL_DATE.search(heading):
            piece.kind = "body"
        return  # one line under the headline: the next ones are a byline, a caption...


# A date with its day, month and year, in any language ("3 mars 2026", "March 3, 2026", "2026-03-03"):
# a line under the headline that gives one is a date line ("Publié le 3 mars 2026 à 09h12 - Mis à jour
# le 5 mars 2026"), never the standfirst, which tells the story without dating itself.
_FULL_DATE = re.compile(
    r"(?<![\w.])(?:\d{1,2}(?:er|º|\.)?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?!\w)"
)


def _web_source(fields: dict[str, str]) -> str | None:
    """A web clipper's ``source:`` field, the page the file was saved from (a source can also be an
    outlet's name, which is no address)."""
    source = fields.get("source", "")
    return source if source.startswith(("https://", "http://")) and " " not in source else None


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _masthead_words(heading: str) -> bool:
    return len(heading.split()) <= _MASTHEAD_MAX_WORDS and heading.isupper()


def reads_as_sentence(line: str) -> bool:
    """Whether a line without a full stop is written as a sentence (a standfirst) rather than as a
    headline or a label: ``STANDFIRST_MIN_WORDS`` words or more, at least half of them after the
    first in lower case."""
    words = line.split()
    if len(words) < STANDFIRST_MIN_WORDS:
        return False
    starts = [m.group() for m in _WORD_START.finditer(" ".join(words[1:]))]
    return bool(starts) and sum(c.islower() for c in starts) >= _STANDFIRST_LOWER_SHARE * len(starts)


def _heading_title(text: str, blocks: Sequence[Block]) -> str | None:
    """The headline: a heading before the first paragraph, else the first long heading
    (not a section heading such as "Background"). Headings inside boilerplate are not headings."""
    seen_body = False
    for n, block in enumerate(blocks):
        if block.kind == "body":
            seen_body = True
        elif block.kind == "heading":
            heading = _heading_text(text[block.start : block.end])
            if not seen_body and _masthead(heading, blocks[n + 1 :], text):
                continue
            if heading and (not seen_body or len(heading.split()) >= _TITLE_HEADING_MIN_WORDS):
                return heading
    return None


def _masthead(heading: str, after: Sequence[Block], text: str) -> bool:
    """Whether a heading is the publication's name or a kicker above the headline ("CALDERWICK
    ECHO", "EXCLUSIVE"): a few words in capitals followed at once by a heading that is not."""
    if not heading or len(heading.split()) > _MASTHEAD_MAX_WORDS or not heading.isupper() or ":" in heading:
        return False
    following = after[0] if after else None
    if following is None or following.kind != "heading":
        return False
    headline = _heading_text(text[following.start : following.end])
    return bool(headline) and not headline.isupper()


def _sentence_title(sentences: Sequence[Sentence]) -> str | None:
    """A title for an article without a headline: its first sentence, cut at a word boundary."""
    if not sentences:
        return None
    words = sentences[0].text.split()
    if len(words) <= _TITLE_WORDS + 2:
        return " ".join(words)
    cut = words[:_TITLE_WORDS]
    while len(cut) > _TITLE_WORDS // 2 and cut[-1].lower().strip(",;:") in _WEAK_LAST_WORDS:
        cut.pop()  # "… met on Monday to resume the" reads better without its last "the"
    return " ".join(cut).rstrip(",;:\u2013\u2014-") + "\u2026"


_WEAK_LAST_WORDS = frozenset(
    "a an the and or but of to in on at for from by with as that which who whose its their his her".split()
)


def _heading_text(line: str) -> str:
    heading = _MARKDOWN_HEADING.sub("", line.strip()).strip()
    # A wire headline may open with the story's dateline ("KELL, Tarvonia \u2014 Brescovy rejects ..."):
    # the place is where it was filed, not part of the title. Only a place in capitals before a
    # headline that is not: in a headline all in capitals ("ALL NORMAL WITH THE FLIGHT _ UNTIL A
    # DESCENT") the first words are no place; and a label with a colon is the headline's kicker
    # ("EDITORIAL: ...", "TV REVIEW: ..."), which says what the piece is.
    dateline = dateline_length(heading)
    if (0 < dateline < len(heading) and not heading[:dateline].rstrip().endswith(":")
            and not heading[dateline:].isupper()):
        return heading[dateline:].strip()
    return heading


_BYLINE_LINE = re.compile(
    r"By[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?:(?:,|[ \t]+and|[ \t]+&|[ \t]*\|)[ \t]+[^\n]{1,80}?)?(?<![.!?\"\u201d])[ \t]*(?:\n|\Z)"
)
"""A byline alone on its line: "By Ansel Mirow", "By Ansel Mirow, Orvel Observer"; not a sentence
("By Monday, the floods had reached Kell.")."""


def _classify(
    text: str, start: int, end: int, fields: dict[str, str], above: bool = False, path: str | None = None,
) -> list[tuple[int, int, str, str]]:
    """Split one paragraph into metadata, heading and body parts. ``above``: no body came before
    it, so a date alone on a line is the article's date ("By Tove Brannock" / "12 November 2026");
    further down such a line is a timeline's entry, not when the article was published. ``path``:
    the article's file, whose day dates a dateline without a year."""
    out: list[tuple[int, int, str, str]] = []
    if is_table(text[start:end]):
        return [(start, end, "body", _TABLE)]  # with its caption, which is no heading of the article
    # Leading header lines: "date 2022-04-20", "Source: Reuters"... possibly fused to the text.
    while start < end:
        dated = date_header(text, start)
        if dated and dated[1] <= end + 1:
            fields.setdefault("date", dated[0])
            stop = min(dated[1], end)
            out.append((start, stop, "metadata", "date header"))
            start = _skip_space(text, stop, end)
            continue
        alone = date_line(text, start) if above else None
        if alone and alone[1] <= end + 1:
            fields.setdefault("date", alone[0])
            stop = min(alone[1], end)
            out.append((start, stop, "metadata", "date line"))
            start = _skip_space(text, stop, end)
            continue
        sourced = source_date_line(text, start) if above else None
        if sourced and sourced[2] <= end + 1:
            # "Brintwick Evening Post, 2026-11-17": the outlet and the date, above the story.
            fields.setdefault("source", sourced[0])
            fields.setdefault("date", sourced[1])
            stop = min(sourced[2], end)
            out.append((start, stop, "metadata", "source header"))
            start = _skip_space(text, stop, end)
            continue
        byline = _BYLINE_LINE.match(text, start, end) if above else None
        if byline:
            # "By Ansel Mirow, Orvel Observer" over a date line: the date is the article's.
            stop = byline.end()
            out.append((start, stop, "metadata", "byline"))
            start = _skip_space(text, stop, end)
            continue
        keyed = keyed_header(text, start)
        if keyed and keyed[2] <= end + 1:
            key, value, stop = keyed
            fields.setdefault(key, value)
            stop = min(stop, end)
            out.append((start, stop, "metadata", f"{key} header"))
            start = _skip_space(text, stop, end)
            continue
        break
    if start >= end:
        return out
    # A heading line at the top of a paragraph is a heading even without a blank line after it.
    first_newline = text.find("\n", start, end)
    first_line_end = end if first_newline == -1 else first_newline
    first_line = text[start:first_line_end]
    below = _skip_space(text, first_line_end, end) if first_newline != -1 else end
    # "Power back across Varnholt\ndate 2026-12-04": a headline over its date, one paragraph.
    dated = (date_header(text, below) or (date_line(text, below) if above else None)) if below < end else None
    if dated is None and above and below < end and (sourced := source_date_line(text, below)):
        fields.setdefault("source", sourced[0])  # "Harbour fire: the story so far" over "Brintwick Evening Post, 2026-11-17"
        dated = sourced[1:]
    if (
        is_heading_line(first_line)
        and not _LIST_MARKER.match(first_line)
        and (first_newline == -1 or dated is not None or _stands_apart(text, start, first_line_end, end))
    ):
        out.append((start, start + len(first_line.rstrip()), "heading", ""))
        start = below
        if dated is not None and dated[1] <= end + 1:
            fields.setdefault("date", dated[0])
            stop = min(dated[1], end)
            out.append((start, stop, "metadata", "date header"))
            start = _skip_space(text, stop, end)
        if start >= end:
            return out
    skip = dateline_length(text[start:end])
    if skip:
        dated = dateline_date(text[start:end], lambda: _written(path)) if above and "date" not in fields else None
        if dated:
            fields.setdefault("date", dated)  # the story's first paragraph, filed on that day
        out.append((start, start + skip, "metadata", "dateline"))
        start += skip
    out.append((start, end, "body", ""))
    return out


def _written(path: str | None) -> date:
    """The day the article's file was written (its modification time; a fetched page's is when it
    was fetched), else today."""
    try:
        return date.fromtimestamp(os.stat(path).st_mtime) if path else date.today()
    except (OSError, ValueError, OverflowError):
        return date.today()


def _question_headline(text: str, pieces: list[Piece], fields: dict[str, str]) -> None:
    """A first line that asks or exclaims ("Who is at risk from listeria?") over the article's date or
    source lines, or over its byline ("By Maren Hollis", "By Oona Feldt | March 12, 2026", whose date is
    the article's), or under its date line ("date 2026-01-26"), is its headline, not a sentence of its body
    that a summary could quote. Opening a text with nothing above or below it, a question is the body's."""
    first = next((n for n, piece in enumerate(pieces) if piece.kind != "metadata"), len(pieces))
    if first + 1 >= len(pieces) or pieces[first].kind != "body":
        return
    line = text[pieces[first].start : pieces[first].end].strip()
    if "\n" in line or not line.endswith(("?", "!")) or not is_heading_line(line.rstrip("?!")):
        return
    following = pieces[first + 1]
    written = text[following.start : following.end].strip()
    byline = following.kind in ("body", "heading") and _BYLINE_LINE.fullmatch(written + "\n") is not None
    if following.kind != "metadata" and not byline and not first:
        return
    pieces[first].kind = "heading"
    if byline:
        following.kind, following.reason = "metadata", "byline"
        bar = written.find("|")
        dated = date_line(text, _skip_space(text, following.start + bar + 1, following.end)) if bar != -1 else None
        if dated:
            fields.setdefault("date", dated[0])


def _stands_apart(text: str, start: int, line_end: int, end: int) -> bool:
    """Whether a first line is a heading rather than the first line of a hard-wrapped paragraph."""
    if _MARKDOWN_HEADING.match(text[start:line_end]):
        return True
    longest = max(len(line) for line in text[start:end].split("\n"))
    return line_end - start < 0.6 * longest


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos
