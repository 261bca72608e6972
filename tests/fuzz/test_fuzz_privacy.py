"""No identity number in any output (issue 8, item 3): valid personnummer and
samordningsnummer are planted in agreement files, follow-up tables and person registers
(as values, keys, column names and cells), and nothing the readers raise nor anything the
`dua` command prints may show one, in any of its written forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dua
from dua.io import agreement_to_data, followup_from_files, loads_agreement
from dua.model import Agreement
from tests.fuzz._support import (
    assert_no_identity_number,
    contained,
    fuzz_settings,
    json_text,
    personal_identity_numbers,
    run_cli,
    toml_text,
)
from tests.fuzz.test_fuzz_tables import BUNDLED, csv_text, parse_rows, registers

NAMES = dua.examples.names()
DATA = {name: agreement_to_data(dua.examples.load(name)) for name in NAMES}
SHAPES = ("{}", "{} ", "x{}", "{}.toml", "personnummer {}", "{}\n")


@st.composite
def planted(draw: st.DrawFn, number: str) -> str:
    """`number` in one of its written forms, alone or inside a text."""
    digits = number.replace("-", "")
    form = draw(st.sampled_from([number, digits, digits[2:], f"{digits[2:8]}-{digits[8:]}"]))
    return draw(st.sampled_from(SHAPES)).format(form)


def _plant(draw: st.DrawFn, tree: Any, numbers: list[str]) -> Any:
    """`tree` with strings (values or keys) replaced by planted numbers."""
    if isinstance(tree, dict):
        result = {}
        for key, value in tree.items():
            if draw(st.integers(0, 30)) == 0:
                key = draw(planted(draw(st.sampled_from(numbers))))
            result[key] = _plant(draw, value, numbers)
        return result
    if isinstance(tree, list):
        return [_plant(draw, item, numbers) for item in tree]
    if isinstance(tree, str) and draw(st.integers(0, 8)) == 0:
        return draw(planted(draw(st.sampled_from(numbers))))
    return tree


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("privacy")


NUMBERS = st.lists(personal_identity_numbers(), min_size=1, max_size=3)


@fuzz_settings(15)
@given(st.sampled_from(NAMES), NUMBERS, st.data())
def test_agreement_files_with_identity_numbers(
    folder: Path, name: str, numbers: list[str], data: Any
) -> None:
    tree = _plant(data.draw, DATA[name], numbers)
    for text, format in ((json_text(tree), "json"), (toml_text(tree), "toml")):
        if text is None:
            continue
        result = contained(lambda: loads_agreement(text, format), "loading")  # type: ignore[arg-type]  # format is "toml" or "json"  # noqa: B023  # called at once
        if not isinstance(result, Agreement):
            assert_no_identity_number(str(result), numbers)
            assert_no_identity_number(repr(result), numbers)
        path = folder / f"avtal.{format}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        for argv in (["validate", str(path)], ["show", str(path)],
                     ["report", str(path), "--example", name, "--on", "2017-12-31"]):  # fmt: skip
            _, out, err = run_cli(argv, seconds=3.0)
            assert_no_identity_number(out + err, numbers)


@fuzz_settings(15)
@given(st.sampled_from(BUNDLED), NUMBERS, st.data())
def test_follow_up_tables_with_identity_numbers(
    folder: Path, bundled: tuple[str, str], numbers: list[str], data: Any
) -> None:
    kind, text = bundled
    rows = parse_rows(text)[:10]
    for _ in range(data.draw(st.integers(1, 4))):
        row = data.draw(st.sampled_from(rows))
        if row:
            row[data.draw(st.integers(0, len(row) - 1))] = data.draw(
                planted(data.draw(st.sampled_from(numbers)))
            )
    path = folder / f"{kind}.csv"
    path.write_text(csv_text(rows, data.draw(st.sampled_from([",", ";"]))), encoding="utf-8")
    result = contained(lambda: followup_from_files(**{kind: path}), f"reading {kind}")
    assert_no_identity_number(str(result) if isinstance(result, Exception) else "", numbers)
    argv = ["report", "--example", "norrkoping-2018", f"--{kind}", str(path), "--on", "2019-12-31"]
    for format in ("md", "json"):
        _, out, err = run_cli([*argv, "--format", format], seconds=3.0)
        assert_no_identity_number(out + err, numbers)


@fuzz_settings(15)
@given(registers(), st.data())
def test_kaa_registers_reveal_no_identity_number(
    folder: Path, rows: list[list[str]], data: Any
) -> None:
    numbers = [row[0] for row in rows[1:]]
    for _ in range(data.draw(st.integers(0, 3))):
        row = data.draw(st.sampled_from(rows))
        row[data.draw(st.integers(0, len(row) - 1))] = data.draw(
            planted(data.draw(st.sampled_from(numbers)))
        )
    path = folder / "register.csv"
    path.write_text(csv_text(rows, ";"), encoding="utf-8")
    on = data.draw(st.sampled_from(["2019-09-15", "2016-01-01", "9999-12-31"]))
    for extra in ([], ["--explain"], ["--format", "json"]):
        _, out, err = run_cli(["kaa", str(path), "--on", on, *extra])
        assert_no_identity_number(out + err, numbers)
