"""Follow-up data and data frames, both ways: [`FollowUpData`][dua.metrics.observations.FollowUpData]
from frames, and the follow-up files read into frames.

[`follow_up_from_frames`][dua.frames.followup.follow_up_from_frames] takes frames with the
columns of the follow-up files (`observations`, `events`, `participants`, `meetings`,
`measures`; the columns of [`dua.io.followup`][dua.io.followup], English or Swedish names)
from any backend, and reads their rows with **the same parsers and row checks as the CSV
and Excel readers** ([`followup_from_records`][dua.io.followup.followup_from_records]):
the same values are accepted and the same problems found. A problem is reported as one
line, [`FrameError`][dua.errors.FrameError], naming the frame, the column, what is wrong and
up to five row numbers (counted from 1 in the frame's order; a lazy frame is taken in the
order its engine returns it). Building the objects needs the rows in Python, so the
frames are collected: follow-up tables are small (one row per observation, event,
participant or meeting).

[`read_frame`][dua.frames.followup.read_frame] reads a follow-up file (CSV or `.xlsx`)
with the file readers — every check and message of [`dua.io.followup`][dua.io.followup] —
and hands the rows back as a typed frame of pandas, polars or pyarrow, with the file's
column names, so that `follow_up_from_frames` reads it back unchanged. Values are exact:
an observation's `value` is a decimal column (the file's decimals, not a float).

>>> import polars as pl
>>> from datetime import date
>>> events = pl.DataFrame({"kind": ["traineejobb", "traineejobb"], "date": [date(2016, 3, 1), date(2016, 5, 2)]})
>>> len(follow_up_from_frames(events=events).events)
2
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from dua.errors import FileFormatError, FrameError, ValidationError
from dua.frames._backend import BACKENDS, Backend, from_native, nw
from dua.frames.export import _convert
from dua.i18n import render
from dua.io import followup as files
from dua.metrics.observations import FollowUpData, Observation

__all__ = ["follow_up_from_frames", "read_frame"]

_PATH = re.compile(r"^(?P<kind>\w+)\[(?P<row>\d+)\](?:\.(?P<column>.+))?$")
_SHOWN_ROWS = 5


def _records(kind: str, frame: object | None) -> list[dict[str, object]]:
    if frame is None:
        return []
    native = from_native(frame, argument=kind)
    eager = native.collect(backend="pyarrow") if isinstance(native, nw.LazyFrame) else native
    records: list[dict[str, object]] = eager.to_arrow().to_pylist()
    return records


def _one_line(error: ValidationError) -> FrameError:
    """The first problem's frame and column, with the rows of every problem there."""
    first = error.problems[0]
    match = _PATH.match(first.path)
    if match is None:  # a problem of a whole frame (e.g. not a list): no rows to name
        return FrameError(first.path, "error.frames.problem", problem=first.message)
    kind, column = match["kind"], match["column"]
    rows: list[int] = []
    for problem in error.problems:
        other = _PATH.match(problem.path)
        if other is not None and (other["kind"], other["column"]) == (kind, column):
            rows.append(int(other["row"]))
    more = len(error.problems) - len(rows)
    tail = render("error.frames.more", n=more) if more else ""
    return FrameError(
        column or render("error.frames.whole_row"),
        "error.frames.in_frame",
        sorted(set(rows))[:_SHOWN_ROWS],
        frame=kind,
        problem=first.message,
        more=tail,
    )


def follow_up_from_frames(
    *,
    observations: object | None = None,
    events: object | None = None,
    participants: object | None = None,
    meetings: object | None = None,
    measures: object | None = None,
    synthetic: bool = False,
    sources: tuple[str, ...] = (),
) -> FollowUpData:
    """[`FollowUpData`][dua.metrics.observations.FollowUpData] from frames (each optional)
    with the columns of the follow-up files; `measures` has the columns `indicator` and
    `measure`. List columns (`topics`, `statuses`) may be lists or texts separated by `;`.
    `synthetic` and `sources` are stored as given (a report names the sources).

    Raises:
        FrameError: a frame is not a data frame, or a value or row is wrong (the first
            problem, its column and the rows that have it; the full list is the error's
            `__cause__`, a [`ValidationError`][dua.errors.ValidationError]).
    """
    try:
        return files.followup_from_records(
            observations=_records("observations", observations),
            events=_records("events", events),
            participants=_records("participants", participants),
            meetings=_records("meetings", meetings),
            measures=_records("measures", measures),
            synthetic=synthetic,
            sources=sources,
        )
    except ValidationError as error:
        raise _one_line(error) from error


# -- files to frames -------------------------------------------------------------------------


def _decimal(value: Fraction | None) -> Decimal | None:
    """A value read from a file as the exact decimal it was written as."""
    if value is None:
        return None
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
        if digits > 18:  # not a decimal a file can hold; a bug if it ever came from one
            raise AssertionError(f"{value} is not a finite decimal")
    scaled = value * 10**digits
    return Decimal(scaled.numerator).scaleb(-digits)


