"""Every backend `dua.frames` promises, built from one pyarrow table, and the way back to
plain Python rows for comparing answers (issue 9, part 1: pandas, polars eager and lazy,
pyarrow, DuckDB relations, Dask, the PySpark API through sqlframe)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

import dask.dataframe as dd
import duckdb
import narwhals.stable.v2 as nw
import pandas as pd
import polars as pl
import pyarrow as pa
from sqlframe.duckdb import DuckDBDataFrame, DuckDBSession

Builder = Callable[[pa.Table], Any]

_CONNECTION = duckdb.connect()
_NAMES = itertools.count()


def spark_session() -> DuckDBSession:
    """The one sqlframe session of the whole test run. sqlframe keeps a single
    `DuckDBSession` per process (a later `DuckDBSession(conn=...)` returns the first one,
    with the first one's connection), so every test and the docs page take the active
    session, as PySpark code does with `SparkSession.builder.getOrCreate()`, and never
    make their own: then it does not matter which of them asks first."""
    return DuckDBSession.builder.getOrCreate()


def _pandas(table: pa.Table) -> pd.DataFrame:
    # Dates as datetime64, the way pandas users usually hold them; booleans with nulls in
    # pandas' nullable "boolean" dtype (numpy's bool has no null).
    return table.to_pandas(date_as_object=False, types_mapper={pa.bool_(): pd.BooleanDtype()}.get)


def _duckdb(table: pa.Table) -> duckdb.DuckDBPyRelation:
    return _CONNECTION.from_arrow(table)


def _dask(table: pa.Table) -> Any:
    return dd.from_pandas(_pandas(table), npartitions=1)


def _sqlframe(table: pa.Table) -> Any:
    session = spark_session()
    # The table is made in the session's own DuckDB connection (sqlframe names it `_conn`;
    # it has no public accessor), so that the session can read it.
    connection = session._conn
    name = f"dua_t{next(_NAMES)}"
    connection.register(f"{name}_arrow", table)
    connection.execute(f"create table {name} as select * from {name}_arrow")
    connection.unregister(f"{name}_arrow")
    return session.table(name)


BACKENDS: dict[str, Builder] = {
    "pandas": _pandas,
    "polars": pl.from_arrow,  # type: ignore[dict-item]  # returns a DataFrame for a Table
    "polars-lazy": lambda table: pl.from_arrow(table).lazy(),  # type: ignore[union-attr]
    "pyarrow": lambda table: table,
    "duckdb": _duckdb,
    "dask": _dask,
    "sqlframe": _sqlframe,
}
"""Backend name → a function making that backend's frame from a pyarrow table."""

LAZY = {"polars-lazy", "duckdb", "dask", "sqlframe"}


def native_kind(backend: str) -> type:
    """The type a rule must hand back for `backend` (the kind that came in; for sqlframe a
    DataFrame, of which the table the tests read from is a subclass)."""
    if backend == "sqlframe":
        return DuckDBDataFrame
    return type(BACKENDS[backend](pa.table({"a": [1]})))


def rows(frame: Any, key: str = "key") -> list[dict[str, Any]]:
    """The rows of a native frame of any backend as dicts, sorted by `key`, with nulls as
    `None` (pandas and Dask give NaN/NaT for nulls)."""
    nw_frame = nw.from_native(frame)
    if isinstance(nw_frame, nw.LazyFrame):
        nw_frame = nw_frame.collect(backend="pyarrow")
    table = nw_frame.to_arrow()
    out = [{name: _clean(value) for name, value in row.items()} for row in table.to_pylist()]
    return sorted(out, key=lambda row: str(row[key]))


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    return value
