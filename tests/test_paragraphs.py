"""Paragraph shapes in plain text: blank-line paragraphs, one per line, hard-wrapped lines.

All text is invented (the city of Tarrow, the aid agency Eastmere Relief)."""

from __future__ import annotations

import textwrap

import pytest

from summarizer.reading.articles import ArticleParser, Metadata
from summarizer.reading.paragraphs import detect_shape, paragraph_spans

HEADLINE = "Tarrow floods recede as Eastmere Relief begins repairs"
PARAGRAPHS = [
    ("heading", HEADLINE),
    ("body", "Floodwater in the river city of Tarrow fell below the danger mark on Thursday for the first time in "
             "eleven days, and engineers from the aid agency Eastmere Relief began repairing the two bridges that "
             "link the old town to the northern districts."),
    ("body", "The agency said its crews had cleared debris from forty streets since Monday. Drinking water was "
             "restored to most homes on Wednesday night, although residents of the lower harbour were still "
             "being told to boil it before use."),
    ("body", "Mayor Ilse Varga told a meeting of the city council that the repairs would cost at least twelve "
             "million crowns. The council agreed to ask the regional government for an emergency grant."),
    ("body", "Eastmere Relief listed three priorities for the coming week:"),
    ("item", "- reopening the north bridge to emergency vehicles by Saturday;"),
    ("item", "- pumping out the basements of the hospital and the two schools;"),
    ("item", "- delivering clean bedding and heaters to families in the lower harbour."),
    ("heading", "What comes next"),
    ("body", "Forecasters expect dry weather until the end of the month, which should let the ground drain. "
             "Engineers warned, however, that the embankment above the ferry landing had been weakened and "
             "might need to be rebuilt before the autumn storms arrive."),
]


def _wrap(paragraph: str, width: int, indent: str = "") -> str:
    if paragraph.startswith("- "):
        return textwrap.fill(paragraph, width, subsequent_indent="  ", break_long_words=False)
    return textwrap.fill(paragraph, width, initial_indent=indent, break_long_words=False, break_on_hyphens=False)


SHAPES = {
    "blank-line": lambda: "\n\n".join(p for _, p in PARAGRAPHS) + "\n",
    "one-per-line": lambda: "\n".join(p for _, p in PARAGRAPHS) + "\n",
    "wrapped-72": lambda: "\n\n".join(_wrap(p, 72) for _, p in PARAGRAPHS) + "\n",
    "wrapped-60": lambda: "\n\n".join(_wrap(p, 60) for _, p in PARAGRAPHS) + "\n",
    "wrapped-72-indented": lambda: "\n".join(
        _wrap(p, 72, "    " if kind == "body" else "") for kind, p in PARAGRAPHS
    ) + "\n",
}
EXPECTED_SHAPE = {
    "blank-line": "blank-line",
    "one-per-line": "line",
    "wrapped-72": "wrapped",
    "wrapped-60": "wrapped",
    "wrapped-72-indented": "wrapped",
}

parse = ArticleParser()


def _paragraph_starts(text: str) -> list[int]:
    """Where each written paragraph starts in ``text`` (its first 30 characters, found in order)."""
    starts, pos = [], 0
    for _, paragraph in PARAGRAPHS:
        head = paragraph[:30]
        found = text.find(head.split()[0], pos)
        # the first words may be wrapped: search for the first word, then check the rest loosely
        assert found >= 0
        starts.append(found)
        pos = found + 1
    return starts


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_recognised(shape: str) -> None:
    assert detect_shape(SHAPES[shape]()).kind == EXPECTED_SHAPE[shape]


@pytest.mark.parametrize("shape", SHAPES)
def test_paragraphs_headings_and_list_items_in_every_shape(shape: str) -> None:
    text = SHAPES[shape]()
    article = parse(text, Metadata("tarrow"))
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["heading" if kind == "heading" else "body" for kind, _ in PARAGRAPHS], kinds
    assert article.title == HEADLINE
    # Every block holds exactly one written paragraph, whitespace aside.
    for block, (_, paragraph) in zip(article.blocks, PARAGRAPHS):
        assert " ".join(article.text[block.start : block.end].split()) == paragraph
    # List markers are not part of what the item says.
    items = [s.text for s in article.sentences if s.text.startswith(("reopening", "pumping", "delivering"))]
    assert len(items) == 3


