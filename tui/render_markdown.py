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


def render_markdown(digest: Digest, explain: bool = False, heading: str | None = None) -> str:
    """The digest; ``heading`` (an update summary's baseline) comes first, in italics."""
    citations = Citations.of(digest)
    read_numbers: dict[str, int] = {}
    by_id = {a.id: a for a in digest.read_articles}

    def read_number(article_id: str) -> int:
        return read_numbers.setdefault(article_id, citations.next_number + len(read_numbers))

    lines: list[str] = []
    if heading:
        lines += [f"*{escape(heading[:1].upper() + heading[1:])}*", ""]
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
                line = (
                    f"  - *why:* matched {escape(', '.join(why.matched_terms)) or 'none'}; relevance "
                    f"{why.relevance:.2f}, centrality {why.centrality:.2f}, redundancy {why.redundancy:.2f}"
                )
                if why.novelty is not None:
                    line += f"; new: {escape(', '.join(why.novelty.new_terms[:8])) or 'no new words'}"
                    if why.novelty.closest_read is not None:
                        line += (f"; {why.novelty.read_similarity:.0%} of it already read, in "
                                 f"\\[{read_number(why.novelty.closest_read.article_id)}\\]")
                lines.append(line)
        if explain:
            for repeat in summary.repeats:
                lines += ["", (f"*Left out, already read in \\[{read_number(repeat.read.article_id)}\\]:* "
                               f"{escape(repeat.sentence.text)}")]
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
    if read_numbers:
        lines += ["", "## Already read", ""]
        for article_id, number in read_numbers.items():
            article = by_id[article_id]
            entry = f"{number}. {escape(article.title)} ({escape(article.date or 'undated')})"
            if article.path:
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
