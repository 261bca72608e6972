"""Person registers for KAA runs: a table of young people (CSV or `.xlsx`) read into
[`Person`][dua.model.Person]s under keyed pseudonyms, the identity numbers discarded.

**The format** is flat: one row per person, read with the rules of
[`dua.io.tables`][dua.io.tables] (UTF-8, `;` or `,`, Swedish or English column names, dates
`YYYY-MM-DD`). It holds exactly what the KAA rule ([`dua.rules.kaa`][dua.rules.kaa],
skollagen (SFS 2010:800) 29 kap. 6 and 9 §§) reads:

- **who**: `personnummer` (a personnummer or samordningsnummer, which is validated,
  pseudonymised with the key and discarded; the birth date is taken from it) *or* `nyckel`
  (a pseudonym made earlier, with the key, and then `födelsedatum` is required); exactly
  one of the two columns;
- **about the person**: `födelsedatum`, `kön`, `hemkommun` (SCB code),
  `folkbokföringsstatus` and `folkbokförd_i_sverige` (the date first registered in Sweden,
  for those who arrived after school age);
- **school documents**: one date column per kind of document, holding the date it was
  issued: `slutbetyg_grundskola`, `examensbevis`, `studiebevis`, `gymnasiesärskolebevis`,
  `motsvarande_utbildning`, `utländsk_gymnasieexamen`;
- **one enrolment**: `inskrivning` (the kind of education), `inskrivning_start`,
  `inskrivning_slut` (empty while it lasts), and optionally `skola` and `program`.

**Several enrolments** (a history, or two at once) are written as **repeated rows for the
same person**: the same `personnummer` (or `nyckel`) on each, one enrolment per row. On a
repeated row the other columns may be left empty; if given, they must agree with the
person's other rows (a disagreement is an error naming both lines). School documents on
repeated rows are added to the person's. The columns are listed with their English names
and value sets in [`PERSONS`][dua.io.persons.PERSONS] and in `docs/inputs.md`. Names,
addresses and anything else the rule does not need are refused as unknown columns: leave
them out of the export (data minimisation, GDPR art. 5(1)(c)).

**The key file** holds the pseudonymisation key as hexadecimal digits (at least 32, i.e.
16 bytes; 64 recommended), on one line or several; blank lines and lines starting with `#`
are ignored. Make one with `python -c "import secrets; print(secrets.token_hex(32))"`, keep
it apart from the data, and use the same key for registers that are to be joined: the same
number gives the same pseudonym ([`dua.identifiers.pseudonymise`][dua.identifiers.pseudonymise]).

Errors name the line and column; an identity number never appears in a message (only its
birth-date part, `20000517-****`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "kaa.csv").write_text(
...     "personnummer;hemkommun;inskrivning;inskrivning_start\\n"
...     "20000517-1236;1863;introduktionsprogram;2016-08-20\\n", encoding="utf-8")
>>> [person] = read_persons(folder / "kaa.csv", key=b"0123456789abcdef")
>>> person.birth_date, person.home_municipality, person.enrolments[0].kind.value
(datetime.date(2000, 5, 17), '1863', 'introduktionsprogram')
>>> "1236" in repr(person)
False
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import attrs

from dua._luhn import luhn_part
from dua.errors import (
    FileFormatError,
    InvalidIdentityNumber,
    InvalidPseudonymKey,
    Problem,
    ValidationError,
    contains_identity_number,
    mask_value,
)
from dua.i18n import KeyedValueError
from dua.identifiers import (
    MIN_KEY_BYTES,
    PersonalIdentityNumber,
    Pseudonymiser,
    _birth_date,
    _birth_part,
    is_pseudonym,
)
from dua.io._parse import read_limited_text
from dua.io.tables import (
    Column,
    Layout,
    Progress,
    Records,
    Row,
    RowError,
    SlowRow,
    TableStream,
    _line,
    choice,
    mask_text,
    parse_date,
    parse_text,
    read_rows,
    stream_rows,
)
from dua.model import (
    Enrolment,
    EnrolmentKind,
    MunicipalityCode,
    Person,
    Qualification,
    QualificationKind,
    ResidenceStatus,
    Sex,
)

if TYPE_CHECKING:
    from dua.rules import Criterion
    from dua.rules.kaa import KaaRun

__all__ = [
    "PERSONS",
    "QUALIFICATION_COLUMNS",
    "KaaCovered",
    "iter_kaa",
    "iter_persons",
    "read_key_file",
    "read_persons",
]

PathLike = str | os.PathLike[str]
X = TypeVar("X")


def _municipality(value: str) -> MunicipalityCode:
    try:
        return MunicipalityCode(value)
    except ValueError:
        if value.isdigit() and len(value) == 3:
            # A spreadsheet that took the code for a number drops its leading zero.
            raise KeyedValueError(
                "error.persons.municipality_zero", shown=mask_value(value), fixed=f"0{value}"
            ) from None
        raise KeyedValueError("error.persons.municipality", shown=mask_value(value)) from None


def _pseudonym(value: str) -> str:
    # Refused: ten or twelve digits with at most one other character, and anything shaped
    # like an identity number wherever it sits (`P20060510-1237`, `pnr 060510-1237`).
    # A pseudonym made by `dua` (64 hexadecimal characters) is a keyed hash, whatever digits
    # it happens to hold.
    if is_pseudonym(value):
        return value
    digits = sum(ch.isdigit() for ch in value)
    if (digits in (10, 12) and digits >= len(value) - 1) or contains_identity_number(value):
        raise KeyedValueError("error.persons.identity_in_key", shown=mask_value(value))
    return value


_SEX = choice(
    Sex,
    {"k": Sex.FEMALE, "female": Sex.FEMALE, "f": Sex.FEMALE, "m": Sex.MALE, "male": Sex.MALE},
)
_RESIDENCE = choice(ResidenceStatus, {"registered": ResidenceStatus.REGISTERED})
_ENROLMENT = choice(
    EnrolmentKind,
    # The name before 2023-07-01 (SFS 2022:1315) still appears in older exports.
    {"gymnasiesärskola": EnrolmentKind.ADAPTED_UPPER_SECONDARY},
)

QUALIFICATION_COLUMNS: Mapping[str, QualificationKind] = {
    "compulsory_school_certificate": QualificationKind.COMPULSORY_COMPLETED,
    "upper_secondary_diploma": QualificationKind.UPPER_SECONDARY_DIPLOMA,
    "certificate_of_studies": QualificationKind.CERTIFICATE_OF_STUDIES,
    "adapted_certificate": QualificationKind.ADAPTED_CERTIFICATE,
    "equivalent_education": QualificationKind.EQUIVALENT_COMPLETED,
    "foreign_upper_secondary_diploma": QualificationKind.FOREIGN_UPPER_SECONDARY,
}
"""The school-document columns (English names) and the kind of document each holds."""

_DATE = "date YYYY-MM-DD"

PERSONS = Layout(
    "persons",
    (
        Column(
            name="personal_identity_number",
            swedish="personnummer",
            aliases=("pnr", "samordningsnummer"),
            kind="YYYYMMDD-NNNN (or YYMMDD-NNNN)",
            description="pseudonymised with the key and discarded; gives the birth date",
        ),
        Column(
            name="key",
            swedish="nyckel",
            aliases=("pseudonym",),
            parse=_pseudonym,
            kind="text",
            description="a pseudonym made earlier, instead of a personnummer",
        ),
        Column(
            name="birth_date",
            swedish="födelsedatum",
            parse=parse_date,
            kind=_DATE,
            description="required with nyckel; with personnummer it must agree",
        ),
        Column(
            name="sex",
            swedish="kön",
            parse=_SEX,
            kind="kvinna/man (K/M, woman/man)",
            description="empty when unknown",
        ),
        Column(
            name="home_municipality",
            swedish="hemkommun",
            aliases=("kommunkod",),
            parse=_municipality,
            kind="SCB code, four digits",
            description="the municipality responsible (29 kap. 6 §)",
        ),
        Column(
            name="residence",
            swedish="folkbokföringsstatus",
            aliases=("folkbokföring", "bosättningsstatus"),
            parse=_RESIDENCE,
            kind=", ".join(str(m.value) for m in ResidenceStatus),
            description="empty when unknown (treated as folkbokförd)",
        ),
        Column(
            name="registered_in_sweden",
            swedish="folkbokförd_i_sverige",
            parse=parse_date,
            kind=_DATE,
            description="first registered in Sweden (for those who came after school age)",
        ),
        Column(
            name="compulsory_school_certificate",
            swedish="slutbetyg_grundskola",
            parse=parse_date,
            kind=_DATE,
            description="date of the final compulsory-school grades",
        ),
        Column(
            name="upper_secondary_diploma",
            swedish="examensbevis",
            parse=parse_date,
            kind=_DATE,
            description="date of the upper-secondary diploma (gymnasieexamen)",
        ),
        Column(
            name="certificate_of_studies",
            swedish="studiebevis",
            parse=parse_date,
            kind=_DATE,
            description="date of a certificate of studies (does not end KAA)",
        ),
        Column(
            name="adapted_certificate",
            swedish="gymnasiesärskolebevis",
            aliases=("bevis_anpassad_gymnasieskola",),
            parse=parse_date,
            kind=_DATE,
            description="date of the adapted upper-secondary school's certificate",
        ),
        Column(
            name="equivalent_education",
            swedish="motsvarande_utbildning",
            parse=parse_date,
            kind=_DATE,
            description="date equivalent education was completed with pass results",
        ),
        Column(
            name="foreign_upper_secondary_diploma",
            swedish="utländsk_gymnasieexamen",
            parse=parse_date,
            kind=_DATE,
            description="date of an upper-secondary diploma from abroad",
        ),
        Column(
            name="enrolment",
            swedish="inskrivning",
            aliases=("skolform",),
            parse=_ENROLMENT,
            kind=", ".join(str(m.value) for m in EnrolmentKind),
            description="the kind of education of this row's enrolment",
        ),
        Column(
            name="enrolment_start",
            swedish="inskrivning_start",
            aliases=("inskriven_från",),
            parse=parse_date,
            kind=_DATE,
            description="first day of the enrolment",
        ),
        Column(
            name="enrolment_end",
            swedish="inskrivning_slut",
            aliases=("inskriven_till",),
            parse=parse_date,
            kind=_DATE,
            description="last day; empty while it lasts",
        ),
        Column(
            name="school",
            swedish="skola",
            aliases=("provider",),
            parse=parse_text,
            description="the school (optional)",
        ),
        Column(
            name="programme",
            swedish="program",
            parse=parse_text,
            description="the programme (optional)",
        ),
    ),
    one_of=(("personal_identity_number", "key"),),
)
"""The columns of a person register (one row per person; repeated rows add enrolments)."""

# Columns that describe the person and must agree on repeated rows.
_PERSON_COLUMNS = ("birth_date", "sex", "home_municipality", "residence", "registered_in_sweden")
_ENROLMENT_COLUMNS = ("enrolment_start", "enrolment_end", "school", "programme")


class _Entry(NamedTuple):
    """One row of a person, read (a tuple: a register run makes one per row)."""

    row: Row
    # The person's identity while their rows are read: the identity number (never shown,
    # never kept past the person) or the pseudonym of a `nyckel` column.
    identity: PersonalIdentityNumber | str
    facts: Mapping[str, object]
    qualifications: tuple[Qualification, ...]
    enrolment: Enrolment | None


def _identity_parser(on: date | None) -> Callable[[str], PersonalIdentityNumber]:
    def parse(value: str) -> PersonalIdentityNumber:
        try:
            return PersonalIdentityNumber(value, on=on)
        except InvalidIdentityNumber as error:
            # The parameters are masked already; a DuaError would stop the whole reading.
            raise KeyedValueError(error.key or "", **error.params) from None

    return parse


def _layout(on: date | None) -> Layout:
    """`PERSONS` with identity numbers validated for the reference date `on`."""
    columns = tuple(
        attrs.evolve(column, parse=_identity_parser(on))
        if column.name == "personal_identity_number"
        else column
        for column in PERSONS.columns
    )
    return Layout(PERSONS.name, columns, PERSONS.one_of)


def _identity(
    row: Row, pseudonymiser: Pseudonymiser | None
) -> tuple[PersonalIdentityNumber | str, date]:
    """The person's identity (number or pseudonym) and birth date."""
    number = row.get("personal_identity_number", PersonalIdentityNumber)
    stated = row.get("birth_date", date)
    if number is None:
        key = row.require("key", str)
        if stated is None:
            raise RowError("error.persons.pseudonym_needs_birth_date", "birth_date")
        return key, stated
    if pseudonymiser is None:
        raise InvalidPseudonymKey(
            "error.persons.key_needed", function="dua.io.persons.read_key_file"
        )
    if stated is not None and stated != number.birth_date:
        raise RowError("error.persons.birth_date_differs", "birth_date", stated=stated)
    return number, number.birth_date


