"""Feeds and URLs as inputs, the fetch store, subscriptions and --since (local server only)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from summarizer.fetching import subscriptions
from summarizer.fetching.feeds import NotAFeed, kind_of, parse_feed
from summarizer.fetching.http import FetchPolicy
from summarizer.fetching.inputs import WebInputs
from summarizer.fetching.store import article_id
from summarizer.fetching.window import parse_since, within
from summarizer.model import Article

from .conftest import user_env
from .webserver import MAIN_FEED_BROKEN_ITEMS, news_server  # noqa: F401 - the fixture

REPO = Path(__file__).resolve().parents[1]
NEWSDIGEST = REPO / ".venv" / "bin" / "newsdigest"
FAST = FetchPolicy(connect_timeout=2, read_timeout=1.0, deadline=2.0, backoff=0.05, max_retry_after=2, max_bytes=2**20)


def expand(cache: Path, urls, feeds=()):
    warnings: list[tuple[str, str]] = []
    with WebInputs(cache, lambda url, problem: warnings.append((url, problem)), None, FAST) as web:
        paths = web.expand(urls, feeds)
        requests = web.reader.requests
    return [json.loads(Path(p).read_text()) for p in paths], warnings, requests


# -- feeds -------------------------------------------------------------------------------------


def test_an_rss_feed_becomes_its_articles(news_server, tmp_path):
    articles, warnings, _ = expand(tmp_path, [news_server.url("/feed.xml")])
    urls = [a["url"] for a in articles]
    base = news_server.url("/articles/")
    assert urls == [base + "ferry-talks.html", base + "aid-convoy.html", base + "full-text.html", base + "shared-report.html"]
    first = articles[0]
    assert first["title"] == "Ferry talks resume in Norvale" and first["date"] == "2026-11-02"
    assert first["id"] == article_id(first["url"]) == f"127.0.0.1:{news_server.port}/articles/ferry-talks.html"
    assert articles[1]["date"] is None  # neither the item nor the page has a date
    assert "Harbour Union" in first["text"] and "Home" not in first["text"]  # the page's main text only
    # the item that carries its whole text in the feed costs no request for its page
    assert "eleven hours" in articles[2]["text"] and news_server.hits["/articles/full-text.html"] == 0
    # one warning per broken item, naming the URL and the problem
    assert len(warnings) == MAIN_FEED_BROKEN_ITEMS
    text = "\n".join(f"{url}: {problem}" for url, problem in warnings)
    assert "has no link" in text and "duplicate GUID" in text and "not found (HTTP 404)" in text
    assert "application/pdf is neither" in text and "HTTP 500" in text


def test_an_item_whose_page_is_gone_keeps_the_text_the_feed_carries(news_server, tmp_path):
    # Held-out audit (issue 19): a feed whose items carry a few paragraphs (under MIN_FEED_TEXT) and
    # link to pages that answer 404 gave "no readable articles": the item's own text was thrown away.
    from .webserver import rss

    teaser = ("<p>The exchange of 80 prisoners agreed at the Veldmark talks will take place at the Kell "
              "crossing on Saturday, the envoy's office said.</p><p>Each side will hand over 40 prisoners.</p>")
    news_server.static("/gone-feed.xml", rss("Orsola Evening Standard", [
        {"title": "Kell crossing to host prisoner exchange", "link": "/articles/missing.html", "guid": "oes-1",
         "description": teaser},
        {"title": "A page that is gone, nothing in the feed", "link": "/articles/missing.html?b", "guid": "oes-2"},
    ]), content_type="application/rss+xml; charset=utf-8")
    articles, warnings, _ = expand(tmp_path, [news_server.url("/gone-feed.xml")])
    assert [a["title"] for a in articles] == ["Kell crossing to host prisoner exchange"]
    assert "Each side will hand over 40 prisoners." in articles[0]["text"]
    assert len(warnings) == 2 and all("not found (HTTP 404)" in problem for _, problem in warnings)
    assert "the feed's own text" in dict(warnings)[news_server.url("/articles/missing.html")]


def test_a_short_item_carrying_its_whole_text_costs_no_request(news_server, tmp_path):
    # Held-out audits read19/audit19: items whose content:encoded is a whole brief of a few
    # paragraphs (under MIN_FEED_TEXT) were fetched anyway, each a request and a 404 warning.
    # A description (an excerpt) and content cut short ("[…]", "Continue reading") still are.
    from .webserver import rss

    brief = ("<p>Norvale's ferry to the islands will run twice a day from Monday, the harbour office said.</p>"
             "<p>The winter timetable ends a week early this year.</p>")
    news_server.static("/briefs.xml", rss("Norvale Herald briefs", [
        {"title": "Ferry twice a day", "link": "/briefs/ferry.html", "guid": "b-1", "content": brief},
        {"title": "Teaser in content", "link": "/briefs/teaser.html", "guid": "b-2",
         "content": "<p>The council met on Tuesday to discuss the bridge [&#8230;]</p>"},
        {"title": "Description only", "link": "/briefs/excerpt.html", "guid": "b-3",
         "description": "The council met on Tuesday to discuss the old bridge and its piers."},
    ]), content_type="application/rss+xml")
    articles, warnings, _ = expand(tmp_path, [news_server.url("/briefs.xml")])
    assert news_server.hits["/briefs/ferry.html"] == 0
    assert "The winter timetable ends a week early this year." in articles[0]["text"]
    assert not [problem for url, problem in warnings if url.endswith("/briefs/ferry.html")]
    assert news_server.hits["/briefs/teaser.html"] == 1 and news_server.hits["/briefs/excerpt.html"] == 1


def test_a_duplicate_guid_is_told_once_not_on_every_refresh(news_server, tmp_path):
    # A reader who refreshes a feed every day saw the same "duplicate GUID ..., skipped" line every
    # day for the same items. It is told the first time; an item repeated with its own link as well
    # as its GUID loses nothing and is not told at all.
    from .webserver import rss

    items = [
        {"title": "Ferry talks resume in Norvale", "link": "/articles/ferry-talks.html", "guid": "dup-1"},
        {"title": "Ferry talks resume in Norvale", "link": "/articles/ferry-talks.html", "guid": "dup-1"},
        {"title": "Police reinforce the harbour", "link": "/articles/harbour-security.html", "guid": "dup-1"},
    ]
    news_server.static("/dup.xml", rss("Norvale Herald", items), content_type="application/rss+xml")
    articles, warnings, _ = expand(tmp_path, [news_server.url("/dup.xml")])
    assert [a["title"] for a in articles] == ["Ferry talks resume in Norvale"]
    assert len(warnings) == 1
    url, problem = warnings[0]
    assert url == news_server.url("/dup.xml")
    assert "item 3 ('Police reinforce the harbour'): duplicate GUID 'dup-1'" in problem and "skipped" in problem
    # the next day the feed has a new item and still the same duplicate
    items.insert(0, {"title": "Aid convoy reaches the stranded islands", "link": "/articles/aid-convoy.html",
                     "guid": "dup-2"})
    news_server.static("/dup.xml", rss("Norvale Herald", items), content_type="application/rss+xml")
    articles, warnings, _ = expand(tmp_path, [news_server.url("/dup.xml")])
    assert len(articles) == 2 and warnings == []
    # a new duplicate is told
    items.append({"title": "Islanders count the cost", "link": "/articles/atom-only.html", "guid": "dup-2"})
    news_server.static("/dup.xml", rss("Norvale Herald", items), content_type="application/rss+xml")
    _, warnings, _ = expand(tmp_path, [news_server.url("/dup.xml")])
    assert len(warnings) == 1 and "Islanders count the cost" in warnings[0][1]


def test_atom_with_relative_links_and_one_article_in_two_feeds(news_server, tmp_path):
    articles, warnings, _ = expand(tmp_path, [news_server.url("/feed.xml"), news_server.url("/atom.xml")])
    urls = [a["url"] for a in articles]
    assert len(urls) == len(set(urls))
    assert news_server.url("/articles/atom-only.html") in urls  # xml:base resolved
    assert urls.count(news_server.url("/articles/shared-report.html")) == 1
    assert news_server.hits["/articles/shared-report.html"] == 1  # fetched once for both feeds


def test_an_unchanged_feed_costs_one_request(news_server, tmp_path):
    first, _, _ = expand(tmp_path, [news_server.url("/feed.xml")])
    before = news_server.total_hits()
    again, warnings, requests = expand(tmp_path, [news_server.url("/feed.xml")])
    assert [a["url"] for a in again] == [a["url"] for a in first]
    # the feed (304) plus the item that fails transiently (a 500, retried); not the items that failed for good
    hits = news_server.total_hits() - before
    assert news_server.headers_seen["/feed.xml"][-1]["if-none-match"] == '"feed-v1"'
    assert hits == 1 + 3 and requests == hits
    assert [url for url, _ in warnings] == [news_server.url("/articles/server-error.html")]


def test_unreachable_feeds_fall_back_to_what_was_stored(news_server, tmp_path):
    first, _, _ = expand(tmp_path, [news_server.url("/feed.xml"), news_server.url("/single.html")])
    news_server.stop()
    again, warnings, _ = expand(tmp_path, [news_server.url("/feed.xml"), news_server.url("/single.html")])
    assert [a["url"] for a in again] == [a["url"] for a in first]
    assert len(warnings) == 2
    for _, problem in warnings:
        assert "cannot connect" in problem and "stored on" in problem


def test_a_page_fetched_as_a_feed_item_is_found_offline_by_its_own_url(news_server, tmp_path):
    expand(tmp_path, [news_server.url("/feed.xml")])  # its items' pages are fetched and stored
    page = news_server.url("/articles/ferry-talks.html")
    news_server.stop()
    found, warnings, _ = expand(tmp_path, [page])  # asked for by its own URL, without network
    assert [a["url"] for a in found] == [page]
    assert len(warnings) == 1 and "cannot connect" in warnings[0][1] and "stored on" in warnings[0][1]


@pytest.mark.parametrize(("path", "words"), [
    ("/malformed.xml", "malformed XML"),
    ("/image.png", "image/png is neither an HTML page nor a feed"),
    ("/data.json", "application/json is neither"),
    ("/loop", "redirect loop"),
    ("/huge", "limit"),
    ("/drip", "within 2 s"),
])
def test_bad_urls_are_skipped_with_one_line(news_server, tmp_path, path, words):
    articles, warnings, _ = expand(tmp_path, [news_server.url(path), news_server.url("/single.html")])
    assert [a["url"] for a in articles] == [news_server.url("/single.html")]
    assert len(warnings) == 1 and warnings[0][0] == news_server.url(path) and words in warnings[0][1]


def test_a_feed_in_the_wrong_encoding_is_read_with_a_warning(news_server, tmp_path):
    articles, warnings, _ = expand(tmp_path, [news_server.url("/latin1.xml")])
    assert len(articles) == 1 and articles[0]["title"] == "Caf\u00e9 owners join the strike"
    assert len(warnings) == 1 and "encoding" in warnings[0][1]


def test_kind_of_a_document():
    assert kind_of("application/rss+xml", b"<rss></rss>") == "feed"
    assert kind_of("text/xml", b"<!DOCTYPE html><html></html>") == "html"
    assert kind_of("", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert kind_of("application/octet-stream", b"<html><body>") == "html"
    assert kind_of("image/png", b"<html>") is None
    with pytest.raises(NotAFeed):
        parse_feed(b"<html><body><p>a page</p></body></html>", "http://127.0.0.1/x")


def test_items_without_dates_and_duplicate_links():
    feed = parse_feed(
        b"<rss version='2.0'><channel><title>T</title>"
        b"<item><title>One</title><link>http://127.0.0.1/a</link></item>"
        b"<item><title>Again</title><link>http://127.0.0.1/a#top</link><guid isPermaLink='false'>x</guid></item>"
        b"</channel></rss>",
        "http://127.0.0.1/feed",
    )
    assert [(i.link, i.published) for i in feed.items] == [("http://127.0.0.1/a", None)]
    assert feed.problems == ()


def test_feed_titles_written_in_html_are_read_as_text(news_server, tmp_path):
    """Atom's ``type="html"`` titles and RSS titles are HTML: entities and tags must not reach the
    article's title ("Ferries &amp; trams", "<b>")."""
    news_server.static("/atom-html.xml", (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title type='html'>Norvale &amp;amp; the islands</title><id>urn:x</id><updated>2026-11-02T08:00:00Z</updated>"
        "<entry><title type='html'>Ferries &amp;amp; trams: Brellin&amp;#8217;s &lt;b&gt;plan&lt;/b&gt;</title>"
        "<link href='/articles/ferry-talks.html'/><id>urn:a</id><updated>2026-11-02T08:00:00Z</updated></entry>"
        "<entry><title type='text'>Fish &amp; chips &lt;3</title>"
        "<link href='/articles/aid-convoy.html'/><id>urn:b</id><updated>2026-11-02T08:00:00Z</updated></entry></feed>"
    ), content_type="application/atom+xml")
    news_server.static("/rss-html.xml", (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Norvale</title>"
        "<item><title>Harbour &amp;amp; docks: the &lt;em&gt;last&lt;/em&gt; ferry</title>"
        "<link>/articles/harbour-security.html</link></item></channel></rss>"
    ), content_type="application/rss+xml")
    records, warnings, _ = expand(tmp_path / "cache", [news_server.url("/atom-html.xml"), news_server.url("/rss-html.xml")])
    assert warnings == []
    assert sorted(r["title"] for r in records) == [
        "Ferries & trams: Brellin\u2019s plan", "Fish & chips <3", "Harbour & docks: the last ferry"]


