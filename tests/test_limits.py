"""Readers that cannot be crashed or hung (issue 8, item 2): one regression test per case
the issue lists, each asserting a `dua.errors` exception (or exit status 1/2 with a clear
message) that names the limit and the place, and that it comes fast."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import dua
from dua import limits
from dua.cli import main
from dua.errors import DateOutOfRange, DuaError, FileFormatError, ValidationError
from dua.io import dumps_agreement, load_agreement, loads_agreement, read_followup
from dua.io.followup import OBSERVATIONS, followup_from_files, read_json
from dua.io.persons import read_persons
from dua.io.tables import parse_csv, parse_date, parse_fraction, parse_whole_number
from dua.limits import check_number, parse_iso_date
from dua.metrics.numbers import to_fraction
from dua.model import exact_decimal
from dua.rules import dates

HALLEFORS = dua.examples.text("hallefors-2015")
TARGET = 'value = "22"\n'  # the first target of the Hällefors unemployment goal
assert TARGET in HALLEFORS


@contextmanager
def fast(seconds: float = 1.0) -> Iterator[None]:
    """The block must finish within `seconds` of CPU time (issue 8: at most 1 s per file)."""
    start = time.process_time()
    yield
    spent = time.process_time() - start
    assert spent < seconds, f"took {spent:.2f} s of CPU time"


def run(*argv: str) -> tuple[int, str, str]:
    """`dua ARGV` in-process: exit status, stdout, stderr (argparse exits are statuses)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exit_:
            status = int(exit_.code or 0)
    return status, out.getvalue(), err.getvalue()


def problems(error: ValidationError) -> dict[str, str]:
    return {problem.path: problem.message for problem in error.problems}


# -- numbers: 1e999999999, 1e9999, more than 4 300 digits -----------------------------


@pytest.mark.parametrize(
    ("written", "limit"),
    [
        ('value = "1e999999999"', "MAX_NUMBER_EXPONENT"),  # hung `dua report` (issue 8)
        ('value = "1e9999"', "MAX_NUMBER_EXPONENT"),  # traceback from number formatting
        ('value = "1e-999999999"', "MAX_NUMBER_EXPONENT"),
        ("value = 1e999999999", "MAX_NUMBER_EXPONENT"),  # a TOML float, not infinity
        (f'value = "{"9" * 4301}"', "MAX_NUMBER_DIGITS"),
        (f"value = {'9' * 100}", "MAX_NUMBER_DIGITS"),  # a TOML integer int() can read
        ('value = "0.0000000000000000000000000000001"', "MAX_NUMBER_EXPONENT"),
    ],
)
def test_a_target_beyond_the_number_limits_is_refused_with_its_path(
    written: str, limit: str
) -> None:
    text = HALLEFORS.replace(TARGET, written + "\n", 1)
    with fast(), pytest.raises(ValidationError) as caught:
        loads_agreement(text, source="avtal.toml")
    found = problems(caught.value)
    assert limit in found["goals[0].targets[0].value"]


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_an_integer_of_more_than_4300_digits_in_toml_names_its_line() -> None:
    # tomllib's `int` raises a plain ValueError past 4 300 digits (issue 8).
    text = HALLEFORS.replace(TARGET, f"value = {'9' * 5000}\n", 1)
    line = text[: text.index("9" * 5000)].count("\n") + 1
    with fast(), pytest.raises(FileFormatError, match="MAX_NUMBER_DIGITS") as caught:
        loads_agreement(text, source="avtal.toml")
    assert f"avtal.toml: line {line}, column 9" in str(caught.value)


@pytest.mark.parametrize(
    ("number", "limit"),
    [
        ("1e999999999", "MAX_NUMBER_EXPONENT"),
        ("1e9999", "MAX_NUMBER_EXPONENT"),
        ("9" * 5000, "MAX_NUMBER_DIGITS"),
        ("9" * 31, "MAX_NUMBER_DIGITS"),
        ("NaN", "not a number a file may hold"),
        ("-Infinity", "not a number a file may hold"),
    ],
)
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_json_numbers_beyond_the_limits_name_their_path(number: str, limit: str) -> None:
    data = dua.io.agreement_to_data(dua.examples.load("hallefors-2015"))
    text = json.dumps(data, default=str).replace('"value": "22"', f'"value": {number}', 1)
    with fast(), pytest.raises(ValidationError) as caught:
        loads_agreement(text, "json", source="avtal.json")
    assert limit in problems(caught.value)["goals[0].targets[0].value"]