def _enrolment(row: Row) -> Enrolment | None:
    kind = row.get("enrolment", EnrolmentKind)
    if kind is None:
        for name in _ENROLMENT_COLUMNS:
            if row.values.get(name) is not None:
                raise RowError(
                    "error.persons.enrolment_kind", "enrolment", column=row.headers[name]
                )
        return None
    start = row.get("enrolment_start", date)
    if start is None:
        raise RowError("error.persons.enrolment_start", "enrolment_start")
    end = row.get("enrolment_end", date)
    if end is not None and end < start:
        raise RowError("error.followup.end_before_start", "enrolment_end", end=end, start=start)
    return Enrolment(
        kind=kind,
        start=start,
        end=end,
        provider=row.get("school", str),
        programme=row.get("programme", str),
    )


class _Builder:
    """Builds a row's entry. Documents and enrolments are frozen values, so one object is
    made per distinct value and shared by the rows that hold it (a register repeats them)."""

    def __init__(self, pseudonymiser: Pseudonymiser | None) -> None:
        self.pseudonymiser = pseudonymiser
        self.qualifications: dict[tuple[QualificationKind, date], Qualification] = {}
        self.enrolments: dict[tuple[object, ...], Enrolment | None] = {}
        self.documents_of: dict[tuple[object, ...], tuple[Qualification, ...]] = {}

    def qualification(self, kind: QualificationKind, issued: date) -> Qualification:
        found = self.qualifications.get((kind, issued))
        if found is None:
            if len(self.qualifications) >= _SHARED:
                self.qualifications.clear()
            found = self.qualifications[kind, issued] = Qualification(kind=kind, on=issued)
        return found

    def enrolment(self, row: Row) -> Enrolment | None:
        values = row.values
        shape = tuple(values.get(name) for name in _ENROLMENT_SHAPE)
        if shape in self.enrolments:
            return self.enrolments[shape]
        enrolment = _enrolment(row)  # a row that is wrong raises, and is not kept
        if len(self.enrolments) >= _SHARED:
            self.enrolments.clear()
        self.enrolments[shape] = enrolment
        return enrolment

    def documents(self, values: Mapping[str, object]) -> tuple[Qualification, ...]:
        dates = tuple(map(values.get, _DOCUMENT_NAMES))
        found = self.documents_of.get(dates)
        if found is None:
            found = tuple(
                sorted(
                    (
                        self.qualification(kind, issued)
                        for kind, issued in zip(_DOCUMENT_KINDS, dates, strict=True)
                        if isinstance(issued, date)
                    ),
                    key=_document_order,
                )
            )
            if len(self.documents_of) >= _SHARED:
                self.documents_of.clear()
            self.documents_of[dates] = found
        return found

    def entry(self, row: Row) -> _Entry:
        values = row.values
        number = values.get("personal_identity_number")
        if (
            type(number) is PersonalIdentityNumber
            and values.get("birth_date") is None
            and self.pseudonymiser is not None
        ):
            # The common row (a number, no stated birth date), with an enrolment seen before.
            enrolment = self.enrolments.get(tuple(map(values.get, _ENROLMENT_SHAPE)), _UNSEEN)
            if enrolment is not _UNSEEN:
                facts = dict(zip(_PERSON_COLUMNS, map(values.get, _PERSON_COLUMNS), strict=True))
                facts["birth_date"] = number.birth_date
                return _Entry(row, number, facts, self.documents(values), enrolment)
        errors: list[RowError] = []
        identity: PersonalIdentityNumber | str = ""
        born, enrolment = None, None
        try:
            identity, born = _identity(row, self.pseudonymiser)
        except RowError as error:
            errors.append(error)
        try:
            enrolment = self.enrolment(row)
        except RowError as error:
            errors.append(error)
        if errors:
            raise RowError.combine(errors)
        assert born is not None
        facts = {name: values.get(name) for name in _PERSON_COLUMNS}
        facts["birth_date"] = born
        return _Entry(row, identity, facts, self.documents(values), enrolment)


