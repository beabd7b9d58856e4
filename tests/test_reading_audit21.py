"""What the blind reading audit 21 found misread on web pages, each as a small invented page.

Every page here is invented (the storm Irvana on the invented north coast of Harrowmere, the towns
of Westmere and Carrow, the outlets North Coast Radio and the Millbeck Weekly Post); none is copied
from a real site.
"""

from __future__ import annotations

import pytest

from summarizer import load_articles
from summarizer.reading.html import html_to_text

from .conftest import write


def read(tmp_path, html: str, name: str = "page.html"):
    (article,) = load_articles([str(write(tmp_path / name, html))])
    return article


def blocks(article) -> list[tuple[str, str]]:
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


_ENTRIES = [
    ("20:15", "Evening summary", "About 14,000 homes in Westmere are still without power, down from 31,000 at the peak."),
    ("18:40", "Two sailors rescued", "The coastguard winched two sailors from a yacht that lost its mast off Carrow."),
    ("16:05", "Schools closed", "The education office says all 23 schools in the district will stay closed tomorrow."),
    ("13:30", "Rail line blocked", "A fallen tree is blocking the line between Westmere and Carrow this afternoon."),
    ("11:00", "Welcome", "Storm Irvana reached the coast just before dawn, with gusts of up to 130 km/h at Carrow."),
]


def _live_blog(entries=_ENTRIES) -> str:
    feed = "".join(
        f"<div class='lb-entry' id='post-{i}'><div class='lb-entry-meta'><time datetime='2026-12-06T{t}:00Z'>{t}</time></div>"
        f"<h3 class='lb-entry-title'>{title}</h3><div class='lb-entry-body'><p>{text}</p></div>"
        f"<div class='lb-share'><a href='#post-{i}'>Copy link</a> <a href='#'>Share</a></div></div>\n"
        for i, (t, title, text) in enumerate(entries)
    )
    keys = "".join(f"<li><a href='#post-{i}'><time>{t}</time> {title}</a></li>" for i, (t, title, _) in enumerate(entries))
    return (
        "<html><head><title>Storm Irvana live: power cuts on the coast | North Coast Radio</title>"
        "<script type='application/ld+json'>{\"@type\":\"LiveBlogPosting\",\"headline\":\"Storm Irvana live: power cuts"
        " on the coast\",\"datePublished\":\"2026-12-06T11:00:00Z\"}</script></head><body>"
        "<header><a href='/'>North Coast Radio</a> <a href='/listen'>Listen live</a></header><main>"
        "<h1>Storm Irvana live: power cuts on the coast</h1>"
        "<div class='lb-meta'><span class='live-badge'>LIVE</span> Last updated 20:15, 6 December 2026</div>"
        f"<section class='key-events'><h2>Key events</h2><ul>{keys}</ul><a href='#'>Show all key events</a></section>"
        "<div class='lb-controls'><button>Latest</button> <button>Oldest first</button> <span>Auto-update: on</span></div>"
        f"<div class='lb-feed'>\n{feed}</div><button class='load-more'>Load more updates</button></main>"
        "<footer>North Coast Radio 2026</footer></body></html>"
    )


@pytest.mark.parametrize("entries", [_ENTRIES, _ENTRIES[::-1]], ids=["newest-first", "oldest-first"])
def test_a_live_blog_reads_every_entry_in_page_order_with_its_time(tmp_path, entries):
    article = read(tmp_path, _live_blog(entries))
    text = article.text
    assert text.startswith("# Storm Irvana live: power cuts on the coast\n\n")
    positions = [text.index(body) for _, _, body in entries]
    assert positions == sorted(positions)  # every entry, the last one too, in page order
    for t, title, body in entries:
        assert f"# {t}\n\n# {title}\n\n{body}" in text  # its time, its title, its text
    for clutter in ("Key events", "Auto-update", "Copy link", "Share", "Load more", "Oldest first"):
        assert clutter not in text
    assert [s.text for s in article.sentences] == [body for _, _, body in entries]


