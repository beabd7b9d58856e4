"""The JSON form on stdout: ``json.dumps(data, indent=2, ensure_ascii=True)``, byte for byte, faster.

Python encodes indented JSON in Python (its C encoder cannot indent), which took 0.8 s for the
100,000 entries of a large corpus's ``articles`` list. Those entries (and the excluded spans') are
flat: strings, numbers and nulls. They are encoded by the C encoder with the indentation written
into its item separator, and the rest of the document by ``json.dumps`` around placeholders.
"""

from __future__ import annotations

import json
import uuid
from itertools import chain
from typing import Any

INDENT = 2

FLAT_LISTS = ("articles", "read_articles", "excluded")
"""Top-level keys whose values are lists of flat objects (see summarizer/schema.py)."""


def render_json(data: dict[str, Any]) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=True)``."""
    token = uuid.uuid4().hex
    lists: dict[str, str] = {}
    shell = dict(data)
    for key in FLAT_LISTS:
        value = data.get(key)
        if isinstance(value, list) and value and _all_flat(value):
            placeholder = f"{token}:{key}"
            lists[json.dumps(placeholder)] = _flat_list(value, level=1)
            shell[key] = placeholder
    out = json.dumps(shell, indent=INDENT, ensure_ascii=True)
    for placeholder, rendered in lists.items():
        out = out.replace(placeholder, rendered, 1)
    return out


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _all_flat(entries: list) -> bool:
    """Whether every entry is a non-empty object of scalars (checked by C-level loops: 100,000 entries)."""
    return all(type(e) is dict and e for e in entries) and _SCALARS.issuperset(
        map(type, chain.from_iterable(e.values() for e in entries))
    )


def _flat_list(entries: list[dict[str, Any]], level: int) -> str:
    """A list at ``level`` of non-empty flat objects, as ``json.dumps(..., indent=2)`` lays it out."""
    outer, entry, inner = (" " * (INDENT * n) for n in (level, level + 1, level + 2))
    between = ",\n" + inner
    # One C call with the objects' item separator; between two objects it writes "}" + between +
    # "{", which only objects' braces can give (strings hold no raw newline, values no brace):
    # those become the lines of the list's own layout.
    encoded = json.JSONEncoder(ensure_ascii=True, check_circular=False, separators=(between, ": ")).encode(entries)
    body = encoded[2:-2].replace("}" + between + "{", f"\n{entry}}},\n{entry}{{\n{inner}")
    return f"[\n{entry}{{\n{inner}{body}\n{entry}}}\n{outer}]"
