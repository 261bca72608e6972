"""Column names, types and categories of the frames [`dua.frames`][dua.frames] reads.

A frame's columns are found by name: by default the model's field names (`birth_date`,
`home_municipality`, `residence`, …), also the Swedish export headers the CSV readers accept
(`födelsedatum`, `hemkommun`, `folkbokföringsstatus`, …; case, spaces and diacritics do not
matter, as in [`dua.io.tables`][dua.io.tables]), and any name given in a `columns=` mapping
from the model's name to the frame's (`columns={"birth_date": "fodelsedatum"}`).

Categorical columns accept the Swedish terms the files use, the English labels and the
enum names (`"introduktionsprogram"`, `"introduction programme"`, `"INTRODUCTION_PROGRAMME"`),
in any case. Their values are turned into the enum names by one expression per column
(no Python loop over rows).

Problems are reported as [`FrameError`][dua.errors.FrameError]: one line naming the column
as the frame spells it, the problem and, for values, up to five 1-based row numbers.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Literal

import attrs

from dua.errors import FrameError, mask_reprs, mask_value
from dua.frames._backend import AnyFrame, nw
from dua.i18n import render
from dua.io.tables import normalise_name
from dua.model import (
    EducationLevel,
    EnrolmentKind,
    Outcome,
    QualificationKind,
    ResidenceStatus,
    Sex,
)

__all__ = [
    "ENROLMENTS",
    "LAYOUTS",
    "OUTCOMES",
    "PERSONS",
    "QUALIFICATIONS",
    "REGISTRATIONS",
    "SOCIAL_ASSISTANCE",
    "TRACKS",
    "ColumnKind",
    "FrameColumn",
    "FrameLayout",
    "category",
    "check_values",
    "read",
    "resolve",
    "typed",
]

ColumnKind = Literal["text", "date", "integer", "boolean", "category"]
"""What a column holds: `text` (string), `date` (date or datetime; datetimes are cut to
their day), `integer`, `boolean` or `category` (strings of an enum's terms)."""

MAX_ROWS_SHOWN = 5
"""How many offending row numbers an error names at most."""


@mask_reprs
@attrs.frozen(kw_only=True)
class FrameColumn:
    """A column a frame may have: its model `name`, its Swedish export header `swedish`,
    further `aliases`, its `kind`, the enum of a category column (`categories`) and extra
    spellings of its members (`extra`, spelling → member), whether it is `required`."""

    name: str
    swedish: str
    kind: ColumnKind
    required: bool = False
    aliases: tuple[str, ...] = ()
    categories: type[enum.Enum] | None = None
    extra: Mapping[str, str] = attrs.field(factory=dict)
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the column is known by: model name, Swedish header, aliases."""
        return (self.name, self.swedish, *self.aliases)

    def spellings(self) -> dict[str, str]:
        """For a category column: every accepted spelling → member name. Spellings are in
        lower case with `_` as a space, the form values are brought to before matching."""
        if self.categories is None:
            return {}
        result: dict[str, str] = {}
        for member in self.categories:
            written = [str(member.value), member.name]
            label = getattr(member, "label_en", None)
            if isinstance(label, str):
                written.append(label)
            for text in written:
                result.setdefault(_spelling(text), member.name)
        for text, name in self.extra.items():
            result[_spelling(text)] = name
        return result


def _spelling(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())


@mask_reprs
@attrs.frozen
class FrameLayout:
    """The columns of one kind of frame (persons, or one history such as enrolments)."""

    name: str
    columns: tuple[FrameColumn, ...]

    def __getitem__(self, name: str) -> FrameColumn:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def resolve(
        self,
        available: Sequence[str],
        columns: Mapping[str, str] | None = None,
        wanted: Collection[str] | None = None,
    ) -> dict[str, str]:
        """Which of the frame's columns (`available`) holds each model column: model name →
        frame name, for the `wanted` model columns (all by default) that are present.

        An entry of `columns` (model name → frame name) wins over the default names.

        Raises:
            FrameError: a mapping names a column the frame does not have or a model column
                the layout does not know, or a required wanted column is missing.
        """
        return resolve(self, available, columns, wanted)


def resolve(
    layout: FrameLayout,
    available: Sequence[str],
    columns: Mapping[str, str] | None = None,
    wanted: Collection[str] | None = None,
) -> dict[str, str]:
    """See [`FrameLayout.resolve`][dua.frames._columns.FrameLayout.resolve]."""
    mapping = dict(columns or {})
    known = {column.name for column in layout.columns}
    by_normal: dict[str, str] = {}
    for name in available:
        by_normal.setdefault(normalise_name(name), name)
    result: dict[str, str] = {}
    names = known if wanted is None else set(wanted)
    for column in layout.columns:
        if column.name not in names:
            continue
        given = mapping.get(column.name)
        if given is not None:
            if given not in available:
                raise FrameError(
                    given,
                    "error.frames.mapped_missing",
                    column=column.name,
                    frame=layout.name,
                    available=", ".join(map(str, available)),
                )
            result[column.name] = given
            continue
        for written in column.names:
            found = by_normal.get(normalise_name(written))
            if found is not None:
                result[column.name] = found
                break
        else:
            if column.required:
                raise FrameError(
                    column.name,
                    "error.frames.missing_column",
                    frame=layout.name,
                    also=", ".join(column.names[1:]),
                    mapping=f"columns={{'{column.name}': ...}}",
                )
    return result


def category(expr: Any, column: FrameColumn, frame: AnyFrame) -> Any:
    """An expression turning the strings of `expr` into `column`'s enum member names
    (null where the text is not a known spelling, and where it is null), for `frame`'s
    engine (see `_lookup`)."""
    cleaned = expr.cast(nw.String).str.strip_chars().str.to_lowercase().str.replace_all("_", " ")
    members = [member.name for member in column.categories or ()]
    return _lookup(cleaned, column.spellings(), members, frame)


_OK_TYPES: dict[ColumnKind, str] = {
    "text": "error.frames.type_text",
    "date": "error.frames.type_date",
    "integer": "error.frames.type_integer",
    "boolean": "error.frames.type_boolean",
    "category": "error.frames.type_category",
}


def _type_ok(kind: ColumnKind, dtype: Any) -> bool:
    if dtype == nw.Unknown:
        # A column of nulls only (polars' Null type): it holds no value of a wrong type.
        return True
    if kind == "date":
        # pandas keeps `datetime.date` values in object columns; they are cast below.
        return dtype in (nw.Date, nw.Datetime, nw.Object) or isinstance(dtype, nw.Datetime)
    if kind in ("text", "category"):
        return dtype in (nw.String, nw.Categorical, nw.Enum) or isinstance(
            dtype, nw.Enum | nw.Categorical
        )
    if kind == "integer":
        return bool(dtype.is_integer())
    if kind == "boolean":
        return bool(dtype == nw.Boolean)
    raise AssertionError(kind)


def typed(frame: AnyFrame, layout: FrameLayout, resolved: Mapping[str, str]) -> dict[str, Any]:
    """Expressions for each resolved model column, in the type the rules read (dates as
    `nw.Date`, categories as member names), named by the model name.

    Raises:
        FrameError: a column has the wrong type (named as the frame spells it).
    """
    schema = frame.collect_schema()
    exprs: dict[str, Any] = {}
    for name, actual in resolved.items():
        column = layout[name]
        dtype = schema[actual]
        if not _type_ok(column.kind, dtype):
            raise FrameError(
                actual,
                "error.frames.wrong_type",
                expected=render(_OK_TYPES[column.kind]),
                name=name,
                dtype=str(dtype),
            )
        expr = nw.col(actual)
        if column.kind == "date":
            expr = expr.cast(nw.Date)
        elif column.kind == "category":
            expr = category(expr, column, frame)
        elif column.kind == "text":
            expr = expr.cast(nw.String)
        elif column.kind == "boolean" and dtype == nw.Unknown:
            expr = expr.cast(nw.Boolean)
        exprs[name] = expr.alias(name)
    return exprs


def check_values(
    frame: AnyFrame,
    layout: FrameLayout,
    resolved: Mapping[str, str],
    exprs: Mapping[str, Any],
    *,
    check: bool = True,
) -> dict[str, Any]:
    """Check the values of `frame` (with `check`): required columns have no nulls and
    category columns hold only known terms; and return `exprs` with each category column
    read by an exact lookup of the terms the frame holds.

    One small aggregate query counts the nulls of the required columns and finds the
    distinct terms of the category columns: a few rows come back, the frame is not
    collected (on an eager frame, two: each costs next to nothing there).
    The terms are matched in Python, once each, so that on the engine a category column
    costs one hash lookup per row instead of trimming and lower-casing every value. Row
    numbers are looked up only when something is wrong.

    Raises:
        FrameError: the first problem found, with up to five 1-based row numbers.
    """
    categories = [name for name in resolved if layout[name].kind == "category"]
    required = [name for name in resolved if layout[name].required] if check else []
    if not categories and not required:
        return dict(exprs)
    empty, rows = _nulls_and_terms(frame, resolved, required, categories)
    position = {name: index for index, name in enumerate(categories)}
    result = dict(exprs)
    for name, actual in resolved.items():
        if empty.get(name):
            _raise_at(frame, resolved, actual, nw.col(actual).is_null(), "error.frames.empty")
        if name not in categories:
            continue
        column = layout[name]
        spellings = column.spellings()
        # Nulls come back as None, or NaN from pandas; every other value is text.
        terms = {row[position[name]] for row in rows if isinstance(row[position[name]], str)}
        # The same normalisation as `category` applies on the engine, so both ways agree.
        known = {
            term: spellings.get(term.strip().lower().replace("_", " ")) for term in sorted(terms)
        }
        unknown = sorted(term for term, member in known.items() if member is None)
        if unknown and check:
            condition = nw.col(actual).cast(nw.String).is_in(unknown)
            _raise_at(
                frame, resolved, actual, condition, "error.frames.not_one_of", terms=_terms(column)
            )
        mapped = {term: member for term, member in known.items() if member is not None}
        if mapped:
            members = [member.name for member in column.categories or ()]
            result[name] = _lookup(nw.col(actual).cast(nw.String), mapped, members, frame).alias(
                name
            )
    return result


def _nulls_and_terms(
    frame: AnyFrame,
    resolved: Mapping[str, str],
    required: Sequence[str],
    categories: Sequence[str],
) -> tuple[dict[str, bool], list[tuple[Any, ...]]]:
    """Whether each `required` column holds a null, and the distinct rows of the
    `categories` columns (as text, in that order)."""
    if isinstance(frame, nw.LazyFrame) and required and categories:
        # One query on a lazy frame (each query is a pass over the data, and on a SQL
        # engine a round trip): the category columns' distinct rows, each with its number
        # of rows and of non-null values of every required column.
        terms = [f"__dua_t{index}" for index in range(len(categories))]
        values = [f"__dua_r{index}" for index in range(len(required))]
        grouped = (
            frame.select(
                *(
                    nw.col(resolved[name]).cast(nw.String).alias(term)
                    for name, term in zip(categories, terms, strict=True)
                ),
                *(
                    nw.col(resolved[name]).alias(value)
                    for name, value in zip(required, values, strict=True)
                ),
            )
            .group_by(*terms)
            .agg(nw.len().alias("__dua_rows"), *(nw.col(value).count() for value in values))
        )
        groups = _rows(grouped.select(*terms, "__dua_rows", *values))
        width = len(terms)
        rows_seen = sum(row[width] for row in groups)
        nulls = {
            name: sum(row[width + 1 + index] for row in groups) < rows_seen
            for index, name in enumerate(required)
        }
        return nulls, [row[:width] for row in groups]
    empty: dict[str, bool] = {}
    if required:
        counts = frame.select(
            *(nw.col(resolved[name]).null_count().alias(name) for name in required)
        )
        counted = _rows(counts)[0]
        empty = {name: bool(count) for name, count in zip(required, counted, strict=True)}
    rows: list[tuple[Any, ...]] = []
    if categories:
        # (polars finds the distinct rows of a lazy query with a fraction of the memory
        # and time its eager `unique` takes.)
        source = frame.lazy() if _is_eager_polars(frame) else frame
        distinct = source.select(
            *(nw.col(resolved[name]).cast(nw.String).alias(name) for name in categories)
        ).unique()
        rows = _rows(distinct)
    return empty, rows


def _rows(frame: AnyFrame) -> list[tuple[Any, ...]]:
    """The rows of a small query's result as tuples. A DuckDB relation is fetched
    directly (through narwhals' arrow table the first fetch would import
    `pyarrow.compute` and pandas, which costs more than the query)."""
    if isinstance(frame, nw.LazyFrame):
        if frame.implementation.name == "DUCKDB":
            fetched: list[tuple[Any, ...]] = frame.to_native().fetchall()
            return fetched
        frame = frame.collect()
    return frame.rows()


def _is_eager_polars(frame: AnyFrame) -> bool:
    return isinstance(frame, nw.DataFrame) and frame.implementation is nw.Implementation.POLARS


# Engines whose `replace_strict` is a hash lookup; on the SQL engines (DuckDB, PySpark,
# sqlframe) narwhals builds a map per row for it, and a CASE expression is several times
# faster. (polars is listed, but takes the CASE-like chain too: see `_lookup`.)
_HASHING = {"POLARS", "PANDAS", "PYARROW", "DASK", "MODIN", "CUDF"}


def _lookup(expr: Any, mapped: Mapping[str, str], members: Sequence[str], frame: AnyFrame) -> Any:
    """`expr` with each term of `mapped` replaced by its member name (one of `members`),
    others null."""
    polars = frame.implementation.name == "POLARS"
    if not polars and frame.implementation.name in _HASHING:
        return expr.replace_strict(
            list(mapped), list(mapped.values()), default=None, return_dtype=nw.String
        )
    # On polars the result is an `Enum` of the members, four bytes a row instead of a
    # string, which compares with the member names as text does; and a chain of
    # comparisons allocates about half what polars' `replace_strict` (a join with the
    # mapping) does.
    dtype = nw.Enum(members) if polars else nw.String
    by_member: dict[str, list[str]] = {}
    for term, member in mapped.items():
        by_member.setdefault(member, []).append(term)
    chain: Any = None
    for member, terms in by_member.items():
        condition = expr == terms[0] if len(terms) == 1 else expr.is_in(terms)
        value = nw.lit(member, dtype=dtype)
        chain = (
            nw.when(condition).then(value) if chain is None else chain.when(condition).then(value)
        )
    return chain.otherwise(nw.lit(None, dtype=dtype))


def _raise_at(
    frame: AnyFrame,
    resolved: Mapping[str, str],
    actual: str,
    condition: Any,
    problem: str,
    **params: object,
) -> None:
    """Raise a `FrameError` for `actual` naming the first rows where `condition` holds;
    `problem` is the key of its message, `params` its parameters."""
    indexed = _with_row_number(frame, resolved.get("key", frame.columns[0]))
    bad = indexed.filter(condition.fill_null(False)).select("__dua_row")
    bad = bad.sort("__dua_row").head(MAX_ROWS_SHOWN)
    table = bad.collect() if isinstance(bad, nw.LazyFrame) else bad
    rows = [int(row) + 1 for row in table["__dua_row"].to_list()]
    raise FrameError(actual, problem, rows, **params)


def _terms(column: FrameColumn) -> str:
    assert column.categories is not None
    return ", ".join(mask_value(str(member.value))[1:-1] for member in column.categories)


def _with_row_number(frame: AnyFrame, order_by: str) -> AnyFrame:
    # A lazy frame (DuckDB, Dask, PySpark, polars lazy) has no row order of its own that
    # every backend keeps; its rows are counted in the order of the person key.
    if isinstance(frame, nw.LazyFrame):
        return frame.with_row_index("__dua_row", order_by=order_by)
    return frame.with_row_index("__dua_row")


# -- layouts ------------------------------------------------------------------------------

PERSONS = FrameLayout(
    "persons",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",),
                    description="the pseudonymous person key that joins the frames"),
        FrameColumn(name="birth_date", swedish="födelsedatum", kind="date", required=True),
        FrameColumn(name="sex", swedish="kön", kind="category", categories=Sex,
                    extra={"k": "FEMALE", "f": "FEMALE", "m": "MALE", "woman": "FEMALE"}),
        FrameColumn(name="home_municipality", swedish="hemkommun", kind="text",
                    aliases=("kommunkod",), description="SCB code, four digits"),
        FrameColumn(name="residence", swedish="folkbokföringsstatus", kind="category",
                    aliases=("folkbokföring", "bosättningsstatus"), categories=ResidenceStatus,
                    extra={"registered": "REGISTERED"}),
        FrameColumn(name="registered_in_sweden", swedish="folkbokförd_i_sverige", kind="date"),
        FrameColumn(name="education", swedish="utbildningsnivå", kind="category",
                    categories=EducationLevel),
        FrameColumn(name="foreign_born", swedish="utrikes_född", kind="boolean"),
        FrameColumn(name="disability", swedish="funktionsnedsättning", kind="boolean"),
        FrameColumn(name="newly_arrived", swedish="nyanländ", kind="boolean"),
    ),
)  # fmt: skip
"""One row per person (the model's [`Person`][dua.model.Person] fields that are not
histories)."""

ENROLMENTS = FrameLayout(
    "enrolments",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="kind", swedish="inskrivning", kind="category", required=True,
                    aliases=("skolform", "enrolment"), categories=EnrolmentKind,
                    extra={"gymnasiesärskola": "ADAPTED_UPPER_SECONDARY"}),
        FrameColumn(name="start", swedish="inskrivning_start", kind="date", required=True,
                    aliases=("inskriven_från", "enrolment_start", "startdatum")),
        FrameColumn(name="end", swedish="inskrivning_slut", kind="date",
                    aliases=("inskriven_till", "enrolment_end", "slutdatum")),
    ),
)  # fmt: skip
"""One row per enrolment ([`Enrolment`][dua.model.Enrolment]), joined by `key`."""

QUALIFICATIONS = FrameLayout(
    "qualifications",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="kind", swedish="dokument", kind="category", required=True,
                    aliases=("bevis", "qualification"), categories=QualificationKind,
                    extra={"bevis anpassad gymnasieskola": "ADAPTED_CERTIFICATE"}),
        FrameColumn(name="on", swedish="datum", kind="date", required=True, aliases=("date",)),
    ),
)  # fmt: skip
"""One row per school document ([`Qualification`][dua.model.Qualification]), joined by `key`."""

REGISTRATIONS = FrameLayout(
    "registrations",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="start", swedish="startdatum", kind="date", required=True),
        FrameColumn(name="end", swedish="slutdatum", kind="date"),
        FrameColumn(name="category", swedish="sökandekategori", kind="text",
                    aliases=("kategori",), description="AF registration category code, e.g. 11"),
        FrameColumn(name="programme", swedish="program", kind="text",
                    description="programme code, e.g. uga, job"),
    ),
)  # fmt: skip
"""One row per registration at Arbetsförmedlingen ([`Registration`][dua.model.Registration])."""

OUTCOMES = FrameLayout(
    "outcomes",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="outcome", swedish="utfall", kind="category", required=True,
                    categories=Outcome),
        FrameColumn(name="on", swedish="datum", kind="date", required=True, aliases=("startdatum",)),
        FrameColumn(name="end", swedish="slutdatum", kind="date"),
    ),
)  # fmt: skip
"""One row per start of work, studies or own business ([`OutcomeEvent`][dua.model.OutcomeEvent])."""

TRACKS = FrameLayout(
    "tracks",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="track", swedish="spår", kind="text", required=True),
        FrameColumn(name="start", swedish="startdatum", kind="date", required=True),
        FrameColumn(name="end", swedish="slutdatum", kind="date"),
        FrameColumn(name="outcome", swedish="utfall", kind="category", categories=Outcome),
        FrameColumn(name="outcome_on", swedish="utfallsdatum", kind="date"),
    ),
)  # fmt: skip
"""One row per participation in a track ([`TrackParticipation`][dua.model.TrackParticipation])."""

SOCIAL_ASSISTANCE = FrameLayout(
    "social_assistance",
    (
        FrameColumn(name="key", swedish="nyckel", kind="text", required=True, aliases=("pseudonym",)),
        FrameColumn(name="year", swedish="år", kind="integer", required=True),
        FrameColumn(name="month", swedish="månad", kind="integer", required=True),
    ),
)  # fmt: skip
"""One row per month with social assistance ([`SocialAssistanceMonth`][dua.model.SocialAssistanceMonth])."""

LAYOUTS: Mapping[str, FrameLayout] = {
    layout.name: layout
    for layout in (PERSONS, ENROLMENTS, QUALIFICATIONS, REGISTRATIONS, OUTCOMES, TRACKS,
                   SOCIAL_ASSISTANCE)
}  # fmt: skip
"""Every layout by name."""


def read(
    frame: object,
    layout: FrameLayout,
    *,
    columns: Mapping[str, str] | None = None,
    wanted: Collection[str] | None = None,
    check: bool = True,
) -> tuple[AnyFrame, dict[str, Any]]:
    """`frame` as a narwhals frame, with an expression per model column it holds (typed as
    [`typed`][dua.frames._columns.typed] makes them) after the names, types and (with
    `check`) values are checked. The frame's own columns are left as they are.

    Category columns are read by the terms the frame holds (see
    [`check_values`][dua.frames._columns.check_values]) when values are checked or the
    frame is eager; a lazy frame read with `check=False` is not queried, and its category
    terms are normalised row by row instead (same answers, more work on the engine).

    Raises:
        FrameError: `frame` is not a data frame, or a column is missing, of the wrong type
            or holds a bad value.
    """
    from dua.frames._backend import from_native

    native = from_native(frame, argument=layout.name)
    resolved = resolve(layout, native.columns, columns, wanted)
    exprs = typed(native, layout, resolved)
    if check or not isinstance(native, nw.LazyFrame):
        # On an eager frame the query of distinct terms costs next to nothing and makes
        # the category columns cheap; a lazy frame is queried only when asked to check.
        exprs = check_values(native, layout, resolved, exprs, check=check)
    return native, exprs
