"""Limits on input: how large, how deep and how precise anything read by `dua` may be,
and the one form dates are written in.

Every reader in `dua` (agreement files, follow-up CSV/Excel/JSON, person registers, the
`dua` command's arguments) refuses input beyond these limits with a
[`dua.errors`][dua.errors] exception whose message names the limit (e.g.
`MAX_NUMBER_DIGITS`) and where the input broke it (file, line and column, or a path such as
`goals[0].targets[1].value`). The limits are far beyond anything an agreement or an export
holds; they exist so that a broken or hostile file fails fast and clearly instead of
hanging the program or ending it with a traceback.

| limit | value | what it bounds |
|---|---|---|
| [`MAX_FILE_BYTES`][dua.limits.MAX_FILE_BYTES] | 256 KiB | an agreement file, a follow-up JSON file, a key file |
| [`MAX_TABLE_BYTES`][dua.limits.MAX_TABLE_BYTES] | 64 MiB | a CSV or `.xlsx` file (and an `.xlsx` unpacked) |
| [`MAX_DEPTH`][dua.limits.MAX_DEPTH] | 32 | nesting of tables and lists, dotted-key parts included |
| [`MAX_NUMBER_DIGITS`][dua.limits.MAX_NUMBER_DIGITS] | 30 | digits of one number |
| [`MAX_NUMBER_EXPONENT`][dua.limits.MAX_NUMBER_EXPONENT] | 30 | the power of ten of a number: 10⁻³⁰ to 10³⁰ |
| [`MAX_SPAN_YEARS`][dua.limits.MAX_SPAN_YEARS] | 100 | the years `dua schedule` and `dua report` list |

Dates are written exactly `YYYY-MM-DD` everywhere (files, cells, arguments):
[`parse_iso_date`][dua.limits.parse_iso_date] refuses the other forms ISO 8601 and
`date.fromisoformat` know (`20150203`, `2015-W05-2`, `2015-034`).

>>> check_number(Decimal("21.0"))
Decimal('21.0')
>>> check_number(Decimal("1e999999999"))
Traceback (most recent call last):
...
dua.limits.BeyondLimit: talet 1E+999999999 är för stort eller för litet: tiopotensen måste ligga mellan -30 och 30 (dua.limits.MAX_NUMBER_EXPONENT)
>>> parse_iso_date("2015-02-03")
datetime.date(2015, 2, 3)
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from dua.i18n import KeyedValueError

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NUMBER_DIGITS",
    "MAX_NUMBER_EXPONENT",
    "MAX_SPAN_YEARS",
    "MAX_TABLE_BYTES",
    "BeyondLimit",
    "check_number",
    "check_whole_number",
    "parse_iso_date",
]

MAX_FILE_BYTES = 256 << 10
"""The largest agreement file, follow-up JSON file or key file read: 256 KiB (262 144
bytes). The five bundled agreements are 10–40 KB; within this limit a file is parsed and
checked in well under a second (larger tables belong in CSV or Excel files)."""

MAX_TABLE_BYTES = 64 << 20
"""The largest CSV or Excel file read, and the most an `.xlsx` workbook may unpack to:
64 MiB, room for several hundred thousand register rows."""

MAX_DEPTH = 32
"""The deepest nesting of tables and lists in an agreement or JSON file, counting each part
of a dotted TOML key (`a.b.c = 1` is three levels). Agreements nest about six deep."""

MAX_NUMBER_DIGITS = 30
"""The most digits a number may be written with (leading zeros not counted)."""

MAX_NUMBER_EXPONENT = 30
"""The range of a number's power of ten: a number other than zero lies between 10⁻³⁰ and
10³⁰ in size, and no digit is written below 10⁻³⁰. (`1e999999999` would otherwise take
hours to turn into an exact fraction.)"""


MAX_SPAN_YEARS = 100
"""The longest span of dates the `dua` command lists, in years: `dua schedule --from …
--to …`, and `dua report --on …` counted from the last date the agreement states (a report
lists a cadence goal month by month). An agreement valid *tills vidare* with a monthly meeting
has 96 000 months until 9999-12-31; listing them would take seconds and print a table
nobody reads."""


class BeyondLimit(KeyedValueError):
    """A value beyond one of these limits; the message names the limit (keys
    `error.limit.*`, in the current language, see [`dua.i18n`][dua.i18n]).

    A `ValueError`, like every other unreadable value, so that each reader reports it as
    a problem at its place (a path in a file, a line and column in a table) inside its
    [`ValidationError`][dua.errors.ValidationError].
    """


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_number(value: Decimal) -> Decimal:
    """`value` itself if it is finite and within
    [`MAX_NUMBER_DIGITS`][dua.limits.MAX_NUMBER_DIGITS] and
    [`MAX_NUMBER_EXPONENT`][dua.limits.MAX_NUMBER_EXPONENT].

    Raises:
        BeyondLimit: naming the limit that `value` breaks (the caller adds where).
        ValueError: `value` is not finite.

    >>> check_number(Decimal("1" * 31))
    Traceback (most recent call last):
    ...
    dua.limits.BeyondLimit: ett tal med 31 siffror; högst 30 läses (dua.limits.MAX_NUMBER_DIGITS)
    """
    if not value.is_finite():
        raise KeyedValueError("error.number.not_finite", shown=str(value))
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    significant = len(digits) - next((i for i, d in enumerate(digits) if d), len(digits))
    if significant > MAX_NUMBER_DIGITS:
        raise BeyondLimit("error.limit.digits", digits=significant, limit=MAX_NUMBER_DIGITS)
    top = exponent + len(digits) - 1
    if exponent < -MAX_NUMBER_EXPONENT or (significant and top > MAX_NUMBER_EXPONENT):
        raise BeyondLimit("error.limit.exponent", shown=str(value), limit=MAX_NUMBER_EXPONENT)
    return value


def check_whole_number(value: int) -> int:
    """`value` itself if it has at most [`MAX_NUMBER_DIGITS`][dua.limits.MAX_NUMBER_DIGITS]
    digits.

    Raises:
        BeyondLimit: naming the limit (the caller adds where).

    >>> check_whole_number(1744)
    1744
    """
    if abs(value) >= 10**MAX_NUMBER_DIGITS:
        raise BeyondLimit("error.limit.whole_digits", limit=MAX_NUMBER_DIGITS)
    return value


def parse_iso_date(text: str) -> date:
    """The date written exactly `YYYY-MM-DD` in `text` (surrounding spaces allowed).

    `date.fromisoformat` also reads `20150203`, `2015-W05-2` and `2015-034`; dua's files
    and documentation promise `YYYY-MM-DD`, so only that form is read.

    Raises:
        ValueError: any other form, or a day that does not exist (`2015-02-30`).

    >>> parse_iso_date("20150203")
    Traceback (most recent call last):
    ...
    dua.i18n.KeyedValueError: inget datum skrivet ÅÅÅÅ-MM-DD
    """
    stripped = text.strip()
    if _ISO_DATE.fullmatch(stripped):
        try:
            return date.fromisoformat(stripped)
        except ValueError:
            raise KeyedValueError("error.date.no_such_day") from None
    raise KeyedValueError("error.date.not_iso")
