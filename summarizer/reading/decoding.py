"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, then a legacy 8-bit guess."""

from __future__ import annotations

import codecs

import charset_normalizer  # comes with sumy (through requests)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text files; many of them mean the file is binary.
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


class UndecodableError(ValueError):
    """The bytes are not text (binary content or an unknown encoding)."""


def looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes in the first 8 KiB.

    A stray NUL (a scraper's glitch) does not make a text binary: it is kept in the text, and
    every output drops or escapes it. Binary formats have far more of them.
    """
    head = data[:8192]
    if not head:
        return False
    controls = sum(head.count(b) for b in _BINARY_BYTES)
    return head.count(0) > 1 + len(head) // 100 or controls / len(head) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: mostly-ASCII text has a NUL in every other byte."""
    head = data[:8192]
    if len(head) < 4 or len(data) % 2:
        return None
    for encoding, low, high in (("utf-16-le", head[0::2], head[1::2]), ("utf-16-be", head[1::2], head[0::2])):
        if high.count(0) > 0.9 * len(high) and 0 not in low:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def looks_binary_start(data: bytes) -> bool:
    """Whether the first bytes of an input already show it is not text (no BOM, no UTF-16)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return looks_binary(data) and _utf16_without_bom(data[: len(data) - len(data) % 2]) is None


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; line endings become ``\\n``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise UndecodableError(f"invalid {encoding.upper()} text ({error.reason})") from None
    if looks_binary(data):
        text = _utf16_without_bom(data)
        if text is None:
            raise UndecodableError("binary content, not text")
        return normalise_newlines(text)
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if damaged_utf8(data) is not None:
        return normalise_newlines(data.decode("utf-8", errors="replace"))
    return normalise_newlines(decode_legacy(data))


def damaged_utf8(data: bytes) -> int | None:
    """Where UTF-8 text with a few bad bytes goes wrong first (a byte offset), or None when the bytes
    are valid UTF-8 or not UTF-8 at all. Text in Windows-1252 almost never holds a valid UTF-8
    sequence ("é" is one byte there); UTF-8 text with one stray byte holds many ("Zoë Müller"), and
    read as Windows-1252 it would print "ZoÃ« MÃ¼ller"."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        first = error.start
    text = data.decode("utf-8", errors="replace")
    valid = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    return first if valid and invalid <= valid else None


def decode_legacy(data: bytes) -> str:
    """Windows-1252 when the text reads as a Latin script, else charset-normalizer's guess.

    Detectors guess wildly on short Western texts (cp1250 for French), so they are only asked
    when most letters fall outside ASCII, as with Cyrillic or Greek in an 8-bit code page.
    """
    latin = data.decode("cp1252", errors="replace")
    letters = [c for c in latin[:1_000_000] if c.isalpha()]
    high = sum(1 for c in letters if ord(c) > 127)
    if not letters or high / len(letters) < 0.3:
        return latin
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else latin


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
