"""The footer of every screen: Textual's, made again at most once per frame."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer, its keys made again at most once per frame, and shown from the start.

    Textual's footer makes all its keys again each time a screen's bindings change, and they
    change several times in one frame (focus, the screen's state, a resize): 11 times between the
    launch and the first summary on screen. This one waits for the frame and makes them once.
    """

    _recompose_pending = False
    _had_focus = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not self.is_attached or screen is not self.screen:
            return
        if screen.app.app_focus:
            self._had_focus = True
        elif self._had_focus:
            # As Textual's: losing focus unfocuses the panel, whose keys would go. Not before the app
            # ever had focus: a browser tab opened behind another (newsdigest serve) showed no key
            # until the first key press, and kept the loading screen's keys after the summary came.
            return
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        await self.recompose()
