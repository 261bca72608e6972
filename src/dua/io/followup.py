"""Follow-up data from files: the tables a municipality exports (CSV or `.xlsx`), a JSON
document, and the bundled synthetic datasets.

The data classes and what is computed from them live in
[`dua.metrics.observations`][dua.metrics.observations]; this module only reads. Every file
is read with the rules of [`dua.io.tables`][dua.io.tables]: UTF-8 with or without BOM, `;`
or `,` separators, decimal comma, dates `YYYY-MM-DD`, Swedish or English column names, and
every problem reported by line and column.

**One file per kind of data** (the columns are documented in `docs/inputs.md`; each layout
below lists them with their Swedish names):

| file | layout | rows become |
|---|---|---|
| `observations.csv` | [`OBSERVATIONS`][dua.io.followup.OBSERVATIONS] | [`Observation`][dua.metrics.observations.Observation] |
| `events.csv` | [`EVENTS`][dua.io.followup.EVENTS] | [`Event`][dua.metrics.observations.Event] |
| `participants.csv` | [`PARTICIPANTS`][dua.io.followup.PARTICIPANTS] | [`Participant`][dua.metrics.observations.Participant] |
| `meetings.csv` | [`MEETINGS`][dua.io.followup.MEETINGS] | [`Meeting`][dua.metrics.observations.Meeting] |
| `measures.csv` | [`MEASURES_TABLE`][dua.io.followup.MEASURES_TABLE] | indicator → participant measure |

[`followup_from_files`][dua.io.followup.followup_from_files] reads the files the `dua
report` command is given; [`read_followup`][dua.io.followup.read_followup] reads a folder
holding them (or a JSON document); [`load_followup`][dua.io.followup.load_followup] the
bundled **synthetic** datasets: invented numbers about no real person, made so that every
goal of every bundled example gets a computed status. Each result records the files it was
read from in `FollowUpData.sources`, so that a report can name them.

>>> data = load_followup("hallefors-2015")
>>> data.synthetic, len(data.events) > 0, data.sources[0]
(True, True, 'dua.examples.followup:hallefors-2015/observations.csv')
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import attrs

from dua.errors import (
    FileFormatError,
    Problem,
    UnknownExampleError,
    ValidationError,
    contains_identity_number,
    mask_value,
)
from dua.i18n import KeyedValueError
from dua.identifiers import is_pseudonym
from dua.io._parse import loads_json, read_limited_text
from dua.io.tables import (
    CSV_SUFFIXES,
    XLSX_SUFFIXES,
    Column,
    Layout,
    Reading,
    Row,
    RowError,
    choice,
    mask_text,
    parse_csv,
    parse_date,
    parse_fraction,
    parse_list,
    parse_whole_number,
    read_mappings,
    read_rows,
    read_table,
)
from dua.metrics.observations import (
    MEASURES,
    Event,
    FollowUpData,
    Meeting,
    Observation,
    Participant,
    parse_period,
)
from dua.model import Outcome, Period, Sex

__all__ = [
    "EVENTS",
    "FILES",
    "MEASURES_TABLE",
    "MEETINGS",
    "OBSERVATIONS",
    "PARTICIPANTS",
    "followup_from_files",
    "followup_from_records",
    "followup_names",
    "load_followup",
    "read_events",
    "read_followup",
    "read_json",
    "read_measures",
    "read_meetings",
    "read_observations",
    "read_participants",
]

T = TypeVar("T")
PathLike = str | os.PathLike[str]

# A pseudonymous key must not be an identity number (DOMAIN.md §7): neither ten or twelve
# digits alone nor anything shaped like one anywhere in it (`contains_identity_number`).
_IDENTITY_SHAPE = re.compile(r"^(\d{6}|\d{8})[-+ ]?\d{4}$")


def _period(value: str) -> Period:
    try:
        if "/" in value:
            start, _, end = value.partition("/")
            # Both ends as strict dates: parse_period would also take 20160101.
            return Period(start=parse_date(start.strip()), end=parse_date(end.strip()))
        return parse_period(value)
    except ValueError:
        raise KeyedValueError("error.followup.period", shown=mask_value(value)) from None


def _value(value: str) -> Fraction:
    # An observation's value is in its indicator's unit: "21,0 %" means 21,0 per cent for
    # a percent indicator, so the sign is decoration here (see dua.metrics.observations).
    return parse_fraction(value.removesuffix("%").rstrip() if value.endswith("%") else value)


_SEX = choice(
    Sex,
    {"k": Sex.FEMALE, "female": Sex.FEMALE, "f": Sex.FEMALE, "m": Sex.MALE, "male": Sex.MALE},
)
_OUTCOME = choice(Outcome)

OBSERVATIONS = Layout(
    "observations",
    (
        Column(
            name="indicator",
            swedish="indikator",
            required=True,
            description="the goal's indicator (`Goal.indicator`)",
        ),
        Column(
            name="unit",
            swedish="enhet",
            description="a municipality code, track id or body id; empty for the whole agreement",
        ),
        Column(
            name="date",
            swedish="datum",
            parse=parse_date,
            kind="date YYYY-MM-DD",
            description="the day the value describes (or give a period)",
        ),
        Column(
            name="period",
            swedish="period",
            parse=_period,
            kind="period 2016, 2016-09 or 2016-01-01/2016-06-30",
            description="the period the value describes (or give a date)",
        ),
        Column(
            name="value",
            swedish="värde",
            parse=_value,
            kind="number (decimal comma or point)",
            description="the value in the indicator's unit (21,0 for 21,0 %); or give a numerator and a denominator",
        ),
        Column(
            name="numerator",
            swedish="täljare",
            parse=parse_whole_number,
            kind="whole number ≥ 0",
            description="how many of the population belong to the subset",
        ),
        Column(
            name="denominator",
            swedish="nämnare",
            parse=parse_whole_number,
            kind="whole number ≥ 0",
            description="the size of the population",
        ),
    ),
)
"""Columns of `observations.csv`: a measured value of an indicator."""

EVENTS = Layout(
    "events",
    (
        Column(
            name="kind",
            swedish="typ",
            aliases=("händelse",),
            required=True,
            description="what happened; matches the goal's indicator",
        ),
        Column(
            name="date",
            swedish="datum",
            parse=parse_date,
            required=True,
            kind="date YYYY-MM-DD",
            description="when it happened",
        ),
        Column(name="unit", swedish="enhet", description="the unit it belongs to"),
        Column(
            name="qualifier",
            swedish="inriktning",
            description="what it is, matched against a target's qualifier (e.g. riktat till kvinnor)",
        ),
    ),
)
"""Columns of `events.csv`: something that happened on a date."""

PARTICIPANTS = Layout(
    "participants",
    (
        Column(
            name="key",
            swedish="nyckel",
            aliases=("pseudonym",),
            required=True,
            description="a pseudonymous key or case number, never a personnummer",
        ),
        Column(
            name="track",
            swedish="spår",
            aliases=("jobbspår",),
            required=True,
            description="the track or programme",
        ),
        Column(name="unit", swedish="enhet", description="the municipality (SCB code)"),
        Column(
            name="sex",
            swedish="kön",
            parse=_SEX,
            kind="kvinna/man (K/M, woman/man)",
            description="empty when unknown",
        ),
        Column(
            name="start",
            swedish="startdatum",
            parse=parse_date,
            required=True,
            kind="date YYYY-MM-DD",
            description="first day in the track",
        ),
        Column(
            name="end",
            swedish="slutdatum",
            parse=parse_date,
            kind="date YYYY-MM-DD",
            description="last day; empty while it lasts",
        ),
        Column(
            name="outcome",
            swedish="utfall",
            parse=_OUTCOME,
            kind="arbete/studier/eget företag (work/studies/own business)",
            description="the first work, studies or own business after starting",
        ),
        Column(
            name="outcome_on",
            swedish="utfallsdatum",
            aliases=("outcome_date",),
            parse=parse_date,
            kind="date YYYY-MM-DD",
            description="the day the outcome started (given with the outcome)",
        ),
        Column(
            name="statuses",
            swedish="statusar",
            aliases=("status", "steg"),
            parse=parse_list,
            kind="texts separated by ;",
            description="stages reached, for conversion chains",
        ),
    ),
)
"""Columns of `participants.csv`: one person's participation in a track."""

