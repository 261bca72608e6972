"""Reading tables as Swedish systems export them (issue 5, §2 "Inputs people actually
have"): UTF-8 with or without BOM, `;` or `,`, decimal comma, ISO dates, Swedish or English
column names, every problem reported by line and column, nothing skipped, identity numbers
masked, and `.xlsx` with the same rules."""

from __future__ import annotations

import csv
import io
import re
import sys
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl  # in the dev extra (via xlsx): never skipped
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.errors import FileFormatError, ValidationError
from dua.io import followup, persons
from dua.io.tables import (
    Column,
    Layout,
    Row,
    RowError,
    TableData,
    choice,
    detect_separator,
    mask_text,
    normalise_name,
    parse_csv,
    parse_date,
    parse_decimal,
    parse_fraction,
    parse_list,
    parse_whole_number,
    read_mappings,
    read_rows,
    read_table,
)
from dua.model import Sex

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

DOCS = Path(__file__).resolve().parents[2] / "docs"

LAYOUT = Layout(
    "demo",
    (
        Column(name="date", swedish="datum", parse=parse_date, required=True, kind="date"),
        Column(name="value", swedish="värde", parse=parse_fraction, kind="number"),
        Column(name="count", swedish="antal", parse=parse_whole_number, kind="whole number"),
        Column(name="name", swedish="namn", aliases=("benämning",)),
        Column(name="sex", swedish="kön", parse=choice(Sex, {"k": Sex.FEMALE})),
        Column(name="tags", swedish="taggar", parse=parse_list),
        Column(name="amount", swedish="belopp", parse=parse_decimal),
    ),
)


def rows(text: str | bytes, layout: Layout = LAYOUT) -> list[Row]:
    return parse_csv(text, layout, lambda row: row, source="demo.csv")


def problems(text: str | bytes, layout: Layout = LAYOUT) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        rows(text, layout)
    assert caught.value.source == "demo.csv"
    return [str(p) for p in caught.value.problems]


# -- encodings, separators, quoting, decimal comma ----------------------------------------

SAME_TABLE = [
    # Excel "CSV UTF-8" with Swedish settings: BOM, `;`, decimal comma unquoted.
    "\ufeffDatum;Värde;Antal;Namn\n2016-09-30;21,5;1 744;Hällefors\n",
    # Without BOM.
    "datum;värde;antal;namn\n2016-09-30;21,5;1 744;Hällefors\n",
    # `,` with the decimal comma quoted, English names, CRLF line ends.
    'date,value,count,name\r\n2016-09-30,"21,5",1744,Hällefors\r\n',
    # `,` with a decimal point.
    "DATE,Value,COUNT,Name\n2016-09-30,21.5,1744,Hällefors\n",
    # Diacritics, spaces and quotes in the header do not matter.
    '"DATUM";"varde";"antal";"benämning"\n2016-09-30;"21,50";"1744";"Hällefors"\n',
]


@pytest.mark.parametrize("text", SAME_TABLE)
def test_the_same_table_however_it_is_exported(text: str) -> None:
    [row] = rows(text)
    assert row.values["date"] == date(2016, 9, 30)
    assert row.values["value"] == Fraction(43, 2)
    assert isinstance(row.values["value"], Fraction)  # exact, never a float
    assert row.values["count"] == 1744
    assert row.values["name"] == "Hällefors"
    assert row.line == 2


def test_bytes_with_a_bom_are_read_as_utf8() -> None:
    data = "datum;namn\n2016-01-01;Norrköping\n".encode("utf-8-sig")
    [row] = rows(data)
    assert row.values["name"] == "Norrköping"
    assert row.headers == {"date": "datum", "name": "namn"}


def test_other_encodings_are_refused_with_a_hint() -> None:
    data = "datum;namn\n2016-01-01;Norrköping\n".encode("cp1252")
    with pytest.raises(FileFormatError, match=r"not UTF-8.*CSV UTF-8"):
        rows(data)