@pytest.mark.parametrize("between", [
    "<div class='lb-entry embed'><blockquote class='twitter-tweet'><p>Stay off the coast road tonight. Trees are down."
    "</p>&mdash; Carrow Police (@CarrowPolice) <a href='#'>December 6, 2026</a></blockquote></div>",
    "<div class='lb-entry'><p>A reader in Westmere sent us this picture of the harbour wall, taken an hour ago.</p></div>",
], ids=["embedded-post", "untimed-note"])
def test_a_live_blog_keeps_its_entries_times_past_an_untimed_element_between_them(tmp_path, between):
    # Audit 29: the entries after an embedded post lost their times and were read above the others.
    page = _live_blog().replace("<div class='lb-entry' id='post-2'>", between + "<div class='lb-entry' id='post-2'>")
    article = read(tmp_path, page)
    text = article.text
    for t, title, body in _ENTRIES:
        assert f"# {t}\n\n# {title}\n\n{body}" in text
    positions = [text.index(body) for _, _, body in _ENTRIES]
    assert positions == sorted(positions)
    sentences = [s.text for s in article.sentences]
    assert not [s for s in sentences if "Trees are down" in s or "Stay off" in s]
    if "untimed" in between:
        # the outlet's own note stays, where the page has it: after the entry above it
        assert text.index("A reader in Westmere") > text.index(_ENTRIES[1][2])
        assert text.index("A reader in Westmere") < text.index("# " + _ENTRIES[2][0])


def test_a_live_blog_without_json_ld_keeps_its_headline_first_and_its_times(tmp_path):
    entries = "".join(f"<div class='entry'><p><time>{t}</time></p><p>{body}</p></div>" for t, _, body in _ENTRIES)
    page = (
        "<html><head><title>Live: Storm Irvana on the coast | North Coast Radio</title>"
        "<meta property='og:title' content='Live: Storm Irvana on the coast'></head><body><main><article>"
        "<h1>Live: Storm Irvana on the coast</h1><p class='byline'>Newsroom | <time>Sunday December 6, 2026</time></p>"
        "<div class='share'><a href='#'>Share</a> <a href='#'>Email</a></div>"
        f"<p class='live'>LIVE \u2014 updated automatically. <a href='#'>Refresh</a></p>{entries}"
        "<div class='share'><a href='#'>Share</a> <a href='#'>Tweet</a></div></article></main></body></html>"
    )
    result = html_to_text(page)
    assert result.text.startswith("# Live: Storm Irvana on the coast\n\n# 20:15\n\n" + _ENTRIES[0][2])
    assert "# 11:00\n\n" + _ENTRIES[-1][2] in result.text
    assert "updated automatically" not in result.text


def test_a_list_of_dated_comments_is_no_live_blog(tmp_path):
    comments = "".join(f"<li class='comment'><time>{t}</time><p>{body}</p></li>" for t, _, body in _ENTRIES)
    page = (
        "<html><head><title>Live music returns to Westmere hall</title></head><body><article>"
        "<h1>Live music returns to Westmere hall</h1>"
        "<p>The concert hall in Westmere reopened on Saturday after a two-year refit paid for by the council.</p>"
        "<p>Tickets for the first season sold out within a day, the hall's manager said on Sunday morning.</p>"
        f"</article><ol class='comments'>{comments}</ol></body></html>"
    )
    text = html_to_text(page).text
    assert "# 20:15" not in text


