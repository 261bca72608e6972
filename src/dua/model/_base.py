"""Building blocks shared by every model: labelled enums, exact numbers, value types,
age bands, periods, cadences and source references.

Nothing here reads files or applies rules; everything is immutable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from typing import Any, Self

import attrs

from dua._luhn import canonical_organisation_number
from dua.errors import FieldValueError, contains_identity_number, mask_text, mask_value
from dua.i18n import KeyedTypeError, KeyedValueError, get_language
from dua.limits import check_number
from dua.municipalities import is_municipality_code

__all__ = [
    "AgeBand",
    "Cadence",
    "Duration",
    "Frequency",
    "LabelledEnum",
    "MunicipalityCode",
    "OrganisationNumber",
    "Period",
    "SourceRef",
    "Unit",
    "exact_decimal",
]


class LabelledEnum(StrEnum):
    """An enum whose values are the Swedish terms and whose members carry an English label.

    The value is what files contain (`"kommun"`); `label_en` is for English output.

    >>> Unit.PERCENT.value, Unit.PERCENT.label_en
    ('procent', 'percent')
    """

    label_en: str

    def __new__(cls, value: str, label_en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_en = label_en or value
        return member

    @property
    def label_sv(self) -> str:
        """The Swedish label (the value itself)."""
        return self.value

    def label(self, lang: str | None = None) -> str:
        """The label in `lang` (`"sv"` or `"en"`)."""
        lang = get_language(lang)
        return self.label_en if lang == "en" else self.value


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f_")


def exact_decimal(value: object) -> Decimal:
    """Convert a stated number to an exact `Decimal`, keeping its stated precision.

    Accepts `int`, `Decimal`, `Fraction` with a finite decimal expansion, strings with a
    decimal point or a Swedish decimal comma and space thousands separators (`"1 744"`,
    `"21,0"`), and `float`, which is taken at its shortest decimal representation
    (`0.28` means exactly 28/100). `bool` is rejected, and so is a number beyond
    [`MAX_NUMBER_DIGITS`][dua.limits.MAX_NUMBER_DIGITS] or
    [`MAX_NUMBER_EXPONENT`][dua.limits.MAX_NUMBER_EXPONENT] (see
    [`check_number`][dua.limits.check_number]).

    >>> exact_decimal("21,0"), exact_decimal(0.28), exact_decimal("1 744")
    (Decimal('21.0'), Decimal('0.28'), Decimal('1744'))
    """
    if isinstance(value, bool):
        raise KeyedTypeError("error.number.boolean", shown=mask_value(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, Fraction):
        result = Decimal(value.numerator) / Decimal(value.denominator)
        if Fraction(result) != value:
            raise KeyedValueError("error.number.no_finite_decimal", shown=str(value))
    elif isinstance(value, str):
        text = value.strip().translate(_SPACES)
        if not _NUMBER.match(text):
            raise KeyedValueError("error.number.not_a_number_decimal", shown=mask_value(value))
        try:
            result = Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            raise KeyedValueError("error.number.not_a_number", shown=mask_value(value)) from None
    else:
        raise KeyedTypeError(
            "error.number.wrong_type", kind=type(value).__name__, shown=mask_value(value)
        )
    if not result.is_finite():
        raise KeyedValueError("error.number.not_finite", shown=mask_value(value))
    return check_number(result)


def optional_decimal(value: object) -> Decimal | None:
    """`exact_decimal`, passing `None` through."""
    return None if value is None else exact_decimal(value)


def fail(field: str, key: str, value: object = None, /, **params: object) -> FieldValueError:
    """Build the error a model validator raises (a `ValueError` carrying the field), with
    the message `key` of the catalogue and its `params`."""
    return FieldValueError(field, key, value, **params)


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """attrs validator: a string that must contain some non-blank text."""
    if not isinstance(value, str) or not value.strip():
        raise fail(attribute.name, "error.field.empty_text", value)


_IDENTIFIER = re.compile(r"^[0-9A-Za-zÅÄÖåäöÉé][0-9A-Za-zÅÄÖåäöÉé_.-]*$")


def identifier(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """attrs validator: an identifier used for cross references inside an agreement."""
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        raise fail(
            attribute.name,
            "error.field.identifier",
            value,
        )


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """attrs validator: an optional number that must not be negative."""
    if isinstance(value, int | Decimal) and value < 0:
        raise fail(attribute.name, "error.field.negative", value)


def as_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: accept any iterable (but not a lone string) for a tuple field."""
    if isinstance(values, str | bytes):
        raise KeyedTypeError("error.type.list_not_text", shown=mask_value(values))
    return tuple(values)