@pytest.mark.parametrize(
    ("line", "separator"),
    [
        ("indikator;enhet;datum", ";"),
        ("indicator,unit,date", ","),
        ("datum", ","),
        ('"a;b",c', ","),  # a `;` inside quotes does not count
        ('"a,b";c', ";"),
        ("a,b;c", ";"),  # any `;` outside quotes decides
        ("indikator\tenhet\tdatum", "\t"),  # a tab-separated export (issue 12, item 6)
        ('"a\tb",c', ","),  # a tab inside quotes does not count
        ("a\tb;c", ";"),  # a `;` outside quotes still decides
    ],
)
def test_the_separator_comes_from_the_header(line: str, separator: str) -> None:
    assert detect_separator(line) == separator


def test_quoted_fields_hold_separators_quotes_and_line_breaks() -> None:
    text = (
        'datum;namn;taggar\n2016-01-01;"Ett ""citat""; och mer\nrad två";"a;b; c"\n2016-01-02;x;\n'
    )
    first, second = rows(text)
    assert first.values["name"] == 'Ett "citat"; och mer\nrad två'
    assert first.values["tags"] == ("a", "b", "c")
    assert (first.line, second.line) == (2, 4)  # a record is numbered by its first line


def test_cells_are_stripped_and_empty_cells_are_missing() -> None:
    [row] = rows("datum;värde;namn\n 2016-01-01 ;  ;  x \n")
    assert row.values == {"date": date(2016, 1, 1), "value": None, "name": "x"}


def test_choices_and_decimals() -> None:
    [row] = rows("datum;kön;belopp\n2016-01-01;K;21,0\n")
    assert row.values["sex"] is Sex.FEMALE
    assert row.values["amount"] == Decimal("21.0")
    assert str(row.values["amount"]) == "21.0"  # the stated precision is kept


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("Födelsedatum", "fodelsedatum"),
        ("KÖN", "kon"),
        ("home municipality", "home_municipality"),
        ("inskrivning-start", "inskrivning_start"),
        (" Täljare ", "taljare"),
        ("Nämnare", "namnare"),
    ],
)
def test_column_names_match_without_case_or_diacritics(written: str, normalised: str) -> None:
    assert normalise_name(written) == normalised


# -- nothing is skipped ----------------------------------------------------------------------


def test_every_row_is_read_and_only_empty_rows_are_passed_over() -> None:
    # Empty lines and lines of separators only (spreadsheets write them after a table)
    # hold no data; every other row comes back, in order, with its line number.
    text = "datum;namn\n2016-01-01;a\n\n2016-01-02;b\n;\n2016-01-03;c\n;;;\n"
    found = rows(text)
    assert [(r.line, r.values["name"]) for r in found] == [(2, "a"), (4, "b"), (6, "c")]
    # A row with one value in it is not empty: it is read, or reported.
    assert problems(text + ";x;\n") == [
        "line 8: has 3 cells but the header has 2 columns (a value holding the separator "
        'must be quoted, e.g. "21,0")'
    ]


def test_a_header_only_file_has_no_rows() -> None:
    assert rows("datum;namn\n") == []


# -- every error path, with line and column ----------------------------------------------------

