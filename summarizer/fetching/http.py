"""A polite, bounded HTTP client for feeds and article pages (httpx, imported on first use).

Every request is bounded: a connect and a read timeout, a total deadline (a server that drips
one byte a second is cut off at the deadline, headers included), a size cap on the decoded body
(streamed: reading stops at the cap), and at most :attr:`FetchPolicy.max_redirects` redirects.
Politeness: a User-Agent naming newsdigest and its version, at most
:attr:`FetchPolicy.per_host` requests at once to one host, conditional GET (``If-None-Match``
/ ``If-Modified-Since``) so that an unchanged feed costs one small request, and retries with
exponential backoff on 429 and 5xx that honour ``Retry-After`` (a server asking for a longer
wait than :attr:`FetchPolicy.max_retry_after` is not retried: the run does not hang on it).

Problems are :class:`FetchError` with a one-line reason; nothing else escapes :meth:`Fetcher.get`.
"""

from __future__ import annotations

import email.utils
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsdigest")
    except PackageNotFoundError:
        return "unknown"


USER_AGENT = f"newsdigest/{_version()} (feed reader; extractive news summaries)"


@dataclass(frozen=True)
class FetchPolicy:
    """How hard and how politely to fetch (defaults for real servers; tests shorten them)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Longest silence between two reads."""
    deadline: float = 60.0
    """Longest time for one attempt, redirects and body included."""
    max_bytes: int = 10 * 2**20
    """Largest body read (after gzip/deflate decoding)."""
    max_redirects: int = 5
    retries: int = 2
    """Further attempts after a 429, a 5xx or a dropped connection."""
    backoff: float = 1.0
    """First wait before a retry (doubled each time) when the server gives no Retry-After."""
    max_retry_after: float = 30.0
    per_host: int = 4
    workers: int = 16
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    """A response: the body, or ``not_modified`` after a conditional GET."""

    url: str
    """The URL asked for."""
    final_url: str
    """After redirects: what relative links resolve against."""
    status: int
    body: bytes
    content_type: str
    """The media type, lower case, without parameters ('' when not sent)."""
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is ``URL: problem``."""

    def __init__(self, url: str, problem: str, *, transient: bool = False) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem
        self.transient = transient
        """The server or network may answer later (timeouts, 5xx, no connection): stored copies
        stand in for it."""


class Cancelled(Exception):
    """The fetcher was closed while a request was running."""


class Fetcher:
    """``Fetcher(policy).get(url, etag=..., last_modified=...) -> Fetched``; thread-safe.

    Use as a context manager (or call :meth:`close`): closing also stops requests in flight
    within a fraction of a second.
    """

    def __init__(self, policy: FetchPolicy | None = None, on_request: Callable[[str], None] | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.on_request = on_request
        """Called with each URL actually requested (retries and redirects included): for counting."""
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._closed = threading.Event()
        self.requests = 0
        """Requests sent so far (each redirect and retry counts)."""

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    # -- one URL ------------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*") -> Fetched:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given); FetchError on any problem.

        A page that only sends its reader on (``<meta http-equiv="refresh" content="0; url=...">``,
        see :mod:`summarizer.reading.refresh`) is followed as a redirect is, at most
        :attr:`FetchPolicy.max_redirects` times."""
        fetched = self._get(url, etag=etag, last_modified=last_modified, accept=accept)
        hops = 0
        while (target := _refresh_target(fetched)) is not None:
            hops += 1
            if hops > self.policy.max_redirects:
                raise FetchError(url, f"more than {self.policy.max_redirects} redirects (a redirect loop?), skipped")
            try:
                fetched = self._get(target, accept=accept)
            except FetchError as error:
                raise FetchError(url, f"its page moved to {target}, which failed: {error.problem}",
                                 transient=error.transient) from None
        return fetched if fetched.url == url else replace(fetched, url=url)

    def _get(self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*") -> Fetched:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "not an http(s) URL")
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self._host_slot(parts.netloc.lower()):
            attempt = 0
            while True:
                self._check_open()
                try:
                    return self._attempt(url, headers)
                except _Retry as retry:
                    attempt += 1
                    if attempt > self.policy.retries:
                        raise FetchError(url, retry.problem + f" (after {attempt} attempts)", transient=True) from None
                    wait = retry.after if retry.after is not None else self.policy.backoff * 2 ** (attempt - 1)
                    if wait > self.policy.max_retry_after:
                        raise FetchError(url, f"{retry.problem}; the server asks to retry after {wait:.0f} s",
                                         transient=True) from None
                    if self._closed.wait(wait):
                        raise Cancelled() from None

    def _attempt(self, url: str, headers: dict[str, str]) -> Fetched:
        import httpx

        policy = self.policy
        deadline = time.monotonic() + policy.deadline
        _local.deadline = deadline
        _local.closed = self._closed
        try:
            with self._get_client().stream("GET", url, headers=headers) as response:
                if response.status_code in RETRY_STATUSES:
                    raise _Retry(_status_problem(response.status_code, response.reason_phrase),
                                 _retry_after(response.headers.get("retry-after")))
                if response.status_code == 304:
                    return self._fetched(url, response, b"")
                if response.status_code >= 400 or response.status_code < 200:
                    raise FetchError(url, _status_problem(response.status_code, response.reason_phrase))
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > policy.max_bytes and not response.headers.get("content-encoding"):
                    raise FetchError(url, f"body of {int(length):,} bytes is larger than the "
                                          f"{_size(policy.max_bytes)} limit, skipped")
                chunks, size = [], 0
                for chunk in response.iter_bytes(_CHUNK):
                    size += len(chunk)
                    if size > policy.max_bytes:
                        raise FetchError(url, f"body larger than the {_size(policy.max_bytes)} limit, skipped")
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise FetchError(url, f"no complete answer within {policy.deadline:g} s, skipped", transient=True)
                return self._fetched(url, response, b"".join(chunks))
        except (FetchError, _Retry, Cancelled):
            raise
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {policy.max_redirects} redirects (a redirect loop?), skipped") from None
        except httpx.TimeoutException as error:
            if self._closed.is_set():
                raise Cancelled() from None
            if time.monotonic() >= deadline - 0.05:
                raise FetchError(url, f"no complete answer within {policy.deadline:g} s, skipped", transient=True) from None
            kind = "connecting" if isinstance(error, httpx.ConnectTimeout) else "waiting for data"
            raise FetchError(url, f"timed out {kind}, skipped", transient=True) from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as error:
            if self._closed.is_set():
                raise Cancelled() from None
            if isinstance(error, httpx.ConnectError):
                raise FetchError(url, f"cannot connect ({_reason(error)})", transient=True) from None
            raise _Retry(f"connection dropped ({_reason(error)})", None) from None
        except httpx.DecodingError as error:
            raise FetchError(url, f"undecodable compressed body ({_reason(error)}), skipped") from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
            raise FetchError(url, f"cannot follow it ({_reason(error)}), skipped") from None
        except httpx.HTTPError as error:
            raise FetchError(url, f"{type(error).__name__} ({_reason(error)}), skipped", transient=True) from None
        except (UnicodeError, ValueError) as error:  # an unencodable host name, a malformed URL
            raise FetchError(url, f"invalid URL ({error}), skipped") from None
        finally:
            _local.deadline = None

    def _fetched(self, url: str, response: httpx.Response, body: bytes) -> Fetched:
        media, _, params = response.headers.get("content-type", "").partition(";")
        charset = None
        match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.I)
        if match:
            charset = match.group(1)
        return Fetched(
            url=url, final_url=str(response.url), status=response.status_code, body=body,
            content_type=media.strip().lower(), charset=charset,
            etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
        )

    # -- the client and the hosts -------------------------------------------------------------

    def _get_client(self) -> httpx.Client:
        with self._lock:
            self._check_open()
            if self._client is None:
                import httpx

                policy = self.policy
                self._client = httpx.Client(
                    headers={"User-Agent": policy.user_agent},
                    timeout=httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout),
                    follow_redirects=True,
                    max_redirects=policy.max_redirects,
                    limits=httpx.Limits(max_connections=policy.workers, max_keepalive_connections=policy.workers),
                    transport=_transport(policy),
                    event_hooks={"request": [self._count]},
                )
            return self._client

    def _count(self, request: httpx.Request) -> None:
        with self._lock:
            self.requests += 1
        if self.on_request:
            self.on_request(str(request.url))

    def _host_slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.BoundedSemaphore(self.policy.per_host)
            return slot

    def _check_open(self) -> None:
        if self._closed.is_set():
            raise Cancelled()


