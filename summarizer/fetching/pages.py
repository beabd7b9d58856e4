"""Fetched pages and feed content to article text, with the project's HTML reader.

The charset comes from the HTTP header, else from the document (``<meta charset>``, the
``http-equiv`` tag or the XML declaration), else it is guessed as for files (UTF-8, then a
legacy code page). Two things outrank a label: a byte-order mark, and bytes that are valid UTF-8
with non-ASCII in them when the label names a single-byte code page (servers that send a default
``charset=ISO-8859-1`` for pages written in UTF-8 are common, while Latin-1 or Windows-1252 text
that happens to be valid UTF-8 is all but impossible).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..reading.decoding import UndecodableError, decode_bytes, normalise_newlines
from ..reading.html import html_to_text

MIN_FEED_TEXT = 600
"""A feed item's description or summary is the article when it is at least this long (characters
of text, markup aside): shorter ones are teasers, and the item's page is fetched instead. An item's
content (content:encoded, Atom ``content``) is the whole article whatever its length (a brief is
short), unless it ends cut short ("...", "[…]", "Continue reading")."""
_CUT_SHORT = re.compile(
    r"(?:\.\.\.|\u2026|\[\s*(?:\.\.\.|\u2026)\s*\])\s*$"
    r"|\b(?:continue reading|read more|read the (?:full|rest|whole)\b[^\n]{0,40}|full (?:story|article)"
    r"|keep reading)\W{0,6}$",
    re.IGNORECASE | re.MULTILINE,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    date: str | None


class PageError(Exception):
    """A page with no article in it (``str()`` says why)."""


def decode_page(body: bytes, charset: str | None) -> str:
    """The page's text: the header's charset, else the document's, else a guess."""
    if body.startswith(_BOMS):
        try:
            return decode_bytes(body)
        except UndecodableError as error:
            raise PageError(f"{error}, skipped") from None
    utf8 = _non_ascii_utf8(body)
    for name in (charset, _document_charset(body)):
        if not name:
            continue
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec in ("utf-16", "utf-32") and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                                                  codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            continue  # a page claiming UTF-16 in ASCII is lying: guess instead
        if utf8 is not None and _single_byte(codec):
            return utf8
        try:
            return normalise_newlines(body.decode(codec))
        except UnicodeDecodeError:
            continue  # a wrong label: guess instead
    try:
        return decode_bytes(body)
    except UndecodableError as error:
        raise PageError(f"{error}, skipped") from None


def page_text(body: bytes, charset: str | None) -> PageText:
    html = decode_page(body, charset)
    page = html_to_text(html)
    if not page.text.strip():
        raise PageError("no article text found in the page, skipped")
    return PageText(page.text, page.title, page.date)


def content_text(html: str | None, full_content: bool = False) -> str | None:
    """A feed item's own text when it is a whole article (see :data:`MIN_FEED_TEXT`), else None:
    its content (``full_content``) unless cut short, or a description this long."""
    if not html or (len(html) < MIN_FEED_TEXT and not full_content):
        return None
    page = html_to_text(f"<html><body><article>{html}</article></body></html>")
    text = page.text.strip()
    if full_content:
        return text if text and not _CUT_SHORT.search(text) else None
    return text if len(text) >= MIN_FEED_TEXT else None


def item_text(html: str | None) -> str | None:
    """A feed item's own text, however short (None when it has none): what stands for the article
    when its page cannot be had."""
    if not html or not html.strip():
        return None
    text = html_to_text(f"<html><body><article>{html}</article></body></html>").text.strip()
    return text or None


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _non_ascii_utf8(body: bytes) -> str | None:
    """The body decoded as UTF-8 when it is valid UTF-8 holding some non-ASCII, else None."""
    if body.isascii():
        return None
    try:
        return normalise_newlines(body.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def _single_byte(codec: str) -> bool:
    """Whether a codec maps each byte to one character (Latin-1, Windows-125x, KOI8-R...), the
    labels a UTF-8 body is read against: multi-byte ones (Shift_JIS, GBK, EUC-KR) are trusted."""
    if codec in ("utf-8", "utf-8-sig"):
        return False
    try:
        return len(bytes(range(256)).decode(codec, "replace")) == 256
    except (LookupError, TypeError, ValueError):
        return False


def _document_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")
