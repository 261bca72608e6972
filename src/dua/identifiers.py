"""Swedish identity numbers, masked by default, and keyed pseudonyms for registers.

**Personnummer** (folkbokföringslagen (1991:481) 18 §) are ten or twelve digits: the birth
date `YYYYMMDD` (or `YYMMDD`), a three-digit serial number whose last digit is odd for men and
even for women (the *legal sex* recorded at birth), and a Luhn check digit computed over the
ten-digit form. In the ten-digit form the separator is `-`, changed to `+` from the year in
which the person turns 100. **Samordningsnummer** (coordination numbers, 18 a §) look the
same, but 60 is added to the day of birth (day 61–91).

A ten-digit number does not name its century, so reading one needs a reference date
`on` (the date of the register or form it comes from; this module never reads the clock):

- with `-` or no separator the person turns less than 100 in the year of `on`, so the birth
  year is the one among `on.year - 99 … on.year` that ends in `YY`;
- with `+` the person turns 100 or more that year: the same year minus 100;
- a birth date after `on` is an error.

Organisation numbers (*organisationsnummer*) are ten digits with a Luhn check digit
(Skatteverket, SKV 709). Both kinds of check digit are checked by one ten-digit Luhn
(`dua._luhn`), held by tests to python-stdnum (`stdnum.luhn`, and `stdnum.se.orgnr` for
organisation numbers, which still decides every form other than `NNNNNN-NNNN` and
`NNNNNNNNNN`): a register run checks a number on every row, and importing stdnum loads
`ssl`, `socket` and `pydoc`. (stdnum's own `stdnum.se.personnummer` reads the clock to
resolve the century and does not know coordination numbers, so it is not used.)

**Privacy.** A [`PersonalIdentityNumber`][dua.identifiers.PersonalIdentityNumber] never shows
the full number: `repr`, `str`, `format()` and every error message show `YYYYMMDD-****`, and
pickling it is refused. The full number is only returned by
[`reveal()`][dua.identifiers.PersonalIdentityNumber.reveal]. Registers are joined through
[`pseudonymise`][dua.identifiers.pseudonymise]: HMAC-SHA-256 with a secret key over the
canonical twelve-digit form, written as 64 lower-case hexadecimal characters, stable for
the same key and number. [`person_from_row`][dua.identifiers.person_from_row] turns a raw
register row into a [`Person`][dua.model.Person] under such a pseudonym and drops the number.
Sources: Skatteverket, *Personnummer* (SKV 704) and *Samordningsnummer* (SKV 707).

>>> pin = PersonalIdentityNumber("19811228-9874")
>>> pin
PersonalIdentityNumber('19811228-****')
>>> print(pin, pin.birth_date, pin.is_coordination_number)
19811228-**** 1981-12-28 False
>>> pin.reveal()
'19811228-9874'
>>> PersonalIdentityNumber("811228-9874", on=date(2015, 1, 1)) == pin
True
>>> PersonalIdentityNumber("701063-2391").birth_date   # a samordningsnummer, day 63 = 3
Traceback (most recent call last):
...
dua.errors.InvalidIdentityNumber: inte ett giltigt identitetsnummer: ett tiosiffrigt nummer behöver referensdatumet `on` för att visa vilket sekel det gäller (värde: '701063-****')
>>> PersonalIdentityNumber("701063-2391", on=date(2015, 1, 1)).birth_date
datetime.date(1970, 10, 3)
>>> len(pseudonymise(pin, b"a key of at least 16 bytes"))
64
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from collections.abc import Mapping
from datetime import date
from typing import Any, NoReturn

from dua._luhn import luhn_valid
from dua.errors import InvalidIdentityNumber, InvalidPseudonymKey, Problem, ValidationError
from dua.model import OrganisationNumber, Person, Sex
from dua.model._converter import structure

__all__ = [
    "MIN_KEY_BYTES",
    "PersonalIdentityNumber",
    "Pseudonymiser",
    "is_pseudonym",
    "is_valid_organisation_number",
    "is_valid_personal_identity_number",
    "organisation_number",
    "person_from_row",
    "pseudonymise",
]

MIN_KEY_BYTES = 16
"""The shortest pseudonymisation key accepted, in bytes (32 random bytes are recommended,
e.g. `secrets.token_bytes(32)`)."""

_SHAPE = re.compile(r"^(\d{6}|\d{8})([-+]?)(\d{4})$")
_COORDINATION_OFFSET = 60


class PersonalIdentityNumber:
    """A valid personnummer or samordningsnummer that does not show itself.

    Construct it from a text in any usual form: `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`,
    `YYMMDD-NNNN`, `YYMMDD+NNNN` or `YYMMDDNNNN`. The ten-digit forms need the reference
    date `on` to tell the century (see the module docstring for the rule).

    It is immutable, hashable and compares by number. `repr`, `str` and `format()` show only
    the birth-date part (`19900101-****`); [`reveal`][dua.identifiers.PersonalIdentityNumber.reveal]
    is the only way to the full number. Pickling and `copy` by pickling are refused with a
    `TypeError`, because a pickle would carry the full number: store a
    [pseudonym][dua.identifiers.pseudonymise] instead.

    Raises:
        InvalidIdentityNumber: the text is not a valid number (the message is masked).
        TypeError: the value is not a text (the message does not show it).
    """

    __slots__ = ("_digits",)
    _digits: str

    def __init__(self, text: str, *, on: date | None = None) -> None:
        if hasattr(self, "_digits"):
            raise AttributeError(f"{type(self).__name__} is immutable")
        object.__setattr__(self, "_digits", _canonical(text, on))

    # -- what may be shown --------------------------------------------------------------

    @property
    def masked(self) -> str:
        """The number with its serial and check digits hidden: `YYYYMMDD-****`."""
        return f"{self._digits[:8]}-****"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked!r})"

    def __str__(self) -> str:
        return self.masked

    def __format__(self, spec: str) -> str:
        if spec:
            raise ValueError(
                "a PersonalIdentityNumber is only formatted masked (use '{}' without a "
                "format spec, or call .reveal() explicitly)"
            )
        return self.masked

    # -- the explicit way to the full number --------------------------------------------

    def reveal(self) -> str:
        """The full number in the canonical twelve-digit form `YYYYMMDD-NNNN`.

        This is the only way to get the number back. Call it only where the full number
        must leave the program (e.g. a report to SCB), never for logging or display.
        """
        return f"{self._digits[:8]}-{self._digits[8:]}"

    # -- derived facts ------------------------------------------------------------------

    @property
    def is_coordination_number(self) -> bool:
        """Whether this is a samordningsnummer (day of birth plus 60)."""
        return int(self._digits[6:8]) > _COORDINATION_OFFSET

    @property
    def birth_date(self) -> date:
        """The birth date the number states (for a samordningsnummer, the day minus 60)."""
        return _birth_date(self._digits[:8])

    @property
    def legal_sex(self) -> Sex:
        """The legal sex the number states: the second-last digit is odd for men, even for
        women (folkbokföringslagen 18 §). Derived only when asked for."""
        return Sex.MALE if int(self._digits[10]) % 2 else Sex.FEMALE

    # -- value semantics ----------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PersonalIdentityNumber):
            return hmac.compare_digest(self._digits, other._digits)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((PersonalIdentityNumber, self._digits))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError(
            "a PersonalIdentityNumber cannot be pickled, because the pickle would hold the "
            "full number; store pseudonymise(number, key) instead, or .reveal() explicitly"
        )

    def __reduce__(self) -> NoReturn:
        self.__reduce_ex__(2)

    def __copy__(self) -> PersonalIdentityNumber:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> PersonalIdentityNumber:
        return self


@functools.lru_cache(maxsize=16384)
def _birth_date(digits: str) -> date:
    """The birth date of a valid number's first eight digits `YYYYMMDD` (day + 60 for a
    samordningsnummer)."""
    day = int(digits[6:8])
    if day > _COORDINATION_OFFSET:
        day -= _COORDINATION_OFFSET
    return date(int(digits[:4]), int(digits[4:6]), day)


def _canonical(text: object, on: date | None) -> str:
    """Validate `text` and return the twelve digits `YYYYMMDDNNNC`."""
    if not isinstance(text, str):
        raise TypeError(
            f"a personal identity number must be given as a text, not {type(text).__name__} "
            "(a number loses leading zeros and the separator)"
        )
    match = _SHAPE.match(text.strip())
    if match is None:
        raise InvalidIdentityNumber("error.identity.shape", text)
    head, separator, tail = match.groups()
    valid, part = _birth_part(head, separator, on)
    if not valid:
        raise InvalidIdentityNumber(part, text, on=on.isoformat() if on else "")
    if not luhn_valid(head[-6:] + tail):
        raise InvalidIdentityNumber("error.identity.check_digit", text)
    return part + tail


@functools.lru_cache(maxsize=16384)
def _birth_part(head: str, separator: str, on: date | None) -> tuple[bool, str]:
    """`(True, "YYYYMMDD")` for the birth-date part of a number (`head`, six or eight
    digits, and its separator), or `(False, the message key of why it is not valid)`.
    Kept per distinct part: a register repeats its birth dates on many rows."""
    if len(head) == 8:
        if separator == "+":
            return False, "error.identity.plus_in_long_form"
        year = int(head[:4])
    else:
        if on is None:
            return False, "error.identity.needs_on"
        yy = int(head[:2])
        year = on.year - (on.year - yy) % 100
        if separator == "+":
            year -= 100
    month, day = int(head[-4:-2]), int(head[-2:])
    real_day = day - _COORDINATION_OFFSET if day > _COORDINATION_OFFSET else day
    try:
        born = date(year, month, real_day)
    except ValueError:
        if day > 60:
            return False, "error.identity.coordination_day"
        return False, "error.identity.birth_date"
    if len(head) == 6 and on is not None and born > on:
        return False, "error.identity.after_on"
    return True, f"{year:04d}{head[-4:]}"


def is_valid_personal_identity_number(text: str, *, on: date | None = None) -> bool:
    """Whether `text` is a valid personnummer or samordningsnummer (see the module rules).

    >>> is_valid_personal_identity_number("19811228-9874")
    True
    >>> is_valid_personal_identity_number("19811228-9875")
    False
    """
    try:
        _canonical(text, on)
    except (InvalidIdentityNumber, TypeError):
        return False
    return True


def organisation_number(text: str) -> OrganisationNumber:
    """Validate a Swedish organisation number (ten digits, Luhn check digit: the rule of
    `stdnum.se.orgnr`, see the module docstring) and return it as `NNNNNN-NNNN`.

    Note that a sole trader's organisation number *is* their personnummer; error messages
    mask it like one.

    Raises:
        InvalidIdentityNumber: not ten digits with a valid check digit.

    >>> organisation_number("2120001942")
    '212000-1942'
    """
    if not is_valid_organisation_number(text):
        raise InvalidIdentityNumber("error.identity.organisation_number", text)
    return OrganisationNumber(text)


def is_valid_organisation_number(text: str) -> bool:
    """Whether `text` is a valid organisation number (`stdnum.se.orgnr`).

    >>> is_valid_organisation_number("212000-1942"), is_valid_organisation_number("212000-1943")
    (True, False)
    """
    if not isinstance(text, str):
        return False
    try:
        OrganisationNumber(text)  # the one check (plain forms without loading stdnum)
    except ValueError:
        return False
    return True


def _check_key(key: object) -> bytes:
    if not isinstance(key, bytes | bytearray):
        raise InvalidPseudonymKey("error.identity.key_type", kind=type(key).__name__)
    if len(key) < MIN_KEY_BYTES:
        raise InvalidPseudonymKey("error.identity.key_short", least=MIN_KEY_BYTES, n=len(key))
    return bytes(key)


_PSEUDONYM = re.compile(r"[0-9a-f]{64}")


def is_pseudonym(text: str) -> bool:
    """Whether `text` has the form [`pseudonymise`][dua.identifiers.pseudonymise] gives:
    64 lower-case hexadecimal characters.

    Key columns refuse values that hold anything shaped like an identity number, but not
    such a pseudonym: about one in fifty holds ten decimal digits in a row that happen to
    read as one, and it is a keyed hash, not a number.

    >>> is_pseudonym(pseudonymise("19811228-9874", b"0123456789abcdef"))
    True
    >>> is_pseudonym("P20060510-1237")
    False
    """
    return isinstance(text, str) and _PSEUDONYM.fullmatch(text) is not None


def pseudonymise(
    number: PersonalIdentityNumber | str, key: bytes, *, on: date | None = None
) -> str:
    """The keyed pseudonym of an identity number: HMAC-SHA-256 with `key` over the
    canonical twelve digits `YYYYMMDDNNNN` (ASCII, no separator), as 64 lower-case
    hexadecimal characters.

    The same key and number always give the same pseudonym, so two registers pseudonymised
    with one key can be joined; without the key the pseudonym cannot be linked back to the
    number (keep the key secret and apart from the data). Ten- and twelve-digit forms of the
    same number give the same pseudonym. A samordningsnummer and a later personnummer of the
    same person are different numbers and give different pseudonyms.

    Args:
        number: a [`PersonalIdentityNumber`][dua.identifiers.PersonalIdentityNumber] or a
            text (ten-digit texts need `on`).
        key: the secret key, at least `MIN_KEY_BYTES` bytes.
        on: reference date for ten-digit texts.

    Raises:
        InvalidIdentityNumber: `number` is not valid.
        InvalidPseudonymKey: `key` is not bytes or too short.

    >>> key = b"0123456789abcdef"
    >>> pseudonymise("19811228-9874", key) == pseudonymise("811228-9874", key, on=date(2020, 1, 1))
    True
    >>> pseudonymise("19811228-9874", key)[:16]
    'c6feaa4690630651'
    """
    secret = _check_key(key)
    digits = (
        number._digits if isinstance(number, PersonalIdentityNumber) else _canonical(number, on)
    )
    return hmac.new(secret, digits.encode("ascii"), hashlib.sha256).hexdigest()


# The HMAC pads (RFC 2104) as translation tables: byte x becomes x ^ 0x36 or x ^ 0x5C.
_INNER_PAD = bytes(x ^ 0x36 for x in range(256))
_OUTER_PAD = bytes(x ^ 0x5C for x in range(256))


class _KeyedHash:
    """HMAC-SHA-256 under one key (RFC 2104), with the key's inner and outer SHA-256 states
    made once and copied for each message: the bytes of `hmac.new(key, message,
    hashlib.sha256)` (tests/test_identifiers.py holds them together), in a third of the time
    for the short messages of a register run (OpenSSL 3 sets an HMAC up anew per call)."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        block = hashlib.sha256().block_size
        if len(key) > block:
            key = hashlib.sha256(key).digest()
        key = key.ljust(block, b"\0")
        self._inner = hashlib.sha256(key.translate(_INNER_PAD))
        self._outer = hashlib.sha256(key.translate(_OUTER_PAD))

    def __call__(self, digits: str) -> str:
        inner = self._inner.copy()
        inner.update(digits.encode("ascii"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<key>)"

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError("a keyed hash cannot be pickled, because it holds a secret key")


class Pseudonymiser:
    """Holds a pseudonymisation key and turns identity numbers and register rows into
    pseudonyms and [`Person`][dua.model.Person]s (see [`pseudonymise`][dua.identifiers.pseudonymise]).

    The key is never shown by `repr` and the object refuses to be pickled.

    >>> p = Pseudonymiser(b"0123456789abcdef")
    >>> p
    Pseudonymiser(key=<16 bytes>)
    >>> p("19811228-9874") == pseudonymise("19811228-9874", b"0123456789abcdef")
    True
    """

    __slots__ = ("_hash", "_key")
    _key: bytes
    _hash: _KeyedHash | None

    def __init__(self, key: bytes) -> None:
        object.__setattr__(self, "_key", _check_key(key))
        object.__setattr__(self, "_hash", None)

    def __call__(self, number: PersonalIdentityNumber | str, *, on: date | None = None) -> str:
        """The pseudonym of `number` under this key."""
        return pseudonymise(number, self._key, on=on)

    def _of_canonical(self, digits: str) -> str:
        """The pseudonym of a number already validated and in its canonical twelve digits
        `YYYYMMDDNNNN` (a register run checks each number once, as it reads it)."""
        keyed = self._hash
        if keyed is None:
            keyed = _KeyedHash(self._key)
            object.__setattr__(self, "_hash", keyed)
        return keyed(digits)

    def person(
        self,
        row: Mapping[str, object],
        *,
        on: date | None = None,
        column: str = "personnummer",
        fields: Mapping[str, str] | None = None,
        derive_sex: bool = False,
    ) -> Person:
        """[`person_from_row`][dua.identifiers.person_from_row] with this key."""
        return person_from_row(
            row, key=self._key, on=on, column=column, fields=fields, derive_sex=derive_sex
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(key=<{len(self._key)} bytes>)"

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError("a Pseudonymiser cannot be pickled, because it holds a secret key")


def person_from_row(
    row: Mapping[str, object],
    *,
    key: bytes,
    on: date | None = None,
    column: str = "personnummer",
    fields: Mapping[str, str] | None = None,
    derive_sex: bool = False,
) -> Person:
    """Build a [`Person`][dua.model.Person] from a raw register row and discard the number.

    The identity number in `column` is validated, its birth date becomes `birth_date`, its
    [pseudonym][dua.identifiers.pseudonymise] under `key` becomes `key`, and the number itself
    is not kept anywhere. With `derive_sex=True` the legal sex is read from the number when
    the row has no `sex` of its own.

    The other columns become the person's fields: by default every other column must be a
    field of `Person` (with values as in agreement files: texts, ISO dates, `true`/`false`);
    with `fields`, a mapping from column to field name, only those columns are used and the
    rest are ignored. Everything goes through the strict converter
    ([`dua.io.structure`][dua.io.structure]).

    Raises:
        ValidationError: lists every problem with its column, the identity number masked.
        InvalidPseudonymKey: `key` is not usable.

    >>> row = {"personnummer": "20000517-1236", "home_municipality": "1863"}
    >>> person = person_from_row(row, key=b"0123456789abcdef")
    >>> person.birth_date, person.home_municipality, len(person.key)
    (datetime.date(2000, 5, 17), '1863', 64)
    >>> "1236" in repr(person)
    False
    """
    secret = _check_key(key)
    problems: list[Problem] = []
    pin: PersonalIdentityNumber | None = None
    raw = row.get(column)
    if column not in row:
        problems.append(Problem.of(column, "error.identity.column_missing"))
    elif not isinstance(raw, str):
        problems.append(
            Problem.of(column, "error.structure.expected_text", kind=type(raw).__name__)
        )
    else:
        try:
            pin = PersonalIdentityNumber(raw, on=on)
        except InvalidIdentityNumber as exc:
            problems.append(
                Problem(column, exc.reason, exc.shown, key=exc.reason_key, params=exc.reason_params)
            )
    source = (
        {name: row[col] for col, name in fields.items() if col in row}
        if fields is not None
        else {name: value for name, value in row.items() if name != column}
    )
    data: dict[str, Any] = {}
    for name, value in source.items():
        if name in ("key", "birth_date"):
            problems.append(Problem.of(name, "error.identity.derived_column"))
        else:
            data[name] = value
    if pin is not None:
        data["key"] = pseudonymise(pin, secret)
        data["birth_date"] = pin.birth_date
        if derive_sex and data.get("sex") is None:
            data["sex"] = pin.legal_sex.value
    else:
        # Placeholders, so that the other columns are still checked and reported together.
        data["key"] = "(invalid)"
        data["birth_date"] = date(1900, 1, 1)
    person: Person | None = None
    try:
        person = structure(data, Person)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if problems or person is None:
        raise ValidationError(problems)
    return person
