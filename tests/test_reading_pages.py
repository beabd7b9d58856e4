"""Invented news pages in the shapes of several CMSs, read as a user would get them.

``data/pages/dev`` holds the pages the reading rules were developed on (``data/pages/README.md``):
each must read at a bag-of-words F1 of 0.99 or more against its expected text, the scorer of
``bench/reading.py``. ``data/pages/heldout`` was written after the rules were frozen and never
tuned on: there the test only asks that nothing regresses below what was measured first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.reading import load_pages, prf
from summarizer.reading.articles import ArticleParser
from summarizer.reading.inputs import InputFile, parse_input

PAGES = Path(__file__).parent / "data" / "pages"
DEV = {page.id: page for page in load_pages(PAGES / "dev")}


def _read(page):
    (raw,) = parse_input(InputFile(f"{page.id}.html", page.id, named=True), page.html.encode("utf-8"), lambda error: None)
    return ArticleParser()(raw.text, raw.meta)


@pytest.mark.parametrize("page_id", sorted(DEV))
def test_a_development_page_reads_as_its_expected_text(page_id: str) -> None:
    page = DEV[page_id]
    article = _read(page)
    body = "\n\n".join(s.text for s in article.sentences)
    precision, recall, f1 = prf(body, page.expected)
    assert f1 >= 0.99, (precision, recall, [s.text for s in article.sentences])
    assert article.title == page.title and article.date == page.date
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
