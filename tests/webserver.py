"""A local news site for the tests and benches: fictional feeds and pages, and every fault.

``NewsServer`` is a threaded ``http.server`` on 127.0.0.1 with an ephemeral port, serving from a
route table (path -> handler) and counting the requests it gets. Nothing here reaches beyond the
loopback interface. Everything it says is invented: the city of Norvale, its harbour and ferries,
minister Ilsa Varnhagen, mediator Tomas Brellin.

``news_server`` is the pytest fixture: import it into a test module to use it.
"""

from __future__ import annotations

import calendar
import gzip
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

Handler = Callable[["_Handler"], None]


class NewsServer:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.headers_seen: dict[str, list[dict[str, str]]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Bound(_Handler):
            news = server

        self.httpd = _QuietServer(("127.0.0.1", 0), Bound)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def stopping(self) -> threading.Event:
        return self._stop

    def total_hits(self) -> int:
        with self._lock:
            return sum(self.hits.values())

    def record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.headers_seen.setdefault(path, []).append(headers)

    # -- route helpers -----------------------------------------------------------------------

    def static(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8",
               status: int = 200, headers: dict[str, str] | None = None, etag: str | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = dict(headers or {})

        def handle(request: _Handler) -> None:
            if etag is not None:
                extra["ETag"] = etag
                if request.headers.get("If-None-Match") == etag:
                    request.reply(304, b"", {"ETag": etag})
                    return
            request.reply(status, data, {"Content-Type": content_type, **extra})

        self.routes[path] = handle


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up (the fetcher gave up on a fault): nothing to report


class _Handler(BaseHTTPRequestHandler):
    news: NewsServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm and the client's
        # delayed ACK add 40 ms to every response on a kept-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        self.news.record(path, {k.lower(): v for k, v in self.headers.items()})
        handler = self.news.routes.get(path)
        try:
            if handler is None:
                self.reply(404, b"<html><body><p>Not here.</p></body></html>", {"Content-Type": "text/html"})
            else:
                handler(self)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True

    def reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


# -- the site's content -------------------------------------------------------------------------

ARTICLES = {
    "ferry-talks": (
        "Ferry talks resume in Norvale",
        "2026-11-02",
        [
            "Mediator Tomas Brellin brought the Harbour Union and the ferry operators back to the negotiating "
            "table in Norvale on Monday, after three weeks of strikes that stranded commuters on both shores.",
            "The talks are the first since the dispute began, and Brellin said both sides had agreed to a "
            "ceasefire in their public statements while negotiators work through the night.",
            "Minister Ilsa Varnhagen said the government would not impose a settlement but was ready to host "
            "further rounds of negotiations in the capital if the mediation stalled.",
        ],
    ),
    "aid-convoy": (
        "Aid convoy reaches the stranded islands",
        None,
        [
            "A convoy of twelve boats carrying food, medicine and drinking water reached the Norvale islands "
            "on Tuesday, aid agencies said, the first humanitarian delivery since the ferries stopped.",
            "The Red Harbour relief group said more deliveries of food aid and fuel were planned for next week, "
            "and that donations from the mainland had doubled since the strike began.",
            "Islanders queued for hours at the quay to collect supplies, and volunteers handed out blankets "
            "and medicine to the elderly.",
        ],
    ),
    "harbour-security": (
        "Police reinforce the Norvale harbour",
        "2026-11-03",
        [
            "Police sent two hundred officers to guard the Norvale harbour on Wednesday after clashes between "
            "strikers and security guards left several people injured.",
            "The interior ministry said troops would not be deployed, but armed patrols would protect the "
            "ferry terminals and the fuel depots around the clock.",
            "Union leaders accused the police of using force against peaceful pickets and called for an "
            "independent inquiry into the violence at the gates.",
        ],
    ),
    "shared-report": (
        "Mediators propose a settlement for the ferry strike",
        "2026-11-04",
        [
            "Mediators in Norvale proposed a settlement on Thursday that would raise ferry crews' wages by six "
            "per cent and restore the night sailings within a month.",
            "Tomas Brellin said the proposal was the result of long negotiations and urged both sides to accept "
            "it before the weekend, when talks would otherwise be suspended.",
            "Minister Ilsa Varnhagen welcomed the mediation and said humanitarian aid to the islands would "
            "continue until the ferries sail again.",
        ],
    ),
    "atom-only": (
        "Islanders count the cost of the strike",
        "2026-11-05",
        [
            "Shopkeepers on the Norvale islands said on Friday that the ferry strike had cost them a month of "
            "trade, and asked the regional council for emergency aid.",
            "The council said it would consider grants for businesses once the negotiations ended and the "
            "ferries resumed their normal timetable.",
        ],
    ),
}
FULL_TEXT = [
    "Negotiators for the Harbour Union and the ferry operators met again in Norvale on Saturday, and mediator "
    "Tomas Brellin said the talks had reached the question of night shifts, the last point in dispute.",
    "Both delegations stayed at the table for eleven hours, and Brellin told reporters that a ceasefire in the "
    "war of words between the two sides had held for a whole week, which he called a first.",
    "Minister Ilsa Varnhagen said the government would offer to mediate directly if the talks failed, and that "
    "the humanitarian convoys to the islands would go on in the meantime with naval escorts.",
    "The union's negotiators said they would put any agreement to a vote of all members before the ferries "
    "sail, which could take another ten days.",
]


def page(slug: str, *, with_date: bool = True) -> str:
    title, day, paragraphs = ARTICLES[slug]
    meta = f'<meta property="article:published_time" content="{day}T08:00:00Z">' if day and with_date else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{escape(title)} - Norvale Herald</title>{meta}</head>"
        f"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>{escape(title)}</h1>"
        f"{body}</article><footer>Norvale Herald, an invented newspaper</footer></body></html>"
    )


def rss(title: str, items: list[dict[str, str]]) -> str:
    parts = []
    for item in items:
        fields = []
        for key in ("title", "link", "guid", "pubDate", "description"):
            if key in item:
                attributes = ' isPermaLink="false"' if key == "guid" else ""
                fields.append(f"<{key}{attributes}>{escape(item[key])}</{key}>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>/</link><description>Invented news</description>"
        + "".join(parts) + "</channel></rss>"
    )


def rfc822(day: str, hour: int = 8) -> str:
    return formatdate(calendar.timegm(time.strptime(f"{day} {hour}", "%Y-%m-%d %H")), usegmt=True)


MAIN_FEED_BROKEN_ITEMS = 5
"""Items of /feed.xml that cannot be read: 404, no link, duplicate GUID, a PDF, a 500."""


def install_site(server: NewsServer) -> None:
    """The fictional site: /feed.xml (RSS), /atom.xml, their pages, and the faulty URLs."""
    for slug in ARTICLES:
        server.static(f"/articles/{slug}.html", page(slug))
    server.static("/articles/missing.html", "<p>gone</p>", status=404)
    server.static("/files/report.pdf", b"%PDF-1.4 invented", content_type="application/pdf")
    server.static("/articles/server-error.html", "<p>oops</p>", status=500, headers={"Retry-After": "0"})
    full = "".join(f"<p>{escape(p)}</p>" for p in FULL_TEXT)
    server.static("/feed.xml", rss("Norvale Herald", [
        {"title": "Ferry talks resume in Norvale", "link": "articles/ferry-talks.html", "guid": "herald-1",
         "pubDate": rfc822("2026-11-02"), "description": "Talks resume."},
        {"title": "Aid convoy reaches the stranded islands", "link": "/articles/aid-convoy.html", "guid": "herald-2",
         "description": "A convoy arrives."},
        {"title": "Talks reach the last point", "link": "/articles/full-text.html", "guid": "herald-3",
         "pubDate": rfc822("2026-11-06"), "content": full},
        {"title": "A page that is gone", "link": "/articles/missing.html", "guid": "herald-4",
         "pubDate": rfc822("2026-11-01")},
        {"title": "An item without a link", "guid": "herald-5", "description": "No link here."},
        {"title": "The same GUID again", "link": "/articles/harbour-security.html", "guid": "herald-1"},
        {"title": "The strike report (PDF)", "link": "/files/report.pdf", "guid": "herald-7"},
        {"title": "A server in trouble", "link": "/articles/server-error.html", "guid": "herald-8"},
        {"title": "Mediators propose a settlement", "link": "/articles/shared-report.html", "guid": "herald-9",
         "pubDate": rfc822("2026-11-04")},
    ]), content_type="application/rss+xml; charset=utf-8", etag='"feed-v1"')
    server.static("/atom.xml", (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="/articles/">'
        "<title>Norvale Courier</title><id>urn:courier</id><updated>2026-11-05T10:00:00Z</updated>"
        '<entry><title>Mediators propose a settlement for the ferry strike</title><link href="shared-report.html"/>'
        "<id>urn:courier:1</id><updated>2026-11-04T09:00:00Z</updated></entry>"
        '<entry><title>Islanders count the cost</title><link href="atom-only.html"/>'
        "<id>urn:courier:2</id><updated>2026-11-05T09:00:00Z</updated></entry>"
        '<entry><title>Police reinforce the harbour</title><link href="harbour-security.html"/>'
        "<id>urn:courier:3</id><published>2026-11-03T07:00:00Z</published></entry>"
        "</feed>"
    ), content_type="application/atom+xml")


def install_faults(server: NewsServer) -> None:
    """URLs that misbehave in every way the fetcher must survive."""
    stop = server.stopping

    def redirect_loop(request: _Handler) -> None:
        request.reply(302, b"", {"Location": "/loop"})

    def huge(request: _Handler) -> None:  # 50 MB, streamed
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(50 * 2**20))
        request.end_headers()
        chunk = b"<p>" + b"x" * 65530 + b"</p>"
        for _ in range(50 * 2**20 // len(chunk)):
            if stop.is_set():
                return
            request.wfile.write(chunk)

    def huge_chunked(request: _Handler) -> None:  # no Content-Length: the cap must stop the stream
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        chunk = b"<p>" + b"y" * 65530 + b"</p>"
        for _ in range(50 * 2**20 // len(chunk)):
            if stop.is_set():
                return
            request.wfile.write(chunk)
        request.close_connection = True

    def drip(request: _Handler) -> None:  # a byte every 0.1 s, for up to a minute
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "100000")
        request.end_headers()
        for _ in range(600):
            if stop.wait(0.1):
                return
            request.wfile.write(b"x")
            request.wfile.flush()

    def drip_headers(request: _Handler) -> None:
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(600):
            if stop.wait(0.1):
                return
            request.wfile.write(b"X")
            request.wfile.flush()

    def silent(request: _Handler) -> None:  # accepts, then says nothing
        stop.wait(60)

    flaky_count = Counter()

    def flaky(request: _Handler) -> None:
        flaky_count["n"] += 1
        if flaky_count["n"] == 1:
            request.reply(503, b"busy", {"Retry-After": "1", "Content-Type": "text/plain"})
        else:
            request.reply(200, page("ferry-talks").encode(), {"Content-Type": "text/html"})

    def gzipped(request: _Handler) -> None:
        body = gzip.compress(page("aid-convoy").encode())
        request.reply(200, body, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})

    def last_modified(request: _Handler) -> None:
        stamp = "Mon, 02 Nov 2026 08:00:00 GMT"
        if request.headers.get("If-Modified-Since") == stamp:
            request.reply(304, b"", {"Last-Modified": stamp})
        else:
            request.reply(200, page("harbour-security").encode(), {"Content-Type": "text/html", "Last-Modified": stamp})

    server.routes.update({
        "/loop": redirect_loop, "/huge": huge, "/huge-chunked": huge_chunked, "/drip": drip,
        "/drip-headers": drip_headers, "/silent": silent, "/flaky": flaky, "/gzip": gzipped,
        "/last-modified": last_modified,
    })
    server.static("/redirect", "", status=301, headers={"Location": "/articles/ferry-talks.html"})
    server.static("/rate-limited", "slow down", status=429, content_type="text/plain", headers={"Retry-After": "3600"})
    server.static("/always-503", "down", status=503, content_type="text/plain", headers={"Retry-After": "0"})
    server.static("/gone", "", status=410)
    server.static("/image.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
    server.static("/data.json", b'{"a": 1}', content_type="application/json")
    server.static("/malformed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti',
                  content_type="application/rss+xml")
    latin = rss("Norvale Caf\u00e9 News", [
        {"title": "Caf\u00e9 owners join the strike", "link": "/articles/ferry-talks.html", "guid": "cafe-1",
         "pubDate": rfc822("2026-11-02")},
    ]).encode("cp1252")  # declared UTF-8, written in Windows-1252
    server.static("/latin1.xml", latin, content_type="application/rss+xml")
    cp1252_page = page("harbour-security").replace("Police reinforce", "Polic\u00eda reinforce").replace('<meta charset="utf-8">', "")
    server.static("/cp1252.html", cp1252_page.encode("cp1252"), content_type="text/html; charset=windows-1252")
    meta_page = page("atom-only").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace("Islanders", "\u00celanders")
    server.static("/meta-charset.html", meta_page.encode("latin-1"), content_type="text/html")
    server.static("/single.html", page("ferry-talks"))


@pytest.fixture
def news_server():
    server = NewsServer()
    install_site(server)
    install_faults(server)
    server.start()
    try:
        yield server
    finally:
        server.stop()
