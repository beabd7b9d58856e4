"""What counts as a URL among the inputs: told apart without importing the fetching machinery."""

from __future__ import annotations


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://")) and len(text) > len("https://")