MEETINGS = Layout(
    "meetings",
    (
        Column(
            name="body",
            swedish="organ",
            aliases=("grupp",),
            required=True,
            description="the body that met (its id in the agreement)",
        ),
        Column(
            name="date",
            swedish="datum",
            parse=parse_date,
            required=True,
            kind="date YYYY-MM-DD",
            description="the day of the meeting",
        ),
        Column(
            name="topics",
            swedish="ämnen",
            parse=parse_list,
            kind="texts separated by ;",
            description="what it covered; empty when unrecorded",
        ),
    ),
)
"""Columns of `meetings.csv`: a meeting a body held."""

MEASURES_TABLE = Layout(
    "measures",
    (
        Column(
            name="indicator",
            swedish="indikator",
            required=True,
            description="a share goal's indicator",
        ),
        Column(
            name="measure",
            swedish="mått",
            required=True,
            kind=" or ".join(MEASURES),
            description="the participant measure that computes it",
        ),
    ),
)
"""Columns of `measures.csv`: which participant measure computes a share goal."""

FILES = ("observations", "events", "participants", "meetings", "measures")
"""The kinds of follow-up file, which are also their file names without suffix."""


# -- rows to objects -----------------------------------------------------------------------


def _title(layout: Layout, name: str) -> str:
    return layout[name].title


