"""Why a sentence was chosen, or, on a topic's heading, which articles it cited and which it never used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...citations import earlier_telling
from ...safety import printable
from ..counts import cited_phrase

if TYPE_CHECKING:
    from summarizer import Digest, Summary, SummarySentence

    from ...citations import Citations

LABEL_STYLE = "bold $text-primary"
NEVER_USED_SHOWN = 25
"""How many never-used articles to name before summing up the rest."""
NEW_TERMS_SHOWN = 12
"""How many of an update summary sentence's new words to name."""
SOURCES_SHOWN = 8
"""How many of a sentence's sources to name (a sentence of near-duplicates may have hundreds)."""


def bar(value: float, width: int = 5) -> str:
    """``value`` (0..1) as a bar of eighth blocks."""
    eighths = round(max(0.0, min(1.0, value)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("\u2588" * full + (" \u258f\u258e\u258d\u258c\u258b\u258a\u2589"[part] if part else "")).ljust(width)


class ExplanationPanel(VerticalScroll, can_focus=False):
    """The explanation of whatever the summary's cursor is on (the screen calls ``show_*``)."""

    DEFAULT_CSS = """
    ExplanationPanel > Static {
        width: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(markup=False)

    @property
    def text(self) -> str:
        """What the panel says, as plain text (for tests)."""
        content = self.query_one(Static).content
        return content.plain if isinstance(content, Content) else str(content)

    def _update(self, content: Content) -> None:
        shown = self.query(Static)
        if not shown:
            return  # not composed yet, or being removed (a browser tab closed while its app started)
        shown.first().update(content)
        self.scroll_home(animate=False)

    def clear(self, message: str = "") -> None:
        self._update(Content.styled(message, "dim italic"))

    def show_sentence(
        self, summary: Summary, item: SummarySentence, position: int, digest: Digest, citations: Citations
    ) -> None:
        why = item.explanation
        label = printable(summary.topic.label)
        # "Aid, sentence 1 of 4"; a question ends with its own mark: "Who leads the talks?" then the count.
        joint = "\n" if label.rstrip().endswith(("?", "!", ".")) else ", "
        parts: list[Content | str | tuple[str, str]] = [
            (label, LABEL_STYLE),
            f"{joint}sentence {position + 1} of {len(summary.sentences)}\n",
            ("Matched terms\n", LABEL_STYLE),
            (", ".join(printable(t) for t in why.matched_terms) or "none (chosen for centrality)") + "\n",
        ]
        for name, value in (("relevance", why.relevance), ("centrality", why.centrality),
                            ("redundancy", why.redundancy)):
            parts += [f"{name:<10} {value:4.2f} ", (bar(value), "$text-accent"), "\n"]
        parts += [f"{'score':<10} {item.score:4.2f}\n"]
        if why.answers is not None:  # a typed question's answer: why it comes before more relevant ones
            parts += [("Answers ", LABEL_STYLE), f"{why.answers}\n"]
        if why.retells is not None:  # a later telling, shown in place of an earlier one now out of date
            earlier = {a.id: a for a in digest.articles}.get(why.retells.article_id)
            parts += [("In place of an earlier telling\n", LABEL_STYLE), printable(earlier_telling(why.retells.text)),
                      f" ({printable(earlier.date)})\n" if earlier is not None and earlier.date else "\n"]
        novelty = why.novelty
        if novelty is not None:  # an update summary: what the sentence adds to what was read
            shown = ", ".join(printable(t) for t in novelty.new_terms[:NEW_TERMS_SHOWN]) or "none"
            more = len(novelty.new_terms) - NEW_TERMS_SHOWN
            parts += [("New words\n", LABEL_STYLE), shown + (f" and {more} more" if more > 0 else "") + "\n"]
            if novelty.closest_read is not None:
                read = {a.id: a for a in digest.read_articles}.get(novelty.closest_read.article_id)
                title = printable(read.title) if read else novelty.closest_read.article_id
                parts.append(f"{novelty.read_similarity:.0%} of it already read, in {title}\n")
        numbers = citations.sources(item)  # its own article first, then the others by number
        by_number = {n: a for a, n in ((a, citations.numbers.get(a.id)) for a in digest.articles) if n in numbers}
        parts.append((f"Sources ({len(numbers)})\n", LABEL_STYLE))
        for n, number in enumerate(numbers[:SOURCES_SHOWN]):
            article = by_number.get(number)
            title = printable(article.title) if article else "?"
            note = "" if n == 0 else " (says the same)"
            parts += [(f"[{number}] ", "bold $text-secondary"), f"{title}{note}\n"]
        if len(numbers) > SOURCES_SHOWN:
            parts.append((f"and {len(numbers) - SOURCES_SHOWN} more\n", "dim"))
        self._update(Content.assemble(*parts).rstrip())

    def show_topic(self, summary: Summary, digest: Digest, citations: Citations, asked: int | None = None) -> None:
        """``citations``: the topic's own (see :func:`tui.app.counts.topic_citations`); ``asked``: how
        many sentences were asked for (None: a word budget)."""
        topic = summary.topic
        cited = citations.articles
        cited_ids = {a.id for a in cited}
        unused = [a for a in digest.articles if a.id not in cited_ids]
        label, description = topic.label, topic.description
        if description and description.startswith(label.removesuffix("...")):
            label, description = description, None  # a query: its label is its question, said once
        parts: list[Content | str | tuple[str, str]] = [(printable(label) + "\n", LABEL_STYLE)]
        if description:
            parts.append(printable(description) + "\n")
        parts += [
            ("Keywords ", LABEL_STYLE),
            (printable(", ".join(topic.keywords)) if topic.keywords else "the words the articles' titles share") + "\n",
            *((("In context ", LABEL_STYLE), printable(", ".join(topic.context)) + "\n") if topic.context else ()),
            f"{summary.candidates:,} matching sentences in {summary.articles:,} articles\n",
            *((f"{len(summary.sentences)} of {asked} sentences: the others repeat these or are far less relevant\n",)
              if asked and 0 < len(summary.sentences) < asked else ()),
            *((f"{len(summary.repeats)} left out as already read\n",) if summary.repeats else ()),
            cited_phrase(len(cited), len(digest.articles)) + "\n",
            (f"Cited ({len(cited)})\n", LABEL_STYLE),
        ]
        for article in cited:
            parts += [(f"[{citations.numbers.get(article.id, 0)}] ", "bold $text-secondary"),
                      printable(article.title) + "\n"]
        if not cited:
            parts.append(("none\n", "dim"))
        parts.append((f"Never used ({len(unused)})\n", LABEL_STYLE))
        for article in unused[:NEVER_USED_SHOWN]:
            parts.append(f"- {printable(article.title)}\n")
        if len(unused) > NEVER_USED_SHOWN:
            parts.append((f"and {len(unused) - NEVER_USED_SHOWN} more\n", "dim"))
        if not unused:
            parts.append(("none: every article was cited\n", "dim"))
        self._update(Content.assemble(*parts).rstrip())
