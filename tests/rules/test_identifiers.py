"""Personnummer, samordningsnummer, organisation numbers, masking and pseudonyms.

Rules: folkbokföringslagen (1991:481) 18 § (personnummer: birth date, serial number whose
last digit is odd for men, Luhn check digit; '-' becomes '+' from the year the person turns
100) and 18 a § (samordningsnummer: day of birth + 60); Skatteverket SKV 704 / SKV 707.
The century rule for ten-digit numbers and the pseudonym format are documented in
`dua.identifiers`.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import pickle
import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum import luhn

from dua.errors import DuaError, InvalidIdentityNumber, InvalidPseudonymKey, ValidationError
from dua.identifiers import (
    PersonalIdentityNumber,
    Pseudonymiser,
    is_valid_organisation_number,
    is_valid_personal_identity_number,
    organisation_number,
    person_from_row,
    pseudonymise,
)
from dua.model import Sex

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

KEY = b"test key, 16+ bytes long"
OTHER_KEY = b"another test key of 16+ bytes"


def forms(digits12: str) -> list[str]:
    """Every text form of a number that must never appear in output: 12 and 10 digits, with
    and without separators."""
    ten = digits12[2:]
    return [
        digits12,
        ten,
        f"{digits12[:8]}-{digits12[8:]}",
        f"{ten[:6]}-{ten[6:]}",
        f"{ten[:6]}+{ten[6:]}",
    ]


def assert_hidden(text: str, digits12: str) -> None:
    for form in forms(digits12):
        assert form not in text, f"{form!r} leaked in {text!r}"
    # The serial and check digits never follow the birth date.
    assert f"{digits12[:8]}-{digits12[8:]}" not in text
    assert f"{digits12[2:8]}{digits12[8:]}" not in text


# ---------------------------------------------------------------------------------------------
# Valid numbers (SKV 704: 811228-9874 style; check digits computed with stdnum.luhn)


@pytest.mark.parametrize(
    ("text", "on", "born", "coordination", "sex"),
    [
        # twelve digits: no reference date needed
        ("19811228-9874", None, date(1981, 12, 28), False, Sex.MALE),
        ("198112289874", None, date(1981, 12, 28), False, Sex.MALE),
        ("19811228-9841", None, date(1981, 12, 28), False, Sex.FEMALE),  # 4 even: woman
        # ten digits: '-' means under 100 in the year of `on`
        ("811228-9874", date(2015, 1, 1), date(1981, 12, 28), False, Sex.MALE),
        ("8112289874", date(2015, 1, 1), date(1981, 12, 28), False, Sex.MALE),
        (" 811228-9874 ", date(2015, 1, 1), date(1981, 12, 28), False, Sex.MALE),
        # '+' means 100 or more that year: one century earlier
        ("811228+9874", date(2015, 1, 1), date(1881, 12, 28), False, Sex.MALE),
        # samordningsnummer: day + 60 (18 a §)
        ("701063-2391", date(2015, 1, 1), date(1970, 10, 3), True, Sex.MALE),
        ("19701063-2391", None, date(1970, 10, 3), True, Sex.MALE),
        # leap day
        ("20040229-1231", None, date(2004, 2, 29), False, Sex.MALE),
    ],
)
def test_valid_numbers(
    text: str, on: date | None, born: date, coordination: bool, sex: Sex
) -> None:
    pin = PersonalIdentityNumber(text, on=on)
    assert pin.birth_date == born
    assert pin.is_coordination_number is coordination
    assert pin.legal_sex is sex
    assert is_valid_personal_identity_number(text, on=on)


@pytest.mark.parametrize(
    ("text", "on", "born"),
    [
        # The 100-year window ends in the year of `on` (folkbokföringslagen 18 §).
        ("811228-9874", date(2080, 12, 31), date(1981, 12, 28)),  # turns 99 in 2080: '-'
        ("811228+9874", date(2081, 1, 1), date(1981, 12, 28)),  # turns 100 in 2081: '+'
        ("150101-1231", date(2015, 1, 1), date(2015, 1, 1)),  # born on the reference date
        ("160101-1230", date(2015, 12, 31), date(1916, 1, 1)),  # YY after on.year: last century
    ],
)
def test_century_from_reference_date(text: str, on: date, born: date) -> None:
    assert luhn.is_valid(text[:6] + text[7:])
    assert PersonalIdentityNumber(text, on=on).birth_date == born


@pytest.mark.parametrize(
    ("text", "on", "reason"),
    [
        ("19811228-9875", None, "check digit"),
        ("19900230-1234", None, "not a calendar date"),
        ("19701092-2391", None, "coordination-number day"),  # day 92 - 60 = 32
        ("19811228+9874", None, "'+' belongs only in the ten-digit form"),
        ("811228-9874", None, "needs the reference date"),
        ("811228-9874", date(2081, 1, 1), "after the reference date"),  # should be '+'
        ("1981-12-28-9874", None, "expected YYYYMMDD-NNNN"),
        ("19811228-98745", None, "expected YYYYMMDD-NNNN"),
        ("19811228/9874", None, "expected YYYYMMDD-NNNN"),
        ("", None, "expected YYYYMMDD-NNNN"),
    ],
)
def test_invalid_numbers_are_reported_masked(text: str, on: date | None, reason: str) -> None:
    with pytest.raises(InvalidIdentityNumber, match=re.escape(reason)) as info:
        PersonalIdentityNumber(text, on=on)
    assert isinstance(info.value, DuaError)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    if text:
        assert text.strip() not in message
    assert "9874" not in message.replace("19811228", "")
    assert not is_valid_personal_identity_number(text, on=on)


def test_a_number_given_as_an_int_is_refused_without_showing_it() -> None:
    with pytest.raises(TypeError) as info:
        PersonalIdentityNumber(198112289874)  # type: ignore[arg-type]  # the wrong type is the test
    assert "198112289874" not in str(info.value)
    assert not is_valid_personal_identity_number(198112289874)  # type: ignore[arg-type]  # as above


# ---------------------------------------------------------------------------------------------
# Masking, reveal and the value type


def test_masked_everywhere_but_reveal() -> None:
    pin = PersonalIdentityNumber("19811228-9874")
    assert repr(pin) == "PersonalIdentityNumber('19811228-****')"
    assert str(pin) == f"{pin}" == format(pin) == pin.masked == "19811228-****"
    assert repr([pin]) == "[PersonalIdentityNumber('19811228-****')]"
    assert pin.reveal() == "19811228-9874"
    assert_hidden(repr(pin) + str(pin) + f"{pin!s}{pin!r}", "198112289874")


def test_format_spec_is_refused() -> None:
    pin = PersonalIdentityNumber("19811228-9874")
    with pytest.raises(ValueError, match="reveal") as info:
        f"{pin:>20}"  # formatting is the behaviour under test
    assert_hidden(str(info.value), "198112289874")


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickling_is_refused(protocol: int) -> None:
    pin = PersonalIdentityNumber("19811228-9874")
    with pytest.raises(TypeError, match="cannot be pickled") as info:
        pickle.dumps(pin, protocol=protocol)
    assert_hidden(str(info.value), "198112289874")
    with pytest.raises(TypeError):
        pickle.dumps({"who": pin}, protocol=protocol)


def test_copy_returns_the_same_immutable_value() -> None:
    pin = PersonalIdentityNumber("19811228-9874")
    assert copy.copy(pin) is pin
    assert copy.deepcopy([pin])[0] is pin
    with pytest.raises(AttributeError):
        pin._digits = "000000000000"  # mutating is the test
    with pytest.raises(AttributeError):
        del pin._digits
    assert not hasattr(pin, "__dict__")
    with pytest.raises(AttributeError):
        pin.__init__("19811228-9841")  # type: ignore[misc]  # re-initialising is the test
    assert pin.reveal() == "19811228-9874"


def test_equality_and_hash_across_forms() -> None:
    a = PersonalIdentityNumber("19811228-9874")
    b = PersonalIdentityNumber("8112289874", on=date(2020, 1, 1))
    c = PersonalIdentityNumber("19811228-9841")
    assert a == b
    assert hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2
    assert a != "19811228-9874"


# ---------------------------------------------------------------------------------------------
# Organisation numbers (stdnum.se.orgnr)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("212000-1942", True),  # a municipality (Hällefors seed style)
        ("2120001942", True),
        ("202100-5489", True),  # Arbetsförmedlingen
        ("212000-1943", False),
        ("21200-1942", False),
    ],
)
def test_organisation_numbers(text: str, valid: bool) -> None:
    assert is_valid_organisation_number(text) is valid
    if valid:
        assert organisation_number(text) == f"{text.replace('-', '')[:6]}-{text[-4:]}"
    else:
        with pytest.raises(InvalidIdentityNumber):
            organisation_number(text)


def test_a_sole_traders_number_is_masked_in_errors() -> None:
    # A sole trader's organisation number is their personnummer (month position < 20).
    with pytest.raises(InvalidIdentityNumber) as info:
        organisation_number("811228-9875")
    assert "9875" not in str(info.value)


# ---------------------------------------------------------------------------------------------
# Pseudonymisation: HMAC-SHA-256 over the canonical twelve digits, lower-case hex


def test_pseudonym_is_the_documented_hmac() -> None:
    expected = hmac.new(KEY, b"198112289874", hashlib.sha256).hexdigest()
    assert pseudonymise("19811228-9874", KEY) == expected
    assert pseudonymise(PersonalIdentityNumber("19811228-9874"), KEY) == expected
    assert pseudonymise("811228-9874", KEY, on=date(2000, 1, 1)) == expected
    assert Pseudonymiser(KEY)("19811228-9874") == expected
    assert len(expected) == 64
    assert expected == expected.lower()


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("a text key of enough length", "must be bytes"),
        (b"short", "at least 16 bytes"),
        (b"", "at least 16 bytes"),
    ],
)
def test_unusable_keys(key: object, message: str) -> None:
    with pytest.raises(InvalidPseudonymKey, match=message):
        pseudonymise("19811228-9874", key)  # type: ignore[arg-type]  # wrong types are the test
    with pytest.raises(InvalidPseudonymKey, match=message):
        Pseudonymiser(key)  # type: ignore[arg-type]  # as above


def test_pseudonymiser_hides_its_key() -> None:
    p = Pseudonymiser(KEY)
    assert repr(p) == f"Pseudonymiser(key=<{len(KEY)} bytes>)"
    assert KEY.decode() not in repr(p) + str(p)
    with pytest.raises(TypeError, match="secret key"):
        pickle.dumps(p)
    with pytest.raises(AttributeError):
        p._key = b"x" * 16  # mutating is the test


# ---------------------------------------------------------------------------------------------
# Person records from register rows


def test_person_from_row_derives_and_discards() -> None:
    row = {
        "personnummer": "20040229-1231",
        "home_municipality": "1863",
        "residence": "folkbokförd",
        "registered_in_sweden": "2019-08-01",
    }
    person = person_from_row(row, key=KEY)
    assert person.birth_date == date(2004, 2, 29)
    assert person.key == pseudonymise("20040229-1231", KEY)
    assert person.home_municipality == "1863"
    assert person.registered_in_sweden == date(2019, 8, 1)
    assert person.sex is None  # only derived when asked for
    assert_hidden(repr(person) + str(person), "200402291231")


def test_person_from_row_with_fields_and_sex() -> None:
    row = {"pnr": "811228-9841", "kommun": "0180", "namn": "ignored"}
    person = Pseudonymiser(KEY).person(
        row,
        on=date(2015, 6, 1),
        column="pnr",
        fields={"kommun": "home_municipality"},
        derive_sex=True,
    )
    assert person.sex is Sex.FEMALE
    assert person.home_municipality == "0180"
    assert person.birth_date == date(1981, 12, 28)


def test_person_from_row_lists_every_problem_masked() -> None:
    row = {
        "personnummer": "19811228-9875",
        "home_municipality": "9999",
        "birth_date": "1981-12-28",
        "favourite_colour": "blue",
    }
    with pytest.raises(ValidationError) as info:
        person_from_row(row, key=KEY)
    paths = set(info.value.paths)
    assert {"personnummer", "home_municipality", "birth_date", "favourite_colour"} <= paths
    assert_hidden(str(info.value), "198112289875")
    assert "9875" not in str(info.value).replace("19811228", "")


@pytest.mark.parametrize(
    ("row", "path"),
    [
        ({"home_municipality": "1863"}, "personnummer"),
        ({"personnummer": 198112289874}, "personnummer"),
        ({"personnummer": "19811228-9874", "key": "mine"}, "key"),
    ],
)
def test_person_from_row_column_problems(row: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        person_from_row(row, key=KEY)
    assert path in info.value.paths
    assert "198112289874" not in str(info.value)


# ---------------------------------------------------------------------------------------------
# Properties


@st.composite
def numbers(draw: st.DrawFn) -> tuple[str, date, bool]:
    """A valid number as twelve digits, with its birth date and whether it coordinates."""
    born = draw(st.dates(min_value=date(1905, 1, 1), max_value=date(2024, 12, 31)))
    coordination = draw(st.booleans())
    serial = draw(st.integers(min_value=0, max_value=999))
    day = born.day + (60 if coordination else 0)
    head = f"{born:%y%m}{day:02d}{serial:03d}"
    ten = head + luhn.calc_check_digit(head)
    return f"{born.year // 100:02d}{ten}", born, coordination


@given(numbers(), st.integers(min_value=0, max_value=130))
def test_ten_and_twelve_digit_forms_agree(number: tuple[str, date, bool], later: int) -> None:
    digits, born, coordination = number
    pin = PersonalIdentityNumber(digits)
    assert pin.birth_date == born
    assert pin.is_coordination_number is coordination
    assert pin.reveal().replace("-", "") == digits
    on = date(born.year + later, 12, 31)
    separator = "-" if later < 100 else "+"
    assert PersonalIdentityNumber(f"{digits[2:8]}{separator}{digits[8:]}", on=on) == pin


@given(numbers())
def test_nothing_but_reveal_shows_the_number(number: tuple[str, date, bool]) -> None:
    digits = number[0]
    pin = PersonalIdentityNumber(digits)
    texts = [repr(pin), str(pin), f"{pin}", format(pin), repr([pin]), repr({"p": pin})]
    for text in texts:
        assert_hidden(text, digits)
    with pytest.raises(TypeError) as info:
        pickle.dumps(pin)
    assert_hidden(str(info.value), digits)
    person = person_from_row({"personnummer": digits}, key=KEY)
    assert_hidden(repr(person), digits)


@given(numbers(), st.integers(min_value=1, max_value=9))
def test_errors_never_show_the_number(number: tuple[str, date, bool], bump: int) -> None:
    digits = number[0]
    wrong = digits[:-1] + str((int(digits[-1]) + bump) % 10)
    for text in (wrong, f"{wrong[:8]}-{wrong[8:]}"):
        with pytest.raises(InvalidIdentityNumber) as info:
            PersonalIdentityNumber(text)
        assert_hidden(str(info.value), wrong)
        assert wrong[8:] not in str(info.value).replace(wrong[:8], "")
        with pytest.raises(ValidationError) as row_info:
            person_from_row({"personnummer": text}, key=KEY)
        assert_hidden(str(row_info.value), wrong)


@given(numbers(), st.binary(min_size=16, max_size=64), st.binary(min_size=16, max_size=64))
def test_pseudonyms_are_stable_per_key_and_differ_across_keys(
    number: tuple[str, date, bool], key: bytes, other: bytes
) -> None:
    digits = number[0]
    assert pseudonymise(digits, key) == pseudonymise(PersonalIdentityNumber(digits), key)
    assert Pseudonymiser(key)(digits) == pseudonymise(digits, key)
    assume(key != other)
    assert pseudonymise(digits, key) != pseudonymise(digits, other)
    assert_hidden(pseudonymise(digits, key), digits)


@given(numbers(), numbers())
def test_different_numbers_get_different_pseudonyms(
    a: tuple[str, date, bool], b: tuple[str, date, bool]
) -> None:
    assume(a[0] != b[0])
    assert pseudonymise(a[0], KEY) != pseudonymise(b[0], KEY)
