"""What the blind reading audit 25 found misread, each as a small invented input.

Every article here is invented (the rail strike in Tolvey, the ferry crews of Quillon, the bridge of
Ormsby, the outlets Tolvey Post, Quillon News and the Brennock Valley Gazette); none is copied from
a real site.
"""

from __future__ import annotations

import json

import pytest

from summarizer import load_articles

from .conftest import write
from .webserver import news_server  # noqa: F401 - the fixture


def load(*paths, warnings=None):
    return load_articles([str(p) for p in paths], on_warning=None if warnings is None else
                         (lambda w: warnings.append(str(w))))


# D12: JSON Lines exports name an article's parts in other ways than newsdigest's own.

_RAIL = ("Two mediators from the national arbitration board arrived in Tolvey on Tuesday to open talks "
         "between the rail union and the regional train operator.")
_STAFF = "The union has called three one-day strikes this month over staffing on night trains."


def test_an_export_names_its_body_headline_and_date_in_the_common_ways(tmp_path):
    records = [
        {"headline": "Mediators arrive in Tolvey", "body": f"{_RAIL}\n\n{_STAFF}", "date": "2026-11-10",
         "link": "https://tolvey-post.example/rail-talks"},
        {"title": "Talks adjourned", "content": f"{_RAIL}\n\n{_STAFF}", "published": "2026-11-11T19:30:00Z",
         "url": "https://tolvey-post.example/adjourned"},
        {"id": "tp-3", "article": {"headline": "Strike suspended", "body": {"text": f"{_RAIL}\n\n{_STAFF}"}},
         "meta": {"published_at": "2026-11-12T22:10:00Z", "source": {"url": "https://tolvey-post.example/suspended"}}},
        {"headline": "Guards to return", "body": [_RAIL, _STAFF], "pubDate": "Tue, 17 Nov 2026 09:00:00 +0000"},
        {"title": "Commuters relieved", "text": f"{_RAIL}\n\n{_STAFF}", "date": "2026-11-18"},
        {"headline": "No text here", "meta": {"published_at": "2026-11-19"}},
    ]
    export = write(tmp_path / "export.jsonl", "\n".join(json.dumps(r) for r in records))
    warnings: list[str] = []
    articles = load(export, warnings=warnings)
    assert [(a.title, a.date) for a in articles] == [
        ("Mediators arrive in Tolvey", "2026-11-10"), ("Talks adjourned", "2026-11-11"),
        ("Strike suspended", "2026-11-12"), ("Guards to return", "2026-11-17"), ("Commuters relieved", "2026-11-18")]
    assert [a.url for a in articles[:3]] == ["https://tolvey-post.example/rail-talks",
                                             "https://tolvey-post.example/adjourned",
                                             "https://tolvey-post.example/suspended"]
    for article in articles:  # the paragraphs, a list of them too, joined by a blank line
        assert article.text == f"{_RAIL}\n\n{_STAFF}"
    assert articles[2].id == "tp-3"
    assert len(warnings) == 1 and "line 6" in warnings[0] and 'no "text" field' in warnings[0]


def test_a_wordpress_export_renders_its_html_and_an_authors_page_is_not_the_articles_url(tmp_path):
    record = {"id": 7, "title": {"rendered": "Ferry talks &#8217;resume&#8217; in Quillon"},
              "content": {"rendered": f"<p>{_RAIL}</p>\n<p>{_STAFF}</p>"}, "date": "2026-11-03T10:00:00",
              "author": {"name": "Mira Quell", "url": "https://quillon-news.example/author/mira"}}
    blocks = {"headline": "Bridge", "content": [{"type": "image", "url": "https://x.example/i.jpg"},
                                                {"type": "paragraph", "text": _RAIL}],
              "source": {"id": None, "name": "Ormsby Echo"}}
    export = write(tmp_path / "wp.jsonl", json.dumps(record) + "\n" + json.dumps(blocks))
    warnings: list[str] = []
    first, second = load(export, warnings=warnings)
    assert first.title == "Ferry talks \u2019resume\u2019 in Quillon"
    assert first.text == f"{_RAIL}\n\n{_STAFF}" and first.url is None
    assert second.text == _RAIL
    assert warnings == []


# D6: a feed that escapes its description twice.