ERRORS = [
    (
        "datum;värde\n2016-13-01;1\n",
        "line 2, column datum: not a valid date '2016-13-01' (write YYYY-MM-DD)",
    ),
    ("date\n30/9/2016\n", "line 2, column date: not a valid date '30/9/2016' (write YYYY-MM-DD)"),
    ("date\n20160930\n", "line 2, column date: not a valid date '20160930' (write YYYY-MM-DD)"),
    (
        "datum;värde\n2016-01-01;21.0.1\n",
        "line 2, column värde: not a number: '21.0.1' (write e.g. 21,0 or 21.0; 1 744 for thousands)",
    ),
    (
        "datum;antal\n2016-01-01;2,5\n",
        "line 2, column antal: not a whole number ≥ 0: '2,5' (write e.g. 171 or 1 744)",
    ),
    (
        "datum;antal\n2016-01-01;-3\n",
        "line 2, column antal: not a whole number ≥ 0: '-3' (write e.g. 171 or 1 744)",
    ),
    ("datum;kön\n2016-01-01;x\n", "line 2, column kön: not one of kvinna, man: 'x'"),
    (
        "datum;belopp\n2016-01-01;tio\n",
        "line 2, column belopp: not a number: 'tio' (write e.g. 21,0 or 21.0; 1 744 for thousands)",
    ),
    ("datum;namn\n;x\n", "line 2, column datum: is empty; date (datum) is required (date)"),
    (
        "datum;namn\n2016-01-01;x;y\n",
        "line 2: has 3 cells but the header has 2 columns (a value holding the separator must "
        'be quoted, e.g. "21,0")',
    ),
    (
        "datum;namn;värde\n2016-01-01;x\n",
        "line 2: has 2 cells but the header has 3 columns (a value holding the separator must "
        'be quoted, e.g. "21,0")',
    ),
    (
        "datum;färg\n2016-01-01;röd\n",
        "line 1, column färg: unknown column 'färg'; the known columns are date (datum), "
        "value (värde), count (antal), name (namn), sex (kön), tags (taggar), amount (belopp)",
    ),
    (
        "datum;namn;benämning\n2016-01-01;x;y\n",
        "line 1, column benämning: the column name (namn) is given twice (also as 'namn')",
    ),
    ("datum;;namn\n2016-01-01;;x\n", "line 1, column 2: has no name; name the column or remove it"),
    (
        "namn;värde\nx;1\n",
        "line 1: the required column date (datum) is missing (columns found: namn, värde)",
    ),
    (
        'datum;namn\n2016-01-01;"x"y\n',
        "line 2: the CSV cannot be read from here on (';' expected after '\"'); check the quotes "
        '(a " inside a quoted value is written "")',
    ),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_each_problem_names_its_line_and_column(text: str, message: str) -> None:
    found = problems(text)
    assert message in found, found


def test_all_problems_of_a_file_are_reported_together() -> None:
    text = (
        "datum;värde;okänd\n"
        "2016-13-01;1\n"  # too few cells
        "2016-13-01;x;\n"  # two bad cells
        "2016-01-01;1;\n"  # fine
        ";2;\n"  # empty required cell
    )
    with pytest.raises(ValidationError) as caught:
        rows(text)
    assert caught.value.paths == (
        "line 1, column okänd",
        "line 2",
        "line 3, column datum",
        "line 3, column värde",
        "line 5, column datum",
    )
    assert str(caught.value).startswith("5 problems in demo.csv:\n  - line 1, column okänd")


def test_rows_are_still_built_past_an_unknown_column_but_not_without_a_required_one() -> None:
    def build(row: Row) -> str:
        raise RowError("built", "name")

    with pytest.raises(ValidationError) as caught:
        parse_csv("datum;namn;x\n2016-01-01;a;b\n", LAYOUT, build, source="demo.csv")
    assert caught.value.paths == ("line 1, column x", "line 2, column namn")
    with pytest.raises(ValidationError) as caught:
        parse_csv("namn\na\n", LAYOUT, build, source="demo.csv")
    assert caught.value.paths == ("line 1",)


def test_a_row_builder_can_report_several_cells() -> None:
    def build(row: Row) -> None:
        raise RowError.combine([RowError("first", "date"), RowError("second")])

    with pytest.raises(ValidationError) as caught:
        parse_csv("Datum\n2016-01-01\n", LAYOUT, build, source="demo.csv")
    assert [str(p) for p in caught.value.problems] == [
        "line 2, column Datum: first",
        "line 2: second",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("missing.csv", None, "no such file"),
        ("data.xls", b"x", r"old Excel format \.xls"),
        ("data.ods", b"x", "cannot tell the format from the suffix '.ods'"),
    ],
)
def test_files_that_cannot_be_read(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message):
        read_table(path, LAYOUT, lambda row: row)


