"""KAA coverage and the responsible home municipality on data frames.

The same rule as [`dua.rules.kaa`][dua.rules.kaa] (skollagen (SFS 2010:800) 29 kap. 9 § and
6 §, in the version in force on the date asked: `kaa-2015-01-01`, `kaa-2018-07-01` or
`kaa-2023-07-02`), written once as narwhals expressions. The legal numbers (the age limit
20, compulsory-school end age 16 and the spring term's end, whether introduction
programmes are covered) are read from the same dated parameter data the object rule reads.

Inputs: a **persons** frame (one row per person: `key`, `birth_date`, optionally
`home_municipality`, `residence`, `registered_in_sweden`), and optionally the long
**enrolments** (`key`, `kind`, `start`, `end`) and **qualifications** (`key`, `kind`, `on`)
frames, joined by `key`. Without them nobody is enrolled and nobody holds a document.

>>> from datetime import date
>>> import polars as pl
>>> persons = pl.DataFrame({"key": ["p1", "p2"], "birth_date": [date(2001, 3, 1), date(1998, 1, 1)],
...                         "home_municipality": ["1863", "1863"]})
>>> enrolments = pl.DataFrame({"key": ["p1"], "kind": ["introduktionsprogram"],
...                            "start": [date(2017, 8, 20)], "end": [None]})
>>> out = kaa_coverage(persons, on=date(2018, 7, 1), enrolments=enrolments)
>>> out.select("key", "kaa", "kaa_reason", "kaa_value", "kaa_version").rows()
[('p1', False, 'not_enrolled', None, 'kaa-2018-07-01'), ('p2', False, 'age', None, 'kaa-2018-07-01')]
>>> kaa_coverage(persons, on=date(2018, 6, 30), enrolments=enrolments)["kaa_value"].to_list()
['1863', None]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dua.frames._backend import nw
from dua.frames._columns import ENROLMENTS, PERSONS, QUALIFICATIONS
from dua.frames._rules import HistoryFacts, Outcome, Persons
from dua.frames.expressions import active_on, after_day_of_year, turned
from dua.model import EnrolmentKind, QualificationKind, ResidenceStatus
from dua.rules.kaa import RULE, _Context, _context

__all__ = ["home_municipality", "kaa_coverage", "kaa_outcome"]

_WANTED = ("key", "birth_date", "home_municipality", "residence", "registered_in_sweden")
_COMPLETED = (
    QualificationKind.UPPER_SECONDARY_DIPLOMA,
    QualificationKind.ADAPTED_CERTIFICATE,
    QualificationKind.EQUIVALENT_COMPLETED,
    QualificationKind.FOREIGN_UPPER_SECONDARY,
)
_NOT_RESPONSIBLE = [ResidenceStatus.ASYLUM_SEEKER.name, ResidenceStatus.UNDOCUMENTED.name]


def _facts(
    persons: Persons,
    ctx: _Context,
    enrolments: object | None,
    qualifications: object | None,
    columns: Mapping[str, str] | None,
    check: bool,
) -> None:
    on = ctx.on
    kind = nw.col("kind")
    histories = []
    if qualifications is not None:
        histories.append(
            HistoryFacts(
                history=qualifications,
                layout=QUALIFICATIONS,
                facts={
                    "__kaa_compulsory_done": kind == QualificationKind.COMPULSORY_COMPLETED.name,
                    "__kaa_completed": kind.is_in([k.name for k in _COMPLETED]),
                },
                where=nw.col("on") <= on,
            )
        )
    if enrolments is not None:
        histories.append(
            HistoryFacts(
                history=enrolments,
                layout=ENROLMENTS,
                facts={
                    "__kaa_in_compulsory": kind == EnrolmentKind.COMPULSORY.name,
                    "__kaa_in_upper_secondary": kind.is_in([k.name for k in ctx.ends_coverage]),
                },
                where=active_on(nw.col("start"), nw.col("end"), on),
            )
        )
    persons.join_histories(histories, columns=columns, check=check)


def kaa_outcome(persons: Persons, ctx: _Context) -> Outcome:
    """The KAA criteria as expressions over a prepared persons frame (with the history
    facts joined), for reuse by rules built on KAA (e.g. the KAA 16–19 target group)."""
    on = ctx.on
    born = persons.col("birth_date")
    residence = persons.col("residence")
    registered = persons.col("registered_in_sweden")
    not_responsible = residence.is_in(_NOT_RESPONSIBLE).fill_null(False)
    registered_later = (~registered.is_null()) & (registered > on).fill_null(False)
    permanent = (residence == ResidenceStatus.PERMANENT_STAY.name).fill_null(False)
    month, day = ctx.term_end
    # Registered in Sweden after compulsory schooling would have ended (7 kap. 10, 12 §§).
    arrived_after_school = (~registered.is_null()) & after_day_of_year(
        registered, born.dt.year() + ctx.end_age, month, day
    ).fill_null(False)
    compulsory = (
        ~persons.fact("__kaa_compulsory_done")
        & ~arrived_after_school
        & ((born.dt.year() > ctx.latest_done_year) | persons.fact("__kaa_in_compulsory"))
    )
    return Outcome(
        rule=RULE,
        criteria=(
            ("age", turned(born, ctx.age_limit, on) | (born > on)),
            ("residence", not_responsible | (registered_later & ~permanent)),
            ("compulsory_school", compulsory),
            ("not_completed", persons.fact("__kaa_completed")),
            ("not_enrolled", persons.fact("__kaa_in_upper_secondary")),
        ),
        version=ctx.version.id,
        value=persons.col("home_municipality"),
    )


def kaa_coverage(
    persons: Any,
    *,
    on: date,
    enrolments: Any = None,
    qualifications: Any = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The persons frame with KAA coverage on `on` (skollagen (SFS 2010:800) 29 kap. 9 §).

    Adds `kaa` (bool: covered), `kaa_reason` (the first failing criterion of
    [`REASONS`][dua.rules.kaa.REASONS]: `age`, `residence`, `compulsory_school`,
    `not_completed`, `not_enrolled`; null when covered), `kaa_value` (the responsible home
    municipality, 29 kap. 6 §, when covered; else null) and `kaa_version` (the law version
    applied). Row for row the same answers as [`kaa_coverage`][dua.rules.kaa.kaa_coverage].

    Args:
        persons: one row per person, any frame narwhals reads (pandas, polars eager or
            lazy, pyarrow, DuckDB, Dask, PySpark/sqlframe).
        on: the day asked about.
        enrolments: the long enrolments frame, of the same library and kind (eager or
            lazy) as `persons`; `None` when nobody is enrolled.
        qualifications: the long qualifications frame (school documents), or `None`.
        columns: model name → the frame's column name, for names that differ from both
            the model's and the Swedish export headers (applies to every frame).
        check: check values (no empty keys or birth dates, known categories) before
            computing; on a lazy frame this runs one small aggregate query per frame.
            Names and types are always checked.

    Returns:
        The same kind of frame as `persons` (lazy stays lazy), its rows with the new
        columns; eager frames keep their row order.

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: `on` is before 2015-01-01.
    """
    ctx = _context(on)
    prepared = Persons(persons, PERSONS, columns=columns, wanted=_WANTED, check=check)
    _facts(prepared, ctx, enrolments, qualifications, columns, check)
    return prepared.result(kaa_outcome(prepared, ctx))


def home_municipality(
    persons: Any,
    *,
    on: date,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
) -> Any:
    """The persons frame with the municipality carrying the KAA responsibility
    (skollagen (SFS 2010:800) 29 kap. 6 §), as
    [`home_municipality`][dua.rules.kaa.home_municipality] decides it.

    Adds `kaa_home_municipality` (bool: a municipality can be named),
    `kaa_home_municipality_reason` (`home_municipality` when none can, else null),
    `kaa_home_municipality_value` (the municipality code: registration, permanent stay or
    current stay; null for asylum seekers and undocumented young people) and
    `kaa_home_municipality_version`.

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: `on` is before 2015-01-01.
    """
    ctx = _context(on)
    prepared = Persons(persons, PERSONS, columns=columns, wanted=_WANTED, check=check)
    residence = prepared.col("residence")
    code = nw.when(~residence.is_in(_NOT_RESPONSIBLE).fill_null(False)).then(
        prepared.col("home_municipality")
    )
    outcome = Outcome(
        rule=f"{RULE}_home_municipality",
        criteria=(("home_municipality", code.is_null()),),
        version=ctx.version.id,
        value=code,
    )
    return prepared.result(outcome)
