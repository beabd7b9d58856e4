"""RSS, Atom and JSON feeds to items (feedparser, imported on first use, for the XML ones).

feedparser reads RSS 0.9x/1.0/2.0 and Atom, recovers from malformed XML and wrong charsets as
far as it can (it is told the charset from the HTTP headers), and resolves relative links
against ``xml:base`` and the feed's own URL. What is left to this module: telling a feed from
a page, links resolved even when feedparser could not, one item per GUID, and the item's own
full text when the feed carries it. JSON Feed (https://jsonfeed.org/version/1.1, served as
``application/feed+json``), which feedparser 6 does not read, is read here with ``json``: its
items' ``url``, ``title``, ``date_published``, and ``content_html`` or ``content_text`` (the whole
article) or ``summary``.
"""

from __future__ import annotations

import calendar
import html
import json
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urldefrag, urljoin, urlsplit

FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/x-atom+xml", "application/feed+xml",
})
JSON_FEED_TYPES = frozenset({"application/feed+json", "application/json"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FUTURE_SLACK = 86400.0
"""A date later than this many seconds from now is no publication date (a scheduled post, a wrong
clock or time zone): the item is taken as undated, so its page's own date, if any, is used."""
_TAG = re.compile(r"<[^>]*>")
_ELEMENTS = r"(?:p|div|br|hr|span|a|em|strong|b|i|u|ul|ol|li|h[1-6]|blockquote|img|figure|figcaption|table|tr|td|section|article)"
_ELEMENT_TAG = re.compile(rf"</?{_ELEMENTS}\b[^<>]*>", re.IGNORECASE)
_ESCAPED_TAG = re.compile(rf"&lt;(/?){_ELEMENTS}\b(?:(?!&[lg]t;)[^<>])*&gt;", re.IGNORECASE)
_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(rb"<(!doctype\s+html|html)\b", re.I)
_JSON_FEED_VERSION = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')


@dataclass(frozen=True)
class FeedItem:
    link: str
    """Absolute, without a fragment."""
    guid: str
    title: str | None
    published: float | None
    """Seconds since the epoch (UTC) from the item's published or updated date."""
    content_html: str | None
    """The item's longest HTML (content:encoded, Atom content, else the description)."""
    full_content: bool = False
    """Whether ``content_html`` is the item's content (content:encoded, Atom ``content``), which a
    feed fills with the whole article, rather than its description or summary, an excerpt."""


@dataclass(frozen=True)
class Duplicate:
    """An item skipped because an earlier item of the feed has its GUID but another link."""

    label: str
    """``item N ('Title')``."""
    guid: str
    link: str


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]
    problems: tuple[str, ...]
    """One line each: malformed XML read leniently, items skipped and why (duplicate GUIDs apart)."""
    duplicates: tuple[Duplicate, ...] = ()
    """Items skipped for a GUID an earlier item has: told once per item, not on every refresh
    (the caller remembers what it told, see :mod:`~summarizer.fetching.web`)."""


class NotAFeed(Exception):
    """The document is not an RSS, Atom or JSON feed (``str()`` says why)."""


_LINK_TAG = re.compile(rb"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ADVERTISED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json",
                               "application/rdf+xml"})


def feed_links(body: bytes, base: str) -> list[str]:
    """The feeds an HTML page advertises (``<link rel="alternate" type="application/rss+xml"
    href="...">``), absolute, in page order; a comments feed after the others."""
    found: list[tuple[bool, str]] = []
    for tag in _LINK_TAG.findall(body[:262_144]):
        attributes = {m.group(1).decode("ascii", "replace").lower():
                      html.unescape(next(g for g in m.groups()[1:] if g is not None).decode("utf-8", "replace"))
                      for m in _ATTRIBUTE.finditer(tag)}
        rel = attributes.get("rel", "").lower().split()
        kind = attributes.get("type", "").lower().strip()
        href = attributes.get("href", "").strip()
        if "alternate" not in rel or kind not in _ADVERTISED_TYPES or not href:
            continue
        url = urldefrag(urljoin(base, href))[0]
        if urlsplit(url).scheme in ("http", "https") and url not in (u for _, u in found):
            found.append(("comment" in attributes.get("title", "").lower() or "/comments/" in url, url))
    return [url for comments, url in sorted(found, key=lambda pair: pair[0])]


