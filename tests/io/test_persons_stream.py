"""Registers read as a stream (issue 10, item 1): `iter_persons` with `KaaRun` gives the
same persons, the same decisions and the same problems as reading the register whole
(`read_persons` with `kaa_register`), pseudonymises only the persons it selects, and
refuses a person whose rows are apart."""

from __future__ import annotations

import io
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from dua._luhn import luhn_valid as _luhn_valid
from dua.errors import ValidationError
from dua.identifiers import pseudonymise
from dua.io.persons import _trusted_person, iter_kaa, iter_persons, read_persons
from dua.io.tables import TableStream
from dua.model import Person
from dua.rules.kaa import KaaRun, coverage_grounds, kaa_coverage, kaa_register
from tests.fuzz._support import personal_identity_numbers

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

KEY = b"0123456789abcdef0123456789abcdef"
ON = date(2019, 9, 15)
HEADER = [
    "personnummer", "kön", "hemkommun", "folkbokföringsstatus", "folkbokförd_i_sverige",
    "slutbetyg_grundskola", "examensbevis", "studiebevis", "inskrivning",
    "inskrivning_start", "inskrivning_slut",
]  # fmt: skip
# Valid values, and a few that are not (a problem in a row), for each column but the first.
VALUES = [
    ["K", "M", "", "x"],
    ["1863", "0180", "0114", "", "999"],
    ["folkbokförd", "asylsökande", "stadigvarande vistelse", "skyddad folkbokföring", "", "utvandrad"],
    ["", "", "2017-03-01", "2019-09-16"],
    ["", "2016-06-10", "2017-06-10", "2019-13-01"],
    ["", "2018-06-14", "2019-09-16"],
    ["", "2019-06-10"],
    ["", "introduktionsprogram", "nationellt program", "komvux", "grundskola", "språkintroduktion"],
    ["", "2016-08-20", "2019-08-20"],
    ["", "2019-06-10", "2015-01-01"],
]  # fmt: skip


@st.composite
def registers(draw: st.DrawFn) -> str:
    """A register's CSV text: persons of one to three rows each, their rows together."""
    lines = [";".join(HEADER)]
    numbers = draw(st.lists(personal_identity_numbers(), min_size=1, max_size=8, unique=True))
    for number in numbers:
        for _ in range(draw(st.integers(1, 3))):
            cells = [draw(st.sampled_from(values)) for values in VALUES]
            lines.append(";".join([number, *cells]))
    return "\n".join(lines) + "\n"


def streamed(path: Path | TableStream, on: date = ON) -> tuple[list[Person], KaaRun]:
    run = KaaRun(on)
    return list(iter_persons(path, key=KEY, on=on, select=run.admit)), run


@settings(max_examples=150, deadline=None)
@given(registers())
def test_the_stream_decides_as_the_whole_register_does(text: str) -> None:
    """Issue 10 item 1: the streaming path gives identical persons, decisions, counts and
    problems to the existing path (read whole, then `kaa_register`)."""
    folder = Path(__import__("tempfile").mkdtemp())
    path = folder / "kaa.csv"
    path.write_text(text, encoding="utf-8")
    try:
        whole = read_persons(path, key=KEY, on=ON)
    except ValidationError as error:
        found = error
    else:
        found = None
    if found is not None:
        with pytest.raises(ValidationError) as streamed_error:
            list(iter_persons(path, key=KEY, on=ON))
        assert streamed_error.value.problems == found.problems
        assert str(streamed_error.value) == str(found)
        # The fast path of a register run reports them as the careful path does.
        with pytest.raises(ValidationError) as fast_error:
            list(iter_kaa(path, KaaRun(ON), key=KEY))
        assert str(fast_error.value) == str(found)
        return
    assert list(iter_persons(path, key=KEY, on=ON)) == whole
    covered, run = streamed(path)
    register = kaa_register(whole, ON)
    assert covered == [person for group in register.covered.values() for person in group] or (
        sorted(p.key for p in covered)
        == sorted(p.key for group in register.covered.values() for p in group)
    )
    assert [p.key for p in covered] == [p.key for p in whole if kaa_coverage(p, on=ON)]
    summary = run.summary()
    fast = KaaRun(ON)
    assert [item.key for item in iter_kaa(path, fast, key=KEY)] == [p.key for p in covered]
    assert fast.summary() == summary
    assert dict(summary.covered) == register.counts()
    assert dict(summary.not_covered) == dict(register.not_covered)
    for person in whole:
        decision = kaa_coverage(person, on=ON)
        assert (person in covered) == bool(decision)


