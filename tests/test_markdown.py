"""Markdown files (a web page clipped as Markdown) read as the text a reader sees."""

import json
import subprocess
import sys
from pathlib import Path

from summarizer import load_articles

from .conftest import write

NEWSDIGEST = str(Path(sys.executable).with_name("newsdigest"))

# Fictional: a clipped page in the shape browser and notes-app web clippers save.
CLIPPED = """\
---
title: "Floodwaters recede in Varnholt as repair crews move in"
source: https://example.org/varnholt-floods
published: 2026-03-04
---

# Floodwaters recede in Varnholt as repair crews move in

![Sandbags line the harbour wall](https://example.org/img/sandbags.jpg)

*By Ilsa Prenn, Varnholt Courier*

Floodwaters began to recede on Tuesday after three days of rain, and the [regional water \
authority](https://example.org/authority) said repair crews would reach the **north dyke** by Thursday.

About 1,200 residents were moved to the _Kessel sports hall_ and two schools, according to \
[a statement](https://example.org/statement "Statement") from the mayor's office.

> "We have never seen the river this high," said Oda Varn, who runs a bakery near the harbour. \
"The water came up to the second step."

| shelter | people |
|---|---|
| Kessel sports hall | 800 |
| Orm school | 400 |
"""


def load(path):
    (article,) = load_articles([str(path)])
    return article


def test_links_emphasis_and_images_of_a_clipped_page_are_read_as_words(tmp_path):
    article = load(write(tmp_path / "clip.md", CLIPPED))
    texts = [s.text for s in article.sentences]
    assert (
        "Floodwaters began to recede on Tuesday after three days of rain, and the regional water authority "
        "said repair crews would reach the north dyke by Thursday." in texts
    )
    assert any(t.startswith("About 1,200 residents were moved to the Kessel sports hall") for t in texts)
    assert not any(mark in t for t in texts for mark in ("](", "**", "_Kessel", "http", "Sandbags"))
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    # The front matter still gives title, date and the page it was clipped from.
    assert (article.title, article.date, article.url) == (
        "Floodwaters recede in Varnholt as repair crews move in", "2026-03-04", "https://example.org/varnholt-floods")


def test_a_markdown_table_of_figures_is_still_no_sentence(tmp_path):
    article = load(write(tmp_path / "clip.md", CLIPPED))
    assert not any("Orm school" in s.text or "|" in s.text for s in article.sentences)


def test_a_markdown_file_with_one_paragraph_per_line_keeps_its_paragraphs(tmp_path):
    lines = [
        "The Orm valley council voted on Monday to close the old ferry landing at **Tessby**.",
        "Councillor Brit Anvik said the landing had cost more to repair each year since the storm.",
        "A new landing at Holm is due to open in the spring, the council said.",
    ]
    article = load(write(tmp_path / "council.md", "\n".join(lines) + "\n"))
    assert [s.text for s in article.sentences] == [lines[0].replace("**", ""), *lines[1:]]
    assert len({s.paragraph for s in article.sentences}) == 3


def test_json_output_gives_the_text_as_read_which_the_offsets_index(tmp_path):
    path = write(tmp_path / "clip.md", CLIPPED)
    result = subprocess.run(
        [NEWSDIGEST, "summarize", str(path), "--no-cache", "-q", "Where were residents moved?", "-f", "json", "--with-text"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    (article,) = output["articles"]
    assert "](" not in article["text"] and "**" not in article["text"]
    sentences = [s for topic in output["topics"] for s in topic["sentences"]]
    assert sentences and all(article["text"][s["start"] : s["end"]] == s["text"] for s in sentences)


def test_raw_html_in_markdown_gives_its_words_not_its_tags_or_scripts(tmp_path):
    source = (
        "# Orm council closes the ferry landing\n\n"
        "<p>The <b>Orm</b> valley council voted on Monday to close the old ferry landing &amp; its cafe.</p>\n"
        "<script>window.tracker = 'orm-landing';</script>\n\n"
        "A new landing at Holm is due to open in the spring, the council said.\n"
    )
    article = load(write(tmp_path / "landing.md", source))
    assert [s.text for s in article.sentences] == [
        "The Orm valley council voted on Monday to close the old ferry landing & its cafe.",
        "A new landing at Holm is due to open in the spring, the council said.",
    ]
