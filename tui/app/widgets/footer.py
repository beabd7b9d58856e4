"""The footer of every screen: Textual's, made again at most once per frame."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer, its keys made again at most once per frame.

    Textual's footer makes all its keys again each time a screen's bindings change, and they
    change several times in one frame (focus, the screen's state, a resize): 11 times between the
    launch and the first summary on screen. This one waits for the frame and makes them once.
    """

    _recompose_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        await self.recompose()
