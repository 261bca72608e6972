"""Small named narwhals expressions the frame rules are built from: ages on a date (with
the 29-February rule of lag (1930:173)), being active on a date, and a date built from a
year column.

Each takes narwhals expressions for the columns and a Python `date` for the day asked
about, and is exact: an age limit is tested as one comparison of the birth date with the
latest birth date of someone who has reached the age
([`latest_birth_date_for_age`][dua.rules.dates.latest_birth_date_for_age]), so the leap-day
rule is the one [`dua.rules.dates`][dua.rules.dates] applies.

>>> from datetime import date
>>> import polars as pl
>>> import narwhals.stable.v2 as nw
>>> frame = nw.from_native(pl.DataFrame({"born": [date(2004, 2, 29), date(2004, 3, 1)]}))
>>> frame.select(turned(nw.col("born"), 19, date(2023, 2, 28))).to_native()["born"].to_list()
[True, False]
>>> frame.select(in_age_band(nw.col("born"), 16, 19, date(2024, 2, 29))).to_native()["born"].to_list()
[False, True]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dua.frames._backend import nw
from dua.rules.dates import latest_birth_date_for_age

__all__ = [
    "active_on",
    "after_day_of_year",
    "day_number",
    "day_number_of",
    "in_age_band",
    "is_born_by",
    "turned",
]


def turned(birth_date: Any, years: int, on: date) -> Any:
    """True where a person born on `birth_date` has turned `years` by `on` (their birthday
    is on or before `on`; 28 February in common years for a leap-day child)."""
    return birth_date <= latest_birth_date_for_age(years, on)


def is_born_by(birth_date: Any, on: date) -> Any:
    """True where the person is born on or before `on`."""
    return birth_date <= on


def in_age_band(birth_date: Any, min_age: int, max_age: int | None, on: date) -> Any:
    """True where the age on `on` is within `min_age`–`max_age` (inclusive, whole years):
    from the `min_age` birthday up to and including the day before the `max_age + 1`
    birthday, as [`in_age_band`][dua.rules.dates.in_age_band]."""
    inside = is_born_by(birth_date, on) & turned(birth_date, min_age, on)
    if max_age is None:
        return inside
    return inside & ~turned(birth_date, max_age + 1, on)


def active_on(start: Any, end: Any, on: date) -> Any:
    """True where the period `start`–`end` (end inclusive, null while it lasts) covers
    `on`, as `Enrolment.active_on` and `Registration.active_on`."""
    return (start <= on) & (end.is_null() | (end >= on))


def after_day_of_year(day: Any, year: Any, month: int, day_of_month: int) -> Any:
    """True where the date `day` is after the date (`year`, `month`, `day_of_month`), for an
    integer expression `year` (e.g. the 30 June of the year a person turns 16)."""
    # Dates compared as the whole numbers yyyymmdd (months and days have two digits, so
    # the order is the dates' order): no branches, which SQL engines evaluate faster.
    # Built from the year up, so that every product is in the year's integer type: polars
    # gives months and days as 8-bit integers, in which `month * 100` would overflow.
    ordinal = (day.dt.year() * 100 + day.dt.month()) * 100 + day.dt.day()
    return ordinal > year * 10_000 + (month * 100 + day_of_month)


def day_number(day: Any) -> Any:
    """The date `day` as a whole number of days since 1970-01-01 (negative before), by
    integer arithmetic on its year, month and day, so that dates can be subtracted on
    every backend (some have no date difference of their own).

    >>> import polars as pl
    >>> frame = nw.from_native(pl.DataFrame({"d": [date(1970, 1, 1), date(2016, 3, 30)]}))
    >>> frame.select(day_number(nw.col("d"))).to_native()["d"].to_list()
    [0, 16890]
    """
    year, month, day_of_month = day.dt.year(), day.dt.month(), day.dt.day()
    # H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
    shifted = nw.when(month <= 2).then(year - 1).otherwise(year)
    era = shifted // 400
    year_of_era = shifted - era * 400
    month_from_march = nw.when(month > 2).then(month - 3).otherwise(month + 9)
    day_of_year = (153 * month_from_march + 2) // 5 + day_of_month - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def day_number_of(day: date) -> int:
    """[`day_number`][dua.frames.expressions.day_number] of a Python date.

    >>> day_number_of(date(2016, 3, 30))
    16890
    """
    return (day - date(1970, 1, 1)).days
