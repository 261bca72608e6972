"""The fast path of a KAA register run (issue 10, item 1): `iter_kaa` reads plainly valid
rows straight from their cells and decides them with `KaaRun.admit_facts`, without making
a `Person`. Everything the careful path guarantees must still hold:

- the decisions are the object rule's (`kaa_coverage`, `kaa_register`) for every law
  version, birthdays, leap days and the day of registration included: covered, home
  municipality, reasons, grounds and the criteria `--explain` writes;
- a bad row is reported exactly as `iter_persons` reports it (line, column, message),
  never with an identity number;
- only the covered persons are pseudonymised, with the HMAC `pseudonymise` makes.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stdnum import luhn

from dua._luhn import luhn_part, luhn_valid
from dua.errors import ValidationError
from dua.identifiers import Pseudonymiser, _KeyedHash, pseudonymise
from dua.io.persons import (
    KaaCovered,
    _register_person,
    iter_kaa,
    iter_persons,
    read_persons,
)
from dua.io.tables import Row, TableStream
from dua.model import Person, QualificationKind
from dua.rules.dates import birthday
from dua.rules.kaa import KaaRun, coverage_grounds, kaa_coverage, kaa_register
from dua.testing import persons
from tests.fuzz._support import assert_no_identity_number

# The bad cells are matched by their English words (the messages follow the language).
pytestmark = pytest.mark.usefixtures("english_messages")

KEY = b"0123456789abcdef0123456789abcdef"

HEADER = [
    "personnummer", "kön", "hemkommun", "folkbokföringsstatus", "folkbokförd_i_sverige",
    "slutbetyg_grundskola", "examensbevis", "studiebevis", "gymnasiesärskolebevis",
    "motsvarande_utbildning", "utländsk_gymnasieexamen", "inskrivning", "inskrivning_start",
    "inskrivning_slut", "skola", "program",
]  # fmt: skip
DOCUMENT_COLUMNS = {
    QualificationKind.COMPULSORY_COMPLETED: "slutbetyg_grundskola",
    QualificationKind.UPPER_SECONDARY_DIPLOMA: "examensbevis",
    QualificationKind.CERTIFICATE_OF_STUDIES: "studiebevis",
    QualificationKind.ADAPTED_CERTIFICATE: "gymnasiesärskolebevis",
    QualificationKind.EQUIVALENT_COMPLETED: "motsvarande_utbildning",
    QualificationKind.FOREIGN_UPPER_SECONDARY: "utländsk_gymnasieexamen",
}
# Each law version of KAA (dua/data/parameters/kaa.toml), with the days around the changes.
LAW_DATES = [
    date(2015, 1, 1), date(2016, 2, 29), date(2018, 6, 30), date(2018, 7, 1),
    date(2020, 2, 29), date(2023, 7, 1), date(2023, 7, 2), date(2024, 9, 1),
]  # fmt: skip


def number_for(born: date, serial: int, ten_digits: bool = False) -> str:
    """A valid invented personnummer of `born` (`YYYYMMDD-NNNC`, or `YYMMDD-NNNC`)."""
    nine = f"{born:%y%m%d}{serial:03d}"
    check = luhn.calc_check_digit(nine)
    if ten_digits:
        return f"{born:%y%m%d}-{serial:03d}{check}"
    return f"{born:%Y%m%d}-{serial:03d}{check}"


def rows_of(person: Person, number: str) -> list[dict[str, str]]:
    """The register rows of `person` under `number`: one row per enrolment (at least
    one), school documents on the first row with that column free."""
    rows: list[dict[str, str]] = []
    for enrolment in person.enrolments or (None,):
        row = dict.fromkeys(HEADER, "")
        if enrolment is not None:
            row["inskrivning"] = str(enrolment.kind.value)
            row["inskrivning_start"] = enrolment.start.isoformat()
            row["inskrivning_slut"] = enrolment.end.isoformat() if enrolment.end else ""
            row["skola"] = (enrolment.provider or "").strip()
            row["program"] = (enrolment.programme or "").strip()
        rows.append(row)
    first = rows[0]
    first["kön"] = "" if person.sex is None else str(person.sex.value)
    first["hemkommun"] = person.home_municipality or ""
    first["folkbokföringsstatus"] = "" if person.residence is None else str(person.residence.value)
    arrived = person.registered_in_sweden
    first["folkbokförd_i_sverige"] = "" if arrived is None else arrived.isoformat()
    for qualification in person.qualifications:
        column = DOCUMENT_COLUMNS[qualification.kind]
        free = next((row for row in rows if not row[column]), None)
        if free is None:
            free = dict.fromkeys(HEADER, "")
            rows.append(free)
        free[column] = qualification.on.isoformat()
    for row in rows:
        row["personnummer"] = number
    return rows


def write_register(path: Path, people: list[tuple[Person, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(HEADER)
        for person, number in people:
            for row in rows_of(person, number):
                writer.writerow([row[name] for name in HEADER])


@st.composite
def registers(draw: st.DrawFn) -> tuple[list[tuple[Person, str]], date]:
    """Persons of `dua.testing` (born 1990–2016, as a KAA register holds them) under
    distinct valid numbers, some in the ten-digit form, and a date: in a law version, or
    on a day that matters to one of them (the 20th birthday, the day before it, 29
    February, the day of registration in Sweden)."""
    drawn = draw(st.lists(persons(), min_size=1, max_size=6))
    people: list[tuple[Person, str]] = []
    for serial, person in enumerate(drawn):
        assume(date(1930, 1, 1) <= person.birth_date <= date(2014, 12, 31))
        ten = draw(st.booleans()) and draw(st.booleans())  # a quarter: the careful path
        people.append((person, number_for(person.birth_date, serial, ten)))
    first = drawn[0]
    twentieth = birthday(first.birth_date, 20)
    chosen = [*LAW_DATES, twentieth, twentieth - timedelta(days=1)]
    if first.registered_in_sweden is not None:
        chosen += [first.registered_in_sweden, first.registered_in_sweden - timedelta(days=1)]
    on = draw(
        st.sampled_from(chosen) | st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
    )
    assume(on >= date(2015, 1, 1))
    # Ten-digit numbers are read with `on`; a birth date before it is what they can name.
    assume(all(p.birth_date <= on for p, n in people if len(n) == 11))
    return people, on


def object_path(path: Path, on: date) -> tuple[list[tuple[Any, ...]], dict[str, object]]:
    """The register read whole and decided by the object rule."""
    whole = read_persons(path, key=KEY, on=on)
    register = kaa_register(whole, on)
    covered = [
        (
            person.key,
            person.home_municipality,
            coverage_grounds(person, on=on),
            kaa_coverage(person, on=on).criteria,
        )
        for person in whole
        if kaa_coverage(person, on=on)
    ]
    counts = {"covered": register.counts(), "not_covered": dict(register.not_covered)}
    return covered, counts


def fast_path(
    path: Path | TableStream, on: date
) -> tuple[list[tuple[Any, ...]], dict[str, object]]:
    run = KaaRun(on)
    covered = []
    for item in iter_kaa(path, run, key=KEY, persons=True, explain=True):
        assert item.person is not None
        assert item.person.key == item.key
        assert item.criteria is not None
        age, others = item.criteria
        # The criteria written with --explain are those of the person's full decision.
        assert (age, *others) == run.criteria(item.person) == run.decision(item.person).criteria
        covered.append((item.key, item.home_municipality, item.grounds, (age, *others)))
    summary = run.summary()
    return covered, {"covered": dict(summary.covered), "not_covered": dict(summary.not_covered)}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(registers())
def test_the_fast_path_decides_as_the_object_rule(
    drawn: tuple[list[tuple[Person, str]], date],
) -> None:
    """Issue 10 item 1: for persons of `dua.testing` written as register rows, on dates in
    every law version and on the days that matter to them, `iter_kaa` gives the object
    rule's covered persons, home municipalities, reasons, grounds and criteria."""
    people, on = drawn
    folder = Path(__import__("tempfile").mkdtemp())
    path = folder / "kaa.csv"
    write_register(path, people)
    assert fast_path(path, on) == object_path(path, on)


