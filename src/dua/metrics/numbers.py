"""Exact numbers: shares of named populations, exact conversion of stated numbers, and the
one place where rounding happens (Swedish and English presentation).

DOMAIN.md §6: shares are numerator/denominator of named populations, computed exactly with
integers and fractions and rounded only when presented; a relative reduction of 30 % from
a share of 40 % is a target of exactly 28 %.

Conventions used throughout `dua.metrics`:

- A **share** (proportion) is a `Fraction` between 0 and 1: `Fraction(73, 1000)` is
  7,3 %. Goal targets and stated figures in the model are *percent numbers*
  (`Decimal("21.0")` with unit `procent`); [`percent_to_share`][dua.metrics.numbers.percent_to_share]
  and [`share_to_percent`][dua.metrics.numbers.share_to_percent] move between the two.
- **Rounding** happens only in the presentation helpers and in
  [`round_half_away`][dua.metrics.numbers.round_half_away]: *half away from zero* (the
  rounding taught in Swedish schools and used by SCB tables: 0,25 → 0,3 and −0,25 → −0,3),
  never the banker's rounding of Python's `round()`.
- **Swedish presentation**: decimal comma, a normal space (U+0020) before the percent sign
  and as the thousands separator (`"7,3 %"`, `"1 744"`), as the seeds print them and as
  DOMAIN.md §6 allows ("thin or normal space"). A normal space was chosen over a no-break
  space so that output is plain ASCII apart from letters and compares equal to text typed
  by hand; a renderer that needs no-break spaces can replace them. **English**: decimal
  point, no space before the sign, comma thousands separator (`"7.3%"`, `"1,744"`).
  The parsers accept any of space, no-break space (U+00A0), thin space (U+2009) and
  narrow no-break space (U+202F), and a minus sign written `-` or `−` (U+2212).

>>> Share(numerator=61, denominator=874).percent_text()
'7,0 %'
>>> relative_target("40 %", -30)
Fraction(7, 25)
>>> format_percent(Fraction(73, 1000)), format_percent("7,3 %", lang="en"), format_count(1744)
('7,3 %', '7.3%', '1 744')
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Self

import attrs

from dua._html import decimal_text
from dua.errors import DuaError, mask_value
from dua.i18n import KeyedTypeError, KeyedValueError, render
from dua.limits import check_number

__all__ = [
    "Number",
    "Share",
    "UndefinedShareError",
    "format_count",
    "format_number",
    "format_percent",
    "half_unit",
    "parse_count",
    "parse_percent",
    "percent_to_share",
    "relative_target",
    "round_half_away",
    "round_share",
    "rounds_to",
    "share_to_percent",
    "stated_decimals",
    "to_fraction",
]

Number = int | Fraction | Decimal | float | str
"""What [`to_fraction`][dua.metrics.numbers.to_fraction] accepts."""

_SPACES = " \u00a0\u2009\u202f"
_SPACE_TABLE = str.maketrans("", "", _SPACES + "_")
_NUMBER = re.compile(r"^([+-]?)(\d+(?:[.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?(%?)$")
_GROUPED_SV = re.compile(r"^\d{1,3}( \d{3})+$")


class UndefinedShareError(DuaError, ZeroDivisionError):
    """A share whose denominator is zero has no value (nobody in the population)."""


def _clean(text: str) -> str:
    return text.strip().replace("\u2212", "-").translate(_SPACE_TABLE)


def to_fraction(value: Number) -> Fraction:
    """Convert a number as stated to an exact `Fraction`.

    - `int`, `Fraction`, `Decimal`: exactly.
    - `float`: at its shortest decimal representation (`repr`), so `0.28` means exactly
      28/100 and not the nearest binary fraction.
    - `str`: a decimal point or a Swedish decimal comma, spaces as thousands separators,
      and an optional trailing percent sign, which divides by 100 (`"21,0 %"` is 21/100,
      `"0.28"` is 28/100, `"7,3%"` is 73/1000).

    `bool` is rejected: `True` is not a number in a statistics table.

    Raises:
        TypeError: not a number type.
        ValueError: a text that is not a number, a non-finite value, or a stated number
            (text or `Decimal`) beyond the limits of
            [`check_number`][dua.limits.check_number].

    >>> to_fraction("21,0 %"), to_fraction("0.28"), to_fraction("7,3%")
    (Fraction(21, 100), Fraction(7, 25), Fraction(73, 1000))
    >>> to_fraction(0.28), to_fraction(Decimal("19.5")), to_fraction("1 744")
    (Fraction(7, 25), Fraction(39, 2), Fraction(1744, 1))
    """
    if isinstance(value, bool):
        raise KeyedTypeError("error.number.boolean", shown=mask_value(value))
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise KeyedValueError("error.number.not_finite", shown=mask_value(value))
        # Bounded first: Fraction(Decimal("1e999999999")) would compute for hours.
        return Fraction(check_number(value))
    if isinstance(value, float):
        text = repr(value)
        if text in ("nan", "inf", "-inf"):
            raise KeyedValueError("error.number.not_finite", shown=mask_value(value))
        return Fraction(Decimal(text))
    if isinstance(value, str):
        match = _NUMBER.match(_clean(value))
        if not match:
            raise KeyedValueError("error.number.not_a_number_percent", shown=mask_value(value))
        sign, digits, exponent, percent = match.groups()
        stated = Decimal(f"{sign}{digits.replace(',', '.')}{exponent or ''}")
        result = Fraction(check_number(stated))
        return result / 100 if percent else result
    raise KeyedTypeError(
        "error.number.wrong_type", kind=type(value).__name__, shown=mask_value(value)
    )


def percent_to_share(percent: Number) -> Fraction:
    """A percent number as a share: `21.0` (per cent) is 21/100.

    A text with a percent sign is already a share (see `to_fraction`), so it is not
    divided again.

    >>> percent_to_share(Decimal("21.0")), percent_to_share("21,0 %")
    (Fraction(21, 100), Fraction(21, 100))
    """
    if isinstance(percent, str) and percent.rstrip().endswith("%"):
        return to_fraction(percent)
    return to_fraction(percent) / 100


def share_to_percent(share: Number) -> Fraction:
    """A share as a percent number: 73/1000 is 7,3 (per cent).

    >>> share_to_percent(Fraction(73, 1000))
    Fraction(73, 10)
    """
    return to_fraction(share) * 100


def relative_target(baseline: Number, change_percent: Number) -> Fraction:
    """The level a relative change of `change_percent` per cent from `baseline` reaches.

    Exact: a reduction of 30 % from 40 % is 28 % (DOMAIN.md §6, GGV seed goal 1 "ska
    minska med 30 %"), and an increase of 20 % from 50 is 60 (GGV goals 2 and 3).
    `baseline` keeps its own unit (a share, a percent number or a count).

    >>> relative_target("40 %", -30), relative_target(50, 20)
    (Fraction(7, 25), Fraction(60, 1))
    """
    return to_fraction(baseline) * (1 + to_fraction(change_percent) / 100)


def round_half_away(value: Number, decimals: int = 0) -> Fraction:
    """Round `value` to `decimals` decimal places, half away from zero, exactly.

    This is the only rounding in `dua.metrics`: 0,25 → 0,3; −0,25 → −0,3; 2,5 → 3 (where
    Python's `round` gives 2).

    >>> round_half_away(Fraction(5, 2)), round_half_away(Fraction(-1, 4), 1)
    (Fraction(3, 1), Fraction(-3, 10))
    """
    exact = to_fraction(value)
    scale = Fraction(10) ** decimals
    scaled = abs(exact) * scale
    whole = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    return Fraction(whole if exact >= 0 else -whole) / scale


def round_share(share: Number, decimals: int = 1) -> Fraction:
    """A share rounded as `format_percent(share, decimals)` prints it, as a share.

    >>> round_share(Fraction(61, 874))
    Fraction(7, 100)
    """
    return round_half_away(to_fraction(share) * 100, decimals) / 100


def stated_decimals(value: Decimal) -> int:
    """The number of decimals a stated figure is printed with (its `Decimal` exponent).

    `Decimal("7.3")` has one, `Decimal("22")` none, `Decimal("45.00")` two; a figure in
    scientific notation with a positive exponent counts as none.

    >>> stated_decimals(Decimal("7.3")), stated_decimals(Decimal("22"))
    (1, 0)
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite Decimals only; model values are finite
    return max(0, -exponent)


def half_unit(value: Decimal) -> Fraction:
    """Half a unit in the last stated digit: how far a correctly rounded figure can be from
    the exact value (`7.3` → 0,05).

    >>> half_unit(Decimal("7.3")), half_unit(Decimal("40"))
    (Fraction(1, 20), Fraction(1, 2))
    """
    return Fraction(1, 2) / Fraction(10) ** stated_decimals(value)


def rounds_to(exact: Number, stated: Decimal) -> bool:
    """Whether a stated figure is a correct rounding of `exact` at its stated precision.

    The exact value must lie within half a unit of the last stated digit, both ends
    included, so that a value exactly half-way is accepted whichever way the document
    rounded it (DOMAIN.md §6: "checking it means checking that the exact share rounds to
    the stated figure"). Hällefors seed: 61 of 874 is 6,979… %, which is not "7,3 %".

    >>> rounds_to(Fraction(6100, 874), Decimal("7.3")), rounds_to(Fraction(1900, 832), Decimal("2.3"))
    (False, True)
    """
    return abs(to_fraction(exact) - Fraction(stated)) <= half_unit(stated)


def format_number(value: Number, decimals: int = 0, lang: str = "sv") -> str:
    """Format a number with `decimals` decimals (rounded half away from zero) and thousands
    separators: `"1 744,5"` in Swedish, `"1,744.5"` in English.

    >>> format_number(Fraction(39, 2), 1), format_number(-1234567, lang="en")
    ('19,5', '-1,234,567')
    """
    if decimals < 0:
        raise ValueError(f"decimals must not be negative, got {decimals}")
    rounded = round_half_away(value, decimals)
    scaled = rounded * Fraction(10) ** decimals
    assert scaled.denominator == 1  # rounding leaves a whole number of last-digit units
    # Printed in dua's one number style, shared with the notebook tables (dua._html).
    return decimal_text(Decimal(scaled.numerator).scaleb(-decimals), lang)


def format_percent(share: Share | Number, decimals: int = 1, lang: str = "sv") -> str:
    """Present a share (a proportion between 0 and 1, or a `Share`) as a percentage.

    Swedish: `"7,3 %"` (decimal comma, a normal space before the sign); English: `"7.3%"`.
    Rounded half away from zero to `decimals` decimals. A `str` argument is read by
    `to_fraction`, so `"0.073"` and `"7,3 %"` are the same share.

    Raises:
        UndefinedShareError: a `Share` with denominator zero.

    >>> format_percent(Share(numerator=61, denominator=874)), format_percent(Fraction(1, 8), 2, "en")
    ('7,0 %', '12.50%')
    """
    value = share.value if isinstance(share, Share) else to_fraction(share)
    text = format_number(value * 100, decimals, lang)
    return f"{text} %" if lang == "sv" else f"{text}%"


def format_count(count: int, lang: str = "sv") -> str:
    """Present a count with thousands separators: `"1 744"` (Swedish), `"1,744"` (English).

    >>> format_count(1744), format_count(1681, lang="en"), format_count(874)
    ('1 744', '1,681', '874')
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"a count is a whole number, got {mask_value(count)}")
    return format_number(count, 0, lang)


def parse_percent(text: str, lang: str = "sv") -> Fraction:
    """Read a percentage as printed by `format_percent` (or typed by hand) back to a share.

    Swedish text uses a decimal comma; English a decimal point and optional comma thousands
    separators. The percent sign is required. `parse_percent(format_percent(x, d))` equals
    `round_share(x, d)`: the share back at the printed precision.

    Raises:
        ValueError: the text is not a percentage.

    >>> parse_percent("7,3 %"), parse_percent("12.50%", lang="en")
    (Fraction(73, 1000), Fraction(1, 8))
    """
    cleaned = _clean(text)
    if not cleaned.endswith("%"):
        raise KeyedValueError("error.number.not_percentage", shown=mask_value(text))
    if lang == "en":
        cleaned = cleaned.replace(",", "")
    elif "." in cleaned:
        raise KeyedValueError("error.number.not_swedish_percentage", shown=mask_value(text))
    return to_fraction(cleaned)


def parse_count(text: str, lang: str = "sv") -> int:
    """Read a count as printed by `format_count` back to an `int`.

    >>> parse_count("1 744"), parse_count("1,681", lang="en")
    (1744, 1681)
    """
    cleaned = text.strip().replace("\u2212", "-")
    if lang == "en":
        cleaned = cleaned.replace(",", "")
    cleaned = cleaned.translate(_SPACE_TABLE)
    if not re.fullmatch(r"-?\d+", cleaned):
        raise KeyedValueError("error.number.not_whole", shown=mask_value(text))
    return int(cleaned)


def _count(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise KeyedValueError("error.number.count", name=attribute.name, shown=mask_value(value))


@attrs.frozen(kw_only=True)
class Share:
    """A share: how many of a named population (`denominator`) belong to a named subset
    (`numerator`), with its exact value.

    `population` names the denominator ("deltagare som lämnat spåret"), `subset` the
    numerator ("i arbete, studier eller eget företag inom 90 dagar"). A share with
    denominator zero exists (an empty population) but has no value: `defined` is `False`
    and `value` raises [`UndefinedShareError`][dua.metrics.numbers.UndefinedShareError].

    >>> share = Share(numerator=61, denominator=874, subset="försörjningsstöd 2015", population="16–24 år")
    >>> share.value, share.percent, share.percent_text(2)
    (Fraction(61, 874), Fraction(3050, 437), '6,98 %')
    """

    numerator: int = attrs.field(validator=_count)
    denominator: int = attrs.field(validator=_count)
    subset: str | None = None
    population: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.numerator > self.denominator:
            raise KeyedValueError(
                "error.number.share_exceeds",
                numerator=self.numerator,
                denominator=self.denominator,
            )

    @property
    def defined(self) -> bool:
        """Whether the share has a value (the population is not empty)."""
        return self.denominator != 0

    @property
    def value(self) -> Fraction:
        """The exact share, between 0 and 1."""
        if self.denominator == 0:
            raise UndefinedShareError(
                "error.number.undefined_share",
                subset=self.subset or render("error.number.the_subset"),
                population=self.population or render("error.number.the_population"),
            )
        return Fraction(self.numerator, self.denominator)

    @property
    def percent(self) -> Fraction:
        """The exact share as a percent number (7,3 % is `Fraction(73, 10)`)."""
        return self.value * 100

    def percent_text(self, decimals: int = 1, lang: str = "sv") -> str:
        """The share presented with `format_percent`."""
        return format_percent(self.value, decimals, lang)

    def __add__(self, other: Share) -> Share:
        """The share of two disjoint populations together: numerators and denominators add.

        >>> Share(numerator=1, denominator=2) + Share(numerator=1, denominator=4)
        Share(numerator=2, denominator=6, subset=None, population=None)
        """
        if not isinstance(other, Share):
            return NotImplemented
        return Share(
            numerator=self.numerator + other.numerator,
            denominator=self.denominator + other.denominator,
            subset=self.subset if self.subset == other.subset else None,
            population=self.population if self.population == other.population else None,
        )

    @classmethod
    def total(cls, shares: list[Share] | tuple[Share, ...]) -> Self:
        """The share of several disjoint populations together (numerators and denominators
        summed first, never an average of shares)."""
        return cls(
            numerator=sum(s.numerator for s in shares),
            denominator=sum(s.denominator for s in shares),
        )

    def __str__(self) -> str:
        shown = self.percent_text() if self.defined else "undefined"
        return f"{self.numerator} of {self.denominator} ({shown})"
