"""The user's subscriptions: ``$XDG_CONFIG_HOME/newsdigest/feeds.toml`` (``NEWSDIGEST_FEEDS`` overrides).

```toml
[[feed]]
name = "norvale-herald"
url = "https://herald.norvale.example/rss"
```

Names are lower-case letters, digits, ``-`` and ``_`` (made from the feed's title or host when
not given). The file is written atomically; OPML (what every feed reader exports) is read and
written for moving subscriptions between readers.

:func:`~summarizer.fetching.backends.open_subscriptions` gives the list a command uses: this file (:class:`SubscriptionFile`),
or with a shared index (``--index postgresql://…``) the team's list in that database
(:class:`~summarizer.fetching.shared.SharedSubscriptions`); both have ``load()`` and ``edit(change)``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from ..atomic import write_atomically
from ..errors import NewsdigestError
from ..locations import config_file

NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class SubscriptionError(NewsdigestError):
    """The subscriptions file or an OPML file cannot be read or written, or a name is wrong."""


class UnknownFeedError(SubscriptionError):
    """A feed was named that no subscription has (a usage error)."""


@dataclass(frozen=True)
class Subscription:
    name: str
    url: str


def feeds_path() -> Path:
    """``$NEWSDIGEST_FEEDS``, else ``$XDG_CONFIG_HOME/newsdigest/feeds.toml`` (``~/.config`` when unset)."""
    return config_file("feeds.toml", "NEWSDIGEST_FEEDS")


T = TypeVar("T")


class SubscriptionFile:
    """The subscriptions in ``path`` (default :func:`feeds_path`)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or feeds_path()

    def load(self) -> list[Subscription]:
        return load(self.path)

    def edit(self, change: Callable[[list[Subscription]], T]) -> T:
        """``change(subscriptions)`` on the list as it is now, then the file replaced (nothing
        written when ``change`` raises)."""
        subs = load(self.path)
        result = change(subs)
        save(subs, self.path)
        return result

    def close(self) -> None:
        pass

    def __enter__(self) -> SubscriptionFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def load(path: Path | None = None) -> list[Subscription]:
    """The subscriptions in ``path`` (none when it does not exist)."""
    path = path or feeds_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise SubscriptionError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise SubscriptionError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise SubscriptionError(f"{path}: {error}") from None
    feeds = document.get("feed", [])
    if not isinstance(feeds, list):
        raise SubscriptionError(f"{path}: 'feed' must be an array of tables ([[feed]])")
    found: list[Subscription] = []
    for number, entry in enumerate(feeds, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str) or not isinstance(entry.get("name"), str):
            raise SubscriptionError(f"{path}: feed {number}: needs a name and a url (strings)")
        if not NAME.fullmatch(entry["name"]):
            raise SubscriptionError(f"{path}: feed {number}: bad name {entry['name']!r} (lower-case letters, digits, - and _)")
        found.append(Subscription(entry["name"], entry["url"]))
    return found


def save(subscriptions: list[Subscription], path: Path | None = None) -> None:
    """Replace the file atomically (a reader never sees half of it)."""
    path = path or feeds_path()
    lines = ["# newsdigest subscriptions: newsdigest feeds add|remove|import|export\n"]
    for sub in subscriptions:
        lines.append(f"\n[[feed]]\nname = {_toml_string(sub.name)}\nurl = {_toml_string(sub.url)}\n")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, "".join(lines))
    except OSError as error:
        raise SubscriptionError(f"{path}: cannot write: {error.strerror or error} (nothing was changed)") from None


def add(subscriptions: list[Subscription], url: str, name: str | None = None, title: str | None = None) -> Subscription:
    """A new subscription appended to ``subscriptions``; an error when the URL or name is taken."""
    check_url(url)
    for sub in subscriptions:
        if sub.url == url:
            raise SubscriptionError(f"already subscribed to {url} as {sub.name!r}")
    if name is not None:
        if not NAME.fullmatch(name):
            raise SubscriptionError(f"bad feed name {name!r}: lower-case letters, digits, - and _ (at most 64)")
        if any(sub.name == name for sub in subscriptions):
            raise SubscriptionError(f"a feed is already named {name!r}")
    else:
        name = unique_name(title or urlsplit(url).hostname or "feed", {s.name for s in subscriptions})
    sub = Subscription(name, url)
    subscriptions.append(sub)
    return sub


def remove(subscriptions: list[Subscription], name_or_url: str) -> Subscription:
    for n, sub in enumerate(subscriptions):
        if name_or_url in (sub.name, sub.url):
            return subscriptions.pop(n)
    raise UnknownFeedError(f"no subscribed feed is named {name_or_url!r} or has that URL")


def select(subscriptions: list[Subscription], names: list[str]) -> list[Subscription]:
    """The subscriptions named (by name or URL); all of them when ``names`` is empty."""
    if not names:
        return list(subscriptions)
    chosen = []
    for name in names:
        match = next((s for s in subscriptions if name in (s.name, s.url)), None)
        if match is None:
            known = ", ".join(s.name for s in subscriptions) or "none (newsdigest feeds add URL)"
            raise UnknownFeedError(f"unknown feed {name!r}; subscribed feeds: {known}")
        if match not in chosen:
            chosen.append(match)
    return chosen


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SubscriptionError(f"not an http(s) URL: {url!r}")


def unique_name(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48] or "feed"
    if not base[0].isalnum():
        base = "feed-" + base
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


# -- OPML --------------------------------------------------------------------------------------


def read_opml(path: Path) -> list[tuple[str, str | None]]:
    """(feed URL, title) of every outline with an ``xmlUrl``, nested folders included."""
    import xml.etree.ElementTree as ET
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SubscriptionError(f"{path}: cannot read: {error.strerror or error}") from None
    if b"<!ENTITY" in data[:65536]:
        raise SubscriptionError(f"{path}: OPML with entity declarations is not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise SubscriptionError(f"{path}: not valid OPML ({error})") from None
    if root.tag.lower() != "opml":
        raise SubscriptionError(f"{path}: not an OPML file (root element <{root.tag}>)")
    found = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url:
            found.append((url.strip(), outline.get("title") or outline.get("text")))
    return found


def write_opml(subscriptions: list[Subscription]) -> str:
    from xml.sax.saxutils import quoteattr

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>newsdigest subscriptions</title></head>",
        "  <body>",
    ]
    for sub in subscriptions:
        lines.append(f'    <outline type="rss" text={quoteattr(sub.name)} title={quoteattr(sub.name)} xmlUrl={quoteattr(sub.url)}/>')
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _toml_string(value: str) -> str:
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