def test_the_day_of_the_20th_birthday_and_29_february_on_the_fast_path(tmp_path: Path) -> None:
    """Covered up to and including the day before the 20th birthday (29 kap. 9 §); born on
    29 February, the birthday is 1 March in a common year (dua.rules.dates)."""
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun;slutbetyg_grundskola\n"
        f"{number_for(date(2000, 2, 29), 1)};1863;2016-06-10\n"
        f"{number_for(date(2000, 9, 15), 2)};1863;2016-06-10\n",
        encoding="utf-8",
    )
    cases = [
        (date(2020, 2, 28), 2),  # the leap-day child's last covered day
        (date(2020, 2, 29), 1),  # 2020 is a leap year: the leap-day child turns 20 today
        (date(2020, 9, 14), 1),  # the other: the day before the 20th birthday, still covered
        (date(2020, 9, 15), 0),  # the 20th birthday: no longer covered
    ]
    for on, covered in cases:
        run = KaaRun(on)
        assert len(list(iter_kaa(path, run, key=KEY))) == covered, on
        assert fast_path(path, on) == object_path(path, on)


def test_the_day_of_registration_in_sweden_on_the_fast_path(tmp_path: Path) -> None:
    """Someone registered after compulsory-school age is covered from the day of
    registration, not the day before (29 kap. 9 §, registered in Sweden)."""
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun;folkbokföringsstatus;folkbokförd_i_sverige\n"
        f"{number_for(date(2001, 5, 17), 3)};0180;folkbokförd;2018-03-01\n",
        encoding="utf-8",
    )
    for on, covered in ((date(2018, 2, 28), 0), (date(2018, 3, 1), 1)):
        run = KaaRun(on)
        assert len(list(iter_kaa(path, run, key=KEY))) == covered
        assert fast_path(path, on) == object_path(path, on)
        assert run.summary().not_covered["residence"] == 1 - covered


