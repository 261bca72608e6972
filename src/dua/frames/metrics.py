"""Metrics on data frames: gender balance, mapping tables with small-cell suppression, the
90-day outcome and the share of women, computed on the frame's own engine.

Each function takes frames of any library narwhals knows (pandas, polars eager or lazy,
pyarrow, DuckDB, Dask, PySpark/sqlframe) and returns **the same result objects** as the
object metrics of [`dua.metrics`][dua.metrics] —
[`GenderBalance`][dua.metrics.gender.GenderBalance],
[`Tally`][dua.metrics.mapping.Tally], [`CrossTable`][dua.metrics.mapping.CrossTable],
[`Share`][dua.metrics.numbers.Share] — so that reports, `to_frame` and every judgement work
on them unchanged. Property tests hold each one equal to the object metric, count for
count, on every backend.

**Where the work happens.** Categories, filters and counts are narwhals expressions that
run on the engine (a `group_by` and a count, a join for histories); only the small table
of counts comes back — a few numbers per category, never the records. Suppression
(primary and secondary, see [`dua.metrics.mapping`][dua.metrics.mapping]) then runs on
that small table in Python with the same code as the object tables
([`tally_from_counts`][dua.metrics.mapping.tally_from_counts]): it is an iterative
search over a handful of cells, which an engine has no advantage in, and it sees only
counts that were already aggregated.

**Frames.** A *persons* frame has the columns of the layout `dua.frames.layouts.PERSONS`
(only those a metric needs must be present); `registrations` and `social_assistance` are
long frames (`REGISTRATIONS`, `SOCIAL_ASSISTANCE` of `dua.frames.layouts`) joined by `key`;
leaving one out means nobody has such a history. A *participants* frame has the columns of
[`PARTICIPANTS`][dua.frames.metrics.PARTICIPANTS] (the CSV file's, see
[`dua.io.followup`][dua.io.followup]). Column names may be English, Swedish or mapped with
`columns=`; sex, education and outcome accept the Swedish terms, English labels and enum
names, as everywhere in `dua.frames`.

**Two differences from the objects, both about data the objects cannot hold**: a person
born after the date of an age band is counted under "övriga åldrar" (the object rule
refuses such a person), and of two active registrations that started on the same day the
greater category code is taken (the object takes the one listed first; a frame has no
order to list by).

>>> import polars as pl
>>> frame = pl.DataFrame({"sex": ["kvinna"] * 36 + ["man"] * 67})
>>> gender_balance(frame).women_share.percent_text()
'35,0 %'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import attrs

from dua.errors import FrameError, mask_reprs
from dua.frames._backend import AnyFrame, nw
from dua.frames._columns import (
    PERSONS,
    REGISTRATIONS,
    SOCIAL_ASSISTANCE,
    FrameColumn,
    FrameLayout,
    read,
)
from dua.frames.expressions import active_on, day_number, in_age_band
from dua.metrics import gender as object_gender
from dua.metrics import mapping as object_mapping
from dua.metrics.gender import DEFAULT_LOWER, DEFAULT_UPPER, GenderBalance
from dua.metrics.mapping import (
    UNKNOWN,
    CrossTable,
    Dimension,
    Tally,
    cross_table_from_counts,
    tally_from_counts,
)
from dua.metrics.numbers import Number, Share
from dua.metrics.observations import OUTCOME_WINDOW_DAYS
from dua.model import AgeBand, EducationLevel, Outcome, Sex

__all__ = [
    "DIMENSIONS",
    "PARTICIPANTS",
    "cross_tabulate",
    "gender_balance",
    "gender_by_group",
    "mapping_tables",
    "outcome_90_days",
    "tabulate",
    "women_share",
]

PARTICIPANTS = FrameLayout(
    "participants",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="track", swedish="spår", kind="text", required=True, aliases=("jobbspår",)),
        FrameColumn(name="unit", swedish="enhet", kind="text"),
        FrameColumn(name="sex", swedish="kön", kind="category", categories=Sex,
                    extra=dict(PERSONS["sex"].extra)),
        FrameColumn(name="start", swedish="startdatum", kind="date", required=True),
        FrameColumn(name="end", swedish="slutdatum", kind="date"),
        FrameColumn(name="outcome", swedish="utfall", kind="category", categories=Outcome),
        FrameColumn(name="outcome_on", swedish="utfallsdatum", kind="date",
                    aliases=("outcome_date",)),
    ),
)  # fmt: skip
"""One row per participation in a track, as `participants.csv`
([`Participant`][dua.metrics.observations.Participant]; the `statuses` list is not read)."""

DIMENSIONS = (
    "age_band",
    "sex",
    "registration_category",
    "foreign_born",
    "disability",
    "education",
    "social_assistance",
    "municipality",
)
"""The dimensions a mapping table on frames can use, in the order of
[`mapping_tables`][dua.metrics.mapping.mapping_tables]; each is the object dimension of the
same name in [`dua.metrics.mapping`][dua.metrics.mapping]."""

_SEX_ONLY = FrameLayout("records", (PERSONS["sex"],))


def _collect(frame: AnyFrame) -> Any:
    return frame.collect() if isinstance(frame, nw.LazyFrame) else frame


def _lazy(frame: AnyFrame) -> Any:
    return frame if isinstance(frame, nw.LazyFrame) else frame.lazy()


def _flag(condition: Any) -> Any:
    """A condition as 0/1 (null counts as 0), so that sums count it on every backend."""
    return nw.when(condition).then(nw.lit(1)).otherwise(nw.lit(0)).cast(nw.Int64)


def _int(value: object) -> int:
    # DuckDB and Spark sum integers to DECIMAL; pandas hands back numpy integers.
    return 0 if value is None else int(value)  # type: ignore[call-overload]  # numpy/Decimal


# -- gender --------------------------------------------------------------------------------


def _bounds(lower: Number, upper: Number) -> GenderBalance:
    # The object function checks and converts the bounds; an empty balance carries them.
    return object_gender.gender_balance((), lower=lower, upper=upper)


def _read_sex(frame: object, columns: Mapping[str, str] | None) -> tuple[Any, Any]:
    # Present, not required: `required` would also refuse a null (an unknown sex).
    native, exprs = read(frame, _SEX_ONLY, columns=columns)
    if "sex" not in exprs:
        raise FrameError(
            "sex",
            "error.frames.missing_from_frame",
            also=", ".join(PERSONS["sex"].names[1:]),
            mapping="columns={'sex': ...}",
        )
    return native, exprs["sex"]


def _sex_flags(sex: Any) -> dict[str, Any]:
    return {
        "__dua_women": _flag(sex == "FEMALE"),
        "__dua_men": _flag(sex == "MALE"),
        "__dua_unknown": _flag(sex.is_null()),
    }


def _balance(row: Mapping[str, object], bounds: GenderBalance) -> GenderBalance:
    return attrs.evolve(
        bounds,
        women=_int(row["__dua_women"]),
        men=_int(row["__dua_men"]),
        unknown=_int(row["__dua_unknown"]),
    )


def gender_balance(
    frame: object,
    *,
    columns: Mapping[str, str] | None = None,
    lower: Number = DEFAULT_LOWER,
    upper: Number = DEFAULT_UPPER,
) -> GenderBalance:
    """Women, men and unknown sex among the rows of `frame` (its `sex` column, or `kön`, or
    the column `columns={"sex": ...}` names; null is unknown), judged against `lower` and
    `upper` as [`dua.metrics.gender.gender_balance`][dua.metrics.gender.gender_balance] does.

    Raises:
        FrameError: no sex column, or a value that is not a sex (its rows named).
    """
    bounds = _bounds(lower, upper)
    native, sex = _read_sex(frame, columns)
    sums = (
        native.with_columns(**_sex_flags(sex))
        .select(nw.col("__dua_women", "__dua_men", "__dua_unknown").sum())
    )  # fmt: skip
    return _balance(_collect(sums).rows(named=True)[0], bounds)


def gender_by_group(
    frame: object,
    by: str,
    *,
    columns: Mapping[str, str] | None = None,
    lower: Number = DEFAULT_LOWER,
    upper: Number = DEFAULT_UPPER,
) -> dict[str, GenderBalance]:
    """Gender balance per value of the column `by` (a track, a municipality, …), groups in
    sorted order; rows whose group is null are not counted. A record in several groups is
    one row per group (a long frame), as a person in two tracks is two rows of a
    participants frame.

    Equals [`dua.metrics.gender.gender_by_group`][dua.metrics.gender.gender_by_group] with
    `key` reading the same column.

    Raises:
        FrameError: no sex column or no column `by`, or a value that is not a sex.
    """
    bounds = _bounds(lower, upper)
    native, sex = _read_sex(frame, columns)
    if by not in native.columns:
        raise FrameError(by, "error.frames.no_group_column", available=", ".join(native.columns))
    sums = (
        native.with_columns(__dua_group=nw.col(by).cast(nw.String), **_sex_flags(sex))
        .filter(~nw.col("__dua_group").is_null())
        .group_by("__dua_group")
        .agg(nw.col("__dua_women", "__dua_men", "__dua_unknown").sum())
    )  # fmt: skip
    rows = _collect(sums).rows(named=True)
    return {
        str(row["__dua_group"]): _balance(row, bounds)
        for row in sorted(rows, key=lambda row: str(row["__dua_group"]))
    }


# -- mapping tables ------------------------------------------------------------------------

_DEFAULT_BANDS = (AgeBand(min_age=16, max_age=19), AgeBand(min_age=20, max_age=24))


@mask_reprs
@attrs.frozen(kw_only=True)
class _Dates:
    on: date | None
    year: int | None
    min_months: int


def _object_dimension(name: str, when: _Dates) -> Dimension:
    if name not in DIMENSIONS:
        raise FrameError(name, "error.frames.not_a_dimension", known=", ".join(DIMENSIONS))
    if name in ("age_band", "registration_category"):
        if when.on is None:
            raise TypeError(f"the dimension {name} needs the date: give on=")
        if name == "age_band":
            return object_mapping.age_band(when.on, _DEFAULT_BANDS)
        return object_mapping.registration_category(when.on)
    if name == "social_assistance":
        if when.year is None:
            raise TypeError("the dimension social_assistance needs the year: give year= or on=")
        return object_mapping.social_assistance(when.year, when.min_months)
    factory = getattr(object_mapping, name)
    dimension: Dimension = factory()
    return dimension


_PERSON_COLUMN = {
    "age_band": "birth_date",
    "sex": "sex",
    "foreign_born": "foreign_born",
    "disability": "disability",
    "education": "education",
    "municipality": "home_municipality",
}


def _yes_no(value: Any, dimension: Dimension) -> Any:
    yes, no, unknown = dimension.categories
    return (
        nw.when(value.is_null())
        .then(nw.lit(unknown))
        .when(value)
        .then(nw.lit(yes))
        .otherwise(nw.lit(no))
    )


def _person_category(name: str, value: Any, dimension: Dimension, when: _Dates) -> Any:
    result: Any = None
    if name == "sex":
        women = nw.when(value == "FEMALE").then(nw.lit("kvinnor"))
        return women.when(value == "MALE").then(nw.lit("män")).otherwise(nw.lit(UNKNOWN))
    if name in ("foreign_born", "disability"):
        return _yes_no(value, dimension)
    if name == "education":
        for level in EducationLevel:
            condition = value == level.name
            result = (
                nw.when(condition).then(nw.lit(level.value))
                if result is None
                else result.when(condition).then(nw.lit(level.value))
            )
        assert result is not None
        return result.otherwise(nw.lit(UNKNOWN))
    if name == "municipality":
        return nw.when(value.is_null()).then(nw.lit(UNKNOWN)).otherwise(value)
    assert name == "age_band"
    assert when.on is not None
    for band, label in zip(_DEFAULT_BANDS, dimension.categories, strict=False):
        condition = in_age_band(value, band.min_age, band.max_age, when.on)
        result = (
            nw.when(condition).then(nw.lit(label))
            if result is None
            else result.when(condition).then(nw.lit(label))
        )
    assert result is not None
    return result.otherwise(nw.lit(dimension.categories[-1]))


def _registration_categories(registrations: object | None, on: date) -> Any | None:
    if registrations is None:
        return None
    native, exprs = read(registrations, REGISTRATIONS, wanted=("key", "start", "end", "category"))
    active = (
        _lazy(native)
        .select(exprs["key"], exprs["start"], exprs.get("end", nw.lit(None, dtype=nw.Date()).alias("end")),
                exprs.get("category", nw.lit(None, dtype=nw.String()).alias("category")))
        .filter(~nw.col("category").is_null())
        .filter(active_on(nw.col("start"), nw.col("end"), on))
    )  # fmt: skip
    latest = active.group_by("key").agg(nw.col("start").max())
    return (
        active.join(latest, on=["key", "start"], how="inner")
        .group_by("key")
        .agg(nw.col("category").max().alias("__dua_registration"))
    )


def _assistance(social_assistance: object | None, year: int, min_months: int) -> Any | None:
    if social_assistance is None:
        return None
    native, exprs = read(social_assistance, SOCIAL_ASSISTANCE)
    return (
        _lazy(native)
        .select(exprs["key"], exprs["year"], exprs["month"])
        .filter(nw.col("year") == year)
        .unique(["key", "month"])
        .group_by("key")
        .agg(nw.len().alias("__dua_months"))
        .filter(nw.col("__dua_months") >= min_months)
        .select("key", __dua_assisted=nw.lit(True))
    )


def _categorised(
    persons: object,
    names: tuple[str, ...],
    when: _Dates,
    registrations: object | None,
    social_assistance: object | None,
    columns: Mapping[str, str] | None,
) -> tuple[Any, dict[str, Dimension]]:
    """The persons as a lazy frame with a category column `__dua_<name>` per dimension."""
    dimensions = {name: _object_dimension(name, when) for name in names}
    wanted = {"key"} | {_PERSON_COLUMN[n] for n in names if n in _PERSON_COLUMN}
    native, exprs = read(persons, PERSONS, columns=columns, wanted=wanted)
    for name in names:
        column = _PERSON_COLUMN.get(name)
        if column is not None and column not in exprs:
            raise FrameError(
                PERSONS[column].name,
                "error.frames.dimension_needs",
                dimension=name,
                also=", ".join(PERSONS[column].names[1:]),
            )
    frame = _lazy(native).select(*exprs.values())
    if "registration_category" in names:
        assert when.on is not None
        chosen = _registration_categories(registrations, when.on)
        if chosen is not None:
            frame = frame.join(chosen, on="key", how="left")
        else:
            frame = frame.with_columns(__dua_registration=nw.lit(None, dtype=nw.String()))
    if "social_assistance" in names:
        assert when.year is not None
        assisted = _assistance(social_assistance, when.year, when.min_months)
        if assisted is not None:
            frame = frame.join(assisted, on="key", how="left")
        else:
            frame = frame.with_columns(__dua_assisted=nw.lit(None, dtype=nw.Boolean()))
    categories: dict[str, Any] = {}
    for name in names:
        dimension = dimensions[name]
        if name == "registration_category":
            none = "ej inskriven"
            value = nw.col("__dua_registration")
            categories[f"__dua_{name}"] = (
                nw.when(value.is_null()).then(nw.lit(none)).otherwise(value)
            )
        elif name == "social_assistance":
            yes, no = dimension.categories
            categories[f"__dua_{name}"] = (
                nw.when(nw.col("__dua_assisted").is_null()).then(nw.lit(no)).otherwise(nw.lit(yes))
            )
        else:
            value = nw.col(_PERSON_COLUMN[name])
            categories[f"__dua_{name}"] = _person_category(name, value, dimension, when)
    return frame.with_columns(**categories), dimensions


def _counts(frame: Any, names: tuple[str, ...]) -> dict[tuple[str, ...], int]:
    keys = [f"__dua_{name}" for name in names]
    table = _collect(frame.group_by(*keys).agg(nw.len().alias("__dua_count")))
    return {
        tuple(str(row[key]) for key in keys): _int(row["__dua_count"])
        for row in table.rows(named=True)
    }


def _dates(on: date | None, year: int | None, min_months: int) -> _Dates:
    return _Dates(
        on=on, year=year if year is not None or on is None else on.year, min_months=min_months
    )


def tabulate(
    persons: object,
    dimension: str,
    *,
    on: date | None = None,
    year: int | None = None,
    min_months: int = 1,
    threshold: int | None = None,
    registrations: object | None = None,
    social_assistance: object | None = None,
    columns: Mapping[str, str] | None = None,
) -> Tally:
    """Count the persons of a frame by one of [`DIMENSIONS`][dua.frames.metrics.DIMENSIONS],
    with suppression below `threshold`: the table
    [`dua.metrics.mapping.tabulate`][dua.metrics.mapping.tabulate] makes of the same persons.

    `on` is the date of `age_band` and `registration_category`; `year` (default the year of
    `on`) and `min_months` those of `social_assistance`.

    >>> import polars as pl
    >>> from datetime import date
    >>> people = pl.DataFrame({"key": [f"p{i}" for i in range(12)], "foreign_born": [i < 2 for i in range(12)]})
    >>> table = tabulate(people, "foreign_born", threshold=3)
    >>> [cell.text() for cell in table.cells], table.total.text()
    (['..', '..', '0'], '12')

    Raises:
        FrameError: a column the dimension needs is missing or holds a bad value, or
            `dimension` is not one of `DIMENSIONS`.
    """
    when = _dates(on, year, min_months)
    frame, dimensions = _categorised(
        persons, (dimension,), when, registrations, social_assistance, columns
    )
    counts = {key[0]: count for key, count in _counts(frame, (dimension,)).items()}
    return tally_from_counts(dimensions[dimension], counts, threshold=threshold)


def cross_tabulate(
    persons: object,
    rows: str,
    columns: str,
    *,
    on: date | None = None,
    year: int | None = None,
    min_months: int = 1,
    threshold: int | None = None,
    registrations: object | None = None,
    social_assistance: object | None = None,
    column_names: Mapping[str, str] | None = None,
) -> CrossTable:
    """Count the persons of a frame by two dimensions with primary and secondary
    suppression: the table [`dua.metrics.mapping.cross_tabulate`][dua.metrics.mapping.cross_tabulate]
    makes of the same persons. `column_names` maps model column names to the frame's (the
    `columns=` of the other functions; here `columns` is the second dimension).

    Raises:
        FrameError: as [`tabulate`][dua.frames.metrics.tabulate].
    """
    when = _dates(on, year, min_months)
    frame, dimensions = _categorised(
        persons,
        tuple(dict.fromkeys((rows, columns))),
        when,
        registrations,
        social_assistance,
        column_names,
    )
    if rows == columns:
        counts = {(key[0], key[0]): n for key, n in _counts(frame, (rows,)).items()}
    else:
        counts = {(key[0], key[1]): n for key, n in _counts(frame, (rows, columns)).items()}
    return cross_table_from_counts(
        dimensions[rows], dimensions[columns], counts, threshold=threshold
    )


def mapping_tables(
    persons: object,
    on: date,
    *,
    year: int | None = None,
    threshold: int | None = None,
    registrations: object | None = None,
    social_assistance: object | None = None,
    columns: Mapping[str, str] | None = None,
) -> dict[str, Tally]:
    """The standard mapping annex of a persons frame, one table per dimension keyed by its
    Swedish name, as [`dua.metrics.mapping.mapping_tables`][dua.metrics.mapping.mapping_tables]
    makes it. The persons frame needs `key`, `birth_date`, `sex`, `foreign_born`,
    `disability`, `education` and `home_municipality`.

    Raises:
        FrameError: a column is missing or holds a bad value.
    """
    when = _dates(on, year, 1)
    frame, dimensions = _categorised(
        persons, DIMENSIONS, when, registrations, social_assistance, columns
    )
    # One query: the counts of every combination of categories (at most one row per
    # person, in practice far fewer), from which each table's counts are summed here.
    joint = _counts(frame, DIMENSIONS)
    tables: dict[str, Tally] = {}
    for index, name in enumerate(DIMENSIONS):
        counts: dict[str, int] = {}
        for key, count in joint.items():
            counts[key[index]] = counts.get(key[index], 0) + count
        dimension = dimensions[name]
        tables[dimension.name] = tally_from_counts(dimension, counts, threshold=threshold)
    return tables


# -- participants --------------------------------------------------------------------------


def _participants(
    frame: object,
    columns: Mapping[str, str] | None,
    wanted: set[str],
    optional: frozenset[str] = frozenset(),
) -> Any:
    native, exprs = read(frame, PARTICIPANTS, columns=columns, wanted=wanted | optional)
    for name in optional - set(exprs):
        # An optional column the frame lacks is unknown in every row.
        exprs[name] = nw.lit(None, dtype=nw.String).alias(name)
    for name in wanted:
        if name not in exprs:
            raise FrameError(
                name,
                "error.frames.missing_column",
                frame="participants",
                also=", ".join(PARTICIPANTS[name].names[1:]),
                mapping="columns=",
            )
    return _lazy(native).select(*exprs.values())


def outcome_90_days(
    participants: object, on: date, *, columns: Mapping[str, str] | None = None
) -> Share:
    """The share of leavers with work, studies or own business within 90 days of leaving,
    among those whose 90 days had passed by `on` (an `outcome` of A-kassa does not count;
    the `outcome` column is optional): the share
    [`dua.metrics.observations.outcome_90_days`][dua.metrics.observations.outcome_90_days]
    computes from the same participants (Norrköping seed: ≥ 60 % "inom 90 dagar").

    Raises:
        FrameError: a column (`start`, `end`, `outcome_on`) is missing or of the wrong type.
    """
    frame = _participants(
        participants, columns, {"key", "start", "end", "outcome_on"}, frozenset({"outcome"})
    )
    window = timedelta(days=OUTCOME_WINDOW_DAYS)
    end, started, outcome = nw.col("end"), nw.col("outcome_on"), nw.col("outcome")
    leavers = frame.filter(~end.is_null(), end <= nw.lit(on - window))
    # As the object metric: an A-kassa is not work, studies or an own business.
    counts = outcome.is_null() | outcome.is_in([kind.name for kind in Outcome if kind.positive])
    positive = leavers.filter(~started.is_null(), started >= nw.col("start"), counts).filter(
        day_number(started) <= day_number(end) + OUTCOME_WINDOW_DAYS
    )
    counted = _int(_collect(leavers.select(nw.len())).item())
    hits = _int(_collect(positive.select(nw.len())).item())
    return Share(
        numerator=hits,
        denominator=counted,
        subset="arbete, studier eller eget företag inom 90 dagar",
        population="deltagare som lämnat för minst 90 dagar sedan",
    )


def women_share(
    participants: object, on: date | None = None, *, columns: Mapping[str, str] | None = None
) -> Share:
    """Women among participants with known sex; with `on`, only those who had started by
    that date: [`dua.metrics.observations.women_share`][dua.metrics.observations.women_share]
    on a frame.

    Raises:
        FrameError: a column is missing, of the wrong type, or a value is not a sex.
    """
    frame = _participants(participants, columns, {"key", "start", "sex"})
    if on is not None:
        frame = frame.filter(nw.col("start") <= nw.lit(on))
    sums = frame.with_columns(**_sex_flags(nw.col("sex"))).select(
        nw.col("__dua_women", "__dua_men", "__dua_unknown").sum()
    )
    return _balance(
        _collect(sums).rows(named=True)[0], _bounds(DEFAULT_LOWER, DEFAULT_UPPER)
    ).women_share