def test_a_feed_date_in_the_future_is_not_the_publication_date(news_server, tmp_path):
    """A pubDate a year ahead (a scheduled post, a broken clock) would keep the article in every
    ``--since`` window and last in every list: the page's own date is used instead."""
    from .webserver import page, rss, rfc822

    news_server.static("/future/ferry-talks.html", page("ferry-talks"))  # published 2026-11-02
    news_server.static("/future/aid-convoy.html", page("aid-convoy"))  # undated page
    future = rfc822((datetime.now(timezone.utc) + timedelta(days=400)).date().isoformat())
    news_server.static("/future.xml", rss("Norvale", [
        {"title": "Ferry talks", "link": "/future/ferry-talks.html", "pubDate": future},
        {"title": "Aid convoy", "link": "/future/aid-convoy.html", "pubDate": future},
    ]), content_type="application/rss+xml")
    records, _, _ = expand(tmp_path / "cache", [news_server.url("/future.xml")])
    dates = {r["title"]: r["date"] for r in records}
    assert dates == {"Ferry talks": "2026-11-02", "Aid convoy": None}


def test_the_pages_own_date_wins_over_the_feeds(news_server, tmp_path):
    """A feed that lists an old article again (a digest, a re-promoted story) dates it the day it
    listed it: the page says when it was published, and the same URL given alone is dated so.
    The feed's date stands for a page that gives none."""
    from .webserver import page, rss, rfc822

    news_server.static("/relisted/ferry-talks.html", page("ferry-talks"))  # published 2026-11-02
    news_server.static("/relisted/aid-convoy.html", page("aid-convoy"))  # undated page
    news_server.static("/relisted.xml", rss("Norvale", [
        {"title": "Ferry talks", "link": "/relisted/ferry-talks.html", "pubDate": rfc822("2026-11-16")},
        {"title": "Aid convoy", "link": "/relisted/aid-convoy.html", "pubDate": rfc822("2026-11-16")},
    ]), content_type="application/rss+xml")
    records, _, _ = expand(tmp_path / "cache", [news_server.url("/relisted.xml")])
    dates = {r["title"]: r["date"] for r in records}
    assert dates == {"Ferry talks": "2026-11-02", "Aid convoy": "2026-11-16"}


