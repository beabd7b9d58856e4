"""The JSON on stdout is json.dumps(..., indent=2) byte for byte, however its strings look."""

from __future__ import annotations

import json

from summarizer import Length, Request, run
from summarizer.schema import digest_to_dict
from tui.render_json import render_json

from .conftest import ARTICLE, write

STRANGE = '}",\n      {"id": "x\\\\", \x1b[31m\x00 ☃ 𝄞 {}[]'


def test_a_digest_renders_as_json_dumps_does(tmp_path):
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "news" / "b.txt", "Convoy reaches Orsova " + STRANGE + "\n\n" + ARTICLE.split("\n\n", 1)[1])
    write(tmp_path / "news" / "c.jsonl", json.dumps({"id": STRANGE, "title": STRANGE, "text": ARTICLE}) + "\n")
    result = run(Request(paths=(str(tmp_path / "news"),), length=Length(sentences=3)))
    data = digest_to_dict(result.digest, {"method": "topical"}, {"since": None, "new_articles": 1, "read_articles": 2})
    data["read_articles"] = data["articles"][:2]
    assert len(data["articles"]) == 3 and any(STRANGE in a["title"] for a in data["articles"])
    assert render_json(data) == json.dumps(data, indent=2, ensure_ascii=True)


def test_lists_that_are_not_flat_or_are_empty_render_as_json_dumps_does():
    for articles in ([], [{}], [{"id": "a"}, {}], [{"id": "a", "tags": ["x"]}], [{"id": "a", "where": {"x": 1}}],
                     [{"id": STRANGE, "n": 1, "f": 0.30000000000000004, "ok": True, "none": None}] * 3):
        data = {"schema": "s", "articles": articles, "excluded": [{"text": STRANGE}], "warnings": [STRANGE]}
        assert render_json(data) == json.dumps(data, indent=2, ensure_ascii=True)


APPEAL = (
    "A Message from the Tarrow Ledger:\n\nDear readers,\n\n"
    "We are facing the hardest year in our history. Printing costs have doubled and advertisers have left.\n\n"
    "If you can, please support us monthly from just $3. Every contribution makes a difference.\n\n"
    "Thank you for standing with us.\n"
)


def _corpus(folder):
    """Articles with what the article list must carry exactly: an excluded appeal, odd titles,
    no date, a URL, the same date and title twice, an article with nothing to summarize, one
    whose title is its first sentence."""
    write(folder / "a.txt", ARTICLE + "\n" + APPEAL)
    write(folder / "b.txt", "Convoy reaches Orsova " + STRANGE + "\n\n" + ARTICLE.split("\n\n", 1)[1])
    write(folder / "sub" / "c.md", "# Talks in Lindmark\n\n" + ARTICLE.split("\n\n", 1)[1] + "\n" + APPEAL)
    records = [
        {"id": STRANGE, "title": STRANGE, "date": "2024-03-02", "url": "https://example.invalid/a?x=1&y=\u2603", "text": ARTICLE},
        {"id": "same-1", "title": "Talks resume", "date": "2024-03-01", "text": ARTICLE},
        {"id": "same-0", "title": "Talks resume", "date": "2024-03-01", "text": ARTICLE + "\n" + APPEAL},
        {"id": "empty", "title": "Nothing", "text": "Advertisement"},
        {"id": "no-title", "text": ARTICLE.split("\n\n", 1)[1]},
    ]
    write(folder / "d.jsonl", "".join(json.dumps(r) + "\n" for r in records))


def _reference(digest) -> dict:
    """The article lists as digest_to_dict made them from the Article objects, one dict each."""
    from summarizer import Citations

    citations = Citations.of(digest)

    def article(a, cited):
        return {"id": a.id, "number": citations.numbers[a.id], "title": a.title, "date": a.date, "path": a.path,
                "url": a.url, "sentences": len(a.sentences), "cited": cited}

    return {
        "articles": [article(a, citations.counts.get(a.id, 0)) for a in digest.articles],
        "excluded": [
            {"article_id": a.id, "start": b.start, "end": b.end, "kind": b.reason.split(":", 1)[0],
             "reason": b.reason.split(":", 1)[-1].strip(), "text": a.text[b.start : b.end]}
            for a in digest.articles for b in a.blocks if b.kind == "boilerplate"
        ],
        "read_articles": [article(a, 0) for a in digest.read_articles],
    }


