"""The plumbing every rule on columns shares: reading the persons frame and its histories,
joining per-person facts from the histories by key, and adding the rule's columns.

A rule is written as small named expressions (see [`dua.frames.expressions`][dua.frames.expressions])
over the model's column names; this module turns them into the four columns every frame
rule adds: `<rule>`, `<rule>_reason`, `<rule>_value` and `<rule>_version`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from dua.errors import FrameError, mask_reprs
from dua.frames._backend import AnyFrame, nw, to_native
from dua.frames._columns import FrameLayout, read

__all__ = [
    "HistoryFacts",
    "Outcome",
    "Persons",
    "fuse",
    "history_aggregates",
    "same_kind",
]

_ORDER = "__dua_order"
_NULL_TYPES: dict[str, Any] = {
    "text": nw.String,
    "category": nw.String,
    "date": nw.Date,
    "integer": nw.Int64,
    "boolean": nw.Boolean,
}
_KEY = "__dua_key"


@mask_reprs
@attrs.frozen(kw_only=True)
class Outcome:
    """What a rule says about each row: its criteria in order, each as an expression that
    is true where the criterion *fails* (null counts as not failing), optionally an
    expression for `holds` when it is not simply "no criterion failed" (a criterion that
    cannot be judged makes a rule not hold without failing), the value and the version
    (a version id, or a string expression where the version applied differs by row, as for
    an entry date judged by the version in force on that date)."""

    rule: str
    criteria: Sequence[tuple[str, Any]]
    version: str | Any
    value: Any = None
    holds: Any = None
    value_always: bool = False
    extra: Mapping[str, Any] = attrs.field(factory=dict)


class Persons:
    """A persons frame being worked on: the user's frame, the model columns it holds as
    expressions (`col`), and facts joined from histories."""

    def __init__(
        self,
        frame: object,
        layout: FrameLayout,
        *,
        columns: Mapping[str, str] | None,
        wanted: Sequence[str],
        check: bool,
    ) -> None:
        native, exprs = read(frame, layout, columns=columns, wanted=wanted, check=check)
        self.original_columns = list(native.columns)
        self.lazy = isinstance(native, nw.LazyFrame)
        self.layout = layout
        self._facts: set[str] = set()
        self._flags: set[str] = set()
        # The model columns are computed once into helper columns, so that the rule's
        # expressions refer to plain columns: on SQL backends (DuckDB, PySpark/sqlframe)
        # this keeps the generated query small.
        # A wanted column the frame does not have is unknown for every row: a typed null
        # column (a real column, as some backends cannot apply date functions to literals).
        columns_in = {
            name: exprs.get(name, _null(layout[name].kind, layout, exprs)) for name in wanted
        }
        self.exprs = {name: nw.col(f"__dua_c_{name}") for name in columns_in}
        self._helpers: list[str] = [f"__dua_c_{name}" for name in columns_in]
        helpers = (
            *(expr.alias(f"__dua_c_{name}") for name, expr in columns_in.items()),
            exprs["key"].alias(_KEY),
        )
        self._helpers.append(_KEY)
        self._user: AnyFrame | None = None
        self._key = exprs["key"]
        self._fused = isinstance(native, nw.DataFrame) and (
            native.implementation is nw.Implementation.POLARS
        )
        if self._fused:
            # An eager polars frame is worked on as one lazy polars query over the helper
            # columns alone (the user's columns are not carried through the joins), whose
            # result columns are put beside the user's frame at the end: polars keeps the
            # row order of a lazy query that only adds columns and joins with
            # `maintain_order="left"`, so no row number and no sort are needed.
            self._user = native
            working: AnyFrame = native.lazy().select(*helpers)
        else:
            working = native.with_columns(*helpers)
            if not self.lazy:
                working = working.with_row_index(_ORDER)  # type: ignore[call-arg]  # eager frames need no order_by
                self._helpers.append(_ORDER)
        self.frame: AnyFrame = working

    def adopt(self, frame: AnyFrame) -> AnyFrame:
        """`frame` (a history read from the user, or facts derived from one) in the kind
        this persons frame is worked on in, after checking that the user gave both frames
        of the same kind (a `FrameError` if not)."""
        same_kind(frame, self)
        if self._fused and not isinstance(frame, nw.LazyFrame):
            return frame.lazy()
        return frame

    def col(self, name: str) -> Any:
        """The model column `name` (one of the wanted columns) as an expression; null in
        every row when the frame lacks it (an absent optional column is unknown)."""
        return self.exprs[name]

    def has(self, fact: str) -> bool:
        """Whether the per-person `fact` was joined from a history."""
        return fact in self._facts

    def number(self, name: str) -> Any:
        """The joined per-person number `name` (0 when the history has no row)."""
        return nw.col(name).fill_null(0) if name in self._facts else nw.lit(0)

    def fact(self, name: str) -> Any:
        """The joined per-person fact `name` as a boolean expression (false when the
        history was not given)."""
        if name in self._flags:
            return nw.col(name)
        return nw.col(name).fill_null(0) == 1 if name in self._facts else nw.lit(False)

    def define(self, **exprs: Any) -> dict[str, Any]:
        """Add helper columns (`__dua_d_<name>`) for `exprs` and return expressions that
        refer to them. A rule that uses one intermediate result several times defines it
        once: the expressions stay small and each backend computes it once."""
        self.frame = self.frame.with_columns(
            *(expr.alias(f"__dua_d_{name}") for name, expr in exprs.items())
        )
        self._helpers.extend(f"__dua_d_{name}" for name in exprs)
        return {name: nw.col(f"__dua_d_{name}") for name in exprs}

    def number_rows(self, name: str) -> None:
        """Add a row number `name` that identifies each row (in key order on lazy frames,
        which have no row order of their own; rows that tie are alike in every column the
        rules read, so which of them gets which number does not change an answer)."""
        if self._fused:
            # The lazy polars query keeps the user's row order (see `__init__`).
            self.frame = nw.from_native(self.frame.to_native().with_row_index(name))
        elif self.lazy:
            order = [f"__dua_c_{column}" for column in self.exprs]
            self.frame = self.frame.with_row_index(name, order_by=order)
        else:
            self.frame = self.frame.with_columns(nw.col(_ORDER).alias(name))
        self._helpers.append(name)

    def join_on(self, facts: AnyFrame, on: str, names: Sequence[str]) -> None:
        """Left-join `facts` (one row per value of the helper column `on`)."""
        self.frame = self._left_join(facts, on)
        self._facts.update(names)
        self._helpers.extend(names)

    def join(self, facts: AnyFrame, names: Sequence[str]) -> None:
        """Left-join per-person `facts` (one row per key, in column `__dua_key`) and keep
        the frame's row order where it has one. Absent facts are null (read as 0)."""
        facts = self.adopt(facts)
        # Column names are tracked here rather than asked of the frame: on some lazy
        # backends (PySpark, sqlframe) asking for the schema runs a query.
        self.frame = self._left_join(facts, _KEY)
        self._facts.update(names)
        self._helpers.extend(names)

    def join_histories(
        self,
        histories: Sequence[HistoryFacts],
        *,
        columns: Mapping[str, str] | None,
        check: bool,
    ) -> None:
        """Add the per-person facts of several histories (each fact true where some row of
        the history, among those its `where` keeps, makes it true), in one pass: the
        histories' rows are put under one another and grouped by key once, and joined to
        the persons once.

        On an eager polars frame the history rows that make some fact true are instead
        matched to the persons' row numbers by one join, and each fact is set at those
        row numbers: no grouping, and the persons' row order is kept without a sort.

        Raises:
            FrameError: a history is not a frame of the persons' kind, or a column of it
                is missing, of the wrong type or holds a bad value.
        """
        read_in = []
        for history in histories:
            native, exprs = read(history.history, history.layout, columns=columns, check=check)
            same_kind(native, self)
            rows = native.lazy() if self._fused else native
            rows = rows.select(*_with_absent(history.layout, exprs))
            if history.where is not None:
                rows = rows.filter(history.where.fill_null(False))
            read_in.append((rows, history.facts))
        names = [name for _, facts in read_in for name in facts]
        if self._fused:
            self._look_up_flags(read_in)
        elif len(read_in) == 1:
            rows, facts = read_in[0]
            self.join(_aggregate_flags(rows, facts, names), names)
        elif read_in:
            parts = [_flag_rows(rows, facts, names) for rows, facts in read_in]
            merged = nw.concat(parts, how="vertical")  # type: ignore[type-var]  # all of one kind, checked above
            grouped = merged.group_by(_KEY).agg(*(nw.col(name).max() for name in names))
            self.join(grouped, names)

    def _look_up_flags(self, read_in: Sequence[tuple[AnyFrame, Mapping[str, Any]]]) -> None:
        """The fused polars form of `join_histories`: the history rows that make some fact
        true, matched to the persons' row numbers by one join on the key, and each fact a
        boolean column set at the matched row numbers.

        (Measured at 1 M persons, 2026-11-30: about 50 ms for the four facts of KAA, where
        a lookup of each person's key among the history's keys, polars' `is_in`, took
        about 130 ms per fact, and a grouping by key with a left join that keeps the
        order about 100 ms in all. Joining on a 64-bit hash of the key, each match then
        checked against the key, was as fast at 1 M and 13 % faster at 10 M, but took
        about 20 MiB more at 1 M: the join on the key itself is kept.)"""
        import polars as pl

        assert self._user is not None
        names = [name for _, facts in read_in for name in facts]
        if not names:
            return
        parts = [
            rows.select(
                nw.col("key").alias(_KEY),
                *(
                    (facts[name].fill_null(False) if name in facts else nw.lit(False)).alias(name)
                    for name in names
                ),
            )
            .filter(nw.any_horizontal(*(nw.col(name) for name in names), ignore_nulls=True))
            .to_native()
            for rows, facts in read_in
        ]
        row = "__dua_row"
        user = self._user.to_native()
        numbered = self._user.select(self._key.alias(_KEY)).to_native().lazy()
        numbered = numbered.with_row_index(row)
        matched = (
            pl.concat(parts, how="vertical")
            .join(numbered, on=_KEY, how="inner")
            .select(row, *names)
            .collect()
        )
        height = user.height
        flags = [
            pl.zeros(height, dtype=pl.Boolean, eager=True)
            .scatter(matched.filter(pl.col(name))[row], True)
            .alias(name)
            for name in names
        ]
        self.frame = nw.from_native(self.frame.to_native().with_columns(flags))
        self._facts.update(names)
        self._flags.update(names)
        self._helpers.extend(names)

    def _left_join(self, facts: AnyFrame, on: str) -> AnyFrame:
        if self._fused:
            # polars is asked to keep the rows in order, which spares a sort (and a copy of
            # the frame) at the end; narwhals' join has no such option.
            left, right = self.frame.to_native(), facts.to_native()
            joined: AnyFrame = nw.from_native(
                left.join(right, on=on, how="left", maintain_order="left")
            )
            return joined
        # AnyFrame is DataFrame | LazyFrame; facts come from `adopt` or are derived from
        # this frame, so both sides are the same kind, which the union cannot express.
        return self.frame.join(facts, on=on, how="left")  # type: ignore[arg-type]  # see above

    def result(self, *outcomes: Outcome) -> Any:
        """The user's frame with each outcome's columns, as the native kind it came in."""
        added: list[Any] = []
        reasons: list[Any] = []
        for index, outcome in enumerate(outcomes):
            # The reason (the first failing criterion) is worked out once, as a helper
            # column, straight from the criteria: an SQL engine's CASE then judges a
            # criterion only for the rows that passed the ones before it. The rule holds
            # where no criterion fails: where the reason is null.
            helper = f"__dua_r{index}"
            reasons.append(_reason(outcome, enum=self._fused).alias(helper))
            self._helpers.append(helper)
            rule = outcome.rule
            reason = nw.col(helper)
            holds = reason.is_null() if outcome.holds is None else outcome.holds.fill_null(False)
            added.append(holds.alias(rule))
            added.append(reason.alias(f"{rule}_reason"))
            if outcome.value is not None:
                value = (
                    outcome.value if outcome.value_always else nw.when(holds).then(outcome.value)
                )
                added.append(value.alias(f"{rule}_value"))
            version = (
                nw.lit(outcome.version, dtype=nw.String)
                if isinstance(outcome.version, str)
                else outcome.version
            )
            added.append(version.alias(f"{rule}_version"))
            added.extend(expr.alias(f"{rule}_{name}") for name, expr in outcome.extra.items())
        frame = self.frame
        if reasons:
            frame = frame.with_columns(*reasons)
        if self._user is not None:
            return self._beside_user(frame.select(*added), outcomes)
        if _ORDER in self._helpers:
            frame = frame.sort(_ORDER)
        # One select keeps the user's columns and adds the rule's (cheaper than a drop of
        # the helper columns on SQL backends).
        kept = [nw.col(name) for name in self.original_columns if name not in self._new(outcomes)]
        return to_native(frame.select(*kept, *added))

    def _beside_user(self, added: AnyFrame, outcomes: Sequence[Outcome]) -> Any:
        """The fused polars query's result columns (`added`, in the user's row order) put
        beside the user's eager polars frame, whose own columns are not copied; a user
        column with the name of a new one is replaced, as `result` does elsewhere."""
        import polars as pl

        assert self._user is not None
        assert isinstance(added, nw.LazyFrame)
        user = self._user.to_native()
        new = self._new(outcomes)
        kept = user.drop([name for name in self.original_columns if name in new])
        # (A horizontal concat keeps a constant column, such as the version, a constant:
        # it takes no memory per row until it is used.)
        return pl.concat([kept, added.collect().to_native()], how="horizontal")

    @staticmethod
    def _new(outcomes: Sequence[Outcome]) -> set[str]:
        names: set[str] = set()
        for outcome in outcomes:
            rule = outcome.rule
            names.update({rule, f"{rule}_reason", f"{rule}_value", f"{rule}_version"})
            names.update(f"{rule}_{name}" for name in outcome.extra)
        return names


