"""The JSON form on stdout: ``json.dumps(data, indent=2, ensure_ascii=True)``, byte for byte, faster.

Python encodes indented JSON in Python (its C encoder cannot indent): at 100,000 articles the
``articles`` list alone took 0.8 s that way. So the large parts are written otherwise:

- a :class:`~summarizer.JsonTable` (``digest_to_dict(..., tables=True)``: every article, every
  excluded block) from its columns: each column's values encoded at once by the C encoder's
  string escaper, then laid out line by line in one join, no object per row;
- a list of flat objects anywhere (a sentence's ``sources``) by the C encoder, with the
  indentation written into its item separator.

The rest of the document is encoded by ``json.dumps`` around placeholders, replaced in one pass.
Data must be acyclic (``json.dumps`` reports a cycle; this would recurse).
"""

from __future__ import annotations

import json
import re
import uuid
from itertools import chain, repeat
from json.encoder import encode_basestring_ascii
from typing import Any

from summarizer import JsonTable

INDENT = 2

_SCALARS = frozenset({str, int, float, bool, type(None)})


def render_json(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=True)``, with :class:`~summarizer.JsonTable`
    values encoded as the lists of objects they stand for."""
    token = uuid.uuid4().hex
    rendered: list[str] = []
    shell = _shell(data, 0, token, rendered)
    out = json.dumps(shell, indent=INDENT, ensure_ascii=True)
    if not rendered:
        return out
    # The placeholders are JSON strings of the token and a number; the token, made now, cannot
    # be in the data.
    return re.sub(f'"{token}:([0-9]+)"', lambda found: rendered[int(found.group(1))], out)


def _shell(value: Any, level: int, token: str, rendered: list[str]) -> Any:
    """``value`` (at ``level``: its enclosing containers) with its tables and lists of flat
    objects replaced by placeholders, whose JSON is appended to ``rendered``."""
    if isinstance(value, JsonTable):
        text = _table(value, level)
        if text is None:  # values that are not all scalars: encoded by json.dumps
            return _shell(value.rows(), level, token, rendered)
    elif type(value) is dict:
        return {key: _shell(item, level + 1, token, rendered) for key, item in value.items()}
    elif isinstance(value, (list, tuple)):
        if not (value and _all_flat(value)):
            return [_shell(item, level + 1, token, rendered) for item in value]
        text = _flat_list(value, level)
    else:
        return value
    rendered.append(text)
    return f"{token}:{len(rendered) - 1}"


def _all_flat(entries: list | tuple) -> bool:
    """Whether every entry is a non-empty object of scalars (checked by C-level loops: 100,000 entries)."""
    return all(type(e) is dict and e for e in entries) and _SCALARS.issuperset(
        map(type, chain.from_iterable(e.values() for e in entries))
    )


def _flat_list(entries: list | tuple, level: int) -> str:
    """A list at ``level`` of non-empty flat objects, as ``json.dumps(..., indent=2)`` lays it out."""
    outer, entry, inner = (" " * (INDENT * n) for n in (level, level + 1, level + 2))
    between = ",\n" + inner
    # One C call with the objects' item separator; between two objects it writes "}" + between +
    # "{", which only objects' braces can give (strings hold no raw newline, values no brace):
    # those become the lines of the list's own layout.
    encoded = json.JSONEncoder(ensure_ascii=True, check_circular=False, separators=(between, ": ")).encode(list(entries))
    body = encoded[2:-2].replace("}" + between + "{", f"\n{entry}}},\n{entry}{{\n{inner}")
    return f"[\n{entry}{{\n{inner}{body}\n{entry}}}\n{outer}]"


def _table(table: JsonTable, level: int) -> str | None:
    """A table at ``level`` as ``json.dumps(table.rows(), indent=2)`` lays it out; None when a
    value is not a scalar (or the table has no columns)."""
    columns = table.columns
    if not columns or not all(type(key) is str for key in columns):
        return None
    if not len(table):
        return "[]"
    encoded = []
    for values in columns.values():
        column = _column(values)
        if column is None:
            return None
        encoded.append(column)
    outer, entry, inner = (" " * (INDENT * n) for n in (level, level + 1, level + 2))
    keys = [encode_basestring_ascii(key) + ": " for key in columns]
    close = f"\n{entry}}}"
    # Each row is "{", its fields one a line, then "}"; rows are separated by ",". Every row is
    # written after a separator that also closes the row before it, but the first. One join
    # makes the whole list (33 MB at 100,000 articles): no copy of it is made after.
    starts = chain((f"[\n{entry}{{\n{inner}{keys[0]}",), repeat(f"{close},\n{entry}{{\n{inner}{keys[0]}"))
    separators = [starts, *(repeat(f",\n{inner}{key}") for key in keys[1:])]
    fields = chain.from_iterable(zip(*chain.from_iterable(zip(separators, encoded))))
    return "".join(chain(fields, (f"{close}\n{outer}]",)))


def _column(values: list[Any]) -> list[str] | None:
    """Each value's JSON, as ``json.dumps`` writes it; None when one is not a scalar."""
    kinds = set(map(type, values))
    if not kinds <= _SCALARS:
        return None
    null = type(None)
    if kinds == {str}:
        return list(map(encode_basestring_ascii, values))
    if kinds == {int}:
        return list(map(int.__repr__, values))
    if kinds == {null}:
        return ["null"] * len(values)
    if kinds == {str, null}:
        return [encode_basestring_ascii(v) if v is not None else "null" for v in values]
    if kinds == {int, null}:
        return [int.__repr__(v) if v is not None else "null" for v in values]
    encode = json.JSONEncoder(ensure_ascii=True).encode  # floats, booleans, mixed kinds
    return list(map(encode, values))
