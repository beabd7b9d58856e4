"""The summary as Markdown: one section per topic, numbered sources at the end."""

from __future__ import annotations

import re

from summarizer import Digest

from .citations import Citations, display_path
from .safety import printable

# Characters that Markdown (or inline HTML) would interpret in article text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~&])")
# Only web addresses become links; "javascript:" and the like are shown as text.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)


_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])")  # "1. " opening a sentence would nest a list


def escape(text: str) -> str:
    return _ORDERED_ITEM.sub(r"\1\\\2", _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text)))


def render_markdown(digest: Digest, explain: bool = False) -> str:
    citations = Citations.of(digest)
    lines: list[str] = []
    for summary in digest.summaries:
        lines += [f"## {escape(summary.topic.label)}", ""]
        if summary.message:
            lines += [f"*{escape(summary.message)}*", ""]
            continue
        for item in summary.sentences:
            markers = escape(citations.markers(item))
            lines.append(f"- {escape(item.sentence.text)} {markers}")
            if explain:
                why = item.explanation
                lines.append(
                    f"  - *why:* matched {escape(', '.join(why.matched_terms)) or 'none'}; relevance "
                    f"{why.relevance:.2f}, centrality {why.centrality:.2f}, redundancy {why.redundancy:.2f}"
                )
        lines.append("")
    lines += ["## Sources", ""]
    for article in citations.articles:
        entry = f"{citations.numbers[article.id]}. {escape(article.title)} ({escape(article.date or 'undated')})"
        url = printable(article.url or "")
        if _WEB_ADDRESS.fullmatch(url):
            entry += f", <{url}>"
        elif url:
            entry += f", {escape(url)}"
        elif article.path:
            entry += f", {_code(printable(display_path(article.path)))}"
        lines.append(entry)
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    """An inline code span that shows ``text`` whole, backticks included (CommonMark 6.1)."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