def _rss(description: str) -> bytes:
    return ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Quillon Harbour Gazette</title>"
            "<link>https://quillon-gazette.example/</link><description>News</description><item>"
            "<title>Dock workers agree to mediation</title><link>https://quillon-gazette.example/night-shifts</link>"
            f"<pubDate>Tue, 17 Nov 2026 17:45:00 +0000</pubDate><description>{description}</description>"
            "</item></channel></rss>").encode()


def test_a_description_escaped_twice_is_read_as_its_paragraphs():
    from summarizer.fetching.feeds import parse_feed
    from summarizer.fetching.pages import item_text

    twice = ("&amp;lt;p&amp;gt;Quillon&amp;amp;#8217;s dock workers agreed on Tuesday to bring in a mediator."
             "&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;The first meeting is due on Monday.&amp;lt;/p&amp;gt;")
    (item,) = parse_feed(_rss(twice), "https://quillon-gazette.example/feed").items
    assert item_text(item.content_html) == ("Quillon\u2019s dock workers agreed on Tuesday to bring in a mediator.\n\n"
                                            "The first meeting is due on Monday.")


def test_a_description_that_writes_a_less_than_sign_keeps_it():
    from summarizer.fetching.feeds import parse_feed
    from summarizer.fetching.pages import item_text

    once = "The dock pays less when the tide is low &amp;lt; 2 m &amp;amp; the cranes &amp;lt;b&amp;gt; stop."
    (item,) = parse_feed(_rss(once), "https://quillon-gazette.example/feed").items
    assert item_text(item.content_html) == "The dock pays less when the tide is low < 2 m & the cranes <b> stop."


# D8: a page that only sends its reader on with a meta refresh.

_STUB = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Redirecting\u2026</title>"
         "<meta http-equiv='refresh' content='0; url={to}'></head><body><p>This story has moved. If you are not "
         "redirected automatically, <a href='{to}'>follow this link</a>.</p></body></html>")
_MOVED = ("<html><head><title>Water talks resume in Dorrin valley - Dorrin Valley Times</title></head><body><article>"
          "<h1>Water talks resume in Dorrin valley</h1><p>Farmers' unions and the Dorrin valley water board resumed "
          "talks on Wednesday over how to share the river's water next summer.</p><p>A mediator from the regional "
          "council chairs the talks, which are due to end on Friday.</p></article></body></html>")


def test_a_fetched_meta_refresh_is_followed_like_a_redirect(news_server, tmp_path):
    from summarizer.fetching.http import FetchError, Fetcher

    news_server.static("/moved.html", _STUB.format(to="/story.html"))
    news_server.static("/story.html", _MOVED)
    news_server.static("/reloads.html", _MOVED.replace("<head>", "<head><meta http-equiv='refresh' content='300'>"))
    news_server.static("/loop-a.html", _STUB.format(to="/loop-b.html"))
    news_server.static("/loop-b.html", _STUB.format(to="/loop-a.html"))
    with Fetcher() as fetcher:
        fetched = fetcher.get(news_server.url("/moved.html"))
        assert fetched.final_url == news_server.url("/story.html") and b"Dorrin valley water board" in fetched.body
        assert fetched.url == news_server.url("/moved.html")
        assert fetcher.get(news_server.url("/reloads.html")).final_url == news_server.url("/reloads.html")
        with pytest.raises(FetchError, match="redirect loop"):
            fetcher.get(news_server.url("/loop-a.html"))
    from summarizer.fetching.inputs import WebInputs

    warnings: list = []
    with WebInputs(tmp_path, lambda url, problem: warnings.append((url, problem)), None) as web:
        (path,) = web.expand([news_server.url("/moved.html")], ())
    stored = json.loads(open(path).read())
    assert stored["title"] == "Water talks resume in Dorrin valley" and "has moved" not in stored["text"]
    assert stored["url"] == news_server.url("/story.html") and warnings == []


def test_a_saved_meta_refresh_stub_is_no_article(tmp_path):
    stub = write(tmp_path / "moved.html", _STUB.format(to="/story.html"))
    story = write(tmp_path / "story.html", _MOVED)
    warnings: list[str] = []
    (article,) = load(stub, story, warnings=warnings)
    assert article.title == "Water talks resume in Dorrin valley"
    assert len(warnings) == 1 and "moved.html" in warnings[0] and "meta refresh" in warnings[0]


# D7: `feeds add` on a site's page that advertises its feed.

