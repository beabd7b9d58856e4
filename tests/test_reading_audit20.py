"""What the blind reading audit 20 found misread, each as a small invented page or feed.

Every page here is invented (the town of Norvale, its ferry company Norline, the Norvale Herald
at ``norvale-herald.example``); none is copied from a real site.
"""

from __future__ import annotations

import json

import pytest

from summarizer import load_articles
from summarizer.reading.html import html_to_text

from .conftest import write
from .test_feeds import expand
from .webserver import news_server  # noqa: F401 - the fixture

_PARAGRAPHS = [
    "Norline and the two unions representing its ferry crews agreed on Friday to enter mediation, ending a week of "
    "cancelled crossings between Norvale and the islands.",
    "The talks will be led by Oda Tessem, a retired appeals judge. Both sides said they would suspend further "
    "action while the talks continue.",
    "Norline had cancelled 140 crossings since the strike began, and the regional council sent two supply barges "
    "to the islands on Thursday.",
]
_HEADLINE = "Norline and ferry unions agree to mediation"
_STANDFIRST = "Talks on the Norvale crossings will begin on Monday under a retired judge."


def read(tmp_path, html: str, name: str = "page.html"):
    (article,) = load_articles([str(write(tmp_path / name, html))])
    return article


def _next_page(data: dict, dom_body: str = "<p class='Loading_msg__4'>Loading article\u2026</p>") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charSet='utf-8'/>"
        f"<title>{_HEADLINE} | Norvale Herald</title></head><body><div id='__next'>"
        "<header><a href='/'>Norvale Herald</a><nav><a href='/news'>News</a><a href='/sport'>Sport</a></nav></header>"
        f"<main><h1>{_HEADLINE}</h1><p class='Article_standfirst__p1'>{_STANDFIRST}</p>"
        f"<div class='Article_body__q7'>{dom_body}</div></main></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script></body></html>"
    )


def _props(article: dict) -> dict:
    return {"props": {"pageProps": {"article": article, "mostRead": [{"title": "Norvale school gets a new roof"}]}},
            "page": "/news/[slug]", "buildId": "k2x9"}


