"""The topics as a list of checkboxes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from ...safety import printable
from .navigation import CURSOR_BINDINGS

if TYPE_CHECKING:
    from summarizer import Topic


class TopicList(SelectionList[str]):
    """Every topic available, checked when it is in the summary: ``X`` in its box, an empty box when
    not (said by the mark, not by colour alone).

    | Key(s) | Description |
    | :- | :- |
    | space, enter | Turn the highlighted topic on or off. |
    | f | Only the highlighted topic (focus on it): turn every other one off. |
    | down, j / up, k | Next / previous topic. |
    | home, g / end, G | First / last topic. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *CURSOR_BINDINGS,
        Binding("space,enter", "select", "Toggle", tooltip="Turn the highlighted topic on or off"),
        Binding("f", "only", "Only this", tooltip="Focus on the highlighted topic: turn every other one off"),
    ]

    class Changed(Message):
        """The reader turned a topic on or off."""

        def __init__(self, topic_list: TopicList, selected: tuple[str, ...]) -> None:
            super().__init__()
            self.topic_list = topic_list
            self.selected = selected
            """Names of the checked topics, in list order."""

        @property
        def control(self) -> TopicList:
            return self.topic_list

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("select", "only") and not self.option_count:
            return False  # no topic yet (loading): the footer does not offer to toggle one
        return super().check_action(action, parameters)

    def action_only(self) -> None:
        """Check the highlighted topic alone (a question just added, among six others); posts Changed once."""
        if self.highlighted is None:
            return
        self.show_only(self.get_option_at_index(self.highlighted).value)

    def show_only(self, name: str) -> None:
        """Check the topic ``name`` alone; posts Changed once."""
        with self.prevent(SelectionList.SelectedChanged):
            self.deselect_all()
            self.select(name)
        self.post_message(self.Changed(self, self.checked))

    def set_topics(self, topics: Sequence[Topic], selected: Iterable[str]) -> None:
        """Show ``topics``, checking those named in ``selected`` (does not post Changed)."""
        chosen = set(selected)
        highlighted = self.highlighted
        with self.prevent(SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options([Selection(self._prompt(t), t.name, t.name in chosen) for t in topics])
        self.refresh_bindings()
        if self.option_count:
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    def add_topic(self, topic: Topic) -> None:
        """Put a topic first, checked and highlighted; posts Changed.

        A question just asked comes first (held-out audit 19: appended after the ticked topics, its
        answer came after fifteen sentences of others): the summary follows the list's order, so
        its answer is at the top of the summary, where the reader looks.
        """
        checked = set(self.selected)
        others = [Selection(option.prompt, option.value, option.value in checked) for option in self.options]
        with self.prevent(SelectionList.SelectedChanged):
            self.clear_options()
            self.add_options([Selection(self._prompt(topic), topic.name, True), *others])
        self.highlighted = 0
        self.scroll_to(y=0, animate=False)
        self.refresh_bindings()
        self.post_message(self.Changed(self, self.checked))

    def render_line(self, y: int) -> Strip:
        """Textual's checkbox before an option's first line (its mark blanked when the topic is not
        checked), the gutter left blank before the lines a long label wraps onto.

        Textual's ``SelectionList`` draws one line per option (its ``render_line`` takes line ``y``
        for option ``y``); a topic's label wraps here, so that "Rescue on the lake · file" and two
        questions that start alike are read whole (held-out audit 19), and the lines are mapped
        to their options as ``OptionList`` lays them out.
        """
        line = OptionList.render_line(self, y)  # the label's line, wrapped as OptionList lays it out
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
            selection = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):  # a line below the last option
            return line
        underlying = next(iter(line)).style or self.rich_style
        gutter = self._get_left_gutter_width()
        if offset:
            return Strip([Segment(" " * gutter, underlying), *line], line.cell_length + gutter)
        component = "selection-list--button"
        if selection.value in self._selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        meta = Style(meta={"option": index})
        button = self.get_component_rich_style(component) + meta
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + meta
        checked = selection.value in self._selected
        inner = ToggleButton.BUTTON_INNER if checked else " " * len(ToggleButton.BUTTON_INNER)
        return Strip([
            Segment(ToggleButton.BUTTON_LEFT, side),
            Segment(inner, button),
            Segment(ToggleButton.BUTTON_RIGHT, side),
            Segment(" ", underlying),
            *line,
        ], line.cell_length + gutter)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The lines the labels take, wrapped beside the checkbox (``OptionList`` counts them as if
        the labels had the checkbox's columns too, and a last wrapped line was hidden)."""
        return super().get_content_height(container, viewport, width - self._get_left_gutter_width())

    @property
    def names(self) -> tuple[str, ...]:
        """Every topic's name, in list order."""
        return tuple(option.value for option in self.options)  # type: ignore[attr-defined]

    @property
    def checked(self) -> tuple[str, ...]:
        """The checked topics' names, in list order."""
        selected = set(self.selected)
        return tuple(name for name in self.names if name in selected)

    @staticmethod
    def _prompt(topic: Topic) -> Content:
        label = Content(printable(topic.label))
        if topic.origin == "built-in":
            return label
        origin = "query" if topic.origin == "query" else "file"
        return Content.assemble(label, (f" \u00b7 {origin}", "dim italic"))

    def _on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.checked))
