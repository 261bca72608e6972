"""Follow-up observations summed on the engine.

[`observation_totals`][dua.frames.observations.observation_totals] computes from an
observations frame (the columns of `observations.csv` in
[`dua.io.followup`][dua.io.followup]: `indicator`, `unit`, `date`, `period`, `value`,
`numerator`, `denominator`, English or Swedish names, or mapped with `columns=`) what
[`observation_totals`][dua.metrics.observations.observation_totals] computes from
`FollowUpData.observations`: per indicator and described day (the `date`, or the last
day of the `period`), over every unit or per unit, how many observations there are and
the sums of their numerators, denominators and values, which is what a goal over several
units reads. It runs where the frame lives (pandas, polars, pyarrow, DuckDB, Dask, the
PySpark API) and hands back a frame of the same kind, one row per group in no particular
order; a property test holds it to the object function on every backend.

Exact values stay exact: `numerator` and `denominator` are whole numbers, and the share
is their quotient (`share` is only its float for display); `value` is summed in the
frame's own type, so a decimal column (as [`read_frame`][dua.frames.followup.read_frame]
makes) gives an exact decimal sum.

A period is written as the files write it: `2016` (the year), `2016-09` (the month) or
`2016-01-01/2016-06-30` (an open end: `2016-01-01/`); it describes its last day (the
start of an open-ended one).

>>> from datetime import date
>>> import polars as pl
>>> observations = pl.DataFrame({
...     "indicator": ["andel i arbete"] * 3, "unit": ["1863", "1885", "1863"],
...     "period": ["2016", "2016", "2017"], "numerator": [3, 4, 5], "denominator": [10] * 3})
>>> observation_totals(observations, on=date(2016, 12, 31)).rows(named=True)
[{'indicator': 'andel i arbete', 'dated': datetime.date(2016, 12, 31), 'observations': 2, \
'numerator': 7, 'denominator': 20, 'value': None, 'share': 0.35}]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dua.errors import FrameError
from dua.frames._backend import nw, to_native
from dua.frames._columns import FrameColumn, FrameLayout, _raise_at, read, resolve

__all__ = ["OBSERVATIONS", "observation_totals"]

OBSERVATIONS = FrameLayout(
    "observations",
    (
        FrameColumn(name="indicator", swedish="indikator", kind="text", required=True,
                    description="the indicator a goal names"),
        FrameColumn(name="unit", swedish="enhet", kind="text",
                    description="a kommunkod, track or body; empty: the whole agreement"),
        FrameColumn(name="date", swedish="datum", kind="date"),
        FrameColumn(name="period", swedish="period", kind="text",
                    description="2016, 2016-09 or 2016-01-01/2016-06-30"),
        FrameColumn(name="numerator", swedish="täljare", kind="integer"),
        FrameColumn(name="denominator", swedish="nämnare", kind="integer"),
    ),
)  # fmt: skip
"""One row per observation ([`Observation`][dua.metrics.observations.Observation]), as in
`observations.csv`; the `value` column (`värde`) is read beside it as a number."""

_VALUE_NAMES = ("value", "värde", "varde")
_PERIOD = r"^[0-9]{4}(?:-[0-9]{2})?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}/(?:[0-9]{4}-[0-9]{2}-[0-9]{2})?$"


def _mod(value: Any, divisor: int) -> Any:
    return value - (value // divisor) * divisor


def _month_days(year: Any, month: Any) -> Any:
    leap = (_mod(year, 4) == 0) & ((_mod(year, 100) != 0) | (_mod(year, 400) == 0))
    return (
        nw.when((month == 2) & leap)
        .then(nw.lit("29"))
        .when(month == 2)
        .then(nw.lit("28"))
        .when(month.is_in([4, 6, 9, 11]))
        .then(nw.lit("30"))
        .otherwise(nw.lit("31"))
    )


def _value_column(frame: Any, columns: Mapping[str, str] | None) -> str | None:
    """The frame's value column (a number; decimals from a pandas frame may be Python
    objects), or `None` when it has none."""
    names = list(frame.columns)
    given = (columns or {}).get("value")
    if given is not None:
        if given not in names:
            raise FrameError(
                given, "error.frames.value_mapped_missing", argument="columns=", column="value"
            )
        found: str | None = given
    else:
        lowered = {name.strip().casefold(): name for name in names}
        found = next((lowered[n] for n in _VALUE_NAMES if n in lowered), None)
    if found is None:
        return None
    dtype = frame.collect_schema()[found]
    if not (dtype.is_numeric() or dtype in (nw.Object, nw.Unknown)):
        raise FrameError(found, "error.frames.value_not_a_number", column="value", dtype=str(dtype))
    return found


def observation_totals(
    observations: Any,
    *,
    on: date,
    by_unit: bool = False,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The observations known on `on` (describing a day on or before it) summed per
    `indicator` and described day `dated`, over every unit or, with `by_unit`, per `unit`.

    Columns: `indicator`, (`unit`,) `dated` (date), `observations` (int64: how many),
    `numerator` and `denominator` (int64: the sums, null unless every observation of the
    group has both), `value` (the sum of the values, null unless every one has a value)
    and `share` (`numerator / denominator` as a float for display; null when the
    denominator is unknown or zero). Row for row the
    [`ObservationTotal`][dua.metrics.observations.ObservationTotal] that
    [`observation_totals`][dua.metrics.observations.observation_totals] gives.

    Raises:
        FrameError: a column is missing or of the wrong type, an indicator is empty, a
            period is not written as `2016`, `2016-09` or `2016-01-01/2016-06-30`, or a
            row has neither a date nor a period (with `check`).
    """
    native, exprs = read(observations, OBSERVATIONS, columns=columns, check=check)
    resolved = resolve(OBSERVATIONS, native.columns, columns)
    value_name = _value_column(native, columns)
    c = nw.col
    period = exprs["period"].str.strip_chars() if "period" in exprs else None
    day = exprs.get("date")
    if check:
        if period is not None:
            bad = ~period.str.contains(_PERIOD).fill_null(True)
            _check(native, resolved, "period", bad, "error.frames.not_a_period")
        undated = (day.is_null() if day is not None else nw.lit(True)) & (
            period.is_null() if period is not None else nw.lit(True)
        )
        _check(
            native,
            resolved,
            "date" if day is not None else "period",
            undated,
            "error.frames.date_or_period",
        )
    frame = native.select(
        exprs["indicator"].alias("indicator"),
        (exprs["unit"] if "unit" in exprs else nw.lit(None, dtype=nw.String)).alias("unit"),
        (day if day is not None else nw.lit(None, dtype=nw.String)).alias("__dua_date"),
        (period if period is not None else nw.lit(None, dtype=nw.String)).alias("__dua_p"),
        # Whole numbers are summed in the frame's own integer type (a cast here would
        # fail on Dask's nullable integers); the sums are cast below.
        (exprs["numerator"] if "numerator" in exprs else nw.lit(None, dtype=nw.Int64))
        .alias("numerator"),
        (exprs["denominator"] if "denominator" in exprs else nw.lit(None, dtype=nw.Int64))
        .alias("denominator"),
        (c(value_name) if value_name is not None else nw.lit(None, dtype=nw.Int64)).alias("value"),
    )  # fmt: skip
    if period is not None:
        # The day a period describes, as ISO text: the year's 31 December, the month's
        # last day, or the end (else the start) of a date range.
        p = c("__dua_p")
        length = p.str.len_chars()
        # Year and month as numbers for the month's last day (a placeholder where there
        # is no period: Dask on pyarrow cannot cast a null text to a whole number).
        filled = p.fill_null("2000")
        frame = frame.with_columns(
            filled.str.slice(0, 4).cast(nw.Int64).alias("__dua_y"),
            nw.when(filled.str.len_chars() == 7).then(filled.str.slice(5, 2))
            .otherwise(nw.lit("01")).cast(nw.Int64).alias("__dua_m"),
        )  # fmt: skip
        iso = (
            nw.when(length == 4)
            .then(nw.concat_str(p, nw.lit("-12-31")))
            .when(length == 7)
            .then(nw.concat_str(p, nw.lit("-"), _month_days(c("__dua_y"), c("__dua_m"))))
            .when(length > 11)
            .then(p.str.slice(11, 10))
            .otherwise(p.str.slice(0, 10))
        )
        frame = frame.with_columns(iso.alias("__dua_iso"))
        described = c("__dua_iso").str.to_datetime(format="%Y-%m-%d").cast(nw.Date)
        dated = c("__dua_date").cast(nw.Date) if day is not None else described
        if day is not None:
            dated = nw.when(~c("__dua_date").is_null()).then(c("__dua_date")).otherwise(described)
    else:
        dated = c("__dua_date").cast(nw.Date)
    frame = frame.with_columns(dated.cast(nw.Date).alias("dated"))
    frame = frame.filter((c("dated") <= on).fill_null(False)).with_columns(
        (c("numerator").is_null() | c("denominator").is_null()).cast(nw.Int64).alias("__dua_ns"),
        c("value").is_null().cast(nw.Int64).alias("__dua_nv"),
    )
    keys = ["indicator", "unit", "dated"] if by_unit else ["indicator", "dated"]
    summed = frame.group_by(*keys).agg(
        nw.len().alias("observations"),
        c("numerator").sum(),
        c("denominator").sum(),
        c("value").sum(),
        c("__dua_ns").sum(),
        c("__dua_nv").sum(),
    )
    shared = c("__dua_ns") == 0
    numerator = nw.when(shared).then(c("numerator").cast(nw.Int64))
    denominator = nw.when(shared).then(c("denominator").cast(nw.Int64))
    result = summed.select(
        *keys,
        c("observations").cast(nw.Int64),
        numerator.alias("numerator"),
        denominator.alias("denominator"),
        nw.when(c("__dua_nv") == 0).then(c("value")).alias("value"),
        nw.when(shared & (c("denominator") != 0))
        .then(c("numerator").cast(nw.Float64) / c("denominator").cast(nw.Float64))
        .alias("share"),
    )
    return to_native(result)


def _check(frame: Any, resolved: Mapping[str, str], name: str, bad: Any, problem: str) -> None:
    """Raise a `FrameError` naming the column `name` and the first rows where `bad` holds."""
    flagged = frame.select(bad.cast(nw.Int32).sum().alias("n"))
    found = flagged.collect() if isinstance(flagged, nw.LazyFrame) else flagged
    if found.item(0, 0):
        actual = resolved.get(name, name)
        _raise_at(frame, {"key": resolved["indicator"], **resolved}, actual, bad, problem)
