"""Dates and ages as Swedish law counts them.

**The rule in plain words.** A period of whole years or months that starts on a day ends on
the day with the same number in the end month; if the end month has no such day, it ends
on the last day of that month. This is lag (1930:173) om beräkning av lagstadgad tid, 1 §,
and it is also what `dateutil.relativedelta` does. This module uses `relativedelta` for
months; whole years (birthdays, ages) take a cheaper path, `date.replace` with the
29-February fallback, which the tests prove gives the same day as `relativedelta` for
every date.

Applied to ages: a person turns *n* on the *n*-th anniversary of their birth date, and a
person born on **29 February turns a year older on 28 February** in years that are not leap
years (the end month February has no 29th, so its last day counts). An age limit such as
skollagen's "har inte fyllt 20 år" therefore holds up to and including the day before the
20th birthday (the *20-årsdagen*), and stops holding on the birthday itself.

Applying the 1930 act to age limits is an interpretation: the act speaks of periods counted
in years "enligt lag", and no statute or source found for this library says otherwise for a
child born on the leap day. Some countries count 1 March instead; if a municipality follows
that practice, adjust the inputs, not this module.

Dates that would fall outside 0001-01-01 to 9999-12-31 (a birthday in the year 10000) raise
[`DateOutOfRange`][dua.errors.DateOutOfRange], a `dua.errors` exception, not a bare
`OverflowError`.

Age bands ([`AgeBand`][dua.model.AgeBand]) are inclusive in whole years: "16–24 år" holds from
the 16th birthday up to and including the day before the 25th.

>>> from datetime import date
>>> age(date(2004, 2, 29), date(2023, 2, 27)), age(date(2004, 2, 29), date(2023, 2, 28))
(18, 19)
>>> birthday(date(2004, 2, 29), 19)
datetime.date(2023, 2, 28)
>>> last_day_before_birthday(date(2000, 5, 17), 20)
datetime.date(2020, 5, 16)
>>> add_months(date(2015, 1, 31), 1)
datetime.date(2015, 2, 28)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from dua.errors import DateOutOfRange
from dua.i18n import render
from dua.model import AgeBand, Period

if TYPE_CHECKING:
    # Imported where months are counted: ages and birthdays do not need it, and a command
    # that only reads ages does not pay for loading it (issue 10, item 4).
    from dateutil.relativedelta import relativedelta

__all__ = [
    "add_days",
    "add_months",
    "add_years",
    "age",
    "age_band_period",
    "birthday",
    "in_age_band",
    "last_day_before_birthday",
    "latest_birth_date_for_age",
    "whole_months_between",
]


def _shifted(day: date, shift: relativedelta | timedelta) -> date:
    """`day + shift`, or `DateOutOfRange` when that leaves 0001-01-01 to 9999-12-31."""
    try:
        result: date = day + shift
    except (OverflowError, ValueError):
        raise DateOutOfRange(
            "error.date.out_of_range", day=day.isoformat(), shift=_describe(shift)
        ) from None
    return result


def _describe(shift: relativedelta | timedelta) -> str:
    if isinstance(shift, timedelta):
        return render("error.date.days", n=shift.days)
    # Only `add_months` shifts by a relativedelta; relativedelta(months=120) keeps its
    # months as years=10, so both are counted back into the months the caller gave.
    return render("error.date.months", n=shift.years * 12 + shift.months)


def _years_later(day: date, years: int) -> date:
    """`day` moved by whole `years` (negative to go back): the same day number, or
    28 February for 29 February in a common year, as `day + relativedelta(years=years)`
    gives, at a fraction of its cost (this is on the hot path of every age)."""
    year = day.year + years
    if not 1 <= year <= 9999:
        raise DateOutOfRange(
            "error.date.out_of_range",
            day=day.isoformat(),
            shift=render("error.date.years", n=years),
        )
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def birthday(birth_date: date, years: int) -> date:
    """The day a person born on `birth_date` turns `years` years old.

    The anniversary with the same day number; for a person born on 29 February it is
    28 February in common years (lag (1930:173) om beräkning av lagstadgad tid, 1 §).

    >>> birthday(date(2000, 2, 29), 20), birthday(date(2000, 2, 29), 21)
    (datetime.date(2020, 2, 29), datetime.date(2021, 2, 28))
    """
    if years < 0:
        raise ValueError(f"an age cannot be negative, got {years}")
    return _years_later(birth_date, years)


def last_day_before_birthday(birth_date: date, years: int) -> date:
    """The last day on which the person has *not* turned `years`: the day before that birthday.

    This is the last day covered by a limit worded "har inte fyllt *years* år", such as the
    KAA limit in skollagen (SFS 2010:800) 29 kap. 9 §.

    >>> last_day_before_birthday(date(2004, 2, 29), 19)
    datetime.date(2023, 2, 27)
    """
    return _shifted(birthday(birth_date, years), timedelta(days=-1))


def age(birth_date: date, on: date) -> int:
    """The age in whole years on `on` of a person born on `birth_date`.

    A person turns a year older on their birthday (28 February in common years for a
    person born on 29 February; lag (1930:173), 1 §).

    Raises:
        ValueError: `on` is before `birth_date`.

    >>> age(date(2000, 5, 17), date(2020, 5, 16)), age(date(2000, 5, 17), date(2020, 5, 17))
    (19, 20)
    """
    if on < birth_date:
        raise ValueError(f"the date {on} is before the birth date; an age needs on >= birth")
    years = on.year - birth_date.year
    if _years_later(birth_date, years) > on:
        years -= 1
    return years


def latest_birth_date_for_age(years: int, on: date) -> date:
    """The latest birth date of someone who has turned `years` by `on`.

    Everyone born on or before the returned day is at least `years` old on `on`; everyone
    born after it is younger. Registers use this to test an age limit with one date
    comparison.

    >>> latest_birth_date_for_age(20, date(2020, 5, 17))
    datetime.date(2000, 5, 17)
    >>> latest_birth_date_for_age(19, date(2023, 2, 28))  # a leap-day child turns 19 today
    datetime.date(2004, 2, 29)
    """
    candidate = _years_later(on, -years)
    # Clamping in subtraction can land one day early (for 29 February); step forward while
    # the next day's birthday still falls on or before `on`. A birthday past 9999-12-31
    # is after any `on`, so it ends the search rather than the program.
    while candidate < date.max:
        following = candidate + timedelta(days=1)
        try:
            if birthday(following, years) > on:
                break
        except DateOutOfRange:
            break
        candidate = following
    return candidate


def in_age_band(birth_date: date, band: AgeBand, on: date) -> bool:
    """Whether a person born on `birth_date` is within the inclusive `band` on `on`.

    >>> in_age_band(date(2000, 5, 17), AgeBand(min_age=16, max_age=19), date(2020, 5, 16))
    True
    >>> in_age_band(date(2000, 5, 17), AgeBand(min_age=16, max_age=19), date(2020, 5, 17))
    False
    """
    return on >= birth_date and band.contains(age(birth_date, on))


def age_band_period(birth_date: date, band: AgeBand) -> Period:
    """The days on which a person born on `birth_date` is within `band`.

    From the `min_age` birthday up to and including the day before the `max_age + 1`
    birthday; open-ended when the band has no upper age.

    >>> str(age_band_period(date(2000, 5, 17), AgeBand(min_age=16, max_age=19)))
    '2016-05-17–2020-05-16'
    """
    start = birthday(birth_date, band.min_age)
    end = None if band.max_age is None else last_day_before_birthday(birth_date, band.max_age + 1)
    return Period(start=start, end=end)


def add_days(day: date, days: int) -> date:
    """`day` plus `days` calendar days (negative to go back).

    >>> add_days(date(2015, 12, 31), 90)
    datetime.date(2016, 3, 30)
    """
    return _shifted(day, timedelta(days=days))


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months, ending on the month's last day when the day
    number does not exist (lag (1930:173), 1 §).

    >>> add_months(date(2016, 8, 31), 6), add_months(date(2016, 3, 31), -1)
    (datetime.date(2017, 2, 28), datetime.date(2016, 2, 29))
    """
    from dateutil.relativedelta import relativedelta

    return _shifted(day, relativedelta(months=months))


def add_years(day: date, years: int) -> date:
    """`day` plus `years` years (29 February becomes 28 February in common years).

    >>> add_years(date(2016, 2, 29), 1)
    datetime.date(2017, 2, 28)
    """
    return _years_later(day, years)


def whole_months_between(start: date, end: date) -> int:
    """The number of whole calendar months from `start` to `end` (negative if `end` is
    earlier), counted as lag (1930:173) counts them.

    >>> whole_months_between(date(2016, 1, 31), date(2016, 2, 29))
    1
    >>> whole_months_between(date(2016, 1, 15), date(2016, 7, 14))
    5
    """
    from dateutil.relativedelta import relativedelta

    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months
