"""Driving the app headless, for the tests and the latency benchmark alike."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerState


async def settle(app: App, pilot: Pilot, rounds: int = 100) -> None:
    """Wait until no worker runs and the messages they posted are handled."""
    for _ in range(rounds):
        await pilot.pause()
        busy = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not busy:
            await pilot.pause()
            return
        await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
    raise AssertionError("workers did not finish")


async def run_command(app: App, pilot: Pilot, name: str) -> None:
    """Run the command palette's command ``name`` as a reader would: ctrl+p, type it, enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*name)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(app, pilot)