def test_read_table_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "observations.csv"
    path.write_text("datum\n2016-13-01\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_table(path, LAYOUT, lambda row: row)
    assert caught.value.source == "observations.csv"
    reading = read_rows(path, LAYOUT, lambda row: row)
    assert reading.results == ()
    assert [p.path for p in reading.problems] == ["line 2, column datum"]


# -- personal identity numbers never appear ---------------------------------------------------

PIN = "19900101-1234"  # shaped like a personnummer; its serial and check digits are "1234"


@pytest.mark.parametrize(
    "text",
    [
        f"datum\n{PIN}\n",
        f"datum;värde\n2016-01-01;{PIN}\n",
        f"datum;antal\n2016-01-01;{PIN}\n",
        f"datum;kön\n2016-01-01;{PIN}\n",
        f"datum\n{PIN.replace('-', '')}\n",
        f"datum;kön\n2016-01-01;{PIN.replace('-', '+')}\n",
        f"datum;{PIN}\n2016-01-01;x\n",
        f"datum;namn\n2016-01-01;{PIN};x\n",
        "datum;värde\n2016-01-01;900101-1234\n",
        f'datum;namn\n2016-01-01;"x"{PIN}\n',
    ],
)
def test_identity_numbers_are_masked_in_every_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rows(text)
    shown = str(caught.value) + repr(caught.value.problems)
    assert "1234" not in shown, shown


def test_mask_text_hides_serial_digits_but_not_organisation_numbers() -> None:
    assert mask_text(f"a {PIN} b 9001011234 c 212000-1942") == (
        "a 19900101-**** b 900101**** c 212000-1942"
    )


def test_a_row_builder_message_is_masked_too() -> None:
    def build(row: Row) -> None:
        raise ValueError(f"model says no to {PIN}")

    with pytest.raises(ValidationError) as caught:
        parse_csv("datum\n2016-01-01\n", LAYOUT, build, source="demo.csv")
    assert "1234" not in str(caught.value)


# -- mappings (JSON rows) -------------------------------------------------------------------------


def test_mappings_follow_the_same_column_rules() -> None:
    reading = read_mappings(
        [
            {"Datum": "2016-01-01", "värde": Decimal("21.5"), "taggar": ["a", "b"]},
            {"date": "2016-13-01", "färg": "x"},
            "not an object",
        ],
        LAYOUT,
        lambda row: row,
        name="demo",
    )
    [row] = reading.results
    assert row.values["value"] == Fraction(43, 2)
    assert row.values["tags"] == ("a", "b")
    assert [p.path for p in reading.problems] == ["demo[2].färg", "demo[2].date", "demo[3]"]


# -- tab-separated files and tables handed over as bytes (issue 12, item 6) ------------------


@pytest.mark.parametrize("suffix", [".tsv", ".tab", ".txt", ".csv"])
def test_a_tab_separated_export_is_read_like_csv(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_text("Datum\tVärde\tNamn\n2016-09-30\t21,5\tHällefors, norra\n", encoding="utf-8")
    [row] = read_table(path, LAYOUT, lambda row: row)
    assert row.values == {
        "date": date(2016, 9, 30),
        "value": Fraction(43, 2),
        "name": "Hällefors, norra",  # a comma in a tab-separated cell is just text
    }


def test_table_data_is_read_as_csv_or_as_a_workbook(tmp_path: Path) -> None:
    text = "datum;värde\n2016-09-30;21,5\n"
    [from_text] = read_table(TableData(text.encode()), LAYOUT, lambda row: row)
    assert from_text.values == {"date": date(2016, 9, 30), "value": Fraction(43, 2)}
    book = workbook(tmp_path / "b.xlsx", {"Blad1": [["datum", "värde"], ["2016-09-30", 21.5]]})
    data = TableData(book.read_bytes(), name="stdin")
    assert data.is_workbook
    [from_book] = read_table(data, LAYOUT, lambda row: row)
    assert from_book.values == from_text.values
    assert from_book.where == "sheet Blad1, row 2"
    with pytest.raises(ValidationError) as caught:
        read_table(TableData(b"datum\n2016-13-01\n"), LAYOUT, lambda row: row)
    assert caught.value.source == "stdin"
    assert str(caught.value).endswith(
        "line 2, column datum: not a valid date '2016-13-01' (write YYYY-MM-DD)"
    )


# -- xlsx -------------------------------------------------------------------------------------


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, table in sheets.items():
        sheet = book.create_sheet(title)
        for values in table:
            sheet.append(values)
    book.save(path)
    return path


def test_xlsx_round_trip(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "data.xlsx",
        {
            "Blad1": [
                ["Datum", "Värde", "Antal", "Namn", None],
                [date(2016, 9, 30), 21.5, 1744, "Hällefors", None],
                ["2016-10-01", 0.28, 3.0, None, None],
                [None, None, None, None, None],
            ]
        },
    )
    first, second = read_table(path, LAYOUT, lambda row: row)
    assert first.values == {
        "date": date(2016, 9, 30),
        "value": Fraction(43, 2),
        "count": 1744,
        "name": "Hällefors",
    }
    # A stored float is taken at its shortest decimal form: exactly 28/100.
    assert second.values["value"] == Fraction(7, 25)
    assert second.values["count"] == 3
    assert (first.where, second.where) == ("sheet Blad1, row 2", "sheet Blad1, row 3")


def test_xlsx_errors_name_sheet_row_and_column(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "data.xlsx",
        {"Data": [["datum", "antal", "färg"], ["2016-13-01", 2.5, "x"], [None, 1, None]]},
    )
    with pytest.raises(ValidationError) as caught:
        read_table(path, LAYOUT, lambda row: row)
    assert caught.value.source == "data.xlsx"
    assert caught.value.paths == (
        "sheet Data, row 1, column färg",
        "sheet Data, row 2, column datum",
        "sheet Data, row 2, column antal",
        "sheet Data, row 3, column datum",
    )


def test_xlsx_sheets(tmp_path: Path) -> None:
    two = {"A": [["datum"], ["2016-01-01"]], "B": [["datum"], ["2016-01-02"]], "C": []}
    path = workbook(tmp_path / "two.xlsx", two)
    with pytest.raises(FileFormatError, match=r"several sheets hold data \(A, B\)"):
        read_table(path, LAYOUT, lambda row: row)
    [row] = read_table(path, LAYOUT, lambda row: row, sheet="B")
    assert row.values["date"] == date(2016, 1, 2)
    with pytest.raises(FileFormatError, match="no sheet named 'D'; the sheets are A, B, C"):
        read_table(path, LAYOUT, lambda row: row, sheet="D")
    one = workbook(tmp_path / "one.xlsx", {"Tom": [], "Data": [["datum"], ["2016-01-03"]]})
    assert len(read_table(one, LAYOUT, lambda row: row)) == 1


def test_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip file")
    with pytest.raises(FileFormatError, match=r"not a readable \.xlsx workbook"):
        read_table(path, LAYOUT, lambda row: row)


def test_xlsx_without_openpyxl_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "data.xlsx", {"A": [["datum"], ["2016-01-01"]]})
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(FileFormatError, match=re.escape("pip install 'dua-samverkan[xlsx]'")):
        read_table(path, LAYOUT, lambda row: row)


# -- property: what is written comes back -----------------------------------------------------

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20
).filter(lambda t: t == t.strip() and t != "")
values = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1).flatmap(
    lambda whole: st.integers(min_value=0, max_value=99).map(
        lambda cents: whole + Fraction(cents, 100)
    )
)
records = st.lists(
    st.tuples(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
        st.one_of(st.none(), values),
        st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)),
        st.one_of(st.none(), texts),
    ),
    max_size=15,
)