def _observation(row: Row) -> Observation:
    on, period = row.get("date", date), row.get("period", Period)
    if on is None and period is None:
        raise RowError(
            "error.followup.date_or_period",
            date=_title(OBSERVATIONS, "date"),
            period=_title(OBSERVATIONS, "period"),
        )
    value = row.get("value", Fraction)
    numerator, denominator = row.get("numerator", int), row.get("denominator", int)
    if numerator is not None and denominator is None:
        raise RowError("error.followup.numerator_alone", "denominator")
    if denominator is not None and numerator is None:
        raise RowError("error.followup.denominator_alone", "numerator")
    if value is None and numerator is None:
        raise RowError(
            "error.followup.value_needed",
            value=_title(OBSERVATIONS, "value"),
            numerator=_title(OBSERVATIONS, "numerator"),
            denominator=_title(OBSERVATIONS, "denominator"),
        )
    if numerator is not None and denominator is not None and numerator > denominator:
        raise RowError(
            "error.followup.numerator_exceeds",
            "numerator",
            numerator=numerator,
            denominator=denominator,
        )
    return Observation(
        indicator=row.require("indicator", str),
        unit=row.get("unit", str),
        on=on,
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
    )


def _event(row: Row) -> Event:
    return Event(
        kind=row.require("kind", str),
        on=row.require("date", date),
        unit=row.get("unit", str),
        qualifier=row.get("qualifier", str),
    )


def _participant(row: Row) -> Participant:
    key = row.require("key", str)
    # A pseudonym made by `dua` (64 hexadecimal characters) is a keyed hash, whatever digits
    # it happens to hold.
    if not is_pseudonym(key) and (_IDENTITY_SHAPE.match(key) or contains_identity_number(key)):
        raise RowError(
            "error.followup.identity_key", "key", shown=mask_value(key), module="dua.io.persons"
        )
    start, end = row.require("start", date), row.get("end", date)
    if end is not None and end < start:
        raise RowError("error.followup.end_before_start", "end", end=end, start=start)
    outcome, outcome_on = row.get("outcome", Outcome), row.get("outcome_on", date)
    if outcome is not None and outcome_on is None:
        raise RowError("error.followup.outcome_needs_date", "outcome_on")
    if outcome_on is not None and outcome is None:
        raise RowError("error.followup.date_needs_outcome", "outcome")
    return Participant(
        key=key,
        track=row.require("track", str),
        start=start,
        end=end,
        unit=row.get("unit", str),
        sex=row.get("sex", Sex),
        outcome=outcome,
        outcome_on=outcome_on,
        statuses=row.get("statuses", tuple) or (),
    )