@mask_reprs
@attrs.frozen(kw_only=True)
class HistoryFacts:
    """Per-person facts to take from one history frame for
    [`Persons.join_histories`][dua.frames._rules.Persons.join_histories]: `facts` maps a
    fact's name to a per-row boolean expression over the layout's model names; rows where
    `where` is false are left out first."""

    history: object
    layout: FrameLayout
    facts: Mapping[str, Any]
    where: Any = None


def _flag_rows(rows: AnyFrame, facts: Mapping[str, Any], names: Sequence[str]) -> AnyFrame:
    """`rows` as the key and one 0/1 column per name of `names` (0 for the names that are
    not facts of this history), so that several histories can be put under one another."""
    return rows.select(
        nw.col("key").alias(_KEY),
        *(
            (facts[name].fill_null(False) if name in facts else nw.lit(False))
            .cast(nw.Int32)
            .alias(name)
            for name in names
        ),
    )


def _aggregate_flags(rows: AnyFrame, facts: Mapping[str, Any], names: Sequence[str]) -> AnyFrame:
    return (
        _flag_rows(rows, facts, names).group_by(_KEY).agg(*(nw.col(name).max() for name in names))
    )


def _null(kind: str, layout: FrameLayout, exprs: Mapping[str, Any]) -> Any:
    """A null of type `kind` for every row. A date null is made from a date column the
    frame has (taken where the key is both null and not null: nowhere), because Dask
    cannot apply date functions to a null literal."""
    if kind == "date":
        for name, expr in exprs.items():
            if layout[name].kind == "date":
                key = exprs["key"]
                return nw.when(key.is_null() & ~key.is_null()).then(expr)
    return nw.lit(None, dtype=_NULL_TYPES[kind])