@pytest.mark.parametrize("shape", SHAPES)
def test_sentences_never_cross_a_paragraph_and_slice_back_exactly(shape: str) -> None:
    text = SHAPES[shape]()
    article = parse(text, Metadata("tarrow"))
    starts = _paragraph_starts(text) + [len(text) + 1]
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        block = article.blocks[sentence.paragraph]
        assert block.start <= sentence.start < sentence.end <= block.end
        inside = [i for i in range(len(PARAGRAPHS)) if starts[i] <= sentence.start < starts[i + 1]]
        assert inside and sentence.end <= starts[inside[0] + 1]
    assert len(article.sentences) == 11


def test_a_sentence_crosses_line_breaks_inside_a_wrapped_paragraph() -> None:
    article = parse(SHAPES["wrapped-60"](), Metadata("tarrow"))
    first = article.sentences[0]
    assert "\n" in first.text
    assert " ".join(first.text.split()) == PARAGRAPHS[1][1]


def test_mixed_file_header_lines_then_single_newline_body() -> None:
    text = (
        "Title: Ferry service to Tarrow resumes\n"
        "Date: 2024-03-14\n"
        "\n"
        "The first ferry in two weeks left the Tarrow landing on Thursday morning with ninety passengers.\n"
        "Eastmere Relief said the service would run twice a day until the road bridge reopens.\n"
        "Passengers said the crossing had been calm.\n"
    )
    article = parse(text, Metadata("ferry"))
    assert article.title == "Ferry service to Tarrow resumes" and article.date == "2024-03-14"
    body = [b for b in article.blocks if b.kind == "body"]
    assert len(body) == 3 and len(article.sentences) == 3


def test_markdown_headings_and_numbered_lists_in_one_per_line_text() -> None:
    text = (
        "# Tarrow council approves flood plan\n"
        "The council voted nine to two for the plan on Tuesday evening.\n"
        "## The plan\n"
        "1. Raise the embankment by one metre.\n"
        "2. Build a second pumping station near the ferry landing.\n"
    )
    article = parse(text, Metadata("plan"))
    assert [b.kind for b in article.blocks] == ["heading", "body", "heading", "body", "body"]
    assert article.title == "Tarrow council approves flood plan"
    assert [s.text for s in article.sentences][1:] == [
        "Raise the embankment by one metre.",
        "Build a second pumping station near the ferry landing.",
    ]


def test_one_per_line_keeps_an_obvious_continuation_together() -> None:
    text = (
        "The ferry left the landing at dawn and\n"
        "reached the far bank an hour later.\n"
        "Passengers said the crossing had been calm.\n"
        "Eastmere Relief sent two nurses with the first crossing.\n"
        "The road bridge is expected to reopen next month.\n"
        "Tickets are free until then, the ferry company said.\n"
    )
    assert detect_shape(text).kind == "line"
    spans = paragraph_spans(text)
    assert len(spans) == 5 and text[spans[0][0] : spans[0][1]].endswith("an hour later.")


