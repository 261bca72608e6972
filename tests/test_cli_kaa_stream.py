"""`dua kaa` as a stream (issue 10, items 1 and 2): the text summary, CSV and JSON Lines
for the covered persons, the JSON summary for small runs only, outputs written whole or
not at all, no identity number in any output file, and a progress bar only on a terminal.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dua.cli
from dua.cli import main
from dua.identifiers import pseudonymise
from dua.io.persons import read_persons
from dua.model import Person
from dua.rules.kaa import GROUNDS, REASONS, coverage_grounds, kaa_coverage
from tests.fuzz._support import assert_no_identity_number
from tests.io.test_kaa_fast import KEY, registers, write_register

KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
# Valid (Luhn) and invented. On 2019-09-15 the pupil (19, only a studiebevis) is covered;
# the graduate (examensbevis) and the adult (over 20) are not.
PUPIL = "20000517-1236"
GRADUATE = "20000301-2390"
ADULT = "19811228-9874"
NUMBERS = [PUPIL, GRADUATE, ADULT]
ON = "2019-09-15"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;kön;hemkommun;folkbokföringsstatus;examensbevis;studiebevis;"
        "inskrivning;inskrivning_start;inskrivning_slut;skola\n"
        # The school column carries planted numbers: they must not reach any output.
        f"{PUPIL};K;1863;folkbokförd;;2019-06-10;introduktionsprogram;2016-08-20;2019-06-10;"
        f"Skola {GRADUATE}\n"
        f"{GRADUATE};M;1863;folkbokförd;2018-06-14;;nationellt program;2015-08-20;2018-06-14;"
        f"{ADULT}\n"
        f"{ADULT};M;0180;folkbokförd;;;;;;\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "dua.key"
    path.write_text(KEY_HEX + "\n", encoding="utf-8")
    return path


def kaa(register: Path, key_file: Path, *args: str) -> list[str]:
    return ["kaa", str(register), "--on", ON, "--key-file", str(key_file), *args]


def test_csv_has_a_row_per_covered_person_with_pseudonym_municipality_and_grounds(
    register: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kaa-out.csv"
    assert main([*kaa(register, key_file, "--format", "csv", "--output", str(out))]) == 0
    text = out.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["key", "home_municipality", "grounds"]
    assert rows[1:] == [
        [
            pseudonymise(PUPIL, bytes.fromhex(KEY_HEX)),
            "1863",
            "under_age_limit,registered,compulsory_age_passed,certificate_of_studies_only,"
            "not_enrolled",
        ]
    ]
    assert all(ground in GROUNDS for ground in rows[1][2].split(","))
    assert_no_identity_number(text + capsys.readouterr().err, NUMBERS)


def test_explain_adds_the_criteria_to_csv_and_json_lines(
    register: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kaa-out.csv"
    assert main([*kaa(register, key_file, "--format", "csv", "--explain", "--lang", "en",
                      "--output", str(out))]) == 0  # fmt: skip
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert rows[0] == ["key", "home_municipality", "grounds", *REASONS]
    assert rows[1][3].startswith("Aged 19, not yet 20")
    assert rows[1][6].startswith("Has only a certificate of studies")
    assert rows[1][7].startswith("Not attending upper-secondary school")
    lines = tmp_path / "kaa.jsonl"
    assert main([*kaa(register, key_file, "--format", "jsonl", "--output", str(lines))]) == 0
    [plain] = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert set(plain) == {"key", "home_municipality", "grounds"}  # criteria only if asked
    assert main([*kaa(register, key_file, "--format", "jsonl", "--explain",
                      "--output", str(lines))]) == 0  # fmt: skip
    [explained] = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert [c["name"] for c in explained["criteria"]] == list(REASONS)
    assert explained["key"] == plain["key"] == pseudonymise(PUPIL, bytes.fromhex(KEY_HEX))
    assert_no_identity_number(lines.read_text(encoding="utf-8") + capsys.readouterr().err, NUMBERS)


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "jsonl"])
@pytest.mark.parametrize("explain", [[], ["--explain"]])
def test_no_output_file_holds_an_identity_number(
    register: Path, key_file: Path, tmp_path: Path, fmt: str, explain: list[str]
) -> None:
    out = tmp_path / f"kaa.{fmt}"
    assert main([*kaa(register, key_file, "--format", fmt, *explain, "--output", str(out))]) == 0
    text = out.read_text(encoding="utf-8")
    assert pseudonymise(PUPIL, bytes.fromhex(KEY_HEX)) in text
    assert_no_identity_number(text, NUMBERS)
    assert "Skola" not in text  # columns the run does not report are not carried along


def test_the_text_summary_lists_the_persons_then_the_counts(
    register: Path, key_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(kaa(register, key_file)) == 0
    out = capsys.readouterr().out
    pseudonym = pseudonymise(PUPIL, bytes.fromhex(KEY_HEX))
    assert f"  {pseudonym}  Hällefors (1863)\n" in out
    assert out.index(pseudonym) < out.index("Omfattas: 1")
    assert "  Hällefors (1863): 1\n" in out
    assert "  har fyllt 20 år: 1\n" in out


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_register_with_a_problem_leaves_no_output_file(
    register: Path, key_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with register.open("a", encoding="utf-8") as file:
        file.write("20000517-1237;K;1863;;;;;;;\n")  # a wrong check digit, on the last row
    out = tmp_path / "kaa-out.csv"
    out.write_text("the previous run\n", encoding="utf-8")
    assert main([*kaa(register, key_file, "--format", "csv", "--output", str(out))]) == 1
    err = capsys.readouterr().err
    assert "line 5, column personnummer" in err
    assert out.read_text(encoding="utf-8") == "the previous run\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dua.key", "kaa-out.csv", "kaa.csv"]
    assert_no_identity_number(err, [*NUMBERS, "20000517-1237"])


def test_the_json_summary_is_for_small_runs(
    register: Path,
    key_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "kaa.json"
    assert main([*kaa(register, key_file, "--format", "json", "--output", str(out))]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["covered_count"] == 1
    monkeypatch.setattr(dua.cli, "JSON_SUMMARY_LIMIT", 0)
    out.unlink()
    assert main([*kaa(register, key_file, "--format", "json", "--output", str(out))]) == 1
    err = capsys.readouterr().err
    assert "fler än 0 personer omfattas" in err
    assert "--format jsonl" in err
    assert not out.exists()


# -- progress (item 2) -----------------------------------------------------------------------


def _run_on_a_pty(args: list[str], ci: bool = False) -> str:
    """Run `dua ARGS` with stderr on a pseudo-terminal (in CI with `ci`); what the terminal
    showed."""
    main_fd, child_fd = pty.openpty()
    # A terminal of 24 lines and 100 columns (a new pseudo-terminal has none).
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    process = subprocess.Popen(
        [sys.executable, "-m", "dua", *args],
        stdout=subprocess.DEVNULL,
        stderr=child_fd,
        env=env,
    )
    os.close(child_fd)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(main_fd)
    return shown.decode("utf-8", errors="replace")


def test_progress_shows_on_a_terminal_with_rows_and_rate(
    register: Path, key_file: Path, tmp_path: Path
) -> None:
    shown = _run_on_a_pty(kaa(register, key_file, "--output", str(tmp_path / "out.txt")))
    assert "dua kaa" in shown
    # tqdm's bar: rows done of rows estimated, the time taken and left, rows per second.
    assert re.search(r"100%\|█+\| 3\.00/3\.00 \[\d\d:\d\d<\d\d:\d\d, [\d.]+ rader/s\]", shown)
    assert_no_identity_number(shown, NUMBERS)


def test_no_progress_with_quiet_on_a_terminal(
    register: Path, key_file: Path, tmp_path: Path
) -> None:
    shown = _run_on_a_pty(kaa(register, key_file, "--output", str(tmp_path / "o.txt"), "--quiet"))
    assert "dua kaa" not in shown
    assert "rader" not in shown


def test_no_progress_when_stderr_is_not_a_terminal(
    register: Path, key_file: Path, tmp_path: Path
) -> None:
    out = str(tmp_path / "out.txt")
    result = subprocess.run(
        [sys.executable, "-m", "dua", *kaa(register, key_file, "--output", out)],
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "CI"},
    )
    assert result.returncode == 0
    assert result.stderr == ""


def test_no_progress_in_ci_even_on_a_terminal(
    register: Path, key_file: Path, tmp_path: Path
) -> None:
    out = str(tmp_path / "out.txt")
    assert _run_on_a_pty(kaa(register, key_file, "--output", out), ci=True) == ""


def test_a_named_pipe_as_output_stays_a_pipe(
    register: Path, key_file: Path, tmp_path: Path
) -> None:
    """`--output /dev/null` or a named pipe is written as it is: renaming the temporary
    file over it would replace the device or pipe with a file."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main([*kaa(register, key_file, "--format", "csv", "--output", str(fifo))]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(received) == 1
    assert received[0].startswith(b"key;home_municipality;grounds\n")


