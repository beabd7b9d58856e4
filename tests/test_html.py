"""Reading HTML news pages: main text, structure, metadata, fallbacks, offsets.

Every page here is invented for these tests (the town of Norvale, its council, minister Ilsa
Varnhagen); none is copied from a real site.
"""

import json
import subprocess
import sys

import pytest

from summarizer import load_articles
from summarizer.reading.html import html_to_text
from summarizer.reading.page_metadata import page_metadata, parse_html, strip_site_name

from .conftest import REPO, write

BODY = (
    "<p>The council of Norvale voted on Tuesday to reopen the old river bridge, closed since the spring "
    "floods damaged two of its piers, after engineers declared the structure safe for light traffic.</p>"
    "<p>Minister Ilsa Varnhagen, who visited the site last week, said the regional government would pay "
    "for most of the repairs and that heavy lorries would stay on the ring road until the autumn.</p>"
    "<p>Shopkeepers on the east bank said the closure had cut their trade by nearly half, and several "
    "of them welcomed the decision at a crowded meeting in the town hall on Tuesday evening.</p>"
    "<p>The bridge, built in 1887 from local granite, carries about four thousand vehicles a day, "
    "according to figures published by the Norvale transport office.</p>"
)


def page(head: str = "", body: str = BODY, *, before: str = "", after: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
        "<header><a href='/'>Norvale Herald</a></header>"
        "<nav><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>"
        "<li><a href='/weather'>Weather in Norvale</a></li></ul></nav>"
        f"<main><article>{before}{body}{after}</article></main>"
        "<aside><h3>Related stories</h3><ul><li><a href='/a'>Ferry timetable changes for the winter season</a></li>"
        "<li><a href='/b'>Norvale market celebrates its hundredth year</a></li></ul></aside>"
        "<footer><p>Copyright 2031 Norvale Herald Media. All rights reserved.</p>"
        "<p><a href='/privacy'>Privacy policy</a> | <a href='/terms'>Terms of use</a></p></footer>"
        "</body></html>"
    )


def read(tmp_path, html: str, name: str = "page.html"):
    (article,) = load_articles([str(write(tmp_path / name, html))])
    return article


def test_main_text_without_navigation_footer_or_related_links(tmp_path):
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>"))
    texts = " ".join(s.text for s in article.sentences)
    assert "The council of Norvale voted on Tuesday" in texts
    assert "four thousand vehicles a day" in texts
    for furniture in ("Sport", "Weather in Norvale", "Ferry timetable", "hundredth year", "Copyright", "Privacy policy"):
        assert furniture not in article.text, furniture


def test_boxes_of_links_to_other_stories_inside_the_article_are_left_out(tmp_path):
    # Publishers put "don't miss" boxes inside the article's own paragraphs, where the extractor
    # keeps them; a linked sentence of the story, and links written as sentences, are prose.
    body = (
        BODY[: BODY.index("<p>Shopkeepers")]
        + "<p><strong>DON'T MISS</strong></p>"
        "<p><a href='/x'>Norvale ferry strike enters its third week</a> [INSIGHT]<br>"
        "<a href='/y'>Harbour festival cancelled over storm fears</a> [VIDEO]<br>"
        "<a href='/z'>Who will be the next mayor of Norvale?</a> [POLL]</p>"
        "<p>SEE MORE: <a href='/w'>Norvale floods: river reaches record height at the old mill</a></p>"
        + BODY[BODY.index("<p>Shopkeepers") :]
        + "<p>The <a href='/report'>engineers' report on the Norvale bridge</a> is published on the council's website.</p>"
        "<p><a href='/deal'>Save a third on a Norvale rail pass this week when you book online.</a></p>"
    )
    text = html_to_text(page(body=body)).text
    for headline in ("ferry strike", "Harbour festival", "next mayor", "record height"):
        assert headline not in text, headline
    assert "Shopkeepers on the east bank" in text and "four thousand vehicles a day" in text
    assert "The engineers' report on the Norvale bridge is published" in text
    assert "Save a third on a Norvale rail pass" in text