def test_hard_wrapped_by_hand_a_line_ending_in_at_or_than_goes_on() -> None:
    # Wrapped by hand, a little short of the width here and there: "at" and "than" cannot end a
    # paragraph, though the next word would have fitted. It lost the lead (read as a heading) and
    # cut "more than" from "60 million".
    text = (
        "After five days of talks led by Sen. Orla Fennick, dockworkers at\n"
        "Ft. Hallam voted to return to work on Saturday. The deal gives them a\n"
        "pay rise of 6.5 percent this year and a further 3 percent next year.\n"
        "\n"
        "Calloway Terminals said it would take about two weeks to clear the\n"
        "backlog of containers. The strike cost the port operator more than\n"
        "60 million dunmark, by its own estimate.\n"
    )
    assert detect_shape(text).kind == "wrapped"
    assert [text[s:e].split("\n")[0] for s, e in paragraph_spans(text)] == [
        "After five days of talks led by Sen. Orla Fennick, dockworkers at",
        "Calloway Terminals said it would take about two weeks to clear the",
    ]
    article = parse(text, Metadata("port"))
    assert [" ".join(s.text.split()) for s in article.sentences][::3] == [
        "After five days of talks led by Sen. Orla Fennick, dockworkers at Ft. Hallam voted to return"
        " to work on Saturday.",
        "The strike cost the port operator more than 60 million dunmark, by its own estimate.",
    ]


def test_hard_wrapped_without_blank_lines_breaks_after_short_last_lines() -> None:
    body = [p for kind, p in PARAGRAPHS if kind == "body"][:3]
    text = "\n".join(_wrap(p, 72) for p in body) + "\n"
    assert detect_shape(text).kind == "wrapped"
    spans = paragraph_spans(text)
    # A paragraph whose last line fills the width cannot be told from the next one; these do not.
    assert [" ".join(text[s:e].split()) for s, e in spans] == body


def test_shape_detection_is_linear_on_a_large_file() -> None:
    import time

    text = "\n".join(_wrap(p, 72) for _, p in PARAGRAPHS) * 2000
    started = time.perf_counter()
    spans = paragraph_spans(text)
    assert spans and time.perf_counter() - started < 5.0


# One paragraph per line, as a page's text is often saved: long paragraph lines with short lines
# between them that end without a stop. Each of these shapes was misread before (the short line
# glued to the next, or the whole text read as hard-wrapped or as one paragraph).
BODY = [p for kind, p in PARAGRAPHS if kind == "body" and len(p) > 100]


def _lines_read(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in paragraph_spans(text)]


@pytest.mark.parametrize(
    "short, after",
    [
        # a gallery caption, then its price line
        ("Gallery: Tarrow harbour after the flood | 14 Photos", "from $12.00"),
        # a link's text, then the handle it linked
        ("Ilse Varga is on Twitter at", "ilse_varga."),
        # a subhead without punctuation, then a paragraph that starts with a brand in lower case
        ("What the agency bought", "eBay sellers in Tarrow donated forty pumps, the agency said."),
        # a tweet's attribution, then a link
        ("\u2014 Eastmere Relief (@eastmererelief) March 3, 2024", "pic.example.com/x7Qk2"),
    ],
)
def test_one_per_line_short_lines_without_a_stop_stay_paragraphs(short: str, after: str) -> None:
    paragraphs = [BODY[0], short, after, BODY[1], BODY[2]]
    text = "\n".join(paragraphs) + "\n"
    assert detect_shape(text).kind == "line"
    assert _lines_read(text) == paragraphs


def test_one_per_line_code_lines_are_not_glued_to_each_other() -> None:
    paragraphs = [BODY[0], "The agency's tracker stores each bridge like this.", "bridges: {", "north: [",
                  "status: closed", "]", "}", BODY[1]]
    text = "\n".join(paragraphs)
    assert _lines_read(text) == paragraphs
    article = parse(text, Metadata("code"))
    assert all("\n" not in s.text for s in article.sentences)


def test_one_per_line_headlines_and_items_are_not_read_as_wrapped() -> None:
    # Lines of similar length without a stop, each followed by a capital: a wrapper would have
    # broken before a lower-case word now and then.
    paragraphs = [
        "Tarrow council approves a second pumping station near the ferry",
        "Eastmere Relief opens a clinic in the lower harbour for the winter",
        "Corlin families return to the northern districts after eleven days",
        "Engineers warn that the old embankment may not last the autumn",
    ]
    text = "\n".join(paragraphs) + "\n"
    assert detect_shape(text).kind == "line"
    assert _lines_read(text) == paragraphs
    # The same with a paragraph after them, and a ranked list with no plain lines in a row.
    ranked = ["8. Tarrow", "9. Corlin", "10. Eastmere", BODY[0]]
    assert _lines_read("\n".join(ranked)) == ranked


