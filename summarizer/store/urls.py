"""Index server URLs in messages: their password hidden (imported by the command line and the
PostgreSQL store alike, so it imports nothing of either)."""

from __future__ import annotations

import re
from urllib.parse import unquote


def hide_password(text: str, url: str) -> str:
    """``text`` with the password of ``url`` (as written, and percent-decoded) replaced by ``***``,
    wherever it appears: libpq quotes a URL it cannot parse, or the piece it could not decode,
    in its message. Works on URLs that do not parse, and without importing a driver."""
    _, found, rest = url.partition("://")
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0] if found else ""
    userinfo = netloc.rpartition("@")[0]
    secret = userinfo.partition(":")[2]
    if not secret:
        return text
    for form in sorted({secret, unquote(secret)} - {""}, key=len, reverse=True):
        text = text.replace(form, "***")
    return text