def _meeting(row: Row) -> Meeting:
    return Meeting(
        body=row.require("body", str),
        on=row.require("date", date),
        topics=row.get("topics", tuple) or (),
    )


def _measure(row: Row) -> tuple[Row, str, str]:
    measure = row.require("measure", str)
    if measure not in MEASURES:
        raise RowError(
            "error.followup.unknown_measure",
            "measure",
            measure=mask_value(measure),
            known=", ".join(MEASURES),
        )
    return row, row.require("indicator", str), measure


def _measures(entries: tuple[tuple[Row, str, str], ...]) -> tuple[dict[str, str], list[Problem]]:
    measures: dict[str, str] = {}
    first: dict[str, Row] = {}
    problems: list[Problem] = []
    for row, indicator, measure in entries:
        if indicator in first:
            problems.append(
                Problem.of(
                    row.path("indicator"),
                    "error.followup.indicator_twice",
                    indicator=mask_value(indicator),
                    first=first[indicator].where,
                )
            )
            continue
        first[indicator] = row
        measures[indicator] = measure
    return measures, problems


_BUILDERS: dict[str, tuple[Layout, Callable[[Row], Any]]] = {
    "observations": (OBSERVATIONS, _observation),
    "events": (EVENTS, _event),
    "participants": (PARTICIPANTS, _participant),
    "meetings": (MEETINGS, _meeting),
    "measures": (MEASURES_TABLE, _measure),
}


# -- single files --------------------------------------------------------------------------


def read_observations(path: PathLike, *, sheet: str | None = None) -> list[Observation]:
    """Read an observations table (CSV or `.xlsx`; columns in
    [`OBSERVATIONS`][dua.io.followup.OBSERVATIONS]).

    Raises:
        FileFormatError: the file cannot be read at all.
        ValidationError: every problem, by line and column, with the file name as source.
    """
    return read_table(path, OBSERVATIONS, _observation, sheet=sheet)


def read_events(path: PathLike, *, sheet: str | None = None) -> list[Event]:
    """Read an events table (columns in [`EVENTS`][dua.io.followup.EVENTS]).

    Raises:
        FileFormatError: the file cannot be read at all.
        ValidationError: every problem, by line and column.
    """
    return read_table(path, EVENTS, _event, sheet=sheet)


def read_participants(path: PathLike, *, sheet: str | None = None) -> list[Participant]:
    """Read a participants table (columns in [`PARTICIPANTS`][dua.io.followup.PARTICIPANTS]).

    A key shaped like a personal identity number is refused (masked in the message):
    participants are listed under pseudonyms (DOMAIN.md §7).

    Raises:
        FileFormatError: the file cannot be read at all.
        ValidationError: every problem, by line and column.
    """
    return read_table(path, PARTICIPANTS, _participant, sheet=sheet)


def read_meetings(path: PathLike, *, sheet: str | None = None) -> list[Meeting]:
    """Read a meetings table (columns in [`MEETINGS`][dua.io.followup.MEETINGS]).

    Raises:
        FileFormatError: the file cannot be read at all.
        ValidationError: every problem, by line and column.
    """
    return read_table(path, MEETINGS, _meeting, sheet=sheet)


def read_measures(path: PathLike, *, sheet: str | None = None) -> dict[str, str]:
    """Read a measures table (columns in [`MEASURES_TABLE`][dua.io.followup.MEASURES_TABLE]):
    indicator → participant measure, each indicator once.

    Raises:
        FileFormatError: the file cannot be read at all.
        ValidationError: every problem, by line and column.
    """
    reading = read_rows(path, MEASURES_TABLE, _measure, sheet=sheet)
    measures, problems = _measures(reading.results)
    reading.check(problems)
    return measures


_SINGLE: dict[str, Callable[..., Any]] = {
    "observations": read_observations,
    "events": read_events,
    "participants": read_participants,
    "meetings": read_meetings,
    "measures": read_measures,
}


