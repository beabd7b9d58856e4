"""Notes on an article that are not its story are set apart, never read as its sentences.

Editor's notes, helplines, betting lines, a fact check's labels, a press release's legal notices and
contacts, credits, bios and funding notes at the end, and the sections a heading gives to one of
them ("About ...", "Our sources"). All text is invented (the town of Tarrow, the Tarrow Ledger).
"""

from __future__ import annotations

import pytest

from summarizer.reading.articles import ArticleParser, Metadata

parse = ArticleParser()

FIRST = (
    "The Tarrow harbour board approved a new sea wall on Tuesday after a long debate, officials said. "
    "Work on the wall will begin in the spring and is expected to last two years."
)
SECOND = (
    "Residents of the lower town, who were flooded twice last winter, said they hoped the wall would be "
    "finished before the next storms, and asked the board to publish its timetable."
)
THIRD = (
    "The board said it would hold a public meeting in March to explain how the work would affect the "
    "ferry and the fish market, which both sit inside the planned wall."
)


def _body(article) -> str:
    return " ".join(" ".join(s.text for s in article.sentences).split())


def _excluded(article) -> list[str]:
    return [" ".join(article.text[b.start : b.end].split()) for b in article.excluded()]


def _kinds(article) -> list[str]:
    return [b.reason.partition(":")[0] for b in article.excluded()]


# (kind, note): each is set apart wherever it stands in the article: on a line or in a paragraph of
# its own, or glued to the end of a paragraph of the story.
NOTES = [
    ("editor's note", "This interview has been edited for length and clarity."),
    ("editor's note", "Responses were condensed and edited for clarity."),
    ("editor's note", "Editor's note: This story was updated on May 3 to correct the name of the clinic."),
    ("editor's note", "An earlier version of this article misstated the date of the vote."),
    ("editor's note", "(Updates with comment from the harbour authority in fifth paragraph.)"),
    ("helpline notice", "If you or someone you know is struggling, call the Tarrow crisis line at 555-0188 at any hour."),
    ("helpline notice", "Please gamble responsibly."),
    ("betting odds", "Odds: Foxes -135, Gulls +360, draw +260, via FictBet Sportsbook."),
    ("betting odds", "Line: Tarrow -3.5 (-110), over/under 44.5."),
    ("fact-check label", "Claim: The sea wall will flood the fish market."),
    ("press release notice", "Quillon undertakes no obligation to update any forward-looking statement."),
    ("byline", "News provided by Quillon Systems, Inc."),
    ("author note", "Have a news tip? Email our newsroom at tips@tarrowledger.example."),
    ("author note", "Do you have a story for the Ledger? Email our newsdesk at news@tarrowledger.example."),
    ("funding note", "This story is part of a reporting partnership between the Tarrow Ledger and Harbour Health News."),
    ("funding note", "The Ledger's coverage of the harbour is supported in part by the Eastmere Foundation."),
]


@pytest.mark.parametrize(("kind", "note"), NOTES)
@pytest.mark.parametrize("glue", [" ", "\n", "\n\n"], ids=["glued", "own-line", "own-paragraph"])
def test_a_note_is_set_apart_and_the_story_kept(kind: str, note: str, glue: str) -> None:
    separator = "\n\n" if glue == "\n\n" else "\n"
    text = FIRST + glue + note + separator + SECOND + separator + THIRD + "\n"
    article = parse(text, Metadata("x"))
    assert _excluded(article) == [note], [b.reason for b in article.excluded()]
    assert _kinds(article) == [kind]
    body = _body(article)
    for paragraph in (FIRST, SECOND, THIRD):
        assert paragraph in body
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


# Labels of a box: lines without a stop, set apart as they stand.
LABELS = [
    ("fact-check label", "Rating: False"),
    ("fact-check label", "Our ruling: Mostly false"),
    ("press release notice", "Media Contact: Jonah Penrith, press@quillon.example"),
    ("byline", "\u2014 With assistance from Petra Lindqvist"),
    ("byline", "SOURCE Quillon Systems, Inc."),
]


