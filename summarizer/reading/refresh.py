"""A page that only sends its reader on: ``<meta http-equiv="refresh" content="0; url=...">``.

Such a stub ("Redirecting...", "This story has moved") is no article: fetched, it is followed as an
HTTP redirect is (see :mod:`summarizer.fetching.http`); read from a file, it is skipped. A refresh
that reloads the page itself (``content="300"``, a news front's auto-reload) or waits long enough
to be read is no redirect, and one inside ``<noscript>`` is the page's way of sending readers
without JavaScript elsewhere, not a move of the story.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urldefrag, urljoin

_HEAD_CHARS = 32_768
_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_HTTP_EQUIV = re.compile(r"""\bhttp-equiv\s*=\s*["']?\s*refresh\b""", re.IGNORECASE)
_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_VALUE = re.compile(r"""\s*(\d+(?:\.\d*)?)\s*[;,]\s*(?:url\s*=\s*)?["']?([^"'\s][^"']*?)["']?\s*$""", re.IGNORECASE)
MAX_DELAY = 5
"""A refresh later than this many seconds lets the page be read first: it is no redirect."""
STUB_MAX_WORDS = 60
"""A page read from a file that sends its reader on is skipped when it says no more than this."""


def refresh_target(html: str, base: str | None = None) -> str | None:
    """The address a page's ``<meta http-equiv="refresh">`` sends its reader to at once (resolved
    against ``base``), or None: no such tag, a reload of the page itself, a long delay."""
    head = _NOSCRIPT.sub("", html[:_HEAD_CHARS])
    for tag in _META.findall(head):
        if not _HTTP_EQUIV.search(tag):
            continue
        content = _CONTENT.search(tag)
        if content is None:
            continue
        value = _VALUE.match(unescape(next(g for g in content.groups() if g is not None)))
        if value is None or float(value.group(1)) > MAX_DELAY:
            continue
        target = value.group(2).strip()
        resolved = urljoin(base, target) if base else target
        if base and urldefrag(resolved)[0] == urldefrag(base)[0]:
            continue  # a reload of the page itself
        return resolved
    return None