_FRONT = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>World - Halvian Observer</title>"
          "<link rel='alternate' type='application/rss+xml' title='Halvian Observer - Comments' href='/comments/feed/'>"
          "<link rel='alternate' type='application/rss+xml' title='Halvian Observer - World' href='{feed}'>"
          "</head><body><main><h1>World</h1><div class='card'><h2><a href='/a.html'>Grain corridor reopens after "
          "review</a></h2><p>Grain ships are moving again through the Sarnic corridor under naval escort.</p></div>"
          "<div class='card'><h2><a href='/b.html'>Observer mission to monitor Kessa truce</a></h2><p>Forty unarmed "
          "observers will watch the truce in the highlands.</p></div></main></body></html>")


def test_a_pages_advertised_feeds_are_found_the_comments_last():
    from summarizer.fetching.feeds import feed_links

    page = _FRONT.format(feed="world.xml").encode()
    assert feed_links(page, "https://halvian-observer.example/section/world.html") == [
        "https://halvian-observer.example/section/world.xml", "https://halvian-observer.example/comments/feed/"]
    assert feed_links(_MOVED.encode(), "https://dorrin-times.example/story.html") == []


def test_feeds_add_on_a_page_that_advertises_a_feed_subscribes_to_the_feed(news_server, tmp_path):
    from .conftest import user_env
    from .test_feeds import run

    env = user_env(tmp_path)
    news_server.static("/world.html", _FRONT.format(feed="/feed.xml").replace("/comments/feed/", "/nothing.xml"))
    added = run("feeds", "add", news_server.url("/world.html"), env=env)
    assert added.returncode == 0, added.stderr
    found = added.stderr.splitlines()[0]  # then the feed's own broken items, as for the feed's URL
    assert found.endswith(f"is a page, not a feed: found the feed {news_server.url('/feed.xml')} on that page")
    assert added.stdout.startswith("subscribed to ") and news_server.url("/feed.xml") in added.stdout
    again = run("feeds", "add", news_server.url("/world.html"), env=env)
    assert again.returncode == 1 and "already subscribed" in again.stderr
    page = run("feeds", "add", news_server.url("/single.html"), env=env)  # names no feed
    assert page.returncode == 1 and "article page, not a feed" in page.stderr


# D11: a byline with an updated time before the published one.

def _dated(byline: str) -> str:
    return ("<html><head><title>Hospital staff in Brisca given panic alarms - Brisca Courier</title></head><body>"
            "<main><article><h1>Hospital staff in Brisca given panic alarms</h1>"
            f"<div class='meta'>{byline}</div><p>Nurses and porters at the Brisca general hospital will carry panic "
            "alarms from Monday after a rise in assaults on staff, the hospital trust said.</p><p>The trust "
            "recorded 41 assaults in the first ten months of the year, up from 29 in the whole of last year.</p>"
            "</article></main></body></html>")


def test_the_published_time_of_a_byline_that_also_says_updated_dates_the_page(tmp_path):
    both = ("By Jory Tremayne \u00b7 Updated <time datetime='2026-11-21T01:05:00Z'>10 minutes ago</time> \u00b7 "
            "Published <time datetime='2026-11-20T22:15:00Z'>3 hours ago</time>")
    assert load(write(tmp_path / "both.html", _dated(both)))[0].date == "2026-11-20"
    labelled = ("<span>Updated:</span> <time datetime='2026-11-21T01:05:00Z'>1:05</time> "
                "<span>Published:</span> <time datetime='2026-11-20T22:15:00Z'>22:15</time>")
    assert load(write(tmp_path / "labelled.html", _dated(labelled)))[0].date == "2026-11-20"
    updated_only = "By Jory Tremayne \u00b7 Updated <time datetime='2026-11-21T01:05:00Z'>10 minutes ago</time>"
    assert load(write(tmp_path / "updated.html", _dated(updated_only)))[0].date is None


# D3, D4, D5: pages whose story a script fills in.

_SHELL_HEAD = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
_RASK = ("A special envoy from the Coastal Union began a week of shuttle diplomacy on Thursday, carrying proposals "
         "between the governments of Rask and Dellmark over their disputed river border.")
_TORVENS = ("The envoy, former judge Amalia Torvens, met Rask's foreign minister in the morning and flew to the "
            "Dellmark capital in the afternoon.")
_TEXT_JS = "You need to enable JavaScript to run this app."