_SHAPES = {
    "rich-text nodes": [{"type": "paragraph", "children": [{"text": p}]} for p in _PARAGRAPHS[:1]]
    + [{"type": "ad", "slot": "mid-1"}]
    + [{"type": "paragraph", "children": [{"text": p[:40]}, {"text": p[40:], "bold": True}]} for p in _PARAGRAPHS[1:]],
    "strings": list(_PARAGRAPHS),
    "html": "".join(f"<p>{p}</p>" for p in _PARAGRAPHS),
    "contentful": {"nodeType": "document", "content": [
        {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": p, "marks": []}], "data": {}}
        for p in _PARAGRAPHS]},
}


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_a_next_js_shell_is_read_from_its_next_data(tmp_path, shape):
    data = _props({"headline": _HEADLINE, "standfirst": _STANDFIRST, "publishedAt": "2026-03-09T07:30:00Z",
                   "updatedAt": "2026-03-10T11:00:00Z", "body": _SHAPES[shape]})
    article = read(tmp_path, _next_page(data))
    sentences = [s.text for s in article.sentences]
    assert sentences[0] == _STANDFIRST
    assert "The talks will be led by Oda Tessem, a retired appeals judge." in sentences
    assert any(s.startswith("Norline had cancelled 140 crossings") for s in sentences)
    assert "Loading" not in article.text and "Sport" not in article.text
    assert "school gets a new roof" not in article.text
    assert article.title == _HEADLINE
    assert article.date == "2026-03-09"


def test_a_next_js_page_whose_html_has_the_story_is_read_from_its_html(tmp_path):
    dom = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    data = _props({"headline": _HEADLINE, "summary": _PARAGRAPHS[0], "published_at": "2026-03-09"})
    article = read(tmp_path, _next_page(data, dom_body=dom))
    assert [s.text for s in article.sentences][0] == _STANDFIRST
    assert article.text.count("Norline and the two unions") == 1
    assert article.date == "2026-03-09"


def test_a_shell_page_never_glues_its_menu_headline_and_standfirst_into_one_sentence(tmp_path):
    html = _next_page({"props": {"pageProps": {}}})
    article = read(tmp_path, html)
    assert [s.text for s in article.sentences] == [_STANDFIRST]
    assert article.title == _HEADLINE
    assert "Sport" not in html_to_text(html).text


# -- footnote marks and endnotes (audit 20, 02_footnotes) ------------------------------------------


def _footnoted_page(body: str, notes: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Norvale bridge budget | Norvale Review</title></head>"
        f"<body><article><h1>Norvale bridge budget</h1><p>2 March 2026</p>{body}{notes}</article></body></html>"
    )


_FOOTNOTED = (
    "<p>Its budget was set at 310 million crowns.<sup><a href='#fn1'>1</a></sup> By the time it opened, the "
    "figure had tripled.</p>"
    "<p>The auditors raised concerns at least four times<sup>2</sup>. Each time, the ministry replied that the "
    "matter was under review.</p>"
    "<p>The new deck covers 1,200 m<sup>2</sup> and will carry lorries again, the engineers "
    "said.<sup class='reference'>[3]</sup></p>"
    "<p>The council's audit committee will hear evidence on the project in April, the clerk said.</p>"
)


@pytest.mark.parametrize("notes", [
    "<ol class='footnotes'><li id='fn1'>Ministry of Works, budget statement, May 2011.</li>"
    "<li id='fn2'>Letters from the audit office, 2013 to 2016.</li><li id='fn3'>Council minutes, 2025.</li></ol>",
    # a list no class names, found by the marks that link to it, with links back to them
    "<ol><li id='fn1'>Ministry of Works, budget statement, May 2011. <a href='#r1'>\u21a9</a></li>"
    "<li id='fn2'>Letters from the audit office, 2013 to 2016. <a href='#r2'>\u21a9</a></li>"
    "<li id='fn3'>Council minutes, 2025. <a href='#r3'>\u21a9</a></li></ol>",
    "<section class='endnotes'><h2>Notes</h2><ol><li id='fn1'>Ministry of Works, budget statement, May 2011.</li>"
    "<li id='fn2'>Letters from the audit office, 2013 to 2016.</li><li id='fn3'>Council minutes, 2025.</li></ol></section>",
], ids=["named", "linked", "headed"])
def test_note_marks_leave_the_text_and_endnotes_are_no_sentences(tmp_path, notes):
    article = read(tmp_path, _footnoted_page(_FOOTNOTED, notes))
    sentences = [s.text for s in article.sentences]
    assert "Its budget was set at 310 million crowns." in sentences
    assert "By the time it opened, the figure had tripled." in sentences
    assert "The auditors raised concerns at least four times." in sentences
    # an exponent is no note's mark
    assert "The new deck covers 1,200 m2 and will carry lorries again, the engineers said." in sentences
    assert not any("Ministry of Works" in s or "audit office" in s or "minutes" in s for s in sentences)
    notes_blocks = [b for b in article.blocks if "Ministry of Works" in article.text[b.start : b.end]]
    assert notes_blocks and all(b.kind == "boilerplate" for b in notes_blocks)
    assert "\u21a9" not in article.text


# -- dates written as text (audit 20: 03, 04a, 04b, 05, 08) ----------------------------------------

_BODY = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)


def _dated_page(above: str, lang: str = "en") -> str:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{_HEADLINE} - Norvale Herald</title>"
            f"</head><body><div class='content'><h1>{_HEADLINE}</h1>{above}{_BODY}</div></body></html>")