@pytest.mark.parametrize(
    "cell", ["1e999999999", "1e9999", "9" * 5000, "1e-999999999", "0E-999999999"]
)
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_csv_cell_beyond_the_number_limits_is_a_cell_problem(tmp_path: Path, cell: str) -> None:
    observations = tmp_path / "obs.csv"
    observations.write_text(f"indicator,date,value\nx,2016-09-30,{cell}\n", encoding="utf-8")
    with fast(), pytest.raises(ValidationError) as caught:
        followup_from_files(observations=observations)
    message = problems(caught.value)["line 2, column value"]
    assert "dua.limits.MAX_NUMBER_" in message


def test_report_with_a_huge_number_in_a_cell_exits_1_at_once(tmp_path: Path) -> None:
    # `Fraction(Decimal('1E+999999999'))` hung `dua report` (issue 8).
    data = tmp_path / "data"
    assert run("example", "hallefors-2015", "--output", str(tmp_path / "a.toml"), "--data",
               str(data))[0] == 0  # fmt: skip
    observations = data / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("value")] = "1e999999999"
    observations.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", "utf-8")
    with fast(2.0):
        status, out, err = run(
            "report", str(tmp_path / "a.toml"), "--observations", str(observations),
            "--on", "2017-12-31",
        )  # fmt: skip
    assert (status, out) == (1, "")
    assert "MAX_NUMBER_EXPONENT" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_fraction, "1e999999999"),
        (parse_whole_number, "9" * 5000),
        (to_fraction, "1e999999999"),
        (to_fraction, Decimal("1e999999999")),
        (exact_decimal, "1e9999"),
        (exact_decimal, 1e300),
        (check_number, Decimal("1" * 31)),
    ],
)
def test_the_number_parsers_refuse_beyond_the_limits(
    parse: Callable[[object], object], text: object
) -> None:
    with fast(), pytest.raises(ValueError, match=r"dua\.limits\.MAX_NUMBER_"):
        parse(text)


def test_numbers_at_the_limits_are_read() -> None:
    assert check_number(Decimal("9" * 30)) == Decimal("9" * 30)
    assert check_number(Decimal("1e30")) == Decimal("1e30")
    assert check_number(Decimal("1e-30")) == Decimal("1e-30")
    assert to_fraction("0,000001 %") == Decimal("0.00000001")
    assert parse_whole_number("0" * 40 + "1") == 1  # leading zeros are not digits of it


def test_suppress_below_with_thousands_of_digits_is_a_usage_error() -> None:
    status, _, err = run("report", "--example", "hallefors-2015", "--suppress-below", "9" * 5000)
    assert status == 2
    assert "inte ett heltal från 1 och uppåt" in err


# -- nesting: arrays or tables about 1 000 deep (RecursionError) ----------------------


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("x = " + "[" * 1000 + "]" * 1000, "toml"),
        ("x = " + "{a = " * 1000 + "1" + "}" * 1000, "toml"),
        ("[" + "a." * 1000 + "a]\n", "toml"),
        ("[" * 1000 + "]" * 1000, "json"),
        ('{"a": ' * 1000 + "1" + "}" * 1000, "json"),
        ("[" * 100_000, "json"),  # unclosed: the parser would recurse to the end
    ],
)
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_deep_nesting_is_refused_before_parsing(text: str, format: str) -> None:
    with fast(), pytest.raises(FileFormatError, match=r"dua\.limits\.MAX_DEPTH") as caught:
        loads_agreement(text, format, source=f"avtal.{format}")  # type: ignore[arg-type]  # format is a literal of the table
    assert f"avtal.{format}: line 1, column " in str(caught.value)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_50000_level_dotted_key_fails_fast() -> None:
    # 100 KB of TOML took 54 s in tomllib (issue 8).
    text = "schema_version = 1\n" + "a" + ".a" * 50_000 + " = 1\n"
    with fast(), pytest.raises(FileFormatError, match=r"line 2, column \d+: nested more than 32"):
        loads_agreement(text, source="avtal.toml")


def test_nesting_within_the_limit_and_brackets_in_strings_are_read() -> None:
    deep = "x = " + "[" * 31 + "]" * 31 + "\n"
    text = 'title = "[[[[{{{{a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.A.B.C.D.E.F.G"\n'
    for source in (deep, text, text.replace('"', "'"), f'title = """\n{"[" * 40}\n"""\n'):
        with pytest.raises(ValidationError):  # read, then found not to be an agreement
            loads_agreement(source)