def test_a_lazy_page_with_no_visible_body_is_read_from_its_noscript_paragraphs():
    from summarizer.reading.html import html_to_text

    page = (_SHELL_HEAD.format(title="Winter shelters open early in Tessaly | Hollin Post", head="")
            + "<main><article><h1>Winter shelters open early in Tessaly</h1><p class='byline'>By Tove Almqvar</p>"
            "<div class='article-body'><p class='loading'>Loading article\u2026</p></div>"
            f"<noscript><p>{_RASK}</p><p>{_TORVENS}</p></noscript>"
            "<noscript><img src='/pixel.gif' alt=''></noscript></article><section class='comments'>"
            "<noscript>Please enable JavaScript to view the comments powered by Talkwell.</noscript></section>"
            "</main></body></html>")
    assert html_to_text(page).text == f"# Winter shelters open early in Tessaly\n\n{_RASK}\n\n{_TORVENS}"
    # A page with a body of its own keeps it: its <noscript> is a tracking pixel or a notice.
    with_body = page.replace("<p class='loading'>Loading article\u2026</p>", f"<p>{_TORVENS}</p><p>{_RASK}</p>")
    with_body = with_body.replace(f"<noscript><p>{_RASK}</p><p>{_TORVENS}</p></noscript>", "")
    read = html_to_text(with_body).text
    assert read.endswith(f"{_TORVENS}\n\n{_RASK}") and "Talkwell" not in read


def test_a_nuxt_shell_is_read_from_its_state_with_its_headline():
    from summarizer.reading.html import html_to_text

    body = f"<p>{_RASK}</p><p>{_TORVENS}</p><p>\\\"There is a deal to be had, but not this week,\\\" a diplomat said.</p>"
    page = (_SHELL_HEAD.format(title="Vantor Daily", head="") + "<div id='__nuxt'><header><a href='/'>Vantor Daily"
            "</a><nav><a href='/world'>World</a> <a href='/business'>Business</a></nav></header><main><div "
            "class='spinner'>Loading\u2026</div></main></div><script>window.__NUXT__=(function(a,b){return {layout:"
            "\"default\",data:[{article:{title:\"Envoy shuttles between Rask and Dellmark\",standfirst:\"A month to "
            f"find a deal\",publishedAt:a,body:\"{body}\",related:[{{title:\"Rask recalls its ambassador\"}}]}}}}]}}}}"
            "(\"2026-11-05T10:00:00Z\",\"x\"));</script></body></html>")
    read = html_to_text(page)
    assert (read.title, read.date) == ("Envoy shuttles between Rask and Dellmark", "2026-11-05")  # publishedAt:a
    assert read.text == f"{_RASK}\n\n{_TORVENS}\n\n\"There is a deal to be had, but not this week,\" a diplomat said."


def test_an_apollo_shell_is_read_from_its_state_and_never_as_its_javascript_notice(tmp_path):
    from summarizer.reading.html import html_to_text

    state = {"ROOT_QUERY": {"article": {"__ref": "Article:1"}},
             "Article:1": {"__typename": "Article", "headline": "Cyberattack halts ticketing on Selmar's trams",
                           "datePublished": "2026-10-21T16:20:00Z",
                           "body": [{"__ref": "Block:1"}, {"__ref": "Block:2"}, {"__ref": "Block:3"}]},
             "Block:1": {"__typename": "ParagraphBlock", "text": _RASK},
             "Block:2": {"__typename": "AdBlock", "label": "Advertisement"},
             "Block:3": {"__typename": "ParagraphBlock", "text": _TORVENS}}
    described = ("<meta name='description' content='A cyberattack shut down ticket machines and the mobile app of "
                 "Selmar&#39;s tram network on Wednesday.'>")
    shell = (_SHELL_HEAD.format(title="Meridian Wire", head=described)
             + f"<div id='root'></div><noscript>{_TEXT_JS}</noscript>{{script}}</body></html>")
    read = html_to_text(shell.format(script=f"<script>window.__APOLLO_STATE__={json.dumps(state)};</script>"))
    assert (read.title, read.date) == ("Cyberattack halts ticketing on Selmar's trams", "2026-10-21")
    assert read.text == f"{_RASK}\n\n{_TORVENS}"
    # Without a state it can read, the page's own summary, never "You need to enable JavaScript".
    read = html_to_text(shell.format(script="<script src='/static/main.js'></script>"))
    assert read.text == "A cyberattack shut down ticket machines and the mobile app of Selmar's tram network on Wednesday."
    bare = html_to_text(shell.format(script="").replace(described, ""))
    assert _TEXT_JS not in bare.text
    warnings: list[str] = []
    story = write(tmp_path / "story.html", _MOVED)
    assert len(load(write(tmp_path / "bare.html", shell.format(script="").replace(described, "")), story,
                    warnings=warnings)) == 1
    assert len(warnings) == 1 and "bare.html" in warnings[0]  # skipped, not an article of that notice