def test_report_status_lines_show_on_a_terminal_and_not_with_quiet(tmp_path: Path) -> None:
    """Item 2 for `dua report` (well under a second: a status line, not a bar)."""
    args = ["report", "--example", "hallefors-2015", "--on", "2017-12-31"]
    shown = _run_on_a_pty([*args, "--output", str(tmp_path / "r.md")])
    assert "dua: beräknar rapporten för 2017-12-31" in shown
    for quiet in (
        _run_on_a_pty([*args, "--output", str(tmp_path / "r.md"), "--quiet"]),
        _run_on_a_pty([*args, "--output", str(tmp_path / "r.md")], ci=True),
    ):
        assert "beräknar" not in quiet
        assert "r.md: md" in quiet  # what was written is still said (it is not progress)


# -- issue 10, item 1: JSON Lines joined from kept parts -----------------------------------


def documented_line(person: Person, on: date, explain: bool) -> str:
    """A covered person's JSON Lines object as docs/cli.md documents it, made the plain way
    (`json.dumps` of a dict per person): the pseudonym, home municipality and grounds, and
    with `--explain` every criterion of the full decision (name, outcome, both texts and
    the legal source, as in the JSON summary)."""
    line: dict[str, object] = {
        "key": person.key,
        "home_municipality": person.home_municipality,
        "grounds": list(coverage_grounds(person, on=on)),
    }
    if explain:
        line["criteria"] = [
            {
                "name": criterion.name,
                "holds": criterion.holds,
                "sv": criterion.explanation_sv,
                "en": criterion.explanation_en,
                "reference": criterion.reference.citation if criterion.reference else None,
            }
            for criterion in kaa_coverage(person, on=on).criteria
        ]
    return json.dumps(line, ensure_ascii=False) + "\n"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(registers(), st.booleans())
