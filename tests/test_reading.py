"""Reading articles: formats, encodings, metadata, structure, offsets, bad files."""

import json

import pytest

from summarizer import NoArticlesError, load_articles
from summarizer.reading.articles import ArticleParser, Metadata, is_heading_line

from .conftest import ARTICLE, write


def load(*paths, warnings=None):
    return load_articles([str(p) for p in paths], on_warning=(warnings.append if warnings is not None else None))


def test_every_sentence_slices_back_from_its_offsets():
    for article in load_articles():
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert sentence.article_id == article.id
            assert article.blocks[sentence.paragraph].kind == "body"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Calvoria expresses willingness to host meeting between Halden & Voss", True),
        ("# Background", True),
        ("The talks resumed on Monday.", False),
        ("Who will pay for the reconstruction?", False),
    ],
)
def test_heading_lines(line, expected):
    assert is_heading_line(line) is expected


def test_heading_glued_to_the_next_line_is_kept_apart():
    parse = ArticleParser()
    text = "Talks resume in Lindmark\nNegotiators met on Monday to resume talks. They agreed on an agenda.\n"
    article = parse(text, Metadata("x"))
    assert article.title == "Talks resume in Lindmark"
    assert [s.text for s in article.sentences][0] == "Negotiators met on Monday to resume talks."


def test_hard_wrapped_paragraph_is_not_mistaken_for_a_heading():
    parse = ArticleParser()
    text = (
        "The delegations met for six hours on Monday in a hotel on the shore of\n"
        "Lake Lindmark and agreed to meet again next week, officials said.\n"
    )
    article = parse(text, Metadata("x"))
    assert [b.kind for b in article.blocks] == ["body"]
    assert len(article.sentences) == 1


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("TARROW (Reuters) - ", True),
        ("PINE RIDGE, S.D. (AP) -- ", True),
        ("BRUSSELS, January 22 (Xinhua) -- ", True),
        ("NATO said on Monday that ", False),
        ("Tarrow, N.C. _ ", True),
        ("TARROW, N.C._", True),
        ("COEUR d'ARVEL, Idaho _ ", True),
        ("Tarrow, September 13 (Xinhua) -- ", True),
        ("BEN TARROW AIRPORT, VELIN, October 25 (Xinhua) -- ", True),
        ("TARROW (LINDMARK), April 30 (Xinhua) -- ", True),
        ("(TARROW, Neb.) _ ", True),
        ("The SLORC _ State Law and Order Restoration Council _ ", False),
        ("More than half of all adults in Lindmark _ ", False),
        ("Judge Tomas Velin ruled that the law -- ", False),
        # A press wire's: the place, the date with its year, the wire between slashes or brackets.
        ("MARSH FALLS, Wend., Feb. 11, 2025 /FictWire/ -- ", True),
        ("KELL, March 3, 2025 (KELL NEWSWIRE) -- ", True),
        # Held-out reading audit 19: a single hyphen after the date or the wire.
        ("KARVO, March 3, 2026 (Nordwire) - ", True),
        ("Karvo, Tarvonia (Nordwire) - ", True),
        ("Orla Fenn, Tarvonia - ", False),
    ],
)
def test_datelines_are_metadata(opening, dateline):
    article = ArticleParser()(opening + "the talks would resume next week in the capital.", Metadata("x"))
    first = article.sentences[0].text
    assert first.startswith(opening) is (not dateline)


def test_front_matter_gives_title_date_and_url(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\ntitle: Talks resume\ndate: 2023-05-01\nurl: https://example.org/a\n---\n\n" + ARTICLE,
    )
    (article,) = load(path)
    assert (article.title, article.date, article.url) == ("Talks resume", "2023-05-01", "https://example.org/a")
    assert not any("title:" in s.text for s in article.sentences)


def test_a_quoted_front_matter_title_keeps_the_quotes_inside_it(tmp_path):
    # Held-out audit 9: title: "'They told us over tea': workers on the closure" lost its first
    # quote mark, as both kinds of quotes were stripped from both ends.
    path = write(tmp_path / "a.md", "---\ntitle: \"'They told us over tea': workers on the Fenlow closure\"\n"
                                    "date: 2031-11-10\n---\n\n" + ARTICLE)
    (article,) = load(path)
    assert article.title == "'They told us over tea': workers on the Fenlow closure"
    path = write(tmp_path / "b.md", "---\ntitle: 'Talks resume'\n---\n\n" + ARTICLE)
    assert load(path)[0].title == "Talks resume"


