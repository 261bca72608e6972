"""Native frames of every backend `dua.frames` promises, built from Python rows, for the
tests of metrics, exports and follow-up frames (issue 9, part 3).

Every frame is built from one pyarrow table, so that each backend gets the same typed
columns: pandas (arrow dtypes), polars eager and lazy, pyarrow, DuckDB, Dask and sqlframe
(the PySpark API on DuckDB).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import dask.dataframe as dd
import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
from sqlframe.duckdb import DuckDBSession

from dua.metrics.observations import Participant
from dua.model import Person

BACKENDS = ("pandas", "polars", "polars-lazy", "pyarrow", "duckdb", "dask", "sqlframe")
"""Every backend; the last three are lazy engines whose queries take longer."""

SLOW = frozenset({"duckdb", "dask", "sqlframe"})

_CONNECTION = duckdb.connect()
# One sqlframe session for the whole run (starting one is slow), on its own connection.
_SPARK_CONNECTION = duckdb.connect()
_SESSION = DuckDBSession(conn=_SPARK_CONNECTION)
_NAMES = itertools.count()


def _sqlframe(table: pa.Table) -> Any:
    # Through a DuckDB table: sqlframe's createDataFrame goes row by row through Python.
    name = f"dua_results_{next(_NAMES)}"
    _SPARK_CONNECTION.register(f"{name}_arrow", table)
    _SPARK_CONNECTION.execute(f"create table {name} as select * from {name}_arrow")
    _SPARK_CONNECTION.unregister(f"{name}_arrow")
    return _SESSION.table(name)


def _pandas(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def native(table: pa.Table, backend: str) -> Any:
    """`table` as a native frame of `backend`."""
    if backend == "pyarrow":
        return table
    if backend == "pandas":
        return _pandas(table)
    if backend == "polars":
        return pl.from_arrow(table)
    if backend == "polars-lazy":
        return pl.from_arrow(table).lazy()  # type: ignore[union-attr]
    if backend == "duckdb":
        return _CONNECTION.from_arrow(table)
    if backend == "dask":
        return dd.from_pandas(_pandas(table), npartitions=1)
    if backend == "sqlframe":
        return _sqlframe(table)
    raise AssertionError(backend)


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