def _with_absent(layout: FrameLayout, exprs: Mapping[str, Any]) -> list[Any]:
    """The expressions of a history read by `read`, and a typed null column for each
    optional column of its layout the frame does not have (an enrolment without `end` is
    ongoing), so that a rule's `where` and facts may name every column of the layout."""
    return [
        *exprs.values(),
        *(
            _null(column.kind, layout, exprs).alias(column.name)
            for column in layout.columns
            if column.name not in exprs
        ),
    ]


def _reason(outcome: Outcome, *, enum: bool = False) -> Any:
    """The first failing criterion's name (null when none fails). With `enum` (polars) the
    chain is worked out as an `Enum` of the names, four bytes a row at each step, and
    made text once at the end: the same column, with a fraction of the memory."""
    names = list(dict.fromkeys(name for name, _ in outcome.criteria))
    dtype = nw.Enum(names) if enum and names else nw.String
    result: Any = None
    for name, fails in outcome.criteria:
        condition = fails.fill_null(False)
        result = (
            nw.when(condition).then(nw.lit(name, dtype=dtype))
            if result is None
            else result.when(condition).then(nw.lit(name, dtype=dtype))
        )
    if result is None:
        return nw.lit(None, dtype=nw.String)
    result = result.otherwise(nw.lit(None, dtype=dtype))
    return result.cast(nw.String) if dtype != nw.String else result


