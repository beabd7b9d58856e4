"""The summary as Markdown: one section per topic, numbered sources at the end."""

from __future__ import annotations

import re

from summarizer import Digest

from .citations import Citations
from .safety import printable

# Characters that Markdown (or inline HTML) would interpret in article text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~&])")


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))


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
        if article.url:
            entry += f", <{printable(article.url).replace('>', '%3E')}>"
        elif article.path:
            entry += f", `{printable(article.path).replace('`', '')}`"
        lines.append(entry)
    return "\n".join(lines) + "\n"