def test_one_per_line_a_paragraph_cut_at_a_comma_stays_apart() -> None:
    paragraphs = [BODY[0], BODY[1][:-1] + ",", BODY[2], "Forecasters expect dry weather until the end of the month."]
    text = "\n".join(paragraphs)
    assert _lines_read(text) == paragraphs
    items = ["-flooded cellars,", "-broken water mains,", "-closed roads,", BODY[0]]
    assert _lines_read("\n".join(items)) == items


def test_one_per_line_a_long_line_broken_by_hand_is_still_joined() -> None:
    # The other side of the rule: a line as long as the others, broken before a lower-case word or
    # after a word a sentence cannot end with, goes on with its sentence.
    broken = [
        "Mayor Ilse Varga told the council on Tuesday that the repairs would cost at least twelve",
        "million crowns, more than the city spends on roads in a year.",
        "The council agreed to ask the regional government for an emergency grant from the fund of",
        "Eastmere province, which has paid for two bridges since the last flood.",
        "Residents of the lower harbour were still being told to boil their drinking water.",
    ]
    text = "\n".join(broken) + "\n"
    assert _lines_read(text) == [broken[0] + " " + broken[1], broken[2] + " " + broken[3], broken[4]]


def test_hard_wrapped_text_breaking_before_names_is_still_wrapped() -> None:
    # Wrapped prose full of names: many lines go on with a capital, but some go on in lower case
    # or end with a word such as "of", and that is enough.
    paragraph = (
        "Mayor Ilse Varga of Tarrow met Tomas Brenn of Eastmere Relief and Nadia Quell of the Corlin "
        "Harbour Authority on Monday. Varga said Tarrow would ask Corlin for two pumps, and Brenn said "
        "Eastmere Relief would send a team from Westbrook to the lower harbour by Friday."
    )
    text = textwrap.fill(paragraph, 40) + "\n" + textwrap.fill(BODY[0], 40) + "\n"
    assert detect_shape(text).kind == "wrapped"
    assert _lines_read(text) == [paragraph, BODY[0]]


def test_wrapped_text_with_blank_lines_and_capitals_after_every_break() -> None:
    # Blank lines mark the paragraphs: the lines between them are joined even when every wrapped
    # line is followed by a capital (here names), with nothing else to show a sentence goes on.
    blocks = [
        [
            "Tarrow council met officials of the Corlin Harbour Authority",
            "Monday to plan repairs with engineers from Westbrook Engineering",
            "Services and volunteers of the Lower Harbour Residents Association.",
        ],
        [
            "The meeting agreed that the bridge would reopen before the Winter",
            "Fair, and that Eastmere Relief would pay for the temporary ferry.",
        ],
    ]
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    assert _lines_read(text) == [" ".join(block) for block in blocks]