# -- bad rows --------------------------------------------------------------------------------

GOOD = ["20010517-1235", "K", "1863", "folkbokförd", "", "2017-06-10", "", "", "",
        "komvux", "2017-08-20", ""]  # fmt: skip
COLUMNS = ["personnummer", "kön", "hemkommun", "folkbokföringsstatus", "folkbokförd_i_sverige",
           "slutbetyg_grundskola", "examensbevis", "födelsedatum", "studiebevis",
           "inskrivning", "inskrivning_start", "inskrivning_slut"]  # fmt: skip
# (column, bad cell, what the message says): each on an otherwise plainly valid row.
BAD_CELLS = [
    ("personnummer", "20010517-1236", "check digit"),
    ("personnummer", "20010230-1235", "not a calendar date"),
    ("personnummer", "2001051-71235", "expected YYYYMMDD-NNNN"),
    ("personnummer", "20010517+1235", "'+' belongs only"),
    ("personnummer", "010517-123", "expected YYYYMMDD-NNNN"),
    ("kön", "x", "not one of"),
    ("hemkommun", "999", "leading zero"),
    ("hemkommun", "18633", "not the SCB code"),
    ("folkbokföringsstatus", "utvandrad", "not one of"),
    ("folkbokförd_i_sverige", "2017-02-30", "not a valid date"),
    ("slutbetyg_grundskola", "10/6/2017", "not a valid date"),
    ("examensbevis", "2020-13-01", "not a valid date"),
    ("födelsedatum", "2001-05-18", "is not the birth date"),
    ("studiebevis", "igår", "not a valid date"),
    ("inskrivning", "gymnasium", "not one of"),
    ("inskrivning_start", "", "needs its first day"),
    ("inskrivning_slut", "2016-06-01", "is before the start"),
]