_UNSEEN: Any = object()
_DOCUMENT_NAMES = tuple(QUALIFICATION_COLUMNS)
_DOCUMENT_KINDS = tuple(QUALIFICATION_COLUMNS.values())
# Shared documents and enrolments kept at most (then the store starts again).
_SHARED = 4096
_ENROLMENT_SHAPE = ("enrolment", *_ENROLMENT_COLUMNS)
# Columns whose values repeat from row to row, parsed once per distinct text when a
# register is streamed; never the identity columns (the cache would keep the numbers).
_CACHED = frozenset(
    {
        "birth_date",
        "sex",
        "home_municipality",
        "residence",
        "registered_in_sweden",
        *QUALIFICATION_COLUMNS,
        "enrolment",
        "enrolment_start",
        "enrolment_end",
        "school",
        "programme",
    }
)


def _person(
    group: Sequence[_Entry],
    key: str,
    problems: list[Problem] | None = None,
    make: Callable[..., Person] = Person,
) -> Person:
    """One person from the rows of `group` (one person's): the person columns must agree,
    enrolments and documents add up. A disagreement is added to `problems`."""
    first = group[0]
    if len(group) == 1:
        facts: Mapping[str, object] = first.facts
        qualifications = list(first.qualifications)
        enrolments = [] if first.enrolment is None else [first.enrolment]
    else:
        facts, qualifications, enrolments = _combine(group, problems)
    birth_date = facts["birth_date"]
    assert isinstance(birth_date, date)
    if len(qualifications) > 1:
        qualifications.sort(key=_document_order)
    return make(
        key=key,
        birth_date=birth_date,
        sex=_typed(facts["sex"], Sex),
        home_municipality=_typed(facts["home_municipality"], MunicipalityCode),
        residence=_typed(facts["residence"], ResidenceStatus),
        registered_in_sweden=_typed(facts["registered_in_sweden"], date),
        qualifications=tuple(qualifications),
        enrolments=tuple(enrolments),
    )