@pytest.mark.parametrize("above, lang, expected", [
    # a time of day ending with "p.m." is no full stop ending a sentence
    ("<div class='byline'>By Ansel Mirow<br>Published Thursday, March 5, 2026 at 6:02 p.m.</div>", "en", "2026-03-05"),
    # published and updated on one line: the published one, whichever comes first
    ("<p class='dates'>Publi\u00e9 le 3 mars 2026 \u00e0 09h12 - Mis \u00e0 jour le 5 mars 2026 \u00e0 18h40</p>", "fr",
     "2026-03-03"),
    ("<div class='timestamps'><span>Updated 9:14 PM CET, March 9, 2026</span> \u00b7 "
     "<span>Published 6:00 AM CET, March 8, 2026</span></div>", "en", "2026-03-08"),
    # the date under a standfirst (Substack's subtitle, a Guardian-style standfirst)
    ("<h3 class='subtitle'>The mayor wants forty officers, and the festival opens in July.</h3>"
     "<div class='post-date'>Mar 18, 2026</div>", "en", "2026-03-18"),
    ("<div data-gu-name='standfirst'><p>The mayor wants forty officers, and the festival opens in July.</p></div>"
     "<div class='meta'>Wed 18 Mar 2026 06.00 GMT</div>", "en", "2026-03-18"),
], ids=["pm", "fr-published-updated", "en-updated-published", "subtitle", "standfirst"])
def test_a_date_line_under_the_headline_dates_the_article(tmp_path, above, lang, expected):
    article = read(tmp_path, _dated_page(above, lang))
    assert article.date == expected
    sentences = [s.text for s in article.sentences]
    assert not any("2026" in s for s in sentences), sentences


def test_a_sentence_under_the_headline_is_still_no_date_line(tmp_path):
    # the story's first paragraph, however near the top, is not a date line, nor a standfirst's date
    above = "<p class='intro'>The vote was held on March 3, 2026, at 6 p.m. in the town hall.</p>"
    assert read(tmp_path, _dated_page(above)).date is None
    above = "<h3 class='subtitle'>The mayor wants forty officers, and the festival opens in July.</h3>"
    assert read(tmp_path, _dated_page(above + "<p>The vote was held on March 3, 2026.</p>")).date is None


def test_a_blogger_post_is_dated_by_its_published_abbr(tmp_path):
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Norvale Notes: Norvale bridge to reopen</title>"
            "<meta content='blogger' name='generator'/></head><body>"
            "<div class='header-outer'><h1 class='title'><a href='/'>Norvale Notes</a></h1>"
            "<p class='description'>News from up the valley, since 2009</p></div>"
            "<div class='post hentry'><h3 class='post-title entry-title'>Norvale bridge to reopen after repairs</h3>"
            f"<div class='post-body entry-content'>{_BODY}</div>"
            "<div class='post-footer'>Posted by Greta at <abbr class='published' title='2026-03-17T19:42:00-08:00'>"
            "7:42 PM</abbr></div></div></body></html>")
    article = read(tmp_path, html)
    assert article.date == "2026-03-17"
    assert article.title == "Norvale bridge to reopen after repairs"


# -- a dateline's date (audit 20, 06) -----------------------------------------------------------------

_DATELINED = "NORVALE, March 3, 2026 (Nordwire) - " + _PARAGRAPHS[0]


def test_a_dateline_closed_by_a_hyphen_dates_a_page(tmp_path):
    # main already read this one (efd9a25); kept as a guard beside the plain-text case
    html = _dated_page("").replace(f"<p>{_PARAGRAPHS[0]}</p>", f"<p>{_DATELINED}</p>")
    article = read(tmp_path, html)
    assert article.date == "2026-03-03"
    assert article.sentences[0].text == _PARAGRAPHS[0]


@pytest.mark.parametrize("dateline, expected", [
    ("NORVALE, March 3, 2026 (Nordwire) - ", "2026-03-03"),
    ("NORVALE, March 3, 2026 (Nordwire) \u2014 ", "2026-03-03"),
])
def test_a_dateline_with_its_year_dates_a_plain_text_article(tmp_path, dateline, expected):
    text = f"{_HEADLINE}\n\n{dateline}{_PARAGRAPHS[0]}\n\n{_PARAGRAPHS[1]}\n"
    (article,) = load_articles([str(write(tmp_path / "story.txt", text))])
    assert article.date == expected
    assert article.sentences[0].text == _PARAGRAPHS[0]