# -- the store ---------------------------------------------------------------------------------


def test_fetched_articles_are_read_by_the_engine_with_their_urls(news_server, tmp_path):
    from summarizer import ArticleCache, load_articles

    with WebInputs(tmp_path, None, None, FAST) as web:
        paths = web.expand([news_server.url("/feed.xml")])
    cache = ArticleCache(tmp_path)
    try:
        articles = load_articles(paths, cache=cache)
    finally:
        cache.close()
    assert [a.url for a in articles][0] == news_server.url("/articles/ferry-talks.html")
    assert articles[0].title == "Ferry talks resume in Norvale" and articles[0].date == "2026-11-02"
    assert all(a.sentences for a in articles)


def test_a_damaged_store_is_set_aside(tmp_path, news_server):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "web.sqlite3").write_bytes(b"not a database at all" * 100)
    articles, warnings, _ = expand(tmp_path, [news_server.url("/single.html")])
    assert len(articles) == 1
    assert any("set aside" in problem for _, problem in warnings)


# -- subscriptions -----------------------------------------------------------------------------


def test_subscriptions_round_trip_and_names(tmp_path):
    path = tmp_path / "feeds.toml"
    subs: list = []
    subscriptions.add(subs, "https://herald.norvale.example/rss", title="Norvale Herald")
    subscriptions.add(subs, "https://courier.norvale.example/atom", name="courier")
    subscriptions.add(subs, 'https://x.example/a"b', title='The "Quoted" Herald \\ \u00e9')
    subscriptions.save(subs, path)
    assert subscriptions.load(path) == subs
    assert [s.name for s in subs] == ["norvale-herald", "courier", "the-quoted-herald"]
    with pytest.raises(subscriptions.SubscriptionError):
        subscriptions.add(subs, "https://herald.norvale.example/rss")
    with pytest.raises(subscriptions.SubscriptionError):
        subscriptions.add(subs, "https://other.example/rss", name="Bad Name")
    with pytest.raises(subscriptions.SubscriptionError):
        subscriptions.add(subs, "file:///etc/passwd")
    assert subscriptions.remove(subs, "courier").url == "https://courier.norvale.example/atom"
    with pytest.raises(subscriptions.UnknownFeedError):
        subscriptions.select(subs, ["courier"])