def kind_of(content_type: str, body: bytes) -> str | None:
    """``feed``, ``html`` or None (neither) from the media type, then the document's start."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if content_type in HTML_TYPES:
        return "html"
    if _is_json_feed(body) and content_type in JSON_FEED_TYPES | FEED_TYPES | _UNTYPED:
        return "feed"
    if content_type in FEED_TYPES:
        if _HTML_START.search(head[:512]) and not _FEED_START.search(head):
            return "html"  # XHTML served as XML
        return "feed"
    if content_type in _UNTYPED:
        if _FEED_START.search(head):
            return "feed"
        if _HTML_START.search(head[:512]) or re.search(rb"<(head|body)\b", head, re.I):
            return "html"
    return None


_UNTYPED = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})


def _is_json_feed(body: bytes) -> bool:
    """Whether a document is a JSON Feed: a JSON object that names JSON Feed's version near its top."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and _JSON_FEED_VERSION.search(head) is not None


def parse_feed(body: bytes, url: str, content_type: str = "", charset: str | None = None) -> Feed:
    """The items of a feed document fetched from ``url``; NotAFeed when there is no feed in it."""
    if _is_json_feed(body) or content_type == "application/feed+json":
        return parse_json_feed(body, url, charset)
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type + (f"; charset={charset}" if charset else "")
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    problems: list[str] = []
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if type(error).__name__ == "NonXMLContentType":
        error = None  # a feed served as text/plain or without a type: its content told what it is
    if not parsed.get("entries") and (error is not None or not parsed.get("version")):
        why = _bozo_problem(error) if error is not None else "no RSS or Atom feed in it"
        raise NotAFeed(why)
    if error is not None:
        problems.append(f"{_bozo_problem(error)}; read what could be read")
    items: list[FeedItem] = []
    duplicates: list[Duplicate] = []
    seen_guids: dict[str, str] = {}
    seen_links: set[str] = set()
    for number, entry in enumerate(parsed.get("entries", []), 1):
        title = _title(entry)
        label = f"item {number}" + (f" ({title[:60]!r})" if title else "")
        link = _link(entry, url)
        if link is None:
            problems.append(f"{label} has no link, skipped")
            continue
        guid = _clean(entry.get("id")) or link
        if guid in seen_guids:
            if seen_guids[guid] != link:  # the same item listed twice loses nothing: nothing to say
                duplicates.append(Duplicate(label, guid, link))
            continue
        seen_guids[guid] = link
        if link in seen_links:
            continue  # the same article listed twice under two GUIDs: one article
        seen_links.add(link)
        content, full = _content(entry)
        items.append(FeedItem(link, guid, title, _published(entry), content, full))
    return Feed(_title(parsed.get("feed", {})), tuple(items), tuple(problems), tuple(duplicates))


def parse_json_feed(body: bytes, url: str, charset: str | None = None) -> Feed:
    """The items of a JSON Feed (version 1 or 1.1) fetched from ``url``; NotAFeed when it is none."""
    try:
        data = json.loads(body.decode(charset or "utf-8", "replace").lstrip("\ufeff"))
    except (ValueError, LookupError) as error:
        raise NotAFeed(f"invalid JSON ({_first_line(error)})") from None
    version = data.get("version") if isinstance(data, dict) else None
    if not (isinstance(version, str) and "jsonfeed.org/version/" in version and isinstance(data.get("items"), list)):
        raise NotAFeed("no JSON Feed in it (no version and items)")
    problems: list[str] = []
    items: list[FeedItem] = []
    duplicates: list[Duplicate] = []
    seen_guids: dict[str, str] = {}
    seen_links: set[str] = set()
    for number, entry in enumerate(data["items"], 1):
        if not isinstance(entry, dict):
            problems.append(f"item {number} is not an object, skipped")
            continue
        title = _clean(entry.get("title"))  # plain text in JSON Feed
        label = f"item {number}" + (f" ({title[:60]!r})" if title else "")
        link = _json_link(entry, url)
        if link is None:
            problems.append(f"{label} has no link, skipped")
            continue
        guid = entry.get("id")
        guid = _clean(str(guid)) if isinstance(guid, (str, int)) and not isinstance(guid, bool) else None
        guid = guid or link
        if guid in seen_guids:
            if seen_guids[guid] != link:
                duplicates.append(Duplicate(label, guid, link))
            continue
        seen_guids[guid] = link
        if link in seen_links:
            continue
        seen_links.add(link)
        content, full = _json_content(entry)
        items.append(FeedItem(link, guid, title, _json_published(entry), content, full))
    return Feed(_clean(data.get("title")), tuple(items), tuple(problems), tuple(duplicates))