def decimal_text(value: Fraction, comma: bool) -> str:
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):f}"
    return text.replace(".", ",") if comma else text


@given(
    records,
    st.sampled_from([";", ","]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_written_rows_read_back_the_same(
    table: list[tuple[date, Fraction | None, int | None, str | None]],
    separator: str,
    comma: bool,
    bom: bool,
    swedish: bool,
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(
        ["datum", "värde", "antal", "namn"] if swedish else ["date", "value", "count", "name"]
    )
    for day, value, count, name in table:
        writer.writerow(
            [
                day.isoformat(),
                "" if value is None else decimal_text(value, comma),
                "" if count is None else str(count),
                name or "",
            ]
        )
    data = ("\ufeff" if bom else "") + buffer.getvalue()
    found = rows(data.encode("utf-8"))
    assert [
        (r.values["date"], r.values["value"], r.values["count"], r.values["name"]) for r in found
    ] == table


# -- the documented columns -------------------------------------------------------------------


@pytest.mark.parametrize(
    "layout",
    [
        followup.OBSERVATIONS,
        followup.EVENTS,
        followup.PARTICIPANTS,
        followup.MEETINGS,
        followup.MEASURES_TABLE,
        persons.PERSONS,
    ],
    ids=lambda layout: layout.name,
)
def test_every_column_is_documented_in_the_inputs_page(layout: Layout) -> None:
    page = (DOCS / "inputs.md").read_text(encoding="utf-8")
    for column in layout.columns:
        for name in column.names:
            assert f"`{name}`" in page, f"{layout.name}: {name} is not in docs/inputs.md"