# -- lone surrogates and duplicate keys ------------------------------------------------


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_lone_surrogate_is_refused_at_load_with_its_path(tmp_path: Path) -> None:
    # passed validation, then crashed show, report and dump_agreement (issue 8).
    data = dua.io.agreement_to_data(dua.examples.load("hallefors-2015"))
    data["parties"][0]["name"] = "Hällefors \ud800kommun"
    path = tmp_path / "avtal.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")  # ascii: "\ud800"
    with pytest.raises(ValidationError) as caught:
        load_agreement(path)
    assert "lone surrogate \\ud800" in problems(caught.value)["parties[0].name"]
    for command in (["show", str(path)], ["validate", str(path)],
                    ["report", str(path), "--observations", str(path)]):  # fmt: skip
        status, _out, err = run(*command)
        assert status == 1
        assert "parties[0].name" in err
        assert "Traceback" not in err


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_duplicate_json_keys_are_refused_with_their_path() -> None:
    text = '{"schema_version": 1, "id": "a", "parties": [{"id": "x", "id": "y"}], "id": "b"}'
    with pytest.raises(ValidationError) as caught:
        loads_agreement(text, "json")
    found = problems(caught.value)
    assert "given more than once" in found["id"]
    assert "given more than once" in found["parties[0].id"]


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_follow_up_json_is_held_to_the_same_limits(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="given more than once"):
        read_json('{"events": [], "events": []}')
    with pytest.raises(ValidationError, match="lone surrogate"):
        read_json('{"events": [{"kind": "\\udfff", "date": "2016-03-01"}]}')
    with pytest.raises(FileFormatError, match="MAX_DEPTH"):
        read_json('{"events": ' + "[" * 100 + "]" * 100 + "}")
    with pytest.raises(ValidationError, match="MAX_NUMBER_EXPONENT"):
        read_json('{"observations": [{"indicator": "x", "date": "2016-01-01", "value": 1e99999}]}')
    big = tmp_path / "data.json"
    big.write_text('{"events": []}' + " " * limits.MAX_FILE_BYTES, encoding="utf-8")
    with pytest.raises(FileFormatError, match="MAX_FILE_BYTES"):
        read_followup(big)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_csv_text_with_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(FileFormatError, match="lone surrogate"):
        parse_csv("indicator\n\ud800\n", OBSERVATIONS, lambda row: row, source="x.csv")


# -- dates exactly YYYY-MM-DD ----------------------------------------------------------


