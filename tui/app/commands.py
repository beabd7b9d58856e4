"""The command palette (ctrl+p): every action bound to a key, and a toggle for each topic.

The actions come from the same ``BINDINGS`` as the footer and the help screen, so a command has
one definition: its key, its name (the binding's description) and its help (the tooltip).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.dom import DOMNode

from ..safety import printable

Command = tuple[str, str, Callable[[], object]]
"""(name, help, callback)."""


def highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` with the letters the query matched highlighted, never read as markup."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class NewsdigestCommands(Provider):
    """Commands for the screen the palette was opened on."""

    def commands(self) -> Iterator[Command]:
        for node in (self.screen, self.app):
            yield from self._binding_commands(node)
        yield from self._topic_commands()

    def _binding_commands(self, node: DOMNode) -> Iterator[Command]:
        seen: set[str] = set()
        for binding in node.BINDINGS:
            if isinstance(binding, tuple):
                binding = Binding(*binding)
            if not binding.description or binding.system or binding.action in seen:
                continue
            seen.add(binding.action)
            name, _, parameters = binding.action.partition("(")
            if node.check_action(name, ()) is not True:
                continue  # not possible now (e.g. still loading)
            keys = " ".join(self.app.get_key_display(binding.with_key(k.strip())) for k in binding.key.split(","))
            help_text = f"{binding.tooltip or binding.description}  [{keys}]".replace("[", "\\[")
            yield binding.description, help_text, partial(node.run_action, binding.action)

    def _topic_commands(self) -> Iterator[Command]:
        from .widgets.topic_list import TopicList

        # Asked of the screen rather than by its class: the main screen imports this module's app.
        screen = self.screen
        lists = screen.query(TopicList)
        if not lists or not getattr(screen, "loaded", False):
            return
        topics = lists.first()
        checked = set(topics.checked)
        session_topics = self.app.session.topics  # type: ignore[attr-defined]
        for name in topics.names:
            topic = session_topics.get(name)
            label = printable(topic.label) if topic else name
            state = "on" if name in checked else "off"
            yield (f"Topic: {label}", f"Turn this topic {'off' if state == 'on' else 'on'} (now {state})",
                   partial(screen.run_action, f"toggle_topic({name!r})"))
            yield (f"Only: {label}", "Show this topic alone: turn every other one off",
                   partial(screen.run_action, f"only_topic({name!r})"))

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), callback, text=name, help=help_text)