def test_title_without_a_headline_is_the_lead_not_the_file_name(tmp_path):
    path = write(tmp_path / "lindmark-talks.txt", "Negotiators met on Monday to resume the ceasefire talks.\n")
    (article,) = load(path)
    assert article.title == "Negotiators met on Monday to resume the ceasefire talks."
    long = write(tmp_path / "long.txt", "Negotiators from Tarrow and Valdon met in Lindmark on Monday to resume "
                                        "the ceasefire talks that broke down in the spring.\n")
    (article,) = load(long)
    assert article.title.endswith("\u2026") and len(article.title.split()) <= 13


def test_a_headline_that_opens_with_its_dateline_is_titled_without_it(tmp_path):
    text = ("KELL, Tarvonia \u2014 Brescovy rejects talks offer\n\n"
            "KELL, Tarvonia (OES) \u2014 The government of Brescovy on Monday rejected an offer of talks from "
            "the Kell council, officials said.\n")
    (article,) = load(write(tmp_path / "kell.txt", text))
    assert article.title == "Brescovy rejects talks offer"
    (article,) = load(write(tmp_path / "plain.txt", "# Kell council offers talks\n\nThe Kell council offered talks.\n"))
    assert article.title == "Kell council offers talks"  # no dateline: the heading as written
    (article,) = load(write(tmp_path / "kicker.txt", "# EDITORIAL: KELL MUST TALK\n\nThe Kell council should accept the offer.\n"))
    assert article.title == "EDITORIAL: KELL MUST TALK"  # a kicker says what the piece is
    (article,) = load(write(tmp_path / "caps.txt", "# ALL CALM IN KELL _ UNTIL THE SIRENS\n\nThe sirens sounded at dawn in Kell.\n"))
    assert article.title == "ALL CALM IN KELL _ UNTIL THE SIRENS"  # all in capitals: no place to tell


def test_an_outlet_and_its_date_on_one_line_are_metadata(tmp_path):
    # Held-out audit 22: "Brintwick Evening Post, 2026-11-17" under a .txt file's headline was read as part of
    # it: the title ran on into the outlet, the article was undated and the two lines were summarized.
    text = ("Harbour fire: the story so far\nBrintwick Evening Post, 2026-11-17\n\n"
            "A fire destroyed two sheds at the Brintwick harbour on Monday night.\n\nNobody was hurt.\n")
    (article,) = load(write(tmp_path / "fire.txt", text))
    assert (article.title, article.date) == ("Harbour fire: the story so far", "2026-11-17")
    assert article.sentences[0].text.startswith("A fire destroyed")
    (article,) = load(write(tmp_path / "own.txt", "The Orvel Courier, 12 November 2026\n\nThe Orvel council met.\n"))
    assert article.date == "2026-11-12" and [s.text for s in article.sentences] == ["The Orvel council met."]
    # A sentence that ends in a date is no such line, nor are words in lower case before one.
    (article,) = load(write(tmp_path / "vote.txt", "The Orvel council votes on Tuesday, 12 November 2026.\n\nIt passed.\n"))
    assert article.sentences[0].text.startswith("The Orvel council votes")
    (article,) = load(write(tmp_path / "held.txt", "The vote was held on, 12 November 2026\n\nIt passed.\n"))
    assert article.date is None


def test_a_headline_asking_a_question_over_its_date_is_no_sentence(tmp_path):
    # Held-out audit 21: "Who is at risk from listeria?", a .txt file's headline over its date line, was
    # read as the body's first sentence and answered the question "Who is most at risk from listeria?".
    text = ("Who is at risk from listeria?\n\ndate 2031-11-30\nSource: Oddvale Star\n\n"
            "Listeria infection is rare but can be serious, officials said on Monday.\n")
    (article,) = load(write(tmp_path / "risk.txt", text))
    assert article.title == "Who is at risk from listeria?" and article.date == "2031-11-30"
    assert [s.text for s in article.sentences] == ["Listeria infection is rare but can be serious, officials said on Monday."]
    # A question opening the body is a sentence of it.
    (article,) = load(write(tmp_path / "body.txt", "Who pays for the flood?\n\nThe council says the state should.\n"))
    assert article.sentences[0].text == "Who pays for the flood?"