def _gather(
    files: Mapping[str, Callable[[], Any]], source: str | None = None
) -> tuple[dict[str, Any], list[Problem], list[str]]:
    """Run each reader; collect results and every problem, the paths prefixed by file."""
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    failed: list[str] = []
    for kind, read in files.items():
        try:
            parts[kind] = read()
        except ValidationError as error:
            failed.append(error.source or kind)
            problems.extend(
                attrs.evolve(p, path=f"{error.source}, {p.path}" if error.source else p.path)
                for p in error.problems
            )
    return parts, problems, failed


def _followup(parts: Mapping[str, Any], sources: list[str], synthetic: bool) -> FollowUpData:
    return FollowUpData(
        observations=parts.get("observations", ()),
        events=parts.get("events", ()),
        participants=parts.get("participants", ()),
        meetings=parts.get("meetings", ()),
        measures=parts.get("measures", {}),
        synthetic=synthetic,
        sources=tuple(sources),
    )


def followup_from_files(
    *,
    observations: PathLike | None = None,
    participants: PathLike | None = None,
    events: PathLike | None = None,
    meetings: PathLike | None = None,
    measures: PathLike | None = None,
    sheet: str | None = None,
) -> FollowUpData:
    """Read the follow-up files given (each optional; CSV or `.xlsx`, or a
    [`TableData`][dua.io.tables.TableData] such as standard input) into one
    [`FollowUpData`][dua.metrics.observations.FollowUpData] whose `sources` lists the
    files read, as given, in the order observations, participants, events, meetings,
    measures. `sheet` names the sheet to read in every workbook given (default: the only
    sheet that holds data).

    Raises:
        FileFormatError: a file cannot be read at all.
        ValidationError: every problem in every file. With problems in one file its source
            is that file; with problems in several, each path starts with its file name
            (`observations.csv, line 14, column datum`).
    """
    given = {
        "observations": observations,
        "participants": participants,
        "events": events,
        "meetings": meetings,
        "measures": measures,
    }
    readers: dict[str, Callable[[], Any]] = {}
    sources: list[str] = []
    for kind, path in given.items():
        if path is not None:
            readers[kind] = _bind(_SINGLE[kind], path, sheet)
            sources.append(os.fspath(path))
    parts, problems, failed = _gather(readers)
    if problems:
        if len(failed) == 1:
            prefix = f"{failed[0]}, "
            problems = [attrs.evolve(p, path=p.path.removeprefix(prefix)) for p in problems]
            raise ValidationError(problems, source=failed[0])
        raise ValidationError(problems)
    return _followup(parts, sources, synthetic=False)


def _bind(read: Callable[..., T], path: PathLike, sheet: str | None = None) -> Callable[[], T]:
    return lambda: read(path, sheet=sheet)


# -- folders, JSON and the bundled datasets ------------------------------------------------


def _is_owner_file(name: str) -> bool:
    # Excel and LibreOffice leave lock files next to an open workbook or CSV.
    return name.startswith(("~$", ".~lock"))


def _folder_files(entries: list[Traversable], label: str) -> dict[str, Traversable]:
    found: dict[str, Traversable] = {}
    problems: list[Problem] = []
    expected = ", ".join(f"{kind}.csv" for kind in FILES)
    for entry in sorted(entries, key=lambda e: e.name):
        name = entry.name
        if not entry.is_file() or _is_owner_file(name) or name.startswith("."):
            continue
        stem, dot, suffix = name.rpartition(".")
        suffix = f"{dot}{suffix}".lower()
        if suffix not in (*CSV_SUFFIXES, *XLSX_SUFFIXES, ".json"):
            continue
        if stem not in FILES or suffix == ".json":
            problems.append(
                Problem.of(mask_text(name), "error.followup.not_a_file", expected=expected)
            )
        elif stem in found:
            problems.append(
                Problem.of(mask_text(name), "error.followup.both_in_folder", other=found[stem].name)
            )
        else:
            found[stem] = entry
    if problems:
        raise ValidationError(problems, source=label)
    return found