def test_a_card_of_links_inside_a_sentence_is_left_out_and_the_name_it_hangs_on_kept(tmp_path):
    # Some sites attach a hover card of a person's latest stories to their name inside a paragraph.
    card = (
        "<span class='person'><a href='/people/ilsa-varnhagen'>Ilsa Varnhagen</a>"
        "<span class='card'><span><img src='/v.jpg' alt=''><a href='/people/ilsa-varnhagen'>Ilsa Varnhagen</a>"
        "<a href='/a'>Varnhagen promises new ferry for Norvale by spring</a> "
        "<a href='/b'>Regional budget talks stall over rail line</a></span></span></span>"
    )
    body = f"<p>Minister {card} (Greens) said on Tuesday that the bridge repairs would be paid for by the region.</p>" + BODY
    text = html_to_text(page(body=body)).text
    assert "Minister Ilsa Varnhagen (Greens) said on Tuesday that the bridge repairs" in text
    assert "new ferry" not in text and "budget talks" not in text


def test_a_pull_quote_repeating_the_body_is_read_once(tmp_path):
    # Opinion pages set a sentence of the body again, large, as a pull quote: the summary must not
    # be able to cite it twice. A quotation that is not repeated, and short lines that repeat by
    # right (an interview's "Yes."), are kept.
    pulled = "heavy lorries would stay on the ring road until the autumn"
    body = (
        BODY[: BODY.index("<p>Shopkeepers")]
        + "<p>Did the engineers agree with the minister about the lorries?</p><p>Yes.</p>"
        + f"<blockquote class='pull-quote'><p>\u201cHeavy lorries would stay on the ring road until the autumn.\u201d</p></blockquote>"
        + "<blockquote><p>The piers are sound and the deck can carry cars and vans again.</p></blockquote>"
        + "<p>Did they agree about the cost?</p><p>Yes.</p>"
        + BODY[BODY.index("<p>Shopkeepers") :]
    )
    article = read(tmp_path, page(body=body))
    sentences = [s.text for s in article.sentences]
    assert sum(pulled in s.lower() for s in sentences) == 1
    assert any("Minister Ilsa Varnhagen" in s and pulled in s for s in sentences)  # the body keeps it
    assert any("The piers are sound" in s for s in sentences)
    assert article.text.count("Yes.") == 2


def test_a_photo_gallery_reads_as_its_captions_each_once(tmp_path):
    # A gallery's words are in <figcaption>s; with the thumbnail strip's "thumb-caption" class
    # trafilatura's paragraph search finds too little and its rescue gives the whole <article> as
    # one paragraph, gluing headline, counters, credits and the repeated captions into sentences.
    captions = [
        "Boats decorated with lanterns gather at the mouth of the Norvale river for the opening of the Norvale lantern festival on Saturday evening.",
        "Children from the Harbour Street school carry a paper whale, three metres long, along the quay.",
        "Festival director Mara Holt lights the first lantern on the old customs house steps.",
        "The lanterns are released on the ebb tide, drifting towards the sea past the lighthouse.",
    ]
    intro = "Thousands of people lined the quays of Norvale on Saturday for the town's lantern festival, held for the fiftieth year."
    slides = "".join(
        f"\n<figure class='gallery-slide'><img src='/{i}.jpg' alt='{c}'><figcaption><span class='count'>{i + 1} of 4</span>"
        f"\n<p>{c}</p><span class='credit'>Photo: Edda Lunn / Norvale Herald</span></figcaption></figure>"
        for i, c in enumerate(captions))
    thumbs = "".join(f"<li><a href='#{i}'><img src='/{i}-t.jpg' alt=''><span class='thumb-caption'>{c}</span></a></li>" for i, c in enumerate(captions))
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>In pictures: the lantern festival</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article class='gallery'><h1>In pictures: the Norvale lantern festival</h1>"
        f"<p class='standfirst'>{intro}</p>\n<div class='gallery-slides'>{slides}</div>"
        f"\n<div class='gallery-thumbs'><ul>{thumbs}</ul></div></article></body></html>"
    )
    article = read(tmp_path, html)
    sentences = [s.text for s in article.sentences]
    assert sentences == [intro, *captions]


DECK = "Engineers say the bridge is safe for cars and vans but lorries must keep to the ring road until autumn"


