"""The small named expressions the frame rules are built from, on every backend, against
the dates they stand for (`dua.frames.expressions`)."""

from __future__ import annotations

from datetime import date

import narwhals.stable.v2 as nw
import pyarrow as pa
import pytest

from dua.frames.expressions import after_day_of_year
from tests.frames.backends import BACKENDS, rows

# (day, year, expected): is `day` after 30 June of `year`? The 30 June of the year a
# person turns 16 is the last day of compulsory schooling by the default rule (skollagen
# (SFS 2010:800) 7 kap. 10, 12 §§), which KAA reads through `after_day_of_year`. Every
# month is here: polars gives months and days as 8-bit integers, and the comparison once
# overflowed in them (`month * 100`), wrong for every month from February on.
AFTER_30_JUNE = [
    (date(2017, 6, 30), 2017, False),
    (date(2017, 7, 1), 2017, True),
    (date(2017, 6, 29), 2017, False),
    (date(2017, 1, 1), 2017, False),
    (date(2017, 12, 31), 2017, True),
    (date(2016, 12, 31), 2017, False),
    (date(2018, 1, 1), 2017, True),
    (date(2018, 6, 30), 2017, True),
    *((date(2017, month, 15), 2017, month > 6) for month in range(1, 13)),
    *((date(2017, 6, day), 2017, False) for day in (1, 10, 29, 30)),
    # An unknown day is not after anything: null, or false where the engine has no null
    # booleans for comparisons (pandas and Dask compare NaT as false).
    (None, 2017, None),
]


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_after_day_of_year_is_the_order_of_dates(backend: str) -> None:
    table = pa.table(
        {
            "key": [str(index) for index in range(len(AFTER_30_JUNE))],
            "day": pa.array([day for day, _, _ in AFTER_30_JUNE], pa.date32()),
            "year": pa.array([year for _, year, _ in AFTER_30_JUNE], pa.int32()),
        }
    )
    frame = nw.from_native(BACKENDS[backend](table))
    out = frame.select(
        nw.col("key"),
        after_day_of_year(nw.col("day"), nw.col("year"), 6, 30).alias("after"),
    ).to_native()
    got = {row["key"]: row["after"] for row in rows(out)}
    for index, (day, _, after) in enumerate(AFTER_30_JUNE):
        if after is None:
            assert got[str(index)] in (None, False), day
        else:
            assert got[str(index)] is after, day
