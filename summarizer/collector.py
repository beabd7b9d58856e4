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
