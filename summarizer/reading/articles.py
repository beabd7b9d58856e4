"""Article text to the model: metadata, paragraphs, headings, boilerplate and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import BoilerplateDetector
from .metadata import date_header, dateline_length, front_matter, keyed_header, normalise_date
from ..model import Article, Block, Sentence
from .segment import SentenceSplitter, trimmed_spans

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_FINAL_PUNCTUATION = tuple(".!?:;\"'\u201d\u2019)\u2026\u3002\uff01\uff1f")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")
_HEADING_MAX_WORDS = 20
_LIST_MARKER = re.compile(r"(?:[-*\u2022\u2013\u2014]{1,2}|\d{1,2}[.)])[ \t]+")


@dataclass(frozen=True)
class Metadata:
    """What the caller already knows about an article (from JSON fields, a file name...)."""

    id: str
    title: str | None = None
    date: str | None = None
    path: str | None = None
    url: str | None = None


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
        self._split = splitter or SentenceSplitter()
        self._detect = detector or BoilerplateDetector()

    def __call__(self, text: str, meta: Metadata) -> Article:
        fields: dict[str, str] = {}
        pos = 0
        matter = front_matter(text)
        blocks: list[tuple[int, int, str, str]] = []  # start, end, kind, reason
        if matter:
            fields.update(matter.fields)
            blocks.append((0, matter.end, "metadata", "front matter"))
            pos = matter.end

        for start, end in _paragraph_spans(text, pos):
            blocks.extend(_classify(text, start, end, fields))

        # Headings too: a lone "Donate now" line looks like a heading but belongs to an appeal.
        body = [i for i, b in enumerate(blocks) if b[2] in ("body", "heading")]
        verdicts = self._detect([text[blocks[i][0] : blocks[i][1]] for i in body])
        for i, verdict in zip(body, verdicts):
            if verdict is not None:
                start, end, _, _ = blocks[i]
                blocks[i] = (start, end, "boilerplate", f"{verdict.kind}: {verdict.reason}")

        model_blocks = tuple(
            Block(index, start, end, kind, reason)  # type: ignore[arg-type]
            for index, (start, end, kind, reason) in enumerate(blocks)
        )
        sentences: list[Sentence] = []
        for block in model_blocks:
            if block.kind != "body":
                continue
            for s_start, s_end in self._split(text[block.start : block.end]):
                start, end = block.start + s_start, block.start + s_end
                # A list marker ("- ", "-- ", "1. ") is not part of what the item says.
                marker = _LIST_MARKER.match(text, start, end)
                if marker and marker.end() < end:
                    start = marker.end()
                sentences.append(Sentence(meta.id, len(sentences), block.index, start, end, text[start:end]))

        heading = next((b for b in model_blocks if b.kind == "heading"), None)
        title = (
            meta.title
            or fields.get("title")
            or fields.get("headline")
            or (_heading_text(text[heading.start : heading.end]) if heading else None)
            or meta.id
        )
        date = meta.date or fields.get("date") or fields.get("published")
        return Article(
            id=meta.id,
            title=title,
            text=text,
            date=normalise_date(date) or date,
            path=meta.path,
            url=meta.url or fields.get("url") or fields.get("link") or fields.get("source_url"),
            blocks=model_blocks,
            sentences=tuple(sentences),
        )


def _heading_text(line: str) -> str:
    return _MARKDOWN_HEADING.sub("", line.strip()).strip()


def _paragraph_spans(text: str, pos: int) -> list[tuple[int, int]]:
    """Non-empty paragraphs from ``pos`` on, trimmed of surrounding whitespace."""
    return trimmed_spans(text, [pos, *(m.start() for m in _PARAGRAPH_BREAK.finditer(text, pos))])


def _classify(text: str, start: int, end: int, fields: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """Split one paragraph into metadata, heading and body parts."""
    out: list[tuple[int, int, str, str]] = []
    # Leading header lines: "date 2022-04-20", "Source: Reuters"... possibly fused to the text.
    while start < end:
        dated = date_header(text, start)
        if dated and dated[1] <= end + 1:
            fields.setdefault("date", dated[0])
            stop = min(dated[1], end)
            out.append((start, stop, "metadata", "date header"))
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
    if is_heading_line(first_line) and (first_newline == -1 or _stands_apart(text, start, first_line_end, end)):
        out.append((start, start + len(first_line.rstrip()), "heading", ""))
        start = _skip_space(text, first_line_end, end)
        if start >= end:
            return out
    skip = dateline_length(text[start:end])
    if skip:
        out.append((start, start + skip, "metadata", "dateline"))
        start += skip
    out.append((start, end, "body", ""))
    return out


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