@pytest.mark.parametrize("dateline, written, expected", [
    # Wires leave the year out ("ORVELL, Lorvania, Jan 23 (LPA) -"): the file's day says which year.
    ("NORVALE, March 3 (Nordwire) - ", "2026-03-05", "2026-03-03"),
    ("NORVALE, Dec. 30 (Nordwire) - ", "2027-01-02", "2026-12-30"),
    ("NORVALE, Nordland, Jan 23 (Nordwire) - ", "2026-01-22", "2026-01-23"),  # a zone ahead of the writer
])
def test_a_dateline_without_a_year_is_dated_by_the_day_its_file_was_written(tmp_path, dateline, written, expected):
    import os
    from datetime import datetime

    text = f"{_HEADLINE}\n\n{dateline}{_PARAGRAPHS[0]}\n\n{_PARAGRAPHS[1]}\n"
    path = write(tmp_path / "story.txt", text)
    stamp = datetime.fromisoformat(f"{written}T12:00:00").timestamp()
    os.utime(path, (stamp, stamp))
    (article,) = load_articles([str(path)])
    assert article.date == expected
    assert article.sentences[0].text == _PARAGRAPHS[0]


def test_a_dated_dateline_further_down_is_no_date_of_the_article(tmp_path):
    text = f"{_HEADLINE}\n\n{_PARAGRAPHS[0]}\n\nNORVALE, March 3, 2026 (Nordwire) - {_PARAGRAPHS[1]}\n"
    (article,) = load_articles([str(write(tmp_path / "story.txt", text))])
    assert article.date is None


# -- titles (audit 20, 07 and 08) -------------------------------------------------------------------


def _titled_page(title: str, h1: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='content'><h1>{h1}</h1><div>March 15, 2026</div>{_BODY}</div></body></html>")


def test_a_headline_in_the_h1_wins_over_a_title_that_says_something_else(tmp_path):
    html = _titled_page("Norvale ferry strike: live updates and what we know | Norvale Chronicle",
                        "Norline cancels all crossings as ferry strike enters second week")
    assert read(tmp_path, html).title == "Norline cancels all crossings as ferry strike enters second week"


def test_a_short_h1_the_title_does_not_repeat_is_a_section_not_the_headline(tmp_path):
    html = _titled_page("Norline cancels all crossings as ferry strike enters second week", "Norvale News")
    assert read(tmp_path, html).title == "Norline cancels all crossings as ferry strike enters second week"


def test_a_blogs_name_linked_home_in_its_h1_is_no_headline(tmp_path):
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            "<title>Norvale Notes: Norline cancels all crossings</title></head><body>"
            "<header><h1><a href='https://norvale-notes.example/'>Norvale Notes</a></h1></header>"
            f"<article><h2>Norline cancels all crossings</h2>{_BODY}</article></body></html>")
    assert read(tmp_path, html).title == "Norline cancels all crossings"


# -- a feed's date, whatever was fetched first (audit 20, 10_feed_date.sh) -------------------------


def _undated_item_site(server) -> tuple[str, str]:
    from .webserver import page, rfc822, rss

    server.static("/order/aid-convoy.html", page("aid-convoy"))  # a page that gives no date
    server.static("/order.xml", rss("Norvale", [
        {"title": "Aid convoy reaches Norvale", "link": "/order/aid-convoy.html", "pubDate": rfc822("2026-11-16")},
    ]), content_type="application/rss+xml")
    return server.url("/order/aid-convoy.html"), server.url("/order.xml")


@pytest.mark.parametrize("first", ["page", "feed"])
def test_a_feeds_date_fills_an_undated_article_whichever_came_first(news_server, tmp_path, first):
    page_url, feed_url = _undated_item_site(news_server)
    cache = tmp_path / "cache"
    order = [page_url, feed_url] if first == "page" else [feed_url, page_url]
    expand(cache, [order[0]])
    expand(cache, [order[1]])
    for url in (feed_url, page_url):
        (record,), _, _ = expand(cache, [url])
        assert record["date"] == "2026-11-16", (url, record)


# -- JSON Feed (audit 20, 11_jsonfeed.json) -------------------------------------------------------

_MARKET = ("The Saturday market returned to the square in Norvale for the first time since the flood, with 42 "
           "stalls and a brass band from the college. Traders said takings were lower than usual.")
_RINK = "The ice rink in Norvale closed three weeks early on Sunday.\n\nIts manager said repairs would cost 400,000 crowns."


