"""The merged summary: a heading per topic, one sentence per item, ``[n]`` source markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...safety import printable
from ..counts import cited_phrase, plural
from .navigation import CURSOR_BINDINGS

if TYPE_CHECKING:
    from summarizer import Digest, Summary, SummarySentence

    from ...citations import Citations

TERM_STYLE = "bold underline $text-accent"
"""Where a sentence says one of its topic's terms."""
MATCH_STYLE = "reverse $text-warning"
"""Where a sentence matches the search."""
MARKER_STYLE = "$text-secondary"
HEADING_STYLE = "bold $text-primary"


@dataclass(frozen=True)
class Entry:
    """What one option of the list stands for."""

    kind: Literal["note", "topic", "sentence", "message"]
    summary: Summary | None
    item: SummarySentence | None = None
    position: int = 0
    """The sentence's place in its topic's summary (0-based)."""

    @property
    def key(self) -> tuple:
        """Identifies the entry across digests (to keep the cursor where it was)."""
        if self.item is not None:
            s = self.item.sentence
            return ("sentence", self.summary.topic.name if self.summary else "", s.article_id, s.index)
        return (self.kind, self.summary.topic.name if self.summary else "")


def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole words, any case, longest first."""
    words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


class SummaryView(OptionList):
    """The digest, grouped by topic; the cursor picks a sentence (or a topic's heading).

    | Key(s) | Description |
    | :- | :- |
    | enter | Open the sentence's article (click does the same). |
    | down, j / up, k | Next / previous sentence. |
    | home, g / end, G | First / last sentence. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *CURSOR_BINDINGS,
        Binding("enter", "select", "Open", tooltip="Open the article, the sentence highlighted"),
    ]

    digest: var[Digest | None] = var(None, always_update=True)
    """The digest on show (set by the screen)."""
    citations: var[Citations | None] = var(None, always_update=True)
    """Source numbers for ``digest`` (set with it)."""
    topic_citations: var[dict[str, Citations]] = var(dict, always_update=True)
    """Each topic's own citations, by topic name, for its heading's counts (set with ``digest``)."""
    search: var[str] = var("")
    """Text to find in the sentences; matches are shown and ``next_match`` goes to them."""
    asked: var[int | None] = var(None)
    """How many sentences a summary was asked for (set by the screen), or None for a word budget."""
    note: var[Content | None] = var(None)
    """A line above the summary (set by the screen): what the view shows, e.g. ``New since Tue 14:02 · 12 articles``."""

    class SentenceHighlighted(Message):
        def __init__(self, summary: Summary, item: SummarySentence, position: int) -> None:
            super().__init__()
            self.summary = summary
            self.item = item
            self.position = position

    class TopicHighlighted(Message):
        def __init__(self, summary: Summary) -> None:
            super().__init__()
            self.summary = summary

    class SentenceOpened(Message):
        def __init__(self, summary: Summary, item: SummarySentence) -> None:
            super().__init__()
            self.summary = summary
            self.item = item

    class MatchesChanged(Message):
        """The search found ``count`` sentences; the cursor is on match ``current`` (1-based) or none."""

        def __init__(self, search: str, count: int, current: int | None) -> None:
            super().__init__()
            self.search = search
            self.count = count
            self.current = current

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._entries: list[Entry] = []
        self._matches: list[int] = []

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries)

    @property
    def current(self) -> Entry | None:
        """The entry under the cursor."""
        if self.highlighted is None or self.highlighted >= len(self._entries):
            return None
        return self._entries[self.highlighted]

    @property
    def matches(self) -> tuple[int, ...]:
        """Option indices of the sentences matching ``search``."""
        return tuple(self._matches)

    def watch_digest(self) -> None:
        self._rebuild()

    def watch_note(self) -> None:
        if self.digest is not None:
            self._rebuild()

    def watch_search(self) -> None:
        self._rebuild()
        self._post_matches()

    def _rebuild(self) -> None:
        previous = self.current.key if self.current else None
        digest, citations = self.digest, self.citations
        entries: list[Entry] = []
        options: list[Option | None] = []
        search = re.compile(re.escape(self.search), re.IGNORECASE) if self.search.strip() else None
        self._matches = []
        if digest is not None and citations is not None:
            if self.note is not None:
                entries.append(Entry("note", None))
                options.append(Option(self.note, disabled=True))
            if not digest.summaries:
                entries.append(Entry("message", None))
                options.append(Option(
                    Content.styled("No topic selected: check one in the topic list (space).", "italic"),
                    disabled=True,
                ))
            for n, summary in enumerate(digest.summaries):
                if n:
                    options.append(None)
                entries.append(Entry("topic", summary))
                options.append(Option(self._heading(summary, digest, self.topic_citations.get(summary.topic.name),
                                                    self.asked)))
                if summary.message:
                    entries.append(Entry("message", summary))
                    options.append(Option(
                        # The model's own words ("no sentence about security fits in 5 words", "nothing new
                        # about aid…"): a prefix such as "No matching sentence" would contradict them.
                        Content.styled(_sentence(printable(summary.message)), "italic $text-warning"),
                        disabled=True,
                    ))
                if summary.caveat:  # a question the articles barely cover: say so above the sentences
                    entries.append(Entry("message", summary))
                    options.append(Option(
                        Content.styled(printable(summary.caveat[:1].upper() + summary.caveat[1:]), "italic $text-warning"),
                        disabled=True,
                    ))
                for position, item in enumerate(summary.sentences):
                    prompt = self._sentence(item, citations, search)
                    if search and search.search(prompt.plain):
                        self._matches.append(len(entries))
                    entries.append(Entry("sentence", summary, item, position))
                    options.append(Option(prompt))
        self._entries = entries
        keys = [e.key for e in entries]
        if previous in keys:
            target = keys.index(previous)
        elif previous and ("topic", previous[1]) in keys:
            target = keys.index(("topic", previous[1]))
        else:
            target = next((i for i, e in enumerate(entries) if e.kind == "sentence"), None)
            if target is None:
                target = next((i for i, e in enumerate(entries) if e.kind == "topic"), None)
        fresh = previous not in keys and not (previous and ("topic", previous[1]) in keys)
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            self.highlighted = target
        if fresh:
            # A fresh start on the first sentence: its topic's heading above it stays in view,
            # whatever size the list had when the highlight first scrolled it.
            self.call_after_refresh(self.scroll_to, y=0, animate=False, immediate=True)
        else:
            # The same sentence, now elsewhere in a list of another height: still on screen.
            self.call_after_refresh(self.scroll_to_highlight)
        if target is not None:
            self._announce(target)

    @staticmethod
    def _heading(summary: Summary, digest: Digest, citations: Citations | None, asked: int | None) -> Content:
        """``Aid  4 sentences, 2 of 2 articles cited``: the topic's counts from the citation model;
        ``4 of 8 sentences`` when fewer than ``asked`` were worth showing."""
        cited = len(citations.articles) if citations is not None else 0
        count = len(summary.sentences)
        shown = f"{count} of {plural(asked, 'sentence')}" if asked and 0 < count < asked else plural(count, "sentence")
        detail = f"  {shown}, {cited_phrase(cited, len(digest.articles))}"
        return Content.assemble((printable(summary.topic.label), HEADING_STYLE), (detail, "dim"))

    @staticmethod
    def _sentence(item: SummarySentence, citations: Citations, search: re.Pattern[str] | None) -> Content:
        text = Content(printable(item.sentence.text))
        pattern = terms_pattern(item.explanation.matched_terms)
        if pattern is not None:
            text = text.highlight_regex(pattern, style=TERM_STYLE)
        # A handful of markers, the rest folded ("+37 more"), as the CLI prints them. The run of
        # markers has no space in it, so a line breaks before it or after it, never inside.
        markers = Content.styled(citations.markers(item), MARKER_STYLE)
        content = Content.assemble("• ", text, " ", markers)
        if search is not None:
            content = content.highlight_regex(search, style=MATCH_STYLE)
        return content

    def on_resize(self) -> None:
        """Fewer rows (the sources grew below, the terminal shrank): the cursor stays on screen, so
        that Enter opens the sentence the Why panel explains."""
        self.call_after_refresh(self.scroll_to_highlight)

    def show_topic(self, name: str) -> bool:
        """Put the cursor on a topic's first sentence (on its heading when it has none), the heading
        scrolled to the top of the view: Enter opens what the reader just asked for."""
        index = next((i for i, e in enumerate(self._entries)
                      if e.kind == "topic" and e.summary and e.summary.topic.name == name), None)
        if index is None:
            return False
        self.highlighted = index
        self.call_after_refresh(self._below_heading, index)
        return True

    def _below_heading(self, heading: int) -> None:
        self.scroll_to_highlight(top=True)
        if heading + 1 < len(self._entries) and self._entries[heading + 1].kind == "sentence":
            self.highlighted = heading + 1  # just below the heading at the top: no scroll

    def first_match(self) -> bool:
        """Move the cursor to the first sentence matching the search (from the top)."""
        if not self._matches:
            return False
        self.highlighted = self._matches[0]
        self._post_matches()
        return True

    def next_match(self, direction: int = 1) -> bool:
        """Move the cursor to the next (or previous) sentence matching the search."""
        if not self._matches:
            return False
        here = self.highlighted if self.highlighted is not None else -1
        if direction > 0:
            target = next((i for i in self._matches if i > here), self._matches[0])
        else:
            target = next((i for i in reversed(self._matches) if i < here), self._matches[-1])
        self.highlighted = target
        self._post_matches()
        return True

    def _post_matches(self) -> None:
        current = self._matches.index(self.highlighted) + 1 if self.highlighted in self._matches else None
        self.post_message(self.MatchesChanged(self.search, len(self._matches), current))

    def _announce(self, index: int) -> None:
        entry = self._entries[index]
        if entry.kind == "sentence" and entry.summary and entry.item:
            self.post_message(self.SentenceHighlighted(entry.summary, entry.item, entry.position))
        elif entry.kind == "topic" and entry.summary:
            self.post_message(self.TopicHighlighted(entry.summary))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self._entries):
            self._announce(event.option_index)
            if self.search:
                self._post_matches()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entries[event.option_index] if event.option_index < len(self._entries) else None
        if entry and entry.kind == "sentence" and entry.summary and entry.item:
            self.post_message(self.SentenceOpened(entry.summary, entry.item))


def _sentence(message: str) -> str:
    """A message as a sentence of its own: capitalised, with a full stop."""
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
