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
    """A NUL byte or many control bytes in the first 8 KiB (after a UTF-16/32 BOM check)."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(head.count(b) for b in _BINARY_BYTES)
    return b"\x00" in head or controls / len(head) > 0.05


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; line endings become ``\\n``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise UndecodableError(f"invalid {encoding.upper()} text ({error.reason})") from None
    if looks_binary(data):
        raise UndecodableError("binary content, not text")
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return normalise_newlines(decode_legacy(data))


def decode_legacy(data: bytes) -> str:
    """Windows-1252 when the text reads as a Latin script, else charset-normalizer's guess.

    Detectors guess wildly on short Western texts (cp1250 for French), so they are only asked
    when most letters fall outside ASCII, as with Cyrillic or Greek in an 8-bit code page.
    """
    latin = data.decode("cp1252", errors="replace")
    letters = [c for c in latin if c.isalpha()]
    high = sum(1 for c in letters if ord(c) > 127)
    if not letters or high / len(letters) < 0.3:
        return latin
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else latin


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