def test_a_headline_asking_a_question_over_its_byline_is_no_sentence(tmp_path):
    # Held-out audit 27: an explainer's .txt, its date line, then "What is the Ostra Basin Commission, and can it
    # settle the dam dispute?" over "By Maren Hollis": the headline was the body's first sentence and reached
    # the summaries of three questions.
    text = ("date 2031-11-22\nWhat is the Orrin Water Board, and can it end the drought?\nBy Pell Marrow\n"
            "The Orrin Water Board is a regional body set up in 1990.\nIt employs about 40 engineers.\n")
    (article,) = load(write(tmp_path / "explainer.txt", text))
    assert article.title == "What is the Orrin Water Board, and can it end the drought?"
    assert article.sentences[0].text == "The Orrin Water Board is a regional body set up in 1990."


@pytest.mark.parametrize("line, expected", [
    ("12 November 2026", "2026-11-12"),
    ("November 12, 2026", "2026-11-12"),
    ("Thursday 12 November 2026", "2026-11-12"),
    ("Thursday, November 12, 2026", "2026-11-12"),
])
def test_a_date_alone_on_a_line_above_the_story_is_its_date(tmp_path, line, expected):
    # Local papers print the date on a line of its own under the byline, with no "Published:".
    text = (f"Ferry service to Skarra cut for the winter\nBy Tove Brannock\n{line}\n"
            "PELLMOOR \u2014 The Skarra ferry will sail twice a week until March, the operator said.\n"
            "The operator blamed the cost of fuel.\n")
    (article,) = load(write(tmp_path / "ferry.txt", text))
    assert article.date == expected
    assert article.title == "Ferry service to Skarra cut for the winter"
    assert [s.text for s in article.sentences][0].startswith("The Skarra ferry")


@pytest.mark.parametrize("header", ["date 2031-12-04", "Date: 2031-12-04", "Published: December 4, 2031"])
def test_a_headline_over_its_date_header_in_one_paragraph_is_title_and_date(tmp_path, header):
    # Held-out audit 20: "Power back across Varnholt; inquiry ordered" over "date 2026-12-04", then the
    # story: the article was undated, titled by a heading further down, and the two lines were
    # summarized as a sentence.
    text = (f"Power back across Varnholt; inquiry ordered\n{header}\n\n"
            "Power was restored to the last 9,000 households in Varnholt on Thursday night, the grid said.\n\n"
            "LATEST: Inquiry ordered into the substation fire\n\n"
            "The prime minister ordered an inquiry into the fire at the Kessel substation.\n")
    (article,) = load(write(tmp_path / "blackout.txt", text))
    assert article.date == "2031-12-04" and article.title == "Power back across Varnholt; inquiry ordered"
    assert [s.text for s in article.sentences][0].startswith("Power was restored")


@pytest.mark.parametrize("byline", ["By Ansel Mirow", "By Ansel Mirow, Orvel Observer"])
def test_a_date_line_under_a_byline_in_a_paragraph_of_their_own_is_the_date(tmp_path, byline):
    # Held-out audit 15: "By Ansel Mirow, Lindqvar Observer" / "3 December 2026" between blank lines under
    # the headline: the date was read as the byline's second line and left out with it (undated).
    text = (f"Orvel talks: what each side wants\n\n{byline}\n3 December 2031\n\n"
            "ORVEL (Observer) - The first day of talks between Tessia and Varn ended without agreement on Kell.\n\n"
            "Tessia wants troops out of Kell before any ceasefire.\n")
    (article,) = load(write(tmp_path / "talks.txt", text))
    assert article.date == "2031-12-03"
    assert [s.text for s in article.sentences][0].startswith("The first day of talks")
    # A first sentence opening with "By" is no byline.
    (article,) = load(write(tmp_path / "flood.txt", "Floods in Kell\n\nBy Monday, the floods had reached Kell.\n\n"
                                                     "The river rose two metres.\n"))
    assert [s.text for s in article.sentences][0] == "By Monday, the floods had reached Kell."


def test_a_date_line_inside_the_story_is_not_its_date(tmp_path):
    text = ("Skarra ferry timeline\n\nThe ferry first sailed in 1961, the operator said.\n\n"
            "12 November 2026\n\nThe winter timetable was announced.\n")
    (article,) = load(write(tmp_path / "timeline.txt", text))
    assert article.date is None