def _page_with_header(head: str, header: str, aside: str = "") -> str:
    """A page whose headline and deck sit in a header above the article's body, as most CMSs put them."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Norvale bridge to reopen | Norvale Herald</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main>{header}"
        f"<div class='article-body'>{BODY}</div>{aside}</main>"
        "<footer><p>Copyright 2031 Norvale Herald Media.</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "deck",
    [f"<p class='dek'>{DECK}</p>", f"<h2 class='sub-headline'>{DECK}</h2>", f"<p>{DECK}</p>"],
    ids=["p", "h2", "no-class"],
)
def test_a_deck_the_extractor_leaves_out_is_the_first_sentence(tmp_path, deck):
    # Audit reading12: the standfirst under the headline, the article's own summary, was lost with the
    # page's header. The page names it as its description.
    head = f"<meta property='og:description' content='{DECK}'>"
    header = f"<header class='article-header'><h1>Norvale bridge to reopen</h1>{deck}<p class='byline'>By Ilsa Varn</p></header>"
    article = read(tmp_path, _page_with_header(head, header))
    assert article.sentences[0].text == DECK
    assert article.sentences[1].text.startswith("The council of Norvale voted")
    assert article.title == "Norvale bridge to reopen"


def test_a_deck_marked_as_a_heading_is_read_as_a_sentence(tmp_path):
    # An <h2> over the story's first paragraph, which the extractor writes as a heading.
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", before=f"<h2>{DECK}</h2>"))
    assert article.sentences[0].text == DECK
    assert not any(b.kind == "heading" and DECK in article.text[b.start : b.end] for b in article.blocks)


def test_the_description_shown_elsewhere_on_the_page_is_no_deck(tmp_path):
    head = f"<meta property='og:description' content='{DECK}'>"
    header = "<header class='article-header'><h1>Norvale bridge to reopen</h1><p class='byline'>By Ilsa Varn</p></header>"
    aside = f"<aside><h3>Most read</h3><ul><li><a href='/b'>Bridge to reopen</a><p class='summary'>{DECK}</p></li></ul></aside>"
    article = read(tmp_path, _page_with_header(head, header, aside))
    assert DECK not in " ".join(s.text for s in article.sentences)


def test_the_pages_other_headline_is_a_heading_not_a_sentence(tmp_path):
    # The <h1> differs from the JSON-LD headline: it is still a headline, not the first sentence.
    h1 = "Old river bridge in Norvale will reopen to cars and vans next month"
    ld = json.dumps({"@type": "NewsArticle", "headline": "Norvale council votes to reopen the old bridge"})
    article = read(tmp_path, page(f"<script type='application/ld+json'>{ld}</script>", before=f"<p>{h1}</p>",
                                  body=f"<h1>{h1}</h1>" + BODY))
    assert article.title == "Norvale council votes to reopen the old bridge"
    assert h1 not in " ".join(s.text for s in article.sentences)


def test_paragraphs_are_blank_line_blocks(tmp_path):
    text = html_to_text(page()).text
    paragraphs = text.split("\n\n")
    assert any(p.startswith("The council of Norvale voted") for p in paragraphs)
    assert any(p.startswith("Minister Ilsa Varnhagen") for p in paragraphs)
    assert not any("\n" in p for p in paragraphs)


def test_every_sentence_slices_back_from_the_article_text(tmp_path):
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", before="<h2>A long wait</h2>"))
    assert article.text == html_to_text(page("<title>Norvale bridge to reopen</title>", before="<h2>A long wait</h2>")).text
    assert len(article.sentences) >= 4
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_headings_become_heading_blocks(tmp_path):
    body = BODY[: BODY.index("<p>Shopkeepers")] + "<h2>Traders relieved</h2>" + BODY[BODY.index("<p>Shopkeepers") :]
    html = page(body=body)
    assert "\n\n# Traders relieved\n\n" in html_to_text(html).text
    article = read(tmp_path, html)
    headings = [article.text[b.start : b.end] for b in article.blocks if b.kind == "heading"]
    assert "# Traders relieved" in headings
    assert not any("Traders relieved" in s.text for s in article.sentences)


def test_list_items_are_paragraphs_of_their_own():
    body = BODY + (
        "<p>The council also agreed to the following measures for the coming months:</p><ul>"
        "<li>A speed limit of twenty kilometres an hour will apply on the bridge deck.</li>"
        "<li>Engineers will inspect the piers every month until the end of the year.</li></ul>"
    )
    blocks = html_to_text(page(body=body)).text.split("\n\n")
    assert "- A speed limit of twenty kilometres an hour will apply on the bridge deck." in blocks
    assert "- Engineers will inspect the piers every month until the end of the year." in blocks


def test_a_key_points_box_is_read_as_the_articles_sentences(tmp_path):
    # A "Key points" box (or a summary's bullets) lists statements without full stops: each item
    # was read as a heading, so the article's own summary never reached a summary of it.
    box = (
        "<div class='key-points'><h2>Key points:</h2><ul>"
        "<li>Norvale has had its driest eight months since 1967</li>"
        "<li>Numbers at the weekly cattle sale have tripled since June</li>"
        "<li>Agents warn herds could take a decade to rebuild</li></ul></div>"
    )
    article = read(tmp_path, page("<title>Drought in Norvale</title>", before=box))
    texts = [s.text for s in article.sentences]
    assert "Numbers at the weekly cattle sale have tripled since June" in texts  # no "- " marker either
    assert "Agents warn herds could take a decade to rebuild" in texts
    assert "The council of Norvale voted on Tuesday" in " ".join(texts)


def test_a_list_of_short_labels_is_not_read_as_sentences(tmp_path):
    # A gallery's counter or a date in a list is no sentence of the article.
    labels = "<ul><li>1 of 5</li><li>Thumbnails</li><li>24 July 2031</li></ul>"
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", before=labels))
    texts = [s.text for s in article.sentences]
    assert not any(t in ("1 of 5", "Thumbnails", "24 July 2031") for t in texts)


def test_an_article_shipped_only_in_json_ld_keeps_its_paragraphs(tmp_path):
    # Some sites render the article with a script: the HTML is a shell, and the text is the
    # JSON-LD articleBody, its paragraphs separated by line breaks. It was read as one paragraph.
    paragraphs = [
        "The ferry operator Selkie Line has been fined after one of its vessels lost engine power and "
        "drifted for two hours in the Corran Sound with 140 passengers on board.",
        "The safety board said the company had ignored repeated warnings from its own engineers about a "
        "fuel pump, which failed in heavy seas last February.",
        "No one was hurt, but passengers described being kept in the lounge for hours as the vessel rolled "
        "in a two-metre swell before a tug towed it back to harbour.",
    ]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry operator fined",
                     "articleBody": "\n".join(paragraphs)})
    html = (
        "<!DOCTYPE html><html><head><title>Westmarch Daily</title>"
        f'<script type="application/ld+json">{ld}</script></head>'
        "<body><div id='app'><p class='loading'>Loading…</p></div>"
        "<noscript>You need to enable JavaScript to read this site.</noscript></body></html>"
    )
    assert html_to_text(html).text.split("\n\n") == paragraphs
    article = read(tmp_path, html)
    assert len({s.paragraph for s in article.sentences}) == 3


def test_json_ld_date_published_taken_and_date_modified_ignored(tmp_path):
    head = (
        "<title>Norvale bridge to reopen</title>"
        '<meta property="article:modified_time" content="2024-06-20T08:00:00Z">'
        '<meta property="og:updated_time" content="2024-06-21T08:00:00Z">'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Norvale Herald", "datePublished": "2020-01-01"},'
        '{"@type": "NewsArticle", "headline": "Norvale bridge to reopen", '
        '"dateModified": "2024-06-19T10:00:00+02:00", "datePublished": "2024-06-12T09:30:00+02:00"}]}</script>'
    )
    assert read(tmp_path, page(head)).date == "2024-06-12"


def test_only_a_modified_date_gives_no_date():
    head = (
        '<meta property="article:modified_time" content="2024-06-20T08:00:00Z">'
        '<meta property="og:updated_time" content="2024-06-21T08:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": "2024-06-19"}</script>'
    )
    assert html_to_text(page(head)).date is None


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-06-12T09:30:00+02:00">',
        '<meta property="og:published_time" content="2024-06-12">',
        '<meta itemprop="datePublished" content="2024-06-12T09:30">',
        '<meta name="pubdate" content="2024-06-12">',
        '<meta name="dc.date.issued" content="2024-06-12">',
    ],
)
def test_published_time_meta_tags(head):
    assert html_to_text(page('<meta property="article:modified_time" content="2024-07-01">' + head)).date == "2024-06-12"


def test_time_element_in_the_article():
    html = page(before='<p class="byline">By Tomas Edery, <time datetime="2024-06-12T09:30:00Z">12 June</time></p>')
    assert html_to_text(html).date == "2024-06-12"


@pytest.mark.parametrize(
    "head, title",
    [
        (("<title>Norvale bridge to reopen - Norvale Herald</title>"
         '<meta property="og:site_name" content="Norvale Herald">'), "Norvale bridge to reopen"),
        (("<title>Norvale bridge to reopen | The Norvale Herald</title>"
         '<meta name="application-name" content="Norvale Herald">'), "Norvale bridge to reopen"),
        (("<title>Norvale Herald: Norvale bridge to reopen</title>"
         '<meta property="og:site_name" content="Norvale Herald">'), "Norvale bridge to reopen"),
        (('<meta property="og:title" content="Norvale bridge to reopen \u2014 Herald Online">'
         '<meta property="og:url" content="https://www.heraldonline.example/2024/06/12/bridge">'), "Norvale bridge to reopen"),
        (("<title>Bridge to reopen, says council - Riverside Weekly</title>"
         '<meta property="og:title" content="Bridge to reopen, says council">'), "Bridge to reopen, says council"),
        (('<title>Norvale Herald - News</title><script type="application/ld+json">'
         '{"@type": "ReportageNewsArticle", "headline": "Council votes &amp; bridge reopens"}</script>'),
         "Council votes & bridge reopens"),
    ],
)
def test_site_name_is_stripped_from_the_title(head, title):
    assert html_to_text(page(head)).title == title


def test_title_keeps_separators_that_belong_to_it():
    sites = ["Norvale Herald", "heraldonline"]
    assert strip_site_name("Varnhagen: the bridge must reopen - Norvale Herald", sites) == "Varnhagen: the bridge must reopen"
    assert strip_site_name("Analysis - Why the bridge matters", sites) == "Analysis - Why the bridge matters"
    # Held-out audit 22: a kicker in the site's name ("The Ledger Explainer") is the headline's as well.
    explainer = ["The Ledger Explainer"]
    assert strip_site_name("Explainer: how do you catch a lynx? | The Ledger Explainer", explainer) == (
        "Explainer: how do you catch a lynx?")


def test_title_falls_back_to_h1_then_title():
    html = page("<title>Norvale bridge to reopen | Norvale Herald</title>", before="<h1>Norvale bridge to reopen</h1>")
    assert html_to_text(html).title == "Norvale bridge to reopen"
    meta = page_metadata(parse_html("<html><head><title>Bridge plans - Norvale Herald</title></head><body></body></html>"))
    assert meta.title == "Bridge plans - Norvale Herald"  # nothing tells the site's name: kept whole


def test_page_where_the_extractor_finds_nothing_is_not_skipped(tmp_path):
    # No paragraphs, only short blocks in divs: a page extractors give up on.
    html = (
        "<html><head><title>Norvale ferry notice</title></head><body>"
        "<div>Ferry to Norvale Island delayed.</div><div>Passengers should check again at noon.</div>"
        "</body></html>"
    )
    article = read(tmp_path, html)
    assert "Ferry to Norvale Island delayed." in article.text
    assert "Passengers should check again at noon." in article.text


def test_page_nested_too_deep_for_any_parser_still_gives_its_words(tmp_path):
    html = "<html><body>" + "<div>" * 3000 + "The Norvale bridge reopens on Monday, the council said." + "</div>" * 3000
    assert "The Norvale bridge reopens on Monday, the council said." in html_to_text(html + "</body></html>").text


def test_markup_and_escape_sequences_in_page_text_stay_inert_text(tmp_path):
    body = BODY + (
        "<p>A resident wrote &lt;script&gt;alert('Norvale')&lt;/script&gt; and [bold]shouted[/bold] on the "
        "council's forum about the \x1b[31mbridge\x1b[0m plans, officials said on Tuesday.</p>"
        "<script>document.write('never text')</script>"
    )
    article = read(tmp_path, page("<title>Norvale &lt;b&gt;bridge&lt;/b&gt; to reopen</title>", body=body))
    assert "<script>alert('Norvale')</script>" in article.text
    assert "[bold]shouted[/bold]" in article.text
    assert "never text" not in article.text
    assert article.title == "Norvale <b>bridge</b> to reopen"


def test_trafilatura_is_not_imported_until_a_page_is_read():
    code = "import summarizer, summarizer.reading.inputs, sys; print('trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_reading_a_page_prints_nothing_on_stderr():
    code = (
        "from summarizer.reading.html import html_to_text;"
        "html_to_text('<html><body></body></html>'); html_to_text('<p>x</p>'); html_to_text('')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stderr == ""


# -- pages written with line breaks, tables (held-out audit read19) ----------------------------

_PARAGRAPHS = [
    "The council of Norvale voted on Tuesday to reopen the old river bridge after engineers declared it safe.",
    "Minister Ilsa Varnhagen said the regional government would pay for most of the repairs this year.",
    "Shopkeepers on the east bank said the closure had cut their trade by nearly half since the spring.",
    "The bridge, built in 1887 from local granite, carries about four thousand vehicles a day.",
]


def test_paragraphs_written_with_line_break_pairs_stay_paragraphs(tmp_path):
    body = ("<h1>Norvale council reopens the old bridge</h1><p class='byline'>By Ansel Mirow</p>"
            "<div class='article-body'>" + "<br><br>".join(_PARAGRAPHS) + "</div>")
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", body=body))
    paragraphs = {s.paragraph for s in article.sentences}
    assert len(paragraphs) == 4, [s.text for s in article.sentences]
    # a single line break is no paragraph break
    address = "<p>Write to the council at<br>Town Hall, Norvale.</p>"
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", body=BODY + address), "b.html")
    assert "Write to the council at Town Hall, Norvale." in [s.text for s in article.sentences]


def test_a_page_laid_out_in_a_table_never_fuses_its_words(tmp_path):
    # An old CMS: a layout table, a column of links beside the story, a headline in bold, a
    # byline in italics, paragraphs separated by <br><br>.
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Norvale Weekly - Norvale council reopens"
        " the old bridge</title></head><body><table width='100%'><tr>"
        "<td class='left'><a href='/'>Home</a><br><a href='/archive'>Archive</a><br><a href='/tip'>Send us a tip</a></td>"
        "<td class='main'><font face='Arial'><b>Norvale council reopens the old bridge</b><br>"
        "<i>By Ansel Mirow, Norvale Weekly</i><br><br>" + "<br><br>".join(_PARAGRAPHS)
        + "<br><br><a href='/print'>Print</a> | <a href='/mail'>E-mail this story</a></font></td></tr></table>"
        "</body></html>"
    )
    article = read(tmp_path, html)
    texts = [s.text for s in article.sentences]
    assert texts == _PARAGRAPHS
    for fused in ("HomeArchive", "bridgeBy", "WeeklyThe"):
        assert fused not in article.text


_FIGURES = (
    "<table class='data'><caption>Unemployment rate by region (source: Norvale Labour Office)</caption>"
    "<thead><tr><th>Region</th><th>January</th><th>February</th></tr></thead><tbody>"
    "<tr><td>Eastmark</td><td>6.8%</td><td>6.1%</td></tr><tr><td>Westvale</td><td>5.2%</td><td>5.0%</td></tr>"
    "<tr><td>Upper Norvale</td><td>7.3%</td><td>7.9%</td></tr></tbody></table>"
)


def test_a_table_of_figures_is_the_articles_content_and_its_caption_stays_with_it(tmp_path):
    body = BODY[: BODY.index("<p>Shopkeepers")] + _FIGURES + BODY[BODY.index("<p>Shopkeepers") :]
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", body=body))
    (table,) = [b for b in article.blocks if "Eastmark" in article.text[b.start : b.end]]
    shown = article.text[table.start : table.end]
    assert table.kind == "body"  # the article's own content, shown with it, not page furniture
    assert "| Upper Norvale | 7.3% | 7.9% |" in shown
    assert shown.startswith("Unemployment rate by region")  # the caption heads its table
    # neither the rows nor the caption are sentences a summary could quote alone
    texts = " ".join(s.text for s in article.sentences)
    assert "Eastmark" not in texts and "Unemployment rate by region" not in texts
    assert "Shopkeepers on the east bank" in texts  # the story goes on after the table


def test_a_markdown_table_in_a_text_file_is_one_block_of_rows(tmp_path):
    text = (
        "Norvale council reopens the old bridge\n\n" + "\n\n".join(_PARAGRAPHS[:2]) + "\n\n"
        "Traffic by day\n| Day | Cars |\n|---|---|\n| Monday | 4,100 |\n| Tuesday | 3,900 |\n\n" + _PARAGRAPHS[2] + "\n"
    )
    (article,) = load_articles([str(write(tmp_path / "bridge.md", text))])
    (table,) = [b for b in article.blocks if "Monday" in article.text[b.start : b.end]]
    assert article.text[table.start : table.end].startswith("Traffic by day\n| Day | Cars |")
    assert [s.text for s in article.sentences] == _PARAGRAPHS[:3]


def test_an_embedded_social_post_is_set_apart_whole(tmp_path):
    post = (
        "<blockquote class='chirper-post'><p>Day two and the east bank is still cut off from the market "
        "<a href='#'>#Norvale</a> <a href='#'>pic.chirper.example/abc</a></p>&mdash; Tova Lindqvist "
        "(@tovalind) <a href='#'>March 4, 2031</a></blockquote>"
    )
    body = BODY[: BODY.index("<p>Shopkeepers")] + post + BODY[BODY.index("<p>Shopkeepers") :]
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>", body=body))
    texts = " ".join(s.text for s in article.sentences)
    assert "@tovalind" not in texts and "Lindqvist" not in texts
    assert not [b for b in article.blocks if b.kind == "heading" and "pic.chirper" in article.text[b.start : b.end]]
    (embed,) = [b for b in article.blocks if "@tovalind" in article.text[b.start : b.end]]
    assert embed.kind == "boilerplate" and "pic.chirper.example/abc" in article.text[embed.start : embed.end]
    assert "the east bank is still cut off from the market" not in texts  # the post is no sentence of the outlet
    assert "the east bank is still cut off from the market" in article.text[embed.start : embed.end]
    assert "Shopkeepers on the east bank" in texts



@pytest.mark.parametrize("head, url", [
    ("<link rel='canonical' href='/news/norvale-bridge.html'>", None),
    ("<meta property='og:url' content='norvale-bridge.html'>", None),
    ("<base href='https://herald.norvale.example/news/'><link rel='canonical' href='norvale-bridge.html'>",
     "https://herald.norvale.example/news/norvale-bridge.html"),
    ("<link rel='canonical' href='https://herald.norvale.example/news/norvale-bridge.html'>",
     "https://herald.norvale.example/news/norvale-bridge.html"),
])
def test_a_relative_canonical_link_with_no_base_is_no_url(tmp_path, head, url):
    article = read(tmp_path, page("<title>Norvale bridge to reopen</title>" + head))
    assert article.url == url


# -- the site's name in a title no metadata names (held-out audit read19) -------------------------

_HEADLINE = "Norvale council reopens the old river bridge"


@pytest.mark.parametrize("title, headline", [
    # the headline in an <h2>, the page naming its site nowhere else
    (f"Riverside Gazette: {_HEADLINE}", f"<h2 class='title'>{_HEADLINE}</h2>"),
    # an <h1> closed by </h2>: the heading swallows the page, its own words are the headline
    (f"{_HEADLINE} | The Riverside Gazette", f"<h1>{_HEADLINE}</h2><span class='byline'>By Ansel Mirow</span>"),
    # a table layout's bold headline
    (f"Riverside Gazette - {_HEADLINE}", f"<b class='headline'>{_HEADLINE}</b><br>By Ansel Mirow<br><br>"),
])
def test_a_site_name_no_metadata_names_leaves_the_title(tmp_path, title, headline):
    html = (f"<html><head><title>{title}</title></head><body><div class='content'>{headline}"
            f"<div class='text'>{BODY}</div></div></body></html>")
    assert read(tmp_path, html).title == _HEADLINE


@pytest.mark.parametrize("title, headline, expected", [
    # the whole headline is the page's heading: its colon is its own
    ("Norvale bridge: the vote that split the council", "<h1>Norvale bridge: the vote that split the council</h1>",
     "Norvale bridge: the vote that split the council"),
    ("Norvale bridge: the vote that split the council | Riverside Gazette",
     "<h2>Norvale bridge: the vote that split the council</h2>", "Norvale bridge: the vote that split the council"),
    # a kicker that is one side of the title is no headline
    ("Norvale bridge - the vote that split the council", "<h2 class='kicker'>Norvale bridge</h2>",
     "Norvale bridge - the vote that split the council"),
])
def test_a_headline_with_a_colon_or_a_dash_is_never_cut(tmp_path, title, headline, expected):
    html = (f"<html><head><title>{title}</title></head><body><div class='content'>{headline}"
            f"<div class='text'>{BODY}</div></div></body></html>")
    assert read(tmp_path, html).title == expected


# -- dates written only as text (held-out audit read19) -------------------------------------------


def _dated_page(above: str, body: str = BODY, lang: str = "en") -> str:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{_HEADLINE}</title></head><body>"
            "<header><a href='/'>Riverside Gazette</a> <span class='today'>Friday, November 8, 2024</span></header>"
            f"<main><article><h1>{_HEADLINE}</h1>{above}<div class='text'>{body}</div></article></main></body></html>")


@pytest.mark.parametrize("above, body, lang", [
    ("<div class='info'>By Ansel Mirow | March 3, 2024 | Environment</div>", BODY, "en"),
    ("<p class='byline'>By Ansel Mirow</p><time>3 March 2024</time>", BODY, "en"),
    ("<p class='byline'>By Ansel Mirow</p><time class='published'>Mar. 3, 2024</time>", BODY, "en"),
    ("", BODY.replace("<p>The council", "<p>NORVALE, March 3, 2024 (Westwire) \u2014 The council", 1), "en"),
    ("<p class='firma'>Por Lucía Ferreira Soto | Norvale, 3 de marzo de 2024</p>", BODY, "es"),
    ("<p class='autor'>Von Jürgen Halvorsen · 3. März 2024</p>", BODY, "de"),
    ("<p class='meta'>Published March 3, 2024 · Updated March 5, 2024</p>", BODY, "en"),
])
def test_a_date_written_as_text_above_the_story_is_its_date(tmp_path, above, body, lang):
    assert read(tmp_path, _dated_page(above, body, lang)).date == "2024-03-03"


@pytest.mark.parametrize("above, body", [
    # a date the story mentions, however near the top, is not when it was published
    ("", "<p>The vote was held on March 3, 2024.</p>" + BODY),
    ("", BODY.replace("on Tuesday to reopen", "on March 3, 2024 to reopen", 1)),
    ("", "<p>The vote was held on <time>March 3, 2024</time>.</p>" + BODY),
    ("", "<ul><li><time>March 3, 2024</time>: the council votes</li></ul>" + BODY),
    # an update's date is not the publication's; nor are the masthead's today and a word that only
    # looks like a month ("Chapter 3, 2024")
    ("<p class='meta'>Updated March 5, 2024</p>", BODY),
    ("<p class='series'>Chapter 3, 2024 season</p>", BODY),
])
def test_no_date_is_taken_from_the_story_or_an_update(tmp_path, above, body):
    assert read(tmp_path, _dated_page(above, body)).date is None


def test_a_time_above_the_headline_dates_the_article(tmp_path):
    html = _dated_page("").replace(f"<article><h1>", "<article><time class='kicker'>3 March 2024</time><h1>")
    assert read(tmp_path, html).date == "2024-03-03"


def test_a_byline_date_under_a_headline_in_an_h2(tmp_path):
    html = _dated_page("<div class='info'>By Ansel Mirow | March 3, 2024 | Environment</div>")
    html = html.replace("<main><article><h1>", "<div class='content'><h2 class='title'>").replace("</h1>", "</h2>")
    assert read(tmp_path, html.replace("</article></main>", "</div>")).date == "2024-03-03"
