"""Ages, birthdays, age bands and month arithmetic.

Rule: lag (1930:173) om beräkning av lagstadgad tid, 1 § — a period counted in months or
years ends on the day with the same number; if the end month has none, on its last day. So a
person born on 29 February turns a year older on 28 February in common years. Age bands are
inclusive in whole years ("16–24 år" up to the day before the 25th birthday; DOMAIN.md §4).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from dua.errors import DateOutOfRange
from dua.model import AgeBand
from dua.rules.dates import (
    add_days,
    add_months,
    add_years,
    age,
    age_band_period,
    birthday,
    in_age_band,
    last_day_before_birthday,
    latest_birth_date_for_age,
    whole_months_between,
)

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

LEAP = date(2004, 2, 29)


@pytest.mark.parametrize(
    ("born", "on", "expected"),
    [
        (date(2000, 5, 17), date(2000, 5, 17), 0),
        (date(2000, 5, 17), date(2019, 5, 16), 18),  # the eve of the 19th birthday
        (date(2000, 5, 17), date(2019, 5, 17), 19),  # the 19th birthday
        (date(2000, 5, 17), date(2020, 5, 16), 19),  # the day before the 20th birthday
        (date(2000, 5, 17), date(2020, 5, 17), 20),  # the 20th birthday
        # 29 February (1930:173 1 §): a year older on 28 February in common years
        (LEAP, date(2023, 2, 27), 18),
        (LEAP, date(2023, 2, 28), 19),
        (LEAP, date(2023, 3, 1), 19),
        (LEAP, date(2024, 2, 28), 19),  # leap year: the birthday is the 29th
        (LEAP, date(2024, 2, 29), 20),
        (date(2003, 3, 1), date(2023, 2, 28), 19),
        (date(2003, 3, 1), date(2023, 3, 1), 20),
        (date(2000, 12, 31), date(2001, 12, 30), 0),
        (date(2000, 12, 31), date(2001, 12, 31), 1),
    ],
)
def test_age(born: date, on: date, expected: int) -> None:
    assert age(born, on) == expected


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError, match="before the birth date"):
        age(date(2000, 1, 2), date(2000, 1, 1))


@pytest.mark.parametrize(
    ("born", "years", "turns", "last_day_before"),
    [
        (date(2000, 5, 17), 20, date(2020, 5, 17), date(2020, 5, 16)),
        (LEAP, 19, date(2023, 2, 28), date(2023, 2, 27)),
        (LEAP, 20, date(2024, 2, 29), date(2024, 2, 28)),
        (date(2000, 3, 1), 20, date(2020, 3, 1), date(2020, 2, 29)),
        (date(2001, 1, 1), 20, date(2021, 1, 1), date(2020, 12, 31)),
    ],
)
def test_birthday_and_the_day_before(
    born: date, years: int, turns: date, last_day_before: date
) -> None:
    assert birthday(born, years) == turns
    assert last_day_before_birthday(born, years) == last_day_before


def test_negative_birthday_is_an_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        birthday(LEAP, -1)


@pytest.mark.parametrize(
    ("years", "on", "latest"),
    [
        (20, date(2020, 5, 17), date(2000, 5, 17)),
        (20, date(2024, 2, 28), date(2004, 2, 28)),  # a leap-day child turns 20 tomorrow
        (20, date(2024, 2, 29), date(2004, 2, 29)),
        (19, date(2023, 2, 28), date(2004, 2, 29)),  # a leap-day child turns 19 today
        (19, date(2023, 2, 27), date(2004, 2, 27)),
        (20, date(2021, 3, 1), date(2001, 3, 1)),
    ],
)
def test_latest_birth_date_for_age(years: int, on: date, latest: date) -> None:
    assert latest_birth_date_for_age(years, on) == latest


@pytest.mark.parametrize(
    ("band", "on", "inside"),
    [
        # DUA youth 16–24 and its sub-bands (DOMAIN.md §4.3), born 2000-05-17
        (AgeBand(min_age=16, max_age=24), date(2016, 5, 16), False),
        (AgeBand(min_age=16, max_age=24), date(2016, 5, 17), True),
        (AgeBand(min_age=16, max_age=24), date(2025, 5, 16), True),
        (AgeBand(min_age=16, max_age=24), date(2025, 5, 17), False),
        (AgeBand(min_age=16, max_age=19), date(2020, 5, 16), True),
        (AgeBand(min_age=16, max_age=19), date(2020, 5, 17), False),
        (AgeBand(min_age=20, max_age=24), date(2020, 5, 17), True),
        (AgeBand(min_age=20), date(2090, 1, 1), True),
        (AgeBand(min_age=16, max_age=19), date(1999, 1, 1), False),  # before birth
    ],
)
def test_in_age_band(band: AgeBand, on: date, inside: bool) -> None:
    assert in_age_band(date(2000, 5, 17), band, on) is inside


def test_age_band_period() -> None:
    period = age_band_period(date(2000, 5, 17), AgeBand(min_age=16, max_age=19))
    assert (period.start, period.end) == (date(2016, 5, 17), date(2020, 5, 16))
    open_band = age_band_period(LEAP, AgeBand(min_age=25))
    assert (open_band.start, open_band.end) == (date(2029, 2, 28), None)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2015, 1, 31), 1, date(2015, 2, 28)),
        (date(2016, 1, 31), 1, date(2016, 2, 29)),
        (date(2016, 8, 31), 6, date(2017, 2, 28)),  # Slussen: a 6-month action plan
        (date(2016, 8, 31), 3, date(2016, 11, 30)),  # followed up after 3 months
        (date(2016, 3, 31), -1, date(2016, 2, 29)),
        (date(2015, 12, 15), 15, date(2017, 3, 15)),  # JOB after 15 months (seed 000)
    ],
)
def test_add_months(start: date, months: int, end: date) -> None:
    assert add_months(start, months) == end


def test_add_days_and_years() -> None:
    assert add_days(date(2015, 10, 1), 90) == date(2015, 12, 30)  # UGA after 90 days
    assert add_days(date(2015, 10, 1), -1) == date(2015, 9, 30)
    assert add_years(LEAP, 1) == date(2005, 2, 28)
    assert add_years(LEAP, 4) == date(2008, 2, 29)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2016, 1, 31), date(2016, 2, 29), 1),
        (date(2016, 1, 31), date(2016, 2, 28), 0),
        (date(2016, 1, 15), date(2016, 7, 14), 5),
        (date(2016, 1, 15), date(2016, 7, 15), 6),
        (date(2016, 7, 15), date(2016, 1, 15), -6),
        # Spans of a year or more (issue 8: `years * 13` and `years / 12` survived):
        # 15 months is the JOB entry limit of the Norsjö seed, 24 months two years.
        (date(2015, 1, 15), date(2016, 4, 15), 15),
        (date(2015, 1, 15), date(2017, 1, 14), 23),
        (date(2015, 1, 15), date(2017, 1, 15), 24),
        (date(2016, 2, 29), date(2017, 2, 28), 12),  # as add_years(…, 1): 28 February
        (date(2017, 2, 15), date(2015, 1, 15), -25),
    ],
)
def test_whole_months_between(start: date, end: date, months: int) -> None:
    assert whole_months_between(start, end) == months


# ---------------------------------------------------------------------------------------------
# Properties

births = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
ages = st.integers(min_value=0, max_value=120)


@given(births, ages)
def test_one_turns_n_on_the_nth_birthday_and_not_before(born: date, years: int) -> None:
    turns = birthday(born, years)
    assert age(born, turns) == years
    if years > 0:
        assert age(born, turns - timedelta(days=1)) == years - 1
        assert turns - timedelta(days=1) == last_day_before_birthday(born, years)


@given(births, st.integers(min_value=0, max_value=40_000), st.integers(min_value=0, max_value=400))
def test_age_never_decreases(born: date, offset: int, step: int) -> None:
    first = born + timedelta(days=offset)
    assert age(born, first) <= age(born, first + timedelta(days=step))


@given(births, st.integers(min_value=0, max_value=40_000), ages)
def test_latest_birth_date_agrees_with_age(born: date, offset: int, years: int) -> None:
    on = born + timedelta(days=offset)
    latest = latest_birth_date_for_age(years, on)
    assert (born <= latest) == (age(born, on) >= years)


@given(
    births,
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=40_000),
)
def test_band_membership_matches_its_period(born: date, low: int, span: int, offset: int) -> None:
    band = AgeBand(min_age=low, max_age=low + span)
    on = born + timedelta(days=offset)
    assert in_age_band(born, band, on) == age_band_period(born, band).contains(on)


# ---------------------------------------------------------------------------------------------
# Whole years without relativedelta (issue 10, item 3): `birthday`, `age` and `add_years`
# take `date.replace` with the 29-February fallback on the hot path; they must give the day
# `relativedelta` (which implements lag (1930:173), 1 §) gives, for every date.

every_date = st.dates(min_value=date.min, max_value=date.max)
leap_days = (
    st.integers(min_value=1, max_value=9999)
    .filter(lambda year: year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    .map(lambda year: date(year, 2, 29))
)
any_shift = st.integers(min_value=-10_000, max_value=10_000)


def _by_relativedelta(day: date, years: int) -> date | None:
    try:
        result: date = day + relativedelta(years=years)
    except (OverflowError, ValueError):
        return None
    return result


@pytest.mark.parametrize("move", [add_years, birthday])
@given(day=every_date | leap_days, years=any_shift)
def test_whole_years_move_as_relativedelta_moves_them(
    move: Callable[[date, int], date], day: date, years: int
) -> None:
    if move is birthday:
        years = abs(years)  # an age is not negative
    try:
        moved: date | None = move(day, years)
    except DateOutOfRange:  # where relativedelta leaves the calendar too
        moved = None
    assert moved == _by_relativedelta(day, years)


@given(born=every_date | leap_days, on=every_date | leap_days)
def test_age_is_the_whole_years_relativedelta_counts(born: date, on: date) -> None:
    born, on = min(born, on), max(born, on)
    assert age(born, on) == relativedelta(on, born).years


def test_every_leap_day_birthday_in_a_century_against_relativedelta() -> None:
    """Exhaustive for the cases that matter most: a child born on any 29 February from 1904
    to 2096 (leap years 2000 included), on each day of February and March of the next 30
    years: age and birthday as relativedelta gives them."""
    checked = 0
    for year in range(1904, 2100, 4):
        born = date(year, 2, 29)
        for years in range(31):
            assert birthday(born, years) == born + relativedelta(years=years)
            for day in range(59):
                on = date(year + years, 2, 1) + timedelta(days=day)
                if on >= born:
                    assert age(born, on) == relativedelta(on, born).years
                    checked += 1
    assert checked > 80_000


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: add_days(date.max, 1), "9999-12-31 moved by 1 day falls outside the calendar"),
        (lambda: add_months(date(9999, 12, 1), 1), "9999-12-01 moved by 1 month falls outside"),
        (lambda: add_months(date(9990, 1, 1), 150), "9990-01-01 moved by 150 months falls outside"),
        # relativedelta(months=120) is relativedelta(years=10): still said in months
        (lambda: add_months(date(9990, 1, 1), 120), "9990-01-01 moved by 120 months falls outside"),
        (lambda: add_months(date.min, -24), "0001-01-01 moved by -24 months falls outside"),
        (lambda: add_years(date.min, -1), "0001-01-01 moved by -1 years falls outside"),
    ],
)
def test_a_date_outside_the_calendar_is_named_with_the_shift(
    call: Callable[[], date], message: str
) -> None:
    # Issue 8 (mutation testing): the message names the day and the shift in the unit the
    # caller used (days, months, years), so that a user finds the bad value.
    with pytest.raises(DateOutOfRange, match=f"^{re.escape(message)}"):
        call()


@pytest.mark.parametrize(
    ("years", "on", "expected"),
    [
        # the last representable day: born that day, 0 years old that day
        (0, date.max, date.max),
        # born 9999-01-01 would turn 1 only in year 10000, past any `on`
        (1, date(9999, 12, 31), date(9998, 12, 31)),
    ],
)
def test_latest_birth_date_for_age_at_the_end_of_the_calendar(
    years: int, on: date, expected: date
) -> None:
    # DOMAIN.md (ages): an age limit is one date comparison; the last days of the calendar
    # must still give a date instead of failing (issue 8 item 4).
    assert latest_birth_date_for_age(years, on) == expected


def test_years_later_accepts_year_1_and_refuses_year_10000() -> None:
    # The calendar of `datetime` runs from year 1 to 9999; a date past it is a user error.
    assert add_years(date(2, 3, 1), -1) == date(1, 3, 1)
    assert add_years(date(9998, 12, 31), 1) == date(9999, 12, 31)
    with pytest.raises(DateOutOfRange):
        add_years(date(9999, 1, 1), 1)
