"""Follow-up observations summed on the engine equal the object sums, on every backend
(issue 9, part 3: "follow-up observations and events: computed from frames on the
engine").

`dua.frames.observation_totals` against `dua.metrics.observations.observation_totals`:
per indicator and described day (and per unit), the count, the numerator and
denominator sums and the exact value sum. Observations are dated by a date or by a
period written as the files write it (`2016`, `2016-09`, `2016-01-01/2016-06-30`, an
open `2016-01-01/`), leap Februaries among them.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua import frames
from dua.errors import FrameError
from dua.metrics.observations import Observation, observation_totals
from dua.model import Period
from tests.frames.backends import rows
from tests.frames.results_backends import BACKENDS, native, table
from tests.frames.test_counts_frames import examples

INDICATORS = ("andel i arbete", "ungdomsarbetslöshet")
UNITS = (None, "1863", "1885")


@st.composite
def observation(draw: st.DrawFn) -> tuple[Observation, str | None]:
    """An observation and the period text a file would hold for it."""
    how = draw(st.sampled_from(("date", "year", "month", "range", "open")))
    year = draw(st.integers(min_value=2015, max_value=2017))
    month = draw(st.integers(min_value=1, max_value=12))
    on, period, text = None, None, None
    if how == "date":
        on = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2017, 12, 31)))
    elif how == "year":
        period, text = Period.year(year), str(year)
    elif how == "month":
        last = calendar.monthrange(year, month)[1]
        period = Period(start=date(year, month, 1), end=date(year, month, last))
        text = f"{year}-{month:02d}"
    else:
        start = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2017, 12, 31)))
        end = (
            None if how == "open" else draw(st.dates(min_value=start, max_value=date(2018, 6, 30)))
        )
        period = Period(start=start, end=end)
        text = f"{start.isoformat()}/{'' if end is None else end.isoformat()}"
    shared = draw(st.booleans())
    denominator = draw(st.integers(min_value=0, max_value=50))
    item = Observation(
        indicator=draw(st.sampled_from(INDICATORS)),
        unit=draw(st.sampled_from(UNITS)),
        on=on,
        period=period,
        value=draw(st.none() | st.decimals(min_value=-100, max_value=100, places=1))
        if shared
        else draw(st.decimals(min_value=-100, max_value=100, places=1)),
        numerator=draw(st.integers(min_value=0, max_value=denominator)) if shared else None,
        denominator=denominator if shared else None,
    )
    return item, text


def observations_table(items: list[tuple[Observation, str | None]]) -> pa.Table:
    return table(
        {
            "indikator": (pa.string(), [o.indicator for o, _ in items]),  # Swedish headers
            "enhet": (pa.string(), [o.unit for o, _ in items]),
            "datum": (pa.date32(), [o.on for o, _ in items]),
            "period": (pa.string(), [text for _, text in items]),
            "värde": (
                pa.decimal128(6, 1),
                [
                    None if o.value is None else Decimal(o.value.numerator) / o.value.denominator
                    for o, _ in items
                ],
            ),
            "täljare": (pa.int64(), [o.numerator for o, _ in items]),
            "nämnare": (pa.int64(), [o.denominator for o, _ in items]),
        }
    )


def _day(value: Any) -> date:
    return value.date() if isinstance(value, datetime) else value


def _exact(value: Any) -> Fraction | None:
    return None if value is None else Fraction(Decimal(str(value)))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("by_unit", [False, True])
def test_observation_totals_equal_the_object_sums(backend: str, by_unit: bool) -> None:
    @examples(backend)
    @given(
        items=st.lists(observation(), max_size=12),
        on=st.dates(min_value=date(2015, 6, 1), max_value=date(2018, 12, 31)),
    )
    def check(items: list[tuple[Observation, str | None]], on: date) -> None:
        out = frames.observation_totals(
            native(observations_table(items), backend), on=on, by_unit=by_unit
        )
        got = {
            (r["indicator"], r.get("unit"), _day(r["dated"])): (
                r["observations"],
                r["numerator"],
                r["denominator"],
                _exact(r["value"]),
                r["share"],
            )
            for r in rows(out, key="indicator")
        }
        expected = {
            (t.indicator, t.unit, t.dated): (
                t.observations,
                t.numerator,
                t.denominator,
                t.value,
                None if t.share is None or not t.share.defined else float(t.share.value),
            )
            for t in observation_totals([o for o, _ in items], on, by_unit=by_unit)
        }
        assert got == expected

    check()


def test_the_worked_example_reads_a_year_as_its_last_day() -> None:
    frame = native(
        observations_table(
            [
                (Observation(indicator="a", unit="1863", period=Period.year(2016), numerator=3,
                             denominator=10), "2016"),
                (Observation(indicator="a", unit="1885", period=Period.year(2016), numerator=4,
                             denominator=10), "2016"),
            ]
        ),
        "polars",
    )  # fmt: skip
    out = frames.observation_totals(frame, on=date(2016, 12, 31))
    assert out.select("dated", "numerator", "denominator").rows() == [(date(2016, 12, 31), 7, 20)]
    assert frames.observation_totals(frame, on=date(2016, 12, 30)).height == 0


@pytest.mark.parametrize(
    ("columns", "column"),
    [
        ({"enhet": (pa.string(), ["1863"]), "period": (pa.string(), ["2016"])}, "indicator"),
        ({"indicator": (pa.string(), ["a"]), "period": (pa.int64(), [2016])}, "period"),
        ({"indicator": (pa.string(), ["a"]), "period": (pa.string(), ["2016"]),
          "value": (pa.string(), ["21,0"])}, "value"),
        ({"indicator": (pa.string(), ["a", "b"]), "period": (pa.string(), ["2016", "hösten"]),
          "value": (pa.int64(), [1, 2])}, "period"),
        ({"indicator": (pa.string(), ["a"]), "date": (pa.date32(), [None]),
          "value": (pa.int64(), [1])}, "date"),
    ],
)  # fmt: skip
def test_a_bad_observations_frame_names_the_column(
    columns: dict[str, tuple[pa.DataType, list[Any]]], column: str
) -> None:
    """Issue 9 "Done when": a missing column, a wrong type or a bad value gives a one-line
    `FrameError` naming the column."""
    frame = native(table(columns), "polars")
    with pytest.raises(FrameError, match=column) as caught:
        frames.observation_totals(frame, on=date(2016, 12, 31))
    assert "\n" not in str(caught.value)