# D9: a page laid out in tables, its headline in bold, its <title> the site's and a section's name.

_TABLE_PAGE = (
    "<HTML><HEAD><TITLE>Brennock Valley Gazette Online - Local News</TITLE></HEAD><BODY><TABLE WIDTH=600><TR>"
    "<TD WIDTH=130><FONT SIZE=2><B>SECTIONS</B><BR><A HREF='/index.html'>Front Page</A><BR><A HREF='/news.html'>"
    "Local News</A><BR><A HREF='/sports.html'>Sports</A><BR></FONT></TD><TD WIDTH=460>"
    "<FONT SIZE=4><B>Relief fund tops $40,000 for flood families</B></FONT><BR><FONT SIZE=2>By Walter Pruett<BR>"
    "Thursday, March 12, 1998</FONT><P>A fund set up to help families flooded out of their homes in the Brennock "
    "Valley has passed $40,000, organizers said Wednesday.<P>The fund was started two weeks ago by the Brennock "
    "Rotary Club and the First Valley Bank, which matched the first $10,000 in gifts.</TD></TR></TABLE>"
    "<CENTER><FONT SIZE=1>Copyright &copy; 1998 Brennock Valley Gazette. All rights reserved.</FONT></CENTER>"
    "</BODY></HTML>")


def test_a_table_pages_bold_headline_is_its_title_not_the_section_its_title_names():
    from summarizer.reading.html import html_to_text

    assert html_to_text(_TABLE_PAGE).title == "Relief fund tops $40,000 for flood families"
    # A <title> whose rest is no menu item stays the title.
    own = _TABLE_PAGE.replace("Online - Local News</TITLE>", "Online - Relief fund tops $40,000 for flood families</TITLE>")
    assert html_to_text(own.replace("<B>Relief", "<B>Flood relief")).title == "Relief fund tops $40,000 for flood families"


# D10: an HTML newsletter e-mail laid out in tables.

def _row(html: str) -> str:
    return f"<tr><td style='padding:4px 24px'>{html}</td></tr>"


_NEWSLETTER = (
    "<!DOCTYPE html><html><head><title>The Morning Lantern \u2014 Monday 9 November 2026</title></head><body>"
    "<table role='presentation' width='100%'><tr><td align='center'><table role='presentation' width='600'>"
    + _row("<a href='https://caddon-lantern.example/email'>View this email in your browser</a>")
    + _row("<h2 style='margin:0'>Ferry talks resume</h2>")
    + _row("Talks between the Caddon ferry crews and their employer resumed on Sunday with a mediator from the "
           "national conciliation service in the room for the first time.")
    + _row("The crews want a 9 per cent rise; the company has offered 5.")
    + _row("<a href='https://caddon-lantern.example/ferry-talks'>Read the full story \u2192</a>")
    + _row("<b>Sponsored:</b> Caddon Credit Union \u2014 savings accounts from 3.1% AER. Terms apply. "
           "<a href='https://ccu.example'>Find out more</a>")
    + _row("<h2 style='margin:0'>New clinic opens in Westerly</h2>")
    + _row("A walk-in health clinic opened in the Westerly estate on Saturday, funded by a 1.2 million crown aid "
           "package from the regional health board.")
    + _row("You are receiving this email because you signed up for The Morning Lantern. <a href='/u'>Unsubscribe</a>"
           " | <a href='/p'>Update your preferences</a>")
    + "</table></td></tr></table></body></html>")


def test_a_newsletters_headings_stay_apart_and_its_furniture_is_set_apart(tmp_path):
    (article,) = load(write(tmp_path / "newsletter.html", _NEWSLETTER))
    sentences = [s.text for s in article.sentences]
    assert sentences == [
        "Talks between the Caddon ferry crews and their employer resumed on Sunday with a mediator from the "
        "national conciliation service in the room for the first time.",
        "The crews want a 9 per cent rise; the company has offered 5.",
        "A walk-in health clinic opened in the Westerly estate on Saturday, funded by a 1.2 million crown aid "
        "package from the regional health board."]
    kinds = {article.text[b.start:b.end].split()[0]: b.kind for b in article.blocks}
    assert kinds["#"] == "heading" and kinds["Sponsored:"] == "boilerplate" and kinds["You"] == "boilerplate"
