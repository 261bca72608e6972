"""Native frames of every backend `dua.frames` promises, built from Python rows, for the
tests of metrics, exports and follow-up frames (issue 9, part 3).

Every frame is built from one pyarrow table by the builders of `tests.frames.backends`, so
that each backend gets the same columns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa

from dua.metrics.observations import Participant
from dua.model import Person
from tests.frames.backends import BACKENDS as BUILDERS

BACKENDS = tuple(BUILDERS)
"""Every backend: pandas, polars eager and lazy, pyarrow, DuckDB, Dask, sqlframe."""

SLOW = frozenset({"duckdb", "dask", "sqlframe"})


def native(table: pa.Table, backend: str) -> Any:
    """`table` as a native frame of `backend` (the builders of `tests.frames.backends`;
    pandas and Dask with arrow types, which hold a null in a boolean or integer column)."""
    if backend == "pandas":
        return table.to_pandas(types_mapper=pd.ArrowDtype)
    if backend == "dask":
        return dd.from_pandas(table.to_pandas(types_mapper=pd.ArrowDtype), npartitions=1)
    return BUILDERS[backend](table)


def table(columns: Mapping[str, tuple[pa.DataType, Sequence[object]]]) -> pa.Table:
    """A pyarrow table from column name → (type, values)."""
    return pa.table(
        {name: pa.array(list(values), type=kind) for name, (kind, values) in columns.items()}
    )


def _rows(
    records: Sequence[Any], fields: Mapping[str, tuple[pa.DataType, Callable[[Any], object]]]
) -> pa.Table:
    return table(
        {name: (kind, [read(r) for r in records]) for name, (kind, read) in fields.items()}
    )


def _value(value: object) -> object:
    return None if value is None else getattr(value, "value", value)


def persons_table(persons: Sequence[Person]) -> pa.Table:
    return _rows(
        persons,
        {
            "key": (pa.string(), lambda p: p.key),
            "birth_date": (pa.date32(), lambda p: p.birth_date),
            "sex": (pa.string(), lambda p: _value(p.sex)),
            "home_municipality": (pa.string(), lambda p: None if p.home_municipality is None else str(p.home_municipality)),
            "foreign_born": (pa.bool_(), lambda p: p.foreign_born),
            "disability": (pa.bool_(), lambda p: p.disability),
            "education": (pa.string(), lambda p: _value(p.education)),
        },
    )  # fmt: skip


def registrations_table(persons: Sequence[Person]) -> pa.Table:
    rows = [(p.key, r) for p in persons for r in p.registrations]
    return _rows(
        rows,
        {
            "key": (pa.string(), lambda row: row[0]),
            "start": (pa.date32(), lambda row: row[1].start),
            "end": (pa.date32(), lambda row: row[1].end),
            "category": (pa.string(), lambda row: row[1].category),
            "programme": (pa.string(), lambda row: row[1].programme),
        },
    )


def social_assistance_table(persons: Sequence[Person]) -> pa.Table:
    rows = [(p.key, m) for p in persons for m in p.social_assistance]
    return _rows(
        rows,
        {
            "key": (pa.string(), lambda row: row[0]),
            "year": (pa.int64(), lambda row: row[1].year),
            "month": (pa.int64(), lambda row: row[1].month),
        },
    )


def participants_table(participants: Sequence[Participant]) -> pa.Table:
    return _rows(
        participants,
        {
            "key": (pa.string(), lambda p: p.key),
            "track": (pa.string(), lambda p: p.track),
            "unit": (pa.string(), lambda p: p.unit),
            "sex": (pa.string(), lambda p: _value(p.sex)),
            "start": (pa.date32(), lambda p: p.start),
            "end": (pa.date32(), lambda p: p.end),
            "outcome": (pa.string(), lambda p: _value(p.outcome)),
            "outcome_on": (pa.date32(), lambda p: p.outcome_on),
        },
    )