def test_a_broken_subscriptions_file_is_one_line(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text("[[feed]]\nname = \n")
    with pytest.raises(subscriptions.SubscriptionError) as caught:
        subscriptions.load(path)
    assert "line 2" in str(caught.value) and "\n" not in str(caught.value)


def test_opml_import_and_export(tmp_path):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="News"><outline text="Norvale Herald" type="rss" xmlUrl="https://herald.norvale.example/rss"/>'
        '</outline><outline title="Courier &amp; Co" xmlUrl="https://courier.norvale.example/atom"/></body></opml>'
    )
    found = subscriptions.read_opml(opml)
    assert found == [("https://herald.norvale.example/rss", "Norvale Herald"),
                     ("https://courier.norvale.example/atom", "Courier & Co")]
    subs = [subscriptions.Subscription("courier-co", "https://courier.norvale.example/atom?a=1&b=2")]
    exported = tmp_path / "out.opml"
    exported.write_text(subscriptions.write_opml(subs))
    assert subscriptions.read_opml(exported) == [("https://courier.norvale.example/atom?a=1&b=2", "courier-co")]
    opml.write_text("<opml><body><outline")
    with pytest.raises(subscriptions.SubscriptionError):
        subscriptions.read_opml(opml)


# -- --since -----------------------------------------------------------------------------------


