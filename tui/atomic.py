"""Writing files atomically: the engine's one implementation (:mod:`summarizer.atomic`)."""

from summarizer.atomic import write_atomically

__all__ = ["write_atomically"]