@pytest.mark.parametrize(("kind", "label"), LABELS)
def test_a_label_of_a_note_on_its_own_line_is_set_apart(kind: str, label: str) -> None:
    text = "\n\n".join([FIRST, label, SECOND, THIRD]) + "\n"
    article = parse(text, Metadata("x"))
    assert _excluded(article) == [label]
    assert _kinds(article) == [kind]


@pytest.mark.parametrize(
    "notice",
    [
        "Gambling problem? Call 1-800-555-0199 or text HOPE to 555-777. Must be 21 or older to wager.",
        "If you or someone you know is struggling, call or text the Tarrow crisis line at 555-0188. "
        "Help is free and confidential.",
        "This press release contains forward-looking statements within the meaning of the securities laws. "
        "These statements are subject to risks and uncertainties that could cause actual results to differ "
        "materially. Quillon undertakes no obligation to update them.",
    ],
)
def test_a_notice_of_several_sentences_is_set_apart_whole(notice: str) -> None:
    text = "\n\n".join([FIRST, SECOND, THIRD, notice]) + "\n"
    article = parse(text, Metadata("x"))
    assert _excluded(article) == [notice]
    assert [s.text for s in article.sentences] == [s.text for s in parse(text.replace(notice, ""), Metadata("y")).sentences]


@pytest.mark.parametrize(
    "sentence",
    [
        # Reported speech, or the story's own words about odds, helplines and editing.
        "If you or someone you know is struggling, reach out, the counsellor told the meeting.",
        "The Foxes are -135 favourites with the bookmakers, who make the Gulls +360, the club said.",
        "Calls to the crisis line doubled after it went to three digits, the health department said.",
        "The harbour board edited its plans after the storm and published them on Monday.",
        "Claims that the wall would flood the market were false, the engineer said.",
    ],
)
def test_the_story_talking_about_such_things_is_content(sentence: str) -> None:
    text = "\n\n".join([FIRST, sentence, SECOND]) + "\n"
    article = parse(text, Metadata("x"))
    assert not article.excluded(), [b.reason for b in article.excluded()]


BIOS = [
    "Mira Holt is a reporter covering the harbour and city hall for the Tarrow Ledger.",
    "Kit Brannoch is a Local Democracy Reporter based at the Tarrow Ledger. The Local Democracy Reporting "
    "Service is a public service news partnership, funded by the national broadcaster, which shares council "
    "reporting with local news outlets.",
    "Mira Holt covers the harbour for the Tarrow Ledger. She previously wrote for the Valdon Gazette.",
    "Ana de Vries is a science writer who lives in Tarrow and covers climate for the Ledger.",
]


@pytest.mark.parametrize("bio", BIOS)
def test_a_bio_ending_the_article_is_a_note(bio: str) -> None:
    text = "\n\n".join([FIRST, SECOND, THIRD, bio]) + "\n"
    article = parse(text, Metadata("x"))
    assert _excluded(article) == [bio]
    assert _kinds(article)[0] in ("author note", "funding note")
    assert THIRD in _body(article)
    # Past the share bar's labels after it, too.
    article = parse("\n\n".join([FIRST, SECOND, THIRD, bio, "Share", "Facebook"]) + "\n", Metadata("x"))
    assert bio in _excluded(article)


@pytest.mark.parametrize("bio", BIOS)
def test_the_same_words_inside_the_story_are_content(bio: str) -> None:
    text = "\n\n".join([FIRST, bio, SECOND, THIRD]) + "\n"
    article = parse(text, Metadata("x"))
    assert not article.excluded()


def test_a_bio_in_reported_speech_at_the_end_is_content() -> None:
    last = "Ana Bell is a reporter covering the courts for the Ledger, her editor said on Tuesday."
    article = parse("\n\n".join([FIRST, SECOND, last]) + "\n", Metadata("x"))
    assert not article.excluded()