# Person's fields that a register does not fill, with their (immutable) defaults.
_PERSON_DEFAULTS = tuple(
    (field.name, field.default)
    for field in attrs.fields(Person)
    if field.name not in {"key", "birth_date", "sex", "home_municipality", "residence",
                          "registered_in_sweden", "qualifications", "enrolments"}
)  # fmt: skip


def _one_row_person(entry: _Entry, key: str) -> Person:
    """`_person([entry], key, make=_trusted_person)`, for the common person of one row
    (the documents of an entry are in the order of `_person` already)."""
    facts = entry.facts
    person: Person = object.__new__(Person)
    setter = object.__setattr__
    setter(person, "key", key)
    setter(person, "birth_date", facts["birth_date"])
    setter(person, "sex", facts["sex"])
    setter(person, "home_municipality", facts["home_municipality"])
    setter(person, "residence", facts["residence"])
    setter(person, "registered_in_sweden", facts["registered_in_sweden"])
    setter(person, "qualifications", entry.qualifications)
    setter(person, "enrolments", () if entry.enrolment is None else (entry.enrolment,))
    for name, default in _PERSON_DEFAULTS:
        setter(person, name, default)
    return person


_PERSON_FIELDS = tuple(field.name for field in attrs.fields(Person) if field.name != "key")


def _with_key(person: Person, key: str) -> Person:
    """`attrs.evolve(person, key=key)` for a person made by `_trusted_person`, whose values
    need no second conversion."""
    copy: Person = object.__new__(Person)
    setter = object.__setattr__
    setter(copy, "key", key)
    for name in _PERSON_FIELDS:
        setter(copy, name, getattr(person, name))
    return copy


def _trusted_person(**values: object) -> Person:
    """A `Person` from values that are already what its converters and validators would
    make them (a checked key; parsed, typed cells; tuples): set as attrs' own `__init__`
    sets the fields of a frozen class, without converting them again. A register run makes
    one person per row, and `Person(...)` would check every value a second time.
    (tests/io/test_persons.py holds it to `Person(...)`.)"""
    person: Person = object.__new__(Person)
    setter = object.__setattr__
    for name, value in values.items():
        setter(person, name, value)
    for name, default in _PERSON_DEFAULTS:
        setter(person, name, default)
    return person


# The slots of `Person`'s fields, set as attrs' own `__init__` sets them: the fields a
# register fills, in the order of `_register_person`'s arguments, then the others.
_REGISTER_FIELDS = (
    "key", "birth_date", "sex", "home_municipality", "residence", "registered_in_sweden",
    "qualifications", "enrolments",
)  # fmt: skip
_SLOT_SETTERS = tuple(getattr(Person, name).__set__ for name in _REGISTER_FIELDS)
_DEFAULT_SETTERS = tuple(
    (getattr(Person, name).__set__, default) for name, default in _PERSON_DEFAULTS
)


def _register_person(*values: object) -> Person:
    """`_trusted_person` of the values of `_REGISTER_FIELDS`, given in that order, for the
    covered persons of a register run explained one by one: each slot is set through its
    descriptor (tests/io/test_persons_stream.py holds it to `Person(...)`)."""
    person: Person = object.__new__(Person)
    for set_slot, value in zip(_SLOT_SETTERS, values, strict=True):
        set_slot(person, value)
    for set_slot, default in _DEFAULT_SETTERS:
        set_slot(person, default)
    return person


def _document_order(qualification: Qualification) -> tuple[date, str]:
    return qualification.on, qualification.kind.value


def _combine(
    group: Sequence[_Entry], problems: list[Problem] | None
) -> tuple[dict[str, object], list[Qualification], list[Enrolment]]:
    first = group[0]
    facts = dict(first.facts)
    seen_at: dict[str, Row] = {name: first.row for name in facts if facts[name] is not None}
    qualifications: list[Qualification] = []
    enrolments: list[Enrolment] = []
    for entry in group:
        for name, value in entry.facts.items():
            if value is None:
                continue
            if facts.get(name) is None:
                facts[name], seen_at[name] = value, entry.row
            elif facts[name] != value and problems is not None:
                column = name if name in entry.row.headers else "personal_identity_number"
                problems.append(
                    Problem.of(
                        mask_text(entry.row.path(column)),
                        "error.persons.differs",
                        first=seen_at[name].where,
                    )
                )
        for qualification in entry.qualifications:
            if qualification not in qualifications:
                qualifications.append(qualification)
        if entry.enrolment is not None:
            enrolments.append(entry.enrolment)
    return facts, qualifications, enrolments


def _key(identity: PersonalIdentityNumber | str, pseudonymiser: Pseudonymiser | None) -> str:
    """The pseudonym of an identity number, or the `nyckel` as it is."""
    if isinstance(identity, str):
        return identity
    assert pseudonymiser is not None  # `_identity` refuses numbers without a key
    return pseudonymiser(identity)


