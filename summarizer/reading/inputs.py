"""Finding and reading inputs: files, directories, stdin; text, Markdown, HTML and JSON(L)."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO, NamedTuple, Protocol

from ..model import Metadata  # not .articles: a warm run parses nothing
from ..errors import InputError
from .metadata import normalise_date

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""Files read a line at a time, whatever their size (see :func:`read_input`)."""
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
STDIN = "-"

MAX_INPUT_BYTES = 256 * 2**20
"""Inputs read whole (all but JSON Lines files) larger than this are skipped."""
MAX_LINE_BYTES = 16 * 2**20
"""A line of a JSON Lines file longer than this is skipped (its article would be cut to
MAX_ARTICLE_CHARS anyway)."""
MAX_ARTICLE_CHARS = 500_000
"""Article text beyond this (some 80,000 words, several times the longest feature) is not read:
segmenting costs up to 15 microseconds a character, so a 50 MB line would take many minutes."""
RECORD_WARNINGS_SHOWN = 10
"""Problems with the records of one JSON or JSON Lines file said one by one; the rest are counted
in one line, so that a data file in a folder of news (a list of 5,000 numbers) is a dozen lines on
the terminal, not one per item."""
_CHUNK = 2**20
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

Warn = Callable[[InputError], None]


@dataclass(frozen=True)
class RawArticle:
    """An article's text before parsing, with what its container said about it."""

    text: str
    meta: Metadata


class InputFile(NamedTuple):
    """One input: a file, or standard input (a named tuple: a walk makes one per file, 100,000 at a time)."""

    path: str
    """As the user would recognise it (the path given, or a file under a directory given)."""
    id_stem: str
    """The article id for a one-article file: its path under the directory given, without suffix."""
    is_stdin: bool = False
    named: bool = False
    """Named by the user, so read whatever its kind (``<(cmd)`` is a pipe); files found in a
    folder must be regular files, checked again when opened."""
    info: os.stat_result | None = None
    """What ``stat`` said when the file was found in a folder (the index compares it with what
    it stored, so a warm run stats each file once); None for files named and stdin."""