def test_since_spans_and_dates():
    now = datetime(2026, 11, 6, 12, 0, tzinfo=timezone.utc)
    assert parse_since("24h", now) == now - timedelta(hours=24)
    assert parse_since("7d", now) == now - timedelta(days=7)
    assert parse_since("90m", now) == now - timedelta(minutes=90)
    assert parse_since("2026-11-01T00:00+00:00", now) == datetime(2026, 11, 1, tzinfo=timezone.utc)
    with pytest.raises(ValueError):
        parse_since("last tuesday", now)


def test_since_keeps_the_window(tmp_path):
    old_file = tmp_path / "old.txt"
    old_file.write_text("x")
    os.utime(old_file, (0, 0))
    start = datetime(2026, 11, 3, 10, 0).astimezone()
    articles = [
        Article("a", "A", "t", date="2026-11-03"),  # the whole day counts
        Article("b", "B", "t", date="2026-11-02"),
        Article("c", "C", "t", path=str(old_file)),  # undated: the file's time
        Article("d", "D", "t"),  # nothing says it is old
    ]
    assert [a.id for a in within(articles, start)] == ["a", "d"]


# -- the command line, end to end --------------------------------------------------------------


def run(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSDIGEST), *args], capture_output=True, text=True, env=env, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def cli_env(tmp_path):
    return user_env(tmp_path)