def _merge(
    entries: tuple[_Entry, ...], pseudonymiser: Pseudonymiser | None
) -> tuple[list[Person], list[Problem]]:
    """Group rows by person, wherever they are in the file; see `_person`."""
    groups: dict[PersonalIdentityNumber | str, list[_Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.identity, []).append(entry)
    problems: list[Problem] = []
    persons = [
        _person(group, _key(identity, pseudonymiser), problems)
        for identity, group in groups.items()
    ]
    return persons, problems


def _typed(value: object, kind: type[X]) -> X | None:
    if value is None:
        return None
    if not isinstance(value, kind):
        raise TypeError(f"expected a {kind.__name__}, got {type(value).__name__}")
    return value


def read_persons(
    path: PathLike,
    *,
    key: bytes | None = None,
    on: date | None = None,
    sheet: str | None = None,
) -> list[Person]:
    """Read a person register (CSV or `.xlsx`) in the format of the module docstring into
    [`Person`][dua.model.Person]s, in the order of their first rows.

    The whole register is read into memory (within
    [`MAX_TABLE_BYTES`][dua.limits.MAX_TABLE_BYTES]), and a person's rows may be anywhere
    in it. For registers of any size, read with
    [`iter_persons`][dua.io.persons.iter_persons].

    Args:
        path: the register file.
        key: the pseudonymisation key (e.g. from [`read_key_file`][dua.io.persons.read_key_file]);
            required when the file has a `personnummer` column.
        on: the register's reference date, to tell the century of ten-digit numbers
            (`YYMMDD-NNNN`); usually the date the KAA run is for.
        sheet: the sheet of an `.xlsx` workbook (default: the only sheet with data).

    Raises:
        FileFormatError: the file cannot be read at all.
        InvalidPseudonymKey: identity numbers but no usable key.
        ValidationError: every problem, by line and column, numbers masked.
    """
    pseudonymiser = None if key is None else Pseudonymiser(key)
    builder = _Builder(pseudonymiser)
    reading = read_rows(path, _layout(on), builder.entry, sheet=sheet)
    persons, problems = _merge(reading.results, pseudonymiser)
    reading.check(problems)
    return persons


def iter_persons(
    path: PathLike | TableStream,
    *,
    key: bytes | None = None,
    on: date | None = None,
    sheet: str | None = None,
    select: Callable[[Person], bool] | None = None,
    progress: Progress | None = None,
) -> Iterator[Person]:
    """Read a person register as a stream: each person is yielded as soon as their rows are
    read, and neither the rows nor the persons are kept, so a register of any length is
    read in little memory (a CSV file is not bound by
    [`MAX_TABLE_BYTES`][dua.limits.MAX_TABLE_BYTES]; a workbook is read whole).

    The format is the module's, with one condition: **a person's rows follow one
    another** (one row per person, or the repeated rows of a person together, as in a file
    sorted by personnummer). A person whose rows are apart is an error naming the line;
    [`read_persons`][dua.io.persons.read_persons] reads such a file.

    Args:
        path: the register: a file, or a [`TableStream`][dua.io.tables.TableStream] such
            as standard input.
        key: the pseudonymisation key, as for [`read_persons`][dua.io.persons.read_persons].
        on: the register's reference date, as for `read_persons`.
        sheet: the sheet of an `.xlsx` workbook, as for `read_persons`.
        select: when given, only persons for which it returns true are yielded, and only
            they are pseudonymised: `select` sees each person under a provisional key (the
            line where their rows begin, e.g. `line 14`), and a person it refuses is never
            given a pseudonym (data minimisation: a KAA run pseudonymises only the persons
            it reports).
        progress: a [`Progress`][dua.io.tables.Progress] hook.

    Raises:
        FileFormatError: the file cannot be read at all.
        InvalidPseudonymKey: identity numbers but no usable key.
        ValidationError: after the last person, every problem by line and column (numbers
            masked), so that what was written from the stream can be dropped; at once when
            a person's rows are apart.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "kaa.csv").write_text(
    ...     "nyckel;födelsedatum;hemkommun\\n"
    ...     "p1;2001-05-17;1863\\np2;1990-01-01;0180\\n", encoding="utf-8")
    >>> tuple(p.key for p in iter_persons(folder / "kaa.csv"))
    ('p1', 'p2')
    >>> young = iter_persons(folder / "kaa.csv", select=lambda p: p.birth_date.year > 2000)
    >>> tuple(p.key for p in young)
    ('p1',)
    """
    pseudonymiser = None if key is None else Pseudonymiser(key)
    builder = _Builder(pseudonymiser)
    entries = stream_rows(
        path,
        _layout(on),
        builder.entry,
        sheet=sheet,
        cached=_CACHED,
        first=("personal_identity_number", "key"),
        progress=progress,
    )
    source = Path(os.fspath(path)).name or "stdin"
    problems: list[Problem] = []
    finished: set[int] = set()  # a fingerprint of each person read, to find rows apart
    group: list[_Entry] = []

    def done(group: list[_Entry]) -> Person | None:
        first = group[0]
        identity = first.identity
        finished.add(hash(identity))
        # With `select`, a provisional key: only the persons selected get a pseudonym.
        key = _key(identity, pseudonymiser) if select is None else first.row.where
        if len(group) == 1:
            person = _one_row_person(first, key)
        else:
            person = _person(group, key, problems, _trusted_person)
        if select is None:
            return person
        if not select(person):
            return None
        return _with_key(person, _key(identity, pseudonymiser))

    apart: Problem | None = None
    unreadable: ValidationError | None = None  # problems in the rows, found by the end
    try:
        for entry in entries:
            if group:
                if entry.identity == group[0].identity:
                    group.append(entry)
                    continue
                person = done(group)
                if person is not None:
                    yield person
                group = []
            if hash(entry.identity) in finished:
                apart = Problem.of(entry.row.where, "error.persons.apart")
                break
            group = [entry]
    except ValidationError as error:
        unreadable = error
    finally:
        close = getattr(entries, "close", None)
        if close is not None:
            close()
    if group and apart is None:
        person = done(group)
        if person is not None:
            yield person
    if unreadable is not None:  # the rows' problems first, then those of the persons
        raise ValidationError([*unreadable.problems, *problems], source=unreadable.source)
    if apart is not None:
        problems.append(apart)
    if problems:
        raise ValidationError(problems, source=source)


def read_key_file(path: PathLike) -> bytes:
    """Read a pseudonymisation key from a key file: hexadecimal digits (at least
    `2 × MIN_KEY_BYTES`), blank lines and `#` comment lines ignored. The key is never shown
    in a message.

    Raises:
        FileFormatError: no such file, or not a key file.
        InvalidPseudonymKey: the key is shorter than `MIN_KEY_BYTES` bytes.
    """
    file = Path(path)
    try:
        text = read_limited_text(file)
    except FileNotFoundError:
        raise FileFormatError("error.persons.no_key_file", file=str(file)) from None
    except (OSError, UnicodeDecodeError):
        raise FileFormatError("error.persons.key_file_unreadable", file=str(file)) from None
    digits = "".join(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    digits = "".join(digits.split())
    try:
        key = bytes.fromhex(digits)
    except ValueError:
        raise FileFormatError("error.persons.key_file_hex", file=str(file)) from None
    if len(key) < MIN_KEY_BYTES:
        raise InvalidPseudonymKey(
            "error.persons.key_file_short", file=str(file), n=len(key), least=MIN_KEY_BYTES
        )
    return key


# -- a KAA register run ---------------------------------------------------------------------


class KaaCovered(NamedTuple):
    """A person a KAA register run ([`iter_kaa`][dua.io.persons.iter_kaa]) found covered:
    their pseudonym (`key`), their home municipality (`None` when the register leaves it
    empty), their grounds of coverage (see [`coverage_grounds`][dua.rules.kaa.coverage_grounds])
    and, when asked for, the [`Person`][dua.model.Person] (under the same pseudonym), e.g.
    for the full decision with [`KaaRun.decision`][dua.rules.kaa.KaaRun.decision], and the
    criteria of that decision as [`KaaRun.explain_facts`][dua.rules.kaa.KaaRun.explain_facts]
    gives them (the age criterion, and the other four as one shared tuple)."""

    key: str
    home_municipality: MunicipalityCode | None
    grounds: tuple[str, ...]
    person: Person | None = None
    criteria: tuple[Criterion, tuple[Criterion, ...]] | None = None


_FACT_COLUMNS = ("sex", "home_municipality", "residence", "registered_in_sweden")


class _KaaReading:
    """The state of one `iter_kaa` run: the person whose rows are being read (a fast row,
    or a group of entries read the careful way), the fingerprints of the persons read, and
    the problems found in persons (those of rows are the table reader's)."""

    def __init__(
        self, run: KaaRun, pseudonymiser: Pseudonymiser | None, persons: bool, explain: bool
    ) -> None:
        self.run = run
        self.pseudonymiser = pseudonymiser
        self.persons = persons
        self.explain = explain
        self.builder = _Builder(pseudonymiser)
        self.problems: list[Problem] = []
        self.finished: set[int] = set()  # a fingerprint of each person read, to find rows apart
        self.group: list[_Entry] = []
        self.apart: Problem | None = None

    # -- persons read the careful way (entries) --------------------------------------------

    def entry(self, entry: _Entry) -> KaaCovered | None:
        """Add an entry (a row read the careful way); the person it ends, when covered."""
        group = self.group
        if group:
            if entry.identity == group[0].identity:
                group.append(entry)
                return None
            covered = self.done()
        else:
            covered = None
        if hash(entry.identity) in self.finished:
            self.apart = Problem.of(entry.row.where, "error.persons.apart")
        else:
            self.group = [entry]
        return covered

    def done(self) -> KaaCovered | None:
        """The person of the group read so far, when covered; the group is emptied."""
        group, self.group = self.group, []
        if not group:
            return None
        first = group[0]
        self.finished.add(hash(first.identity))
        if len(group) == 1:
            person = _one_row_person(first, "")
        else:
            person = _person(group, "", self.problems, _trusted_person)
        grounds = self.run.admit_facts(
            person.birth_date,
            person.residence,
            person.registered_in_sweden,
            person.home_municipality,
            person.qualifications,
            person.enrolments,
        )
        if grounds is None:
            return None
        key = _key(first.identity, self.pseudonymiser)
        criteria = None
        if self.explain:
            criteria = self.run.explain_facts(
                person.birth_date,
                person.residence,
                person.registered_in_sweden,
                person.qualifications,
                person.enrolments,
            )
        return KaaCovered(
            key,
            person.home_municipality,
            grounds,
            _with_key(person, key) if self.persons else None,
            criteria,
        )

    def finish(self) -> KaaCovered | None:
        """The last person, when covered (none after rows apart)."""
        return None if self.apart is not None else self.done()

    # -- the fast reader ---------------------------------------------------------------------

    def compile(
        self, columns: Sequence[Column], slow: SlowRow
    ) -> Callable[[Records], Iterator[KaaCovered]] | None:
        """The fast reader of a register whose header is `columns` (a
        [`FastRows`][dua.io.tables.FastRows]), or `None` when its rows are read the careful
        way (a register of pseudonyms, or no key)."""
        names = [column.name for column in columns]
        pseudonymiser = self.pseudonymiser
        if "personal_identity_number" not in names or pseudonymiser is None:
            return None
        width = len(columns)
        # An absent column reads the empty cell appended to each row (at `width`).
        at = {column.name: width for column in PERSONS.columns}
        at.update((name, where) for where, name in enumerate(names))
        parsers = {column.name: column.parse for column in PERSONS.columns}
        # Every cell below is one a careful reading parses with the same parser; a cell that
        # parser refuses (ValueError) sends the row to the careful reading, which reports it.

        def converter(name: str) -> tuple[dict[str, object], Callable[[str], object]]:
            """A column's values kept by the cell as written, and how to add one."""
            cache: dict[str, object] = {"": None}
            parse = parsers[name]

            def fill(cell: str) -> object:
                text = cell.strip()
                value = parse(text) if text else None
                if len(cache) >= _CACHED_CELLS:
                    cache.clear()
                    cache[""] = None
                cache[cell] = value
                return value

            return cache, fill

        (sexes, sex), (places, place), (statuses, status), (arrivals, arrival) = (
            converter(name) for name in _FACT_COLUMNS
        )
        at_sex, at_place, at_status, at_arrival = (at[name] for name in _FACT_COLUMNS)
        at_number, at_born = at["personal_identity_number"], at["birth_date"]
        document_cells = operator.itemgetter(*(at[name] for name in _DOCUMENT_NAMES))
        document_fills = [converter(name)[1] for name in _DOCUMENT_NAMES]
        enrolment_cells = operator.itemgetter(*(at[name] for name in _ENROLMENT_SHAPE))
        enrolment_fills = [converter(name)[1] for name in _ENROLMENT_SHAPE]
        documents_of: dict[tuple[str, ...], tuple[Qualification, ...]] = {}
        enrolments_of: dict[tuple[str, ...], tuple[Enrolment, ...]] = {}
        builder = self.builder

        def documents(cells: tuple[str, ...]) -> tuple[Qualification, ...]:
            values = {
                name: fill(cell)
                for name, fill, cell in zip(_DOCUMENT_NAMES, document_fills, cells, strict=True)
            }
            found = builder.documents(values)
            if len(documents_of) >= _CACHED_CELLS:
                documents_of.clear()
            documents_of[cells] = found
            return found

        def enrolments(cells: tuple[str, ...]) -> tuple[Enrolment, ...]:
            values = {
                name: fill(cell)
                for name, fill, cell in zip(_ENROLMENT_SHAPE, enrolment_fills, cells, strict=True)
            }
            row = Row(where="", line=0, values=values, headers={}, layout=PERSONS)
            try:
                enrolment = _enrolment(row)
            except (RowError, KeyError):  # `headers` is empty: the careful reading words it
                raise ValueError("an enrolment the careful reading reports") from None
            found = () if enrolment is None else (enrolment,)
            if len(enrolments_of) >= _CACHED_CELLS:
                enrolments_of.clear()
            enrolments_of[cells] = found
            return found

        on = self.run.on
        admit = self.run.admit_facts
        finished = self.finished
        finished_add = finished.add
        # Per birth-date part `YYYYMMDD`: the birth date and its share of the Luhn sum
        # (`None` when it is no birth date); per ending `NNNC`: its share.
        heads: dict[str, tuple[date, int] | None] = {}
        endings = {f"{n:04d}": luhn_part(f"{n:04d}") for n in range(10_000)}

        def birth(head: str) -> tuple[date, int] | None:
            if len(heads) >= _CACHED_CELLS:
                heads.clear()
            found = None
            if head.isascii() and head.isdigit():
                born = _birth_of(head, on)
                if born is not None:
                    found = born, luhn_part(head[2:])
            heads[head] = found
            return found

        def run(records: Records) -> Iterator[KaaCovered]:
            # The person whose single fast row was read last waits (`waiting`) for the next
            # row, which shows whether more rows follow; these are their facts.
            waiting = 0  # the person's fingerprint (0: none waiting)
            w_digits: Any = None
            w_cells: Any = None
            w_sex: Any = None
            w_place: Any = None
            w_status: Any = None
            w_arrival: Any = None
            w_line = 0
            w_born: Any = None
            w_documents: Any = ()
            w_enrolments: Any = ()
            for line, cells in records:
                if len(cells) == width:
                    cells.append("")
                    text = cells[at_number]
                    size = len(text)
                    if (size == 13 and text[8] == "-") or size == 12:
                        head = text[:8]
                        ending = text[-4:]
                        try:
                            born = heads[head]
                        except KeyError:
                            born = birth(head)
                        fast = (
                            born is not None
                            and ending in endings
                            and (born[1] + endings[ending]) % 10 == 0
                            and not cells[at_born]
                        )
                        if fast:
                            try:
                                try:
                                    sex_ = sexes[cells[at_sex]]
                                    place_ = places[cells[at_place]]
                                    status_ = statuses[cells[at_status]]
                                    arrival_ = arrivals[cells[at_arrival]]
                                except KeyError:
                                    sex_ = sex(cells[at_sex])
                                    place_ = place(cells[at_place])
                                    status_ = status(cells[at_status])
                                    arrival_ = arrival(cells[at_arrival])
                                key = document_cells(cells)
                                try:
                                    documents_ = documents_of[key]
                                except KeyError:
                                    documents_ = documents(key)
                                key = enrolment_cells(cells)
                                try:
                                    enrolments_ = enrolments_of[key]
                                except KeyError:
                                    enrolments_ = enrolments(key)
                            except ValueError:
                                fast = False
                        if fast:
                            digits = head + ending
                            fingerprint = hash((PersonalIdentityNumber, digits))
                            if waiting:
                                if waiting == fingerprint:
                                    fast = False  # a further row: read carefully
                                else:
                                    finished_add(waiting)
                                    grounds = admit(
                                        w_born, w_status, w_arrival, w_place, w_documents,
                                        w_enrolments,
                                    )  # fmt: skip
                                    if grounds is not None:
                                        yield self.covered(
                                            w_digits, w_born, w_sex, w_place, w_status,
                                            w_arrival, w_documents, w_enrolments, grounds,
                                        )  # fmt: skip
                                    waiting = 0
                            elif self.group:
                                if hash(self.group[0].identity) == fingerprint:
                                    fast = False
                                else:
                                    covered = self.done()
                                    if covered is not None:
                                        yield covered
                            if fast:
                                if fingerprint in finished:
                                    self.apart = Problem.of(_line(line), "error.persons.apart")
                                    return
                                waiting = fingerprint
                                w_digits, w_line, w_cells = digits, line, cells
                                w_born, w_sex, w_place = born[0], sex_, place_  # type: ignore[index]  # `fast` holds only when `born` is known
                                w_status, w_arrival = status_, arrival_
                                w_documents, w_enrolments = documents_, enrolments_
                                continue
                    del cells[width:]
                # The careful reading: a row the fast reader does not read, or a further row
                # of a person.
                for entry in slow(line, cells):
                    if waiting:
                        if waiting == hash(entry.identity):
                            assert w_cells is not None
                            for first in slow(w_line, w_cells[:width]):
                                self.entry(first)
                        else:
                            covered = self.settle(
                                waiting, w_digits, w_born, w_sex, w_place, w_status,
                                w_arrival, w_documents, w_enrolments,
                            )  # fmt: skip
                            if covered is not None:
                                yield covered
                        waiting = 0
                    covered = self.entry(entry)
                    if covered is not None:
                        yield covered
                    if self.apart is not None:
                        return
            if waiting:
                covered = self.settle(
                    waiting, w_digits, w_born, w_sex, w_place, w_status, w_arrival,
                    w_documents, w_enrolments,
                )  # fmt: skip
            else:
                covered = self.done()
            if covered is not None:
                yield covered

        return run

    def settle(
        self,
        fingerprint: int,
        digits: Any,
        born: date,
        sex: Any,
        place: Any,
        status: Any,
        arrival: Any,
        documents: tuple[Qualification, ...],
        enrolments: tuple[Enrolment, ...],
    ) -> KaaCovered | None:
        """The person of one fast row, decided and counted; when covered, pseudonymised
        (what the fast reader's loop does inline)."""
        self.finished.add(fingerprint)
        grounds = self.run.admit_facts(born, status, arrival, place, documents, enrolments)
        if grounds is None:
            return None
        return self.covered(
            digits, born, sex, place, status, arrival, documents, enrolments, grounds
        )

    def covered(
        self,
        digits: str,
        born: date,
        sex: Sex | None,
        place: MunicipalityCode | None,
        status: ResidenceStatus | None,
        arrival: date | None,
        documents: tuple[Qualification, ...],
        enrolments: tuple[Enrolment, ...],
        grounds: tuple[str, ...],
    ) -> KaaCovered:
        """A covered person of one fast row, pseudonymised (`digits` are the number's
        twelve digits, checked), with their `Person` and criteria when asked for."""
        assert self.pseudonymiser is not None
        key = self.pseudonymiser._of_canonical(digits)
        person = None
        if self.persons:
            person = _register_person(key, born, sex, place, status, arrival, documents, enrolments)
        criteria = None
        if self.explain:
            criteria = self.run.explain_facts(born, status, arrival, documents, enrolments)
        return KaaCovered(key, place, grounds, person, criteria)


_CACHED_CELLS = 4096  # distinct cells (or birth dates) kept per column (then it starts again)


def _birth_of(head: str, on: date) -> date | None:
    """The birth date of a number whose first eight digits are `head`, or `None` when they
    are not a birth date (a careful reading words why)."""
    valid, part = _birth_part(head, "-", on)
    return _birth_date(part) if valid else None


def iter_kaa(
    path: PathLike | TableStream,
    run: KaaRun,
    *,
    key: bytes | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    persons: bool = False,
    explain: bool = False,
) -> Iterator[KaaCovered]:
    """A KAA register run over a person register read as a stream: each person is decided
    by `run` (and counted in it) as soon as their rows are read, and each covered person
    is yielded as a [`KaaCovered`][dua.io.persons.KaaCovered] under their pseudonym. What
    `dua kaa` runs.

    It decides, counts and reports problems exactly as
    [`iter_persons`][dua.io.persons.iter_persons] with `select=run.admit` (the same rules
    for the file, the same condition that a person's rows follow one another, the same
    errors), and pseudonymises only the covered persons, but it is several times faster on
    a large CSV register: the plainly valid row of a person of one row (a personnummer in
    the form `YYYYMMDD-NNNN` or `YYYYMMDDNNNN`, every cell readable) is read straight from
    its cells, with each column's values parsed once per distinct text, and decided with
    [`KaaRun.admit_facts`][dua.rules.kaa.KaaRun.admit_facts] without making a `Person`; any
    other row (a problem, a ten-digit number, a person of several rows, a register of
    pseudonyms) is read the careful way. Identity numbers are reference-dated by `run.on`.

    Args:
        path: the register: a file, or a [`TableStream`][dua.io.tables.TableStream].
        run: the [`KaaRun`][dua.rules.kaa.KaaRun] that decides and counts.
        key: the pseudonymisation key, as for [`read_persons`][dua.io.persons.read_persons].
        sheet: the sheet of an `.xlsx` workbook.
        progress: a [`Progress`][dua.io.tables.Progress] hook.
        persons: also give each covered person's [`Person`][dua.model.Person] (for the
            full decision), which costs a little per covered person.
        explain: also give each covered person's criteria (`KaaCovered.criteria`), which
            costs less than the `Person` and its decision.

    Raises:
        FileFormatError: the file cannot be read at all.
        InvalidPseudonymKey: identity numbers but no usable key.
        ValidationError: after the last person, every problem by line and column (numbers
            masked); at once when a person's rows are apart (as
            [`iter_persons`][dua.io.persons.iter_persons]).

    >>> import tempfile, pathlib
    >>> from dua.rules.kaa import KaaRun
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "kaa.csv").write_text(
    ...     "personnummer;hemkommun;slutbetyg_grundskola\\n"
    ...     "20000517-1236;1863;2016-06-10\\n19900101-0009;0180;\\n", encoding="utf-8")
    >>> run = KaaRun(date(2019, 9, 1))
    >>> [covered] = iter_kaa(folder / "kaa.csv", run, key=b"0123456789abcdef")
    >>> covered.home_municipality, covered.grounds[2], len(covered.key)
    ('1863', 'compulsory_certificate', 64)
    >>> run.summary().not_covered["age"]
    1
    """
    pseudonymiser = None if key is None else Pseudonymiser(key)
    reading = _KaaReading(run, pseudonymiser, persons, explain)
    items = stream_rows(
        path,
        _layout(run.on),
        reading.builder.entry,
        sheet=sheet,
        cached=_CACHED,
        first=("personal_identity_number", "key"),
        progress=progress,
        fast=reading.compile,
    )
    source = Path(os.fspath(path)).name or "stdin"
    unreadable: ValidationError | None = None  # problems in the rows, found by the end
    try:
        for item in items:
            if isinstance(item, KaaCovered):  # from the fast reader
                yield item
                continue
            covered = reading.entry(item)  # an entry, when the table is read carefully
            if covered is not None:
                yield covered
            if reading.apart is not None:
                break
    except ValidationError as error:
        unreadable = error
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()
    covered = reading.finish()
    if covered is not None:
        yield covered
    problems = reading.problems
    if reading.apart is not None:
        raise ValidationError([*problems, reading.apart], source=source)
    if unreadable is not None:  # the rows' problems first, then those of the persons
        raise ValidationError([*unreadable.problems, *problems], source=unreadable.source)
    if problems:
        raise ValidationError(problems, source=source)