def _read_resource(kind: str, file: Traversable, label: str) -> Any:
    layout, build = _BUILDERS[kind]
    results = parse_csv(file.read_bytes(), layout, build, source=label)
    if kind == "measures":
        measures, problems = _measures(tuple(results))
        if problems:
            raise ValidationError(problems, source=label)
        return measures
    return results


def _read_folder(path: Path) -> FollowUpData:
    found = _folder_files(list(path.iterdir()), str(path))
    if not found:
        raise FileFormatError(
            "error.followup.empty_folder",
            folder=str(path),
            expected=", ".join(f"{kind}.csv" for kind in FILES),
        )
    kinds = [kind for kind in FILES if kind in found]
    readers = {kind: _bind(_SINGLE[kind], path / found[kind].name) for kind in kinds}
    parts, problems, _failed = _gather(readers)
    if problems:
        raise ValidationError(problems, source=str(path))
    return _followup(parts, [str(path / found[kind].name) for kind in kinds], synthetic=False)


def read_followup(path: PathLike) -> FollowUpData:
    """Read one agreement's follow-up data from a folder or a JSON file.

    A **folder** holds any of `observations`, `events`, `participants`, `meetings` and
    `measures` as `.csv` (or `.xlsx`); another `.csv`, `.xlsx` or `.json` file in it is an
    error, so that a misnamed file is not silently left out (other files, such as a
    README, and lock files of open spreadsheets are not looked at). A **`.json` file** is
    read with [`read_json`][dua.io.followup.read_json].

    Raises:
        FileFormatError: `path` is neither a folder nor a `.json` file, or the folder holds
            no follow-up file.
        ValidationError: every problem, each path starting with its file name.
    """
    file = Path(path)
    if file.is_dir():
        return _read_folder(file)
    if file.is_file() and file.suffix.lower() == ".json":
        try:
            text = read_limited_text(file)
        except (OSError, UnicodeDecodeError) as error:
            raise FileFormatError(
                "error.followup.not_utf8", file=file.name, reason=str(error)
            ) from None
        return attrs.evolve(read_json(text, source=file.name), sources=(str(file),))
    if not file.exists():
        raise FileFormatError("error.followup.no_such_path", file=str(file))
    raise FileFormatError(
        "error.followup.not_a_folder", file=str(file), function="followup_from_files"
    )


def followup_from_records(
    *,
    observations: Iterable[Mapping[str, object]] = (),
    events: Iterable[Mapping[str, object]] = (),
    participants: Iterable[Mapping[str, object]] = (),
    meetings: Iterable[Mapping[str, object]] = (),
    measures: Iterable[Mapping[str, object]] = (),
    synthetic: bool = False,
    sources: tuple[str, ...] = (),
) -> FollowUpData:
    """Follow-up data from rows given as mappings (column name → value), read with the same
    columns, parsers and row checks as the files (so the same problems are found, with the
    same messages): e.g. the rows of data frames
    ([`dua.frames.follow_up_from_frames`][dua.frames.followup.follow_up_from_frames]).
    Values may be texts, whole numbers, exact decimals, floats (taken at their shortest
    decimal form), dates, booleans or lists (for list columns).

    >>> data = followup_from_records(events=[{"kind": "traineejobb", "date": date(2016, 3, 1)}])
    >>> data.events[0].on
    datetime.date(2016, 3, 1)

    Raises:
        ValidationError: every problem, with paths such as `observations[2].datum` (rows
            counted from 1).
    """
    given = {
        "observations": observations,
        "events": events,
        "participants": participants,
        "meetings": meetings,
        "measures": measures,
    }
    problems: list[Problem] = []
    parts: dict[str, Any] = {}
    for kind, records in given.items():
        layout, build = _BUILDERS[kind]
        reading: Reading[Any] = read_mappings(list(records), layout, build, name=kind)
        problems.extend(reading.problems)
        parts[kind] = reading.results
    measures_read, duplicates = _measures(parts["measures"])
    problems.extend(duplicates)
    parts["measures"] = measures_read
    if problems:
        raise ValidationError(problems)
    return _followup(parts, list(sources), synthetic=synthetic)