def test_summarize_a_feed_end_to_end_then_offline(news_server, cli_env):
    feed = news_server.url("/feed.xml")
    done = run("summarize", feed, "-n", "2", env=cli_env)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == MAIN_FEED_BROKEN_ITEMS
    assert all(line.startswith(f"newsdigest: warning: http://127.0.0.1:{news_server.port}/") for line in lines)
    assert "Traceback" not in done.stderr
    sources = done.stdout.split("Sources", 1)[1]
    assert news_server.url("/articles/ferry-talks.html") in sources  # cited by URL
    assert "[1]" in done.stdout and "Mediation" in done.stdout

    as_json = json.loads(run("summarize", feed, "-f", "json", env=cli_env).stdout)
    assert {a["url"] for a in as_json["articles"]} >= {news_server.url("/articles/ferry-talks.html")}

    news_server.stop()  # no network: the same run from the store, one warning for the feed
    offline = run("summarize", feed, "-n", "2", env=cli_env)
    assert offline.returncode == 0, offline.stderr
    assert offline.stderr.count("\n") == 1 and "cannot connect" in offline.stderr and "stored on" in offline.stderr
    assert offline.stdout == done.stdout


def test_nothing_readable_exits_1(news_server, cli_env):
    done = run("summarize", news_server.url("/articles/missing.html"), news_server.url("/image.png"), env=cli_env)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1].startswith("newsdigest: error: no readable articles")
    assert "Traceback" not in done.stderr


def test_subscribe_refresh_and_summarize_the_feeds(news_server, cli_env, tmp_path):
    added = run("feeds", "add", news_server.url("/feed.xml"), env=cli_env)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("subscribed to norvale-herald: ")
    assert run("feeds", "add", news_server.url("/atom.xml"), "--name", "courier", env=cli_env).returncode == 0
    assert run("feeds", "add", news_server.url("/single.html"), env=cli_env).returncode == 1
    wrong = run("feeds", "add", news_server.url("/no-such-feed.xml"), env=cli_env)  # a typo: 404
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1 and "HTTP 404" in wrong.stderr  # one line
    with socket.socket() as closed:  # a port nothing listens on: the server may come back
        closed.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{closed.getsockname()[1]}/feed.xml"
    later = run("feeds", "add", down, env=cli_env)
    assert later.returncode == 0 and "not reachable now" in later.stdout
    assert run("feeds", "remove", down, env=cli_env).returncode == 0
    listed = run("feeds", "list", env=cli_env).stdout
    assert "norvale-herald" in listed and "courier" in listed

    refreshed = run("refresh", env=cli_env)
    assert refreshed.returncode == 0
    assert "norvale-herald: unchanged" in refreshed.stdout and "courier:" in refreshed.stdout

    news_server.stop()
    summary = run("summarize", "--feeds", "-f", "json", env=cli_env)
    assert summary.returncode == 0, summary.stderr
    urls = [a["url"] for a in json.loads(summary.stdout)["articles"]]
    assert len(urls) == len(set(urls)) == 6  # four from the Herald, two more from the Courier
    assert summary.stderr == ""  # nothing was fetched
    recent = json.loads(run("summarize", "--feeds", "courier", "--since", "2026-11-05", "-f", "json", env=cli_env).stdout)
    assert [a["url"] for a in recent["articles"]] == [news_server.url("/articles/atom-only.html")]
    assert run("summarize", "--feeds", "nosuch", env=cli_env).returncode == 2

    exported = run("feeds", "export", env=cli_env).stdout
    assert 'xmlUrl="' + news_server.url("/feed.xml") + '"' in exported
    opml = tmp_path / "subs.opml"
    opml.write_text(exported)
    assert run("feeds", "remove", "courier", env=cli_env).returncode == 0
    assert run("feeds", "remove", "courier", env=cli_env).returncode == 2
    imported = run("feeds", "import", str(opml), env=cli_env)
    assert imported.stdout == "imported 1 feed (1 already subscribed)\n"


