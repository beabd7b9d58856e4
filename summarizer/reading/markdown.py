"""Markdown files read as the text a reader sees: links as their words, no emphasis marks or images.

A clipped web page saved as Markdown (a browser's "save as Markdown", a notes app's web clipper) is full
of ``[the report](https://...)``, ``**VARNHOLT**`` and ``![photo](...)``; read as plain text, those
marks and addresses reached summaries. markdown-it-py (CommonMark, the parser rich already brings)
parses the file; this module writes its blocks back as plain text in the shape the plain-text reader
knows: blocks apart by blank lines, a heading with its ``#`` marks, list items one per line with their
marker, a table's rows as written. The line breaks inside a paragraph are kept, so a file with one
paragraph per line is still read as such. Front matter stays as written (it is read as metadata).
Like a web page's, the article's text (which every offset indexes) is this text, not the file's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .metadata import front_matter

# Inline tokens that show nothing: an image and raw HTML (the marks opening and closing emphasis, links
# and struck text are dropped by their type, "*_open" / "*_close").
_SILENT_INLINE = frozenset({"image", "html_inline"})
_SCRIPT = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def markdown_to_text(source: str) -> str:
    """The text of a Markdown document as a reader sees it (see the module's docstring)."""
    from markdown_it import MarkdownIt

    matter = front_matter(source)
    head, body = (source[: matter.end], source[matter.end :]) if matter else ("", source)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    lines = body.splitlines()
    blocks: list[str] = []
    items: list[str] = []  # the items of the list being read (nested lists too), one line each
    depth = 0  # how many lists the token is in
    last_end: int | None = None  # the line after the last paragraph read, in the file's body
    marker = ""  # the marker of the list item being read, until its first paragraph takes it
    tokens = parser.parse(body)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if not depth and items:
                blocks.append("\n".join(items))
                items = []
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup} " if token.info else f"{token.markup} "
        elif kind == "inline":
            text = _inline_text(token.children or ())
            heading = tokens[index - 1] if index else None
            if heading is not None and heading.type == "heading_open":
                text = f"{'#' * int(heading.tag[1:])} {text}"
            if not text.strip():
                pass
            elif depth:
                items.append(marker + text if marker else text)
                marker = ""
            else:
                blocks.append(text)
                last_end = token.map[1] if token.map else None
        elif kind == "code_block" and token.content.strip():
            # Indented text is most often prose indented by hand, not code: kept as written.
            blocks.append(token.content.rstrip("\n"))
        elif kind == "html_block":
            # Raw HTML in Markdown (a clipper's <p> or <figure>): its words, not its tags or scripts.
            text = " ".join(html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", token.content))).split())
            if text:
                blocks.append(text)
        elif kind == "table_open" and token.map:
            # The rows as written: a table of figures is recognised, and left out, in that shape.
            end = _closing(tokens, index, "table_close")
            rows = "\n".join(lines[token.map[0] : token.map[1]])
            if blocks and last_end == token.map[0]:
                blocks[-1] += "\n" + rows  # its caption, on the line above it: "Traffic by day"
            else:
                blocks.append(rows)
            index = end
        # Fenced code and rules are not what a reader reads as the article.
        index += 1
    text = "\n\n".join(blocks) + "\n"
    if head:
        return head.rstrip("\n") + "\n\n" + text
    return text


def _inline_text(children: Sequence) -> str:
    parts: list[str] = []
    for number, child in enumerate(children):
        kind = child.type
        if kind in ("em_open", "em_close", "strong_open", "strong_close") and _inside_a_word(parts, children, number):
            # "2*3*4 crates" is CommonMark's emphasis inside a word; a reader of news means the stars.
            parts.append(child.markup)
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")  # a line break kept: paragraphing reads the lines
        elif kind in _SILENT_INLINE or kind.endswith(("_open", "_close")):
            continue
        else:
            parts.append(child.content)
    return "".join(parts).strip()


def _inside_a_word(parts: list[str], children: Sequence, number: int) -> bool:
    before = "".join(parts)[-1:]
    after = next((c.content[:1] for c in children[number + 1 :] if c.type == "text" and c.content), "")
    return before.isalnum() and after.isalnum()


def _closing(tokens: Sequence, start: int, kind: str) -> int:
    level = tokens[start].level
    for index in range(start + 1, len(tokens)):
        if tokens[index].type == kind and tokens[index].level == level:
            return index
    return len(tokens) - 1
