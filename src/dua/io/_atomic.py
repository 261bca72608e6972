"""Durable, atomic file writes: every file `dua` writes goes through here.

A file is written to a temporary file beside its target, flushed to disk (`fsync`) and then
renamed into place, and the folder is flushed after the rename: an existing file is either
replaced whole or left untouched, never half-written, also after a power cut.

- **Mode.** A new file gets the mode the process's umask gives (`0o666 & ~umask`, so `0644`
  under the usual umask 022), like a file `open()` creates; a replaced file keeps its mode.
- **Devices and pipes.** A target that is a device, a pipe or a socket (`/dev/null`,
  `/dev/stdout`, a named pipe) is written as it is, never renamed over.
- **Symbolic links.** Writing to a symbolic link writes the file it points to (the link stays
  a link), as `open(path, "w")` would; a link that points nowhere is refused.
- **Streams.** [`open_text_atomic`][dua.io._atomic.open_text_atomic] gives a file to write
  a long output into as it is produced (a register run): it goes to the temporary file, and
  only when the writing ends without an error is it flushed and renamed into place.
- **Sets of files.** [`write_files_atomic`][dua.io._atomic.write_files_atomic] writes several
  files as a whole or not at all: every file is staged (written and flushed) before the first
  rename, and if a rename fails the files already replaced are restored.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

from dua.errors import FileFormatError, mask_reprs, os_reason

__all__ = ["AtomicText", "open_text_atomic", "write_files_atomic", "write_text_atomic"]

_NEW_FILE_MODE = 0o666  # the umask is applied by the kernel, as for open()
# Bytes a streamed file (not a device or pipe) keeps before writing them out: a register
# run writes hundreds of megabytes, which an 8 KiB buffer passes on in 50 000 calls.
_STREAM_BUFFER = 1 << 20
# How often a streamed file gives back the pages written out (`AtomicText._drop`).
_DROP_EVERY = 32 << 20


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write `text` to `path` as UTF-8, exactly as given (no newline translation).

    The text goes to a temporary file beside `path`, is flushed to disk and renamed into
    place (see the module docstring for modes and symbolic links): an existing file is
    either replaced whole or left untouched.

    Raises:
        FileFormatError: the file cannot be written (no such directory, no permission,
            disk full, a dangling symbolic link); nothing is left behind.
    """
    write_files_atomic({Path(path): text})


def write_files_atomic(files: Mapping[Path, str]) -> None:
    """Write several text files as a whole or not at all.

    Each text is written as UTF-8, exactly as given, to a temporary file beside its target
    and flushed to disk; only when every file is staged are they renamed into place, and the
    folders flushed. If staging fails (disk full, no permission) no target is touched; if a
    rename fails, the targets already replaced get their old contents back and the new ones
    are removed.

    Raises:
        FileFormatError: a file cannot be written; the message names it. Nothing is left
            changed and no temporary file remains.
    """
    targets = [(_resolve(path), text) for path, text in files.items()]
    special = [(target, text) for target, text in targets if _is_special(target)]
    targets = [(target, text) for target, text in targets if not _is_special(target)]
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in targets:
            staged.append((_stage(target, text), target))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    if staged:  # nothing to write is done at once (`dua example NAME` writes to stdout)
        _commit(staged)
    for target, text in special:
        # A device or a pipe (`/dev/null`) is written as it is, never replaced by a file.
        try:
            with target.open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise _error(target, exc) from None


def _is_special(target: Path) -> bool:
    """Whether `target` is a device, a pipe or a socket: a file that is not renamed over."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _resolve(path: str | os.PathLike[str]) -> Path:
    """The file to write for `path`: a symbolic link's target, so the link stays a link."""
    given = Path(path)
    if not given.is_symlink():
        return given
    target = Path(os.path.realpath(given))
    if not target.parent.is_dir():
        raise FileFormatError("error.file.cannot_write_link", file=str(given))
    return target


def _error(target: Path, exc: OSError) -> FileFormatError:
    return FileFormatError("error.file.cannot_write", file=str(target), reason=os_reason(exc))