def test_a_masthead_above_the_headline_is_not_the_title(tmp_path):
    # Held-out audit 9: a local paper's text export opened with its name in capitals, and the
    # article was titled "CALDERWICK ECHO".
    text = ("NORTHGATE POST\nFerry service to Skarra cut for the winter\nBy Tove Brannock\n"
            "The Skarra ferry will sail twice a week until March, the operator said.\n")
    (article,) = load(write(tmp_path / "ferry.txt", text))
    assert article.title == "Ferry service to Skarra cut for the winter"
    # A headline in capitals with no heading after it is the title, as before.
    (article,) = load(write(tmp_path / "caps.txt", "FERRY CUT\n\nThe Skarra ferry will sail twice a week.\n"))
    assert article.title == "FERRY CUT"


def test_directories_are_read_recursively_with_relative_ids(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "deep" / "er" / "b.md", ARTICLE)
    write(tmp_path / "notes.csv", "not,an,article")
    articles = load(tmp_path)
    assert [a.id for a in articles] == ["a", "deep/er/b"]


def test_html_main_text_only(tmp_path):
    html = (
        "<html><head><title>Talks resume | Example News</title>"
        '<meta property="article:published_time" content="2023-05-01T09:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks resume in Lindmark</h1>"
        "<p>Negotiators from both sides met in Lindmark on Monday to resume ceasefire talks brokered by Aldish "
        "mediators, officials said.</p><p>A convoy of 40 trucks carrying food and medicine reached the "
        "besieged city on Monday, aid agencies said.</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )
    (article,) = load(write(tmp_path / "page.html", html))
    texts = [s.text for s in article.sentences]
    assert article.date == "2023-05-01"
    assert any(t.startswith("Negotiators from both sides") for t in texts)
    assert not any("Home" in t or "Subscribe" in t for t in texts)


def test_jsonl_articles_with_fields_and_bad_lines_reported(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "Talks", "date": "2023-05-01", "url": "https://x.org/1", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "a2", "text": 42}),
        json.dumps({"id": "a3", "title": "No text"}),
        json.dumps({"id": "a1", "source": "https://x.org/4", "text": ARTICLE}),
    ]
    warnings = []
    articles = load(write(tmp_path / "export.jsonl", "\n".join(lines)), warnings=warnings)
    assert [a.id for a in articles] == ["a1", "a1~2"]
    assert articles[0].title == "Talks" and articles[1].url == "https://x.org/4"
    messages = [str(w) for w in warnings]
    assert any("line 2" in m and "invalid JSON" in m for m in messages)
    assert any("line 3" in m and "not a string" in m for m in messages)
    assert any("line 4" in m and "no \"text\"" in m for m in messages)
    assert any("duplicate article id" in m for m in messages)
    assert all(str(tmp_path / "export.jsonl") in m for m in messages)


def test_an_export_dated_as_feeds_date_is_ordered_and_windowed_by_that_date(tmp_path):
    # An RSS reader's export keeps the feed's pubDate ("Mon, 02 Mar 2026 08:00:00 GMT", RFC 2822):
    # it was kept as written, so it sorted after every ISO date (last in chronological order) and
    # --since 2026-03-03 let the article of March 2 in.
    rows = [("a", "2026-03-03"), ("b", "Mon, 02 Mar 2026 08:00:00 GMT"), ("c", "Wed, 4 Mar 2026 23:30:00 -0500")]
    lines = [json.dumps({"id": i, "title": i, "date": d, "text": ARTICLE}) for i, d in rows]
    articles = load(write(tmp_path / "export.jsonl", "\n".join(lines)))
    assert {a.id: a.date for a in articles} == {"a": "2026-03-03", "b": "2026-03-02", "c": "2026-03-04"}
    front = write(tmp_path / "story.md", "---\ntitle: Talks\ndate: Tue, 03 Mar 2026 10:00:00 +0000\n---\n\n" + ARTICLE)
    assert [a.date for a in load(front)] == ["2026-03-03"]


