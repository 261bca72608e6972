"""Follow-up events and meetings counted on the engine.

The counts the goals judge, computed where the follow-up data lives instead of in Python
objects: [`event_counts`][dua.frames.counts.event_counts] counts the events of a window per
kind, unit and qualifier (what a `COUNT` or `MILESTONES` goal counts, see
[`count_events`][dua.metrics.observations.count_events]), and
[`meeting_counts`][dua.frames.counts.meeting_counts] the meetings of a window per body
(what a `CADENCE` goal counts, see
[`count_meetings`][dua.metrics.observations.count_meetings]). Both take the frames of the
follow-up files (the columns of `events.csv` and `meetings.csv` in
[`dua.io.followup`][dua.io.followup], English or Swedish names, or mapped with
`columns=`), from any backend, and hand back a frame of the same kind (a lazy frame stays
lazy) with one row per group, in no particular order. A property test holds each count to
the object function on every backend.

Text values are taken as they are on the engine: write them as the files are read
(trimmed, a missing value as a null rather than an empty text).

>>> from datetime import date
>>> import polars as pl
>>> events = pl.DataFrame({"kind": ["traineejobb"] * 3, "date": [date(2016, m, 1) for m in (2, 5, 9)],
...                        "unit": ["1863", "1863", "1885"]})
>>> event_counts(events, start=date(2016, 1, 1), on=date(2016, 12, 31)).sort("unit").rows()
[('traineejobb', '1863', None, 2), ('traineejobb', '1885', None, 1)]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dua.frames._backend import nw, to_native
from dua.frames._columns import FrameColumn, FrameLayout, read

__all__ = ["EVENTS", "MEETINGS", "event_counts", "meeting_counts"]

EVENTS = FrameLayout(
    "events",
    (
        FrameColumn(name="kind", swedish="typ", kind="text", required=True, aliases=("händelse",),
                    description="what happened; matches a goal's indicator"),
        FrameColumn(name="date", swedish="datum", kind="date", required=True),
        FrameColumn(name="unit", swedish="enhet", kind="text"),
        FrameColumn(name="qualifier", swedish="inriktning", kind="text"),
    ),
)  # fmt: skip
"""One row per event ([`Event`][dua.metrics.observations.Event]), as in `events.csv`."""

MEETINGS = FrameLayout(
    "meetings",
    (
        FrameColumn(name="body", swedish="organ", kind="text", required=True, aliases=("grupp",)),
        FrameColumn(name="date", swedish="datum", kind="date", required=True),
        FrameColumn(name="topics", swedish="ämnen", kind="text",
                    description="texts separated by ;, empty when unrecorded"),
    ),
)  # fmt: skip
"""One row per meeting ([`Meeting`][dua.metrics.observations.Meeting]), as in
`meetings.csv` (topics as one text, items separated by `;`)."""


def _last(on: date, end: date | None) -> date:
    return on if end is None else min(on, end)


def _text(exprs: Mapping[str, Any], name: str) -> Any:
    return exprs[name] if name in exprs else nw.lit(None, dtype=nw.String)


def event_counts(
    events: Any,
    *,
    start: date,
    on: date,
    end: date | None = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The events from `start` to `on` (or to `end`, when it comes first), counted per
    `kind`, `unit` and `qualifier` (null: none given), in a column `count` (int64).

    Row for row the count that
    [`count_events`][dua.metrics.observations.count_events] gives for the kind, the unit
    and the qualifier (`qualifier=None` there counts every qualifier: the sum of the rows
    of that kind and unit here; the whole agreement is the sum over the units).

    Args:
        events: one row per event (`kind`, `date`, optionally `unit`, `qualifier`), any
            frame narwhals reads.
        start: the first day of the window.
        on: the day asked about: later events are not yet known.
        end: the last day of the window, or `None` (open).
        columns: model name → the frame's column name.
        check: check that `kind` and `date` have no empty values first.

    Raises:
        FrameError: a column is missing, of the wrong type or empty where it must not be.
    """
    native, exprs = read(events, EVENTS, columns=columns, check=check)
    day = exprs["date"]
    rows = native.filter(((day >= start) & (day <= _last(on, end))).fill_null(False)).select(
        exprs["kind"].alias("kind"),
        _text(exprs, "unit").alias("unit"),
        _text(exprs, "qualifier").alias("qualifier"),
    )
    counted = rows.group_by("kind", "unit", "qualifier").agg(nw.len().alias("count"))
    return to_native(counted.with_columns(nw.col("count").cast(nw.Int64)))


def meeting_counts(
    meetings: Any,
    *,
    start: date,
    on: date,
    end: date | None = None,
    indicator: str | None = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The meetings from `start` to `on` (or to `end`, when it comes first), counted per
    `body` in a column `count` (int64); with `indicator`, a meeting that lists topics
    counts only when the indicator is one of them (items of `topics` are separated by `;`
    and trimmed, as the file reader splits them).

    Row for row the count that
    [`count_meetings`][dua.metrics.observations.count_meetings] gives for the body. A body
    with no meeting in the window has no row (count 0).

    Raises:
        FrameError: a column is missing, of the wrong type or empty where it must not be.
    """
    native, exprs = read(meetings, MEETINGS, columns=columns, check=check)
    day = exprs["date"]
    keep = ((day >= start) & (day <= _last(on, end))).fill_null(False)
    if indicator is not None and "topics" in exprs:
        # The topics as "a;b" (spaces around the separators and at the ends, and
        # separators at the ends, removed): the indicator is an item when it is the whole
        # text, its first or last item, or found between two separators.
        items = exprs["topics"].str.replace_all(r"\s*;\s*", ";").str.strip_chars()
        items = items.str.strip_chars(";")
        # Each part is made null-free on its own (Dask cannot filter on a null).
        listed = (items.str.len_chars() > 0).fill_null(False)
        name = indicator.strip()
        wanted = (
            (items == name)
            | items.str.starts_with(f"{name};")
            | items.str.ends_with(f";{name}")
            | items.str.contains(f";{name};", literal=True)
        ).fill_null(False)
        keep = keep & (~listed | wanted)
    rows = native.filter(keep).select(exprs["body"].alias("body"))
    counted = rows.group_by("body").agg(nw.len().alias("count"))
    return to_native(counted.with_columns(nw.col("count").cast(nw.Int64)))