def _json_feed(base: str) -> str:
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Norvale Notes",
        "home_page_url": base + "/",
        "items": [
            {"id": "j1", "url": base + "/json/market.html", "title": "Norvale market returns after the flood",
             "content_html": f"<p>{_MARKET}</p>", "date_published": "2026-12-01T12:00:00Z"},
            {"id": "j2", "url": "/json/aid-convoy.html", "title": "Aid convoy reaches Norvale",
             "summary": "The convoy is in.", "date_published": "2026-11-16T08:00:00+01:00"},
            {"id": "j3", "url": base + "/json/rink.html", "title": "Norvale ice rink closes early",
             "content_text": _RINK, "date_published": "2026-11-29T09:00:00Z"},
        ],
    })


@pytest.mark.parametrize("content_type", ["application/feed+json", "application/json", "text/plain"])
def test_a_json_feed_given_by_its_url_is_read_as_a_feed(news_server, tmp_path, content_type):
    from .webserver import page

    news_server.static("/json/aid-convoy.html", page("aid-convoy"))
    news_server.static("/feed.json", _json_feed(news_server.base), content_type=content_type)
    records, warnings, _ = expand(tmp_path / "cache", [news_server.url("/feed.json")])
    assert warnings == []
    found = {r["title"]: (r["date"], r["url"]) for r in records}
    assert found == {
        "Norvale market returns after the flood": ("2026-12-01", news_server.url("/json/market.html")),
        "Aid convoy reaches Norvale": ("2026-11-16", news_server.url("/json/aid-convoy.html")),
        "Norvale ice rink closes early": ("2026-11-29", news_server.url("/json/rink.html")),
    }
    texts = {r["title"]: r["text"] for r in records}
    assert _MARKET in texts["Norvale market returns after the flood"]
    assert texts["Norvale ice rink closes early"].split("\n\n") == _RINK.split("\n\n")
    assert "A convoy of twelve boats carrying food" in texts["Aid convoy reaches Norvale"]  # from its page
    # only the item without content cost a request for its page
    assert news_server.hits["/json/aid-convoy.html"] == 1 and news_server.hits["/json/market.html"] == 0


def test_a_json_feed_saved_as_a_file_gives_the_articles_it_carries(tmp_path):
    path = write(tmp_path / "feed.json", _json_feed("https://norvale-notes.example"))
    warnings = []
    articles = load_articles([str(path)], on_warning=warnings.append)
    assert [(a.title, a.date) for a in articles] == [
        ("Norvale market returns after the flood", "2026-12-01"), ("Norvale ice rink closes early", "2026-11-29")]
    assert articles[0].url == "https://norvale-notes.example/json/market.html"
    assert [s.text for s in articles[1].sentences] == _RINK.split("\n\n")
    assert len(warnings) == 1 and "item 2: no content_html or content_text" in str(warnings[0])


# -- a state's abbreviation in lower case is a word (audit 20, 09_italian_ore.txt) --------------------


@pytest.mark.parametrize("text, expected", [
    ("Lo sciopero fermerebbe autobus e tram per 24 ore. I sindacati chiedono nuove assunzioni.",
     ["Lo sciopero fermerebbe autobus e tram per 24 ore.", "I sindacati chiedono nuove assunzioni."]),
    ("The queue at the gates reached a critical mass. Police closed the road to Norvale.",
     ["The queue at the gates reached a critical mass.", "Police closed the road to Norvale."]),
    # the abbreviations themselves, written with their capital, are no end
    ("A ferry captain from Portland, Ore., said the crossing was calm.",
     ["A ferry captain from Portland, Ore., said the crossing was calm."]),
    ("Residents of Portland, Ore. Rescue teams arrived later.", ["Residents of Portland, Ore. Rescue teams arrived later."]),
    ("The ferry resumes on Aug. 5 after repairs.", ["The ferry resumes on Aug. 5 after repairs."]),
])
def test_a_states_abbreviation_in_lower_case_may_end_a_sentence(text, expected):
    from summarizer.reading.segment import SentenceSplitter

    assert [text[a:b] for a, b in SentenceSplitter()(text)] == expected