def test_an_embedded_tweet_is_set_apart_whole_never_the_outlets_sentences(tmp_path):
    page = (
        "<html><head><title>Students and police agree march route</title></head><body><main><article>"
        "<h1>Students and police agree march route</h1>"
        "<p>Student organisers and the Carrow police agreed on a route for Saturday's march after four hours of talks.</p>"
        "<blockquote class='twitter-tweet'><p lang='en'>Talks over. Route agreed: march starts at Kanal Square at noon. "
        "See you there! <a href='#'>pic.twitter.com/xyz</a></p>&mdash; Carrow Students&#39; Union (@CarrowSU) "
        "<a href='#'>December 4, 2026</a></blockquote>"
        "<p>About 5,000 people are expected to take part, and the police said officers would not carry riot gear.</p>"
        "</article></main></body></html>"
    )
    article = read(tmp_path, page)
    sentences = [s.text for s in article.sentences]
    assert not [s for s in sentences if "Talks over" in s or "Route agreed" in s or "See you there" in s]
    (embed,) = [b for b in article.blocks if "@CarrowSU" in article.text[b.start : b.end]]
    assert embed.kind == "boilerplate" and embed.reason.startswith("embedded post")
    assert article.text[embed.start : embed.end].startswith("Talks over. Route agreed")
    assert len(sentences) == 2


def test_a_list_of_figures_without_full_stops_is_read_as_statements(tmp_path):
    page = (
        "<html><head><title>Relief convoys reach flooded villages</title></head><body><article>"
        "<h1>Relief convoys reach flooded villages</h1>"
        "<p>Aid convoys reached four flooded villages near Carrow on Sunday, three days after the river burst its banks.</p>"
        "<p>By Sunday evening, the relief society said:</p>"
        "<ul class='wp-block-list'><li>600 food parcels delivered</li><li>3 field clinics opened</li>"
        "<li>Two bridges still closed</li></ul>"
        "<p>A second convoy will leave Westmere on Tuesday with drinking water and blankets for the valley.</p>"
        "</article></body></html>"
    )
    article = read(tmp_path, page)
    for item in ("600 food parcels delivered", "3 field clinics opened", "Two bridges still closed"):
        assert f"- {item}" in article.text
        assert item in [s.text for s in article.sentences]
    assert not [b for b in article.blocks if b.kind == "heading" and "parcels" in article.text[b.start : b.end]]


def test_a_list_of_counters_stays_labels(tmp_path):
    page = (
        "<html><head><title>Relief convoys reach flooded villages</title></head><body><article>"
        "<h1>Relief convoys reach flooded villages</h1>"
        "<ul><li>5 min read</li><li>12 comments</li><li>2 hours ago</li></ul>"
        "<p>Aid convoys reached four flooded villages near Carrow on Sunday, three days after the river burst its banks.</p>"
        "<p>A second convoy will leave Westmere on Tuesday with drinking water and blankets for the valley.</p>"
        "</article></body></html>"
    )
    assert "- 5 min read" not in html_to_text(page).text


_OLD_PAGE = """<html><head><title>Millbeck Weekly Post - Footbridge at Millbeck reopens after repairs</title></head>
<body><table><tr><td colspan="2"><img src="/masthead.gif" alt="Millbeck Weekly Post"></td></tr>
<tr><td class="leftnav"><a href="/">Home</a><br><a href="/news.html">News</a><br><a href="/whatson.html">What's On</a><br>
<a href="/classifieds.html">Classifieds</a><br></td><td>
<font size="5"><b>Footbridge at Millbeck reopens after repairs</b></font><br>
<div class="storytext">
The footbridge over the Millbeck at Church Lane reopened on Saturday after eleven weeks of repairs.<br><br>
The bridge was closed in September when a lorry struck one of its supports.<br><br>
<img src="/images/bridge.jpg" width="400"><br>
<i>The repaired bridge on Saturday morning.</i><br><br>
Parish clerk Ronald Fitch said the repairs cost 46,000 pounds, most of it to be recovered from an insurer.<br><br>
New railings and lighting were fitted at the same time, the parish council said.
</div></td></tr></table>
<center><font size="1">Copyright 2026 Millbeck Weekly Post. All rights reserved.</font></center></body></html>"""


