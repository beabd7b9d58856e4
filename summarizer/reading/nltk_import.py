"""Importing NLTK without scipy.stats: the one door every NLTK import of the engine goes through.

``import nltk`` runs ``nltk/__init__``, which imports ``nltk.metrics.association``, which does
``try: from scipy.stats import fisher_exact`` (and ``nltk.metrics.scores`` ``scipy.stats.stats``):
about 0.45 s of a 0.75 s import, paid by every worker process of a cold index build and by the
main process when it stems a new word. We use Punkt and the Snowball stemmer, never those
statistics, and nothing of ours imports scipy.stats. So the first NLTK import runs with
``sys.modules["scipy.stats"] = None`` (Python then raises ImportError for it, which NLTK catches
and replaces with stubs it only calls for association measures), and the entry is removed right
after: a later ``import scipy.stats`` by anyone works as usual.

Call :func:`load_nltk` before any ``import nltk...`` or ``import sumy...`` that may be the first.
"""

from __future__ import annotations

import sys
import threading

_lock = threading.Lock()  # the app stems in worker threads: one of them imports, the others wait
_loaded = False


def load_nltk() -> None:
    """Import NLTK once per process, without scipy.stats (idempotent, thread-safe)."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        if "nltk" in sys.modules or "scipy.stats" in sys.modules:
            import nltk  # noqa: F401  (already imported, or scipy.stats is: nothing to save)
        else:
            sys.modules["scipy.stats"] = None  # type: ignore[assignment]
            try:
                import nltk  # noqa: F401
            finally:
                if sys.modules.get("scipy.stats", 0) is None:
                    del sys.modules["scipy.stats"]
        _loaded = True