def test_json_lines_are_the_documented_objects_to_a_file_and_to_stdout(
    drawn: tuple[list[tuple[Person, str]], date], explain: bool
) -> None:
    """`--format jsonl` joins each line from parts it keeps, encoded (the age criterion, the
    four others, the municipality and grounds): every line is still, byte for byte, the
    documented object as `json.dumps` writes it, in a file (`--output`, written as bytes)
    and on standard output (as text, and as bytes when it is a UTF-8 file)."""
    people, on = drawn
    folder = Path(tempfile.mkdtemp())
    register, key_file, out = folder / "kaa.csv", folder / "dua.key", folder / "kaa.jsonl"
    write_register(register, people)
    key_file.write_text(KEY.hex() + "\n", encoding="utf-8")
    expected = "".join(
        documented_line(person, on, explain)
        for person in read_persons(register, key=KEY, on=on)
        if kaa_coverage(person, on=on)
    )
    args = ["kaa", str(register), "--on", on.isoformat(), "--key-file", str(key_file),
            "--format", "jsonl", "--quiet", *(["--explain"] if explain else [])]  # fmt: skip
    assert main([*args, "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected
    text = io.StringIO()  # a text output without bytes under it
    with contextlib.redirect_stdout(text):
        assert main(args) == 0
    assert text.getvalue() == expected
    binary = io.BytesIO()  # a UTF-8 file: the bytes are written to it as they are
    wrapper = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    with contextlib.redirect_stdout(wrapper):
        assert main(args) == 0
    wrapper.detach()  # flushed by the command
    assert binary.getvalue() == expected.encode()
    assert_no_identity_number(expected, [number for _, number in people])


@pytest.mark.parametrize("explain", [[], ["--explain"]])
def test_json_lines_escape_a_key_of_a_register_of_pseudonyms(
    tmp_path: Path, explain: list[str]
) -> None:
    """A register of pseudonyms (`nyckel`) may hold any text: a key that is not plain ASCII
    letters and digits is written as `json.dumps` escapes it."""
    register, out = tmp_path / "kaa.csv", tmp_path / "kaa.jsonl"
    keys = ['a"b\\c', "nyckel-ö_1", "plain42"]
    rows = "".join(f'"{key.replace(chr(34), chr(34) * 2)}";2001-05-17;1863\n' for key in keys)
    register.write_text(f"nyckel;födelsedatum;hemkommun\n{rows}", encoding="utf-8")
    assert main(["kaa", str(register), "--on", "2019-09-15", "--format", "jsonl", *explain,
                 "--output", str(out)]) == 0  # fmt: skip
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["key"] for line in lines] == keys
    assert [line.split(", ", 1)[0] for line in lines] == [
        "{" + json.dumps("key") + ": " + json.dumps(key, ensure_ascii=False) for key in keys
    ]
