"""What the app knows about the browser it is served to (``newsdigest serve``).

The server tells each app process, through its environment, whether the reader's page is a
secure context: browsers let a page write to the clipboard only over https or from the machine
itself (``localhost``, ``127.0.0.1``), and ``y`` says so instead of pretending to copy.
Imports nothing heavy: the app reads it, and so does ``tui.serve``.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

SECURE_PAGE_ENV = "NEWSDIGEST_SECURE_PAGE"
"""``1`` when the reader's page may use the clipboard, ``0`` when it may not (set per session)."""

_LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def page_is_secure(environ: dict[str, str] | None = None) -> bool:
    """Whether the page this app is served to may write to the reader's clipboard."""
    return (os.environ if environ is None else environ).get(SECURE_PAGE_ENV) == "1"


def is_secure_origin(origin: str | None) -> bool:
    """Whether a page of ``origin`` (the browser's ``Origin`` header) is a secure context: https,
    or http from the reader's own machine. An origin that cannot be read is not."""
    if not origin:
        return False
    try:
        parts = urlsplit(origin)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme == "https":
        return True
    if parts.scheme != "http":
        return False
    return host in _LOOPBACK_HOSTS or host.endswith(".localhost") or host.startswith("127.")


def is_web_address(url: str) -> bool:
    """Whether an article's URL may be opened in the reader's browser: http or https only, so no
    article can make the page run a ``javascript:`` or ``data:`` URL."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
