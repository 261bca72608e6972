"""Durable writes (issue 8, item 6): modes, symbolic links, fsync, and sets of files.

Every file `dua` writes goes through `dua.io._atomic`; these tests pin down what a user can
rely on: the umask is honoured for new files, a replaced file keeps its mode, a symbolic link
is written through, data and folder are flushed before and after the rename, and
`dua example --data` writes its set of files whole or not at all.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dua
from dua.cli import main
from dua.errors import FileFormatError
from dua.io._atomic import write_files_atomic, write_text_atomic

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_honours_the_umask(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "rapport.md"
    write_text_atomic(path, "# Rapport\n")
    assert _mode(path) == 0o644
    os.umask(0o077)
    private = tmp_path / "privat.md"
    write_text_atomic(private, "x")
    assert _mode(private) == 0o600


def test_a_report_written_by_the_command_is_0644_under_umask_022(
    tmp_path: Path, umask_022: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # The "done when": a report written under umask 022 is mode 0644.
    output = tmp_path / "rapport.html"
    code = main(["report", "--example", "hallefors-2015", "--on", "2017-12-31",
                 "--format", "html", "--output", str(output)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert _mode(output) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "avtal.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_text_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert _mode(path) == 0o640


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "rapport.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "rapport.md"
    link.symlink_to(target)
    write_text_atomic(link, "new")
    assert link.is_symlink(), "the link must stay a link"
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["rapport.md"]


def test_a_link_to_a_new_file_creates_the_file_it_names(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    link = tmp_path / "rapport.md"
    link.symlink_to(tmp_path / "real" / "ny.md")
    write_text_atomic(link, "text")
    assert link.is_symlink()
    assert (tmp_path / "real" / "ny.md").read_text(encoding="utf-8") == "text"


def test_a_dangling_link_is_refused_clearly(tmp_path: Path) -> None:
    link = tmp_path / "rapport.md"
    link.symlink_to(tmp_path / "no" / "such" / "folder" / "x.md")
    with pytest.raises(FileFormatError, match="the link points nowhere"):
        write_text_atomic(link, "text")
    assert link.is_symlink()


def test_a_folder_is_not_overwritten(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="it is a folder"):
        write_text_atomic(tmp_path, "text")


def test_file_and_folder_are_flushed_around_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        is_folder = stat.S_ISDIR(os.fstat(descriptor).st_mode)
        events.append("fsync folder" if is_folder else "fsync file")
        real_fsync(descriptor)

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr("dua.io._atomic.os.fsync", fsync)
    monkeypatch.setattr("dua.io._atomic.os.replace", replace)
    write_text_atomic(tmp_path / "a.md", "text")
    assert events == ["fsync file", "rename", "fsync folder"]


def test_a_set_is_staged_whole_before_anything_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "a.csv"
    existing.write_text("old a", encoding="utf-8")
    real_open = os.open
    opened: list[str] = []

    def open_until_the_disk_is_full(path: str | os.PathLike[str], *args: int, **kw: int) -> int:
        opened.append(str(path))
        if len(opened) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, *args, **kw)

    monkeypatch.setattr("dua.io._atomic.os.open", open_until_the_disk_is_full)
    files = {tmp_path / name: f"new {name}" for name in ("a.csv", "b.csv", "c.csv")}
    with pytest.raises(
        FileFormatError, match=r"c\.csv: cannot write the file: no space left on the device"
    ):
        write_files_atomic(files)
    # Nothing was replaced and no temporary file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    assert existing.read_text(encoding="utf-8") == "old a"


def test_a_failed_rename_in_a_set_restores_what_was_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.csv").write_text("old a", encoding="utf-8")
    (tmp_path / "b.csv").write_text("old b", encoding="utf-8")
    real_replace = os.replace
    renamed: list[str] = []

    def replace_fails_second(
        source: str | os.PathLike[str], target: str | os.PathLike[str]
    ) -> None:
        if str(source).endswith(".tmp"):
            renamed.append(str(target))
            if len(renamed) == 2:
                raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr("dua.io._atomic.os.replace", replace_fails_second)
    files = {tmp_path / n: f"new {n}" for n in ("a.csv", "b.csv", "c.csv")}
    with pytest.raises(FileFormatError, match=r"b\.csv: cannot write the file"):
        write_files_atomic(files)
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "old a"
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_example_data_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_open = os.open
    calls = 0

    def disk_full_at_the_last_file(path: str | os.PathLike[str], *args: int, **kw: int) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:  # avtal.toml, events.csv, then observations.csv fails
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(path, *args, **kw)

    monkeypatch.setattr("dua.io._atomic.os.open", disk_full_at_the_last_file)
    code = main(["example", "hallefors-2015", "--output", str(tmp_path / "avtal.toml"),
                 "--data", str(tmp_path / "data" / "hallefors")])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("dua: ")
    assert err.count("\n") == 1
    assert "no space left on the device" in err  # the reason, in the chosen language
    # The folder it created is gone again; no TOML file, no partial set.
    assert list(tmp_path.iterdir()) == []


def test_example_data_onto_an_existing_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").write_text("a file, not a folder", encoding="utf-8")
    code = main(["example", "hallefors-2015", "--data", str(tmp_path / "data")])
    assert code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"dua: {tmp_path / 'data'}: cannot write the files: it is not a folder\n"


def test_example_data_where_the_folder_cannot_be_created_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root ignores folder permissions, so the refusal is simulated where mkdir meets it.
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    code = main(["example", "hallefors-2015", "--data", str(tmp_path / "ny")])
    assert code == 1
    err = capsys.readouterr().err
    # The reason in the chosen language too (this module pins English), not the system's
    assert err == f"dua: {tmp_path / 'ny'}: cannot create the folder: permission denied\n"


def test_example_set_is_complete_when_it_succeeds(tmp_path: Path) -> None:
    code = main(["example", "hallefors-2015", "--output", str(tmp_path / "avtal.toml"),
                 "--data", str(tmp_path / "data")])  # fmt: skip
    assert code == 0
    assert dua.load_agreement(tmp_path / "avtal.toml") == dua.examples.load("hallefors-2015")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [
        "events.csv",
        "observations.csv",
    ]


def test_an_empty_set_writes_nothing(tmp_path: Path) -> None:
    # `dua example NAME` without --output or --data has no file to write (it once raised
    # an IndexError here).
    write_files_atomic({})
    assert list(tmp_path.iterdir()) == []


# -- issue 10: streamed outputs, devices and pipes ------------------------------------------


def test_a_streamed_file_appears_whole_when_the_writing_ends_well(tmp_path: Path) -> None:
    from dua.io._atomic import open_text_atomic

    target = tmp_path / "kaa.csv"
    target.write_text("old\n", encoding="utf-8")
    with open_text_atomic(target) as out:
        out.write("key;home_municipality\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # not yet in place
        out.write("abc;1863\n")
    assert target.read_text(encoding="utf-8") == "key;home_municipality\nabc;1863\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kaa.csv"]


def test_a_streamed_file_is_dropped_when_the_writing_fails(tmp_path: Path) -> None:
    from dua.io._atomic import open_text_atomic

    target = tmp_path / "kaa.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        _streamed(open_text_atomic, target, "half of it\n", fail=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kaa.csv"]


def test_a_named_pipe_is_written_as_it_is_not_replaced(tmp_path: Path) -> None:
    """Renaming a file over `/dev/null` or a pipe would replace it with a file."""
    import threading

    from dua.io._atomic import open_text_atomic

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for write in (
        lambda: write_text_atomic(fifo, "one\n"),
        lambda: _streamed(open_text_atomic, fifo, "two\n"),
    ):
        received: list[bytes] = []
        reader = threading.Thread(target=_read_into, args=(fifo, received))
        reader.start()
        write()
        reader.join(timeout=30)
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        assert len(received) == 1
        assert received[0] in (b"one\n", b"two\n")


def _read_into(path: Path, received: list[bytes]) -> None:
    received.append(path.read_bytes())


def _streamed(opener: Any, path: Path, text: str, *, fail: bool = False) -> None:
    with opener(path) as out:
        out.write(text)
        if fail:
            raise RuntimeError("the register had a problem")


def test_a_streamed_file_takes_encoded_text_in_order_with_text(tmp_path: Path) -> None:
    """`write_utf8` (what `dua kaa --format jsonl` writes a file with, issue 10, item 1)
    goes after the text written before it, and text after it after it."""
    from dua.io._atomic import open_text_atomic

    target = tmp_path / "kaa.jsonl"
    with open_text_atomic(target) as out:
        out.write("före\n")
        assert out.write_utf8("å–§\n".encode()) == len("å–§\n".encode())
        assert out.write_utf8(b"{}\n") == 3
        out.write("efter\n")
        out.write_utf8(b"slut\n")
    assert target.read_bytes() == "före\nå–§\n{}\nefter\nslut\n".encode()


def test_a_long_streamed_file_gives_back_the_pages_written_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every `_DROP_EVERY` bytes the system is asked to drop the pages written out up to
    `_DROP_EVERY` bytes ago (issue 10, item 1: new pages for `dua kaa --explain`'s 380 MB
    cost a second of system time); never a range of 0 (which means "to the end"), never
    the last `_DROP_EVERY` bytes, and what is written is the same. A refusal is passed over."""
    from dua.io import _atomic
    from dua.io._atomic import open_text_atomic

    monkeypatch.setattr(_atomic, "_DROP_EVERY", 1000)
    calls: list[tuple[int, int, int]] = []
    real = os.posix_fadvise

    def spy(fd: int, offset: int, length: int, advice: int) -> None:
        calls.append((offset, length, advice))
        real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", spy)
    target = tmp_path / "kaa.jsonl"
    pieces = [f"rad {n} – å\n" * 7 for n in range(300)]
    with open_text_atomic(target) as out:
        for n, piece in enumerate(pieces):
            if n % 2:
                out.write(piece)
            else:
                out.write_utf8(piece.encode())
    assert target.read_text(encoding="utf-8") == "".join(pieces)
    written = len("".join(pieces).encode())
    assert len(calls) >= 20  # about one per 1000 bytes (a character of text counts as one)
    assert all(offset == 0 and 1000 <= length <= written - 1000 for offset, length, _ in calls)
    assert {advice for _, _, advice in calls} == {os.POSIX_FADV_DONTNEED}

    def refuse(fd: int, offset: int, length: int, advice: int) -> None:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(os, "posix_fadvise", refuse)
    with open_text_atomic(target) as out:
        for piece in pieces:
            out.write_utf8(piece.encode())
    assert target.read_text(encoding="utf-8") == "".join(pieces)


def test_a_device_is_not_given_page_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A device or pipe (`--output /dev/null`) has no pages to give back: no advice."""
    from dua.io import _atomic
    from dua.io._atomic import open_text_atomic

    monkeypatch.setattr(_atomic, "_DROP_EVERY", 10)
    calls: list[int] = []
    monkeypatch.setattr(os, "posix_fadvise", lambda *args: calls.append(1))
    with open_text_atomic(os.devnull) as out:
        for _ in range(100):
            out.write_utf8(b"0123456789\n")
    assert calls == []
