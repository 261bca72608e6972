"""Writing a text file atomically: every file `dua` writes goes through here."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dua.errors import FileFormatError

__all__ = ["write_text_atomic"]


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` as UTF-8, exactly as given (no newline translation).

    The text goes to a temporary file beside `path`, which is then renamed into place: an
    existing file is either replaced whole or left untouched, never half-written.

    Raises:
        FileFormatError: the file cannot be written (no such directory, no permission,
            disk full); the temporary file is removed.
    """
    target = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise FileFormatError(f"{target}: cannot write the file: {exc.strerror or exc}") from None
    try:
        # newline="" writes line endings as they are in the text (iCalendar needs CRLF).
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise FileFormatError(f"{target}: cannot write the file: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