def test_a_caption_under_a_loose_image_is_no_sentence_and_a_link_column_no_headings(tmp_path):
    article = read(tmp_path, _OLD_PAGE)
    assert "The repaired bridge" not in article.text
    for link in ("What's On", "Classifieds", "News\n"):
        assert link not in article.text
    assert [s.text for s in article.sentences][0].startswith("The footbridge over the Millbeck")
    assert len(article.sentences) == 4


def test_the_site_name_its_copyright_line_gives_is_taken_off_the_front_of_the_title(tmp_path):
    assert html_to_text(_OLD_PAGE).title == "Footbridge at Millbeck reopens after repairs"
    kept = _OLD_PAGE.replace("Copyright 2026 Millbeck Weekly Post", "Copyright 2026 Fenwick Press")
    assert html_to_text(kept).title == "Millbeck Weekly Post - Footbridge at Millbeck reopens after repairs"


def _corrected_page(story_figure: str) -> str:
    return (
        "<html><head><title>Curfew lifted in Carrow after a week of calm</title></head><body><article>"
        "<h1>Curfew lifted in Carrow after a week of calm</h1>"
        "<p>The night curfew in Carrow was lifted on Friday, a week after it was imposed following two nights of clashes.</p>"
        f"<p>Police chief Halla Voss said the town had been calm for six nights and that {story_figure} people arrested "
        "during the clashes had been charged.</p>"
        "<p>Extra patrols will continue through the weekend, when the town's football club plays at home.</p>"
        "<p class='correction'><em>Correction, Dec. 5, 2026: An earlier version of this article misstated the number "
        "of people arrested. It was 23, not 32.</em></p></article></body></html>"
    )


def test_a_dated_correction_repeating_the_storys_figure_is_a_note_whole(tmp_path):
    article = read(tmp_path, _corrected_page("23"))
    assert not [s.text for s in article.sentences if "not 32" in s.text or "earlier version" in s.text]
    (note,) = [b for b in article.blocks if "Correction" in article.text[b.start : b.end]]
    assert note.kind == "boilerplate" and article.text[note.start : note.end].endswith("It was 23, not 32.")


def test_a_dated_correction_giving_a_figure_the_story_does_not_is_still_kept(tmp_path):
    article = read(tmp_path, _corrected_page("the"))
    assert [s.text for s in article.sentences if "23, not 32" in s.text]


_GERMAN = """<html lang="de"><head><meta charset="utf-8"><title>Hochwasser in Lauterbrück: Deich hält | Tageblatt</title>
</head><body><header><a href="/">Lauterbrücker Tageblatt</a></header><main><article>
<p class="kicker">Landkreis Lauterbrück</p>
<h1>Hochwasser in Lauterbrück: Deich hält, Evakuierung aufgehoben</h1>
<p class="teaser"><strong>Lauterbrück.</strong> Nach drei bangen Tagen können die Bewohner der Auen in ihre Häuser zurück.</p>
<div class="autor">Von Jonas Kettler · Veröffentlicht am 4. Dezember 2026, 16:20 Uhr · Aktualisiert am 5. Dezember 2026</div>
<div class="artikel-text">
<p>Der Deich an der Lauter hat gehalten: Der Landkreis hat die Evakuierung von rund 1.200 Anwohnern aufgehoben.</p>
<p>Die Schäden werden auf drei Millionen Euro geschätzt. Betroffene können ab Montag Soforthilfe beantragen.</p>
</div></article></main></body></html>"""


def test_a_german_teaser_stays_under_its_headline_without_its_place_mark_and_the_date_is_read(tmp_path):
    result = html_to_text(_GERMAN)
    assert result.date == "2026-12-04"
    headline = "# Hochwasser in Lauterbrück: Deich hält, Evakuierung aufgehoben"
    assert f"{headline}\n\nNach drei bangen Tagen" in result.text
    article = read(tmp_path, _GERMAN)
    assert article.sentences[0].text == "Nach drei bangen Tagen können die Bewohner der Auen in ihre Häuser zurück."
    assert "Lauterbrück." not in [s.text for s in article.sentences]