@mask_reprs
class AtomicText:
    """The file [`open_text_atomic`][dua.io._atomic.open_text_atomic] gives: `write` text
    to it, or `write_utf8` text already encoded; a failed write (disk full) is a
    [`FileFormatError`][dua.errors.FileFormatError] naming the target."""

    __slots__ = ("_handle", "_next", "_target", "_text", "_written")

    def __init__(self, handle: TextIO, target: Path, *, drop: bool = False) -> None:
        self._handle = handle
        self._target = target
        self._text = False  # whether text may wait in `handle` (to go before any bytes)
        self._written = 0  # about how many bytes were written (characters count as one)
        # When `drop`, how much is written when the pages written out are next given back.
        drops = drop and hasattr(os, "posix_fadvise")
        self._next = 2 * _DROP_EVERY if drops else sys.maxsize  # a range of 0 is "to the end"

    def write(self, text: str) -> int:
        """Write `text`; return the number of characters written."""
        self._text = True
        self._written += len(text)
        if self._written >= self._next:
            self._drop()
        try:
            return self._handle.write(text)
        except OSError as exc:
            raise _error(self._target, exc) from None

    def write_utf8(self, data: bytes) -> int:
        """Write `data`, text already encoded as UTF-8 (the file's encoding), after what
        was written before; return the number of bytes written. A long output that keeps
        the encoded form of its repeated parts (`dua kaa --format jsonl --explain`) writes
        them without encoding each again."""
        self._written += len(data)
        if self._written >= self._next:
            self._drop()
        try:
            if self._text:  # what `write` left in the text layer goes first
                self._handle.flush()
                self._text = False
            return self._handle.buffer.write(data)
        except OSError as exc:
            raise _error(self._target, exc) from None

    def _drop(self) -> None:
        """Every `_DROP_EVERY` bytes of a file (not a device or pipe): ask the system to
        write out what it was given up to `_DROP_EVERY` bytes ago and to give back the
        pages of it already written out (`posix_fadvise(DONTNEED)`, as `dd oflag=nocache`).
        A long output then takes a few dozen MiB of memory, whose pages are used again
        (taking new pages for 380 MB cost `dua kaa --explain` about a second of system
        time), and the flush to disk at the end has little left to do. It changes nothing
        that is written; a system that refuses is passed over."""
        self._next = self._written + _DROP_EVERY
        with contextlib.suppress(OSError):  # advice only: what is written stays the same
            os.posix_fadvise(
                self._handle.fileno(), 0, self._written - _DROP_EVERY, os.POSIX_FADV_DONTNEED
            )

    def __repr__(self) -> str:
        return f"AtomicText({str(self._target)!r})"


@contextlib.contextmanager
def open_text_atomic(path: str | os.PathLike[str]) -> Iterator[AtomicText]:
    """A text file (UTF-8, line endings as written) to write `path` through, piece by
    piece: the pieces go to a temporary file beside `path`; when the `with` block ends
    without an exception the file is flushed to disk and renamed into place, and on an
    exception it is removed and `path` is left untouched.

    Raises:
        FileFormatError: the file cannot be written (as for
            [`write_text_atomic`][dua.io._atomic.write_text_atomic]); nothing is left behind.
    """
    target = _resolve(path)
    if _is_special(target):
        # A device or a pipe (`--output /dev/null`) is written as it is: renaming a file
        # over it would replace the device with a file.
        try:
            special = target.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise _error(target, exc) from None
        with special:
            yield AtomicText(special, target)
        return
    temporary, descriptor = _open_temporary(target)
    try:
        with os.fdopen(
            descriptor, "w", encoding="utf-8", newline="", buffering=_STREAM_BUFFER
        ) as handle:
            yield AtomicText(handle, target, drop=True)
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as exc:
                raise _error(target, exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _commit([(temporary, target)])


def _open_temporary(target: Path) -> tuple[Path, int]:
    """A new temporary file beside `target`, with the mode `target` has (if it exists)."""
    if target.is_dir():
        raise FileFormatError("error.file.cannot_write_folder", file=str(target))
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _error(target, exc) from None
    import secrets  # where a file is written: reading commands do not load it (issue 10, item 4)

    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _NEW_FILE_MODE)
    except OSError as exc:
        raise _error(target, exc) from None
    if mode is not None:
        try:
            os.fchmod(descriptor, mode)
        except OSError as exc:
            os.close(descriptor)
            temporary.unlink(missing_ok=True)
            raise _error(target, exc) from None
    return temporary, descriptor


def _stage(target: Path, text: str) -> Path:
    """Write `text` to a new temporary file beside `target` and flush it to disk."""
    temporary, descriptor = _open_temporary(target)
    try:
        # newline="" writes line endings as they are in the text (iCalendar needs CRLF).
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _error(target, exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename every staged file into place; on failure put the old files back."""
    backups: list[Path | None] = []  # per staged file: a link to the file it replaces
    replaced = 0  # how many renames succeeded
    target = staged[0][1]
    try:
        for temporary, target in staged:
            backups.append(_backup(target) if len(staged) > 1 else None)
            os.replace(temporary, target)
            replaced += 1
    except OSError as exc:
        _roll_back(staged, backups, replaced)
        raise _error(target, exc) from None
    except BaseException:
        _roll_back(staged, backups, replaced)
        raise
    for backup in backups:
        if backup is not None:
            backup.unlink(missing_ok=True)
    for folder in {target.parent for _, target in staged}:
        _sync_folder(folder)


def _backup(target: Path) -> Path | None:
    """A hard link (or, where links are not possible, a copy) of an existing `target`."""
    if not target.exists():
        return None
    import secrets  # where a file is written: reading commands do not load it (issue 10, item 4)
    import shutil

    backup = target.with_name(f".{target.name}.{secrets.token_hex(6)}.bak")
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup


def _roll_back(staged: list[tuple[Path, Path]], backups: list[Path | None], replaced: int) -> None:
    """Undo the first `replaced` renames and remove every temporary and backup file."""
    for index, backup in enumerate(backups):
        target = staged[index][1]
        with contextlib.suppress(OSError):
            if index < replaced:  # this target holds the new text: put the old one back
                if backup is not None:
                    os.replace(backup, target)
                else:
                    target.unlink()
            if backup is not None:
                backup.unlink(missing_ok=True)
    for temporary, _ in staged:
        temporary.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk, where the platform allows it."""
    with contextlib.suppress(OSError), _opened(folder) as descriptor:
        os.fsync(descriptor)


@contextlib.contextmanager
def _opened(folder: Path) -> Iterator[int]:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        yield descriptor
    finally:
        os.close(descriptor)
