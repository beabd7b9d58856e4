"""Untrusted article text made safe to print: no escape sequences, no control characters."""

from __future__ import annotations

import re

# CSI, OSC (terminated by BEL or ST), and other two-byte ESC sequences, in their 7-bit forms
# and the 8-bit C1 forms (U+009B CSI, U+009D OSC).
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c|$)"
    r"|\x1b[PX^_].*?(?:\x1b\\|\x9c|$)"
    r"|\x1b[ -~]?",
    re.DOTALL,
)
# C0 and C1 controls except tab and newline, plus DEL; bidi overrides that can disguise text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, newlines: bool = False) -> str:
    """``text`` with escape sequences removed and control characters dropped.

    Newlines and tabs become spaces unless ``newlines`` is true (a sentence prints on one line).
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    if not newlines:
        text = " ".join(text.split())
    return text