_JSON_KEYS = (*FILES, "synthetic")


def read_json(text: str, source: str = "<json>") -> FollowUpData:
    """Read follow-up data from a JSON document: an object with the keys `observations`,
    `events`, `participants`, `meetings` (lists of rows with the table columns as keys,
    Swedish or English), `measures` (an object from indicator to measure) and optionally
    `synthetic` (`true` for invented data). Numbers are read exactly (no floats).

    >>> data = read_json('{"events": [{"kind": "traineejobb", "date": "2016-03-01"}]}')
    >>> data.events[0].on
    datetime.date(2016, 3, 1)

    Raises:
        FileFormatError: not valid JSON, not an object, or beyond a limit of
            [`dua.limits`][dua.limits] (size, depth).
        ValidationError: every problem, with paths such as `observations[2].datum`
            (duplicate keys, lone surrogates and numbers beyond the limits included).
    """
    # Within the limits of dua.limits (size, depth, numbers, duplicate keys, surrogates).
    document = loads_json(text, source=source, parse_float=Decimal)
    if not isinstance(document, dict):
        raise FileFormatError("error.followup.json_object", file=source)
    problems: list[Problem] = [
        Problem.of(
            mask_value(str(key))[1:-1], "error.followup.unknown_key", known=", ".join(_JSON_KEYS)
        )
        for key in document
        if key not in _JSON_KEYS
    ]
    parts: dict[str, Any] = {}
    for kind in FILES[:-1]:
        layout, build = _BUILDERS[kind]
        reading: Reading[Any] = read_mappings(document.get(kind, []), layout, build, name=kind)
        problems.extend(reading.problems)
        parts[kind] = reading.results
    given = document.get("measures", {})
    measures: dict[str, str] = {}
    if not isinstance(given, dict):
        problems.append(Problem.of("measures", "error.followup.measures_object"))
    else:
        for indicator, measure in given.items():
            if measure not in MEASURES:
                problems.append(
                    Problem.of(
                        f"measures.{mask_value(str(indicator))[1:-1]}",
                        "error.followup.unknown_measure",
                        measure=mask_value(measure),
                        known=", ".join(MEASURES),
                    )
                )
            else:
                measures[str(indicator)] = measure
    parts["measures"] = measures
    synthetic = document.get("synthetic", False)
    if not isinstance(synthetic, bool):
        problems.append(Problem.of("synthetic", "error.followup.synthetic"))
        synthetic = False
    if problems:
        raise ValidationError(problems, source=source)
    return _followup(parts, [] if source == "<json>" else [source], synthetic=synthetic)


def _followup_root() -> Traversable:
    return resources.files("dua.examples").joinpath("followup")


def followup_names() -> tuple[str, ...]:
    """The bundled examples that have a synthetic follow-up dataset.

    >>> "norrkoping-2018" in followup_names()
    True
    """
    root = _followup_root()
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and (entry / "README.md").is_file()
        )
    )


def load_followup(name: str) -> FollowUpData:
    """The bundled **synthetic** follow-up dataset of the example `name` (see
    `dua.examples`), for illustration and tests: invented numbers, no real persons. Its
    `sources` read `dua.examples.followup:<name>/<file>`.

    Raises:
        UnknownExampleError: no bundled dataset of that name.
    """
    known = followup_names()
    if name not in known:
        raise UnknownExampleError(name, known)
    folder = _followup_root() / name
    label = f"dua.examples.followup:{name}"
    found = _folder_files(list(folder.iterdir()), label)
    readers = {
        kind: _bind_resource(kind, found[kind], f"{label}/{found[kind].name}")
        for kind in FILES
        if kind in found
    }
    parts, problems, _failed = _gather(readers)
    if problems:
        raise ValidationError(problems, source=label)
    sources = [f"{label}/{found[kind].name}" for kind in FILES if kind in found]
    return _followup(parts, sources, synthetic=True)


def _bind_resource(kind: str, file: Traversable, label: str) -> Callable[[], Any]:
    return lambda: _read_resource(kind, file, label)
