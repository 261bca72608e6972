"""The `dua` command: show, validate, version, and its exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import dua
from dua.cli import main
from tests.test_files import MINIMAL


@pytest.fixture
def agreement_file(tmp_path: Path) -> Path:
    path = tmp_path / "avtal.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"dua {dua.__version__}"


def test_show_file_in_swedish_and_english(
    agreement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(agreement_file)]) == 0
    out = capsys.readouterr().out
    assert "Lokal överenskommelse" in out
    assert "Giltighet: 2015-11-30 – 2017-12-31" in out
    assert "Hällefors kommun (1863) org.nr 212000-1942" in out
    assert "högst 21,0 % (2016-09-30)" in out  # decimal comma in Swedish
    assert main(["show", "--lang", "en", str(agreement_file)]) == 0
    out = capsys.readouterr().out
    assert "Validity: 2015-11-30 – 2017-12-31" in out
    assert "at most 21.0 % (2016-09-30)" in out


def test_validate_ok_and_invalid(
    agreement_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "fel.toml"
    bad.write_text(MINIMAL.replace('"1863"', '"9999"'), encoding="utf-8")
    assert main(["validate", str(agreement_file)]) == 0
    assert capsys.readouterr().out.strip() == f"{agreement_file}: ok"
    assert main(["validate", str(agreement_file), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "parties[0].municipality_code" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_missing_file_is_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(tmp_path / "saknas.toml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("dua: ")
    assert "cannot read the file" in err


@pytest.mark.parametrize(
    "argv", [[], ["show"], ["frobnicate"], ["validate"], ["show", "--lang", "de", "x.toml"]]
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "användning: dua" in capsys.readouterr().err  # Swedish by default (issue 12)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_unknown_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--example", "atlantis-2030"]) == 1
    err = capsys.readouterr().err
    assert "no bundled example named 'atlantis-2030'" in err
    assert "hallefors-2015" in err


def test_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dua", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"dua {dua.__version__}"


# --- dua check (issue 11 §3) ------------------------------------------------------------------


def test_check_lists_the_examples_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--example", "ggv-2016", "--example", "sjuharad-2020"]) == 0
    out = capsys.readouterr().out
    assert "ggv-2016 (ggv-2016): 1 avvikelse\n" in out  # issue 12 item 4: "1 avvikelse"
    assert "sjuharad-2020 (sjuharad-2020): 4 avvikelser\n" in out
    assert '"12 månader" [state_grants[0].duration]' in out  # words first (issue 12 item 3)
    assert '"åtta kommuner"' in out
    assert "mötesfrekvens angiven på två sätt" in out


def test_check_strict_fails_on_findings_and_json(
    agreement_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(agreement_file), "--strict"]) == 0
    assert "inga avvikelser" in capsys.readouterr().out
    assert (
        main(
            [
                "check",
                "--example",
                "norrkoping-2018",
                "--strict",
                "--format",
                "json",
                "--lang",
                "en",
            ]
        )
        == 1
    )
    (document,) = json.loads(capsys.readouterr().out)
    assert document["agreement"] == "norrkoping-2018"
    assert [f["kind"] for f in document["findings"]] == ["count_word", "part_exceeds_whole"]
    assert document["findings"][1]["follows"] == "the whole is 113.4–130.8, the part 180"


def test_check_needs_an_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check"])
    assert exited.value.code == 2
    assert "check behöver FIL, --example NAMN eller --all-examples" in capsys.readouterr().err