def history_aggregates(
    history: object,
    layout: FrameLayout,
    aggregates: Mapping[str, tuple[Any, str]],
    *,
    columns: Mapping[str, str] | None,
    check: bool,
    where: Any = None,
    unique: bool = False,
) -> AnyFrame:
    """One row per key of `history` with, for each name in `aggregates`, a per-row
    expression (over the layout's model names) aggregated by `"max"`, `"min"` or `"sum"`;
    the key in `__dua_key`. Rows where `where` is false are left out first; with `unique`,
    repeated rows (after the per-row expressions) count once."""
    native, exprs = read(history, layout, columns=columns, check=check)
    native, fused = fuse(native)
    canonical = native.select(*_with_absent(layout, exprs))
    if where is not None:
        canonical = canonical.filter(where.fill_null(False))
    rows = canonical.select(
        nw.col("key").alias(_KEY), *(expr.alias(name) for name, (expr, _) in aggregates.items())
    )
    if unique:
        rows = rows.unique()
    result = rows.group_by(_KEY).agg(
        *(getattr(nw.col(name), how)() for name, (_, how) in aggregates.items())
    )
    return result.collect() if fused and isinstance(result, nw.LazyFrame) else result


def fuse(frame: AnyFrame) -> tuple[AnyFrame, bool]:
    """An eager polars frame as a polars lazy frame (and `True`), so that the steps of a
    rule run as one optimised query instead of one query per step; the caller collects
    the result. Other frames come back as they are (and `False`)."""
    if isinstance(frame, nw.DataFrame) and frame.implementation is nw.Implementation.POLARS:
        return frame.lazy(), True
    return frame, False


def same_kind(frame: AnyFrame, persons: Persons) -> None:
    """Raise a `FrameError` unless `frame` is eager or lazy as the persons frame is."""
    if isinstance(frame, nw.LazyFrame) != persons.lazy:
        raise FrameError("key", "error.frames.same_kind")