def test_a_json_file_of_no_articles_is_a_few_lines_not_one_per_item(tmp_path):
    # A data file in a folder of news (a list of 5,000 numbers, of 3,000 map points) printed a
    # warning per item: 8,000 lines on the terminal for two files.
    from summarizer.reading.inputs import RECORD_WARNINGS_SHOWN

    write(tmp_path / "numbers.json", json.dumps(list(range(5000))))
    write(tmp_path / "points.jsonl", "\n".join(json.dumps({"lat": n, "lon": n}) for n in range(3000)))
    good = [json.dumps({"id": "ok", "text": ARTICLE})]
    write(tmp_path / "mixed.jsonl", "\n".join(good + ["{not json"] * 8 + ['{"text": 1}'] * 8))
    write(tmp_path / "story.txt", ARTICLE)
    for name, first, hidden in (("numbers.json", "item 1: expected an object", 5000 - RECORD_WARNINGS_SHOWN),
                                ("points.jsonl", "line 1: no \"text\" field", 3000 - RECORD_WARNINGS_SHOWN),
                                ("mixed.jsonl", "line 2: invalid JSON", 16 - RECORD_WARNINGS_SHOWN)):
        warnings = []
        articles = load(tmp_path / name, tmp_path / "story.txt", warnings=warnings)
        messages = [str(w) for w in warnings]
        assert len(messages) == RECORD_WARNINGS_SHOWN + 1, messages[:10]
        assert first in messages[0] and all(str(tmp_path / name) in m for m in messages)
        assert messages[-1].endswith(f": and {hidden:,} more problems with its {'items' if name.endswith('.json') else 'lines'}, not shown")
        assert len(articles) == (2 if name == "mixed.jsonl" else 1)


def test_json_array_of_articles(tmp_path):
    data = [{"id": "x", "title": "T", "text": ARTICLE}, {"id": "y", "text": ARTICLE}]
    articles = load(write(tmp_path / "set.json", json.dumps(data)))
    assert [a.id for a in articles] == ["x", "y"]


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "cp1252"],
)
def test_encodings(tmp_path, encoding):
    text = "Café talks resume\n\nThe café owners’ association said aid deliveries had resumed in Zürich.\n"
    if encoding == "cp1252":
        text = text.replace("’", "'")
    (article,) = load(write(tmp_path / "a.txt", text.encode(encoding)))
    assert article.sentences[0].text.startswith("The café owners")
    assert "Zürich" in article.sentences[0].text


def test_utf8_with_a_bad_byte_stays_utf8_with_a_warning(tmp_path):
    # QA walkthrough 17: one stray byte in a UTF-8 file made the whole file Windows-1252, silently:
    # "Mayor ZoÃ« MÃ¼ller".
    text = ("Mayor Zoë Müller of Ottersby said the bridge would reopen on March 3.\n\n"
            "The river authority agreed.\n").encode()
    data = text.replace(b"river ", b"river \xff ")
    warnings = []
    (article,) = load(write(tmp_path / "mixed.txt", data), warnings=warnings)
    assert "Zoë Müller" in article.text and "\ufffd" in article.text
    bad = data.index(b"\xff")
    assert [(str(w.path), w.problem) for w in warnings] == [
        (str(tmp_path / "mixed.txt"), f"invalid UTF-8 at byte {bad}: the bad bytes are shown as \ufffd")]


def test_crlf_line_endings_are_normalised(tmp_path):
    (article,) = load(write(tmp_path / "a.txt", ARTICLE.replace("\n", "\r\n").encode()))
    assert "\r" not in article.text
    assert article.title == "Ceasefire talks resume in Lindmark"