class OrganisationNumber(str):
    """A Swedish organisation number (*organisationsnummer*), stored as `NNNNNN-NNNN`.

    Validated as python-stdnum's `stdnum.se.orgnr` validates it (ten digits, Luhn check
    digit; Skatteverket, SKV 709): the plain forms `NNNNNN-NNNN` and `NNNNNNNNNN` by
    `dua._luhn` without loading stdnum, every other form by stdnum itself (a property test
    holds the two together). Accepts the number with or without the hyphen.

    A legal person's number has a third digit of 2 or more (its "month" is 20 or more).
    A sole trader's organisation number *is* their personnummer, and python-stdnum accepts
    it: such a number (one whose first six digits read as a birth date,
    [`is_personal`][dua.model._base.OrganisationNumber.is_personal]) is held as an identity
    number: `repr`, `str` and `format()` show `YYMMDD-****`, and only
    [`reveal()`][dua.model._base.OrganisationNumber.reveal] returns it in full (files written by
    `dua` keep it, as the user wrote it).

    >>> OrganisationNumber("2120001942")
    '212000-1942'
    >>> sole_trader = OrganisationNumber("811228-9874")
    >>> sole_trader, str(sole_trader), sole_trader.is_personal
    ('811228-****', '811228-****', True)
    >>> sole_trader.reveal()
    '811228-9874'
    """

    __slots__ = ()

    def __new__(cls, value: str) -> Self:
        if isinstance(value, cls):
            return value
        if not isinstance(value, str):
            raise KeyedTypeError(
                "error.organisation.type", kind=type(value).__name__, shown=mask_value(value)
            )
        # The plain forms (`NNNNNN-NNNN`, `NNNNNNNNNN`) are checked as stdnum would (ten
        # digits, Luhn) without loading python-stdnum, which pulls in ssl, socket and pydoc
        # (issue 10, item 4); any other text goes to stdnum. A test holds the two together.
        plain = canonical_organisation_number(value)
        if plain:
            return super().__new__(cls, plain)
        invalid = KeyedValueError("error.organisation.invalid")
        if plain == "":
            raise invalid
        # Imported where used: python-stdnum loads ssl, socket and pydoc.
        from stdnum.se import orgnr

        try:
            compact = orgnr.validate(value)
        except Exception:  # stdnum raises its own ValidationError subclasses
            raise invalid from None
        return super().__new__(cls, f"{compact[:6]}-{compact[6:]}")

    @property
    def is_personal(self) -> bool:
        """Whether the number is shaped like a personal identity number (a sole trader's
        number): its third digit is below 2 and its first six digits read as a birth date."""
        return contains_identity_number(str.__str__(self))

    @property
    def public_body_shape(self) -> bool:
        """Whether the third digit is 2 or more, as in every legal person's number
        (Skatteverket, SKV 709 *Organisationsnummer*).

        >>> OrganisationNumber("212000-1942").public_body_shape
        True
        """
        return int(str.__str__(self)[2]) >= 2

    def reveal(self) -> str:
        """The full number as a plain text `NNNNNN-NNNN`, even when it is a personnummer:
        for writing the agreement back to its file, never for display."""
        return str.__str__(self)

    def _shown(self) -> str:
        return mask_text(str.__str__(self))

    def __repr__(self) -> str:
        return repr(self._shown())

    def __str__(self) -> str:
        return self._shown()

    def __format__(self, spec: str) -> str:
        return format(self._shown(), spec)


class MunicipalityCode(str):
    """A four-digit SCB municipality code (*kommunkod*) of one of the 290 municipalities.

    >>> MunicipalityCode("1863")
    '1863'
    """

    __slots__ = ()

    def __new__(cls, value: str) -> Self:
        if isinstance(value, cls):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            raise KeyedTypeError("error.municipality.code_number", shown=mask_value(value))
        if not isinstance(value, str):
            raise KeyedTypeError("error.municipality.code_type", shown=mask_value(value))
        if not is_municipality_code(value):
            raise KeyedValueError("error.municipality.code_invalid")
        return super().__new__(cls, value)


def optional_municipality(value: str | None) -> MunicipalityCode | None:
    """attrs converter for an optional municipality code."""
    return None if value is None else MunicipalityCode(value)