def discover(paths: Iterable[str], warn: Warn) -> list[InputFile]:
    """Expand the paths given (files, directories recursively, ``-``) into input files."""
    found: list[InputFile] = []
    for given in paths:
        if given == STDIN:
            found.append(InputFile(STDIN, "stdin", is_stdin=True))
            continue
        path = Path(given)
        try:
            info = path.stat()
        except FileNotFoundError:
            warn(InputError(given, "no such file or directory"))
            continue
        except OSError as error:
            warn(InputError(given, error.strerror or str(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(path, warn))
        else:
            # A file named explicitly is read whatever its suffix or kind (``<(cmd)`` is a pipe).
            found.append(InputFile(given, path.stem or path.name, named=True))
    return found


def _walk(root: Path, warn: Warn) -> Iterator[InputFile]:
    """Supported files under ``root``, depth first in name order; hidden names are skipped.

    An explicit stack, not recursion (``os.walk`` recurses on Python 3.11 and fails past about
    a thousand levels). Symlinked folders are not entered, so a symlink loop cannot trap the
    walk; symlinked files are read. Paths are handled as strings, spelled as :class:`~pathlib.Path`
    spells them (with Path objects, a walk of 10,000 files took 130 ms instead of 30).
    """
    top = str(root)
    prefix = "" if top == "." else top if top.endswith(os.sep) else top + os.sep
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            warn(InputError(directory, error.strerror or str(error)))
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = name if directory == "." else entry.path  # str(Path("./a")) is "a"
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append(path)
                    continue
            except OSError:
                pass  # vanished or unreadable: the stat below reports it
            dot = name.rfind(".")
            suffix = name[dot:] if 0 < dot < len(name) - 1 else ""  # Path.suffix
            if suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            try:
                info = os.stat(path)
            except OSError as error:
                warn(InputError(path, error.strerror or str(error)))
                continue
            if not stat.S_ISREG(info.st_mode):
                warn(InputError(path, "not a regular file, skipped"))
                continue
            relative = path[len(prefix) : len(path) - len(suffix)]
            yield InputFile(path, relative.replace(os.sep, "/"), info=info)
        stack.extend(reversed(subdirs))


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def read_input(item: InputFile, warn: Warn, stdin: BinaryIO | None = None,
               digest: Digest | None = None, size: int | None = None) -> Iterator[RawArticle]:
    """The articles in one input, as they are read: a JSON Lines file (:data:`JSON_LINES_SUFFIXES`)
    a chunk of lines at a time, whatever its size (its first ``size`` bytes when given: what it
    held when it was hashed); other inputs whole, at most MAX_INPUT_BYTES. Problems with the whole
    input raise :class:`InputError`. ``digest``: given every byte read."""
    if not in_lines(item):
        data = read_bytes(item, stdin)
        if digest is not None:
            digest.update(data)
        yield from parse_input(item, data, warn)
        return
    with _reading(item):
        with _open(item) as handle:
            yield from _json_lines_file(item, _chunks(item, handle, digest, size), warn)


def in_lines(item: InputFile) -> bool:
    """Whether :func:`read_input` reads an input a line at a time: a JSON Lines file."""
    return not item.is_stdin and Path(item.path).suffix.lower() in JSON_LINES_SUFFIXES


def read_bytes(item: InputFile, stdin: BinaryIO | None = None) -> bytes:
    """The raw content of one input (stdin, a file or a pipe)."""
    with _reading(item):
        if item.is_stdin:
            return _read_bounded(item, _chunks(item, stdin or sys.stdin.buffer))
        with _open(item) as handle:
            return _read_bounded(item, _chunks(item, handle))


def hash_input(item: InputFile, digest: Digest) -> int:
    """Give ``digest`` the content of an input file, read a chunk at a time; its size in bytes."""
    size = 0
    with _reading(item):
        with _open(item) as handle:
            for chunk in _chunks(item, handle, digest):
                size += len(chunk)
    return size


@contextmanager
def _reading(item: InputFile) -> Iterator[None]:
    """Problems reading ``item`` as :class:`InputError`."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(item.path, "vanished while loading") from None
    except IsADirectoryError:
        raise InputError(item.path, "is a directory") from None
    except OSError as error:
        raise InputError(item.path, error.strerror or str(error)) from None


def parse_input(item: InputFile, data: bytes, warn: Warn) -> list[RawArticle]:
    """The articles in the content of one input (see :func:`read_input`)."""
    # Decoding (charset_normalizer) and HTML (lxml) are imported when a file is read, not at start-up.
    from .decoding import UndecodableError, damaged_utf8, decode_bytes
    from .html import html_to_text

    if not data.strip():
        raise InputError(item.path, "empty file, skipped")
    try:
        text = decode_bytes(data)
    except UndecodableError as error:
        raise InputError(item.path, f"{error}, skipped") from None
    if _own_output(text):
        raise InputError(item.path, "a summary newsdigest wrote, not an article: skipped")
    damaged = damaged_utf8(data) if "\ufffd" in text else None
    if damaged is not None:
        warn(InputError(item.path, f"invalid UTF-8 at byte {damaged}: the bad bytes are shown as \ufffd"))
    if not text.strip():
        raise InputError(item.path, "empty file, skipped")

    kind = _kind(item, text)
    if kind == "markdown":
        from .markdown import markdown_to_text

        text = markdown_to_text(text)
        if not text.strip():
            raise InputError(item.path, "no text in the Markdown, skipped")
    if kind == "json":
        return list(_json_articles(item, text, warn))
    if kind == "html":
        page = html_to_text(text)
        if not page.text.strip():
            raise InputError(item.path, "no article text found in the HTML, skipped")
        _refuse_redirect_stub(item, text, page.text)
        meta = Metadata(item.id_stem, page.title, normalise_date(page.date) or page.date, item.path, page.url)
        return [RawArticle(_bounded(item, "", page.text, warn), meta)]
    meta = Metadata(item.id_stem, path=None if item.is_stdin else item.path)
    return [RawArticle(_bounded(item, "", text, warn), meta)]


def _refuse_redirect_stub(item: InputFile, html: str, text: str) -> None:
    """A saved page that only sends its reader on (a meta refresh, "This story has moved") is no article."""
    from .refresh import STUB_MAX_WORDS, refresh_target

    if len(text.split()) <= STUB_MAX_WORDS and (target := refresh_target(html)) is not None:
        raise InputError(item.path, f"a page that redirects to {target} (meta refresh), not an article: skipped")


_OWN_MARKDOWN = re.compile(r"\A# .*\n\n\*.* · [\d,]+ of [\d,]+ articles? cited · \d{4}-\d\d-\d\d\*\n")
_OWN_JSON = re.compile(r'\A\s*\{\s*"schema"\s*:\s*"newsdigest\.summary"')
_OWN_TEXT_SOURCES = re.compile(r"^Sources\n  \[1\] .+$", re.MULTILINE)
_OWN_TEXT_ITEM = re.compile(r"^  - .+ (?:\[\d+\])+$", re.MULTILINE)


def _own_output(text: str) -> bool:
    """Whether a file is a digest newsdigest wrote (``-o digest.md`` into the folder it read, the
    app's export): read as an article, its header line would be summarized and cited."""
    return bool(_OWN_MARKDOWN.match(text) or _OWN_JSON.match(text)
                or (_OWN_TEXT_SOURCES.search(text) and _OWN_TEXT_ITEM.search(text)))


def _open(item: InputFile) -> BinaryIO:
    """Open for reading; a file found in a folder must still be a regular file when opened.

    It was checked when found, but may since have been replaced by a FIFO, which would block
    the open forever: O_NONBLOCK makes that open return, and fstat then tells.
    """
    if item.named:
        return open(item.path, "rb")
    fd = os.open(item.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(item.path, "not a regular file, skipped")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _chunks(item: InputFile, handle: BinaryIO, digest: Digest | None = None,
            size: int | None = None) -> Iterator[bytes]:
    """The content of ``handle`` (its first ``size`` bytes when given) in chunks, so that Ctrl-C is
    handled between them (one read of /dev/zero never returns); binary content is refused after
    the first chunk. ``digest``: given each chunk."""
    from .decoding import looks_binary_start

    first = True
    left = size
    while chunk := handle.read(_CHUNK if left is None else min(_CHUNK, left)):
        if left is not None:
            left -= len(chunk)
        if first and looks_binary_start(chunk):
            raise InputError(item.path, "binary content, not text, skipped")
        first = False
        if digest is not None:
            digest.update(chunk)
        yield chunk


def _read_bounded(item: InputFile, chunks: Iterable[bytes]) -> bytes:
    """The chunks joined, at most MAX_INPUT_BYTES."""
    kept: list[bytes] = []
    size = 0
    for chunk in chunks:
        kept.append(chunk)
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputError(item.path, f"larger than {MAX_INPUT_BYTES // 2**20} MiB, skipped")
    return b"".join(kept)


def _bounded(item: InputFile, where: str, text: str, warn: Warn) -> str:
    """The article text, cut after MAX_ARTICLE_CHARS (at a paragraph or word break) with a warning.

    The cut keeps a prefix, so every offset still indexes the text as read.
    """
    if len(text) <= MAX_ARTICLE_CHARS:
        return text
    lo, hi = MAX_ARTICLE_CHARS // 2, MAX_ARTICLE_CHARS
    cut = text.rfind("\n\n", lo, hi)
    if cut < 0:
        cut = max(text.rfind(space, lo, hi) for space in " \n\t")
    if cut < 0:
        cut = hi
    prefix = f"{where}: " if where else ""
    warn(InputError(item.path, f"{prefix}article of {len(text):,} characters; only the first {cut:,} are summarized"))
    return text[:cut]


def _kind(item: InputFile, text: str) -> str:
    suffix = Path(item.path).suffix.lower()
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text.lstrip()[:200].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "html"
    return "text"


def _json_articles(item: InputFile, text: str, warn: Warn) -> Iterator[RawArticle]:
    """One article per object: a JSON list or object, or JSON Lines (one object per line)."""
    stripped = text.lstrip()
    whole = None
    if stripped.startswith("["):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(item.path, f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    elif stripped.startswith("{"):
        try:
            whole = [json.loads(text)]
        except json.JSONDecodeError:
            whole = None  # JSON Lines, read line by line below
    if whole is None:
        yield from _json_lines(item, enumerate(text.split("\n"), 1), warn)
        return
    if len(whole) == 1 and _is_json_feed(whole[0]):
        yield from _json_feed_articles(item, whole[0], warn)
        return
    items = whole if isinstance(whole, list) else [whole]
    problems = _RecordProblems(item, "items", warn)
    for n, record in enumerate(items, 1):
        article = _json_article(item, f"item {n}", record, problems)
        if article is not None:
            yield article
    problems.close()


def _is_json_feed(record: object) -> bool:
    """Whether a JSON object is a JSON Feed (https://jsonfeed.org/version/1.1)."""
    return (isinstance(record, dict) and isinstance(record.get("version"), str)
            and "jsonfeed.org/version/" in record["version"] and isinstance(record.get("items"), list))


def _json_feed_articles(item: InputFile, feed: dict, warn: Warn) -> Iterator[RawArticle]:
    """The articles a JSON Feed saved as a file carries: each item's ``content_html`` or
    ``content_text``, with its ``title``, ``date_published`` and ``url``. An item with only a
    summary is skipped with a warning: its page is fetched when the feed is given by its URL."""
    from .html import html_to_text

    problems = _RecordProblems(item, "items", warn)
    for n, entry in enumerate(feed["items"], 1):
        where = f"item {n}"
        if not isinstance(entry, dict):
            problems(InputError(item.path, f"{where}: expected an object, got {type(entry).__name__}, skipped"))
            continue
        html, plain = entry.get("content_html"), entry.get("content_text")
        if isinstance(html, str) and html.strip():
            text = html_to_text(f"<html><body><article>{html}</article></body></html>").text
        elif isinstance(plain, str) and plain.strip():
            text = plain
        else:
            problems(InputError(item.path, f"{where}: no content_html or content_text in this JSON Feed, skipped "
                                           "(given by its URL, the feed's pages are fetched)"))
            continue
        record = {"text": text, "title": entry.get("title"), "date": entry.get("date_published"),
                  "url": entry.get("url") or entry.get("external_url")}
        if isinstance(entry.get("id"), (str, int)) and not isinstance(entry.get("id"), bool):
            record["id"] = entry["id"]
        article = _json_article(item, where, record, problems)
        if article is not None:
            yield article
    problems.close()


def _json_lines_file(item: InputFile, chunks: Iterator[bytes], warn: Warn) -> Iterator[RawArticle]:
    """The articles of a JSON Lines file, read from ``chunks`` a line at a time; read whole (as
    :func:`parse_input` reads any file) when it ends within its first chunk, or when its first
    line shows it is no JSON Lines: a JSON array, an object over several lines, UTF-16 or UTF-32."""
    from .decoding import decode_legacy, looks_binary

    head = b""
    for chunk in chunks:
        head += chunk
        if b"\n" in head.lstrip() or len(head) > MAX_LINE_BYTES:
            break
    following = next(chunks, b"")
    if not following:  # all of it
        yield from parse_input(item, head, warn)
        return
    chunks = chain([following], chunks)
    body = head.removeprefix(codecs.BOM_UTF8)
    first, ended, _ = body.lstrip().partition(b"\n")
    if (head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or looks_binary(head)
            or first.startswith(b"[") or first.startswith(b"{") and ended and not _is_json(first)):
        yield from parse_input(item, _read_bounded(item, chain([head], chunks)), warn)
        return

    def lines() -> Iterator[tuple[int, str | None]]:
        # Numbered as decode_bytes and split("\n") number them: CR, LF and CRLF each end a line.
        number = 0
        for line in _lines(chain([body], chunks)):
            if line is None:
                number += 1
                yield number, None
                continue
            try:
                text = line.removesuffix(b"\r").decode("utf-8")
            except UnicodeDecodeError:
                text = decode_legacy(line.removesuffix(b"\r"))
            for piece in text.split("\r"):
                number += 1
                yield number, piece

    yield from _json_lines(item, lines(), warn)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:  # JSONDecodeError, UnicodeDecodeError
        return False
    return True


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes | None]:
    """The lines of the content in ``chunks``, without their LF; None for a line longer than
    MAX_LINE_BYTES (read, not kept)."""
    kept: list[bytes] = []
    size = 0
    too_long = False
    for chunk in chunks:
        pieces = chunk.split(b"\n")
        for piece in pieces[:-1]:
            yield None if too_long or size + len(piece) > MAX_LINE_BYTES else b"".join((*kept, piece))
            kept, size, too_long = [], 0, False
        last = pieces[-1]
        size += len(last)
        too_long = too_long or size > MAX_LINE_BYTES
        kept = [] if too_long else [*kept, last]
    yield None if too_long else b"".join(kept)


def _json_lines(item: InputFile, lines: Iterable[tuple[int, str | None]], warn: Warn) -> Iterator[RawArticle]:
    """One article per line (number, text; None for a line too long). A line that is not JSON is
    warned about at once; what is wrong with the records themselves after the last line, as
    when every line was parsed before any record was read."""
    problems = _RecordProblems(item, "lines", warn)
    for number, line in lines:
        if line is None:
            problems(InputError(item.path, f"line {number}: longer than {MAX_LINE_BYTES // 2**20} MiB, skipped"))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            # json's messages may end mid-phrase ("Unterminated string starting at"): the column ends it.
            where = f"column {error.colno}" if error.msg.endswith(" at") else f"at column {error.colno}"
            problems(InputError(item.path, f"line {number}: invalid JSON ({error.msg} {where}), skipped"))
            continue
        article = _json_article(item, f"line {number}", record, problems.hold)
        if article is not None:
            yield article
    problems.close()


class _RecordProblems:
    """The problems with a file's records (its items or lines), said to ``warn``: the first
    :data:`RECORD_WARNINGS_SHOWN` of them, then in one line how many more there were."""

    def __init__(self, item: InputFile, records: str, warn: Warn) -> None:
        self.item, self.records, self.warn = item, records, warn
        self.seen = 0
        self.held: list[InputError] = []

    def __call__(self, error: InputError) -> None:
        """A problem said at once."""
        self.seen += 1
        if self.seen <= RECORD_WARNINGS_SHOWN:
            self.warn(error)

    def hold(self, error: InputError) -> None:
        """A problem said at :meth:`close`."""
        self.seen += 1
        if self.seen <= RECORD_WARNINGS_SHOWN:
            self.held.append(error)

    def close(self) -> None:
        for error in self.held:
            self.warn(error)
        hidden = self.seen - RECORD_WARNINGS_SHOWN
        if hidden > 0:
            self.warn(InputError(self.item.path, f"and {hidden:,} more problems with its {self.records}, not shown"))


# The names news exports give an article's parts (newsdigest's own, schema.org's, NewsAPI's, RSS
# readers', news-please's, CMS exports'), looked for in the record, then in the objects it nests
# ("article": {"headline": ..., "body": {"text": ...}}, "meta": {"source": {"url": ...}}), nearest first.
_TEXT_NAMES = ("text", "body", "content", "articleBody", "article_body", "body_text", "bodyText",
               "full_text", "fullText", "maintext", "content_text", "story")
_TITLE_NAMES = ("title", "headline", "heading")
_DATE_NAMES = ("date", "published", "published_at", "publishedAt", "pubDate", "pub_date", "datePublished",
               "date_published", "publish_date", "publishDate", "publication_date", "published_date",
               "firstPublished", "first_published_at", "created_at", "createdAt")
_URL_NAMES = ("url", "link", "canonical_url", "canonicalUrl", "web_url", "webUrl", "permalink")
_INNER_NAMES = ("value", "plain", "text", "main", "rendered")
"""Where an object under one of the names above keeps its string: {"body": {"text": ...}},
{"headline": {"main": ...}}, WordPress's {"content": {"rendered": "<p>..."}}."""
_HTML_BODY = re.compile(r"\A\s*<(?:p|div|h[1-6]|ul|ol|blockquote|section|article|figure|table)\b[^>]*>", re.IGNORECASE)
"""A text that opens with a block element's tag is HTML (WordPress's rendered content), not prose."""
_NOT_THE_ARTICLE = frozenset({"author", "authors", "byline", "creator", "image", "images", "media", "thumbnail",
                              "video", "videos", "comments", "related", "tags", "categories", "keywords",
                              "entities", "publisher", "links"})
"""Nested objects whose title, text or URL is not the article's (an author's page, an image's caption)."""
_NESTING = 3


def _nested(record: dict, names: tuple[str, ...]) -> tuple[str, object] | None:
    """The first of ``names`` present (not None) in ``record``, else in the objects it holds,
    breadth first up to :data:`_NESTING` levels: (its dotted name, its value)."""
    level: list[tuple[str, dict]] = [("", record)]
    for _ in range(_NESTING):
        below: list[tuple[str, dict]] = []
        for prefix, obj in level:
            for name in names:
                if obj.get(name) is not None:
                    return prefix + name, obj[name]
            for key, value in obj.items():
                if isinstance(value, dict) and key not in _NOT_THE_ARTICLE and key not in names:
                    below.append((f"{prefix}{key}.", value))
        level = below
    return None


def _text_value(value: object, depth: int = 0) -> str | None:
    """An article's text as exports write it: a string, a list of paragraphs (strings, or objects
    holding one: [{"type": "paragraph", "text": ...}]) joined by blank lines, or an object holding it."""
    if isinstance(value, str):
        return value
    if depth > 2:
        return None
    if isinstance(value, dict):
        for name in (*_INNER_NAMES, *_TEXT_NAMES):
            if value.get(name) is not None:
                return _text_value(value[name], depth + 1)
        return None
    if isinstance(value, list):
        parts = [_text_value(part, depth + 1) for part in value]
        if not any(isinstance(part, str) for part in parts):
            return None  # [1, 2]; an image block among paragraphs is left out
        return "\n\n".join(part.strip() for part in parts if part and part.strip())
    return None


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\d*);")


def _unescaped(title: str | None) -> str | None:
    """A title as a CMS exports it ("Talks &#8217;resume&#8217;", "Fish &amp; chips") as read."""
    if title is None or not _ENTITY.search(title):
        return title
    import html

    return html.unescape(title)


def _json_article(item: InputFile, where: str, record: object, warn: Warn) -> RawArticle | None:
    if not isinstance(record, dict):
        warn(InputError(item.path, f"{where}: expected an object, got {type(record).__name__}, skipped"))
        return None
    found = _nested(record, _TEXT_NAMES)
    if found is None:
        warn(InputError(item.path, f"{where}: no \"text\" field (nor \"body\", \"content\" ...), skipped"))
        return None
    name, value = found
    text = _text_value(value)
    if text is None:
        warn(InputError(item.path, f"{where}: \"{name}\" is {type(value).__name__}, not a string, skipped"))
        return None
    if not text.strip():
        warn(InputError(item.path, f"{where}: empty \"{name}\", skipped"))
        return None

    def field(*names: str, nested: bool = True) -> str | None:
        found = _nested(record, names) if nested else next(((n, record[n]) for n in names if record.get(n) is not None), None)
        if found is None:
            return None
        name, value = found
        if isinstance(value, dict):
            inner = next((value[n] for n in _INNER_NAMES if isinstance(value.get(n), str)), None)
            value = inner if inner is not None else value
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return _LONE_SURROGATE.sub("\ufffd", str(value).strip())
        if not isinstance(value, (str, int, float)):
            warn(InputError(item.path, f"{where}: \"{name}\" is {type(value).__name__}, ignored"))
        return None

    article_id = field("id", nested=False) or f"{item.id_stem}:{where.split()[-1]}"
    url = field(*_URL_NAMES)
    source = record.get("source")  # a URL, or NewsAPI's {"id", "name"}: the outlet
    if url is None and isinstance(source, str) and source.strip().startswith(("http://", "https://")):
        url = _LONE_SURROGATE.sub("\ufffd", source.strip())
    date = field(*_DATE_NAMES)
    meta = Metadata(
        id=article_id,
        title=_unescaped(field(*_TITLE_NAMES)),
        date=normalise_date(date) or date,
        path=None if item.is_stdin else item.path,
        url=url,
    )
    if _HTML_BODY.match(text):
        from .html import html_to_text

        text = html_to_text(f"<html><body><article>{text}</article></body></html>").text
        if not text.strip():
            warn(InputError(item.path, f"{where}: no text in the HTML of \"{name}\", skipped"))
            return None
    text = _LONE_SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return RawArticle(_bounded(item, where, text, warn), meta)