PRESS_RELEASE = "\n\n".join(
    [
        "Quillon Systems to open recycling plant in Tarrow",
        FIRST,
        SECOND,
        "About Quillon Systems",
        "Quillon Systems is a maker of storage batteries for utilities, with plants in three countries. "
        "Founded in 2016, it employs about 2,000 people.",
        "Forward-Looking Statements",
        "Statements in this release about the plant's timing and cost are estimates that may change.",
        "Media Contact:",
        "Jonah Penrith",
        "press@quillon.example",
    ]
) + "\n"


def test_sections_about_the_company_and_its_legal_notice_are_set_apart() -> None:
    article = parse(PRESS_RELEASE, Metadata("x"))
    body = _body(article)
    assert body == f"{FIRST} {SECOND}"
    excluded = " ".join(_excluded(article))
    for words in ("About Quillon Systems", "maker of storage batteries", "Forward-Looking", "may change", "Penrith"):
        assert words in excluded
    assert all(b.reason.startswith("note section") for b in article.excluded() if "About" in article.text[b.start : b.end])
    assert article.title == "Quillon Systems to open recycling plant in Tarrow"


@pytest.mark.parametrize(
    "heading, section",
    [
        ("About the author", "Mira Holt has reported on the harbour for a decade and lives in the lower town."),
        ("# Our sources", "- Tarrow harbour board, minutes of the meeting of March 4, 2025\n\n- Interview with the "
                          "board's engineer, March 5, 2025"),
        ("Disclosure statement", "Mira Holt receives funding from the Eastmere Research Council."),
    ],
)
def test_a_note_section_at_the_end_is_set_apart_from_its_heading(heading: str, section: str) -> None:
    text = "\n\n".join([FIRST, SECOND, THIRD, heading, section]) + "\n"
    article = parse(text, Metadata("x"))
    assert _body(article) == f"{FIRST} {SECOND} {THIRD}"
    assert _excluded(article)[0] == heading


@pytest.mark.parametrize("heading", ["About 300 homes were flooded", "Sources of the flooding", "About the wall's cost"])
def test_other_headings_open_no_note_section(heading: str) -> None:
    text = "\n\n".join([FIRST, heading, SECOND, THIRD]) + "\n"
    article = parse(text, Metadata("x"))
    assert SECOND in _body(article) and THIRD in _body(article)


def test_a_note_section_holding_most_of_the_article_stays() -> None:
    text = "\n\n".join(["Sea wall approved", "A short lead.", "About Tarrow", FIRST, SECOND, THIRD]) + "\n"
    article = parse(text, Metadata("x"))
    assert FIRST in _body(article)


@pytest.mark.parametrize("correction", [
    "Correction: The board voted 7 to 2, not 6 to 3 as reported in an earlier version of this story.",
    "Correction: An earlier version of this story said 212 people attended; the board has since said 221 did.",
])
def test_a_correction_giving_the_right_figure_is_the_story_s_fact(correction: str) -> None:
    # Held-out audit 22: "Correction: The jury deliberated for 11 hours, not 14 as reported in an earlier version
    # of this story." was set apart as an editor's note, and the wrong figure was all a reader got.
    article = parse(FIRST + "\n\n" + SECOND + "\n\n" + correction + "\n", Metadata("x"))
    assert correction in _body(article) and not article.excluded()


def test_a_correction_repeating_the_story_s_figure_is_a_note() -> None:
    # The held-out pages' ferry strike: "It was 88 per cent, not 78 per cent." under a story that says 88 per
    # cent tells the reader nothing the story does not.
    story = "The union balloted 212 crew members, 171 of whom voted for a walkout, on a turnout of 88 per cent."
    note = "Correction: An earlier version of this story gave the wrong turnout. It was 88 per cent, not 78 per cent."
    article = parse(FIRST + "\n\n" + story + "\n\n" + note + "\n", Metadata("x"))
    assert _excluded(article) == [note] and story in _body(article)