def test_the_article_lists_read_from_the_index_are_the_ones_the_articles_give(tmp_path):
    from dataclasses import replace

    from summarizer import BUILTIN_TOPICS, ArticleCache, Corpus, Digester, load_articles
    from summarizer.store.stored import catalogue_entries

    _corpus(tmp_path / "news")
    paths = [str(tmp_path / "news")]
    digester = Digester(length=Length(sentences=3))
    plain = digester(Corpus(load_articles(paths, on_warning=lambda e: None)), BUILTIN_TOPICS)
    assert type(plain.articles[0]).__name__ == "Article"
    cache = ArticleCache(tmp_path / "cache")
    for _ in range(2):  # the second run is warm: its articles are the stored catalogue's
        articles = load_articles(paths, on_warning=lambda e: None, cache=cache)
        stored = digester(Corpus(articles, cache=cache), BUILTIN_TOPICS)
    assert catalogue_entries(stored.articles) is not None  # what the lists are read from

    expected = _reference(plain)
    got = digest_to_dict(stored)
    assert {key: got[key] for key in ("articles", "excluded")} == {key: expected[key] for key in ("articles", "excluded")}
    assert any(a["cited"] for a in got["articles"]) and any(a["date"] is None for a in got["articles"])
    assert any(a["url"] for a in got["articles"]) and any(a["title"] == STRANGE for a in got["articles"])
    assert len(got["excluded"]) == 3 and all(e["kind"] == "donation appeal" for e in got["excluded"])
    assert "empty" not in [a["id"] for a in got["articles"]]  # nothing to summarize: skipped
    assert [a["number"] for a in got["articles"] if a["title"] == "Talks resume"] == [2, 1]  # same date and title: by id
    assert render_json(digest_to_dict(stored, tables=True)) == json.dumps(got, indent=2, ensure_ascii=True)

    # An update digest: the read articles share the numbering and are listed with cited 0.
    update = {"since": None, "new_articles": 4, "read_articles": len(stored.articles) - 4}
    stored_update = replace(stored, articles=stored.articles[:4], read_articles=stored.articles[4:], summaries=())
    plain_update = replace(plain, articles=plain.articles[:4], read_articles=plain.articles[4:], summaries=())
    got = digest_to_dict(stored_update, {"method": "topical"}, update)
    expected = _reference(plain_update)
    assert {key: got[key] for key in expected} == expected
    assert render_json(digest_to_dict(stored_update, {"method": "topical"}, update, tables=True)) == json.dumps(
        got, indent=2, ensure_ascii=True)


def test_tables_render_as_the_lists_of_objects_they_stand_for():
    from summarizer import JsonTable

    columns = {"id": ["a", STRANGE, "c"], "n": [1, None, -2], "f": [0.1, 1e300, None], "ok": [True, False, None],
               "none": [None, None, None], "mixed": ["x", 3, None]}
    for table in (JsonTable(columns), JsonTable({"id": []}), JsonTable({"only": [STRANGE]})):
        data = {"articles": table, "nested": [{"rows": table}], "excluded": []}
        rows = {"articles": table.rows(), "nested": [{"rows": table.rows()}], "excluded": []}
        assert render_json(data) == json.dumps(rows, indent=2, ensure_ascii=True)
    odd = JsonTable({"id": ["a"], "tags": [["x", "y"]]})  # not flat: written by json.dumps
    assert render_json({"articles": odd}) == json.dumps({"articles": odd.rows()}, indent=2, ensure_ascii=True)