def _json_link(entry: dict, base: str) -> str | None:
    """An item's page: its ``url``, else its ``external_url``, else an ``id`` that is a web address."""
    return _web_address((entry.get("url"), entry.get("external_url"), entry.get("id")), base)


def _web_address(candidates, base: str) -> str | None:
    """The first of ``candidates`` that is, against ``base``, an http(s) address (without its fragment)."""
    for candidate in candidates:
        if not candidate or not isinstance(candidate, str) or not candidate.strip():
            continue
        absolute = urldefrag(urljoin(base, candidate.strip()))[0]
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc:
            return absolute
    return None


def _json_published(entry: dict) -> float | None:
    latest = time.time() + FUTURE_SLACK
    for key in ("date_published", "date_modified"):
        value = entry.get(key)
        if not isinstance(value, str):
            continue
        try:
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = when.timestamp()
        if seconds <= latest:
            return seconds
    return None


def _json_content(entry: dict) -> tuple[str | None, bool]:
    """An item's HTML: its ``content_html``, else its ``content_text`` written as paragraphs (both
    its whole content), else its ``summary`` (an excerpt)."""
    content = entry.get("content_html")
    if isinstance(content, str) and content.strip():
        return unescaped_markup(content), True
    text = entry.get("content_text")
    if isinstance(text, str) and text.strip():
        return _paragraphs_html(text), True
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        return _paragraphs_html(summary), False
    return None, False


def _paragraphs_html(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in paragraphs if p.strip())


def _link(entry, base: str) -> str | None:
    candidates = [entry.get("link")]
    candidates += [l.get("href") for l in entry.get("links", []) if l.get("rel", "alternate") == "alternate"]
    guid = entry.get("id")
    if entry.get("guidislink") and guid:
        candidates.append(guid)
    return _web_address(candidates, base)


def _published(entry) -> float | None:
    latest = time.time() + FUTURE_SLACK
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)  # the raw key: feedparser's get() maps updated to published, warning
        if value:
            try:
                when = float(calendar.timegm(value))
            except (TypeError, ValueError, OverflowError):
                continue
            if when <= latest:
                return when
    return None


def _title(element) -> str | None:
    """An entry's or the feed's title as text: feedparser hands RSS titles and Atom ``type="html"``
    ones over as HTML ("Ferries &amp; trams", "<em>last</em>"), so their tags go and their
    entities are decoded; plain-text titles are kept as they are ("Fish & chips <3")."""
    value = element.get("title")
    if not isinstance(value, str):
        return None
    kind = (element.get("title_detail") or {}).get("type", "text/html")
    if kind in HTML_TYPES:
        value = html.unescape(_TAG.sub("", value))
    return _clean(value)


def _content(entry) -> tuple[str | None, bool]:
    """The item's longest HTML, and whether it is its content rather than its summary."""
    best = ""
    for part in entry.get("content", []) or []:
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    summary = entry.get("summary") or ""
    if len(summary) > len(best):
        return unescaped_markup(summary), False
    return unescaped_markup(best) or None, bool(best)


def unescaped_markup(value: str) -> str:
    """An item's HTML that a feed escaped twice ("&amp;lt;p&amp;gt;Quillon&amp;amp;#8217;s"), which
    one unescaping leaves as "&lt;p&gt;Quillon&amp;#8217;s", unescaped once more: only when that
    is plainly markup, with no tag of its own, opening with an element's escaped tag or holding
    escaped closing tags ("&lt;/p&gt;"), never a text that writes "a &lt; b"."""
    if "&lt;" not in value or _ELEMENT_TAG.search(value):
        return value
    tags = _ESCAPED_TAG.findall(value)
    opens = _ESCAPED_TAG.match(value.lstrip()) is not None
    if not tags or not (opens or (len(tags) >= 2 and any(closing for closing in tags))):
        return value
    return html.unescape(value)


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _bozo_problem(error: Exception) -> str:
    name = type(error).__name__
    if name == "CharacterEncodingOverride":
        return f"wrong character encoding ({_first_line(error)})"
    if name == "CharacterEncodingUnknown":
        return "unknown character encoding"
    return f"malformed XML ({_first_line(error)})"


def _first_line(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:160]
