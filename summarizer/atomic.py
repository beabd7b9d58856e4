"""Writing files so that a reader never sees half of one: a temporary file, then a rename.

Used by every writer of the project: the command line's outputs, the app's exports, the fetched
articles and the subscriptions. What is not a regular file (``/dev/null``, ``/dev/stdout``, a named
pipe) is written into, as a shell's ``>`` would: a rename would put a regular file in its place (as
root, over the machine's ``/dev/null``). A symbolic link stays one: the file it names is replaced."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (bytes are written as they are); on any failure the previous
    file is left as it was."""
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):  # said as such: a rename onto "." says "Device or resource busy"
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; keep the old file's mode, or the usual 0644.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise

