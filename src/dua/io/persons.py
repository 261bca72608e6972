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

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import attrs

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
from dua.identifiers import MIN_KEY_BYTES, PersonalIdentityNumber, Pseudonymiser, is_pseudonym
from dua.io._parse import read_limited_text
from dua.io.tables import (
    Column,
    Layout,
    Progress,
    Row,
    RowError,
    TableStream,
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

__all__ = ["PERSONS", "QUALIFICATION_COLUMNS", "iter_persons", "read_key_file", "read_persons"]

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