def _scale(values: Sequence[Decimal | None]) -> int:
    exponents = [-int(v.as_tuple().exponent) for v in values if v is not None]
    return max([0, *exponents])


def _period(observation: Observation) -> str | None:
    period = observation.period
    if period is None:
        return None
    end = period.end
    return f"{period.start.isoformat()}/{'' if end is None else end.isoformat()}"


def _listed(values: Sequence[str] | frozenset[str]) -> str | None:
    return "; ".join(sorted(values) if isinstance(values, frozenset) else values) or None


_Columns = dict[str, tuple[Any, Callable[[Any], object]]]

_STRING, _DATE, _INT = nw.String(), nw.Date(), nw.Int64()

_COLUMNS: dict[str, _Columns] = {
    "events": {
        "kind": (_STRING, lambda e: e.kind),
        "date": (_DATE, lambda e: e.on),
        "unit": (_STRING, lambda e: e.unit),
        "qualifier": (_STRING, lambda e: e.qualifier),
    },
    "participants": {
        "key": (_STRING, lambda p: p.key),
        "track": (_STRING, lambda p: p.track),
        "unit": (_STRING, lambda p: p.unit),
        "sex": (_STRING, lambda p: None if p.sex is None else p.sex.value),
        "start": (_DATE, lambda p: p.start),
        "end": (_DATE, lambda p: p.end),
        "outcome": (_STRING, lambda p: None if p.outcome is None else p.outcome.value),
        "outcome_on": (_DATE, lambda p: p.outcome_on),
        "statuses": (_STRING, lambda p: _listed(p.statuses)),
    },
    "meetings": {
        "body": (_STRING, lambda m: m.body),
        "date": (_DATE, lambda m: m.on),
        "topics": (_STRING, lambda m: _listed(m.topics)),
    },
    "measures": {
        "indicator": (_STRING, lambda pair: pair[0]),
        "measure": (_STRING, lambda pair: pair[1]),
    },
}


def _columns(kind: str, rows: Sequence[Any]) -> tuple[dict[str, list[object]], dict[str, Any]]:
    if kind == "observations":
        values = [_decimal(o.value) for o in rows]
        columns: _Columns = {
            "indicator": (_STRING, lambda o: o.indicator),
            "unit": (_STRING, lambda o: o.unit),
            "date": (_DATE, lambda o: o.on),
            "period": (_STRING, _period),
            "numerator": (_INT, lambda o: o.numerator),
            "denominator": (_INT, lambda o: o.denominator),
        }
        data = {name: [read(o) for o in rows] for name, (_, read) in columns.items()}
        schema = {name: dtype for name, (dtype, _) in columns.items()}
        data["value"] = list(values)
        schema["value"] = nw.Decimal(precision=38, scale=_scale(values))
        order = ["indicator", "unit", "date", "period", "value", "numerator", "denominator"]
        return {name: data[name] for name in order}, {name: schema[name] for name in order}
    spec = _COLUMNS[kind]
    data = {name: [read(row) for row in rows] for name, (_, read) in spec.items()}
    return data, {name: dtype for name, (dtype, _) in spec.items()}


_READERS: dict[str, Callable[..., Any]] = {
    "observations": files.read_observations,
    "events": files.read_events,
    "participants": files.read_participants,
    "meetings": files.read_meetings,
    "measures": files.read_measures,
}


def read_frame(
    path: str | os.PathLike[str],
    kind: str | None = None,
    *,
    backend: Backend = "polars",
    sheet: str | None = None,
) -> Any:
    """Read one follow-up file (CSV or `.xlsx`) with the file readers of
    [`dua.io.followup`][dua.io.followup] and return its rows as a typed `backend` frame
    (`"pandas"`, `"polars"` or `"pyarrow"`) with the file's columns (English names).

    `kind` is one of `observations`, `events`, `participants`, `meetings`, `measures`;
    by default the file's name without suffix (`events.csv` → `events`). Dates are
    `date32`, counts `int64`, an observation's `value` an exact decimal; choices (sex,
    outcome) are their Swedish terms, lists (`topics`, `statuses`) texts separated by `;`.

    Raises:
        FileFormatError: the file cannot be read, or `kind` is not a kind of follow-up file.
        ValidationError: every problem in the file, by line and column (as the file readers).
    """
    name = kind if kind is not None else os.path.basename(os.fspath(path)).rpartition(".")[0]
    read = _READERS.get(name)
    if read is None:
        raise FileFormatError(
            "error.frames.followup_kind",
            file=os.fspath(path),
            kind=repr(name),
            known=", ".join(_READERS),
        )
    if backend not in BACKENDS:
        raise FrameError(
            "backend", "error.frames.backend", backend=repr(backend), known=", ".join(BACKENDS)
        )
    result = read(path, sheet=sheet)
    rows: list[Any] = list(result.items()) if name == "measures" else list(result)
    data, schema = _columns(name, rows)
    table = nw.to_native(nw.from_dict(data, schema=schema, backend="pyarrow"))
    return _convert(table, backend)
