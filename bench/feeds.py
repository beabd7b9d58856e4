"""Refreshing feeds: 50 feeds of 20 items each from a local server, cold and with conditional GET.

    python -m bench.feeds                         # prints a Markdown table
    python -m bench.feeds --out bench/results/feeds.md

A threaded ``http.server`` on 127.0.0.1 (the tests' ``NewsServer``) serves the feeds, with ETags,
and one invented article page per item; nothing leaves the machine. Each scenario runs in a fresh
fetch store: *cold* fetches every feed and every page (teaser feeds) or only the feeds
(full-text feeds, whose items carry their article); *unchanged* runs again on the same store, so
every feed answers 304 Not Modified to the conditional GET and no page is asked for. The times
include parsing the feeds, reading the pages with the HTML reader and writing the store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from summarizer.fetching.http import FetchPolicy
from summarizer.fetching.inputs import WebInputs
from tests.webserver import NewsServer, rfc822

PLACES = ["Norvale", "Eastmarch", "Lindholm", "Varrow", "Kestrel Bay", "Ostwick", "Harlan Ridge", "Pellam"]
SUBJECTS = ["the ferry operators", "the harbour union", "the regional council", "the relief agencies",
            "the port police", "the island traders", "the mediators", "the fuel suppliers"]


def article_page(feed: int, item: int) -> str:
    place, subject = PLACES[(feed + item) % len(PLACES)], SUBJECTS[(feed * 3 + item) % len(SUBJECTS)]
    paragraphs = [
        f"Talks between {subject} and the government of {place} resumed on day {item + 1} of the dispute, "
        f"mediator Tomas Brellin said, after a week in which negotiations had stalled over wages.",
        f"Minister Ilsa Varnhagen told reporters in {place} that humanitarian aid would keep reaching the "
        f"islands by sea, and that {subject} had agreed to let convoys through the picket lines.",
        f"Police in {place} said the harbour had been calm overnight, and that patrols would continue "
        f"around the fuel depots until a settlement was signed (report {feed}-{item}).",
        f"Shopkeepers on the {place} waterfront said trade had fallen by half since the ferries stopped, "
        f"and asked the council for emergency grants once {subject} reached an agreement.",
    ]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{place}: day {item + 1} - Feed {feed}</title></head><body>"
            f"<nav>Home</nav><article><h1>{place}: day {item + 1}</h1>{body}</article></body></html>")


def feed_document(port: int, feed: int, items: int, full_text: bool) -> str:
    entries = []
    for item in range(items):
        link = f"http://127.0.0.1:{port}/f{feed}/a{item}.html"
        content = ""
        if full_text:
            page = article_page(feed, item)
            content = f"<content:encoded><![CDATA[{page.split('<article>')[1].split('</article>')[0]}]]></content:encoded>"
        entries.append(
            f"<item><title>Day {item + 1} in feed {feed}</title><link>{link}</link>"
            f"<guid isPermaLink='false'>f{feed}-{item}</guid><pubDate>{rfc822('2026-11-02', item % 24)}</pubDate>"
            f"<description>Teaser {feed}-{item}</description>{content}</item>"
        )
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Feed {feed}</title><link>/</link>{''.join(entries)}</channel></rss>")


def serve(feeds: int, items: int) -> NewsServer:
    server = NewsServer()
    for feed in range(feeds):
        for kind, full in (("teaser", False), ("full", True)):
            server.static(f"/{kind}/{feed}.xml", feed_document(server.port, feed, items, full),
                          content_type="application/rss+xml; charset=utf-8", etag=f'"{kind}-{feed}"')
        for item in range(items):
            server.static(f"/f{feed}/a{item}.html", article_page(feed, item))
    return server.start()


def refresh(server: NewsServer, cache: Path, urls: list[str]) -> tuple[float, int, int, int]:
    """(seconds, requests the server saw, articles, warnings)."""
    warnings: list[str] = []
    before = server.total_hits()
    started = time.perf_counter()
    with WebInputs(cache, lambda url, problem: warnings.append(problem), None, FetchPolicy()) as web:
        paths = web.expand(urls)
    return time.perf_counter() - started, server.total_hits() - before, len(paths), len(warnings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3, help="runs per scenario; the median is reported")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)

    server = serve(args.feeds, args.items)
    rows = []
    try:
        for kind, label in (("teaser", "teaser feeds (pages fetched)"), ("full", "full-text feeds")):
            urls = [server.url(f"/{kind}/{n}.xml") for n in range(args.feeds)]
            cold, warm = [], []
            for _ in range(args.repeat):
                with tempfile.TemporaryDirectory() as directory:
                    cold.append(refresh(server, Path(directory), urls))
                    warm.append(refresh(server, Path(directory), urls))
            for name, runs in (("cold", cold), ("unchanged (conditional GET)", warm)):
                runs.sort()
                seconds, requests, articles, warnings = runs[len(runs) // 2]
                rows.append((label, name, seconds, requests, articles, warnings))
    finally:
        server.stop()

    lines = [
        f"{args.feeds} feeds of {args.items} items each, from a local server (127.0.0.1); median of "
        f"{args.repeat} runs; default fetch policy (4 requests at once per host, 16 in all).",
        "",
        "| feeds | refresh | seconds | requests | articles | warnings |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for label, name, seconds, requests, articles, warnings in rows:
        lines.append(f"| {label} | {name} | {seconds:.2f} | {requests:,} | {articles:,} | {warnings} |")
    table = "\n".join(lines) + "\n"
    sys.stdout.write(table)
    if args.out:
        header = ("# Refreshing feeds\n\n`python -m bench.feeds --out bench/results/feeds.md` "
                  f"(Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}).\n\n")
        args.out.write_text(header + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
