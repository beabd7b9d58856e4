"""``--since``: keep the articles published in a window (``24h``, ``7d``, ``2026-11-01``).

An article's time is its date (a day: the whole day counts, so ``--since 24h`` keeps every
article dated yesterday, whatever its hour); for an undated article, when it was first fetched
(URLs) or its file's modification time (files); else it is kept (nothing says it is old).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Article

_SPAN = re.compile(r"(\d+(?:\.\d+)?)\s*(m|min|h|d|w)", re.I)
_UNITS = {"m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """The start of the window: ``90m``, ``24h``, ``7d``, ``2w`` ago, or a date/time (local time
    unless it says its zone); ValueError when unreadable."""
    now = now or datetime.now(timezone.utc)
    value = text.strip()
    span = _SPAN.fullmatch(value)
    if span:
        return now - timedelta(seconds=float(span.group(1)) * _UNITS[span.group(2).lower()])
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a span (90m, 24h, 7d, 2w) or a date (2026-11-01), got {text!r}") from None
    if when.tzinfo is None:
        when = when.astimezone()  # local time, as the user wrote it
    return when.astimezone(timezone.utc)


def within(articles: Sequence[Article], start: datetime, fetched_times: Mapping[str, float] | None = None) -> list[Article]:
    """The articles published at or after ``start`` (see the module's rules)."""
    cutoff = start.timestamp()
    first_day = start.astimezone().date()
    kept = []
    for article in articles:
        day = _as_date(article.date)
        if day is not None:
            when_ok = day >= first_day
        elif article.url and fetched_times and article.url in fetched_times:
            when_ok = fetched_times[article.url] >= cutoff
        elif article.path:
            try:
                when_ok = os.stat(article.path).st_mtime >= cutoff
            except OSError:
                when_ok = True
        else:
            when_ok = True
        if when_ok:
            kept.append(article)
    return kept


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
