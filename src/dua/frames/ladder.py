"""Entry into UGA and JOB on data frames, computed from the registrations.

The same rules as [`uga_entry`][dua.rules.programmes.uga_entry] and
[`job_entry`][dua.rules.programmes.job_entry], in every law version: the versions
(`uga_entry`, `job_entry`) and the legal numbers (`uga.min_age`, `uga.max_age`,
`uga.qualifying_months` to 2010-12-31, `uga.qualifying_days` and `uga.frame_months` from
2011-01-01, `uga.ends_before_age`, `job.months_in_uga`) are read from
`dua/data/parameters/programmes.toml`, as the object rules read them.

**How it runs on the engine.** Dates become whole day numbers (as
[`day_number`][dua.frames.expressions.day_number]) and the calendar arithmetic the
ordinances need (four and three months back, fifteen months on, birthdays with the
29-February rule) is done on year, month and day numbers, so every backend computes the
same days. The registrations that count are clipped at `on` and merged into *spells* with
one join of the registrations with themselves (a start no other registration covers the
day before begins a spell; an end no registration covers the day after ends one). For UGA
each spell's possible entry days are the first day the person could enter (the day after
the spell's start, the 16th birthday, the first day of the law) and the days after it up
to the longest qualifying time (93 days): by then a spell qualifies under either version,
so the first qualifying day is among them. The days are made by a cross join with a small
frame of whole numbers, and each day's months back are read from a calendar (years ×
months × days of the month, from the first day of the law to `on`) joined by day number;
both small frames are made in the user's engine from the registrations frame itself. Each
candidate day is judged by the version in force on that day, and the earliest that
qualifies, before the 25th birthday, is the entry. JOB follows 15 months after a UGA start
(a recorded UGA spell's start or, without one, the computed entry) if the person stayed
registered without a gap and was under 25 until the day before. No Python loop runs over
rows; a lazy frame stays lazy. The rules run on every engine: pandas, polars (eager and
lazy), pyarrow, DuckDB, Dask and the PySpark API. The candidate days make the UGA query
about a hundred rows per spell: fine for registers of a municipality, heavier for a
country. On the PySpark API through sqlframe, building the query takes seconds whatever
the number of rows (sqlframe copies the whole query at each of its steps).

Inputs: a persons frame (`key`, `birth_date`) and the long registrations frame (`key`,
`start`, `end`, `category`, `programme`).

Examples:
    >>> from datetime import date
    >>> import polars as pl
    >>> persons = pl.DataFrame({"key": ["p1", "p2"],
    ...                         "birth_date": [date(1996, 5, 1), date(1980, 1, 1)]})
    >>> registrations = pl.DataFrame({"key": ["p1", "p2"], "start": [date(2015, 1, 1)] * 2,
    ...                               "end": [None, None], "category": ["11", "11"]})
    >>> out = uga_entry(persons, on=date(2015, 6, 1), registrations=registrations)
    >>> out.select("key", "uga_entry", "uga_entry_reason", "uga_entry_value").rows()
    [('p1', True, None, datetime.date(2015, 4, 1)), ('p2', False, 'open_unemployment', None)]
    >>> out = job_entry(persons, on=date(2016, 7, 1), registrations=registrations)
    >>> out.select("key", "job_entry", "job_entry_reason", "job_entry_value").rows()
    [('p1', True, None, datetime.date(2016, 7, 1)), ('p2', False, 'uga_start', None)]
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from dua.errors import RuleNotInForce
from dua.frames._backend import AnyFrame, nw
from dua.frames._columns import PERSONS, REGISTRATIONS, read
from dua.frames._rules import Outcome, Persons
from dua.frames.expressions import day_number_of
from dua.rules._core import LawVersion, parameter, version_in_force, versions
from dua.rules.programmes import (
    JOB_PROGRAMMES,
    OPEN_UNEMPLOYMENT_CODES,
    UGA_CODES,
    UGA_PROGRAMMES,
)

__all__ = ["job_entry", "uga_entry"]

_K, _S, _E = "__dua_key", "__dua_s", "__dua_e"
_O = "__dua_o"
_DAY = "__dua_day"
# Dates are handed back as `birth_date - _SPAN + n days`, n built from its binary digits:
# any day within about 89 years before or after the birth date.
_BITS = 16
_SPAN = 1 << (_BITS - 1)


def _whole(name: str, on: date) -> int:
    value = parameter(name, on).value
    if not isinstance(value, int) or isinstance(value, bool):  # pragma: no cover - data bug
        raise TypeError(f"parameter {name} must be a whole number, not {value!r}")
    return value


def _has(name: str, on: date) -> bool:
    try:
        parameter(name, on)
    except RuleNotInForce:
        return False
    return True


# -- calendar arithmetic on day numbers ------------------------------------------------------


def _mod(value: Any, divisor: int) -> Any:
    return value - (value // divisor) * divisor


def _leap(year: Any) -> Any:
    return (_mod(year, 4) == 0) & ((_mod(year, 100) != 0) | (_mod(year, 400) == 0))


def _month_days(year: Any, month: Any) -> Any:
    return (
        nw.when((month == 2) & _leap(year))
        .then(nw.lit(29))
        .when(month == 2)
        .then(nw.lit(28))
        .when(month.is_in([4, 6, 9, 11]))
        .then(nw.lit(30))
        .otherwise(nw.lit(31))
    )


def _march_parts(year: Any, month: Any) -> tuple[Any, Any]:
    """The year and month (0 for March … 11 for February) of a calendar whose years
    begin in March, for `_march_day_number`."""
    return (
        year - (month <= 2).cast(nw.Int64),
        nw.when(month > 2).then(month - 3).otherwise(month + 9),
    )


def _march_day_number(year: Any, month: Any, day: Any) -> Any:
    """The day number (days since 1970-01-01, as
    [`day_number`][dua.frames.expressions.day_number]) of the `day` of the `month` of the
    `year` of `_march_parts`: H. Hinnant's days_from_civil ("chrono-Compatible Low-Level
    Date Algorithms") with its eras unfolded: 365 days a year, the leap days (every
    fourth year, not every hundredth, every four hundredth) and the days of the months
    from March.

    `year` and `month` should be columns: on the PySpark API a whole division repeats its
    dividend four times in the query (to guard against a zero divisor), so dividing an
    expression that itself holds divisions makes the query grow at every step."""
    return (
        year * 365 + year // 4 - year // 100 + year // 400 + (month * 153 + 2) // 5 + day - 719469
    )


def _with_days(frame: AnyFrame, days: Mapping[str, tuple[Any, Any, Any]]) -> AnyFrame:
    """Add, for each name → (year, month, day) in `days`, the day number of that date, in
    two steps (see `_march_day_number`)."""
    c = nw.col
    parts = []
    for name, (year, month, day) in days.items():
        march_year, march_month = _march_parts(year, month)
        parts += [
            march_year.alias(f"{name}_ty"),
            march_month.alias(f"{name}_tm"),
            day.alias(f"{name}_td"),
        ]
    frame = frame.with_columns(*parts).with_columns(
        *(
            _march_day_number(c(f"{name}_ty"), c(f"{name}_tm"), c(f"{name}_td")).alias(name)
            for name in days
        )
    )
    return frame.drop(*(f"{name}_{part}" for name in days for part in ("ty", "tm", "td")))


def _as_date(persons: Persons, day: Any) -> Any:
    """The day number `day` (an expression over the persons frame) as a date: the birth
    date moved by the binary digits of the distance (a date plus a whole number of days
    held in a column is not an operation every backend has, a date plus a literal
    duration is). One sum, in which each digit adds a duration or none, so that the
    expression grows with the number of digits, not with two to their power; the digits
    are differences of whole quotients, each a column."""
    born = persons.col("birth_date")
    march_year, march_month = _march_parts(born.dt.year().cast(nw.Int64), born.dt.month())
    parts = persons.define(y=march_year, m=march_month.cast(nw.Int64))
    number = _march_day_number(parts["y"], parts["m"], born.dt.day().cast(nw.Int64))
    offset = persons.define(offset=day - number + _SPAN)["offset"]
    quotients = persons.define(**{f"q{bit}": offset // (1 << bit) for bit in range(_BITS + 1)})
    nothing = nw.lit(timedelta(0))
    result = born - nw.lit(timedelta(days=_SPAN))
    for bit in range(_BITS):
        on_bit = quotients[f"q{bit}"] - quotients[f"q{bit + 1}"] * 2 == 1
        result = result + nw.when(on_bit).then(nw.lit(timedelta(days=1 << bit))).otherwise(nothing)
    return result


def _join(left: AnyFrame, right: AnyFrame, **options: Any) -> AnyFrame:
    """`left.join(right, ...)`. Both frames are of one kind (made from the user's frames,
    adopted to the persons frame's kind), which the union `AnyFrame` cannot express."""
    return left.join(right, **options)  # type: ignore[arg-type]  # one kind, see above


def _without(left: AnyFrame, right: AnyFrame, on: list[str]) -> AnyFrame:
    """The rows of `left` whose `on` values `right` does not have (an anti join, written
    as a left join, which every backend has for several key columns)."""
    flagged = right.with_columns(nw.lit(1).alias("__dua_hit"))
    joined = _join(left, flagged, on=on, how="left")
    return joined.filter(nw.col("__dua_hit").is_null()).drop("__dua_hit")


def _grouped(frame: AnyFrame, keys: list[str], *aggregations: Any) -> AnyFrame:
    """`frame.group_by(*keys).agg(*aggregations)`; on Dask followed by a filter that keeps
    every group (no key of these rules is null). The filter works around Dask's query
    planner (dask-expr): before a merge it asks each input how it is partitioned, and for
    the result of a group-by on a frame of unknown divisions the answer fails with a
    `KeyError` on the group keys (`ColumnsSetter`, for the renaming narwhals does after
    `agg`, looks the keys up among the columns while they are still the index); a filter
    answers that question itself, so the planner never asks the grouping."""
    grouped = frame.group_by(*keys).agg(*aggregations)
    if grouped.implementation.name == "DASK":
        grouped = grouped.filter(~nw.col(keys[0]).is_null())
    return grouped


def _concat(frames: list[AnyFrame]) -> AnyFrame:
    """The rows of `frames`, all of one kind (see `_join`)."""
    return nw.concat(frames)  # type: ignore[type-var]  # one kind, see `_join`


# -- small frames of whole numbers, made in the user's engine --------------------------------


def _numbers(base: AnyFrame, count: int) -> AnyFrame:
    """The whole numbers 0 … `count` - 1 (column `__dua_o`), a frame of `base`'s kind
    (empty when `base` is), made from `base` itself: no frame of another library and no
    connection or session of the user's engine is needed.

    One row of `base` with one literal column per number, unpivoted into rows. narwhals
    unpivots a DuckDB relation through DuckDB's default connection, which cannot read a
    relation of another connection; there the numbers are the digits 0 … w - 1 (w =
    ⌈√count⌉, w one-row selections under one another) joined with themselves."""
    c = nw.col
    if base.implementation.name != "DUCKDB":
        names = [f"__dua_n{number}" for number in range(count)]
        one = base.select(
            *(nw.lit(number, dtype=nw.Int64).alias(name) for number, name in enumerate(names))
        ).head(1)
        return one.unpivot(on=names, index=[], value_name=_O).select(_O)
    width = math.isqrt(count - 1) + 1
    one = base.select(nw.lit(0, dtype=nw.Int64).alias(_O)).head(1)
    digits = _concat(
        [one.with_columns(nw.lit(digit, dtype=nw.Int64).alias(_O)) for digit in range(width)]
    )
    tens = digits.select(c(_O).alias("__dua_o10"))
    return (
        _join(tens, digits, how="cross")
        .select((c("__dua_o10") * width + c(_O)).alias(_O))
        .filter(c(_O) < count)
    )


def _calendar(numbers: AnyFrame, first: int, last: int, shifts: Mapping[str, int]) -> AnyFrame:
    """The days of the years `first` … `last`: one row per day with its day number
    (`__dua_day`) and, for each name → months in `shifts`, the day number of the date
    moved by that many calendar months, a day past the end of the month falling on its
    last day (as `dateutil.relativedelta` and the 29-February rule of lag (1930:173) do).

    The days are made as years × months × days of the month (kept where the month has
    that day), so each day's year, month and day are columns from the start and every
    number is one small expression of them. `numbers` must reach `last - first`, 12
    and 31."""
    c = nw.col
    years = numbers.filter(c(_O) <= last - first).select((c(_O) + first).alias("__dua_y"))
    months = numbers.filter((c(_O) >= 1) & (c(_O) <= 12)).select(c(_O).alias("__dua_m"))
    days = numbers.filter((c(_O) >= 1) & (c(_O) <= 31)).select(c(_O).alias("__dua_d"))
    calendar = _join(_join(years, months, how="cross"), days, how="cross").filter(
        c("__dua_d") <= _month_days(c("__dua_y"), c("__dua_m"))
    )
    calendar = calendar.with_columns(
        *(
            _mod(c("__dua_m") - 1 + months, 12).alias(f"{name}_m0")
            for name, months in shifts.items()
        )
    ).with_columns(
        *(
            part
            for name, months in shifts.items()
            for part in (
                (c("__dua_y") + (c("__dua_m") - 1 + months - c(f"{name}_m0")) // 12).alias(
                    f"{name}_y"
                ),
                (c(f"{name}_m0") + 1).alias(f"{name}_m"),
            )
        )
    )
    moved = {}
    for name in shifts:
        year, month = c(f"{name}_y"), c(f"{name}_m")
        length = _month_days(year, month)
        moved[name] = (
            year,
            month,
            nw.when(c("__dua_d") > length).then(length).otherwise(c("__dua_d")),
        )
    calendar = _with_days(calendar, {_DAY: (c("__dua_y"), c("__dua_m"), c("__dua_d")), **moved})
    return calendar.select(_DAY, *shifts)


# -- spells ------------------------------------------------------------------------------------


def _counting(
    registrations: AnyFrame,
    exprs: Mapping[str, Any],
    on: date,
    codes: Collection[str],
    programmes: Collection[str],
) -> AnyFrame:
    """The registrations that count (category in `codes` or programme in `programmes`,
    started by `on`) as day numbers `__dua_s`–`__dua_e`, clipped at `on`."""
    today = day_number_of(on)
    category = exprs.get("category", nw.lit(None, dtype=nw.String))
    programme = exprs.get("programme", nw.lit(None, dtype=nw.String))
    # An empty list is left out rather than asked about: pyarrow cannot type it.
    by_code = category.is_in(sorted(codes)).fill_null(False) if codes else nw.lit(False)
    by_programme = (
        programme.is_in(sorted(programmes)).fill_null(False) if programmes else nw.lit(False)
    )
    wanted = (by_code | by_programme) & (exprs["start"] <= on).fill_null(False)
    # Day numbers are made from the year, month and day (see `_with_days`). An open end
    # runs to `on`: the end is read as the start there (so that no year is null: Dask
    # cannot cast a null to a whole number) and replaced by `on` after.
    start, end = exprs["start"], exprs.get("end")
    is_open = nw.lit(True) if end is None else end.is_null()
    end = start if end is None else nw.when(is_open).then(start).otherwise(end)
    c = nw.col
    rows = registrations.filter(wanted).select(
        exprs["key"].alias(_K),
        *(
            part.cast(nw.Int64).alias(f"__dua_{name}{unit}")
            for name, day in (("s", start), ("e", end))
            for unit, part in (("y", day.dt.year()), ("m", day.dt.month()), ("d", day.dt.day()))
        ),
        is_open.alias("__dua_open"),
    )
    rows = _with_days(
        rows,
        {
            _S: (c("__dua_sy"), c("__dua_sm"), c("__dua_sd")),
            _E: (c("__dua_ey"), c("__dua_em"), c("__dua_ed")),
        },
    )
    return (
        rows.with_columns(
            nw.when(c("__dua_open") | (c(_E) > today))
            .then(nw.lit(today, dtype=nw.Int64))
            .otherwise(c(_E))
            .alias(_E)
        )
        .filter(c(_E) >= c(_S))
        .select(_K, _S, _E)
    )


def _spells(rows: AnyFrame) -> AnyFrame:
    """The spells of counting registrations (`__dua_key`, `__dua_s`, `__dua_e`): overlapping
    or adjacent registrations merged, as
    [`registration_spells`][dua.rules.programmes.registration_spells] merges them.

    A registration's start begins a spell when no registration of the person covers the
    day before it, its end ends one when none covers the day after; each spell runs from
    such a start to the first such end on or after it. Both questions are answered by
    one join of the registrations with themselves and one grouping."""
    c = nw.col
    other = rows.select(c(_K), c(_S).alias("__dua_s2"), c(_E).alias("__dua_e2"))

    def covered(day: Any) -> Any:
        return ((c("__dua_s2") <= day) & (c("__dua_e2") >= day)).cast(nw.Int64)

    flags = _grouped(
        _join(rows, other, on=_K, how="inner").with_columns(
            covered(c(_S) - 1).alias("__dua_before"), covered(c(_E) + 1).alias("__dua_after")
        ),
        [_K, _S, _E],
        c("__dua_before").sum(),
        c("__dua_after").sum(),
    )
    starts = flags.filter(c("__dua_before") == 0).select(_K, _S)
    ends = flags.filter(c("__dua_after") == 0).select(_K, _E)
    return _grouped(
        _join(starts, ends, on=_K, how="inner").filter(c(_E) >= c(_S)), [_K, _S], c(_E).min()
    )


def _birthdays(persons: Persons, **ages: int) -> AnyFrame:
    """One row per key with the day number of each birthday in `ages` (name → years): the
    same month and day that many years on, 28 February for a 29 February birth in a
    common year (lag (1930:173) om beräkning av lagstadgad tid)."""
    c = nw.col
    born = persons.col("birth_date")
    frame = persons.frame.select(
        c(_K),
        born.dt.year().cast(nw.Int64).alias("__dua_b_y"),
        born.dt.month().cast(nw.Int64).alias("__dua_b_m"),
        born.dt.day().cast(nw.Int64).alias("__dua_b_d"),
    ).filter(~c("__dua_b_y").is_null())
    month, day = c("__dua_b_m"), c("__dua_b_d")
    frame = _with_days(
        frame,
        {
            name: (
                c("__dua_b_y") + years,
                month,
                nw.when((month == 2) & (day == 29) & ~_leap(c("__dua_b_y") + years))
                .then(nw.lit(28))
                .otherwise(day),
            )
            for name, years in ages.items()
        },
    )
    # Not made unique: a key repeated in the persons frame repeats candidate days, which
    # changes no earliest day.
    return frame.select(_K, *ages)


# -- UGA ----------------------------------------------------------------------------------------


def _uga_versions() -> tuple[LawVersion, ...]:
    return versions("uga_entry")


def _longest_wait() -> int:
    """The most days after a spell's start that any version can ask for: by then a spell
    qualifies under every version (`qualifying_days` in total, or `qualifying_months`
    consecutive months, at most 31 days each)."""
    longest = 0
    for version in _uga_versions():
        start = version.in_force_from
        if _has("uga.frame_months", start):
            longest = max(longest, _whole("uga.qualifying_days", start))
        else:
            longest = max(longest, 31 * _whole("uga.qualifying_months", start))
    return longest


def _uga_shifts() -> dict[str, int]:
    """The calendar columns the UGA versions read, name → months (negative: back): the
    first day of each frame (`__dua_lo<m>`, from 2011-01-01) and the day the qualifying
    months began (`__dua_back<m>`, to 2010-12-31)."""
    shifts: dict[str, int] = {}
    for version in _uga_versions():
        start = version.in_force_from
        if _has("uga.frame_months", start):
            months = _whole("uga.frame_months", start)
            shifts[f"__dua_lo{months}"] = -months
        else:
            months = _whole("uga.qualifying_months", start)
            shifts[f"__dua_back{months}"] = -months
    return shifts


def _in_force(day: Any, version: LawVersion) -> Any:
    inside = day >= day_number_of(version.in_force_from)
    if version.in_force_to is not None:
        inside = inside & (day <= day_number_of(version.in_force_to))
    return inside


def _version_of(day: Any, rule: str, otherwise: str) -> Any:
    """The id of the version of `rule` in force on the day number `day`; `otherwise` where
    `day` is null."""
    result: Any = None
    for version in versions(rule):
        condition = _in_force(day, version).fill_null(False)
        label = nw.lit(version.id, dtype=nw.String)
        result = (
            nw.when(condition).then(label) if result is None else result.when(condition).then(label)
        )
    return result.otherwise(nw.lit(otherwise, dtype=nw.String))


def _uga_entries(rows: AnyFrame, ages: AnyFrame, numbers: AnyFrame, calendar: AnyFrame) -> AnyFrame:
    """One row per key that has entered UGA by `on`, with the entry day number
    (`__dua_entry`). `numbers` reaches the longest wait; `calendar` covers the days from
    the first day of the law to `on` with the columns of `_uga_shifts`."""
    c = nw.col
    known = _uga_versions()
    first_day = day_number_of(min(v.in_force_from for v in known))
    spells = _spells(rows)
    wait = _longest_wait()
    candidates = _join(spells, ages, on=_K, how="inner")
    # The first day a spell's person could enter: the spell's start (earlier spells may
    # already give the days needed), the 16th birthday, the first day of the law.
    first = c(_S)
    candidates = candidates.with_columns(
        nw.when(first >= c("__dua_b16")).then(first).otherwise(c("__dua_b16")).alias("__dua_a")
    ).with_columns(
        nw.when(c("__dua_a") >= first_day).then(c("__dua_a")).otherwise(nw.lit(first_day))
        .alias("__dua_a")
    )  # fmt: skip
    offsets = numbers.filter(c(_O) < wait)
    days = (
        _join(candidates, offsets, how="cross")
        .with_columns((c("__dua_a") + c(_O)).alias(_DAY))
        .filter((c(_DAY) <= c(_E)) & (c(_DAY) < c("__dua_b25")))
        .select(_K, _S, _DAY)
    )
    days = _join(days, calendar, on=_DAY, how="inner")
    frames = [name for name in _uga_shifts() if name.startswith("__dua_lo")]
    backs = [name for name in _uga_shifts() if name.startswith("__dua_back")]
    # Days of open unemployment within each frame (from its first day to the day before
    # the candidate day), summed over the person's spells.
    if frames:
        other = spells.select(c(_K), c(_S).alias("__dua_s2"), c(_E).alias("__dua_e2"))
        joined = _join(days, other, on=_K, how="inner")
        last = c(_DAY) - 1
        hi = nw.when(c("__dua_e2") <= last).then(c("__dua_e2")).otherwise(last)
        overlaps = []
        for name in frames:
            lo = nw.when(c("__dua_s2") >= c(name)).then(c("__dua_s2")).otherwise(c(name))
            overlaps.append(
                nw.when(hi >= lo).then(hi - lo + 1).otherwise(nw.lit(0)).alias(f"{name}_n")
            )
        days = _grouped(
            joined.with_columns(*overlaps),
            [_K, _S, _DAY, *frames, *backs],
            *(c(f"{name}_n").sum() for name in frames),
        )
    conditions: list[Any] = []
    for version in known:
        start = version.in_force_from
        if _has("uga.frame_months", start):
            name = f"__dua_lo{_whole('uga.frame_months', start)}"
            qualifies = c(f"{name}_n") >= _whole("uga.qualifying_days", start)
        else:
            qualifies = c(f"__dua_back{_whole('uga.qualifying_months', start)}") >= c(_S)
        conditions.append(_in_force(c(_DAY), version) & qualifies)
    entered = conditions[0]
    for condition in conditions[1:]:
        entered = entered | condition
    earliest = _grouped(days.filter(entered.fill_null(False)), [_K], c(_DAY).min())
    return earliest.select(_K, c(_DAY).alias("__dua_entry"))


def _prepare(
    persons: Any,
    registrations: Any,
    columns: Mapping[str, str] | None,
    check: bool,
) -> tuple[Persons, AnyFrame | None, Mapping[str, Any]]:
    prepared = Persons(persons, PERSONS, columns=columns, wanted=("key", "birth_date"), check=check)
    if registrations is None:
        return prepared, None, {}
    native, exprs = read(registrations, REGISTRATIONS, columns=columns, check=check)
    return prepared, prepared.adopt(native), exprs


def _calendar_for(
    rows: AnyFrame, first: date, on: date, shifts: Mapping[str, int]
) -> tuple[AnyFrame, AnyFrame]:
    """The calendar (see `_calendar`) of the years from `first` to `on`, made from the
    registrations frame `rows`, and the whole numbers it was made from, which reach the
    longest wait of UGA too."""
    numbers = _numbers(rows, max(_longest_wait(), 31, on.year - first.year + 1))
    return numbers, _calendar(numbers, first.year, on.year, shifts)


def _first_uga_day() -> date:
    return min(v.in_force_from for v in _uga_versions())


def _first_job_start(months: int) -> date:
    """The first day of a year before any UGA start that can lead to JOB: `months` before
    the first day of the JOB rules, and a year earlier for the month ends."""
    first = min(v.in_force_from for v in versions("job_entry"))
    return date((first - relativedelta(months=months)).year - 1, 1, 1)


def _ages(persons: Persons) -> AnyFrame:
    # The age band of UGA as read on the first day of the law (the parameters have one
    # value from then on; a later change would need a band per version here).
    first = min(v.in_force_from for v in _uga_versions())
    return _birthdays(
        persons,
        __dua_b16=_whole("uga.min_age", first),
        __dua_b25=_whole("uga.max_age", first) + 1,
    )


def uga_entry(
    persons: Any,
    *,
    on: date,
    registrations: Any = None,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The persons frame with the day each person entered UGA by `on`, as
    [`uga_entry`][dua.rules.programmes.uga_entry] computes it from the registrations.

    The entry day is the first day on which the person is openly unemployed (a
    registration whose `category` is in `open_codes`), aged 16–24, and has been openly
    unemployed for 90 days in total within the four months before that day (from
    2011-01-01; from 2007-12-01 to 2010-12-31, the three months before it without a gap),
    each day judged by the version in force on it.

    Adds `uga_entry` (bool: entered by `on`), `uga_entry_reason` (`open_unemployment`
    when not, as the object rule's first failing criterion; null when entered),
    `uga_entry_value` (the entry day, a date; null when not entered) and
    `uga_entry_version` (the version in force on the entry day, or on `on` when not
    entered).

    Args:
        persons: one row per person (`key`, `birth_date`).
        on: the day asked about; registrations are read up to and including it.
        registrations: the long registrations frame (`key`, `start`, `end`, `category`,
            `programme`), or `None` (nobody has entered).
        open_codes: the registration categories counted as open unemployment.
        columns: model name → the frame's column name (applies to both frames).
        check: check values first (see [`kaa_coverage`][dua.frames.kaa.kaa_coverage]).

    Raises:
        FrameError: a column is missing or of the wrong type, or the two frames are not
            both eager or both lazy. Every engine is supported (pandas, polars, pyarrow,
            DuckDB, Dask, the PySpark API).
        RuleNotInForce: `on` is before 2007-12-01, when UGA began.
    """
    current = version_in_force("uga_entry", on)
    prepared, rows, exprs = _prepare(persons, registrations, columns, check)
    if rows is not None:
        counting = _counting(rows, exprs, on, open_codes, ())
        numbers, calendar = _calendar_for(rows, _first_uga_day(), on, _uga_shifts())
        entries = _uga_entries(counting, _ages(prepared), numbers, calendar)
        prepared.join_on(entries, _K, ["__dua_entry"])
        entry = nw.col("__dua_entry")
    else:
        entry = nw.lit(None, dtype=nw.Int64)
    entered = ~entry.is_null()
    return prepared.result(
        Outcome(
            rule="uga_entry",
            criteria=(("open_unemployment", ~entered),),
            version=_version_of(entry, "uga_entry", current.id),
            holds=entered,
            value=_as_date(prepared, entry),
        )
    )


# -- JOB ----------------------------------------------------------------------------------------


def job_entry(
    persons: Any,
    *,
    on: date,
    registrations: Any = None,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
    uga_codes: Collection[str] = UGA_CODES,
    job_codes: Collection[str] = (),
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The persons frame with the day each person entered JOB after 15 months in UGA, by
    `on`, as [`job_entry`][dua.rules.programmes.job_entry] computes it.

    UGA starts on the start of a recorded UGA spell (a category in `uga_codes` or the
    programme `"uga"`) or, when the person has none, on the day
    [`uga_entry`][dua.frames.ladder.uga_entry] computes. JOB follows 15 months later if
    the person stayed registered without a gap (openly unemployed, in UGA or in JOB) from
    the UGA start to the day before, and was under 25 on that day (UGA ends on the day
    before the 25th birthday); the earliest such day counts.

    Adds `job_entry` (bool), `job_entry_reason` (`uga_start` when the person has no UGA
    start by `on`, `months_in_uga` when no start led to JOB; null when entered),
    `job_entry_value` (the JOB entry day; null when not entered) and `job_entry_version`.

    Args:
        persons: one row per person (`key`, `birth_date`).
        on: the day asked about.
        registrations: the long registrations frame, or `None` (nobody has entered).
        open_codes: the categories counted as open unemployment.
        uga_codes: the categories that record participation in UGA.
        job_codes: the categories that record participation in JOB.
        columns: model name → the frame's column name (applies to both frames).
        check: check values first.

    Raises:
        FrameError: a column is missing or of the wrong type, or the two frames are not
            both eager or both lazy. Every engine is supported (pandas, polars, pyarrow,
            DuckDB, Dask, the PySpark API).
        RuleNotInForce: `on` is before 2008-04-07, the earliest version known.
    """
    current = version_in_force("job_entry", on)
    months = _whole("job.months_in_uga", current.in_force_from)
    c = nw.col
    prepared, rows, exprs = _prepare(persons, registrations, columns, check)
    if rows is not None:
        ages = _ages(prepared)
        first = min(_first_uga_day(), _first_job_start(months))
        numbers, calendar = _calendar_for(rows, first, on, {**_uga_shifts(), "__dua_fwd": months})
        recorded = _spells(_counting(rows, exprs, on, uga_codes, UGA_PROGRAMMES)).select(_K, _S)
        computed = _uga_entries(
            _counting(rows, exprs, on, open_codes, ()), ages, numbers, calendar.drop("__dua_fwd")
        )
        computed = _without(computed, recorded.select(_K).unique(), [_K])
        starts = _concat([recorded, computed.select(_K, c("__dua_entry").cast(nw.Int64).alias(_S))])
        ladder = _spells(
            _counting(
                rows,
                exprs,
                on,
                {*open_codes, *uga_codes, *job_codes},
                {*UGA_PROGRAMMES, *JOB_PROGRAMMES},
            )
        ).select(_K, c(_S).alias("__dua_ls"), c(_E).alias("__dua_le"))
        ends_before = _whole("uga.ends_before_age", current.in_force_from)
        limits = _birthdays(prepared, __dua_limit=ends_before)
        # The JOB day of each UGA start (`months` later; null for a start too early to
        # lead to JOB, which the calendar does not hold), the ladder spells of the person
        # (one of them holds the start: the codes that make a UGA start count on the
        # ladder too), and the person's age limit. Every start keeps a row, so that one
        # grouping says both who has a start and the earliest JOB day.
        later = calendar.select(c(_DAY).alias(_S), c("__dua_fwd").alias("__dua_job_day"))
        judged = _join(
            _join(_join(starts, later, on=_S, how="left"), ladder, on=_K, how="inner"),
            limits,
            on=_K,
            how="left",
        )
        day = c("__dua_job_day")
        in_force: Any = None
        for version in versions("job_entry"):
            inside = _in_force(day, version)
            in_force = inside if in_force is None else in_force | inside
        reached = (
            (c("__dua_ls") <= c(_S))
            & (c("__dua_le") >= c(_S))
            & in_force
            & (day <= day_number_of(on))
            & (c("__dua_le") >= day - 1)
            # UGA ends on the day before the birthday: it must last to the day before.
            & (c("__dua_limit") - 1 >= day - 1)
        )
        entries = _grouped(
            judged.with_columns(
                nw.when(reached.fill_null(False)).then(day).alias("__dua_job"),
                nw.lit(1).alias("__dua_started"),
            ),
            [_K],
            c("__dua_job").min(),
            c("__dua_started").max(),
        )
        prepared.join_on(entries, _K, ["__dua_job", "__dua_started"])
        entry = c("__dua_job")
    else:
        entry = nw.lit(None, dtype=nw.Int64)
    entered = ~entry.is_null()
    started = prepared.fact("__dua_started")
    return prepared.result(
        Outcome(
            rule="job_entry",
            criteria=(("uga_start", ~started), ("months_in_uga", started & ~entered)),
            version=_version_of(entry, "job_entry", current.id),
            holds=entered,
            value=_as_date(prepared, entry),
        )
    )