def optional_organisation_number(value: str | None) -> OrganisationNumber | None:
    """attrs converter for an optional organisation number."""
    return None if value is None else OrganisationNumber(value)


class Unit(LabelledEnum):
    """The unit a stated number is measured in."""

    COUNT = "antal", "count"
    PERCENT = "procent", "percent"
    PERCENTAGE_POINTS = "procentenheter", "percentage points"
    DAYS = "dagar", "days"
    WEEKS = "veckor", "weeks"
    MONTHS = "månader", "months"
    YEARS = "år", "years"
    HOURS = "timmar", "hours"
    SEK = "kronor", "Swedish kronor"
    PER_THOUSAND_INHABITANTS = "per 1 000 invånare", "per 1 000 inhabitants"


@attrs.frozen(kw_only=True, order=False)
class AgeBand:
    """An inclusive age band in whole years, e.g. 16–24; `max_age=None` has no upper bound.

    "16–24 år" includes a person from their 16th birthday until the day before their 25th.

    >>> band = AgeBand(min_age=16, max_age=24)
    >>> band.contains(24), band.contains(25), str(band)
    (True, False, '16–24')
    """

    min_age: int = attrs.field(validator=attrs.validators.instance_of(int))
    max_age: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )

    def __attrs_post_init__(self) -> None:
        if self.min_age < 0:
            raise fail("min_age", "error.field.age_negative", self.min_age)
        if self.max_age is not None and self.max_age < self.min_age:
            raise fail(
                "max_age",
                "error.field.age_order",
                self.max_age,
                lower=self.min_age,
            )

    def contains(self, age: int) -> bool:
        """Whether a person aged `age` (in whole years) is in the band."""
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)

    def __str__(self) -> str:
        return f"{self.min_age}–{self.max_age}" if self.max_age is not None else f"{self.min_age}–"