@pytest.mark.parametrize(("column", "cell", "says"), BAD_CELLS)
def test_a_bad_cell_is_reported_as_the_careful_path_reports_it(
    tmp_path: Path, column: str, cell: str, says: str
) -> None:
    """A table of bad cells: `iter_kaa` raises the `ValidationError` `iter_persons` raises
    (the same problems, line and column as the header writes them, the same message),
    after the good persons, and shows no identity number."""
    bad = list(GOOD)
    bad[COLUMNS.index(column)] = cell
    lines = [
        ";".join(COLUMNS),
        ";".join(GOOD),
        ";".join(bad).replace("20010517-1235", "20020517-1234", 1),
        ";".join(GOOD).replace("20010517-1235", "20030517-1233"),
    ]
    path = tmp_path / "kaa.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    on = date(2019, 9, 15)
    with pytest.raises(ValidationError) as careful:
        list(iter_persons(path, key=KEY, on=on, select=KaaRun(on).admit))
    run = KaaRun(on)
    found: list[KaaCovered] = []
    with pytest.raises(ValidationError) as fast:
        found.extend(iter_kaa(path, run, key=KEY))
    assert fast.value.problems == careful.value.problems
    assert str(fast.value) == str(careful.value)
    [problem] = fast.value.problems
    assert problem.path.startswith("line 3, column ")
    assert says in str(fast.value)
    planted = ["20010517-1235", "20020517-1234"]
    if column == "personnummer" and len(cell) == 13:
        planted.append(cell)
    assert_no_identity_number(str(fast.value), planted)
    assert len(found) == 2  # the good persons came before the error


@pytest.mark.parametrize(
    "line",
    [
        "20020517-1234;K;1863",  # too few cells
        "20020517-1234;K;1863;folkbokförd;;;;;;;;;extra",  # too many
        '20020517-1234;"K;1863;folkbokförd;;;;;;;;',  # an open quote
    ],
)
def test_a_row_of_the_wrong_shape_is_reported_as_the_careful_path_reports_it(
    tmp_path: Path, line: str
) -> None:
    path = tmp_path / "kaa.csv"
    path.write_text(";".join(COLUMNS) + "\n" + ";".join(GOOD) + "\n" + line + "\n", "utf-8")
    on = date(2019, 9, 15)
    with pytest.raises(ValidationError) as careful:
        list(iter_persons(path, key=KEY, on=on, select=KaaRun(on).admit))
    with pytest.raises(ValidationError) as fast:
        list(iter_kaa(path, KaaRun(on), key=KEY))
    assert str(fast.value) == str(careful.value)
    assert_no_identity_number(str(fast.value), ["20020517-1234"])


def test_rows_of_a_person_apart_are_refused_as_the_careful_path_refuses_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun\n20010517-1235;1863\n20020517-1234;1863\n200105171235;1863\n",
        encoding="utf-8",
    )
    on = date(2019, 9, 15)
    with pytest.raises(ValidationError) as careful:
        list(iter_persons(path, key=KEY, on=on))
    with pytest.raises(ValidationError) as fast:
        list(iter_kaa(path, KaaRun(on), key=KEY))
    assert str(fast.value) == str(careful.value)
    assert "line 4" in str(fast.value)


def test_repeated_rows_that_disagree_are_reported_as_the_careful_path_reports_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun;inskrivning;inskrivning_start\n"
        "20010517-1235;1863;komvux;2018-08-20\n20010517-1235;0180;sfi;2019-01-10\n"
        "20020517-1234;1863;;\n",
        encoding="utf-8",
    )
    on = date(2019, 9, 15)
    with pytest.raises(ValidationError) as careful:
        list(iter_persons(path, key=KEY, on=on, select=KaaRun(on).admit))
    with pytest.raises(ValidationError) as fast:
        list(iter_kaa(path, KaaRun(on), key=KEY))
    assert str(fast.value) == str(careful.value)


