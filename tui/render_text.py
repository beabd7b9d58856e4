"""The summary as text on stdout: styled on a terminal, plain lines when piped."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment, Segments
from rich.style import Style
from rich.table import Table
from rich.text import Text

from summarizer import Article, Digest, Summary, SummarySentence

from .citations import MARKERS_SHOWN, Citations, display_path, earlier_telling
from .safety import printable

NEW_TERMS_SHOWN = 8


class ReadNumbers:
    """The articles already read that explanations refer to, with their numbers (the same
    numbering as the cited ones: everything loaded, in Sources order)."""

    def __init__(self, digest: Digest, citations: Citations) -> None:
        self.by_id = {a.id: a for a in digest.read_articles}
        self.all = citations.numbers
        self.numbers: dict[str, int] = {}

    def __call__(self, article_id: str) -> int:
        return self.numbers.setdefault(article_id, self.all[article_id])

    def articles(self) -> list[tuple[int, Article]]:
        return sorted((n, self.by_id[i]) for i, n in self.numbers.items())


def render_text(digest: Digest, console: Console, explain: bool = False, heading: str | None = None) -> None:
    """The digest; ``heading`` (an update summary's baseline, e.g. ``new since Tue 14:02, 12
    articles``) comes first."""
    citations = Citations.of(digest)
    read_numbers = ReadNumbers(digest, citations)
    if heading:
        console.print(Text(printable(heading[:1].upper() + heading[1:]), style="bold"), soft_wrap=not console.is_terminal)
        console.print()
    for number, summary in enumerate(digest.summaries):
        if number:
            console.print()
        _topic(summary, citations, console, explain, read_numbers)
    console.print()
    _sources(digest, citations, console)
    if read_numbers.numbers:
        console.print()
        console.print(Text("Already read", style="bold"), soft_wrap=not console.is_terminal)
        for n, article in read_numbers.articles():
            _bullet(console, _source_line(article, console), f"[{n}]")


def _topic(summary: Summary, citations: Citations, console: Console, explain: bool, read_numbers: ReadNumbers) -> None:
    heading = Text(printable(summary.topic.label), style="bold")
    if summary.method != "topical":
        heading.append(f"  ({summary.method})", style="dim")
    console.print(heading, soft_wrap=not console.is_terminal)
    if summary.message:  # e.g. nothing new: --explain still names what was left out, below
        console.print(Text("  " + printable(summary.message), style="italic dim"), soft_wrap=not console.is_terminal)
    elif summary.caveat:
        console.print(Text("  " + printable(summary.caveat), style="italic"), soft_wrap=not console.is_terminal)
    for item in summary.sentences:
        line = Text(printable(item.sentence.text))
        line.append(" " + citations.markers(item), style="cyan")
        _bullet(console, line, "-")
        if explain:
            _bullet(console, _why(item, citations, read_numbers), " ", style="dim")
    if explain:
        for repeat in summary.repeats:
            text = Text(f"left out, already read in [{read_numbers(repeat.read.article_id)}] "
                        f"({repeat.similarity:.0%} of its content): " + printable(repeat.sentence.text))
            _bullet(console, text, " ", style="dim")


def _why(item: SummarySentence, citations: Citations, read_numbers: ReadNumbers | None = None) -> Text:
    why = item.explanation
    terms = ", ".join(printable(t) for t in why.matched_terms) or "none"
    if why.related_terms:
        terms += " (related: " + ", ".join(printable(t) for t in why.related_terms) + ")"
    text = Text(
        f"why: matched {terms}; relevance {why.relevance:.2f}, centrality {why.centrality:.2f}, "
        f"redundancy {why.redundancy:.2f}, score {item.score:.4f}"
    )
    if why.answers is not None:
        text.append(f"; answers {why.answers}")
    if why.retells is not None:
        text.append(f"; in place of an earlier telling: {printable(earlier_telling(why.retells.text))}")
    others = citations.sources(item)[1:]
    if others:
        shown = ", ".join(f"[{n}]" for n in others[:MARKERS_SHOWN * 3])
        more = len(others) - MARKERS_SHOWN * 3
        text.append("; also said in " + shown + (f" and {more} more" if more > 0 else ""))
    novelty = why.novelty
    if novelty is not None:
        shown = ", ".join(printable(t) for t in novelty.new_terms[:NEW_TERMS_SHOWN]) or "no new words"
        more = len(novelty.new_terms) - NEW_TERMS_SHOWN
        text.append(f"; new: {shown}" + (f" (+{more})" if more > 0 else ""))
        if novelty.closest_read is not None and read_numbers is not None:
            text.append(f"; {novelty.read_similarity:.0%} of it already read, in [{read_numbers(novelty.closest_read.article_id)}]")
    return text


def _source_parts(article: Article) -> tuple[str, str, str | None]:
    """(title, date, location) of a source, printable."""
    location = article.url or (display_path(article.path) if article.path else None)
    return printable(article.title), printable(article.date or "") or "undated", printable(location) if location else None


def _source_line(article: Article, console: Console) -> Text:
    title, date, location = _source_parts(article)
    line = Text(title, style="bold" if console.is_terminal else "")
    line.append(" - " + date)
    if location:
        line.append(" - " + location, style="dim")
    return line


def _bullet(console: Console, text: Text, marker: str, style: str = "", width: int = 3) -> None:
    if console.is_terminal:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=max(width, len(marker)), justify="right")  # a marker never wraps
        grid.add_column(ratio=1)
        grid.add_row(Text(marker, style="bold"), text)
        # A grid pads every line to its width: copied from the terminal, each line brought its
        # trailing spaces along. The lines are printed without them.
        segments: list[Segment] = []
        for line in console.render_lines(grid, style=Style.parse(style) if style else None, pad=False):
            while line and not line[-1].control and not line[-1].text.strip():
                line.pop()
            if line and not line[-1].control:
                line[-1] = Segment(line[-1].text.rstrip(), line[-1].style)
            segments += [*line, Segment.line()]
        console.print(Segments(segments), end="")
    else:
        console.print(Text(f"  {marker} ") + text, soft_wrap=True)


def _sources(digest: Digest, citations: Citations, console: Console) -> None:
    console.print(Text("Sources", style="bold"), soft_wrap=not console.is_terminal)
    width = len(f"[{citations.widest}]")
    if not console.is_terminal:  # one plain print: a story told by hundreds of outlets cites hundreds
        lines = []
        for article in citations.articles:
            title, date, location = _source_parts(article)
            lines.append(f"  [{citations.numbers[article.id]}] {title} - {date}" + (f" - {location}" if location else ""))
        if lines:
            console.print(Text("\n".join(lines)), soft_wrap=True)
    else:
        for article in citations.articles:
            _bullet(console, _source_line(article, console), f"[{citations.numbers[article.id]}]", width=width)
    unused = len(digest.articles) - len(citations.articles)
    if unused:
        plural = "article was" if unused == 1 else "articles were"
        console.print(Text(f"  {unused:,} other {plural} searched but not cited", style="dim"), soft_wrap=not console.is_terminal)