class TestHeldOut:
    """Held-out checks: written after the rule was frozen (commit 3b8ec7a) and not used to tune it.

    Fictional texts in shapes the rule was not developed on; each line of a one-per-line text is a
    paragraph, and wrapped text is still joined. The rule changed once afterwards (only lines whose
    first letter has a case count as evidence of wrapping, for scripts without case); these checks
    passed before and after that change and played no part in it."""

    ARTICLE = [
        "Westbrook bridge to reopen after six months",
        "By Petra Lind",
        "CORLIN, March 4 \u2014 The Westbrook bridge will reopen to traffic on Saturday, six months after a "
        "barge struck one of its piers, the Corlin roads office said on Monday.",
        "\u201cWe are ahead of schedule,\u201d said Ansel Morrow, the office's chief engineer.",
        "Photo: Westbrook Daily / Anna Rell",
        "Repairs cost 4.2 million crowns, a third less than first estimated, because the damaged pier "
        "could be braced rather than rebuilt, according to figures released by the office.",
        "Why the bridge matters",
        "About 18,000 vehicles crossed the bridge each day before the accident. Since then, lorries "
        "have taken a 40-kilometre detour through the hill villages of Oster and Lunde.",
        "\u2022 Lorries over 30 tonnes will still be barred until April",
        "\u2022 Cyclists get a separate lane on the north side",
        "Read more: How the barge came loose",
        "Shopkeepers in Oster said they would miss the passing trade but not the noise.",
        "Contact the reporter at",
        "petra.lind@westbrook.example",
    ]

    def test_a_news_page_one_paragraph_per_line(self) -> None:
        text = "\n".join(self.ARTICLE) + "\n"
        assert detect_shape(text).kind == "line"
        assert _lines_read(text) == self.ARTICLE
        article = parse(text, Metadata("bridge"))
        starts = [text.index(line) for line in self.ARTICLE] + [len(text) + 1]
        for sentence in article.sentences:
            line = max(i for i, start in enumerate(starts) if start <= sentence.start)
            assert sentence.end <= starts[line + 1], sentence.text

    def test_short_wire_paragraphs_and_a_kicker(self) -> None:
        paragraphs = [
            "EXCLUSIVE",
            "Corlin's port authority has agreed to buy two dredgers from a shipyard in Lunde, three "
            "people familiar with the deal said on Tuesday.",
            "The purchase, worth about 60 million crowns, has not been announced.",
            "A spokeswoman for the authority declined to comment.",
            "The shipyard did not respond to a request for comment",
            "Dredging of the outer harbour has been delayed twice since 2021.",
        ]
        text = "\n".join(paragraphs)
        assert _lines_read(text) == paragraphs

    def test_markdown_file_one_paragraph_per_line_through_the_input_path(self) -> None:
        from summarizer.reading.inputs import InputFile, parse_input

        lines = ["# Oster library closes for repairs"] + self.ARTICLE[2:6]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (raw,) = parse_input(InputFile("oster.md", "oster", named=True), data, lambda error: None)
        article = parse(raw.text, raw.meta)
        assert article.title == "Oster library closes for repairs"
        # No block runs over a line break, and every line has its blocks (a dateline may be a block
        # of its own on the line it opens; Markdown's heading stands apart by a blank line).
        assert all("\n" not in raw.text[b.start : b.end] for b in article.blocks)
        line_of = [raw.text.count("\n", 0, b.start) for b in article.blocks]
        written = [number for number, line in enumerate(raw.text.splitlines()) if line.strip()]
        assert len(written) == len(lines) and sorted(set(line_of)) == written

    @pytest.mark.parametrize("width", [66, 78])
    def test_the_same_article_hard_wrapped_with_indents_and_with_blank_lines(self, width: int) -> None:
        body = [p for p in self.ARTICLE if len(p) > 60]
        indented = "\n".join(
            textwrap.fill(p, width, initial_indent="  ", break_long_words=False, break_on_hyphens=False)
            for p in body
        )
        spaced = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in body)
        assert _lines_read(indented) == body
        assert _lines_read(spaced) == body


def test_hard_wrapped_text_in_a_script_without_case_keeps_its_sentences_whole() -> None:
    # Japanese has no lower case and no spaces: the start of a line cannot tell whether it goes on
    # with a sentence, so that test must not turn wrapped lines into paragraphs of their own.
    paragraphs = [
        "タロウ市の洪水は木曜日に十一日ぶりに危険水位を下回り、援助団体イーストミア・リリーフの技術者が旧市街と北部地区を結ぶ二つの橋の修理を始めた。",
        "同団体によると、作業員は月曜日以降四十の通りからがれきを取り除いた。水曜日の夜には大半の家庭で飲み水が復旧した。",
    ]
    text = "\n".join("\n".join(p[i : i + 30] for i in range(0, len(p), 30)) for p in paragraphs) + "\n"
    for start, end in paragraph_spans(text):
        assert text[start:end].endswith("\u3002")