def test_refresh_without_subscriptions_or_network(cli_env):
    done = run("refresh", env=cli_env)
    assert done.returncode == 1 and "no feeds subscribed" in done.stderr
    subscriptions.save([subscriptions.Subscription("dead", "http://127.0.0.1:9/feed.xml")],
                       Path(cli_env["NEWSDIGEST_FEEDS"]))
    done = run("refresh", env=cli_env)
    assert done.returncode == 1 and "dead: failed (cannot connect" in done.stdout
    assert done.stderr.splitlines()[-1] == "newsdigest: error: 1 of 1 feeds could not be fetched: dead"


def test_refresh_fails_when_any_feed_failed_and_still_stores_the_rest(news_server, cli_env):
    subscriptions.save([subscriptions.Subscription("herald", news_server.url("/feed.xml")),
                        subscriptions.Subscription("gone", news_server.url("/no-such-feed.xml"))],
                       Path(cli_env["NEWSDIGEST_FEEDS"]))
    done = run("refresh", env=cli_env)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "newsdigest: error: 1 of 2 feeds could not be fetched: gone"
    assert "herald: 4 articles" in done.stdout
    news_server.stop()
    stored = run("summarize", "--feeds", "herald", "-f", "json", env=cli_env)
    assert stored.returncode == 0 and len(json.loads(stored.stdout)["articles"]) == 4


def test_the_app_session_reads_a_feed_with_a_fetching_stage(news_server, tmp_path):
    from tui.app.session import Session
    from summarizer import Request

    stages = []
    session = Session(Request(paths=(news_server.url("/feed.xml"),), cache_dir=tmp_path))
    loaded = session.load(lambda stage, done, total: stages.append(stage))
    assert "fetching" in stages and stages.index("fetching") < stages.index("reading")
    assert session.corpus is not None
    assert news_server.url("/articles/ferry-talks.html") in {a.url for a in session.corpus.articles}
    assert len(loaded.warnings) == MAIN_FEED_BROKEN_ITEMS


def test_no_cache_reads_urls_and_keeps_nothing(news_server, cli_env, tmp_path):
    done = run("summarize", "--no-cache", news_server.url("/single.html"), "-f", "json", env=cli_env)
    assert done.returncode == 0, done.stderr
    assert [a["url"] for a in json.loads(done.stdout)["articles"]] == [news_server.url("/single.html")]
    assert not (tmp_path / "cache").exists()


def test_ctrl_c_while_fetching_ends_at_once(news_server, cli_env):
    import signal
    import time

    from .conftest import default_sigint

    process = subprocess.Popen([str(NEWSDIGEST), "summarize", news_server.url("/silent")], env=cli_env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=default_sigint)
    deadline = time.monotonic() + 60
    while news_server.hits["/silent"] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert process.returncode == 130 and err.strip().endswith("newsdigest: interrupted")
    assert "Traceback" not in err


def test_messages_about_fetched_pages_name_their_urls(news_server, tmp_path):
    # Held-out reading audit 19: a fetched page with no sentences was reported by the file it was
    # stored in (".../web/articles/9f/9f23....json: ..."), and "no readable articles in x.html" named
    # one of the two inputs given (the URL that failed was left out).
    from summarizer import Length, NoArticlesError, Request, run

    news_server.static("/nav-only.html", "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                                         "</body></html>")
    nav, good = news_server.url("/nav-only.html"), news_server.url("/single.html")
    result = run(Request(paths=(nav, good), cache_dir=tmp_path / "cache", length=Length(sentences=1)))
    warnings = result.digest.warnings
    assert any(w.startswith(nav + ": ") for w in warnings) and not any("/web/" in w for w in warnings), warnings
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    missing = news_server.url("/articles/missing.html")
    with pytest.raises(NoArticlesError) as nothing:
        run(Request(paths=(str(binary), missing), cache_dir=tmp_path / "cache"))
    assert str(binary) in str(nothing.value) and missing in str(nothing.value)