def test_only_the_selected_persons_are_pseudonymised(tmp_path: Path) -> None:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun\n20010517-1235;1863\n19811228-9874;0180\n", encoding="utf-8"
    )
    seen: list[str] = []

    def select(person: Person) -> bool:
        seen.append(person.key)
        return person.birth_date.year > 2000

    [person] = iter_persons(path, key=KEY, on=ON, select=select)
    assert person.key == pseudonymise("20010517-1235", KEY)
    # `select` saw provisional keys (where the rows begin), never a pseudonym or a number.
    assert seen == ["line 2", "line 3"]


def test_a_person_whose_rows_are_apart_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kaa.csv"
    path.write_text(
        "personnummer;hemkommun;inskrivning;inskrivning_start\n"
        "20010517-1235;1863;komvux;2018-08-20\n"
        "19811228-9874;0180;;\n"
        "20010517-1235;1863;folkhögskola;2019-08-20\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as error:
        list(iter_persons(path, key=KEY, on=ON))
    assert error.value.paths == ("line 4",)
    assert "sort the file by personnummer" in str(error.value)
    assert "1235" not in str(error.value)
    assert len(read_persons(path, key=KEY, on=ON)) == 2  # read whole, rows may be apart


def test_a_register_on_standard_input_streams(tmp_path: Path) -> None:
    text = "personnummer;hemkommun\n20010517-1235;1863\n"
    stream = io.BufferedReader(io.BytesIO(text.encode()))  # peekable, as sys.stdin.buffer
    covered, run = streamed(TableStream(stream))
    assert [p.key for p in covered] == [pseudonymise("20010517-1235", KEY)]
    assert run.summary().total == 1


def test_the_trusted_person_is_the_person_attrs_would_make() -> None:
    values = {
        "key": "line 2",
        "birth_date": date(2001, 5, 17),
        "sex": None,
        "home_municipality": None,
        "residence": None,
        "registered_in_sweden": None,
        "qualifications": (),
        "enrolments": (),
    }
    made = _trusted_person(**values)
    assert made == Person(**values)  # type: ignore[arg-type]  # values typed as objects
    assert repr(made) == repr(Person(**values))  # type: ignore[arg-type]  # as above


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_the_fast_luhn_agrees_with_stdnum(digits: str) -> None:
    assert _luhn_valid(digits) == luhn.is_valid(digits)


def test_the_fast_luhn_agrees_with_stdnum_on_random_numbers() -> None:
    rng = random.Random(20150101)
    for _ in range(20_000):
        digits = f"{rng.randrange(10**10):010d}"
        assert _luhn_valid(digits) == luhn.is_valid(digits)


# -- the grounds of coverage ----------------------------------------------------------------

# Each ground names the branch its criterion takes in kaa_coverage (by its English text).
BRANCHES = {
    "under_age_limit": ("age", "Aged "),
    "registered": ("residence", "Is registered in the population register"),
    "protected_registration": ("residence", "Is protected population registration"),
    "permanent_stay": ("residence", "Is staying permanently"),
    "residence_unknown": ("residence", "Residence status unknown"),
    "compulsory_certificate": ("compulsory_school", "Has a final compulsory-school certificate"),
    "arrived_after_compulsory_age": ("compulsory_school", "Registered in Sweden on"),
    "compulsory_age_passed": ("compulsory_school", "Compulsory schooling ended"),
    "certificate_of_studies_only": ("not_completed", "Has only a certificate of studies"),
    "no_completed_education": ("not_completed", "Has no upper-secondary diploma"),
    "introduction_programme": ("not_enrolled", "Attends an introduction programme"),
    "other_education": ("not_enrolled", "Not in upper-secondary or equivalent education; other"),
    "not_enrolled": ("not_enrolled", "Not attending upper-secondary school"),
}


@settings(max_examples=300, deadline=None)
@given(registers(), st.sampled_from([date(2017, 1, 15), ON, date(2024, 9, 1)]))
def test_the_grounds_are_the_branches_of_the_explained_decision(text: str, on: date) -> None:
    folder = Path(__import__("tempfile").mkdtemp())
    path = folder / "kaa.csv"
    path.write_text(text, encoding="utf-8")
    try:
        persons = read_persons(path, key=KEY, on=on)
    except ValidationError:
        return
    for person in persons:
        decision = kaa_coverage(person, on=on)
        grounds = coverage_grounds(person, on=on)
        assert (grounds is not None) == bool(decision)
        if grounds is None:
            continue
        for ground, criterion in zip(grounds, decision.criteria, strict=True):
            name, start = BRANCHES[ground]
            assert criterion.name == name
            assert criterion.explanation_en.startswith(start), (ground, criterion.explanation_en)
