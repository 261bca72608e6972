"""Entry into UGA and JOB on data frames, computed from the registrations.

The same rules as [`uga_entry`][dua.rules.programmes.uga_entry] and
[`job_entry`][dua.rules.programmes.job_entry], in every law version: the versions
(`uga_entry`, `job_entry`) and the legal numbers (`uga.min_age`, `uga.max_age`,
`uga.qualifying_months` to 2010-12-31, `uga.qualifying_days` and `uga.frame_months` from
2011-01-01, `uga.ends_before_age`, `job.months_in_uga`) are read from
`dua/data/parameters/programmes.toml`, as the object rules read them.

**How it runs on the engine.** Dates become whole day numbers
([`day_number`][dua.frames.expressions.day_number]) and the calendar arithmetic the
ordinances need (four and three months back, fifteen months on, birthdays with the
29-February rule) is done on year, month and day numbers, so every backend computes the
same days. The registrations that count are clipped at `on` and merged into *spells* with
joins (a start no other registration covers the day before begins a spell; an end no
registration covers the day after ends one). For UGA each spell's possible entry days are
the first day the person could enter (the day after the spell's start, the 16th
birthday, the first day of the law) and the days after it up to the longest qualifying
time (93 days): by then a spell qualifies under either version, so the first qualifying
day is among them. Each candidate day is judged by the version in force on that day, and
the earliest that qualifies, before the 25th birthday, is the entry. JOB follows 15
months after a UGA start (a recorded UGA spell's start or, without one, the computed
entry) if the person stayed registered without a gap and was under 25 until the day
before. No Python loop runs over rows; a lazy frame stays lazy. Dask and the PySpark API
are not supported yet: Dask's query planner fails on the last join, and on the PySpark
API the query for the candidate days grows so large that three persons take minutes, so
their frames are refused with a `FrameError`. The candidate days make
the UGA query about a hundred rows per spell: fine for registers of a municipality,
heavier for a country.

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

from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import Any

from dua.errors import FrameError, RuleNotInForce
from dua.frames._backend import AnyFrame, nw
from dua.frames._columns import PERSONS, REGISTRATIONS, read
from dua.frames._rules import Outcome, Persons
from dua.frames.expressions import day_number, day_number_of
from dua.rules._core import LawVersion, parameter, version_in_force, versions
from dua.rules.programmes import (
    JOB_PROGRAMMES,
    OPEN_UNEMPLOYMENT_CODES,
    UGA_CODES,
    UGA_PROGRAMMES,
)

__all__ = ["job_entry", "uga_entry"]

_K, _S, _E = "__dua_key", "__dua_s", "__dua_e"
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


def _month_days(year: Any, month: Any) -> Any:
    leap = (_mod(year, 4) == 0) & ((_mod(year, 100) != 0) | (_mod(year, 400) == 0))
    return (
        nw.when((month == 2) & leap)
        .then(nw.lit(29))
        .when(month == 2)
        .then(nw.lit(28))
        .when(month.is_in([4, 6, 9, 11]))
        .then(nw.lit(30))
        .otherwise(nw.lit(31))
    )


def _days_from_civil(year: Any, month: Any, day: Any) -> Any:
    # H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil (as
    # dua.frames.expressions.day_number, on whole numbers).
    shifted = year - (month <= 2).cast(nw.Int64)
    era = shifted // 400
    year_of_era = shifted - era * 400
    month_from_march = nw.when(month > 2).then(month - 3).otherwise(month + 9)
    day_of_year = (153 * month_from_march + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _with_civil(frame: AnyFrame, day: str, prefix: str) -> AnyFrame:
    """Add `<prefix>_y`, `<prefix>_m`, `<prefix>_d`: the year, month and day of the day
    number in column `day` (Hinnant's civil_from_days), one step at a time so that SQL
    backends get small expressions."""
    c = nw.col
    t = f"{prefix}_t"
    frame = frame.with_columns(((c(day) + 719468) // 146097).alias(f"{t}era"))
    frame = frame.with_columns((c(day) + 719468 - c(f"{t}era") * 146097).alias(f"{t}doe"))
    doe = c(f"{t}doe")
    frame = frame.with_columns(
        ((doe - doe // 1460 + doe // 36524 - doe // 146096) // 365).alias(f"{t}yoe")
    )
    yoe = c(f"{t}yoe")
    frame = frame.with_columns((doe - (365 * yoe + yoe // 4 - yoe // 100)).alias(f"{t}doy"))
    frame = frame.with_columns(((5 * c(f"{t}doy") + 2) // 153).alias(f"{t}mp"))
    mp = c(f"{t}mp")
    frame = frame.with_columns(
        (c(f"{t}doy") - (153 * mp + 2) // 5 + 1).alias(f"{prefix}_d"),
        nw.when(mp < 10).then(mp + 3).otherwise(mp - 9).alias(f"{prefix}_m"),
    )
    frame = frame.with_columns(
        (yoe + c(f"{t}era") * 400 + (c(f"{prefix}_m") <= 2).cast(nw.Int64)).alias(f"{prefix}_y")
    )
    return frame.drop(f"{t}era", f"{t}doe", f"{t}yoe", f"{t}doy", f"{t}mp")


def _with_shifted(frame: AnyFrame, prefix: str, months: int, out: str) -> AnyFrame:
    """Add `out`: the day number of the date `<prefix>_y/_m/_d` moved by `months` calendar
    months, a day past the end of the month falling on its last day (as
    `dateutil.relativedelta` and the 29-February rule of lag (1930:173) do)."""
    c = nw.col
    t = f"{out}_t"
    frame = frame.with_columns(
        (c(f"{prefix}_y") * 12 + c(f"{prefix}_m") - 1 + months).alias(f"{t}total")
    )
    frame = frame.with_columns((c(f"{t}total") // 12).alias(f"{t}y"))
    frame = frame.with_columns((c(f"{t}total") - c(f"{t}y") * 12 + 1).alias(f"{t}m"))
    frame = frame.with_columns(_month_days(c(f"{t}y"), c(f"{t}m")).alias(f"{t}last"))
    frame = frame.with_columns(
        nw.when(c(f"{prefix}_d") > c(f"{t}last"))
        .then(c(f"{t}last"))
        .otherwise(c(f"{prefix}_d"))
        .alias(f"{t}d")
    )
    frame = frame.with_columns(_days_from_civil(c(f"{t}y"), c(f"{t}m"), c(f"{t}d")).alias(out))
    return frame.drop(f"{t}total", f"{t}y", f"{t}m", f"{t}last", f"{t}d")


def _as_date(persons: Persons, day: Any) -> Any:
    """The day number `day` (an expression over the persons frame) as a date, built from
    the birth date and the binary digits of the distance, since a date plus a number of
    days held in a column is not an operation every backend has."""
    offset = persons.define(offset=day - day_number(persons.col("birth_date")) + _SPAN)["offset"]
    current = persons.define(day0=persons.col("birth_date") - nw.lit(timedelta(days=_SPAN)))["day0"]
    for bit in range(_BITS):
        step = nw.lit(timedelta(days=1 << bit))
        on_bit = _mod(offset // (1 << bit), 2) == 1
        current = persons.define(
            **{f"day{bit + 1}": nw.when(on_bit).then(current + step).otherwise(current)}
        )[f"day{bit + 1}"]
    return current


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


def _copies(frame: AnyFrame, names: Mapping[str, str]) -> AnyFrame:
    """`frame`'s key and the columns `names` under new names (old → new). Written as new
    columns and a selection, not a renaming selection: Dask's planner loses the key of a
    grouped frame renamed that way when it is joined."""
    return frame.with_columns(*(nw.col(old).alias(new) for old, new in names.items())).select(
        _K, *names.values()
    )


def _concat(frames: list[AnyFrame]) -> AnyFrame:
    """The rows of `frames`, all of one kind (see `_join`)."""
    return nw.concat(frames)  # type: ignore[type-var]  # one kind, see `_join`


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
    end = exprs.get("end")
    # An empty list is left out rather than asked about: pyarrow cannot type it.
    by_code = category.is_in(sorted(codes)).fill_null(False) if codes else nw.lit(False)
    by_programme = (
        programme.is_in(sorted(programmes)).fill_null(False) if programmes else nw.lit(False)
    )
    wanted = (by_code | by_programme) & (exprs["start"] <= on).fill_null(False)
    # An open end runs to `on`; the null is filled before the cast (Dask cannot cast a
    # null to a whole number).
    last = nw.lit(today) if end is None else day_number(end).fill_null(today)
    rows = registrations.filter(wanted).select(
        exprs["key"].alias(_K),
        day_number(exprs["start"]).cast(nw.Int64).alias(_S),
        last.cast(nw.Int64).alias(_E),
    )
    return rows.with_columns(
        nw.when(nw.col(_E) > today)
        .then(nw.lit(today, dtype=nw.Int64))
        .otherwise(nw.col(_E))
        .alias(_E)
    ).filter(nw.col(_E) >= nw.col(_S))


def _spells(rows: AnyFrame) -> AnyFrame:
    """The spells of counting registrations (`__dua_key`, `__dua_s`, `__dua_e`): overlapping
    or adjacent registrations merged, as
    [`registration_spells`][dua.rules.programmes.registration_spells] merges them."""
    c = nw.col
    other = rows.select(c(_K), c(_S).alias("__dua_s2"), c(_E).alias("__dua_e2"))
    pairs = _join(rows, other, on=_K, how="inner")

    def covered(day: Any) -> Any:
        return (c("__dua_s2") <= day) & (c("__dua_e2") >= day)

    starts = rows.select(_K, _S).unique()
    covered_before = pairs.filter(covered(c(_S) - 1)).select(_K, _S).unique()
    starts = _without(starts, covered_before, [_K, _S])
    ends = rows.select(_K, _E).unique()
    covered_after = pairs.filter(covered(c(_E) + 1)).select(_K, _E).unique()
    ends = _without(ends, covered_after, [_K, _E])
    return (
        _join(starts, ends, on=_K, how="inner")
        .filter(c(_E) >= c(_S))
        .group_by(_K, _S)
        .agg(c(_E).min())
    )


def _birthdays(persons: Persons, **ages: int) -> AnyFrame:
    """One row per key with the day number of each birthday in `ages` (name → years)."""
    born = persons.col("birth_date")
    frame = persons.frame.select(
        nw.col(_K),
        born.dt.year().cast(nw.Int64).alias("__dua_b_y"),
        born.dt.month().cast(nw.Int64).alias("__dua_b_m"),
        born.dt.day().cast(nw.Int64).alias("__dua_b_d"),
    ).filter(~nw.col("__dua_b_y").is_null())
    for name, years in ages.items():
        frame = _with_shifted(frame, "__dua_b", 12 * years, name)
    # Not made unique: a key repeated in the persons frame repeats candidate days, which
    # changes no earliest day (and Dask's planner fails on a join after `unique` here).
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


def _uga_entries(rows: AnyFrame, ages: AnyFrame) -> AnyFrame:
    """One row per key that has entered UGA by `on`, with the entry day number
    (`__dua_entry`)."""
    c = nw.col
    known = _uga_versions()
    first_day = day_number_of(min(v.in_force_from for v in known))
    spells = _spells(rows)
    wait = _longest_wait()
    candidates = _join(spells, ages, on=_K, how="inner")
    # The first day a spell's person could enter: the day after the spell's start, the
    # 16th birthday, the first day of the law.
    first = c(_S) + 1
    candidates = candidates.with_columns(
        nw.when(first >= c("__dua_b16")).then(first).otherwise(c("__dua_b16")).alias("__dua_a")
    ).with_columns(
        nw.when(c("__dua_a") >= first_day).then(c("__dua_a")).otherwise(nw.lit(first_day))
        .alias("__dua_a")
    )  # fmt: skip
    # The offsets 0 … wait - 1, made from the rows themselves (a frame of the user's kind)
    # by doubling a one-row frame.
    offsets = rows.select(nw.lit(0).alias("__dua_o")).unique()
    step = 1
    while step < wait:
        offsets = _concat([offsets, offsets.with_columns(c("__dua_o") + step)])
        step *= 2
    offsets = offsets.filter(c("__dua_o") < wait)
    days = (
        _join(candidates, offsets, how="cross")
        .with_columns((c("__dua_a") + c("__dua_o")).alias("__dua_day"))
        .filter((c("__dua_day") <= c(_E)) & (c("__dua_day") < c("__dua_b25")))
        .select(_K, _S, "__dua_day")
    )
    days = _with_civil(days, "__dua_day", "__dua_c")
    conditions: list[Any] = []
    frames: dict[int, str] = {}
    for version in known:
        start = version.in_force_from
        if _has("uga.frame_months", start):
            months = _whole("uga.frame_months", start)
            if months not in frames:
                frames[months] = f"__dua_lo{months}"
                days = _with_shifted(days, "__dua_c", -months, frames[months])
        else:
            months = _whole("uga.qualifying_months", start)
            days = _with_shifted(days, "__dua_c", -months, f"__dua_back{months}")
    days = days.drop("__dua_c_y", "__dua_c_m", "__dua_c_d")
    # Days of open unemployment within each frame (from its first day to the day before
    # the candidate day), summed over the person's spells.
    if frames:
        other = _copies(spells, {_S: "__dua_s2", _E: "__dua_e2"})
        joined = _join(days, other, on=_K, how="inner")
        last = c("__dua_day") - 1
        hi = nw.when(c("__dua_e2") <= last).then(c("__dua_e2")).otherwise(last)
        overlaps = []
        for name in frames.values():
            lo = nw.when(c("__dua_s2") >= c(name)).then(c("__dua_s2")).otherwise(c(name))
            overlaps.append(
                nw.when(hi >= lo).then(hi - lo + 1).otherwise(nw.lit(0)).alias(f"{name}_n")
            )
        days = (
            joined.with_columns(*overlaps)
            .group_by(_K, _S, "__dua_day", *frames.values(), *_backs(known))
            .agg(*(c(f"{name}_n").sum() for name in frames.values()))
        )
    for version in known:
        start = version.in_force_from
        if _has("uga.frame_months", start):
            name = frames[_whole("uga.frame_months", start)]
            qualifies = c(f"{name}_n") >= _whole("uga.qualifying_days", start)
        else:
            qualifies = c(f"__dua_back{_whole('uga.qualifying_months', start)}") >= c(_S)
        conditions.append(_in_force(c("__dua_day"), version) & qualifies)
    entered = conditions[0]
    for condition in conditions[1:]:
        entered = entered | condition
    # Renamed after the grouping by new columns, not by an alias in it (Dask's planner
    # loses the key of a grouped frame renamed by an alias when it is joined).
    earliest = days.filter(entered.fill_null(False)).group_by(_K).agg(c("__dua_day").min())
    return _copies(earliest, {"__dua_day": "__dua_entry"})


def _backs(known: tuple[LawVersion, ...]) -> list[str]:
    return [
        f"__dua_back{_whole('uga.qualifying_months', v.in_force_from)}"
        for v in known
        if not _has("uga.frame_months", v.in_force_from)
    ]


# Engines the entry rules do not run on yet, by narwhals' name, with the name a user knows.
_NOT_YET = {
    "DASK": "Dask",
    "SQLFRAME": "PySpark API",
    "PYSPARK": "PySpark API",
    "PYSPARK_CONNECT": "PySpark API",
}


def _prepare(
    persons: Any,
    registrations: Any,
    columns: Mapping[str, str] | None,
    check: bool,
) -> tuple[Persons, AnyFrame | None, Mapping[str, Any]]:
    prepared = Persons(persons, PERSONS, columns=columns, wanted=("key", "birth_date"), check=check)
    engine = prepared.frame.implementation.name
    if engine in _NOT_YET:
        # Dask's query planner (dask-expr) fails on the last join of these rules with a
        # KeyError of its own; the PySpark API (sqlframe) builds a query so large from
        # the candidate entry days that three persons take minutes. Until that is solved,
        # say so rather than fail obscurely or seem to hang.
        raise FrameError("key", "error.frames.ladder_engine", engine=_NOT_YET[engine])
    if registrations is None:
        return prepared, None, {}
    native, exprs = read(registrations, REGISTRATIONS, columns=columns, check=check)
    return prepared, prepared.adopt(native), exprs


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
        FrameError: a column is missing or of the wrong type, or the frame is a Dask or
            PySpark API frame (not supported yet; see the module's notes).
        RuleNotInForce: `on` is before 2007-12-01, when UGA began.
    """
    current = version_in_force("uga_entry", on)
    prepared, rows, exprs = _prepare(persons, registrations, columns, check)
    if rows is not None:
        counting = _counting(rows, exprs, on, open_codes, ())
        prepared.join_on(_uga_entries(counting, _ages(prepared)), _K, ["__dua_entry"])
        entry = nw.col("__dua_entry")
    else:
        entry = nw.lit(None, dtype=nw.Int64)
    entered = prepared.define(entered=~entry.is_null())["entered"]
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
        FrameError: a column is missing or of the wrong type, or the frame is a Dask or
            PySpark API frame (not supported yet; see the module's notes).
        RuleNotInForce: `on` is before 2008-04-07, the earliest version known.
    """
    current = version_in_force("job_entry", on)
    months = _whole("job.months_in_uga", current.in_force_from)
    c = nw.col
    prepared, rows, exprs = _prepare(persons, registrations, columns, check)
    if rows is not None:
        ages = _ages(prepared)
        recorded = _spells(_counting(rows, exprs, on, uga_codes, UGA_PROGRAMMES)).select(_K, _S)
        computed = _uga_entries(_counting(rows, exprs, on, open_codes, ()), ages)
        computed = _without(computed, recorded.select(_K).unique(), [_K])
        starts = _concat(
            [
                recorded,
                _copies(computed, {"__dua_entry": _S}).with_columns(c(_S).cast(nw.Int64)),
            ]
        )
        ladder = _spells(
            _counting(
                rows,
                exprs,
                on,
                {*open_codes, *uga_codes, *job_codes},
                {*UGA_PROGRAMMES, *JOB_PROGRAMMES},
            )
        )
        ladder = _copies(ladder, {_S: "__dua_ls", _E: "__dua_le"})
        ends_before = _whole("uga.ends_before_age", current.in_force_from)
        limits = _birthdays(prepared, __dua_limit=ends_before)
        starts = _with_civil(starts, _S, "__dua_c")
        starts = _with_shifted(starts, "__dua_c", months, "__dua_day")
        # The ladder spell each UGA start lies in, and the person's age limit.
        within = _join(starts, ladder, on=_K, how="inner").filter(
            (c("__dua_ls") <= c(_S)) & (c("__dua_le") >= c(_S))
        )
        judged = _join(within, limits, on=_K, how="inner")
        day = c("__dua_day")
        in_force: Any = None
        for version in versions("job_entry"):
            inside = _in_force(day, version)
            in_force = inside if in_force is None else in_force | inside
        reached = (
            in_force
            & (day <= day_number_of(on))
            & (c("__dua_le") >= day - 1)
            # UGA ends on the day before the birthday: it must last to the day before.
            & (c("__dua_limit") - 1 >= day - 1)
        )
        entries = _copies(
            judged.filter(reached.fill_null(False)).group_by(_K).agg(day.min()),
            {"__dua_day": "__dua_job"},
        )
        has_start = starts.select(_K).unique().with_columns(nw.lit(1).alias("__dua_started"))
        prepared.join_on(entries, _K, ["__dua_job"])
        prepared.join_on(has_start, _K, ["__dua_started"])
        entry = c("__dua_job")
    else:
        entry = nw.lit(None, dtype=nw.Int64)
    entered = prepared.define(entered=~entry.is_null())["entered"]
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
