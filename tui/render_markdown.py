"""The summary as Markdown: one section per topic, numbered sources at the end."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from summarizer import Digest

from .citations import Citations, display_path, earlier_telling
from .safety import printable

# Characters that CommonMark (or inline HTML) would interpret anywhere in article text: emphasis,
# code, links and images, HTML and autolinks. Others are escaped only where they act: a line-start
# marker, an entity reference, a strikethrough pair. Nothing else gets a backslash a reader sees.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^([#>+\-=]|\d{1,9}[.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_STRIKE = re.compile(r"~~")
# Only web addresses become links; "javascript:" and the like are shown as text.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)


def escape(text: str) -> str:
    """``text`` as CommonMark shows it literally, with as few backslashes as that takes."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))
    text = _STRIKE.sub(r"\\~\\~", _ENTITY.sub("&amp;", text))
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def render_markdown(
    digest: Digest,
    explain: bool = False,
    heading: str | None = None,
    settings: Mapping[str, object] | None = None,
    title: str = "News digest",
) -> str:
    """The digest as CommonMark: a title and a line of ``settings`` (method, sentences or words,
    order) with the date and the sources, then ``heading`` (an update summary's baseline) in
    italics, one section per topic and the numbered sources."""
    citations = Citations.of(digest)
    read_numbers: dict[str, int] = {}
    by_id = {a.id: a for a in digest.read_articles}

    def read_number(article_id: str) -> int:
        return read_numbers.setdefault(article_id, citations.numbers[article_id])

    lines: list[str] = [f"# {escape(title)}", ""]
    about = [", ".join(escape(s.topic.label) for s in digest.summaries) or "no topic"]
    if settings:
        length = (f"{settings['words']} words" if settings.get("words") else f"{settings.get('sentences')} sentences")
        about += [f"method {escape(str(settings.get('method')))}", f"{length} per topic",
                  f"{escape(str(settings.get('order')))} order"]
    cited = len(citations.articles)
    about += [f"{cited:,} of {len(digest.articles):,} article{'s' if len(digest.articles) != 1 else ''} cited",
              date.today().isoformat()]
    lines += ["*" + " · ".join(about) + "*", ""]
    if heading:
        lines += [f"*{escape(heading[:1].upper() + heading[1:])}*", ""]
    for summary in digest.summaries:
        lines += [f"## {escape(summary.topic.label)}", ""]
        if summary.message:  # e.g. nothing new: --explain still names what was left out, below
            lines.append(f"*{escape(summary.message)}*")
        elif summary.caveat:
            lines += [f"*{escape(summary.caveat)}*", ""]
        for item in summary.sentences:
            lines.append(f"- {escape(item.sentence.text)} {citations.markers(item)}")
            if explain:
                why = item.explanation
                terms = escape(", ".join(why.matched_terms)) or "none"
                if why.related_terms:
                    terms += f" (related: {escape(', '.join(why.related_terms))})"
                # As the text output says it: the score is what chose the sentence.
                line = (
                    f"  - *why:* matched {terms}; relevance {why.relevance:.2f}, centrality {why.centrality:.2f}, "
                    f"redundancy {why.redundancy:.2f}, score {item.score:.4f}"
                )
                if why.answers is not None:
                    line += f"; answers {why.answers}"
                if why.retells is not None:
                    line += f"; in place of an earlier telling: {escape(earlier_telling(why.retells.text))}"
                if why.novelty is not None:
                    line += f"; new: {escape(', '.join(why.novelty.new_terms[:8])) or 'no new words'}"
                    if why.novelty.closest_read is not None:
                        line += (f"; {why.novelty.read_similarity:.0%} of it already read, in "
                                 f"[{read_number(why.novelty.closest_read.article_id)}]")
                lines.append(line)
        if explain:
            for repeat in summary.repeats:
                lines += ["", (f"*Left out, already read in [{read_number(repeat.read.article_id)}]:* "
                               f"{escape(repeat.sentence.text)}")]
        lines.append("")
    lines += ["## Sources", ""]
    for article in citations.articles:
        # Bullets, not an ordered list: CommonMark renumbers "49. ... 56. ..." as 49, 50.
        entry = f"- [{citations.numbers[article.id]}] {escape(article.title)} ({escape(article.date or 'undated')})"
        url = printable(article.url or "")
        if _WEB_ADDRESS.fullmatch(url):
            entry += f", <{url}>"
        elif url:
            entry += f", {escape(url)}"
        elif article.path:
            entry += f", {_code(printable(display_path(article.path)))}"
        lines.append(entry)
    unused = len(digest.articles) - len(citations.articles)
    if unused:  # as the text says: with a budget no sentence fits, the only line under Sources
        if citations.articles:
            lines.append("")
        lines.append(f"*{unused:,} other {'article was' if unused == 1 else 'articles were'} searched but not cited*")
    if read_numbers:
        lines += ["", "## Already read", ""]
        for article_id, number in sorted(read_numbers.items(), key=lambda item: item[1]):
            article = by_id[article_id]
            entry = f"- [{number}] {escape(article.title)} ({escape(article.date or 'undated')})"
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
