"""The `dua` command run as a user runs it: a subprocess, files in and out, exit statuses.

Issue "The `dua` command and follow-up reports": every command on the bundled examples,
every error path with its exit status (0 valid, 1 invalid input, 2 usage), the iCalendar
output parsed back, and no personnummer from the input in any output or message.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest

import dua
from tests.test_files import MINIMAL

# Valid but invented numbers (Luhn-correct), as in tests/io/test_persons.py.
PUPIL = "20000517-1236"  # 19 on 2019-09-15, introduction programme then studiebevis
GRADUATE = "20000301-2390"  # 19, has an examensbevis
ADULT = "19811228-9874"  # over 20
PERSONNUMMER = (PUPIL, GRADUATE, ADULT)
KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "dua", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        env=env,
    )


def no_identity_numbers(text: str) -> None:
    """No full number from the input, in any of its written forms, appears in `text`."""
    for number in PERSONNUMMER:
        digits = number.replace("-", "")
        for form in (number, digits, digits[2:], number[2:]):
            assert form not in text, form


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "\ufeffpersonnummer;kön;hemkommun;folkbokföringsstatus;examensbevis;studiebevis;"
        "inskrivning;inskrivning_start;inskrivning_slut\n"
        f"{PUPIL};K;1863;folkbokförd;;2019-06-10;introduktionsprogram;2016-08-20;2019-06-10\n"
        f"{GRADUATE};M;1863;folkbokförd;2018-06-14;;nationellt program;2015-08-20;2018-06-14\n"
        f"{ADULT};M;0180;folkbokförd;;;;;\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "dua.key"
    path.write_text(f"# test key\n{KEY_HEX}\n", encoding="utf-8")
    return path


# --- validate, show, schema, version ------------------------------------------------------


def test_version_and_schema() -> None:
    assert run("--version").stdout.strip() == f"dua {dua.__version__}"
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["schema_version"]["const"] == 1


def test_validate_exit_statuses(tmp_path: Path) -> None:
    good = tmp_path / "bra.toml"
    good.write_text(MINIMAL, encoding="utf-8")
    bad = tmp_path / "fel.json"
    bad.write_text(dua.dumps_agreement(dua.loads_agreement(MINIMAL), "json").replace(
        '"1863"', '"9999"'
    ), encoding="utf-8")  # fmt: skip
    assert run("validate", str(good)).returncode == 0
    result = run("validate", str(good), str(bad))
    assert result.returncode == 1
    assert "parties[0].municipality_code" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_every_example() -> None:
    result = run("show", "--all-examples")
    assert result.returncode == 0
    for name in dua.examples.names():
        assert f"Id: {name}" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--example", "atlantis-2030"], "no bundled example named 'atlantis-2030'"),
        (["show", "saknas.toml"], "cannot read the file"),
        (["report", "saknas.toml", "--observations", "o.csv"], "cannot read the file"),
        (["kaa", "saknas.csv", "--on", "2019-09-15"], "saknas.csv"),
        (["schedule", "saknas.toml"], "cannot read the file"),
    ],
)
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_user_errors_exit_1_with_one_message(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.startswith("dua: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["validate"],
        ["report", "--example", "ggv-2016", "--on", "2016-13-01"],
        ["report", "--example", "ggv-2016", "--format", "pdf"],
        ["report", "--example", "ggv-2016", "--suppress-below", "0"],
        ["report"],  # neither FILE nor --example
        ["report", "--example", "norsjo-2015"],  # no goals, no bundled data, no files
        ["kaa", "register.csv"],  # --on is required
        ["schedule", "--example", "ggv-2016", "--from", "2017-01-01", "--to", "2016-01-01"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "användning: dua" in result.stderr  # Swedish by default (issue 12)
    assert "Traceback" not in result.stderr


# --- report ------------------------------------------------------------------------------


def test_report_on_an_example_in_every_format(tmp_path: Path) -> None:
    markdown = run("report", "--example", "hallefors-2015", "--on", "2017-12-31")
    assert markdown.returncode == 0
    assert markdown.stdout.startswith("# Uppföljningsrapport")
    assert "Beräknad för | 2017-12-31" in markdown.stdout
    assert "dua.examples.followup:hallefors-2015/observations.csv" in markdown.stdout
    english = run("report", "--example", "hallefors-2015", "--on", "2017-12-31", "--lang", "en")
    assert english.returncode == 0
    assert "Follow-up report" in english.stdout
    out = tmp_path / "rapport.html"
    html = run(
        "report", "--example", "sjuharad-2020", "--on", "2021-12-31", "--format", "html",
        "--suppress-below", "5", "--output", str(out),
    )  # fmt: skip
    assert html.returncode == 0
    assert html.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)=\"https?:", text)  # self-contained
    data = json.loads(
        run("report", "--example", "ggv-2016", "--on", "2018-12-31", "--format", "json").stdout
    )
    assert data["computed_for"] == "2018-12-31"


def test_report_from_csv_exports(tmp_path: Path) -> None:
    # A Swedish export: BOM, semicolons, decimal comma, Swedish column names.
    agreement = tmp_path / "avtal.toml"
    agreement.write_text(MINIMAL, encoding="utf-8")
    observations = tmp_path / "observationer.csv"
    observations.write_text(
        "\ufeffindikator;enhet;period;värde\nungdomsarbetsloshet;;2016-09;20,6\n",
        encoding="utf-8",
    )
    result = run(
        "report", str(agreement), "--observations", str(observations), "--on", "2016-12-31"
    )
    assert result.returncode == 0, result.stderr
    assert "observationer.csv" in result.stdout  # the data files used are named
    assert "uppnått" in result.stdout


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_malformed_csv_row_names_its_line_and_column(tmp_path: Path) -> None:
    agreement = tmp_path / "avtal.toml"
    agreement.write_text(MINIMAL, encoding="utf-8")
    observations = tmp_path / "obs.csv"
    observations.write_text(
        "indikator;enhet;datum;värde\n"
        "ungdomsarbetsloshet;;2016-09-30;20,6\n"
        "ungdomsarbetsloshet;;2016-13-01;19,0\n",
        encoding="utf-8",
    )
    result = run("report", str(agreement), "--observations", str(observations))
    assert result.returncode == 1
    assert "obs.csv" in result.stderr
    assert "line 3" in result.stderr
    assert "datum" in result.stderr


def test_output_is_not_written_on_error(tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    out.write_text("gammal rapport", encoding="utf-8")
    result = run(
        "report", str(tmp_path / "saknas.toml"), "--observations", "x.csv",
        "--output", str(out),
    )  # fmt: skip
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == "gammal rapport"


# --- kaa ---------------------------------------------------------------------------------


def test_kaa_register_run_reveals_no_identity_number(
    register: Path, key_file: Path, tmp_path: Path
) -> None:
    # Skollagen 29 kap. 9 §: on 2019-09-15 the pupil (19, only a studiebevis, no longer
    # enrolled) is covered; the graduate (examensbevis) and the adult (over 20) are not.
    result = run("kaa", str(register), "--on", "2019-09-15", "--key-file", str(key_file))
    assert result.returncode == 0, result.stderr
    assert "Omfattas: 1" in result.stdout
    assert "Hällefors (1863): 1" in result.stdout
    assert "har fyllt 20 år: 1" in result.stdout
    assert "har fullföljt gymnasieutbildning: 1" in result.stdout
    no_identity_numbers(result.stdout + result.stderr)
    pseudonym = dua.identifiers.pseudonymise(PUPIL, bytes.fromhex(KEY_HEX))
    assert pseudonym in result.stdout
    explained = run(
        "kaa", str(register), "--on", "2019-09-15", "--key-file", str(key_file), "--explain",
        "--format", "json", "--output", str(tmp_path / "kaa.json"),
    )  # fmt: skip
    assert explained.returncode == 0, explained.stderr
    written = (tmp_path / "kaa.json").read_text(encoding="utf-8")
    no_identity_numbers(written)
    data = json.loads(written)
    assert data["covered_count"] == 1
    assert [p["key"] for p in data["covered"]["1863"]] == [pseudonym]


def test_kaa_without_key_file_uses_a_one_off_key(register: Path) -> None:
    first = run("kaa", str(register), "--on", "2019-09-15")
    second = run("kaa", str(register), "--on", "2019-09-15")
    assert first.returncode == second.returncode == 0
    assert "pseudonymerna gäller bara denna körning" in first.stderr
    assert first.stdout != second.stdout  # different one-off keys, unrelated pseudonyms
    no_identity_numbers(first.stdout + first.stderr)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_kaa_errors_mask_numbers(tmp_path: Path, key_file: Path) -> None:
    broken = tmp_path / "fel.csv"
    broken.write_text(
        f"personnummer;hemkommun\n{PUPIL[:-1]}7;1863\n{GRADUATE};9999\n", encoding="utf-8"
    )
    result = run("kaa", str(broken), "--on", "2019-09-15", "--key-file", str(key_file))
    assert result.returncode == 1
    assert "line 2" in result.stderr
    assert "line 3" in result.stderr
    no_identity_numbers(result.stderr + result.stdout)
    assert f"{PUPIL[:-1]}7" not in result.stderr


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_kaa_before_the_law_versions_is_a_clear_error(register: Path, key_file: Path) -> None:
    result = run("kaa", str(register), "--on", "2014-06-30", "--key-file", str(key_file))
    assert result.returncode == 1
    assert "versions cover 2015-01-01 onwards" in result.stderr


# --- schedule ----------------------------------------------------------------------------


def test_schedule_writes_a_calendar_that_parses_back(tmp_path: Path) -> None:
    ics = tmp_path / "ggv.ics"
    result = run(
        "schedule", "--example", "ggv-2016", "--from", "2016-06-01", "--to", "2016-12-31",
        "--ics", str(ics),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Styrgrupp" in result.stdout
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events
    days = sorted(event.decoded("DTSTART") for event in events)
    assert all(date(2016, 6, 1) <= day <= date(2016, 12, 31) for day in days)
    assert len({str(event["UID"]) for event in events}) == len(events)
    # GGV: the steering group meets every other month: 4 times from June to December.
    steering = [e for e in events if "Styrgrupp" in str(e["SUMMARY"])]
    assert len(steering) == 4


def test_data_that_no_goal_uses_is_warned_about(tmp_path: Path) -> None:
    agreement = tmp_path / "avtal.toml"
    agreement.write_text(MINIMAL, encoding="utf-8")
    observations = tmp_path / "obs.csv"
    observations.write_text(
        "indikator;period;värde\nungdomsarbetslöshet;2016-09;20,6\n", encoding="utf-8"
    )
    result = run("report", str(agreement), "--observations", str(observations), "--on",
                 "2016-12-31")  # fmt: skip
    assert result.returncode == 0
    assert "inget mål använder observations: 'ungdomsarbetslöshet'" in result.stderr


def test_example_command_writes_the_files_a_tutorial_starts_from(tmp_path: Path) -> None:
    result = run("example", "hallefors-2015", "--output", "avtal.toml", "--data", "data",
                 cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert dua.load_agreement(tmp_path / "avtal.toml") == dua.examples.load("hallefors-2015")
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [
        "events.csv",
        "observations.csv",
    ]
    report = run(
        "report", "avtal.toml", "--observations", "data/observations.csv", "--events",
        "data/events.csv", "--on", "2017-12-31", cwd=tmp_path,
    )  # fmt: skip
    bundled = run("report", "--example", "hallefors-2015", "--on", "2017-12-31")
    # The same statuses whether the data comes bundled or from the written files.
    summary = report.stdout.split("## Sammanfattning")[1].split("## Mål")[0]
    assert summary == bundled.stdout.split("## Sammanfattning")[1].split("## Mål")[0]
    # Norsjö states no goals and has no follow-up data: refused before anything is written.
    refused = run("example", "norsjo-2015", "--data", "d", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert not (tmp_path / "d").exists()
