"""`dua.metrics.observations.observation_totals`: follow-up observations summed per
indicator and described day (issue 9 item 3, "follow-up observations ... computed"; the
object twin of `dua.frames.observation_totals`, whose equality test lives in
`tests/frames/`). These tests pin the object function itself, so that a change to it is
caught without the frame engines (issue 8 item 4: mutation testing runs these)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.numbers import Share
from dua.metrics.observations import Observation, ObservationTotal, observation_totals
from dua.model import Period

ON = date(2016, 12, 31)


def _share(indicator: str, unit: str | None, day: date, n: int, d: int) -> Observation:
    return Observation(indicator=indicator, unit=unit, on=day, numerator=n, denominator=d)


def _value(indicator: str, unit: str | None, day: date, value: Fraction) -> Observation:
    return Observation(indicator=indicator, unit=unit, on=day, value=value)


def test_shares_of_two_units_are_summed_into_one_total() -> None:
    rows = [_share("andel", "1863", ON, 3, 10), _share("andel", "1885", ON, 4, 10)]
    assert observation_totals(rows, ON) == (
        ObservationTotal(
            indicator="andel",
            unit=None,
            dated=ON,
            observations=2,
            numerator=7,
            denominator=20,
            value=None,
        ),
    )
    (total,) = observation_totals(rows, ON)
    assert total.share == Share(numerator=7, denominator=20)


def test_by_unit_keeps_each_unit_apart_and_sorted() -> None:
    rows = [_share("andel", "1885", ON, 4, 10), _share("andel", "1863", ON, 3, 10)]
    totals = observation_totals(rows, ON, by_unit=True)
    assert [(t.unit, t.observations, t.numerator, t.denominator) for t in totals] == [
        ("1863", 1, 3, 10),
        ("1885", 1, 4, 10),
    ]


def test_observations_after_the_day_are_not_yet_known() -> None:
    later = date(2017, 1, 1)
    rows = [_share("andel", None, ON, 3, 10), _share("andel", None, later, 5, 10)]
    (total,) = observation_totals(rows, ON)
    assert (total.dated, total.numerator) == (ON, 3)
    # On the later day both are known, each on its own described day.
    assert [t.dated for t in observation_totals(rows, later)] == [ON, later]


def test_an_observation_on_the_day_itself_is_known() -> None:
    (total,) = observation_totals([_share("andel", None, ON, 1, 2)], ON)
    assert total.observations == 1


def test_a_period_is_dated_by_its_end_or_an_open_period_by_its_start() -> None:
    closed = Observation(
        indicator="andel",
        period=Period(start=date(2016, 1, 1), end=date(2016, 6, 30)),
        value=Fraction(5),
    )
    open_ended = Observation(
        indicator="andel", period=Period(start=date(2016, 3, 1)), value=Fraction(7)
    )
    totals = observation_totals([closed, open_ended], ON)
    assert [(t.dated, t.value) for t in totals] == [
        (date(2016, 3, 1), Fraction(7)),
        (date(2016, 6, 30), Fraction(5)),
    ]


def test_values_are_summed_exactly_and_shares_need_every_row_to_have_both_parts() -> None:
    rows = [
        Observation(indicator="antal", on=ON, value=Fraction(1, 3)),
        Observation(indicator="antal", on=ON, value=Fraction(1, 6), numerator=1, denominator=6),
    ]
    (total,) = observation_totals(rows, ON)
    assert total.value == Fraction(1, 2)
    # One row has no numerator and denominator: the summed share is unknown, not 1/6.
    assert (total.numerator, total.denominator, total.share) == (None, None, None)


def test_a_sum_of_values_needs_every_row_to_have_a_value() -> None:
    rows = [
        _share("andel", None, ON, 1, 4),
        Observation(indicator="andel", on=ON, value=Fraction(3), numerator=2, denominator=4),
    ]
    (total,) = observation_totals(rows, ON)
    assert (total.numerator, total.denominator, total.value) == (3, 8, None)


def test_a_zero_value_is_a_value() -> None:
    rows = [_value("antal", None, ON, Fraction(0)), _value("antal", None, ON, Fraction(2))]
    (total,) = observation_totals(rows, ON)
    assert total.value == Fraction(2)


def test_zero_numerators_and_denominators_are_kept_as_zero_not_unknown() -> None:
    rows = [_share("andel", None, ON, 0, 0), _share("andel", None, ON, 0, 5)]
    (total,) = observation_totals(rows, ON)
    assert (total.numerator, total.denominator) == (0, 5)


def test_indicators_are_kept_apart_and_sorted_by_indicator_unit_and_day() -> None:
    early = date(2016, 6, 30)
    rows = [
        _value("b", "2", ON, Fraction(1)),
        _value("a", None, ON, Fraction(1)),
        _value("b", "1", ON, Fraction(1)),
        _value("a", None, early, Fraction(1)),
        _value("b", None, early, Fraction(1)),
    ]
    keys = [(t.indicator, t.unit, t.dated) for t in observation_totals(rows, ON, by_unit=True)]
    assert keys == [
        ("a", None, early),
        ("a", None, ON),
        ("b", None, early),
        ("b", "1", ON),
        ("b", "2", ON),
    ]


def test_nothing_known_gives_no_totals() -> None:
    assert observation_totals([_share("andel", None, ON, 1, 2)], date(2016, 12, 30)) == ()
    assert observation_totals([], ON) == ()


_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2017, 12, 31))
_observations = st.lists(
    st.builds(
        _share,
        st.sampled_from(["a", "b"]),
        st.sampled_from([None, "1863", "1885"]),
        _days,
        st.integers(0, 50),
        st.integers(50, 100),
    ),
    max_size=30,
)


@given(rows=_observations, on=_days)
def test_the_totals_add_up_to_the_known_observations(rows: list[Observation], on: date) -> None:
    """Every known observation is counted once, in its own indicator and day, and the
    per-unit totals add up to the totals over every unit."""
    known = [o for o in rows if o.dated <= on]
    overall = observation_totals(rows, on)
    per_unit = observation_totals(rows, on, by_unit=True)
    for totals in (overall, per_unit):
        assert sum(t.observations for t in totals) == len(known)
        assert sum(t.numerator or 0 for t in totals) == sum(o.numerator or 0 for o in known)
        assert all(t.dated <= on for t in totals)
    assert Counter((t.indicator, t.dated) for t in overall) == Counter(
        {(o.indicator, o.dated): 1 for o in known}
    )
    assert all(t.unit is None for t in overall)
    for total in overall:
        parts = [t for t in per_unit if (t.indicator, t.dated) == (total.indicator, total.dated)]
        assert sum(t.denominator or 0 for t in parts) == total.denominator
        assert sum(t.observations for t in parts) == total.observations
