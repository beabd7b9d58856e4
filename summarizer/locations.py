"""Where newsdigest keeps the user's files, by the XDG base directory rules."""

from __future__ import annotations

import os
from pathlib import Path


def config_file(name: str, override: str) -> Path:
    """``$<override>`` when set (tests and users point it elsewhere), else
    ``$XDG_CONFIG_HOME/newsdigest/<name>`` (``~/.config`` when unset)."""
    chosen = os.environ.get(override)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "newsdigest" / name
