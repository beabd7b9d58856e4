"""HTML pages to article text: main content only, via breadability (which sumy brings)."""

from __future__ import annotations

from dataclasses import dataclass
from string import punctuation

import lxml.html
from breadability.readable import Article as ReadableArticle

_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
)


@dataclass(frozen=True)
class HtmlText:
    text: str
    """Paragraphs separated by blank lines; headings on lines of their own, prefixed with ``#``."""
    title: str | None
    date: str | None
    url: str | None


def html_to_text(html: str) -> HtmlText:
    paragraphs: list[str] = []
    for paragraph in ReadableArticle(html).main_text:
        current = ""
        for text, annotations in paragraph:
            if annotations and _HEADING_TAGS.intersection(annotations):
                if current.strip():
                    paragraphs.append(current.strip())
                    current = ""
                paragraphs.append("# " + " ".join(text.split()))
            elif not (annotations and "pre" in annotations) and text:
                # no space between a word and the punctuation after it
                current += text if text[0] in punctuation else " " + text
        if current.strip():
            paragraphs.append(" ".join(current.split()))
    title, date, url = _page_metadata(html)
    return HtmlText("\n\n".join(paragraphs), title, date, url)


def _page_metadata(html: str) -> tuple[str | None, str | None, str | None]:
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None, None, None
    meta = {
        (el.get("property") or el.get("name") or el.get("itemprop") or "").lower(): el.get("content")
        for el in tree.iter("meta")
        if el.get("content")
    }
    title = " ".join((meta.get("og:title") or tree.findtext(".//title") or "").split()) or None
    date = next((meta[k.lower()] for k in _DATE_META if meta.get(k.lower())), None)
    if date is None:
        time = tree.find(".//time[@datetime]")
        date = time.get("datetime") if time is not None else None
    canonical = tree.find(".//link[@rel='canonical']")
    url = meta.get("og:url") or (canonical.get("href") if canonical is not None else None)
    return title, date, url
