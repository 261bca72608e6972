"""The command's everyday conventions (issue 12, item 6): `-` is standard input wherever a
file is read and standard output wherever one is written, `--sheet` picks a workbook's
sheet, tab-separated exports are read, and every command's `--help` shows real examples
and the exit status."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import openpyxl  # in the dev extra (via xlsx): never skipped
import pytest

from dua import examples, i18n
from dua.cli import main
from tests.test_cli_end_to_end import KEY_HEX, PERSONNUMMER, no_identity_numbers

ON = "2017-12-31"


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Give the command `data` on standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def hallefors(tmp_path: Path) -> tuple[Path, Path]:
    """Hällefors' agreement file and the folder of its synthetic follow-up CSV files."""
    toml, data = tmp_path / "hallefors.toml", tmp_path / "data"
    assert main(["example", "hallefors-2015", "--output", str(toml), "--data", str(data)]) == 0
    return toml, data


def table(data: Path) -> list[list[str]]:
    """The rows of Hällefors' observations file."""
    with (data / "observations.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def report(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["report", *argv, "--on", ON]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_observations_from_stdin_give_the_same_report(
    hallefors: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    toml, data = hallefors
    events = str(data / "events.csv")
    from_file = report(capsys, str(toml), "--observations", str(data / "observations.csv"),
                       "--events", events)  # fmt: skip
    feed(monkeypatch, (data / "observations.csv").read_bytes())
    from_stdin = report(capsys, str(toml), "--observations", "-", "--events", events)
    # Only the list of sources differs: stdin instead of the file name.
    assert from_file.replace(str(data / "observations.csv"), "stdin") == from_stdin


def test_a_tab_separated_export_on_stdin_is_read(
    hallefors: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    toml, data = hallefors
    comma = report(capsys, str(toml), "--observations", str(data / "observations.csv"))
    tab_text = io.StringIO()
    csv.writer(tab_text, delimiter="\t", lineterminator="\n").writerows(table(data))
    assert "\t" in tab_text.getvalue()
    feed(monkeypatch, tab_text.getvalue().encode())
    tab = report(capsys, str(toml), "--observations", "-")
    assert comma.replace(str(data / "observations.csv"), "stdin") == tab


def test_a_workbook_on_stdin_is_read(
    hallefors: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    toml, data = hallefors
    csv_report = report(capsys, str(toml), "--observations", str(data / "observations.csv"))
    book = openpyxl.Workbook()
    sheet = book.active
    for cells in table(data):
        sheet.append([int(c) if c.isdigit() else (c or None) for c in cells])
    workbook = tmp_path / "observations.xlsx"
    book.save(workbook)
    feed(monkeypatch, workbook.read_bytes())
    from_stdin = report(capsys, str(toml), "--observations", "-")
    assert csv_report.replace(str(data / "observations.csv"), "stdin") == from_stdin


def test_the_agreement_on_stdin(
    hallefors: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    toml, data = hallefors
    feed(monkeypatch, toml.read_bytes())
    assert main(["validate", "-"]) == 0
    assert capsys.readouterr().out.strip() == "-: ok"
    feed(monkeypatch, toml.read_bytes())
    assert main(["show", "-"]) == 0
    assert "Hällefors" in capsys.readouterr().out
    feed(monkeypatch, toml.read_bytes())
    observations = str(data / "observations.csv")
    from_stdin = report(capsys, "-", "--observations", observations)
    assert (
        report(capsys, str(toml), "--observations", observations).replace(str(toml), "stdin")
        == from_stdin
    )
    feed(monkeypatch, b"{not json")
    assert main(["validate", "-"]) == 1
    assert "stdin" in capsys.readouterr().err


def test_only_one_input_from_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["report", "-", "--observations", "-", "--on", ON])
    assert caught.value.code == 2
    assert "bara en indatafil kan läsas från standard in (-)" in capsys.readouterr().err


def test_output_dash_is_stdout_and_creates_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = report(capsys, "--example", "hallefors-2015")
    assert main(["report", "--example", "hallefors-2015", "--on", ON, "--output", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == plain
    assert captured.err == ""
    for argv in (["example", "ggv-2016", "--output", "-"], ["example", "ggv-2016"]):
        # Without --output this raised an IndexError before (issue 12 follow-up).
        assert main(argv) == 0
        assert capsys.readouterr().out == examples.text("ggv-2016")
    assert not (tmp_path / "-").exists()


def test_ics_dash_is_the_calendar_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = ["schedule", "--example", "sjuharad-2020", "--from", "2021-01-01"]
    assert main([*argv, "--ics", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("BEGIN:VCALENDAR")
    assert captured.out.rstrip().endswith("END:VCALENDAR")
    assert "2021-" in captured.err  # the listing moved to stderr
    assert not (tmp_path / "-").exists()
    assert main([*argv, "--ics", "dua.ics"]) == 0
    capsys.readouterr()
    # The same calendar as the file but for its time stamps.
    stamp = [line for line in captured.out.splitlines() if not line.startswith("DTSTAMP")]
    written = (tmp_path / "dua.ics").read_text(encoding="utf-8").splitlines()
    assert stamp == [line for line in written if not line.startswith("DTSTAMP")]


def test_kaa_register_from_stdin_and_json_to_stdout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pupil, graduate, adult = PERSONNUMMER
    register = (
        "personnummer\themkommun\tfolkbokföringsstatus\texamensbevis\tstudiebevis\t"
        "inskrivning\tinskrivning_start\tinskrivning_slut\n"
        f"{pupil}\t1863\tfolkbokförd\t\t2019-06-10\tintroduktionsprogram\t2016-08-20\t2019-06-10\n"
        f"{graduate}\t1863\tfolkbokförd\t2018-06-14\t\tnationellt program\t2015-08-20\t2018-06-14\n"
        f"{adult}\t0180\tfolkbokförd\t\t\t\t\t\n"
    )
    key = tmp_path / "dua.key"
    key.write_text(KEY_HEX, encoding="utf-8")
    feed(monkeypatch, register.encode())
    argv = ["kaa", "-", "--on", "2019-09-15", "--key-file", str(key)]
    assert main([*argv, "--format", "json", "--output", "-"]) == 0
    captured = capsys.readouterr()
    assert '"covered_count": 1' in captured.out
    no_identity_numbers(captured.out + captured.err)


def two_sheets(path: Path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Utfall 2016"
    first.append(["indikator", "period", "täljare", "nämnare"])
    first.append(["ungdomsarbetsloshet", "2016-09", 170, 870])
    second = book.create_sheet("Utfall 2017")
    second.append(["indikator", "period", "täljare", "nämnare"])
    second.append(["ungdomsarbetsloshet", "2017-09", 150, 860])
    book.save(path)
    return path


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_sheet_picks_the_sheet_of_a_workbook_with_several(
    hallefors: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    toml, _ = hallefors
    book = str(two_sheets(tmp_path / "utfall.xlsx"))
    assert main(["report", str(toml), "--observations", book, "--on", ON]) == 1
    err = capsys.readouterr().err
    assert "several sheets hold data (Utfall 2016, Utfall 2017); name the sheet" in err
    assert "Traceback" not in err
    out = report(capsys, str(toml), "--observations", book, "--sheet", "Utfall 2017")
    assert "150/860" in out
    assert "170/870" not in out
    assert main(["report", str(toml), "--observations", book, "--sheet", "Blad9", "--on", ON]) == 1
    assert "no sheet named 'Blad9'; the sheets are Utfall 2016, Utfall 2017" in (
        capsys.readouterr().err
    )


COMMANDS = ("validate", "check", "show", "report", "kaa", "schedule", "example", "schema")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples_and_the_exit_status(
    command: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 6: two or three real examples and the exit statuses, in the run's
    language (tests/test_cli_help.py runs the examples)."""
    with pytest.raises(SystemExit) as caught:
        main(["--lang", lang, command, "--help"])
    assert caught.value.code == 0
    text = capsys.readouterr().out
    examples, exit_status = i18n.text("cli.help.examples", lang), i18n.text("cli.help.exit", lang)
    examples_part = text.split(f"{examples}\n", 1)[1].split(exit_status, 1)[0]
    runs = [line for line in examples_part.splitlines() if f"dua {command}" in line]
    assert len(runs) >= (1 if command == "schema" else 2)
    statuses = text.split(exit_status, 1)[1]
    for code, key in (("0", "cli.help.exit_0"), ("1", "cli.help.exit_1"), ("2", "cli.help.exit_2")):
        assert f"\n  {code}  {i18n.text(key, lang)}" in statuses
