"""Reading and writing agreement files (dua.io.files): formats, errors, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dua
from dua.errors import FileFormatError, ValidationError
from dua.io.files import SCHEMA_VERSION, agreement_from_data, format_for

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

MINIMAL = """\
schema_version = 1
id = "exempel"
title = "Lokal överenskommelse"
kind = "unga"
validity = { start = 2015-11-30, end = 2017-12-31 }

[[parties]]
id = "hallefors"
kind = "kommun"
name = "Hällefors kommun"
organisation_number = "212000-1942"
municipality_code = "1863"

[[goals]]
id = "arbetsloshet-2016"
kind = "nivå"
text = "Arbetslösheten i målgruppen ska vara högst 21,0 % i september 2016."
indicator = "ungdomsarbetsloshet"
unit = "procent"
targets = [{ comparison = "högst", value = "21.0", due = 2016-09-30 }]
"""


@pytest.fixture
def minimal() -> dua.Agreement:
    return dua.loads_agreement(MINIMAL)


def test_minimal_file_loads(minimal: dua.Agreement) -> None:
    assert minimal.parties[0].organisation_number == "212000-1942"
    assert str(minimal.goals[0].targets[0].value) == "21.0"  # stated precision kept


@pytest.mark.parametrize("suffix", [".toml", ".json", ".TOML"])
def test_file_round_trip(tmp_path: Path, minimal: dua.Agreement, suffix: str) -> None:
    path = tmp_path / f"avtal{suffix}"
    dua.dump_agreement(minimal, path)
    assert dua.load_agreement(path) == minimal
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file is left behind


def test_json_form_uses_iso_dates_and_decimal_texts(minimal: dua.Agreement) -> None:
    data = json.loads(dua.dumps_agreement(minimal, "json"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["validity"] == {"start": "2015-11-30", "end": "2017-12-31"}
    assert data["goals"][0]["targets"][0]["value"] == "21.0"
    # Defaults are left out rather than written as nulls (TOML has no null).
    assert "signatures" not in data
    assert "unit" not in data["parties"][0]


def test_toml_output_is_toml_with_native_dates(minimal: dua.Agreement) -> None:
    text = dua.dumps_agreement(minimal, "toml")
    assert text.startswith("schema_version = 1\n")
    assert "start = 2015-11-30" in text


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    # Files saved by Windows editors often start with a byte-order mark.
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    assert dua.load_agreement(path).id == "exempel"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("avtal.yaml", MINIMAL, "use .toml or .json"),
        ("avtal", MINIMAL, "use .toml or .json"),
        ("trasig.toml", 'id = "x\n', "not valid TOML"),
        ("trasig.json", '{"id": }', r"not valid JSON: .*\(line 1, column 8\)"),
        ("latin1.toml", None, "not UTF-8"),
        ("saknas.toml", False, "cannot read the file"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: object, message: str) -> None:
    path = tmp_path / name
    if content is None:
        path.write_bytes('title = "Hällefors"'.encode("latin-1"))
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    with pytest.raises(FileFormatError, match=message):
        dua.load_agreement(path)


def test_schema_version_is_required_and_checked_with_the_rest() -> None:
    with pytest.raises(ValidationError) as caught:
        dua.loads_agreement(MINIMAL.replace("schema_version = 1\n", "").replace('"unga"', '"x"'))
    assert caught.value.paths == ("schema_version", "kind")
    with pytest.raises(ValidationError, match="unsupported schema version"):
        dua.loads_agreement(MINIMAL.replace("schema_version = 1", "schema_version = 2"))


def test_top_level_must_be_a_table() -> None:
    with pytest.raises(ValidationError, match="table of keys"):
        agreement_from_data([1, 2])
    with pytest.raises(ValidationError, match="table of keys"):
        dua.loads_agreement("[1, 2]", "json")  # valid JSON, but not an agreement


def test_source_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "fel.toml"
    path.write_text(MINIMAL.replace('"1863"', '"9999"'), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        dua.load_agreement(path)
    assert str(path) in str(caught.value)
    assert caught.value.source == str(path)
    assert caught.value.paths == ("parties[0].municipality_code",)


def test_failed_write_leaves_existing_file_untouched(
    tmp_path: Path, minimal: dua.Agreement, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "avtal.toml"
    path.write_text("original", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("dua.io._atomic.os.replace", broken_replace)
    with pytest.raises(FileFormatError, match="cannot write the file: disk full"):
        dua.dump_agreement(minimal, path)
    assert path.read_text(encoding="utf-8") == "original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["avtal.toml"]


def test_format_for() -> None:
    assert format_for("a.toml") == "toml"
    assert format_for(Path("b.JSON")) == "json"
    with pytest.raises(FileFormatError):
        format_for("c.csv")
