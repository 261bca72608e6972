"""Fuzzing the `dua` command in-process (issue 8, item 3): every command, given mutated
agreement files, follow-up CSV files, person registers and odd arguments (dates at the
ends of the calendar and in the other ISO forms, huge numbers), exits with status 0, 1
or 2 and a message, never an exception or a traceback, within a second of CPU time for
each input."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dua
from dua.io import agreement_to_data, dumps_agreement
from tests.fuzz._support import (
    HOSTILE_TEXTS,
    fuzz_settings,
    json_text,
    mutated_bytes,
    mutated_trees,
    run_cli,
    toml_text,
)
from tests.fuzz.test_fuzz_tables import BUNDLED, csv_text, mutated_rows, parse_rows, registers

NAMES = dua.examples.names()
DATA = {name: agreement_to_data(dua.examples.load(name)) for name in NAMES}

ODD_DATES = ["9999-12-31", "0001-01-01", "9999-01-01", "2017-12-31", "20150203",
             "2015-W05-2", "2015-034", "2016-02-30", "", "x"]  # fmt: skip
DATE_ARGS = st.one_of(st.dates().map(date.isoformat), st.sampled_from(ODD_DATES))
NUMBER_ARGS = st.one_of(st.sampled_from(HOSTILE_TEXTS[:12]), st.integers().map(str))
REPORT_SECONDS = 3.0
"""A whole report computes goals, shares and consistency checks over an agreement and
its data: three CPU seconds for the command (its files load in under one)."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli")


@st.composite
def agreement_files(draw: st.DrawFn, folder: Path) -> Path:
    """A bundled agreement, mutated structurally or byte-wise (or not at all)."""
    name = draw(st.sampled_from(NAMES))
    how = draw(st.sampled_from(["as is", "tree-json", "tree-toml", "bytes"]))
    path = folder / ("avtal.json" if how == "tree-json" else "avtal.toml")
    if how == "as is":
        path.write_text(dumps_agreement(dua.examples.load(name)), encoding="utf-8")
    elif how == "bytes":
        path.write_bytes(draw(mutated_bytes(dua.examples.text(name).encode("utf-8"))))
    else:
        tree = draw(mutated_trees(DATA[name]))
        text = json_text(tree) if how == "tree-json" else toml_text(tree)
        path.write_text(text or json_text(tree), encoding="utf-8", errors="surrogatepass")
    return path


@fuzz_settings(40)
@given(st.data())
def test_validate_show_and_schedule(folder: Path, data: Any) -> None:
    path = data.draw(agreement_files(folder))
    run_cli(["validate", str(path)])
    run_cli(["show", str(path), "--lang", data.draw(st.sampled_from(["sv", "en"]))])
    argv = ["schedule", str(path), "--from", data.draw(DATE_ARGS)]
    if data.draw(st.booleans()):
        argv += ["--to", data.draw(DATE_ARGS)]
    run_cli(argv)


@fuzz_settings(40)
@given(st.data())
def test_report(folder: Path, data: Any) -> None:
    path = data.draw(agreement_files(folder))
    kind, text = data.draw(st.sampled_from(BUNDLED))
    table = folder / f"{kind}.csv"
    rows = (
        data.draw(mutated_rows(parse_rows(text))) if data.draw(st.booleans()) else parse_rows(text)
    )
    table.write_text(csv_text(rows, ","), encoding="utf-8", errors="surrogatepass")
    argv = ["report", str(path), f"--{kind}", str(table), "--on", data.draw(DATE_ARGS)]
    argv += ["--format", data.draw(st.sampled_from(["md", "html", "json"]))]
    if data.draw(st.booleans()):
        argv += ["--suppress-below", data.draw(NUMBER_ARGS)]
    run_cli(argv, seconds=REPORT_SECONDS)


@fuzz_settings(12)
@given(st.data())
def test_report_on_a_bundled_example(data: Any) -> None:
    name = data.draw(st.sampled_from(dua.io.followup_names()))
    argv = ["report", "--example", name, "--on", data.draw(DATE_ARGS)]
    argv += ["--lang", data.draw(st.sampled_from(["sv", "en"]))]
    run_cli(argv, seconds=REPORT_SECONDS)


@fuzz_settings(50)
@given(registers(), st.data())
def test_kaa(folder: Path, rows: list[list[str]], data: Any) -> None:
    path = folder / "register.csv"
    if data.draw(st.booleans()):
        path.write_bytes(data.draw(mutated_bytes(csv_text(rows, ";").encode("utf-8"))))
    else:
        text = csv_text(data.draw(mutated_rows(rows)), ";")
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    argv = ["kaa", str(path), "--on", data.draw(DATE_ARGS)]
    argv += data.draw(st.sampled_from([[], ["--explain"], ["--format", "json"]]))
    if data.draw(st.booleans()):
        argv += ["--municipality", data.draw(st.sampled_from(["1863", "0180", "9999", "x"]))]
    run_cli(argv)