@pytest.mark.usefixtures("english_messages")  # matches English words
@pytest.mark.parametrize("written", ["20150203", "2015-W05-2", "2015-034", "2015-02-03T00:00"])
def test_only_yyyy_mm_dd_is_a_date(written: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_iso_date(written)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(written)
    data = dua.io.agreement_to_data(dua.examples.load("hallefors-2015"))
    data["document_date"] = written
    with pytest.raises(ValidationError) as caught:
        loads_agreement(json.dumps(data, default=str), "json")
    assert "YYYY-MM-DD" in problems(caught.value)["document_date"]
    status, _, err = run("report", "--example", "hallefors-2015", "--on", written)
    assert status == 2
    assert "write YYYY-MM-DD" in err  # English: this test pins it (Swedish: test_cli_help)


# -- far-future and far-past dates -----------------------------------------------------


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "kaa.csv"
    path.write_text("personnummer;hemkommun\n200005171236;1863\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("on", ["9999-12-31", "9999-01-01", "0001-01-01"])
def test_kaa_on_the_ends_of_the_calendar(register: Path, on: str) -> None:
    # `kaa --on 9999-12-31` ended in a traceback (issue 8).
    status, out, err = run("kaa", str(register), "--on", on)
    assert "Traceback" not in err
    if on.startswith("9999"):
        assert status == 0
        assert "Omfattas: 0" in out  # born 2000, no longer under 20
    else:
        assert status == 1
        assert "ingen version gäller den 0001-01-01" in err  # Swedish, the default


@pytest.mark.parametrize(
    "argv",
    [
        ["--from", "9999-12-31"],  # traceback in issue 8: the default end is a year later
        ["--from", "9999-01-01"],
        ["--from", "0001-01-01"],
        ["--from", "9900-01-01", "--to", "9999-12-31"],
    ],
)
def test_schedule_on_the_ends_of_the_calendar(argv: list[str]) -> None:
    for name in dua.examples.names():
        status, out, err = run("schedule", "--example", name, *argv)
        assert (status, err) == (0, "")
        assert out


def test_a_schedule_over_more_than_a_century_is_a_usage_error() -> None:
    # 0001-01-01 to 9999-12-31 printed 600 000 lines in 6 s (found by tests/fuzz).
    status, out, err = run(
        "schedule", "--example", "sjuharad-2020", "--from", "0001-01-01", "--to", "9999-12-31"
    )
    assert (status, out) == (2, "")
    assert "omfattar mer än 100 år (dua.limits.MAX_SPAN_YEARS)" in err


def test_a_report_more_than_a_century_after_the_agreement_is_a_usage_error() -> None:
    # sjuharad-2020 has no end and monthly meetings: 96 000 months to list for 9999-12-31,
    # 3 s of CPU time (found by tests/fuzz). A century after its start is still read.
    status, out, err = run("report", "--example", "sjuharad-2020", "--on", "9999-12-31")
    assert (status, out) == (2, "")
    assert "mer än 100 år efter det sista datum som överenskommelsen anger" in err
    assert "dua.limits.MAX_SPAN_YEARS" in err
    with fast(3.0):
        status, out, _ = run("report", "--example", "sjuharad-2020", "--on", "2120-06-30")
    assert status == 0
    assert out


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_date_rules_compute_or_raise_a_dua_error_at_the_ends() -> None:
    assert dates.latest_birth_date_for_age(20, date.max) == date(9979, 12, 31)
    assert dates.latest_birth_date_for_age(0, date.max) == date.max
    for call in (
        lambda: dates.add_days(date.max, 1),
        lambda: dates.add_months(date(9999, 12, 1), 1),
        lambda: dates.add_years(date.min, -1),
        lambda: dates.birthday(date(9990, 1, 1), 20),
        lambda: dates.latest_birth_date_for_age(20, date(10, 1, 1)),
    ):
        with pytest.raises(DateOutOfRange, match="outside the calendar"):
            call()
    assert issubclass(DateOutOfRange, DuaError)


# -- sizes -----------------------------------------------------------------------------


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_an_agreement_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "avtal.toml"
    path.write_text(HALLEFORS + "#" * limits.MAX_FILE_BYTES, encoding="utf-8")
    with fast(), pytest.raises(FileFormatError, match=r"at most 262 144 are read \(dua\.limits"):
        load_agreement(path)
    with pytest.raises(FileFormatError, match="MAX_FILE_BYTES"):
        loads_agreement(HALLEFORS + "#" * limits.MAX_FILE_BYTES)


def test_tables_over_the_size_limit_are_refused(
    tmp_path: Path, register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dua.io.tables, "MAX_TABLE_BYTES", 20)
    with pytest.raises(FileFormatError, match=r"kaa.csv: .*dua\.limits\.MAX_TABLE_BYTES"):
        read_persons(register)
    workbook = openpyxl.Workbook()
    workbook.active.append(["personnummer", "hemkommun"])
    path = tmp_path / "kaa.xlsx"
    workbook.save(path)
    with pytest.raises(FileFormatError, match=r"kaa.xlsx: .*dua\.limits\.MAX_TABLE_BYTES"):
        read_persons(path)


def test_the_limits_are_documented() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    page = "".join((docs / name).read_text("utf-8") for name in ("files.md", "inputs.md", "cli.md"))
    for name in limits.__all__:
        if name.isupper():
            assert f"dua.limits.{name}" in page, name


def test_a_loaded_file_round_trips_after_the_checks() -> None:
    for name in dua.examples.names():
        agreement = dua.examples.load(name)
        for format in ("toml", "json"):
            text = dumps_agreement(agreement, format)  # type: ignore[arg-type]  # a literal
            assert loads_agreement(text, format) == agreement  # type: ignore[arg-type]  # a literal


def test_a_file_with_windows_line_ends_reads_as_before(tmp_path: Path) -> None:
    # The size-limited reader reads bytes; line ends are still made "\n" as read_text did.
    path = tmp_path / "avtal.toml"
    path.write_bytes(HALLEFORS.replace("\n", "\r\n").encode("utf-8-sig"))
    assert load_agreement(path) == dua.examples.load("hallefors-2015")