# -- pseudonyms ------------------------------------------------------------------------------


def test_only_the_covered_persons_are_pseudonymised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data minimisation: the HMAC is computed for the persons written out, no one else."""
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun;slutbetyg_grundskola\n"
        "20010517-1235;1863;2017-06-10\n19900101-0009;1863;2006-06-10\n"
        "20100101-0006;1863;\n200205171234;0180;2018-06-10\n",
        encoding="utf-8",
    )
    hashed: list[str] = []
    original = _KeyedHash.__call__

    def spy(self: _KeyedHash, digits: str) -> str:
        hashed.append(digits)
        return original(self, digits)

    monkeypatch.setattr(_KeyedHash, "__call__", spy)
    run = KaaRun(date(2019, 9, 15))
    covered = list(iter_kaa(path, run, key=KEY))
    assert [item.key for item in covered] == [
        pseudonymise("20010517-1235", KEY),
        pseudonymise("20020517-1234", KEY),
    ]
    assert len(hashed) == 2
    assert run.summary().not_covered["age"] == 1
    assert run.summary().not_covered["compulsory_school"] == 1


@given(st.binary(min_size=16, max_size=150), st.text("0123456789", min_size=12, max_size=12))
def test_the_keyed_hash_is_hmac_sha256(key: bytes, digits: str) -> None:
    """`_KeyedHash` (pads made once) gives the bytes of `hmac.new` for keys of any length,
    also longer than SHA-256's block (RFC 2104: such a key is hashed first)."""
    expected = hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()
    assert _KeyedHash(key)(digits) == expected
    assert Pseudonymiser(key)._of_canonical(digits) == expected


@given(st.text("0123456789", min_size=10, max_size=10))
def test_the_luhn_parts_add_up_to_the_luhn_check(digits: str) -> None:
    assert ((luhn_part(digits[:6]) + luhn_part(digits[6:])) % 10 == 0) == luhn_valid(digits)


@given(persons())
def test_the_register_person_is_the_person_attrs_would_make(person: Person) -> None:
    made = _register_person(
        person.key, person.birth_date, person.sex, person.home_municipality, person.residence,
        person.registered_in_sweden, person.qualifications, person.enrolments,
    )  # fmt: skip
    expected = Person(
        key=person.key,
        birth_date=person.birth_date,
        sex=person.sex,
        home_municipality=person.home_municipality,
        residence=person.residence,
        registered_in_sweden=person.registered_in_sweden,
        qualifications=person.qualifications,
        enrolments=person.enrolments,
    )
    assert made == expected
    assert repr(made) == repr(expected)


# -- the other ways in -----------------------------------------------------------------------


def test_a_register_of_pseudonyms_and_standard_input_are_read_the_careful_way(
    tmp_path: Path,
) -> None:
    text = "nyckel;födelsedatum;hemkommun\np-1;2001-05-17;1863\np-2;1990-01-01;0180\n"
    path = tmp_path / "kaa.csv"
    path.write_text(text, encoding="utf-8")
    on = date(2019, 9, 15)
    assert [item.key for item in iter_kaa(path, KaaRun(on))] == ["p-1"]
    stream = io.BufferedReader(io.BytesIO(b"personnummer;hemkommun\n20010517-1235;1863\n"))
    assert [item.key for item in iter_kaa(TableStream(stream), KaaRun(on), key=KEY)] == [
        pseudonymise("20010517-1235", KEY)
    ]


def test_a_municipality_asked_about_counts_the_others_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun\n20010517-1235;1863\n20020517-1234;0180\n", encoding="utf-8"
    )
    run = KaaRun(date(2019, 9, 15), "0180")
    assert [item.home_municipality for item in iter_kaa(path, run, key=KEY)] == ["0180"]
    assert run.summary().elsewhere == 1