@attrs.frozen(kw_only=True)
class Period:
    """A closed date interval; `end=None` means open-ended ("until further notice").

    >>> Period(start=date(2015, 11, 30), end=date(2017, 12, 31)).contains(date(2016, 1, 1))
    True
    """

    start: date = attrs.field(validator=attrs.validators.instance_of(date))
    end: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(date))
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise fail("end", "error.field.end_before_start", self.end, start=self.start)

    @property
    def open_ended(self) -> bool:
        """Whether the period runs until further notice."""
        return self.end is None

    def contains(self, day: date) -> bool:
        """Whether `day` lies within the period (both ends included)."""
        return self.start <= day and (self.end is None or day <= self.end)

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year `year`."""
        return cls(start=date(year, 1, 1), end=date(year, 12, 31))

    def __str__(self) -> str:
        return f"{self.start}–{self.end}" if self.end else f"{self.start}–tills vidare"


@attrs.frozen(kw_only=True)
class SourceRef:
    """Where a fact comes from: a document (a seed, a law, an official page) and a place in it.

    `document` names the source (e.g. `"Bilaga 2, Norsjö 2015-10-28"` or `"SFS 2010:800"`),
    `locator` the place in it (a section, table or page), `url` an official address.
    """

    document: str = attrs.field(validator=non_empty)
    locator: str | None = None
    url: str | None = None
    note: str | None = None

    def __str__(self) -> str:
        return ", ".join(part for part in (self.document, self.locator) if part)


class Frequency(LabelledEnum):
    """How often something recurs."""

    WEEKLY = "varje vecka", "weekly"
    MONTHLY = "varje månad", "monthly"
    EVERY_OTHER_MONTH = "varannan månad", "every other month"
    QUARTERLY = "varje kvartal", "quarterly"
    TWICE_A_YEAR = "två gånger per år", "twice a year"
    YEARLY = "varje år", "yearly"
    TIMES_PER_YEAR = "gånger per år", "times a year"
    AS_NEEDED = "vid behov", "as needed"
    REGULARLY = "regelbundet", "regularly"


_PER_YEAR = {
    Frequency.WEEKLY: 52,
    Frequency.MONTHLY: 12,
    Frequency.EVERY_OTHER_MONTH: 6,
    Frequency.QUARTERLY: 4,
    Frequency.TWICE_A_YEAR: 2,
    Frequency.YEARLY: 1,
}


@attrs.frozen(kw_only=True)
class Cadence:
    """How often a body meets or a task recurs.

    `frequency` names the rhythm. With `TIMES_PER_YEAR`, `min_times`/`max_times` give the
    (inclusive) count, e.g. 6–8 a year. `months` pins a yearly or twice-yearly event to
    calendar months (e.g. `(10,)` for "every October"); `approximate` records "about"
    (*ca*, *ungefär*) in the source; `text` keeps the wording.

    >>> Cadence(frequency=Frequency.TIMES_PER_YEAR, min_times=6, max_times=8).per_year()
    (6, 8)
    >>> Cadence(frequency=Frequency.EVERY_OTHER_MONTH).per_year()
    (6, 6)
    """

    frequency: Frequency
    min_times: int | None = attrs.field(default=None, validator=non_negative)
    max_times: int | None = attrs.field(default=None, validator=non_negative)
    months: tuple[int, ...] = attrs.field(default=(), converter=as_tuple)
    approximate: bool = False
    text: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.frequency is Frequency.TIMES_PER_YEAR and self.min_times is None:
            raise fail("min_times", "error.field.times_needs_min")
        if (
            self.min_times is not None
            and self.max_times is not None
            and self.max_times < self.min_times
        ):
            raise fail("max_times", "error.field.times_order", self.max_times, lower=self.min_times)
        for month in self.months:
            if not isinstance(month, int) or not 1 <= month <= 12:
                raise fail("months", "error.field.month_names", month)

    def per_year(self) -> tuple[int, int | None] | None:
        """The expected number of occurrences a year as (minimum, maximum), if it has one.

        `None` for "as needed" and "regularly"; a maximum of `None` means "at least".
        """
        if self.frequency is Frequency.TIMES_PER_YEAR:
            assert self.min_times is not None  # checked in __attrs_post_init__
            return (self.min_times, self.max_times)
        if self.frequency in _PER_YEAR:
            count = _PER_YEAR[self.frequency]
            if self.months and self.frequency in (Frequency.YEARLY, Frequency.TWICE_A_YEAR):
                count = len(self.months)
            return (count, count)
        return None


@attrs.frozen(kw_only=True)
class Duration:
    """A nominal duration, possibly a range (6–12 months) or approximate (*ca* 2 months).

    >>> str(Duration(minimum=6, maximum=12, unit="månader"))
    '6–12 månader'
    """

    minimum: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    maximum: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    unit: Unit = attrs.field(default=Unit.MONTHS, converter=Unit)
    approximate: bool = False

    def __attrs_post_init__(self) -> None:
        if self.unit not in (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS, Unit.HOURS):
            raise fail("unit", "error.field.duration_unit", self.unit)
        if self.minimum is None and self.maximum is None:
            raise fail("minimum", "error.field.duration_bounds")
        for name in ("minimum", "maximum"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise fail(name, "error.field.duration_negative", value)
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            raise fail("maximum", "error.field.duration_order", self.maximum, lower=self.minimum)

    def __str__(self) -> str:
        about = "ca " if self.approximate else ""
        if self.minimum is not None and self.maximum is not None and self.minimum != self.maximum:
            amount = f"{self.minimum}–{self.maximum}"
        elif self.minimum is not None:
            amount = f"{self.minimum}" if self.maximum is not None else f"minst {self.minimum}"
        else:
            amount = f"högst {self.maximum}"
        return f"{about}{amount} {self.unit.value}"


_SHOWN_TEXT = 60


def short_repr(*shown: str) -> Any:
    """A `__repr__` for a model class that holds other objects or long texts: the fields
    named in `shown` (texts cut at 60 characters, enums by value, dates as ISO text), then
    each non-empty tuple field as its length. The generated repr of such a class runs to
    kilobytes (a section's text, an organisation's bodies and their members); the content
    stays in the attributes (issue 12 item 5).

    >>> @attrs.frozen
    ... class Box:
    ...     name: str
    ...     items: tuple[int, ...] = ()
    ...     note: str = "x" * 500
    ...     __repr__ = short_repr("name")
    >>> Box("a", (1, 2, 3))
    Box(name='a', items=3)
    """

    def text(value: object) -> str:
        if isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        if isinstance(value, str) and len(value) > _SHOWN_TEXT:
            value = value[: _SHOWN_TEXT - 1] + "…"
        return repr(value)

    def __repr__(self: Any) -> str:  # noqa: N807 - it becomes the class's __repr__
        parts = [f"{name}={text(getattr(self, name))}" for name in shown]
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if field.name not in shown and isinstance(value, tuple) and value:
                parts.append(f"{field.name}={len(value)}")
        return f"{type(self).__name__}({', '.join(parts)})"

    return __repr__