def test_unusable_files_are_skipped_with_warnings_and_the_rest_read(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.md", "  \n\n \t\n")
    write(tmp_path / "binary.txt", bytes(range(256)) * 4)
    warnings = []
    articles = load(tmp_path, tmp_path / "missing.txt", warnings=warnings)
    assert [a.id for a in articles] == ["good"]
    problems = {str(w.path).rsplit("/", 1)[-1]: w.problem for w in warnings}
    assert "empty" in problems["empty.txt"]
    assert "empty" in problems["blank.md"]
    assert "binary" in problems["binary.txt"]
    assert "no such file" in problems["missing.txt"]


def test_nothing_readable_is_an_error(tmp_path):
    write(tmp_path / "empty.txt", "")
    with pytest.raises(NoArticlesError, match="no readable articles"):
        load(tmp_path)


def test_stdin(tmp_path):
    import io

    articles = load_articles(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert articles[0].id == "stdin" and articles[0].sentences


def test_newswire_conventions_tex_quotes_title_case_datelines_and_list_markers():
    text = (
        "Washington _ ``It is a hate crime. We will not tolerate it,'' the governor said.\n\n"
        "-- Conservationists threatened to blockade the mine on Monday.\n"
    )
    article = ArticleParser()(text, Metadata("x"))
    assert [s.text for s in article.sentences] == [
        "``It is a hate crime. We will not tolerate it,'' the governor said.",
        "Conservationists threatened to blockade the mine on Monday.",
    ]


# A standfirst (deck) under the headline: the article's own summary, written without a full stop.
DECK = "Negotiators want a second round of talks before deciding the fate of the border crossings"
LEAD = "Negotiators from Tarrow and Valdon met in Lindmark on Monday. They agreed to meet again in May."


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank-line", "one-per-line"])
def test_a_standfirst_under_the_headline_is_the_first_sentence(separator):
    text = separator.join(["Talks resume in Lindmark", DECK, LEAD]) + "\n"
    article = ArticleParser()(text, Metadata("x"))
    assert article.title == "Talks resume in Lindmark"
    assert [s.text for s in article.sentences][0] == DECK
    # Under a title the metadata gives (an HTML page's), too.
    article = ArticleParser()(DECK + "\n\n" + LEAD + "\n", Metadata("x", title="Talks resume in Lindmark"))
    assert [s.text for s in article.sentences][0] == DECK


@pytest.mark.parametrize(
    "line",
    [
        "By Mira Holt and Dan Ferris, Staff Writers at the Tarrow Ledger",  # a byline
        "Talks Resume In Lindmark As Border Crossings Stay Closed For Winter",  # a headline's capitals
        "Live updates",  # too short to be a summary
        "## Negotiators want a second round of talks before deciding the crossings",  # marked as a heading
    ],
)
def test_other_lines_under_the_headline_stay_headings(line):
    article = ArticleParser()("\n\n".join(["Talks resume in Lindmark", line, LEAD]) + "\n", Metadata("x"))
    assert article.sentences[0].text.startswith("Negotiators from Tarrow")


def test_only_the_first_line_under_the_headline_is_a_standfirst():
    caption = "Delegates from both sides arrive at the lakeside hotel in Lindmark on Monday morning"
    text = "\n\n".join(["Talks resume in Lindmark", "By Mira Holt", caption, LEAD]) + "\n"
    article = ArticleParser()(text, Metadata("x"))
    assert article.sentences[0].text.startswith("Negotiators from Tarrow")


def test_a_markdown_read_more_list_and_a_free_to_read_appeal_are_no_sentences(tmp_path):
    # Held-out audit 29: under "**Read more:**" the linked headlines ("Can a resort be liable for an avalanche?")
    # were sentences, one printed first for a question; and "Ardenza Legal Weekly is free to read." stayed when
    # "Subscribe to our Tuesday newsletter to keep it that way." was set apart.
    text = ("# Families sue the Orrin ski lift company\n\nThe families of two skiers killed in the Orrin avalanche sued the "
            "lift company on Monday.\n\nThe company said it would defend itself in court.\n\n**Read more:**\n\n"
            "- [Can a resort be liable for an avalanche?](https://example.invalid/1)\n"
            "- [Orrin timeline](https://example.invalid/2)\n\n"
            "*The Orrin Ledger is free to read. Subscribe to our Tuesday newsletter to keep it that way.*\n")
    (article,) = load(write(tmp_path / "lawsuit.md", text))
    assert [s.text for s in article.sentences] == [
        "The families of two skiers killed in the Orrin avalanche sued the lift company on Monday.",
        "The company said it would defend itself in court."]
    # "subscribe to" in a story is the story's.
    (article,) = load(write(tmp_path / "water.txt", "The council will subscribe to the regional water scheme for 40 "
                                                      "crowns a year per household.\n\nIt voted on Monday.\n"))
    assert len(article.sentences) == 2


def test_a_question_headline_over_a_dated_byline_or_under_a_date_line(tmp_path):
    # Held-out audit 29: "When can Skarra's evacuees go home?" over "By Oona Feldt | March 12, 2026" was read as the
    # body's first sentence, the byline became the title and the article was undated; "What does avalanche danger
    # level 4 mean?" under "date 2026-01-26" reached a summary first.
    (article,) = load(write(tmp_path / "return.txt", "When can the Orrin evacuees go home?\n\nBy Pell Marrow | March 12, 2031\n\n"
                                                     "Three days after the eruption, 4,000 people are waiting in shelters.\n"))
    assert article.title == "When can the Orrin evacuees go home?" and article.date == "2031-03-12"
    assert [s.text for s in article.sentences] == ["Three days after the eruption, 4,000 people are waiting in shelters."]
    (article,) = load(write(tmp_path / "level.txt", "date 2031-01-26\n\nWhat does danger level 4 mean?\n\n"
                                                    "Skiers were on a mountain at level 4 on Saturday.\n"))
    assert article.title == "What does danger level 4 mean?"
    assert [s.text for s in article.sentences] == ["Skiers were on a mountain at level 4 on Saturday."]
