"""The HTTP client: bounded, polite, and one clear line for every fault (local server only)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from summarizer.fetching.http import USER_AGENT, FetchError, Fetcher, FetchPolicy
from summarizer.fetching.pages import decode_page, page_text

from .webserver import news_server  # noqa: F401 - the fixture

FAST = FetchPolicy(connect_timeout=2, read_timeout=1.0, deadline=2.0, backoff=0.05, max_retry_after=2,
                   max_bytes=2 * 2**20, retries=2)


@pytest.fixture
def fetcher():
    with Fetcher(FAST) as client:
        yield client


def problem(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert str(caught.value).startswith(url + ": ")
    assert "\n" not in str(caught.value)
    return caught.value


def test_a_page_is_fetched_with_newsdigests_user_agent(news_server, fetcher):
    fetched = fetcher.get(news_server.url("/single.html"))
    assert fetched.status == 200 and fetched.content_type == "text/html" and fetched.charset == "utf-8"
    assert b"Ferry talks resume" in fetched.body
    agent = news_server.headers_seen["/single.html"][0]["user-agent"]
    assert agent == USER_AGENT and agent.startswith("newsdigest/")


@pytest.mark.parametrize(("path", "words"), [
    ("/articles/missing.html", "not found (HTTP 404)"),
    ("/gone", "gone (HTTP 410)"),
    ("/loop", "redirect loop"),
    ("/huge", "larger than the 2 MiB limit"),
    ("/huge-chunked", "larger than the 2 MiB limit"),
    ("/rate-limited", "retry after 3600 s"),
])
def test_faults_are_one_line(news_server, fetcher, path, words):
    error = problem(fetcher, news_server.url(path))
    assert words in error.problem


def test_server_errors_are_retried_then_given_up(news_server, fetcher):
    error = problem(fetcher, news_server.url("/always-503"))
    assert "HTTP 503" in error.problem and error.transient
    assert news_server.hits["/always-503"] == 1 + FAST.retries


def test_a_retry_after_is_honoured(news_server, fetcher):
    started = time.monotonic()
    fetched = fetcher.get(news_server.url("/flaky"))  # 503 with Retry-After: 1, then 200
    assert fetched.status == 200
    assert time.monotonic() - started >= 0.9
    assert news_server.hits["/flaky"] == 2


def test_a_server_that_drips_bytes_is_cut_at_the_deadline(news_server, fetcher):
    for path in ("/drip", "/drip-headers"):
        started = time.monotonic()
        error = problem(fetcher, news_server.url(path))
        assert f"within {FAST.deadline:g} s" in error.problem
        assert time.monotonic() - started < FAST.deadline + 1.5


def test_a_silent_server_times_out(news_server, fetcher):
    started = time.monotonic()
    error = problem(fetcher, news_server.url("/silent"))
    assert "timed out" in error.problem or "within" in error.problem
    assert time.monotonic() - started < FAST.deadline + 1.5


def test_nothing_listening(fetcher):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = problem(fetcher, f"http://127.0.0.1:{port}/feed.xml")
    assert error.problem == "cannot connect (connection refused)" and error.transient  # not "[Errno 111] ..."


def test_not_http(fetcher):
    assert "not an http(s) URL" in problem(fetcher, "ftp://127.0.0.1/x").problem


def test_redirects_are_followed_and_the_final_url_kept(news_server, fetcher):
    fetched = fetcher.get(news_server.url("/redirect"))
    assert fetched.final_url == news_server.url("/articles/ferry-talks.html")
    assert fetcher.requests == 2


def test_gzip_is_decoded(news_server, fetcher):
    fetched = fetcher.get(news_server.url("/gzip"))
    assert "gzip" in news_server.headers_seen["/gzip"][0]["accept-encoding"]
    assert b"Aid convoy" in fetched.body


def test_conditional_get_with_etag_and_last_modified(news_server, fetcher):
    first = fetcher.get(news_server.url("/feed.xml"))
    assert first.etag == '"feed-v1"'
    again = fetcher.get(news_server.url("/feed.xml"), etag=first.etag)
    assert again.not_modified and again.body == b""
    page = fetcher.get(news_server.url("/last-modified"))
    assert fetcher.get(news_server.url("/last-modified"), last_modified=page.last_modified).not_modified


def test_at_most_per_host_requests_at_once(news_server):
    lock, state = threading.Lock(), {"now": 0, "most": 0}

    def slow(request):
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.15)
        with lock:
            state["now"] -= 1
        request.reply(200, b"<html><body><p>ok</p></body></html>", {"Content-Type": "text/html"})

    news_server.routes["/slow"] = slow
    with Fetcher(FetchPolicy(per_host=2, workers=8)) as client, ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: client.get(news_server.url(f"/slow?n={n}")), range(8)))
    assert state["most"] == 2


def test_close_stops_requests_in_flight(news_server):
    client = Fetcher(FetchPolicy(deadline=30, read_timeout=30))
    outcome = {}

    def run():
        try:
            client.get(news_server.url("/silent"))
        except BaseException as error:  # noqa: BLE001 - recorded for the assertion
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    client.close()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - started < 2
    assert type(outcome["error"]).__name__ == "Cancelled"


def test_charset_from_header_document_or_guess(news_server, fetcher):
    fetched = fetcher.get(news_server.url("/cp1252.html"))
    assert fetched.charset == "windows-1252"
    assert "Polic\u00eda" in page_text(fetched.body, fetched.charset).text
    meta = fetcher.get(news_server.url("/meta-charset.html"))
    assert meta.charset is None
    assert "\u00celanders" in page_text(meta.body, None).text
    assert decode_page("caf\u00e9".encode("cp1252"), None) == "caf\u00e9"  # no label: guessed
    assert decode_page("caf\u00e9".encode(), "no-such-charset") == "caf\u00e9"


def test_a_utf8_page_labelled_latin1_is_read_as_utf8(news_server, fetcher):
    """Servers often send a default ``charset=ISO-8859-1`` for pages written in UTF-8: the
    article must not come out as mojibake (\u00c3\u00a5 for \u00e5). Bytes that decode as UTF-8 with
    non-ASCII in them are UTF-8 whatever a single-byte label says; a BOM outranks the label too."""
    text = "Harbour master Bj\u00f6rn Sk\u00e5lvik, who ran the port of \u00d6sterholm, took office on Monday."
    html = f"<html><head><meta charset='iso-8859-1'></head><body><article><p>{text}</p></article></body></html>"
    news_server.static("/mislabelled.html", html.encode("utf-8"), content_type="text/html; charset=ISO-8859-1")
    fetched = fetcher.get(news_server.url("/mislabelled.html"))
    assert fetched.charset == "ISO-8859-1"
    assert text in page_text(fetched.body, fetched.charset).text
    assert decode_page(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "windows-1252") == "<p>caf\u00e9</p>"
    # a page in Latin-1 that says so is still read as Latin-1 (its bytes are not UTF-8)
    assert decode_page("caf\u00e9 cr\u00eapes".encode("latin-1"), "iso-8859-1") == "caf\u00e9 cr\u00eapes"
    # a multi-byte label is not second-guessed
    assert decode_page("\u6e2f".encode("shift_jis"), "shift_jis") == "\u6e2f"


def test_httpx_and_feedparser_are_not_imported_at_start_up():
    import subprocess
    import sys

    code = ("import sys; import tui.cli; from tui.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('httpx', 'feedparser', 'httpcore') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
