"""Every result type as a typed frame (issue 9, part 3: "Every result type has an export").

The issue's complaint was that `pd.DataFrame(assessments)` is a column of reprs, numbers
come out as `Fraction` objects, and a table built from `Cell.count` reveals what a report
suppresses. These tests hold the opposite: typed columns per backend, exact values
recoverable, and a suppressed count absent from the frame.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from fractions import Fraction
from typing import Any

import attrs
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dua import examples
from dua.errors import FrameError
from dua.frames import to_frame
from dua.io.followup import load_followup
from dua.metrics import (
    Finding,
    GenderBalance,
    assess_agreement,
    check_agreement,
    cross_tabulate,
    gender_by_group,
    mapping_tables,
)
from dua.metrics.mapping import Cell, CrossTable, Tally, foreign_born, sex, tally_from_counts
from dua.model import Person
from dua.rules.kaa import kaa_register
from dua.schedule import schedule
from dua.testing import persons

ON = date(2018, 12, 31)
EXPORTS = ("pandas", "polars", "pyarrow")


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    """One of every result type, from the bundled examples and their synthetic data."""
    agreement = examples.load("norrkoping-2018")
    people = [
        Person(key=f"p{i}", birth_date=date(1999 + i % 4, 3, 1), home_municipality="0581",
               foreign_born=i < 2)
        for i in range(12)
    ]  # fmt: skip
    return {
        "assessments": assess_agreement(agreement, load_followup("norrkoping-2018"), ON),
        "kaa": kaa_register(people, date(2018, 6, 30)),
        "tally": mapping_tables(people, ON, threshold=3),
        "cross": cross_tabulate(people, sex(), foreign_born(), threshold=3),
        "gender": gender_by_group(people, key=lambda p: p.home_municipality),
        "findings": check_agreement(examples.load("hallefors-2015")),
        "calendar": schedule(examples.load("hallefors-2015"), date(2015, 1, 1), date(2019, 12, 31)),
    }


INT = {"pandas": pd.ArrowDtype(pa.int64()), "polars": pl.Int64, "pyarrow": pa.int64()}
DATE = {"pandas": pd.ArrowDtype(pa.date32()), "polars": pl.Date, "pyarrow": pa.date32()}
TEXT = {"pandas": pd.ArrowDtype(pa.string()), "polars": pl.String, "pyarrow": pa.string()}
BOOL = {"pandas": pd.ArrowDtype(pa.bool_()), "polars": pl.Boolean, "pyarrow": pa.bool_()}
FLOAT = {"pandas": pd.ArrowDtype(pa.float64()), "polars": pl.Float64, "pyarrow": pa.float64()}

# Result → {column: kind} for the columns whose type the issue names (counts, dates,
# statuses as code and label, exact values).
TYPES: dict[str, dict[str, dict[str, Any]]] = {
    "assessments": {"on": DATE, "goal_status": TEXT, "status": TEXT, "status_label": TEXT,
                    "numerator": INT, "denominator": INT, "observed": FLOAT,
                    "observed_exact": TEXT, "deadline": DATE, "depth": INT},
    "kaa": {"on": DATE, "count": INT, "covered": BOOL, "reason": TEXT},
    "tally": {"count": INT, "suppressed": BOOL, "total": INT, "share": FLOAT},
    "cross": {"count": INT, "suppressed": BOOL, "row_total": BOOL},
    "gender": {"women": INT, "men": INT, "unknown": INT, "known": INT, "balanced": BOOL,
               "women_share": FLOAT, "lower_exact": TEXT},
    "findings": {"kind": TEXT, "kind_label": TEXT, "path": TEXT},
    "calendar": {"on": DATE, "kind": TEXT, "basis": TEXT, "exact": BOOL},
}  # fmt: skip


def dtype(frame: Any, column: str, backend: str) -> Any:
    if backend == "pyarrow":
        return frame.schema.field(column).type
    if backend == "polars":
        return frame.schema[column]
    return frame.dtypes[column]


@pytest.mark.parametrize("backend", EXPORTS)
@pytest.mark.parametrize("name", list(TYPES))
def test_columns_are_typed_per_backend(results: dict[str, Any], name: str, backend: str) -> None:
    frame = to_frame(results[name], backend)
    assert len(frame) > 0
    for column, kinds in TYPES[name].items():
        assert dtype(frame, column, backend) == kinds[backend], column


def test_an_empty_list_needs_its_type_and_gives_the_columns() -> None:
    frame = to_frame([], "polars", of=Finding)
    assert frame.columns[:3] == ["kind", "kind_label", "path"]
    assert len(frame) == 0
    with pytest.raises(TypeError, match="of="):
        to_frame([], "polars")


def test_an_unknown_backend_is_a_frame_error() -> None:
    with pytest.raises(FrameError, match="backend"):
        to_frame(GenderBalance(women=1, men=1), "excel")  # type: ignore[arg-type]


def test_statuses_are_stable_codes_with_labels(results: dict[str, Any]) -> None:
    frame = to_frame(results["assessments"], "polars", lang="en")
    assert set(frame["goal_status"]) <= {
        "ATTAINED", "NOT_ATTAINED", "ON_TRACK", "OFF_TRACK", "NOT_ASSESSABLE",
    }  # fmt: skip
    labels = dict(zip(frame["status"], frame["status_label"], strict=True))
    assert labels.get("ATTAINED", "attained") == "attained"


def flatten(result: Any) -> list[Any]:
    return [result, *(r for part in result.parts for r in flatten(part))]


def test_one_row_per_result_with_exact_numbers(results: dict[str, Any]) -> None:
    """Goal assessments: one row per result, unit, year and step, depth first, and every
    exact number back as a Fraction from its `_exact` column (the float beside it agrees)."""
    assessments = results["assessments"]
    rows = to_frame(assessments, "pyarrow").to_pylist()
    expected = [(a, r) for a in assessments for result in a.results for r in flatten(result)] + [
        (a, None) for a in assessments if not a.results
    ]
    assert len(rows) == len(expected)
    by_goal: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_goal.setdefault(row["goal"], []).append(row)
    for assessment in assessments:
        goal_rows = by_goal[assessment.goal]
        results_in_order = [r for top in assessment.results for r in flatten(top)]
        if not results_in_order:  # a goal without results still has its row
            assert [row["result"] for row in goal_rows] == [None]
            continue
        for row, result in zip(goal_rows, results_in_order, strict=True):
            assert row["status"] == result.status.name
            assert (row["numerator"], row["denominator"]) == (result.numerator, result.denominator)
            for name in ("baseline", "target", "upper", "observed", "expected", "gap"):
                value = getattr(result, name)
                exact = row[f"{name}_exact"]
                assert (None if exact is None else Fraction(exact)) == value, name
                assert row[name] == (None if value is None else float(value))


def test_gender_shares_are_recoverable_exactly(results: dict[str, Any]) -> None:
    balances: dict[str, GenderBalance] = results["gender"]
    for row in to_frame(balances, "pyarrow").to_pylist():
        balance = balances[row["group"]]
        assert (row["women"], row["men"], row["unknown"]) == (
            balance.women,
            balance.men,
            balance.unknown,
        )
        if balance.known:
            assert Fraction(row["women"], row["known"]) == balance.women_share.value
        else:
            assert row["women_share"] is None
        assert Fraction(row["lower_exact"]) == balance.lower


def test_kaa_register_counts_add_up_and_hold_no_keys(results: dict[str, Any]) -> None:
    register = results["kaa"]
    frame = to_frame(register, "polars")
    assert frame.filter(pl.col("covered"))["count"].sum() == register.total
    assert frame.filter(~pl.col("covered"))["count"].sum() == sum(register.not_covered.values())
    assert "key" not in frame.columns


def hide_differently(table: Tally | CrossTable) -> Tally | CrossTable:
    """The same table with every hidden count changed: what a frame shows of it must not
    change."""

    def other(cell: Cell) -> Cell:
        return attrs.evolve(cell, count=cell.count + 7) if cell.suppressed else cell

    if isinstance(table, Tally):
        return attrs.evolve(table, cells=tuple(map(other, table.cells)), total=other(table.total))
    return attrs.evolve(
        table,
        cells=tuple(tuple(map(other, line)) for line in table.cells),
        row_totals=tuple(map(other, table.row_totals)),
        column_totals=tuple(map(other, table.column_totals)),
        total=other(table.total),
    )


@settings(max_examples=25)
@given(
    people=st.lists(persons(track_ids=()), max_size=10),
    threshold=st.integers(min_value=1, max_value=5),
)
def test_a_suppressed_count_is_nowhere_in_the_frame(people: list[Person], threshold: int) -> None:
    """DOMAIN.md §6 small-cell suppression: a hidden count is null with `suppressed` set,
    and the frame is the same whatever the hidden counts are (so neither a share nor a
    total in it can give one away)."""
    on = date(2016, 12, 31)
    tables: list[Tally | CrossTable] = [
        cross_tabulate(people, sex(), foreign_born(), threshold=threshold),
        *mapping_tables(
            [p for p in people if p.birth_date <= on], on, threshold=threshold
        ).values(),
    ]
    for table in tables:
        frame = to_frame(table, "polars")
        hidden = frame.filter(pl.col("suppressed"))
        assert hidden["count"].null_count() == len(hidden)
        if "share" in frame.columns:
            assert hidden["share"].null_count() == len(hidden)
        assert frame.equals(to_frame(hide_differently(table), "polars"))


def test_the_issue_example_a_hidden_count_is_null() -> None:
    """Two foreign-born among twelve with threshold 3: both counts hidden (primary and
    secondary), the zero and the total shown."""
    table = tally_from_counts(foreign_born(), {"utrikes född": 2, "inrikes född": 10}, threshold=3)
    frame = to_frame(table, "pandas")
    assert frame["count"].isna().tolist() == [True, True, False, False]
    assert 2 not in frame["count"].dropna().tolist()
    assert 10 not in frame["count"].dropna().tolist()
    assert frame["suppressed"].tolist() == [True, True, False, False]


def test_the_calendar_lists_dated_and_undated_items(results: dict[str, Any]) -> None:
    plan = results["calendar"]
    frame = to_frame(plan, "polars")
    assert frame.filter(pl.col("on").is_not_null()).height == len(plan.occurrences)
    undated = frame.filter(pl.col("on").is_null())
    assert undated["unscheduled"].to_list() == [u.reason.name for u in plan.unscheduled]


def test_importing_the_result_types_loads_no_frame_library() -> None:
    """`to_frame` is a function of `dua.frames`, not a method that imports narwhals: the
    result types and `import dua` stay free of frame libraries."""
    code = (
        "import sys, dua, dua.metrics, dua.rules.kaa, dua.schedule, dua.io.followup\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(loaded & {'narwhals', 'pandas', 'polars', 'pyarrow', 'duckdb', 'dask'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
