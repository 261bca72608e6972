"""Fuzzing every table reader (issue 8, item 3): the bundled follow-up CSV files, person
registers, Excel workbooks and follow-up JSON, mutated cell by cell and byte by byte,
must each be read or refused with a `dua.errors` exception within a second; a register
that is read must also go through the KAA rules without a crash."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from dua.io import followup_from_files
from dua.io.followup import read_json
from dua.io.persons import read_persons
from dua.model import Person
from dua.rules.kaa import kaa_register
from tests.fuzz._support import (
    HOSTILE_TEXTS,
    contained,
    fuzz_settings,
    json_text,
    mutated_bytes,
    mutated_trees,
    personal_identity_numbers,
)

KEY = bytes(range(32))
FOLLOWUP = resources.files("dua.examples").joinpath("followup")
BUNDLED: list[tuple[str, str]] = sorted(
    (entry.name.removesuffix(".csv"), entry.read_text(encoding="utf-8"))
    for folder in FOLLOWUP.iterdir()
    if folder.is_dir()
    for entry in folder.iterdir()
    if entry.name.endswith(".csv")
)
"""(kind, text) of every bundled follow-up CSV file."""

REGISTER_HEADER = [
    "personnummer", "kön", "hemkommun", "folkbokföringsstatus", "examensbevis",
    "studiebevis", "inskrivning", "inskrivning_start", "inskrivning_slut",
]  # fmt: skip


@st.composite
def registers(draw: st.DrawFn) -> list[list[str]]:
    """A person register: the header and a few rows of valid-looking persons."""
    rows = [REGISTER_HEADER]
    for _ in range(draw(st.integers(1, 4))):
        rows.append([
            draw(personal_identity_numbers()),
            draw(st.sampled_from(["K", "M", "kvinna", ""])),
            draw(st.sampled_from(["1863", "0180", "0114", ""])),
            draw(st.sampled_from(["folkbokförd", "utvandrad", ""])),
            draw(st.sampled_from(["", "2018-06-14"])),
            draw(st.sampled_from(["", "2019-06-10"])),
            draw(st.sampled_from(["", "introduktionsprogram", "nationellt program"])),
            draw(st.sampled_from(["", "2016-08-20"])),
            draw(st.sampled_from(["", "2019-06-10"])),
        ])  # fmt: skip
    return rows


CELLS = st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(max_size=12), personal_identity_numbers())


@st.composite
def mutated_rows(draw: st.DrawFn, rows: list[list[str]]) -> list[list[str]]:
    """`rows` with cells replaced, a row cut short or lengthened, or a column added."""
    rows = [list(row) for row in rows]
    for _ in range(draw(st.integers(1, 4))):
        row = draw(st.sampled_from(rows))
        operation = draw(st.sampled_from(["cell", "cell", "cell", "short", "long", "column"]))
        if operation == "cell" and row:
            row[draw(st.integers(0, len(row) - 1))] = draw(CELLS)
        elif operation == "short" and row:
            row.pop()
        elif operation == "long":
            row.append(draw(CELLS))
        else:
            for each in rows:
                each.append(draw(CELLS))
    return rows


def csv_text(rows: list[list[str]], separator: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    return out.getvalue()


def parse_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tables")


def read_followup_file(kind: str, path: Path) -> object:
    return contained(lambda: followup_from_files(**{kind: path}), f"reading {kind}")


def read_register(path: Path, on: date) -> None:
    persons = contained(lambda: read_persons(path, key=KEY, on=on), "reading a register")
    if isinstance(persons, list):
        assert all(isinstance(person, Person) for person in persons)
        contained(lambda: kaa_register(persons, on), "the KAA register")


DATES = st.one_of(st.dates(), st.sampled_from([date.min, date.max, date(2019, 9, 15)]))


@fuzz_settings(150)
@given(st.sampled_from(BUNDLED), st.sampled_from([",", ";"]), st.data())
def test_follow_up_csv_cells(
    folder: Path, bundled: tuple[str, str], separator: str, data: Any
) -> None:
    kind, text = bundled
    rows = data.draw(mutated_rows(parse_rows(text)))
    path = folder / f"{kind}.csv"
    # A lone surrogate written with `surrogatepass` is what a broken exporter writes.
    path.write_text(csv_text(rows, separator), encoding="utf-8", errors="surrogatepass")
    read_followup_file(kind, path)


@fuzz_settings(150)
@given(st.sampled_from(BUNDLED), st.data())
def test_follow_up_csv_bytes(folder: Path, bundled: tuple[str, str], data: Any) -> None:
    kind, text = bundled
    path = folder / f"{kind}.csv"
    path.write_bytes(data.draw(mutated_bytes(text.encode("utf-8"))))
    read_followup_file(kind, path)


@fuzz_settings(100)
@given(registers(), st.sampled_from([",", ";"]), DATES, st.data())
def test_person_register_cells(
    folder: Path, rows: list[list[str]], separator: str, on: date, data: Any
) -> None:
    path = folder / "register.csv"
    text = csv_text(data.draw(mutated_rows(rows)), separator)
    path.write_text(text, encoding="utf-8-sig", errors="surrogatepass")
    read_register(path, on)


@fuzz_settings(100)
@given(registers(), DATES, st.data())
def test_person_register_bytes(folder: Path, rows: list[list[str]], on: date, data: Any) -> None:
    path = folder / "register.csv"
    path.write_bytes(data.draw(mutated_bytes(csv_text(rows, ";").encode("utf-8"))))
    read_register(path, on)


def _storable(value: object) -> object:
    # What a workbook can hold: openpyxl refuses control characters and surrogates.
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        return text.encode("utf-8", "replace").decode("utf-8")
    return value


XLSX_VALUES = st.one_of(
    CELLS.map(_storable),
    st.sampled_from([1e308, -1e-300, 10**40, 0.1, 2**53 + 1, True, None]),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
    st.datetimes(min_value=datetime(1900, 3, 1)),
)


@fuzz_settings(25)
@given(registers(), st.sampled_from(BUNDLED), st.data())
def test_workbooks(
    folder: Path, rows: list[list[str]], bundled: tuple[str, str], data: Any
) -> None:
    kind, text = bundled
    for name, table in (("register", rows), (kind, parse_rows(text))):
        cells: list[list[object]] = [list(row) for row in table[:8]]
        for _ in range(data.draw(st.integers(1, 4))):
            row = data.draw(st.sampled_from(cells))
            if row:
                row[data.draw(st.integers(0, len(row) - 1))] = data.draw(XLSX_VALUES)
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in cells:
            sheet.append(row)
        path = folder / f"{name}.xlsx"
        workbook.save(path)
        if name == "register":
            read_register(path, date(2019, 9, 15))
        else:
            read_followup_file(kind, path)


def _json_document() -> dict[str, Any]:
    document: dict[str, Any] = {}
    for kind, text in BUNDLED:
        if kind == "measures":
            document["measures"] = dict(parse_rows(text)[1:])  # type: ignore[arg-type]  # two cells a row
        else:
            document.setdefault(kind, []).extend(csv.DictReader(io.StringIO(text)))
    return {key: value if key == "measures" else value[:6] for key, value in document.items()}


JSON_DOCUMENT = _json_document()


@fuzz_settings(80)
@given(mutated_trees(JSON_DOCUMENT))
def test_follow_up_json(tree: Any) -> None:
    text = json_text(tree)
    contained(lambda: read_json(text, source="data.json"), "reading follow-up JSON")
