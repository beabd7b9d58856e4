import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_config(tmp_path_factory, monkeypatch):
    """Tests never read the user's topics file or cache."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("NEWSDIGEST_TOPICS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ARTICLE = (
    "Ceasefire talks resume in Geneva\n\n"
    "GENEVA (AP) -- Negotiators from both sides met in Geneva on Monday to resume ceasefire talks "
    "brokered by Swiss mediators. The talks are the first in three months.\n\n"
    "A convoy of 40 trucks carrying food and medicine reached the besieged city, aid agencies said. "
    "More humanitarian deliveries are planned for next week.\n"
)