class _Retry(Exception):
    def __init__(self, problem: str, after: float | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.after = after


def _refresh_target(fetched: Fetched) -> str | None:
    """Where an HTML page that only sends its reader on sends it (an http(s) address), else None."""
    if fetched.not_modified or fetched.content_type not in ("text/html", "application/xhtml+xml", ""):
        return None
    head = fetched.body[:32_768]
    if b"refresh" not in head.lower():
        return None
    from ..reading.refresh import refresh_target

    target = refresh_target(head.decode("utf-8", "replace"), fetched.final_url)
    if target is None or urlsplit(target).scheme not in ("http", "https"):
        return None
    return target


def _status_problem(status: int, reason: str) -> str:
    if status in (404, 410):
        return f"{'not found' if status == 404 else 'gone'} (HTTP {status}), skipped"
    if status == 429:
        return "rate limited (HTTP 429)"
    if status >= 500:
        return f"server error (HTTP {status} {reason})".rstrip()
    return f"HTTP {status} {reason}".rstrip() + ", skipped"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    # "[Errno 111] Connection refused" reads "connection refused".
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", text.splitlines()[0])
    if text[1:2].islower():  # not "SSL: ..."
        text = text[:1].lower() + text[1:]
    return text[:200]


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 and n % 2**20 == 0 else f"{n:,} bytes"


# -- a total deadline at the socket -----------------------------------------------------------
#
# httpx's timeouts bound each read, not a whole response: a server that sends one byte every
# few seconds never trips them. The transport's network streams therefore read in short slices
# and give up when the request's deadline (set per thread by ``Fetcher._attempt``) has passed or
# the fetcher was closed. This works for the headers as well as the body.

_local = threading.local()
_SLICE = 0.25


def _transport(policy: FetchPolicy):
    import httpcore
    import httpx

    transport = httpx.HTTPTransport(
        limits=httpx.Limits(max_connections=policy.workers, max_keepalive_connections=policy.workers)
    )
    pool = getattr(transport, "_pool", None)
    # httpcore's ConnectionPool keeps its backend in ``_network_backend`` (httpcore 1.x); when a
    # later version does not, the deadline is still checked between body chunks.
    if isinstance(pool, httpcore.ConnectionPool) and hasattr(pool, "_network_backend"):
        pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport


def _remaining(timeout: float | None) -> tuple[float | None, float | None]:
    """(time this read may take, absolute end of it) under the thread's deadline."""
    now = time.monotonic()
    end = None if timeout is None else now + timeout
    deadline = getattr(_local, "deadline", None)
    if deadline is not None:
        end = deadline if end is None else min(end, deadline)
    return (None if end is None else max(0.0, end - now)), end


def _make_backend_classes():
    import httpcore

    class DeadlineStream(httpcore.NetworkStream):
        def __init__(self, stream) -> None:
            self._stream = stream

        def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            _, end = _remaining(timeout)
            closed = getattr(_local, "closed", None)
            while True:
                now = time.monotonic()
                if end is not None and now >= end:
                    raise httpcore.ReadTimeout("timed out")
                if closed is not None and closed.is_set():
                    raise httpcore.ReadError("cancelled")
                step = _SLICE if end is None else min(_SLICE, end - now)
                try:
                    return self._stream.read(max_bytes, step)
                except httpcore.ReadTimeout:
                    continue

        def write(self, buffer: bytes, timeout: float | None = None) -> None:
            left, _ = _remaining(timeout)
            if left is not None and left <= 0:
                raise httpcore.WriteTimeout("timed out")
            self._stream.write(buffer, left)

        def close(self) -> None:
            self._stream.close()

        def start_tls(self, ssl_context, server_hostname=None, timeout=None):
            left, _ = _remaining(timeout)
            return DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, left))

        def get_extra_info(self, info: str):
            return self._stream.get_extra_info(info)

    class DeadlineBackend(httpcore.NetworkBackend):
        def __init__(self, backend) -> None:
            self._backend = backend

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            left, _ = _remaining(timeout)
            return DeadlineStream(self._backend.connect_tcp(host, port, left, local_address, socket_options))

        def connect_unix_socket(self, path, timeout=None, socket_options=None):
            left, _ = _remaining(timeout)
            return DeadlineStream(self._backend.connect_unix_socket(path, left, socket_options))

        def sleep(self, seconds: float) -> None:
            self._backend.sleep(seconds)

    return DeadlineBackend


_backend_class = None


def _DeadlineBackend(backend):
    global _backend_class
    if _backend_class is None:
        _backend_class = _make_backend_classes()
    return _backend_class(backend)