def test_the_criteria_are_those_of_the_decision() -> None:
    person = Person(key="p", birth_date=date(2001, 3, 1), home_municipality="1863")
    run = KaaRun(date(2019, 9, 1))
    assert run.criteria(person) == run.decision(person).criteria


def test_plain_rows_are_read_without_the_careful_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The point of the fast path: a row of a person of one row, every cell readable, is
    never made into a `Row` and an entry; a person of two rows is."""
    from dua.io import persons as module

    made: list[int] = []
    original = module._Builder.entry

    def spy(self: module._Builder, row: Row) -> module._Entry:
        made.append(row.line)
        return original(self, row)

    monkeypatch.setattr(module._Builder, "entry", spy)
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun;inskrivning;inskrivning_start\n"
        "20010517-1235;1863;komvux;2018-08-20\n200205171234;0180;;\n"
        "20030517-1233;1863;komvux;2018-08-20\n20030517-1233;1863;sfi;2019-01-10\n",
        encoding="utf-8",
    )
    run = KaaRun(date(2019, 9, 15))
    assert len(list(iter_kaa(path, run, key=KEY))) == 3
    assert sorted(made) == [4, 5]


def test_the_criteria_of_the_facts_are_those_of_the_decision() -> None:
    """`explain_facts` shares the four criteria after the age among persons of the same
    birth year and other facts; each person's are still those of their own decision."""
    run = KaaRun(date(2019, 9, 1))
    for born in (date(2001, 1, 1), date(2001, 12, 31), date(2003, 6, 30), date(1999, 9, 2)):
        person = Person(key="p", birth_date=born, home_municipality="1863")
        age, others = run.explain_facts(born, None, None, person.qualifications, ())
        assert (age, *others) == kaa_coverage(person, on=run.on).criteria


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("010517-1235", "20010517-1235"),  # read carefully, then fast
        ("20010517-1235", "010517-1235"),  # fast, then carefully
    ],
)
def test_a_person_apart_is_found_across_the_two_paths(
    tmp_path: Path, first: str, again: str
) -> None:
    """The fingerprint of a fast row is the hash of the careful path's identity number, so
    rows apart are found whichever path read each."""
    path = tmp_path / "kaa.csv"
    path.write_text(
        f"personnummer;hemkommun\n{first};1863\n20020517-1234;1863\n{again};1863\n",
        encoding="utf-8",
    )
    on = date(2019, 9, 15)
    with pytest.raises(ValidationError) as careful:
        list(iter_persons(path, key=KEY, on=on))
    with pytest.raises(ValidationError) as fast:
        list(iter_kaa(path, KaaRun(on), key=KEY))
    assert str(fast.value) == str(careful.value)
    assert "line 4" in str(fast.value)


def test_a_fast_reader_that_reads_nothing_itself_changes_nothing(tmp_path: Path) -> None:
    """`stream_rows(fast=...)`: a record handed to the careful reader is read as without a
    fast reader, problems included."""
    from dua.io.persons import PERSONS, _layout
    from dua.io.tables import stream_rows

    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun\n20010517-1235;1863\n20020517-1234;999\n", encoding="utf-8"
    )

    def careful_only(columns: Any, slow: Any) -> Any:
        assert [column.name for column in columns] == [
            "personal_identity_number",
            "home_municipality",
        ]
        assert all(
            column in PERSONS.columns or column.name == "personal_identity_number"
            for column in columns
        )
        return lambda records: (made for line, cells in records for made in slow(line, cells))

    def rows(**fast: Any) -> tuple[list[object], str]:
        results: list[object] = []
        with pytest.raises(ValidationError) as error:
            results.extend(stream_rows(path, _layout(None), lambda row: row.values, **fast))
        return results, str(error.value)

    assert rows(fast=careful_only) == rows()
