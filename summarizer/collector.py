"""Cyclic garbage collection paused while many objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: each full collection walks every object made so far,
    so making a corpus's hundred thousand objects (or numbering and printing their Sources) grew
    faster than the corpus. What is made inside is freed by reference counts as usual; the
    collector is on again after, if it was before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def release_freed_memory() -> None:
    """Give the memory freed so far back to the system (glibc's ``malloc_trim``; nothing elsewhere).

    A first run reads a chunk of articles at a time and lets each go, but the allocator keeps the
    pages it freed between live objects (a chunk's texts and arrays interleave with the catalogue,
    which stays): at 10,000 articles a process held some 250 MB more than it used. Called between
    chunks, the next chunk reuses what the last one held instead of growing the process."""
    global _trim
    if _trim is None:
        try:
            import ctypes

            _trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError, TypeError):  # not glibc (TypeError: no CDLL(None) on Windows)
            _trim = False
    if _trim:
        _trim(0)


_trim = None
