"""The summary as text on stdout: styled on a terminal, plain lines when piped."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from summarizer import Digest, Summary, SummarySentence

from .citations import Citations, display_path
from .safety import printable


def render_text(digest: Digest, console: Console, explain: bool = False) -> None:
    citations = Citations.of(digest)
    for number, summary in enumerate(digest.summaries):
        if number:
            console.print()
        _topic(summary, citations, console, explain)
    console.print()
    _sources(digest, citations, console)


def _topic(summary: Summary, citations: Citations, console: Console, explain: bool) -> None:
    heading = Text(printable(summary.topic.label), style="bold")
    if summary.method != "topical":
        heading.append(f"  ({summary.method})", style="dim")
    console.print(heading, soft_wrap=not console.is_terminal)
    if summary.message:
        console.print(Text("  " + printable(summary.message), style="italic dim"), soft_wrap=not console.is_terminal)
        return
    for item in summary.sentences:
        line = Text(printable(item.sentence.text))
        line.append(" " + citations.markers(item), style="cyan")
        _bullet(console, line, "-")
        if explain:
            _bullet(console, _why(item, citations), " ", style="dim")


def _why(item: SummarySentence, citations: Citations) -> Text:
    why = item.explanation
    terms = ", ".join(printable(t) for t in why.matched_terms) or "none"
    if why.related_terms:
        terms += " (related: " + ", ".join(printable(t) for t in why.related_terms) + ")"
    text = Text(
        f"why: matched {terms}; relevance {why.relevance:.2f}, centrality {why.centrality:.2f}, "
        f"redundancy {why.redundancy:.2f}, score {item.score:.4f}"
    )
    others = [citations.numbers[s.article_id] for s in item.sources[1:]]
    if others:
        text.append("; also said in " + ", ".join(f"[{n}]" for n in others))
    return text


def _bullet(console: Console, text: Text, marker: str, style: str = "") -> None:
    if console.is_terminal:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column(ratio=1)
        grid.add_row(Text(marker, style="bold"), text)
        console.print(grid, style=style)
    else:
        console.print(Text(f"  {marker} ") + text, soft_wrap=True)


def _sources(digest: Digest, citations: Citations, console: Console) -> None:
    console.print(Text("Sources", style="bold"), soft_wrap=not console.is_terminal)
    for article in citations.articles:
        line = Text(printable(article.title), style="bold" if console.is_terminal else "")
        line.append(" - " + (printable(article.date or "") or "undated"))
        location = article.url or (display_path(article.path) if article.path else None)
        if location:
            line.append(" - " + printable(location), style="dim")
        _bullet(console, line, f"[{citations.numbers[article.id]}]")
    unused = len(digest.articles) - len(citations.articles)
    if unused:
        plural = "article was" if unused == 1 else "articles were"
        console.print(Text(f"  {unused} other {plural} searched but not cited", style="dim"), soft_wrap=not console.is_terminal)
