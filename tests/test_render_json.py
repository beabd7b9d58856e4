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
