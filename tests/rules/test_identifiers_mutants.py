"""Cases that kill the surviving mutants of `dua.identifiers` (issue 8, item 4).

Each case states the behaviour a user relies on; the mutant it was written against is named
in the comment. Rules: folkbokföringslagen (1991:481) 18 § and 18 a §, Skatteverket
SKV 704 / SKV 707; the masking and error rules of the project brief (no identity number in
any message; an error names what is wrong).
"""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from dua.errors import InvalidIdentityNumber, InvalidPseudonymKey, ValidationError
from dua.i18n import render
from dua.identifiers import (
    PersonalIdentityNumber,
    Pseudonymiser,
    is_valid_organisation_number,
    is_valid_personal_identity_number,
    organisation_number,
    person_from_row,
)
from dua.model import Sex

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

KEY = b"test key, 16+ bytes long"


def test_the_format_spec_error_says_how_to_format() -> None:
    # Mutants that garble the message (issue 8): the message is the user's only hint.
    pin = PersonalIdentityNumber("19811228-9874")
    with pytest.raises(ValueError, match="only formatted masked") as info:
        format(pin, ">20")
    assert str(info.value) == (
        "a PersonalIdentityNumber is only formatted masked (use '{}' without a format spec, "
        "or call .reveal() explicitly)"
    )


def test_deleting_a_part_says_the_number_is_immutable() -> None:
    pin = PersonalIdentityNumber("19811228-9874")
    with pytest.raises(AttributeError, match=r"^PersonalIdentityNumber is immutable$"):
        del pin._digits


def test_different_numbers_hash_apart() -> None:
    # `hash(None)` for every number (issue 8) keeps sets correct but makes them linear.
    numbers = [PersonalIdentityNumber(t) for t in ("19811228-9874", "19811228-9841")]
    numbers.append(PersonalIdentityNumber("701063-2391", on=date(2015, 1, 1)))
    assert len({hash(n) for n in numbers}) == 3


def test_an_invalid_organisation_number_says_what_is_expected_and_shows_it_masked() -> None:
    with pytest.raises(InvalidIdentityNumber) as info:
        organisation_number("212000-1943")
    assert info.value.reason == (
        "not an organisation number (ten digits NNNNNN-NNNN with a correct Luhn check digit)"
    )
    assert info.value.shown is not None
    assert info.value.shown in str(info.value)


def test_pickling_a_pseudonymiser_says_why_not() -> None:
    with pytest.raises(TypeError) as info:
        pickle.dumps(Pseudonymiser(KEY))
    assert str(info.value) == "a Pseudonymiser cannot be pickled, because it holds a secret key"


def test_the_pseudonymiser_reads_personnummer_and_does_not_derive_sex_by_default() -> None:
    # Defaults of `Pseudonymiser.person` mirror `person_from_row` (column "personnummer",
    # derive_sex=False: the legal sex is personal data, derived only when asked for).
    person = Pseudonymiser(KEY).person({"personnummer": "19811228-9841"})
    assert person.birth_date == date(1981, 12, 28)
    assert person.sex is None
    assert Pseudonymiser(KEY).person({"personnummer": "19811228-9841"}, derive_sex=True).sex is (
        Sex.FEMALE
    )


@pytest.mark.parametrize(
    ("text", "on", "valid"),
    [
        # A ten-digit number of a child born on the reference date itself is valid; the
        # day after is not (module docstring: "a birth date after `on` is an error").
        pytest.param("151228-9875", date(2015, 12, 28), True, id="born on the reference date"),
        pytest.param("151228-9875", date(2015, 12, 27), False, id="born the day after"),
        # Century: with '-', the birth year is among on.year-99 … on.year (18 §).
        pytest.param("151228-9875", date(2015, 1, 1), False, id="2015 would be after on"),
        pytest.param("161228-9874", date(2015, 12, 31), True, id="yy after on.year: 1916"),
    ],
)
def test_ten_digit_numbers_at_the_reference_date(text: str, on: date, valid: bool) -> None:
    assert is_valid_personal_identity_number(text, on=on) is valid


# ---------------------------------------------------------------------------------------------
# Register rows: every problem is listed once, where it is, with what is wrong (brief:
# "errors name where and what"); the number is only ever shown masked.


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        pytest.param(
            {"home_municipality": "1863"},
            [("personnummer", "the identity-number column is missing", None)],
            id="no number column",
        ),
        pytest.param(
            {"personnummer": 198112289874},
            [("personnummer", "expected a text, not int", None)],
            id="number given as an int",
        ),
        pytest.param(
            {"personnummer": "19811228-9875", "home_municipality": "1863"},
            [
                (
                    "personnummer",
                    "the check digit (Luhn) does not match",
                    "'19811228-****'",
                )
            ],
            # Placeholders for key and birth date must not add problems of their own.
            id="invalid number: one problem, shown masked",
        ),
        pytest.param(
            {"personnummer": "19811228-9874", "birth_date": "1981-12-28"},
            [("birth_date", "is derived from the identity number; leave this column out", None)],
            id="a derived column given",
        ),
    ],
)
def test_person_from_row_problems(
    row: dict[str, object], expected: list[tuple[str, str, str | None]]
) -> None:
    with pytest.raises(ValidationError) as info:
        person_from_row(row, key=KEY)
    assert [(p.path, p.message, p.value) for p in info.value.problems] == expected


@pytest.mark.parametrize(
    ("text", "on", "key", "params"),
    [
        pytest.param("19811228-9875", None, "error.identity.check_digit", {}, id="check digit"),
        # 000517: born 17 May 2000, after the reference date 1 January 2000 (SKV 704: the
        # ten-digit form is read as the most recent century that is not in the future).
        pytest.param(
            "000517-1236",
            date(2000, 1, 1),
            "error.identity.after_on",
            {"on": "2000-01-01"},
            id="after the reference date",
        ),
        # Every birth-date reason carries `on` (empty when none was given).
        pytest.param("000517-1236", None, "error.identity.needs_on", {"on": ""}, id="needs on"),
    ],
)
def test_person_from_row_problem_keeps_the_reasons_key_and_values(
    text: str, on: date | None, key: str, params: dict[str, object]
) -> None:
    # errors.py: "the key and the values of its placeholders stay ... on each problem
    # (`problem.key`, `problem.params`), so a program can tell errors apart without reading
    # their words". The message of the problem is the reason, so its key and values are the
    # reason's: rendering them again gives the message (issue 8 item 4: the mutants that
    # dropped the key or the values; the values were those of the whole exception's message,
    # without `on`, a bug fixed with this test).
    with pytest.raises(ValidationError) as info:
        person_from_row({"personnummer": text}, key=KEY, on=on)
    (problem,) = info.value.problems
    assert (problem.path, problem.key, problem.params) == ("personnummer", key, params)
    assert render(key, **problem.params) == problem.message


@pytest.mark.parametrize(
    ("text", "on", "message"),
    [
        pytest.param(
            "1981-12-28", None,
            "not a valid identity number: expected YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, "
            "YYMMDD+NNNN or YYMMDDNNNN (got '1981-12-**')",
            id="shape",
        ),
        pytest.param(
            "000517-1236", date(2000, 1, 1),
            "not a valid identity number: the birth date would fall after the reference date "
            "2000-01-01 (got '000517-****')",
            id="after the reference date",
        ),
    ],
)  # fmt: skip
def test_an_invalid_number_s_message_says_what_and_shows_it_masked(
    text: str, on: date | None, message: str
) -> None:
    # An error names what is wrong and the offending value, masked to its birth-date part
    # (project brief; SKV 704 for the forms). Issue 8 item 4: the mutants that dropped the
    # value or the reference date from the message.
    with pytest.raises(InvalidIdentityNumber) as info:
        PersonalIdentityNumber(text, on=on)
    assert str(info.value) == message


def test_a_number_given_as_an_int_says_to_give_text() -> None:
    # 198112289874 as an int: the leading zeros and the separator of other numbers are lost,
    # so the message says to give text (issue 8 item 4: mutants of the message).
    with pytest.raises(TypeError) as info:
        PersonalIdentityNumber(198112289874)  # type: ignore[arg-type]  # the wrong type is the test
    assert str(info.value) == (
        "a personal identity number must be given as a text, not int "
        "(a number loses leading zeros and the separator)"
    )


def test_a_keyless_pseudonymisation_key_error_names_the_type() -> None:
    with pytest.raises(InvalidPseudonymKey, match="must be bytes, not str"):
        Pseudonymiser("not bytes")  # type: ignore[arg-type]  # the wrong type is the test


def test_a_sex_column_wins_over_the_number() -> None:
    # derive_sex fills in the legal sex only where the row has none (person_from_row docs).
    row = {"personnummer": "19811228-9874", "sex": "kvinna"}  # 9874: odd serial digit, man
    assert person_from_row(row, key=KEY, derive_sex=True).sex is Sex.FEMALE
    assert person_from_row({"personnummer": "19811228-9874"}, key=KEY, derive_sex=True).sex is (
        Sex.MALE
    )


def test_pickling_a_number_says_why_not_and_what_to_do() -> None:
    with pytest.raises(TypeError) as info:
        pickle.dumps(PersonalIdentityNumber("19811228-9874"))
    assert str(info.value) == (
        "a PersonalIdentityNumber cannot be pickled, because the pickle would hold the "
        "full number; store pseudonymise(number, key) instead, or .reveal() explicitly"
    )


def test_initialising_a_number_again_says_it_is_immutable() -> None:
    pin = PersonalIdentityNumber("19811228-9874")
    with pytest.raises(AttributeError, match=r"^PersonalIdentityNumber is immutable$"):
        pin.__init__("19811228-9841")  # type: ignore[misc]  # re-initialising is the test


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (
            "a text key",
            "a pseudonymisation key must be bytes, not str "
            "(e.g. secrets.token_bytes(32), kept outside the code)",
        ),
        (
            b"short",
            "a pseudonymisation key must be at least 16 bytes, got 5 "
            "(use e.g. secrets.token_bytes(32))",
        ),
    ],
)
def test_an_unusable_key_is_explained(key: object, message: str) -> None:
    with pytest.raises(InvalidPseudonymKey) as info:
        Pseudonymiser(key)  # type: ignore[arg-type]  # the wrong key is the test
    assert str(info.value) == message


def test_the_pseudonymiser_passes_the_reference_date_on() -> None:
    # A ten-digit number needs `on` (module docstring); the Pseudonymiser must pass it.
    on = date(2015, 1, 1)
    p = Pseudonymiser(KEY)
    assert p("811228-9874", on=on) == p("19811228-9874")


def test_reduce_called_directly_is_refused_too() -> None:
    # Some serialisers call __reduce__ rather than __reduce_ex__.
    with pytest.raises(TypeError, match="cannot be pickled"):
        PersonalIdentityNumber("19811228-9874").__reduce__()


@pytest.mark.parametrize("value", [2120001942, None, b"212000-1942", ["212000-1942"]])
def test_only_text_can_be_a_valid_organisation_number(value: object) -> None:
    # A column read as numbers (2120001942) or bytes is not a checked organisation number:
    # the check answers False, as for any invalid text, rather than guessing a form.
    assert is_valid_organisation_number(value) is False  # type: ignore[arg-type]  # wrong type is the test
